//! Two versions of a regulation file compared declaration by declaration: what was added,
//! removed and changed (formulas, weights, caps, bands, parameters, article texts), each
//! shown in the canonical layout of `jixiao fmt` with its citations. Comments and layout are
//! not declarations: a file whose only changes are there says so.

use crate::fmt::{Keywords, Kw, declaration, indicator_line};
use crate::lang::msg;
use crate::number::Number;
use crate::program::{Program, Unit};
use crate::source::Node;
use crate::syntax::ast::{Decl, File, IndicatorNode};

/// What a declaration declares, as the keyword that starts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Header,
    Article,
    Scale,
    Indicator,
    Input,
    Parameter,
    Value,
    Requirement,
    Grade,
    Rank,
    Publish,
    Sample,
    Test,
}

impl Kind {
    /// The kind as people call it, in the language of messages: in Chinese, the keyword that
    /// declares it.
    pub fn word(self) -> String {
        match self {
            Kind::Header => msg!("review-kind-regulation"),
            Kind::Article => msg!("review-kind-article"),
            Kind::Scale => msg!("review-kind-scale"),
            Kind::Indicator => msg!("review-kind-indicator"),
            Kind::Input => msg!("review-kind-input"),
            Kind::Parameter => msg!("review-kind-parameter"),
            Kind::Value => msg!("review-kind-value"),
            Kind::Requirement => msg!("review-kind-requirement"),
            Kind::Grade => msg!("review-kind-grade"),
            Kind::Rank => msg!("review-kind-rank"),
            Kind::Publish => msg!("review-kind-publish"),
            Kind::Sample => msg!("review-kind-sample"),
            Kind::Test => msg!("review-kind-test"),
        }
    }

    /// The kind in files written for programs (JSON), the same in every language.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Header => "regulation",
            Kind::Article => "article",
            Kind::Scale => "scale",
            Kind::Indicator => "indicator",
            Kind::Input => "input",
            Kind::Parameter => "parameter",
            Kind::Value => "value",
            Kind::Requirement => "requirement",
            Kind::Grade => "grade",
            Kind::Rank => "rank",
            Kind::Publish => "publish",
            Kind::Sample => "sample",
            Kind::Test => "test",
        }
    }

    /// Whether declarations of this kind are rules that results depend on (not tests or
    /// samples for them).
    pub fn is_rule(self) -> bool {
        !matches!(self, Kind::Sample | Kind::Test)
    }
}

/// One declaration of a file (one indicator of a tree), as a comparison sees it.
#[derive(Clone, Debug)]
pub struct Declaration {
    pub kind: Kind,
    /// Its name (an article's number; a requirement's message), unique within its kind.
    pub name: String,
    /// In canonical layout with Chinese keywords, without comments.
    pub text: String,
    /// The articles it cites (`依据`).
    pub refs: Vec<String>,
    /// The indicator a part belongs to.
    pub parent: Option<String>,
}

/// Every declaration of a file, in the order written; an indicator tree gives one
/// declaration per indicator.
pub fn declarations(file: &File) -> Vec<Declaration> {
    let mut out: Vec<Declaration> = Vec::new();
    for decl in &file.decls {
        let refs = |r: &[Node<String>]| r.iter().map(|a| a.node.clone()).collect::<Vec<_>>();
        let (kind, name, refs) = match &decl.node {
            Decl::Indicator(node) => {
                indicators(node, None, &mut out);
                continue;
            }
            Decl::Header(_) => (Kind::Header, String::new(), Vec::new()),
            Decl::Article(a) => (Kind::Article, a.article.node.clone(), vec![a.article.node.clone()]),
            Decl::Scale(s) => (Kind::Scale, s.name.node.clone(), refs(&s.refs)),
            Decl::Input(i) => (Kind::Input, i.name.node.clone(), refs(&i.refs)),
            Decl::Param(p) => (Kind::Parameter, p.name.node.clone(), refs(&p.refs)),
            Decl::Let(l) => (Kind::Value, l.name.node.clone(), refs(&l.refs)),
            Decl::Require(r) => {
                let text = declaration(decl, Keywords::Zh);
                let name = r.message.as_ref().map_or_else(|| text.clone(), |m| m.node.clone());
                (Kind::Requirement, name, refs(&r.refs))
            }
            Decl::Grade(g) => (Kind::Grade, g.name.node.clone(), refs(&g.refs)),
            Decl::Rank(r) => (Kind::Rank, r.name.node.clone(), refs(&r.refs)),
            Decl::Publish(_) => (Kind::Publish, String::new(), Vec::new()),
            Decl::Sample(s) => (Kind::Sample, s.name.node.clone(), Vec::new()),
            Decl::Test(t) => (Kind::Test, t.name.node.clone(), Vec::new()),
        };
        // Two requirements with one message (or two of anything the checker refuses) stay
        // apart by their place among their kind.
        let mut unique = name.clone();
        let mut n = 1;
        while out.iter().any(|d| d.kind == kind && d.name == unique) {
            n += 1;
            unique = format!("{name} ({n})");
        }
        out.push(Declaration { kind, name: unique, text: declaration(decl, Keywords::Zh), refs, parent: None });
    }
    out
}

