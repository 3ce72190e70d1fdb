//! What the server answers about one document: hover, definition, references, completion,
//! formatting and quick fixes, each in the protocol's own types.

use lsp_types::{
    CodeAction, CodeActionKind, CompletionItem, CompletionItemKind, Hover, HoverContents, Location, MarkupContent,
    MarkupKind, Range, TextEdit, Uri, WorkspaceEdit,
};

use super::document::{Document, Symbol};
use crate::diagnostic::Diagnostic;
use crate::fmt::{Keywords, Kw};
use crate::lang::msg;
use crate::program::Program;
use crate::review::rules::Kind;
use crate::source::Span;
use crate::syntax::WordKind;

/// The protocol range of a span.
pub fn range(doc: &Document, span: Span) -> Range {
    let (start, end) = (doc.position(span.start), doc.position(span.end));
    Range {
        start: lsp_types::Position { line: start.line, character: start.character },
        end: lsp_types::Position { line: end.line, character: end.character },
    }
}

/// The byte offset of a protocol position.
pub fn offset(doc: &Document, at: lsp_types::Position) -> usize {
    doc.offset(super::document::Position { line: at.line, character: at.character })
}

/// Hover on a name: what declares it, its declaration in canonical layout, its type and the
/// range its values can take, and the articles it cites with their text; on an article
/// reference, the article's text.
pub fn hover(doc: &Document, at: usize) -> Option<Hover> {
    let (word, text) = doc.word_at(at)?;
    let mut parts = Vec::new();
    match word.kind {
        WordKind::Article => parts.push(article_text(doc, text)),
        WordKind::Name => {
            let symbol = doc.declared(text, WordKind::Name).next()?;
            parts.push(format!("**{}** {}", symbol.kind.word(), symbol.name));
            if let Some(decl) = declaration_text(doc, symbol) {
                parts.push(format!("```jixiao\n{decl}\n```"));
            }
            parts.extend(doc.program.as_ref().and_then(|p| facts(doc, p, &symbol.name)));
            parts.extend(symbol.refs.iter().map(|article| article_text(doc, article)));
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: parts.join("\n\n") }),
        range: Some(range(doc, word.span)),
    })
}

/// `第十五条(一)：……` or that the file gives no text for it.
fn article_text(doc: &Document, article: &str) -> String {
    match doc.articles.get(article) {
        Some(text) => msg!("lsp-article", article, text),
        None => msg!("lsp-article-without-text", article),
    }
}

/// The declaration a symbol belongs to, as `jixiao fmt` writes it (an indicator: its own line).
fn declaration_text(doc: &Document, symbol: &Symbol) -> Option<String> {
    let decl = doc.file.as_ref()?.decls.get(symbol.decl)?;
    if let crate::syntax::ast::Decl::Indicator(tree) = &decl.node {
        let node = find_indicator(tree, &symbol.name)?;
        return Some(crate::fmt::indicator_line(node, doc.keywords));
    }
    Some(crate::fmt::declaration(decl, doc.keywords))
}

fn find_indicator<'t>(
    node: &'t crate::syntax::ast::IndicatorNode,
    name: &str,
) -> Option<&'t crate::syntax::ast::IndicatorNode> {
    if node.name.node == name {
        return Some(node);
    }
    node.children.iter().find_map(|c| find_indicator(c, name))
}

