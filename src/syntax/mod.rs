//! Source text → syntax tree. Owns the grammar (`grammar/jixiao.pest`); nothing downstream
//! sees a pest `Pair`.

pub mod ast;
pub mod err;
mod parser;
mod prescan;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// How deep brackets may nest. Real regulations nest a handful of levels; the limit keeps a
/// hostile file from exhausting the parser's stack.
pub const MAX_NESTING: usize = 100;

/// How deep a formula's tree may be (a sum of 500 terms is 500 deep). Later stages walk
/// formulas recursively, so no deeper tree is ever built.
pub const MAX_DEPTH: usize = 500;

/// The largest regulation file read (bytes).
pub const MAX_SOURCE_BYTES: usize = 4 * 1024 * 1024;

/// Parses a regulation file into its syntax tree, or the syntax errors found.
pub fn parse(source: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    prescan::check(source)?;
    parser::parse_file(source)
}
