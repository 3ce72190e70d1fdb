//! Exact numbers. Data and constants are read as `rust_decimal::Decimal`, exactly as written;
//! arithmetic is done on exact fractions so that a division that does not terminate (a mean
//! over three raters) loses nothing before publication, and a total of exactly x.xx5 rounds
//! the way 四舍五入 says. Every operation is checked: overflow is an error, never a wrap.

use std::cmp::Ordering;
use std::fmt;
use std::num::NonZeroU64;

use rust_decimal::Decimal;

/// Why an exact operation could not be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArithError {
    Overflow,
    DivisionByZero,
}

impl fmt::Display for ArithError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ArithError::Overflow => "the result is too large to compute exactly",
            ArithError::DivisionByZero => "division by zero",
        })
    }
}

pub type Exact<T> = Result<T, ArithError>;

/// An exact rational number `num / den`, always reduced, `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    num: i128,
    den: i128,
}

/// How a published value is rounded (the file's `保留 N 位` clause).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// 四舍五入: half away from zero.
    HalfUp,
    /// 截断: toward zero.
    Truncate,
}

impl Number {
    pub const ZERO: Number = Number { num: 0, den: 1 };
    pub const ONE: Number = Number { num: 1, den: 1 };

    pub fn int(n: i128) -> Number {
        Number { num: n, den: 1 }
    }

    /// The numerator and the (positive) denominator, in lowest terms.
    pub fn parts(self) -> (i128, i128) {
        (self.num, self.den)
    }

    /// `num / den`, if `den` is positive.
    pub fn from_parts(num: i128, den: i128) -> Option<Number> {
        if den <= 0 { None } else { Number::reduced(num, den).ok() }
    }

    /// Exactly the decimal's value.
    pub fn from_decimal(d: Decimal) -> Number {
        if d.scale() == 0 {
            return Number::int(d.mantissa());
        }
        let den = 10i128.pow(d.scale());
        // A decimal's mantissa has 96 bits and its denominator is positive: nothing can overflow.
        Number::reduced(d.mantissa(), den).unwrap_or(Number::ZERO)
    }

    /// `num / den` in lowest terms with a positive denominator (`den` must not be zero).
    fn reduced(num: i128, den: i128) -> Exact<Number> {
        if den == 1 {
            return Ok(Number { num, den });
        }
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        // g is at least 1; it is 2^127 only when it divides i128::MIN, where `as` gives
        // i128::MIN and the quotients are still exact.
        let (num, den) = (quotient(num, g as i128), quotient(den, g as i128));
        if den < 0 {
            return Ok(Number {
                num: num.checked_neg().ok_or(ArithError::Overflow)?,
                den: den.checked_neg().ok_or(ArithError::Overflow)?,
            });
        }
        Ok(Number { num, den })
    }

    fn make(num: Option<i128>, den: Option<i128>) -> Exact<Number> {
        match (num, den) {
            (Some(n), Some(d)) if d != 0 => Number::reduced(n, d),
            (Some(_), Some(_)) => Err(ArithError::DivisionByZero),
            _ => Err(ArithError::Overflow),
        }
    }

    /// Numerator and denominator in 64 bits, when they fit: most numbers in regulations and
    /// data do, and their sums and products then fit 128 bits without checks.
    fn small(self) -> Option<(i64, u64)> {
        Some((i64::try_from(self.num).ok()?, u64::try_from(self.den).ok().filter(|&d| d <= i64::MAX as u64)?))
    }

    pub fn checked_add(self, o: Number) -> Exact<Number> {
        match (self.small(), o.small()) {
            (Some(a), Some(b)) => Ok(add_small(a, b)),
            _ => self.add_wide(o),
        }
    }

    fn add_wide(self, o: Number) -> Exact<Number> {
        if self.den == o.den {
            return Number::make(self.num.checked_add(o.num), Some(self.den));
        }
        let g = gcd(self.den.unsigned_abs(), o.den.unsigned_abs()) as i128;
        let (a, b) = (quotient(self.den, g), quotient(o.den, g));
        let num = self.num.checked_mul(b).zip(o.num.checked_mul(a)).and_then(|(x, y)| x.checked_add(y));
        Number::make(num, self.den.checked_mul(b))
    }

    pub fn checked_sub(self, o: Number) -> Exact<Number> {
        self.checked_add(o.checked_neg()?)
    }

    pub fn checked_neg(self) -> Exact<Number> {
        Number::make(self.num.checked_neg(), Some(self.den))
    }

    pub fn checked_mul(self, o: Number) -> Exact<Number> {
        match (self.small(), o.small()) {
            (Some(a), Some(b)) => Ok(mul_small(a, b)),
            _ => self.mul_wide(o),
        }
    }

    fn mul_wide(self, o: Number) -> Exact<Number> {
        // Cross-reduce first so that products stay small.
        let g1 = gcd(self.num.unsigned_abs(), o.den.unsigned_abs()).max(1) as i128;
        let g2 = gcd(o.num.unsigned_abs(), self.den.unsigned_abs()).max(1) as i128;
        let num = quotient(self.num, g1).checked_mul(quotient(o.num, g2));
        let den = quotient(self.den, g2).checked_mul(quotient(o.den, g1));
        Number::make(num, den)
    }

