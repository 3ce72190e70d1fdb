//! `jixiao test`: the regulation files' own test cases.

use super::*;

pub(super) fn test(files: &[PathBuf], strict: bool) -> R<ExitCode> {
    let (mut passed, mut failed, mut unexercised) = (0, 0, 0);
    for file in files {
        let program = match compile(file) {
            Ok((p, _)) => p,
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
