//! A JSON array of records, element by element, in memory bounded by the largest record.
//!
//! The array is cut into its elements by its brackets, commas and quotes alone; each element
//! is then read as one record, as a line of JSON Lines is. A file that is not a well-formed
//! array, or an element that is not well-formed JSON, is diagnosed by `first_error`, which
//! finds the first fault in the file as reading the whole file would, so the message and its
//! line:column are the same whichever way a file is read.

use std::io::{self, BufRead, Read};
use std::path::Path;

use super::files::{cannot_read, json_file_text, json_not_utf8};
use super::record::{Start, json_text};
use super::{BOM, Record};
use crate::diagnostic::Diagnostic;

/// Where JSON data comes from: a file, read again only to diagnose it, or bytes already in
/// memory (text given to the library, or a pipe, which can be read only once).
#[derive(Clone, Copy)]
pub enum Source<'a> {
    File(&'a Path),
    Bytes(&'a [u8]),
}

impl<'a> Source<'a> {
    pub fn open(&self) -> io::Result<Box<dyn BufRead + Send + 'a>> {
        Ok(match *self {
            Source::File(path) => Box::new(io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?)),
            Source::Bytes(bytes) => Box::new(bytes),
        })
    }

    /// From byte `offset` on.
    pub fn open_at(&self, offset: u64) -> io::Result<Box<dyn BufRead + Send + 'a>> {
        Ok(match *self {
            Source::File(path) => {
                let mut file = std::fs::File::open(path)?;
                io::Seek::seek(&mut file, io::SeekFrom::Start(offset))?;
                Box::new(io::BufReader::with_capacity(1 << 20, file))
            }
            Source::Bytes(bytes) => Box::new(bytes.get(offset as usize..).unwrap_or_default()),
        })
    }

    /// The whole of it, for a diagnosis that needs it.
    fn all(&self, name: &str) -> Result<Vec<u8>, Diagnostic> {
        let mut bytes = Vec::new();
        self.open()
            .and_then(|mut r| r.read_to_end(&mut bytes))
            .map_err(|e| cannot_read(name, &crate::lang::io_words(&e)))?;
        Ok(bytes)
    }
}

/// One element of the array: its bytes (without the whitespace around it) and where they
/// start in the file.
pub struct Element {
    pub bytes: Vec<u8>,
    pub offset: u64,
    /// How deeply lists and objects nest in it.
    pub depth: u32,
}

/// serde_json refuses data nested this deep (`recursion limit exceeded`): inside the array,
/// an element one level less deep.
const DEEPEST: u32 = 127;

impl Element {
    /// Whether the element, read by itself, would pass where the whole array would not: it
    /// nests to serde_json's limit only counting the array around it.
    pub fn too_deep(&self) -> bool {
        self.depth >= DEEPEST
    }

    /// The element as JSON, if it is what reading the whole array would read: UTF-8 JSON
    /// text, not nested too deep, no key given twice. `None`: `first_error` says what it is.
    pub fn json(&self) -> Option<serde_json::Value> {
        if self.too_deep() {
            return None;
        }
        json_text("", std::str::from_utf8(&self.bytes).ok()?, Start::default()).ok()
    }
}

/// What comes next in the array.
pub enum Next {
    Element(Element),
    /// The closing `]`, and nothing after it but whitespace.
    End,
    /// Not a JSON array here (another value, a missing comma or bracket, the file cut
    /// short): `first_error` says what.
    Malformed,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the `[`.
    Start,
    /// After `[` (`first`) or after a comma.
    Before {
        first: bool,
    },
    Inside,
    /// After an element: a comma or `]`.
    After,
    /// After `]`: whitespace only.
    Ended,
}

/// The elements of a JSON array read from `reader`.
pub struct Elements<R> {
    reader: R,
    cut: Cut,
    /// How many bytes from an element's start a record is looked for in place (`next_read`):
    /// twice the longest element lately, at least `WINDOW`. They are checked as UTF-8 each
    /// time, so the window follows the records' size.
    window: usize,
}

