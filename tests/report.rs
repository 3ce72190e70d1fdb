//! `jixiao report`: one self-contained HTML page per run. Each shipped regulation's report has
//! every department in its table and a section of its own with its explanation, the page
//! fetches nothing, says which parameters the run set, and a run of more departments than a
//! page can hold is summarised. tests/report_browser.rs opens the pages in Chromium.

mod common;

use std::path::PathBuf;

use common::{Run, jixiao, manifest};
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

const SHIPPED: [(&str, &str); 3] = [
    ("jiangsu-2011", "examples/jiangsu-2011/departments.json"),
    ("sichuan-2014", "examples/sichuan-2014/departments.json"),
    ("information-security", "examples/information-security/units.json"),
];

/// Where the tests write their pages (kept for a person to look at).
fn out(name: &str) -> PathBuf {
    let dir = manifest().join("target/report-tests");
    std::fs::create_dir_all(&dir).expect("the folder");
    dir.join(name)
}

fn report(regulation: &str, data: &str, page: &str, extra: &[&str]) -> (Run, String) {
    let path = out(page);
    let _ = std::fs::remove_file(&path);
    let reg = format!("regulations/{regulation}.jx");
    let mut args = vec!["report", &reg, data, "-o", path.to_str().expect("a UTF-8 path")];
    if !extra.contains(&"--date") {
        args.extend(["--date", "2026-12-01"]);
    }
    args.extend_from_slice(extra);
    let run = jixiao(&args);
    let html = std::fs::read_to_string(&path).unwrap_or_default();
    (run, html)
}

/// Every department's results, as `eval --format json` gives them.
fn results(regulation: &str, data: &str, extra: &[&str]) -> Vec<Json> {
    let reg = format!("regulations/{regulation}.jx");
    let mut args = vec!["eval", &reg, data, "--format", "json"];
    args.extend_from_slice(extra);
    let run = jixiao(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Json = serde_json::from_str(&run.stdout).expect("JSON");
    doc["results"].as_array().expect("results").clone()
}

/// The section of the department whose heading is `name`.
fn section<'a>(html: &'a str, name: &str) -> &'a str {
    let heading = format!("<h3>{name}</h3>");
    let at = html.find(&heading).unwrap_or_else(|| panic!("no section for {name}"));
    let start = html[..at].rfind("<section").expect("a section");
    let end = at + html[at..].find("</section>").expect("its end");
    &html[start..end]
}

/// What would make the page fetch something, or need more than itself.
fn fetches(html: &str) -> Vec<String> {
    let svg_namespace = "http://www.w3.org/2000/svg";
    let mut found: Vec<String> = ["src=", "<link", "@import", "url(", "<iframe", "fetch(", "XMLHttpRequest"]
        .iter()
        .filter(|w| html.contains(*w))
        .map(|w| w.to_string())
        .collect();
    for scheme in ["http://", "https://", "//cdn"] {
        found.extend(html.match_indices(scheme).map(|(i, _)| html[i..].chars().take(40).collect::<String>()));
    }
    found.retain(|f| !f.starts_with(svg_namespace));
    found
}

#[test]
fn every_department_has_its_row_and_section_in_its_regulations_report() {
    for (regulation, data) in SHIPPED {
        let (run, html) = report(regulation, data, &format!("{regulation}.html"), &[]);
        assert_eq!(run.code, 0, "{regulation}: {}", run.stderr);
        let results = results(regulation, data, &[]);
        assert!(results.len() >= 10);
        for r in &results {
            let name = r["department"].as_str().expect("a name");
            let section = section(&html, name);
            let anchor = section.split("id=\"").nth(1).and_then(|s| s.split('"').next()).expect("an anchor");
            assert!(html.contains(&format!("<a href=\"#{anchor}\">{name}</a>")), "{regulation}: {name} has no row");
            let score = r["score"].as_str().expect("a score");
            assert!(section.contains(score), "{regulation}: {name}'s section lacks its score {score}");
            if let Some(grade) = r["grade"].as_str() {
                assert!(section.contains(grade), "{regulation}: {name}'s section lacks its grade");
            }
            for part in ["计算过程", "失分情况", "class=\"chart breakdown\"", "<ul class=\"tree\">", "引用条文"]
            {
                assert!(section.contains(part), "{regulation}: {name}'s section lacks {part}");
            }
        }
        assert_eq!(html.matches("<section class=\"department").count(), results.len(), "{regulation}");
        // A breakdown per department, a grade chart per group and the histogram.
        assert!(html.matches("<svg").count() > results.len() + 1, "{regulation}");
        assert_eq!(fetches(&html), Vec::<String>::new(), "{regulation}: the page must need nothing but itself");
        let digest: String = Sha256::digest(std::fs::read(manifest().join(data)).expect("the data"))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        for part in
            [digest.as_str(), "评估日期：2026-12-01", "<html lang=\"zh-CN\">", "@media print", "break-before: page"]
        {
            assert!(html.contains(part), "{regulation}: the page lacks {part}");
        }
    }
}

