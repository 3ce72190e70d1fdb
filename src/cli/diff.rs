//! `jixiao diff`: two versions of a regulation (or one with two sets of parameters) over the
//! same data: the declarations that differ, who changes score, grade and rank, the grade
//! transition matrix, and one department's values traced to the declarations that moved them.

use super::*;
use crate::data::batches::{Data, Quiet};
use crate::data::files::DataFormat;
use crate::data::json_array::Source;
use crate::lang::msg;
use crate::output::review::{DepartmentMoves, diff_csv, diff_json, diff_text, diff_xlsx};
use crate::review::results::{Outcome, compare, grade_labels};
use crate::review::rules;
use crate::review::trace;

/// What `jixiao diff` compares, as the command line gives it.
pub(super) struct DiffArgs<'a> {
    pub files: &'a [PathBuf],
    /// Parameters of both runs.
    pub set: &'a [String],
    /// Parameters of the new run, over `set`.
    pub vs: &'a [String],
    pub format: Option<DiffFormat>,
    pub out: Option<&'a Path>,
    pub department: Option<&'a str>,
    pub jobs: Option<usize>,
    pub bom: bool,
}

pub(super) fn diff(a: DiffArgs) -> R<ExitCode> {
    let (old_file, new_file, data) = match a.files {
        [old, new, data] => (old, new, data),
        [file, data] if !a.vs.is_empty() => (file, file, data),
        _ => return Err(nothing_to_compare()),
    };
    let out = a.out.filter(|p| p.as_os_str() != "-");
    let format = review_format(a.format, out)?;
    if a.department.is_some() && matches!(format, DiffFormat::Csv | DiffFormat::Xlsx) {
        return Err(department_needs_text());
    }
    if format == DiffFormat::Xlsx && out.is_none() {
        return Err(xlsx_needs_output());
    }
    let jobs = evaluate::threads(a.jobs)?;
    let (old, new) = (Version::load(old_file)?, Version::load(new_file)?);
    let (old, new) = Version::with_each_others_fields(old, new);
    let mut inputs = read_paths(&old.program, old_file, data);
    inputs.extend(read_paths(&new.program, new_file, data));
    check_outputs(out.into_iter(), &inputs)?;
    let old_params = eval::parameters(&old.program, &parse_overrides(&old.program, a.set)?);
    // `--vs` alone first, so that its faults are told as its own.
    params::parse_overrides_as(&new.program, a.vs, "--vs")?;
    let new_params = eval::parameters(&new.program, &parse_overrides(&new.program, &over(a.set, a.vs))?);
    let mut rules = rules::diff(&old.text, &old.syntax, &new.text, &new.syntax);
    rules::parameter_changes(&mut rules, (&old.program, &old_params), (&new.program, &new_params));
    report(&crate::data::files::extra_tables(&new.program, data));
    read_twice(data)?;
    let (before, old_kept) =
        outcomes(&old.program, &old_params, data, jobs, a.department).map_err(|f| refused_by(f, old_file, true))?;
    let (after, new_kept) =
        outcomes(&new.program, &new_params, data, jobs, a.department).map_err(|f| refused_by(f, new_file, false))?;
    let moves = match (a.department, &old_kept, &new_kept) {
        (None, ..) => None,
        (Some(_), Some(o), Some(n)) => Some(trace::department((&old.program, o), (&new.program, n), &rules)),
        (Some(name), ..) => return Err(not_in_both(name, &before, &after, data)),
    };
    let comparison = compare(before, after, &grade_labels(&old.program), &grade_labels(&new.program));
    let department = a.department.zip(moves.as_deref()).map(|(name, moves)| DepartmentMoves { name, moves });
    let both = set_in_both(a.set, a.vs);
    let bytes = match format {
        DiffFormat::Table => diff_text(&rules, &comparison, department, &both).into_bytes(),
        DiffFormat::Json => diff_json(&rules, &comparison, department, &both).into_bytes(),
        DiffFormat::Csv => diff_csv(&comparison, a.bom).into_bytes(),
        DiffFormat::Xlsx => diff_xlsx(&rules, &comparison)
            .map_err(|e| vec![workbook_error(out.unwrap_or(Path::new("-")), &e, "--format csv")])?,
    };
    match out {
        Some(path) => write_bytes_atomically(path, &bytes)?,
        None => print_bytes(&bytes)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// One version of a regulation: checked, and as written (for comparing declarations).
struct Version {
    program: Program,
    syntax: crate::syntax::ast::File,
    text: String,
}

impl Version {
    fn load(path: &Path) -> R<Version> {
        let (program, syntax, text) = compile_with_syntax(path)?;
        Ok(Version { program, syntax, text })
    }

    /// The data may hold fields only one version reads: each version skips the other's.
    fn with_each_others_fields(mut old: Version, mut new: Version) -> (Version, Version) {
        old.program.tolerated = rules::fields_only_in(&new.program, &old.program);
        new.program.tolerated = rules::fields_only_in(&old.program, &new.program);
        (old, new)
    }
}

/// `--set` values that `--vs` does not replace: they hold in both runs (`名称 = 值`).
fn set_in_both(set: &[String], vs: &[String]) -> Vec<String> {
    not_replaced(set, vs).map(|s| s.replacen('=', " = ", 1)).collect()
}

/// The `--set` values whose parameter `--vs` does not name.
fn not_replaced<'a>(set: &'a [String], vs: &[String]) -> impl Iterator<Item = &'a String> {
    let name = |s: &String| s.split_once('=').map(|(n, _)| n.trim().to_string());
    let replaced: Vec<String> = vs.iter().filter_map(name).collect();
    set.iter().filter(move |s| !name(s).is_some_and(|n| replaced.contains(&n)))
}