fn indicators(node: &IndicatorNode, parent: Option<&str>, out: &mut Vec<Declaration>) {
    out.push(Declaration {
        kind: Kind::Indicator,
        name: node.name.node.clone(),
        text: indicator_line(node, Keywords::Zh),
        refs: node.refs.iter().map(|r| r.node.clone()).collect(),
        parent: parent.map(str::to_string),
    });
    for child in &node.children {
        indicators(child, Some(&node.name.node), out);
    }
}

/// How one declaration differs between the versions.
#[derive(Clone, Debug)]
pub enum Change {
    Added(Declaration),
    Removed(Declaration),
    Changed { old: Declaration, new: Declaration },
}

impl Change {
    /// The declaration as it is now (as it was, if removed).
    pub fn declaration(&self) -> &Declaration {
        match self {
            Change::Added(d) | Change::Removed(d) | Change::Changed { new: d, .. } => d,
        }
    }
}

/// The declarations that differ between two versions of a file.
#[derive(Clone, Debug, Default)]
pub struct RulesDiff {
    /// In the new file's order, then those removed in the old file's order.
    pub changes: Vec<Change>,
    /// The texts differ, but only in comments or layout.
    pub layout_only: bool,
    /// Parameters whose declaration changed but whose value is the same in both runs (both
    /// set by `--set`): listed, but they move nothing.
    pub overridden: Vec<String>,
}

impl RulesDiff {
    /// Whether `kind` `name` was added, removed or changed.
    pub fn touches(&self, kind: Kind, name: &str) -> bool {
        self.changes.iter().any(|c| c.declaration().kind == kind && c.declaration().name == name)
    }

    /// Whether `kind` `name` changed in a way that can move results: as `touches`, less a
    /// parameter both runs give the same value.
    pub fn moves(&self, kind: Kind, name: &str) -> bool {
        self.touches(kind, name) && !(kind == Kind::Parameter && self.overridden.iter().any(|p| p == name))
    }
}

/// Compares two versions of a file (`old_text` parsed as `old`, and so on).
pub fn diff(old_text: &str, old: &File, new_text: &str, new: &File) -> RulesDiff {
    let (before, after) = (declarations(old), declarations(new));
    let find = |list: &[Declaration], d: &Declaration| -> Option<usize> {
        list.iter().position(|o| o.kind == d.kind && o.name == d.name)
    };
    let mut changes = Vec::new();
    for d in &after {
        match find(&before, d) {
            None => changes.push(Change::Added(d.clone())),
            Some(i) if before[i].text != d.text || before[i].parent != d.parent => {
                changes.push(Change::Changed { old: before[i].clone(), new: d.clone() })
            }
            Some(_) => {}
        }
    }
    changes.extend(before.iter().filter(|d| find(&after, d).is_none()).cloned().map(Change::Removed));
    let layout_only = changes.is_empty() && old_text != new_text;
    RulesDiff { changes, layout_only, overridden: Vec::new() }
}

/// The data fields `a` reads that `b` does not: what `b` skips in data made for both.
pub fn fields_only_in(a: &Program, b: &Program) -> Vec<String> {
    a.inputs.iter().filter(|i| !b.inputs.iter().any(|j| j.field == i.field)).map(|i| i.field.clone()).collect()
}

