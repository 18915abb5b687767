//! The entity graph as visualization tools see it: nodes (entities with
//! type, canonical name, aliases, code) and edges (the seven relations, with
//! roles and the number of articles supporting them), read from the store,
//! optionally cut around a name or to some types. Deterministic: nodes are
//! sorted by IRI, edges by (subject, predicate, object).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::store::{iri_value as iri, literal_value as lit, StoreError, ZStore, PREFIXES};
use crate::{EntityType, Predicate};

/// An entity node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VNode {
    /// Entity IRI (the stable id).
    pub iri: String,
    /// Entity type.
    pub etype: EntityType,
    /// Canonical name.
    pub label: String,
    /// Other names, sorted.
    pub aliases: Vec<String>,
    /// Division code, for divisions.
    pub code: Option<String>,
}

/// A relation edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VEdge {
    /// Stable id: `e` + index in the sorted edge list of the whole graph.
    pub id: String,
    /// Subject IRI.
    pub source: String,
    /// Object IRI.
    pub target: String,
    /// The relation.
    pub predicate: Predicate,
    /// Posts of a memberOf edge, joined with 、.
    pub role: Option<String>,
    /// Number of articles stating it.
    pub articles: usize,
}

/// Nodes and edges.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// Nodes by IRI.
    pub nodes: BTreeMap<String, VNode>,
    /// Edges sorted by (source, predicate, target).
    pub edges: Vec<VEdge>,
}

/// Which part of the graph to export.
#[derive(Debug, Clone, Default)]
pub struct Cut {
    /// Start from the entities named so (canonical name or alias).
    pub around: Option<String>,
    /// Hops from the start.
    pub depth: usize,
    /// Keep only these types (empty: all).
    pub types: Vec<EntityType>,
}

/// Errors of cutting.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No entity has the name.
    #[error("no entity is named {0}")]
    Unknown(String),
}

impl View {
    /// The graph of neighbourhoods as `neighbors` found them (the edges
    /// walked, without aliases, codes or article counts), for drawing them
    /// with the export formats.
    pub fn from_neighborhoods(found: &[crate::store::Neighborhood]) -> View {
        let mut v = View::default();
        let mut node = |iri: &str, etype: &str, label: &str| {
            if let Some(etype) = EntityType::parse(etype) {
                v.nodes.entry(iri.to_string()).or_insert_with(|| VNode {
                    iri: iri.to_string(),
                    etype,
                    label: label.to_string(),
                    aliases: Vec::new(),
                    code: None,
                });
            }
        };
        let mut edges = BTreeSet::new();
        for nb in found {
            node(nb.iri.as_str(), &nb.etype, &nb.label);
            for rows in &nb.levels {
                for (from, _, n) in rows {
                    node(n.iri.as_str(), &n.etype, &n.label);
                    let (a, b) = if n.outgoing {
                        (from.as_str(), n.iri.as_str())
                    } else {
                        (n.iri.as_str(), from.as_str())
                    };
                    edges.insert((a.to_string(), n.predicate, b.to_string()));
                }
            }
        }
        v.edges = edges
            .into_iter()
            .enumerate()
            .map(|(i, (source, predicate, target))| VEdge {
                id: format!("e{i}"),
                source,
                target,
                predicate,
                role: None,
                articles: 1,
            })
            .collect();
        v
    }

