//! XLSX data record by record (`table_stream`): each sheet read a row at a time by calamine's
//! cell reader, each cell by the rule of the whole-sheet reader (`sheet::shown_row`).
//!
//! calamine's cell reader borrows its workbook, so each sheet is read on a thread of its own
//! that owns its workbook (two where the sheet has formulas: values and formulas are read in
//! step, by two readers of the same sheet) and hands rows over a chunk at a time. With one
//! thread for the run (`--jobs 1`) a chunk is read only when it is asked for, so that the run
//! uses one core at a time; with more, the next chunk is read while this one is used.
//!
//! Only plain sheets are read so: a sheet that is hidden, that has merged cells or hidden rows
//! or columns, that unpacks to more than the whole-sheet reader reads, or whose cells are out
//! of order makes the data read whole, where the messages about them come from.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};

use calamine::{Data, Reader, SheetVisible, XlsxCellReader, open_workbook};

use super::files::list_fields;
use super::sheet::{self, Book, Cell};
use super::table_stream::{Cursor, Rows, TableSource};
use super::tables::{Row, Table};
use crate::program::Program;

/// Rows a sheet's reader hands over at a time.
const CHUNK: usize = 512;

/// Rows read, and the last row of the sheet as its dimension says (for progress); or why the
/// sheet could not be read.
type Chunk = Result<(Vec<Row>, usize), String>;

/// The records sheet and the list sheets of the workbook at `path`, ready to read together;
/// an error where a sheet is not plain (see above) or a list's sheet is missing. `checking`:
/// the rows are only checked (`table_stream::aligned`), and numbers are read only in the
/// columns the check reads.
pub(super) fn open(program: &Program, path: &Path, checking: bool) -> Result<TableSource, String> {
    let book: Book = open_workbook(path).map_err(|e: calamine::XlsxError| e.to_string())?;
    let names = book.sheet_names();
    let lists = list_fields(program);
    let unseen = super::sheet_xml::unseen(path);
    // Whether the sheet `name` is plain, and whether it has formulas.
    let plain = |name: &str| -> Result<bool, String> {
        let meta = book.sheets_metadata().iter().find(|s| s.name == name);
        let kept = unseen.sheets.get(name).ok_or("a sheet whose part was not found")?;
        let hidden = meta.is_some_and(|m| m.visible != SheetVisible::Visible);
        if hidden || kept.too_large || kept.merged || !kept.hidden.rows.is_empty() || !kept.hidden.columns.is_empty() {
            return Err("a sheet that is not plain".to_string());
        }
        Ok(kept.formulas)
    };
    let unit = checking.then(|| program.inputs[program.roles.unit].field.clone());
    let main_name = sheet::records_sheet(&names, &lists);
    let main = cursor(path, (&main_name, &main_name), (plain(&main_name)?, unseen.uncomputed), unit.clone())?;
    let mut cursors = Vec::new();
    for field in &lists {
        let found = sheet::sheet_named(&names, field).ok_or("a list's sheet is missing")?;
        cursors.push(cursor(path, (found, field), (plain(found)?, unseen.uncomputed), unit.clone())?);
    }
    TableSource::new(program, main, cursors)
}

/// The sheet `name` as the table `field` fills (the records sheet fills its own name): its
/// header read, its rows to come; `checking`: the department field, when numbers are read
/// only where a check reads them (`Checked`).
fn cursor(
    path: &Path,
    (name, field): (&str, &str),
    passes: (bool, bool),
    checking: Option<String>,
) -> Result<Cursor, String> {
    let mut rows = SheetRows::start(path, name, passes, checking)?;
    let first = rows.next_row()?;
    let header_at = first.as_ref().map_or(1, |r| r.at);
    let empty = Table { name: field.to_string(), ..sheet::table(name, sheet::header(first), header_at, Vec::new()) };
    Cursor::new(empty, Box::new(rows))
}

/// The rows of one sheet, from the thread that reads them. The first row is the header (the
/// first with anything in it); blank rows after it are left out.
struct SheetRows {
    link: Option<Link>,
    /// Rows received and not yet taken.
    rows: std::vec::IntoIter<Row>,
    /// Whether the last chunk has arrived.
    done: bool,
    /// The workbook's size in bytes, the sheet's last row, and the row last taken: the share
    /// of the file read, for a progress bar.
    progress: (u64, usize, usize),
    thread: Option<std::thread::JoinHandle<()>>,
}

