//! Checker diagnostics: names E02xx, types and units E03xx, structure E04xx, embedded
//! tests E06xx, warnings W05xx.

use crate::diagnostic::Diagnostic;
use crate::lang::{chinese, msg, tr};
use crate::program::{Ty, Unit};
use crate::source::Span;

pub fn unknown_name(span: Span, name: &str, what: &str, candidates: &[String]) -> Diagnostic {
    let what_zh = match what {
        "sample" => "样例",
        "parameter" => "参数",
        "scale" => "等级",
        "type or scale" => "类型或等级",
        "indicator" => "指标",
        "value" => "计算值",
        _ => "名称",
    };
    let d = Diagnostic::error("E0201", tr(format!("unknown {what} `{name}`"), format!("未知的{what_zh}“{name}”")))
        .label(span, tr(format!("no {what} has this name"), format!("没有这个{what_zh}")));
    let declare = match what {
        "sample" => msg!("check-declare-sample"),
        "parameter" => msg!("check-declare-param"),
        "scale" | "type or scale" => msg!("check-declare-scale-scale-use"),
        "indicator" => msg!("check-declare-indicator"),
        "value" => {
            msg!("check-expectations-name-computed-values")
        }
        _ => msg!("check-declare-first"),
    };
    match did_you_mean(name, candidates) {
        Some(best) => d.help(msg!("check-did-you-mean-best", best)),
        None => d.help(msg!("check-declare-check-spelling-name", declare, name)),
    }
}

pub fn duplicate(span: Span, first: Span, name: &str) -> Diagnostic {
    Diagnostic::error("E0202", msg!("check-name-declared-twice", name))
        .label(span, msg!("check-declared-again-here"))
        .label(first, msg!("check-first-declared-here"))
        .help(msg!("check-give-each-input-parameter-value"))
}

pub fn cycle(span: Span, path: &[String]) -> Diagnostic {
    Diagnostic::error("E0203", msg!("check-circular-definition-path", path = path.join(" → ")))
        .label(span, msg!("check-value-depends-itself"))
        .help(msg!("check-value-cannot-computed-itself-break"))
}

pub fn unknown_function(span: Span, name: &str, candidates: &[String]) -> Diagnostic {
    let d =
        Diagnostic::error("E0204", msg!("check-unknown-function-name", name)).label(span, msg!("check-not-function"));
    let help = match did_you_mean(name, candidates) {
        Some(best) => msg!("check-did-you-mean-best", best),
        None => msg!("check-functions-candidates", candidates = candidates.join(&msg!("sep-list"))),
    };
    d.help(help)
}

pub fn not_an_indicator(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error("E0205", msg!("check-name-not-indicator", name))
        .label(span, msg!("check-indicator-expected-here"))
        .help(msg!("check-name-indicator-declared"))
}

pub fn unknown_key(span: Span, key: &str, of: &str, keys: &[String]) -> Diagnostic {
    let d =
        Diagnostic::error("E0206", msg!("check-has-no-entry-key", of, key)).label(span, msg!("check-no-such-entry"));
    match did_you_mean(key, keys) {
        Some(best) => d.help(msg!("check-did-you-mean-best-entries", best, keys = keys.join(&msg!("sep-list")))),
        None => d.help(msg!("check-entries-keys", keys = keys.join(&msg!("sep-list")))),
    }
}

pub fn unknown_label(span: Span, word: &str, labels: &[String]) -> Diagnostic {
    let d = Diagnostic::error("E0207", msg!("check-word-not-one-levels-here", word))
        .label(span, msg!("check-unknown-level"));
    match did_you_mean(word, labels) {
        Some(best) => d.help(msg!("check-did-you-mean-best-levels", best, labels = labels.join(&msg!("sep-list")))),
        None => d.help(msg!("check-levels-labels", labels = labels.join(&msg!("sep-list")))),
    }
}

pub fn unit_mismatch(span: Span, op: &str, a: Unit, b: Unit) -> Diagnostic {
    unit_mismatch_in(span, op, (a, None), (b, None), None)
}

