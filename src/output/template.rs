//! Data files in every format, in the layout departments fill in: JSON, JSON Lines, CSV (one
//! file per table) and XLSX (one sheet per table), headers in the regulation's own names.
//! `jixiao template` writes one example record; `jixiao convert` writes data it has read.

use rust_xlsxwriter::{Format, Workbook};

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

/// The main table in the named file, each list table beside it (`模板.职能工作.csv`).
pub fn csv(program: &Program, records: &[serde_json::Value]) -> Vec<TemplateFile> {
    let sheets = schema::sheets(program, records);
    sheets
        .iter()
        .enumerate()
        .map(|(i, sheet)| TemplateFile {
            suffix: if i == 0 { String::new() } else { sheet.name.clone() },
            bytes: csv_bytes(sheet),
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
    let sheets = schema::sheets(program, records);
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for sheet in &sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(|e| e.to_string())?;
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold).map_err(|e| e.to_string())?;
            ws.set_column_width(c as u16, (h.chars().count() as f64 * 2.2).max(10.0)).map_err(|e| e.to_string())?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                // Example numbers as numbers, so the spreadsheet treats the column as numeric.
                match value.parse::<f64>() {
                    Ok(n) if !value.is_empty() => ws.write_number(r, c, n).map(|_| ()),
                    _ => ws.write_string(r, c, value).map(|_| ()),
                }
                .map_err(|e| e.to_string())?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    }
    let bytes = book.save_to_buffer().map_err(|e| e.to_string())?;
    Ok(vec![TemplateFile { suffix: String::new(), bytes }])
}
