//! Contract test for `regulations/jiangsu-2011.jx` (苏政发〔2011〕94号, 第七~十条,
//! 第十五~十八条 and the attachment 省政府部门绩效评估指标体系).
//!
//! The test carries its own, independent and *exact* implementation of the contract in
//! `shared/spec/jiangsu-2011.md` (rational arithmetic on `i128`, no floats, no decimals),
//! generates random departments with a fixed-seed PRNG, writes them as JSON whose numbers are
//! exactly the decimals chosen (up to 3 decimal places, never through a binary float), runs
//! `jixiao eval regulations/jiangsu-2011.jx DATA --format json [--set 优秀线=…]` on them and
//! compares every published field with the oracle.
//!
//! * 10 data sets of 40 departments with the default cut-offs (90 / 80 / 60), and 6 with other
//!   cut-offs given through `--set` (85 / 75 / 65, then 5 random valid choices, some of them
//!   setting only one or two of the three parameters);
//! * every data set mixes ordinary random departments (9 quality profiles, scores on grids
//!   from 0.001 to 1, data weights on grids from 0.001 to 1 summing to exactly 100, 督促检查扣分
//!   left out, `[]`, small, or beyond the 10-point cap, 上年等次 / 上年排名 each present about two
//!   thirds of the time), twins (same data, lists and keys permuted, numbers restyled, under
//!   another name: exact ties on the published score within a 类别, and across 类别 with no
//!   effect on rank), near twins (a score 0.001 apart: ties on the published score only), and
//!   departments built so that their exact 最终评估得分 is pinned next to each cut-off
//!   (c − 0.015, c − 0.006, c − 0.005, c − 0.001, c, c + 0.005) or is some other x.xx5;
//! * one data set of x.xx5 totals only, with teeth: some of them are published wrongly by a
//!   binary-float evaluation, by banker's rounding, and by rounding 工作考核得分 / 公众评议得分 /
//!   督促检查得分 before adding them (those naive evaluations serve only to check the data set
//!   has teeth, never as the oracle).
//!
//! x.xx5 totals are reached by construction: the total is linear in every score, so within
//! each group of scores (评估计划 + 半年评估 + 满意度, 领导评价, 依法行政, 高效行政 + 廉洁行政,
//! 创新创优, 职能工作 items) one score is solved for (a congruence modulo the denominator of
//! its coefficient) so that the group's contribution to 1000 × (工作考核得分 + 公众评议得分)
//! is a whole number; 督促检查扣分 then moves the total onto the target thousandth.
//!
//! Assumptions this oracle makes where the contract leaves room (see the notes at the end):
//! * every value in `values` is printed with 2 decimals, half away from zero, like `score`;
//!   公务员优秀比例 as the fraction ("0.20"), 排名进步 as a whole number ("3", "-2", "0") or JSON
//!   null when 上年排名 is absent, 诫勉谈话 as a JSON boolean;
//! * 排名 compares the *published* 最终评估得分 within the 类别 (1, 2, 2, 4);
//! * the top-level `regulation` names 江苏省人民政府部门绩效管理办法 (possibly followed by
//!   "(试行)");
//! * an unknown `--set` name or a non-numeric value is a usage error: exit status 2, nothing on
//!   stdout.

mod common;

use common::exact::{
    Frac, Rng, TempFile, eval_json, expect_str, expect_values, fail_if_any, found, is_half_cent, pct, record_failure,
    results_array, stdout_json, write_json,
};
use serde_json::{Map, Number, Value};
use std::cmp::Ordering;
use std::path::Path;

/// Mixed into every seed, so that this test's data differ from other tests' with the same seed.
const RNG_SALT: u64 = 0x0051_2011_0094_1A5B;

/// The inverse of `a` modulo `m` (`gcd(a, m) == 1`, `m ≥ 1`), in `0..m`.
fn mod_inverse(a: i128, m: i128) -> i128 {
    assert!(m >= 1);
    let (mut old_r, mut r) = (a.rem_euclid(m), m);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    assert!(old_r == 1 || m == 1, "{a} has no inverse modulo {m}");
    old_s.rem_euclid(m)
}

// ---------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------

const REGULATION_NAME: &str = "江苏省人民政府部门绩效管理办法";

/// 第十七条.
const CATEGORIES: [&str; 2] = ["社会管理和执法监督", "经济管理和市场监管"];
/// 第十七条, best first.
const GRADES: [&str; 4] = ["优秀", "良好", "达标", "诫勉"];
/// 公务员考核“优秀”等次人数比例 by grade, in percent (第十八条(一)).
const QUOTA_PERCENT: [i128; 4] = [20, 18, 15, 12];
/// The cut-off parameters and their defaults in hundredths (contract, 第十七条, 第二十四条).
const CUTOFF_NAMES: [&str; 3] = ["优秀线", "良好线", "达标线"];
const CUTOFF_DEFAULTS: [i128; 3] = [9000, 8000, 6000];

/// 职能工作目标's 二级指标 and their weights (第七条).
const FUNC_KEYS: [&str; 3] = ["重点工作", "常规工作", "其他工作"];
const FUNC_WEIGHTS: [i128; 3] = [40, 40, 20];
/// Item counts generated: 重点工作 1–6, 常规工作 6–10 (第七条(二)), 其他工作 1–4.
const FUNC_LEN: [(i128, i128); 3] = [(1, 6), (6, 10), (1, 4)];

/// The 17 三级指标 of 管理工作目标 (第八条, attachment).
const MGMT_KEYS: [&str; 17] = [
    "依法履行职责",
    "科学民主决策",
    "加强制度建设",
    "规范行政执法",
    "强化行政监督",
    "防范化解社会矛盾",
    "落实依法行政保障措施", // 依法行政 40%
    "机关作风和效能建设",
    "行政审批制度改革",
    "电子政务建设",
    "处理突发事件",
    "降低行政成本", // 高效行政 30%
    "惩防体系建设",
    "落实廉政建设责任制",
    "执行廉政准则",
    "纠风专项治理",
    "遵纪守法", // 廉洁行政 30%
];
const MGMT_LEAF_WEIGHTS: [i128; 17] = [15, 15, 14, 14, 14, 14, 14, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20];
/// (first leaf, end, weight of the 二级指标): 依法行政, 高效行政, 廉洁行政.
const MGMT_GROUPS: [(usize, usize, i128); 3] = [(0, 7, 40), (7, 12, 30), (12, 17, 30)];

/// The 9 scores of 创新创优目标 (第九条, attachment).
const INNOV_KEYS: [&str; 9] = [
    "创新创优成果体现",
    "制订整改方案",
    "整体改进",
    "单项改进",
    "完善相关制度",
    "有效执行",
    "学习情况",
    "组织培训",
    "岗位练兵",
];
/// Weights within their 二级指标 (创新创优成果体现 is its own 二级指标: 100%).
const INNOV_LEAF_WEIGHTS: [i128; 9] = [100, 20, 50, 30, 50, 50, 30, 40, 30];
/// 创新创优成果体现 50%, 工作改进 30%, 健全激励机制 10%, 干部职工素质提高 10%.
const INNOV_GROUPS: [(usize, usize, i128); 4] = [(0, 1, 50), (1, 4, 30), (4, 6, 10), (6, 9, 10)];

/// 领导评价 (第十五条(二), attachment).
const LEADER_KEYS: [&str; 3] = ["省长评价", "分管省领导评价", "其他领导评价"];
const LEADER_WEIGHTS: [i128; 3] = [40, 30, 30];

/// The named values compared as 2-decimal strings.
const VALUE_NAMES: [&str; 12] = [
    "重点工作",
    "常规工作",
    "其他工作",
    "职能工作得分",
    "管理工作得分",
    "创新创优得分",
    "年终评估得分",
    "工作考核得分",
    "领导评价得分",
    "公众评议得分",
    "督促检查得分",
    "最终评估得分",
];

/// A number as written in the data: its exact value in thousandths and its JSON text.
#[derive(Clone, Debug)]
struct Dec {
    t: i128,
    text: String,
}

/// The shortest decimal text of `t` thousandths (`t ≥ 0`), or with the decimals padded.
fn dec_text(t: i128, style: u64) -> String {
    assert!(t >= 0);
    let (int, frac) = (t / 1000, t % 1000);
    match style {
        // all three decimals: 87.100, 100.000
        1 => format!("{int}.{frac:03}"),
        // one trailing zero kept: 87.10, 90.0
        2 if frac % 100 == 0 => format!("{int}.{}0", frac / 100),
        _ => {
            if frac == 0 {
                format!("{int}")
            } else {
                let s = format!("{frac:03}");
                format!("{int}.{}", s.trim_end_matches('0'))
            }
        }
    }
}

