//! Records between the passes of a streamed run, in a temporary file. A ranking needs every
//! record's key before any record's later values; instead of reading and evaluating the data
//! again after each ranking, each record's values so far (and the inputs later values use) are
//! written here in a compact form and read back, which costs a fraction of parsing JSON.
//!
//! A record is its length (4 bytes, little-endian) and then its unit, inputs, values and
//! exact values before rounding. A value is a tag byte and its parts; integers are LEB128,
//! signed ones zigzagged.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, Write};

use super::{Record, UnitResult, Value};
use crate::number::Number;

/// Records written in order, to be read back in the same order.
pub struct SpillWriter {
    out: BufWriter<File>,
    bytes: u64,
}

impl SpillWriter {
    pub fn new() -> std::io::Result<SpillWriter> {
        Ok(SpillWriter { out: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?), bytes: 0 })
    }

    /// Writes records already encoded by `encode`.
    pub fn write(&mut self, encoded: &[u8]) -> std::io::Result<()> {
        self.bytes += encoded.len() as u64;
        self.out.write_all(encoded)
    }

    /// The records written, to be read from the start.
    pub fn finish(self) -> std::io::Result<SpillReader> {
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.rewind()?;
        Ok(SpillReader { input: BufReader::with_capacity(1 << 20, file), bytes: self.bytes })
    }
}

pub struct SpillReader {
    input: BufReader<File>,
    /// The bytes written, for progress.
    pub bytes: u64,
}

impl SpillReader {
    /// The next record's bytes (without its length), or `None` at the end. A file that ends
    /// inside a record is an error.
    pub fn next(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        if self.input.fill_buf()?.is_empty() {
            return Ok(None);
        }
        let mut len = [0u8; 4];
        self.input.read_exact(&mut len)?;
        let mut bytes = vec![0u8; u32::from_le_bytes(len) as usize];
        self.input.read_exact(&mut bytes)?;
        Ok(Some(bytes))
    }
}

/// Appends one record to `out`: its unit, the inputs that `keep` marks (the others are read
/// back as absent), and its values so far.
pub fn encode(record: &Record, result: &UnitResult, keep: &[bool], out: &mut Vec<u8>) {
    let start = out.len();
    out.extend_from_slice(&[0; 4]);
    text(&record.unit, out);
    for (value, &kept) in record.inputs.iter().zip(keep) {
        value_bytes(if kept { value } else { &Value::Absent }, out);
    }
    for value in &result.values {
        value_bytes(value, out);
    }
    for exact in &result.unrounded {
        match exact {
            None => out.push(NONE),
            Some(v) => value_bytes(v, out),
        }
    }
    let len = (out.len() - start - 4) as u32;
    out[start..start + 4].copy_from_slice(&len.to_le_bytes());
}

/// A record written by `encode` with `inputs` inputs and `values` values; `None` if the
/// bytes are not one (the temporary file was changed).
pub fn decode(bytes: &[u8], inputs: usize, values: usize) -> Option<(Record, UnitResult)> {
    let mut r = Bytes(bytes, 0);
    let unit = r.text()?;
    let inputs = (0..inputs).map(|_| r.value()).collect::<Option<Vec<_>>>()?;
    let values = (0..values).map(|_| r.value()).collect::<Option<Vec<_>>>()?;
    let unrounded = (0..values.len())
        .map(|_| if r.0.first() == Some(&NONE) { r.byte().map(|_| None) } else { r.value().map(Some) })
        .collect::<Option<Vec<_>>>()?;
    if !r.0.is_empty() {
        return None;
    }
    Some((Record { unit: unit.clone(), inputs, written: None }, UnitResult { unit, values, unrounded }))
}

const ABSENT: u8 = 0;
const NUM: u8 = 1;
const FALSE: u8 = 2;
const TRUE: u8 = 3;
const TEXT: u8 = 4;
const LEVEL: u8 = 5;
const LIST: u8 = 6;
const WEIGHTED: u8 = 7;
const TALLY: u8 = 8;
const MAP: u8 = 9;
const RECORD: u8 = 10;
/// No exact value before rounding (it equals the value).
const NONE: u8 = 255;

