//! The graph stage: resolved articles → one petgraph graph.
//!
//! Nodes are [`Entity`]s merged by identity key across articles (their
//! names united); an edge is one relation between two entities, with the
//! articles that state it ([`Support`]: the article, the post for
//! `memberOf`, the evidence sentence). Beside the graph, each
//! [`ArticleRecord`] lists what its article names and states, by node and
//! edge, so that the `rdf` stage writes each article's named graph from the
//! graph itself.
//!
//! The same graph is read back from a store by `export`, which cuts it
//! with petgraph's traversal and filtering ([`KnowledgeGraph::around`],
//! [`KnowledgeGraph::only_types`]).
//!
//! Takes: [`crate::resolve::ResolvedDoc`]s with their source documents, or
//! entities and relations read from a store. Gives: a [`KnowledgeGraph`].

use std::collections::{BTreeSet, HashSet};

use indexmap::IndexMap;
use petgraph::algo::dijkstra;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, UndirectedAdaptor};

use crate::model::{Article, Entity, Evidence};
use crate::resolve::ResolvedDoc;
use crate::text::Document;
use crate::{EntityType, Predicate};

/// One article's statement of a relation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Support {
    /// The article's id.
    pub(crate) article: String,
    /// The post, for `memberOf`.
    pub(crate) role: Option<String>,
    /// The sentence it was read from (not loaded when the graph is read
    /// back from a store for drawing).
    pub(crate) evidence: Option<Evidence>,
}

/// A relation edge: its predicate and the articles stating it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Edge {
    /// The predicate.
    pub(crate) predicate: Predicate,
    /// Who states it, in the order they were added.
    pub(crate) support: Vec<Support>,
}

impl Edge {
    /// The number of distinct articles stating the relation.
    pub(crate) fn article_count(&self) -> usize {
        let ids: BTreeSet<&str> = self.support.iter().map(|s| s.article.as_str()).collect();
        ids.len()
    }

    /// The posts of a `memberOf` edge, each once, sorted and joined with 、
    /// (a post written as a list, 市委常委、副市长, counts as its parts).
    pub(crate) fn roles(&self) -> Option<String> {
        let parts: BTreeSet<&str> = self
            .support
            .iter()
            .filter_map(|s| s.role.as_deref())
            .flat_map(|r| r.split('、'))
            .collect();
        (!parts.is_empty()).then(|| parts.into_iter().collect::<Vec<_>>().join("、"))
    }
}

/// What one article names and states, by node and edge of the graph.
#[derive(Debug, Clone)]
pub(crate) struct ArticleRecord {
    /// The article.
    pub(crate) article: Article,
    /// The people of its byline.
    pub(crate) byline: Vec<NodeIndex>,
    /// The entities it names, each with the names it uses for it.
    pub(crate) mentions: Vec<(NodeIndex, BTreeSet<String>)>,
    /// The relations it states: the edge and the position of the article's
    /// support in the edge's list.
    pub(crate) statements: Vec<(EdgeIndex, usize)>,
}

