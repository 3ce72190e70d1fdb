//! `jixiao fmt`: files rewritten in the canonical layout, or checked against it.

use super::*;
use crate::lang::msg;

pub(super) fn fmt(files: &[PathBuf], check: bool, keywords: Option<crate::fmt::Keywords>) -> R<ExitCode> {
    let mut unformatted = 0;
    for file in files {
        let text = read_text(file).map_err(|d| vec![d])?;
        let source = SourceFile::new(file.display().to_string(), text.as_str());
        let ast = crate::syntax::parse(&source)?;
        let keywords = keywords.unwrap_or_else(|| crate::fmt::Keywords::of(&text));
        let formatted = crate::fmt::format(&source, &ast, keywords);
        // A safety net: the result must read back as the same file.
        let again = crate::syntax::parse(&SourceFile::new(file.display().to_string(), formatted.as_str()));
        let same = again.as_ref().is_ok_and(|a| crate::fmt::same_meaning(a, &ast));
        if !same {
            return Err(vec![
                Diagnostic::error("E0909", msg!("cli-file-formatting-would-change-file", file = file.display()))
                    .help(msg!("cli-defect-jixiao-fmt-please-report")),
            ]
            .into());
        }
        if formatted == text {
            continue;
        }
        unformatted += 1;
        if check {
            let line = crate::fmt::first_difference(&text, &formatted).unwrap_or(1);
            println!("{}", msg!("cli-file-not-canonical-layout-first", file = file.display(), line));
        } else {
            write_bytes_atomically(file, formatted.as_bytes())?;
            println!("{}", msg!("cli-file-formatted", file = file.display()));
        }
    }
    Ok(ExitCode::from(u8::from(check && unformatted > 0)))
}
