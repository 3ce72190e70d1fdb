//! Why a department got its score: the computation as a tree, from the published score down
//! to the data, each value with its formula, the values it was computed from, the articles it
//! cites, and where a cap, floor or rounding changed it. `losses` says where points were lost.

mod losses;
mod render;

pub use losses::{Loss, Losses, losses};
pub use render::{exactly, json, kind_word, next_grade_text, text};

use std::collections::HashSet;

use crate::eval::{Record, UnitResult, Value};
use crate::lang::msg;
use crate::number::{Number, Rounding};
use crate::output;
use crate::program::*;

/// One step of the computation.
#[derive(Clone, Debug)]
pub struct Step {
    pub name: String,
    pub kind: StepKind,
    /// The value as published or printed.
    pub value: String,
    /// The exact value, where it differs from what is printed.
    pub exact: Option<String>,
    pub formula: Option<String>,
    /// What a cap, floor, rounding or band did.
    pub notes: Vec<String>,
    pub refs: Vec<String>,
    pub children: Vec<Step>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    Value,
    Input,
    Parameter,
    /// A value already explained above.
    Repeat,
}

/// The explanation of one department's results.
pub struct Explanation {
    pub regulation: String,
    pub department: String,
    pub steps: Vec<Step>,
    /// Every article cited, with its text where the file carries it.
    pub articles: Vec<(String, Option<String>)>,
}

/// Explains `result` (computed from `record`) under `params`.
pub fn explain(program: &Program, record: &Record, result: &UnitResult, params: &[Number]) -> Explanation {
    let mut b = Builder { program, record, result, params, seen: HashSet::new() };
    let mut steps = vec![b.value(program.roles.score)];
    for v in [program.roles.grade, program.roles.rank].into_iter().flatten().chain(program.roles.flags.iter().copied())
    {
        steps.push(b.value(v));
    }
    let mut cited: Vec<String> = Vec::new();
    collect_refs(&steps, &mut cited);
    let articles = cited.into_iter().map(|r| (r.clone(), article_text(program, &r))).collect();
    Explanation { regulation: program.header.title.clone(), department: result.unit.clone(), steps, articles }
}

/// An article's text: the reference's own, or its article's (`第十五条` for `第十五条(一)`).
fn article_text(program: &Program, r: &str) -> Option<String> {
    program.articles.get(r).or_else(|| program.articles.get(r.split(['(', '（']).next()?)).cloned()
}

fn collect_refs(steps: &[Step], out: &mut Vec<String>) {
    for s in steps {
        for r in &s.refs {
            if !out.contains(r) {
                out.push(r.clone());
            }
        }
        collect_refs(&s.children, out);
    }
}

struct Builder<'a> {
    program: &'a Program,
    record: &'a Record,
    result: &'a UnitResult,
    params: &'a [Number],
    /// Values explained already: a second use refers back.
    seen: HashSet<ValueId>,
}

