//! CSV data record by record: the main table a batch of rows at a time, each batch with the
//! rows of the list tables beside it (`数据.职能工作.csv`) that belong to its departments. The
//! rows become records exactly as a whole table's would (`tables::records`), so values and
//! messages are the same; only cells are named by their place in the whole file.
//!
//! Streaming needs each list table's rows grouped by department, in the main table's order,
//! as `jixiao template` and `jixiao convert` write them. `aligned` checks that by reading the
//! files once; data that is not so (or that does not read cleanly) is read whole instead,
//! where the messages say what is wrong.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rayon::prelude::*;

use super::RECORDS_SHEET;
use super::batches::ReadRecord;
use super::encoding;
use super::files::{beside, cannot_read, list_fields};
use super::names::normalise;
use super::record::read_record_located;
use super::tables::{self, Row, Table};
use crate::diagnostic::Diagnostic;
use crate::program::Program;

/// One CSV file, read a row at a time, with the row after the last one taken.
struct Cursor {
    /// The table's name: `部门` for the main table, else the list field it fills.
    name: String,
    shown: String,
    reader: csv::Reader<tables::Lines<Box<dyn Read>>>,
    /// The header and its line.
    header: (Vec<String>, usize),
    next: Option<csv::StringRecord>,
}

impl Cursor {
    fn open(path: &Path, name: &str) -> Result<Cursor, String> {
        // The encoding by the rule the whole-file reader follows (`encoding::decode`); a file
        // in none, or one that breaks as it is read, is read whole, where the message says
        // where it breaks.
        let encoding =
            encoding::detect_for_stream(path).map_err(|e| e.to_string())?.ok_or("not text in UTF-8, UTF-16 or GBK")?;
        let file = File::open(path).map_err(|e| e.to_string())?;
        // csv strips a UTF-8 byte order mark at the start; other encodings become UTF-8 as
        // they are read, their mark removed.
        let input: Box<dyn Read> = if encoding == encoding_rs::UTF_8 {
            Box::new(file)
        } else {
            Box::new(encoding_rs_io::DecodeReaderBytesBuilder::new().encoding(Some(encoding)).build(file))
        };
        let mut reader =
            csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(tables::Lines::new(input));
        let header = tables::csv_header(&mut reader).map_err(|e| e.to_string())?;
        let shown = path.display().to_string();
        let mut cursor = Cursor { name: name.to_string(), shown, reader, header, next: None };
        cursor.next = cursor.read()?;
        Ok(cursor)
    }

    /// The next row that is not blank (a cleared row, `,,,,`, is skipped as the whole-file
    /// reader skips it).
    fn read(&mut self) -> Result<Option<csv::StringRecord>, String> {
        let mut record = csv::StringRecord::new();
        loop {
            match self.reader.read_record(&mut record) {
                Ok(true) if tables::blank_record(&record) => continue,
                Ok(true) => return Ok(Some(record)),
                Ok(false) => return Ok(None),
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    /// Takes the next row.
    fn take(&mut self) -> Result<Option<Row>, String> {
        let Some(row) = self.next.take() else { return Ok(None) };
        let line = tables::line_of(&mut self.reader, &row);
        self.next = self.read()?;
        Ok(Some(Row::text(line, row.iter().map(str::to_string).collect())))
    }

    /// Whether the next row is a list row of department `unit` (named in its first column),
    /// names compared as a person reads them (`names::normalise`).
    fn next_is(&self, unit: &str) -> bool {
        let unit = normalise(unit);
        !unit.is_empty() && self.next.as_ref().and_then(|r| r.get(0)).is_some_and(|d| normalise(d) == unit)
    }

    fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }
}

/// The main table and the list tables of a CSV data file, read together.
pub(super) struct CsvSource {
    main: Cursor,
    /// The main table's column of department names.
    unit_column: usize,
    lists: Vec<Cursor>,
    /// Records read so far.
    index: usize,
}

impl CsvSource {
    fn open(program: &Program, path: &Path) -> Result<CsvSource, String> {
        let main = Cursor::open(path, RECORDS_SHEET)?;
        let unit = &program.inputs[program.roles.unit].field;
        let unit_column = main.header.0.iter().position(|h| h == unit).ok_or("no department column")?;
        let mut lists = Vec::new();
        for field in list_fields(program) {
            // A missing list file is refused by the whole-file reader.
            lists.push(Cursor::open(&beside(path, &field), &field)?);
        }
        Ok(CsvSource { main, unit_column, lists, index: 0 })
    }

    /// Up to `n` main rows, and for each list table the rows of their departments.
    fn rows(&mut self, n: usize) -> Result<(Table, Vec<Table>), String> {
        let (mut main, mut lists) = self.tables();
        while main.rows.len() < n {
            let Some(row) = self.main.take()? else { break };
            let unit = row.cells.get(self.unit_column).map_or("", |u| u.trim());
            for (cursor, list) in self.lists.iter_mut().zip(&mut lists) {
                while cursor.next_is(unit) {
                    list.rows.extend(cursor.take()?);
                }
            }
            main.rows.push(row);
        }
        Ok((main, lists))
    }

    /// The tables with their headers and no rows.
    fn tables(&self) -> (Table, Vec<Table>) {
        let table = |c: &Cursor| Table::csv(&c.name, &c.shown, c.header.clone(), Vec::new());
        (table(&self.main), self.lists.iter().map(table).collect())
    }

    /// Whether every list row was taken with the main row of its department.
    fn lists_done(&self) -> bool {
        self.lists.iter().all(|c| c.next.is_none())
    }
}

/// Whether the CSV data can be read a batch at a time: it reads cleanly, the main table has
/// a department column, and every list table's rows come grouped by department in the main
/// table's order.
pub fn aligned(program: &Program, path: &Path) -> bool {
    let Ok(mut source) = CsvSource::open(program, path) else { return false };
    loop {
        match source.rows(4096) {
            Ok((main, _)) if main.rows.is_empty() => return source.lists_done(),
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}

/// Reads the CSV data a batch of `batch` main rows at a time, giving each batch's records
/// (with their index among all records) and errors to `each`, until it returns false. A
/// batch is made into records in parallel, in chunks of rows with their list rows.
pub(super) fn each_batch(
    program: &Program,
    path: &Path,
    batch: usize,
    mut advance: impl FnMut(u64),
    mut each: impl FnMut(Vec<ReadRecord>, Vec<Diagnostic>) -> bool,
) -> Result<(), Vec<Diagnostic>> {
    const CHUNK: usize = 128;
    let name = path.display().to_string();
    let mut source = CsvSource::open(program, path).map_err(|e| vec![cannot_read(&name, &e)])?;
    // A header at fault is one error, not one for each batch.
    let (main, lists) = source.tables();
    let header = tables::header_problems(program, &main, &lists);
    if !header.is_empty() {
        return Err(header);
    }
    loop {
        let before = source.main.bytes_read();
        let mut chunks = Vec::new();
        while chunks.len() * CHUNK < batch {
            let (main, lists) = source.rows(CHUNK).map_err(|e| vec![cannot_read(&name, &e)])?;
            if main.rows.is_empty() {
                break;
            }
            chunks.push((source.index, main, lists));
            source.index += chunks.last().map_or(0, |(_, main, _)| main.rows.len());
        }
        advance(source.main.bytes_read() - before);
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
