//! What the report's template shows, worked out from a run: plain texts and SVG, in the
//! report's language, every number printed from its exact value as the other outputs print it.

use std::collections::HashMap;

use serde::Serialize;

use super::charts::{self, Part};
use super::{Labels, Run, grade_colours};
use crate::analysis::{self, Ranges};
use crate::eval::{Record, UnitResult};
use crate::explain::{self, Losses, Step, StepKind};
use crate::lang::msg;
use crate::number::Number;
use crate::output::{self, FLAGS_COLUMN, RANK_COLUMN, ResultCell};
use crate::program::*;
use crate::review::results::Outcome;

/// Above this many departments a report leaves out the sections per department and shows the
/// highest and lowest of each group: a page for everyone would be too large to open (500
/// sections make about 11 MB).
pub const MOST_DEPARTMENTS: usize = 500;

/// How many departments at each end of a group a summarised report lists.
const ENDS: usize = 20;

/// Everything the page shows, as the template reads it.
#[derive(Serialize)]
pub(super) struct Page {
    labels: Labels,
    title: String,
    doc_number: Option<String>,
    issuer: Option<String>,
    issued: Option<String>,
    effective: Option<String>,
    date: String,
    params: Vec<ParamView>,
    data: DataView,
    grades: Vec<(String, String)>,
    /// The titles of the tables' grade and department columns.
    grades_column: Option<String>,
    unit_column: String,
    groups: Vec<GroupView>,
    histogram: Option<String>,
    departments: Vec<DepartmentView>,
}

#[derive(Serialize)]
struct ParamView {
    name: String,
    value: String,
    default: String,
    set: bool,
    refs: String,
}

#[derive(Serialize)]
struct DataView {
    /// Each file read, with its SHA-256.
    files: Vec<(String, String)>,
    departments: usize,
}

/// One group's ranked table (a category, or everyone) and its grade chart.
#[derive(Serialize)]
struct GroupView {
    name: Option<String>,
    header: Vec<String>,
    /// By column: whether it holds numbers (right-aligned, sorted as numbers).
    numeric: Vec<bool>,
    /// By column: whether a first click sorts it from the highest (scores), not the lowest
    /// (ranks, names).
    highest_first: Vec<bool>,
    rows: Vec<RowView>,
    chart: Option<String>,
    /// Said under a summarised table: how many departments it leaves out.
    left_out: Option<String>,
}

#[derive(Serialize)]
struct RowView {
    /// The department's section, where it has one.
    anchor: Option<String>,
    /// Its grade's place among the grades (for its colour).
    grade: Option<usize>,
    cells: Vec<String>,
}

#[derive(Serialize)]
struct DepartmentView {
    anchor: String,
    name: String,
    heading: String,
    grade: Option<usize>,
    breakdown: Option<String>,
    /// Said under the breakdown when the parts do not add up to the score (a veto, a cap).
    unlike: Option<String>,
    steps: Vec<StepView>,
    limits: Vec<String>,
    losses: Option<LossesView>,
    articles: Vec<(String, Option<String>)>,
}

#[derive(Serialize)]
struct StepView {
    name: String,
    /// `value`, `data`, `parameter` or `repeat` (for its style).
    kind: &'static str,
    tag: Option<String>,
    value: String,
    exact: Option<String>,
    formula: Option<String>,
    notes: Vec<String>,
    refs: String,
    children: Vec<StepView>,
}

#[derive(Serialize)]
struct LossesView {
    items: Vec<LossView>,
    next: String,
}

#[derive(Serialize)]
struct LossView {
    points: String,
    field: String,
    now: String,
    best: String,
    refs: String,
}