/// A number in a product written without a unit, which written in the unit of the other side
/// would make the two meet: `20分 - 5 × 扣分次数` wants `5分`.
pub struct UnitFix {
    /// The unit it should be written in (points or a percentage).
    pub unit: Unit,
    /// The side it is in, as written (`x × 扣分次数`), and that side's unit now.
    pub side: String,
    pub side_unit: Unit,
    pub what: Unitless,
}

pub enum Unitless {
    /// A number written as `5`.
    Number { text: String },
    /// A parameter declared without a unit (`参数 x = 5`) at `declared`.
    Param { name: String, value: String, declared: Span },
}

/// A unit mismatch; each side's unit and, where known, its text as written, and a number or
/// parameter that wants a unit, if the formula shows one.
pub fn unit_mismatch_in(
    span: Span,
    op: &str,
    (a, a_text): (Unit, Option<&str>),
    (b, b_text): (Unit, Option<&str>),
    fix: Option<UnitFix>,
) -> Diagnostic {
    let (ua, ub) = (unit_words(a), unit_words(b));
    // What is done with the two, in Chinese: `分值（分）与百分比相加`.
    let done = match op {
        "add" => format!("{ua}与{ub}相加"),
        "subtract" => format!("{ua}与{ub}相减"),
        "divide" => format!("{ua}与{ub}相除"),
        "compare" => format!("{ua}与{ub}比较"),
        "limit" => format!("用{ub}为{ua}封顶或保底"),
        "weigh together" => format!("{ua}与{ub}加权合计"),
        "choose between" => format!("{ua}与{ub}作为同一个值的不同结果"),
        _ => format!("{ua}与{ub}一起使用"),
    };
    let label = match op {
        "add" => format!("{ua} + {ub}"),
        "subtract" => format!("{ua} − {ub}"),
        "divide" => format!("{ua} ÷ {ub}"),
        "compare" => format!("{ua} compared with {ub}"),
        "limit" => format!("{ua} limited by {ub}"),
        "weigh together" => format!("{ua} weighed with {ub}"),
        "choose between" => format!("either {ua} or {ub}"),
        _ => format!("{ua} with {ub}"),
    };
    let cannot = if op == "limit" { format!("不能{done}") } else { format!("不能把{done}") };
    let d = Diagnostic::error("E0301", tr(format!("cannot {op} {ua} and {ub}"), cannot)).label(span, tr(label, done));
    let Some(fix) = fix else {
        // A count meeting points (or a percentage): the count, times the points for each one.
        let count = match (a, b) {
            _ if op == "divide" => None,
            (Unit::Count, other @ (Unit::Points | Unit::Ratio)) => Some((a_text, other)),
            (other @ (Unit::Points | Unit::Ratio), Unit::Count) => Some((b_text, other)),
            _ => None,
        };
        return d.help(match count {
            Some((text, unit)) => {
                // The count as written, if it is a name (`扣分次数`), else a stand-in.
                let text = text.filter(|t| t.chars().count() <= 20 && !t.contains(char::is_whitespace));
                let each = if unit == Unit::Points { "5分" } else { "2%" };
                let example = format!("{each} × {}", text.unwrap_or("次数"));
                let (per, (what, what_zh)) = (unit_words(unit), per_item(unit));
                tr(
                    format!("a count is not {per}: multiply it by the {what} for each one, as in `{example}`"),
                    format!("次数不是{per}：请乘以每次的{what_zh}，如“{example}”"),
                )
            }
            None => msg!("check-multiply-percentage-points-get-points"),
        });
    };
    let (unit, now) = (unit_words(fix.unit), unit_words(fix.side_unit));
    let side = fix.side;
    match fix.what {
        Unitless::Number { text } => {
            let written = format!("{text}{}", fix.unit.suffix());
            d.help(msg!("check-text-has-no-unit-so", text, side, now, written, unit))
        }
        Unitless::Param { name, value, declared } => {
            let decl = format!("参数 {name} = {value}{}", fix.unit.suffix());
            d.label(declared, msg!("check-declared-without-unit")).help(msg!(
                "check-parameter-name-has-no-unit",
                name,
                side,
                now,
                decl,
                unit
            ))
        }
    }
}

