//! The lookup index of a published view: what `neighbors` reads, each
//! fact once. An article graph holds its own copy of every statement it
//! makes, so a city named in thousands of articles has thousands of copies
//! of its name, its type and each of its relations in the quad indexes;
//! reading them through the copies, and decoding each copy's graph name,
//! made the look-up of a hub take tens of milliseconds.
//!
//! It is a file, `LOOKUP`, inside each view directory, outside the RDF
//! dataset: SPARQL, exports and counts do not see it. It is written whole
//! by [`ZStore::publish`](super::ZStore::publish) after the view's
//! checkpoint and before `VIEW` names the view, so a published view always
//! has the index of exactly its own quads, whatever point a build is killed
//! at. A writer that opened an empty database (a first build) gathers the
//! index's [`Facts`] from the quads it loads; one that only adds documents
//! to a published store gathers the facts of what it adds and merges their
//! lines into the published index in one sequential pass (when they change
//! the class or canonical name of an entity the index lists, whose lines
//! are spread all over it, it adds them to the facts of the published index
//! and writes the whole index instead); any other (one that removes or
//! replaces documents, or finishes a killed build) reads them from the
//! database when it publishes, with one
//! DISTINCT query per class, name property and relation. Views made before
//! the index existed have none; readers then read the quad indexes as
//! before.
//!
//! Lines, sorted bytewise, fields separated by tabs (a tab, newline or
//! backslash in a name is escaped):
//! - `n` name entity type label: an entity (of a zhengtu entity type)
//!   with that canonical name (`rdfs:label`) or alias (`skos:altLabel`,
//!   `@zh`), with its class and canonical name, so that finding an entity
//!   by name is one read;
//! - `e` entity type label: its zhengtu class and canonical name;
//! - `r` entity list name neighbour type: a distinct relation, once under
//!   each of its entities; the list is the predicate's position in
//!   [`Predicate::ALL`] and `o` (the entity is the subject) or `i` (it is
//!   the object); the neighbour comes with its canonical name (the sort
//!   key within a list) and class.
//!
//! The lines are followed by a list of blocks (the first line of every
//! 16 KiB of lines and its offset) and a footer giving the list's offset.
//! A reader holds the block list in memory and finds the lines of a key
//! with a binary search in it and one read of a block.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::vocab;
use crate::{EntityType, Predicate};

/// The index file's name in a view directory.
pub(crate) const FILE: &str = "LOOKUP";

/// Errors of the lookup index.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    /// The index file could not be read or written.
    #[error("the lookup index file cannot be read or written")]
    Io(#[from] std::io::Error),
    /// The facts of the index could not be read from the database.
    #[error("the facts of the lookup index cannot be read from the database")]
    Query(#[from] QueryEvaluationError),
    /// A view's index is missing or its block list does not parse.
    #[error("the view's lookup index cannot be read")]
    Unreadable,
    /// A line of a view's index does not parse.
    #[error("a line of the lookup index does not parse")]
    BadLine,
}

/// A name as an index field.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// An index field as a name.
fn unesc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}

/// The list code of a predicate (by position) and direction.
fn code(p: usize, outgoing: bool) -> String {
    format!("{p}{}", if outgoing { 'o' } else { 'i' })
}

const RDF_TYPE: &str = vocab::rdf::TYPE.as_str();
const RDFS_LABEL: &str = vocab::rdfs::LABEL.as_str();
const SKOS_ALT_LABEL: &str = vocab::skos::ALT_LABEL.as_str();

/// What the index is made of: the distinct facts of a store that it
/// lists. Entities are interned: a fact holds their numbers.
#[derive(Default)]
pub(crate) struct Facts {
    iris: indexmap::IndexSet<String>,
    /// Each entity's zhengtu entity class (the smallest, if the articles
    /// disagree).
    types: HashMap<u32, &'static str>,
    /// Each entity's canonical name (the smallest, if they disagree).
    labels: HashMap<u32, String>,
    /// Canonical names and aliases in Chinese.
    names: HashSet<(u32, String)>,
    /// Relations: subject, predicate position, object.
    relations: HashSet<(u32, u8, u32)>,
    /// A published view whose index holds the facts of the rest of the
    /// database (read when the index is written).
    pub(crate) base: Option<std::path::PathBuf>,
}

impl Facts {
    fn id(&mut self, iri: &str) -> u32 {
        match self.iris.get_index_of(iri) {
            Some(i) => i as u32,
            None => self.iris.insert_full(iri.to_string()).0 as u32,
        }
    }

