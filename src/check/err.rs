//! Checker diagnostics: names E02xx, types and units E03xx, structure E04xx, embedded
//! tests E06xx, warnings W05xx.

use crate::diagnostic::Diagnostic;
use crate::lang::{chinese, tr};
use crate::program::{Ty, Unit};
use crate::source::Span;

pub fn unknown_name(span: Span, name: &str, what: &str, candidates: &[String]) -> Diagnostic {
    let what_zh = match what {
        "sample" => "样例",
        "parameter" => "参数",
        "scale" => "等级",
        "type or scale" => "类型或等级",
        "indicator" => "指标",
        "value" => "计算值",
        _ => "名称",
    };
    let d = Diagnostic::error("E0201", tr(format!("unknown {what} `{name}`"), format!("未知的{what_zh}“{name}”")))
        .label(span, tr(format!("no {what} has this name"), format!("没有这个{what_zh}")));
    let declare = match what {
        "sample" => tr("declare it with 样例 (sample)", "请先用“样例”声明它"),
        "parameter" => tr("declare it with 参数 (param)", "请先用“参数”声明它"),
        "scale" | "type or scale" => tr(
            "declare the scale with 等级 (scale), or use 文本, 次数, 分数 or 数值",
            "请先用“等级”声明该等级，或使用 文本、次数、分数 或 数值",
        ),
        "indicator" => tr("declare it with 指标 (indicator)", "请先用“指标”声明它"),
        "value" => {
            tr("expectations name computed values (计算, 等次, 排名)", "期望只能针对计算得出的值（计算、等次、排名）")
        }
        _ => tr("declare it first (输入, 参数 or 计算)", "请先声明它（输入、参数 或 计算）"),
    };
    match did_you_mean(name, candidates) {
        Some(best) => d.help(tr(format!("did you mean `{best}`?"), format!("是否应为“{best}”？"))),
        None => d.help(tr(
            format!("{declare}, or check the spelling of `{name}`"),
            format!("{declare}，或检查“{name}”是否写错"),
        )),
    }
}

pub fn duplicate(span: Span, first: Span, name: &str) -> Diagnostic {
    Diagnostic::error("E0202", tr(format!("`{name}` is declared twice"), format!("“{name}”声明了两次")))
        .label(span, tr("declared again here", "此处再次声明"))
        .label(first, tr("first declared here", "首次声明在此"))
        .help(tr(
            "give each input, parameter, value, scale and indicator its own name",
            "每个输入、参数、计算值、等级和指标都应有各自的名称",
        ))
}

pub fn cycle(span: Span, path: &[String]) -> Diagnostic {
    Diagnostic::error(
        "E0203",
        tr(format!("circular definition: {}", path.join(" → ")), format!("循环定义：{}", path.join(" → "))),
    )
    .label(span, tr("this value depends on itself", "这个值依赖于它自身"))
    .help(tr(
        "a value cannot be computed from itself; break the circle by computing one of these from inputs",
        "一个值不能由它自身算出；请改由输入计算其中一个值，以打破循环",
    ))
}

pub fn unknown_function(span: Span, name: &str, candidates: &[String]) -> Diagnostic {
    let d = Diagnostic::error("E0204", tr(format!("unknown function `{name}`"), format!("未知的函数“{name}”")))
        .label(span, tr("not a function", "不是函数"));
    let help = match did_you_mean(name, candidates) {
        Some(best) => tr(format!("did you mean `{best}`?"), format!("是否应为“{best}”？")),
        None => tr(
            format!("the functions are: {}", candidates.join(", ")),
            format!("可用的函数有：{}", candidates.join("、")),
        ),
    };
    d.help(help)
}

pub fn not_an_indicator(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error("E0205", tr(format!("`{name}` is not an indicator"), format!("“{name}”不是指标")))
        .label(span, tr("an indicator (指标) is expected here", "此处应为指标名称"))
        .help(tr("name an indicator declared with 指标", "请写用“指标”声明过的指标名称"))
}

pub fn unknown_key(span: Span, key: &str, of: &str, keys: &[String]) -> Diagnostic {
    let d = Diagnostic::error("E0206", tr(format!("`{of}` has no entry `{key}`"), format!("“{of}”没有“{key}”这一项")))
        .label(span, tr("no such entry", "没有这一项"));
    match did_you_mean(key, keys) {
        Some(best) => d.help(tr(
            format!("did you mean `{best}`? The entries are: {}", keys.join(", ")),
            format!("是否应为“{best}”？可用的项有：{}", keys.join("、")),
        )),
        None => d.help(tr(format!("the entries are: {}", keys.join(", ")), format!("可用的项有：{}", keys.join("、")))),
    }
}

