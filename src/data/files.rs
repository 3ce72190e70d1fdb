//! Data files by their extension: `.json` (an array of records), `.jsonl` (a record a line),
//! `.csv` (the main table, with each list of records in a file beside it:
//! `数据.职能工作.csv`), `.xlsx` (a sheet per table). All become the same records.

use std::path::{Path, PathBuf};

use super::RECORDS_SHEET;
use super::Record;
use super::batches::{Data, read_all};
use super::encoding;
use super::json_array::Source;
use super::record::{MAX_ERRORS, json_text, read_records_located};
use super::sniff::{self, Kind, Looks};
use super::tables::{self, Cells, Row, Table};
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::program::*;

/// The kinds of data file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFormat {
    Json,
    JsonLines,
    Csv,
    Xlsx,
}

impl DataFormat {
    /// By the file's extension alone, if it is one jixiao reads (`.json`, `.jsonl`/`.ndjson`,
    /// `.csv`, `.xlsx`/`.xlsm`).
    pub fn by_name(path: &Path) -> Option<DataFormat> {
        match extension(path).as_deref() {
            Some("json") => Some(DataFormat::Json),
            Some("jsonl" | "ndjson") => Some(DataFormat::JsonLines),
            Some("csv") => Some(DataFormat::Csv),
            Some("xlsx" | "xlsm") => Some(DataFormat::Xlsx),
            _ => None,
        }
    }

    /// The format of a data file, by its extension and its first bytes: a file of a kind
    /// jixiao does not read (an Excel 97-2003 `.xls`, an HTML page, a `.txt`), or whose
    /// content is another format than its extension says, is refused with what it is and
    /// what to do. A pipe can be read only once: its format goes by its extension (JSON when
    /// it has none, as for `<(…)`), and its bytes are left for the reader.
    pub fn detect(path: &Path) -> Result<DataFormat, Diagnostic> {
        let by_name = DataFormat::by_name(path);
        let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
        let head = regular.then(|| head(path)).flatten();
        let Some(head) = head else {
            // Not a file that can be read twice, or not readable at all (the reader says why).
            return match (by_name, extension(path)) {
                (Some(format), _) => Ok(format),
                (None, None) => Ok(DataFormat::Json),
                (None, Some(_)) => Err(not_data(path, None, &[])),
            };
        };
        let kind = sniff::sniff(&head);
        match (by_name, kind) {
            (Some(DataFormat::Xlsx), Kind::Workbook | Kind::Zip | Kind::Empty) => Ok(DataFormat::Xlsx),
            (Some(format), Kind::Text) => {
                // Text of another format than the name says: JSON named .csv, CSV named .json.
                let looks = sniff::looks(&head);
                let wrong = match format {
                    DataFormat::Xlsx => true,
                    DataFormat::Csv => looks == Looks::Json,
                    DataFormat::Json | DataFormat::JsonLines => matches!(looks, Looks::Commas | Looks::Tabs),
                };
                if wrong { Err(misnamed(path, &looks.words(), looks.advice())) } else { Ok(format) }
            }
            (Some(format), Kind::Binary | Kind::Empty) => Ok(format),
            // No extension at all, as a pipe has none (`/dev/stdin < data.json`): an array of
            // records is JSON, as a pipe is read; a record first is JSON Lines.
            (None, Kind::Text) if extension(path).is_none() && sniff::looks(&head) == Looks::Json => {
                let text = String::from_utf8_lossy(&head);
                let text = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
                Ok(if text.starts_with('{') { DataFormat::JsonLines } else { DataFormat::Json })
            }
            (_, Kind::Workbook) => Err(misnamed(path, &kind.words(), msg!("data-rename-xlsx"))),
            (_, kind) => Err(not_data(path, Some(kind), &head)),
        }
    }
}

/// The lower-case extension of `path`, if it has one.
pub fn extension(path: &Path) -> Option<String> {
    path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// The first bytes of a file, enough to tell its kind.
fn head(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(8192);
    std::fs::File::open(path).ok()?.take(8192).read_to_end(&mut head).ok()?;
    Some(head)
}

/// Formats jixiao reads, for messages.
fn reads() -> String {
    msg!("data-json-jsonl-csv-xlsx")
}

/// A space between Chinese and a word in Latin letters after it.
fn space_before(words: &str) -> &'static str {
    if words.starts_with(|c: char| c.is_ascii()) { " " } else { "" }
}

