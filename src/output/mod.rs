//! Results → the formats people and programs read: a table for people, JSON and CSV for
//! programs. Every number is printed from its exact value, rounded half away from zero to
//! a fixed number of places, so output is byte-for-byte deterministic.

mod ranges;
pub mod report;
pub mod review;
mod streaming;
mod table;
pub mod template;
mod workbook;

pub use ranges::ranges;

use serde_json::Value as Json;

use crate::eval::{UnitResult, Value};
use crate::number::Number;
use crate::program::*;

pub use streaming::{ResultFormat, ResultWriter};
pub use table::{FLAGS_COLUMN, PARAMETERS_SET_COLUMN, RANK_COLUMN, parameters_said, ranked_cells, table};

/// Places for values that declare no rounding: one fixed number, as the contracts ask
/// (the exact value is what formulas use; `explain` shows it).
const PLACES: u32 = 2;

pub use crate::number::number_text;
use crate::number::{FIXED_MAX, fixed_point};

/// How a value is printed: its declared rounding, else by unit.
pub fn places(program: &Program, v: ValueId, n: Number) -> u32 {
    let def = &program.values[v];
    if let ValueKind::Let { rounding: Some((p, _)), .. } = def.kind {
        return p;
    }
    // Whole counts print whole; points keep their two places even when whole (18.00).
    if def.is_whole_count() && n.is_integer() { 0 } else { PLACES }
}

/// A number as a JSON string, appended to `out`.
fn push_number(out: &mut Vec<u8>, n: Number, places: u32) {
    let mut digits = [0u8; FIXED_MAX];
    match fixed_point(n, places, &mut digits) {
        Some(len) => {
            out.push(b'"');
            out.extend_from_slice(&digits[..len]);
            out.push(b'"');
        }
        None => json_str(out, &number_text(n, places)),
    }
}

/// A value as JSON: numbers as decimal strings, levels by name, flags as booleans.
pub fn value_json(program: &Program, v: ValueId, value: &Value) -> Json {
    match value {
        Value::Num(n) => Json::String(number_text(*n, places(program, v, *n))),
        Value::Bool(b) => Json::Bool(*b),
        Value::Text(s) => Json::String(s.clone()),
        Value::Level(i) => Json::String(level_name(program, &program.values[v].ty, *i)),
        Value::Map(items) => {
            let ValueKind::Let { family: Some(node), .. } = program.values[v].kind else { return Json::Null };
            let names = program.leaf_names(node);
            Json::Object(names.into_iter().zip(items).map(|(k, item)| (k, value_json(program, v, item))).collect())
        }
        Value::List(items) => Json::Array(items.iter().map(|i| value_json(program, v, i)).collect()),
        _ => Json::Null,
    }
}