impl Builder<'_> {
    fn value(&mut self, v: ValueId) -> Step {
        let program = self.program;
        let def = &program.values[v];
        let value = &self.result.values[v];
        let mut step = Step {
            name: def.name.clone(),
            kind: StepKind::Value,
            value: self.show(v, value),
            exact: exact_text(value),
            formula: Some(program.source.slice(def.formula).trim().to_string()),
            notes: Vec::new(),
            refs: def.refs.clone(),
            children: Vec::new(),
        };
        if !self.seen.insert(v) {
            step.kind = StepKind::Repeat;
            step.formula = None;
            step.refs.clear();
            return step;
        }
        match &def.kind {
            ValueKind::Let { family: Some(node), expr, .. } => {
                let of = &program.indicators[*node].name;
                step.value = msg!("explain-one-value-per-leaf", of);
                step.formula = Some(format!("{}[项] = {}", def.name, program.source.slice(def.formula).trim()));
                step.children = self.entries(v, *node, expr);
            }
            ValueKind::Let { expr, adjustments, to_zero, cap, floor, rounding, .. } => {
                step.notes = self.deductions(v, adjustments, *to_zero);
                // 扣完为止 has its own note; the general one is for caps and floors.
                let limits = cap.is_some() || floor.is_some() || !*to_zero;
                step.notes.extend(self.adjustments(v, (cap.as_ref(), floor.as_ref(), limits), *rounding));
                // What the formula reads, then what its deductions count, each once.
                let read: Vec<&Expr> = std::iter::once(expr).chain(adjustments.iter().map(|a| &a.count)).collect();
                step.children = self.parts_of(&read, None);
            }
            ValueKind::Grade { subject, bands, .. } => {
                step.formula = None;
                step.notes = self.band_note(value, subject, bands);
                step.children = self.parts(subject, None);
            }
            ValueKind::Rank { by, within, .. } => {
                step.formula = None;
                let by_text = program.source.slice(def.formula).trim();
                step.notes.push(if within.is_some() {
                    msg!("explain-text-within-category-equal-values", by_text)
                } else {
                    msg!("explain-text-among-all-departments-equal", by_text)
                });
                step.children = self.parts(by, None);
            }
        }
        step
    }

    /// The entries of a per-leaf value, each with the data it was computed from.
    fn entries(&mut self, v: ValueId, node: NodeId, expr: &Expr) -> Vec<Step> {
        let program = self.program;
        let Value::Map(items) = &self.result.values[v] else { return Vec::new() };
        let names = program.leaf_names(node);
        names
            .iter()
            .enumerate()
            .map(|(k, leaf)| Step {
                name: format!("{}[{leaf}]", program.values[v].name),
                kind: StepKind::Value,
                value: items.get(k).map(|x| self.show(v, x)).unwrap_or_default(),
                exact: items.get(k).and_then(exact_text),
                formula: None,
                notes: Vec::new(),
                refs: Vec::new(),
                children: self.parts(expr, Some(k)),
            })
            .collect()
    }

    /// The values, inputs and parameters a formula reads directly, in order, once each.
    fn parts(&mut self, e: &Expr, leaf: Option<usize>) -> Vec<Step> {
        self.parts_of(&[e], leaf)
    }

    /// The values, inputs and parameters some formulas read directly, in order, once each.
    fn parts_of(&mut self, formulas: &[&Expr], leaf: Option<usize>) -> Vec<Step> {
        let mut refs: Vec<Part> = Vec::new();
        for e in formulas {
            direct_parts(e, leaf, &mut refs);
        }
        let mut out = Vec::new();
        for r in refs {
            let step = match r {
                Part::Value(v) => self.value(v),
                Part::Input(i, key) => self.input(i, key),
                Part::InputUnder(i, node) => self.input_under(i, node),
                Part::Param(p) => Step {
                    name: self.program.params[p].name.clone(),
                    kind: StepKind::Parameter,
                    value: self.param_text(p, self.params[p]),
                    exact: None,
                    formula: None,
                    notes: if self.params[p] == self.program.params[p].default {
                        vec![]
                    } else {
                        vec![msg!("explain-set-run")]
                    },
                    refs: self.program.params[p].refs.clone(),
                    children: Vec::new(),
                },
            };
            out.push(step);
        }
        out
    }

    /// A parameter's value: whole when it is a whole count or number.
    fn param_text(&self, p: ParamId, n: Number) -> String {
        let whole = matches!(self.program.params[p].unit, Unit::Count | Unit::Free) && n.is_integer();
        output::number_text(n, if whole { 0 } else { 2 })
    }

    fn input(&self, i: InputId, key: Option<usize>) -> Step {
        let program = self.program;
        let input = &program.inputs[i];
        let (name, value, shape) = match (key, &self.record.inputs[i], &input.shape) {
            (Some(k), Value::Map(items), Shape::Each { indicator, item }) => {
                let leaf = program.leaf_names(*indicator).get(k).cloned().unwrap_or_default();
                (format!("{}.{leaf}", input.field), items.get(k).cloned().unwrap_or(Value::Absent), &**item)
            }
            (_, v, shape) => (input.field.clone(), v.clone(), shape),
        };
        Step {
            name,
            kind: StepKind::Input,
            value: data_text(program, &value, shape),
            exact: None,
            formula: None,
            notes: Vec::new(),
            refs: input.refs.clone(),
            children: Vec::new(),
        }
    }

    /// A per-leaf input's entries under one indicator, each with its share of it.
    fn input_under(&self, i: InputId, node: NodeId) -> Step {
        let program = self.program;
        let input = &program.inputs[i];
        let (Value::Map(items), Shape::Each { indicator, item }) = (&self.record.inputs[i], &input.shape) else {
            return self.input(i, None);
        };
        let all = program.leaves(*indicator);
        let shown: Vec<String> = program
            .leaves(node)
            .iter()
            .filter_map(|&leaf| {
                let k = all.iter().position(|l| *l == leaf)?;
                let ind = &program.indicators[leaf];
                let share = ind.weight.map(|w| paren(&percent(w))).unwrap_or_default();
                Some(format!("{} {}{share}", ind.name, data_text(program, items.get(k)?, item)))
            })
            .collect();
        let name = if node == *indicator {
            input.field.clone()
        } else {
            format!("{}{}{}", input.field, msg!("colon"), program.indicators[node].name)
        };
        Step {
            name,
            kind: StepKind::Input,
            value: shown.join("，"),
            exact: None,
            formula: None,
            notes: Vec::new(),
            refs: input.refs.clone(),
            children: Vec::new(),
        }
    }

    fn show(&self, v: ValueId, value: &Value) -> String {
        match output::value_json(self.program, v, value) {
            serde_json::Value::String(s) => s,
            serde_json::Value::Bool(b) => if b { "是" } else { "否" }.to_string(),
            serde_json::Value::Null => "无".to_string(),
            j => j.to_string(),
        }
    }

    /// "7.00 → 5.00, capped by 第十五条(一)"; "92.8134… → 92.81, rounded to 2 places".
    /// `limits`: caps, floors, and whether a general "limited" note is wanted (扣完为止 has
    /// its own).
    fn adjustments(
        &self,
        v: ValueId,
        (cap, floor, limits): (Option<&Expr>, Option<&Expr>, bool),
        rounding: Option<(u32, Rounding)>,
    ) -> Vec<String> {
        let (Some(Value::Num(before)), Value::Num(after)) = (&self.result.unrounded[v], &self.result.values[v]) else {
            return Vec::new();
        };
        let mut notes = Vec::new();
        let limited = match rounding {
            Some((places, rule)) => {
                let (exact, shown) = (exact_or_long(*before), output::number_text(*after, places));
                notes.push(match rule {
                    Rounding::HalfUp => msg!("explain-exact-shown-rounded-half-away", exact, shown, places),
                    _ => msg!("explain-exact-shown-truncated-places-places", exact, shown, places),
                });
                before.round(places, rule).ok() != Some(*after)
            }
            None => true,
        };
        if limited && before != after {
            let kind = match (cap, floor) {
                (Some(_), _) if after < before => Limit::Cap,
                (_, Some(_)) => Limit::Floor,
                _ if limits => Limit::Other,
                _ => return notes,
            };
            let show = |n: Number| output::number_text(n, output::places(self.program, v, n));
            let by = self.program.values[v].refs.first().map(String::as_str);
            notes.insert(0, format!("{} → {}{}", show(*before), show(*after), kind.said(by)));
        }
        notes
    }

    /// One note per deduction or bonus of a scoring table, as written, with what it took or
    /// gave: `每 不达标月数 扣 5分 最多扣 10分：−10.00（3 × 5分 = 15.00，最多扣 10.00）`.
    fn deductions(&self, v: ValueId, adjustments: &[Adjustment], to_zero: bool) -> Vec<String> {
        let mut notes = Vec::new();
        for a in adjustments {
            let written = self.program.source.slice(a.span).trim();
            let Some((taken, limited)) =
                crate::eval::adjustment_taken(self.program, self.record, self.result, self.params, a)
            else {
                continue;
            };
            let sign = if a.bonus { "+" } else { "−" };
            let shown = output::number_text(taken, output::places(self.program, v, taken));
            notes.push(if limited {
                msg!("explain-written-sign-shown-limit", written, sign, shown)
            } else {
                format!("{written}{}{sign}{shown}", msg!("colon"))
            });
        }
        // The value before 扣完为止 (and any cap, floor or rounding), when it stopped them.
        if let (true, Some(Value::Num(before))) = (to_zero, &self.result.unrounded[v])
            && *before < Number::ZERO
        {
            let before = output::number_text(*before, output::places(self.program, v, *before));
            notes.push(msg!("explain-before-0", before));
        }
        notes
    }

    fn band_note(&self, value: &Value, subject: &Expr, bands: &[Band]) -> Vec<String> {
        let Value::Level(i) = value else { return Vec::new() };
        let Some(band) = bands.get(*i) else { return Vec::new() };
        let env_num = |e: &Expr| match e {
            Expr::Const(n) => Some(*n),
            Expr::Param(p) => Some(self.params[*p]),
            _ => None,
        };
        let subject_text = match subject {
            Expr::Value(s) => format!("{} {}", self.program.values[*s].name, self.show(*s, &self.result.values[*s])),
            _ => msg!("explain-score"),
        };
        // A bound prints as the subject does: a whole count as a whole number.
        let bound = |e: &Expr| {
            let places = |n| if let Expr::Value(s) = subject { output::places(self.program, *s, n) } else { 2 };
            env_num(e).map(|n| output::number_text(n, places(n))).unwrap_or_default()
        };
        let mut conds = Vec::new();
        if let Some((e, incl)) = &band.lower {
            conds.push(format!("{} {}", if *incl { "≥" } else { ">" }, bound(e)));
        }
        if let Some((e, incl)) = &band.upper {
            conds.push(format!("{} {}", if *incl { "≤" } else { "<" }, bound(e)));
        }
        let label = &band.label;
        vec![if conds.is_empty() {
            msg!("explain-subject-text-below-every-band", subject_text, label)
        } else {
            msg!("explain-subject-text-conds-label", subject_text, conds = conds.join(&msg!("sep-and")), label)
        }]
    }
}