/// The knowledge graph of a corpus, or of a store read back.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    /// Entities and relations (stable indices survive removals, so that a
    /// cut keeps the indices of what it keeps).
    pub graph: StableDiGraph<Entity, Edge>,
    /// Identity key → node.
    index: IndexMap<String, NodeIndex>,
    /// Articles in input order.
    pub(crate) articles: Vec<ArticleRecord>,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// The node of an identity key.
    pub(crate) fn node(&self, key: &str) -> Option<NodeIndex> {
        self.index.get(key).copied()
    }

    /// Adds an entity, or unites its names with the node of its key;
    /// returns the node.
    pub(crate) fn add_entity(&mut self, e: &Entity) -> NodeIndex {
        match self.index.get(&e.key) {
            Some(&ni) => {
                self.graph[ni].aliases.extend(e.aliases.iter().cloned());
                ni
            }
            None => {
                let ni = self.graph.add_node(e.clone());
                self.index.insert(e.key.clone(), ni);
                ni
            }
        }
    }

    /// Adds one article's statement of a relation between two nodes;
    /// returns the edge and the position of the support in it.
    pub(crate) fn add_relation(
        &mut self,
        s: NodeIndex,
        p: Predicate,
        o: NodeIndex,
        support: Support,
    ) -> (EdgeIndex, usize) {
        let existing = self
            .graph
            .edges_connecting(s, o)
            .find(|e| e.weight().predicate == p)
            .map(|e| e.id());
        let ei = existing.unwrap_or_else(|| {
            self.graph.add_edge(
                s,
                o,
                Edge {
                    predicate: p,
                    support: Vec::new(),
                },
            )
        });
        let list = &mut self.graph[ei].support;
        list.push(support);
        (ei, list.len() - 1)
    }

    /// Adds the articles of a resolved document.
    pub(crate) fn add_document(&mut self, doc: &Document, res: &ResolvedDoc) {
        for a in &res.articles {
            let article = Article {
                id: Article::id_of(&doc.hash, a.index),
                path: doc.path.to_string_lossy().into_owned(),
                file_hash: doc.hash.clone(),
                index: a.index,
                headline: a.headline.clone(),
                source_url: doc.source_url.clone(),
            };
            let mut rec = ArticleRecord {
                byline: Vec::new(),
                mentions: Vec::new(),
                statements: Vec::new(),
                article,
            };
            for e in a.entities.values() {
                let ni = self.add_entity(e);
                rec.mentions.push((ni, e.aliases.clone()));
            }
            rec.byline = a.byline.iter().filter_map(|k| self.node(k)).collect();
            for r in &a.relations {
                let (Some(s), Some(o)) = (self.node(&r.subject), self.node(&r.object)) else {
                    continue;
                };
                let support = Support {
                    article: rec.article.id.clone(),
                    role: r.role.clone(),
                    evidence: Some(r.evidence.clone()),
                };
                rec.statements
                    .push(self.add_relation(s, r.predicate, o, support));
            }
            self.articles.push(rec);
        }
    }

    /// Nodes whose canonical name or one of whose other names is `name`,
    /// those of that canonical name first.
    pub(crate) fn lookup(&self, name: &str) -> Vec<NodeIndex> {
        let mut out: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&ni| {
                let n = &self.graph[ni];
                n.name == name || n.aliases.contains(name)
            })
            .collect();
        out.sort_by_key(|&ni| (self.graph[ni].name != name, ni.index()));
        out
    }

    /// Keeps the entities within `depth` relations (in either direction)
    /// of the start nodes, and the relations between them.
    pub(crate) fn around(&mut self, start: &[NodeIndex], depth: usize) {
        let mut keep: HashSet<NodeIndex> = HashSet::new();
        for &s in start {
            let dist = dijkstra(UndirectedAdaptor(&self.graph), s, None, |_| 1usize);
            keep.extend(
                dist.into_iter()
                    .filter(|(_, d)| *d <= depth)
                    .map(|(n, _)| n),
            );
        }
        self.retain(|_, ni| keep.contains(&ni));
    }

    /// Keeps the entities of some types, and the relations between them.
    pub(crate) fn only_types(&mut self, types: &[EntityType]) {
        self.retain(|e, _| types.contains(&e.etype));
    }

    /// Keeps the nodes `keep` accepts; removes the others with their edges
    /// and what the articles say of them. Indices of what is kept do not
    /// change.
    fn retain(&mut self, mut keep: impl FnMut(&Entity, NodeIndex) -> bool) {
        self.graph.retain_nodes(|g, ni| keep(&g[ni], ni));
        let g = &self.graph;
        self.index.retain(|_, ni| g.contains_node(*ni));
        for a in &mut self.articles {
            a.byline.retain(|ni| g.contains_node(*ni));
            a.mentions.retain(|(ni, _)| g.contains_node(*ni));
            a.statements.retain(|(ei, _)| g.edge_weight(*ei).is_some());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(key: &str, t: EntityType, name: &str, aliases: &[&str]) -> Entity {
        let mut e = Entity::new(key.into(), t, name.into());
        e.aliases = aliases.iter().map(|a| a.to_string()).collect();
        e
    }

    fn said(article: &str, role: Option<&str>) -> Support {
        Support {
            article: article.into(),
            role: role.map(String::from),
            evidence: None,
        }
    }

    /// A bureau with a branch and a unit, a district, and a person.
    fn sample() -> (KnowledgeGraph, [NodeIndex; 5]) {
        let mut kg = KnowledgeGraph::new();
        let bureau = kg.add_entity(&ent(
            "agency:甲市规划局",
            EntityType::Agency,
            "甲市规划局",
            &["市规划局"],
        ));
        let branch = kg.add_entity(&ent(
            "agency:甲市规划局东区分局",
            EntityType::Agency,
            "甲市规划局东区分局",
            &["东区分局"],
        ));
        let unit = kg.add_entity(&ent(
            "agency:甲市规划局东区分局综合科",
            EntityType::Agency,
            "甲市规划局东区分局综合科",
            &[],
        ));
        let district = kg.add_entity(&ent("place:999901", EntityType::Place, "东区", &[]));
        let person = kg.add_entity(&ent("person:9999:李某", EntityType::Person, "李某", &[]));
        kg.add_relation(
            branch,
            Predicate::SubOrganizationOf,
            bureau,
            said("a-0", None),
        );
        kg.add_relation(
            unit,
            Predicate::SubOrganizationOf,
            branch,
            said("a-0", None),
        );
        kg.add_relation(branch, Predicate::Jurisdiction, district, said("a-1", None));
        kg.add_relation(person, Predicate::MemberOf, unit, said("a-1", Some("科长")));
        (kg, [bureau, branch, unit, district, person])
    }

    #[test]
    fn an_entity_named_in_two_articles_is_one_node_with_all_its_names() {
        let (mut kg, [bureau, ..]) = sample();
        let again = kg.add_entity(&ent(
            "agency:甲市规划局",
            EntityType::Agency,
            "甲市规划局",
            &["规划局"],
        ));
        assert_eq!(again, bureau);
        assert_eq!(kg.graph.node_count(), 5);
        let names: Vec<&str> = kg.graph[bureau]
            .aliases
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(names, ["市规划局", "规划局"]);
        assert_eq!(kg.lookup("规划局"), vec![bureau]);
        assert!(kg.lookup("乙市规划局").is_empty());
    }

    #[test]
    fn a_relation_stated_twice_is_one_edge_with_both_articles() {
        let (mut kg, [_, _, unit, _, person]) = sample();
        let (e1, at) = kg.add_relation(
            person,
            Predicate::MemberOf,
            unit,
            said("a-2", Some("党支部书记、科长")),
        );
        assert_eq!(at, 1);
        assert_eq!(kg.graph.edge_count(), 4);
        let edge = &kg.graph[e1];
        assert_eq!(edge.article_count(), 2);
        // posts are listed once each, sorted
        assert_eq!(edge.roles().as_deref(), Some("党支部书记、科长"));
        // another predicate between the same two is another edge
        let (e2, _) = kg.add_relation(person, Predicate::PartnerOf, unit, said("a-2", None));
        assert_ne!(e1, e2);
        assert_eq!(kg.graph[e2].roles(), None);
    }

    #[test]
    fn a_cut_around_a_node_keeps_what_is_within_reach_and_its_indices() {
        let (mut kg, [bureau, branch, unit, district, person]) = sample();
        let unit_edge = kg.graph.find_edge(person, unit);
        kg.around(&[unit], 1);
        let kept: BTreeSet<NodeIndex> = kg.graph.node_indices().collect();
        assert_eq!(kept, BTreeSet::from([branch, unit, person]));
        assert!(!kg.graph.contains_node(bureau) && !kg.graph.contains_node(district));
        // kept edges keep their indices (their ids in the export formats)
        assert_eq!(kg.graph.find_edge(person, unit), unit_edge);
        assert_eq!(kg.node("agency:甲市规划局"), None);
    }

    #[test]
    fn a_cut_by_type_drops_the_relations_of_the_others() {
        let (mut kg, _) = sample();
        kg.only_types(&[EntityType::Agency]);
        assert_eq!(kg.graph.node_count(), 3);
        assert_eq!(kg.graph.edge_count(), 2);
        assert!(kg
            .graph
            .edge_weights()
            .all(|e| e.predicate == Predicate::SubOrganizationOf));
        assert!(kg
            .graph
            .node_weights()
            .all(|e| e.etype == EntityType::Agency));
    }
}
