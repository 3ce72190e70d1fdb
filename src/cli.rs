//! The command line: reads files, runs the stages in order, prints or writes the result.
//! Exit status 0 on success, 1 when the input is wrong, 2 when the command is used wrongly.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::data::files::extension;
use crate::diagnostic::{Diagnostic, render_all};
use crate::lang::{chinese, io_words, msg};
use crate::number::Number;
use crate::program::Program;
use crate::source::SourceFile;
use crate::{cases, eval, output};

mod atomic;
mod check;
mod data_files;
mod diff;
mod evaluate;
mod explain;
mod format;
mod lsp;
mod params;
mod report;
mod stream;
mod sweep;
mod test;
mod usage;

use check::check;
use data_files::{convert, data_format, template};
use evaluate::evaluate;
use explain::explain;
use format::fmt;
use params::{load, parse_overrides};
use test::test;

use atomic::write_through;

// No doc comments on `Cli` and `Command`: every about, help and value name comes from the catalogue
// (messages/*/usage.ftl), in both languages, through `usage::command()`.
#[derive(Parser)]
#[command(name = "jixiao", version)]
struct Cli {
    #[arg(long, global = true, value_enum)]
    lang: Option<crate::lang::Lang>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        ranges: bool,
    },
    Eval {
        file: PathBuf,
        data: PathBuf,
        #[arg(long, value_enum)]
        format: Option<Format>,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
        #[arg(long, short)]
        jobs: Option<usize>,
        #[arg(long)]
        no_bom: bool,
    },
    Explain {
        file: PathBuf,
        data: PathBuf,
        #[arg(long, short)]
        department: String,
        #[arg(long, value_enum, default_value = "text")]
        format: ExplainFormat,
        #[arg(long)]
        losses: bool,
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
    Schema {
        file: PathBuf,
    },
    Template {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: Option<TemplateFormat>,
        #[arg(long, short, required = true)]
        output: PathBuf,
        #[arg(long)]
        no_bom: bool,
    },
    Convert {
        file: PathBuf,
        data: PathBuf,
        #[arg(long, value_enum)]
        to: Option<TemplateFormat>,
        #[arg(long, short, required = true)]
        output: PathBuf,
        #[arg(long)]
        no_bom: bool,
    },
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        check: bool,
        #[arg(long, value_enum)]
        keywords: Option<crate::fmt::Keywords>,
    },
    Diff {
        #[arg(required = true, num_args = 2..=3, value_name = "FILES")]
        files: Vec<PathBuf>,
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
        #[arg(long = "vs", value_name = "NAME=VALUE")]
        vs: Vec<String>,
        #[arg(long, value_enum)]
        format: Option<DiffFormat>,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long, short)]
        department: Option<String>,
        #[arg(long, short)]
        jobs: Option<usize>,
        #[arg(long)]
        no_bom: bool,
    },
    Sweep {
        file: PathBuf,
        data: PathBuf,
        #[arg(long = "set", value_name = "NAME=FROM..TO[:STEP]", required = true)]
        set: Vec<String>,
        #[arg(long, value_enum)]
        format: Option<SweepFormat>,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long, short)]
        jobs: Option<usize>,
        #[arg(long)]
        no_bom: bool,
    },
    Report {
        file: PathBuf,
        data: PathBuf,
        #[arg(long, short, required = true)]
        output: PathBuf,
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
        #[arg(long)]
        date: Option<String>,
        #[arg(long, short)]
        jobs: Option<usize>,
    },
    Test {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        strict: bool,
        #[arg(long)]
        data: Option<PathBuf>,
        #[arg(long)]
        accept: bool,
    },
    Lsp,
}