    /// Adds a class given by its IRI, if it is a zhengtu entity class.
    fn add_type(&mut self, e: &str, t: &str) {
        if let Some(t) = vocab::type_of_class(t) {
            self.add_class(e, t);
        }
    }

    /// Adds an entity's class (the smallest of those given is kept).
    fn add_class(&mut self, e: &str, t: EntityType) {
        let t = t.as_str();
        let e = self.id(e);
        let cur = self.types.entry(e).or_insert(t);
        if t < *cur {
            *cur = t;
        }
    }

    fn add_label(&mut self, e: &str, l: &str) {
        let e = self.id(e);
        let cur = self.labels.entry(e).or_insert_with(|| l.to_string());
        if l < cur.as_str() {
            *cur = l.to_string();
        }
    }

    fn add_name(&mut self, e: &str, n: &str) {
        let e = self.id(e);
        self.names.insert((e, n.to_string()));
    }

    fn add_relation(&mut self, s: &str, p: usize, o: &str) {
        let (s, o) = (self.id(s), self.id(o));
        self.relations.insert((s, p as u8, o));
    }

    /// Adds what a quad states, if the index lists it.
    pub(crate) fn add(&mut self, q: &Quad) {
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            return;
        };
        let p = q.predicate.as_str();
        match &q.object {
            Term::NamedNode(o) => {
                if p == RDF_TYPE {
                    self.add_type(s.as_str(), o.as_str());
                } else if let Some(i) = vocab::predicate_of_property(p)
                    .and_then(|x| Predicate::ALL.iter().position(|y| *y == x))
                {
                    self.add_relation(s.as_str(), i, o.as_str());
                }
            }
            Term::Literal(l) if p == RDFS_LABEL || p == SKOS_ALT_LABEL => {
                if p == RDFS_LABEL {
                    self.add_label(s.as_str(), l.value());
                }
                if l.language() == Some("zh") {
                    self.add_name(s.as_str(), l.value());
                }
            }
            _ => {}
        }
    }

    /// The facts of a store, read with DISTINCT queries over the union of
    /// its graphs (which compare encoded terms and decode each distinct row
    /// once, so the copies cost little).
    pub(crate) fn of_store(store: &Store) -> Result<Facts, LookupError> {
        let mut f = Facts::default();
        for t in EntityType::ALL {
            let iri = vocab::class(t).as_str();
            let q = format!("SELECT DISTINCT ?e WHERE {{ ?e a <{iri}> }}");
            each_row(store, &q, |r| {
                if let Some(Term::NamedNode(e)) = r[0] {
                    f.add_type(e.as_str(), iri);
                }
            })?;
        }
        for p in [RDFS_LABEL, SKOS_ALT_LABEL] {
            let q = format!("SELECT DISTINCT ?e ?n WHERE {{ ?e <{p}> ?n }}");
            each_row(store, &q, |r| {
                if let (Some(Term::NamedNode(e)), Some(Term::Literal(n))) = (r[0], r[1]) {
                    // only entities are listed
                    if !f
                        .iris
                        .get_index_of(e.as_str())
                        .is_some_and(|i| f.types.contains_key(&(i as u32)))
                    {
                        return;
                    }
                    if p == RDFS_LABEL {
                        f.add_label(e.as_str(), n.value());
                    }
                    if n.language() == Some("zh") {
                        f.add_name(e.as_str(), n.value());
                    }
                }
            })?;
        }
        for (i, p) in Predicate::ALL.into_iter().enumerate() {
            let q = format!(
                "SELECT DISTINCT ?s ?o WHERE {{ ?s <{}> ?o }}",
                vocab::property(p).as_str()
            );
            each_row(store, &q, |r| {
                if let (Some(Term::NamedNode(s)), Some(Term::NamedNode(o))) = (r[0], r[1]) {
                    f.add_relation(s.as_str(), i, o.as_str());
                }
            })?;
        }
        Ok(f)
    }

    /// No facts yet, on top of those of the published view in `dir`
    /// (read when the index is written).
    pub(crate) fn on(dir: std::path::PathBuf) -> Facts {
        Facts {
            base: Some(dir),
            ..Facts::default()
        }
    }

    /// Adds the facts of a published view's index (the view in `dir`):
    /// those of the quads it was made from. Relations are read from the
    /// lines under their subjects.
    pub(crate) fn add_index(&mut self, dir: &Path) -> Result<(), LookupError> {
        let r = Reader::open(dir).ok_or(LookupError::Unreadable)?;
        let mut f = BufReader::with_capacity(BLOCK as usize, &r.file);
        f.seek(SeekFrom::Start(0))?;
        let mut lines = f.take(r.len);
        let mut l = String::new();
        let bad = || LookupError::BadLine;
        loop {
            l.clear();
            if lines.read_line(&mut l)? == 0 {
                break;
            }
            let line = l.trim_end_matches('\n');
            let mut parts = line.split('\t');
            match parts.next() {
                Some("n") => {
                    let (Some(name), Some(e)) = (parts.next(), parts.next()) else {
                        return Err(bad());
                    };
                    self.add_name(e, &unesc(name));
                }
                Some("e") => {
                    let (Some(e), Some(t), Some(label)) =
                        (parts.next(), parts.next(), parts.next())
                    else {
                        return Err(bad());
                    };
                    self.add_class(e, EntityType::parse(t).ok_or_else(bad)?);
                    self.add_label(e, &unesc(label));
                }
                Some("r") => {
                    let (Some(s), Some(list), Some(_), Some(o)) =
                        (parts.next(), parts.next(), parts.next(), parts.next())
                    else {
                        return Err(bad());
                    };
                    if let Some(p) = list.strip_suffix('o') {
                        let p: usize = p.parse().map_err(|_| bad())?;
                        if p >= Predicate::ALL.len() {
                            return Err(bad());
                        }
                        self.add_relation(s, p, o);
                    }
                }
                _ => return Err(bad()),
            }
        }
        Ok(())
    }

    /// The index lines, sorted, without duplicates.
    fn lines(&self) -> Vec<String> {
        // class and name of each entity that has both
        self.lines_with(|i| Some((*self.types.get(&i)?, self.labels.get(&i)?.as_str())))
    }

    /// The index lines of these facts, sorted, without duplicates, with
    /// each entity's class and canonical name given by `info`.
    fn lines_with<'a>(&'a self, info: impl Fn(u32) -> Option<(&'a str, &'a str)>) -> Vec<String> {
        let iri = |i: u32| self.iris.get_index(i as usize).map_or("", |s| s.as_str());
        let mut out = Vec::new();
        for (e, n) in &self.names {
            if let Some((t, l)) = info(*e) {
                out.push(format!("n\t{}\t{}\t{t}\t{}", esc(n), iri(*e), esc(l)));
            }
        }
        for &e in self.types.keys() {
            if let Some((t, l)) = info(e) {
                out.push(format!("e\t{}\t{t}\t{}", iri(e), esc(l)));
            }
        }
        for &(s, p, o) in &self.relations {
            for (a, b, outgoing) in [(s, o, true), (o, s, false)] {
                // a neighbour without class or name is not listed
                if let Some((t, l)) = info(b) {
                    out.push(format!(
                        "r\t{}\t{}\t{}\t{}\t{t}",
                        iri(a),
                        code(p as usize, outgoing),
                        esc(l),
                        iri(b)
                    ));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Runs a SELECT over the merged graph; calls `f` with each row.
/// (A query that does not parse, a bug, is an evaluation error too.)
pub(crate) fn each_row(
    store: &Store,
    query: &str,
    mut f: impl FnMut(&[Option<&Term>]),
) -> Result<(), QueryEvaluationError> {
    // (over the merged graph: each fact once)
    let prepared = SparqlEvaluator::new().parse_query(query)?;
    if let QueryResults::Solutions(rows) = prepared.on_store(store).execute()? {
        let n = rows.variables().len();
        for row in rows {
            let row = row?;
            let terms: Vec<Option<&Term>> = (0..n).map(|i| row.get(i)).collect();
            f(&terms);
        }
    }
    Ok(())
}

/// The data lines are cut in blocks of about this many bytes; the index
/// ends with the first line of each block and its offset, so that a reader
/// holding those finds any key with one read of one block.
const BLOCK: u64 = 16 << 10;

/// The length of the footer: the offset of the block list, 20 digits and a
/// newline.
const FOOTER: u64 = 21;

/// Writes the index of `facts` to `dir/LOOKUP`: the sorted lines, then the
/// block list (offset TAB first line, per block), then the footer.
pub(crate) fn write(facts: &Facts, dir: &Path) -> Result<(), LookupError> {
    write_lines(facts.lines().into_iter().map(Ok), dir)
}

/// Writes sorted, distinct lines as an index file in `dir`.
fn write_lines(
    lines: impl Iterator<Item = std::io::Result<String>>,
    dir: &Path,
) -> Result<(), LookupError> {
    let tmp = dir.join(format!("{FILE}.tmp"));
    let mut w = BufWriter::new(File::create(&tmp)?);
    let mut at = 0u64;
    let mut blocks: Vec<(u64, String)> = Vec::new();
    for l in lines {
        let l = l?;
        if blocks.last().is_none_or(|b| at >= b.0 + BLOCK) {
            blocks.push((at, l.clone()));
        }
        w.write_all(l.as_bytes())?;
        w.write_all(b"\n")?;
        at += l.len() as u64 + 1;
    }
    for (offset, first) in blocks {
        writeln!(w, "{offset}\t{first}")?;
    }
    writeln!(w, "{at:020}")?;
    let f = w.into_inner().map_err(|e| e.into_error())?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, dir.join(FILE))?;
    Ok(())
}

/// Writes to `dir` the index of a published view's quads (its index is in
/// `base`) together with `facts`, the facts of quads added since: the new
/// lines are merged into the old ones in one sequential pass, without
/// reading the old ones into memory. Returns `Ok(false)`, writing nothing,
/// when the added facts change what the old index says of an entity (its
/// class or canonical name, or one it lists no class and name for while
/// listing relations under it): those lines are spread over the whole
/// index, which must then be rebuilt.
pub(crate) fn write_merged(facts: &Facts, base: &Path, dir: &Path) -> Result<bool, LookupError> {
    let r = Reader::open(base).ok_or(LookupError::Unreadable)?;
    // each entity the new facts touch, with its class and name as the old
    // index has them and as they are with the new facts
    let mut touched: Vec<u32> = facts
        .types
        .keys()
        .chain(facts.labels.keys())
        .copied()
        .collect();
    touched.extend(facts.names.iter().map(|(e, _)| *e));
    for &(s, _, o) in &facts.relations {
        touched.extend([s, o]);
    }
    touched.sort_unstable();
    touched.dedup();
    let mut info: HashMap<u32, (&'static str, String)> = HashMap::new();
    for e in touched {
        let iri = facts.iris.get_index(e as usize).map_or("", |s| s.as_str());
        let old = r.entity(iri)?.and_then(|(t, l)| {
            let t = EntityType::parse(&t)?.as_str();
            Some((t, l))
        });
        // the smallest class and name win, as in `add_class`/`add_label`
        let t = least(old.as_ref().map(|o| o.0), facts.types.get(&e).copied());
        let l = least(
            old.as_ref().map(|o| o.1.as_str()),
            facts.labels.get(&e).map(String::as_str),
        );
        let Some(now) = t.zip(l.map(str::to_string)) else {
            continue;
        };
        match old {
            Some(old) if old != now => return Ok(false),
            None if !r.relations(iri, 1)?.0.is_empty() => return Ok(false),
            _ => {}
        }
        info.insert(e, now);
    }
    let new = facts.lines_with(|e| info.get(&e).map(|(t, l)| (*t, l.as_str())));
    // one pass over the old lines, the new ones slotted in
    let mut old = BufReader::with_capacity(1 << 20, &r.file);
    old.seek(SeekFrom::Start(0))?;
    let old_lines = old.take(r.len).lines();
    write_lines(merge_sorted(old_lines, new.into_iter()), dir)?;
    Ok(true)
}

/// The smaller of two optional values, or the one given.
fn least<T: Ord>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Merges two sorted sequences of lines into one, each distinct line once.
fn merge_sorted(
    a: impl Iterator<Item = std::io::Result<String>>,
    b: impl Iterator<Item = String>,
) -> impl Iterator<Item = std::io::Result<String>> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || {
        let order = match (a.peek(), b.peek()) {
            (None, None) => return None,
            (Some(Err(_)), _) | (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(Ok(x)), Some(y)) => x.as_bytes().cmp(y.as_bytes()),
        };
        if order == std::cmp::Ordering::Equal {
            b.next();
        }
        if order != std::cmp::Ordering::Greater {
            a.next()
        } else {
            b.next().map(Ok)
        }
    })
}

/// Whether the index file at `path` is exactly the index of `store`.
pub(crate) fn matches(store: &Store, path: &Path) -> Result<bool, LookupError> {
    let all = Facts::of_store(store)?.lines();
    let Some(r) = Reader::open(path.parent().unwrap_or(Path::new("."))) else {
        return Ok(false);
    };
    let mut it = all.iter();
    (&r.file).seek(SeekFrom::Start(0))?;
    let mut f = BufReader::new(&r.file).take(r.len);
    let mut l = String::new();
    loop {
        l.clear();
        if f.read_line(&mut l)? == 0 {
            break;
        }
        if it.next().map(|x| x.as_str()) != Some(l.trim_end_matches('\n')) {
            return Ok(false);
        }
    }
    Ok(it.next().is_none())
}

/// A neighbour as the index gives it: IRI, class, canonical name.
pub(crate) type Entry = (NamedNode, String, String);

/// The neighbours of an entity in one list: predicate, direction, entries.
pub(crate) type List = (Predicate, bool, Vec<Entry>);

/// Reads a view's index.
pub(crate) struct Reader {
    file: File,
    /// The length of the lines.
    len: u64,
    /// The first line of each block and its offset.
    blocks: Vec<(Vec<u8>, u64)>,
}

impl Reader {
    /// The index of the view in `dir`, if it has one (its block list is
    /// read into memory).
    pub(crate) fn open(dir: &Path) -> Option<Reader> {
        let mut file = File::open(dir.join(FILE)).ok()?;
        let total = file.metadata().ok()?.len();
        file.seek(SeekFrom::Start(total.checked_sub(FOOTER)?))
            .ok()?;
        let mut footer = String::new();
        (&file).take(FOOTER).read_to_string(&mut footer).ok()?;
        let len: u64 = footer.trim_end().parse().ok()?;
        file.seek(SeekFrom::Start(len)).ok()?;
        let mut list = Vec::new();
        (&file)
            .take(total - FOOTER - len)
            .read_to_end(&mut list)
            .ok()?;
        let mut blocks = Vec::new();
        for l in list.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let tab = l.iter().position(|&b| b == b'\t')?;
            let offset = std::str::from_utf8(&l[..tab]).ok()?.parse().ok()?;
            blocks.push((l[tab + 1..].to_vec(), offset));
        }
        Some(Reader { file, len, blocks })
    }

    /// The offset of the block holding the first line not less than `key`.
    fn block_of(&self, key: &[u8]) -> u64 {
        let i = self.blocks.partition_point(|b| b.0.as_slice() < key);
        i.checked_sub(1).map_or(0, |i| self.blocks[i].1)
    }

    /// Calls `f` with the rest of each line starting with `prefix`, in
    /// order, until it returns `Some(key)`: then goes on from the first
    /// line not less than that key.
    fn scan(&self, prefix: &str, mut f: impl FnMut(&str) -> Option<String>) -> std::io::Result<()> {
        let mut r = BufReader::with_capacity(BLOCK as usize, &self.file);
        let mut key = prefix.as_bytes().to_vec();
        let mut at = self.block_of(&key);
        r.seek(SeekFrom::Start(at))?;
        let mut l = Vec::new();
        while at < self.len {
            l.clear();
            at += r.read_until(b'\n', &mut l)? as u64;
            if l.last() == Some(&b'\n') {
                l.pop();
            }
            if l.as_slice() < key.as_slice() {
                continue;
            }
            let Some(rest) = l.strip_prefix(prefix.as_bytes()) else {
                return Ok(());
            };
            if let Some(next) = f(&String::from_utf8_lossy(rest)) {
                key = next.into_bytes();
                let to = self.block_of(&key);
                if to > at {
                    r.seek(SeekFrom::Start(to))?;
                    at = to;
                }
            }
        }
        Ok(())
    }

    /// The entities with this canonical name or alias, with their class
    /// and canonical name.
    pub(crate) fn named(&self, name: &str) -> std::io::Result<Vec<Entry>> {
        let mut out = Vec::new();
        self.scan(&format!("n\t{}\t", esc(name)), |rest| {
            let mut parts = rest.splitn(3, '\t');
            if let (Some(e), Some(t), Some(l)) = (parts.next(), parts.next(), parts.next()) {
                out.push((NamedNode::new_unchecked(e), t.to_string(), unesc(l)));
            }
            None
        })?;
        Ok(out)
    }

    /// An entity's zhengtu class and canonical name.
    pub(crate) fn entity(&self, e: &str) -> std::io::Result<Option<(String, String)>> {
        let mut out = None;
        self.scan(&format!("e\t{e}\t"), |rest| {
            if out.is_none() {
                if let Some((t, l)) = rest.split_once('\t') {
                    out = Some((t.to_string(), unesc(l)));
                }
            }
            None
        })?;
        Ok(out)
    }

    /// The neighbours of `e` by list, at most `limit` per list (the first
    /// by name), and whether any list had more.
    pub(crate) fn relations(&self, e: &str, limit: usize) -> std::io::Result<(Vec<List>, bool)> {
        let mut out: Vec<List> = Vec::new();
        let mut cut = false;
        let prefix = format!("r\t{e}\t");
        self.scan(&prefix, |rest| {
            let mut parts = rest.splitn(4, '\t');
            let (Some(list), Some(label), Some(iri), Some(t)) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return None;
            };
            let outgoing = list.ends_with('o');
            let p = list
                .get(..list.len().saturating_sub(1))
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| Predicate::ALL.get(i).copied())?;
            if !matches!(out.last(), Some((q, o, _)) if *q == p && *o == outgoing) {
                out.push((p, outgoing, Vec::new()));
            }
            let cur = &mut out.last_mut()?.2;
            if cur.len() == limit {
                // the rest of this list is skipped
                cut = true;
                return Some(format!("{prefix}{list}\n"));
            }
            cur.push((NamedNode::new_unchecked(iri), t.to_string(), unesc(label)));
            None
        })?;
        Ok((out, cut))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal};

    fn quad(s: &str, p: &str, o: Term) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(s),
            NamedNode::new_unchecked(p),
            o,
            GraphName::DefaultGraph,
        )
    }

    /// The facts of entities given as (IRI, class, label) and relations
    /// given as (subject, predicate, object).
    fn facts(entities: &[(&str, &str, &str)], relations: &[(&str, Predicate, &str)]) -> Facts {
        let mut f = Facts::default();
        for (e, t, l) in entities {
            let t = NamedNode::new_unchecked(format!("{}{t}", vocab::ZT));
            f.add(&quad(e, RDF_TYPE, t.into()));
            let l = Literal::new_language_tagged_literal_unchecked(*l, "zh");
            f.add(&quad(e, RDFS_LABEL, l.into()));
        }
        for (s, p, o) in relations {
            let p = vocab::property(*p).as_str();
            f.add(&quad(s, p, NamedNode::new_unchecked(*o).into()));
        }
        f
    }

    fn index(dir: &Path) -> String {
        std::fs::read_to_string(dir.join(FILE)).expect("an index")
    }

    #[test]
    fn added_facts_merge_into_the_old_lines_as_a_rebuild_would_write_them() {
        let tmp = tempfile::tempdir().expect("a directory");
        let (base, merged, whole) = (
            tmp.path().join("a"),
            tmp.path().join("b"),
            tmp.path().join("c"),
        );
        for d in [&base, &merged, &whole] {
            std::fs::create_dir(d).expect("a directory");
        }
        let city = ("http://x/place/1", "Place", "兰州市");
        let bureau = ("http://x/agency/1", "Agency", "兰州市住房和城乡建设局");
        let bank = ("http://x/org/1", "Organization", "兰州银行股份有限公司");
        let old_rel = (bureau.0, Predicate::Jurisdiction, city.0);
        let new_rel = (bureau.0, Predicate::PartnerOf, bank.0);
        write(&facts(&[city, bureau], &[old_rel]), &base).expect("written");
        // a new entity, related to an old one
        let added = facts(&[bank, bureau], &[new_rel]);
        assert!(write_merged(&added, &base, &merged).expect("merged"));
        write(&facts(&[city, bureau, bank], &[old_rel, new_rel]), &whole).expect("written");
        assert_eq!(index(&merged), index(&whole));
        assert!(Reader::open(&merged).is_some());
        // a smaller canonical name of an old entity changes lines all over
        // the index: no merge
        let renamed = facts(&[("http://x/agency/1", "Agency", "兰州市住建局")], &[]);
        assert!(!write_merged(&renamed, &base, &tmp.path().join("c")).expect("checked"));
    }

    #[test]
    fn merging_keeps_order_and_drops_repeats() {
        let a = ["a", "c", "e"].map(|s| Ok(s.to_string()));
        let b = ["b", "c", "f"].map(String::from);
        let out: Vec<String> = merge_sorted(a.into_iter(), b.into_iter())
            .map(|l| l.expect("a line"))
            .collect();
        assert_eq!(out, ["a", "b", "c", "e", "f"]);
    }
}
