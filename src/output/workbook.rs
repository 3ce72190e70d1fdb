//! Sheets of a workbook as people open them: a bold header row that stays in view, columns
//! as wide as their widest cell (a Chinese character counts two), numbers as numbers.

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use super::ResultCell;
use crate::number::Number;
use crate::program::{ParamId, Program};

/// Column widths in characters: enough for short codes, not so wide a long text hides the rest.
const WIDTH: (usize, usize) = (6, 60);

/// The rows a worksheet holds, in Excel, WPS and LibreOffice alike.
pub const MAX_ROWS: usize = 1_048_576;

/// A sheet of `rows` rows (the header included) that no spreadsheet could open: checked
/// before the sheet is written, so the run says why in the user's language.
fn too_many_rows(name: &str, rows: usize) -> Result<(), String> {
    if rows <= MAX_ROWS {
        return Ok(());
    }
    Err(crate::lang::msg!("output-too-many-rows", name, rows, most = MAX_ROWS))
}

/// Adds a sheet of results, the first row the header. A number is a number cell holding the
/// published decimal (text where a spreadsheet could not hold it exactly), formatted to show its published places (`0.00`, whole counts `0`), so
/// SUM and sorting treat it as the number it is; yes/no is written 是/否, as in CSV.
pub fn add_sheet(book: &mut Workbook, name: &str, rows: &[Vec<ResultCell>]) -> Result<(), String> {
    too_many_rows(name, rows.len())?;
    let ws = sheet(book, name)?;
    let bold = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r32, c16) = (r as u32, c as u16);
            let written = match cell {
                _ if r == 0 => ws.write_string_with_format(r32, c16, cell.text(), &bold).map(|_| ()),
                ResultCell::Number(text, places) => match spreadsheet_number(text) {
                    Some(n) => ws.write_number_with_format(r32, c16, n, &number_format(*places)).map(|_| ()),
                    // More digits than a spreadsheet keeps: exact as text rather than wrong.
                    None => ws.write_string(r32, c16, text).map(|_| ()),
                },
                other => ws.write_string(r32, c16, other.text()).map(|_| ()),
            };
            written.map_err(|e| e.to_string())?;
        }
    }
    let texts: Vec<Vec<&str>> = rows.iter().map(|row| row.iter().map(ResultCell::text).collect()).collect();
    finish(ws, &texts)
}

/// Adds a sheet of data as departments fill it in (a template, converted data), the first row
/// the header. A cell is written as a number only where the double shows the same digits, so
/// codes like "007" stay text; numbers keep the spreadsheet's general format, so the sheet
/// shows what the data says.
pub fn add_data_sheet(book: &mut Workbook, name: &str, rows: &[Vec<String>]) -> Result<(), String> {
    too_many_rows(name, rows.len())?;
    let ws = sheet(book, name)?;
    let bold = Format::new().set_bold();
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
    let texts: Vec<Vec<&str>> = rows.iter().map(|row| row.iter().map(String::as_str).collect()).collect();
    finish(ws, &texts)
}

/// The parameters (参数) a run used: each with its value, its default and whether `--set`
/// gave it. A percentage shows as one (`50` under `%`).
pub fn parameter_rows(program: &Program, params: &[Number], overridden: &[ParamId]) -> Vec<Vec<ResultCell>> {
    let header = ["参数", "值", "单位", "默认值", "由 --set 设定"];
    let mut rows = vec![header.iter().map(|h| ResultCell::Text(h.to_string())).collect()];
    for (p, (def, value)) in program.params.iter().zip(params).enumerate() {
        let unit = def.unit.suffix();
        let shown = |n: Number| exact_cell(def.unit.as_written(n));
        rows.push(vec![
            ResultCell::Text(def.name.clone()),
            shown(*value),
            ResultCell::Text(unit.to_string()),
            shown(def.default),
            ResultCell::Flag(overridden.contains(&p)),
        ]);
    }
    rows
}

/// A number exactly, with as many places as it has (`85`, `2.5`); a fraction no decimal can
/// hold as text (`1/3`).
fn exact_cell(n: Number) -> ResultCell {
    let text = n.to_string();
    if text.contains('/') {
        return ResultCell::Text(text);
    }
    let places = text.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    ResultCell::Number(text, places)
}

