//! `jixiao check`: each file checked, its warnings shown, `--ranges` printed.

use super::*;
use crate::lang::msg;

pub(super) fn check(files: &[PathBuf], ranges: bool) -> R<ExitCode> {
    let mut failed = false;
    for file in files {
        match compile(file) {
            Ok((program, warnings)) => {
                report(&warnings);
                println!("{}{}", msg!("cli-file-ok", file = file.display()), plural_warnings(warnings.len()));
                if ranges {
                    print_out(&output::ranges(&program, &crate::analysis::analyse(&program)))?;
                }
            }
            Err(f) => {
                report(&f.diagnostics);
                let errors = f.diagnostics.iter().filter(|d| d.is_error()).count();
                println!("{}", msg!("cli-file-errors-error-s", file = file.display(), errors));
                failed = true;
            }
        }
    }
    Ok(ExitCode::from(u8::from(failed)))
}

pub(super) fn plural_warnings(n: usize) -> String {
    if n == 0 { String::new() } else { msg!("cli-n-warning-s", n) }
}
