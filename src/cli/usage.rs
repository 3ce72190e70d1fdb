//! The command line's own words in Chinese: `--help` of the program and of every command, and
//! clap's usage errors. clap writes both in English; under Chinese, every about and help text
//! is replaced from the table below, the headings and usage come from templates, and a usage
//! error is said again from its kind and context (`clap::Error::kind`, `get`). English stays
//! clap's own, from the doc comments in `cli.rs`.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use super::Cli;
use crate::lang::chinese;

/// The command line, in the language of messages.
pub(super) fn command() -> Command {
    let mut cmd = Cli::command();
    if !chinese() {
        return cmd;
    }
    // Built first, so that clap's own `--help`, `--version` and `help` exist to be reworded
    // and every command knows its full name for its usage line.
    cmd.build();
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut cmd = in_chinese(cmd, "");
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| in_chinese(sub, &name));
    }
    cmd
}

/// One command's about, arguments, headings and usage in Chinese (`name`: "" for the program).
fn in_chinese(cmd: Command, name: &str) -> Command {
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    let mut cmd = in_chinese_about(cmd, name);
    // `help`'s commands are copies of the program's, made when it was built.
    if name == "help" {
        cmd = cmd.mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            in_chinese_about(sub, &name)
        });
    }
    for id in &ids {
        cmd = cmd.mut_arg(id, |arg| arg_in_chinese(arg, name));
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<命令>")
        .replace("[COMMAND]", "[命令]");
    let template = template(&cmd);
    cmd.override_usage(usage).help_template(template).subcommand_value_name("命令")
}

/// A command's about in Chinese; one the table does not know keeps its English, for the test
/// of Chinese output to find.
fn in_chinese_about(cmd: Command, name: &str) -> Command {
    match about(name) {
        Some(about) => cmd.about(about).long_about(None::<&str>),
        None => cmd,
    }
}

/// Headings in Chinese: clap writes "Commands:", "Arguments:", "Options:" and "Usage:".
fn template(cmd: &Command) -> String {
    let mut t = String::from("{about-with-newline}\n用法：{usage}\n");
    if cmd.get_subcommands().next().is_some() {
        t.push_str("\n命令：\n{subcommands}\n");
    }
    if cmd.get_positionals().next().is_some() {
        t.push_str("\n参数：\n{positionals}\n");
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        t.push_str("\n选项：\n{options}\n");
    }
    t
}

/// An argument's help, value name, choices and default in Chinese.
fn arg_in_chinese(arg: Arg, command: &str) -> Arg {
    let id = arg.get_id().as_str().to_string();
    // One the table does not know keeps its English, for the test of Chinese output to find.
    let Some(help) = arg_help(command, &id) else { return arg };
    let mut help = help.to_string();
    let choices: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
    if !choices.is_empty() && arg.get_action().takes_values() {
        help.push_str(&format!("。可选：{}", choices.join("、")));
    }
    if let (Some(default), true) = (arg.get_default_values().first(), arg.get_action().takes_values()) {
        help.push_str(&format!("；默认 {}", default.to_string_lossy()));
    }
    let arg = arg.help(help).long_help(None::<&str>).hide_possible_values(true).hide_default_value(true);
    match arg.get_value_names().and_then(|v| v.first()).and_then(|n| value_name(n.as_str())) {
        Some(name) => arg.value_name(name),
        None => arg,
    }
}

/// What a value of an argument is called in usage lines and help (`<FILE>` → `<文件>`).
fn value_name(english: &str) -> Option<&'static str> {
    Some(match english {
        "FILE" | "FILES" | "OUTPUT" => "文件",
        "DATA" => "数据",
        "FORMAT" | "TO" => "格式",
        "DEPARTMENT" => "部门",
        "JOBS" => "线程数",
        "KEYWORDS" | "LANG" => "语言",
        "NAME=VALUE" => "名称=值",
        "NAME=FROM..TO[:STEP]" => "名称=起..止[:步长]",
        "DATE" => "日期",
        _ => return None,
    })
}

