//! Result snapshots: the rules of a regulation and its results on a data file, as a reviewer
//! accepted them (`jixiao test --accept`), kept in a JSON file beside the regulation
//! (`jiangsu-2011.jx` → `jiangsu-2011.snapshot.json`). A later run compares the rules and
//! results now with those: any declaration that changed, and every department and value
//! that moved, is named.
//!
//! The file: `{ "regulation": title, "data": path of the data relative to the snapshot's
//! folder, "rules": [each rule declaration in canonical layout], "results": [as
//! `jixiao eval --format json` gives them] }`.

use serde_json::{Value as Json, json};

use super::rules::declarations;
use crate::syntax::ast::File;

/// Each rule declaration (tests and samples aside) as a line of the snapshot: an indicator
/// with the indicator it belongs to.
pub fn rules(file: &File) -> Vec<String> {
    declarations(file)
        .into_iter()
        .filter(|d| d.kind.is_rule())
        .map(|d| match d.parent {
            Some(parent) => format!("{}（属于 {parent}）", d.text),
            None => d.text,
        })
        .collect()
}

/// A snapshot document.
pub fn document(title: &str, data: &str, rules: &[String], results: Json) -> String {
    let doc = json!({ "regulation": title, "data": data, "rules": rules, "results": results });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// A field of a department's results that differs: its key (`score`, `values.总分`), its
/// text before and after (`None`: not there).
pub type FieldMove = (String, Option<String>, Option<String>);

/// How the rules and results now differ from the snapshot's.
#[derive(Debug, Default, PartialEq)]
pub struct Drift {
    /// Rule lines only the snapshot has.
    pub rules_removed: Vec<String>,
    /// Rule lines only the regulation now has.
    pub rules_added: Vec<String>,
    /// By department (in the order of the results now, then those gone): each field that
    /// differs, with its text before and after (`None`: not there).
    pub departments: Vec<(String, Vec<FieldMove>)>,
}

impl Drift {
    pub fn is_empty(&self) -> bool {
        self.rules_removed.is_empty() && self.rules_added.is_empty() && self.departments.is_empty()
    }
}

/// Compares a snapshot (`accepted`: its rules and results) with the rules and results now.
pub fn drift(accepted: (&[String], &Json), now: (&[String], &Json)) -> Drift {
    let mut out = Drift {
        rules_removed: accepted.0.iter().filter(|r| !now.0.contains(r)).cloned().collect(),
        rules_added: now.0.iter().filter(|r| !accepted.0.contains(r)).cloned().collect(),
        departments: Vec::new(),
    };
    let (before, after) = (by_department(accepted.1), by_department(now.1));
    for (name, fields) in &after {
        let old = before.iter().find(|(n, _)| n == name).map(|(_, f)| f.as_slice()).unwrap_or(&[]);
        let moved = moved_fields(old, fields);
        if !moved.is_empty() {
            out.departments.push((name.clone(), moved));
        }
    }
    for (name, fields) in &before {
        if !after.iter().any(|(n, _)| n == name) {
            out.departments.push((name.clone(), moved_fields(fields, &[])));
        }
    }
    out
}

type Fields = Vec<(String, String)>;

/// Each department's result as (field, text) pairs: `score`, `grade`, …, then each value as
/// `values.NAME` (a per-leaf value as `values.NAME.LEAF`).
fn by_department(results: &Json) -> Vec<(String, Fields)> {
    let Some(items) = results.as_array() else { return Vec::new() };
    items
        .iter()
        .map(|item| {
            let name = item.get("department").and_then(Json::as_str).unwrap_or_default().to_string();
            let mut fields = Vec::new();
            if let Some(object) = item.as_object() {
                for (key, value) in object.iter().filter(|(k, _)| *k != "department") {
                    flatten(key, value, &mut fields);
                }
            }
            (name, fields)
        })
        .collect()
}

fn flatten(key: &str, value: &Json, out: &mut Fields) {
    match value {
        Json::Object(map) => map.iter().for_each(|(k, v)| flatten(&format!("{key}.{k}"), v, out)),
        Json::String(s) => out.push((key.to_string(), s.clone())),
        other => out.push((key.to_string(), other.to_string())),
    }
}

fn moved_fields(old: &[(String, String)], new: &[(String, String)]) -> Vec<FieldMove> {
    let find = |list: &[(String, String)], key: &str| list.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let mut out: Vec<_> = new
        .iter()
        .filter_map(|(k, v)| {
            let before = find(old, k);
            (before.as_deref() != Some(v)).then(|| (k.clone(), before, Some(v.clone())))
        })
        .collect();
    out.extend(old.iter().filter(|(k, _)| find(new, k).is_none()).map(|(k, v)| (k.clone(), Some(v.clone()), None)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(name: &str, score: &str, grade: &str) -> Json {
        json!({ "department": name, "score": score, "grade": grade, "rank": 1, "values": { "总分": score, "等次": grade } })
    }

    #[test]
    fn the_same_rules_and_results_do_not_drift() {
        let rules = vec!["参数 优秀线 = 90".to_string()];
        let results = json!([result("甲", "91.00", "优秀")]);
        assert!(drift((&rules, &results), (&rules, &results)).is_empty());
    }

    #[test]
    fn every_moved_value_and_rule_is_named() {
        let (old_rules, new_rules) = (vec!["参数 优秀线 = 90".to_string()], vec!["参数 优秀线 = 92".to_string()]);
        let old = json!([result("甲", "91.00", "优秀"), result("乙", "80.00", "合格"), result("丙", "70.00", "合格")]);
        let new = json!([result("甲", "91.00", "合格"), result("乙", "80.00", "合格"), result("丁", "60.00", "合格")]);
        let d = drift((&old_rules, &old), (&new_rules, &new));
        assert_eq!(d.rules_removed, ["参数 优秀线 = 90"]);
        assert_eq!(d.rules_added, ["参数 优秀线 = 92"]);
        let named: Vec<&str> = d.departments.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(named, ["甲", "丁", "丙"]);
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            d.departments[0].1,
            [
                ("grade".to_string(), some("优秀"), some("合格")),
                ("values.等次".to_string(), some("优秀"), some("合格"))
            ]
        );
        assert!(d.departments[1].1.iter().all(|(_, old, _)| old.is_none()));
        assert!(d.departments[2].1.iter().all(|(_, _, new)| new.is_none()));
    }
}
