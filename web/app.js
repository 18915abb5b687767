// The zhengtu page: search an entity, draw its neighbourhood with
// Cytoscape.js, expand nodes on click, show each relation's evidence, and
// run SPARQL against /query. Talks only to the server that serves it.
"use strict";

const COLORS = {
  Agency: "#c0392b",
  Organization: "#e67e22",
  Place: "#27ae60",
  Person: "#2980b9",
  Project: "#8e44ad",
  Document: "#7f8c8d",
};
const TYPE_ZH = {
  Agency: "机关",
  Organization: "组织",
  Place: "地点",
  Person: "人物",
  Project: "项目",
  Document: "文件",
};
const PRED_ZH = {
  subOrganizationOf: "下属于",
  jurisdiction: "管辖",
  locatedIn: "位于",
  memberOf: "任职于",
  participatesIn: "参与",
  issued: "发布",
  partnerOf: "合作",
};

const PREFIXES = `PREFIX zt: <https://w3id.org/zhengtu/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
`;
const EXAMPLES = [
  {
    title: "各区县的机关数",
    query: `${PREFIXES}SELECT ?place (COUNT(DISTINCT ?a) AS ?agencies) WHERE {
  ?a a zt:Agency ; zt:jurisdiction ?p . ?p rdfs:label ?place
} GROUP BY ?place ORDER BY DESC(?agencies) LIMIT 20`,
  },
  {
    title: "人物及其任职机构",
    query: `${PREFIXES}SELECT DISTINCT ?person ?org WHERE {
  ?p zt:memberOf ?o . ?p rdfs:label ?person . ?o rdfs:label ?org
} ORDER BY ?org ?person`,
  },
  {
    title: "潍坊市自然资源和规划局的下属单位",
    query: `${PREFIXES}SELECT DISTINCT ?unit ?name WHERE {
  ?unit zt:subOrganizationOf ?b . ?b rdfs:label "潍坊市自然资源和规划局"@zh .
  ?unit rdfs:label ?name
} ORDER BY ?name`,
  },
  {
    title: "发布文件的机关及证据句",
    query: `${PREFIXES}PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT DISTINCT ?issuer ?document ?sentence WHERE {
  ?a zt:issued ?d . ?a rdfs:label ?issuer . ?d rdfs:label ?document .
  ?ev a zt:Evidence ; rdf:subject ?a ; rdf:predicate zt:issued ; rdf:object ?d ; zt:sentence ?sentence
} ORDER BY ?issuer LIMIT 50`,
  },
  {
    title: "简称与全称（别名）",
    query: `${PREFIXES}SELECT DISTINCT ?alias ?name ?type WHERE {
  ?e skos:altLabel ?alias ; rdfs:label ?name ; a ?type .
  FILTER(STRSTARTS(STR(?type), STR(zt:)))
} ORDER BY ?name LIMIT 100`,
  },
  {
    title: "CONSTRUCT：奎文区的机关（Turtle）",
    query: `${PREFIXES}CONSTRUCT { ?a zt:jurisdiction ?p ; rdfs:label ?l } WHERE {
  ?p rdfs:label "奎文区"@zh . ?a a zt:Agency ; zt:jurisdiction ?p ; rdfs:label ?l
}`,
  },
];

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function status(msg, isError) {
  const s = $("status");
  s.textContent = msg || "";
  s.classList.toggle("error", !!isError);
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(`${r.status}: ${(await r.text()).trim()}`);
  return r.json();
}

// ---------------------------------------------------------------- graph