    /// Reads the whole entity graph from a store.
    pub fn read(store: &ZStore) -> Result<View, StoreError> {
        let mut v = View::default();
        let q = format!(
            "{PREFIXES}SELECT ?e ?t ?l (GROUP_CONCAT(DISTINCT ?a; SEPARATOR=\"\\u0001\") AS ?as) (SAMPLE(?c) AS ?code) WHERE {{ \
             VALUES ?t {{ zt:Agency zt:Organization zt:Place zt:Person zt:Project zt:Document }} \
             ?e a ?t ; rdfs:label ?l . OPTIONAL {{ ?e skos:altLabel ?a }} OPTIONAL {{ ?e skos:notation ?c }} }} GROUP BY ?e ?t ?l"
        );
        for row in store.select(&q)? {
            let (Some(e), Some(t), Some(l)) = (iri(&row[0]), iri(&row[1]), lit(&row[2])) else {
                continue;
            };
            let Some(etype) = EntityType::parse(t.rsplit('#').next().unwrap_or("")) else {
                continue;
            };
            let mut aliases: Vec<String> = lit(&row[3])
                .map(|s| {
                    s.split('\u{1}')
                        .filter(|a| !a.is_empty() && *a != l)
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            aliases.sort();
            aliases.dedup();
            v.nodes.entry(e.clone()).or_insert(VNode {
                iri: e,
                etype,
                label: l,
                aliases,
                code: lit(&row[4]),
            });
        }
        let preds: Vec<String> = Predicate::ALL
            .iter()
            .map(|p| format!("zt:{}", p.as_str()))
            .collect();
        let q = format!(
            "{PREFIXES}SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?p {{ {} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?s ?p ?o",
            preds.join(" ")
        );
        let mut edges: Vec<(String, Predicate, String, usize)> = Vec::new();
        for row in store.select(&q)? {
            let (Some(s), Some(p), Some(o)) = (iri(&row[0]), iri(&row[1]), iri(&row[2])) else {
                continue;
            };
            let Some(pred) = Predicate::parse(p.rsplit('#').next().unwrap_or("")) else {
                continue;
            };
            if !v.nodes.contains_key(&s) || !v.nodes.contains_key(&o) {
                continue;
            }
            let n = lit(&row[3]).and_then(|x| x.parse().ok()).unwrap_or(1);
            edges.push((s, pred, o, n));
        }
        // roles of memberships
        let q = format!(
            "{PREFIXES}SELECT ?s ?o (GROUP_CONCAT(DISTINCT ?r; SEPARATOR=\"、\") AS ?roles) WHERE {{ \
             ?m a org:Membership ; org:member ?s ; org:organization ?o ; zt:role ?r }} GROUP BY ?s ?o"
        );
        let mut roles: BTreeMap<(String, String), String> = BTreeMap::new();
        for row in store.select(&q)? {
            if let (Some(s), Some(o), Some(r)) = (iri(&row[0]), iri(&row[1]), lit(&row[2])) {
                let mut parts: Vec<&str> = r.split('、').collect();
                parts.sort();
                parts.dedup();
                roles.insert((s, o), parts.join("、"));
            }
        }
        edges.sort_by(|a, b| (&a.0, a.1, &a.2).cmp(&(&b.0, b.1, &b.2)));
        for (i, (s, p, o, n)) in edges.into_iter().enumerate() {
            let role = (p == Predicate::MemberOf)
                .then(|| roles.get(&(s.clone(), o.clone())).cloned())
                .flatten();
            v.edges.push(VEdge {
                id: format!("e{i}"),
                source: s,
                target: o,
                predicate: p,
                role,
                articles: n,
            });
        }
        Ok(v)
    }

    /// The part of the view a cut keeps.
    pub fn cut(self, store: &ZStore, cut: &Cut) -> Result<View, ViewError> {
        let mut keep: BTreeSet<String> = self.nodes.keys().cloned().collect();
        if let Some(name) = &cut.around {
            let start: Vec<String> = store
                .find(name)?
                .into_iter()
                .map(|(n, _, _)| n.as_str().to_string())
                .filter(|n| self.nodes.contains_key(n))
                .collect();
            if start.is_empty() {
                return Err(ViewError::Unknown(name.clone()));
            }
            let mut adj: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for e in &self.edges {
                adj.entry(&e.source).or_default().push(&e.target);
                adj.entry(&e.target).or_default().push(&e.source);
            }
            let mut seen: BTreeSet<String> = start.iter().cloned().collect();
            let mut queue: VecDeque<(String, usize)> = start.into_iter().map(|s| (s, 0)).collect();
            while let Some((n, d)) = queue.pop_front() {
                if d >= cut.depth {
                    continue;
                }
                for m in adj.get(n.as_str()).into_iter().flatten() {
                    if seen.insert(m.to_string()) {
                        queue.push_back((m.to_string(), d + 1));
                    }
                }
            }
            keep = seen;
        }
        if !cut.types.is_empty() {
            keep.retain(|n| {
                self.nodes
                    .get(n)
                    .is_some_and(|v| cut.types.contains(&v.etype))
            });
        }
        let nodes: BTreeMap<String, VNode> = self
            .nodes
            .into_iter()
            .filter(|(k, _)| keep.contains(k))
            .collect();
        let edges = self
            .edges
            .into_iter()
            .filter(|e| nodes.contains_key(&e.source) && nodes.contains_key(&e.target))
            .collect();
        Ok(View { nodes, edges })
    }
}