/// A file of a kind jixiao does not read (`kind`, when its bytes were seen).
fn not_data(path: &Path, kind: Option<Kind>, head: &[u8]) -> Diagnostic {
    let name = path.display().to_string();
    let ext = extension(path).map(|e| format!(".{e}")).unwrap_or_default();
    // Word 97-2003 documents are compound documents too.
    let kind = match kind {
        Some(Kind::Compound) if matches!(ext.as_str(), ".doc" | ".wps") => Some(Kind::WordDocument),
        kind => kind,
    };
    let what = match kind {
        Some(Kind::Text) if ext.is_empty() => msg!("data-text-file-without-extension"),
        Some(Kind::Text) => msg!("data-text-file-ext", ext),
        Some(kind) => kind.words(),
        None => msg!("data-ext-file", ext),
    };
    let save_as_xlsx = msg!("data-open-excel-wps-save-excel");
    let help = match kind {
        Some(Kind::Compound | Kind::Html | Kind::XmlSpreadsheet | Kind::OpenDocument) => save_as_xlsx,
        Some(Kind::Text) => sniff::looks(head).advice(),
        Some(Kind::Pdf | Kind::WordDocument) => msg!("data-jixiao-cannot-read-data-document"),
        Some(Kind::Zip) => msg!("data-unpack-give-jixiao-data-file"),
        _ => msg!("data-save-data-reads-jixiao-template", reads = reads()),
    };
    let (reads, zh_space) = (reads(), space_before(&what));
    Diagnostic::error("E0732", msg!("data-cannot-read-kind", name, what, reads, zh_space)).help(help)
}

/// A file whose content is another format than its extension says.
fn misnamed(path: &Path, what: &str, help: String) -> Diagnostic {
    let name = path.display().to_string();
    let ext = extension(path).map(|e| format!(".{e}")).unwrap_or_default();
    let zh_space = space_before(what);
    let message = if ext.is_empty() {
        msg!("data-misnamed-no-extension", name, what, zh_space)
    } else {
        msg!("data-misnamed", name, what, ext, zh_space)
    };
    Diagnostic::error("E0733", message).help(help)
}

/// The records of a data file, whatever its format, as plain JSON (before checking).
pub fn read_json(program: &Program, path: &Path) -> Result<Vec<serde_json::Value>, Vec<Diagnostic>> {
    read_located(program, path, DataFormat::detect(path).map_err(|d| vec![d])?).map(|(records, _)| records)
}

/// The records as plain JSON, and for tables where each value came from.
fn read_located(
    program: &Program,
    path: &Path,
    format: DataFormat,
) -> Result<(Vec<serde_json::Value>, Cells), Vec<Diagnostic>> {
    let name = path.display().to_string();
    match format {
        DataFormat::Json => {
            let piped = piped(path)?;
            let source = piped.as_deref().map_or(Source::File(path), Source::Bytes);
            Ok((super::json_array::values(&name, source).map_err(|d| vec![d])?, Vec::new()))
        }
        DataFormat::JsonLines => Ok((json_lines(&name, &json_file_text(path)?)?, Vec::new())),
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
    match DataFormat::detect(path).map_err(|d| vec![d])? {
        format @ (DataFormat::Json | DataFormat::JsonLines) => {
            let name = path.display().to_string();
            let piped = piped(path)?;
            let source = piped.as_deref().map_or(Source::File(path), Source::Bytes);
            Ok((read_all(program, Data { name: &name, format, source })?, Vec::new()))
        }
        format => {
            let (records, cells) = read_located(program, path, format)?;
            Ok((read_records_located(program, &serde_json::Value::Array(records), &cells)?, cells))
        }
    }
}

/// The bytes of a pipe, which can be read only once (a reader that finds a fault reads the
/// data again to place it); `None` for a file.
fn piped(path: &Path) -> Result<Option<Vec<u8>>, Vec<Diagnostic>> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return Ok(None);
    }
    let bytes =
        std::fs::read(path).map_err(|e| vec![cannot_read(&path.display().to_string(), &crate::lang::io_words(&e))])?;
    Ok(Some(bytes))
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

/// The text of a table file (CSV) in any encoding `encoding::decode` reads, without its
/// byte-order mark.
fn read_text(path: &Path) -> Result<String, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| vec![cannot_read(&name, &crate::lang::io_words(&e))])?;
    encoding::decode(bytes).map_err(|e| vec![not_text(&name, &e)])
}

