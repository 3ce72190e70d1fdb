//! Shared by the contract tests (`sichuan_contract.rs`, `jiangsu_contract.rs`): exact rational
//! arithmetic on `i128` with 四舍五入 to two decimals, a deterministic PRNG, and running
//! `jixiao eval … --format json` on generated data and comparing its output.
//!
//! The regulation-specific oracles stay in the test files; this module knows nothing of any
//! regulation.

use serde_json::Value;
use std::cmp::Ordering;
use std::ops::{Add, Div, Mul, Neg, Sub};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use super::manifest;

// ---------------------------------------------------------------------------------------------
// Exact rationals
// ---------------------------------------------------------------------------------------------

/// A normalised fraction: `d > 0`, `gcd(|n|, d) == 1`, zero is `0/1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frac {
    pub n: i128,
    pub d: i128,
}

pub fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

fn ck(v: Option<i128>) -> i128 {
    v.expect("Frac arithmetic overflowed i128")
}

impl Frac {
    pub const ZERO: Frac = Frac { n: 0, d: 1 };

    pub fn new(n: i128, d: i128) -> Frac {
        assert!(d != 0, "Frac with zero denominator");
        let (n, d) = if d < 0 { (ck(n.checked_neg()), ck(d.checked_neg())) } else { (n, d) };
        let g = gcd(n, d); // gcd(0, d) == d, so 0/d becomes 0/1
        Frac { n: n / g, d: d / g }
    }

    pub fn int(n: i128) -> Frac {
        Frac { n, d: 1 }
    }

    pub fn count(c: u64) -> Frac {
        Frac::int(c as i128)
    }

    /// `t` thousandths.
    pub fn milli(t: i128) -> Frac {
        Frac::new(t, 1000)
    }

    pub fn is_integer(self) -> bool {
        self.d == 1
    }

    pub fn abs(self) -> Frac {
        Frac { n: self.n.abs(), d: self.d }
    }

    pub fn min(self, o: Frac) -> Frac {
        if self <= o { self } else { o }
    }

    /// Round to a whole number of hundredths, half away from zero; returns the hundredths.
    pub fn hundredths_half_away(self) -> i128 {
        let a = ck(self.n.abs().checked_mul(100));
        let mut q = a / self.d;
        let r = a % self.d;
        if ck(r.checked_mul(2)) >= self.d {
            q += 1;
        }
        if self.n < 0 { -q } else { q }
    }

    /// Published value: rounded to 2 decimals, half away from zero (四舍五入), as a Frac.
    pub fn round2(self) -> Frac {
        Frac::new(self.hundredths_half_away(), 100)
    }

    /// Rounded to 2 decimals, half away from zero, formatted with exactly two decimals.
    pub fn fmt2(self) -> String {
        let h = self.hundredths_half_away();
        let sign = if h < 0 { "-" } else { "" };
        let a = h.abs();
        format!("{sign}{}.{:02}", a / 100, a % 100)
    }

    /// Truncated decimal expansion, for diagnostics only.
    pub fn expand(self, digits: usize) -> String {
        let sign = if self.n < 0 { "-" } else { "" };
        let a = self.n.abs();
        let mut s = format!("{sign}{}.", a / self.d);
        let mut r = a % self.d;
        for _ in 0..digits {
            r *= 10;
            s.push(char::from(b'0' + (r / self.d) as u8));
            r %= self.d;
        }
        if r != 0 {
            s.push('…');
        }
        s
    }

    /// `n/d = expansion`, for failure messages.
    pub fn show(self) -> String {
        format!("{}/{} = {}", self.n, self.d, self.expand(24))
    }
}

impl Add for Frac {
    type Output = Frac;
    fn add(self, o: Frac) -> Frac {
        let g = gcd(self.d, o.d);
        let d = ck((self.d / g).checked_mul(o.d));
        let a = ck(self.n.checked_mul(o.d / g));
        let b = ck(o.n.checked_mul(self.d / g));
        Frac::new(ck(a.checked_add(b)), d)
    }
}

impl Neg for Frac {
    type Output = Frac;
    fn neg(self) -> Frac {
        Frac { n: ck(self.n.checked_neg()), d: self.d }
    }
}

impl Sub for Frac {
    type Output = Frac;
    fn sub(self, o: Frac) -> Frac {
        self + (-o)
    }
}

impl Mul for Frac {
    type Output = Frac;
    fn mul(self, o: Frac) -> Frac {
        if self.n == 0 || o.n == 0 {
            return Frac::ZERO;
        }
        let g1 = gcd(self.n, o.d);
        let g2 = gcd(o.n, self.d);
        let n = ck((self.n / g1).checked_mul(o.n / g2));
        let d = ck((self.d / g2).checked_mul(o.d / g1));
        Frac::new(n, d)
    }
}

