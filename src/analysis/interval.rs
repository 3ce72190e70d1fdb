//! Intervals of exact numbers whose ends may be unbounded, and their arithmetic.

use std::cmp::Ordering;
use std::fmt;

use crate::number::Number;

/// One end of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    NegInf,
    At(Number),
    PosInf,
}

impl PartialOrd for End {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for End {
    fn cmp(&self, other: &Self) -> Ordering {
        use End::*;
        match (self, other) {
            (NegInf, NegInf) | (PosInf, PosInf) => Ordering::Equal,
            (NegInf, _) | (_, PosInf) => Ordering::Less,
            (_, NegInf) | (PosInf, _) => Ordering::Greater,
            (At(a), At(b)) => a.cmp(b),
        }
    }
}

impl End {
    fn sign(self) -> i128 {
        match self {
            End::NegInf => -1,
            End::PosInf => 1,
            End::At(n) => n.signum(),
        }
    }

    fn infinite(sign: i128) -> End {
        if sign < 0 { End::NegInf } else { End::PosInf }
    }

    fn add(self, o: End, toward: End) -> End {
        match (self, o) {
            (End::At(a), End::At(b)) => a.checked_add(b).map_or(toward, End::At),
            (End::At(_), x) | (x, End::At(_)) => x,
            (a, b) if a == b => a,
            _ => toward,
        }
    }

    fn mul(self, o: End, toward: End) -> End {
        match (self, o) {
            (End::At(a), End::At(b)) => a.checked_mul(b).map_or(toward, End::At),
            (End::At(a), _) | (_, End::At(a)) if a.is_zero() => End::At(Number::ZERO),
            (a, b) => End::infinite(a.sign() * b.sign()),
        }
    }

    fn neg(self) -> End {
        match self {
            End::NegInf => End::PosInf,
            End::PosInf => End::NegInf,
            End::At(n) => n.checked_neg().map_or(End::PosInf, End::At),
        }
    }

    pub fn number(self) -> Option<Number> {
        match self {
            End::At(n) => Some(n),
            _ => None,
        }
    }
}

/// All numbers from `lo` to `hi`, both included when finite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: End,
    pub hi: End,
}

impl Interval {
    pub const ALL: Interval = Interval { lo: End::NegInf, hi: End::PosInf };

    pub fn exactly(n: Number) -> Interval {
        Interval { lo: End::At(n), hi: End::At(n) }
    }

    pub fn new(lo: End, hi: End) -> Interval {
        Interval { lo, hi }
    }

    /// The smallest interval holding both.
    pub fn hull(self, o: Interval) -> Interval {
        Interval { lo: self.lo.min(o.lo), hi: self.hi.max(o.hi) }
    }

    pub fn plus(self, o: Interval) -> Interval {
        Interval { lo: self.lo.add(o.lo, End::NegInf), hi: self.hi.add(o.hi, End::PosInf) }
    }

    pub fn negated(self) -> Interval {
        Interval { lo: self.hi.neg(), hi: self.lo.neg() }
    }

    pub fn minus(self, o: Interval) -> Interval {
        self.plus(o.negated())
    }

    pub fn times(self, o: Interval) -> Interval {
        let products = [(self.lo, o.lo), (self.lo, o.hi), (self.hi, o.lo), (self.hi, o.hi)];
        let lo = products.iter().map(|(a, b)| a.mul(*b, End::NegInf)).min().unwrap_or(End::NegInf);
        let hi = products.iter().map(|(a, b)| a.mul(*b, End::PosInf)).max().unwrap_or(End::PosInf);
        Interval { lo, hi }
    }

    /// `self ÷ o`; everything when `o` may be zero.
    pub fn over(self, o: Interval) -> Interval {
        if o.lo <= End::At(Number::ZERO) && o.hi >= End::At(Number::ZERO) {
            return Interval::ALL;
        }
        let recip = |e: End| match e {
            End::At(n) => Number::ONE.checked_div(n).map_or(End::At(Number::ZERO), End::At),
            _ => End::At(Number::ZERO),
        };
        self.times(Interval { lo: recip(o.hi), hi: recip(o.lo) })
    }

    pub fn min(self, o: Interval) -> Interval {
        Interval { lo: self.lo.min(o.lo), hi: self.hi.min(o.hi) }
    }

    pub fn max(self, o: Interval) -> Interval {
        Interval { lo: self.lo.max(o.lo), hi: self.hi.max(o.hi) }
    }

    /// `n` copies of items in `self` added up, for `n` between `min` and `max` (None: no limit).
    pub fn repeated(self, min: usize, max: Option<usize>) -> Interval {
        let count = |n: Option<usize>| n.map_or(End::PosInf, |n| End::At(Number::int(n as i128)));
        let (least, most) = (count(Some(min)), count(max));
        let lo = if self.lo < End::At(Number::ZERO) {
            self.lo.mul(most, End::NegInf)
        } else {
            self.lo.mul(least, End::NegInf)
        };
        let hi = if self.hi > End::At(Number::ZERO) {
            self.hi.mul(most, End::PosInf)
        } else {
            self.hi.mul(least, End::PosInf)
        };
        Interval { lo, hi }
    }
}

impl fmt::Display for End {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            End::NegInf => f.write_str("−∞"),
            End::PosInf => f.write_str("+∞"),
            End::At(n) => f.write_str(&crate::number::number_text(*n, 2)),
        }
    }
}

impl End {
    /// As displayed, but without decimals for a whole number when `whole` (a count).
    pub fn text(self, whole: bool) -> String {
        match self {
            End::At(n) if whole && n.is_integer() => crate::number::number_text(n, 0),
            e => e.to_string(),
        }
    }
}

impl Interval {
    /// As displayed (`0.00 … 100.00`), but a count's whole ends without decimals (`0 … 46`).
    pub fn text(self, whole: bool) -> String {
        format!("{} … {}", self.lo.text(whole), self.hi.text(whole))
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} … {}", self.lo, self.hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(lo: i128, hi: i128) -> Interval {
        Interval::new(End::At(Number::int(lo)), End::At(Number::int(hi)))
    }

    #[test]
    fn arithmetic_on_intervals() {
        assert_eq!(i(1, 2).plus(i(10, 20)), i(11, 22));
        assert_eq!(i(1, 2).minus(i(10, 20)), i(-19, -8));
        assert_eq!(i(-1, 2).times(i(3, 4)), i(-4, 8));
        assert_eq!(i(0, 5).min(i(3, 3)), i(0, 3));
        assert_eq!(i(1, 2).repeated(0, Some(3)), i(0, 6));
        assert_eq!(i(10, 20).over(i(-1, 1)), Interval::ALL);
    }

    #[test]
    fn unbounded_ends() {
        let counts = Interval::new(End::At(Number::ZERO), End::PosInf);
        assert_eq!(counts.times(i(2, 2)), counts);
        assert_eq!(counts.negated(), Interval::new(End::NegInf, End::At(Number::ZERO)));
        assert_eq!(i(0, 0).times(Interval::ALL), i(0, 0));
        assert_eq!(counts.min(i(5, 5)), i(0, 5));
    }
}
