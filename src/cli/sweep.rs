//! `jixiao sweep`: one or two parameters over a range of values, each run counted by grade and
//! compared with the run at their defaults.

use super::*;
use crate::lang::msg;
use crate::output::review::{sweep_csv, sweep_json, sweep_text};
use crate::review::sweep::{Step, Sweep, combinations, counts, regraded};

/// The most runs a sweep makes.
const MOST_RUNS: usize = 1000;

pub(super) struct SweepArgs<'a> {
    pub file: &'a Path,
    pub data: &'a Path,
    /// `NAME=FROM..TO[:STEP]` (swept) and `NAME=VALUE` (fixed).
    pub set: &'a [String],
    pub format: Option<SweepFormat>,
    pub out: Option<&'a Path>,
    pub jobs: Option<usize>,
    pub bom: bool,
}

pub(super) fn sweep(a: SweepArgs) -> R<ExitCode> {
    let out = a.out.filter(|p| p.as_os_str() != "-");
    let format = match diff::review_format(a.format.map(SweepFormat::review), out)? {
        DiffFormat::Xlsx => return Err(sweep_xlsx()),
        other => other,
    };
    let jobs = evaluate::threads(a.jobs)?;
    let (program, _) = compile(a.file)?;
    check_outputs(out.into_iter(), &read_paths(&program, a.file, a.data))?;
    let (ranged, fixed): (Vec<&String>, Vec<&String>) = a.set.iter().partition(|s| s.contains(".."));
    let fixed: Vec<String> = fixed.into_iter().cloned().collect();
    let overrides = parse_overrides(&program, &fixed)?;
    let swept = all_swept(&program, &ranged, &overrides)?;
    diff::read_twice(a.data)?;
    report(&crate::data::files::extra_tables(&program, a.data));
    let run =
        |params: &[(usize, Number)]| diff::outcomes(&program, &eval::parameters(&program, params), a.data, jobs, None);
    let baseline = run(&overrides)?.0;
    let mut grades = crate::review::results::grade_labels(&program);
    let mut steps = Vec::new();
    for values in combinations(&swept.iter().map(|s| s.values.clone()).collect::<Vec<_>>()) {
        let mut params = overrides.clone();
        params.extend(swept.iter().zip(&values).map(|(s, v)| (s.param, *v)));
        steps.push(match run(&params) {
            Ok((now, _)) => {
                Step { counts: counts(&now, &mut grades), changed: regraded(&baseline, &now), values, refused: None }
            }
            // Values the regulation cannot be evaluated with (bands that cannot be reached):
            // said in their row, and the sweep goes on.
            Err(f) if !f.usage && f.diagnostics.iter().all(|d| d.code == "E0803") => {
                let why = f.diagnostics.first().map(|d| d.message.clone()).unwrap_or_default();
                Step { counts: Vec::new(), changed: Vec::new(), values, refused: Some(why) }
            }
            Err(f) => return Err(f),
        });
    }
    let baseline_counts = counts(&baseline, &mut grades);
    let sweep = Sweep::new(
        swept.iter().map(|s| program.params[s.param].name.clone()).collect(),
        fixed.iter().map(|f| f.replacen('=', " = ", 1)).collect(),
        (grades, baseline.len(), baseline_counts),
        steps,
    );
    let units: Vec<crate::program::Unit> = swept.iter().map(|s| program.params[s.param].unit).collect();
    let text = match format {
        DiffFormat::Table => sweep_text(&sweep, &units),
        DiffFormat::Json => sweep_json(&sweep, &units),
        DiffFormat::Csv => sweep_csv(&sweep, &units, a.bom),
        DiffFormat::Xlsx => return Err(sweep_xlsx()),
    };
    match out {
        Some(path) => write_bytes_atomically(path, text.as_bytes())?,
        None => print_out(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The ranges given (`NAME=FROM..TO[:STEP]`), each parameter once, one or two of them, and
/// at most `MOST_RUNS` runs in all.
fn all_swept(program: &Program, ranged: &[&String], fixed: &[(usize, Number)]) -> R<Vec<Swept>> {
    let mut swept: Vec<Swept> = Vec::new();
    for text in ranged {
        let s = range(program, text, fixed)?;
        if swept.iter().any(|t| t.param == s.param) {
            let name = &program.params[s.param].name;
            let help = msg!("cli-sweep-each-parameter-over-one");
            return Err(usage("E0917", (msg!("cli-swept-twice", name), help)));
        }
        swept.push(s);
    }
    if swept.is_empty() || swept.len() > 2 {
        return Err(usage("E0917", nothing_swept(swept.len())));
    }
    let runs: usize = swept.iter().map(|s| s.values.len()).product();
    if runs > MOST_RUNS {
        let help = msg!("cli-sweep-too-many-runs-help", most_runs = MOST_RUNS);
        return Err(usage("E0917", (msg!("cli-sweep-runs", runs), help)));
    }
    Ok(swept)
}

/// A parameter swept, and its values in order.
struct Swept {
    param: crate::program::ParamId,
    values: Vec<Number>,
}

/// `NAME=FROM..TO[:STEP]`: every value from FROM to TO (both included) STEP apart (default 1,
/// or 1% for a percentage).
fn range(program: &Program, text: &str, fixed: &[(usize, Number)]) -> R<Swept> {
    let bad = |why: String| usage("E0917", (msg!("cli-set-text-why", text, why), range_help()));
    let (name, spec) = text.split_once('=').ok_or_else(|| bad(msg!("cli-expected-name-step")))?;
    let name = name.trim();
    // The name and each number are checked as `--set NAME=VALUE` checks them.
    let (bounds, step) = match spec.split_once([':', '：']) {
        Some((b, s)) => (b, Some(s)),
        None => (spec, None),
    };
    let (from, to) = bounds.split_once("..").ok_or_else(|| bad(msg!("cli-expected")))?;
    let one = |v: &str| -> R<(usize, Number)> {
        let mut parsed = parse_overrides(program, &[format!("{name}={}", v.trim())])?;
        Ok(parsed.remove(0))
    };
    let (param, from) = one(from)?;
    let (_, to) = one(to)?;
    if fixed.iter().any(|(p, _)| *p == param) {
        return Err(bad(msg!("cli-parameter-also-given-single-value")));
    }
    let ratio = program.params[param].unit == crate::program::Unit::Ratio;
    let step = match step {
        Some(s) => one(s)?.1,
        None if ratio => Number::from_parts(1, 100).unwrap_or(Number::ONE),
        None => Number::ONE,
    };
    if step <= Number::ZERO {
        return Err(bad(msg!("cli-step-must-more-than-0")));
    }
    if to < from {
        return Err(bad(msg!("cli-must-not-more-than")));
    }
    let mut values = Vec::new();
    let mut v = from;
    while v <= to {
        if values.len() == MOST_RUNS {
            return Err(bad(msg!("cli-sweep-too-many-values", most_runs = MOST_RUNS)));
        }
        if v.is_zero() && program.params[param].divisor {
            // As `--set NAME=0` is refused (E0913), with the same words.
            one(if ratio { "0%" } else { "0" })?;
        }
        values.push(v);
        v = v.checked_add(step).map_err(|_| bad(msg!("cli-values-too-large")))?;
    }
    Ok(Swept { param, values })
}

fn range_help() -> String {
    msg!("cli-jixiao-sweep-jx-json-set")
}

fn nothing_swept(given: usize) -> (String, String) {
    let message =
        if given == 0 { msg!("cli-jixiao-sweep-needs-parameter-sweep") } else { msg!("cli-too-many-swept", given) };
    (message, range_help())
}

fn usage(code: &'static str, (message, help): (String, String)) -> Failure {
    Failure { diagnostics: vec![Diagnostic::error(code, message).help(help)], usage: true }
}

/// A sweep is one table: CSV opens in every spreadsheet.
fn sweep_xlsx() -> Failure {
    usage("E0911", (msg!("cli-jixiao-sweep-writes-table-json"), msg!("cli-write-csv-format-csv-opens")))
}
