//! Results and data files as jixiao writes them: numbers a spreadsheet treats as numbers, CSV
//! that Chinese Excel reads right and that carries no formulas, and output that never
//! destroys an input, is written whole or not at all, and leaves nothing behind when
//! interrupted.

mod common;

use std::path::Path;

use calamine::{Data, DataType, Reader};

use common::jixiao;

const JIANGSU: (&str, &str) = ("regulations/jiangsu-2011.jx", "examples/jiangsu-2011/departments.json");
const PARAMS: &str = "tests/cases/eval/params.jx";

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The file names in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// The JSON results of the Jiangsu example, by department.
fn jiangsu_json(extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["eval", JIANGSU.0, JIANGSU.1, "--format", "json"];
    args.extend(extra);
    let run = jixiao(&args);
    assert_eq!(run.code, 0, "{}", run.text());
    serde_json::from_str(&run.stdout).unwrap()
}

fn sheet(book: &Path, name: &str) -> calamine::Range<Data> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(book).unwrap();
    book.worksheet_range(name).unwrap()
}

/// Observed: `-o 结果.xlsx` stored `90.00` as text (SUM skipped it). Every number is a number
/// cell holding the published decimal, in both sheets; yes/no is 是/否 throughout.
#[test]
fn xlsx_results_are_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let xlsx = tmp.path().join("结果.xlsx");
    let run = jixiao(&["eval", JIANGSU.0, JIANGSU.1, "-o", path(&xlsx)]);
    assert_eq!(run.code, 0, "{}", run.text());
    let json = jiangsu_json(&[]);
    let results = json["results"].as_array().unwrap();

    let all = sheet(&xlsx, "全部数值");
    let header: Vec<String> = all.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let mut numbers = 0;
    for (row, result) in all.rows().skip(1).zip(results) {
        assert_eq!(row[0], Data::String(result["department"].as_str().unwrap().to_string()));
        for (name, cell) in header.iter().zip(row) {
            let Some(value) = result["values"].get(name) else { continue };
            match value {
                serde_json::Value::String(s) if s.parse::<f64>().is_ok() => {
                    assert_eq!(*cell, Data::Float(s.parse().unwrap()), "{name} of {}", result["department"]);
                    numbers += 1;
                }
                serde_json::Value::Bool(b) => assert_eq!(cell.to_string(), if *b { "是" } else { "否" }),
                _ => {}
            }
        }
    }
    assert!(numbers > 500, "only {numbers} numbers checked");
    // The published 90.00 and 20.00 are numbers too.
    let text_numbers: Vec<String> = all
        .rows()
        .flatten()
        .filter_map(|c| c.get_string().filter(|s| s.parse::<f64>().is_ok()).map(String::from))
        .collect();
    assert!(text_numbers.is_empty(), "numbers stored as text: {text_numbers:?}");

    // The ranked sheet: scores and ranks are numbers; their sum is the JSON results' sum.
    let ranked = sheet(&xlsx, "结果");
    let header: Vec<String> = ranked.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let score = header.iter().position(|h| h == "最终评估得分").unwrap();
    let rank = header.iter().position(|h| h == "排名").unwrap();
    let sum: f64 = ranked.rows().skip(1).map(|r| r[score].get_float().expect("a number")).sum();
    let expected: f64 = results.iter().map(|r| r["score"].as_str().unwrap().parse::<f64>().unwrap()).sum();
    assert!((sum - expected).abs() < 1e-6, "{sum} ≠ {expected}");
    assert!(ranked.rows().skip(1).all(|r| r[rank].get_float().is_some()));
}

/// The parameters a run used are in the workbook, with whether `--set` gave each.
#[test]
fn xlsx_results_name_the_parameters() {
    let tmp = tempfile::tempdir().unwrap();
    let xlsx = tmp.path().join("结果.xlsx");
    let run = jixiao(&["eval", JIANGSU.0, JIANGSU.1, "--set", "优秀线=85", "-o", path(&xlsx)]);
    assert_eq!(run.code, 0, "{}", run.text());
    let params = sheet(&xlsx, "参数");
    let rows: Vec<Vec<String>> = params.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    assert_eq!(rows[0], ["参数", "值", "单位", "默认值", "由 --set 设定"]);
    let excellent = rows.iter().find(|r| r[0] == "优秀线").expect("优秀线 listed");
    assert_eq!((&*excellent[1], &*excellent[3], &*excellent[4]), ("85", "90", "是"));
    let good = rows.iter().find(|r| r[0] == "良好线").expect("良好线 listed");
    assert_eq!(good[4], "否");
    assert!(params.rows().skip(1).all(|r| r[1].get_float().is_some()), "values are numbers");
}

