//! A review of a change (`jixiao diff`) for people (text with tables) and programs (JSON,
//! CSV): the declarations that differ, then who moved, the grade transition matrix, and one
//! department's values traced to the declarations that moved them.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Table};
use serde_json::{Value as Json, json};

use super::{BOM, csv_line, neutralised};
use crate::lang::msg;
use crate::review::results::{Comparison, Moved, change_text, points_text};
use crate::review::rules::{Change, RulesDiff};
use crate::review::snapshot::{DepartmentDrift, Drift, FieldMove};
use crate::review::sweep::Sweep;
use crate::review::trace::ValueMove;

/// Departments that moved listed in the table for people (grade changes and the largest
/// moves first); the other formats list them all.
const TABLE_ROWS: usize = 100;

/// One department's values that moved (`jixiao diff --department`).
pub struct DepartmentMoves<'a> {
    pub name: &'a str,
    pub moves: &'a [ValueMove],
}

/// The declarations that differ, one a line (two for a changed one: before and after).
pub fn rules_text(rules: &RulesDiff) -> String {
    let mut out = format!("{}\n", msg!("output-changes-regulation-old-new"));
    if rules.changes.is_empty() {
        out.push_str(&if rules.layout_only {
            format!("  {}\n", msg!("output-only-comments-layout-differ-rules"))
        } else {
            format!("  {}\n", msg!("output-none-rules-same"))
        });
    }
    for change in &rules.changes {
        let d = change.declaration();
        let what = format!("{} {}", d.kind.word(), d.name);
        let line = |text: &str| text.replace('\n', "\n      ");
        match change {
            Change::Added(d) => {
                out.push_str(&format!("  {}\n", msg!("output-added-what-line", what, line = line(&d.text))))
            }
            Change::Removed(d) => {
                out.push_str(&format!("  {}\n", msg!("output-removed-what-line", what, line = line(&d.text))))
            }
            Change::Changed { old, new } => out.push_str(&format!(
                "  {}\n",
                msg!("output-changed-what-was-line-now", what, line = line(&old.text), line_new_text = line(&new.text))
            )),
        }
        if d.kind == crate::review::rules::Kind::Parameter && rules.overridden.contains(&d.name) {
            out.push_str(&format!("      {}\n", msg!("output-both-runs-set-same-value")));
        }
    }
    out
}

/// The whole review as text: rules, summary, transition matrix, departments that moved.
pub fn diff_text(rules: &RulesDiff, c: &Comparison, department: Option<DepartmentMoves>, set: &[String]) -> String {
    let mut out = rules_text(rules);
    if !set.is_empty() {
        out.push_str(&format!("{}\n", msg!("output-parameters-set-both-runs-set", set = set.join(&msg!("sep-comma")))));
    }
    out.push('\n');
    out.push_str(&summary_text(c));
    if !c.grades.is_empty() {
        out.push_str(&format!("\n{}\n", msg!("output-grades-before-rows-after-columns")));
        out.push_str(&matrix_table(c));
        out.push('\n');
    }
    out.push_str(&movers_text(c));
    if let Some(d) = department {
        out.push('\n');
        out.push_str(&department_text(&d, rules));
    }
    out
}

/// How many moved, who moved most, and who is in one run only.
fn summary_text(c: &Comparison) -> String {
    let s = c.summary();
    let mut out = format!(
        "{}\n",
        msg!(
            "output-results-compared-departments-compared-grade",
            compared = s.compared,
            grade_changed = s.grade_changed,
            rank_changed = s.rank_changed,
            score_changed = s.score_changed
        )
    );
    if s.flag_changed > 0 {
        out.push_str(&format!(
            "  {}\n",
            msg!("output-flag-changed-departments-had-flag", flag_changed = s.flag_changed)
        ));
    }
    let movers = |list: &[usize]| -> String {
        let named = list.iter().map(|&i| {
            format!("{} {}", super::table::printable(&c.both[i].new.unit), change_text(c.both[i].score_change()))
        });
        named.collect::<Vec<_>>().join(msg!("sep-comma").as_str())
    };
    if !s.up.is_empty() {
        out.push_str(&format!("  {}\n", msg!("output-largest-rises-movers", movers = movers(&s.up))));
    }
    if !s.down.is_empty() {
        out.push_str(&format!("  {}\n", msg!("output-largest-falls-movers", movers = movers(&s.down))));
    }
    for (list, title) in [(&c.only_old, msg!("output-only-in-old")), (&c.only_new, msg!("output-only-in-new"))] {
        if !list.is_empty() {
            let names: Vec<String> = list.iter().map(|n| super::table::printable(n)).collect();
            out.push_str(&format!("  {}{}{}\n", title, msg!("colon"), names.join(msg!("sep-list").as_str())));
        }
    }
    out
}

