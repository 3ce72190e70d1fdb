//! Calls of the built-in functions (平均, 因子, 汇总 …): arguments checked, the typed call built.

use super::expr::{Ctx, Typed, unify};
use super::{Checker, Symbol, err};
use crate::lang::msg;
use crate::program::{self as p, Builtin, Expr, NodeId, Ty, Unit};
use crate::source::Span;
use crate::syntax::ast::{self, ExprNode, FUNCTIONS};

pub fn function_names() -> Vec<String> {
    FUNCTIONS.iter().flat_map(|(zh, en)| [zh.to_string(), en.to_string()]).collect()
}

impl Checker<'_> {
    pub(super) fn call(&mut self, func: &ast::Ident, args: &[ExprNode], span: Span, ctx: &Ctx) -> Option<Typed> {
        let Some(&(zh, _)) = FUNCTIONS.iter().find(|(zh, en)| *zh == func.node || *en == func.node) else {
            self.diags.push(err::unknown_function(func.span, &func.node, &function_names()));
            return None;
        };
        let want = |n: usize, words: &str, this: &mut Self| -> Option<()> {
            if args.len() == n {
                return Some(());
            }
            this.diags.push(err::arity(span, &func.node, words, args.len()));
            None
        };
        match zh {
            "最小" | "最大" => self.min_max(zh == "最小", func, args, span, ctx),
            "汇总" if args.len() == 1 => self.rollup_named(&args[0]),
            "汇总" => {
                want(2, &msg!("check-phrase-indicator-optionally-one-value-per"), self)?;
                self.rollup(&args[0], &args[1], ctx)
            }
            "计数" if args.len() == 1 => self.count_true(&args[0], ctx),
            "计数" => {
                want(2, &msg!("check-phrase-tally-one-levels-one-condition"), self)?;
                self.count_of(&args[0], &args[1], ctx)
            }
            "合计" if args.len() == 2 => self.sum_where(&args[0], &args[1], ctx),
            "比例" => {
                want(2, &msg!("check-phrase-part-whole"), self)?;
                self.ratio(&args[0], &args[1], ctx)
            }
            _ => {
                want(1, &msg!("check-phrase-one-argument"), self)?;
                let (x, t) = self.expr(&args[0], ctx)?;
                self.unary_builtin(zh, x, t, args[0].span, ctx)
            }
        }
    }

    pub(super) fn min_max(
        &mut self,
        min: bool,
        func: &ast::Ident,
        args: &[ExprNode],
        span: Span,
        ctx: &Ctx,
    ) -> Option<Typed> {
        // 最大(评委打分): the largest item of a list, or of per-leaf values, sure to have one.
        if let [one] = args {
            let (x, t) = self.expr(one, ctx)?;
            let (Ty::List(item) | Ty::Map(_, item)) = &t else {
                self.diags.push(err::arity(span, &func.node, &msg!("check-phrase-two-more-numbers-list"), args.len()));
                return None;
            };
            let unit = self.unit_of(item, one.span)?;
            if !self.nonempty(&x) {
                self.diags.push(err::maybe_zero(one.span, &msg!("check-phrase-the-number-of-items")));
                return None;
            }
            return Some((Expr::Call(if min { Builtin::Min } else { Builtin::Max }, vec![x]), Ty::Num(unit)));
        }
        if args.len() < 2 {
            self.diags.push(err::arity(span, &func.node, &msg!("check-phrase-two-more-numbers-list"), args.len()));
            return None;
        }
        let mut unit = Unit::Free;
        let mut out = Vec::new();
        for a in args {
            let (x, t) = self.expr(a, ctx)?;
            let u = self.unit_of(&t, a.span)?;
            unit = match unify(unit, u) {
                Some(u) => u,
                None => {
                    self.diags.push(err::unit_mismatch(a.span, "compare", unit, u));
                    return None;
                }
            };
            out.push(x);
        }
        Some((Expr::Call(if min { Builtin::Min } else { Builtin::Max }, out), Ty::Num(unit)))
    }

    fn unary_builtin(&mut self, zh: &str, x: Expr, t: Ty, span: Span, _ctx: &Ctx) -> Option<Typed> {
        let call = |b: Builtin, x: Expr, t: Ty| Some((Expr::Call(b, vec![x]), t));
        match (zh, t) {
            ("因子", Ty::Rating(s)) => call(Builtin::Factor(s), x, Ty::Num(Unit::Ratio)),
            ("因子", Ty::List(item)) if matches!(*item, Ty::Rating(_)) => {
                let Ty::Rating(s) = *item else { return None };
                call(Builtin::Factors(s), x, Ty::List(Box::new(Ty::Num(Unit::Ratio))))
            }
            ("因子", Ty::Tally(s)) => call(Builtin::TallyFactors(s), x, Ty::List(Box::new(Ty::Num(Unit::Ratio)))),
            ("因子", t) => self.mismatch(span, &msg!("check-phrase-rating-list-ratings-tally"), &err::ty_words(&t)),
            ("合计", Ty::Tally(_)) => call(Builtin::TallyTotal, x, Ty::Num(Unit::Count)),
            ("合计" | "平均", Ty::List(item) | Ty::Map(_, item)) => {
                let u = self.unit_of(&item, span)?;
                if zh == "平均" && !self.nonempty(&x) {
                    self.diags.push(err::maybe_zero(span, &msg!("check-phrase-number-items-averaged")));
                    return None;
                }
                call(if zh == "合计" { Builtin::Sum } else { Builtin::Mean }, x, Ty::Num(u))
            }
            ("个数", Ty::List(_)) => call(Builtin::Length, x, Ty::Num(Unit::Count)),
            ("个数" | "平均", Ty::Tally(_)) => {
                self.diags.push(err::tally_as_list(span));
                None
            }
            ("有", Ty::Optional(_)) => call(Builtin::Given, x, Ty::Bool),
            ("有", t) => self.mismatch(span, &msg!("check-phrase-optional-input"), &err::ty_words(&t)),
            ("向下取整" | "向上取整", t) => {
                let u = self.unit_of(&t, span)?;
                call(if zh == "向下取整" { Builtin::Floor } else { Builtin::Ceil }, x, Ty::Num(u))
            }
            (_, t) => self.mismatch(span, &msg!("check-phrase-list-numbers"), &err::ty_words(&t)),
        }
    }

    fn rollup(&mut self, tree: &ExprNode, values: &ExprNode, ctx: &Ctx) -> Option<Typed> {
        let (head, node) = self.indicator_arg(tree)?;
        let (v, vt) = self.expr(values, ctx)?;
        self.has_parts(tree, node, Some(values))?;
        let Ty::Map(keys, item) = vt else {
            return self.mismatch(values.span, &msg!("check-phrase-one-value-per-leaf-indicator"), &err::ty_words(&vt));
        };
        if !p::is_within(&self.indicators, node, keys) {
            let expected = msg!("check-phrase-values-leaves", tree = head.node);
            let found = msg!("check-phrase-values-leaves", tree = self.indicators[keys].name);
            return self.mismatch(values.span, &expected, &found);
        }
        let u = self.unit_of(&item, values.span)?;
        let in_points = self.indicators[node].points.is_some() && u == Unit::Points;
        if in_points {
            let leaves = p::leaves_of(&self.indicators, node);
            self.parts_have_points(&leaves, values.span)?;
        }
        let unit = if in_points {
            Unit::Points
        } else if self.indicators[node].points.is_some() {
            if !matches!(u, Unit::Ratio | Unit::Free) {
                return self.mismatch(
                    values.span,
                    &msg!("check-phrase-percentage-per-leaf-indicator-has"),
                    &err::unit_words(u),
                );
            }
            Unit::Points
        } else {
            u
        };
        Some((Expr::Call(Builtin::Rollup { indicator: node, keys, points: in_points }, vec![v]), Ty::Num(unit)))
    }

    /// `汇总(职能工作目标)`: the indicator's value from the values named after its parts
    /// (`计算 重点工作 = …`), weighted by the tree; parts without such a value are rolled up
    /// from theirs.
    fn rollup_named(&mut self, tree: &ExprNode) -> Option<Typed> {
        let (head, node) = self.indicator_arg(tree)?;
        self.has_parts(tree, node, None)?;
        let mut parts = Vec::new();
        let mut unit = Unit::Free;
        let mut stack: Vec<NodeId> = self.indicators[node].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            let name = self.indicators[n].name.clone();
            let named = match self.names.get(&name).map(|(s, _)| *s) {
                Some(Symbol::Value(v)) => Some((Expr::Value(v), self.slots[v].ty.clone()?)),
                Some(Symbol::Input(i)) => Some((Expr::Input(i), self.inputs[i].shape.ty())),
                _ => None,
            };
            match named {
                Some((e, t)) => {
                    let u = self.unit_of(&t, tree.span)?;
                    let Some(joined) = unify(unit, u) else {
                        self.diags.push(err::unit_mismatch(tree.span, "weigh together", unit, u));
                        return None;
                    };
                    unit = joined;
                    parts.push((n, e));
                }
                None if self.indicators[n].children.is_empty() => {
                    self.diags.push(err::leaf_without_value(tree.span, &head.node, &name));
                    return None;
                }
                None => stack.extend(self.indicators[n].children.iter().rev().copied()),
            }
        }
        let in_points = self.indicators[node].points.is_some() && unit == Unit::Points;
        if in_points {
            let nodes: Vec<NodeId> = parts.iter().map(|(n, _)| *n).collect();
            self.parts_have_points(&nodes, tree.span)?;
        }
        let unit = match (self.indicators[node].points, unit) {
            (Some(_), Unit::Ratio | Unit::Free | Unit::Points) => Unit::Points,
            (Some(_), u) => {
                return self.mismatch(
                    tree.span,
                    &msg!("check-phrase-percentage-each-part-indicator-has"),
                    &err::unit_words(u),
                );
            }
            (None, u) => u,
        };
        Some((Expr::Rollup { indicator: node, parts, points: in_points }, Ty::Num(unit)))
    }

    /// In a roll-up of parts scored in points, every part has its own points (分值) to stay
    /// within.
    fn parts_have_points(&mut self, parts: &[NodeId], span: Span) -> Option<()> {
        let missing: Vec<String> = parts
            .iter()
            .filter(|&&n| self.indicators[n].points.is_none())
            .map(|&n| self.indicators[n].name.clone())
            .collect();
        if missing.is_empty() {
            return Some(());
        }
        self.diags.push(err::part_without_points(span, &missing));
        None
    }

    /// A roll-up's indicator must have parts: of a leaf it would be 0, whatever the data.
    /// `values`: the per-leaf values written, for the help line.
    fn has_parts(&mut self, tree: &ExprNode, node: NodeId, values: Option<&ExprNode>) -> Option<()> {
        if self.indicators[node].children.is_empty() {
            let name = self.indicators[node].name.clone();
            let values = values.map(|v| self.source.slice(v.span).to_string());
            self.diags.push(err::rollup_of_a_leaf(tree.span, &name, values.as_deref()));
            return None;
        }
        Some(())
    }

    /// The indicator named by 汇总's first argument.
    fn indicator_arg<'e>(&mut self, tree: &'e ExprNode) -> Option<(&'e ast::Ident, NodeId)> {
        match &tree.node {
            ast::Expr::Path { head, steps } if steps.is_empty() => Some((head, self.indicator_named(head)?)),
            _ => {
                self.diags.push(err::not_an_indicator(tree.span, self.source.slice(tree.span)));
                None
            }
        }
    }

    /// `计数(月发布条数 < 40)`: how many items of a list, or leaves, meet a condition.
    fn count_true(&mut self, cond: &ExprNode, ctx: &Ctx) -> Option<Typed> {
        let (c, t) = self.expr(cond, ctx)?;
        match &t {
            Ty::List(item) | Ty::Map(_, item) if **item == Ty::Bool => {
                Some((Expr::Call(Builtin::CountTrue, vec![c]), Ty::Num(Unit::Count)))
            }
            t => self.mismatch(cond.span, &msg!("check-phrase-one-condition-per-item-40"), &err::ty_words(t)),
        }
    }

    /// `合计(扣分项.扣分, 扣分项.查实 = 是)`: the sum of the items whose condition holds.
    fn sum_where(&mut self, values: &ExprNode, cond: &ExprNode, ctx: &Ctx) -> Option<Typed> {
        let (v, vt) = self.expr(values, ctx)?;
        let (c, ct) = self.expr(cond, ctx)?;
        let (Ty::List(item) | Ty::Map(_, item)) = &vt else {
            return self.mismatch(values.span, &msg!("check-phrase-list-numbers"), &err::ty_words(&vt));
        };
        let unit = self.unit_of(item, values.span)?;
        let same = match (&vt, &ct) {
            (Ty::List(_), Ty::List(b)) if **b == Ty::Bool => super::expr::list_base(&v) == super::expr::list_base(&c),
            (Ty::Map(x, _), Ty::Map(y, b)) if **b == Ty::Bool => {
                p::leaves_of(&self.indicators, *x) == p::leaves_of(&self.indicators, *y)
            }
            _ => {
                return self.mismatch(
                    cond.span,
                    &msg!("check-phrase-one-condition-per-item-list"),
                    &err::ty_words(&ct),
                );
            }
        };
        if !same {
            self.diags.push(err::different_lists(cond.span));
            return None;
        }
        Some((Expr::Call(Builtin::SumWhere, vec![v, c]), Ty::Num(unit)))
    }

    /// `比例(达标月数, 12)`: a part of a whole as a percentage.
    fn ratio(&mut self, part: &ExprNode, whole: &ExprNode, ctx: &Ctx) -> Option<Typed> {
        let p = self.expr(part, ctx);
        let w = self.expr(whole, ctx);
        let ((p, pt), (w, wt)) = (p?, w?);
        let (pu, wu) = (self.unit_of(&pt, part.span)?, self.unit_of(&wt, whole.span)?);
        if unify(pu, wu).is_none() {
            self.diags.push(err::unit_mismatch(whole.span, "divide", pu, wu));
            return None;
        }
        self.divisor(&w, whole.span, &msg!("check-phrase-whole"), ctx)?;
        Some((Expr::Arith(p::Arith::Div, Box::new(p), Box::new(w)), Ty::Num(Unit::Ratio)))
    }

    fn count_of(&mut self, tally: &ExprNode, level: &ExprNode, ctx: &Ctx) -> Option<Typed> {
        let (t, tt) = self.expr(tally, ctx)?;
        let Ty::Tally(s) = tt else {
            return self.mismatch(tally.span, &msg!("check-phrase-tally"), &err::ty_words(&tt));
        };
        let (label, _) = self.label_in(level, &Ty::Rating(s))?;
        let Expr::Label(i) = label else { return None };
        Some((Expr::Call(Builtin::CountOf(i), vec![t]), Ty::Num(Unit::Count)))
    }
}
