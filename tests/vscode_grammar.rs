//! The VS Code extension's highlighting grammar (`editors/vscode/syntaxes/jixiao.tmLanguage.json`)
//! run through the engine VS Code uses (vscode-textmate and vscode-oniguruma, from the npm
//! registry) by `editors/vscode/test/grammar.test.js`: the shipped regulations, in Chinese and
//! formatted with English keywords, get no token that the grammar leaves unscoped; and a file
//! written here, with every keyword of `grammar/jixiao.pest` in both languages, every role and
//! every built-in function, gets each of them highlighted as such (a keyword the grammar forgot
//! would still be scoped, as a name, so only this catches it). A control file shows that the
//! script fails, naming the token.
//! Without node and npm, or when `npm ci` cannot install the two packages, the test says it is
//! skipped.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;

use common::manifest;
use jixiao::fmt::{Keywords, format};
use jixiao::source::SourceFile;

const SHIPPED: [&str; 3] = ["sichuan-2014", "jiangsu-2011", "information-security"];

/// Scopes that count as highlighting a keyword: keywords proper, types (`文本`, `列表`) and
/// constants (`是`, `无`).
const KEYWORD_SCOPES: [&str; 3] = ["keyword", "storage.type", "constant.language"];

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|dir| names.iter().map(move |n| dir.join(n))).find(|p| p.is_file())
}

fn script_dir() -> PathBuf {
    manifest().join("editors/vscode/test")
}

fn folder() -> PathBuf {
    let dir = manifest().join("target/vscode-grammar");
    std::fs::create_dir_all(&dir).expect("the folder");
    dir
}

/// Runs `command` in `dir` to its end or for `seconds` at most (then kills it): an outside
/// program must never hang the test run. Gives its status (none if it was killed) and output.
fn run_within(command: &mut Command, dir: &Path, seconds: u64, name: &str) -> (Option<ExitStatus>, String) {
    let log = folder().join(format!("{name}.log"));
    let out = std::fs::File::create(&log).expect("a file");
    let mut child = command
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(out.try_clone().expect("a file"))
        .stderr(out)
        .spawn()
        .unwrap_or_else(|e| panic!("start {name}: {e}"));
    let status = common::wait_within(&mut child, seconds);
    (status, std::fs::read_to_string(&log).unwrap_or_default())
}

/// node, ready to run the script; `None` after saying on stderr why the test is skipped.
fn node_or_skip() -> Option<&'static Path> {
    node().map_err(|why| eprintln!("skipped: {why}")).ok()
}

/// node, once `npm ci` has installed the script's packages, or why the test is skipped. The two
/// tests share one install: `npm ci` empties node_modules first, and must not run twice at once.
fn node() -> Result<&'static Path, &'static str> {
    static NODE: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let found = NODE.get_or_init(|| {
        let node =
            on_path(&["node", "node.exe"]).ok_or("node is not installed (Debian: apt-get install nodejs npm)")?;
        let npm = on_path(&["npm", "npm.cmd"]).ok_or("npm is not installed (Debian: apt-get install npm)")?;
        // The lock file pins both packages; --prefer-offline takes them from npm's cache when it
        // has them, so that only the first run needs the registry.
        let (status, output) = run_within(
            Command::new(npm).args(["ci", "--prefer-offline", "--no-audit", "--no-fund"]),
            &script_dir(),
            300,
            "npm-ci",
        );
        match status {
            Some(s) if s.success() => Ok(node),
            Some(s) => Err(format!("npm ci failed ({s}):\n{output}")),
            None => Err(format!("npm ci did not finish in 300 s:\n{output}")),
        }
    });
    found.as_deref().map_err(String::as_str)
}

/// Runs grammar.test.js on `args`: whether it passed, and what it printed.
fn grammar_test(node: &Path, args: &[PathBuf], name: &str) -> (bool, String) {
    let (status, output) = run_within(Command::new(node).arg("grammar.test.js").args(args), &script_dir(), 120, name);
    (status.is_some_and(|s| s.success()), output)
}

/// The spellings of every keyword rule of the pest grammar (`kw_let` → `["计算", "let"]`), in
/// the grammar's order, with whether the rule is reserved (never a name).
fn pest_keywords(pest: &str) -> Vec<(String, Vec<String>, bool)> {
    let reserved_list =
        pest.split("reserved = _{").nth(1).and_then(|r| r.split('}').next()).expect("the reserved rule");
    let reserved: Vec<&str> = reserved_list.split(|c: char| !(c.is_alphanumeric() || c == '_')).collect();
    pest.lines()
        .filter_map(|line| {
            let (rule, body) = line.split_once("= @{")?;
            let rule = rule.trim();
            rule.starts_with("kw_").then(|| {
                let words = literals(body);
                (rule.to_string(), words, reserved.contains(&rule))
            })
        })
        .collect()
}

