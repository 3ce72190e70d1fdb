//! Tables record by record, whatever holds them (CSV files, `csv_stream`; sheets of a
//! workbook, `sheet_stream`): the main table a batch of rows at a time, each batch with the
//! rows of the list tables that belong to its departments. The rows become records exactly as
//! a whole table's would (`tables::records`), so values and messages are the same; only cells
//! are named by their place in the whole file or sheet.
//!
//! Streaming needs each list table's rows grouped by department, in the main table's order,
//! as `jixiao template` and `jixiao convert` write them, and tables whose header problems do
//! not depend on the rows. `aligned` checks that by reading the tables once; data that is not
//! so (or that does not read cleanly) is read whole instead, where the messages say what is
//! wrong.

use std::path::Path;

use rayon::prelude::*;

use super::batches::ReadRecord;
use super::files::{DataFormat, cannot_read};
use super::names::normalise;
use super::record::read_record_located;
use super::tables::{self, Row, Table};
use crate::diagnostic::Diagnostic;
use crate::program::Program;

/// A table's rows in order, blank rows left out.
pub(super) trait Rows {
    /// The next row that is not blank, or `None` after the last.
    fn next_row(&mut self) -> Result<Option<Row>, String>;
    /// How far through the data file the rows read so far reach, in bytes (for a progress bar).
    fn bytes_read(&self) -> u64;
}

/// One table read a row at a time, with the row after the last one taken.
pub(super) struct Cursor {
    /// The table as messages name it, with its header and no rows.
    empty: Table,
    rows: Box<dyn Rows>,
    next: Option<Row>,
}

impl Cursor {
    /// `empty` is the table without its rows: its name, header and how cells are named.
    pub(super) fn new(empty: Table, mut rows: Box<dyn Rows>) -> Result<Cursor, String> {
        let next = rows.next_row()?;
        Ok(Cursor { empty, rows, next })
    }

    /// Takes the next row.
    fn take(&mut self) -> Result<Option<Row>, String> {
        let Some(row) = self.next.take() else { return Ok(None) };
        self.next = self.rows.next_row()?;
        Ok(Some(row))
    }

    /// Whether the next row is a list row of department `unit` (named in its first column),
    /// names compared as a person reads them (`unit` is so already, `names::normalise`).
    fn next_is(&self, unit: &str) -> bool {
        !unit.is_empty() && self.next.as_ref().and_then(|r| r.cells.first()).is_some_and(|d| normalise(d) == unit)
    }
}

/// The main table and the list tables of a data file, read together.
pub(super) struct TableSource {
    main: Cursor,
    /// The main table's column of department names.
    unit_column: usize,
    lists: Vec<Cursor>,
    /// Records read so far.
    index: usize,
}

impl TableSource {
    /// The main table and one table for each list field, in `files::list_fields` order.
    pub(super) fn new(program: &Program, main: Cursor, lists: Vec<Cursor>) -> Result<TableSource, String> {
        let unit = &program.inputs[program.roles.unit].field;
        let unit_column = main.empty.header.iter().position(|h| h == unit).ok_or("no department column")?;
        Ok(TableSource { main, unit_column, lists, index: 0 })
    }

    /// Up to `n` main rows, and for each list table the rows of their departments.
    fn rows(&mut self, n: usize) -> Result<(Table, Vec<Table>), String> {
        let (mut main, mut lists) = self.tables();
        while main.rows.len() < n {
            let Some(row) = self.main.take()? else { break };
            let unit = normalise(row.cells.get(self.unit_column).map_or("", |u| u.trim()));
            for (cursor, list) in self.lists.iter_mut().zip(&mut lists) {
                while cursor.next_is(&unit) {
                    list.rows.extend(cursor.take()?);
                }
            }
            main.rows.push(row);
        }
        Ok((main, lists))
    }

    /// The tables with their headers and no rows.
    fn tables(&self) -> (Table, Vec<Table>) {
        (self.main.empty.clone(), self.lists.iter().map(|c| c.empty.clone()).collect())
    }

    /// Whether every list row was taken with the main row of its department.
    fn lists_done(&self) -> bool {
        self.lists.iter().all(|c| c.next.is_none())
    }
}

