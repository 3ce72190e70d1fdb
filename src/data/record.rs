//! Department records: JSON in, typed values out, every number read exactly as written.
//! Each wrong record is reported with the department and the field path.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::Value;
use super::err::{self, At};
use super::names::{normalise, visible};
use crate::check::err::did_you_mean;
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::number::Number;
use crate::program::{Limit, Program, Shape};

/// One department's inputs, by input index.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The department's name as a person reads it (`names::normalise`).
    pub unit: String,
    pub inputs: Vec<Value>,
    /// The name as written, when that differs from `unit` (invisible characters, spaces at
    /// the ends): a department given twice is reported with it.
    pub written: Option<String>,
}

/// At most this many data errors are reported; more would bury the first ones.
pub(crate) const MAX_ERRORS: usize = 50;

/// Parses a JSON data file's text (an array of records) into records, as `jixiao eval` reads
/// a file. Errors name the record, or the line and column for JSON syntax.
pub fn parse_json(program: &Program, file: &str, text: &str) -> Result<Vec<Record>, Vec<Diagnostic>> {
    let source = super::json_array::Source::Bytes(text.as_bytes());
    super::batches::read_all(
        program,
        super::batches::Data { name: file, format: super::files::DataFormat::Json, source },
    )
}

/// Where a piece of JSON text starts in its file: line, and column counted in bytes (as JSON
/// syntax errors are) and in characters (as keys given twice are). 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Start {
    pub line: usize,
    pub byte_column: usize,
    pub char_column: usize,
}

impl Default for Start {
    fn default() -> Start {
        Start { line: 1, byte_column: 1, char_column: 1 }
    }
}

impl Start {
    /// The start of line `line`.
    pub fn line(line: usize) -> Start {
        Start { line, ..Start::default() }
    }

    /// The place just after `text`, which starts here: lines by `\n`, columns in bytes and in
    /// characters (a byte that does not continue a UTF-8 character; `text` is UTF-8, or its
    /// valid start). Counts a piece at a time: `start.after(a).after(b)` is `start.after(ab)`.
    pub fn after(self, text: &[u8]) -> Start {
        let chars = |t: &[u8]| t.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        match memchr::memrchr(b'\n', text) {
            Some(last) => {
                let rest = &text[last + 1..];
                Start {
                    line: self.line + memchr::memchr_iter(b'\n', text).count(),
                    byte_column: rest.len() + 1,
                    char_column: chars(rest) + 1,
                }
            }
            None => Start {
                line: self.line,
                byte_column: self.byte_column + text.len(),
                char_column: self.char_column + chars(text),
            },
        }
    }

    /// Line `l`, column `c` of the piece, in the file.
    fn place(self, l: usize, c: usize, first_column: usize) -> (usize, usize) {
        let line = self.line + l.saturating_sub(1);
        if l <= 1 { (line, first_column + c - 1) } else { (line, c) }
    }
}

/// JSON text: a whole file, a line of JSON Lines, or an element of an array (`start` says
/// where it is in its file), without the byte-order mark a file may start with (anywhere
/// else it is not JSON). A syntax error is put in words; a key given twice is refused, where
/// a JSON reader would silently keep the last.
pub fn json_text(file: &str, text: &str, start: Start) -> Result<Json, Diagnostic> {
    let json: Json = serde_json::from_str(text).map_err(|e| {
        let (line, column) = start.place(e.line(), e.column().max(1), start.byte_column);
        err::invalid_json(file, line, column, &json_error(&e))
    })?;
    if let Some((l, column, key)) = duplicate_key(text) {
        let (line, column) = start.place(l, column, start.char_column);
        return Err(err::duplicate_key(file, line, column, &key));
    }
    Ok(json)
}