/// The string literals of a pest rule's body, less those of lookaheads (`&"第"`,
/// `&("四舍五入" | "截断")`), which are what may follow the keyword, not the keyword.
fn literals(body: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = body.chars().peekable();
    let mut ahead = 0; // depth of parentheses inside a lookahead
    let mut lookahead = false;
    while let Some(c) = chars.next() {
        match c {
            '&' => lookahead = true,
            '(' if lookahead => ahead += 1,
            ')' if ahead > 0 => {
                ahead -= 1;
                lookahead = ahead > 0;
            }
            '"' => {
                let word: String = chars.by_ref().take_while(|&c| c != '"').collect();
                if !lookahead {
                    words.push(word);
                }
                lookahead = ahead > 0;
            }
            _ => {}
        }
    }
    words
}

/// A line that uses keyword `word` of rule `rule` where the language puts it. Reserved words are
/// keywords anywhere; the others (declarations, header and test words) also name things, and are
/// keywords only where a declaration or clause starts.
fn context(rule: &str, word: &str, reserved: bool) -> String {
    if reserved {
        return match rule {
            "kw_per" => format!("计算 甲 = 1 {word} 第一条"),
            _ => format!("计算 甲 = 乙 {word} 丙"),
        };
    }
    match rule {
        "kw_regulation" => format!("{word} \"标题\""),
        "kw_docno" | "kw_issuer" => format!("办法 \"标题\" {word} \"文字\""),
        "kw_issued" | "kw_effective" => format!("办法 \"标题\" {word} 2014-04-25"),
        "kw_article" => format!("{word} 第一条 \"原文\""),
        "kw_scale" => format!("{word} 甲 {{ 好 = 100% }}"),
        "kw_indicator" => format!("{word} 甲 分值 100 {{ 乙 丙 }}"),
        "kw_input" => format!("{word} 甲：文本"),
        "kw_param" | "kw_let" => format!("{word} 甲 = 1"),
        "kw_require" => format!("{word} 甲 > 0"),
        "kw_grade" => format!("{word} 甲 按 乙 {{ 优 ≥ 90 }}"),
        "kw_rank" => format!("{word} 甲 按 乙"),
        "kw_publish" => format!("{word} {{ 单位：甲 }}"),
        "kw_sample" => format!("{word} 甲 {{ 乙：1 }}"),
        "kw_test" => format!("{word} \"名称\" {{ 期望 甲 = 1 }}"),
        "kw_unit" => format!("测试 \"名称\" {{ {word} 甲 {{}} 期望 甲 = 1 }}"),
        _ => panic!("{rule} is not reserved: add a line that uses `{word}` where it is a keyword"),
    }
}

/// The keyword file, with what the script must find on each line.
fn keyword_file(dir: &Path) -> PathBuf {
    let pest = std::fs::read_to_string(manifest().join("grammar/jixiao.pest")).expect("the grammar");
    let keywords = pest_keywords(&pest);
    assert!(keywords.len() > 60, "the pest grammar's keywords were not found: {keywords:?}");
    let mut lines = vec!["# Every keyword, role and function of the language, where each is one.".to_string()];
    let mut expect = Vec::new();
    let mut add = |line: String, word: &str, scopes: &[&str]| {
        lines.push(line);
        expect.push(serde_json::json!({ "line": lines.len(), "text": word, "scopes": scopes }));
    };
    for (rule, words, reserved) in &keywords {
        assert!(words.len() >= 2, "{rule}: a Chinese and an English spelling, found {words:?}");
        for word in words {
            add(context(rule, word, *reserved), word, &KEYWORD_SCOPES);
        }
    }
    // Written as people write them: glued to a number or to the word before.
    add("计算 甲 = 乙 保留 2 位四舍五入".into(), "四舍五入", &KEYWORD_SCOPES);
    add("计算 甲 = 乙 保留 2 位截断".into(), "位", &KEYWORD_SCOPES);
    add("等次 甲 按 乙 { 优 90分以上；差 59分以下 }".into(), "以上", &KEYWORD_SCOPES);
    add("等次 甲 按 乙 { 优 90分以上；差 59分以下 }".into(), "分", &["keyword.other.unit"]);
    add("指标 甲 分值60 依据第三条".into(), "分值", &KEYWORD_SCOPES);
    add("指标 甲 分值60 依据第三条".into(), "第三条", &["markup.underline.link"]);
    let roles = pest.lines().find(|l| l.starts_with("role_name")).expect("the role_name rule");
    for role in literals(roles.split_once("@{").expect("a rule").1) {
        add(format!("公布 {{ {role}：甲 }}"), &role, &["support.type.property-name"]);
    }
    for (zh, en) in jixiao::syntax::ast::FUNCTIONS {
        for name in [zh, en] {
            add(format!("计算 甲 = {name}(乙)"), name, &["support.function"]);
        }
    }
    let jx = dir.join("keywords.jx");
    std::fs::write(&jx, lines.join("\n") + "\n").expect("written");
    let spec = dir.join("keywords.json");
    let json = serde_json::json!({ "file": "keywords.jx", "expect": expect });
    std::fs::write(&spec, serde_json::to_string_pretty(&json).expect("JSON")).expect("written");
    spec
}

