//! `jixiao check --ranges`: the range of every named quantity, one per line, aligned.

use unicode_width::UnicodeWidthStr;

use crate::analysis::{Range, Ranges};
use crate::program::*;

pub fn ranges(program: &Program, ranges: &Ranges) -> String {
    let mut rows: Vec<(String, String)> = Vec::new();
    for (v, def) in program.values.iter().enumerate() {
        match (&ranges.values[v], &def.kind) {
            (Range::Entries(entries), ValueKind::Let { family: Some(node), .. }) => {
                for (leaf, r) in program.leaf_names(*node).into_iter().zip(entries) {
                    rows.push((format!("{}[{leaf}]", def.name), describe(r, def.is_whole_count())));
                }
            }
            (r, _) => rows.push((def.name.clone(), describe(r, def.is_whole_count()))),
        }
    }
    let width = rows.iter().map(|(n, _)| n.width()).max().unwrap_or(0);
    let mut out = String::new();
    for (name, range) in rows {
        out.push_str(&format!("  {name}{}  {range}\n", " ".repeat(width - name.width())));
    }
    out
}

/// `0.00 … 100.00`; a value that is always whole (a count, a rank) as `0 … 46`.
fn describe(r: &Range, whole: bool) -> String {
    match r {
        Range::Other => "—".to_string(),
        r => r.overall().map_or("—".to_string(), |i| i.text(whole)),
    }
}
