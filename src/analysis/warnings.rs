//! Warnings from the ranges: a grade band no score can reach, a cap or floor that can never
//! bind. Each says what range the value has, so the writer can see why.

use super::interval::End;
use super::ranges::Ranges;
use crate::diagnostic::Diagnostic;
use crate::lang::tr;
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
        Diagnostic::warning(
            "W0506",
            tr(
                format!("`{name}` is decided on the exact `{by}`, but `{by}` is published rounded to 2 places"),
                format!("“{name}”按“{by}”的精确值确定，而“{by}”公布时四舍五入到两位小数"),
            ),
        )
        .label(def.formula, tr(format!("compares the exact {by}"), format!("比较的是“{by}”的精确值")))
        .help(tr(
            format!("round `{by}` where it is computed (`计算 {by} = … 保留 2 位`), so that what is published is what is graded and ranked: 89.995 would be published as 90.00 but graded below 90"),
            format!("请在计算“{by}”时加上“保留 2 位”，使公布的分数就是评定等次和排名所用的分数：否则 89.995 公布为 90.00，却按低于 90 评定"),
        )),
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
        Diagnostic::warning(
            "W0507",
            tr(
                format!("the deductions can take `{name}` below 0: it can be {range}"),
                format!("扣分可使“{name}”低于 0：其取值范围为 {range}"),
            ),
        )
        .label(def.span, tr(format!("{name} can be {range}"), format!("“{name}”的取值范围为 {range}")))
        .help(tr(
            "if the table says 扣完为止 (or 扣满为止), write `扣完为止`; to stop at another score, `保底 x分`; or limit each rule with `最多扣`",
            "若评分表写明“扣完为止”（或“扣满为止”），请写“扣完为止”；要在其他分数处停止，写“保底 x分”；或用“最多扣”限定每条规则",
        )),
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
    Diagnostic::warning(
        "W0505",
        tr(
            format!("`{name}` is added up within its {points} points, but its score can be {range}"),
            format!("“{name}”按分值 {points} 分计入合计，但其得分的取值范围为 {range}"),
        ),
    )
    .label(ind.span, tr(format!("points {points}"), format!("分值 {points}")))
    .help(tr(
        format!("a department scored outside 0 to {points} is refused (E0806); keep the score within: `扣完为止`, `封顶 {points}分`, `保底 0分`, or bound the inputs"),
        format!("得分超出 0 至 {points} 的部门将被拒绝（E0806）；请使得分不超出分值：“扣完为止”“封顶 {points}分”“保底 0分”，或限定输入的范围"),
    ))
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
            Diagnostic::warning(
                "W0502",
                tr(
                    format!("the cap {} on `{}` can never bind: it is at most {hi}", said(c), def.name),
                    format!("“{}”的封顶 {} 永远不起作用：它最多为 {hi}", def.name, said(c)),
                ),
            )
            .label(def.span, tr(format!("{} can be {raw}", def.name), format!("“{}”的取值范围为 {raw}", def.name)))
            .help(tr("check the cap against the regulation, or remove it", "请对照办法核实这个封顶，或将其删去")),
        );
    }
    if let Some(f) = floor.and_then(|f| fixed(program, f))
        && raw.lo >= End::At(f)
    {
        let raw = raw.text(whole);
        out.push(
            Diagnostic::warning(
                "W0502",
                tr(
                    format!("the floor {} on `{}` can never bind: it is at least {lo}", said(f), def.name),
                    format!("“{}”的保底 {} 永远不起作用：它至少为 {lo}", def.name, said(f)),
                ),
            )
            .label(def.span, tr(format!("{} can be {raw}", def.name), format!("“{}”的取值范围为 {raw}", def.name)))
            .help(tr("check the floor against the regulation, or remove it", "请对照办法核实这个保底，或将其删去")),
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
                    tr(
                        format!("no score can reach the band `{}` of `{}`", band.label, def.name),
                        format!("任何分数都达不到“{}”中的“{}”这一档", def.name, band.label),
                    ),
                )
                .label(band.span, tr(format!("the score can only be {range}"), format!("分数只可能在 {range} 之间")))
                .help(tr(
                    "check the band's threshold and the points that make up the score",
                    "请检查这一档的分数线，以及构成分数的各项分值",
                )),
            );
        }
    }
}

fn text(n: Number) -> String {
    crate::number::number_text(n, 2)
}
