//! Chinese throughout: under `--lang zh` (or a Chinese locale) what people read has no English
//! word in it — `explain` and `explain --losses` of every department of each shipped
//! regulation, `check --ranges`, `test`, the program's and every command's `--help`, and
//! clap's usage errors. Output is scanned for ASCII words (two letters or more) outside an
//! allow-list of names that are not English: formats, file extensions, commands and options,
//! choices one types (`table`, `zh`), product names.

mod common;

use common::{Run, jixiao, jixiao_in_locale};

/// Words that may appear in Chinese output: names of formats and products, the program and
/// its commands, the choices of options (typed as they are), and words written in the shipped
/// regulations themselves.
const ALLOWED: &[&str] = &[
    // formats and file extensions
    "JSON", "CSV", "XLSX", "HTML", "UTF", "Schema", "json", "jsonl", "csv", "xlsx", "txt", "jx", "html",
    // products a message names
    "Excel", "WPS", // the program, its commands and the choices of its options
    "jixiao", "check", "eval", "explain", "schema", "template", "convert", "fmt", "diff", "sweep", "test", "help",
    "report", "table", "text", "zh", "en", "lsp", // the protocol the language server speaks
    "LSP", // written in the article texts of regulations/information-security.jx
    "CPU", "IP", "MAC",
];

/// Where English words hide: runs of two or more ASCII letters, not in `ALLOWED`, in `text`.
/// Options (`--set`), paths (`regulations/…`) and file names are names, not words; so are the
/// letters of codes (`E0201` has one).
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in text.split(|c: char| !c.is_ascii() || c.is_ascii_whitespace()) {
        let token = token.trim_matches(|c: char| "()[]<>{}“”'\",;:=".contains(c));
        if token.starts_with('-') || token.contains('/') || token.contains('\\') {
            continue;
        }
        for word in token.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() >= 2 && !ALLOWED.contains(&word) && !found.iter().any(|f| f == word) {
                found.push(word.to_string());
            }
        }
    }
    found
}

/// Runs `jixiao --lang zh ARGS` and fails on any English word in what it printed, but for
/// the words of its arguments (a mistyped command is the user's).
fn no_english(args: &[&str]) -> Run {
    let mut all = vec!["--lang", "zh"];
    all.extend_from_slice(args);
    let run = jixiao(&all);
    assert_english_free(&run, &all.join(" "));
    run
}

fn assert_english_free(run: &Run, what: &str) {
    let typed: Vec<&str> = what.split(|c: char| !c.is_ascii_alphabetic()).collect();
    let mut words = english_words(&format!("{}\n{}", run.stdout, run.stderr));
    words.retain(|w| !typed.contains(&w.as_str()));
    assert!(words.is_empty(), "English under zh in `jixiao {what}`: {words:?}\n{}", run.text());
}

/// The shipped regulations with their example data, and the name of the unit field.
const SHIPPED: &[(&str, &str, &str)] = &[
    ("regulations/sichuan-2014.jx", "examples/sichuan-2014/departments.json", "部门"),
    ("regulations/jiangsu-2011.jx", "examples/jiangsu-2011/departments.json", "部门"),
    ("regulations/information-security.jx", "examples/information-security/units.json", "单位"),
];

/// Every department's name in a data file.
fn departments(data: &str, field: &str) -> Vec<String> {
    let text = std::fs::read_to_string(common::manifest().join(data)).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    records.iter().map(|r| r[field].as_str().unwrap().to_string()).collect()
}

/// Every regulation shipped is in `SHIPPED`: one added later is scanned too.
#[test]
fn every_shipped_regulation_is_scanned() {
    let dir = common::manifest().join("regulations");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".jx") {
            let path = format!("regulations/{name}");
            assert!(SHIPPED.iter().any(|(r, ..)| *r == path), "{path} is not in SHIPPED");
        }
    }
}

#[test]
fn the_scan_finds_an_english_word() {
    assert_eq!(english_words("总分 = 92.81  (exactly 4079/90)  ［数据］"), ["exactly"]);
    assert_eq!(english_words("※ 7.00 → 5.00, capped by 第十五条(一)"), ["capped", "by"]);
    assert!(english_words("用法：jixiao eval [选项] <文件> <数据> --set 名称=值 E0201 regulations/a-1.jx").is_empty());
}

