//! One formula for one department.

use std::cell::RefCell;
use std::collections::HashSet;

use super::Value;
use super::err;
use crate::diagnostic::Diagnostic;
use crate::number::{ArithError, Fraction, Number};
use crate::program::*;

/// Where a formula is evaluated: one record's inputs and values so far.
pub struct Env<'a> {
    pub program: &'a Program,
    pub inputs: &'a [Value],
    pub values: &'a [Value],
    pub params: &'a [Number],
    /// The current leaf, inside a per-leaf value.
    pub bound: Option<usize>,
    /// Where to note which rules took effect (embedded tests report rules none exercised).
    pub coverage: Option<&'a RefCell<Coverage>>,
}

/// Which rules took effect during evaluation: caps and floors that bound, grade bands that
/// were reached, branches of `如果` and cases of `对应` that were taken (by the formula's
/// address in the program and the branch).
#[derive(Clone, Debug, Default)]
pub struct Coverage {
    pub caps: HashSet<ValueId>,
    pub floors: HashSet<ValueId>,
    /// Deductions and bonuses (by value and position) whose `最多扣`/`最多加` took effect.
    pub mosts: HashSet<(ValueId, usize)>,
    /// Deductions and bonuses (by value and position) that took or gave something.
    pub applied: HashSet<(ValueId, usize)>,
    /// Values whose `扣完为止` stopped the deductions at 0.
    pub to_zero: HashSet<ValueId>,
    pub bands: HashSet<(ValueId, usize)>,
    pub branches: HashSet<(usize, usize)>,
}

impl Env<'_> {
    fn note(&self, f: impl FnOnce(&mut Coverage)) {
        if let Some(c) = self.coverage {
            f(&mut c.borrow_mut());
        }
    }
}

/// A formula's identity within a program, for coverage.
pub fn address(e: &Expr) -> usize {
    e as *const Expr as usize
}

/// An evaluation failure, before it is told which department and value it belongs to.
#[derive(Debug)]
pub enum Failure {
    Arith(ArithError),
    /// A value of a kind the checker should have ruled out: a defect in jixiao.
    Internal(&'static str),
    /// A part of a roll-up in points scored outside its points (from 0 to its 分值).
    OverPoints {
        node: NodeId,
        score: Number,
        points: Number,
    },
}

impl Failure {
    pub fn at(self, program: &Program, unit: &str, value: &str) -> Diagnostic {
        let record = format!("department \"{unit}\"");
        match self {
            Failure::OverPoints { node, score, points } => {
                err::over_points(&record, value, &program.indicators[node].name, score, points)
            }
            Failure::Arith(e) => err::arithmetic(&record, value, e),
            Failure::Internal(what) => err::internal(&record, value, what),
        }
    }
}

impl From<ArithError> for Failure {
    fn from(e: ArithError) -> Self {
        Failure::Arith(e)
    }
}

/// Fails on a value the checker should have made impossible.
fn internal<T>(what: &'static str) -> R<T> {
    Err(Failure::Internal(what))
}

type R<T> = Result<T, Failure>;

impl<'a> Env<'a> {
    /// A value by its definition, and its exact value before rounding or limits.
    pub fn value(&self, v: ValueId) -> R<(Value, Option<Value>)> {
        let def = &self.program.values[v];
        match &def.kind {
            ValueKind::Let { family: Some(node), .. } => {
                let n = self.program.leaves(*node).len();
                let mut out = Vec::with_capacity(n);
                let mut exact = Vec::with_capacity(n);
                for k in 0..n {
                    let env = Env { bound: Some(k), ..*self };
                    let (value, unrounded) = env.let_value(v, def)?;
                    exact.push(unrounded.clone().unwrap_or_else(|| value.clone()));
                    out.push(value);
                }
                let changed = out != exact;
                Ok((Value::Map(out), changed.then_some(Value::Map(exact))))
            }
            ValueKind::Let { .. } => self.let_value(v, def),
            ValueKind::Grade { subject, bands, .. } => {
                let grade = self.grade(subject, bands)?;
                if let Value::Level(i) = grade {
                    self.note(|c| {
                        c.bands.insert((v, i));
                    });
                }
                Ok((grade, None))
            }
            ValueKind::Rank { .. } => Ok((Value::Absent, None)),
        }
    }