/// Parameters whose values differ between two runs where their declarations do not (as with
/// `--vs`): changes too, added to `rules` (`old` and `new`: each run's program and parameters).
pub fn parameter_changes(rules: &mut RulesDiff, old: (&Program, &[Number]), new: (&Program, &[Number])) {
    let ((old, old_params), (new, new_params)) = (old, new);
    for (p, param) in new.params.iter().enumerate() {
        let Some(q) = old.param_named(&param.name) else { continue };
        if old_params[q] == new_params[p] {
            if rules.touches(Kind::Parameter, &param.name) {
                rules.overridden.push(param.name.clone());
            }
            continue;
        }
        if rules.touches(Kind::Parameter, &param.name) {
            continue;
        }
        let shown = |n: Number| {
            // As `jixiao fmt` prints the declaration.
            let (k, name, value) = (Keywords::Zh, &param.name, parameter_text(n, param.unit));
            let text = match param.refs.is_empty() {
                true => format!("{} {name} = {value}", k.kw(Kw::Param)),
                false => format!("{} {name} = {value} {} {}", k.kw(Kw::Param), k.kw(Kw::Per), param.refs.join("、")),
            };
            Declaration {
                kind: Kind::Parameter,
                name: param.name.clone(),
                text,
                refs: param.refs.clone(),
                parent: None,
            }
        };
        rules.changes.push(Change::Changed { old: shown(old_params[q]), new: shown(new_params[p]) });
    }
}

/// A parameter's value as it is written (`90`, `20%`, `3分`).
pub fn parameter_text(n: Number, unit: Unit) -> String {
    format!("{}{}", unit.as_written(n), unit.suffix())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn parse(text: &str) -> File {
        crate::syntax::parse(&SourceFile::new("t.jx", text)).expect("parses")
    }

    const BASE: &str = "办法 \"示例\"\n输入 部门：文本\n输入 得分：分数 0 至 100\n参数 优秀线 = 90 依据 第三条\n\
        计算 总分 = 得分 × 60% + 40分 保留 2 位\n等次 等次 按 总分 { 优秀 ≥ 优秀线；合格 < 优秀线 }\n\
        公布 { 单位：部门；得分：总分；等次：等次 }\n";

    #[test]
    fn a_file_and_itself_differ_in_nothing() {
        let d = diff(BASE, &parse(BASE), BASE, &parse(BASE));
        assert!(d.changes.is_empty() && !d.layout_only);
    }

    #[test]
    fn comments_and_layout_are_not_changes() {
        let moved = BASE.replace("参数 优秀线 = 90", "# 分数线\n参数   优秀线 =   90").replace("；合格", "；\n  合格");
        let d = diff(BASE, &parse(BASE), &moved, &parse(&moved));
        assert!(d.changes.is_empty(), "{:?}", d.changes);
        assert!(d.layout_only);
    }

    #[test]
    fn added_removed_and_changed_declarations_are_named_with_their_citations() {
        let new = BASE
            .replace("= 90 依据 第三条", "= 92 依据 第三条")
            .replace("输入 得分：分数 0 至 100\n", "输入 得分：分数 0 至 100\n输入 加分：分数 0 至 5\n")
            .replace("参数 优秀线", "参数 良好线 = 80\n参数 优秀线");
        let new = new.replace("输入 部门：文本\n", "");
        let d = diff(BASE, &parse(BASE), &new, &parse(&new));
        let shown: Vec<String> = d
            .changes
            .iter()
            .map(|c| match c {
                Change::Added(d) => format!("+ {}", d.text),
                Change::Removed(d) => format!("- {}", d.text),
                Change::Changed { old, new } => format!("~ {} → {} {:?}", old.text, new.text, new.refs),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "+ 输入 加分：分数 0 至 5",
                "+ 参数 良好线 = 80",
                "~ 参数 优秀线 = 90 依据 第三条 → 参数 优秀线 = 92 依据 第三条 [\"第三条\"]",
                "- 输入 部门：文本",
            ]
        );
        assert!(d.touches(Kind::Parameter, "优秀线") && !d.touches(Kind::Value, "总分"));
    }

    #[test]
    fn an_indicator_is_compared_on_its_own() {
        let old = "指标 总分 { 甲 权重 60%  乙 权重 40% }\n";
        let new = "指标 总分 { 甲 权重 50%  乙 权重 50% }\n";
        let d = diff(old, &parse(old), new, &parse(new));
        let names: Vec<&str> = d.changes.iter().map(|c| c.declaration().name.as_str()).collect();
        assert_eq!(names, ["甲", "乙"]);
        assert_eq!(d.changes[0].declaration().text, "指标 甲 权重 50%");
    }
}
