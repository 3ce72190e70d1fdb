//! The Jiangsu 2011 contract written by hand, as a competent programmer would without
//! jixiao: typed records (serde), rust_decimal arithmetic (every product here terminates
//! within its 28 digits, so it is exact), one pass over the file, then ranks. It prints
//! the same JSON Lines as `jixiao eval regulations/jiangsu-2011.jx DATA --format jsonl`;
//! `benches/run.sh` checks that before it times anything.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Deserialize;

fn dec<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    let n = serde_json::Number::deserialize(d)?;
    Decimal::from_str_exact(n.as_str()).map_err(serde::de::Error::custom)
}

fn decs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Decimal>, D::Error> {
    let m = BTreeMap::<String, serde_json::Number>::deserialize(d)?;
    m.into_iter()
        .map(|(k, n)| Decimal::from_str_exact(n.as_str()).map(|v| (k, v)).map_err(serde::de::Error::custom))
        .collect()
}

#[derive(Clone, Deserialize)]
pub struct Item {
    #[serde(rename = "权重", deserialize_with = "dec")]
    weight: Decimal,
    #[serde(rename = "得分", deserialize_with = "dec")]
    score: Decimal,
}

#[derive(Clone, Deserialize)]
pub struct Deduction {
    #[serde(rename = "扣分", deserialize_with = "dec")]
    points: Decimal,
}

#[derive(Clone, Deserialize)]
pub struct Functions {
    #[serde(rename = "重点工作")]
    key: Vec<Item>,
    #[serde(rename = "常规工作")]
    regular: Vec<Item>,
    #[serde(rename = "其他工作")]
    other: Vec<Item>,
}

#[derive(Clone, Deserialize)]
pub struct Department {
    #[serde(rename = "部门")]
    pub name: String,
    #[serde(rename = "类别")]
    category: String,
    #[serde(rename = "评估计划", deserialize_with = "dec")]
    plan: Decimal,
    #[serde(rename = "半年评估", deserialize_with = "dec")]
    half_year: Decimal,
    #[serde(rename = "职能工作")]
    functions: Functions,
    #[serde(rename = "管理工作", deserialize_with = "decs")]
    management: BTreeMap<String, Decimal>,
    #[serde(rename = "创新创优", deserialize_with = "decs")]
    innovation: BTreeMap<String, Decimal>,
    #[serde(rename = "领导评价", deserialize_with = "decs")]
    leaders: BTreeMap<String, Decimal>,
    #[serde(rename = "服务对象满意度", deserialize_with = "dec")]
    clients: Decimal,
    #[serde(rename = "社会公众满意度", deserialize_with = "dec")]
    public: Decimal,
    #[serde(rename = "督促检查扣分", default)]
    deductions: Vec<Deduction>,
    #[serde(rename = "上年等次")]
    last_grade: Option<String>,
    #[serde(rename = "上年排名")]
    last_rank: Option<i64>,
}

const LAW: [(&str, u32); 7] = [
    ("依法履行职责", 15),
    ("科学民主决策", 15),
    ("加强制度建设", 14),
    ("规范行政执法", 14),
    ("强化行政监督", 14),
    ("防范化解社会矛盾", 14),
    ("落实依法行政保障措施", 14),
];
const EFFICIENT: [(&str, u32); 5] = [
    ("机关作风和效能建设", 20),
    ("行政审批制度改革", 20),
    ("电子政务建设", 20),
    ("处理突发事件", 20),
    ("降低行政成本", 20),
];
const CLEAN: [(&str, u32); 5] =
    [("惩防体系建设", 20), ("落实廉政建设责任制", 20), ("执行廉政准则", 20), ("纠风专项治理", 20), ("遵纪守法", 20)];
const IMPROVE: [(&str, u32); 3] = [("制订整改方案", 20), ("整体改进", 50), ("单项改进", 30)];
const INCENTIVE: [(&str, u32); 2] = [("完善相关制度", 50), ("有效执行", 50)];
const STAFF: [(&str, u32); 3] = [("学习情况", 30), ("组织培训", 40), ("岗位练兵", 30)];
const LEADERS: [(&str, u32); 3] = [("省长评价", 40), ("分管省领导评价", 30), ("其他领导评价", 30)];
const GRADES: [&str; 4] = ["优秀", "良好", "达标", "诫勉"];

fn pct(p: u32) -> Decimal {
    Decimal::new(p as i64, 2)
}

fn weighted(scores: &BTreeMap<String, Decimal>, weights: &[(&str, u32)]) -> Result<Decimal, String> {
    let mut sum = Decimal::ZERO;
    for (name, w) in weights {
        let s = scores.get(*name).ok_or_else(|| format!("missing {name}"))?;
        if *s < Decimal::ZERO || *s > Decimal::ONE_HUNDRED {
            return Err(format!("{name} out of range"));
        }
        sum += pct(*w) * s;
    }
    Ok(sum)
}

fn items(list: &[Item], min: usize, max: usize) -> Result<Decimal, String> {
    let total: Decimal = list.iter().map(|i| i.weight).sum();
    if total != Decimal::ONE_HUNDRED || list.len() < min || list.len() > max {
        return Err("weights must add up to 100".into());
    }
    Ok(list.iter().map(|i| i.weight / Decimal::ONE_HUNDRED * i.score).sum())
}

/// One department's values before ranking, in the order jixiao prints them.
pub struct Scored {
    pub name: String,
    category: String,
    values: [Decimal; 18],
    published: Decimal,
    grade: usize,
    last_grade: Option<String>,
    last_rank: Option<i64>,
}

