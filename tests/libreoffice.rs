//! Every result file jixiao writes opens in a real spreadsheet program: LibreOffice, headless,
//! converts the XLSX workbook (every sheet) and the CSV results to XLSX of its own, read back
//! here. Every numeric value is a number cell equal to the JSON result, sums match, yes/no and
//! Chinese names come through intact, and the displayed numbers keep their published places.
//! `tests/install-libreoffice.sh` installs LibreOffice; without `soffice` the test says it is
//! skipped.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use calamine::{Data, DataType, Reader};

use common::jixiao;

const FILE: &str = "regulations/jiangsu-2011.jx";
const DATA: &str = "examples/jiangsu-2011/departments.json";

/// LibreOffice's UTF-8 CSV filter (44 comma, 34 quote), as its import dialog sets it for a
/// file with a UTF-8 byte-order mark.
const CSV_FILTER: &str = "Text - txt - csv (StarCalc):44,34,UTF8";

fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join("soffice")).find(|p| p.is_file())
}

/// Runs LibreOffice headless with its own profile in `dir`, killed if it takes more than
/// five minutes (it must never hang the test run).
fn convert(soffice: &Path, dir: &Path, args: &[&str]) {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let child = Command::new(soffice)
        .args(["--headless", "--norestore", &profile])
        .args(args)
        .arg("--outdir")
        .arg(dir.join("lo"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start soffice");
    common::finish_within(child, 300, &format!("soffice {args:?}"));
}

fn rows(book: &Path, sheet: Option<&str>) -> Vec<Vec<Data>> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(book).unwrap();
    let range = match sheet {
        Some(name) => book.worksheet_range(name).unwrap(),
        None => book.worksheet_range_at(0).unwrap().unwrap(),
    };
    range.rows().map(|r| r.to_vec()).collect()
}

/// The every-value table (CSV, or the sheet 全部数值) against the JSON results: names intact,
/// numbers as number cells equal to the published decimals, yes/no as 是/否; the sum of the
/// scores equals the JSON results' sum.
fn check_values(rows: &[Vec<Data>], json: &serde_json::Value, what: &str) {
    let results = json["results"].as_array().unwrap();
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(header[0], "部门", "{what}: the first header cell (no byte-order mark, no mojibake)");
    assert_eq!(rows.len(), results.len() + 1, "{what}");
    let mut numbers = 0;
    for (row, result) in rows[1..].iter().zip(results) {
        assert_eq!(row[0].to_string(), result["department"].as_str().unwrap(), "{what}: a name");
        for (name, cell) in header.iter().zip(row) {
            match result["values"].get(name) {
                Some(serde_json::Value::String(s)) if s.parse::<f64>().is_ok() => {
                    let n = cell.get_float().unwrap_or_else(|| panic!("{what}: {name} is {cell:?}, not a number"));
                    assert!((n - s.parse::<f64>().unwrap()).abs() < 1e-9, "{what}: {name} {n} ≠ {s}");
                    numbers += 1;
                }
                Some(serde_json::Value::Bool(b)) => assert_eq!(cell.to_string(), if *b { "是" } else { "否" }),
                _ => {}
            }
        }
    }
    assert!(numbers > 500, "{what}: only {numbers} numbers");
    let score = header.iter().position(|h| h == "最终评估得分").unwrap();
    let sum: f64 = rows[1..].iter().map(|r| r[score].get_float().unwrap()).sum();
    let expected: f64 = results.iter().map(|r| r["score"].as_str().unwrap().parse::<f64>().unwrap()).sum();
    assert!((sum - expected).abs() < 1e-6, "{what}: sum {sum} ≠ {expected}");
}

#[test]
fn result_files_open_in_libreoffice() {
    let Some(soffice) = soffice() else {
        eprintln!("skipped: soffice (LibreOffice) is not installed; tests/install-libreoffice.sh installs it");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let json = jixiao(&["eval", FILE, DATA, "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.text());
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let (xlsx, csv) = (dir.join("结果.xlsx"), dir.join("结果表.csv"));
    for out in [&xlsx, &csv] {
        let run = jixiao(&["eval", FILE, DATA, "-o", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.text());
    }
    convert(&soffice, dir, &["--convert-to", "xlsx", xlsx.to_str().unwrap()]);
    convert(&soffice, dir, &[&format!("--infilter={CSV_FILTER}"), "--convert-to", "xlsx", csv.to_str().unwrap()]);
    let (from_xlsx, from_csv) = (dir.join("lo/结果.xlsx"), dir.join("lo/结果表.xlsx"));

    check_values(&rows(&from_csv, None), &json, "CSV");
    check_values(&rows(&from_xlsx, Some("全部数值")), &json, "全部数值");

    // The ranked sheet: scores and ranks are numbers, names intact, the same sum.
    let ranked = rows(&from_xlsx, Some("结果"));
    let header: Vec<String> = ranked[0].iter().map(|c| c.to_string()).collect();
    let [score, rank, unit] = ["最终评估得分", "排名", "部门"].map(|h| header.iter().position(|c| c == h).unwrap());
    let results = json["results"].as_array().unwrap();
    for row in &ranked[1..] {
        let result = results.iter().find(|r| r["department"] == row[unit].to_string()).expect("a name as in JSON");
        assert_eq!(row[score].get_float(), result["score"].as_str().unwrap().parse().ok());
        assert_eq!(row[rank].get_float(), result["rank"].as_f64());
    }
    assert!(rows(&from_xlsx, Some("参数")).len() > 1, "the parameters sheet");

    // What the sheet shows keeps the published places (`0.00`): LibreOffice's CSV of the
    // ranked sheet prints each score as JSON does.
    convert(&soffice, dir, &["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", xlsx.to_str().unwrap()]);
    let shown = std::fs::read_to_string(dir.join("lo/结果.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(shown.as_bytes());
    let mut checked = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let result = results.iter().find(|r| r["department"] == record[unit]).expect("a name as in JSON");
        assert_eq!(&record[score], result["score"].as_str().unwrap(), "{} shown", &record[unit]);
        checked += 1;
    }
    assert_eq!(checked, results.len());
}
