//! The one model that flows through the stages: an [`Entity`], a
//! [`Relation`] with its [`Evidence`], and an [`Article`].
//!
//! `resolve` produces them per article; the `graph` stage merges them into
//! the petgraph graph (entities as nodes, relations as edges that remember
//! the articles supporting them); `rdf` writes quads from that graph, and
//! `export` reads the stored graph back into the same types.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::lexicon::Level;
use crate::{EntityType, Predicate};

/// An entity: a body, place, person, project or document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Entity {
    /// Identity key: equal keys are the same real-world entity
    /// (`place:370705`, `agency:潍坊市自然资源和规划局`,
    /// `person:370700:王聪聪`). The entity's IRI is made from it
    /// ([`crate::rdf::entity_iri`]) and gives it back
    /// ([`crate::rdf::entity_key`]).
    pub key: String,
    /// The entity type.
    pub etype: EntityType,
    /// Canonical name (the full official name).
    pub name: String,
    /// Other names it was written with.
    pub aliases: BTreeSet<String>,
    /// Division code, for administrative divisions.
    pub(crate) code: Option<String>,
    /// Division level, for administrative divisions.
    pub(crate) level: Option<Level>,
}

impl Entity {
    /// An entity with a key, type and name, and nothing else yet.
    #[cfg_attr(not(feature = "store"), allow(dead_code))] // used by the store stages
    pub(crate) fn new(key: String, etype: EntityType, name: String) -> Entity {
        Entity {
            key,
            etype,
            name,
            aliases: BTreeSet::new(),
            code: None,
            level: None,
        }
    }
}

/// Where a relation was read: its sentence and where that lies in the
/// source file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub(crate) struct Evidence {
    /// The sentence.
    pub(crate) sentence: String,
    /// Character offset of the sentence in the source file.
    pub(crate) start: usize,
    /// One past its last character.
    pub(crate) end: usize,
}

/// A relation between two entities, as one article states it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Relation {
    /// Subject entity key.
    pub subject: String,
    /// The predicate.
    pub predicate: Predicate,
    /// Object entity key.
    pub object: String,
    /// The post, for `memberOf`.
    pub role: Option<String>,
    /// Supporting sentence.
    pub(crate) evidence: Evidence,
}

/// An article: where it comes from and what it is called.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Article id: `{file hash prefix}-{index}` ([`Article::id_of`]).
    pub(crate) id: String,
    /// Source file path, as given to `build`.
    pub(crate) path: String,
    /// Hex SHA-256 of the file.
    pub(crate) file_hash: String,
    /// Position in the file.
    pub index: usize,
    /// Headline.
    pub headline: Option<String>,
    /// The `source:` address of the file.
    pub(crate) source_url: Option<String>,
}

impl Article {
    /// The id of the article at `index` of the file with this hash.
    #[cfg_attr(not(feature = "store"), allow(dead_code))] // used by the store stages
    pub(crate) fn id_of(file_hash: &str, index: usize) -> String {
        let cut = file_hash
            .char_indices()
            .nth(16)
            .map_or(file_hash.len(), |(i, _)| i);
        format!("{}-{}", &file_hash[..cut], index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_ids_take_sixteen_hex_digits_of_the_hash() {
        let h = "7217739158d578f1aa00bb11cc22dd33";
        assert_eq!(Article::id_of(h, 3), "7217739158d578f1-3");
        assert_eq!(Article::id_of("abc", 0), "abc-0");
    }
}
