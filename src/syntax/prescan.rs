//! A cheap pass before the parser: refuses files too large or nested too deep for the
//! recursive-descent parser to handle safely, so that a hostile input ends in a diagnostic,
//! not a stack overflow.

use super::{MAX_NESTING, MAX_SOURCE_BYTES, err};
use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, Span};

pub fn check(source: &SourceFile) -> Result<(), Vec<Diagnostic>> {
    let text = &*source.text;
    if text.len() > MAX_SOURCE_BYTES {
        return Err(vec![err::too_large(source, text.len())]);
    }
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' | '“' => skip_string(&mut chars, if c == '"' { '"' } else { '”' }),
            '#' => skip_line(&mut chars),
            '/' if chars.peek().map(|(_, n)| *n) == Some('/') => skip_line(&mut chars),
            '(' | '（' | '[' | '［' | '【' | '{' | '｛' => {
                depth += 1;
                if depth > MAX_NESTING {
                    let span = Span::new(i, i + c.len_utf8());
                    return Err(vec![err::too_deep(source, span)]);
                }
            }
            ')' | '）' | ']' | '］' | '】' | '}' | '｝' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::CharIndices>, close: char) {
    for (_, c) in chars.by_ref() {
        if c == close {
            return;
        }
    }
}

fn skip_line(chars: &mut std::iter::Peekable<std::str::CharIndices>) {
    for (_, c) in chars.by_ref() {
        if c == '\n' {
            return;
        }
    }
}