/// The departments whose score, grade, rank or flags moved: grade changes first, then by how
/// far the score moved; at most `TABLE_ROWS` of them.
fn movers_text(c: &Comparison) -> String {
    let mut moved: Vec<&Moved> = c.both.iter().filter(|m| m.changed()).collect();
    let size = |m: &Moved| {
        m.score_change().map(|n| if n < crate::number::Number::ZERO { n.checked_neg().unwrap_or(n) } else { n })
    };
    moved.sort_by(|a, b| b.grade_changed().cmp(&a.grade_changed()).then(size(b).cmp(&size(a))));
    if moved.is_empty() {
        return format!("\n{}\n", msg!("output-no-department-s-score-grade"));
    }
    let mut out = format!("\n{}\n", msg!("output-departments-moved"));
    out.push_str(&movers_table(&moved[..moved.len().min(TABLE_ROWS)]));
    out.push('\n');
    if moved.len() > TABLE_ROWS {
        let more = moved.len() - TABLE_ROWS;
        out.push_str(&format!("{}\n", msg!("output-more-more-format-csv-json", more)));
    }
    let same = c.both.len() - moved.len();
    out.push_str(&format!("{}\n", msg!("output-same-departments-unchanged", same)));
    out
}

fn matrix_table(c: &Comparison) -> String {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.force_no_tty();
    let mut header = vec![Cell::new(msg!("output-old-new"))];
    header.extend(c.grades.iter().map(Cell::new));
    t.set_header(header);
    for (grade, row) in c.grades.iter().zip(&c.matrix) {
        let mut cells = vec![Cell::new(grade)];
        cells.extend(row.iter().map(|n| Cell::new(n).set_alignment(CellAlignment::Right)));
        t.add_row(cells);
    }
    t.to_string()
}

/// Columns of the per-department comparison that are shown only when some department has
/// them, and those that hold numbers (scores and their change; ranks and theirs).
const CATEGORY_COLUMN: usize = 1;
const FLAGS_COLUMN: usize = 10;
const SCORE_COLUMNS: std::ops::RangeInclusive<usize> = 2..=4;
const RANK_COLUMNS: std::ops::RangeInclusive<usize> = 7..=9;

/// The column names of the per-department comparison.
fn mover_header() -> Vec<String> {
    vec![
        msg!("output-column-department"),
        msg!("output-column-category"),
        msg!("output-column-old-score"),
        msg!("output-column-new-score"),
        msg!("output-column-change"),
        msg!("output-column-old-grade"),
        msg!("output-column-new-grade"),
        msg!("output-column-old-rank"),
        msg!("output-column-new-rank"),
        msg!("output-column-places-up"),
        msg!("output-column-flags"),
    ]
}

fn mover_row(m: &Moved) -> Vec<String> {
    let rank = |r: Option<i64>| r.map(|r| r.to_string()).unwrap_or_default();
    vec![
        m.new.unit.clone(),
        m.new.category.as_deref().or(m.old.category.as_deref()).unwrap_or_default().to_string(),
        points_text(m.old.score),
        points_text(m.new.score),
        change_text(m.score_change()),
        m.old.grade.as_deref().unwrap_or_default().to_string(),
        m.new.grade.as_deref().unwrap_or_default().to_string(),
        rank(m.old.rank),
        rank(m.new.rank),
        m.rank_change().map(|r| if r > 0 { format!("+{r}") } else { r.to_string() }).unwrap_or_default(),
        m.flag_changes().join(" "),
    ]
}

