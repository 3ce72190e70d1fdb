//! jixiao: a language for performance-evaluation regulations (绩效管理办法).
#![forbid(unsafe_code)]

pub mod diagnostic;
pub mod source;
pub mod syntax;
