//! Names as people see them. Two department names (or rating words, or headers) that look the
//! same on screen are the same name: text copied from web pages, Word and WeChat brings along
//! characters nobody sees (zero-width spaces, byte-order marks, soft hyphens), spaces of other
//! widths (U+3000, U+00A0) and letters composed differently (`é` as one character or as `e` and
//! an accent). `normalise` removes what cannot be seen; `visible` shows it in messages.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Characters that take no room and show nothing: zero-width spaces and joiners, the byte-order
/// mark, the soft hyphen, direction marks and embeddings, invisible operators, fillers.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// Whether `c` is trimmed from a name's ends: white space of any width, or an invisible
/// character.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Whether `name` is already what `normalise` makes of it (the common case, checked without
/// allocating).
pub fn is_normal(name: &str) -> bool {
    let ends_clean = !name.starts_with(is_blank) && !name.ends_with(is_blank);
    if name.is_ascii() {
        return ends_clean;
    }
    ends_clean && !name.chars().any(is_invisible) && is_nfc_quick(name.chars()) == IsNormalized::Yes
}

/// A name as a person reads it: invisible characters removed wherever they are, white space
/// of any kind trimmed from the ends, and composed to Unicode NFC. Spaces inside the name are
/// kept (they can be seen). Borrows `name` when it is already normal.
pub fn normalise(name: &str) -> Cow<'_, str> {
    if is_normal(name) {
        return Cow::Borrowed(name);
    }
    let visible: String = name.chars().filter(|c| !is_invisible(*c)).collect();
    Cow::Owned(visible.trim_matches(is_blank).nfc().collect())
}

/// `name` with what cannot be seen made visible, for messages: invisible characters, control
/// characters and white space other than the plain space as `<U+200B>`.
pub fn visible(name: &str) -> String {
    let hidden = |c: char| is_invisible(c) || c.is_control() || (c.is_whitespace() && c != ' ');
    if !name.chars().any(hidden) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        if hidden(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_look_the_same_are_the_same() {
        for written in [
            "省财政厅",
            "省财政厅\u{200B}",
            "\u{FEFF}省财政厅",
            "省\u{200D}财政厅",
            "\u{3000}省财政厅\u{00A0}",
            " 省财\u{00AD}政厅\t",
            "\u{2060}省财政厅\u{200C}",
        ] {
            assert_eq!(normalise(written), "省财政厅", "{}", visible(written));
        }
        // `é` composed, or `e` and a combining accent.
        assert_eq!(normalise("Caf\u{0065}\u{0301}"), "Caf\u{00E9}");
        // Spaces inside a name can be seen: kept.
        assert_eq!(normalise("省 财政厅"), "省 财政厅");
        assert_eq!(normalise("\u{200B}"), "");
    }

    #[test]
    fn normal_names_are_borrowed() {
        for name in ["省财政厅", "Dept. A", "好", "Caf\u{00E9}"] {
            assert!(matches!(normalise(name), Cow::Borrowed(_)), "{name}");
        }
        assert!(!is_normal("省财政厅 "));
        assert!(!is_normal("省财\u{200B}政厅"));
        assert!(!is_normal("Cafe\u{0301}"));
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(visible("省财政厅\u{200B}"), "省财政厅<U+200B>");
        assert_eq!(visible("\u{FEFF}甲\u{3000}"), "<U+FEFF>甲<U+3000>");
        assert_eq!(visible("省 财政厅"), "省 财政厅");
    }
}
