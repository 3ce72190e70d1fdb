//! Evaluation diagnostics: a requirement not met (E0713), arithmetic (E08xx), grade bands
//! that do not fit the parameters. Each names the department and the value.

use crate::data::err::{At, record_words};
use crate::diagnostic::Diagnostic;
use crate::lang::tr;
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
    .help(tr("correct the data so that the requirement holds", "请更正数据，使其符合这条要求"))
}

/// An arithmetic failure while computing `value` for a record.
pub fn arithmetic(record: &str, value: &str, e: ArithError) -> Diagnostic {
    let (code, help) = match e {
        ArithError::Overflow => (
            "E0801",
            tr(
                "check the data for numbers far larger than the regulation expects",
                "请检查数据中是否有远大于办法预期的数字",
            ),
        ),
        ArithError::DivisionByZero => (
            "E0802",
            tr("a divisor was zero for this department; check its data", "该部门的某个除数为零；请检查它的数据"),
        ),
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
    Diagnostic::error(
        "E0806",
        tr(
            format!("{record}, computing `{value}`: `{part}` scored {score}, outside its points (0 to {points})"),
            format!("{record}，计算“{value}”时：“{part}”得 {score} 分，超出其分值（0 至 {points} 分）"),
        ),
    )
    .help(tr(
        format!("keep `{part}` within its points in the regulation (`封顶 {points}分`, `扣完为止`), or correct the data it is computed from"),
        format!("请在办法中使“{part}”不超出其分值（“封顶 {points}分”“扣完为止”），或更正其所依据的数据"),
    ))
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
    .help(tr(
        "this is a defect in jixiao, not in your file; please report it with the regulation and the data",
        "这是 jixiao 程序本身的缺陷，不是您文件的问题；请连同办法文件和数据一并报告",
    ))
}

pub fn bad_bands(grade: &str, problem: &str, set: &[String]) -> Diagnostic {
    Diagnostic::error(
        "E0803",
        tr(
            format!("with {}, the bands of `{grade}` are wrong: {problem}", set.join(", ")),
            format!("按 {} 计算，“{grade}”的各档划分有误：{problem}", set.join("、")),
        ),
    )
    .help(tr(
        "choose cut-offs that keep the bands in order, highest first",
        "请选择能保持各档顺序的分数线，从高到低排列",
    ))
}
