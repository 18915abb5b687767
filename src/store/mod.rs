//! The store stage: quads → an embedded oxigraph store (RocksDB on disk),
//! and everything read back from it: SPARQL over the union of all article
//! graphs, the neighbours of an entity found by any of its names, counts.
//!
//! A store directory holds:
//! - `LOCK`: locked (an advisory lock of the operating system) by the one
//!   writer (`build`, `remove`) while it has the store open; a second writer
//!   fails with [`StoreError::Locked`] before it touches the database. The
//!   lock goes with the process, however it ends;
//! - `db/`: the oxigraph database, opened by that writer;
//! - `views/N/`: read-only checkpoints of `db` (hard links, made after each
//!   change with RocksDB's checkpoint), each with its lookup index
//!   `views/N/LOOKUP` (names, classes and distinct relations of the
//!   entities, read by `neighbors`; see `lookup`), and `VIEW`, the name of
//!   the newest complete one, replaced atomically (write + rename);
//! - `UNPUBLISHED`: present from the first write of a change until its
//!   view is published, so that a build killed in between is published by
//!   the next one even if that has nothing left to write.
//!
//! Readers (`query`, `neighbors`, `export`, `serve`) open the newest view, so
//! they run while a build writes and never see half of a change. Writes are
//! atomic per document: new documents go in one bulk load (committed as a
//! whole), a changed document's graphs are replaced in one transaction, and
//! a view is published only after they commit. A process killed at any
//! point leaves each document in its previous or its new state.
//!
//! Takes: [`oxigraph::model::Quad`]s. Gives: query results.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults, SparqlEvaluator,
    SparqlSyntaxError,
};
use oxigraph::store::{SerializerError, StorageError, Store};

use crate::rdf::ONTOLOGY_TTL;
use crate::vocab::{self, ONTOLOGY_GRAPH, ZT};
use crate::Predicate;

mod lookup;
mod merged;

pub(crate) use lookup::LookupError;

/// Errors of the store. Each keeps the error it comes from as its
/// source, so that a caller can tell them apart by type (a closed pipe, a
/// storage failure) and print the whole chain.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the write lock (the store's `LOCK` file).
    #[error("store {} is locked by another zhengtu process", .0.display())]
    Locked(PathBuf),
    /// The store does not exist.
    #[error("no store at {} (run `zhengtu build` first)", .0.display())]
    Missing(PathBuf),
    /// The store was opened for reading and asked to write.
    #[error("store {} was opened read-only", .0.display())]
    ReadOnly(PathBuf),
    /// RocksDB or oxigraph failed.
    #[error("store {}", path.display())]
    Storage {
        /// The store (or view) directory.
        path: PathBuf,
        /// What failed.
        #[source]
        source: StorageError,
    },
    /// A file or directory of the store could not be read or written.
    #[error("store file {}", path.display())]
    File {
        /// The file or directory.
        path: PathBuf,
        /// What failed.
        #[source]
        source: std::io::Error,
    },
    /// The lookup index of a view could not be read or written.
    #[error("store {}", path.display())]
    Lookup {
        /// The view (or store) directory.
        path: PathBuf,
        /// What failed.
        #[source]
        source: LookupError,
    },
    /// Writing quads out (a dump) failed.
    #[error("cannot write the quads")]
    Write(#[source] std::io::Error),
    /// The SPARQL query does not parse.
    #[error("the query does not parse")]
    Syntax(#[source] SparqlSyntaxError),
    /// The query failed while running.
    #[error("the query failed")]
    Evaluation(#[source] QueryEvaluationError),
    /// The query ran longer than allowed and was cancelled.
    #[error("the query was cancelled after {} s", .0.as_secs_f64())]
    Timeout(Duration),
    /// A query that is not a SELECT was given where rows are read.
    #[error("not a SELECT query")]
    NotSelect,
}

impl StoreError {
    /// The error of a query that failed while it ran, given how long it
    /// was allowed to run: [`StoreError::Timeout`] if it was cancelled (its
    /// time was up), else [`StoreError::Evaluation`].
    pub fn of_query(source: QueryEvaluationError, timeout: Option<Duration>) -> StoreError {
        match (source, timeout) {
            (QueryEvaluationError::Cancelled, Some(t)) => StoreError::Timeout(t),
            (source, _) => StoreError::Evaluation(source),
        }
    }
}

/// A source file as recorded in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredFile {
    /// Hex SHA-256 of the content.
    pub(crate) hash: String,
    /// The file's node (its articles' graphs: [`ZStore::graphs_of`]).
    pub(crate) node: NamedNode,
}

/// The zhengtu store.
pub struct ZStore {
    store: Store,
    path: PathBuf,
    /// The store directory (holding db/, views/, VIEW).
    root: PathBuf,
    /// A writer's lock of the store (its `LOCK` file, locked while this
    /// is open); none for a reader.
    writer_lock: Option<File>,
    /// The view's lookup index (a read-only store of a view that has one).
    lookup: Option<lookup::Reader>,
    /// A writer's facts of the lookup index, gathered from the quads it
    /// writes, while they and the published index they start from (if the
    /// database was not empty when opened) are all of the database:
    /// nothing was removed and no unpublished change was left by a killed
    /// process. Else the index is read from the database when published.
    facts: std::sync::Mutex<Option<lookup::Facts>>,
    /// A writer's digests of the merged graph's facts it has loaded, so
    /// that a fact stated again by a later chunk of a build is not loaded
    /// again (cleared when graphs are removed).
    loaded: std::sync::Mutex<merged::Loaded>,
}

/// The marker of unpublished changes in a store directory.
const DIRTY: &str = "UNPUBLISHED";

/// The file a writer locks in a store directory.
const LOCK: &str = "LOCK";

/// Threads of the bulk loader: each writes the sorted files of its share
/// of a load (a machine of two cores is the target).
const LOAD_THREADS: usize = 2;

/// The database directory of a store.
fn db_dir(root: &Path) -> PathBuf {
    root.join("db")
}

/// The newest published view of a store, if any.
fn current_view(root: &Path) -> Option<PathBuf> {
    let name = std::fs::read_to_string(root.join("VIEW")).ok()?;
    let dir = root.join("views").join(name.trim());
    dir.join("CURRENT").exists().then_some(dir)
}

/// The bytes on disk of the files under a store's directory, each file
/// once (the views share the database's files by hard links).
pub fn disk_size(dir: &Path) -> u64 {
    let mut seen = std::collections::HashSet::new();
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let Ok(meta) = e.metadata() else { continue };
            if meta.is_dir() {
                stack.push(e.path());
            } else if seen.insert(file_id(&meta)) {
                total += meta.len();
            }
        }
    }
    total
}