/// `--department NAME` names a department neither run has both of.
fn not_in_both(name: &str, before: &[Outcome], after: &[Outcome], data: &Path) -> Failure {
    let mut names: Vec<String> = before.iter().map(|o| o.unit.clone()).collect();
    let seen: std::collections::HashSet<&str> = before.iter().map(|o| o.unit.as_str()).collect();
    names.extend(after.iter().filter(|o| !seen.contains(o.unit.as_str())).map(|o| o.unit.clone()));
    explain::unknown_department(name, &names, data)
}

/// A run's failure, with which version it belongs to when the data was refused (a fault of
/// a record, E07xx, or of evaluating it, E08xx).
fn refused_by(mut f: Failure, file: &Path, old: bool) -> Failure {
    if f.diagnostics.iter().any(|d| d.code.starts_with("E07") || d.code.starts_with("E08")) {
        f.diagnostics.push(version_refused(file, old));
    }
    f
}

/// `jixiao diff` and `jixiao sweep` read the data once a run: a pipe cannot be read again.
pub(super) fn read_twice(data: &Path) -> R<()> {
    match std::fs::metadata(data) {
        Ok(m) if !m.is_file() => Err(Failure {
            diagnostics: vec![
                Diagnostic::error("E0919", msg!("cli-data-data-read-once-each", data = data.display()))
                    .help(msg!("cli-save-data-file-first-name")),
            ],
            usage: true,
        }),
        // A file, or none: reading it says what is wrong.
        _ => Ok(()),
    }
}

/// Which version the problems above belong to.
fn version_refused(file: &Path, old: bool) -> Diagnostic {
    let file = file.display();
    let message = if old { msg!("cli-old-version-refused", file) } else { msg!("cli-new-version-refused", file) };
    Diagnostic::error("E0918", message).help(msg!("cli-data-must-suit-both-versions"))
}

/// Two files and no `--vs`, or a wrong number of files.
fn nothing_to_compare() -> Failure {
    Failure {
        diagnostics: vec![
            Diagnostic::error("E0914", msg!("cli-jixiao-diff-needs-two-versions"))
                .help(msg!("cli-jixiao-diff-2024-jx-2025")),
        ],
        usage: true,
    }
}

