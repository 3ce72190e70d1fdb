//! Data in every format: JSON, JSON Lines, CSV and XLSX in (the template's layout), and the
//! same formats out. Converting the example data and evaluating it gives byte-identical results.

mod common;

use calamine::Reader;

use common::{jixiao, program, squash};

#[test]
fn converted_data_evaluates_identically() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    for name in ["sichuan-2014", "jiangsu-2011"] {
        let file = format!("regulations/{name}.jx");
        let data = format!("examples/{name}/departments.json");
        let reference = jixiao(&["eval", &file, &data, "--format", "json"]);
        assert_eq!(reference.code, 0, "{}", reference.text());
        for ext in ["xlsx", "csv", "jsonl", "json"] {
            let converted = dir.join(format!("{name}.{ext}"));
            let run = jixiao(&["convert", &file, &data, "-o", converted.to_str().unwrap()]);
            assert_eq!(run.code, 0, "{name} → {ext}: {}", run.text());
            let again = jixiao(&["eval", &file, converted.to_str().unwrap(), "--format", "json"]);
            assert_eq!(again.code, 0, "{name} via {ext}: {}", again.text());
            assert_eq!(again.stdout, reference.stdout, "{name} via {ext} evaluates differently");
        }
    }
    // Jiangsu's lists of records sit in tables of their own, keyed by department.
    let items = std::fs::read_to_string(dir.join("jiangsu-2011.职能工作.csv")).unwrap();
    assert!(items.starts_with("\u{feff}部门,指标,名称,权重,得分\n省政府办公厅,重点工作,"), "{}", &items[..80]);
}

#[test]
fn results_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let (file, data) = ("regulations/jiangsu-2011.jx", "examples/jiangsu-2011/departments.json");
    let lines = jixiao(&["eval", file, data, "--format", "jsonl"]);
    assert_eq!(lines.code, 0, "{}", lines.text());
    assert_eq!(lines.stdout.lines().count(), 40);
    for line in lines.stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["department"].is_string() && v["category"].is_string());
    }
    let xlsx = dir.join("结果.xlsx");
    let run = jixiao(&["eval", file, data, "-o", xlsx.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let ranked = book.worksheet_range("结果").unwrap();
    assert_eq!(ranked.height(), 41, "a header and 40 departments");
    let header: Vec<String> = ranked.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    assert!(header.contains(&"department".to_string()) || header.iter().any(|h| h.contains("部门")), "{header:?}");
    assert!(book.worksheet_range("全部数值").unwrap().height() == 41);
    let refused = jixiao(&["eval", file, data, "--format", "xlsx"]);
    assert_eq!(refused.code, 2, "a spreadsheet needs a file: {}", refused.text());
}

#[test]
fn table_errors_name_the_cell() {
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", "tests/cases/eval/bad-cell.csv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("E0717")
            && run.stderr.contains("line 3, column 2")
            && run.stderr.contains("department \"乙\""),
        "{}",
        run.text()
    );
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", "tests/cases/eval/unknown-column.csv"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("E0716") && run.stderr.contains("备注"), "{}", run.text());
}

#[test]
fn json_lines_errors_name_the_line() {
    let path = std::env::temp_dir().join(format!("jixiao-bad-{}.jsonl", std::process::id()));
    std::fs::write(&path, "{\"部门\":\"甲\",\"得分\":80,\"倍数\":1}\n{\"部门\":\"乙\",\n").unwrap();
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("E0701") && run.stderr.contains(":2:"), "{}", run.text());

    // Read whole (a table is ranked first), a key given twice is refused just the same.
    std::fs::write(&path, "{\"部门\":\"甲\",\"得分\":80,\"倍数\":1,\"倍数\":2}\n").unwrap();
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("E0714") && run.stderr.contains(":1:"), "{}", run.text());
}

/// JSON Lines data is evaluated record by record; the results are byte for byte those of
/// evaluating the whole file at once, in every format written as it comes.
#[test]
fn streamed_results_equal_whole_file_results() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    for name in ["sichuan-2014", "jiangsu-2011"] {
        converted_evaluates_as_the_json(&dir, name, "jsonl");
    }
}

