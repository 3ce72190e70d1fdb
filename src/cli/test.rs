//! `jixiao test`: the regulation files' own test cases.

use super::*;
use crate::lang::msg;

pub(super) fn test(files: &[PathBuf], strict: bool, data: Option<&Path>, accept: bool) -> R<ExitCode> {
    if data.is_some() && files.len() > 1 {
        return Err(Failure {
            diagnostics: vec![
                Diagnostic::error("E0915", msg!("cli-data-names-data-one-regulation"))
                    .help(msg!("cli-run-jixiao-test-once-each")),
            ],
            usage: true,
        });
    }
    let (mut passed, mut failed, mut unexercised) = (0, 0, 0);
    for file in files {
        let (program, syntax) = match diff::compile_with_syntax(file) {
            Ok((p, syntax, _)) => (p, syntax),
            Err(f) => {
                report(&f.diagnostics);
                println!("{}", msg!("cli-file-does-not-check-tests", file = file.display()));
                failed += 1;
                continue;
            }
        };
        println!("{}", file.display());
        let coverage = std::cell::RefCell::new(eval::Coverage::default());
        for outcome in cases::run_traced(&program, &coverage) {
            if outcome.passed() {
                passed += 1;
                println!("  {}  {}", msg!("cli-ok"), outcome.name);
            } else {
                failed += 1;
                let (name, line) = (&outcome.name, outcome.line);
                println!("  {}", msg!("cli-fail-name-line-line", name, line));
                for f in &outcome.failures {
                    println!("        {f}");
                }
            }
        }
        let rules = crate::review::snapshot::rules(&syntax);
        let snap = match snapshot(file, (&program, rules), data, accept) {
            Err(f) if !f.usage => {
                // A broken snapshot fails this file's tests, not the others'.
                report(&f.diagnostics);
                Snap::Failed(msg!("cli-result-snapshot"), Vec::new())
            }
            other => other?,
        };
        match snap {
            Snap::None => {}
            Snap::Passed(what) => {
                passed += 1;
                println!("  {}  {what}", msg!("cli-ok"));
            }
            Snap::Accepted(what) => {
                passed += 1;
                println!("  {}{what}", msg!("cli-saved"));
            }
            Snap::Failed(what, lines) => {
                failed += 1;
                println!("  {}  {what}", msg!("cli-fail"));
                for line in lines {
                    println!("        {line}");
                }
            }
        }
        let missing = cases::unexercised(&program, &coverage.borrow());
        if !missing.is_empty() {
            println!("  {}", msg!("cli-not-exercised-any-test"));
            for m in &missing {
                println!("        {}", msg!("cli-line-line-what", line = m.line, what = m.what));
            }
        }
        unexercised += missing.len();
    }
    if strict && unexercised > 0 {
        println!("{}", msg!("cli-unexercised-rule-s-not-exercised", unexercised));
    }
    println!("{}", msg!("cli-passed-passed-failed-failed", passed, failed));
    Ok(ExitCode::from(u8::from(failed > 0 || (strict && unexercised > 0))))
}

/// What became of a regulation's result snapshot.
enum Snap {
    /// It has none, and no data was named.
    None,
    Passed(String),
    /// Written (`--accept`).
    Accepted(String),
    /// What moved, a line each.
    Failed(String, Vec<String>),
}

/// The result snapshot of `file`: beside it, `NAME.snapshot.json`.
fn snapshot_path(file: &Path) -> PathBuf {
    file.with_extension("snapshot.json")
}

/// Compares the rules and results of `file` on its data (`data`, else the data its snapshot
/// names) with its snapshot; with `accept`, writes them as the snapshot instead.
fn snapshot(file: &Path, (program, rules): (&Program, Vec<String>), data: Option<&Path>, accept: bool) -> R<Snap> {
    let path = snapshot_path(file);
    let accepted = if path.exists() { Some(read_snapshot(&path)?) } else { None };
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let data = match (data, &accepted) {
        (Some(d), _) => d.to_path_buf(),
        (None, Some(a)) => {
            let named = tidy(&folder.join(a.data.as_str()));
            if !named.exists() {
                return Ok(Snap::Failed(msg!("cli-result-snapshot"), vec![data_gone(&named)]));
            }
            named
        }
        (None, None) if accept => return Err(no_data_to_accept(file)),
        (None, None) => return Ok(Snap::None),
    };
    let (results, count) = match results_now(program, &data) {
        Ok(now) => now,
        Err(why) => return Ok(Snap::Failed(msg!("cli-result-snapshot"), vec![why])),
    };
    let what = msg!("cli-result-snapshot-data-count-departments", data = data.display(), count);
    if accept {
        let text =
            crate::review::snapshot::document(&program.header.title, &relative_path(&folder, &data), &rules, results);
        check_output_path(&path, &[file, data.as_path()])?;
        write_bytes_atomically(&path, text.as_bytes())?;
        return Ok(Snap::Accepted(format!("{what} → {}", path.display())));
    }
    let Some(accepted) = accepted else { return Ok(Snap::Failed(what, vec![no_snapshot_yet(file, &data)])) };
    let drift = crate::review::snapshot::drift((&accepted.rules, &accepted.results), (&rules, &results));
    if drift.is_empty() {
        return Ok(Snap::Passed(what));
    }
    Ok(Snap::Failed(what, output::review::drift_lines(&drift, &file.display().to_string())))
}