    pub fn checked_div(self, o: Number) -> Exact<Number> {
        if o.num == 0 {
            return Err(ArithError::DivisionByZero);
        }
        // The reciprocal of a fraction in lowest terms is in lowest terms.
        let reciprocal = if o.num < 0 {
            Number {
                num: o.den.checked_neg().ok_or(ArithError::Overflow)?,
                den: o.num.checked_neg().ok_or(ArithError::Overflow)?,
            }
        } else {
            Number { num: o.den, den: o.num }
        };
        self.checked_mul(reciprocal)
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    pub fn is_integer(self) -> bool {
        self.den == 1
    }

    pub fn signum(self) -> i128 {
        self.num.signum()
    }

    pub fn min(self, o: Number) -> Number {
        if o < self { o } else { self }
    }

    pub fn max(self, o: Number) -> Number {
        if o > self { o } else { self }
    }

    /// The largest whole number not above this one (向下取整).
    pub fn floor(self) -> Number {
        Number::int(self.num.div_euclid(self.den))
    }

    /// The smallest whole number not below this one (向上取整).
    pub fn ceil(self) -> Number {
        let f = self.num.div_euclid(self.den);
        Number::int(if self.num.rem_euclid(self.den) == 0 { f } else { f + 1 })
    }

    /// The value as a whole number, if it is one and fits.
    pub fn to_i128(self) -> Option<i128> {
        self.is_integer().then_some(self.num)
    }

    /// Rounded to `places` decimals by `rule`, computed on the exact value.
    pub fn round(self, places: u32, rule: Rounding) -> Exact<Number> {
        let scale = 10i128.checked_pow(places).ok_or(ArithError::Overflow)?;
        let scaled = self.num.checked_mul(scale).ok_or(ArithError::Overflow)?;
        let (mut q, r) = (scaled / self.den, scaled % self.den);
        if rule == Rounding::HalfUp
            && r.unsigned_abs().checked_mul(2).ok_or(ArithError::Overflow)? >= self.den.unsigned_abs()
        {
            q += scaled.signum();
        }
        Number::reduced(q, scale)
    }

    /// The decimal with exactly `places` decimals, rounded half away from zero: how every
    /// value is printed.
    pub fn to_decimal(self, places: u32) -> Exact<Decimal> {
        let rounded = self.round(places, Rounding::HalfUp)?;
        let scale = 10i128.pow(places);
        let mantissa = rounded.num.checked_mul(scale / rounded.den).ok_or(ArithError::Overflow)?;
        Decimal::try_from_i128_with_scale(mantissa, places).map_err(|_| ArithError::Overflow)
    }

    /// The exact value as a decimal, if it has a finite decimal expansion that fits.
    pub fn to_exact_decimal(self) -> Option<Decimal> {
        (0..=28u32).find_map(|p| {
            let scaled = self.checked_mul(Number::int(10i128.pow(p))).ok()?;
            let n = scaled.to_i128()?;
            Decimal::try_from_i128_with_scale(n, p).ok()
        })
    }
}

/// An exact fraction `num / den` not necessarily in lowest terms, with 64-bit parts: the
/// working number of compiled evaluation (`eval::compiled`) and of sums. Terms over one
/// denominator (or where one denominator divides the other: tenths and halves) add as whole
/// numbers, products are not reduced, and the fraction is reduced once, by `reduced`, when a
/// value is stored. Most numbers in a regulation are decimals times weights, whose parts are
/// small and whose denominators are few: this skips the GCDs and 128-bit steps a reduced
/// `Number` costs. Every operation gives `None` where a part would not fit 64 bits (or at a
/// division by zero): the caller then computes with `Number`, which says what went wrong, or
/// finds that the reduced steps fit.
#[derive(Clone, Copy, Debug)]
pub struct Fraction {
    num: i64,
    /// At most `i64::MAX`, so that it converts to a signed part as it is.
    den: NonZeroU64,
}

impl Fraction {
    pub const ZERO: Fraction = Fraction { num: 0, den: NonZeroU64::MIN };
    pub const ONE: Fraction = Fraction { num: 1, den: NonZeroU64::MIN };

    pub fn int(n: i64) -> Fraction {
        Fraction { num: n, den: NonZeroU64::MIN }
    }

    /// The number, if its parts fit 64 bits.
    pub fn of(n: Number) -> Option<Fraction> {
        Fraction::make(i64::try_from(n.num).ok()?, u64::try_from(n.den).ok()?)
    }

    #[inline]
    fn make(num: i64, den: u64) -> Option<Fraction> {
        if den > i64::MAX as u64 {
            return None;
        }
        Some(Fraction { num, den: NonZeroU64::new(den)? })
    }

    /// The sum and `o`.
    #[inline]
    pub fn plus(self, o: Fraction) -> Option<Fraction> {
        if o.den == self.den {
            return Some(Fraction { num: self.num.checked_add(o.num)?, den: o.den });
        }
        if self.num == 0 {
            return Some(o);
        }
        if o.num == 0 {
            return Some(self);
        }
        self.plus_over(o)
    }

