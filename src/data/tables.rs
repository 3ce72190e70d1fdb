//! Data kept in tables (CSV files, spreadsheet sheets) → the JSON records the reader checks.
//! The layout is the one `jixiao template` writes: one row per department, nested fields as
//! `父.子` columns, lists of plain values in one cell joined with `、`, and each list of
//! records in a table of its own keyed by the department (and the indicator).

use serde_json::{Map, Value as Json};

use super::names::{normalise, visible};
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::program::*;

/// A table read from a file: its name (sheet or file), header and rows of cell texts, and
/// how to name a cell in messages (`C12`, or `line 12, column 3`).
#[derive(Clone)]
pub struct Table {
    /// The field a list table fills (`职能工作`), or `部门` for the records table.
    pub name: String,
    /// How messages name it: the sheet, or the CSV file.
    pub shown: String,
    /// The column names, as people read them (`names::normalise`).
    pub header: Vec<String>,
    /// Where the header is: its CSV line, or its sheet row (1-based).
    pub header_at: usize,
    /// The rows under the header, blank rows left out.
    pub rows: Vec<Row>,
    /// `cell C12` or `line 12, column 3`, from a row's `at` and a column (0-based).
    pub cell: fn(at: usize, col: usize) -> String,
    /// `column C` or `column 3`.
    pub column: fn(col: usize) -> String,
    /// `row 12` or `line 12`, from a row's `at`.
    pub row: fn(at: usize) -> String,
}

/// One row of a table: where it is in its file, and its cells as the user sees them.
#[derive(Clone)]
pub struct Row {
    /// The CSV line the row starts on, or the sheet row (1-based): what messages name.
    pub at: usize,
    /// The cells from the first column, as text the user sees (refused ones empty).
    pub cells: Vec<String>,
    /// Cells that hold something jixiao will not read as text (a formula without a value,
    /// a date, an error), by column; refused if a field is read from them.
    pub refused: Vec<(usize, Refusal)>,
}

impl Row {
    /// A row of plain text cells.
    pub fn text(at: usize, cells: Vec<String>) -> Row {
        Row { at, cells, refused: Vec::new() }
    }

    /// A row whose every cell is empty or white space (Excel writes `,,,,` for a cleared row):
    /// skipped wherever it stands.
    pub fn is_blank(&self) -> bool {
        self.refused.is_empty() && all_blank(self.cells.iter().map(String::as_str))
    }

    fn cell(&self, c: usize) -> &str {
        self.cells.get(c).map_or("", |t| t.trim())
    }
}

/// A cell that shows something jixiao does not read as the value it stands for.
#[derive(Clone, Debug)]
pub struct Refusal {
    /// The diagnostic's code.
    pub code: &'static str,
    /// What the cell shows or holds, as the message quotes it.
    pub found: String,
    /// What is wrong with it, in the current language.
    pub problem: String,
    /// What to do, in the current language.
    pub help: String,
}

impl Table {
    /// A table from a CSV file, its header on line `header_at`: cells named by line and column.
    pub fn csv(name: &str, shown: &str, (header, header_at): (Vec<String>, usize), rows: Vec<Row>) -> Table {
        Table {
            name: name.to_string(),
            shown: shown.to_string(),
            header,
            header_at,
            rows,
            cell: csv_cell,
            column: csv_column,
            row: csv_line,
        }
    }

    /// How messages name the cell of row `r` of `rows` and column `c`.
    fn cell_at(&self, r: usize, c: usize) -> String {
        (self.cell)(self.rows[r].at, c)
    }
}

/// Whether a CSV record is blank: every cell empty or white space (`,,,,`, a row Excel cleared).
pub fn blank_record(record: &csv::StringRecord) -> bool {
    all_blank(record.iter())
}

fn all_blank<'c>(mut cells: impl Iterator<Item = &'c str>) -> bool {
    cells.all(|c| c.trim().is_empty())
}

