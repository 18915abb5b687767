//! The scale benchmark: synthetic corpora of N articles (default 1,000,
//! 10,000 and 100,000) through every stage, side by side with jieba-rs
//! `cut` and oxigraph's own bulk loader, printed as one table.
//!
//! ```sh
//! scripts/bench.sh                 # N = 1000 10000 100000
//! scripts/bench.sh 1000 10000      # chosen sizes
//! ```
//!
//! Options after the sizes: `--seed S` (corpus seed, default 1), `--dir DIR`
//! (where corpora and stores are written, default the system temporary
//! directory; everything is deleted afterwards unless `--keep`),
//! `--queries Q` (neighbor look-ups, default 1000), `--budget S` (stop the
//! look-ups after S seconds, default 600; the table says how many ran),
//! `--force` (run a size even if it looks too big for the memory),
//! `--lookups STORE` (only the neighbour look-ups, on a store kept from an
//! earlier run).
//!
//! Memory: the build and this benchmark go through the corpus in chunks,
//! so only the read documents grow with N (the benchmark keeps them all to
//! time each stage on the same input). A size whose estimate
//! ([`KIB_PER_ARTICLE`]) exceeds the available memory is skipped with a
//! message unless `--force` is given.
//!
//! Per N: the corpus is generated, read and split (text stage), then
//! - extraction (recognize + resolve of every document, no graph, no store)
//!   on a pool of 1 and of 2 threads, between two single-threaded runs of
//!   jieba-rs `Jieba::new().cut(text, true)` over the same article texts;
//!   beside them, the floors under extraction: jieba-rs `tag(text, true)`
//!   (part-of-speech tagging, which the recognizers read) and the shared
//!   lattice of each text (zhengtu's tags plus every lexicon match);
//! - graph build (merging the resolved documents) and RDF quad generation,
//!   chunk by chunk as `build` does;
//! - store load of those quads through `ZStore::apply` into a fresh store,
//!   and oxigraph's bulk loader (`load_from_reader(RdfFormat::NQuads, …)`,
//!   `commit()`, default settings) loading the same quads as N-Quads into
//!   another fresh store; the bulk loader's time against jieba `cut` on
//!   the same texts is the ceiling of `build / jieba` were extraction free;
//! - the end-to-end `zhengtu build` of the corpus as a child process (wall
//!   time, its peak RSS (VmHWM, read while it runs), the size of its store
//!   on disk);
//! - `neighbors` (find + relations, as the CLI does) for Q random entity
//!   labels of that store: p50 and p99 latency.

use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use jieba_rs::Jieba;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use zhengtu::pipeline::{self, Quiet};
use zhengtu::recognize::Recognizer;
use zhengtu::store::{ZStore, PREFIXES};
use zhengtu::synth::Rng;
use zhengtu::text::{read_document, Document};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The measurements for one corpus size.
#[derive(Default, Clone)]
struct Row {
    n: usize,
    files: usize,
    file_chars: u64,
    text_chars: u64,
    quads: usize,
    stored_quads: usize,
    entities: usize,
    read_s: f64,
    extract1_s: f64,
    extract2_s: f64,
    jieba_before_s: f64,
    jieba_after_s: f64,
    tag_s: f64,
    lattice_s: f64,
    graph_s: f64,
    rdf_s: f64,
    apply_s: f64,
    bulk_s: f64,
    build_s: f64,
    build_rss_kib: u64,
    store_bytes: u64,
    nb_p50_ms: f64,
    nb_p99_ms: f64,
    nb_queries: usize,
}

impl Row {
    /// Characters of article text per second for a stage of `secs`.
    fn cps(&self, secs: f64) -> f64 {
        self.text_chars as f64 / secs
    }
    fn jieba_cps(&self) -> f64 {
        self.cps((self.jieba_before_s + self.jieba_after_s) / 2.0)
    }
    fn tag_cps(&self) -> f64 {
        self.cps(self.tag_s)
    }
    fn lattice_cps(&self) -> f64 {
        self.cps(self.lattice_s)
    }
    /// Characters per second of the store writes alone at the bulk
    /// loader's rate: what `build` would reach if extraction cost nothing.
    fn bulk_cps(&self) -> f64 {
        self.cps(self.bulk_s)
    }
    fn extract1_cps(&self) -> f64 {
        self.cps(self.extract1_s)
    }
    fn extract2_cps(&self) -> f64 {
        self.cps(self.extract2_s)
    }
    fn apply_qps(&self) -> f64 {
        self.quads as f64 / self.apply_s
    }
    fn bulk_qps(&self) -> f64 {
        self.quads as f64 / self.bulk_s
    }
    fn build_cps(&self) -> f64 {
        self.file_chars as f64 / self.build_s
    }
}

