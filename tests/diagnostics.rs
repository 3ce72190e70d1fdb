//! Every diagnostic code, through the built binary: one small failing input per code, its
//! rendered report kept as a snapshot, and the code itself asserted (so a reworded message
//! changes a snapshot, but a wrong code fails outright).

mod common;

use common::{jixiao, manifest};

#[test]
fn each_check_fixture_reports_its_code() {
    let dir = manifest().join("tests/cases/check");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 30, "expected a fixture per code, found {}", files.len());
    for file in files {
        let name = file.file_stem().unwrap().to_str().unwrap().to_string();
        let code = name.split('_').next().unwrap();
        let rel = format!("tests/cases/check/{name}.jx");
        let run = jixiao(&["check", &rel]);
        let expected_exit = if code.starts_with('W') { 0 } else { 1 };
        assert_eq!(run.code, expected_exit, "{name}: wrong exit status\n{}", run.text());
        assert!(
            run.stderr.contains(&format!("\n{code}\n"))
                || run.stderr.starts_with(&format!("{code}\n"))
                || run.stderr.contains(&format!("{code}\n")),
            "{name}: {code} not reported\n{}",
            run.text()
        );
        insta::assert_snapshot!(format!("check__{name}"), run.text());
    }
}

/// Each bad record of the Sichuan contract, with the code it must produce.
#[test]
fn each_bad_sichuan_record_is_located() {
    let cases = [
        ("duplicate-department", "E0710"),
        ("empty-committee-list", "E0707"),
        ("empty-list", "E0707"),
        ("fractional-count", "E0706"),
        ("huge-number", "E0712"),
        ("invalid-json", "E0701"),
        ("missing-field", "E0703"),
        ("missing-indicator-key", "E0709"),
        ("negative-count", "E0706"),
        ("no-survey-answers", "E0711"),
        ("not-an-array", "E0702"),
        ("unknown-field", "E0708"),
        ("unknown-indicator-key", "E0709"),
        ("unknown-rating", "E0705"),
        ("wrong-type", "E0704"),
    ];
    for (file, code) in cases {
        let data = format!("tests/data/sichuan-bad/{file}.json");
        let out = std::env::temp_dir().join(format!("jixiao-bad-{file}-{}.json", std::process::id()));
        let run =
            jixiao(&["eval", "regulations/sichuan-2014.jx", &data, "--format", "json", "-o", out.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{file}\n{}", run.text());
        assert!(run.stderr.contains(code), "{file}: expected {code}\n{}", run.text());
        assert!(run.stdout.is_empty(), "{file}: printed output despite the error");
        assert!(!out.exists(), "{file}: left an output file behind");
        if file != "not-an-array" && file != "invalid-json" {
            assert!(run.stderr.contains("department \""), "{file}: the department is not named\n{}", run.text());
        }
        insta::assert_snapshot!(format!("data__{file}"), run.text());
    }
}

#[test]
fn evaluation_errors() {
    let cases: [(&str, &[&str], i32, &str); 9] = [
        ("duplicate_key", &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/duplicate-key.json"], 1, "E0714"),
        (
            "output_is_an_input",
            &[
                "eval",
                "tests/cases/eval/params.jx",
                "tests/cases/eval/params.json",
                "-o",
                "tests/cases/eval/params.json",
            ],
            2,
            "E0907",
        ),
        ("overflow", &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/overflow.json"], 1, "E0801"),
        (
            "bands_with_parameters",
            &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/params.json", "--set", "优秀线=70"],
            1,
            "E0803",
        ),
        ("requirement", &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/requirement.json"], 1, "E0713"),
        (
            "score_out_of_range",
            &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/score-out-of-range.json"],
            1,
            "E0706",
        ),
        (
            "unknown_parameter",
            &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/params.json", "--set", "优秀=70"],
            2,
            "E0903",
        ),
        (
            "parameter_not_a_number",
            &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/params.json", "--set", "优秀线=七十"],
            2,
            "E0904",
        ),
        ("missing_file", &["check", "regulations/no-such-file.jx"], 1, "E0901"),
    ];
    for (name, args, exit, code) in cases {
        let run = jixiao(args);
        assert_eq!(run.code, exit, "{name}\n{}", run.text());
        assert!(run.stderr.contains(code), "{name}: expected {code}\n{}", run.text());
        insta::assert_snapshot!(format!("eval__{name}"), run.text());
    }
}

#[test]
fn parameters_override_cut_offs() {
    let run = jixiao(&[
        "eval",
        "tests/cases/eval/params.jx",
        "tests/cases/eval/params.json",
        "--format",
        "csv",
        "--set",
        "优秀线=85",
        "--set",
        "良好线=60",
    ]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.contains("甲,85.50,优秀"), "{}", run.stdout);
}

#[test]
fn unwritable_output_is_reported() {
    let run = jixiao(&[
        "eval",
        "tests/cases/eval/params.jx",
        "tests/cases/eval/params.json",
        "-o",
        "/nonexistent-dir/out.json",
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("E0905"), "{}", run.text());
}

#[test]
fn usage_errors_exit_2() {
    for args in [&["eval"][..], &["frobnicate"], &["eval", "a.jx", "b.json", "--format", "xml"]] {
        let run = jixiao(args);
        assert_eq!(run.code, 2, "{args:?}\n{}", run.text());
    }
}

#[test]
fn records_without_a_department_name_are_numbered() {
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", "tests/cases/eval/unnamed.json"]);
    assert_eq!(run.code, 1);
    for (record, code) in [("record 1", "E0706"), ("record 2", "E0704"), ("record 3", "E0703")] {
        assert!(run.stderr.contains(record) && run.stderr.contains(code), "{record} {code}\n{}", run.text());
    }
    insta::assert_snapshot!(run.text());
}

#[test]
fn test_lists_rules_no_case_exercises() {
    let run = jixiao(&["test", "tests/cases/test/uncovered.jx"]);
    assert_eq!(run.code, 0, "without --strict, unexercised rules are reported but do not fail\n{}", run.text());
    assert!(run.stdout.contains("its cap (封顶) never takes effect"), "{}", run.text());
    let strict = jixiao(&["test", "--strict", "tests/cases/test/uncovered.jx"]);
    assert_eq!(strict.code, 1, "{}", strict.text());
    assert!(strict.stdout.ends_with("4 rule(s) not exercised (--strict)\n1 passed, 0 failed\n"), "{}", strict.text());
    insta::assert_snapshot!(strict.text());
}

/// Branches never taken are named by their condition (or a `对应`'s subject and level) at the
/// line it is written on, so that nested `如果` on one line are told apart.
#[test]
fn branches_never_taken_are_named_by_their_condition() {
    let run = jixiao(&["test", "--strict", "tests/cases/test/nested-branches.jx"]);
    assert_eq!(run.code, 1, "{}", run.text());
    for line in [
        "line 8: y: the 否则 (else) branch of `如果 a > 0` is never taken in a test",
        "line 8: y: the 则 (then) branch of `如果 b > 0` is never taken in a test",
        "line 9: z: the case 差 of `对应 领导评价` is never taken in a test",
        "line 11: z: the 则 (then) branch of `如果 a > 1 且 b > 1` is never taken in a test",
    ] {
        assert!(run.stdout.contains(line), "{line}\n{}", run.text());
    }
    insta::assert_snapshot!(run.text());
    let zh = jixiao(&["--lang", "zh", "test", "--strict", "tests/cases/test/nested-branches.jx"]);
    assert!(zh.stdout.contains("第 8 行：y：没有测试走到“如果 b > 0”的则分支"), "{}", zh.text());
    insta::assert_snapshot!("branches_never_taken_zh", zh.text());
}

/// E0301's help says what to change: the number or parameter written without a unit (where it
/// is declared), or the points for each one of a count.
#[test]
fn unit_errors_say_what_to_change() {
    let cases = [
        (
            "E0301_parameter_without_unit",
            "the parameter `x` has no unit, so `x × 扣分次数` is a count; declare it as `参数 x = 5分` to make it points (分)",
        ),
        (
            "E0301_number_without_unit",
            "`5` has no unit, so `扣分次数 × 5` is a count; write `5分` to make it points (分)",
        ),
        (
            "E0301_count_and_points",
            "a count is not points (分): multiply it by the points for each one, as in `5分 × 扣分次数`",
        ),
    ];
    for (name, help) in cases {
        let run = jixiao(&["check", &format!("tests/cases/check/{name}.jx")]);
        assert_eq!(run.code, 1, "{name}\n{}", run.text());
        assert!(common::squash(&run.stderr).contains(&common::squash(help)), "{name}: {help}\n{}", run.text());
        assert!(!run.stderr.contains("multiply a percentage by points"), "{name}\n{}", run.text());
    }
    let run = jixiao(&["check", "tests/cases/check/E0301_parameter_without_unit.jx"]);
    assert!(run.stderr.contains("╰── declared without a unit"), "the declaration is shown\n{}", run.text());
}

#[test]
fn approximate_expectations_count_places_in_the_unit_written() {
    let run = jixiao(&["test", "tests/cases/test/approx.jx"]);
    assert_eq!(run.code, 1, "{}", run.text());
    // `≈ 76.67%`, `≈ 14.375%` and `= 14.375%` hold for 23/30 and 0.14375 exactly.
    assert!(run.stdout.contains("  ok    按所写单位的位数比较\n"), "{}", run.text());
    for line in [
        "line 20: 完成率: expected ≈ 76.68%, found 76.666667…% (23/30), which rounds to 76.67%",
        "line 20: 完成率: expected ≈ 0.7668, found 0.766667… (23/30), which rounds to 0.7667",
        "line 22: 完成率: expected 14.38%, found 14.375%",
        "line 22: 完成率: expected ≈ 14.3%, found 14.375%, which rounds to 14.4%",
    ] {
        assert!(run.stdout.contains(line), "{line}\n{}", run.text());
    }
    assert!(run.stdout.ends_with("1 passed, 1 failed\n"), "{}", run.text());
    insta::assert_snapshot!(run.text());
    let zh = jixiao(&["--lang", "zh", "test", "tests/cases/test/approx.jx"]);
    assert!(
        zh.stdout.contains("第 20 行：完成率：应为 ≈ 76.68%，实际为 76.666667…% (23/30)，四舍五入为 76.67%"),
        "{}",
        zh.text()
    );
    insta::assert_snapshot!("approximate_expectations_zh", zh.text());
}

#[test]
fn shipped_regulations_exercise_every_rule() {
    let run = jixiao(&[
        "test",
        "--strict",
        "regulations/sichuan-2014.jx",
        "regulations/jiangsu-2011.jx",
        "regulations/information-security.jx",
    ]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(!run.stdout.contains("not exercised"), "{}", run.stdout);
}

/// A scoring table's part scored outside its points is refused, never summed (E0806); a
/// parameter a divisor relies on may not be set to 0 (E0913).
#[test]
fn scoring_table_errors() {
    let cases: [(&str, &[&str], i32, &str); 2] = [
        ("part_over_points", &["eval", "tests/cases/eval/points.jx", "tests/cases/eval/over-points.json"], 1, "E0806"),
        (
            "divisor_parameter_set_to_zero",
            &["eval", "tests/cases/eval/points.jx", "tests/cases/eval/over-points.json", "--set", "应报月数=0"],
            2,
            "E0913",
        ),
    ];
    for (name, args, exit, code) in cases {
        let run = jixiao(args);
        assert_eq!(run.code, exit, "{name}\n{}", run.text());
        assert!(run.stderr.contains(code), "{name}: expected {code}\n{}", run.text());
        assert!(run.stdout.is_empty(), "{name}: printed results despite the error\n{}", run.text());
        insta::assert_snapshot!(format!("eval__{name}"), run.text());
    }
}