/// A file's identity (device and inode), so that hard links count once.
#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// A file's identity where inodes are not exposed: its size and time.
#[cfg(not(unix))]
fn file_id(meta: &std::fs::Metadata) -> (u64, u64) {
    let t = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    (meta.len(), t.map_or(0, |d| d.as_nanos() as u64))
}

/// Takes the writer's lock of the store at `root`: its `LOCK` file,
/// locked for as long as the file returned is open.
fn lock(root: &Path) -> Result<File, StoreError> {
    let path = root.join(LOCK);
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| file(&path, e))?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked(root.to_path_buf())),
        Err(std::fs::TryLockError::Error(e)) => Err(file(&path, e)),
    }
}

/// Makes the entries of a directory (a file created or renamed in it)
/// durable, as far as the file system allows: some refuse to sync a
/// directory, and the data itself is already synced, so a failure is not
/// an error.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        d.sync_all().ok();
    }
}

/// A failure of oxigraph's storage in the store at `path`.
fn storage(path: &Path, source: StorageError) -> StoreError {
    StoreError::Storage {
        path: path.to_path_buf(),
        source,
    }
}

/// A failure to read or write the file (or directory) `path`.
fn file(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::File {
        path: path.to_path_buf(),
        source,
    }
}

/// A failure of the lookup index of the view (or store) at `path`.
fn lookup_failed(path: &Path, source: impl Into<LookupError>) -> StoreError {
    StoreError::Lookup {
        path: path.to_path_buf(),
        source: source.into(),
    }
}

/// The graphs a query reads.
#[derive(Debug, Clone, Default)]
pub enum Dataset {
    /// The merged graph (each fact of the articles once) as the default
    /// graph, every article graph as a named graph; a query's FROM and
    /// FROM NAMED choose others.
    #[default]
    Merged,
    /// The union of all graphs (every article's copy of each fact) as the
    /// default graph, whatever FROM the query has: the model before the
    /// merged graph, kept for comparison.
    Union,
    /// The graphs the query names (FROM, FROM NAMED), or else the merged
    /// graph.
    AsQueried,
    /// These graphs, whatever the query names (the SPARQL protocol's
    /// `default-graph-uri` and `named-graph-uri`).
    Given {
        /// The graphs whose union is the default graph.
        default: Vec<GraphName>,
        /// The graphs `GRAPH` can read.
        named: Vec<NamedOrBlankNode>,
    },
}

/// A SPARQL evaluator, cancelled with `token` if one is given.
fn evaluator(token: Option<CancellationToken>) -> SparqlEvaluator {
    match token {
        Some(t) => SparqlEvaluator::new().with_cancellation_token(t),
        None => SparqlEvaluator::new(),
    }
}

/// A prefix block for queries.
pub use crate::vocab::PREFIXES;

impl ZStore {
    /// Opens (or creates) a store for writing. Only one process may write a
    /// store at a time; another gets [`StoreError::Locked`].
    pub fn open(path: &Path) -> Result<ZStore, StoreError> {
        let db = db_dir(path);
        std::fs::create_dir_all(&db).map_err(|e| file(&db, e))?;
        let writer_lock = lock(path)?;
        let store = Store::open(&db).map_err(|e| storage(path, e))?;
        let mut z = ZStore {
            store,
            path: db,
            root: path.to_path_buf(),
            writer_lock: Some(writer_lock),
            lookup: None,
            facts: std::sync::Mutex::new(None),
            loaded: Default::default(),
        };
        // the index of an empty database is that of the quads it is given;
        // that of a database as it was published, the published index and
        // the quads it is given
        // a store written before the merged graph existed gets it
        if merged::is_missing(&z.store).map_err(|e| storage(path, e))? {
            z.mark_dirty()?;
            merged::rebuild(&z.store).map_err(|e| storage(path, e))?;
        }
        if z.store.is_empty().map_err(|e| storage(path, e))? {
            z.facts = std::sync::Mutex::new(Some(lookup::Facts::default()));
        } else if !path.join(DIRTY).exists() {
            if let Some(view) = current_view(path).filter(|v| v.join(lookup::FILE).exists()) {
                z.facts = std::sync::Mutex::new(Some(lookup::Facts::on(view)));
            }
        }
        Ok(z)
    }

    /// Opens the newest published view of a store for reading (see the
    /// module documentation); safe while another process writes.
    pub fn open_read_only(path: &Path) -> Result<ZStore, StoreError> {
        let dir = current_view(path).ok_or_else(|| StoreError::Missing(path.to_path_buf()))?;
        let store = Store::open_read_only(&dir).map_err(|e| storage(path, e))?;
        Ok(ZStore {
            store,
            lookup: lookup::Reader::open(&dir),
            path: dir,
            root: path.to_path_buf(),
            writer_lock: None,
            facts: std::sync::Mutex::new(None),
            loaded: Default::default(),
        })
    }

