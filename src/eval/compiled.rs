//! The checked program in a compact form for one run, made before any record is read:
//! parameters and constants folded, every read resolved to an input's or a value's slot (and
//! an entry or field position), sums over lists and roll-ups turned into loops over positions
//! and sums of constant weights. Numbers are exact fractions reduced once per value
//! (`number::Fraction`); nothing is allocated per step.
//!
//! The tree-walking evaluator (`expr::Env`) stays the reference: it is what explanations and
//! embedded tests (which note coverage) run, and what a compiled formula falls back to. A
//! compiled value gives `None` wherever it cannot be sure to give exactly what the reference
//! gives — a value of an unexpected kind, an overflow, a division by zero, a part outside its
//! points — and the reference then computes that value, or says what went wrong, as before.
//! Formulas of kinds not compiled are left to the reference altogether.

use std::cmp::Ordering;

use super::{Record, Value};
use crate::number::{Fraction, Number};
use crate::program::*;

/// One run's program in compiled form: by value, how it is computed, if compiled.
pub(super) struct Compiled {
    values: Vec<Option<Computed>>,
    /// By requirement: its condition, if compiled.
    requires: Vec<Option<(Cond, usize)>>,
}

/// A grade band's lower and upper threshold (and whether it is included), if it has one.
type Bounds = (Option<(Fraction, bool)>, Option<(Fraction, bool)>);

/// How one value is computed.
enum Computed {
    Let(Box<Let>),
    Grade {
        subject: Num,
        bands: Vec<Bounds>,
    },
    /// Set by the ranking between passes; what is computed is each record's place in it:
    /// its key and, if ranked within groups, its group.
    Rank {
        by: Num,
        within: Option<Formula>,
    },
}

struct Let {
    /// The number of leaves, for a value computed once per leaf.
    leaves: Option<usize>,
    formula: Formula,
    adjustments: Vec<Adjust>,
    to_zero: bool,
    cap: Option<Num>,
    floor: Option<Num>,
    rounding: Option<(u32, crate::number::Rounding)>,
}

struct Adjust {
    count: Count,
    amount: Num,
    bonus: bool,
    most: Option<Num>,
}

enum Count {
    Times(Num),
    When(Cond),
}

/// A formula whose value is a number, `无`, a yes/no, or one of those by a condition.
enum Formula {
    Num(Num),
    Cond(Cond),
    /// An input or value as it is (a number, a level, `无`…).
    Read(Place),
    /// A level or `无` as written.
    Other(Value),
    If(Box<Cond>, Box<Formula>, Box<Formula>),
}

/// Where a formula reads: an input or an earlier value, or its entry for one leaf.
#[derive(Clone, Copy)]
struct Place {
    from: From,
    entry: Option<Entry>,
}

#[derive(Clone, Copy)]
enum From {
    Input(InputId),
    Value(ValueId),
}

#[derive(Clone, Copy)]
enum Entry {
    Leaf(usize),
    /// The leaf a per-leaf value is being computed for.
    Bound,
}

/// What a sum-like function gives of its items.
#[derive(Clone, Copy, PartialEq)]
enum Total {
    Sum,
    Mean,
    Count,
}

/// A formula whose value is a number.
enum Num {
    Const(Fraction),
    Read(Place),
    /// A field of a record.
    Field(Place, usize),
    /// A field of the list item being summed (`Items`).
    ItemField(usize),
    Neg(Box<Num>),
    Arith(Arith, Box<Num>, Box<Num>),
    /// Σ coefficient × term + constant: sums, differences and multiples by constants, folded
    /// together (exact, so regrouping them gives the same number).
    Sum(Box<Sum>),
    Extreme {
        max: bool,
        of: Vec<Num>,
    },
    Round {
        up: bool,
        of: Box<Num>,
    },
    /// A rating's factor: by level.
    Factor {
        factors: Vec<Fraction>,
        rating: Place,
    },
    /// A formula of the fields of each record of a list, summed.
    Items(Box<Items>),
    /// The numbers of a list or of per-leaf values.
    Entries {
        of: Place,
        total: Total,
    },
    /// The factors of a list of ratings, by level.
    Factors(Box<Factors>),
    /// The factors of a tally, each as often as it was given.
    Tally(Box<Factors>),
    /// How many items of a list or of per-leaf values compare so with a value (`计数(结论 = 不符合)`).
    CountWhere(Box<CountWhere>),
    /// How often one level of a tally (or any level) was given.
    TallyCount {
        tally: Place,
        level: Option<usize>,
    },
    Parts(Box<Parts>),
    Weighted(Box<Weighted>),
    If(Box<Cond>, Box<Num>, Box<Num>),
    Match {
        level: Place,
        arms: Vec<Num>,
    },
}

/// Σ coefficient × term + constant.
struct Sum {
    terms: Vec<(Fraction, Num)>,
    constant: Fraction,
}

/// A formula of the fields of each record of a list (Σ coefficient × term + constant),
/// summed: each term over the items, then times its coefficient.
struct Items {
    list: Place,
    terms: Vec<(Fraction, Num)>,
    constant: Fraction,
    total: Total,
}

/// The factors of a list of ratings or of a tally (`of`), by level.
struct Factors {
    factors: Vec<Fraction>,
    of: Place,
    total: Total,
}

struct CountWhere {
    of: Place,
    op: Compare,
    with: Operand,
}

/// A roll-up as one sum: each part (evaluated in order) times its weight, then within its
/// points (`Some`: parts scored in points, each checked against its points).
struct Parts {
    parts: Vec<Num>,
    terms: Vec<(usize, Fraction)>,
    points: Option<Vec<Fraction>>,
}

/// A roll-up of per-leaf values by the leaves' weights, entries `offset..` of `of`.
struct Weighted {
    of: Place,
    entries: usize,
    offset: usize,
    weights: Vec<Fraction>,
    points: Option<Fraction>,
}

/// A formula whose value is a yes/no.
enum Cond {
    Const(bool),
    Read(Place),
    Compare(Compare, Box<[Operand; 2]>),
    Given(Place),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    If(Box<Cond>, Box<Cond>, Box<Cond>),
}

/// One side of a comparison.
enum Operand {
    Num(Num),
    /// A level, a yes/no, a text or `无`, as written or read.
    Other(Value),
    Read(Place),
}

/// A side of a comparison, as it came out.
#[derive(Clone, Copy)]
enum Scalar<'a> {
    Num(Fraction),
    Other(&'a Value),
}

