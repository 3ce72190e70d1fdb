//! Loading data for a command, with `--set` parameters parsed and checked.

use super::*;
use crate::lang::msg;

pub(super) fn load(program: Program, data: &Path, set: &[String]) -> R<Loaded> {
    let overrides = parse_overrides(&program, set)?;
    report(&crate::data::files::extra_tables(&program, data));
    let (records, cells) = crate::data::files::read_with_cells(&program, data)?;
    let params = eval::parameters(&program, &overrides);
    let results = eval::evaluate_located(&program, &records, &cells, &params)?;
    let overridden = overrides.iter().map(|(p, _)| *p).collect();
    Ok(Loaded { program, records, params, overridden, results })
}

/// `--set 优秀线=85`: an unknown name or a value that is not a number is a usage error.
pub(super) fn parse_overrides(program: &Program, set: &[String]) -> R<Vec<(usize, Number)>> {
    parse_overrides_as(program, set, "--set")
}

/// `parse_overrides` for values given by `option` (`--vs`), which the messages name.
pub(super) fn parse_overrides_as(program: &Program, set: &[String], option: &str) -> R<Vec<(usize, Number)>> {
    let names: Vec<String> = program.params.iter().map(|p| p.name.clone()).collect();
    let listed = if names.is_empty() {
        msg!("cli-regulation-has-no-parameters")
    } else {
        msg!("cli-parameters-names", names = names.join(&msg!("sep-list")))
    };
    let mut out = Vec::new();
    for item in set {
        let usage = |d: Diagnostic| Failure { diagnostics: vec![d], usage: true };
        let Some((name, value)) = item.split_once('=') else {
            return Err(usage(
                Diagnostic::error("E0903", msg!("cli-option-item-expected-name-value", option, item))
                    .help(listed.clone()),
            ));
        };
        let (name, value) = (name.trim(), value.trim());
        let Some(p) = program.param_named(name) else {
            return Err(usage(
                Diagnostic::error("E0903", msg!("cli-option-unknown-parameter-name", option, name))
                    .help(listed.clone()),
            ));
        };
        if out.iter().any(|(q, _)| *q == p) {
            return Err(usage(
                Diagnostic::error("E0903", msg!("cli-option-name-given-twice", option, name))
                    .help(msg!("cli-set-each-parameter-once")),
            ));
        }
        let Some(n) = parameter_value(value, program.params[p].unit) else {
            let example = if program.params[p].unit == crate::program::Unit::Ratio { "50%" } else { "85" };
            return Err(usage(
                Diagnostic::error("E0904", msg!("cli-option-name-value-not-number", option, name, value)).help(msg!(
                    "cli-write-decimal-number-option-name",
                    option,
                    name,
                    example
                )),
            ));
        };
        if n.is_zero() && program.params[p].divisor {
            return Err(usage(
                Diagnostic::error("E0913", msg!("cli-option-name-0-name-divides", option, name)).help(msg!(
                    "cli-set-name-value-other-than",
                    name,
                    program = program.params[p].default
                )),
            ));
        }
        out.push((p, n));
    }
    Ok(out)
}

/// A `--set` value: a decimal written exactly, with `%` for a percentage parameter (which
/// needs it: is `50` fifty percent or fifty times?) and optionally `分` for points.
pub(super) fn parameter_value(text: &str, unit: crate::program::Unit) -> Option<Number> {
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
