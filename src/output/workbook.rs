//! Sheets of a workbook as people open them: a bold header row that stays in view, columns
//! wide enough for their headers, numbers as numbers.

use rust_xlsxwriter::{Format, Workbook};

/// Adds a sheet of text cells, the first row the header. A cell is written as a number only
/// where the double shows the same digits, so codes like "007" stay text.
pub fn add_sheet(book: &mut Workbook, name: &str, rows: &[Vec<String>]) -> Result<(), String> {
    let bold = Format::new().set_bold();
    let ws = book.add_worksheet();
    ws.set_name(name).map_err(|e| e.to_string())?;
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let (r32, c16) = (r as u32, c as u16);
            let written = match (r, text.parse::<f64>()) {
                (0, _) => ws.write_string_with_format(r32, c16, text, &bold).map(|_| ()),
                (_, Ok(n)) if n.to_string() == *text => ws.write_number(r32, c16, n).map(|_| ()),
                _ => ws.write_string(r32, c16, text).map(|_| ()),
            };
            written.map_err(|e| e.to_string())?;
        }
    }
    for (c, h) in rows.first().into_iter().flatten().enumerate() {
        ws.set_column_width(c as u16, (h.chars().count() as f64 * 2.2).max(10.0)).map_err(|e| e.to_string())?;
    }
    ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    Ok(())
}