/// One record's inputs and values so far, and the leaf and list item being computed.
#[derive(Clone, Copy)]
struct At<'a> {
    inputs: &'a [Value],
    values: &'a [Value],
    bound: usize,
    item: &'a [Value],
}

impl Compiled {
    /// Compiles what it can of `program` for a run with these parameter values.
    pub fn new(program: &Program, params: &[Number]) -> Compiled {
        let make = Maker { program, params };
        let values = program.values.iter().map(|def| make.computed(def)).collect();
        let requires = program
            .requires
            .iter()
            .map(|r| Some((make.cond(&r.condition)?, r.family.map_or(1, |f| program.leaves(f).len()))))
            .collect();
        Compiled { values, requires }
    }

    /// Value `v` of one record whose earlier values are `values`, and its exact value before
    /// rounding or limits where that differs; `None` where the reference must compute it.
    pub fn value(&self, v: ValueId, inputs: &[Value], values: &[Value]) -> Option<(Value, Option<Value>)> {
        let at = At { inputs, values, bound: 0, item: &[] };
        match self.values[v].as_ref()? {
            Computed::Rank { .. } => Some((Value::Absent, None)),
            Computed::Grade { subject, bands } => Some((Value::Level(grade(subject.get(at)?, bands)), None)),
            Computed::Let(l) => match l.leaves {
                None => l.value(at),
                Some(n) => {
                    let mut out = Vec::with_capacity(n);
                    let mut exact = Vec::with_capacity(n);
                    for bound in 0..n {
                        let (value, unrounded) = l.value(At { bound, ..at })?;
                        exact.push(unrounded.unwrap_or_else(|| value.clone()));
                        out.push(value);
                    }
                    let changed = out != exact;
                    Some((Value::Map(out), changed.then_some(Value::Map(exact))))
                }
            },
        }
    }

    /// A record's place in ranking `v` (a rank value): its group, if ranked within groups,
    /// and its key; `None` where the reference must work it out.
    pub fn rank_key(&self, v: ValueId, inputs: &[Value], values: &[Value]) -> Option<(Option<Value>, Number)> {
        let Some(Computed::Rank { by, within }) = self.values[v].as_ref() else { return None };
        let at = At { inputs, values, bound: 0, item: &[] };
        let key = by.get(at)?.reduced();
        let group = match within {
            None => None,
            Some(w) => Some(match w.get(at)? {
                Ok(n) => Value::Num(n.reduced()),
                Err(value) => value,
            }),
        };
        Some((group, key))
    }

    /// Whether the record meets every requirement, as far as compiled conditions tell: `false`
    /// where one is broken or not compiled (the reference then says which and why).
    pub fn meets_requirements(&self, record: &Record) -> bool {
        self.requires.iter().all(|r| {
            let Some((cond, keys)) = r else { return false };
            (0..*keys).all(|bound| cond.get(At { inputs: &record.inputs, values: &[], bound, item: &[] }) == Some(true))
        })
    }
}

/// The band a score falls in: the first whose bounds hold, else the last (as the reference).
fn grade(score: Fraction, bands: &[Bounds]) -> usize {
    let holds = |bound: &Option<(Fraction, bool)>, below: bool| match bound {
        None => true,
        Some((t, inclusive)) => {
            let o = score.compare(*t);
            o == Ordering::Equal && *inclusive || o == if below { Ordering::Less } else { Ordering::Greater }
        }
    };
    bands
        .iter()
        .position(|(lower, upper)| holds(lower, false) && holds(upper, true))
        .unwrap_or(bands.len().saturating_sub(1))
}

impl Let {
    fn value(&self, at: At) -> Option<(Value, Option<Value>)> {
        let mut exact = match &self.formula {
            Formula::Num(n) => n.get(at)?,
            f => match f.get(at)? {
                Ok(n) => n,
                Err(value) => return Some((value, None)),
            },
        };
        for a in &self.adjustments {
            let count = match &a.count {
                Count::When(c) => Fraction::int(i64::from(c.get(at)?)),
                Count::Times(n) => n.get(at)?.max(Fraction::ZERO),
            };
            let mut taken = count.times(a.amount.get(at)?)?;
            if let Some(most) = &a.most {
                taken = taken.min(most.get(at)?);
            }
            exact = if a.bonus { exact.plus(taken)? } else { exact.minus(taken)? };
        }
        let exact = exact.reduced();
        let mut n = if self.to_zero { exact.max(Number::ZERO) } else { exact };
        if let Some(cap) = &self.cap {
            n = n.min(cap.get(at)?.reduced());
        }
        if let Some(floor) = &self.floor {
            n = n.max(floor.get(at)?.reduced());
        }
        if let Some((places, rule)) = self.rounding {
            n = n.round(places, rule).ok()?;
        }
        Some((Value::Num(n), (n != exact).then_some(Value::Num(exact))))
    }
}

impl Formula {
    /// A number, or the value when it is not one.
    fn get(&self, at: At) -> Option<Result<Fraction, Value>> {
        match self {
            Formula::Num(n) => Some(Ok(n.get(at)?)),
            Formula::Cond(c) => Some(Err(Value::Bool(c.get(at)?))),
            Formula::Read(p) => Some(match p.get(at)? {
                Value::Num(n) => Ok(Fraction::of(*n)?),
                v => Err(v.clone()),
            }),
            Formula::Other(v) => Some(Err(v.clone())),
            Formula::If(c, then, otherwise) => c.pick(at, then, otherwise)?.get(at),
        }
    }
}

impl Place {
    fn get<'a>(&self, at: At<'a>) -> Option<&'a Value> {
        let whole = match self.from {
            From::Input(i) => at.inputs.get(i)?,
            From::Value(v) => at.values.get(v)?,
        };
        let k = match self.entry {
            None => return Some(whole),
            Some(Entry::Leaf(k)) => k,
            Some(Entry::Bound) => at.bound,
        };
        match whole {
            Value::Map(items) => items.get(k),
            _ => None,
        }
    }

    fn num(&self, at: At) -> Option<Fraction> {
        match self.get(at)? {
            Value::Num(n) => Some(Fraction::of(*n)?),
            _ => None,
        }
    }
}

fn number(v: &Value) -> Option<Fraction> {
    match v {
        Value::Num(n) => Some(Fraction::of(*n)?),
        _ => None,
    }
}

