//! Misspelled keywords: `输人` for `输入`, `四舍五人` for `四舍五入`, `indicater` for
//! `indicator`. Where the parser fails, a word at or just before the failure that is close
//! to a keyword is tried as that keyword; only a keyword that lets the parse get further is
//! suggested, so a name that merely looks like a keyword, somewhere the grammar wants a
//! name, is never flagged.

use crate::source::Span;

/// Every keyword spelling the grammar accepts (`grammar/jixiao.pest`, the `kw_*` rules and
/// `role_name`), Chinese and English. A test keeps it in step with the grammar.
pub const KEYWORDS: &[&str] = &[
    // Declarations and the header's clauses.
    "办法",
    "regulation",
    "文号",
    "document",
    "发布机关",
    "issuer",
    "印发",
    "issued",
    "施行",
    "effective",
    "条文",
    "article",
    "等级",
    "scale",
    "指标",
    "indicator",
    "输入",
    "input",
    "参数",
    "param",
    "计算",
    "let",
    "要求",
    "require",
    "等次",
    "grade",
    "排名",
    "rank",
    "公布",
    "publish",
    "样例",
    "sample",
    "测试",
    "test",
    // Clauses, types and operators.
    "依据",
    "per",
    "分值",
    "points",
    "权重",
    "weight",
    "默认",
    "default",
    "可选",
    "optional",
    "列表",
    "list",
    "计票",
    "tally",
    "每项",
    "each",
    "记录",
    "record",
    "之一",
    "oneof",
    "非空",
    "nonempty",
    "项数",
    "items",
    "至",
    "到",
    "to",
    "属于",
    "in",
    "封顶",
    "cap",
    "保底",
    "floor",
    "保留",
    "round",
    "位小数",
    "位",
    "places",
    "四舍五入",
    "half_up",
    "截断",
    "truncate",
    "按",
    "by",
    "分组",
    "within",
    "升序",
    "ascending",
    "设定",
    "set",
    "单位",
    "unit",
    "期望",
    "expect",
    "错误",
    "error",
    "如果",
    "if",
    "则",
    "then",
    "否则",
    "else",
    "对应",
    "match",
    "且",
    "and",
    "或",
    "or",
    "非",
    "not",
    "是",
    "true",
    "否",
    "false",
    "无",
    "none",
    "文本",
    "text",
    "次数",
    "count",
    "分数",
    "score",
    "数值",
    "number",
    "是否",
    "yesno",
    "百分比",
    "percent",
    "每",
    "every",
    "扣",
    "deduct",
    "加",
    "add",
    "最多扣",
    "deduct_at_most",
    "最多加",
    "add_at_most",
    "扣完为止",
    "down_to_zero",
    "以下",
    "or_below",
    "以上",
    "or_above",
    "字段",
    "field",
    // The roles of 公布 that are not keywords above.
    "得分",
    "类别",
    "category",
    "标记",
    "flag",
];

/// The keywords of rounding, which people used to spreadsheets write as a function
/// (`四舍五入(x, 2)`), though in a regulation they are a clause after the formula.
pub const ROUNDING: &[&str] = &["四舍五入", "half_up", "截断", "truncate", "保留", "round"];

/// Keywords that may stand before a bracket in a formula (`如果(…)`), so that a call of an
/// unknown function may be one of them misspelled.
pub const BEFORE_BRACKET: &[&str] = &["如果", "if", "对应", "match", "非", "not"];

/// Characters a pinyin input method (same sound) or a glance (same shape) puts in place of a
/// keyword's character. A one-character keyword is suggested only for these, since any
/// other one-character word is one edit away from it; for longer keywords they rank first.
const CONFUSED: &[(char, &str)] = &[
    ('入', "人八"),
    ('以', "已己乙"),
    ('则', "责泽择侧"),
    ('扣', "口叩"),
    ('加', "家佳架"),
    ('每', "没美梅"),
    ('按', "安案"),
    ('至', "只止致"),
    ('到', "道倒"),
    ('且', "切"),
    ('或', "获货"),
    ('非', "飞费"),
    ('是', "事市"),
    ('无', "吴"),
    ('位', "为未"),
    ('果', "过国"),
    ('否', "不"),
];

