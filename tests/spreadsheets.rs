//! Spreadsheets as offices make them: every kind of cell is read as the sheet shows it, or
//! refused with the sheet, cell, department and field named. Each test makes its own
//! workbook (rust_xlsxwriter writes formulas without values, merged ranges, dates,
//! percentage formats, hidden sheets, rows and columns) or CSV file.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, jixiao, squash};
use rust_xlsxwriter::{CalculationMode, ExcelDateTime, Format, Workbook, Worksheet};

/// Points, a count with a default, and a list of records with a default: 总分 = 得分 + 表彰 −
/// the deductions.
const REGULATION: &str = "办法 \"表格读取\"\n输入 部门：文本\n输入 得分：分数 0 至 100\n输入 表彰：次数 默认 0\n\
输入 扣分：列表 记录 { 事项：文本，分：分数 > 0 } 默认 []\n\
计算 总分 = 得分 + 1分 × 表彰 - 合计(扣分.分)\n公布 { 单位：部门；得分：总分 }\n";

struct Dir {
    _tmp: tempfile::TempDir,
    path: PathBuf,
}

impl Dir {
    fn new() -> Dir {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().to_path_buf();
        std::fs::write(path.join("r.jx"), REGULATION).unwrap();
        Dir { _tmp: tmp, path }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// `jixiao eval r.jx DATA --format jsonl`.
    /// `jixiao eval r.jx DATA --format jsonl` (CSV in order is read a batch at a time), checked
    /// to say and do the same as a run that reads the data whole (`--format table`).
    fn eval(&self, data: &Path) -> Run {
        let regulation = self.file("r.jx");
        let (r, d) = (regulation.to_str().unwrap(), data.to_str().unwrap());
        let streamed = jixiao(&["eval", r, d, "--format", "jsonl"]);
        let whole = jixiao(&["eval", r, d, "--format", "table"]);
        assert_eq!((streamed.code, &streamed.stderr), (whole.code, &whole.stderr), "{}", whole.text());
        streamed
    }

    /// A shipped regulation's example data converted to CSV as `{name}.csv` (with its list
    /// files beside it).
    fn shipped_as_csv(&self, regulation: &str, name: &str) -> PathBuf {
        let csv = self.file(&format!("{name}.csv"));
        let data = format!("examples/{regulation}/departments.json");
        let regulation = format!("regulations/{regulation}.jx");
        let convert = jixiao(&["convert", &regulation, &data, "-o", csv.to_str().unwrap()]);
        assert_eq!(convert.code, 0, "{}", convert.text());
        csv
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.file(name);
        std::fs::write(&path, text).unwrap();
        path
    }
}

/// The published score of each department, in order.
fn scores(run: &Run) -> Vec<(String, String)> {
    assert_eq!(run.code, 0, "{}", run.text());
    run.stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["department"].as_str().unwrap().to_string(), v["score"].as_str().unwrap().to_string())
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// A refusal: exit 1, the code given once per `count`, and every piece of `names` in it.
fn refused(run: &Run, code: &str, count: usize, names: &[&str]) {
    assert_eq!(run.code, 1, "{}", run.text());
    assert_eq!(run.stderr.lines().filter(|l| l.trim() == code).count(), count, "{}", run.text());
    let message = squash(&run.stderr);
    for name in names {
        assert!(message.contains(&squash(name)), "`{name}` is not named:\n{}", run.stderr);
    }
    assert!(run.stdout.is_empty(), "nothing is printed: {}", run.stdout);
}

/// The records sheet: 甲 80 points, 1 time; 乙 70, 2 times; then `edit` for the cells under
/// test, and a deductions sheet (甲: 3 points) unless `deductions` is false.
fn book(dir: &Dir, name: &str, deductions: bool, edit: impl FnOnce(&mut Worksheet)) -> PathBuf {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("部门").unwrap();
    for (c, h) in ["部门", "得分", "表彰"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (unit, score, times)) in [("甲", 80.0, 1.0), ("乙", 70.0, 2.0)].iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *unit).unwrap();
        sheet.write_number(r, 1, *score).unwrap();
        sheet.write_number(r, 2, *times).unwrap();
    }
    edit(sheet);
    if deductions {
        let list = book.add_worksheet().set_name("扣分").unwrap();
        for (c, h) in ["部门", "事项", "分"].iter().enumerate() {
            list.write_string(0, c as u16, *h).unwrap();
        }
        list.write_string(1, 0, "甲").unwrap();
        list.write_string(1, 1, "迟报").unwrap();
        list.write_number(1, 2, 3).unwrap();
    }
    let path = dir.file(name);
    book.save(&path).unwrap();
    path
}