pub fn unknown_label(span: Span, word: &str, labels: &[String]) -> Diagnostic {
    let d = Diagnostic::error(
        "E0207",
        tr(format!("`{word}` is not one of the levels here"), format!("“{word}”不是此处可用的级别")),
    )
    .label(span, tr("unknown level", "未知的级别"));
    match did_you_mean(word, labels) {
        Some(best) => d.help(tr(
            format!("did you mean `{best}`? The levels are: {}", labels.join(", ")),
            format!("是否应为“{best}”？可用的级别有：{}", labels.join("、")),
        )),
        None => {
            d.help(tr(format!("the levels are: {}", labels.join(", ")), format!("可用的级别有：{}", labels.join("、"))))
        }
    }
}

pub fn unit_mismatch(span: Span, op: &str, a: Unit, b: Unit) -> Diagnostic {
    unit_mismatch_in(span, op, (a, None), (b, None), None)
}

/// A number in a product written without a unit, which written in the unit of the other side
/// would make the two meet: `20分 - 5 × 扣分次数` wants `5分`.
pub struct UnitFix {
    /// The unit it should be written in (points or a percentage).
    pub unit: Unit,
    /// The side it is in, as written (`x × 扣分次数`), and that side's unit now.
    pub side: String,
    pub side_unit: Unit,
    pub what: Unitless,
}

pub enum Unitless {
    /// A number written as `5`.
    Number { text: String },
    /// A parameter declared without a unit (`参数 x = 5`) at `declared`.
    Param { name: String, value: String, declared: Span },
}

/// A unit mismatch; each side's unit and, where known, its text as written, and a number or
/// parameter that wants a unit, if the formula shows one.
pub fn unit_mismatch_in(
    span: Span,
    op: &str,
    (a, a_text): (Unit, Option<&str>),
    (b, b_text): (Unit, Option<&str>),
    fix: Option<UnitFix>,
) -> Diagnostic {
    let (ua, ub) = (unit_words(a), unit_words(b));
    // What is done with the two, in Chinese: `分值（分）与百分比相加`.
    let done = match op {
        "add" => format!("{ua}与{ub}相加"),
        "subtract" => format!("{ua}与{ub}相减"),
        "divide" => format!("{ua}与{ub}相除"),
        "compare" => format!("{ua}与{ub}比较"),
        "limit" => format!("用{ub}为{ua}封顶或保底"),
        "weigh together" => format!("{ua}与{ub}加权合计"),
        "choose between" => format!("{ua}与{ub}作为同一个值的不同结果"),
        _ => format!("{ua}与{ub}一起使用"),
    };
    let label = match op {
        "add" => format!("{ua} + {ub}"),
        "subtract" => format!("{ua} − {ub}"),
        "divide" => format!("{ua} ÷ {ub}"),
        "compare" => format!("{ua} compared with {ub}"),
        "limit" => format!("{ua} limited by {ub}"),
        "weigh together" => format!("{ua} weighed with {ub}"),
        "choose between" => format!("either {ua} or {ub}"),
        _ => format!("{ua} with {ub}"),
    };
    let cannot = if op == "limit" { format!("不能{done}") } else { format!("不能把{done}") };
    let d = Diagnostic::error("E0301", tr(format!("cannot {op} {ua} and {ub}"), cannot)).label(span, tr(label, done));
    let Some(fix) = fix else {
        // A count meeting points (or a percentage): the count, times the points for each one.
        let count = match (a, b) {
            _ if op == "divide" => None,
            (Unit::Count, other @ (Unit::Points | Unit::Ratio)) => Some((a_text, other)),
            (other @ (Unit::Points | Unit::Ratio), Unit::Count) => Some((b_text, other)),
            _ => None,
        };
        return d.help(match count {
            Some((text, unit)) => {
                // The count as written, if it is a name (`扣分次数`), else a stand-in.
                let text = text.filter(|t| t.chars().count() <= 20 && !t.contains(char::is_whitespace));
                let each = if unit == Unit::Points { "5分" } else { "2%" };
                let example = format!("{each} × {}", text.unwrap_or("次数"));
                let (per, (what, what_zh)) = (unit_words(unit), per_item(unit));
                tr(
                    format!("a count is not {per}: multiply it by the {what} for each one, as in `{example}`"),
                    format!("次数不是{per}：请乘以每次的{what_zh}，如“{example}”"),
                )
            }
            None => tr(
                "multiply a percentage by points to get points, as in `100分 × 10%`; write units on numbers (`5分`, `10%`)",
                "用分值乘以百分比得到分值，如“100分 × 10%”；数字请写上单位（“5分”“10%”）",
            ),
        });
    };
    let (unit, now) = (unit_words(fix.unit), unit_words(fix.side_unit));
    let side = fix.side;
    match fix.what {
        Unitless::Number { text } => {
            let written = format!("{text}{}", fix.unit.suffix());
            d.help(tr(
                format!("`{text}` has no unit, so `{side}` is {now}; write `{written}` to make it {unit}"),
                format!("“{text}”没有写单位，所以“{side}”是{now}；请写成“{written}”，使它成为{unit}"),
            ))
        }
        Unitless::Param { name, value, declared } => {
            let decl = format!("参数 {name} = {value}{}", fix.unit.suffix());
            d.label(declared, tr("declared without a unit", "声明时没有写单位")).help(tr(
                format!(
                    "the parameter `{name}` has no unit, so `{side}` is {now}; declare it as `{decl}` to make it {unit}"
                ),
                format!("参数“{name}”没有单位，所以“{side}”是{now}；请声明为“{decl}”，使它成为{unit}"),
            ))
        }
    }
}

