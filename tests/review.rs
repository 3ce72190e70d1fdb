//! Reviewing a change: `jixiao diff` against separate `eval` runs, and the result snapshots of
//! `jixiao test` failing for every changed number of a shipped regulation.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{jixiao, jixiao_in_locale, manifest};
use serde_json::Value as Json;

const JIANGSU: &str = "regulations/jiangsu-2011.jx";
const JIANGSU_DATA: &str = "examples/jiangsu-2011/departments.json";
const SICHUAN: &str = "regulations/sichuan-2014.jx";
const SICHUAN_DATA: &str = "examples/sichuan-2014/departments.json";

/// A folder of its own under the system's temporary folder, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("jixiao-review-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `file` with `from` replaced by `to` (which must occur once), written to `dir`.
fn changed(file: &str, from: &str, to: &str, dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(manifest().join(file)).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from} in {file}");
    let path = dir.join(Path::new(file).file_name().unwrap());
    std::fs::write(&path, text.replace(from, to)).unwrap();
    path
}

/// Department → (score, grade, rank) of an `eval --format json` run.
fn evaluated(args: &[&str]) -> BTreeMap<String, (String, String, i64)> {
    let mut all = vec!["eval"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let run = jixiao(&all);
    assert_eq!(run.code, 0, "{}", run.text());
    let doc: Json = serde_json::from_str(&run.stdout).unwrap();
    doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let text = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (text("department"), (text("score"), text("grade"), r["rank"].as_i64().unwrap_or(0)))
        })
        .collect()
}

/// The JSON of a `jixiao diff` run.
fn diff_json(args: &[&str]) -> Json {
    let mut all = vec!["diff"];
    all.extend(args);
    all.extend(["--format", "json"]);
    let run = jixiao(&all);
    assert_eq!(run.code, 0, "{}", run.text());
    serde_json::from_str(&run.stdout).unwrap()
}

/// Checks a diff against two separate `eval` runs: every department's scores, grades and
/// ranks, the departments that change grade, and the transition matrix's counts.
fn agrees_with_two_runs(diff: &Json, old: &[&str], new: &[&str]) -> Vec<String> {
    let (before, after) = (evaluated(old), evaluated(new));
    let rows = diff["departments"].as_array().unwrap();
    assert_eq!(rows.len(), before.len());
    let mut regraded = Vec::new();
    for row in rows {
        let name = row["department"].as_str().unwrap();
        let (b, a) = (&before[name], &after[name]);
        assert_eq!(row["old"]["score"].as_str().unwrap(), b.0, "{name}");
        assert_eq!(row["new"]["score"].as_str().unwrap(), a.0, "{name}");
        assert_eq!((row["old"]["grade"].as_str().unwrap(), row["new"]["grade"].as_str().unwrap()), (&*b.1, &*a.1));
        assert_eq!((row["old"]["rank"].as_i64().unwrap(), row["new"]["rank"].as_i64().unwrap()), (b.2, a.2));
        if b.1 != a.1 {
            regraded.push(name.to_string());
        }
    }
    let expected: Vec<String> = before.iter().filter(|(n, b)| b.1 != after[*n].1).map(|(n, _)| n.clone()).collect();
    let mut sorted = regraded.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
    assert_eq!(diff["summary"]["grade_changed"].as_u64().unwrap() as usize, regraded.len());
    let counts: u64 = diff["transitions"]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r.as_array().unwrap())
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(counts as usize, before.len(), "the transition matrix counts every department once");
    regraded
}

#[test]
fn a_file_compared_with_itself_changes_nothing() {
    for (file, data) in [(JIANGSU, JIANGSU_DATA), (SICHUAN, SICHUAN_DATA)] {
        let d = diff_json(&[file, file, data]);
        assert_eq!(d["rules"]["changes"].as_array().unwrap().len(), 0);
        assert_eq!(d["rules"]["layout_only"], false);
        for key in ["grade_changed", "rank_changed", "score_changed"] {
            assert_eq!(d["summary"][key], 0, "{file} {key}");
        }
        agrees_with_two_runs(&d, &[file, data], &[file, data]);
        let text = jixiao(&["diff", file, file, data]);
        assert!(text.stdout.contains("none: the rules are the same"), "{}", text.stdout);
        assert!(text.stdout.contains("No department's score, grade or rank changed."), "{}", text.stdout);
    }
}

