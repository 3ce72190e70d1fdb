//! Evaluation diagnostics: a requirement not met (E0713), arithmetic (E08xx), grade bands
//! that do not fit the parameters. Each names the department and the value.

use crate::data::err::{At, record_words};
use crate::diagnostic::Diagnostic;
use crate::lang::{msg, tr};
use crate::number::ArithError;

pub fn requirement(at: &At, message: &str, article: Option<&String>) -> Diagnostic {
    let at_words = at.describe();
    let (by, by_zh) = article.map(|a| (format!(" ({a})"), format!("（{a}）"))).unwrap_or_default();
    Diagnostic::error(
        "E0713",
        tr(
            format!("{at_words}: requirement not met{by}: {message}"),
            format!("{at_words}：不符合要求{by_zh}：{message}"),
        ),
    )
    .help(msg!("eval-correct-data-so-requirement-holds"))
}

/// An arithmetic failure while computing `value` for a record.
pub fn arithmetic(record: &str, value: &str, e: ArithError) -> Diagnostic {
    let (code, help) = match e {
        ArithError::Overflow => ("E0801", msg!("eval-check-data-numbers-far-larger")),
        ArithError::DivisionByZero => ("E0802", msg!("eval-divisor-was-zero-department-check")),
    };
    let what_zh = match e {
        ArithError::Overflow => "结果太大，无法精确计算",
        ArithError::DivisionByZero => "除数为零",
    };
    let record = record_words(record);
    Diagnostic::error(
        code,
        tr(format!("{record}, computing `{value}`: {e}"), format!("{record}，计算“{value}”时：{what_zh}")),
    )
    .help(help)
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
    let what_zh = match what {
        "a number was expected" => "此处应为数字",
        "an entry outside the indicator's leaves" => "出现了指标末级以外的项",
        "entries per indicator were expected" => "此处应为每个指标各一项",
        "a level was expected" => "此处应为级别",
        "a rating was expected" => "此处应为评价结果",
        "one value per leaf was expected" => "此处应为每个末级指标各一个值",
        "a leaf without a value" => "有末级指标没有值",
        "numbers were expected" => "此处应为数字",
        "conditions per item were expected" => "此处应为每项一个条件",
        "a list and a condition per item were expected" => "此处应为一个列表及其每项的条件",
        other => other,
    };
    let record = record_words(record);
    Diagnostic::error(
        "E0805",
        tr(
            format!("{record}, computing `{value}`: internal error: {what}"),
            format!("{record}，计算“{value}”时：内部错误：{what_zh}"),
        ),
    )
    .help(msg!("eval-defect-jixiao-not-your-file"))
}

pub fn bad_bands(grade: &str, problem: &str, set: &[String]) -> Diagnostic {
    Diagnostic::error(
        "E0803",
        msg!("eval-set-bands-grade-wrong-problem", set = set.join(&msg!("sep-list")), grade, problem),
    )
    .help(msg!("eval-choose-cut-offs-keep-bands"))
}
