//! The merged graph: the store's default graph holds each fact of the
//! article graphs once, so that queries join and count facts, not their
//! copies in every article that states them.
//!
//! A fact is a triple of a named graph (an article's, or the ontology's)
//! whose subject is no evidence of an article: entities with their
//! classes, names, codes, mentions and relations, memberships, roles,
//! articles (headline, file) and source files, and the ontology. The
//! statement and sentence nodes under an article's IRI (its evidence)
//! stay in the article's graph only, read with `GRAPH ?g` for provenance.
//!
//! Every write keeps the default graph exactly the set of facts of the
//! named graphs: new graphs bring their facts' copies in the same load or
//! transaction; a removed graph's facts are dropped from it in the same
//! transaction unless another named graph still states them.
//!
//! Takes: the quads written and the graphs removed. Gives: the default
//! graph's quads to add and to remove.

use std::collections::HashSet;

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, QuadRef, Triple};
use oxigraph::store::{StorageError, Store, Transaction};

use crate::vocab::ID;

/// Whether a quad is a fact of a named graph (see the module
/// documentation).
pub(super) fn is_fact(q: QuadRef<'_>) -> bool {
    use oxigraph::model::{GraphNameRef, NamedOrBlankNodeRef};
    if !matches!(q.graph_name, GraphNameRef::NamedNode(_)) {
        return false;
    }
    match q.subject {
        NamedOrBlankNodeRef::NamedNode(n) => !is_evidence_node(n.as_str()),
        NamedOrBlankNodeRef::BlankNode(_) => false,
    }
}

/// Whether an IRI is a node under an article's (its statements and
/// sentences: `…/article/ID/statement/N`), not the article's own.
fn is_evidence_node(iri: &str) -> bool {
    iri.strip_prefix(ID)
        .and_then(|rest| rest.strip_prefix("article/"))
        .is_some_and(|id| id.contains('/'))
}

/// The digests of the facts a writer has put in the merged graph: a later
/// copy of one of them need not be written again. A digest of 128 bits
/// stands for a fact (16 bytes a fact: 80 MB for 5 million).
#[derive(Debug, Default)]
pub(super) struct Loaded {
    digests: HashSet<u128>,
}

impl Loaded {
    /// The default graph's copies of the facts among `quads` not loaded
    /// before (each once), now counted as loaded.
    pub(super) fn copies(&mut self, quads: &[Quad]) -> Vec<Quad> {
        quads
            .iter()
            .filter(|q| is_fact(q.as_ref()) && self.digests.insert(digest(q)))
            .map(|q| {
                Quad::new(
                    q.subject.clone(),
                    q.predicate.clone(),
                    q.object.clone(),
                    GraphName::DefaultGraph,
                )
            })
            .collect()
    }

    /// Forgets every digest (facts may have left the merged graph).
    pub(super) fn clear(&mut self) {
        self.digests.clear();
    }
}

/// The default graph's copies of the facts among `quads`, each once.
pub(super) fn copies(quads: &[Quad]) -> Vec<Quad> {
    Loaded::default().copies(quads)
}

