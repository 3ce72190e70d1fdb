//! The report's charts as SVG, drawn by `plotters` (its SVG backend, text left to the
//! browser's fonts, so Chinese labels need no font files here). Numbers become pixels only:
//! every number a person reads beside a chart is printed from its exact value.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor;

/// A chart that could not be drawn, in plotters' words (a string backend cannot fail on
/// input or output; this is for what plotters itself refuses).
pub type ChartError = String;

const FONT: &str = "sans-serif";
const GREY: RGBColor = RGBColor(110, 110, 110);
/// A department without a grade.
pub const NO_GRADE: RGBColor = RGBColor(70, 110, 180);
/// Points lost: a light red, so that the part kept stands out.
const LOST: RGBColor = RGBColor(240, 170, 165);

/// The colour of grade `i` of `n`, best first: green through amber to red.
pub fn grade_colour(i: usize, n: usize) -> RGBColor {
    const PALETTE: [RGBColor; 5] = [
        RGBColor(26, 127, 55),
        RGBColor(77, 146, 33),
        RGBColor(176, 136, 0),
        RGBColor(212, 112, 10),
        RGBColor(207, 34, 46),
    ];
    let k = if n <= 1 { 0 } else { i * (PALETTE.len() - 1) / (n - 1) };
    PALETTE[k.min(PALETTE.len() - 1)]
}

/// `#rrggbb`, for the page's styles.
pub fn css(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn failed<E: std::fmt::Debug>(e: E) -> ChartError {
    format!("{e:?}")
}

/// Draws with `draw` on a white canvas of `size` pixels and gives the SVG text.
fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        draw(&root)?;
        root.present().map_err(failed)?;
    }
    Ok(out)
}

/// How many departments got each grade: one bar per grade, in the grade's colour.
/// `bars`: (grade, departments, colour), best grade first.
pub fn grade_bars(title: &str, bars: &[(String, u64, RGBColor)]) -> Result<String, ChartError> {
    let top = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let n = bars.len().max(1) as u32;
    svg((480, 260), |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(title, (FONT, 16))
            .margin(10)
            .x_label_area_size(28)
            .y_label_area_size(40)
            .build_cartesian_2d((0..n - 1).into_segmented(), 0u64..top + top / 5 + 1)
            .map_err(failed)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_label_formatter(&|x| match x {
                SegmentValue::CenterOf(i) => bars.get(*i as usize).map_or(String::new(), |b| b.0.clone()),
                _ => String::new(),
            })
            .y_label_formatter(&|y| y.to_string())
            .label_style((FONT, 13))
            .draw()
            .map_err(failed)?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, count, colour))| {
                let i = i as u32;
                let mut bar = Rectangle::new(
                    [(SegmentValue::Exact(i), 0), (SegmentValue::Exact(i + 1), *count)],
                    colour.filled(),
                );
                bar.set_margin(0, 0, 12, 12);
                bar
            }))
            .map_err(failed)?;
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, count, _))| {
                let above = TextStyle::from((FONT, 13).into_font())
                    .pos(text_anchor::Pos::new(text_anchor::HPos::Center, text_anchor::VPos::Bottom));
                Text::new(count.to_string(), (SegmentValue::CenterOf(i as u32), *count), above)
            }))
            .map_err(failed)?;
        Ok(())
    })
}

