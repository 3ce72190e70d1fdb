//! Results written batch by batch as a large run produces them, in input order, byte for
//! byte what the whole-file writers give for the same results.

use std::io::{self, Write};

use rayon::prelude::*;

use super::{csv_header, csv_row, json_line, result_json};
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
    out: W,
    written: usize,
}

impl<'p, W: Write> ResultWriter<'p, W> {
    /// Writes what comes before the first result.
    pub fn start(program: &'p Program, format: ResultFormat, mut out: W) -> io::Result<Self> {
        match format {
            ResultFormat::Json => {
                let title = serde_json::to_string(&program.header.title).unwrap_or_default();
                write!(out, "{{\n  \"regulation\": {title},\n  \"results\": [")?;
            }
            ResultFormat::Csv => out.write_all(&csv_line(&csv_header(program)))?,
            ResultFormat::JsonLines => {}
        }
        Ok(ResultWriter { program, format, out, written: 0 })
    }

    /// Writes a batch of results; they are formatted in parallel (on the current rayon pool).
    pub fn write(&mut self, batch: &[Evaluated]) -> io::Result<()> {
        let (program, format) = (self.program, self.format);
        let items: Vec<Vec<u8>> = batch.par_iter().map(|e| item(program, format, e)).collect();
        let mut bytes = Vec::with_capacity(items.iter().map(Vec::len).sum::<usize>() + 8 * items.len());
        for item in items {
            if format == ResultFormat::Json {
                bytes.extend_from_slice(if self.written == 0 { b"\n" } else { b",\n" });
            }
            bytes.extend(item);
            self.written += 1;
        }
        self.out.write_all(&bytes)
    }

    /// Writes what comes after the last result and hands back the destination.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == ResultFormat::Json {
            self.out.write_all(if self.written == 0 { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// One result as written, without what separates it from the one before.
fn item(program: &Program, format: ResultFormat, e: &Evaluated) -> Vec<u8> {
    let (r, inputs) = (&e.result, e.record.inputs.as_slice());
    match format {
        ResultFormat::JsonLines => json_line(program, r, inputs).into_bytes(),
        ResultFormat::Csv => csv_line(&csv_row(program, r, inputs)),
        ResultFormat::Json => {
            // The item as `to_string_pretty` prints it two levels down.
            let item = serde_json::to_string_pretty(&result_json(program, r, inputs)).unwrap_or_default();
            let mut bytes = Vec::with_capacity(item.len() + 256);
            for (i, line) in item.lines().enumerate() {
                if i > 0 {
                    bytes.push(b'\n');
                }
                bytes.extend_from_slice(b"    ");
                bytes.extend_from_slice(line.as_bytes());
            }
            bytes
        }
    }
}

fn csv_line(fields: &[String]) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(fields);
    w.into_inner().unwrap_or_default()
}
