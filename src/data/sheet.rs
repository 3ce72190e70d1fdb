//! XLSX workbooks → tables, reading each cell as the spreadsheet shows it or refusing it.
//!
//! The rule, cell by cell (the README's *Data in tables* says the same for users):
//! - text is read as written; a number as the value the sheet shows: the stored double
//!   rounded to the 15 significant digits a spreadsheet keeps (so `=0.1+0.2` reads 0.3), and
//!   refused where its number format shows fewer decimals than it holds (`0.00` showing 33.33
//!   for 33.3333…), or where it holds all 15 digits of a computed fraction such as 1/3;
//! - a percentage format is the number shown with its `%` (0.92 formatted `0%` is `92%`),
//!   which the field then reads as a CSV `92%` is read;
//! - a formula is read by its computed value; one saved without a value is refused;
//! - dates, times and error values (`#DIV/0!`) are refused;
//! - a value in merged cells, and a sheet that is hidden, are refused: the sheet does not show
//!   which row the value belongs to, or shows nothing at all;
//! - blank rows are skipped, as in CSV.

use std::path::Path;

use calamine::{Data, Dimensions, Reader, SheetVisible, Xlsx, open_workbook};
use rust_decimal::Decimal;

use super::RECORDS_SHEET;
use super::files::{cannot_read, list_fields, missing_table};
use super::sheet_xml::{Hidden, Unseen};
use super::tables::{self, Refusal, Row, Table};
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::program::Program;

/// A workbook read from its file.
pub(super) type Book = Xlsx<std::io::BufReader<std::fs::File>>;

/// The records sheet (`部门`, else the first) and a sheet for each list of records the
/// regulation declares, each read by the rule above. A declared list's sheet that is missing,
/// a hidden sheet and merged cells with a value are refused.
pub fn tables(program: &Program, path: &Path) -> Result<(Table, Vec<Table>), Vec<Diagnostic>> {
    let file = path.display().to_string();
    let mut book: Book =
        open_workbook(path).map_err(|e: calamine::XlsxError| vec![not_a_workbook(&file, &e.to_string())])?;
    let names = book.sheet_names();
    let main_name = records_sheet(&names, &list_fields(program));
    let unit = &program.inputs[program.roles.unit].field;
    let unseen = super::sheet_xml::unseen(path);
    let mut errors = Vec::new();
    let main = sheet(&mut book, (&main_name, &file, unit), &unseen);
    let mut lists = Vec::new();
    for field in list_fields(program) {
        let Some(found) = sheet_named(&names, &field) else {
            errors.push(missing_table(&file, &msg!("data-sheet-named-field", field), &field));
            continue;
        };
        match sheet(&mut book, (found, &file, unit), &unseen) {
            // The table fills its field, whatever the tab's invisible characters.
            Ok(t) => lists.push(Table { name: field, ..t }),
            Err(e) => errors.extend(e),
        }
    }
    match main {
        Ok(main) if errors.is_empty() => Ok((main, lists)),
        Ok(_) => Err(errors),
        Err(e) => Err(e.into_iter().chain(errors).collect()),
    }
}

/// The sheets of the workbook at `path` that are neither the records sheet nor a list's.
pub fn extra_sheets(path: &Path, lists: &[String]) -> Vec<String> {
    let Ok(book) = open_workbook::<Book, _>(path) else { return Vec::new() };
    let names = book.sheet_names();
    let main = records_sheet(&names, lists);
    names.iter().filter(|n| **n != main && !is_list(n, lists)).cloned().collect()
}

/// The sheet of department records: `部门`, else the first sheet that is not a list's.
pub(super) fn records_sheet(names: &[String], lists: &[String]) -> String {
    let named = sheet_named(names, RECORDS_SHEET);
    named.or_else(|| names.iter().find(|n| !is_list(n, lists))).cloned().unwrap_or_default()
}

/// Whether the sheet `name` is a list's.
fn is_list(name: &str, lists: &[String]) -> bool {
    lists.iter().any(|l| super::names::normalise(name) == l.as_str())
}

/// The sheet whose name reads as `wanted` (a tab named `督促检查扣分 ` is that sheet).
pub(super) fn sheet_named<'n>(names: &'n [String], wanted: &str) -> Option<&'n String> {
    names.iter().find(|n| super::names::normalise(n) == wanted)
}