    /// The sum over the least common denominator, each fraction scaled by the other's share
    /// of it: where one denominator divides the other (tenths and halves), the larger one.
    fn plus_over(self, o: Fraction) -> Option<Fraction> {
        let (a, b) = (self.den.get(), o.den.get());
        // A whole number meets a fraction without a division (a machine division is slow).
        let (mine, theirs) = if b == 1 {
            (1, a)
        } else if a == 1 {
            (b, 1)
        } else if a % b == 0 {
            (1, a / b)
        } else if b % a == 0 {
            (b / a, 1)
        } else {
            let g = gcd64(a, b);
            (b / g, a / g)
        };
        // Both shares are at most a denominator, so below 2^63.
        let num = self.num.checked_mul(mine as i64)?.checked_add(o.num.checked_mul(theirs as i64)?)?;
        Fraction::make(num, a.checked_mul(mine)?)
    }

    pub fn minus(self, o: Fraction) -> Option<Fraction> {
        self.plus(o.negated()?)
    }

    pub fn negated(self) -> Option<Fraction> {
        Some(Fraction { num: self.num.checked_neg()?, den: self.den })
    }

    /// The product, not reduced.
    #[inline]
    pub fn times(self, o: Fraction) -> Option<Fraction> {
        Fraction::make(self.num.checked_mul(o.num)?, self.den.get().checked_mul(o.den.get())?)
    }

    /// The quotient, not reduced; `None` for a division by zero.
    pub fn over(self, o: Fraction) -> Option<Fraction> {
        if o.num == 0 {
            return None;
        }
        let num = self.num.checked_mul(o.den.get() as i64)?;
        let den = self.den.get().checked_mul(o.num.unsigned_abs())?;
        Fraction::make(if o.num < 0 { num.checked_neg()? } else { num }, den)
    }

    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    /// Compared exactly (the cross products fit 128 bits).
    pub fn compare(self, o: Fraction) -> Ordering {
        if self.den == o.den {
            return self.num.cmp(&o.num);
        }
        (i128::from(self.num) * i128::from(o.den.get())).cmp(&(i128::from(o.num) * i128::from(self.den.get())))
    }

    pub fn min(self, o: Fraction) -> Fraction {
        if o.compare(self) == Ordering::Less { o } else { self }
    }

    pub fn max(self, o: Fraction) -> Fraction {
        if o.compare(self) == Ordering::Greater { o } else { self }
    }

    /// The largest whole number not above this one (向下取整).
    pub fn floor(self) -> Fraction {
        Fraction::int(self.num.div_euclid(self.den.get() as i64))
    }

    /// The smallest whole number not below this one (向上取整).
    pub fn ceil(self) -> Fraction {
        let den = self.den.get() as i64;
        let f = self.num.div_euclid(den);
        Fraction::int(if self.num.rem_euclid(den) == 0 { f } else { f + 1 })
    }

    /// The number, in lowest terms.
    pub fn reduced(self) -> Number {
        let lowest = self.lowest();
        Number { num: i128::from(lowest.num), den: i128::from(lowest.den.get()) }
    }

    /// The same fraction in lowest terms.
    pub fn lowest(self) -> Fraction {
        let den = self.den.get();
        if self.num == 0 {
            return Fraction::ZERO;
        }
        if den == 1 {
            return self;
        }
        let g = gcd64(self.num.unsigned_abs(), den);
        if g == 1 {
            return self;
        }
        // g divides both parts; the numerator keeps its sign.
        Fraction { num: self.num / g as i64, den: NonZeroU64::new(den / g).unwrap_or(NonZeroU64::MIN) }
    }
}

/// A number written plainly (`87.125`, `-3`: an optional minus, up to 18 digits, a point
/// between digits), exactly, without making a decimal first: how nearly every number in data
/// is written. `None` for anything else, which `parse_decimal` reads.
pub fn plain_number(text: &str) -> Option<Number> {
    let (mantissa, scale) = plain_parts(text, 18)?;
    // 18 digits fit 64 bits, and so does 10^18.
    Some(Fraction::make(mantissa as i64, 10u64.pow(scale))?.reduced())
}

/// A number written plainly — an optional minus, at most `most` digits, a point between
/// digits — as its digits (a whole number, signed) and how many come after the point. `None`
/// for anything else, and for -0, which keeps its sign on the general path.
fn plain_parts(text: &str, most: u32) -> Option<(i128, u32)> {
    let (negative, digits) = match text.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        bytes => (false, bytes),
    };
    if digits.is_empty() || digits.len() > most as usize + 1 {
        return None;
    }
    let (mut mantissa, mut count, mut scale, mut point) = (0i128, 0u32, 0u32, false);
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + i128::from(b - b'0');
                count += 1;
                scale += u32::from(point);
            }
            // A point between digits: not first, not last.
            b'.' if !point && i > 0 && i + 1 < digits.len() => point = true,
            _ => return None,
        }
    }
    if count > most || (negative && mantissa == 0) {
        return None;
    }
    Some((if negative { -mantissa } else { mantissa }, scale))
}

