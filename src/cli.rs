//! The command line: reads files, runs the stages in order, prints or writes the result.
//! Exit status 0 on success, 1 when the input is wrong, 2 when the command is used wrongly.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::{Diagnostic, render_all};
use crate::number::Number;
use crate::program::Program;
use crate::source::SourceFile;
use crate::{cases, eval, output};

#[derive(Parser)]
#[command(name = "jixiao", version, about = "绩效: check and evaluate performance-evaluation regulations")]
struct Cli {
    /// The language of messages (default: from the locale, LANG=zh_CN.UTF-8 gives Chinese).
    #[arg(long, global = true, value_enum)]
    lang: Option<crate::lang::Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check regulation files and report every error and warning.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Also print the lowest and highest value every named quantity can take.
        #[arg(long)]
        ranges: bool,
    },
    /// Evaluate department data against a regulation.
    Eval {
        /// The regulation file (.jx).
        file: PathBuf,
        /// The data: a JSON array of department records.
        data: PathBuf,
        /// Output format (default: from --output's extension, else table).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write the result to this file (atomically: nothing is left if the run fails).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Override a parameter for this run, as NAME=VALUE (repeatable).
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
    /// Explain one department's results: the computation from the score down to its data.
    Explain {
        /// The regulation file (.jx).
        file: PathBuf,
        /// The data: a JSON array of department records.
        data: PathBuf,
        /// The department to explain (its name in the data).
        #[arg(long, short)]
        department: String,
        #[arg(long, value_enum, default_value = "text")]
        format: ExplainFormat,
        /// Also list where points were lost, largest first, and what the next grade needs.
        #[arg(long)]
        losses: bool,
        /// Override a parameter for this run, as NAME=VALUE (repeatable).
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
    /// Run the test cases embedded in regulation files, and list the rules no case exercises.
    Test {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Fail when some rule is exercised by no test case.
        #[arg(long)]
        strict: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

/// A failed command: its diagnostics, and whether it was a usage error (exit 2).
struct Failure {
    diagnostics: Vec<Diagnostic>,
    usage: bool,
}

impl From<Vec<Diagnostic>> for Failure {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Failure { diagnostics, usage: false }
    }
}

type R<T> = Result<T, Failure>;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    crate::lang::set(cli.lang.unwrap_or_else(crate::lang::from_environment));
    let result = match cli.command {
        Command::Check { files, ranges } => check(&files, ranges),
        Command::Eval { file, data, format, output, set } => evaluate(&file, &data, format, output.as_deref(), &set),
        Command::Test { files, strict } => test(&files, strict),
        Command::Explain { file, data, department, format, losses, set } => {
            explain(&file, &data, &department, format, losses, &set)
        }
    };
    match result {
        Ok(code) => code,
        Err(f) => {
            report(&f.diagnostics);
            ExitCode::from(if f.usage { 2 } else { 1 })
        }
    }
}

/// At most this many diagnostics are shown; more would bury the first ones.
const MAX_SHOWN: usize = 50;

fn report(diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let shown = &diagnostics[..diagnostics.len().min(MAX_SHOWN)];
    eprint!("{}", render_all(shown, color));
    if diagnostics.len() > MAX_SHOWN {
        eprintln!("… and {} more", diagnostics.len() - MAX_SHOWN);
    }
}

/// Reads a file as UTF-8 text, or says exactly where it is not.
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error("E0901", format!("cannot read {name}: {e}")).help("check the file's path and permissions")
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        Diagnostic::error("E0902", format!("{name}:{line}:{col}: the file is not valid UTF-8 text (byte {at})"))
            .help("save the file as UTF-8 (in WPS or Excel: 另存为 → UTF-8); GBK-encoded files must be converted")
    })
}

fn compile(path: &Path) -> R<(Program, Vec<Diagnostic>)> {
    let text = read_text(path).map_err(|d| vec![d])?;
    let source = SourceFile::new(path.display().to_string(), text);
    Ok(crate::compile(&source)?)
}

fn check(files: &[PathBuf], ranges: bool) -> R<ExitCode> {
    let mut failed = false;
    for file in files {
        match compile(file) {
            Ok((program, warnings)) => {
                report(&warnings);
                println!("{}: ok{}", file.display(), plural_warnings(warnings.len()));
                if ranges {
                    print_out(&output::ranges(&program, &crate::analysis::analyse(&program)))?;
                }
            }
            Err(f) => {
                report(&f.diagnostics);
                let errors = f.diagnostics.iter().filter(|d| d.is_error()).count();
                println!("{}: {errors} error(s)", file.display());
                failed = true;
            }
        }
    }
    Ok(ExitCode::from(u8::from(failed)))
}

