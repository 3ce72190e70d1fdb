//! The table for people: ranked, aligned by display width (Chinese characters are two
//! columns wide), with the parts of the score beside it.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Table};

use super::{ResultCell, category_text, grade_text, rank_of, result_cell};
use crate::eval::{UnitResult, Value};
use crate::lang::msg;
use crate::number::Number;
use crate::program::*;

/// The titles of the results' category, rank and flags columns (the other columns are named
/// by the regulation).
pub const CATEGORY_COLUMN: &str = "类别";
pub const RANK_COLUMN: &str = "排名";
pub const FLAGS_COLUMN: &str = "标记";
/// The last column of CSV results when `--set` changed parameters: which, on every row.
pub const PARAMETERS_SET_COLUMN: &str = "参数设定";

/// Ranked table (by category first, when there is one), with the values the score is
/// computed from directly; under the title, the parameters `--set` changed (`overridden`,
/// with `params` the values the run used).
pub fn table(
    program: &Program,
    results: &[UnitResult],
    inputs: &[&[Value]],
    (params, overridden): (&[Number], &[ParamId]),
) -> String {
    let rows: Vec<Vec<String>> = ranked_cells(program, results, inputs)
        .iter()
        .map(|row| row.iter().map(|c| c.text().to_string()).collect())
        .collect();
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.force_no_tty();
    let Some((header, body)) = rows.split_first() else { return String::new() };
    // Numbers (ranks, scores, parts) line up on the right.
    let unit = program.inputs[program.roles.unit].name.as_str();
    let text_columns = [CATEGORY_COLUMN, unit, FLAGS_COLUMN];
    let grade = program.roles.grade.map(|g| program.values[g].name.as_str());
    let right: Vec<bool> =
        header.iter().map(|h| !text_columns.contains(&h.as_str()) && Some(h.as_str()) != grade).collect();
    t.set_header(header.clone());
    for row in body {
        let cells: Vec<Cell> = row
            .iter()
            .zip(&right)
            .map(|(text, r)| if *r { num_cell(text.clone()) } else { Cell::new(printable(text)) })
            .collect();
        t.add_row(cells);
    }
    let mut out = String::new();
    let h = &program.header;
    out.push_str(&h.title);
    if let Some(n) = &h.doc_number {
        out.push_str(&format!("（{n}）"));
    }
    out.push('\n');
    if let Some(said) = parameters_said(program, params, overridden) {
        out.push_str(&format!("{}\n", msg!("output-parameters-set-run-said", said)));
    }
    out.push_str(&t.to_string());
    out.push('\n');
    out.push_str(&summary(program, results));
    out
}

/// The results for people, header first: ranked (by category first), with the score, the
/// grade, the values the score is computed from directly, and the flags raised.
pub fn ranked_cells(program: &Program, results: &[UnitResult], inputs: &[&[Value]]) -> Vec<Vec<ResultCell>> {
    let parts = score_parts(program);
    let mut order: Vec<usize> = (0..results.len()).collect();
    order.sort_by_key(|&i| {
        (category_text(program, &results[i], inputs[i]), rank_of(program, &results[i]).unwrap_or(i128::MAX), i)
    });
    let mut header = Vec::new();
    if program.roles.category.is_some() {
        header.push(CATEGORY_COLUMN.to_string());
    }
    if program.roles.rank.is_some() {
        header.push(RANK_COLUMN.to_string());
    }
    // The unit column by the regulation's own name for it (部门, 单位 …).
    header.push(program.inputs[program.roles.unit].name.clone());
    header.push(program.values[program.roles.score].name.clone());
    if let Some(g) = program.roles.grade {
        header.push(program.values[g].name.clone());
    }
    header.extend(parts.iter().map(|v| program.values[*v].name.clone()));
    if !program.roles.flags.is_empty() {
        header.push(FLAGS_COLUMN.to_string());
    }
    let mut rows = vec![header.into_iter().map(ResultCell::Text).collect()];
    for i in order {
        let r = &results[i];
        let mut row = Vec::new();
        if program.roles.category.is_some() {
            row.push(ResultCell::Text(category_text(program, r, inputs[i]).unwrap_or_default()));
        }
        if program.roles.rank.is_some() {
            row.push(match rank_of(program, r) {
                Some(n) => ResultCell::Number(n.to_string(), 0),
                None => ResultCell::Text(String::new()),
            });
        }
        row.push(ResultCell::Text(r.unit.clone()));
        let score = program.roles.score;
        row.push(match &r.values[score] {
            Value::Num(_) => result_cell(program, score, &r.values[score]),
            _ => ResultCell::Text(String::new()),
        });
        if program.roles.grade.is_some() {
            row.push(ResultCell::Text(grade_text(program, r).unwrap_or_default()));
        }
        for &v in &parts {
            row.push(match &r.values[v] {
                Value::Num(_) => result_cell(program, v, &r.values[v]),
                other => ResultCell::Text(super::value_json(program, v, other).to_string()),
            });
        }
        if !program.roles.flags.is_empty() {
            let marks: Vec<&str> = program
                .roles
                .flags
                .iter()
                .filter(|f| r.values[**f] == Value::Bool(true))
                .map(|f| program.values[*f].name.as_str())
                .collect();
            row.push(ResultCell::Text(marks.join("、")));
        }
        rows.push(row);
    }
    rows
}

