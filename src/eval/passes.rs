//! How an evaluation is cut into passes: the values between one ranking and the next. A
//! ranking needs every record's key before any record's later values, so each pass runs over
//! all records before the next starts. `eval::stream` runs the passes over batches of a data
//! file (keeping records between passes in a temporary file); `evaluate_in_memory` runs the
//! same passes over records already in memory (`explain`, `test`, tables, the library).

use std::cell::RefCell;

use super::compiled::Compiled;
use super::expr::{self, Coverage};
use super::{Record, UnitResult, Value};
use crate::diagnostic::Diagnostic;
use crate::number::Number;
use crate::program::*;

/// The passes of one program, and what later passes need.
pub(super) struct Plan<'p> {
    pub program: &'p Program,
    pub ranks: Vec<Ranking<'p>>,
    /// The inputs that values after the first ranking, or the results, use: kept between
    /// passes (the others are not read again).
    pub keep: Vec<bool>,
    /// The program compiled for this run's parameters.
    compiled: Compiled,
}

/// A ranking (排名) and its place among the values.
pub(super) struct Ranking<'p> {
    pub value: ValueId,
    /// Its place in the checked order.
    pub position: usize,
    by: &'p Expr,
    within: Option<&'p Expr>,
    pub ascending: bool,
}

/// A value that could not be computed for a record: its place in the checked order (the
/// earliest such place across records is what an in-memory run reports), and why.
pub(super) struct Failed {
    pub position: usize,
    pub diagnostic: Diagnostic,
}