impl Dec {
    /// Mostly the shortest text; now and then with trailing zeros (the value is the same).
    fn styled(rng: &mut Rng, t: i128) -> Dec {
        let style = if rng.chance(1, 10) { 1 + rng.below(2) } else { 0 };
        Dec { t, text: dec_text(t, style) }
    }

    /// From a literal such as "12.5" (tests of the oracle).
    fn lit(s: &str) -> Dec {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        assert!(frac.len() <= 3, "{s}");
        let t = int.parse::<i128>().unwrap() * 1000 + format!("{frac:0<3}").parse::<i128>().unwrap();
        Dec { t, text: s.to_string() }
    }

    fn frac(&self) -> Frac {
        Frac::milli(self.t)
    }

    fn json(&self) -> Value {
        // with serde_json's arbitrary_precision the number keeps exactly this text
        let n: Number = serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{}: {e}", self.text));
        Value::Number(n)
    }
}

/// An item of 重点工作 / 常规工作 / 其他工作.
#[derive(Clone, Debug)]
struct Item {
    name: String,
    weight: Dec,
    score: Dec,
}

/// An item of 督促检查扣分.
#[derive(Clone, Debug)]
struct Deduction {
    name: String,
    points: Dec,
}

/// Top-level fields, in the order of the contract's table.
const TOP_FIELDS: usize = 13;

/// One department's input.
#[derive(Clone, Debug)]
struct Rec {
    name: String,
    cat: usize,
    plan: Dec,
    half: Dec,
    func: [Vec<Item>; 3],
    mgmt: Vec<Dec>,
    innov: Vec<Dec>,
    leader: Vec<Dec>,
    service: Dec,
    public: Dec,
    /// `None` = left out of the record.
    deductions: Option<Vec<Deduction>>,
    last_grade: Option<usize>,
    last_rank: Option<u64>,
    /// Orders in which object keys are written.
    top_order: Vec<usize>,
    func_order: Vec<usize>,
    mgmt_order: Vec<usize>,
    innov_order: Vec<usize>,
    leader_order: Vec<usize>,
}

fn scores_json(keys: &[&str], values: &[Dec], order: &[usize]) -> Value {
    let mut m = Map::new();
    for &k in order {
        m.insert(keys[k].into(), values[k].json());
    }
    Value::Object(m)
}

impl Rec {
    fn to_json(&self) -> Value {
        let mut m = Map::new();
        for &k in &self.top_order {
            match k {
                0 => {
                    m.insert("部门".into(), Value::from(self.name.clone()));
                }
                1 => {
                    m.insert("类别".into(), Value::from(CATEGORIES[self.cat]));
                }
                2 => {
                    m.insert("评估计划".into(), self.plan.json());
                }
                3 => {
                    m.insert("半年评估".into(), self.half.json());
                }
                4 => {
                    let mut f = Map::new();
                    for &g in &self.func_order {
                        let items: Vec<Value> = self.func[g]
                            .iter()
                            .map(|it| {
                                let mut o = Map::new();
                                o.insert("名称".into(), Value::from(it.name.clone()));
                                o.insert("权重".into(), it.weight.json());
                                o.insert("得分".into(), it.score.json());
                                Value::Object(o)
                            })
                            .collect();
                        f.insert(FUNC_KEYS[g].into(), Value::Array(items));
                    }
                    m.insert("职能工作".into(), Value::Object(f));
                }
                5 => {
                    m.insert("管理工作".into(), scores_json(&MGMT_KEYS, &self.mgmt, &self.mgmt_order));
                }
                6 => {
                    m.insert("创新创优".into(), scores_json(&INNOV_KEYS, &self.innov, &self.innov_order));
                }
                7 => {
                    m.insert("领导评价".into(), scores_json(&LEADER_KEYS, &self.leader, &self.leader_order));
                }
                8 => {
                    m.insert("服务对象满意度".into(), self.service.json());
                }
                9 => {
                    m.insert("社会公众满意度".into(), self.public.json());
                }
                10 => {
                    if let Some(ds) = &self.deductions {
                        let items: Vec<Value> = ds
                            .iter()
                            .map(|d| {
                                let mut o = Map::new();
                                o.insert("事项".into(), Value::from(d.name.clone()));
                                o.insert("扣分".into(), d.points.json());
                                Value::Object(o)
                            })
                            .collect();
                        m.insert("督促检查扣分".into(), Value::Array(items));
                    }
                }
                11 => {
                    if let Some(g) = self.last_grade {
                        m.insert("上年等次".into(), Value::from(GRADES[g]));
                    }
                }
                12 => {
                    if let Some(r) = self.last_rank {
                        m.insert("上年排名".into(), Value::from(r));
                    }
                }
                _ => unreachable!("top-level field {k}"),
            }
        }
        Value::Object(m)
    }

    fn deducted(&self) -> Frac {
        self.deductions.iter().flatten().fold(Frac::ZERO, |s, d| s + d.points.frac())
    }
}

/// The oracle's exact values for one department.
#[derive(Clone, Copy, Debug)]
struct Expected {
    key: Frac,
    routine: Frac,
    other: Frac,
    func: Frac,
    mgmt: Frac,
    innov: Frac,
    year_end: Frac,
    work: Frac,
    leader: Frac,
    public: Frac,
    check: Frac,
    total: Frac,
}

impl Expected {
    fn values(&self) -> [(&'static str, Frac); 12] {
        let v = [
            self.key,
            self.routine,
            self.other,
            self.func,
            self.mgmt,
            self.innov,
            self.year_end,
            self.work,
            self.leader,
            self.public,
            self.check,
            self.total,
        ];
        std::array::from_fn(|i| (VALUE_NAMES[i], v[i]))
    }

    /// 工作考核得分 + 公众评议得分: the part of the total that is linear in the scores.
    fn rest(&self) -> Frac {
        self.work + self.public
    }
}

/// Σ 权重/100 × 得分 over the items.
fn weighted_items(items: &[Item]) -> Frac {
    items.iter().fold(Frac::ZERO, |s, it| s + it.weight.frac() / Frac::int(100) * it.score.frac())
}

/// Σ over 二级指标 of weight × (Σ over its leaves of weight × score).
fn tree(values: &[Dec], groups: &[(usize, usize, i128)], leaf_weights: &[i128]) -> Frac {
    groups.iter().fold(Frac::ZERO, |s, &(lo, hi, w)| {
        let second = (lo..hi).fold(Frac::ZERO, |s, i| s + pct(leaf_weights[i]) * values[i].frac());
        s + pct(w) * second
    })
}

fn expected(r: &Rec) -> Expected {
    let key = weighted_items(&r.func[0]);
    let routine = weighted_items(&r.func[1]);
    let other = weighted_items(&r.func[2]);
    let func = pct(FUNC_WEIGHTS[0]) * key + pct(FUNC_WEIGHTS[1]) * routine + pct(FUNC_WEIGHTS[2]) * other;
    let mgmt = tree(&r.mgmt, &MGMT_GROUPS, &MGMT_LEAF_WEIGHTS);
    let innov = tree(&r.innov, &INNOV_GROUPS, &INNOV_LEAF_WEIGHTS);
    // 第十六条
    let year_end = pct(50) * func + pct(30) * mgmt + pct(20) * innov;
    let work = (pct(5) * r.plan.frac() + pct(15) * r.half.frac() + pct(80) * year_end) * pct(60);
    let leader = (0..3).fold(Frac::ZERO, |s, i| s + pct(LEADER_WEIGHTS[i]) * r.leader[i].frac());
    let public = (pct(30) * leader + pct(40) * r.service.frac() + pct(30) * r.public.frac()) * pct(30);
    // 第十五条(三): 扣满10分为止
    let check = Frac::int(10) - Frac::int(10).min(r.deducted());
    let total = work + public + check;
    Expected { key, routine, other, func, mgmt, innov, year_end, work, leader, public, check, total }
}

/// The cut-offs of a run, in hundredths, and the `--set` arguments that give them.
#[derive(Clone, Debug)]
struct Cutoffs {
    /// 优秀线, 良好线, 达标线 in hundredths, strictly decreasing.
    vals: [i128; 3],
    /// "优秀线=85" and so on; empty for the defaults.
    args: Vec<String>,
}

impl Cutoffs {
    fn defaults() -> Cutoffs {
        Cutoffs { vals: CUTOFF_DEFAULTS, args: Vec::new() }
    }