fn num_cell(text: String) -> Cell {
    Cell::new(text).set_alignment(CellAlignment::Right)
}

/// The values the score's own formula names directly, in declaration order.
fn score_parts(program: &Program) -> Vec<ValueId> {
    let ValueKind::Let { expr, .. } = &program.values[program.roles.score].kind else { return Vec::new() };
    let mut used = Vec::new();
    collect_values(expr, &mut used);
    let mut parts: Vec<ValueId> = used.into_iter().filter(|v| matches!(program.values[*v].ty, Ty::Num(_))).collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

fn collect_values(e: &Expr, out: &mut Vec<ValueId>) {
    if let Expr::Value(v) = e {
        out.push(*v);
    }
    e.children().into_iter().for_each(|c| collect_values(c, out));
}

/// `优秀线 = 92（默认 90）；…`: the parameters `--set` changed, with the values the run used
/// and their defaults; `None` when it changed none. Results printed or filed (a table's line,
/// a CSV column) must not pass for results under the regulation's own values.
pub fn parameters_said(program: &Program, params: &[Number], overridden: &[ParamId]) -> Option<String> {
    let mut set: Vec<ParamId> = overridden.to_vec();
    set.sort_unstable();
    set.dedup();
    if set.is_empty() {
        return None;
    }
    let said: Vec<String> = set
        .iter()
        .filter_map(|&p| {
            let (def, value) = (program.params.get(p)?, params.get(p)?);
            let shown = |n| crate::review::rules::parameter_text(n, def.unit);
            let (now, default) = (shown(*value), shown(def.default));
            Some(msg!("output-name-now-default-default", name = def.name, now, default))
        })
        .collect();
    Some(said.join(&msg!("sep-clause")))
}

/// `共 40 个单位：先进 6，合格 32，不合格 2` (`40 units: 先进 6, 合格 32, 不合格 2`).
fn summary(program: &Program, results: &[UnitResult]) -> String {
    let count = results.len();
    let line = match (program.roles.grade, program.roles.grade.map(|g| &program.values[g].ty)) {
        (Some(g), Some(Ty::Label(l))) => {
            let counts: Vec<String> = program.label_sets[*l]
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let n = results.iter().filter(|r| r.values[g] == Value::Level(i)).count();
                    format!("{label} {n}")
                })
                .collect();
            msg!("output-summary-grades", count, counts = counts.join(&msg!("sep-comma")))
        }
        _ => msg!("output-summary", count),
    };
    format!("{line}\n")
}

/// Text from data as it may safely reach a terminal: control characters (and so escape
/// sequences) shown as `\u{…}`.
pub(super) fn printable(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() }).collect()
}
