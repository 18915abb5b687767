//! The pipeline: files → articles → mentions → entities and relations →
//! graph → quads → store. `build` reads only what changed: a file whose
//! path and content hash are already stored is skipped; a changed file
//! replaces exactly the article graphs that came from it.
//!
//! Files are read and documents extracted in parallel (rayon, on the
//! current thread pool: see [`with_threads`]); results are collected in
//! input order and merged into the graph one after another, so the output
//! does not depend on the number of threads.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use oxigraph::model::{NamedNode, Quad};

use rayon::prelude::*;

use crate::graph::KnowledgeGraph;
use crate::rdf;
use crate::recognize::{RecognizeError, Recognizer};
use crate::resolve::{resolve_document, ResolvedDoc};
use crate::store::{StoreError, StoredFile, ZStore};
use crate::text::{read_document, Document, TextError};
use crate::EntityType;

/// Errors of the pipeline.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The recognizers could not be set up.
    #[error(transparent)]
    Recognize(#[from] RecognizeError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `--strict` and some files could not be read: each, with the reason.
    #[error("{} file(s) could not be read; with --strict nothing was stored", .0.len())]
    Strict(Vec<Skipped>),
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
    /// Distinct entities of the ingested files, per type.
    pub entities: Vec<(EntityType, usize)>,
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

/// Adds the text files under `dir` to `out`, at any depth. Hidden files
/// and directories (a name starting with a dot) are left out; links are
/// followed, except a link to a directory it is in (whose files are
/// listed once, under that directory); a link to nothing is listed, so
/// that reading it reports it.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), PipelineError> {
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().as_encoded_bytes().starts_with(b"."));
    for entry in entries {
        let path = match entry {
            Ok(e) if e.file_type().is_dir() => continue,
            Ok(e) => e.into_path(),
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => match e.path().filter(|p| is_dangling_link(p)) {
                Some(p) => p.to_path_buf(),
                None => {
                    return Err(PipelineError::Input {
                        path: e.path().unwrap_or(dir).to_path_buf(),
                        msg: match e.io_error() {
                            Some(io) => io.to_string(),
                            None => e.to_string(),
                        },
                    })
                }
            },
        };
        if is_text_name(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Whether a path is a symbolic link whose target does not exist.
fn is_dangling_link(p: &Path) -> bool {
    p.symlink_metadata().is_ok_and(|m| m.is_symlink()) && std::fs::metadata(p).is_err()
}

/// Whether a file name is one of a text file: `.txt`, `.text`, `.md` (in
/// any case) or no extension.
fn is_text_name(p: &Path) -> bool {
    let ext = p.extension().map(|e| e.to_string_lossy().to_lowercase());
    matches!(
        ext.as_deref(),
        None | Some("txt") | Some("text") | Some("md")
    )
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

/// The quads of a graph's articles.
pub fn quads(kg: &KnowledgeGraph) -> Vec<oxigraph::model::Quad> {
    quads_by_file(kg).into_values().flatten().collect()
}

/// The quads of a graph's articles, by source file path.
pub(crate) fn quads_by_file(kg: &KnowledgeGraph) -> BTreeMap<String, Vec<oxigraph::model::Quad>> {
    let mut out: BTreeMap<String, Vec<oxigraph::model::Quad>> = BTreeMap::new();
    for a in &kg.articles {
        out.entry(a.article.path.clone())
            .or_default()
            .extend(rdf::article_quads(kg, a));
    }
    out
}

/// Options of a build.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Fail the whole build (writing nothing) if any file cannot be read.
    pub strict: bool,
}

/// Files of one chunk are at most this many bytes together (about 700,000
/// characters of Chinese text, some 1,500 articles): the quads of one chunk
/// are held in memory at once, so this bounds a build's memory whatever the
/// number of files.
const CHUNK_BYTES: u64 = 2 << 20;
/// And at most this many files.
const CHUNK_FILES: usize = 2048;

/// Cuts files into chunks of bounded size, in order.
fn chunks(files: Vec<PathBuf>) -> Vec<Vec<PathBuf>> {
    let mut out: Vec<Vec<PathBuf>> = Vec::new();
    let mut cur = Vec::new();
    let mut bytes = 0u64;
    for f in files {
        let len = std::fs::metadata(&f).map(|m| m.len()).unwrap_or(0);
        if !cur.is_empty() && (bytes + len > CHUNK_BYTES || cur.len() >= CHUNK_FILES) {
            out.push(std::mem::take(&mut cur));
            bytes = 0;
        }
        bytes += len;
        cur.push(f);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// [`build`], reporting progress.
///
/// Files go through in chunks of bounded size (read, extract, store, then
/// the next chunk), so memory does not grow with the corpus. Each chunk's
/// new documents are bulk-loaded in one atomic load and each changed
/// document is replaced in its own transaction; the new state is published
/// to readers once, at the end. Entities are identified by key, and an
/// article's quads depend only on its own document, so the stored graph
/// does not depend on how files fall into chunks.
pub fn build_with(
    r: &Recognizer,
    store: &ZStore,
    inputs: &[PathBuf],
    opts: BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, PipelineError> {
    let files = collect_inputs(inputs)?;
    let stored = store.files()?;
    if opts.strict {
        // nothing is written unless every file reads
        check_readable(&files, progress)?;
    }
    let mut report = BuildReport::default();
    let mut seen: HashMap<String, EntityType> = HashMap::new();
    let mut changed = false;
    let mut ontology = store.has_ontology()?;
    progress.stage("building", files.len() as u64);
    for chunk in chunks(files) {
        let mut chunk = read_chunk(store, &stored, chunk, &mut report, progress)?;
        if chunk.docs.is_empty() {
            continue;
        }
        let (mut fresh, replaced) = quads_of_chunk(r, &mut chunk, &mut report, &mut seen, progress);
        changed |= !fresh.is_empty() || !replaced.is_empty();
        if !ontology {
            fresh.extend(crate::store::ontology_quads());
            ontology = true;
        }
        if !fresh.is_empty() {
            store.apply(&[], fresh)?;
        }
        store.replace(replaced)?;
        report
            .ingested
            .extend(chunk.docs.into_iter().map(|d| d.path));
    }
    if !ontology {
        store.apply(&[], crate::store::ontology_quads())?;
        changed = true;
    }
    progress.stage("publishing", 0);
    if changed || store.needs_publish() {
        store.publish()?;
    }
    report.entities = EntityType::ALL
        .iter()
        .map(|&t| (t, seen.values().filter(|&&x| x == t).count()))
        .collect();
    Ok(report)
}

/// Reads every file (in parallel) and fails with those that cannot be
/// read, each with the reason, if there are any.
fn check_readable(files: &[PathBuf], progress: &dyn Progress) -> Result<(), PipelineError> {
    progress.stage("checking", files.len() as u64);
    let bad: Vec<Skipped> = files
        .par_iter()
        .filter_map(|f| {
            let d = read_document(f);
            progress.advance(1);
            d.err().map(|error| Skipped {
                path: f.clone(),
                error,
            })
        })
        .collect();
    if bad.is_empty() {
        Ok(())
    } else {
        Err(PipelineError::Strict(bad))
    }
}

/// The documents of a chunk to (re)store, and the article graphs each
/// changed one replaces (by path).
struct Chunk {
    docs: Vec<Document>,
    old_graphs: BTreeMap<String, Vec<NamedNode>>,
}

/// Reads the files of a chunk (in parallel): a file whose content hash
/// is the stored one is not parsed again (reported unchanged), one that
/// cannot be read is reported skipped.
fn read_chunk(
    store: &ZStore,
    stored: &BTreeMap<String, StoredFile>,
    files: Vec<PathBuf>,
    report: &mut BuildReport,
    progress: &dyn Progress,
) -> Result<Chunk, PipelineError> {
    let read: Vec<_> = files
        .par_iter()
        .map(|f| {
            let known = stored.get(f.to_string_lossy().as_ref());
            crate::text::read_changed(f, known.map(|s| s.hash.as_str()))
        })
        .collect();
    let mut chunk = Chunk {
        docs: Vec::new(),
        old_graphs: BTreeMap::new(),
    };
    for (f, d) in files.into_iter().zip(read) {
        match d {
            Ok(None) => {
                report.unchanged.push(f);
                progress.advance(1);
            }
            Ok(Some(doc)) => {
                let key = doc.path.to_string_lossy().into_owned();
                if let Some(s) = stored.get(&key) {
                    chunk.old_graphs.insert(key, store.graphs_of(s)?);
                }
                chunk.docs.push(doc);
            }
            Err(error) => {
                report.skipped.push(Skipped { path: f, error });
                progress.advance(1);
            }
        }
    }
    Ok(chunk)
}

/// The article graphs of a changed document and the quads replacing them.
type Replacement = (Vec<NamedNode>, Vec<Quad>);

/// The quads of a chunk's documents (extracted in parallel): those of new
/// documents, to be loaded, and for each changed document the graphs it
/// replaces with its quads. Counts them, and the entities, in the report.
fn quads_of_chunk(
    r: &Recognizer,
    chunk: &mut Chunk,
    report: &mut BuildReport,
    seen: &mut HashMap<String, EntityType>,
    progress: &dyn Progress,
) -> (Vec<Quad>, Vec<Replacement>) {
    let resolved = resolve_all(r, &chunk.docs, progress);
    let kg = graph_of(&chunk.docs, &resolved);
    drop(resolved);
    let mut fresh = Vec::new();
    let mut replaced = Vec::new();
    for (path, qs) in quads_by_file(&kg) {
        report.quads += qs.len();
        match chunk.old_graphs.remove(&path) {
            Some(old) => {
                report.removed_graphs += old.len();
                replaced.push((old, qs));
            }
            None => fresh.extend(qs),
        }
    }
    report.articles += kg.articles.len();
    for n in kg.graph.node_weights() {
        if !seen.contains_key(&n.key) {
            seen.insert(n.key.clone(), n.etype);
        }
    }
    (fresh, replaced)
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
            graphs.extend(store.graphs_of(f)?);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_the_text_files_under_the_paths_sorted_once_each() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "b/2.TXT",
            "b/c/3.md",
            "b/c/notes",
            "a.text",
            "b/x.json",
            ".h/1.txt",
            "b/.h.txt",
        ] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "文").unwrap();
        }
        #[cfg(unix)]
        {
            // a link to nothing is listed (reading it reports it); a link
            // to a directory above it adds nothing
            std::os::unix::fs::symlink(d.join("gone.txt"), d.join("b/dead.txt")).unwrap();
            std::os::unix::fs::symlink(d.join("b"), d.join("b/c/up")).unwrap();
        }
        let found = collect_inputs(&[d.to_path_buf(), d.join("a.text")]).unwrap();
        let rel: Vec<String> = found
            .iter()
            .map(|p| p.strip_prefix(d).unwrap().to_string_lossy().into_owned())
            .collect();
        let mut want = vec!["a.text", "b/2.TXT", "b/c/3.md", "b/c/notes"];
        if cfg!(unix) {
            want.push("b/dead.txt");
        }
        assert_eq!(rel, want);
        let missing = collect_inputs(&[d.join("nowhere")]);
        assert!(matches!(missing, Err(PipelineError::Input { .. })));
    }
}
