//! End-to-end tests of the pipeline on the seed corpus, through the binary.

mod common;

use common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use std::collections::BTreeSet;

#[test]
fn neighbors_of_kuiwen_branch_include_parent_bureau_and_district() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let out = ok(&["neighbors", "奎文分局", "--store", store.to_str().unwrap()]);
    assert!(
        out.starts_with("潍坊市自然资源和规划局奎文分局 (Agency)"),
        "{out}"
    );
    assert!(
        out.contains("subOrganizationOf → 潍坊市自然资源和规划局 (Agency)"),
        "{out}"
    );
    assert!(out.contains("jurisdiction → 奎文区 (Place)"), "{out}");
    // the tax bureau's branch of the same district is another body
    assert!(!out.contains("地方税务局"), "{out}");
    let json = ok(&[
        "neighbors",
        "奎文分局",
        "--format",
        "json",
        "--store",
        store.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[0]["label"], "潍坊市自然资源和规划局奎文分局");
}

#[test]
fn city_housing_bureau_short_form_resolves_to_full_name() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let out = ok(&["neighbors", "市住建局", "--store", store.to_str().unwrap()]);
    assert!(out.starts_with("潍坊市住房和城乡建设局 (Agency)"), "{out}");
    assert!(out.contains("jurisdiction → 潍坊市 (Place)"), "{out}");
    // a name that is no entity is an error with its own exit code
    let miss = run(&[
        "neighbors",
        "不存在的机构",
        "--store",
        store.to_str().unwrap(),
    ]);
    assert_eq!(miss.status.code(), Some(3));
}

#[test]
fn sparql_agency_count_matches_stats() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let s = store.to_str().unwrap();
    let q = "PREFIX zt: <https://w3id.org/zhengtu/ontology#> SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a zt:Agency }";
    let csv = ok(&["query", q, "--format", "csv", "--store", s]);
    let n: usize = csv.lines().nth(1).unwrap().trim().parse().unwrap();
    assert!(n > 50, "{n} agencies");
    let stats = ok(&["stats", "--store", s]);
    let line = stats
        .lines()
        .find(|l| l.trim_start().starts_with("Agency"))
        .unwrap();
    let m: usize = line.split_whitespace().last().unwrap().parse().unwrap();
    assert_eq!(n, m, "{stats}");
    // json and table output of the same query
    let json = ok(&["query", q, "--format", "json", "--store", s]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["results"]["bindings"][0]["n"]["value"], n.to_string());
    let table = ok(&["query", q, "--store", s]);
    assert!(
        table.contains(&n.to_string()) && table.contains("(1 row)"),
        "{table}"
    );
    // DESCRIBE of a city named in many articles: each triple once
    let d = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>              DESCRIBE ?c WHERE { ?c rdfs:label \"潍坊市\"@zh }";
    let ttl = ok(&["query", d, "--store", s]);
    let described: Vec<String> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ttl.as_bytes())
        .map(|t| t.expect("DESCRIBE output parses as Turtle").to_string())
        .collect();
    let distinct: BTreeSet<&String> = described.iter().collect();
    assert!(described.len() >= 3, "{ttl}");
    assert_eq!(described.len(), distinct.len(), "{ttl}");
    // evidence sentences carry no layout markers (□ before a byline)
    let marked = "PREFIX zt: <https://w3id.org/zhengtu/ontology#> \
                  SELECT (COUNT(*) AS ?n) WHERE { ?e zt:sentence ?t \
                  FILTER(STRSTARTS(?t, \"□\") || STRSTARTS(?t, \"▲\")) }";
    let csv = ok(&["query", marked, "--format", "csv", "--store", s]);
    assert_eq!(csv.lines().nth(1).map(str::trim), Some("0"), "{csv}");
}

fn triples(nq: &[u8]) -> BTreeSet<String> {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(nq)
        .map(|q| q.expect("export re-parses as N-Quads").to_string())
        .collect()
}

#[test]
fn export_reparses_and_second_build_changes_nothing() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let s = store.to_str().unwrap();
    let first = export_nquads(&store);
    let quads = triples(&first);
    assert!(quads.len() > 3000, "{} quads", quads.len());
    // every article has its own graph; nothing is in the default graph
    assert!(quads.iter().all(|q| q.matches(" <").count() >= 1));
    // turtle export re-parses too
    let ttl = ok(&["export", "--format", "turtle", "--store", s]);
    let n = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ttl.as_bytes())
        .count();
    assert!(n > 1000);
    // building again: nothing read, same triples
    let out = run(&["build", corpus().to_str().unwrap(), "--store", s]);
    assert!(out.status.success());
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(msg.contains("0 file(s) read, 5 unchanged"), "{msg}");
    assert_eq!(quads, triples(&export_nquads(&store)));
    // a fresh store built from the same files has the same triples
    let dir2 = tmp();
    let store2 = build_corpus(dir2.path());
    assert_eq!(quads, triples(&export_nquads(&store2)));
}

#[test]
fn changed_file_replaces_its_graphs() {
    let dir = tmp();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let a = docs.join("a.txt");
    std::fs::write(
        &a,
        "本报讯 近日，潍坊市住房和城乡建设局印发《潍坊市物业管理办法》。",
    )
    .unwrap();
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    ok(&["build", docs.to_str().unwrap(), "--store", s]);
    let before = String::from_utf8(export_nquads(&store)).unwrap();
    assert!(before.contains("潍坊市物业管理办法"));
    std::fs::write(
        &a,
        "本报讯 近日，潍坊市住房和城乡建设局印发《潍坊市供热管理办法》。",
    )
    .unwrap();
    ok(&["build", docs.to_str().unwrap(), "--store", s]);
    let after = String::from_utf8(export_nquads(&store)).unwrap();
    assert!(after.contains("潍坊市供热管理办法"));
    assert!(
        !after.contains("潍坊市物业管理办法"),
        "the old article graph is gone"
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_ingested() {
    let dir = tmp();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("good.txt"),
        "本报讯 冠县林业局制定了《冠县林业有害生物监测预报实施方案》。",
    )
    .unwrap();
    std::fs::write(docs.join("empty.txt"), "").unwrap();
    std::fs::write(docs.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (gbk, _, _) = encoding_rs::GBK
        .encode("本报讯 聊城市自然资源和规划局出台《聊城市城市景观风貌管理办法》。");
    std::fs::write(docs.join("gbk.txt"), &gbk).unwrap();
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    let out = run(&["build", docs.to_str().unwrap(), "--store", s]);
    assert_eq!(out.status.code(), Some(6), "some files were skipped");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(err.contains("image.txt") && err.contains("PNG"), "{err}");
    let nq = String::from_utf8(export_nquads(&store)).unwrap();
    assert!(nq.contains("冠县林业有害生物监测预报实施方案"));
    assert!(
        nq.contains("聊城市城市景观风貌管理办法"),
        "GBK text is decoded"
    );
    // a missing path is an error naming it; nothing stored is lost
    let miss = run(&["build", "no/such/dir", "--store", s]);
    assert_eq!(miss.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&miss.stderr).contains("no/such/dir"));
    assert_eq!(nq, String::from_utf8(export_nquads(&store)).unwrap());
}

#[test]
fn malformed_query_reports_the_position() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let out = run(&[
        "query",
        "SELECT ?x WHERE { ?x ?y }",
        "--store",
        store.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("does not parse") && err.contains("1:"),
        "{err}"
    );
    let none = run(&[
        "query",
        "SELECT * WHERE { ?s ?p ?o }",
        "--store",
        dir.path().join("nowhere").to_str().unwrap(),
    ]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("no store"));
}
