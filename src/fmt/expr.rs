//! Formulas, types and written data in canonical form: brackets only where precedence needs
//! them, ASCII digits, one space around operators.

use super::words::{Keywords, Kw};
use crate::syntax::ast::*;

/// How tightly an operator binds (higher binds tighter), as the grammar's Pratt table.
fn precedence(op: BinaryOp) -> u8 {
    match op {
        BinaryOp::Or => 1,
        BinaryOp::And => 2,
        BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => 3,
        BinaryOp::Add | BinaryOp::Sub => 4,
        BinaryOp::Mul | BinaryOp::Div => 5,
    }
}

const PREFIX: u8 = 6;

pub fn expr(e: &Expr, k: Keywords) -> String {
    at(e, 0, k)
}

/// `e` printed where the surrounding operator binds at `min`: bracketed if it binds looser.
fn at(e: &Expr, min: u8, k: Keywords) -> String {
    let (text, own) = match e {
        Expr::Quantity { value, unit } => (quantity(value, *unit, k), u8::MAX),
        Expr::Path { head, steps } => {
            let mut s = head.node.clone();
            for step in steps {
                match step {
                    Step::Index(n) => s.push_str(&format!("[{}]", n.node)),
                    Step::Field(n) => s.push_str(&format!(".{}", n.node)),
                }
            }
            (s, u8::MAX)
        }
        Expr::Call { func, args } => {
            let args: Vec<String> = args.iter().map(|a| at(&a.node, 0, k)).collect();
            (format!("{}({})", k.function(&func.node), args.join(k.comma())), u8::MAX)
        }
        Expr::Unary { op, operand } => {
            let sign = match op.node {
                UnaryOp::Neg => "-".to_string(),
                UnaryOp::Not => format!("{} ", k.kw(Kw::Not)),
            };
            (format!("{sign}{}", at(&operand.node, PREFIX, k)), PREFIX)
        }
        Expr::Binary { op, lhs, rhs } => {
            let p = precedence(op.node);
            // Operators group to the left: a right operand of the same precedence needs
            // brackets (a - (b - c)), a left one does not.
            let text = format!("{} {} {}", at(&lhs.node, p, k), k.op(op.node), at(&rhs.node, p + 1, k));
            (text, p)
        }
        Expr::If { condition, then, otherwise } => {
            let mut s =
                format!("{} {} {} {}", k.kw(Kw::If), branch(&condition.node, k), k.kw(Kw::Then), branch(&then.node, k));
            let mut rest = &otherwise.node;
            // 否则 如果 … chains stay flat.
            while let Expr::If { condition, then, otherwise } = rest {
                s.push_str(&format!(
                    " {} {} {} {} {}",
                    k.kw(Kw::Else),
                    k.kw(Kw::If),
                    branch(&condition.node, k),
                    k.kw(Kw::Then),
                    branch(&then.node, k)
                ));
                rest = &otherwise.node;
            }
            s.push_str(&format!(" {} {}", k.kw(Kw::Else), branch(rest, k)));
            (s, 0)
        }
        Expr::Match { subject, arms } => {
            let arms: Vec<String> = arms.iter().map(|(l, v)| format!("{} = {}", l.node, at(&v.node, 0, k))).collect();
            (format!("{} {} {{ {} }}", k.kw(Kw::Match), at(&subject.node, 0, k), arms.join(k.semicolon())), u8::MAX)
        }
        Expr::Nothing => (k.kw(Kw::None).to_string(), u8::MAX),
        Expr::Bool(b) => (k.kw(if *b { Kw::True } else { Kw::False }).to_string(), u8::MAX),
    };
    if own < min { format!("({text})") } else { text }
}

/// A part of `如果`: another `如果` inside it needs brackets.
fn branch(e: &Expr, k: Keywords) -> String {
    match e {
        Expr::If { .. } => format!("({})", at(e, 0, k)),
        e => at(e, 0, k),
    }
}