#[test]
fn a_plain_workbook_reads_as_written() {
    let dir = Dir::new();
    let data = book(&dir, "d.xlsx", true, |_| {});
    assert_eq!(scores(&dir.eval(&data)), pairs(&[("甲", "78.00"), ("乙", "72.00")]));
}

/// A score formatted as a percentage shows `92%`: it is 92 points, in XLSX and in CSV alike;
/// a percentage whose format hides a digit is refused.
#[test]
fn a_percentage_is_the_number_shown() {
    let dir = Dir::new();
    let percent = Format::new().set_num_format("0%");
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_number_with_format(1, 1, 0.92, &percent).unwrap();
    });
    assert_eq!(scores(&dir.eval(&data)), pairs(&[("甲", "90.00"), ("乙", "72.00")]));
    let csv = dir.write("d.csv", "部门,得分,表彰\n甲,92%,1\n乙,70,2\n");
    dir.write("d.扣分.csv", "部门,事项,分\n甲,迟报,3\n");
    assert_eq!(scores(&dir.eval(&csv)), pairs(&[("甲", "90.00"), ("乙", "72.00")]));
    // A count takes no percent sign.
    let csv = dir.write("d.csv", "部门,得分,表彰\n甲,92,100%\n乙,70,2\n");
    refused(&dir.eval(&csv), "E0717", 1, &["d.csv, line 2, column 3", "\"甲\"", "表彰", "100%"]);
    // 92.5% shown as 93%: the sheet shows another number than it holds.
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_number_with_format(1, 1, 0.925, &percent).unwrap();
    });
    refused(&dir.eval(&data), "E0723", 1, &["部门, cell B2", "\"甲\"", "得分", "shows 93%, holds 92.5%"]);
}

/// Numbers are what the sheet shows: a double's noise past 15 digits is not data, digits a
/// format hides are refused, and so is a computed fraction.
#[test]
fn numbers_are_read_to_the_digits_a_sheet_shows() {
    let dir = Dir::new();
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_number(2, 1, 0.1 + 0.2 + 69.6).unwrap();
    });
    assert_eq!(scores(&dir.eval(&data)), pairs(&[("甲", "78.00"), ("乙", "71.90")]));
    let two_places = Format::new().set_num_format("0.00");
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_number_with_format(2, 1, 200.0 / 3.0, &two_places).unwrap();
    });
    refused(&dir.eval(&data), "E0723", 1, &["cell B3", "\"乙\"", "shows 66.67, holds 66.6666666666667"]);
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_number(2, 1, 200.0 / 3.0).unwrap();
    });
    refused(&dir.eval(&data), "E0723", 1, &["cell B3", "\"乙\""]);
}

/// A formula saved without its computed value (a placeholder that the file asks the
/// spreadsheet to replace on opening, or no value at all) is refused; a computed one is read.
#[test]
fn a_formula_without_its_value_is_refused() {
    let dir = Dir::new();
    // rust_xlsxwriter, like most programs that write xlsx, stores 0 and asks for a recalculation.
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_formula(2, 1, "=60+10").unwrap();
    });
    refused(&dir.eval(&data), "E0720", 1, &["部门, cell B3", "\"乙\"", "得分", "=60+10"]);
    let data = book(&dir, "d.xlsx", true, |s| {
        s.set_formula_result_default("");
        s.write_formula(2, 2, "=1+1").unwrap();
    });
    refused(&dir.eval(&data), "E0720", 1, &["cell C3", "\"乙\"", "表彰"]);
    // Computed and stored, as a spreadsheet saves it: read by its value.
    let mut book = Workbook::new();
    book.set_calculation_mode(CalculationMode::Manual);
    let sheet = book.add_worksheet().set_name("部门").unwrap();
    sheet.write_row(0, 0, ["部门", "得分"]).unwrap();
    sheet.write_string(1, 0, "乙").unwrap();
    sheet.write_formula(1, 1, "=60+10").unwrap().set_formula_result(1, 1, "70");
    let list = book.add_worksheet().set_name("扣分").unwrap();
    list.write_row(0, 0, ["部门", "事项", "分"]).unwrap();
    let data = dir.file("computed.xlsx");
    book.save(&data).unwrap();
    assert_eq!(scores(&dir.eval(&data)), pairs(&[("乙", "70.00")]));
}

