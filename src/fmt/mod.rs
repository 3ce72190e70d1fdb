//! `jixiao fmt`: one canonical layout for a regulation file, in Chinese or English keywords.
//! Printed from the syntax tree, so formatting never changes meaning; comments are kept
//! (before the declaration or item they precede, or after the one they end); a blank line
//! between declarations is kept as one.

mod expr;
mod words;

pub use words::{Keywords, Kw};

use unicode_width::UnicodeWidthStr;

use crate::source::SourceFile;
use crate::syntax::ast::*;
use expr::{data_type, expr as formula, key_text, literal, string};

/// Lines longer than this put a declaration's clauses on a line of their own.
const WIDTH: usize = 100;

/// A comment in the source.
#[derive(Clone, Debug)]
struct Comment {
    start: usize,
    text: String,
    /// Alone on its line (else it ends a line of code).
    own_line: bool,
}

/// `file` (parsed from `source`) in canonical layout.
pub fn format(source: &SourceFile, file: &File, keywords: Keywords) -> String {
    let comments = comments(&source.text);
    let mut p = Printer { k: keywords, out: String::new(), comments, next: 0, text: &source.text, last: 0 };
    for decl in &file.decls {
        p.leading(decl.span.start, "");
        p.decl(decl);
        p.trailing(decl.span.end);
        p.last = decl.span.end;
    }
    // Comments after the last declaration.
    p.leading(source.text.len() + 1, "");
    p.out
}

/// One declaration in canonical layout, without its comments: what a comparison of two
/// versions of a file shows. An indicator tree is printed whole.
pub fn declaration(decl: &crate::source::Node<Decl>, keywords: Keywords) -> String {
    let mut p = Printer { k: keywords, out: String::new(), comments: Vec::new(), next: 0, text: "", last: 0 };
    p.decl(decl);
    p.out.trim_end().to_string()
}

/// One indicator of a tree on its own line (`指标 重点工作 权重 40% 依据 第七条(一)`), without its
/// parts.
pub fn indicator_line(node: &IndicatorNode, keywords: Keywords) -> String {
    let alone = IndicatorNode { children: Vec::new(), ..node.clone() };
    let mut p = Printer { k: keywords, out: String::new(), comments: Vec::new(), next: 0, text: "", last: 0 };
    p.indicator(&alone, "", true);
    p.out.trim_end().to_string()
}

fn blank_line_between(text: &str, from: usize, to: usize) -> bool {
    // The first "line" is the rest of the previous declaration's last line.
    text.get(from..to).unwrap_or("").lines().skip(1).any(|l| l.trim().is_empty())
}

/// Every comment, in order; text in quotes is skipped.
fn comments(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut line_start = 0;
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => line_start = i + 1,
            '"' | '“' => {
                let close = if c == '"' { '"' } else { '”' };
                for (j, d) in chars.by_ref() {
                    if d == '\n' {
                        line_start = j + 1;
                    }
                    if d == close {
                        break;
                    }
                }
            }
            '#' | '/' if c == '#' || chars.peek().map(|(_, n)| *n) == Some('/') => {
                let end = text[i..].find(['\n', '\r']).map_or(text.len(), |n| i + n);
                let own_line = text[line_start..i].trim().is_empty();
                out.push(Comment { start: i, text: text[i..end].trim_end().to_string(), own_line });
                while chars.peek().is_some_and(|(j, _)| *j < end) {
                    chars.next();
                }
            }
            _ => {}
        }
    }
    out
}

struct Printer<'s> {
    k: Keywords,
    out: String,
    comments: Vec<Comment>,
    /// The first comment not yet printed.
    next: usize,
    text: &'s str,
    /// Where the last top-level thing printed ends in the source (for blank lines).
    last: usize,
}

