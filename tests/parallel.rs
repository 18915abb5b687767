//! Parallel extraction and the corpus generator, through the binary: the
//! store does not depend on the number of threads, and a seed gives one
//! corpus.

mod common;

use common::*;
use std::path::Path;

fn build_with_threads(inputs: &Path, store: &Path, threads: &str) {
    ok(&[
        "build",
        inputs.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
        "--threads",
        threads,
    ]);
}

fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn seed_corpus_export_is_the_same_on_one_and_two_threads() {
    let dir = tmp();
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    build_with_threads(&corpus(), &one, "1");
    build_with_threads(&corpus(), &two, "2");
    let a = export_nquads(&one);
    let b = export_nquads(&two);
    assert!(a.len() > 1000);
    assert!(a == b, "exports differ between 1 and 2 threads");
}

#[test]
fn generated_corpus_is_deterministic_and_exercises_every_type_and_relation() {
    let dir = tmp();
    let gen = |name: &str, seed: &str| {
        let out = dir.path().join(name);
        ok(&[
            "gen-corpus",
            "--count",
            "60",
            "--out",
            out.to_str().unwrap(),
            "--seed",
            seed,
        ]);
        out
    };
    let a = gen("a", "5");
    let b = gen("b", "5");
    let c = gen("c", "6");
    let fa = files_of(&a);
    assert!(fa.len() >= 3, "{} files", fa.len());
    assert_eq!(fa, files_of(&b), "same seed, same corpus");
    assert_ne!(fa, files_of(&c), "another seed, another corpus");

    // 1 and 2 threads give the same store
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    build_with_threads(&a, &one, "1");
    build_with_threads(&a, &two, "2");
    assert!(export_nquads(&one) == export_nquads(&two));

    let stats = ok(&["stats", "--store", one.to_str().unwrap()]);
    let count = |name: &str| -> usize {
        stats
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .and_then(|l| l.split_whitespace().last())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    assert_eq!(count("articles"), 60, "{stats}");
    for t in [
        "Agency",
        "Organization",
        "Place",
        "Person",
        "Project",
        "Document",
        "subOrganizationOf",
        "jurisdiction",
        "locatedIn",
        "memberOf",
        "participatesIn",
        "issued",
        "partnerOf",
    ] {
        assert!(count(t) > 0, "no {t} in\n{stats}");
    }
    // many distinct bodies, not copies of one text
    assert!(count("Agency") > 60, "{stats}");
}