fn movers_table(moved: &[&Moved]) -> String {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.force_no_tty();
    // The category column only where departments have one.
    let category = moved.iter().any(|m| m.new.category.is_some() || m.old.category.is_some());
    let flags = moved.iter().any(|m| m.old.flags != m.new.flags);
    let shown = |i: &usize| (category || *i != CATEGORY_COLUMN) && (flags || *i != FLAGS_COLUMN);
    t.set_header(mover_header().into_iter().enumerate().filter(|(i, _)| shown(i)).map(|(_, h)| h));
    for m in moved {
        let cells: Vec<Cell> = mover_row(m)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| shown(i))
            .map(|(i, text)| {
                let cell = Cell::new(super::table::printable(&text));
                let number = SCORE_COLUMNS.contains(&i) || RANK_COLUMNS.contains(&i);
                if number { cell.set_alignment(CellAlignment::Right) } else { cell }
            })
            .collect();
        t.add_row(cells);
    }
    t.to_string()
}

fn department_text(d: &DepartmentMoves, rules: &RulesDiff) -> String {
    let name = super::table::printable(d.name);
    let mut out = format!("{}\n", msg!("output-values-name-changed", name));
    if d.moves.is_empty() {
        out.push_str(&format!("  {}\n", msg!("explain-none")));
    }
    let none = msg!("output-none");
    for m in d.moves {
        let (old, new) = (m.old.as_deref().unwrap_or(&none), m.new.as_deref().unwrap_or(&none));
        out.push_str(&format!("  {}{}{old} → {new}\n", m.name, msg!("colon")));
        if !m.because.is_empty() {
            // Each changed declaration with the articles it cites.
            let cited = |k: &crate::review::rules::Kind, n: &str| -> String {
                let refs = rules
                    .changes
                    .iter()
                    .map(Change::declaration)
                    .find(|d| d.kind == *k && d.name == n)
                    .map(|d| d.refs.join("、"))
                    .unwrap_or_default();
                if refs.is_empty() { String::new() } else { msg!("output-refs", refs) }
            };
            let because: Vec<String> =
                m.because.iter().map(|(k, n)| format!("{} {n}{}", k.word(), cited(k, n))).collect();
            out.push_str(&format!(
                "      {}\n",
                msg!("output-because-because", because = because.join(&msg!("sep-list")))
            ));
        }
    }
    out
}

/// The review as JSON (keys in English, as in every JSON jixiao writes).
pub fn diff_json(rules: &RulesDiff, c: &Comparison, department: Option<DepartmentMoves>, set: &[String]) -> String {
    let changes: Vec<Json> = rules
        .changes
        .iter()
        .map(|change| {
            let d = change.declaration();
            let (what, old, new) = match change {
                Change::Added(d) => ("added", None, Some(&d.text)),
                Change::Removed(d) => ("removed", Some(&d.text), None),
                Change::Changed { old, new } => ("changed", Some(&old.text), Some(&new.text)),
            };
            json!({ "change": what, "kind": d.kind.code(), "name": d.name, "old": old, "new": new, "refs": d.refs })
        })
        .collect();
    let s = c.summary();
    let names = |list: &[usize]| list.iter().map(|&i| c.both[i].new.unit.clone()).collect::<Vec<_>>();
    let department = department.map(|d| {
        let values: Vec<Json> = d
            .moves
            .iter()
            .map(|m| {
                let because: Vec<Json> =
                    m.because.iter().map(|(k, n)| json!({ "kind": k.code(), "name": n })).collect();
                json!({ "name": m.name, "old": m.old, "new": m.new, "because": because })
            })
            .collect();
        json!({ "name": d.name, "values": values })
    });
    let doc = Document {
        rules: json!({
            "changes": changes,
            "layout_only": rules.layout_only,
            "set_in_both": set,
            "overridden": rules.overridden,
        }),
        summary: json!({
            "departments": s.compared,
            "grade_changed": s.grade_changed,
            "rank_changed": s.rank_changed,
            "score_changed": s.score_changed,
            "flag_changed": s.flag_changed,
            "largest_rises": names(&s.up),
            "largest_falls": names(&s.down),
        }),
        transitions: json!({ "grades": c.grades, "counts": c.matrix }),
        departments: Rows(&c.both),
        only_old: &c.only_old,
        only_new: &c.only_new,
        department,
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON review, in this order; the departments are written one by one, not held as a
/// JSON tree (a million departments would take gigabytes so).
#[derive(serde::Serialize)]
struct Document<'a> {
    rules: Json,
    summary: Json,
    transitions: Json,
    departments: Rows<'a>,
    only_old: &'a [String],
    only_new: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    department: Option<Json>,
}

/// Departments in both runs, each as an object when written.
struct Rows<'a>(&'a [Moved]);

