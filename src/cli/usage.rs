//! The command line's own words, in the language of messages, from the catalogue
//! (`messages/*/usage.ftl`): every command's about, every argument's help and value name, in
//! both languages. clap derive gives the structure only. Under Chinese the headings and usage
//! lines come from templates too, and a usage error is said again from its kind and context
//! (`clap::Error::kind`, `get`); under English they stay clap's own (styled on a terminal),
//! which the catalogue's English for them follows.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory};

use super::Cli;
use crate::lang::{chinese, msg};

/// The command line, in the language of messages.
pub(super) fn command() -> Command {
    let mut cmd = Cli::command();
    // Built first, so that clap's own `--help`, `--version` and `help` exist to be worded and
    // every command knows its full name for its usage line.
    cmd.build();
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut cmd = in_words(cmd, "");
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| in_words(sub, &name));
    }
    cmd
}

/// One command's about and arguments from the catalogue (`name`: "" for the program); under
/// Chinese also its headings and usage.
fn in_words(cmd: Command, name: &str) -> Command {
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    let mut cmd = with_about(cmd, name);
    // `help`'s commands are copies of the program's, made when it was built.
    if name == "help" {
        cmd = cmd.mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            with_about(sub, &name)
        });
    }
    for id in &ids {
        cmd = cmd.mut_arg(id, |arg| arg_in_words(arg, name));
    }
    if !chinese() {
        return cmd;
    }
    let (options, command) = (msg!("usage-value-options"), msg!("usage-value-command"));
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", &format!("[{options}]"))
        .replace("<COMMAND>", &format!("<{command}>"))
        .replace("[COMMAND]", &format!("[{command}]"));
    let template = template(&cmd);
    cmd.override_usage(usage).help_template(template).subcommand_value_name(command)
}

/// A command's about; one the catalogue does not know keeps none (a test makes that
/// impossible).
fn with_about(cmd: Command, name: &str) -> Command {
    match about(name) {
        Some(about) => cmd.about(about).long_about(None::<&str>),
        None => cmd,
    }
}

/// The headings of `--help` under Chinese (clap writes "Commands:", "Arguments:", "Options:"
/// and "Usage:", styled, and English keeps them).
fn template(cmd: &Command) -> String {
    let mut t = format!("{{about-with-newline}}\n{}{{usage}}\n", msg!("usage-heading-usage"));
    if cmd.get_subcommands().next().is_some() {
        t.push_str(&format!("\n{}\n{{subcommands}}\n", msg!("usage-heading-commands")));
    }
    if cmd.get_positionals().next().is_some() {
        t.push_str(&format!("\n{}\n{{positionals}}\n", msg!("usage-heading-arguments")));
    }
    if cmd.get_arguments().any(|a| !a.is_positional() && !a.is_hide_set()) {
        t.push_str(&format!("\n{}\n{{options}}\n", msg!("usage-heading-options")));
    }
    t
}

/// An argument's help and value name; under Chinese its choices and default are said in the
/// help (clap would add "[possible values: …]" and "[default: …]").
fn arg_in_words(arg: Arg, command: &str) -> Arg {
    let id = arg.get_id().as_str().to_string();
    // One the catalogue does not know keeps none (a test makes that impossible).
    let Some(mut help) = arg_help(command, &id) else { return arg };
    if chinese() && arg.get_action().takes_values() {
        let choices: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
        if !choices.is_empty() {
            help.push_str(&msg!("usage-choices", choices = choices.join(&msg!("usage-list-separator"))));
        }
        if let Some(default) = arg.get_default_values().first() {
            help.push_str(&msg!("usage-default", default = default.to_string_lossy()));
        }
    }
    let arg = arg.help(help).long_help(None::<&str>);
    let arg = if chinese() { arg.hide_possible_values(true).hide_default_value(true) } else { arg };
    // The value name clap derived from the field (or `value_name`) picks the catalogue's.
    match arg.get_value_names().and_then(|v| v.first()).and_then(|n| value_name(n.as_str())) {
        Some(name) => arg.value_name(name),
        None => arg,
    }
}