/// A department's section explains its score as `explain` does: every step of the tree.
#[test]
fn a_section_holds_the_departments_explanation() {
    let (regulation, data) = SHIPPED[0];
    let (_, html) = report(regulation, data, "explained.html", &[]);
    let name = results(regulation, data, &[])[3]["department"].as_str().expect("a name").to_string();
    let reg = format!("regulations/{regulation}.jx");
    let run = jixiao(&["--lang", "zh", "explain", &reg, data, "-d", &name, "--format", "json"]);
    let explanation: Json = serde_json::from_str(&run.stdout).expect("JSON");
    let section = section(&html, &name);
    fn names(step: &Json, out: &mut Vec<String>) {
        out.push(step["name"].as_str().unwrap_or_default().to_string());
        step["children"].as_array().into_iter().flatten().for_each(|c| names(c, out));
    }
    let mut steps = Vec::new();
    explanation["steps"].as_array().expect("steps").iter().for_each(|s| names(s, &mut steps));
    assert!(steps.len() > 20);
    for step in steps {
        assert!(section.contains(&format!("<span class=\"step-name\">{step}</span>")), "{name}: no step {step}");
    }
    for article in explanation["articles"].as_object().expect("articles").keys() {
        assert!(section.contains(&format!("<dt>{article}</dt>")), "{name}: article {article} is not cited");
    }
}

