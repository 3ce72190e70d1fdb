//! Formulas: names resolved, types and units inferred, each node turned into the typed
//! program form. Reports a diagnostic and returns `None` where a formula is wrong; a
//! reference to a value that failed earlier fails silently, so one mistake is reported once.

use super::{Checker, Symbol, consts, err};
use crate::lang::msg;
use crate::program::{self as p, Arith, Builtin, Compare, Expr, Key, NodeId, Ty, Unit};
use crate::source::Span;
use crate::syntax::ast::{self, BinaryOp, ExprNode, Step, UnaryOp};

/// What surrounds a formula: the family variable (`项`) and divisors known not to be zero.
#[derive(Clone, Default)]
pub(super) struct Ctx {
    pub binder: Option<(String, NodeId)>,
    pub nonzero: Vec<Expr>,
    /// Optional inputs known to be given here (inside `如果 有(x) 则 …`).
    pub given: Vec<Expr>,
}

pub(super) type Typed = (Expr, Ty);

impl Checker<'_> {
    pub(super) fn expr(&mut self, e: &ExprNode, ctx: &Ctx) -> Option<Typed> {
        match &e.node {
            ast::Expr::Quantity { value, unit } => {
                let (n, u) = consts::quantity(*value, *unit);
                Some((Expr::Const(n), Ty::Num(u)))
            }
            ast::Expr::Path { head, steps } => self.path(head, steps, ctx),
            ast::Expr::Call { func, args } => self.call(func, args, e.span, ctx),
            ast::Expr::Unary { op, operand } => {
                let (x, t) = self.expr(operand, ctx)?;
                match op.node {
                    UnaryOp::Neg => Some((Expr::Neg(Box::new(x)), Ty::Num(self.unit_of(&t, operand.span)?))),
                    // `非` goes item by item, as comparisons do: `计数(非 已公开)`.
                    UnaryOp::Not => match &t {
                        Ty::List(item) | Ty::Map(_, item) if **item == Ty::Bool => Some((Expr::Not(Box::new(x)), t)),
                        _ => {
                            self.expect_bool(&t, operand.span)?;
                            Some((Expr::Not(Box::new(x)), Ty::Bool))
                        }
                    },
                }
            }
            ast::Expr::Binary { op, lhs, rhs } => self.binary(op.node, lhs, rhs, e.span, ctx),
            ast::Expr::If { condition, then, otherwise } => self.conditional(condition, then, otherwise, ctx),
            ast::Expr::Match { subject, arms } => self.matching(subject, arms, e.span, ctx),
            ast::Expr::Nothing => Some((Expr::Absent, Ty::Nothing)),
            ast::Expr::Bool(b) => Some((Expr::Bool(*b), Ty::Bool)),
        }
    }

    fn path(&mut self, head: &ast::Ident, steps: &[Step], ctx: &Ctx) -> Option<Typed> {
        if ctx.binder.as_ref().is_some_and(|(var, _)| *var == head.node) {
            self.diags.push(err::type_mismatch(
                head.span,
                &msg!("check-phrase-value"),
                &msg!("check-phrase-indicator-variable-brackets"),
            ));
            return None;
        }
        let (mut e, mut ty) = match self.names.get(&head.node).map(|(s, _)| *s) {
            Some(Symbol::Input(i)) if self.poisoned_inputs.contains(&i) => return None,
            Some(Symbol::Input(i)) => {
                self.mark_used(Symbol::Input(i));
                (Expr::Input(i), self.inputs[i].shape.ty())
            }
            Some(Symbol::Param(i)) => {
                self.mark_used(Symbol::Param(i));
                (Expr::Param(i), Ty::Num(self.params[i].unit))
            }
            Some(Symbol::Value(v)) => (Expr::Value(v), self.slots[v].ty.clone()?),
            Some(Symbol::Scale(_)) => {
                return self.mismatch(head.span, &msg!("check-phrase-value"), &msg!("check-phrase-scale"));
            }
            None if self.indicator_names.contains_key(&head.node) => {
                return self.mismatch(
                    head.span,
                    &msg!("check-phrase-value-indicator-s-score-compute"),
                    &msg!("check-phrase-indicator"),
                );
            }
            None => {
                let candidates = self.all_names();
                self.diags.push(err::unknown_name(head.span, &head.node, "name", &candidates));
                return None;
            }
        };
        for step in steps {
            (e, ty) = self.step(e, ty, step, &head.node, ctx)?;
        }
        if let Ty::Optional(inner) = &ty
            && ctx.given.contains(&e)
        {
            ty = (**inner).clone();
        }
        Some((e, ty))
    }

    fn step(&mut self, e: Expr, ty: Ty, step: &Step, of: &str, ctx: &Ctx) -> Option<Typed> {
        match (step, ty) {
            (Step::Index(k), Ty::Map(keys, item)) => {
                let key = self.key(k, keys, of, ctx)?;
                Some((Expr::Index(Box::new(e), key), *item))
            }
            (Step::Field(f), Ty::Record(fields)) => {
                let Some(pos) = fields.iter().position(|(n, _)| *n == f.node) else {
                    let names: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
                    self.diags.push(err::unknown_key(f.span, &f.node, of, &names));
                    return None;
                };
                Some((Expr::Field(Box::new(e), pos), fields[pos].1.clone()))
            }
            (Step::Field(f), Ty::List(item)) if matches!(*item, Ty::Record(_)) => {
                let (e, t) = self.step(e, *item, step, of, ctx)?;
                let _ = f;
                Some((e, Ty::List(Box::new(t))))
            }
            (Step::Index(k) | Step::Field(k), ty) => {
                self.mismatch(k.span, &msg!("check-phrase-something-entries-one-per-indicator"), &err::ty_words(&ty))
            }
        }
    }

    fn key(&mut self, k: &ast::Ident, keys: NodeId, of: &str, ctx: &Ctx) -> Option<Key> {
        if let Some((var, tree)) = &ctx.binder
            && *var == k.node
        {
            if p::leaves_of(&self.indicators, *tree) != p::leaves_of(&self.indicators, keys) {
                let found = msg!("check-phrase-leaf-variable", var, tree = self.indicators[*tree].name);
                let expected = msg!("check-phrase-entry-of", of, tree = self.indicators[keys].name);
                return self.mismatch(k.span, &expected, &found);
            }
            return Some(Key::Bound);
        }
        let names: Vec<String> =
            p::leaves_of(&self.indicators, keys).into_iter().map(|n| self.indicators[n].name.clone()).collect();
        match names.iter().position(|n| *n == k.node) {
            Some(pos) => Some(Key::Leaf(pos)),
            None => {
                self.diags.push(err::unknown_key(k.span, &k.node, of, &names));
                None
            }
        }
    }

    pub(super) fn mismatch<T>(&mut self, span: Span, expected: &str, found: &str) -> Option<T> {
        self.diags.push(err::type_mismatch(span, expected, found));
        None
    }

    /// The unit of a number, or a diagnostic saying why this is not a number.
    pub(super) fn unit_of(&mut self, t: &Ty, span: Span) -> Option<Unit> {
        match t {
            Ty::Num(u) => Some(*u),
            Ty::Rating(s) => {
                let name = self.scales[*s].name.clone();
                self.diags.push(err::rating_as_number(span, &name));
                None
            }
            Ty::Tally(_) => {
                self.diags.push(err::tally_as_list(span));
                None
            }
            Ty::Optional(_) => {
                self.mismatch(span, &msg!("check-phrase-number"), &msg!("check-phrase-optional-value-check-first"))
            }
            t => self.mismatch(span, &msg!("check-phrase-number"), &err::ty_words(t)),
        }
    }

    fn expect_bool(&mut self, t: &Ty, span: Span) -> Option<()> {
        match t {
            Ty::Bool => Some(()),
            t => self.mismatch(span, &msg!("check-phrase-yes-no-condition"), &err::ty_words(t)),
        }
    }

    fn binary(&mut self, op: BinaryOp, lhs: &ExprNode, rhs: &ExprNode, span: Span, ctx: &Ctx) -> Option<Typed> {
        match op {
            BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => self.arith(op, lhs, rhs, span, ctx),
            BinaryOp::And | BinaryOp::Or => {
                let l = self.expr(lhs, ctx);
                let r = self.expr(rhs, ctx);
                let ((a, ta), (b, tb)) = (l?, r?);
                self.expect_bool(&ta, lhs.span)?;
                self.expect_bool(&tb, rhs.span)?;
                let (a, b) = (Box::new(a), Box::new(b));
                Some((if op == BinaryOp::And { Expr::And(a, b) } else { Expr::Or(a, b) }, Ty::Bool))
            }
            _ => self.compare(op, lhs, rhs, span, ctx),
        }
    }

    fn arith(&mut self, op: BinaryOp, lhs: &ExprNode, rhs: &ExprNode, span: Span, ctx: &Ctx) -> Option<Typed> {
        let l = self.expr(lhs, ctx);
        let r = self.expr(rhs, ctx);
        let ((a, ta), (b, tb)) = (l?, r?);
        // Lists combine item by item (`项目.权重 × 项目.得分`), numbers with every item.
        let lists = (list_item(&ta), list_item(&tb));
        if let (Some(_), Some(_)) = lists
            && list_base(&a) != list_base(&b)
        {
            self.diags.push(err::different_lists(span));
            return None;
        }
        let (ta, tb) = (lists.0.unwrap_or(&ta).clone(), lists.1.unwrap_or(&tb).clone());
        let (ua, ub) = (self.unit_of(&ta, lhs.span), self.unit_of(&tb, rhs.span));
        let (ua, ub) = (ua?, ub?);
        let (arith, unit) = match op {
            BinaryOp::Add | BinaryOp::Sub => {
                let verb = if op == BinaryOp::Add { "add" } else { "subtract" };
                let Some(u) = unify(ua, ub) else {
                    self.diags.push(self.unit_mismatch(span, verb, (lhs, ua), (rhs, ub)));
                    return None;
                };
                (if op == BinaryOp::Add { Arith::Add } else { Arith::Sub }, u)
            }
            BinaryOp::Mul => {
                if ua == Unit::Points && ub == Unit::Points {
                    self.diags.push(err::points_times_points(span));
                    return None;
                }
                (Arith::Mul, product_unit(ua, ub))
            }
            _ => {
                let Some(u) = quotient_unit(ua, ub) else {
                    self.diags.push(self.unit_mismatch(span, "divide", (lhs, ua), (rhs, ub)));
                    return None;
                };
                self.divisor(&b, rhs.span, &msg!("check-phrase-divisor"), ctx)?;
                (Arith::Div, u)
            }
        };
        let ty = if lists.0.is_some() || lists.1.is_some() { Ty::List(Box::new(Ty::Num(unit))) } else { Ty::Num(unit) };
        Some((Expr::Arith(arith, Box::new(a), Box::new(b)), ty))
    }

    fn compare(&mut self, op: BinaryOp, lhs: &ExprNode, rhs: &ExprNode, span: Span, ctx: &Ctx) -> Option<Typed> {
        let cmp = match op {
            BinaryOp::Eq => Compare::Eq,
            BinaryOp::Ne => Compare::Ne,
            BinaryOp::Lt => Compare::Lt,
            BinaryOp::Le => Compare::Le,
            BinaryOp::Gt => Compare::Gt,
            _ => Compare::Ge,
        };
        // A bare word beside a grade or rating is one of its levels: `等次 = 诫勉`.
        let ((a, ta), (b, tb)) = match (self.is_bare_word(lhs, ctx), self.is_bare_word(rhs, ctx)) {
            (false, true) => {
                let (a, ta) = self.expr(lhs, ctx)?;
                let b = self.label_in(rhs, items_of(&ta).unwrap_or(&ta))?;
                ((a, ta), b)
            }
            (true, false) => {
                let (b, tb) = self.expr(rhs, ctx)?;
                (self.label_in(lhs, items_of(&tb).unwrap_or(&tb))?, (b, tb))
            }
            _ => {
                let l = self.expr(lhs, ctx);
                let r = self.expr(rhs, ctx);
                (l?, r?)
            }
        };
        // Lists compare item by item (`月发布条数 < 40`), as they combine in arithmetic, and
        // per-leaf values leaf by leaf (`组织管理 = 不符合`).
        let leaves = |n: &NodeId| p::leaves_of(&self.indicators, *n);
        let each = match (&ta, &tb) {
            (Ty::List(_), Ty::Map(..)) | (Ty::Map(..), Ty::List(_)) => None,
            (Ty::List(_), Ty::List(_)) if list_base(&a) != list_base(&b) => None,
            (Ty::Map(x, _), Ty::Map(y, _)) if leaves(x) != leaves(y) => None,
            (Ty::List(_), _) | (_, Ty::List(_)) => Some(Some(Ty::List(Box::new(Ty::Bool)))),
            (Ty::Map(n, _), _) | (_, Ty::Map(n, _)) => Some(Some(Ty::Map(*n, Box::new(Ty::Bool)))),
            _ => Some(None),
        };
        let Some(each) = each else {
            self.diags.push(err::different_lists(span));
            return None;
        };
        let lists = (items_of(&ta).cloned(), items_of(&tb).cloned());
        let (ta, tb) = (lists.0.unwrap_or(ta), lists.1.unwrap_or(tb));
        let ordered = !matches!(cmp, Compare::Eq | Compare::Ne);
        if ordered && (matches!(ta, Ty::Optional(_)) || matches!(tb, Ty::Optional(_))) {
            return self.mismatch(
                span,
                &msg!("check-phrase-values-given-check-optional-one"),
                &msg!("check-phrase-optional-value-compared-size"),
            );
        }
        match (strip_optional(&ta), strip_optional(&tb)) {
            (Ty::Num(ua), Ty::Num(ub)) => {
                if unify(*ua, *ub).is_none() {
                    self.diags.push(self.unit_mismatch(span, "compare", (lhs, *ua), (rhs, *ub)));
                    return None;
                }
            }
            (Ty::Label(x), Ty::Label(y)) if x == y && !ordered => {}
            (Ty::Rating(x), Ty::Rating(y)) if x == y && !ordered => {}
            (Ty::Text, Ty::Text) | (Ty::Bool, Ty::Bool) if !ordered => {}
            (Ty::Rating(_), Ty::Rating(_)) | (Ty::Label(_), Ty::Label(_)) if ordered => {
                return self.mismatch(
                    span,
                    &msg!("check-phrase-numbers-levels-not-compared-size"),
                    &msg!("check-phrase-levels-compared-size"),
                );
            }
            (Ty::Label(_), other) | (other, Ty::Label(_)) => {
                return self.mismatch(
                    span,
                    &msg!("check-phrase-grade-compared-one-levels"),
                    &msg!("check-phrase-grade-compared-with", ty = err::ty_words(other)),
                );
            }
            (x, y) => {
                return self.mismatch(span, &msg!("check-phrase-same-kind", ty = err::ty_words(x)), &err::ty_words(y));
            }
        }
        let ty = each.unwrap_or(Ty::Bool);
        Some((Expr::Compare(cmp, Box::new(a), Box::new(b)), ty))
    }

    /// A single word that names nothing declared: a level, if something beside it has levels.
    pub(super) fn is_bare_word(&self, e: &ExprNode, ctx: &Ctx) -> bool {
        matches!(&e.node, ast::Expr::Path { head, steps }
            if steps.is_empty() && !self.names.contains_key(&head.node)
                && ctx.binder.as_ref().is_none_or(|(v, _)| *v != head.node))
    }

    /// A bare word read as a level of a grade or rating type.
    pub(super) fn label_in(&mut self, e: &ExprNode, t: &Ty) -> Option<Typed> {
        let ast::Expr::Path { head, .. } = &e.node else { return None };
        let labels: Vec<String> = match strip_optional(t) {
            Ty::Label(l) => self.label_sets[*l].clone(),
            Ty::Rating(s) => self.scales[*s].level_names().iter().map(|s| s.to_string()).collect(),
            _ => {
                let candidates = self.all_names();
                self.diags.push(err::unknown_name(head.span, &head.node, "name", &candidates));
                return None;
            }
        };
        match labels.iter().position(|l| *l == head.node) {
            Some(i) => Some((Expr::Label(i), strip_optional(t).clone())),
            None => {
                self.diags.push(err::unknown_label(head.span, &head.node, &labels));
                None
            }
        }
    }

    fn conditional(&mut self, c: &ExprNode, t: &ExprNode, o: &ExprNode, ctx: &Ctx) -> Option<Typed> {
        let (cond, ct) = self.expr(c, ctx)?;
        self.expect_bool(&ct, c.span)?;
        let (mut then_ctx, mut else_ctx) = (ctx.clone(), ctx.clone());
        if let Expr::Call(Builtin::Given, args) = &cond {
            then_ctx.given.extend(args.iter().cloned());
        }
        if let Expr::Compare(op, x, zero) = &cond
            && matches!(**zero, Expr::Const(n) if n.is_zero())
        {
            match op {
                Compare::Ne | Compare::Gt | Compare::Lt => then_ctx.nonzero.push((**x).clone()),
                Compare::Eq => else_ctx.nonzero.push((**x).clone()),
                _ => {}
            }
        }
        let a = self.expr(t, &then_ctx);
        let b = self.expr(o, &else_ctx);
        let ((a, ta), (b, tb)) = (a?, b?);
        let ty = self.same_type(&ta, &tb, o.span)?;
        Some((Expr::If(Box::new(cond), Box::new(a), Box::new(b)), ty))
    }

    fn same_type(&mut self, a: &Ty, b: &Ty, span: Span) -> Option<Ty> {
        match (a, b) {
            (Ty::Nothing, Ty::Nothing) => Some(Ty::Nothing),
            (Ty::Nothing, t) | (t, Ty::Nothing) => Some(match t {
                Ty::Optional(_) => t.clone(),
                t => Ty::Optional(Box::new(t.clone())),
            }),
            (Ty::Optional(x), Ty::Optional(y)) => Some(Ty::Optional(Box::new(self.same_type(x, y, span)?))),
            (Ty::Optional(x), y) | (y, Ty::Optional(x)) => Some(Ty::Optional(Box::new(self.same_type(x, y, span)?))),
            (Ty::Num(x), Ty::Num(y)) => match unify(*x, *y) {
                Some(u) => Some(Ty::Num(u)),
                None => {
                    self.diags.push(err::unit_mismatch(span, "choose between", *x, *y));
                    None
                }
            },
            (a, b) if a == b => Some(a.clone()),
            (a, b) => self.mismatch(span, &err::ty_words(a), &err::ty_words(b)),
        }
    }

    fn matching(
        &mut self,
        subject: &ExprNode,
        arms: &[(ast::Ident, ExprNode)],
        span: Span,
        ctx: &Ctx,
    ) -> Option<Typed> {
        let (s, st) = self.expr(subject, ctx)?;
        let labels: Vec<String> = match &st {
            Ty::Label(l) => self.label_sets[*l].clone(),
            Ty::Rating(sc) => self.scales[*sc].level_names().iter().map(|s| s.to_string()).collect(),
            t => return self.mismatch(subject.span, &msg!("check-phrase-grade-category-rating"), &err::ty_words(t)),
        };
        let mut by_label: Vec<Option<Expr>> = vec![None; labels.len()];
        let mut ty: Option<Ty> = None;
        for (label, value) in arms {
            let Some(i) = labels.iter().position(|l| *l == label.node) else {
                self.diags.push(err::unknown_label(label.span, &label.node, &labels));
                continue;
            };
            let (v, vt) = self.expr(value, ctx)?;
            ty = Some(match ty {
                None => vt,
                Some(t) => self.same_type(&t, &vt, value.span)?,
            });
            if by_label[i].replace(v).is_some() {
                let first = arms.iter().find(|(l, _)| l.node == label.node).map_or(label.span, |(l, _)| l.span);
                self.diags.push(err::duplicate(label.span, first, &label.node));
            }
        }
        let missing: Vec<String> =
            labels.iter().zip(&by_label).filter(|(_, e)| e.is_none()).map(|(l, _)| l.clone()).collect();
        if !missing.is_empty() {
            self.diags.push(err::match_arms(span, &missing));
            return None;
        }
        let arms = by_label.into_iter().collect::<Option<Vec<_>>>()?;
        Some((Expr::Match(Box::new(s), arms), ty?))
    }
}