    fn show(&self) -> String {
        let v: Vec<String> = self.vals.iter().map(|&h| Frac::new(h, 100).fmt2()).collect();
        format!("优秀线 {} / 良好线 {} / 达标线 {} (args {:?})", v[0], v[1], v[2], self.args)
    }
}

/// 等次 (index into GRADES) from the published score (第十七条).
fn grade(published: Frac, cut: &Cutoffs) -> usize {
    cut.vals.iter().position(|&c| published >= Frac::new(c, 100)).unwrap_or(3)
}

/// Competition ranking (1, 2, 2, 4) within each category, highest first.
fn competition_ranks(scores: &[Frac], cats: &[usize]) -> Vec<u64> {
    (0..scores.len())
        .map(|i| 1 + (0..scores.len()).filter(|&j| cats[j] == cats[i] && scores[j] > scores[i]).count() as u64)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The total as a linear function of the scores (used to build x.xx5 totals, and checked
// against `expected`)
// ---------------------------------------------------------------------------------------------

/// A score in a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Leaf {
    Plan,
    Half,
    Service,
    Public,
    Leader(usize),
    Mgmt(usize),
    Innov(usize),
    /// (职能工作 key, item)
    Item(usize, usize),
}

impl Rec {
    fn leaf(&self, l: Leaf) -> &Dec {
        match l {
            Leaf::Plan => &self.plan,
            Leaf::Half => &self.half,
            Leaf::Service => &self.service,
            Leaf::Public => &self.public,
            Leaf::Leader(i) => &self.leader[i],
            Leaf::Mgmt(i) => &self.mgmt[i],
            Leaf::Innov(i) => &self.innov[i],
            Leaf::Item(g, i) => &self.func[g][i].score,
        }
    }

    fn leaf_mut(&mut self, l: Leaf) -> &mut Dec {
        match l {
            Leaf::Plan => &mut self.plan,
            Leaf::Half => &mut self.half,
            Leaf::Service => &mut self.service,
            Leaf::Public => &mut self.public,
            Leaf::Leader(i) => &mut self.leader[i],
            Leaf::Mgmt(i) => &mut self.mgmt[i],
            Leaf::Innov(i) => &mut self.innov[i],
            Leaf::Item(g, i) => &mut self.func[g][i].score,
        }
    }

    fn all_leaves(&self) -> Vec<Leaf> {
        let mut v = vec![Leaf::Plan, Leaf::Half, Leaf::Service, Leaf::Public];
        v.extend((0..3).map(Leaf::Leader));
        v.extend((0..17).map(Leaf::Mgmt));
        v.extend((0..9).map(Leaf::Innov));
        for g in 0..3 {
            v.extend((0..self.func[g].len()).map(|i| Leaf::Item(g, i)));
        }
        v
    }
}

/// The weight of a score in 工作考核得分 + 公众评议得分, multiplied out along the tree.
fn coefficient(r: &Rec, l: Leaf) -> Frac {
    // 工作考核得分 = (…) × 60%; 年终评估得分 carries 80% of it
    let work = pct(60);
    let year_end = work * pct(80);
    let public = pct(30);
    let group_weight = |groups: &[(usize, usize, i128)], i: usize| {
        groups.iter().find(|&&(lo, hi, _)| (lo..hi).contains(&i)).map(|&(_, _, w)| pct(w)).unwrap()
    };
    match l {
        Leaf::Plan => work * pct(5),
        Leaf::Half => work * pct(15),
        Leaf::Service => public * pct(40),
        Leaf::Public => public * pct(30),
        Leaf::Leader(i) => public * pct(30) * pct(LEADER_WEIGHTS[i]),
        Leaf::Mgmt(i) => year_end * pct(30) * group_weight(&MGMT_GROUPS, i) * pct(MGMT_LEAF_WEIGHTS[i]),
        Leaf::Innov(i) => year_end * pct(20) * group_weight(&INNOV_GROUPS, i) * pct(INNOV_LEAF_WEIGHTS[i]),
        Leaf::Item(g, i) => year_end * pct(50) * pct(FUNC_WEIGHTS[g]) * r.func[g][i].weight.frac() / Frac::int(100),
    }
}

/// Σ coefficient × score over the leaves, in units of 1/1000 point (score in thousandths).
fn milli_contribution(r: &Rec, leaves: &[Leaf]) -> Frac {
    leaves.iter().fold(Frac::ZERO, |s, &l| s + coefficient(r, l) * Frac::int(r.leaf(l).t))
}

/// The thousandths `k` in 0..=100000 nearest to `near` with `f + c × k` a whole number, if any.
fn solve_leaf(rng: &mut Rng, f: Frac, c: Frac, near: i128) -> Option<i128> {
    assert!(c > Frac::ZERO);
    let (p, q) = (c.n, c.d);
    if q % f.d != 0 {
        return None;
    }
    // p k / q + a / b ∈ ℤ  ⇔  p k ≡ −a (q / b)  (mod q)
    let rhs = (-(f.n % q) * ((q / f.d) % q)).rem_euclid(q);
    let k0 = (rhs * mod_inverse(p % q, q)).rem_euclid(q);
    if k0 > 100_000 {
        return None;
    }
    // candidates k0 + m q in 0..=100000; the two around `near`
    let m = ((near - k0).max(0)) / q;
    let lo = k0 + m * q;
    let hi = lo + q;
    let k = if hi > 100_000 {
        lo
    } else {
        match (near - lo).cmp(&(hi - near)) {
            Ordering::Less => lo,
            Ordering::Greater => hi,
            Ordering::Equal if rng.chance(1, 2) => lo,
            Ordering::Equal => hi,
        }
    };
    debug_assert!((f + c * Frac::int(k)).is_integer());
    Some(k)
}

/// Makes the group's contribution to 1000 × (工作考核得分 + 公众评议得分) whole by changing one of
/// the `candidates`; false when none of them can.
fn solve_group(rng: &mut Rng, r: &mut Rec, group: &[Leaf], candidates: &[Leaf]) -> bool {
    for &x in candidates {
        let others: Vec<Leaf> = group.iter().copied().filter(|&l| l != x).collect();
        let f = milli_contribution(r, &others);
        let c = coefficient(r, x);
        let near = r.leaf(x).t;
        if let Some(k) = solve_leaf(rng, f, c, near) {
            *r.leaf_mut(x) = Dec::styled(rng, k);
            return true;
        }
    }
    false
}

/// Changes one score per group so that 1000 × (工作考核得分 + 公众评议得分) is a whole number;
/// false when the 职能工作 weights leave no solution.
fn make_rest_milli_whole(rng: &mut Rng, r: &mut Rec) -> bool {
    let basic = [Leaf::Plan, Leaf::Service, Leaf::Public, Leaf::Half];
    let leaders: Vec<Leaf> = (0..3).map(Leaf::Leader).collect();
    let lawful: Vec<Leaf> = (0..7).map(Leaf::Mgmt).collect();
    let efficient_clean: Vec<Leaf> = (7..17).map(Leaf::Mgmt).collect();
    let innov: Vec<Leaf> = (0..9).map(Leaf::Innov).collect();
    let mut items: Vec<Leaf> = Vec::new();
    for g in 0..3 {
        items.extend((0..r.func[g].len()).map(|i| Leaf::Item(g, i)));
    }
    // 其他工作 items have the smallest coefficients, so try them first
    let mut candidates: Vec<Leaf> = items.iter().copied().filter(|l| matches!(l, Leaf::Item(2, _))).collect();
    rng.shuffle(&mut candidates);
    candidates.extend(items.iter().copied().filter(|l| !matches!(l, Leaf::Item(2, _))));
    let groups: [(&[Leaf], Vec<Leaf>); 6] = [
        (&basic, vec![Leaf::Half]),
        (&leaders, vec![Leaf::Leader(2), Leaf::Leader(1)]),
        (&lawful, vec![Leaf::Mgmt(6), Leaf::Mgmt(5)]),
        (&efficient_clean, vec![Leaf::Mgmt(16), Leaf::Mgmt(11)]),
        (&innov, vec![Leaf::Innov(8), Leaf::Innov(6)]),
        (&items, candidates),
    ];
    for (group, cands) in groups.iter() {
        if !solve_group(rng, r, group, cands) {
            return false;
        }
    }
    let rest_milli = expected(r).rest() * Frac::int(1000);
    assert!(rest_milli.is_integer(), "{}: 1000 × rest = {}", r.name, rest_milli.show());
    true
}

// ---------------------------------------------------------------------------------------------
// Random data
// ---------------------------------------------------------------------------------------------

/// (centre, spread) of a department's scores, in points.
const PROFILES: [(i128, i128); 9] =
    [(98, 2), (94, 4), (90, 6), (85, 8), (78, 10), (70, 12), (60, 15), (45, 25), (50, 50)];

/// Score grids in thousandths (1 = any 3-decimal score, 1000 = whole points).
const GRAINS: [i128; 12] = [1, 1, 1, 1, 5, 10, 25, 100, 125, 250, 500, 1000];

/// Weight grids in thousandths (1000 = whole numbers, 125 = multiples of 0.125: 12.5, 37.5).
const WEIGHT_UNITS: [i128; 9] = [1000, 1000, 1000, 500, 250, 125, 100, 10, 1];

/// How a record's scores are drawn.
#[derive(Clone, Copy, Debug)]
struct Profile {
    /// centre and spread in thousandths
    centre: i128,
    spread: i128,
    grain: i128,
    /// 职能工作 weights on multiples of 0.125 (needed to solve for x.xx5 totals)
    eighths: bool,
}

impl Profile {
    fn random(rng: &mut Rng) -> Profile {
        let (c, s) = PROFILES[rng.index(PROFILES.len())];
        Profile { centre: c * 1000, spread: s * 1000, grain: GRAINS[rng.index(GRAINS.len())], eighths: false }
    }

    fn score(&self, rng: &mut Rng) -> Dec {
        if rng.chance(1, 100) {
            let t = if rng.chance(1, 2) { 0 } else { 100_000 };
            return Dec::styled(rng, t);
        }
        let grain = if rng.chance(1, 5) { GRAINS[rng.index(GRAINS.len())] } else { self.grain };
        let lo = (self.centre - self.spread).clamp(0, 100_000);
        let hi = (self.centre + self.spread).clamp(0, 100_000);
        let t = rng.range_i128(lo, hi);
        Dec::styled(rng, t - t % grain)
    }
}

/// `total` split into `n` positive whole parts (`total ≥ n`).
fn partition(rng: &mut Rng, total: i128, n: usize) -> Vec<i128> {
    assert!(n >= 1 && total >= n as i128);
    let mut cuts: Vec<i128> = Vec::with_capacity(n + 1);
    while cuts.len() < n - 1 {
        let c = rng.range_i128(1, total - 1);
        if !cuts.contains(&c) {
            cuts.push(c);
        }
    }
    cuts.push(0);
    cuts.push(total);
    cuts.sort();
    cuts.windows(2).map(|w| w[1] - w[0]).collect()
}

/// Weights in thousandths, positive, summing to exactly 100.
fn weights(rng: &mut Rng, n: usize, eighths: bool) -> Vec<i128> {
    let unit =
        if eighths { [1000, 500, 250, 125, 125][rng.index(5)] } else { WEIGHT_UNITS[rng.index(WEIGHT_UNITS.len())] };
    let units = 100_000 / unit;
    if units % n as i128 == 0 && rng.chance(1, 6) {
        return vec![100_000 / n as i128; n];
    }
    partition(rng, units, n).into_iter().map(|u| u * unit).collect()
}

fn gen_items(rng: &mut Rng, g: usize, p: &Profile, min_len: i128) -> Vec<Item> {
    let (lo, hi) = FUNC_LEN[g];
    let n = rng.range_i128(lo.max(min_len), hi) as usize;
    let label = ["重点任务", "常规职责", "交办任务"][g];
    weights(rng, n, p.eighths)
        .into_iter()
        .enumerate()
        .map(|(i, w)| Item { name: format!("{label}{}", i + 1), weight: Dec::styled(rng, w), score: p.score(rng) })
        .collect()
}

/// Items of 督促检查扣分 summing to exactly `total` thousandths (`total ≥ 1`).
fn deductions_summing_to(rng: &mut Rng, total: i128) -> Vec<Deduction> {
    let n = rng.range_i128(1, 4.min(total)) as usize;
    let unit = [1000, 500, 100, 1].into_iter().find(|u| total % u == 0 && total / u >= n as i128).unwrap();
    partition(rng, total / unit, n)
        .into_iter()
        .enumerate()
        .map(|(i, u)| Deduction { name: format!("督查事项{}", i + 1), points: Dec::styled(rng, u * unit) })
        .collect()
}

fn random_deductions(rng: &mut Rng) -> Option<Vec<Deduction>> {
    match rng.below(16) {
        0..=3 => None,
        4..=5 => Some(Vec::new()),
        6..=12 => {
            let unit = [1, 100, 500, 1000][rng.index(4)];
            let n = rng.range_i128(1, 4) as usize;
            Some(
                (0..n)
                    .map(|i| {
                        let t = rng.range_i128(100, 3000);
                        let t = (t - t % unit).max(unit);
                        Deduction { name: format!("督查事项{}", i + 1), points: Dec::styled(rng, t) }
                    })
                    .collect(),
            )
        }
        // heavy: usually beyond the 10-point cap
        _ => {
            let n = rng.range_i128(2, 4) as usize;
            Some(
                (0..n)
                    .map(|i| {
                        let t = rng.range_i128(2000, 8000);
                        Deduction { name: format!("督查事项{}", i + 1), points: Dec::styled(rng, t - t % 500) }
                    })
                    .collect(),
            )
        }
    }
}

fn maybe_shuffled(rng: &mut Rng, n: usize) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    if rng.chance(1, 4) {
        rng.shuffle(&mut v);
    }
    v
}

fn random_history(rng: &mut Rng) -> (Option<usize>, Option<u64>) {
    let grade = if rng.chance(2, 3) { Some(rng.index(4)) } else { None };
    let rank = if rng.chance(2, 3) { Some(rng.range_i128(1, 25) as u64) } else { None };
    (grade, rank)
}

/// A random department; `min_other` is the least number of 其他工作 items.
fn gen_rec(rng: &mut Rng, p: &Profile, min_other: i128) -> Rec {
    let cat = rng.index(2);
    let plan = p.score(rng);
    let half = p.score(rng);
    let func = [gen_items(rng, 0, p, 1), gen_items(rng, 1, p, 1), gen_items(rng, 2, p, min_other)];
    let mgmt: Vec<Dec> = (0..17).map(|_| p.score(rng)).collect();
    let innov: Vec<Dec> = (0..9).map(|_| p.score(rng)).collect();
    let leader: Vec<Dec> = (0..3).map(|_| p.score(rng)).collect();
    let service = p.score(rng);
    let public = p.score(rng);
    let deductions = random_deductions(rng);
    let (last_grade, last_rank) = random_history(rng);
    Rec {
        name: String::new(),
        cat,
        plan,
        half,
        func,
        mgmt,
        innov,
        leader,
        service,
        public,
        deductions,
        last_grade,
        last_rank,
        top_order: maybe_shuffled(rng, TOP_FIELDS),
        func_order: maybe_shuffled(rng, 3),
        mgmt_order: maybe_shuffled(rng, 17),
        innov_order: maybe_shuffled(rng, 9),
        leader_order: maybe_shuffled(rng, 3),
    }
}

fn restyle(rng: &mut Rng, d: &mut Dec) {
    *d = Dec::styled(rng, d.t);
}

/// The same department's data under another name: lists and keys permuted, numbers
/// restyled, an empty 督促检查扣分 toggled between left out and `[]`, a new history; mostly in
/// the same 类别. Its exact 最终评估得分 is the original's.
fn twin(rng: &mut Rng, r: &Rec) -> Rec {
    let mut t = r.clone();
    for list in t.func.iter_mut() {
        rng.shuffle(list);
        for it in list.iter_mut() {
            restyle(rng, &mut it.weight);
            restyle(rng, &mut it.score);
        }
    }
    for d in t.mgmt.iter_mut().chain(t.innov.iter_mut()).chain(t.leader.iter_mut()) {
        restyle(rng, d);
    }
    for d in [&mut t.plan, &mut t.half, &mut t.service, &mut t.public] {
        restyle(rng, d);
    }
    match &mut t.deductions {
        None => {
            if rng.chance(1, 2) {
                t.deductions = Some(Vec::new());
            }
        }
        Some(ds) if ds.is_empty() => {
            if rng.chance(1, 2) {
                t.deductions = None;
            }
        }
        Some(ds) => {
            rng.shuffle(ds);
            for d in ds.iter_mut() {
                restyle(rng, &mut d.points);
            }
        }
    }
    rng.shuffle(&mut t.top_order);
    rng.shuffle(&mut t.func_order);
    rng.shuffle(&mut t.mgmt_order);
    rng.shuffle(&mut t.innov_order);
    rng.shuffle(&mut t.leader_order);
    (t.last_grade, t.last_rank) = random_history(rng);
    if rng.chance(1, 6) {
        t.cat = 1 - t.cat;
    }
    t
}

/// A twin with 评估计划 0.001 apart: the exact total moves by 0.00003, the published one
/// (almost always) not.
fn near_twin(rng: &mut Rng, r: &Rec) -> Rec {
    let mut t = twin(rng, r);
    t.cat = r.cat;
    let k = if t.plan.t == 100_000 || (t.plan.t > 0 && rng.chance(1, 2)) { t.plan.t - 1 } else { t.plan.t + 1 };
    t.plan = Dec::styled(rng, k);
    t
}

/// What an exactly built department's 最终评估得分 must be.
#[derive(Clone, Copy, Debug)]
enum Target {
    /// exactly this many thousandths
    Milli(i128),
    /// any x.xx5
    HalfCent,
}

/// A department whose exact 最终评估得分 is the target: scores solved so that
/// 1000 × (工作考核得分 + 公众评议得分) is whole, then 督促检查扣分 chosen.
fn exact_record(rng: &mut Rng, target: Target) -> Rec {
    for _ in 0..10_000 {
        let mut p = Profile::random(rng);
        p.eighths = true;
        if let Target::Milli(t) = target {
            // rest ≈ 0.9 × centre and rest ∈ (t − 10, t]
            let rest = t - rng.range_i128(1_000, 9_000);
            p.centre = (rest * 10 / 9).clamp(0, 100_000);
            p.spread = rng.range_i128(1_000, 5_000);
        }
        let mut r = gen_rec(rng, &p, 2);
        if !make_rest_milli_whole(rng, &mut r) {
            continue;
        }
        let rest = expected(&r).rest() * Frac::int(1000);
        assert!(rest.is_integer());
        let rest = rest.n;
        match target {
            Target::Milli(t) => {
                let d = rest + 10_000 - t;
                if !(1..=10_000).contains(&d) {
                    continue;
                }
                r.deductions = Some(deductions_summing_to(rng, d));
            }
            Target::HalfCent => {
                if rest % 10 == 5 && rng.chance(1, 2) {
                    // 最终评估得分 = rest + 10 (no deduction) or rest (deductions beyond 10)
                    r.deductions = match rng.below(3) {
                        0 => None,
                        1 => Some(Vec::new()),
                        _ => {
                            let d = 10_000 + rng.range_i128(1, 9_000);
                            Some(deductions_summing_to(rng, d))
                        }
                    };
                } else {
                    // total = rest + 10000 − d ≡ 5 (mod 10)
                    let need = (rest + 10_000 - 5).rem_euclid(10);
                    let mut d = rng.range_i128(1, 10_000);
                    d = d - d % 10 + need;
                    if d == 0 {
                        d += 10;
                    }
                    if d > 10_000 {
                        d -= 10;
                    }
                    r.deductions = Some(deductions_summing_to(rng, d));
                }
            }
        }
        let e = expected(&r);
        match target {
            Target::Milli(t) => assert_eq!(e.total, Frac::milli(t)),
            Target::HalfCent => assert!(is_half_cent(e.total), "{}", e.total.show()),
        }
        return r;
    }
    panic!("could not build a department with total {target:?}");
}

/// Random valid cut-offs, some of them left at their defaults.
fn random_cutoffs(rng: &mut Rng) -> Cutoffs {
    loop {
        let grain = [100, 100, 50, 25, 1][rng.index(5)];
        let snap = |x: i128| x - x % grain;
        let pass = snap(rng.range_i128(5000, 7000));
        let good = snap(pass + rng.range_i128(300, 1500));
        let excellent = snap(good + rng.range_i128(300, 1200));
        let set = [excellent, good, pass];
        if !(excellent > good && good > pass && excellent <= 9800) {
            continue;
        }
        // leave some at their default, as long as the effective cut-offs stay in order
        let mut vals = set;
        let mut given = [true; 3];
        for i in 0..3 {
            if rng.chance(1, 4) {
                given[i] = false;
                vals[i] = CUTOFF_DEFAULTS[i];
            }
        }
        if !(vals[0] > vals[1] && vals[1] > vals[2]) {
            vals = set;
            given = [true; 3];
        }
        if vals == CUTOFF_DEFAULTS {
            continue;
        }
        let mut args: Vec<String> = (0..3)
            .filter(|&i| given[i])
            .map(|i| {
                let style = if rng.chance(1, 5) { 1 } else { 0 };
                format!("{}={}", CUTOFF_NAMES[i], dec_text(vals[i] * 10, style))
            })
            .collect();
        rng.shuffle(&mut args);
        return Cutoffs { vals, args };
    }
}

/// Offsets from a cut-off, in thousandths, for pinned totals: c − 0.005 publishes as c (the
/// upper grade), c − 0.006 and c − 0.015 as c − 0.01 (the lower grade), c − 0.001 as c.
/// Each cut-off gets c − 0.005, one of the `BELOW` and one of the `AT`.
const PIN_BELOW: [i128; 2] = [-6, -15];
const PIN_AT: [i128; 3] = [0, -1, 5];

/// A data set of `n` departments: pinned totals around each cut-off, free x.xx5 totals,
/// random departments, twins and near twins; in random order.
fn random_dataset(seed: u64, n: usize, cut: &Cutoffs) -> Vec<Rec> {
    let mut rng = Rng::new(seed, RNG_SALT);
    let mut recs: Vec<Rec> = Vec::with_capacity(n);
    for &c in &cut.vals {
        let offsets = [-5, PIN_BELOW[rng.index(PIN_BELOW.len())], PIN_AT[rng.index(PIN_AT.len())]];
        for o in offsets {
            recs.push(exact_record(&mut rng, Target::Milli(c * 10 + o)));
        }
    }
    for _ in 0..3 {
        recs.push(exact_record(&mut rng, Target::HalfCent));
    }
    while recs.len() < n {
        let roll = rng.below(12);
        let r = if roll < 2 {
            let src = recs[rng.index(recs.len())].clone();
            twin(&mut rng, &src)
        } else if roll == 2 {
            let src = recs[rng.index(recs.len())].clone();
            near_twin(&mut rng, &src)
        } else {
            let p = Profile::random(&mut rng);
            gen_rec(&mut rng, &p, 1)
        };
        recs.push(r);
    }
    recs.truncate(n);
    rng.shuffle(&mut recs);
    for (i, r) in recs.iter_mut().enumerate() {
        r.name = format!("部门{:03}", i + 1);
    }
    recs
}

/// x.xx5 totals only: pinned 89.995, 79.995, 59.995 and 75.025, then free ones (both with an
/// even and with an odd hundredths digit), and a twin of one of them.
fn half_cent_dataset(seed: u64) -> Vec<Rec> {
    let mut rng = Rng::new(seed, RNG_SALT);
    let mut recs: Vec<Rec> = [89_995, 79_995, 59_995, 75_025, 60_005]
        .into_iter()
        .map(|t| exact_record(&mut rng, Target::Milli(t)))
        .collect();
    for _ in 0..20 {
        recs.push(exact_record(&mut rng, Target::HalfCent));
    }
    let src = recs[6].clone();
    let mut t = twin(&mut rng, &src);
    t.cat = src.cat;
    recs.push(t);
    for (i, r) in recs.iter_mut().enumerate() {
        r.name = format!("部门{:03}", i + 1);
    }
    recs
}

// ---------------------------------------------------------------------------------------------
// Naive evaluations (only to show that the half-cent data set has teeth)
// ---------------------------------------------------------------------------------------------

/// The contract evaluated in binary floating point and printed with `{:.2}`.
fn naive_f64_score(r: &Rec) -> String {
    let f = |d: &Dec| d.text.parse::<f64>().unwrap();
    let items = |list: &[Item]| list.iter().map(|it| f(&it.weight) / 100.0 * f(&it.score)).sum::<f64>();
    let func = 0.4 * items(&r.func[0]) + 0.4 * items(&r.func[1]) + 0.2 * items(&r.func[2]);
    let tree = |v: &[Dec], groups: &[(usize, usize, i128)], w: &[i128]| {
        groups
            .iter()
            .map(|&(lo, hi, gw)| gw as f64 / 100.0 * (lo..hi).map(|i| w[i] as f64 / 100.0 * f(&v[i])).sum::<f64>())
            .sum::<f64>()
    };
    let mgmt = tree(&r.mgmt, &MGMT_GROUPS, &MGMT_LEAF_WEIGHTS);
    let innov = tree(&r.innov, &INNOV_GROUPS, &INNOV_LEAF_WEIGHTS);
    let year_end = 0.5 * func + 0.3 * mgmt + 0.2 * innov;
    let work = (0.05 * f(&r.plan) + 0.15 * f(&r.half) + 0.8 * year_end) * 0.6;
    let leader = 0.4 * f(&r.leader[0]) + 0.3 * f(&r.leader[1]) + 0.3 * f(&r.leader[2]);
    let public = (0.3 * leader + 0.4 * f(&r.service) + 0.3 * f(&r.public)) * 0.3;
    let deducted: f64 = r.deductions.iter().flatten().map(|d| f(&d.points)).sum();
    let total = work + public + (10.0 - deducted.min(10.0));
    format!("{total:.2}")
}

/// Banker's rounding (half to even) of the exact total.
fn naive_bankers_score(r: &Rec) -> String {
    let e = expected(r).total;
    let h = e.hundredths_half_away();
    if is_half_cent(e) && h % 2 != 0 { Frac::new(h - 1, 100).fmt2() } else { e.fmt2() }
}

/// 工作考核得分, 公众评议得分 and 督促检查得分 each published first, then added.
fn naive_rounded_parts_score(r: &Rec) -> String {
    let e = expected(r);
    (e.work.round2() + e.public.round2() + e.check.round2()).fmt2()
}

// ---------------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------------

fn write_data(recs: &[Rec], tag: &str) -> TempFile {
    let data = Value::Array(recs.iter().map(Rec::to_json).collect());
    write_json("jiangsu", tag, &data)
}

fn run_jixiao(data: &Path, sets: &[String]) -> std::process::Output {
    eval_json("jiangsu-2011.jx", data, sets)
}

fn run_eval(recs: &[Rec], tag: &str, cut: &Cutoffs) -> Value {
    let file = write_data(recs, tag);
    stdout_json(tag, &format!(" (cut-offs {})", cut.show()), &run_jixiao(&file.0, &cut.args))
}

fn results_of<'a>(tag: &str, out: &'a Value) -> &'a Vec<Value> {
    let name = out.get("regulation").and_then(Value::as_str);
    assert!(
        name.is_some_and(|n| n.starts_with(REGULATION_NAME)),
        "[{tag}] top-level \"regulation\" is {:?}",
        out.get("regulation")
    );
    results_array(tag, out)
}

