//! How strong the shipped regulations' embedded tests (测试) are: every number written in the
//! rules of a regulation (a weight, points, a cap, a threshold, a rating factor, a limit, a
//! default, rounding places …) is changed on its own — plus one, minus one, doubled — and the
//! file's own test cases must notice (the mutant is refused by the checker, or a case fails).
//!
//! A mutant that no case notices and that changes nothing either — the same output on the
//! example data and on every test case's records — has no effect and is not counted. The score
//! is caught ÷ (caught + survived); survivors are listed with where they were written.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use jixiao::diagnostic::Diagnostic;
use jixiao::program::Program;
use jixiao::source::{SourceFile, Span};
use jixiao::syntax::ast::{DataType, Decl, Expr, ExprNode, IndicatorNode, Literal, TypeBody, TypeLimit, WholeBand};
use jixiao::{cases, eval, output};
use rust_decimal::Decimal;

/// The share of effective single-number changes the embedded tests must catch.
const REQUIRED: f64 = 0.95;

/// The line that starts a regulation's samples and test cases; every mutated number is above it.
const TEST_MARKER: &str = "# ---------------------------------------------------------------- 测试";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A number written in the rules: the bytes of its digits and the value they write.
struct Site {
    digits: Span,
    value: Decimal,
}

/// Every number in the rules: the declarations other than samples, tests, article texts and
/// the header, walked through every formula, cap, floor, rounding, limit and default.
fn sites(source: &SourceFile) -> Vec<Site> {
    let file = jixiao::syntax::parse(source).unwrap_or_else(|e| panic!("{}", render(&e)));
    let mut found = Vec::new();
    for decl in &file.decls {
        match &decl.node {
            Decl::Header(_) | Decl::Article(_) | Decl::Publish(_) | Decl::Sample(_) | Decl::Test(_) => {}
            Decl::Scale(scale) => scale.levels.iter().for_each(|l| expr(&l.factor, &mut found)),
            Decl::Indicator(tree) => indicator(tree, &mut found),
            Decl::Input(input) => {
                data_type(&input.ty, &mut found);
                if let Some(default) = &input.default {
                    literal(&default.node, default.span, &mut found);
                }
            }
            Decl::Param(param) => expr(&param.value, &mut found),
            Decl::Let(l) => {
                l.formulas().into_iter().for_each(|e| expr(e, &mut found));
                if let Some(r) = &l.rounding {
                    found.push(Site { digits: r.places.span, value: Decimal::from(r.places.node) });
                }
            }
            Decl::Require(require) => expr(&require.condition, &mut found),
            Decl::Grade(grade) => {
                expr(&grade.subject, &mut found);
                for band in &grade.bands {
                    band.lower.iter().chain(&band.upper).for_each(|b| expr(&b.value, &mut found));
                    let cutoffs = match &band.whole {
                        Some(WholeBand::Range(a, b)) => vec![a, b],
                        Some(WholeBand::Above(a) | WholeBand::Below(a)) => vec![a],
                        None => vec![],
                    };
                    found.extend(cutoffs.into_iter().map(|c| Site { digits: c.span, value: c.node }));
                }
            }
            Decl::Rank(rank) => expr(&rank.by, &mut found),
        }
    }
    // Nodes the parser makes up have no place in the text.
    found.retain(|s| s.digits.start < s.digits.end);
    found.sort_by_key(|s| s.digits.start);
    found.dedup_by_key(|s| s.digits.start);
    for site in &mut found {
        site.digits = digits_of(source, site.digits);
    }
    found
}

fn indicator(node: &IndicatorNode, found: &mut Vec<Site>) {
    node.points.iter().chain(&node.weight).for_each(|e| expr(e, found));
    node.children.iter().for_each(|c| indicator(c, found));
}

fn data_type(ty: &DataType, found: &mut Vec<Site>) {
    for limit in &ty.limits {
        match limit {
            TypeLimit::NonEmpty(_) => {}
            TypeLimit::Items(a, b) | TypeLimit::Range(a, b) => {
                expr(a, found);
                expr(b, found);
            }
            TypeLimit::Bound(_, bound) => expr(bound, found),
        }
    }
    match &ty.body {
        TypeBody::List(item) | TypeBody::Each { item, .. } => data_type(item, found),
        TypeBody::Record(fields) => fields.iter().for_each(|(_, t)| data_type(t, found)),
        TypeBody::Tally(_)
        | TypeBody::OneOf(_)
        | TypeBody::Text
        | TypeBody::Count
        | TypeBody::Score
        | TypeBody::Number
        | TypeBody::YesNo
        | TypeBody::Percent
        | TypeBody::Named(_) => {}
    }
}