/// An error value (`#DIV/0!`) is not a number.
#[test]
fn an_error_value_is_refused() {
    let dir = Dir::new();
    let mut book = Workbook::new();
    book.set_calculation_mode(CalculationMode::Manual);
    let sheet = book.add_worksheet().set_name("部门").unwrap();
    sheet.write_row(0, 0, ["部门", "得分"]).unwrap();
    sheet.write_string(1, 0, "甲").unwrap();
    sheet.write_formula(1, 1, "=1/0").unwrap().set_formula_result(1, 1, "#DIV/0!");
    book.add_worksheet().set_name("扣分").unwrap().write_row(0, 0, ["部门", "事项", "分"]).unwrap();
    let data = dir.file("d.xlsx");
    book.save(&data).unwrap();
    refused(&dir.eval(&data), "E0722", 1, &["部门, cell B2", "\"甲\"", "得分", "#DIV/0!"]);
}

/// A date typed into a number column is refused, not read as its serial number (46024).
#[test]
fn a_date_in_a_number_column_is_refused() {
    let dir = Dir::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(2026, 1, 2).unwrap(), &date).unwrap();
    });
    refused(&dir.eval(&data), "E0721", 1, &["部门, cell C2", "\"甲\"", "表彰", "2026-01-02"]);
}

/// One count merged across two departments' rows would count for the first only: refused,
/// naming the range and both departments.
#[test]
fn a_value_in_merged_cells_is_refused() {
    let dir = Dir::new();
    let data = book(&dir, "d.xlsx", true, |s| {
        s.merge_range(1, 2, 2, 2, "", &Format::new()).unwrap();
        s.write_number(1, 2, 2).unwrap();
    });
    refused(&dir.eval(&data), "E0724", 1, &["部门, cells C2:C3", "甲", "乙"]);
}

/// What a user cannot see is not read: a hidden sheet, row or column with values is refused.
#[test]
fn hidden_sheets_rows_and_columns_are_refused() {
    let dir = Dir::new();
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("部门")
        .unwrap()
        .write_row(0, 0, ["部门", "得分"])
        .unwrap()
        .write_row(1, 0, ["甲", "80"])
        .unwrap();
    book.add_worksheet().set_name("扣分").unwrap().set_hidden(true).write_row(0, 0, ["部门", "事项", "分"]).unwrap();
    let data = dir.file("hidden-sheet.xlsx");
    book.save(&data).unwrap();
    refused(&dir.eval(&data), "E0725", 1, &["hidden-sheet.xlsx", "扣分"]);

    let data = book_with(&dir, "hidden-row.xlsx", |s| {
        s.set_row_hidden(2).unwrap();
    });
    refused(&dir.eval(&data), "E0725", 1, &["部门, row 3"]);
    let data = book_with(&dir, "hidden-column.xlsx", |s| {
        s.set_column_hidden(2).unwrap();
    });
    refused(&dir.eval(&data), "E0725", 1, &["部门, column C"]);
}

fn book_with(dir: &Dir, name: &str, edit: impl FnOnce(&mut Worksheet)) -> PathBuf {
    book(dir, name, true, edit)
}

/// A list table the regulation declares must be there, in CSV and XLSX: a renamed or
/// deleted one would mean "no deductions" without a word. A table with its header alone is
/// an empty list.
#[test]
fn a_missing_list_table_is_refused() {
    let dir = Dir::new();
    let data = book(&dir, "d.xlsx", false, |_| {});
    refused(&dir.eval(&data), "E0727", 1, &["d.xlsx", "扣分"]);
    let csv = dir.write("c.csv", "部门,得分,表彰\n甲,80,1\n乙,70,2\n");
    refused(&dir.eval(&csv), "E0727", 1, &["c.csv", "c.扣分.csv"]);
    dir.write("c.扣分.csv", "部门,事项,分\n");
    assert_eq!(scores(&dir.eval(&csv)), pairs(&[("甲", "81.00"), ("乙", "72.00")]));
    // An empty file (or one holding only a byte-order mark) is not a table with no rows.
    for empty in ["", "\u{feff}"] {
        dir.write("c.扣分.csv", empty);
        refused(&dir.eval(&csv), "E0727", 1, &["c.扣分.csv", "扣分"]);
    }
}

