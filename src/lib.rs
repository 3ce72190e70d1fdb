//! jixiao: a language for performance-evaluation regulations (绩效管理办法).
#![forbid(unsafe_code)]

pub mod diagnostic;
pub mod source;
pub mod syntax;
pub mod number;
pub mod check;
pub mod program;
pub mod eval;

use diagnostic::Diagnostic;
use source::SourceFile;

/// Parses and checks a regulation file: the program and its warnings, or every error
/// (warnings included).
pub fn compile(source: &SourceFile) -> Result<(program::Program, Vec<Diagnostic>), Vec<Diagnostic>> {
    let file = syntax::parse(source)?;
    let checked = check::check(&file, source);
    match checked.program {
        Some(p) => Ok((p, checked.diagnostics)),
        None => Err(checked.diagnostics),
    }
}
pub mod output;
pub mod cases;
pub mod cli;