struct Options {
    sizes: Vec<usize>,
    seed: u64,
    dir: PathBuf,
    keep: bool,
    queries: usize,
    budget: f64,
    force: bool,
    /// Only the neighbour look-ups, on this existing store.
    lookups: Option<PathBuf>,
}

fn options() -> Res<Options> {
    let mut o = Options {
        sizes: Vec::new(),
        seed: 1,
        dir: std::env::temp_dir(),
        keep: false,
        queries: 1000,
        budget: 600.0,
        force: false,
        lookups: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => o.seed = args.next().ok_or("--seed needs a value")?.parse()?,
            "--dir" => o.dir = PathBuf::from(args.next().ok_or("--dir needs a value")?),
            "--queries" => o.queries = args.next().ok_or("--queries needs a value")?.parse()?,
            "--budget" => o.budget = args.next().ok_or("--budget needs a value")?.parse()?,
            "--keep" => o.keep = true,
            "--force" => o.force = true,
            "--lookups" => {
                o.lookups = Some(PathBuf::from(args.next().ok_or("--lookups needs a store")?))
            }
            // what cargo bench passes
            "--bench" => {}
            s if s.starts_with("--") => return Err(format!("unknown option {s}").into()),
            s => o.sizes.push(s.replace([',', '_'], "").parse()?),
        }
    }
    if o.sizes.is_empty() {
        o.sizes = vec![1_000, 10_000, 100_000];
    }
    Ok(o)
}

fn secs<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed().as_secs_f64())
}

fn log(msg: &str) {
    eprintln!("[scale] {msg}");
}

fn jieba_cut(j: &Jieba, texts: &[&str]) -> f64 {
    let ((), s) = secs(|| {
        let mut words = 0usize;
        for t in texts {
            words += j.cut(t, true).len();
        }
        std::hint::black_box(words);
    });
    s
}

fn dir_size(p: &Path) -> u64 {
    // the published views are hard links to the database's files: count
    // each file once
    fn walk(p: &Path, seen: &mut std::collections::HashSet<(u64, u64)>) -> u64 {
        use std::os::unix::fs::MetadataExt;
        let mut total = 0;
        if let Ok(rd) = std::fs::read_dir(p) {
            for e in rd.flatten() {
                match e.metadata() {
                    Ok(m) if m.is_dir() => total += walk(&e.path(), seen),
                    Ok(m) if seen.insert((m.dev(), m.ino())) => total += m.len(),
                    _ => {}
                }
            }
        }
        total
    }
    walk(p, &mut Default::default())
}

/// The peak resident set of a running process (VmHWM), in KiB.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs the binary, returning (wall seconds, peak RSS in KiB).
///
/// The peak is the child's own high-water mark, read from /proc while it
/// runs: `wait4`'s `ru_maxrss` would also count this benchmark's memory,
/// which the child holds between being forked and starting the binary.
fn run_child(args: &[&str]) -> Res<(f64, u64)> {
    let t = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhengtu"))
        .args(args)
        .env_remove("ZHENGTU_THREADS")
        .stdout(std::process::Stdio::null())
        .spawn()?;
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = vm_hwm(child.id()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let wall = t.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("zhengtu {args:?} failed ({status})").into());
    }
    Ok((wall, peak))
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