/// What a sum-like function gives of a sum and a count.
fn totalled(total: Total, sum: Fraction, count: Fraction) -> Option<Fraction> {
    match total {
        Total::Sum => Some(sum),
        Total::Mean => sum.over(count),
        Total::Count => Some(count),
    }
}

impl Num {
    /// `get`, with the commonest leaves (constants, reads, fields of an item) read in place
    /// rather than in a call.
    #[inline(always)]
    fn quick(&self, at: At) -> Option<Fraction> {
        match self {
            Num::Const(n) => Some(*n),
            Num::Read(p) => p.num(at),
            Num::ItemField(i) => number(at.item.get(*i)?),
            other => other.get(at),
        }
    }

    fn get(&self, at: At) -> Option<Fraction> {
        match self {
            Num::Const(n) => Some(*n),
            Num::Read(p) => p.num(at),
            Num::Field(p, i) => match p.get(at)? {
                Value::Record(fields) => number(fields.get(*i)?),
                _ => None,
            },
            Num::ItemField(i) => number(at.item.get(*i)?),
            Num::Neg(x) => x.get(at)?.negated(),
            Num::Arith(op, a, b) => {
                let (a, b) = (a.quick(at)?, b.quick(at)?);
                match op {
                    Arith::Add => a.plus(b),
                    Arith::Sub => a.minus(b),
                    Arith::Mul => a.times(b),
                    Arith::Div => a.over(b),
                }
            }
            Num::Extreme { max, of } => {
                let mut best = of.first()?.get(at)?;
                for n in &of[1..] {
                    let n = n.get(at)?;
                    best = if *max { best.max(n) } else { best.min(n) };
                }
                Some(best)
            }
            Num::Round { up, of } => {
                let n = of.get(at)?;
                Some(if *up { n.ceil() } else { n.floor() })
            }
            Num::Factor { factors, rating } => match rating.get(at)? {
                Value::Level(i) => Some(factors.get(*i).copied().unwrap_or(Fraction::ZERO)),
                _ => None,
            },
            Num::Sum(sum) => {
                let Sum { terms, constant } = &**sum;
                let mut sum = *constant;
                for (c, t) in terms {
                    sum = sum.plus(c.times(t.quick(at)?)?)?;
                }
                Some(sum)
            }
            Num::Items(items) => {
                let Items { list, terms, constant, total } = &**items;
                let Value::List(items) = list.get(at)? else { return None };
                let mut sums = [Fraction::ZERO; ITEM_TERMS];
                let sums = sums.get_mut(..terms.len())?;
                // Summed even for a count: where the sum overflows, the reference says so.
                for item in items {
                    let Value::Record(fields) = item else { return None };
                    for (sum, (_, t)) in sums.iter_mut().zip(terms) {
                        *sum = sum.plus(t.quick(At { item: fields, ..at })?)?;
                    }
                }
                let count = Fraction::int(items.len() as i64);
                let mut sum = constant.times(count)?;
                for (s, (c, _)) in sums.iter().zip(terms) {
                    sum = sum.plus(c.times(*s)?)?;
                }
                totalled(*total, sum, count)
            }
            Num::Entries { of, total } => {
                let (Value::List(items) | Value::Map(items)) = of.get(at)? else { return None };
                let mut sum = Fraction::ZERO;
                // What is not a number adds nothing, but counts (as in the reference); a number
                // past 64 bits leaves the sum to the reference.
                for item in items {
                    if let Value::Num(n) = item {
                        sum = sum.plus(Fraction::of(*n)?)?;
                    }
                }
                totalled(*total, sum, Fraction::int(items.len() as i64))
            }
            Num::Factors(f) => {
                let Factors { factors, of, total } = &**f;
                let Value::List(items) = of.get(at)? else { return None };
                let mut counts = [0i64; 16];
                let counts = counts.get_mut(..factors.len())?;
                for item in items {
                    // What is not a level has no factor, but counts (as in the reference).
                    if let Value::Level(i) = item
                        && let Some(c) = counts.get_mut(*i)
                    {
                        *c += 1;
                    }
                }
                let mut sum = Fraction::ZERO;
                for (f, &c) in factors.iter().zip(counts.iter()).filter(|(_, c)| **c > 0) {
                    sum = sum.plus(f.times(Fraction::int(c))?)?;
                }
                totalled(*total, sum, Fraction::int(items.len() as i64))
            }
            Num::Tally(f) => {
                let Factors { factors, of, total } = &**f;
                let Value::Tally(counts) = of.get(at)? else { return None };
                let (mut sum, mut count) = (Fraction::ZERO, Fraction::ZERO);
                for (i, c) in counts.iter().enumerate() {
                    let c = Fraction::of(*c)?;
                    sum = sum.plus(factors.get(i).copied().unwrap_or(Fraction::ZERO).times(c)?)?;
                    count = count.plus(c)?;
                }
                totalled(*total, sum, count)
            }
            Num::CountWhere(c) => {
                let CountWhere { of, op, with } = &**c;
                let (Value::List(items) | Value::Map(items)) = of.get(at)? else { return None };
                let with = with.get(at)?;
                let mut count = 0i64;
                for item in items {
                    let item = match item {
                        Value::Num(n) => Scalar::Num(Fraction::of(*n)?),
                        // Lists in lists compare item by item again: left to the reference.
                        Value::List(_) | Value::Map(_) | Value::Record(_) | Value::Tally(_) | Value::Weighted(_) => {
                            return None;
                        }
                        v => Scalar::Other(v),
                    };
                    count += i64::from(compared(*op, item, with));
                }
                Some(Fraction::int(count))
            }
            Num::TallyCount { tally, level } => {
                let Value::Tally(counts) = tally.get(at)? else { return None };
                match level {
                    Some(l) => counts.get(*l).map_or(Some(Fraction::ZERO), |c| Fraction::of(*c)),
                    None => counts.iter().try_fold(Fraction::ZERO, |s, c| s.plus(Fraction::of(*c)?)),
                }
            }
            Num::Parts(p) => {
                let Parts { parts, terms, points } = &**p;
                let mut values = [Fraction::ZERO; 32];
                let values = values.get_mut(..parts.len())?;
                for (v, part) in values.iter_mut().zip(parts) {
                    *v = part.get(at)?;
                }
                let mut sum = Fraction::ZERO;
                for (k, &(part, weight)) in terms.iter().enumerate() {
                    let v = values[part];
                    if let Some(points) = points
                        && (v.is_negative() || v.compare(points[k]) == Ordering::Greater)
                    {
                        return None;
                    }
                    sum = sum.plus(weight.times(v)?)?;
                }
                Some(sum)
            }
            Num::Weighted(w) => {
                let Weighted { of, entries, offset, weights, points } = &**w;
                let Value::Map(items) = of.get(at)? else { return None };
                if items.len() != *entries {
                    return None;
                }
                let mut sum = Fraction::ZERO;
                for (w, v) in weights.iter().zip(&items[*offset..]) {
                    sum = sum.plus(w.times(number(v)?)?)?;
                }
                match points {
                    Some(p) => sum.times(*p),
                    None => Some(sum),
                }
            }
            Num::If(c, then, otherwise) => c.pick(at, then, otherwise)?.get(at),
            Num::Match { level, arms } => match level.get(at)? {
                Value::Level(i) => arms.get(*i)?.get(at),
                _ => None,
            },
        }
    }
}

