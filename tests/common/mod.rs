//! Helpers for tests that run the built `jixiao` binary.
#![allow(dead_code)]

pub mod exact;

use std::path::PathBuf;
use std::process::Command;

pub fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Everything a person would see, for snapshots.
    pub fn text(&self) -> String {
        format!("exit: {}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

/// Runs `jixiao` from the repository root, without colour, in an English locale.
pub fn jixiao(args: &[&str]) -> Run {
    jixiao_in_locale("en_US.UTF-8", args)
}

/// Runs `jixiao` with `LANG` set to `lang` (and no `LC_ALL` or `LC_MESSAGES`, which would
/// take precedence).
pub fn jixiao_in_locale(lang: &str, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .current_dir(manifest())
        .env("NO_COLOR", "1")
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run jixiao");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `jixiao test` on `file` with `from` replaced by `to` (which must occur in it).
pub fn test_mutated(file: &str, from: &str, to: &str) -> Run {
    let source = std::fs::read_to_string(manifest().join(file)).unwrap();
    let mutated = source.replacen(from, to, 1);
    assert_ne!(mutated, source, "{from} is not in {file}");
    let path =
        std::env::temp_dir().join(format!("jixiao-mutated-{}-{}.jx", std::process::id(), file.replace('/', "-")));
    std::fs::write(&path, mutated).unwrap();
    let run = jixiao(&["test", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    run
}

/// Text without spaces or the margin of wrapped lines: messages wrap to the terminal's width,
/// wherever a path's length puts the break, so they are compared squashed.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '│').collect()
}

/// A shipped regulation (`regulations/{name}.jx`), checked.
pub fn program(name: &str) -> jixiao::program::Program {
    let path = format!("regulations/{name}.jx");
    let text = std::fs::read_to_string(manifest().join(&path)).unwrap();
    jixiao::compile(&jixiao::source::SourceFile::new(path, text)).expect("the shipped file checks").0
}

/// Waits for `child` (`what`, for messages) to succeed, killing it and failing the test after
/// `seconds`: an outside program must never hang the test run.
pub fn finish_within(mut child: std::process::Child, seconds: u64, what: &str) {
    match wait_within(&mut child, seconds) {
        Some(status) => assert!(status.success(), "{what}: {status}"),
        None => panic!("{what} did not finish in {seconds} s"),
    }
}

/// Waits for `child` to end, for `seconds` at most; then kills it and gives `None`.
pub fn wait_within(child: &mut std::process::Child, seconds: u64) -> Option<std::process::ExitStatus> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    loop {
        if let Some(status) = child.try_wait().expect("the program's status") {
            return Some(status);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
