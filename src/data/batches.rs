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
use crate::lang::msg;
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
pub(crate) type ReadRecord = (usize, Record, Cells);

/// For a record read from tables: where each of its values came from (by field path).
pub(crate) type Cells = Option<std::collections::HashMap<String, String>>;

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
    mut each: impl FnMut(Vec<ReadRecord>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    each_batch_then(
        program,
        data,
        progress,
        errors,
        |record, cells| (record, cells),
        |batch, errors| {
            each(batch.into_iter().map(|(index, (record, cells))| (index, record, cells)).collect(), errors)
        },
    )
}

/// `each_batch`, with `then` done to each record by the thread that read it, as soon as it
/// is read (while it is still in that processor's caches; a batch's records together are
/// larger than them): `each` gets what `then` gives, with the record's index, in input order.
pub(crate) fn each_batch_then<T: Send>(
    program: &Program,
    data: Data,
    progress: &dyn Progress,
    errors: &mut Vec<Diagnostic>,
    then: impl Fn(Record, Cells) -> T + Sync,
    mut each: impl FnMut(Vec<(usize, T)>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    match (data.format, data.source) {
        (DataFormat::Csv | DataFormat::Xlsx, Source::File(path)) => super::table_stream::each_batch(
            program,
            (data.format, path),
            BATCH,
            |bytes| progress.advance(bytes),
            |batch, found| {
                errors.extend(found);
                each(
                    batch.into_par_iter().map(|(index, record, cells)| (index, then(record, cells))).collect(),
                    errors,
                );
                errors.len() < MAX_ERRORS
            },
        )?,
        (DataFormat::Json, _) if rayon::current_num_threads() > 1 => {
            each_json_array_in_blocks(program, (data, BLOCK), progress, errors, &then, &mut each)?
        }
        (DataFormat::Json, _) => each_json_array_batch(program, data, progress, errors, (0, 0), &then, &mut each)?,
        (DataFormat::JsonLines, _) => each_json_lines_batch(program, data, progress, errors, then, each)?,
        // Tables are read from their files (CSV beside its list files, a workbook's sheets).
        (DataFormat::Csv | DataFormat::Xlsx, _) => {
            let why = msg!("data-table-read-file-not-batch");
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
/// `start`: the byte to start at and the index of the element there (0, 0: the file's start;
/// anything else must be just after an element).
fn each_json_array_batch<T: Send>(
    program: &Program,
    data: Data,
    progress: &dyn Progress,
    errors: &mut Vec<Diagnostic>,
    (offset, mut index): (u64, usize),
    then: &(impl Fn(Record, Cells) -> T + Sync),
    each: &mut impl FnMut(Vec<(usize, T)>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    let unreadable = |e: std::io::Error| vec![super::files::cannot_read(data.name, &crate::lang::io_words(&e))];
    let fast = super::fast::FastReader::new(program);
    let mut elements = Elements::resume(data.source.open_at(offset).map_err(unreadable)?, offset, offset > 0);
    let mut done = false;
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
            let records = in_order(data, batch, errors, |index, piece| match piece {
                Piece::Read(record) => Ok(then(record, None)),
                Piece::Cut(e) => cut_out(program, &fast, then, index, e),
            })?;
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

/// The bytes of a JSON array that one thread reads at a time when there are several: a
/// block ends where an element probably ends (`probable_end`).
const BLOCK: usize = 128 << 10;

/// A stretch of a JSON array's text that probably starts and ends between elements, and where
/// it starts in the file.
struct Block {
    bytes: Vec<u8>,
    offset: u64,
}

/// How a block read in place ended.
enum BlockEnd {
    /// Just after an element (and whitespace): the next block starts between elements.
    Between,
    /// With the array's closing bracket and whitespace.
    Closed,
    /// Anything else: a fault, or the block did not start or end between elements.
    Unsure,
}

/// `each_batch` for a JSON array on more than one thread, about `size` bytes (a block) to a
/// thread at a time. The reading thread only cuts the file into blocks, each ending where an
/// element probably ends; each block is read in place, element by element, by one thread,
/// which evaluates (`then`) each record as it reads it. A block is taken only if every block
/// before it ended between elements: then it started between elements too, and was read as
/// reading the array in one piece reads it. From the first block that did not end so (a
/// guess inside a string, a fault), the rest is read by cutting it into elements
/// (`each_json_array_batch`), which says what is wrong, if anything.
fn each_json_array_in_blocks<T: Send>(
    program: &Program,
    (data, size): (Data, usize),
    progress: &dyn Progress,
    errors: &mut Vec<Diagnostic>,
    then: &(impl Fn(Record, Cells) -> T + Sync),
    each: &mut impl FnMut(Vec<(usize, T)>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    let unreadable = |e: std::io::Error| vec![super::files::cannot_read(data.name, &crate::lang::io_words(&e))];
    let fast = super::fast::FastReader::new(program);
    let reader = data.source.open().map_err(unreadable)?;
    let groups = block_groups(reader, &fast, 2 * rayon::current_num_threads(), size);
    let resume = read_ahead(groups, |groups| -> Result<Option<(u64, usize)>, Vec<Diagnostic>> {
        let (mut index, mut closed) = (0, false);
        for group in groups {
            let group = group.map_err(unreadable)?;
            let reads: Vec<_> = group.par_iter().map(|block| read_block(&fast, then, block)).collect();
            let (mut batch, mut resume) = (Vec::new(), None);
            for (block, (items, end)) in group.iter().zip(reads) {
                if closed {
                    // Something after the closing bracket.
                    return Err(vec![first_error(data.name, data.source, None)]);
                }
                if let BlockEnd::Unsure = end {
                    resume = Some((block.offset, index));
                    break;
                }
                closed = matches!(end, BlockEnd::Closed);
                progress.advance(block.bytes.len() as u64);
                for item in items {
                    batch.push((index, item));
                    index += 1;
                }
            }
            let records = in_order(data, batch, errors, |index, item| match item {
                Ok(done) => Ok(done),
                Err(e) => cut_out(program, &fast, then, index, e),
            })?;
            each(records, errors);
            if resume.is_some() {
                return Ok(resume);
            }
            if errors.len() >= MAX_ERRORS {
                // Enough faults: the rest goes to the cutting reading, which reads one batch
                // more and then only checks that the rest is JSON.
                let next = group.last().map_or(0, |b| b.offset + b.bytes.len() as u64);
                return Ok((!closed).then_some((next, index)));
            }
        }
        if !closed {
            // The file ended without closing the array (or was empty).
            return Err(vec![first_error(data.name, data.source, None)]);
        }
        Ok(None)
    })?;
    match resume {
        Some(start) => each_json_array_batch(program, data, progress, errors, start, then, each),
        None => Ok(()),
    }
}

/// A block read in place: each element's record as `then` made it, or the element cut out
/// where it could not be read in place; and how the block ended.
fn read_block<T>(
    fast: &super::fast::FastReader,
    then: &impl Fn(Record, Cells) -> T,
    block: &Block,
) -> (Vec<Result<T, Element>>, BlockEnd) {
    let mut elements = Elements::resume(&block.bytes[..], block.offset, block.offset > 0);
    let mut items = Vec::new();
    loop {
        match elements.next_read(fast) {
            Ok(Found::Record(record, _)) => items.push(Ok(then(record, None))),
            Ok(Found::Next(Next::Element(e))) => items.push(Err(e)),
            Ok(Found::Next(Next::End)) => return (items, BlockEnd::Closed),
            // The block's end, just after an element; or a fault.
            Ok(Found::Next(Next::Malformed)) => {
                let whole = elements.offset() == block.offset + block.bytes.len() as u64;
                let end = if whole && elements.between_elements() { BlockEnd::Between } else { BlockEnd::Unsure };
                return (items, end);
            }
            Err(_) => return (items, BlockEnd::Unsure),
        }
    }
}

/// The file in blocks of about `size` bytes, `count` blocks at a time. Where no element
/// seems to end within eight blocks' worth (at least 1 MB), that much is one block (its
/// reading will not be sure, and the cutting reading takes over).
fn block_groups<'a>(
    mut reader: Box<dyn BufRead + Send + 'a>,
    fast: &'a super::fast::FastReader,
    count: usize,
    size: usize,
) -> impl Iterator<Item = std::io::Result<Vec<Block>>> + Send + 'a {
    let (mut carry, mut offset, mut searched, mut eof) = (Vec::new(), 0u64, size, false);
    let mut next = move || -> std::io::Result<Option<Block>> {
        loop {
            if carry.len() > searched {
                let most = (8 * size).max(1 << 20);
                let end = match probable_end(fast, &carry, searched, eof) {
                    Ok(end) => Some(end),
                    Err(more) => {
                        // Not in what has been read yet (a long element, or a record still to
                        // come): from `more` on again once more is read.
                        searched = more;
                        (carry.len() > most).then_some(carry.len())
                    }
                };
                if let Some(end) = end {
                    let rest = carry.split_off(end);
                    let bytes = std::mem::replace(&mut carry, rest);
                    let block = Block { offset, bytes };
                    offset += block.bytes.len() as u64;
                    searched = size;
                    return Ok(Some(block));
                }
            }
            if eof {
                return Ok((!carry.is_empty()).then(|| Block { offset, bytes: std::mem::take(&mut carry) }));
            }
            // A block's worth at a time: what follows a block's end is copied again.
            let buf = reader.fill_buf()?;
            let n = buf.len().min(size);
            eof = n == 0;
            carry.extend_from_slice(&buf[..n]);
            reader.consume(n);
        }
    };
    let mut failed = false;
    std::iter::from_fn(move || {
        if failed {
            return None;
        }
        let mut group = Vec::with_capacity(count);
        while group.len() < count {
            match next() {
                Ok(Some(block)) => group.push(block),
                Ok(None) => break,
                Err(e) => {
                    failed = true;
                    return Some(Err(e));
                }
            }
        }
        (!group.is_empty()).then_some(Ok(group))
    })
}

/// Where an element probably ends, at or after `from`: just after a `}` that whitespace, a
/// comma, whitespace and a record the fast reader reads follow. (Objects inside records end
/// so too, but what follows them is not a whole record.) It may still be inside a string: the
/// blocks before tell. `Err`: where to look again once more of the file is in `bytes`
/// (`whole`: the file ends with them). A record is looked for in the next `RECORD` bytes: a
/// file of longer records is not cut into blocks (it is read by cutting it into elements).
fn probable_end(fast: &super::fast::FastReader, bytes: &[u8], from: usize, whole: bool) -> Result<usize, usize> {
    const RECORD: usize = 16 << 10;
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let mut at = from.min(bytes.len());
    while let Some(k) = memchr::memchr(b'}', &bytes[at..]) {
        let brace = at + k;
        let rest = &bytes[brace + 1..];
        let Some(comma) = rest.iter().position(|b| !space(b)) else { return Err(brace) };
        if rest[comma] == b',' {
            let Some(next) = rest[comma + 1..].iter().position(|b| !space(b)) else { return Err(brace) };
            let record = &rest[comma + 1 + next..];
            if record[0] == b'{' {
                if fast.record_at(record, RECORD).is_some() {
                    return Ok(brace + 1);
                }
                // Perhaps a record not read whole yet.
                if record.len() < RECORD && !whole {
                    return Err(brace);
                }
            }
        }
        at = brace + 1;
    }
    Err(bytes.len())
}

/// A batch's items made records (`make`, in parallel), in input order, with their index. The
/// faults of records are added to `errors`; an element that is not JSON text is the file's
/// fault, as reading the whole file reports it.
fn in_order<I: Send, T: Send>(
    data: Data,
    batch: Vec<(usize, I)>,
    errors: &mut Vec<Diagnostic>,
    make: impl Fn(usize, I) -> Result<T, (Option<Vec<Diagnostic>>, Element)> + Sync,
) -> Result<Vec<(usize, T)>, Vec<Diagnostic>> {
    let made: Vec<_> = batch.into_par_iter().map(|(index, item)| (index, make(index, item))).collect();
    let mut records = Vec::with_capacity(made.len());
    for (index, m) in made {
        match m {
            Ok(done) => records.push((index, done)),
            Err((Some(e), _)) => errors.extend(e),
            Err((None, element)) => return Err(vec![first_error(data.name, data.source, Some(&element))]),
        }
    }
    Ok(records)
}

/// An element cut out of the array, read by the checking reader, then `then` done to it.
fn cut_out<T>(
    program: &Program,
    fast: &super::fast::FastReader,
    then: &impl Fn(Record, Cells) -> T,
    index: usize,
    e: Element,
) -> Result<T, (Option<Vec<Diagnostic>>, Element)> {
    match parse_element(program, fast, &e, index) {
        Ok((_, record)) => Ok(then(record, None)),
        Err(fault) => Err((fault, e)),
    }
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
    then: impl Fn(Record, Cells) -> T + Sync,
    mut each: impl FnMut(Vec<(usize, T)>, &mut Vec<Diagnostic>),
) -> Result<(), Vec<Diagnostic>> {
    let name = data.name;
    let unreadable = |e: std::io::Error| vec![super::files::cannot_read(name, &crate::lang::io_words(&e))];
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
            let parsed: Vec<Result<(usize, T), Vec<Diagnostic>>> = lines
                .into_par_iter()
                .map(|(line_no, index, start, bytes)| {
                    let (index, record) = parse_line((program, &fast), name, (line_no, start), index, &bytes)?;
                    Ok((index, then(record, None)))
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
    Diagnostic::error("E0718", msg!("data-name-line-line-longer-than", name, line, value = MAX_LINE >> 20))
        .help(msg!("data-json-lines-holds-one-department"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// What reading an array gives: the fault of the file; or the records with their index
    /// and the faults in records (with a fault of the file, every caller reports that alone).
    fn outcome(
        read: impl FnOnce(&mut Vec<Diagnostic>, &mut Vec<(usize, Record)>) -> Result<(), Vec<Diagnostic>>,
    ) -> String {
        let (mut errors, mut records) = (Vec::new(), Vec::new());
        match read(&mut errors, &mut records) {
            Err(fault) => format!("{fault:?}"),
            Ok(()) => format!("{records:?}\n{errors:?}"),
        }
    }

    /// Arrays of real records, whole and with random faults, and with a name that holds what
    /// looks like the end of an element and a whole record, read in blocks of many sizes on
    /// two threads: the records, faults and indices are those of cutting the array into
    /// elements. Whole arrays are read in blocks, not by the cutting reading they fall back to.
    #[test]
    fn reading_in_blocks_gives_what_cutting_gives() {
        let text = std::fs::read_to_string("regulations/jiangsu-2011.jx").unwrap();
        let (program, _) = crate::compile(&SourceFile::new("j.jx", text)).unwrap();
        let fast = super::super::fast::FastReader::new(&program);
        let examples = std::fs::read_to_string("examples/jiangsu-2011/departments.json").unwrap();
        let records: Vec<serde_json::Value> = serde_json::from_str(&examples).unwrap();
        let lines: Vec<String> = records.iter().take(8).map(|r| serde_json::to_string(r).unwrap()).collect();
        // A name holding `}, ` and a whole record, escaped: a block may end inside it.
        let inner = serde_json::to_string(&format!("}}, {}", lines[0])).unwrap();
        let tricky = lines[1].replacen("\"部门\":\"省", &format!("\"部门\":{},\"x\":\"", inner), 1);
        let tricky = tricky.replacen("\"x\":\"", "\"部门2\":\"", 1);
        let bad_score = lines[2].replacen("\"评估计划\":", "\"评估计划\":1", 1);
        let bases = [
            format!("[{}]", lines.join(",")),
            serde_json::to_string_pretty(&records[..6]).unwrap(),
            format!("\u{feff}[\n{},\n{tricky},\n{}\n]\n", lines[..4].join(",\n"), lines[4..].join(" , ")),
            format!("[{bad_score},{},{bad_score}]", lines[3]),
            format!("[{}] {{}}, {}", lines[5], lines[6]),
            format!("[{}, {}", lines[6], lines[7]),
        ];
        for base in &bases[..2] {
            for size in [40, 700, 3000] {
                let groups = block_groups(Box::new(base.as_bytes()), &fast, 3, size);
                let blocks: Vec<Block> = groups.flat_map(|g| g.unwrap()).collect();
                assert!(blocks.len() > 1, "{size}");
                for block in &blocks {
                    let (_, end) = read_block(&fast, &|r: Record, _: Cells| r, block);
                    let text = String::from_utf8_lossy(&block.bytes);
                    assert!(matches!(end, BlockEnd::Between | BlockEnd::Closed), "{size} at {}: {text}", block.offset);
                }
            }
        }
        let junk = b"[]{}\",:x0-.e\\ \n\xff";
        let mut random = crate::number::xorshift(0x9e37_79b9_7f4a_7c15);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let mut compared = 0;
        for base in &bases {
            for round in 0..40 {
                let faults = if round < 4 { 0 } else { random() % 3 + 1 };
                let bytes = super::super::json_array::damaged(base, junk, faults, &mut random);
                let data = Data { name: "d.json", format: DataFormat::Json, source: Source::Bytes(&bytes) };
                let then = |record: Record, _: Cells| record;
                let cut = pool.install(|| {
                    outcome(|errors, out| {
                        let mut each = |b: Vec<(usize, Record)>, _: &mut Vec<Diagnostic>| out.extend(b);
                        each_json_array_batch(&program, data, &Quiet, errors, (0, 0), &then, &mut each)
                    })
                });
                for size in [40, 700, 3000, BLOCK] {
                    let blocks = pool.install(|| {
                        outcome(|errors, out| {
                            let mut each = |b: Vec<(usize, Record)>, _: &mut Vec<Diagnostic>| out.extend(b);
                            each_json_array_in_blocks(&program, (data, size), &Quiet, errors, &then, &mut each)
                        })
                    });
                    assert_eq!(blocks, cut, "round {round} in blocks of {size}: {}", String::from_utf8_lossy(&bytes));
                    compared += usize::from(cut.starts_with("[(0,"));
                }
            }
        }
        assert!(compared > 60, "{compared}");
    }
}