impl Cond {
    /// The branch of `如果` this condition takes.
    fn pick<'f, T>(&self, at: At, then: &'f T, otherwise: &'f T) -> Option<&'f T> {
        Some(if self.get(at)? { then } else { otherwise })
    }

    fn get(&self, at: At) -> Option<bool> {
        match self {
            Cond::Const(b) => Some(*b),
            Cond::Read(p) => match p.get(at)? {
                Value::Bool(b) => Some(*b),
                _ => None,
            },
            Cond::Compare(op, sides) => Some(compared(*op, sides[0].get(at)?, sides[1].get(at)?)),
            Cond::Given(p) => Some(!matches!(p.get(at)?, Value::Absent)),
            Cond::Not(c) => Some(!c.get(at)?),
            Cond::And(a, b) => Some(a.get(at)? && b.get(at)?),
            Cond::Or(a, b) => Some(a.get(at)? || b.get(at)?),
            Cond::If(c, then, otherwise) => c.pick(at, then, otherwise)?.get(at),
        }
    }
}

impl Operand {
    fn get<'a>(&'a self, at: At<'a>) -> Option<Scalar<'a>> {
        match self {
            Operand::Num(n) => Some(Scalar::Num(n.get(at)?)),
            Operand::Other(v) => Some(Scalar::Other(v)),
            Operand::Read(p) => match p.get(at)? {
                Value::Num(n) => Some(Scalar::Num(Fraction::of(*n)?)),
                // Lists and per-leaf values compare item by item: left to the reference.
                Value::List(_) | Value::Map(_) | Value::Record(_) | Value::Tally(_) | Value::Weighted(_) => None,
                v => Some(Scalar::Other(v)),
            },
        }
    }
}

/// A comparison of two single values, as the reference compares them: numbers by value,
/// `无` with nothing (only `≠` holds), anything else by being the same.
fn compared(op: Compare, a: Scalar, b: Scalar) -> bool {
    let ord = match (a, b) {
        (Scalar::Num(x), Scalar::Num(y)) => Some(x.compare(y)),
        (Scalar::Other(Value::Absent), _) | (_, Scalar::Other(Value::Absent)) => None,
        (Scalar::Other(x), Scalar::Other(y)) => Some(if x == y { Ordering::Equal } else { Ordering::Less }),
        _ => Some(Ordering::Less),
    };
    op.holds(ord)
}

/// Compiles formulas of one program for one run's parameters.
struct Maker<'p> {
    program: &'p Program,
    params: &'p [Number],
}