/// Observed: CSV results had no byte-order mark, so Chinese Excel showed mojibake. They have
/// one (whole-file and streamed alike) unless `--no-bom`; so do CSV data files.
#[test]
fn csv_starts_with_a_byte_order_mark() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let lines = dir.join("d.jsonl");
    assert_eq!(jixiao(&["convert", JIANGSU.0, JIANGSU.1, "-o", path(&lines)]).code, 0);
    let whole = jixiao(&["eval", JIANGSU.0, JIANGSU.1, "--format", "csv"]);
    assert!(whole.stdout.starts_with("\u{feff}部门,"), "{}", &whole.stdout[..40]);
    let streamed = jixiao(&["eval", JIANGSU.0, path(&lines), "--format", "csv"]);
    assert_eq!(streamed.stdout, whole.stdout);
    let bare = jixiao(&["eval", JIANGSU.0, JIANGSU.1, "--format", "csv", "--no-bom"]);
    assert_eq!(bare.stdout, whole.stdout.strip_prefix('\u{feff}').unwrap());
    let bare_streamed = jixiao(&["eval", JIANGSU.0, path(&lines), "--format", "csv", "--no-bom"]);
    assert_eq!(bare_streamed.stdout, bare.stdout);
    let out = dir.join("r.csv");
    assert_eq!(jixiao(&["eval", JIANGSU.0, path(&lines), "-o", path(&out)]).code, 0);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), whole.stdout);

    let data = dir.join("模板.csv");
    assert_eq!(jixiao(&["template", JIANGSU.0, "-o", path(&data)]).code, 0);
    for f in ["模板.csv", "模板.职能工作.csv", "模板.督促检查扣分.csv"] {
        assert!(std::fs::read(dir.join(f)).unwrap().starts_with(b"\xef\xbb\xbf"), "{f}");
    }
    let bare = dir.join("无.csv");
    assert_eq!(jixiao(&["convert", JIANGSU.0, JIANGSU.1, "-o", path(&bare), "--no-bom"]).code, 0);
    assert!(std::fs::read_to_string(&bare).unwrap().starts_with("部门,"));
}

/// Observed: a department named `=HYPERLINK(…)` went into CSV as a formula. Text a
/// spreadsheet would run is neutralised with an apostrophe; numbers, negative ones too, stay
/// numbers.
#[test]
fn csv_carries_no_formulas() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("d.json");
    let names = ["=HYPERLINK(\"http://example.com\",\"点我\")", "+1+1", "-1+1", "@SUM(A1)", "甲"];
    let records: Vec<serde_json::Value> =
        names.iter().map(|n| serde_json::json!({ "部门": n, "得分": 80, "倍数": 1 })).collect();
    std::fs::write(&data, serde_json::to_string(&records).unwrap()).unwrap();
    let run = jixiao(&["eval", PARAMS, path(&data), "--format", "csv", "--no-bom"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let firsts: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_string()).collect();
    let expected: Vec<String> =
        names.iter().map(|n| if *n == "甲" { n.to_string() } else { format!("'{n}") }).collect();
    assert_eq!(firsts, expected);

    let jiangsu = jixiao(&["eval", JIANGSU.0, JIANGSU.1, "--format", "csv"]);
    assert!(jiangsu.stdout.contains(",-"), "the example has negative values");
    assert!(!jiangsu.stdout.contains(",'"), "numbers are not neutralised");
}

