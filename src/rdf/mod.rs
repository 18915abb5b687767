//! The RDF stage: the knowledge graph → quads in the zhengtu vocabulary.
//!
//! Every article gets a named graph (`<article>/graph`) holding the article
//! node (headline, byline people, source file) and everything extracted
//! from it: entity types, labels, aliases, codes and the relations, each
//! with a statement node (rdf:subject, rdf:predicate, rdf:object) pointing
//! to the evidence node of its sentence, one per sentence, which carries the
//! text and its source offsets; memberships by person, body and post. IRIs are
//! deterministic: places by division code, other entities by type and
//! canonical name, articles by file content hash and position.
//!
//! Takes: [`crate::graph::KnowledgeGraph`] articles. Gives: oxigraph
//! [`Quad`]s.

use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

use crate::graph::{ArticleRecord, KnowledgeGraph};
use crate::vocab::{org, prov, rdf, rdfs, skos, xsd, zt, ID};
use crate::Predicate;

/// The ontology in Turtle, compiled in.
pub(crate) const ONTOLOGY_TTL: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/zhengtu.ttl"));

/// Characters of a name kept as they are in an IRI: unreserved ASCII
/// (RFC 3986 2.3); everything else is percent-encoded.
const IRI_ESCAPED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but unreserved ASCII characters.
pub(crate) fn pct(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, IRI_ESCAPED).to_string()
}

/// The IRI of an entity from its identity key (`place:370705`,
/// `agency:潍坊市自然资源和规划局`, `person:370700:王聪聪`).
pub(crate) fn entity_iri(key: &str) -> NamedNode {
    let mut parts = key.splitn(3, ':');
    let t = parts.next().unwrap_or("entity");
    let rest: Vec<String> = parts.map(pct).collect();
    NamedNode::new_unchecked(format!("{ID}{t}/{}", rest.join("/")))
}

/// The identity key of an entity IRI: the inverse of [`entity_iri`].
pub(crate) fn entity_key(iri: &str) -> Option<String> {
    let path = iri.strip_prefix(ID)?;
    let parts: Vec<String> = path
        .split('/')
        .map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8()
                .map(|c| c.into_owned())
        })
        .collect::<Result<_, _>>()
        .ok()?;
    (parts.len() >= 2).then(|| parts.join(":"))
}

/// The IRI of an article.
pub(crate) fn article_iri(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID}article/{id}"))
}

/// The named graph of an article.
pub(crate) fn article_graph(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID}article/{id}/graph"))
}

/// The article id of an article's named graph: the inverse of
/// [`article_graph`].
pub(crate) fn article_of_graph(iri: &str) -> Option<&str> {
    iri.strip_prefix(ID)?
        .strip_prefix("article/")?
        .strip_suffix("/graph")
}

/// The IRI of a source file (by its path).
pub(crate) fn file_iri(path: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID}file/{}", pct(path)))
}

/// The path of a source file IRI: the inverse of [`file_iri`].
pub(crate) fn file_path(iri: &str) -> Option<String> {
    let p = iri.strip_prefix(ID)?.strip_prefix("file/")?;
    percent_encoding::percent_decode_str(p)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

fn zh(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "zh")
}

fn int(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

/// Quads of one article's named graph, as they are added.
struct Quads {
    graph: GraphName,
    out: Vec<Quad>,
}

impl Quads {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.out.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }
}

/// The quads of one article of a graph, all in the article's named graph:
/// the article and its file, the entities it names with the names it uses,
/// and the relations it states with their evidence.
pub(crate) fn article_quads(kg: &KnowledgeGraph, a: &ArticleRecord) -> Vec<Quad> {
    let id = &a.article.id;
    let mut q = Quads {
        graph: GraphName::NamedNode(article_graph(id)),
        out: Vec::new(),
    };
    let art = article_iri(id);
    article_node(&mut q, kg, a, &art);
    for (ni, aliases) in &a.mentions {
        let e = &kg.graph[*ni];
        let ei = entity_iri(&e.key);
        q.add(&ei, rdf::TYPE, crate::vocab::class(e.etype).into_owned());
        q.add(&ei, rdfs::LABEL, zh(&e.name));
        for al in aliases {
            q.add(&ei, skos::ALT_LABEL, zh(al));
        }
        if let Some(c) = &e.code {
            q.add(&ei, skos::NOTATION, Literal::new_simple_literal(c));
        }
        if let Some(l) = e.level {
            q.add(
                &ei,
                zt::DIVISION_LEVEL,
                Literal::new_simple_literal(l.as_str()),
            );
        }
        q.add(&ei, zt::MENTIONED_IN, art.clone());
    }
    let mut sentences = Sentences::default();
    for (n, (edge, at)) in a.statements.iter().enumerate() {
        let Some((s, o)) = kg.graph.edge_endpoints(*edge) else {
            continue;
        };
        let e = &kg.graph[*edge];
        let (si, oi) = (entity_iri(&kg.graph[s].key), entity_iri(&kg.graph[o].key));
        let sup = &e.support[*at];
        let ev = sentences.node(&mut q, &art, sup);
        statement(&mut q, (&art, n, &ev), (&si, e.predicate, &oi), sup);
    }
    q.out
}

/// The evidence nodes of an article's sentences, one per sentence, shared
/// by the statements read from it.
#[derive(Default)]
struct Sentences {
    /// (start, end) of a sentence in its file → its node.
    nodes: std::collections::HashMap<(usize, usize), NamedNode>,
}