/// What a value of an argument is called in usage lines and help, by the name clap derives
/// (`FILE` → `<文件>` in Chinese).
fn value_name(derived: &str) -> Option<String> {
    Some(match derived {
        "FILE" => msg!("usage-value-file"),
        "FILES" => msg!("usage-value-files"),
        "OUTPUT" => msg!("usage-value-output"),
        "DATA" => msg!("usage-value-data"),
        "FORMAT" => msg!("usage-value-format"),
        "TO" => msg!("usage-value-to"),
        "DEPARTMENT" => msg!("usage-value-department"),
        "JOBS" => msg!("usage-value-jobs"),
        "KEYWORDS" => msg!("usage-value-keywords"),
        "LANG" => msg!("usage-value-lang"),
        "NAME=VALUE" => msg!("usage-value-set"),
        "NAME=FROM..TO[:STEP]" => msg!("usage-value-sweep"),
        "DATE" => msg!("usage-value-date"),
        // `help`'s own argument.
        "COMMAND" => msg!("usage-value-command"),
        _ => return None,
    })
}

/// What a command does (`""`: the program; `help`: clap's own).
fn about(command: &str) -> Option<String> {
    Some(match command {
        "" => msg!("usage-about-program"),
        "check" => msg!("usage-about-check"),
        "eval" => msg!("usage-about-eval"),
        "explain" => msg!("usage-about-explain"),
        "schema" => msg!("usage-about-schema"),
        "template" => msg!("usage-about-template"),
        "convert" => msg!("usage-about-convert"),
        "fmt" => msg!("usage-about-fmt"),
        "diff" => msg!("usage-about-diff"),
        "sweep" => msg!("usage-about-sweep"),
        "test" => msg!("usage-about-test"),
        "report" => msg!("usage-about-report"),
        "lsp" => msg!("usage-about-lsp"),
        "help" => msg!("usage-about-help"),
        _ => return None,
    })
}

/// An argument's help, by command and argument; the most specific arm comes first, and an
/// argument of several commands shares one message.
fn arg_help(command: &str, id: &str) -> Option<String> {
    Some(match (command, id) {
        (_, "help") => msg!("usage-arg-help"),
        (_, "version") => msg!("usage-arg-version"),
        ("help", "subcommand") => msg!("usage-arg-help-subcommand"),
        (_, "lang") => msg!("usage-arg-lang"),
        ("check", "files") | ("fmt", "files") | ("test", "files") => msg!("usage-arg-regulations"),
        ("diff", "files") => msg!("usage-arg-diff-files"),
        (_, "file") => msg!("usage-arg-regulation"),
        ("convert", "data") => msg!("usage-arg-convert-data"),
        ("test", "data") => msg!("usage-arg-test-data"),
        (_, "data") => msg!("usage-arg-data"),
        ("explain", "format") => msg!("usage-arg-explain-format"),
        ("template", "format") => msg!("usage-arg-template-format"),
        ("eval", "format") | ("diff", "format") | ("sweep", "format") => msg!("usage-arg-format"),
        ("convert", "to") => msg!("usage-arg-convert-to"),
        (_, "output") => output_help(command)?,
        ("report", "date") => msg!("usage-arg-report-date"),
        ("sweep", "set") => msg!("usage-arg-sweep-set"),
        ("diff", "set") => msg!("usage-arg-diff-set"),
        (_, "set") => msg!("usage-arg-set"),
        ("diff", "vs") => msg!("usage-arg-diff-vs"),
        ("eval", "jobs") => msg!("usage-arg-eval-jobs"),
        (_, "jobs") => msg!("usage-arg-jobs"),
        (_, "no_bom") => msg!("usage-arg-no-bom"),
        ("explain", "department") => msg!("usage-arg-explain-department"),
        ("diff", "department") => msg!("usage-arg-diff-department"),
        ("explain", "losses") => msg!("usage-arg-explain-losses"),
        ("check", "ranges") => msg!("usage-arg-check-ranges"),
        ("fmt", "check") => msg!("usage-arg-fmt-check"),
        ("fmt", "keywords") => msg!("usage-arg-fmt-keywords"),
        ("test", "strict") => msg!("usage-arg-test-strict"),
        ("test", "accept") => msg!("usage-arg-test-accept"),
        _ => return None,
    })
}

/// `--output`'s help: what each command writes there.
fn output_help(command: &str) -> Option<String> {
    Some(match command {
        "eval" => msg!("usage-arg-eval-output"),
        "template" | "convert" => msg!("usage-arg-data-output"),
        "diff" => msg!("usage-arg-diff-output"),
        "sweep" => msg!("usage-arg-sweep-output"),
        "report" => msg!("usage-arg-report-output"),
        _ => return None,
    })
}

