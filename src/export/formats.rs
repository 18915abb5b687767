//! Writers of the entity graph for visualization tools: GraphML (Gephi,
//! Cytoscape, yEd), GEXF 1.3 (Gephi), DOT (Graphviz), Cytoscape.js JSON and
//! JSON Graph Format v2. Each node carries the entity type, canonical name,
//! aliases and code; each edge the predicate, role and article count; ids are
//! the entity IRIs.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use super::view::View;
use crate::EntityType;

/// Escapes text for XML attributes and content.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // characters XML 1.0 does not allow
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a DOT double-quoted string.
pub fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Fill colour of a type in DOT and yEd.
pub fn color(t: EntityType) -> &'static str {
    match t {
        EntityType::Agency => "#8dd3c7",
        EntityType::Organization => "#ffffb3",
        EntityType::Place => "#bebada",
        EntityType::Person => "#fb8072",
        EntityType::Project => "#80b1d3",
        EntityType::Document => "#fdb462",
    }
}

fn shape(t: EntityType) -> &'static str {
    match t {
        EntityType::Agency => "box",
        EntityType::Organization => "box",
        EntityType::Place => "ellipse",
        EntityType::Person => "oval",
        EntityType::Project => "hexagon",
        EntityType::Document => "note",
    }
}

/// GraphML with typed keys, and yFiles node graphics so that yEd shows the
/// names.
pub fn graphml(v: &View, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        w,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:y=\"http://www.yworks.com/xml/graphml\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">"
    )?;
    for (id, dom, name, ty) in [
        ("type", "node", "type", "string"),
        ("label", "node", "label", "string"),
        ("aliases", "node", "aliases", "string"),
        ("code", "node", "code", "string"),
        ("predicate", "edge", "predicate", "string"),
        ("role", "edge", "role", "string"),
        ("articles", "edge", "articles", "int"),
    ] {
        writeln!(
            w,
            "  <key id=\"{id}\" for=\"{dom}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    writeln!(
        w,
        "  <key id=\"ng\" for=\"node\" yfiles.type=\"nodegraphics\"/>"
    )?;
    writeln!(
        w,
        "  <key id=\"eg\" for=\"edge\" yfiles.type=\"edgegraphics\"/>"
    )?;
    writeln!(w, "  <graph id=\"zhengtu\" edgedefault=\"directed\">")?;
    for n in v.nodes.values() {
        writeln!(w, "    <node id=\"{}\">", xml_escape(&n.iri))?;
        writeln!(w, "      <data key=\"type\">{}</data>", n.etype.as_str())?;
        writeln!(
            w,
            "      <data key=\"label\">{}</data>",
            xml_escape(&n.label)
        )?;
        writeln!(
            w,
            "      <data key=\"aliases\">{}</data>",
            xml_escape(&n.aliases.join("|"))
        )?;
        if let Some(c) = &n.code {
            writeln!(w, "      <data key=\"code\">{}</data>", xml_escape(c))?;
        }
        writeln!(
            w,
            "      <data key=\"ng\"><y:ShapeNode><y:Fill color=\"{}\" transparent=\"false\"/><y:NodeLabel>{}</y:NodeLabel></y:ShapeNode></data>",
            color(n.etype),
            xml_escape(&n.label)
        )?;
        writeln!(w, "    </node>")?;
    }
    for e in &v.edges {
        writeln!(
            w,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            e.id,
            xml_escape(&e.source),
            xml_escape(&e.target)
        )?;
        writeln!(
            w,
            "      <data key=\"predicate\">{}</data>",
            e.predicate.as_str()
        )?;
        if let Some(r) = &e.role {
            writeln!(w, "      <data key=\"role\">{}</data>", xml_escape(r))?;
        }
        writeln!(w, "      <data key=\"articles\">{}</data>", e.articles)?;
        writeln!(
            w,
            "      <data key=\"eg\"><y:PolyLineEdge><y:Arrows source=\"none\" target=\"standard\"/><y:EdgeLabel>{}</y:EdgeLabel></y:PolyLineEdge></data>",
            e.predicate.as_str()
        )?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}

/// Declares GEXF attributes of a class (`node`, `edge`); their ids are
/// their positions.
fn gexf_attributes(w: &mut impl Write, class: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    writeln!(w, "    <attributes class=\"{class}\">")?;
    for (i, (name, ty)) in attrs.iter().enumerate() {
        writeln!(
            w,
            "      <attribute id=\"{i}\" title=\"{name}\" type=\"{ty}\"/>"
        )?;
    }
    writeln!(w, "    </attributes>")
}

/// Writes the attribute values present, by position.
fn gexf_attvalues(w: &mut impl Write, values: &[Option<String>]) -> io::Result<()> {
    writeln!(w, "        <attvalues>")?;
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = v {
            writeln!(
                w,
                "          <attvalue for=\"{i}\" value=\"{}\"/>",
                xml_escape(v)
            )?;
        }
    }
    writeln!(w, "        </attvalues>")
}