fn literal(lit: &Literal, span: Span, found: &mut Vec<Site>) {
    match lit {
        Literal::Number(text) => {
            let value = Decimal::from_str(&ascii_digits(text)).unwrap_or_else(|e| panic!("number {text:?}: {e}"));
            found.push(Site { digits: span, value });
        }
        Literal::List(items) => items.iter().for_each(|i| literal(&i.node, i.span, found)),
        Literal::Object(fields) => fields.iter().for_each(|(_, v)| literal(&v.node, v.span, found)),
        Literal::Text(_) | Literal::Word(_) | Literal::Bool(_) | Literal::None => {}
    }
}

fn expr(e: &ExprNode, found: &mut Vec<Site>) {
    match &e.node {
        Expr::Quantity { value, .. } => found.push(Site { digits: e.span, value: *value }),
        Expr::Call { args, .. } => args.iter().for_each(|a| expr(a, found)),
        Expr::Unary { operand, .. } => expr(operand, found),
        Expr::Binary { lhs, rhs, .. } => {
            expr(lhs, found);
            expr(rhs, found);
        }
        Expr::If { condition, then, otherwise } => {
            expr(condition, found);
            expr(then, found);
            expr(otherwise, found);
        }
        Expr::Match { subject, arms } => {
            expr(subject, found);
            arms.iter().for_each(|(_, arm)| expr(arm, found));
        }
        Expr::Path { .. } | Expr::Nothing | Expr::Bool(_) => {}
    }
}

/// The part of a quantity's span that is its number (`60分` → `60`, `10%` → `10`, `-1` → `-1`).
fn digits_of(source: &SourceFile, span: Span) -> Span {
    let text = source.slice(span);
    let len: usize = text
        .char_indices()
        .take_while(|&(i, c)| is_digit(c) || c == '.' || c == '．' || (i == 0 && (c == '-' || c == '−')))
        .map(|(_, c)| c.len_utf8())
        .sum();
    Span::new(span.start, span.start + len)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Full-width digits and points as ASCII, for `Decimal::from_str`.
fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '−' => '-',
            c => c,
        })
        .collect()
}