#[test]
fn comments_and_layout_are_told_apart_from_rules() {
    let dir = scratch("layout");
    let moved = changed(SICHUAN, "计算 特殊加分 =", "# 第十五条(一)\n计算   特殊加分 =", &dir);
    let run = jixiao(&["diff", SICHUAN, moved.to_str().unwrap(), SICHUAN_DATA]);
    assert!(run.stdout.contains("only comments or layout differ"), "{}", run.stdout);
}

/// The README's first worked example: Jiangsu's 优秀线 from 90 to 92, as a parameter and as
/// an edit of the file.
#[test]
fn raising_jiangsus_excellence_line_agrees_with_two_eval_runs() {
    let by_parameter = diff_json(&[JIANGSU, JIANGSU_DATA, "--vs", "优秀线=92"]);
    let regraded =
        agrees_with_two_runs(&by_parameter, &[JIANGSU, JIANGSU_DATA], &[JIANGSU, JIANGSU_DATA, "--set", "优秀线=92"]);
    assert!(!regraded.is_empty(), "some departments between 90 and 92 change grade");
    let change = &by_parameter["rules"]["changes"][0];
    assert_eq!((change["kind"].as_str(), change["name"].as_str()), (Some("parameter"), Some("优秀线")));

    let dir = scratch("jiangsu");
    let edited = changed(JIANGSU, "参数 优秀线 = 90", "参数 优秀线 = 92", &dir);
    let edited = edited.to_str().unwrap();
    let by_file = diff_json(&[JIANGSU, edited, JIANGSU_DATA]);
    assert_eq!(agrees_with_two_runs(&by_file, &[JIANGSU, JIANGSU_DATA], &[edited, JIANGSU_DATA]), regraded);
    assert_eq!(by_file["departments"], by_parameter["departments"]);

    // One department's values, traced to the parameter that moved them.
    let traced = diff_json(&[JIANGSU, JIANGSU_DATA, "--vs", "优秀线=92", "--department", &regraded[0]]);
    let values = traced["department"]["values"].as_array().unwrap();
    let grade = values.iter().find(|v| v["name"] == "等次").expect("its grade moved");
    assert_eq!(grade["because"][0]["name"], "优秀线");
    assert!(values.iter().all(|v| v["old"] != v["new"]));
}

/// The README's second worked example: Sichuan's 特殊加分 capped at 3 points, not 5.
#[test]
fn lowering_sichuans_bonus_cap_agrees_with_two_eval_runs() {
    let dir = scratch("sichuan");
    let edited = changed(SICHUAN, "封顶 5分", "封顶 3分", &dir);
    let edited = edited.to_str().unwrap();
    let d = diff_json(&[SICHUAN, edited, SICHUAN_DATA]);
    agrees_with_two_runs(&d, &[SICHUAN, SICHUAN_DATA], &[edited, SICHUAN_DATA]);
    let changes = d["rules"]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["name"], "特殊加分");
    assert_eq!(changes[0]["refs"][0], "第十五条(一)");
    assert!(d["summary"]["score_changed"].as_u64().unwrap() > 0);
    let text = jixiao_in_locale("zh_CN.UTF-8", &["diff", SICHUAN, edited, SICHUAN_DATA]);
    insta::assert_snapshot!(text.stdout);
}

#[test]
fn diff_is_refused_without_two_versions() {
    let run = jixiao(&["diff", JIANGSU, JIANGSU_DATA]);
    assert_eq!(run.code, 2, "{}", run.text());
    assert!(run.stderr.contains("E0914"), "{}", run.stderr);
    let unknown = jixiao(&["diff", JIANGSU, JIANGSU_DATA, "--vs", "优秀线=92", "--department", "省政府办公厅x"]);
    assert_eq!(unknown.code, 2, "{}", unknown.text());
    assert!(unknown.stderr.contains("did you mean `省政府办公厅`?"), "{}", unknown.stderr);
}

