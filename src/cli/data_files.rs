//! `jixiao template` and `jixiao convert`: data files in every format, written atomically.

use super::*;
use crate::lang::msg;

pub(super) fn template(file: &Path, format: Option<TemplateFormat>, out: &Path, bom: bool) -> R<ExitCode> {
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
pub(super) fn write_data(
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
        TemplateFormat::Xlsx => {
            output::template::xlsx(program, records).map_err(|e| vec![workbook_error(out, &e, "--to csv")])?
        }
    };
    let files: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .map(|f| {
            (if f.suffix.is_empty() { out.to_path_buf() } else { crate::data::files::beside(out, &f.suffix) }, f.bytes)
        })
        .collect();
    check_outputs(files.iter().map(|(path, _)| path.as_path()), inputs)?;
    atomic::write_all(&files)?;
    for (path, _) in &files {
        println!("{}", msg!("cli-wrote-path", path = path.display()));
    }
    Ok(())
}

pub(super) fn convert(file: &Path, data: &Path, to: Option<TemplateFormat>, out: &Path, bom: bool) -> R<ExitCode> {
    let format = match to {
        Some(format) => format,
        None => data_format(out, "--to", ".json, .jsonl, .csv, .xlsx")?,
    };
    let (program, _) = compile(file)?;
    report(&crate::data::files::extra_tables(&program, data));
    let records = crate::data::files::read_json(&program, data)?;
    // Only data the regulation accepts is converted.
    crate::data::record::read_records(&program, &serde_json::Value::Array(records.clone()))?;
    write_data(&program, &records, (format, bom), out, &read_paths(&program, file, data))?;
    Ok(ExitCode::SUCCESS)
}

/// The data format the output file's extension names: one jixiao reads, less `.xlsm` (what
/// it writes holds no macros).
pub(super) fn data_format(out: &Path, option: &str, formats: &str) -> R<TemplateFormat> {
    use crate::data::files::DataFormat;
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
pub(super) fn unwritable(out: &Path, formats: &str, option: &str) -> Failure {
    let name = out.display();
    let message = match extension(out) {
        Some(ext) => msg!("cli-output-name-jixiao-cannot-write", name, ext),
        None => msg!("cli-output-name-file-name-has", name),
    };
    let help = msg!("cli-name-file-ending-one-formats", formats, option);
    Failure { diagnostics: vec![Diagnostic::error("E0911", message).help(help)], usage: true }
}