impl Maker<'_> {
    fn computed(&self, def: &ValueDef) -> Option<Computed> {
        Some(match &def.kind {
            ValueKind::Rank { by, within, .. } => Computed::Rank {
                by: self.num(by)?,
                within: match within {
                    None => None,
                    Some(w) => Some(self.formula(w)?),
                },
            },
            ValueKind::Grade { subject, bands, .. } => {
                let bound = |b: &Option<(Expr, bool)>| match b {
                    None => Some(None),
                    Some((e, inclusive)) => match self.num(e)? {
                        Num::Const(t) => Some(Some((t, *inclusive))),
                        _ => None,
                    },
                };
                let bands = bands.iter().map(|b| Some((bound(&b.lower)?, bound(&b.upper)?))).collect::<Option<_>>()?;
                Computed::Grade { subject: self.num(subject)?, bands }
            }
            ValueKind::Let { family, expr, adjustments, to_zero, cap, floor, rounding } => {
                let formula =
                    if matches!(def.ty, Ty::Num(_)) { Formula::Num(self.num(expr)?) } else { self.formula(expr)? };
                let adjustments = adjustments
                    .iter()
                    .map(|a| {
                        Some(Adjust {
                            count: if a.when {
                                Count::When(self.cond(&a.count)?)
                            } else {
                                Count::Times(self.num(&a.count)?)
                            },
                            amount: self.num(&a.amount)?,
                            bonus: a.bonus,
                            most: a.most.as_ref().map(|m| self.num(m)).map_or(Some(None), |m| m.map(Some))?,
                        })
                    })
                    .collect::<Option<_>>()?;
                let limit = |e: &Option<Expr>| e.as_ref().map(|e| self.num(e)).map_or(Some(None), |n| n.map(Some));
                Computed::Let(Box::new(Let {
                    leaves: family.map(|f| self.program.leaves(f).len()),
                    formula,
                    adjustments,
                    to_zero: *to_zero,
                    cap: limit(cap)?,
                    floor: limit(floor)?,
                    rounding: *rounding,
                }))
            }
        })
    }

    fn formula(&self, e: &Expr) -> Option<Formula> {
        match e {
            Expr::Absent => Some(Formula::Other(Value::Absent)),
            Expr::Label(i) => Some(Formula::Other(Value::Level(*i))),
            Expr::Input(_) | Expr::Value(_) | Expr::Index(..) => Some(Formula::Read(self.place(e)?)),
            Expr::If(c, then, otherwise) => Some(Formula::If(
                Box::new(self.cond(c)?),
                Box::new(self.formula(then)?),
                Box::new(self.formula(otherwise)?),
            )),
            Expr::Compare(..) | Expr::And(..) | Expr::Or(..) | Expr::Not(..) | Expr::Bool(_) => {
                Some(Formula::Cond(self.cond(e)?))
            }
            Expr::Call(Builtin::Given, _) => Some(Formula::Cond(self.cond(e)?)),
            _ => Some(Formula::Num(self.num(e)?)),
        }
    }

    fn place(&self, e: &Expr) -> Option<Place> {
        match e {
            Expr::Input(i) => Some(Place { from: From::Input(*i), entry: None }),
            Expr::Value(v) => Some(Place { from: From::Value(*v), entry: None }),
            Expr::Index(base, key) => {
                let base = self.place(base)?;
                if base.entry.is_some() {
                    return None;
                }
                let entry = match key {
                    Key::Bound => Entry::Bound,
                    Key::Leaf(k) => Entry::Leaf(*k),
                };
                Some(Place { entry: Some(entry), ..base })
            }
            _ => None,
        }
    }

    fn factors(&self, scale: ScaleId) -> Option<Vec<Fraction>> {
        self.program.scales[scale].levels.iter().map(|(_, f)| Fraction::of(*f)).collect()
    }

    fn num(&self, e: &Expr) -> Option<Num> {
        let boxed = |e: &Expr| self.num(e).map(Box::new);
        Some(match e {
            Expr::Const(n) => Num::Const(Fraction::of(*n)?),
            Expr::Param(p) => Num::Const(Fraction::of(*self.params.get(*p)?)?),
            Expr::Input(_) | Expr::Value(_) | Expr::Index(..) => Num::Read(self.place(e)?),
            Expr::Field(base, i) => Num::Field(self.place(base)?, *i),
            Expr::Neg(x) => match self.num(x)? {
                Num::Const(n) => Num::Const(n.negated()?),
                x => Num::Neg(Box::new(x)),
            },
            Expr::Arith(op, a, b) => fold(*op, self.num(a)?, self.num(b)?),
            Expr::If(c, then, otherwise) => Num::If(Box::new(self.cond(c)?), boxed(then)?, boxed(otherwise)?),
            Expr::Match(subject, arms) => Num::Match {
                level: self.place(subject)?,
                arms: arms.iter().map(|a| self.num(a)).collect::<Option<_>>()?,
            },
            Expr::Call(b, args) => self.call(*b, args)?,
            Expr::Rollup { indicator, parts, points } => self.linear(*indicator, parts, *points)?,
            _ => return None,
        })
    }

    fn call(&self, b: Builtin, args: &[Expr]) -> Option<Num> {
        let first = args.first()?;
        Some(match b {
            Builtin::Min | Builtin::Max if args.len() > 1 => {
                Num::Extreme { max: b == Builtin::Max, of: args.iter().map(|a| self.num(a)).collect::<Option<_>>()? }
            }
            Builtin::Sum => self.total(first, Total::Sum)?,
            Builtin::Mean => self.total(first, Total::Mean)?,
            Builtin::Length => self.total(first, Total::Count)?,
            Builtin::Factor(s) => Num::Factor { factors: self.factors(s)?, rating: self.place(first)? },
            Builtin::Floor | Builtin::Ceil => Num::Round { up: b == Builtin::Ceil, of: Box::new(self.num(first)?) },
            Builtin::CountTrue => match first {
                Expr::Compare(op, list, with) if self.place(list).is_some() => {
                    let with = match self.operand(with)? {
                        with @ (Operand::Other(_) | Operand::Num(Num::Const(_))) => with,
                        _ => return None,
                    };
                    Num::CountWhere(Box::new(CountWhere { of: self.place(list)?, op: *op, with }))
                }
                _ => return None,
            },
            Builtin::CountOf(level) => Num::TallyCount { tally: self.place(first)?, level: Some(level) },
            Builtin::TallyTotal => Num::TallyCount { tally: self.place(first)?, level: None },
            Builtin::Rollup { indicator, keys, points: false } => self.weighted(indicator, keys, first)?,
            _ => return None,
        })
    }

    /// `合计`, `平均` or `个数` of a list's items, per-leaf values, ratings or a tally.
    fn total(&self, a: &Expr, total: Total) -> Option<Num> {
        Some(match a {
            Expr::Call(Builtin::Factors(s), args) => {
                let factors = self.factors(*s)?;
                // Levels are counted in a fixed array.
                if factors.len() > 16 {
                    return None;
                }
                Num::Factors(Box::new(Factors { factors, of: self.place(args.first()?)?, total }))
            }
            Expr::Call(Builtin::TallyFactors(s), args) => {
                Num::Tally(Box::new(Factors { factors: self.factors(*s)?, of: self.place(args.first()?)?, total }))
            }
            Expr::Input(_) | Expr::Value(_) | Expr::Index(..) => Num::Entries { of: self.place(a)?, total },
            _ => {
                let list = super::expr::single_list(a)?;
                let item = self.item(a)?;
                let constant = coefficients(&item).1;
                let terms = terms(item);
                if terms.len() > ITEM_TERMS {
                    return None;
                }
                Num::Items(Box::new(Items { list: self.place(list)?, terms, constant, total }))
            }
        })
    }

    /// A formula of the fields of one list's items (`single_list`), for one item.
    fn item(&self, e: &Expr) -> Option<Num> {
        Some(match e {
            Expr::Const(n) => Num::Const(Fraction::of(*n)?),
            Expr::Param(p) => Num::Const(Fraction::of(*self.params.get(*p)?)?),
            Expr::Field(_, i) => Num::ItemField(*i),
            Expr::Neg(x) => Num::Neg(Box::new(self.item(x)?)),
            Expr::Arith(op, a, b) => fold(*op, self.item(a)?, self.item(b)?),
            _ => return None,
        })
    }

    /// A roll-up of per-leaf values by weights (`汇总(依法行政，管理工作)`): one sum of each
    /// leaf's value times the product of the weights on its way down.
    fn weighted(&self, indicator: NodeId, keys: NodeId, values: &Expr) -> Option<Num> {
        let program = self.program;
        let weights = program.trees.leaf_weights[indicator].as_ref().ok()?;
        let (leaves, all) = (program.leaves(indicator), program.leaves(keys));
        let offset = all.iter().position(|l| Some(l) == leaves.first())?;
        if all.get(offset..offset + leaves.len())? != leaves {
            return None;
        }
        Some(Num::Weighted(Box::new(Weighted {
            of: self.place(values)?,
            entries: all.len(),
            offset,
            weights: weights.iter().map(|w| Fraction::of(*w)).collect::<Option<_>>()?,
            points: program.indicators[indicator].points.map(Fraction::of).map_or(Some(None), |p| p.map(Some))?,
        })))
    }

    /// A roll-up of named parts (`汇总(职能工作目标)`) as one sum: each part's weight is the
    /// product of the shares on its way down from the indicator (1 where parts are scored in
    /// points, each then checked against its points), times the indicator's points.
    fn linear(&self, indicator: NodeId, parts: &[(NodeId, Expr)], in_points: bool) -> Option<Num> {
        let program = self.program;
        // Parts are held in a fixed array while they are weighed.
        if parts.len() > 32 {
            return None;
        }
        // By node, the last part named after it (as the reference takes the last): a map, not a
        // slot per indicator, so that compiling stays proportional to the regulation's size.
        let known: std::collections::HashMap<NodeId, usize> =
            parts.iter().enumerate().map(|(k, (node, _))| (*node, k)).collect();
        let mut terms = Vec::new();
        self.terms(indicator, &known, in_points, Number::ONE, &mut terms)?;
        let points = program.indicators[indicator].points.filter(|_| !in_points);
        let terms: Vec<(usize, Fraction, NodeId)> = terms
            .into_iter()
            .map(|(part, w, node)| Some((part, Fraction::of(points.map_or(Ok(w), |p| w.checked_mul(p)).ok()?)?, node)))
            .collect::<Option<_>>()?;
        let points = match in_points {
            true => Some(
                terms
                    .iter()
                    .map(|(_, _, node)| Fraction::of(program.indicators[*node].points.unwrap_or(Number::ZERO)))
                    .collect::<Option<Vec<_>>>()?,
            ),
            false => None,
        };
        let mut parts: Vec<Option<Num>> = parts.iter().map(|(_, e)| self.num(e).map(Some)).collect::<Option<_>>()?;
        // Every part weighed once, none checked against its points: one sum of the parts.
        let mut used = vec![0; parts.len()];
        terms.iter().for_each(|(part, _, _)| used[*part] += 1);
        if points.is_none() && used.iter().all(|&u| u == 1) {
            let mut sum = Num::Const(Fraction::ZERO);
            for (part, w, _) in terms {
                sum = fold(Arith::Add, sum, fold(Arith::Mul, Num::Const(w), parts[part].take()?));
            }
            return Some(sum);
        }
        Some(Num::Parts(Box::new(Parts {
            parts: parts.into_iter().collect::<Option<_>>()?,
            terms: terms.into_iter().map(|(part, w, _)| (part, w)).collect(),
            points,
        })))
    }

    /// The parts under `node` with their weights in it (`share`: the node's own weight).
    fn terms(
        &self,
        node: NodeId,
        known: &std::collections::HashMap<NodeId, usize>,
        in_points: bool,
        share: Number,
        terms: &mut Vec<(usize, Number, NodeId)>,
    ) -> Option<()> {
        let program = self.program;
        for &c in &program.indicators[node].children {
            let weight =
                if in_points { share } else { share.checked_mul(*program.trees.shares[c].as_ref().ok()?).ok()? };
            match known.get(&c).copied() {
                Some(part) => terms.push((part, weight, c)),
                None if program.indicators[c].children.is_empty() => return None,
                None => self.terms(c, known, in_points, weight, terms)?,
            }
        }
        Some(())
    }

    fn operand(&self, e: &Expr) -> Option<Operand> {
        Some(match e {
            Expr::Label(i) => Operand::Other(Value::Level(*i)),
            Expr::Bool(b) => Operand::Other(Value::Bool(*b)),
            Expr::Absent => Operand::Other(Value::Absent),
            Expr::Input(_) | Expr::Value(_) | Expr::Index(..) => Operand::Read(self.place(e)?),
            _ => Operand::Num(self.num(e)?),
        })
    }

    fn cond(&self, e: &Expr) -> Option<Cond> {
        let boxed = |e: &Expr| self.cond(e).map(Box::new);
        Some(match e {
            Expr::Bool(b) => Cond::Const(*b),
            Expr::Input(_) | Expr::Value(_) | Expr::Index(..) => Cond::Read(self.place(e)?),
            Expr::Compare(op, a, b) => Cond::Compare(*op, Box::new([self.operand(a)?, self.operand(b)?])),
            Expr::Call(Builtin::Given, args) => Cond::Given(self.place(args.first()?)?),
            Expr::Not(x) => Cond::Not(boxed(x)?),
            Expr::And(a, b) => Cond::And(boxed(a)?, boxed(b)?),
            Expr::Or(a, b) => Cond::Or(boxed(a)?, boxed(b)?),
            Expr::If(c, then, otherwise) => Cond::If(boxed(c)?, boxed(then)?, boxed(otherwise)?),
            _ => return None,
        })
    }
}