/// What one item of a count is worth, in a unit: points or a percentage.
fn per_item(u: Unit) -> (&'static str, &'static str) {
    if u == Unit::Points { ("points", "分值") } else { ("percentage", "百分比") }
}

pub fn rating_as_number(span: Span, scale: &str) -> Diagnostic {
    Diagnostic::error(
        "E0302",
        tr(
            format!("a rating on the scale `{scale}` is used as a number"),
            format!("等级“{scale}”的评价结果被当作数字使用"),
        ),
    )
    .label(span, tr("a rating, not a number", "这是评价结果，不是数字"))
    .help(tr(
        "use its percentage: `因子(…)` (factor) turns 好/较好/差 into 100%/80%/50%",
        "请使用它对应的百分比：“因子(…)”把 好/较好/差 换算为 100%/80%/50%",
    ))
}

pub fn type_mismatch(span: Span, expected: &str, found: &str) -> Diagnostic {
    let (expected_zh, found_zh) = (zh(expected), zh(found));
    Diagnostic::error(
        "E0303",
        tr(format!("expected {expected}, found {found}"), format!("此处应为{expected_zh}，实际为{found_zh}")),
    )
    .label(span, tr(format!("this is {found}"), format!("这是{found_zh}")))
    .help(tr(format!("write {expected} here"), format!("此处请写{expected_zh}")))
}

pub fn tally_as_list(span: Span) -> Diagnostic {
    Diagnostic::error(
        "E0304",
        tr("a tally (count per level) is used where a list is wanted", "计票结果（各级别的票数）被当作列表使用"),
    )
    .label(span, tr("a tally", "计票结果"))
    .help(tr(
        "use `合计(…)` for the number of answers, `计数(…, 满意)` for one level, or `平均(因子(…))` for the mean percentage",
        "答卷总数用“合计(…)”，某一级别的票数用“计数(…, 满意)”，平均百分比用“平均(因子(…))”",
    ))
}

pub fn maybe_zero(span: Span, what: &str) -> Diagnostic {
    let what_zh = zh(what);
    Diagnostic::error("E0305", tr(format!("{what} can be zero here"), format!("{what_zh}在此处可能为零")))
        .label(span, tr("may be zero", "可能为零"))
        .help(tr(
            "declare a list 非空 (nonempty) or a number input above 0 (`次数 ≥ 1`, `数值 > 0`), give a parameter a value other than 0, or guard it: `如果 x > 0 则 … 否则 …`",
            "列表请声明为“非空”，数字输入请声明大于 0（如“次数 ≥ 1”“数值 > 0”），参数请设为非零的值，或先加判断：“如果 x > 0 则 … 否则 …”",
        ))
}

pub fn arity(span: Span, func: &str, expected: &str, found: usize) -> Diagnostic {
    let expected_zh = zh(expected);
    Diagnostic::error(
        "E0306",
        tr(
            format!("`{func}` takes {expected}, found {found}"),
            format!("“{func}”需要{expected_zh}，实际给了 {found} 项"),
        ),
    )
    .label(span, tr("wrong number of arguments", "括号内的项数不对"))
    .help(tr(
        format!("call it as shown in the tour: `{func}(…)` with {expected}"),
        format!("请按说明中的写法使用：“{func}(…)”，括号内写{expected_zh}"),
    ))
}

pub fn not_constant(span: Span, what: &str) -> Diagnostic {
    let what_zh = zh(what);
    Diagnostic::error("E0307", tr(format!("{what} must be a fixed number"), format!("{what_zh}必须是固定的数")))
        .label(span, tr("depends on a department's data", "取决于各部门的数据"))
        .help(tr("write a number (`60`, `10%`) or a parameter (参数) here", "此处请写一个数（如“60”“10%”）或一个参数"))
}