fn value_bytes(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Absent => out.push(ABSENT),
        Value::Num(n) => {
            out.push(NUM);
            number(*n, out);
        }
        Value::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
        Value::Text(s) => {
            out.push(TEXT);
            text(s, out);
        }
        Value::Level(i) => {
            out.push(LEVEL);
            unsigned(*i as u128, out);
        }
        Value::List(items) | Value::Map(items) | Value::Record(items) => {
            out.push(match v {
                Value::List(_) => LIST,
                Value::Map(_) => MAP,
                _ => RECORD,
            });
            unsigned(items.len() as u128, out);
            items.iter().for_each(|i| value_bytes(i, out));
        }
        Value::Weighted(pairs) => {
            out.push(WEIGHTED);
            unsigned(pairs.len() as u128, out);
            for (a, b) in pairs {
                number(*a, out);
                number(*b, out);
            }
        }
        Value::Tally(counts) => {
            out.push(TALLY);
            unsigned(counts.len() as u128, out);
            counts.iter().for_each(|n| number(*n, out));
        }
    }
}

fn number(n: Number, out: &mut Vec<u8>) {
    let (num, den) = n.parts();
    unsigned(((num << 1) ^ (num >> 127)) as u128, out);
    unsigned(den as u128, out);
}

fn text(s: &str, out: &mut Vec<u8>) {
    unsigned(s.len() as u128, out);
    out.extend_from_slice(s.as_bytes());
}

fn unsigned(mut n: u128, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Values nest as deep as a record's shape (a list of records per indicator is four levels);
/// deeper bytes were not written here, and reading them must not exhaust the stack.
const MAX_DEPTH: usize = 64;

/// The bytes not yet read, and how deep in a value the reading is.
struct Bytes<'a>(&'a [u8], usize);

