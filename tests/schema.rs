//! `jixiao schema` and `jixiao template`: the schema accepts the example data and rejects the
//! bad records of the contracts that a record's schema can express; templates are blank data
//! files with headers in the regulation's own names.

mod common;

use common::{jixiao, manifest};
use serde_json::Value as Json;

fn schema(file: &str) -> Json {
    let run = jixiao(&["schema", file]);
    assert_eq!(run.code, 0, "{}", run.text());
    serde_json::from_str(&run.stdout).unwrap()
}

fn records(path: &str) -> Vec<Json> {
    let text = std::fs::read_to_string(manifest().join(path)).unwrap();
    match serde_json::from_str::<Json>(&text) {
        Ok(Json::Array(items)) => items,
        _ => Vec::new(),
    }
}

#[test]
fn schemas_are_snapshots() {
    for name in ["sichuan-2014", "jiangsu-2011"] {
        let s = schema(&format!("regulations/{name}.jx"));
        insta::assert_snapshot!(format!("schema__{name}"), serde_json::to_string_pretty(&s).unwrap());
    }
}

#[test]
fn the_schema_accepts_the_example_data() {
    for name in ["sichuan-2014", "jiangsu-2011"] {
        let validator = jsonschema::validator_for(&schema(&format!("regulations/{name}.jx"))).unwrap();
        for record in records(&format!("examples/{name}/departments.json")) {
            let errors: Vec<String> = validator.iter_errors(&record).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{name}: {} rejected: {errors:?}", record["部门"]);
        }
    }
}

/// Each bad record is rejected, except where the defect spans records (a department twice)
/// or needs arithmetic over a record (weights adding up to 100): `jixiao eval` reports those.
#[test]
fn the_schema_rejects_bad_records() {
    let beyond_a_schema = ["duplicate-department", "weights-not-100", "invalid-json", "not-an-array"];
    for (name, dir) in [("sichuan-2014", "sichuan-bad"), ("jiangsu-2011", "jiangsu-bad")] {
        let validator = jsonschema::validator_for(&schema(&format!("regulations/{name}.jx"))).unwrap();
        let mut files: Vec<_> =
            std::fs::read_dir(manifest().join("tests/data").join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for path in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            if beyond_a_schema.contains(&stem.as_str()) {
                continue;
            }
            let rel = path.strip_prefix(manifest()).unwrap().to_string_lossy().to_string();
            let rejected = records(&rel).iter().any(|r| !validator.is_valid(r));
            assert!(rejected, "{name}: the schema accepts {stem}");
        }
    }
}

#[test]
fn templates_in_every_format() {
    let dir = std::env::temp_dir().join(format!("jixiao-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("模板.json");
    let run = jixiao(&["template", "regulations/jiangsu-2011.jx", "-o", json.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    let text = std::fs::read_to_string(&json).unwrap();
    // The template is valid data: it evaluates.
    let eval = jixiao(&["eval", "regulations/jiangsu-2011.jx", json.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(eval.code, 0, "{}", eval.text());
    insta::assert_snapshot!("template__jiangsu_json", text);

    let csv = dir.join("模板.csv");
    let run = jixiao(&["template", "regulations/jiangsu-2011.jx", "-o", csv.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    let main = std::fs::read_to_string(&csv).unwrap();
    let items = std::fs::read_to_string(dir.join("模板.职能工作.csv")).unwrap();
    assert!(main.starts_with("\u{feff}部门,类别,评估计划,半年评估,管理工作.依法履行职责,"), "{main}");
    assert!(items.starts_with("\u{feff}部门,指标,名称,权重,得分\n"), "{items}");
    insta::assert_snapshot!("template__jiangsu_csv", format!("{main}--- 模板.职能工作.csv\n{items}"));

    let xlsx = dir.join("模板.xlsx");
    let run = jixiao(&["template", "regulations/sichuan-2014.jx", "-o", xlsx.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.text());
    let bytes = std::fs::read(&xlsx).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an xlsx file is a zip archive");
    std::fs::remove_dir_all(&dir).unwrap();
}