/// The least `Elements::window`.
const WINDOW: usize = 1 << 10;

/// What comes next in the array, read in place where that can be done (`next_read`).
pub enum Found {
    /// An element read straight from the array's text, and where it starts in the file.
    Record(Record, u64),
    /// What the element (cut out of the array) or the array holds next.
    Next(Next),
}

/// How far through the array the bytes read so far are.
struct Cut {
    phase: Phase,
    /// Within the current element: open brackets, and whether in a string (after a
    /// backslash in it).
    depth: u32,
    deepest: u32,
    in_string: bool,
    escaped: bool,
    current: Vec<u8>,
    start: u64,
    /// Bytes consumed from the reader.
    offset: u64,
    /// Bytes of a byte-order mark read: a part of one is not UTF-8.
    bom: u8,
}

fn whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<R: BufRead> Elements<R> {
    pub fn new(reader: R) -> Elements<R> {
        Elements::resume(reader, 0, false)
    }

    /// The elements of an array read from `reader`, which starts at byte `offset` of the
    /// file: between two elements (`between`: just after one), or at the file's start.
    pub fn resume(reader: R, offset: u64, between: bool) -> Elements<R> {
        let cut = Cut {
            phase: if between { Phase::After } else { Phase::Start },
            depth: 0,
            deepest: 0,
            in_string: false,
            escaped: false,
            current: Vec::new(),
            start: 0,
            offset,
            bom: 0,
        };
        Elements { reader, cut, window: WINDOW }
    }

    /// Bytes consumed so far, from the file's start (for a progress bar).
    pub fn offset(&self) -> u64 {
        self.cut.offset
    }

    /// Whether what was read so far ends just after an element (and whitespace).
    pub fn between_elements(&self) -> bool {
        self.cut.phase == Phase::After
    }

    pub fn next_element(&mut self) -> io::Result<Next> {
        let found = self.next_with(|_| None::<(std::convert::Infallible, usize)>)?;
        Ok(match found {
            Ok(never) => match never {},
            Err(next) => next,
        })
    }

    /// The next element as a record read in place by `fast`, without cutting it out first
    /// (on one thread, where nothing else would read it); cut out of the array, as
    /// `next_element` gives it, where it cannot be read so (not a well-formed record, longer
    /// than the window, or running on past what has been read of the file).
    pub fn next_read(&mut self, fast: &super::fast::FastReader) -> io::Result<Found> {
        let window = self.window;
        let found = self.next_with(|bytes| fast.record_at(bytes, window).map(|(r, used)| ((r, used), used)))?;
        Ok(match found {
            Err(Next::Element(e)) => {
                self.window = self.window.max(2 * e.bytes.len());
                Found::Next(Next::Element(e))
            }
            Err(next) => Found::Next(next),
            Ok((record, used)) => {
                // Shrinks slowly after a long record; grows at once.
                self.window = (self.window - self.window / 8).max(2 * used).max(WINDOW);
                Found::Record(record, self.cut.start)
            }
        })
    }

    /// What comes next: a value read in place by `in_place` (from an element's first byte:
    /// the value and the bytes it takes), or else a `Next`.
    fn next_with<T>(&mut self, mut in_place: impl FnMut(&[u8]) -> Option<(T, usize)>) -> io::Result<Result<T, Next>> {
        loop {
            let buf = self.reader.fill_buf()?;
            if buf.is_empty() {
                return Ok(Err(if self.cut.phase == Phase::Ended { Next::End } else { Next::Malformed }));
            }
            let (used, next) = self.cut.scan(buf, &mut in_place);
            self.reader.consume(used);
            self.cut.offset += used as u64;
            if let Some(next) = next {
                return Ok(next);
            }
        }
    }
}