/// Most terms a sum over a list's items has (each is summed in a fixed array).
const ITEM_TERMS: usize = 8;

/// Arithmetic of two formulas, regrouped now where it can be: sums and multiples by constants
/// become one `Num::Sum`, and constants are worked out (reduced, so that they do not carry
/// large denominators into every record). Exact arithmetic gives the same number however
/// terms are grouped; a step on constants that cannot be done (a division by zero, an
/// overflow) is left for every record, where the reference then says what went wrong.
fn fold(op: Arith, a: Num, b: Num) -> Num {
    let unfolded = |a, b| Num::Arith(op, Box::new(a), Box::new(b));
    match (op, &a, &b) {
        (Arith::Add, ..) => sum(a, b).unwrap_or_else(|both| unfolded(both.0, both.1)),
        (Arith::Sub, ..) => match scaled(b, Fraction::int(-1)) {
            Ok(negated) => {
                sum(a, negated).unwrap_or_else(|both| Num::Arith(Arith::Add, Box::new(both.0), Box::new(both.1)))
            }
            Err(b) => unfolded(a, b),
        },
        (Arith::Mul, Num::Const(c), _) => {
            let c = *c;
            scaled(b, c).unwrap_or_else(|b| unfolded(a, b))
        }
        (Arith::Mul, _, Num::Const(c)) => {
            let c = *c;
            scaled(a, c).unwrap_or_else(|a| unfolded(a, b))
        }
        (Arith::Div, _, Num::Const(c)) => match Fraction::ONE.over(*c) {
            Some(r) => scaled(a, r.lowest()).unwrap_or_else(|a| unfolded(a, b)),
            None => unfolded(a, b),
        },
        _ => unfolded(a, b),
    }
}

/// The coefficients and constant of a formula seen as Σ coefficient × term + constant.
fn coefficients(n: &Num) -> (Vec<Fraction>, Fraction) {
    match n {
        Num::Const(c) => (Vec::new(), *c),
        Num::Sum(sum) => (sum.terms.iter().map(|(c, _)| *c).collect(), sum.constant),
        _ => (vec![Fraction::ONE], Fraction::ZERO),
    }
}