    /// Publishes the database as the newest view: a checkpoint under
    /// `views/` with its lookup index (see `lookup`), then `VIEW` switched
    /// to it atomically. Older views beyond
    /// the two before it are removed (a reader still using one keeps its
    /// open files).
    pub(crate) fn publish(&self) -> Result<(), StoreError> {
        self.publish_keeping(2, None)
    }

    /// Compacts the database (RocksDB's full compaction) and publishes it
    /// as the only view. The compactions that follow a build replace the
    /// files it loaded, which the views published before keep on disk;
    /// after this the store holds each file once, compacted. It reads and
    /// rewrites the whole database (minutes on a large store); readers go
    /// on reading meanwhile, and one that opens an older view as it is
    /// dropped has to open the store again.
    pub fn compact(&self) -> Result<(), StoreError> {
        self.check_writer()?;
        // (the published index stays right where nothing changed since)
        let index = current_view(&self.root)
            .filter(|_| !self.needs_publish())
            .map(|v| v.join(lookup::FILE))
            .filter(|f| f.exists());
        self.store.optimize().map_err(|e| storage(&self.root, e))?;
        self.publish_keeping(0, index)
    }

    /// Publishes the database as the newest view, keeping the `keep` views
    /// before it; its lookup index is a copy of `index` where one is given.
    fn publish_keeping(&self, keep: u64, index: Option<PathBuf>) -> Result<(), StoreError> {
        self.check_writer()?;
        let views = self.root.join("views");
        std::fs::create_dir_all(&views).map_err(|e| file(&views, e))?;
        let mut numbers: Vec<u64> = std::fs::read_dir(&views)
            .map_err(|e| file(&views, e))?
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
            .collect();
        numbers.sort_unstable();
        let next = numbers.last().map_or(1, |n| n + 1);
        let name = format!("{next:012}");
        self.store.flush().map_err(|e| storage(&self.root, e))?;
        self.store
            .backup(views.join(&name))
            .map_err(|e| storage(&self.root, e))?;
        // its lookup index, before VIEW names it
        let dir = views.join(&name);
        match index {
            Some(f) => {
                let to = dir.join(lookup::FILE);
                std::fs::copy(&f, &to).map_err(|e| file(&to, e))?;
            }
            None => self.write_index(&dir)?,
        }
        self.switch_view(&name)?;
        // keep this view and the `keep` before it; drop older and
        // unfinished ones (one that cannot be removed now is removed by a
        // later publication)
        for n in numbers {
            if n + keep < next || n > next {
                std::fs::remove_dir_all(views.join(format!("{n:012}"))).ok();
            }
        }
        Ok(())
    }

    /// Writes the lookup index of the database into the view `dir`.
    fn write_index(&self, dir: &Path) -> Result<(), StoreError> {
        let mut facts = self.facts.lock().unwrap_or_else(|e| e.into_inner());
        // the published index the facts add to: merged with the new lines
        // in one pass where the facts only add to it, else read whole (an
        // unreadable one is given up: the database is read instead)
        let mut merged = false;
        if let Some(f) = facts.as_mut() {
            if let Some(base) = f.base.take() {
                merged = lookup::write_merged(f, &base, dir).unwrap_or(false);
                if !merged && f.add_index(&base).is_err() {
                    *facts = None;
                }
            }
        }
        if merged {
            return Ok(());
        }
        let read;
        let facts = match facts.as_ref() {
            Some(f) => f,
            None => {
                read = lookup::Facts::of_store(&self.store)
                    .map_err(|e| lookup_failed(&self.root, e))?;
                &read
            }
        };
        lookup::write(facts, dir).map_err(|e| lookup_failed(dir, e))
    }

