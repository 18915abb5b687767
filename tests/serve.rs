//! `zhengtu serve` end to end: the real binary on a store of the seed
//! corpus, spoken to over HTTP on 127.0.0.1 (a std-only client, and the
//! Python SPARQLWrapper client).

mod common;

use std::collections::BTreeSet;
use std::process::Command;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use common::http::{encode, request, Server};
use common::*;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, SliceQueryResultsParserOutput,
};

const PREFIXES: &str = "PREFIX zt: <https://w3id.org/zhengtu/ontology#>\n\
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

fn agencies_query() -> String {
    format!("{PREFIXES}SELECT DISTINCT ?a ?l WHERE {{ ?a a zt:Agency ; rdfs:label ?l }}")
}

fn jurisdiction_construct() -> String {
    format!("{PREFIXES}CONSTRUCT {{ ?a zt:jurisdiction ?p }} WHERE {{ ?a zt:jurisdiction ?p }}")
}

const COUNT_ALL: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

/// Rows of a SELECT answer, each as its terms in N-Triples syntax, sorted.
fn rows(format: QueryResultsFormat, body: &[u8]) -> Vec<Vec<String>> {
    let out = QueryResultsParser::from_format(format)
        .for_slice(body)
        .unwrap_or_else(|e| {
            panic!(
                "{format:?} answer does not parse: {e}\n{}",
                String::from_utf8_lossy(body)
            )
        });
    let SliceQueryResultsParserOutput::Solutions(sols) = out else {
        panic!("a boolean where solutions were expected");
    };
    let mut v: Vec<Vec<String>> = sols
        .map(|s| {
            s.expect("a solution")
                .values()
                .iter()
                .map(|t| t.as_ref().map(|t| t.to_string()).unwrap_or_default())
                .collect()
        })
        .collect();
    v.sort();
    v
}

/// Data lines of a CSV answer (no value here holds a line break), sorted.
fn csv_rows(body: &str) -> (String, Vec<String>) {
    let mut lines = body.lines();
    let head = lines.next().expect("a header line").to_string();
    let mut v: Vec<String> = lines.map(str::to_string).collect();
    v.sort();
    (head, v)
}

fn triples(format: RdfFormat, body: &[u8]) -> BTreeSet<String> {
    RdfParser::from_format(format)
        .for_slice(body)
        .map(|q| q.expect("a triple").to_string())
        .collect()
}

fn count_of(server: &Server, query: &str) -> u64 {
    let r = server.get_query(query, "application/sparql-results+json");
    assert_eq!(r.status, 200, "{}", r.text());
    let v: serde_json::Value = serde_json::from_slice(&r.body).expect("JSON");
    v["results"]["bindings"][0]["n"]["value"]
        .as_str()
        .expect("a count")
        .parse()
        .expect("a number")
}

