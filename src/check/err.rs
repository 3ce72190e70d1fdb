//! Checker diagnostics: names E02xx, types and units E03xx, structure E04xx, embedded
//! tests E06xx, warnings W05xx.

use crate::diagnostic::Diagnostic;
use crate::program::{Ty, Unit};
use crate::source::Span;

pub fn unknown_name(span: Span, name: &str, what: &str, candidates: &[String]) -> Diagnostic {
    let d =
        Diagnostic::error("E0201", format!("unknown {what} `{name}`")).label(span, format!("no {what} has this name"));
    let declare = match what {
        "sample" => "declare it with 样例 (sample)",
        "parameter" => "declare it with 参数 (param)",
        "scale" | "type or scale" => "declare the scale with 等级 (scale), or use 文本, 次数, 分数 or 数值",
        "indicator" => "declare it with 指标 (indicator)",
        "value" => "expectations name computed values (计算, 等次, 排名)",
        _ => "declare it first (输入, 参数 or 计算)",
    };
    match did_you_mean(name, candidates) {
        Some(best) => d.help(format!("did you mean `{best}`?")),
        None => d.help(format!("{declare}, or check the spelling of `{name}`")),
    }
}

pub fn duplicate(span: Span, first: Span, name: &str) -> Diagnostic {
    Diagnostic::error("E0202", format!("`{name}` is declared twice"))
        .label(span, "declared again here")
        .label(first, "first declared here")
        .help("give each input, parameter, value, scale and indicator its own name")
}

pub fn cycle(span: Span, path: &[String]) -> Diagnostic {
    Diagnostic::error("E0203", format!("circular definition: {}", path.join(" → ")))
        .label(span, "this value depends on itself")
        .help("a value cannot be computed from itself; break the circle by computing one of these from inputs")
}

pub fn unknown_function(span: Span, name: &str, candidates: &[String]) -> Diagnostic {
    let d = Diagnostic::error("E0204", format!("unknown function `{name}`")).label(span, "not a function");
    let help = match did_you_mean(name, candidates) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("the functions are: {}", candidates.join(", ")),
    };
    d.help(help)
}

pub fn not_an_indicator(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error("E0205", format!("`{name}` is not an indicator"))
        .label(span, "an indicator (指标) is expected here")
        .help("name an indicator declared with 指标")
}

pub fn unknown_key(span: Span, key: &str, of: &str, keys: &[String]) -> Diagnostic {
    let d = Diagnostic::error("E0206", format!("`{of}` has no entry `{key}`")).label(span, "no such entry");
    match did_you_mean(key, keys) {
        Some(best) => d.help(format!("did you mean `{best}`? The entries are: {}", keys.join(", "))),
        None => d.help(format!("the entries are: {}", keys.join(", "))),
    }
}

pub fn unknown_label(span: Span, word: &str, labels: &[String]) -> Diagnostic {
    let d = Diagnostic::error("E0207", format!("`{word}` is not one of the levels here")).label(span, "unknown level");
    match did_you_mean(word, labels) {
        Some(best) => d.help(format!("did you mean `{best}`? The levels are: {}", labels.join(", "))),
        None => d.help(format!("the levels are: {}", labels.join(", "))),
    }
}

pub fn unit_mismatch(span: Span, op: &str, a: Unit, b: Unit) -> Diagnostic {
    Diagnostic::error("E0301", format!("cannot {op} {} and {}", unit_words(a), unit_words(b)))
        .label(span, format!("{} {op} {}", unit_words(a), unit_words(b)))
        .help(
            "multiply a percentage by points to get points, as in `100分 × 10%`; write units on numbers (`5分`, `10%`)",
        )
}

pub fn rating_as_number(span: Span, scale: &str) -> Diagnostic {
    Diagnostic::error("E0302", format!("a rating on the scale `{scale}` is used as a number"))
        .label(span, "a rating, not a number")
        .help("use its percentage: `因子(…)` (factor) turns 好/较好/差 into 100%/80%/50%")
}