/// The channels to a sheet's reader: requests for a chunk, and the chunks.
struct Link {
    wanted: Sender<()>,
    chunks: Receiver<Chunk>,
}

impl SheetRows {
    /// Starts the thread that reads the sheet `name`; `(formulas, uncomputed)`: whether the
    /// sheet has formulas, and whether the workbook's formula values are placeholders;
    /// `checking` as for `cursor`.
    fn start(path: &Path, name: &str, passes: (bool, bool), checking: Option<String>) -> Result<SheetRows, String> {
        let (wanted, asked) = channel();
        let (sender, chunks) = sync_channel(2);
        let (path_buf, name_owned) = (path.to_path_buf(), name.to_string());
        let thread = std::thread::Builder::new()
            .name("jixiao-sheet".to_string())
            .spawn(move || read_sheet((&path_buf, &name_owned), passes, checking, &asked, &sender))
            .map_err(|e| e.to_string())?;
        if rayon::current_num_threads() > 1 {
            // One chunk more than is taken: the next is read while this one is used.
            let _ = wanted.send(());
        }
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        Ok(SheetRows {
            link: Some(Link { wanted, chunks }),
            rows: Vec::new().into_iter(),
            done: false,
            progress: (size, 1, 0),
            thread: Some(thread),
        })
    }

    /// Receives the next chunk of rows.
    fn receive(&mut self) -> Result<(), String> {
        let link = self.link.as_ref().ok_or("the sheet is closed")?;
        // A reader that has stopped needs no more requests; its chunks say why it stopped.
        let _ = link.wanted.send(());
        let (rows, last) = link.chunks.recv().map_err(|_| "the sheet's reader stopped".to_string())??;
        self.done = rows.len() < CHUNK;
        self.progress.1 = last;
        self.rows = rows.into_iter();
        Ok(())
    }
}

impl Rows for SheetRows {
    fn next_row(&mut self) -> Result<Option<Row>, String> {
        loop {
            if let Some(row) = self.rows.next() {
                self.progress.2 = row.at;
                return Ok(Some(row));
            }
            if self.done {
                return Ok(None);
            }
            self.receive()?;
        }
    }

    fn bytes_read(&self) -> u64 {
        let (size, last, at) = self.progress;
        (size as u128 * at as u128 / last.max(at).max(1) as u128) as u64
    }
}