/// What changed a value beyond its formula: a cap, a floor, or another limit.
enum Limit {
    Cap,
    Floor,
    Other,
}

impl Limit {
    /// ", capped by 第十五条(一)" — the article the value cites, if any.
    fn said(&self, by: Option<&str>) -> String {
        match (self, by) {
            (Limit::Cap, Some(article)) => msg!("explain-capped-by", article),
            (Limit::Floor, Some(article)) => msg!("explain-floored-by", article),
            (Limit::Other, Some(article)) => msg!("explain-limited-by", article),
            (Limit::Cap, None) => msg!("explain-capped"),
            (Limit::Floor, None) => msg!("explain-floored"),
            (Limit::Other, None) => msg!("explain-limited"),
        }
    }
}

/// What a formula reads directly.
enum Part {
    Value(ValueId),
    /// An input, and the leaf it is indexed at (for one entry of a per-leaf input).
    Input(InputId, Option<usize>),
    /// The entries of a per-leaf input under one indicator (rolled up by 汇总).
    InputUnder(InputId, NodeId),
    Param(ParamId),
}

fn direct_parts(e: &Expr, leaf: Option<usize>, out: &mut Vec<Part>) {
    let push = |p: Part, out: &mut Vec<Part>| {
        let same = |q: &Part| match (q, &p) {
            (Part::Value(a), Part::Value(b)) | (Part::Param(a), Part::Param(b)) => a == b,
            (Part::Input(a, k), Part::Input(b, l)) => a == b && k == l,
            (Part::InputUnder(a, k), Part::InputUnder(b, l)) => a == b && k == l,
            _ => false,
        };
        if !out.iter().any(same) {
            out.push(p);
        }
    };
    match e {
        Expr::Value(v) => push(Part::Value(*v), out),
        Expr::Param(p) => push(Part::Param(*p), out),
        Expr::Input(i) => push(Part::Input(*i, None), out),
        Expr::Call(Builtin::Rollup { indicator, .. }, args) if matches!(args.first(), Some(Expr::Input(_))) => {
            let Some(Expr::Input(i)) = args.first() else { return };
            push(Part::InputUnder(*i, *indicator), out);
        }
        Expr::Index(base, key) if matches!(**base, Expr::Input(_)) => {
            let Expr::Input(i) = **base else { return };
            let k = match key {
                Key::Leaf(k) => Some(*k),
                Key::Bound => leaf,
            };
            push(Part::Input(i, k), out);
        }
        e => e.children().into_iter().for_each(|c| direct_parts(c, leaf, out)),
    }
}

