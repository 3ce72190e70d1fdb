//! One open regulation file as the language server knows it: its text, its diagnostics, and
//! an index of what it declares and where each name is used.

use std::collections::BTreeMap;

use crate::analysis::ranges::Ranges;
use crate::diagnostic::Diagnostic;
use crate::fmt::Keywords;
use crate::program::Program;
use crate::review::rules::Kind;
use crate::source::{Node, SourceFile, Span};
use crate::syntax::ast::{ArticleRef, Decl, File, IndicatorNode};
use crate::syntax::{Word, WordKind};

/// A declared name (or an article given with 条文), where it is declared and by what.
#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub kind: Kind,
    /// The name as written in its declaration.
    pub at: Span,
    /// The declaration it belongs to (`decls` of the syntax tree), for its canonical text.
    pub decl: usize,
    /// The articles it cites.
    pub refs: Vec<String>,
}

/// A regulation file, analysed: the syntax tree and program when they could be made.
pub struct Document {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
    pub file: Option<File>,
    pub program: Option<Program>,
    pub ranges: Option<Ranges>,
    pub symbols: Vec<Symbol>,
    /// Every name and article reference as written, in order.
    pub words: Vec<Word>,
    /// The text of each article given with 条文, by reference.
    pub articles: BTreeMap<String, String>,
    pub keywords: Keywords,
}

impl Document {
    /// Parses and checks `text` (`name`: how diagnostics name the file).
    pub fn analyse(name: &str, text: &str) -> Document {
        let source = SourceFile::new(name, text);
        let keywords = Keywords::of(text);
        let mut doc = Document {
            source: source.clone(),
            diagnostics: Vec::new(),
            file: None,
            program: None,
            ranges: None,
            symbols: Vec::new(),
            words: Vec::new(),
            articles: BTreeMap::new(),
            keywords,
        };
        let file = match crate::syntax::parse(&source) {
            Ok(file) => file,
            Err(errors) => {
                // A file the grammar reads (the error is in what it means) still has its words;
                // else what is declared before the error can be completed, hovered and found.
                doc.words = crate::syntax::words(&source);
                if let Some((file, part)) = parsed_before(&source, &errors) {
                    doc.symbols = symbols(&file);
                    doc.articles = articles(&file);
                    if doc.words.is_empty() {
                        doc.words = crate::syntax::words(&part);
                    }
                }
                doc.diagnostics = errors.into_iter().map(|d| d.in_source(&source)).collect();
                return doc;
            }
        };
        let checked = crate::check::check(&file, &source);
        doc.diagnostics = checked.diagnostics;
        doc.ranges = checked.program.as_ref().map(crate::analysis::ranges::analyse);
        doc.program = checked.program;
        doc.symbols = symbols(&file);
        doc.articles = articles(&file);
        doc.words = crate::syntax::words(&source);
        doc.file = Some(file);
        doc
    }

    /// The name or article reference written at byte `offset` (or just before it, where a
    /// cursor stands after the last character).
    pub fn word_at(&self, offset: usize) -> Option<(Word, &str)> {
        let word = self.words.iter().find(|w| w.span.start <= offset && offset <= w.span.end)?;
        Some((*word, self.source.slice(word.span)))
    }

    /// The declarations of `name` (of an article, when `kind` is `Article`).
    pub fn declared(&self, name: &str, kind: WordKind) -> impl Iterator<Item = &Symbol> {
        self.symbols.iter().filter(move |s| s.name == name && (s.kind == Kind::Article) == (kind == WordKind::Article))
    }

    /// Every place `name` is written as the same kind of word, its declaration included.
    pub fn uses(&self, name: &str, kind: WordKind) -> Vec<Span> {
        self.words.iter().filter(|w| w.kind == kind && self.source.slice(w.span) == name).map(|w| w.span).collect()
    }
}

/// The longest part of a file that does not parse which does, and that part: the file up to
/// the start of the declaration holding the first error (a line that starts unindented), cut
/// again before each error found in what is left. A few tries at most, and none for a file
/// larger than any regulation, where each try would cost a keystroke too much.
fn parsed_before(source: &SourceFile, errors: &[Diagnostic]) -> Option<(File, SourceFile)> {
    const LARGEST: usize = 512 * 1024;
    if source.text.len() > LARGEST {
        return None;
    }
    let mut at = errors.iter().filter_map(Diagnostic::span).map(|s| s.start).min()?;
    for _ in 0..8 {
        let cut = declaration_start(&source.text, at)?;
        let part = SourceFile::new(source.name.clone(), &source.text[..cut]);
        match crate::syntax::parse(&part) {
            Ok(file) => return Some((file, part)),
            Err(errors) => {
                let next = errors.iter().filter_map(Diagnostic::span).map(|s| s.start).min()?;
                // The error must move back, or the part is cut before its last declaration.
                at = next.min(cut - 1);
            }
        }
    }
    None
}

