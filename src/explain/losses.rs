//! Where a department lost points (绩效改进): for every field of its data, how much higher its
//! score would be with the best value the field can take, largest first; and how many
//! points it needs for the next grade. A number without a limit toward which the score keeps
//! rising has no best value: what one more (or fewer) gains is listed instead. Every gain is
//! the score evaluated again, so caps and floors hold.

use crate::eval::{self, Record, Value};
use crate::lang::msg;
use crate::number::Number;
use crate::output;
use crate::program::*;

/// One field and the points its best value would add.
#[derive(Clone, Debug)]
pub struct Loss {
    /// The field's path in the data (`绩效委评价.协作配合`).
    pub field: String,
    pub points: Number,
    /// What the field holds, and what would gain the points.
    pub now: String,
    pub best: String,
    pub refs: Vec<String>,
}

pub struct Losses {
    pub score: String,
    pub grade: Option<String>,
    /// The next grade up and the published points it needs.
    pub next: Option<(String, Number)>,
    pub items: Vec<Loss>,
}

pub fn losses(program: &Program, record: &Record, params: &[Number]) -> Option<Losses> {
    let base = score(program, record, params)?;
    let mut items = Vec::new();
    for (i, input) in program.inputs.iter().enumerate() {
        for (field, key, mut candidates) in alternatives(program, input, &record.inputs[i]) {
            let now = key.map_or(&record.inputs[i], |k| entry(&record.inputs[i], k));
            let shape = item_shape(&input.shape, key.is_some());
            let score_with = |v: &Value| {
                let mut r = record.clone();
                set(&mut r.inputs[i], key, v.clone());
                score(program, &r, params)
            };
            // A number without an upper (lower) limit: more (fewer) may gain without end, and
            // then there is no best value, only what one more (fewer) gains.
            let mut endless = None;
            for (up, open) in open_ends(shape) {
                match steps(now, up, open, &score_with) {
                    Steps::Endless(step) => endless = endless.or(step),
                    Steps::Ends(values) => candidates.extend(values),
                }
            }
            let gain = |s: Number| s.checked_sub(base).unwrap_or(Number::ZERO);
            let found = if let Some((v, s, k, up)) = endless {
                let count = matches!(shape, Shape::Number { unit: Unit::Count, whole: true, .. });
                let (to, step) = (brief(program, &v, shape), per_step(k, up, count));
                Some((gain(s), msg!("explain-step", to, step)))
            } else {
                candidates
                    .into_iter()
                    .filter_map(|v| Some((score_with(&v)?, v)))
                    // The best score; of equal ones, the first tried (the smallest change).
                    .fold(None, |best: Option<(Number, Value)>, (s, v)| match best {
                        Some((b, _)) if b >= s => best,
                        _ => Some((s, v)),
                    })
                    .filter(|(s, _)| gain(*s) > Number::ZERO)
                    .map(|(s, v)| {
                        let best = match (&v, now) {
                            (Value::List(b), Value::List(n))
                                if !b.is_empty() && b.len() == n.len() && matches!(shape, Shape::List { .. }) =>
                            {
                                msg!("explain-every-item-best")
                            }
                            _ => brief(program, &v, shape),
                        };
                        (gain(s), best)
                    })
            };
            if let Some((points, best)) = found {
                items.push(Loss { field, points, now: brief(program, now, shape), best, refs: input.refs.clone() });
            }
        }
    }
    items.sort_by(|a, b| b.points.cmp(&a.points).then_with(|| a.field.cmp(&b.field)));
    let results = eval::evaluate(program, std::slice::from_ref(record), params).ok()?;
    let result = &results[0];
    let grade = output::grade_text(program, result);
    Some(Losses { score: output::score_text(program, result), grade, next: next_grade(program, result, params), items })
}

/// The steps tried from a number toward an end it has no limit at. A score still rising from
/// 1000 to 10000 more (or fewer) is taken as rising without end.
const STEPS: [i128; 8] = [1, 2, 3, 5, 10, 100, 1000, 10000];

/// The directions a number has no limit in: (up, open).
fn open_ends(shape: &Shape) -> [(bool, bool); 2] {
    match shape {
        Shape::Number { min, max, .. } => [(true, max.is_none()), (false, min.is_none())],
        _ => [(true, false), (false, false)],
    }
}

