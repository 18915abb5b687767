//! Writers of the entity graph for visualization tools: GraphML (Gephi,
//! Cytoscape, yEd), GEXF 1.3 (Gephi), DOT (Graphviz), Cytoscape.js JSON and
//! JSON Graph Format v2. Each node carries the entity type, canonical name,
//! aliases and code; each edge the predicate, posts and article count; node
//! ids are the entity IRIs, edge ids `e` + the edge's index.
//!
//! They write the graph stage's [`KnowledgeGraph`] in the order of its node
//! and edge indices (a graph read from a store has them sorted: see
//! [`super::view`]). XML is written with quick-xml, which escapes text and
//! attributes and balances the elements.

use std::io::{self, Write};

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use serde_json::{json, Map, Value};

use crate::graph::{Edge, KnowledgeGraph};
use crate::model::Entity;
use crate::rdf::entity_iri;
use crate::EntityType;

/// Characters XML 1.0 does not allow (controls but tab and line breaks)
/// become spaces.
fn xml_text(s: &str) -> String {
    s.chars()
        .map(|c| {
            if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Escapes text for a DOT double-quoted string.
pub(crate) fn dot_escape(s: &str) -> String {
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
pub(crate) fn color(t: EntityType) -> &'static str {
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
        EntityType::Agency | EntityType::Organization => "box",
        EntityType::Place => "ellipse",
        EntityType::Person => "oval",
        EntityType::Project => "hexagon",
        EntityType::Document => "note",
    }
}

/// A node as the formats write it.
struct NodeOut<'a> {
    iri: String,
    e: &'a Entity,
}

/// An edge as the formats write it.
struct EdgeOut<'a> {
    id: String,
    source: String,
    target: String,
    edge: &'a Edge,
    role: Option<String>,
    articles: usize,
}

fn nodes(kg: &KnowledgeGraph) -> impl Iterator<Item = NodeOut<'_>> {
    kg.graph.node_indices().map(|ni: NodeIndex| {
        let e = &kg.graph[ni];
        NodeOut {
            iri: entity_iri(&e.key).as_str().to_string(),
            e,
        }
    })
}

fn edges(kg: &KnowledgeGraph) -> impl Iterator<Item = EdgeOut<'_>> {
    (&kg.graph).edge_references().map(|er| {
        let ei: EdgeIndex = er.id();
        let edge = er.weight();
        EdgeOut {
            id: format!("e{}", ei.index()),
            source: entity_iri(&kg.graph[er.source()].key).as_str().to_string(),
            target: entity_iri(&kg.graph[er.target()].key).as_str().to_string(),
            role: edge.roles(),
            articles: edge.article_count(),
            edge,
        }
    })
}

/// The aliases of an entity joined with `|`.
fn aliases(e: &Entity) -> String {
    e.aliases.iter().cloned().collect::<Vec<_>>().join("|")
}

/// `<data key="…">text</data>`.
fn data<W: Write>(w: &mut Writer<W>, key: &str, text: &str) -> io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&xml_text(text)))?;
    Ok(())
}

const GRAPHML_NS: [(&str, &str); 4] = [
    ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
    ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ("xmlns:y", "http://www.yworks.com/xml/graphml"),
    (
        "xsi:schemaLocation",
        "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd",
    ),
];