/// `0`, `0.0`, `0.00`, …
fn number_format(places: u32) -> Format {
    let format = if places == 0 { "0".to_string() } else { format!("0.{}", "0".repeat(places as usize)) };
    Format::new().set_num_format(format)
}

fn sheet<'b>(book: &'b mut Workbook, name: &str) -> Result<&'b mut Worksheet, String> {
    let ws = book.add_worksheet();
    ws.set_name(name).map_err(|e| e.to_string())?;
    Ok(ws)
}

/// Widths that fit the content, and the header kept in view.
fn finish(ws: &mut Worksheet, rows: &[Vec<&str>]) -> Result<(), String> {
    for (c, width) in column_widths(rows).into_iter().enumerate() {
        ws.set_column_width(c as u16, width as f64).map_err(|e| e.to_string())?;
    }
    ws.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    Ok(())
}

/// Each column's widest cell in display columns (a Chinese character counts two), with room
/// for the bold header and a margin, within `WIDTH`.
fn column_widths(rows: &[Vec<&str>]) -> Vec<usize> {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        if widths.len() < row.len() {
            widths.resize(row.len(), 0);
        }
        for (c, text) in row.iter().enumerate() {
            widths[c] = widths[c].max(text.width());
        }
    }
    widths.into_iter().map(|w| (w + 2).clamp(WIDTH.0, WIDTH.1)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_chinese_characters_twice() {
        let rows = vec![vec!["部门", "得分"], vec!["江苏省人民政府办公厅", "90.00"]];
        assert_eq!(column_widths(&rows), vec![22, 7]);
        let long = "长".repeat(100);
        assert_eq!(column_widths(&[vec![long.as_str()]]), vec![60]);
    }

    #[test]
    fn exact_numbers_keep_their_places() {
        assert_eq!(exact_cell(Number::int(85)), ResultCell::Number("85".into(), 0));
        let half = Number::int(5).checked_div(Number::int(2)).unwrap();
        assert_eq!(exact_cell(half), ResultCell::Number("2.5".into(), 1));
        let third = Number::int(1).checked_div(Number::int(3)).unwrap();
        assert_eq!(exact_cell(third), ResultCell::Text("1/3".into()));
    }
}

/// The number a published decimal is in a spreadsheet, if a spreadsheet holds and shows it
/// exactly: at most 15 significant digits, and a double that prints back as the same number.
fn spreadsheet_number(text: &str) -> Option<f64> {
    let digits = text.trim_start_matches('-').replace('.', "");
    let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
    let n = text.parse::<f64>().ok()?;
    let same = |a: &str, b: &str| a.parse::<rust_decimal::Decimal>().ok() == b.parse::<rust_decimal::Decimal>().ok();
    (significant <= 15 && n.is_finite() && same(&n.to_string(), text)).then_some(n)
}

#[cfg(test)]
mod number_tests {
    use super::{MAX_ROWS, Workbook, add_data_sheet, spreadsheet_number};

    #[test]
    fn numbers_a_spreadsheet_cannot_hold_stay_text() {
        assert_eq!(spreadsheet_number("90.00"), Some(90.0));
        assert_eq!(spreadsheet_number("-0.50"), Some(-0.5));
        assert_eq!(spreadsheet_number("123456789012345"), Some(123456789012345.0));
        assert_eq!(spreadsheet_number("123456789012345676"), None);
        assert_eq!(spreadsheet_number("0.1234567890123456"), None);
    }

    /// A sheet longer than a spreadsheet holds is refused before anything is written.
    #[test]
    fn a_sheet_past_the_row_limit_is_refused() {
        let mut book = Workbook::new();
        let rows = vec![Vec::<String>::new(); MAX_ROWS + 1];
        let e = add_data_sheet(&mut book, "职能工作", &rows).unwrap_err();
        assert!(e.contains("职能工作") && e.contains("1048577") && e.contains("1048576"), "{e}");
        assert!(add_data_sheet(&mut book, "部门", &rows[..MAX_ROWS]).is_ok());
    }
}