/// What a command does (`""`: the program; `help`: clap's own).
fn about(command: &str) -> Option<&'static str> {
    Some(match command {
        "" => "绩效：检查绩效管理办法，并按办法评估各单位的数据",
        "check" => "检查办法文件，报告每一处错误和警告",
        "eval" => "按办法评估各单位的数据",
        "explain" => "解释一个单位的结果：从公布的得分一直到其数据的计算过程",
        "schema" => "输出一个单位数据记录的 JSON Schema",
        "template" => "生成空白数据文件（含一行示例），供各单位填写",
        "convert" => "在 json、jsonl、csv、xlsx 格式之间转换数据，同时按办法检查",
        "fmt" => "把办法文件改写成规范格式（保留注释）",
        "diff" => {
            "比较一个办法的两个版本（或同一办法的两组参数）在同一数据上的结果：改动的条款，得分、等次和排名的变化，以及等次变化矩阵"
        }
        "sweep" => {
            "让一两个参数在一个范围内逐个取值分别评估：每个取值下各等次的单位数，以及与默认参数相比等次有变化的单位"
        }
        "test" => "运行办法文件中的测试用例，并列出没有测试用到的规则",
        "report" => {
            "把结果写成一个供人阅读和打印的 HTML 页面：分组排名表、等次和得分分布图，以及每个单位的计算过程（默认中文，--lang en 为英文）"
        }
        "help" => "显示本帮助，或指定命令的帮助",
        _ => return None,
    })
}

/// Help shared by several commands.
const DATA: &str = "数据：各单位的记录，可以是 .json（数组）、.jsonl、.csv 或 .xlsx";
const REGULATION: &str = "办法文件（.jx）";
const REGULATIONS: &str = "一个或多个办法文件（.jx）";
const NO_BOM: &str = "CSV：不写字节顺序标记（不写时中文 Excel 会把文字读成乱码）";
const SET: &str = "本次运行中改变一个参数，写作 名称=值（可重复）";
const FORMAT: &str = "输出格式（默认按 --output 的扩展名，否则为表格）";
const JOBS: &str = "线程数（默认每个处理器核心一个）";

/// An argument's help in Chinese, by command and argument.
fn arg_help(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        (_, "help") => "显示帮助",
        (_, "version") => "显示版本",
        (_, "lang") => "消息使用的语言（默认按系统的语言设置）",
        ("check", "files") | ("fmt", "files") | ("test", "files") => REGULATIONS,
        ("check", "ranges") => "同时列出每个命名数值可能取到的最低值和最高值",
        (_, "file") => REGULATION,
        ("convert", "data") => "要转换的数据（按扩展名判断格式）",
        ("test", "data") => "结果快照所用的数据（默认为快照中记录的数据）；只能用于一个办法",
        (_, "data") => DATA,
        ("eval", "format") | ("diff", "format") | ("sweep", "format") => FORMAT,
        ("explain", "format") => "输出格式",
        ("template", "format") | ("convert", "to") => "要写入的格式（默认按输出文件的扩展名）",
        ("eval", "output") => "把结果写入此文件（原子写入：运行失败时不留下任何文件）",
        ("template", "output") | ("convert", "output") => "要写入的文件（CSV：记录列表写入它旁边的文件）",
        ("diff", "output") => "把比较结果写入此文件（原子写入）",
        ("sweep", "output") => "把扫描结果写入此文件（原子写入）",
        ("report", "output") => "要写入的页面（原子写入），如 -o 报告.html；写 - 则输出到标准输出",
        ("report", "date") => "报告上印的评估日期，写作 年-月-日（默认今天）",
        ("sweep", "set") => {
            "要扫描的参数，写作 名称=起..止 或 名称=起..止:步长（默认步长 1，百分比为 1%；可写一到两个）；或固定的值，写作 名称=值"
        }
        ("diff", "set") => "在新旧两次运行中都改变一个参数，写作 名称=值（可重复）",
        ("diff", "vs") => "只在新的一次运行中改变一个参数，写作 名称=值（可重复）",
        (_, "set") => SET,
        ("eval", "jobs") => "处理数据的线程数（默认每个处理器核心一个；超过可用核心数时按核心数；最多 256）",
        (_, "jobs") => JOBS,
        (_, "no_bom") => NO_BOM,
        ("explain", "department") => "要解释的单位（数据中的名称）",
        ("diff", "department") => "同时列出该单位有变化的数值，以及每个数值受哪些改动影响",
        ("explain", "losses") => "同时列出失分之处（从大到小）以及升到上一等次还差多少分",
        ("fmt", "check") => "不写入任何文件；有文件不是规范格式时失败",
        ("fmt", "keywords") => "关键字用中文还是英文书写（默认与文件相同）",
        ("diff", "files") => "旧.jx 新.jx 数据；或 办法.jx 数据，再加 --vs",
        ("test", "strict") => "有规则没有被任何测试用例用到时也算失败",
        ("test", "accept") => "审阅结果之后，把现在的规则和结果保存为办法的结果快照（保存在办法文件旁边）",
        _ => return None,
    })
}

