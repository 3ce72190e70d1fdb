//! Data and evaluation diagnostics: data E07xx, evaluation E08xx. Data has no spans in the
//! regulation file, so each message names the record (department) and the field path.

use crate::diagnostic::Diagnostic;
use crate::number::ArithError;

/// Where in the data: which record and which field.
#[derive(Clone, Debug)]
pub struct At {
    pub record: String,
    pub path: String,
}

impl At {
    fn describe(&self) -> String {
        if self.path.is_empty() { self.record.clone() } else { format!("{}, field `{}`", self.record, self.path) }
    }
}

pub fn invalid_json(file: &str, line: usize, column: usize, what: &str) -> Diagnostic {
    Diagnostic::error("E0701", format!("{file}:{line}:{column}: the data is not valid JSON: {what}"))
        .help("check the brackets, commas and quotes near that place; a spreadsheet export may have cut the file short")
}

pub fn duplicate_key(file: &str, line: usize, column: usize, key: &str) -> Diagnostic {
    Diagnostic::error("E0714", format!("{file}:{line}:{column}: the key \"{key}\" appears twice in the same object"))
        .help("keep one of them: a reader would silently use only the last")
}

pub fn bad_default(span: crate::source::Span, why: &str) -> Diagnostic {
    Diagnostic::error("E0715", why.to_string())
        .label(span, "this input's default does not fit its type")
        .help("write a default of the input's type and within its limits, as in `默认 0` or `默认 []`")
}

pub fn not_a_list(found: &str) -> Diagnostic {
    Diagnostic::error("E0702", format!("the data must be a JSON array of records, one per department; found {found}"))
        .help("wrap the records in [ … ], even when there is only one")
}

pub fn missing_field(at: &At, expected: &str) -> Diagnostic {
    Diagnostic::error("E0703", format!("{}: the field is missing", at.describe()))
        .help(format!("add `{}` with {expected}", at.path))
}

pub fn wrong_type(at: &At, expected: &str, found: &str) -> Diagnostic {
    Diagnostic::error("E0704", format!("{}: expected {expected}, found {found}", at.describe()))
        .help(format!("write {expected} here"))
}

pub fn unknown_word(at: &At, word: &str, allowed: &[String], suggestion: Option<String>) -> Diagnostic {
    let help = match suggestion {
        Some(s) => format!("did you mean `{s}`? Allowed: {}", allowed.join(", ")),
        None => format!("allowed: {}", allowed.join(", ")),
    };
    Diagnostic::error("E0705", format!("{}: expected one of {}, found \"{word}\"", at.describe(), allowed.join("/")))
        .help(help)
}

pub fn out_of_range(at: &At, expected: &str, found: &str) -> Diagnostic {
    Diagnostic::error("E0706", format!("{}: expected {expected}, found {found}", at.describe()))
        .help(format!("correct the value: it must be {expected}"))
}

pub fn wrong_length(at: &At, expected: &str, found: usize) -> Diagnostic {
    Diagnostic::error("E0707", format!("{}: expected {expected}, found {found} item(s)", at.describe()))
        .help(format!("give {expected}"))
}

pub fn unknown_field(at: &At, field: &str, allowed: &[String], suggestion: Option<String>) -> Diagnostic {
    let help = match suggestion {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("the fields are: {}", allowed.join(", ")),
    };
    Diagnostic::error("E0708", format!("{}: unknown field `{field}`", at.describe())).help(help)
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
        parts.push(format!("unknown {}", quoted(unknown)));
    }
    if !missing.is_empty() {
        parts.push(format!("missing {}", quoted(missing)));
    }
    let help = match suggestion {
        Some(s) => format!("did you mean `{s}`? The keys are: {}", keys.join(", ")),
        None => format!("the keys are: {}", keys.join(", ")),
    };
    Diagnostic::error("E0709", format!("{}: {}", at.describe(), parts.join("; "))).help(help)
}

pub fn duplicate_unit(at: &At, first: usize) -> Diagnostic {
    Diagnostic::error(
        "E0710",
        format!("{}: the same department appears again (first as record {first})", at.describe()),
    )
    .help("each department may appear once in a data file; merge or rename the records")
}

pub fn no_answers(at: &At) -> Diagnostic {
    Diagnostic::error("E0711", format!("{}: expected at least one answer, found none", at.describe()))
        .help("a survey's counts must add up to more than 0; check that the tally was filled in")
}

pub fn bad_number(at: &At, text: &str) -> Diagnostic {
    Diagnostic::error("E0712", format!("{}: the number {text} cannot be read exactly", at.describe()))
        .help("numbers have at most 28 significant digits")
}

pub fn requirement(at: &At, message: &str, article: Option<&String>) -> Diagnostic {
    let by = article.map(|a| format!(" ({a})")).unwrap_or_default();
    Diagnostic::error("E0713", format!("{}: requirement not met{by}: {message}", at.describe()))
        .help("correct the data so that the requirement holds")
}

/// An arithmetic failure while computing `value` for a record.
pub fn arithmetic(record: &str, value: &str, e: ArithError) -> Diagnostic {
    let (code, help) = match e {
        ArithError::Overflow => ("E0801", "check the data for numbers far larger than the regulation expects"),
        ArithError::DivisionByZero => ("E0802", "a divisor was zero for this department; check its data"),
    };
    Diagnostic::error(code, format!("{record}, computing `{value}`: {e}")).help(help)
}

pub fn internal(record: &str, value: &str, what: &str) -> Diagnostic {
    Diagnostic::error("E0805", format!("{record}, computing `{value}`: internal error: {what}"))
        .help("this is a defect in jixiao, not in your file; please report it with the regulation and the data")
}

pub fn bad_bands(grade: &str, problem: &str, set: &[String]) -> Diagnostic {
    Diagnostic::error("E0803", format!("with {}, the bands of `{grade}` are wrong: {problem}", set.join(", ")))
        .help("choose cut-offs that keep the bands in order, highest first")
}

fn quoted(items: &[String]) -> String {
    items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
}
