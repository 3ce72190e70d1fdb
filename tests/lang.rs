//! Messages in Chinese: `--lang zh`, or a Chinese locale, gives every diagnostic in Chinese
//! with the same code, exit status and place as in English. The Chinese reports are kept as
//! snapshots, like the English ones in tests/diagnostics.rs.

mod common;

use common::{Run, jixiao, jixiao_in_locale};

/// `args` with `--lang zh` in front.
fn in_chinese(args: &[&str]) -> Run {
    let mut all = vec!["--lang", "zh"];
    all.extend_from_slice(args);
    jixiao(&all)
}

/// The codes reported, in order (each report starts with its code on a line of its own).
fn codes(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            l.len() == 5 && (l.starts_with('E') || l.starts_with('W')) && l[1..].chars().all(|c| c.is_ascii_digit())
        })
        .collect()
}

/// The message and help lines of the reports, without the quoted source lines.
fn message_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .map(str::trim_start)
        .filter(|l| l.starts_with('×') || l.starts_with('⚠') || l.starts_with("帮助："))
        .collect()
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Each case: a name for its snapshot, the command, and words its Chinese report must
/// contain (the fixtures' own names are Chinese in English reports too).
const CASES: &[(&str, &[&str], &[&str])] = &[
    (
        "E0201_unknown_name",
        &["check", "tests/cases/check/E0201_unknown_name.jx"],
        &["未知的名称“工作的分”", "是否应为“工作得分”？"],
    ),
    (
        "E0301_points_plus_percent",
        &["check", "tests/cases/check/E0301_points_plus_percent.jx"],
        &["不能把分值（分）与百分比相加"],
    ),
    (
        "E0301_parameter_without_unit",
        &["check", "tests/cases/check/E0301_parameter_without_unit.jx"],
        &["参数“x”没有单位，所以“x × 扣分次数”是次数；请声明为“参数 x = 5分”", "声明时没有写单位"],
    ),
    (
        "E0301_number_without_unit",
        &["check", "tests/cases/check/E0301_number_without_unit.jx"],
        &["“5”没有写单位，所以“扣分次数 × 5”是次数；请写成“5分”"],
    ),
    (
        "E0301_count_and_points",
        &["check", "tests/cases/check/E0301_count_and_points.jx"],
        &["次数不是分值（分）：请乘以每次的分值，如“5分 × 扣分次数”"],
    ),
    (
        "E0303_grade_compared_with_number",
        &["check", "tests/cases/check/E0303_grade_compared_with_number.jx"],
        &["此处应为等次与它的某个级别相比较"],
    ),
    (
        "E0715_bad_default",
        &["check", "tests/cases/check/E0715_bad_default.jx"],
        &["默认值，字段“分数一”", "介于 0 至 5 之间的数"],
    ),
    (
        "W0503_band_out_of_reach",
        &["check", "tests/cases/check/W0503_band_out_of_reach.jx"],
        &["任何分数都达不到", "通过（1 条警告）"],
    ),
    (
        "E0703_missing_field",
        &["eval", "regulations/sichuan-2014.jx", "tests/data/sichuan-bad/missing-field.json"],
        &["部门“省政府办公厅”，字段“省长评价”：缺少此字段", "请填写“省长评价”：好/较好/差 之一"],
    ),
    (
        "E0704_wrong_type",
        &["eval", "regulations/sichuan-2014.jx", "tests/data/sichuan-bad/wrong-type.json"],
        &["不小于 0 的整数", "文本“2”"],
    ),
    (
        "E0903_unknown_parameter",
        &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/params.json", "--set", "优秀=70"],
        &["未知的参数“优秀”", "参数有：优秀线、良好线"],
    ),
    (
        "E0803_bands_broken",
        &["eval", "tests/cases/eval/params.jx", "tests/cases/eval/params.json", "--set", "优秀线=70"],
        &["“良好”永远评不到"],
    ),
];

#[test]
fn chinese_reports_have_the_same_codes_as_english() {
    for (name, args, words) in CASES {
        let en = jixiao(args);
        let zh = in_chinese(args);
        assert_eq!(zh.code, en.code, "{name}: exit status differs\n{}\n{}", en.text(), zh.text());
        assert!(!codes(&en.stderr).is_empty(), "{name}: no code reported\n{}", en.text());
        assert_eq!(codes(&zh.stderr), codes(&en.stderr), "{name}: codes differ\n{}\n{}", en.text(), zh.text());
        for line in message_lines(&zh.stderr) {
            assert!(has_chinese(line), "{name}: a line not in Chinese: {line}\n{}", zh.text());
        }
        assert_ne!(message_lines(&zh.stderr), message_lines(&en.stderr), "{name}: not translated");
        for word in *words {
            assert!(zh.text().contains(word), "{name}: `{word}` not found\n{}", zh.text());
        }
        insta::assert_snapshot!(format!("zh__{name}"), zh.text());
    }
}

#[test]
fn a_chinese_locale_gives_chinese_unless_told_otherwise() {
    let args = ["check", "tests/cases/check/E0201_unknown_name.jx"];
    let by_flag = in_chinese(&args);
    let by_locale = jixiao_in_locale("zh_CN.UTF-8", &args);
    assert_eq!(by_locale.text(), by_flag.text());
    assert!(by_locale.stderr.contains("未知的名称“工作的分”"), "{}", by_locale.text());

    let english = jixiao(&args);
    assert!(english.stderr.contains("unknown name `工作的分`"), "{}", english.text());
    let told = jixiao_in_locale("zh_CN.UTF-8", &["--lang", "en", "check", "tests/cases/check/E0201_unknown_name.jx"]);
    assert_eq!(told.text(), english.text());
    let other = jixiao_in_locale("fr_FR.UTF-8", &args);
    assert_eq!(other.text(), english.text());
}
