//! The command line's contract, through the real binary: usage errors,
//! closed output pipes, the messages of failed builds, queries and stores,
//! and the exit codes.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::*;

/// Runs the binary with `args` on the store `store` (when given).
fn zhengtu(store: Option<&Path>, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_zhengtu"));
    c.args(args).current_dir(root()).env_remove("ZHENGTU_STORE");
    if let Some(s) = store {
        c.arg("--store").arg(s);
    }
    c.output().expect("the zhengtu binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `--timeout` takes a number of seconds a query may run; anything that is
/// no such number is refused as bad usage, before any work, not a panic.
#[test]
fn timeouts_out_of_range_are_usage_errors() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let q = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";
    for bad in ["inf", "1e20", "nan", "-1", "ten"] {
        let out = zhengtu(Some(&store), &["query", q, "--timeout", bad]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "query --timeout {bad}: {err}");
        assert!(err.contains("--timeout"), "query --timeout {bad}: {err}");
        assert!(!err.contains("panicked"), "query --timeout {bad}: {err}");
        let out = zhengtu(Some(&store), &["serve", "--timeout", bad]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "serve --timeout {bad}: {err}");
        assert!(err.contains("--timeout"), "serve --timeout {bad}: {err}");
    }
    // 0 lifts the limit of a query; a fraction of a second is a limit
    for fine in ["0", "2.5"] {
        let out = zhengtu(Some(&store), &["query", q, "--timeout", fine]);
        assert!(out.status.success(), "--timeout {fine}: {}", stderr(&out));
    }
    // a server needs a limit
    let out = zhengtu(Some(&store), &["serve", "--timeout", "0"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// `zhengtu … | head`: a reader that stops reading ends the command
/// quietly with success, as it does `cat` or `rg`.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let corpus = corpus();
    let all = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }";
    let commands: [&[&str]; 7] = [
        &["export", "--format", "nquads"],
        &["export", "--format", "graphml"],
        &["query", all, "--format", "csv"],
        &["query", all],
        &["neighbors", "奎文分局", "--depth", "2"],
        &["extract", corpus.to_str().unwrap(), "--mentions"],
        &["stats"],
    ];
    for args in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhengtu"))
            .args(args)
            .arg("--store")
            .arg(&store)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("zhengtu starts");
        // the reader goes away before the first line is written
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("zhengtu ends");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}

/// A file of the corpus that cannot be read (empty, binary) and files
/// that read well, in a fresh directory.
fn docs_with_bad_files(dir: &Path) -> std::path::PathBuf {
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(
        docs.join("good.txt"),
        "本报讯 临清市水利局编制了《临清市河道清淤工作方案》。",
    )
    .unwrap();
    std::fs::write(docs.join("empty.txt"), "").unwrap();
    std::fs::write(docs.join("picture.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    docs
}

/// `build --strict` names every file that failed, each with its reason,
/// and stores nothing.
#[test]
fn a_strict_build_names_each_file_that_failed() {
    let dir = tmp();
    let docs = docs_with_bad_files(dir.path());
    let store = dir.path().join("store");
    let out = zhengtu(Some(&store), &["build", docs.to_str().unwrap(), "--strict"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(7), "{err}");
    for (file, reason) in [("empty.txt", "empty"), ("picture.txt", "PNG")] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(reason)),
            "{file}: {reason}\n{err}"
        );
    }
    assert!(!err.contains("good.txt"), "{err}");
    assert!(
        !zhengtu(Some(&store), &["stats"]).status.success(),
        "nothing was published"
    );
}

/// The exit codes as `zhengtu --help` lists them: one meaning each.
const EXIT_CODES: [u8; 8] = [0, 1, 2, 3, 4, 5, 6, 7];

/// `zhengtu --help` lists the exit codes, each once, and each condition
/// exits with its own code.
#[test]
fn each_exit_code_has_one_meaning() {
    let help = String::from_utf8(zhengtu(None, &["--help"]).stdout).unwrap();
    let table: Vec<u8> = help
        .split("Exit codes:")
        .nth(1)
        .unwrap_or_else(|| panic!("no exit codes in the help:\n{help}"))
        .lines()
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect();
    assert_eq!(table, EXIT_CODES, "{help}");

    let dir = tmp();
    let docs = docs_with_bad_files(dir.path());
    let store = dir.path().join("store");
    let d = docs.to_str().unwrap();
    let code = |args: &[&str]| zhengtu(Some(&store), args).status.code();
    assert_eq!(code(&["build", d, "--strict"]), Some(7), "strict: nothing");
    assert_eq!(code(&["build", d]), Some(6), "some files skipped");
    assert_eq!(code(&["build", d]), Some(6), "they are skipped again");
    assert_eq!(
        code(&["neighbors", "不存在的机构"]),
        Some(3),
        "unknown name"
    );
    assert_eq!(code(&["query", "SELECT"]), Some(1), "a query that fails");
    assert_eq!(code(&["query", "ASK {}", "-f", "q.rq"]), Some(2), "usage");
    assert_eq!(code(&["query"]), Some(2), "no query");
    assert_eq!(code(&["export", "--type", "Planet"]), Some(2), "bad type");
    assert_eq!(code(&["no-such-command"]), Some(2), "usage");
    assert_eq!(code(&["stats"]), Some(0));
    let missing = dir.path().join("nowhere");
    let out = zhengtu(Some(&missing), &["stats"]);
    assert_eq!(out.status.code(), Some(1), "no store");
}

/// A query that fails for another reason is not reported as cancelled,
/// whatever its message says.
#[test]
fn a_failed_query_is_not_a_timeout() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let q = "SELECT ?x WHERE { SERVICE <urn:example:cancel> { ?x ?y ?z } }";
    let out = zhengtu(Some(&store), &["query", q]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("cancelled"), "{err}");
    assert!(err.contains("urn:example:cancel"), "{err}");
}

/// A damaged store is reported as damaged, not as locked, even when its
/// path says "lock"; a store another writer holds is reported as locked.
#[test]
fn only_a_held_store_is_locked() {
    let dir = tmp();
    let store = dir.path().join("padlock");
    let db = store.join("db");
    std::fs::create_dir_all(&db).unwrap();
    std::fs::write(db.join("CURRENT"), "MANIFEST-000099\n").unwrap();
    let out = zhengtu(Some(&store), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("locked"), "{err}");
    assert!(err.contains("MANIFEST-000099"), "{err}");

    let store = build_corpus(dir.path());
    let held = zhengtu::store::ZStore::open(&store).expect("the store opens");
    let out = zhengtu(Some(&store), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("locked by another zhengtu process"), "{err}");
    assert!(err.contains(store.to_str().unwrap()), "{err}");
    drop(held);
    let out = zhengtu(Some(&store), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
}
