//! Range analysis: from the inputs' domains (rating factors, score ranges, counts ≥ 0), the
//! lowest and highest value every named quantity can take, by interval arithmetic through
//! the formulas, caps and floors. Parameters count at their defaults. A branch of `如果` is
//! analysed with what its condition says of the quantities it compares (`n ≥ 1`: n from 1).

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
        narrowed: Vec::new(),
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
    /// What the conditions of the `如果` being analysed say of the quantities they compare:
    /// inside `如果 n ≥ 1 则 …`, `n` is at least 1.
    narrowed: Vec<(Expr, Interval)>,
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

    /// An indicator's range from its parts' ranges: a combination with fixed positive shares
    /// (the tree's, as evaluation weighs them); `in_points`: a sum of parts scored in points,
    /// each within its points (a part outside them is refused at evaluation; the parts whose
    /// range reaches outside are noted).
    fn rolled_up(&mut self, node: NodeId, known: &[Option<Interval>], in_points: bool) -> Option<Interval> {
        let share = self.weighted(node, known, in_points)?;
        match self.program.indicators[node].points {
            Some(p) if !in_points => Some(share.times(Interval::exactly(p))),
            _ => Some(share),
        }
    }

    fn weighted(&mut self, node: NodeId, known: &[Option<Interval>], in_points: bool) -> Option<Interval> {
        let mut acc = Interval::exactly(Number::ZERO);
        for &c in &self.program.indicators[node].children {
            let part = match known[c] {
                Some(i) if in_points => self.within_points(c, i)?,
                Some(i) => i,
                None => self.weighted(c, known, in_points)?,
            };
            let share = if in_points { Number::ONE } else { self.program.trees.shares[c].ok()? };
            acc = acc.plus(part.times(Interval::exactly(share)));
        }
        Some(acc)
    }

    /// A part's range within its points, noting a part whose range reaches outside them.
    fn within_points(&mut self, node: NodeId, range: Interval) -> Option<Interval> {
        let allowed = Interval::new(End::At(Number::ZERO), End::At(self.program.indicators[node].points?));
        if (range.lo < allowed.lo || range.hi > allowed.hi) && !self.over_points.iter().any(|(n, _)| *n == node) {
            self.over_points.push((node, range));
        }
        let clamp = |e: End| e.max(allowed.lo).min(allowed.hi);
        Some(Interval::new(clamp(range.lo), clamp(range.hi)))
    }

    /// A formula's range, within what the conditions around it say of it.
    fn expr(&mut self, e: &Expr) -> Range {
        let r = self.unnarrowed(e);
        if self.narrowed.is_empty() {
            return r;
        }
        match r {
            Range::Num(mut i) => {
                for (x, within) in &self.narrowed {
                    if x == e
                        && let Some(both) = meet(i, *within)
                    {
                        i = both;
                    }
                }
                Range::Num(i)
            }
            r => r,
        }
    }

    fn unnarrowed(&mut self, e: &Expr) -> Range {
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
            Expr::If(c, a, b) => match (self.branch(c, true, a), self.branch(c, false, b)) {
                (Some(a), Some(b)) => hull(a, b),
                (Some(r), None) | (None, Some(r)) => r,
                // A condition or its opposite holds, so this is not expected; take both as they are.
                (None, None) => {
                    let (a, b) = (self.expr(a), self.expr(b));
                    hull(a, b)
                }
            },
            Expr::Match(_, arms) => arms.iter().map(|a| self.expr(a)).reduce(hull).unwrap_or(Range::Other),
            Expr::Call(b, args) => self.call(*b, args),
            Expr::Rollup { indicator, parts, points } => {
                let mut known = vec![None; self.program.indicators.len()];
                for (node, e) in parts {
                    known[*node] = self.expr(e).interval();
                }
                self.rolled_up(*indicator, &known, *points).map_or(Range::Other, num)
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

    /// The range of `e`, a branch taken when `c` is `truth`, with what that says of the
    /// quantities `c` compares; `None` if the branch can never be taken.
    fn branch(&mut self, c: &Expr, truth: bool, e: &Expr) -> Option<Range> {
        let facts = self.facts(c, truth)?;
        let before = self.narrowed.len();
        self.narrowed.extend(facts);
        // Facts on one quantity together (`x > 5 且 x < 3`) may leave it nothing.
        let paths: Vec<Expr> = self.narrowed[before..].iter().map(|(x, _)| x.clone()).collect();
        let possible = paths.iter().all(|x| match self.unnarrowed(x).interval() {
            Some(i) => self.narrowed.iter().filter(|(y, _)| y == x).try_fold(i, |i, (_, w)| meet(i, *w)).is_some(),
            None => true,
        });
        let r = possible.then(|| self.expr(e));
        self.narrowed.truncate(before);
        r
    }

    /// What `c` being `truth` says of the inputs, values and parameters it compares with
    /// numbers (`n ≥ 1`, `扣分 > 5分 且 扣分 ≤ 参数`), as intervals; `None` if it cannot be.
    fn facts(&mut self, c: &Expr, truth: bool) -> Option<Vec<(Expr, Interval)>> {
        match c {
            Expr::Bool(b) => (*b == truth).then(Vec::new),
            Expr::Not(x) => self.facts(x, !truth),
            Expr::And(a, b) | Expr::Or(a, b) if truth == matches!(c, Expr::And(..)) => {
                // Both hold: `a 且 b` true, `a 或 b` false.
                let mut all = self.facts(a, truth)?;
                all.extend(self.facts(b, truth)?);
                Some(all)
            }
            Expr::And(a, b) | Expr::Or(a, b) => {
                // Either holds: nothing certain of either, unless one cannot.
                match (self.facts(a, truth), self.facts(b, truth)) {
                    (None, None) => None,
                    (Some(f), None) | (None, Some(f)) => Some(f),
                    _ => Some(Vec::new()),
                }
            }
            Expr::Compare(op, x, y) => {
                let op = if truth { *op } else { negated(*op) };
                let (Range::Num(rx), Range::Num(ry)) = (self.expr(x), self.expr(y)) else { return Some(Vec::new()) };
                let mut out = Vec::new();
                for (path, own, other, op) in [(&**x, rx, ry, op), (&**y, ry, rx, flipped(op))] {
                    let within = compared(op, own, other, whole(self.program, path))?;
                    if is_path(path) {
                        out.push((path.clone(), within));
                    }
                }
                Some(out)
            }
            _ => Some(Vec::new()),
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
            Builtin::Rollup { indicator, keys, points } => {
                let Range::Entries(rs) = first else { return Range::Other };
                let mut known = vec![None; program.indicators.len()];
                for (&leaf, r) in program.leaves(keys).iter().zip(rs) {
                    known[leaf] = r.interval();
                }
                self.rolled_up(indicator, &known, points).map_or(Range::Other, Range::Num)
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

/// Where `x` (now within `own`) can be when `x op y` holds for some `y` within `other`; `None`
/// if nowhere. Ends stay closed (`x > 5` leaves `x` from 5), but for a whole number (`n > 0`
/// leaves `n` from 1).
fn compared(op: Compare, own: Interval, other: Interval, whole: bool) -> Option<Interval> {
    let bound = match op {
        Compare::Gt | Compare::Ge => {
            // At least `other.lo`; more, if strict, which only a whole number can say.
            let lo = match (other.lo, whole) {
                (End::At(n), true) if op == Compare::Gt => End::At(n.floor().checked_add(Number::ONE).ok()?),
                (End::At(n), true) => End::At(n.ceil()),
                (lo, _) => lo,
            };
            if op == Compare::Gt && own.hi <= other.lo {
                return None;
            }
            Interval::new(lo, End::PosInf)
        }
        Compare::Lt | Compare::Le => {
            let hi = match (other.hi, whole) {
                (End::At(n), true) if op == Compare::Lt => End::At(n.ceil().checked_sub(Number::ONE).ok()?),
                (End::At(n), true) => End::At(n.floor()),
                (hi, _) => hi,
            };
            if op == Compare::Lt && own.lo >= other.hi {
                return None;
            }
            Interval::new(End::NegInf, hi)
        }
        Compare::Eq => other,
        Compare::Ne => {
            // Only a single value can be ruled out, and only of a single value.
            let single = |i: Interval| i.lo == i.hi && matches!(i.lo, End::At(_));
            return if single(own) && single(other) && own == other { None } else { Some(own) };
        }
    };
    meet(own, bound)
}

/// The numbers in both, if any.
fn meet(a: Interval, b: Interval) -> Option<Interval> {
    let i = Interval::new(a.lo.max(b.lo), a.hi.min(b.hi));
    (i.lo <= i.hi && i.lo != End::PosInf && i.hi != End::NegInf).then_some(i)
}

/// `x op y` is `y (flipped op) x`.
fn flipped(op: Compare) -> Compare {
    match op {
        Compare::Lt => Compare::Gt,
        Compare::Le => Compare::Ge,
        Compare::Gt => Compare::Lt,
        Compare::Ge => Compare::Le,
        op => op,
    }
}

/// `not (x op y)` is `x (negated op) y`.
fn negated(op: Compare) -> Compare {
    match op {
        Compare::Eq => Compare::Ne,
        Compare::Ne => Compare::Eq,
        Compare::Lt => Compare::Ge,
        Compare::Le => Compare::Gt,
        Compare::Gt => Compare::Le,
        Compare::Ge => Compare::Lt,
    }
}

/// An input, value or parameter, or an entry or field of one: what a condition can narrow.
fn is_path(e: &Expr) -> bool {
    match e {
        Expr::Input(_) | Expr::Value(_) | Expr::Param(_) => true,
        Expr::Index(base, _) | Expr::Field(base, _) => is_path(base),
        _ => false,
    }
}

/// Whether a path holds a whole number by its input's type (`次数`).
fn whole(program: &Program, e: &Expr) -> bool {
    matches!(shape_of(&program.inputs, e).map(Shape::required), Some(Shape::Number { whole: true, .. }))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// The range of `y` in a regulation of `lets` over a number `n`, a count `k` and a score
    /// `得分` from 0 to 100, with a parameter `线` of 60.
    fn range(lets: &str) -> Interval {
        let text = format!(
            "办法 \"测试\"\n输入 部门：文本\n输入 n：数值\n输入 k：次数\n输入 得分：分数 0 至 100\n参数 线 = 60\n\
             {lets}\n公布 {{ 单位：部门；得分：y }}\n"
        );
        let (program, _) = crate::compile(&SourceFile::new("t.jx", text)).unwrap_or_else(|e| {
            panic!("{lets}: {}", e.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("; "))
        });
        let y = program.values.iter().position(|d| d.name == "y").expect("a value y");
        analyse(&program).values[y].interval().expect("a number")
    }

    fn between(lo: i128, hi: i128) -> Interval {
        Interval::new(End::At(Number::int(lo)), End::At(Number::int(hi)))
    }

    #[test]
    fn a_condition_narrows_what_it_compares_in_each_branch() {
        // n may be negative, but not where n ≥ 1.
        assert_eq!(range("计算 y = 如果 n ≥ 1 则 n × 5分 否则 0分"), Interval::new(End::At(Number::ZERO), End::PosInf));
        // Above 20 the value is 20; otherwise it is at most 20.
        assert_eq!(range("计算 扣分 = k × 5分\n计算 y = 如果 扣分 > 20分 则 20分 否则 扣分"), between(0, 20));
        // The constant may be written first, and the condition negated.
        assert_eq!(range("计算 扣分 = k × 5分\n计算 y = 如果 非 (20分 ≥ 扣分) 则 20分 否则 扣分"), between(0, 20));
    }

    #[test]
    fn a_whole_number_above_0_is_at_least_1() {
        assert_eq!(range("计算 y = 如果 k > 0 则 10分 ÷ k 否则 0分"), between(0, 10));
        assert_eq!(range("计算 y = 如果 k < 3 则 k × 1分 否则 0分"), between(0, 2));
    }

    #[test]
    fn conditions_joined_by_and_narrow_together_and_or_narrows_the_else_branch() {
        // A parameter is a bound too.
        assert_eq!(range("计算 y = 如果 得分 < 线 且 得分 ≥ 50 则 线 − 得分 否则 0分"), between(0, 10));
        // Neither below 50 nor above 60: between them.
        assert_eq!(range("计算 y = 如果 得分 < 50 或 得分 > 60 则 0分 否则 得分"), between(0, 60));
    }

    #[test]
    fn a_branch_no_value_can_take_adds_nothing() {
        assert_eq!(range("计算 y = 如果 得分 > 100 则 -1000分 否则 得分"), between(0, 100));
        assert_eq!(range("计算 y = 如果 得分 > 60 且 得分 < 50 则 -1000分 否则 得分"), between(0, 100));
    }

    #[test]
    fn what_no_condition_speaks_of_is_not_narrowed() {
        // Either may hold, so neither narrows n.
        assert_eq!(range("计算 y = 如果 得分 > 50 或 n > 0 则 n × 1分 否则 0分"), Interval::ALL);
    }
}