/// Compares the binary's output with the oracle for every record, in input order.
fn check(tag: &str, recs: &[Rec], cut: &Cutoffs, out: &Value) {
    let results = results_of(tag, out);
    assert_eq!(results.len(), recs.len(), "[{tag}] {} results for {} records", results.len(), recs.len());
    let exp: Vec<Expected> = recs.iter().map(expected).collect();
    let published: Vec<Frac> = exp.iter().map(|e| e.total.round2()).collect();
    let cats: Vec<usize> = recs.iter().map(|r| r.cat).collect();
    let ranks = competition_ranks(&published, &cats);
    let exact_ranks = competition_ranks(&exp.iter().map(|e| e.total).collect::<Vec<_>>(), &cats);

    let mut failures: Vec<String> = Vec::new();
    for (i, (r, e)) in recs.iter().zip(&exp).enumerate() {
        let res = &results[i];
        let mut bad: Vec<String> = Vec::new();
        expect_str(&mut bad, "department", res.get("department"), &r.name);
        expect_str(&mut bad, "score", res.get("score"), &e.total.fmt2());
        let g = grade(published[i], cut);
        expect_str(&mut bad, "grade", res.get("grade"), GRADES[g]);
        expect_str(&mut bad, "category", res.get("category"), CATEGORIES[r.cat]);
        let values = res.get("values");
        let value = |name: &str| values.and_then(|vs| vs.get(name));
        expect_values(&mut bad, values, &e.values());
        let quota = pct(QUOTA_PERCENT[g]).fmt2();
        expect_str(&mut bad, "values.公务员优秀比例", value("公务员优秀比例"), &quota);
        let interview = g == 3 && r.last_grade == Some(3);
        let got = value("诫勉谈话");
        if got.and_then(Value::as_bool) != Some(interview) {
            bad.push(format!("values.诫勉谈话: expected {interview}, found {}", found(got)));
        }
        let got = res.get("rank");
        if !got.is_some_and(Value::is_number) || got.and_then(Value::as_u64) != Some(ranks[i]) {
            bad.push(format!(
                "rank: expected {} (by published score within {}; by exact score it would be {}), found {}",
                ranks[i],
                CATEGORIES[r.cat],
                exact_ranks[i],
                found(got)
            ));
        }
        let got = value("排名进步");
        match r.last_rank {
            Some(last) => {
                let want = (last as i64 - ranks[i] as i64).to_string();
                if got.and_then(Value::as_str) != Some(want.as_str()) {
                    bad.push(format!(
                        "values.排名进步: expected \"{want}\" (上年排名 {last} − 排名 {}), found {}",
                        ranks[i],
                        found(got)
                    ));
                }
            }
            None => {
                if !got.is_some_and(Value::is_null) {
                    bad.push(format!("values.排名进步: expected null (no 上年排名), found {}", found(got)));
                }
            }
        }
        if !bad.is_empty() {
            failures.push(record_failure(tag, i, &r.name, &r.to_json(), ("最终评估得分", e.total), res, &bad));
        }
    }
    fail_if_any(tag, &failures, recs.len(), 6, &format!("cut-offs {}; ", cut.show()));
}

