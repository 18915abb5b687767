//! zhengtu (政图): a knowledge-graph builder for Chinese government news.
//!
//! The stages follow the data flow, one module each:
//!
//! ```text
//! files ─text─▶ articles ─recognize─▶ mentions ─resolve─▶ entities + relations
//!       ─graph─▶ petgraph KnowledgeGraph ─rdf─▶ quads ─store─▶ oxigraph (RocksDB)
//!       ─▶ query / neighbors / export / eval / serve (SPARQL endpoint and page)
//! ```
//!
//! [`pipeline`] composes them; the `zhengtu` binary is a thin CLI over this
//! library. The default feature `store` brings the RDF, store and export
//! stages (oxigraph with RocksDB); without it the crate is the text →
//! entities part alone (used by the fuzzer).

#[cfg(feature = "store")]
pub mod eval;
#[cfg(feature = "store")]
pub mod export;
#[cfg(feature = "store")]
pub mod graph;
pub mod lexicon;
pub mod model;
#[cfg(feature = "store")]
pub mod pipeline;
#[cfg(feature = "store")]
pub mod rdf;
pub mod recognize;
pub mod resolve;
#[cfg(feature = "store")]
pub mod serve;
#[cfg(feature = "store")]
pub mod store;
pub mod synth;
pub mod text;
#[cfg(feature = "store")]
pub mod vocab;

use serde::Serialize;

/// The six entity types of the annotation guidelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    /// Organs of the Party and the state, their branches, units and
    /// public institutions.
    Agency,
    /// Any other named organisation.
    Organization,
    /// Administrative divisions and other named places.
    Place,
    /// Named individuals.
    Person,
    /// Named projects, parks and programmes.
    Project,
    /// Named laws, plans, regulations, notices and agreements.
    Document,
}

impl EntityType {
    /// All types, in a fixed order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Agency,
        EntityType::Organization,
        EntityType::Place,
        EntityType::Person,
        EntityType::Project,
        EntityType::Document,
    ];

    /// The class name (`Agency`), as in `zt:Agency`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Agency => "Agency",
            EntityType::Organization => "Organization",
            EntityType::Place => "Place",
            EntityType::Person => "Person",
            EntityType::Project => "Project",
            EntityType::Document => "Document",
        }
    }

    /// Parses a class name.
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Whether the type is an agency or another organisation.
    pub fn is_org(self) -> bool {
        matches!(self, EntityType::Agency | EntityType::Organization)
    }
}

/// The seven relation predicates of the guidelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Predicate {
    /// A branch, section or unit of.
    SubOrganizationOf,
    /// The area an agency governs or serves.
    Jurisdiction,
    /// Inside a place.
    LocatedIn,
    /// A person works for or holds a post in.
    MemberOf,
    /// An organisation plans, builds, runs or funds a project.
    ParticipatesIn,
    /// An organisation issued, drafted or signed a document.
    Issued,
    /// Two organisations work jointly (symmetric).
    PartnerOf,
}

impl Predicate {
    /// All predicates, in a fixed order.
    pub const ALL: [Predicate; 7] = [
        Predicate::SubOrganizationOf,
        Predicate::Jurisdiction,
        Predicate::LocatedIn,
        Predicate::MemberOf,
        Predicate::ParticipatesIn,
        Predicate::Issued,
        Predicate::PartnerOf,
    ];

    /// The property name (`subOrganizationOf`), as in `zt:subOrganizationOf`.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicate::SubOrganizationOf => "subOrganizationOf",
            Predicate::Jurisdiction => "jurisdiction",
            Predicate::LocatedIn => "locatedIn",
            Predicate::MemberOf => "memberOf",
            Predicate::ParticipatesIn => "participatesIn",
            Predicate::Issued => "issued",
            Predicate::PartnerOf => "partnerOf",
        }
    }

    /// Parses a property name.
    pub fn parse(s: &str) -> Option<Predicate> {
        Predicate::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Whether the predicate is symmetric.
    pub fn symmetric(self) -> bool {
        matches!(self, Predicate::PartnerOf)
    }
}
