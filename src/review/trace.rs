//! Why one department's values moved: each value that differs between two runs, with the
//! declarations that differ among those it is computed from.

use std::collections::BTreeSet;

use super::rules::{Kind, RulesDiff};
use crate::eval::{UnitResult, Value};
use crate::lang::msg;
use crate::output::value_json;
use crate::program::{Expr, NodeId, Program, Shape, ValueId, ValueKind};

/// Every declaration value `v` is computed from, itself included: values, inputs (and the
/// rating scales they use), parameters and indicators (with their parts), by kind and name.
pub fn sources(program: &Program, v: ValueId) -> BTreeSet<(Kind, String)> {
    let mut out = BTreeSet::new();
    let mut seen = vec![false; program.values.len()];
    let mut todo = vec![v];
    while let Some(v) = todo.pop() {
        if std::mem::replace(&mut seen[v], true) {
            continue;
        }
        let def = &program.values[v];
        let (kind, family) = match &def.kind {
            ValueKind::Let { family, .. } => (Kind::Value, *family),
            ValueKind::Grade { .. } => (Kind::Grade, None),
            ValueKind::Rank { .. } => (Kind::Rank, None),
        };
        out.insert((kind, def.name.clone()));
        if let Some(node) = family {
            indicator_tree(program, node, &mut out);
        }
        for e in def.kind.formulas() {
            walk(program, e, &mut out, &mut todo);
        }
    }
    out
}

fn walk(program: &Program, e: &Expr, out: &mut BTreeSet<(Kind, String)>, todo: &mut Vec<ValueId>) {
    match e {
        Expr::Input(i) => {
            let input = &program.inputs[*i];
            out.insert((Kind::Input, input.name.clone()));
            scales(program, &input.shape, out);
        }
        Expr::Param(p) => {
            out.insert((Kind::Parameter, program.params[*p].name.clone()));
        }
        Expr::Value(v) => todo.push(*v),
        Expr::Rollup { indicator, .. } => indicator_tree(program, *indicator, out),
        _ => {}
    }
    for c in e.children() {
        walk(program, c, out, todo);
    }
}

fn indicator_tree(program: &Program, node: NodeId, out: &mut BTreeSet<(Kind, String)>) {
    out.insert((Kind::Indicator, program.indicators[node].name.clone()));
    for &child in &program.indicators[node].children {
        indicator_tree(program, child, out);
    }
}

fn scales(program: &Program, shape: &Shape, out: &mut BTreeSet<(Kind, String)>) {
    match shape {
        Shape::Rating(s) | Shape::Tally { scale: s, .. } => {
            out.insert((Kind::Scale, program.scales[*s].name.clone()));
        }
        Shape::List { item, .. } | Shape::Each { item, .. } | Shape::Optional(item) => scales(program, item, out),
        Shape::Record(fields) => fields.iter().for_each(|(_, s)| scales(program, s, out)),
        _ => {}
    }
}

/// One value of a department that differs between the runs.
#[derive(Clone, Debug)]
pub struct ValueMove {
    pub name: String,
    /// As published (`None`: the version has no such value).
    pub old: Option<String>,
    pub new: Option<String>,
    /// The declarations that differ among those it is computed from (in either version).
    pub because: Vec<(Kind, String)>,
}

/// The values of one department that differ between two runs (`old` and `new`: the
/// program and the department's results in each), in the new version's order, then values
/// only the old one has.
pub fn department(old: (&Program, &UnitResult), new: (&Program, &UnitResult), rules: &RulesDiff) -> Vec<ValueMove> {
    let published = |(p, r): (&Program, &UnitResult), v: ValueId| shown(p, v, &r.values[v]);
    let mut out = Vec::new();
    let mut names: Vec<(Option<ValueId>, Option<ValueId>)> =
        new.0.order.iter().map(|&v| (old.0.value_named(&new.0.values[v].name), Some(v))).collect();
    names.extend(
        old.0.order.iter().filter(|&&v| new.0.value_named(&old.0.values[v].name).is_none()).map(|&v| (Some(v), None)),
    );
    for (o, n) in names {
        let (before, after) = (o.map(|v| published(old, v)), n.map(|v| published(new, v)));
        if before == after {
            continue;
        }
        let mut from = BTreeSet::new();
        if let Some(v) = o {
            from.extend(sources(old.0, v));
        }
        if let Some(v) = n {
            from.extend(sources(new.0, v));
        }
        let because = from.into_iter().filter(|(kind, name)| rules.moves(*kind, name)).collect();
        let name = match (o, n) {
            (_, Some(v)) => new.0.values[v].name.clone(),
            (Some(v), None) => old.0.values[v].name.clone(),
            (None, None) => continue,
        };
        out.push(ValueMove { name, old: before, new: after, because });
    }
    out
}

/// A value as the JSON results show it, without quotes around text.
fn shown(program: &Program, v: ValueId, value: &Value) -> String {
    match value_json(program, v, value) {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => msg!("review-none"),
        serde_json::Value::Bool(b) => {
            if b {
                msg!("review-yes")
            } else {
                msg!("review-no")
            }
        }
        other => other.to_string(),
    }
}
