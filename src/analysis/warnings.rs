//! Warnings from the ranges: a grade band no score can reach, a cap or floor that can never
//! bind. Each says what range the value has, so the writer can see why.

use super::interval::End;
use super::ranges::Ranges;
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::number::Number;
use crate::program::*;

pub fn warnings(program: &Program, ranges: &Ranges) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (v, def) in program.values.iter().enumerate() {
        match &def.kind {
            ValueKind::Let { cap, floor, adjustments, to_zero, .. } => {
                limits(program, ranges, v, cap.as_ref(), floor.as_ref(), &mut out);
                let deducts = adjustments.iter().any(|a| !a.bonus);
                if deducts && !to_zero && floor.is_none() {
                    out.extend(below_zero(def, &ranges.values[v]));
                }
            }
            ValueKind::Grade { subject, bands, .. } => {
                out.extend(unrounded_subject(program, def, subject));
                unreachable_bands(program, ranges, def, subject, bands, &mut out);
                super::wording::ambiguous_thresholds(program, def, bands, &mut out);
            }
            ValueKind::Rank { by, .. } => out.extend(unrounded_subject(program, def, by)),
        }
    }
    for (node, range) in &ranges.over_points {
        out.push(over_points(program, *node, *range));
    }
    out.into_iter().map(|d| d.in_source(&program.source)).collect()
}

/// A grade or rank decided on a value that is published rounded (two places, as every value
/// without `保留` is printed) but compared exactly: 89.995 would be published as 90.00 and
/// graded below 90; two departments published at 85.00 ranked apart.
fn unrounded_subject(program: &Program, def: &ValueDef, subject: &Expr) -> Option<Diagnostic> {
    // The value itself, or a value a formula grades on (`如果 否决 则 0分 否则 总分`).
    let published_rounded = |e: &Expr| match e {
        Expr::Value(v) => {
            let read = &program.values[*v];
            matches!(read.kind, ValueKind::Let { rounding: None, .. })
                && !read.whole
                && matches!(read.ty, Ty::Num(Unit::Points | Unit::Count | Unit::Free))
        }
        _ => false,
    };
    let mut found = None;
    visit(subject, &mut |e| {
        if found.is_none() && published_rounded(e) {
            found = Some(e.clone());
        }
    });
    let Some(Expr::Value(v)) = found else { return None };
    let read = &program.values[v];
    let (name, by) = (&def.name, &read.name);
    Some(
        Diagnostic::warning("W0506", msg!("analysis-name-decided-exact-but-published", name, by))
            .label(def.formula, msg!("analysis-compares-exact", by))
            .help(msg!("analysis-round-where-computed-2-so", by)),
    )
}

/// A value its deductions can take below 0, with nothing that stops them.
fn below_zero(def: &ValueDef, range: &super::Range) -> Option<Diagnostic> {
    let range = range.overall()?;
    if range.lo >= End::At(Number::ZERO) {
        return None;
    }
    let name = &def.name;
    Some(
        Diagnostic::warning("W0507", msg!("analysis-deductions-can-take-name-below", name, range))
            .label(def.span, msg!("analysis-name-can-range", name, range))
            .help(msg!("analysis-if-table-says-write-stop")),
    )
}

/// Every formula inside `e`, `e` first.
fn visit(e: &Expr, f: &mut impl FnMut(&Expr)) {
    f(e);
    for c in e.children() {
        visit(c, f);
    }
}

/// A part of a roll-up in points that the formulas let go outside its points.
fn over_points(program: &Program, node: NodeId, range: super::interval::Interval) -> Diagnostic {
    let ind = &program.indicators[node];
    let points = ind.points.map(|p| if p.is_integer() { p.to_string() } else { text(p) }).unwrap_or_default();
    let name = &ind.name;
    Diagnostic::warning("W0505", msg!("analysis-name-added-up-within-points", name, points, range))
        .label(ind.span, msg!("analysis-points-points", points))
        .help(msg!("analysis-department-scored-outside-0-points", points))
}

fn fixed(program: &Program, e: &Expr) -> Option<Number> {
    match e {
        Expr::Const(n) => Some(*n),
        Expr::Param(p) => Some(program.params[*p].default),
        _ => None,
    }
}

fn limits(
    program: &Program,
    ranges: &Ranges,
    v: ValueId,
    cap: Option<&Expr>,
    floor: Option<&Expr>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(raw) = ranges.unlimited[v] else { return };
    let def = &program.values[v];
    // A count's range and limits print whole (`至多为 3`, not `3.00`).
    let whole = def.is_whole_count();
    let (hi, lo, raw) = (raw.hi.text(whole), raw.lo.text(whole), raw);
    let said = |n: Number| End::At(n).text(whole);
    if let Some(c) = cap.and_then(|c| fixed(program, c))
        && raw.hi <= End::At(c)
    {
        let raw = raw.text(whole);
        out.push(
            Diagnostic::warning("W0502", msg!("analysis-cap-said-name-can-never", said = said(c), name = def.name, hi))
                .label(def.span, msg!("analysis-name-can-raw", name = def.name, raw))
                .help(msg!("analysis-check-cap-against-regulation-remove")),
        );
    }
    if let Some(f) = floor.and_then(|f| fixed(program, f))
        && raw.lo >= End::At(f)
    {
        let raw = raw.text(whole);
        out.push(
            Diagnostic::warning(
                "W0502",
                msg!("analysis-floor-said-name-can-never", said = said(f), name = def.name, lo),
            )
            .label(def.span, msg!("analysis-name-can-raw", name = def.name, raw))
            .help(msg!("analysis-check-floor-against-regulation-remove")),
        );
    }
}

fn unreachable_bands(
    program: &Program,
    ranges: &Ranges,
    def: &ValueDef,
    subject: &Expr,
    bands: &[Band],
    out: &mut Vec<Diagnostic>,
) {
    let range = match subject {
        Expr::Value(s) => ranges.values[*s].interval(),
        _ => None,
    };
    let Some(range) = range else { return };
    let whole = matches!(subject, Expr::Value(s) if program.values[*s].is_whole_count());
    for band in bands {
        // A band is out of reach when the score cannot get up to its lower bound or down
        // below its upper bound.
        let too_high = band
            .lower
            .as_ref()
            .and_then(|(e, incl)| fixed(program, e).map(|l| (l, *incl)))
            .is_some_and(|(l, incl)| if incl { range.hi < End::At(l) } else { range.hi <= End::At(l) });
        let too_low = band
            .upper
            .as_ref()
            .and_then(|(e, incl)| fixed(program, e).map(|u| (u, *incl)))
            .is_some_and(|(u, incl)| if incl { range.lo > End::At(u) } else { range.lo >= End::At(u) });
        if too_high || too_low {
            let range = range.text(whole);
            out.push(
                Diagnostic::warning(
                    "W0503",
                    msg!("analysis-no-score-can-reach-band", label = band.label, name = def.name),
                )
                .label(band.span, msg!("analysis-score-can-only-range", range))
                .help(msg!("analysis-check-band-s-threshold-points")),
            );
        }
    }
}

fn text(n: Number) -> String {
    crate::number::number_text(n, 2)
}
