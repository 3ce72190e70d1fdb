//! Differential test: random small regulations and records, evaluated compiled (as every run
//! is) and by the reference alone (as a run noting coverage is); they must agree exactly.

use std::cell::RefCell;

use crate::eval::{Coverage, UnitResult, evaluate, evaluate_traced, parameters};
use crate::number::Number;
use crate::program::Program;
use crate::source::SourceFile;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const CONSTS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "7",
    "0.5",
    "0.1",
    "1.5",
    "100",
    "2.675",
    "0.001",
    "1000000000",
    "1000000000000000000",
    "9223372036854775807",
    "4611686018427387904",
    "12345678901234567890",
    "0.000000001",
    "99.995",
    "3037000499",
];

const DATA: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "3",
    "0.5",
    "-0.5",
    "2.675",
    "-2.675",
    "99.995",
    "-99.995",
    "0.125",
    "-0.125",
    "1.005",
    "1000000000000000000",
    "-1000000000000000000",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "123456789012345678",
    "-123456789012345678",
    "12345678901234567.89",
    "99999999999999999999999999",
    "0.0000000000000000001",
    "0.333333333333333333",
    "7",
    "-7",
    "60",
    "89.995",
    "90",
    "4294967296",
    "3037000500",
    "-3037000500",
    "0.3",
    "1e2",
    "-0",
    "-0.0",
    "0.10",
    "1.50",
];

/// Generates one regulation's text and the records to evaluate.
struct Gen<'r> {
    rng: &'r mut Rng,
    /// Numeric values declared so far (names).
    nums: Vec<(String, U)>,
    /// Yes/no values declared so far.
    bools: Vec<String>,
    /// Only the record's data may be read (in a requirement).
    data_only: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum U {
    Cnt,
    Pct,
    Pts,
}