/// One sheet as a table: the first row with anything in it is the header.
fn sheet(book: &mut Book, (name, file, unit): (&str, &str, &str), unseen: &Unseen) -> Result<Table, Vec<Diagnostic>> {
    let read = |e: calamine::XlsxError| vec![cannot_read(file, &e.to_string())];
    if let Some(meta) = book.sheets_metadata().iter().find(|s| s.name == name)
        && meta.visible != SheetVisible::Visible
    {
        return Err(vec![hidden_sheet(file, name)]);
    }
    let kept = unseen.sheets.get(name);
    if kept.is_some_and(|k| k.too_large) {
        return Err(vec![too_large_sheet(file, name)]);
    }
    // Formulas and merged ranges are each a pass over the sheet: made only where there are any.
    let grid = Grid::read(book, name, kept.is_none_or(|k| k.formulas)).map_err(read)?;
    let merged =
        if kept.is_none_or(|k| k.merged) { book.merge_cells_by_sheet_name(name).map_err(read)? } else { Vec::new() };
    if grid.rows.is_empty() {
        return Ok(table(name, Vec::new(), 1, Vec::new()));
    }
    let rows = grid.rows.iter().enumerate();
    let mut rows = rows.map(|(r, cells)| shown_row(grid.top as usize + r + 1, cells, &grid.formats, unseen.uncomputed));
    let header = header(rows.next());
    let body: Vec<Row> = rows.collect();
    let mut unseen_values = merged_values(name, &grid, &merged, &header, &body, unit);
    if let Some(kept) = kept {
        unseen_values.extend(hidden_values(name, &kept.hidden, (grid.top + 1, &header), &body));
    }
    if !unseen_values.is_empty() {
        return Err(unseen_values);
    }
    Ok(table(name, header, grid.top as usize + 1, body))
}

/// Sheet row `at` (1-based) as the sheet shows it: `cells` from column A to the row's last
/// cell, each read by the rule above (`uncomputed`: the workbook's formulas hold placeholders,
/// not values), with the number formats of the workbook's styles.
pub(super) fn shown_row(at: usize, cells: &[Cell], formats: &[Option<String>], uncomputed: bool) -> Row {
    let mut row = Row::text(at, Vec::with_capacity(cells.len()));
    for (c, cell) in cells.iter().enumerate() {
        let formula = cell.formula.as_ref();
        // A placeholder where the value was never computed is no value at all.
        let value = if uncomputed && formula.is_some() { &Data::Empty } else { &cell.value };
        let format = formats.get(cell.style).and_then(Option::as_deref);
        match read_cell(value, format, formula) {
            Ok(text) => row.cells.push(text),
            Err(refusal) => {
                row.cells.push(String::new());
                row.refused.push((c, refusal));
            }
        }
    }
    row
}

/// The column names of a sheet's first row with anything in it, as people read them.
pub(super) fn header(first: Option<Row>) -> Vec<String> {
    let cells = first.map(|r| r.cells).unwrap_or_default();
    cells.into_iter().map(|h| super::names::normalise(&h).into_owned()).collect()
}

/// The number format of each style of the workbook, by style id.
pub(super) fn formats(styles: &[calamine::Style]) -> Vec<Option<String>> {
    styles.iter().map(|s| s.number_format.as_ref().map(|f| f.format_code.clone())).collect()
}

/// A sheet's cells from its first row with anything in it, each with its value (as stored),
/// style and formula, read in one pass (and one more for formulas where there are any). Rows
/// are as long as their last cell: a stray cell at XFD1048576 costs a row, not the rectangle.
struct Grid {
    /// The sheet row (0-based) of `rows[0]`.
    top: u32,
    /// By row, the cells from column A to the row's last cell.
    rows: Vec<Vec<Cell>>,
    /// The number format of each style of the workbook, by style id.
    formats: Vec<Option<String>>,
}

/// A cell as stored: its value (a formula's computed value), style and formula.
#[derive(Clone, Default)]
pub(super) struct Cell {
    pub(super) value: Data,
    pub(super) style: usize,
    pub(super) formula: Option<String>,
}