/// A header column given twice is refused once, in CSV and XLSX; a wrong column is reported
/// once, not once a row.
#[test]
fn header_problems_are_reported_once() {
    let dir = Dir::new();
    dir.write("d.扣分.csv", "部门,事项,分\n");
    let csv = dir.write("d.csv", "部门,得分,得分\n甲,80,90\n乙,70,60\n");
    refused(&dir.eval(&csv), "E0726", 1, &["d.csv", "column 3", "得分", "column 2"]);
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_string(0, 2, "得分").unwrap();
    });
    refused(&dir.eval(&data), "E0726", 1, &["部门, column C", "得分"]);
    let rows: String = (0..40).map(|i| format!("单位{i},80,1,备注{i}\n")).collect();
    let csv = dir.write("d.csv", &format!("部门,得分,表彰,备注\n{rows}"));
    refused(&dir.eval(&csv), "E0716", 1, &["d.csv, line 1, column 4", "备注"]);
}

/// Lines of only commas (a row Excel cleared) and blank rows of a sheet are skipped, in CSV and
/// XLSX alike, and cells after them keep their real line.
#[test]
fn blank_rows_are_skipped() {
    let dir = Dir::new();
    dir.write("d.扣分.csv", "部门,事项,分\n,,\n甲,迟报,3\n,,\n");
    let csv = dir.write("d.csv", "部门,得分,表彰\n甲,80,1\n,,\n ,,\n乙,70,2\n,,\n");
    assert_eq!(scores(&dir.eval(&csv)), pairs(&[("甲", "78.00"), ("乙", "72.00")]));
    let csv = dir.write("d.csv", "部门,得分,表彰\n甲,80,1\n,,\n乙,七十,2\n");
    refused(&dir.eval(&csv), "E0717", 1, &["d.csv, line 4, column 2", "七十"]);
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_row(4, 0, ["丙", "60", "0"]).unwrap();
    });
    assert_eq!(scores(&dir.eval(&data)), pairs(&[("甲", "78.00"), ("乙", "72.00"), ("丙", "60.00")]));
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_row(4, 0, ["丙", "六十", "0"]).unwrap();
    });
    refused(&dir.eval(&data), "E0717", 1, &["部门, cell B5", "\"丙\"", "六十"]);
    // Blank rows above the header too; the header is named by its own line.
    let csv = dir.write("d.csv", "\n,,\n部门,得分,表彰\n甲,80,1\n乙,70,2\n");
    assert_eq!(scores(&dir.eval(&csv)), pairs(&[("甲", "78.00"), ("乙", "72.00")]));
    let csv = dir.write("d.csv", ",,,\n部门,得分,表彰,备注\n甲,80,1,\n");
    refused(&dir.eval(&csv), "E0716", 1, &["d.csv, line 2, column 4", "备注"]);
    // A cell with a line break (Alt+Enter), saved by Excel on Windows with CR LF.
    let csv = dir.write("d.csv", "部门,得分,表彰\r\n\"甲\r\n\",80,1\r\n\r\n乙,七十,2\r\n");
    refused(&dir.eval(&csv), "E0717", 1, &["d.csv, line 5, column 2", "七十"]);
}

/// A row whose department is empty is named by its place in the file, not by a record number
/// that blank rows put out of step.
#[test]
fn a_row_without_a_department_is_named_by_its_line() {
    let dir = Dir::new();
    dir.write("d.扣分.csv", "部门,事项,分\n");
    let csv = dir.write("d.csv", "部门,得分,表彰\n甲,80,1\n,,\n,70,2\n");
    refused(&dir.eval(&csv), "E0703", 1, &["d.csv, line 4, column 1"]);
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_blank(2, 0, &Format::new()).unwrap();
    });
    refused(&dir.eval(&data), "E0703", 1, &["部门, cell A3"]);
}

/// A title above the header is one error saying so, not a column of unnamed values or a
/// merged range.
#[test]
fn a_title_above_the_header_is_named() {
    let dir = Dir::new();
    dir.write("d.扣分.csv", "部门,事项,分\n");
    let csv = dir.write("d.csv", "2026年度考核数据,,\n部门,得分,表彰\n甲,80,1\n");
    refused(&dir.eval(&csv), "E0729", 1, &["d.csv, line 1, column 1", "2026年度考核数据"]);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("部门").unwrap();
    sheet.merge_range(0, 0, 0, 2, "2026年度考核数据", &Format::new()).unwrap();
    sheet.write_row(1, 0, ["部门", "得分", "表彰"]).unwrap();
    sheet.write_row(2, 0, ["甲", "80", "1"]).unwrap();
    book.add_worksheet().set_name("扣分").unwrap().write_row(0, 0, ["部门", "事项", "分"]).unwrap();
    let data = dir.file("title.xlsx");
    book.save(&data).unwrap();
    let run = dir.eval(&data);
    refused(&run, "E0729", 1, &["部门, cell A1", "2026年度考核数据"]);
    assert!(!run.stderr.contains("E0724"), "{}", run.stderr);
}