/// The header of CSV read without one (`has_headers(false)`): the first record that is not
/// blank, its names as people read them, and its line.
pub fn csv_header<R: std::io::Read>(reader: &mut csv::Reader<Lines<R>>) -> Result<(Vec<String>, usize), csv::Error> {
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        if !blank_record(&record) {
            let line = line_of(reader, &record);
            return Ok((record.iter().map(|h| normalise(h).into_owned()).collect(), line));
        }
    }
    Ok((Vec::new(), 1))
}

/// The line a CSV record starts on, counted from the bytes themselves: the csv crate's own
/// count misses line breaks inside quoted cells written with CR LF (Excel on Windows).
pub fn line_of<R: std::io::Read>(reader: &mut csv::Reader<Lines<R>>, record: &csv::StringRecord) -> usize {
    let byte = record.position().map_or(0, |p| p.byte());
    reader.get_mut().line_at(byte)
}

/// A reader that notes where its line-end bytes (CR, LF) are, so that the line of a byte read
/// so far can be told; those before the last byte asked about are forgotten (memory stays
/// small).
pub struct Lines<R> {
    inner: R,
    read: u64,
    /// Where each CR or LF is, and whether it is LF (a new line).
    ends: std::collections::VecDeque<(u64, bool)>,
    /// Line breaks forgotten, all before `ends`.
    before: usize,
}

impl<R> Lines<R> {
    pub fn new(inner: R) -> Lines<R> {
        Lines { inner, read: 0, ends: std::collections::VecDeque::new(), before: 0 }
    }

    /// The line (from 1) of the record the csv crate says starts at byte `byte`. After CR LF
    /// it names the LF, and blank lines after it are skipped: the record starts at the first
    /// byte from there that ends no line. `byte` must not come before one asked about earlier.
    pub fn line_at(&mut self, byte: u64) -> usize {
        let mut start = byte;
        while let Some(&(at, lf)) = self.ends.front() {
            if at > start {
                break;
            }
            if at == start {
                start += 1;
            }
            self.before += usize::from(lf);
            self.ends.pop_front();
        }
        self.before + 1
    }
}

impl<R: std::io::Read> std::io::Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for at in memchr::memchr2_iter(b'\r', b'\n', &buf[..n]) {
            self.ends.push_back((self.read + at as u64, buf[at] == b'\n'));
        }
        self.read += n as u64;
        Ok(n)
    }
}

/// `C12`: a spreadsheet's name for the cell of sheet row `row` (1-based) and column `col`
/// (0-based).
pub fn cell_name(row: usize, col: usize) -> String {
    format!("{}{row}", column_letters(col))
}

/// `A`, `Z`, `AA` … for column `col` (0-based).
pub fn column_letters(col: usize) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        letters.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    letters
}

pub fn spreadsheet_cell(row: usize, col: usize) -> String {
    msg!("data-cell-cell-name", cell_name = cell_name(row, col))
}

pub fn spreadsheet_column(col: usize) -> String {
    msg!("data-column-column-letters", column_letters = column_letters(col))
}

pub fn spreadsheet_row(at: usize) -> String {
    msg!("data-row", at)
}

pub fn csv_line(at: usize) -> String {
    msg!("data-line", at)
}

pub fn csv_column(col: usize) -> String {
    msg!("data-column-col", column = col + 1)
}

/// `line 12, column 3` of a CSV file.
pub fn csv_cell(line: usize, col: usize) -> String {
    msg!("data-line-line-column-col", line, column = col + 1)
}

/// Where each value of each record came from: by record, the field path as the reader names
/// it (`管理工作.依法行政`, `职能工作.重点工作[2].得分`) → the sheet and cell (`部门, cell C12`).
pub type Cells = Vec<std::collections::HashMap<String, String>>;