/// The page's content for a run; `Err` if a chart cannot be drawn.
pub(super) fn page(run: &Run) -> Result<Page, String> {
    let program = run.program;
    let mut labels = Labels::new();
    // One range analysis for the histogram and every breakdown.
    let ranges = analysis::analyse(program);
    let summarised = run.details.is_none();
    if summarised {
        labels.summarised = msg!(
            "report-only-ends",
            departments = run.outcomes.len(),
            ends = ENDS,
            most_departments = MOST_DEPARTMENTS
        );
    }
    let h = &program.header;
    Ok(Page {
        labels,
        title: h.title.clone(),
        doc_number: h.doc_number.clone(),
        issuer: h.issuer.clone(),
        issued: h.issued.clone(),
        effective: h.effective.clone(),
        date: run.date.to_string(),
        params: params(run),
        data: DataView {
            files: run.data.iter().map(|f| (f.name.clone(), f.sha256.clone())).collect(),
            departments: run.outcomes.len(),
        },
        grades: grade_colours(program),
        grades_column: program.roles.grade.map(|g| program.values[g].name.clone()),
        unit_column: program.inputs[program.roles.unit].name.clone(),
        groups: groups(run)?,
        histogram: histogram(run, &ranges)?,
        departments: match run.details {
            Some((records, results)) => departments(run, records, results, &ranges)?,
            None => Vec::new(),
        },
    })
}

fn params(run: &Run) -> Vec<ParamView> {
    let program = run.program;
    program
        .params
        .iter()
        .enumerate()
        .map(|(p, def)| ParamView {
            name: def.name.clone(),
            value: parameter_text(def, run.params[p]),
            default: parameter_text(def, def.default),
            set: run.overridden.contains(&p),
            refs: def.refs.join("、"),
        })
        .collect()
}

/// A parameter's value as `--set` takes it: `90`, `15%`.
fn parameter_text(def: &Param, n: Number) -> String {
    let percent = if def.unit == Unit::Ratio { "%" } else { "" };
    format!("{}{percent}", def.unit.as_written(n))
}

/// Each group's name (its category, or `None` for everyone) with its departments' places
/// in the data, in the data's order of first appearance.
/// In the order the regulation declares the categories (else as the data first has them).
fn group_members(program: &Program, outcomes: &[Outcome]) -> Vec<(Option<String>, Vec<usize>)> {
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for (i, o) in outcomes.iter().enumerate() {
        let name = o.category.as_deref().map(str::to_string);
        match groups.iter_mut().find(|(g, _)| *g == name) {
            Some((_, members)) => members.push(i),
            None => groups.push((name, vec![i])),
        }
    }
    let names: Vec<&String> = groups.iter().filter_map(|(g, _)| g.as_ref()).collect();
    let declared =
        program.label_sets.iter().find(|set| names.iter().all(|n| set.contains(n))).cloned().unwrap_or_default();
    groups.sort_by_key(|(name, _)| declared.iter().position(|d| Some(d) == name.as_ref()).unwrap_or(usize::MAX));
    groups
}

fn groups(run: &Run) -> Result<Vec<GroupView>, String> {
    let grades = grade_colours(run.program);
    let mut out = Vec::new();
    for (name, members) in group_members(run.program, run.outcomes) {
        let counts: Vec<(String, u64, plotters::style::RGBColor)> = grades
            .iter()
            .enumerate()
            .map(|(i, (label, _))| {
                let n = members.iter().filter(|&&m| run.outcomes[m].grade.as_deref() == Some(label.as_str())).count();
                (label.clone(), n as u64, charts::grade_colour(i, grades.len()))
            })
            .collect();
        let title = match &name {
            Some(g) => msg!("report-grades-of", g),
            None => msg!("report-grades"),
        };
        let chart = if grades.is_empty() { None } else { Some(charts::grade_bars(&title, &counts)?) };
        let mut group = match run.details {
            Some((records, results)) => full_table(run, &members, records, results),
            None => ends_table(run, &members),
        };
        group.name = name;
        group.chart = chart;
        out.push(group);
    }
    Ok(out)
}

