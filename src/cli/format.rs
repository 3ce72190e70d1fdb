//! `jixiao fmt`: files rewritten in the canonical layout, or checked against it.

use super::*;

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
                Diagnostic::error(
                    "E0909",
                    tr(
                        format!("{}: formatting would change the file's meaning", file.display()),
                        format!("{}：整理格式会改变文件的含义，未写入", file.display()),
                    ),
                )
                .help(tr(
                    "this is a defect in jixiao fmt; please report it with the file",
                    "这是 jixiao fmt 的缺陷，请连同该文件一起报告",
                )),
            ]
            .into());
        }
        if formatted == text {
            continue;
        }
        unformatted += 1;
        if check {
            let line = crate::fmt::first_difference(&text, &formatted).unwrap_or(1);
            println!(
                "{}",
                tr(
                    format!(
                        "{}: not in the canonical layout (first difference at line {line}); run jixiao fmt",
                        file.display()
                    ),
                    format!("{}：不是规范格式（第 {line} 行起不同）；请运行 jixiao fmt", file.display()),
                )
            );
        } else {
            write_bytes_atomically(file, formatted.as_bytes())?;
            println!("{}", tr(format!("{}: formatted", file.display()), format!("{}：已整理格式", file.display())));
        }
    }
    Ok(ExitCode::from(u8::from(check && unformatted > 0)))
}