/// Number formats that show no number, or General under its Chinese name.
#[test]
fn number_formats_that_hide_a_value_are_refused() {
    let dir = Dir::new();
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_number_with_format(2, 2, 5, &Format::new().set_num_format(";;;")).unwrap();
    });
    refused(&dir.eval(&data), "E0723", 1, &["部门, cell C3", "\"乙\"", "表彰", ";;;"]);
    let general = Format::new().set_num_format("G/通用格式");
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_number_with_format(2, 1, 70.5, &general).unwrap();
    });
    assert_eq!(scores(&dir.eval(&data)), pairs(&[("甲", "78.00"), ("乙", "72.50")]));
    // What is left of =0.3-0.1-0.2 in binary arithmetic.
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_number_with_format(2, 2, 0.3 - 0.1 - 0.2, &Format::new().set_num_format("0.00")).unwrap();
    });
    refused(&dir.eval(&data), "E0723", 1, &["cell C3", "\"乙\""]);
}

/// Sheets and files the regulation has no table for are named in a warning; the run goes on.
#[test]
fn extra_sheets_and_files_are_named() {
    let dir = Dir::new();
    let data = book(&dir, "d.xlsx", true, |_| {});
    let mut book = Workbook::new();
    book.add_worksheet().set_name("部门").unwrap().write_row(0, 0, ["部门", "得分"]).unwrap();
    book.add_worksheet().set_name("扣分").unwrap().write_row(0, 0, ["部门", "事项", "分"]).unwrap();
    book.add_worksheet().set_name("扣分明细").unwrap();
    let with_extra = dir.file("extra.xlsx");
    book.save(&with_extra).unwrap();
    let run = dir.eval(&with_extra);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stderr.contains("W0701") && run.stderr.contains("扣分明细"), "{}", run.text());
    assert!(!dir.eval(&data).stderr.contains("W0701"));
    dir.write("c.扣分.csv", "部门,事项,分\n");
    dir.write("c.督查扣分.csv", "部门,事项,分\n甲,迟报,3\n");
    let csv = dir.write("c.csv", "部门,得分\n甲,80\n");
    let run = dir.eval(&csv);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stderr.contains("W0701") && run.stderr.contains("c.督查扣分.csv"), "{}", run.text());
}

/// The issue's case: Jiangsu's deductions file renamed. Read as "no deductions" it moved a
/// department from 达标 to 良好; it is refused, naming the file expected.
#[test]
fn jiangsu_without_its_deductions_file_is_refused() {
    let dir = Dir::new();
    let (regulation, csv) = ("regulations/jiangsu-2011.jx", dir.shipped_as_csv("jiangsu-2011", "js"));
    std::fs::rename(dir.file("js.督促检查扣分.csv"), dir.file("js.督促检查扣分（旧）.csv")).unwrap();
    for format in ["table", "jsonl"] {
        let run = jixiao(&["eval", regulation, csv.to_str().unwrap(), "--format", format]);
        refused(&run, "E0727", 1, &["js.督促检查扣分.csv"]);
        assert!(run.stderr.contains("W0701") && run.stderr.contains("js.督促检查扣分（旧）.csv"), "{}", run.text());
    }
}

const RECALCULATE_ON_LOAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#;

/// `path` opened and saved again by LibreOffice, recalculating on load as an office does (it
/// asks; headless, it must be told to); `None` where LibreOffice is not installed.
fn through_libreoffice(dir: &Dir, path: &Path) -> Option<PathBuf> {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|p| std::process::Command::new(p).arg("--version").output().is_ok_and(|o| o.status.success()))?;
    let profile = dir.file("profile");
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(profile.join("user/registrymodifications.xcu"), RECALCULATE_ON_LOAD).unwrap();
    let out = dir.file("saved");
    let run = std::process::Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "xlsx", "--outdir"])
        .args([out.as_os_str(), path.as_os_str()])
        .output()
        .expect("run soffice");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    Some(out.join(path.file_name().unwrap()))
}

