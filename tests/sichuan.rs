//! The shipped Sichuan regulation on the shipped example data: the table people read, the
//! JSON of the contract, and the file's own test cases.

mod common;

use common::jixiao;

const FILE: &str = "regulations/sichuan-2014.jx";
const DATA: &str = "examples/sichuan-2014/departments.json";

#[test]
fn table_of_the_example() {
    let run = jixiao(&["eval", FILE, DATA]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.contains("省发展改革委"));
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_of_the_example() {
    let run = jixiao(&["eval", FILE, DATA, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let results = doc["results"].as_array().unwrap();
    assert_eq!(results.len(), 40);
    // Exact arithmetic: 89.995 and 59.995 are reached through thirds and publish upwards.
    let by_name = |n: &str| results.iter().find(|r| r["department"] == n).unwrap().clone();
    assert_eq!(by_name("省统计局")["score"], "90.00");
    assert_eq!(by_name("省统计局")["grade"], "先进");
    assert_eq!(by_name("省粮食局")["score"], "60.00");
    assert_eq!(by_name("省粮食局")["grade"], "合格");
    assert_eq!(by_name("省体育局")["rank"], 23);
    assert_eq!(by_name("省旅游局")["rank"], 23);
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
fn output_file_is_written_whole() {
    let out = std::env::temp_dir().join(format!("jixiao-sichuan-{}.json", std::process::id()));
    let run = jixiao(&["eval", FILE, DATA, "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let printed = jixiao(&["eval", FILE, DATA, "--format", "json"]).stdout;
    assert_eq!(written, printed, "--output with a .json name writes the JSON format");
}

#[test]
fn output_is_deterministic() {
    let a = jixiao(&["eval", FILE, DATA, "--format", "json"]).stdout;
    let b = jixiao(&["eval", FILE, DATA, "--format", "json"]).stdout;
    assert_eq!(a, b);
}

#[test]
fn embedded_tests_pass() {
    let run = jixiao(&["test", FILE]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.ends_with("17 passed, 0 failed\n"), "{}", run.stdout);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn check_is_clean_but_for_the_explained_warning() {
    let run = jixiao(&["check", FILE]);
    assert_eq!(run.code, 0, "{}", run.text());
    // The one warning: 第十六条's words put 60 on both sides; the file says why it reads it so.
    let codes: Vec<&str> = run.stderr.lines().filter(|l| l.starts_with('W') || l.starts_with('E')).collect();
    assert_eq!(codes, ["W0504"], "{}", run.stderr);
    let source = std::fs::read_to_string(common::manifest().join(FILE)).unwrap();
    assert!(source.contains("W0504"), "the warning is explained in a comment");
}

#[test]
fn a_wrong_number_makes_the_embedded_tests_fail() {
    let run = common::test_mutated(FILE, "封顶 5分", "封顶 6分");
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stdout.contains("特殊加分: expected 5, found 6"), "{}", run.stdout);
    assert!(run.stdout.ends_with("15 passed, 1 failed\n"), "{}", run.stdout);
}
