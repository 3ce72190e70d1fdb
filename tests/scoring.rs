//! Scoring tables (评分细则): the constructs they need, end to end through the binary —
//! deductions and bonuses with limits, yes/no inputs read from every data format, counting the
//! items that meet a condition, parameters as divisors, roll-ups in points, whole-number grade
//! bands and the citations such tables use. The regulations under `tests/cases/scoring/` carry
//! their own cases; these tests run them and what a file cannot say about itself.

mod common;

use common::{Run, jixiao, squash};
use rust_xlsxwriter::Workbook;

const TOWN: &str = "tests/cases/scoring/town.jx";
const RATE: &str = "tests/cases/scoring/rate.jx";

fn ok(run: &Run) -> &Run {
    assert_eq!(run.code, 0, "{}", run.text());
    run
}

#[test]
fn scoring_regulations_check_clean_pass_strict_and_are_canonical() {
    for file in
        [TOWN, "tests/cases/scoring/bands.jx", "tests/cases/scoring/leaves.jx", "tests/cases/scoring/judges.jx", RATE]
    {
        let check = ok(&jixiao(&["check", file])).stderr.clone();
        assert!(check.is_empty(), "{file}: warnings\n{check}");
        ok(&jixiao(&["test", "--strict", file]));
        ok(&jixiao(&["fmt", "--check", file]));
    }
}

/// The same regulation in English keywords means the same: every new clause round-trips.
#[test]
fn english_keywords_round_trip() {
    let tmp = tempfile::tempdir().unwrap();
    let en = tmp.path().join("town.jx");
    std::fs::copy(common::manifest().join(TOWN), &en).unwrap();
    let en = en.to_str().unwrap();
    ok(&jixiao(&["fmt", "--keywords", "en", en]));
    let text = std::fs::read_to_string(en).unwrap();
    for word in ["every 不达标月数 deduct 5pt down_to_zero", "deduct 5pt if not 更新指南", "add_at_most 2pt", ": yesno"]
    {
        assert!(text.contains(word), "`{word}` missing:\n{text}");
    }
    for word in ["90 or_above", "70 to 89", "59 or_below", "ratio(", "floor_int(", "count_of("] {
        assert!(text.contains(word), "`{word}` missing:\n{text}");
    }
    let strict = ok(&jixiao(&["test", "--strict", en])).stdout.clone();
    assert!(strict.contains("4 passed, 0 failed"), "{strict}");
    ok(&jixiao(&["fmt", "--keywords", "zh", en]));
    let back = std::fs::read_to_string(en).unwrap();
    assert_eq!(back, std::fs::read_to_string(common::manifest().join(TOWN)).unwrap());
}

/// Each unit's row of CSV results has its total (公开指南 15 without an updated guide).
fn totals(csv: &str, expected: &[(&str, &str)]) {
    for (unit, total) in expected {
        let row = csv.lines().find(|l| l.starts_with(&format!("{unit},"))).unwrap_or_else(|| panic!("{unit}\n{csv}"));
        assert!(row.split(',').any(|cell| cell == *total), "{unit}: expected {total}\n{csv}");
    }
}

/// The data is refused (exit 1), and the message names each of `parts`.
fn refused(run: &Run, parts: &[&str]) {
    assert_eq!(run.code, 1, "{}", run.text());
    let text = squash(&run.stderr);
    for part in parts {
        assert!(text.contains(&squash(part)), "`{part}` missing\n{}", run.stderr);
    }
}

/// `jixiao explain` of the one unit `record` (JSON) holds, in Chinese, with `more` options.
fn explain_one(dir: &std::path::Path, record: &str, more: &[&str]) -> String {
    let data = town_data(dir, "one.json", &format!("[{record}]"));
    let mut args = vec!["explain", TOWN, &data, "-d", "甲", "--lang", "zh"];
    args.extend(more);
    ok(&jixiao(&args)).stdout.clone()
}

