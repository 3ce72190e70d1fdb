//! `jixiao explain`: one department's results, from the score down to its data.

use super::*;
use crate::lang::msg;

pub(super) fn explain(
    file: &Path,
    data: &Path,
    department: &str,
    format: ExplainFormat,
    losses: bool,
    set: &[String],
) -> R<ExitCode> {
    let (program, _) = compile(file)?;
    let Loaded { program, records, params, results, .. } = load(program, data, set)?;
    let Some(i) = records.iter().position(|r| r.unit == crate::data::names::normalise(department)) else {
        let names: Vec<String> = records.iter().map(|r| r.unit.clone()).collect();
        return Err(unknown_department(department, &names, data));
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

/// `--department NAME` names no department of the data (`names`): a usage error, with the
/// nearest name or a few of the names.
pub(super) fn unknown_department(department: &str, names: &[String], data: &Path) -> Failure {
    {
        let help = match crate::check::err::did_you_mean(department, names) {
            Some(n) => msg!("cli-did-you-mean-n", n),
            None => {
                let some = names.iter().take(3).cloned().collect::<Vec<_>>().join("、");
                msg!("cli-data-has-names-departments-such", names = names.len(), some)
            }
        };
        let data = data.display();
        let shown = crate::data::names::visible(department);
        Failure {
            diagnostics: vec![
                Diagnostic::error("E0908", msg!("cli-no-department-named-shown-data", shown, data)).help(help),
            ],
            usage: true,
        }
    }
}
