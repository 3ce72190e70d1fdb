//! Evaluation alone, as `native-anchor --repeat` measures it: the records of a data file are
//! read once, then evaluated and ranked in memory K times; one line on stderr gives the
//! records evaluated per second. Built and run by `benches/run.py`:
//!
//! ```sh
//! cargo bench --bench evaluate_alone --no-run   # then:
//! target/release/deps/evaluate_alone-… regulations/jiangsu-2011.jx DATA.json --repeat 10
//! ```

use std::path::Path;
use std::time::Instant;

use jixiao::eval;
use jixiao::source::SourceFile;

/// The allocator the jixiao binary uses, so that evaluation is measured as it runs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let (Some(regulation), Some(data)) = (args.first(), args.get(1)) else {
        eprintln!("usage: evaluate_alone REGULATION.jx DATA.json [--repeat K]");
        std::process::exit(2);
    };
    let repeat: u32 = match args.iter().position(|a| a == "--repeat") {
        Some(i) => args.get(i + 1).and_then(|k| k.parse().ok()).filter(|&k| k > 0).unwrap_or_else(|| {
            eprintln!("--repeat needs a whole number from 1");
            std::process::exit(2);
        }),
        None => 1,
    };
    let text = std::fs::read_to_string(regulation).expect("the regulation");
    let (program, _) = jixiao::compile(&SourceFile::new(regulation.clone(), text)).expect("the regulation checks");
    let started = Instant::now();
    let records = jixiao::data::files::read(&program, Path::new(data)).expect("valid data");
    let read = started.elapsed().as_secs_f64();
    let params = eval::parameters(&program, &[]);
    let started = Instant::now();
    for _ in 0..repeat {
        std::hint::black_box(eval::evaluate(&program, std::hint::black_box(&records), &params).expect("evaluates"));
    }
    let seconds = started.elapsed().as_secs_f64();
    let evaluated = records.len() as f64 * f64::from(repeat);
    eprintln!(
        "records={} repeat={repeat} parse_s={read:.4} eval_s={seconds:.4} eval_records_per_s={:.0}",
        records.len(),
        evaluated / seconds
    );
}
