//! Checked program + department records → results. Values are computed in the checked
//! order; a ranking waits for every record's value before the values that use it.

mod compiled;
#[cfg(test)]
mod compiled_fuzz;
pub mod err;
mod expr;
mod passes;
mod spill;
pub mod stream;

use crate::diagnostic::Diagnostic;
use crate::lang::msg;
use crate::number::Number;
use crate::program::*;

pub use crate::data::{Record, Value};
pub use expr::{Coverage, address};

use crate::data::err::At;
use std::cell::RefCell;

/// One department's results: every value, by value index.
#[derive(Clone, Debug)]
pub struct UnitResult {
    pub unit: String,
    pub values: Vec<Value>,
    /// For values that are rounded or limited: the exact value before that.
    pub unrounded: Vec<Option<Value>>,
}

/// What a deduction or bonus of value `v` took or gave for one department (count × amount,
/// within its limit), and whether its limit took effect; `None` if it cannot be worked out
/// again (it was, when the value was computed, so this is only for explanations).
pub fn adjustment_taken(
    program: &Program,
    record: &Record,
    result: &UnitResult,
    params: &[Number],
    a: &Adjustment,
) -> Option<(Number, bool)> {
    let env =
        expr::Env { program, inputs: &record.inputs, values: &result.values, params, bound: None, coverage: None };
    env.adjustment(a).ok()
}

/// Parameter values for one run: the defaults, with `--set` overrides applied.
pub fn parameters(program: &Program, overrides: &[(ParamId, Number)]) -> Vec<Number> {
    let mut params: Vec<Number> = program.params.iter().map(|p| p.default).collect();
    for (p, v) in overrides {
        params[*p] = *v;
    }
    params
}

/// Evaluates every record. Errors name the department and the value.
pub fn evaluate(program: &Program, records: &[Record], params: &[Number]) -> Result<Vec<UnitResult>, Vec<Diagnostic>> {
    evaluate_traced(program, records, params, None)
}

/// `evaluate` for records read from tables: a requirement a record breaks is reported with
/// the cells its condition reads (`cells`, by record, from `files::read_with_cells`).
pub fn evaluate_located(
    program: &Program,
    records: &[Record],
    cells: &crate::data::tables::Cells,
    params: &[Number],
) -> Result<Vec<UnitResult>, Vec<Diagnostic>> {
    check_bands(program, params)?;
    passes::evaluate_in_memory(program, records, cells, params, None)
}

/// `evaluate`, noting in `coverage` which rules took effect.
pub fn evaluate_traced(
    program: &Program,
    records: &[Record],
    params: &[Number],
    coverage: Option<&RefCell<Coverage>>,
) -> Result<Vec<UnitResult>, Vec<Diagnostic>> {
    check_bands(program, params)?;
    passes::evaluate_in_memory(program, records, &[], params, coverage)
}

/// Ranks from (group, key, record index): ties share a rank and the next is skipped; records
/// are ranked within their group, by key, in the direction asked.
fn competition_ranks<G: Ord>(mut keys: Vec<(G, Number, usize)>, ascending: bool) -> Vec<i128> {
    keys.sort_by(|a, b| a.0.cmp(&b.0).then(if ascending { a.1.cmp(&b.1) } else { b.1.cmp(&a.1) }).then(a.2.cmp(&b.2)));
    let mut ranks = vec![0i128; keys.len()];
    let mut start = 0;
    for i in 0..keys.len() {
        if i == 0 || keys[i].0 != keys[i - 1].0 {
            start = i;
        }
        let same_as_before = i > start && keys[i].1 == keys[i - 1].1;
        ranks[keys[i].2] = if same_as_before { ranks[keys[i - 1].2] } else { (i - start + 1) as i128 };
    }
    ranks
}

/// Ranking groups numbered as they come: by the group's label (a level), or by its text.
#[derive(Default)]
struct Groups {
    by_level: Vec<Option<u32>>,
    by_text: std::collections::HashMap<String, u32>,
    count: u32,
}

impl Groups {
    /// The group's number; one number for records not ranked within groups.
    fn number(&mut self, group: &Option<Value>) -> u32 {
        match group {
            Some(Value::Level(i)) => {
                if self.by_level.len() <= *i {
                    self.by_level.resize(i + 1, None);
                }
                let count = &mut self.count;
                *self.by_level[*i].get_or_insert_with(|| next(count))
            }
            Some(Value::Text(t)) => match self.by_text.get(t.as_str()) {
                Some(&g) => g,
                None => {
                    let g = next(&mut self.count);
                    self.by_text.insert(t.clone(), g);
                    g
                }
            },
            _ => u32::MAX,
        }
    }
}