/// GraphML with typed keys, and yFiles node graphics so that yEd shows the
/// names.
pub(crate) fn graphml(kg: &KnowledgeGraph, w: &mut impl Write) -> io::Result<()> {
    let mut x = Writer::new_with_indent(&mut *w, b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.create_element("graphml")
        .with_attributes(GRAPHML_NS)
        .write_inner_content(|x| {
            graphml_keys(x)?;
            x.create_element("graph")
                .with_attributes([("id", "zhengtu"), ("edgedefault", "directed")])
                .write_inner_content(|x| {
                    for n in nodes(kg) {
                        graphml_node(x, &n)?;
                    }
                    for e in edges(kg) {
                        graphml_edge(x, &e)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    writeln!(w)
}

fn graphml_keys<W: Write>(x: &mut Writer<W>) -> io::Result<()> {
    for (id, dom, ty) in [
        ("type", "node", "string"),
        ("label", "node", "string"),
        ("aliases", "node", "string"),
        ("code", "node", "string"),
        ("predicate", "edge", "string"),
        ("role", "edge", "string"),
        ("articles", "edge", "int"),
    ] {
        x.create_element("key")
            .with_attributes([
                ("id", id),
                ("for", dom),
                ("attr.name", id),
                ("attr.type", ty),
            ])
            .write_empty()?;
    }
    for (id, dom, graphics) in [
        ("ng", "node", "nodegraphics"),
        ("eg", "edge", "edgegraphics"),
    ] {
        x.create_element("key")
            .with_attributes([("id", id), ("for", dom), ("yfiles.type", graphics)])
            .write_empty()?;
    }
    Ok(())
}

fn graphml_node<W: Write>(x: &mut Writer<W>, n: &NodeOut) -> io::Result<()> {
    x.create_element("node")
        .with_attribute(("id", xml_text(&n.iri).as_str()))
        .write_inner_content(|x| {
            data(x, "type", n.e.etype.as_str())?;
            data(x, "label", &n.e.name)?;
            data(x, "aliases", &aliases(n.e))?;
            if let Some(c) = &n.e.code {
                data(x, "code", c)?;
            }
            x.create_element("data")
                .with_attribute(("key", "ng"))
                .write_inner_content(|x| {
                    x.create_element("y:ShapeNode").write_inner_content(|x| {
                        x.create_element("y:Fill")
                            .with_attributes([
                                ("color", color(n.e.etype)),
                                ("transparent", "false"),
                            ])
                            .write_empty()?;
                        x.create_element("y:NodeLabel")
                            .write_text_content(BytesText::new(&xml_text(&n.e.name)))?;
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

fn graphml_edge<W: Write>(x: &mut Writer<W>, e: &EdgeOut) -> io::Result<()> {
    let p = e.edge.predicate.as_str();
    x.create_element("edge")
        .with_attributes([
            ("id", e.id.as_str()),
            ("source", xml_text(&e.source).as_str()),
            ("target", xml_text(&e.target).as_str()),
        ])
        .write_inner_content(|x| {
            data(x, "predicate", p)?;
            if let Some(r) = &e.role {
                data(x, "role", r)?;
            }
            data(x, "articles", &e.articles.to_string())?;
            x.create_element("data")
                .with_attribute(("key", "eg"))
                .write_inner_content(|x| {
                    x.create_element("y:PolyLineEdge")
                        .write_inner_content(|x| {
                            x.create_element("y:Arrows")
                                .with_attributes([("source", "none"), ("target", "standard")])
                                .write_empty()?;
                            x.create_element("y:EdgeLabel")
                                .write_text_content(BytesText::new(p))?;
                            Ok(())
                        })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    Ok(())
}

/// Declares GEXF attributes of a class (`node`, `edge`); their ids are
/// their positions.
fn gexf_attributes<W: Write>(
    x: &mut Writer<W>,
    class: &str,
    attrs: &[(&str, &str)],
) -> io::Result<()> {
    x.create_element("attributes")
        .with_attribute(("class", class))
        .write_inner_content(|x| {
            for (i, (name, ty)) in attrs.iter().enumerate() {
                x.create_element("attribute")
                    .with_attributes([
                        ("id", i.to_string().as_str()),
                        ("title", name),
                        ("type", ty),
                    ])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

/// Writes the attribute values present, by position.
fn gexf_attvalues<W: Write>(x: &mut Writer<W>, values: &[Option<String>]) -> io::Result<()> {
    x.create_element("attvalues").write_inner_content(|x| {
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = v {
                x.create_element("attvalue")
                    .with_attributes([("for", i.to_string().as_str()), ("value", &xml_text(v))])
                    .write_empty()?;
            }
        }
        Ok(())
    })?;
    Ok(())
}

/// GEXF 1.3 with node and edge attributes; the predicate is the edge kind.
pub(crate) fn gexf(kg: &KnowledgeGraph, w: &mut impl Write) -> io::Result<()> {
    let mut x = Writer::new_with_indent(&mut *w, b' ', 2);
    x.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.create_element("gexf")
        .with_attributes([("xmlns", "http://gexf.net/1.3"), ("version", "1.3")])
        .write_inner_content(|x| {
            x.create_element("meta").write_inner_content(|x| {
                x.create_element("creator")
                    .write_text_content(BytesText::new("zhengtu"))?;
                x.create_element("description")
                    .write_text_content(BytesText::new(
                        "Entities and relations of Chinese government news",
                    ))?;
                Ok(())
            })?;
            x.create_element("graph")
                .with_attributes([("mode", "static"), ("defaultedgetype", "directed")])
                .write_inner_content(|x| gexf_graph(x, kg))?;
            Ok(())
        })?;
    writeln!(w)
}

fn gexf_graph<W: Write>(x: &mut Writer<W>, kg: &KnowledgeGraph) -> io::Result<()> {
    let node_attrs = [
        ("type", "string"),
        ("aliases", "string"),
        ("code", "string"),
    ];
    gexf_attributes(x, "node", &node_attrs)?;
    let edge_attrs = [
        ("predicate", "string"),
        ("role", "string"),
        ("articles", "integer"),
    ];
    gexf_attributes(x, "edge", &edge_attrs)?;
    x.create_element("nodes").write_inner_content(|x| {
        for n in nodes(kg) {
            x.create_element("node")
                .with_attributes([
                    ("id", xml_text(&n.iri).as_str()),
                    ("label", &xml_text(&n.e.name)),
                ])
                .write_inner_content(|x| {
                    let values = [
                        Some(n.e.etype.as_str().to_string()),
                        Some(aliases(n.e)),
                        n.e.code.clone(),
                    ];
                    gexf_attvalues(x, &values)
                })?;
        }
        Ok(())
    })?;
    x.create_element("edges").write_inner_content(|x| {
        for e in edges(kg) {
            let p = e.edge.predicate.as_str();
            let weight = e.articles.to_string();
            x.create_element("edge")
                .with_attributes([
                    ("id", e.id.as_str()),
                    ("source", xml_text(&e.source).as_str()),
                    ("target", xml_text(&e.target).as_str()),
                    ("label", p),
                    ("kind", p),
                    ("weight", weight.as_str()),
                ])
                .write_inner_content(|x| {
                    gexf_attvalues(
                        x,
                        &[Some(p.to_string()), e.role.clone(), Some(weight.clone())],
                    )
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// Graphviz DOT: boxes for bodies, ellipses for places, colours by type.
pub fn dot(kg: &KnowledgeGraph, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "digraph zhengtu {{")?;
    let legend: Vec<String> = EntityType::ALL
        .iter()
        .map(|t| format!("{} {}", t.as_str(), color(*t)))
        .collect();
    writeln!(w, "  // colours: {}", legend.join(" "))?;
    writeln!(w, "  graph [charset=\"UTF-8\", rankdir=LR, overlap=false];")?;
    writeln!(w, "  node [style=filled, fontname=\"Noto Sans CJK SC\"];")?;
    for n in nodes(kg) {
        writeln!(
            w,
            "  \"{}\" [label=\"{}\", type=\"{}\", shape={}, fillcolor=\"{}\"];",
            dot_escape(&n.iri),
            dot_escape(&n.e.name),
            n.e.etype.as_str(),
            shape(n.e.etype),
            color(n.e.etype)
        )?;
    }
    for e in edges(kg) {
        let p = e.edge.predicate.as_str();
        let label = match &e.role {
            Some(r) => format!("{p} ({r})"),
            None => p.to_string(),
        };
        writeln!(
            w,
            "  \"{}\" -> \"{}\" [label=\"{}\", predicate=\"{p}\"];",
            dot_escape(&e.source),
            dot_escape(&e.target),
            dot_escape(&label),
        )?;
    }
    writeln!(w, "}}")
}

fn node_data(n: &NodeOut) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("id".into(), json!(n.iri));
    d.insert("label".into(), json!(n.e.name));
    d.insert("type".into(), json!(n.e.etype.as_str()));
    d.insert("aliases".into(), json!(n.e.aliases));
    if let Some(c) = &n.e.code {
        d.insert("code".into(), json!(c));
    }
    d
}

/// Cytoscape.js elements JSON.
pub(crate) fn cytoscape(kg: &KnowledgeGraph, w: &mut impl Write) -> io::Result<()> {
    let nodes: Vec<Value> = nodes(kg)
        .map(|n| json!({ "data": node_data(&n) }))
        .collect();
    let edges: Vec<Value> = edges(kg)
        .map(|e| {
            let mut d = Map::new();
            d.insert("id".into(), json!(e.id));
            d.insert("source".into(), json!(e.source));
            d.insert("target".into(), json!(e.target));
            d.insert("predicate".into(), json!(e.edge.predicate.as_str()));
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
pub(crate) fn jgf(kg: &KnowledgeGraph, w: &mut impl Write) -> io::Result<()> {
    let mut nodes_map = Map::new();
    for n in nodes(kg) {
        let mut meta = node_data(&n);
        meta.remove("id");
        meta.remove("label");
        nodes_map.insert(
            n.iri.clone(),
            json!({ "label": n.e.name, "metadata": meta }),
        );
    }
    let edges: Vec<Value> = edges(kg)
        .map(|e| {
            let mut meta = Map::new();
            meta.insert("id".into(), json!(e.id));
            meta.insert("articles".into(), json!(e.articles));
            if let Some(r) = &e.role {
                meta.insert("role".into(), json!(r));
            }
            json!({ "source": e.source, "target": e.target, "relation": e.edge.predicate.as_str(), "directed": true, "metadata": meta })
        })
        .collect();
    let doc = json!({ "graph": { "id": "zhengtu", "type": "zhengtu", "label": "zhengtu knowledge graph", "directed": true, "nodes": nodes_map, "edges": edges } });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    writeln!(w)
}
