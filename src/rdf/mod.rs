//! The RDF stage: the knowledge graph → quads in the zhengtu vocabulary.
//!
//! Every article gets a named graph (`<article>/graph`) holding the article
//! node (headline, byline people, source file) and everything extracted
//! from it: entity types, labels, aliases, codes and the relations, each
//! with an evidence node carrying its sentence and source offsets. IRIs are
//! deterministic: places by division code, other entities by type and
//! canonical name, articles by file content hash and position.
//!
//! Takes: [`crate::graph::KnowledgeGraph`] articles. Gives: oxigraph
//! [`Quad`]s.

use std::collections::BTreeMap;

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::graph::ArticleMeta;
use crate::{EntityType, Predicate};

/// The ontology namespace.
pub const ZT: &str = "https://w3id.org/zhengtu/ontology#";
/// The base of entity, article and file IRIs.
pub const ID: &str = "https://w3id.org/zhengtu/id/";
/// The graph holding the ontology.
pub const ONTOLOGY_GRAPH: &str = "https://w3id.org/zhengtu/ontology";
/// SKOS namespace.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// W3C ORG namespace.
pub const ORG: &str = "http://www.w3.org/ns/org#";
/// PROV-O namespace.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// The ontology in Turtle, compiled in.
pub const ONTOLOGY_TTL: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/ontology/zhengtu.ttl"));

/// A term of the zt: namespace.
pub fn zt(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ZT}{local}"))
}

fn ns(base: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}{local}"))
}

/// Percent-encodes everything but unreserved ASCII characters.
pub fn pct(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The IRI of an entity from its identity key (`place:370705`,
/// `agency:潍坊市自然资源和规划局`, `person:370700:王聪聪`).
pub fn entity_iri(key: &str) -> NamedNode {
    let mut parts = key.splitn(3, ':');
    let t = parts.next().unwrap_or("entity");
    let rest: Vec<String> = parts.map(pct).collect();
    NamedNode::new_unchecked(format!("{ID}{t}/{}", rest.join("/")))
}

/// The IRI of an article.
pub fn article_iri(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID}article/{id}"))
}

/// The named graph of an article.
pub fn article_graph(id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID}article/{id}/graph"))
}

/// The IRI of a source file (by its path).
pub fn file_iri(path: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID}file/{}", pct(path)))
}

fn zh(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "zh")
}

fn int(n: usize) -> Literal {
    Literal::new_typed_literal(n.to_string(), xsd::INTEGER)
}

/// What the RDF stage needs to know of an entity: type, canonical name,
/// division code and level.
pub type EntityInfo = (EntityType, String, Option<String>, Option<&'static str>);

/// The quads of one article (all in its named graph).
pub fn article_quads(a: &ArticleMeta, entities: &BTreeMap<String, EntityInfo>) -> Vec<Quad> {
    let g = GraphName::NamedNode(article_graph(&a.id));
    let art = article_iri(&a.id);
    let file = file_iri(&a.path);
    let mut q: Vec<Quad> = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| {
        q.push(Quad::new(
            NamedOrBlankNode::NamedNode(s.clone()),
            p,
            o,
            g.clone(),
        ));
    };
    add(&art, rdf::TYPE.into_owned(), zt("Article").into());
    add(&art, zt("articleIndex"), int(a.index).into());
    add(&art, zt("fromFile"), file.clone().into());
    if let Some(h) = &a.headline {
        add(&art, zt("headline"), zh(h).into());
    }
    if let Some(u) = &a.source_url {
        add(
            &art,
            zt("sourceUrl"),
            Literal::new_typed_literal(u, xsd::ANY_URI).into(),
        );
    }
    add(&file, rdf::TYPE.into_owned(), zt("SourceFile").into());
    add(
        &file,
        zt("sourcePath"),
        Literal::new_simple_literal(&a.path).into(),
    );
    add(
        &file,
        zt("contentHash"),
        Literal::new_simple_literal(&a.file_hash).into(),
    );
    for p in &a.byline {
        add(&art, zt("bylinePerson"), entity_iri(p).into());
    }
    for (key, aliases) in &a.entities {
        let Some((t, name, code, level)) = entities.get(key) else {
            continue;
        };
        let e = entity_iri(key);
        add(&e, rdf::TYPE.into_owned(), zt(t.as_str()).into());
        add(&e, rdfs::LABEL.into_owned(), zh(name).into());
        for al in aliases {
            add(&e, ns(SKOS, "altLabel"), zh(al).into());
        }
        if let Some(c) = code {
            add(
                &e,
                ns(SKOS, "notation"),
                Literal::new_simple_literal(c).into(),
            );
        }
        if let Some(l) = level {
            add(
                &e,
                zt("divisionLevel"),
                Literal::new_simple_literal(*l).into(),
            );
        }
        add(&e, zt("mentionedIn"), art.clone().into());
    }
    for (n, (s, p, o, role, ev)) in a.relations.iter().enumerate() {
        let (si, oi) = (entity_iri(s), entity_iri(o));
        add(&si, zt(p.as_str()), oi.clone().into());
        let evn = NamedNode::new_unchecked(format!("{}/evidence/{n}", art.as_str()));
        add(&evn, rdf::TYPE.into_owned(), zt("Evidence").into());
        add(&evn, rdf::SUBJECT.into_owned(), si.clone().into());
        add(&evn, rdf::PREDICATE.into_owned(), zt(p.as_str()).into());
        add(&evn, rdf::OBJECT.into_owned(), oi.clone().into());
        add(&evn, zt("sentence"), zh(&ev.sentence).into());
        add(&evn, zt("startOffset"), int(ev.start).into());
        add(&evn, zt("endOffset"), int(ev.end).into());
        add(&evn, ns(PROV, "wasDerivedFrom"), art.clone().into());
        if *p == Predicate::MemberOf {
            let m = NamedNode::new_unchecked(format!("{}/membership/{n}", art.as_str()));
            add(&m, rdf::TYPE.into_owned(), ns(ORG, "Membership").into());
            add(&m, ns(ORG, "member"), si.into());
            add(&m, ns(ORG, "organization"), oi.into());
            add(&m, zt("evidence"), evn.clone().into());
            if let Some(r) = role {
                let ri = NamedNode::new_unchecked(format!("{ID}role/{}", pct(r)));
                add(&m, ns(ORG, "role"), ri.clone().into());
                add(&m, zt("role"), zh(r).into());
                add(&ri, rdf::TYPE.into_owned(), ns(ORG, "Role").into());
                add(&ri, ns(SKOS, "prefLabel"), zh(r).into());
            }
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

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
