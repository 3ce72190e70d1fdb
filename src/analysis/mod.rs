//! Analyses of a checked program that need no data: the range every value can take, and
//! the warnings that follow from it (grade bands out of reach, caps that never bind).

pub mod interval;
pub mod ranges;
mod warnings;
mod wording;

pub use ranges::{Range, Ranges, analyse};
pub use warnings::warnings;
