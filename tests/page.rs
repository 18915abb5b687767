//! The page of `zhengtu serve` in a real browser: Debian's Chromium driven
//! by `tests/page/page.mjs` (Node and playwright-core, installed by
//! `scripts/deps.sh --test`). Saves a screenshot to `page-test/kuiwen.png` in the
//! cargo target directory.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::http::Server;
use common::*;

const PARENT: &str = "潍坊市自然资源和规划局";
const BRANCH: &str = "潍坊市自然资源和规划局奎文分局";

/// The cargo target directory: the parent of this test's temporary
/// directory (`target/tmp`).
fn target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).to_path_buf()
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

#[test]
fn search_expand_evidence_and_sparql_in_chromium() {
    let (browser, driver) = tools();
    let dir = tmp();
    let store = build_corpus(dir.path());
    let server = Server::start(&store, dir.path(), &[]);
    let shot = target_dir().join("page-test/kuiwen.png");
    std::fs::create_dir_all(shot.parent().unwrap()).expect("the screenshot directory");
    // the screenshot of an earlier run
    match std::fs::remove_file(&shot) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            panic!("cannot remove {}: {e}", shot.display())
        }
        _ => {}
    }
    let (status, out, err) = run_driver(&driver, &browser, &server.url(), &shot, dir.path());
    assert!(
        status.success(),
        "the page driver failed ({status}):\n{out}\n{err}\nserver log:\n{}",
        server.log_text()
    );
    let line = out.lines().last().unwrap_or_default();
    let v: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    eprintln!("page: {v}");
    assert_page_did_its_work(&v);
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(
        size > 10_000,
        "screenshot {} is {size} bytes",
        shot.display()
    );
    eprintln!("screenshot: {}", shot.display());
}

/// The browser and the driver's directory, once it is known that they,
/// node and playwright-core are there.
fn tools() -> (PathBuf, PathBuf) {
    let browser = chromium();
    assert!(
        browser.exists(),
        "no Chromium at {} (set CHROMIUM to another one): run scripts/deps.sh --test",
        browser.display()
    );
    let driver = root().join("tests/page");
    assert!(
        driver
            .join("node_modules/playwright-core/package.json")
            .exists(),
        "tests/page/node_modules has no playwright-core: run scripts/deps.sh --test"
    );
    let node_ok = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(node_ok, "node does not run: run scripts/deps.sh --test");
    (browser, driver)
}

/// Runs `page.mjs` on the page at `url` (within 180 s); returns its
/// status, standard output and standard error (kept in `dir`).
fn run_driver(
    driver: &Path,
    browser: &Path,
    url: &str,
    shot: &Path,
    dir: &Path,
) -> (std::process::ExitStatus, String, String) {
    let out_path = dir.join("page.out");
    let err_path = dir.join("page.err");
    let mut child = Command::new("node")
        .arg(driver.join("page.mjs"))
        .arg(format!("{url}/"))
        .arg(shot)
        .env("CHROMIUM", browser)
        .current_dir(driver)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("node starts");
    let t0 = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("the driver's status") {
            break s;
        }
        if t0.elapsed() > Duration::from_secs(180) {
            // the driver may end meanwhile: the panic below is what counts
            child.kill().ok();
            child.wait().ok();
            panic!(
                "the page driver did not finish within 180 s:\n{}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let out = std::fs::read_to_string(&out_path).unwrap_or_default();
    let err = std::fs::read_to_string(&err_path).unwrap_or_default();
    (status, out, err)
}

/// What the driver reports: the search found both bureaus, expanding the
/// branch added nodes, the edge to its parent shows its evidence, the
/// SPARQL tab answered, and the page logged no error.
fn assert_page_did_its_work(v: &serde_json::Value) {
    let labels: Vec<&str> = v["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert!(labels.contains(&PARENT), "{labels:?}");
    assert!(labels.contains(&BRANCH), "{labels:?}");
    assert_eq!(v["root"][0], BRANCH, "{v}");
    let before = v["nodesBefore"].as_u64().expect("nodesBefore");
    let after = v["nodesAfter"].as_u64().expect("nodesAfter");
    assert!(
        after > before,
        "expanding added no node: {before} → {after}"
    );
    assert_eq!(v["edge"], 1, "the edge branch → bureau: {v}");
    assert!(v["evidence"].as_u64().unwrap_or(0) > 0, "{v}");
    let panel = v["panel"].as_str().unwrap_or_default();
    assert!(
        panel.contains("subOrganizationOf") && panel.contains("奎文分局"),
        "{panel}"
    );
    assert!(v["sparqlRows"].as_u64().unwrap_or(0) > 0, "{v}");
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(0), "{v}");
}
