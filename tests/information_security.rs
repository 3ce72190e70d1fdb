//! The shipped information-security inspection (信息安全管理办法) on its example data: the
//! edge cases the generator put in (cut-offs, vetoes, a part's 基本符合 limit, a part scored
//! down to zero, a tie), the table people read, an explanation with its deductions, the other
//! output formats, templates, parameters, bad records, and the file's own test cases.

mod common;

use common::jixiao;
use serde_json::Value;

const FILE: &str = "regulations/information-security.jx";
const DATA: &str = "examples/information-security/units.json";

fn results(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["eval", FILE, DATA, "--format", "json"];
    all.extend_from_slice(args);
    let run = jixiao(&all);
    assert_eq!(run.code, 0, "{}", run.text());
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["regulation"], "信息安全管理办法（政府部门要求）");
    doc["results"].as_array().unwrap().clone()
}

fn unit<'a>(results: &'a [Value], name: &str) -> &'a Value {
    results.iter().find(|r| r["department"] == name).unwrap_or_else(|| panic!("no unit {name}"))
}

#[test]
fn edge_cases_of_the_example() {
    let results = results(&[]);
    assert_eq!(results.len(), 20);

    // Exactly on the cut-offs: 90 is 优秀, 60 is 合格.
    assert_eq!(unit(&results, "省统计局")["score"], "90.00");
    assert_eq!(unit(&results, "省统计局")["grade"], "优秀");
    assert_eq!(unit(&results, "省水利厅")["score"], "60.00");
    assert_eq!(unit(&results, "省水利厅")["grade"], "合格");

    // One-vote veto: 总分 0 and 不合格 whatever the inspection found; both vetoed units share
    // the last rank.
    for (name, found) in [("省国土资源厅", "86.00"), ("省旅游局", "71.00")] {
        let r = unit(&results, name);
        assert_eq!(r["score"], "0.00", "{name}");
        assert_eq!(r["grade"], "不合格", "{name}");
        assert_eq!(r["rank"], 19, "{name}");
        assert_eq!(r["values"]["一票否决"], true, "{name}");
        assert_eq!(r["values"]["检查得分"], found, "{name}");
    }
    assert_eq!(unit(&results, "省国土资源厅")["values"]["网络边界防护管理"], "6.00");
    assert_eq!(unit(&results, "省财政厅")["values"]["一票否决"], false);

    // Four 基本符合 in one part take 2 points, not 4.
    assert_eq!(unit(&results, "省住房城乡建设厅")["values"]["终端计算机防护管理"], "10.00");
    // Two 不符合 and a 基本符合 would take 7 of 6 points: the part scores 0 (扣完为止).
    assert_eq!(unit(&results, "省农业厅")["values"]["日常管理基本要求"], "0.00");
    assert_eq!(unit(&results, "省农业厅")["values"]["日常信息安全管理"], "14.00");

    // A tie shares a rank, and the next rank is skipped.
    for name in ["省科技厅", "省文化厅"] {
        assert_eq!(unit(&results, name)["score"], "83.00", "{name}");
        assert_eq!(unit(&results, name)["rank"], 10, "{name}");
    }
    assert_eq!(unit(&results, "省人力资源社会保障厅")["rank"], 12);

    // Only the unit without a 不符合 is not marked for rectification.
    let unmarked: Vec<&Value> = results.iter().filter(|r| r["values"]["限期整改"] == false).collect();
    assert_eq!(unmarked.len(), 1);
    assert_eq!(unmarked[0]["department"], "省财政厅");
    assert_eq!(unit(&results, "省财政厅")["values"]["不符合项数"], "0");
    assert_eq!(unit(&results, "省发展改革委")["values"]["符合率"], "0.7174");

    let count = |grade: &str| results.iter().filter(|r| r["grade"] == grade).count();
    assert_eq!([count("优秀"), count("良好"), count("合格"), count("不合格")], [6, 7, 4, 3]);
}