/// Neighbour look-ups as the CLI does them (`zhengtu neighbors NAME`, at
/// most [`zhengtu::store::NEIGHBOR_LIMIT`] neighbours per predicate and
/// direction, and as many entities of the same name): find the entity by
/// name, then its relations. Ten look-ups run first, unmeasured.
fn neighbors(store: &ZStore, queries: usize, budget: f64, seed: u64) -> Res<(f64, f64, usize)> {
    let rows = store.select(&format!(
            "{PREFIXES}SELECT DISTINCT ?l WHERE {{ ?e a ?t ; rdfs:label ?l . \
             VALUES ?t {{ zt:Agency zt:Organization zt:Place zt:Person zt:Project zt:Document }} }}"
        ))?;
    let mut labels: Vec<String> = rows
        .into_iter()
        .filter_map(|r| match r.into_iter().next().flatten() {
            Some(Term::Literal(l)) => Some(l.value().to_string()),
            _ => None,
        })
        .collect();
    labels.sort();
    if labels.is_empty() {
        return Ok((f64::NAN, f64::NAN, 0));
    }
    // a few look-ups first, not measured: the first of a process pays for
    // its lazy start (allocator, code and index pages)
    for name in labels.iter().take(10) {
        std::hint::black_box(store.neighborhood(name, 1, false, zhengtu::store::NEIGHBOR_LIMIT)?);
    }
    let mut rng = Rng::new(seed);
    let mut times = Vec::with_capacity(queries);
    let mut slowest: Vec<(std::time::Duration, String)> = Vec::new();
    let t0 = Instant::now();
    for _ in 0..queries {
        if t0.elapsed().as_secs_f64() > budget {
            log(&format!(
                "neighbors: time budget of {budget}s spent after {} queries",
                times.len()
            ));
            break;
        }
        let name = rng.pick(&labels);
        let t = Instant::now();
        let n = match store.neighborhood(name, 1, false, zhengtu::store::NEIGHBOR_LIMIT)? {
            zhengtu::store::Lookup::Found(f, _) => f.iter().map(|x| x.levels[0].len()).sum(),
            _ => 0,
        };
        std::hint::black_box(n);
        times.push(t.elapsed());
        slowest.push((t.elapsed(), name.clone()));
        slowest.sort_by_key(|x| std::cmp::Reverse(x.0));
        slowest.truncate(5);
    }
    for (t, name) in &slowest {
        log(&format!(
            "neighbors: {name} took {:.2} ms",
            t.as_secs_f64() * 1e3
        ));
    }
    times.sort();
    Ok((
        percentile(&times, 0.50),
        percentile(&times, 0.99),
        times.len(),
    ))
}

/// Memory per article of the benchmark process, an upper estimate.
const KIB_PER_ARTICLE: u64 = 64;

/// Documents per chunk of the in-process stages (the build cuts its input
/// in chunks of bounded size the same way).
const CHUNK: usize = 100;

fn measure(o: &Options, n: usize, r: &Recognizer, jieba: &Jieba) -> Res<Row> {
    let base = o
        .dir
        .join(format!("zhengtu-scale-{n}-{}", std::process::id()));
    // what a run killed before it cleaned up left
    match std::fs::remove_dir_all(&base) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
        _ => {}
    }
    std::fs::create_dir_all(&base)?;
    let mut row = Row {
        n,
        ..Row::default()
    };
    let corpus = base.join("corpus");
    let docs = text_stage(&corpus, o.seed, &mut row)?;
    extraction_stage(r, jieba, &docs, &mut row)?;
    let nq = base.join("quads.nq");
    load_stage(r, docs, &base, &nq, &mut row)?;
    bulk_stage(&base, &nq, &mut row)?;
    let store = base.join("store-build");
    build_stage(&corpus, &store, &mut row)?;
    let (p50, p99, q) = neighbors(
        &ZStore::open_read_only(&store)?,
        o.queries,
        o.budget,
        o.seed,
    )?;
    (row.nb_p50_ms, row.nb_p99_ms, row.nb_queries) = (p50, p99, q);
    log(&format!(
        "N={n}: neighbors p50 {p50:.2} ms, p99 {p99:.2} ms"
    ));
    if !o.keep {
        std::fs::remove_dir_all(&base)?;
    }
    Ok(row)
}

/// Generates the corpus of `row.n` articles and reads it (timed).
fn text_stage(corpus: &Path, seed: u64, row: &mut Row) -> Res<Vec<Document>> {
    let n = row.n;
    let lex = zhengtu::lexicon::Lexicon::load()?;
    let sum = zhengtu::synth::generate(&lex, corpus, n, seed)?;
    drop(lex);
    log(&format!(
        "N={n}: corpus of {} files, {} chars",
        sum.files, sum.chars
    ));
    let files = pipeline::collect_inputs(&[corpus.to_path_buf()])?;
    let (docs, read_s) = secs(|| {
        files
            .iter()
            .map(|f| read_document(f))
            .collect::<Result<Vec<Document>, _>>()
    });
    let docs = docs?;
    row.read_s = read_s;
    row.files = docs.len();
    row.file_chars = docs.iter().map(|d| d.char_len as u64).sum();
    row.text_chars = article_texts(&docs)
        .iter()
        .map(|t| t.chars().count() as u64)
        .sum();
    Ok(docs)
}

/// The texts of the articles of `docs`.
fn article_texts(docs: &[Document]) -> Vec<&str> {
    docs.iter()
        .flat_map(|d| d.articles.iter().map(|a| a.text.as_str()))
        .collect()
}