/// The item type of a list, or of per-leaf values.
fn items_of(t: &Ty) -> Option<&Ty> {
    match t {
        Ty::List(item) | Ty::Map(_, item) => Some(item),
        _ => None,
    }
}

/// The item type of a list.
fn list_item(t: &Ty) -> Option<&Ty> {
    match t {
        Ty::List(item) => Some(item),
        _ => None,
    }
}

/// The list a list-valued formula walks (fields and item-by-item arithmetic keep it), so
/// that two lists combined item by item are known to have the same length.
pub(super) fn list_base(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Field(base, _) => list_base(base).or(Some(base)),
        Expr::Arith(_, a, b) | Expr::Compare(_, a, b) => list_base(a).or_else(|| list_base(b)),
        Expr::Call(Builtin::Factors(_), args) => args.first(),
        Expr::Const(_) | Expr::Param(_) => None,
        e => Some(e),
    }
}

fn strip_optional(t: &Ty) -> &Ty {
    match t {
        Ty::Optional(inner) => inner,
        t => t,
    }
}

/// The unit of a sum or comparison of two numbers, if they can meet.
pub fn unify(a: Unit, b: Unit) -> Option<Unit> {
    match (a, b) {
        (a, b) if a == b => Some(a),
        (Unit::Free, u) | (u, Unit::Free) => Some(u),
        _ => None,
    }
}

fn product_unit(a: Unit, b: Unit) -> Unit {
    for u in [Unit::Points, Unit::Ratio, Unit::Count] {
        if a == u || b == u {
            return u;
        }
    }
    Unit::Free
}

fn quotient_unit(a: Unit, b: Unit) -> Option<Unit> {
    use Unit::*;
    Some(match (a, b) {
        (Free, Free) => Free,
        (x, y) if x == y => Ratio,
        (x, Free | Count | Ratio) if x != Free => x,
        (Free, Count | Ratio) => Free,
        _ => return None,
    })
}
