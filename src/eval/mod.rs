//! Evaluation: scores an N-Quads export against gold files in the format of
//! the annotation guidelines, with the rules of the project's `score.py`
//! (same matching, same counts): entities match by type and normalized name
//! (canonical or accepted), relations by the gold names of their ends;
//! optional gold items neither add recall nor cost precision.
//!
//! Takes: N-Quads bytes and a directory of gold JSON files. Gives: a
//! [`Score`] with P/R/F1 per type and per predicate.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
use unicode_normalization::UnicodeNormalization;

use crate::vocab::{rdf, rdfs, type_of_class, ZT};
use crate::{EntityType, Predicate};

/// Errors of the evaluation.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A gold file cannot be read.
    #[error("{path}: {msg}")]
    Gold {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        msg: String,
    },
    /// No gold files.
    #[error("no gold files in {0}")]
    NoGold(PathBuf),
    /// The export does not parse.
    #[error("export is not N-Quads: {0}")]
    Export(String),
}

/// Counts of one row: true positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// True positives.
    pub(crate) tp: usize,
    /// False positives.
    pub(crate) fp: usize,
    /// False negatives.
    pub(crate) fn_: usize,
}

impl Counts {
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Score {
    /// Counts per entity type.
    pub(crate) types: BTreeMap<String, Counts>,
    /// Counts per predicate.
    pub(crate) predicates: BTreeMap<String, Counts>,
    /// Entity false positives.
    pub(crate) false_positives: Vec<String>,
    /// Entity misses.
    pub(crate) misses: Vec<String>,
    /// Relation false positives.
    pub(crate) relation_false_positives: Vec<String>,
    /// Relation misses.
    pub(crate) relation_misses: Vec<String>,
}

impl Score {
    /// Total entity counts.
    pub fn entity_total(&self) -> Counts {
        let mut c = Counts::default();
        self.types.values().for_each(|x| c.add(x));
        c
    }

    /// Total relation counts.
    pub fn relation_total(&self) -> Counts {
        let mut c = Counts::default();
        self.predicates.values().for_each(|x| c.add(x));
        c
    }

    /// The table as `score.py` prints it, with the summary line.
    pub fn table(&self, errors: bool) -> String {
        let mut s = format!(
            "{:20} {:>6} {:>6} {:>6} {:>5} {:>5} {:>5}\n",
            "", "P", "R", "F1", "tp", "fp", "fn"
        );
        for (name, c) in self.types.iter().chain(self.predicates.iter()) {
            let (p, r, f) = c.prf();
            s += &format!(
                "{name:20} {p:6.3} {r:6.3} {f:6.3} {:5} {:5} {:5}\n",
                c.tp, c.fp, c.fn_
            );
        }
        if errors {
            for (title, rows) in [
                ("false positives", &self.false_positives),
                ("misses", &self.misses),
                ("relation false positives", &self.relation_false_positives),
                ("relation misses", &self.relation_misses),
            ] {
                let mut rows = rows.clone();
                rows.sort();
                s += &format!("\n{title} ({}):\n", rows.len());
                for r in rows {
                    s += &format!("  {r}\n");
                }
            }
        }
        let (ep, er, ef) = self.entity_total().prf();
        let (rp, rr, rf) = self.relation_total().prf();
        s += &format!(
            "entity P {ep:.3} R {er:.3} F1 {ef:.3}; relation P {rp:.3} R {rr:.3} F1 {rf:.3}\n"
        );
        s
    }
}

/// Name normalization of `score.py`: NFKC, no whitespace, full-width brackets.
pub(crate) fn norm(name: &str) -> String {
    let n: String = name.nfkc().collect();
    n.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            x => x,
        })
        .collect()
}

struct GoldEntity {
    etype: String,
    name: String,
    names: HashSet<String>,
    optional: bool,
}

#[derive(serde::Deserialize)]
struct GoldFile {
    entities: Vec<GoldEnt>,
    relations: Vec<GoldRel>,
}

