//! The stored graph read back into the graph stage's [`KnowledgeGraph`]
//! (entities with type, canonical name, other names and code; relations
//! with the articles stating them and the posts of memberships), in a
//! deterministic order: nodes by IRI, edges by (subject, predicate,
//! object), so that node and edge indices are the positions the export
//! formats write and a cut keeps them. Cuts use petgraph's own traversal
//! and filtering (see [`KnowledgeGraph::around`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::graph::{KnowledgeGraph, Support};
use crate::model::Entity;
use crate::rdf::entity_key;
use crate::store::{iri_value as iri, literal_value as lit, StoreError, ZStore};
use crate::vocab::{self, PREFIXES};
use crate::{EntityType, Predicate};

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

impl Cut {
    /// Whether the cut keeps the whole graph.
    pub(crate) fn is_whole(&self) -> bool {
        self.around.is_none() && self.types.is_empty()
    }
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

/// A relation read from the store: (subject IRI, predicate, object IRI).
type Triple = (String, Predicate, String);

/// The posts of memberships by (member IRI, organization IRI, graph IRI).
type Roles = BTreeMap<(String, String, String), BTreeSet<String>>;

/// Reads the whole entity graph of a store.
pub(crate) fn read(store: &ZStore) -> Result<KnowledgeGraph, StoreError> {
    let entities = read_entities(store)?;
    let supports = read_supports(store, &entities)?;
    let mut kg = KnowledgeGraph::new();
    for e in entities.values() {
        kg.add_entity(e);
    }
    for ((s, p, o), list) in supports {
        let (Some(si), Some(oi)) = (
            entities.get(&s).and_then(|e| kg.node(&e.key)),
            entities.get(&o).and_then(|e| kg.node(&e.key)),
        ) else {
            continue;
        };
        for sup in list {
            kg.add_relation(si, p, oi, sup);
        }
    }
    Ok(kg)
}

/// The entities of a store by IRI, with all their names and their codes
/// (not their division levels, which the drawings do not show: the union of
/// the article graphs repeats each optional value once per article, so each
/// one more multiplies the rows).
fn read_entities(store: &ZStore) -> Result<BTreeMap<String, Entity>, StoreError> {
    let q = format!(
        "{PREFIXES}SELECT ?e ?t ?l (GROUP_CONCAT(DISTINCT ?a; SEPARATOR=\"\\u0001\") AS ?as) (SAMPLE(?c) AS ?code) WHERE {{ \
         VALUES ?t {{ {} }} \
         ?e a ?t ; rdfs:label ?l . OPTIONAL {{ ?e skos:altLabel ?a }} OPTIONAL {{ ?e skos:notation ?c }} }} \
         GROUP BY ?e ?t ?l",
        vocab::class_values()
    );
    let mut out = BTreeMap::new();
    for row in store.select(&q)? {
        let (Some(e), Some(t), Some(l)) = (iri(&row[0]), iri(&row[1]), lit(&row[2])) else {
            continue;
        };
        let (Some(etype), Some(key)) = (vocab::type_of_class(&t), entity_key(&e)) else {
            continue;
        };
        let mut ent = Entity::new(key, etype, l);
        ent.aliases = lit(&row[3])
            .map(|s| {
                s.split('\u{1}')
                    .filter(|a| !a.is_empty() && *a != ent.name)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        ent.code = lit(&row[4]);
        out.entry(e).or_insert(ent);
    }
    Ok(out)
}

/// The articles stating each relation between entities of the store, with
/// the posts of memberships, by (subject, predicate, object) in order.
fn read_supports(
    store: &ZStore,
    entities: &BTreeMap<String, Entity>,
) -> Result<BTreeMap<Triple, Vec<Support>>, StoreError> {
    let q = format!(
        "{PREFIXES}SELECT DISTINCT ?s ?p ?o ?g WHERE {{ VALUES ?p {{ {} }} GRAPH ?g {{ ?s ?p ?o }} }}",
        vocab::property_values()
    );
    let mut out: BTreeMap<Triple, Vec<Support>> = BTreeMap::new();
    for row in store.select(&q)? {
        let (Some(s), Some(p), Some(o), Some(g)) =
            (iri(&row[0]), iri(&row[1]), iri(&row[2]), iri(&row[3]))
        else {
            continue;
        };
        let Some(pred) = vocab::predicate_of_property(&p) else {
            continue;
        };
        if !entities.contains_key(&s) || !entities.contains_key(&o) {
            continue;
        }
        let article = crate::rdf::article_of_graph(&g).unwrap_or(&g).to_string();
        out.entry((s, pred, o)).or_default().push(Support {
            article,
            role: None,
            evidence: None,
        });
    }
    for ((s, o, g), roles) in read_roles(store)? {
        let Some(list) = out.get_mut(&(s, Predicate::MemberOf, o)) else {
            continue;
        };
        let article = crate::rdf::article_of_graph(&g).unwrap_or(&g);
        if let Some(sup) = list.iter_mut().find(|x| x.article == article) {
            sup.role = Some(roles.into_iter().collect::<Vec<_>>().join("、"));
        }
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| a.article.cmp(&b.article));
    }
    Ok(out)
}

/// The posts of the memberships of each article graph, by (member,
/// organization, graph).
fn read_roles(store: &ZStore) -> Result<Roles, StoreError> {
    let q = format!(
        "{PREFIXES}SELECT DISTINCT ?s ?o ?g ?r WHERE {{ GRAPH ?g {{ \
         ?m a org:Membership ; org:member ?s ; org:organization ?o ; zt:role ?r }} }}"
    );
    let mut out = Roles::new();
    for row in store.select(&q)? {
        if let (Some(s), Some(o), Some(g), Some(r)) =
            (iri(&row[0]), iri(&row[1]), iri(&row[2]), lit(&row[3]))
        {
            out.entry((s, o, g)).or_default().insert(r);
        }
    }
    Ok(out)
}

/// Applies a cut to a graph read from a store: the neighbourhood of a
/// name, then the types kept.
pub(crate) fn cut(mut kg: KnowledgeGraph, cut: &Cut) -> Result<KnowledgeGraph, ViewError> {
    if let Some(name) = &cut.around {
        let start = kg.lookup(name);
        if start.is_empty() {
            return Err(ViewError::Unknown(name.clone()));
        }
        kg.around(&start, cut.depth);
    }
    if !cut.types.is_empty() {
        kg.only_types(&cut.types);
    }
    Ok(kg)
}

/// The graph of neighbourhoods as `neighbors` found them (the entities and
/// the relations walked, without other names, codes or articles), for
/// drawing them with the export formats.
pub fn of_neighborhoods(found: &[crate::store::Neighborhood]) -> KnowledgeGraph {
    let mut nodes: BTreeMap<String, Entity> = BTreeMap::new();
    let mut node = |iri: &str, etype: &str, label: &str| {
        let (Some(etype), Some(key)) = (EntityType::parse(etype), entity_key(iri)) else {
            return;
        };
        nodes
            .entry(iri.to_string())
            .or_insert_with(|| Entity::new(key, etype, label.to_string()));
    };
    let mut triples: BTreeSet<Triple> = BTreeSet::new();
    for nb in found {
        node(nb.iri.as_str(), &nb.etype, &nb.label);
        for (from, _, n) in nb.levels.iter().flatten() {
            node(n.iri.as_str(), &n.etype, &n.label);
            let (a, b) = if n.outgoing {
                (from.as_str(), n.iri.as_str())
            } else {
                (n.iri.as_str(), from.as_str())
            };
            triples.insert((a.to_string(), n.predicate, b.to_string()));
        }
    }
    let mut kg = KnowledgeGraph::new();
    for e in nodes.values() {
        kg.add_entity(e);
    }
    for (s, p, o) in triples {
        let (Some(si), Some(oi)) = (
            nodes.get(&s).and_then(|e| kg.node(&e.key)),
            nodes.get(&o).and_then(|e| kg.node(&e.key)),
        ) else {
            continue;
        };
        let walked = Support {
            article: String::new(),
            role: None,
            evidence: None,
        };
        kg.add_relation(si, p, oi, walked);
    }
    kg
}