/// What one item of a count is worth, in a unit: points or a percentage.
fn per_item(u: Unit) -> (&'static str, &'static str) {
    if u == Unit::Points { ("points", "分值") } else { ("percentage", "百分比") }
}

pub fn rating_as_number(span: Span, scale: &str) -> Diagnostic {
    Diagnostic::error("E0302", msg!("check-rating-scale-scale-used-number", scale))
        .label(span, msg!("check-rating-not-number"))
        .help(msg!("check-use-percentage-factor-turns-into"))
}

pub fn type_mismatch(span: Span, expected: &str, found: &str) -> Diagnostic {
    let (expected_zh, found_zh) = (zh(expected), zh(found));
    Diagnostic::error(
        "E0303",
        tr(format!("expected {expected}, found {found}"), format!("此处应为{expected_zh}，实际为{found_zh}")),
    )
    .label(span, tr(format!("this is {found}"), format!("这是{found_zh}")))
    .help(tr(format!("write {expected} here"), format!("此处请写{expected_zh}")))
}

pub fn tally_as_list(span: Span) -> Diagnostic {
    Diagnostic::error("E0304", msg!("check-tally-count-per-level-used"))
        .label(span, msg!("check-tally"))
        .help(msg!("check-use-number-answers-one-level"))
}

pub fn maybe_zero(span: Span, what: &str) -> Diagnostic {
    let what_zh = zh(what);
    Diagnostic::error("E0305", tr(format!("{what} can be zero here"), format!("{what_zh}在此处可能为零")))
        .label(span, msg!("check-may-zero"))
        .help(msg!("check-declare-list-nonempty-number-input"))
}

pub fn arity(span: Span, func: &str, expected: &str, found: usize) -> Diagnostic {
    let expected_zh = zh(expected);
    Diagnostic::error(
        "E0306",
        tr(
            format!("`{func}` takes {expected}, found {found}"),
            format!("“{func}”需要{expected_zh}，实际给了 {found} 项"),
        ),
    )
    .label(span, msg!("check-wrong-number-arguments"))
    .help(tr(
        format!("call it as shown in the tour: `{func}(…)` with {expected}"),
        format!("请按说明中的写法使用：“{func}(…)”，括号内写{expected_zh}"),
    ))
}

pub fn not_constant(span: Span, what: &str) -> Diagnostic {
    let what_zh = zh(what);
    Diagnostic::error("E0307", tr(format!("{what} must be a fixed number"), format!("{what_zh}必须是固定的数")))
        .label(span, msg!("check-depends-department-s-data"))
        .help(msg!("check-write-number-60-10-parameter"))
}

pub fn points_times_points(span: Span) -> Diagnostic {
    Diagnostic::error("E0308", msg!("check-points-multiplied-points-have-no"))
        .label(span, "分 × 分")
        .help(msg!("check-one-side-should-percentage-count"))
}

pub fn fractional_cutoff(span: Span) -> Diagnostic {
    Diagnostic::error("E0412", msg!("check-cut-off-written-whole-number"))
        .label(span, msg!("check-not-whole-number"))
        .help(msg!("check-70-89-means-least-70"))
}

pub fn part_without_points(span: Span, parts: &[String]) -> Diagnostic {
    let (en, zh) = (parts.join(", "), parts.join("、"));
    Diagnostic::error(
        "E0315",
        tr(
            format!("parts scored in points are added up, but these have no points (分值) to stay within: {en}"),
            format!("各部分按分值得分并相加，但以下部分没有规定分值：{zh}"),
        ),
    )
    .label(span, msg!("check-sum-parts-scored-points"))
    .help(tr(
        format!("give each its points in the indicator tree (`{} 分值 20`), or score the parts as percentages of their points", parts[0]),
        format!("请在指标体系中写明“{zh}”的分值（如“{} 分值 20”），或把各部分的得分写成占其分值的百分比", parts[0]),
    ))
}