/// How scores spread: departments per band of a round width (0.5, 1, 2, 2.5, 5, 10 … points,
/// about 40 bands over `range`), bands split at each grade's cut-off (`cutoffs`: score and
/// label) so that no bar mixes two grades; the cut-offs drawn as dashed lines. A band holds
/// the scores from its lower edge up to, not including, its upper edge (a cut-off is where
/// its grade starts).
pub fn histogram(
    title: &str,
    scores: &[f64],
    range: (f64, f64),
    cutoffs: &[(f64, String)],
) -> Result<String, ChartError> {
    let edges = edges(range, cutoffs);
    let (lo, hi) = (edges[0], edges[edges.len() - 1]);
    let counts = band_counts(&edges, scores);
    let top = counts.iter().copied().max().unwrap_or(0).max(1);
    let ceiling = top + top / 5 + 1;
    // Enough decimals that the axis's labels differ (a narrow range, as for a constant score).
    let decimals = if hi - lo >= 20.0 {
        0
    } else if hi - lo >= 2.0 {
        1
    } else {
        2
    };
    svg((720, 280), |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(title, (FONT, 16))
            .margin(10)
            .margin_right(40)
            .x_label_area_size(28)
            .y_label_area_size(40)
            .build_cartesian_2d(lo..hi, 0u64..ceiling)
            .map_err(failed)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .label_style((FONT, 13))
            .x_label_formatter(&|x| format!("{x:.decimals$}"))
            .draw()
            .map_err(failed)?;
        chart
            .draw_series(edges.windows(2).zip(&counts).filter(|(_, c)| **c > 0).map(|(e, c)| {
                let mut bar = Rectangle::new([(e[0], 0), (e[1], *c)], RGBColor(70, 110, 180).filled());
                bar.set_margin(0, 0, 1, 1);
                bar
            }))
            .map_err(failed)?;
        for (k, (x, label)) in cutoffs.iter().filter(|(x, _)| *x >= lo && *x <= hi).enumerate() {
            let line = DashedLineSeries::new(vec![(*x, 0), (*x, ceiling)], 6, 4, RED.stroke_width(2));
            chart.draw_series(line).map_err(failed)?;
            // Neighbouring cut-offs' labels at different heights, so that they do not overlap;
            // on the right half of the chart, to the left of their line.
            let y = ceiling.saturating_sub(ceiling * (k as u64 % 3) / 10);
            let side = if *x > (lo + hi) / 2.0 { text_anchor::HPos::Right } else { text_anchor::HPos::Left };
            let style =
                TextStyle::from((FONT, 12).into_font()).pos(text_anchor::Pos::new(side, text_anchor::VPos::Top));
            chart.draw_series(std::iter::once(Text::new(label.clone(), (*x, y), style))).map_err(failed)?;
        }
        Ok(())
    })
}

/// How many scores each band holds: from its lower edge up to, not including, its upper
/// edge; the last band holds its upper edge too. `edges`: at least two, ascending.
fn band_counts(edges: &[f64], scores: &[f64]) -> Vec<u64> {
    let mut counts = vec![0u64; edges.len().saturating_sub(1).max(1)];
    let last = counts.len() - 1;
    for s in scores {
        counts[edges.partition_point(|e| e <= s).saturating_sub(1).min(last)] += 1;
    }
    counts
}

/// The histogram's band edges, at least two: multiples of a round width covering `range`,
/// with the cut-offs inside it added (where numbers are too large for a width to tell them
/// apart, just the range's ends).
fn edges((lo, hi): (f64, f64), cutoffs: &[(f64, String)]) -> Vec<f64> {
    let span = if hi > lo { hi - lo } else { 1.0 };
    let rough = span / 40.0;
    let scale = 10f64.powf(rough.log10().floor());
    let width = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * scale).find(|w| *w >= rough).unwrap_or(10.0 * scale);
    let start = (lo / width).floor() * width;
    let mut edges: Vec<f64> =
        (0..).map(|k| start + width * k as f64).take_while(|e| *e < lo + span + width).take(1_000).collect();
    let (first, last) = (edges.first().copied().unwrap_or(lo), edges.last().copied().unwrap_or(hi));
    edges.extend(cutoffs.iter().map(|(x, _)| *x).filter(|x| *x > first && *x < last));
    edges.sort_by(f64::total_cmp);
    edges.dedup_by(|a, b| (*a - *b).abs() < width * 1e-9);
    if edges.len() < 2 {
        let top = if hi > lo { hi } else { lo + lo.abs().max(1.0) };
        return vec![lo, top];
    }
    edges
}

/// One part of a department's score against its most.
pub struct Part {
    /// The value's name (`工作考核得分`).
    pub name: String,
    /// Points kept, and the most the part can give (both ≥ 0); for a deduction, points taken.
    pub value: f64,
    pub most: f64,
    pub deduction: bool,
    /// Whether `most` is the most the regulation allows (else the highest any department
    /// got: nothing is shown as lost).
    pub bounded: bool,
    /// What is written beside the bar (`54.95 / 60`).
    pub label: String,
}

