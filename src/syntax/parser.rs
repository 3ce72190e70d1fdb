//! pest pairs → syntax tree, one function per node kind. The only place that sees a `Pair`.

use std::sync::LazyLock;

use pest::Parser as _;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use rust_decimal::Decimal;

use crate::number::parse_decimal;

use super::ast::*;
use super::err;
use crate::diagnostic::Diagnostic;
use crate::source::{Node, SourceFile, Span};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/jixiao.pest"]
struct Grammar;

type R<T> = Result<T, Diagnostic>;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::kw_or, Assoc::Left))
        .op(Op::infix(Rule::kw_and, Assoc::Left))
        .op(Op::infix(Rule::equals, Assoc::Left)
            | Op::infix(Rule::ne, Assoc::Left)
            | Op::infix(Rule::ge, Assoc::Left)
            | Op::infix(Rule::le, Assoc::Left)
            | Op::infix(Rule::gt, Assoc::Left)
            | Op::infix(Rule::lt, Assoc::Left))
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left) | Op::infix(Rule::div, Assoc::Left))
        .op(Op::prefix(Rule::neg) | Op::prefix(Rule::not))
});

pub fn parse_file(source: &SourceFile) -> Result<File, Vec<Diagnostic>> {
    let mut pairs = match Grammar::parse(Rule::file, &source.text) {
        Ok(pairs) => pairs,
        Err(e) => return Err(vec![err::syntax_error(source, e)]),
    };
    let Some(file) = pairs.next() else { return Ok(File::default()) };
    let builder = Builder { source };
    let mut decls = Vec::new();
    let mut errors = Vec::new();
    for pair in file.into_inner() {
        if pair.as_rule() == Rule::EOI {
            continue;
        }
        let span = builder.span(&pair);
        match builder.decl(pair) {
            Ok(decl) => decls.push(Node::new(decl, span)),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(File { decls }) } else { Err(errors) }
}

/// Every name and article reference of a file that parses, in the order written; nothing for
/// one that does not.
pub fn words(source: &SourceFile) -> Vec<super::Word> {
    let Ok(pairs) = Grammar::parse(Rule::file, &source.text) else { return Vec::new() };
    pairs
        .flatten()
        .filter_map(|p| {
            let kind = match p.as_rule() {
                Rule::name => super::WordKind::Name,
                Rule::article_ref => super::WordKind::Article,
                _ => return None,
            };
            Some(super::Word { kind, span: Span::new(p.as_span().start(), p.as_span().end()) })
        })
        .collect()
}

/// How far the grammar reads `text`: where its first syntax error is, or `usize::MAX` when
/// it has none. For trying a repair (`syntax::typo`); only called on a prefix of a file that
/// passed the prescan, so nesting stays bounded.
pub(super) fn furthest(text: &str) -> usize {
    match Grammar::parse(Rule::file, text) {
        Ok(_) => usize::MAX,
        Err(e) => err::position(&e),
    }
}

struct Builder<'s> {
    source: &'s SourceFile,
}

