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
use crate::lang::{chinese, tr};
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
            colon: tr(": ", "："),
            open: tr(" (", "（"),
            close: tr(")", "）"),
            report: tr("Evaluation results", "考核结果"),
            doc_number: tr("Document number", "文号"),
            issuer: tr("Issued by", "发布机关"),
            issued: tr("Issued", "印发"),
            effective: tr("In force from", "施行"),
            date: tr("Evaluated on", "评估日期"),
            parameters: tr("Parameters", "参数"),
            parameter: tr("Parameter", "参数"),
            value: tr("Value", "取值"),
            default: tr("Default", "默认值"),
            set_here: tr("set for this run", "本次设定"),
            notes: tr("Notes", "说明"),
            no_parameters: tr("This regulation has no parameters.", "本办法没有参数。"),
            data: tr("Data", "数据"),
            checksum: tr("SHA-256", "SHA-256 校验值"),
            departments: tr("departments", "个单位"),
            results: tr("Results", "结果"),
            all: tr("All", "全部"),
            grades: tr("Grades", "等次分布"),
            scores: tr("Scores", "得分分布"),
            sort_hint: tr("Click a column's title to sort by it.", "点击列标题可按该列排序。"),
            department_sections: tr("Departments", "各单位详情"),
            show: tr("Show", "展开"),
            hide: tr("Hide", "收起"),
            show_all: tr("Show all", "全部展开"),
            hide_all: tr("Hide all", "全部收起"),
            no_departments: tr("The data has no departments.", "数据中没有单位。"),
            breakdown: tr("Score by part, against the most each part gives", "得分构成（与各部分满分对照）"),
            explanation: tr("How the score was computed", "计算过程"),
            limits: tr(
                "Deductions, bonuses, caps, floors and rounding that took effect",
                "起作用的扣分、加分、封顶、保底与取舍",
            ),
            losses: tr("Where points were lost", "失分情况"),
            articles: tr("Articles cited", "引用条文"),
            back: tr("Back to the table", "返回结果表"),
            none: tr("None.", "无。"),
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