pub fn points_times_points(span: Span) -> Diagnostic {
    Diagnostic::error("E0308", tr("points multiplied by points have no meaning", "分值乘以分值没有意义"))
        .label(span, "分 × 分")
        .help(tr(
            "one side should be a percentage or a count, as in `2分 × 中央表彰` or `60分 × 50%`",
            "其中一边应为百分比或次数，如“2分 × 中央表彰”或“60分 × 50%”",
        ))
}

pub fn fractional_cutoff(span: Span) -> Diagnostic {
    Diagnostic::error(
        "E0412",
        tr(
            "a cut-off written as a whole number band (`70 至 89`, `90 以上`) is not a whole number",
            "按整数分段（如“70 至 89”“90 以上”）的分数线不是整数",
        ),
    )
    .label(span, tr("not a whole number", "不是整数"))
    .help(tr(
        "`70 至 89` means at least 70 and below 90; for other cut-offs write the bounds: `良好 ≥ 70.5 且 < 89.5`",
        "“70 至 89”表示不低于 70 且低于 90；其他分数线请写明上下限，如“良好 ≥ 70.5 且 < 89.5”",
    ))
}

pub fn part_without_points(span: Span, parts: &[String]) -> Diagnostic {
    let (en, zh) = (parts.join(", "), parts.join("、"));
    Diagnostic::error(
        "E0315",
        tr(
            format!("parts scored in points are added up, but these have no points (分值) to stay within: {en}"),
            format!("各部分按分值得分并相加，但以下部分没有规定分值：{zh}"),
        ),
    )
    .label(span, tr("a sum of parts scored in points", "按分值得分的各部分之和"))
    .help(tr(
        format!("give each its points in the indicator tree (`{} 分值 20`), or score the parts as percentages of their points", parts[0]),
        format!("请在指标体系中写明“{zh}”的分值（如“{} 分值 20”），或把各部分的得分写成占其分值的百分比", parts[0]),
    ))
}

pub fn fractional_count(span: Span, written: &str, bonus: bool) -> Diagnostic {
    let (sign, verb, verb_zh) = if bonus { ("+", "add", "加上") } else { ("-", "subtract", "减去") };
    Diagnostic::error(
        "E0316",
        tr(
            "`每` counts whole times, but this can be a fraction",
            "“每”后应为整数次，这里却可能是小数",
        ),
    )
    .label(span, tr("can be a fraction", "可能是小数"))
    .help(tr(
        format!("say how a part counts: `每 向下取整({written})` counts only whole steps (84% over 80% in 5% steps is 0), `每 向上取整({written})` counts any part as a step; for points in proportion, {verb} a product instead (`{sign} 1分 × {written}`)"),
        format!("请写明不足一次的部分如何计：“每 向下取整({written})”只计整次（超出 4%、每 5% 一档计 0 次），“每 向上取整({written})”不足一次也计一次；若要按比例计分，请直接{verb_zh}乘积（“{sign} 1分 × {written}”）"),
    ))
}

/// `汇总(甲)` where 甲 has no parts: a roll-up of nothing would be 0, silently.
pub fn rollup_of_a_leaf(span: Span, name: &str, values: Option<&str>) -> Diagnostic {
    let (own, own_zh) = match values {
        Some(values) => (format!("`{values}[{name}]`"), format!("“{values}[{name}]”")),
        None => (format!("the value named `{name}`"), format!("名为“{name}”的值")),
    };
    Diagnostic::error(
        "E0317",
        tr(
            format!("`{name}` has no parts in the indicator tree: there is nothing to roll up"),
            format!("“{name}”在指标体系中没有下级指标：没有可以汇总的部分"),
        ),
    )
    .label(span, tr("an indicator without parts", "没有下级的指标"))
    .help(tr(
        format!("use the value of `{name}` itself ({own}); 汇总 weighs the parts of an indicator that has them"),
        format!("请直接使用“{name}”本身的值（{own_zh}）；汇总 用于按权重或分值汇总有下级指标的指标"),
    ))
}

pub fn points_as_count(span: Span) -> Diagnostic {
    Diagnostic::error(
        "E0314",
        tr("`每` counts how many times, but this is an amount of points", "“每”后应为次数，这里却是分值"),
    )
    .label(span, tr("points, not a count", "这是分值，不是次数"))
    .help(tr(
        "write what is counted after `每` and the points after `扣`, as in `每 不达标月数 扣 5分`; to take a number of points, write `扣 x 如果 条件` or subtract it",
        "“每”后写所计的次数，“扣”后写分值，如“每 不达标月数 扣 5分”；要扣一个分值，写“扣 x 如果 条件”或直接相减",
    ))
}