/// A usage error from the catalogue, said from its kind and context (the same facts clap's
/// English message gives), with the command's usage line and where to read more. Used under
/// Chinese: clap's own English says the same, styled.
pub(super) fn error_in_chinese(e: &clap::Error) -> String {
    let and = msg!("usage-list-separator");
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(&and)),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(v.iter().map(ToString::to_string).collect::<Vec<_>>().join(&and)),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut out = format!("{}\n", msg!("usage-error", problem = problem(e.kind(), &arg, &value, &text)));
    match (e.kind(), text(ContextKind::ValidValue)) {
        (ErrorKind::InvalidValue, Some(valid)) if !valid.is_empty() => {
            out.push_str(&format!("{}\n", msg!("usage-valid-values", valid)));
        }
        _ => {}
    }
    if let Some(names) = suggested(e) {
        out.push_str(&format!("\n{}\n", msg!("usage-suggestion", names)));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        out.push_str(&format!("\n{}{}\n", msg!("usage-heading-usage"), usage.trim_start_matches("Usage:").trim()));
    }
    out.push_str(&format!("\n{}\n", msg!("usage-more-help")));
    out
}

/// The arguments, commands or values clap suggests instead of a mistyped one, quoted.
fn suggested(e: &clap::Error) -> Option<String> {
    let names = [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
        .into_iter()
        .find_map(|kind| match e.get(kind) {
            Some(ContextValue::String(s)) => Some(vec![s.clone()]),
            Some(ContextValue::Strings(v)) => Some(v.clone()),
            _ => None,
        })
        .filter(|n| !n.is_empty())?;
    let quoted: Vec<String> = names.iter().map(|name| msg!("usage-quoted", name)).collect();
    Some(quoted.join(&msg!("usage-or")))
}

/// What went wrong, for each kind of usage error.
fn problem(kind: ErrorKind, arg: &str, value: &str, text: &impl Fn(ContextKind) -> Option<String>) -> String {
    match kind {
        ErrorKind::InvalidValue if value.is_empty() => msg!("usage-problem-missing-value", arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => msg!("usage-problem-invalid-value", arg, value),
        ErrorKind::UnknownArgument => msg!("usage-problem-unknown-argument", arg),
        ErrorKind::InvalidSubcommand => {
            msg!("usage-problem-unknown-command", command = text(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::NoEquals => msg!("usage-problem-no-equals", arg),
        ErrorKind::TooManyValues => msg!("usage-problem-too-many-values", arg, value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let given = text(ContextKind::ActualNumValues).unwrap_or_default();
            match (text(ContextKind::MinValues), text(ContextKind::ExpectedNumValues)) {
                (Some(least), _) => msg!("usage-problem-too-few-values", arg, least, given),
                (_, Some(wanted)) => msg!("usage-problem-wrong-number-of-values", arg, wanted, given),
                _ => msg!("usage-problem-number-of-values", arg),
            }
        }
        ErrorKind::ArgumentConflict => match text(ContextKind::PriorArg) {
            Some(prior) if prior != arg => msg!("usage-problem-conflict", arg, prior),
            _ => msg!("usage-problem-once", arg),
        },
        ErrorKind::MissingRequiredArgument => msg!("usage-problem-missing-argument", arg),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            msg!("usage-problem-missing-command")
        }
        ErrorKind::InvalidUtf8 => msg!("usage-problem-invalid-utf8"),
        _ => msg!("usage-problem-other"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument of the built command line (clap's own `help`, `--help` and
    /// `--version` too) has its about or help in the catalogue, and every value its name: a
    /// new one must be added to the catalogue and to the tables above.
    #[test]
    fn every_command_and_argument_is_in_the_catalogue() {
        let mut cmd = Cli::command();
        cmd.build();
        let commands = std::iter::once(("", &cmd)).chain(cmd.get_subcommands().map(|s| (s.get_name(), s)));
        for (name, command) in commands {
            assert!(about(name).is_some(), "no about for `{name}` in the catalogue");
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                assert!(arg_help(name, id).is_some(), "no help for `{name} --{id}` in the catalogue");
                let values = if arg.get_action().takes_values() { arg.get_value_names() } else { None };
                for value in values.unwrap_or_default() {
                    assert!(value_name(value).is_some(), "no name for `{name} <{value}>` in the catalogue");
                }
            }
        }
    }
}
