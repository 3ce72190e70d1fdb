//! Source text → syntax tree. Owns the grammar (`grammar/jixiao.pest`); nothing downstream
//! sees a pest `Pair`.

pub mod ast;
pub mod err;
mod parser;
mod prescan;
pub mod typo;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// How deep brackets may nest. Real regulations nest a handful of levels; the limit keeps a
/// hostile file from exhausting the parser's stack.
pub const MAX_NESTING: usize = 100;

/// How deep a formula's tree may be (a sum of 500 terms is 500 deep). Later stages walk
/// formulas recursively, so no deeper tree is ever built.
pub const MAX_DEPTH: usize = 500;

/// The largest regulation file read (bytes).
pub const MAX_SOURCE_BYTES: usize = 4 * 1024 * 1024;

/// Parses a regulation file into its syntax tree, or the syntax errors found.
pub fn parse(source: &SourceFile) -> Result<ast::File, Vec<Diagnostic>> {
    prescan::check(source)?;
    parser::parse_file(source)
}

/// What a word of a regulation file is, for editors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// A name: of an input, parameter, value, scale, indicator, level or key.
    Name,
    /// An article reference: `第十五条(一)`.
    Article,
}

/// A name or article reference as written, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub kind: WordKind,
    pub span: crate::source::Span,
}

