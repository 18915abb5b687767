//! Exports checked by the tools users load them into: networkx reads the
//! GraphML and GEXF files, Graphviz renders the DOT file, rdflib re-parses
//! Turtle, TriG and N-Quads, and the JSON formats carry the same counts.
//! The counts are compared with what SPARQL says about the store.
//!
//! The tools are installed by `scripts/deps.sh --test`; a missing tool fails the
//! test with a message saying so, it is never skipped.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{build_corpus, ok, run};

const ZT: &str = "PREFIX zt: <https://w3id.org/zhengtu/ontology#>\n";

/// One store of the seed corpus shared by the tests of this file.
fn store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, p) = STORE.get_or_init(|| {
        let dir = common::tmp();
        let store = build_corpus(dir.path());
        (dir, store)
    });
    p
}

fn s() -> &'static str {
    store().to_str().expect("utf-8 temp path")
}

/// Runs a one-value SPARQL query and returns the number.
fn count(query: &str) -> usize {
    let q = format!("{ZT}{query}");
    let out = ok(&["query", "--store", s(), "--format", "csv", &q]);
    let line = out.lines().nth(1).expect("a result row");
    line.trim().parse().expect("a number")
}

/// Entities (nodes) and relations (edges) as SPARQL counts them.
fn sparql_counts() -> (usize, usize) {
    let nodes = count(
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?t FILTER(?t IN (zt:Agency, \
         zt:Organization, zt:Place, zt:Person, zt:Project, zt:Document)) }",
    );
    let edges = count(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o \
         FILTER(?p IN (zt:subOrganizationOf, zt:jurisdiction, zt:locatedIn, zt:memberOf, \
         zt:participatesIn, zt:issued, zt:partnerOf)) } }",
    );
    (nodes, edges)
}

/// Exports in a format to a file in `dir`; returns the path.
fn export(dir: &Path, format: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(format!("kg.{format}"));
    let mut args = vec![
        "export",
        "--store",
        s(),
        "--format",
        format,
        "-o",
        out.to_str().expect("utf-8 temp path"),
    ];
    args.extend_from_slice(extra);
    ok(&args);
    out
}

