//! `neighbors` after documents leave or join the store: a relation only
//! they stated is gone (or new), a relation another article also states
//! stays. Through the
//! binary, on the seed corpus (copied, so that files can be changed).

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const PREDICATES: &str = "zt:subOrganizationOf zt:jurisdiction zt:locatedIn zt:memberOf \
                          zt:participatesIn zt:issued zt:partnerOf";

/// A relation: subject IRI, subject label, predicate (local name), object IRI.
type Relation = (String, String, String, String);

/// Every relation of the store with the files stating it (file names).
fn relations(store: &Path) -> BTreeMap<Relation, BTreeSet<String>> {
    let q = format!(
        "PREFIX zt: <https://w3id.org/zhengtu/ontology#>\n\
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\
         SELECT DISTINCT ?s ?sl ?p ?o ?path WHERE {{ \
           GRAPH ?g {{ ?s ?p ?o . ?a zt:fromFile ?f . ?f zt:sourcePath ?path }} \
           ?s rdfs:label ?sl . VALUES ?p {{ {PREDICATES} }} }}"
    );
    let json = ok(&[
        "query",
        &q,
        "--format",
        "json",
        "--store",
        store.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut out: BTreeMap<Relation, BTreeSet<String>> = BTreeMap::new();
    for b in v["results"]["bindings"].as_array().expect("bindings") {
        let val = |k: &str| b[k]["value"].as_str().expect(k).to_string();
        let p = val("p");
        let p = p.rsplit('#').next().unwrap().to_string();
        let file = Path::new(&val("path"))
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        out.entry((val("s"), val("sl"), p, val("o")))
            .or_default()
            .insert(file);
    }
    out
}

/// Whether `neighbors` of the relation's subject (by its label, all
/// neighbours) lists the relation.
fn listed(store: &Path, r: &Relation) -> bool {
    let args = [
        "neighbors",
        &r.1,
        "--limit",
        "0",
        "--format",
        "json",
        "--store",
        store.to_str().unwrap(),
    ];
    let out = run(&args);
    if out.status.code() == Some(3) {
        // no entity of that name is left
        return false;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array().unwrap().iter().any(|e| {
        e["iri"] == r.0.as_str()
            && e["neighbors"].as_array().unwrap().iter().any(|n| {
                n["predicate"] == r.2.as_str()
                    && n["direction"] == "out"
                    && n["iri"] == r.3.as_str()
            })
    })
}

/// A relation stated by `file` alone and one stated by `file` and another
/// file, if the corpus has both.
fn pick(rels: &BTreeMap<Relation, BTreeSet<String>>, file: &str) -> Option<(Relation, Relation)> {
    let only = rels
        .iter()
        .find(|(_, fs)| fs.len() == 1 && fs.contains(file))?;
    let shared = rels
        .iter()
        .find(|(_, fs)| fs.len() > 1 && fs.contains(file))?;
    Some((only.0.clone(), shared.0.clone()))
}

/// Copies the seed corpus to `dir/corpus`; returns its file names.
fn copy_corpus(dir: &Path) -> Vec<String> {
    let to = dir.join("corpus");
    std::fs::create_dir_all(&to).unwrap();
    let mut names = Vec::new();
    for e in std::fs::read_dir(corpus()).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        std::fs::copy(&p, to.join(&name)).unwrap();
        names.push(name);
    }
    names.sort();
    names
}

/// Copies the seed corpus into `dir`, builds it into `dir/<store>`, and
/// picks a file with a relation of its own and a shared one: (corpus,
/// store, file, its own relation, the shared one).
fn build_and_pick(
    dir: &Path,
    store: &str,
) -> (
    std::path::PathBuf,
    std::path::PathBuf,
    String,
    Relation,
    Relation,
) {
    let names = copy_corpus(dir);
    let corpus = dir.join("corpus");
    let store = dir.join(store);
    ok(&[
        "build",
        corpus.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
    let rels = relations(&store);
    let (file, (only, shared)) = names
        .iter()
        .find_map(|f| pick(&rels, f).map(|x| (f.clone(), x)))
        .expect("a file with a relation of its own and a shared one");
    (corpus, store, file, only, shared)
}

#[test]
fn removed_file_takes_its_own_relations_and_leaves_shared_ones() {
    let dir = tmp();
    let (corpus, store, file, only, shared) = build_and_pick(dir.path(), "store");
    let s = store.to_str().unwrap();
    assert!(listed(&store, &only), "{only:?} before removal");
    assert!(listed(&store, &shared), "{shared:?} before removal");
    ok(&["remove", corpus.join(&file).to_str().unwrap(), "--store", s]);
    assert!(!listed(&store, &only), "{only:?} is still listed");
    assert!(listed(&store, &shared), "{shared:?} is no longer listed");
    assert_index_follows(&store, "after removal");
}

#[test]
fn changed_file_takes_its_old_relations_and_leaves_shared_ones() {
    let dir = tmp();
    let names = copy_corpus(dir.path());
    let corpus = dir.path().join("corpus");
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    ok(&["build", corpus.to_str().unwrap(), "--store", s]);
    let rels = relations(&store);
    // the file changes to another file's text: a relation it stated and
    // that other file does not is gone
    let mut found = None;
    for f in &names {
        for g in names.iter().filter(|g| *g != f) {
            let only = rels
                .iter()
                .find(|(r, fs)| fs.len() == 1 && fs.contains(f) && !rels_of(&rels, g).contains(r));
            let shared = rels
                .iter()
                .find(|(_, fs)| fs.contains(f) && fs.iter().any(|x| x != f && x != g));
            if let (Some(o), Some(sh)) = (only, shared) {
                found = Some((f.clone(), g.clone(), o.0.clone(), sh.0.clone()));
                break;
            }
        }
        if found.is_some() {
            break;
        }
    }
    let (file, other, only, shared) = found.expect("a file with relations of its own and shared");
    assert!(listed(&store, &only), "{only:?} before the change");
    std::fs::copy(corpus.join(&other), corpus.join(&file)).unwrap();
    ok(&["build", corpus.to_str().unwrap(), "--store", s]);
    assert!(!listed(&store, &only), "{only:?} is still listed");
    assert!(listed(&store, &shared), "{shared:?} is no longer listed");
    assert_index_follows(&store, "after the change");
}

/// A build that only adds a file to a published store extends the
/// published lookup index with the new file's facts: the relations only
/// that file states are listed, and the index is that of the new view.
#[test]
fn added_file_extends_the_index() {
    let dir = tmp();
    let (corpus, _, file, only, shared) = build_and_pick(dir.path(), "full");
    // the store first holds the other files
    let aside = dir.path().join(&file);
    std::fs::rename(corpus.join(&file), &aside).unwrap();
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    ok(&["build", corpus.to_str().unwrap(), "--store", s]);
    assert!(!listed(&store, &only), "{only:?} before the file is added");
    assert!(
        listed(&store, &shared),
        "{shared:?} before the file is added"
    );
    std::fs::rename(&aside, corpus.join(&file)).unwrap();
    ok(&["build", corpus.to_str().unwrap(), "--store", s]);
    assert!(listed(&store, &only), "{only:?} after the file is added");
    assert!(
        listed(&store, &shared),
        "{shared:?} after the file is added"
    );
    assert_index_follows(&store, "after the file is added");
}

/// The index follows the store: `neighbors` lists every relation the
/// store states, and the published view's lookup index is that of the
/// view's quads.
fn assert_index_follows(store: &Path, when: &str) {
    for r in relations(store).keys() {
        assert!(listed(store, r), "{r:?} {when}");
    }
    let z = zhengtu::store::ZStore::open_read_only(store).unwrap();
    assert!(z.lookup_index_is_consistent().unwrap(), "index {when}");
    assert!(
        z.merged_graph_is_consistent().unwrap(),
        "merged graph {when}"
    );
}

/// The relations a file states.
fn rels_of(rels: &BTreeMap<Relation, BTreeSet<String>>, file: &str) -> BTreeSet<Relation> {
    rels.iter()
        .filter(|(_, fs)| fs.contains(file))
        .map(|(r, _)| r.clone())
        .collect()
}

/// A canonical name that several entities carry: `neighbors` walks at most
/// `--limit` of them and says how many more there are; `--limit 0` walks
/// all.
#[test]
fn a_shared_name_walks_at_most_the_limit_of_entities() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let s = store.to_str().unwrap();
    let shared = ok(&[
        "query",
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
         PREFIX zt: <https://w3id.org/zhengtu/ontology#> \
         SELECT ?l (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e rdfs:label ?l ; a ?t . \
         VALUES ?t { zt:Agency zt:Organization zt:Place zt:Person zt:Project zt:Document } } \
         GROUP BY ?l HAVING (COUNT(DISTINCT ?e) > 1) ORDER BY ?l",
        "--format",
        "csv",
        "--store",
        s,
    ]);
    let row = shared
        .lines()
        .nth(1)
        .expect("a name that two entities carry");
    let (name, n) = row.rsplit_once(',').unwrap();
    let n: usize = n.trim().parse().unwrap();
    let walked = |limit: &str| {
        let out = run(&[
            "neighbors",
            name,
            "--limit",
            limit,
            "--format",
            "json",
            "--store",
            s,
        ]);
        assert!(out.status.success());
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let labels: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["label"].as_str().unwrap().to_string())
            .collect();
        (labels, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (all, note) = walked("0");
    assert_eq!(all.len(), n, "{name}: every entity with --limit 0");
    assert!(all.iter().all(|l| l == name));
    assert!(note.is_empty(), "{note}");
    let (one, note) = walked("1");
    assert_eq!(one.len(), 1, "{name}: one entity with --limit 1");
    assert!(
        note.contains(&format!("{} more entities named {name}", n - 1)),
        "{note}"
    );
}
