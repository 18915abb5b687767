//! The vocabulary of the export, in one place: the `zt:` ontology terms,
//! the W3C terms zhengtu writes (RDF, RDFS and XSD come from oxigraph's own
//! `vocab`; SKOS, ORG and PROV-O are here), the IRI bases of entities and
//! articles, and the prefix block of the queries zhengtu runs.
//!
//! Every stage that writes or reads the graph's IRIs (rdf, store, export,
//! eval, serve, the CLI) names them through this module.

pub(crate) use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::NamedNodeRef;

use crate::{EntityType, Predicate};

/// The ontology namespace (`zt:`).
pub const ZT: &str = "https://w3id.org/zhengtu/ontology#";
/// The base of entity, article, file and role IRIs (`id:`).
pub const ID: &str = "https://w3id.org/zhengtu/id/";
/// The named graph holding the ontology.
pub(crate) const ONTOLOGY_GRAPH: &str = "https://w3id.org/zhengtu/ontology";
/// The SKOS namespace.
pub(crate) const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// The W3C ORG namespace.
pub(crate) const ORG: &str = "http://www.w3.org/ns/org#";
/// The PROV-O namespace.
pub(crate) const PROV: &str = "http://www.w3.org/ns/prov#";
/// The RDFS namespace.
pub(crate) const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// The RDF namespace.
pub(crate) const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// The prefixes every query of zhengtu may use, as a SPARQL prologue.
pub const PREFIXES: &str = "PREFIX zt: <https://w3id.org/zhengtu/ontology#>\n\
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n\
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n\
PREFIX org: <http://www.w3.org/ns/org#>\n\
PREFIX prov: <http://www.w3.org/ns/prov#>\n";

/// The prefixes of [`PREFIXES`] as (prefix, namespace) pairs, for the
/// serializers of query answers.
pub(crate) const PREFIX_PAIRS: &[(&str, &str)] = &[
    ("zt", ZT),
    ("rdf", RDF),
    ("rdfs", RDFS),
    ("skos", SKOS),
    ("org", ORG),
    ("prov", PROV),
];

/// The prefixes the Turtle export declares (RDF and PROV-O terms are
/// written in full there).
pub(crate) const EXPORT_PREFIXES: [(&str, &str); 4] =
    [("zt", ZT), ("rdfs", RDFS), ("skos", SKOS), ("org", ORG)];

/// SKOS terms.
pub(crate) mod skos {
    use oxigraph::model::NamedNodeRef;

    /// `skos:altLabel`: an entity's other names.
    pub(crate) const ALT_LABEL: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/2004/02/skos/core#altLabel");
    /// `skos:prefLabel`: the name of a role.
    pub(crate) const PREF_LABEL: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/2004/02/skos/core#prefLabel");
    /// `skos:notation`: a division code.
    pub(crate) const NOTATION: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/2004/02/skos/core#notation");
}

/// W3C ORG terms.
pub(crate) mod org {
    use oxigraph::model::NamedNodeRef;

    /// `org:Membership`: a person's post in a body.
    pub(crate) const MEMBERSHIP: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#Membership");
    /// `org:member`.
    pub(crate) const MEMBER: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#member");
    /// `org:organization`.
    pub(crate) const ORGANIZATION: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#organization");
    /// `org:role`.
    pub(crate) const ROLE: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#role");
    /// `org:Role`.
    pub(crate) const ROLE_CLASS: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/org#Role");
}

/// PROV-O terms.
pub(crate) mod prov {
    use oxigraph::model::NamedNodeRef;

    /// `prov:wasDerivedFrom`: the article an evidence node comes from.
    pub(crate) const WAS_DERIVED_FROM: NamedNodeRef<'static> =
        NamedNodeRef::new_unchecked("http://www.w3.org/ns/prov#wasDerivedFrom");
}

/// The `zt:` terms other than the entity classes and the relations
/// (those are [`class`] and [`property`]).
pub(crate) mod zt {
    use oxigraph::model::NamedNodeRef;