impl Cut {
    /// Reads `buf` up to the end of the next element or of a fault: the bytes used, and
    /// what came of them (`None`: read on).
    /// An element that `in_place` reads (from its first byte) is not cut out: what it gives
    /// comes back instead.
    fn scan<T>(
        &mut self,
        buf: &[u8],
        in_place: &mut impl FnMut(&[u8]) -> Option<(T, usize)>,
    ) -> (usize, Option<Result<T, Next>>) {
        let mut i = 0;
        while i < buf.len() {
            // A byte-order mark, whole, may come first.
            let at = self.offset + i as u64;
            if self.phase == Phase::Start && at < BOM.len() as u64 && buf[i] == BOM[at as usize] {
                self.bom += 1;
                i += 1;
                continue;
            }
            if self.phase == Phase::Inside {
                let from = i;
                // Only from an element's first byte: nothing of it is kept from a buffer before.
                if self.current.is_empty()
                    && let Some((value, used)) = in_place(&buf[i..])
                {
                    self.phase = Phase::After;
                    return (i + used, Some(Ok(value)));
                }
                match self.inside(buf, i) {
                    Some(end) => {
                        self.current.extend_from_slice(&buf[from..end]);
                        self.phase = Phase::After;
                        let element = Element {
                            bytes: std::mem::take(&mut self.current),
                            offset: self.start,
                            depth: self.deepest,
                        };
                        return (end, Some(Err(Next::Element(element))));
                    }
                    None => {
                        self.current.extend_from_slice(&buf[from..]);
                        return (buf.len(), None);
                    }
                }
            }
            let b = buf[i];
            if whitespace(b) {
                i += 1;
                continue;
            }
            match (self.phase, b) {
                (Phase::Start, b'[') if matches!(self.bom, 0 | 3) => self.phase = Phase::Before { first: true },
                (Phase::Before { first: true }, b']') | (Phase::After, b']') => self.phase = Phase::Ended,
                (Phase::After, b',') => self.phase = Phase::Before { first: false },
                (Phase::Before { .. }, b) if b != b']' && b != b',' => {
                    self.phase = Phase::Inside;
                    self.start = self.offset + i as u64;
                    (self.depth, self.deepest, self.in_string, self.escaped) = (0, 0, false, false);
                    continue;
                }
                _ => return (i, Some(Err(Next::Malformed))),
            }
            i += 1;
        }
        (buf.len(), None)
    }

    /// Within an element from `buf[i]`: where it ends (exclusive), if it does in `buf`.
    fn inside(&mut self, buf: &[u8], mut i: usize) -> Option<usize> {
        while i < buf.len() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                match memchr::memchr2(b'"', b'\\', &buf[i..]) {
                    None => return None,
                    Some(k) if buf[i + k] == b'\\' => {
                        self.escaped = true;
                        i += k + 1;
                    }
                    Some(k) => {
                        self.in_string = false;
                        i += k + 1;
                        if self.depth == 0 {
                            return Some(i);
                        }
                    }
                }
                continue;
            }
            match buf[i] {
                b'"' => self.in_string = true,
                b'{' | b'[' => {
                    self.depth += 1;
                    self.deepest = self.deepest.max(self.depth);
                }
                b'}' | b']' if self.depth > 0 => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        return Some(i + 1);
                    }
                }
                // The end of a number, `true`, `false` or `null`.
                b if self.depth == 0 && (whitespace(b) || matches!(b, b',' | b']' | b'}')) => return Some(i),
                _ => {}
            }
            i += 1;
        }
        None
    }
}

/// Every element of the array as JSON (for converting data from one format to another).
pub fn values(name: &str, source: Source) -> Result<Vec<serde_json::Value>, Diagnostic> {
    let mut elements = Elements::new(source.open().map_err(|e| cannot_read(name, &crate::lang::io_words(&e)))?);
    let mut out = Vec::new();
    loop {
        match elements.next_element().map_err(|e| cannot_read(name, &crate::lang::io_words(&e)))? {
            Next::Element(element) => match element.json() {
                Some(json) => out.push(json),
                None => return Err(first_error(name, source, Some(&element))),
            },
            Next::End => return Ok(out),
            Next::Malformed => return Err(first_error(name, source, None)),
        }
    }
}

