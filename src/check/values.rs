//! Values (计算, 等次, 排名), data requirements (要求) and the published roles (公布).

use super::expr::{Ctx, unify};
use super::structure::LabeledBand;
use super::{Checker, Symbol, err};
use crate::lang::msg;
use crate::number::{Number, Rounding};
use crate::program::*;
use crate::source::Span;
use crate::syntax::ast::{self, Decl, RoleKind};

impl Checker<'_> {
    pub(super) fn check_value(&mut self, id: ValueId) {
        let decl = self.slots[id].decl;
        let def = match decl {
            Decl::Let(l) => self.let_value(l),
            Decl::Grade(g) => self.grade_value(g),
            Decl::Rank(r) => self.rank_value(r),
            _ => None,
        };
        if let Some(def) = def {
            let ty = match &def.kind {
                ValueKind::Let { family: Some(node), .. } => Ty::Map(*node, Box::new(def.ty.clone())),
                _ => def.ty.clone(),
            };
            self.slots[id].ty = Some(ty);
            self.slots[id].def = Some(def);
        }
    }

    fn binder_ctx(&mut self, binder: &Option<ast::Binder>) -> Option<(Ctx, Option<NodeId>)> {
        let Some(b) = binder else { return Some((Ctx::default(), None)) };
        let node = self.indicator_named(&b.tree)?;
        Some((Ctx { binder: Some((b.var.node.clone(), node)), ..Ctx::default() }, Some(node)))
    }

    fn let_value(&mut self, l: &ast::Let) -> Option<ValueDef> {
        let (ctx, family) = self.binder_ctx(&l.binder)?;
        let (expr, mut ty) = self.expr(&l.expr, &ctx)?;
        let mut adjustments = Vec::new();
        for a in &l.adjustments {
            let (adjustment, unit) = self.adjustment(a, &ty, l.expr.span, &ctx)?;
            ty = Ty::Num(unit);
            adjustments.push(adjustment);
        }
        if let Some(at) = &l.to_zero {
            self.unit_of(&ty, at.span)?;
        }
        let mut limit = |this: &mut Self, bound: &Option<ast::ExprNode>| -> Option<Option<Expr>> {
            let Some(b) = bound else { return Some(None) };
            let (x, bt) = this.expr(b, &ctx)?;
            let (u, bu) = (this.unit_of(&ty, l.expr.span)?, this.unit_of(&bt, b.span)?);
            let Some(unit) = unify(u, bu) else {
                this.diags.push(err::unit_mismatch(b.span, "limit", u, bu));
                return None;
            };
            ty = Ty::Num(unit);
            Some(Some(x))
        };
        let cap = limit(self, &l.cap)?;
        let floor = limit(self, &l.floor)?;
        let rounding = match &l.rounding {
            Some(r) => {
                let unit = self.unit_of(&ty, l.expr.span)?;
                let rule = if r.rule == ast::RoundRule::HalfUp { Rounding::HalfUp } else { Rounding::Truncate };
                // Places count in the unit the value is read in: 保留 2 位 keeps 66.67%, which
                // is the fraction 0.6667.
                let places = if unit == Unit::Ratio { r.places.node + 2 } else { r.places.node };
                Some((places, rule))
            }
            None => None,
        };
        let to_zero = l.to_zero.is_some();
        let kind = ValueKind::Let { family, expr, adjustments, to_zero, cap, floor, rounding };
        let whole = match &kind {
            ValueKind::Let { rounding: Some((0, _)), .. } => true,
            // A count after 每 is whole (E0316 otherwise), a condition after 如果 no number.
            ValueKind::Let { expr, adjustments, cap, floor, .. } => std::iter::once(expr)
                .chain(adjustments.iter().flat_map(|a| std::iter::once(&a.amount).chain(&a.most)))
                .chain(cap)
                .chain(floor)
                .all(|e| self.is_whole(e)),
            _ => false,
        };
        let formula = l.expr.span;
        Some(ValueDef { name: l.name.node.clone(), kind, ty, whole, refs: refs(&l.refs), span: l.name.span, formula })
    }

    /// `每 x 扣 5分 最多扣 10分` or `扣 5分 如果 c`: the count a number that is no amount of
    /// points (or a yes/no condition), the amount and its limit in the value's unit. Gives the
    /// value's unit after the adjustment.
    fn adjustment(&mut self, a: &ast::Adjustment, ty: &Ty, at: Span, ctx: &Ctx) -> Option<(Adjustment, Unit)> {
        let value_unit = self.unit_of(ty, at)?;
        let (count, when) = match &a.count {
            ast::AdjustCount::Per(e) => {
                let (x, t) = self.expr(e, ctx)?;
                let u = self.unit_of(&t, e.span)?;
                if u == Unit::Points {
                    self.diags.push(err::points_as_count(e.span));
                    return None;
                }
                // 每 counts whole times: 84% over 80% is no 5% step, not four fifths of one.
                if !self.is_whole(&x) {
                    self.diags.push(err::fractional_count(e.span, self.source.slice(e.span).trim(), a.bonus));
                    return None;
                }
                (x, false)
            }
            ast::AdjustCount::When(e) => {
                let (x, t) = self.expr(e, ctx)?;
                if t != Ty::Bool {
                    return self.type_error(e.span, &msg!("check-condition-yes-no"), &t);
                }
                (x, true)
            }
        };
        let (amount, at_) = self.expr(&a.amount, ctx)?;
        let au = self.unit_of(&at_, a.amount.span)?;
        let Some(mut unit) = unify(value_unit, au) else {
            let verb = if a.bonus { "add" } else { "subtract" };
            self.diags.push(err::unit_mismatch(a.amount.span, verb, value_unit, au));
            return None;
        };
        let most = match &a.most {
            Some(m) => {
                let (x, mt) = self.expr(m, ctx)?;
                let mu = self.unit_of(&mt, m.span)?;
                let Some(u) = unify(unit, mu) else {
                    self.diags.push(err::unit_mismatch(m.span, "limit", unit, mu));
                    return None;
                };
                unit = u;
                Some(x)
            }
            None => None,
        };
        Some((Adjustment { count, when, amount, bonus: a.bonus, most, span: a.span }, unit))
    }

    fn grade_value(&mut self, g: &ast::Grade) -> Option<ValueDef> {
        let ctx = Ctx::default();
        let (subject, st) = self.expr(&g.subject, &ctx)?;
        let unit = self.unit_of(&st, g.subject.span)?;
        if g.bands.is_empty() {
            self.diags.push(err::bands_gap(g.name.span, &msg!("check-there-no-bands")));
            return None;
        }
        let mut bands = Vec::new();
        let mut bounds: Vec<LabeledBand> = Vec::new();
        for band in &g.bands {
            let (lower, upper) = match &band.whole {
                Some(whole) => self.whole_band(whole)?,
                None => (self.threshold(band.lower.as_ref(), unit)?, self.threshold(band.upper.as_ref(), unit)?),
            };
            let fixed = |b: &Option<(Expr, bool)>, this: &Self| b.as_ref().map(|(e, i)| (this.fixed_value(e), *i));
            let (fl, fu) = (fixed(&lower, self), fixed(&upper, self));
            let at = band.name.span;
            let value = |b: Option<(Option<Number>, bool)>| b.map(|(v, i)| (v.unwrap_or(Number::ZERO), i));
            bounds.push((band.name.node.clone(), BandBounds { lower: value(fl), upper: value(fu) }, at));
            bands.push(Band { label: band.name.node.clone(), lower, upper, span: at });
        }
        self.check_bands(&bounds);
        let labels = *self.grade_labels.get(&g.name.node)?;
        let kind = ValueKind::Grade { subject, labels, bands };
        Some(ValueDef {
            name: g.name.node.clone(),
            kind,
            ty: Ty::Label(labels),
            whole: false,
            refs: refs(&g.refs),
            span: g.name.span,
            formula: g.subject.span,
        })
    }

    /// Whole-number cut-offs as written (`70 至 89`, `90 以上`, `59 以下`) as bounds: at least
    /// the first, below the last plus one, so that the bands meet (89.5 is in `70 至 89`).
    #[allow(clippy::type_complexity)]
    fn whole_band(&mut self, whole: &ast::WholeBand) -> Option<(Option<(Expr, bool)>, Option<(Expr, bool)>)> {
        let mut whole_number = |n: &crate::source::Node<rust_decimal::Decimal>| {
            if n.node.fract().is_zero() {
                Some(Number::from_decimal(n.node))
            } else {
                self.diags.push(err::fractional_cutoff(n.span));
                None
            }
        };
        let next = |n: Number| n.checked_add(Number::ONE).ok();
        Some(match whole {
            ast::WholeBand::Range(a, b) => {
                let (a, b) = (whole_number(a), whole_number(b));
                let (a, b) = (a?, b?);
                (Some((Expr::Const(a), true)), Some((Expr::Const(next(b)?), false)))
            }
            ast::WholeBand::Above(a) => (Some((Expr::Const(whole_number(a)?), true)), None),
            ast::WholeBand::Below(b) => (None, Some((Expr::Const(next(whole_number(b)?)?), false))),
        })
    }

    /// A band's bound: a fixed number or parameters, in the subject's unit.
    fn threshold(&mut self, bound: Option<&ast::Bound>, unit: Unit) -> Option<Option<(Expr, bool)>> {
        let Some(b) = bound else { return Some(None) };
        let (e, t) = self.expr(&b.value, &Ctx::default())?;
        let u = self.unit_of(&t, b.value.span)?;
        if unify(u, unit).is_none() {
            self.diags.push(err::unit_mismatch(b.value.span, "compare", unit, u));
            return None;
        }
        if self.fixed_value(&e).is_none() {
            self.diags.push(err::not_constant(b.value.span, &msg!("check-grade-threshold")));
            return None;
        }
        Some(Some((e, b.inclusive)))
    }

    /// Whether a formula's value is a whole number whatever the data: counts and ranks,
    /// combined by +, − and ×.
    fn is_whole(&self, e: &Expr) -> bool {
        match e {
            Expr::Const(n) => n.is_integer(),
            Expr::Absent => true,
            Expr::Input(i) => {
                matches!(&self.inputs[*i].shape, Shape::Number { whole: true, .. })
                    || matches!(&self.inputs[*i].shape, Shape::Optional(s) if matches!(**s, Shape::Number { whole: true, .. }))
            }
            Expr::Value(v) => self.slots[*v].def.as_ref().is_some_and(|d| d.whole),
            Expr::Neg(x) => self.is_whole(x),
            Expr::Arith(Arith::Add | Arith::Sub | Arith::Mul, a, b) => self.is_whole(a) && self.is_whole(b),
            Expr::If(_, a, b) => self.is_whole(a) && self.is_whole(b),
            Expr::Call(
                Builtin::Length
                | Builtin::TallyTotal
                | Builtin::CountOf(_)
                | Builtin::CountTrue
                | Builtin::Floor
                | Builtin::Ceil,
                _,
            ) => true,
            Expr::Call(Builtin::SumWhere, args) => args.first().is_some_and(|a| self.is_whole(a)),
            Expr::Rollup { parts, points: true, .. } => parts.iter().all(|(_, e)| self.is_whole(e)),
            Expr::Field(..) | Expr::Index(..) => {
                matches!(self.shape_of(e).map(Shape::required), Some(Shape::Number { whole: true, .. }))
            }
            Expr::Call(Builtin::Sum | Builtin::Min | Builtin::Max, args) => args.iter().all(|a| self.is_whole(a)),
            _ => false,
        }
    }

    /// The value of a formula made of numbers and parameters (at their defaults).
    pub(super) fn fixed_value(&self, e: &Expr) -> Option<Number> {
        match e {
            Expr::Const(n) => Some(*n),
            Expr::Param(p) => Some(self.params[*p].default),
            Expr::Neg(x) => self.fixed_value(x)?.checked_neg().ok(),
            Expr::Arith(op, a, b) => {
                let (a, b) = (self.fixed_value(a)?, self.fixed_value(b)?);
                match op {
                    Arith::Add => a.checked_add(b),
                    Arith::Sub => a.checked_sub(b),
                    Arith::Mul => a.checked_mul(b),
                    Arith::Div => a.checked_div(b),
                }
                .ok()
            }
            _ => None,
        }
    }

    fn rank_value(&mut self, r: &ast::Rank) -> Option<ValueDef> {
        let ctx = Ctx::default();
        let (by, bt) = self.expr(&r.by, &ctx)?;
        self.unit_of(&bt, r.by.span)?;
        let within = match &r.within {
            Some(w) => {
                let path = ast::Expr::Path { head: w.clone(), steps: Vec::new() };
                let (e, t) = self.expr(&crate::source::Node::new(path, w.span), &ctx)?;
                if !matches!(t, Ty::Label(_) | Ty::Text) {
                    return self.type_error(w.span, &msg!("check-category-text"), &t);
                }
                Some(e)
            }
            None => None,
        };
        let kind = ValueKind::Rank { by, within, ascending: r.ascending };
        Some(ValueDef {
            name: r.name.node.clone(),
            kind,
            ty: Ty::Num(Unit::Count),
            whole: true,
            refs: refs(&r.refs),
            span: r.name.span,
            formula: r.by.span,
        })
    }

    fn type_error<T>(&mut self, span: Span, expected: &str, found: &Ty) -> Option<T> {
        self.diags.push(err::type_mismatch(span, expected, &err::ty_words(found)));
        None
    }

    pub(super) fn check_require(&mut self, r: &ast::Require, span: Span) {
        let Some((ctx, family)) = self.binder_ctx(&r.binder) else { return };
        let Some((condition, t)) = self.expr(&r.condition, &ctx) else { return };
        if t != Ty::Bool {
            self.type_error::<()>(r.condition.span, &msg!("check-yes-no-condition"), &t);
            return;
        }
        if condition.any(&|e| matches!(e, Expr::Value(_))) {
            self.diags.push(err::requirement_reads_values(r.condition.span));
            return;
        }
        let message =
            r.message.as_ref().map_or_else(|| self.source.slice(r.condition.span).to_string(), |m| m.node.clone());
        let mut shown = self.compared(&r.condition, &ctx);
        let mut seen = std::collections::HashSet::new();
        shown.retain(|(text, _)| seen.insert(text.clone()));
        self.requires.push(Requirement { family, condition, message, shown, refs: refs(&r.refs), span });
    }

    /// The non-constant sides of a condition's comparisons, with their text, so that a
    /// failed requirement can say what it found (`个数(职能工作[常规工作]) = 5`).
    fn compared(&mut self, e: &ast::ExprNode, ctx: &Ctx) -> Vec<(String, Expr)> {
        use ast::{BinaryOp as B, Expr as E};
        match &e.node {
            E::Binary { op, lhs, rhs } if matches!(op.node, B::And | B::Or) => {
                let mut out = self.compared(lhs, ctx);
                out.extend(self.compared(rhs, ctx));
                out
            }
            E::Unary { operand, .. } => self.compared(operand, ctx),
            E::Binary { lhs, rhs, .. } => [lhs, rhs]
                .into_iter()
                .filter_map(|side| {
                    // A level written as a bare word (`结论 = 符合`) is no quantity to show.
                    if matches!(side.node, E::Quantity { .. }) || self.is_bare_word(side, ctx) {
                        return None;
                    }
                    let (x, t) = self.expr(side, ctx)?;
                    matches!(t, Ty::Num(_)).then(|| (self.source.slice(side.span).to_string(), x))
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    pub(super) fn check_publish(&mut self, roles: &[ast::Role], span: Span) {
        let mut out = Roles::default();
        let (mut unit, mut score) = (None, None);
        let mut seen: Vec<&crate::source::Node<RoleKind>> = Vec::new();
        for role in roles {
            let repeat = role.kind.node != RoleKind::Flag && seen.iter().any(|k| k.node == role.kind.node);
            if let Some(first) = seen.iter().find(|k| k.node == role.kind.node).filter(|_| repeat) {
                self.diags.push(err::duplicate(role.kind.span, first.span, self.source.slice(role.kind.span)));
                continue;
            }
            seen.push(&role.kind);
            let target = &role.target;
            let symbol = self.names.get(&target.node).map(|(s, _)| *s);
            match (role.kind.node, symbol) {
                (RoleKind::Unit, Some(Symbol::Input(i))) if self.inputs[i].shape == Shape::Text => {
                    self.mark_used(Symbol::Input(i));
                    unit = Some(i);
                }
                (RoleKind::Score, Some(Symbol::Value(v))) if matches!(self.slots[v].ty, Some(Ty::Num(_))) => {
                    score = Some(v)
                }
                (RoleKind::Grade, Some(Symbol::Value(v))) if matches!(self.slots[v].decl, Decl::Grade(_)) => {
                    out.grade = Some(v)
                }
                (RoleKind::Rank, Some(Symbol::Value(v))) if matches!(self.slots[v].decl, Decl::Rank(_)) => {
                    out.rank = Some(v)
                }
                (RoleKind::Flag, Some(Symbol::Value(v))) if self.slots[v].ty == Some(Ty::Bool) => out.flags.push(v),
                (RoleKind::Category, Some(_)) => {
                    let path = ast::Expr::Path { head: target.clone(), steps: Vec::new() };
                    out.category =
                        self.expr(&crate::source::Node::new(path, target.span), &Ctx::default()).map(|(e, _)| e);
                }
                (_, Some(Symbol::Value(v))) if self.slots[v].ty.is_none() => return,
                (kind, None) => {
                    let candidates = self.all_names();
                    self.diags.push(err::unknown_name(target.span, &target.node, "name", &candidates));
                    let _ = kind;
                }
                (kind, Some(found)) => {
                    let found = match found {
                        Symbol::Input(i) => {
                            let ty = err::ty_words(&self.inputs[i].shape.ty());
                            msg!("check-input-ty", ty)
                        }
                        Symbol::Value(v) => self.slots[v].ty.as_ref().map_or_else(
                            || msg!("check-value"),
                            |t| msg!("check-computed-value-of", found = err::ty_words(t)),
                        ),
                        Symbol::Param(_) => msg!("check-parameter"),
                        Symbol::Scale(_) => msg!("check-scale"),
                    };
                    let expected = match kind {
                        RoleKind::Unit => msg!("check-text-input-naming-department"),
                        RoleKind::Score => msg!("check-computed-number"),
                        RoleKind::Grade => msg!("check-grade"),
                        RoleKind::Rank => msg!("check-ranking"),
                        RoleKind::Category => msg!("check-category"),
                        RoleKind::Flag => msg!("check-computed-yes-no-value-mark"),
                    };
                    self.diags.push(err::type_mismatch(target.span, &expected, &found));
                }
            }
        }
        match (unit, score) {
            (Some(u), Some(s)) => {
                out.unit = u;
                out.score = s;
                self.roles = Some(out);
            }
            (None, _) => self.diags.push(err::missing_role(span, &msg!("check-department-s-name"))),
            (_, None) => self.diags.push(err::missing_role(span, &msg!("check-score"))),
        }
    }
}

fn refs(r: &[ast::ArticleRef]) -> Vec<String> {
    r.iter().map(|a| a.node.clone()).collect()
}
