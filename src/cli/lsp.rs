//! `jixiao lsp`: the language server for editors (`crate::lsp`), on standard input and output.

use std::process::ExitCode;

use super::R;
use crate::diagnostic::Diagnostic;
use crate::lang::msg;

/// Serves an editor until it exits; a broken connection is E0923.
pub(super) fn serve() -> R<ExitCode> {
    match crate::lsp::serve() {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(vec![
            Diagnostic::error("E0923", msg!("cli-lsp-failed", why = e.to_string())).help(msg!("cli-lsp-failed-help")),
        ]
        .into()),
    }
}