/// The first fault of JSON data that did not read as an array of well-formed elements, as
/// reading the whole of it would report it: bytes that are not UTF-8, then JSON syntax, then
/// the element's own fault (a key given twice), then a value that is not an array.
/// `element`: the element that did not read, if one did not.
pub fn first_error(name: &str, source: Source, element: Option<&Element>) -> Diagnostic {
    match checked(name, source) {
        Err(d) => d,
        Ok(()) => {
            if let Some(element) = element
                && let Err(d) = element_error(name, source, element)
            {
                return d;
            }
            not_an_array(name, source)
        }
    }
}

/// UTF-8 throughout, and JSON syntax, read a piece at a time.
fn checked(name: &str, source: Source) -> Result<(), Diagnostic> {
    let unreadable = |e: io::Error| cannot_read(name, &crate::lang::io_words(&e));
    if let Some((line, col, at)) = first_not_utf8(source.open().map_err(unreadable)?).map_err(unreadable)? {
        // Text in another encoding is named by the start of the file (GBK, UTF-16).
        let mut head = Vec::new();
        source.open().and_then(|r| r.take(HEAD).read_to_end(&mut head)).map_err(unreadable)?;
        let whole = head.len() < HEAD as usize;
        let named = (0..4).find_map(|cut| {
            let end = head.len().checked_sub(if whole { 0 } else { cut })?;
            crate::data::encoding::legacy(&head[..end]).map(|_| end)
        });
        return Err(json_not_utf8(name, line, col, at as usize, &head[..named.unwrap_or(head.len())]));
    }
    let mut reader = source.open().map_err(unreadable)?;
    if reader.fill_buf().map_err(unreadable)?.starts_with(BOM) {
        reader.consume(BOM.len());
    }
    let mut de = serde_json::Deserializer::from_reader(reader);
    let syntax = <Skip as serde::Deserialize>::deserialize(&mut de).and_then(|_| de.end());
    syntax.map_err(|e| super::err::invalid_json(name, e.line(), e.column().max(1), &super::record::json_error(&e)))
}

/// How much of a file's start names its encoding when it is not UTF-8.
const HEAD: u64 = 4 << 20;

/// The line, column (in characters, a byte-order mark not counted) and byte of the first
/// byte that is not UTF-8, read a piece at a time.
fn first_not_utf8(mut reader: Box<dyn BufRead + Send + '_>) -> io::Result<Option<(usize, usize, u64)>> {
    let (mut place, mut offset) = (Start::default(), 0u64);
    let mut carried: Vec<u8> = Vec::new();
    let mut start = true;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            // A character cut short by the end of the file.
            return Ok((!carried.is_empty()).then_some((place.line, place.char_column, offset)));
        }
        let len = buf.len();
        let mut piece: Vec<u8> = std::mem::take(&mut carried);
        piece.extend_from_slice(buf);
        reader.consume(len);
        let mut text = piece.as_slice();
        if start && text.starts_with(BOM) {
            text = &text[BOM.len()..];
            offset += BOM.len() as u64;
        }
        start = start && piece.len() < BOM.len() && BOM.starts_with(&piece);
        let (valid, bad) = match std::str::from_utf8(text) {
            Ok(valid) => (valid, None),
            Err(e) => (std::str::from_utf8(&text[..e.valid_up_to()]).unwrap_or_default(), Some(e)),
        };
        place = place.after(valid.as_bytes());
        offset += valid.len() as u64;
        match bad {
            Some(e) if e.error_len().is_some() => return Ok(Some((place.line, place.char_column, offset))),
            // A character cut at the end of the piece continues in the next one.
            Some(e) => carried.extend_from_slice(&text[e.valid_up_to()..]),
            None => {}
        }
    }
}

/// Any JSON value, read and let go. Not `serde::de::IgnoredAny`: serde_json skips that by a
/// path of its own, which words some faults differently (`key must be a string` for a
/// trailing comma) from reading a value; this reads as a value is read, so the message and
/// place are the ones a whole-file read gives (checked on random faults by a test).
struct Skip;

impl<'de> serde::Deserialize<'de> for Skip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Skip, D::Error> {
        d.deserialize_any(Skip)
    }
}