#[derive(Clone, Copy, ValueEnum)]
enum TemplateFormat {
    Json,
    Jsonl,
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExplainFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum SweepFormat {
    Table,
    Json,
    Csv,
}

impl SweepFormat {
    fn review(self) -> DiffFormat {
        match self {
            SweepFormat::Table => DiffFormat::Table,
            SweepFormat::Json => DiffFormat::Json,
            SweepFormat::Csv => DiffFormat::Csv,
        }
    }
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum DiffFormat {
    Table,
    Json,
    Csv,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
    Xlsx,
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
    // The language is known before clap parses, so that its help and errors are in it too.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    crate::lang::set(crate::lang::from_args(&args).unwrap_or_else(crate::lang::from_environment));
    let cli = match usage::command().try_get_matches_from(&args).and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    crate::lang::set(cli.lang.unwrap_or_else(crate::lang::from_environment));
    let result = match cli.command {
        Command::Check { files, ranges } => check(&files, ranges),
        Command::Eval { file, data, format, output, set, jobs, no_bom } => {
            evaluate(&file, &data, format, output.as_deref(), &set, (jobs, !no_bom))
        }
        Command::Test { files, strict, data, accept } => test(&files, strict, data.as_deref(), accept),
        Command::Sweep { file, data, set, format, output, jobs, no_bom } => sweep::sweep(sweep::SweepArgs {
            file: &file,
            data: &data,
            set: &set,
            format,
            out: output.as_deref(),
            jobs,
            bom: !no_bom,
        }),
        Command::Diff { files, set, vs, format, output, department, jobs, no_bom } => diff::diff(diff::DiffArgs {
            files: &files,
            set: &set,
            vs: &vs,
            format,
            out: output.as_deref(),
            department: department.as_deref(),
            jobs,
            bom: !no_bom,
        }),
        Command::Report { file, data, output, set, date, jobs } => report::report(report::ReportArgs {
            // A report is for its Chinese readers unless asked otherwise; messages follow the
            // locale.
            lang: cli.lang.unwrap_or(crate::lang::Lang::Zh),
            file: &file,
            data: &data,
            out: &output,
            set: &set,
            date: date.as_deref(),
            jobs,
        }),
        Command::Fmt { files, check, keywords } => fmt(&files, check, keywords),
        Command::Lsp => lsp::serve(),
        // Warnings about a regulation are for its writers (`jixiao check`), not for every run.
        Command::Schema { file } => compile(&file).and_then(|(program, _)| {
            let mut text = serde_json::to_string_pretty(&crate::schema::schema(&program)).unwrap_or_default();
            text.push('\n');
            print_out(&text).map(|_| ExitCode::SUCCESS)
        }),
        Command::Template { file, format, output, no_bom } => template(&file, format, &output, !no_bom),
        Command::Convert { file, data, to, output, no_bom } => convert(&file, &data, to, &output, !no_bom),
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

/// Help and version go to standard output (exit 0); a usage error to standard error, in the
/// language of messages (exit 2).
fn usage_error(e: &clap::Error) -> ExitCode {
    let help = matches!(e.kind(), clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion);
    if help || e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand || !chinese() {
        let _ = e.print();
    } else {
        eprint!("{}", usage::error_in_chinese(e));
    }
    ExitCode::from(if e.use_stderr() { 2 } else { 0 })
}

/// At most this many diagnostics are shown; more would bury the first ones.
const MAX_SHOWN: usize = 50;

fn report(diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let shown = &diagnostics[..diagnostics.len().min(MAX_SHOWN)];
    eprint!("{}", render_all(shown, color));
    if diagnostics.len() > MAX_SHOWN {
        let more = diagnostics.len() - MAX_SHOWN;
        eprintln!("{}", msg!("cli-more-more", more));
    }
}

/// Reads a file as UTF-8 text, or says exactly where it is not.
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error("E0901", msg!("cli-cannot-read", name, why = io_words(&e)))
            .help(msg!("cli-check-file-s-path-permissions"))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        Diagnostic::error("E0902", msg!("cli-name-line-col-file-not", name, line, col, at))
            .help(msg!("cli-save-file-utf-8-wps"))
    })
}

fn compile(path: &Path) -> R<(Program, Vec<Diagnostic>)> {
    let text = read_text(path).map_err(|d| vec![d])?;
    let source = SourceFile::new(path.display().to_string(), text);
    Ok(crate::compile(&source)?)
}

/// Writes to standard output; a closed pipe (`| head`) ends quietly, any other failure is
/// an error.
fn print_out(text: &str) -> R<()> {
    print_bytes(text.as_bytes())
}

fn print_bytes(bytes: &[u8]) -> R<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(vec![stdout_error(&e)].into()),
    }
}