pub fn level_name(program: &Program, ty: &Ty, i: usize) -> String {
    match ty {
        Ty::Label(l) => program.label_sets[*l].get(i).cloned().unwrap_or_default(),
        Ty::Rating(s) => program.scales[*s].levels.get(i).map(|(n, _)| n.clone()).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The published score as text.
pub fn score_text(program: &Program, r: &UnitResult) -> String {
    let s = program.roles.score;
    match &r.values[s] {
        Value::Num(n) => number_text(*n, places(program, s, *n)),
        _ => String::new(),
    }
}

pub fn grade_text(program: &Program, r: &UnitResult) -> Option<String> {
    let g = program.roles.grade?;
    match &r.values[g] {
        Value::Level(i) => Some(level_name(program, &program.values[g].ty, *i)),
        _ => None,
    }
}

pub fn rank_of(program: &Program, r: &UnitResult) -> Option<i128> {
    r.values[program.roles.rank?].as_num().and_then(Number::to_i128)
}

pub fn category_text(program: &Program, r: &UnitResult, inputs: &[Value]) -> Option<String> {
    let e = program.roles.category.as_ref()?;
    let (value, ty) = match e {
        Expr::Input(i) => (&inputs[*i], program.inputs[*i].shape.ty()),
        Expr::Value(v) => (&r.values[*v], program.values[*v].ty.clone()),
        _ => return None,
    };
    Some(match value {
        Value::Level(i) => level_name(program, &ty, *i),
        Value::Text(s) => s.clone(),
        _ => String::new(),
    })
}

/// The JSON document of the contracts: `{ "regulation": …, "results": [ … ] }`, as
/// `serde_json::to_string_pretty` prints it, with a line break at the end.
pub fn json(program: &Program, results: &[UnitResult], inputs: &[&[Value]]) -> String {
    let writer = ResultJsonWriter::new(program);
    let mut out = json_head(program).into_bytes();
    for (k, (r, i)) in results.iter().zip(inputs).enumerate() {
        out.extend_from_slice(if k == 0 { b"\n" } else { b",\n" });
        writer.item(r, i, &mut out);
    }
    out.extend_from_slice(json_tail(results.len()));
    // Only JSON text was written, and serde_json writes UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// The JSON document up to its first result.
pub(crate) fn json_head(program: &Program) -> String {
    let title = serde_json::to_string(&program.header.title).unwrap_or_default();
    format!("{{\n  \"regulation\": {title},\n  \"results\": [")
}

/// The JSON document after its last result (`count` results).
pub(crate) fn json_tail(count: usize) -> &'static [u8] {
    if count == 0 { b"]\n}\n" } else { b"\n  ]\n}\n" }
}

/// JSON Lines: one result object a line, in input order.
pub fn json_lines(program: &Program, results: &[UnitResult], inputs: &[&[Value]]) -> String {
    let writer = ResultJsonWriter::new(program);
    let mut out = Vec::new();
    results.iter().zip(inputs).for_each(|(r, i)| writer.line(r, i, &mut out));
    // Only JSON text was written, and serde_json writes UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Results as JSON, written straight out: a line of JSON Lines is what
/// `serde_json::to_string(&result_json(..))` prints, an item of the JSON document what
/// `to_string_pretty` prints, indented under `"results"`. A large run writes millions;
/// building each as a JSON tree first was most of the cost of writing them. The values' keys
/// are escaped once.
pub struct ResultJsonWriter<'p> {
    program: &'p Program,
    /// `"名称"` for each value.
    keys: Vec<Vec<u8>>,
    /// For each value, its levels' names as JSON strings (none unless it is a level).
    levels: Vec<Vec<Vec<u8>>>,
    /// For each value computed once per leaf, its leaves' names as JSON strings, in order
    /// (indicator names are unique: E0202).
    leaves: Vec<Option<Vec<Vec<u8>>>>,
}

/// How a result is laid out: one line, or the document's indented lines.
#[derive(Clone, Copy)]
enum Layout {
    Line,
    /// Under `"results"` of the document: starting two levels (four spaces) in.
    Item,
}

impl Layout {
    /// What goes before a member of an object at `depth` (0: the result's own members).
    fn member(self, out: &mut Vec<u8>, first: bool, depth: usize) {
        match self {
            Layout::Line => {
                if !first {
                    out.push(b',');
                }
            }
            Layout::Item => {
                out.extend_from_slice(if first { b"\n" } else { b",\n" });
                out.resize(out.len() + 6 + 2 * depth, b' ');
            }
        }
    }

    /// The end of an object at `depth` that has members.
    fn close(self, out: &mut Vec<u8>, depth: usize) {
        if let Layout::Item = self {
            out.push(b'\n');
            out.resize(out.len() + 4 + 2 * depth, b' ');
        }
        out.push(b'}');
    }

    fn colon(self) -> &'static [u8] {
        match self {
            Layout::Line => b":",
            Layout::Item => b": ",
        }
    }
}

impl<'p> ResultJsonWriter<'p> {
    pub fn new(program: &'p Program) -> ResultJsonWriter<'p> {
        let quoted = |s: &str| {
            let mut key = Vec::new();
            json_str(&mut key, s);
            key
        };
        let keys = program.values.iter().map(|def| quoted(&def.name)).collect();
        let levels = program
            .values
            .iter()
            .map(|def| match &def.ty {
                Ty::Label(l) => program.label_sets[*l].iter().map(|n| quoted(n)).collect(),
                Ty::Rating(s) => program.scales[*s].levels.iter().map(|(n, _)| quoted(n)).collect(),
                _ => Vec::new(),
            })
            .collect();
        let leaves = program
            .values
            .iter()
            .map(|def| match def.kind {
                ValueKind::Let { family: Some(node), .. } => {
                    Some(program.leaf_names(node).iter().map(|n| quoted(n)).collect())
                }
                _ => None,
            })
            .collect();
        ResultJsonWriter { program, keys, levels, leaves }
    }

    /// One result's line, with its line break, appended to `out`.
    pub fn line(&self, r: &UnitResult, inputs: &[Value], out: &mut Vec<u8>) {
        self.write(Layout::Line, r, inputs, out);
        out.push(b'\n');
    }

    /// One result as an item of the JSON document's `"results"`, four spaces in, without
    /// the comma and line break that separate it from the one before.
    pub fn item(&self, r: &UnitResult, inputs: &[Value], out: &mut Vec<u8>) {
        out.extend_from_slice(b"    ");
        self.write(Layout::Item, r, inputs, out);
    }

    fn write(&self, layout: Layout, r: &UnitResult, inputs: &[Value], out: &mut Vec<u8>) {
        let program = self.program;
        let colon = layout.colon();
        let head = |out: &mut Vec<u8>, first: bool, key: &[u8]| {
            layout.member(out, first, 0);
            out.extend_from_slice(key);
            out.extend_from_slice(colon);
        };
        out.push(b'{');
        head(out, true, b"\"department\"");
        json_str(out, &r.unit);
        head(out, false, b"\"score\"");
        json_str(out, &score_text(program, r));
        if let Some(g) = grade_text(program, r) {
            head(out, false, b"\"grade\"");
            json_str(out, &g);
        }
        if let Some(c) = category_text(program, r, inputs) {
            head(out, false, b"\"category\"");
            json_str(out, &c);
        }
        if let Some(rank) = rank_of(program, r) {
            head(out, false, b"\"rank\"");
            out.extend_from_slice((rank as i64).to_string().as_bytes());
        }
        head(out, false, b"\"values\"");
        if self.keys.is_empty() {
            out.extend_from_slice(b"{}");
        } else {
            out.push(b'{');
            for (v, key) in self.keys.iter().enumerate() {
                layout.member(out, v == 0, 1);
                out.extend_from_slice(key);
                out.extend_from_slice(colon);
                self.value(layout, v, &r.values[v], out);
            }
            layout.close(out, 1);
        }
        layout.close(out, 0);
    }

    /// A value, two levels into the result.
    fn value(&self, layout: Layout, v: ValueId, value: &Value, out: &mut Vec<u8>) {
        // Per-leaf values and lists, as serde prints `value_json`: in the document, each
        // line eight spaces in.
        self.nested(v, value, out, matches!(layout, Layout::Item).then_some(8));
    }

    /// `value_json` of a value as serde prints it: compact (`indent` `None`), or pretty with
    /// its lines `indent` spaces in.
    fn nested(&self, v: ValueId, value: &Value, out: &mut Vec<u8>, indent: Option<usize>) {
        let member = |out: &mut Vec<u8>, first: bool| match indent {
            None => out.extend_from_slice(if first { b"" } else { b"," }),
            Some(n) => {
                out.extend_from_slice(if first { b"\n" } else { b",\n" });
                out.resize(out.len() + n + 2, b' ');
            }
        };
        let close = |out: &mut Vec<u8>, bracket: u8| {
            if let Some(n) = indent {
                out.push(b'\n');
                out.resize(out.len() + n, b' ');
            }
            out.push(bracket);
        };
        let inner = indent.map(|n| n + 2);
        match value {
            Value::Num(n) => push_number(out, *n, places(self.program, v, *n)),
            Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Value::Text(t) => json_str(out, t),
            Value::Level(i) => out.extend_from_slice(self.levels[v].get(*i).map_or(&b"\"\""[..], Vec::as_slice)),
            Value::Map(items) => {
                let Some(keys) = &self.leaves[v] else { return out.extend_from_slice(b"null") };
                // Leaf by leaf, as `value_json` pairs them.
                if keys.is_empty() || items.is_empty() {
                    return out.extend_from_slice(b"{}");
                }
                out.push(b'{');
                for (k, (key, item)) in keys.iter().zip(items).enumerate() {
                    member(out, k == 0);
                    out.extend_from_slice(key);
                    out.extend_from_slice(if indent.is_some() { b": " } else { b":" });
                    self.nested(v, item, out, inner);
                }
                close(out, b'}');
            }
            Value::List(items) if items.is_empty() => out.extend_from_slice(b"[]"),
            Value::List(items) => {
                out.push(b'[');
                for (k, item) in items.iter().enumerate() {
                    member(out, k == 0);
                    self.nested(v, item, out, inner);
                }
                close(out, b']');
            }
            _ => out.extend_from_slice(b"null"),
        }
    }
}

fn json_str(out: &mut Vec<u8>, s: &str) {
    let _ = serde_json::to_writer(out, s);
}

/// A workbook: the results in rank order (by category first), every value of every
/// department in input order, and the parameters the run used (`overridden` are those `--set`
/// gave).
pub fn results_xlsx(
    program: &Program,
    results: &[UnitResult],
    inputs: &[&[Value]],
    params: &[Number],
    overridden: &[ParamId],
) -> Result<Vec<u8>, String> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let header = |names: Vec<String>| names.into_iter().map(ResultCell::Text).collect::<Vec<_>>();
    let ranked = table::ranked_cells(program, results, inputs);
    let all: Vec<Vec<ResultCell>> = std::iter::once(header(csv_header(program)))
        .chain(results.iter().zip(inputs).map(|(r, i)| csv_row(program, r, i)))
        .collect();
    workbook::add_sheet(&mut book, "结果", &ranked)?;
    workbook::add_sheet(&mut book, "全部数值", &all)?;
    workbook::add_sheet(&mut book, "参数", &workbook::parameter_rows(program, params, overridden))?;
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// A cell of a results table: text, a number as published, or yes/no.
#[derive(Clone, Debug, PartialEq)]
pub enum ResultCell {
    Text(String),
    /// The published text (`90.00`) and its places.
    Number(String, u32),
    Flag(bool),
}

impl ResultCell {
    /// The cell as a table or CSV shows it: yes/no as people write it.
    pub fn text(&self) -> &str {
        match self {
            ResultCell::Text(t) | ResultCell::Number(t, _) => t,
            ResultCell::Flag(b) => {
                if *b {
                    "是"
                } else {
                    "否"
                }
            }
        }
    }

    /// The cell as CSV holds it: text a spreadsheet would take for a formula (starting with
    /// `= + - @`, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends;
    /// numbers, negative ones too, stay numbers.
    pub fn csv_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            ResultCell::Text(t) => neutralised(t),
            other => other.text().into(),
        }
    }
}