    /// Names the view `name` in `VIEW` (written aside, then renamed over
    /// it) and clears the marker of unpublished changes.
    fn switch_view(&self, name: &str) -> Result<(), StoreError> {
        use std::io::Write;
        let tmp = self.root.join("VIEW.tmp");
        let mut f = File::create(&tmp).map_err(|e| file(&tmp, e))?;
        f.write_all(name.as_bytes()).map_err(|e| file(&tmp, e))?;
        f.sync_all().map_err(|e| file(&tmp, e))?;
        drop(f);
        let view = self.root.join("VIEW");
        std::fs::rename(&tmp, &view).map_err(|e| file(&view, e))?;
        sync_dir(&self.root);
        let dirty = self.root.join(DIRTY);
        match std::fs::remove_file(&dirty) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(file(&dirty, e)),
        }
    }

    /// Whether a store opened read-only still reads the newest published
    /// view (a build publishes a new one when it completes).
    pub(crate) fn is_newest_view(&self) -> bool {
        current_view(&self.root).is_none_or(|v| v == self.path)
    }

    /// Whether the store has been published at least once.
    pub(crate) fn has_view(&self) -> bool {
        current_view(&self.root).is_some()
    }

    /// Whether the database holds changes not yet published: never
    /// published, or a write began after the last publication (a process
    /// killed between its writes and their publication leaves this set, so
    /// the next build publishes even when it has nothing to write).
    pub(crate) fn needs_publish(&self) -> bool {
        !self.has_view() || self.root.join(DIRTY).exists()
    }

    /// Records, durably, that the database is about to change.
    fn mark_dirty(&self) -> Result<(), StoreError> {
        self.check_writer()?;
        let p = self.root.join(DIRTY);
        if p.exists() {
            return Ok(());
        }
        let f = File::create(&p).map_err(|e| file(&p, e))?;
        f.sync_all().map_err(|e| file(&p, e))?;
        sync_dir(&self.root);
        Ok(())
    }

    /// Fails unless the store was opened for writing (and holds the lock).
    fn check_writer(&self) -> Result<(), StoreError> {
        match self.writer_lock {
            Some(_) => Ok(()),
            None => Err(StoreError::ReadOnly(self.root.clone())),
        }
    }

    /// Adds the facts of quads being written to the writer's facts of
    /// the lookup index, or gives those up if graphs are removed.
    fn note(&self, removed: &[NamedNode], added: &[Quad]) {
        let mut facts = self.facts.lock().unwrap_or_else(|e| e.into_inner());
        if !removed.is_empty() {
            *facts = None;
        }
        if let Some(f) = facts.as_mut() {
            for q in added {
                f.add(q);
            }
        }
    }

    /// Every quad of the store (of the view, for a reader), in the
    /// store's order.
    pub(crate) fn quads(
        &self,
    ) -> Result<impl Iterator<Item = Result<Quad, StoreError>> + '_, StoreError> {
        Ok(self
            .store
            .iter()
            .map(move |q| q.map_err(|e| storage(&self.path, e))))
    }

    /// Number of quads.
    pub fn quad_count(&self) -> Result<usize, StoreError> {
        self.store.len().map_err(|e| storage(&self.path, e))
    }

    /// Source files recorded in the store, by path.
    pub(crate) fn files(&self) -> Result<BTreeMap<String, StoredFile>, StoreError> {
        // every article graph repeats its file's path and hash: DISTINCT
        // compares encoded terms and decodes each file once (decoding every
        // copy took 12 s on a store of 100,000 articles)
        let pairs = |local: &str| -> Result<HashMap<NamedNode, String>, StoreError> {
            let mut out = HashMap::new();
            let q = format!("SELECT DISTINCT ?f ?v WHERE {{ ?f <{ZT}{local}> ?v }}");
            lookup::each_row(&self.store, &q, |r| {
                if let (Some(Term::NamedNode(f)), Some(Term::Literal(v))) = (r[0], r[1]) {
                    out.insert(f.clone(), v.value().to_string());
                }
            })
            .map_err(StoreError::Evaluation)?;
            Ok(out)
        };
        let hashes = pairs("contentHash")?;
        let mut out = BTreeMap::new();
        for (node, path) in pairs("sourcePath")? {
            if let Some(hash) = hashes.get(&node) {
                out.insert(
                    path,
                    StoredFile {
                        hash: hash.clone(),
                        node,
                    },
                );
            }
        }
        Ok(out)
    }

    /// The named graphs of the articles read from a stored file.
    pub(crate) fn graphs_of(&self, file: &StoredFile) -> Result<Vec<NamedNode>, StoreError> {
        let p = vocab::zt::FROM_FILE;
        let mut out = Vec::new();
        for q in self
            .store
            .quads_for_pattern(None, Some(p), Some(file.node.as_ref().into()), None)
        {
            let q = q.map_err(|e| storage(&self.path, e))?;
            if let GraphName::NamedNode(g) = q.graph_name {
                if !out.contains(&g) {
                    out.push(g);
                }
            }
        }
        Ok(out)
    }

    /// Replaces documents: each `(old graphs, new quads)` in one
    /// transaction, so that a document is never half replaced.
    pub(crate) fn replace(&self, docs: Vec<(Vec<NamedNode>, Vec<Quad>)>) -> Result<(), StoreError> {
        if docs.is_empty() {
            return Ok(());
        }
        self.mark_dirty()?;
        let err = |e| storage(&self.path, e);
        for (old, new) in docs {
            self.note(&old, &new);
            let mut t = self.store.start_transaction().map_err(err)?;
            let facts = merged::facts_of_graphs(&t, &old).map_err(err)?;
            if !old.is_empty() {
                self.loaded
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clear();
            }
            for g in &old {
                t.remove_named_graph(g).map_err(err)?;
            }
            t.extend(new.iter());
            t.extend(merged::copies(&new).iter());
            merged::drop_orphans(&mut t, facts).map_err(err)?;
            t.commit().map_err(err)?;
        }
        Ok(())
    }

    /// Removes named graphs (one transaction) and bulk-loads new quads
    /// (committed as a whole).
    pub fn apply(&self, remove: &[NamedNode], quads: Vec<Quad>) -> Result<(), StoreError> {
        if remove.is_empty() && quads.is_empty() {
            return Ok(());
        }
        self.mark_dirty()?;
        self.note(remove, &quads);
        let err = |e| storage(&self.path, e);
        if !remove.is_empty() {
            let mut t = self.store.start_transaction().map_err(err)?;
            let facts = merged::facts_of_graphs(&t, remove).map_err(err)?;
            self.loaded
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clear();
            for g in remove {
                t.remove_named_graph(g).map_err(err)?;
            }
            merged::drop_orphans(&mut t, facts).map_err(err)?;
            t.commit().map_err(err)?;
        }
        if !quads.is_empty() {
            // the merged graph's copies of the facts go in the same load
            let copies = (self.loaded.lock())
                .unwrap_or_else(|e| e.into_inner())
                .copies(&quads);
            let mut quads = quads;
            quads.extend(copies);
            // the loader writes each batch on a thread of its own, a batch
            // being (memory in MB × 1,000 / threads) quads: a memory of one
            // MB per 1,000 quads cuts a load in one batch per thread (at
            // most 1 GB: 512,000 quads a batch)
            let mut loader = self
                .store
                .bulk_loader()
                .with_num_threads(LOAD_THREADS)
                .with_max_memory_size_in_megabytes(quads.len().div_ceil(1000).clamp(1, 1024));
            loader
                .load_quads(quads)
                .map_err(|e| storage(&self.path, e))?;
            loader.commit().map_err(|e| storage(&self.path, e))?;
        }
        Ok(())
    }

    /// Whether the ontology graph is loaded.
    pub(crate) fn has_ontology(&self) -> Result<bool, StoreError> {
        let g = NamedNode::new_unchecked(ONTOLOGY_GRAPH);
        self.store
            .contains_named_graph(&g)
            .map_err(|e| storage(&self.path, e))
    }

    /// Prepares a query over the merged graph.
    pub(crate) fn evaluate(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        self.evaluate_with(query, None, &Dataset::Merged)
    }

    /// Runs a query on `dataset`, cancelled after `timeout` (also while its
    /// results are read: those errors are made [`StoreError::Timeout`] by
    /// [`StoreError::of_query`]).
    pub fn evaluate_with(
        &self,
        query: &str,
        timeout: Option<Duration>,
        dataset: &Dataset,
    ) -> Result<QueryResults<'static>, StoreError> {
        let token = timeout.map(|t| {
            let token = CancellationToken::new();
            let cancel = token.clone();
            std::thread::spawn(move || {
                std::thread::sleep(t);
                cancel.cancel();
            });
            token
        });
        let prepared = evaluator(token)
            .parse_query(query)
            .map_err(StoreError::Syntax)?;
        self.execute(prepared, dataset, timeout)
    }

    /// Runs a parsed query on `dataset`; once `token` is cancelled it stops
    /// with [`QueryEvaluationError::Cancelled`] (also while its results are
    /// read).
    pub(crate) fn run(
        &self,
        query: spargebra::Query,
        dataset: &Dataset,
        token: Option<CancellationToken>,
    ) -> Result<QueryResults<'static>, StoreError> {
        self.execute(evaluator(token).for_query(query), dataset, None)
    }

    fn execute(
        &self,
        mut prepared: PreparedSparqlQuery,
        dataset: &Dataset,
        timeout: Option<Duration>,
    ) -> Result<QueryResults<'static>, StoreError> {
        match dataset {
            Dataset::Union => prepared.dataset_mut().set_default_graph_as_union(),
            Dataset::Merged | Dataset::AsQueried => {}
            Dataset::Given { default, named } => {
                prepared.dataset_mut().set_default_graph(default.clone());
                prepared
                    .dataset_mut()
                    .set_available_named_graphs(named.clone());
            }
        }
        prepared
            .on_store(&self.store)
            .execute()
            .map_err(|e| StoreError::of_query(e, timeout))
    }

    /// Runs a SELECT query and returns its rows (terms by variable order).
    pub fn select(&self, query: &str) -> Result<Vec<Vec<Option<Term>>>, StoreError> {
        match self.evaluate(query)? {
            QueryResults::Solutions(sols) => {
                let vars: Vec<_> = sols.variables().to_vec();
                let mut out = Vec::new();
                for s in sols {
                    let s = s.map_err(StoreError::Evaluation)?;
                    out.push(vars.iter().map(|v| s.get(v).cloned()).collect());
                }
                Ok(out)
            }
            _ => Err(StoreError::NotSelect),
        }
    }

    /// Entities whose label or alias is `name`, read from the quad indexes.
    fn named_in_quads(&self, name: &str) -> Result<Vec<NamedNode>, StoreError> {
        let err = |x: oxigraph::store::StorageError| storage(&self.path, x);
        let lit = Term::Literal(
            oxigraph::model::Literal::new_language_tagged_literal_unchecked(name, "zh"),
        );
        let mut subjects: Vec<NamedNode> = Vec::new();
        for p in [vocab::rdfs::LABEL, vocab::skos::ALT_LABEL] {
            for q in self
                .store
                .quads_for_pattern(None, Some(p), Some(lit.as_ref()), None)
            {
                if let NamedOrBlankNode::NamedNode(e) = q.map_err(err)?.subject {
                    if subjects.last() != Some(&e) && !subjects.contains(&e) {
                        subjects.push(e);
                    }
                }
            }
        }
        Ok(subjects)
    }

    /// Entities whose label or alias is `name`: (iri, type, label).
    pub(crate) fn find(&self, name: &str) -> Result<Vec<(NamedNode, String, String)>, StoreError> {
        // the view's lookup index, or the quad indexes directly: a SPARQL
        // join of label and type over the union of the article graphs grows
        // with the square of the number of articles naming the entity
        let mut out = match &self.lookup {
            // the index lists the class and name with each name
            Some(ix) => ix.named(name).map_err(|x| lookup_failed(&self.path, x))?,
            None => {
                let mut out = Vec::new();
                for e in self.named_in_quads(name)? {
                    if let Some((t, l)) = self.type_and_label(&e)? {
                        if crate::EntityType::ALL.iter().any(|x| x.as_str() == t) {
                            out.push((e, t, l));
                        }
                    }
                }
                out
            }
        };
        out.sort_by(|a, b| (&a.2, a.0.as_str()).cmp(&(&b.2, b.0.as_str())));
        Ok(out)
    }

    /// Relations of an entity, both directions, ordered by predicate,
    /// direction and name, at most `limit` neighbours per predicate and
    /// direction; also says whether any list was cut. With `evidence`, each
    /// carries a sentence stating it and its article (one more lookup per
    /// relation). A published view is read through its lookup index (each
    /// distinct relation once, with its neighbour's class and name; see
    /// `lookup`), a database being written through the quad indexes (every
    /// article's copy); either way without SPARQL, and a list stops being
    /// read at the limit. A cut list holds the first neighbours by name
    /// with the lookup index, in quad index order without; both are stable
    /// for a given store.
    pub(crate) fn relations_limited(
        &self,
        e: &NamedNode,
        evidence: bool,
        limit: usize,
    ) -> Result<(Vec<Neighbor>, bool), StoreError> {
        if let Some(ix) = &self.lookup {
            let (lists, cut) = ix
                .relations(e.as_str(), limit)
                .map_err(|x| lookup_failed(&self.path, x))?;
            return self.neighbors_of(e, lists, evidence, cut);
        }
        let err = |x: oxigraph::store::StorageError| storage(&self.path, x);
        let mut lists = Vec::new();
        let mut cut = false;
        let subject = NamedOrBlankNode::NamedNode(e.clone());
        let object = Term::NamedNode(e.clone());
        for pred in Predicate::ALL {
            let p = vocab::property(pred);
            for outgoing in [true, false] {
                let quads = if outgoing {
                    self.store
                        .quads_for_pattern(Some(subject.as_ref()), Some(p), None, None)
                } else {
                    self.store
                        .quads_for_pattern(None, Some(p), Some(object.as_ref()), None)
                };
                // the same triple in several article graphs comes in a row
                let mut seen: Vec<NamedNode> = Vec::new();
                for q in quads {
                    let q = q.map_err(err)?;
                    let other = if outgoing {
                        match q.object {
                            Term::NamedNode(n) => n,
                            _ => continue,
                        }
                    } else {
                        match q.subject {
                            NamedOrBlankNode::NamedNode(n) => n,
                            _ => continue,
                        }
                    };
                    if seen.last() == Some(&other) || seen.contains(&other) {
                        continue;
                    }
                    if seen.len() == limit {
                        cut = true;
                        break;
                    }
                    seen.push(other);
                }
                let mut entries = Vec::new();
                for o in seen {
                    if let Some((etype, label)) = self.type_and_label(&o)? {
                        entries.push((o, etype, label));
                    }
                }
                lists.push((pred, outgoing, entries));
            }
        }
        self.neighbors_of(e, lists, evidence, cut)
    }

    /// The neighbours of `e` from its lists, with their evidence if asked
    /// for, sorted by predicate, direction and name.
    fn neighbors_of(
        &self,
        e: &NamedNode,
        lists: Vec<lookup::List>,
        evidence: bool,
        cut: bool,
    ) -> Result<(Vec<Neighbor>, bool), StoreError> {
        let mut out = Vec::new();
        for (pred, outgoing, entries) in lists {
            for (o, etype, label) in entries {
                let (evidence, source) = if evidence {
                    let (s, o2) = if outgoing { (e, &o) } else { (&o, e) };
                    self.evidence_of(s, pred, o2)?
                } else {
                    (None, None)
                };
                out.push(Neighbor {
                    predicate: pred,
                    outgoing,
                    iri: o,
                    etype,
                    label,
                    evidence,
                    source,
                });
            }
        }
        out.sort_by(|a, b| {
            (a.predicate.as_str(), a.outgoing, &a.label, a.iri.as_str()).cmp(&(
                b.predicate.as_str(),
                b.outgoing,
                &b.label,
                b.iri.as_str(),
            ))
        });
        Ok((out, cut))
    }

    /// Whether the default graph is exactly the merge of the facts of the
    /// named graphs. A check for tests: it reads the whole store.
    pub fn merged_graph_is_consistent(&self) -> Result<bool, StoreError> {
        merged::is_consistent(&self.store).map_err(|e| storage(&self.path, e))
    }

    /// Whether the view has a lookup index and it is exactly the index of
    /// the view's quads. A check for tests: it reads the whole store.
    pub fn lookup_index_is_consistent(&self) -> Result<bool, StoreError> {
        if self.lookup.is_none() {
            return Ok(false);
        }
        lookup::matches(&self.store, &self.path.join(lookup::FILE))
            .map_err(|e| lookup_failed(&self.path, e))
    }

    /// An entity's zhengtu class (local name) and canonical name, read
    /// from the view's lookup index (which lists the entities of the
    /// zhengtu entity classes) or else from the quad indexes.
    pub(crate) fn type_and_label(
        &self,
        n: &NamedNode,
    ) -> Result<Option<(String, String)>, StoreError> {
        if let Some(ix) = &self.lookup {
            return ix
                .entity(n.as_str())
                .map_err(|x| lookup_failed(&self.path, x));
        }
        let err = |x: oxigraph::store::StorageError| storage(&self.path, x);
        let s = NamedOrBlankNode::NamedNode(n.clone());
        let mut etype = None;
        for q in self.store.quads_for_pattern(
            Some(s.as_ref()),
            Some(oxigraph::model::vocab::rdf::TYPE),
            None,
            None,
        ) {
            if let Term::NamedNode(t) = q.map_err(err)?.object {
                if let Some(local) = t.as_str().strip_prefix(ZT) {
                    etype = Some(local.to_string());
                    break;
                }
            }
        }
        let Some(etype) = etype else { return Ok(None) };
        let label = self
            .store
            .quads_for_pattern(
                Some(s.as_ref()),
                Some(oxigraph::model::vocab::rdfs::LABEL),
                None,
                None,
            )
            .next()
            .transpose()
            .map_err(err)?
            .and_then(|q| match q.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            });
        Ok(label.map(|l| (etype, l)))
    }

    /// An entity's other names (its `skos:altLabel`s), sorted, read from the
    /// indexes.
    pub(crate) fn aliases_of(&self, n: &NamedNode) -> Result<Vec<String>, StoreError> {
        let s = NamedOrBlankNode::NamedNode(n.clone());
        let alt = vocab::skos::ALT_LABEL;
        let mut out = std::collections::BTreeSet::new();
        for q in self
            .store
            .quads_for_pattern(Some(s.as_ref()), Some(alt), None, None)
        {
            if let Term::Literal(l) = q.map_err(|x| storage(&self.path, x))?.object {
                out.insert(l.value().to_string());
            }
        }
        Ok(out.into_iter().collect())
    }

    /// The first evidence sentence of a relation (by article order) and its
    /// article, as "source file, article N: headline".
    fn evidence_of(
        &self,
        s: &NamedNode,
        p: Predicate,
        o: &NamedNode,
    ) -> Result<(Option<String>, Option<String>), StoreError> {
        let q = format!(
            "{PREFIXES}SELECT ?s ?path ?i ?h WHERE {{ GRAPH ?g {{ \
               ?st rdf:subject <{s}> ; rdf:object <{o}> ; rdf:predicate zt:{p} ; \
                   zt:evidence ?ev . \
               ?ev zt:sentence ?s ; prov:wasDerivedFrom ?a . \
               OPTIONAL {{ ?a zt:fromFile/zt:sourcePath ?path }} \
               OPTIONAL {{ ?a zt:articleIndex ?i }} \
               OPTIONAL {{ ?a zt:headline ?h }} \
             }} }} ORDER BY ?path ?i ?s LIMIT 1",
            s = s.as_str(),
            o = o.as_str(),
            p = p.as_str()
        );
        let rows = self.select(&q)?;
        let Some(row) = rows.into_iter().next() else {
            return Ok((None, None));
        };
        let val = literal_value;
        let sentence = val(&row[0]);
        let source = val(&row[1]).map(|path| {
            let mut src = path;
            if let Some(i) = val(&row[2]) {
                src.push_str(&format!(", article {i}"));
            }
            if let Some(h) = val(&row[3]) {
                src.push_str(&format!(": {h}"));
            }
            src
        });
        Ok((sentence, source))
    }

    /// Writes the store: in a dataset format every quad of the named
    /// graphs (the articles' and the ontology's) in the store's order, in a
    /// triple format the merged graph (each fact once, without the
    /// articles' evidence). Both stream from the store's indexes.
    pub fn dump(&self, format: RdfFormat, w: impl std::io::Write) -> Result<(), StoreError> {
        let failed = |e| match e {
            SerializerError::Io(e) => StoreError::Write(e),
            SerializerError::Storage(e) => storage(&self.path, e),
            e => StoreError::Write(std::io::Error::other(e)),
        };
        let mut ser = oxigraph::io::RdfSerializer::from_format(format);
        if !format.supports_datasets() {
            for (prefix, iri) in crate::vocab::EXPORT_PREFIXES {
                // constant IRIs, which parse
                ser = ser
                    .with_prefix(prefix, iri)
                    .map_err(|e| StoreError::Write(std::io::Error::other(e)))?;
            }
            return self
                .store
                .dump_graph_to_writer(oxigraph::model::GraphNameRef::DefaultGraph, ser, w)
                .map(|_| ())
                .map_err(failed);
        }
        let mut ser = ser.for_writer(w);
        let err = |e| storage(&self.path, e);
        for g in self.store.named_graphs() {
            let g = g.map_err(err)?;
            let name = oxigraph::model::GraphNameRef::from(g.as_ref());
            for q in self.store.quads_for_pattern(None, None, None, Some(name)) {
                ser.serialize_quad(&q.map_err(err)?)
                    .map_err(StoreError::Write)?;
            }
        }
        ser.finish().map_err(StoreError::Write)?;
        Ok(())
    }

    /// The store's directory (the one given to open it).
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The path of the store.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }
}

