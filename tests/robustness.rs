//! Broken inputs end in diagnostics, never a panic or a hang: the Sichuan file truncated,
//! with a line missing, with stray characters; hostile nesting, huge numbers, invalid UTF-8.

mod common;

use common::{jixiao, manifest};
use jixiao::source::SourceFile;

fn sichuan() -> String {
    std::fs::read_to_string(manifest().join("regulations/sichuan-2014.jx")).unwrap()
}

/// Compiles (and, when it compiles, runs the embedded tests of) a variant of a file.
/// A panic fails the test; any diagnostic is fine, but an error must carry a code.
fn survives(text: &str) {
    let src = SourceFile::new("variant.jx", text);
    match jixiao::compile(&src) {
        Ok((program, _)) => {
            let _ = jixiao::cases::run(&program);
        }
        Err(diags) => {
            assert!(diags.iter().any(|d| d.is_error()), "failed without an error");
            for d in diags {
                assert!(d.code.len() == 5, "odd code {}", d.code);
                let _ = d.render(false);
            }
        }
    }
}

#[test]
fn truncated_anywhere() {
    let text = sichuan();
    let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(23).collect();
    for cut in cuts {
        survives(&text[..cut]);
    }
}

#[test]
fn any_line_missing() {
    let text = sichuan();
    let lines: Vec<&str> = text.lines().collect();
    for skip in 0..lines.len() {
        let variant: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, l)| *l).collect();
        survives(&variant.join("\n"));
    }
}

#[test]
fn stray_characters() {
    let text = sichuan();
    let positions: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).collect();
    for stray in ["@", "（", "\"", "“", "{", "]", "×", "第", "%", "\u{0}"] {
        for &at in &positions {
            let variant = format!("{}{}{}", &text[..at], stray, &text[at..]);
            survives(&variant);
        }
    }
}

#[test]
fn huge_numbers_in_the_file() {
    let text = sichuan().replace("分值 60", "分值 123456789012345678901234567890123456789012345678901234567890");
    let src = SourceFile::new("huge.jx", text);
    let diags = jixiao::compile(&src).expect_err("a 60-digit number is refused");
    assert!(diags.iter().any(|d| d.code == "E0104"));
    survives(&sichuan().replace("封顶 5分", "封顶 79228162514264337593543950335分"));
}

#[test]
fn deep_nesting_through_the_binary() {
    let dir = std::env::temp_dir().join(format!("jixiao-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        ("parens", format!("计算 x = {}1{}", "(".repeat(20_000), ")".repeat(20_000))),
        ("negations", format!("计算 x = {}1", "-".repeat(20_000))),
        ("sum", format!("计算 x = 1{}", " + 1".repeat(20_000))),
        ("brackets", format!("测试 \"t\" {{ 单位 {{ a: {}1{} }} }}", "[".repeat(20_000), "]".repeat(20_000))),
        ("conditions", format!("计算 x = {}1{}", "如果 1 > 0 则 ".repeat(20_000), " 否则 1".repeat(20_000))),
        ("lists", format!("输入 x：{}文本", "列表 ".repeat(20_000))),
    ];
    for (name, body) in cases {
        let path = dir.join(format!("{name}.jx"));
        std::fs::write(&path, format!("办法 \"深\"\n输入 部门：文本\n{body}\n")).unwrap();
        let run = jixiao(&["check", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{name}: {}", run.text());
        // Refused as too deep, or as a syntax error where the grammar bounds nesting itself.
        assert!(run.stderr.contains("E0102") || run.stderr.contains("E0101"), "{name}: {}", run.text());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn invalid_utf8_and_oversized_files() {
    let dir = std::env::temp_dir().join(format!("jixiao-bytes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut bytes = "办法 \"测试\"\n输入 部门：文本\n".as_bytes().to_vec();
    bytes.extend([0xff, 0xfe, b'\n']);
    let bad = dir.join("bad.jx");
    std::fs::write(&bad, &bytes).unwrap();
    let run = jixiao(&["check", bad.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("E0902") && run.stderr.contains(":3:1:"), "{}", run.text());

    let data = dir.join("bad.json");
    std::fs::write(&data, [b'[', 0xc3, b']']).unwrap();
    let run = jixiao(&["eval", "regulations/sichuan-2014.jx", data.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("E0902"), "{}", run.text());

    let big = dir.join("big.jx");
    std::fs::write(&big, "# ".repeat(3 * 1024 * 1024)).unwrap();
    let run = jixiao(&["check", big.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("E0100"), "{}", run.text());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn hostile_data() {
    let dir = std::env::temp_dir().join(format!("jixiao-data-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        ("deep", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)), "E0701"),
        ("empty", String::new(), "E0701"),
        ("huge", "[{\"部门\":\"甲\",\"中央表彰\":1e400}]".to_string(), "E07"),
        ("null", "null".to_string(), "E0702"),
    ];
    for (name, text, code) in cases {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, text).unwrap();
        let run = jixiao(&["eval", "regulations/sichuan-2014.jx", path.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{name}: {}", run.text());
        assert!(run.stderr.contains(code), "{name}: {}", run.text());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
