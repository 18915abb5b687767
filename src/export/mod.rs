//! Export: the stored graph → files for other tools. N-Quads keeps every
//! article's named graph; Turtle gives the union of all graphs as triples.
//!
//! Takes: a [`crate::store::ZStore`]. Gives: bytes in the chosen format.

use std::io::Write;

use oxigraph::io::RdfFormat;

use crate::store::{StoreError, ZStore};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// N-Quads: every quad with its article graph.
    Nquads,
    /// Turtle: the union of all graphs as triples.
    Turtle,
    /// TriG: Turtle with the named graphs.
    Trig,
}

/// Errors of the export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes the store in a format.
pub fn export(store: &ZStore, format: Format, mut w: impl Write) -> Result<(), ExportError> {
    let f = match format {
        Format::Nquads => RdfFormat::NQuads,
        Format::Turtle => RdfFormat::Turtle,
        Format::Trig => RdfFormat::TriG,
    };
    store.dump(f, &mut w)?;
    w.flush()?;
    Ok(())
}
