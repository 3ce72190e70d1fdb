//! Data files by their extension: `.json` (an array of records), `.jsonl` (a record a line),
//! `.csv` (the main table, with each list of records in a file beside it:
//! `数据.职能工作.csv`), `.xlsx` (a sheet per table). All become the same records.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};

use super::Record;
use super::data::{MAX_ERRORS, json_text, parse_json, read_records_located};
use super::tables::{self, Cells, Table};
use crate::diagnostic::Diagnostic;
use crate::lang::tr;
use crate::program::*;
use crate::schema::RECORDS_SHEET;

/// The kinds of data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFormat {
    Json,
    JsonLines,
    Csv,
    Xlsx,
}

impl DataFormat {
    /// By the file's extension; JSON when there is none it knows.
    pub fn of(path: &Path) -> DataFormat {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("jsonl" | "ndjson") => DataFormat::JsonLines,
            Some("csv") => DataFormat::Csv,
            Some("xlsx" | "xlsm") => DataFormat::Xlsx,
            _ => DataFormat::Json,
        }
    }
}

/// The records of a data file, whatever its format, as plain JSON (before checking).
pub fn read_json(program: &Program, path: &Path) -> Result<Vec<serde_json::Value>, Vec<Diagnostic>> {
    read_located(program, path).map(|(records, _)| records)
}

/// The records as plain JSON, and for tables where each value came from.
fn read_located(program: &Program, path: &Path) -> Result<(Vec<serde_json::Value>, Cells), Vec<Diagnostic>> {
    let name = path.display().to_string();
    match DataFormat::of(path) {
        DataFormat::Json | DataFormat::JsonLines => {
            let text = read_text(path)?;
            let lines = DataFormat::of(path) == DataFormat::JsonLines;
            let records = if lines { json_lines(&name, &text) } else { json_array(&name, &text) }?;
            Ok((records, Vec::new()))
        }
        DataFormat::Csv => {
            let main = csv_table(path, RECORDS_SHEET)?;
            let mut lists = Vec::new();
            for field in list_fields(program) {
                let beside = beside(path, &field);
                if beside.exists() {
                    lists.push(csv_table(&beside, &field)?);
                }
            }
            tables::records(program, &main, &lists)
        }
        DataFormat::Xlsx => {
            let mut book: Xlsx<_> =
                open_workbook(path).map_err(|e: calamine::XlsxError| vec![cannot_read(&name, &e.to_string())])?;
            let names = book.sheet_names();
            let main_name = names.iter().find(|n| *n == RECORDS_SHEET).or(names.first()).cloned().unwrap_or_default();
            let main = sheet(&mut book, &main_name, &name)?;
            let mut lists = Vec::new();
            for field in list_fields(program) {
                if names.contains(&field) {
                    lists.push(sheet(&mut book, &field, &name)?);
                }
            }
            tables::records(program, &main, &lists)
        }
    }
}

/// The checked records of a data file.
pub fn read(program: &Program, path: &Path) -> Result<Vec<Record>, Vec<Diagnostic>> {
    read_with_cells(program, path).map(|(records, _)| records)
}

/// The checked records of a data file, and for tables where each value came from.
pub fn read_with_cells(program: &Program, path: &Path) -> Result<(Vec<Record>, Cells), Vec<Diagnostic>> {
    match DataFormat::of(path) {
        // JSON keeps its own exact positions for syntax errors.
        DataFormat::Json => Ok((parse_json(program, &path.display().to_string(), &read_text(path)?)?, Vec::new())),
        _ => {
            let (records, cells) = read_located(program, path)?;
            Ok((read_records_located(program, &serde_json::Value::Array(records), &cells)?, cells))
        }
    }
}

/// Inputs that hold lists of records: they have tables of their own.
pub fn list_fields(program: &Program) -> Vec<String> {
    program.inputs.iter().filter(|i| i.shape.listed_fields().is_some()).map(|i| i.field.clone()).collect()
}

/// `数据.csv` + `职能工作` → `数据.职能工作.csv`.
pub fn beside(path: &Path, table: &str) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let ext = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    path.with_file_name(format!("{stem}.{table}{ext}"))
}

fn read_text(path: &Path) -> Result<String, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| vec![cannot_read(&name, &e.to_string())])?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        vec![not_utf8(&name, line, col, at)]
    })
}

/// Bytes that are not UTF-8 at `line:col` (byte `at` of the file).
pub fn not_utf8(name: &str, line: usize, col: usize, at: usize) -> Diagnostic {
    Diagnostic::error(
        "E0902",
        tr(
            format!("{name}:{line}:{col}: the file is not valid UTF-8 text (byte {at})"),
            format!("{name}:{line}:{col}：文件不是有效的 UTF-8 文本（第 {at} 字节）"),
        ),
    )
    .help(tr(
        "save the file as UTF-8 (in WPS or Excel: 另存为 → UTF-8); GBK-encoded files must be converted",
        "请将文件另存为 UTF-8 编码（WPS 或 Excel：另存为 → UTF-8）；GBK 编码的文件需要先转换",
    ))
}

pub fn cannot_read(name: &str, why: &str) -> Diagnostic {
    Diagnostic::error("E0901", tr(format!("cannot read {name}: {why}"), format!("无法读取 {name}：{why}")))
        .help(tr("check the file's path and permissions", "请检查文件路径和读取权限"))
}

fn json_array(name: &str, text: &str) -> Result<Vec<serde_json::Value>, Vec<Diagnostic>> {
    match json_text(name, text, 1).map_err(|d| vec![d])? {
        serde_json::Value::Array(items) => Ok(items),
        other => Err(vec![super::err::not_a_list(&super::data::json_kind(&other))]),
    }
}

/// JSON Lines: a record a line; blank lines are skipped.
fn json_lines(name: &str, text: &str) -> Result<Vec<serde_json::Value>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match json_text(name, line, i + 1) {
            Ok(v) => out.push(v),
            Err(e) => errors.push(e),
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

fn csv_table(path: &Path, name: &str) -> Result<Table, Vec<Diagnostic>> {
    let file = path.display().to_string();
    let text = read_text(path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = ::csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| vec![cannot_read(&file, &e.to_string())])?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| vec![cannot_read(&file, &e.to_string())])?;
        rows.push(row.iter().map(str::to_string).collect());
    }
    Ok(Table::csv(name, &file, header, rows, 0))
}

fn sheet(
    book: &mut Xlsx<std::io::BufReader<std::fs::File>>,
    sheet: &str,
    file: &str,
) -> Result<Table, Vec<Diagnostic>> {
    let range = book.worksheet_range(sheet).map_err(|e| vec![cannot_read(file, &e.to_string())])?;
    let mut rows = range.rows().map(|r| r.iter().map(cell_text).collect::<Vec<String>>());
    let header = rows.next().unwrap_or_default().into_iter().map(|h| h.trim().to_string()).collect();
    Ok(Table {
        name: sheet.to_string(),
        shown: sheet.to_string(),
        header,
        rows: rows.collect(),
        first_row: 0,
        cell: tables::spreadsheet_cell,
        column: tables::spreadsheet_column,
    })
}

/// A spreadsheet cell as text. A number is stored as a binary double; its shortest decimal
/// form (what the spreadsheet shows) is read exactly from there on.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format!("{f}"),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}