/// The text of a JSON or JSON Lines file: UTF-8, as the JSON standard says.
pub(super) fn json_file_text(path: &Path) -> Result<String, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| vec![cannot_read(&name, &crate::lang::io_words(&e))])?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        // A byte-order mark at the start does not count.
        let before = &e.as_bytes()[..at];
        let place = super::record::Start::default().after(before.strip_prefix(super::BOM).unwrap_or(before));
        vec![json_not_utf8(&name, place.line, place.char_column, at, e.as_bytes())]
    })
}

/// JSON that is not UTF-8 at `line:col` (byte `at` of the file): named as GBK or UTF-16 when
/// `bytes` (the file, or the line) are that.
pub fn json_not_utf8(name: &str, line: usize, col: usize, at: usize, bytes: &[u8]) -> Diagnostic {
    let Some(encoding) = encoding::legacy(bytes) else { return not_utf8(name, line, col, at) };
    Diagnostic::error("E0731", msg!("data-name-line-col-file-encoding", name, line, col, encoding, at))
        .help(msg!("data-save-utf-8-notepad-utf"))
}

/// A table file that is text in none of the encodings jixiao reads.
fn not_text(name: &str, e: &encoding::Undecodable) -> Diagnostic {
    let (line, col, at) = (e.line, e.column, e.at);
    let what = if e.encoding.name().starts_with("UTF-16") {
        msg!("data-file-starts-utf-16-text")
    } else {
        msg!("data-file-neither-utf-8-nor")
    };
    let message = msg!("data-name-line-col-what-byte", name, line, col, what, at);
    Diagnostic::error("E0730", message).help(msg!("data-save-table-again-csv-wps"))
}

/// Bytes that are not UTF-8 at `line:col` (byte `at` of the file).
pub fn not_utf8(name: &str, line: usize, col: usize, at: usize) -> Diagnostic {
    Diagnostic::error("E0902", msg!("data-name-line-col-file-not", name, line, col, at))
        .help(msg!("data-save-file-utf-8-wps"))
}

pub fn cannot_read(name: &str, why: &str) -> Diagnostic {
    Diagnostic::error("E0901", msg!("data-cannot-read-name-why", name, why))
        .help(msg!("data-check-file-s-path-permissions"))
}

/// JSON Lines: a record a line; blank lines are skipped.
fn json_lines(name: &str, text: &str) -> Result<Vec<serde_json::Value>, Vec<Diagnostic>> {
    // Spreadsheet programs and Notepad start UTF-8 files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match json_text(name, line, super::record::Start::line(i + 1)) {
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
    let lines = tables::Lines::new(text.as_bytes());
    let mut reader = ::csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(lines);
    let header = tables::csv_header(&mut reader).map_err(|e| vec![cannot_read(&file, &e.to_string())])?;
    let mut rows = Vec::new();
    let mut row = ::csv::StringRecord::new();
    while reader.read_record(&mut row).map_err(|e| vec![cannot_read(&file, &e.to_string())])? {
        let line = tables::line_of(&mut reader, &row);
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
    Diagnostic::error("E0727", msg!("data-file-table-field-missing-expected", file, field, expected))
        .help(msg!("data-regulation-declares-field-give-table", field))
}

/// Files beside CSV data, or sheets of a workbook, that the regulation has no table for: a
/// warning each (a misspelt name would otherwise be left unread without a word).
pub fn extra_tables(program: &Program, path: &Path) -> Vec<Diagnostic> {
    let lists = list_fields(program);
    let shown = path.display().to_string();
    match DataFormat::detect(path) {
        Ok(DataFormat::Csv) => {
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
            extra
                .into_iter()
                .map(|n| extra_table(&shown, &path.with_file_name(n).display().to_string(), &lists))
                .collect()
        }
        Ok(DataFormat::Xlsx) => super::sheet::extra_sheets(path, &lists)
            .into_iter()
            .map(|n| super::names::visible(&n))
            .map(|n| extra_table(&shown, &msg!("data-sheet-n", n), &lists))
            .collect(),
        _ => Vec::new(),
    }
}

fn extra_table(file: &str, what: &str, lists: &[String]) -> Diagnostic {
    let read = std::iter::once(RECORDS_SHEET.to_string()).chain(lists.iter().cloned()).collect::<Vec<_>>();
    Diagnostic::warning("W0701", msg!("data-file-what-not-read-regulation", file, what))
        .help(msg!("data-tables-read-read-rename-if", read = read.join(&msg!("sep-list"))))
}
