//! Range analysis: from the inputs' domains (rating factors, score ranges, counts ≥ 0), the
//! lowest and highest value every named quantity can take, by interval arithmetic through
//! the formulas, caps and floors. Parameters count at their defaults.

use super::interval::{End, Interval};
use crate::number::Number;
use crate::program::*;

/// What is known of a value's range.
#[derive(Clone, Debug, PartialEq)]
pub enum Range {
    Num(Interval),
    /// A list: its items' range and how many there can be.
    List {
        item: Box<Range>,
        min: usize,
        max: Option<usize>,
    },
    /// One range per leaf of an indicator, or per field of a record.
    Entries(Vec<Range>),
    /// Not a number (a grade, a flag, text).
    Other,
}

impl Range {
    pub fn interval(&self) -> Option<Interval> {
        match self {
            Range::Num(i) => Some(*i),
            _ => None,
        }
    }

    /// The hull of every number inside (for per-leaf values: over all leaves).
    pub fn overall(&self) -> Option<Interval> {
        match self {
            Range::Num(i) => Some(*i),
            Range::List { item, .. } => item.overall(),
            Range::Entries(rs) => rs.iter().filter_map(Range::overall).reduce(Interval::hull),
            Range::Other => None,
        }
    }
}

/// The range of every value of a program, by value index.
pub struct Ranges {
    pub values: Vec<Range>,
    /// For values with a cap or floor: the range before it was applied.
    pub unlimited: Vec<Option<Interval>>,
    /// Parts of roll-ups in points whose range reaches outside their points (0 to 分值):
    /// the part and its range. A department there is refused at evaluation.
    pub over_points: Vec<(NodeId, Interval)>,
}

pub fn analyse(program: &Program) -> Ranges {
    let mut a = Analysis {
        program,
        values: vec![Range::Other; program.values.len()],
        unlimited: vec![None; program.values.len()],
        over_points: Vec::new(),
        bound: None,
    };
    for &v in &program.order {
        let r = a.value(v);
        a.values[v] = r;
    }
    Ranges { values: a.values, unlimited: a.unlimited, over_points: a.over_points }
}

struct Analysis<'p> {
    program: &'p Program,
    values: Vec<Range>,
    unlimited: Vec<Option<Interval>>,
    over_points: Vec<(NodeId, Interval)>,
    /// The leaf being analysed, inside a per-leaf value.
    bound: Option<usize>,
}

