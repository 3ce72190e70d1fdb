//! The command line: reads files, runs the stages in order, prints or writes the result.
//! Exit status 0 on success, 1 when the input is wrong, 2 when the command is used wrongly.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::{Diagnostic, render_all};
use crate::eval::files::extension;
use crate::lang::{chinese, tr};
use crate::number::Number;
use crate::program::Program;
use crate::source::SourceFile;
use crate::{cases, eval, output};

mod atomic;
mod stream;

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
        Command::Eval { file, data, format, output, set, jobs, no_bom } => {
            evaluate(&file, &data, format, output.as_deref(), &set, (jobs, !no_bom))
        }
        Command::Test { files, strict } => test(&files, strict),
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

/// At most this many diagnostics are shown; more would bury the first ones.
const MAX_SHOWN: usize = 50;

fn report(diagnostics: &[Diagnostic]) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let shown = &diagnostics[..diagnostics.len().min(MAX_SHOWN)];
    eprint!("{}", render_all(shown, color));
    if diagnostics.len() > MAX_SHOWN {
        let more = diagnostics.len() - MAX_SHOWN;
        eprintln!("{}", tr(format!("… and {more} more"), format!("…… 另有 {more} 条")));
    }
}

/// Reads a file as UTF-8 text, or says exactly where it is not.
fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error("E0901", tr(format!("cannot read {name}: {e}"), format!("无法读取 {name}：{}", io_words(&e))))
            .help(tr("check the file's path and permissions", "请检查文件的路径和访问权限"))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        Diagnostic::error(
            "E0902",
            tr(
                format!("{name}:{line}:{col}: the file is not valid UTF-8 text (byte {at})"),
                format!("{name}:{line}:{col}：文件不是有效的 UTF-8 文本（第 {at} 字节处）"),
            ),
        )
        .help(tr(
            "save the file as UTF-8 (in WPS or Excel: 另存为 → UTF-8); GBK-encoded files must be converted",
            "请把文件保存为 UTF-8 编码（在 WPS 或 Excel 中：另存为 → UTF-8）；GBK 编码的文件须先转换",
        ))
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
                println!(
                    "{}{}",
                    tr(format!("{}: ok", file.display()), format!("{}：通过", file.display())),
                    plural_warnings(warnings.len())
                );
                if ranges {
                    print_out(&output::ranges(&program, &crate::analysis::analyse(&program)))?;
                }
            }
            Err(f) => {
                report(&f.diagnostics);
                let errors = f.diagnostics.iter().filter(|d| d.is_error()).count();
                println!(
                    "{}",
                    tr(
                        format!("{}: {errors} error(s)", file.display()),
                        format!("{}：{errors} 个错误", file.display())
                    )
                );
                failed = true;
            }
        }
    }
    Ok(ExitCode::from(u8::from(failed)))
}

fn plural_warnings(n: usize) -> String {
    if n == 0 { String::new() } else { tr(format!(" ({n} warning(s))"), format!("（{n} 条警告）")) }
}

