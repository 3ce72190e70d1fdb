//! What the checker can prove about data before seeing it: that a list has items, that a
//! divisor is not zero.

use super::expr::Ctx;
use super::{Checker, err};
use crate::number::Number;
use crate::program::{Arith, Builtin, Expr, Shape, ValueId, ValueKind};
use crate::source::Span;

impl Checker<'_> {
    /// The data shape behind a formula that reads an input, if it does.
    pub(super) fn shape_of(&self, e: &Expr) -> Option<&Shape> {
        crate::program::shape_of(&self.inputs, e)
    }

    /// Whether a list-valued formula is sure to have at least one item.
    pub(super) fn nonempty(&self, e: &Expr) -> bool {
        match e {
            // One value per leaf: an indicator has at least one leaf.
            Expr::Value(v) => matches!(self.slots[*v].ty, Some(crate::program::Ty::Map(..))),
            Expr::Call(Builtin::Rollup { .. }, _) => false,
            Expr::Call(Builtin::Factors(_), args) => args.first().is_some_and(|a| self.nonempty(a)),
            Expr::Call(Builtin::TallyFactors(_), args) => args
                .first()
                .and_then(|a| self.shape_of(a))
                .is_some_and(|s| matches!(s, Shape::Tally { nonempty: true, .. })),
            Expr::Field(base, _) => self.nonempty(base),
            e => match self.shape_of(e) {
                Some(Shape::List { min, .. }) => *min > 0,
                Some(Shape::Each { .. }) => true,
                _ => false,
            },
        }
    }

    pub(super) fn may_be_zero(&self, e: &Expr, ctx: &Ctx) -> bool {
        if ctx.nonzero.contains(e) {
            return false;
        }
        match e {
            Expr::Const(n) => n.is_zero(),
            Expr::Call(Builtin::TallyTotal, args) => !args
                .first()
                .and_then(|a| self.shape_of(a))
                .is_some_and(|s| matches!(s, Shape::Tally { nonempty: true, .. })),
            Expr::Call(Builtin::Length, args) => !args.first().is_some_and(|a| self.nonempty(a)),
            Expr::Arith(Arith::Mul, a, b) => self.may_be_zero(a, ctx) || self.may_be_zero(b, ctx),
            Expr::Arith(Arith::Div, a, _) | Expr::Neg(a) => self.may_be_zero(a, ctx),
            // A parameter's value (checked again when `--set` changes it), a value computed
            // from numbers and parameters, an input declared above 0.
            Expr::Param(p) => self.params[*p].default.is_zero(),
            Expr::Value(v) => self.constant_value(*v).is_none_or(|n| n.is_zero()),
            e if self.lower_bound(e).is_some_and(|lb| lb > Number::ZERO) => false,
            e => !matches!(self.shape_of(e), Some(Shape::Number { min: Some(m), .. })
                if m.value > Number::ZERO || (m.value == Number::ZERO && !m.inclusive)),
        }
    }

    /// A number every record's value of `e` is at least, from the data's declared limits:
    /// `个数(打分) - 2` with `项数 3 至 9` is at least 1.
    fn lower_bound(&self, e: &Expr) -> Option<Number> {
        match e {
            Expr::Const(n) => Some(*n),
            Expr::Call(Builtin::Length, args) => match self.shape_of(args.first()?)? {
                Shape::List { min, .. } => Some(Number::int(*min as i128)),
                _ => None,
            },
            Expr::Arith(Arith::Add, a, b) => self.lower_bound(a)?.checked_add(self.lower_bound(b)?).ok(),
            Expr::Arith(Arith::Sub, a, b) => match &**b {
                Expr::Const(n) => self.lower_bound(a)?.checked_sub(*n).ok(),
                _ => None,
            },
            e => match self.shape_of(e)? {
                Shape::Number { min: Some(m), .. } => Some(m.value),
                _ => None,
            },
        }
    }

    /// A value that is the same for every record: a formula of numbers and parameters.
    fn constant_value(&self, v: ValueId) -> Option<Number> {
        match &self.slots[v].def.as_ref()?.kind {
            ValueKind::Let { family: None, expr, adjustments, cap: None, floor: None, .. }
                if adjustments.is_empty() =>
            {
                self.fixed_value(expr)
            }
            _ => None,
        }
    }

    /// A divisor (`what`, at `span`) the checker can prove non-zero, or E0305; the parameters
    /// the proof rests on are marked, so that no `--set` makes them 0 (a guard of `如果` needs
    /// none).
    pub(super) fn divisor(&mut self, e: &Expr, span: Span, what: &str, ctx: &Ctx) -> Option<()> {
        if self.may_be_zero(e, ctx) {
            self.diags.push(err::maybe_zero(span, what));
            return None;
        }
        if !ctx.nonzero.contains(e) {
            self.mark_divisor(e);
        }
        Some(())
    }

    fn mark_divisor(&mut self, e: &Expr) {
        let mut params = Vec::new();
        self.divisor_params(e, &mut params);
        for p in params {
            self.params[p].divisor = true;
        }
    }

    fn divisor_params(&self, e: &Expr, out: &mut Vec<usize>) {
        match e {
            Expr::Param(p) => out.push(*p),
            Expr::Value(v) => {
                if let Some(ValueKind::Let { expr, .. }) = self.slots[*v].def.as_ref().map(|d| &d.kind) {
                    self.divisor_params(expr, out);
                }
            }
            e => e.children().into_iter().for_each(|c| self.divisor_params(c, out)),
        }
    }
}
