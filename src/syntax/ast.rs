//! The syntax tree of a regulation file: what was written, with spans, nothing resolved.

use rust_decimal::Decimal;

use crate::source::{Node, Span};

/// A name as written: `总分`, `职责任务`.
pub type Ident = Node<String>;
/// An article reference as written: `第十五条(一)`.
pub type ArticleRef = Node<String>;
pub type ExprNode = Node<Expr>;

/// A whole regulation file, declarations in the order written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct File {
    pub decls: Vec<Node<Decl>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Header(Header),
    Article(ArticleText),
    Scale(Scale),
    Indicator(IndicatorNode),
    Input(Input),
    Param(Param),
    Let(Box<Let>),
    Require(Require),
    Grade(Grade),
    Rank(Rank),
    Publish(Vec<Role>),
    Sample(Sample),
    Test(TestCase),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    pub title: Node<String>,
    pub clauses: Vec<(HeaderField, Node<String>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderField {
    DocNumber,
    Issuer,
    Issued,
    Effective,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArticleText {
    pub article: ArticleRef,
    pub text: Node<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub name: Ident,
    pub refs: Vec<ArticleRef>,
    pub levels: Vec<Level>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub name: Ident,
    pub factor: ExprNode,
    pub refs: Vec<ArticleRef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorNode {
    pub name: Ident,
    pub points: Option<ExprNode>,
    pub weight: Option<ExprNode>,
    pub refs: Vec<ArticleRef>,
    pub children: Vec<IndicatorNode>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub name: Ident,
    /// The record's field name, when `字段 "…"` gives one other than `name`.
    pub field: Option<Node<String>>,
    pub ty: DataType,
    pub default: Option<Node<Literal>>,
    pub refs: Vec<ArticleRef>,
}

#[derive(Clone, Debug)]
pub struct DataType {
    pub optional: bool,
    pub body: TypeBody,
    pub limits: Vec<TypeLimit>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeBody {
    List(Box<DataType>),
    Tally(Ident),
    Each {
        tree: Ident,
        item: Box<DataType>,
    },
    Record(Vec<(Ident, DataType)>),
    OneOf(Vec<Ident>),
    Text,
    Count,
    Score,
    Number,
    /// `是否`: yes or no.
    YesNo,
    /// `百分比`: a percentage, written with `%` in the data (`92%`).
    Percent,
    Named(Ident),
}

#[derive(Clone, Debug)]
pub enum TypeLimit {
    NonEmpty(Span),
    Items(ExprNode, ExprNode),
    Range(ExprNode, ExprNode),
    /// `> 0`, `≥ 1`: the operator (as a comparison) and the bound.
    Bound(BinaryOp, ExprNode),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub value: ExprNode,
    pub refs: Vec<ArticleRef>,
}

/// `计算 名[项 属于 树] = 式 封顶 … 保底 … 保留 2 位 依据 …`
#[derive(Clone, Debug, PartialEq)]
pub struct Let {
    pub name: Ident,
    pub binder: Option<Binder>,
    pub expr: ExprNode,
    /// `每 x 扣 5分 最多扣 10分`, `每 x 加 1分`: a scoring table's deductions and bonuses, in
    /// the order written, applied to the formula's value before its cap, floor and rounding.
    pub adjustments: Vec<Adjustment>,
    /// `扣完为止`: the deductions stop at 0.
    pub to_zero: Option<Node<()>>,
    pub cap: Option<ExprNode>,
    pub floor: Option<ExprNode>,
    pub rounding: Option<Rounding>,
    pub refs: Vec<ArticleRef>,
}

/// `每 不达标月数 扣 5分 最多扣 10分`: `amount` for every one of a count, at most `most` in
/// all; or `扣 5分 如果 条件`: `amount` once, when the condition holds.
#[derive(Clone, Debug)]
pub struct Adjustment {
    pub count: AdjustCount,
    pub amount: ExprNode,
    /// `加` (a bonus) rather than `扣` (a deduction).
    pub bonus: bool,
    pub most: Option<ExprNode>,
    pub span: Span,
}

/// How many times an adjustment applies.
#[derive(Clone, Debug, PartialEq)]
pub enum AdjustCount {
    /// `每 x`: x times.
    Per(ExprNode),
    /// `如果 c`: once if c holds.
    When(ExprNode),
}

impl Let {
    /// Every formula of the declaration: the value's, its adjustments', cap and floor.
    pub fn formulas(&self) -> Vec<&ExprNode> {
        let mut out = vec![&self.expr];
        for a in &self.adjustments {
            out.push(match &a.count {
                AdjustCount::Per(e) | AdjustCount::When(e) => e,
            });
            out.push(&a.amount);
            out.extend(&a.most);
        }
        out.extend(&self.cap);
        out.extend(&self.floor);
        out
    }
}

/// `[项 属于 绩效管理]`: one value per leaf of an indicator tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Binder {
    pub var: Ident,
    pub tree: Ident,
}

#[derive(Clone, Debug)]
pub struct Rounding {
    pub places: Node<u32>,
    pub rule: RoundRule,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundRule {
    /// 四舍五入: half away from zero.
    HalfUp,
    /// 截断: toward zero.
    Truncate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Require {
    pub binder: Option<Binder>,
    pub condition: ExprNode,
    pub refs: Vec<ArticleRef>,
    pub message: Option<Node<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grade {
    pub name: Ident,
    pub subject: ExprNode,
    pub refs: Vec<ArticleRef>,
    pub bands: Vec<Band>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub name: Ident,
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
    /// Whole-number cut-offs as the article writes them (`70 至 89`, `90 以上`, `59 以下`),
    /// instead of `lower` and `upper`.
    pub whole: Option<WholeBand>,
    pub refs: Vec<ArticleRef>,
}

/// Whole-number cut-offs: `70 至 89` is ≥ 70 and < 90, so that a score between two whole
/// numbers (89.5) falls in the band below the next cut-off, as the bands meet.
#[derive(Clone, Debug, PartialEq)]
pub enum WholeBand {
    /// `70 至 89`
    Range(Node<Decimal>, Node<Decimal>),
    /// `90 以上`
    Above(Node<Decimal>),
    /// `59 以下`
    Below(Node<Decimal>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bound {
    /// `≥` / `≤` when true, `>` / `<` when false.
    pub inclusive: bool,
    pub value: ExprNode,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rank {
    pub name: Ident,
    pub by: ExprNode,
    pub within: Option<Ident>,
    pub ascending: bool,
    pub refs: Vec<ArticleRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    Unit,
    Score,
    Grade,
    Rank,
    Category,
    Flag,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Role {
    pub kind: Node<RoleKind>,
    pub target: Ident,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    pub name: Ident,
    pub record: Node<Literal>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TestCase {
    pub name: Node<String>,
    pub items: Vec<TestItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TestItem {
    /// `设定 优秀线 = 85`: a parameter for this case.
    Set(Ident, Node<Literal>),
    /// `单位 基准 { … }`: a record, optionally on top of a sample.
    Unit { base: Option<Ident>, record: Node<Literal> },
    /// `期望 …`: expectations about the unit before it.
    Expect(Vec<Expectation>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expectation {
    Value { name: Ident, key: Option<Ident>, approx: bool, value: Node<Literal> },
    Error(Node<String>),
}

/// The built-in functions, by their Chinese and English names.
pub const FUNCTIONS: &[(&str, &str)] = &[
    ("最小", "min"),
    ("最大", "max"),
    ("合计", "sum"),
    ("平均", "mean"),
    ("个数", "length"),
    ("因子", "factor"),
    ("计数", "count_of"),
    ("汇总", "rollup"),
    ("有", "given"),
    ("向下取整", "floor_int"),
    ("向上取整", "ceil_int"),
    ("比例", "ratio"),
];

/// The value of a written number: `87.125`, `20%` (0.2), `5分` (5).
pub fn literal_number(text: &str) -> Option<Decimal> {
    match text.strip_suffix('%') {
        Some(n) => crate::number::parse_decimal(n).and_then(|d| d.checked_div(Decimal::ONE_HUNDRED)),
        None => crate::number::parse_decimal(text.trim_end_matches(['分', 't']).trim_end_matches('p')),
    }
}

/// Data written in a file (samples and test cases): JSON with bare words allowed.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Number(String),
    Text(String),
    Word(String),
    Bool(bool),
    None,
    List(Vec<Node<Literal>>),
    Object(Vec<(Ident, Node<Literal>)>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// `60分`, `10%`, `0.5`. `value` is as written (10% is 10 with unit Percent).
    Quantity {
        value: Decimal,
        unit: Option<UnitSuffix>,
    },
    /// `总分`, `绩效委评价[职责任务]`, `项目.权重`
    Path {
        head: Ident,
        steps: Vec<Step>,
    },
    Call {
        func: Ident,
        args: Vec<ExprNode>,
    },
    Unary {
        op: Node<UnaryOp>,
        operand: Box<ExprNode>,
    },
    Binary {
        op: Node<BinaryOp>,
        lhs: Box<ExprNode>,
        rhs: Box<ExprNode>,
    },
    If {
        condition: Box<ExprNode>,
        then: Box<ExprNode>,
        otherwise: Box<ExprNode>,
    },
    Match {
        subject: Box<ExprNode>,
        arms: Vec<(Ident, ExprNode)>,
    },
    /// `无`: no value.
    Nothing,
    /// `是` / `否`
    Bool(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitSuffix {
    Percent,
    Points,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Index(Ident),
    Field(Ident),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "−",
            BinaryOp::Mul => "×",
            BinaryOp::Div => "÷",
            BinaryOp::Eq => "=",
            BinaryOp::Ne => "≠",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "≤",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => "≥",
            BinaryOp::And => "且",
            BinaryOp::Or => "或",
        }
    }
}

// Equality of syntax ignores where things were written (as `Node` does).

impl PartialEq for DataType {
    fn eq(&self, o: &Self) -> bool {
        self.optional == o.optional && self.body == o.body && self.limits == o.limits
    }
}

impl PartialEq for TypeLimit {
    fn eq(&self, o: &Self) -> bool {
        match (self, o) {
            (TypeLimit::NonEmpty(_), TypeLimit::NonEmpty(_)) => true,
            (TypeLimit::Items(a, b), TypeLimit::Items(c, d)) | (TypeLimit::Range(a, b), TypeLimit::Range(c, d)) => {
                a == c && b == d
            }
            (TypeLimit::Bound(o, a), TypeLimit::Bound(p, b)) => o == p && a == b,
            _ => false,
        }
    }
}

impl PartialEq for Adjustment {
    fn eq(&self, o: &Self) -> bool {
        self.count == o.count && self.amount == o.amount && self.bonus == o.bonus && self.most == o.most
    }
}

impl PartialEq for Rounding {
    fn eq(&self, o: &Self) -> bool {
        self.places == o.places && self.rule == o.rule
    }
}
