//! Source text → syntax tree. Owns the grammar (`grammar/jixiao.pest`); nothing downstream
//! sees a pest `Pair`.

pub mod ast;
pub mod err;
mod parser;
mod prescan;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// How deep brackets and formulas may nest. Real regulations nest a handful of levels; the
/// limit keeps a hostile file from exhausting the stack.
pub const MAX_NESTING: usize = 100;

/// The largest regulation file read (bytes).
pub const MAX_SOURCE_BYTES: usize = 4 * 1024 * 1024;

/// Parses a regulation file into its syntax tree, or the syntax errors found.
pub fn parse(source: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    prescan::check(source)?;
    parser::parse_file(source)
}