    fn let_value(&self, v: ValueId, def: &ValueDef) -> R<(Value, Option<Value>)> {
        let ValueKind::Let { expr, adjustments, to_zero, cap, floor, rounding, .. } = &def.kind else {
            return Ok((Value::Absent, None));
        };
        let mut exact = if matches!(def.ty, Ty::Num(_)) {
            self.num(expr)?
        } else {
            match self.eval(expr)? {
                Value::Num(n) => n,
                value => return Ok((value, None)),
            }
        };
        for (i, a) in adjustments.iter().enumerate() {
            let (taken, limited) = self.adjustment(a)?;
            if !taken.is_zero() {
                self.note(|cov| {
                    cov.applied.insert((v, i));
                });
            }
            if limited {
                self.note(|cov| {
                    cov.mosts.insert((v, i));
                });
            }
            exact = if a.bonus { exact.checked_add(taken)? } else { exact.checked_sub(taken)? };
        }
        if *to_zero && exact < Number::ZERO {
            self.note(|cov| {
                cov.to_zero.insert(v);
            });
        }
        let mut n = if *to_zero { exact.max(Number::ZERO) } else { exact };
        if let Some(c) = cap {
            let c = self.num(c)?;
            if n > c {
                self.note(|cov| {
                    cov.caps.insert(v);
                });
            }
            n = n.min(c);
        }
        if let Some(f) = floor {
            let f = self.num(f)?;
            if n < f {
                self.note(|cov| {
                    cov.floors.insert(v);
                });
            }
            n = n.max(f);
        }
        if let Some((places, rule)) = rounding {
            n = n.round(*places, *rule)?;
        }
        Ok((Value::Num(n), (n != exact).then_some(Value::Num(exact))))
    }

    /// What one deduction or bonus takes or gives (count × amount, within its limit), and
    /// whether the limit took effect.
    pub fn adjustment(&self, a: &Adjustment) -> R<(Number, bool)> {
        let count = if a.when {
            if self.truth(&a.count)? { Number::ONE } else { Number::ZERO }
        } else {
            // `每超过 20% 加 1分` when nothing exceeds: a count below 0 counts none.
            self.num(&a.count)?.max(Number::ZERO)
        };
        let taken = count.checked_mul(self.num(&a.amount)?)?;
        match &a.most {
            Some(m) => {
                let most = self.num(m)?;
                Ok((taken.min(most), taken > most))
            }
            None => Ok((taken, false)),
        }
    }

    fn grade(&self, subject: &Expr, bands: &[Band]) -> R<Value> {
        let score = self.num(subject)?;
        for (i, band) in bands.iter().enumerate() {
            let above = match &band.lower {
                Some((e, incl)) => {
                    let t = self.num(e)?;
                    if *incl { score >= t } else { score > t }
                }
                None => true,
            };
            let below = match &band.upper {
                Some((e, incl)) => {
                    let t = self.num(e)?;
                    if *incl { score <= t } else { score < t }
                }
                None => true,
            };
            if above && below {
                return Ok(Value::Level(i));
            }
        }
        // The checker proves the bands cover every score; a gap cannot be reached.
        Ok(Value::Level(bands.len().saturating_sub(1)))
    }

    /// A formula whose value is a number. Arithmetic is done on numbers directly (a number
    /// only comes of numbers), without building a value for every step.
    fn num(&self, e: &Expr) -> R<Number> {
        match e {
            Expr::Const(n) => Ok(*n),
            Expr::Param(p) => Ok(self.params[*p]),
            Expr::Neg(x) => Ok(self.num(x)?.checked_neg()?),
            Expr::Arith(op, a, b) => Ok(apply(*op, self.num(a)?, self.num(b)?)?),
            _ => match self.eval(e)? {
                Value::Num(n) => Ok(n),
                _ => internal("a number was expected"),
            },
        }
    }