/// Observed: `-o` onto one of the input's list files (`js.职能工作.csv`) overwrote it. Every
/// file a run writes is checked against every file it reads, also through a link.
#[test]
fn no_output_is_an_input() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let js = dir.join("js.csv");
    assert_eq!(jixiao(&["convert", JIANGSU.0, JIANGSU.1, "-o", path(&js)]).code, 0);
    let list = dir.join("js.职能工作.csv");
    let before = std::fs::read(&list).unwrap();
    for command in ["eval", "convert"] {
        let run = jixiao(&[command, JIANGSU.0, path(&js), "-o", path(&list)]);
        assert_eq!(run.code, 2, "{}", run.text());
        assert!(run.stderr.contains("E0907") && run.stderr.contains("js.职能工作.csv"), "{}", run.text());
        assert_eq!(std::fs::read(&list).unwrap(), before);
    }
    // A list file written beside the output would replace the data (here under a link).
    let json = dir.join("data.json");
    std::fs::copy(JIANGSU.1, &json).unwrap();
    std::os::unix::fs::symlink(&json, dir.join("out.督促检查扣分.csv")).unwrap();
    let run = jixiao(&["convert", JIANGSU.0, path(&json), "-o", path(&dir.join("out.csv"))]);
    assert_eq!(run.code, 2, "{}", run.text());
    assert!(run.stderr.contains("out.督促检查扣分.csv"), "{}", run.text());
    assert_eq!(std::fs::read(&json).unwrap(), std::fs::read(JIANGSU.1).unwrap());
    assert!(!dir.join("out.csv").exists(), "none of the result is written");
    // The same file under another name (a hard link) is the same file.
    std::fs::hard_link(&js, dir.join("copy.json")).unwrap();
    let run = jixiao(&["convert", JIANGSU.0, path(&js), "-o", path(&dir.join("copy.json"))]);
    assert_eq!(run.code, 2, "{}", run.text());
}

/// Observed: `-o out.xls` and `-o out.pdf` quietly wrote a plain-text table. An extension
/// jixiao cannot write is a usage error naming the formats it can, unless the format is given.
#[test]
fn unwritable_extensions_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for name in ["out.xls", "out.pdf", "out"] {
        let out = dir.join(name);
        let runs = [
            jixiao(&["eval", JIANGSU.0, JIANGSU.1, "-o", path(&out)]),
            jixiao(&["template", JIANGSU.0, "-o", path(&out)]),
            jixiao(&["convert", JIANGSU.0, JIANGSU.1, "-o", path(&out)]),
        ];
        for run in runs {
            assert_eq!(run.code, 2, "{}", run.text());
            assert!(run.stderr.contains("E0911") && run.stderr.contains(".xlsx"), "{}", run.text());
            assert!(!out.exists());
        }
    }
    let zh = common::jixiao_in_locale("zh_CN.UTF-8", &["eval", JIANGSU.0, JIANGSU.1, "-o", "out.pdf"]);
    assert!(zh.stderr.contains("不能写 .pdf 文件"), "{}", zh.text());
    // Named formats are written whatever the extension; `.txt` is the table.
    let out = dir.join("out");
    assert_eq!(jixiao(&["eval", JIANGSU.0, JIANGSU.1, "-o", path(&out), "--format", "csv"]).code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("\u{feff}部门,"));
    assert_eq!(jixiao(&["convert", JIANGSU.0, JIANGSU.1, "-o", path(&out), "--to", "json"]).code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().starts_with('['));
    let txt = dir.join("out.txt");
    assert_eq!(jixiao(&["eval", JIANGSU.0, JIANGSU.1, "-o", path(&txt)]).code, 0);
    assert!(std::fs::read_to_string(&txt).unwrap().contains("40 units: "));
}

/// Observed: `--jobs 5000` started 5,000 threads. 0 and more than 256 are usage errors; more
/// than the cores uses the cores.
#[test]
fn jobs_are_limited() {
    let tmp = tempfile::tempdir().unwrap();
    let lines = tmp.path().join("d.jsonl");
    assert_eq!(jixiao(&["convert", JIANGSU.0, JIANGSU.1, "-o", path(&lines)]).code, 0);
    for (jobs, words) in [("5000", "at most 256"), ("0", "at least one")] {
        let run = jixiao(&["eval", JIANGSU.0, path(&lines), "--format", "jsonl", "--jobs", jobs]);
        assert_eq!(run.code, 2, "{}", run.text());
        assert!(run.stderr.contains("E0912") && run.stderr.contains(words), "{}", run.text());
        assert!(run.stdout.is_empty());
    }
    let many = jixiao(&["eval", JIANGSU.0, path(&lines), "--format", "jsonl", "--jobs", "256"]);
    assert_eq!(many.code, 0, "{}", many.text());
    assert_eq!(many.stdout, jixiao(&["eval", JIANGSU.0, JIANGSU.1, "--format", "jsonl"]).stdout);
}