fn town_data(dir: &std::path::Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

const MONTHS: &str = "40,40,40,40,40,40,40,40,40,40,40,39";

/// 是否 reads `true`/`false` and the words 是/否 in JSON; anything else is refused with the field.
#[test]
fn yes_no_inputs_from_json() {
    let tmp = tempfile::tempdir().unwrap();
    let data = town_data(
        tmp.path(),
        "units.json",
        &format!(
            r#"[{{"单位":"甲","月发布条数":[{MONTHS}],"更新指南":true,"办结件数":10,"申请件数":10}},
               {{"单位":"乙","月发布条数":[{MONTHS}],"更新指南":"否","办结件数":10,"申请件数":10}},
               {{"单位":"丙","月发布条数":[{MONTHS}],"更新指南":"是","办结件数":10,"申请件数":10}}]"#
        ),
    );
    let run = ok(&jixiao(&["eval", TOWN, &data, "--format", "csv"])).stdout.clone();
    totals(&run, &[("甲", "87.00"), ("乙", "82.00"), ("丙", "87.00")]);
    let bad = town_data(
        tmp.path(),
        "bad.json",
        &format!(r#"[{{"单位":"甲","月发布条数":[{MONTHS}],"更新指南":"Y","办结件数":10,"申请件数":10}}]"#),
    );
    refused(&jixiao(&["eval", TOWN, &bad]), &["E0704", "更新指南", "\"Y\"", "是/否"]);
}

/// In a CSV, 是/否 and TRUE/FALSE (as Excel and WPS save a logical cell); √ is refused at its cell.
#[test]
fn yes_no_inputs_from_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let months: Vec<String> = MONTHS.split(',').map(String::from).collect();
    let months = months.join("、");
    let data = town_data(
        tmp.path(),
        "units.csv",
        &format!(
            "单位,月发布条数,更新指南,办结件数,申请件数\n甲,{months},是,10,10\n乙,{months},FALSE,10,10\n丙,{months},TRUE,10,10\n"
        ),
    );
    let run = ok(&jixiao(&["eval", TOWN, &data, "--format", "csv"])).stdout.clone();
    totals(&run, &[("甲", "87.00"), ("乙", "82.00"), ("丙", "87.00")]);
    let bad =
        town_data(tmp.path(), "bad.csv", &format!("单位,月发布条数,更新指南,办结件数,申请件数\n甲,{months},√,10,10\n"));
    refused(&jixiao(&["eval", TOWN, &bad]), &["line 2", "更新指南", "√", "是/否"]);
}

/// In a workbook, a logical cell (TRUE/FALSE) and the words 是/否 both read as yes/no.
#[test]
fn yes_no_inputs_from_xlsx() {
    let tmp = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("单位").unwrap();
    for (c, h) in ["单位", "月发布条数", "更新指南", "办结件数", "申请件数"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let months = MONTHS.replace(',', "、");
    for (r, name) in ["甲", "乙", "丙"].iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, &months).unwrap();
        sheet.write_number(r, 3, 10).unwrap();
        sheet.write_number(r, 4, 10).unwrap();
    }
    sheet.write_boolean(1, 2, true).unwrap();
    sheet.write_boolean(2, 2, false).unwrap();
    sheet.write_string(3, 2, "是").unwrap();
    let path = tmp.path().join("units.xlsx");
    book.save(&path).unwrap();
    let run = ok(&jixiao(&["eval", TOWN, path.to_str().unwrap(), "--format", "csv"])).stdout.clone();
    totals(&run, &[("甲", "87.00"), ("乙", "82.00"), ("丙", "87.00")]);
}