const cy = cytoscape({
  container: $("cy"),
  wheelSensitivity: 0.3,
  style: [
    {
      selector: "node",
      style: {
        "background-color": (n) => COLORS[n.data("type")] || "#999",
        label: "data(label)",
        "font-size": 11,
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": 160,
        color: "#1f2328",
        "text-background-color": "#fff",
        "text-background-opacity": 0.7,
        width: 18,
        height: 18,
      },
    },
    { selector: "node[?expanded]", style: { "border-width": 3, "border-color": "#1f2328" } },
    { selector: "node[?root]", style: { width: 26, height: 26, "font-weight": "bold" } },
    {
      selector: "edge",
      style: {
        width: 1.5,
        "line-color": "#b8c0cc",
        "target-arrow-color": "#b8c0cc",
        "target-arrow-shape": "triangle",
        "curve-style": "bezier",
        label: "data(short)",
        "font-size": 9,
        color: "#6b7280",
        "text-rotation": "autorotate",
        "text-background-color": "#fff",
        "text-background-opacity": 0.8,
      },
    },
    { selector: "edge[predicate = 'partnerOf']", style: { "target-arrow-shape": "none", "line-style": "dashed" } },
    { selector: ":selected", style: { "line-color": "#1f5fa8", "target-arrow-color": "#1f5fa8", "border-color": "#1f5fa8", "border-width": 3 } },
  ],
});
window.cy = cy;

function legend() {
  const l = $("legend");
  for (const [t, c] of Object.entries(COLORS)) {
    const i = el("i");
    i.style.background = c;
    l.append(el("span", {}, i, `${TYPE_ZH[t]} ${t}`));
  }
}

function addNode(n, extra, position) {
  let node = cy.getElementById(n.iri);
  if (node.empty()) {
    node = cy.add({
      group: "nodes",
      data: Object.assign({ id: n.iri, label: n.label, type: n.type }, extra || {}),
      position: position || { x: 0, y: 0 },
    });
  } else if (extra) {
    node.data(extra);
  }
  return node;
}

function addNeighborhood(hood, root) {
  const e = hood.entity;
  const center = addNode(e, { expanded: true, aliases: e.aliases, root: !!root });
  const added = cy.collection().union(center);
  // new neighbours start on a circle around the entity, so that the layout
  // spreads them outwards instead of untangling a pile
  const c = center.position();
  const fresh = hood.neighbors.filter((nb) => cy.getElementById(nb.iri).empty()).length;
  let k = 0;
  for (const nb of hood.neighbors) {
    const before = cy.getElementById(nb.iri).empty();
    let pos;
    if (before) {
      const a = (2 * Math.PI * k++) / Math.max(fresh, 1);
      pos = { x: c.x + 160 * Math.cos(a), y: c.y + 160 * Math.sin(a) };
    }
    const other = addNode(nb, undefined, pos);
    if (before) added.merge(other);
    const [s, t] = nb.direction === "out" ? [e.iri, nb.iri] : [nb.iri, e.iri];
    const id = `${s}|${nb.predicate}|${t}`;
    let edge = cy.getElementById(id);
    if (edge.empty()) {
      edge = cy.add({
        group: "edges",
        data: {
          id,
          source: s,
          target: t,
          predicate: nb.predicate,
          short: PRED_ZH[nb.predicate] || nb.predicate,
          evidence: nb.evidence,
        },
      });
    }
    added.merge(edge);
  }
  return { center, added };
}

function layout(center) {
  const l = cy.layout({
    name: "cose",
    animate: false,
    randomize: false,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: () => 400000,
    idealEdgeLength: () => 100,
    fit: true,
    padding: 30,
  });
  l.run();
  if (center) cy.center(center);
}

