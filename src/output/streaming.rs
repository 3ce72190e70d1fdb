//! Results written batch by batch as a large run produces them, in input order, byte for
//! byte what the whole-file writers give for the same results. Nothing is written before the
//! first result (or the end): a run that fails before it has printed nothing of the document.

use std::io::{self, Write};

use rayon::prelude::*;

use super::{BOM, ResultJsonWriter, csv_header_line, csv_result_line, json_head, json_tail};
use crate::eval::stream::Evaluated;
use crate::program::Program;

/// The result formats that can be written as they come (a ranked table or a workbook needs
/// every result first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultFormat {
    Json,
    JsonLines,
    Csv,
}

pub struct ResultWriter<'p, W: Write> {
    program: &'p Program,
    format: ResultFormat,
    lines: ResultJsonWriter<'p>,
    out: W,
    written: usize,
    /// Whether what comes before the first result has been written.
    started: bool,
    bom: bool,
    /// The parameters `--set` changed, for CSV's last column (`table::parameters_said`).
    set: Option<String>,
}

impl<'p, W: Write> ResultWriter<'p, W> {
    /// A writer to `out`; what comes before the first result waits for it (CSV starts with
    /// a byte-order mark unless `without_bom`).
    pub fn start(program: &'p Program, format: ResultFormat, out: W) -> io::Result<Self> {
        let lines = ResultJsonWriter::new(program);
        Ok(ResultWriter { program, format, lines, out, written: 0, started: false, bom: true, set: None })
    }

    /// CSV with a last column saying which parameters `--set` changed (`None`: none).
    pub fn with_parameters_set(mut self, set: Option<String>) -> Self {
        self.set = set;
        self
    }

    /// CSV without the byte-order mark.
    pub fn without_bom(mut self) -> Self {
        self.bom = false;
        self
    }

    /// Writes what comes before the first result, once.
    fn prelude(&mut self) -> io::Result<()> {
        if std::mem::replace(&mut self.started, true) {
            return Ok(());
        }
        match self.format {
            ResultFormat::Json => self.out.write_all(json_head(self.program).as_bytes()),
            ResultFormat::Csv => {
                if self.bom {
                    self.out.write_all(BOM.as_bytes())?;
                }
                self.out.write_all(&csv_header_line(self.program, self.set.as_deref()))
            }
            ResultFormat::JsonLines => Ok(()),
        }
    }

    /// Writes a batch of results; they are formatted in parallel (on the current rayon pool),
    /// a chunk at a time.
    pub fn write(&mut self, batch: &[Evaluated]) -> io::Result<()> {
        const CHUNK: usize = 256;
        if batch.is_empty() {
            return Ok(());
        }
        self.prelude()?;
        let (first, program, format, lines) = (self.written, self.program, self.format, &self.lines);
        let set = self.set.as_deref();
        let chunks: Vec<Vec<u8>> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut out = Vec::with_capacity(chunk.len() * 1024);
                for (k, e) in chunk.iter().enumerate() {
                    item((program, format, lines, set), first + c * CHUNK + k, e, &mut out);
                }
                out
            })
            .collect();
        self.written += batch.len();
        chunks.iter().try_for_each(|c| self.out.write_all(c))
    }

    /// Writes what comes after the last result and hands back the destination.
    pub fn finish(mut self) -> io::Result<W> {
        self.prelude()?;
        if self.format == ResultFormat::Json {
            self.out.write_all(json_tail(self.written))?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The `index`th result as written, after what separates it from the one before.
fn item(
    (program, format, lines, set): (&Program, ResultFormat, &ResultJsonWriter, Option<&str>),
    index: usize,
    e: &Evaluated,
    out: &mut Vec<u8>,
) {
    let (r, inputs) = (&e.result, e.record.inputs.as_slice());
    match format {
        ResultFormat::JsonLines => lines.line(r, inputs, out),
        ResultFormat::Csv => out.extend(csv_result_line(program, r, inputs, set)),
        ResultFormat::Json => {
            out.extend_from_slice(if index == 0 { b"\n" } else { b",\n" });
            lines.item(r, inputs, out);
        }
    }
}