fn plural_warnings(n: usize) -> String {
    if n == 0 { String::new() } else { format!(" ({n} warning(s))") }
}

fn evaluate(file: &Path, data: &Path, format: Option<Format>, out: Option<&Path>, set: &[String]) -> R<ExitCode> {
    let out = out.filter(|p| p.as_os_str() != "-");
    if let Some(path) = out {
        check_output_path(path, &[file, data])?;
    }
    let (program, warnings) = compile(file)?;
    report(&warnings);
    let overrides = parse_overrides(&program, set)?;
    let text = read_text(data).map_err(|d| vec![d])?;
    let records = eval::data::parse_json(&program, &data.display().to_string(), &text)?;
    let params = eval::parameters(&program, &overrides);
    let results = eval::evaluate(&program, &records, &params)?;
    let inputs: Vec<&[eval::Value]> = records.iter().map(|r| r.inputs.as_slice()).collect();
    let extension = out.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let format = format.unwrap_or(match extension.as_deref() {
        Some("json") => Format::Json,
        Some("csv") => Format::Csv,
        _ => Format::Table,
    });
    let text = match format {
        Format::Table => output::table(&program, &results, &inputs),
        Format::Json => output::json(&program, &results, &inputs),
        Format::Csv => output::csv(&program, &results, &inputs),
    };
    match out {
        Some(path) => write_atomically(path, &text).map_err(|d| vec![d])?,
        None => print_out(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes to standard output; a closed pipe (`| head`) ends quietly, any other failure is
/// an error.
fn print_out(text: &str) -> R<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(vec![
            Diagnostic::error("E0906", format!("cannot write the results to standard output: {e}"))
                .help("check the disk or the program reading the output; or write to a file with --output"),
        ]
        .into()),
    }
}

/// `--output` must not be one of the inputs (that would destroy them) nor a folder.
fn check_output_path(path: &Path, inputs: &[&Path]) -> R<()> {
    let usage = |message: String, help: &str| Failure {
        diagnostics: vec![Diagnostic::error("E0907", message).help(help)],
        usage: true,
    };
    let target = std::fs::canonicalize(path).ok();
    for input in inputs {
        if target.is_some() && target == std::fs::canonicalize(input).ok() {
            return Err(usage(
                format!("--output {} is also an input; writing it would destroy the input", path.display()),
                "write the results to another file",
            ));
        }
    }
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
        return Err(usage(format!("--output {} is a folder", path.display()), "name a file, as in --output 结果.json"));
    }
    Ok(())
}