/// The first key that appears twice in one object of (valid) JSON text, with its line and
/// column: a JSON reader would silently keep the last one.
fn duplicate_key(text: &str) -> Option<(usize, usize, String)> {
    // One entry per open container: the keys seen so far, for objects.
    let mut stack: Vec<Option<std::collections::HashSet<String>>> = Vec::new();
    let mut expect_key = false;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => {
                stack.push(Some(Default::default()));
                expect_key = true;
            }
            '[' => stack.push(None),
            '}' | ']' => {
                stack.pop();
            }
            ',' => expect_key = matches!(stack.last(), Some(Some(_))),
            ':' => expect_key = false,
            '"' => {
                let mut end = i + 1;
                let mut escaped = false;
                for (j, d) in chars.by_ref() {
                    end = j + d.len_utf8();
                    match (escaped, d) {
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        _ => escaped = false,
                    }
                }
                if expect_key && let Some(Some(keys)) = stack.last_mut() {
                    let key: String = serde_json::from_str(&text[i..end]).unwrap_or_default();
                    if !keys.insert(key.clone()) {
                        let at = Start::default().after(&text.as_bytes()[..i]);
                        return Some((at.line, at.char_column, key));
                    }
                }
            }
            _ => {}
        }
    }
    None
}

pub(super) fn json_error(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let what = s.split(" at line").next().unwrap_or(&s);
    // Known wordings from the catalogue; others in serde_json's own words.
    match what {
        "EOF while parsing a list" => msg!("data-json-eof-while-parsing-a-list"),
        "EOF while parsing an object" => msg!("data-json-eof-while-parsing-an-object"),
        "EOF while parsing a string" => msg!("data-json-eof-while-parsing-a-string"),
        "EOF while parsing a value" => msg!("data-json-eof-while-parsing-a-value"),
        "expected `:`" => msg!("data-json-expected-colon"),
        "expected `,` or `]`" => msg!("data-json-expected-comma-or-bracket"),
        "expected `,` or `}`" => msg!("data-json-expected-comma-or-brace"),
        "expected ident" => msg!("data-json-expected-ident"),
        "expected value" => msg!("data-json-expected-value"),
        "key must be a string" => msg!("data-json-key-must-be-a-string"),
        "invalid escape" => msg!("data-json-invalid-escape"),
        "invalid number" => msg!("data-json-invalid-number"),
        "number out of range" => msg!("data-json-number-out-of-range"),
        "invalid unicode code point" => msg!("data-json-invalid-unicode-code-point"),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            msg!("data-json-control-character-u0000-u001f-found-while")
        }
        "trailing comma" => msg!("data-json-trailing-comma"),
        "trailing characters" => msg!("data-json-trailing-characters"),
        "expected `\"`" => msg!("data-json-expected-quote"),
        "unexpected end of hex escape" => msg!("data-json-unexpected-end-of-hex-escape"),
        "lone leading surrogate in hex escape" => msg!("data-json-lone-leading-surrogate-in-hex-escape"),
        "recursion limit exceeded" => msg!("data-json-recursion-limit-exceeded"),
        _ => what.to_string(),
    }
}

/// Reads a JSON array of records.
pub fn read_records(program: &Program, json: &Json) -> Result<Vec<Record>, Vec<Diagnostic>> {
    read_records_located(program, json, &[])
}

/// Reads records that came from tables: an error names the sheet and cell as well.
pub fn read_records_located(
    program: &Program,
    json: &Json,
    cells: &[std::collections::HashMap<String, String>],
) -> Result<Vec<Record>, Vec<Diagnostic>> {
    let Json::Array(items) = json else {
        return Err(vec![err::not_a_list(&json_kind(json))]);
    };
    let mut records = Vec::with_capacity(items.len());
    let mut errors = Vec::new();
    let mut departments = Departments::default();
    let field = &program.inputs[program.roles.unit].field;
    for (i, item) in items.iter().enumerate() {
        let mut reader = Reader::located(program, i, cells.get(i));
        let record = reader.record(item);
        if let Some(twice) = record.as_ref().and_then(|r| departments.again(r, i, || reader.at_field(field))) {
            reader.errors.push(twice);
        }
        errors.extend(reader.errors);
        if errors.len() >= MAX_ERRORS {
            break;
        }
        records.extend(record);
    }
    if errors.is_empty() { Ok(records) } else { Err(errors) }
}