impl<'p> Plan<'p> {
    pub fn new(program: &'p Program, params: &[Number]) -> Plan<'p> {
        let ranks: Vec<Ranking> = program
            .order
            .iter()
            .enumerate()
            .filter_map(|(position, &value)| match &program.values[value].kind {
                ValueKind::Rank { by, within, ascending } => {
                    Some(Ranking { value, position, by, within: within.as_ref(), ascending: *ascending })
                }
                _ => None,
            })
            .collect();
        let mut keep = vec![false; program.inputs.len()];
        let later = ranks.first().map_or(&[][..], |r| &program.order[r.position..]);
        for &v in later {
            for e in program.values[v].kind.formulas() {
                inputs_used(e, &mut keep);
            }
        }
        if let Some(category) = &program.roles.category {
            inputs_used(category, &mut keep);
        }
        Plan { program, ranks, keep, compiled: Compiled::new(program, params) }
    }

    /// The first position of pass `k` in the checked order, and its values.
    fn stage(&self, k: usize) -> (usize, &'p [ValueId]) {
        let order = &self.program.order[..];
        let from = if k == 0 { 0 } else { self.ranks[k - 1].position + 1 };
        let to = self.ranks.get(k).map_or(order.len(), |r| r.position);
        (from, &order[from..to])
    }

    /// Pass `k` for one record, whose values before it are in `result`.
    pub fn pass(
        &self,
        params: &[Number],
        k: usize,
        record: &Record,
        result: &mut UnitResult,
        coverage: Option<&RefCell<Coverage>>,
    ) -> Result<(), Failed> {
        self.pass_through(params, k, (record, result), coverage, usize::MAX)
    }

    /// `pass`, stopping after the value at position `last` of the checked order.
    fn pass_through(
        &self,
        params: &[Number],
        k: usize,
        (record, result): (&Record, &mut UnitResult),
        coverage: Option<&RefCell<Coverage>>,
        last: usize,
    ) -> Result<(), Failed> {
        let program = self.program;
        let (from, values) = self.stage(k);
        for (i, &v) in values.iter().enumerate().take_while(|&(i, _)| from + i <= last) {
            // Coverage is noted by the reference alone.
            if coverage.is_none()
                && let Some((value, unrounded)) = self.compiled.value(v, &record.inputs, &result.values)
            {
                result.values[v] = value;
                result.unrounded[v] = unrounded;
                continue;
            }
            let env =
                expr::Env { program, inputs: &record.inputs, values: &result.values, params, bound: None, coverage };
            match env.value(v) {
                Ok((value, unrounded)) => {
                    result.values[v] = value;
                    result.unrounded[v] = unrounded;
                }
                Err(e) => {
                    let diagnostic = e.at(program, &record.unit, &program.values[v].name);
                    return Err(Failed { position: from + i, diagnostic });
                }
            }
        }
        Ok(())
    }

    /// The requirements (要求) a record breaks, naming the cells (`cells`: where its values
    /// came from) that each broken condition reads. Compiled conditions tell a record that
    /// meets them all; the reference says what a record breaks.
    pub fn requirement_errors(
        &self,
        params: &[Number],
        record: &Record,
        cells: Option<&std::collections::HashMap<String, String>>,
    ) -> Vec<Diagnostic> {
        if self.compiled.meets_requirements(record) {
            return Vec::new();
        }
        super::requirement_errors_located(self.program, record, params, cells)
    }

    /// A record's place in ranking `k`: its group (if ranked within groups) and its key.
    /// `reference`: worked out by the reference alone (as when coverage is noted).
    pub fn key(
        &self,
        params: &[Number],
        k: usize,
        (record, result): (&Record, &UnitResult),
        reference: bool,
    ) -> Result<(Option<Value>, Number), Diagnostic> {
        let (program, rank) = (self.program, &self.ranks[k]);
        if !reference && let Some(place) = self.compiled.rank_key(rank.value, &record.inputs, &result.values) {
            return Ok(place);
        }
        let env =
            expr::Env { program, inputs: &record.inputs, values: &result.values, params, bound: None, coverage: None };
        let at = |e: expr::Failure| e.at(program, &record.unit, "排名");
        let key = env.eval(rank.by).map_err(at)?.as_num().unwrap_or(Number::ZERO);
        let group = match rank.within {
            Some(w) => Some(env.eval(w).map_err(at)?),
            None => None,
        };
        Ok((group, key))
    }
}

fn inputs_used(e: &Expr, used: &mut [bool]) {
    if let Expr::Input(i) = e {
        used[*i] = true;
    }
    for c in e.children() {
        inputs_used(c, used);
    }
}

/// A record's results before any value is computed.
pub(super) fn fresh(program: &Program, record: &Record) -> UnitResult {
    let n = program.values.len();
    // Made empty, not cloned from an empty value one by one.
    let values = std::iter::repeat_with(|| Value::Absent).take(n).collect();
    UnitResult { unit: record.unit.clone(), values, unrounded: std::iter::repeat_with(|| None).take(n).collect() }
}

/// Every record's values, pass by pass (bands and requirements already checked). Of the values
/// that cannot be computed, those earliest in the checked order are reported, for every
/// record they fail for.
pub(super) fn evaluate_in_memory(
    program: &Program,
    records: &[Record],
    cells: &[std::collections::HashMap<String, String>],
    params: &[Number],
    coverage: Option<&RefCell<Coverage>>,
) -> Result<Vec<UnitResult>, Vec<Diagnostic>> {
    let plan = Plan::new(program, params);
    let broken: Vec<Diagnostic> =
        records.iter().enumerate().flat_map(|(i, r)| plan.requirement_errors(params, r, cells.get(i))).collect();
    if !broken.is_empty() {
        return Err(broken);
    }
    let mut results: Vec<UnitResult> = records.iter().map(|r| fresh(program, r)).collect();
    for k in 0..=plan.ranks.len() {
        if k > 0 {
            let rank = &plan.ranks[k - 1];
            let mut keys = super::Keys::default();
            for (record, result) in records.iter().zip(&results) {
                let (group, key) =
                    plan.key(params, k - 1, (record, result), coverage.is_some()).map_err(|d| vec![d])?;
                keys.push(&group, key);
            }
            for (place, result) in keys.ranks(rank.ascending).into_iter().zip(&mut results) {
                result.values[rank.value] = Value::Num(Number::int(place));
            }
        }
        let before = coverage.map(|c| c.borrow().clone());
        let mut failed: Vec<Failed> = Vec::new();
        for (record, result) in records.iter().zip(&mut results) {
            if let Err(f) = plan.pass(params, k, record, result, coverage) {
                failed.push(f);
            }
        }
        if let Some(first) = failed.iter().map(|f| f.position).min() {
            // Rules count as exercised only by the values up to the failing one, for every
            // record: what a refused case computed beyond it is never checked.
            if let (Some(coverage), Some(before)) = (coverage, before) {
                *coverage.borrow_mut() = before;
                for (record, result) in records.iter().zip(&mut results) {
                    let _ = plan.pass_through(params, k, (record, result), Some(coverage), first);
                }
            }
            return Err(failed.into_iter().filter(|f| f.position == first).map(|f| f.diagnostic).collect());
        }
    }
    Ok(results)
}