/// Workbooks written by a program (formulas with placeholders, a percentage, a blank row,
/// merged cells, a hidden row), then opened and saved by LibreOffice as an office would: the
/// values LibreOffice computed are read, and what it keeps hidden or merged is still refused.
/// Skipped, saying so, where LibreOffice is not installed (`.ci/run` installs it).
#[test]
fn workbooks_saved_by_libreoffice_read_as_they_show() {
    let dir = Dir::new();
    let written = book(&dir, "written.xlsx", true, |s| {
        s.write_formula(2, 1, "=60+10").unwrap();
        s.write_number_with_format(1, 1, 0.8, &Format::new().set_num_format("0%")).unwrap();
        s.write_row(4, 0, ["丙", "60", "0"]).unwrap();
    });
    refused(&dir.eval(&written), "E0720", 1, &["cell B3"]);
    let Some(saved) = through_libreoffice(&dir, &written) else {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    assert_eq!(scores(&dir.eval(&saved)), pairs(&[("甲", "78.00"), ("乙", "72.00"), ("丙", "60.00")]));
    let merged = book(&dir, "merged.xlsx", true, |s| {
        s.merge_range(1, 2, 2, 2, "", &Format::new()).unwrap();
        s.write_number(1, 2, 2).unwrap();
        s.set_row_hidden(2).unwrap();
    });
    let saved = through_libreoffice(&dir, &merged).unwrap();
    let run = dir.eval(&saved);
    refused(&run, "E0724", 1, &["部门, cells C2:C3"]);
    refused(&run, "E0725", 1, &["部门, row 3"]);
}

/// Header names are matched as people read them: invisible characters and spaces of any kind
/// around a name (a BOM pasted in, a full-width space) do not make an unknown column.
#[test]
fn headers_are_read_as_people_read_them() {
    let dir = Dir::new();
    dir.write("d.扣分.csv", "部门,\u{200b}事项,分\u{3000}\n甲,迟报,3\n");
    let csv = dir.write("d.csv", "部门,得分\u{200b},\u{feff}表彰\n甲,80,1\n乙,70,2\n");
    assert_eq!(scores(&dir.eval(&csv)), pairs(&[("甲", "78.00"), ("乙", "72.00")]));
    let data = book(&dir, "d.xlsx", true, |s| {
        s.write_string(0, 1, " 得分\u{200d}").unwrap();
    });
    assert_eq!(scores(&dir.eval(&data)), pairs(&[("甲", "78.00"), ("乙", "72.00")]));
}

/// Formats that put other digits on show than the cell holds: text between digits, a
/// condition choosing the section, text instead of the number.
#[test]
fn formats_that_show_other_digits_are_refused() {
    let dir = Dir::new();
    for format in ["0\\.00", "0\".\"00", "[<60]0.00;0", "\"95\"", "\"9\"0", "-0.00", "(0.00)", "0.0%%"] {
        let data = book(&dir, "d.xlsx", true, |s| {
            s.write_number_with_format(2, 1, 70, &Format::new().set_num_format(format)).unwrap();
        });
        refused(&dir.eval(&data), "E0723", 1, &["部门, cell B3", "\"乙\"", format]);
    }
}

/// A value under a merged cell that does not show it (LibreOffice can keep the contents of the
/// cells it merges) is refused as any value in merged cells is.
#[test]
fn a_value_hidden_under_merged_cells_is_refused() {
    let dir = Dir::new();
    let data = book(&dir, "d.xlsx", true, |s| {
        s.merge_range(1, 2, 2, 2, "", &Format::new()).unwrap();
        s.write_number(2, 2, 2).unwrap();
    });
    refused(&dir.eval(&data), "E0724", 1, &["部门, cells C2:C3", "甲", "乙"]);
}

/// A CSV row with a comma too many moves its values right; the value past the header has no
/// column name and is refused, not dropped.
#[test]
fn values_past_the_header_are_refused() {
    let dir = Dir::new();
    dir.write("d.扣分.csv", "部门,事项,分\n");
    let csv = dir.write("d.csv", "部门,得分,表彰\n甲,80,1\n乙,,70,2\n");
    refused(&dir.eval(&csv), "E0728", 1, &["d.csv, column 4", "line 3, column 4"]);
    // A stray cell at the sheet's last cell: refused, without building the whole rectangle.
    let data = book(&dir, "far.xlsx", true, |s| {
        s.write_string(1_048_575, 16_383, "x").unwrap();
    });
    refused(&dir.eval(&data), "E0728", 1, &["部门, column XFD", "cell XFD1048576"]);
}

/// The records sheet is `部门`, else the first sheet that is not a list's; tabs are named as
/// people read them (a trailing space).
#[test]
fn sheets_are_found_as_people_name_them() {
    let dir = Dir::new();
    let mut book = Workbook::new();
    let list = book.add_worksheet().set_name("扣分 ").unwrap();
    list.write_row(0, 0, ["部门", "事项", "分"]).unwrap().write_row(1, 0, ["甲", "迟报", "3"]).unwrap();
    let sheet = book.add_worksheet().set_name("Sheet1").unwrap();
    sheet.write_row(0, 0, ["部门", "得分"]).unwrap().write_row(1, 0, ["甲", "80"]).unwrap();
    let data = dir.file("d.xlsx");
    book.save(&data).unwrap();
    assert_eq!(scores(&dir.eval(&data)), pairs(&[("甲", "77.00")]));
}

/// `好、、好` is two ratings or three with one lost: refused, as the same list in JSON is.
#[test]
fn an_empty_item_in_a_list_cell_is_refused() {
    let dir = Dir::new();
    let (regulation, csv) = ("regulations/sichuan-2014.jx", dir.shipped_as_csv("sichuan-2014", "sc"));
    let text = std::fs::read_to_string(&csv).unwrap();
    let (header, rest) = text.split_once('\n').unwrap();
    let (first, others) = rest.split_once('\n').unwrap();
    std::fs::write(&csv, format!("{header}\n{}\n{others}", first.replacen('、', "、、", 1))).unwrap();
    let run = jixiao(&["eval", regulation, csv.to_str().unwrap()]);
    refused(&run, "E0717", 1, &["sc.csv, line 2", "、、"]);
}

/// A list row's `指标` is read as people read it; an empty one names no list and is refused,
/// not dropped with its item.
#[test]
fn a_list_rows_indicator_is_read_or_refused() {
    let dir = Dir::new();
    let (regulation, csv) = ("regulations/jiangsu-2011.jx", dir.shipped_as_csv("jiangsu-2011", "js"));
    let expected = jixiao(&["eval", regulation, csv.to_str().unwrap(), "--format", "jsonl"]);
    let items = dir.file("js.职能工作.csv");
    let text = std::fs::read_to_string(&items).unwrap();
    std::fs::write(&items, text.replacen(",重点工作,", ",重点工作\u{200b},", 1)).unwrap();
    for format in ["jsonl", "table"] {
        let run = jixiao(&["eval", regulation, csv.to_str().unwrap(), "--format", format]);
        assert_eq!(run.code, 0, "{}", run.text());
    }
    assert_eq!(jixiao(&["eval", regulation, csv.to_str().unwrap(), "--format", "jsonl"]).stdout, expected.stdout);
    std::fs::write(&items, text.replacen(",重点工作,", ",,", 1)).unwrap();
    for format in ["jsonl", "table"] {
        let run = jixiao(&["eval", regulation, csv.to_str().unwrap(), "--format", format]);
        refused(&run, "E0717", 1, &["js.职能工作.csv, line 2, column 2", "指标"]);
    }
}

/// Two keys of one object that read the same (one with an invisible character) are not one
/// silently chosen: the second is refused as a key given twice.
#[test]
fn keys_that_read_the_same_are_refused() {
    let dir = Dir::new();
    let data = dir.write("d.json", "[{\"部门\":\"甲\",\"得分\":80,\"得分\u{200b}\":90}]");
    let run = jixiao(&["eval", dir.file("r.jx").to_str().unwrap(), data.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("得分<U+200B>"), "{}", run.text());
}

impl Dir {
    /// Whether `jixiao eval r.jx DATA -o results.json` reads the workbook a row at a time.
    fn streams(&self, data: &Path) -> bool {
        let program = jixiao::compile(&jixiao::source::SourceFile::new("r.jx", REGULATION.to_string())).unwrap().0;
        jixiao::data::table_stream::aligned(&program, jixiao::data::files::DataFormat::Xlsx, data)
    }

    /// `Dir::eval`, and the run with `-o results.json` (which reads a plain workbook a row at a
    /// time) saying the same and leaving no file behind when it fails.
    fn eval_to_file(&self, data: &Path) -> Run {
        let run = self.eval(data);
        let out = self.file("results.json");
        let _ = std::fs::remove_file(&out);
        let (r, d) = (self.file("r.jx"), data.to_str().unwrap().to_string());
        let to_file = jixiao(&["eval", r.to_str().unwrap(), &d, "-o", out.to_str().unwrap()]);
        assert_eq!((to_file.code, &to_file.stderr), (run.code, &run.stderr), "{}", to_file.text());
        assert_eq!(out.exists(), run.code == 0);
        run
    }
}

/// Faulty cells of a plain workbook are found row by row, as `-o results.json` and
/// `--format jsonl` read it, and named as reading the sheets whole names them.
#[test]
fn faulty_cells_are_named_alike_row_by_row_and_whole() {
    let dir = Dir::new();
    type Edit = fn(&mut Worksheet);
    let cases: [(Edit, &str, &[&str]); 4] = [
        (
            |s| {
                let date = Format::new().set_num_format("yyyy-mm-dd");
                s.write_datetime_with_format(2, 2, ExcelDateTime::from_ymd(2026, 1, 2).unwrap(), &date).unwrap();
            },
            "E0721",
            &["部门, cell C3", "\"乙\"", "2026-01-02"],
        ),
        (
            |s| {
                s.write_string(2, 1, "七十").unwrap();
            },
            "E0717",
            &["部门, cell B3", "\"乙\"", "七十"],
        ),
        (
            |s| {
                s.write_formula(1, 1, "=60+20").unwrap();
            },
            "E0720",
            &["部门, cell B2", "\"甲\"", "=60+20"],
        ),
        (
            |s| {
                s.write_number_with_format(2, 1, 70.125, &Format::new().set_num_format("0.00")).unwrap();
            },
            "E0723",
            &["部门, cell B3", "70.13", "70.125"],
        ),
    ];
    for (edit, code, names) in cases {
        let data = book(&dir, "d.xlsx", true, edit);
        assert!(dir.streams(&data), "{code}: a plain workbook is read row by row");
        refused(&dir.eval_to_file(&data), code, 1, names);
    }
    // Merged cells, hidden rows and values under a column without a name (reported once, at
    // the first such row of the sheet) make the workbook read whole; the messages are the same.
    let merged = book(&dir, "merged.xlsx", true, |s| {
        s.merge_range(1, 2, 2, 2, "", &Format::new()).unwrap();
        s.write_number(1, 2, 2).unwrap();
    });
    let hidden = book(&dir, "hidden.xlsx", true, |s| {
        s.set_row_hidden(2).unwrap();
    });
    let unnamed = book(&dir, "unnamed.xlsx", true, |s| {
        s.write_string(2, 3, "备注").unwrap();
    });
    for (data, code) in [(merged, "E0724"), (hidden, "E0725"), (unnamed, "E0728")] {
        assert!(!dir.streams(&data), "{code}");
        refused(&dir.eval_to_file(&data), code, 1, &[]);
    }
}

/// 2,000 departments, two deductions each: a bad cell far down the list sheet and one far
/// down the records sheet are named by their own rows, read in chunks as read whole.
#[test]
fn cells_far_down_a_workbook_keep_their_places() {
    let dir = Dir::new();
    let write = |bad_item: Option<usize>, bad_unit: Option<usize>| {
        let mut book = Workbook::new();
        let main = book.add_worksheet().set_name("部门").unwrap();
        main.write_row(0, 0, ["部门", "得分", "表彰"]).unwrap();
        for i in 0..2000u32 {
            main.write_string(i + 1, 0, format!("单位{i:04}")).unwrap();
            match bad_unit {
                Some(bad) if bad == i as usize => main.write_string(i + 1, 1, "八十").unwrap(),
                _ => main.write_number(i + 1, 1, 80 + i % 20).unwrap(),
            };
        }
        let list = book.add_worksheet().set_name("扣分").unwrap();
        list.write_row(0, 0, ["部门", "事项", "分"]).unwrap();
        for row in 1..=4000u32 {
            list.write_row(row, 0, [format!("单位{:04}", (row - 1) / 2), "迟报".to_string()]).unwrap();
            match bad_item {
                Some(bad) if bad == row as usize => list.write_string(row, 2, "三").unwrap(),
                _ => list.write_number(row, 2, 1 + row % 3).unwrap(),
            };
        }
        let path = dir.file("far.xlsx");
        book.save(&path).unwrap();
        path
    };
    let good = write(None, None);
    assert!(dir.streams(&good));
    assert_eq!(scores(&dir.eval_to_file(&good)).len(), 2000);
    let data = write(Some(3001), None);
    refused(&dir.eval_to_file(&data), "E0717", 1, &["扣分, cell C3002", "\"单位1500\"", "\"三\""]);
    let data = write(None, Some(1500));
    refused(&dir.eval_to_file(&data), "E0717", 1, &["部门, cell B1502", "\"单位1500\"", "八十"]);
}