/// What stepping a number toward an end without a limit gives.
enum Steps {
    /// The score keeps rising as far as tried: the first step that gains, if any — its value,
    /// the score, how many steps and which way.
    Endless(Option<(Value, Number, i128, bool)>),
    /// It stops rising (a cap or a floor takes effect): the fewest steps that reach the most
    /// it gains, as a candidate; none if it gains nothing.
    Ends(Vec<Value>),
}

fn steps(now: &Value, up: bool, open: bool, score_with: &impl Fn(&Value) -> Option<Number>) -> Steps {
    let (Value::Num(n), true) = (now, open) else { return Steps::Ends(Vec::new()) };
    let Some(base) = score_with(now) else { return Steps::Ends(Vec::new()) };
    let at = |k: i128| {
        let moved = if up { n.checked_add(Number::int(k)) } else { n.checked_sub(Number::int(k)) };
        moved.ok().map(Value::Num)
    };
    let tried: Vec<(i128, Value, Option<Number>)> = STEPS
        .iter()
        .filter_map(|&k| {
            let v = at(k)?;
            let s = score_with(&v);
            Some((k, v, s))
        })
        .collect();
    let rising = match tried.len().checked_sub(2).map(|i| &tried[i..]) {
        Some([(_, _, Some(near)), (_, _, Some(far))]) => far > near && *far > base,
        _ => false,
    };
    if rising {
        let first = tried.into_iter().find_map(|(k, v, s)| s.filter(|s| *s > base).map(|s| (v, s, k, up)));
        return Steps::Endless(first);
    }
    let Some(most) = tried.iter().filter_map(|(_, _, s)| *s).max().filter(|m| *m > base) else {
        return Steps::Ends(Vec::new());
    };
    // The fewest steps that reach it: between the last step tried short of it and the first at
    // it, halving (the score rises steadily there, as a cap or floor makes it).
    let Some(j) = tried.iter().position(|(_, _, s)| *s == Some(most)) else { return Steps::Ends(Vec::new()) };
    let (mut short, mut reach) = (if j == 0 { 0 } else { tried[j - 1].0 }, tried[j].0);
    while reach - short > 1 {
        let mid = short + (reach - short) / 2;
        match at(mid).and_then(|v| score_with(&v)) {
            Some(s) if s == most => reach = mid,
            _ => short = mid,
        }
    }
    Steps::Ends(at(reach).into_iter().collect())
}

/// How a gain for a number without a limit reads: `one more; no upper limit, so no best`.
fn per_step(k: i128, up: bool, count: bool) -> String {
    match (up, k, count) {
        (true, 1, true) => msg!("explain-one-more-time"),
        (true, 1, false) => msg!("explain-one-more"),
        (false, 1, true) => msg!("explain-one-fewer-time"),
        (false, 1, false) => msg!("explain-one-fewer"),
        (true, k, true) => msg!("explain-more-times", k),
        (true, k, false) => msg!("explain-more", k),
        (false, k, true) => msg!("explain-fewer-times", k),
        (false, k, false) => msg!("explain-fewer", k),
    }
}

/// The score before any rounding, for one record alone.
fn score(program: &Program, record: &Record, params: &[Number]) -> Option<Number> {
    let results = eval::evaluate(program, std::slice::from_ref(record), params).ok()?;
    let s = program.roles.score;
    results[0].unrounded[s].as_ref().unwrap_or(&results[0].values[s]).as_num()
}

/// For an input: the parts to try (the whole input, or each leaf of a per-leaf input), with
/// the values worth trying for each.
fn alternatives(program: &Program, input: &Input, value: &Value) -> Vec<(String, Option<usize>, Vec<Value>)> {
    match (&input.shape, value) {
        (Shape::Each { indicator, item }, Value::Map(entries)) => program
            .leaf_names(*indicator)
            .into_iter()
            .zip(entries)
            .enumerate()
            .map(|(k, (leaf, v))| (format!("{}.{leaf}", input.field), Some(k), better(program, item, v)))
            .collect(),
        (shape, v) => vec![(input.field.clone(), None, better(program, shape, v))],
    }
}