/// Every record's place in one ranking: its group and key, by record index.
#[derive(Default)]
pub(super) struct Keys {
    keys: Vec<(u32, Number, usize)>,
    groups: Groups,
}

impl Keys {
    pub(super) fn push(&mut self, group: &Option<Value>, key: Number) {
        let index = self.keys.len();
        self.keys.push((self.groups.number(group), key, index));
    }

    /// Groups are ranked apart; their order does not matter, only that each is whole.
    pub(super) fn ranks(self, ascending: bool) -> Vec<i128> {
        let mut ranked = competition_ranks(self.keys, ascending);
        ranked.shrink_to_fit();
        ranked
    }
}

fn next(count: &mut u32) -> u32 {
    *count += 1;
    *count - 1
}

/// The thresholds of grade `v`'s bands (best first) with this run's parameter values; none
/// if `v` is not a grade.
pub fn band_bounds(program: &Program, v: ValueId, params: &[Number]) -> Vec<BandBounds> {
    match &program.values[v].kind {
        ValueKind::Grade { bands, .. } => bounds_of(program, bands, params),
        _ => Vec::new(),
    }
}

fn bounds_of(program: &Program, bands: &[Band], params: &[Number]) -> Vec<BandBounds> {
    let env = expr::Env { program, inputs: &[], values: &[], params, bound: None, coverage: None };
    let bound = |b: &Option<(Expr, bool)>| -> Option<(Number, bool)> {
        b.as_ref().map(|(e, incl)| (env.eval(e).ok().and_then(|v| v.as_num()).unwrap_or(Number::ZERO), *incl))
    };
    bands.iter().map(|b| BandBounds { lower: bound(&b.lower), upper: bound(&b.upper) }).collect()
}

/// Grade bands whose thresholds are parameters are checked again with this run's values.
fn check_bands(program: &Program, params: &[Number]) -> Result<(), Vec<Diagnostic>> {
    for def in &program.values {
        let ValueKind::Grade { bands, .. } = &def.kind else { continue };
        let bounds = bounds_of(program, bands, params);
        if let Some(problem) = band_problem(&bounds) {
            let label = |i: usize| bands[i].label.as_str();
            let problem = match problem {
                BandProblem::GapAbove(i) => msg!("eval-nothing-covers-scores-above-label", label = label(i)),
                BandProblem::Overlap(i) => msg!("eval-label-label-i-overlap", label = label(i - 1), label_i = label(i)),
                BandProblem::Gap(i) => msg!("eval-gap-between-label-label-i", label = label(i), label_i = label(i - 1)),
                BandProblem::Unreachable(i) => {
                    msg!("eval-label-can-never-reached", label = label(i))
                }
                BandProblem::GapBelow(i) => msg!("eval-nothing-covers-scores-below-label", label = label(i)),
            };
            let set: Vec<String> = program
                .params
                .iter()
                .zip(params)
                .filter(|(p, v)| p.default != **v)
                .map(|(p, v)| format!("{} = {v}", p.name))
                .collect();
            return Err(vec![err::bad_bands(&def.name, &problem, &set)]);
        }
    }
    Ok(())
}

/// The requirements (要求) one record breaks.
pub fn requirement_errors(program: &Program, record: &Record, params: &[Number]) -> Vec<Diagnostic> {
    requirement_errors_located(program, record, params, None)
}

/// The requirements one record breaks, naming the cells (of `cells`, where the record's
/// values came from) that each broken condition reads.
pub fn requirement_errors_located(
    program: &Program,
    record: &Record,
    params: &[Number],
    cells: Option<&std::collections::HashMap<String, String>>,
) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    {
        for req in &program.requires {
            let keys = req.family.map_or(1, |f| program.leaves(f).len());
            for k in 0..keys {
                let bound = req.family.map(|_| k);
                let env = expr::Env { program, inputs: &record.inputs, values: &[], params, bound, coverage: None };
                match env.eval(&req.condition) {
                    Ok(Value::Bool(true)) => {}
                    Ok(_) => {
                        let path = data_path(program, &req.condition, bound).unwrap_or_default();
                        let cell = cells.and_then(|c| cells_read(program, &req.condition, bound, c));
                        let at = At { record: format!("department \"{}\"", record.unit), path, cell };
                        let found = req
                            .shown
                            .iter()
                            .filter_map(|(text, e)| Some(format!("{text} = {}", shown_number(env.eval(e).ok()?)?)))
                            .collect::<Vec<_>>();
                        let message = if found.is_empty() {
                            req.message.clone()
                        } else {
                            let found = found.join(&msg!("sep-comma"));
                            msg!("eval-requirement-found", message = req.message, found)
                        };
                        errors.push(err::requirement(&at, &message, req.refs.first()));
                    }
                    Err(e) => errors.push(e.at(program, &record.unit, &req.message)),
                }
            }
        }
    }
    errors
}

