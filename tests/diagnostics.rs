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