async function loadEntity(iri, reset) {
  status("加载中…");
  try {
    const hood = await getJson(`/api/neighbors?iri=${encodeURIComponent(iri)}`);
    if (reset) cy.elements().remove();
    const { center } = addNeighborhood(hood, reset);
    if (reset) {
      cy.layout({ name: "concentric", concentric: (n) => (n.id() === iri ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 30, animate: false }).run();
    } else {
      layout(center);
    }
    cy.elements().unselect();
    center.select();
    showNode(center, hood);
    status(`${hood.entity.label}：${hood.neighbors.length} 个关系${hood.truncated ? "（已截断）" : ""}；图中 ${cy.nodes().length} 个节点`);
  } catch (err) {
    status(`无法加载：${err.message}`, true);
  }
}

// ---------------------------------------------------------------- panel

function highlight(sentence, names) {
  // marks the names of both ends in the sentence
  const frag = document.createDocumentFragment();
  const ns = names.filter((x) => x && sentence.includes(x)).sort((a, b) => b.length - a.length);
  let i = 0;
  while (i < sentence.length) {
    let hit = null;
    for (const n of ns) if (sentence.startsWith(n, i)) { hit = n; break; }
    if (hit) { frag.append(el("mark", {}, hit)); i += hit.length; continue; }
    let j = i + 1;
    while (j < sentence.length && !ns.some((n) => sentence.startsWith(n, j))) j++;
    frag.append(document.createTextNode(sentence.slice(i, j)));
    i = j;
  }
  return frag;
}

function names(node) {
  return [node.data("label"), ...(node.data("aliases") || [])];
}

function showNode(node, hood) {
  const p = $("panel");
  p.replaceChildren();
  const t = node.data("type");
  p.append(el("div", { class: "kind" }, `${TYPE_ZH[t] || ""} ${t}`));
  p.append(el("h2", {}, node.data("label")));
  const al = node.data("aliases") || [];
  if (al.length) p.append(el("div", {}, `别名：${al.join("、")}`));
  p.append(el("div", { class: "iri" }, node.id()));
  const rels = node.connectedEdges();
  p.append(el("h3", {}, `关系（${rels.length}）`));
  const ul = el("ul");
  rels.forEach((e) => {
    const out = e.source().id() === node.id();
    const other = out ? e.target() : e.source();
    ul.append(
      el("li", {},
        el("a", { onclick: () => { cy.elements().unselect(); e.select(); showEdge(e); } },
          out ? `${e.data("short")} → ${other.data("label")}` : `← ${e.data("short")} ${other.data("label")}`))
    );
  });
  p.append(ul);
  if (!hood && !node.data("expanded")) p.append(el("p", { class: "kind" }, "展开中…"));
}

function showEdge(edge) {
  const p = $("panel");
  p.replaceChildren();
  const s = edge.source(), t = edge.target();
  const pred = edge.data("predicate");
  p.append(el("div", { class: "kind" }, `关系 zt:${pred}`));
  p.append(el("h2", {}, `${s.data("label")} —${PRED_ZH[pred] || pred}→ ${t.data("label")}`));
  const ev = edge.data("evidence") || [];
  p.append(el("h3", {}, `证据（${ev.length}）`));
  if (!ev.length) p.append(el("p", { class: "kind" }, "没有记录证据句。"));
  for (const x of ev) {
    p.append(el("blockquote", { class: "evidence" }, highlight(x.sentence, [...names(s), ...names(t)])));
    const src = [];
    if (x.headline) src.push(`《${x.headline}》`);
    if (x.source) src.push(x.source + (x.start != null ? ` [${x.start}–${x.end}]` : ""));
    p.append(el("div", { class: "src" }, src.join(" · ")));
  }
}

cy.on("tap", "node", (evt) => {
  const n = evt.target;
  showNode(n);
  if (!n.data("expanded")) loadEntity(n.id(), false);
});
cy.on("tap", "edge", (evt) => showEdge(evt.target));

// ---------------------------------------------------------------- search

async function search(name) {
  const hits = $("hits");
  hits.style.display = "none";
  name = name.trim();
  if (!name) return;
  status("搜索中…");
  try {
    const list = await getJson(`/api/search?q=${encodeURIComponent(name)}`);
    if (!list.length) {
      status(`没有名为“${name}”的实体`, true);
      return;
    }
    const exact = list.filter((h) => h.exact);
    if (exact.length === 1 || list.length === 1) {
      await loadEntity((exact[0] || list[0]).iri, true);
      if (list.length > 1) showHits(list);
      return;
    }
    status(`${list.length} 个候选，请选择`);
    showHits(list);
  } catch (err) {
    status(`搜索失败：${err.message}`, true);
  }
}

function showHits(list) {
  const hits = $("hits");
  hits.replaceChildren();
  for (const h of list) {
    const row = el("div", { role: "option", onclick: () => { hits.style.display = "none"; loadEntity(h.iri, true); } },
      el("span", { style: `color:${COLORS[h.type] || "#999"}` }, "● "),
      h.label,
      h.matched !== h.label ? el("span", { class: "alias" }, `  （${h.matched}）`) : null,
      el("span", { class: "alias" }, `  ${TYPE_ZH[h.type] || h.type}`));
    hits.append(row);
  }
  hits.style.display = "block";
}

$("search-form").addEventListener("submit", (e) => {
  e.preventDefault();
  search($("q").value);
});
document.addEventListener("click", (e) => {
  if (!$("search-form").contains(e.target)) $("hits").style.display = "none";
});
$("fit").addEventListener("click", () => cy.fit(undefined, 30));

// ---------------------------------------------------------------- SPARQL

function sparqlStatus(msg, isError) {
  const s = $("sparql-status");
  s.textContent = msg;
  s.classList.toggle("error", !!isError);
}

function cell(term) {
  if (!term) return "";
  if (term.type === "uri") {
    if (term.value.startsWith("https://w3id.org/zhengtu/id/")) {
      let shown = term.value.slice("https://w3id.org/zhengtu/id/".length);
      try { shown = decodeURIComponent(shown); } catch (_) { /* keep as is */ }
      return el("a", { title: term.value, onclick: () => { loadEntity(term.value, true); window.scrollTo(0, 0); } }, shown);
    }
    return term.value;
  }
  return term.value;
}

async function runSparql() {
  const q = $("sparql-text").value;
  const out = $("results");
  out.replaceChildren();
  sparqlStatus("运行中…");
  const t0 = performance.now();
  try {
    const r = await fetch("/query", {
      method: "POST",
      headers: {
        "Content-Type": "application/sparql-query",
        Accept: "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: q,
    });
    const ms = Math.round(performance.now() - t0);
    const body = await r.text();
    if (!r.ok) {
      sparqlStatus(`${r.status} ${r.statusText}: ${body.trim()}`, true);
      return;
    }
    const cut = r.headers.get("Zhengtu-Truncated") === "true"
      ? `；结果已截断为 ${r.headers.get("Zhengtu-Result-Limit")} 行` : "";
    const ct = r.headers.get("Content-Type") || "";
    if (ct.includes("json")) {
      const j = JSON.parse(body);
      if ("boolean" in j) {
        out.append(el("pre", {}, String(j.boolean)));
        sparqlStatus(`ASK：${j.boolean}（${ms} ms）`);
        return;
      }
      const vars = j.head.vars;
      const rows = j.results.bindings;
      const table = el("table", {}, el("thead", {}, el("tr", {}, ...vars.map((v) => el("th", {}, v)))));
      const tb = el("tbody");
      for (const b of rows) tb.append(el("tr", {}, ...vars.map((v) => el("td", {}, cell(b[v])))));
      table.append(tb);
      out.append(table);
      sparqlStatus(`${rows.length} 行（${ms} ms）${cut}`);
    } else {
      out.append(el("pre", {}, body));
      sparqlStatus(`${ct.split(";")[0]}（${ms} ms）${cut}`);
    }
  } catch (err) {
    sparqlStatus(`请求失败：${err.message}`, true);
  }
}

function examples() {
  const sel = $("examples");
  EXAMPLES.forEach((x, i) => sel.append(el("option", { value: String(i) }, x.title)));
  sel.addEventListener("change", () => { $("sparql-text").value = EXAMPLES[Number(sel.value)].query; });
  $("sparql-text").value = EXAMPLES[0].query;
  $("run").addEventListener("click", runSparql);
  $("sparql-text").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runSparql(); }
  });
}

legend();
examples();
const start = new URLSearchParams(location.search).get("q");
if (start) {
  $("q").value = start;
  search(start);
}