impl Builder<'_> {
    /// A pair's span without the whitespace and comments pest may leave at its end.
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(s.start(), s.start() + code_end(s.as_str()))
    }

    fn ident(&self, pair: Pair<Rule>) -> Ident {
        Node::new(pair.as_str().to_string(), self.span(&pair))
    }

    fn text(&self, pair: Pair<Rule>) -> Node<String> {
        let span = self.span(&pair);
        let inner = pair.into_inner().next().map(|p| p.as_str().to_string()).unwrap_or_default();
        Node::new(inner, span)
    }

    fn decl(&self, pair: Pair<Rule>) -> R<Decl> {
        Ok(match pair.as_rule() {
            Rule::header => Decl::Header(self.header(pair)),
            Rule::article_text => {
                let mut it = pair.into_inner().skip(1);
                let article = self.next_ident(&mut it);
                let text = it.next().map(|p| self.text(p)).unwrap_or_else(|| Node::new(String::new(), article.span));
                Decl::Article(ArticleText { article, text })
            }
            Rule::scale => Decl::Scale(self.scale(pair)?),
            Rule::indicator => {
                let node = pair.into_inner().nth(1).map(|p| self.node(p)).transpose()?;
                Decl::Indicator(grammar(node, "indicator has a node"))
            }
            Rule::input => Decl::Input(self.input(pair)?),
            Rule::param => {
                let mut it = pair.into_inner().skip(1);
                let name = self.next_ident(&mut it);
                it.next(); // =
                let value = self.expr(grammar(it.next(), "param value"))?;
                let refs = it.next().map(|p| self.refs(p)).unwrap_or_default();
                Decl::Param(Param { name, value, refs })
            }
            Rule::let_decl => Decl::Let(Box::new(self.let_decl(pair)?)),
            Rule::require => Decl::Require(self.require(pair)?),
            Rule::grade => Decl::Grade(self.grade(pair)?),
            Rule::rank => Decl::Rank(self.rank(pair)?),
            Rule::publish => Decl::Publish(self.publish(pair)),
            Rule::sample => {
                let mut it = pair.into_inner().skip(1);
                let name = self.next_ident(&mut it);
                let record = self.literal(grammar(it.next(), "sample body"))?;
                Decl::Sample(Sample { name, record })
            }
            Rule::test => Decl::Test(self.test(pair)?),
            // PANIC SAFETY: pest only builds trees the grammar allows; no other rule reaches here.
            r => unreachable!("grammar: not a declaration: {r:?}"),
        })
    }

    fn next_ident<'i>(&self, it: &mut impl Iterator<Item = Pair<'i, Rule>>) -> Ident {
        let pair = grammar(it.next(), "a name is required here");
        self.ident(pair)
    }

    fn header(&self, pair: Pair<Rule>) -> Header {
        let mut it = pair.into_inner().skip(1);
        let title = self.text(grammar(it.next(), "title"));
        let clauses = it
            .map(|clause| {
                let mut parts = clause.into_inner();
                let kw = grammar(parts.next(), "clause keyword");
                let field = match kw.as_rule() {
                    Rule::kw_docno => HeaderField::DocNumber,
                    Rule::kw_issuer => HeaderField::Issuer,
                    Rule::kw_issued => HeaderField::Issued,
                    _ => HeaderField::Effective,
                };
                let value = grammar(parts.next(), "clause value");
                let value = if value.as_rule() == Rule::string { self.text(value) } else { self.ident(value) };
                (field, value)
            })
            .collect();
        Header { title, clauses }
    }

    fn refs(&self, pair: Pair<Rule>) -> Vec<ArticleRef> {
        pair.into_inner().filter(|p| p.as_rule() == Rule::article_ref).map(|p| self.ident(p)).collect()
    }

    fn scale(&self, pair: Pair<Rule>) -> R<Scale> {
        let mut it = pair.into_inner().skip(1);
        let name = self.next_ident(&mut it);
        let mut refs = Vec::new();
        let mut levels = Vec::new();
        for p in it {
            match p.as_rule() {
                Rule::refs => refs = self.refs(p),
                Rule::level => {
                    let mut parts = p.into_inner();
                    let name = self.next_ident(&mut parts);
                    parts.next(); // =
                    let factor = self.expr(grammar(parts.next(), "level"))?;
                    let refs = parts.next().map(|r| self.refs(r)).unwrap_or_default();
                    levels.push(Level { name, factor, refs });
                }
                _ => {}
            }
        }
        Ok(Scale { name, refs, levels })
    }

    fn node(&self, pair: Pair<Rule>) -> R<IndicatorNode> {
        let mut it = pair.into_inner();
        let name = self.next_ident(&mut it);
        let mut node = IndicatorNode { name, points: None, weight: None, refs: Vec::new(), children: Vec::new() };
        for p in it {
            match p.as_rule() {
                Rule::points => node.points = Some(self.expr(last_inner(p))?),
                Rule::weight => node.weight = Some(self.expr(last_inner(p))?),
                Rule::refs => node.refs.extend(self.refs(p)),
                Rule::children => {
                    for child in p.into_inner() {
                        node.children.push(self.node(child)?);
                    }
                }
                _ => {}
            }
        }
        Ok(node)
    }

    fn input(&self, pair: Pair<Rule>) -> R<Input> {
        let mut it = pair.into_inner().skip(1);
        let name = self.next_ident(&mut it);
        let ty = self.data_type(grammar(it.next(), "input type"))?;
        let mut input = Input { name, field: None, ty, default: None, refs: Vec::new() };
        for p in it {
            match p.as_rule() {
                Rule::default_value => input.default = Some(self.literal(last_inner(p))?),
                Rule::field_name => input.field = Some(self.text(last_inner(p))),
                Rule::refs => input.refs.extend(self.refs(p)),
                _ => {}
            }
        }
        Ok(input)
    }

    fn data_type(&self, pair: Pair<Rule>) -> R<DataType> {
        let span = self.span(&pair);
        let mut optional = false;
        let mut body = None;
        let mut limits = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::optional => optional = true,
                Rule::nonempty => limits.push(TypeLimit::NonEmpty(self.span(&p))),
                Rule::items => {
                    let mut exprs = p.into_inner().filter(|q| q.as_rule() == Rule::expr);
                    let a = self.expr(grammar(exprs.next(), "item count"))?;
                    let b = exprs.next().map(|q| self.expr(q)).transpose()?.unwrap_or_else(|| a.clone());
                    limits.push(TypeLimit::Items(a, b));
                }
                Rule::range => {
                    let (a, b) = self.two_exprs(p)?;
                    limits.push(TypeLimit::Range(a, b));
                }
                Rule::bound_limit => {
                    let mut it = p.into_inner();
                    let op = binary_op(grammar(it.next(), "bound operator").as_rule());
                    let bound = self.expr(grammar(it.next(), "bound value"))?;
                    limits.push(TypeLimit::Bound(op, bound));
                }
                _ => body = Some(self.type_body(p)?),
            }
        }
        let body = grammar(body, "a type has a body");
        Ok(DataType { optional, body, limits, span })
    }

    fn two_exprs(&self, pair: Pair<Rule>) -> R<(ExprNode, ExprNode)> {
        let mut exprs = pair.into_inner().filter(|p| p.as_rule() == Rule::expr);
        let a = self.expr(grammar(exprs.next(), "from"))?;
        let b = self.expr(grammar(exprs.next(), "to"))?;
        Ok((a, b))
    }

    fn type_body(&self, pair: Pair<Rule>) -> R<TypeBody> {
        let rule = pair.as_rule();
        let mut it = pair.into_inner();
        Ok(match rule {
            Rule::list_type => TypeBody::List(Box::new(self.data_type(last(it))?)),
            // PANIC SAFETY: data_type reads element types itself and never passes one here.
            Rule::element_type => unreachable!("grammar: element types are read by data_type"),
            Rule::tally_type => TypeBody::Tally(self.ident(last(it))),
            Rule::each_type => {
                it.next();
                let tree = self.next_ident(&mut it);
                TypeBody::Each { tree, item: Box::new(self.data_type(last(it))?) }
            }
            Rule::record_type => {
                let mut fields = Vec::new();
                for f in it.filter(|p| p.as_rule() == Rule::field_type) {
                    let mut parts = f.into_inner();
                    let name = self.next_ident(&mut parts);
                    fields.push((name, self.data_type(last(parts))?));
                }
                TypeBody::Record(fields)
            }
            Rule::oneof_type => {
                TypeBody::OneOf(it.filter(|p| p.as_rule() == Rule::name).map(|p| self.ident(p)).collect())
            }
            Rule::text_type => TypeBody::Text,
            Rule::count_type => TypeBody::Count,
            Rule::score_type => TypeBody::Score,
            Rule::number_type => TypeBody::Number,
            Rule::yesno_type => TypeBody::YesNo,
            Rule::percent_type => TypeBody::Percent,
            Rule::named_type => TypeBody::Named(self.ident(last(it))),
            // PANIC SAFETY: pest only builds trees the grammar allows; no other rule reaches here.
            r => unreachable!("grammar: not a type: {r:?}"),
        })
    }

    fn binder(&self, pair: Pair<Rule>) -> Binder {
        let mut names = pair.into_inner().filter(|p| p.as_rule() == Rule::name);
        let var = self.next_ident(&mut names);
        let tree = self.next_ident(&mut names);
        Binder { var, tree }
    }

    fn let_decl(&self, pair: Pair<Rule>) -> R<Let> {
        let mut it = pair.into_inner().skip(1);
        let name = self.next_ident(&mut it);
        let mut binder = None;
        let mut expr = None;
        let mut l = Let {
            name,
            binder: None,
            expr: Node::new(
                Expr::Path { head: Node::new(String::new(), Span::default()), steps: vec![] },
                Span::default(),
            ),
            adjustments: Vec::new(),
            to_zero: None,
            cap: None,
            floor: None,
            rounding: None,
            refs: Vec::new(),
        };
        for p in it {
            match p.as_rule() {
                Rule::binder => binder = Some(self.binder(p)),
                Rule::expr => expr = Some(self.expr(p)?),
                Rule::adjustment => l.adjustments.push(self.adjustment(p)?),
                Rule::to_zero => l.to_zero = Some(Node::new((), self.span(&p))),
                Rule::cap => l.cap = Some(self.expr(last_inner(p))?),
                Rule::floor => l.floor = Some(self.expr(last_inner(p))?),
                Rule::rounding => l.rounding = Some(self.rounding(p)?),
                Rule::refs => l.refs.extend(self.refs(p)),
                _ => {}
            }
        }
        l.binder = binder;
        l.expr = grammar(expr, "let has a formula");
        Ok(l)
    }

    fn adjustment(&self, pair: Pair<Rule>) -> R<Adjustment> {
        let span = self.span(&pair);
        let mut bonus = false;
        let mut when = false;
        let mut exprs = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::kw_add_bonus => bonus = true,
                Rule::kw_if => when = true,
                Rule::expr => exprs.push(self.expr(p)?),
                _ => {}
            }
        }
        let mut exprs = exprs.into_iter();
        let first = grammar(exprs.next(), "adjustment count or amount");
        let second = grammar(exprs.next(), "adjustment amount or condition");
        let (count, amount) = if when { (AdjustCount::When(second), first) } else { (AdjustCount::Per(first), second) };
        Ok(Adjustment { count, amount, bonus, most: exprs.next(), span })
    }

    fn rounding(&self, pair: Pair<Rule>) -> R<Rounding> {
        let span = self.span(&pair);
        let mut places = None;
        let mut rule = RoundRule::HalfUp;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::integer => {
                    let s = self.span(&p);
                    let n = digits(p.as_str()).parse::<u32>().ok().filter(|n| *n <= 10);
                    let n = n.ok_or_else(|| err::bad_places(self.source, s))?;
                    places = Some(Node::new(n, s));
                }
                Rule::round_rule if p.into_inner().next().map(|k| k.as_rule()) == Some(Rule::kw_truncate) => {
                    rule = RoundRule::Truncate;
                }
                _ => {}
            }
        }
        let places = grammar(places, "places");
        Ok(Rounding { places, rule, span })
    }

    fn require(&self, pair: Pair<Rule>) -> R<Require> {
        let mut r = Require {
            binder: None,
            condition: Node::new(Expr::Quantity { value: Decimal::ZERO, unit: None }, Span::default()),
            refs: Vec::new(),
            message: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::binder => r.binder = Some(self.binder(p)),
                Rule::expr => r.condition = self.expr(p)?,
                Rule::refs => r.refs = self.refs(p),
                Rule::string => r.message = Some(self.text(p)),
                _ => {}
            }
        }
        Ok(r)
    }

    fn grade(&self, pair: Pair<Rule>) -> R<Grade> {
        let mut it = pair.into_inner().skip(1);
        let name = self.next_ident(&mut it);
        it.next(); // 按
        let subject = self.expr(grammar(it.next(), "grade subject"))?;
        let mut g = Grade { name, subject, refs: Vec::new(), bands: Vec::new() };
        for p in it {
            match p.as_rule() {
                Rule::refs => g.refs = self.refs(p),
                Rule::band => g.bands.push(self.band(p)?),
                _ => {}
            }
        }
        Ok(g)
    }

    fn band(&self, pair: Pair<Rule>) -> R<Band> {
        let mut it = pair.into_inner();
        let name = self.next_ident(&mut it);
        let mut band = Band { name, lower: None, upper: None, whole: None, refs: Vec::new() };
        for p in it {
            match p.as_rule() {
                Rule::whole_range => {
                    let mut c = p.into_inner().filter(|q| q.as_rule() == Rule::cutoff);
                    let a = self.cutoff(grammar(c.next(), "from"))?;
                    let b = self.cutoff(grammar(c.next(), "to"))?;
                    band.whole = Some(WholeBand::Range(a, b));
                }
                Rule::whole_above => band.whole = Some(WholeBand::Above(self.cutoff(first_inner(p))?)),
                Rule::whole_below => band.whole = Some(WholeBand::Below(self.cutoff(first_inner(p))?)),
                Rule::lower_bound => band.lower = Some(self.bound(p, Rule::ge)?),
                Rule::upper_bound => band.upper = Some(self.bound(p, Rule::le)?),
                Rule::refs => band.refs = self.refs(p),
                _ => {}
            }
        }
        Ok(band)
    }

    /// `70`, `89分`: a whole-number cut-off as written.
    fn cutoff(&self, pair: Pair<Rule>) -> R<Node<Decimal>> {
        let span = self.span(&pair);
        let digits = pair.as_str().trim_end_matches(['分', 't']).trim_end_matches('p');
        let value = parse_decimal(digits).ok_or_else(|| err::bad_number(self.source, span))?;
        Ok(Node::new(value, span))
    }

    fn bound(&self, pair: Pair<Rule>, inclusive_rule: Rule) -> R<Bound> {
        let mut it = pair.into_inner();
        let op = grammar(it.next(), "bound operator");
        let value = self.expr(grammar(it.next(), "bound value"))?;
        Ok(Bound { inclusive: op.as_rule() == inclusive_rule, value })
    }

    fn rank(&self, pair: Pair<Rule>) -> R<Rank> {
        let mut it = pair.into_inner().skip(1);
        let name = self.next_ident(&mut it);
        it.next(); // 按
        let by = self.expr(grammar(it.next(), "rank key"))?;
        let mut r = Rank { name, by, within: None, ascending: false, refs: Vec::new() };
        for p in it {
            match p.as_rule() {
                Rule::within => r.within = Some(self.ident(last_inner(p))),
                Rule::ascending => r.ascending = true,
                Rule::refs => r.refs.extend(self.refs(p)),
                _ => {}
            }
        }
        Ok(r)
    }

    fn publish(&self, pair: Pair<Rule>) -> Vec<Role> {
        pair.into_inner()
            .filter(|p| p.as_rule() == Rule::role)
            .map(|p| {
                let mut it = p.into_inner();
                let kw = grammar(it.next(), "role");
                let kind = match kw.as_str() {
                    "单位" | "unit" => RoleKind::Unit,
                    "得分" | "score" => RoleKind::Score,
                    "等次" | "grade" => RoleKind::Grade,
                    "排名" | "rank" => RoleKind::Rank,
                    "标记" | "flag" => RoleKind::Flag,
                    _ => RoleKind::Category,
                };
                let kind = Node::new(kind, self.span(&kw));
                Role { kind, target: self.next_ident(&mut it) }
            })
            .collect()
    }

    fn test(&self, pair: Pair<Rule>) -> R<TestCase> {
        let mut it = pair.into_inner().skip(1);
        let name = self.text(grammar(it.next(), "test name"));
        let mut items = Vec::new();
        for p in it {
            match p.as_rule() {
                Rule::test_set => {
                    let mut parts = p.into_inner().skip(1);
                    let name = self.next_ident(&mut parts);
                    parts.next(); // =
                    let value = self.literal(last(parts))?;
                    items.push(TestItem::Set(name, value));
                }
                Rule::test_unit => {
                    let mut base = None;
                    let mut record = None;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::name => base = Some(self.ident(q)),
                            Rule::object => record = Some(self.literal(q)?),
                            _ => {}
                        }
                    }
                    let record = grammar(record, "unit record");
                    items.push(TestItem::Unit { base, record });
                }
                Rule::test_expect => {
                    let exps = p.into_inner().filter(|q| q.as_rule() == Rule::expectation);
                    items.push(TestItem::Expect(exps.map(|q| self.expectation(q)).collect::<R<_>>()?));
                }
                _ => {}
            }
        }
        Ok(TestCase { name, items })
    }

    fn expectation(&self, pair: Pair<Rule>) -> R<Expectation> {
        let mut it = pair.into_inner();
        let first = grammar(it.next(), "expectation");
        if first.as_rule() == Rule::expect_error {
            let code = last_inner(first);
            return Ok(Expectation::Error(self.ident(code)));
        }
        let mut path = first.into_inner();
        let name = self.next_ident(&mut path);
        let key = path.next().map(|k| self.ident(k));
        let op = grammar(it.next(), "expectation operator");
        let value = self.literal(last(it))?;
        Ok(Expectation::Value { name, key, approx: op.as_rule() == Rule::approx, value })
    }

    fn literal(&self, pair: Pair<Rule>) -> R<Node<Literal>> {
        let span = self.span(&pair);
        let lit = match pair.as_rule() {
            Rule::object => {
                let mut entries = Vec::new();
                for e in pair.into_inner() {
                    let mut parts = e.into_inner();
                    let key = grammar(parts.next(), "entry key");
                    let key = if key.as_rule() == Rule::string { self.text(key) } else { self.ident(key) };
                    entries.push((key, self.literal(last(parts))?));
                }
                Literal::Object(entries)
            }
            Rule::array => Literal::List(pair.into_inner().map(|p| self.literal(p)).collect::<R<_>>()?),
            Rule::signed_number => {
                let value = parse_decimal(pair.as_str()).ok_or_else(|| err::bad_number(self.source, span))?;
                Literal::Number(value.to_string())
            }
            Rule::expected_quantity => {
                let mut it = pair.into_inner();
                let number = grammar(it.next(), "quantity number");
                let percent = it.next().is_some_and(|u| matches!(u.as_str(), "%" | "％"));
                let value =
                    parse_decimal(number.as_str()).ok_or_else(|| err::bad_number(self.source, self.span(&number)))?;
                // Kept as written (`20%`), so that fmt prints it so; read by `literal_number`.
                Literal::Number(format!("{value}{}", if percent { "%" } else { "分" }))
            }
            Rule::string => Literal::Text(self.text(pair).node),
            Rule::boolean => Literal::Bool(last_inner(pair).as_rule() == Rule::kw_true),
            Rule::none => Literal::None,
            Rule::name => Literal::Word(pair.as_str().to_string()),
            // PANIC SAFETY: pest only builds trees the grammar allows; no other rule reaches here.
            r => unreachable!("grammar: not a literal: {r:?}"),
        };
        Ok(Node::new(lit, span))
    }

    // ------------------------------------------------------------------ formulas

    fn expr(&self, pair: Pair<Rule>) -> R<ExprNode> {
        self.expr_depth(pair).map(|(e, _)| e)
    }

    /// Builds a formula, tracking its depth so that no tree deeper than `MAX_DEPTH` is
    /// ever built (later stages recurse over it).
    fn expr_depth(&self, pair: Pair<Rule>) -> R<(ExprNode, usize)> {
        let whole = self.span(&pair);
        PRATT
            .map_primary(|p| self.operand(p))
            .map_prefix(|op, rhs| {
                let (rhs, depth) = rhs?;
                let span = self.span(&op).to(rhs.span);
                let op = Node::new(if op.as_rule() == Rule::neg { UnaryOp::Neg } else { UnaryOp::Not }, self.span(&op));
                self.deep(Expr::Unary { op, operand: Box::new(rhs) }, span, depth + 1)
            })
            .map_infix(|lhs, op, rhs| {
                let (lhs, ld) = lhs?;
                let (rhs, rd) = rhs?;
                let span = lhs.span.to(rhs.span);
                let op = Node::new(binary_op(op.as_rule()), self.span(&op));
                self.deep(Expr::Binary { op, lhs: Box::new(lhs), rhs: Box::new(rhs) }, span, ld.max(rd) + 1)
            })
            .parse(pair.into_inner())
            .map_err(|e| if e.span() == Some(Span::default()) { e.label(whole, "in this formula") } else { e })
    }

    fn deep(&self, expr: Expr, span: Span, depth: usize) -> R<(ExprNode, usize)> {
        if depth > super::MAX_DEPTH {
            return Err(err::formula_too_deep(self.source, span));
        }
        Ok((Node::new(expr, span), depth))
    }

    fn operand(&self, pair: Pair<Rule>) -> R<(ExprNode, usize)> {
        let span = self.span(&pair);
        match pair.as_rule() {
            // The brackets belong to the formula's text (explanations quote it).
            Rule::paren => self.expr_depth(last_inner(pair)).map(|(e, d)| (Node::new(e.node, span), d)),
            Rule::quantity => {
                let mut it = pair.into_inner();
                let number = grammar(it.next(), "quantity number");
                let value =
                    parse_decimal(number.as_str()).ok_or_else(|| err::bad_number(self.source, self.span(&number)))?;
                let unit = it.next().map(|u| match u.as_str() {
                    "%" | "％" => UnitSuffix::Percent,
                    _ => UnitSuffix::Points,
                });
                Ok((Node::new(Expr::Quantity { value, unit }, span), 1))
            }
            Rule::path => {
                let mut it = pair.into_inner();
                let head = self.next_ident(&mut it);
                let steps: Vec<Step> =
                    it.map(|p| {
                        if p.as_rule() == Rule::key { Step::Field(self.ident(p)) } else { Step::Index(self.ident(p)) }
                    })
                    .collect();
                Ok((Node::new(Expr::Path { head, steps }, span), 1))
            }
            Rule::call => {
                let mut it = pair.into_inner();
                let func = self.next_ident(&mut it);
                let mut args = Vec::new();
                let mut depth = 0;
                for p in it {
                    let (arg, d) = self.expr_depth(p)?;
                    depth = depth.max(d);
                    args.push(arg);
                }
                self.deep(Expr::Call { func, args }, span, depth + 1)
            }
            Rule::conditional => {
                // 如果 c1 则 t1 否则 如果 c2 则 t2 … 否则 e, built from the end.
                let mut parts = Vec::new();
                for p in pair.into_inner().filter(|p| p.as_rule() == Rule::branch) {
                    parts.push(self.expr_depth(p)?);
                }
                let (mut acc, mut depth) = grammar(parts.pop(), "else part");
                while let (Some((then, dt)), Some((condition, dc))) = (parts.pop(), parts.pop()) {
                    depth = depth.max(dt).max(dc) + 1;
                    let e = Expr::If { condition: Box::new(condition), then: Box::new(then), otherwise: Box::new(acc) };
                    acc = self.deep(e, span, depth)?.0;
                }
                Ok((acc, depth))
            }
            Rule::matching => {
                let mut it = pair.into_inner().skip(1);
                let (subject, mut depth) = self.expr_depth(grammar(it.next(), "match subject"))?;
                let mut arms = Vec::new();
                for arm in it {
                    let mut parts = arm.into_inner();
                    let label = self.next_ident(&mut parts);
                    let (value, d) = self.expr_depth(last(parts))?;
                    depth = depth.max(d);
                    arms.push((label, value));
                }
                self.deep(Expr::Match { subject: Box::new(subject), arms }, span, depth + 1)
            }
            Rule::none => Ok((Node::new(Expr::Nothing, span), 1)),
            Rule::boolean => Ok((Node::new(Expr::Bool(last_inner(pair).as_rule() == Rule::kw_true), span), 1)),
            // PANIC SAFETY: pest only builds trees the grammar allows; no other rule reaches here.
            r => unreachable!("grammar: not an operand: {r:?}"),
        }
    }
}