pub fn empty_limit(span: Span) -> Diagnostic {
    Diagnostic::error(
        "E0312",
        tr("this range is empty: its lower bound is above its upper bound", "这个范围是空的：下限大于上限"),
    )
    .label(span, tr("no value fits", "没有任何值能落在其中"))
    .help(tr(
        "write the smaller number first, as in `0 至 100` or `项数 6 至 10`",
        "请先写较小的数，如“0 至 100”或“项数 6 至 10”",
    ))
}

pub fn not_a_count(span: Span) -> Diagnostic {
    Diagnostic::error("E0313", tr("a number of items must be a whole number ≥ 0", "项数必须是不小于 0 的整数"))
        .label(span, tr("not a whole number of items", "不是整数"))
        .help(tr("write a whole number, as in `项数 6 至 10`", "请写整数，如“项数 6 至 10”"))
}

pub fn no_header(span: Span) -> Diagnostic {
    Diagnostic::error("E0409", tr("the file does not name its regulation", "文件没有写明是哪一个办法"))
        .label(span, tr("no 办法 declaration", "缺少“办法”声明"))
        .help(tr(
            "start the file with `办法 \"…\" 文号 \"…\"`, the regulation's title and document number",
            "请在文件开头写明办法的名称和文号：办法 \"…\" 文号 \"…\"",
        ))
}

pub fn no_levels(span: Span, scale: &str) -> Diagnostic {
    Diagnostic::error(
        "E0410",
        tr(format!("the scale `{scale}` has no levels"), format!("等级“{scale}”没有列出任何级别")),
    )
    .label(span, tr("an empty scale", "空的等级"))
    .help(tr(
        "list its levels and their percentages, as in `{ 好 = 100%，较好 = 80%，差 = 50% }`",
        "请列出各级别及其百分比，如“{ 好 = 100%，较好 = 80%，差 = 50% }”",
    ))
}

pub fn bad_date(span: Span, text: &str) -> Diagnostic {
    Diagnostic::error("E0107", tr(format!("`{text}` is not a date"), format!("“{text}”不是有效的日期")))
        .label(span, tr("no such day", "没有这一天"))
        .help(tr(
            "write a real date, as in 2014-04-25 or 2014年4月25日",
            "请写实际存在的日期，如 2014-04-25 或 2014年4月25日",
        ))
}

pub fn not_positive(span: Span, what: &str) -> Diagnostic {
    let what_zh = zh(what);
    Diagnostic::error("E0411", tr(format!("{what} must be more than 0"), format!("{what_zh}必须大于 0")))
        .label(span, tr("0 or less", "小于或等于 0"))
        .help(tr(
            "an indicator that counts for nothing should be left out of the tree",
            "不计分的指标应从指标体系中删去",
        ))
}

pub fn requirement_reads_values(span: Span) -> Diagnostic {
    Diagnostic::error(
        "E0311",
        tr("a requirement may read only the record's data and parameters", "要求只能使用本条记录的数据和参数"),
    )
    .label(span, tr("uses a computed value", "使用了计算得出的值"))
    .help(tr(
        "requirements are checked before anything is computed; state the rule on the inputs it is about",
        "要求在任何计算之前检查；请直接针对相关的输入写出这条规则",
    ))
}

pub fn leaf_without_value(span: Span, tree: &str, leaf: &str) -> Diagnostic {
    Diagnostic::error(
        "E0310",
        tr(
            format!("`{leaf}`, a part of `{tree}`, has no value to weigh"),
            format!("“{tree}”的组成部分“{leaf}”没有可加权的值"),
        ),
    )
    .label(span, tr(format!("rolls up {tree}"), format!("汇总“{tree}”")))
    .help(tr(
        format!("compute it (`计算 {leaf} = …`), or give one score per leaf: `汇总({tree}, 分数)`"),
        format!("请计算它（“计算 {leaf} = …”），或为每个末级指标给出一个分数：“汇总({tree}, 分数)”"),
    ))
}

pub fn different_lists(span: Span) -> Diagnostic {
    Diagnostic::error("E0309", tr("two different lists are combined item by item", "两个不同的列表被逐项组合"))
        .label(span, tr("these lists may differ in length", "这两个列表的项数可能不同"))
        .help(tr(
            "combine fields of the same list, as in `合计(项目.权重 × 项目.得分)`",
            "请组合同一个列表中的字段，如“合计(项目.权重 × 项目.得分)”",
        ))
}