/// The records the tables hold: the main table's rows, with the list tables' rows put into
/// the list fields of the department they name; and where each value came from. Blank rows
/// are skipped; a header at fault is reported once, not once a row.
pub fn records(program: &Program, main: &Table, lists: &[Table]) -> Result<(Vec<Json>, Cells), Vec<Diagnostic>> {
    let unit = &program.inputs[program.roles.unit].field;
    let mut errors = header_problems(program, main, lists);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut records = Vec::with_capacity(main.rows.len());
    let mut cells: Cells = Vec::with_capacity(main.rows.len());
    let shapes: Vec<Option<&Shape>> = main.header.iter().map(|c| shape_at(program, c)).collect();
    let unit_column = main.header.iter().position(|h| h == unit);
    for (r, row) in main.rows.iter().enumerate() {
        if row.is_blank() {
            continue;
        }
        let mut record = Map::new();
        let mut located = std::collections::HashMap::new();
        // The row names the record in a message about a field it has no cell for; the
        // department's cell names it even when empty ("the field is missing").
        located.insert(String::new(), format!("{}, {}", main.shown, (main.row)(row.at)));
        if let Some(c) = unit_column {
            located.insert(unit.clone(), format!("{}, {}", main.shown, main.cell_at(r, c)));
        }
        // The department first, so that every message about the row can name it.
        let others = (0..main.header.len()).filter(|c| Some(*c) != unit_column);
        for c in unit_column.into_iter().chain(others) {
            let (column, Some(shape)) = (&main.header[c], shapes[c]) else { continue };
            let text = match cell_text(main, r, c) {
                Ok(Some(text)) => text,
                Ok(None) => continue,
                Err(refusal) => {
                    errors.push(refused_cell(main, r, c, (&row_name(&record, unit), column), refusal));
                    continue;
                }
            };
            located.insert(column.clone(), format!("{}, {}", main.shown, main.cell_at(r, c)));
            match cell_value(shape, text) {
                Ok(v) => insert(&mut record, column, v),
                Err(expected) => errors.push(bad_cell(main, r, c, &row_name(&record, unit), column, &expected, text)),
            }
        }
        records.push(record);
        cells.push(located);
    }
    for table in lists {
        fill_list(program, table, (&mut records, &mut cells), unit, &mut errors);
    }
    if errors.is_empty() { Ok((records.into_iter().map(Json::Object).collect(), cells)) } else { Err(errors) }
}

/// The problems of the tables' headers, each once.
pub fn header_problems(program: &Program, main: &Table, lists: &[Table]) -> Vec<Diagnostic> {
    // A column of a field another version reads (`jixiao diff`) is skipped.
    let tolerated = |c: &str| {
        program.tolerated.iter().any(|f| {
            c.strip_prefix(f.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[', '［']))
        })
    };
    let mut errors = header_errors(main, &|c| shape_at(program, c).is_some() || tolerated(c));
    for table in lists {
        if table.header.iter().all(String::is_empty) {
            // An empty file is not "no items": its header row would say that.
            errors.push(headerless_list(table));
            continue;
        }
        errors.extend(header_errors(table, &|c| list_column(program, table, c).is_some()));
    }
    errors
}

/// The text of a cell a field is read from: `None` when it is empty; the refusal when the
/// cell holds what jixiao will not read (the caller names the department and field).
fn cell_text(table: &Table, r: usize, c: usize) -> Result<Option<&str>, &Refusal> {
    let row = &table.rows[r];
    match row.refused.iter().find(|(col, _)| *col == c) {
        Some((_, refusal)) => Err(refusal),
        None => Ok(Some(row.cell(c)).filter(|t| !t.is_empty())),
    }
}

/// The text of a cell of a department's row: `None` when it is empty or refused (the refusal
/// goes to `errors`).
fn text_or_refusal<'t>(
    table: &'t Table,
    (r, c): (usize, usize),
    (department, field): (&str, &str),
    errors: &mut Vec<Diagnostic>,
) -> Option<&'t str> {
    cell_text(table, r, c).unwrap_or_else(|refusal| {
        errors.push(refused_cell(table, r, c, (department, field), refusal));
        None
    })
}