/// The data field a formula reads first, as a path (`职能工作.常规工作`), for messages.
fn data_path(program: &Program, e: &Expr, bound: Option<usize>) -> Option<String> {
    match e {
        Expr::Input(i) => Some(program.inputs[*i].field.clone()),
        Expr::Index(base, key) => {
            let base_path = data_path(program, base, bound)?;
            let Expr::Input(i) = **base else { return Some(base_path) };
            let Shape::Each { indicator, .. } = program.inputs[i].shape else { return Some(base_path) };
            let k = match key {
                Key::Bound => bound?,
                Key::Leaf(k) => *k,
            };
            Some(format!("{base_path}.{}", program.leaf_names(indicator).get(k)?))
        }
        Expr::Field(x, _) | Expr::Neg(x) | Expr::Not(x) => data_path(program, x, bound),
        Expr::Arith(_, a, b) | Expr::Compare(_, a, b) | Expr::And(a, b) | Expr::Or(a, b) => {
            data_path(program, a, bound).or_else(|| data_path(program, b, bound))
        }
        Expr::Call(_, args) => args.iter().find_map(|a| data_path(program, a, bound)),
        _ => None,
    }
}

/// The cells a condition reads, as messages name them: the cells of the first data field it
/// reads (`部门, cell C3`), or of that field in each item of a list of records
/// (`职能工作, cell D2; cell D3; …`); for a list as a whole, its items' first fields.
fn cells_read(
    program: &Program,
    e: &Expr,
    bound: Option<usize>,
    cells: &std::collections::HashMap<String, String>,
) -> Option<String> {
    let (path, field) = field_read(program, e, bound)?;
    if let Some(cell) = cells.get(&path) {
        return Some(cell.clone());
    }
    let mut found: Vec<(usize, &String)> = cells
        .iter()
        .filter_map(|(key, cell)| {
            let (n, rest) = key.strip_prefix(&path)?.strip_prefix('[')?.split_once(']')?;
            (rest.strip_prefix('.')? == field.as_deref()?).then_some((n.parse().ok()?, cell))
        })
        .collect();
    found.sort();
    const SHOWN: usize = 12;
    let (first, rest) = found.split_first()?;
    let sheet = first.1.split_once(", ").map_or("", |(s, _)| s);
    let mut text = first.1.clone();
    for (_, cell) in rest.iter().take(SHOWN - 1) {
        text.push_str("; ");
        text.push_str(cell.strip_prefix(sheet).and_then(|c| c.strip_prefix(", ")).unwrap_or(cell));
    }
    if found.len() > SHOWN {
        text.push_str("; …");
    }
    Some(text)
}

/// The data a condition reads first, as a path (`职能工作.重点工作`), and for a list of records
/// the field of its items it reads (`权重`), or their first field when it reads the list whole.
fn field_read(program: &Program, e: &Expr, bound: Option<usize>) -> Option<(String, Option<String>)> {
    match e {
        Expr::Field(base, i) if data_path(program, base, bound).is_some() => {
            let fields = record_fields(program, base)?;
            Some((data_path(program, base, bound)?, Some(fields.get(*i)?.0.clone())))
        }
        Expr::Input(_) | Expr::Index(..) => {
            let path = data_path(program, e, bound)?;
            let first = record_fields(program, e).and_then(|f| f.first()).map(|(n, _)| n.clone());
            Some((path, first))
        }
        _ => e.children().into_iter().find_map(|c| field_read(program, c, bound)),
    }
}

/// The fields of the records an input (or its entry for a leaf) lists, if it lists records.
fn record_fields<'p>(program: &'p Program, e: &Expr) -> Option<&'p [(String, Shape)]> {
    match e {
        Expr::Input(i) => program.inputs[*i].shape.record_fields(),
        Expr::Index(base, _) => match **base {
            Expr::Input(i) => program.inputs[i].shape.listed_fields(),
            _ => None,
        },
        _ => None,
    }
}

