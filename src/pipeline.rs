//! The pipeline: files → articles → mentions → entities and relations →
//! graph → quads → store. `build` reads only what changed: a file whose
//! path and content hash are already stored is skipped; a changed file
//! replaces exactly the article graphs that came from it.
//!
//! Files are read and documents extracted in parallel (rayon, on the
//! current thread pool: see [`with_threads`]); results are collected in
//! input order and merged into the graph one after another, so the output
//! does not depend on the number of threads.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::graph::KnowledgeGraph;
use crate::rdf;
use crate::recognize::{RecognizeError, Recognizer};
use crate::resolve::{resolve_document, ResolvedDoc};
use crate::store::{StoreError, ZStore};
use crate::text::{read_document, Document, TextError};

/// Errors of the pipeline.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The recognizers could not be set up.
    #[error(transparent)]
    Recognize(#[from] RecognizeError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The thread pool could not be started.
    #[error("cannot start {threads} worker thread(s): {msg}")]
    Threads {
        /// Threads asked for.
        threads: usize,
        /// What failed.
        msg: String,
    },
    /// An input path does not exist or cannot be listed.
    #[error("{path}: {msg}")]
    Input {
        /// The path.
        path: PathBuf,
        /// What is wrong.
        msg: String,
    },
}

/// A file that could not be ingested, and why.
#[derive(Debug)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// The reason.
    pub error: TextError,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Files read and (re)stored.
    pub ingested: Vec<PathBuf>,
    /// Files already stored with the same content.
    pub unchanged: Vec<PathBuf>,
    /// Files that could not be read.
    pub skipped: Vec<Skipped>,
    /// Articles stored.
    pub articles: usize,
    /// Quads written.
    pub quads: usize,
    /// Article graphs removed (replaced).
    pub removed_graphs: usize,
    /// The graph of the ingested files.
    pub graph: KnowledgeGraph,
}

/// Lists input files: files as given; directories walked recursively for
/// text files (`.txt`, `.text`, `.md`, or no extension), sorted.
pub fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, PipelineError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| PipelineError::Input {
            path: p.clone(),
            msg: if e.kind() == std::io::ErrorKind::NotFound {
                "no such file or directory".to_string()
            } else {
                e.to_string()
            },
        })?;
        if meta.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), PipelineError> {
    let rd = std::fs::read_dir(dir).map_err(|e| PipelineError::Input {
        path: dir.to_path_buf(),
        msg: e.to_string(),
    })?;
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase());
            if matches!(
                ext.as_deref(),
                None | Some("txt") | Some("text") | Some("md")
            ) {
                out.push(p);
            }
        }
    }
    Ok(())
}

/// Reports the progress of a build: stages with their sizes, and units
/// done. Called from worker threads.
pub trait Progress: Sync {
    /// A stage starts (`reading`, `extracting`, `storing`) with `total`
    /// units (files, documents; 0 if unknown).
    fn stage(&self, _name: &'static str, _total: u64) {}
    /// `n` units of the current stage are done.
    fn advance(&self, _n: u64) {}
}

/// Progress that is not shown.
pub struct Quiet;

impl Progress for Quiet {}

/// Runs `f` on a thread pool of `threads` threads (0: one per core), which
/// the parallel stages of the pipeline use.
pub fn with_threads<T: Send>(
    threads: usize,
    f: impl FnOnce() -> T + Send,
) -> Result<T, PipelineError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| PipelineError::Threads {
            threads,
            msg: e.to_string(),
        })?;
    Ok(pool.install(f))
}

/// Recognizes and resolves documents in parallel; the results are in the
/// order of `docs`.
pub fn resolve_all(r: &Recognizer, docs: &[Document], progress: &dyn Progress) -> Vec<ResolvedDoc> {
    docs.par_iter()
        .map(|d| {
            let res = resolve_document(r, d);
            progress.advance(1);
            res
        })
        .collect()
}

/// Merges resolved documents into one graph, in order.
pub fn graph_of(docs: &[Document], resolved: &[ResolvedDoc]) -> KnowledgeGraph {
    let mut kg = KnowledgeGraph::new();
    for (d, res) in docs.iter().zip(resolved) {
        kg.add_document(d, res);
    }
    kg
}

/// Extracts the graph of documents (no store).
pub fn extract(r: &Recognizer, docs: &[Document]) -> KnowledgeGraph {
    graph_of(docs, &resolve_all(r, docs, &Quiet))
}

/// The quads of a graph's articles.
pub fn quads(kg: &KnowledgeGraph) -> Vec<oxigraph::model::Quad> {
    let ents: BTreeMap<String, _> = kg
        .graph
        .node_weights()
        .map(|n| {
            (
                n.key.clone(),
                (n.etype, n.name.clone(), n.code.clone(), n.level),
            )
        })
        .collect();
    kg.articles
        .iter()
        .flat_map(|a| rdf::article_quads(a, &ents))
        .collect()
}

/// Builds (or updates) the store from input paths.
pub fn build(
    r: &Recognizer,
    store: &ZStore,
    inputs: &[PathBuf],
) -> Result<BuildReport, PipelineError> {
    build_with(r, store, inputs, &Quiet)
}

/// [`build`], reporting progress.
pub fn build_with(
    r: &Recognizer,
    store: &ZStore,
    inputs: &[PathBuf],
    progress: &dyn Progress,
) -> Result<BuildReport, PipelineError> {
    let files = collect_inputs(inputs)?;
    let stored = store.files()?;
    let mut report = BuildReport::default();
    let mut docs = Vec::new();
    let mut remove = Vec::new();
    progress.stage("reading", files.len() as u64);
    let read: Vec<_> = files
        .par_iter()
        .map(|f| {
            let d = read_document(f);
            progress.advance(1);
            d
        })
        .collect();
    for (f, d) in files.into_iter().zip(read) {
        match d {
            Ok(doc) => {
                let key = doc.path.to_string_lossy().into_owned();
                match stored.get(&key) {
                    Some(s) if s.hash == doc.hash => report.unchanged.push(f),
                    Some(s) => {
                        remove.extend(s.graphs.iter().cloned());
                        docs.push(doc);
                    }
                    None => docs.push(doc),
                }
            }
            Err(error) => report.skipped.push(Skipped { path: f, error }),
        }
    }
    progress.stage("extracting", docs.len() as u64);
    let resolved = resolve_all(r, &docs, progress);
    let kg = graph_of(&docs, &resolved);
    drop(resolved);
    progress.stage("storing", 0);
    let qs = quads(&kg);
    report.quads = qs.len();
    report.articles = kg.articles.len();
    report.removed_graphs = remove.len();
    store.ensure_ontology()?;
    store.apply(&remove, qs)?;
    report.ingested = docs.into_iter().map(|d| d.path).collect();
    report.graph = kg;
    Ok(report)
}
