//! `jixiao report`: the results as one self-contained HTML page (see `output::report`).

use crate::lang::msg;
use sha2::{Digest, Sha256};

use super::*;
use crate::data::files::DataFormat;
use crate::output::report::{self, DataFile, Run};
use crate::review::results::Outcome;

/// `jixiao report`'s arguments.
pub(super) struct ReportArgs<'a> {
    /// The page's language (messages keep the user's).
    pub lang: crate::lang::Lang,
    pub file: &'a Path,
    pub data: &'a Path,
    pub out: &'a Path,
    pub set: &'a [String],
    /// The evaluation date to print (`2026-12-01`); today's if `None`.
    pub date: Option<&'a str>,
    pub jobs: Option<usize>,
}

pub(super) fn report(args: ReportArgs) -> R<ExitCode> {
    let (program, _) = compile(args.file)?;
    let to_stdout = args.out.as_os_str() == "-";
    let read = read_paths(&program, args.file, args.data);
    if !to_stdout {
        check_outputs(std::iter::once(args.out), &read)?;
    }
    let overrides = parse_overrides(&program, args.set)?;
    let overridden: Vec<usize> = overrides.iter().map(|(p, _)| *p).collect();
    let params = eval::parameters(&program, &overrides);
    let date = evaluation_date(args.date)?;
    let data = data_files(&program, args.data)?;
    let pool = stream::pool(args.jobs)?;
    let evaluated = evaluate(&program, &params, args.data, args.jobs)?;
    let messages = if crate::lang::chinese() { crate::lang::Lang::Zh } else { crate::lang::Lang::En };
    let html = pool.install(|| {
        crate::lang::set(args.lang);
        let run = Run {
            program: &program,
            params: &params,
            overridden: &overridden,
            data: &data,
            date: &date,
            outcomes: &evaluated.outcomes,
            details: evaluated.whole.as_ref().map(|(records, results)| (records.as_slice(), results.as_slice())),
        };
        let html = report::html(&run);
        crate::lang::set(messages);
        html
    });
    let html = html.map_err(|why| Failure::from(vec![not_made(args.out, &why)]))?;
    if to_stdout {
        print_out(&html)?;
    } else {
        write_bytes_atomically(args.out, html.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Data files up to this size are read once, whole: every department's section can be made
/// from them. Larger ones are streamed, and the report is summarised.
const WHOLE_BYTES: u64 = 16 << 20;

/// One run's results: every department's outcome, and every record and result when the
/// report has a section per department.
struct Evaluated {
    outcomes: Vec<Outcome>,
    whole: Option<(Vec<eval::Record>, Vec<eval::UnitResult>)>,
}

/// Evaluates the data once: whole (a file up to `WHOLE_BYTES`, or data piped in), else
/// streamed with only each department's outcome kept.
fn evaluate(program: &Program, params: &[Number], data: &Path, jobs: Option<usize>) -> R<Evaluated> {
    let size = std::fs::metadata(data).ok().filter(|m| m.is_file()).map(|m| m.len());
    if size.is_some_and(|n| n > WHOLE_BYTES) {
        let (outcomes, _) = diff::outcomes(program, params, data, jobs, None)?;
        summarised(outcomes.len(), msg!("cli-data-file-larger-than-16"));
        return Ok(Evaluated { outcomes, whole: None });
    }
    let pool = stream::pool(jobs)?;
    let (records, results) = pool.install(|| -> R<_> {
        let (records, cells) = crate::data::files::read_with_cells(program, data)?;
        let results = eval::evaluate_located(program, &records, &cells, params)?;
        Ok((records, results))
    })?;
    let mut shared = crate::review::results::Shared::default();
    let outcomes = records.iter().zip(&results).map(|(r, u)| Outcome::of(program, u, &r.inputs, &mut shared)).collect();
    if results.len() > report::MOST_DEPARTMENTS {
        summarised(results.len(), msg!("cli-there-too-many-departments"));
        return Ok(Evaluated { outcomes, whole: None });
    }
    Ok(Evaluated { outcomes, whole: Some((records, results)) })
}

/// Says on standard error that the report is summarised, and why.
fn summarised(departments: usize, why: String) {
    let most = report::MOST_DEPARTMENTS;
    eprintln!("{}", msg!("cli-note-departments-departments-why-report", departments, why, most));
}

/// The data files the run reads, each with its checksum: the data (`—` for data piped in),
/// and for CSV the list files beside it.
fn data_files(program: &Program, data: &Path) -> R<Vec<DataFile>> {
    let sha256 = |path: &Path| -> R<String> {
        if std::fs::metadata(path).is_ok_and(|m| m.is_file()) { checksum(path) } else { Ok("—".to_string()) }
    };
    let mut files = vec![DataFile { name: data.display().to_string(), sha256: sha256(data)? }];
    if DataFormat::detect(data).is_ok_and(|f| f == DataFormat::Csv) {
        for field in crate::data::files::list_fields(program) {
            let path = crate::data::files::beside(data, &field);
            if path.is_file() {
                files.push(DataFile { name: path.display().to_string(), sha256: checksum(&path)? });
            }
        }
    }
    Ok(files)
}

/// `--date`, checked; else today's date where the user is.
fn evaluation_date(given: Option<&str>) -> R<String> {
    let Some(text) = given else { return Ok(jiff::ZonedDateTime::now().date().to_string()) };
    // A date alone: `2026-12-01T08:00` would lose its time without a word.
    let date = Some(text.trim()).filter(|t| t.len() == 10).and_then(|t| t.parse::<jiff::civil::Date>().ok());
    date.map(|d| d.to_string()).ok_or_else(|| Failure {
        diagnostics: vec![
            Diagnostic::error("E0922", msg!("cli-date-text-not-date", text))
                .help(msg!("cli-write-date-year-month-day")),
        ],
        usage: true,
    })
}

/// The data file's SHA-256, read in blocks (data files can be large).
fn checksum(path: &Path) -> R<String> {
    let fail = |e: std::io::Error| {
        Failure::from(vec![crate::data::files::cannot_read(&path.display().to_string(), &io_words(&e))])
    };
    let mut file = std::fs::File::open(path).map_err(fail)?;
    let mut hasher = Sha256::new();
    let mut block = vec![0u8; 1 << 16];
    loop {
        let n = std::io::Read::read(&mut file, &mut block).map_err(fail)?;
        if n == 0 {
            break;
        }
        hasher.update(&block[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// The report could not be made (`why`: what the chart or template library said).
fn not_made(out: &Path, why: &str) -> Diagnostic {
    Diagnostic::error("E0921", msg!("cli-cannot-make-report-out-why", page = out.display(), why))
        .help(msg!("cli-fault-jixiao-not-data-please"))
}
