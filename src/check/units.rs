//! What to change when two numbers of different units meet (E0301): the help names the
//! number or parameter written without a unit that makes a product a count, not points.

use super::{Checker, Symbol, err};
use crate::diagnostic::Diagnostic;
use crate::program::Unit;
use crate::source::Span;
use crate::syntax::ast::{self, BinaryOp, ExprNode, UnaryOp};

impl Checker<'_> {
    /// E0301 for `lhs` and `rhs`, whose units `ua` and `ub` cannot meet in `op`, with help that
    /// says what to change where the formula shows it.
    pub(super) fn unit_mismatch(
        &self,
        span: Span,
        op: &str,
        (lhs, ua): (&ExprNode, Unit),
        (rhs, ub): (&ExprNode, Unit),
    ) -> Diagnostic {
        let fix = self.unit_fix((lhs, ua), ub).or_else(|| self.unit_fix((rhs, ub), ua));
        let (a, b) = (self.source.slice(lhs.span).trim(), self.source.slice(rhs.span).trim());
        err::unit_mismatch_in(span, op, (ua, Some(a)), (ub, Some(b)), fix)
    }

    /// A number or parameter without a unit in the product `side`, which written in `target`
    /// (points or a percentage) would give the side that unit.
    fn unit_fix(&self, (side, unit): (&ExprNode, Unit), target: Unit) -> Option<err::UnitFix> {
        if !matches!(target, Unit::Points | Unit::Ratio) || !matches!(unit, Unit::Count | Unit::Ratio) || unit == target
        {
            return None;
        }
        // Only a product has a factor to blame; a lone number without a unit meets anything.
        if !matches!(&side.node, ast::Expr::Binary { op, .. } if matches!(op.node, BinaryOp::Mul | BinaryOp::Div)) {
            return None;
        }
        let what = self.unitless_factor(side)?;
        let side = self.source.slice(side.span).trim().to_string();
        Some(err::UnitFix { unit: target, side, side_unit: unit, what })
    }

    /// The first factor of a product (or dividend of a quotient) written without a unit.
    fn unitless_factor(&self, e: &ExprNode) -> Option<err::Unitless> {
        match &e.node {
            ast::Expr::Binary { op, lhs, rhs } => match op.node {
                BinaryOp::Mul => self.unitless_factor(lhs).or_else(|| self.unitless_factor(rhs)),
                BinaryOp::Div => self.unitless_factor(lhs),
                _ => None,
            },
            ast::Expr::Unary { op, operand } if op.node == UnaryOp::Neg => self.unitless_factor(operand),
            ast::Expr::Quantity { unit: None, .. } => {
                Some(err::Unitless::Number { text: self.source.slice(e.span).trim().to_string() })
            }
            ast::Expr::Path { head, steps } if steps.is_empty() => match self.names.get(&head.node) {
                Some((Symbol::Param(p), _)) if self.params[*p].unit == Unit::Free => {
                    let param = &self.params[*p];
                    let value = match param.default.to_exact_decimal() {
                        Some(_) => param.default.to_string(),
                        None => "…".to_string(),
                    };
                    Some(err::Unitless::Param { name: param.name.clone(), value, declared: param.span })
                }
                _ => None,
            },
            _ => None,
        }
    }
}
