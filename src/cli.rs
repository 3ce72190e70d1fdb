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
        /// The data: department records in .json (an array), .jsonl, .csv or .xlsx.
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
        /// Threads for JSON Lines and CSV data (default: one per core; more than the cores
        /// available uses the cores; at most 256).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// CSV: leave out the byte-order mark (without it Chinese Excel misreads the text).
        #[arg(long)]
        no_bom: bool,
    },
    /// Explain one department's results: the computation from the score down to its data.
    Explain {
        /// The regulation file (.jx).
        file: PathBuf,
        /// The data: department records in .json (an array), .jsonl, .csv or .xlsx.
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
    /// Print the JSON Schema of one department's record.
    Schema {
        /// The regulation file (.jx).
        file: PathBuf,
    },
    /// Write a blank data file (one example row) for departments to fill in.
    Template {
        /// The regulation file (.jx).
        file: PathBuf,
        /// json, csv or xlsx (default: from the output file's extension).
        #[arg(long, value_enum)]
        format: Option<TemplateFormat>,
        /// The file to write (CSV: lists of records go to files beside it).
        #[arg(long, short, required = true)]
        output: PathBuf,
        /// CSV: leave out the byte-order mark (without it Chinese Excel misreads the text).
        #[arg(long)]
        no_bom: bool,
    },
    /// Convert department data between formats (json, jsonl, csv, xlsx), checked against the
    /// regulation on the way.
    Convert {
        /// The regulation file (.jx).
        file: PathBuf,
        /// The data to convert (format by its extension).
        data: PathBuf,
        /// The format to write (default: from the output file's extension).
        #[arg(long, value_enum)]
        to: Option<TemplateFormat>,
        /// The file to write (CSV: lists of records go to files beside it).
        #[arg(long, short, required = true)]
        output: PathBuf,
        /// CSV: leave out the byte-order mark (without it Chinese Excel misreads the text).
        #[arg(long)]
        no_bom: bool,
    },
    /// Rewrite regulation files in the canonical layout (comments kept).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write nothing; fail if a file is not in the canonical layout.
        #[arg(long)]
        check: bool,
        /// Write keywords in Chinese or English (default: as the file does).
        #[arg(long, value_enum)]
        keywords: Option<crate::fmt::Keywords>,
    },
    /// Compare two versions of a regulation (or one with two sets of parameters) on the same
    /// data: the declarations that differ, who changes score, grade and rank, and the grade
    /// transition matrix.
    Diff {
        /// OLD.jx NEW.jx DATA; or REG.jx DATA with --vs.
        #[arg(required = true, num_args = 2..=3, value_name = "FILES")]
        files: Vec<PathBuf>,
        /// Override a parameter in both runs, as NAME=VALUE (repeatable).
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
        /// Override a parameter in the new run only, as NAME=VALUE (repeatable).
        #[arg(long = "vs", value_name = "NAME=VALUE")]
        vs: Vec<String>,
        /// Output format (default: from --output's extension, else table).
        #[arg(long, value_enum)]
        format: Option<DiffFormat>,
        /// Write the comparison to this file (atomically).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Also list this department's values that changed, each with the changed
        /// declarations it is computed from.
        #[arg(long, short)]
        department: Option<String>,
        /// Threads (default: one per core).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// CSV: leave out the byte-order mark (without it Chinese Excel misreads the text).
        #[arg(long)]
        no_bom: bool,
    },
    /// Evaluate with one or two parameters swept over a range: for each value, departments
    /// per grade, and those that change grade from the run at the defaults.
    Sweep {
        /// The regulation file (.jx).
        file: PathBuf,
        /// The data: department records in .json (an array), .jsonl, .csv or .xlsx.
        data: PathBuf,
        /// A parameter to sweep, as NAME=FROM..TO or NAME=FROM..TO:STEP (default step 1, or
        /// 1% for a percentage; one or two of these); or a fixed value, as NAME=VALUE.
        #[arg(long = "set", value_name = "NAME=FROM..TO[:STEP]", required = true)]
        set: Vec<String>,
        /// Output format (default: from --output's extension, else table).
        #[arg(long, value_enum)]
        format: Option<SweepFormat>,
        /// Write the sweep to this file (atomically).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Threads (default: one per core).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// CSV: leave out the byte-order mark (without it Chinese Excel misreads the text).
        #[arg(long)]
        no_bom: bool,
    },
    /// Write the results as one HTML page for people to read and print: the ranked table per
    /// group, charts of grades and scores, and a section per department with its explanation
    /// (Chinese unless --lang en).
    Report {
        /// The regulation file (.jx).
        file: PathBuf,
        /// The data: department records in .json (an array), .jsonl, .csv or .xlsx.
        data: PathBuf,
        /// The page to write (atomically), as in -o 报告.html; - prints it.
        #[arg(long, short, required = true)]
        output: PathBuf,
        /// Override a parameter for this run, as NAME=VALUE (repeatable).
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
        /// The evaluation date the report prints, as YEAR-MONTH-DAY (default: today).
        #[arg(long)]
        date: Option<String>,
        /// Threads (default: one per core).
        #[arg(long, short)]
        jobs: Option<usize>,
    },
    /// Run the test cases embedded in regulation files, and list the rules no case exercises.
    Test {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Fail when some rule is exercised by no test case.
        #[arg(long)]
        strict: bool,
        /// Data for the result snapshot (default: the data the snapshot names); one
        /// regulation only.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Save the rules and results now as the regulation's result snapshot
        /// (NAME.snapshot.json beside it), after reviewing them.
        #[arg(long)]
        accept: bool,
    },
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
