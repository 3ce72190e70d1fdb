//! Reviewing a change to a regulation: two versions of a file compared declaration by
//! declaration (`rules`), two runs' results compared department by department with the
//! grade transition matrix (`results`), why one department's values moved (`trace`), result
//! snapshots (`snapshot`), and parameter sweeps (`sweep`). `jixiao diff`, `jixiao sweep` and the result snapshots of `jixiao test` are built on these.

pub mod results;
pub mod rules;
pub mod snapshot;
pub mod sweep;
pub mod trace;
