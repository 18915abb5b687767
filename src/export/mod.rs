//! Export: the stored graph → files for other tools.
//!
//! RDF: N-Quads and TriG keep every article's named graph; Turtle gives the
//! union of all graphs as triples. Visualization: GraphML (Gephi, Cytoscape,
//! yEd), GEXF 1.3 (Gephi), DOT (Graphviz), Cytoscape.js JSON and JSON Graph
//! Format, built from the entity graph read back into the graph stage's
//! [`KnowledgeGraph`] ([`view::read`]). Any format can be
//! cut to the neighbourhood of a name (`--around NAME --depth N`) and to
//! some entity types (`--type`). Output is deterministic: two exports of the
//! same store are byte-identical.
//!
//! Takes: a [`crate::store::ZStore`]. Gives: bytes in the chosen format.

pub mod formats;
pub mod view;

use std::collections::BTreeSet;
use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedOrBlankNode, Quad, Term};

use crate::graph::KnowledgeGraph;
use crate::rdf::entity_iri;
use crate::store::{StoreError, ZStore};
pub use view::{Cut, ViewError};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// N-Quads: every quad with its article graph.
    Nquads,
    /// Turtle: the union of all graphs as triples.
    Turtle,
    /// TriG: Turtle with the named graphs.
    Trig,
    /// GraphML (Gephi, Cytoscape, yEd).
    Graphml,
    /// GEXF 1.3 (Gephi).
    Gexf,
    /// Graphviz DOT.
    Dot,
    /// Cytoscape.js elements JSON.
    Cytoscape,
    /// JSON Graph Format v2.
    Jgf,
}

impl Format {
    /// The RDF serialization of an RDF format; `None` for the graph
    /// formats.
    fn rdf(self) -> Option<RdfFormat> {
        match self {
            Format::Nquads => Some(RdfFormat::NQuads),
            Format::Turtle => Some(RdfFormat::Turtle),
            Format::Trig => Some(RdfFormat::TriG),
            _ => None,
        }
    }
}

/// Errors of the export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The cut names no entity.
    #[error(transparent)]
    View(#[from] ViewError),
    /// Writing failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes the store (or a cut of it) in a format.
pub fn export(
    store: &ZStore,
    format: Format,
    cut: &Cut,
    mut w: impl Write,
) -> Result<(), ExportError> {
    match format.rdf() {
        Some(f) if cut.is_whole() => store.dump(f, &mut w)?,
        Some(f) => {
            let kg = view::cut(view::read(store)?, cut)?;
            rdf_cut(store, &kg, f, &mut w)?;
        }
        None => {
            let mut kg = view::read(store)?;
            if !cut.is_whole() {
                kg = view::cut(kg, cut)?;
            }
            write_graph(&kg, format, &mut w)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// Writes a graph in one of the graph formats.
pub(crate) fn write_graph(
    kg: &KnowledgeGraph,
    format: Format,
    w: &mut impl Write,
) -> Result<(), ExportError> {
    match format {
        Format::Graphml => formats::graphml(kg, w)?,
        Format::Gexf => formats::gexf(kg, w)?,
        Format::Cytoscape => formats::cytoscape(kg, w)?,
        Format::Jgf => formats::jgf(kg, w)?,
        _ => formats::dot(kg, w)?,
    }
    Ok(())
}

/// The quads of a cut: the description of every kept entity (its type,
/// names, code, mentions) and the relations between kept entities, each in
/// its article graph.
fn rdf_cut(
    store: &ZStore,
    kg: &KnowledgeGraph,
    format: RdfFormat,
    w: &mut impl Write,
) -> Result<(), ExportError> {
    let keep: BTreeSet<String> = kg
        .graph
        .node_weights()
        .map(|e| entity_iri(&e.key).as_str().to_string())
        .collect();
    let mut quads: Vec<Quad> = Vec::new();
    for q in store.quads()? {
        let q = q?;
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        if !keep.contains(s.as_str()) {
            continue;
        }
        if crate::vocab::predicate_of_property(q.predicate.as_str()).is_some() {
            match &q.object {
                Term::NamedNode(o) if keep.contains(o.as_str()) => {}
                _ => continue,
            }
        }
        quads.push(q);
    }
    quads.sort_by_cached_key(|q| q.to_string());
    let mut ser = RdfSerializer::from_format(format).for_writer(w);
    let mut seen = BTreeSet::new();
    for q in &quads {
        if format.supports_datasets() {
            ser.serialize_quad(q).map_err(std::io::Error::other)?;
        } else {
            let t = oxigraph::model::Triple::new(
                q.subject.clone(),
                q.predicate.clone(),
                q.object.clone(),
            );
            if seen.insert(t.to_string()) {
                ser.serialize_triple(&t).map_err(std::io::Error::other)?;
            }
        }
    }
    ser.finish().map_err(std::io::Error::other)?;
    Ok(())
}
