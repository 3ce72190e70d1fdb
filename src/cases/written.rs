//! Where a formula's choices are written: each `如果` and `对应` of a value's formula, found by
//! walking the formula as written beside the checked one, so that a report names a branch by
//! its condition (the 则 branch of `如果 b > 0`) at the condition's line, not only by the value.

use std::collections::HashMap;

use crate::eval;
use crate::output;
use crate::program::*;
use crate::source::Span;
use crate::syntax::ast;

/// A `如果` or `对应` as written: its head (`如果 b > 0`, `对应 等次`) and where its condition or
/// subject is.
pub struct Written {
    pub head: String,
    pub span: Span,
}

/// The choices of every value's formula, as written, by the address coverage knows them by.
/// A formula whose written choices cannot be matched one for one with the checked ones is left
/// out (its branches are then named by the value alone).
pub fn choices(program: &Program) -> HashMap<usize, Written> {
    let mut out = HashMap::new();
    let Ok(file) = crate::syntax::parse(&program.source) else { return out };
    let formulas: HashMap<Span, &ast::ExprNode> = file
        .decls
        .iter()
        .filter_map(|d| match &d.node {
            ast::Decl::Let(l) => Some((l.expr.span, &l.expr)),
            _ => None,
        })
        .collect();
    for def in &program.values {
        let ValueKind::Let { expr, .. } = &def.kind else { continue };
        let Some(formula) = formulas.get(&def.formula) else { continue };
        let mut found = Vec::new();
        if pair(program, &checked(expr), &written(formula), &mut found) {
            out.extend(found);
        }
    }
    out
}

/// The names of the levels a `对应`'s arms stand for, in the order of its arms.
pub fn levels(program: &Program, subject: &Expr) -> Option<Vec<String>> {
    let ty = ty_of(program, subject)?;
    let n = match &ty {
        Ty::Label(l) => program.label_sets[*l].len(),
        Ty::Rating(s) => program.scales[*s].levels.len(),
        _ => return None,
    };
    Some((0..n).map(|i| output::level_name(program, &ty, i)).collect())
}

fn ty_of(program: &Program, e: &Expr) -> Option<Ty> {
    let ty = match e {
        Expr::Input(i) => program.inputs[*i].shape.ty(),
        Expr::Value(v) => program.values[*v].ty.clone(),
        Expr::Index(base, _) => match ty_of(program, base)? {
            Ty::Map(_, item) => *item,
            _ => return None,
        },
        Expr::Field(base, k) => match ty_of(program, base)? {
            Ty::Record(fields) => fields.get(*k)?.1.clone(),
            _ => return None,
        },
        _ => return None,
    };
    Some(match ty {
        Ty::Optional(inner) => *inner,
        ty => ty,
    })
}

/// A choice of a checked formula, with the choices inside each of its parts (a condition and
/// two branches; a subject and one arm per level).
struct Checked<'a> {
    e: &'a Expr,
    parts: Vec<Vec<Checked<'a>>>,
}

/// A choice as written, with the choices inside each of its parts, and the levels its arms
/// name (for `对应`).
struct Choice<'a> {
    e: &'a ast::ExprNode,
    labels: Vec<&'a str>,
    parts: Vec<Vec<Choice<'a>>>,
}

fn checked(e: &Expr) -> Vec<Checked<'_>> {
    match e {
        Expr::If(c, a, b) => vec![Checked { e, parts: vec![checked(c), checked(a), checked(b)] }],
        Expr::Match(s, arms) => {
            vec![Checked { e, parts: std::iter::once(checked(s)).chain(arms.iter().map(checked)).collect() }]
        }
        e => e.children().into_iter().flat_map(checked).collect(),
    }
}

fn written(e: &ast::ExprNode) -> Vec<Choice<'_>> {
    match &e.node {
        ast::Expr::If { condition, then, otherwise } => {
            vec![Choice { e, labels: Vec::new(), parts: vec![written(condition), written(then), written(otherwise)] }]
        }
        ast::Expr::Match { subject, arms } => vec![Choice {
            e,
            labels: arms.iter().map(|(l, _)| l.node.as_str()).collect(),
            parts: std::iter::once(written(subject)).chain(arms.iter().map(|(_, x)| written(x))).collect(),
        }],
        ast::Expr::Call { args, .. } => args.iter().flat_map(written).collect(),
        ast::Expr::Unary { operand, .. } => written(operand),
        ast::Expr::Binary { lhs, rhs, .. } => written(lhs).into_iter().chain(written(rhs)).collect(),
        _ => Vec::new(),
    }
}

/// Pairs checked choices with written ones, part by part (a `对应`'s arms by level); false if
/// they do not correspond one for one.
fn pair(program: &Program, checked: &[Checked], written: &[Choice], out: &mut Vec<(usize, Written)>) -> bool {
    if checked.len() != written.len() {
        return false;
    }
    let text = |from: usize, to: usize| balanced(program.source.slice(Span::new(from, to)));
    for (c, w) in checked.iter().zip(written) {
        let parts: Vec<(&Vec<Checked>, &Vec<Choice>)> = match (c.e, &w.e.node) {
            (Expr::If(..), ast::Expr::If { condition, .. }) => {
                let head = text(w.e.span.start, condition.span.end);
                out.push((eval::address(c.e), Written { head, span: condition.span }));
                c.parts.iter().zip(&w.parts).collect()
            }
            (Expr::Match(s, _), ast::Expr::Match { subject, .. }) => {
                let head = text(w.e.span.start, subject.span.end);
                out.push((eval::address(c.e), Written { head, span: subject.span }));
                let Some(levels) = levels(program, s) else { return false };
                if levels.len() + 1 != c.parts.len() || w.labels.len() != levels.len() {
                    return false;
                }
                let mut parts = vec![(&c.parts[0], &w.parts[0])];
                for (level, arm) in levels.iter().zip(&c.parts[1..]) {
                    let Some(j) = w.labels.iter().position(|l| l == level) else { return false };
                    parts.push((arm, &w.parts[j + 1]));
                }
                parts
            }
            _ => return false,
        };
        if !parts.into_iter().all(|(c, w)| pair(program, c, w, out)) {
            return false;
        }
    }
    true
}

/// A written head on one line, without an opening bracket of the formula around it
/// (`(如果 b > 0` → `如果 b > 0`), and with the brackets it opens closed.
fn balanced(text: &str) -> String {
    let depth = |s: &str| -> i32 {
        s.chars()
            .map(|c| match c {
                '(' | '（' => 1,
                ')' | '）' => -1,
                _ => 0,
            })
            .sum()
    };
    let mut s = text.split_whitespace().collect::<Vec<_>>().join(" ");
    while s.starts_with(['(', '（']) && depth(&s) > 0 {
        s = s.chars().skip(1).collect::<String>().trim_start().to_string();
    }
    let open = depth(&s);
    for _ in 0..open.max(0) {
        s.push(')');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::balanced;

    #[test]
    fn heads_are_balanced() {
        assert_eq!(balanced("(如果 b > 0"), "如果 b > 0");
        assert_eq!(balanced("（ 如果\n  b > 0"), "如果 b > 0");
        assert_eq!(balanced("如果 (a > 0"), "如果 (a > 0)");
        assert_eq!(balanced("如果 最大(a, b) > 0"), "如果 最大(a, b) > 0");
    }
}
