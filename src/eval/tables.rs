//! Data kept in tables (CSV files, spreadsheet sheets) → the JSON records the reader checks.
//! The layout is the one `jixiao template` writes: one row per department, nested fields as
//! `父.子` columns, lists of plain values in one cell joined with `、`, and each list of
//! records in a table of its own keyed by the department (and the indicator).

use serde_json::{Map, Value as Json};

use super::names::{normalise, visible};
use crate::diagnostic::Diagnostic;
use crate::lang::tr;
use crate::program::*;

/// A table read from a file: its name (sheet or file), header and rows of cell texts, and
/// how to name a cell in messages (`C12`, or `line 12, column 3`).
pub struct Table {
    /// The field a list table fills (`职能工作`), or `部门` for the records table.
    pub name: String,
    /// How messages name it: the sheet, or the CSV file.
    pub shown: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The data row of the file the first of `rows` is (0-based): tables read a part at a
    /// time name cells by their place in the whole file.
    pub first_row: usize,
    /// `cell C12` or `line 12, column 3`.
    pub cell: fn(row: usize, col: usize) -> String,
    /// `column C` or `column 3`.
    pub column: fn(col: usize) -> String,
}

impl Table {
    /// A table from a CSV file: cells named by line and column. `first_row` is the data row of
    /// the file the first of `rows` is.
    pub fn csv(name: &str, shown: &str, header: Vec<String>, rows: Vec<Vec<String>>, first_row: usize) -> Table {
        Table {
            name: name.to_string(),
            shown: shown.to_string(),
            header,
            rows,
            first_row,
            cell: csv_cell,
            column: csv_column,
        }
    }

    /// How messages name the cell of row `r` of `rows` and column `c`.
    fn cell_at(&self, r: usize, c: usize) -> String {
        (self.cell)(self.first_row + r, c)
    }
}

/// `C12`: a spreadsheet's name for the cell of data row `row` (0-based, after the header)
/// and column `col`.
pub fn cell_name(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 2)
}

fn column_letters(col: usize) -> String {
    let mut letters = String::new();
    let mut c = col + 1;
    while c > 0 {
        letters.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    letters
}

pub fn spreadsheet_cell(row: usize, col: usize) -> String {
    tr(format!("cell {}", cell_name(row, col)), format!("单元格 {}", cell_name(row, col)))
}

pub fn spreadsheet_column(col: usize) -> String {
    tr(format!("column {}", column_letters(col)), format!("第 {} 列", column_letters(col)))
}

pub fn csv_column(col: usize) -> String {
    tr(format!("column {}", col + 1), format!("第 {} 列", col + 1))
}

/// `line 12, column 3` of a CSV file.
pub fn csv_cell(row: usize, col: usize) -> String {
    tr(format!("line {}, column {}", row + 2, col + 1), format!("第 {} 行第 {} 列", row + 2, col + 1))
}

/// Where each value of each record came from: by record, the field path as the reader names
/// it (`管理工作.依法行政`, `职能工作.重点工作[2].得分`) → the sheet and cell (`部门, cell C12`).
pub type Cells = Vec<std::collections::HashMap<String, String>>;

/// The records the tables hold: the main table's rows, with the list tables' rows put into
/// the list fields of the department they name; and where each value came from.
pub fn records(program: &Program, main: &Table, lists: &[Table]) -> Result<(Vec<Json>, Cells), Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let unit = &program.inputs[program.roles.unit].field;
    let mut records = Vec::with_capacity(main.rows.len());
    let mut cells: Cells = vec![Default::default(); main.rows.len()];
    for (r, row) in main.rows.iter().enumerate() {
        let mut record = Map::new();
        for (c, column) in main.header.iter().enumerate() {
            let text = row.get(c).map_or("", |t| t.trim());
            if text.is_empty() {
                continue;
            }
            let Some(shape) = shape_at(program, column) else {
                errors.push(unknown_column(main, c, column));
                continue;
            };
            cells[r].insert(column.clone(), format!("{}, {}", main.shown, main.cell_at(r, c)));
            match cell_value(shape, text) {
                Ok(v) => insert(&mut record, column, v),
                Err(expected) => errors.push(bad_cell(main, r, c, &row_name(&record, unit), column, &expected, text)),
            }
        }
        records.push(record);
    }
    for table in lists {
        fill_list(program, table, (&mut records, &mut cells), unit, &mut errors);
    }
    if errors.is_empty() { Ok((records.into_iter().map(Json::Object).collect(), cells)) } else { Err(errors) }
}

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
fn cell_value(shape: &Shape, text: &str) -> Result<Json, String> {
    match shape.required() {
        Shape::Number { .. } => {
            let d = crate::number::parse_decimal(text).ok_or_else(|| tr("a number", "数"))?;
            serde_json::from_str(&d.to_string()).map_err(|_| tr("a number", "数"))
        }
        Shape::List { item, .. } => {
            let items: Result<Vec<Json>, String> = text
                .split(['、', '，', ','])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| cell_value(item, t))
                .collect();
            items.map(Json::Array)
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
        let name = row.first().map_or("", |t| t.trim());
        let Some(&index) = by_unit.get(normalise(name).as_ref()) else {
            errors.push(bad_cell(table, r, 0, name, unit, &tr("a department of the main table", "主表中的部门"), name));
            continue;
        };
        let record = &mut records[index];
        let key = keyed.then(|| row.get(1).map_or("", |t| t.trim()).to_string());
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
            let text = row.get(c).map_or("", |t| t.trim());
            let Some((_, shape)) = fields.iter().find(|(n, _)| n == column) else {
                errors.push(unknown_column(table, c, column));
                continue;
            };
            if text.is_empty() {
                continue;
            }
            let path = format!("{list_path}[{}].{column}", position + 1);
            cells[index].insert(path, format!("{}, {}", table.shown, table.cell_at(r, c)));
            match cell_value(shape, text) {
                Ok(v) => {
                    item.insert(column.clone(), v);
                }
                Err(expected) => {
                    errors.push(bad_cell(table, r, c, name, &format!("{}.{column}", table.name), &expected, text))
                }
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

fn unknown_column(table: &Table, c: usize, column: &str) -> Diagnostic {
    Diagnostic::error(
        "E0716",
        tr(
            format!("{}, {} ({column}): no field of the regulation has this name", table.shown, (table.column)(c)),
            format!("{}，{}（{column}）：办法中没有这个字段", table.shown, (table.column)(c)),
        ),
    )
    .help(tr("use the headers `jixiao template` writes", "请使用 jixiao template 生成的表头"))
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
        tr(
            format!(
                "{}, {cell} (department \"{department}\", field `{field}`): expected {expected}, found \"{found}\"",
                table.shown
            ),
            format!("{}，{cell}（部门“{department}”，字段“{field}”）：应为{expected}，实际为“{found}”", table.shown),
        ),
    )
    .help(tr(format!("correct the value at {cell}"), format!("请更正{cell}的值")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_cell_names() {
        assert_eq!(cell_name(0, 0), "A2");
        assert_eq!(cell_name(10, 2), "C12");
        assert_eq!(cell_name(0, 25), "Z2");
        assert_eq!(cell_name(0, 26), "AA2");
    }
}
