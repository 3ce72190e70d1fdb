//! The checked program: what the checker hands the evaluator. Names are resolved to
//! indices, every formula is typed, constants are exact numbers. Nothing here refers back
//! to the syntax tree except spans and article references, kept for diagnostics and
//! explanations.

use std::collections::BTreeMap;

use crate::number::{Exact, Number, Rounding};
use crate::source::{SourceFile, Span};

pub type ScaleId = usize;
pub type NodeId = usize;
pub type InputId = usize;
pub type ParamId = usize;
pub type ValueId = usize;
pub type LabelSetId = usize;

#[derive(Clone, Debug)]
pub struct Program {
    pub source: SourceFile,
    pub header: Header,
    /// Article texts given with `条文`, by reference (`第十五条(一)`).
    pub articles: BTreeMap<String, String>,
    pub scales: Vec<Scale>,
    /// Every indicator of every tree, parents before children.
    pub indicators: Vec<Indicator>,
    /// Named label sets: grade bands and enumerations.
    pub label_sets: Vec<Vec<String>>,
    pub inputs: Vec<Input>,
    pub params: Vec<Param>,
    pub values: Vec<ValueDef>,
    /// The order values are computed in: each after everything it uses.
    pub order: Vec<ValueId>,
    pub requires: Vec<Requirement>,
    pub roles: Roles,
    /// Facts of the indicator trees that evaluation needs for every record, worked out once.
    pub trees: Trees,
    pub samples: BTreeMap<String, serde_json::Value>,
    pub tests: Vec<TestCase>,
    /// Fields of the data that another version of the regulation reads (`jixiao diff`): a
    /// record may hold them, and they are skipped, not refused as unknown. Empty after checking.
    pub tolerated: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Header {
    pub title: String,
    pub doc_number: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<String>,
    pub effective: Option<String>,
}

/// A rating scale (第十四条): ordered levels, each worth a fraction.
#[derive(Clone, Debug)]
pub struct Scale {
    pub name: String,
    pub levels: Vec<(String, Number)>,
    pub refs: Vec<String>,
}

impl Scale {
    pub fn level_names(&self) -> Vec<&str> {
        self.levels.iter().map(|(n, _)| n.as_str()).collect()
    }
}

/// One indicator (指标) of a tree.
#[derive(Clone, Debug)]
pub struct Indicator {
    pub name: String,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    pub points: Option<Number>,
    pub weight: Option<Number>,
    pub refs: Vec<String>,
    pub span: Span,
}

/// A field of a department's record.
#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    /// The key in the data (the name unless `字段` says otherwise).
    pub field: String,
    pub shape: Shape,
    /// Used when a record leaves the field out, read as if the record held it.
    pub default: Option<serde_json::Value>,
    pub refs: Vec<String>,
    pub span: Span,
}

/// What a data value must look like; also its type in formulas.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Text,
    /// `是否`: yes or no (`true`/`false`, or the words 是/否).
    YesNo,
    /// A number: a count (`次数`, whole and ≥ 0), a score in points (`分数`) or a plain
    /// number (`数值`), within optional bounds.
    Number {
        unit: Unit,
        whole: bool,
        min: Option<Limit>,
        max: Option<Limit>,
    },
    Rating(ScaleId),
    Label(LabelSetId),
    List {
        item: Box<Shape>,
        min: usize,
        max: Option<usize>,
    },
    /// A count per level of a scale; `nonempty` means the counts add up to more than 0.
    Tally {
        scale: ScaleId,
        nonempty: bool,
    },
    /// One value per leaf of an indicator.
    Each {
        indicator: NodeId,
        item: Box<Shape>,
    },
    Record(Vec<(String, Shape)>),
    Optional(Box<Shape>),
}

/// A bound on a number: the value and whether it is allowed itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limit {
    pub value: Number,
    pub inclusive: bool,
}

impl Shape {
    /// `次数`: a whole number ≥ 0.
    pub fn count() -> Shape {
        Shape::Number {
            unit: Unit::Count,
            whole: true,
            min: Some(Limit { value: Number::ZERO, inclusive: true }),
            max: None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: String,
    pub default: Number,
    pub unit: Unit,
    /// A divisor is proved non-zero by this parameter's value, so `--set` and `设定` may not
    /// make it 0.
    pub divisor: bool,
    pub refs: Vec<String>,
    pub span: Span,
}

/// The unit of a number, checked so that points are never added to percentages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// 分
    Points,
    /// a percentage or fraction
    Ratio,
    /// a count or plain number
    Count,
    /// a number written without a unit, which takes the unit of what it meets
    Free,
}

impl Unit {
    /// How a number in this unit is written after it: `5分`, `5%`.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Points => "分",
            Unit::Ratio => "%",
            Unit::Count | Unit::Free => "",
        }
    }

    /// A value as it is written in this unit: a percentage times 100 (`0.2` is written `20%`).
    pub fn as_written(self, n: Number) -> Number {
        if self == Unit::Ratio { n.checked_mul(Number::int(100)).unwrap_or(n) } else { n }
    }
}

