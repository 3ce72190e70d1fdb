//! The language of messages: Chinese or English, chosen by `--lang` or else by the
//! environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `zh`), and on Windows,
//! where those are usually unset, by the user's display language. Codes are the same in both.

use std::sync::atomic::{AtomicBool, Ordering};

static CHINESE: AtomicBool = AtomicBool::new(false);

/// The languages messages can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

/// Sets the language of every message from now on.
pub fn set(lang: Lang) {
    CHINESE.store(lang == Lang::Zh, Ordering::Relaxed);
}

/// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
/// that is set; without any, the system's display language (Windows), else English.
pub fn from_environment() -> Lang {
    let locale =
        ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(|k| std::env::var(k).ok()).find(|v| !v.is_empty());
    match locale {
        Some(locale) if locale.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
        Some(_) => Lang::En,
        None if system_ui_chinese() => Lang::Zh,
        None => Lang::En,
    }
}

/// The language `--lang` names on a command line (`--lang zh`, `--lang=zh`), read before
/// clap parses it, so that clap's own help and errors can be in that language too. Only
/// the options before a `--` count; a value clap would refuse names none.
pub fn from_args(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut found = None;
    let mut words = args.iter().skip(1).map(|a| a.to_str()).take_while(|a| *a != Some("--"));
    while let Some(word) = words.next() {
        let value = match word {
            Some("--lang") => words.next().flatten(),
            Some(w) => w.strip_prefix("--lang="),
            None => None,
        };
        match value {
            Some("zh") => found = Some(Lang::Zh),
            Some("en") => found = Some(Lang::En),
            _ => {}
        }
    }
    found
}

/// Whether the user's display language is Chinese: on Windows, the user's UI language (any
/// language ID whose primary language is Chinese, 0x04: 简体 and 繁體 alike).
#[cfg(windows)]
#[allow(unsafe_code)]
fn system_ui_chinese() -> bool {
    // SAFETY: GetUserDefaultUILanguage takes no arguments, touches no memory of ours and
    // cannot fail; it returns the language ID.
    let id = unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() };
    id & 0x3ff == 0x04
}

/// Elsewhere the locale variables say it all.
#[cfg(not(windows))]
fn system_ui_chinese() -> bool {
    false
}

/// Whether messages are in Chinese.
pub fn chinese() -> bool {
    CHINESE.load(Ordering::Relaxed)
}

/// The message catalogue: one Fluent file per stage and language under `messages/`, the same
/// identifiers and variables in both (the tests below hold them to it).
macro_rules! catalogue {
    ($($stage:literal),* $(,)?) => {
        const ENGLISH: &[&str] = &[$(include_str!(concat!("../messages/en/", $stage, ".ftl"))),*];
        const CHINESE_FILES: &[&str] = &[$(include_str!(concat!("../messages/zh/", $stage, ".ftl"))),*];
        #[cfg(test)]
        const STAGES: &[&str] = &[$($stage),*];
    };
}
catalogue!(
    "common", "syntax", "check", "analysis", "cases", "data", "eval", "explain", "review", "output", "cli", "lsp",
    "usage"
);

type Bundle = fluent_bundle::concurrent::FluentBundle<fluent_bundle::FluentResource>;

/// The catalogue of one language, read once.
fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: std::sync::OnceLock<[Bundle; 2]> = std::sync::OnceLock::new();
    let [en, zh] = BUNDLES.get_or_init(|| [load("en", ENGLISH), load("zh-CN", CHINESE_FILES)]);
    if lang == Lang::Zh { zh } else { en }
}

