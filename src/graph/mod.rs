//! The graph stage: resolved articles → one petgraph graph of the corpus.
//!
//! Nodes are entities merged by identity key across articles (aliases
//! united); edges are relations, each remembering the articles and evidence
//! sentences that support it. A [`indexmap::IndexMap`] maps keys to stable
//! node indices; [`KnowledgeGraph::lookup`] finds nodes by any of their names.
//!
//! Takes: [`crate::resolve::ResolvedDoc`]s with their source documents.
//! Gives: a [`KnowledgeGraph`].

use std::collections::BTreeSet;

use indexmap::IndexMap;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::resolve::{Evidence, ResolvedDoc};
use crate::text::Document;
use crate::{EntityType, Predicate};

/// An entity node.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Node {
    /// Identity key.
    pub key: String,
    /// Entity type.
    pub etype: EntityType,
    /// Canonical name.
    pub name: String,
    /// Other names.
    pub aliases: BTreeSet<String>,
    /// Division code.
    pub code: Option<String>,
    /// Division level.
    pub level: Option<&'static str>,
    /// Articles mentioning it (article ids).
    pub articles: BTreeSet<String>,
}

/// A relation edge.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Edge {
    /// The predicate.
    pub predicate: Predicate,
    /// The post, for memberOf.
    pub role: Option<String>,
    /// Supporting (article id, evidence) pairs.
    pub support: Vec<(String, Evidence)>,
}

/// An article's metadata.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ArticleMeta {
    /// Article id: `{file hash prefix}-{index}`.
    pub id: String,
    /// Source file path.
    pub path: String,
    /// Hex SHA-256 of the file.
    pub file_hash: String,
    /// Position in the file.
    pub index: usize,
    /// Headline.
    pub headline: Option<String>,
    /// `source:` URL of the file.
    pub source_url: Option<String>,
    /// Keys of the byline people.
    pub byline: Vec<String>,
    /// Keys of entities it mentions, with the aliases seen in it.
    pub entities: Vec<(String, BTreeSet<String>)>,
    /// Relations it supports: (subject, predicate, object, role, evidence).
    pub relations: Vec<(String, Predicate, String, Option<String>, Evidence)>,
}

/// The knowledge graph of a corpus.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    /// The graph (stable indices survive removals).
    pub graph: StableDiGraph<Node, Edge>,
    /// Identity key → node.
    pub index: IndexMap<String, NodeIndex>,
    /// Articles in input order.
    pub articles: Vec<ArticleMeta>,
}

/// The id of an article.
pub fn article_id(file_hash: &str, index: usize) -> String {
    format!("{}-{}", &file_hash[..16.min(file_hash.len())], index)
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a resolved document.
    pub fn add_document(&mut self, doc: &Document, res: &ResolvedDoc) {
        for a in &res.articles {
            let id = article_id(&doc.hash, a.index);
            let mut meta = ArticleMeta {
                id: id.clone(),
                path: doc.path.to_string_lossy().into_owned(),
                file_hash: doc.hash.clone(),
                index: a.index,
                headline: a.headline.clone(),
                source_url: doc.source_url.clone(),
                byline: a.byline.clone(),
                entities: Vec::new(),
                relations: Vec::new(),
            };
            for e in a.entities.values() {
                let ni = match self.index.get(&e.key) {
                    Some(&ni) => ni,
                    None => {
                        let ni = self.graph.add_node(Node {
                            key: e.key.clone(),
                            etype: e.etype,
                            name: e.name.clone(),
                            aliases: BTreeSet::new(),
                            code: e.code.clone(),
                            level: e.level,
                            articles: BTreeSet::new(),
                        });
                        self.index.insert(e.key.clone(), ni);
                        ni
                    }
                };
                let n = &mut self.graph[ni];
                n.aliases.extend(e.aliases.iter().cloned());
                n.articles.insert(id.clone());
                meta.entities.push((e.key.clone(), e.aliases.clone()));
            }
            for r in &a.relations {
                let (Some(&s), Some(&o)) = (self.index.get(&r.subject), self.index.get(&r.object))
                else {
                    continue;
                };
                meta.relations.push((
                    r.subject.clone(),
                    r.predicate,
                    r.object.clone(),
                    r.role.clone(),
                    r.evidence.clone(),
                ));
                let existing = self
                    .graph
                    .edges_connecting(s, o)
                    .find(|e| e.weight().predicate == r.predicate && e.weight().role == r.role)
                    .map(|e| e.id());
                match existing {
                    Some(ei) => self.graph[ei]
                        .support
                        .push((id.clone(), r.evidence.clone())),
                    None => {
                        self.graph.add_edge(
                            s,
                            o,
                            Edge {
                                predicate: r.predicate,
                                role: r.role.clone(),
                                support: vec![(id.clone(), r.evidence.clone())],
                            },
                        );
                    }
                }
            }
            self.articles.push(meta);
        }
    }

    /// Nodes whose canonical name or alias is `name`.
    pub fn lookup(&self, name: &str) -> Vec<NodeIndex> {
        let mut out: Vec<NodeIndex> = self
            .index
            .values()
            .copied()
            .filter(|&ni| {
                let n = &self.graph[ni];
                n.name == name || n.aliases.contains(name)
            })
            .collect();
        out.sort_by_key(|&ni| (self.graph[ni].name != name, ni.index()));
        out
    }

    /// Neighbours of a node: (predicate, outgoing?, other node).
    pub fn neighbors(&self, ni: NodeIndex) -> Vec<(Predicate, bool, NodeIndex)> {
        let mut out = Vec::new();
        for e in self.graph.edges_directed(ni, Direction::Outgoing) {
            out.push((e.weight().predicate, true, e.target()));
        }
        for e in self.graph.edges_directed(ni, Direction::Incoming) {
            out.push((e.weight().predicate, false, e.source()));
        }
        out
    }

    /// Number of entity nodes per type.
    pub fn counts(&self) -> Vec<(EntityType, usize)> {
        EntityType::ALL
            .iter()
            .map(|&t| {
                (
                    t,
                    self.graph.node_weights().filter(|n| n.etype == t).count(),
                )
            })
            .collect()
    }
}
