//! The SPARQL 1.1 Protocol query operation, read-only.
//!
//! Takes: a query string with the protocol's dataset parameters and the
//! client's `Accept` header. Gives: an HTTP answer — the results in the
//! negotiated format, or a clear error (400 syntax, 403 update, 406
//! format, 503 timeout).
//!
//! The query runs in a worker thread with an oxigraph cancellation token;
//! when it has not finished within the timeout the token is cancelled and
//! the client gets 503 at once. Results are cut after `max_results` rows
//! (or triples); a cut answer carries the headers `Zhengtu-Truncated: true`
//! and `Zhengtu-Result-Limit: N`.
//!
//! oxigraph notices the cancellation when the query next reads from the
//! store, so a query busy joining results it already holds in memory can go
//! on for a while after its client got the 503. [`Slots`] bounds how many
//! queries run at once, such stragglers included: a query waits for a slot
//! within its timeout and is answered 503 when none frees up.

use std::collections::HashSet;
use std::sync::{mpsc, Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use oxhttp::model::{Body, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};

use crate::store::{Dataset, StoreError, ZStore};

use super::negotiate::{choose, graph_offers, offered, results_offers};
use super::{reply, text, HEADER_LIMIT, HEADER_TRUNCATED};

/// The dataset given with the protocol's `default-graph-uri` and
/// `named-graph-uri` parameters.
#[derive(Debug, Default, Clone)]
pub(crate) struct ProtocolDataset {
    /// Graphs whose union is the default graph.
    pub(crate) default_graphs: Vec<String>,
    /// Graphs available to `GRAPH`.
    pub(crate) named_graphs: Vec<String>,
}

impl ProtocolDataset {
    fn is_empty(&self) -> bool {
        self.default_graphs.is_empty() && self.named_graphs.is_empty()
    }
}

/// How a query is run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Wall-clock time a query may take.
    pub(crate) timeout: Duration,
    /// Rows (or triples) in one answer.
    pub(crate) max_results: usize,
    /// Whether a query without FROM reads the union of the article graphs
    /// instead of the merged graph.
    pub(crate) union: bool,
}

/// A bound on the queries running at once, shared by all connections.
#[derive(Debug, Clone)]
pub(crate) struct Slots {
    inner: Arc<(Mutex<usize>, Condvar)>,
    max: usize,
}

/// A running query's slot, given back when the query's thread ends.
struct Slot {
    inner: Arc<(Mutex<usize>, Condvar)>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let (count, freed) = &*self.inner;
        let mut n = count.lock().unwrap_or_else(|e| e.into_inner());
        *n = n.saturating_sub(1);
        freed.notify_one();
    }
}

impl Slots {
    /// At most `max` queries at once (at least one).
    pub(crate) fn new(max: usize) -> Slots {
        Slots {
            inner: Arc::new((Mutex::new(0), Condvar::new())),
            max: max.max(1),
        }
    }

    /// The bound.
    pub(crate) fn max(&self) -> usize {
        self.max
    }