/// The ontology's quads in its graph. Blank nodes (OWL lists) are replaced
/// by skolem IRIs numbered in reading order, so that every store holds the
/// same triples.
pub(crate) fn ontology_quads() -> Vec<Quad> {
    use oxigraph::model::{BlankNode, GraphName};
    use std::collections::HashMap;
    let g = GraphName::NamedNode(NamedNode::new_unchecked(ONTOLOGY_GRAPH));
    let mut ids: HashMap<BlankNode, NamedNode> = HashMap::new();
    let mut skolem = |b: BlankNode| -> NamedNode {
        let n = ids.len();
        ids.entry(b)
            .or_insert_with(|| {
                NamedNode::new_unchecked(format!("{ONTOLOGY_GRAPH}/.well-known/genid/{n}"))
            })
            .clone()
    };
    let mut out = Vec::new();
    for q in RdfParser::from_format(RdfFormat::Turtle).for_slice(ONTOLOGY_TTL.as_bytes()) {
        let Ok(q) = q else { continue };
        let s = match q.subject {
            NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::NamedNode(skolem(b)),
            x => x,
        };
        let o = match q.object {
            Term::BlankNode(b) => Term::NamedNode(skolem(b)),
            x => x,
        };
        out.push(Quad::new(s, q.predicate, o, g.clone()));
    }
    out
}