fn load(locale: &str, files: &[&str]) -> Bundle {
    let locale: unic_langid::LanguageIdentifier = locale.parse().expect("a valid locale");
    let mut bundle = Bundle::new_concurrent(vec![locale]);
    // Messages go to terminals, CSV and HTML: no bidirectional isolation marks around values.
    bundle.set_use_isolating(false);
    for file in files {
        // The unit tests parse every file without errors; a slip would show as missing messages.
        let resource = fluent_bundle::FluentResource::try_new(file.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `id` of the catalogue in the current language, its variables filled with
/// `values` (each written with `Display`, so numbers appear as jixiao writes them). Use
/// [`msg!`]; an unknown identifier gives the identifier itself (the tests make that impossible).
pub fn message(id: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let lang = if chinese() { Lang::Zh } else { Lang::En };
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        debug_assert!(false, "no message `{id}` in the catalogue");
        return id.to_string();
    };
    let mut args = fluent_bundle::FluentArgs::with_capacity(values.len());
    for (name, value) in values {
        args.set(*name, value.to_string());
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&args), &mut errors).into_owned()
}

/// A message of the catalogue in the current language: `msg!("check-duplicate", name)` or
/// `msg!("data-cell", cell = at.cell(), found = text)`; each variable is written with
/// `Display`.
macro_rules! msg {
    (@value $name:ident = $value:expr) => { $value };
    (@value $name:ident) => { $name };
    ($id:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::lang::message($id, &[$((stringify!($name), &$crate::lang::msg!(@value $name $(= $value)?) as &dyn ::std::fmt::Display)),*])
    };
}
pub(crate) use msg;

/// An input or output error in words of the current language for the common kinds, in the
/// system's words otherwise.
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => msg!("io-not-found"),
        K::PermissionDenied => msg!("io-permission-denied"),
        K::IsADirectory => msg!("io-is-a-folder"),
        K::StorageFull => msg!("io-disk-full"),
        K::NotADirectory => msg!("io-not-a-folder"),
        K::ReadOnlyFilesystem => msg!("io-read-only"),
        K::UnexpectedEof => msg!("io-ends-early"),
        K::FileTooLarge => msg!("io-too-large"),
        K::OutOfMemory => msg!("io-out-of-memory"),
        // Rare kinds keep the system's own words, which say more than a generic phrase.
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    use std::collections::{BTreeMap, BTreeSet};

    type Variables = BTreeMap<String, BTreeSet<String>>;

    /// Each message's variables, from one language's files; every file must parse, and an
    /// identifier must not appear twice.
    fn variables_of(files: &[&str]) -> Variables {
        let mut all = Variables::new();
        for (stage, file) in STAGES.iter().zip(files) {
            let resource = fluent_syntax::parser::parse(*file)
                .unwrap_or_else(|(_, errors)| panic!("messages of `{stage}` do not parse: {errors:?}"));
            for entry in resource.body {
                match entry {
                    Entry::Message(m) => {
                        let value = m.value.unwrap_or_else(|| panic!("`{}` has no value", m.id.name));
                        assert!(m.attributes.is_empty(), "`{}`: attributes are not used", m.id.name);
                        let mut names = BTreeSet::new();
                        pattern_variables(&value, &mut names);
                        assert!(all.insert(m.id.name.to_string(), names).is_none(), "`{}` twice", m.id.name);
                    }
                    Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
                    other => panic!("messages of `{stage}`: unexpected {other:?}"),
                }
            }
        }
        all
    }

    fn pattern_variables(pattern: &Pattern<&str>, names: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, names);
            }
        }
    }

    fn expression_variables(expression: &Expression<&str>, names: &mut BTreeSet<String>) {
        match expression {
            Expression::Inline(inline) => inline_variables(inline, names),
            Expression::Select { selector, variants } => {
                inline_variables(selector, names);
                variants.iter().for_each(|v| pattern_variables(&v.value, names));
            }
        }
    }

    fn inline_variables(inline: &InlineExpression<&str>, names: &mut BTreeSet<String>) {
        match inline {
            InlineExpression::VariableReference { id } => {
                names.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => expression_variables(expression, names),
            InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| inline_variables(a, names));
                arguments.named.iter().for_each(|a| inline_variables(&a.value, names));
            }
            _ => {}
        }
    }

    /// Every message is in both languages, with the same variables.
    #[test]
    fn every_message_has_both_languages() {
        let (en, zh) = (variables_of(ENGLISH), variables_of(CHINESE_FILES));
        let only = |a: &Variables, b: &Variables| a.keys().filter(|k| !b.contains_key(*k)).cloned().collect::<Vec<_>>();
        assert_eq!(only(&en, &zh), Vec::<String>::new(), "messages without Chinese");
        assert_eq!(only(&zh, &en), Vec::<String>::new(), "messages without English");
        // Variables named `zh_…` carry Chinese typography (a space before a number) and appear
        // in Chinese only; `en_…` carry a library's English words and appear in English only.
        let without = |names: &BTreeSet<String>, prefix: &str| -> BTreeSet<String> {
            names.iter().filter(|n| !n.starts_with(prefix)).cloned().collect()
        };
        for (id, names) in &en {
            assert!(names.iter().all(|n| !n.starts_with("zh_")), "`{id}`: a zh_ variable in English");
            assert!(zh[id].iter().all(|n| !n.starts_with("en_")), "`{id}`: an en_ variable in Chinese");
            assert_eq!(without(names, "en_"), without(&zh[id], "zh_"), "`{id}`: other variables in Chinese");
        }
    }

    /// Every `msg!` in the code names a message of the catalogue and gives exactly its
    /// variables, and every message of the catalogue is used.
    #[test]
    fn the_code_uses_the_catalogue_exactly() {
        let mut catalogue = variables_of(ENGLISH);
        for (id, names) in variables_of(CHINESE_FILES) {
            catalogue.entry(id).or_default().extend(names);
        }
        let mut used = BTreeSet::new();
        let mut problems = Vec::new();
        for (file, call) in msg_calls(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")) {
            let mut words = call.iter();
            let Some(id) = words.next().and_then(|w| w.strip_prefix('"')).and_then(|w| w.strip_suffix('"')) else {
                continue;
            };
            let given: BTreeSet<String> =
                words.map(|w| w.split('=').next().unwrap_or_default().trim().to_string()).collect();
            match catalogue.get(id) {
                None => problems.push(format!("{file}: no message `{id}`")),
                Some(names) if *names != given => {
                    problems.push(format!("{file}: `{id}` takes {names:?}, given {given:?}"))
                }
                Some(_) => {}
            }
            used.insert(id.to_string());
        }
        problems.extend(catalogue.keys().filter(|id| !used.contains(*id)).map(|id| format!("`{id}` is never used")));
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// The `msg!(…)` calls under `dir` (outside comments), each as its arguments split at the
    /// top-level commas.
    fn msg_calls(dir: &std::path::Path) -> Vec<(String, Vec<String>)> {
        let mut calls = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
            let path = entry.path();
            if path.is_dir() {
                calls.extend(msg_calls(&path));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code: String =
                text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            let mut rest = code.as_str();
            while let Some(at) = rest.find("msg!(") {
                // Calls inside the arguments are found by going on from just inside this one.
                rest = &rest[at + 5..];
                calls.push((path.display().to_string(), split_arguments(rest)));
            }
        }
        calls
    }

    /// The arguments up to the closing parenthesis, split at top-level commas; strings and
    /// character literals are skipped whole.
    fn split_arguments(text: &str) -> Vec<String> {
        let (mut depth, mut args, mut current) = (0, Vec::new(), String::new());
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    current.push(c);
                    while let Some((_, c)) = chars.next() {
                        current.push(c);
                        match c {
                            '\\' => current.extend(chars.next().map(|(_, c)| c)),
                            '"' => break,
                            _ => {}
                        }
                    }
                    continue;
                }
                '\'' if text[i..].chars().nth(2) == Some('\'') => {
                    current.push(c);
                    current.extend(chars.by_ref().take(2).map(|(_, c)| c));
                    continue;
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => {
                    if !current.trim().is_empty() {
                        args.push(current.trim().to_string());
                    }
                    return args;
                }
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    args.push(std::mem::take(&mut current).trim().to_string());
                    continue;
                }
                _ => {}
            }
            current.push(c);
        }
        args
    }

    fn args(words: &[&str]) -> Vec<std::ffi::OsString> {
        std::iter::once("jixiao").chain(words.iter().copied()).map(Into::into).collect()
    }

    #[test]
    fn lang_is_found_before_clap_parses() {
        assert_eq!(from_args(&args(&["--lang", "zh", "check", "a.jx"])), Some(Lang::Zh));
        assert_eq!(from_args(&args(&["check", "--lang=zh", "a.jx"])), Some(Lang::Zh));
        assert_eq!(from_args(&args(&["check", "--lang", "en"])), Some(Lang::En));
        assert_eq!(from_args(&args(&["check", "a.jx"])), None);
        assert_eq!(from_args(&args(&["check", "--lang", "fr"])), None);
        assert_eq!(from_args(&args(&["check", "--", "--lang", "zh"])), None);
    }
}