/// A 128-bit digest of a quad's triple: two SipHash values of its terms
/// (as the terms hash themselves, without writing them out), each under
/// its own leading tag.
fn digest(q: &Quad) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |tag: u8| {
        let mut h = std::hash::DefaultHasher::new();
        h.write_u8(tag);
        (&q.subject, &q.predicate, &q.object).hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// The facts of some named graphs, each once, read in a transaction
/// before the graphs are removed.
pub(super) fn facts_of_graphs(
    t: &Transaction<'_>,
    graphs: &[NamedNode],
) -> Result<Vec<Triple>, StorageError> {
    let mut seen: HashSet<Triple> = HashSet::new();
    for g in graphs {
        for q in t.quads_for_pattern(None, None, None, Some(g.as_ref().into())) {
            let q = q?;
            if is_fact(q.as_ref()) {
                seen.insert(Triple::new(q.subject, q.predicate, q.object));
            }
        }
    }
    Ok(seen.into_iter().collect())
}

/// Removes from the default graph the facts that no named graph states
/// any more (after the transaction removed and added its graphs).
pub(super) fn drop_orphans(
    t: &mut Transaction<'_>,
    facts: Vec<Triple>,
) -> Result<(), StorageError> {
    for f in facts {
        if !stated(t, &f)? {
            t.remove(Quad::new(f.subject, f.predicate, f.object, GraphName::DefaultGraph).as_ref());
        }
    }
    Ok(())
}

/// Whether a named graph of the transaction's state holds the triple.
fn stated(t: &Transaction<'_>, f: &Triple) -> Result<bool, StorageError> {
    let s: &NamedOrBlankNode = &f.subject;
    for q in t.quads_for_pattern(
        Some(s.as_ref()),
        Some(f.predicate.as_ref()),
        Some(f.object.as_ref()),
        None,
    ) {
        if !q?.graph_name.is_default_graph() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The merged graph computed afresh from the named graphs.
fn computed(store: &Store) -> Result<HashSet<Triple>, StorageError> {
    let mut out = HashSet::new();
    for q in store.iter() {
        let q = q?;
        if is_fact(q.as_ref()) {
            out.insert(Triple::new(q.subject, q.predicate, q.object));
        }
    }
    Ok(out)
}

/// The default graph's triples.
fn stored(store: &Store) -> Result<HashSet<Triple>, StorageError> {
    let mut out = HashSet::new();
    for q in store.quads_for_pattern(
        None,
        None,
        None,
        Some(oxigraph::model::GraphNameRef::DefaultGraph),
    ) {
        let q = q?;
        out.insert(Triple::new(q.subject, q.predicate, q.object));
    }
    Ok(out)
}

/// Whether the default graph is exactly the merge of the named graphs'
/// facts (a check for tests: it reads the whole store).
pub(super) fn is_consistent(store: &Store) -> Result<bool, StorageError> {
    Ok(computed(store)? == stored(store)?)
}

/// Whether a store holds named graphs but no merged graph: one written
/// before the merged graph existed.
pub(super) fn is_missing(store: &Store) -> Result<bool, StorageError> {
    let default = oxigraph::model::GraphNameRef::DefaultGraph;
    let empty = store
        .quads_for_pattern(None, None, None, Some(default))
        .next()
        .is_none();
    Ok(empty && !store.is_empty()?)
}

/// Writes the merged graph of a store that has none (see [`is_missing`]),
/// in one bulk load.
pub(super) fn rebuild(store: &Store) -> Result<(), StorageError> {
    let facts = computed(store)?;
    let mut loader = store.bulk_loader();
    loader.load_quads(
        facts
            .into_iter()
            .map(|t| Quad::new(t.subject, t.predicate, t.object, GraphName::DefaultGraph)),
    )?;
    loader.commit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    fn quad(s: &str, o: &str, g: &str) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(s),
            NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal::new_simple_literal(o),
            NamedNode::new_unchecked(g),
        )
    }

    #[test]
    fn facts_are_of_entities_not_of_articles() {
        let e = format!("{ID}agency/x");
        let ev = format!("{ID}article/abc-0/statement/1");
        let art = format!("{ID}article/abc-0");
        let g = format!("{ID}article/abc-0/graph");
        assert!(is_fact(quad(&e, "x", &g).as_ref()));
        assert!(!is_fact(quad(&ev, "x", &g).as_ref()));
        assert!(is_fact(quad(&art, "x", &g).as_ref()));
        let default = Quad::new(
            NamedNode::new_unchecked(&e),
            NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal::new_simple_literal("x"),
            GraphName::DefaultGraph,
        );
        assert!(!is_fact(default.as_ref()));
        // two articles stating one fact give one copy
        let g2 = format!("{ID}article/def-0/graph");
        let c = copies(&[quad(&e, "x", &g), quad(&e, "x", &g2), quad(&ev, "y", &g)]);
        assert_eq!(c.len(), 1);
        assert!(c[0].graph_name.is_default_graph());
    }
}