/// A department's score by part: each bar is the part's most, the points kept in `colour`
/// and the points lost (or deducted) in light red.
pub fn breakdown(parts: &[Part], colour: RGBColor) -> Result<String, ChartError> {
    let n = parts.len().max(1);
    let height = 36 * n as u32 + 30;
    svg((640, height), |root| {
        let (_, right) = root.split_horizontally(200);
        let mut chart = ChartBuilder::on(&right)
            .margin_top(10)
            .margin_right(110)
            .build_cartesian_2d(0f64..1f64, 0f64..n as f64)
            .map_err(failed)?;
        let centred = |size: u32| {
            TextStyle::from((FONT, size).into_font())
                .pos(text_anchor::Pos::new(text_anchor::HPos::Left, text_anchor::VPos::Center))
        };
        for (i, p) in parts.iter().enumerate() {
            let (y0, y1) = (n as f64 - i as f64 - 0.8, n as f64 - i as f64 - 0.2);
            let share = if p.most > 0.0 { (p.value / p.most).clamp(0.0, 1.0) } else { 0.0 };
            let (kept, lost) = match (p.deduction, p.bounded) {
                (true, _) => (1.0 - share, share),
                (false, true) => (share, 1.0 - share),
                (false, false) => (share, 0.0),
            };
            chart
                .draw_series([
                    Rectangle::new([(0.0, y0), (kept, y1)], colour.filled()),
                    Rectangle::new([(kept, y0), (kept + lost, y1)], LOST.filled()),
                    Rectangle::new([(0.0, y0), (1.0, y1)], GREY.stroke_width(1)),
                ])
                .map_err(failed)?;
            // Labels on the whole canvas, level with their bar.
            let (_, y) = chart.backend_coord(&(0.0, (y0 + y1) / 2.0));
            root.draw(&Text::new(p.name.clone(), (6, y), centred(14))).map_err(failed)?;
            let (x, _) = chart.backend_coord(&(1.0, 0.0));
            root.draw(&Text::new(p.label.clone(), (x + 6, y), centred(13))).map_err(failed)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_svg_with_their_labels_escaped() {
        let bars = [("优秀".to_string(), 3, grade_colour(0, 2)), ("<差>".to_string(), 1, grade_colour(1, 2))];
        let svg = grade_bars("等次分布", &bars).expect("drawn");
        assert!(svg.starts_with("<svg") && svg.contains("优秀") && svg.contains("&lt;差&gt;"), "{svg}");
        let svg =
            histogram("得分分布", &[55.0, 91.5, 100.0], (0.0, 100.0), &[(90.0, "优秀 90".into())]).expect("drawn");
        assert!(svg.matches("<rect").count() >= 4, "{svg}");
        assert!(svg.contains("优秀 90"));
        let parts = [Part {
            name: "工作考核得分".into(),
            value: 54.95,
            most: 60.0,
            deduction: false,
            bounded: true,
            label: "54.95 / 60".into(),
        }];
        let svg = breakdown(&parts, grade_colour(0, 4)).expect("drawn");
        assert!(svg.contains("工作考核得分") && svg.contains("54.95 / 60"));
    }

    /// Bands meet at every cut-off, whatever the width, so that no bar holds two grades.
    #[test]
    fn histogram_bands_meet_at_the_cut_offs() {
        let cut = |xs: &[f64]| xs.iter().map(|x| (*x, String::new())).collect::<Vec<_>>();
        let e = edges((0.0, 100.0), &cut(&[60.0, 80.0, 90.0]));
        assert_eq!((e[0], e[e.len() - 1], e[1] - e[0]), (0.0, 100.0, 2.5));
        assert!([60.0, 80.0, 90.0].iter().all(|c| e.contains(c)));
        let e = edges((55.37, 94.93), &cut(&[93.5, 94.0, 94.5]));
        assert!([93.5, 94.0, 94.5].iter().all(|c| e.contains(c)), "{e:?}");
        assert!(e.windows(2).all(|w| w[0] < w[1]));
        let e = edges((88.0, 89.0), &[]);
        assert!(e.len() > 10 && e[0] <= 88.0 && e[e.len() - 1] >= 89.0, "{e:?}");
        // Too large for a width to tell apart: the ends, and a chart that draws.
        for huge in [(1e17, 1e17 + 0.5), (1e17, 1e17), (-1e300, -1e300)] {
            assert!(edges(huge, &[]).len() >= 2, "{huge:?}");
            assert!(histogram("大", &[huge.0, huge.1], huge, &[]).is_ok());
        }
    }

    /// A score at a cut-off counts in the band above it; the top score in the last band.
    #[test]
    fn bands_count_from_their_lower_edge() {
        let edges = [0.0, 60.0, 80.0, 90.0, 100.0];
        assert_eq!(band_counts(&edges, &[59.99, 60.0, 79.5, 80.0, 89.99, 90.0, 100.0, -5.0]), [2, 2, 2, 2]);
    }

    #[test]
    fn grades_run_from_green_to_red() {
        assert_eq!(css(grade_colour(0, 4)), "#1a7f37");
        assert_eq!(css(grade_colour(3, 4)), "#cf222e");
        assert_eq!(css(grade_colour(0, 1)), "#1a7f37");
    }
}