#[test]
fn select_construct_and_clients_agree_with_the_cli() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let s = store.to_str().unwrap();
    let q = agencies_query();

    // what the command line says
    let cli_json = ok(&["query", &q, "--format", "json", "--store", s]);
    let expected = rows(QueryResultsFormat::Json, cli_json.as_bytes());
    assert!(expected.len() > 50, "{} agencies", expected.len());
    let cli_csv = csv_rows(&ok(&["query", &q, "--format", "csv", "--store", s]));
    let cli_ttl = ok(&["query", &jurisdiction_construct(), "--store", s]);
    let expected_triples = triples(RdfFormat::Turtle, cli_ttl.as_bytes());
    assert!(expected_triples.len() > 20, "{cli_ttl}");

    let server = Server::start(&store, dir.path(), &[]);
    assert_select_answers(&server, &q, &expected, &cli_csv);
    assert_graph_answers(&server, &expected_triples);

    // a real SPARQL client
    let labels = sparqlwrapper(&server.url(), &q);
    let expected_labels: BTreeSet<String> = expected
        .iter()
        .map(|r| {
            r[1].trim_start_matches('"')
                .split("\"@")
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(labels.len(), expected.len());
    assert_eq!(
        labels.iter().cloned().collect::<BTreeSet<_>>(),
        expected_labels
    );
    assert!(labels.iter().any(|l| l == "潍坊市自然资源和规划局奎文分局"));
}

/// The SELECT `q` sent three ways (GET, POSTed query, POSTed form) and
/// answered in four formats gives the command line's rows (`expected`,
/// and the CSV header and lines `cli_csv`); no Accept gives JSON, an
/// Accept of nothing it can write 406.
fn assert_select_answers(
    server: &Server,
    q: &str,
    expected: &[Vec<String>],
    cli_csv: &(String, Vec<String>),
) {
    let formats = [
        (
            "application/sparql-results+json",
            Some(QueryResultsFormat::Json),
        ),
        (
            "application/sparql-results+xml",
            Some(QueryResultsFormat::Xml),
        ),
        ("text/tab-separated-values", Some(QueryResultsFormat::Tsv)),
        ("text/csv", None),
    ];
    for (accept, format) in formats {
        let answers = [
            ("GET", server.get_query(q, accept)),
            ("POST sparql-query", server.post_query(q, accept)),
            ("POST form", server.post_form(&[("query", q)], accept)),
        ];
        for (how, r) in answers {
            assert_eq!(r.status, 200, "{how} {accept}: {}", r.text());
            assert_eq!(r.media_type(), accept, "{how}");
            assert_eq!(r.header("zhengtu-truncated"), None, "{how} {accept}");
            match format {
                Some(f) => assert_eq!(rows(f, &r.body), expected, "{how} {accept}"),
                None => {
                    let (head, lines) = csv_rows(&r.text());
                    assert_eq!(head, cli_csv.0, "{how} {accept}");
                    assert_eq!(lines, cli_csv.1, "{how} {accept}");
                    assert_eq!(lines.len(), expected.len(), "{how} {accept}");
                }
            }
        }
    }
    // no Accept: JSON
    let r = server.request("GET", &format!("/query?query={}", encode(q)), &[], None);
    assert_eq!(r.media_type(), "application/sparql-results+json");
    // nothing acceptable
    let r = server.get_query(q, "image/png");
    assert_eq!(r.status, 406, "{}", r.text());
}

/// CONSTRUCT answers the command line's triples as Turtle and N-Triples
/// (406 as results); DESCRIBE over the union of the article graphs gives
/// each triple once.
fn assert_graph_answers(server: &Server, expected_triples: &BTreeSet<String>) {
    let c = jurisdiction_construct();
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
    ] {
        let r = server.get_query(&c, accept);
        assert_eq!(r.status, 200, "{accept}: {}", r.text());
        assert_eq!(r.media_type(), accept);
        assert_eq!(&triples(format, &r.body), expected_triples, "{accept}");
        let r = server.post_query(&c, accept);
        assert_eq!(&triples(format, &r.body), expected_triples, "POST {accept}");
    }
    let r = server.get_query(&c, "application/sparql-results+json");
    assert_eq!(r.status, 406, "{}", r.text());
    // DESCRIBE of 奎文区 (stated in many articles): each triple once
    let r = server.get_query(
        "DESCRIBE <https://w3id.org/zhengtu/id/place/370705>",
        "application/n-triples",
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let text = r.text();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let unique: BTreeSet<&str> = lines.iter().copied().collect();
    assert!(lines.len() > 3, "{text}");
    assert_eq!(lines.len(), unique.len(), "{text}");
}

/// Runs the query with SPARQLWrapper (GET, JSON); returns the `?l` values.
fn sparqlwrapper(endpoint: &str, query: &str) -> Vec<String> {
    const SCRIPT: &str = r#"
import json, sys
try:
    from SPARQLWrapper import SPARQLWrapper, JSON
except ImportError:
    sys.exit(3)
client = SPARQLWrapper(sys.argv[1])
client.setQuery(sys.argv[2])
client.setReturnFormat(JSON)
result = client.query().convert()
print(json.dumps([b["l"]["value"] for b in result["results"]["bindings"]], ensure_ascii=False))
"#;
    let out = Command::new("python3")
        .args(["-c", SCRIPT, &format!("{endpoint}/query"), query])
        .output()
        .unwrap_or_else(|e| {
            panic!("python3 does not run ({e}): run scripts/deps.sh --test to install the test's tools")
        });
    assert!(
        out.status.code() != Some(3),
        "the Python package SPARQLWrapper is missing: run scripts/deps.sh --test"
    );
    assert!(
        out.status.success(),
        "SPARQLWrapper failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a JSON list from the script")
}

#[test]
fn errors_updates_and_api() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let before = export_nquads(&store);
    let server = Server::start(&store, dir.path(), &[]);
    let total = count_of(&server, COUNT_ALL);
    assert!(total > 1000, "{total} triples");
    assert_malformed_queries_refused(&server);
    // updates are refused in every form and change nothing
    assert_updates_refused(&server);
    assert_eq!(count_of(&server, COUNT_ALL), total);
    let ask = server.get_query(
        "ASK { <http://example.org/s> ?p ?o }",
        "application/sparql-results+json",
    );
    assert_eq!(ask.status, 200, "{}", ask.text());
    let v: serde_json::Value = serde_json::from_slice(&ask.body).unwrap();
    assert_eq!(v["boolean"], false);
    assert_eq!(export_nquads(&store), before, "the store changed");
    assert_api(&server);
    assert_page_served(&server);
}

