//! Runs a regulation's embedded test cases (测试): each case's records are read by the same
//! reader as data files and evaluated together, then every expectation is compared with
//! the exact value.

mod written;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use crate::diagnostic::Diagnostic;
use crate::eval::{self, Coverage, Record, UnitResult, Value};
use crate::lang::msg;
use crate::number::{Number, Rounding};
use crate::output;
use crate::program::*;

/// The outcome of one test case: its name and what failed (empty when it passed).
pub struct Outcome {
    pub name: String,
    pub line: usize,
    pub failures: Vec<String>,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

pub fn run(program: &Program) -> Vec<Outcome> {
    run_traced(program, &RefCell::new(Coverage::default()))
}

/// Runs every case, noting in `coverage` which rules took effect.
pub fn run_traced(program: &Program, coverage: &RefCell<Coverage>) -> Vec<Outcome> {
    program.tests.iter().map(|t| run_case(program, t, coverage)).collect()
}

/// A rule of the regulation that no test case exercises.
pub struct Unexercised {
    pub line: usize,
    pub what: String,
}

/// The rules the test cases leave unexercised: a cap or floor that never bound, a grade band
/// no case reached, a branch of `如果` or case of `对应` never taken, a value no expectation
/// checks (directly or through a value computed from it).
pub fn unexercised(program: &Program, coverage: &Coverage) -> Vec<Unexercised> {
    let mut out = Vec::new();
    let checked = checked_values(program);
    let written = written::choices(program);
    for (v, def) in program.values.iter().enumerate() {
        let line = program.source.line_col(def.span.start).0;
        let mut miss = |what: String| out.push(Unexercised { line, what });
        if !checked.contains(&v) {
            miss(msg!("cases-name-no-test-expects-value", name = def.name));
        }
        match &def.kind {
            ValueKind::Let { expr, adjustments, to_zero, cap, floor, .. } => {
                adjustments_exercised((v, &def.name), adjustments, *to_zero, &program.source, coverage, &mut miss);
                if cap.is_some() && !coverage.caps.contains(&v) {
                    miss(msg!("cases-name-cap-never-takes-effect", name = def.name));
                }
                if floor.is_some() && !coverage.floors.contains(&v) {
                    miss(msg!("cases-name-floor-never-takes-effect", name = def.name));
                }
                for (at, what) in branches(program, expr, &def.name, coverage, &written) {
                    out.push(Unexercised { line: at.map_or(line, |at| program.source.line_col(at.start).0), what });
                }
            }
            ValueKind::Grade { bands, .. } => {
                for (i, band) in bands.iter().enumerate() {
                    if !coverage.bands.contains(&(v, i)) {
                        miss(msg!("cases-name-no-test-reaches-band", name = def.name, label = band.label));
                    }
                }
            }
            ValueKind::Rank { .. } => {}
        }
    }
    out
}

/// Each deduction or bonus takes something in some test, its `最多扣`/`最多加` takes effect in
/// some test, and so does `扣完为止`.
fn adjustments_exercised(
    (v, name): (ValueId, &str),
    adjustments: &[Adjustment],
    to_zero: bool,
    source: &crate::source::SourceFile,
    coverage: &Coverage,
    miss: &mut impl FnMut(String),
) {
    for (i, a) in adjustments.iter().enumerate() {
        let written = source.slice(a.span).trim();
        if !coverage.applied.contains(&(v, i)) {
            miss(msg!("cases-written-no-test-takes-gives", written));
        }
        if a.most.is_some() && !coverage.mosts.contains(&(v, i)) {
            let most = if a.bonus { "最多加" } else { "最多扣" };
            miss(msg!("cases-written-limit-most-never-takes", written, most));
        }
    }
    if to_zero && !coverage.to_zero.contains(&v) {
        miss(msg!("cases-name-never-takes-effect-test", name));
    }
}

/// The branches of `如果` and cases of `对应` in `e` no test takes, each named by its condition
/// or subject as written (where it is written, when found), so that nested ones differ.
fn branches(
    program: &Program,
    e: &Expr,
    name: &str,
    coverage: &Coverage,
    written: &HashMap<usize, written::Written>,
) -> Vec<(Option<crate::source::Span>, String)> {
    let mut out = Vec::new();
    let at = written.get(&eval::address(e));
    let head = at.map(|w| w.head.as_str());
    // Each arm's name: the level it is for, else its place.
    let arms: Vec<String> = match e {
        Expr::If(..) => vec![msg!("cases-arm-then"), msg!("cases-arm-else")],
        Expr::Match(s, arms) => match written::levels(program, s) {
            Some(levels) if levels.len() == arms.len() => levels,
            _ => (1..=arms.len()).map(|i| msg!("cases-arm-number", i)).collect(),
        },
        _ => Vec::new(),
    };
    for (i, arm) in arms.iter().enumerate() {
        if coverage.branches.contains(&(eval::address(e), i)) {
            continue;
        }
        let what = match (e, head) {
            (Expr::If(..), Some(head)) => msg!("cases-branch-of-never-taken", name, arm, head),
            (Expr::Match(..), Some(head)) => msg!("cases-case-of-never-taken", name, arm, head),
            (Expr::Match(..), None) => msg!("cases-case-never-taken", name, arm),
            _ => msg!("cases-branch-never-taken", name, arm),
        };
        out.push((at.map(|w| w.span), what));
    }
    for c in e.children() {
        out.extend(branches(program, c, name, coverage, written));
    }
    out
}

/// Values some expectation checks, directly or through a value computed from them.
fn checked_values(program: &Program) -> HashSet<ValueId> {
    let mut stack: Vec<ValueId> = program
        .tests
        .iter()
        .flat_map(|t| &t.units)
        .flat_map(|u| &u.expect)
        .filter_map(|e| if let Expectation::Value { value, .. } = e { Some(*value) } else { None })
        .collect();
    let mut seen = HashSet::new();
    while let Some(v) = stack.pop() {
        if !seen.insert(v) {
            continue;
        }
        let mut uses = Vec::new();
        for e in program.values[v].kind.formulas() {
            collect_values(e, &mut uses);
        }
        stack.extend(uses);
    }
    seen
}

fn collect_values(e: &Expr, out: &mut Vec<ValueId>) {
    if let Expr::Value(v) = e {
        out.push(*v);
    }
    e.children().into_iter().for_each(|c| collect_values(c, out));
}

fn run_case(program: &Program, case: &TestCase, coverage: &RefCell<Coverage>) -> Outcome {
    let line = program.source.line_col(case.span.start).0;
    let mut failures = Vec::new();
    let params = eval::parameters(program, &case.params);
    // Each unit is read and checked on its own; the accepted ones are evaluated together.
    let mut accepted: Vec<(&TestUnit, Record)> = Vec::new();
    for (i, unit) in case.units.iter().enumerate() {
        let label = format!("unit {} of the test", i + 1);
        let errors = match crate::data::record::read_record(program, &unit.record, &label) {
            Ok(record) => {
                let errors = eval::requirement_errors(program, &record, &params);
                if errors.is_empty() {
                    accepted.push((unit, record));
                    continue;
                }
                errors
            }
            Err(errors) => errors,
        };
        check_refused(program, unit, &errors, &mut failures);
    }
    for (i, (unit, record)) in accepted.iter().enumerate() {
        if accepted[..i].iter().any(|(_, r)| r.unit == record.unit) {
            let line = program.source.line_col(unit.span.start).0;
            failures.push(msg!("cases-line-line-department-unit-appears", line, unit = record.unit));
        }
    }
    let records: Vec<Record> = accepted.iter().map(|(_, r)| r.clone()).collect();
    match eval::evaluate_traced(program, &records, &params, Some(coverage)) {
        Ok(results) => {
            for ((unit, _), result) in accepted.iter().zip(&results) {
                failures.extend(unit.expect.iter().filter_map(|e| check(program, e, result)));
            }
        }
        Err(errors) => accepted.iter().for_each(|(unit, _)| check_refused(program, unit, &errors, &mut failures)),
    }
    Outcome { name: case.name.clone(), line, failures }
}

/// A unit refused with `errors` passes only if it expects exactly those codes (and no values).
fn check_refused(program: &Program, unit: &TestUnit, errors: &[Diagnostic], failures: &mut Vec<String>) {
    let line = program.source.line_col(unit.span.start).0;
    let expected: Vec<&str> = unit
        .expect
        .iter()
        .filter_map(|e| if let Expectation::Error { code, .. } = e { Some(code.as_str()) } else { None })
        .collect();
    if expected.is_empty() || unit.expect.iter().any(|e| matches!(e, Expectation::Value { .. })) {
        failures.extend(errors.iter().map(|d| format!("line {line}: refused: {}: {}", d.code, d.message)));
        return;
    }
    for code in expected {
        if !errors.iter().any(|d| d.code == code) {
            let found: Vec<&str> = errors.iter().map(|d| d.code).collect();
            failures.push(msg!(
                "cases-line-line-expected-error-code",
                line,
                code,
                found = found.join(&msg!("sep-list"))
            ));
        }
    }
}

fn check(program: &Program, e: &Expectation, result: &UnitResult) -> Option<String> {
    let Expectation::Value { value, key, approx, expected, span } = e else {
        return Some(format!(
            "line {}: expected an error, but the record was evaluated",
            program.source.line_col(e_span(e)).0
        ));
    };
    let def = &program.values[*value];
    let mut actual = &result.values[*value];
    if let (Some(k), Value::Map(items)) = (key, actual) {
        actual = &items[*k];
    }
    let ok = match (expected, actual) {
        (Expected::Number(n), Value::Num(x)) => match approx {
            Some(places) => x.round(*places, Rounding::HalfUp).is_ok_and(|r| r == *n),
            None => x == n,
        },
        (Expected::Label(l), Value::Level(i)) => output::level_name(program, &def.ty, *i) == *l,
        (Expected::Bool(b), Value::Bool(x)) => b == x,
        (Expected::Absent, Value::Absent) => true,
        _ => false,
    };
    if ok {
        return None;
    }
    let line = program.source.line_col(span.start).0;
    let name = match key {
        Some(k) => format!("{}[{}]", def.name, program.leaf_names(family_of(def)).get(*k).cloned().unwrap_or_default()),
        None => def.name.clone(),
    };
    let (expected, found) = match (expected, actual) {
        (Expected::Number(_), Value::Num(x)) => number_texts(program.source.slice(*span).trim(), *approx, *x),
        _ => (expected_text(expected), actual_text(program, def, actual)),
    };
    Some(msg!("cases-line-line-name-expected-expected", line, name, expected, found))
}

/// An expected number as written (`≈ 76.67%`) and the number found in the unit it was written
/// in (`76.666667…%`); for `≈`, also what the found number rounds to at the places written, so
/// the two never read alike when they differ.
fn number_texts(written: &str, approx: Option<u32>, x: Number) -> (String, String) {
    let percent = written.ends_with(['%', '％']);
    let suffix = if percent {
        "%"
    } else if written.ends_with('分') {
        "分"
    } else if written.ends_with("pt") {
        "pt"
    } else {
        ""
    };
    let scale = |n: Number| if percent { n.checked_mul(Number::int(100)).unwrap_or(n) } else { n };
    // The places written, in the unit written (`≈ 76.67%`: 2).
    let places_shown = approx.map_or(0, |p| if percent { p.saturating_sub(2) } else { p });
    let shown = scale(x);
    let found = match shown.to_exact_decimal() {
        Some(_) => format!("{shown}{suffix}"),
        // A fraction that does not terminate, to more places than were written, and exactly:
        // 23/30 as `76.666667…% (23/30)`.
        None => format!("{}…{suffix} ({x})", crate::number::number_text(shown, (places_shown + 2).max(6))),
    };
    let Some(places) = approx else { return (written.to_string(), found) };
    let rounded = x.round(places, Rounding::HalfUp).map(|r| crate::number::number_text(scale(r), places_shown));
    let found = match rounded {
        Ok(r) => msg!("cases-found-which-rounds-r-suffix", found, r, suffix),
        Err(_) => found,
    };
    (format!("≈ {written}"), found)
}

fn e_span(e: &Expectation) -> usize {
    match e {
        Expectation::Value { span, .. } | Expectation::Error { span, .. } => span.start,
    }
}

fn family_of(def: &ValueDef) -> NodeId {
    match def.kind {
        ValueKind::Let { family: Some(n), .. } => n,
        _ => 0,
    }
}

fn expected_text(e: &Expected) -> String {
    match e {
        Expected::Number(n) => n.to_string(),
        Expected::Label(l) => l.clone(),
        Expected::Bool(b) => if *b { "是" } else { "否" }.into(),
        Expected::Absent => "无".into(),
    }
}

/// The actual value, exactly (a fraction where it does not terminate).
fn actual_text(program: &Program, def: &ValueDef, v: &Value) -> String {
    match v {
        Value::Num(n) => exact_text(*n),
        Value::Level(i) => output::level_name(program, &def.ty, *i),
        Value::Bool(b) => if *b { "是" } else { "否" }.into(),
        Value::Absent => "无".into(),
        other => format!("{other:?}"),
    }
}

fn exact_text(n: Number) -> String {
    match n.to_exact_decimal() {
        Some(_) => n.to_string(),
        None => format!("{n} (≈ {})", crate::number::number_text(n, 6)),
    }
}