/// A usage error in Chinese, said from its kind and context (the same facts clap's English
/// message gives), with the command's usage line and where to read more.
pub(super) fn error_in_chinese(e: &clap::Error) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join("、")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join("、")),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut out = format!("错误：{}\n", problem(e.kind(), &arg, &value, &text));
    match (e.kind(), text(ContextKind::ValidValue)) {
        (ErrorKind::InvalidValue, Some(valid)) if !valid.is_empty() => {
            out.push_str(&format!("  可选的值：{valid}\n"));
        }
        _ => {}
    }
    let suggested = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        .find_map(|kind| match e.get(kind) {
            Some(ContextValue::String(s)) => Some(vec![s.clone()]),
            Some(ContextValue::Strings(v)) => Some(v.clone()),
            _ => None,
        });
    if let Some(names) = suggested.filter(|n| !n.is_empty()) {
        let quoted: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
        out.push_str(&format!("\n  提示：是否应为{}？\n", quoted.join("或")));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        out.push_str(&format!("\n用法：{}\n", usage.trim_start_matches("Usage:").trim()));
    }
    out.push_str("\n详细说明请加 --help 查看。\n");
    out
}

/// What went wrong, for each kind of usage error.
fn problem(kind: ErrorKind, arg: &str, value: &str, text: &impl Fn(ContextKind) -> Option<String>) -> String {
    match kind {
        ErrorKind::InvalidValue if value.is_empty() => format!("“{arg}”需要一个值，但没有给出"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!("“{arg}”的值“{value}”无效"),
        ErrorKind::UnknownArgument => format!("不认识的参数“{arg}”"),
        ErrorKind::InvalidSubcommand => {
            format!("没有“{}”这个命令", text(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::NoEquals => format!("给“{arg}”赋值时须用等号，写作“{arg}=值”"),
        ErrorKind::TooManyValues => format!("“{arg}”的值“{value}”多余"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let given = text(ContextKind::ActualNumValues).unwrap_or_default();
            match (text(ContextKind::MinValues), text(ContextKind::ExpectedNumValues)) {
                (Some(least), _) => format!("“{arg}”至少需要 {least} 个值，只给出了 {given} 个"),
                (_, Some(wanted)) => format!("“{arg}”需要 {wanted} 个值，给出了 {given} 个"),
                _ => format!("“{arg}”的值的个数不对"),
            }
        }
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) if prior != arg => format!("“{arg}”不能与“{prior}”同时使用"),
            _ => format!("“{arg}”只能用一次"),
        },
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => "缺少命令".to_string(),
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_string(),
        _ => "命令行的用法有误".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument has its Chinese: a new one must be added to the tables.
    #[test]
    fn every_command_and_argument_has_chinese() {
        let cmd = Cli::command();
        let commands = std::iter::once(("", &cmd)).chain(cmd.get_subcommands().map(|s| (s.get_name(), s)));
        for (name, command) in commands {
            assert!(about(name).is_some(), "no Chinese about for `{name}`");
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(arg_help(name, id).is_some(), "no Chinese help for `{name} --{id}`");
                let values = if arg.get_action().takes_values() { arg.get_value_names() } else { None };
                for value in values.unwrap_or_default() {
                    assert!(value_name(value).is_some(), "no Chinese name for `{name} <{value}>`");
                }
            }
        }
    }
}