pub fn type_mismatch(span: Span, expected: &str, found: &str) -> Diagnostic {
    Diagnostic::error("E0303", format!("expected {expected}, found {found}"))
        .label(span, format!("this is {found}"))
        .help(format!("write {expected} here"))
}

pub fn tally_as_list(span: Span) -> Diagnostic {
    Diagnostic::error("E0304", "a tally (count per level) is used where a list is wanted")
        .label(span, "a tally")
        .help("use `合计(…)` for the number of answers, `计数(…, 满意)` for one level, or `平均(因子(…))` for the mean percentage")
}

pub fn maybe_zero(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0305", format!("{what} can be zero here"))
        .label(span, "may be zero")
        .help("declare the input 非空 (nonempty), or guard it: `如果 x > 0 则 … 否则 …`")
}

pub fn arity(span: Span, func: &str, expected: &str, found: usize) -> Diagnostic {
    Diagnostic::error("E0306", format!("`{func}` takes {expected}, found {found}"))
        .label(span, "wrong number of arguments")
        .help(format!("call it as shown in the tour: `{func}(…)` with {expected}"))
}

pub fn not_constant(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0307", format!("{what} must be a fixed number"))
        .label(span, "depends on a department's data")
        .help("write a number (`60`, `10%`) or a parameter (参数) here")
}

pub fn points_times_points(span: Span) -> Diagnostic {
    Diagnostic::error("E0308", "points multiplied by points have no meaning")
        .label(span, "分 × 分")
        .help("one side should be a percentage or a count, as in `2分 × 中央表彰` or `60分 × 50%`")
}

pub fn empty_limit(span: Span) -> Diagnostic {
    Diagnostic::error("E0312", "this range is empty: its lower bound is above its upper bound")
        .label(span, "no value fits")
        .help("write the smaller number first, as in `0 至 100` or `项数 6 至 10`")
}

pub fn not_a_count(span: Span) -> Diagnostic {
    Diagnostic::error("E0313", "a number of items must be a whole number ≥ 0")
        .label(span, "not a whole number of items")
        .help("write a whole number, as in `项数 6 至 10`")
}

pub fn no_header(span: Span) -> Diagnostic {
    Diagnostic::error("E0409", "the file does not name its regulation")
        .label(span, "no 办法 declaration")
        .help("start the file with `办法 \"…\" 文号 \"…\"`, the regulation's title and document number")
}

pub fn no_levels(span: Span, scale: &str) -> Diagnostic {
    Diagnostic::error("E0410", format!("the scale `{scale}` has no levels"))
        .label(span, "an empty scale")
        .help("list its levels and their percentages, as in `{ 好 = 100%，较好 = 80%，差 = 50% }`")
}

pub fn bad_date(span: Span, text: &str) -> Diagnostic {
    Diagnostic::error("E0107", format!("`{text}` is not a date"))
        .label(span, "no such day")
        .help("write a real date, as in 2014-04-25 or 2014年4月25日")
}

pub fn not_positive(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0411", format!("{what} must be more than 0"))
        .label(span, "0 or less")
        .help("an indicator that counts for nothing should be left out of the tree")
}

pub fn requirement_reads_values(span: Span) -> Diagnostic {
    Diagnostic::error("E0311", "a requirement may read only the record's data and parameters")
        .label(span, "uses a computed value")
        .help("requirements are checked before anything is computed; state the rule on the inputs it is about")
}

pub fn leaf_without_value(span: Span, tree: &str, leaf: &str) -> Diagnostic {
    Diagnostic::error("E0310", format!("`{leaf}`, a part of `{tree}`, has no value to weigh"))
        .label(span, format!("rolls up {tree}"))
        .help(format!("compute it (`计算 {leaf} = …`), or give one score per leaf: `汇总({tree}, 分数)`"))
}

pub fn different_lists(span: Span) -> Diagnostic {
    Diagnostic::error("E0309", "two different lists are combined item by item")
        .label(span, "these lists may differ in length")
        .help("combine fields of the same list, as in `合计(项目.权重 × 项目.得分)`")
}

