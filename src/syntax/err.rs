//! Syntax diagnostics (codes E01xx), in words a policy writer knows.

use super::parser::Rule;
use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, Span};

/// Statement keywords, for spotting one glued to the name after it (`计算总分`).
const STATEMENT_KEYWORDS: &[&str] =
    &["办法", "条文", "等级", "指标", "输入", "参数", "计算", "要求", "等次", "排名", "公布", "样例", "测试"];

pub fn syntax_error(source: &SourceFile, e: pest::error::Error<Rule>) -> Diagnostic {
    let at = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    if let Some(d) = find_glued_keyword(source, at).or_else(|| find_glued_clause_keyword(source, at)) {
        return d;
    }
    if let Some(d) = find_unclosed_string(source, at) {
        return d;
    }
    let mut expected: Vec<String> = Vec::new();
    if let pest::error::ErrorVariant::ParsingError { positives, .. } = &e.variant {
        for rule in positives {
            if let Some(word) = describe(*rule)
                && !expected.iter().any(|w| w == word)
            {
                expected.push(word.to_string());
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
    Diagnostic::error("E0100", format!("the file is too large to be a regulation ({bytes} bytes)"))
        .help(format!(
            "a regulation file is at most {} MiB; check that this is the right file",
            super::MAX_SOURCE_BYTES / 1024 / 1024
        ))
        .in_source(source)
}

pub fn unexpected(source: &SourceFile, at: usize, expected: &[String]) -> Diagnostic {
    let found = found_at(source, at);
    let span = Span::new(at, at + found.1);
    let wanted = join_or(expected);
    let mut d = Diagnostic::error("E0101", format!("expected {wanted}, found {}", found.0)).label(
        span,
        if expected.len() > 2 { "unexpected here".to_string() } else { format!("expected {wanted} here") },
    );
    d = d.help(if found.1 == 0 {
        "the file ends in the middle of a declaration: is its last line missing?".to_string()
    } else if let Some(kw) =
        RESERVED.iter().find(|k| found.0 == format!("`{k}`") && expected.iter().any(|e| e == "a name"))
    {
        format!("`{kw}` is a keyword and cannot name an input or value; choose another name (record fields may use it)")
    } else {
        "check the punctuation and keywords before this point; a declaration starts with a keyword such as 计算, 输入, 指标 or 等次".to_string()
    });
    d.in_source(source)
}

pub fn too_deep(source: &SourceFile, span: Span) -> Diagnostic {
    Diagnostic::error("E0102", format!("brackets or formulas nest more than {} levels deep", super::MAX_NESTING))
        .label(span, "nested too deep here")
        .help("split the formula into named steps with 计算 (let), each a few levels deep")
        .in_source(source)
}

pub fn formula_too_deep(source: &SourceFile, span: Span) -> Diagnostic {
    Diagnostic::error("E0102", format!("the formula is more than {} steps deep", super::MAX_DEPTH))
        .label(
            Span::new(span.start, span.start + source.slice(span).chars().next().map_or(0, char::len_utf8)),
            "this formula",
        )
        .help("split the formula into named steps with 计算 (let)")
        .in_source(source)
}

pub fn glued_keyword(source: &SourceFile, span: Span, keyword: &str) -> Diagnostic {
    let word = source.slice(span);
    Diagnostic::error(
        "E0103",
        format!("`{word}` is read as one name, not as the keyword `{keyword}` followed by a name"),
    )
    .label(span, "one name")
    .help(format!("put a space after `{keyword}`: `{keyword} {}`", &word[keyword.len()..]))
    .in_source(source)
}

pub fn bad_number(source: &SourceFile, span: Span) -> Diagnostic {
    Diagnostic::error("E0104", format!("the number `{}` cannot be used", source.slice(span)))
        .label(span, "too many digits")
        .help("numbers have at most 28 significant digits")
        .in_source(source)
}

pub fn unclosed_string(source: &SourceFile, span: Span) -> Diagnostic {
    Diagnostic::error("E0105", "this text in quotes is never closed")
        .label(span, "the quote opened here")
        .help("add the closing quote mark (\" or ”) at the end of the text")
        .in_source(source)
}

pub fn bad_places(source: &SourceFile, span: Span) -> Diagnostic {
    Diagnostic::error("E0106", "a value can be rounded to at most 10 decimal places")
        .label(span, "too many places")
        .help("write a whole number from 0 to 10, as in `保留 2 位`")
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

/// The token at `at` for an error message, and its byte length.
fn found_at(source: &SourceFile, at: usize) -> (String, usize) {
    let rest = source.text.get(at..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return ("the end of the file".to_string(), 0);
    };
    if first.is_alphanumeric() || first == '_' {
        let word: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').take(20).collect();
        return (format!("`{word}`"), word.len());
    }
    (format!("`{first}`"), first.len_utf8())
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// What a grammar rule is, in words. Rules not listed are plumbing and never mentioned.
pub fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "the end of the file",
        Rule::name | Rule::path => "a name",
        Rule::number | Rule::quantity | Rule::integer | Rule::signed_number => "a number",
        Rule::string => "text in quotes",
        Rule::date => "a date such as 2014-04-25",
        Rule::article_ref => "an article such as 第十五条(一)",
        Rule::expr | Rule::call | Rule::paren | Rule::conditional | Rule::matching => "a formula",
        Rule::branch => "a formula (a 如果 inside another 如果 needs brackets)",
        Rule::element_type | Rule::each_item => "a type (a list of lists needs a record in between)",
        Rule::equals => "`=`",
        Rule::approx => "`≈`",
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
        | Rule::kw_or => "an operator (+ − × ÷ ≥ ≤ 且 或)",
        Rule::data_type | Rule::named_type => "a type (文本, 次数, 分数, 数值, 列表 …, or a scale's name)",
        Rule::literal | Rule::object | Rule::array | Rule::boolean | Rule::none => "a value",
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
        | Rule::kw_test => "a new declaration (计算, 输入, 指标, 等次 …)",
        Rule::kw_per | Rule::refs => "`依据` (per)",
        Rule::kw_points | Rule::points => "`分值` (points)",
        Rule::kw_weight | Rule::weight => "`权重` (weight)",
        Rule::kw_default | Rule::default_value => "`默认` (default)",
        Rule::kw_to => "`至` (to)",
        Rule::kw_in => "`属于` (in)",
        Rule::kw_cap | Rule::cap | Rule::kw_floor | Rule::floor | Rule::kw_round | Rule::rounding => {
            "a clause (封顶, 保底, 保留)"
        }
        Rule::kw_by => "`按` (by)",
        Rule::kw_then => "`则` (then)",
        Rule::kw_else => "`否则` (else)",
        Rule::kw_unit | Rule::test_unit => "`单位` (unit)",
        Rule::kw_expect | Rule::test_expect => "`期望` (expect)",
        Rule::kw_set | Rule::test_set => "`设定` (set)",
        Rule::role | Rule::role_name => "a role (单位, 得分, 等次, 排名, 类别)",
        Rule::node | Rule::children => "an indicator",
        Rule::level => "a level such as `好 = 100%`",
        Rule::band => "a grade band such as `先进 ≥ 90`",
        Rule::arm => "a case such as `优秀 = 20%`",
        Rule::binder => "`[项 属于 指标]`",
        Rule::entry => "a field such as `部门：\"省财政厅\"`",
        Rule::expectation | Rule::value_path => "an expectation such as `总分 = 91.35`",
        _ => return None,
    })
}