/// The type of a formula's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Num(Unit),
    Bool,
    Text,
    Rating(ScaleId),
    Label(LabelSetId),
    List(Box<Ty>),
    Tally(ScaleId),
    Map(NodeId, Box<Ty>),
    Record(Vec<(String, Ty)>),
    Optional(Box<Ty>),
    /// `无`, before it meets the type it is the absence of.
    Nothing,
}

#[derive(Clone, Debug)]
pub struct ValueDef {
    pub name: String,
    pub kind: ValueKind,
    pub ty: Ty,
    /// Always a whole number (a rank, a sum of counts), so printed without decimals.
    pub whole: bool,
    pub refs: Vec<String>,
    pub span: Span,
    /// Where its formula (or a grade's or rank's subject) is written.
    pub formula: Span,
}

impl ValueDef {
    /// Whether it is a count that is always whole (次数, a rank): printed without decimals.
    /// Points can be always whole too (`通报 × 5分`) and keep their two places.
    pub fn is_whole_count(&self) -> bool {
        let count = matches!(&self.ty, Ty::Num(Unit::Count))
            || matches!(&self.ty, Ty::Optional(t) if **t == Ty::Num(Unit::Count));
        self.whole && count
    }
}

#[derive(Clone, Debug)]
pub enum ValueKind {
    Let {
        /// Computed once per leaf of this indicator (`[项 属于 绩效管理]`).
        family: Option<NodeId>,
        expr: Expr,
        /// A scoring table's deductions and bonuses (`每 x 扣 5分`), applied in order.
        adjustments: Vec<Adjustment>,
        /// `扣完为止`: after the adjustments, the value is at least 0.
        to_zero: bool,
        cap: Option<Expr>,
        floor: Option<Expr>,
        rounding: Option<(u32, Rounding)>,
    },
    Grade {
        subject: Expr,
        labels: LabelSetId,
        bands: Vec<Band>,
    },
    Rank {
        by: Expr,
        within: Option<Expr>,
        ascending: bool,
    },
}

/// A deduction or bonus of a scoring table: `每 不达标月数 扣 5分 最多扣 10分` takes 5 points
/// for every month, 10 at most; `扣 5分 如果 非 已更新` takes 5 once, when the condition holds.
#[derive(Clone, Debug)]
pub struct Adjustment {
    /// How many times (`每 x`: a number ≥ 0), or when (`如果 c`: a yes/no condition).
    pub count: Expr,
    pub when: bool,
    /// Points (or the value's unit) for each time.
    pub amount: Expr,
    pub bonus: bool,
    /// `最多扣 10分` / `最多加 5分`: the most this adjustment takes or gives in all.
    pub most: Option<Expr>,
    pub span: Span,
}

