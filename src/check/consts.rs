//! Fixed numbers written in declarations (scale percentages, points, weights, defaults,
//! ranges): folded at check time, so they are exact constants in the program.

use super::{Checker, err};
use crate::number::Number;
use crate::program::Unit;
use crate::syntax::ast::{BinaryOp, Expr, ExprNode, UnaryOp, UnitSuffix};

impl Checker<'_> {
    /// The value and unit of a formula made only of numbers, or a diagnostic.
    pub(super) fn constant(&mut self, e: &ExprNode, what: &str) -> Option<(Number, Unit)> {
        match fold(e) {
            Ok(v) => Some(v),
            Err(()) => {
                self.diags.push(err::not_constant(e.span, what));
                None
            }
        }
    }

    /// A constant with an expected unit (a plain number is accepted for any unit).
    pub(super) fn constant_in(&mut self, e: &ExprNode, unit: Unit, what: &str) -> Option<Number> {
        let (value, found) = self.constant(e, what)?;
        if found != unit && found != Unit::Free {
            self.diags.push(err::type_mismatch(e.span, &err::unit_words(unit), &err::unit_words(found)));
            return None;
        }
        Some(value)
    }
}

fn fold(e: &ExprNode) -> Result<(Number, Unit), ()> {
    match &e.node {
        Expr::Quantity { value, unit } => Ok(quantity(*value, *unit)),
        Expr::Unary { op, operand } if op.node == UnaryOp::Neg => {
            let (v, u) = fold(operand)?;
            Ok((v.checked_neg().map_err(|_| ())?, u))
        }
        Expr::Binary { op, lhs, rhs } => {
            let ((a, ua), (b, ub)) = (fold(lhs)?, fold(rhs)?);
            let unit = if ua == Unit::Free { ub } else { ua };
            let v = match op.node {
                BinaryOp::Add => a.checked_add(b),
                BinaryOp::Sub => a.checked_sub(b),
                BinaryOp::Mul => a.checked_mul(b),
                BinaryOp::Div => a.checked_div(b),
                _ => return Err(()),
            };
            Ok((v.map_err(|_| ())?, unit))
        }
        _ => Err(()),
    }
}

/// A written quantity: `10%` is the fraction 0.1.
pub fn quantity(value: rust_decimal::Decimal, unit: Option<UnitSuffix>) -> (Number, Unit) {
    let n = Number::from_decimal(value);
    match unit {
        Some(UnitSuffix::Percent) => (n.checked_div(Number::int(100)).unwrap_or(n), Unit::Ratio),
        Some(UnitSuffix::Points) => (n, Unit::Points),
        None => (n, Unit::Free),
    }
}