/// A regulation checked, with its syntax tree and text (for comparing declarations).
pub(super) fn compile_with_syntax(path: &Path) -> R<(Program, crate::syntax::ast::File, String)> {
    let text = read_text(path).map_err(|d| vec![d])?;
    let (program, ast, _) = crate::compile_with_syntax(&SourceFile::new(path.display().to_string(), text.as_str()))?;
    Ok((program, ast, text))
}

/// `--set` with `--vs` over it: a parameter `--vs` gives is taken from there.
fn over(set: &[String], vs: &[String]) -> Vec<String> {
    not_replaced(set, vs).chain(vs).cloned().collect()
}

/// One run over a data file: each department's outcome, in the data's order, and the whole
/// results of the department `keep` names. Streamed where `eval` streams (memory stays
/// bounded by the outcomes), else read whole.
pub(super) fn outcomes(
    program: &Program,
    params: &[Number],
    data: &Path,
    jobs: Option<usize>,
    keep: Option<&str>,
) -> R<(Vec<Outcome>, Option<eval::UnitResult>)> {
    let keep = keep.map(crate::data::names::normalise);
    let pool = stream::pool(jobs)?;
    let format = DataFormat::detect(data).map_err(|d| vec![d])?;
    let mut outcomes = Vec::new();
    let mut kept = None;
    let mut shared = crate::review::results::Shared::default();
    if stream::streams(program, (data, format), &pool) {
        let name = data.display().to_string();
        let data = Data { name: &name, format, source: Source::File(data) };
        let mut sink = |batch: Vec<eval::stream::Evaluated>| -> Result<(), std::convert::Infallible> {
            for e in batch {
                outcomes.push(Outcome::of(program, &e.result, &e.record.inputs, &mut shared));
                if keep.as_deref() == Some(e.result.unit.as_str()) {
                    kept = Some(e.result);
                }
            }
            Ok(())
        };
        pool.install(|| eval::stream::evaluate_streamed(program, params, data, &Quiet, &mut sink))?
            .unwrap_or_else(|never| match never {});
        return Ok((outcomes, kept));
    }
    let (records, results) = pool.install(|| -> R<_> {
        let (records, cells) = crate::data::files::read_with_cells(program, data)?;
        let results = eval::evaluate_located(program, &records, &cells, params)?;
        Ok((records, results))
    })?;
    for (record, result) in records.iter().zip(results) {
        outcomes.push(Outcome::of(program, &result, &record.inputs, &mut shared));
        if keep.as_deref() == Some(result.unit.as_str()) {
            kept = Some(result);
        }
    }
    Ok((outcomes, kept))
}

/// The format of a review (`diff`, `sweep`): `--format`, else `--output`'s extension (`.txt`:
/// the table), else the table.
pub(super) fn review_format(format: Option<DiffFormat>, out: Option<&Path>) -> R<DiffFormat> {
    let (Some(path), None) = (out, format) else { return Ok(format.unwrap_or(DiffFormat::Table)) };
    match extension(path).as_deref() {
        Some("txt") => Ok(DiffFormat::Table),
        Some("json") => Ok(DiffFormat::Json),
        Some("csv") => Ok(DiffFormat::Csv),
        Some("xlsx") => Ok(DiffFormat::Xlsx),
        _ => Err(data_files::unwritable(path, ".txt, .json, .csv, .xlsx", "--format")),
    }
}

/// `--department` with CSV or XLSX, which hold a row a department and no trace.
fn department_needs_text() -> Failure {
    Failure {
        diagnostics: vec![
            Diagnostic::error("E0920", msg!("cli-department-traces-one-department-s"))
                .help(msg!("cli-use-format-table-format-json")),
        ],
        usage: true,
    }
}