/// How unlike `keyword` the word is, if it is a likely slip for it: 1 for a confusable
/// character or a different letter case, 2 for any other one edit (a character wrong,
/// missing, extra or two swapped), 4 for two edits in a long English keyword.
pub fn slip_cost(word: &str, keyword: &str) -> Option<u32> {
    if word == keyword || word.is_empty() {
        return None;
    }
    if word.is_ascii() != keyword.is_ascii() {
        return None;
    }
    if word.is_ascii() {
        return english_cost(word, keyword);
    }
    let (w, k): (Vec<char>, Vec<char>) = (word.chars().collect(), keyword.chars().collect());
    if w.len() == k.len() && w.iter().zip(&k).filter(|(a, b)| a != b).all(|(a, b)| confusable(*a, *b)) {
        return (w.iter().zip(&k).filter(|(a, b)| a != b).count() == 1).then_some(1);
    }
    // A one-character word is one edit from every keyword it appears in or stands for.
    if w.len() < 2 || k.len() < 2 {
        return None;
    }
    (strsim::osa_distance(word, keyword) == 1).then_some(2)
}

fn english_cost(word: &str, keyword: &str) -> Option<u32> {
    if word.eq_ignore_ascii_case(keyword) {
        return Some(1);
    }
    // Two-letter keywords (`to`, `in`, `if`) are one edit from too many short names.
    let len = keyword.len();
    if len < 3 || word.len() < 3 {
        return None;
    }
    let d = strsim::osa_distance(&word.to_ascii_lowercase(), keyword);
    match d {
        1 => Some(2),
        2 if len >= 6 && word.as_bytes()[0].eq_ignore_ascii_case(&keyword.as_bytes()[0]) => Some(4),
        _ => None,
    }
}

fn confusable(a: char, b: char) -> bool {
    let pair = |x: char, y: char| CONFUSED.iter().any(|(k, others)| *k == x && others.contains(y));
    pair(a, b) || pair(b, a)
}