/// The problems of a table's header, once each: a column named twice (which value would
/// count?), a column no field has, values under a column with no name.
fn header_errors(table: &Table, known: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    // A title above the header ("2024年度绩效考核数据") fills one cell of a wide row.
    let named: Vec<usize> = (0..table.header.len()).filter(|&c| !table.header[c].is_empty()).collect();
    // Rows may run past the header (a CSV row with a comma too many): those columns have no name.
    let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0).max(table.header.len());
    if let [title] = named[..]
        && width > 1
    {
        return vec![title_row(table, title)];
    }
    // The first row with a value under each column without a name, in one pass over the rows.
    let mut unnamed: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for (r, row) in table.rows.iter().enumerate() {
        for (c, text) in row.cells.iter().enumerate() {
            if table.header.get(c).is_none_or(|h| h.is_empty()) && !text.trim().is_empty() {
                unnamed.entry(c).or_insert(r);
            }
        }
    }
    let mut errors: Vec<Diagnostic> = unnamed.into_iter().map(|(c, r)| unnamed_column(table, c, r)).collect();
    for (c, column) in table.header.iter().enumerate().filter(|(_, h)| !h.is_empty()) {
        if let Some(first) = table.header[..c].iter().position(|h| h == column) {
            errors.push(duplicate_column(table, first, c, column));
        } else if !known(column) {
            errors.push(unknown_column(table, c, column));
        }
    }
    errors
}

/// What a column of a list table holds: `部门`, `指标` (as its second column, for a list per
/// indicator) or a field of the list's records.
fn list_column<'p>(program: &'p Program, table: &Table, column: &str) -> Option<&'p Shape> {
    let input = program.inputs.iter().find(|i| i.field == table.name)?;
    let unit = &program.inputs[program.roles.unit].field;
    if column == unit || (column == "指标" && table.header.get(1).is_some_and(|h| h == "指标")) {
        return Some(&TEXT);
    }
    input.shape.listed_fields()?.iter().find(|(n, _)| n == column).map(|(_, s)| s)
}

static TEXT: Shape = Shape::Text;

fn row_name(record: &Map<String, Json>, unit: &str) -> String {
    record.get(unit).and_then(Json::as_str).unwrap_or("").to_string()
}

/// The shape at a `父.子` path of a record.
fn shape_at<'p>(program: &'p Program, path: &str) -> Option<&'p Shape> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let mut shape = &program.inputs.iter().find(|i| i.field == first)?.shape;
    for key in parts {
        shape = match shape.required() {
            Shape::Each { indicator, item } => {
                program.leaf_names(*indicator).contains(&key.to_string()).then_some(&**item)?
            }
            Shape::Record(fields) => &fields.iter().find(|(n, _)| n == key)?.1,
            Shape::Tally { .. } => return Some(&TALLY_COUNT),
            _ => return None,
        };
    }
    Some(shape)
}

static TALLY_COUNT: Shape = Shape::Number { unit: Unit::Count, whole: true, min: None, max: None };

/// A cell's text as the JSON value its shape wants, or what was expected.
///
/// A number with a percent sign (`92%`, as a cell formatted as a percentage shows it, or as
/// CSV saved from one holds it) is the number shown: 92 points where the field is in points
/// (a score out of 100); other numbers take no `%`.
fn cell_value(shape: &Shape, text: &str) -> Result<Json, String> {
    match shape.required() {
        Shape::Number { unit, .. } => {
            let (digits, percent) = match text.strip_suffix(['%', '％']) {
                Some(d) => (d.trim_end(), true),
                None => (text, false),
            };
            if *unit == Unit::Ratio {
                // Kept as text with its sign, read by the data reader as the percentage shown.
                return if percent { Ok(Json::String(format!("{digits}%"))) } else { Err(msg!("data-percentage-92")) };
            }
            if percent && *unit != Unit::Points {
                return Err(msg!("data-number-without"));
            }
            let number = || msg!("data-number");
            let d = crate::number::parse_decimal(digits).ok_or_else(number)?;
            serde_json::from_str(&d.to_string()).map_err(|_| number())
        }
        Shape::YesNo => match super::record::yes_no(text) {
            Some(b) => Ok(Json::Bool(b)),
            None => Err(super::record::yes_no_words()),
        },
        Shape::List { item, .. } => {
            // `好、、好` is two ratings or three with one lost: which, the cell does not say.
            let items: Vec<&str> = text.split(['、', '，', ',']).map(str::trim).collect();
            if items.iter().any(|t| t.is_empty()) {
                return Err(msg!("data-items-separated-none-empty"));
            }
            items.into_iter().map(|t| cell_value(item, t)).collect::<Result<Vec<Json>, String>>().map(Json::Array)
        }
        _ => Ok(Json::String(text.to_string())),
    }
}

