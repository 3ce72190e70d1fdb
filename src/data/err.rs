//! Data diagnostics (E07xx). Data has no spans in the regulation file, so each message names
//! the record (department) and the field path, and for tables the sheet and cell.

use crate::diagnostic::Diagnostic;
use crate::lang::{chinese, tr};

/// Where in the data: which record and which field.
#[derive(Clone, Debug, Default)]
pub struct At {
    pub record: String,
    pub path: String,
    /// The sheet and cell the value came from (`部门, cell C12`), for data read from a table.
    pub cell: Option<String>,
}

impl At {
    pub(crate) fn describe(&self) -> String {
        let record = record_words(&self.record);
        let field = if self.path.is_empty() {
            record
        } else {
            tr(format!("{record}, field `{}`", self.path), format!("{record}，字段“{}”", self.path))
        };
        match &self.cell {
            Some(cell) => tr(format!("{field} ({cell})"), format!("{field}（{cell}）")),
            None => field,
        }
    }
}

/// A record as named in English (`department "省财政厅"`, `record 3`, `the default`, `unit 2
/// of the test`), in the current language: `部门“省财政厅”`, `第 3 条记录` ….
pub(crate) fn record_words(record: &str) -> String {
    if !chinese() {
        return record.to_string();
    }
    if let Some(name) = record.strip_prefix("department \"").and_then(|r| r.strip_suffix('"')) {
        return format!("部门“{name}”");
    }
    if let Some(n) = record.strip_prefix("record ") {
        return format!("第 {n} 条记录");
    }
    if let Some(n) = record.strip_prefix("unit ").and_then(|r| r.strip_suffix(" of the test")) {
        return format!("测试中的第 {n} 个单位");
    }
    if record == "the default" {
        return "默认值".to_string();
    }
    record.to_string()
}

/// Items in quotes: `` `a`, `b` `` or “a”、“b”.
fn quoted(items: &[String]) -> String {
    if chinese() {
        items.iter().map(|i| format!("“{i}”")).collect::<Vec<_>>().join("、")
    } else {
        items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
    }
}

pub fn invalid_json(file: &str, line: usize, column: usize, what: &str) -> Diagnostic {
    Diagnostic::error(
        "E0701",
        tr(
            format!("{file}:{line}:{column}: the data is not valid JSON: {what}"),
            format!("{file}:{line}:{column}：数据不是有效的 JSON：{what}"),
        ),
    )
    .help(tr(
        "check the brackets, commas and quotes near that place; a spreadsheet export may have cut the file short",
        "请检查该处附近的括号、逗号和引号；从电子表格导出的文件可能不完整",
    ))
}

pub fn duplicate_key(file: &str, line: usize, column: usize, key: &str) -> Diagnostic {
    Diagnostic::error(
        "E0714",
        tr(
            format!("{file}:{line}:{column}: the key \"{key}\" appears twice in the same object"),
            format!("{file}:{line}:{column}：同一个对象中，键“{key}”出现了两次"),
        ),
    )
    .help(tr(
        "keep one of them: a reader would silently use only the last",
        "请只保留其中一个：否则读取时只会用最后一个，且不作任何提示",
    ))
}

pub fn bad_default(span: crate::source::Span, why: &str) -> Diagnostic {
    Diagnostic::error("E0715", why.to_string())
        .label(span, tr("this input's default does not fit its type", "这个输入的默认值与它的类型不符"))
        .help(tr(
            "write a default of the input's type and within its limits, as in `默认 0` or `默认 []`",
            "请写出符合输入类型和范围的默认值，如“默认 0”或“默认 []”",
        ))
}

pub fn not_a_list(found: &str) -> Diagnostic {
    Diagnostic::error(
        "E0702",
        tr(
            format!("the data must be a JSON array of records, one per department; found {found}"),
            format!("数据必须是由记录组成的 JSON 数组，每个部门一条记录；实际为{found}"),
        ),
    )
    .help(tr(
        "wrap the records in [ … ], even when there is only one",
        "请用 [ … ] 把各条记录括起来，只有一条记录时也要如此",
    ))
}

pub fn missing_field(at: &At, expected: &str) -> Diagnostic {
    let at_words = at.describe();
    let path = &at.path;
    Diagnostic::error("E0703", tr(format!("{at_words}: the field is missing"), format!("{at_words}：缺少此字段")))
        .help(tr(format!("add `{path}` with {expected}"), format!("请填写“{path}”：{expected}")))
}

pub fn wrong_type(at: &At, expected: &str, found: &str) -> Diagnostic {
    let at_words = at.describe();
    Diagnostic::error(
        "E0704",
        tr(
            format!("{at_words}: expected {expected}, found {found}"),
            format!("{at_words}：应为{expected}，实际为{found}"),
        ),
    )
    .help(tr(format!("write {expected} here"), format!("此处请填写{expected}")))
}

