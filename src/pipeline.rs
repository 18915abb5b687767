//! The pipeline: files → articles → mentions → entities and relations →
//! graph → quads → store. `build` reads only what changed: a file whose
//! path and content hash are already stored is skipped; a changed file
//! replaces exactly the article graphs that came from it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::graph::KnowledgeGraph;
use crate::rdf;
use crate::recognize::{RecognizeError, Recognizer};
use crate::resolve::resolve_document;
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
    /// `--strict` and some files could not be read.
    #[error("{0} file(s) could not be read; with --strict nothing was stored")]
    Strict(usize),
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

/// Extracts the graph of documents (no store).
pub fn extract(r: &Recognizer, docs: &[Document]) -> KnowledgeGraph {
    let mut kg = KnowledgeGraph::new();
    for d in docs {
        let res = resolve_document(r, d);
        kg.add_document(d, &res);
    }
    kg
}

/// The quads of a graph's articles.
pub fn quads(kg: &KnowledgeGraph) -> Vec<oxigraph::model::Quad> {
    quads_by_file(kg).into_values().flatten().collect()
}

/// The quads of a graph's articles, by source file path.
pub fn quads_by_file(kg: &KnowledgeGraph) -> BTreeMap<String, Vec<oxigraph::model::Quad>> {
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
    let mut out: BTreeMap<String, Vec<oxigraph::model::Quad>> = BTreeMap::new();
    for a in &kg.articles {
        out.entry(a.path.clone())
            .or_default()
            .extend(rdf::article_quads(a, &ents));
    }
    out
}

/// Options of a build.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Fail the whole build (writing nothing) if any file cannot be read.
    pub strict: bool,
}

/// Builds (or updates) the store from input paths.
///
/// Unchanged files (same path, same content hash) are skipped; new files
/// are bulk-loaded together; a changed file's article graphs are replaced in
/// one transaction. The new state is then published to readers.
pub fn build(
    r: &Recognizer,
    store: &ZStore,
    inputs: &[PathBuf],
    opts: BuildOptions,
) -> Result<BuildReport, PipelineError> {
    let files = collect_inputs(inputs)?;
    let stored = store.files()?;
    let mut report = BuildReport::default();
    let mut docs = Vec::new();
    let mut old_graphs: BTreeMap<String, Vec<oxigraph::model::NamedNode>> = BTreeMap::new();
    for f in files {
        match read_document(&f) {
            Ok(doc) => {
                let key = doc.path.to_string_lossy().into_owned();
                match stored.get(&key) {
                    Some(s) if s.hash == doc.hash => report.unchanged.push(f),
                    Some(s) => {
                        old_graphs.insert(key, s.graphs.clone());
                        docs.push(doc);
                    }
                    None => docs.push(doc),
                }
            }
            Err(error) => report.skipped.push(Skipped { path: f, error }),
        }
    }
    if opts.strict && !report.skipped.is_empty() {
        return Err(PipelineError::Strict(report.skipped.len()));
    }
    let kg = extract(r, &docs);
    let mut fresh = Vec::new();
    let mut replaced = Vec::new();
    for (path, qs) in quads_by_file(&kg) {
        report.quads += qs.len();
        match old_graphs.remove(&path) {
            Some(old) => {
                report.removed_graphs += old.len();
                replaced.push((old, qs));
            }
            None => fresh.extend(qs),
        }
    }
    report.articles = kg.articles.len();
    let changed = !fresh.is_empty() || !replaced.is_empty();
    if !store.has_ontology()? {
        fresh.extend(crate::store::ontology_quads());
    }
    if !fresh.is_empty() {
        store.apply(&[], fresh)?;
    }
    store.replace(replaced)?;
    if changed || !store.has_view() {
        store.publish()?;
    }
    report.ingested = docs.into_iter().map(|d| d.path).collect();
    report.graph = kg;
    Ok(report)
}

/// Removes documents from the store: every stored file whose path is one
/// of `paths` or lies under one of them. Returns the removed file paths.
pub fn remove(store: &ZStore, paths: &[PathBuf]) -> Result<Vec<String>, PipelineError> {
    let stored = store.files()?;
    let wanted: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches('/').to_string())
        .collect();
    let mut gone = Vec::new();
    let mut graphs = Vec::new();
    for (path, f) in &stored {
        let hit = wanted
            .iter()
            .any(|w| path == w || path.starts_with(&format!("{w}/")));
        if hit {
            gone.push(path.clone());
            graphs.extend(f.graphs.iter().cloned());
        }
    }
    if gone.is_empty() {
        return Err(PipelineError::Input {
            path: paths.first().cloned().unwrap_or_default(),
            msg: "no document of the store comes from this path".to_string(),
        });
    }
    store.apply(&graphs, Vec::new())?;
    store.publish()?;
    Ok(gone)
}
