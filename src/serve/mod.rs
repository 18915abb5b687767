//! The serve stage: the store, opened read-only, over HTTP.
//!
//! Takes: a [`ZStore`] and a [`ServeConfig`]. Gives: a SPARQL 1.1 Protocol
//! query endpoint at `/query` (GET `?query=`, POST `application/sparql-query`
//! or a form with `query=`; answers negotiated by `Accept`; the default
//! graph is the union of all article graphs), a small JSON API for the page
//! (`/api/search?q=NAME`, `/api/neighbors?iri=IRI`), and the page itself at
//! `/` (a single HTML file, its script and Cytoscape.js, compiled into the
//! binary).
//!
//! The endpoint is read-only: an `update=` form field, an
//! `application/sparql-update` body or a SPARQL Update sent as a query is
//! answered 403 and never executed, and so is anything sent to `/update`. A query that
//! runs longer than the timeout is cancelled and answered 503; an answer with
//! more than `max_results` rows (or triples) is cut there and says so in the
//! headers `Zhengtu-Truncated: true` and `Zhengtu-Result-Limit: N`. Each
//! connection is served by its own thread (oxhttp), up to a bound.

pub(crate) mod api;
pub(crate) mod negotiate;
pub(crate) mod sparql;

use std::io::Read;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::response::Builder;
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxhttp::Server;

use crate::store::{StoreError, ZStore};

/// The header set on an answer that was cut at the result limit.
pub(crate) const HEADER_TRUNCATED: &str = "Zhengtu-Truncated";
/// The header giving the result limit on a cut answer.
pub(crate) const HEADER_LIMIT: &str = "Zhengtu-Result-Limit";

/// The longest a query may be allowed to run (some 31 years): time
/// limits beyond it overflow the clock's arithmetic.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(1_000_000_000);

/// The largest request body read (a query or a form).
const MAX_BODY: u64 = 1 << 20;
/// Connections served at once; more wait to be accepted.
const MAX_CONNECTIONS: usize = 64;
/// SPARQL queries evaluated at once, per core (cancelled ones that have not
/// stopped yet included); more wait for a slot within their timeout.
const MAX_QUERIES_PER_CORE: usize = 2;

const INDEX_HTML: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/index.html"));
const APP_JS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/app.js"));
const CYTOSCAPE_JS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/web/cytoscape.min.js"));

/// Errors of the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The bind address does not parse or resolve.
    #[error("cannot use {addr:?} as an address to listen on: {msg}")]
    Address {
        /// The address as given.
        addr: String,
        /// Why.
        msg: String,
    },
    /// Listening failed (port taken, address not on this machine …).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address(es).
        addr: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The options make no sense.
    #[error("{0}")]
    Config(String),
    /// The store cannot be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Where to listen (`127.0.0.1:7878`, `localhost:8000`, `[::1]:7878`).
    pub bind: String,
    /// Wall-clock time a query may take before it is cancelled: above 0,
    /// at most [`MAX_TIMEOUT`].
    pub timeout: Duration,
    /// Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) in one answer, and
    /// entities or relations in one API answer.
    pub max_results: usize,
    /// Answer queries over the union of the article graphs (every
    /// article's copy of each fact) instead of the merged graph: the model
    /// before the merged graph, for comparison.
    pub union: bool,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            bind: "127.0.0.1:7878".into(),
            timeout: Duration::from_secs(30),
            max_results: 10_000,
            union: false,
        }
    }
}

/// Resolves a bind address to socket addresses.
pub(crate) fn resolve(bind: &str) -> Result<Vec<SocketAddr>, ServeError> {
    let addrs: Vec<SocketAddr> = bind
        .to_socket_addrs()
        .map_err(|e| ServeError::Address {
            addr: bind.to_string(),
            msg: e.to_string(),
        })?
        .collect();
    if addrs.is_empty() {
        return Err(ServeError::Address {
            addr: bind.to_string(),
            msg: "it resolves to no address".into(),
        });
    }
    Ok(addrs)
}