/// explain shows each deduction and bonus as the table writes it, with what it took.
#[test]
fn explain_shows_deductions_as_written() {
    let tmp = tempfile::tempdir().unwrap();
    let run = explain_one(
        tmp.path(),
        r#"{"单位":"甲","月发布条数":[0,0,40,40,40,40,40,40,40,40,40,40],"更新指南":false,"办结件数":10,"申请件数":10}"#,
        &[],
    );
    for line in [
        "每 不达标月数 扣 5分：−10.00",
        "扣 5分 如果 非 更新指南：−5.00",
        "每 向下取整((办结率 - 30%) ÷ 20%) 加 1分 最多加 2分：+2.00（已达上限）",
        "更新指南 = 否",
    ] {
        assert!(run.contains(line), "`{line}` missing\n{run}");
    }
    assert!(!run.contains("※ 扣完为止"), "扣完为止 took no effect, so it is not listed\n{run}");
    insta::assert_snapshot!(run);
    let run = explain_one(
        tmp.path(),
        r#"{"单位":"甲","月发布条数":[0,0,0,0,0,0,0,0,0,40,40,40],"更新指南":true,"办结件数":10,"申请件数":10}"#,
        &[],
    );
    assert!(run.contains("每 不达标月数 扣 5分：−45.00") && run.contains("扣完为止：-5.00 → 0"), "{run}");
    assert!(!run.contains("limited"), "扣完为止 is explained once\n{run}");
}

/// Lists compare item by item only with the same list; a list is never a yes/no condition.
#[test]
fn item_by_item_conditions_are_checked() {
    let tmp = tempfile::tempdir().unwrap();
    let head = "办法 \"条件\"\n输入 单位：文本\n输入 甲：列表 次数\n输入 乙：列表 次数\n";
    let cases = [
        ("计算 n = 计数(甲 < 乙)\n", "E0309"),
        ("计算 n = 如果 甲 < 40 则 1 否则 0\n", "E0303"),
        ("计算 n = 计数(甲)\n", "E0303"),
        ("计算 n = 合计(甲, 乙 > 0)\n", "E0309"),
    ];
    for (line, code) in cases {
        let file = tmp.path().join("c.jx");
        std::fs::write(&file, format!("{head}{line}公布 {{ 单位：单位；得分：n }}\n")).unwrap();
        let run = jixiao(&["check", file.to_str().unwrap()]);
        assert_eq!(run.code, 1, "{line}{}", run.text());
        assert!(run.stderr.contains(code), "{line}: expected {code}\n{}", run.text());
    }
}

/// A parameter is a divisor when its value is not 0; a test case may not set it to 0.
#[test]
fn divisor_parameters_are_kept_non_zero() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("d.jx");
    std::fs::write(
        &file,
        "办法 \"除数\"\n输入 单位：文本\n输入 件数：次数\n参数 月数 = 12\n计算 月均 = 件数 ÷ 月数\n\
         公布 { 单位：单位；得分：月均 }\n样例 甲 { 单位：\"甲\"，件数：24 }\n\
         测试 \"月均\" { 单位 甲 {} 期望 月均 = 2 }\n测试 \"零\" { 设定 月数 = 0 单位 甲 {} 期望 月均 = 0 }\n",
    )
    .unwrap();
    let run = jixiao(&["check", file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("E0601") && run.stderr.contains("may not be 0"), "{}", run.text());
}

/// A template writes a yes/no field as 是/否, and reads back what it wrote, in every format.
#[test]
fn templates_write_yes_no_as_people_type_it() {
    let tmp = tempfile::tempdir().unwrap();
    for format in ["csv", "xlsx", "json"] {
        let path = tmp.path().join(format!("t.{format}"));
        let path = path.to_str().unwrap();
        ok(&jixiao(&["template", TOWN, "--format", format, "-o", path]));
        if format == "csv" {
            let text = std::fs::read_to_string(path).unwrap();
            assert!(text.lines().nth(1).is_some_and(|l| l.contains(",是,")), "{text}");
        }
        let run = ok(&jixiao(&["eval", TOWN, path, "--format", "csv"])).stdout.clone();
        totals(&run, &[("甲镇", "92.00")]);
    }
}

