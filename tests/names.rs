//! Names people cannot tell apart are one name: department names and rating words that differ
//! only by invisible characters (U+200B, U+FEFF …), by spaces of other widths at their ends
//! (U+3000, U+00A0) or by how their letters are composed, in every data format, read whole and
//! streamed; and messages show the invisible characters.

mod common;

use std::path::Path;

use common::jixiao;
use serde_json::Value as Json;

/// How a name may be written so that it looks the same: record `i` gets variant `i % 5`.
fn disguised(name: &str, i: usize) -> String {
    match i % 5 {
        0 => format!("{name}\u{200B}"),
        1 => format!("\u{FEFF}{name}"),
        2 => format!("\u{3000}{name}\u{00A0}"),
        3 => format!("{name}\u{2060}\u{00AD}"),
        _ => name.to_string(),
    }
}

/// Every rating word (a string value among the scale's levels) with a zero-width space or a
/// wide space after it.
fn disguise_words(json: &mut Json, levels: &[&str]) {
    match json {
        Json::String(s) if levels.contains(&s.as_str()) => {
            s.push_str(if s.len() % 2 == 0 { "\u{200B}" } else { "\u{3000}" })
        }
        Json::Array(items) => items.iter_mut().for_each(|v| disguise_words(v, levels)),
        Json::Object(map) => map.values_mut().for_each(|v| disguise_words(v, levels)),
        _ => {}
    }
}

fn write_json(path: &Path, records: &[Json]) {
    std::fs::write(path, serde_json::to_string_pretty(records).unwrap()).unwrap();
}

fn write_json_lines(path: &Path, records: &[Json]) {
    let lines: Vec<String> = records.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// The example data with every department's name and every rating word disguised evaluates
/// byte-identically to the example, as JSON, JSON Lines, CSV (whole and streamed) and XLSX;
/// CSV list rows find their department though they write its name another invisible way.
#[test]
fn disguised_names_and_words_evaluate_as_the_plain_ones() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["sichuan-2014", "jiangsu-2011"] {
        let file = format!("regulations/{name}.jx");
        let data = format!("examples/{name}/departments.json");
        let plain: Vec<Json> = serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
        let mut records = plain.clone();
        for (i, r) in records.iter_mut().enumerate() {
            let unit = r["部门"].as_str().unwrap().to_string();
            disguise_words(r, &["好", "较好", "差", "优秀", "良好", "一般"]);
            r["部门"] = Json::String(disguised(&unit, i));
        }
        assert_ne!(records, plain);
        let json = tmp.path().join(format!("{name}.json"));
        let jsonl = tmp.path().join(format!("{name}.jsonl"));
        let csv = tmp.path().join(format!("{name}.csv"));
        let xlsx = tmp.path().join(format!("{name}.xlsx"));
        write_json(&json, &records);
        write_json_lines(&jsonl, &records);
        for out in [&csv, &xlsx] {
            let run = jixiao(&["convert", &file, json.to_str().unwrap(), "-o", out.to_str().unwrap()]);
            assert_eq!(run.code, 0, "{}", run.text());
        }
        // The list tables write each name another invisible way than the main table.
        for entry in std::fs::read_dir(tmp.path()).unwrap() {
            let path = entry.unwrap().path();
            let file_name = path.file_name().unwrap().to_string_lossy().to_string();
            if file_name.starts_with(&format!("{name}.")) && file_name.matches('.').count() == 2 {
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(text.contains('\u{200B}'), "{file_name} keeps the names as written");
                std::fs::write(&path, text.replace('\u{200B}', "\u{200D}")).unwrap();
            }
        }
        for format in ["jsonl", "table"] {
            let reference = jixiao(&["eval", &file, &data, "--format", format]);
            assert_eq!(reference.code, 0, "{}", reference.text());
            for input in [&json, &jsonl, &csv, &xlsx] {
                let run = jixiao(&["eval", &file, input.to_str().unwrap(), "--format", format]);
                assert_eq!(run.code, 0, "{}: {}", input.display(), run.text());
                assert_eq!(run.stdout, reference.stdout, "{} --format {format}", input.display());
            }
        }
    }
}