pub fn points_mismatch(span: Span, parent: &str, expected: &str, found: &str, children: &str) -> Diagnostic {
    Diagnostic::error(
        "E0401",
        tr(
            format!("the points of `{parent}`'s children add up to {found}, not {expected}"),
            format!("“{parent}”的下级指标分值合计为 {found}，而不是 {expected}"),
        ),
    )
    .label(span, tr(format!("{parent}: {expected} points"), format!("{parent}：{expected} 分")))
    .help(tr(
        format!("the children are {children}; make their points add up to {expected}"),
        format!("下级指标为 {children}；请使它们的分值合计为 {expected}"),
    ))
}

pub fn weights_mismatch(span: Span, parent: &str, found: &str, children: &str) -> Diagnostic {
    Diagnostic::error(
        "E0402",
        tr(
            format!("the weights of `{parent}`'s children add up to {found}, not 100%"),
            format!("“{parent}”的下级指标权重合计为 {found}，而不是 100%"),
        ),
    )
    .label(span, tr(format!("children of {parent}"), format!("“{parent}”的下级指标")))
    .help(tr(
        format!("the children are {children}; make their weights add up to 100%"),
        format!("下级指标为 {children}；请使它们的权重合计为 100%"),
    ))
}

pub fn mixed_shares(span: Span, parent: &str) -> Diagnostic {
    Diagnostic::error(
        "E0403",
        tr(
            format!("the children of `{parent}` mix points, weights and neither"),
            format!("“{parent}”的下级指标混用了分值、权重和不设两者的写法"),
        ),
    )
    .label(span, tr("children of this indicator", "该指标的下级指标"))
    .help(tr(
        "give every child points (分值), or every child a weight (权重), or none of them (equal shares)",
        "请给每个下级指标都写“分值”，或都写“权重”，或都不写（平均分配）",
    ))
}

pub fn bands_overlap(span: Span, band: &str, other: &str) -> Diagnostic {
    Diagnostic::error(
        "E0404",
        tr(format!("grade bands `{other}` and `{band}` overlap"), format!("等次“{other}”与“{band}”的分数范围重叠")),
    )
    .label(span, tr("this bound reaches into the band above", "这个界限伸入了上一个等次"))
    .help(tr(
        "write bands from highest to lowest; each band's upper bound must be the lower bound of the one above, as in `合格 ≥ 60 且 < 90`",
        "请按从高到低的顺序写各等次；每个等次的上限应等于上一个等次的下限，如“合格 ≥ 60 且 < 90”",
    ))
}

pub fn bands_gap(span: Span, what: &str) -> Diagnostic {
    let what_zh = zh(what);
    Diagnostic::error("E0405", tr(format!("the grade bands leave a gap: {what}"), format!("等次之间有空档：{what_zh}")))
        .label(span, tr("a score here gets no grade", "落在这里的分数得不到任何等次"))
        .help(tr(
            "make each band start where the one above ends, and let the last band take everything below (`不合格 < 60`)",
            "请让每个等次从上一个等次结束处开始，并让最后一个等次包括以下所有分数（“不合格 < 60”）",
        ))
}

pub fn band_unreachable(span: Span, band: &str) -> Diagnostic {
    Diagnostic::error(
        "E0406",
        tr(format!("grade band `{band}` can never be reached"), format!("等次“{band}”永远评不到")),
    )
    .label(span, tr("every score that fits here is taken by a band above", "能落在这里的分数都已归入上面的等次"))
    .help(tr("write bands from highest to lowest threshold", "请按分数线从高到低的顺序写各等次"))
}

pub fn missing_role(span: Span, role: &str) -> Diagnostic {
    let role_zh = zh(role);
    Diagnostic::error(
        "E0407",
        tr(format!("the file does not say which value is the {role}"), format!("文件没有说明哪个值是{role_zh}")),
    )
    .label(span, tr("here", "此处"))
    .help(tr(
        "add a 公布 (publish) declaration: `公布 { 单位：部门；得分：总分；等次：等次；排名：排名 }`",
        "请加上“公布”声明：“公布 { 单位：部门；得分：总分；等次：等次；排名：排名 }”",
    ))
}

pub fn match_arms(span: Span, missing: &[String]) -> Diagnostic {
    Diagnostic::error(
        "E0408",
        tr(
            format!("these levels have no case: {}", missing.join(", ")),
            format!("以下级别没有对应的值：{}", missing.join("、")),
        ),
    )
    .label(span, tr("not every level is covered", "没有覆盖所有级别"))
    .help(tr("give a value for every level, each once", "请为每个级别各给出一个值，每个级别只写一次"))
}

