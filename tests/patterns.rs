//! The cookbook stays true: every ```jixiao block of docs/patterns.md is a complete regulation that
//! checks without errors or warnings, passes its own tests with `--strict`, and is in the canonical
//! layout. A failure names the block's heading and its line in docs/patterns.md.

mod common;

use common::{jixiao, manifest};

const COOKBOOK: &str = "docs/patterns.md";

/// The blocks written when this test was: it may grow, never silently shrink to none.
const AT_LEAST: usize = 19;

struct Block {
    /// The nearest heading above the block (`## 2. 最多扣 X 分 · …`).
    heading: String,
    /// The line of the opening fence, from 1.
    line: usize,
    text: String,
}

/// The ```jixiao blocks of a Markdown text, each with the heading it stands under. Lines starting
/// with `#` inside any fenced block are comments, not headings.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut found = Vec::new();
    let mut heading = String::from("(before any heading)");
    let mut open: Option<(bool, usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        match open.as_mut() {
            None if line.starts_with("```") => {
                open = Some((line.trim_end() == "```jixiao", i + 1, String::new()));
            }
            None if line.starts_with('#') => heading = line.trim_start_matches('#').trim().to_string(),
            None => {}
            Some((jx, start, text)) => {
                if line.trim_end() == "```" {
                    if *jx {
                        found.push(Block { heading: heading.clone(), line: *start, text: std::mem::take(text) });
                    }
                    open = None;
                } else {
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "{COOKBOOK}: a code block is not closed");
    found
}

#[test]
fn every_cookbook_example_checks_clean_passes_strict_and_is_canonical() {
    let markdown = std::fs::read_to_string(manifest().join(COOKBOOK)).unwrap();
    let blocks = blocks(&markdown);
    assert!(blocks.len() >= AT_LEAST, "{COOKBOOK}: found {} jixiao blocks, expected at least {AT_LEAST}", blocks.len());
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (n, block) in blocks.iter().enumerate() {
        let path = tmp.path().join(format!("pattern-{:02}.jx", n + 1));
        std::fs::write(&path, &block.text).unwrap();
        let file = path.to_str().unwrap();
        let place = format!("{COOKBOOK}:{} ({})", block.line, block.heading);
        let check = jixiao(&["check", file]);
        if check.code != 0 || !check.stderr.is_empty() {
            failures.push(format!("{place}: `jixiao check` is not clean\n{}", check.text()));
        }
        let test = jixiao(&["test", "--strict", file]);
        if test.code != 0 {
            failures.push(format!("{place}: `jixiao test --strict` fails\n{}", test.text()));
        }
        let fmt = jixiao(&["fmt", "--check", file]);
        if fmt.code != 0 {
            failures.push(format!("{place}: not in the canonical layout (`jixiao fmt`)\n{}", fmt.text()));
        }
    }
    assert!(failures.is_empty(), "{} problem(s):\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Every numbered pattern has an example of its own, except the closing list of pitfalls.
#[test]
fn every_pattern_has_an_example() {
    let markdown = std::fs::read_to_string(manifest().join(COOKBOOK)).unwrap();
    let blocks = blocks(&markdown);
    let sections: Vec<&str> = markdown
        .lines()
        .filter(|l| l.starts_with("## ") && l[3..].starts_with(|c: char| c.is_ascii_digit()))
        .map(|l| l[3..].trim())
        .collect();
    assert!(sections.len() >= 17, "{COOKBOOK}: found only {} numbered sections", sections.len());
    for section in &sections[..sections.len() - 1] {
        assert!(blocks.iter().any(|b| b.heading == *section), "{COOKBOOK}: `{section}` has no jixiao example");
    }
}

#[test]
fn the_cookbook_is_linked_from_the_readme_and_the_language_guide() {
    for (file, link) in [("README.md", "docs/patterns.md"), ("docs/language.md", "patterns.md")] {
        let text = std::fs::read_to_string(manifest().join(file)).unwrap();
        assert!(text.contains(&format!("]({link})")), "{file} does not link {link}");
    }
}

#[test]
fn blocks_are_found_with_their_headings_and_lines() {
    let markdown = "# A\n\n```jixiao\n# a comment\nx\n```\n\n## B\n```sh\n# not a heading\n```\n```jixiao\ny\n```\n";
    let found = blocks(markdown);
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].heading.as_str(), found[0].line, found[0].text.as_str()), ("A", 3, "# a comment\nx\n"));
    assert_eq!((found[1].heading.as_str(), found[1].line, found[1].text.as_str()), ("B", 12, "y\n"));
}
