//! Records a batch at a time, from any data format: what `eval::stream` evaluates and
//! `read_all` collects. A batch is parsed in parallel; each record comes with its index among
//! the records.

use std::io::{BufRead, Read};

use rayon::prelude::*;

use super::files::DataFormat;
use super::json_array::{Element, Elements, Found, Next, Source, first_error};
use super::record::{Departments, MAX_ERRORS, Start, json_text, name_at, read_record};
use super::{BOM, Record};
use crate::diagnostic::Diagnostic;
use crate::lang::tr;
use crate::program::*;

/// Lines read, parsed and evaluated together (in parallel) before the next batch: enough to
/// share among cores, few enough to stay in the processor's caches (512 was fastest on one
/// core and as fast as 2,048 on two, for 10,000 and 100,000 Jiangsu records).
pub(crate) const BATCH: usize = 512;
/// Records of a JSON array read in place (on one thread) together: what they take stays in
/// the processor's caches until they are evaluated.
const IN_PLACE_BATCH: usize = 64;
/// The longest line read, in bytes: a file without line breaks is not JSON Lines.
const MAX_LINE: u64 = 64 << 20;

/// A record read, with its index among the records and, for tables, where its values came
/// from (by field path).
pub(crate) type ReadRecord = (usize, Record, Option<std::collections::HashMap<String, String>>);

/// How far through the passes a run is, for a progress bar: bytes read of all passes.
pub trait Progress: Sync {
    fn start(&self, total_bytes: u64);
    fn advance(&self, bytes: u64);
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _: u64) {}
    fn advance(&self, _: u64) {}
}

/// Every record of the data, read as `evaluate_streamed` reads them, for the calls that hold
/// them all (a table, a spreadsheet, `explain`, `test`, the library). A department given
/// twice is an error.
pub fn read_all(program: &Program, data: Data) -> Result<Vec<Record>, Vec<Diagnostic>> {
    let mut records = Vec::new();
    let mut departments = Departments::default();
    let mut errors = Vec::new();
    each_batch(program, data, &Quiet, &mut errors, |batch, errors| {
        for (index, record, _) in batch {
            errors.extend(departments.again(&record, index, || name_at(program, &record.unit)));
            records.push(record);
        }
    })?;
    none_or_all(&mut errors)?;
    Ok(records)
}

