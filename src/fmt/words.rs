//! The keywords, function names and marks `jixiao fmt` writes, in Chinese or in English.

use crate::syntax::ast::{BinaryOp, FUNCTIONS, HeaderField, RoleKind};

/// Which spelling of keywords a formatted file uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Keywords {
    Zh,
    En,
}

/// A keyword by what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kw {
    Regulation,
    Article,
    Scale,
    Indicator,
    Input,
    Param,
    Let,
    Require,
    Grade,
    Rank,
    Publish,
    Sample,
    Test,
    Per,
    Points,
    Weight,
    Default,
    Field,
    Optional,
    List,
    Tally,
    Each,
    Record,
    OneOf,
    Text,
    Count,
    Score,
    Number,
    YesNo,
    Percent,
    Every,
    Deduct,
    AddBonus,
    DeductAtMost,
    AddAtMost,
    ToZero,
    Above,
    Below,
    NonEmpty,
    Items,
    To,
    In,
    Cap,
    Floor,
    Round,
    Places,
    HalfUp,
    Truncate,
    By,
    Within,
    Ascending,
    Else,
    Set,
    Unit,
    Expect,
    Error,
    If,
    Then,
    Match,
    Not,
    True,
    False,
    None,
}

impl Kw {
    /// Every keyword, for completion in editors.
    pub const ALL: &[Kw] = &[
        Kw::Regulation,
        Kw::Article,
        Kw::Scale,
        Kw::Indicator,
        Kw::Input,
        Kw::Param,
        Kw::Let,
        Kw::Require,
        Kw::Grade,
        Kw::Rank,
        Kw::Publish,
        Kw::Sample,
        Kw::Test,
        Kw::Per,
        Kw::Points,
        Kw::Weight,
        Kw::Default,
        Kw::Field,
        Kw::Optional,
        Kw::List,
        Kw::Tally,
        Kw::Each,
        Kw::Record,
        Kw::OneOf,
        Kw::Text,
        Kw::Count,
        Kw::Score,
        Kw::Number,
        Kw::YesNo,
        Kw::Percent,
        Kw::Every,
        Kw::Deduct,
        Kw::AddBonus,
        Kw::DeductAtMost,
        Kw::AddAtMost,
        Kw::ToZero,
        Kw::Above,
        Kw::Below,
        Kw::NonEmpty,
        Kw::Items,
        Kw::To,
        Kw::In,
        Kw::Cap,
        Kw::Floor,
        Kw::Round,
        Kw::Places,
        Kw::HalfUp,
        Kw::Truncate,
        Kw::By,
        Kw::Within,
        Kw::Ascending,
        Kw::Else,
        Kw::Set,
        Kw::Unit,
        Kw::Expect,
        Kw::Error,
        Kw::If,
        Kw::Then,
        Kw::Match,
        Kw::Not,
        Kw::True,
        Kw::False,
        Kw::None,
    ];
}