impl ValueKind {
    /// Every formula a value is computed from.
    pub fn formulas(&self) -> Vec<&Expr> {
        match self {
            ValueKind::Let { expr, adjustments, cap, floor, .. } => {
                let mut out = vec![expr];
                for a in adjustments {
                    out.extend([&a.count, &a.amount]);
                    out.extend(&a.most);
                }
                out.extend(cap);
                out.extend(floor);
                out
            }
            ValueKind::Grade { subject, bands, .. } => std::iter::once(subject)
                .chain(bands.iter().flat_map(|b| b.lower.iter().chain(&b.upper).map(|(e, _)| e)))
                .collect(),
            ValueKind::Rank { by, within, .. } => std::iter::once(by).chain(within).collect(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Band {
    pub label: String,
    /// (threshold, inclusive)
    pub lower: Option<(Expr, bool)>,
    pub upper: Option<(Expr, bool)>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Requirement {
    pub family: Option<NodeId>,
    pub condition: Expr,
    pub message: String,
    /// The quantities the condition compares, with their text, for the error message.
    pub shown: Vec<(String, Expr)>,
    pub refs: Vec<String>,
    pub span: Span,
}

/// Which values the results publish as what.
#[derive(Clone, Debug, Default)]
pub struct Roles {
    pub unit: InputId,
    pub score: ValueId,
    pub grade: Option<ValueId>,
    pub rank: Option<ValueId>,
    pub category: Option<Expr>,
    /// Yes/no values the table marks when true.
    pub flags: Vec<ValueId>,
}

/// A typed formula.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Const(Number),
    /// No value (`无`).
    Absent,
    Bool(bool),
    Label(usize),
    Input(InputId),
    Param(ParamId),
    Value(ValueId),
    Index(Box<Expr>, Key),
    Field(Box<Expr>, usize),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Arith(Arith, Box<Expr>, Box<Expr>),
    Compare(Compare, Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// Arms by label index of the subject's label set.
    Match(Box<Expr>, Vec<Expr>),
    Call(Builtin, Vec<Expr>),
    /// An indicator's value from values of its parts, weighted by the tree; or, with
    /// `points`, the sum of its parts scored in points, each within its own points (分值).
    Rollup {
        indicator: NodeId,
        parts: Vec<(NodeId, Expr)>,
        points: bool,
    },
}

impl Expr {
    /// The formulas directly inside this one.
    pub fn children(&self) -> Vec<&Expr> {
        match self {
            Expr::Const(_)
            | Expr::Absent
            | Expr::Bool(_)
            | Expr::Label(_)
            | Expr::Input(_)
            | Expr::Param(_)
            | Expr::Value(_) => Vec::new(),
            Expr::Index(x, _) | Expr::Field(x, _) | Expr::Neg(x) | Expr::Not(x) => vec![x],
            Expr::Arith(_, a, b) | Expr::Compare(_, a, b) | Expr::And(a, b) | Expr::Or(a, b) => vec![a, b],
            Expr::If(a, b, c) => vec![a, b, c],
            Expr::Match(s, arms) => std::iter::once(&**s).chain(arms).collect(),
            Expr::Call(_, args) => args.iter().collect(),
            Expr::Rollup { parts, .. } => parts.iter().map(|(_, e)| e).collect(),
        }
    }

    /// Whether this formula or any inside it satisfies `f`.
    pub fn any(&self, f: &impl Fn(&Expr) -> bool) -> bool {
        f(self) || self.children().into_iter().any(|c| c.any(f))
    }
}

/// Which entry of a per-leaf value: the family's current leaf, or a fixed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Bound,
    Leaf(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Compare {
    /// Whether the comparison holds of two values ordered so; `None` where one of them is
    /// `无`, which compares with nothing: only `≠` holds.
    pub fn holds(self, ord: Option<std::cmp::Ordering>) -> bool {
        use std::cmp::Ordering;
        match (self, ord) {
            (Compare::Ne, None) => true,
            (_, None) => false,
            (Compare::Eq, Some(o)) => o == Ordering::Equal,
            (Compare::Ne, Some(o)) => o != Ordering::Equal,
            (Compare::Lt, Some(o)) => o == Ordering::Less,
            (Compare::Le, Some(o)) => o != Ordering::Greater,
            (Compare::Gt, Some(o)) => o == Ordering::Greater,
            (Compare::Ge, Some(o)) => o != Ordering::Less,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Min,
    Max,
    Sum,
    Mean,
    Length,
    /// A rating's fraction.
    Factor(ScaleId),
    /// The fractions of a list of ratings.
    Factors(ScaleId),
    /// The fractions of a tally, each counted as often as it was given.
    TallyFactors(ScaleId),
    /// The count of one level of a tally.
    CountOf(usize),
    /// All answers of a tally.
    TallyTotal,
    /// An indicator's value from its leaves' values, by points or weights; or, with
    /// `points`, the sum of leaves scored in points, each within its own points.
    Rollup {
        indicator: NodeId,
        keys: NodeId,
        points: bool,
    },
    /// Whether an optional input was given.
    Given,
    /// 向下取整: the largest whole number not above.
    Floor,
    /// 向上取整: the smallest whole number not below.
    Ceil,
    /// 计数(条件): how many items of a list (or leaves) meet a condition.
    CountTrue,
    /// 合计(值, 条件): the sum of the items whose condition holds.
    SumWhere,
}

#[derive(Clone, Debug)]
pub struct TestCase {
    pub name: String,
    pub span: Span,
    pub params: Vec<(ParamId, Number)>,
    pub units: Vec<TestUnit>,
}

#[derive(Clone, Debug)]
pub struct TestUnit {
    pub record: serde_json::Value,
    pub span: Span,
    pub expect: Vec<Expectation>,
}

#[derive(Clone, Debug)]
pub enum Expectation {
    Value { value: ValueId, key: Option<usize>, approx: Option<u32>, expected: Expected, span: Span },
    Error { code: String, span: Span },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    Number(Number),
    Label(String),
    Bool(bool),
    /// `无`: the value is absent.
    Absent,
}

impl Program {
    /// The leaves under an indicator, in the order written.
    pub fn leaves(&self, node: NodeId) -> &[NodeId] {
        &self.trees.leaves[node]
    }

    pub fn leaf_names(&self, node: NodeId) -> Vec<String> {
        self.leaves(node).iter().map(|&n| self.indicators[n].name.clone()).collect()
    }

    pub fn value_named(&self, name: &str) -> Option<ValueId> {
        self.values.iter().position(|v| v.name == name)
    }

    pub fn param_named(&self, name: &str) -> Option<ParamId> {
        self.params.iter().position(|p| p.name == name)
    }
}

/// For every indicator: the leaves under it, and its share of its parent's value.
#[derive(Clone, Debug, Default)]
pub struct Trees {
    pub leaves: Vec<Vec<NodeId>>,
    /// By points (its points over the points of it and its siblings), by weight, or an equal
    /// part; 1 for a root. An error if the shares cannot be computed exactly.
    pub shares: Vec<Exact<Number>>,
    /// The weight of each of an indicator's leaves (in `leaves` order) in its value: the
    /// product of the shares on the way down, so that a roll-up by points or weights is one
    /// sum of products. An error if a product cannot be computed exactly.
    pub leaf_weights: Vec<Exact<Vec<Number>>>,
}

impl Trees {
    pub fn new(indicators: &[Indicator]) -> Trees {
        let leaves: Vec<Vec<NodeId>> = (0..indicators.len()).map(|n| leaves_of(indicators, n)).collect();
        // The points of each indicator's children, added once (not once per child: a tree of
        // 20,000 items scored in points would otherwise take seconds).
        let points: Vec<Exact<Number>> = indicators
            .iter()
            .map(|ind| {
                let mut total = Number::ZERO;
                for p in ind.children.iter().filter_map(|&c| indicators[c].points) {
                    total = total.checked_add(p)?;
                }
                Ok(total)
            })
            .collect();
        let shares: Vec<Exact<Number>> = indicators.iter().map(|ind| share(indicators, ind, &points)).collect();
        let leaf_weights = (0..indicators.len()).map(|n| leaf_weights(indicators, &shares, &leaves[n], n)).collect();
        Trees { leaves, shares, leaf_weights }
    }
}

/// The weight of each leaf of `node` in its value: the shares from the leaf up to `node`.
fn leaf_weights(
    indicators: &[Indicator],
    shares: &[Exact<Number>],
    leaves: &[NodeId],
    node: NodeId,
) -> Exact<Vec<Number>> {
    leaves
        .iter()
        .map(|&leaf| {
            let (mut weight, mut at) = (Number::ONE, leaf);
            while at != node {
                weight = weight.checked_mul(shares[at]?)?;
                at = indicators[at].parent.unwrap_or(node);
            }
            Ok(weight)
        })
        .collect()
}

fn share(indicators: &[Indicator], ind: &Indicator, points: &[Exact<Number>]) -> Exact<Number> {
    let Some(parent) = ind.parent else { return Ok(Number::ONE) };
    let siblings = &indicators[parent].children;
    match (ind.points, ind.weight) {
        (Some(p), _) => p.checked_div(points[parent]?),
        (None, Some(w)) => Ok(w),
        (None, None) => Number::ONE.checked_div(Number::int(siblings.len() as i128)),
    }
}

/// The leaves under an indicator of `indicators`, in the order written.
pub fn leaves_of(indicators: &[Indicator], node: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        let children = &indicators[n].children;
        if children.is_empty() {
            out.push(n);
        } else {
            stack.extend(children.iter().rev());
        }
    }
    out
}

/// The data shape behind a formula that reads an input (`x`, `x[项]`, `x.得分`, the field of
/// each record of a list), if it does.
pub fn shape_of<'a>(inputs: &'a [Input], e: &Expr) -> Option<&'a Shape> {
    match e {
        Expr::Input(i) => Some(&inputs[*i].shape),
        Expr::Index(base, _) => match shape_of(inputs, base)? {
            Shape::Each { item, .. } => Some(item),
            _ => None,
        },
        Expr::Field(base, i) => match shape_of(inputs, base)? {
            Shape::Record(fields) => fields.get(*i).map(|(_, s)| s),
            Shape::List { item, .. } => match &**item {
                Shape::Record(fields) => fields.get(*i).map(|(_, s)| s),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Whether `node` is `ancestor` or lies under it.
pub fn is_within(indicators: &[Indicator], node: NodeId, ancestor: NodeId) -> bool {
    let mut at = Some(node);
    while let Some(n) = at {
        if n == ancestor {
            return true;
        }
        at = indicators[n].parent;
    }
    false
}

impl Shape {
    /// The shape without its `可选` wrapper.
    pub fn required(&self) -> &Shape {
        match self {
            Shape::Optional(inner) => inner,
            s => s,
        }
    }

    /// The fields of the records, for a list of records (`列表 记录 { … }`, optional or not).
    pub fn record_fields(&self) -> Option<&[(String, Shape)]> {
        match self.required() {
            Shape::List { item, .. } => match item.required() {
                Shape::Record(fields) => Some(fields),
                _ => None,
            },
            _ => None,
        }
    }

    /// The fields of the records an input lists: as a list, or per indicator (`每项 … 列表 记录`).
    pub fn listed_fields(&self) -> Option<&[(String, Shape)]> {
        match self.required() {
            Shape::Each { item, .. } => item.record_fields(),
            s => s.record_fields(),
        }
    }

    /// The type a value of this shape has in formulas.
    pub fn ty(&self) -> Ty {
        match self {
            Shape::Text => Ty::Text,
            Shape::YesNo => Ty::Bool,
            Shape::Number { unit, .. } => Ty::Num(*unit),
            Shape::Rating(s) => Ty::Rating(*s),
            Shape::Label(l) => Ty::Label(*l),
            Shape::List { item, .. } => Ty::List(Box::new(item.ty())),
            Shape::Tally { scale, .. } => Ty::Tally(*scale),
            Shape::Each { indicator, item } => Ty::Map(*indicator, Box::new(item.ty())),
            Shape::Record(fields) => Ty::Record(fields.iter().map(|(n, s)| (n.clone(), s.ty())).collect()),
            Shape::Optional(inner) => Ty::Optional(Box::new(inner.ty())),
        }
    }
}

/// A grade band's bounds for the structure check: (value, inclusive) each.
#[derive(Clone, Copy, Debug)]
pub struct BandBounds {
    pub lower: Option<(Number, bool)>,
    pub upper: Option<(Number, bool)>,
}

/// What is wrong with a list of grade bands written highest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BandProblem {
    /// Band `i` has an upper bound but no band above covers the scores over it.
    GapAbove(usize),
    /// Band `i`'s upper bound reaches into band `i - 1`.
    Overlap(usize),
    /// Between band `i` and band `i - 1` some scores have no band.
    Gap(usize),
    /// Band `i` takes no score that the bands above leave.
    Unreachable(usize),
    /// Band `i`, the last, has a lower bound: the scores below it have no band.
    GapBelow(usize),
}

/// The first structural problem of grade bands, if any. Used by the checker (with the
/// parameters' defaults) and the evaluator (with `--set` values).
pub fn band_problem(bands: &[BandBounds]) -> Option<BandProblem> {
    let last = bands.len().checked_sub(1)?;
    // The lower bound of the band above: (value, inclusive).
    let mut above: Option<(Number, bool)> = None;
    for (i, band) in bands.iter().enumerate() {
        if let Some((u, u_incl)) = band.upper {
            let Some((bound, incl)) = above else { return Some(BandProblem::GapAbove(i)) };
            if u > bound || (u == bound && u_incl && incl) {
                return Some(BandProblem::Overlap(i));
            }
            if u < bound || (u == bound && !u_incl && !incl) {
                return Some(BandProblem::Gap(i));
            }
        }
        if let (Some((bound, incl)), Some((l, l_incl))) = (above, band.lower) {
            // Some score must be at or above `l` and still below the band above.
            if l > bound || (l == bound && (incl || !l_incl)) {
                return Some(BandProblem::Unreachable(i));
            }
        }
        match band.lower {
            Some(l) => above = Some(l),
            None if i < last => return Some(BandProblem::Unreachable(i + 1)),
            None => {}
        }
    }
    bands[last].lower.is_some().then_some(BandProblem::GapBelow(last))
}
