//! `jixiao eval`: a regulation over a data file, results in the format asked, streamed or whole.

use super::*;
use crate::data::files::DataFormat;
use crate::lang::msg;

pub(super) fn evaluate(
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
    // Data into a format written as it comes: record by record, in bounded memory.
    let data_format = DataFormat::detect(data).map_err(|d| vec![d])?;
    if let Some(streamed) = streamed
        && stream::streams(&program, (data, data_format), &stream::pool(jobs)?)
    {
        report(&crate::data::files::extra_tables(&program, data));
        let overrides = parse_overrides(&program, set)?;
        let params = eval::parameters(&program, &overrides);
        let overridden: Vec<usize> = overrides.iter().map(|(p, _)| *p).collect();
        let said = output::parameters_said(&program, &params, &overridden);
        stream::evaluate(&program, &params, (data, data_format), (streamed, bom, said), out, jobs)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Read whole (a table, a workbook, a pipe) on as many threads as asked.
    let Loaded { program, records, params, overridden, results } =
        stream::pool(jobs)?.install(|| load(program, data, set))?;
    let inputs: Vec<&[eval::Value]> = records.iter().map(|r| r.inputs.as_slice()).collect();
    let bytes = match format {
        Format::Table => output::table(&program, &results, &inputs, (&params, &overridden)).into_bytes(),
        Format::Json => output::json(&program, &results, &inputs).into_bytes(),
        Format::Jsonl => output::json_lines(&program, &results, &inputs).into_bytes(),
        Format::Csv => {
            let said = output::parameters_said(&program, &params, &overridden);
            output::csv(&program, &results, &inputs, bom, said.as_deref()).into_bytes()
        }
        Format::Xlsx => {
            let Some(path) = out else { return Err(xlsx_needs_output()) };
            output::results_xlsx(&program, &results, &inputs, &params, &overridden)
                .map_err(|e| vec![workbook_error(path, &e, "--format csv")])?
        }
    };
    match out {
        Some(path) => write_bytes_atomically(path, &bytes)?,
        None => print_bytes(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `--jobs N`: from 1 to `MAX_JOBS`; more than the cores available uses the cores.
pub(super) fn threads(jobs: Option<usize>) -> R<Option<usize>> {
    let Some(n) = jobs else { return Ok(None) };
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    if (1..=MAX_JOBS).contains(&n) {
        return Ok(Some(n.min(cores)));
    }
    let message =
        if n == 0 { msg!("cli-jobs-0-run-needs-least") } else { msg!("cli-jobs-too-many", n, most_jobs = MAX_JOBS) };
    let help = msg!("cli-jobs-number", most_jobs = MAX_JOBS, cores);
    Err(Failure { diagnostics: vec![Diagnostic::error("E0912", message).help(help)], usage: true })
}

/// The result format `--output`'s extension names (`.txt`: the table).
pub(super) fn result_format(out: &Path) -> R<Format> {
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