    /// Waits for a free slot until `deadline`.
    fn acquire(&self, deadline: Instant) -> Option<Slot> {
        let (count, freed) = &*self.inner;
        let mut n = count.lock().unwrap_or_else(|e| e.into_inner());
        while *n >= self.max {
            let left = deadline.checked_duration_since(Instant::now())?;
            if left.is_zero() {
                return None;
            }
            n = freed
                .wait_timeout(n, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        *n += 1;
        Some(Slot {
            inner: self.inner.clone(),
        })
    }
}

/// What the worker thread hands back.
struct Answer {
    body: Vec<u8>,
    content_type: String,
    truncated: bool,
}

enum Failure {
    Cancelled,
    Evaluation(String),
}

/// The format an answer is written in, with its media type; the query's
/// form (SELECT and ASK, or CONSTRUCT and DESCRIBE) decides which can be.
enum Writer {
    Results(QueryResultsFormat, &'static str),
    Graph(RdfFormat, &'static str),
}

/// Runs a query and answers it.
pub(crate) fn answer(
    store: &Arc<ZStore>,
    query: &str,
    dataset: &ProtocolDataset,
    accept: Option<&str>,
    limits: Limits,
    slots: &Slots,
) -> Response<Body> {
    let deadline = Instant::now() + limits.timeout;
    let prepared = parse(query).and_then(|parsed| {
        let writer = writer_for(&parsed, accept)?;
        let base = if limits.union {
            Dataset::Union
        } else {
            Dataset::Merged
        };
        let dataset = dataset_for(&parsed, dataset, &base)?;
        Ok((parsed, writer, dataset))
    });
    let (parsed, writer, dataset) = match prepared {
        Ok(p) => p,
        Err(refused) => return *refused,
    };
    let Some(slot) = slots.acquire(deadline) else {
        return busy(slots, limits);
    };
    let token = CancellationToken::new();
    let (tx, rx) = mpsc::channel();
    let job = Job {
        store: Arc::clone(store),
        query: parsed,
        dataset,
        writer,
        max: limits.max_results,
        token: token.clone(),
    };
    let spawned = std::thread::Builder::new()
        .name("zhengtu sparql query".into())
        .spawn(move || {
            let result = job.run(slot);
            if let Err(mpsc::SendError(Ok(_))) = tx.send(result) {
                eprintln!("a query finished after its timeout; its answer was dropped");
            }
        });
    if let Err(e) = spawned {
        return text(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("cannot start the query: {e}\n"),
        );
    }
    let left = deadline.saturating_duration_since(Instant::now());
    let result = match rx.recv_timeout(left) {
        Ok(r) => r,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            token.cancel();
            Err(Failure::Cancelled)
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failure::Evaluation(
            "the query worker stopped without an answer".into(),
        )),
    };
    reply_with(result, limits)
}

/// A refusal to run a query: the answer to give instead.
type Refusal = Box<Response<Body>>;

/// Parses a query; an update sent as a query is refused, not reported as
/// a typo.
fn parse(query: &str) -> Result<spargebra::Query, Refusal> {
    spargebra::SparqlParser::new()
        .parse_query(query)
        .map_err(|e| {
            if spargebra::SparqlParser::new().parse_update(query).is_ok() {
                return Box::new(refuse_update());
            }
            Box::new(text(
                StatusCode::BAD_REQUEST,
                &format!(
                    "the query does not parse: {}\n",
                    syntax_message(&e.to_string())
                ),
            ))
        })
}

/// The format of the answer, chosen before anything runs.
fn writer_for(query: &spargebra::Query, accept: Option<&str>) -> Result<Writer, Refusal> {
    match query {
        spargebra::Query::Select { .. } | spargebra::Query::Ask { .. } => {
            let offers = results_offers();
            match choose(accept, &offers) {
                Some(f) => Ok(Writer::Results(*f, f.media_type())),
                None => Err(Box::new(not_acceptable(
                    "SELECT and ASK",
                    &offered(&offers),
                ))),
            }
        }
        spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. } => {
            let offers = graph_offers();
            match choose(accept, &offers) {
                Some(f) => Ok(Writer::Graph(*f, f.media_type())),
                None => Err(Box::new(not_acceptable(
                    "CONSTRUCT and DESCRIBE",
                    &offered(&offers),
                ))),
            }
        }
    }
}

/// The graphs the query reads: those of the protocol's parameters, which
/// override FROM and FROM NAMED; else those it names; else the server's
/// (the merged graph, or the union of the article graphs where the server
/// was started so).
fn dataset_for(
    query: &spargebra::Query,
    dataset: &ProtocolDataset,
    base: &Dataset,
) -> Result<Dataset, Refusal> {
    if dataset.is_empty() {
        return Ok(if query.dataset().is_some() {
            Dataset::AsQueried
        } else {
            base.clone()
        });
    }
    let iri = |param: &str, g: &String| {
        NamedNode::new(g).map_err(|e| {
            Box::new(text(
                StatusCode::BAD_REQUEST,
                &format!("{param} {g:?} is not an IRI: {e}\n"),
            ))
        })
    };
    let mut default = Vec::new();
    for g in &dataset.default_graphs {
        default.push(GraphName::NamedNode(iri("default-graph-uri", g)?));
    }
    let mut named = Vec::new();
    for g in &dataset.named_graphs {
        named.push(NamedOrBlankNode::NamedNode(iri("named-graph-uri", g)?));
    }
    Ok(Dataset::Given { default, named })
}

/// The answer when no query slot freed up within the timeout.
fn busy(slots: &Slots, limits: Limits) -> Response<Body> {
    let mut r = text(
        StatusCode::SERVICE_UNAVAILABLE,
        &format!(
            "the server is busy: {} queries are running and none finished within the timeout of {}; try again later\n",
            slots.max(),
            show_duration(limits.timeout)
        ),
    );
    r.headers_mut()
        .insert("Retry-After", oxhttp::model::HeaderValue::from_static("5"));
    r
}

/// A query to run in a worker thread, and how to write its answer.
struct Job {
    store: Arc<ZStore>,
    query: spargebra::Query,
    dataset: Dataset,
    writer: Writer,
    max: usize,
    token: CancellationToken,
}

impl Job {
    /// Runs the query and writes its answer, holding its `slot` until the
    /// query has really stopped (a cancelled one too).
    fn run(self, slot: Slot) -> Result<Answer, Failure> {
        let t0 = Instant::now();
        let result = self
            .store
            .run(self.query, &self.dataset, Some(self.token))
            .map_err(|e| match e {
                StoreError::Evaluation(e) => failure(e),
                e => Failure::Evaluation(super::chain(&e)),
            })
            .and_then(|r| match self.writer {
                Writer::Results(f, mt) => write_results(r, f, mt, self.max),
                Writer::Graph(f, mt) => write_graph(r, f, mt, self.max),
            });
        if matches!(result, Err(Failure::Cancelled)) {
            eprintln!(
                "a query was cancelled; it stopped after {:.1} s",
                t0.elapsed().as_secs_f64()
            );
        }
        drop(slot);
        result
    }
}

/// The HTTP answer to a query's result.
fn reply_with(result: Result<Answer, Failure>, limits: Limits) -> Response<Body> {
    match result {
        Ok(a) => {
            let mut b = Response::builder()
                .status(StatusCode::OK)
                .header("Content-Type", a.content_type);
            if a.truncated {
                b = b
                    .header(HEADER_TRUNCATED, "true")
                    .header(HEADER_LIMIT, limits.max_results.to_string());
            }
            reply(b, Body::from(a.body))
        }
        Err(Failure::Cancelled) => text(
            StatusCode::SERVICE_UNAVAILABLE,
            &format!(
                "the query was cancelled: it did not finish within the server's timeout of {} (zhengtu serve --timeout); narrow it or add a LIMIT\n",
                show_duration(limits.timeout)
            ),
        ),
        Err(Failure::Evaluation(msg)) => text(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("the query failed: {msg}\n"),
        ),
    }
}

/// Spells out the position of a syntax error: `error at 2:29: expected …`
/// becomes `at line 2, column 29: expected …`; other messages are kept.
fn syntax_message(msg: &str) -> String {
    let Some(rest) = msg.strip_prefix("error at ") else {
        return msg.to_string();
    };
    let Some((pos, tail)) = rest.split_once(": ") else {
        return msg.to_string();
    };
    match pos.split_once(':') {
        Some((line, col))
            if !line.is_empty()
                && !col.is_empty()
                && line.bytes().all(|b| b.is_ascii_digit())
                && col.bytes().all(|b| b.is_ascii_digit()) =>
        {
            format!("at line {line}, column {col}: {tail}")
        }
        _ => msg.to_string(),
    }
}

fn show_duration(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s} s")
    }
}