pub fn points_mismatch(span: Span, parent: &str, expected: &str, found: &str, children: &str) -> Diagnostic {
    Diagnostic::error("E0401", format!("the points of `{parent}`'s children add up to {found}, not {expected}"))
        .label(span, format!("{parent}: {expected} points"))
        .help(format!("the children are {children}; make their points add up to {expected}"))
}

pub fn weights_mismatch(span: Span, parent: &str, found: &str, children: &str) -> Diagnostic {
    Diagnostic::error("E0402", format!("the weights of `{parent}`'s children add up to {found}, not 100%"))
        .label(span, format!("children of {parent}"))
        .help(format!("the children are {children}; make their weights add up to 100%"))
}

pub fn mixed_shares(span: Span, parent: &str) -> Diagnostic {
    Diagnostic::error("E0403", format!("the children of `{parent}` mix points, weights and neither"))
        .label(span, "children of this indicator")
        .help("give every child points (分值), or every child a weight (权重), or none of them (equal shares)")
}

pub fn bands_overlap(span: Span, band: &str, other: &str) -> Diagnostic {
    Diagnostic::error("E0404", format!("grade bands `{other}` and `{band}` overlap"))
        .label(span, "this bound reaches into the band above")
        .help("write bands from highest to lowest; each band's upper bound must be the lower bound of the one above, as in `合格 ≥ 60 且 < 90`")
}

pub fn bands_gap(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0405", format!("the grade bands leave a gap: {what}"))
        .label(span, "a score here gets no grade")
        .help("make each band start where the one above ends, and let the last band take everything below (`不合格 < 60`)")
}

pub fn band_unreachable(span: Span, band: &str) -> Diagnostic {
    Diagnostic::error("E0406", format!("grade band `{band}` can never be reached"))
        .label(span, "every score that fits here is taken by a band above")
        .help("write bands from highest to lowest threshold")
}

pub fn missing_role(span: Span, role: &str) -> Diagnostic {
    Diagnostic::error("E0407", format!("the file does not say which value is the {role}"))
        .label(span, "here")
        .help("add a 公布 (publish) declaration: `公布 { 单位：部门；得分：总分；等次：等次；排名：排名 }`")
}

pub fn match_arms(span: Span, missing: &[String]) -> Diagnostic {
    Diagnostic::error("E0408", format!("these levels have no case: {}", missing.join(", ")))
        .label(span, "not every level is covered")
        .help("give a value for every level, each once")
}

pub fn unknown_sample(span: Span, name: &str, samples: &[String]) -> Diagnostic {
    unknown_name(span, name, "sample", samples)
}

pub fn bad_expectation(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0601", format!("this expectation cannot be checked: {what}"))
        .label(span, "here")
        .help("a test gives records with `单位 …` and, after each, `期望 名 = 值` about computed values: numbers, levels, 是/否 or 无")
}

pub fn unused(span: Span, what: &str, name: &str) -> Diagnostic {
    Diagnostic::warning("W0501", format!("{what} `{name}` is never used"))
        .label(span, "declared here, used nowhere")
        .help("use it in a formula, or remove it if the regulation does not need it")
}

pub fn unit_words(u: Unit) -> &'static str {
    match u {
        Unit::Points => "points (分)",
        Unit::Ratio => "a percentage",
        Unit::Count => "a count",
        Unit::Free => "a plain number",
    }
}

pub fn ty_words(t: &Ty) -> String {
    match t {
        Ty::Num(u) => unit_words(*u).to_string(),
        Ty::Bool => "a yes/no condition".into(),
        Ty::Text => "text".into(),
        Ty::Rating(_) => "a rating".into(),
        Ty::Label(_) => "a grade or category".into(),
        Ty::List(t) => format!("a list of {}", ty_words(t)),
        Ty::Tally(_) => "a tally".into(),
        Ty::Map(_, t) => format!("one {} per indicator", ty_words(t)),
        Ty::Record(_) => "a record".into(),
        Ty::Optional(t) => format!("an optional {}", ty_words(t)),
        Ty::Nothing => "no value (无)".into(),
    }
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
