//! A running `zhengtu serve` and a minimal HTTP/1.1 client for the tests
//! (std only: one connection per request, `Connection: close`).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `zhengtu serve` child process, killed when dropped.
pub(crate) struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub(crate) addr: String,
    /// The server's log (its stderr).
    pub(crate) log: PathBuf,
}

impl Server {
    /// Starts `zhengtu serve --bind 127.0.0.1:0 --store STORE EXTRA…` and
    /// waits until it answers; its log goes to `LOG_DIR/serve-N.log`.
    pub(crate) fn start(store: &Path, log_dir: &Path, extra: &[&str]) -> Server {
        let log = (0..)
            .map(|i| log_dir.join(format!("serve-{i}.log")))
            .find(|p| !p.exists())
            .expect("a log file name");
        let err = std::fs::File::create(&log).expect("the log file");
        let child = Command::new(env!("CARGO_BIN_EXE_zhengtu"))
            .args(["serve", "--bind", "127.0.0.1:0", "--store"])
            .arg(store)
            .args(extra)
            .current_dir(super::root())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(err)
            .spawn()
            .expect("zhengtu serve starts");
        let mut server = Server {
            child,
            addr: String::new(),
            log,
        };
        let t0 = Instant::now();
        loop {
            if let Some(status) = server.child.try_wait().expect("the child's status") {
                panic!(
                    "zhengtu serve exited ({status}) before answering:\n{}",
                    server.log_text()
                );
            }
            assert!(
                t0.elapsed() < Duration::from_secs(60),
                "zhengtu serve did not start within 60 s:\n{}",
                server.log_text()
            );
            if server.addr.is_empty() {
                let text = server.log_text();
                if let Some(rest) = text.split("listening on http://").nth(1) {
                    server.addr = rest.split('/').next().unwrap_or_default().to_string();
                }
            }
            if !server.addr.is_empty() {
                if let Ok(r) = server.try_request("GET", "/", &[], None) {
                    if r.status == 200 {
                        return server;
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The base URL, `http://127.0.0.1:PORT`.
    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What the server logged so far.
    pub(crate) fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Whether the process still runs.
    pub(crate) fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("the child's status").is_none()
    }

    /// Sends a request; panics when the connection fails.
    pub(crate) fn request(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Reply {
        self.try_request(method, target, headers, body)
            .unwrap_or_else(|e| panic!("{method} {target}: {e}"))
    }

    /// Sends a request.
    pub(crate) fn try_request(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> std::io::Result<Reply> {
        request(&self.addr, method, target, headers, body)
    }

    /// GET `/query?query=Q` with an `Accept` header.
    pub(crate) fn get_query(&self, query: &str, accept: &str) -> Reply {
        self.request(
            "GET",
            &format!("/query?query={}", encode(query)),
            &[("Accept", accept)],
            None,
        )
    }

    /// POST `/query` with the query as an `application/sparql-query` body.
    pub(crate) fn post_query(&self, query: &str, accept: &str) -> Reply {
        self.request(
            "POST",
            "/query",
            &[
                ("Accept", accept),
                ("Content-Type", "application/sparql-query"),
            ],
            Some(query.as_bytes()),
        )
    }

    /// POST `/query` with a form `name=value&…`.
    pub(crate) fn post_form(&self, fields: &[(&str, &str)], accept: &str) -> Reply {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.request(
            "POST",
            "/query",
            &[
                ("Accept", accept),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            Some(body.as_bytes()),
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub(crate) struct Reply {
    /// The status code.
    pub(crate) status: u16,
    /// Headers, names in lower case.
    pub(crate) headers: BTreeMap<String, String>,
    /// The body.
    pub(crate) body: Vec<u8>,
}

impl Reply {
    /// The body as text.
    pub(crate) fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }

    /// A header's value.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The media type of the body, without parameters.
    pub(crate) fn media_type(&self) -> &str {
        self.header("content-type")
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
    }
}

/// Sends one request on a new connection and reads the whole answer.
pub(crate) fn request(
    addr: &str,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
) -> std::io::Result<Reply> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(120)))?;
    s.set_write_timeout(Some(Duration::from_secs(120)))?;
    let mut head = format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(b) = body {
        head.push_str(&format!("Content-Length: {}\r\n", b.len()));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes())?;
    if let Some(b) = body {
        s.write_all(b)?;
    }
    s.flush()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    parse_reply(&raw).ok_or_else(|| {
        std::io::Error::other(format!(
            "not an HTTP answer: {:?}",
            String::from_utf8_lossy(&raw)
        ))
    })
}

fn parse_reply(raw: &[u8]) -> Option<Reply> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut headers = BTreeMap::new();
    for l in lines {
        let (k, v) = l.split_once(':')?;
        headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
    }
    let rest = &raw[end + 4..];
    let body = if headers
        .get("transfer-encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        dechunk(rest)?
    } else if let Some(n) = headers.get("content-length") {
        let n: usize = n.parse().ok()?;
        rest.get(..n)?.to_vec()
    } else {
        rest.to_vec()
    };
    Some(Reply {
        status,
        headers,
        body,
    })
}

fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = rest.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&rest[..eol]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

/// Percent-encodes a URL query or form value (UTF-8; unreserved characters
/// kept).
pub(crate) fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