/// Every name and article reference in a file, in the order written (empty when the file does
/// not parse): what an editor finds under the cursor, and every use of a name.
pub fn words(source: &SourceFile) -> Vec<Word> {
    if prescan::check(source).is_err() {
        return Vec::new();
    }
    parser::words(source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ast::{Decl, Expr};

    fn parse_ok(text: &str) -> ast::File {
        let src = SourceFile::new("t.jx", text);
        match parse(&src) {
            Ok(f) => f,
            Err(e) => panic!("{}", crate::diagnostic::render_all(&e, false)),
        }
    }

    #[test]
    fn chinese_and_english_keywords_mean_the_same() {
        let zh = parse_ok(
            "办法 \"甲\" 文号 \"一号\"\n等级 结论 依据 第十四条 { 好 = 100%，差 = 50% }\n\
             输入 次数甲：次数 默认 0\n计算 加分 = 2分 × 次数甲 封顶 5分 保留 2 位 依据 第十五条(一)\n\
             等次 等次 按 加分 { 高 ≥ 4；低 < 4 }\n排名 名次 按 加分",
        );
        let en = parse_ok(
            "regulation \"甲\" document \"一号\"\nscale 结论 per 第十四条 { 好 = 100%, 差 = 50% }\n\
             input 次数甲: count default 0\nlet 加分 = 2分 * 次数甲 cap 5分 round 2 per 第十五条(一)\n\
             grade 等次 by 加分 { 高 >= 4; 低 < 4 }\nrank 名次 by 加分",
        );
        assert_eq!(zh, en);
    }

    #[test]
    fn full_width_punctuation_is_accepted() {
        let full = parse_ok("计算 甲 = （1分 ＋ 2分）× 50％ ÷ 2；计算 乙 = 最小（甲，3分）");
        let half = parse_ok("计算 甲 = (1分 + 2分) * 50% / 2; 计算 乙 = 最小(甲, 3分)");
        assert_eq!(full, half);
        parse_ok("等次 丙 按 甲 { 高 ≥ ９０；中 ≥ 60 且 ＜ ９０；低 ≤ 60 }");
    }

    #[test]
    fn keywords_end_only_at_a_boundary() {
        let f = parse_ok("计算 计算机应用 = 等级评定 + 指标1");
        let Decl::Let(l) = &f.decls[0].node else { panic!() };
        assert_eq!(l.name.node, "计算机应用");
        let Expr::Binary { lhs, .. } = &l.expr.node else { panic!() };
        assert!(matches!(&lhs.node, Expr::Path { head, .. } if head.node == "等级评定"));
        // Article references may follow 依据 without a space.
        parse_ok("计算 甲 = 1分 依据第十四条(一)");
    }

    #[test]
    fn comments_are_ignored() {
        let a = parse_ok("# 说明\n计算 甲 = 1分 // 行尾\n");
        let b = parse_ok("计算 甲 = 1分");
        assert_eq!(a, b);
    }

    #[test]
    fn precedence_is_arithmetic() {
        let f = parse_ok("计算 甲 = 1 + 2 × 3 - 4 ÷ 2");
        let Decl::Let(l) = &f.decls[0].node else { panic!() };
        let Expr::Binary { op, .. } = &l.expr.node else { panic!() };
        assert_eq!(op.node, ast::BinaryOp::Sub);
    }

    /// The citations scoring tables use, each read as one article reference.
    #[test]
    fn citations_in_the_forms_documents_number_their_parts() {
        let refs = |text: &str| -> Vec<String> {
            let f = parse_ok(&format!("计算 甲 = 1分 依据 {text}"));
            let Decl::Let(l) = &f.decls[0].node else { panic!() };
            l.refs.iter().map(|r| r.node.clone()).collect()
        };
        assert_eq!(refs("第十五条(一)第二款"), ["第十五条(一)第二款"]);
        assert_eq!(refs("一、(二)"), ["一、(二)"]);
        assert_eq!(refs("一、(二)、第三部分"), ["一、(二)", "第三部分"]);
        assert_eq!(refs("一、二、"), ["一、", "二、"]);
        assert_eq!(refs("附表1、附件2、附件"), ["附表1", "附件2", "附件"]);
        assert_eq!(refs("第二章，第一节"), ["第二章", "第一节"]);
        assert_eq!(refs("3.3、2.5 a)"), ["3.3", "2.5 a)"]);
        assert_eq!(refs("6 g)"), ["6 g)"]);
        assert_eq!(refs("6，3.3"), ["6", "3.3"]);
        parse_ok("条文 6 \"信息安全检查\"\n计算 甲 = 1分 依据 6");
        parse_ok("条文 一、(二) \"原文\"\n条文 附表1 \"原文\"\n计算 甲 = 1分 依据附表1");
    }

    /// `单位` names an input and the published unit, and still starts a test's record.
    #[test]
    fn unit_is_a_name() {
        let f = parse_ok(
            "输入 单位：文本\n公布 { 单位：单位；得分：甲 }\n测试 \"t\" { 单位 { 单位：\"甲\" } 期望 甲 = 1 }",
        );
        assert!(matches!(&f.decls[0].node, Decl::Input(i) if i.name.node == "单位"));
    }

    /// A scoring table's clauses, in Chinese and in English, mean the same.
    #[test]
    fn deductions_and_whole_bands_in_both_spellings() {
        let zh = parse_ok(
            "输入 是否更新：是否\n计算 甲 = 40分 每 乙 扣 5分 最多扣 10分 每 丙 加 1分 最多加 2分 扣 3分 如果 非 是否更新 扣完为止\n\
             等次 等 按 甲 { 优 90 以上；良 70 至 89；差 69 以下 }",
        );
        let en = parse_ok(
            "input 是否更新: yesno\nlet 甲 = 40pt every 乙 deduct 5pt deduct_at_most 10pt every 丙 add 1pt add_at_most 2pt \
             deduct 3pt if not 是否更新 down_to_zero\ngrade 等 by 甲 { 优 90 or_above; 良 70 to 89; 差 69 or_below }",
        );
        assert_eq!(zh, en);
        let Decl::Let(l) = &zh.decls[1].node else { panic!() };
        assert_eq!(l.adjustments.len(), 3);
        assert!(l.to_zero.is_some());
        // 是否 starts a name (是否更新) unless it stands alone.
        assert!(matches!(&zh.decls[0].node, Decl::Input(i) if i.name.node == "是否更新"));
    }

    /// The misspelled word, the keyword suggested and the repair, for a file that fails.
    fn slip(text: &str) -> Option<(String, String)> {
        let src = SourceFile::new("t.jx", text);
        let err = parse(&src).expect_err(text);
        let d = err.into_iter().find(|d| d.code == "E0108")?;
        let fix = d.repair().expect("a misspelled keyword has its repair");
        assert_eq!(Some(fix.span), d.span(), "the caret is on the word replaced");
        Some((src.slice(fix.span).to_string(), fix.replacement.clone()))
    }

    fn pair(word: &str, keyword: &str) -> Option<(String, String)> {
        Some((word.to_string(), keyword.to_string()))
    }

    /// The issue's examples: `输人` and `四舍五人`, typed with a pinyin input method.
    #[test]
    fn misspelled_keywords_from_the_issue() {
        assert_eq!(slip("输入 部门：文本\n输人 分数一：分数\n计算 甲 = 分数一"), pair("输人", "输入"));
        assert_eq!(slip("输人 部门：文本"), pair("输人", "输入"));
        assert_eq!(slip("计算 甲 = 1分 保留 2 位 四舍五人"), pair("四舍五人", "四舍五入"));
        assert_eq!(slip("计算 甲 = 1分 保留 2 位四舍五人\n计算 乙 = 甲"), pair("四舍五人", "四舍五入"));
    }

    /// Declaration and formula keywords, a character wrong (by sound or by shape) or missing.
    #[test]
    fn misspelled_keywords_anywhere() {
        let cases = [
            ("计算 甲 = 如过 乙 > 1 则 2分 否则 0分", "如过", "如果"),
            ("计算 甲 = 如过(乙 > 1) 则 2分 否则 0分", "如过", "如果"),
            ("计算 甲 = 如果 乙 > 1 责 2分 否则 0分", "责", "则"),
            ("计算 甲 = 如果 乙 > 1 则 2分 否责 0分", "否责", "否则"),
            ("计算 甲 = 乙 封定 5分", "封定", "封顶"),
            ("计算 甲 = 乙 依剧 第十四条", "依剧", "依据"),
            ("计算 甲 = 40分 每 乙 扣 5分 最多口 10分", "最多口", "最多扣"),
            ("输入 乙：分数 默人 0\n计算 甲 = 乙", "默人", "默认"),
            ("等次 等 安 甲 { 优 ≥ 90；差 < 90 }", "安", "按"),
            ("等次 等 按 甲 { 优 90 已上；差 89 以下 }", "已上", "以上"),
            ("指标 职能 分值 60\n指表 效能 分值 40", "指表", "指标"),
            ("公布 { 单位：部门；得份：总分 }", "得份", "得分"),
            // Inside a declaration of many lines, the repair is tried on the whole file.
            ("指标 树 {\n 甲 分值 5\n 乙 分值 5\n 丙 分值 5\n 丁 分直 5\n}", "分直", "分值"),
        ];
        for (text, word, keyword) in cases {
            assert_eq!(slip(text), pair(word, keyword), "{text}");
        }
    }

    #[test]
    fn misspelled_english_keywords() {
        assert_eq!(slip("indicater 职能 points 60"), pair("indicater", "indicator"));
        assert_eq!(slip("Let 甲 = 1pt"), pair("Let", "let"));
        assert_eq!(slip("let 甲 = 1pt cap 5pt rond 2"), pair("rond", "round"));
        assert_eq!(slip("let 甲 = 1pt round 2 truncte"), pair("truncte", "truncate"));
        assert_eq!(slip("input 甲: score defualt 0\nlet 乙 = 甲"), pair("defualt", "default"));
    }

    /// A name close to a keyword where the grammar wants a name, and errors that are not
    /// misspellings, keep their own diagnostics.
    #[test]
    fn names_close_to_keywords_are_not_flagged() {
        for text in ["计算 总分 分数一", "计算 甲 = 1分 +", "计算 分数 = 1分", "计算 输出 = 1分 保留 2 位 四舍五入 乙"]
        {
            assert_eq!(slip(text), None, "{text}");
        }
        parse_ok("输入 输出：文本\n计算 指数 = 1分\n计算 按时 = 指数 + 1分\n计算 如过 = 按时");
    }

    /// `四舍五入(x, 2)`, as a spreadsheet writes it, is told to be a clause.
    #[test]
    fn rounding_written_as_a_function() {
        let err = parse(&SourceFile::new("t.jx", "计算 甲 = 四舍五入(乙, 2)")).expect_err("a keyword");
        assert_eq!(err[0].code, "E0101");
        assert!(err[0].help_text().is_some_and(|h| h.contains("保留 2 位 四舍五入")), "{:?}", err[0].help_text());
    }

    #[test]
    fn syntax_errors_have_codes() {
        for (text, code) in [
            ("计算 甲 = ", "E0101"),
            ("计算甲 = 1", "E0103"),
            ("办法 \"未闭合", "E0105"),
            ("计算 甲 = 1 保留 99 位", "E0106"),
            ("输人 甲：文本", "E0108"),
        ] {
            let err = parse(&SourceFile::new("t.jx", text)).expect_err(text);
            assert_eq!(err[0].code, code, "{text}");
        }
    }
}