/// A query that does not parse is answered 400, saying where; so is a GET
/// without a query.
fn assert_malformed_queries_refused(server: &Server) {
    let bad = "SELECT ?x\nWHERE { ?x ?y }";
    for r in [
        server.get_query(bad, "application/sparql-results+json"),
        server.post_query(bad, "application/sparql-results+json"),
    ] {
        assert_eq!(r.status, 400, "{}", r.text());
        let t = r.text();
        assert!(t.contains("line 2, column"), "{t}");
    }
    let r = server.request("GET", "/query", &[], None);
    assert_eq!(r.status, 400, "{}", r.text());
}

/// Updates are refused in every form they can be sent in.
fn assert_updates_refused(server: &Server) {
    let insert = "INSERT DATA { <http://example.org/s> <http://example.org/p> \"x\" }";
    let refused = [
        ("update as a GET query", server.get_query(insert, "*/*")),
        ("update as a POSTed query", server.post_query(insert, "*/*")),
        (
            "update= form",
            server.post_form(&[("update", insert)], "*/*"),
        ),
        (
            "application/sparql-update",
            server.request(
                "POST",
                "/query",
                &[("Content-Type", "application/sparql-update")],
                Some(insert.as_bytes()),
            ),
        ),
        (
            "POST /update",
            server.request(
                "POST",
                "/update",
                &[("Content-Type", "application/sparql-update")],
                Some(insert.as_bytes()),
            ),
        ),
        (
            "DELETE WHERE",
            server.post_form(&[("update", "DELETE WHERE { ?s ?p ?o }")], "*/*"),
        ),
    ];
    for (how, r) in refused {
        assert!(
            r.status == 403 || r.status == 405,
            "{how}: {} {}",
            r.status,
            r.text()
        );
        assert!(r.text().contains("read-only"), "{how}: {}", r.text());
    }
}

/// The page's API: search by name, an entity's neighbours with their
/// evidence, 400 for a missing name or an IRI that is none.
fn assert_api(server: &Server) {
    // a short name finds the natural-resources branch first
    let r = server.request(
        "GET",
        &format!("/api/search?q={}", encode("奎文分局")),
        &[],
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.media_type(), "application/json");
    let hits: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(hits[0]["label"], "潍坊市自然资源和规划局奎文分局", "{hits}");
    assert_eq!(hits[0]["type"], "Agency");
    assert_eq!(hits[0]["exact"], true);
    let iri = hits[0]["iri"].as_str().unwrap();
    let r = server.request(
        "GET",
        &format!("/api/neighbors?iri={}", encode(iri)),
        &[],
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let hood: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    let parent = hood["neighbors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["predicate"] == "subOrganizationOf" && n["direction"] == "out")
        .unwrap_or_else(|| panic!("no parent in {hood}"));
    assert_eq!(parent["label"], "潍坊市自然资源和规划局");
    assert!(
        parent["evidence"][0]["sentence"]
            .as_str()
            .unwrap()
            .contains("奎文分局"),
        "{parent}"
    );
    let r = server.request("GET", "/api/search", &[], None);
    assert_eq!(r.status, 400);
    let r = server.request(
        "GET",
        &format!("/api/neighbors?iri={}", encode("not an iri")),
        &[],
        None,
    );
    assert_eq!(r.status, 400);
}

/// The page and its scripts.
fn assert_page_served(server: &Server) {
    for (path, media) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/cytoscape.min.js", "text/javascript"),
    ] {
        let r = server.request("GET", path, &[], None);
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.media_type(), media, "{path}");
    }
}

#[test]
fn timeout_and_result_limit() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let server = Server::start(
        &store,
        dir.path(),
        &["--timeout", "0.5", "--max-results", "5"],
    );

    // answers are cut at 5 rows or triples, and say so
    let r = server.get_query(
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
        "application/sparql-results+json",
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("zhengtu-truncated"), Some("true"));
    assert_eq!(r.header("zhengtu-result-limit"), Some("5"));
    assert_eq!(rows(QueryResultsFormat::Json, &r.body).len(), 5);
    let r = server.get_query("SELECT ?s WHERE { ?s ?p ?o }", "text/csv");
    assert_eq!(r.header("zhengtu-truncated"), Some("true"));
    assert_eq!(r.text().lines().count(), 6, "{}", r.text());
    let r = server.get_query(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "application/n-triples",
    );
    assert_eq!(r.header("zhengtu-truncated"), Some("true"));
    assert_eq!(triples(RdfFormat::NTriples, &r.body).len(), 5);
    // an answer within the limit is not marked
    let r = server.get_query(
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5",
        "application/sparql-results+json",
    );
    assert_eq!(r.header("zhengtu-truncated"), None);
    assert_eq!(rows(QueryResultsFormat::Json, &r.body).len(), 5);

    // a query that runs far longer than the timeout: 503, soon
    let t0 = Instant::now();
    let r = server.get_query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "application/sparql-results+json",
    );
    let took = t0.elapsed();
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.text().contains("timeout"), "{}", r.text());
    eprintln!("the cross join was answered 503 after {took:.2?}");
    // and the server goes on answering
    let r = server.get_query("ASK { ?s ?p ?o }", "application/sparql-results+json");
    assert_eq!(r.status, 200, "{}", r.text());
}