pub fn score(d: &Department) -> Result<Scored, String> {
    let f = &d.functions;
    let (key, regular, other) =
        (items(&f.key, 1, usize::MAX)?, items(&f.regular, 6, 10)?, items(&f.other, 1, usize::MAX)?);
    let functions = pct(40) * key + pct(40) * regular + pct(20) * other;
    let (law, efficient, clean) =
        (weighted(&d.management, &LAW)?, weighted(&d.management, &EFFICIENT)?, weighted(&d.management, &CLEAN)?);
    let management = pct(40) * law + pct(30) * efficient + pct(30) * clean;
    let results = *d.innovation.get("创新创优成果体现").ok_or("missing 创新创优成果体现")?;
    let (improve, incentive, staff) =
        (weighted(&d.innovation, &IMPROVE)?, weighted(&d.innovation, &INCENTIVE)?, weighted(&d.innovation, &STAFF)?);
    let innovation = pct(50) * results + pct(30) * improve + pct(10) * incentive + pct(10) * staff;
    let year_end = pct(50) * functions + pct(30) * management + pct(20) * innovation;
    let work = (pct(5) * d.plan + pct(15) * d.half_year + pct(80) * year_end) * pct(60);
    let leaders = weighted(&d.leaders, &LEADERS)?;
    let opinion = (pct(30) * leaders + pct(40) * d.clients + pct(30) * d.public) * pct(30);
    let deducted: Decimal = d.deductions.iter().map(|x| x.points).sum();
    let supervision = (Decimal::TEN - deducted).max(Decimal::ZERO);
    let total = work + opinion + supervision;
    let published = total.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let grade = [90, 80, 60].iter().position(|c| published >= Decimal::from(*c)).unwrap_or(3);
    let values = [
        key,
        regular,
        other,
        functions,
        law,
        efficient,
        clean,
        management,
        improve,
        incentive,
        staff,
        innovation,
        year_end,
        work,
        leaders,
        opinion,
        supervision,
        total,
    ];
    Ok(Scored {
        name: d.name.clone(),
        category: d.category.clone(),
        values,
        published,
        grade,
        last_grade: d.last_grade.clone(),
        last_rank: d.last_rank,
    })
}

const NAMES: [&str; 18] = [
    "重点工作",
    "常规工作",
    "其他工作",
    "职能工作得分",
    "依法行政",
    "高效行政",
    "廉洁行政",
    "管理工作得分",
    "工作改进",
    "健全激励机制",
    "干部职工素质提高",
    "创新创优得分",
    "年终评估得分",
    "工作考核得分",
    "领导评价得分",
    "公众评议得分",
    "督促检查得分",
    "最终评估得分",
];

/// Competition ranks by published score within each category.
pub fn ranks(all: &[Scored]) -> Vec<i64> {
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&a, &b| all[a].category.cmp(&all[b].category).then(all[b].published.cmp(&all[a].published)));
    let mut ranks = vec![0i64; all.len()];
    let mut start = 0;
    for i in 0..order.len() {
        let (now, before) = (&all[order[i]], i.checked_sub(1).map(|j| &all[order[j]]));
        match before {
            Some(b) if b.category == now.category && b.published == now.published => {
                ranks[order[i]] = ranks[order[i - 1]]
            }
            Some(b) if b.category == now.category => ranks[order[i]] = (i - start + 1) as i64,
            _ => {
                start = i;
                ranks[order[i]] = 1;
            }
        }
    }
    ranks
}

fn two(d: Decimal) -> String {
    format!("{:.2}", d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

pub fn write(out: &mut impl Write, s: &Scored, rank: i64) -> std::io::Result<()> {
    let name = serde_json::to_string(&s.name).unwrap_or_default();
    let category = serde_json::to_string(&s.category).unwrap_or_default();
    let grade = GRADES[s.grade];
    write!(
        out,
        "{{\"department\":{name},\"score\":\"{}\",\"grade\":\"{grade}\",\"category\":{category},\"rank\":{rank},\"values\":{{",
        two(s.published)
    )?;
    for (n, v) in NAMES.iter().zip(&s.values) {
        let v = if *n == "最终评估得分" { s.published } else { *v };
        write!(out, "\"{n}\":\"{}\",", two(v))?;
    }
    let share = ["0.20", "0.18", "0.15", "0.12"][s.grade];
    let warned = s.grade == 3 && s.last_grade.as_deref() == Some("诫勉");
    let (rise, award) = match s.last_rank {
        Some(last) => (format!("\"{}\"", last - rank), last - rank >= 5),
        None => ("null".to_string(), false),
    };
    writeln!(
        out,
        "\"等次\":\"{grade}\",\"排名\":\"{rank}\",\"公务员优秀比例\":\"{share}\",\"诫勉谈话\":{warned},\"排名进步\":{rise},\"单项奖候选\":{award}}}}}"
    )
}

/// Reads JSON Lines, scores every department, ranks, writes JSON Lines in input order.
pub fn run(input: impl BufRead, out: &mut impl Write) -> Result<(), String> {
    let mut all = Vec::new();
    let mut seen = HashMap::new();
    for (i, line) in input.lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let d: Department = serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", i + 1))?;
        if seen.insert(d.name.clone(), i).is_some() {
            return Err(format!("line {}: {} appears twice", i + 1, d.name));
        }
        all.push(score(&d).map_err(|e| format!("line {}: {e}", i + 1))?);
    }
    let ranks = ranks(&all);
    for (s, r) in all.iter().zip(ranks) {
        write(out, s, r).map_err(|e| e.to_string())?;
    }
    Ok(())
}