/// Observed: a streamed run that failed had already printed the start of a JSON document. A
/// ranked run reads and checks every record before its first byte: a failure prints nothing.
#[test]
fn a_failing_streamed_run_prints_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let lines = dir.join("d.jsonl");
    assert_eq!(jixiao(&["convert", JIANGSU.0, JIANGSU.1, "-o", path(&lines)]).code, 0);
    let text = std::fs::read_to_string(&lines).unwrap();
    let mut records: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    records.last_mut().unwrap()["类别"] = serde_json::json!("没有这个类别");
    let bad: String = records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(&lines, bad).unwrap();
    for format in ["json", "jsonl", "csv"] {
        let run = jixiao(&["eval", JIANGSU.0, path(&lines), "--format", format]);
        assert_eq!(run.code, 1, "{}", run.text());
        assert!(run.stderr.contains("没有这个类别"), "{}", run.text());
        assert_eq!(run.stdout, "", "{format}: nothing of the document is printed");
    }
    // No results at all is still a whole document.
    std::fs::write(&lines, "").unwrap();
    let run = jixiao(&["eval", JIANGSU.0, path(&lines), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["results"], serde_json::json!([]));
}

/// A JSON Lines file of `n` departments for the small regulation.
fn many_departments(path: &Path, n: usize) {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        writeln!(out, "{{\"部门\":\"部门{i}\",\"得分\":{},\"倍数\":1}}", i % 100).unwrap();
    }
}

/// Observed: an interrupted run left a hidden temporary file of up to 100 MB beside the
/// output. SIGTERM and Ctrl-C (SIGINT) during a large run leave nothing.
#[test]
fn an_interrupted_run_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("d.jsonl");
    for signal in ["TERM", "INT"] {
        let mut size = 200_000;
        let seen = loop {
            many_departments(&data, size);
            let out = dir.join("out.jsonl");
            let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
                .args(["eval", PARAMS, path(&data), "-o", path(&out)])
                .current_dir(common::manifest())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            // Waits for the temporary file, while the run lasts.
            let temporary = loop {
                if let Some(name) = entries(dir).into_iter().find(|n| n != "d.jsonl") {
                    break Some(name);
                }
                if child.try_wait().unwrap().is_some() {
                    break None;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            };
            let interrupted = temporary.is_some()
                && std::process::Command::new("kill")
                    .args([&format!("-{signal}"), &child.id().to_string()])
                    .status()
                    .unwrap()
                    .success();
            let status = child.wait_with_output().unwrap();
            if interrupted && status.status.code() == Some(130) {
                assert!(String::from_utf8_lossy(&status.stderr).contains("interrupted"));
                break true;
            }
            // The run finished first: a larger one.
            let _ = std::fs::remove_file(&out);
            size *= 4;
            if size > 4_000_000 {
                break false;
            }
        };
        assert!(seen, "SIGTERM never caught a run under way");
        assert_eq!(entries(dir), ["d.jsonl"], "SIG{signal} left files behind");
    }
}

/// CSV results say which parameters `--set` changed, in a last column 参数设定 on every row
/// (a line above the header would break Excel's sorting and programs' reading), the same
/// whether the data is read record by record (a file) or whole (a pipe); without `--set`, no
/// such column.
#[test]
fn csv_says_the_parameters_set() {
    let (regulation, data) = JIANGSU;
    let set = ["--set", "优秀线=92", "--set", "良好线=75"];
    let streamed = jixiao(&[&["eval", regulation, data, "--format", "csv"][..], &set].concat());
    let piped = piped_csv(&[&["--lang", "zh", "eval", regulation, "/dev/stdin", "--format", "csv"][..], &set].concat());
    for (text, said) in [
        (&streamed.stdout, "优秀线 = 92 (default 90), 良好线 = 75 (default 80)"),
        (&piped, "优秀线 = 92（默认 90）；良好线 = 75（默认 80）"),
    ] {
        let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let header = rows.headers().unwrap().clone();
        assert_eq!(header.iter().next_back(), Some("参数设定"), "{header:?}");
        let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 40);
        assert!(rows.iter().all(|r| r.len() == header.len() && r.iter().next_back() == Some(said)), "{:?}", rows[0]);
    }
    let plain = jixiao(&["eval", regulation, data, "--format", "csv"]);
    assert!(!plain.stdout.contains("参数设定"), "{}", plain.stdout);
}

/// What `jixiao ARGS` prints with the example data on its standard input.
fn piped_csv(args: &[&str]) -> String {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(common::manifest())
        .stdin(std::fs::File::open(common::manifest().join(JIANGSU.1)).unwrap())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = String::new();
    std::io::Read::read_to_string(child.stdout.as_mut().unwrap(), &mut out).unwrap();
    assert!(child.wait().unwrap().success());
    out
}
