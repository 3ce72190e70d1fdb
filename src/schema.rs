//! What a department's record must look like, for other tools: a JSON Schema with titles from
//! the regulation (inputs, indicators, articles), and blank data files (JSON, CSV, XLSX) with
//! one example row for departments to fill in.

use serde_json::{Map, Value as Json, json};

use crate::number::Number;
use crate::program::*;

/// The JSON Schema (2020-12) of one department's record.
pub fn schema(program: &Program) -> Json {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for (i, input) in program.inputs.iter().enumerate() {
        let mut s = shape_schema(program, &input.shape);
        item_limits(program, i, &mut s);
        if let Json::Object(o) = &mut s {
            o.insert("title".into(), Json::String(input.name.clone()));
            if let Some(d) = describe(program, &input.refs) {
                o.insert("description".into(), Json::String(d));
            }
            if let Some(d) = &input.default {
                o.insert("default".into(), d.clone());
            }
        }
        if input.default.is_none() && !matches!(input.shape, Shape::Optional(_)) {
            required.push(Json::String(input.field.clone()));
        }
        properties.insert(input.field.clone(), s);
    }
    let mut title = program.header.title.clone();
    if let Some(n) = &program.header.doc_number {
        title.push_str(&format!("（{n}）"));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "description": crate::lang::msg!("schema-description"),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// Requirements that bound how many items one entry of a per-leaf input has
/// (`要求 个数(职能工作[常规工作]) ≥ 6 且 … ≤ 10`) become `minItems`/`maxItems` there.
fn item_limits(program: &Program, input: InputId, schema: &mut Json) {
    let Shape::Each { indicator, .. } = &program.inputs[input].shape else { return };
    let leaves = program.leaf_names(*indicator);
    for req in program.requires.iter().filter(|r| r.family.is_none()) {
        let mut parts = vec![&req.condition];
        while let Some(Expr::And(a, b)) = parts.last().copied() {
            parts.pop();
            parts.extend([&**a, &**b]);
        }
        for part in parts {
            let Expr::Compare(op, lhs, rhs) = part else { continue };
            let (Expr::Call(Builtin::Length, args), Expr::Const(n)) = (&**lhs, &**rhs) else { continue };
            let Some(Expr::Index(base, Key::Leaf(k))) = args.first() else { continue };
            let (Expr::Input(i), Some(n)) = (&**base, n.to_i128()) else { continue };
            let Some(leaf) = leaves.get(*k).filter(|_| *i == input) else { continue };
            let (key, value) = match op {
                Compare::Ge => ("minItems", n),
                Compare::Gt => ("minItems", n + 1),
                Compare::Le => ("maxItems", n),
                Compare::Lt => ("maxItems", n - 1),
                _ => continue,
            };
            if let Some(entry) = schema.pointer_mut(&format!("/properties/{leaf}")) {
                entry[key] = json!(value);
            }
        }
    }
}

/// The articles an input cites, with the first one's text when the file carries it.
fn describe(program: &Program, refs: &[String]) -> Option<String> {
    let first = refs.first()?;
    let text = program.articles.get(first).or_else(|| program.articles.get(first.split(['(', '（']).next()?));
    Some(match text {
        Some(t) => format!("{}：{t}", refs.join("、")),
        None => refs.join("、"),
    })
}

fn shape_schema(program: &Program, shape: &Shape) -> Json {
    match shape {
        Shape::Text => json!({ "type": "string", "minLength": 1 }),
        Shape::YesNo => json!({ "enum": [true, false, "是", "否"] }),
        Shape::Number { unit: Unit::Ratio, .. } => {
            json!({ "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?[%％]$" })
        }
        Shape::Number { whole, min, max, .. } => {
            let mut o = Map::new();
            o.insert("type".into(), json!(if *whole { "integer" } else { "number" }));
            if let Some(l) = min {
                o.insert(if l.inclusive { "minimum" } else { "exclusiveMinimum" }.into(), number(l.value));
            }
            if let Some(l) = max {
                o.insert(if l.inclusive { "maximum" } else { "exclusiveMaximum" }.into(), number(l.value));
            }
            // Numbers are read exactly, so no larger than a decimal holds.
            let largest = Number::from_decimal(rust_decimal::Decimal::MAX);
            o.entry("maximum").or_insert_with(|| number(largest));
            if min.is_none() {
                o.insert("minimum".into(), largest.checked_neg().map_or(Json::Null, number));
            }
            Json::Object(o)
        }
        Shape::Rating(s) => json!({ "enum": program.scales[*s].level_names(), "title": program.scales[*s].name }),
        Shape::Label(l) => json!({ "enum": program.label_sets[*l] }),
        Shape::List { item, min, max } => {
            let mut o = Map::new();
            o.insert("type".into(), json!("array"));
            o.insert("items".into(), shape_schema(program, item));
            if *min > 0 {
                o.insert("minItems".into(), json!(min));
            }
            if let Some(m) = max {
                o.insert("maxItems".into(), json!(m));
            }
            Json::Object(o)
        }
        Shape::Tally { scale, nonempty } => {
            let levels = program.scales[*scale].level_names();
            let count = json!({ "type": "integer", "minimum": 0 });
            let properties: Map<String, Json> = levels.iter().map(|l| (l.to_string(), count.clone())).collect();
            let mut o = json!({ "type": "object", "properties": properties, "additionalProperties": false });
            if *nonempty {
                // At least one level with at least one answer.
                let any: Vec<Json> =
                    levels.iter().map(|l| json!({ "required": [l], "properties": { *l: { "minimum": 1 } } })).collect();
                o["anyOf"] = Json::Array(any);
            }
            o
        }
        Shape::Each { indicator, item } => {
            let leaves = program.leaves(*indicator);
            let properties: Map<String, Json> = leaves
                .iter()
                .map(|leaf| {
                    let mut s = shape_schema(program, item);
                    if let Json::Object(o) = &mut s {
                        let ind = &program.indicators[*leaf];
                        o.insert("title".into(), json!(ind.name));
                        if let Some(d) = describe(program, &ind.refs) {
                            o.insert("description".into(), json!(d));
                        }
                    }
                    (program.indicators[*leaf].name.clone(), s)
                })
                .collect();
            let names: Vec<String> = leaves.iter().map(|l| program.indicators[*l].name.clone()).collect();
            json!({ "type": "object", "title": program.indicators[*indicator].name, "properties": properties, "required": names, "additionalProperties": false })
        }
        Shape::Record(fields) => {
            let properties: Map<String, Json> =
                fields.iter().map(|(n, s)| (n.clone(), shape_schema(program, s))).collect();
            let required: Vec<&String> =
                fields.iter().filter(|(_, s)| !matches!(s, Shape::Optional(_))).map(|(n, _)| n).collect();
            json!({ "type": "object", "properties": properties, "required": required, "additionalProperties": false })
        }
        Shape::Optional(inner) => json!({ "anyOf": [shape_schema(program, inner), { "type": "null" }] }),
    }
}

/// A JSON number written exactly.
fn number(n: Number) -> Json {
    let text = n.to_exact_decimal().map_or_else(|| crate::output::number_text(n, 6), |d| d.normalize().to_string());
    serde_json::from_str(&text).unwrap_or(Json::Null)
}

/// An example record: the file's first sample (样例), else a value of each input's type.
pub fn example(program: &Program) -> Json {
    if let Some(sample) = program.samples.values().next() {
        let mut record = Map::new();
        for input in &program.inputs {
            let value = sample.get(&input.field).cloned().or_else(|| input.default.clone());
            record.insert(input.field.clone(), value.unwrap_or_else(|| placeholder(program, &input.shape)));
        }
        return Json::Object(record);
    }
    let record: Map<String, Json> = program
        .inputs
        .iter()
        .map(|i| (i.field.clone(), i.default.clone().unwrap_or_else(|| placeholder(program, &i.shape))))
        .collect();
    Json::Object(record)
}

fn placeholder(program: &Program, shape: &Shape) -> Json {
    match shape {
        Shape::Text => json!("示例"),
        Shape::YesNo => json!("是"),
        Shape::Number { unit: Unit::Ratio, max, .. } => {
            let n = max.map_or(Number::int(100), |m| m.value.checked_mul(Number::int(100)).unwrap_or(m.value));
            json!(format!("{}%", n.to_decimal(2).map_or_else(|_| n.to_string(), |d| d.normalize().to_string())))
        }
        Shape::Number { min, max, .. } => match (min, max) {
            (_, Some(m)) if m.inclusive => number(m.value),
            (Some(m), _) if m.inclusive => number(m.value),
            (Some(m), _) => number(m.value.checked_add(Number::ONE).unwrap_or(m.value)),
            _ => json!(0),
        },
        Shape::Rating(s) => json!(program.scales[*s].levels.first().map(|(n, _)| n.clone()).unwrap_or_default()),
        Shape::Label(l) => json!(program.label_sets[*l].first().cloned().unwrap_or_default()),
        Shape::List { item, min, .. } => Json::Array(vec![placeholder(program, item); (*min).max(1)]),
        Shape::Tally { scale, .. } => {
            let levels = program.scales[*scale].level_names();
            Json::Object(
                levels.iter().enumerate().map(|(i, l)| (l.to_string(), json!(if i == 0 { 1 } else { 0 }))).collect(),
            )
        }
        Shape::Each { indicator, item } => {
            Json::Object(program.leaf_names(*indicator).into_iter().map(|n| (n, placeholder(program, item))).collect())
        }
        Shape::Record(fields) => {
            Json::Object(fields.iter().map(|(n, s)| (n.clone(), placeholder(program, s))).collect())
        }
        Shape::Optional(_) => Json::Null,
    }
}

/// A table of the records' flat fields: nested objects as `父.子` columns, lists of plain
/// values joined with `、` in one cell. Lists of records go to tables of their own.
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

pub use crate::data::RECORDS_SHEET;

/// The main sheet and one sheet per list of records (keyed by the department's name).
pub fn sheets(program: &Program, records: &[Json]) -> Vec<Sheet> {
    let unit = &program.inputs[program.roles.unit].field;
    let mut main = Sheet { name: RECORDS_SHEET.to_string(), header: Vec::new(), rows: Vec::new() };
    let mut lists: Vec<Sheet> = Vec::new();
    for input in &program.inputs {
        columns(program, &input.shape, &input.field, &mut main.header, &mut lists, unit);
    }
    for record in records {
        let mut row = Vec::new();
        for col in &main.header {
            row.push(cell(lookup(record, col)));
        }
        main.rows.push(row);
        for sheet in &mut lists {
            sheet.rows.extend(list_rows(record, sheet, unit));
        }
    }
    std::iter::once(main).chain(lists).collect()
}

fn columns(program: &Program, shape: &Shape, path: &str, out: &mut Vec<String>, lists: &mut Vec<Sheet>, unit: &str) {
    match shape {
        Shape::Optional(inner) => columns(program, inner, path, out, lists, unit),
        Shape::Each { indicator, item } => match item.record_fields() {
            Some(fields) => {
                let mut header = vec![unit.to_string(), "指标".to_string()];
                header.extend(fields.iter().map(|(n, _)| n.clone()));
                lists.push(Sheet { name: path.to_string(), header, rows: Vec::new() });
            }
            None => {
                for leaf in program.leaf_names(*indicator) {
                    columns(program, item, &format!("{path}.{leaf}"), out, lists, unit);
                }
            }
        },
        Shape::Record(fields) => {
            for (n, s) in fields {
                columns(program, s, &format!("{path}.{n}"), out, lists, unit);
            }
        }
        Shape::Tally { scale, .. } => {
            for level in program.scales[*scale].level_names() {
                out.push(format!("{path}.{level}"));
            }
        }
        Shape::List { .. } if let Some(fields) = shape.record_fields() => {
            let mut header = vec![unit.to_string()];
            header.extend(fields.iter().map(|(n, _)| n.clone()));
            lists.push(Sheet { name: path.to_string(), header, rows: Vec::new() });
        }
        _ => out.push(path.to_string()),
    }
}

/// A record's value at a `父.子` path.
fn lookup<'j>(record: &'j Json, path: &str) -> Option<&'j Json> {
    path.split('.').try_fold(record, |v, key| v.get(key))
}