#[test]
fn table_of_the_example() {
    let run = jixiao(&["eval", FILE, DATA]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.contains("一票否决、限期整改"), "{}", run.stdout);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn csv_of_the_example() {
    let run = jixiao(&["eval", FILE, DATA, "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stdout.lines().count(), 21);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn workbook_and_templates_are_written() {
    let dir = std::env::temp_dir().join(format!("jixiao-infosec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_string();

    let run = jixiao(&["eval", FILE, DATA, "-o", &path("结果.xlsx")]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(std::fs::read(path("结果.xlsx")).unwrap().starts_with(b"PK"), "an XLSX is a zip");

    // The template's example row is the file's first sample: every requirement 符合.
    for name in ["模板.json", "模板.csv", "模板.xlsx"] {
        let run = jixiao(&["template", FILE, "-o", &path(name)]);
        assert_eq!(run.code, 0, "{name}: {}", run.text());
        let run = jixiao(&["eval", FILE, &path(name), "--format", "csv"]);
        assert_eq!(run.code, 0, "{name}: {}", run.text());
        let row = run.stdout.lines().nth(1).unwrap();
        assert!(row.starts_with("测试单位,10.00,6.00,12.00,8.00,26.00,"), "{name}: {row}");
        assert!(row.ends_with(",100.00,优秀,1,否"), "{name}: {row}");
    }
    let header = std::fs::read_to_string(path("模板.csv")).unwrap();
    assert!(header.contains(",信息安全组织管理.责任制和工作机制,"), "{header}");
    assert!(header.contains(",涉密信息系统未物理隔离,数据中心设在境外"), "{header}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn explain_shows_the_deductions() {
    let run = jixiao(&["explain", FILE, DATA, "--department", "省农业厅"]);
    assert_eq!(run.code, 0, "{}", run.text());
    let text = &run.stdout;
    assert!(text.starts_with("省农业厅 — 信息安全管理办法（政府部门要求）"), "{text}");
    // Each part's rules with what they took, the 基本符合 limit and the floor.
    assert!(text.contains("※ 每 计数(基本要求结论 = 不符合) 扣 不符合扣分: −6.00"), "{text}");
    assert!(text.contains("最多扣 基本符合最多扣分: −2.00 (its limit)"), "{text}");
    assert!(text.contains("※ 扣完为止: -1.00 → 0"), "{text}");
    assert!(text.contains("3.2 a)　非涉密信息系统与互联网"), "cites the article's text");
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn explain_shows_the_veto() {
    let run = jixiao(&["explain", FILE, DATA, "-d", "省国土资源厅"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.contains("总分 = 0.00"), "{}", run.stdout);
    assert!(run.stdout.contains("一票否决 = 是"), "{}", run.stdout);
    assert!(run.stdout.contains("涉密信息系统未物理隔离 = 是  [data]  3.2 a)"), "{}", run.stdout);
    assert!(run.stdout.contains("检查得分 = 86.00"), "{}", run.stdout);
}

#[test]
fn deduction_parameters_can_be_set() {
    // Without the 基本符合 limit, 省住房城乡建设厅's four 基本符合 in 终端计算机防护管理 take 4.
    let unlimited = results(&["--set", "基本符合最多扣分=10"]);
    assert_eq!(unit(&unlimited, "省住房城乡建设厅")["values"]["终端计算机防护管理"], "8.00");
    // 不符合 at 5 points: 省统计局's two 不符合 cost 4 more, and it drops below 90.
    let stricter = results(&["--set", "不符合扣分=5"]);
    assert_eq!(unit(&stricter, "省统计局")["score"], "86.00");
    assert_eq!(unit(&stricter, "省统计局")["grade"], "良好");
}

/// A bad record: its name, how it is made from a good one, the code and the field it is refused with.
type BadRecord = (&'static str, fn(&mut Value), &'static str, &'static str);

/// Bad records, made from the example's first unit: each is refused with its code, naming the
/// unit and the field.
#[test]
fn bad_records_are_refused() {
    let units: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(common::manifest().join(DATA)).unwrap()).unwrap();
    let cases: [BadRecord; 6] = [
        (
            "unknown-rating",
            |u| u["信息安全组织管理"]["主管领导"] = "部分符合".into(),
            "E0705",
            "信息安全组织管理.主管领导",
        ),
        (
            "missing-requirement",
            |u| {
                u["信息安全检查"].as_object_mut().unwrap().remove("检查报告");
            },
            "E0709",
            "信息安全检查",
        ),
        ("unknown-requirement", |u| u["信息安全检查"]["应急预案"] = "符合".into(), "E0709", "信息安全检查"),
        (
            "missing-veto-answer",
            |u| {
                u.as_object_mut().unwrap().remove("数据中心设在境外");
            },
            "E0703",
            "数据中心设在境外",
        ),
        ("veto-not-yes-no", |u| u["涉密信息系统未物理隔离"] = "有".into(), "E0704", "涉密信息系统未物理隔离"),
        ("unknown-field", |u| u["备注"] = "复查".into(), "E0708", "备注"),
    ];
    for (name, change, code, field) in cases {
        let mut bad = units.clone();
        change(&mut bad[0]);
        let data = std::env::temp_dir().join(format!("jixiao-infosec-{name}-{}.json", std::process::id()));
        std::fs::write(&data, serde_json::to_string_pretty(&bad).unwrap()).unwrap();
        let run = jixiao(&["eval", FILE, data.to_str().unwrap()]);
        std::fs::remove_file(&data).unwrap();
        assert_eq!(run.code, 1, "{name}\n{}", run.text());
        assert!(run.stdout.is_empty(), "{name}: printed results despite the error");
        assert!(run.stderr.contains(code), "{name}: expected {code}\n{}", run.text());
        assert!(run.stderr.contains("department \"省发展改革委\""), "{name}: the unit is not named\n{}", run.text());
        assert!(run.stderr.contains(&format!("`{field}`")), "{name}: the field {field} is not named\n{}", run.text());
    }
}

#[test]
fn embedded_tests_pass() {
    let run = jixiao(&["test", "--strict", FILE]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.ends_with("15 passed, 0 failed\n"), "{}", run.stdout);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn check_is_clean_and_formatted() {
    let run = jixiao(&["check", FILE]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert_eq!(run.stderr, "", "the shipped file checks without warnings");
    let run = jixiao(&["fmt", "--check", FILE]);
    assert_eq!(run.code, 0, "{}", run.text());
}

#[test]
fn a_wrong_number_makes_the_embedded_tests_fail() {
    let mutations = [
        ("参数 不符合扣分 = 3分", "参数 不符合扣分 = 2分"),
        ("参数 基本符合最多扣分 = 2分", "参数 基本符合最多扣分 = 3分"),
        ("计算 外包管理 = 8分", "计算 外包管理 = 7分"),
        ("良好 75 至 89", "良好 76 至 89"),
    ];
    for (from, to) in mutations {
        let run = common::test_mutated(FILE, from, to);
        assert_eq!(run.code, 1, "{from} → {to}: {}", run.text());
    }
}