    macro_rules! terms {
        ($($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
            $(
                $(#[$doc])*
                pub(crate) const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(
                    concat!("https://w3id.org/zhengtu/ontology#", $local),
                );
            )*
        };
    }

    terms! {
        /// `zt:Article`: a news article.
        ARTICLE = "Article";
        /// `zt:SourceFile`: a file articles were read from.
        SOURCE_FILE = "SourceFile";
        /// `zt:Evidence`: a sentence relations were read from.
        EVIDENCE = "Evidence";
        /// `zt:articleIndex`: the position of an article in its file.
        ARTICLE_INDEX = "articleIndex";
        /// `zt:fromFile`: the file an article comes from.
        FROM_FILE = "fromFile";
        /// `zt:headline`.
        HEADLINE = "headline";
        /// `zt:sourceUrl`: the address a file says it was taken from.
        SOURCE_URL = "sourceUrl";
        /// `zt:sourcePath`: a file's path as given to `build`.
        SOURCE_PATH = "sourcePath";
        /// `zt:contentHash`: the hex SHA-256 of a file's bytes.
        CONTENT_HASH = "contentHash";
        /// `zt:bylinePerson`: a person of an article's byline.
        BYLINE_PERSON = "bylinePerson";
        /// `zt:divisionLevel`: province, city, county or town.
        DIVISION_LEVEL = "divisionLevel";
        /// `zt:mentionedIn`: an article that names the entity.
        MENTIONED_IN = "mentionedIn";
        /// `zt:sentence`: an evidence node's sentence.
        SENTENCE = "sentence";
        /// `zt:startOffset`: where the sentence starts in the source file.
        START_OFFSET = "startOffset";
        /// `zt:endOffset`: where it ends.
        END_OFFSET = "endOffset";
        /// `zt:evidence`: a statement's or membership's sentence node.
        EVIDENCE_OF = "evidence";
        /// `zt:role`: a membership's post as text.
        ROLE = "role";
    }
}

/// A `zt:` term from its local name, as a constant.
macro_rules! zt_term {
    ($local:literal) => {
        NamedNodeRef::new_unchecked(concat!("https://w3id.org/zhengtu/ontology#", $local))
    };
}

/// The classes of the entity types, in the order of [`EntityType::ALL`].
const CLASSES: [NamedNodeRef<'static>; 6] = [
    zt_term!("Agency"),
    zt_term!("Organization"),
    zt_term!("Place"),
    zt_term!("Person"),
    zt_term!("Project"),
    zt_term!("Document"),
];

/// The properties of the relations, in the order of [`Predicate::ALL`].
const PROPERTIES: [NamedNodeRef<'static>; 7] = [
    zt_term!("subOrganizationOf"),
    zt_term!("jurisdiction"),
    zt_term!("locatedIn"),
    zt_term!("memberOf"),
    zt_term!("participatesIn"),
    zt_term!("issued"),
    zt_term!("partnerOf"),
];

/// The `zt:` class of an entity type (`zt:Agency`).
pub(crate) fn class(t: EntityType) -> NamedNodeRef<'static> {
    CLASSES[t as usize]
}

/// The entity type of a `zt:` class IRI.
pub(crate) fn type_of_class(iri: &str) -> Option<EntityType> {
    iri.strip_prefix(ZT).and_then(EntityType::parse)
}

/// The `zt:` property of a relation (`zt:subOrganizationOf`).
pub(crate) fn property(p: Predicate) -> NamedNodeRef<'static> {
    PROPERTIES[p as usize]
}

/// The relation of a `zt:` property IRI.
pub(crate) fn predicate_of_property(iri: &str) -> Option<Predicate> {
    iri.strip_prefix(ZT).and_then(Predicate::parse)
}

/// The six entity classes as a SPARQL `VALUES` list (`zt:Agency …`).
pub(crate) fn class_values() -> String {
    let v: Vec<String> = EntityType::ALL
        .iter()
        .map(|t| format!("zt:{}", t.as_str()))
        .collect();
    v.join(" ")
}

/// The seven relation properties as a SPARQL `VALUES` list.
pub(crate) fn property_values() -> String {
    let v: Vec<String> = Predicate::ALL
        .iter()
        .map(|p| format!("zt:{}", p.as_str()))
        .collect();
    v.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_properties_follow_the_enums() {
        for t in EntityType::ALL {
            assert_eq!(class(t).as_str(), format!("{ZT}{}", t.as_str()));
            assert_eq!(type_of_class(class(t).as_str()), Some(t));
        }
        for p in Predicate::ALL {
            assert_eq!(property(p).as_str(), format!("{ZT}{}", p.as_str()));
            assert_eq!(predicate_of_property(property(p).as_str()), Some(p));
        }
        assert_eq!(type_of_class("http://example.org/Agency"), None);
    }

    #[test]
    fn namespaces_agree_with_oxigraph_and_the_terms() {
        assert_eq!(format!("{RDFS}label"), rdfs::LABEL.as_str());
        assert_eq!(format!("{RDF}type"), rdf::TYPE.as_str());
        assert_eq!(format!("{SKOS}altLabel"), skos::ALT_LABEL.as_str());
        assert_eq!(format!("{ORG}Membership"), org::MEMBERSHIP.as_str());
        assert_eq!(
            format!("{PROV}wasDerivedFrom"),
            prov::WAS_DERIVED_FROM.as_str()
        );
        assert_eq!(format!("{ZT}Article"), zt::ARTICLE.as_str());
        for (p, ns) in PREFIX_PAIRS {
            assert!(PREFIXES.contains(&format!("PREFIX {p}: <{ns}>")));
        }
    }
}
