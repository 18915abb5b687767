//! The command line's contract, through the real binary: usage errors,
//! closed output pipes, the messages of failed builds, queries and stores,
//! and the exit codes.

mod common;

use std::path::Path;
use std::process::{Command, Output};

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