#[derive(serde::Deserialize)]
struct GoldEnt {
    #[serde(rename = "type")]
    etype: String,
    name: String,
    #[serde(default)]
    accept: Vec<String>,
    #[serde(default)]
    optional: bool,
}

#[derive(serde::Deserialize)]
struct GoldRel {
    subject: String,
    predicate: String,
    object: String,
    #[serde(default)]
    optional: bool,
}

type RelKey = (String, String, String);

/// Gold entities and relations of a directory (optionally only some docs).
pub struct Gold {
    entities: Vec<GoldEntity>,
    relations: HashMap<RelKey, bool>,
    order: Vec<RelKey>,
}

impl Gold {
    /// Loads `*.json` gold files of a directory.
    pub fn load(dir: &Path, docs: &[String]) -> Result<Gold, EvalError> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| EvalError::Gold {
                path: dir.to_path_buf(),
                msg: e.to_string(),
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        if !docs.is_empty() {
            let wanted: HashSet<String> = docs.iter().map(|d| stem_of(d)).collect();
            files.retain(|f| {
                f.file_stem()
                    .is_some_and(|s| wanted.contains(&*s.to_string_lossy()))
            });
        }
        if files.is_empty() {
            return Err(EvalError::NoGold(dir.to_path_buf()));
        }
        let mut entities: Vec<GoldEntity> = Vec::new();
        let mut ent_index: HashMap<(String, String), usize> = HashMap::new();
        let mut relations: HashMap<RelKey, bool> = HashMap::new();
        let mut order = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|e| EvalError::Gold {
                path: f.clone(),
                msg: e.to_string(),
            })?;
            let g: GoldFile = serde_json::from_str(&text).map_err(|e| EvalError::Gold {
                path: f.clone(),
                msg: e.to_string(),
            })?;
            for e in g.entities {
                if EntityType::parse(&e.etype).is_none() {
                    return Err(EvalError::Gold {
                        path: f.clone(),
                        msg: format!("unknown type {}", e.etype),
                    });
                }
                let key = (e.etype.clone(), norm(&e.name));
                let idx = *ent_index.entry(key).or_insert_with(|| {
                    entities.push(GoldEntity {
                        etype: e.etype.clone(),
                        name: e.name.clone(),
                        names: [norm(&e.name)].into_iter().collect(),
                        optional: true,
                    });
                    entities.len() - 1
                });
                let ge = &mut entities[idx];
                ge.names.extend(e.accept.iter().map(|a| norm(a)));
                ge.optional = ge.optional && e.optional;
            }
            for r in g.relations {
                if Predicate::parse(&r.predicate).is_none() {
                    return Err(EvalError::Gold {
                        path: f.clone(),
                        msg: format!("unknown predicate {}", r.predicate),
                    });
                }
                let (mut s, mut o) = (norm(&r.subject), norm(&r.object));
                if r.predicate == "partnerOf" && o < s {
                    std::mem::swap(&mut s, &mut o);
                }
                let key = (s, r.predicate.clone(), o);
                match relations.get_mut(&key) {
                    Some(v) => *v = *v && r.optional,
                    None => {
                        relations.insert(key.clone(), r.optional);
                        order.push(key);
                    }
                }
            }
        }
        Ok(Gold {
            entities,
            relations,
            order,
        })
    }
}

struct PredEntity {
    node: String,
    etype: String,
    label: String,
}

fn term_key(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::BlankNode(b) => Some(format!("_:{}", b.as_str())),
        _ => None,
    }
}

