//! `jixiao explain`: a reviewer can answer "why did this department get this score?" from it
//! alone — the tree from the score to the data, caps and rounding, the articles, the losses.

mod common;

use common::jixiao;

const SICHUAN: &str = "regulations/sichuan-2014.jx";
const SICHUAN_DATA: &str = "examples/sichuan-2014/departments.json";
const JIANGSU: &str = "regulations/jiangsu-2011.jx";
const JIANGSU_DATA: &str = "examples/jiangsu-2011/departments.json";

#[test]
fn sichuan_text() {
    let run = jixiao(&["explain", SICHUAN, SICHUAN_DATA, "--department", "省财政厅"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.starts_with("省财政厅 — 四川省人民政府部门绩效管理办法"));
    assert!(run.stdout.contains("总分 = 92.81"));
    assert!(run.stdout.contains("rounded half away from zero"));
    assert!(run.stdout.contains("第十四条(一)　政府领导评价。"), "cites the article's text");
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn a_cap_that_took_effect_is_shown() {
    let run = jixiao(&["explain", SICHUAN, SICHUAN_DATA, "-d", "省国资委"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.contains("7.00 → 5.00, capped by 第十五条(一)"), "{}", run.stdout);
}

#[test]
fn sichuan_json_with_losses() {
    let run = jixiao(&["explain", SICHUAN, SICHUAN_DATA, "-d", "省粮食局", "--format", "json", "--losses"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["steps"][0]["name"], "总分");
    assert_eq!(doc["steps"][0]["value"], "60.00");
    assert_eq!(doc["losses"]["grade"], "合格");
    assert_eq!(doc["losses"]["next"]["grade"], "先进");
    assert_eq!(doc["losses"]["next"]["needed"], "30.00");
    let items = doc["losses"]["items"].as_array().unwrap();
    let points: Vec<f64> = items.iter().map(|i| i["points"].as_str().unwrap().parse().unwrap()).collect();
    assert!(points.windows(2).all(|w| w[0] >= w[1]), "largest first");
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn jiangsu_losses_and_next_grade() {
    let run = jixiao(&["explain", JIANGSU, JIANGSU_DATA, "-d", "省广电局", "--losses"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.contains("Now 诫勉 (56.77); 达标 needs 3.23 more points"), "{}", run.stdout);
    assert!(run.stdout.contains("+5.00  督促检查扣分"), "{}", run.stdout);
    insta::assert_snapshot!(run.stdout);
    // In Chinese, a list's best is said in Chinese too.
    let zh = common::jixiao_in_locale("zh_CN.UTF-8", &["explain", JIANGSU, JIANGSU_DATA, "-d", "省广电局", "--losses"]);
    assert!(zh.stdout.contains("每一项都取最好") && !zh.stdout.contains("every item"), "{}", zh.stdout);
}

/// A number without an upper (lower) limit has no best value: the losses say what one more
/// (fewer) gains, never a gain of a hundred more; within a cap or floor, the fewest steps to it.
#[test]
fn losses_of_numbers_without_a_limit_are_per_step() {
    let args = ["explain", "tests/cases/explain/losses.jx", "tests/cases/explain/losses.json", "-d", "甲", "--losses"];
    let run = jixiao(&args);
    assert_eq!(run.code, 0, "{}", run.text());
    for row in [
        // Floored at 0: six reports cost 20 points, not 30.
        "+20.00  通报: 6 → 0\n",
        // Capped at 10: 3 more awards reach it.
        "+7.00  获奖: 1 → 4\n",
        "+3.00  表彰: 0 → 1 (one more; no upper limit, so no best)\n",
        "+0.50  增长: -2 → -1 (one more; no upper limit, so no best)\n",
        "+0.20  超支: 5 → 4 (one fewer; no lower limit, so no best)\n",
    ] {
        assert!(run.stdout.contains(row), "{row}\n{}", run.stdout);
    }
    assert!(!run.stdout.contains("+300.00") && !run.stdout.contains("→ 100"), "{}", run.stdout);
    insta::assert_snapshot!(run.stdout);
    let mut zh = vec!["--lang", "zh"];
    zh.extend(args);
    let zh = jixiao(&zh);
    assert!(zh.stdout.contains("+3.00  表彰：0 → 1（每多 1 次；没有上限）"), "{}", zh.stdout);
    assert!(zh.stdout.contains("+0.20  超支：5 → 4（每少 1；没有下限）"), "{}", zh.stdout);
}

#[test]
fn unknown_department_is_a_usage_error() {
    let run = jixiao(&["explain", SICHUAN, SICHUAN_DATA, "-d", "省财政局"]);
    assert_eq!(run.code, 2, "{}", run.text());
    assert!(run.stderr.contains("E0908") && run.stderr.contains("did you mean `省财政厅`?"), "{}", run.text());
}