/// The length of `text` up to its last character of code (not whitespace, not a comment).
fn code_end(text: &str) -> usize {
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' | '“' => {
                let close = if c == '"' { '"' } else { '”' };
                end = text.len();
                for (j, d) in chars.by_ref() {
                    if d == close {
                        end = j + d.len_utf8();
                        break;
                    }
                }
            }
            '#' => skip_comment(&mut chars),
            '/' if chars.peek().map(|(_, n)| *n) == Some('/') => skip_comment(&mut chars),
            c if c.is_whitespace() => {}
            c => end = i + c.len_utf8(),
        }
    }
    end
}

fn skip_comment(chars: &mut std::iter::Peekable<std::str::CharIndices>) {
    while chars.peek().is_some_and(|(_, c)| *c != '\n' && *c != '\r') {
        chars.next();
    }
}

fn binary_op(rule: Rule) -> BinaryOp {
    match rule {
        Rule::add => BinaryOp::Add,
        Rule::sub => BinaryOp::Sub,
        Rule::mul => BinaryOp::Mul,
        Rule::div => BinaryOp::Div,
        Rule::equals => BinaryOp::Eq,
        Rule::ne => BinaryOp::Ne,
        Rule::lt => BinaryOp::Lt,
        Rule::le => BinaryOp::Le,
        Rule::gt => BinaryOp::Gt,
        Rule::ge => BinaryOp::Ge,
        Rule::kw_and => BinaryOp::And,
        Rule::kw_or => BinaryOp::Or,
        // PANIC SAFETY: pest only builds trees the grammar allows; no other rule reaches here.
        r => unreachable!("grammar: not an operator: {r:?}"),
    }
}

fn last<'i>(it: impl Iterator<Item = Pair<'i, Rule>>) -> Pair<'i, Rule> {
    grammar(it.last(), "a part is required here")
}

fn first_inner(pair: Pair<'_, Rule>) -> Pair<'_, Rule> {
    grammar(pair.into_inner().next(), "a part is required here")
}

fn last_inner(pair: Pair<'_, Rule>) -> Pair<'_, Rule> {
    last(pair.into_inner())
}

/// Full-width digits and points (typed by a Chinese input method) as ASCII.
fn normalise_number(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '−' | '－' => '-',
            c => c,
        })
        .collect()
}

fn digits(s: &str) -> String {
    normalise_number(s)
}

/// A part the grammar makes required: present in every tree pest builds.
fn grammar<T>(part: Option<T>, what: &str) -> T {
    // PANIC SAFETY: the rule that holds this part requires it, and pest builds no tree without it.
    part.unwrap_or_else(|| unreachable!("grammar: {what}"))
}
