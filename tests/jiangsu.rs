//! The shipped Jiangsu regulation on the shipped example data: the table grouped by
//! category, the JSON of the contract, cut-offs overridden, every bad record of the contract,
//! and the file's own test cases.

mod common;

use common::jixiao;

const FILE: &str = "regulations/jiangsu-2011.jx";
const DATA: &str = "examples/jiangsu-2011/departments.json";

#[test]
fn table_groups_by_category_and_marks_flags() {
    let run = jixiao(&["eval", FILE, DATA]);
    assert_eq!(run.code, 0, "{}", run.text());
    let lines: Vec<&str> = run.stdout.lines().collect();
    let first_economic = lines.iter().position(|l| l.contains("经济管理和市场监管")).unwrap();
    let last_social = lines.iter().rposition(|l| l.contains("社会管理和执法监督")).unwrap();
    assert!(last_social < first_economic, "categories are grouped");
    assert!(run.stdout.contains("诫勉谈话") && run.stdout.contains("单项奖候选"));
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_of_the_example() {
    let run = jixiao(&["eval", FILE, DATA, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let results = doc["results"].as_array().unwrap();
    assert_eq!(results.len(), 40);
    let by_name = |n: &str| results.iter().find(|r| r["department"] == n).unwrap().clone();
    // Exactly on the 优秀 and 达标 lines only through exact arithmetic (89.995, 59.995).
    assert_eq!(by_name("省审计厅")["score"], "90.00");
    assert_eq!(by_name("省审计厅")["grade"], "优秀");
    assert_eq!(by_name("省粮食局")["grade"], "达标");
    assert_eq!(by_name("省海洋与渔业局")["values"]["诫勉谈话"], true);
    assert_eq!(by_name("省广电局")["values"]["诫勉谈话"], false);
    assert_eq!(by_name("省公安厅")["values"]["排名进步"], serde_json::Value::Null);
    assert_eq!(by_name("省文化厅")["rank"], by_name("省新闻出版局")["rank"]);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn csv_of_the_example() {
    let run = jixiao(&["eval", FILE, DATA, "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stdout.lines().count(), 41);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn cut_offs_can_be_overridden() {
    let grades = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["eval", FILE, DATA, "--format", "json"];
        all.extend_from_slice(args);
        let run = jixiao(&all);
        assert_eq!(run.code, 0, "{}", run.text());
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        doc["results"].as_array().unwrap().iter().map(|r| r["grade"].as_str().unwrap().to_string()).collect()
    };
    let default = grades(&[]);
    let strict = grades(&["--set", "优秀线=95", "--set", "良好线=90", "--set", "达标线=85"]);
    assert_eq!(default.iter().filter(|g| *g == "优秀").count(), 6);
    assert_eq!(strict.iter().filter(|g| *g == "优秀").count(), 0);
    assert!(strict.iter().filter(|g| *g == "诫勉").count() > default.iter().filter(|g| *g == "诫勉").count());
    let run = jixiao(&["eval", FILE, DATA, "--set", "优秀线=70"]);
    assert_eq!(run.code, 1, "cut-offs out of order are refused");
    assert!(run.stderr.contains("E0803"), "{}", run.text());
}

/// Each bad record of the contract, with the code it must produce.
#[test]
fn each_bad_jiangsu_record_is_located() {
    let cases = [
        ("bad-last-grade", "E0705", "上年等次"),
        ("bad-last-rank", "E0706", "上年排名"),
        ("duplicate-department", "E0710", "部门"),
        ("empty-key-items", "E0707", "职能工作.其他工作"),
        ("missing-field", "E0703", "服务对象满意度"),
        ("missing-indicator-key", "E0709", "创新创优"),
        ("negative-deduction", "E0706", "督促检查扣分[1].扣分"),
        ("negative-score", "E0706", "管理工作.遵纪守法"),
        ("score-out-of-range", "E0706", "评估计划"),
        ("too-few-routine-items", "E0713", "职能工作.常规工作"),
        ("too-many-routine-items", "E0713", "职能工作.常规工作"),
        ("unknown-category", "E0705", "类别"),
        ("unknown-indicator-key", "E0709", "管理工作"),
        ("weights-not-100", "E0713", "职能工作.重点工作"),
        ("wrong-type", "E0704", "领导评价.省长评价"),
        ("zero-weight", "E0706", "职能工作.重点工作[5].权重"),
    ];
    for (file, code, field) in cases {
        let data = format!("tests/data/jiangsu-bad/{file}.json");
        let out = std::env::temp_dir().join(format!("jixiao-js-bad-{file}-{}.json", std::process::id()));
        let run = jixiao(&["eval", FILE, &data, "-o", out.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{file}\n{}", run.text());
        assert!(run.stderr.contains(code), "{file}: expected {code}\n{}", run.text());
        assert!(run.stderr.contains("department \""), "{file}: the department is not named\n{}", run.text());
        assert!(run.stderr.contains(&format!("`{field}`")), "{file}: the field {field} is not named\n{}", run.text());
        assert!(!out.exists(), "{file}: left an output file behind");
        insta::assert_snapshot!(format!("bad__{file}"), run.text());
    }
}

#[test]
fn embedded_tests_pass() {
    let run = jixiao(&["test", FILE]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.ends_with("26 passed, 0 failed\n"), "{}", run.stdout);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn check_is_clean() {
    let run = jixiao(&["check", FILE]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stderr, "", "the shipped file checks without warnings");
}

#[test]
fn a_wrong_weight_makes_the_embedded_tests_fail() {
    let mutations = [
        ("依法履行职责 权重 15%  科学民主决策 权重 15%", "依法履行职责 权重 16%  科学民主决策 权重 14%"),
        ("保底 0分", "保底 -5分"),
        ("良好 = 18%", "良好 = 19%"),
        ("单项奖进步名次 = 5", "单项奖进步名次 = 8"),
        ("评估计划 × 5% + 半年评估 × 15%", "评估计划 × 15% + 半年评估 × 5%"),
    ];
    for (from, to) in mutations {
        let run = common::test_mutated(FILE, from, to);
        assert_eq!(run.code, 1, "{from} → {to}: {}", run.text());
    }
}