/// `=HYPERLINK(…)` → `'=HYPERLINK(…)`.
pub fn neutralised(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}").into() } else { text.into() }
}

/// A UTF-8 byte-order mark: Chinese Excel reads CSV without one as GBK.
pub const BOM: &str = "\u{feff}";

/// CSV: one row per department in input order: the department, its category (when the
/// regulation ranks by category), then every value under its own name; per-leaf values as
/// `名称[指标]` columns; last, when `--set` changed parameters, a column 参数设定 saying which
/// (`set`, from [`table::parameters_said`]) on every row, so that no row passes for results
/// under the regulation's own values. A byte-order mark first when `bom`.
pub fn csv(program: &Program, results: &[UnitResult], inputs: &[&[Value]], bom: bool, set: Option<&str>) -> String {
    let mut out = if bom { BOM.as_bytes().to_vec() } else { Vec::new() };
    out.extend(csv_header_line(program, set));
    for (r, inp) in results.iter().zip(inputs) {
        out.extend(csv_result_line(program, r, inp, set));
    }
    // Only CSV of UTF-8 text was written.
    String::from_utf8(out).unwrap_or_default()
}

/// The header line of CSV results, neutralised as every cell is.
fn csv_header_line(program: &Program, set: Option<&str>) -> Vec<u8> {
    let set_column = set.map(|_| table::PARAMETERS_SET_COLUMN.into());
    csv_line(csv_header(program).iter().map(|h| neutralised(h)).chain(set_column))
}