/// A group's table with every department and the values the score is computed from, as
/// `eval`'s table shows them.
fn full_table(run: &Run, members: &[usize], records: &[Record], results: &[UnitResult]) -> GroupView {
    let program = run.program;
    let results: Vec<UnitResult> = members.iter().map(|&m| results[m].clone()).collect();
    let inputs: Vec<&[crate::eval::Value]> = members.iter().map(|&m| records[m].inputs.as_slice()).collect();
    let mut rows = output::ranked_cells(program, &results, &inputs).into_iter();
    let header: Vec<String> = rows.next().unwrap_or_default().iter().map(|c| c.text().to_string()).collect();
    let anchors: HashMap<&str, usize> = members.iter().map(|&m| (run.outcomes[m].unit.as_str(), m)).collect();
    let unit_column = header.iter().position(|h| *h == program.inputs[program.roles.unit].name);
    let mut numeric = vec![false; header.len()];
    let rows = rows
        .map(|cells| {
            for (k, c) in cells.iter().enumerate() {
                numeric[k] |= matches!(c, ResultCell::Number(..));
            }
            let place = unit_column.and_then(|k| anchors.get(cells[k].text()).copied());
            RowView {
                anchor: place.map(anchor),
                grade: place.and_then(|m| grade_place(run, &run.outcomes[m])),
                cells: cells.iter().map(|c| c.text().to_string()).collect(),
            }
        })
        .collect();
    let highest_first = highest_first(&header, &numeric);
    GroupView { name: None, header, numeric, highest_first, rows, chart: None, left_out: None }
}

/// A group's table for a summarised report: its highest and lowest departments by rank
/// (else by score).
fn ends_table(run: &Run, members: &[usize]) -> GroupView {
    let program = run.program;
    let mut order = members.to_vec();
    let outcomes = run.outcomes;
    order.sort_by(|&a, &b| {
        let (a, b) = (&outcomes[a], &outcomes[b]);
        a.rank.unwrap_or(i64::MAX).cmp(&b.rank.unwrap_or(i64::MAX)).then(b.score.cmp(&a.score))
    });
    let shown: Vec<usize> = if order.len() > 2 * ENDS {
        order[..ENDS].iter().chain(&order[order.len() - ENDS..]).copied().collect()
    } else {
        order.clone()
    };
    let mut header =
        vec![program.inputs[program.roles.unit].name.clone(), program.values[program.roles.score].name.clone()];
    let mut numeric = vec![false, true];
    if program.roles.rank.is_some() {
        header.insert(0, RANK_COLUMN.to_string());
        numeric.insert(0, true);
    }
    if let Some(g) = program.roles.grade {
        header.push(program.values[g].name.clone());
        numeric.push(false);
    }
    if !program.roles.flags.is_empty() {
        header.push(FLAGS_COLUMN.to_string());
        numeric.push(false);
    }
    let score_places = |n: Number| output::places(program, program.roles.score, n);
    let rows = shown
        .iter()
        .map(|&m| {
            let o = &outcomes[m];
            let mut cells =
                vec![o.unit.clone(), o.score.map_or(String::new(), |s| output::number_text(s, score_places(s)))];
            if program.roles.rank.is_some() {
                cells.insert(0, o.rank.map_or(String::new(), |r| r.to_string()));
            }
            if program.roles.grade.is_some() {
                cells.push(o.grade.as_deref().unwrap_or_default().to_string());
            }
            if !program.roles.flags.is_empty() {
                cells.push(o.flags.iter().map(|f| f.to_string()).collect::<Vec<_>>().join("、"));
            }
            RowView { anchor: None, grade: grade_place(run, o), cells }
        })
        .collect();
    let left_out = (order.len() > shown.len()).then(|| {
        let n = order.len() - shown.len();
        msg!("output-n-more-departments-between-these", n)
    });
    let highest_first = highest_first(&header, &numeric);
    GroupView { name: None, header, numeric, highest_first, rows, chart: None, left_out }
}

/// Numbers sort from the highest at a first click, but ranks from the first.
fn highest_first(header: &[String], numeric: &[bool]) -> Vec<bool> {
    header.iter().zip(numeric).map(|(h, n)| *n && h != RANK_COLUMN).collect()
}