/// 百分比 reads a percentage with its sign — `"92%"` in JSON, `92%` in a CSV, a cell formatted
/// as a percentage — and refuses a bare number, which could be 92% or 9200%.
#[test]
fn percentages_are_read_with_their_sign() {
    let tmp = tempfile::tempdir().unwrap();
    let json = town_data(tmp.path(), "r.json", r#"[{"单位":"甲","公开率":"92%"},{"单位":"乙","公开率":"100％"}]"#);
    let csv = town_data(tmp.path(), "r.csv", "单位,公开率\n甲,92%\n乙,100%\n");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("单位").unwrap();
    sheet.write_string(0, 0, "单位").unwrap();
    sheet.write_string(0, 1, "公开率").unwrap();
    let pct = rust_xlsxwriter::Format::new().set_num_format("0%");
    for (r, (name, rate)) in [("甲", 0.92), ("乙", 1.0)].iter().enumerate() {
        sheet.write_string(r as u32 + 1, 0, *name).unwrap();
        sheet.write_number_with_format(r as u32 + 1, 1, *rate, &pct).unwrap();
    }
    let xlsx = tmp.path().join("r.xlsx");
    book.save(&xlsx).unwrap();
    for data in [json.as_str(), csv.as_str(), xlsx.to_str().unwrap()] {
        let run = ok(&jixiao(&["eval", RATE, data, "--format", "csv"])).stdout.clone();
        totals(&run, &[("甲", "92.00"), ("乙", "93.00")]);
    }
    for (name, text, code) in [
        ("bare.json", r#"[{"单位":"甲","公开率":0.92}]"#, "E0704"),
        ("over.json", r#"[{"单位":"甲","公开率":"101%"}]"#, "E0706"),
        ("bare.csv", "单位,公开率\n甲,92\n", "E0717"),
    ] {
        let data = town_data(tmp.path(), name, text);
        let run = jixiao(&["eval", RATE, &data]);
        assert_eq!(run.code, 1, "{name}\n{}", run.text());
        assert!(run.stderr.contains(code) && run.stderr.contains("公开率"), "{name}\n{}", run.text());
        assert!(squash(&run.stderr).contains(&squash("92%")), "{name}: no example\n{}", run.stderr);
    }
}

/// A grade decided on a formula that reads a value published rounded warns as a grade on the
/// value does (89.995 published as 90.00 but graded below 90); rounding the value silences it.
#[test]
fn grades_on_a_formula_over_an_unrounded_value_warn() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("g.jx");
    let write = |rounding: &str| {
        let text = format!(
            "办法 \"否决\"\n输入 单位：文本\n输入 得分：分数 0 至 100\n输入 否决：是否\n计算 总分 = 得分{rounding}\n\
             等次 等次 按 如果 否决 则 0分 否则 总分 {{ 优秀 90 以上；良好 89 以下 }}\n公布 {{ 单位：单位；得分：总分；等次：等次 }}\n"
        );
        std::fs::write(&file, text).unwrap();
    };
    write("");
    let run = ok(&jixiao(&["check", file.to_str().unwrap()])).stderr.clone();
    assert!(run.contains("W0506") && run.contains("`总分`"), "{run}");
    write(" 保留 2 位");
    let run = ok(&jixiao(&["check", file.to_str().unwrap()])).stderr.clone();
    assert!(run.is_empty(), "{run}");
}

/// `explain --losses` tries the other answer of a yes/no input.
#[test]
fn losses_try_the_other_answer_of_a_yes_no_input() {
    let tmp = tempfile::tempdir().unwrap();
    let run = explain_one(
        tmp.path(),
        r#"{"单位":"甲","月发布条数":[40,40,40,40,40,40,40,40,40,40,40,40],"更新指南":false,"办结件数":10,"申请件数":10}"#,
        &["--losses"],
    );
    assert!(run.contains("+5.00  更新指南：否 → 是"), "{run}");
}
