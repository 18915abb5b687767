//! The JSON API of the page: entities by name, and an entity's
//! neighbourhood with the evidence of each relation.
//!
//! Takes: a name (`/api/search?q=`) or an entity IRI (`/api/neighbors?iri=`)
//! and the store. Gives: JSON documents (see [`SearchHit`] and
//! [`Neighborhood`]).

use std::collections::BTreeMap;

use oxigraph::model::{NamedNode, Term};
use serde::Serialize;

use crate::store::{
    iri_value as iri, literal_value as lit, sparql_string, StoreError, ZStore, PREFIXES,
};
use crate::vocab::{self, PROV, RDF};

/// Errors of the API.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ApiError {
    /// A parameter is missing or malformed.
    #[error("{0}")]
    BadRequest(String),
    /// No entity has that IRI.
    #[error("no entity {0}")]
    NotFound(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An entity found by name.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SearchHit {
    /// Its IRI.
    pub(crate) iri: String,
    /// Its class (`Agency` …).
    #[serde(rename = "type")]
    pub(crate) etype: String,
    /// Its canonical name.
    pub(crate) label: String,
    /// The name that matched (label or alias).
    pub(crate) matched: String,
    /// Whether the name equals the search text.
    pub(crate) exact: bool,
}

/// An entity as shown on the page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EntityInfo {
    /// Its IRI.
    pub(crate) iri: String,
    /// Its class.
    #[serde(rename = "type")]
    pub(crate) etype: String,
    /// Its canonical name.
    pub(crate) label: String,
    /// The other names it was written as.
    pub(crate) aliases: Vec<String>,
}

/// A sentence supporting a relation, with its article.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Evidence {
    /// The sentence.
    pub(crate) sentence: String,
    /// The article's IRI.
    pub(crate) article: Option<String>,
    /// The article's headline.
    pub(crate) headline: Option<String>,
    /// The path of the source file.
    pub(crate) source: Option<String>,
    /// Character offsets of the sentence in the source file.
    pub(crate) start: Option<u64>,
    /// End offset.
    pub(crate) end: Option<u64>,
}

/// One relation of the entity and the entity at its other end.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct NeighborInfo {
    /// The predicate (`subOrganizationOf` …).
    pub(crate) predicate: String,
    /// `out` when the entity is the subject, `in` when it is the object.
    pub(crate) direction: &'static str,
    /// The other entity's IRI.
    pub(crate) iri: String,
    /// Its class.
    #[serde(rename = "type")]
    pub(crate) etype: String,
    /// Its canonical name.
    pub(crate) label: String,
    /// The sentences stating the relation.
    pub(crate) evidence: Vec<Evidence>,
}

/// An entity and its neighbours.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Neighborhood {
    /// The entity.
    pub(crate) entity: EntityInfo,
    /// Its relations.
    pub(crate) neighbors: Vec<NeighborInfo>,
    /// Whether relations were left out (more than the result limit).
    pub truncated: bool,
}

/// Whether a class IRI is one of the six entity classes.
fn entity_class(t: &str) -> Option<String> {
    vocab::type_of_class(t).map(|e| e.as_str().to_string())
}

/// Entities whose label or alias contains `q`: exact names first, then by
/// length of the canonical name; at most `max`.
pub(crate) fn search(store: &ZStore, q: &str, max: usize) -> Result<Vec<SearchHit>, ApiError> {
    let q = q.trim();
    if q.is_empty() {
        return Err(ApiError::BadRequest(
            "give a name to search: /api/search?q=NAME".into(),
        ));
    }
    if q.chars().count() > 200 {
        return Err(ApiError::BadRequest("the name is too long".into()));
    }
    let s = sparql_string(q);
    // the names are filtered before the join (as a subquery): filtering
    // after it is several times slower
    let query = format!(
        "{PREFIXES}SELECT DISTINCT ?e ?t ?l ?n WHERE {{ \
           {{ SELECT DISTINCT ?e ?n WHERE {{ \
             {{ ?e rdfs:label ?n }} UNION {{ ?e skos:altLabel ?n }} \
             FILTER(CONTAINS(STR(?n), {s})) }} }} \
           ?e a ?t ; rdfs:label ?l }}"
    );
    let mut hits: BTreeMap<String, SearchHit> = BTreeMap::new();
    for row in store.select(&query)? {
        let (Some(e), Some(t), Some(l), Some(n)) =
            (iri(&row[0]), iri(&row[1]), lit(&row[2]), lit(&row[3]))
        else {
            continue;
        };
        let Some(etype) = entity_class(&t) else {
            continue;
        };
        let exact = n == q;
        let h = hits.entry(e.clone()).or_insert_with(|| SearchHit {
            iri: e,
            etype,
            label: l,
            matched: n.clone(),
            exact,
        });
        if exact && !h.exact {
            h.exact = true;
            h.matched = n;
        }
    }
    let mut out: Vec<SearchHit> = hits.into_values().collect();
    out.sort_by(|a, b| {
        (!a.exact, a.label.chars().count(), &a.label).cmp(&(
            !b.exact,
            b.label.chars().count(),
            &b.label,
        ))
    });
    out.truncate(max);
    Ok(out)
}