impl Grid {
    fn read(book: &mut Book, name: &str, formulas: bool) -> Result<Grid, calamine::XlsxError> {
        let mut placed: Vec<((u32, u32), Cell)> = Vec::new();
        let formats = {
            let mut reader = book.worksheet_cells_reader(name)?;
            while let Some((cell, style)) = reader.next_cell_with_style_id()? {
                let value = Data::from(cell.get_value().clone());
                if !matches!(value, Data::Empty) {
                    placed.push((cell.get_position(), Cell { value, style, formula: None }));
                }
            }
            formats(reader.styles())
        };
        if formulas {
            let mut reader = book.worksheet_cells_reader(name)?;
            while let Some(cell) = reader.next_formula()? {
                if !cell.get_value().is_empty() {
                    let formula = Some(cell.get_value().clone());
                    placed.push((cell.get_position(), Cell { value: Data::Empty, style: 0, formula }));
                }
            }
        }
        let top = placed.iter().map(|(at, _)| at.0).min().unwrap_or(0);
        let height = placed.iter().map(|(at, _)| (at.0 - top) as usize + 1).max().unwrap_or(0);
        let mut rows = vec![Vec::new(); height];
        for ((r, c), cell) in placed {
            let row: &mut Vec<Cell> = &mut rows[(r - top) as usize];
            if row.len() <= c as usize {
                row.resize(c as usize + 1, Cell::default());
            }
            let slot = &mut row[c as usize];
            match cell.formula {
                // A formula joins its cell's value and style.
                Some(f) => slot.formula = Some(f),
                None => *slot = Cell { formula: slot.formula.take(), ..cell },
            }
        }
        Ok(Grid { top, rows, formats })
    }

    /// Whether any cell of the range `start..=end` holds a value or a formula.
    fn holds_any(&self, start: (u32, u32), end: (u32, u32)) -> bool {
        let first = start.0.saturating_sub(self.top) as usize;
        let last = end.0.checked_sub(self.top).map_or(0, |l| l as usize + 1).min(self.rows.len());
        self.rows.get(first..last).into_iter().flatten().any(|row| {
            let cells = row.get(start.1 as usize..row.len().min(end.1 as usize + 1)).unwrap_or_default();
            cells.iter().any(|c| !matches!(c.value, Data::Empty) || c.formula.is_some())
        })
    }
}

/// The sheet `name` as a table, its cells named as a spreadsheet names them (`C12`).
pub(super) fn table(name: &str, header: Vec<String>, header_at: usize, rows: Vec<Row>) -> Table {
    Table {
        name: name.to_string(),
        shown: name.to_string(),
        header,
        header_at,
        rows,
        cell: tables::spreadsheet_cell,
        column: tables::spreadsheet_column,
        row: tables::spreadsheet_row,
    }
}

/// A cell as the text the sheet shows, or why it cannot be read so.
fn read_cell(data: &Data, format: Option<&str>, formula: Option<&String>) -> Result<String, Refusal> {
    match data {
        Data::Empty => match formula {
            Some(f) => Err(formula_without_value(f)),
            None => Ok(String::new()),
        },
        Data::String(s) => Ok(s.clone()),
        Data::Int(i) => shown_number(*i as f64, format.unwrap_or("General")),
        Data::Float(f) => shown_number(*f, format.unwrap_or("General")),
        Data::Bool(b) => Ok(if *b { "TRUE" } else { "FALSE" }.to_string()),
        Data::DateTime(d) => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            let shown = if d.is_duration() || (y, m, day) <= (1900, 1, 1) {
                format!("{h:02}:{min:02}:{s:02}")
            } else if (h, min, s) == (0, 0, 0) {
                format!("{y}-{m:02}-{day:02}")
            } else {
                format!("{y}-{m:02}-{day:02} {h:02}:{min:02}:{s:02}")
            };
            Err(date(shown))
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => Err(date(s.clone())),
        Data::Error(e) => Err(error_value(&e.to_string())),
    }
}

/// What a number format shows of a number.
#[derive(Debug, PartialEq)]
enum Shows {
    /// As many digits as it has (`General`, `G/通用格式`, `@`).
    General,
    /// A fixed number of decimals, after multiplying by 100 for a percentage.
    Places { places: u32, percent: bool },
    /// A fraction, scientific notation or scaling by thousands: not the number as written.
    Other,
    /// No number at all: an empty section (`;;;` hides a cell).
    Nothing,
    /// Text instead of the number (`"—"`): read as 0 where it stands for zero (the third
    /// section, as accounting formats show a dash), refused elsewhere.
    Literal,
}