impl Analysis<'_> {
    fn value(&mut self, v: ValueId) -> Range {
        let program = self.program;
        match &program.values[v].kind {
            ValueKind::Let { family: Some(node), expr, adjustments, to_zero, cap, floor, rounding } => {
                let n = program.leaves(*node).len();
                let mut entries = Vec::with_capacity(n);
                let mut before: Option<Interval> = None;
                for k in 0..n {
                    self.bound = Some(k);
                    let (r, raw) = self.limited(expr, (adjustments, *to_zero), cap.as_ref(), floor.as_ref(), *rounding);
                    before = match (before, raw) {
                        (Some(a), Some(b)) => Some(a.hull(b)),
                        (a, b) => a.or(b),
                    };
                    entries.push(r);
                }
                self.bound = None;
                self.unlimited[v] = before.filter(|_| cap.is_some() || floor.is_some());
                Range::Entries(entries)
            }
            ValueKind::Let { expr, adjustments, to_zero, cap, floor, rounding, .. } => {
                let (r, raw) = self.limited(expr, (adjustments, *to_zero), cap.as_ref(), floor.as_ref(), *rounding);
                self.unlimited[v] = raw.filter(|_| cap.is_some() || floor.is_some());
                r
            }
            ValueKind::Rank { .. } => Range::Num(Interval::new(End::At(Number::ONE), End::PosInf)),
            ValueKind::Grade { .. } => Range::Other,
        }
    }

    /// A value's range after its cap, floor and rounding, and the range before them.
    fn limited(
        &mut self,
        e: &Expr,
        (adjustments, to_zero): (&[Adjustment], bool),
        cap: Option<&Expr>,
        floor: Option<&Expr>,
        rounding: Option<(u32, crate::number::Rounding)>,
    ) -> (Range, Option<Interval>) {
        let r = self.expr(e);
        let Some(mut raw) = r.interval() else { return (r, None) };
        for a in adjustments {
            let Some(taken) = self.adjusted(a) else { return (Range::Other, None) };
            raw = if a.bonus { raw.plus(taken) } else { raw.plus(taken.negated()) };
        }
        if to_zero {
            raw = raw.max(Interval::exactly(Number::ZERO));
        }
        let mut i = raw;
        if let Some(c) = cap.and_then(|c| self.expr(c).interval()) {
            i = i.min(c);
        }
        if let Some(f) = floor.and_then(|f| self.expr(f).interval()) {
            i = i.max(f);
        }
        if let Some((places, rule)) = rounding {
            let round = |e: End| match e {
                End::At(n) => n.round(places, rule).map_or(e, End::At),
                e => e,
            };
            i = Interval::new(round(i.lo), round(i.hi));
        }
        (Range::Num(i), Some(raw))
    }

    /// What one deduction or bonus can take or give: count × amount, within its limit.
    fn adjusted(&mut self, a: &Adjustment) -> Option<Interval> {
        let count = if a.when {
            Interval::new(End::At(Number::ZERO), End::At(Number::ONE))
        } else {
            self.expr(&a.count).interval()?.max(Interval::exactly(Number::ZERO))
        };
        let mut taken = count.times(self.expr(&a.amount).interval()?);
        if let Some(m) = &a.most {
            taken = taken.min(self.expr(m).interval()?);
        }
        Some(taken)
    }

    /// The sum of parts scored in points, each within its points (a part outside them is
    /// refused at evaluation); notes the parts whose range reaches outside.
    fn in_points(&mut self, scored: Vec<(NodeId, Option<Interval>)>) -> Option<Interval> {
        let mut total = Interval::exactly(Number::ZERO);
        for (node, range) in scored {
            let points = self.program.indicators[node].points?;
            let allowed = Interval::new(End::At(Number::ZERO), End::At(points));
            let range = range?;
            if (range.lo < allowed.lo || range.hi > allowed.hi) && !self.over_points.iter().any(|(n, _)| *n == node) {
                self.over_points.push((node, range));
            }
            let clamp = |e: End| e.max(allowed.lo).min(allowed.hi);
            total = total.plus(Interval::new(clamp(range.lo), clamp(range.hi)));
        }
        Some(total)
    }

    fn expr(&mut self, e: &Expr) -> Range {
        let num = |i: Interval| Range::Num(i);
        match e {
            Expr::Const(n) => num(Interval::exactly(*n)),
            Expr::Param(p) => num(Interval::exactly(self.program.params[*p].default)),
            Expr::Input(i) => shape_range(self.program, &self.program.inputs[*i].shape),
            Expr::Value(v) => self.values[*v].clone(),
            Expr::Index(base, key) => match self.expr(base) {
                Range::Entries(rs) => {
                    let k = match key {
                        Key::Leaf(k) => Some(*k),
                        Key::Bound => self.bound,
                    };
                    match k {
                        Some(k) => rs.get(k).cloned().unwrap_or(Range::Other),
                        None => rs.into_iter().reduce(hull).unwrap_or(Range::Other),
                    }
                }
                _ => Range::Other,
            },
            Expr::Field(base, i) => field(self.expr(base), *i),
            Expr::Neg(x) => map_num(self.expr(x), Interval::negated),
            Expr::Arith(op, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                arith(*op, a, b)
            }
            Expr::If(_, a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                hull(a, b)
            }
            Expr::Match(_, arms) => arms.iter().map(|a| self.expr(a)).reduce(hull).unwrap_or(Range::Other),
            Expr::Call(b, args) => self.call(*b, args),
            Expr::Rollup { parts, points: true, .. } => {
                let scored: Vec<(NodeId, Option<Interval>)> =
                    parts.iter().map(|(node, e)| (*node, self.expr(e).interval())).collect();
                self.in_points(scored).map_or(Range::Other, num)
            }
            Expr::Rollup { indicator, parts, .. } => {
                let mut known = vec![None; self.program.indicators.len()];
                for (node, e) in parts {
                    known[*node] = self.expr(e).interval();
                }
                rolled_up(self.program, *indicator, &known).map_or(Range::Other, num)
            }
            Expr::Compare(_, a, b) => match (self.expr(a), self.expr(b)) {
                (Range::List { min, max, .. }, _) | (_, Range::List { min, max, .. }) => {
                    Range::List { item: Box::new(Range::Other), min, max }
                }
                (Range::Entries(rs), _) | (_, Range::Entries(rs)) => Range::Entries(vec![Range::Other; rs.len()]),
                _ => Range::Other,
            },
            Expr::Absent | Expr::Bool(_) | Expr::Label(_) | Expr::And(..) | Expr::Or(..) | Expr::Not(_) => Range::Other,
        }
    }

    fn call(&mut self, b: Builtin, args: &[Expr]) -> Range {
        let program = self.program;
        let mut ranges: Vec<Range> = args.iter().map(|a| self.expr(a)).collect();
        let first = if ranges.is_empty() { Range::Other } else { ranges.swap_remove(0) };
        let factors = |s: ScaleId| {
            let fs = program.scales[s].levels.iter().map(|(_, f)| Interval::exactly(*f));
            fs.reduce(Interval::hull).unwrap_or(Interval::ALL)
        };
        let counts = Interval::new(End::At(Number::ZERO), End::PosInf);
        match b {
            Builtin::Min | Builtin::Max => {
                let all = std::iter::once(first).chain(ranges).filter_map(|r| r.overall());
                all.reduce(|a, x| if b == Builtin::Min { a.min(x) } else { a.max(x) }).map_or(Range::Other, Range::Num)
            }
            Builtin::Sum => match first {
                Range::List { item, min, max } => {
                    item.interval().map_or(Range::Other, |i| Range::Num(i.repeated(min, max)))
                }
                Range::Entries(rs) => {
                    rs.iter().filter_map(Range::interval).reduce(Interval::plus).map_or(Range::Other, Range::Num)
                }
                Range::Num(_) => Range::Num(counts),
                Range::Other => Range::Other,
            },
            Builtin::Mean => first.overall().map_or(Range::Other, Range::Num),
            Builtin::Length => match first {
                Range::List { min, max, .. } => Range::Num(Interval::new(
                    End::At(Number::int(min as i128)),
                    max.map_or(End::PosInf, |m| End::At(Number::int(m as i128))),
                )),
                _ => Range::Num(counts),
            },
            Builtin::Factor(s) => Range::Num(factors(s)),
            Builtin::Factors(s) => match first {
                Range::List { min, max, .. } => Range::List { item: Box::new(Range::Num(factors(s))), min, max },
                _ => Range::List { item: Box::new(Range::Num(factors(s))), min: 0, max: None },
            },
            Builtin::TallyFactors(s) => Range::List { item: Box::new(Range::Num(factors(s))), min: 0, max: None },
            Builtin::CountOf(_) | Builtin::TallyTotal => Range::Num(counts),
            Builtin::Rollup { indicator, keys, points: true } => {
                let Range::Entries(rs) = first else { return Range::Other };
                let scored: Vec<(NodeId, Option<Interval>)> = program
                    .leaves(keys)
                    .iter()
                    .zip(rs)
                    .filter(|(leaf, _)| is_within(&program.indicators, **leaf, indicator))
                    .map(|(leaf, r)| (*leaf, r.interval()))
                    .collect();
                self.in_points(scored).map_or(Range::Other, Range::Num)
            }
            Builtin::Rollup { indicator, keys, .. } => {
                let Range::Entries(rs) = first else { return Range::Other };
                let mut known = vec![None; program.indicators.len()];
                for (&leaf, r) in program.leaves(keys).iter().zip(rs) {
                    known[leaf] = r.interval();
                }
                rolled_up(program, indicator, &known).map_or(Range::Other, Range::Num)
            }
            Builtin::Given => Range::Other,
            Builtin::Floor | Builtin::Ceil => {
                let whole = |e: End| match e {
                    End::At(n) => End::At(if b == Builtin::Floor { n.floor() } else { n.ceil() }),
                    e => e,
                };
                first.interval().map_or(Range::Other, |i| Range::Num(Interval::new(whole(i.lo), whole(i.hi))))
            }
            Builtin::CountTrue => match first {
                Range::List { max, .. } => Range::Num(Interval::new(
                    End::At(Number::ZERO),
                    max.map_or(End::PosInf, |m| End::At(Number::int(m as i128))),
                )),
                Range::Entries(rs) => {
                    Range::Num(Interval::new(End::At(Number::ZERO), End::At(Number::int(rs.len() as i128))))
                }
                _ => Range::Num(counts),
            },
            Builtin::SumWhere => match first {
                Range::List { item, max, .. } => {
                    item.interval().map_or(Range::Other, |i| Range::Num(i.repeated(0, max)))
                }
                Range::Entries(rs) => rs
                    .iter()
                    .filter_map(Range::interval)
                    .map(|i| i.hull(Interval::exactly(Number::ZERO)))
                    .reduce(Interval::plus)
                    .map_or(Range::Other, Range::Num),
                _ => Range::Other,
            },
        }
    }
}