/// Runs a Python script with arguments; returns stdout. Fails with a hint
/// when Python or its packages are missing.
fn python(script: &str, args: &[&Path]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs (scripts/deps.sh --test installs it)");
    assert!(
        out.status.success(),
        "python3 failed; run scripts/deps.sh --test to install networkx and rdflib:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("export file");
    serde_json::from_str(&text).expect("the export is JSON")
}

#[test]
fn graphml_and_gexf_load_in_networkx_with_the_store_counts() {
    let dir = common::tmp();
    let (nodes, edges) = sparql_counts();
    assert!(nodes > 200 && edges > 150, "{nodes} nodes, {edges} edges");
    let graphml = export(dir.path(), "graphml", &[]);
    let gexf = export(dir.path(), "gexf", &[]);
    let got = python(
        "import sys, networkx as nx\n\
         a = nx.read_graphml(sys.argv[1]); b = nx.read_gexf(sys.argv[2])\n\
         lab = {d['label'] for _, d in a.nodes(data=True)}\n\
         types = {d['type'] for _, d in a.nodes(data=True)}\n\
         print(a.number_of_nodes(), a.number_of_edges(), b.number_of_nodes(), b.number_of_edges(),\n\
               int('潍坊市住房和城乡建设局' in lab), len(types))",
        &[&graphml, &gexf],
    );
    let f: Vec<usize> = got
        .split_whitespace()
        .map(|x| x.parse().expect("number"))
        .collect();
    eprintln!("networkx: graphml {} nodes {} edges; gexf {} nodes {} edges (SPARQL: {nodes} entities, {edges} relations)", f[0], f[1], f[2], f[3]);
    assert_eq!(&f[..4], &[nodes, edges, nodes, edges]);
    assert_eq!(f[4], 1, "the canonical name is the node label");
    assert_eq!(f[5], 6, "all six entity types are node attributes");
}

#[test]
fn dot_renders_in_graphviz() {
    let dir = common::tmp();
    let (nodes, edges) = sparql_counts();
    let dot = export(dir.path(), "dot", &[]);
    let svg = dir.path().join("kg.svg");
    let status = Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .arg("-o")
        .arg(&svg)
        .status()
        .expect("Graphviz dot runs (scripts/deps.sh --test installs graphviz)");
    assert!(status.success(), "dot -Tsvg failed on the export");
    let text = std::fs::read_to_string(&svg).expect("svg");
    let n = text.matches("class=\"node\"").count();
    let e = text.matches("class=\"edge\"").count();
    eprintln!("graphviz: {n} nodes, {e} edges drawn");
    assert_eq!((n, e), (nodes, edges));
    assert!(text.contains("潍坊市自然资源和规划局奎文分局"));
}

#[test]
fn rdf_exports_reparse_in_rdflib() {
    let dir = common::tmp();
    let quads = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    // Turtle is the merged graph: each fact of the named graphs once,
    // without the articles' evidence (the statement and sentence nodes
    // under an article's IRI)
    let triples = count(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } \
         FILTER(!REGEX(STR(?s), \"^https://w3id.org/zhengtu/id/article/[^/]+/\")) } }",
    );
    assert_eq!(
        triples,
        count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        "the merged graph holds each fact once"
    );
    let ttl = export(dir.path(), "turtle", &[]);
    let trig = export(dir.path(), "trig", &[]);
    let nq = export(dir.path(), "nquads", &[]);
    let got = python(
        "import sys, rdflib\n\
         t = rdflib.Graph(); t.parse(sys.argv[1], format='turtle')\n\
         d = rdflib.Dataset(); d.parse(sys.argv[2], format='trig')\n\
         q = rdflib.Dataset(); q.parse(sys.argv[3], format='nquads')\n\
         n = lambda ds: sum(1 for x in ds.quads() if x[3] is not None and x[3] != ds.default_graph.identifier)\n\
         print(len(t), n(d), n(q))",
        &[&ttl, &trig, &nq],
    );
    let f: Vec<usize> = got
        .split_whitespace()
        .map(|x| x.parse().expect("number"))
        .collect();
    eprintln!("rdflib: turtle {} triples, trig {} quads, nquads {} quads (store: {quads} quads, {triples} distinct triples)", f[0], f[1], f[2]);
    assert_eq!(f, vec![triples, quads, quads]);
}

#[test]
fn json_exports_carry_the_store_counts() {
    let dir = common::tmp();
    let (nodes, edges) = sparql_counts();
    let cy = json(&export(dir.path(), "cytoscape", &[]));
    let el = &cy["elements"];
    let cn = el["nodes"].as_array().expect("nodes").len();
    let ce = el["edges"].as_array().expect("edges").len();
    assert_eq!((cn, ce), (nodes, edges));
    let first = &el["nodes"][0]["data"];
    assert!(first["id"]
        .as_str()
        .is_some_and(|i| i.starts_with("https://w3id.org/zhengtu/id/")));
    assert!(first["type"].is_string() && first["label"].is_string());
    let jgf = json(&export(dir.path(), "jgf", &[]));
    let jn = jgf["graph"]["nodes"].as_object().expect("nodes").len();
    let je = jgf["graph"]["edges"].as_array().expect("edges").len();
    eprintln!("cytoscape: {cn} nodes {ce} edges; jgf: {jn} nodes {je} edges");
    assert_eq!((jn, je), (nodes, edges));
}

#[test]
fn two_exports_of_one_store_are_byte_identical() {
    for format in [
        "nquads",
        "turtle",
        "trig",
        "graphml",
        "gexf",
        "dot",
        "cytoscape",
        "jgf",
    ] {
        let a = run(&["export", "--store", s(), "--format", format]);
        let b = run(&["export", "--store", s(), "--format", format]);
        assert!(a.status.success() && !a.stdout.is_empty(), "{format}");
        assert!(a.stdout == b.stdout, "{format} exports differ");
    }
}

/// Node labels and types of a JGF export.
fn jgf_nodes(v: &serde_json::Value) -> Vec<(String, String)> {
    v["graph"]["nodes"]
        .as_object()
        .expect("nodes")
        .values()
        .map(|n| {
            (
                n["label"].as_str().unwrap_or_default().to_string(),
                n["metadata"]["type"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn around_and_type_cut_a_subgraph() {
    let dir = common::tmp();
    let (nodes, _) = sparql_counts();
    let around = json(&export(
        dir.path(),
        "jgf",
        &["--around", "奎文分局", "--depth", "1"],
    ));
    let labels: Vec<String> = jgf_nodes(&around).into_iter().map(|(l, _)| l).collect();
    for want in [
        "潍坊市自然资源和规划局奎文分局",
        "潍坊市自然资源和规划局",
        "奎文区",
    ] {
        assert!(labels.iter().any(|l| l == want), "{want} not in {labels:?}");
    }
    assert!(labels.len() < nodes / 4, "a cut, not the whole graph");
    // depth 2 reaches further than depth 1
    let wider = json(&export(
        dir.path(),
        "jgf",
        &["--around", "奎文分局", "--depth", "2"],
    ));
    assert!(jgf_nodes(&wider).len() > labels.len());

    let agencies = json(&export(dir.path(), "jgf", &["--type", "Agency"]));
    let typed = jgf_nodes(&agencies);
    assert!(typed.len() > 50);
    assert!(typed.iter().all(|(_, t)| t == "Agency"), "{typed:?}");
    let ids = agencies["graph"]["nodes"].as_object().expect("nodes");
    for e in agencies["graph"]["edges"].as_array().expect("edges") {
        let (a, b) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
        assert!(
            ids.contains_key(a) && ids.contains_key(b),
            "dangling edge {e}"
        );
    }

    let missing = run(&[
        "export",
        "--store",
        s(),
        "--format",
        "dot",
        "--around",
        "没有这个机构",
    ]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("没有这个机构"));
}

#[test]
fn neighbors_as_dot_renders_and_as_json_carries_evidence() {
    let dir = common::tmp();
    let dot = ok(&["neighbors", "奎文分局", "--store", s(), "--format", "dot"]);
    let path = dir.path().join("n.dot");
    std::fs::write(&path, &dot).expect("write");
    let out = Command::new("dot")
        .arg("-Tsvg")
        .arg(&path)
        .output()
        .expect("Graphviz dot runs (scripts/deps.sh --test installs graphviz)");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("潍坊市自然资源和规划局"));

    let js: serde_json::Value = serde_json::from_str(&ok(&[
        "neighbors",
        "奎文分局",
        "--store",
        s(),
        "--format",
        "json",
        "--evidence",
    ]))
    .expect("json");
    let ns = js[0]["neighbors"].as_array().expect("neighbors");
    assert!(!ns.is_empty());
    for n in ns {
        let ev = n["evidence"].as_str().unwrap_or_default();
        assert!(!ev.is_empty(), "edge without evidence: {n}");
    }
    let table = ok(&["neighbors", "奎文分局", "--store", s(), "--evidence"]);
    assert!(
        table.contains("「"),
        "evidence sentences are shown:\n{table}"
    );
}