/// A decimal number as written — `87.125`, `-3`, `1.5e2`, full-width digits — exactly, or
/// `None` if it has more digits than a decimal holds (never rounded).
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    if let Some(d) = plain_decimal(text) {
        return Some(d);
    }
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '−' | '－' => '-',
            c => c,
        })
        .collect();
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok().filter(|e| e.abs() <= 60)?),
        None => (text.as_str(), 0),
    };
    let (sign, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let well_formed = !int.is_empty()
        && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        && (digits.len() == int.len() || !frac.is_empty());
    if !well_formed {
        return None;
    }
    // Move the point by the exponent, in text, so nothing is rounded.
    let all = format!("{int}{frac}");
    let point = int.len() as i32 + exponent;
    let plain = if point <= 0 {
        format!("0.{}{all}", "0".repeat((-point) as usize))
    } else if point as usize >= all.len() {
        format!("{all}{}", "0".repeat(point as usize - all.len()))
    } else {
        format!("{}.{}", &all[..point as usize], &all[point as usize..])
    };
    Decimal::from_str_exact(&format!("{sign}{plain}")).ok()
}

/// `-?digits(.digits)?` with at most 28 digits, as JSON and spreadsheets mostly write numbers:
/// read without the general path's copies. `None` for anything else.
fn plain_decimal(text: &str) -> Option<Decimal> {
    let (mantissa, scale) = plain_parts(text, 28)?;
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    /// Exact comparison without overflow: by sign, then integer parts, then the
    /// reciprocals of the fractional parts (a continued-fraction walk).
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        if self.den == other.den {
            return self.num.cmp(&other.num);
        }
        // Denominators are positive: a/b vs c/d is a·d vs c·b, when neither overflows
        // (never, when all four fit 64 bits).
        if let (Some((a, b)), Some((c, d))) = (self.small(), other.small()) {
            return (i128::from(a) * i128::from(d)).cmp(&(i128::from(c) * i128::from(b)));
        }
        self.cmp_wide(other)
    }
}