/// Extraction on 1 and 2 threads, between two runs of jieba `cut`, and
/// the floors under it (jieba `tag`, the lattice).
fn extraction_stage(r: &Recognizer, jieba: &Jieba, docs: &[Document], row: &mut Row) -> Res<()> {
    let n = row.n;
    let texts = article_texts(docs);
    // warm-up (lazy initialisation, allocator), not measured
    let warm = &docs[..docs.len().min(20)];
    drop(pipeline::with_threads(2, || {
        pipeline::resolve_all(r, warm, &Quiet)
    })?);
    jieba_cut(jieba, &texts[..texts.len().min(100)]);

    row.jieba_before_s = jieba_cut(jieba, &texts);
    log(&format!("N={n}: jieba cut {:.2}s", row.jieba_before_s));
    // the floors under extraction: jieba-rs's part-of-speech tagging, and
    // the lattice every recognizer reads (tags and all lexicon matches)
    row.tag_s = secs(|| {
        texts
            .iter()
            .map(|t| jieba.tag(t, true).len())
            .sum::<usize>()
    })
    .1;
    row.lattice_s = secs(|| texts.iter().map(|t| r.lattice(t).len()).sum::<usize>()).1;
    log(&format!(
        "N={n}: jieba tag {:.2}s, lattice {:.2}s",
        row.tag_s, row.lattice_s
    ));
    // extraction results are dropped chunk by chunk: all of them at once
    // would not fit in memory at 100,000 articles
    let extract_all = |threads: usize| -> Res<f64> {
        let mut total = 0.0;
        for chunk in docs.chunks(CHUNK) {
            let (res, s) = secs(|| {
                pipeline::with_threads(threads, || pipeline::resolve_all(r, chunk, &Quiet))
            });
            drop(res?);
            total += s;
        }
        Ok(total)
    };
    row.extract1_s = extract_all(1)?;
    log(&format!(
        "N={n}: extraction, 1 thread {:.2}s",
        row.extract1_s
    ));
    row.extract2_s = extract_all(2)?;
    log(&format!(
        "N={n}: extraction, 2 threads {:.2}s",
        row.extract2_s
    ));
    row.jieba_after_s = jieba_cut(jieba, &texts);
    log(&format!("N={n}: jieba cut {:.2}s", row.jieba_after_s));
    Ok(())
}

/// Graph, quads and our store load, chunk by chunk as `build` does; the
/// same quads go to the N-Quads file `nq` for oxigraph's bulk loader.
fn load_stage(
    r: &Recognizer,
    docs: Vec<Document>,
    base: &Path,
    nq: &Path,
    row: &mut Row,
) -> Res<()> {
    let sa = base.join("store-apply");
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads)
        .for_writer(BufWriter::new(std::fs::File::create(nq)?));
    let store = ZStore::open(&sa)?;
    let mut keys: std::collections::HashSet<String> = Default::default();
    for chunk in docs.chunks(CHUNK) {
        let resolved = pipeline::with_threads(2, || pipeline::resolve_all(r, chunk, &Quiet))?;
        let (kg, gs) = secs(|| pipeline::graph_of(chunk, &resolved));
        row.graph_s += gs;
        drop(resolved);
        for node in kg.graph.node_weights() {
            if !keys.contains(&node.key) {
                keys.insert(node.key.clone());
            }
        }
        let (quads, qs) = secs(|| pipeline::quads(&kg));
        row.rdf_s += qs;
        drop(kg);
        row.quads += quads.len();
        for q in &quads {
            ser.serialize_quad(q)?;
        }
        let (res, s) = secs(|| store.apply(&[], quads));
        res?;
        row.apply_s += s;
    }
    ser.finish()?.flush()?;
    row.entities = keys.len();
    drop((docs, store));
    std::fs::remove_dir_all(&sa)?;
    log(&format!(
        "N={}: graph {:.2}s, {} quads in {:.2}s, ZStore::apply {:.2}s",
        row.n, row.graph_s, row.quads, row.rdf_s, row.apply_s
    ));
    Ok(())
}

