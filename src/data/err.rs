//! Data diagnostics (E07xx). Data has no spans in the regulation file, so each message names
//! the record (department) and the field path, and for tables the sheet and cell.

use crate::diagnostic::Diagnostic;
use crate::lang::msg;

/// Where in the data: which record and which field.
#[derive(Clone, Debug, Default)]
pub struct At {
    pub record: String,
    pub path: String,
    /// The sheet and cell the value came from (`部门, cell C12`), for data read from a table.
    pub cell: Option<String>,
}

impl At {
    pub(crate) fn describe(&self) -> String {
        let record = record_words(&self.record);
        let field =
            if self.path.is_empty() { record } else { msg!("data-record-field-path", record, path = self.path) };
        match &self.cell {
            Some(cell) => msg!("data-field-cell", field, cell),
            None => field,
        }
    }
}

/// A record as the data stages name it (`department "省财政厅"`, `record 3`, `the default`,
/// `unit 2 of the test`), in words of the current language: `部门“省财政厅”`, `第 3 条记录` ….
pub(crate) fn record_words(record: &str) -> String {
    if let Some(name) = record.strip_prefix("department \"").and_then(|r| r.strip_suffix('"')) {
        return msg!("data-record-department", name);
    }
    if let Some(n) = record.strip_prefix("record ") {
        return msg!("data-record-number", n);
    }
    if let Some(n) = record.strip_prefix("unit ").and_then(|r| r.strip_suffix(" of the test")) {
        return msg!("data-record-test-unit", n);
    }
    if record == "the default" {
        return msg!("data-record-default");
    }
    record.to_string()
}

/// Items in quotes: `` `a`, `b` `` or “a”、“b”.
fn quoted(items: &[String]) -> String {
    items.iter().map(|item| msg!("data-quoted", item)).collect::<Vec<_>>().join(&msg!("sep-list"))
}

pub fn invalid_json(file: &str, line: usize, column: usize, what: &str) -> Diagnostic {
    Diagnostic::error("E0701", msg!("data-file-line-column-data-not", file, line, column, what))
        .help(msg!("data-check-brackets-commas-quotes-near"))
}

pub fn duplicate_key(file: &str, line: usize, column: usize, key: &str) -> Diagnostic {
    Diagnostic::error("E0714", msg!("data-file-line-column-key-key", file, line, column, key))
        .help(msg!("data-keep-one-them-reader-would"))
}

pub fn bad_default(span: crate::source::Span, why: &str) -> Diagnostic {
    Diagnostic::error("E0715", why.to_string())
        .label(span, msg!("data-input-s-default-does-not"))
        .help(msg!("data-write-default-input-s-type"))
}

pub fn not_a_list(found: &str) -> Diagnostic {
    Diagnostic::error("E0702", msg!("data-data-must-json-array-records", found))
        .help(msg!("data-wrap-records-even-when-there"))
}

pub fn missing_field(at: &At, expected: &str) -> Diagnostic {
    let at_words = at.describe();
    let path = &at.path;
    Diagnostic::error("E0703", msg!("data-words-field-missing", at_words)).help(msg!(
        "data-add-path-expected",
        path,
        expected
    ))
}

pub fn wrong_type(at: &At, expected: &str, found: &str) -> Diagnostic {
    let at_words = at.describe();
    Diagnostic::error("E0704", msg!("data-expected-found", at_words, expected, found))
        .help(msg!("data-write-expected-here", expected))
}

pub fn unknown_word(at: &At, word: &str, allowed: &[String], suggestion: Option<String>) -> Diagnostic {
    let help = match suggestion {
        Some(s) => msg!("data-did-you-mean-s-allowed", s, allowed = allowed.join(&msg!("sep-list"))),
        None => msg!("data-allowed-allowed", allowed = allowed.join(&msg!("sep-list"))),
    };
    let (at_words, one_of) = (at.describe(), allowed.join("/"));
    Diagnostic::error("E0705", msg!("data-words-expected-one-one-found", at_words, one_of, word)).help(help)
}

pub fn out_of_range(at: &At, expected: &str, found: &str) -> Diagnostic {
    let at_words = at.describe();
    // A space between Chinese and a number written in the data, none before Chinese.
    let zh_space = if found.starts_with(|c: char| c.is_ascii()) { " " } else { "" };
    Diagnostic::error("E0706", msg!("data-out-of-range", at_words, expected, found, zh_space))
        .help(msg!("data-correct-value-must-expected", expected))
}

pub fn wrong_length(at: &At, expected: &str, found: usize) -> Diagnostic {
    let at_words = at.describe();
    Diagnostic::error("E0707", msg!("data-wrong-length", at_words, expected, found))
        .help(msg!("data-give-expected", expected))
}

pub fn unknown_field(at: &At, field: &str, allowed: &[String], suggestion: Option<String>) -> Diagnostic {
    let help = match suggestion {
        Some(s) => msg!("data-did-you-mean-s", s),
        None => msg!("data-fields-allowed", allowed = allowed.join(&msg!("sep-list"))),
    };
    let at_words = at.describe();
    Diagnostic::error("E0708", msg!("data-words-unknown-field-field", at_words, field)).help(help)
}

pub fn wrong_keys(
    at: &At,
    missing: &[String],
    unknown: &[String],
    suggestion: Option<String>,
    keys: &[String],
) -> Diagnostic {
    let mut parts = Vec::new();
    if !unknown.is_empty() {
        parts.push(msg!("data-unknown-quoted", quoted = quoted(unknown)));
    }
    if !missing.is_empty() {
        parts.push(msg!("data-missing-quoted", quoted = quoted(missing)));
    }
    let help = match suggestion {
        Some(s) => msg!("data-did-you-mean-s-keys", s, keys = keys.join(&msg!("sep-list"))),
        None => msg!("data-keys-keys", keys = keys.join(&msg!("sep-list"))),
    };
    let (at_words, parts) = (at.describe(), parts.join(&msg!("sep-semicolon")));
    Diagnostic::error("E0709", msg!("data-words-parts", at_words, parts)).help(help)
}

/// A department named twice; `written` is how the second names it, when that differs from the
/// name as read (invisible characters, spaces at the ends).
pub fn duplicate_unit(at: &At, first: usize, written: Option<&str>) -> Diagnostic {
    let at_words = at.describe();
    let message = match written {
        Some(w) => msg!("data-duplicate-unit-written", at_words, first, written = super::names::visible(w)),
        None => msg!("data-duplicate-unit", at_words, first),
    };
    Diagnostic::error("E0710", message).help(msg!("data-each-department-may-appear-once"))
}

pub fn no_answers(at: &At) -> Diagnostic {
    let at_words = at.describe();
    Diagnostic::error("E0711", msg!("data-words-expected-least-one-answer", at_words))
        .help(msg!("data-survey-s-counts-must-add"))
}

pub fn bad_number(at: &At, text: &str) -> Diagnostic {
    let at_words = at.describe();
    Diagnostic::error("E0712", msg!("data-words-number-text-cannot-read", at_words, text))
        .help(msg!("syntax-numbers-have-most-28-significant"))
}