/// The sections of a number format code (`positive;negative;zero;text`), split at the
/// semicolons that are not quoted, escaped or in brackets.
fn sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let (mut quoted, mut escaped, mut bracket) = (false, false, false);
    for ch in code.chars() {
        match ch {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => escaped = true,
            '[' => bracket = true,
            ']' => bracket = false,
            ';' if !bracket => {
                out.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = out.last_mut() {
            last.push(ch);
        }
    }
    out
}

/// What the format `code` shows of `value`: by the section for the value's sign (negative
/// numbers by the second, zero by the third, where the code has them).
fn shows(code: &str, value: f64) -> Shows {
    let sections = sections(code);
    let index = match sections.len() {
        n if value < 0.0 && n >= 2 => 1,
        n if value == 0.0 && n >= 3 => 2,
        _ => 0,
    };
    // The negative and zero sections write their own signs (a minus, brackets, a dash for 0).
    shows_section(&sections[index], index > 0)
}

/// Text a format writes beside the number that changes what the number reads as: digits,
/// a point, signs, brackets, a percent sign (`"9"0` shows 90 for 0, `-0.00` a minus).
fn misleads(text: &str, negative: bool) -> bool {
    text.chars().any(|c| c.is_numeric() || ".%/+".contains(c) || (!negative && "-−－()（）".contains(c)))
}

/// What one section shows; `negative` when it is the section for negative numbers, whose
/// minus sign or brackets the format writes itself.
fn shows_section(section: &str, negative: bool) -> Shows {
    let lower = section.trim().to_lowercase();
    if lower == "general" || lower.starts_with("g/") || lower == "@" {
        return Shows::General;
    }
    let chars: Vec<char> = section.chars().collect();
    let (mut places, mut percent, mut digits, mut after_point) = (0, false, false, false);
    // Text between digits (`0\.00`, `0"."00`, `000-0000`) puts other digits on show.
    let mut text_after_digits = false;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '"' => {
                let start = i + 1;
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += 1;
                }
                let quoted: String = chars[start.min(chars.len())..i.min(chars.len())].iter().collect();
                if misleads(&quoted, negative) {
                    return Shows::Other;
                }
                text_after_digits = digits;
            }
            '\\' | '!' => {
                i += 1;
                if chars.get(i).is_some_and(|c| misleads(&c.to_string(), negative)) {
                    return Shows::Other;
                }
                text_after_digits = digits;
            }
            // Padding: the width of a character, or a fill.
            '_' | '*' => i += 1,
            // A condition (`[<60]`) chooses another section than the sign does.
            '[' if matches!(chars.get(i + 1), Some('<' | '>' | '=')) => return Shows::Other,
            '[' => {
                while i < chars.len() && chars[i] != ']' {
                    i += 1;
                }
            }
            '.' => after_point = true,
            '0' | '#' | '?' if text_after_digits => return Shows::Other,
            '0' | '#' | '?' => {
                digits = true;
                if after_point {
                    places += 1;
                }
            }
            ',' if digits && !matches!(chars.get(i + 1), Some('0' | '#' | '?')) => return Shows::Other,
            ',' => {}
            // `%%`: Excel multiplies by 100 for each, LibreOffice once.
            '%' if percent => return Shows::Other,
            '%' => percent = true,
            '1'..='9' => return Shows::Other,
            '-' | '(' | ')' | '+' if !negative => return Shows::Other,
            '/' => return Shows::Other,
            'E' | 'e' if matches!(chars.get(i + 1), Some('+' | '-')) => return Shows::Other,
            c if c.is_whitespace() || c == '-' || c == '(' || c == ')' || c.is_alphabetic() => {
                text_after_digits = digits
            }
            _ => {}
        }
        i += 1;
    }
    if digits || percent {
        Shows::Places { places, percent }
    } else if lower.contains("general") || lower.contains("g/通用格式") {
        Shows::General
    } else if section.trim().is_empty() {
        Shows::Nothing
    } else {
        Shows::Literal
    }
}

/// Spreadsheets keep and show 15 significant digits.
const SHOWN_DIGITS: usize = 15;