impl Number {
    #[cold]
    fn cmp_wide(&self, other: &Number) -> Ordering {
        // Denominators are positive: a/b vs c/d is a·d vs c·b, when neither overflows.
        if let (Some(ad), Some(cb)) = (self.num.checked_mul(other.den), other.num.checked_mul(self.den)) {
            return ad.cmp(&cb);
        }
        let (mut a, mut b, mut c, mut d) = (self.num, self.den, other.num, other.den);
        let mut flip = false;
        loop {
            let (qa, qb) = (a.div_euclid(b), c.div_euclid(d));
            if qa != qb {
                let o = qa.cmp(&qb);
                return if flip { o.reverse() } else { o };
            }
            let (ra, rc) = (a.rem_euclid(b), c.rem_euclid(d));
            match (ra == 0, rc == 0) {
                (true, true) => return Ordering::Equal,
                (true, false) => return if flip { Ordering::Greater } else { Ordering::Less },
                (false, true) => return if flip { Ordering::Less } else { Ordering::Greater },
                _ => {}
            }
            // ra/b vs rc/d  ⇔  d/rc vs b/ra, reversed.
            (a, b, c, d) = (b, ra, d, rc);
            flip = !flip;
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.to_exact_decimal() {
            Some(d) => write!(f, "{}", d.normalize()),
            None => write!(f, "{}/{}", self.num, self.den),
        }
    }
}

/// The greatest common divisor, at least 1. Euclid's on 64 bits, where division is one
/// instruction; else binary (Stein's): shifts and subtractions, as 128-bit division is a
/// slow software routine.
/// Binary GCD of two non-zero numbers of one unsigned type: shifts and subtractions, no
/// division.
macro_rules! binary_gcd {
    ($a:expr, $b:expr) => {{
        let (a, b) = ($a, $b);
        let shift = (a | b).trailing_zeros();
        let (mut a, mut b) = (a >> a.trailing_zeros(), b);
        loop {
            b >>= b.trailing_zeros();
            if a > b {
                (a, b) = (b, a);
            }
            b -= a;
            if b == 0 {
                break a << shift;
            }
        }
    }};
}

fn gcd(a: u128, b: u128) -> u128 {
    if a == 0 || b == 0 {
        return (a | b).max(1);
    }
    if a == 1 || b == 1 {
        return 1;
    }
    if let (Ok(a), Ok(b)) = (u64::try_from(a), u64::try_from(b)) {
        return u128::from(gcd64(a, b));
    }
    binary_gcd!(a, b)
}

/// `a + b` for fractions in lowest terms with 64-bit parts (denominators below 2^63): every
/// product fits 128 bits. With g = gcd of the denominators, the sum's only common factor
/// with its denominator divides g (Knuth, TAOCP 4.5.1).
fn add_small((an, ad): (i64, u64), (bn, bd): (i64, u64)) -> Number {
    if an == 0 {
        return Number { num: i128::from(bn), den: i128::from(bd) };
    }
    if bn == 0 {
        return Number { num: i128::from(an), den: i128::from(ad) };
    }
    if ad == 1 && bd == 1 {
        return Number::int(i128::from(an) + i128::from(bn));
    }
    let g = if ad == bd { ad } else { gcd64(ad, bd) };
    let (a, b) = (i128::from(ad / g), i128::from(bd / g));
    let num = i128::from(an) * b + i128::from(bn) * a;
    if num == 0 {
        return Number::ZERO;
    }
    let den = i128::from(ad) * b;
    let common = gcd(num.unsigned_abs(), u128::from(g)) as i128;
    Number { num: quotient(num, common), den: quotient(den, common) }
}

/// `a × b` for fractions in lowest terms with 64-bit parts: cross-reduced first, the
/// product is in lowest terms and fits 128 bits.
fn mul_small((an, ad): (i64, u64), (bn, bd): (i64, u64)) -> Number {
    if an == 0 || bn == 0 {
        return Number::ZERO;
    }
    let g1 = if bd == 1 { 1 } else { gcd64(an.unsigned_abs(), bd) };
    let g2 = if ad == 1 { 1 } else { gcd64(bn.unsigned_abs(), ad) };
    // g1 divides bd < 2^63 and g2 divides ad < 2^63, so they fit i64.
    let num = i128::from(an / g1 as i64) * i128::from(bn / g2 as i64);
    let den = i128::from(ad / g2) * i128::from(bd / g1);
    Number { num, den }
}

/// GCD of two non-zero numbers. When `b` is 2^i·5^j (the denominator of a decimal, as most
/// are) it is 2^min(i, …)·5^min(j, …) of `a`'s factors; else binary GCD.
fn gcd64(a: u64, b: u64) -> u64 {
    let twos = b.trailing_zeros();
    let fives = match b >> twos {
        1 => Some(0),
        5 => Some(1),
        25 => Some(2),
        125 => Some(3),
        625 => Some(4),
        _ => None,
    };
    if let Some(fives) = fives {
        let mut g = 1u64 << twos.min(a.trailing_zeros());
        let mut rest = a;
        for _ in 0..fives {
            if !rest.is_multiple_of(5) {
                break;
            }
            rest /= 5;
            g *= 5;
        }
        return g;
    }
    binary_gcd!(a, b)
}

/// `a / d` for a divisor that divides `a`, in 64 bits when both fit (i128 division is a
/// library call, and most numbers in regulations are small).
#[inline]
fn quotient(a: i128, d: i128) -> i128 {
    if d == 1 {
        return a;
    }
    match (i64::try_from(a), i64::try_from(d)) {
        (Ok(a), Ok(d)) if d > 0 => i128::from(a / d),
        _ => a / d,
    }
}

/// `n` as published: rounded half away from zero to exactly `places` decimals (`18.00`, `-0.50`,
/// `7`); every printed number goes through it (results, explanations, messages).
pub fn number_text(n: Number, places: u32) -> String {
    let mut digits = [0u8; FIXED_MAX];
    if let Some(len) = fixed_point(n, places, &mut digits) {
        // Only ASCII digits, a sign and a point were written.
        return String::from_utf8_lossy(&digits[..len]).into_owned();
    }
    match n.to_decimal(places) {
        Ok(d) => d.to_string(),
        Err(_) => n.to_string(),
    }
}

/// A sign, 29 digits of a decimal's 96-bit mantissa, a point and leading zeros.
pub(crate) const FIXED_MAX: usize = 64;

/// `n` rounded half away from zero to `places` decimals and printed with exactly that many,
/// as a decimal prints (`18.00`, `-0.50`, `7`), into `out`: its length, or `None` where a
/// decimal could not hold it (the general path then decides).
pub(crate) fn fixed_point(n: Number, places: u32, out: &mut [u8; FIXED_MAX]) -> Option<usize> {
    if places > 28 {
        return None;
    }
    let (num, den) = n.parts();
    // A 64-bit numerator times at most 10^18 fits 128 bits: no overflow check (a library
    // call for 128 bits) is needed.
    let scaled = match i64::try_from(num) {
        Ok(small) if places <= 18 => i128::from(small) * i128::from(10i64.pow(places)),
        _ => num.checked_mul(10i128.pow(places))?,
    };
    // 64-bit division where it fits: i128 division is a library call.
    let (q, r) = match (i64::try_from(scaled), i64::try_from(den)) {
        (Ok(s), Ok(d)) => (i128::from(s / d), i128::from(s % d)),
        _ => (scaled / den, scaled % den),
    };
    let q = if r.unsigned_abs() * 2 >= den.unsigned_abs() { q + scaled.signum() } else { q };
    let digits = q.unsigned_abs();
    if digits >= 1 << 96 {
        return None;
    }
    // Digits from the last, at least one before the point; in 64 bits where they fit (128-bit
    // division is a library call).
    const NINETEEN: u128 = 10_000_000_000_000_000_000;
    let mut reversed = [0u8; FIXED_MAX];
    let mut len = 0;
    let at_least = places as usize + 1;
    match u64::try_from(digits) {
        Ok(low) => put_digits(low, at_least, &mut reversed, &mut len),
        // Below 2^96: the 19 low digits, then the rest (fewer than 10 digits).
        Err(_) => {
            put_digits((digits % NINETEEN) as u64, 19, &mut reversed, &mut len);
            put_digits((digits / NINETEEN) as u64, at_least, &mut reversed, &mut len);
        }
    }
    let mut at = 0;
    if q < 0 {
        out[0] = b'-';
        at = 1;
    }
    for i in (0..len).rev() {
        out[at] = reversed[i];
        at += 1;
        if i == places as usize && places > 0 {
            out[at] = b'.';
            at += 1;
        }
    }
    Some(at)
}

/// The digits of `part` from the last into `reversed` from `len`, then zeros until `until`
/// digits are there in all.
fn put_digits(mut part: u64, until: usize, reversed: &mut [u8; FIXED_MAX], len: &mut usize) {
    while part > 0 || *len < until {
        reversed[*len] = b'0' + (part % 10) as u8;
        part /= 10;
        *len += 1;
    }
}

/// Pseudo-random numbers from `seed` (xorshift), the same every run: for tests.
#[cfg(test)]
pub(crate) fn xorshift(mut x: u64) -> impl FnMut() -> u64 {
    move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sum added lazily is the sum added and reduced term by term, for decimals, weights,
    /// thirds and products of them; where the lazy sum overflows, the reduced one is asked.
    #[test]
    fn a_lazy_sum_is_the_reduced_sum() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        let dens = [1, 2, 3, 4, 5, 10, 20, 25, 100, 1000, 7, 30, 10_000_000_000_000_000];
        for _ in 0..20_000 {
            let mut lazy = Some(Fraction::ZERO);
            let mut reduced = Ok(Number::ZERO);
            for _ in 0..(next() % 12) {
                let pick = |r: u64| {
                    let den = dens[(r % dens.len() as u64) as usize];
                    let num = (r >> 8) as i128 % 1_000_000 - 500_000;
                    Number::from_parts(num, den).expect("a positive denominator")
                };
                let (a, b) = (pick(next()), pick(next()));
                if next().is_multiple_of(2) {
                    lazy = lazy.and_then(|s| s.plus(Fraction::of(a)?));
                    reduced = reduced.and_then(|r: Number| r.checked_add(a));
                } else {
                    lazy = lazy.and_then(|s| s.plus(Fraction::of(a)?.times(Fraction::of(b)?)?));
                    reduced = reduced.and_then(|r: Number| a.checked_mul(b).and_then(|p| r.checked_add(p)));
                }
            }
            if let Some(lazy) = lazy {
                assert_eq!(Some(lazy.reduced()), reduced.ok());
            }
        }
    }
    #[test]
    fn gcd_agrees_with_euclid() {
        fn euclid(mut a: u128, mut b: u128) -> u128 {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a.max(1)
        }
        let big = [0, 1, 2, 3, 12, 18, 97, 1 << 40, u64::MAX as u128, u64::MAX as u128 + 1, 1 << 127, u128::MAX];
        let mut values: Vec<u128> = big.to_vec();
        let mut x: u128 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            values.push(x >> (x % 120));
            values.push((x % 1_000_000) * 360);
        }
        // Denominators of decimals (2^i·5^j), and numbers with many factors of 2 and 5.
        for (i, j) in [(0, 1), (1, 0), (2, 0), (0, 2), (1, 1), (2, 2), (3, 3), (10, 4), (63, 0), (5, 4)] {
            values.push((1u128 << i) * 5u128.pow(j));
            values.push((1u128 << i) * 5u128.pow(j) * 3);
            values.push(5u128.pow(j + 1) << (i + 1));
        }
        for &a in &values {
            for &b in &values {
                assert_eq!(gcd(a, b), euclid(a, b), "gcd({a}, {b})");
            }
        }
    }

    fn n(s: &str) -> Number {
        Number::from_decimal(parse_decimal(s).unwrap())
    }

    fn third() -> Number {
        Number::ONE.checked_div(Number::int(3)).unwrap()
    }

    #[test]
    fn thirds_add_up_exactly() {
        let sum = third().checked_add(third()).unwrap().checked_add(third()).unwrap();
        assert_eq!(sum, Number::ONE);
    }

    #[test]
    fn half_cent_through_thirds_rounds_up() {
        // 75.025 = 3001/40, reached as 75 + 1/3·(0.075): 28-digit decimals would give 75.0249…
        let v = n("75").checked_add(n("0.075").checked_mul(third()).unwrap()).unwrap();
        assert_eq!(v, Number::reduced(3001, 40).unwrap());
        assert_eq!(v.to_decimal(2).unwrap().to_string(), "75.03");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(n("2.345").to_decimal(2).unwrap().to_string(), "2.35");
        assert_eq!(n("-2.345").to_decimal(2).unwrap().to_string(), "-2.35");
        assert_eq!(n("2.3449").to_decimal(2).unwrap().to_string(), "2.34");
        assert_eq!(n("-0.005").to_decimal(2).unwrap().to_string(), "-0.01");
        assert_eq!(n("18").to_decimal(2).unwrap().to_string(), "18.00");
    }

    #[test]
    fn truncation_goes_toward_zero() {
        assert_eq!(n("2.349").round(2, Rounding::Truncate).unwrap(), n("2.34"));
        assert_eq!(n("-2.349").round(2, Rounding::Truncate).unwrap(), n("-2.34"));
    }

    #[test]
    fn comparison_is_exact() {
        assert!(third() < n("0.3333333333333333333333333334"));
        assert!(third() > n("0.3333333333333333333333333333"));
        assert!(n("-0.5") < third());
        assert_eq!(n("0.50"), n("0.5"));
        assert!(n("-1.5") < n("-1.25"));
    }

    #[test]
    fn overflow_is_an_error() {
        let big = Number::int(i128::MAX / 2);
        assert_eq!(big.checked_mul(Number::int(4)), Err(ArithError::Overflow));
        assert_eq!(big.checked_add(big).and_then(|x| x.checked_add(big)), Err(ArithError::Overflow));
        assert_eq!(Number::ONE.checked_div(Number::ZERO), Err(ArithError::DivisionByZero));
        assert_eq!(big.to_decimal(2), Err(ArithError::Overflow));
    }

    #[test]
    fn the_most_negative_numerator_does_not_panic() {
        let min = Number::int(i128::MIN);
        assert_eq!(Number::ONE.checked_div(min), Err(ArithError::Overflow));
        assert_eq!(min.checked_neg(), Err(ArithError::Overflow));
        assert!(matches!(min.checked_div(min), Ok(_) | Err(ArithError::Overflow)));
        assert!(min < Number::ZERO);
    }

    #[test]
    fn the_64_bit_paths_agree_with_the_128_bit_ones() {
        struct Rng(u64);
        impl Rng {
            fn below(&mut self, limit: u64) -> u64 {
                self.0 ^= self.0 << 13;
                self.0 ^= self.0 >> 7;
                self.0 ^= self.0 << 17;
                self.0 % limit
            }
            /// Mostly below `limit`, sometimes an edge case.
            fn part(&mut self, limit: u64) -> u64 {
                const EDGES: [u64; 9] = [0, 1, 2, 3, 5, 10, 100, 7 << 40, i64::MAX as u64];
                if self.below(4) == 0 { EDGES[self.below(9) as usize] } else { self.below(limit) }
            }
            fn number(&mut self, limit: u64) -> Number {
                let sign = if self.below(2) == 0 { -1 } else { 1 };
                Number::from_parts(self.part(limit) as i128 * sign, self.part(limit).max(1) as i128).expect("a number")
            }
        }
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let limit = [10, 1000, 1 << 20, i64::MAX as u64][rng.below(4) as usize];
            let (a, b) = (rng.number(limit), rng.number(limit));
            assert!(a.small().is_some() && b.small().is_some());
            assert_eq!(a.checked_add(b), a.add_wide(b), "{a:?} + {b:?}");
            assert_eq!(a.checked_mul(b), a.mul_wide(b), "{a:?} × {b:?}");
        }
        let min = Number::int(i64::MIN as i128);
        assert_eq!(min.checked_mul(min), min.mul_wide(min));
        assert_eq!(min.checked_add(min), min.add_wide(min));
    }

    #[test]
    fn the_plain_path_reads_what_the_general_path_reads() {
        let samples = [
            "0",
            "7",
            "007",
            "-3",
            "87.125",
            "-0.50",
            "100.00",
            "99.985",
            "1.",
            ".5",
            "-",
            "1..2",
            "1.2.3",
            "9999999999999999999999999999",
            "99999999999999999999999999999",
            "0.0000000000000000000000000001",
            "-0",
            "-0.0",
            "+1",
            "1e2",
            "12a",
            "",
        ];
        for text in samples {
            if let Some(plain) = plain_decimal(text) {
                // A leading space sends the text down the general path.
                let general = parse_decimal(&format!(" {text}")).expect("the general path reads it too");
                assert_eq!(
                    (plain, plain.scale(), plain.to_string()),
                    (general, general.scale(), general.to_string()),
                    "{text}"
                );
            }
        }
        assert!(plain_decimal("87.125").is_some() && plain_decimal("-3").is_some());
        // Read straight to a number, the short ones are the decimal's value exactly.
        for text in
            samples.iter().copied().chain(["123456789012345678", "-12345678901234567.8", "0.000000000000000001"])
        {
            if let Some(n) = plain_number(text) {
                assert_eq!(Some(n), parse_decimal(text).map(Number::from_decimal), "{text}");
            }
        }
        assert_eq!(plain_number("99.985"), Some(Number::from_parts(19997, 200).unwrap()));
        assert!(plain_number("1234567890123456789").is_none() && plain_number("-0").is_none());
        // Nineteen digits are left to the general reader, without overflowing on the way
        // (a multiplication that overflows panics in a debug build).
        for text in ["9999999999999999999", "-9999999999999999999", "9223372036854775808", "999999999999999999.9"] {
            assert_eq!(plain_number(text), None, "{text}");
        }
        assert_eq!(plain_number("999999999999999999"), Number::from_parts(999_999_999_999_999_999, 1));
        assert_eq!(plain_number("-99999999999999999.9"), Number::from_parts(-999_999_999_999_999_999, 10));
    }

    #[test]
    fn decimals_are_read_exactly_or_refused() {
        assert_eq!(parse_decimal("87.125").unwrap().to_string(), "87.125");
        assert_eq!(parse_decimal("1.5e2").unwrap().to_string(), "150");
        assert_eq!(parse_decimal("125E-3").unwrap().to_string(), "0.125");
        assert_eq!(parse_decimal("-0.5").unwrap().to_string(), "-0.5");
        assert_eq!(parse_decimal("０９．５").unwrap().to_string(), "9.5");
        assert_eq!(parse_decimal("100.00000000000000000000000000001"), None);
        assert_eq!(parse_decimal("1e400"), None);
        assert_eq!(parse_decimal("1.2.3"), None);
        assert_eq!(parse_decimal("abc"), None);
        assert_eq!(parse_decimal("."), None);
    }

    #[test]
    fn floor_and_ceiling_of_exact_numbers() {
        assert_eq!((n("2.7").floor(), n("2.7").ceil()), (n("2"), n("3")));
        assert_eq!((n("-0.5").floor(), n("-0.5").ceil()), (n("-1"), n("0")));
        assert_eq!((n("3").floor(), n("3").ceil()), (n("3"), n("3")));
        assert_eq!((third().floor(), third().ceil()), (n("0"), n("1")));
    }

    #[test]
    fn display_is_exact_or_a_fraction() {
        assert_eq!(n("37.50").to_string(), "37.5");
        assert_eq!(third().to_string(), "1/3");
    }

    /// Every `Fraction` operation, where it gives a number, gives the exact `Number` result,
    /// for parts of every size up to the limits (negative values, denominators near 2^63).
    #[test]
    fn fractions_agree_with_numbers() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        let special: [i64; 12] = [0, 1, -1, 2, 3, 7, 10, i64::MAX, i64::MIN, i64::MAX - 1, 1 << 62, 3_037_000_499];
        let mut part = |positive: bool| -> i64 {
            let r = next();
            let v = match r % 4 {
                0 => special[(r >> 8) as usize % special.len()],
                1 => (r >> 8) as i64 % 1000,
                2 => (r >> 1) as i64,
                _ => ((r >> 8) as i64 % 1_000_000_000_000) * if r & 1 == 0 { 1 } else { -1 },
            };
            if positive { v.unsigned_abs().clamp(1, i64::MAX as u64) as i64 } else { v }
        };
        let number = |f: Fraction| Number::from_parts(i128::from(f.num), i128::from(f.den.get())).unwrap();
        for _ in 0..200_000 {
            let a = Fraction::make(part(false), part(true) as u64).unwrap();
            let b = Fraction::make(part(false), part(true) as u64).unwrap();
            let (x, y) = (number(a), number(b));
            let checks = [
                (a.plus(b), x.checked_add(y).ok(), "plus"),
                (a.minus(b), x.checked_sub(y).ok(), "minus"),
                (a.times(b), x.checked_mul(y).ok(), "times"),
                (a.over(b), x.checked_div(y).ok(), "over"),
                (a.negated(), x.checked_neg().ok(), "negated"),
                (Some(a.floor()), Some(x.floor()), "floor"),
                (Some(a.ceil()), Some(x.ceil()), "ceil"),
                (Some(a.min(b)), Some(x.min(y)), "min"),
                (Some(a.max(b)), Some(x.max(y)), "max"),
            ];
            for (got, want, what) in checks {
                if let Some(got) = got {
                    assert_eq!(Some(got.reduced()), want, "{a:?} {what} {b:?}");
                    assert!(got.den.get() <= i64::MAX as u64, "{a:?} {what} {b:?}");
                }
            }
            assert_eq!(a.compare(b), x.cmp(&y), "{a:?} compare {b:?}");
            let low = a.lowest();
            assert_eq!((i128::from(low.num), i128::from(low.den.get())), x.parts(), "{a:?} lowest");
            assert!(b.num != 0 || a.over(b).is_none());
        }
    }

    /// Plain numbers read straight are what the general reader reads, for any text.
    #[test]
    fn plain_numbers_are_decimals() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let alphabet = b"0123456789999.-e";
        for _ in 0..200_000 {
            let len = 1 + next() % 22;
            let text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char).collect();
            if let Some(n) = plain_number(&text) {
                assert_eq!(Some(n), parse_decimal(&text).map(Number::from_decimal), "{text}");
            }
        }
    }

    /// Printing digit by digit (in 64 bits, or in two parts past them) gives what the
    /// decimal's own printing gives, for numbers of every size a decimal holds.
    #[test]
    fn printed_as_a_decimal_prints() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for digits in 1..=28u32 {
            for _ in 0..200 {
                let mantissa = (u128::from(next()) << 64 | u128::from(next())) % 10u128.pow(digits);
                let negative = next().is_multiple_of(2);
                let den = [1, 3, 7, 10, 100, 1000][(next() % 6) as usize];
                let num = if negative { -(mantissa as i128) } else { mantissa as i128 };
                let x = Number::from_parts(num, den).expect("a positive denominator");
                for places in [0, 2, 4] {
                    let mut out = [0u8; FIXED_MAX];
                    let Some(len) = fixed_point(x, places, &mut out) else { continue };
                    let expected = x.to_decimal(places).expect("fits a decimal").to_string();
                    assert_eq!(std::str::from_utf8(&out[..len]).unwrap(), expected, "{num}/{den} to {places}");
                }
            }
        }
    }
}