#[test]
fn explain_and_losses_of_every_department_in_chinese() {
    for (regulation, data, field) in SHIPPED {
        let names = departments(data, field);
        for (i, name) in names.iter().enumerate() {
            let run = no_english(&["explain", regulation, data, "-d", name, "--losses"]);
            assert_eq!(run.code, 0, "{}", run.text());
            assert!(run.stdout.contains("失分") && run.stdout.contains("依据"), "{}", run.stdout);
            if i < 2 {
                no_english(&["explain", regulation, data, "-d", name]);
            }
        }
    }
}

#[test]
fn ranges_and_tests_in_chinese() {
    for (regulation, ..) in SHIPPED {
        let run = no_english(&["check", "--ranges", regulation]);
        assert_eq!(run.code, 0, "{}", run.text());
        let run = no_english(&["test", "--strict", regulation]);
        assert_eq!(run.code, 0, "{}", run.text());
    }
    // Failing and unexercised cases have more to say.
    for file in ["tests/cases/test/approx.jx", "tests/cases/test/nested-branches.jx", "tests/cases/test/uncovered.jx"] {
        no_english(&["test", "--strict", file]);
    }
}

/// A count prints whole in `check --ranges`: 不符合项数 is a number of items, 排名 a place.
#[test]
fn counts_print_whole() {
    let run = no_english(&["check", "--ranges", "regulations/information-security.jx"]);
    for row in ["不符合项数          0 … 46\n", "排名                1 … +∞\n", "总分                0.00 … 100.00\n"]
    {
        assert!(run.stdout.contains(row), "{row}\n{}", run.stdout);
    }
}

#[test]
fn every_help_in_chinese() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let run = no_english(args);
        assert_eq!(run.code, 0, "{}", run.text());
        assert!(run.stdout.contains("用法：jixiao [选项] <命令>") && run.stdout.contains("命令："), "{}", run.stdout);
    }
    // Every command the program lists, so that a new one is covered as it comes.
    let listed = no_english(&["--help"]).stdout;
    let commands: Vec<&str> = listed
        .lines()
        .skip_while(|l| *l != "命令：")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 10 && commands.contains(&"explain"), "{commands:?}\n{listed}");
    for command in commands {
        let run = no_english(&[command, "--help"]);
        assert_eq!(run.code, 0, "{}", run.text());
        assert!(run.stdout.contains(&format!("用法：jixiao {command}")), "{}", run.stdout);
        no_english(&["help", command]);
    }
    let run = no_english(&["help", "help"]);
    assert!(run.stdout.contains("用法：jixiao help [命令]"), "{}", run.stdout);
    // A Chinese locale without --lang gives the same.
    let run = jixiao_in_locale("zh_CN.UTF-8", &["eval", "--help"]);
    assert_english_free(&run, "eval --help (LANG=zh_CN.UTF-8)");
    assert!(run.stdout.contains("用法：jixiao eval [选项] <文件> <数据>"), "{}", run.stdout);
}

#[test]
fn usage_errors_in_chinese_keep_status_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["eval", "--bogus"], "不认识的参数“--bogus”"),
        (&["evl"], "没有“evl”这个命令"),
        (&["eval", "a.jx"], "缺少必需的参数：<数据>"),
        (&["explain", "a.jx", "b.json"], "缺少必需的参数：--department <部门>"),
        (&["eval", "a.jx", "b.json", "--format", "pdf"], "“--format <格式>”的值“pdf”无效"),
        (&["eval", "a.jx", "b.json", "--jobs", "x"], "“--jobs <线程数>”的值“x”无效"),
        (&["eval", "a.jx", "b.json", "--formt", "csv"], "是否应为“--format”？"),
        (&["diff", "a.jx"], "至少需要 2 个值，只给出了 1 个"),
        (&["test", "a.jx", "--data", "x", "--data", "y"], "“--data <数据>”只能用一次"),
        (&[], "缺少命令"),
    ];
    for (args, said) in cases {
        let run = no_english(args);
        assert_eq!(run.code, 2, "{args:?}\n{}", run.text());
        assert!(run.stderr.contains(said) && run.stdout.is_empty(), "{args:?}: {said}\n{}", run.text());
    }
    // `--lang=zh` is read before clap parses too, and English stays clap's own.
    let run = jixiao(&["eval", "--lang=zh", "--bogus"]);
    assert!(run.code == 2 && run.stderr.contains("不认识的参数"), "{}", run.text());
    let run = jixiao(&["eval", "--bogus"]);
    assert!(run.code == 2 && run.stderr.contains("unexpected argument '--bogus'"), "{}", run.text());
}