/// The departments met so far, by name as a person reads it: one met again is an error
/// (E0710) naming the record it first came as, and its name as written.
#[derive(Default)]
pub(crate) struct Departments(HashMap<String, usize>);

impl Departments {
    /// Notes `record`, number `index` (0-based) of the data; the error if its department came
    /// before. `at`: where the record's name is.
    pub fn again(&mut self, record: &Record, index: usize, at: impl FnOnce() -> At) -> Option<Diagnostic> {
        match self.0.get(&record.unit) {
            Some(&first) => Some(err::duplicate_unit(&at(), first, record.written.as_deref())),
            None => {
                self.0.insert(record.unit.clone(), index + 1);
                None
            }
        }
    }
}

/// Where a department's name is, for a message about the name: its record and field.
pub(crate) fn name_at(program: &Program, unit: &str) -> At {
    let field = &program.inputs[program.roles.unit].field;
    At { record: format!("department \"{unit}\""), path: field.clone(), cell: None }
}

/// Record number `index` (0-based) of data read from tables, with where its values came from.
pub fn read_record_located(
    program: &Program,
    json: &Json,
    index: usize,
    cells: Option<&HashMap<String, String>>,
) -> Result<Record, Vec<Diagnostic>> {
    let mut reader = Reader::located(program, index, cells);
    let record = reader.record(json);
    match record {
        Some(r) if reader.errors.is_empty() => Ok(r),
        _ => Err(reader.errors),
    }
}

/// Each input's default as a value (`None` where there is none, or it does not fit).
pub fn default_values(program: &Program) -> Vec<Option<Value>> {
    program
        .inputs
        .iter()
        .map(|input| {
            let mut reader = Reader { program, errors: Vec::new(), at: At::default(), cells: None };
            reader.value(input.default.as_ref()?, &input.shape, &Place::Top(&input.name))
        })
        .collect()
}

/// Each input's default read as data, so that a default that does not fit its type is
/// reported against the regulation, not against the first record that leaves it out.
pub fn check_defaults(program: &Program) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for input in &program.inputs {
        let Some(default) = &input.default else { continue };
        let mut reader = Reader {
            program,
            errors: Vec::new(),
            at: At { record: "the default".into(), ..At::default() },
            cells: None,
        };
        if reader.value(default, &input.shape, &Place::Top(&input.name)).is_none() {
            let why = reader.errors.first().map(|d| d.message.clone()).unwrap_or_default();
            out.push(err::bad_default(input.span, &why).in_source(&program.source));
        }
    }
    out
}

/// Reads one record (also used for the embedded test cases).
pub fn read_record(program: &Program, json: &Json, label: &str) -> Result<Record, Vec<Diagnostic>> {
    let mut reader =
        Reader { program, errors: Vec::new(), at: At { record: label.to_string(), ..At::default() }, cells: None };
    match reader.record(json) {
        Some(r) if reader.errors.is_empty() => Ok(r),
        _ => Err(reader.errors),
    }
}

struct Reader<'p> {
    program: &'p Program,
    errors: Vec<Diagnostic>,
    at: At,
    /// Where this record's values came from, when it was read from a table.
    cells: Option<&'p HashMap<String, String>>,
}

/// Where a value sits in a record: its field path, built into text only when an error is
/// reported (most values are fine, and records are many).
#[derive(Clone, Copy)]
enum Place<'a> {
    Top(&'a str),
    Key(&'a Place<'a>, &'a str),
    Item(&'a Place<'a>, usize),
}

impl Place<'_> {
    fn path(&self) -> String {
        match self {
            Place::Top(field) => field.to_string(),
            Place::Key(parent, key) => format!("{}.{key}", parent.path()),
            Place::Item(parent, i) => format!("{}[{}]", parent.path(), i + 1),
        }
    }
}