impl Drop for SheetRows {
    fn drop(&mut self) {
        // The reader stops when no one asks for or takes its rows.
        self.link.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The reader's thread: a chunk of rows of the sheet `name` for each request, until the
/// sheet ends or no one asks.
fn read_sheet(
    sheet: (&Path, &str),
    passes: (bool, bool),
    checking: Option<String>,
    asked: &Receiver<()>,
    sender: &SyncSender<Chunk>,
) {
    if let Err(e) = send_rows(sheet, passes, checking, asked, sender) {
        let _ = sender.send(Err(e));
    }
}

fn send_rows(
    (path, name): (&Path, &str),
    (formulas, uncomputed): (bool, bool),
    checking: Option<String>,
    asked: &Receiver<()>,
    sender: &SyncSender<Chunk>,
) -> Result<(), String> {
    let failed = |e: calamine::XlsxError| e.to_string();
    let mut values_book: Book = open_workbook(path).map_err(failed)?;
    let mut formulas_book: Option<Book> = if formulas { Some(open_workbook(path).map_err(failed)?) } else { None };
    let values = values_book.worksheet_cells_reader(name).map_err(failed)?;
    let formulas = formulas_book.as_mut().map(|b| b.worksheet_cells_reader(name)).transpose().map_err(failed)?;
    let last = values.dimensions().end.0 as usize + 1;
    let formats = sheet::formats(values.styles());
    let mut cells = SheetCells { values, formulas, pending: None, last_row: None, header_read: false, ended: false };
    let mut checked = checking.map(|unit| Checked { unit, read: Vec::new() });
    while asked.recv().is_ok() {
        let mut rows = Vec::with_capacity(CHUNK);
        while rows.len() < CHUNK {
            let Some((at, mut row)) = cells.next_row()? else { break };
            if let Some(checked) = &checked {
                checked.skip_numbers(&mut row);
            }
            let row = sheet::shown_row(at, &row, &formats, uncomputed);
            // Blank rows are skipped after the header, as the whole-sheet reader skips them.
            if !cells.header_read {
                if let Some(checked) = &mut checked {
                    checked.header(&row);
                }
                rows.push(row);
                cells.header_read = true;
            } else if !row.is_blank() {
                rows.push(row);
            }
        }
        let end = rows.len() < CHUNK;
        if sender.send(Ok((rows, last))).is_err() || end {
            break;
        }
    }
    Ok(())
}

/// The columns whose numbers a check of the rows reads (`table_stream::aligned`): the first
/// (a list's department), the department's, and those without a name. Reading a number as the
/// sheet shows it is most of the cost of reading a sheet; elsewhere the check needs only to
/// know that a cell holds something.
struct Checked {
    /// The department field.
    unit: String,
    /// By column, whether its numbers are read (columns past the header's are).
    read: Vec<bool>,
}

impl Checked {
    /// Notes the columns of the header row.
    fn header(&mut self, header: &Row) {
        let header = sheet::header(Some(header.clone()));
        self.read = header.iter().enumerate().map(|(c, h)| c == 0 || h.is_empty() || *h == self.unit).collect();
    }

    /// Puts a mark that is not blank in place of each number the check does not read.
    fn skip_numbers(&self, row: &mut [Cell]) {
        for (c, cell) in row.iter_mut().enumerate() {
            let number = matches!(cell.value, Data::Float(_) | Data::Int(_) | Data::DateTime(_));
            if number && cell.formula.is_none() && !self.read.get(c).copied().unwrap_or(true) {
                cell.value = Data::Bool(true);
            }
        }
    }
}

/// A cell and its place (row and column, 0-based).
type Placed = ((u32, u32), Cell);

/// A sheet's cells in order, gathered into rows: the values with their styles, and the
/// formulas (where the sheet has any) read in step by a second reader.
struct SheetCells<'a> {
    values: XlsxCellReader<'a, std::io::BufReader<std::fs::File>>,
    formulas: Option<XlsxCellReader<'a, std::io::BufReader<std::fs::File>>>,
    /// The first cell of the next row, read past the end of the row before.
    pending: Option<Placed>,
    /// The last row read (0-based): rows must come in order.
    last_row: Option<u32>,
    /// Whether the header (the first row with anything in it) has been read.
    header_read: bool,
    /// Whether the last cell has been read (a reader asked again reads past the sheet's end).
    ended: bool,
}

impl SheetCells<'_> {
    /// The next cell with a value or a formula, and its place.
    fn next_cell(&mut self) -> Result<Option<Placed>, String> {
        loop {
            if self.ended {
                return Ok(None);
            }
            let Some((cell, style)) = self.values.next_cell_with_style_id().map_err(|e| e.to_string())? else {
                self.ended = true;
                return Ok(None);
            };
            let at = cell.get_position();
            let formula = match &mut self.formulas {
                Some(reader) => {
                    let f = reader.next_formula().map_err(|e| e.to_string())?.ok_or("formulas out of step")?;
                    if f.get_position() != at {
                        return Err("formulas out of step".to_string());
                    }
                    Some(f.get_value().clone()).filter(|f| !f.is_empty())
                }
                None => None,
            };
            let value = Data::from(cell.get_value().clone());
            if !matches!(value, Data::Empty) || formula.is_some() {
                return Ok(Some((at, Cell { value, style, formula })));
            }
        }
    }

    /// The next row with anything in it: its sheet row (1-based) and its cells from column A
    /// to its last. Rows and the cells of a row must come in order (the whole-sheet reader
    /// places cells wherever they come).
    fn next_row(&mut self) -> Result<Option<(usize, Vec<Cell>)>, String> {
        let first = match self.pending.take() {
            Some(cell) => cell,
            None => match self.next_cell()? {
                Some(cell) => cell,
                None => return Ok(None),
            },
        };
        let ((r, c), cell) = first;
        let out_of_order = || "cells out of order".to_string();
        if self.last_row.is_some_and(|last| r <= last) {
            return Err(out_of_order());
        }
        self.last_row = Some(r);
        let mut cells = vec![Cell::default(); c as usize + 1];
        cells[c as usize] = cell;
        while let Some(((row, col), cell)) = self.next_cell()? {
            if row != r {
                self.pending = Some(((row, col), cell));
                break;
            }
            if (col as usize) < cells.len() {
                return Err(out_of_order());
            }
            cells.resize(col as usize + 1, Cell::default());
            cells[col as usize] = cell;
        }
        Ok(Some((r as usize + 1, cells)))
    }
}