/// How many neighbours per predicate and direction `neighbors` lists unless
/// told otherwise: a screenful, and a bounded amount of work for hubs (a
/// city is the jurisdiction of hundreds of agencies).
pub const NEIGHBOR_LIMIT: usize = 25;

/// The neighbourhood of one entity, hop by hop.
#[derive(Debug, Clone)]
pub struct Neighborhood {
    /// The entity.
    pub iri: NamedNode,
    /// Its type.
    pub etype: String,
    /// Its canonical name.
    pub label: String,
    /// For each hop, (the entity it starts from: IRI and label, the
    /// neighbour).
    pub levels: Vec<Vec<(NamedNode, String, Neighbor)>>,
    /// Whether some entity had more neighbours of one predicate and
    /// direction than the limit (the rest are not listed).
    pub truncated: bool,
}

/// The result of looking an entity up by name.
#[derive(Debug, Clone)]
pub enum Lookup {
    /// The neighbourhoods of the entities with that name (at most the
    /// limit of neighbours, first by IRI), and how many more entities
    /// carry the name.
    Found(Vec<Neighborhood>, usize),
    /// No entity has that name.
    Unknown,
    /// Several entities carry it as an alias, none as its canonical name:
    /// (iri, type, canonical name) of each.
    Ambiguous(Vec<(NamedNode, String, String)>),
}