    /// An input or value, or an entry or field of one, by reference: reading one entry of a
    /// record or of per-leaf values does not copy the whole.
    fn place(&self, e: &Expr) -> Option<&'a Value> {
        match e {
            Expr::Input(i) => Some(self.inputs.get(*i).unwrap_or(&Value::Absent)),
            Expr::Value(v) => Some(self.values.get(*v).unwrap_or(&Value::Absent)),
            Expr::Index(base, key) => {
                let k = match key {
                    Key::Bound => self.bound.unwrap_or(0),
                    Key::Leaf(i) => *i,
                };
                match self.place(base)? {
                    Value::Map(items) => items.get(k),
                    _ => None,
                }
            }
            Expr::Field(base, i) => match self.place(base)? {
                Value::Record(fields) => fields.get(*i),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn eval(&self, e: &Expr) -> R<Value> {
        if matches!(e, Expr::Input(_) | Expr::Value(_) | Expr::Index(..) | Expr::Field(..))
            && let Some(v) = self.place(e)
        {
            return Ok(v.clone());
        }
        Ok(match e {
            Expr::Const(n) => Value::Num(*n),
            Expr::Absent => Value::Absent,
            Expr::Bool(b) => Value::Bool(*b),
            Expr::Label(i) => Value::Level(*i),
            Expr::Input(i) => self.inputs.get(*i).cloned().unwrap_or(Value::Absent),
            Expr::Param(p) => Value::Num(self.params[*p]),
            Expr::Value(v) => self.values.get(*v).cloned().unwrap_or(Value::Absent),
            Expr::Index(base, key) => {
                let k = match key {
                    Key::Bound => self.bound.unwrap_or(0),
                    Key::Leaf(i) => *i,
                };
                match self.eval(base)? {
                    Value::Map(items) => match items.get(k) {
                        Some(v) => v.clone(),
                        None => return internal("an entry outside the indicator's leaves"),
                    },
                    _ => return internal("entries per indicator were expected"),
                }
            }
            // A field of each record of a list, without copying the records.
            Expr::Field(base, i) => self.read(base, |whole| Ok(field_of(whole, *i)))?,
            Expr::Neg(x) => Value::Num(self.num(x)?.checked_neg()?),
            Expr::Not(x) => negated(self.eval(x)?)?,
            Expr::Arith(op, a, b) => arith(*op, self.eval(a)?, self.eval(b)?)?,
            Expr::Compare(op, a, b) => compared(*op, self.eval(a)?, self.eval(b)?)?,
            Expr::And(a, b) => Value::Bool(self.truth(a)? && self.truth(b)?),
            Expr::Or(a, b) => Value::Bool(self.truth(a)? || self.truth(b)?),
            Expr::If(c, t, o) => {
                let taken = self.truth(c)?;
                self.note(|cov| {
                    cov.branches.insert((address(e), usize::from(!taken)));
                });
                if taken { self.eval(t)? } else { self.eval(o)? }
            }
            Expr::Match(subject, arms) => match self.eval(subject)? {
                Value::Level(i) if i < arms.len() => {
                    self.note(|cov| {
                        cov.branches.insert((address(e), i));
                    });
                    self.eval(&arms[i])?
                }
                _ => return internal("a level was expected"),
            },
            Expr::Call(b, args) => self.call(*b, args)?,
            Expr::Rollup { indicator, parts, points } => {
                let mut known = vec![None; self.program.indicators.len()];
                for (node, e) in parts {
                    known[*node] = Some(self.num(e)?);
                }
                Value::Num(rolled_up(self.program, *indicator, &known, *points)?)
            }
        })
    }

    /// `f` of the value of `e`, read in place where it can be (no copy).
    fn read<T>(&self, e: &Expr, f: impl FnOnce(&Value) -> R<T>) -> R<T> {
        match self.place(e) {
            Some(v) => f(v),
            None => f(&self.eval(e)?),
        }
    }

    /// The sum and count of the first argument's numbers, read in place where it can be.
    fn weighted(&self, args: &[Expr]) -> R<(Number, Number)> {
        let Some(a) = args.first() else { return Ok((Number::ZERO, Number::ZERO)) };
        if let Some(fused) = self.itemwise(a).or_else(|| self.factors_counted(a)) {
            return Ok(fused);
        }
        // A field of each record of a list (合计(职能工作[项].权重)): no list of the field's values.
        if let Expr::Field(base, i) = a
            && let Some(Value::List(items)) = self.place(base)
        {
            let total = sum(items.iter().filter_map(|item| match item {
                Value::Record(fields) => fields.get(*i).and_then(Value::as_num),
                _ => None,
            }))?;
            return Ok((total, Number::int(items.len() as i128)));
        }
        self.read(a, weighted)
    }

    /// A formula of the fields of one list's items (`职能工作[重点工作].权重 ÷ 100 ×
    /// 职能工作[重点工作].得分`), summed item by item with no list built for each step: the sum
    /// and the number of items. `None` where the formula is not of that kind, or anything is
    /// not as expected (a field not a number, an overflow): the general path then computes it,
    /// and says what went wrong, as before.
    fn itemwise(&self, a: &Expr) -> Option<(Number, Number)> {
        let list = single_list(a)?;
        let Value::List(items) = self.place(list)? else { return None };
        let mut total = Fraction::ZERO;
        for item in items {
            let Value::Record(fields) = item else { return None };
            // A product (`权重 ÷ 100 × 得分`) is added unreduced.
            total = match a {
                Expr::Arith(Arith::Mul, x, y) => total.plus(
                    Fraction::of(item_number(x, fields, self.params)?)?.times(Fraction::of(item_number(
                        y,
                        fields,
                        self.params,
                    )?)?)?,
                )?,
                _ => total.plus(Fraction::of(item_number(a, fields, self.params)?)?)?,
            };
        }
        Some((total.reduced(), Number::int(items.len() as i128)))
    }

    /// The factors of a list of ratings (`平均(因子(部门互评结论))`), counted by level and
    /// then weighed: the sum and the number of items, with no list of factors built. `None`
    /// where the formula is not of that kind or the sum overflows (the general path says so).
    fn factors_counted(&self, a: &Expr) -> Option<(Number, Number)> {
        let Expr::Call(Builtin::Factors(scale), args) = a else { return None };
        let [list] = args.as_slice() else { return None };
        let Value::List(items) = self.place(list)? else { return None };
        let mut counts = vec![0i128; self.program.scales[*scale].levels.len()];
        for item in items {
            // What is not a level has no factor (`Builtin::Factors` makes it absent).
            if let Value::Level(i) = item
                && let Some(count) = counts.get_mut(*i)
            {
                *count += 1;
            }
        }
        let mut total = Fraction::ZERO;
        for (level, &count) in counts.iter().enumerate().filter(|(_, c)| **c > 0) {
            total = total
                .plus(Fraction::of(self.factor(*scale, level))?.times(Fraction::int(i64::try_from(count).ok()?))?)?;
        }
        Some((total.reduced(), Number::int(items.len() as i128)))
    }

    /// An indicator's value by points or weights from its leaves' values (`values`, one per
    /// leaf of `keys`): the sum of each leaf's value times its weight (`Trees::leaf_weights`),
    /// the same exact number as weighing level by level. `None` where a value is not a number
    /// or an overflow stops it: `rolled_up` then says what, as before.
    fn by_leaf_weights(&self, indicator: NodeId, keys: NodeId, values: &Value) -> Option<Number> {
        let program = self.program;
        let (Value::Map(values), Ok(weights)) = (values, &program.trees.leaf_weights[indicator]) else { return None };
        let (leaves, all) = (program.leaves(indicator), program.leaves(keys));
        let offset = all.iter().position(|l| Some(l) == leaves.first())?;
        if values.len() != all.len() || all.get(offset..offset + leaves.len())? != leaves {
            return None;
        }
        let mut total = Fraction::ZERO;
        for (weight, value) in weights.iter().zip(&values[offset..]) {
            total = total.plus(Fraction::of(*weight)?.times(Fraction::of(value.as_num()?)?)?)?;
        }
        let total = total.reduced();
        match program.indicators[indicator].points {
            Some(points) => total.checked_mul(points).ok(),
            None => Some(total),
        }
    }

    fn truth(&self, e: &Expr) -> R<bool> {
        Ok(matches!(self.eval(e)?, Value::Bool(true)))
    }

    fn call(&self, b: Builtin, args: &[Expr]) -> R<Value> {
        // The first argument read in place: a list or a tally is not copied to be looked at.
        let in_place = |f: &dyn Fn(&Value) -> R<Value>| -> R<Value> {
            match args.first() {
                Some(a) => self.read(a, f),
                None => f(&Value::Absent),
            }
        };
        Ok(match b {
            Builtin::Min | Builtin::Max => {
                let pick = |x: Number, n: Number| if b == Builtin::Min { x.min(n) } else { x.max(n) };
                let best = match args {
                    // One argument: a list or per-leaf values (the checker proves it has an item).
                    [one] => self.read(one, |v| match v {
                        Value::List(items) | Value::Map(items) => {
                            Ok(items.iter().filter_map(Value::as_num).reduce(pick))
                        }
                        v => Ok(v.as_num()),
                    })?,
                    _ => {
                        let mut best: Option<Number> = None;
                        for a in args {
                            let n = self.num(a)?;
                            best = Some(best.map_or(n, |x| pick(x, n)));
                        }
                        best
                    }
                };
                Value::Num(best.unwrap_or(Number::ZERO))
            }
            Builtin::Sum => Value::Num(self.weighted(args)?.0),
            Builtin::Mean => {
                let (sum, count) = self.weighted(args)?;
                Value::Num(sum.checked_div(count)?)
            }
            Builtin::Length => Value::Num(self.weighted(args)?.1),
            Builtin::Factor(s) => in_place(&|v| match v {
                Value::Level(i) => Ok(Value::Num(self.factor(s, *i))),
                _ => internal("a rating was expected"),
            })?,
            Builtin::Factors(s) => {
                in_place(&|v| {
                    Ok(match v {
                        Value::List(items) => Value::List(
                            items
                                .iter()
                                .map(|v| {
                                    if let Value::Level(i) = v { Value::Num(self.factor(s, *i)) } else { Value::Absent }
                                })
                                .collect(),
                        ),
                        _ => Value::Absent,
                    })
                })?
            }
            Builtin::TallyFactors(s) => in_place(&|v| {
                Ok(match v {
                    Value::Tally(counts) => {
                        Value::Weighted(counts.iter().enumerate().map(|(i, c)| (self.factor(s, i), *c)).collect())
                    }
                    _ => Value::Absent,
                })
            })?,
            Builtin::CountOf(level) => in_place(&|v| {
                Ok(match v {
                    Value::Tally(counts) => Value::Num(counts.get(level).copied().unwrap_or(Number::ZERO)),
                    _ => Value::Absent,
                })
            })?,
            Builtin::TallyTotal => in_place(&|v| {
                Ok(match v {
                    Value::Tally(counts) => Value::Num(sum(counts.iter().copied())?),
                    _ => Value::Absent,
                })
            })?,
            Builtin::Rollup { indicator, keys, points } => {
                let Some(a) = args.first() else { return internal("one value per leaf was expected") };
                if !points && let Some(n) = self.read(a, |values| Ok(self.by_leaf_weights(indicator, keys, values)))? {
                    return Ok(Value::Num(n));
                }
                let known = self.read(a, |values| {
                    let Value::Map(values) = values else { return internal("one value per leaf was expected") };
                    let mut known = vec![None; self.program.indicators.len()];
                    for (&leaf, value) in self.program.leaves(keys).iter().zip(values) {
                        known[leaf] = value.as_num();
                    }
                    Ok(known)
                })?;
                Value::Num(rolled_up(self.program, indicator, &known, points)?)
            }
            Builtin::Given => in_place(&|v| Ok(Value::Bool(!matches!(v, Value::Absent))))?,
            Builtin::Floor | Builtin::Ceil => in_place(&|v| match v {
                Value::Num(n) => Ok(Value::Num(if b == Builtin::Floor { n.floor() } else { n.ceil() })),
                _ => internal("a number was expected"),
            })?,
            Builtin::CountTrue => in_place(&|v| match v {
                Value::List(items) | Value::Map(items) => {
                    Ok(Value::Num(Number::int(items.iter().filter(|v| **v == Value::Bool(true)).count() as i128)))
                }
                _ => internal("conditions per item were expected"),
            })?,
            Builtin::SumWhere => in_place(&|v| {
                let conds = args.get(1).map(|c| self.eval(c)).transpose()?;
                let (Value::List(values) | Value::Map(values), Some(Value::List(conds) | Value::Map(conds))) =
                    (v, &conds)
                else {
                    return internal("a list and a condition per item were expected");
                };
                let kept = values.iter().zip(conds).filter(|(_, c)| **c == Value::Bool(true));
                Ok(Value::Num(sum(kept.filter_map(|(v, _)| v.as_num()))?))
            })?,
        })
    }

    fn factor(&self, scale: ScaleId, level: usize) -> Number {
        self.program.scales[scale].levels.get(level).map_or(Number::ZERO, |(_, f)| *f)
    }
}

/// An indicator's value from values known for some of the nodes under it (its leaves, or
/// the parts named after values): children weighted by points, by weights, or equally,
/// recursively; with points, the weighted share is multiplied by the indicator's points.
/// `in_points`: the parts are scored in points, and added up, each within its own points.
fn rolled_up(program: &Program, node: NodeId, known: &[Option<Number>], in_points: bool) -> R<Number> {
    let share = weighted_children(program, node, known, in_points)?;
    match program.indicators[node].points {
        Some(points) if !in_points => Ok(share.checked_mul(points)?),
        _ => Ok(share),
    }
}

fn weighted_children(program: &Program, node: NodeId, known: &[Option<Number>], in_points: bool) -> R<Number> {
    let mut acc = Number::ZERO;
    for &c in &program.indicators[node].children {
        let value = match known[c] {
            Some(v) if in_points => within_points(program, c, v)?,
            Some(v) => v,
            None if program.indicators[c].children.is_empty() => return internal("a leaf without a value"),
            None => weighted_children(program, c, known, in_points)?,
        };
        let part = if in_points { value } else { program.trees.shares[c]?.checked_mul(value)? };
        acc = acc.checked_add(part)?;
    }
    Ok(acc)
}

/// A part's score in points, if it is within its points (分值): from 0 to its points.
fn within_points(program: &Program, node: NodeId, score: Number) -> R<Number> {
    let points = program.indicators[node].points.unwrap_or(Number::ZERO);
    if score < Number::ZERO || score > points {
        return Err(Failure::OverPoints { node, score, points });
    }
    Ok(score)
}

/// The sum of `numbers`, added lazily (`Fraction`); where that overflows, added and reduced one
/// by one, which says whether the sum overflows.
fn sum(numbers: impl Iterator<Item = Number> + Clone) -> R<Number> {
    if let Some(total) =
        numbers.clone().try_fold(Fraction::ZERO, |s, n| s.plus(Fraction::of(n)?)).map(Fraction::reduced)
    {
        return Ok(total);
    }
    let mut acc = Number::ZERO;
    for n in numbers {
        acc = acc.checked_add(n)?;
    }
    Ok(acc)
}

/// The sum of a list's numbers (each times how often it counts) and how many there are.
fn weighted(v: &Value) -> R<(Number, Number)> {
    match v {
        Value::List(items) | Value::Map(items) => {
            let total = sum(items.iter().filter_map(Value::as_num))?;
            Ok((total, Number::int(items.len() as i128)))
        }
        Value::Weighted(pairs) => {
            let mut total = Number::ZERO;
            let mut count = Number::ZERO;
            for &(v, w) in pairs {
                total = total.checked_add(v.checked_mul(w)?)?;
                count = count.checked_add(w)?;
            }
            Ok((total, count))
        }
        _ => Ok((Number::ZERO, Number::ZERO)),
    }
}

fn apply(op: Arith, a: Number, b: Number) -> Result<Number, ArithError> {
    match op {
        Arith::Add => a.checked_add(b),
        Arith::Sub => a.checked_sub(b),
        Arith::Mul => a.checked_mul(b),
        Arith::Div => a.checked_div(b),
    }
}

/// `f` item by item on lists and per-leaf values (a single value meets every item), on the
/// values themselves otherwise: how arithmetic and comparisons go over lists.
fn pointwise(a: Value, b: Value, f: &impl Fn(Value, Value) -> R<Value>) -> R<Value> {
    let each = |xs: Vec<Value>, y: Value| xs.into_iter().map(|x| pointwise(x, y.clone(), f)).collect::<R<Vec<_>>>();
    let each_of = |x: Value, ys: Vec<Value>| ys.into_iter().map(|y| pointwise(x.clone(), y, f)).collect::<R<Vec<_>>>();
    let zipped =
        |xs: Vec<Value>, ys: Vec<Value>| xs.into_iter().zip(ys).map(|(x, y)| pointwise(x, y, f)).collect::<R<Vec<_>>>();
    Ok(match (a, b) {
        (Value::List(xs), Value::List(ys)) => Value::List(zipped(xs, ys)?),
        (Value::Map(xs), Value::Map(ys)) => Value::Map(zipped(xs, ys)?),
        (Value::List(xs), y) => Value::List(each(xs, y)?),
        (Value::Map(xs), y) => Value::Map(each(xs, y)?),
        (x, Value::List(ys)) => Value::List(each_of(x, ys)?),
        (x, Value::Map(ys)) => Value::Map(each_of(x, ys)?),
        (x, y) => f(x, y)?,
    })
}

/// Arithmetic on numbers, item by item on lists (a number meets every item).
fn arith(op: Arith, a: Value, b: Value) -> R<Value> {
    pointwise(a, b, &|x, y| match (x, y) {
        (Value::Num(x), Value::Num(y)) => Ok(Value::Num(apply(op, x, y)?)),
        _ => internal("numbers were expected"),
    })
}

/// The one list whose items' fields a formula of numbers reads (`L.权重 ÷ 100 × L.得分`: `L`),
/// if it reads fields of one list and nothing else but constants and parameters.
pub(super) fn single_list(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Field(base, _) if matches!(**base, Expr::Input(_) | Expr::Value(_) | Expr::Index(..)) => Some(base),
        Expr::Neg(x) => single_list(x),
        Expr::Arith(_, a, b) => match (single_list(a), single_list(b)) {
            (Some(x), Some(y)) if x == y => Some(x),
            (Some(x), None) if constant(b) => Some(x),
            (None, Some(y)) if constant(a) => Some(y),
            _ => None,
        },
        _ => None,
    }
}

/// A formula of constants and parameters alone.
fn constant(e: &Expr) -> bool {
    match e {
        Expr::Const(_) | Expr::Param(_) => true,
        Expr::Neg(x) => constant(x),
        Expr::Arith(_, a, b) => constant(a) && constant(b),
        _ => false,
    }
}

/// `e` for one item of a list, whose fields are `fields`; `e` reads fields of that list
/// alone (`single_list`).
fn item_number(e: &Expr, fields: &[Value], params: &[Number]) -> Option<Number> {
    match e {
        Expr::Const(n) => Some(*n),
        Expr::Param(p) => params.get(*p).copied(),
        // Every field the formula reads is of `list` (`single_list` found it so).
        Expr::Field(_, i) => fields.get(*i)?.as_num(),
        Expr::Neg(x) => item_number(x, fields, params)?.checked_neg().ok(),
        Expr::Arith(op, a, b) => apply(*op, item_number(a, fields, params)?, item_number(b, fields, params)?).ok(),
        _ => None,
    }
}

/// A field of a record, or of each record of a list.
fn field_of(v: &Value, i: usize) -> Value {
    match v {
        Value::Record(fields) => fields.get(i).cloned().unwrap_or(Value::Absent),
        Value::List(items) => Value::List(items.iter().map(|item| field_of(item, i)).collect()),
        _ => Value::Absent,
    }
}

/// `非`: of a yes/no, or of each item of a list or per-leaf values.
fn negated(v: Value) -> R<Value> {
    pointwise(v, Value::Absent, &|x, _| Ok(Value::Bool(x != Value::Bool(true))))
}

/// A comparison, item by item on lists and per-leaf values, as arithmetic is.
fn compared(op: Compare, a: Value, b: Value) -> R<Value> {
    pointwise(a, b, &|x, y| Ok(Value::Bool(compare(op, &x, &y))))
}

fn compare(op: Compare, a: &Value, b: &Value) -> bool {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (a, b) {
        (Value::Num(x), Value::Num(y)) => Some(x.cmp(y)),
        (Value::Absent, _) | (_, Value::Absent) => None,
        (x, y) => Some(if x == y { Ordering::Equal } else { Ordering::Less }),
    };
    op.holds(ord)
}