/// A number cell as the text the sheet shows (`92%` for a percentage), or a refusal where
/// the sheet shows other digits than it holds.
fn shown_number(value: f64, format: &str) -> Result<String, Refusal> {
    let shows = shows(format, value);
    // A whole number of fewer than 15 digits (most cells of data) is held and shown as it
    // is: the text the rule below gives, without writing and reading it back.
    if value.fract() == 0.0
        && value.abs() < 1e15
        && value != 0.0
        && matches!(shows, Shows::General | Shows::Places { percent: false, .. })
    {
        return Ok((value as i64).to_string());
    }
    shown_as_held(value, format, shows)
}

/// `shown_number` by the rule: the double as the 15 digits a spreadsheet keeps, then as the
/// format `shows` it.
fn shown_as_held(value: f64, format: &str, shows: Shows) -> Result<String, Refusal> {
    let held = format!("{value:.*e}", SHOWN_DIGITS - 1);
    let Ok(held) = Decimal::from_scientific(&held).map(|d| d.normalize()) else {
        return Err(if value.abs() < 1.0 { leftover(value) } else { too_large(&format!("{value}")) });
    };
    let percent = matches!(shows, Shows::Places { percent: true, .. });
    let shown = if percent { held.checked_mul(Decimal::ONE_HUNDRED).map(|d| d.normalize()) } else { Some(held) };
    let Some(shown) = shown else { return Err(too_large(&held.to_string())) };
    let text = if percent { format!("{shown}%") } else { shown.to_string() };
    match shows {
        Shows::Other => Err(unread_format(format, &text)),
        Shows::Literal if value == 0.0 => Ok("0".to_string()),
        Shows::Nothing | Shows::Literal => Err(format_hides(format, &text)),
        Shows::Places { places, .. } if shown.scale() > places => {
            let rounded = shown.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            let rounded = format!("{rounded:.*}{}", places as usize, if percent { "%" } else { "" });
            Err(hidden_digits(&rounded, &text, places))
        }
        Shows::General if !held.fract().is_zero() && significant_digits(held) >= SHOWN_DIGITS => Err(computed(&text)),
        _ => Ok(text),
    }
}

fn significant_digits(d: Decimal) -> usize {
    d.mantissa().unsigned_abs().to_string().trim_end_matches('0').len()
}

/// Merged cells holding a value: refused, naming the range and the departments of its rows.
fn merged_values(
    name: &str,
    grid: &Grid,
    merged: &[Dimensions],
    header: &[String],
    body: &[Row],
    unit: &str,
) -> Vec<Diagnostic> {
    let unit_column = header.iter().position(|h| h == unit).unwrap_or(0);
    let mut out = Vec::new();
    for m in merged {
        // A value anywhere in the range, under the shown cell or hidden beneath it (LibreOffice
        // can keep the contents of the cells it merges). A title merged across the top row is
        // the header's problem (E0729), said once.
        if m.start == m.end || m.end.0 <= grid.top || !grid.holds_any(m.start, m.end) {
            continue;
        }
        let corner = |(r, c): (u32, u32)| tables::cell_name(r as usize + 1, c as usize);
        let range = format!("{}:{}", corner(m.start), corner(m.end));
        let rows = (m.start.0 + 1) as usize..=(m.end.0 + 1) as usize;
        let departments: Vec<String> = body
            .iter()
            .filter(|r| rows.contains(&r.at))
            .map(|r| r.cells.get(unit_column).map_or("", |c| c.trim()).to_string())
            .filter(|d| !d.is_empty())
            .collect();
        out.push(merged_cells(name, &range, &departments));
    }
    out
}

/// Hidden rows and columns that hold anything: refused, one error each.
fn hidden_values(name: &str, hidden: &Hidden, (header_at, header): (u32, &[String]), body: &[Row]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for row in body.iter().filter(|r| hidden.rows.contains(&(r.at as u32)) && !r.is_blank()) {
        out.push(hidden_part(name, &tables::spreadsheet_row(row.at)));
    }
    if hidden.rows.contains(&header_at) {
        out.push(hidden_part(name, &msg!("data-row-header-header", header_at)));
    }
    for (c, column) in header.iter().enumerate().filter(|(c, _)| hidden.column(*c as u32)) {
        let used = !column.is_empty() || body.iter().any(|r| r.cells.get(c).is_some_and(|t| !t.trim().is_empty()));
        if used {
            let letters = tables::column_letters(c);
            out.push(hidden_part(name, &msg!("data-column-letters", letters)));
        }
    }
    out
}

