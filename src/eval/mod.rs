//! Checked program + department records → results. Values are computed in the checked
//! order; a ranking waits for every record's value before the values that use it.

pub mod data;
pub mod err;
mod expr;

use crate::check::structure_bands::{BandBounds, band_problem};
use crate::diagnostic::Diagnostic;
use crate::number::Number;
use crate::program::*;

pub use data::Record;
use err::At;

/// A value during and after evaluation.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Num(Number),
    Bool(bool),
    Text(String),
    /// A rating's level or a grade's band, by index.
    Level(usize),
    List(Vec<Value>),
    /// Numbers with how often each counts (the factors of a tally).
    Weighted(Vec<(Number, Number)>),
    /// Counts per level of a scale.
    Tally(Vec<Number>),
    /// One value per leaf of an indicator.
    Map(Vec<Value>),
    Record(Vec<Value>),
    /// An optional input that was not given.
    Absent,
}

impl Value {
    pub fn as_num(&self) -> Option<Number> {
        match self {
            Value::Num(n) => Some(*n),
            _ => None,
        }
    }
}

/// One department's results: every value, by value index.
#[derive(Clone, Debug)]
pub struct UnitResult {
    pub unit: String,
    pub values: Vec<Value>,
    /// For values that are rounded or limited: the exact value before that.
    pub unrounded: Vec<Option<Value>>,
}

/// Parameter values for one run: the defaults, with `--set` overrides applied.
pub fn parameters(program: &Program, overrides: &[(ParamId, Number)]) -> Vec<Number> {
    let mut params: Vec<Number> = program.params.iter().map(|p| p.default).collect();
    for (p, v) in overrides {
        params[*p] = *v;
    }
    params
}

/// Evaluates every record. Errors name the department and the value.
pub fn evaluate(program: &Program, records: &[Record], params: &[Number]) -> Result<Vec<UnitResult>, Vec<Diagnostic>> {
    check_bands(program, params)?;
    check_requirements(program, records, params)?;
    let n = program.values.len();
    let mut results: Vec<UnitResult> = records
        .iter()
        .map(|r| UnitResult { unit: r.unit.clone(), values: vec![Value::Absent; n], unrounded: vec![None; n] })
        .collect();
    let mut errors = Vec::new();
    for &v in &program.order {
        if let ValueKind::Rank { by, within, ascending } = &program.values[v].kind {
            match rank(program, records, &results, params, by, within.as_ref(), *ascending) {
                Ok(ranks) => ranks.into_iter().zip(results.iter_mut()).for_each(|(r, res)| res.values[v] = Value::Num(Number::int(r))),
                Err(e) => errors.push(e),
            }
            continue;
        }
        for (record, result) in records.iter().zip(results.iter_mut()) {
            let env = expr::Env { program, inputs: &record.inputs, values: &result.values, params, bound: None };
            match env.value(v) {
                Ok((value, unrounded)) => {
                    result.values[v] = value;
                    result.unrounded[v] = unrounded;
                }
                Err(e) => errors.push(e.at(&record.unit, &program.values[v].name)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
    }
    if errors.is_empty() { Ok(results) } else { Err(errors) }
}

/// Competition ranking (1, 2, 2, 4) by a value, within groups if asked.
fn rank(
    program: &Program,
    records: &[Record],
    results: &[UnitResult],
    params: &[Number],
    by: &Expr,
    within: Option<&Expr>,
    ascending: bool,
) -> Result<Vec<i128>, Diagnostic> {
    let mut keys = Vec::with_capacity(records.len());
    for (i, (record, result)) in records.iter().zip(results).enumerate() {
        let env = expr::Env { program, inputs: &record.inputs, values: &result.values, params, bound: None };
        let key = env.eval(by).map_err(|e| e.at(&record.unit, "排名"))?.as_num().unwrap_or(Number::ZERO);
        let group = match within {
            Some(w) => Some(env.eval(w).map_err(|e| e.at(&record.unit, "排名"))?),
            None => None,
        };
        keys.push((group_key(&group), key, i));
    }
    keys.sort_by(|a, b| a.0.cmp(&b.0).then(if ascending { a.1.cmp(&b.1) } else { b.1.cmp(&a.1) }).then(a.2.cmp(&b.2)));
    let mut ranks = vec![0i128; records.len()];
    let mut start = 0;
    for i in 0..keys.len() {
        if i == 0 || keys[i].0 != keys[i - 1].0 {
            start = i;
        }
        let same_as_before = i > start && keys[i].1 == keys[i - 1].1;
        ranks[keys[i].2] = if same_as_before { ranks[keys[i - 1].2] } else { (i - start + 1) as i128 };
    }
    Ok(ranks)
}

fn group_key(group: &Option<Value>) -> String {
    match group {
        Some(Value::Level(i)) => format!("{i:08}"),
        Some(Value::Text(s)) => s.clone(),
        _ => String::new(),
    }
}

/// Grade bands whose thresholds are parameters are checked again with this run's values.
fn check_bands(program: &Program, params: &[Number]) -> Result<(), Vec<Diagnostic>> {
    for def in &program.values {
        let ValueKind::Grade { bands, .. } = &def.kind else { continue };
        let env = expr::Env { program, inputs: &[], values: &[], params, bound: None };
        let bound = |b: &Option<(Expr, bool)>| -> Option<(Number, bool)> {
            b.as_ref().map(|(e, incl)| (env.eval(e).ok().and_then(|v| v.as_num()).unwrap_or(Number::ZERO), *incl))
        };
        let bounds: Vec<BandBounds> = bands.iter().map(|b| (b.label.clone(), bound(&b.lower), bound(&b.upper), b.span)).collect();
        if let Some(problem) = band_problem(&bounds) {
            return Err(vec![err::bad_bands(&def.name, &problem.message)]);
        }
    }
    Ok(())
}

fn check_requirements(program: &Program, records: &[Record], params: &[Number]) -> Result<(), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    for record in records {
        for req in &program.requires {
            let keys = req.family.map_or(1, |f| program.leaves(f).len());
            for k in 0..keys {
                let bound = req.family.map(|_| k);
                let env = expr::Env { program, inputs: &record.inputs, values: &[], params, bound };
                let at = At { record: format!("department \"{}\"", record.unit), path: req_path(program, req, bound) };
                match env.eval(&req.condition) {
                    Ok(Value::Bool(true)) => {}
                    Ok(_) => errors.push(err::requirement(&at, &req.message, req.refs.first())),
                    Err(e) => errors.push(e.at(&record.unit, &req.message)),
                }
            }
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

fn req_path(program: &Program, req: &Requirement, bound: Option<usize>) -> String {
    match (req.family, bound) {
        (Some(f), Some(k)) => program.leaf_names(f).get(k).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}
