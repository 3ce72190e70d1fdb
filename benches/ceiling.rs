//! The ceiling for evaluation alone with today's numbers and records: the Jiangsu regulation's
//! values written out by hand in Rust over jixiao's own records (`data::Value`) and exact
//! fractions (`number::Fraction`), reduced and stored as results are, then ranked. No
//! interpreter can beat it; what it reaches against `native-anchor --repeat` bounds what any
//! compiled form of a regulation can reach without changing how numbers and records are held.
//!
//! ```sh
//! cargo bench --bench ceiling --no-run   # then, with DATA a Jiangsu JSON array:
//! target/release/deps/ceiling-… regulations/jiangsu-2011.jx DATA.json --repeat 100
//! ```

use std::path::Path;
use std::time::Instant;

use jixiao::data::Value;
use jixiao::number::{Fraction, Number, Rounding};
use jixiao::source::SourceFile;

/// The allocator the jixiao binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `n / d` in lowest terms, worked out once.
fn ratio(n: i64, d: i64) -> Fraction {
    Fraction::int(n).over(Fraction::int(d)).map_or(Fraction::ZERO, Fraction::lowest)
}

/// The weights of 苏政发〔2011〕94号 (第七条 to 第十六条), as the regulation file folds them.
struct Weights {
    hundredth: Fraction,
    tenths: [Fraction; 11],
    yifa: [Fraction; 7],
    plan: Fraction,
    half_year: Fraction,
    year_end: Fraction,
    leaders: Fraction,
    service: Fraction,
    public: Fraction,
}

impl Weights {
    fn new() -> Weights {
        Weights {
            hundredth: ratio(1, 100),
            tenths: std::array::from_fn(|k| ratio(k as i64, 10)),
            yifa: [15, 15, 14, 14, 14, 14, 14].map(|w| ratio(w, 100)),
            plan: ratio(3, 100),
            half_year: ratio(9, 100),
            year_end: ratio(48, 100),
            leaders: ratio(9, 100),
            service: ratio(12, 100),
            public: ratio(9, 100),
        }
    }
}

fn number(v: &Value) -> Option<Fraction> {
    match v {
        Value::Num(n) => Fraction::of(*n),
        _ => None,
    }
}

/// Σ weight × value.
fn weighted(weights: &[Fraction], values: &[Value]) -> Option<Fraction> {
    weights.iter().zip(values).try_fold(Fraction::ZERO, |sum, (w, v)| sum.plus(w.times(number(v)?)?))
}

/// Σ 权重 ÷ 100 × 得分 over a list of work items.
fn items(w: &Weights, list: &Value) -> Option<Fraction> {
    let Value::List(items) = list else { return None };
    items.iter().try_fold(Fraction::ZERO, |sum, item| {
        let Value::Record(fields) = item else { return None };
        sum.plus(w.hundredth.times(number(&fields[1])?)?.times(number(&fields[2])?)?)
    })
}