/// Replaces port 0 by a free port, the same one for all the addresses, so
/// that `--bind 127.0.0.1:0` listens on a port the log can name.
fn pick_port(mut addrs: Vec<SocketAddr>) -> Result<Vec<SocketAddr>, ServeError> {
    let Some(first) = addrs.iter().find(|a| a.port() == 0).copied() else {
        return Ok(addrs);
    };
    let port = std::net::TcpListener::bind(first)
        .and_then(|l| l.local_addr())
        .map_err(|source| ServeError::Bind {
            addr: first.to_string(),
            source,
        })?
        .port();
    for a in &mut addrs {
        if a.port() == 0 {
            a.set_port(port);
        }
    }
    Ok(addrs)
}

/// The request handler: routes and answers.
pub(crate) struct Handler {
    /// The published view being served, replaced when a build publishes a
    /// newer one; requests in flight keep the view they started on.
    store: RwLock<Arc<ZStore>>,
    config: ServeConfig,
    slots: sparql::Slots,
}

impl Handler {
    /// A handler over a store.
    pub(crate) fn new(store: ZStore, config: ServeConfig) -> Handler {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Handler {
            store: RwLock::new(Arc::new(store)),
            config,
            slots: sparql::Slots::new(MAX_QUERIES_PER_CORE * cores),
        }
    }

    fn limits(&self) -> sparql::Limits {
        sparql::Limits {
            timeout: self.config.timeout,
            max_results: self.config.max_results,
            union: self.config.union,
        }
    }

    /// The newest published view: the one served so far, or, when a build
    /// has published since, that one (opened read-only). If it cannot be
    /// opened, the view served so far keeps answering.
    fn view(&self) -> Arc<ZStore> {
        let current = self.store.read().unwrap_or_else(|e| e.into_inner()).clone();
        if current.is_newest_view() {
            return current;
        }
        let mut slot = self.store.write().unwrap_or_else(|e| e.into_inner());
        if !slot.is_newest_view() {
            match ZStore::open_read_only(current.root()) {
                Ok(newer) => *slot = Arc::new(newer),
                Err(e) => eprintln!("zhengtu serve: keeping the previous view: {}", chain(&e)),
            }
        }
        slot.clone()
    }

    /// Answers one request.
    pub(crate) fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        let path = request.uri().path().to_string();
        let method = request.method().clone();
        if method == Method::OPTIONS {
            return preflight();
        }
        match path.as_str() {
            "/" | "/index.html" => {
                get_only(&method, || asset("text/html; charset=utf-8", INDEX_HTML))
            }
            "/app.js" => get_only(&method, || asset("text/javascript; charset=utf-8", APP_JS)),
            "/cytoscape.min.js" => get_only(&method, || {
                asset("text/javascript; charset=utf-8", CYTOSCAPE_JS)
            }),
            "/query" | "/sparql" => self.query(request),
            "/api/search" => get_only(&method, || {
                let params = url_params(request);
                let q = first(&params, "q").unwrap_or_default();
                match api::search(&self.view(), &q, self.config.max_results.min(200)) {
                    Ok(hits) => json(&hits),
                    Err(e) => api_error(e),
                }
            }),
            "/api/neighbors" => get_only(&method, || {
                let params = url_params(request);
                let Some(iri) = first(&params, "iri") else {
                    return text(
                        StatusCode::BAD_REQUEST,
                        "give an entity: /api/neighbors?iri=IRI\n",
                    );
                };
                match api::neighbors(&self.view(), &iri, self.config.max_results) {
                    Ok(n) => json(&n),
                    Err(e) => api_error(e),
                }
            }),
            "/update" => sparql::refuse_update(),
            _ => text(StatusCode::NOT_FOUND, &format!("nothing at {path}\n")),
        }
    }

    /// The SPARQL protocol's query operation.
    fn query(&self, request: &mut Request<Body>) -> Response<Body> {
        let accept = request
            .headers()
            .get(ACCEPT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let url = url_params(request);
        if url.iter().any(|(k, _)| k == "update") {
            return sparql::refuse_update();
        }
        let mut dataset = sparql::ProtocolDataset {
            default_graphs: all(&url, "default-graph-uri"),
            named_graphs: all(&url, "named-graph-uri"),
        };
        let query = match *request.method() {
            Method::GET => only_one(&url, "query"),
            Method::POST => posted_query(request, &mut dataset),
            _ => return method_not_allowed("GET, POST, OPTIONS"),
        };
        let query = match query {
            Ok(q) => q,
            Err(r) => return *r,
        };
        let view = self.view();
        let mut r = sparql::answer(
            &view,
            &query,
            &dataset,
            accept.as_deref(),
            self.limits(),
            &self.slots,
        );
        r.headers_mut()
            .insert("Vary", oxhttp::model::HeaderValue::from_static("Accept"));
        r
    }
}

