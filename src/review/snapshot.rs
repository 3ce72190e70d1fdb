//! Result snapshots: the rules of a regulation and its results on a data file, as a reviewer
//! accepted them (`jixiao test --accept`), kept in a JSON file beside the regulation
//! (`jiangsu-2011.jx` → `jiangsu-2011.snapshot.json`). A later run compares the rules and
//! results now with those: any declaration that changed, and every department and value
//! that moved, is named.
//!
//! The file: `{ "regulation": title, "data": path of the data relative to the snapshot's
//! folder, "rules": [each rule declaration in canonical layout], "results": [as
//! `jixiao eval --format json` gives them] }`.

use std::collections::{HashMap, HashSet};

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
    /// Rule lines only the snapshot has (a line twice there and once now counts once).
    pub rules_removed: Vec<String>,
    /// Rule lines only the regulation now has.
    pub rules_added: Vec<String>,
    /// By department, in the order of the results now, then those gone.
    pub departments: Vec<(String, DepartmentDrift)>,
}

/// How one department's results differ from the snapshot's.
#[derive(Debug, PartialEq)]
pub enum DepartmentDrift {
    /// In the results now, not in the snapshot.
    Added,
    /// In the snapshot, not in the results now.
    Removed,
    /// Each field that differs.
    Moved(Vec<FieldMove>),
}

impl Drift {
    /// Whether nothing moved: the snapshot holds.
    pub fn is_empty(&self) -> bool {
        self.rules_removed.is_empty() && self.rules_added.is_empty() && self.departments.is_empty()
    }
}

/// Compares a snapshot (`accepted`: its rules and results) with the rules and results now.
/// Rules are compared as lines, each as often as it occurs; their order does not count.
pub fn drift(accepted: (&[String], &Json), now: (&[String], &Json)) -> Drift {
    let mut out = Drift {
        rules_removed: only_in(accepted.0, now.0),
        rules_added: only_in(now.0, accepted.0),
        departments: Vec::new(),
    };
    let (before, after) = (by_department(accepted.1), by_department(now.1));
    let old: HashMap<&str, &Fields> = before.iter().map(|(n, f)| (n.as_str(), f)).collect();
    for (name, fields) in &after {
        match old.get(name.as_str()) {
            None => out.departments.push((name.clone(), DepartmentDrift::Added)),
            Some(old) => {
                let moved = moved_fields(old, fields);
                if !moved.is_empty() {
                    out.departments.push((name.clone(), DepartmentDrift::Moved(moved)));
                }
            }
        }
    }
    let new: HashSet<&str> = after.iter().map(|(n, _)| n.as_str()).collect();
    for (name, _) in &before {
        if !new.contains(name.as_str()) {
            out.departments.push((name.clone(), DepartmentDrift::Removed));
        }
    }
    out
}

/// The lines of `a` not matched by a line of `b`, each line of `b` matching one of `a`.
fn only_in(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for line in b {
        *left.entry(line.as_str()).or_default() += 1;
    }
    a.iter()
        .filter(|line| match left.get_mut(line.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
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
            DepartmentDrift::Moved(vec![
                ("grade".to_string(), some("优秀"), some("合格")),
                ("values.等次".to_string(), some("优秀"), some("合格"))
            ])
        );
        assert_eq!(d.departments[1].1, DepartmentDrift::Added);
        assert_eq!(d.departments[2].1, DepartmentDrift::Removed);
    }

    /// A value added to the regulation moves every department by that value alone.
    #[test]
    fn a_new_value_is_one_field_of_each_department() {
        let rules = vec!["计算 总分 = 得分".to_string()];
        let old = json!([{ "department": "甲", "values": { "总分": "90.00" } }]);
        let new = json!([{ "department": "甲", "values": { "总分": "90.00", "加分": "1.00" } }]);
        let d = drift((&rules, &old), (&rules, &new));
        let moved = DepartmentDrift::Moved(vec![("values.加分".to_string(), None, Some("1.00".to_string()))]);
        assert_eq!(d.departments, [("甲".to_string(), moved)]);
    }

    #[test]
    fn rules_are_compared_as_often_as_they_occur() {
        let twice = vec!["要求 a".to_string(), "要求 a".to_string(), "参数 b = 1".to_string()];
        let once = vec!["参数 b = 1".to_string(), "要求 a".to_string()];
        let d = drift((&twice, &json!([])), (&once, &json!([])));
        assert_eq!((d.rules_removed, d.rules_added), (vec!["要求 a".to_string()], vec![]));
        let reordered: Vec<String> = twice.iter().rev().cloned().collect();
        assert!(drift((&twice, &json!([])), (&reordered, &json!([]))).is_empty());
    }
}