const THREADS: usize = 100;
const PER_THREAD: usize = 5;

#[test]
fn concurrent_clients_are_all_answered() {
    let dir = tmp();
    let store = build_corpus(dir.path());
    let mut server = Server::start(&store, dir.path(), &[]);
    let q = agencies_query();
    let expected = rows(
        QueryResultsFormat::Json,
        &server.get_query(&q, "application/sparql-results+json").body,
    );
    let count_query =
        format!("{PREFIXES}SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a zt:Agency }}");
    let agencies = count_of(&server, &count_query);
    assert_eq!(agencies as usize, expected.len());

    let client = Arc::new(Client {
        addr: server.addr.clone(),
        query: q,
        count_query: count_query.clone(),
        agencies,
    });
    let start = Arc::new(Barrier::new(THREADS + 1));
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let client = Arc::clone(&client);
            let start = Arc::clone(&start);
            std::thread::spawn(move || {
                start.wait();
                client.run(t)
            })
        })
        .collect();
    start.wait();
    let t0 = Instant::now();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut failures = Vec::new();
    for h in handles {
        let (l, f) = h.join().expect("a client thread");
        latencies.extend(l);
        failures.extend(f);
    }
    report_load(&mut latencies, t0.elapsed());
    assert!(
        failures.is_empty(),
        "{} failed: {failures:?}",
        failures.len()
    );
    assert_eq!(latencies.len(), THREADS * PER_THREAD);

    // still up and answering
    assert!(server.is_running(), "{}", server.log_text());
    assert_eq!(count_of(&server, &count_query), agencies);
}

/// A client of the load test: what it asks and what the answers must say.
struct Client {
    addr: String,
    query: String,
    count_query: String,
    agencies: u64,
}

impl Client {
    /// Client number `t` sends its requests, one after another; returns
    /// their latencies and what went wrong.
    fn run(&self, t: usize) -> (Vec<Duration>, Vec<String>) {
        let mut latencies = Vec::new();
        let mut failures = Vec::new();
        for i in 0..PER_THREAD {
            // a mix: full answers, an aggregate, a search, POST and GET
            let kind = (t + i) % 3;
            let t0 = Instant::now();
            let r = self.send(kind);
            latencies.push(t0.elapsed());
            match r {
                Ok(r) if r.status == 200 => {
                    let v: serde_json::Value = serde_json::from_slice(&r.body).expect("JSON");
                    if !self.is_right(kind, &v) {
                        failures.push(format!("a wrong answer: {v}"));
                    }
                }
                Ok(r) => failures.push(format!("{} {}", r.status, r.text())),
                Err(e) => failures.push(e.to_string()),
            }
        }
        (latencies, failures)
    }

    /// Request `kind`: 0 all agencies (GET), 1 their count (POST), 2 a
    /// search of the page's API.
    fn send(&self, kind: usize) -> std::io::Result<common::http::Reply> {
        let json = ("Accept", "application/sparql-results+json");
        match kind {
            0 => request(
                &self.addr,
                "GET",
                &format!("/query?query={}", encode(&self.query)),
                &[json],
                None,
            ),
            1 => request(
                &self.addr,
                "POST",
                "/query",
                &[json, ("Content-Type", "application/sparql-query")],
                Some(self.count_query.as_bytes()),
            ),
            _ => request(
                &self.addr,
                "GET",
                &format!("/api/search?q={}", encode("奎文分局")),
                &[],
                None,
            ),
        }
    }

    /// Whether the answer to request `kind` is right.
    fn is_right(&self, kind: usize, v: &serde_json::Value) -> bool {
        match kind {
            0 => v["results"]["bindings"].as_array().map(Vec::len) == Some(self.agencies as usize),
            1 => {
                v["results"]["bindings"][0]["n"]["value"]
                    .as_str()
                    .and_then(|n| n.parse::<u64>().ok())
                    == Some(self.agencies)
            }
            _ => v[0]["label"] == "潍坊市自然资源和规划局奎文分局",
        }
    }
}

/// Prints the throughput and latencies of the load test.
fn report_load(latencies: &mut [Duration], total: Duration) {
    latencies.sort();
    let n = latencies.len();
    eprintln!(
        "load: {n} requests from {THREADS} concurrent clients in {total:.2?} ({:.0} requests/s); latency median {:.1?}, 95th percentile {:.1?}, max {:.1?}",
        n as f64 / total.as_secs_f64(),
        latencies[n / 2],
        latencies[n * 95 / 100],
        latencies[n - 1]
    );
}
