//! The order values are computed in, and circular definitions.

use super::{Checker, Symbol, err};
use crate::program::ValueId;
use crate::syntax::ast::{self, Decl, Expr, ExprNode, Ident};

impl Checker<'_> {
    /// Sorts values so each comes after those it uses (declaration order otherwise), and
    /// reports each cycle once.
    pub(super) fn order_values(&mut self) {
        let deps: Vec<Vec<ValueId>> = (0..self.slots.len()).map(|v| self.dependencies(v)).collect();
        let mut state = vec![0u8; deps.len()]; // 0 new, 1 in progress, 2 done
        for start in 0..deps.len() {
            let mut stack: Vec<(ValueId, usize)> = vec![(start, 0)];
            while let Some(top) = stack.len().checked_sub(1) {
                let (v, next) = stack[top];
                if next == 0 && state[v] != 0 {
                    stack.pop();
                    continue;
                }
                state[v] = 1;
                match deps[v].get(next) {
                    Some(&d) => {
                        stack[top].1 += 1;
                        match state[d] {
                            0 => stack.push((d, 0)),
                            1 => self.report_cycle(&stack, d),
                            _ => {}
                        }
                    }
                    None => {
                        state[v] = 2;
                        self.order.push(v);
                        stack.pop();
                    }
                }
            }
        }
    }

    /// Marks every input and parameter a formula names as used (for the unused warnings),
    /// whether or not the formula checks.
    pub(super) fn mark_mentions(&mut self, file: &ast::File) {
        let mut names: Vec<&Ident> = Vec::new();
        for decl in &file.decls {
            match &decl.node {
                Decl::Let(l) => l.formulas().into_iter().for_each(|e| mentions(e, &mut names)),
                Decl::Grade(g) => {
                    mentions(&g.subject, &mut names);
                    for b in &g.bands {
                        [&b.lower, &b.upper].into_iter().flatten().for_each(|x| mentions(&x.value, &mut names));
                    }
                }
                Decl::Rank(r) => {
                    mentions(&r.by, &mut names);
                    names.extend(r.within.iter());
                }
                Decl::Require(r) => mentions(&r.condition, &mut names),
                Decl::Publish(roles) => names.extend(roles.iter().map(|r| &r.target)),
                _ => {}
            }
        }
        for n in names {
            if let Some((symbol, _)) = self.names.get(&n.node) {
                let symbol = *symbol;
                self.mark_used(symbol);
            }
        }
    }

    fn report_cycle(&mut self, stack: &[(ValueId, usize)], back_to: ValueId) {
        let from = stack.iter().position(|(v, _)| *v == back_to).unwrap_or(0);
        let mut path: Vec<String> = stack[from..].iter().map(|(v, _)| self.slots[*v].name.clone()).collect();
        path.push(self.slots[back_to].name.clone());
        self.diags.push(err::cycle(self.slots[back_to].span, &path));
    }

    fn dependencies(&self, v: ValueId) -> Vec<ValueId> {
        let mut names: Vec<&Ident> = Vec::new();
        match self.slots[v].decl {
            Decl::Let(l) => {
                for e in l.formulas() {
                    mentions(e, &mut names);
                }
            }
            Decl::Grade(g) => {
                mentions(&g.subject, &mut names);
                for band in &g.bands {
                    for bound in [&band.lower, &band.upper].into_iter().flatten() {
                        mentions(&bound.value, &mut names);
                    }
                }
            }
            Decl::Rank(r) => {
                mentions(&r.by, &mut names);
                if let Some(w) = &r.within {
                    names.push(w);
                }
            }
            _ => {}
        }
        let mut out: Vec<ValueId> = self.rollup_parts_mentioned(v);
        out.extend(
            names
                .into_iter()
                .filter_map(|n| match self.names.get(&n.node) {
                    Some((Symbol::Value(d), _)) => Some(*d),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        );
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Values a one-argument `汇总(指标)` in value `v` reads: those named after parts of the
    /// indicator.
    fn rollup_parts_mentioned(&self, v: ValueId) -> Vec<ValueId> {
        let mut trees: Vec<&Ident> = Vec::new();
        if let Decl::Let(l) = self.slots[v].decl {
            rollups(&l.expr, &mut trees);
        }
        let mut out = Vec::new();
        for tree in trees {
            let Some((node, _)) = self.indicator_names.get(&tree.node) else { continue };
            let mut stack = self.indicators[*node].children.clone();
            while let Some(n) = stack.pop() {
                stack.extend(&self.indicators[n].children);
                if let Some((Symbol::Value(d), _)) = self.names.get(&self.indicators[n].name) {
                    out.push(*d);
                }
            }
        }
        out
    }
}

/// The indicators of one-argument `汇总(…)` calls in a formula.
fn rollups<'e>(e: &'e ExprNode, out: &mut Vec<&'e Ident>) {
    match &e.node {
        Expr::Call { func, args } if (func.node == "汇总" || func.node == "rollup") && args.len() == 1 => {
            if let Expr::Path { head, .. } = &args[0].node {
                out.push(head);
            }
        }
        Expr::Call { args, .. } => args.iter().for_each(|a| rollups(a, out)),
        Expr::Unary { operand, .. } => rollups(operand, out),
        Expr::Binary { lhs, rhs, .. } => {
            rollups(lhs, out);
            rollups(rhs, out);
        }
        Expr::If { condition, then, otherwise } => {
            [condition, then, otherwise].into_iter().for_each(|x| rollups(x, out))
        }
        Expr::Match { subject, arms } => {
            rollups(subject, out);
            arms.iter().for_each(|(_, a)| rollups(a, out));
        }
        _ => {}
    }
}

/// Every name a formula mentions (heads of paths; call arguments included).
pub fn mentions<'e>(e: &'e ExprNode, out: &mut Vec<&'e Ident>) {
    match &e.node {
        Expr::Quantity { .. } | Expr::Nothing | Expr::Bool(_) => {}
        Expr::Path { head, .. } => out.push(head),
        // The first argument of 汇总 names an indicator, not a value.
        Expr::Call { func, args } if func.node == "汇总" || func.node == "rollup" => {
            args.iter().skip(1).for_each(|a| mentions(a, out))
        }
        Expr::Call { args, .. } => args.iter().for_each(|a| mentions(a, out)),
        Expr::Unary { operand, .. } => mentions(operand, out),
        Expr::Binary { lhs, rhs, .. } => {
            mentions(lhs, out);
            mentions(rhs, out);
        }
        Expr::If { condition, then, otherwise } => {
            mentions(condition, out);
            mentions(then, out);
            mentions(otherwise, out);
        }
        Expr::Match { subject, arms } => {
            mentions(subject, out);
            arms.iter().for_each(|(_, a)| mentions(a, out));
        }
    }
}