impl<'p> Reader<'p> {
    /// A reader for record number `index` (0-based) of a file.
    fn located(program: &'p Program, index: usize, cells: Option<&'p HashMap<String, String>>) -> Reader<'p> {
        Reader {
            program,
            errors: Vec::new(),
            at: At { record: format!("record {}", index + 1), ..At::default() },
            cells,
        }
    }
}

impl Reader<'_> {
    /// A top-level field, named by its cell; a field with no cell (left empty, or with no
    /// column) by the record's row (`""` in the cells of a table's record).
    fn at_field(&self, path: &str) -> At {
        let cell = self.cells.and_then(|cells| cells.get(path).or_else(|| cells.get("")).cloned());
        At { record: self.at.record.clone(), path: path.to_string(), cell }
    }

    fn at(&self, place: &Place) -> At {
        let path = place.path();
        // A list in one cell (`好、较好`) is named by that cell, whatever its item.
        let cell = self.cells.and_then(|cells| {
            let mut p = path.as_str();
            loop {
                if let Some(cell) = cells.get(p) {
                    return Some(cell.clone());
                }
                p = &p[..p.rfind(['[', '.'])?];
            }
        });
        At { record: self.at.record.clone(), path, cell }
    }

    fn record(&mut self, json: &Json) -> Option<Record> {
        let Json::Object(fields) = json else {
            self.errors.push(err::wrong_type(
                &self.at,
                &msg!("data-record-object-department-s-fields"),
                &json_kind(json),
            ));
            return None;
        };
        let program = self.program;
        // Name the record by its department as early as possible.
        let unit_field = &program.inputs[program.roles.unit].field;
        let unit = match fields.get(unit_field).and_then(Json::as_str).map(normalise) {
            // Names are compared as a person reads them: see `names::normalise`.
            Some(name) if !name.is_empty() => {
                self.at.record = format!("department \"{name}\"");
                Some(name.into_owned())
            }
            _ => None,
        };
        for key in fields.keys() {
            if !program.inputs.iter().any(|i| i.field == *key) && !program.tolerated.contains(key) {
                let known: Vec<String> = program.inputs.iter().map(|i| i.field.clone()).collect();
                let at = self.at.clone();
                self.errors.push(err::unknown_field(&at, &visible(key), &known, did_you_mean(key, &known)));
            }
        }
        let mut inputs = Vec::with_capacity(program.inputs.len());
        for input in &program.inputs {
            let place = Place::Top(&input.field);
            let value = match (fields.get(&input.field), &input.shape) {
                (None, shape) if input.default.is_some() => self.value(input.default.as_ref()?, shape, &place),
                (None | Some(Json::Null), Shape::Optional(_)) => Some(Value::Absent),
                (None, shape) => {
                    let expected = self.expected(shape);
                    self.fail(err::missing_field(&self.at(&place), &expected))
                }
                (Some(v), shape) => self.value(v, shape, &place),
            };
            inputs.push(value.unwrap_or(Value::Absent));
        }
        if let Some(Json::String(s)) = fields.get(unit_field)
            && normalise(s).is_empty()
        {
            let at = self.at_field(unit_field);
            let found =
                if visible(s).trim().is_empty() { msg!("data-empty-text") } else { format!("\"{}\"", visible(s)) };
            self.errors.push(err::out_of_range(&at, &msg!("data-department-s-name"), &found));
        }
        // A department left out takes the default name, if the regulation gives one.
        let unit = unit.or_else(|| match inputs.get(program.roles.unit) {
            Some(Value::Text(s)) if !normalise(s).is_empty() => Some(normalise(s).into_owned()),
            _ => None,
        });
        // The results carry the name as read.
        let mut written = None;
        if let (Some(name), Some(Value::Text(given))) = (&unit, inputs.get_mut(program.roles.unit))
            && given != name
        {
            written = Some(std::mem::replace(given, name.clone()));
        }
        if unit.is_none() && self.errors.is_empty() {
            // Never a record dropped without a word.
            let at = self.at_field(unit_field);
            self.errors.push(err::missing_field(&at, &msg!("data-department-s-name")));
        }
        Some(Record { unit: unit?, inputs, written })
    }

    fn value(&mut self, json: &Json, shape: &Shape, place: &Place) -> Option<Value> {
        let program = self.program;
        match shape {
            Shape::Optional(inner) => match json {
                Json::Null => Some(Value::Absent),
                j => self.value(j, inner, place),
            },
            Shape::Text => match json {
                Json::String(s) => Some(Value::Text(s.clone())),
                j => self.fail(err::wrong_type(&self.at(place), &msg!("data-text"), &json_kind(j))),
            },
            Shape::YesNo => match json {
                Json::Bool(b) => Some(Value::Bool(*b)),
                Json::String(s) if let Some(b) = yes_no(&normalise(s)) => Some(Value::Bool(b)),
                j => self.fail(err::wrong_type(&self.at(place), &yes_no_words(), &json_kind(j))),
            },
            Shape::Number { unit: crate::program::Unit::Ratio, min, max, .. } => {
                let expected = || percent_words(*min, *max);
                let n = match json {
                    Json::String(s) => match percentage(&normalise(s)) {
                        Some(n) => n,
                        None => return self.fail(err::wrong_type(&self.at(place), &expected(), &json_kind(json))),
                    },
                    j => return self.fail(err::wrong_type(&self.at(place), &expected(), &json_kind(j))),
                };
                let below = min.is_some_and(|m| if m.inclusive { n < m.value } else { n <= m.value });
                let above = max.is_some_and(|m| if m.inclusive { n > m.value } else { n >= m.value });
                if below || above {
                    return self.fail(err::out_of_range(&self.at(place), &expected(), &json.to_string()));
                }
                Some(Value::Num(n))
            }
            Shape::Number { whole, min, max, .. } => {
                let expected = || number_words(*whole, *min, *max);
                let n = self.number(json, place, expected)?;
                let below = min.is_some_and(|m| if m.inclusive { n < m.value } else { n <= m.value });
                let above = max.is_some_and(|m| if m.inclusive { n > m.value } else { n >= m.value });
                if below || above || (*whole && !n.is_integer()) {
                    return self.fail(err::out_of_range(&self.at(place), &expected(), &json.to_string()));
                }
                Some(Value::Num(n))
            }
            Shape::Rating(s) => {
                let levels = &program.scales[*s].levels;
                match json {
                    // Exactly as the regulation writes it (the common case, no look at the
                    // characters), else as a person reads it.
                    Json::String(w)
                        if let Some(i) = levels
                            .iter()
                            .position(|(n, _)| n == w)
                            .or_else(|| levels.iter().position(|(n, _)| *n == normalise(w))) =>
                    {
                        Some(Value::Level(i))
                    }
                    _ => {
                        let names: Vec<String> = levels.iter().map(|(n, _)| n.clone()).collect();
                        self.word(json, &names, place).map(Value::Level)
                    }
                }
            }
            Shape::Label(l) => self.word(json, &program.label_sets[*l], place).map(Value::Level),
            Shape::List { item, min, max } => self.list(json, item, *min, *max, place),
            Shape::Tally { scale, nonempty } => self.tally(json, *scale, *nonempty, place),
            Shape::Each { indicator, item } => {
                let leaves = program.leaves(*indicator);
                let keys: Vec<&str> = leaves.iter().map(|&n| program.indicators[n].name.as_str()).collect();
                Some(Value::Map(self.keyed(json, &keys, |_| item, place)?))
            }
            Shape::Record(fields) => {
                let keys: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
                Some(Value::Record(self.keyed(json, &keys, |i| &fields[i].1, place)?))
            }
        }
    }

    fn fail<T>(&mut self, d: Diagnostic) -> Option<T> {
        self.errors.push(d);
        None
    }

    fn number(&mut self, json: &Json, place: &Place, expected: impl Fn() -> String) -> Option<Number> {
        let Json::Number(n) = json else {
            return self.fail(err::wrong_type(&self.at(place), &expected(), &json_kind(json)));
        };
        // With arbitrary precision, a JSON number is kept as the text it was written as.
        let text = n.as_str();
        match crate::number::parse_decimal(text) {
            Some(d) => Some(Number::from_decimal(d)),
            None => self.fail(err::bad_number(&self.at(place), text)),
        }
    }

    fn word(&mut self, json: &Json, allowed: &[String], place: &Place) -> Option<usize> {
        let Json::String(s) = json else {
            return self.fail(err::wrong_type(&self.at(place), &one_of(allowed), &json_kind(json)));
        };
        let word = normalise(s);
        match allowed.iter().position(|a| *a == word) {
            Some(i) => Some(i),
            None => self.fail(err::unknown_word(&self.at(place), &visible(s), allowed, did_you_mean(&word, allowed))),
        }
    }

    fn list(&mut self, json: &Json, item: &Shape, min: usize, max: Option<usize>, place: &Place) -> Option<Value> {
        let Json::Array(items) = json else {
            let expected = list_of(&self.expected(item));
            return self.fail(err::wrong_type(&self.at(place), &expected, &json_kind(json)));
        };
        if items.len() < min || max.is_some_and(|m| items.len() > m) {
            let expected = match (min, max) {
                (1, None) => {
                    let item = self.expected(item);
                    msg!("data-non-empty-list-item", item)
                }
                (lo, None) => msg!("data-least-lo-items", lo),
                (lo, Some(hi)) => msg!("data-lo-hi-items", lo, hi),
            };
            return self.fail(err::wrong_length(&self.at(place), &expected, items.len()));
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, v) in items.iter().enumerate() {
            match self.value(v, item, &Place::Item(place, i)) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(Value::List(out))
    }

    fn tally(&mut self, json: &Json, scale: usize, nonempty: bool, place: &Place) -> Option<Value> {
        let levels: Vec<String> = self.program.scales[scale].levels.iter().map(|(n, _)| n.clone()).collect();
        let Json::Object(map) = json else {
            return self.fail(err::wrong_type(&self.at(place), &counts_per_level(&levels), &json_kind(json)));
        };
        let names: Vec<&str> = levels.iter().map(String::as_str).collect();
        let (by_level, unknown) = by_keys(map, &names);
        if !unknown.is_empty() {
            let suggestion = did_you_mean(&unknown[0], &levels);
            return self.fail(err::wrong_keys(&self.at(place), &[], &unknown, suggestion, &levels));
        }
        let mut counts = Vec::with_capacity(levels.len());
        let mut total = Number::ZERO;
        for (level, given) in levels.iter().zip(by_level) {
            let n = match given.map(|v| self.value(v, &Shape::count(), &Place::Key(place, level))) {
                None => Number::ZERO,
                Some(Some(Value::Num(n))) => n,
                Some(_) => return None,
            };
            total = total.checked_add(n).ok()?;
            counts.push(n);
        }
        if nonempty && total.is_zero() {
            return self.fail(err::no_answers(&self.at(place)));
        }
        Some(Value::Tally(counts))
    }

    /// An object with exactly the given keys (optional ones may be missing), each read with
    /// its shape, in the keys' order.
    fn keyed<'s>(
        &mut self,
        json: &Json,
        keys: &[&str],
        shape: impl Fn(usize) -> &'s Shape,
        place: &Place,
    ) -> Option<Vec<Value>> {
        let Json::Object(map) = json else {
            return self.fail(err::wrong_type(&self.at(place), &object_with_keys(keys), &json_kind(json)));
        };
        let (given, unknown) = by_keys(map, keys);
        let missing: Vec<String> = (0..keys.len())
            .filter(|&i| given[i].is_none() && !matches!(shape(i), Shape::Optional(_)))
            .map(|i| keys[i].to_string())
            .collect();
        if !unknown.is_empty() || !missing.is_empty() {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            let suggestion = unknown.first().and_then(|u| did_you_mean(u, &missing));
            return self.fail(err::wrong_keys(&self.at(place), &missing, &unknown, suggestion, &keys));
        }
        let mut out = Vec::with_capacity(keys.len());
        let mut ok = true;
        for (i, (key, value)) in keys.iter().zip(given).enumerate() {
            match value.map_or(Some(Value::Absent), |v| self.value(v, shape(i), &Place::Key(place, key))) {
                Some(v) => out.push(v),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn expected(&self, shape: &Shape) -> String {
        let program = self.program;
        match shape {
            Shape::Text => msg!("data-text"),
            Shape::YesNo => yes_no_words(),
            Shape::Number { unit: crate::program::Unit::Ratio, min, max, .. } => percent_words(*min, *max),
            Shape::Number { whole, min, max, .. } => number_words(*whole, *min, *max),
            Shape::Rating(s) => one_of(&program.scales[*s].level_names()),
            Shape::Label(l) => one_of(&program.label_sets[*l]),
            Shape::List { item, .. } => list_of(&self.expected(item)),
            Shape::Tally { scale, .. } => counts_per_level(&program.scales[*scale].level_names()),
            Shape::Each { indicator, .. } => object_with_keys(&program.leaf_names(*indicator)),
            Shape::Record(fields) => {
                let names = fields.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>();
                msg!("data-record-names", names = names.join(&msg!("sep-list")))
            }
            Shape::Optional(inner) => self.expected(inner),
        }
    }
}

/// `one of 好/较好/差`, `好/较好/差 之一`.
/// The value of each of `keys` in `map`, keys compared as people read them (`names::normalise`:
/// indicators, fields, levels, like names); and, shown visibly, the keys that are none of them
/// or that read as one given before.
fn by_keys<'j>(map: &'j serde_json::Map<String, Json>, keys: &[&str]) -> (Vec<Option<&'j Json>>, Vec<String>) {
    let mut given = vec![None; keys.len()];
    let mut unknown = Vec::new();
    for (key, value) in map {
        let read = normalise(key);
        match keys.iter().position(|k| *k == read) {
            Some(i) if given[i].is_none() => given[i] = Some(value),
            _ => unknown.push(visible(key)),
        }
    }
    (given, unknown)
}

fn one_of<S: AsRef<str>>(words: &[S]) -> String {
    let words = words.iter().map(AsRef::as_ref).collect::<Vec<_>>().join("/");
    msg!("data-one-words", words)
}

fn list_of(item: &str) -> String {
    msg!("data-list-item", item)
}

fn counts_per_level<S: AsRef<str>>(levels: &[S]) -> String {
    let levels = levels.iter().map(AsRef::as_ref).collect::<Vec<_>>();
    msg!("data-counts-per-level-levels", levels = levels.join(&msg!("sep-list")))
}

fn object_with_keys<S: AsRef<str>>(keys: &[S]) -> String {
    let keys = keys.iter().map(AsRef::as_ref).collect::<Vec<_>>();
    msg!("data-object-keys-keys", keys = keys.join(&msg!("sep-list")))
}

/// `a whole number ≥ 0`, `a number from 0 to 100`, `a number > 0`; in Chinese
/// `不小于 0 的整数`, `介于 0 至 100 之间的数`, `大于 0 的数`.
fn number_words(whole: bool, min: Option<Limit>, max: Option<Limit>) -> String {
    let noun = if whole { msg!("data-noun-whole") } else { msg!("data-noun-number") };
    match (min, max) {
        (Some(a), Some(b)) if a.inclusive && b.inclusive => {
            msg!("data-number-between", noun, low = a.value, high = b.value)
        }
        (Some(a), Some(b)) => msg!("data-number-bounded", noun, lower = lower_words(a), upper = upper_words(b)),
        (Some(a), None) => msg!("data-number-bound", noun, bound = lower_words(a)),
        (None, Some(b)) => msg!("data-number-bound", noun, bound = upper_words(b)),
        (None, None) if whole => msg!("data-any-whole"),
        (None, None) => msg!("data-any-number"),
    }
}

/// A lower bound in words: `≥ 5`, `> 5` (不小于 5, 大于 5).
fn lower_words(l: Limit) -> String {
    if l.inclusive { msg!("data-at-least", value = l.value) } else { msg!("data-more-than", value = l.value) }
}

/// An upper bound in words: `≤ 5`, `< 5` (不大于 5, 小于 5).
fn upper_words(l: Limit) -> String {
    if l.inclusive { msg!("data-at-most", value = l.value) } else { msg!("data-less-than", value = l.value) }
}

/// A percentage as written in data, with its sign: `92%`, `92.5％`, `-3%` → 0.92, 0.925,
/// −0.03. A number without `%` is not read: is 92 ninety-two percent, or 9200%?
pub fn percentage(text: &str) -> Option<Number> {
    let digits = text.strip_suffix(['%', '％'])?.trim_end();
    let d = crate::number::parse_decimal(digits)?;
    Number::from_decimal(d).checked_div(Number::int(100)).ok()
}

/// What a percentage field accepts, for messages; bounds shown as percentages.
fn percent_words(min: Option<Limit>, max: Option<Limit>) -> String {
    let pct = |l: Limit| {
        let n = l.value.checked_mul(Number::int(100)).unwrap_or(l.value);
        let shown = n.to_decimal(4).map_or_else(|_| n.to_string(), |d| d.normalize().to_string());
        (format!("{shown}%"), l.inclusive)
    };
    let (lo, hi) = (min.map(pct), max.map(pct));
    let bound = |(value, inclusive): (String, bool), at: &str| match (at, inclusive) {
        ("lower", true) => msg!("data-at-least", value),
        ("lower", false) => msg!("data-more-than", value),
        (_, true) => msg!("data-at-most", value),
        (_, false) => msg!("data-less-than", value),
    };
    match (lo, hi) {
        (Some((low, _)), Some((high, _))) => msg!("data-percentage-between", low, high),
        (Some(a), None) => msg!("data-percentage-bound", bound = bound(a, "lower")),
        (None, Some(b)) => msg!("data-percentage-bound", bound = bound(b, "upper")),
        (None, None) => msg!("data-percentage"),
    }
}

/// A yes/no answer written as a word: 是/否, or true/false as JSON and spreadsheets write
/// them (`TRUE` in a cell Excel or WPS formats as a logical value).
pub fn yes_no(word: &str) -> Option<bool> {
    match word {
        "是" | "true" | "TRUE" | "True" => Some(true),
        "否" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

/// What a yes/no field accepts, for messages.
pub fn yes_no_words() -> String {
    msg!("data-yes-no-true-false")
}

pub fn json_kind(json: &Json) -> String {
    match json {
        Json::Null => msg!("data-null"),
        Json::Bool(b) => msg!("data-b", b),
        Json::Number(n) => msg!("data-number-n", n),
        Json::String(s) => {
            let s = visible(s);
            msg!("data-text-s", s)
        }
        Json::Array(a) => msg!("data-list-item-s", a = a.len()),
        Json::Object(_) => msg!("data-object"),
    }
}

#[cfg(test)]
mod tests {
    use super::Start;

    /// Lines and columns counted on from a place, whole or a piece at a time, in bytes and in
    /// characters.
    #[test]
    fn places_count_lines_bytes_and_characters() {
        let text = "[\n  {\"部门\": \"甲\"},\n  {\"部".as_bytes();
        let whole = Start::default().after(text);
        assert_eq!(whole, Start { line: 3, byte_column: 8, char_column: 6 });
        for cut in 0..text.len() {
            let (a, b) = text.split_at(cut);
            assert_eq!(Start::default().after(a).after(b), whole, "cut at {cut}");
        }
        assert_eq!(Start::line(4).after(b"ab"), Start { line: 4, byte_column: 3, char_column: 3 });
    }
}