/// Reads the data a batch of records at a time, parsing and checking the batch's records in
/// parallel, and gives each batch (records with their index among the records) to `each`.
/// Faults in records are added to `errors`, and reading stops once `MAX_ERRORS` are known; a
/// fault of the file itself (not JSON, not readable) is the error returned.
pub(crate) fn each_batch(
    program: &Program,
    data: Data,
    progress: &dyn Progress,
    errors: &mut Vec<Diagnostic>,
    each: impl FnMut(Vec<ReadRecord>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    each_batch_then(program, data, progress, errors, |record| record, each)
}

/// `each_batch`, with `then` done to each record by the thread that read it, as soon as it
/// is read (while it is still in that processor's caches; a batch's records together are
/// larger than them): `each` gets what `then` gives, in input order.
pub(crate) fn each_batch_then<T: Send>(
    program: &Program,
    data: Data,
    progress: &dyn Progress,
    errors: &mut Vec<Diagnostic>,
    then: impl Fn(ReadRecord) -> T + Sync,
    mut each: impl FnMut(Vec<T>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    match (data.format, data.source) {
        (DataFormat::Csv | DataFormat::Xlsx, Source::File(path)) => super::table_stream::each_batch(
            program,
            (data.format, path),
            BATCH,
            |bytes| progress.advance(bytes),
            |batch, found| {
                errors.extend(found);
                each(batch.into_par_iter().map(&then).collect(), errors);
                errors.len() < MAX_ERRORS
            },
        )?,
        (DataFormat::Json, _) => each_json_array_batch(program, data, progress, errors, then, each)?,
        (DataFormat::JsonLines, _) => each_json_lines_batch(program, data, progress, errors, then, each)?,
        // Tables are read from their files (CSV beside its list files, a workbook's sheets).
        (DataFormat::Csv | DataFormat::Xlsx, _) => {
            let why = tr("a table is read from its file, not a batch at a time", "表格须从文件读取");
            return Err(vec![super::files::cannot_read(data.name, &why)]);
        }
    }
    Ok(())
}

/// A data file (or bytes) and its format, as the streamed readers take them.
#[derive(Clone, Copy)]
pub struct Data<'a> {
    pub name: &'a str,
    pub format: DataFormat,
    pub source: Source<'a>,
}

/// `each_batch` for a JSON array: elements are parsed in parallel. Anything that is not an
/// array of JSON values is one error, the first in the file (`json_array::first_error`).
fn each_json_array_batch<T: Send>(
    program: &Program,
    data: Data,
    progress: &dyn Progress,
    errors: &mut Vec<Diagnostic>,
    then: impl Fn(ReadRecord) -> T + Sync,
    mut each: impl FnMut(Vec<T>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    let unreadable = |e: std::io::Error| vec![super::files::cannot_read(data.name, &e.to_string())];
    let fast = super::fast::FastReader::new(program);
    let mut elements = Elements::new(data.source.open().map_err(unreadable)?);
    let (mut index, mut done) = (0, false);
    // On one thread records are read where they are in the array; on more, the reading
    // thread only cuts the array into elements, which the others read in parallel.
    let in_place = rayon::current_num_threads() < 2;
    // Read in place, a batch is read before any of it is evaluated: a small one stays in
    // the processor's caches until then.
    let size = if in_place { IN_PLACE_BATCH } else { BATCH };
    let reader = &fast;
    // A batch of elements, what follows it, and the bytes read for it.
    let batches = std::iter::from_fn(move || {
        if done {
            return None;
        }
        let (mut batch, mut next, before) = (Vec::with_capacity(size), Next::End, elements.offset());
        while batch.len() < size {
            let found = if in_place { elements.next_read(reader) } else { elements.next_element().map(Found::Next) };
            match found {
                Ok(Found::Record(record, _)) => batch.push((index + batch.len(), Piece::Read(record))),
                Ok(Found::Next(Next::Element(e))) => batch.push((index + batch.len(), Piece::Cut(e))),
                Ok(Found::Next(other)) => {
                    next = other;
                    break;
                }
                Err(e) => {
                    done = true;
                    return Some(Err(e));
                }
            }
        }
        index += batch.len();
        done = batch.len() < size;
        Some(Ok((batch, next, elements.offset() - before)))
    });
    read_ahead(batches, |batches| {
        while let Some(read) = batches.next() {
            let (batch, next, bytes) = read.map_err(unreadable)?;
            progress.advance(bytes);
            let parsed: Vec<_> = batch
                .into_par_iter()
                .map(|(index, piece)| match piece {
                    Piece::Read(record) => Ok(then((index, record, None))),
                    Piece::Cut(e) => match parse_element(program, &fast, &e, index) {
                        Ok((index, record)) => Ok(then((index, record, None))),
                        Err(fault) => Err((fault, e)),
                    },
                })
                .collect();
            let mut records = Vec::with_capacity(parsed.len());
            for p in parsed {
                match p {
                    Ok(done) => records.push(done),
                    Err((Some(e), _)) => errors.extend(e),
                    Err((None, element)) => return Err(vec![first_error(data.name, data.source, Some(&element))]),
                }
            }
            if let Next::Malformed = next {
                return Err(vec![first_error(data.name, data.source, None)]);
            }
            each(records, errors);
            if errors.len() >= MAX_ERRORS {
                return rest_is_json(data, batches);
            }
        }
        Ok(())
    })
}

/// A batch of a JSON array's elements (with their index), what follows it, and the bytes
/// read for it.
type ElementBatch = (Vec<(usize, Piece)>, Next, u64);

/// An element of a JSON array: read in place as a record, or cut out to be read.
enum Piece {
    Read(Record),
    Cut(Element),
}

/// After as many errors as are reported: the rest of the array must still be JSON, for a
/// fault there is the one error reading the whole file reports.
fn rest_is_json(
    data: Data,
    batches: &mut dyn Iterator<Item = std::io::Result<ElementBatch>>,
) -> Result<(), Vec<Diagnostic>> {
    for read in batches {
        let Ok((batch, next, _)) = read else { return Ok(()) };
        let cut = batch.iter().filter_map(|(_, piece)| match piece {
            Piece::Cut(e) => Some(e),
            Piece::Read(_) => None,
        });
        if let Some(bad) = cut.into_iter().find(|e| e.json().is_none()) {
            return Err(vec![first_error(data.name, data.source, Some(bad))]);
        }
        if let Next::Malformed = next {
            return Err(vec![first_error(data.name, data.source, None)]);
        }
    }
    Ok(())
}

/// The items of `produce` (reading and cutting the file into batches), read ahead on a thread
/// of their own while the caller parses and evaluates the batch before, when the run has
/// more than one thread; in turn with one (`--jobs 1` uses one core).
fn read_ahead<T: Send, R>(
    mut produce: impl Iterator<Item = T> + Send,
    consume: impl FnOnce(&mut dyn Iterator<Item = T>) -> R,
) -> R {
    if rayon::current_num_threads() < 2 {
        return consume(&mut produce);
    }
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        scope.spawn(move || {
            for item in produce {
                // The caller stopped (an error, or enough of them): stop reading.
                if tx.send(item).is_err() {
                    return;
                }
            }
        });
        consume(&mut rx.into_iter())
    })
}

/// An element of a JSON array as a record; `Err(None)` when it is not JSON text.
fn parse_element(
    program: &Program,
    fast: &super::fast::FastReader,
    element: &Element,
    index: usize,
) -> Result<(usize, Record), Option<Vec<Diagnostic>>> {
    if element.too_deep() {
        return Err(None);
    }
    if let Some(record) = fast.record(&element.bytes) {
        return Ok((index, record));
    }
    let json = element.json().ok_or(None)?;
    read_record(program, &json, &format!("record {}", index + 1)).map(|r| (index, r)).map_err(Some)
}