fn anchor(place: usize) -> String {
    format!("d{}", place + 1)
}

fn grade_place(run: &Run, o: &Outcome) -> Option<usize> {
    let g = o.grade.as_deref()?;
    crate::review::results::grade_labels(run.program).iter().position(|l| l == g)
}

/// A number as a chart's coordinate (pixels only: never printed).
fn coordinate(n: Number) -> f64 {
    let (num, den) = n.parts();
    num as f64 / den as f64
}

/// Scores against the grades' cut-offs, over the range the score can take (else the range
/// the departments took).
fn histogram(run: &Run, ranges: &Ranges) -> Result<Option<String>, String> {
    let program = run.program;
    let scores: Vec<f64> = run.outcomes.iter().filter_map(|o| o.score.map(coordinate)).collect();
    if scores.is_empty() {
        return Ok(None);
    }
    let possible = ranges.values[program.roles.score].interval();
    let seen = |pick: fn(f64, f64) -> f64| scores.iter().copied().reduce(pick).unwrap_or(0.0);
    let lo = possible.and_then(|i| i.lo.number()).map_or_else(|| seen(f64::min), coordinate);
    let mut hi = possible.and_then(|i| i.hi.number()).map_or_else(|| seen(f64::max), coordinate);
    if hi <= lo {
        hi = lo + 1.0;
    }
    let mut cutoffs = Vec::new();
    // Cut-offs are drawn on the score's axis only if the grade is given by the score.
    let by_score = |g: &ValueId| matches!(&program.values[*g].kind, ValueKind::Grade { subject: Expr::Value(s), .. } if *s == program.roles.score);
    if let Some(g) = program.roles.grade.filter(by_score) {
        for (band, bounds) in crate::eval::band_bounds(program, g, run.params).into_iter().enumerate() {
            if let Some((t, _)) = bounds.lower {
                let label = crate::review::results::grade_labels(program).get(band).cloned().unwrap_or_default();
                cutoffs.push((coordinate(t), format!("{label} {}", output::number_text(t, 2))));
            }
        }
    }
    let title = msg!("output-scores-program-grades-cut-offs", score = program.values[program.roles.score].name);
    charts::histogram(&title, &scores, (lo, hi), &cutoffs).map(Some)
}

/// A section per department, in the tables' order (by group, then rank).
fn departments(
    run: &Run,
    records: &[Record],
    results: &[UnitResult],
    ranges: &Ranges,
) -> Result<Vec<DepartmentView>, String> {
    let program = run.program;
    let parts = score_parts(program);
    // The tables' order: groups as declared, then by rank.
    let outcomes = run.outcomes;
    let mut order = Vec::with_capacity(results.len());
    for (_, mut members) in group_members(program, outcomes) {
        members.sort_by_key(|&m| (outcomes[m].rank.unwrap_or(i64::MAX), m));
        order.extend(members);
    }
    // A part whose most the regulation does not bound (as far as `check --ranges` can tell) is
    // drawn against the highest any department got.
    let parts: Vec<ScorePart> = parts
        .into_iter()
        .map(|(value, deduction)| {
            let most = ranges.values[value].interval().and_then(|i| i.hi.number());
            let most = most.or_else(|| results.iter().filter_map(|r| r.values[value].as_num()).max());
            ScorePart { value, deduction, most: most.filter(|m| m.signum() > 0) }
        })
        .collect();
    order.into_iter().map(|m| department(run, (&records[m], &results[m]), m, (ranges, &parts))).collect()
}

