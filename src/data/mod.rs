//! Data in: department records from a JSON array, JSON Lines, CSV (a table per list) or an
//! XLSX workbook (a sheet per list), read a batch at a time (`batches`) into typed input
//! values, every number exactly as written. Each fault is reported with where it is (file and
//! line:column, or sheet and cell; department and field), what was expected and what was
//! found.

pub mod batches;
mod csv_stream;
pub mod encoding;
pub mod err;
pub(crate) mod fast;
pub mod files;
pub mod json_array;
pub mod names;
pub mod record;
mod sheet;
mod sheet_stream;
mod sheet_xml;
mod sniff;
pub mod table_stream;
pub mod tables;

use crate::number::Number;

pub use record::Record;

/// The UTF-8 byte-order mark spreadsheet programs and Notepad start a file with: a file may
/// start with one; anywhere else it is not JSON.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The name of the table of department records (a workbook's sheet; a CSV file's own).
pub const RECORDS_SHEET: &str = "部门";

/// A value during and after evaluation.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Num(Number),
    Bool(bool),
    Text(String),
    /// A rating's level or a grade's band, by index.
    Level(usize),
    List(Vec<Value>),
    /// Numbers with how often each counts (the factors of a tally).
    Weighted(Vec<(Number, Number)>),
    /// Counts per level of a scale.
    Tally(Vec<Number>),
    /// One value per leaf of an indicator.
    Map(Vec<Value>),
    Record(Vec<Value>),
    /// An optional input that was not given.
    Absent,
}

impl Value {
    pub fn as_num(&self) -> Option<Number> {
        match self {
            Value::Num(n) => Some(*n),
            _ => None,
        }
    }
}