impl Gen<'_> {
    fn leaf(&mut self, u: U) -> String {
        let own: Vec<String> = self.nums.iter().filter(|(_, vu)| *vu == u).map(|(n, _)| n.clone()).collect();
        if !own.is_empty() && self.rng.chance(30) {
            return own[self.rng.below(own.len())].clone();
        }
        let c = self.rng.pick(CONSTS);
        match u {
            U::Cnt => match self.rng.below(6) {
                0 | 1 => c.to_string(),
                2 => self.rng.pick(&["a", "b", "n", "d", "k", "a", "b"]).to_string(),
                3 => self
                    .rng
                    .pick(&[
                        "合计(l)",
                        "平均(l)",
                        "个数(l)",
                        "个数(项目)",
                        "合计(t)",
                        "计数(t，满意)",
                        "p[甲]",
                        "p[二]",
                    ])
                    .into(),
                4 => self
                    .rng
                    .pick(&[
                        "计数(l > 0.5)",
                        "计数(l = 0)",
                        "计数(rs = 不满意)",
                        "计数(rs ≠ 满意)",
                        "计数(l ≤ k)",
                        "计数(叶 > 50%)",
                        "计数(p < 0)",
                    ])
                    .into(),
                _ => self
                    .rng
                    .pick(&[
                        "合计(项目.权重)",
                        "合计(项目.得分)",
                        "合计(项目.权重 ÷ 100 × 项目.得分)",
                        "合计(项目.权重 × 2 + 项目.得分 - 1)",
                        "合计(项目.得分 × 3 ÷ 3)",
                        "合计(项目.得分 × 9223372036854775807)",
                        "合计(项目.权重 × 项目.得分 × 项目.得分)",
                        "合计(项目.得分 - 项目.得分)",
                        "合计(项目.得分 ÷ 3 + 1)",
                        "合计(p)",
                        "(如果 有(c) 则 c 否则 a)",
                    ])
                    .into(),
            },
            U::Pct if self.data_only => format!("{c}%"),
            U::Pts if self.data_only => format!("{c}分"),
            U::Pct => match self.rng.below(4) {
                0 => format!("{c}%"),
                1 => self.rng.pick(&["因子(r)", "平均(因子(rs))", "平均(因子(t))", "因子(r)"]).into(),
                2 => self.rng.pick(&["叶[甲]", "叶[二]", "平均(叶)", "合计(叶)"]).into(),
                _ => self.rng.pick(&["合计(因子(rs))", "合计(因子(t))", "50%", "33.3%"]).into(),
            },
            U::Pts => match self.rng.below(4) {
                0 | 1 => format!("{c}分"),
                2 => "s".into(),
                _ => self.rng.pick(&["汇总(总，叶)", "s", "-1分", "0分"]).into(),
            },
        }
    }

    fn divisor(&mut self) -> String {
        self.rng
            .pick(&["d", "3", "7", "0.5", "k", "100", "1000000000000000000", "9223372036854775807", "个数(l)"])
            .into()
    }

    fn num(&mut self, u: U, depth: u32) -> String {
        if depth == 0 {
            return self.leaf(u);
        }
        let d = depth - 1;
        match self.rng.below(20) {
            0..=3 => self.leaf(u),
            4 | 5 => format!("({} + {})", self.num(u, d), self.num(u, d)),
            6 | 7 => format!("({} - {})", self.num(u, d), self.num(u, d)),
            8 | 9 => format!("({} × {})", self.num(U::Cnt, d), self.num(u, d)),
            10 if u != U::Cnt => {
                format!("({} × {})", self.num(U::Pct, d), self.num(if u == U::Pct { U::Cnt } else { U::Pts }, d))
            }
            10 => format!("({} × {})", self.num(u, d), self.num(U::Cnt, d)),
            11 => format!("({} ÷ {})", self.num(u, d), self.divisor()),
            12 => {
                let x = self.num(U::Cnt, d);
                format!("(如果 {x} > 0 则 {} ÷ {x} 否则 {})", self.num(u, d), self.num(u, d))
            }
            13 => format!("(-{})", self.num(u, d)),
            14 => format!("最大({}，{})", self.num(u, d), self.num(u, d)),
            15 => format!("最小({}，{}，{})", self.num(u, d), self.num(u, d), self.num(u, d)),
            16 => format!("{}({})", self.rng.pick(&["向下取整", "向上取整"]), self.num(u, d)),
            17 => format!("(如果 {} 则 {} 否则 {})", self.cond(d), self.num(u, d), self.num(u, d)),
            18 => format!(
                "(对应 r {{ 满意 = {}；比较满意 = {}；不满意 = {} }})",
                self.num(u, d),
                self.num(u, d),
                self.num(u, d)
            ),
            _ if u == U::Pct => format!("({} ÷ {})", self.num(U::Pts, d), self.rng.pick(&["100分", "3分", "0.5分"])),
            _ => self.leaf(u),
        }
    }

    fn cond(&mut self, depth: u32) -> String {
        let r = self.rng.below(if depth == 0 { 4 } else { 12 });
        match r {
            0 => self.rng.pick(&["f", "非 f", "有(c)", "有(g)", "r = 满意", "r ≠ 不满意", "是", "否"]).into(),
            1 if !self.bools.is_empty() => self.bools[self.rng.below(self.bools.len())].clone(),
            1 => "f".into(),
            2 => self
                .rng
                .pick(&["g = 是", "g ≠ 否", "(如果 有(c) 则 c > 0 否则 否)", "(如果 有(c) 则 c ≤ a 否则 是)"])
                .into(),
            3 => format!("{} > {}", self.leaf(U::Cnt), self.leaf(U::Cnt)),
            4..=7 => {
                let op = self.rng.pick(&[">", "<", "=", "≠", "≥", "≤"]);
                let u = [U::Cnt, U::Pct, U::Pts][self.rng.below(3)];
                format!("{} {op} {}", self.num(u, depth - 1), self.num(u, depth - 1))
            }
            8 => format!("({} 且 {})", self.cond(depth - 1), self.cond(depth - 1)),
            9 => format!("({} 或 {})", self.cond(depth - 1), self.cond(depth - 1)),
            10 => format!("非 ({})", self.cond(depth - 1)),
            _ => format!("(如果 {} 则 {} 否则 {})", self.cond(depth - 1), self.cond(depth - 1), self.cond(depth - 1)),
        }
    }

    fn tail(&mut self, u: U) -> String {
        let mut s = String::new();
        if self.rng.chance(30) {
            let count = match self.rng.below(3) {
                0 => "n".to_string(),
                1 => format!("向下取整({})", self.num(U::Cnt, 1)),
                _ => format!("向上取整({})", self.num(U::Cnt, 1)),
            };
            s += &format!(" 每 {count} 扣 {}", self.num(u, 1));
            if self.rng.chance(50) {
                s += &format!(" 最多扣 {}", self.num(u, 1));
            }
        }
        if self.rng.chance(25) {
            s += &format!(" 加 {} 如果 {}", self.num(u, 1), self.cond(1));
        }
        if self.rng.chance(15) {
            s += &format!(" 每 n 加 {} 最多加 {}", self.num(u, 0), self.num(u, 0));
        }
        if !s.is_empty() && self.rng.chance(40) {
            s += " 扣完为止";
        }
        if self.rng.chance(25) {
            s += &format!(" 封顶 {}", self.num(u, 1));
        }
        if self.rng.chance(25) {
            s += &format!(" 保底 {}", self.num(u, 1));
        }
        if self.rng.chance(35) {
            s += &format!(" 保留 {} 位", self.rng.below(4));
            if self.rng.chance(50) {
                s += " 截断";
            }
        }
        s
    }

    fn regulation(&mut self) -> String {
        let mut s = String::from(
            "办法 \"测试\"\n输入 部门：文本\n等级 满意度 { 满意 = 100%，比较满意 = 80%，不满意 = 50% }\n\
             指标 总 分值 100 { 一 分值 60 { 甲 乙 } 二 分值 40 }\n\
             输入 a：数值\n输入 b：数值\n输入 c：可选 数值\n输入 n：次数 默认 0\n输入 d：数值 > 0\n输入 s：分数\n\
             输入 f：是否\n输入 g：可选 是否\n输入 r：满意度\n输入 rs：列表 满意度 非空\n输入 t：计票 满意度 非空\n\
             输入 l：列表 数值 非空\n输入 项目：列表 记录 { 权重：数值，得分：数值 } 默认 []\n输入 p：每项 总：数值\n\
             参数 k = 3\n参数 线 = 60分\n",
        );
        s += &format!(
            "计算 叶[项 属于 总] = p[项] × {}\n",
            self.rng.pick(&["1%", "2%", "0.5%", "因子(r)", "(a + 1) × 1%", "100%"])
        );
        s += "指标 权 { 丙 权重 30% { 丙一 权重 50% 丙二 权重 50% } 丁 权重 70% }\n输入 q：每项 权：数值\n";
        s += &format!("计算 权叶[项 属于 权] = q[项] × {}\n", self.rng.pick(&["1%", "0.5%", "因子(r)", "100%"]));
        s += "计算 权值 = 汇总(权，权叶)\n";
        if self.rng.chance(40) {
            s += &format!(
                "计算 丙 = {}\n计算 丁 = {}\n计算 权总 = 汇总(权)\n",
                self.num(U::Pct, 2),
                self.num(U::Pct, 2)
            );
            self.nums.push(("权总".into(), U::Pct));
        }
        self.nums.push(("权值".into(), U::Pct));
        // Requirements read inputs alone.
        let (nums, bools) = (std::mem::take(&mut self.nums), std::mem::take(&mut self.bools));
        self.data_only = true;
        for _ in 0..self.rng.below(3) {
            s += &format!("要求 {} 否则 \"要求不满足\"\n", self.cond(2));
        }
        if self.rng.chance(30) {
            let t = self.rng.pick(&["-1", "0", "1000000000000000000", "-9223372036854775807"]);
            s += &format!("要求 [项 属于 总] p[项] {} {t} 否则 \"每项\"\n", self.rng.pick(&[">", "≥", "≠", "<"]));
        }
        (self.nums, self.bools) = (nums, bools);
        self.data_only = false;
        let values = 1 + self.rng.below(5);
        for i in 0..values {
            let name = format!("v{i}");
            if self.rng.chance(15) {
                let c = self.cond(2);
                s += &format!("计算 {name} = {c}\n");
                self.bools.push(name);
                continue;
            }
            let u = [U::Cnt, U::Pct, U::Pts, U::Pts][self.rng.below(4)];
            let e = self.num(u, 3);
            let tail = self.tail(u);
            s += &format!("计算 {name} = {e}{tail}\n");
            self.nums.push((name, u));
        }
        if self.rng.chance(30) {
            s += &format!("计算 可 = 如果 有(c) 则 c - {} 否则 无\n", self.num(U::Cnt, 1));
        }
        if self.rng.chance(40) {
            let u = if self.rng.chance(50) { U::Pts } else { U::Pct };
            s += &format!("计算 一 = {}\n计算 二 = {}\n计算 总分 = 汇总(总)\n", self.num(u, 2), self.num(u, 2));
            self.nums.push(("总分".into(), U::Pts));
        }
        let last =
            self.nums.iter().rev().find(|(_, u)| *u == U::Pts).map(|(n, _)| n.clone()).unwrap_or_else(|| "s".into());
        s += &format!("计算 末 = {last} + {}\n", self.num(U::Pts, 2));
        s += "等次 级 按 末 { 优 ≥ 线；良 ≥ 0分 且 < 线；差 < 0分 }\n";
        s += "排名 名次 按 末\n";
        s += &format!(
            "计算 名后 = 名次 × 2 + {}\n计算 级分 = 对应 级 {{ 优 = 3分；良 = 2分；差 = {} }}\n",
            self.num(U::Cnt, 1),
            self.num(U::Pts, 1)
        );
        if self.rng.chance(50) {
            s += "计算 级差 = 级 = 差 且 f\n";
        }
        s += "公布 { 单位：部门；得分：末；等次：级；排名：名次 }\n";
        s
    }

    fn record(&mut self, i: usize) -> String {
        let num = |rng: &mut Rng| rng.pick(DATA).to_string();
        let mut fields = vec![format!("\"部门\":\"u{i}\"")];
        fields.push(format!("\"a\":{}", num(self.rng)));
        fields.push(format!("\"b\":{}", num(self.rng)));
        if self.rng.chance(60) {
            fields.push(format!("\"c\":{}", num(self.rng)));
        }
        if self.rng.chance(70) {
            fields.push(format!("\"n\":{}", self.rng.pick(&["0", "1", "2", "5", "100", "9223372036854775807"])));
        }
        fields.push(format!("\"s\":{}", num(self.rng)));
        fields.push(format!(
            "\"d\":{}",
            self.rng.pick(&["1", "3", "0.5", "7", "0.001", "1000000000000000000", "9223372036854775807"])
        ));
        fields.push(format!("\"f\":{}", self.rng.pick(&["true", "false"])));
        if self.rng.chance(60) {
            fields.push(format!("\"g\":{}", self.rng.pick(&["true", "false"])));
        }
        let levels = ["满意", "比较满意", "不满意"];
        fields.push(format!("\"r\":\"{}\"", self.rng.pick(&levels)));
        let n = 1 + self.rng.below(4);
        let rs: Vec<String> = (0..n).map(|_| format!("\"{}\"", self.rng.pick(&levels))).collect();
        fields.push(format!("\"rs\":[{}]", rs.join(",")));
        let mut t = Vec::new();
        for l in levels {
            if self.rng.chance(60) {
                t.push(format!("\"{l}\":{}", self.rng.pick(&["1", "2", "3", "10", "4611686018427387904"])));
            }
        }
        let t = if t.is_empty() { vec!["\"满意\":1".to_string()] } else { t };
        fields.push(format!("\"t\":{{{}}}", t.join(",")));
        let n = 1 + self.rng.below(4);
        let l: Vec<String> = (0..n).map(|_| num(self.rng)).collect();
        fields.push(format!("\"l\":[{}]", l.join(",")));
        if self.rng.chance(80) {
            let n = self.rng.below(4);
            let items: Vec<String> =
                (0..n).map(|_| format!("{{\"权重\":{},\"得分\":{}}}", num(self.rng), num(self.rng))).collect();
            fields.push(format!("\"项目\":[{}]", items.join(",")));
        }
        fields.push(format!(
            "\"q\":{{\"丙一\":{},\"丙二\":{},\"丁\":{}}}",
            num(self.rng),
            num(self.rng),
            num(self.rng)
        ));
        fields.push(format!("\"p\":{{\"甲\":{},\"乙\":{},\"二\":{}}}", num(self.rng), num(self.rng), num(self.rng)));
        format!("{{{}}}", fields.join(","))
    }
}

