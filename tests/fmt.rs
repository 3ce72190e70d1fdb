//! `jixiao fmt`: one canonical layout, idempotent, comments kept, and a keyword conversion that
//! changes nothing but the keywords.

mod common;

use common::{jixiao, manifest};
use jixiao::fmt::{Keywords, format};
use jixiao::source::SourceFile;

fn fmt_text(name: &str, text: &str, k: Keywords) -> String {
    let src = SourceFile::new(name, text);
    let ast = jixiao::syntax::parse(&src).unwrap_or_else(|e| panic!("{name}: {}", e[0].message));
    format(&src, &ast, k)
}

fn jx_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(manifest().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jx"))
        .collect();
    files.sort();
    files
}

#[test]
fn shipped_regulations_are_formatted() {
    let run = jixiao(&[
        "fmt",
        "--check",
        "regulations/sichuan-2014.jx",
        "regulations/jiangsu-2011.jx",
        "regulations/information-security.jx",
    ]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stdout, "");
}

#[test]
fn keyword_round_trip_is_exact_and_means_the_same() {
    for (file, data) in [
        ("regulations/sichuan-2014.jx", "examples/sichuan-2014/departments.json"),
        ("regulations/jiangsu-2011.jx", "examples/jiangsu-2011/departments.json"),
        ("regulations/information-security.jx", "examples/information-security/units.json"),
    ] {
        let zh = std::fs::read_to_string(manifest().join(file)).unwrap();
        let en = fmt_text(file, &zh, Keywords::En);
        assert_ne!(en, zh);
        assert!(en.contains("\nlet ") && !en.contains("\n计算 "), "{file}: keywords are English");
        assert_eq!(fmt_text(file, &en, Keywords::Zh), zh, "{file}: zh → en → zh changes the file");
        assert_eq!(fmt_text(file, &en, Keywords::En), en, "{file}: English layout is stable");
        // The English file evaluates to byte-identical output, and its tests pass.
        let path = std::env::temp_dir().join(format!("jixiao-en-{}-{}", std::process::id(), file.replace('/', "-")));
        std::fs::write(&path, &en).unwrap();
        let english = jixiao(&["eval", path.to_str().unwrap(), data, "--format", "json"]);
        let chinese = jixiao(&["eval", file, data, "--format", "json"]);
        let tests = jixiao(&["test", path.to_str().unwrap()]);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(english.code, 0, "{}", english.text());
        assert_eq!(english.stdout, chinese.stdout, "{file}: the English version evaluates differently");
        assert!(tests.stdout.ends_with(" 0 failed\n"), "{}", tests.text());
        insta::assert_snapshot!(format!("en__{}", file.replace("regulations/", "")), en);
    }
}

#[test]
fn every_test_file_formats_idempotently() {
    for path in jx_files("tests/cases/check")
        .into_iter()
        .chain(jx_files("tests/cases/eval"))
        .chain(jx_files("tests/cases/test"))
    {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let src = SourceFile::new(name.as_str(), text.as_str());
        // Files with syntax errors are refused, not formatted.
        let Ok(ast) = jixiao::syntax::parse(&src) else { continue };
        let once = format(&src, &ast, Keywords::Zh);
        assert_eq!(fmt_text(&name, &once, Keywords::Zh), once, "{name}: formatting twice differs");
        if text.len() < 2000 {
            insta::assert_snapshot!(format!("zh__{name}"), once);
        }
    }
}

#[test]
fn comments_stay_where_they_were() {
    let text = "# 头注\n办法 \"甲\"\n  施行 2014-04-25  # 行尾注\n\n# 段落注\n\n输入 部门：文本\n指标 树 {\n  # 子项注\n  甲 权重 50%\n  乙 权重 50%\n}\n计算 总分 = 1分\n公布 { 单位：部门；得分：总分 }\n# 文末注\n";
    let out = fmt_text("c.jx", text, Keywords::Zh);
    for c in ["# 头注", "# 行尾注", "# 段落注", "# 子项注", "# 文末注"] {
        assert!(out.contains(c), "{c} was lost:\n{out}");
    }
    assert!(out.contains("施行 2014-04-25  # 行尾注\n"), "{out}");
    assert_eq!(fmt_text("c.jx", &out, Keywords::Zh), out);
    insta::assert_snapshot!(out);
}

#[test]
fn check_mode_reports_and_writes_nothing() {
    let path = std::env::temp_dir().join(format!("jixiao-fmt-{}.jx", std::process::id()));
    let messy = "办法   \"甲\"\n输入 部门:文本\n计算 总分=1分+2分\n公布{单位:部门;得分:总分}\n";
    std::fs::write(&path, messy).unwrap();
    let run = jixiao(&["fmt", "--check", path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stdout.contains("not in the canonical layout (first difference at line 1)"), "{}", run.text());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), messy, "--check writes nothing");
    let run = jixiao(&["fmt", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    let formatted = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(formatted, "办法 \"甲\"\n输入 部门：文本\n计算 总分 = 1分 + 2分\n公布 { 单位：部门；得分：总分 }\n");
}