impl ZStore {
    /// Finds an entity by canonical name or alias and walks `depth` hops of
    /// relations from it, listing at most `limit` neighbours per entity,
    /// predicate and direction. A canonical name wins over aliases. A name
    /// that several entities carry as their canonical name (a title that
    /// many bodies issued) walks at most `limit` of them, so that its cost
    /// stays bounded too; `limit` 0 walks all.
    pub fn neighborhood(
        &self,
        name: &str,
        depth: usize,
        evidence: bool,
        limit: usize,
    ) -> Result<Lookup, StoreError> {
        let found = self.find(name)?;
        if found.is_empty() {
            return Ok(Lookup::Unknown);
        }
        let exact: Vec<_> = found
            .iter()
            .filter(|(_, _, l)| l == name)
            .cloned()
            .collect();
        let mut start = if exact.is_empty() {
            if found.len() > 1 {
                return Ok(Lookup::Ambiguous(found));
            }
            found
        } else {
            exact
        };
        let more = if limit > 0 {
            start.len().saturating_sub(limit)
        } else {
            0
        };
        start.truncate(start.len() - more);
        let mut out = Vec::new();
        for (iri, etype, label) in start {
            let mut seen = std::collections::HashSet::from([iri.clone()]);
            let mut frontier = vec![(iri.clone(), label.clone())];
            let mut levels = Vec::new();
            let mut truncated = false;
            for _ in 0..depth.max(1) {
                let mut next = Vec::new();
                let mut rows = Vec::new();
                for (node, node_label) in &frontier {
                    let (ns, cut) = self.relations_limited(node, evidence, limit)?;
                    truncated |= cut;
                    for n in ns {
                        if seen.insert(n.iri.clone()) {
                            next.push((n.iri.clone(), n.label.clone()));
                        }
                        rows.push((node.clone(), node_label.clone(), n));
                    }
                }
                levels.push(rows);
                frontier = next;
            }
            out.push(Neighborhood {
                iri,
                etype,
                label,
                levels,
                truncated,
            });
        }
        Ok(Lookup::Found(out, more))
    }
}