fn insert(record: &mut Map<String, Json>, path: &str, value: Json) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().unwrap_or(path);
    let mut at = record;
    for p in parts {
        let entry = at.entry(p.to_string()).or_insert_with(|| Json::Object(Map::new()));
        if !entry.is_object() {
            *entry = Json::Object(Map::new());
        }
        let Json::Object(next) = entry else { return };
        at = next;
    }
    at.insert(last.to_string(), value);
}

/// Rows of a list table go into the list field of the department they name.
fn fill_list(
    program: &Program,
    table: &Table,
    (records, cells): (&mut [Map<String, Json>], &mut Cells),
    unit: &str,
    errors: &mut Vec<Diagnostic>,
) {
    let Some(input) = program.inputs.iter().find(|i| i.field == table.name) else { return };
    let keyed = table.header.get(1).is_some_and(|h| h == "指标");
    let Some(fields) = input.shape.listed_fields() else { return };
    let first_field = if keyed { 2 } else { 1 };
    // The first record of each department (a second is reported as a duplicate later).
    let mut by_unit: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Names as a person reads them (`names::normalise`), on both sides.
    for (i, rec) in records.iter().enumerate() {
        if let Some(name) = rec.get(unit).and_then(Json::as_str) {
            by_unit.entry(normalise(name).into_owned()).or_insert(i);
        }
    }
    for (r, row) in table.rows.iter().enumerate() {
        if row.is_blank() {
            continue;
        }
        let name = match cell_text(table, r, 0) {
            Ok(name) => name.unwrap_or(""),
            Err(refusal) => {
                errors.push(refused_cell(table, r, 0, ("", unit), refusal));
                continue;
            }
        };
        let Some(&index) = by_unit.get(normalise(name).as_ref()) else {
            errors.push(bad_cell(table, r, 0, name, unit, &msg!("data-department-main-table"), name));
            continue;
        };
        let record = &mut records[index];
        // Which indicator's list: read as people read it; an empty one names no list.
        let key = match keyed.then(|| cell_text(table, r, 1)) {
            None => None,
            Some(Ok(Some(key))) => Some(normalise(key).into_owned()),
            Some(Ok(None)) => {
                errors.push(bad_cell(table, r, 1, name, "指标", &msg!("data-indicator-s-name"), ""));
                continue;
            }
            Some(Err(refusal)) => {
                errors.push(refused_cell(table, r, 1, (name, "指标"), refusal));
                continue;
            }
        };
        let list_path = match &key {
            Some(k) => format!("{}.{k}", table.name),
            None => table.name.clone(),
        };
        let position = match (&key, record.get(&table.name)) {
            (Some(k), Some(Json::Object(by_key))) => by_key.get(k).and_then(Json::as_array).map_or(0, Vec::len),
            (None, Some(Json::Array(items))) => items.len(),
            _ => 0,
        };
        let mut item = Map::new();
        for (c, column) in table.header.iter().enumerate().skip(first_field) {
            let Some((_, shape)) = fields.iter().find(|(n, _)| n == column) else { continue };
            let field = format!("{}.{column}", table.name);
            let Some(text) = text_or_refusal(table, (r, c), (name, &field), errors) else { continue };
            let path = format!("{list_path}[{}].{column}", position + 1);
            cells[index].insert(path, format!("{}, {}", table.shown, table.cell_at(r, c)));
            match cell_value(shape, text) {
                Ok(v) => {
                    item.insert(column.clone(), v);
                }
                Err(expected) => errors.push(bad_cell(table, r, c, name, &field, &expected, text)),
            }
        }
        let list = if let Some(key) = key {
            let by_key = record.entry(table.name.clone()).or_insert_with(|| Json::Object(Map::new()));
            let Json::Object(by_key) = by_key else { continue };
            by_key.entry(key).or_insert_with(|| Json::Array(Vec::new()))
        } else {
            record.entry(table.name.clone()).or_insert_with(|| Json::Array(Vec::new()))
        };
        if let Json::Array(items) = list {
            items.push(Json::Object(item));
        }
    }
}