/// GEXF 1.3 with node and edge attributes; the predicate is the edge kind.
pub fn gexf(v: &View, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(w, "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">")?;
    writeln!(w, "  <meta><creator>zhengtu</creator><description>Entities and relations of Chinese government news</description></meta>")?;
    writeln!(w, "  <graph mode=\"static\" defaultedgetype=\"directed\">")?;
    gexf_attributes(
        w,
        "node",
        &[
            ("type", "string"),
            ("aliases", "string"),
            ("code", "string"),
        ],
    )?;
    gexf_attributes(
        w,
        "edge",
        &[
            ("predicate", "string"),
            ("role", "string"),
            ("articles", "integer"),
        ],
    )?;
    writeln!(w, "    <nodes>")?;
    for n in v.nodes.values() {
        writeln!(
            w,
            "      <node id=\"{}\" label=\"{}\">",
            xml_escape(&n.iri),
            xml_escape(&n.label)
        )?;
        gexf_attvalues(
            w,
            &[
                Some(n.etype.as_str().to_string()),
                Some(n.aliases.join("|")),
                n.code.clone(),
            ],
        )?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges>")?;
    for e in &v.edges {
        writeln!(
            w,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\" kind=\"{}\" weight=\"{}\">",
            e.id,
            xml_escape(&e.source),
            xml_escape(&e.target),
            e.predicate.as_str(),
            e.predicate.as_str(),
            e.articles
        )?;
        gexf_attvalues(
            w,
            &[
                Some(e.predicate.as_str().to_string()),
                e.role.clone(),
                Some(e.articles.to_string()),
            ],
        )?;
        writeln!(w, "      </edge>")?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")
}

/// Graphviz DOT: boxes for bodies, ellipses for places, colours by type.
pub fn dot(v: &View, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "digraph zhengtu {{")?;
    writeln!(
        w,
        "  // colours: Agency {} Organization {} Place {} Person {} Project {} Document {}",
        color(EntityType::Agency),
        color(EntityType::Organization),
        color(EntityType::Place),
        color(EntityType::Person),
        color(EntityType::Project),
        color(EntityType::Document)
    )?;
    writeln!(w, "  graph [charset=\"UTF-8\", rankdir=LR, overlap=false];")?;
    writeln!(w, "  node [style=filled, fontname=\"Noto Sans CJK SC\"];")?;
    for n in v.nodes.values() {
        writeln!(
            w,
            "  \"{}\" [label=\"{}\", type=\"{}\", shape={}, fillcolor=\"{}\"];",
            dot_escape(&n.iri),
            dot_escape(&n.label),
            n.etype.as_str(),
            shape(n.etype),
            color(n.etype)
        )?;
    }
    for e in &v.edges {
        let label = match &e.role {
            Some(r) => format!("{} ({})", e.predicate.as_str(), r),
            None => e.predicate.as_str().to_string(),
        };
        writeln!(
            w,
            "  \"{}\" -> \"{}\" [label=\"{}\", predicate=\"{}\"];",
            dot_escape(&e.source),
            dot_escape(&e.target),
            dot_escape(&label),
            e.predicate.as_str()
        )?;
    }
    writeln!(w, "}}")
}

fn node_data(n: &super::view::VNode) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("id".into(), json!(n.iri));
    d.insert("label".into(), json!(n.label));
    d.insert("type".into(), json!(n.etype.as_str()));
    d.insert("aliases".into(), json!(n.aliases));
    if let Some(c) = &n.code {
        d.insert("code".into(), json!(c));
    }
    d
}

/// Cytoscape.js elements JSON.
pub fn cytoscape(v: &View, w: &mut impl Write) -> io::Result<()> {
    let nodes: Vec<Value> = v
        .nodes
        .values()
        .map(|n| json!({ "data": node_data(n) }))
        .collect();
    let edges: Vec<Value> = v
        .edges
        .iter()
        .map(|e| {
            let mut d = Map::new();
            d.insert("id".into(), json!(e.id));
            d.insert("source".into(), json!(e.source));
            d.insert("target".into(), json!(e.target));
            d.insert("predicate".into(), json!(e.predicate.as_str()));
            d.insert("articles".into(), json!(e.articles));
            if let Some(r) = &e.role {
                d.insert("role".into(), json!(r));
            }
            json!({ "data": d })
        })
        .collect();
    let doc = json!({ "elements": { "nodes": nodes, "edges": edges } });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}

/// JSON Graph Format v2.
pub fn jgf(v: &View, w: &mut impl Write) -> io::Result<()> {
    let mut nodes = Map::new();
    for n in v.nodes.values() {
        let mut meta = node_data(n);
        meta.remove("id");
        meta.remove("label");
        nodes.insert(n.iri.clone(), json!({ "label": n.label, "metadata": meta }));
    }
    let edges: Vec<Value> = v
        .edges
        .iter()
        .map(|e| {
            let mut meta = Map::new();
            meta.insert("id".into(), json!(e.id));
            meta.insert("articles".into(), json!(e.articles));
            if let Some(r) = &e.role {
                meta.insert("role".into(), json!(r));
            }
            json!({ "source": e.source, "target": e.target, "relation": e.predicate.as_str(), "directed": true, "metadata": meta })
        })
        .collect();
    let doc = json!({ "graph": { "id": "zhengtu", "type": "zhengtu", "label": "zhengtu knowledge graph", "directed": true, "nodes": nodes, "edges": edges } });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}