/// The number literals of a regulation's rules: outside comments, strings and test cases.
fn rule_numbers(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut in_test = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if line.starts_with("测试") || line.starts_with("样例") {
            in_test = true;
        }
        if in_test {
            in_test = !line.starts_with('}');
            continue;
        }
        let code = line.split('#').next().unwrap_or("");
        let mut quoted = false;
        let mut chars = code.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' | '“' | '”' => quoted = !quoted,
                d if d.is_ascii_digit() && !quoted => {
                    let mut end = i + 1;
                    while let Some(&(j, e)) = chars.peek() {
                        if !(e.is_ascii_digit() || e == '.') {
                            break;
                        }
                        end = j + 1;
                        chars.next();
                    }
                    out.push((start + i, start + end));
                }
                _ => {}
            }
        }
    }
    out
}

/// A copy of the repository's regulations and examples, so snapshots find their data.
fn copy_of_shipped(dir: &Path, name: &str) -> PathBuf {
    let data = manifest().join("examples").join(name);
    std::fs::create_dir_all(dir.join("examples").join(name)).unwrap();
    std::fs::create_dir_all(dir.join("regulations")).unwrap();
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("examples").join(name).join(path.file_name().unwrap())).unwrap();
    }
    for ext in ["jx", "snapshot.json"] {
        let file = format!("{name}.{ext}");
        std::fs::copy(manifest().join("regulations").join(&file), dir.join("regulations").join(&file)).unwrap();
    }
    dir.join("regulations").join(format!("{name}.jx"))
}

/// Every number of the rules of Jiangsu and Sichuan, changed one at a time, fails
/// `jixiao test`: the file no longer checks, or refuses the example data, or its snapshot
/// names the changed rule. The changes are tried on two threads, each in a copy of its own.
#[test]
fn changing_any_number_of_a_shipped_regulation_fails_its_snapshot() {
    for name in ["jiangsu-2011", "sichuan-2014"] {
        let text = std::fs::read_to_string(manifest().join(format!("regulations/{name}.jx"))).unwrap();
        let numbers = rule_numbers(&text);
        assert!(numbers.len() > 40, "{name}: {} numbers", numbers.len());
        let halves: Vec<&[(usize, usize)]> = numbers.chunks(numbers.len().div_ceil(2)).collect();
        let moved: usize = std::thread::scope(|s| {
            let runs: Vec<_> = halves
                .iter()
                .enumerate()
                .map(|(k, half)| {
                    let text = &text;
                    s.spawn(move || {
                        let file = copy_of_shipped(&scratch(&format!("numbers-{name}-{k}")), name);
                        half.iter().filter(|&&(start, end)| changed_number_fails(name, &file, text, start, end)).count()
                    })
                })
                .collect();
            runs.into_iter().map(|r| r.join().unwrap()).sum()
        });
        assert!(moved > 10, "{name}: only {moved} changes moved results");
    }
}

/// `text` with its number at `start..end` made larger, as `file`: `jixiao test` fails; whether
/// the snapshot saw results move.
fn changed_number_fails(name: &str, file: &Path, text: &str, start: usize, end: usize) -> bool {
    let number = &text[start..end];
    let other =
        if number.contains('.') { format!("{number}1") } else { format!("{}", number.parse::<u64>().unwrap() + 1) };
    std::fs::write(file, format!("{}{other}{}", &text[..start], &text[end..])).unwrap();
    let run = jixiao(&["test", file.to_str().unwrap()]);
    let line = text[..start].lines().count();
    assert_eq!(run.code, 1, "{name}:{line}: {number} → {other} passed:\n{}", run.text());
    // A file that no longer checks, or that refuses the example data, fails as such.
    if run.stdout.contains("does not check") || run.stdout.contains("does not evaluate") {
        return false;
    }
    assert!(run.stdout.contains("FAIL  result snapshot"), "{name}:{line}: {number} → {other}\n{}", run.stdout);
    let rules = run.stdout.split("the rules changed:").nth(1).unwrap_or_default();
    let added = rules.split(" moved").next().unwrap_or_default().split("\n          + ").nth(1).unwrap_or_default();
    assert!(added.contains(&other), "{name}:{line}: {other} is not in the changed rule\n{}", run.stdout);
    run.stdout.contains("departments moved:")
}