/// The shipped regulations with English keywords, as `jixiao fmt --keywords en` writes them.
fn english_regulations(dir: &Path) -> Vec<PathBuf> {
    SHIPPED
        .iter()
        .map(|name| {
            let file = format!("regulations/{name}.jx");
            let source =
                SourceFile::new(file.as_str(), std::fs::read_to_string(manifest().join(&file)).expect("the file"));
            let ast = jixiao::syntax::parse(&source).expect("the shipped file parses");
            let path = dir.join(format!("{name}.en.jx"));
            std::fs::write(&path, format(&source, &ast, Keywords::En)).expect("written");
            path
        })
        .collect()
}

#[test]
fn the_grammar_scopes_every_token_and_every_keyword() {
    let Some(node) = node_or_skip() else { return };
    let dir = folder();
    let mut args: Vec<PathBuf> = SHIPPED.iter().map(|n| manifest().join(format!("regulations/{n}.jx"))).collect();
    args.extend(english_regulations(&dir));
    args.push("--expect".into());
    args.push(keyword_file(&dir));
    let (passed, output) = grammar_test(node, &args, "grammar");
    assert!(passed, "grammar.test.js found tokens the grammar does not know:\n{output}");
    assert!(output.contains("grammar: 7 files") && output.contains("; 0 problems"), "{output}");
}

/// A character no rule knows, and a name expected to be a keyword: the script must fail on
/// both and name them, or a passing run would prove nothing.
#[test]
fn the_script_fails_on_an_unknown_token_and_a_missed_keyword() {
    let Some(node) = node_or_skip() else { return };
    let dir = folder();
    std::fs::write(dir.join("control.jx"), "计算 甲 = 乙 ＠ 丙\n").expect("written");
    let json = serde_json::json!({
        "file": "control.jx",
        "expect": [{ "line": 1, "text": "乙", "scopes": KEYWORD_SCOPES }],
    });
    let spec = dir.join("control.json");
    std::fs::write(&spec, json.to_string()).expect("written");
    let (passed, output) = grammar_test(node, &["--expect".into(), spec], "control");
    assert!(!passed, "{output}");
    assert!(output.contains("control.jx:1:10: unknown token \"＠\""), "{output}");
    assert!(output.contains("control.jx:1: \"乙\" should be keyword or"), "{output}");
}

#[test]
fn the_keyword_rules_are_read_from_the_pest_grammar() {
    let pest = "kw_a = @{ (\"如果\" | \"if\") ~ kw_end }\n\
                kw_b = @{ (\"依据\" | \"per\") ~ (kw_end | &\"第\" | &(\"附件\" | \"附表\")) }\n\
                kw_c = @{ (\"至\" | \"to\") ~ kw_end | \"～\" | \"~\" | \"..\" }\n\
                reserved = _{ kw_a | kw_c }\n";
    let found = pest_keywords(pest);
    let words = |i: usize| found[i].1.iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(found.len(), 3);
    assert_eq!(words(0), ["如果", "if"]);
    assert_eq!(words(1), ["依据", "per"]);
    assert_eq!(words(2), ["至", "to", "～", "~", ".."]);
    assert_eq!(found.iter().map(|k| k.2).collect::<Vec<_>>(), [true, false, true]);
}