fn department(
    run: &Run,
    (record, result): (&Record, &UnitResult),
    place: usize,
    (ranges, parts): (&Ranges, &[ScorePart]),
) -> Result<DepartmentView, String> {
    let program = run.program;
    let o = &run.outcomes[place];
    let explanation = explain::explain(program, record, result, run.params);
    let grade = grade_place(run, o);
    let colour = grade.map_or(charts::NO_GRADE, |g| charts::grade_colour(g, grade_colours(program).len()));
    let drawn = breakdown(program, result, ranges, parts);
    let breakdown = if drawn.is_empty() { None } else { Some(charts::breakdown(&drawn, colour)?) };
    let unlike = breakdown.as_ref().and_then(|_| not_the_sum(program, result, parts, &explanation));
    // The score's own steps: the grade's and the rank's notes say how they were found.
    let mut limits = Vec::new();
    explanation.steps.iter().take(1).for_each(|s| limits_of(s, &mut limits));
    let mut heading = vec![output::score_text(program, result)];
    heading.extend(o.grade.as_deref().map(str::to_string));
    if let Some(r) = o.rank {
        heading.push(match o.category.as_deref() {
            Some(c) => msg!("output-rank-r-c", r, c),
            None => msg!("output-rank-r", r),
        });
    }
    heading.extend(o.flags.iter().map(|f| f.to_string()));
    Ok(DepartmentView {
        anchor: anchor(place),
        name: o.unit.clone(),
        heading: heading.join(" · "),
        grade,
        breakdown,
        unlike,
        steps: explanation.steps.iter().map(step_view).collect(),
        limits,
        losses: explain::losses(program, record, run.params).map(|l| losses_view(&l)),
        articles: explanation.articles,
    })
}

/// The values the score is the sum of, each with whether it is taken off: found by walking
/// the score's formula through `+`, `−` and roll-ups (`汇总`) of parts in points, and through a
/// value that is all of it (`总分 = 如果 否决 则 0分 否则 检查得分`, `检查得分 = 汇总(检查评分)`).
/// None where the score is not such a sum (weights, products): a breakdown would mislead.
fn score_parts(program: &Program) -> Vec<(ValueId, bool)> {
    let mut v = program.roles.score;
    for _ in 0..program.values.len() {
        let ValueKind::Let { expr, .. } = &program.values[v].kind else { return Vec::new() };
        let mut parts = Vec::new();
        if signed_values(expr, false, &mut parts).is_none() {
            return Vec::new();
        }
        parts.retain(|(p, _)| matches!(program.values[*p].ty, Ty::Num(_)));
        match parts.as_slice() {
            [(only, false)] => v = *only,
            _ => return parts,
        }
    }
    Vec::new()
}

/// The values `e` adds (or, `minus`, takes off), into `out`; `None` if `e` is not a sum of
/// values and constants.
fn signed_values(e: &Expr, minus: bool, out: &mut Vec<(ValueId, bool)>) -> Option<()> {
    match e {
        Expr::Value(v) => {
            if !out.iter().any(|(p, _)| p == v) {
                out.push((*v, minus));
            }
            Some(())
        }
        Expr::Const(_) | Expr::Param(_) => Some(()),
        Expr::Arith(op @ (Arith::Add | Arith::Sub), a, b) => {
            signed_values(a, minus, out)?;
            signed_values(b, minus != (*op == Arith::Sub), out)
        }
        Expr::Neg(a) => signed_values(a, !minus, out),
        Expr::Rollup { parts, points: true, .. } => {
            parts.iter().try_for_each(|(_, part)| signed_values(part, minus, out))
        }
        // A veto or a default: the branch that is not a constant.
        Expr::If(_, then, otherwise) => match (&**then, &**otherwise) {
            (Expr::Const(_), other) | (other, Expr::Const(_)) => signed_values(other, minus, out),
            _ => None,
        },
        _ => None,
    }
}

/// A value the score is made of.
#[derive(Clone, Copy)]
struct ScorePart {
    value: ValueId,
    /// Whether it is taken off the score (a deduction).
    deduction: bool,
    /// The most it can be: what the regulation allows, else the highest any department got
    /// (drawn, but not printed as a most); `None` if not above 0.
    most: Option<Number>,
}

