//! The documentation stays true: every diagnostic code the source can produce is listed in
//! docs/diagnostics.md, and the README's quick-start commands name files that exist.

mod common;

use common::manifest;

#[test]
fn every_code_is_documented() {
    let docs = std::fs::read_to_string(manifest().join("docs/diagnostics.md")).unwrap();
    let mut codes = Vec::new();
    let mut stack = vec![manifest().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices('"') {
                let code = text.get(i + 1..i + 6).unwrap_or("");
                let closed = text.get(i + 6..i + 7) == Some("\"");
                if closed
                    && (code.starts_with('E') || code.starts_with('W'))
                    && code[1..].chars().all(|c| c.is_ascii_digit())
                {
                    codes.push(code.to_string());
                }
            }
        }
    }
    codes.sort();
    codes.dedup();
    assert!(codes.len() > 40, "found only {} codes", codes.len());
    for code in codes {
        assert!(docs.contains(&format!("## {code} ")), "{code} is not documented in docs/diagnostics.md");
    }
}

#[test]
fn readme_quick_start_names_real_files() {
    let readme = std::fs::read_to_string(manifest().join("README.md")).unwrap();
    for file in ["regulations/sichuan-2014.jx", "examples/sichuan-2014/departments.json"] {
        assert!(readme.contains(file), "README does not mention {file}");
        assert!(manifest().join(file).exists(), "{file} is missing");
    }
    assert!(readme.contains("cargo test"), "README has no test command");
}
