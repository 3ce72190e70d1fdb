//! The language of messages: Chinese or English, chosen by `--lang` or else by the
//! environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `zh`). Codes are
//! the same in both.

use std::sync::atomic::{AtomicBool, Ordering};

static CHINESE: AtomicBool = AtomicBool::new(false);

/// The languages messages can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Zh,
    En,
}

pub fn set(lang: Lang) {
    CHINESE.store(lang == Lang::Zh, Ordering::Relaxed);
}

/// The language the environment asks for.
pub fn from_environment() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En }
}

pub fn chinese() -> bool {
    CHINESE.load(Ordering::Relaxed)
}

/// The message in the current language.
pub fn tr(en: impl Into<String>, zh: impl Into<String>) -> String {
    if chinese() { zh.into() } else { en.into() }
}