pub fn unknown_sample(span: Span, name: &str, samples: &[String]) -> Diagnostic {
    unknown_name(span, name, "sample", samples)
}

pub fn bad_expectation(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("E0601", tr(format!("this expectation cannot be checked: {what}"), format!("无法检查这条期望：{what}")))
        .label(span, tr("here", "此处"))
        .help(tr(
            "a test gives records with `单位 …` and, after each, `期望 名 = 值` about computed values: numbers, levels, 是/否 or 无",
            "测试用“单位 …”给出记录，并在每条记录之后用“期望 名 = 值”写出计算值应得的结果：数字、级别、是/否 或 无",
        ))
}

pub fn unused(span: Span, what: &str, name: &str) -> Diagnostic {
    let what_zh = match what {
        "input" => "输入项",
        "parameter" => "参数",
        "scale" => "等级",
        other => other,
    };
    Diagnostic::warning("W0501", tr(format!("{what} `{name}` is never used"), format!("{what_zh}“{name}”从未使用")))
        .label(span, tr("declared here, used nowhere", "在此声明，但没有任何地方使用"))
        .help(tr(
            "use it in a formula, or remove it if the regulation does not need it",
            "请在公式中使用它；如果办法不需要，请删除",
        ))
}

pub fn unit_words(u: Unit) -> &'static str {
    let (en, zh) = match u {
        Unit::Points => ("points (分)", "分值（分）"),
        Unit::Ratio => ("a percentage", "百分比"),
        Unit::Count => ("a count", "次数"),
        Unit::Free => ("a plain number", "不带单位的数"),
    };
    if chinese() { zh } else { en }
}

pub fn ty_words(t: &Ty) -> String {
    match t {
        Ty::Num(u) => unit_words(*u).to_string(),
        Ty::Bool => tr("a yes/no condition", "是/否条件"),
        Ty::Text => tr("text", "文本"),
        Ty::Rating(_) => tr("a rating", "评价结果"),
        Ty::Label(_) => tr("a grade or category", "等次或类别"),
        Ty::List(t) => tr(format!("a list, each item {}", ty_words(t)), format!("由{}组成的列表", ty_words(t))),
        Ty::Tally(_) => tr("a tally", "计票结果"),
        Ty::Map(_, t) => tr(
            format!("one value per leaf of an indicator, each {}", ty_words(t)),
            format!("每个末级指标各一个{}", ty_words(t)),
        ),
        Ty::Record(_) => tr("a record", "记录"),
        Ty::Optional(t) => tr(format!("an optional {}", ty_words(t)), format!("可选的{}", ty_words(t))),
        Ty::Nothing => tr("no value (无)", "空值（无）"),
    }
}