fn failure(e: QueryEvaluationError) -> Failure {
    match e {
        QueryEvaluationError::Cancelled => Failure::Cancelled,
        e => Failure::Evaluation(e.to_string()),
    }
}

fn with_charset(media_type: &str) -> String {
    if media_type.starts_with("text/") && !media_type.contains("charset") {
        format!("{media_type}; charset=utf-8")
    } else {
        media_type.to_string()
    }
}

fn write_results(
    r: QueryResults<'static>,
    f: QueryResultsFormat,
    media_type: &str,
    max: usize,
) -> Result<Answer, Failure> {
    let io = |e: std::io::Error| Failure::Evaluation(e.to_string());
    let ser = QueryResultsSerializer::from_format(f);
    let mut truncated = false;
    let body = match r {
        QueryResults::Boolean(b) => ser.serialize_boolean_to_writer(Vec::new(), b).map_err(io)?,
        QueryResults::Solutions(mut sols) => {
            let vars = sols.variables().to_vec();
            let mut w = ser
                .serialize_solutions_to_writer(Vec::new(), vars)
                .map_err(io)?;
            for (n, s) in sols.by_ref().enumerate() {
                let s = s.map_err(failure)?;
                if n == max {
                    truncated = true;
                    break;
                }
                w.serialize(&s).map_err(io)?;
            }
            w.finish().map_err(io)?
        }
        QueryResults::Graph(_) => {
            return Err(Failure::Evaluation(
                "a graph where solutions were expected".into(),
            ))
        }
    };
    Ok(Answer {
        body,
        content_type: with_charset(media_type),
        truncated,
    })
}

