//! Accuracy: the export of the seed corpus scored against `data/gold` with
//! the rules of the evaluation script, and (where the shared evaluation set
//! is present) against the development articles of other provinces and the
//! forty broad articles of every kind of government work.
//! The floors rise as accuracy grows.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use zhengtu::eval::{score_nquads, Gold};

const SEED_ENTITY_F1: f64 = 0.93;
const SEED_RELATION_F1: f64 = 0.86;
const DEV_ENTITY_F1: f64 = 0.945;
const DEV_RELATION_F1: f64 = 0.88;
const BROAD_ENTITY_F1: f64 = 0.88;
const BROAD_RELATION_F1: f64 = 0.76;

fn f1s(nq: &[u8], gold: &Path) -> (f64, f64, String) {
    let g = Gold::load(gold, &[]).unwrap();
    let s = score_nquads(nq, &g).unwrap();
    (
        s.entity_total().prf().2,
        s.relation_total().prf().2,
        s.table(false),
    )
}

#[test]
fn seed_corpus_scores_above_the_floor() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let nq = export_nquads(&store);
    let (e, r, table) = f1s(&nq, &root().join("data/gold"));
    println!("{table}");
    assert!(
        e >= SEED_ENTITY_F1,
        "entity F1 {e:.3} below {SEED_ENTITY_F1}\n{table}"
    );
    assert!(
        r >= SEED_RELATION_F1,
        "relation F1 {r:.3} below {SEED_RELATION_F1}\n{table}"
    );
    // the same numbers as the evaluation script, where it is available
    let script = root().join("../shared/eval/score.py");
    if script.exists() {
        let f = dir.path().join("kg.nq");
        std::fs::write(&f, &nq).unwrap();
        let out = std::process::Command::new("python3")
            .arg(&script)
            .args([
                "--gold",
                root().join("data/gold").to_str().unwrap(),
                "--pred",
                f.to_str().unwrap(),
                "--f1",
            ])
            .output()
            .expect("python3 runs");
        let py = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            py.trim(),
            format!("{e:.3} {r:.3}"),
            "score.py and zhengtu eval agree"
        );
    } else {
        println!("score.py not present: skipped the cross-check");
    }
}

/// Builds a shared evaluation set where it is (the texts are scored where
/// they are, never copied into the repository) and checks its floors; the
/// temporary directory, the store and the set's folder, or `None` where the
/// set is not present beside the repository.
fn shared_set_above_floors(
    set: &str,
    (entity, relation): (f64, f64),
) -> Option<(tempfile::TempDir, PathBuf, PathBuf)> {
    let folder = root().join("../shared/eval").join(set);
    if !folder.join("gold").exists() {
        println!("the shared {set} set is not present: skipped");
        return None;
    }
    let dir = tmp();
    let store = dir.path().join("store");
    ok(&[
        "build",
        folder.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
    let nq = export_nquads(&store);
    let (e, r, table) = f1s(&nq, &folder.join("gold"));
    println!("{table}");
    assert!(
        e >= entity,
        "{set} entity F1 {e:.3} below {entity}\n{table}"
    );
    assert!(
        r >= relation,
        "{set} relation F1 {r:.3} below {relation}\n{table}"
    );
    Some((dir, store, folder))
}

#[test]
fn development_articles_score_above_the_floor() {
    shared_set_above_floors("dev", (DEV_ENTITY_F1, DEV_RELATION_F1));
}

#[test]
fn broad_articles_score_above_the_floor_with_a_line_per_file() {
    let floors = (BROAD_ENTITY_F1, BROAD_RELATION_F1);
    let Some((_dir, store, broad)) = shared_set_above_floors("broad", floors) else {
        return;
    };
    let texts = std::fs::read_dir(&broad)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .count();
    // `eval` prints a line per file after the totals
    let gold = broad.join("gold");
    let out = ok(&[
        "eval",
        "--store",
        store.to_str().unwrap(),
        "--gold",
        gold.to_str().unwrap(),
    ]);
    let per_file: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("per file"))
        .skip(2)
        .collect();
    assert_eq!(per_file.len(), texts, "{out}");
    for line in per_file {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols.len(), 3, "{line}");
        for c in &cols[1..] {
            let f: f64 = c.parse().unwrap();
            assert!((0.0..=1.0).contains(&f), "{line}");
        }
    }
}