/// oxigraph's bulk loader, default settings, loading the N-Quads file
/// `nq` into a fresh store.
fn bulk_stage(base: &Path, nq: &Path, row: &mut Row) -> Res<()> {
    let sb = base.join("store-bulk");
    {
        let store = oxigraph::store::Store::open(&sb)?;
        let f = BufReader::new(std::fs::File::open(nq)?);
        let ((), s) = secs(|| {
            let mut loader = store.bulk_loader();
            let r = loader
                .load_from_reader(RdfFormat::NQuads, f)
                .map_err(|e| e.to_string())
                .and_then(|()| loader.commit().map_err(|e| e.to_string()));
            if let Err(e) = r {
                log(&format!("bulk loader failed: {e}"));
            }
        });
        row.bulk_s = s;
        row.stored_quads = store.len()?;
    }
    std::fs::remove_dir_all(&sb)?;
    std::fs::remove_file(nq)?;
    log(&format!("N={}: bulk loader {:.2}s", row.n, row.bulk_s));
    Ok(())
}

/// `zhengtu build` of the corpus into `store`, end to end, as a user runs
/// it: wall time, peak RSS, size on disk.
fn build_stage(corpus: &Path, store: &Path, row: &mut Row) -> Res<()> {
    let (wall, rss) = run_child(&[
        "build",
        corpus.to_str().ok_or("non-UTF-8 path")?,
        "--store",
        store.to_str().ok_or("non-UTF-8 path")?,
    ])?;
    row.build_s = wall;
    row.build_rss_kib = rss;
    row.store_bytes = dir_size(store);
    log(&format!(
        "N={}: build {wall:.2}s, peak RSS {} MiB",
        row.n,
        rss / 1024
    ));
    Ok(())
}

