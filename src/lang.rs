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

/// The message in the current language.
pub fn tr(en: impl Into<String>, zh: impl Into<String>) -> String {
    if chinese() { zh.into() } else { en.into() }
}

/// An input or output error in words; in Chinese for the common kinds, as the system
/// gives it otherwise.
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if !chinese() {
        return e.to_string();
    }
    match e.kind() {
        K::NotFound => "文件不存在".to_string(),
        K::PermissionDenied => "没有访问权限".to_string(),
        K::IsADirectory => "这是一个文件夹，不是文件".to_string(),
        K::StorageFull => "磁盘空间不足".to_string(),
        K::NotADirectory => "路径中有一项不是文件夹".to_string(),
        K::ReadOnlyFilesystem => "文件系统是只读的".to_string(),
        K::UnexpectedEof => "文件意外结束".to_string(),
        K::FileTooLarge => "文件太大".to_string(),
        K::OutOfMemory => "内存不足".to_string(),
        // Rare kinds keep the system's own words, which say more than a generic phrase.
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
