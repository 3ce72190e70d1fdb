//! Evaluation diagnostics: a requirement not met (E0713), arithmetic (E08xx), grade bands
//! that do not fit the parameters. Each names the department and the value.

use crate::data::err::{At, record_words};
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::number::ArithError;

pub fn requirement(at: &At, message: &str, article: Option<&String>) -> Diagnostic {
    let at_words = at.describe();
    let said = match article {
        Some(article) => msg!("eval-requirement-of-article", at_words, article, message),
        None => msg!("eval-requirement", at_words, message),
    };
    Diagnostic::error("E0713", said).help(msg!("eval-correct-data-so-requirement-holds"))
}

/// An arithmetic failure while computing `value` for a record.
pub fn arithmetic(record: &str, value: &str, e: ArithError) -> Diagnostic {
    let (code, help) = match e {
        ArithError::Overflow => ("E0801", msg!("eval-check-data-numbers-far-larger")),
        ArithError::DivisionByZero => ("E0802", msg!("eval-divisor-was-zero-department-check")),
    };
    let what = match e {
        ArithError::Overflow => msg!("eval-overflow"),
        ArithError::DivisionByZero => msg!("eval-division-by-zero"),
    };
    let record = record_words(record);
    Diagnostic::error(code, msg!("eval-arithmetic", record, value, what)).help(help)
}

/// A part of a roll-up in points scored outside its points.
pub fn over_points(
    record: &str,
    value: &str,
    part: &str,
    score: crate::number::Number,
    points: crate::number::Number,
) -> Diagnostic {
    let record = record_words(record);
    let shown =
        |n: crate::number::Number| n.to_decimal(4).map_or_else(|_| n.to_string(), |d| d.normalize().to_string());
    let (score, points) = (shown(score), shown(points));
    Diagnostic::error("E0806", msg!("eval-record-computing-value-part-scored", record, value, part, score, points))
        .help(msg!("eval-keep-part-within-points-regulation", part, points))
}

pub fn internal(record: &str, value: &str, what: &str) -> Diagnostic {
    // Words for the faults the evaluator names; any other in its own words.
    let what = match what {
        "a number was expected" => msg!("eval-internal-a-number-was-expected"),
        "an entry outside the indicator's leaves" => msg!("eval-internal-an-entry-outside-the-indicator"),
        "entries per indicator were expected" => msg!("eval-internal-entries-per-indicator-were-expected"),
        "a level was expected" => msg!("eval-internal-a-level-was-expected"),
        "a rating was expected" => msg!("eval-internal-a-rating-was-expected"),
        "one value per leaf was expected" => msg!("eval-internal-one-value-per-leaf-was"),
        "a leaf without a value" => msg!("eval-internal-a-leaf-without-a-value"),
        "numbers were expected" => msg!("eval-internal-numbers-were-expected"),
        "conditions per item were expected" => msg!("eval-internal-conditions-per-item-were-expected"),
        "a list and a condition per item were expected" => msg!("eval-internal-a-list-and-a-condition"),
        other => other.to_string(),
    };
    let record = record_words(record);
    Diagnostic::error("E0805", msg!("eval-internal", record, value, what))
        .help(msg!("eval-defect-jixiao-not-your-file"))
}

pub fn bad_bands(grade: &str, problem: &str, set: &[String]) -> Diagnostic {
    Diagnostic::error(
        "E0803",
        msg!("eval-set-bands-grade-wrong-problem", set = set.join(&msg!("sep-list")), grade, problem),
    )
    .help(msg!("eval-choose-cut-offs-keep-bands"))
}