/// The type and range of a value, parameter or input, from the checked program.
fn facts(doc: &Document, program: &Program, name: &str) -> Option<String> {
    use crate::check::err::{ty_words, unit_words};
    let range_text = |r: &crate::analysis::ranges::Range, whole: bool| r.overall().map(|i| i.text(whole));
    if let Some((v, def)) = program.values.iter().enumerate().find(|(_, d)| d.name == name) {
        let range = doc.ranges.as_ref().and_then(|r| range_text(&r.values[v], def.whole));
        return Some(match range {
            Some(range) => msg!("lsp-type-and-range", ty = ty_words(&def.ty), range),
            None => msg!("lsp-type", ty = ty_words(&def.ty)),
        });
    }
    if let Some(p) = program.params.iter().find(|p| p.name == name) {
        let default = crate::review::rules::parameter_text(p.default, p.unit);
        return Some(msg!("lsp-parameter", unit = unit_words(p.unit), default));
    }
    let input = program.inputs.iter().find(|i| i.name == name)?;
    let range = range_text(&crate::analysis::ranges::shape_range(program, &input.shape), false);
    Some(match range {
        Some(range) => msg!("lsp-input-and-range", field = input.field, range),
        None => msg!("lsp-input", field = input.field),
    })
}

/// Where the name or article at `at` is declared.
pub fn definition(doc: &Document, uri: &Uri, at: usize) -> Vec<Location> {
    let Some((word, text)) = doc.word_at(at) else { return Vec::new() };
    doc.declared(text, word.kind).map(|s| Location { uri: uri.clone(), range: range(doc, s.at) }).collect()
}

/// Every place the name or article at `at` is written (its declarations too, when asked).
pub fn references(doc: &Document, uri: &Uri, at: usize, declarations: bool) -> Vec<Location> {
    let Some((word, text)) = doc.word_at(at) else { return Vec::new() };
    let declared: Vec<Span> = doc.declared(text, word.kind).map(|s| s.at).collect();
    doc.uses(text, word.kind)
        .into_iter()
        .filter(|span| declarations || !declared.contains(span))
        .map(|span| Location { uri: uri.clone(), range: range(doc, span) })
        .collect()
}

/// What may be written at `at`: the names the file declares, articles, keywords in both
/// languages and functions, those that begin with the word being typed. The word ends at
/// punctuation, full-width (`（，：`) as typed by a Chinese input method or not.
pub fn completion(doc: &Document, at: usize) -> Vec<CompletionItem> {
    let text = &doc.source.text;
    let at = crate::source::floor_char_boundary(text, at.min(text.len()));
    let before = &text[..at];
    let typed = before.rfind(|c: char| !is_word_char(c)).map_or(before, |i| {
        let c = before[i..].chars().next().map_or(1, char::len_utf8);
        &before[i + c..]
    });
    // The edit says which text an item replaces, so that every client takes the word to end at
    // the same punctuation as here.
    let replaced = range(doc, Span::new(at - typed.len(), at));
    let mut items: Vec<CompletionItem> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add = |label: &str, kind: CompletionItemKind, detail: String| {
        if label.starts_with(typed) && seen.insert(label.to_string()) {
            let edit = TextEdit { range: replaced, new_text: label.to_string() };
            items.push(CompletionItem {
                label: label.to_string(),
                kind: Some(kind),
                detail: Some(detail),
                text_edit: Some(lsp_types::CompletionTextEdit::Edit(edit)),
                ..Default::default()
            });
        }
    };
    for s in &doc.symbols {
        add(&s.name, item_kind(s.kind), s.kind.word());
    }
    let keyword = msg!("lsp-keyword");
    for &k in Kw::ALL {
        add(Keywords::Zh.kw(k), CompletionItemKind::KEYWORD, keyword.clone());
        add(Keywords::En.kw(k), CompletionItemKind::KEYWORD, keyword.clone());
    }
    let function = msg!("lsp-function");
    for f in crate::check::function_names() {
        add(&f, CompletionItemKind::FUNCTION, function.clone());
    }
    items
}

/// A character of a name, a keyword or an article reference.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '·'
}

fn item_kind(kind: Kind) -> CompletionItemKind {
    match kind {
        Kind::Article => CompletionItemKind::REFERENCE,
        Kind::Scale | Kind::Grade => CompletionItemKind::ENUM_MEMBER,
        Kind::Indicator => CompletionItemKind::CLASS,
        Kind::Input => CompletionItemKind::FIELD,
        Kind::Parameter => CompletionItemKind::CONSTANT,
        _ => CompletionItemKind::VARIABLE,
    }
}