/// The keywords the word may be a slip for, likeliest first.
pub fn near_keywords(word: &str) -> Vec<(&'static str, u32)> {
    if KEYWORDS.contains(&word) {
        return Vec::new();
    }
    let mut near: Vec<(&'static str, u32)> =
        KEYWORDS.iter().filter_map(|k| slip_cost(word, k).map(|c| (*k, c))).collect();
    near.sort_by_key(|(_, c)| *c);
    near
}

/// A misspelled keyword found where parsing failed: the word and the keyword meant.
#[derive(Debug, PartialEq)]
pub struct Slip {
    pub span: Span,
    pub keyword: &'static str,
}

/// How many words before the failure are looked at, and how many repairs tried at most:
/// the failure is usually at the misspelled word or a word or two after it.
const WORDS_BACK: usize = 6;
const MAX_TRIES: usize = 12;

/// The misspelled keyword that caused the parse of `text` to fail at `at`, if any.
/// `furthest` parses a text and says how far it got (`usize::MAX` when it parses).
pub fn find(text: &str, at: usize, furthest: impl Fn(&str) -> usize) -> Option<Slip> {
    let cut = end_of_next_line(text, at);
    let words = words_near(text, at);
    let from = reparse_from(text, words.last()?.start, at, cut, &furthest);
    let mut best: Option<(usize, u32, Slip)> = None;
    let mut tries = 0;
    for span in words.into_iter().flat_map(|w| parts(text, w)) {
        for (keyword, cost) in near_keywords(&text[span.start..span.end]).into_iter().take(3) {
            if tries == MAX_TRIES {
                return best.map(|(_, _, slip)| slip);
            }
            tries += 1;
            let repaired = format!("{}{keyword}{}", &text[from..span.start], &text[span.end..cut]);
            let reached = furthest(&repaired).saturating_add(from);
            // Past the failure (and the keyword itself), in the repaired text's positions.
            let needed = (at.max(span.end) + keyword.len()).saturating_sub(span.end - span.start);
            let better = best.as_ref().is_none_or(|(r, c, _)| reached > *r || (reached == *r && cost < *c));
            if reached > needed && better {
                best = Some((reached, cost, Slip { span, keyword }));
            }
        }
    }
    best.map(|(_, _, slip)| slip)
}

/// Where repairs are reparsed from: the start of the line of the first word tried, when the
/// file reads from there as from its start (the line begins a declaration), so that a slip
/// at the end of a long file does not cost a dozen parses of the whole file; else the start.
fn reparse_from(text: &str, first_word: usize, at: usize, cut: usize, furthest: impl Fn(&str) -> usize) -> usize {
    let line = text[..first_word].rfind('\n').map_or(0, |i| i + 1);
    if line > 0 && furthest(&text[line..cut]).saturating_add(line) == at { line } else { 0 }
}

/// Only the text up to the end of the line after the failure is reparsed: enough to see
/// that the repair gets past it, and cheap on a long file.
fn end_of_next_line(text: &str, at: usize) -> usize {
    let after = |from: usize| text.get(from..).and_then(|r| r.find('\n')).map_or(text.len(), |i| from + i + 1);
    after(after(at))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '·'
}

/// The word at `at` and the few before it, nearest first.
fn words_near(text: &str, at: usize) -> Vec<Span> {
    let Some(rest) = text.get(at..) else { return Vec::new() };
    let mut words = Vec::new();
    let len: usize = rest.chars().take_while(|c| is_word_char(*c)).map(char::len_utf8).sum();
    if len > 0 {
        words.push(Span::new(at, at + len));
    }
    let mut end = at;
    let before = &text[..at];
    while words.len() < WORDS_BACK {
        // Back over what separates words, then over the word.
        let Some(word_end) = before[..end].char_indices().rev().find(|(_, c)| is_word_char(*c)) else { break };
        let word_end = word_end.0 + word_end.1.len_utf8();
        let start = before[..word_end].char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last();
        let Some((start, _)) = start else { break };
        words.push(Span::new(start, word_end));
        end = start;
    }
    words
}

/// The spans of a word that may be a misspelled keyword: the word itself, and what follows
/// a number or a keyword written against it (`位四舍五人` in `保留 2 位四舍五人`).
fn parts(text: &str, word: Span) -> Vec<Span> {
    let mut spans = vec![word];
    let w = &text[word.start..word.end];
    let digits: usize = w.chars().take_while(char::is_ascii_digit).map(char::len_utf8).sum();
    // English keywords end at a word boundary, so only a Chinese one is written against a word.
    let glued = |k: &&&str| !k.is_ascii() && w[digits..].starts_with(**k);
    let prefix = KEYWORDS.iter().filter(glued).map(|k| k.len()).max().unwrap_or(0);
    for skip in [digits, digits + prefix] {
        if skip > 0 && skip < w.len() && spans.last().is_some_and(|s| s.start != word.start + skip) {
            spans.push(Span::new(word.start + skip, word.end));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likely_slips_are_near_their_keyword() {
        assert_eq!(near_keywords("输人").first(), Some(&("输入", 1)));
        assert_eq!(near_keywords("四舍五人").first(), Some(&("四舍五入", 1)));
        assert_eq!(near_keywords("已上").first(), Some(&("以上", 1)));
        assert_eq!(near_keywords("责").first(), Some(&("则", 1)));
        assert_eq!(near_keywords("如过").first().map(|k| k.0), Some("如果"));
        assert_eq!(near_keywords("指").first().map(|k| k.0), None);
        assert_eq!(near_keywords("indicater").first().map(|k| k.0), Some("indicator"));
        assert_eq!(near_keywords("Input").first().map(|k| k.0), Some("input"));
        assert_eq!(near_keywords("truncte").first().map(|k| k.0), Some("truncate"));
        assert!(near_keywords("x").is_empty());
        assert!(near_keywords("ab").is_empty());
        assert!(near_keywords("输入").is_empty());
    }

    #[test]
    fn words_near_the_failure_nearest_first() {
        let text = "计算 甲 = 如过 x > 1";
        let at = text.find('x').unwrap();
        let words: Vec<&str> = words_near(text, at).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(words, ["x", "如过", "甲", "计算"]);
        let text = "保留 2 位四舍五人";
        let at = text.find('位').unwrap();
        let split: Vec<&str> = parts(text, words_near(text, at)[0]).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(split, ["位四舍五人", "四舍五人"]);
    }

    /// Every keyword spelling in the grammar is in `KEYWORDS`, and nothing else is.
    #[test]
    fn keywords_follow_the_grammar() {
        let grammar = include_str!("../../grammar/jixiao.pest");
        let mut spellings: Vec<&str> = Vec::new();
        let keyword_rule = |l: &&str| (l.starts_with("kw_") && !l.starts_with("kw_end")) || l.starts_with("role_name");
        for line in grammar.lines().filter(keyword_rule) {
            let quoted = line.split('{').nth(1).unwrap_or("").split('~').next().unwrap_or("");
            spellings.extend(quoted.split('"').skip(1).step_by(2));
        }
        for s in &spellings {
            assert!(KEYWORDS.contains(s), "{s} is a keyword of the grammar missing from KEYWORDS");
        }
        for k in KEYWORDS {
            assert!(spellings.contains(k), "{k} is in KEYWORDS but not a keyword of the grammar");
        }
    }
}
