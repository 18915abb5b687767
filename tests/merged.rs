//! The merged graph (the store's default graph, each fact of the articles
//! once) stays exactly the merge of the stored article graphs through a
//! random sequence of builds that add, change and drop files and of
//! removes, checked against the merge computed afresh after every step;
//! and queries over it give each fact once.

mod common;

use common::{ok, tmp};
use std::path::Path;

/// The merged graph of the published view is the merge of its article
/// graphs' facts.
fn assert_merged(store: &Path, step: &str) {
    let z = zhengtu::store::ZStore::open_read_only(store).expect("the store opens");
    assert!(
        z.merged_graph_is_consistent().expect("the store reads"),
        "the merged graph differs from the merge of the article graphs after {step}"
    );
}

/// A small generator of pseudo-random numbers (xorshift), so that a
/// failing sequence can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn the_merged_graph_follows_random_builds_and_removes() {
    let dir = tmp();
    // the pool: the seed pages and a generated corpus of a few files
    let pool = dir.path().join("pool");
    ok(&[
        "gen-corpus",
        "--count",
        "60",
        "--seed",
        "3",
        "--out",
        pool.to_str().unwrap(),
    ]);
    for e in std::fs::read_dir(common::corpus()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, pool.join(p.file_name().unwrap())).unwrap();
    }
    let mut files: Vec<_> = std::fs::read_dir(&pool)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for step in 0..14 {
        let f = &files[rng.below(files.len())];
        let name = f.file_name().unwrap();
        let target = docs.join(name);
        let what = match rng.below(4) {
            // a file comes in (or back)
            0 | 1 => {
                std::fs::copy(f, &target).unwrap();
                "a file added"
            }
            // a stored file changes: its graphs are replaced
            2 if target.exists() => {
                let t = std::fs::read_to_string(&target).unwrap();
                std::fs::write(&target, format!("{t}\n潍坊市自然资源和规划局召开会议。\n"))
                    .unwrap();
                "a file changed"
            }
            // a stored file is removed from the store
            _ if target.exists() => {
                ok(&["remove", target.to_str().unwrap(), "--store", s]);
                std::fs::remove_file(&target).unwrap();
                assert_merged(&store, &format!("step {step}: a file removed"));
                continue;
            }
            _ => {
                std::fs::copy(f, &target).unwrap();
                "a file added"
            }
        };
        ok(&["build", docs.to_str().unwrap(), "--store", s]);
        assert_merged(&store, &format!("step {step}: {what}"));
    }
    // each fact once: a type asked for over the merged graph comes back
    // once per entity, over the union once per article stating it
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/zhengtu/ontology#Agency> }";
    let distinct = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a <https://w3id.org/zhengtu/ontology#Agency> }";
    let merged = ok(&["query", q, "--store", s, "--format", "csv"]);
    let once = ok(&[
        "query", distinct, "--store", s, "--format", "csv", "--union",
    ]);
    let union = ok(&["query", q, "--store", s, "--format", "csv", "--union"]);
    assert_eq!(merged, once, "each agency once over the merged graph");
    let n = |csv: &str| -> usize { csv.lines().nth(1).unwrap().trim().parse().unwrap() };
    assert!(
        n(&union) > n(&merged),
        "the union repeats facts: {union} vs {merged}"
    );
}
