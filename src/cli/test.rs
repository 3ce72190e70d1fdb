//! `jixiao test`: the regulation files' own test cases.

use super::*;

pub(super) fn test(files: &[PathBuf], strict: bool, data: Option<&Path>, accept: bool) -> R<ExitCode> {
    if data.is_some() && files.len() > 1 {
        return Err(Failure {
            diagnostics: vec![
                Diagnostic::error(
                    "E0915",
                    tr(
                        "--data names the data of one regulation, but several were given",
                        "--data 只能指定一个办法的数据，但给出了多个办法",
                    ),
                )
                .help(tr(
                    "run jixiao test once for each regulation with its data",
                    "请对每个办法分别运行 jixiao test 并给出其数据",
                )),
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
                println!(
                    "{}",
                    tr(
                        format!("{}: does not check; its tests were not run", file.display()),
                        format!("{}：检查未通过，其中的测试没有运行", file.display()),
                    )
                );
                failed += 1;
                continue;
            }
        };
        println!("{}", file.display());
        let coverage = std::cell::RefCell::new(eval::Coverage::default());
        for outcome in cases::run_traced(&program, &coverage) {
            if outcome.passed() {
                passed += 1;
                println!("{}{}", tr("  ok    ", "  通过  "), outcome.name);
            } else {
                failed += 1;
                let (name, line) = (&outcome.name, outcome.line);
                println!("{}", tr(format!("  FAIL  {name} (line {line})"), format!("  失败  {name}（第 {line} 行）")));
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
                Snap::Failed(tr("result snapshot", "结果快照"), Vec::new())
            }
            other => other?,
        };
        match snap {
            Snap::None => {}
            Snap::Passed(what) => {
                passed += 1;
                println!("{}{what}", tr("  ok    ", "  通过  "));
            }
            Snap::Accepted(what) => {
                passed += 1;
                println!("{}{what}", tr("  saved ", "  已保存"));
            }
            Snap::Failed(what, lines) => {
                failed += 1;
                println!("{}{what}", tr("  FAIL  ", "  失败  "));
                for line in lines {
                    println!("        {line}");
                }
            }
        }
        let missing = cases::unexercised(&program, &coverage.borrow());
        if !missing.is_empty() {
            println!("{}", tr("  not exercised by any test:", "  以下规则没有任何测试用到："));
            for m in &missing {
                println!(
                    "{}",
                    tr(format!("        line {}: {}", m.line, m.what), format!("        第 {} 行：{}", m.line, m.what))
                );
            }
        }
        unexercised += missing.len();
    }
    if strict && unexercised > 0 {
        println!(
            "{}",
            tr(
                format!("{unexercised} rule(s) not exercised (--strict)"),
                format!("{unexercised} 条规则没有测试用到（--strict）"),
            )
        );
    }
    println!("{}", tr(format!("{passed} passed, {failed} failed"), format!("通过 {passed} 个，失败 {failed} 个")));
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
                return Ok(Snap::Failed(tr("result snapshot", "结果快照"), vec![data_gone(&named)]));
            }
            named
        }
        (None, None) if accept => return Err(no_data_to_accept(file)),
        (None, None) => return Ok(Snap::None),
    };
    let (results, count) = match results_now(program, &data) {
        Ok(now) => now,
        Err(why) => return Ok(Snap::Failed(tr("result snapshot", "结果快照"), vec![why])),
    };
    let what = tr(
        format!("result snapshot ({}, {count} departments)", data.display()),
        format!("结果快照（{}，{count} 个部门）", data.display()),
    );
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
        tr(format!("{d} does not evaluate (see above)"), format!("{d} 无法评估（见上文）"))
    })?;
    let inputs: Vec<&[eval::Value]> = loaded.records.iter().map(|r| r.inputs.as_slice()).collect();
    // The results as the snapshot file holds them, read back as it is.
    let document: Option<serde_json::Value> =
        serde_json::from_str(&output::json(program, &loaded.results, &inputs)).ok();
    match document.and_then(|mut d| d.get_mut("results").map(serde_json::Value::take)) {
        Some(results) => Ok((results, loaded.results.len())),
        None => Err(tr(
            "the results could not be read back as JSON: a defect of jixiao, please report it",
            "结果无法按 JSON 读回：这是 jixiao 的缺陷，请报告",
        )),
    }
}

/// The data a snapshot names is not there.
fn data_gone(named: &Path) -> String {
    let d = named.display();
    tr(
        format!("the data the snapshot names, {d}, is not there: restore it, or name the data with --data DATA"),
        format!("快照所指的数据 {d} 不存在：请恢复该文件，或用 --data 数据 指定"),
    )
}

/// Data named, but no snapshot to compare with.
fn no_snapshot_yet(file: &Path, data: &Path) -> String {
    let (f, d) = (file.display(), data.display());
    tr(
        format!(
            "no snapshot yet: review the results (jixiao eval), then save them with: jixiao test {f} --data {d} --accept"
        ),
        format!("还没有快照：请先审阅结果（jixiao eval），再用以下命令保存：jixiao test {f} --data {d} --accept"),
    )
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
            Diagnostic::error(
                "E0916",
                tr(
                    format!("{}: not a result snapshot: {why}", path.display()),
                    format!("{}：不是结果快照：{why}", path.display()),
                ),
            )
            .help(tr(
                "restore it from version control, or make it again with jixiao test REGULATION --data DATA --accept",
                "请从版本库恢复该文件，或用 jixiao test 办法 --data 数据 --accept 重新生成",
            )),
        ]
        .into()
    };
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| broken(e.to_string()))?;
    let data = doc
        .get("data")
        .and_then(|d| d.as_str())
        .ok_or_else(|| broken(tr("its \"data\" is not the path of a file", "其 \"data\" 不是文件路径")))?;
    let rules = doc
        .get("rules")
        .and_then(|r| r.as_array())
        .and_then(|r| r.iter().map(|l| l.as_str().map(str::to_string)).collect::<Option<Vec<_>>>())
        .ok_or_else(|| broken(tr("its \"rules\" are not a list of texts", "其 \"rules\" 不是文本列表")))?;
    let results = doc.get("results").filter(|r| r.is_array()).cloned();
    let results = results.ok_or_else(|| broken(tr("its \"results\" are not a list", "其 \"results\" 不是列表")))?;
    Ok(Accepted { data: data.to_string(), rules, results })
}

/// `--accept` without data: nothing to take a snapshot of.
fn no_data_to_accept(file: &Path) -> Failure {
    Failure {
        diagnostics: vec![
            Diagnostic::error(
                "E0915",
                tr(
                    format!("--accept: {} has no result snapshot yet, so no data to take one of", file.display()),
                    format!("--accept：{} 还没有结果快照，因此不知道用哪个数据生成", file.display()),
                ),
            )
            .help(tr(
                format!("name the data: jixiao test {} --data DATA --accept", file.display()),
                format!("请指定数据：jixiao test {} --data 数据 --accept", file.display()),
            )),
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