/// Each part of a department's score against the most it can give.
fn breakdown(program: &Program, result: &UnitResult, ranges: &Ranges, parts: &[ScorePart]) -> Vec<Part> {
    parts
        .iter()
        .filter_map(|&ScorePart { value: v, deduction, most }| {
            let most = most?;
            let bounded = ranges.values[v].interval().and_then(|i| i.hi.number()).is_some();
            let value = result.values[v].as_num()?;
            let text = |n: Number| output::number_text(n, output::places(program, v, n));
            let label = match (deduction, bounded) {
                (true, true) => msg!("output-text-most-text-most", text = text(value), text_most = text(most)),
                (true, false) => format!("−{}", text(value)),
                (false, true) => format!("{} / {}", text(value), text(most)),
                (false, false) => text(value),
            };
            Some(Part {
                name: program.values[v].name.clone(),
                value: coordinate(value),
                most: coordinate(most),
                deduction,
                bounded,
                label,
            })
        })
        .collect()
}

/// When the parts drawn do not add up to the department's score before rounding (a veto made
/// it 0, a cap held it): the score's formula, so that the chart is not read as the score.
fn not_the_sum(
    program: &Program,
    result: &UnitResult,
    parts: &[ScorePart],
    explanation: &explain::Explanation,
) -> Option<String> {
    let exact =
        result.unrounded[program.roles.score].as_ref().or(Some(&result.values[program.roles.score]))?.as_num()?;
    let mut sum = Number::ZERO;
    for p in parts {
        let v = result.values[p.value].as_num()?;
        sum = if p.deduction { sum.checked_sub(v) } else { sum.checked_add(v) }.ok()?;
    }
    if sum == exact {
        return None;
    }
    let score = explanation.steps.first()?;
    let formula = score.formula.as_deref().unwrap_or_default();
    Some(msg!(
        "output-parts-add-up-output-but",
        output = output::number_text(sum, 2),
        name = score.name,
        value = score.value,
        formula
    ))
}

/// The notes of the steps a cap, floor or rounding changed (`最终评估得分：90.9641224 → 90.96 …`).
fn limits_of(step: &Step, out: &mut Vec<String>) {
    if step.kind == StepKind::Value {
        let colon = msg!("colon");
        out.extend(step.notes.iter().filter(|n| !took_nothing(n)).map(|n| format!("{}{colon}{n}", step.name)));
    }
    step.children.iter().for_each(|c| limits_of(c, out));
}

/// A deduction's or bonus's note that took or gave nothing (`每 … 扣 3分：−0.00`).
fn took_nothing(note: &str) -> bool {
    ["−0.00", "+0.00"].iter().any(|zero| {
        note.match_indices(zero).any(|(i, _)| {
            let (before, after) = (&note[..i], &note[i + zero.len()..]);
            (before.ends_with('：') || before.ends_with(": ")) && (after.is_empty() || after.starts_with(['（', ' ']))
        })
    })
}

fn step_view(s: &Step) -> StepView {
    let kind = match s.kind {
        StepKind::Value => "value",
        StepKind::Input => "data",
        StepKind::Parameter => "parameter",
        StepKind::Repeat => "repeat",
    };
    StepView {
        name: s.name.clone(),
        kind,
        tag: explain::kind_word(s.kind),
        value: s.value.clone(),
        exact: s.exact.as_deref().map(explain::exactly),
        formula: s.formula.clone(),
        notes: s.notes.clone(),
        refs: s.refs.join("、"),
        children: s.children.iter().map(step_view).collect(),
    }
}

fn losses_view(l: &Losses) -> LossesView {
    LossesView {
        items: l
            .items
            .iter()
            .map(|i| LossView {
                points: format!("+{}", output::number_text(i.points, 2)),
                field: i.field.clone(),
                now: i.now.clone(),
                best: i.best.clone(),
                refs: i.refs.join("、"),
            })
            .collect(),
        next: explain::next_grade_text(l).unwrap_or_default(),
    }
}