/// miette's `help:` label reads 帮助： in Chinese reports.
#[test]
fn the_help_label_in_chinese() {
    let run = no_english(&["check", "tests/cases/check/E0201_unknown_name.jx"]);
    assert!(run.stderr.contains("  帮助：是否应为“工作得分”？") && !run.stderr.contains("help:"), "{}", run.stderr);
    let run = jixiao(&["check", "tests/cases/check/E0201_unknown_name.jx"]);
    assert!(run.stderr.contains("  help: "), "{}", run.stderr);
}

/// A misspelled keyword, in a declaration or as a function, is reported in Chinese words.
#[test]
fn misspelled_keywords_in_chinese() {
    let run = no_english(&["check", "tests/cases/check/E0108_misspelled_keyword.jx"]);
    assert!(run.stderr.contains("未知的关键字“输人”") && run.stderr.contains("是否应为“输入”？"), "{}", run.stderr);
    no_english(&["check", "tests/cases/check/E0108_misspelled_rounding.jx"]);
    no_english(&["check", "tests/cases/check/E0204_rounding_as_function.jx"]);
}

/// The table says which parameters `--set` changed; its unit column is titled as published.
#[test]
fn tables_say_the_parameters_set() {
    let (regulation, data, _) = SHIPPED[1];
    let run = no_english(&["eval", regulation, data, "--set", "优秀线=92", "--set", "良好线=75"]);
    assert!(
        run.stdout.contains("参数（本次运行设定）：优秀线 = 92（默认 90）；良好线 = 75（默认 80）\n"),
        "{}",
        run.stdout
    );
    let run = no_english(&["eval", regulation, data]);
    assert!(!run.stdout.contains("参数"), "{}", run.stdout);
    let (regulation, data, _) = SHIPPED[2];
    let run = no_english(&["eval", regulation, data]);
    assert!(run.stdout.contains("│ 排名 ┆ 单位 "), "{}", run.stdout);
}

/// The titles and descriptions of `schema` (its keys are JSON Schema's own).
#[test]
fn schema_descriptions_in_chinese() {
    for (regulation, ..) in SHIPPED {
        let run = jixiao(&["--lang", "zh", "schema", regulation]);
        let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let mut said = String::new();
        texts(&schema, &mut said);
        let words = english_words(&said);
        assert!(words.is_empty(), "{regulation}: {words:?}\n{said}");
    }
}

/// Every title and description in a schema, a line each.
fn texts(schema: &serde_json::Value, out: &mut String) {
    match schema {
        serde_json::Value::Object(o) => {
            for (key, value) in o {
                match (key.as_str(), value) {
                    ("title" | "description", serde_json::Value::String(s)) => out.push_str(&format!("{s}\n")),
                    (_, value) => texts(value, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| texts(i, out)),
        _ => {}
    }
}

/// diff, sweep and fmt's own words.
#[test]
fn review_and_fmt_in_chinese() {
    let (regulation, data, _) = SHIPPED[1];
    let run = no_english(&["diff", regulation, data, "--vs", "优秀线=92", "--department", "省审计厅"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let run = no_english(&["sweep", regulation, data, "--set", "优秀线=88..92"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let run = no_english(&["fmt", "--check", "regulations/sichuan-2014.jx", "tests/cases/check/E0201_unknown_name.jx"]);
    assert_ne!(run.code, 2, "{}", run.text());
    // A file that is not there, as the regulation and as the data.
    let run = no_english(&["eval", "没有的办法.jx", data]);
    assert!(run.code == 1 && run.stderr.contains("文件不存在"), "{}", run.text());
    let run = no_english(&["eval", regulation, "没有的数据.json"]);
    assert!(run.code == 1 && run.stderr.contains("文件不存在"), "{}", run.text());
}
