//! Accuracy: the export of the seed corpus scored against `data/gold` with
//! the rules of the evaluation script, and (where the shared evaluation set
//! is present) against the development articles of other provinces and the
//! forty broad articles of every kind of government work.
//! The floors rise as accuracy grows.

mod common;

use common::*;
use std::path::Path;
use zhengtu::eval::{score_nquads, Gold};

const SEED_ENTITY_F1: f64 = 0.92;
const SEED_RELATION_F1: f64 = 0.85;
const DEV_ENTITY_F1: f64 = 0.93;
const DEV_RELATION_F1: f64 = 0.85;
const BROAD_ENTITY_F1: f64 = 0.77;
const BROAD_RELATION_F1: f64 = 0.60;

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

#[test]
fn development_articles_score_above_the_floor() {
    let dev = root().join("../shared/eval/dev");
    if !dev.join("gold").exists() {
        println!("the shared development set is not present: skipped");
        return;
    }
    let dir = tmp();
    // the texts are scored where they are, never copied into the repository
    let store = dir.path().join("store");
    ok(&[
        "build",
        dev.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
    let nq = export_nquads(&store);
    let (e, r, table) = f1s(&nq, &dev.join("gold"));
    println!("{table}");
    assert!(
        e >= DEV_ENTITY_F1,
        "dev entity F1 {e:.3} below {DEV_ENTITY_F1}\n{table}"
    );
    assert!(
        r >= DEV_RELATION_F1,
        "dev relation F1 {r:.3} below {DEV_RELATION_F1}\n{table}"
    );
}

#[test]
fn broad_articles_score_above_the_floor_with_a_line_per_file() {
    let broad = root().join("../shared/eval/broad");
    if !broad.join("gold").exists() {
        println!("the shared broad set is not present: skipped");
        return;
    }
    let dir = tmp();
    let store = dir.path().join("store");
    let mut texts: Vec<String> = std::fs::read_dir(&broad)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    texts.sort();
    let mut args = vec!["build", "--store", store.to_str().unwrap()];
    args.extend(texts.iter().map(String::as_str));
    ok(&args);
    let nq = export_nquads(&store);
    let (e, r, table) = f1s(&nq, &broad.join("gold"));
    println!("{table}");
    assert!(
        e >= BROAD_ENTITY_F1,
        "broad entity F1 {e:.3} below {BROAD_ENTITY_F1}\n{table}"
    );
    assert!(
        r >= BROAD_RELATION_F1,
        "broad relation F1 {r:.3} below {BROAD_RELATION_F1}\n{table}"
    );
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
    assert_eq!(per_file.len(), texts.len(), "{out}");
    for line in per_file {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols.len(), 3, "{line}");
        for c in &cols[1..] {
            let f: f64 = c.parse().unwrap();
            assert!((0.0..=1.0).contains(&f), "{line}");
        }
    }
}