impl<'de> serde::de::Visitor<'de> for Skip {
    type Value = Skip;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut items: A) -> Result<Skip, A::Error> {
        while items.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<Skip, A::Error> {
        while entries.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}

/// An element of a file that is JSON throughout: its fault (a key given twice), placed in the
/// file.
fn element_error(name: &str, source: Source, element: &Element) -> Result<(), Diagnostic> {
    let Ok(text) = std::str::from_utf8(&element.bytes) else { return Ok(()) };
    let start = place(name, source, element.offset)?;
    json_text(name, text, start).map(|_| ())
}

/// The line and columns of byte `offset` of the file (a byte-order mark does not count),
/// read a piece at a time, counting: the file is UTF-8 here, so a character is a byte that
/// does not continue one.
fn place(name: &str, source: Source, offset: u64) -> Result<Start, Diagnostic> {
    let unreadable = |e: io::Error| cannot_read(name, &crate::lang::io_words(&e));
    let mut reader = source.open().map_err(unreadable)?.take(offset);
    let (mut place, mut first) = (Start::default(), true);
    loop {
        let buf = reader.fill_buf().map_err(unreadable)?;
        if buf.is_empty() {
            return Ok(place);
        }
        let piece = if first { buf.strip_prefix(BOM).unwrap_or(buf) } else { buf };
        first = false;
        place = place.after(piece);
        let len = buf.len();
        reader.consume(len);
    }
}

/// Well-formed JSON that is not an array: what it is, from the whole of it.
fn not_an_array(name: &str, source: Source) -> Diagnostic {
    let text = match source {
        Source::File(path) => json_file_text(path).map_err(|mut d| d.remove(0)),
        Source::Bytes(_) => source.all(name).map(|b| String::from_utf8_lossy(&b).into_owned()),
    };
    let json = text.and_then(|text| json_text(name, text.strip_prefix('\u{feff}').unwrap_or(&text), Start::default()));
    match json {
        Err(d) => d,
        Ok(json) => super::err::not_a_list(&super::record::json_kind(&json)),
    }
}

/// `text` with `faults` random faults, one after another: a byte removed, a byte of `junk`
/// inserted, or the rest cut off (for tests of reading data that is not well formed).
#[cfg(test)]
pub(crate) fn damaged(text: &str, junk: &[u8], faults: u64, random: &mut impl FnMut() -> u64) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..faults {
        let i = random() as usize % (bytes.len() + 1);
        match random() % 3 {
            0 if i < bytes.len() => drop(bytes.remove(i)),
            1 => bytes.insert(i, junk[random() as usize % junk.len()]),
            _ => bytes.truncate(i),
        }
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The elements of `text` as text, or `None` when it is not an array.
    fn split(text: &str, chunk: usize) -> Option<Vec<String>> {
        let reader = io::BufReader::with_capacity(chunk, text.as_bytes());
        let mut elements = Elements::new(reader);
        let mut out = Vec::new();
        loop {
            match elements.next_element().unwrap() {
                Next::Element(e) => {
                    assert_eq!(&text.as_bytes()[e.offset as usize..][..e.bytes.len()], &e.bytes[..]);
                    out.push(String::from_utf8(e.bytes).unwrap());
                }
                Next::End => return Some(out),
                Next::Malformed => return None,
            }
        }
    }

    #[test]
    fn elements_are_cut_where_serde_would_cut_them() {
        let cases = [
            "[]",
            " [ ] \n",
            "\u{feff}[{\"a\": 1}]",
            "[{\"a\": \"x]}\\\"\"}, {\"b\": [1, {\"c\": null}]}]",
            "[1, -2.5e3,true,null , \"s\\\\\", [], {}]",
            "[\n  {\"部门\": \"甲\"},\n  {\"部门\": \"乙\"}\n]\n",
        ];
        for text in cases {
            let expected: Vec<serde_json::Value> = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
            let expected: Vec<serde_json::Value> = expected;
            for chunk in [1, 2, 3, 7, 1 << 16] {
                let got = split(text, chunk).unwrap_or_else(|| panic!("{text:?} in pieces of {chunk}"));
                let got: Vec<serde_json::Value> = got.iter().map(|e| serde_json::from_str(e).unwrap()).collect();
                assert_eq!(got, expected, "{text:?} in pieces of {chunk}");
            }
        }
    }

    #[test]
    fn what_is_not_an_array_is_malformed() {
        for text in ["", "{}", "[1,]", "[,1]", "[1 2]", "[1] x", "[{\"a\": 1}", "[\"unclosed]", "[1,,2]", "]"] {
            for chunk in [1, 4, 1 << 16] {
                assert_eq!(split(text, chunk), None, "{text:?} in pieces of {chunk}");
            }
        }
    }

    /// Random faults in a record array, and nesting past serde_json's limit: read a piece at a
    /// time, the message and place are those of reading the whole text into a value.
    #[test]
    fn syntax_read_a_piece_at_a_time_is_worded_and_placed_as_whole() {
        let record = r#"{"部门":"甲","得分":80.5,"l":[1,{"x":"y\"z"}],"t":true,"n":null}"#;
        let deep = format!("[{}{}]", "[".repeat(130), "]".repeat(130));
        let bases = [format!("[{record},\n {record}]"), deep];
        let junk = b"[]{}\",:x0-.e\\ \ntn1";
        let mut random = crate::number::xorshift(0x9e37_79b9_7f4a_7c15);
        let mut compared = 0;
        for base in &bases {
            for _ in 0..3000 {
                let faults = random() % 3 + 1;
                let bytes = damaged(base, junk, faults, &mut random);
                let Ok(text) = std::str::from_utf8(&bytes) else { continue };
                let Err(whole) = serde_json::from_str::<serde_json::Value>(text) else { continue };
                let mut de = serde_json::Deserializer::from_reader(io::BufReader::with_capacity(7, text.as_bytes()));
                let piecewise = <Skip as serde::Deserialize>::deserialize(&mut de).and_then(|_| de.end()).unwrap_err();
                assert_eq!(piecewise.to_string(), whole.to_string(), "{text:?}");
                compared += 1;
            }
        }
        assert!(compared > 3000, "{compared}");
    }

    #[test]
    fn the_first_error_is_the_one_reading_the_whole_file_gives() {
        let whole = |text: &str| match json_text("d.json", text.trim_start_matches('\u{feff}'), Start::default()) {
            Err(d) => d.message,
            Ok(json) => super::super::err::not_a_list(&super::super::record::json_kind(&json)).message,
        };
        for text in [
            "[{\"a\": 1},\n {\"a\": 2 \"b\": 3}]",
            "[{\"a\": 1},\n {\"a\": 2}",
            "\u{feff}[{\"a\": 1}, {\"b\": 1, \"b\": 2}]",
            "[{\"a\": 1},\n  {\"a\": 1, \"a\": 2}]",
            "{\"a\": 1}",
            "\"text\"",
            "[1] [2]",
            "",
        ] {
            let source = Source::Bytes(text.as_bytes());
            let mut elements = Elements::new(text.as_bytes());
            let mut failed = None;
            while let Ok(Next::Element(e)) = elements.next_element() {
                let ok = std::str::from_utf8(&e.bytes)
                    .ok()
                    .is_some_and(|t| json_text("d.json", t, Start::default()).is_ok());
                if !ok {
                    failed = Some(e);
                    break;
                }
            }
            assert_eq!(first_error("d.json", source, failed.as_ref()).message, whole(text), "{text:?}");
        }
    }
}

#[cfg(test)]
mod in_place_tests {
    use super::*;
    use crate::data::fast::FastReader;
    use crate::source::SourceFile;

    /// What a reading of an array gives, element by element: a record, or the bytes of an
    /// element the fast reader does not read; then how the array ends.
    #[derive(Debug, PartialEq)]
    enum Seen {
        Record(Record, u64),
        Unread(Vec<u8>, u64),
        End,
        Malformed,
    }

    /// Every element cut out, then read (`next_element`, as on more than one thread).
    fn cut_then_read(fast: &FastReader, bytes: &[u8], chunk: usize) -> Vec<Seen> {
        let mut elements = Elements::new(io::BufReader::with_capacity(chunk, bytes));
        let mut out = Vec::new();
        loop {
            match elements.next_element().unwrap() {
                Next::Element(e) => out.push(match fast.record(&e.bytes) {
                    Some(record) => Seen::Record(record, e.offset),
                    None => Seen::Unread(e.bytes, e.offset),
                }),
                Next::End => {
                    out.push(Seen::End);
                    return out;
                }
                Next::Malformed => {
                    out.push(Seen::Malformed);
                    return out;
                }
            }
        }
    }

    /// Every element read in place where it can be (`next_read`, as on one thread).
    fn read_in_place(fast: &FastReader, bytes: &[u8], chunk: usize) -> Vec<Seen> {
        let mut elements = Elements::new(io::BufReader::with_capacity(chunk, bytes));
        let mut out = Vec::new();
        loop {
            match elements.next_read(fast).unwrap() {
                Found::Record(record, at) => out.push(Seen::Record(record, at)),
                Found::Next(Next::Element(e)) => out.push(match fast.record(&e.bytes) {
                    Some(record) => Seen::Record(record, e.offset),
                    None => Seen::Unread(e.bytes, e.offset),
                }),
                Found::Next(Next::End) => {
                    out.push(Seen::End);
                    return out;
                }
                Found::Next(Next::Malformed) => {
                    out.push(Seen::Malformed);
                    return out;
                }
            }
        }
    }

    /// Arrays of real records, whole and with random faults (cut short, bytes removed or
    /// added, bytes that are not UTF-8, a key twice, a record longer than the window), read
    /// in pieces of every size: reading in place gives the records, the elements left to the
    /// slow reader and the end that cutting out every element gives.
    #[test]
    fn reading_in_place_gives_what_cutting_out_gives() {
        let text = std::fs::read_to_string("regulations/jiangsu-2011.jx").unwrap();
        let (program, _) = crate::compile(&SourceFile::new("j.jx", text)).unwrap();
        let fast = FastReader::new(&program);
        let examples = std::fs::read_to_string("examples/jiangsu-2011/departments.json").unwrap();
        let records: Vec<serde_json::Value> = serde_json::from_str(&examples).unwrap();
        let lines: Vec<String> = records.iter().take(6).map(|r| serde_json::to_string(r).unwrap()).collect();
        let pretty = serde_json::to_string_pretty(&records[..3]).unwrap();
        let long = lines[0].replacen("\"部门\":\"", &format!("\"部门\":\"{}", "长".repeat(3 * WINDOW)), 1);
        let twice = lines[1].replacen('{', "{\"部门\":\"甲\",", 1);
        let bases = [
            format!("[{}]", lines.join(",")),
            format!("\u{feff}[ {} ,\n{}\n]\n", lines.join(" ,\n "), long),
            pretty,
            format!("[{},{twice},{}]", lines[2], lines[3]),
            format!("[{}, 1, [], {{}}, \"x\"]", lines[4]),
        ];
        let junk = b"[]{}\",:x0-.e\\ \n\xff\xe9";
        let mut random = crate::number::xorshift(0x2545_f491_4f6c_dd1d);
        let mut compared = 0;
        for base in &bases {
            for round in 0..120 {
                let faults = if round == 0 { 0 } else { random() % 3 + 1 };
                let bytes = damaged(base, junk, faults, &mut random);
                for chunk in [1, 5, 64, 4096, 1 << 20] {
                    let expected = cut_then_read(&fast, &bytes, chunk);
                    assert_eq!(read_in_place(&fast, &bytes, chunk), expected, "{round} in pieces of {chunk}");
                    compared += usize::from(expected.iter().any(|s| matches!(s, Seen::Record(..))));
                }
            }
        }
        // Most arrays tried still hold records that read.
        assert!(compared > 1500, "{compared}");
    }
}