pub fn fractional_count(span: Span, written: &str, bonus: bool) -> Diagnostic {
    let (sign, verb, verb_zh) = if bonus { ("+", "add", "加上") } else { ("-", "subtract", "减去") };
    Diagnostic::error(
        "E0316",
        msg!("check-counts-whole-times-but-can"),
    )
    .label(span, msg!("check-can-fraction"))
    .help(tr(
        format!("say how a part counts: `每 向下取整({written})` counts only whole steps (84% over 80% in 5% steps is 0), `每 向上取整({written})` counts any part as a step; for points in proportion, {verb} a product instead (`{sign} 1分 × {written}`)"),
        format!("请写明不足一次的部分如何计：“每 向下取整({written})”只计整次（超出 4%、每 5% 一档计 0 次），“每 向上取整({written})”不足一次也计一次；若要按比例计分，请直接{verb_zh}乘积（“{sign} 1分 × {written}”）"),
    ))
}

/// `汇总(甲)` where 甲 has no parts: a roll-up of nothing would be 0, silently.
pub fn rollup_of_a_leaf(span: Span, name: &str, values: Option<&str>) -> Diagnostic {
    let (own, own_zh) = match values {
        Some(values) => (format!("`{values}[{name}]`"), format!("“{values}[{name}]”")),
        None => (format!("the value named `{name}`"), format!("名为“{name}”的值")),
    };
    Diagnostic::error("E0317", msg!("check-name-has-no-parts-indicator", name))
        .label(span, msg!("check-indicator-without-parts"))
        .help(tr(
            format!("use the value of `{name}` itself ({own}); 汇总 weighs the parts of an indicator that has them"),
            format!("请直接使用“{name}”本身的值（{own_zh}）；汇总 用于按权重或分值汇总有下级指标的指标"),
        ))
}

pub fn points_as_count(span: Span) -> Diagnostic {
    Diagnostic::error("E0314", msg!("check-counts-how-many-times-but"))
        .label(span, msg!("check-points-not-count"))
        .help(msg!("check-write-what-counted-after-points"))
}

pub fn empty_limit(span: Span) -> Diagnostic {
    Diagnostic::error("E0312", msg!("check-range-empty-lower-bound-above"))
        .label(span, msg!("check-no-value-fits"))
        .help(msg!("check-write-smaller-number-first-0"))
}

pub fn not_a_count(span: Span) -> Diagnostic {
    Diagnostic::error("E0313", msg!("check-number-items-must-whole-number"))
        .label(span, msg!("check-not-whole-number-items"))
        .help(msg!("check-write-whole-number-6-10"))
}

pub fn no_header(span: Span) -> Diagnostic {
    Diagnostic::error("E0409", msg!("check-file-does-not-name-regulation"))
        .label(span, msg!("check-no-declaration"))
        .help(msg!("check-start-file-regulation-s-title"))
}

pub fn no_levels(span: Span, scale: &str) -> Diagnostic {
    Diagnostic::error("E0410", msg!("check-scale-scale-has-no-levels", scale))
        .label(span, msg!("check-empty-scale"))
        .help(msg!("check-list-levels-their-percentages-100"))
}

pub fn bad_date(span: Span, text: &str) -> Diagnostic {
    Diagnostic::error("E0107", msg!("check-text-not-date", text))
        .label(span, msg!("check-no-such-day"))
        .help(msg!("check-write-real-date-2014-04"))
}

pub fn not_positive(span: Span, what: &str) -> Diagnostic {
    let what_zh = zh(what);
    Diagnostic::error("E0411", tr(format!("{what} must be more than 0"), format!("{what_zh}必须大于 0")))
        .label(span, msg!("check-0-less"))
        .help(msg!("check-indicator-counts-nothing-should-left"))
}

pub fn requirement_reads_values(span: Span) -> Diagnostic {
    Diagnostic::error("E0311", msg!("check-requirement-may-read-only-record"))
        .label(span, msg!("check-uses-computed-value"))
        .help(msg!("check-requirements-checked-before-anything-computed"))
}