#[test]
fn a_moved_result_is_named_and_accept_makes_the_snapshot_pass() {
    let dir = scratch("accept");
    let file = copy_of_shipped(&dir, "jiangsu-2011");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("参数 优秀线 = 90", "参数 优秀线 = 92")).unwrap();
    let file = file.to_str().unwrap();
    let run = jixiao(&["test", file]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("- 参数 优秀线 = 90 依据 第十七条、第二十四条"), "{}", run.stdout);
    assert!(run.stdout.contains("+ 参数 优秀线 = 92 依据 第十七条、第二十四条"), "{}", run.stdout);
    assert!(run.stdout.contains("results of 4 departments moved:"), "{}", run.stdout);
    assert!(run.stdout.contains("省政府办公厅: 等次 优秀 → 良好; 公务员优秀比例 0.20 → 0.18"), "{}", run.stdout);
    let accepted = jixiao(&["test", file, "--accept"]);
    assert!(accepted.stdout.contains("saved result snapshot"), "{}", accepted.text());
    // The embedded test of the 90 line fails on its own; the snapshot now passes.
    let again = jixiao(&["test", file]);
    assert!(again.stdout.contains("ok    result snapshot"), "{}", again.stdout);
    let snapshot: Json =
        serde_json::from_str(&std::fs::read_to_string(dir.join("regulations/jiangsu-2011.snapshot.json")).unwrap())
            .unwrap();
    assert_eq!(snapshot["data"], "../examples/jiangsu-2011/departments.json");
}

#[test]
fn a_broken_snapshot_fails_its_regulation_alone() {
    let dir = scratch("broken");
    let file = copy_of_shipped(&dir, "sichuan-2014");
    std::fs::write(dir.join("regulations/sichuan-2014.snapshot.json"), "{\"data\": 3}").unwrap();
    let run = jixiao(&["test", file.to_str().unwrap(), JIANGSU]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("E0916"), "{}", run.stderr);
    assert!(run.stdout.contains("ok    result snapshot (examples/jiangsu-2011"), "{}", run.stdout);
    let no_data = jixiao(&["test", "tests/cases/test/approx.jx", "--accept"]);
    assert_eq!(no_data.code, 2, "{}", no_data.text());
    assert!(no_data.stderr.contains("E0915"), "{}", no_data.stderr);
}