/// The changed spellings of one number: plus one, minus one, doubled (a percentage's digits:
/// `10%` → `11%`, `9%`, `20%`), without repeats or the original.
fn mutations(original: &str, value: Decimal) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in [value + Decimal::ONE, value - Decimal::ONE, value * Decimal::TWO] {
        let text = v.normalize().to_string();
        let same = Decimal::from_str(&ascii_digits(original)).is_ok_and(|o| o == v);
        if !same && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

fn render(diagnostics: &[Diagnostic]) -> String {
    jixiao::diagnostic::render_all(diagnostics, false)
}

/// Everything the regulation says about the example data and about every test case's records,
/// as published (the contract's JSON, or the codes a record is refused with).
fn fingerprint(program: &Program, data: &str) -> String {
    let mut out = String::new();
    let codes = |errors: &[Diagnostic]| errors.iter().map(|d| d.code).collect::<Vec<_>>().join(",");
    let params = eval::parameters(program, &[]);
    match jixiao::data::record::parse_json(program, "departments.json", data) {
        Ok(records) => match eval::evaluate(program, &records, &params) {
            Ok(results) => {
                let inputs: Vec<&[eval::Value]> = records.iter().map(|r| r.inputs.as_slice()).collect();
                out.push_str(&output::json(program, &results, &inputs));
            }
            Err(errors) => out.push_str(&codes(&errors)),
        },
        Err(errors) => out.push_str(&codes(&errors)),
    }
    for case in &program.tests {
        let params = eval::parameters(program, &case.params);
        let mut records = Vec::new();
        for unit in &case.units {
            match jixiao::data::record::read_record(program, &unit.record, "unit") {
                Ok(record) => {
                    let errors = eval::requirement_errors(program, &record, &params);
                    if errors.is_empty() {
                        records.push(record);
                    } else {
                        let _ = writeln!(out, "refused {}", codes(&errors));
                    }
                }
                Err(errors) => {
                    let _ = writeln!(out, "refused {}", codes(&errors));
                }
            }
        }
        match eval::evaluate(program, &records, &params) {
            Ok(results) => {
                let inputs: Vec<&[eval::Value]> = records.iter().map(|r| r.inputs.as_slice()).collect();
                out.push_str(&output::json(program, &results, &inputs));
            }
            Err(errors) => out.push_str(&codes(&errors)),
        }
    }
    out
}

enum Verdict {
    /// The checker refuses the changed regulation.
    Refused,
    /// A test case fails.
    Failed,
    /// The checker or the interpreter panics: `jixiao test` fails, but the crash is a bug of
    /// its own, listed.
    Crashed,
    Survived,
    NoEffect,
}

fn judge(name: &str, text: &str, data: &str, baseline: &str) -> Verdict {
    let run = catch_unwind(AssertUnwindSafe(|| {
        let Ok((program, _)) = jixiao::compile(&SourceFile::new(name, text)) else { return Verdict::Refused };
        if cases::run(&program).iter().any(|o| !o.passed()) {
            Verdict::Failed
        } else if fingerprint(&program, data) == baseline {
            Verdict::NoEffect
        } else {
            Verdict::Survived
        }
    }));
    run.unwrap_or(Verdict::Crashed)
}

struct Score {
    refused: usize,
    failed: usize,
    crashed: Vec<String>,
    survived: Vec<String>,
    no_effect: Vec<String>,
}

impl Score {
    fn ratio(&self) -> f64 {
        let caught = self.refused + self.failed + self.crashed.len();
        let judged = caught + self.survived.len();
        if judged == 0 { 1.0 } else { caught as f64 / judged as f64 }
    }
}

/// The example data of a regulation: the one JSON file in `examples/<stem>/` (`departments.json`,
/// `units.json` …).
fn example_data(stem: &str) -> PathBuf {
    let dir = manifest().join("examples").join(stem);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut json: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
    assert_eq!(json.len(), 1, "{}: expected one JSON data file, found {json:?}", dir.display());
    json.remove(0)
}

fn measure(file: &str) -> Score {
    let path = manifest().join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let stem = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or_else(|| panic!("{file}: no name"));
    let data_path = example_data(stem);
    let data = std::fs::read_to_string(&data_path).unwrap_or_else(|e| panic!("{}: {e}", data_path.display()));
    let source = SourceFile::new(file, text.as_str());

    let (program, _) = jixiao::compile(&source).unwrap_or_else(|e| panic!("{}", render(&e)));
    let outcomes = cases::run(&program);
    assert!(outcomes.iter().all(|o| o.passed()), "{file}: the unchanged regulation fails its own tests");
    let baseline = fingerprint(&program, &data);

    let marker = text.find(TEST_MARKER).unwrap_or_else(|| panic!("{file}: no line `{TEST_MARKER}`"));
    let sites = sites(&source);
    assert!(sites.len() >= 20, "{file}: only {} numbers found in the rules", sites.len());

    let mut score = Score { refused: 0, failed: 0, crashed: Vec::new(), survived: Vec::new(), no_effect: Vec::new() };
    for site in &sites {
        assert!(site.digits.end <= marker, "{file}: a rule's number below the test marker");
        let original = &text[site.digits.start..site.digits.end];
        let (line, col) = source.line_col(site.digits.start);
        let line_text = text.lines().nth(line - 1).unwrap_or("").trim();
        for mutant in mutations(original, site.value) {
            let changed = format!("{}{mutant}{}", &text[..site.digits.start], &text[site.digits.end..]);
            let what = format!("{line}:{col}  {original} → {mutant}  in `{line_text}`");
            match judge(file, &changed, &data, &baseline) {
                Verdict::Refused => score.refused += 1,
                Verdict::Failed => score.failed += 1,
                Verdict::Crashed => score.crashed.push(what),
                Verdict::Survived => score.survived.push(what),
                Verdict::NoEffect => score.no_effect.push(what),
            }
        }
    }

    println!("{file}: {} numbers in the rules", sites.len());
    println!(
        "caught {} ({} refused by the checker, {} by a failing test case, {} crashed), survived {}, no effect {}: \
         score {:.1}%",
        score.refused + score.failed + score.crashed.len(),
        score.refused,
        score.failed,
        score.crashed.len(),
        score.survived.len(),
        score.no_effect.len(),
        score.ratio() * 100.0
    );
    for (title, list) in [("survived", &score.survived), ("no effect", &score.no_effect), ("crashed", &score.crashed)] {
        if !list.is_empty() {
            println!("  {title}:");
            list.iter().for_each(|s| println!("    {s}"));
        }
    }
    score
}

fn assert_strong(file: &str) {
    let score = measure(file);
    assert!(
        score.ratio() >= REQUIRED,
        "{file}: the embedded tests catch {:.1}% of single-number changes (need {:.0}%); survivors:\n{}",
        score.ratio() * 100.0,
        REQUIRED * 100.0,
        score.survived.join("\n")
    );
}

#[test]
fn sichuan_tests_catch_changed_numbers() {
    assert_strong("regulations/sichuan-2014.jx");
}

#[test]
fn jiangsu_tests_catch_changed_numbers() {
    assert_strong("regulations/jiangsu-2011.jx");
}

#[test]
fn information_security_tests_catch_changed_numbers() {
    assert_strong("regulations/information-security.jx");
}

#[test]
fn mutations_change_the_written_digits() {
    assert_eq!(mutations("10", Decimal::from(10)), ["11", "9", "20"]);
    assert_eq!(mutations("0.5", Decimal::new(5, 1)), ["1.5", "-0.5", "1"]);
    assert_eq!(mutations("0", Decimal::ZERO), ["1", "-1"]);
    assert_eq!(mutations("1", Decimal::ONE), ["2", "0"]);
}