/// One result's line of CSV.
fn csv_result_line(program: &Program, r: &UnitResult, inputs: &[Value], set: Option<&str>) -> Vec<u8> {
    csv_line(csv_row(program, r, inputs).iter().map(ResultCell::csv_text).chain(set.map(neutralised)))
}

fn csv_line<'c>(fields: impl Iterator<Item = std::borrow::Cow<'c, str>>) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(fields.map(|f| f.into_owned()));
    w.into_inner().unwrap_or_default()
}

fn csv_header(program: &Program) -> Vec<String> {
    let mut header = vec![program.inputs[program.roles.unit].field.clone()];
    header.extend(category_name(program));
    for def in &program.values {
        match def.kind {
            ValueKind::Let { family: Some(node), .. } => {
                header.extend(program.leaf_names(node).into_iter().map(|k| format!("{}[{k}]", def.name)));
            }
            _ => header.push(def.name.clone()),
        }
    }
    header
}

fn csv_row(program: &Program, r: &UnitResult, inputs: &[Value]) -> Vec<ResultCell> {
    let mut row = vec![ResultCell::Text(r.unit.clone())];
    if category_name(program).is_some() {
        row.push(ResultCell::Text(category_text(program, r, inputs).unwrap_or_default()));
    }
    for (v, value) in r.values.iter().enumerate().take(program.values.len()) {
        match (value, &program.values[v].kind) {
            // One column a leaf, as the header names them.
            (Value::Map(items), ValueKind::Let { family: Some(node), .. }) => {
                let leaves = program.leaf_names(*node).len();
                row.extend(items.iter().take(leaves).map(|item| result_cell(program, v, item)));
            }
            _ => row.push(result_cell(program, v, value)),
        }
    }
    row
}

