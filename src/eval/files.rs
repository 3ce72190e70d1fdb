//! Data files by their extension: `.json` (an array of records), `.jsonl` (a record a line),
//! `.csv` (the main table, with each list of records in a file beside it:
//! `数据.职能工作.csv`), `.xlsx` (a sheet per table). All become the same records.

use std::path::{Path, PathBuf};

use super::Record;
use super::data::{MAX_ERRORS, json_text, parse_json, read_records_located};
use super::tables::{self, Cells, Row, Table};
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
            missing_list_files(program, path)?;
            let main = csv_table(path, RECORDS_SHEET)?;
            let mut lists = Vec::new();
            for field in list_fields(program) {
                lists.push(csv_table(&beside(path, &field), &field)?);
            }
            tables::records(program, &main, &lists)
        }
        DataFormat::Xlsx => {
            let (main, lists) = super::sheet::tables(program, path)?;
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
        let line = row.position().map_or(0, |p| p.line() as usize);
        rows.push(Row::text(line, row.iter().map(str::to_string).collect()));
    }
    Ok(Table::csv(name, &file, header, rows))
}

/// Every list of records the regulation declares has its file beside CSV data, even when no
/// department has an item (a header row alone): a file renamed or left behind would
/// otherwise read as "no items" without a word.
pub fn missing_list_files(program: &Program, path: &Path) -> Result<(), Vec<Diagnostic>> {
    let missing: Vec<Diagnostic> = list_fields(program)
        .into_iter()
        .filter(|field| !beside(path, field).exists())
        .map(|field| missing_table(&path.display().to_string(), &beside(path, &field).display().to_string(), &field))
        .collect();
    if missing.is_empty() { Ok(()) } else { Err(missing) }
}

/// The list table of `field` (a file or a sheet, `expected`) is not in the data `file`.
pub fn missing_table(file: &str, expected: &str, field: &str) -> Diagnostic {
    Diagnostic::error(
        "E0727",
        tr(
            format!("{file}: the table of `{field}` is missing: expected {expected}"),
            format!("{file}：缺少“{field}”表：应有 {expected}"),
        ),
    )
    .help(tr(
        format!(
            "the regulation declares `{field}`; give its table, with only the header row if no department has any (jixiao template writes it); a missing table is never read as \"none\""
        ),
        format!(
            "办法中声明了“{field}”；请提供这张表，若各部门都没有此项，只保留表头行即可（jixiao template 会生成）；缺少的表不会被当作“没有”"
        ),
    ))
}

/// Files beside CSV data, or sheets of a workbook, that the regulation has no table for: a
/// warning each (a misspelt name would otherwise be left unread without a word).
pub fn extra_tables(program: &Program, path: &Path) -> Vec<Diagnostic> {
    let lists = list_fields(program);
    let shown = path.display().to_string();
    match DataFormat::of(path) {
        DataFormat::Csv => {
            let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
            let mut extra: Vec<String> = entries
                .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
                .filter(|n| {
                    let table = n.strip_prefix(&format!("{stem}.")).and_then(|t| t.strip_suffix(".csv"));
                    table.is_some_and(|t| !t.is_empty() && !lists.iter().any(|l| l == t))
                })
                .collect();
            extra.sort();
            extra.into_iter().map(|n| extra_table(&shown, &path.with_file_name(n).display().to_string(), &lists)).collect()
        }
        DataFormat::Xlsx => super::sheet::extra_sheets(path, &lists)
            .into_iter()
            .map(|n| extra_table(&shown, &tr(format!("sheet {n}"), format!("工作表“{n}”")), &lists))
            .collect(),
        _ => Vec::new(),
    }
}

fn extra_table(file: &str, what: &str, lists: &[String]) -> Diagnostic {
    let read = std::iter::once(RECORDS_SHEET.to_string()).chain(lists.iter().cloned()).collect::<Vec<_>>();
    Diagnostic::warning(
        "W0701",
        tr(
            format!("{file}: {what} is not read: the regulation has no table of that name"),
            format!("{file}：{what} 未被读取：办法中没有这个名称的表"),
        ),
    )
    .help(tr(
        format!("the tables read are: {}; rename it if it holds data, else delete it or ignore this", read.join(", ")),
        format!("读取的表有：{}；如果其中有数据，请改为正确的名称，否则可删除或忽略", read.join("、")),
    ))
}
