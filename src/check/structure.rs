//! Structure checks: indicator trees (points and weights add up) and grade bands (ordered,
//! no overlap, no gap, every band reachable).

use super::{Checker, err};
use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::number::Number;
use crate::program::{BandBounds, BandProblem, band_problem};
use crate::source::Span;

impl Checker<'_> {
    pub(super) fn check_trees(&mut self) {
        for id in 0..self.indicators.len() {
            let ind = &self.indicators[id];
            let share = match (ind.points, ind.weight) {
                (Some(p), _) if p <= Number::ZERO => Some(&msg!("check-phrase-indicator-s-points")),
                (_, Some(w)) if w <= Number::ZERO => Some(&msg!("check-phrase-indicator-s-weight")),
                _ => None,
            };
            if let Some(what) = share {
                self.diags.push(err::not_positive(ind.span, what));
            }
            let children = self.indicators[id].children.clone();
            if children.is_empty() {
                continue;
            }
            let node = &self.indicators[id];
            let names = children.iter().map(|c| self.indicators[*c].name.as_str()).collect::<Vec<_>>().join("、");
            let with_points = children.iter().filter(|c| self.indicators[**c].points.is_some()).count();
            let with_weight = children.iter().filter(|c| self.indicators[**c].weight.is_some()).count();
            let span = node.span;
            let name = node.name.clone();
            if (with_points > 0 && with_points < children.len())
                || (with_weight > 0 && with_weight < children.len())
                || (with_points > 0 && with_weight > 0)
            {
                self.diags.push(err::mixed_shares(span, &name));
                continue;
            }
            if with_points > 0 {
                let sum = sum(children.iter().filter_map(|c| self.indicators[*c].points));
                if let Some(parent) = self.indicators[id].points
                    && sum != parent
                {
                    self.diags.push(err::points_mismatch(span, &name, &parent.to_string(), &sum.to_string(), &names));
                }
            }
            if with_weight > 0 {
                let sum = sum(children.iter().filter_map(|c| self.indicators[*c].weight));
                if sum != Number::ONE {
                    let pct = sum.checked_mul(Number::int(100)).map(|p| format!("{p}%")).unwrap_or_default();
                    self.diags.push(err::weights_mismatch(span, &name, &pct, &names));
                }
            }
        }
    }

    /// Bands with their thresholds evaluated (parameters at their defaults).
    pub(super) fn check_bands(&mut self, bands: &[LabeledBand]) {
        if let Some(d) = band_diagnostic(bands) {
            self.diags.push(d);
        }
    }
}

fn sum(numbers: impl Iterator<Item = Number>) -> Number {
    numbers.fold(Number::ZERO, |acc, n| acc.checked_add(n).unwrap_or(acc))
}

/// One band as the checker sees it: label, bounds, span.
pub type LabeledBand = (String, BandBounds, Span);

/// The diagnostic for the first structural problem of bands, if any.
pub fn band_diagnostic(bands: &[LabeledBand]) -> Option<Diagnostic> {
    let bounds: Vec<BandBounds> = bands.iter().map(|b| b.1).collect();
    let label = |i: usize| bands[i].0.as_str();
    Some(match band_problem(&bounds)? {
        BandProblem::GapAbove(i) => err::bands_gap(bands[i].2, &msg!("check-phrase-gap-above", label = label(i))),
        BandProblem::Overlap(i) => err::bands_overlap(bands[i].2, label(i), label(i - 1)),
        BandProblem::Gap(i) => {
            err::bands_gap(bands[i].2, &msg!("check-phrase-gap-between", upper = label(i), lower = label(i - 1)))
        }
        BandProblem::Unreachable(i) => err::band_unreachable(bands[i].2, label(i)),
        BandProblem::GapBelow(i) => err::bands_gap(bands[i].2, &msg!("check-phrase-gap-below", label = label(i))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(label: &str, lower: Option<(i128, bool)>, upper: Option<(i128, bool)>) -> LabeledBand {
        let f = |x: Option<(i128, bool)>| x.map(|(n, i)| (Number::int(n), i));
        (label.to_string(), BandBounds { lower: f(lower), upper: f(upper) }, Span::default())
    }

    fn code(bands: &[LabeledBand]) -> Option<&'static str> {
        band_diagnostic(bands).map(|d| d.code)
    }

    #[test]
    fn sichuan_bands_are_sound() {
        assert_eq!(
            code(&[
                b("先进", Some((90, true)), None),
                b("合格", Some((60, true)), Some((90, false))),
                b("不合格", None, Some((60, false)))
            ]),
            None
        );
        assert_eq!(
            code(&[b("先进", Some((90, true)), None), b("合格", Some((60, true)), None), b("不合格", None, None)]),
            None
        );
    }

    #[test]
    fn overlap_gap_and_unreachable_are_found() {
        let overlap = [
            b("先进", Some((90, true)), None),
            b("合格", Some((60, true)), Some((95, false))),
            b("不合格", None, None),
        ];
        assert_eq!(code(&overlap), Some("E0404"));
        let gap = [
            b("先进", Some((90, true)), None),
            b("合格", Some((60, true)), Some((85, false))),
            b("不合格", None, None),
        ];
        assert_eq!(code(&gap), Some("E0405"));
        let no_bottom = [b("先进", Some((90, true)), None), b("合格", Some((60, true)), None)];
        assert_eq!(code(&no_bottom), Some("E0405"));
        let unordered = [b("合格", Some((60, true)), None), b("先进", Some((90, true)), None), b("不合格", None, None)];
        assert_eq!(code(&unordered), Some("E0406"));
        let same = [b("先进", Some((90, true)), None), b("优秀", Some((90, true)), None), b("不合格", None, None)];
        assert_eq!(code(&same), Some("E0406"));
        let early_catch_all = [b("先进", Some((90, true)), None), b("其他", None, None), b("不合格", None, None)];
        assert_eq!(code(&early_catch_all), Some("E0406"));
    }
}