fn evaluate(
    file: &Path,
    data: &Path,
    format: Option<Format>,
    out: Option<&Path>,
    set: &[String],
    (jobs, bom): (Option<usize>, bool),
) -> R<ExitCode> {
    let out = out.filter(|p| p.as_os_str() != "-");
    let jobs = threads(jobs)?;
    let format = match (format, out) {
        (Some(format), _) => format,
        (None, None) => Format::Table,
        (None, Some(path)) => result_format(path)?,
    };
    let (program, _) = compile(file)?;
    check_outputs(out.into_iter(), &read_paths(&program, file, data))?;
    // The result formats written as they come.
    let streamed = match format {
        Format::Json => Some(output::ResultFormat::Json),
        Format::Jsonl => Some(output::ResultFormat::JsonLines),
        Format::Csv => Some(output::ResultFormat::Csv),
        Format::Table | Format::Xlsx => None,
    };
    // JSON Lines and CSV data into a format written as it comes: record by record, in bounded
    // memory. Streaming may read the file again: a pipe is read whole instead.
    let rereadable = std::fs::metadata(data).is_ok_and(|m| m.is_file());
    let data_format = eval::files::DataFormat::detect(data).map_err(|d| vec![d])?;
    let by_record = matches!(data_format, eval::files::DataFormat::JsonLines | eval::files::DataFormat::Csv);
    if let Some(streamed) = streamed.filter(|_| by_record && rereadable) {
        // CSV whose list tables are not in the main table's order is read whole.
        if data_format == eval::files::DataFormat::JsonLines || eval::csv_stream::aligned(&program, data) {
            report(&eval::files::extra_tables(&program, data));
            let params = eval::parameters(&program, &parse_overrides(&program, set)?);
            stream::evaluate(&program, &params, data, (streamed, bom), out, jobs)?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    let Loaded { program, records, params, overridden, results } = load(program, data, set)?;
    let inputs: Vec<&[eval::Value]> = records.iter().map(|r| r.inputs.as_slice()).collect();
    let bytes = match format {
        Format::Table => output::table(&program, &results, &inputs).into_bytes(),
        Format::Json => output::json(&program, &results, &inputs).into_bytes(),
        Format::Jsonl => output::json_lines(&program, &results, &inputs).into_bytes(),
        Format::Csv => output::csv(&program, &results, &inputs, bom).into_bytes(),
        Format::Xlsx => {
            let Some(path) = out else {
                return Err(Failure {
                    diagnostics: vec![
                        Diagnostic::error(
                            "E0907",
                            tr(
                                "--format xlsx needs --output FILE.xlsx",
                                "--format xlsx 需要同时指定 --output 文件.xlsx",
                            ),
                        )
                        .help(tr("a spreadsheet cannot be printed to the terminal", "电子表格不能输出到终端")),
                    ],
                    usage: true,
                });
            };
            output::results_xlsx(&program, &results, &inputs, &params, &overridden)
                .map_err(|e| vec![Diagnostic::error("E0905", format!("cannot write {}: {e}", path.display()))])?
        }
    };
    match out {
        Some(path) => write_bytes_atomically(path, &bytes)?,
        None => print_bytes(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
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
    Diagnostic::error(
        "E0906",
        tr(
            format!("cannot write the results to standard output: {e}"),
            format!("无法把结果写到标准输出：{}", io_words(e)),
        ),
    )
    .help(tr(
        "check the disk or the program reading the output; or write to a file with --output",
        "请检查磁盘或读取输出的程序；也可以用 --output 把结果写入文件",
    ))
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
                tr(
                    format!("--output {} is also an input; writing it would destroy the input", path.display()),
                    format!("--output {} 同时也是输入文件；写入它会毁掉输入", path.display()),
                ),
                tr("write the results to another file", "请把结果写到另一个文件"),
            ));
        }
    }
    if path.is_dir() || path.as_os_str().to_string_lossy().ends_with(['/', '\\']) {
        return Err(usage(
            tr(format!("--output {} is a folder", path.display()), format!("--output {} 是一个文件夹", path.display())),
            tr("name a file, as in --output 结果.json", "请指定一个文件，如 --output 结果.json"),
        ));
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
    paths.extend(eval::files::list_fields(program).iter().map(|field| eval::files::beside(data, field)));
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

/// `--jobs N`: from 1 to `MAX_JOBS`; more than the cores available uses the cores.
fn threads(jobs: Option<usize>) -> R<Option<usize>> {
    let Some(n) = jobs else { return Ok(None) };
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    if (1..=MAX_JOBS).contains(&n) {
        return Ok(Some(n.min(cores)));
    }
    let message = if n == 0 {
        tr("--jobs 0: a run needs at least one thread", "--jobs 0：至少需要一个线程")
    } else {
        tr(format!("--jobs {n}: at most {MAX_JOBS} threads"), format!("--jobs {n}：线程数最多为 {MAX_JOBS}"))
    };
    let help = tr(
        format!("give a number from 1 to {MAX_JOBS}, or leave --jobs out to use every core ({cores} here)"),
        format!("请给出 1 到 {MAX_JOBS} 之间的数，或不写 --jobs 以使用全部核心（本机 {cores} 个）"),
    );
    Err(Failure { diagnostics: vec![Diagnostic::error("E0912", message).help(help)], usage: true })
}

/// The result format `--output`'s extension names (`.txt`: the table).
fn result_format(out: &Path) -> R<Format> {
    if extension(out).as_deref() == Some("txt") {
        return Ok(Format::Table);
    }
    data_format(out, "--format", ".json, .jsonl, .csv, .xlsx, .txt").map(|f| match f {
        TemplateFormat::Json => Format::Json,
        TemplateFormat::Jsonl => Format::Jsonl,
        TemplateFormat::Csv => Format::Csv,
        TemplateFormat::Xlsx => Format::Xlsx,
    })
}

/// The data format the output file's extension names: one jixiao reads, less `.xlsm` (what
/// it writes holds no macros).
fn data_format(out: &Path, option: &str, formats: &str) -> R<TemplateFormat> {
    use eval::files::DataFormat;
    match DataFormat::by_name(out) {
        Some(_) if extension(out).as_deref() == Some("xlsm") => Err(unwritable(out, formats, option)),
        Some(DataFormat::Json) => Ok(TemplateFormat::Json),
        Some(DataFormat::JsonLines) => Ok(TemplateFormat::Jsonl),
        Some(DataFormat::Csv) => Ok(TemplateFormat::Csv),
        Some(DataFormat::Xlsx) => Ok(TemplateFormat::Xlsx),
        None => Err(unwritable(out, formats, option)),
    }
}

/// `-o out.pdf`: a usage error naming the formats jixiao writes.
fn unwritable(out: &Path, formats: &str, option: &str) -> Failure {
    let name = out.display();
    let message = match extension(out) {
        Some(ext) => tr(
            format!("--output {name}: jixiao cannot write .{ext} files"),
            format!("--output {name}：jixiao 不能写 .{ext} 文件"),
        ),
        None => tr(
            format!("--output {name}: the file name has no extension to tell the format"),
            format!("--output {name}：文件名没有扩展名，无法确定格式"),
        ),
    };
    let help = tr(
        format!("name a file ending in one of {formats}, or give the format with {option}"),
        format!("请使用以下扩展名之一：{formats}；或用 {option} 指定格式"),
    );
    Failure { diagnostics: vec![Diagnostic::error("E0911", message).help(help)], usage: true }
}

fn template(file: &Path, format: Option<TemplateFormat>, out: &Path, bom: bool) -> R<ExitCode> {
    let format = match format {
        Some(format) => format,
        None => data_format(out, "--format", ".json, .jsonl, .csv, .xlsx")?,
    };
    let (program, _) = compile(file)?;
    let records = [crate::schema::example(&program)];
    write_data(&program, &records, (format, bom), out, &[file.to_path_buf()])?;
    Ok(ExitCode::SUCCESS)
}

/// Writes records in a data format (CSV: lists of records in files beside the main one), all
/// files or none, none of them one of `inputs`.
fn write_data(
    program: &Program,
    records: &[serde_json::Value],
    (format, bom): (TemplateFormat, bool),
    out: &Path,
    inputs: &[PathBuf],
) -> R<()> {
    let files = match format {
        TemplateFormat::Json => output::template::json(records),
        TemplateFormat::Jsonl => output::template::json_lines(records),
        TemplateFormat::Csv => output::template::csv(program, records, bom),
        TemplateFormat::Xlsx => output::template::xlsx(program, records)
            .map_err(|e| vec![Diagnostic::error("E0905", format!("cannot write {}: {e}", out.display()))])?,
    };
    let files: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|f| (if f.suffix.is_empty() { out.to_path_buf() } else { eval::files::beside(out, &f.suffix) }, f.bytes))
        .collect();
    check_outputs(files.iter().map(|(path, _)| path.as_path()), inputs)?;
    atomic::write_all(&files)?;
    for (path, _) in &files {
        println!("{}", tr(format!("wrote {}", path.display()), format!("已写入 {}", path.display())));
    }
    Ok(())
}

fn convert(file: &Path, data: &Path, to: Option<TemplateFormat>, out: &Path, bom: bool) -> R<ExitCode> {
    let format = match to {
        Some(format) => format,
        None => data_format(out, "--to", ".json, .jsonl, .csv, .xlsx")?,
    };
    let (program, _) = compile(file)?;
    report(&eval::files::extra_tables(&program, data));
    let records = eval::files::read_json(&program, data)?;
    // Only data the regulation accepts is converted.
    eval::data::read_records(&program, &serde_json::Value::Array(records.clone()))?;
    write_data(&program, &records, (format, bom), out, &read_paths(&program, file, data))?;
    Ok(ExitCode::SUCCESS)
}

fn fmt(files: &[PathBuf], check: bool, keywords: Option<crate::fmt::Keywords>) -> R<ExitCode> {
    let mut unformatted = 0;
    for file in files {
        let text = read_text(file).map_err(|d| vec![d])?;
        let source = SourceFile::new(file.display().to_string(), text.as_str());
        let ast = crate::syntax::parse(&source)?;
        let keywords = keywords.unwrap_or_else(|| crate::fmt::Keywords::of(&text));
        let formatted = crate::fmt::format(&source, &ast, keywords);
        // A safety net: the result must read back as the same file.
        let again = crate::syntax::parse(&SourceFile::new(file.display().to_string(), formatted.as_str()));
        let same = again.as_ref().is_ok_and(|a| crate::fmt::same_meaning(a, &ast));
        if !same {
            return Err(vec![
                Diagnostic::error(
                    "E0909",
                    tr(
                        format!("{}: formatting would change the file's meaning", file.display()),
                        format!("{}：整理格式会改变文件的含义，未写入", file.display()),
                    ),
                )
                .help(tr(
                    "this is a defect in jixiao fmt; please report it with the file",
                    "这是 jixiao fmt 的缺陷，请连同该文件一起报告",
                )),
            ]
            .into());
        }
        if formatted == text {
            continue;
        }
        unformatted += 1;
        if check {
            let line = crate::fmt::first_difference(&text, &formatted).unwrap_or(1);
            println!(
                "{}",
                tr(
                    format!(
                        "{}: not in the canonical layout (first difference at line {line}); run jixiao fmt",
                        file.display()
                    ),
                    format!("{}：不是规范格式（第 {line} 行起不同）；请运行 jixiao fmt", file.display()),
                )
            );
        } else {
            write_bytes_atomically(file, formatted.as_bytes())?;
            println!("{}", tr(format!("{}: formatted", file.display()), format!("{}：已整理格式", file.display())));
        }
    }
    Ok(ExitCode::from(u8::from(check && unformatted > 0)))
}

fn explain(
    file: &Path,
    data: &Path,
    department: &str,
    format: ExplainFormat,
    losses: bool,
    set: &[String],
) -> R<ExitCode> {
    let (program, _) = compile(file)?;
    let Loaded { program, records, params, results, .. } = load(program, data, set)?;
    let Some(i) = records.iter().position(|r| r.unit == eval::names::normalise(department)) else {
        let names: Vec<String> = records.iter().map(|r| r.unit.clone()).collect();
        let help = match crate::check::err::did_you_mean(department, &names) {
            Some(n) => tr(format!("did you mean `{n}`?"), format!("是否应为“{n}”？")),
            None => {
                let some = names.iter().take(3).cloned().collect::<Vec<_>>().join("、");
                tr(
                    format!("the data has {} departments, such as {some}", names.len()),
                    format!("数据中有 {} 个部门，例如 {some}", names.len()),
                )
            }
        };
        let data = data.display();
        let shown = eval::names::visible(department);
        return Err(Failure {
            diagnostics: vec![
                Diagnostic::error(
                    "E0908",
                    tr(format!("no department named `{shown}` in {data}"), format!("{data} 中没有名为“{shown}”的部门")),
                )
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

/// A regulation evaluated on a data file.
struct Loaded {
    program: Program,
    records: Vec<eval::Record>,
    params: Vec<Number>,
    /// The parameters `--set` gave.
    overridden: Vec<crate::program::ParamId>,
    results: Vec<eval::UnitResult>,
}

fn load(program: Program, data: &Path, set: &[String]) -> R<Loaded> {
    let overrides = parse_overrides(&program, set)?;
    report(&eval::files::extra_tables(&program, data));
    let (records, cells) = eval::files::read_with_cells(&program, data)?;
    let params = eval::parameters(&program, &overrides);
    let results = eval::evaluate_located(&program, &records, &cells, &params)?;
    let overridden = overrides.iter().map(|(p, _)| *p).collect();
    Ok(Loaded { program, records, params, overridden, results })
}

/// `--set 优秀线=85`: an unknown name or a value that is not a number is a usage error.
fn parse_overrides(program: &Program, set: &[String]) -> R<Vec<(usize, Number)>> {
    let names: Vec<String> = program.params.iter().map(|p| p.name.clone()).collect();
    let listed = if names.is_empty() {
        tr("this regulation has no parameters", "这个办法没有参数")
    } else {
        tr(format!("the parameters are: {}", names.join(", ")), format!("参数有：{}", names.join("、")))
    };
    let mut out = Vec::new();
    for item in set {
        let usage = |d: Diagnostic| Failure { diagnostics: vec![d], usage: true };
        let Some((name, value)) = item.split_once('=') else {
            return Err(usage(
                Diagnostic::error(
                    "E0903",
                    tr(format!("--set {item}: expected NAME=VALUE"), format!("--set {item}：应写成 名称=值")),
                )
                .help(listed.clone()),
            ));
        };
        let (name, value) = (name.trim(), value.trim());
        let Some(p) = program.param_named(name) else {
            return Err(usage(
                Diagnostic::error(
                    "E0903",
                    tr(format!("--set: unknown parameter `{name}`"), format!("--set：未知的参数“{name}”")),
                )
                .help(listed.clone()),
            ));
        };
        if out.iter().any(|(q, _)| *q == p) {
            return Err(usage(
                Diagnostic::error(
                    "E0903",
                    tr(format!("--set {name} is given twice"), format!("--set {name} 给出了两次")),
                )
                .help(tr("set each parameter once", "每个参数只能设定一次")),
            ));
        }
        let Some(n) = parameter_value(value, program.params[p].unit) else {
            let example = if program.params[p].unit == crate::program::Unit::Ratio { "50%" } else { "85" };
            return Err(usage(
                Diagnostic::error(
                    "E0904",
                    tr(
                        format!("--set {name}: `{value}` is not a number of the parameter's kind"),
                        format!("--set {name}：“{value}”不是这个参数所需的那种数"),
                    ),
                )
                .help(tr(
                    format!("write a decimal number, as in --set {name}={example}"),
                    format!("请写一个十进制数，如 --set {name}={example}"),
                )),
            ));
        };
        if n.is_zero() && program.params[p].divisor {
            return Err(usage(
                Diagnostic::error(
                    "E0913",
                    tr(
                        format!("--set {name}=0: `{name}` divides a value in the regulation, so it may not be 0"),
                        format!("--set {name}=0：办法中以“{name}”作除数，不能设为 0"),
                    ),
                )
                .help(tr(
                    format!("set {name} to a value other than 0 (its default is {})", program.params[p].default),
                    format!("请把 {name} 设为非零的值（默认值为 {}）", program.params[p].default),
                )),
            ));
        }
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

/// Writes to a temporary file beside `path`, then renames it into place, so a failed or
/// interrupted run leaves nothing behind (see `atomic`).
fn write_bytes_atomically(path: &Path, bytes: &[u8]) -> R<()> {
    write_through(path, |w| w.write_all(bytes).map_err(|e| Failure::from(vec![write_error(path, &e)])))
}

fn write_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => tr("the folder does not exist", "文件夹不存在"),
        std::io::ErrorKind::PermissionDenied => tr("permission denied", "没有写入权限"),
        kind => tr(kind.to_string(), io_words(e)),
    };
    Diagnostic::error(
        "E0905",
        tr(format!("cannot write {}: {why}", path.display()), format!("无法写入 {}：{why}", path.display())),
    )
    .help(tr("check that the folder exists and is writable", "请检查文件夹是否存在、是否可以写入"))
}

/// An input or output error in words; in Chinese for the common kinds, as the system
/// gives it otherwise.
fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if !chinese() {
        return e.to_string();
    }
    match e.kind() {
        K::NotFound => "文件不存在".to_string(),
        K::PermissionDenied => "没有访问权限".to_string(),
        K::IsADirectory => "这是一个文件夹，不是文件".to_string(),
        K::StorageFull => "磁盘空间不足".to_string(),
        _ => e.to_string(),
    }
}

fn test(files: &[PathBuf], strict: bool) -> R<ExitCode> {
    let (mut passed, mut failed, mut unexercised) = (0, 0, 0);
    for file in files {
        let program = match compile(file) {
            Ok((p, _)) => p,
            Err(f) => {
                report(&f.diagnostics);
                println!(
                    "{}",
                    tr(
                        format!("{}: does not check; its tests were not run", file.display()),
                        format!("{}：检查未通过，其中的测试没有运行", file.display()),
                    )
                );
                failed += 1;
                continue;
            }
        };
        println!("{}", file.display());
        let coverage = std::cell::RefCell::new(eval::Coverage::default());
        for outcome in cases::run_traced(&program, &coverage) {
            if outcome.passed() {
                passed += 1;
                println!("{}{}", tr("  ok    ", "  通过  "), outcome.name);
            } else {
                failed += 1;
                let (name, line) = (&outcome.name, outcome.line);
                println!("{}", tr(format!("  FAIL  {name} (line {line})"), format!("  失败  {name}（第 {line} 行）")));
                for f in &outcome.failures {
                    println!("        {f}");
                }
            }
        }
        let missing = cases::unexercised(&program, &coverage.borrow());
        if !missing.is_empty() {
            println!("{}", tr("  not exercised by any test:", "  以下规则没有任何测试用到："));
            for m in &missing {
                println!(
                    "{}",
                    tr(format!("        line {}: {}", m.line, m.what), format!("        第 {} 行：{}", m.line, m.what))
                );
            }
        }
        unexercised += missing.len();
    }
    if strict && unexercised > 0 {
        println!(
            "{}",
            tr(
                format!("{unexercised} rule(s) not exercised (--strict)"),
                format!("{unexercised} 条规则没有测试用到（--strict）"),
            )
        );
    }
    println!("{}", tr(format!("{passed} passed, {failed} failed"), format!("通过 {passed} 个，失败 {failed} 个")));
    Ok(ExitCode::from(u8::from(failed > 0 || (strict && unexercised > 0))))
}