/// The rows a record gives a list sheet: one per item, with the department (and indicator).
fn list_rows(record: &Json, sheet: &Sheet, unit: &str) -> Vec<Vec<String>> {
    let name = cell(record.get(unit));
    let keyed = sheet.header.get(1).is_some_and(|h| h == "指标");
    let fields = &sheet.header[if keyed { 2 } else { 1 }..];
    let row = |item: &Json, key: Option<&str>| {
        let mut r = vec![name.clone()];
        r.extend(key.map(str::to_string));
        r.extend(fields.iter().map(|f| cell(item.get(f))));
        r
    };
    match record.get(&sheet.name) {
        Some(Json::Array(items)) => items.iter().map(|i| row(i, None)).collect(),
        Some(Json::Object(by_key)) if keyed => by_key
            .iter()
            .flat_map(|(k, items)| items.as_array().into_iter().flatten().map(move |i| (k, i)))
            .map(|(k, i)| row(i, Some(k)))
            .collect(),
        _ => Vec::new(),
    }
}

/// A cell as written: numbers as in the data, lists joined with `、`, yes/no as 是/否.
pub fn cell(v: Option<&Json>) -> String {
    match v {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        // A yes/no field, as people type it (and as results print flags).
        Some(Json::Bool(b)) => if *b { "是" } else { "否" }.to_string(),
        Some(Json::Array(items)) => items.iter().map(|i| cell(Some(i))).collect::<Vec<_>>().join("、"),
        Some(j) => j.to_string(),
    }
}