/// An indicator's range from its parts' ranges: a combination with fixed positive shares.
fn rolled_up(program: &Program, node: NodeId, known: &[Option<Interval>]) -> Option<Interval> {
    let share = weighted(program, node, known)?;
    match program.indicators[node].points {
        Some(p) => Some(share.times(Interval::exactly(p))),
        None => Some(share),
    }
}

fn weighted(program: &Program, node: NodeId, known: &[Option<Interval>]) -> Option<Interval> {
    let children = &program.indicators[node].children;
    let total = children
        .iter()
        .filter_map(|c| program.indicators[*c].points)
        .try_fold(Number::ZERO, |a, p| a.checked_add(p).ok())?;
    let mut acc = Interval::exactly(Number::ZERO);
    for &c in children {
        let child = &program.indicators[c];
        let share = match (child.points, child.weight) {
            (Some(p), _) => p.checked_div(total).ok()?,
            (None, Some(w)) => w,
            (None, None) => Number::ONE.checked_div(Number::int(children.len() as i128)).ok()?,
        };
        let part = match known[c] {
            Some(i) => i,
            None => weighted(program, c, known)?,
        };
        acc = acc.plus(part.times(Interval::exactly(share)));
    }
    Some(acc)
}

/// What data of a shape can hold.
pub fn shape_range(program: &Program, shape: &Shape) -> Range {
    let end = |l: Option<Limit>, none: End| l.map_or(none, |l| End::At(l.value));
    match shape {
        Shape::Number { min, max, .. } => Range::Num(Interval::new(end(*min, End::NegInf), end(*max, End::PosInf))),
        Shape::List { item, min, max } => {
            Range::List { item: Box::new(shape_range(program, item)), min: *min, max: *max }
        }
        Shape::Each { indicator, item } => {
            Range::Entries(vec![shape_range(program, item); program.leaves(*indicator).len()])
        }
        Shape::Record(fields) => Range::Entries(fields.iter().map(|(_, s)| shape_range(program, s)).collect()),
        Shape::Optional(inner) => shape_range(program, inner),
        Shape::Text | Shape::YesNo | Shape::Rating(_) | Shape::Label(_) | Shape::Tally { .. } => Range::Other,
    }
}