/// Scores each source file on its own: the quads of the article graphs of
/// a file against the gold file of the same stem (`c11.txt` against
/// `c11.json`). Files without a gold file are left out; the result is in
/// the order of the file names.
pub fn score_files(
    quads: &[Quad],
    gold_dir: &Path,
    docs: &[String],
) -> Result<Vec<(String, Score)>, EvalError> {
    let mut by_graph: HashMap<String, Vec<Quad>> = HashMap::new();
    let mut file_of_graph: HashMap<String, String> = HashMap::new();
    for q in quads {
        let GraphName::NamedNode(g) = &q.graph_name else {
            continue;
        };
        if crate::rdf::article_of_graph(g.as_str()).is_none() {
            continue;
        }
        if q.predicate.as_str() == crate::vocab::zt::FROM_FILE.as_str() {
            if let Term::NamedNode(f) = &q.object {
                if let Some(path) = crate::rdf::file_path(f.as_str()) {
                    file_of_graph.insert(g.as_str().to_string(), path);
                }
            }
        }
        by_graph
            .entry(g.as_str().to_string())
            .or_default()
            .push(q.clone());
    }
    let mut by_stem: BTreeMap<String, Vec<Quad>> = BTreeMap::new();
    for (g, quads) in by_graph {
        let Some(stem) = file_of_graph
            .get(&g)
            .and_then(|p| Path::new(p).file_stem())
            .map(|s| s.to_string_lossy().into_owned())
        else {
            continue;
        };
        by_stem.entry(stem).or_default().extend(quads);
    }
    let wanted: HashSet<String> = docs.iter().map(|d| stem_of(d)).collect();
    let mut out = Vec::new();
    for (stem, quads) in by_stem {
        if !wanted.is_empty() && !wanted.contains(&stem) {
            continue;
        }
        let gold = match Gold::load(gold_dir, std::slice::from_ref(&stem)) {
            Ok(g) => g,
            Err(EvalError::NoGold(_)) => continue,
            Err(e) => return Err(e),
        };
        out.push((stem, score_quads(&quads, &gold)));
    }
    Ok(out)
}

/// The per-file lines: entity and relation F1 of each file.
pub fn file_lines(files: &[(String, Score)]) -> String {
    let width = files.iter().map(|(f, _)| f.len()).max().unwrap_or(4).max(4);
    let mut s = format!("{:width$} {:>8} {:>10}\n", "file", "entity", "relation");
    for (file, score) in files {
        let e = score.entity_total().prf().2;
        let r = score.relation_total().prf().2;
        s += &format!("{file:width$} {e:8.3} {r:10.3}\n");
    }
    s
}

