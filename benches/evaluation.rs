//! Records per second, criterion: `cargo bench --bench evaluation`.
//!
//! - `evaluate/*`: evaluation alone, records already read (the what-if case: the same data
//!   evaluated again with other parameters);
//! - `end_to_end/*`: a JSON Lines file read, evaluated and written as JSON Lines (to a sink);
//! - `check/*`: checking a generated scoring table of 10,000 and 20,000 items scored in points
//!   (the time should double, not quadruple).
//!
//! Records repeat the 40 example departments under new names. The comparison with the
//! hand-written evaluator (`../shared/bench/native`), at 10,000 to 1,000,000 records with peak
//! memory on one and two cores, is `python3 benches/run.py`.

use std::io::Write;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jixiao::eval::{self, stream};
use jixiao::output::{ResultFormat, ResultWriter};
use jixiao::source::SourceFile;

const N: usize = 10_000;

fn program(name: &str) -> jixiao::program::Program {
    let path = format!("regulations/{name}.jx");
    let text = std::fs::read_to_string(&path).expect("the shipped regulation");
    jixiao::compile(&SourceFile::new(path, text)).expect("the shipped regulation checks").0
}

/// N records as JSON Lines text: the examples, renamed 单位0000001 ….
fn lines(name: &str, n: usize) -> String {
    let text = std::fs::read_to_string(format!("examples/{name}/departments.json")).expect("example data");
    let examples: Vec<serde_json::Map<String, serde_json::Value>> = serde_json::from_str(&text).expect("a JSON array");
    let mut out = String::new();
    for i in 0..n {
        let mut record = examples[i % examples.len()].clone();
        record.insert("部门".into(), serde_json::Value::String(format!("单位{:07}", i + 1)));
        out.push_str(&serde_json::to_string(&record).expect("JSON"));
        out.push('\n');
    }
    out
}

fn data_file(name: &str, n: usize) -> PathBuf {
    let path = std::env::temp_dir().join(format!("jixiao-bench-{name}-{n}.jsonl"));
    if !path.exists() {
        std::fs::write(&path, lines(name, n)).expect("a temporary file");
    }
    path
}

fn evaluation_alone(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate");
    group.sample_size(10).throughput(Throughput::Elements(N as u64));
    for name in ["sichuan-2014", "jiangsu-2011"] {
        let program = program(name);
        let array = format!("[{}]", lines(name, N).trim_end().replace('\n', ","));
        let records = jixiao::data::record::parse_json(&program, "bench.json", &array).expect("valid records");
        let params = eval::parameters(&program, &[]);
        group.bench_function(BenchmarkId::new(name, N), |b| {
            b.iter(|| eval::evaluate(&program, &records, &params).expect("evaluates"))
        });
    }
    group.finish();
}

fn end_to_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("end_to_end");
    group.sample_size(10).throughput(Throughput::Elements(N as u64));
    for name in ["sichuan-2014", "jiangsu-2011"] {
        let (program, path) = (program(name), data_file(name, N));
        let params = eval::parameters(&program, &[]);
        group.bench_function(BenchmarkId::new(name, N), |b| b.iter(|| run_jixiao(&program, &params, &path)));
    }
    group.finish();
}

fn run_jixiao(program: &jixiao::program::Program, params: &[jixiao::number::Number], path: &Path) {
    let mut sink = std::io::sink();
    let mut writer = ResultWriter::start(program, ResultFormat::JsonLines, &mut sink as &mut dyn Write).expect("sink");
    let name = path.display().to_string();
    let data = jixiao::data::batches::Data {
        name: &name,
        format: jixiao::data::files::DataFormat::JsonLines,
        source: jixiao::data::json_array::Source::File(path),
    };
    stream::evaluate_streamed(program, params, data, &jixiao::data::batches::Quiet, &mut |batch| writer.write(&batch))
        .expect("valid data")
        .expect("sink");
}

/// A scoring table of `n` items with points under one indicator, rolled up.
fn big_table(n: usize) -> String {
    let items: Vec<String> = (0..n).map(|i| format!("  项{i} 分值 1")).collect();
    format!(
        "办法 \"大表\"\n指标 总 {{\n{}\n}}\n输入 部门：文本\n输入 得分：每项 总：分数 0 至 100\n\
         计算 总分 = 汇总(总，得分)\n公布 {{ 单位：部门；得分：总分 }}\n",
        items.join("\n")
    )
}

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for n in [10_000, 20_000] {
        let text = big_table(n);
        group.bench_function(BenchmarkId::new("items in points", n), |b| {
            b.iter(|| jixiao::compile(&SourceFile::new("big.jx", text.clone())).is_ok())
        });
    }
    group.finish();
}

criterion_group!(benches, evaluation_alone, end_to_end, check);
criterion_main!(benches);