fn write_graph(
    r: QueryResults<'static>,
    f: RdfFormat,
    media_type: &str,
    max: usize,
) -> Result<Answer, Failure> {
    let io = |e: std::io::Error| Failure::Evaluation(e.to_string());
    let QueryResults::Graph(triples) = r else {
        return Err(Failure::Evaluation(
            "solutions where a graph was expected".into(),
        ));
    };
    let mut ser = RdfSerializer::from_format(f);
    for &(p, ns) in crate::vocab::PREFIX_PAIRS {
        ser = ser
            .with_prefix(p, ns)
            .map_err(|e| Failure::Evaluation(e.to_string()))?;
    }
    let mut w = ser.for_writer(Vec::new());
    let mut truncated = false;
    let mut n = 0usize;
    // a graph is a set; DESCRIBE over the union of the article graphs gives
    // a triple once per article that states it
    let mut seen = HashSet::new();
    for t in triples {
        let t = t.map_err(failure)?;
        if seen.contains(&t) {
            continue;
        }
        if n == max {
            truncated = true;
            break;
        }
        w.serialize_triple(&t).map_err(io)?;
        seen.insert(t);
        n += 1;
    }
    let body = w.finish().map_err(io)?;
    Ok(Answer {
        body,
        content_type: with_charset(media_type),
        truncated,
    })
}

fn not_acceptable(forms: &str, offers: &str) -> Response<Body> {
    text(
        StatusCode::NOT_ACCEPTABLE,
        &format!("none of the formats in Accept can answer a query of this form; {forms} can be answered as: {offers}\n"),
    )
}

/// The answer to any attempt to change the store.
pub(crate) fn refuse_update() -> Response<Body> {
    text(
        StatusCode::FORBIDDEN,
        "this endpoint is read-only: SPARQL Update is refused and was not executed\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_position_is_spelled_out() {
        assert_eq!(
            syntax_message("error at 2:29: expected one of ABS"),
            "at line 2, column 29: expected one of ABS"
        );
        assert_eq!(syntax_message("something else"), "something else");
        assert_eq!(syntax_message("error at x:1: y"), "error at x:1: y");
    }

    #[test]
    fn slots_are_bounded_and_given_back() {
        let slots = Slots::new(1);
        let soon = || Instant::now() + Duration::from_millis(50);
        let held = slots.acquire(soon()).expect("a free slot");
        assert!(slots.acquire(soon()).is_none());
        drop(held);
        assert!(slots.acquire(soon()).is_some());
    }
}
