//! Helpers for the integration tests: run the real `zhengtu` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed corpus.
pub(crate) fn corpus() -> PathBuf {
    root().join("data/corpus")
}

/// Runs the binary with arguments; returns its output.
pub(crate) fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengtu"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the zhengtu binary runs")
}

/// Runs the binary and requires success; returns stdout.
pub(crate) fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "zhengtu {args:?} failed ({:?}):\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// A fresh temporary directory.
pub(crate) fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Builds a store of the seed corpus in `dir`; returns the store path.
pub(crate) fn build_corpus(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let s = store.to_str().unwrap();
    ok(&["build", corpus().to_str().unwrap(), "--store", s]);
    store
}

/// Exports a store as N-Quads.
pub(crate) fn export_nquads(store: &Path) -> Vec<u8> {
    let out = run(&[
        "export",
        "--format",
        "nquads",
        "--store",
        store.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

pub(crate) mod http;