/// `each_batch` for JSON Lines: lines are parsed in parallel.
fn each_json_lines_batch<T: Send>(
    program: &Program,
    data: Data,
    progress: &dyn Progress,
    errors: &mut Vec<Diagnostic>,
    then: impl Fn(ReadRecord) -> T + Sync,
    mut each: impl FnMut(Vec<T>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    let name = data.name;
    let unreadable = |e: std::io::Error| vec![super::files::cannot_read(name, &e.to_string())];
    let fast = super::fast::FastReader::new(program);
    let mut reader = data.source.open().map_err(unreadable)?;
    let (mut line_no, mut index, mut offset, mut done) = (0usize, 0usize, 0usize, false);
    // A batch of lines (number, record index, byte offset, bytes) and the bytes read for it.
    let batches = std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut lines: Vec<(usize, usize, usize, Vec<u8>)> = Vec::with_capacity(BATCH);
        let before = offset;
        while lines.len() < BATCH {
            let mut line = Vec::new();
            let read = match (&mut reader).take(MAX_LINE + 1).read_until(b'\n', &mut line) {
                Ok(read) => read,
                Err(e) => {
                    done = true;
                    return Some(Err(unreadable(e)));
                }
            };
            if read == 0 {
                done = true;
                break;
            }
            line_no += 1;
            let start = offset;
            offset += read;
            if read as u64 > MAX_LINE {
                done = true;
                return Some(Err(vec![line_too_long(name, line_no)]));
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            lines.push((line_no, index, start, line));
            index += 1;
        }
        Some(Ok((lines, (offset - before) as u64)))
    });
    read_ahead(batches, |batches| {
        for read in batches {
            let (lines, bytes) = read?;
            progress.advance(bytes);
            if lines.is_empty() {
                break;
            }
            let parsed: Vec<Result<T, Vec<Diagnostic>>> = lines
                .into_par_iter()
                .map(|(line_no, index, start, bytes)| {
                    let (index, record) = parse_line((program, &fast), name, (line_no, start), index, &bytes)?;
                    Ok(then((index, record, None)))
                })
                .collect();
            let mut batch = Vec::with_capacity(parsed.len());
            for p in parsed {
                match p {
                    Ok(done) => batch.push(done),
                    Err(e) => errors.extend(e),
                }
            }
            each(batch, errors);
            if errors.len() >= MAX_ERRORS {
                break;
            }
        }
        Ok(())
    })
}

/// The errors found, at most `MAX_ERRORS` of them, if there are any.
pub(crate) fn none_or_all(errors: &mut Vec<Diagnostic>) -> Result<(), Vec<Diagnostic>> {
    if errors.is_empty() {
        Ok(())
    } else {
        errors.truncate(MAX_ERRORS);
        Err(std::mem::take(errors))
    }
}

/// One line: UTF-8, then JSON, then a record of the regulation's fields.
fn parse_line(
    (program, fast): (&Program, &super::fast::FastReader),
    name: &str,
    (line_no, start): (usize, usize),
    index: usize,
    bytes: &[u8],
) -> Result<(usize, Record), Vec<Diagnostic>> {
    // Well-formed records (nearly all) are read straight from the bytes: JSON checks the
    // UTF-8 of the strings it reads, and everything else in a JSON line is ASCII.
    let line = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = if line_no == 1 { line.strip_prefix(BOM).unwrap_or(line) } else { line };
    if let Some(record) = fast.record(line) {
        return Ok((index, record));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // A byte-order mark at the start of the file does not count.
        let before = &bytes[..e.valid_up_to()];
        let before = if line_no == 1 { before.strip_prefix(BOM).unwrap_or(before) } else { before };
        let col = Start::default().after(before).char_column;
        vec![super::files::json_not_utf8(name, line_no, col, start + e.valid_up_to(), bytes)]
    })?;
    let text = if line_no == 1 { text.strip_prefix('\u{feff}').unwrap_or(text) } else { text };
    // Positions are within the line: its break is not part of it.
    let text = text.trim_end_matches(['\n', '\r']);
    let json = json_text(name, text, super::record::Start::line(line_no)).map_err(|d| vec![d])?;
    read_record(program, &json, &format!("record {}", index + 1)).map(|r| (index, r))
}

fn line_too_long(name: &str, line: usize) -> Diagnostic {
    Diagnostic::error(
        "E0718",
        tr(
            format!("{name}:{line}: the line is longer than {} MB", MAX_LINE >> 20),
            format!("{name}:{line}：这一行超过 {} MB", MAX_LINE >> 20),
        ),
    )
    .help(tr(
        "JSON Lines holds one department's record a line; a JSON array belongs in a .json file",
        "JSON Lines 文件每行一个部门的记录；JSON 数组请存为 .json 文件",
    ))
}
