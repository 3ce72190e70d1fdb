//! Syntax tree → checked program. Resolves names, infers types and units, checks the
//! structure of indicator trees and grade bands, and orders values so each is computed
//! after what it uses. Collects every error it can find in one pass.

mod calls;
pub use calls::function_names;
mod cases;
mod collect;
mod consts;
pub mod err;
mod expr;
mod order;
mod proofs;
mod structure;
mod units;
mod values;

use crate::lang::msg;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostic::Diagnostic;
use crate::program::*;
use crate::source::{SourceFile, Span};
use crate::syntax::ast;

/// The checker's result: the program if there were no errors, and every diagnostic
/// (warnings too).
pub struct Checked {
    pub program: Option<Program>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn check(file: &ast::File, source: &SourceFile) -> Checked {
    let mut c = Checker::new(source);
    c.run(file);
    let diagnostics: Vec<Diagnostic> = c.diags.drain(..).map(|d| d.in_source(source)).collect();
    let program = if diagnostics.iter().any(Diagnostic::is_error) { None } else { c.finish() };
    Checked { program, diagnostics }
}

/// What a name refers to.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Symbol {
    Scale(ScaleId),
    Input(InputId),
    Param(ParamId),
    Value(ValueId),
}

/// A value (计算, 等次, 排名) while it is being checked.
struct Slot<'a> {
    name: String,
    span: Span,
    decl: &'a ast::Decl,
    ty: Option<Ty>,
    def: Option<ValueDef>,
}

struct Checker<'a> {
    source: &'a SourceFile,
    diags: Vec<Diagnostic>,
    names: HashMap<String, (Symbol, Span)>,
    /// Indicators have their own names: a value may be named after the indicator it scores
    /// (`计算 重点工作 = …`).
    indicator_names: HashMap<String, (NodeId, Span)>,
    header: Header,
    articles: BTreeMap<String, String>,
    scales: Vec<Scale>,
    indicators: Vec<Indicator>,
    label_sets: Vec<Vec<String>>,
    /// Label set of each grade, by the grade's name (for inputs typed by a grade).
    grade_labels: HashMap<String, LabelSetId>,
    inputs: Vec<Input>,
    params: Vec<Param>,
    slots: Vec<Slot<'a>>,
    order: Vec<ValueId>,
    requires: Vec<Requirement>,
    roles: Option<Roles>,
    samples: BTreeMap<String, (serde_json::Value, Span)>,
    tests: Vec<TestCase>,
    used: HashSet<(u8, usize)>,
    /// Inputs whose type was wrong (already reported): formulas using them fail quietly.
    poisoned_inputs: HashSet<InputId>,
}

impl<'a> Checker<'a> {
    fn new(source: &'a SourceFile) -> Self {
        Checker {
            source,
            diags: Vec::new(),
            names: HashMap::new(),
            indicator_names: HashMap::new(),
            header: Header::default(),
            articles: BTreeMap::new(),
            scales: Vec::new(),
            indicators: Vec::new(),
            label_sets: Vec::new(),
            grade_labels: HashMap::new(),
            inputs: Vec::new(),
            params: Vec::new(),
            slots: Vec::new(),
            order: Vec::new(),
            requires: Vec::new(),
            roles: None,
            samples: BTreeMap::new(),
            tests: Vec::new(),
            used: HashSet::new(),
            poisoned_inputs: HashSet::new(),
        }
    }

    fn run(&mut self, file: &'a ast::File) {
        self.collect(file);
        self.mark_mentions(file);
        self.order_values();
        for id in self.order.clone() {
            self.check_value(id);
        }
        for decl in &file.decls {
            match &decl.node {
                ast::Decl::Require(r) => self.check_require(r, decl.span),
                ast::Decl::Publish(roles) => self.check_publish(roles, decl.span),
                _ => {}
            }
        }
        if !file.decls.iter().any(|d| matches!(d.node, ast::Decl::Publish(_))) {
            let end = Span::new(self.source.text.len(), self.source.text.len());
            self.diags.push(err::missing_role(end, &msg!("check-phrase-score")));
        }
        for decl in &file.decls {
            match &decl.node {
                ast::Decl::Sample(s) => self.check_sample(s),
                ast::Decl::Test(t) => self.check_test(t, decl.span),
                _ => {}
            }
        }
        self.warn_unused();
    }

    fn finish(self) -> Option<Program> {
        let values = self.slots.into_iter().map(|s| s.def).collect::<Option<Vec<_>>>()?;
        Some(Program {
            source: self.source.clone(),
            header: self.header,
            articles: self.articles,
            scales: self.scales,
            trees: crate::program::Trees::new(&self.indicators),
            indicators: self.indicators,
            label_sets: self.label_sets,
            inputs: self.inputs,
            params: self.params,
            values,
            order: self.order,
            requires: self.requires,
            roles: self.roles?,
            samples: self.samples.into_iter().map(|(k, (v, _))| (k, v)).collect(),
            tests: self.tests,
            tolerated: Vec::new(),
        })
    }

    /// Declares a name, reporting a duplicate.
    fn declare(&mut self, name: &ast::Ident, symbol: Symbol) {
        if let Some((_, first)) = self.names.get(&name.node) {
            self.diags.push(err::duplicate(name.span, *first, &name.node));
            return;
        }
        self.names.insert(name.node.clone(), (symbol, name.span));
    }

    fn mark_used(&mut self, symbol: Symbol) {
        match symbol {
            Symbol::Input(i) => self.used.insert((0, i)),
            Symbol::Param(i) => self.used.insert((1, i)),
            Symbol::Scale(i) => self.used.insert((2, i)),
            _ => false,
        };
    }

    fn warn_unused(&mut self) {
        for (i, input) in self.inputs.iter().enumerate() {
            if !self.used.contains(&(0, i)) && !self.poisoned_inputs.contains(&i) {
                self.diags.push(err::unused(input.span, "input", &input.name));
            }
        }
        for (i, p) in self.params.iter().enumerate() {
            if !self.used.contains(&(1, i)) {
                self.diags.push(err::unused(p.span, "parameter", &p.name));
            }
        }
        for (i, s) in self.scales.iter().enumerate() {
            if !self.used.contains(&(2, i)) {
                let span = self.names.get(&s.name).map(|(_, sp)| *sp).unwrap_or_default();
                self.diags.push(err::unused(span, "scale", &s.name));
            }
        }
    }

    /// Every name a formula could mean, for "did you mean".
    fn all_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .names
            .iter()
            .filter(|(_, (s, _))| matches!(s, Symbol::Input(_) | Symbol::Param(_) | Symbol::Value(_)))
            .map(|(n, _)| n.clone())
            .collect();
        names.sort();
        names
    }
}