fn field(r: Range, i: usize) -> Range {
    match r {
        Range::Entries(mut fs) if i < fs.len() => fs.swap_remove(i),
        Range::List { item, min, max } => Range::List { item: Box::new(field(*item, i)), min, max },
        _ => Range::Other,
    }
}

fn map_num(r: Range, f: impl Fn(Interval) -> Interval + Copy) -> Range {
    match r {
        Range::Num(i) => Range::Num(f(i)),
        Range::List { item, min, max } => Range::List { item: Box::new(map_num(*item, f)), min, max },
        r => r,
    }
}

fn arith(op: Arith, a: Range, b: Range) -> Range {
    let apply = |x: Interval, y: Interval| match op {
        Arith::Add => x.plus(y),
        Arith::Sub => x.minus(y),
        Arith::Mul => x.times(y),
        Arith::Div => x.over(y),
    };
    match (a, b) {
        (Range::Num(x), Range::Num(y)) => Range::Num(apply(x, y)),
        (Range::List { item, min, max }, Range::List { item: other, .. }) => {
            Range::List { item: Box::new(arith(op, *item, *other)), min, max }
        }
        (Range::List { item, min, max }, y) => Range::List { item: Box::new(arith(op, *item, y)), min, max },
        (x, Range::List { item, min, max }) => Range::List { item: Box::new(arith(op, x, *item)), min, max },
        _ => Range::Other,
    }
}

fn hull(a: Range, b: Range) -> Range {
    match (a, b) {
        (Range::Num(x), Range::Num(y)) => Range::Num(x.hull(y)),
        (Range::Entries(xs), Range::Entries(ys)) if xs.len() == ys.len() => {
            Range::Entries(xs.into_iter().zip(ys).map(|(x, y)| hull(x, y)).collect())
        }
        (Range::List { item, min, max }, Range::List { item: other, min: m2, max: x2 }) => Range::List {
            item: Box::new(hull(*item, *other)),
            min: min.min(m2),
            max: max.zip(x2).map(|(a, b)| a.max(b)),
        },
        (Range::Num(x), _) | (_, Range::Num(x)) => Range::Num(x),
        _ => Range::Other,
    }
}