#[test]
fn parameters_the_run_set_are_shown_as_set() {
    let (regulation, data) = SHIPPED[0];
    let (run, html) = report(regulation, data, "set.html", &["--set", "优秀线=92"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        html.contains(
            "<tr class=\"set\"><td>优秀线</td><td class=\"num\">92</td><td class=\"num\">90</td><td>本次设定"
        ),
        "the set parameter is not marked"
    );
    assert!(html.contains("<tr><td>良好线</td><td class=\"num\">80</td><td class=\"num\">80</td>"));
    // The cut-off drawn is the run's.
    assert!(html.contains("优秀 92.00") && !html.contains("优秀 90.00"));
    let top = results(regulation, data, &["--set", "优秀线=92"]).iter().filter(|r| r["grade"] == "优秀").count();
    assert_eq!(html.matches("<span class=\"grade\" data-sort=\"0\">优秀</span>").count(), top);
}

#[test]
fn a_report_is_in_english_on_request() {
    let (regulation, data) = SHIPPED[1];
    let (run, html) = report(regulation, data, "english.html", &["--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for part in ["<html lang=\"en\">", "Evaluated on: 2026-12-01", "How the score was computed", "Parameters"] {
        assert!(html.contains(part), "no {part}");
    }
    for chinese in ["评估日期", "计算过程", "失分情况", "返回结果表"] {
        assert!(!html.contains(chinese), "{chinese} in an English report");
    }
}

/// More departments than a page can hold: the highest and lowest of each group, the charts,
/// no section per department, and a note saying so.
#[test]
fn a_run_of_many_departments_is_summarised() {
    let text = std::fs::read_to_string(manifest().join(SHIPPED[1].1)).expect("the example");
    let examples: Vec<Json> = serde_json::from_str(&text).expect("JSON");
    let path = out("many.jsonl");
    let mut lines = String::new();
    for k in 0..1_050 {
        let mut record = examples[k % examples.len()].clone();
        record["部门"] = Json::String(format!("部门{k:04}"));
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    std::fs::write(&path, lines).expect("written");
    let (run, html) = report(SHIPPED[1].0, path.to_str().expect("UTF-8"), "many.html", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1050"), "{}", run.stderr);
    assert!(html.contains("共 1050 个单位：本报告只列出每组得分最高和最低的各 20 个单位"));
    assert!(html.contains("中间另有 1010 个单位"));
    assert!(!html.contains("<section class=\"department"));
    assert_eq!(html.matches("<tr class=\"g").count(), 40);
    assert!(html.contains("class=\"chart histogram\""));
    assert!(html.len() < 300_000, "{} bytes", html.len());
}

#[test]
fn usage_errors_and_bad_data_leave_no_page() {
    let (regulation, data) = SHIPPED[0];
    let (run, html) = report(regulation, data, "bad-date.html", &["--date", "2026-13-01"]);
    assert_eq!((run.code, html.is_empty()), (2, true), "{}", run.stderr);
    assert!(run.stderr.contains("E0922"), "{}", run.stderr);
    let (run, _) = report(regulation, data, "bad-set.html", &["--set", "优秀线=很高"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = jixiao(&["report", "regulations/jiangsu-2011.jx", data, "-o", data]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("E0907"), "{}", run.stderr);
    let broken = out("broken.json");
    std::fs::write(&broken, r#"[{"部门": "省财政厅", "类别": "经济管理和市场监管"}]"#).expect("written");
    let (run, html) = report(regulation, broken.to_str().expect("UTF-8"), "broken.html", &[]);
    assert_eq!((run.code, html.is_empty()), (1, true), "{}", run.stderr);
}

/// The page's text for the Sichuan example (charts and all sections but the first left out),
/// so that a change to what a report says is seen and reviewed.
#[test]
fn the_page_reads_as_reviewed() {
    let (regulation, data) = SHIPPED[1];
    let (_, html) = report(regulation, data, "snapshot.html", &[]);
    let mut kept = String::new();
    let mut rest = html.as_str();
    let mut sections = 0;
    while let Some(at) = rest.find("<svg") {
        kept.push_str(&rest[..at]);
        kept.push_str("<svg>…</svg>");
        rest = rest[at..].split_once("</svg>").map_or("", |(_, after)| after);
    }
    kept.push_str(rest);
    let mut page = String::new();
    for (k, part) in kept.split("<section class=\"department").enumerate() {
        if k == 0 || k == 1 {
            page.push_str(if k == 1 { "<section class=\"department" } else { "" });
            page.push_str(part);
        } else {
            sections += 1;
        }
    }
    assert!(sections > 10);
    insta::assert_snapshot!(page);
}

/// `-o -` prints the page; the data's list files (CSV) are named with their checksums, so that
/// a changed list file shows in the header.
#[test]
fn a_page_printed_and_csv_list_files_checksummed() {
    let (regulation, data) = SHIPPED[0];
    let run = jixiao(&["report", &format!("regulations/{regulation}.jx"), data, "-o", "-", "--date", "2026-12-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("<!DOCTYPE html>") && run.stdout.contains("省财政厅"));
    assert!(!manifest().join("-").exists());
    let csv = out("csv-data.csv");
    let run = jixiao(&["convert", &format!("regulations/{regulation}.jx"), data, "-o", csv.to_str().expect("UTF-8")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (run, html) = report(regulation, csv.to_str().expect("UTF-8"), "csv.html", &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lists = ["csv-data.职能工作.csv", "csv-data.督促检查扣分.csv"];
    for name in std::iter::once("csv-data.csv").chain(lists) {
        let bytes = std::fs::read(out(name)).expect("written by convert");
        let digest: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        let line = html.lines().find(|l| l.contains(&format!("{name}<")) || l.contains(&format!("{name}（")));
        assert!(
            line.is_some_and(|l| l.contains(&format!("SHA-256 校验值：<code>{digest}</code>"))),
            "{name}: {line:?}"
        );
    }
}

/// A department whose score is not the sum of its parts (the veto of 一票否决) says so under
/// its chart; deductions that took nothing are not listed as taking effect.
#[test]
fn a_veto_and_rules_that_took_nothing_are_shown_as_they_are() {
    let (regulation, data) = SHIPPED[2];
    let (_, html) = report(regulation, data, "veto.html", &[]);
    let vetoed = section(&html, "省国土资源厅");
    assert!(
        vetoed.contains("以上各部分合计 86.00，但总分为 0.00：总分 = 如果 一票否决 则 0分 否则 检查得分。"),
        "{vetoed}"
    );
    assert!(!section(&html, "省财政厅").contains("以上各部分合计"));
    assert!(!html.contains("：−0.00</li>") && !html.contains("：+0.00</li>"));
    assert!(html.contains("：−3.00"), "a deduction that took effect is listed");
}

/// A grade given by another value than the score: its cut-offs are not drawn on the score's
/// histogram. No departments: the page says so.
#[test]
fn cut_offs_only_on_the_scores_axis_and_an_empty_run_says_so() {
    let regulation = out("other.jx");
    std::fs::write(
        &regulation,
        "办法 \"等次另据一值\"\n输入 部门：文本\n输入 得分：分数 0 至 100\n输入 满意度：分数 0 至 100\n\
         计算 总分 = 得分 保留 2 位\n计算 评价 = 满意度 保留 2 位\n等次 等次 按 评价 { 好 ≥ 80；差 < 80 }\n\
         排名 排名 按 总分\n公布 { 单位：部门；得分：总分；等次：等次；排名：排名 }\n",
    )
    .expect("written");
    let data = out("other.json");
    std::fs::write(&data, r#"[{"部门": "甲", "得分": 95, "满意度": 50}, {"部门": "乙", "得分": 40, "满意度": 99}]"#)
        .expect("written");
    let page = out("other.html");
    let run = jixiao(&["report", regulation.to_str().unwrap(), data.to_str().unwrap(), "-o", page.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(html.contains("class=\"chart histogram\"") && !html.contains("好 80.00"));
    // What the next grade needs is counted on the value the grade is given by (评价 50 → 80).
    assert!(section(&html, "甲").contains("现为“差”（95.00），距“好”还差 30.00 分"), "{}", section(&html, "甲"));
    std::fs::write(&data, "[]").expect("written");
    let run = jixiao(&["report", regulation.to_str().unwrap(), data.to_str().unwrap(), "-o", page.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(html.contains("数据中没有单位。") && !html.contains("点击列标题"));
}

/// The page is Chinese by default, but messages follow the user's locale.
#[test]
fn messages_follow_the_locale_while_the_page_is_chinese() {
    let (regulation, data) = SHIPPED[0];
    let page = out("locale.html");
    let reg = format!("regulations/{regulation}.jx");
    let run = common::jixiao_in_locale("C.UTF-8", &["report", &reg, data, "-o", page.to_str().unwrap(), "--date", "x"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--date x: not a date"), "{}", run.stderr);
    let run = common::jixiao_in_locale(
        "zh_CN.UTF-8",
        &["report", &reg, data, "-o", page.to_str().unwrap(), "--date", "2026-12-01T08:00"],
    );
    assert!(run.stderr.contains("不是日期"), "{}", run.stderr);
    let run = common::jixiao_in_locale("C.UTF-8", &["report", &reg, data, "-o", page.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read_to_string(&page).expect("the page").contains("<html lang=\"zh-CN\">"));
}

/// The text of each cell of each row of the page's result tables (tags left out).
fn table_rows(html: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let text = |cell: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for c in cell.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.trim().to_string()
    };
    let mut rows = Vec::new();
    for table in html.split("<table class=\"results\">").skip(1) {
        let table = table.split("</table>").next().unwrap_or_default();
        let header: Vec<String> = table.split("<th ").skip(1).map(|h| text(&format!("<th {h}"))).collect();
        let body = table.split("<tbody>").nth(1).unwrap_or_default();
        for row in body.split("<tr").skip(1) {
            let cells = row.split("<td").skip(1).map(|c| text(&format!("<td{c}"))).collect();
            rows.push((header.clone(), cells));
        }
    }
    rows
}

/// Every row of the page's tables says what `eval` says of its department: rank, score and
/// grade.
#[test]
fn the_tables_agree_with_eval() {
    for (regulation, data) in SHIPPED {
        let (_, html) = report(regulation, data, &format!("{regulation}-rows.html"), &[]);
        let results = results(regulation, data, &[]);
        let rows = table_rows(&html);
        assert_eq!(rows.len(), results.len(), "{regulation}");
        for (header, cells) in rows {
            let column = |title: &str| header.iter().position(|h| h == title).map(|k| cells[k].as_str());
            let unit = cells.iter().find(|c| results.iter().any(|r| r["department"] == **c));
            let name = unit.unwrap_or_else(|| panic!("{regulation}: a row without a department: {cells:?}"));
            let r = results.iter().find(|r| r["department"] == **name).expect("evaluated");
            if let Some(rank) = r["rank"].as_i64() {
                assert_eq!(column("排名"), Some(rank.to_string().as_str()), "{regulation}: {name}'s rank");
            }
            assert!(cells.contains(&r["score"].as_str().expect("a score").to_string()), "{regulation}: {name}'s score");
            if let Some(grade) = r["grade"].as_str() {
                assert!(cells.iter().any(|c| c == grade), "{regulation}: {name}'s grade");
            }
        }
    }
}

/// A weighted score has no breakdown (its parts are not added); groups come in the order the
/// regulation declares them, in the tables and the sections alike; a rank named otherwise
/// still sorts from the first; data piped in is read once.
#[test]
fn weights_declared_groups_and_piped_data() {
    let regulation = out("weighted.jx");
    std::fs::write(
        &regulation,
        "办法 \"加权\"\n输入 部门：文本\n输入 类：之一 { 乙类，甲类 }\n输入 甲：分数 0 至 100\n输入 乙：分数 0 至 100\n\
         计算 甲分 = 甲\n计算 乙分 = 乙\n计算 总分 = 甲分 × 60% + 乙分 × 40% 保留 2 位\n\
         等次 等次 按 总分 { 好 ≥ 80；差 < 80 }\n排名 名次 按 总分 分组 类\n\
         公布 { 单位：部门；得分：总分；等次：等次；类别：类；排名：名次 }\n",
    )
    .expect("written");
    let data = r#"[{"部门": "一", "类": "甲类", "甲": 90, "乙": 80}, {"部门": "二", "类": "乙类", "甲": 70, "乙": 75},
                   {"部门": "三", "类": "甲类", "甲": 50, "乙": 100}]"#;
    let page = out("weighted.html");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["report", regulation.to_str().unwrap(), "/dev/stdin", "-o", page.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("jixiao");
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(data.as_bytes()).expect("piped");
    let done = child.wait_with_output().expect("done");
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(!html.contains("class=\"chart breakdown\"") && !html.contains("以上各部分合计"));
    let (tables, sections) = (html.find("<h3>乙类</h3>").expect("乙类"), html.find("<h3>甲类</h3>").expect("甲类"));
    assert!(tables < sections, "groups as declared");
    let order: Vec<usize> =
        ["<h3>二</h3>", "<h3>一</h3>", "<h3>三</h3>"].iter().map(|h| html.find(h).expect(h)).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "sections as the tables: {order:?}");
    assert!(html.contains("<th data-first=\"up\">排名</th>"));
    assert!(html.contains("SHA-256 校验值：<code>—</code>"));
}

/// A Chinese page has no English word in what it shows (styles, script and chart markup are
/// not shown; chart labels are, and are checked).
#[test]
fn a_chinese_page_shows_no_english() {
    const ALLOWED: &[&str] = &["SHA", "json", "jx", "jixiao", "explain", "CPU", "IP", "MAC"];
    for (regulation, data) in SHIPPED {
        let (_, html) = report(regulation, data, &format!("{regulation}-words.html"), &[]);
        let mut shown = html.clone();
        // Checksums are hex digits, and entities (`&lt;`) are characters.
        for (open, close) in [("<style>", "</style>"), ("<script>", "</script>"), ("<code>", "</code>"), ("&", ";")] {
            while let Some(at) = shown.find(open) {
                let end = shown[at..].find(close).map_or(shown.len(), |e| at + e + close.len());
                shown.replace_range(at..end, " ");
            }
        }
        let mut text = String::new();
        let mut in_tag = false;
        for c in shown.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    text.push(' ');
                }
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let mut words: Vec<&str> = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2 && !ALLOWED.contains(w) && !data.contains(*w))
            .collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words, Vec::<&str>::new(), "{regulation}: English in the Chinese page");
    }
}