/// `部门, row 1` or `d.csv, line 1`: where a table's header is.
fn header_place(table: &Table, c: usize) -> String {
    let cell = (table.cell)(table.header_at, c);
    msg!("data-shown-cell", shown = table.shown, cell)
}

fn unknown_column(table: &Table, c: usize, column: &str) -> Diagnostic {
    Diagnostic::error("E0716", msg!("data-header-place-column-no-field", header_place = header_place(table, c), column))
        .help(msg!("data-use-headers-jixiao-template-writes"))
}

fn duplicate_column(table: &Table, first: usize, again: usize, column: &str) -> Diagnostic {
    let (a, b) = ((table.column)(first), (table.column)(again));
    Diagnostic::error("E0726", msg!("data-shown-b-column-column-named", shown = table.shown, b, column, a))
        .help(msg!("data-keep-one-column-each-name"))
}

fn headerless_list(table: &Table) -> Diagnostic {
    let (shown, field) = (&table.shown, &table.name);
    Diagnostic::error("E0727", msg!("data-shown-table-field-empty-without", shown, field))
        .help(msg!("data-empty-file-never-read-none"))
}

fn title_row(table: &Table, c: usize) -> Diagnostic {
    let (title, place) = (&table.header[c], header_place(table, c));
    Diagnostic::error("E0729", msg!("data-place-first-row-anything-header", place, title))
        .help(msg!("data-delete-rows-above-header-so"))
}

fn unnamed_column(table: &Table, c: usize, r: usize) -> Diagnostic {
    let cell = table.cell_at(r, c);
    Diagnostic::error(
        "E0728",
        msg!("data-shown-table-column-has-values", shown = table.shown, column = (table.column)(c), cell),
    )
    .help(msg!("data-write-field-s-name-header"))
}

fn refused_cell(table: &Table, r: usize, c: usize, (department, field): (&str, &str), refusal: &Refusal) -> Diagnostic {
    let cell = table.cell_at(r, c);
    let found = &refusal.found;
    let problem = &refusal.problem;
    Diagnostic::error(
        refusal.code,
        msg!("data-cell-problem", shown = table.shown, cell, department, field, problem, found),
    )
    .help(refusal.help.clone())
}

fn bad_cell(
    table: &Table,
    r: usize,
    c: usize,
    department: &str,
    field: &str,
    expected: &str,
    found: &str,
) -> Diagnostic {
    let cell = table.cell_at(r, c);
    let (department, found) = (visible(department), visible(found));
    Diagnostic::error(
        "E0717",
        msg!("data-cell-expected", shown = table.shown, cell, department, field, expected, found),
    )
    .help(msg!("data-correct-value-cell", cell))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_cell_names() {
        assert_eq!(cell_name(2, 0), "A2");
        assert_eq!(cell_name(12, 2), "C12");
        assert_eq!(cell_name(2, 25), "Z2");
        assert_eq!(cell_name(2, 26), "AA2");
    }
}

#[cfg(test)]
mod line_tests {
    /// Lines of CSV records, with line breaks in quoted cells, in LF and CR LF files.
    #[test]
    fn records_are_named_by_the_line_they_start_on() {
        for eol in ["\n", "\r\n"] {
            let text = ["部门,得分", "\"甲", "乙\",80", "", "丙,70"].join(eol) + eol;
            let lines = super::Lines::new(text.as_bytes());
            let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(lines);
            let mut row = csv::StringRecord::new();
            let mut found = Vec::new();
            while reader.read_record(&mut row).unwrap() {
                found.push(super::line_of(&mut reader, &row));
            }
            assert_eq!(found, [1, 2, 5], "{eol:?}");
        }
    }
}
