//! Explanations as text for people and JSON for programs.

use serde_json::{Map, Value as Json, json as j};

use super::{Explanation, Losses, Step, StepKind};
use crate::lang::msg;
use crate::output;

/// The computation tree, then the articles it cites, then (if asked) the losses.
pub fn text(e: &Explanation, losses: Option<&Losses>) -> String {
    let mut out = format!("{} — {}\n", e.department, e.regulation);
    for step in &e.steps {
        out.push('\n');
        tree(step, "", true, true, &mut out);
    }
    if let Some(l) = losses {
        out.push_str(&losses_text(l));
    }
    if !e.articles.is_empty() {
        out.push_str(&format!("\n{}\n", msg!("explain-articles-cited")));
        for (r, text) in &e.articles {
            match text {
                Some(t) => out.push_str(&format!("  {r}　{t}\n")),
                None => out.push_str(&format!("  {r}\n")),
            }
        }
    }
    out
}

fn tree(step: &Step, prefix: &str, last: bool, root: bool, out: &mut String) {
    let (branch, more) = match (root, last) {
        (true, _) => ("", ""),
        (false, true) => ("└─ ", "   "),
        (false, false) => ("├─ ", "│  "),
    };
    let mut line = format!("{prefix}{branch}{} = {}", step.name, step.value);
    if let Some(x) = &step.exact {
        line.push_str(&format!("  {}", aside(&exactly(x))));
    }
    match (step.kind, kind_word(step.kind)) {
        (StepKind::Repeat, Some(w)) => line.push_str(&format!("  {}", aside(&w))),
        (_, Some(w)) => line.push_str(&format!("  {}", msg!("explain-w", w))),
        (_, None) => {}
    }
    if !step.refs.is_empty() {
        line.push_str(&format!("  {}", step.refs.join("、")));
    }
    out.push_str(&line);
    out.push('\n');
    let inner = format!("{prefix}{more}");
    let bar = if step.children.is_empty() { "   " } else { "│  " };
    if let Some(f) = &step.formula {
        out.push_str(&format!("{inner}{bar}= {f}\n"));
    }
    for n in &step.notes {
        out.push_str(&format!("{inner}{bar}※ {n}\n"));
    }
    for (i, c) in step.children.iter().enumerate() {
        tree(c, &inner, i + 1 == step.children.len(), false, out);
    }
}

fn losses_text(l: &Losses) -> String {
    let mut out = format!("\n{}\n", msg!("explain-where-points-were-lost-largest"));
    if l.items.is_empty() {
        out.push_str(&format!("  {}\n", msg!("explain-none-every-field-already-gives")));
    }
    let colon = msg!("colon");
    for item in &l.items {
        let refs = if item.refs.is_empty() { String::new() } else { format!("  {}", item.refs.join("、")) };
        out.push_str(&format!(
            "  {:>7}  {}{colon}{} → {}{refs}\n",
            format!("+{}", output::number_text(item.points, 2)),
            item.field,
            item.now,
            item.best
        ));
    }
    if let Some(next) = next_grade_text(l) {
        out.push_str(&format!("\n{next}\n"));
    }
    out
}

/// What a step of the data or a parameter is called beside its value (`数据`, `参数`, `见上`
/// for a value explained above); `None` for a computed value.
pub fn kind_word(kind: StepKind) -> Option<String> {
    match kind {
        StepKind::Input => Some(msg!("explain-data")),
        StepKind::Parameter => Some(msg!("explain-parameter")),
        StepKind::Repeat => Some(msg!("explain-see-above")),
        StepKind::Value => None,
    }
}

/// A value's exact value, said beside what is printed: `精确值 54.9500424`.
pub fn exactly(exact: &str) -> String {
    msg!("explain-exactly-exact", exact)
}

/// `text` in brackets, as an aside: `(…)`, `（…）`.
fn aside(text: &str) -> String {
    msg!("explain-text", text)
}

/// Where the department stands and what the next grade needs: `现为“诫勉”（56.77），距“达标”还差
/// 3.23 分`; `None` without a grade.
pub fn next_grade_text(l: &Losses) -> Option<String> {
    let score = &l.score;
    match (&l.grade, &l.next) {
        (Some(g), Some((next, needed))) => {
            let needed = output::number_text(*needed, 2);
            Some(msg!("explain-now-g-score-next-needs", g, score, next, needed))
        }
        (Some(g), None) => Some(msg!("explain-now-g-score-highest-grade", g, score)),
        _ => None,
    }
}

/// The same as JSON: `{ department, regulation, steps: [ … ], articles: { … }, losses: … }`.
pub fn json(e: &Explanation, losses: Option<&Losses>) -> String {
    let mut doc = Map::new();
    doc.insert("department".into(), Json::String(e.department.clone()));
    doc.insert("regulation".into(), Json::String(e.regulation.clone()));
    doc.insert("steps".into(), Json::Array(e.steps.iter().map(step_json).collect()));
    let articles: Map<String, Json> =
        e.articles.iter().map(|(r, t)| (r.clone(), t.clone().map_or(Json::Null, Json::String))).collect();
    doc.insert("articles".into(), Json::Object(articles));
    if let Some(l) = losses {
        let items: Vec<Json> = l
            .items
            .iter()
            .map(|i| j!({ "field": i.field, "points": output::number_text(i.points, 2), "now": i.now, "best": i.best, "refs": i.refs }))
            .collect();
        let next = l.next.as_ref().map(|(g, n)| j!({ "grade": g, "needed": output::number_text(*n, 2) }));
        doc.insert("losses".into(), j!({ "score": l.score, "grade": l.grade, "next": next, "items": items }));
    }
    let mut out = serde_json::to_string_pretty(&Json::Object(doc)).unwrap_or_default();
    out.push('\n');
    out
}

fn step_json(s: &Step) -> Json {
    let kind = match s.kind {
        StepKind::Value => "value",
        StepKind::Input => "data",
        StepKind::Parameter => "parameter",
        StepKind::Repeat => "see above",
    };
    j!({
        "name": s.name,
        "kind": kind,
        "value": s.value,
        "exact": s.exact,
        "formula": s.formula,
        "notes": s.notes,
        "refs": s.refs,
        "children": s.children.iter().map(step_json).collect::<Vec<_>>(),
    })
}
