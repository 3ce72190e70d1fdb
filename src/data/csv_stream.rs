//! CSV data record by record (`table_stream`): the main file and the list files beside it
//! (`数据.职能工作.csv`), each read a row at a time in the encoding the whole-file reader
//! would find, its cells named by their line in the whole file.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::RECORDS_SHEET;
use super::encoding;
use super::files::{beside, list_fields};
use super::table_stream::{Cursor, Rows, TableSource};
use super::tables::{self, Row, Table};
use crate::program::Program;

/// The rows of one CSV file.
struct CsvRows {
    reader: csv::Reader<tables::Lines<Box<dyn Read>>>,
}

impl Rows for CsvRows {
    /// The next row that is not blank (a cleared row, `,,,,`, is skipped as the whole-file
    /// reader skips it).
    fn next_row(&mut self) -> Result<Option<Row>, String> {
        let mut record = csv::StringRecord::new();
        loop {
            match self.reader.read_record(&mut record) {
                Ok(true) if tables::blank_record(&record) => continue,
                Ok(true) => {
                    let line = tables::line_of(&mut self.reader, &record);
                    return Ok(Some(Row::text(line, record.iter().map(str::to_string).collect())));
                }
                Ok(false) => return Ok(None),
                Err(e) => return Err(e.to_string()),
            }
        }
    }

    fn bytes_read(&self) -> u64 {
        self.reader.position().byte()
    }
}

/// One CSV file as the table `name` (`部门` for the main table, else the list field it fills).
fn cursor(path: &Path, name: &str) -> Result<Cursor, String> {
    // The encoding by the rule the whole-file reader follows (`encoding::decode`); a file in
    // none, or one that breaks as it is read, is read whole, where the message says where it
    // breaks.
    let encoding =
        encoding::detect_for_stream(path).map_err(|e| e.to_string())?.ok_or("not text in UTF-8, UTF-16 or GBK")?;
    let file = File::open(path).map_err(|e| e.to_string())?;
    // csv strips a UTF-8 byte order mark at the start; other encodings become UTF-8 as they
    // are read, their mark removed.
    let input: Box<dyn Read> = if encoding == encoding_rs::UTF_8 {
        Box::new(file)
    } else {
        Box::new(encoding_rs_io::DecodeReaderBytesBuilder::new().encoding(Some(encoding)).build(file))
    };
    let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(tables::Lines::new(input));
    let header = tables::csv_header(&mut reader).map_err(|e| e.to_string())?;
    let empty = Table::csv(name, &path.display().to_string(), header, Vec::new());
    Cursor::new(empty, Box::new(CsvRows { reader }))
}

/// The main CSV file at `path` and the list files beside it, ready to read together.
pub(super) fn open(program: &Program, path: &Path) -> Result<TableSource, String> {
    let main = cursor(path, RECORDS_SHEET)?;
    let mut lists = Vec::new();
    for field in list_fields(program) {
        // A missing list file is refused by the whole-file reader.
        lists.push(cursor(&beside(path, &field), &field)?);
    }
    TableSource::new(program, main, lists)
}