fn refusal(code: &'static str, found: String, problem: String, help: String) -> Refusal {
    Refusal { code, found, problem, help }
}

fn formula_without_value(formula: &str) -> Refusal {
    refusal(
        "E0720",
        format!("={formula}"),
        msg!("data-formula-saved-without-computed-value"),
        msg!("data-file-was-written-program-does"),
    )
}

fn date(shown: String) -> Refusal {
    refusal("E0721", shown, msg!("data-date-time-where-jixiao-reads"), msg!("data-type-number-field-asks-format"))
}

fn error_value(shown: &str) -> Refusal {
    refusal(
        "E0722",
        shown.to_string(),
        msg!("data-error-value-not-value"),
        msg!("data-correct-formula-division-zero-missing"),
    )
}

fn hidden_digits(shown: &str, held: &str, places: u32) -> Refusal {
    refusal(
        "E0723",
        msg!("data-shows-shown-holds-held", shown, held),
        msg!("data-cell-holds-more-digits-than"),
        msg!("data-type-value-you-mean-round", places),
    )
}

fn unread_format(format: &str, held: &str) -> Refusal {
    refusal(
        "E0723",
        msg!("data-held-in-number-format", held, format),
        msg!("data-number-format-shows-another-number"),
        msg!("data-format-cell-general-number"),
    )
}

fn computed(held: &str) -> Refusal {
    refusal(
        "E0723",
        held.to_string(),
        msg!("data-computed-value-all-15-significant"),
        msg!("data-round-sheet-round-2-keeps"),
    )
}

fn leftover(value: f64) -> Refusal {
    refusal(
        "E0723",
        format!("{value:e}"),
        msg!("data-leftover-calculation-s-binary-arithmetic"),
        msg!("data-round-sheet-round-2-keeps"),
    )
}

fn format_hides(format: &str, held: &str) -> Refusal {
    refusal(
        "E0723",
        msg!("data-held-in-number-format-after", held, format),
        msg!("data-number-number-format-does-not"),
        msg!("data-show-value-format-cell-general"),
    )
}

fn too_large(held: &str) -> Refusal {
    refusal("E0723", held.to_string(), msg!("data-number-too-large-read-exactly"), msg!("data-check-value"))
}

fn not_a_workbook(file: &str, why: &str) -> Diagnostic {
    Diagnostic::error("E0901", msg!("data-not-a-workbook", file, en_why = why))
        .help(msg!("data-open-excel-wps-libreoffice-save"))
}

fn too_large_sheet(file: &str, name: &str) -> Diagnostic {
    let limit = super::sheet_xml::SHEET_LIMIT >> 20;
    Diagnostic::error("E0901", msg!("data-cannot-read-file-sheet-name", file, name, limit))
        .help(msg!("data-save-sheet-csv-which-read"))
}

fn hidden_sheet(file: &str, name: &str) -> Diagnostic {
    Diagnostic::error("E0725", msg!("data-file-sheet-name-hidden-jixiao", file, name))
        .help(msg!("data-unhide-sheet-name-right-click", name))
}

fn hidden_part(sheet: &str, what: &str) -> Diagnostic {
    Diagnostic::error("E0725", msg!("data-sheet-what-hidden-values-jixiao", sheet, what))
        .help(msg!("data-unhide-select-rows-columns-around"))
}