impl Sentences {
    /// The node of the sentence a statement was read from, added with its
    /// text, offsets and article the first time; a statement without a
    /// sentence gets a node of its own carrying only the article.
    fn node(&mut self, q: &mut Quads, art: &NamedNode, sup: &crate::graph::Support) -> NamedNode {
        let key = match &sup.evidence {
            Some(ev) => (ev.start, ev.end),
            None => (usize::MAX, usize::MAX),
        };
        if let Some(n) = self.nodes.get(&key) {
            return n.clone();
        }
        let node =
            NamedNode::new_unchecked(format!("{}/sentence/{}", art.as_str(), self.nodes.len()));
        q.add(&node, rdf::TYPE, zt::EVIDENCE.into_owned());
        if let Some(ev) = &sup.evidence {
            q.add(&node, zt::SENTENCE, zh(&ev.sentence));
            q.add(&node, zt::START_OFFSET, int(ev.start));
            q.add(&node, zt::END_OFFSET, int(ev.end));
        }
        q.add(&node, prov::WAS_DERIVED_FROM, art.clone());
        self.nodes.insert(key, node.clone());
        node
    }
}

/// The article node and its source file.
fn article_node(q: &mut Quads, kg: &KnowledgeGraph, a: &ArticleRecord, art: &NamedNode) {
    let m = &a.article;
    let file = file_iri(&m.path);
    q.add(art, rdf::TYPE, zt::ARTICLE.into_owned());
    q.add(art, zt::ARTICLE_INDEX, int(m.index));
    q.add(art, zt::FROM_FILE, file.clone());
    if let Some(h) = &m.headline {
        q.add(art, zt::HEADLINE, zh(h));
    }
    if let Some(u) = &m.source_url {
        q.add(
            art,
            zt::SOURCE_URL,
            Literal::new_typed_literal(u, xsd::ANY_URI),
        );
    }
    q.add(&file, rdf::TYPE, zt::SOURCE_FILE.into_owned());
    q.add(&file, zt::SOURCE_PATH, Literal::new_simple_literal(&m.path));
    q.add(
        &file,
        zt::CONTENT_HASH,
        Literal::new_simple_literal(&m.file_hash),
    );
    for p in &a.byline {
        q.add(art, zt::BYLINE_PERSON, entity_iri(&kg.graph[*p].key));
    }
}

/// The `n`th relation an article states: the triple, its statement node
/// (rdf:subject, rdf:predicate, rdf:object) pointing to the evidence node
/// of its sentence, and for `memberOf` the membership with its post.
fn statement(
    q: &mut Quads,
    (art, n, ev): (&NamedNode, usize, &NamedNode),
    (si, p, oi): (&NamedNode, Predicate, &NamedNode),
    sup: &crate::graph::Support,
) {
    let prop = crate::vocab::property(p);
    q.add(si, prop, oi.clone());
    let st = NamedNode::new_unchecked(format!("{}/statement/{n}", art.as_str()));
    q.add(&st, rdf::SUBJECT, si.clone());
    q.add(&st, rdf::PREDICATE, prop.into_owned());
    q.add(&st, rdf::OBJECT, oi.clone());
    q.add(&st, zt::EVIDENCE_OF, ev.clone());
    if p != Predicate::MemberOf {
        return;
    }
    // one node per person, body and post, whichever articles state it
    let role = sup.role.as_deref().unwrap_or("");
    let m = membership_iri(si, oi, role);
    q.add(&m, rdf::TYPE, org::MEMBERSHIP.into_owned());
    q.add(&m, org::MEMBER, si.clone());
    q.add(&m, org::ORGANIZATION, oi.clone());
    q.add(&m, zt::EVIDENCE_OF, ev.clone());
    if let Some(r) = &sup.role {
        let ri = NamedNode::new_unchecked(format!("{ID}role/{}", pct(r)));
        q.add(&m, org::ROLE, ri.clone());
        q.add(&m, zt::ROLE, zh(r));
        q.add(&ri, rdf::TYPE, org::ROLE_CLASS.into_owned());
        q.add(&ri, skos::PREF_LABEL, zh(r));
    }
}

/// The IRI of the membership of a person in a body with a post: the same
/// in every article that states it (a digest of the three).
fn membership_iri(person: &NamedNode, body: &NamedNode, role: &str) -> NamedNode {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [person.as_str(), body.as_str(), role] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let hex: String = h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    NamedNode::new_unchecked(format!("{ID}membership/{hex}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_keys_come_back_from_their_iris() {
        for key in [
            "agency:潍坊市住房和城乡建设局",
            "place:370705",
            "person:370700:王强",
            "project:a/b:c d%e",
        ] {
            assert_eq!(entity_key(entity_iri(key).as_str()).as_deref(), Some(key));
        }
        assert_eq!(entity_key("http://example.org/x"), None);
        assert_eq!(
            article_of_graph(article_graph("0123456789abcdef-2").as_str()),
            Some("0123456789abcdef-2")
        );
    }

    #[test]
    fn iris_are_deterministic_and_valid() {
        let a = entity_iri("agency:潍坊市住房和城乡建设局");
        assert_eq!(a, entity_iri("agency:潍坊市住房和城乡建设局"));
        assert!(a
            .as_str()
            .starts_with("https://w3id.org/zhengtu/id/agency/%E6"));
        assert!(NamedNode::new(a.as_str()).is_ok());
        assert_eq!(
            entity_iri("place:370705").as_str(),
            "https://w3id.org/zhengtu/id/place/370705"
        );
        assert_eq!(
            entity_iri("person:370700:王强").as_str(),
            "https://w3id.org/zhengtu/id/person/370700/%E7%8E%8B%E5%BC%BA"
        );
    }
}