pub fn leaf_without_value(span: Span, tree: &str, leaf: &str) -> Diagnostic {
    Diagnostic::error("E0310", msg!("check-leaf-part-tree-has-no", leaf, tree))
        .label(span, msg!("check-rolls-up-tree", tree))
        .help(msg!("check-compute-leaf-give-one-score", leaf, tree))
}

pub fn different_lists(span: Span) -> Diagnostic {
    Diagnostic::error("E0309", msg!("check-two-different-lists-combined-item"))
        .label(span, msg!("check-these-lists-may-differ-length"))
        .help(msg!("check-combine-fields-same-list"))
}

pub fn points_mismatch(span: Span, parent: &str, expected: &str, found: &str, children: &str) -> Diagnostic {
    Diagnostic::error("E0401", msg!("check-points-parent-s-children-add", parent, found, expected))
        .label(span, msg!("check-parent-expected-points", parent, expected))
        .help(msg!("check-children-children-make-their-points", children, expected))
}

pub fn weights_mismatch(span: Span, parent: &str, found: &str, children: &str) -> Diagnostic {
    Diagnostic::error("E0402", msg!("check-weights-parent-s-children-add", parent, found))
        .label(span, msg!("check-children-parent", parent))
        .help(msg!("check-children-children-make-their-weights", children))
}

pub fn mixed_shares(span: Span, parent: &str) -> Diagnostic {
    Diagnostic::error("E0403", msg!("check-children-parent-mix-points-weights", parent))
        .label(span, msg!("check-children-indicator"))
        .help(msg!("check-give-every-child-points-every"))
}

pub fn bands_overlap(span: Span, band: &str, other: &str) -> Diagnostic {
    Diagnostic::error("E0404", msg!("check-grade-bands-other-band-overlap", other, band))
        .label(span, msg!("check-bound-reaches-into-band-above"))
        .help(msg!("check-write-bands-highest-lowest-each"))
}

pub fn bands_gap(span: Span, what: &str) -> Diagnostic {
    let what_zh = zh(what);
    Diagnostic::error("E0405", tr(format!("the grade bands leave a gap: {what}"), format!("等次之间有空档：{what_zh}")))
        .label(span, msg!("check-score-here-gets-no-grade"))
        .help(msg!("check-make-each-band-start-where"))
}

pub fn band_unreachable(span: Span, band: &str) -> Diagnostic {
    Diagnostic::error("E0406", msg!("check-grade-band-band-can-never", band))
        .label(span, msg!("check-every-score-fits-here-taken"))
        .help(msg!("check-write-bands-highest-lowest-threshold"))
}

pub fn missing_role(span: Span, role: &str) -> Diagnostic {
    let role_zh = zh(role);
    Diagnostic::error(
        "E0407",
        tr(format!("the file does not say which value is the {role}"), format!("文件没有说明哪个值是{role_zh}")),
    )
    .label(span, msg!("check-here"))
    .help(msg!("check-add-publish-declaration"))
}

pub fn match_arms(span: Span, missing: &[String]) -> Diagnostic {
    Diagnostic::error("E0408", msg!("check-these-levels-have-no-case", missing = missing.join(&msg!("sep-list"))))
        .label(span, msg!("check-not-every-level-covered"))
        .help(msg!("check-give-value-every-level-each"))
}

pub fn unknown_sample(span: Span, name: &str, samples: &[String]) -> Diagnostic {
    unknown_name(span, name, "sample", samples)
}

pub fn bad_expectation(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0601", msg!("check-expectation-cannot-checked-what", what))
        .label(span, msg!("check-here"))
        .help(msg!("check-test-gives-records-after-each"))
}

pub fn unused(span: Span, what: &str, name: &str) -> Diagnostic {
    let what_zh = match what {
        "input" => "输入项",
        "parameter" => "参数",
        "scale" => "等级",
        other => other,
    };
    Diagnostic::warning("W0501", tr(format!("{what} `{name}` is never used"), format!("{what_zh}“{name}”从未使用")))
        .label(span, msg!("check-declared-here-used-nowhere"))
        .help(msg!("check-use-formula-remove-if-regulation"))
}