/// `sweep` of Jiangsu's 优秀线 from 85 to 95: each step's grade counts and the departments
/// that change grade are those of a separate `eval --set` run.
#[test]
fn sweeping_the_excellence_line_agrees_with_eval_runs() {
    let run = jixiao(&["sweep", JIANGSU, JIANGSU_DATA, "--set", "优秀线=85..95", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let sweep: Json = serde_json::from_str(&run.stdout).unwrap();
    let baseline = evaluated(&[JIANGSU, JIANGSU_DATA]);
    let steps = sweep["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 11);
    for (step, line) in steps.iter().zip(85..=95) {
        assert_eq!(step["values"]["优秀线"], line.to_string());
        let set = format!("优秀线={line}");
        let now = evaluated(&[JIANGSU, JIANGSU_DATA, "--set", &set]);
        for (grade, count) in step["grades"].as_object().unwrap() {
            let expected = now.values().filter(|(_, g, _)| g == grade).count();
            assert_eq!(count.as_u64().unwrap() as usize, expected, "优秀线 {line}: {grade}");
        }
        let mut changed: Vec<&str> = step["changed"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        changed.sort();
        let expected: Vec<&str> = baseline.iter().filter(|(n, b)| b.1 != now[*n].1).map(|(n, _)| n.as_str()).collect();
        assert_eq!(changed, expected, "优秀线 {line}");
    }
    assert!(steps[5]["changed"].as_array().unwrap().is_empty(), "90 is the default");
    let table = jixiao_in_locale("zh_CN.UTF-8", &["sweep", JIANGSU, JIANGSU_DATA, "--set", "优秀线=85..95"]);
    insta::assert_snapshot!(table.stdout);
}

#[test]
fn a_sweep_needs_a_range_it_can_run() {
    for (args, what) in [
        (vec!["--set", "优秀线=90"], "a parameter to sweep"),
        (vec!["--set", "优秀线=95..85"], "FROM must not be more than TO"),
        (vec!["--set", "优秀线=85..95:0"], "the step must be more than 0"),
        (vec!["--set", "优秀线=0..100000"], "more than 1000 values"),
        (vec!["--set", "优秀线=85..95", "--set", "良好线=70..80", "--set", "达标线=50..60"], "at most 2"),
        (vec!["--set", "优秀线=85..95", "--set", "优秀线=90"], "also given a single value"),
        (vec!["--set", "优秀线=85..86", "--set", "优秀线=87..88"], "优秀线 is swept twice"),
        (vec!["--set", "优秀线=85..95", "-o", "/tmp/jixiao-sweep.xlsx"], "not xlsx"),
        (vec!["--set", "没有=1..2"], "unknown parameter"),
    ] {
        let mut all = vec!["sweep", JIANGSU, JIANGSU_DATA];
        all.extend(args);
        let run = jixiao(&all);
        assert_eq!(run.code, 2, "{all:?}\n{}", run.text());
        assert!(common::squash(&run.stderr).contains(&common::squash(what)), "{all:?}\n{}", run.stderr);
    }
}

#[test]
fn a_diff_is_written_as_a_workbook() {
    use calamine::{Reader, Xlsx};
    let dir = scratch("xlsx");
    let out = dir.join("对比.xlsx");
    let run = jixiao(&["diff", JIANGSU, JIANGSU_DATA, "--vs", "优秀线=92", "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["departments", "grades", "rules"]);
    let departments = book.worksheet_range("departments").unwrap();
    assert_eq!(departments.height(), 41);
    let score = departments.get_value((1, 2)).unwrap();
    assert!(matches!(score, calamine::Data::Float(_)), "scores are numbers: {score:?}");
    let grades = book.worksheet_range("grades").unwrap();
    let total: f64 = grades
        .rows()
        .skip(1)
        .flat_map(|r| r.iter().skip(1))
        .filter_map(|c| match c {
            calamine::Data::Float(f) => Some(*f),
            _ => None,
        })
        .sum();
    assert_eq!(total, 40.0);
    let rules = book.worksheet_range("rules").unwrap();
    assert_eq!(rules.get_value((1, 2)).unwrap().to_string(), "优秀线");
    let printed = jixiao(&["diff", JIANGSU, JIANGSU_DATA, "--vs", "优秀线=92", "--format", "xlsx"]);
    assert_eq!(printed.code, 2, "{}", printed.text());
}

/// A version that adds an input reads data made for it; the old version skips the new field,
/// in a JSON array and in CSV. Data without the field is refused by the new version, named.
#[test]
fn a_version_with_a_new_input_is_compared_on_data_made_for_it() {
    let dir = scratch("new-input");
    let new = changed(
        JIANGSU,
        "输入 社会公众满意度：分数 0 至 100 依据 第十五条(二)\n",
        "输入 社会公众满意度：分数 0 至 100 依据 第十五条(二)\n输入 加分：分数 0 至 5\n",
        &dir,
    );
    let text = std::fs::read_to_string(&new).unwrap();
    let text = text.replace(
        "计算 最终评估得分 = 工作考核得分 + 公众评议得分 + 督促检查得分",
        "计算 最终评估得分 = 工作考核得分 + 公众评议得分 + 督促检查得分 + 加分",
    );
    std::fs::write(&new, text).unwrap();
    let mut records: Vec<Json> =
        serde_json::from_str(&std::fs::read_to_string(manifest().join(JIANGSU_DATA)).unwrap()).unwrap();
    for (i, r) in records.iter_mut().enumerate() {
        r["加分"] = Json::from(if i == 0 { 3 } else { 0 });
    }
    let data = dir.join("加分数据.json");
    std::fs::write(&data, serde_json::to_string(&records).unwrap()).unwrap();
    let new = new.to_str().unwrap();
    let csv = dir.join("加分数据.csv");
    let convert = jixiao(&["convert", new, data.to_str().unwrap(), "-o", csv.to_str().unwrap()]);
    assert_eq!(convert.code, 0, "{}", convert.text());
    for data in [&data, &csv] {
        let run = jixiao(&["diff", JIANGSU, new, data.to_str().unwrap(), "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.text());
        let d: Json = serde_json::from_str(&run.stdout).unwrap();
        let change = &d["rules"]["changes"][0];
        assert_eq!((change["change"].as_str(), change["kind"].as_str()), (Some("added"), Some("input")));
        assert_eq!(d["summary"]["score_changed"], 1, "{data:?}");
    }
    // The example data has no 加分: the new version says so, and the run says which version.
    let run = jixiao(&["diff", JIANGSU, new, JIANGSU_DATA]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("field `加分`: the field is missing"), "{}", run.stderr);
    assert!(
        common::squash(&run.stderr).contains(&common::squash(&format!("the new version ({new})"))),
        "{}",
        run.stderr
    );
}

/// Flags (标记) that are raised or lowered are a change too, and CSV numbers stay numbers.
#[test]
fn flags_and_signed_numbers_are_reported() {
    let d = diff_json(&[JIANGSU, JIANGSU_DATA, "--vs", "单项奖进步名次=1"]);
    let flag_changed = d["summary"]["flag_changed"].as_u64().unwrap();
    assert!(flag_changed > 0, "{}", d["summary"]);
    let flagged =
        d["departments"].as_array().unwrap().iter().filter(|r| r["old"]["flags"] != r["new"]["flags"]).count();
    assert_eq!(flagged as u64, flag_changed);
    let text = jixiao_in_locale("zh_CN.UTF-8", &["diff", JIANGSU, JIANGSU_DATA, "--vs", "单项奖进步名次=1"]);
    assert!(text.stdout.contains("标记变化") && text.stdout.contains("+单项奖候选"), "{}", text.stdout);

    let dir = scratch("csv");
    let edited = changed(SICHUAN, "封顶 5分", "封顶 3分", &dir);
    let csv = jixiao(&["diff", SICHUAN, edited.to_str().unwrap(), SICHUAN_DATA, "--format", "csv", "--no-bom"]);
    let line = csv.stdout.lines().find(|l| l.starts_with("省国资委,")).unwrap();
    assert_eq!(line, "省国资委,,91.93,89.93,-2.00,先进,合格,3,6,-3,");
}

#[test]
fn faults_of_vs_are_named_as_vs() {
    for (vs, said) in [("优秀线", "--vs 优秀线: expected NAME=VALUE"), ("没有=1", "--vs: unknown parameter `没有`")]
    {
        let run = jixiao(&["diff", JIANGSU, JIANGSU_DATA, "--vs", vs]);
        assert_eq!(run.code, 2, "{}", run.text());
        assert!(run.stderr.contains(said), "{}", run.stderr);
    }
}

/// Values the regulation cannot be evaluated with are said in their row; the sweep goes on.
#[test]
fn a_sweep_goes_on_past_values_it_cannot_evaluate() {
    let run = jixiao(&["sweep", JIANGSU, JIANGSU_DATA, "--set", "优秀线=75..95:5", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let sweep: Json = serde_json::from_str(&run.stdout).unwrap();
    let steps = sweep["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 5);
    assert!(steps[0]["refused"].as_str().unwrap().contains("良好"), "{}", steps[0]);
    assert!(steps[2]["refused"].is_null() && steps[2]["grades"]["优秀"] == 19, "{}", steps[2]);
}

#[test]
fn a_snapshot_names_departments_that_came_and_went() {
    let dir = scratch("came-and-went");
    let file = copy_of_shipped(&dir, "sichuan-2014");
    let data = dir.join("examples/sichuan-2014/departments.json");
    let mut records: Vec<Json> = serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
    let gone = records.remove(0)["部门"].as_str().unwrap().to_string();
    let mut new = records[0].clone();
    new["部门"] = Json::from("新设局");
    records.push(new);
    std::fs::write(&data, serde_json::to_string(&records).unwrap()).unwrap();
    let run = jixiao(&["test", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stdout.contains("  新设局: new, not in the snapshot"), "{}", run.stdout);
    assert!(run.stdout.contains(&format!("  {gone}: gone, in the snapshot only")), "{}", run.stdout);
    std::fs::remove_file(&data).unwrap();
    let missing = jixiao(&["test", file.to_str().unwrap()]);
    assert_eq!(missing.code, 1, "{}", missing.text());
    assert!(
        missing.stdout.contains("is not there: restore it, or name the data with --data DATA"),
        "{}",
        missing.stdout
    );
}

/// A value added to a regulation is one new field of each department, not a department that
/// came from nowhere.
#[test]
fn a_value_added_to_a_regulation_moves_each_department_by_that_value() {
    let dir = scratch("added-value");
    let file = copy_of_shipped(&dir, "sichuan-2014");
    let text = std::fs::read_to_string(&file).unwrap();
    let added = text.replace("计算 总分 =", "计算 加分合计 = 特殊加分 × 2\n计算 总分 =");
    assert_ne!(added, text);
    std::fs::write(&file, added).unwrap();
    let run = jixiao(&["test", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stdout.contains("+ 计算 加分合计 = 特殊加分 × 2"), "{}", run.stdout);
    assert!(run.stdout.contains("results of 40 departments moved:"), "{}", run.stdout);
    assert!(!run.stdout.contains("new, not in the snapshot"), "{}", run.stdout);
    assert!(run.stdout.contains("加分合计 (none) → "), "{}", run.stdout);
}

#[test]
fn a_diff_names_what_it_cannot_do() {
    // Data that cannot be read twice.
    let run = jixiao(&["diff", JIANGSU, "/dev/null", "--vs", "优秀线=92"]);
    assert_eq!(run.code, 2, "{}", run.text());
    assert!(run.stderr.contains("E0919"), "{}", run.stderr);
    let sweep = jixiao(&["sweep", JIANGSU, "examples", "--set", "优秀线=85..86"]);
    assert_eq!(sweep.code, 2, "{}", sweep.text());
    assert!(sweep.stderr.contains("E0919"), "{}", sweep.stderr);
    // A file that is not there is not the fault of a version.
    let missing = jixiao(&["diff", JIANGSU, "没有这个文件.json", "--vs", "优秀线=92"]);
    assert_eq!(missing.code, 1, "{}", missing.text());
    assert!(missing.stderr.contains("E0901") && !missing.stderr.contains("E0918"), "{}", missing.stderr);
    // A trace has no place in CSV.
    let csv = jixiao(&["diff", JIANGSU, JIANGSU_DATA, "--vs", "优秀线=92", "-d", "省审计厅", "--format", "csv"]);
    assert_eq!(csv.code, 2, "{}", csv.text());
    assert!(csv.stderr.contains("E0920"), "{}", csv.stderr);
}

/// A parameter whose declaration changed, but which both runs set to one value, is listed
/// and said to move nothing; it is not blamed for what other changes moved.
#[test]
fn a_changed_parameter_both_runs_override_is_not_blamed() {
    let dir = scratch("overridden");
    let edited = changed(JIANGSU, "参数 优秀线 = 90", "参数 优秀线 = 92", &dir);
    let text = std::fs::read_to_string(&edited).unwrap().replace("参数 良好线 = 80", "参数 良好线 = 85");
    std::fs::write(&edited, text).unwrap();
    let edited = edited.to_str().unwrap();
    let d = diff_json(&[JIANGSU, edited, JIANGSU_DATA, "--set", "优秀线=95"]);
    assert_eq!(d["rules"]["overridden"], serde_json::json!(["优秀线"]));
    let row = d["departments"].as_array().unwrap().iter().find(|r| r["old"]["grade"] != r["new"]["grade"]).unwrap();
    let name = row["department"].as_str().unwrap();
    let traced = diff_json(&[JIANGSU, edited, JIANGSU_DATA, "--set", "优秀线=95", "--department", name]);
    let grade = traced["department"]["values"].as_array().unwrap().iter().find(|v| v["name"] == "等次").unwrap();
    assert_eq!(grade["because"], serde_json::json!([{ "kind": "parameter", "name": "良好线" }]), "{grade}");
    let text = jixiao(&["diff", JIANGSU, edited, JIANGSU_DATA, "--set", "优秀线=95"]);
    assert!(
        text.stdout.contains("(both runs set it to the same value with --set: it moves nothing)"),
        "{}",
        text.stdout
    );
}
