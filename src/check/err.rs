//! Checker diagnostics: names E02xx, types and units E03xx, structure E04xx, embedded
//! tests E06xx, warnings W05xx.

use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::program::{Ty, Unit};
use crate::source::Span;

pub fn unknown_name(span: Span, name: &str, what: &str, candidates: &[String]) -> Diagnostic {
    let kind = match what {
        "sample" => msg!("check-kind-sample"),
        "parameter" => msg!("check-kind-parameter"),
        "scale" => msg!("check-kind-scale"),
        "type or scale" => msg!("check-kind-type-or-scale"),
        "indicator" => msg!("check-kind-indicator"),
        "value" => msg!("check-kind-value"),
        _ => msg!("check-kind-name"),
    };
    let d = Diagnostic::error("E0201", msg!("check-unknown-name", kind, name))
        .label(span, msg!("check-no-such-name", kind));
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
        Some(best) => d.help(msg!("check-did-you-mean-best", best)).fix(span, best),
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
    if let Some(best) = did_you_mean(name, candidates) {
        return d.help(msg!("check-did-you-mean-best", best)).fix(span, best);
    }
    // A keyword misspelled before a bracket reads as a call: `四舍五人(x, 2)`, `如过(x > 0)`.
    use crate::syntax::typo::{BEFORE_BRACKET, ROUNDING, near_keywords};
    match near_keywords(name).first() {
        Some((keyword, _)) if ROUNDING.contains(keyword) => {
            d.help(msg!("check-rounding-keyword-not-function", keyword))
        }
        Some((best, _)) if BEFORE_BRACKET.contains(best) => {
            d.help(msg!("check-did-you-mean-best", best)).fix(span, *best)
        }
        _ => d.help(msg!("check-functions-candidates", candidates = candidates.join(&msg!("sep-list")))),
    }
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
        Some(best) => {
            let help = msg!("check-did-you-mean-best-entries", best, keys = keys.join(&msg!("sep-list")));
            d.help(help).fix(span, best)
        }
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
    let (message, label) = match op {
        "add" => (msg!("check-cannot-add", ua, ub), msg!("check-added", ua, ub)),
        "subtract" => (msg!("check-cannot-subtract", ua, ub), msg!("check-subtracted", ua, ub)),
        "divide" => (msg!("check-cannot-divide", ua, ub), msg!("check-divided", ua, ub)),
        "compare" => (msg!("check-cannot-compare", ua, ub), msg!("check-compared", ua, ub)),
        "limit" => (msg!("check-cannot-limit", ua, ub), msg!("check-limited", ua, ub)),
        "weigh together" => (msg!("check-cannot-weigh", ua, ub), msg!("check-weighed", ua, ub)),
        "choose between" => (msg!("check-cannot-choose", ua, ub), msg!("check-chosen", ua, ub)),
        _ => (msg!("check-cannot-combine", ua, ub), msg!("check-combined", ua, ub)),
    };
    let d = Diagnostic::error("E0301", message).label(span, label);
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
                let (per, each) = (unit_words(unit), per_item(unit));
                msg!("check-count-is-not", per, each, example)
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
fn per_item(u: Unit) -> String {
    if u == Unit::Points { msg!("check-each-points") } else { msg!("check-each-percentage") }
}

pub fn rating_as_number(span: Span, scale: &str) -> Diagnostic {
    Diagnostic::error("E0302", msg!("check-rating-scale-scale-used-number", scale))
        .label(span, msg!("check-rating-not-number"))
        .help(msg!("check-use-percentage-factor-turns-into"))
}

pub fn type_mismatch(span: Span, expected: &str, found: &str) -> Diagnostic {
    Diagnostic::error("E0303", msg!("check-expected-found", expected, found))
        .label(span, msg!("check-this-is", found))
        .help(msg!("check-write-here", expected))
}

pub fn tally_as_list(span: Span) -> Diagnostic {
    Diagnostic::error("E0304", msg!("check-tally-count-per-level-used"))
        .label(span, msg!("check-tally"))
        .help(msg!("check-use-number-answers-one-level"))
}

pub fn maybe_zero(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0305", msg!("check-can-be-zero", what))
        .label(span, msg!("check-may-zero"))
        .help(msg!("check-declare-list-nonempty-number-input"))
}

pub fn arity(span: Span, func: &str, expected: &str, found: usize) -> Diagnostic {
    Diagnostic::error("E0306", msg!("check-arity", func, expected, found))
        .label(span, msg!("check-wrong-number-arguments"))
        .help(msg!("check-arity-help", func, expected))
}

pub fn not_constant(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0307", msg!("check-must-be-fixed", what))
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
    let (list, first) = (parts.join(&msg!("sep-list")), &parts[0]);
    Diagnostic::error("E0315", msg!("check-parts-without-points", list))
        .label(span, msg!("check-sum-parts-scored-points"))
        .help(msg!("check-parts-without-points-help", list, first))
}

pub fn fractional_count(span: Span, written: &str, bonus: bool) -> Diagnostic {
    let (sign, verb) = if bonus { ("+", msg!("check-verb-add")) } else { ("-", msg!("check-verb-subtract")) };
    Diagnostic::error("E0316", msg!("check-counts-whole-times-but-can"))
        .label(span, msg!("check-can-fraction"))
        .help(msg!("check-fractional-count-help", written, verb, sign))
}

/// `汇总(甲)` where 甲 has no parts: a roll-up of nothing would be 0, silently.
pub fn rollup_of_a_leaf(span: Span, name: &str, values: Option<&str>) -> Diagnostic {
    let own = match values {
        Some(values) => msg!("check-own-entry", values, name),
        None => msg!("check-own-value", name),
    };
    Diagnostic::error("E0317", msg!("check-name-has-no-parts-indicator", name))
        .label(span, msg!("check-indicator-without-parts"))
        .help(msg!("check-rollup-of-leaf-help", name, own))
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
    Diagnostic::error("E0411", msg!("check-must-be-positive", what))
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
    Diagnostic::error("E0405", msg!("check-bands-gap", what))
        .label(span, msg!("check-score-here-gets-no-grade"))
        .help(msg!("check-make-each-band-start-where"))
}

pub fn band_unreachable(span: Span, band: &str) -> Diagnostic {
    Diagnostic::error("E0406", msg!("check-grade-band-band-can-never", band))
        .label(span, msg!("check-every-score-fits-here-taken"))
        .help(msg!("check-write-bands-highest-lowest-threshold"))
}

pub fn missing_role(span: Span, role: &str) -> Diagnostic {
    Diagnostic::error("E0407", msg!("check-missing-role", role))
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
    let kind = match what {
        "input" => msg!("check-kind-input"),
        "parameter" => msg!("check-kind-parameter"),
        _ => msg!("check-kind-scale"),
    };
    Diagnostic::warning("W0501", msg!("check-never-used", kind, name))
        .label(span, msg!("check-declared-here-used-nowhere"))
        .help(msg!("check-use-formula-remove-if-regulation"))
}

pub fn unit_words(u: Unit) -> String {
    match u {
        Unit::Points => msg!("check-unit-points"),
        Unit::Ratio => msg!("check-unit-percentage"),
        Unit::Count => msg!("check-unit-count"),
        Unit::Free => msg!("check-unit-plain"),
    }
}

pub fn ty_words(t: &Ty) -> String {
    match t {
        Ty::Num(u) => unit_words(*u),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::calls::function_names;

    fn call(name: &str) -> Diagnostic {
        unknown_function(Span::new(0, name.len()), name, &function_names())
    }

    /// A function misspelled is repaired to the function, a keyword that may stand before a
    /// bracket to the keyword; rounding, written as a spreadsheet function, is explained.
    #[test]
    fn unknown_functions_close_to_functions_or_keywords() {
        assert_eq!(call("平圴").repair().map(|f| f.replacement.as_str()), Some("平均"));
        assert_eq!(call("如过").repair().map(|f| f.replacement.as_str()), Some("如果"));
        let rounding = call("四舍五人");
        assert!(rounding.repair().is_none());
        assert!(rounding.help_text().is_some_and(|h| h.contains("四舍五入") && h.contains("保留 2 位")));
        assert!(call("甲乙丙").repair().is_none());
    }
}
