//! Samples (样例) and embedded test cases (测试): data written in the file becomes JSON
//! records, checked later by the same reader as data files; expectations are resolved here.

use serde_json::Value as Json;

use super::{Checker, Symbol, err};
use crate::lang::msg;
use crate::number::Number;
use crate::program::*;
use crate::syntax::ast::{self, Literal};

impl Checker<'_> {
    pub(super) fn check_sample(&mut self, s: &ast::Sample) {
        if let Some((_, first)) = self.samples.get(&s.name.node) {
            self.diags.push(err::duplicate(s.name.span, *first, &s.name.node));
            return;
        }
        let json = to_json(&s.record.node);
        self.samples.insert(s.name.node.clone(), (json, s.name.span));
    }

    pub(super) fn check_test(&mut self, t: &ast::TestCase, span: crate::source::Span) {
        let mut case = TestCase { name: t.name.node.clone(), span, params: Vec::new(), units: Vec::new() };
        for item in &t.items {
            match item {
                ast::TestItem::Set(name, value) => {
                    let Some(p) = self.params.iter().position(|p| p.name == name.node) else {
                        let names: Vec<String> = self.params.iter().map(|p| p.name.clone()).collect();
                        self.diags.push(err::unknown_name(name.span, &name.node, "parameter", &names));
                        continue;
                    };
                    match &value.node {
                        Literal::Number(n) if self.params[p].divisor && parse_number(n).is_zero() => self.diags.push(
                            err::bad_expectation(value.span, &msg!("check-name-divides-value", name = name.node)),
                        ),
                        Literal::Number(n) => case.params.push((p, parse_number(n))),
                        _ => self.diags.push(err::bad_expectation(value.span, &msg!("check-parameter-set-number"))),
                    }
                }
                ast::TestItem::Unit { base, record } => {
                    let mut json = match base {
                        Some(b) => match self.samples.get(&b.node) {
                            Some((j, _)) => j.clone(),
                            None => {
                                let names: Vec<String> = self.samples.keys().cloned().collect();
                                self.diags.push(err::unknown_sample(b.span, &b.node, &names));
                                continue;
                            }
                        },
                        None => Json::Object(Default::default()),
                    };
                    merge(&mut json, to_json(&record.node));
                    case.units.push(TestUnit { record: json, span: record.span, expect: Vec::new() });
                }
                ast::TestItem::Expect(exps) => {
                    let resolved: Vec<Expectation> = exps.iter().filter_map(|e| self.expectation(e)).collect();
                    match case.units.last_mut() {
                        Some(unit) => unit.expect.extend(resolved),
                        None => {
                            self.diags.push(err::bad_expectation(t.name.span, &msg!("check-must-follow-unit-record")))
                        }
                    }
                }
            }
        }
        if case.units.is_empty() {
            self.diags.push(err::bad_expectation(t.name.span, &msg!("check-test-has-no-unit-record")));
        }
        self.tests.push(case);
    }

    fn expectation(&mut self, e: &ast::Expectation) -> Option<Expectation> {
        let (name, key, approx, value) = match e {
            ast::Expectation::Error(code) => {
                return Some(Expectation::Error { code: code.node.clone(), span: code.span });
            }
            ast::Expectation::Value { name, key, approx, value } => (name, key, *approx, value),
        };
        if let Some((Symbol::Input(_) | Symbol::Param(_), _)) = self.names.get(&name.node) {
            let what = msg!("check-name-given-not-computed", name = name.node);
            self.diags.push(err::bad_expectation(name.span, &what));
            return None;
        }
        let Some((Symbol::Value(v), _)) = self.names.get(&name.node).copied() else {
            let names: Vec<String> = self.slots.iter().map(|s| s.name.clone()).collect();
            self.diags.push(err::unknown_name(name.span, &name.node, "value", &names));
            return None;
        };
        let mut ty = self.slots[v].ty.clone()?;
        let key = match (key, &ty) {
            (Some(k), Ty::Map(keys, item)) => {
                let names = leaves_of(&self.indicators, *keys)
                    .into_iter()
                    .map(|n| self.indicators[n].name.clone())
                    .collect::<Vec<_>>();
                let Some(pos) = names.iter().position(|n| *n == k.node) else {
                    self.diags.push(err::unknown_key(k.span, &k.node, &name.node, &names));
                    return None;
                };
                ty = (**item).clone();
                Some(pos)
            }
            (None, Ty::Map(..)) | (Some(_), _) => {
                self.diags.push(err::bad_expectation(name.span, &msg!("check-name-one-entry")));
                return None;
            }
            (None, _) => None,
        };
        let expected = match (&ty, &value.node) {
            (Ty::Num(_), Literal::Number(n)) => Expected::Number(parse_number(n)),
            (Ty::Label(l), Literal::Word(w) | Literal::Text(w)) => {
                if !self.label_sets[*l].contains(w) {
                    let labels = self.label_sets[*l].clone();
                    self.diags.push(err::unknown_label(value.span, w, &labels));
                    return None;
                }
                Expected::Label(w.clone())
            }
            (Ty::Bool, Literal::Bool(b)) => Expected::Bool(*b),
            (Ty::Optional(_), Literal::None) => Expected::Absent,
            (Ty::Optional(inner), Literal::Number(n)) if matches!(**inner, Ty::Num(_)) => {
                Expected::Number(parse_number(n))
            }
            (t, _) => {
                let what = msg!("check-name-is", name = name.node, found = err::ty_words(t));
                self.diags.push(err::bad_expectation(value.span, &what));
                return None;
            }
        };
        let approx = match (&value.node, approx) {
            (Literal::Number(n), true) => Some(approx_places(n)),
            _ => None,
        };
        Some(Expectation::Value { value: v, key, approx, expected, span: value.span })
    }
}

