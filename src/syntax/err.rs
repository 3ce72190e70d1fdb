//! Syntax diagnostics (codes E01xx), in words a policy writer knows.

use super::parser::Rule;
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::source::{SourceFile, Span};

/// Statement keywords, for spotting one glued to the name after it (`计算总分`).
const STATEMENT_KEYWORDS: &[&str] =
    &["办法", "条文", "等级", "指标", "输入", "参数", "计算", "要求", "等次", "排名", "公布", "样例", "测试"];

/// Where a pest error is.
pub(super) fn position(e: &pest::error::Error<Rule>) -> usize {
    match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

pub fn syntax_error(source: &SourceFile, e: pest::error::Error<Rule>) -> Diagnostic {
    let at = position(&e);
    if let Some(d) = find_glued_keyword(source, at).or_else(|| find_glued_clause_keyword(source, at)) {
        return d;
    }
    if let Some(d) = find_unclosed_string(source, at) {
        return d;
    }
    if let Some(slip) = super::typo::find(&source.text, at, super::parser::furthest) {
        return misspelled_keyword(source, slip.span, slip.keyword);
    }
    let mut expected: Vec<String> = Vec::new();
    if let pest::error::ErrorVariant::ParsingError { positives, .. } = &e.variant {
        for rule in positives {
            if let Some(word) = describe(*rule)
                && !expected.contains(&word)
            {
                expected.push(word);
            }
        }
    }
    unexpected(source, at, &expected)
}

/// `计算总分 = …`: a statement keyword directly followed by letters lexes as one name. Such
/// a word at the start of a line, before the error, is almost surely the cause.
fn find_glued_keyword(source: &SourceFile, at: usize) -> Option<Diagnostic> {
    let text = &*source.text;
    let mut line_start = 0;
    let end = text.get(at..).and_then(|rest| rest.find('\n')).map_or(text.len(), |i| at + i);
    for line in text[..end].split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let start = line_start + indent;
        line_start += line.len();
        let word_len: usize =
            text[start..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').map(char::len_utf8).sum();
        let word = &text[start..start + word_len];
        if let Some(keyword) = STATEMENT_KEYWORDS.iter().find(|k| word.starts_with(**k) && word.len() > k.len())
            && word[keyword.len()..].chars().next().is_some_and(|c| !c.is_ascii_digit())
        {
            return Some(glued_keyword(source, Span::new(start, start + word_len), keyword));
        }
    }
    None
}

/// `则得分`, `如果得分`: a clause keyword glued to the name after it, where parsing stopped.
fn find_glued_clause_keyword(source: &SourceFile, at: usize) -> Option<Diagnostic> {
    let rest = source.text.get(at..)?;
    let word_len: usize = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').map(char::len_utf8).sum();
    let word = &rest[..word_len];
    // Keywords that seldom begin a name (unlike 分数 in 分数一, or 按 in 按时完成率).
    const GLUED: &[&str] =
        &["如果", "则", "否则", "对应", "依据", "封顶", "保底", "保留", "属于", "分组", "四舍五入", "截断"];
    let keyword = GLUED.iter().filter(|k| word.starts_with(**k) && word.len() > k.len()).max_by_key(|k| k.len())?;
    Some(glued_keyword(source, Span::new(at, at + word_len), keyword))
}

/// An opening quote with no closing one after it.
fn find_unclosed_string(source: &SourceFile, at: usize) -> Option<Diagnostic> {
    let text = &*source.text;
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '"') => open = Some((i, '"')),
            (None, '“') => open = Some((i, '”')),
            (Some((_, close)), c) if c == close => open = None,
            _ => {}
        }
    }
    let (start, close) = open.filter(|(start, _)| *start <= at)?;
    let width = if close == '"' { 1 } else { '“'.len_utf8() };
    Some(unclosed_string(source, Span::new(start, start + width)))
}

pub fn too_large(source: &SourceFile, bytes: usize) -> Diagnostic {
    let mib = super::MAX_SOURCE_BYTES / 1024 / 1024;
    Diagnostic::error("E0100", msg!("syntax-file-too-large-regulation-bytes", bytes))
        .help(msg!("syntax-regulation-file-most-mib-mib", mib))
        .in_source(source)
}

pub fn unexpected(source: &SourceFile, at: usize, expected: &[String]) -> Diagnostic {
    let (token, len) = found_at(source, at);
    let found = match &token {
        Some(t) => msg!("syntax-t", t),
        None => msg!("syntax-end-file"),
    };
    let span = Span::new(at, at + len);
    let wanted = join_or(expected);
    let mut d = Diagnostic::error("E0101", msg!("syntax-expected-wanted-found-found", wanted, found)).label(
        span,
        if expected.len() > 2 { msg!("syntax-unexpected-here") } else { msg!("syntax-expected-wanted-here", wanted) },
    );
    let a_name = describe(Rule::name).unwrap_or_default();
    d = d.help(if len == 0 {
        msg!("syntax-file-ends-middle-declaration-last")
    } else if let Some(kw) = rounding_called(source, at, token.as_deref()) {
        msg!("syntax-rounding-not-function", kw)
    } else if let Some(kw) = RESERVED.iter().find(|k| token.as_deref() == Some(**k) && expected.contains(&a_name)) {
        msg!("syntax-kw-keyword-cannot-name-input", kw)
    } else {
        msg!("syntax-check-punctuation-keywords-before-point")
    });
    d.in_source(source)
}