impl Printer<'_> {
    /// Prints the comments that come before `at`, each on its own line. At the top level,
    /// a blank line in the source (between declarations and comments) stays one blank line.
    fn leading(&mut self, at: usize, indent: &str) {
        let top = indent.is_empty();
        while let Some(c) = self.comments.get(self.next).filter(|c| c.start < at) {
            let (start, text) = (c.start, c.text.clone());
            if top {
                self.blank_line(start);
            }
            self.out.push_str(&format!("{indent}{text}\n"));
            self.next += 1;
            if top {
                self.last = start + text.len();
            }
        }
        if top && at <= self.text.len() {
            self.blank_line(at);
        }
    }

    fn blank_line(&mut self, upto: usize) {
        if !self.out.is_empty() && !self.out.ends_with("\n\n") && blank_line_between(self.text, self.last, upto) {
            self.out.push('\n');
        }
    }

    /// A comment that ends the line just printed (`施行 2014-04-25  # …`).
    fn trailing(&mut self, end: usize) {
        let rest_of_line = self.text[end..].split('\n').next().unwrap_or("").len();
        if let Some(c) = self.comments.get(self.next).filter(|c| !c.own_line && c.start <= end + rest_of_line) {
            let text = c.text.clone();
            self.next += 1;
            if self.out.ends_with('\n') {
                self.out.pop();
            }
            self.out.push_str(&format!("  {text}\n"));
        }
    }

    fn line(&mut self, indent: &str, text: &str) {
        self.out.push_str(indent);
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A declaration's head and its clauses: on one line, or the clauses on the next.
    fn with_clauses(&mut self, head: String, clauses: Vec<String>) {
        let one = if clauses.is_empty() { head.clone() } else { format!("{head} {}", clauses.join(" ")) };
        if one.width() <= WIDTH || clauses.is_empty() {
            self.line("", &one);
        } else {
            self.line("", &head);
            self.line("  ", &clauses.join(" "));
        }
    }

    fn refs(&self, refs: &[ArticleRef]) -> Option<String> {
        (!refs.is_empty()).then(|| {
            let refs: Vec<&str> = refs.iter().map(|r| r.node.as_str()).collect();
            format!("{} {}", self.k.kw(Kw::Per), refs.join(self.k.list_sep()))
        })
    }

    fn decl(&mut self, decl: &crate::source::Node<Decl>) {
        let k = self.k;
        match &decl.node {
            Decl::Header(h) => {
                self.line("", &format!("{} {}", k.kw(Kw::Regulation), string(&h.title.node)));
                for (field, value) in &h.clauses {
                    self.leading(value.span.start, "  ");
                    let v = if matches!(field, HeaderField::DocNumber | HeaderField::Issuer) {
                        string(&value.node)
                    } else {
                        value.node.clone()
                    };
                    self.line("  ", &format!("{} {v}", k.header(*field)));
                }
            }
            Decl::Article(a) => {
                self.line("", &format!("{} {} {}", k.kw(Kw::Article), a.article.node, string(&a.text.node)))
            }
            Decl::Scale(s) => {
                let levels: Vec<String> = s
                    .levels
                    .iter()
                    .map(|l| {
                        let refs = self.refs(&l.refs).map(|r| format!(" {r}")).unwrap_or_default();
                        format!("{} = {}{refs}", l.name.node, formula(&l.factor.node, k))
                    })
                    .collect();
                let refs = self.refs(&s.refs).map(|r| format!(" {r}")).unwrap_or_default();
                self.line("", &format!("{} {}{refs} {{ {} }}", k.kw(Kw::Scale), s.name.node, levels.join(k.comma())));
            }
            Decl::Indicator(node) => self.indicator(node, "", true),
            Decl::Input(i) => {
                let head = format!("{} {}{}{}", k.kw(Kw::Input), i.name.node, k.colon(), data_type(&i.ty, k));
                let mut clauses = Vec::new();
                if let Some(d) = &i.default {
                    clauses.push(format!("{} {}", k.kw(Kw::Default), literal(&d.node, k)));
                }
                if let Some(f) = &i.field {
                    clauses.push(format!("{} {}", k.kw(Kw::Field), string(&f.node)));
                }
                clauses.extend(self.refs(&i.refs));
                self.with_clauses(head, clauses);
            }
            Decl::Param(p) => {
                let head = format!("{} {} = {}", k.kw(Kw::Param), p.name.node, formula(&p.value.node, k));
                self.with_clauses(head, self.refs(&p.refs).into_iter().collect());
            }
            Decl::Let(l) => self.let_decl(l),
            Decl::Require(r) => {
                let binder = r.binder.as_ref().map(|b| format!(" {}", self.binder(b))).unwrap_or_default();
                let head = format!("{}{binder} {}", k.kw(Kw::Require), formula(&r.condition.node, k));
                let mut clauses: Vec<String> = self.refs(&r.refs).into_iter().collect();
                if let Some(m) = &r.message {
                    clauses.push(format!("{} {}", k.kw(Kw::Else), string(&m.node)));
                }
                self.with_clauses(head, clauses);
            }
            Decl::Grade(g) => self.grade(g),
            Decl::Rank(r) => {
                let mut clauses = Vec::new();
                if let Some(w) = &r.within {
                    clauses.push(format!("{} {}", k.kw(Kw::Within), w.node));
                }
                if r.ascending {
                    clauses.push(k.kw(Kw::Ascending).to_string());
                }
                clauses.extend(self.refs(&r.refs));
                self.with_clauses(
                    format!("{} {} {} {}", k.kw(Kw::Rank), r.name.node, k.kw(Kw::By), formula(&r.by.node, k)),
                    clauses,
                );
            }
            Decl::Publish(roles) => {
                let roles: Vec<String> =
                    roles.iter().map(|r| format!("{}{}{}", k.role(r.kind.node), k.colon(), r.target.node)).collect();
                self.line("", &format!("{} {{ {} }}", k.kw(Kw::Publish), roles.join(k.semicolon())));
            }
            Decl::Sample(s) => {
                let head = format!("{} {}", k.kw(Kw::Sample), s.name.node);
                self.object(&head, &s.record.node, "");
            }
            Decl::Test(t) => self.test(t, decl.span.end),
        }
    }

    fn binder(&self, b: &Binder) -> String {
        format!("[{} {} {}]", b.var.node, self.k.kw(Kw::In), b.tree.node)
    }

    fn let_decl(&mut self, l: &Let) {
        let k = self.k;
        let binder = l.binder.as_ref().map(|b| self.binder(b)).unwrap_or_default();
        let head = format!("{} {}{binder} = {}", k.kw(Kw::Let), l.name.node, formula(&l.expr.node, k));
        let mut clauses = Vec::new();
        for a in &l.adjustments {
            let verb = k.kw(if a.bonus { Kw::AddBonus } else { Kw::Deduct });
            let amount = formula(&a.amount.node, k);
            clauses.push(match &a.count {
                AdjustCount::Per(n) => format!("{} {} {verb} {amount}", k.kw(Kw::Every), formula(&n.node, k)),
                AdjustCount::When(c) => format!("{verb} {amount} {} {}", k.kw(Kw::If), formula(&c.node, k)),
            });
            if let Some(m) = &a.most {
                let most = k.kw(if a.bonus { Kw::AddAtMost } else { Kw::DeductAtMost });
                if let Some(last) = clauses.last_mut() {
                    last.push_str(&format!(" {most} {}", formula(&m.node, k)));
                }
            }
        }
        if l.to_zero.is_some() {
            clauses.push(k.kw(Kw::ToZero).to_string());
        }
        if let Some(c) = &l.cap {
            clauses.push(format!("{} {}", k.kw(Kw::Cap), formula(&c.node, k)));
        }
        if let Some(f) = &l.floor {
            clauses.push(format!("{} {}", k.kw(Kw::Floor), formula(&f.node, k)));
        }
        if let Some(r) = &l.rounding {
            let rule = if r.rule == RoundRule::HalfUp { Kw::HalfUp } else { Kw::Truncate };
            clauses.push(format!("{} {} {} {}", k.kw(Kw::Round), r.places.node, k.kw(Kw::Places), k.kw(rule)));
        }
        clauses.extend(self.refs(&l.refs));
        self.with_clauses(head, clauses);
    }

    fn indicator(&mut self, node: &IndicatorNode, indent: &str, top: bool) {
        let k = self.k;
        let mut head = if top { format!("{} {}", k.kw(Kw::Indicator), node.name.node) } else { node.name.node.clone() };
        if let Some(p) = &node.points {
            head.push_str(&format!(" {} {}", k.kw(Kw::Points), formula(&p.node, k)));
        }
        if let Some(w) = &node.weight {
            head.push_str(&format!(" {} {}", k.kw(Kw::Weight), formula(&w.node, k)));
        }
        if let Some(r) = self.refs(&node.refs) {
            head.push_str(&format!(" {r}"));
        }
        if node.children.is_empty() {
            self.line(indent, &head);
        } else if node.children.iter().all(|c| c.children.is_empty() && c.refs.is_empty())
            && !self.has_comments_within(node)
        {
            // Leaves share lines, two spaces apart, as a table does.
            let leaves: Vec<String> = node.children.iter().map(|c| self.leaf(c)).collect();
            let one = format!("{indent}{head} {{ {} }}", leaves.join("  "));
            if one.width() <= WIDTH {
                self.line("", &one);
            } else {
                self.line(indent, &format!("{head} {{"));
                let inner = format!("{indent}  ");
                let mut line = String::new();
                for leaf in leaves {
                    if !line.is_empty() && (inner.width() + line.width() + 2 + leaf.width()) > WIDTH {
                        self.line(&inner, &line);
                        line.clear();
                    }
                    if !line.is_empty() {
                        line.push_str("  ");
                    }
                    line.push_str(&leaf);
                }
                self.line(&inner, &line);
                self.line(indent, "}");
            }
        } else {
            self.line(indent, &format!("{head} {{"));
            let inner = format!("{indent}  ");
            for child in &node.children {
                self.leading(child.name.span.start, &inner);
                self.indicator(child, &inner, false);
            }
            self.line(indent, "}");
        }
    }

    /// A leaf indicator on one line: its name and clauses.
    fn leaf(&self, node: &IndicatorNode) -> String {
        let k = self.k;
        let mut s = node.name.node.clone();
        if let Some(p) = &node.points {
            s.push_str(&format!(" {} {}", k.kw(Kw::Points), formula(&p.node, k)));
        }
        if let Some(w) = &node.weight {
            s.push_str(&format!(" {} {}", k.kw(Kw::Weight), formula(&w.node, k)));
        }
        if let Some(r) = self.refs(&node.refs) {
            s.push_str(&format!(" {r}"));
        }
        s
    }

    /// Whether a comment lies inside an indicator's block (then its children go one a line).
    fn has_comments_within(&self, node: &IndicatorNode) -> bool {
        let Some(last) = node.children.last() else { return false };
        self.comments.get(self.next).is_some_and(|c| c.start < last.name.span.end)
    }

    fn grade(&mut self, g: &Grade) {
        let k = self.k;
        let refs = self.refs(&g.refs).map(|r| format!(" {r}")).unwrap_or_default();
        self.line(
            "",
            &format!("{} {} {} {}{refs} {{", k.kw(Kw::Grade), g.name.node, k.kw(Kw::By), formula(&g.subject.node, k)),
        );
        for band in &g.bands {
            self.leading(band.name.span.start, "  ");
            let mut s = band.name.node.clone();
            match &band.whole {
                Some(WholeBand::Range(a, b)) => s.push_str(&format!(" {} {} {}", a.node, k.kw(Kw::To), b.node)),
                Some(WholeBand::Above(a)) => s.push_str(&format!(" {} {}", a.node, k.kw(Kw::Above))),
                Some(WholeBand::Below(b)) => s.push_str(&format!(" {} {}", b.node, k.kw(Kw::Below))),
                None => {}
            }
            if let Some(l) = &band.lower {
                s.push_str(&format!(" {} {}", if l.inclusive { "≥" } else { ">" }, formula(&l.value.node, k)));
            }
            if let Some(u) = &band.upper {
                let and = if band.lower.is_some() { format!(" {}", k.op(BinaryOp::And)) } else { String::new() };
                s.push_str(&format!("{and} {} {}", if u.inclusive { "≤" } else { "<" }, formula(&u.value.node, k)));
            }
            if let Some(r) = self.refs(&band.refs) {
                s.push_str(&format!(" {r}"));
            }
            self.line("  ", &s);
        }
        self.line("", "}");
    }

    fn test(&mut self, t: &TestCase, end: usize) {
        let k = self.k;
        self.line("", &format!("{} {} {{", k.kw(Kw::Test), string(&t.name.node)));
        for item in &t.items {
            match item {
                TestItem::Set(name, value) => {
                    self.leading(name.span.start, "  ");
                    self.line("  ", &format!("{} {} = {}", k.kw(Kw::Set), name.node, literal(&value.node, k)));
                }
                TestItem::Unit { base, record } => {
                    self.leading(base.as_ref().map_or(record.span.start, |b| b.span.start), "  ");
                    let head = match base {
                        Some(b) => format!("{} {}", k.kw(Kw::Unit), b.node),
                        None => k.kw(Kw::Unit).to_string(),
                    };
                    self.object(&head, &record.node, "  ");
                }
                TestItem::Expect(exps) => {
                    let at = exps.first().map_or(t.name.span.end, expectation_start);
                    self.leading(at, "  ");
                    self.expectations(exps);
                }
            }
        }
        self.leading(end, "  ");
        self.line("", "}");
    }

    fn expectations(&mut self, exps: &[Expectation]) {
        let k = self.k;
        let parts: Vec<String> = exps
            .iter()
            .map(|e| match e {
                Expectation::Error(code) => format!("{} {}", k.kw(Kw::Error), code.node),
                Expectation::Value { name, key, approx, value } => {
                    let key = key.as_ref().map(|k| format!("[{}]", k.node)).unwrap_or_default();
                    format!("{}{key} {} {}", name.node, if *approx { "≈" } else { "=" }, literal(&value.node, k))
                }
            })
            .collect();
        // Wrap long lists of expectations under the first one.
        let head = format!("  {} ", k.kw(Kw::Expect));
        let pad = " ".repeat(head.width());
        let mut line = head.clone();
        for (i, part) in parts.iter().enumerate() {
            let piece = if i + 1 < parts.len() { format!("{part}{}", k.comma()) } else { part.clone() };
            if line.width() + piece.width() > WIDTH && line.trim() != k.kw(Kw::Expect) {
                self.out.push_str(line.trim_end());
                self.out.push('\n');
                line = pad.clone();
            }
            line.push_str(&piece);
        }
        self.out.push_str(line.trim_end());
        self.out.push('\n');
    }

    /// `head { … }`: on one line when short; else entries packed onto lines, and an entry too
    /// long for a line (a large object or list) opened over lines of its own.
    fn object(&mut self, head: &str, record: &Literal, indent: &str) {
        let k = self.k;
        let one = format!("{indent}{head} {}", literal(record, k));
        let Literal::Object(entries) = record else {
            self.line("", &one);
            return;
        };
        let comment_inside =
            self.comments.get(self.next).is_some_and(|c| entries.last().is_some_and(|(key, _)| c.start < key.span.end));
        if one.width() <= WIDTH && !comment_inside {
            self.line("", &one);
            return;
        }
        let space = if head.ends_with('：') { "" } else { " " };
        self.line(indent, &format!("{head}{space}{{"));
        let inner = format!("{indent}  ");
        let mut line = String::new();
        // Entries packed on one line, the separator's space trimmed at its end.
        for (i, (key, value)) in entries.iter().enumerate() {
            if self.comments.get(self.next).is_some_and(|c| c.start < key.span.start) {
                self.flush(&inner, &mut line);
                self.leading(key.span.start, &inner);
            }
            let comma = if i + 1 < entries.len() { k.comma() } else { "" };
            let entry_head = format!("{}{}", key_text(&key.node), k.colon().trim_end());
            let inline = format!("{}{}{}{comma}", key_text(&key.node), k.colon(), literal(&value.node, k));
            if inner.width() + inline.width() <= WIDTH {
                if !line.is_empty() && inner.width() + line.width() + inline.width() > WIDTH {
                    self.flush(&inner, &mut line);
                }
                line.push_str(&inline);
                continue;
            }
            self.flush(&inner, &mut line);
            match &value.node {
                Literal::Object(_) => self.object(&entry_head, &value.node, &inner),
                Literal::List(items) => self.list(&entry_head, items, &inner),
                _ => self.line(&inner, &inline),
            }
            if !comma.is_empty() {
                self.out.pop();
                self.out.push_str(comma.trim_end());
                self.out.push('\n');
            }
        }
        self.flush(&inner, &mut line);
        self.line(indent, "}");
    }

    /// A list too long for a line: one item a line.
    fn list(&mut self, head: &str, items: &[crate::source::Node<Literal>], indent: &str) {
        let k = self.k;
        let space = if head.ends_with('：') { "" } else { " " };
        self.line(indent, &format!("{head}{space}["));
        let inner = format!("{indent}  ");
        for (i, item) in items.iter().enumerate() {
            let comma = if i + 1 < items.len() { k.comma().trim_end() } else { "" };
            let comma = if k == Keywords::En && !comma.is_empty() { "," } else { comma };
            self.line(&inner, &format!("{}{comma}", literal(&item.node, k)));
        }
        self.line(indent, "]");
    }

    fn flush(&mut self, indent: &str, line: &mut String) {
        if !line.is_empty() {
            let text = std::mem::take(line);
            self.line(indent, text.trim_end());
        }
    }
}

