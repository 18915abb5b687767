//! Export: the stored graph → files for other tools.
//!
//! RDF: N-Quads and TriG keep every article's named graph; Turtle gives the
//! union of all graphs as triples. Visualization: GraphML (Gephi, Cytoscape,
//! yEd), GEXF 1.3 (Gephi), DOT (Graphviz), Cytoscape.js JSON and JSON Graph
//! Format, built from the entity graph ([`view::View`]). Any format can be
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

use crate::store::{StoreError, ZStore};
use crate::Predicate;
pub use view::{Cut, View, ViewError};

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
    let whole = cut.around.is_none() && cut.types.is_empty();
    match format {
        Format::Nquads | Format::Turtle | Format::Trig => {
            let f = match format {
                Format::Nquads => RdfFormat::NQuads,
                Format::Turtle => RdfFormat::Turtle,
                _ => RdfFormat::TriG,
            };
            if whole {
                store.dump(f, &mut w)?;
            } else {
                let v = View::read(store)?.cut(store, cut)?;
                rdf_cut(store, &v, f, &mut w)?;
            }
        }
        _ => {
            let mut v = View::read(store)?;
            if !whole {
                v = v.cut(store, cut)?;
            }
            match format {
                Format::Graphml => formats::graphml(&v, &mut w)?,
                Format::Gexf => formats::gexf(&v, &mut w)?,
                Format::Dot => formats::dot(&v, &mut w)?,
                Format::Cytoscape => formats::cytoscape(&v, &mut w)?,
                _ => formats::jgf(&v, &mut w)?,
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// The quads of a cut: the description of every kept entity (its type,
/// names, code, mentions) and the relations between kept entities, each in
/// its article graph.
fn rdf_cut(
    store: &ZStore,
    v: &View,
    format: RdfFormat,
    w: &mut impl Write,
) -> Result<(), ExportError> {
    let keep: BTreeSet<&str> = v.nodes.keys().map(String::as_str).collect();
    let relation: BTreeSet<String> = Predicate::ALL
        .iter()
        .map(|p| format!("{}{}", crate::rdf::ZT, p.as_str()))
        .collect();
    let mut quads: Vec<Quad> = Vec::new();
    for q in store.inner().iter() {
        let q = q.map_err(|e| StoreError::Storage {
            path: store.path().to_path_buf(),
            source: e,
        })?;
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            continue;
        };
        if !keep.contains(s.as_str()) {
            continue;
        }
        if relation.contains(q.predicate.as_str()) {
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
