//! First pass: every declaration's name, and everything that does not depend on formulas
//! (header, articles, scales, indicator trees, input shapes, parameters).

use super::{Checker, Slot, Symbol, err};
use crate::lang::msg;
use crate::number::Number;
use crate::program::*;
use crate::source::Span;
use crate::syntax::ast::{self, Decl, HeaderField, TypeBody, TypeLimit};

impl<'a> Checker<'a> {
    pub(super) fn collect(&mut self, file: &'a ast::File) {
        // Grades' labels first: an input may be typed by a grade (上年等次：可选 等次).
        for decl in &file.decls {
            if let Decl::Grade(g) = &decl.node {
                self.no_duplicates(g.bands.iter().map(|b| &b.name));
                let labels = g.bands.iter().map(|b| b.name.node.clone()).collect();
                self.label_sets.push(labels);
                self.grade_labels.insert(g.name.node.clone(), self.label_sets.len() - 1);
            }
        }
        let headers: Vec<&ast::Ident> = file
            .decls
            .iter()
            .filter_map(|d| if let Decl::Header(h) = &d.node { Some(&h.title) } else { None })
            .collect();
        match headers.as_slice() {
            [] => self.diags.push(err::no_header(Span::new(0, 0))),
            [_] => {}
            [first, second, ..] => self.diags.push(err::duplicate(second.span, first.span, "办法")),
        }
        self.no_duplicates(
            file.decls.iter().filter_map(|d| if let Decl::Article(a) = &d.node { Some(&a.article) } else { None }),
        );
        self.no_duplicates(
            file.decls.iter().filter_map(|d| if let Decl::Test(t) = &d.node { Some(&t.name) } else { None }),
        );
        for decl in &file.decls {
            match &decl.node {
                Decl::Header(h) => self.header(h),
                Decl::Article(a) => {
                    self.articles.insert(a.article.node.clone(), a.text.node.clone());
                }
                Decl::Scale(s) => self.scale(s),
                Decl::Indicator(node) => {
                    self.indicator(node, None);
                }
                Decl::Param(p) => self.param(p),
                _ => {}
            }
        }
        for decl in &file.decls {
            match &decl.node {
                Decl::Input(i) => self.input(i),
                Decl::Let(l) => self.declare_value(&l.name, &decl.node),
                Decl::Grade(ast::Grade { name, .. }) | Decl::Rank(ast::Rank { name, .. }) => {
                    self.declare_value(name, &decl.node)
                }
                _ => {}
            }
        }
        self.check_trees();
    }

    /// A computed value, grade or ranking, by its name: checked later, in dependency order.
    fn declare_value(&mut self, name: &ast::Ident, decl: &'a Decl) {
        self.declare(name, Symbol::Value(self.slots.len()));
        self.slots.push(Slot { name: name.node.clone(), span: name.span, decl, ty: None, def: None });
    }

    fn header(&mut self, h: &ast::Header) {
        self.header.title = h.title.node.clone();
        for (field, value) in &h.clauses {
            if matches!(field, HeaderField::Issued | HeaderField::Effective) && !is_date(&value.node) {
                self.diags.push(err::bad_date(value.span, &value.node));
            }
            let v = Some(value.node.clone());
            match field {
                HeaderField::DocNumber => self.header.doc_number = v,
                HeaderField::Issuer => self.header.issuer = v,
                HeaderField::Issued => self.header.issued = v,
                HeaderField::Effective => self.header.effective = v,
            }
        }
    }