/// Values of a shape worth trying in place of `v`: each end of a range, each level of a
/// rating for every rater, every answer at one level, every item at its best, no items.
fn better(program: &Program, shape: &Shape, v: &Value) -> Vec<Value> {
    match (shape, v) {
        // Each end it has; toward an end without a limit, `losses` steps (an item of a list
        // stays as it is there).
        (Shape::Number { min, max, .. }, Value::Num(_)) => {
            [*min, *max].into_iter().flatten().filter(|l| l.inclusive).map(|l| Value::Num(l.value)).collect()
        }
        (Shape::Rating(s), _) => (0..program.scales[*s].levels.len()).map(Value::Level).collect(),
        // 是否: the other answer (是 where a 否 cost points, or the reverse).
        (Shape::YesNo, Value::Bool(b)) => vec![Value::Bool(!b)],
        (Shape::List { item, min, .. }, Value::List(items)) => {
            let mut out: Vec<Value> = Vec::new();
            if let Shape::Rating(s) = &**item {
                out.extend(
                    (0..program.scales[*s].levels.len()).map(|l| Value::List(vec![Value::Level(l); items.len()])),
                );
            } else {
                let bests: Vec<Value> = items
                    .iter()
                    .map(|x| match &**item {
                        // A number without a most stays as it is: there is no best to put.
                        Shape::Number { max: None, .. } => x.clone(),
                        _ => better(program, item, x).into_iter().last().unwrap_or_else(|| x.clone()),
                    })
                    .collect();
                out.push(Value::List(bests));
            }
            if *min == 0 && !items.is_empty() {
                out.push(Value::List(Vec::new()));
            }
            out
        }
        (Shape::Tally { scale, .. }, Value::Tally(counts)) => {
            let total = counts.iter().try_fold(Number::ZERO, |a, c| a.checked_add(*c).ok());
            let levels = program.scales[*scale].levels.len();
            total
                .map(|t| {
                    (0..levels)
                        .map(|l| Value::Tally((0..levels).map(|j| if j == l { t } else { Number::ZERO }).collect()))
                        .collect()
                })
                .unwrap_or_default()
        }
        (Shape::Record(fields), Value::Record(values)) => {
            // Only fields with a best end (scores up to 100) improve; weights and names stay.
            let improved: Vec<Value> = fields
                .iter()
                .zip(values)
                .map(|((_, s), x)| match s {
                    Shape::Number { max: Some(m), .. } if m.inclusive => Value::Num(m.value),
                    _ => x.clone(),
                })
                .collect();
            vec![Value::Record(improved)]
        }
        _ => Vec::new(),
    }
}

fn set(slot: &mut Value, key: Option<usize>, v: Value) {
    match (key, slot) {
        (Some(k), Value::Map(items)) if k < items.len() => items[k] = v,
        (None, slot) => *slot = v,
        _ => {}
    }
}

fn entry(v: &Value, k: usize) -> &Value {
    match v {
        Value::Map(items) => items.get(k).unwrap_or(v),
        v => v,
    }
}

fn item_shape(shape: &Shape, keyed: bool) -> &Shape {
    match shape {
        Shape::Each { item, .. } if keyed => item,
        s => s,
    }
}

/// A short form of data for the losses list.
fn brief(program: &Program, v: &Value, shape: &Shape) -> String {
    match (v, shape) {
        (Value::List(items), Shape::List { item, .. }) if matches!(**item, Shape::Record(_)) => match items.len() {
            0 => msg!("explain-none"),
            n => msg!("explain-n-item-s", n),
        },
        (v, s) => super::data_text(program, v, s),
    }
}

/// The grade above the department's, and how many published points of the value the grade
/// is given by (the score, or another value) it needs; `None` at the highest grade, or where
/// that is not a plain value.
fn next_grade(program: &Program, result: &crate::eval::UnitResult, params: &[Number]) -> Option<(String, Number)> {
    let g = program.roles.grade?;
    let ValueKind::Grade { bands, subject: Expr::Value(subject), .. } = &program.values[g].kind else { return None };
    let Value::Level(i) = result.values[g] else { return None };
    let above = bands.get(i.checked_sub(1)?)?;
    let (bound, inclusive) = above.lower.as_ref()?;
    let threshold = match bound {
        Expr::Const(n) => *n,
        Expr::Param(p) => params[*p],
        _ => return None,
    };
    let now = result.values[*subject].as_num()?;
    let mut needed = threshold.checked_sub(now).ok()?;
    if !inclusive {
        needed = needed.checked_add(Number::from_decimal(rust_decimal::Decimal::new(1, 2))).ok()?;
    }
    (needed.signum() > 0).then(|| (above.label.clone(), needed))
}