/// The places `≈` rounds the exact fraction to: those written, counted in the unit written, so
/// `≈ 76.67%` (hundredths of a percent) compares the fraction to 4 places, `≈ 0.7667` to 4.
fn approx_places(n: &str) -> u32 {
    let (number, percent) = match n.strip_suffix('%') {
        Some(n) => (n, true),
        None => (n.trim_end_matches(['分', 't']).trim_end_matches('p'), false),
    };
    let written = number.split('.').nth(1).map_or(0, |d| d.chars().filter(char::is_ascii_digit).count() as u32);
    if percent { written + 2 } else { written }
}

fn parse_number(s: &str) -> Number {
    // The parser has already read every written number exactly.
    ast::literal_number(s).map(Number::from_decimal).unwrap_or(Number::ZERO)
}

/// A literal as the JSON a data file would hold.
pub fn to_json(l: &Literal) -> Json {
    match l {
        Literal::Number(n) => {
            ast::literal_number(n).and_then(|d| serde_json::from_str(&d.to_string()).ok()).unwrap_or(Json::Null)
        }
        Literal::Text(s) | Literal::Word(s) => Json::String(s.clone()),
        Literal::Bool(b) => Json::Bool(*b),
        Literal::None => Json::Null,
        Literal::List(items) => Json::Array(items.iter().map(|i| to_json(&i.node)).collect()),
        Literal::Object(entries) => {
            Json::Object(entries.iter().map(|(k, v)| (k.node.clone(), to_json(&v.node))).collect())
        }
    }
}

/// `over` on top of `base`: objects merge key by key, `无` (null) removes a key, anything
/// else replaces.
pub fn merge(base: &mut Json, over: Json) {
    match (base, over) {
        (Json::Object(b), Json::Object(o)) => {
            for (k, v) in o {
                match (b.get_mut(&k), v) {
                    (Some(_), Json::Null) => {
                        b.shift_remove(&k);
                    }
                    (Some(slot), v) => merge(slot, v),
                    (None, Json::Null) => {}
                    (None, v) => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, o) => *b = o,
    }
}

#[cfg(test)]
mod tests {
    use super::approx_places;

    #[test]
    fn approximate_places_count_in_the_unit_written() {
        assert_eq!(approx_places("0.7667"), 4);
        assert_eq!(approx_places("76.67%"), 4);
        assert_eq!(approx_places("14.375%"), 5);
        assert_eq!(approx_places("50%"), 2);
        assert_eq!(approx_places("45.67分"), 2);
        assert_eq!(approx_places("3"), 0);
    }
}