/// The main table and list tables of the data at `path` (CSV or XLSX), ready to read;
/// `checking`: only for `aligned`, which needs no numbers but the department's.
fn open(program: &Program, format: DataFormat, path: &Path, checking: bool) -> Result<TableSource, String> {
    match format {
        DataFormat::Csv => super::csv_stream::open(program, path),
        DataFormat::Xlsx => super::sheet_stream::open(program, path, checking),
        DataFormat::Json | DataFormat::JsonLines => Err("not a table".to_string()),
    }
}

/// Whether the tables can be read a batch at a time: they read cleanly, the main table has a
/// department column, every list table's rows come grouped by department in the main table's
/// order, and no table has a problem its rows make (a title above the header, values under a
/// column without a name), which the whole read reports once for the table.
pub fn aligned(program: &Program, format: DataFormat, path: &Path) -> bool {
    let Ok(mut source) = open(program, format, path, true) else { return false };
    loop {
        match source.rows(4096) {
            Ok((main, lists)) if !std::iter::once(&main).chain(&lists).all(plain) => return false,
            Ok((main, _)) if main.rows.is_empty() => return source.lists_done(),
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}

/// Whether a table's header problems are the same for any part of its rows: it names more
/// than one column (one is a title, E0729), and no row has a value under a column without a
/// name (E0728, reported at the first such row of the whole table).
fn plain(table: &Table) -> bool {
    let named = |c: usize| table.header.get(c).is_some_and(|h| !h.is_empty());
    let titled = table.header.iter().filter(|h| !h.is_empty()).count() < 2;
    !titled && table.rows.iter().all(|r| r.cells.iter().enumerate().all(|(c, t)| named(c) || t.trim().is_empty()))
}

/// Reads the tables a batch of `batch` main rows at a time, giving each batch's records
/// (with their index among all records) and errors to `each`, until it returns false. A
/// batch is made into records in parallel, in chunks of rows with their list rows.
pub(super) fn each_batch(
    program: &Program,
    (format, path): (DataFormat, &Path),
    batch: usize,
    mut advance: impl FnMut(u64),
    mut each: impl FnMut(Vec<ReadRecord>, Vec<Diagnostic>) -> bool,
) -> Result<(), Vec<Diagnostic>> {
    const CHUNK: usize = 128;
    let name = path.display().to_string();
    let mut source = open(program, format, path, false).map_err(|e| vec![cannot_read(&name, &e)])?;
    // A header at fault is one error, not one for each batch.
    let (main, lists) = source.tables();
    let header = tables::header_problems(program, &main, &lists);
    if !header.is_empty() {
        return Err(header);
    }
    loop {
        let before = source.main.rows.bytes_read();
        let mut chunks = Vec::new();
        while chunks.len() * CHUNK < batch {
            let (main, lists) = source.rows(CHUNK).map_err(|e| vec![cannot_read(&name, &e)])?;
            if main.rows.is_empty() {
                break;
            }
            chunks.push((source.index, main, lists));
            source.index += chunks.last().map_or(0, |(_, main, _)| main.rows.len());
        }
        advance(source.main.rows.bytes_read().saturating_sub(before));
        if chunks.is_empty() {
            return Ok(());
        }
        let read: Vec<(Vec<ReadRecord>, Vec<Diagnostic>)> =
            chunks.par_iter().map(|(first, main, lists)| chunk_records(program, *first, main, lists)).collect();
        let mut good = Vec::with_capacity(batch);
        let mut errors = Vec::new();
        for (records, found) in read {
            good.extend(records);
            errors.extend(found);
        }
        if !each(good, errors) {
            return Ok(());
        }
    }
}

/// The records of main rows from record `first` on, with their list rows.
fn chunk_records(program: &Program, first: usize, main: &Table, lists: &[Table]) -> (Vec<ReadRecord>, Vec<Diagnostic>) {
    let (records, cells) = match tables::records(program, main, lists) {
        Ok(found) => found,
        Err(errors) => return (Vec::new(), errors),
    };
    let mut good = Vec::with_capacity(records.len());
    let mut errors = Vec::new();
    for ((i, json), cells) in records.iter().enumerate().zip(cells) {
        match read_record_located(program, json, first + i, Some(&cells)) {
            Ok(record) => good.push((first + i, record, Some(cells))),
            Err(e) => errors.extend(e),
        }
    }
    (good, errors)
}