/// Data as a person reads it: `好 (100%)`, `好、好、较好`, `满意 6，比较满意 3`.
fn data_text(program: &Program, v: &Value, shape: &Shape) -> String {
    match (v, shape) {
        (Value::Num(n), Shape::Number { unit: Unit::Ratio, .. }) => percent(*n),
        (Value::Num(n), _) => n.to_string(),
        (Value::Text(s), _) => s.clone(),
        (Value::Bool(b), _) => if *b { "是" } else { "否" }.to_string(),
        (Value::Level(i), Shape::Rating(s)) => {
            let (name, f) = &program.scales[*s].levels[*i];
            format!("{name}{}", paren(&percent(*f)))
        }
        (Value::Level(i), Shape::Label(l)) => program.label_sets[*l].get(*i).cloned().unwrap_or_default(),
        (Value::List(items), Shape::List { item, .. }) if matches!(**item, Shape::Rating(_)) && items.len() > 3 => {
            // Many raters: how many gave each level.
            let Shape::Rating(s) = **item else { return String::new() };
            let levels = &program.scales[s].levels;
            let counts: Vec<String> = levels
                .iter()
                .enumerate()
                .filter_map(|(l, (name, f))| {
                    let n = items.iter().filter(|x| **x == Value::Level(l)).count();
                    (n > 0).then(|| format!("{name}{} ×{n}", paren(&percent(*f))))
                })
                .collect();
            let all = items.len();
            msg!("explain-counts-all-all", counts = counts.join("，"), all)
        }
        (Value::List(items), Shape::List { item, .. }) => {
            let shown: Vec<String> = items.iter().map(|x| data_text(program, x, item)).collect();
            format!("[{}]", shown.join("、"))
        }
        (Value::Tally(counts), Shape::Tally { scale, .. }) => {
            let levels = &program.scales[*scale].levels;
            let parts: Vec<String> = levels.iter().zip(counts).map(|((name, _), c)| format!("{name} {c}")).collect();
            parts.join("，")
        }
        (Value::Map(items), Shape::Each { indicator, item }) => {
            let names = program.leaf_names(*indicator);
            let parts: Vec<String> =
                names.iter().zip(items).map(|(n, x)| format!("{n} {}", data_text(program, x, item))).collect();
            parts.join("，")
        }
        (Value::Record(fields), Shape::Record(shapes)) => {
            let parts: Vec<String> =
                shapes.iter().zip(fields).map(|((n, s), x)| format!("{n} {}", data_text(program, x, s))).collect();
            format!("{{{}}}", parts.join("，"))
        }
        (v, Shape::Optional(inner)) => data_text(program, v, inner),
        (Value::Absent, _) => msg!("explain-not-given"),
        _ => String::new(),
    }
}

/// ` (x)` in English, `（x）` in Chinese.
fn paren(x: &str) -> String {
    msg!("explain-x", x)
}

fn percent(f: Number) -> String {
    f.checked_mul(Number::int(100)).map(|p| format!("{p}%")).unwrap_or_default()
}

/// The exact value, when printing rounds it.
fn exact_text(v: &Value) -> Option<String> {
    let Value::Num(n) = v else { return None };
    let printed = output::number_text(*n, 2);
    let exact = n.to_string();
    let same = crate::number::parse_decimal(&printed).map(Number::from_decimal) == Some(*n);
    (!same).then_some(if exact.contains('/') { format!("{exact} ≈ {}", output::number_text(*n, 6)) } else { exact })
}

fn exact_or_long(n: Number) -> String {
    match n.to_exact_decimal() {
        Some(d) => d.normalize().to_string(),
        None => format!("{}…", output::number_text(n, 6)),
    }
}