fn thousands(x: f64) -> String {
    if !x.is_finite() {
        return "-".into();
    }
    let s = format!("{:.0}", x);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// A line of the table: its heading and its cell for a row.
type Line = (&'static str, fn(&Row) -> String);

/// The sizes of the corpus and of its graph.
const SIZES: [Line; 7] = [
    ("articles", |r: &Row| thousands(r.n as f64)),
    ("files", |r: &Row| thousands(r.files as f64)),
    ("characters (files)", |r: &Row| {
        thousands(r.file_chars as f64)
    }),
    ("characters (article texts)", |r: &Row| {
        thousands(r.text_chars as f64)
    }),
    ("entities (graph nodes)", |r: &Row| {
        thousands(r.entities as f64)
    }),
    ("quads generated", |r: &Row| thousands(r.quads as f64)),
    ("quads stored (distinct)", |r: &Row| {
        thousands(r.stored_quads as f64)
    }),
];

/// Reading and extraction, beside jieba-rs.
const EXTRACTION: [Line; 9] = [
    ("text stage, 1 thread (s)", |r: &Row| {
        format!("{:.2}", r.read_s)
    }),
    ("extraction 1 thread (chars/s)", |r: &Row| {
        thousands(r.extract1_cps())
    }),
    ("extraction 2 threads (chars/s)", |r: &Row| {
        thousands(r.extract2_cps())
    }),
    ("  speed-up 2 threads", |r: &Row| {
        format!("{:.2}x", r.extract1_s / r.extract2_s)
    }),
    ("jieba cut 1 thread (chars/s)", |r: &Row| {
        thousands(r.jieba_cps())
    }),
    ("  jieba runs before/after (s)", |r: &Row| {
        format!("{:.2}/{:.2}", r.jieba_before_s, r.jieba_after_s)
    }),
    ("extraction 1 thread / jieba", |r: &Row| {
        format!("{:.3}", r.extract1_cps() / r.jieba_cps())
    }),
    ("  jieba tag (POS, HMM) / jieba cut", |r: &Row| {
        format!("{:.3}", r.tag_cps() / r.jieba_cps())
    }),
    ("  lattice (tags, lexicon matches) / jieba", |r: &Row| {
        format!("{:.3}", r.lattice_cps() / r.jieba_cps())
    }),
];

/// The graph, its quads and their load into a store.
const LOAD: [Line; 5] = [
    ("graph build (s)", |r: &Row| format!("{:.2}", r.graph_s)),
    ("RDF quads (s)", |r: &Row| format!("{:.2}", r.rdf_s)),
    ("store load ZStore::apply (quads/s)", |r: &Row| {
        thousands(r.apply_qps())
    }),
    ("oxigraph bulk loader, N-Quads (quads/s)", |r: &Row| {
        thousands(r.bulk_qps())
    }),
    ("load / bulk loader", |r: &Row| {
        format!("{:.2}", r.apply_qps() / r.bulk_qps())
    }),
];

/// The end-to-end build, the store it makes, look-ups in it, costs per article.
const BUILD: [Line; 11] = [
    ("build end to end (s)", |r: &Row| {
        format!("{:.2}", r.build_s)
    }),
    ("build end to end (chars/s)", |r: &Row| {
        thousands(r.build_cps())
    }),
    ("build / jieba", |r: &Row| {
        format!("{:.3}", r.build_cps() / r.jieba_cps())
    }),
    ("  bulk loader alone / jieba (chars/s)", |r: &Row| {
        format!("{:.3}", r.bulk_cps() / r.jieba_cps())
    }),
    ("build peak RSS (MiB)", |r: &Row| {
        thousands(r.build_rss_kib as f64 / 1024.0)
    }),
    ("store on disk (MiB)", |r: &Row| {
        format!("{:.1}", r.store_bytes as f64 / 1048576.0)
    }),
    ("neighbors p50 (ms)", |r: &Row| {
        format!("{:.2}", r.nb_p50_ms)
    }),
    ("neighbors p99 (ms)", |r: &Row| {
        format!("{:.2}", r.nb_p99_ms)
    }),
    ("build per article (µs)", |r: &Row| {
        thousands(r.build_s * 1e6 / r.n as f64)
    }),
    ("extraction 1 thread per article (µs)", |r: &Row| {
        thousands(r.extract1_s * 1e6 / r.n as f64)
    }),
    ("store load per article (µs)", |r: &Row| {
        thousands(r.apply_s * 1e6 / r.n as f64)
    }),
];

fn print_table(rows: &[Row]) {
    let lines: Vec<Line> = [&SIZES[..], &EXTRACTION, &LOAD, &BUILD].concat();
    let w0 = lines
        .iter()
        .map(|(h, _)| h.chars().count())
        .max()
        .unwrap_or(0);
    let cells: Vec<Vec<String>> = lines
        .iter()
        .map(|(_, f)| rows.iter().map(f).collect())
        .collect();
    let widths: Vec<usize> = (0..rows.len())
        .map(|i| {
            cells
                .iter()
                .map(|c| c[i].chars().count())
                .chain(std::iter::once(
                    format!("N={}", thousands(rows[i].n as f64)).len(),
                ))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut head = format!("{:w0$}", "");
    for (i, r) in rows.iter().enumerate() {
        head.push_str(&format!(
            "  {:>w$}",
            format!("N={}", thousands(r.n as f64)),
            w = widths[i]
        ));
    }
    println!("{head}");
    for ((h, _), c) in lines.iter().zip(&cells) {
        // widths count characters
        let mut line = format!("{h:w0$}");
        for (i, v) in c.iter().enumerate() {
            line.push_str(&format!("  {v:>w$}", w = widths[i]));
        }
        println!("{line}");
    }
    if let Some(last) = rows.last() {
        println!(
            "ratios (N={}): extraction 1 thread / jieba = {:.3}, build / jieba = {:.3}, load / bulk loader = {:.2}; neighbors p99 = {:.2} ms ({} queries)",
            thousands(last.n as f64),
            last.extract1_cps() / last.jieba_cps(),
            last.build_cps() / last.jieba_cps(),
            last.apply_qps() / last.bulk_qps(),
            last.nb_p99_ms,
            last.nb_queries
        );
    }
}

/// MemAvailable from /proc/meminfo, in bytes.
fn mem_available() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn main() -> Res<()> {
    let o = options()?;
    log(&format!(
        "sizes {:?}, seed {}, {} core(s), working in {}",
        o.sizes,
        o.seed,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        o.dir.display()
    ));
    if let Some(path) = &o.lookups {
        // the look-ups alone, on a store built before (`--keep`)
        let store = ZStore::open_read_only(path)?;
        let (p50, p99, q) = neighbors(&store, o.queries, o.budget, o.seed)?;
        println!(
            "neighbors on {}: p50 {p50:.2} ms, p99 {p99:.2} ms ({q} queries)",
            path.display()
        );
        return Ok(());
    }
    let r = Recognizer::new()?;
    let jieba = Jieba::new();
    let mut rows = Vec::new();
    for &n in &o.sizes {
        let need = n as u64 * KIB_PER_ARTICLE * 1024;
        let avail = mem_available();
        if !o.force && avail.is_some_and(|a| need > a) {
            log(&format!(
                "skipping N={n}: needs about {:.1} GiB, {:.1} GiB available (--force runs it)",
                need as f64 / 1073741824.0,
                avail.unwrap_or(0) as f64 / 1073741824.0
            ));
            continue;
        }
        rows.push(measure(&o, n, &r, &jieba)?);
    }
    print_table(&rows);
    Ok(())
}