    /// Reports each name that repeats an earlier one of the same list (levels, fields …).
    fn no_duplicates<'n>(&mut self, names: impl Iterator<Item = &'n ast::Ident>) {
        let mut seen: std::collections::HashMap<&str, Span> = std::collections::HashMap::new();
        for name in names {
            match seen.get(name.node.as_str()) {
                Some(first) => self.diags.push(err::duplicate(name.span, *first, &name.node)),
                None => {
                    seen.insert(&name.node, name.span);
                }
            }
        }
    }

    fn scale(&mut self, s: &ast::Scale) {
        self.declare(&s.name, Symbol::Scale(self.scales.len()));
        if s.levels.is_empty() {
            self.diags.push(err::no_levels(s.name.span, &s.name.node));
        }
        self.no_duplicates(s.levels.iter().map(|l| &l.name));
        let mut levels: Vec<(String, Number)> = Vec::new();
        for level in &s.levels {
            let factor = self
                .constant_in(&level.factor, Unit::Ratio, &msg!("check-phrase-level-s-percentage"))
                .unwrap_or(Number::ZERO);
            levels.push((level.name.node.clone(), factor));
        }
        let refs = s.refs.iter().map(|r| r.node.clone()).collect();
        self.scales.push(Scale { name: s.name.node.clone(), levels, refs });
    }

    fn indicator(&mut self, node: &ast::IndicatorNode, parent: Option<NodeId>) -> NodeId {
        let id = self.indicators.len();
        match self.indicator_names.get(&node.name.node) {
            Some((_, first)) => self.diags.push(err::duplicate(node.name.span, *first, &node.name.node)),
            None => {
                self.indicator_names.insert(node.name.node.clone(), (id, node.name.span));
            }
        }
        let points = node
            .points
            .as_ref()
            .and_then(|p| self.constant_in(p, Unit::Points, &msg!("check-phrase-indicator-s-points")));
        let weight = node
            .weight
            .as_ref()
            .and_then(|w| self.constant_in(w, Unit::Ratio, &msg!("check-phrase-indicator-s-weight")));
        self.indicators.push(Indicator {
            name: node.name.node.clone(),
            parent,
            children: Vec::new(),
            points,
            weight,
            refs: node.refs.iter().map(|r| r.node.clone()).collect(),
            span: node.name.span,
        });
        for child in &node.children {
            let c = self.indicator(child, Some(id));
            self.indicators[id].children.push(c);
        }
        id
    }

    fn param(&mut self, p: &ast::Param) {
        self.declare(&p.name, Symbol::Param(self.params.len()));
        let (default, unit) =
            self.constant(&p.value, &msg!("check-phrase-parameter-s-value")).unwrap_or((Number::ZERO, Unit::Free));
        let refs = p.refs.iter().map(|r| r.node.clone()).collect();
        self.params.push(Param { name: p.name.node.clone(), default, unit, divisor: false, refs, span: p.name.span });
    }

    fn input(&mut self, i: &ast::Input) {
        let Some(shape) = self.shape(&i.ty) else {
            // Declared all the same, so that formulas using it are not reported again.
            self.declare(&i.name, Symbol::Input(self.inputs.len()));
            self.poisoned_inputs.insert(self.inputs.len());
            self.inputs.push(Input {
                name: i.name.node.clone(),
                field: i.name.node.clone(),
                shape: Shape::Text,
                default: None,
                refs: Vec::new(),
                span: i.name.span,
            });
            return;
        };
        if let Some(other) = self.inputs.iter().find(|x| Some(&x.field) == i.field.as_ref().map(|f| &f.node)) {
            let span = i.field.as_ref().map_or(i.name.span, |f| f.span);
            self.diags.push(err::duplicate(span, other.span, &other.field));
        }
        let default = i.default.as_ref().map(|d| {
            if !fits(&d.node, &shape) {
                self.diags.push(err::type_mismatch(
                    d.span,
                    &msg!("check-phrase-default-input-s-type"),
                    &msg!("check-phrase-value-another-kind"),
                ));
            }
            super::cases::to_json(&d.node)
        });
        self.declare(&i.name, Symbol::Input(self.inputs.len()));
        self.inputs.push(Input {
            name: i.name.node.clone(),
            field: i.field.as_ref().map_or_else(|| i.name.node.clone(), |f| f.node.clone()),
            shape,
            default,
            refs: i.refs.iter().map(|r| r.node.clone()).collect(),
            span: i.name.span,
        });
    }

    /// A written type → the shape data must have.
    fn shape(&mut self, t: &ast::DataType) -> Option<Shape> {
        let mut shape = match &t.body {
            TypeBody::Text => Shape::Text,
            TypeBody::YesNo => Shape::YesNo,
            TypeBody::Percent => Shape::Number { unit: Unit::Ratio, whole: false, min: None, max: None },
            TypeBody::Count => Shape::count(),
            TypeBody::Score => Shape::Number { unit: Unit::Points, whole: false, min: None, max: None },
            TypeBody::Number => Shape::Number { unit: Unit::Count, whole: false, min: None, max: None },
            TypeBody::List(item) => Shape::List { item: Box::new(self.shape(item)?), min: 0, max: None },
            TypeBody::Tally(scale) => Shape::Tally { scale: self.scale_named(scale)?, nonempty: false },
            TypeBody::Each { tree, item } => {
                let indicator = self.indicator_named(tree)?;
                Shape::Each { indicator, item: Box::new(self.shape(item)?) }
            }
            TypeBody::Record(fields) => {
                self.no_duplicates(fields.iter().map(|(n, _)| n));
                let mut out = Vec::new();
                for (name, ty) in fields {
                    out.push((name.node.clone(), self.shape(ty)?));
                }
                Shape::Record(out)
            }
            TypeBody::OneOf(words) => {
                self.no_duplicates(words.iter());
                self.label_sets.push(words.iter().map(|w| w.node.clone()).collect());
                Shape::Label(self.label_sets.len() - 1)
            }
            TypeBody::Named(name) => self.named_shape(name)?,
        };
        for limit in &t.limits {
            self.limit(&mut shape, limit);
        }
        Some(if t.optional { Shape::Optional(Box::new(shape)) } else { shape })
    }

    fn named_shape(&mut self, name: &ast::Ident) -> Option<Shape> {
        if let Some(&labels) = self.grade_labels.get(&name.node) {
            return Some(Shape::Label(labels));
        }
        match self.names.get(&name.node) {
            Some((Symbol::Scale(s), _)) => {
                let s = *s;
                self.mark_used(Symbol::Scale(s));
                Some(Shape::Rating(s))
            }
            _ => {
                let mut candidates: Vec<String> = self.scales.iter().map(|s| s.name.clone()).collect();
                candidates.extend(["文本", "次数", "分数", "数值", "是否", "百分比"].map(String::from));
                self.diags.push(err::unknown_name(name.span, &name.node, "type or scale", &candidates));
                None
            }
        }
    }

    fn limit(&mut self, shape: &mut Shape, limit: &TypeLimit) {
        match (shape, limit) {
            (Shape::List { min, .. }, TypeLimit::NonEmpty(_)) => *min = (*min).max(1),
            (Shape::Tally { nonempty, .. }, TypeLimit::NonEmpty(_)) => *nonempty = true,
            (Shape::List { min, max, .. }, TypeLimit::Items(a, b)) => {
                let (lo, hi) = (self.item_count(a), self.item_count(b));
                if let (Some(lo), Some(hi)) = (lo, hi)
                    && lo > hi
                {
                    self.diags.push(err::empty_limit(a.span.to(b.span)));
                }
                *min = lo.unwrap_or(0);
                *max = hi;
            }
            // `列表 分数 0 至 100 非空`: a range or bound after a list of numbers limits its items.
            (Shape::List { item, .. }, TypeLimit::Range(..) | TypeLimit::Bound(..))
                if matches!(**item, Shape::Number { .. }) =>
            {
                self.limit(item, limit)
            }
            (Shape::Number { min, max, .. }, TypeLimit::Range(a, b)) => {
                *min = self
                    .constant(a, &msg!("check-phrase-range-s-bound"))
                    .map(|(value, _)| Limit { value, inclusive: true });
                *max = self
                    .constant(b, &msg!("check-phrase-range-s-bound"))
                    .map(|(value, _)| Limit { value, inclusive: true });
                if let (Some(lo), Some(hi)) = (*min, *max)
                    && lo.value > hi.value
                {
                    self.diags.push(err::empty_limit(a.span.to(b.span)));
                }
            }
            (Shape::Number { min, max, .. }, TypeLimit::Bound(op, b)) => {
                let Some((value, _)) = self.constant(b, &msg!("check-phrase-bound")) else { return };
                match op {
                    ast::BinaryOp::Gt | ast::BinaryOp::Ge => {
                        *min = Some(Limit { value, inclusive: *op == ast::BinaryOp::Ge })
                    }
                    _ => *max = Some(Limit { value, inclusive: *op == ast::BinaryOp::Le }),
                }
            }
            (_, limit) => {
                let at = match limit {
                    TypeLimit::NonEmpty(s) => *s,
                    TypeLimit::Items(a, b) | TypeLimit::Range(a, b) => a.span.to(b.span),
                    TypeLimit::Bound(_, b) => b.span,
                };
                self.diags.push(err::type_mismatch(
                    at,
                    &msg!("check-phrase-limit-fits-type-lists-tallies"),
                    &msg!("check-phrase-limit-type-cannot-have"),
                ));
            }
        }
    }

    /// A number of list items: a whole number ≥ 0.
    fn item_count(&mut self, e: &ast::ExprNode) -> Option<usize> {
        let n = self.constant_in(e, Unit::Count, &msg!("check-phrase-a-number-of-items"))?;
        let count = n.to_i128().and_then(|n| usize::try_from(n).ok());
        if count.is_none() {
            self.diags.push(err::not_a_count(e.span));
        }
        count
    }

    pub(super) fn scale_named(&mut self, name: &ast::Ident) -> Option<ScaleId> {
        match self.names.get(&name.node) {
            Some((Symbol::Scale(s), _)) => {
                let s = *s;
                self.mark_used(Symbol::Scale(s));
                Some(s)
            }
            _ => {
                let candidates: Vec<String> = self.scales.iter().map(|s| s.name.clone()).collect();
                self.diags.push(err::unknown_name(name.span, &name.node, "scale", &candidates));
                None
            }
        }
    }

    pub(super) fn indicator_named(&mut self, name: &ast::Ident) -> Option<NodeId> {
        match self.indicator_names.get(&name.node) {
            Some((n, _)) => Some(*n),
            None if self.names.contains_key(&name.node) => {
                self.diags.push(err::not_an_indicator(name.span, &name.node));
                None
            }
            None => {
                let candidates: Vec<String> = self.indicators.iter().map(|i| i.name.clone()).collect();
                self.diags.push(err::unknown_name(name.span, &name.node, "indicator", &candidates));
                None
            }
        }
    }
}

/// Whether a written default has the shape's kind (the data reader checks the details).
fn fits(lit: &ast::Literal, shape: &Shape) -> bool {
    use ast::Literal as L;
    match (lit, shape) {
        (_, Shape::Optional(inner)) => matches!(lit, L::None) || fits(lit, inner),
        (L::Number(_), Shape::Number { .. }) => true,
        (L::Text(_), Shape::Text) => true,
        (L::Bool(_), Shape::YesNo) => true,
        (L::Word(_) | L::Text(_), Shape::Rating(_) | Shape::Label(_)) => true,
        (L::List(items), Shape::List { item, .. }) => items.iter().all(|i| fits(&i.node, item)),
        (L::Object(_), Shape::Tally { .. } | Shape::Each { .. } | Shape::Record(_)) => true,
        _ => false,
    }
}

/// `2014-04-25` or `2014年4月25日`, a real calendar date.
fn is_date(text: &str) -> bool {
    let parts: Vec<u32> = text
        .split(['-', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            crate::number::parse_decimal(p).and_then(|d| u32::try_from(d.mantissa()).ok().filter(|_| d.scale() == 0))
        })
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    let [year, month, day] = parts[..] else { return false };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}