/// The entity `iri` and its relations with their evidence; at most `max`
/// relations.
pub(crate) fn neighbors(
    store: &ZStore,
    iri_text: &str,
    max: usize,
) -> Result<Neighborhood, ApiError> {
    let e = NamedNode::new(iri_text.trim())
        .map_err(|err| ApiError::BadRequest(format!("not an IRI: {iri_text:?}: {err}")))?;
    let entity = entity_info(store, &e)?;
    // the entity and its relations, read from the store's indexes (a
    // SPARQL join over the union of the article graphs grows with the
    // square of the articles naming the entity)
    let mut rels: Relations = BTreeMap::new();
    let (found, mut truncated) = store.relations_limited(&e, false, max)?;
    for n in found {
        let direction = if n.outgoing { "out" } else { "in" };
        let o = n.iri.as_str().to_string();
        rels.insert(
            (n.predicate.as_str().to_string(), direction, o.clone()),
            NeighborInfo {
                predicate: n.predicate.as_str().to_string(),
                direction,
                iri: o,
                etype: n.etype,
                label: n.label,
                evidence: Vec::new(),
            },
        );
    }
    add_evidence(store, e.as_str(), &mut rels)?;
    let mut neighbors: Vec<NeighborInfo> = rels.into_values().collect();
    for n in &mut neighbors {
        n.evidence.sort();
    }
    neighbors.sort_by(|a, b| {
        (&a.predicate, a.direction, &a.label).cmp(&(&b.predicate, b.direction, &b.label))
    });
    truncated |= neighbors.len() > max;
    neighbors.truncate(max);
    Ok(Neighborhood {
        entity,
        neighbors,
        truncated,
    })
}

/// An entity's relations by (predicate, direction, other entity's IRI).
type Relations = BTreeMap<(String, &'static str, String), NeighborInfo>;

/// The entity `e` with its class, name and other names, if it is one of
/// the six entity classes.
fn entity_info(store: &ZStore, e: &NamedNode) -> Result<EntityInfo, ApiError> {
    let Some((etype, label)) = store
        .type_and_label(e)?
        .filter(|(t, _)| crate::EntityType::parse(t).is_some())
    else {
        return Err(ApiError::NotFound(e.as_str().to_string()));
    };
    Ok(EntityInfo {
        iri: e.as_str().to_string(),
        etype,
        aliases: store
            .aliases_of(e)?
            .into_iter()
            .filter(|a| *a != label)
            .collect(),
        label,
    })
}

/// Adds to the relations of `e` their evidence: the sentences stating
/// them, with their articles, read in one query.
fn add_evidence(store: &ZStore, e: &str, rels: &mut Relations) -> Result<(), ApiError> {
    let q = format!(
        "{PREFIXES}SELECT DISTINCT ?s ?p ?o ?sent ?art ?h ?path ?start ?end WHERE {{ GRAPH ?g {{ \
           {{ ?st <{RDF}subject> <{e}> }} UNION {{ ?st <{RDF}object> <{e}> }} \
           ?st <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o ; zt:evidence ?ev . \
           ?ev zt:sentence ?sent . \
           OPTIONAL {{ ?ev zt:startOffset ?start }} OPTIONAL {{ ?ev zt:endOffset ?end }} \
           OPTIONAL {{ ?ev <{PROV}wasDerivedFrom> ?art . \
             OPTIONAL {{ ?art zt:headline ?h }} \
             OPTIONAL {{ ?art zt:fromFile ?f . ?f zt:sourcePath ?path }} }} \
         }} }}"
    );
    for row in store.select(&q)? {
        let (Some(s), Some(p), Some(o), Some(sentence)) =
            (iri(&row[0]), iri(&row[1]), iri(&row[2]), lit(&row[3]))
        else {
            continue;
        };
        let Some(pred) = vocab::predicate_of_property(&p) else {
            continue;
        };
        let num = |t: &Option<Term>| lit(t).and_then(|s| s.parse::<u64>().ok());
        let item = Evidence {
            sentence,
            article: iri(&row[4]),
            headline: lit(&row[5]),
            source: lit(&row[6]),
            start: num(&row[7]),
            end: num(&row[8]),
        };
        let mut ends = Vec::new();
        if s == e {
            ends.push(("out", o.clone()));
        }
        if o == e {
            ends.push(("in", s.clone()));
        }
        for (direction, other) in ends {
            if let Some(n) = rels.get_mut(&(pred.as_str().to_string(), direction, other)) {
                if !n.evidence.contains(&item) {
                    n.evidence.push(item.clone());
                }
            }
        }
    }
    Ok(())
}
