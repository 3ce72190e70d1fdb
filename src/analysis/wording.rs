//! Thresholds the regulation's own words leave open: where the cited article's text puts a
//! boundary value on both sides (`60—90分` includes 60 in the band above; `60分以下` includes
//! it in the band below, by the convention that 以上、以下 include the number itself).

use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::number::Number;
use crate::program::*;

/// Which band a boundary value belongs to, by the article's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// The value belongs to the band above it (`90分及以上`).
    Above,
    /// The value belongs to the band below it (`60分以下`).
    Below,
}

pub fn ambiguous_thresholds(program: &Program, def: &ValueDef, bands: &[Band], out: &mut Vec<Diagnostic>) {
    let texts: Vec<(&String, &String)> =
        def.refs.iter().filter_map(|r| program.articles.get(r).map(|t| (r, t))).collect();
    for band in bands {
        let Some((Expr::Const(v), _)) = &band.lower else { continue };
        for (article, text) in &texts {
            let claims = claims(text, *v);
            if claims.contains(&Side::Above) && claims.contains(&Side::Below) {
                let n = crate::number::number_text(*v, 0);
                out.push(
                    Diagnostic::warning("W0504", msg!("analysis-article-leaves-open-which-grade", article, n))
                        .label(band.span, msg!("analysis-here-n-label", n, label = band.label))
                        .help(msg!("analysis-article-s-words-put-n", n)),
                );
            }
        }
    }
}

/// What the text says of the value `v`: each phrase that puts it above or below.
fn claims(text: &str, v: Number) -> Vec<Side> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some((n, end)) = number_at(&chars, i) else {
            i += 1;
            continue;
        };
        let rest: String = chars[end..].iter().take(12).collect();
        let rest = rest.strip_prefix('分').unwrap_or(&rest);
        if n == v {
            if rest.starts_with("及以上") || rest.starts_with("以上") {
                out.push(Side::Above);
            } else if rest.starts_with("以下") || rest.starts_with("以内") {
                out.push(Side::Below);
            }
        }
        // A range `a—b`: `a` lies in it (above a), `b` too (below b) unless `不含b` follows.
        if let Some(dash) = ['—', '-', '～', '~', '至', '到'].iter().find(|d| rest.starts_with(**d)) {
            let after = end + usize::from(chars.get(end) == Some(&'分')) + 1;
            let _ = dash;
            if let Some((m, m_end)) = number_at(&chars, after) {
                let tail: String = chars[m_end..].iter().take(16).collect();
                if n == v {
                    out.push(Side::Above);
                }
                if m == v {
                    let excluded = tail.contains(&format!("不含{}", crate::number::number_text(m, 0)));
                    out.push(if excluded { Side::Above } else { Side::Below });
                }
                i = m_end;
                continue;
            }
        }
        i = end;
    }
    out
}

/// A number written at `i` (ASCII or full-width digits), and where it ends.
fn number_at(chars: &[char], i: usize) -> Option<(Number, usize)> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    if i > 0 && digit(chars[i - 1]) {
        return None;
    }
    let mut end = i;
    while end < chars.len() && (digit(chars[end]) || (chars[end] == '.' && end > i)) {
        end += 1;
    }
    if end == i {
        return None;
    }
    let text: String = chars[i..end].iter().collect();
    Some((Number::from_decimal(crate::number::parse_decimal(&text)?), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sichuan_sixty_is_claimed_by_both_sides() {
        let text = "得分90分及以上为先进单位，60—90分（不含90分）为合格单位，60分以下为不合格单位。";
        assert_eq!(claims(text, Number::int(90)), vec![Side::Above, Side::Above]);
        assert_eq!(claims(text, Number::int(60)), vec![Side::Above, Side::Below]);
    }
}