fn stdout_error(e: &std::io::Error) -> Diagnostic {
    Diagnostic::error("E0906", msg!("cli-cannot-write-stdout", why = io_words(e)))
        .help(msg!("cli-check-disk-program-reading-output"))
}

/// `--output` must not be one of the inputs (that would destroy them) nor a folder.
fn check_output_path(path: &Path, inputs: &[&Path]) -> R<()> {
    let usage = |message: String, help: String| Failure {
        diagnostics: vec![Diagnostic::error("E0907", message).help(help)],
        usage: true,
    };
    for input in inputs {
        if same_file(path, input) {
            return Err(usage(
                msg!("cli-output-path-also-input-writing", path = path.display()),
                msg!("cli-write-results-another-file"),
            ));
        }
    }
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
        return Err(usage(msg!("cli-output-path-folder", path = path.display()), msg!("cli-name-file-output-json")));
    }
    Ok(())
}

/// Whether two paths name one file: the same path after links are followed, or (on Unix)
/// the same file under two names (a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ca), Ok(cb)) = (std::fs::canonicalize(a), std::fs::canonicalize(b)) else { return false };
    if ca == cb {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (std::fs::metadata(&ca), std::fs::metadata(&cb)) {
            return ma.is_file() && ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    false
}

/// Every file a run reads: the regulation, the data and, for CSV data, the list files beside
/// it (`数据.职能工作.csv`).
fn read_paths(program: &Program, file: &Path, data: &Path) -> Vec<PathBuf> {
    let mut paths = vec![file.to_path_buf(), data.to_path_buf()];
    // Whatever the data's format turns out to be: a file of that name is never written over.
    paths.extend(crate::data::files::list_fields(program).iter().map(|field| crate::data::files::beside(data, field)));
    paths
}

/// Every file a run writes is checked against every file it reads (`check_output_path`).
fn check_outputs<'a>(outputs: impl Iterator<Item = &'a Path>, inputs: &[PathBuf]) -> R<()> {
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    for path in outputs {
        check_output_path(path, &inputs)?;
    }
    Ok(())
}

/// The most threads `--jobs` may ask for: more only slows a run down, and thousands of
/// threads can exhaust the machine.
const MAX_JOBS: usize = 256;

/// A regulation evaluated on a data file.
struct Loaded {
    program: Program,
    records: Vec<eval::Record>,
    params: Vec<Number>,
    /// The parameters `--set` gave.
    overridden: Vec<crate::program::ParamId>,
    results: Vec<eval::UnitResult>,
}

/// Writes to a temporary file beside `path`, then renames it into place, so a failed or
/// interrupted run leaves nothing behind (see `atomic`).
fn write_bytes_atomically(path: &Path, bytes: &[u8]) -> R<()> {
    write_through(path, |w| w.write_all(bytes).map_err(|e| Failure::from(vec![write_error(path, &e)])))
}

/// `--format xlsx` without `--output`: a workbook cannot be printed.
fn xlsx_needs_output() -> Failure {
    Failure {
        diagnostics: vec![
            Diagnostic::error("E0907", msg!("cli-format-xlsx-needs-output-file"))
                .help(msg!("cli-spreadsheet-cannot-printed-terminal")),
        ],
        usage: true,
    }
}

/// A workbook that could not be made (`why`: a sheet too long for a spreadsheet, or what the
/// workbook writer said); `instead` is the option that writes CSV.
fn workbook_error(path: &Path, why: &str, instead: &str) -> Diagnostic {
    Diagnostic::error("E0905", msg!("cli-cannot-write-path-why", path = path.display(), why))
        .help(msg!("cli-write-csv-instead-instead-has", instead))
}

fn write_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => msg!("cli-folder-does-not-exist"),
        std::io::ErrorKind::PermissionDenied => msg!("cli-permission-denied"),
        _ => io_words(e),
    };
    Diagnostic::error("E0905", msg!("cli-cannot-write-path-why", path = path.display(), why))
        .help(msg!("cli-check-folder-exists-writable"))
}