const SET_SIZE: usize = 40;

fn run_default_sets(seeds: std::ops::RangeInclusive<u64>) {
    let cut = Cutoffs::defaults();
    for seed in seeds {
        let recs = random_dataset(seed, SET_SIZE, &cut);
        let tag = format!("seed{seed}");
        let out = run_eval(&recs, &tag, &cut);
        check(&tag, &recs, &cut, &out);
    }
}

/// The cut-offs of the five random `--set` runs.
fn random_cutoff_runs() -> Vec<(u64, Cutoffs)> {
    let mut rng = Rng::new(0xC0FF, RNG_SALT);
    (0..5).map(|i| (1001 + i, random_cutoffs(&mut rng))).collect()
}

fn cutoffs_85_75_65() -> Cutoffs {
    Cutoffs {
        vals: [8500, 7500, 6500], args: vec!["优秀线=85".into(), "良好线=75".into(), "达标线=65".into()]
    }
}

// ---------------------------------------------------------------------------------------------
// Tests against the binary
// ---------------------------------------------------------------------------------------------

#[test]
fn random_data_sets_default_cutoffs_1_to_5() {
    run_default_sets(1..=5);
}

#[test]
fn random_data_sets_default_cutoffs_6_to_10() {
    run_default_sets(6..=10);
}