/// The results of `program` on `data` now, as `eval --format json` gives them, and how many;
/// or, when the data does not evaluate, why (its faults are reported).
fn results_now(program: &Program, data: &Path) -> Result<(serde_json::Value, usize), String> {
    let loaded = load(program.clone(), data, &[]).map_err(|f| {
        report(&f.diagnostics);
        let d = data.display();
        msg!("cli-d-does-not-evaluate-see", d)
    })?;
    let inputs: Vec<&[eval::Value]> = loaded.records.iter().map(|r| r.inputs.as_slice()).collect();
    // The results as the snapshot file holds them, read back as it is.
    let document: Option<serde_json::Value> =
        serde_json::from_str(&output::json(program, &loaded.results, &inputs)).ok();
    match document.and_then(|mut d| d.get_mut("results").map(serde_json::Value::take)) {
        Some(results) => Ok((results, loaded.results.len())),
        None => Err(msg!("cli-results-could-not-read-back")),
    }
}

/// The data a snapshot names is not there.
fn data_gone(named: &Path) -> String {
    let d = named.display();
    msg!("cli-data-snapshot-names-d-not", d)
}

/// Data named, but no snapshot to compare with.
fn no_snapshot_yet(file: &Path, data: &Path) -> String {
    let (f, d) = (file.display(), data.display());
    msg!("cli-no-snapshot-yet-review-results", f, d)
}

/// A snapshot as read back.
struct Accepted {
    data: String,
    rules: Vec<String>,
    results: serde_json::Value,
}

fn read_snapshot(path: &Path) -> R<Accepted> {
    let text = read_text(path).map_err(|d| vec![d])?;
    let broken = |why: String| -> Failure {
        vec![
            Diagnostic::error("E0916", msg!("cli-path-not-result-snapshot-why", path = path.display(), why))
                .help(msg!("cli-restore-version-control-make-again")),
        ]
        .into()
    };
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| broken(e.to_string()))?;
    let data = doc.get("data").and_then(|d| d.as_str()).ok_or_else(|| broken(msg!("cli-data-not-path-file")))?;
    let rules = doc
        .get("rules")
        .and_then(|r| r.as_array())
        .and_then(|r| r.iter().map(|l| l.as_str().map(str::to_string)).collect::<Option<Vec<_>>>())
        .ok_or_else(|| broken(msg!("cli-rules-not-list-texts")))?;
    let results = doc.get("results").filter(|r| r.is_array()).cloned();
    let results = results.ok_or_else(|| broken(msg!("cli-results-not-list")))?;
    Ok(Accepted { data: data.to_string(), rules, results })
}

/// `--accept` without data: nothing to take a snapshot of.
fn no_data_to_accept(file: &Path) -> Failure {
    Failure {
        diagnostics: vec![
            Diagnostic::error("E0915", msg!("cli-accept-file-has-no-result", file = file.display()))
                .help(msg!("cli-name-data-jixiao-test-file", file = file.display())),
        ],
        usage: true,
    }
}

/// `to` relative to the folder `from` (`../examples/x.json`), with `/` between parts so the
/// snapshot reads the same on every system; `to` as given where the two share no root.
fn relative_path(from: &Path, to: &Path) -> String {
    // Made absolute and tidied as words, links not followed: the path is read back the same way.
    let absolute =
        |p: &Path| std::path::absolute(if p.as_os_str().is_empty() { Path::new(".") } else { p }).map(|p| tidy(&p));
    let (Ok(from), Ok(to_abs)) = (absolute(from), absolute(to)) else {
        return to.display().to_string();
    };
    let (a, b): (Vec<_>, Vec<_>) = (from.components().collect(), to_abs.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return to_abs.display().to_string();
    }
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_string(), a.len() - common).collect();
    parts.extend(b[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/")
}

/// `a/b/../c` as `a/c`: how a path the snapshot names is shown (nothing is looked up).
fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir if matches!(out.components().next_back(), Some(Component::Normal(_))) => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}