impl Bytes<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    fn unsigned(&mut self) -> Option<u128> {
        let mut n = 0u128;
        for shift in (0..128).step_by(7) {
            let b = self.byte()?;
            n |= u128::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.unsigned()?).ok()?;
        // Every item takes at least a byte: a larger count is not from `encode`.
        (n <= self.0.len()).then_some(n)
    }

    fn number(&mut self) -> Option<Number> {
        let zigzag = self.unsigned()?;
        let num = ((zigzag >> 1) as i128) ^ -((zigzag & 1) as i128);
        let den = i128::try_from(self.unsigned()?).ok()?;
        Number::from_parts(num, den)
    }

    fn text(&mut self) -> Option<String> {
        let len = self.count()?;
        let (s, rest) = self.0.split_at(len);
        self.0 = rest;
        String::from_utf8(s.to_vec()).ok()
    }

    fn items(&mut self) -> Option<Vec<Value>> {
        let n = self.count()?;
        self.1 += 1;
        if self.1 > MAX_DEPTH {
            return None;
        }
        let items = (0..n).map(|_| self.value()).collect();
        self.1 -= 1;
        items
    }

    fn value(&mut self) -> Option<Value> {
        Some(match self.byte()? {
            ABSENT => Value::Absent,
            NUM => Value::Num(self.number()?),
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            TEXT => Value::Text(self.text()?),
            LEVEL => Value::Level(usize::try_from(self.unsigned()?).ok()?),
            LIST => Value::List(self.items()?),
            MAP => Value::Map(self.items()?),
            RECORD => Value::Record(self.items()?),
            WEIGHTED => {
                let n = self.count()?;
                Value::Weighted((0..n).map(|_| Some((self.number()?, self.number()?))).collect::<Option<_>>()?)
            }
            TALLY => {
                let n = self.count()?;
                Value::Tally((0..n).map(|_| self.number()).collect::<Option<_>>()?)
            }
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(num: i128, den: i128) -> Number {
        Number::from_parts(num, den).expect("a number")
    }

    #[test]
    fn every_kind_of_value_reads_back_as_written() {
        let inputs = vec![
            Value::Text("省财政厅".into()),
            Value::Num(n(-i128::MAX, 3)),
            Value::List(vec![Value::Level(2), Value::Absent, Value::Bool(true)]),
            Value::Record(vec![Value::Num(n(i128::MIN + 1, 1)), Value::Text(String::new())]),
            Value::Tally(vec![n(3, 1), n(0, 1)]),
            Value::Text("not kept".into()),
        ];
        let record = Record { unit: "甲".into(), inputs, written: None };
        let values = vec![
            Value::Map(vec![Value::Num(n(1, 7)), Value::Bool(false)]),
            Value::Weighted(vec![(n(9, 10), n(2, 1))]),
            Value::Absent,
        ];
        let unrounded = vec![Some(Value::Num(n(22, 7))), None, None];
        let result = UnitResult { unit: "甲".into(), values, unrounded };
        let keep = [true, true, true, true, true, false];
        let mut bytes = Vec::new();
        encode(&record, &result, &keep, &mut bytes);
        let (got_record, got_result) = decode(&bytes[4..], 6, 3).expect("reads back");
        assert_eq!(got_record.unit, "甲");
        assert_eq!(got_record.inputs[..5], record.inputs[..5]);
        assert_eq!(got_record.inputs[5], Value::Absent);
        assert_eq!(got_result.values, result.values);
        assert_eq!(got_result.unrounded, result.unrounded);
    }

    #[test]
    fn a_file_that_ends_inside_a_record_is_an_error_not_the_end() {
        let record = Record { unit: "甲".into(), inputs: vec![], written: None };
        let result = UnitResult { unit: "甲".into(), values: vec![], unrounded: vec![] };
        let mut bytes = Vec::new();
        encode(&record, &result, &[], &mut bytes);
        let whole = bytes.len();
        for cut in [whole + 2, whole + 4, whole + 6] {
            let mut writer = SpillWriter::new().expect("a temporary file");
            writer.write(&bytes).expect("writes");
            writer.write(&bytes).expect("writes");
            let mut reader = writer.finish().expect("reads");
            reader.input.get_mut().set_len(cut as u64).expect("truncates");
            assert!(reader.next().expect("the first record").is_some());
            assert!(reader.next().is_err(), "cut at {cut}");
        }
        let mut writer = SpillWriter::new().expect("a temporary file");
        writer.write(&bytes).expect("writes");
        let mut reader = writer.finish().expect("reads");
        assert!(reader.next().expect("a record").is_some());
        assert!(reader.next().expect("the end").is_none());
    }

    #[test]
    fn bytes_that_were_not_written_here_are_refused() {
        let record = Record { unit: "甲".into(), inputs: vec![Value::Num(n(5, 2))], written: None };
        let result = UnitResult { unit: "甲".into(), values: vec![], unrounded: vec![] };
        let mut bytes = Vec::new();
        encode(&record, &result, &[true], &mut bytes);
        let body = &bytes[4..];
        for cut in 0..body.len() {
            assert!(decode(&body[..cut], 1, 0).is_none(), "cut at {cut}");
        }
        let mut longer = body.to_vec();
        longer.push(0);
        assert!(decode(&longer, 1, 0).is_none());
        assert!(decode(&[1, b'a', 99], 1, 0).is_none(), "an unknown tag");
        assert!(decode(&[1, b'a', NUM, 2, 0], 1, 0).is_none(), "a zero denominator");
        // Lists in lists a million deep: refused, not a stack overflow.
        let mut deep = vec![1, b'a'];
        deep.extend(std::iter::repeat_n([LIST, 1], 1_000_000).flatten());
        deep.push(ABSENT);
        assert!(decode(&deep, 1, 0).is_none(), "nesting deeper than any record");
        let mut fine = vec![1, b'a'];
        fine.extend(std::iter::repeat_n([LIST, 1], MAX_DEPTH).flatten());
        fine.push(ABSENT);
        assert!(decode(&fine, 1, 0).is_some(), "nesting as deep as allowed");
    }
}
