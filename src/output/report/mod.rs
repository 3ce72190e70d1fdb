//! `jixiao report`: the results as one self-contained HTML page for the people who read them
//! (leaders, the departments, the 绩效办 writing the 通报): the regulation and the run's
//! parameters and data, the ranked table per group, charts of grades and scores, and a
//! section per department with its explanation, the articles it cites, the limits that took
//! effect and what the next grade needs. Nothing is fetched: styles, script and charts (SVG)
//! are in the file, and fonts are the system's. Made from `report.html` (minijinja).

mod charts;
mod view;

use serde::Serialize;

use crate::eval::{Record, UnitResult};
use crate::lang::{chinese, msg};
use crate::number::Number;
use crate::program::*;
use crate::review::results::{Outcome, grade_labels};

pub use view::MOST_DEPARTMENTS;

/// The data file a report was made from, as the report names it.
pub struct DataFile {
    /// Its name as given on the command line.
    pub name: String,
    /// SHA-256 of its bytes, in hex, so that a reader can tell which file it was.
    pub sha256: String,
}

/// One run, as the report shows it.
pub struct Run<'a> {
    pub program: &'a Program,
    /// The run's parameter values, by parameter; `overridden`: those `--set` gave.
    pub params: &'a [Number],
    pub overridden: &'a [ParamId],
    /// The data files read: the data, then (for CSV) the list files beside it.
    pub data: &'a [DataFile],
    /// The evaluation date, as printed (`2026-12-01`).
    pub date: &'a str,
    /// Every department's outcome, in the data's order.
    pub outcomes: &'a [Outcome],
    /// Every department's record and results, in the same order: given, the report has a
    /// section per department; `None` (too many departments) gives a summary.
    pub details: Option<(&'a [Record], &'a [UnitResult])>,
}

/// The page as HTML; `Err` says why it could not be made (a chart plotters refused, or the
/// template failing, neither of which data should cause).
pub fn html(run: &Run) -> Result<String, String> {
    let page = view::page(run)?;
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template("report.html", include_str!("report.html")).map_err(|e| e.to_string())?;
    let template = env.get_template("report.html").map_err(|e| e.to_string())?;
    template.render(minijinja::value::Serde(&page)).map_err(|e| format!("{e:#}"))
}

/// The page's words in the report's language (`labels.*` in the template).
#[derive(Serialize)]
struct Labels {
    lang: &'static str,
    /// After a label: `：` in Chinese, `: ` in English.
    colon: String,
    /// Brackets around an aside: `（…）` in Chinese, ` (…)` in English.
    open: String,
    close: String,
    report: String,
    doc_number: String,
    issuer: String,
    issued: String,
    effective: String,
    date: String,
    parameters: String,
    parameter: String,
    value: String,
    default: String,
    set_here: String,
    notes: String,
    no_parameters: String,
    data: String,
    checksum: String,
    departments: String,
    results: String,
    all: String,
    grades: String,
    scores: String,
    sort_hint: String,
    department_sections: String,
    show: String,
    hide: String,
    show_all: String,
    hide_all: String,
    no_departments: String,
    breakdown: String,
    explanation: String,
    limits: String,
    losses: String,
    articles: String,
    back: String,
    none: String,
    summarised: String,
}

impl Labels {
    fn new() -> Labels {
        Labels {
            lang: if chinese() { "zh-CN" } else { "en" },
            colon: msg!("colon"),
            open: msg!("paren-open"),
            close: msg!("paren-close"),
            report: msg!("output-evaluation-results"),
            doc_number: msg!("output-document-number"),
            issuer: msg!("report-issuer"),
            issued: msg!("report-issued"),
            effective: msg!("output-force"),
            date: msg!("output-evaluated"),
            parameters: msg!("output-parameters"),
            parameter: msg!("output-parameter"),
            value: msg!("output-value"),
            default: msg!("output-default"),
            set_here: msg!("output-set-run"),
            notes: msg!("output-notes"),
            no_parameters: msg!("output-regulation-has-no-parameters"),
            data: msg!("output-data"),
            checksum: msg!("output-sha-256"),
            departments: msg!("report-departments"),
            results: msg!("output-results"),
            all: msg!("output-all"),
            grades: msg!("report-grades"),
            scores: msg!("output-scores"),
            sort_hint: msg!("output-click-column-s-title-sort"),
            department_sections: msg!("report-department-sections"),
            show: msg!("output-show"),
            hide: msg!("output-hide"),
            show_all: msg!("output-show-all"),
            hide_all: msg!("output-hide-all"),
            no_departments: msg!("output-data-has-no-departments"),
            breakdown: msg!("output-score-part-against-most-each"),
            explanation: msg!("output-how-score-was-computed"),
            limits: msg!("output-deductions-bonuses-caps-floors-rounding"),
            losses: msg!("output-where-points-were-lost"),
            articles: msg!("output-articles-cited"),
            back: msg!("output-back-table"),
            none: msg!("report-none"),
            summarised: String::new(),
        }
    }
}

/// The grades of a program, best first, each with its colour (`#rrggbb`).
fn grade_colours(program: &Program) -> Vec<(String, String)> {
    let labels = grade_labels(program);
    let n = labels.len();
    labels.into_iter().enumerate().map(|(i, l)| (l, charts::css(charts::grade_colour(i, n)))).collect()
}