/// The example data of the shipped regulation `name`, converted to `ext` in `dir`, evaluated
/// in every format written as it comes, on one thread and two: byte for byte the results of
/// the JSON. The converted file.
fn converted_evaluates_as_the_json(dir: &std::path::Path, name: &str, ext: &str) -> std::path::PathBuf {
    let file = format!("regulations/{name}.jx");
    let data = format!("examples/{name}/departments.json");
    let converted = dir.join(format!("{name}.{ext}"));
    assert_eq!(jixiao(&["convert", &file, &data, "-o", converted.to_str().unwrap()]).code, 0);
    for format in ["json", "jsonl", "csv"] {
        let whole = jixiao(&["eval", &file, &data, "--format", format]);
        for jobs in ["1", "2"] {
            let streamed = jixiao(&["eval", &file, converted.to_str().unwrap(), "--format", format, "-j", jobs]);
            assert_eq!(streamed.code, 0, "{}", streamed.text());
            assert_eq!(streamed.stdout, whole.stdout, "{name}.{ext} {format} with {jobs} threads");
        }
    }
    converted
}

/// Streamed runs with no ranking (one pass) and with two (three passes, the second ranking
/// over a value that uses the first and an input read only after it) give the whole-file
/// results.
#[test]
fn streamed_passes_between_rankings_equal_whole_file_results() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let two_rankings: Vec<String> = (0..30)
        .map(|i| {
            let (class, score, progress) = (["甲类", "乙类"][i % 2], (i * 37) % 50 + 40, (i * 11) % 7);
            format!("{{\"部门\":\"单位{i:02}\",\"类\":\"{class}\",\"分\":{score},\"进步\":{progress}}}")
        })
        .collect();
    let no_ranking: Vec<String> = (0..30)
        .map(|i| format!("{{\"部门\":\"单位{i:02}\",\"得分\":{},\"倍数\":1.{i}}}", (i * 13) % 60 + 40))
        .collect();
    for (name, records) in [("two-rankings", two_rankings), ("params", no_ranking)] {
        let file = format!("tests/cases/eval/{name}.jx");
        let whole = dir.join(format!("{name}.json"));
        let lines = dir.join(format!("{name}.jsonl"));
        std::fs::write(&whole, format!("[{}]", records.join(","))).unwrap();
        std::fs::write(&lines, records.iter().map(|r| format!("{r}\n")).collect::<String>()).unwrap();
        for format in ["json", "jsonl", "csv"] {
            let expected = jixiao(&["eval", &file, whole.to_str().unwrap(), "--format", format]);
            assert_eq!(expected.code, 0, "{}", expected.text());
            for jobs in ["1", "2"] {
                let streamed = jixiao(&["eval", &file, lines.to_str().unwrap(), "--format", format, "-j", jobs]);
                assert_eq!(streamed.code, 0, "{}", streamed.text());
                assert_eq!(streamed.stdout, expected.stdout, "{name} {format} with {jobs} threads");
            }
        }
    }
    // Spot check: 单位27 has the best 总分 of 乙类 (89) and 进步 3 − 1 = 91, the best 复评.
    let run = jixiao(&[
        "eval",
        "tests/cases/eval/two-rankings.jx",
        dir.join("two-rankings.jsonl").to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    let line = run.stdout.lines().find(|l| l.contains("单位27")).unwrap_or_default().to_string();
    assert!(
        line.contains("\"初排\":\"1\"") && line.contains("\"复评\":\"91.00\"") && line.contains("\"rank\":1"),
        "{line}"
    );
}

/// A file with a line longer than 64 MB is not JSON Lines (most likely one big array): it is
/// refused with the line's number, before anything is evaluated.
#[test]
fn a_line_over_64_mb_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let data = dir.join("big.jsonl");
    let mut body = b"{\"\xe9\x83\xa8\xe9\x97\xa8\":\"\xe7\x94\xb2\",\"\xe5\xbe\x97\xe5\x88\x86\":80,\"\xe5\x80\x8d\xe6\x95\xb0\":1}\n".to_vec();
    body.extend(std::iter::repeat_n(b' ', 65 << 20));
    body.extend_from_slice(b"\n");
    std::fs::write(&data, body).unwrap();
    let out = dir.join("out.jsonl");
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", data.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("E0718") && run.stderr.contains("big.jsonl:2"), "{}", run.text());
    assert!(!out.exists(), "a failed run leaves no output");
}