impl serde::Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let side = |o: &crate::review::results::Outcome| {
            json!({
                "score": o.score.map(|n| points_text(Some(n))),
                "grade": o.grade.as_deref(),
                "rank": o.rank,
                "flags": o.flags.iter().map(|f| &**f).collect::<Vec<&str>>(),
            })
        };
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for m in self.0 {
            seq.serialize_element(&json!({
                "department": m.new.unit,
                "category": m.new.category.as_deref(),
                "old": side(&m.old),
                "new": side(&m.new),
                "score_change": m.score_change().map(|n| change_text(Some(n))),
                "rank_change": m.rank_change(),
            }))?;
        }
        seq.end()
    }
}

/// Every department in both runs, a line each, then those in only one (the other side
/// empty): for a spreadsheet.
pub fn diff_csv(c: &Comparison, bom: bool) -> String {
    let mut out = if bom { BOM.as_bytes().to_vec() } else { Vec::new() };
    out.extend(csv_line(mover_header().iter().map(|h| neutralised(h))));
    for m in &c.both {
        out.extend(csv_line(cells(mover_row(m)).iter().map(super::ResultCell::csv_text)));
    }
    let blank = |name: &str, old: bool| {
        let mut row = vec![name.to_string(); 1];
        row.extend(std::iter::repeat_n(String::new(), mover_header().len() - 1));
        // Which side it is in: the score column of the other side stays empty.
        row[if old { 2 } else { 3 }] = msg!("output-only-here");
        row
    };
    for name in &c.only_old {
        out.extend(csv_line(blank(name, true).iter().map(|t| neutralised(t))));
    }
    for name in &c.only_new {
        out.extend(csv_line(blank(name, false).iter().map(|t| neutralised(t))));
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `12 (30%)`: a count and its share of the departments.
fn with_share(count: usize, of: usize) -> String {
    if of == 0 {
        return count.to_string();
    }
    let share =
        crate::number::Number::from_parts(count as i128 * 100, of as i128).unwrap_or(crate::number::Number::ZERO);
    format!("{count} ({}%)", crate::number::number_text(share, 0))
}

/// Departments named in the table's last column; the rest are counted.
const NAMED: usize = 3;

/// The sweep as a table: a row a value (the defaults first), departments per grade with their
/// share, and those that changed grade.
pub fn sweep_text(sweep: &Sweep, units: &[crate::program::Unit]) -> String {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.force_no_tty();
    let mut header: Vec<String> = sweep.parameters.clone();
    header.extend(sweep.grades.iter().cloned());
    header.push(msg!("output-sweep-changed-grade"));
    t.set_header(header);
    let mut base = vec![Cell::new(msg!("output-defaults"))];
    base.extend((1..sweep.parameters.len()).map(|_| Cell::new("")));
    base.extend(
        sweep.baseline.iter().map(|&n| Cell::new(with_share(n, sweep.departments)).set_alignment(CellAlignment::Right)),
    );
    base.push(Cell::new(""));
    t.add_row(base);
    for step in &sweep.steps {
        let mut row: Vec<Cell> = step
            .values
            .iter()
            .zip(units)
            .map(|(v, u)| Cell::new(crate::review::rules::parameter_text(*v, *u)).set_alignment(CellAlignment::Right))
            .collect();
        if let Some(why) = &step.refused {
            row.extend(sweep.grades.iter().map(|_| Cell::new("")));
            row.push(Cell::new(msg!("output-not-evaluated-why", why)));
            t.add_row(row);
            continue;
        }
        row.extend(
            step.counts
                .iter()
                .map(|&n| Cell::new(with_share(n, sweep.departments)).set_alignment(CellAlignment::Right)),
        );
        let named: Vec<String> = step.changed.iter().take(NAMED).map(|n| super::table::printable(n)).collect();
        let mut changed = named.join(msg!("sep-list").as_str());
        if step.changed.len() > NAMED {
            changed = msg!("output-step-changed-some", step = step.changed.len(), changed);
        } else if !step.changed.is_empty() {
            changed = msg!("output-step-changed-all", step = step.changed.len(), changed);
        } else {
            changed = "0".to_string();
        }
        row.push(Cell::new(changed));
        t.add_row(row);
    }
    let mut out = msg!(
        "output-departments-departments-grades-value-sweep",
        departments = sweep.departments,
        sweep = sweep.parameters.join(&msg!("sep-list"))
    );
    if !sweep.fixed.is_empty() {
        out.push_str(&msg!("output-every-run-sweep", sweep = sweep.fixed.join(&msg!("sep-comma"))));
    }
    out.push_str(&format!("{}\n", msg!("colon-end")));
    out.push_str(&t.to_string());
    out.push('\n');
    out
}

/// The sweep as JSON: the baseline's counts, then each step's values, counts and the
/// departments that changed grade.
pub fn sweep_json(sweep: &Sweep, units: &[crate::program::Unit]) -> String {
    let grades = |counts: &[usize]| -> serde_json::Map<String, Json> {
        sweep.grades.iter().zip(counts).map(|(g, n)| (g.clone(), json!(n))).collect()
    };
    let steps: Vec<Json> = sweep
        .steps
        .iter()
        .map(|s| {
            let values: serde_json::Map<String, Json> = sweep
                .parameters
                .iter()
                .zip(&s.values)
                .zip(units)
                .map(|((p, v), u)| (p.clone(), json!(crate::review::rules::parameter_text(*v, *u))))
                .collect();
            match &s.refused {
                Some(why) => json!({ "values": values, "refused": why }),
                None => json!({ "values": values, "grades": grades(&s.counts), "changed": s.changed }),
            }
        })
        .collect();
    let doc = json!({
        "parameters": sweep.parameters,
        "fixed": sweep.fixed,
        "departments": sweep.departments,
        "baseline": { "grades": grades(&sweep.baseline) },
        "steps": steps,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// The sweep as CSV: a line a step, with every department that changed grade.
pub fn sweep_csv(sweep: &Sweep, units: &[crate::program::Unit], bom: bool) -> String {
    let mut out = if bom { BOM.as_bytes().to_vec() } else { Vec::new() };
    let mut header: Vec<String> = sweep.parameters.clone();
    header.extend(sweep.grades.iter().cloned());
    header.push(msg!("output-sweep-changed-grade-count"));
    header.push(msg!("output-departments-changed-grade"));
    out.extend(csv_line(header.iter().map(|h| neutralised(h))));
    for s in &sweep.steps {
        let mut row: Vec<String> =
            s.values.iter().zip(units).map(|(v, u)| crate::review::rules::parameter_text(*v, *u)).collect();
        if let Some(why) = &s.refused {
            row.extend(sweep.grades.iter().map(|_| String::new()));
            row.push(String::new());
            row.push(msg!("output-not-evaluated-why", why));
        } else {
            row.extend(s.counts.iter().map(|n| n.to_string()));
            row.push(s.changed.len().to_string());
            row.push(s.changed.join(msg!("sep-list-in-cell").as_str()));
        }
        out.extend(csv_line(row.iter().map(|t| neutralised(t))));
    }
    String::from_utf8(out).unwrap_or_default()
}

/// A row of the per-department comparison as cells: scores, ranks and their changes as
/// numbers (a change without its `+`, so that a spreadsheet reads it as a number), the rest
/// as text.
fn cells(row: Vec<String>) -> Vec<super::ResultCell> {
    use super::ResultCell::{Number as Num, Text};
    row.into_iter()
        .enumerate()
        .map(|(i, t)| match i {
            _ if t.is_empty() => Text(t),
            i if SCORE_COLUMNS.contains(&i) => Num(t.trim_start_matches('+').to_string(), 2),
            i if RANK_COLUMNS.contains(&i) => Num(t.trim_start_matches('+').to_string(), 0),
            _ => Text(t),
        })
        .collect()
}

/// The review as a workbook: the departments (numbers as numbers), the transition matrix,
/// and the declarations that differ, a sheet each.
pub fn diff_xlsx(rules: &RulesDiff, c: &Comparison) -> Result<Vec<u8>, String> {
    use super::ResultCell::{Number as Num, Text};
    let mut book = rust_xlsxwriter::Workbook::new();
    let mut rows = vec![mover_header().into_iter().map(Text).collect::<Vec<_>>()];
    rows.extend(c.both.iter().map(|m| cells(mover_row(m))));
    for (list, note) in [(&c.only_old, msg!("output-only-old-results")), (&c.only_new, msg!("output-only-new-results"))]
    {
        rows.extend(list.iter().map(|name| vec![Text(name.clone()), Text(note.clone())]));
    }
    super::workbook::add_sheet(&mut book, &msg!("output-sheet-departments"), &rows)?;
    let mut matrix =
        vec![std::iter::once(msg!("output-old-new")).chain(c.grades.iter().cloned()).map(Text).collect::<Vec<_>>()];
    for (grade, counts) in c.grades.iter().zip(&c.matrix) {
        matrix.push(std::iter::once(Text(grade.clone())).chain(counts.iter().map(|n| Num(n.to_string(), 0))).collect());
    }
    super::workbook::add_sheet(&mut book, &msg!("output-sheet-grades"), &matrix)?;
    let mut changes = vec![
        [
            msg!("output-change-column-change"),
            msg!("output-change-column-kind"),
            msg!("output-change-column-name"),
            msg!("output-change-column-old"),
            msg!("output-change-column-new"),
            msg!("output-change-column-articles"),
        ]
        .into_iter()
        .map(Text)
        .collect::<Vec<_>>(),
    ];
    for change in &rules.changes {
        let d = change.declaration();
        let (what, old, new) = match change {
            Change::Added(d) => (msg!("output-added"), String::new(), d.text.clone()),
            Change::Removed(d) => (msg!("output-removed"), d.text.clone(), String::new()),
            Change::Changed { old, new } => (msg!("output-changed"), old.text.clone(), new.text.clone()),
        };
        changes.push(vec![
            Text(what),
            Text(d.kind.word()),
            Text(d.name.clone()),
            Text(old),
            Text(new),
            Text(d.refs.join("、")),
        ]);
    }
    super::workbook::add_sheet(&mut book, &msg!("output-rules"), &changes)?;
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// Most departments listed when a snapshot's results moved; the rest are counted.
const LISTED: usize = 20;

/// What moved since a result snapshot (`jixiao test`), a line each: the rule lines removed
/// and added, then each department that came, went or moved, with its fields before and
/// after; then how to accept it (`file`: the regulation as named on the command line).
pub fn drift_lines(drift: &Drift, file: &str) -> Vec<String> {
    let mut lines = Vec::new();
    if !drift.rules_removed.is_empty() || !drift.rules_added.is_empty() {
        lines.push(msg!("output-rules-changed"));
        // A declaration of several lines is indented under its first.
        let indented = |r: &String| r.replace('\n', "\n            ");
        lines.extend(drift.rules_removed.iter().map(|r| format!("  - {}", indented(r))));
        lines.extend(drift.rules_added.iter().map(|r| format!("  + {}", indented(r))));
    }
    let moved = drift.departments.len();
    lines.push(match moved {
        0 => msg!("output-no-department-s-results-moved"),
        _ => msg!("output-results-moved-departments-moved", moved),
    });
    for (name, how) in drift.departments.iter().take(LISTED) {
        let name = super::table::printable(name);
        lines.push(match how {
            DepartmentDrift::Added => {
                format!("  {}", msg!("output-name-new-not-snapshot", name))
            }
            DepartmentDrift::Removed => {
                format!("  {}", msg!("output-name-gone-snapshot-only", name))
            }
            DepartmentDrift::Moved(fields) => format!("  {name}{}{}", msg!("colon"), moved_fields(fields)),
        });
    }
    if moved > LISTED {
        lines.push(format!("  {}", msg!("output-moved-more", moved = moved - LISTED)));
    }
    lines.push(msg!("output-if-these-changes-intended-accept", file));
    lines
}

/// `等次 优秀 → 良好; 公务员优秀比例 0.20 → 0.18`: the published score, grade and rank are
/// values too, so they are shown once, by their names.
fn moved_fields(fields: &[FieldMove]) -> String {
    let values = fields.iter().any(|(k, ..)| k.starts_with("values."));
    let said = |v: &Option<String>| match v.as_deref() {
        None => msg!("output-none"),
        Some("true") => msg!("review-yes"),
        Some("false") => msg!("review-no"),
        Some(other) => super::table::printable(other),
    };
    let shown: Vec<String> = fields
        .iter()
        .filter(|(k, ..)| !(values && ["score", "grade", "rank"].contains(&k.as_str())))
        .map(|(k, old, new)| {
            let key = match k.as_str() {
                "category" => msg!("output-category"),
                "score" => msg!("output-score"),
                "grade" => msg!("output-grade"),
                "rank" => msg!("output-rank"),
                k => k.strip_prefix("values.").unwrap_or(k).to_string(),
            };
            format!("{key} {} → {}", said(old), said(new))
        })
        .collect();
    shown.join(&msg!("sep-semicolon"))
}