pub fn unknown_word(at: &At, word: &str, allowed: &[String], suggestion: Option<String>) -> Diagnostic {
    let help = match suggestion {
        Some(s) => tr(
            format!("did you mean `{s}`? Allowed: {}", allowed.join(", ")),
            format!("是否应为“{s}”？可填：{}", allowed.join("、")),
        ),
        None => tr(format!("allowed: {}", allowed.join(", ")), format!("可填：{}", allowed.join("、"))),
    };
    let (at_words, one_of) = (at.describe(), allowed.join("/"));
    Diagnostic::error(
        "E0705",
        tr(
            format!("{at_words}: expected one of {one_of}, found \"{word}\""),
            format!("{at_words}：应为 {one_of} 之一，实际为“{word}”"),
        ),
    )
    .help(help)
}

pub fn out_of_range(at: &At, expected: &str, found: &str) -> Diagnostic {
    let at_words = at.describe();
    // A space between Chinese and a number written in the data, none before Chinese.
    let space = if found.starts_with(|c: char| c.is_ascii()) { " " } else { "" };
    Diagnostic::error(
        "E0706",
        tr(
            format!("{at_words}: expected {expected}, found {found}"),
            format!("{at_words}：应为{expected}，实际为{space}{found}"),
        ),
    )
    .help(tr(format!("correct the value: it must be {expected}"), format!("请更正此值：它必须是{expected}")))
}

pub fn wrong_length(at: &At, expected: &str, found: usize) -> Diagnostic {
    let at_words = at.describe();
    Diagnostic::error(
        "E0707",
        tr(
            format!("{at_words}: expected {expected}, found {found} item(s)"),
            format!("{at_words}：应为{expected}，实际有 {found} 项"),
        ),
    )
    .help(tr(format!("give {expected}"), format!("请给出{expected}")))
}

pub fn unknown_field(at: &At, field: &str, allowed: &[String], suggestion: Option<String>) -> Diagnostic {
    let help = match suggestion {
        Some(s) => tr(format!("did you mean `{s}`?"), format!("是否应为“{s}”？")),
        None => tr(format!("the fields are: {}", allowed.join(", ")), format!("可用的字段有：{}", allowed.join("、"))),
    };
    let at_words = at.describe();
    Diagnostic::error(
        "E0708",
        tr(format!("{at_words}: unknown field `{field}`"), format!("{at_words}：未知的字段“{field}”")),
    )
    .help(help)
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
        parts.push(tr(format!("unknown {}", quoted(unknown)), format!("有未知的键{}", quoted(unknown))));
    }
    if !missing.is_empty() {
        parts.push(tr(format!("missing {}", quoted(missing)), format!("缺少{}", quoted(missing))));
    }
    let help = match suggestion {
        Some(s) => tr(
            format!("did you mean `{s}`? The keys are: {}", keys.join(", ")),
            format!("是否应为“{s}”？可用的键有：{}", keys.join("、")),
        ),
        None => tr(format!("the keys are: {}", keys.join(", ")), format!("可用的键有：{}", keys.join("、"))),
    };
    let (at_words, parts) = (at.describe(), parts.join(if chinese() { "；" } else { "; " }));
    Diagnostic::error("E0709", tr(format!("{at_words}: {parts}"), format!("{at_words}：{parts}"))).help(help)
}

/// A department named twice; `written` is how the second names it, when that differs from the
/// name as read (invisible characters, spaces at the ends).
pub fn duplicate_unit(at: &At, first: usize, written: Option<&str>) -> Diagnostic {
    let at_words = at.describe();
    let (as_written, as_written_zh) = match written {
        Some(w) => {
            let w = super::names::visible(w);
            (
                format!(", written \"{w}\" (invisible characters and spaces at the ends do not count)"),
                format!("，写作“{w}”（看不见的字符和首尾空白不算）"),
            )
        }
        None => Default::default(),
    };
    Diagnostic::error(
        "E0710",
        tr(
            format!("{at_words}: the same department appears again (first as record {first}){as_written}"),
            format!("{at_words}：同一部门再次出现（第一次出现在第 {first} 条记录）{as_written_zh}"),
        ),
    )
    .help(tr(
        "each department may appear once in a data file; merge or rename the records",
        "每个部门在数据文件中只能出现一次；请合并这些记录，或更改名称",
    ))
}

pub fn no_answers(at: &At) -> Diagnostic {
    let at_words = at.describe();
    Diagnostic::error(
        "E0711",
        tr(
            format!("{at_words}: expected at least one answer, found none"),
            format!("{at_words}：应至少有一份答卷，实际一份也没有"),
        ),
    )
    .help(tr(
        "a survey's counts must add up to more than 0; check that the tally was filled in",
        "调查各项票数的合计必须大于 0；请检查计票是否已经填写",
    ))
}

pub fn bad_number(at: &At, text: &str) -> Diagnostic {
    let at_words = at.describe();
    Diagnostic::error(
        "E0712",
        tr(
            format!("{at_words}: the number {text} cannot be read exactly"),
            format!("{at_words}：数字 {text} 无法精确读取"),
        ),
    )
    .help(tr("numbers have at most 28 significant digits", "数字最多只能有 28 位有效数字"))
}