/// The whole file in `jixiao fmt`'s layout, as one edit; none when it does not parse or is
/// laid out already.
pub fn formatting(doc: &Document) -> Vec<TextEdit> {
    let Some(file) = &doc.file else { return Vec::new() };
    let formatted = crate::fmt::format(&doc.source, file, doc.keywords);
    if formatted == *doc.source.text {
        return Vec::new();
    }
    vec![TextEdit { range: range(doc, Span::new(0, doc.source.text.len())), new_text: formatted }]
}

/// A quick fix for each diagnostic in `within` that has one obvious repair.
// `WorkspaceEdit` keys its changes by `Uri`, whose cache clippy takes for a mutable key.
#[allow(clippy::mutable_key_type)]
pub fn quick_fixes(doc: &Document, uri: &Uri, within: Span) -> Vec<CodeAction> {
    doc.diagnostics
        .iter()
        .filter_map(|d| Some((d, d.repair()?)))
        .filter(|(_, fix)| fix.span.start <= within.end && within.start <= fix.span.end)
        .map(|(d, fix)| {
            let written = doc.source.slice(fix.span).to_string();
            let edit = TextEdit { range: range(doc, fix.span), new_text: fix.replacement.clone() };
            let changes = std::collections::HashMap::from([(uri.clone(), vec![edit])]);
            CodeAction {
                title: msg!("lsp-replace", written, replacement = fix.replacement),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![protocol_diagnostic(doc, uri, d)]),
                edit: Some(WorkspaceEdit { changes: Some(changes), ..Default::default() }),
                is_preferred: Some(true),
                ..Default::default()
            }
        })
        .collect()
}

/// A diagnostic as the protocol carries it: at its primary label, the help line after the
/// message, the other labels as related places.
pub fn protocol_diagnostic(doc: &Document, uri: &Uri, d: &Diagnostic) -> lsp_types::Diagnostic {
    use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString};
    let span = d.span().unwrap_or(Span::new(0, 0));
    let mut message = d.message.clone();
    if let Some(label) = d.labels().first().filter(|l| !l.text.is_empty()) {
        message.push_str(&format!("\n{}", label.text));
    }
    if let Some(help) = d.help_text() {
        message.push_str(&format!("\n{}{help}", msg!("help-label")));
    }
    let related: Vec<DiagnosticRelatedInformation> = d.labels()[d.labels().len().min(1)..]
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location { uri: uri.clone(), range: range(doc, l.span) },
            message: l.text.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: range(doc, span),
        severity: Some(if d.is_error() { DiagnosticSeverity::ERROR } else { DiagnosticSeverity::WARNING }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("jixiao".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every answer, at every place of the shipped regulations and of their beginnings (a file
    /// being typed: broken at every point), answers without a fault; positions past the end or
    /// inside a character are taken as the nearest place.
    #[test]
    fn every_answer_everywhere_in_files_being_typed() {
        let uri: Uri = "file:///t.jx".parse().unwrap();
        for name in ["sichuan-2014", "jiangsu-2011", "information-security"] {
            let text = std::fs::read_to_string(format!("regulations/{name}.jx")).unwrap();
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(2003).chain([text.len()]).collect();
            for cut in cuts {
                let doc = Document::analyse("t.jx", &text[..cut]);
                for at in (0..=cut + 3).step_by(71) {
                    let span = Span::new(at.min(cut), (at + 5).min(cut));
                    let _ = (hover(&doc, at), definition(&doc, &uri, at), references(&doc, &uri, at, true));
                    let _ = (completion(&doc, at.min(cut)), quick_fixes(&doc, &uri, span));
                }
                let position = lsp_types::Position { line: 100_000, character: 5 };
                assert_eq!(offset(&doc, position), cut);
                let _ = formatting(&doc);
            }
        }
    }
}