fn shown_number(v: Value) -> Option<String> {
    let n = v.as_num()?;
    Some(match n.to_exact_decimal() {
        Some(d) => d.normalize().to_string(),
        None => crate::number::number_text(n, 4),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// Compiles `body` (after a standard header) and evaluates `data`; returns each record's
    /// value `name` as printed.
    fn eval_values(body: &str, data: &str, name: &str) -> Vec<String> {
        let text = format!("办法 \"测试\"\n输入 部门：文本\n{body}\n");
        let src = SourceFile::new("t.jx", text);
        let (program, _) =
            crate::compile(&src).unwrap_or_else(|e| panic!("{}", crate::diagnostic::render_all(&e, false)));
        let records =
            crate::data::record::parse_json(&program, "t.json", data).unwrap_or_else(|e| panic!("{}", e[0].message));
        let params = parameters(&program, &[]);
        let results = evaluate(&program, &records, &params).unwrap_or_else(|e| panic!("{}", e[0].message));
        let v = program.value_named(name).unwrap();
        results
            .iter()
            .map(|r| crate::output::value_json(&program, v, &r.values[v]).to_string().trim_matches('"').to_string())
            .collect()
    }

    #[test]
    fn rollup_by_weights_is_a_weighted_mean() {
        let body = "指标 管理 { 依法 权重 40% { 甲 权重 50% 乙 权重 50% } 高效 权重 60% }\n\
                    输入 分：每项 管理：分数 0 至 100\n计算 叶[项 属于 管理] = 分[项]\n\
                    计算 总分 = 汇总(管理，叶)\n公布 { 单位：部门；得分：总分 }";
        // 40% × (50% × 80 + 50% × 90) + 60% × 70 = 34 + 42 = 76
        let got = eval_values(body, r#"[{"部门":"a","分":{"甲":80,"乙":90,"高效":70}}]"#, "总分");
        assert_eq!(got, ["76.00"]);
    }

    /// A sum over a list's items of a formula of their fields is computed item by item; what
    /// it gives, and the error when an item overflows, are those of lists step by step.
    #[test]
    fn itemwise_sums_are_exact_and_fail_as_before() {
        let body = "输入 项目：列表 记录 { 权重：数值，得分：分数 0 至 100 }\n\
                    计算 加权 = 合计(项目.权重 ÷ 100 × 项目.得分)\n计算 差 = 合计(100 - 项目.得分)\n\
                    公布 { 单位：部门；得分：加权 }";
        let data = r#"[{"部门":"a","项目":[{"权重":30,"得分":85.5},{"权重":70,"得分":91}]}]"#;
        // 0.3 × 85.5 + 0.7 × 91 = 25.65 + 63.7; (100 - 85.5) + (100 - 91) = 23.5
        assert_eq!(eval_values(body, data, "加权"), ["89.35"]);
        assert_eq!(eval_values(body, data, "差"), ["23.50"]);
        let text = "办法 \"测试\"\n输入 部门：文本\n输入 项目：列表 记录 { 权重：数值，得分：分数 0 至 100 }\n\
                    计算 积 = 合计(项目.权重 × 项目.权重 × 项目.得分)\n公布 { 单位：部门；得分：积 }\n";
        let (program, _) = crate::compile(&SourceFile::new("t.jx", text)).unwrap();
        let data = r#"[{"部门":"a","项目":[{"权重":2,"得分":80},{"权重":100000000000000000000,"得分":90}]}]"#;
        let records = crate::data::record::parse_json(&program, "t.json", data).unwrap();
        let errors = evaluate(&program, &records, &parameters(&program, &[])).unwrap_err();
        assert_eq!(errors.iter().map(|d| d.code).collect::<Vec<_>>(), ["E0801"]);
    }

    /// The factors of a list of ratings are counted by level and then weighed: the mean,
    /// sum and count are those of the list of factors, exactly (a third stays a third).
    #[test]
    fn factors_of_a_list_of_ratings_are_weighed_exactly() {
        let body = "等级 满意度 { 满意 = 100%，比较满意 = 80%，不满意 = 50% }\n\
                    输入 结论：列表 满意度 非空\n\
                    计算 平均分 = 100分 × 平均(因子(结论))\n计算 合计分 = 合计(因子(结论))\n\
                    计算 恰好 = 平均(因子(结论)) × 3 = 2.5\n计算 份数 = 个数(结论)\n\
                    公布 { 单位：部门；得分：平均分 }";
        let data = r#"[{"部门":"a","结论":["满意","比较满意","不满意","比较满意"]},{"部门":"b","结论":["不满意","满意","满意"]}]"#;
        // (1 + 0.8 + 0.5 + 0.8) / 4 = 0.775; (0.5 + 1 + 1) / 3 = 0.8333…, three times it exactly 2.5
        assert_eq!(eval_values(body, data, "平均分"), ["77.50", "83.33"]);
        assert_eq!(eval_values(body, data, "合计分"), ["3.10", "2.50"]);
        assert_eq!(eval_values(body, data, "恰好"), ["false", "true"]);
        assert_eq!(eval_values(body, data, "份数"), ["4", "3"]);
    }

    #[test]
    fn rollup_by_points_gives_points() {
        let body = "指标 总 分值 100 { 一 分值 60 { 甲 乙 } 二 分值 40 }\n\
                    输入 分：每项 总：数值 0 至 1\n计算 叶[项 属于 总] = 分[项] × 100%\n\
                    计算 总分 = 汇总(总，叶)\n公布 { 单位：部门；得分：总分 }";
        // 60 × mean(0.5, 1) + 40 × 0.25 = 45 + 10
        let got = eval_values(body, r#"[{"部门":"a","分":{"甲":0.5,"乙":1,"二":0.25}}]"#, "总分");
        assert_eq!(got, ["55.00"]);
    }

    #[test]
    fn ranks_within_groups_share_ties_and_skip() {
        let body = "输入 类：之一 { 甲类，乙类 }\n输入 分：分数\n计算 总分 = 分\n排名 名次 按 总分 分组 类\n\
                    公布 { 单位：部门；得分：总分；排名：名次；类别：类 }";
        let data = r#"[{"部门":"a","类":"甲类","分":90},{"部门":"b","类":"乙类","分":50},
                       {"部门":"c","类":"甲类","分":95},{"部门":"d","类":"甲类","分":95},
                       {"部门":"e","类":"甲类","分":80},{"部门":"f","类":"乙类","分":60}]"#;
        assert_eq!(eval_values(body, data, "名次"), ["3", "2", "1", "1", "4", "1"]);
    }

    #[test]
    fn caps_floors_and_truncation() {
        let body = "输入 分：分数\n计算 限 = 分 封顶 10分 保底 0分\n计算 截 = 分 保留 1 位 截断\n\
                    计算 总分 = 限 + 截\n公布 { 单位：部门；得分：总分 }";
        let data = r#"[{"部门":"a","分":12.39},{"部门":"b","分":-3.99},{"部门":"c","分":5.55}]"#;
        assert_eq!(eval_values(body, data, "限"), ["10.00", "0.00", "5.55"]);
        assert_eq!(eval_values(body, data, "截"), ["12.3", "-3.9", "5.5"]);
    }

    #[test]
    fn grades_optionals_matches_and_conditions() {
        let body = "输入 分：分数\n输入 上年：可选 等次\n计算 总分 = 分\n\
                    等次 等次 按 总分 { 优 ≥ 90；良 ≥ 60 且 < 90；差 < 60 }\n\
                    计算 比例 = 对应 等次 { 优 = 20%；良 = 15%；差 = 10% }\n\
                    计算 连续差 = 等次 = 差 且 上年 = 差\n\
                    计算 有上年 = 有(上年)\n公布 { 单位：部门；得分：总分；等次：等次 }";
        let data = r#"[{"部门":"a","分":95},{"部门":"b","分":59.99,"上年":"差"},{"部门":"c","分":60,"上年":"差"},{"部门":"d","分":10}]"#;
        assert_eq!(eval_values(body, data, "比例"), ["0.20", "0.10", "0.15", "0.10"]);
        assert_eq!(eval_values(body, data, "连续差"), ["false", "true", "false", "false"]);
        assert_eq!(eval_values(body, data, "有上年"), ["false", "true", "true", "false"]);
    }

    #[test]
    fn records_fields_and_guarded_division() {
        let body = "输入 项目：列表 记录 { 名称：文本，得分：分数 }\n\
                    计算 平均分 = 如果 个数(项目) > 0 则 合计(项目.得分) ÷ 个数(项目) 否则 0分\n\
                    计算 总分 = 平均分\n公布 { 单位：部门；得分：总分 }";
        let data = r#"[{"部门":"a","项目":[{"名称":"x","得分":80},{"名称":"y","得分":91}]},{"部门":"b","项目":[]}]"#;
        assert_eq!(eval_values(body, data, "总分"), ["85.50", "0.00"]);
    }

    #[test]
    fn thirds_stay_exact_until_printed() {
        let body = "等级 结论 { 好 = 100%，较好 = 80% }\n输入 评：列表 结论 非空\n\
                    计算 总分 = 100分 × 平均(因子(评)) + 100分 × 平均(因子(评)) × 2\n公布 { 单位：部门；得分：总分 }";
        // mean of 好,好,较好 = 14/15; 100 × 14/15 × 3 = 280 exactly.
        let got = eval_values(body, r#"[{"部门":"a","评":["好","好","较好"]}]"#, "总分");
        assert_eq!(got, ["280.00"]);
    }
}