/// Every value of one department, reduced as results hold them, and the published score.
fn department(w: &Weights, inputs: &[Value], out: &mut Vec<Value>) -> Option<()> {
    let t = &w.tenths;
    let (Value::Map(work), Value::Map(management), Value::Map(innovation), Value::Map(leaders)) =
        (&inputs[4], &inputs[5], &inputs[6], &inputs[7])
    else {
        return None;
    };
    let (key, routine, other) = (items(w, &work[0])?, items(w, &work[1])?, items(w, &work[2])?);
    let functions = weighted(&[t[4], t[4], t[2]], &[key, routine, other].map(|f| Value::Num(f.reduced())))?;
    let by_law = weighted(&w.yifa, &management[0..7])?;
    let efficient = weighted(&[t[2]; 5], &management[7..12])?;
    let clean = weighted(&[t[2]; 5], &management[12..17])?;
    let manage = t[4].times(by_law)?.plus(t[3].times(efficient)?)?.plus(t[3].times(clean)?)?;
    let improve = weighted(&[t[2], t[5], t[3]], &innovation[1..4])?;
    let incentive = weighted(&[t[5], t[5]], &innovation[4..6])?;
    let staff = weighted(&[t[3], t[4], t[3]], &innovation[6..9])?;
    let innovate = t[5].times(number(&innovation[0])?)?.plus(t[3].times(improve)?)?.plus(t[1].times(incentive)?)?;
    let innovate = innovate.plus(t[1].times(staff)?)?;
    let year_end = t[5].times(functions)?.plus(t[3].times(manage)?)?.plus(t[2].times(innovate)?)?;
    let work_score = w.plan.times(number(&inputs[2])?)?.plus(w.half_year.times(number(&inputs[3])?)?)?;
    let work_score = work_score.plus(w.year_end.times(year_end)?)?;
    let leader = weighted(&[t[4], t[3], t[3]], leaders)?;
    let public = w.leaders.times(leader)?.plus(w.service.times(number(&inputs[8])?)?)?;
    let public = public.plus(w.public.times(number(&inputs[9])?)?)?;
    let Value::List(deductions) = &inputs[10] else { return None };
    let deducted = deductions.iter().try_fold(Fraction::ZERO, |sum, d| match d {
        Value::Record(fields) => sum.plus(number(&fields[1])?),
        _ => None,
    })?;
    let checks = Fraction::int(10).minus(deducted)?.max(Fraction::ZERO);
    let exact = work_score.plus(public)?.plus(checks)?;
    let score = exact.reduced().round(2, Rounding::HalfUp).ok()?;
    let all = [key, routine, other, functions, by_law, efficient, clean, manage, improve, incentive, staff];
    out.extend(
        all.iter().chain(&[innovate, year_end, work_score, leader, public, checks]).map(|f| Value::Num(f.reduced())),
    );
    out.push(Value::Num(score));
    Some(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let (Some(regulation), Some(data)) = (args.first(), args.get(1)) else {
        eprintln!("usage: ceiling regulations/jiangsu-2011.jx DATA.json [--repeat K]");
        std::process::exit(2);
    };
    let repeat: u32 =
        args.iter().position(|a| a == "--repeat").and_then(|i| args.get(i + 1)?.parse().ok()).unwrap_or(1);
    let text = std::fs::read_to_string(regulation).expect("the regulation");
    let (program, _) = jixiao::compile(&SourceFile::new(regulation.clone(), text)).expect("the regulation checks");
    let records = jixiao::data::files::read(&program, Path::new(data)).expect("valid data");
    let weights = Weights::new();
    // The same scores as jixiao's, or the comparison would mean nothing.
    let params = jixiao::eval::parameters(&program, &[]);
    let results = jixiao::eval::evaluate(&program, &records, &params).expect("evaluates");
    for (r, result) in records.iter().zip(&results) {
        let mut values = Vec::new();
        department(&weights, &r.inputs, &mut values).expect("Jiangsu data");
        assert_eq!(values.last(), Some(&result.values[program.roles.score]), "{}", r.unit);
    }
    let started = Instant::now();
    for _ in 0..repeat.max(1) {
        let mut results: Vec<(String, Vec<Value>)> = Vec::with_capacity(records.len());
        for r in std::hint::black_box(&records) {
            let mut values = Vec::with_capacity(program.values.len());
            department(&weights, &r.inputs, &mut values).expect("Jiangsu data");
            results.push((r.unit.clone(), values));
        }
        let mut keys: Vec<(Number, usize)> = results
            .iter()
            .enumerate()
            .map(|(i, (_, v))| (v.last().and_then(Value::as_num).unwrap_or(Number::ZERO), i))
            .collect();
        keys.sort();
        std::hint::black_box((&results, &keys));
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "records={} repeat={repeat} eval_s={seconds:.4} eval_records_per_s={:.0}",
        records.len(),
        records.len() as f64 * f64::from(repeat.max(1)) / seconds
    );
}