pub fn unit_words(u: Unit) -> &'static str {
    let (en, zh) = match u {
        Unit::Points => ("points (分)", "分值（分）"),
        Unit::Ratio => ("a percentage", "百分比"),
        Unit::Count => ("a count", "次数"),
        Unit::Free => ("a plain number", "不带单位的数"),
    };
    if chinese() { zh } else { en }
}

pub fn ty_words(t: &Ty) -> String {
    match t {
        Ty::Num(u) => unit_words(*u).to_string(),
        Ty::Bool => msg!("check-yes-no-condition"),
        Ty::Text => msg!("data-text"),
        Ty::Rating(_) => msg!("check-rating"),
        Ty::Label(_) => msg!("check-grade-category"),
        Ty::List(t) => msg!("check-list-each-item-ty-words", ty_words = ty_words(t)),
        Ty::Tally(_) => msg!("check-tally"),
        Ty::Map(_, t) => msg!("check-one-value-per-leaf-indicator", ty_words = ty_words(t)),
        Ty::Record(_) => msg!("check-record"),
        Ty::Optional(t) => msg!("check-optional-ty-words", ty_words = ty_words(t)),
        Ty::Nothing => msg!("check-no-value"),
    }
}

/// The Chinese for a phrase the checks pass in English (what is expected or found, what
/// must be fixed …), when messages are in Chinese. Phrases already in Chinese, or not
/// known here, are returned as they are.
fn zh(phrase: &str) -> String {
    if !chinese() {
        return phrase.to_string();
    }
    let fixed = match phrase {
        // What is expected or found (type_mismatch).
        "a value" => "一个值",
        "the indicator variable (use it in brackets, as in `绩效委评价[项]`)" => {
            "指标变量（请写在方括号中，如“绩效委评价[项]”）"
        }
        "a scale (等级)" => "等级名称",
        "a value (to use an indicator's score, compute it: `计算 名 = 汇总(名, …)`)" => {
            "一个值（要使用指标的得分，请先计算：“计算 名 = 汇总(名, …)”）"
        }
        "an indicator (指标)" => "指标",
        "something with entries (one per indicator, or a record)" => "含有多项的值（每个指标一项，或一条记录）",
        "a number" => "数字",
        "an optional value (check it with `有(…)` first)" => "可选的值（请先用“有(…)”判断是否给出）",
        "a yes/no condition" => "是/否条件",
        "values that are given (check an optional one with `如果 有(…) 则 …` first)" => {
            "已给出的值（可选的值请先用“如果 有(…) 则 …”判断）"
        }
        "an optional value compared by size" => "按大小比较可选的值",
        "numbers (levels are not compared by size; compare their percentages: `因子(a) > 因子(b)`)" => {
            "数字（级别不能比较大小；请比较它们的百分比：“因子(a) > 因子(b)”）"
        }
        "levels compared by size" => "按大小比较级别",
        "a grade compared with one of its levels (`等次 = 先进`)" => "等次与它的某个级别相比较（如“等次 = 先进”）",
        "a grade, category or rating" => "等次、类别或评价结果",
        "a rating, a list of ratings or a tally" => "评价结果、由评价结果组成的列表或计票结果",
        "an optional input (可选)" => "声明为“可选”的输入",
        "a list of numbers" => "由数字组成的列表",
        "one value per leaf of an indicator (a value computed with `[项 属于 …]`)" => {
            "指标的每个末级指标各一个值（用“[项 属于 …]”计算的值）"
        }
        "a percentage per leaf (the indicator has points, so its leaves give the share of them earned)" => {
            "每个末级指标一个百分比（该指标设有分值，末级指标给出所得分值的比例）"
        }
        "a percentage for each part (the indicator has points)" => "每个组成部分一个百分比（该指标设有分值）",
        "a tally (计票)" => "计票结果（计票）",
        "a default of the input's type" => "与输入类型相符的默认值",
        "a value of another kind" => "其他类型的值",
        "a limit that fits the type (非空 for lists and tallies, 项数 for lists, a range or bound for numbers)" => {
            "与类型相符的限制（列表和计票用 非空，列表用 项数，数字用范围或界限）"
        }
        "a limit this type cannot have" => "这种类型不能有的限制",
        // What can be zero (maybe_zero).
        "the divisor" => "除数",
        "the number of items averaged" => "参与平均的项数",
        "the whole" => "总数",
        "one condition per item, as in `计数(月发布条数 < 40)`" => "每项一个条件，如“计数(月发布条数 < 40)”",
        "one condition per item of the list" => "列表每项一个条件",
        "a tally and one of its levels, or one condition per item" => "一个计票结果和它的一个级别，或每项一个条件",
        "a part and a whole" => "部分和总数两项",
        // How many arguments a function takes (arity).
        "an indicator, and optionally one value per leaf" => "一个指标，以及（可选）每个末级指标各一个值",
        "a tally and one of its levels" => "一个计票结果和它的一个级别",
        "one argument" => "一项",
        "two or more numbers" => "两个或更多的数",
        "two or more numbers, or a list" => "两个或更多的数，或一个列表",
        "the number of items" => "项数",
        // What must be a fixed number or more than 0 (not_constant, not_positive).
        "a grade threshold" => "等次的分数线",
        "a level's percentage" => "级别的百分比",
        "an indicator's points" => "指标的分值",
        "an indicator's weight" => "指标的权重",
        "a parameter's value" => "参数的值",
        "a range's bound" => "范围的上下限",
        "a bound" => "界限",
        "a number of items" => "项数",
        // The published roles (missing_role).
        "department's name (单位)" => "部门名称（单位）",
        "score (得分)" => "公布的得分（得分）",
        // Grade band gaps (bands_gap).
        "there are no bands" => "没有任何等次",
        _ => "",
    };
    if !fixed.is_empty() {
        return fixed.to_string();
    }
    let between =
        |s: &str, pre: &str, post: &str| s.strip_prefix(pre).and_then(|r| r.strip_suffix(post)).map(str::to_string);
    if let Some(ty) = phrase.strip_prefix("a grade compared with ") {
        return format!("等次与{ty}相比较");
    }
    if let Some(ty) = phrase.strip_prefix("two values of the same kind, like ") {
        return format!("两个同类的值，如{ty}");
    }
    if let Some(tree) = between(phrase, "values for the leaves of `", "`") {
        return format!("“{tree}”各末级指标的值");
    }
    if let Some(label) = between(phrase, "nothing covers scores above `", "`") {
        return format!("没有等次包括高于“{label}”的分数");
    }
    if let Some(label) = between(phrase, "nothing covers scores below `", "`") {
        return format!("没有等次包括低于“{label}”的分数");
    }
    if let Some((a, b)) = between(phrase, "between `", "`").as_deref().and_then(|r| r.split_once("` and `")) {
        return format!("“{a}”与“{b}”之间");
    }
    // `an entry of `X` (one per leaf of Y)` and `` `项`, which ranges over the leaves of Y ``.
    if let Some((of, tree)) =
        between(phrase, "an entry of `", ")").as_deref().and_then(|r| r.split_once("` (one per leaf of "))
    {
        return format!("“{of}”的一项（{tree}的每个末级指标各一项）");
    }
    if let Some((var, tree)) =
        between(phrase, "`", "").as_deref().and_then(|r| r.split_once("`, which ranges over the leaves of "))
    {
        return format!("“{var}”，它取遍{tree}的各末级指标");
    }
    phrase.to_string()
}

/// The closest candidate by edit distance, if close enough to be a likely typo.
pub fn did_you_mean(name: &str, candidates: &[String]) -> Option<String> {
    let len = name.chars().count();
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|(d, c)| *d <= (len.max(c.chars().count()) / 2).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.clone())
}