/// CSV whose list tables follow the main table (as `convert` and `template` write them) is
/// evaluated a batch at a time with the same results as the JSON; CSV whose list rows are
/// out of order is read whole, with the same results too.
#[test]
fn csv_is_streamed_when_its_lists_follow_the_main_table() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    for name in ["sichuan-2014", "jiangsu-2011"] {
        let csv = converted_evaluates_as_the_json(&dir, name, "csv");
        assert!(
            jixiao::data::table_stream::aligned(&program(name), jixiao::data::files::DataFormat::Csv, &csv),
            "{name}: convert writes lists in order"
        );
    }
    // Jiangsu's item rows in reverse: not streamable, read whole, the same results.
    let program = program("jiangsu-2011");
    let items = dir.join("jiangsu-2011.职能工作.csv");
    let text = std::fs::read_to_string(&items).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].reverse();
    std::fs::write(&items, lines.join("\n") + "\n").unwrap();
    let csv = dir.join("jiangsu-2011.csv");
    assert!(!jixiao::data::table_stream::aligned(&program, jixiao::data::files::DataFormat::Csv, &csv));
    let whole =
        jixiao(&["eval", "regulations/jiangsu-2011.jx", "examples/jiangsu-2011/departments.json", "--format", "jsonl"]);
    let shuffled = jixiao(&["eval", "regulations/jiangsu-2011.jx", csv.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(shuffled.code, 0, "{}", shuffled.text());
    assert_eq!(shuffled.stdout, whole.stdout);
    // A byte order mark (jixiao and Excel write one) does not stop streaming.
    let bom = dir.join("sichuan-2014.csv");
    assert!(std::fs::read(&bom).unwrap().starts_with(b"\xef\xbb\xbf"));
    assert!(jixiao::data::table_stream::aligned(
        &common::program("sichuan-2014"),
        jixiao::data::files::DataFormat::Csv,
        &bom
    ));
}

/// A bad cell far into a large CSV file, read in batches, is named by its line in the whole
/// file, for the main table and for a list table; the run leaves no output.
#[test]
fn streamed_csv_errors_name_the_line_in_the_whole_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let csv = dir.join("d.csv");
    let examples = "examples/jiangsu-2011/departments.json";
    assert_eq!(jixiao(&["convert", "regulations/jiangsu-2011.jx", examples, "-o", csv.to_str().unwrap()]).code, 0);
    // 5,000 departments: the 40 examples over and over under new names.
    let grow = |path: &std::path::Path, column_of_unit: usize| {
        let text = std::fs::read_to_string(path).unwrap();
        let mut lines = text.lines();
        let header = lines.next().unwrap().to_string();
        let rows: Vec<&str> = lines.collect();
        let units: Vec<String> = std::fs::read_to_string(dir.join("d.csv"))
            .unwrap()
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap().to_string())
            .collect();
        let mut out = vec![header];
        for copy in 0..125 {
            for unit in &units {
                for row in rows.iter().filter(|r| r.split(',').nth(column_of_unit) == Some(unit.as_str())) {
                    out.push(row.replacen(unit.as_str(), &format!("{unit}{copy}"), 1));
                }
            }
        }
        out
    };
    let main = grow(&dir.join("d.csv"), 0);
    let items = grow(&dir.join("d.职能工作.csv"), 0);
    let deductions = grow(&dir.join("d.督促检查扣分.csv"), 0);
    assert_eq!(main.len(), 5001);
    let mut bad_main = main.clone();
    bad_main[3000] = bad_main[3000].replacen(",社会管理和执法监督,", ",社会管理,", 1).replacen(
        ",经济管理和市场监管,",
        ",经济管理,",
        1,
    );
    std::fs::write(dir.join("d.csv"), bad_main.join("\n") + "\n").unwrap();
    std::fs::write(dir.join("d.职能工作.csv"), items.join("\n") + "\n").unwrap();
    std::fs::write(dir.join("d.督促检查扣分.csv"), deductions.join("\n") + "\n").unwrap();
    assert!(jixiao::data::table_stream::aligned(&program("jiangsu-2011"), jixiao::data::files::DataFormat::Csv, &csv));
    let out = dir.join("out.jsonl");
    let run = jixiao(&["eval", "regulations/jiangsu-2011.jx", csv.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("line 3001") && run.stderr.contains("类别"), "{}", run.text());
    assert!(!out.exists());
    // The same in the item table, 60,000 rows in.
    std::fs::write(dir.join("d.csv"), main.join("\n") + "\n").unwrap();
    let mut bad_items = items.clone();
    let at = 60_000;
    let cells: Vec<&str> = bad_items[at].split(',').collect();
    let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
    let last = cells.len() - 1;
    cells[last] = "八十".to_string();
    bad_items[at] = cells.join(",");
    std::fs::write(dir.join("d.职能工作.csv"), bad_items.join("\n") + "\n").unwrap();
    let run = jixiao(&["eval", "regulations/jiangsu-2011.jx", csv.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains(&format!("line {}", at + 1)) && run.stderr.contains("八十"), "{}", run.text());
    assert!(!out.exists());
}

/// A requirement a department breaks (weights that do not add up to 100, too few items) is
/// reported with the cells its condition reads, from CSV (whole and streamed) and XLSX.
#[test]
fn requirement_errors_name_the_cells_they_read() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let regulation = "regulations/jiangsu-2011.jx";
    let csv = dir.join("d.csv");
    assert_eq!(
        jixiao(&["convert", regulation, "examples/jiangsu-2011/departments.json", "-o", csv.to_str().unwrap()]).code,
        0
    );
    // The first department's second 重点工作 weight 20 → 25, and one 常规工作 item fewer.
    let items = dir.join("d.职能工作.csv");
    let text = std::fs::read_to_string(&items).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert!(lines[2].contains(",重点工作,") && lines[2].contains(",20,"), "{}", lines[2]);
    lines[2] = lines[2].replacen(",20,", ",25,", 1);
    let regular = lines.iter().position(|l| l.contains(",常规工作,")).unwrap();
    lines.remove(regular);
    std::fs::write(&items, lines.join("\n") + "\n").unwrap();
    let weights = squash(
        "d.职能工作.csv, line 2, column 4; line 3, column 4; line 4, column 4; line 5, column 4; line 6, column 4)",
    );
    let names = squash(&format!("d.职能工作.csv, line {}, column 3; line {}, column 3;", regular + 1, regular + 2));
    for format in ["table", "jsonl"] {
        let run = jixiao(&["eval", regulation, csv.to_str().unwrap(), "--format", format]);
        assert_eq!(run.code, 1, "{}", run.text());
        let one_line = squash(&run.stderr);
        assert!(one_line.contains(&weights) && one_line.contains("105"), "{format}: {}", run.stderr);
        assert!(one_line.contains(&names) && one_line.contains("=5"), "{format}: {}", run.stderr);
    }
    let xlsx = dir.join("d.xlsx");
    assert_eq!(jixiao(&["convert", regulation, csv.to_str().unwrap(), "-o", xlsx.to_str().unwrap()]).code, 0);
    let run = jixiao(&["eval", regulation, xlsx.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    let cells = squash("(职能工作, cell D2; cell D3; cell D4; cell D5; cell D6)");
    assert!(squash(&run.stderr).contains(&cells), "{}", run.stderr);
}

/// A department left out of a record takes the default name the regulation gives it, read
/// whole or streamed, and the cells of the records after it stay theirs.
#[test]
fn a_department_left_out_takes_its_default_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let regulation = dir.join("r.jx");
    std::fs::write(
        &regulation,
        "办法 \"默认部门\"\n输入 部门：文本 默认 \"无名\"\n输入 分：分数\n要求 分 ≥ 60 否则 \"分不能低于 60\"\n\
         计算 总分 = 分\n公布 { 单位：部门；得分：总分 }\n",
    )
    .unwrap();
    let r = regulation.to_str().unwrap();
    let csv = dir.join("d.csv");
    std::fs::write(&csv, "部门,分\n甲,90\n,80\n乙,50\n").unwrap();
    for format in ["table", "jsonl"] {
        let run = jixiao(&["eval", r, csv.to_str().unwrap(), "--format", format]);
        assert_eq!(run.code, 1, "{}", run.text());
        assert!(run.stderr.contains("乙") && run.stderr.contains("line 4, column 2"), "{format}: {}", run.text());
    }
    std::fs::write(&csv, "部门,分\n甲,90\n,80\n乙,70\n").unwrap();
    let lines = dir.join("d.jsonl");
    std::fs::write(&lines, "{\"部门\":\"甲\",\"分\":90}\n{\"分\":80}\n{\"部门\":\"乙\",\"分\":70}\n").unwrap();
    let json = dir.join("d.json");
    std::fs::write(&json, "[{\"部门\":\"甲\",\"分\":90},{\"分\":80},{\"部门\":\"乙\",\"分\":70}]").unwrap();
    let expected = jixiao(&["eval", r, json.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(expected.code, 0, "{}", expected.text());
    assert_eq!(expected.stdout.lines().count(), 3);
    assert!(expected.stdout.contains("\"department\":\"无名\""), "{}", expected.stdout);
    for data in [&lines, &csv] {
        let run = jixiao(&["eval", r, data.to_str().unwrap(), "--format", "jsonl"]);
        assert_eq!(run.stdout, expected.stdout, "{}", run.text());
    }
}

/// A list of records that may be left out (`可选 列表 记录`) has its own table like any other, and
/// survives the round trip through CSV and XLSX.
#[test]
fn an_optional_list_of_records_round_trips_through_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let regulation = dir.join("r.jx");
    std::fs::write(
        &regulation,
        "办法 \"可选列表\"\n输入 部门：文本\n输入 扣分：可选 列表 记录 { 事项：文本，分：分数 }\n\
         计算 总分 = 100分\n公布 { 单位：部门；得分：总分 }\n",
    )
    .unwrap();
    let r = regulation.to_str().unwrap();
    let json = dir.join("d.json");
    let records = r#"[{"部门":"甲","扣分":[{"事项":"迟报","分":3},{"事项":"漏报","分":2}]},{"部门":"乙"}]"#;
    std::fs::write(&json, records).unwrap();
    for table in ["d.csv", "d.xlsx"] {
        let table = dir.join(table);
        let back = dir.join("back.json");
        assert_eq!(jixiao(&["convert", r, json.to_str().unwrap(), "-o", table.to_str().unwrap()]).code, 0);
        let run = jixiao(&["convert", r, table.to_str().unwrap(), "-o", back.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.text());
        let back: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
        assert_eq!(back, serde_json::from_str::<serde_json::Value>(records).unwrap(), "{}", table.display());
    }
}

#[test]
fn streamed_errors_name_the_line_and_leave_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let out = dir.join("results.jsonl");
    let run = |name: &str, body: &[u8]| {
        let data = dir.join(name);
        std::fs::write(&data, body).unwrap();
        let args = ["eval", "tests/cases/eval/params.jx", data.to_str().unwrap(), "-o", out.to_str().unwrap()];
        let run = jixiao(&args);
        assert_eq!(run.code, 1, "{}", run.text());
        assert!(!out.exists(), "a failed run leaves no output");
        run.stderr
    };
    let good = "{\"部门\":\"甲\",\"得分\":80,\"倍数\":1}\n";
    let e = run("syntax.jsonl", format!("{good}\n{{\"部门\":\"乙\",\n").as_bytes());
    assert!(e.contains("E0701") && e.contains("syntax.jsonl:3:"), "{e}");
    // A key given twice: a JSON reader would keep the last without a word.
    let e =
        run("key-twice.jsonl", format!("{good}{{\"部门\":\"乙\",\"得分\":80,\"得分\":90,\"倍数\":1}}\n").as_bytes());
    assert!(e.contains("E0714") && e.contains("key-twice.jsonl:2:"), "{e}");
    let e = run("twice.jsonl", format!("{good}{good}").as_bytes());
    assert!(e.contains("E0710") && e.contains("甲"), "{e}");
    // A byte-order mark starts a file, not a line after the first.
    let e = run("bom.jsonl", format!("\u{feff}{good}\u{feff}{good}").as_bytes());
    assert!(e.contains("E0701") && e.contains("bom.jsonl:2:1:"), "{e}");
    let e = run("utf8.jsonl", b"{\"\xff\"}\n");
    assert!(e.contains("E0902") && e.contains("utf8.jsonl:1:3"), "{e}");
    let e = run("field.jsonl", "{\"部门\":\"丙\",\"得分\":\"八十\",\"倍数\":1}\n".as_bytes());
    assert!(e.contains("E07") && e.contains("丙") && e.contains("得分"), "{e}");
}

/// A JSON array is read element by element, whatever the output: each fault is the first one
/// in the file, at the line and column (in bytes for syntax, in characters for a key given
/// twice) that reading the whole file as JSON gives, and the same streamed, whole or piped.
#[test]
fn json_array_errors_are_placed_as_in_the_whole_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let a = r#"{"部门":"甲","得分":80,"倍数":1}"#;
    let b = r#"{"部门":"乙","得分":70,"倍数":1}"#;
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("one-line-syntax", format!(r#"[{a},{b},{{"部门":"丙","得分":8 0,"倍数":1}}]"#).into_bytes()),
        ("cut-short", format!("[\n  {a},\n  {b}").into_bytes()),
        ("cut-in-a-string", format!("[\n  {a},\n  {{\"部门\":\"丙").into_bytes()),
        ("no-comma", format!("[\n  {a}\n  {b}\n]\n").into_bytes()),
        ("trailing-comma", format!("[{a},\n]").into_bytes()),
        ("after-the-array", format!("[{a}] {b}").into_bytes()),
        ("empty", Vec::new()),
        ("deep", format!(r#"[{a}, {{"部门":"丙","得分":{deep},"倍数":1}}]"#).into_bytes()),
        ("key-twice", format!(r#"[{a}, {{"部门":"乙","得分":80,"得分":90,"倍数":1}}]"#).into_bytes()),
        ("bom-key-twice", "\u{feff}[{\"部门\":\"乙\",\"部门\":\"丙\"}]".as_bytes().to_vec()),
        ("not-an-array", a.as_bytes().to_vec()),
        ("not-utf8", [b"[".as_slice(), a.as_bytes(), b",\n{\"\xff\":1}]"].concat()),
        // A byte-order mark starts a file; anywhere else it is not JSON.
        ("bom-in-the-middle", format!("[{a},\u{feff}{b}]").into_bytes()),
        ("bom-before-a-string", "[\u{feff}\"x\"]".as_bytes().to_vec()),
        // Nested to serde_json's limit only with the array around the element.
        ("deep-at-the-limit", format!("[{}{}]", "[".repeat(127), "]".repeat(127)).into_bytes()),
        ("not-utf8-after-a-bom", [b"\xEF\xBB\xBF[{\"".as_slice(), "部门".as_bytes(), b"\":\"\xff\"}]"].concat()),
        // Fifty faulty records stop the reading of records, not the check that the rest is JSON.
        ("a-fault-after-fifty-errors", {
            let records: Vec<String> = (0..513)
                .map(|i| format!(r#"{{"部门":"d{i}","得分":{},"倍数":1}}"#, if i < 50 { 200 } else { 80 }))
                .collect();
            format!("[{},]", records.join(",\n")).into_bytes()
        }),
    ];
    let mut seen = String::new();
    for (name, body) in &cases {
        let data = dir.join(format!("{name}.json"));
        std::fs::write(&data, body).unwrap();
        let data = data.to_str().unwrap();
        let out = dir.join("out.jsonl");
        let streamed = jixiao(&["eval", "tests/cases/eval/params.jx", data, "-o", out.to_str().unwrap()]);
        let whole = jixiao(&["eval", "tests/cases/eval/params.jx", data]);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .args(["eval", "tests/cases/eval/params.jx", "/dev/stdin"])
            .current_dir(common::manifest())
            .env("NO_COLOR", "1")
            .env("LANG", "en_US.UTF-8")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), body).unwrap();
        let piped = child.wait_with_output().unwrap();
        assert_eq!((streamed.code, whole.code, piped.status.code()), (1, 1, Some(1)), "{name}: {}", whole.text());
        assert!(!out.exists(), "{name}: a failed run leaves no output");
        assert!(whole.stdout.is_empty(), "{name}: {}", whole.text());
        assert_eq!(streamed.stderr, whole.stderr, "{name}");
        let piped = squash(&String::from_utf8_lossy(&piped.stderr)).replace("/dev/stdin", data);
        assert_eq!(piped, squash(&whole.stderr), "{name}");
        // Syntax errors are where serde_json, reading the whole text, places them.
        let text = String::from_utf8_lossy(body);
        if let Err(e) = serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'))
            && std::str::from_utf8(body).is_ok()
        {
            let at = format!("{name}.json:{}:{}:", e.line(), e.column().max(1));
            assert!(whole.stderr.contains(&at), "{name}: expected {at}\n{}", whole.stderr);
        }
        seen += &format!("## {name}\n{}\n", whole.stderr.replace(data, &format!("{name}.json")));
    }
    insta::assert_snapshot!(seen);
}

/// Results printed to the terminal wait until every department is evaluated: a fault in the
/// last record leaves nothing printed, for a regulation without a ranking too.
#[test]
fn nothing_is_printed_before_a_late_fault() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, last) in [("late.json", "{\"部门\":\"末\",\"得分\":101,\"倍数\":1}"), ("cut.json", "{\"部门\":\"末\"")]
    {
        let records: Vec<String> = (0..600).map(|i| format!(r#"{{"部门":"d{i}","得分":80,"倍数":1}}"#)).collect();
        let data = tmp.path().join(name);
        std::fs::write(&data, format!("[{},\n{last}]", records.join(",\n"))).unwrap();
        for format in ["json", "jsonl", "csv"] {
            let run = jixiao(&["eval", "tests/cases/eval/params.jx", data.to_str().unwrap(), "--format", format]);
            assert_eq!(run.code, 1, "{}", run.text());
            assert!(run.stdout.is_empty(), "{name} as {format}: {}", &run.stdout[..run.stdout.len().min(200)]);
        }
    }
}

/// A department given twice is reported beside the other faults of the data, streamed or whole.
#[test]
fn a_department_twice_is_reported_beside_other_faults() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("twice.json");
    let body =
        r#"[{"部门":"甲","得分":80,"倍数":1},{"部门":"甲","得分":80,"倍数":1},{"部门":"乙","得分":101,"倍数":1}]"#;
    std::fs::write(&data, body).unwrap();
    let out = tmp.path().join("out.json");
    let data = data.to_str().unwrap();
    let whole = jixiao(&["eval", "tests/cases/eval/params.jx", data]);
    let streamed = jixiao(&["eval", "tests/cases/eval/params.jx", data, "-o", out.to_str().unwrap()]);
    for run in [&whole, &streamed] {
        assert_eq!(run.code, 1, "{}", run.text());
        assert!(run.stderr.contains("E0706") && run.stderr.contains("E0710"), "{}", run.text());
    }
    assert_eq!(squash(&whole.stderr), squash(&streamed.stderr));
    // Two names a person reads as one: the message shows the second as written.
    let data = tmp.path().join("invisible.json");
    let body = "[{\"部门\":\"甲\",\"得分\":80,\"倍数\":1},{\"部门\":\"甲\u{200b}\",\"得分\":80,\"倍数\":1}]";
    std::fs::write(&data, body).unwrap();
    let data = data.to_str().unwrap();
    let whole = jixiao(&["eval", "tests/cases/eval/params.jx", data]);
    let streamed = jixiao(&["eval", "tests/cases/eval/params.jx", data, "-o", out.to_str().unwrap()]);
    for run in [&whole, &streamed] {
        assert_eq!(run.code, 1, "{}", run.text());
        assert!(run.stderr.contains("E0710") && run.stderr.contains("written"), "{}", run.text());
    }
}

/// A value that reads as a number but breaks the regulation's rules is reported with the
/// sheet and cell it came from, as well as the department and field.
#[test]
fn value_errors_in_tables_name_the_cell() {
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", "tests/cases/eval/out-of-range.csv"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("E0706") && run.stderr.contains("out-of-range.csv, line 3, column 2"),
        "{}",
        run.text()
    );

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let book_path = dir.join("数据.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("部门").unwrap();
    for (r, row) in [["部门", "得分", "倍数"], ["甲", "80", "1"], ["乙", "150", "1"]].iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            match text.parse::<f64>() {
                Ok(n) => sheet.write_number(r as u32, c as u16, n).map(|_| ()),
                Err(_) => sheet.write_string(r as u32, c as u16, *text).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save(&book_path).unwrap();
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", book_path.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("部门, cell B3") && run.stderr.contains("乙"), "{}", run.text());

    // An item of a list of records: its own table, its own row.
    let data = dir.join("d.csv");
    let file = "regulations/jiangsu-2011.jx";
    assert_eq!(
        jixiao(&["convert", file, "examples/jiangsu-2011/departments.json", "-o", data.to_str().unwrap()]).code,
        0
    );
    let items = dir.join("d.职能工作.csv");
    let text = std::fs::read_to_string(&items).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let cut = lines[3].rfind(',').unwrap();
    lines[3] = format!("{},150", &lines[3][..cut]);
    std::fs::write(&items, lines.join("\n") + "\n").unwrap();
    let run = jixiao(&["eval", file, data.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    let message = squash(&run.stderr);
    assert!(
        message.contains("职能工作.重点工作[3].得分") && message.contains("d.职能工作.csv,line4,column5"),
        "{}",
        run.text()
    );
}

/// A named pipe can be read only once: JSON Lines from it is read whole, not streamed.
#[cfg(unix)]
#[test]
fn json_lines_from_a_pipe_is_read_once() {
    let fifo = std::env::temp_dir().join(format!("jixiao-fifo-{}.jsonl", std::process::id()));
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            std::fs::write(fifo, "{\"部门\":\"甲\",\"得分\":80,\"倍数\":1}\n{\"部门\":\"乙\",\"得分\":70,\"倍数\":1}\n")
        })
    };
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", fifo.to_str().unwrap(), "--format", "jsonl"]);
    writer.join().unwrap().unwrap();
    std::fs::remove_file(&fifo).unwrap();
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
}

/// A workbook whose list sheets follow the records sheet (as `convert` and `template` write
/// them) is evaluated a row at a time with the same results as the JSON, on one thread and
/// two; one whose list rows are out of order is read whole, with the same results too.
#[test]
fn workbooks_are_read_a_row_at_a_time_when_their_lists_follow_the_records() {
    use jixiao::data::{files::DataFormat, table_stream::aligned};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    for name in ["sichuan-2014", "jiangsu-2011"] {
        let xlsx = converted_evaluates_as_the_json(&dir, name, "xlsx");
        assert!(aligned(&program(name), DataFormat::Xlsx, &xlsx), "{name}: convert writes lists in order");
    }
    // Jiangsu's item rows in reverse: read whole, the same results.
    let xlsx = dir.join("jiangsu-2011.xlsx");
    let reversed = dir.join("reversed.xlsx");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let mut rows: Vec<_> = range.rows().collect();
        if name == "职能工作" {
            rows[1..].reverse();
        }
        let sheet = out.add_worksheet().set_name(&name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    calamine::Data::Float(f) => drop(sheet.write_number(r, c, *f).unwrap()),
                    calamine::Data::Int(i) => drop(sheet.write_number(r, c, *i as f64).unwrap()),
                    calamine::Data::Empty => {}
                    other => drop(sheet.write_string(r, c, other.to_string()).unwrap()),
                }
            }
        }
    }
    out.save(&reversed).unwrap();
    assert!(!aligned(&program("jiangsu-2011"), DataFormat::Xlsx, &reversed));
    let (file, data) = ("regulations/jiangsu-2011.jx", "examples/jiangsu-2011/departments.json");
    let whole = jixiao(&["eval", file, data, "--format", "jsonl"]);
    let shuffled = jixiao(&["eval", file, reversed.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(shuffled.code, 0, "{}", shuffled.text());
    assert_eq!(shuffled.stdout, whole.stdout);
}

/// On one thread (`--jobs 1`) a JSON array's records are read where they lie in the file; on
/// more, the array is cut into elements first. Both give the same results and, for arrays
/// with faults, the same messages, places and exit code.
#[test]
fn json_arrays_read_alike_on_one_thread_and_on_more() {
    let tmp = tempfile::tempdir().unwrap();
    let file = "regulations/jiangsu-2011.jx";
    let text = std::fs::read_to_string("examples/jiangsu-2011/departments.json").unwrap();
    let first = text.find("\"部门\": \"").expect("a department") + "\"部门\": \"".len();
    let long_name = format!("{}{}{}", &text[..first], "长".repeat(20_000), &text[first..]);
    let mut not_utf8 = text.clone().into_bytes();
    not_utf8[text.len() / 2..].iter_mut().find(|b| **b >= 0x80).map(|b| *b = 0xff).expect("non-ASCII");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("whole", text.clone().into_bytes()),
        ("one line", serde_json::to_vec(&serde_json::from_str::<serde_json::Value>(&text).unwrap()).unwrap()),
        ("a long name", long_name.into_bytes()),
        ("cut short", text.as_bytes()[..text.len() * 2 / 3].to_vec()),
        ("a key twice", text.replacen("\"部门\":", "\"部门\": \"甲\", \"部门\":", 3).into_bytes()),
        ("not a record", text.replacen("[", "[1, ", 1).into_bytes()),
        ("not UTF-8", not_utf8),
        ("a score over 100", text.replacen("\"评估计划\": ", "\"评估计划\": 1", 2).into_bytes()),
    ];
    for (what, bytes) in cases {
        let data = tmp.path().join("data.json");
        std::fs::write(&data, &bytes).unwrap();
        let data = data.to_str().unwrap();
        let one = jixiao(&["eval", file, data, "--format", "json", "--jobs", "1"]);
        let two = jixiao(&["eval", file, data, "--format", "json", "--jobs", "2"]);
        assert_eq!((one.code, &one.stdout, &one.stderr), (two.code, &two.stdout, &two.stderr), "{what}");
        assert_eq!(one.code, if matches!(what, "whole" | "one line" | "a long name") { 0 } else { 1 }, "{what}");
    }
}