/// The terms of a formula seen as Σ coefficient × term + constant.
fn terms(n: Num) -> Vec<(Fraction, Num)> {
    match n {
        Num::Const(_) => Vec::new(),
        Num::Sum(sum) => sum.terms,
        other => vec![(Fraction::ONE, other)],
    }
}

/// A formula from its terms and constant: a term alone where that is all there is.
fn from_linear(mut terms: Vec<(Fraction, Num)>, constant: Fraction) -> Num {
    let one = |c: &Fraction| c.compare(Fraction::ONE) == Ordering::Equal;
    if terms.is_empty() {
        return Num::Const(constant);
    }
    if terms.len() == 1 && one(&terms[0].0) && constant.compare(Fraction::ZERO) == Ordering::Equal {
        return terms.swap_remove(0).1;
    }
    Num::Sum(Box::new(Sum { terms, constant }))
}

/// `a + b` as one sum, if their constants add up (both given back if not).
fn sum(a: Num, b: Num) -> Result<Num, Box<(Num, Num)>> {
    let Some(constant) = coefficients(&a).1.plus(coefficients(&b).1) else { return Err(Box::new((a, b))) };
    let mut all = terms(a);
    all.extend(terms(b));
    Ok(from_linear(all, constant.lowest()))
}

/// `n × c` as one sum, if every coefficient can be worked out (`n` given back if not).
fn scaled(n: Num, c: Fraction) -> Result<Num, Num> {
    let times = |x: Fraction| x.times(c).map(Fraction::lowest);
    let (coefficients, constant) = coefficients(&n);
    let (Some(coefficients), Some(constant)) =
        (coefficients.into_iter().map(times).collect::<Option<Vec<_>>>(), times(constant))
    else {
        return Err(n);
    };
    let terms = terms(n).into_iter().zip(coefficients).map(|((_, t), c)| (c, t)).collect();
    Ok(from_linear(terms, constant))
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::eval::{Coverage, UnitResult, evaluate, evaluate_traced, parameters};
    use crate::source::SourceFile;

    fn program(name: &str, text: &str) -> Program {
        let (program, _) = crate::compile(&SourceFile::new(name, text.to_string()))
            .unwrap_or_else(|e| panic!("{}", crate::diagnostic::render_all(&e, false)));
        program
    }

    /// Evaluates compiled (as every run does) and by the reference alone (as a run noting
    /// coverage does); both must give the same values, exact values and messages.
    fn same_as_reference(program: &Program, records: &[Record], params: &[Number]) -> Vec<String> {
        let compiled = evaluate(program, records, params);
        let coverage = RefCell::new(Coverage::default());
        let reference = evaluate_traced(program, records, params, Some(&coverage));
        let shown = |r: &Result<Vec<UnitResult>, Vec<crate::diagnostic::Diagnostic>>| match r {
            Ok(results) => results.iter().map(|u| format!("{} {:?} {:?}", u.unit, u.values, u.unrounded)).collect(),
            Err(errors) => errors.iter().map(|d| format!("{} {}", d.code, d.message)).collect::<Vec<_>>(),
        };
        let (compiled, reference) = (shown(&compiled), shown(&reference));
        assert_eq!(compiled.len(), reference.len(), "{}", program.header.title);
        for (c, r) in compiled.iter().zip(&reference) {
            assert_eq!(c, r, "{}: compiled (left) and reference (right) differ", program.header.title);
        }
        compiled
    }

    /// Every value and requirement of `program` compiles: nothing is left to the reference.
    fn compiles_whole(program: &Program, params: &[Number], what: &str) {
        let compiled = Compiled::new(program, params);
        let uncompiled: Vec<&str> = program
            .values
            .iter()
            .enumerate()
            .filter(|(v, _)| compiled.values[*v].is_none())
            .map(|(_, d)| d.name.as_str())
            .collect();
        assert!(uncompiled.is_empty(), "{what}: not compiled: {uncompiled:?}");
        assert!(compiled.requires.iter().all(Option::is_some), "{what}: a requirement is not compiled");
    }

    /// Every value of the shipped regulations is compiled, and gives what the reference gives
    /// for the example data and for every unit of every embedded test (with its parameters).
    #[test]
    fn shipped_regulations_compile_whole_and_agree_with_the_reference() {
        let shipped = [
            (
                "jiangsu-2011",
                include_str!("../../regulations/jiangsu-2011.jx"),
                include_str!("../../examples/jiangsu-2011/departments.json"),
            ),
            (
                "sichuan-2014",
                include_str!("../../regulations/sichuan-2014.jx"),
                include_str!("../../examples/sichuan-2014/departments.json"),
            ),
            (
                "information-security",
                include_str!("../../regulations/information-security.jx"),
                include_str!("../../examples/information-security/units.json"),
            ),
        ];
        for (name, text, data) in shipped {
            let program = program(name, text);
            let params = parameters(&program, &[]);
            compiles_whole(&program, &params, name);
            let records = crate::data::record::parse_json(&program, "data.json", data).expect("the example data");
            assert!(same_as_reference(&program, &records, &params).len() >= 10);
            let mut units = 0;
            for case in &program.tests {
                let params = parameters(&program, &case.params);
                let data = serde_json::Value::Array(case.units.iter().map(|u| u.record.clone()).collect());
                // Units refused as data are the reader's business, not evaluation's.
                if let Ok(records) = crate::data::record::parse_json(&program, "case.json", &data.to_string()) {
                    units += same_as_reference(&program, &records, &params).len();
                }
            }
            assert!(units >= 10, "{name}: {units} units");
        }
    }

    /// Small regulations using every construct compiled — scoring tables, limits, rounding,
    /// conditions, matches, roll-ups by weights and in points, lists, ratings, tallies — give
    /// what the reference gives, and data that makes the reference fail (a part over its
    /// points, an overflow, a division by zero) fails the same way.
    #[test]
    fn every_construct_agrees_with_the_reference() {
        let cases = [
            (
                "输入 月数：次数 默认 0\n输入 已更新：是否\n输入 奖：次数 默认 0\n\
                 计算 表 = 20分 每 月数 扣 3分 最多扣 10分 扣 5分 如果 非 已更新 每 奖 加 1分 最多加 2分 扣完为止\n\
                 计算 限 = 表 × 2 封顶 30分 保底 5分 保留 1 位 截断\n\
                 计算 整 = 向上取整(表 ÷ 3) + 向下取整(表 ÷ 7) + 最大(表，限，1分) - 最小(表，限)\n\
                 公布 { 单位：部门；得分：限 }",
                r#"[{"部门":"a","月数":2,"已更新":true,"奖":5},{"部门":"b","月数":9,"已更新":false},
                    {"部门":"c","已更新":true,"奖":1}]"#,
                &["a", "b", "c"][..],
            ),
            (
                "输入 分：分数\n输入 上年：可选 等次\n输入 类：之一 { 甲，乙 }\n计算 总分 = 分 ÷ 3 × 2 + 分 ÷ 3\n\
                 等次 等次 按 总分 { 优 ≥ 90；良 ≥ 60 且 < 90；差 < 60 }\n\
                 计算 比例 = 对应 等次 { 优 = 20%；良 = 15%；差 = 10% }\n\
                 计算 连续差 = 等次 = 差 且 上年 = 差 或 类 ≠ 甲\n\
                 计算 加分 = 如果 有(上年) 且 上年 ≠ 差 则 2分 否则 0分\n\
                 计算 变 = 如果 有(上年) 则 总分 - 1分 否则 无\n\
                 排名 名次 按 总分 分组 类\n\
                 公布 { 单位：部门；得分：总分；等次：等次；排名：名次 }",
                r#"[{"部门":"a","分":95,"类":"甲"},{"部门":"b","分":59.99,"上年":"差","类":"乙"},
                    {"部门":"c","分":60,"上年":"优","类":"甲"}]"#,
                &["a", "b", "c"][..],
            ),
            (
                "指标 总 分值 100 { 一 分值 60 { 甲 乙 } 二 分值 40 }\n\
                 输入 分：每项 总：数值 0 至 1\n计算 叶[项 属于 总] = 分[项] × 100%\n\
                 计算 总分 = 汇总(总，叶)\n计算 均 = 平均(叶) × 1分 + 合计(分) × 1分\n\
                 计算 过半 = 计数(分 > 0.5)\n公布 { 单位：部门；得分：总分 }",
                r#"[{"部门":"a","分":{"甲":0.5,"乙":1,"二":0.25}},{"部门":"b","分":{"甲":0,"乙":0.3333,"二":1}}]"#,
                &["a", "b"][..],
            ),
            (
                "指标 总 分值 100 { 一 分值 60 二 分值 40 }\n输入 一分：数值\n输入 二分：数值\n\
                 计算 一 = 一分 × 1分\n计算 二 = 二分 × 1分\n计算 总分 = 汇总(总)\n公布 { 单位：部门；得分：总分 }",
                r#"[{"部门":"a","一分":55,"二分":40},{"部门":"b","一分":61,"二分":0},{"部门":"c","一分":-1,"二分":3}]"#,
                &["E0806", "E0806"][..],
            ),
            (
                "指标 总 分值 100 { 一 分值 60 二 分值 40 }\n输入 一分：数值\n输入 二分：数值\n\
                 计算 一 = 一分 × 1分\n计算 二 = 二分 × 1分\n计算 总分 = 汇总(总)\n公布 { 单位：部门；得分：总分 }",
                r#"[{"部门":"a","一分":55,"二分":40},{"部门":"b","一分":60,"二分":0}]"#,
                &["a", "b"][..],
            ),
            (
                "等级 满意度 { 满意 = 100%，比较满意 = 80%，不满意 = 50% }\n\
                 输入 票：计票 满意度 非空\n输入 评：列表 满意度 非空\n输入 省长：满意度\n\
                 输入 项目：列表 记录 { 权重：数值，得分：分数 } 默认 []\n\
                 计算 公众 = 100分 × 平均(因子(票)) + 计数(票，满意) × 1分 - 合计(票) × 0.1分\n\
                 计算 互评 = 100分 × 平均(因子(评)) × 因子(省长) + 个数(评) × 1分\n\
                 计算 加权 = 合计(项目.权重 ÷ 100 × 项目.得分 + 1分) - 个数(项目) × 1分\n\
                 计算 平均分 = 如果 个数(项目) > 0 则 合计(项目.得分) ÷ 个数(项目) 否则 0分 保留 2 位\n\
                 计算 差评 = 计数(评 = 不满意)\n\
                 公布 { 单位：部门；得分：公众 }",
                r#"[{"部门":"a","票":{"满意":3,"不满意":1},"评":["满意","比较满意","满意"],"省长":"不满意",
                     "项目":[{"权重":30,"得分":85.5},{"权重":70,"得分":91}]},
                    {"部门":"b","票":{"比较满意":2},"评":["不满意"],"省长":"满意"}]"#,
                &["a", "b"][..],
            ),
            (
                // Numbers whose parts do not fit 64 bits (19 decimals, 2^63) are summed by the
                // reference, never left out of the sum.
                "指标 总 { 甲 乙 }\n输入 分：每项 总：数值\n输入 表：列表 数值 非空\n\
                 计算 和 = 合计(分) × 1分 + 平均(表) × 1分\n计算 均 = 平均(分) × 1分 + 合计(表) × 1分\n\
                 公布 { 单位：部门；得分：和 }",
                r#"[{"部门":"a","分":{"甲":0.0000000000000000001,"乙":1},"表":[1,2]},
                    {"部门":"b","分":{"甲":9223372036854775808,"乙":0.5},"表":[9223372036854775808,1]}]"#,
                &["a", "b"][..],
            ),
            (
                "输入 分：数值\n输入 除：数值 > 0\n计算 商 = 分 ÷ 除\n计算 积 = 分 × 分 × 分\n公布 { 单位：部门；得分：商 }",
                r#"[{"部门":"a","分":3,"除":4},{"部门":"b","分":100000000000000,"除":7}]"#,
                &["E0801"][..],
            ),
        ];
        for (body, data, expected) in cases {
            let text = format!("办法 \"测试\"\n输入 部门：文本\n{body}\n");
            let program = program("t.jx", &text);
            let params = parameters(&program, &[]);
            compiles_whole(&program, &params, body);
            let records = crate::data::record::parse_json(&program, "t.json", data)
                .unwrap_or_else(|e| panic!("{body}: {}", e[0].message));
            let outcome = same_as_reference(&program, &records, &params);
            let codes: Vec<&str> = outcome.iter().map(|o| o.split(' ').next().unwrap_or_default()).collect();
            assert_eq!(codes, expected, "{body}");
        }
    }
}