fn explain(
    file: &Path,
    data: &Path,
    department: &str,
    format: ExplainFormat,
    losses: bool,
    set: &[String],
) -> R<ExitCode> {
    let (program, warnings) = compile(file)?;
    report(&warnings);
    let overrides = parse_overrides(&program, set)?;
    let text = read_text(data).map_err(|d| vec![d])?;
    let records = eval::data::parse_json(&program, &data.display().to_string(), &text)?;
    let params = eval::parameters(&program, &overrides);
    let results = eval::evaluate(&program, &records, &params)?;
    let Some(i) = records.iter().position(|r| r.unit == department.trim()) else {
        let names: Vec<String> = records.iter().map(|r| r.unit.clone()).collect();
        let help = match crate::check::err::did_you_mean(department, &names) {
            Some(n) => format!("did you mean `{n}`?"),
            None => format!(
                "the data has {} departments, such as {}",
                names.len(),
                names.iter().take(3).cloned().collect::<Vec<_>>().join("、")
            ),
        };
        return Err(Failure {
            diagnostics: vec![
                Diagnostic::error("E0908", format!("no department named `{department}` in {}", data.display()))
                    .help(help),
            ],
            usage: true,
        });
    };
    let explanation = crate::explain::explain(&program, &records[i], &results[i], &params);
    let lost = if losses { crate::explain::losses(&program, &records[i], &params) } else { None };
    let out = match format {
        ExplainFormat::Text => crate::explain::text(&explanation, lost.as_ref()),
        ExplainFormat::Json => crate::explain::json(&explanation, lost.as_ref()),
    };
    print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `--set 优秀线=85`: an unknown name or a value that is not a number is a usage error.
fn parse_overrides(program: &Program, set: &[String]) -> R<Vec<(usize, Number)>> {
    let names: Vec<String> = program.params.iter().map(|p| p.name.clone()).collect();
    let listed = if names.is_empty() {
        "this regulation has no parameters".to_string()
    } else {
        format!("the parameters are: {}", names.join(", "))
    };
    let mut out = Vec::new();
    for item in set {
        let usage = |d: Diagnostic| Failure { diagnostics: vec![d], usage: true };
        let Some((name, value)) = item.split_once('=') else {
            return Err(usage(
                Diagnostic::error("E0903", format!("--set {item}: expected NAME=VALUE")).help(listed.clone()),
            ));
        };
        let (name, value) = (name.trim(), value.trim());
        let Some(p) = program.param_named(name) else {
            return Err(usage(
                Diagnostic::error("E0903", format!("--set: unknown parameter `{name}`")).help(listed.clone()),
            ));
        };
        if out.iter().any(|(q, _)| *q == p) {
            return Err(usage(
                Diagnostic::error("E0903", format!("--set {name} is given twice")).help("set each parameter once"),
            ));
        }
        let Some(n) = parameter_value(value, program.params[p].unit) else {
            let example = if program.params[p].unit == crate::program::Unit::Ratio { "50%" } else { "85" };
            return Err(usage(
                Diagnostic::error("E0904", format!("--set {name}: `{value}` is not a number of the parameter's kind"))
                    .help(format!("write a decimal number, as in --set {name}={example}")),
            ));
        };
        out.push((p, n));
    }
    Ok(out)
}

/// A `--set` value: a decimal written exactly, with `%` for a percentage parameter (which
/// needs it: is `50` fifty percent or fifty times?) and optionally `分` for points.
fn parameter_value(text: &str, unit: crate::program::Unit) -> Option<Number> {
    use crate::program::Unit;
    let (number, percent) = match text.strip_suffix(['%', '％']) {
        Some(n) => (n, true),
        None => (text.strip_suffix('分').unwrap_or(text), false),
    };
    if percent != (unit == Unit::Ratio) {
        return None;
    }
    let n = Number::from_decimal(crate::number::parse_decimal(number)?);
    if percent { n.checked_div(Number::int(100)).ok() } else { Some(n) }
}

/// Writes to a temporary file beside `path`, then renames it into place, so a failed run
/// leaves nothing behind. A symbolic link is written through (its target is replaced); a
/// device or pipe (`/dev/null`) is written to directly, as there is nothing to replace.
fn write_atomically(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "the folder does not exist".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            kind => kind.to_string(),
        };
        Diagnostic::error("E0905", format!("cannot write {}: {why}", path.display()))
            .help("check that the folder exists and is writable")
    };
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let existing = std::fs::metadata(&target).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        return std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(fail);
    }
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(text.as_bytes()).map_err(fail)?;
    // Keep an existing file's permissions; a new file gets the usual rw-r--r--.
    if let Some(permissions) = existing.map(|m| m.permissions()).or_else(default_permissions) {
        tmp.as_file().set_permissions(permissions).map_err(fail)?;
    }
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

fn test(files: &[PathBuf], strict: bool) -> R<ExitCode> {
    let (mut passed, mut failed, mut unexercised) = (0, 0, 0);
    for file in files {
        let program = match compile(file) {
            Ok((p, _)) => p,
            Err(f) => {
                report(&f.diagnostics);
                println!("{}: does not check; its tests were not run", file.display());
                failed += 1;
                continue;
            }
        };
        println!("{}", file.display());
        let coverage = std::cell::RefCell::new(eval::Coverage::default());
        for outcome in cases::run_traced(&program, &coverage) {
            if outcome.passed() {
                passed += 1;
                println!("  ok    {}", outcome.name);
            } else {
                failed += 1;
                println!("  FAIL  {} (line {})", outcome.name, outcome.line);
                for f in &outcome.failures {
                    println!("        {f}");
                }
            }
        }
        let missing = cases::unexercised(&program, &coverage.borrow());
        if !missing.is_empty() {
            println!("  not exercised by any test:");
            for m in &missing {
                println!("        line {}: {}", m.line, m.what);
            }
        }
        unexercised += missing.len();
    }
    if strict && unexercised > 0 {
        println!("{unexercised} rule(s) not exercised (--strict)");
    }
    println!("{passed} passed, {failed} failed");
    Ok(ExitCode::from(u8::from(failed > 0 || (strict && unexercised > 0))))
}