impl Keywords {
    /// The language a file's keywords are written in, by its first declaration.
    pub fn of(text: &str) -> Keywords {
        let first = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("//"));
        let english = first.is_some_and(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()));
        if english { Keywords::En } else { Keywords::Zh }
    }

    pub fn kw(self, k: Kw) -> &'static str {
        let (zh, en) = match k {
            Kw::Regulation => ("办法", "regulation"),
            Kw::Article => ("条文", "article"),
            Kw::Scale => ("等级", "scale"),
            Kw::Indicator => ("指标", "indicator"),
            Kw::Input => ("输入", "input"),
            Kw::Param => ("参数", "param"),
            Kw::Let => ("计算", "let"),
            Kw::Require => ("要求", "require"),
            Kw::Grade => ("等次", "grade"),
            Kw::Rank => ("排名", "rank"),
            Kw::Publish => ("公布", "publish"),
            Kw::Sample => ("样例", "sample"),
            Kw::Test => ("测试", "test"),
            Kw::Per => ("依据", "per"),
            Kw::Points => ("分值", "points"),
            Kw::Weight => ("权重", "weight"),
            Kw::Default => ("默认", "default"),
            Kw::Field => ("字段", "field"),
            Kw::Optional => ("可选", "optional"),
            Kw::List => ("列表", "list"),
            Kw::Tally => ("计票", "tally"),
            Kw::Each => ("每项", "each"),
            Kw::Record => ("记录", "record"),
            Kw::OneOf => ("之一", "oneof"),
            Kw::Text => ("文本", "text"),
            Kw::Count => ("次数", "count"),
            Kw::Score => ("分数", "score"),
            Kw::Number => ("数值", "number"),
            Kw::YesNo => ("是否", "yesno"),
            Kw::Percent => ("百分比", "percent"),
            Kw::Every => ("每", "every"),
            Kw::Deduct => ("扣", "deduct"),
            Kw::AddBonus => ("加", "add"),
            Kw::DeductAtMost => ("最多扣", "deduct_at_most"),
            Kw::AddAtMost => ("最多加", "add_at_most"),
            Kw::ToZero => ("扣完为止", "down_to_zero"),
            Kw::Above => ("以上", "or_above"),
            Kw::Below => ("以下", "or_below"),
            Kw::NonEmpty => ("非空", "nonempty"),
            Kw::Items => ("项数", "items"),
            Kw::To => ("至", "to"),
            Kw::In => ("属于", "in"),
            Kw::Cap => ("封顶", "cap"),
            Kw::Floor => ("保底", "floor"),
            Kw::Round => ("保留", "round"),
            Kw::Places => ("位", "places"),
            Kw::HalfUp => ("四舍五入", "half_up"),
            Kw::Truncate => ("截断", "truncate"),
            Kw::By => ("按", "by"),
            Kw::Within => ("分组", "within"),
            Kw::Ascending => ("升序", "ascending"),
            Kw::Else => ("否则", "else"),
            Kw::Set => ("设定", "set"),
            Kw::Unit => ("单位", "unit"),
            Kw::Expect => ("期望", "expect"),
            Kw::Error => ("错误", "error"),
            Kw::If => ("如果", "if"),
            Kw::Then => ("则", "then"),
            Kw::Match => ("对应", "match"),
            Kw::Not => ("非", "not"),
            Kw::True => ("是", "true"),
            Kw::False => ("否", "false"),
            Kw::None => ("无", "none"),
        };
        if self == Keywords::Zh { zh } else { en }
    }

    pub fn header(self, f: HeaderField) -> &'static str {
        let (zh, en) = match f {
            HeaderField::DocNumber => ("文号", "document"),
            HeaderField::Issuer => ("发布机关", "issuer"),
            HeaderField::Issued => ("印发", "issued"),
            HeaderField::Effective => ("施行", "effective"),
        };
        if self == Keywords::Zh { zh } else { en }
    }

    pub fn role(self, r: RoleKind) -> &'static str {
        let (zh, en) = match r {
            RoleKind::Unit => ("单位", "unit"),
            RoleKind::Score => ("得分", "score"),
            RoleKind::Grade => ("等次", "grade"),
            RoleKind::Rank => ("排名", "rank"),
            RoleKind::Category => ("类别", "category"),
            RoleKind::Flag => ("标记", "flag"),
        };
        if self == Keywords::Zh { zh } else { en }
    }

    pub fn op(self, op: BinaryOp) -> &'static str {
        match (op, self) {
            (BinaryOp::And, Keywords::Zh) => "且",
            (BinaryOp::And, Keywords::En) => "and",
            (BinaryOp::Or, Keywords::Zh) => "或",
            (BinaryOp::Or, Keywords::En) => "or",
            (BinaryOp::Sub, _) => "-",
            (op, _) => op.symbol(),
        }
    }

    /// A built-in function's name in this language (other names unchanged).
    pub fn function(self, name: &str) -> String {
        match FUNCTIONS.iter().find(|(zh, en)| *zh == name || *en == name) {
            Some((zh, en)) => if self == Keywords::Zh { zh } else { en }.to_string(),
            None => name.to_string(),
        }
    }

    pub fn points_unit(self) -> &'static str {
        if self == Keywords::Zh { "分" } else { "pt" }
    }

    /// Separators: `，` `；` `：` in Chinese, `, ` `; ` `: ` in English.
    pub fn comma(self) -> &'static str {
        if self == Keywords::Zh { "，" } else { ", " }
    }

    pub fn semicolon(self) -> &'static str {
        if self == Keywords::Zh { "；" } else { "; " }
    }

    pub fn colon(self) -> &'static str {
        if self == Keywords::Zh { "：" } else { ": " }
    }

    pub fn list_sep(self) -> &'static str {
        if self == Keywords::Zh { "、" } else { ", " }
    }
}