fn shown(r: &Result<Vec<UnitResult>, Vec<crate::diagnostic::Diagnostic>>) -> Vec<String> {
    match r {
        Ok(results) => results.iter().map(|u| format!("{} {:?} {:?}", u.unit, u.values, u.unrounded)).collect(),
        Err(errors) => errors.iter().map(|d| format!("{} {}", d.code, d.message)).collect(),
    }
}

/// Compiled and reference results, if they differ.
fn differ(program: &Program, records: &[crate::eval::Record], params: &[Number]) -> Option<(Vec<String>, Vec<String>)> {
    let compiled = shown(&evaluate(program, records, params));
    let coverage = RefCell::new(Coverage::default());
    let reference = shown(&evaluate_traced(program, records, params, Some(&coverage)));
    (compiled != reference).then_some((compiled, reference))
}

/// Runs `programs` random regulations from `seed`; the differences found, with their
/// regulation and data.
pub(crate) fn fuzz(seed: u64, programs: usize) -> (usize, usize, Vec<String>) {
    let mut rng = Rng(seed | 1);
    let (mut compiled_ok, mut evaluated) = (0, 0);
    let mut found = Vec::new();
    for _ in 0..programs {
        let mut g = Gen { rng: &mut rng, nums: Vec::new(), bools: Vec::new(), data_only: false };
        let text = g.regulation();
        let records: Vec<String> = (0..1 + g.rng.below(4)).map(|i| g.record(i)).collect();
        let data = format!("[{}]", records.join(","));
        let program = match crate::compile(&SourceFile::new("f.jx", text.clone())) {
            Ok((program, _)) => program,
            Err(e) => {
                if std::env::var("JIXIAO_FUZZ_SHOW").is_ok() {
                    eprintln!("{}", crate::diagnostic::render_all(&e, false));
                }
                continue;
            }
        };
        compiled_ok += 1;
        let records = match crate::data::record::parse_json(&program, "f.json", &data) {
            Ok(records) => records,
            Err(e) => {
                if std::env::var("JIXIAO_FUZZ_SHOW").is_ok() {
                    eprintln!(
                        "{data}\n{}",
                        e.iter().map(|d| format!("{} {}", d.code, d.message)).collect::<Vec<_>>().join("\n")
                    );
                }
                continue;
            }
        };
        evaluated += 1;
        let sets: [&[(usize, Number)]; 3] = [
            &[],
            &[(0, Number::from_parts(-1, 3).unwrap()), (1, Number::from_parts(2675, 1000).unwrap())], // PANIC SAFETY: positive denominators.
            &[
                (0, Number::from_parts(9223372036854775807, 1).unwrap()), // PANIC SAFETY: denominator 1.
                (1, Number::from_parts(1_000_000_000_000_000_000, 1).unwrap()), // PANIC SAFETY: denominator 1.
            ],
        ];
        for set in sets {
            let params = parameters(&program, set);
            if let Some((c, r)) = differ(&program, &records, &params) {
                found.push(format!(
                    "--- regulation\n{text}--- data\n{data}\n--- params {set:?}\n--- compiled\n{}\n--- reference\n{}\n",
                    c.join("\n"),
                    r.join("\n")
                ));
                break;
            }
        }
    }
    (compiled_ok, evaluated, found)
}

#[test]
fn random_regulations_agree_with_the_reference() {
    let programs = std::env::var("JIXIAO_FUZZ").ok().and_then(|s| s.parse().ok()).unwrap_or(300);
    let seed = std::env::var("JIXIAO_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_1234_abcd);
    let (compiled, evaluated, found) = fuzz(seed, programs);
    eprintln!("{compiled} of {programs} regulations compiled, {evaluated} evaluated, {} differ", found.len());
    if let Ok(path) = std::env::var("JIXIAO_FUZZ_OUT") {
        std::fs::write(path, found.join("\n")).unwrap(); // PANIC SAFETY: test only; a failed write fails it.
    }
    assert!(evaluated * 2 >= programs, "too few regulations were evaluated: {evaluated}");
    assert!(found.is_empty(), "{} regulations differ; first:\n{}", found.len(), found[0]);
}