/// The start of the last line at or before byte `at` that begins a declaration (unindented,
/// not a closing bracket or a comment); `None` at the file's first line.
fn declaration_start(text: &str, at: usize) -> Option<usize> {
    let mut end = crate::source::floor_char_boundary(text, at.min(text.len()));
    loop {
        let start = text[..end].rfind('\n').map(|i| i + 1)?;
        let first = text[start..].chars().next();
        if first.is_some_and(|c| !c.is_whitespace() && !matches!(c, '}' | '｝' | '#' | '/')) {
            return Some(start);
        }
        end = start - 1;
    }
}

/// What each declaration declares, indicators and levels one by one.
fn symbols(file: &File) -> Vec<Symbol> {
    let mut out = Vec::new();
    let refs = |r: &[ArticleRef]| r.iter().map(|a| a.node.clone()).collect::<Vec<_>>();
    for (decl, node) in file.decls.iter().enumerate() {
        let mut add = |name: &Node<String>, kind: Kind, cited: Vec<String>| {
            out.push(Symbol { name: name.node.clone(), kind, at: name.span, decl, refs: cited });
        };
        match &node.node {
            Decl::Article(a) => add(&a.article, Kind::Article, Vec::new()),
            Decl::Scale(s) => {
                add(&s.name, Kind::Scale, refs(&s.refs));
                for level in &s.levels {
                    add(&level.name, Kind::Scale, refs(&level.refs));
                }
            }
            Decl::Indicator(tree) => indicators(tree, decl, &mut out),
            Decl::Input(i) => add(&i.name, Kind::Input, refs(&i.refs)),
            Decl::Param(p) => add(&p.name, Kind::Parameter, refs(&p.refs)),
            Decl::Let(l) => add(&l.name, Kind::Value, refs(&l.refs)),
            Decl::Grade(g) => {
                add(&g.name, Kind::Grade, refs(&g.refs));
                for band in &g.bands {
                    add(&band.name, Kind::Grade, refs(&band.refs));
                }
            }
            Decl::Rank(r) => add(&r.name, Kind::Rank, refs(&r.refs)),
            Decl::Sample(s) => add(&s.name, Kind::Sample, Vec::new()),
            Decl::Header(_) | Decl::Require(_) | Decl::Publish(_) | Decl::Test(_) => {}
        }
    }
    out
}

fn indicators(node: &IndicatorNode, decl: usize, out: &mut Vec<Symbol>) {
    let refs = node.refs.iter().map(|a| a.node.clone()).collect();
    out.push(Symbol { name: node.name.node.clone(), kind: Kind::Indicator, at: node.name.span, decl, refs });
    node.children.iter().for_each(|child| indicators(child, decl, out));
}

/// The articles given with 条文, by reference.
fn articles(file: &File) -> BTreeMap<String, String> {
    file.decls
        .iter()
        .filter_map(|d| match &d.node {
            Decl::Article(a) => Some((a.article.node.clone(), a.text.node.clone())),
            _ => None,
        })
        .collect()
}

/// A position in the protocol's terms: a line, and a column counted in UTF-16 code units
/// (the protocol's default, which every client supports).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

impl Document {
    /// The protocol position of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let text = &self.source.text;
        let offset = crate::source::floor_char_boundary(text, offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..line_start].matches('\n').count();
        let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
        Position { line: line as u32, character: character as u32 }
    }

    /// The byte offset of a protocol position; past the end of a line, the line's end.
    pub fn offset(&self, at: Position) -> usize {
        let text = &self.source.text;
        let line_start = if at.line == 0 {
            0
        } else {
            text.match_indices('\n').nth(at.line as usize - 1).map_or(text.len(), |(i, _)| i + 1)
        };
        let mut units = 0;
        for (i, c) in text[line_start..].char_indices() {
            if c == '\n' || units >= at.character as usize {
                return line_start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_round_trip() {
        let doc = Document::analyse("t.jx", "参数 优秀线 = 90\n计算 𝑥 = 1");
        let at = doc.source.text.find("优秀线").unwrap();
        assert_eq!(doc.position(at), Position { line: 0, character: 3 });
        let after = doc.source.text.find(" = 1").unwrap();
        // `𝑥` is outside the basic plane: two UTF-16 units.
        assert_eq!(doc.position(after), Position { line: 1, character: 5 });
        assert_eq!(doc.offset(Position { line: 1, character: 5 }), after);
        assert_eq!(doc.offset(Position { line: 0, character: 99 }), doc.source.text.find('\n').unwrap());
        assert_eq!(doc.offset(Position { line: 9, character: 0 }), doc.source.text.len());
    }

    #[test]
    fn symbols_and_uses_of_a_shipped_regulation() {
        let text = std::fs::read_to_string("regulations/jiangsu-2011.jx").unwrap();
        let doc = Document::analyse("jiangsu-2011.jx", &text);
        assert!(doc.diagnostics.is_empty() && doc.program.is_some());
        let declared: Vec<&Symbol> = doc.declared("优秀线", WordKind::Name).collect();
        assert_eq!(declared.len(), 1);
        assert_eq!(declared[0].kind, Kind::Parameter);
        assert!(doc.uses("优秀线", WordKind::Name).len() >= 2);
        let (word, text) = doc.word_at(declared[0].at.start + 3).unwrap();
        assert_eq!((word.kind, text), (WordKind::Name, "优秀线"));
    }
}