/// The query of a POST, by its content type: the body itself, or the
/// `query` field of a form (whose graph parameters join `dataset`).
fn posted_query(
    request: &mut Request<Body>,
    dataset: &mut sparql::ProtocolDataset,
) -> Result<String, Box<Response<Body>>> {
    let ct = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match ct.as_str() {
        "application/sparql-update" => Err(Box::new(sparql::refuse_update())),
        "application/sparql-query" => read_body(request),
        "application/x-www-form-urlencoded" => {
            let body = read_body(request)?;
            let form: Vec<(String, String)> =
                form_urlencoded::parse(body.as_bytes()).into_owned().collect();
            if form.iter().any(|(k, _)| k == "update") {
                return Err(Box::new(sparql::refuse_update()));
            }
            dataset
                .default_graphs
                .extend(all(&form, "default-graph-uri"));
            dataset.named_graphs.extend(all(&form, "named-graph-uri"));
            only_one(&form, "query")
        }
        "" => Err(Box::new(text(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "a POST to /query needs a Content-Type: application/sparql-query or application/x-www-form-urlencoded\n",
        ))),
        other => Err(Box::new(text(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &format!("cannot read a {other} body; send application/sparql-query or application/x-www-form-urlencoded\n"),
        ))),
    }
}

/// Runs the server until it is killed: opens nothing itself, serves
/// `store` on `config.bind`, one thread per connection.
pub fn serve(store: ZStore, config: ServeConfig) -> Result<(), ServeError> {
    if config.timeout.is_zero() || config.timeout > MAX_TIMEOUT {
        return Err(ServeError::Config(format!(
            "--timeout must be above 0 and at most {} s",
            MAX_TIMEOUT.as_secs()
        )));
    }
    if config.max_results == 0 {
        return Err(ServeError::Config("--max-results must be above 0".into()));
    }
    let addrs = pick_port(resolve(&config.bind)?)?;
    let shown: Vec<String> = addrs.iter().map(|a| a.to_string()).collect();
    let store_path = store.path().display().to_string();
    let socket_timeout = (config.timeout + Duration::from_secs(30)).max(Duration::from_secs(60));
    let summary = format!(
        "timeout {:?}, at most {} results",
        config.timeout, config.max_results
    );
    let handler = Arc::new(Handler::new(store, config));
    let mut server = Server::new(move |req: &mut Request<Body>| {
        let t0 = Instant::now();
        let r = handler.handle(req);
        eprintln!(
            "{} {} {} {:.0}ms",
            req.method(),
            req.uri().path(),
            r.status().as_u16(),
            t0.elapsed().as_secs_f64() * 1000.0
        );
        r
    })
    .with_global_timeout(socket_timeout)
    .with_max_concurrent_connections(MAX_CONNECTIONS);
    for a in &addrs {
        server = server.bind(*a);
    }
    let listening = server.spawn().map_err(|source| ServeError::Bind {
        addr: shown.join(", "),
        source,
    })?;
    for a in &shown {
        eprintln!(
            "zhengtu serve: store {store_path} (read-only), {summary}; listening on http://{a}/"
        );
    }
    listening.join().map_err(|source| ServeError::Bind {
        addr: shown.join(", "),
        source,
    })
}

fn cors(b: Builder) -> Builder {
    b.header("Access-Control-Allow-Origin", "*").header(
        "Access-Control-Expose-Headers",
        format!("{HEADER_TRUNCATED}, {HEADER_LIMIT}"),
    )
}

/// Builds a response with the common headers.
fn reply(b: Builder, body: Body) -> Response<Body> {
    cors(b).body(body).unwrap_or_else(|_| {
        let mut r = Response::new(Body::from("cannot build the answer\n"));
        *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        r
    })
}

