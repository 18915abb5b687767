//! Content negotiation: picks the answer format from an `Accept` header
//! (RFC 9110 media ranges with q-values).
//!
//! Takes: the header and the formats the server can write, in its order of
//! preference. Gives: the chosen format, or none when nothing offered is
//! acceptable (the caller answers 406).

use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;

/// One media range of an `Accept` header.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MediaRange {
    /// The type (`text`, `*`), lower case.
    pub(crate) kind: String,
    /// The subtype (`turtle`, `*`), lower case.
    pub(crate) subtype: String,
    /// The weight, 0 to 1.
    pub(crate) q: f32,
}

impl MediaRange {
    /// How well the range names `media_type`: 3 exact, 2 `type/*`, 1 `*/*`,
    /// `None` when it does not match.
    fn matches(&self, media_type: &str) -> Option<u8> {
        let (kind, subtype) = media_type.split_once('/')?;
        match (self.kind.as_str(), self.subtype.as_str()) {
            ("*", "*") => Some(1),
            (k, "*") if k.eq_ignore_ascii_case(kind) => Some(2),
            (k, s) if k.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(subtype) => Some(3),
            _ => None,
        }
    }
}

/// Parses an `Accept` header; ranges that do not parse are skipped.
pub(crate) fn parse_accept(header: &str) -> Vec<MediaRange> {
    let mut out = Vec::new();
    for item in header.split(',') {
        let mut parts = item.split(';');
        let Some(mt) = parts.next().map(str::trim) else {
            continue;
        };
        let Some((kind, subtype)) = mt.split_once('/') else {
            continue;
        };
        let (kind, subtype) = (kind.trim(), subtype.trim());
        if kind.is_empty() || subtype.is_empty() || (kind == "*" && subtype != "*") {
            continue;
        }
        let mut q = 1.0f32;
        for p in parts {
            if let Some((k, v)) = p.split_once('=') {
                if k.trim().eq_ignore_ascii_case("q") {
                    q = v.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0);
                }
            }
        }
        out.push(MediaRange {
            kind: kind.to_ascii_lowercase(),
            subtype: subtype.to_ascii_lowercase(),
            q,
        });
    }
    out
}

/// An offer with its rank: weight, specificity, earlier range, earlier offer.
type Ranked<'a, T> = ((f32, u8, usize, usize), &'a T);

/// Chooses among `offers` (media type, value; the first is the default).
///
/// Each offer gets the weight of the most specific range that matches it;
/// the highest weight wins, then the more specific match, then the range
/// the client listed first, then the server's order. No header (or an
/// empty one) means anything is acceptable.
pub(crate) fn choose<'a, T>(
    accept: Option<&str>,
    offers: &'a [(&'static str, T)],
) -> Option<&'a T> {
    let header = accept.map(str::trim).unwrap_or("");
    if header.is_empty() {
        return offers.first().map(|(_, v)| v);
    }
    let ranges = parse_accept(header);
    let mut best: Option<Ranked<'a, T>> = None;
    for (oi, (mt, v)) in offers.iter().enumerate() {
        // the most specific range that names the offer decides its weight
        let mut m: Option<(u8, f32, usize)> = None;
        for (ri, r) in ranges.iter().enumerate() {
            if let Some(spec) = r.matches(mt) {
                if m.is_none_or(|(s, _, _)| spec > s) {
                    m = Some((spec, r.q, ri));
                }
            }
        }
        let Some((spec, q, ri)) = m else { continue };
        if q <= 0.0 {
            continue;
        }
        // larger is better: weight, specificity, earlier range, earlier offer
        let key = (q, spec, usize::MAX - ri, usize::MAX - oi);
        if best.as_ref().is_none_or(|(k, _)| {
            key.0 > k.0 || (key.0 == k.0 && (key.1, key.2, key.3) > (k.1, k.2, k.3))
        }) {
            best = Some((key, v));
        }
    }
    best.map(|(_, v)| v)
}

/// Result formats of SELECT and ASK, the default first.
pub(crate) fn results_offers() -> Vec<(&'static str, QueryResultsFormat)> {
    vec![
        ("application/sparql-results+json", QueryResultsFormat::Json),
        ("application/sparql-results+xml", QueryResultsFormat::Xml),
        ("text/csv", QueryResultsFormat::Csv),
        ("text/tab-separated-values", QueryResultsFormat::Tsv),
        ("application/json", QueryResultsFormat::Json),
        ("application/xml", QueryResultsFormat::Xml),
        ("text/xml", QueryResultsFormat::Xml),
    ]
}

/// RDF formats of CONSTRUCT and DESCRIBE, the default (Turtle) first.
pub(crate) fn graph_offers() -> Vec<(&'static str, RdfFormat)> {
    let mut v = vec![
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
    ];
    if let Some(f) = RdfFormat::from_media_type("application/ld+json") {
        v.push(("application/ld+json", f));
    }
    v.extend([
        ("application/n-quads", RdfFormat::NQuads),
        ("application/trig", RdfFormat::TriG),
    ]);
    v
}

/// The media types offered for SELECT/ASK and for CONSTRUCT/DESCRIBE, for
/// the 406 message.
pub(crate) fn offered(offers: &[(&'static str, impl Sized)]) -> String {
    offers
        .iter()
        .map(|(m, _)| *m)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_first_offer() {
        let o = results_offers();
        assert_eq!(choose(None, &o), Some(&QueryResultsFormat::Json));
        assert_eq!(choose(Some(""), &o), Some(&QueryResultsFormat::Json));
        assert_eq!(choose(Some("*/*"), &o), Some(&QueryResultsFormat::Json));
    }

    #[test]
    fn q_values_and_specificity() {
        let o = results_offers();
        assert_eq!(
            choose(Some("text/csv;q=0.5, application/sparql-results+xml"), &o),
            Some(&QueryResultsFormat::Xml)
        );
        assert_eq!(
            choose(Some("text/*;q=0.2, text/tab-separated-values"), &o),
            Some(&QueryResultsFormat::Tsv)
        );
        // an explicit q=0 excludes a type that a wildcard would allow
        assert_eq!(
            choose(Some("*/*;q=0.1, application/sparql-results+json;q=0"), &o),
            Some(&QueryResultsFormat::Xml)
        );
        // the client's order breaks ties
        assert_eq!(
            choose(
                Some("application/sparql-results+xml, application/sparql-results+json"),
                &o
            ),
            Some(&QueryResultsFormat::Xml)
        );
        assert_eq!(choose(Some("image/png"), &o), None);
        assert_eq!(choose(Some("text/html;q=0.9, garbage"), &o), None);
    }

    #[test]
    fn graph_formats() {
        let o = graph_offers();
        assert_eq!(choose(None, &o), Some(&RdfFormat::Turtle));
        assert_eq!(
            choose(Some("application/n-triples"), &o),
            Some(&RdfFormat::NTriples)
        );
        assert_eq!(choose(Some("application/sparql-results+json"), &o), None);
        assert!(o.iter().any(|(m, _)| *m == "application/ld+json"));
    }
}
