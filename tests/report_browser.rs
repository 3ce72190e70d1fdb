//! The shipped regulations' reports opened in a real browser: headless Chromium loads each
//! page with its script, and the page logs nothing to the console, makes no network request,
//! holds every department's section and the charts, opens a department's section from a link
//! to it, and prints to PDF with a page per department at least. A screenshot of each page is
//! written under target/report-browser/ for a person to look at. A control page with a script
//! error and a remote image shows that the checks catch both.
//! `tests/install-chromium.sh` installs Chromium; without it the test says it is skipped.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{jixiao, manifest};
use serde_json::Value as Json;

const SHIPPED: [(&str, &str); 3] = [
    ("jiangsu-2011", "examples/jiangsu-2011/departments.json"),
    ("sichuan-2014", "examples/sichuan-2014/departments.json"),
    ("information-security", "examples/information-security/units.json"),
];

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

fn folder() -> PathBuf {
    let dir = manifest().join("target/report-browser");
    std::fs::create_dir_all(&dir).expect("the folder");
    dir
}

/// What Chromium saw of a page.
struct Opened {
    /// The page after its script ran.
    dom: String,
    /// Messages the page wrote to the console (errors included).
    console: Vec<String>,
    /// URLs the page asked for beyond itself (Chromium's own requests left out).
    requests: Vec<String>,
}

/// Runs Chromium headless with a profile of its own (`name`), killed after two minutes: it must
/// never hang the test run. Gives its standard output and error.
fn run_chromium(chromium: &Path, name: &str, args: &[String]) -> (String, String) {
    let profile = folder().join(format!("profile-{name}"));
    let dir = folder();
    let (stdout, stderr) = (dir.join(format!("{name}.stdout")), dir.join(format!("{name}.stderr")));
    let child = Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .args(["--disable-default-apps", "--enable-logging=stderr", "--v=0"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout).expect("a file"))
        .stderr(std::fs::File::create(&stderr).expect("a file"))
        .spawn()
        .expect("start chromium");
    common::finish_within(child, 120, &format!("chromium {args:?}"));
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    (read(&stdout), read(&stderr))
}

fn url(page: &Path, anchor: &str) -> String {
    format!("file://{}{anchor}", page.canonicalize().expect("the page").display())
}

/// Opens `page` (at `anchor`, as `#d3`), noting the console and the network.
fn open(chromium: &Path, name: &str, page: &Path, anchor: &str) -> Opened {
    let log = folder().join(format!("{name}.netlog.json"));
    let (dom, stderr) = run_chromium(
        chromium,
        name,
        &[format!("--log-net-log={}", log.display()), "--dump-dom".into(), url(page, anchor)],
    );
    let console = stderr.lines().filter(|l| l.contains(":CONSOLE")).map(str::to_string).collect();
    let netlog: Json = serde_json::from_str(&std::fs::read_to_string(&log).unwrap_or_default()).unwrap_or(Json::Null);
    let mut requests: Vec<String> = netlog["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let params = &e["params"];
            // Chromium's own requests (updates, accounts) have no origin; the page's do.
            let own = params["initiator"].as_str() == Some("not an origin");
            let url = params["url"].as_str()?;
            (!own && params.get("initiator").is_some() && !url.starts_with("file:") && !url.starts_with("data:"))
                .then(|| url.to_string())
        })
        .collect();
    requests.dedup();
    Opened { dom, console, requests }
}

fn departments(regulation: &str, data: &str) -> Vec<String> {
    let run = jixiao(&["eval", &format!("regulations/{regulation}.jx"), data, "--format", "json"]);
    let doc: Json = serde_json::from_str(&run.stdout).expect("JSON");
    doc["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["department"].as_str().unwrap_or("").to_string())
        .collect()
}

/// A page with a script error and a remote image: the checks must see both, or they could
/// not fail.
#[test]
fn the_checks_catch_a_script_error_and_a_request() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: chromium is not installed; tests/install-chromium.sh installs it");
        return;
    };
    let page = folder().join("control.html");
    let html = "<html><body><img src=\"http://example.invalid/x.png\"><script>nowhere();</script></body></html>";
    std::fs::write(&page, html).expect("written");
    let opened = open(&chromium, "control", &page, "");
    assert!(opened.console.iter().any(|l| l.contains("nowhere")), "{:?}", opened.console);
    assert!(opened.requests.iter().any(|u| u.contains("example.invalid")), "{:?}", opened.requests);
}

#[test]
fn each_shipped_report_opens_cleanly_in_chromium() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: chromium is not installed; tests/install-chromium.sh installs it");
        return;
    };
    for (regulation, data) in SHIPPED {
        let page = folder().join(format!("{regulation}.html"));
        let run = jixiao(&["report", &format!("regulations/{regulation}.jx"), data, "-o", page.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let names = departments(regulation, data);
        let opened = open(&chromium, regulation, &page, "#d3");
        assert_eq!(opened.console, Vec::<String>::new(), "{regulation}: the console");
        assert_eq!(opened.requests, Vec::<String>::new(), "{regulation}: the network");
        for name in &names {
            assert!(opened.dom.contains(&format!("<h3>{name}</h3>")), "{regulation}: {name} has no section");
        }
        assert_eq!(opened.dom.matches("<section class=\"department").count(), names.len(), "{regulation}");
        assert!(opened.dom.matches("<svg").count() > names.len() + 1, "{regulation}: charts");
        // The link's section is open (the page's script ran), the others are not.
        let tag = |id: &str| {
            let at = opened.dom.find(&format!("id=\"{id}\"")).expect("the section");
            opened.dom[opened.dom[..at].rfind("<section").expect("its tag")..at].to_string()
        };
        assert!(!tag("d3").contains("collapsed"), "{regulation}: {}", tag("d3"));
        assert!(tag("d4").contains("collapsed"), "{regulation}: {}", tag("d4"));
        let shot = folder().join(format!("{regulation}.png"));
        run_chromium(
            &chromium,
            regulation,
            &[format!("--screenshot={}", shot.display()), "--window-size=1280,2400".into(), url(&page, "")],
        );
        assert!(std::fs::read(&shot).is_ok_and(|png| png.starts_with(b"\x89PNG")), "{regulation}: no screenshot");
    }
}

/// Printed, the page starts each department on a page of its own, its section open.
#[test]
fn a_report_prints_to_pdf_with_a_page_per_department() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: chromium is not installed; tests/install-chromium.sh installs it");
        return;
    };
    let (regulation, data) = SHIPPED[2];
    let page = folder().join("printed.html");
    let run = jixiao(&["report", &format!("regulations/{regulation}.jx"), data, "-o", page.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = folder().join("printed.pdf");
    let _ = std::fs::remove_file(&pdf);
    run_chromium(
        &chromium,
        "print",
        &[format!("--print-to-pdf={}", pdf.display()), "--no-pdf-header-footer".into(), url(&page, "")],
    );
    let bytes = std::fs::read(&pdf).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF"));
    let pages = pdf_pages(&bytes);
    let names = departments(regulation, data);
    assert!(pages > names.len(), "{pages} pages for {} departments", names.len());
}

/// How many pages a PDF has (`/Type /Page` objects, not `/Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let needle = b"/Type /Page";
    pdf.windows(needle.len() + 1).filter(|w| w.starts_with(needle) && w[needle.len()] != b's').count()
}