/// `四舍五入(x, 2)`: a rounding keyword written as a function, as spreadsheets have it.
fn rounding_called<'t>(source: &SourceFile, at: usize, token: Option<&'t str>) -> Option<&'t str> {
    let token = token.filter(|t| super::typo::ROUNDING.contains(t))?;
    let after = source.text.get(at + token.len()..)?.trim_start();
    (after.starts_with('(') || after.starts_with('（')).then_some(token)
}

pub fn too_deep(source: &SourceFile, span: Span) -> Diagnostic {
    let n = super::MAX_NESTING;
    Diagnostic::error("E0102", msg!("syntax-brackets-formulas-nest-more-than", n))
        .label(span, msg!("syntax-nested-too-deep-here"))
        .help(msg!("syntax-split-formula-deep"))
        .in_source(source)
}

pub fn formula_too_deep(source: &SourceFile, span: Span) -> Diagnostic {
    let n = super::MAX_DEPTH;
    Diagnostic::error("E0102", msg!("syntax-formula-more-than-n-steps", n))
        .label(
            Span::new(span.start, span.start + source.slice(span).chars().next().map_or(0, char::len_utf8)),
            msg!("syntax-formula"),
        )
        .help(msg!("syntax-split-formula"))
        .in_source(source)
}

pub fn glued_keyword(source: &SourceFile, span: Span, keyword: &str) -> Diagnostic {
    let word = source.slice(span);
    let rest = &word[keyword.len()..];
    Diagnostic::error("E0103", msg!("syntax-word-read-one-name-not", word, keyword))
        .label(span, msg!("syntax-one-name"))
        .help(msg!("syntax-put-space-after-keyword-keyword", keyword, rest))
        .in_source(source)
}

/// `输人` for `输入`: a word that is not a keyword, where the grammar takes the keyword.
pub fn misspelled_keyword(source: &SourceFile, span: Span, keyword: &str) -> Diagnostic {
    let word = source.slice(span);
    Diagnostic::error("E0108", msg!("syntax-unknown-keyword-word", word))
        .label(span, msg!("syntax-not-keyword"))
        .help(msg!("syntax-did-you-mean-keyword", keyword))
        .fix(span, keyword)
        .in_source(source)
}

pub fn bad_number(source: &SourceFile, span: Span) -> Diagnostic {
    let number = source.slice(span);
    Diagnostic::error("E0104", msg!("syntax-number-number-cannot-used", number))
        .label(span, msg!("syntax-too-many-digits"))
        .help(msg!("syntax-numbers-have-most-28-significant"))
        .in_source(source)
}

pub fn unclosed_string(source: &SourceFile, span: Span) -> Diagnostic {
    Diagnostic::error("E0105", msg!("syntax-text-quotes-never-closed"))
        .label(span, msg!("syntax-quote-opened-here"))
        .help(msg!("syntax-add-closing-quote-mark-end"))
        .in_source(source)
}

pub fn bad_places(source: &SourceFile, span: Span) -> Diagnostic {
    Diagnostic::error("E0106", msg!("syntax-value-can-rounded-most-10"))
        .label(span, msg!("syntax-too-many-places"))
        .help(msg!("syntax-write-whole-number-0-10"))
        .in_source(source)
}

/// Clause and operator keywords, which cannot be names.
pub const RESERVED: &[&str] = &[
    "依据",
    "分值",
    "权重",
    "默认",
    "可选",
    "列表",
    "计票",
    "每项",
    "记录",
    "之一",
    "非空",
    "项数",
    "至",
    "到",
    "属于",
    "封顶",
    "保底",
    "保留",
    "位",
    "位小数",
    "四舍五入",
    "截断",
    "按",
    "分组",
    "升序",
    "设定",
    "单位",
    "期望",
    "错误",
    "如果",
    "则",
    "否则",
    "对应",
    "且",
    "或",
    "非",
    "是",
    "否",
    "无",
    "文本",
    "次数",
    "分数",
    "数值",
    "字段",
    "per",
    "points",
    "weight",
    "default",
    "optional",
    "list",
    "tally",
    "each",
    "record",
    "oneof",
    "nonempty",
    "items",
    "to",
    "in",
    "cap",
    "floor",
    "round",
    "places",
    "half_up",
    "truncate",
    "by",
    "within",
    "ascending",
    "set",
    "unit",
    "expect",
    "error",
    "if",
    "then",
    "else",
    "match",
    "and",
    "or",
    "not",
    "true",
    "false",
    "none",
    "text",
    "count",
    "score",
    "number",
    "field",
];