/// The Chinese for a phrase the checks pass in English (what is expected or found, what
/// must be fixed …), when messages are in Chinese. Phrases already in Chinese, or not
/// known here, are returned as they are.
fn zh(phrase: &str) -> String {
    if !chinese() {
        return phrase.to_string();
    }
    let fixed = match phrase {
        // What is expected or found (type_mismatch).
        "a value" => "一个值",
        "the indicator variable (use it in brackets, as in `绩效委评价[项]`)" => {
            "指标变量（请写在方括号中，如“绩效委评价[项]”）"
        }
        "a scale (等级)" => "等级名称",
        "a value (to use an indicator's score, compute it: `计算 名 = 汇总(名, …)`)" => {
            "一个值（要使用指标的得分，请先计算：“计算 名 = 汇总(名, …)”）"
        }
        "an indicator (指标)" => "指标",
        "something with entries (one per indicator, or a record)" => "含有多项的值（每个指标一项，或一条记录）",
        "a number" => "数字",
        "an optional value (check it with `有(…)` first)" => "可选的值（请先用“有(…)”判断是否给出）",
        "a yes/no condition" => "是/否条件",
        "values that are given (check an optional one with `如果 有(…) 则 …` first)" => {
            "已给出的值（可选的值请先用“如果 有(…) 则 …”判断）"
        }
        "an optional value compared by size" => "按大小比较可选的值",
        "numbers (levels are not compared by size; compare their percentages: `因子(a) > 因子(b)`)" => {
            "数字（级别不能比较大小；请比较它们的百分比：“因子(a) > 因子(b)”）"
        }
        "levels compared by size" => "按大小比较级别",
        "a grade compared with one of its levels (`等次 = 先进`)" => "等次与它的某个级别相比较（如“等次 = 先进”）",
        "a grade, category or rating" => "等次、类别或评价结果",
        "a rating, a list of ratings or a tally" => "评价结果、由评价结果组成的列表或计票结果",
        "an optional input (可选)" => "声明为“可选”的输入",
        "a list of numbers" => "由数字组成的列表",
        "one value per leaf of an indicator (a value computed with `[项 属于 …]`)" => {
            "指标的每个末级指标各一个值（用“[项 属于 …]”计算的值）"
        }
        "a percentage per leaf (the indicator has points, so its leaves give the share of them earned)" => {
            "每个末级指标一个百分比（该指标设有分值，末级指标给出所得分值的比例）"
        }
        "a percentage for each part (the indicator has points)" => "每个组成部分一个百分比（该指标设有分值）",
        "a tally (计票)" => "计票结果（计票）",
        "a default of the input's type" => "与输入类型相符的默认值",
        "a value of another kind" => "其他类型的值",
        "a limit that fits the type (非空 for lists and tallies, 项数 for lists, a range or bound for numbers)" => {
            "与类型相符的限制（列表和计票用 非空，列表用 项数，数字用范围或界限）"
        }
        "a limit this type cannot have" => "这种类型不能有的限制",
        // What can be zero (maybe_zero).
        "the divisor" => "除数",
        "the number of items averaged" => "参与平均的项数",
        "the whole" => "总数",
        "one condition per item, as in `计数(月发布条数 < 40)`" => "每项一个条件，如“计数(月发布条数 < 40)”",
        "one condition per item of the list" => "列表每项一个条件",
        "a tally and one of its levels, or one condition per item" => "一个计票结果和它的一个级别，或每项一个条件",
        "a part and a whole" => "部分和总数两项",
        // How many arguments a function takes (arity).
        "an indicator, and optionally one value per leaf" => "一个指标，以及（可选）每个末级指标各一个值",
        "a tally and one of its levels" => "一个计票结果和它的一个级别",
        "one argument" => "一项",
        "two or more numbers" => "两个或更多的数",
        "two or more numbers, or a list" => "两个或更多的数，或一个列表",
        "the number of items" => "项数",
        // What must be a fixed number or more than 0 (not_constant, not_positive).
        "a grade threshold" => "等次的分数线",
        "a level's percentage" => "级别的百分比",
        "an indicator's points" => "指标的分值",
        "an indicator's weight" => "指标的权重",
        "a parameter's value" => "参数的值",
        "a range's bound" => "范围的上下限",
        "a bound" => "界限",
        "a number of items" => "项数",
        // The published roles (missing_role).
        "department's name (单位)" => "部门名称（单位）",
        "score (得分)" => "公布的得分（得分）",
        // Grade band gaps (bands_gap).
        "there are no bands" => "没有任何等次",
        _ => "",
    };
    if !fixed.is_empty() {
        return fixed.to_string();
    }
    let between =
        |s: &str, pre: &str, post: &str| s.strip_prefix(pre).and_then(|r| r.strip_suffix(post)).map(str::to_string);
    if let Some(ty) = phrase.strip_prefix("a grade compared with ") {
        return format!("等次与{ty}相比较");
    }
    if let Some(ty) = phrase.strip_prefix("two values of the same kind, like ") {
        return format!("两个同类的值，如{ty}");
    }
    if let Some(tree) = between(phrase, "values for the leaves of `", "`") {
        return format!("“{tree}”各末级指标的值");
    }
    if let Some(label) = between(phrase, "nothing covers scores above `", "`") {
        return format!("没有等次包括高于“{label}”的分数");
    }
    if let Some(label) = between(phrase, "nothing covers scores below `", "`") {
        return format!("没有等次包括低于“{label}”的分数");
    }
    if let Some((a, b)) = between(phrase, "between `", "`").as_deref().and_then(|r| r.split_once("` and `")) {
        return format!("“{a}”与“{b}”之间");
    }
    // `an entry of `X` (one per leaf of Y)` and `` `项`, which ranges over the leaves of Y ``.
    if let Some((of, tree)) =
        between(phrase, "an entry of `", ")").as_deref().and_then(|r| r.split_once("` (one per leaf of "))
    {
        return format!("“{of}”的一项（{tree}的每个末级指标各一项）");
    }
    if let Some((var, tree)) =
        between(phrase, "`", "").as_deref().and_then(|r| r.split_once("`, which ranges over the leaves of "))
    {
        return format!("“{var}”，它取遍{tree}的各末级指标");
    }
    phrase.to_string()
}

/// The closest candidate by edit distance, if close enough to be a likely typo.
pub fn did_you_mean(name: &str, candidates: &[String]) -> Option<String> {
    let len = name.chars().count();
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(name, c), c))
        .filter(|(d, c)| *d <= (len.max(c.chars().count()) / 2).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.clone())
}