/// Two records of one department, the second written with an invisible character: E0710, in
/// every format, whole and streamed; the message shows how the second was written.
#[test]
fn the_same_name_with_an_invisible_character_is_the_same_department() {
    let tmp = tempfile::tempdir().unwrap();
    for invisible in ['\u{200B}', '\u{FEFF}'] {
        let records: Vec<Json> = [("省财政厅", 85), (&format!("省财政厅{invisible}"), 90)]
            .iter()
            .map(|(unit, score)| serde_json::json!({ "部门": unit, "得分": score, "倍数": 1 }))
            .collect();
        let json = tmp.path().join("twice.json");
        let jsonl = tmp.path().join("twice.jsonl");
        let csv = tmp.path().join("twice.csv");
        let xlsx = tmp.path().join("twice.xlsx");
        write_json(&json, &records);
        write_json_lines(&jsonl, &records);
        let shown = format!("<U+{:04X}>", invisible as u32);
        std::fs::write(&csv, format!("部门,得分,倍数\n省财政厅,85,1\n省财政厅{invisible},90,1\n")).unwrap();
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet().set_name("部门").unwrap();
        sheet.write_row(0, 0, ["部门", "得分", "倍数"]).unwrap();
        sheet.write_row(1, 0, ["省财政厅", "85", "1"]).unwrap();
        sheet.write_row(2, 0, [format!("省财政厅{invisible}").as_str(), "90", "1"]).unwrap();
        book.save(&xlsx).unwrap();
        for input in [&json, &jsonl, &csv, &xlsx] {
            for format in ["jsonl", "table"] {
                let run = jixiao(&["eval", "tests/cases/eval/params.jx", input.to_str().unwrap(), "--format", format]);
                assert_eq!(run.code, 1, "{} {format}: {}", input.display(), run.text());
                assert!(run.stderr.contains("E0710"), "{} {format}: {}", input.display(), run.stderr);
                assert!(run.stderr.contains("department \"省财政厅\""), "{}", run.stderr);
                // Streamed runs keep a hash of each name, not how it was written.
                let streamed =
                    format == "jsonl" && input.extension().unwrap() != "json" && input.extension().unwrap() != "xlsx";
                if !streamed {
                    assert!(run.stderr.contains(&shown), "{} {format}: {}", input.display(), run.stderr);
                }
            }
        }
    }
}

/// Results carry the name as read; `explain --department` finds it however it is typed.
#[test]
fn results_and_explanations_use_the_name_as_read() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("spaces.json");
    std::fs::write(&data, "[{\"部门\":\"\u{3000}甲\u{200B}\",\"得分\":85,\"倍数\":1}]").unwrap();
    let data = data.to_str().unwrap();
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", data, "--format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.starts_with("{\"department\":\"甲\","), "{}", run.stdout);
    let run = jixiao(&["explain", "tests/cases/eval/params.jx", data, "--department", "\u{FEFF}甲 "]);
    assert_eq!(run.code, 0, "{}", run.text());
    assert!(run.stdout.starts_with("甲 — "), "{}", run.stdout);
    let run = jixiao(&["explain", "tests/cases/eval/params.jx", data, "--department", "乙\u{200B}"]);
    assert_eq!(run.code, 2, "{}", run.text());
    assert!(run.stderr.contains("乙<U+200B>"), "{}", run.stderr);
}

/// Where data text is quoted in a message, what cannot be seen is shown.
#[test]
fn messages_show_invisible_characters() {
    let tmp = tempfile::tempdir().unwrap();
    // A word that is not a level even once invisible characters are removed (E0705).
    let examples = std::fs::read_to_string("examples/sichuan-2014/departments.json").unwrap();
    let mut records: Vec<Json> = serde_json::from_str(&examples).unwrap();
    records[0]["省长评价"] = Json::String("优\u{200B}秀".into());
    let data = tmp.path().join("word.json");
    write_json(&data, &records);
    let run = jixiao(&["eval", "regulations/sichuan-2014.jx", data.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("E0705") && run.stderr.contains("优<U+200B>秀"), "{}", run.stderr);
    // A list row naming a department the main table lacks (E0717).
    let csv = tmp.path().join("js.csv");
    let run = jixiao(&[
        "convert",
        "regulations/jiangsu-2011.jx",
        "examples/jiangsu-2011/departments.json",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.text());
    let items = tmp.path().join("js.职能工作.csv");
    let text = std::fs::read_to_string(&items).unwrap();
    std::fs::write(&items, text.replacen("\n省政府办公厅,", "\n省政府办\u{200B}室,", 1)).unwrap();
    let run = jixiao(&["eval", "regulations/jiangsu-2011.jx", csv.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("E0717") && run.stderr.contains("省政府办<U+200B>室"), "{}", run.stderr);
    // A name of nothing visible is an empty name (E0706).
    let data = tmp.path().join("empty.json");
    std::fs::write(&data, "[{\"部门\":\"\u{200B}\u{3000}\",\"得分\":85,\"倍数\":1}]").unwrap();
    let run = jixiao(&["eval", "tests/cases/eval/params.jx", data.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.text());
    assert!(run.stderr.contains("E0706") && run.stderr.contains("<U+200B><U+3000>"), "{}", run.stderr);
}