fn merged_cells(sheet: &str, range: &str, departments: &[String]) -> Diagnostic {
    let message = if departments.is_empty() {
        msg!("data-merged-cells", sheet, range)
    } else {
        msg!("data-merged-cells-of", sheet, range, departments = departments.join(&msg!("sep-list")))
    };
    Diagnostic::error("E0724", message).help(msg!("data-unmerge-range-give-each-row", range))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_say_what_they_show() {
        assert_eq!(shows("General", 1.0), Shows::General);
        assert_eq!(shows("G/通用格式", 1.0), Shows::General);
        assert_eq!(shows("@", 1.0), Shows::General);
        assert_eq!(shows("0.00", 1.0), Shows::Places { places: 2, percent: false });
        assert_eq!(shows("#,##0.0", 1.0), Shows::Places { places: 1, percent: false });
        assert_eq!(shows("0%", 1.0), Shows::Places { places: 0, percent: true });
        assert_eq!(shows("0.00%", 1.0), Shows::Places { places: 2, percent: true });
        assert_eq!(shows("\"得分\"0.0;[Red]-0.0", 1.0), Shows::Places { places: 1, percent: false });
        assert_eq!(shows("0.00;-0", -1.0), Shows::Places { places: 0, percent: false });
        assert_eq!(shows("0.00;-0;\"—\"", 0.0), Shows::Literal);
        assert_eq!(shown_number(0.0, "0.00;-0;\"—\"").unwrap(), "0");
        assert_eq!(shown_number(3.0, "\"—\"").unwrap_err().code, "E0723");
        assert_eq!(shows(";;;", 5.0), Shows::Nothing);
        assert_eq!(shows("[$¥-804]#,##0.00", 1.0), Shows::Places { places: 2, percent: false });
        assert_eq!(shows("[Red]General", 1.0), Shows::General);
        assert_eq!(shows("# ?/?", 1.0), Shows::Other);
        assert_eq!(shows("0\\.00", 1.0), Shows::Other);
        assert_eq!(shows("0\".\"00", 1.0), Shows::Other);
        assert_eq!(shows("0!.00", 1.0), Shows::Other);
        assert_eq!(shows("[<60]0.00;0", 1.0), Shows::Other);
        assert_eq!(
            shows("_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)", -1.0),
            Shows::Places { places: 2, percent: false }
        );
        assert_eq!(shows("0.0\"分\"", 1.0), Shows::Places { places: 1, percent: false });
        for misleading in ["\"9\"0", "0\\5", "-0.00", "\"−\"0", "(0.00)", "0.0%%", "\"1\"General", "0\" 1/2\""] {
            assert_eq!(shows(misleading, 1.0), Shows::Other, "{misleading}");
        }
        assert_eq!(shows("0.00;-0.00", -1.0), Shows::Places { places: 2, percent: false });
        assert_eq!(shows("0.00;(0.00)", -1.0), Shows::Places { places: 2, percent: false });
        let accounting = "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)";
        assert_eq!(shown_number(0.0, accounting).unwrap(), "0");
        assert_eq!(shown_number(12.5, accounting).unwrap(), "12.5");
        assert_eq!(shows("0.00E+00", 1.0), Shows::Other);
        assert_eq!(shows("#,##0,", 1.0), Shows::Other);
    }

    #[test]
    fn numbers_are_read_as_shown() {
        assert_eq!(shown_number(0.1 + 0.2, "General").unwrap(), "0.3");
        assert_eq!(shown_number(92.0, "General").unwrap(), "92");
        // Whole numbers take a shortcut; it gives what the rule gives.
        let formats = ["General", "0", "0.00", "#,##0", "0%", "0.00;-0.00;\"—\"", "G/通用格式", "@"];
        for value in [1.0, -1.0, 7.0, 90.0, -250.0, 123_456_789.0, 999_999_999_999_999.0, -4_503_599_627_370_497.0] {
            for format in formats {
                let rule = shown_as_held(value, format, shows(format, value));
                let fast = shown_number(value, format);
                assert_eq!(fast.as_ref().ok(), rule.as_ref().ok(), "{value} as {format}");
                assert_eq!(fast.err().map(|r| r.code), rule.err().map(|r| r.code), "{value} as {format}");
            }
        }
        assert_eq!(shown_number(0.92, "0%").unwrap(), "92%");
        assert_eq!(shown_number(0.925, "0.0%").unwrap(), "92.5%");
        assert_eq!(shown_number(89.5, "0.00").unwrap(), "89.5");
        assert_eq!(shown_number(0.925, "0%").unwrap_err().found, msg!("data-shows-93-holds-92-5"));
        assert_eq!(shown_number(100.0 / 3.0, "0.00").unwrap_err().code, "E0723");
        assert_eq!(shown_number(1.0 / 3.0, "General").unwrap_err().code, "E0723");
        assert_eq!(shown_number(0.5, "# ?/?").unwrap_err().code, "E0723");
        assert_eq!(shown_number(1e300, "General").unwrap_err().code, "E0723");
        assert_eq!(shown_number(5.55e-17, "0.00").unwrap_err().found, "5.55e-17");
        assert_eq!(shown_number(-3.456, "0.00;-0").unwrap_err().code, "E0723");
        assert_eq!(shown_number(5.0, ";;;").unwrap_err().code, "E0723");
        assert_eq!(shown_number(92.5, "G/通用格式").unwrap(), "92.5");
    }
}