fn expectation_start(e: &Expectation) -> usize {
    match e {
        Expectation::Error(c) => c.span.start,
        Expectation::Value { name, .. } => name.span.start,
    }
}

/// Where a formatted file differs from its source: the first differing line, for `--check`.
pub fn first_difference(before: &str, after: &str) -> Option<usize> {
    before.lines().zip(after.lines()).position(|(a, b)| a != b).map(|i| i + 1).or_else(|| {
        let (a, b) = (before.lines().count(), after.lines().count());
        (a != b).then_some(a.min(b) + 1)
    })
}

/// Whether two syntax trees say the same thing, keywords and function names aside.
pub fn same_meaning(a: &File, b: &File) -> bool {
    a == b || canonical(a) == canonical(b)
}

fn canonical(f: &File) -> String {
    f.decls.iter().map(|d| canonical_decl(&d.node)).collect::<Vec<_>>().join("\n")
}

/// A declaration's syntax as text without spans, functions by their Chinese names.
pub fn canonical_decl(d: &Decl) -> String {
    // Functions may be spelled in either language; compare their Chinese names.
    let text = format!("{d:?}");
    let mut out = text;
    for (zh, en) in FUNCTIONS {
        out = out.replace(&format!("node: \"{en}\""), &format!("node: \"{zh}\""));
    }
    // Spans differ between the two texts.
    let mut clean = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(i) = rest.find("Span {") {
        clean.push_str(&rest[..i]);
        rest = rest[i..].split_once('}').map_or("", |(_, r)| r);
    }
    clean.push_str(rest);
    clean
}
