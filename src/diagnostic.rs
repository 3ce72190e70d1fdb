//! The one diagnostic type every stage reports with, and its rendering.
//!
//! Each stage builds its diagnostics through named constructors in its own `err` module
//! (`syntax::err`, `check::err`, `eval::err`), so every code is created in one place; this
//! module only knows how a diagnostic looks.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, Severity};

use crate::source::{SourceFile, Span};

/// A labelled place in the source.
#[derive(Clone, Debug)]
pub struct Label {
    pub span: Span,
    pub text: String,
}

/// One obvious repair: the text at `span` replaced by `replacement` (a misspelled name or
/// keyword, `输人` → `输入`), which an editor offers as a quick fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// An error or warning with a stable code (`E0201`), a message, labels and a help line.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// Boxed so that `Result<_, Diagnostic>` stays small.
    details: Box<Details>,
}

#[derive(Clone, Debug, Default)]
struct Details {
    labels: Vec<Label>,
    help: Option<String>,
    fix: Option<Fix>,
    source: Option<SourceFile>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { code, severity: Severity::Error, message: message.into(), details: Box::default() }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, message) }
    }

    pub fn label(mut self, span: Span, text: impl Into<String>) -> Self {
        self.details.labels.push(Label { span, text: text.into() });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.details.help = Some(help.into());
        self
    }

    /// The one obvious repair, when there is one (the help line says it in words).
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.details.fix = Some(Fix { span, replacement: replacement.into() });
        self
    }

    /// The labelled places, the primary one first.
    pub fn labels(&self) -> &[Label] {
        &self.details.labels
    }

    /// The help line, if any.
    pub fn help_text(&self) -> Option<&str> {
        self.details.help.as_deref()
    }

    /// The one obvious repair, if any.
    pub fn repair(&self) -> Option<&Fix> {
        self.details.fix.as_ref()
    }

    pub fn in_source(mut self, source: &SourceFile) -> Self {
        self.details.source = Some(source.clone());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The primary span, if the diagnostic points into a file.
    pub fn span(&self) -> Option<Span> {
        self.details.labels.first().map(|l| l.span)
    }

    /// Rendered for a person: miette's graphical report, without colour unless asked.
    /// Source lines too long to show (a minified or hostile file) are left out; the
    /// `file:line:column` header still says where.
    pub fn render(&self, color: bool) -> String {
        if self.has_long_line() {
            let mut plain = self.clone();
            plain.details.source = None;
            return plain.render(color);
        }
        let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
        if handler.render_report(&mut out, self).is_err() {
            out = format!("{}: {}\n", self.code, self.message);
        }
        self.help_labelled(&handler, out)
    }

    /// The report with miette's `help: ` label, which it writes in English whatever the
    /// message's language, in the language of messages (`帮助：`, as wide on screen, so
    /// wrapped lines still align). The help line follows everything else miette writes for
    /// our diagnostics, so it is found after the report rendered without it.
    fn help_labelled(&self, handler: &GraphicalReportHandler, report: String) -> String {
        let label = crate::lang::msg!("help-label");
        if self.details.help.is_none() || label == "help: " {
            return report;
        }
        let mut bare = self.clone();
        bare.details.help = None;
        let mut before = String::new();
        if handler.render_report(&mut before, &bare).is_err() || !report.starts_with(&before) {
            return report;
        }
        let (head, footer) = report.split_at(before.len());
        format!("{head}{}", footer.replacen("help: ", &label, 1))
    }
}

impl Diagnostic {
    fn has_long_line(&self) -> bool {
        const LONGEST: usize = 2000;
        let Some(src) = &self.details.source else { return false };
        self.details.labels.iter().any(|l| {
            let text = src.text.as_bytes();
            let (from, to) = (l.span.start.min(text.len()), l.span.end.min(text.len()));
            let start = text[..from].iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let end = text[to..].iter().position(|b| *b == b'\n').map_or(text.len(), |i| to + i);
            end.saturating_sub(start) > LONGEST
        })
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.details.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.details.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.details.source.as_ref()?;
        let labels = self.details.labels.iter().enumerate().map(|(i, l)| {
            let span = miette::SourceSpan::from(l.span);
            if i == 0 {
                LabeledSpan::new_primary_with_span(Some(l.text.clone()), span)
            } else {
                LabeledSpan::new_with_span(Some(l.text.clone()), span)
            }
        });
        Some(Box::new(labels.collect::<Vec<_>>().into_iter()))
    }
}

/// Renders a list of diagnostics. Each names its place as `file:line:column` (columns
/// count characters, as editors do), also when the line is too long to show.
pub fn render_all(diagnostics: &[Diagnostic], color: bool) -> String {
    let mut out = String::new();
    for d in diagnostics {
        if let (true, Some(src), Some(span)) = (d.has_long_line(), &d.details.source, d.span()) {
            let (line, col) = src.line_col(span.start);
            out.push_str(&format!("{}:{}:{}\n", src.name, line, col));
        }
        out.push_str(&d.render(color));
    }
    out
}

/// The file as miette reads it, with the file's name and columns counted in characters
/// (miette counts bytes, which is wrong by two thirds for Chinese text).
impl miette::SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let contents = self.text.read_span(span, before, after)?;
        let offset = contents.span().offset();
        let column = self.line_col(offset).1 - 1;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}
