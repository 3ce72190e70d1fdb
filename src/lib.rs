//! jixiao: a language for performance-evaluation regulations (绩效管理办法).
//!
//! The stages, in order: [`syntax`] (source → syntax tree), [`check`] (→ checked
//! [`program`]), [`data`] (data files → records, a batch at a time), [`eval`] (program +
//! records → results), [`output`] (results → table, JSON, CSV, XLSX). [`cases`] runs a file's embedded tests; [`cli`] wires the stages to the command line.
//!
//! ```
//! use jixiao::{data, diagnostic::Diagnostic, eval, output, source::SourceFile};
//!
//! # fn main() -> Result<(), Vec<Diagnostic>> {
//! let text = r#"
//!     办法 "示例"
//!     输入 部门：文本
//!     输入 得分：分数 0 至 100
//!     计算 总分 = 得分 × 60% + 40分 保留 2 位
//!     等次 等次 按 总分 { 优秀 ≥ 90；合格 ≥ 60 且 < 90；不合格 < 60 }
//!     公布 { 单位：部门；得分：总分；等次：等次 }
//! "#;
//! // Every stage gives its diagnostics (miette, with codes and help) instead of panicking.
//! let (program, warnings) = jixiao::compile(&SourceFile::new("示例.jx", text))?;
//! assert!(warnings.is_empty());
//! let data = r#"[{ "部门": "甲", "得分": 87.125 }]"#;
//! let records = data::record::parse_json(&program, "data.json", data)?;
//! let results = eval::evaluate(&program, &records, &eval::parameters(&program, &[]))?;
//! assert_eq!(output::score_text(&program, &results[0]), "92.28"); // 87.125 × 60% + 40 = 92.275
//! assert_eq!(output::grade_text(&program, &results[0]).as_deref(), Some("优秀"));
//! # Ok(())
//! # }
//! ```
// Unsafe code is forbidden, but for the one call that reads Windows's display language
// (`lang::system_ui_chinese`).
#![cfg_attr(not(windows), forbid(unsafe_code))]
#![cfg_attr(windows, deny(unsafe_code))]

pub mod check;
pub mod data;
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
    compile_with_syntax(source).map(|(program, _, warnings)| (program, warnings))
}

/// `compile`, keeping the syntax tree too (comparing two versions of a file reads both).
pub fn compile_with_syntax(
    source: &SourceFile,
) -> Result<(program::Program, syntax::ast::File, Vec<Diagnostic>), Vec<Diagnostic>> {
    let file = syntax::parse(source)?;
    let checked = check::check(&file, source);
    let Some(program) = checked.program else { return Err(checked.diagnostics) };
    let defaults = crate::data::record::check_defaults(&program);
    if !defaults.is_empty() {
        return Err(defaults);
    }
    let mut warnings = checked.diagnostics;
    warnings.extend(analysis::warnings(&program, &analysis::analyse(&program)));
    Ok((program, file, warnings))
}
pub mod analysis;
pub mod cases;
pub mod cli;
pub mod explain;
pub mod fmt;
pub mod lang;
pub mod lsp;
pub mod output;
pub mod review;
pub mod schema;