fn stem_of(d: &str) -> String {
    Path::new(d)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Scores N-Quads against gold.
pub fn score_nquads(nquads: &[u8], gold: &Gold) -> Result<Score, EvalError> {
    Ok(score_quads(&parse_nquads(nquads)?, gold))
}

/// Parses an N-Quads export, in its order.
pub fn parse_nquads(nquads: &[u8]) -> Result<Vec<Quad>, EvalError> {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(nquads)
        .map(|q| q.map_err(|e| EvalError::Export(e.to_string())))
        .collect()
}

/// Scores parsed quads against gold.
pub fn score_quads(quads: &[Quad], gold: &Gold) -> Score {
    // read the export in order, as score.py does
    let mut types: Vec<(String, Vec<String>)> = Vec::new();
    let mut type_idx: HashMap<String, usize> = HashMap::new();
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut triples: Vec<(String, String, String)> = Vec::new();
    for q in quads {
        let s = match &q.subject {
            NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
            NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
            #[allow(unreachable_patterns)]
            _ => continue,
        };
        let p = q.predicate.as_str();
        if p == rdf::TYPE.as_str() {
            if let Term::NamedNode(o) = &q.object {
                if let Some(t) = type_of_class(o.as_str()).map(EntityType::as_str) {
                    let i = *type_idx.entry(s.clone()).or_insert_with(|| {
                        types.push((s.clone(), Vec::new()));
                        types.len() - 1
                    });
                    if !types[i].1.iter().any(|x| x == t) {
                        types[i].1.push(t.to_string());
                    }
                }
            }
        } else if p == rdfs::LABEL.as_str() {
            if let Term::Literal(l) = &q.object {
                labels.entry(s).or_insert_with(|| l.value().to_string());
            }
        } else if let Some(local) = p.strip_prefix(ZT) {
            if crate::vocab::predicate_of_property(p).is_some() {
                if let Some(o) = term_key(&q.object) {
                    triples.push((s, local.to_string(), o));
                }
            }
        }
    }
    let mut pred_entities = Vec::new();
    for (node, ts) in &types {
        if let Some(l) = labels.get(node) {
            // score.py iterates a set of types; one type per entity here
            let mut ts = ts.clone();
            ts.sort();
            for t in ts {
                pred_entities.push(PredEntity {
                    node: node.clone(),
                    etype: t,
                    label: l.clone(),
                });
            }
        }
    }
    score(gold, &pred_entities, &triples)
}

fn score(gold: &Gold, pred: &[PredEntity], triples: &[(String, String, String)]) -> Score {
    let mut index: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (gi, g) in gold.entities.iter().enumerate() {
        let mut names: Vec<&String> = g.names.iter().collect();
        names.sort();
        for n in names {
            index
                .entry((g.etype.clone(), n.clone()))
                .or_default()
                .push(gi);
        }
    }
    let mut matched: HashSet<usize> = HashSet::new();
    let mut node_gold: HashMap<String, String> = HashMap::new();
    let mut out = Score::default();
    for e in pred {
        let cands = index
            .get(&(e.etype.clone(), norm(&e.label)))
            .cloned()
            .unwrap_or_default();
        let free: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|g| !matched.contains(g))
            .collect();
        if let Some(&g) = free.first() {
            matched.insert(g);
            node_gold.insert(e.node.clone(), norm(&gold.entities[g].name));
            if !gold.entities[g].optional {
                out.types.entry(e.etype.clone()).or_default().tp += 1;
            }
        } else if !cands.is_empty() && cands.iter().all(|&g| gold.entities[g].optional) {
            node_gold
                .entry(e.node.clone())
                .or_insert_with(|| norm(&gold.entities[cands[0]].name));
        } else {
            out.types.entry(e.etype.clone()).or_default().fp += 1;
            out.false_positives.push(format!(
                "{} {}{}",
                e.etype,
                e.label,
                if cands.is_empty() { "" } else { " (duplicate)" }
            ));
        }
    }
    for (gi, g) in gold.entities.iter().enumerate() {
        if !matched.contains(&gi) && !g.optional {
            out.types.entry(g.etype.clone()).or_default().fn_ += 1;
            out.misses.push(format!("{} {}", g.etype, g.name));
        }
    }
    let mut seen: HashSet<RelKey> = HashSet::new();
    for (s, p, o) in triples {
        let (Some(gs), Some(go)) = (node_gold.get(s), node_gold.get(o)) else {
            out.predicates.entry(p.clone()).or_default().fp += 1;
            out.relation_false_positives
                .push(format!("{p}: unmatched ends"));
            continue;
        };
        let (mut gs, mut go) = (gs.clone(), go.clone());
        if p == "partnerOf" && go < gs {
            std::mem::swap(&mut gs, &mut go);
        }
        let key = (gs, p.clone(), go);
        if !seen.insert(key.clone()) {
            continue;
        }
        match gold.relations.get(&key) {
            Some(optional) => {
                if !optional {
                    out.predicates.entry(p.clone()).or_default().tp += 1;
                }
            }
            None => {
                out.predicates.entry(p.clone()).or_default().fp += 1;
                out.relation_false_positives
                    .push(format!("{} {} {}", key.0, key.1, key.2));
            }
        }
    }
    for key in &gold.order {
        let optional = gold.relations[key];
        if !seen.contains(key) && !optional {
            out.predicates.entry(key.1.clone()).or_default().fn_ += 1;
            out.relation_misses
                .push(format!("{} {} {}", key.0, key.1, key.2));
        }
    }
    out
}