/// One value as a cell: a number as published, a flag, else its JSON as text.
pub fn result_cell(program: &Program, v: ValueId, value: &Value) -> ResultCell {
    match value {
        Value::Num(n) => {
            let p = places(program, v, *n);
            ResultCell::Number(number_text(*n, p), p)
        }
        Value::Bool(b) => ResultCell::Flag(*b),
        other => ResultCell::Text(cell(&value_json(program, v, other))),
    }
}

/// The category's column name, when it is an input (a computed category is among the values).
fn category_name(program: &Program) -> Option<String> {
    match program.roles.category {
        Some(Expr::Input(i)) => Some(program.inputs[i].field.clone()),
        _ => None,
    }
}

/// Yes/no as people write it.
fn cell(j: &Json) -> String {
    match j {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        Json::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        j => j.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use serde_json::Map;

    #[test]
    fn numbers_print_as_their_decimals_print() {
        let mut next = crate::number::xorshift(0x9e37_79b9_7f4a_7c15);
        for i in 0..20_000u64 {
            let x = next();
            let num = (x % 2_000_001) as i128 - 1_000_000;
            let den = [1, 2, 3, 7, 8, 100, 1000, 999_983][(i % 8) as usize];
            let n = Number::from_parts(num * if i % 5 == 0 { 1_000_000_000_000 } else { 1 }, den).expect("a number");
            for places in 0..5 {
                let decimal = n.to_decimal(places).map(|d| d.to_string()).unwrap_or_else(|_| n.to_string());
                assert_eq!(number_text(n, places), decimal, "{n:?} to {places} places");
            }
        }
        let huge = Number::int(i128::MAX / 3);
        assert_eq!(number_text(huge, 2), huge.to_string());
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        for text in ["=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(ResultCell::Text(text.into()).csv_text(), format!("'{text}"));
        }
        assert_eq!(ResultCell::Text("甲".into()).csv_text(), "甲");
        assert_eq!(ResultCell::Number("-0.50".into(), 2).csv_text(), "-0.50");
        assert_eq!(ResultCell::Flag(true).csv_text(), "是");
    }

    /// A result as a JSON tree: what the writers write, built the slow way.
    fn result_json(program: &Program, r: &UnitResult, inputs: &[Value]) -> Json {
        let mut o = Map::new();
        o.insert("department".into(), Json::String(r.unit.clone()));
        o.insert("score".into(), Json::String(score_text(program, r)));
        if let Some(g) = grade_text(program, r) {
            o.insert("grade".into(), Json::String(g));
        }
        if let Some(c) = category_text(program, r, inputs) {
            o.insert("category".into(), Json::String(c));
        }
        if let Some(rank) = rank_of(program, r) {
            o.insert("rank".into(), Json::from(rank as i64));
        }
        let values: Map<String, Json> = program
            .values
            .iter()
            .enumerate()
            .map(|(v, def)| (def.name.clone(), value_json(program, v, &r.values[v])))
            .collect();
        o.insert("values".into(), Json::Object(values));
        Json::Object(o)
    }

    /// Every kind of value, written under every value of a regulation (levels by the value's
    /// scale, per-leaf values by its leaves, lists in lists, text to escape, entries missing),
    /// is what serde prints of `value_json`, compact and indented.
    #[test]
    fn values_are_written_as_serde_prints_them() {
        let text = include_str!("../../regulations/sichuan-2014.jx");
        let (program, _) = crate::compile(&SourceFile::new("r.jx", text)).expect("checks");
        let writer = ResultJsonWriter::new(&program);
        let mixed = |n: usize| -> Vec<Value> {
            (0..n)
                .map(|i| match i % 6 {
                    0 => Value::Num(Number::from_parts(i as i128 * 7 - 3, 8).expect("a number")),
                    1 => Value::Level(i / 6),
                    2 => Value::Bool(i % 4 == 1),
                    3 => Value::Text(format!("\"名\\{i}\n")),
                    4 => Value::Absent,
                    _ => Value::List(vec![Value::Level(1), Value::List(vec![]), Value::Num(Number::int(2))]),
                })
                .collect()
        };
        let mut kinds = vec![
            Value::Level(0),
            Value::Level(3),
            Value::Level(1000),
            Value::Absent,
            Value::Record(vec![Value::Bool(true)]),
            Value::Tally(vec![Number::int(1)]),
            Value::List(vec![]),
            Value::List(mixed(13)),
            Value::Map(vec![]),
        ];
        for n in [1, 3, 12, 13, 40] {
            kinds.push(Value::Map(mixed(n)));
        }
        // `value_json` printed by serde, its lines after the first `indent` spaces in.
        let by_serde = |v: ValueId, value: &Value, indent: Option<usize>| {
            let json = value_json(&program, v, value);
            match indent {
                None => serde_json::to_string(&json).expect("prints"),
                Some(n) => {
                    serde_json::to_string_pretty(&json).expect("prints").replace('\n', &format!("\n{}", " ".repeat(n)))
                }
            }
        };
        let mut compared = 0;
        for v in 0..program.values.len() {
            for value in &kinds {
                for indent in [None, Some(8)] {
                    let mut ours = Vec::new();
                    writer.nested(v, value, &mut ours, indent);
                    let theirs = by_serde(v, value, indent).into_bytes();
                    let name = &program.values[v].name;
                    assert_eq!(String::from_utf8(ours), String::from_utf8(theirs), "{name} {value:?} {indent:?}");
                    compared += 1;
                }
            }
        }
        assert!(writer.leaves.iter().any(Option::is_some) && compared > 100, "{compared}");
    }

    /// The hand-written JSON line and document item are the JSON tree printed (compact, and
    /// pretty two levels in), for every example department of the shipped regulations
    /// (levels, flags, absent values, per-leaf maps, ranks).
    #[test]
    fn a_json_line_and_item_are_the_result_tree_printed() {
        let shipped = [
            (
                include_str!("../../regulations/sichuan-2014.jx"),
                include_str!("../../examples/sichuan-2014/departments.json"),
            ),
            (
                include_str!("../../regulations/jiangsu-2011.jx"),
                include_str!("../../examples/jiangsu-2011/departments.json"),
            ),
            (
                include_str!("../../regulations/information-security.jx"),
                include_str!("../../examples/information-security/units.json"),
            ),
        ];
        for (text, data) in shipped {
            let (program, _) = crate::compile(&SourceFile::new("r.jx", text)).expect("checks");
            let records = crate::data::record::parse_json(&program, "d.json", data).expect("reads");
            let params = crate::eval::parameters(&program, &[]);
            let results = crate::eval::evaluate(&program, &records, &params).expect("evaluates");
            let writer = ResultJsonWriter::new(&program);
            for (record, r) in records.iter().zip(&results) {
                let tree = serde_json::to_string(&result_json(&program, r, &record.inputs)).expect("prints");
                let mut line = Vec::new();
                writer.line(r, &record.inputs, &mut line);
                assert_eq!(String::from_utf8(line).expect("UTF-8"), format!("{tree}\n"));
                let pretty = serde_json::to_string_pretty(&result_json(&program, r, &record.inputs)).expect("prints");
                let indented: Vec<String> = pretty.lines().map(|l| format!("    {l}")).collect();
                let mut item = Vec::new();
                writer.item(r, &record.inputs, &mut item);
                assert_eq!(String::from_utf8(item).expect("UTF-8"), indented.join("\n"));
            }
        }
    }
}