impl Div for Frac {
    type Output = Frac;
    fn div(self, o: Frac) -> Frac {
        assert!(o.n != 0, "Frac division by zero");
        self * Frac::new(o.d, o.n)
    }
}

impl PartialOrd for Frac {
    fn partial_cmp(&self, o: &Frac) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Frac {
    fn cmp(&self, o: &Frac) -> Ordering {
        ck(self.n.checked_mul(o.d)).cmp(&ck(o.n.checked_mul(self.d)))
    }
}

/// `p` percent.
pub fn pct(p: i128) -> Frac {
    Frac::new(p, 100)
}

/// Exactly x.xx5: a multiple of 1/200 that is not a multiple of 1/100.
pub fn is_half_cent(f: Frac) -> bool {
    (f * Frac::int(200)).is_integer() && !(f * Frac::int(100)).is_integer()
}

/// Checks of the arithmetic above, run by each contract test as a test of its oracle.
pub fn assert_frac_arithmetic() {
    let third = Frac::new(1, 3);
    assert_eq!(third + third + third, Frac::int(1));
    assert_eq!(Frac::new(6, -4), Frac { n: -3, d: 2 });
    assert_eq!(Frac::new(0, -7), Frac::ZERO);
    assert_eq!(Frac::new(2, 3) * Frac::new(3, 4), Frac::new(1, 2));
    assert_eq!(Frac::new(1, 2) / Frac::new(1, 4), Frac::int(2));
    assert_eq!(Frac::new(1, 10) - Frac::new(3, 10), Frac::new(-1, 5));
    assert!(Frac::new(-1, 3) < Frac::ZERO && Frac::new(2, 3) > Frac::new(3, 5));
    assert_eq!(Frac::new(2, 7).min(Frac::new(1, 7)), Frac::new(1, 7));
    assert_eq!(Frac::milli(87_125), Frac::new(697, 8));
    assert_eq!(pct(40) * Frac::int(80), Frac::int(32));
    assert_eq!(Frac::new(1, 3).expand(5), "0.33333…");
}

/// Checks of 四舍五入 to two decimals, run by each contract test as a test of its oracle.
pub fn assert_rounding_half_away_from_zero() {
    assert_eq!(Frac::new(3001, 40).fmt2(), "75.03"); // 75.025
    assert_eq!(Frac::milli(89_995).fmt2(), "90.00");
    assert_eq!(Frac::milli(89_994).fmt2(), "89.99");
    assert_eq!(Frac::milli(89_985).fmt2(), "89.99");
    assert_eq!(Frac::milli(60_005).fmt2(), "60.01");
    assert_eq!(Frac::new(-1, 200).fmt2(), "-0.01");
    assert_eq!(Frac::new(1, 200).fmt2(), "0.01");
    assert_eq!(Frac::new(-1, 300).fmt2(), "0.00");
    assert_eq!(Frac::new(17999, 200).fmt2(), "90.00"); // 89.995
    assert_eq!(Frac::new(-681, 200).fmt2(), "-3.41"); // -3.405
    assert_eq!(Frac::new(2, 3).fmt2(), "0.67");
    assert_eq!(Frac::new(-2, 3).fmt2(), "-0.67");
    assert_eq!(Frac::new(7502499, 100000).fmt2(), "75.02");
    assert_eq!(Frac::int(18).fmt2(), "18.00");
    assert_eq!(Frac::int(10).fmt2(), "10.00");
    assert_eq!(Frac::ZERO.fmt2(), "0.00");
    assert_eq!(Frac::new(-17, 5).fmt2(), "-3.40");
    assert_eq!(Frac::int(-120).fmt2(), "-120.00");
    assert_eq!(pct(20).fmt2(), "0.20");
    assert_eq!(pct(12).fmt2(), "0.12");
    assert_eq!(Frac::new(3001, 40).round2(), Frac::new(7503, 100));
    // 75.025 reached through thirds: 75 + 1/12 − 7/120 = 75.025
    let t = Frac::int(75) + Frac::new(1, 12) - Frac::new(7, 120);
    assert_eq!(t, Frac::new(3001, 40));
    assert!(is_half_cent(t) && !is_half_cent(Frac::new(7503, 100)));
    assert!(!is_half_cent(Frac::new(1, 3)));
}

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG (splitmix64)
// ---------------------------------------------------------------------------------------------

pub struct Rng(u64);

impl Rng {
    /// The stream for `seed`; each test file mixes in its own `salt` so that the same seed
    /// gives different data in different tests.
    pub fn new(seed: u64, salt: u64) -> Rng {
        Rng(seed ^ salt)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n.
    pub fn below(&mut self, n: u64) -> u64 {
        assert!(n > 0);
        self.next() % n
    }

    /// Uniform in lo..=hi.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        assert!(lo <= hi, "empty range {lo}..={hi}");
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in lo..=hi, for signed quantities (the same draws as `range`).
    pub fn range_i128(&mut self, lo: i128, hi: i128) -> i128 {
        assert!(lo <= hi, "empty range {lo}..={hi}");
        lo + self.below((hi - lo + 1) as u64) as i128
    }

    /// True with probability num/den.
    pub fn chance(&mut self, num: u64, den: u64) -> bool {
        self.below(den) < num
    }

    /// Uniform in 0..len.
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------------

/// Removes the data file even when the test panics.
pub struct TempFile(pub PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

static FILE_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Writes `data` as pretty JSON to a new file `jixiao-{test}-contract-…-{tag}-….json` in the
/// temporary directory; the file goes when the returned guard is dropped.
pub fn write_json(test: &str, tag: &str, data: &Value) -> TempFile {
    let path = std::env::temp_dir().join(format!(
        "jixiao-{test}-contract-{}-{}-{}.json",
        std::process::id(),
        tag,
        FILE_COUNTER.fetch_add(1, AtomicOrdering::Relaxed)
    ));
    let file = TempFile(path);
    std::fs::write(&file.0, serde_json::to_string_pretty(data).unwrap())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", file.0.display()));
    file
}

/// Runs `jixiao eval regulations/REGULATION DATA --format json [--set S]…` from the
/// repository root.
pub fn eval_json(regulation: &str, data: &Path, sets: &[String]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    cmd.arg("eval").arg(manifest().join("regulations").join(regulation)).arg(data).args(["--format", "json"]);
    for s in sets {
        cmd.arg("--set").arg(s);
    }
    cmd.current_dir(manifest()).output().expect("cannot run the jixiao binary")
}

/// The JSON on stdout of a successful run; otherwise panics with both streams (`note` is
/// added after the exit status).
pub fn stdout_json(tag: &str, note: &str, out: &Output) -> Value {
    assert!(
        out.status.success(),
        "[{tag}] jixiao eval failed with {}{note}\nstderr:\n{}\nstdout:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("[{tag}] stdout is not JSON ({e}):\n{}", String::from_utf8_lossy(&out.stdout)))
}

/// The top-level `results` array of the output.
pub fn results_array<'a>(tag: &str, out: &'a Value) -> &'a Vec<Value> {
    out.get("results").and_then(Value::as_array).unwrap_or_else(|| panic!("[{tag}] no \"results\" array in {out}"))
}

// ---------------------------------------------------------------------------------------------
// Comparing the output with an oracle
// ---------------------------------------------------------------------------------------------

/// A field as found in the output, for messages.
pub fn found(v: Option<&Value>) -> String {
    match v {
        None => "nothing".to_string(),
        Some(v) => v.to_string(),
    }
}

/// Notes in `bad` unless `got` is the JSON string `want`.
pub fn expect_str(bad: &mut Vec<String>, field: &str, got: Option<&Value>, want: &str) {
    if got.and_then(Value::as_str) != Some(want) {
        bad.push(format!("{field}: expected \"{want}\", found {}", found(got)));
    }
}

/// Notes in `bad` every named value that `values` does not carry as its 2-decimal string.
pub fn expect_values(bad: &mut Vec<String>, values: Option<&Value>, expected: &[(&str, Frac)]) {
    for &(vname, v) in expected {
        let want = v.fmt2();
        let got = values.and_then(|vs| vs.get(vname));
        if got.and_then(Value::as_str) != Some(want.as_str()) {
            bad.push(format!("values.{vname}: expected \"{want}\" (exact {}), found {}", v.show(), found(got)));
        }
    }
}

/// What one record got wrong, for the failure report; `total` is the exact total and its name.
pub fn record_failure(
    tag: &str,
    i: usize,
    name: &str,
    input: &Value,
    total: (&str, Frac),
    output: &Value,
    bad: &[String],
) -> String {
    format!(
        "[{tag}] record #{i} {name}:\n  input:  {input}\n  exact {}: {}\n  output: {output}\n  - {}",
        total.0,
        total.1.show(),
        bad.join("\n  - ")
    )
}

/// Panics with the first `shown` of the `failures`, if there are any, out of `records`
/// records; `note` goes before "first … shown".
pub fn fail_if_any(tag: &str, failures: &[String], records: usize, shown: usize, note: &str) {
    if !failures.is_empty() {
        let shown: Vec<&str> = failures.iter().take(shown).map(String::as_str).collect();
        panic!(
            "[{tag}] {} of {} records disagree with the contract ({note}first {} shown):\n{}",
            failures.len(),
            records,
            shown.len(),
            shown.join("\n")
        );
    }
}