fn quantity(value: &rust_decimal::Decimal, unit: Option<UnitSuffix>, k: Keywords) -> String {
    match unit {
        Some(UnitSuffix::Percent) => format!("{value}%"),
        Some(UnitSuffix::Points) => format!("{value}{}", k.points_unit()),
        None => value.to_string(),
    }
}

pub fn data_type(t: &DataType, k: Keywords) -> String {
    let mut s = String::new();
    if t.optional {
        s.push_str(k.kw(Kw::Optional));
        s.push(' ');
    }
    s.push_str(&match &t.body {
        TypeBody::List(item) => format!("{} {}", k.kw(Kw::List), data_type(item, k)),
        TypeBody::Tally(scale) => format!("{} {}", k.kw(Kw::Tally), scale.node),
        TypeBody::Each { tree, item } => format!("{} {}{}{}", k.kw(Kw::Each), tree.node, k.colon(), data_type(item, k)),
        TypeBody::Record(fields) => {
            let fields: Vec<String> =
                fields.iter().map(|(n, t)| format!("{}{}{}", n.node, k.colon(), data_type(t, k))).collect();
            format!("{} {{ {} }}", k.kw(Kw::Record), fields.join(k.comma()))
        }
        TypeBody::OneOf(words) => {
            let words: Vec<&str> = words.iter().map(|w| w.node.as_str()).collect();
            format!("{} {{ {} }}", k.kw(Kw::OneOf), words.join(k.comma()))
        }
        TypeBody::Text => k.kw(Kw::Text).to_string(),
        TypeBody::Count => k.kw(Kw::Count).to_string(),
        TypeBody::Score => k.kw(Kw::Score).to_string(),
        TypeBody::Number => k.kw(Kw::Number).to_string(),
        TypeBody::YesNo => k.kw(Kw::YesNo).to_string(),
        TypeBody::Percent => k.kw(Kw::Percent).to_string(),
        TypeBody::Named(n) => n.node.clone(),
    });
    for limit in &t.limits {
        s.push(' ');
        s.push_str(&match limit {
            TypeLimit::NonEmpty(_) => k.kw(Kw::NonEmpty).to_string(),
            TypeLimit::Items(a, b) if a.span == b.span => format!("{} {}", k.kw(Kw::Items), expr(&a.node, k)),
            TypeLimit::Items(a, b) => {
                format!("{} {} {} {}", k.kw(Kw::Items), expr(&a.node, k), k.kw(Kw::To), expr(&b.node, k))
            }
            TypeLimit::Range(a, b) => format!("{} {} {}", expr(&a.node, k), k.kw(Kw::To), expr(&b.node, k)),
            TypeLimit::Bound(op, b) => format!("{} {}", op.symbol(), expr(&b.node, k)),
        });
    }
    s
}

/// Written data, on one line.
pub fn literal(l: &Literal, k: Keywords) -> String {
    match l {
        Literal::Number(n) => match n.strip_suffix('分') {
            Some(points) => format!("{points}{}", k.points_unit()),
            None => n.clone(),
        },
        Literal::Text(s) => string(s),
        Literal::Word(w) => w.clone(),
        Literal::Bool(b) => k.kw(if *b { Kw::True } else { Kw::False }).to_string(),
        Literal::None => k.kw(Kw::None).to_string(),
        Literal::List(items) => {
            let items: Vec<String> = items.iter().map(|i| literal(&i.node, k)).collect();
            format!("[{}]", items.join(k.comma()))
        }
        Literal::Object(entries) if entries.is_empty() => "{}".to_string(),
        Literal::Object(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(key, v)| format!("{}{}{}", key_text(&key.node), k.colon(), literal(&v.node, k)))
                .collect();
            format!("{{ {} }}", entries.join(k.comma()))
        }
    }
}

/// A record key: bare when it is a word, quoted otherwise.
pub fn key_text(key: &str) -> String {
    let word = key.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '·');
    if word { key.to_string() } else { string(key) }
}

/// Text in quotes; curly quotes when the text holds a straight one.
pub fn string(s: &str) -> String {
    if s.contains('"') { format!("“{s}”") } else { format!("\"{s}\"") }
}