/// The token at `at` for an error message (none at the end of the file), and its byte
/// length.
fn found_at(source: &SourceFile, at: usize) -> (Option<String>, usize) {
    let rest = source.text.get(at..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (None, 0);
    };
    if first.is_alphanumeric() || first == '_' {
        let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').take(20).collect();
        let len = word.len();
        return (Some(word), len);
    }
    (Some(first.to_string()), first.len_utf8())
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => msg!("syntax-something-else"),
        [one] => one.clone(),
        [init @ .., last] => msg!("syntax-init-last", init = init.join(&msg!("sep-list")), last),
    }
}

/// What a grammar rule is, in words. Rules not listed are plumbing and never mentioned.
pub fn describe(rule: Rule) -> Option<String> {
    Some(match rule {
        Rule::EOI => msg!("syntax-rule-end-file"),
        Rule::name | Rule::path => msg!("syntax-rule-name"),
        Rule::number | Rule::quantity | Rule::integer | Rule::signed_number => msg!("syntax-rule-number"),
        Rule::string => msg!("syntax-rule-text-quotes"),
        Rule::date => msg!("syntax-rule-date-2014-04-25"),
        Rule::article_ref => msg!("syntax-rule-article"),
        Rule::expr | Rule::call | Rule::paren | Rule::conditional | Rule::matching => msg!("syntax-rule-formula"),
        Rule::branch => {
            msg!("syntax-rule-formula-inside-another-needs")
        }
        Rule::element_type | Rule::each_item => {
            msg!("syntax-rule-type-list-lists-needs")
        }
        Rule::equals => msg!("syntax-rule-equals"),
        Rule::approx => msg!("syntax-rule-approx"),
        Rule::add
        | Rule::sub
        | Rule::mul
        | Rule::div
        | Rule::ge
        | Rule::gt
        | Rule::le
        | Rule::lt
        | Rule::ne
        | Rule::kw_and
        | Rule::kw_or => msg!("syntax-rule-operator"),
        Rule::data_type | Rule::named_type => msg!("syntax-rule-type-scale-s-name"),
        Rule::literal | Rule::object | Rule::array | Rule::boolean | Rule::none => msg!("syntax-rule-value"),
        Rule::header
        | Rule::kw_regulation
        | Rule::article_text
        | Rule::kw_article
        | Rule::scale
        | Rule::kw_scale
        | Rule::indicator
        | Rule::kw_indicator
        | Rule::input
        | Rule::kw_input
        | Rule::param
        | Rule::kw_param
        | Rule::let_decl
        | Rule::kw_let
        | Rule::require
        | Rule::kw_require
        | Rule::grade
        | Rule::kw_grade
        | Rule::rank
        | Rule::kw_rank
        | Rule::publish
        | Rule::kw_publish
        | Rule::sample
        | Rule::kw_sample
        | Rule::test
        | Rule::kw_test => msg!("syntax-rule-new-declaration"),
        Rule::kw_per | Rule::refs => msg!("syntax-rule-per"),
        Rule::kw_points | Rule::points => msg!("syntax-rule-points"),
        Rule::kw_weight | Rule::weight => msg!("syntax-rule-weight"),
        Rule::kw_default | Rule::default_value => msg!("syntax-rule-default"),
        Rule::kw_to => msg!("syntax-rule-to"),
        Rule::kw_in => msg!("syntax-rule-in"),
        Rule::kw_cap | Rule::cap | Rule::kw_floor | Rule::floor | Rule::kw_round | Rule::rounding => {
            msg!("syntax-rule-clause")
        }
        Rule::kw_by => msg!("syntax-rule-by"),
        Rule::kw_then => msg!("syntax-rule-then"),
        Rule::kw_else => msg!("syntax-rule-else"),
        Rule::kw_unit | Rule::test_unit => msg!("syntax-rule-unit"),
        Rule::kw_expect | Rule::test_expect => msg!("syntax-rule-expect"),
        Rule::kw_set | Rule::test_set => msg!("syntax-rule-set"),
        Rule::role | Rule::role_name => {
            msg!("syntax-rule-role")
        }
        Rule::node | Rule::children => msg!("syntax-rule-indicator"),
        Rule::level => msg!("syntax-rule-level-100"),
        Rule::band => msg!("syntax-rule-grade-band-90"),
        Rule::arm => msg!("syntax-rule-case-20"),
        Rule::binder => msg!("syntax-rule-leaf-binder"),
        Rule::entry => msg!("syntax-rule-field"),
        Rule::expectation | Rule::value_path => msg!("syntax-rule-expectation-91-35"),
        _ => return None,
    })
}