#[test]
fn half_cent_scores_round_half_away_from_zero() {
    let recs = half_cent_dataset(2011);
    for r in &recs {
        let e = expected(r);
        assert_eq!(e.total.round2().abs() - e.total.abs(), Frac::new(1, 200), "{}: {}", r.name, e.total.show());
    }
    let cut = Cutoffs::defaults();
    let out = run_eval(&recs, "halfcent", &cut);
    check("halfcent", &recs, &cut, &out);
}

#[test]
fn cutoffs_set_to_85_75_65() {
    let cut = cutoffs_85_75_65();
    let recs = random_dataset(851, SET_SIZE, &cut);
    let out = run_eval(&recs, "cut85", &cut);
    check("cut85", &recs, &cut, &out);
}

#[test]
fn random_cutoffs_through_set() {
    for (seed, cut) in random_cutoff_runs() {
        let recs = random_dataset(seed, SET_SIZE, &cut);
        let tag = format!("cut{seed}");
        let out = run_eval(&recs, &tag, &cut);
        check(&tag, &recs, &cut, &out);
    }
}

#[test]
fn bad_set_is_a_usage_error() {
    let recs = random_dataset(77, 5, &Cutoffs::defaults());
    let file = write_data(&recs, "badset");
    // the data and file are fine: without --set the run succeeds
    let ok = run_jixiao(&file.0, &[]);
    assert!(ok.status.success(), "plain run failed: {}\n{}", ok.status, String::from_utf8_lossy(&ok.stderr));
    for set in ["不存在的参数=85", "优秀=85", "优秀线=abc", "达标线=abc"] {
        let out = run_jixiao(&file.0, &[set.to_string()]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "--set {set}: expected exit status 2, got {}\nstderr:\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty(), "--set {set}: stdout not empty:\n{}", String::from_utf8_lossy(&out.stdout));
        assert!(!out.stderr.is_empty(), "--set {set}: no message on stderr");
    }
    // a bad one among good ones
    let out = run_jixiao(&file.0, &["优秀线=85".to_string(), "良好线=abc".to_string()]);
    assert_eq!(out.status.code(), Some(2), "--set 良好线=abc after a good --set: {}", out.status);
    assert!(out.stdout.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Tests of the oracle itself
// ---------------------------------------------------------------------------------------------

#[test]
fn oracle_frac_arithmetic() {
    common::exact::assert_frac_arithmetic();
    assert_eq!(mod_inverse(3, 100), 67);
    assert_eq!(mod_inverse(126, 15625) * 126 % 15625, 1);
    assert_eq!(mod_inverse(5, 1), 0);
}

#[test]
fn oracle_rounding_half_away_from_zero() {
    common::exact::assert_rounding_half_away_from_zero();
}

#[test]
fn oracle_number_texts_are_exact() {
    assert_eq!(dec_text(87_125, 0), "87.125");
    assert_eq!(dec_text(87_100, 0), "87.1");
    assert_eq!(dec_text(87_100, 1), "87.100");
    assert_eq!(dec_text(87_100, 2), "87.10");
    assert_eq!(dec_text(90_000, 2), "90.00");
    assert_eq!(dec_text(90_000, 0), "90");
    assert_eq!(dec_text(5, 0), "0.005");
    assert_eq!(dec_text(100_000, 1), "100.000");
    assert_eq!(Dec::lit("12.5").t, 12_500);
    assert_eq!(Dec::lit("0.125").t, 125);
    // the JSON written keeps every number exactly as its text
    for text in ["87.125", "87.100", "0.1", "90.0", "100", "0.005", "33.333"] {
        let d = Dec { t: 0, text: text.to_string() };
        assert_eq!(serde_json::to_string(&d.json()).unwrap(), text);
    }
    let mut rng = Rng::new(5, RNG_SALT);
    let p = Profile::random(&mut rng);
    let r = gen_rec(&mut rng, &p, 1);
    let json = serde_json::to_string(&r.to_json()).unwrap();
    assert!(json.contains(&format!("\"评估计划\":{}", r.plan.text)), "{json}");
}

/// A department in which every score is 80, weights of the given shape, no deductions.
fn flat_rec(score: &str) -> Rec {
    let s = || Dec::lit(score);
    let item = |name: &str, w: &str| Item { name: name.into(), weight: Dec::lit(w), score: s() };
    Rec {
        name: "省测试厅".into(),
        cat: 0,
        plan: s(),
        half: s(),
        func: [
            vec![item("a", "100")],
            ["10", "10", "20", "20", "20", "20"].iter().map(|w| item("b", w)).collect(),
            vec![item("c", "12.5"), item("d", "87.5")],
        ],
        mgmt: (0..17).map(|_| s()).collect(),
        innov: (0..9).map(|_| s()).collect(),
        leader: (0..3).map(|_| s()).collect(),
        service: s(),
        public: s(),
        deductions: None,
        last_grade: None,
        last_rank: None,
        top_order: (0..TOP_FIELDS).collect(),
        func_order: (0..3).collect(),
        mgmt_order: (0..17).collect(),
        innov_order: (0..9).collect(),
        leader_order: (0..3).collect(),
    }
}

#[test]
fn oracle_hand_computed_records() {
    // every score 80: 工作考核 48, 公众评议 24, 督促检查 10
    let e = expected(&flat_rec("80"));
    assert_eq!((e.func, e.mgmt, e.innov, e.year_end), (Frac::int(80), Frac::int(80), Frac::int(80), Frac::int(80)));
    assert_eq!((e.work, e.leader, e.public, e.check), (Frac::int(48), Frac::int(80), Frac::int(24), Frac::int(10)));
    assert_eq!(e.total, Frac::int(82));
    assert_eq!(expected(&flat_rec("100")).total, Frac::int(100));
    assert_eq!(expected(&flat_rec("0")).total, Frac::int(10));

    let mut r = flat_rec("80");
    let d = |s: &str| Dec::lit(s);
    let item = |w: &str, s: &str| Item { name: "x".into(), weight: d(w), score: d(s) };
    r.plan = d("100");
    r.half = d("90");
    // 重点 = 11.25 + 30 + 35 = 76.25
    r.func[0] = vec![item("12.5", "90"), item("37.5", "80"), item("50", "70")];
    // 常规 = 10 + 9 + 16 + 14 + 12 + 10 = 71
    r.func[1] = [("10", "100"), ("10", "90"), ("20", "80"), ("20", "70"), ("20", "60"), ("20", "50")]
        .iter()
        .map(|(w, s)| item(w, s))
        .collect();
    // 其他 = 88.5
    r.func[2] = vec![item("100", "88.5")];
    // 依法行政 = 15 + 15 + 5 × 7 = 65; 高效行政 80; 廉洁行政 70 → 管理 = 26 + 24 + 21 = 71
    for i in 0..17 {
        r.mgmt[i] = d(match i {
            0 | 1 => "100",
            2..=6 => "50",
            7..=11 => "80",
            _ => "70",
        });
    }
    // 创新 = 50% × 60 + 30% × (20 + 40 + 15) + 10% × 80 + 10% × (30 + 20 + 24) = 67.9
    for (i, s) in ["60", "100", "80", "50", "90", "70", "100", "50", "80"].iter().enumerate() {
        r.innov[i] = d(s);
    }
    // 领导 = 38 + 25.5 + 22.5 = 86
    r.leader = vec![d("95"), d("85"), d("75")];
    r.service = d("90");
    r.public = d("80");
    r.deductions =
        Some(vec![Deduction { name: "a".into(), points: d("3") }, Deduction { name: "b".into(), points: d("2.5") }]);
    let e = expected(&r);
    assert_eq!(e.key, Frac::new(7625, 100));
    assert_eq!(e.routine, Frac::int(71));
    assert_eq!(e.other, Frac::new(885, 10));
    assert_eq!(e.func, Frac::new(766, 10)); // 30.5 + 28.4 + 17.7
    assert_eq!(e.mgmt, Frac::int(71));
    assert_eq!(e.innov, Frac::new(679, 10));
    assert_eq!(e.year_end, Frac::new(7318, 100)); // 38.3 + 21.3 + 13.58
    assert_eq!(e.work, Frac::new(462264, 10000)); // (5 + 13.5 + 58.544) × 0.6
    assert_eq!(e.leader, Frac::int(86));
    assert_eq!(e.public, Frac::new(2574, 100)); // 85.8 × 0.3
    assert_eq!(e.check, Frac::new(45, 10));
    assert_eq!(e.total, Frac::new(764664, 10000));
    assert_eq!(e.total.fmt2(), "76.47");
    assert_eq!(GRADES[grade(e.total.round2(), &Cutoffs::defaults())], "达标");

    // deductions beyond 10 stop at 10 (扣满10分为止)
    r.deductions =
        Some(vec![Deduction { name: "a".into(), points: d("6") }, Deduction { name: "b".into(), points: d("5") }]);
    let e = expected(&r);
    assert_eq!(e.check, Frac::ZERO);
    assert_eq!(e.total.fmt2(), "71.97"); // 71.9664
    r.deductions = Some(Vec::new());
    assert_eq!(expected(&r).check, Frac::int(10));
}

#[test]
fn oracle_grades_and_ranks() {
    let def = Cutoffs::defaults();
    let g = |s: &str| GRADES[grade(Frac::milli(Dec::lit(s).t), &def)];
    assert_eq!(g("90"), "优秀");
    assert_eq!(g("89.99"), "良好");
    assert_eq!(g("80"), "良好");
    assert_eq!(g("79.99"), "达标");
    assert_eq!(g("60"), "达标");
    assert_eq!(g("59.99"), "诫勉");
    assert_eq!(g("0"), "诫勉");
    assert_eq!(GRADES[grade(Frac::milli(89_995).round2(), &def)], "优秀");
    let c = cutoffs_85_75_65();
    assert_eq!(GRADES[grade(Frac::int(85), &c)], "优秀");
    assert_eq!(GRADES[grade(Frac::new(8499, 100), &c)], "良好");
    assert_eq!(GRADES[grade(Frac::int(65), &c)], "达标");
    assert_eq!(GRADES[grade(Frac::new(6499, 100), &c)], "诫勉");
    let s = [80, 90, 80, 70, 90, 60, 95, 80].map(Frac::int);
    let cats = [0, 0, 0, 0, 0, 0, 1, 1];
    assert_eq!(competition_ranks(&s, &cats), vec![3, 1, 3, 5, 1, 6, 1, 2]);
    for (_, c) in random_cutoff_runs() {
        assert!(c.vals[0] > c.vals[1] && c.vals[1] > c.vals[2], "{}", c.show());
        assert!(!c.args.is_empty());
    }
}

#[test]
fn oracle_linear_decomposition_matches_the_formulas() {
    // 工作考核得分 + 公众评议得分 == Σ coefficient × score, for random departments
    let mut rng = Rng::new(99, RNG_SALT);
    for _ in 0..50 {
        let p = Profile::random(&mut rng);
        let r = gen_rec(&mut rng, &p, 1);
        let leaves = r.all_leaves();
        assert_eq!(milli_contribution(&r, &leaves) / Frac::int(1000), expected(&r).rest());
    }
    // the coefficients of the whole tree add up to 90% (60% + 30%)
    let r = flat_rec("1");
    let sum = r.all_leaves().iter().fold(Frac::ZERO, |s, &l| s + coefficient(&r, l));
    assert_eq!(sum, pct(90));
    // solving a congruence: 0.09 × k ≡ −0.37 (mod 1) near 50000
    let k = solve_leaf(&mut rng, Frac::new(37, 100), Frac::new(9, 100), 50_000).unwrap();
    assert!((Frac::new(37, 100) + Frac::new(9, 100) * Frac::int(k)).is_integer());
    assert!((k - 50_000).abs() <= 50, "{k}");
    assert_eq!(solve_leaf(&mut rng, Frac::new(1, 3), Frac::new(9, 100), 0), None);
}

#[test]
fn oracle_data_generation_is_sound() {
    let mut grades_seen = [[0usize; 4]; 2];
    let (mut ties, mut near_ties, mut cross_cat_ties) = (0, 0, 0);
    let (mut over_cap, mut omitted, mut empty) = (0, 0, 0);
    let (mut no_last_grade, mut no_last_rank, mut interviews) = (0, 0, 0);
    let (mut progress_neg, mut progress_pos) = (0, 0);
    let mut half_cents = 0;
    let mut fractional_weights = 0;
    let mut lengths = [[false; 11]; 3];
    let mut sets: Vec<(Vec<Rec>, Cutoffs)> =
        (1..=10).map(|seed| (random_dataset(seed, SET_SIZE, &Cutoffs::defaults()), Cutoffs::defaults())).collect();
    sets.push((random_dataset(851, SET_SIZE, &cutoffs_85_75_65()), cutoffs_85_75_65()));
    for (seed, cut) in random_cutoff_runs() {
        sets.push((random_dataset(seed, SET_SIZE, &cut), cut));
    }
    for (recs, cut) in &sets {
        let mut names: Vec<&str> = recs.iter().map(|r| r.name.as_str()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), recs.len());
        let exp: Vec<Expected> = recs.iter().map(expected).collect();
        let published: Vec<Frac> = exp.iter().map(|e| e.total.round2()).collect();
        let cats: Vec<usize> = recs.iter().map(|r| r.cat).collect();
        let ranks = competition_ranks(&published, &cats);
        let mut pinned = [[false; 2]; 3];
        for (i, (r, e)) in recs.iter().zip(&exp).enumerate() {
            // every field valid per the contract
            for g in 0..3 {
                let (lo, hi) = FUNC_LEN[g];
                let n = r.func[g].len() as i128;
                assert!((lo..=hi).contains(&n), "{} items in {}", n, FUNC_KEYS[g]);
                lengths[g][n as usize] = true;
                let sum = r.func[g].iter().fold(Frac::ZERO, |s, it| s + it.weight.frac());
                assert_eq!(sum, Frac::int(100));
                assert!(r.func[g].iter().all(|it| it.weight.t > 0 && (0..=100_000).contains(&it.score.t)));
                fractional_weights += r.func[g].iter().filter(|it| it.weight.t % 1000 != 0).count();
            }
            for l in r.all_leaves() {
                assert!((0..=100_000).contains(&r.leaf(l).t));
                assert_eq!(Dec::lit(&r.leaf(l).text).t, r.leaf(l).t, "{}", r.leaf(l).text);
            }
            assert!(r.deductions.iter().flatten().all(|d| d.points.t > 0));
            assert!(r.last_rank.is_none_or(|k| k >= 1));
            let g = grade(published[i], cut);
            grades_seen[r.cat][g] += 1;
            if r.deducted() > Frac::int(10) {
                over_cap += 1;
            }
            match &r.deductions {
                None => omitted += 1,
                Some(d) if d.is_empty() => empty += 1,
                _ => {}
            }
            no_last_grade += usize::from(r.last_grade.is_none());
            no_last_rank += usize::from(r.last_rank.is_none());
            interviews += usize::from(g == 3 && r.last_grade == Some(3));
            if let Some(last) = r.last_rank {
                progress_neg += usize::from((last as i64) < ranks[i] as i64);
                progress_pos += usize::from((last as i64) > ranks[i] as i64);
            }
            half_cents += usize::from(is_half_cent(e.total));
            for (k, &c) in cut.vals.iter().enumerate() {
                if e.total == Frac::milli(c * 10 - 5) {
                    pinned[k][0] = true;
                }
                if published[i] == Frac::new(c - 1, 100) {
                    pinned[k][1] = true;
                }
            }
            for j in 0..i {
                if recs[j].cat == r.cat && published[j] == published[i] {
                    ties += 1;
                    if exp[j].total != e.total {
                        near_ties += 1;
                    }
                }
                if recs[j].cat != r.cat && exp[j].total == e.total {
                    cross_cat_ties += 1;
                }
            }
        }
        // each cut-off has a department exactly half a cent below it and one published a
        // cent below it
        assert_eq!(pinned, [[true; 2]; 3], "cut-offs {}", cut.show());
    }
    eprintln!(
        "grades {grades_seen:?}, ties {ties} (near {near_ties}, across 类别 {cross_cat_ties}), over cap {over_cap}, \
         omitted {omitted}, empty {empty}, no 上年等次 {no_last_grade}, no 上年排名 {no_last_rank}, \
         诫勉谈话 {interviews}, 排名进步 −{progress_neg} +{progress_pos}, half cents {half_cents}, \
         fractional weights {fractional_weights}"
    );
    assert!(grades_seen.iter().all(|c| c.iter().all(|&n| n >= 10)), "grades per category: {grades_seen:?}");
    assert!(ties >= 40, "ties: {ties}");
    assert!(near_ties >= 10, "near ties: {near_ties}");
    assert!(cross_cat_ties >= 5, "cross-category twins: {cross_cat_ties}");
    assert!(over_cap >= 30, "over the 10-point cap: {over_cap}");
    assert!(omitted >= 30 && empty >= 20, "omitted {omitted}, empty {empty}");
    assert!(no_last_grade >= 60 && no_last_rank >= 60, "{no_last_grade} {no_last_rank}");
    assert!(interviews >= 5, "诫勉谈话: {interviews}");
    assert!(progress_neg >= 20 && progress_pos >= 20, "{progress_neg} {progress_pos}");
    assert!(half_cents >= 100, "half cents: {half_cents}");
    assert!(fractional_weights >= 200, "fractional weights: {fractional_weights}");
    for g in 0..3 {
        let (lo, hi) = FUNC_LEN[g];
        assert!((lo..=hi).all(|n| lengths[g][n as usize]), "{} lengths {:?}", FUNC_KEYS[g], lengths[g]);
    }
}

#[test]
fn oracle_half_cent_data_set_has_teeth() {
    let recs = half_cent_dataset(2011);
    let totals: Vec<String> = recs.iter().map(|r| expected(r).total.fmt2()).collect();
    for want in ["90.00", "80.00", "60.00", "75.03", "60.01"] {
        assert!(totals.iter().any(|t| t == want), "{want} not in {totals:?}");
    }
    assert!(recs.iter().all(|r| is_half_cent(expected(r).total)));
    let fooled = |f: fn(&Rec) -> String| recs.iter().filter(|r| f(r) != expected(r).total.fmt2()).count();
    let bankers = fooled(naive_bankers_score);
    let floats = fooled(naive_f64_score);
    let parts = fooled(naive_rounded_parts_score);
    assert!(bankers >= 5, "banker's rounding fooled by {bankers}");
    assert!(floats >= 3, "f64 fooled by {floats}");
    assert!(parts >= 3, "rounding the parts fooled by {parts}");
    // the twin ties
    let last = recs.len() - 1;
    assert_eq!(expected(&recs[last]).total, expected(&recs[6]).total);
    assert_eq!(recs[last].cat, recs[6].cat);
}

// Notes on the contract (shared/spec/jiangsu-2011.md) that this test had to settle:
// * How unpublished `values` are printed ("decimals as strings") — the test expects 2
//   decimals, half away from zero, like `score`; 公务员优秀比例 as the fraction "0.20" (not
//   "20%" or "20.00"); 排名进步 as a whole number ("-2") and JSON null without 上年排名 (the
//   contract says only "where 上年排名 is given").
// * 排名 "by published score" — followed literally: near twins whose exact totals differ by
//   0.00003 share a rank.
// * 诫勉谈话 without 上年等次 — false.
// * `--set` with only some of the three cut-offs — the others keep their defaults; every run
//   here keeps 优秀线 > 良好线 > 达标线 (the contract does not say what equal or inverted
//   cut-offs mean).
// * The 17 管理工作 keys are spelled as in jiangsu-2011-indicators.md (e.g. 机关作风和效能建设,
//   not the longer wording of 第八条(二)).