/// A neighbour of an entity.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Neighbor {
    /// The relation.
    pub predicate: Predicate,
    /// Whether the entity is the subject.
    pub outgoing: bool,
    /// The other entity.
    #[serde(serialize_with = "ser_iri")]
    pub iri: NamedNode,
    /// Its type.
    pub etype: String,
    /// Its canonical name.
    pub label: String,
    /// A sentence supporting the relation (when asked for).
    pub evidence: Option<String>,
    /// The article of that sentence: source file, article index, headline.
    pub source: Option<String>,
}

fn ser_iri<S: serde::Serializer>(n: &NamedNode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(n.as_str())
}

/// The value of a literal in a result row, if it is one.
pub(crate) fn literal_value(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        _ => None,
    }
}

/// The IRI in a result row, if it is one.
pub(crate) fn iri_value(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        _ => None,
    }
}

/// A SPARQL string literal.
pub(crate) fn sparql_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_locked_out_until_the_first_closes() {
        let dir = tempfile::tempdir().unwrap();
        let first = ZStore::open(dir.path()).unwrap();
        match ZStore::open(dir.path()) {
            Err(StoreError::Locked(p)) => assert_eq!(p, dir.path()),
            Err(e) => panic!("not the lock: {e}"),
            Ok(_) => panic!("two writers at once"),
        }
        drop(first);
        assert!(ZStore::open(dir.path()).is_ok());
    }

    #[test]
    fn a_reader_does_not_write() {
        let dir = tempfile::tempdir().unwrap();
        let w = ZStore::open(dir.path()).unwrap();
        w.apply(&[], ontology_quads()).unwrap();
        w.publish().unwrap();
        let r = ZStore::open_read_only(dir.path()).unwrap();
        assert!(r.has_ontology().unwrap());
        assert!(matches!(
            r.apply(&[], ontology_quads()),
            Err(StoreError::ReadOnly(_))
        ));
        // the writer still holds the store
        assert!(matches!(
            ZStore::open(dir.path()),
            Err(StoreError::Locked(_))
        ));
    }

    #[test]
    fn a_cancelled_query_is_a_timeout_and_other_failures_are_not() {
        let t = Some(Duration::from_millis(1500));
        let e = StoreError::of_query(QueryEvaluationError::Cancelled, t);
        assert!(matches!(e, StoreError::Timeout(d) if d == Duration::from_millis(1500)));
        assert_eq!(e.to_string(), "the query was cancelled after 1.5 s");
        let other = QueryEvaluationError::UnboundService;
        assert!(matches!(
            StoreError::of_query(other, t),
            StoreError::Evaluation(_)
        ));
        // without a time limit nothing cancels it but its caller
        assert!(matches!(
            StoreError::of_query(QueryEvaluationError::Cancelled, None),
            StoreError::Evaluation(_)
        ));
    }
}
