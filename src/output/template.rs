//! Data files in every format, in the layout departments fill in: JSON, JSON Lines, CSV (one
//! file per table) and XLSX (one sheet per table), headers in the regulation's own names.
//! `jixiao template` writes one example record; `jixiao convert` writes data it has read.

use rust_xlsxwriter::Workbook;

use crate::program::Program;
use crate::schema::{self, Sheet};

/// A file to write: a name suffix (empty for the main file) and its bytes.
pub struct TemplateFile {
    pub suffix: String,
    pub bytes: Vec<u8>,
}

pub fn json(records: &[serde_json::Value]) -> Vec<TemplateFile> {
    let doc = serde_json::Value::Array(records.to_vec());
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    vec![TemplateFile { suffix: String::new(), bytes: text.into_bytes() }]
}

/// A record a line.
pub fn json_lines(records: &[serde_json::Value]) -> Vec<TemplateFile> {
    let mut text = String::new();
    for r in records {
        text.push_str(&serde_json::to_string(r).unwrap_or_default());
        text.push('\n');
    }
    vec![TemplateFile { suffix: String::new(), bytes: text.into_bytes() }]
}

/// The main table in the named file, each list table beside it (`模板.职能工作.csv`), each
/// with a byte-order mark when `bom` (Chinese Excel reads CSV without one as GBK).
pub fn csv(program: &Program, records: &[serde_json::Value], bom: bool) -> Vec<TemplateFile> {
    let sheets = schema::sheets(program, records);
    sheets
        .iter()
        .enumerate()
        .map(|(i, sheet)| TemplateFile {
            suffix: if i == 0 { String::new() } else { sheet.name.clone() },
            bytes: [if bom { super::BOM.as_bytes() } else { b"" }, &csv_bytes(sheet)].concat(),
        })
        .collect()
}

fn csv_bytes(sheet: &Sheet) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(&sheet.header);
    for row in &sheet.rows {
        let _ = w.write_record(row);
    }
    w.into_inner().unwrap_or_default()
}

pub fn xlsx(program: &Program, records: &[serde_json::Value]) -> Result<Vec<TemplateFile>, String> {
    let mut book = Workbook::new();
    for sheet in schema::sheets(program, records) {
        let rows: Vec<Vec<String>> = std::iter::once(sheet.header).chain(sheet.rows).collect();
        super::workbook::add_data_sheet(&mut book, &sheet.name, &rows)?;
    }
    let bytes = book.save_to_buffer().map_err(|e| e.to_string())?;
    Ok(vec![TemplateFile { suffix: String::new(), bytes }])
}