/// A plain-text answer.
fn text(status: StatusCode, msg: &str) -> Response<Body> {
    reply(
        Response::builder()
            .status(status)
            .header(CONTENT_TYPE, "text/plain; charset=utf-8"),
        Body::from(msg.to_string()),
    )
}

fn json<T: serde::Serialize>(v: &T) -> Response<Body> {
    match serde_json::to_vec(v) {
        Ok(b) => reply(
            Response::builder()
                .status(StatusCode::OK)
                .header(CONTENT_TYPE, "application/json"),
            Body::from(b),
        ),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, &format!("{e}\n")),
    }
}

fn api_error(e: api::ApiError) -> Response<Body> {
    let status = match &e {
        api::ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
        api::ApiError::NotFound(_) => StatusCode::NOT_FOUND,
        api::ApiError::Store(_) => StatusCode::INTERNAL_SERVER_ERROR,
    };
    text(status, &format!("{}\n", chain(&e)))
}

/// An error and its sources, each after a colon (as the command line
/// prints them).
pub(crate) fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

fn asset(content_type: &str, body: &'static str) -> Response<Body> {
    reply(
        Response::builder()
            .status(StatusCode::OK)
            .header(CONTENT_TYPE, content_type)
            .header("Cache-Control", "no-cache"),
        Body::from(body),
    )
}

fn preflight() -> Response<Body> {
    reply(
        Response::builder()
            .status(StatusCode::NO_CONTENT)
            .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            .header("Access-Control-Allow-Headers", "Content-Type, Accept")
            .header("Access-Control-Max-Age", "600"),
        Body::empty(),
    )
}

fn method_not_allowed(allow: &str) -> Response<Body> {
    let mut r = text(
        StatusCode::METHOD_NOT_ALLOWED,
        &format!("method not allowed here; use {allow}\n"),
    );
    if let Ok(v) = oxhttp::model::HeaderValue::from_str(allow) {
        r.headers_mut().insert("Allow", v);
    }
    r
}

fn get_only(method: &Method, f: impl FnOnce() -> Response<Body>) -> Response<Body> {
    if *method == Method::GET {
        f()
    } else {
        method_not_allowed("GET")
    }
}

fn url_params(request: &Request<Body>) -> Vec<(String, String)> {
    request
        .uri()
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
        .unwrap_or_default()
}

fn first(params: &[(String, String)], key: &str) -> Option<String> {
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
}

fn all(params: &[(String, String)], key: &str) -> Vec<String> {
    params
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

fn only_one(params: &[(String, String)], key: &str) -> Result<String, Box<Response<Body>>> {
    let v = all(params, key);
    match v.len() {
        1 => Ok(v.into_iter().next().unwrap_or_default()),
        0 => Err(Box::new(text(
            StatusCode::BAD_REQUEST,
            &format!("no query: give it as the {key} parameter\n"),
        ))),
        _ => Err(Box::new(text(
            StatusCode::BAD_REQUEST,
            &format!("more than one {key} parameter\n"),
        ))),
    }
}

fn read_body(request: &mut Request<Body>) -> Result<String, Box<Response<Body>>> {
    let mut buf = Vec::new();
    if let Err(e) = request.body_mut().take(MAX_BODY + 1).read_to_end(&mut buf) {
        return Err(Box::new(text(
            StatusCode::BAD_REQUEST,
            &format!("cannot read the request body: {e}\n"),
        )));
    }
    if buf.len() as u64 > MAX_BODY {
        return Err(Box::new(text(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("the request body is larger than {MAX_BODY} bytes\n"),
        )));
    }
    String::from_utf8(buf).map_err(|_| {
        Box::new(text(
            StatusCode::BAD_REQUEST,
            "the request body is not UTF-8\n",
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_out_of_range_is_refused_before_listening() {
        let dir = tempfile::tempdir().unwrap();
        for timeout in [Duration::ZERO, MAX_TIMEOUT + Duration::from_secs(1)] {
            let store = ZStore::open(dir.path()).unwrap();
            let config = ServeConfig {
                // an address that cannot be listened on: the check comes first
                bind: "256.0.0.1:1".into(),
                timeout,
                ..ServeConfig::default()
            };
            assert!(
                matches!(serve(store, config), Err(ServeError::Config(_))),
                "{timeout:?}"
            );
        }
    }
}
