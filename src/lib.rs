//! jixiao: a language for performance-evaluation regulations (绩效管理办法).
#![forbid(unsafe_code)]

pub mod check;
pub mod diagnostic;
pub mod eval;
pub mod number;
pub mod program;
pub mod source;
pub mod syntax;

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
pub mod cases;
pub mod cli;
pub mod output;
