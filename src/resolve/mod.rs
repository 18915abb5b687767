//! Resolution: mentions → entities with canonical names, and relations.
//!
//! A document is resolved as a whole, with a context model of three levels:
//! the document (its city, the bureau that publishes it), the article (its
//! district or county, its main agency) and the sentence (the agency just
//! named, for 该局). Short forms expand from that context: 市住建局 in a
//! Weifang paper → 潍坊市住房和城乡建设局; 奎文分局 under 潍坊市自然资源和规划局
//! → 潍坊市自然资源和规划局奎文分局; 冠县局 in a natural-resources paper →
//! 冠县自然资源和规划局; 省厅 → 山东省自然资源厅. Anaphors (该局, 市局) point to
//! an entity but add no alias. Every surface form is kept as an alias.
//!
//! Takes: a [`crate::text::Document`] and its mentions. Gives: a
//! [`ResolvedDoc`] per document: entities and relations per article, each
//! relation with its evidence sentence.

mod chain;
mod context;
mod relations;

use std::collections::{BTreeMap, BTreeSet};

use crate::lexicon::{HashMap, HashSet};

use crate::lexicon::{DeptKind, Level, OrganWords, PlaceWords};
pub(crate) use crate::model::{Entity, Evidence, Relation};
use crate::recognize::{is_close_bracket, is_open_bracket};
use crate::recognize::{Chain, Mention, MentionKind, PersonSource, PlaceRef, Recognizer};
use crate::text::{Article, Document};
use crate::{EntityType, Predicate};
pub(crate) use context::DocContext;

/// What was extracted from one article.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ResolvedArticle {
    /// Position in the file.
    pub(crate) index: usize,
    /// Headline, if any.
    pub(crate) headline: Option<String>,
    /// Entities by key.
    pub entities: BTreeMap<String, Entity>,
    /// Relations (deduplicated).
    pub relations: Vec<Relation>,
    /// People of the byline.
    pub(crate) byline: Vec<String>,
}

/// What was extracted from one document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ResolvedDoc {
    /// Its articles.
    pub articles: Vec<ResolvedArticle>,
}

/// A mention resolved to an entity (for relation extraction).
#[derive(Debug, Clone)]
pub(crate) struct Ref {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) key: String,
    pub(crate) etype: EntityType,
    /// Whether it came from an anaphor (该局).
    pub(crate) anaphor: bool,
    /// Mention index.
    pub(crate) mention: usize,
}

/// Per-article resolution state.
pub(crate) struct ArticleState {
    pub(crate) entities: BTreeMap<String, Entity>,
    /// The place prefix of each body resolved from a chain (潍坊市奎文区)
    /// and the entity of its place, if one.
    pub(crate) bases: BTreeMap<String, (String, Option<String>)>,
    /// Relations by (subject, predicate, object, role): the first evidence
    /// found is kept.
    pub(crate) relations: BTreeMap<(String, Predicate, String, Option<String>), Relation>,
    pub(crate) refs: Vec<Ref>,
    pub(crate) byline: Vec<String>,
    /// The places read only inside an organisation's name (济南 of 济南
    /// 某某有限公司): no entity of the article unless the text names them
    /// in their own right; dropped, with their relations, at its end.
    pub(crate) implied: BTreeSet<String>,
    /// The companies registered under a province's name that were put in
    /// the article's place instead: (name, its trade name's first
    /// characters, key of the place).
    pub(crate) sited: Vec<(String, String, String)>,
    /// The projects placed at the site of a visit that saw them: it says
    /// where the work is done, not in which of the article's divisions.
    pub(crate) visited: BTreeSet<String>,
}

impl ArticleState {
    fn new() -> Self {
        ArticleState {
            entities: BTreeMap::new(),
            bases: BTreeMap::new(),
            relations: BTreeMap::new(),
            refs: Vec::new(),
            byline: Vec::new(),
            implied: BTreeSet::new(),
            sited: Vec::new(),
            visited: BTreeSet::new(),
        }
    }

    /// Adds (or merges) an entity; returns its key.
    pub(crate) fn add(&mut self, e: Entity, alias: Option<&str>) -> String {
        let key = e.key.clone();
        self.implied.remove(&key);
        let ent = self.entities.entry(key.clone()).or_insert(e);
        if let Some(a) = alias {
            let a = crate::recognize::names::clean(a);
            if a != ent.name && !a.is_empty() {
                ent.aliases.insert(a);
            }
        }
        key
    }

    pub(crate) fn relate(
        &mut self,
        s: &str,
        p: Predicate,
        o: &str,
        role: Option<String>,
        ev: &Evidence,
    ) {
        if s == o {
            return;
        }
        let (s, o) = if p.symmetric() && o < s {
            (o, s)
        } else {
            (s, o)
        };
        self.relations
            .entry((s.to_string(), p, o.to_string(), role.clone()))
            .or_insert_with(|| Relation {
                subject: s.to_string(),
                predicate: p,
                object: o.to_string(),
                role,
                evidence: ev.clone(),
            });
    }
}

/// Resolves a document.
pub fn resolve_document(r: &Recognizer, doc: &Document) -> ResolvedDoc {
    let mentions: Vec<Vec<Mention>> = doc.articles.iter().map(|a| r.recognize(&a.text)).collect();
    resolve_with_mentions(r, doc, &mentions)
}

/// Resolves a document given the mentions of each article.
pub(crate) fn resolve_with_mentions(
    r: &Recognizer,
    doc: &Document,
    mentions: &[Vec<Mention>],
) -> ResolvedDoc {
    let ctx = DocContext::build(r, doc, mentions);
    let mut articles = Vec::new();
    for (ai, art) in doc.articles.iter().enumerate() {
        let ms = &mentions[ai];
        let actx = ctx.article(r, ai, ms, &art.text);
        let mut st = ArticleState::new();
        let chars: Vec<char> = art.text.chars().collect();
        let mut res = Resolver {
            r,
            chars: &chars,
            ctx: &ctx,
            actx: &actx,
            art,
            st: &mut st,
            sentences: Default::default(),
            media: Default::default(),
        };
        res.run(ms);
        let byline = st.byline.clone();
        let mut relations: Vec<Relation> = st.relations.into_values().collect();
        one_per_triple(&mut relations);
        articles.push(ResolvedArticle {
            index: art.index,
            headline: art.headline.clone(),
            entities: st.entities,
            relations,
            byline,
        });
    }
    merge_abbreviations(&mut articles, &r.lex);
    ResolvedDoc { articles }
}

/// Opens the title of a document (《…》).
pub(crate) const TITLE_OPEN: char = '《';

/// The enumeration comma between the items of a list (、).
pub(crate) const LIST_COMMA: char = '、';

/// Brackets around a section written after a name (（潍坊段）).
const SECTION_BRACKETS: (char, char) = ('（', '）');

/// Whether a character separates the items of a list of bodies (、, a
/// space, a comma).
fn separates_list(c: char) -> bool {
    matches!(c, LIST_COMMA | ' ' | '，')
}

/// Whether a character ends the sentence kept as evidence.
fn ends_evidence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | '\n')
}

/// The part of a document title before the word of its matter (关于): the
/// bodies that issue an official document (河南省人民政府办公厅 in
/// 河南省人民政府办公厅关于…的通知).
fn issuing_part<'t>(title: &'t str, matter: &str) -> Option<&'t str> {
    title.find(matter).filter(|&i| i > 0).map(|i| &title[..i])
}

/// One relation per (subject, predicate, object): the one with the first
/// evidence.
fn one_per_triple(relations: &mut Vec<Relation>) {
    relations.sort_by(|a, b| {
        (&a.subject, a.predicate, &a.object, a.evidence.start).cmp(&(
            &b.subject,
            b.predicate,
            &b.object,
            b.evidence.start,
        ))
    });
    relations.dedup_by(|a, b| {
        a.subject == b.subject && a.predicate == b.predicate && a.object == b.object
    });
}

/// Whether `short` abbreviates `long`: its characters appear in order in
/// `long`, it starts within the first three characters of `long` and ends
/// within its last three (津潍高铁 → 天津至潍坊高速铁路, 林业中心 → 林业发展中心).
///
/// A company's registered name abbreviates to the name without its legal
/// form (南京银行 → 南京银行股份有限公司) and to abbreviations of that; a
/// name that starts with a division, to the name without it.
fn abbreviates(short: &str, long: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let s: Vec<char> = short.chars().collect();
    // a section in brackets after the name does not count (（潍坊段）)
    let long = match long.find(SECTION_BRACKETS.0) {
        Some(i) if long.ends_with(SECTION_BRACKETS.1) && i > 0 => &long[..i],
        _ => long,
    };
    // a body and its unit (X公司 and X公司党委) are two
    if let Some(unit) = long.strip_prefix(short) {
        let is_unit = lex
            .suffixes
            .get(unit)
            .is_some_and(|v| v.iter().any(|x| x.role == crate::lexicon::SuffixRole::Unit));
        if is_unit {
            return false;
        }
    }
    // the name written again without the division it starts with
    // (某某县某某公路改线工程 → 某某公路改线工程)
    if let Some(pre) = long.strip_suffix(short) {
        if s.len() >= 4 && pre.chars().count() >= 2 && lex.place_terms.division_term.ends(pre) {
            return true;
        }
    }
    let bare = lex
        .legal_forms
        .iter()
        .find_map(|f| long.strip_suffix(f.as_str()))
        .filter(|b| b.chars().count() >= 2);
    if let Some(bare) = bare {
        if short == bare {
            return true;
        }
    }
    let written = long;
    let long = bare.unwrap_or(long);
    let l: Vec<char> = long.chars().collect();
    if s.len() < 3 || s.len() >= l.len() {
        return false;
    }
    let first = l.iter().take(3).position(|c| *c == s[0]);
    let Some(first) = first else { return false };
    let mut k = first;
    let mut last = 0;
    for ch in &s {
        match l[k..].iter().position(|c| c == ch) {
            Some(off) => {
                last = k + off;
                k = last + 1;
            }
            None => return false,
        }
    }
    last + 3 >= l.len() && !own_institution(short, written, lex)
}

/// Whether `short`, a place and an institution's head, is a name of its own
/// rather than a short form of `long` (榆林学院 and 榆林职业技术学院, 山东大学
/// and 山东农业大学 are two); the name written on (某某日报 → 某某日报社) or
/// with the place's full name (山东广播电视台 → 山东省广播电视台) is the same.
fn own_institution(short: &str, long: &str, lex: &crate::lexicon::Lexicon) -> bool {
    let Some((place, head)) = place_and_head(short, lex) else {
        return false;
    };
    let full = |i: &usize| format!("{}{head}", lex.divisions[*i].name) == long;
    let same = (lex.division_by_short.get(place)).is_some_and(|v| v.iter().any(full));
    !long.starts_with(short) && !same
}

/// A name that is a division's name or short name and the head of an
/// institution's name (not a company's), nothing else (榆林学院, 山东大学):
/// the place and the head.
fn place_and_head<'a>(name: &'a str, lex: &crate::lexicon::Lexicon) -> Option<(&'a str, &'a str)> {
    // (not a company's: its name is its trade name and its form, and a
    // trade name may be a place's, 华新集团 for 江苏华新…集团有限公司)
    let n = name.chars().count();
    (name.char_indices().skip(2).take(n.saturating_sub(3))).find_map(|(i, _)| {
        let (place, head) = name.split_at(i);
        let is_head = !lex.head_words.company_head.ends(head)
            && lex.body_head(head, |t| t == EntityType::Organization);
        (lex.names_division(place) && is_head).then_some((place, head))
    })
}

/// Within a document, an organisation or project written in a short form
/// (津潍高铁) is the entity of the full name it abbreviates, when exactly one
/// full name of the same type does.
fn merge_abbreviations(articles: &mut [ResolvedArticle], lex: &crate::lexicon::Lexicon) {
    let mut names: BTreeMap<(EntityType, String), String> = BTreeMap::new();
    for a in articles.iter() {
        for e in a.entities.values() {
            // agencies keep their names: 潍坊市规划局 is not 潍坊市自然资源和规划局
            if matches!(e.etype, EntityType::Organization | EntityType::Project) {
                names.insert((e.etype, e.name.clone()), e.key.clone());
            }
        }
    }
    let mut map: BTreeMap<String, (String, String)> = BTreeMap::new(); // short key → (long key, long name)
    for ((t, short), skey) in &names {
        let longs: Vec<(&String, &String)> = names
            .iter()
            .filter(|((t2, long), _)| t2 == t && abbreviates(short, long, lex))
            .map(|((_, long), k)| (long, k))
            .collect();
        // (a middle form that abbreviates a longer one is that one:
        // 鲁信集团 → 山东鲁信集团 → 山东鲁信投资控股集团有限公司)
        let longs: Vec<(&String, &String)> = (longs.iter())
            .filter(|(l, _)| !longs.iter().any(|(l2, _)| abbreviates(l, l2, lex)))
            .copied()
            .collect();
        if let [(long, lkey)] = longs[..] {
            map.insert(skey.clone(), (lkey.clone(), long.clone()));
        }
    }
    if map.is_empty() {
        return;
    }
    for a in articles.iter_mut() {
        let keys: Vec<String> = a
            .entities
            .keys()
            .filter(|k| map.contains_key(*k))
            .cloned()
            .collect();
        for k in keys {
            let (lkey, lname) = map[&k].clone();
            let Some(short) = a.entities.remove(&k) else {
                continue;
            };
            let long = a.entities.entry(lkey.clone()).or_insert_with(|| Entity {
                key: lkey.clone(),
                name: lname.clone(),
                aliases: BTreeSet::new(),
                ..short.clone()
            });
            long.aliases.insert(short.name.clone());
            long.aliases
                .extend(short.aliases.into_iter().filter(|x| *x != lname));
        }
        for r in a.relations.iter_mut() {
            if let Some((l, _)) = map.get(&r.subject) {
                r.subject = l.clone();
            }
            if let Some((l, _)) = map.get(&r.object) {
                r.object = l.clone();
            }
        }
        a.relations.retain(|r| r.subject != r.object);
        one_per_triple(&mut a.relations);
        a.byline.iter_mut().for_each(|b| {
            if let Some((l, _)) = map.get(b) {
                *b = l.clone();
            }
        });
    }
}

/// Article-level context.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleContext {
    /// The city (prefecture) the article is about.
    pub(crate) city: Option<usize>,
    /// The county or district the article is about.
    pub(crate) county: Option<usize>,
    /// The township the article is about.
    pub(crate) town: Option<usize>,
    /// The county or district the article itself names most (not the
    /// document's, where the article names none).
    pub(crate) named_county: Option<usize>,
    /// The division the level word 市 stands for: the city, or the
    /// county-level city the document is about.
    pub(crate) shi: Option<usize>,
    /// The main bureau of the article: (canonical name, department form).
    pub(crate) bureau: Option<Bureau>,
}

/// A bureau with the department it is (for same-system resolution).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bureau {
    /// Full name (潍坊市自然资源和规划局).
    pub(crate) name: String,
    /// Department canonical (自然资源和规划局).
    pub(crate) dept: String,
    /// Division of the bureau.
    pub(crate) place: Option<usize>,
}

pub(crate) struct Resolver<'a> {
    pub(crate) r: &'a Recognizer,
    /// The characters of the article text.
    pub(crate) chars: &'a [char],
    pub(crate) ctx: &'a DocContext,
    pub(crate) actx: &'a ArticleContext,
    pub(crate) art: &'a Article,
    pub(crate) st: &'a mut ArticleState,
    /// The evidence of each sentence asked for (by its character bounds):
    /// many mentions share a sentence.
    sentences: std::cell::RefCell<HashMap<(usize, usize), Evidence>>,
    /// The indices of the references to news media, in order of position
    /// (built once, when the relations are read).
    pub(crate) media: std::cell::OnceCell<Vec<usize>>,
}

/// How far before a local unit the township it lies in may be named in
/// its sentence.
const LOCAL_REACH: usize = 200;

/// The longest name of a division written before a short name of one it
/// contains (内蒙古自治区 + 某旗).
const PARENT_REACH: usize = 12;

/// The characters of a company's trade name (after its province's name)
/// that a project named after the company holds (复星 of 湖南复星合力新材料
/// 有限公司 in 复星合力项目).
const TRADE_KEY: usize = 2;

/// How far before 该项目 the project it stands for may be named.
const PROJECT_ANAPHOR_REACH: usize = 300;

impl<'a> Resolver<'a> {
    /// The place written in the name of a body that starts a project's
    /// name (丹寨县 of 丹寨县第四幼儿园 in 丹寨县第四幼儿园扩建项目): the
    /// place the project lies in, unless it is a short name (淮北 of a
    /// school's name) or contains the county the article is about (which
    /// places the project more closely).
    fn body_place<'m>(
        &self,
        ms: &'m [Mention],
        m: &Mention,
        etype: EntityType,
    ) -> Option<&'m PlaceRef> {
        if etype != EntityType::Project {
            return None;
        }
        // (the mentions are in order of position: those starting with it)
        let from = ms.partition_point(|b| b.start < m.start);
        let p = ms[from..]
            .iter()
            .take_while(|b| b.start == m.start)
            .find_map(|b| match &b.kind {
                // (a zone read after its division lies in that division)
                MentionKind::Chain(c) if b.end < m.end => match c.places.as_slice() {
                    [.., parent, _] if self.zone_after_division(c) => Some(parent),
                    places => places.last(),
                },
                _ => None,
            })?;
        let idx = self.ctx.pick_ref(self.r, p, self.actx)?;
        let home = self
            .ctx
            .home_county
            .filter(|&h| self.actx.county == Some(h));
        let wider = home.is_some_and(|h| h != idx && self.r.lex.is_within(h, idx));
        (!p.short && !wider).then_some(p)
    }

    /// A project named after a body written with a level word for the
    /// article's place (县人民医院新院区项目, 市第一中学扩建工程): named with
    /// that place, as the body is (某县人民医院新院区项目), and lying there.
    fn level_named_project(
        &self,
        ms: &[Mention],
        m: &Mention,
        etype: EntityType,
        name: &str,
    ) -> Option<(String, usize)> {
        if etype != EntityType::Project || !m.text.starts_with(name) {
            return None;
        }
        let from = ms.partition_point(|b| b.start < m.start);
        let level = ms[from..]
            .iter()
            .take_while(|b| b.start == m.start)
            .find_map(|b| match &b.kind {
                MentionKind::Chain(c) if b.end < m.end && c.places.is_empty() && !c.party => {
                    c.level
                }
                _ => None,
            })?;
        let rest = name.strip_prefix(level)?;
        let place = self.level_place(level)?;
        Some((format!("{}{rest}", self.r.lex.divisions[place].name), place))
    }

    fn run(&mut self, ms: &[Mention]) {
        for (mi, m) in ms.iter().enumerate() {
            let ev = self.evidence_at(m.start, m.end);
            match &m.kind {
                MentionKind::Place(p) => {
                    if let Some(key) = self.place_entity(p, Some(&m.text)) {
                        self.push_ref(m, mi, key, EntityType::Place, false);
                    }
                }
                MentionKind::Chain(c) => {
                    if let Some((key, et)) = self.chain_entities(c, m.start, &ev) {
                        self.push_ref(m, mi, key, et, false);
                    }
                }
                MentionKind::Named { etype, name, place } => {
                    let place = place.as_ref().or_else(|| self.body_place(ms, m, *etype));
                    let leveled = self.level_named_project(ms, m, *etype, name);
                    let name = leveled.as_ref().map_or(name.as_str(), |(n, _)| n.as_str());
                    if let Some(key) = self.named_entity(*etype, name, place, m, &ev) {
                        // (the project lies where the body it is named after is)
                        if let Some((_, at)) = leveled {
                            let pk = self.division_in_name(at, None, true);
                            self.st.relate(&key, Predicate::LocatedIn, &pk, None, &ev);
                        }
                        self.push_ref(m, mi, key, *etype, false);
                    }
                }
                MentionKind::Document { title } => {
                    let name = self.document_name(title);
                    // the bodies that a title in 《》 names before its 关于
                    // (《河南省人民政府办公厅关于…的通知》) are entities too
                    if m.text.starts_with(TITLE_OPEN) {
                        self.title_issuers(&name, &ev);
                    }
                    let key = self.st.add(
                        entity(EntityType::Document, &name, &self.ctx.scope),
                        Some(title),
                    );
                    self.push_ref(m, mi, key, EntityType::Document, false);
                }
                MentionKind::Person { name, source, .. } => {
                    let key = self
                        .st
                        .add(entity(EntityType::Person, name, &self.ctx.scope), None);
                    if *source == PersonSource::Byline && !self.st.byline.contains(&key) {
                        self.st.byline.push(key.clone());
                    }
                    self.push_ref(m, mi, key, EntityType::Person, false);
                }
                MentionKind::Anaphor { word } => {
                    if let Some((key, et)) = self.anaphor(word, m.start) {
                        self.push_ref(m, mi, key, et, true);
                    }
                }
            }
        }
        relations::extract(self, ms);
        self.outside_partakers();
        self.misplaced_level_posts();
        self.located_in_hierarchy();
        self.located_in_context();
        self.inner_sites_only();
        self.drop_implied();
    }

    /// An organisation lies in one place: of two it is placed in, one
    /// inside the other (the county its registered name implies and the
    /// street the text puts it in), it keeps the inner.
    fn inner_sites_only(&mut self) {
        let located = |(s, p, o, _): &(String, Predicate, String, Option<String>)| {
            (*p == Predicate::LocatedIn).then(|| (s.clone(), o.clone()))
        };
        let pairs: Vec<(String, String)> = self.st.relations.keys().filter_map(located).collect();
        let parents: HashMap<&str, Vec<&str>> =
            pairs.iter().fold(HashMap::default(), |mut m, (s, o)| {
                m.entry(s.as_str()).or_default().push(o.as_str());
                m
            });
        let mut outer = Vec::new();
        for (s, o) in &pairs {
            let org =
                (self.st.entities.get(s)).is_some_and(|e| e.etype == EntityType::Organization);
            let inner = |x: &&str| *x != o.as_str() && Self::lies_within(&parents, x, o);
            if org && parents[s.as_str()].iter().any(inner) {
                outer.push((s.clone(), o.clone()));
            }
        }
        for (s, o) in outer {
            (self.st.relations)
                .retain(|(rs, p, ro, _), _| !(*p == Predicate::LocatedIn && *rs == s && *ro == o));
        }
    }

    /// Whether the place `x` lies within `anc` by the article's locatedIn
    /// relations (which hold the divisions' own, located_in_hierarchy).
    fn lies_within(parents: &HashMap<&str, Vec<&str>>, x: &str, anc: &str) -> bool {
        let mut cur = vec![x];
        let mut seen = HashSet::default();
        while let Some(k) = cur.pop() {
            if k == anc {
                return true;
            }
            if seen.insert(k) {
                cur.extend(parents.get(k).into_iter().flatten().copied());
            }
        }
        false
    }

    /// Drops the places read only inside organisations' names, and their
    /// relations.
    fn drop_implied(&mut self) {
        let implied = std::mem::take(&mut self.st.implied);
        self.st.entities.retain(|k, _| !implied.contains(k));
        (self.st.relations).retain(|(s, _, o, _), _| !implied.contains(s) && !implied.contains(o));
        self.st.refs.retain(|r| !implied.contains(&r.key));
    }

    fn push_ref(&mut self, m: &Mention, mi: usize, key: String, etype: EntityType, anaphor: bool) {
        self.st.refs.push(Ref {
            start: m.start,
            end: m.end,
            key,
            etype,
            anaphor,
            mention: mi,
        });
    }

    /// The sentence around a span, as evidence with source offsets.
    pub(crate) fn evidence_at(&self, s: usize, e: usize) -> Evidence {
        let (a, b) = sentence_bounds(self.chars, s, e);
        self.sentences
            .borrow_mut()
            .entry((a, b))
            .or_insert_with(|| self.evidence_of(a, b))
            .clone()
    }

    /// The evidence of the sentence between characters `a` and `b`.
    fn evidence_of(&self, a: usize, b: usize) -> Evidence {
        // layout markers (□ before a byline, ▲ before a caption) are no text
        let sentence = char_slice(self.chars, a, b)
            .trim()
            .trim_start_matches(self.r.lex.words.layout.layout_marks.as_slice())
            .trim()
            .to_string();
        let (start, end) = self.art.source_span(a, b);
        Evidence {
            sentence,
            start,
            end,
        }
    }

    /// Entity of a division; `alias` is the surface text.
    pub(crate) fn division_entity(&mut self, idx: usize, alias: Option<&str>) -> String {
        let d = &self.r.lex.divisions[idx];
        let e = Entity {
            key: self.division_key(idx),
            etype: EntityType::Place,
            name: self.r.lex.unique_name(idx),
            aliases: BTreeSet::new(),
            code: Some(d.code.clone()),
            level: Some(d.level),
        };
        self.st.add(e, alias)
    }

    /// Entity of a division read inside a name: where `in_org_name` (an
    /// organisation's own name: 济南某某有限公司) a province or prefecture
    /// the article has not named otherwise is only implied by it, dropped
    /// at the article's end unless the text names it in its own right (a
    /// county or town in such a name is where the text places the body);
    /// any other read names it.
    pub(crate) fn division_in_name(
        &mut self,
        idx: usize,
        alias: Option<&str>,
        in_org_name: bool,
    ) -> String {
        let key = self.division_key(idx);
        let wide = matches!(
            self.r.lex.divisions[idx].level,
            Level::Province | Level::City
        );
        let implied = in_org_name
            && (self.st.implied.contains(&key) || wide && !self.st.entities.contains_key(&key));
        self.division_entity(idx, alias);
        if implied {
            self.st.implied.insert(key.clone());
        }
        key
    }

    /// The identity key of a division's entity (`place:370705`).
    pub(crate) fn division_key(&self, idx: usize) -> String {
        format!("place:{}", self.r.lex.divisions[idx].code)
    }

    /// The division an entity of the article is, if it is one.
    pub(crate) fn division_of(&self, key: &str) -> Option<usize> {
        let code = self.st.entities.get(key)?.code.as_deref()?;
        self.ctx.division_by_code(self.r, code)
    }

    /// A short name of one division written right after the name of a
    /// division that contains it (天津武清, 河北廊坊): that division, in any
    /// document.
    fn after_its_parent(&self, p: &PlaceRef) -> Option<usize> {
        let [i] = p.cands[..] else { return None };
        let from = p.start.saturating_sub(PARENT_REACH);
        let (end, pi) = self.divisions_named_before(from, p.start).next()?;
        (end == p.start && pi != i && self.r.lex.is_within(i, pi)).then_some(i)
    }

    /// The division a written place stands for: by the context, else by
    /// the division written right before it.
    fn pick_written(&self, p: &PlaceRef) -> Option<usize> {
        self.ctx
            .pick_ref(self.r, p, self.actx)
            .or_else(|| self.after_its_parent(p))
            .or_else(|| self.read_before(p))
    }

    /// The one candidate of a place that the article has already read as a
    /// division (河北省高碑店… then 高碑店 alone: one sense per text).
    fn read_before(&self, p: &PlaceRef) -> Option<usize> {
        let mut known = p
            .cands
            .iter()
            .filter(|&&i| self.st.entities.contains_key(&self.division_key(i)));
        let i = *known.next()?;
        known.next().is_none().then_some(i)
    }

    fn place_entity(&mut self, p: &PlaceRef, alias: Option<&str>) -> Option<String> {
        if let Some(other) = p.other.as_ref().filter(|_| p.zone.is_none()) {
            let e = entity(EntityType::Place, other, "");
            return Some(self.st.add(e, alias));
        }
        match self.pick_written(p) {
            Some(idx) => Some(self.division_entity(idx, alias)),
            None => match self.zone_entity(p, alias, None) {
                Some((_, key)) => Some(key),
                None => self.unplaced_township(p, alias),
            },
        }
    }

    /// A township written in full (桥头镇) that several counties have and
    /// the context does not choose among: a place of the text all the
    /// same, named as written, in no county.
    fn unplaced_township(&mut self, p: &PlaceRef, alias: Option<&str>) -> Option<String> {
        let terms = &self.r.lex.place_terms.township_term;
        let bare = terms.contains(&p.text) || p.text.chars().count() < 3;
        if p.short || p.cands.len() < 2 || !terms.ends(&p.text) || bare {
            return None;
        }
        // (not where its first character ends a word: 公安和街道)
        if p.start > 0 {
            let word = char_slice(self.chars, p.start - 1, p.start + 1);
            if self.r.is_word(&word) && self.r.word_freq(&word) >= 100 {
                return None;
            }
        }
        let e = entity(EntityType::Place, &p.text, &self.ctx.scope);
        Some(self.st.add(e, alias))
    }

    /// Whether an organisation's name is a medium's: it ends in a medium's
    /// last character (网, 报, 台) or head (报社, 融媒体中心).
    pub(crate) fn is_medium(&self, n: &str) -> bool {
        crate::recognize::is_medium_name(self.r, n)
    }

    /// A development zone of the division written before it, else of the
    /// document's city (寿光高新区 → 寿光高新技术产业开发区; 高新区 alone in a
    /// Weifang paper → 潍坊高新技术产业开发区): (its name, its key).
    fn zone_entity(
        &mut self,
        p: &PlaceRef,
        alias: Option<&str>,
        written: Option<&PlaceRef>,
    ) -> Option<(String, String)> {
        let full = p.zone.as_ref()?;
        let parent = written.and_then(|w| self.pick_written(w));
        let name = match (parent, written, &p.other) {
            (Some(d), _, _) => format!("{}{full}", context::short_name(self.r, d)),
            // (a zone named without a division, or after a place the
            // context cannot choose, is named as written)
            (None, _, Some(o)) => o.clone(),
            (None, Some(w), None) => format!("{}{full}", w.text),
            (None, None, None) => self.ctx.zone_name(self.r, full)?,
        };
        // (a zone of the approval lists carries its city in its name; one
        // named otherwise is scoped as other named places)
        let standard = self.r.lex.is_zone_form(full);
        let scope = if standard {
            ""
        } else {
            self.ctx.scope.as_str()
        };
        let key = self.st.add(entity(EntityType::Place, &name, scope), alias);
        if let Some(city) = parent.or(self.ctx.city.filter(|_| written.is_none())) {
            let ck = self.division_entity(city, None);
            let ev = self.evidence_at(p.start, p.end);
            self.st.relate(&key, Predicate::LocatedIn, &ck, None, &ev);
        }
        Some((name, key))
    }

    /// The full name of a division used as a prefix of a body's name: a
    /// district carries its city (潍坊市奎文区), others stand alone.
    pub(crate) fn prefix_name(&self, idx: usize) -> String {
        context::prefix_name(self.r, idx)
    }

    /// The division a chain's prefix stands for.
    fn chain_place(&self, c: &Chain) -> Option<usize> {
        if let Some(last) = c.places.last() {
            if self.zone_after_division(c) {
                return None;
            }
            return self
                .pick_written(last)
                .or_else(|| self.within_chain_parent(c))
                .or_else(|| self.joined_level(c));
        }
        self.level_place(c.level?)
    }

    /// Whether a chain's last place is a zone's generic name written after
    /// a division that holds no unit so named (汉川市 + 经济开发区): that
    /// division's zone, not a unit so named elsewhere.
    fn zone_after_division(&self, c: &Chain) -> bool {
        let [.., parent, last] = c.places.as_slice() else {
            return false;
        };
        let outside = |pi: usize| !last.cands.iter().any(|&i| self.r.lex.is_within(i, pi));
        last.zone.is_some() && self.pick_written(parent).is_some_and(outside)
    }

    /// The one division among the last place's candidates inside the
    /// place written before it in the chain (河北省高碑店: 高碑店市 in any
    /// document).
    fn within_chain_parent(&self, c: &Chain) -> Option<usize> {
        let [.., parent, last] = c.places.as_slice() else {
            return None;
        };
        let pi = self.pick_written(parent)?;
        let mut inside = last
            .cands
            .iter()
            .filter(|&&i| i != pi && self.r.lex.is_within(i, pi));
        let i = *inside.next()?;
        inside.next().is_none().then_some(i)
    }

    /// The article's place of a level word read as a county of one
    /// character after a list's conjunction (县卫生健康局和县消防救援大队:
    /// 和县 is a county of another province, 和 joins the list).
    fn joined_level(&self, c: &Chain) -> Option<usize> {
        let [only] = c.places.as_slice() else {
            return None;
        };
        let mut cs = only.text.chars();
        let (_, level) = (cs.next()?, cs.next()?);
        (self.opens_with_conjunction(only) && cs.next().is_none())
            .then(|| self.level_place(level))
            .flatten()
    }

    /// Whether a written place opens with a list's conjunction (和 of 和县
    /// or 和龙 after a listed body), which may join the list instead.
    pub(crate) fn opens_with_conjunction(&self, p: &PlaceRef) -> bool {
        (p.text.chars().next())
            .is_some_and(|ch| self.r.lex.words.relation.list_conjunctions.contains(&ch))
    }

    /// The article's own place that a home anaphor names (我市 → its city,
    /// 全县 → its county), where the context knows it.
    fn home_place(&self, word: &str) -> Option<usize> {
        let mut cs = word.chars();
        let (glue, level) = (cs.next()?, cs.next()?);
        let pt = &self.r.lex.place_terms;
        if cs.next().is_some() || !pt.home_glue.has_char(glue) || !pt.level_word.has_char(level) {
            return None;
        }
        // (a page of several articles: 全县 in one about another county
        // than the page's is that county, unnamed here)
        let place = self.level_place(level)?;
        let county = self.r.lex.divisions[place].level == Level::County;
        (!county || self.actx.named_county == Some(place)).then_some(place)
    }

    /// The division a level character stands for in the article (市 → its
    /// city, 区 → its district).
    fn level_place(&self, ch: char) -> Option<usize> {
        match crate::recognize::chain::level_of(ch)? {
            // (a province's own news names no city; 省 is no municipality)
            Level::Province => self
                .actx
                .city
                .and_then(|x| self.ctx.ancestor_at(self.r, x, Level::Province))
                .or(self.ctx.province)
                .filter(|&p| self.r.lex.divisions[p].name.ends_with(ch)),
            // 州 stands for an autonomous prefecture only (州委 of 临夏回族自治州)
            Level::City => self.actx.shi.filter(|&c| {
                let strict = &self.r.lex.words.places.strict_levels;
                !strict.contains(&ch) || self.r.lex.divisions[c].name.ends_with(ch)
            }),
            Level::County => {
                let cty = self.actx.county?;
                let name = &self.r.lex.divisions[cty].name;
                // 区 stands for a district, 县 for a county
                if self.r.lex.words.places.strict_levels.contains(&ch) && !name.ends_with(ch) {
                    return None;
                }
                Some(cty)
            }
            Level::Town => self.actx.town,
        }
    }

    /// The full name of a place's platform company named by its trade
    /// alone (区城投集团, 城投集团 in a county's news): the place of its
    /// level character, else the article's county or city, before it.
    fn local_enterprise(&self, name: &str) -> Option<String> {
        let hw = &self.r.lex.head_words;
        let first = name.chars().next()?;
        let (place, rest) = if self.r.lex.words.places.is_level_char(first) {
            (self.level_place(first), &name[first.len_utf8()..])
        } else {
            (self.ctx.home_county.or(self.actx.shi), name)
        };
        let trade = hw.local_enterprise.iter().find(|w| rest.starts_with(w))?;
        let head = &rest[trade.len()..];
        if !hw.company_head.ends(head) || head.chars().count() > 6 {
            return None;
        }
        Some(format!("{}{rest}", self.prefix_name(place?)))
    }

    /// Resolves a chain parsed outside the article text (in a title):
    /// the names only, without aliases or relations kept.
    fn chain_entities_detached(
        &mut self,
        c: &Chain,
        ev: &Evidence,
    ) -> Option<(String, EntityType)> {
        let mut c = c.clone();
        c.ends.clear();
        let saved_entities = self.st.entities.clone();
        let saved_implied = self.st.implied.clone();
        let out = self.chain_entities(&c, 0, ev);
        let name = out
            .as_ref()
            .and_then(|(k, _)| self.st.entities.get(k).cloned());
        self.st.entities = saved_entities;
        self.st.implied = saved_implied;
        let (k, et) = out?;
        let e = name?;
        self.st.entities.insert(
            k.clone(),
            Entity {
                aliases: Default::default(),
                ..e
            },
        );
        Some((k, et))
    }

    /// The department of the bureau a branch belongs to (奎文地税分局 →
    /// 地方税务局): the branch's name with 分局 → 局.
    fn branch_bureau(&self, t: &str) -> Option<(String, DeptKind)> {
        let organs = &self.r.lex.words.organs;
        let stem = t.strip_suffix(organs.branch.as_str())?;
        let stem = stem.trim_end_matches(organs.branch.as_str());
        self.r
            .dept(&format!("{stem}{}", organs.bureau))
            .map(|(c, k)| (c.to_string(), k))
    }

    /// A name with its short forms written out (管委会 → 管理委员会) where
    /// it ends with one.
    fn written_out(&self, t: &str) -> String {
        for (short, full) in &self.r.lex.words.organs.abbreviations {
            if let Some(stem) = t.strip_suffix(short.as_str()) {
                return format!("{stem}{full}");
            }
        }
        t.to_string()
    }

    /// The body named just before `start` in the same list (only 、, posts
    /// and spaces between, or one of the conjunctions that join a list's
    /// last item: 某县农业农村局和农业技术推广中心): its key, its name and
    /// whether a post of one person stands between (县政府党组成员、办公室).
    fn list_head(&self, start: usize) -> Option<(String, String, bool)> {
        let prev = self
            .st
            .refs
            .iter()
            .rev()
            .find(|r| r.end <= start && r.etype == EntityType::Agency && !r.anaphor)?;
        if start - prev.end > 8 {
            return None;
        }
        let between = char_slice(self.chars, prev.end, start);
        let conjunctions = &self.r.lex.words.relation.list_conjunctions;
        let joined =
            matches!(between.chars().collect::<Vec<_>>()[..], [c] if conjunctions.contains(&c));
        let post = between.trim_end_matches(LIST_COMMA);
        let post = post.chars().count() <= 6 && self.r.lex.posts.contains_key(post);
        if !(between.chars().all(separates_list) || joined || post) {
            return None;
        }
        let name = self.st.entities.get(&prev.key)?.name.clone();
        Some((prev.key.clone(), name, post))
    }

    pub(super) fn add_agency(&mut self, name: &str, et: EntityType, alias: Option<&str>) -> String {
        self.st.add(entity(et, name, &self.ctx.scope), alias)
    }

    /// An agency named `name` serving the place entity `place` (a
    /// people's government or Party committee of a place): its key.
    pub(super) fn place_organ(&mut self, name: &str, place: Option<&str>, ev: &Evidence) -> String {
        let key = self.add_agency(name, EntityType::Agency, None);
        if let Some(j) = place {
            self.st.relate(&key, Predicate::Jurisdiction, j, None, ev);
        }
        key
    }

    /// The parent of a bare branch (奎文分局): a known body of the document
    /// ending with the branch name, else the document's or article's
    /// bureau.
    fn branch_parent(&mut self, t: &str, ev: &Evidence) -> Option<(String, String, EntityType)> {
        let b = self.ctx.bureau.clone().or_else(|| self.actx.bureau.clone());
        self.known_or_bureau(t, b, ev)
    }

    /// The parent of a bare unit (建设科): a known body of the document
    /// ending with the unit, else the article's or document's bureau.
    fn unit_parent(&mut self, t: &str, ev: &Evidence) -> Option<(String, String, EntityType)> {
        let b = self.actx.bureau.clone().or_else(|| self.ctx.bureau.clone());
        self.known_or_bureau(t, b, ev)
    }

    /// The body a full name of the document ends with `t` after, else the
    /// bureau given.
    fn known_or_bureau(
        &mut self,
        t: &str,
        bureau: Option<Bureau>,
        ev: &Evidence,
    ) -> Option<(String, String, EntityType)> {
        if let Some(full) = self.ctx.known_ending(t) {
            let parent = full.trim_end_matches(t).to_string();
            if !parent.is_empty() {
                return Some((
                    key_of(EntityType::Agency, &parent, &self.ctx.scope),
                    parent,
                    EntityType::Agency,
                ));
            }
        }
        Some(self.bureau_entity(&bureau?, ev))
    }

    /// The context's bureau as an entity of the article (a unit or branch
    /// named alone hangs under it), with its jurisdiction.
    fn bureau_entity(&mut self, b: &Bureau, ev: &Evidence) -> (String, String, EntityType) {
        let k = self.add_agency(&b.name, EntityType::Agency, None);
        if let Some(place) = b.place {
            let pk = self.division_entity(place, None);
            self.st.relate(&k, Predicate::Jurisdiction, &pk, None, ev);
        }
        (k, b.name.clone(), EntityType::Agency)
    }

    /// The project named last before `pos`, within reach, whose name holds
    /// `head` (any project where it is empty).
    fn project_before(&self, pos: usize, head: &str) -> Option<(String, EntityType)> {
        // (the references come in the order of the text)
        let named = |r: &Ref| {
            head.is_empty()
                || self
                    .st
                    .entities
                    .get(&r.key)
                    .is_some_and(|e| e.name.contains(head))
        };
        (self.st.refs.iter().rev())
            .take_while(|r| r.start + PROJECT_ANAPHOR_REACH >= pos)
            .filter(|r| r.end <= pos)
            .find(|r| r.etype == EntityType::Project && !r.anaphor && named(r))
            .map(|r| (r.key.clone(), r.etype))
    }

    /// An anaphor → the entity it stands for.
    pub(crate) fn anaphor(&mut self, word: &str, pos: usize) -> Option<(String, EntityType)> {
        if let Some(place) = self.home_place(word) {
            return Some((self.division_entity(place, None), EntityType::Place));
        }
        let bureau = self.actx.bureau.clone().or_else(|| self.ctx.bureau.clone());
        let organs = &self.r.lex.words.organs;
        match word {
            w if w == organs.city_bureau_anaphor => {
                // the city bureau of the article's system
                let b = bureau?;
                let city = self.actx.city?;
                let name = format!("{}{}", self.r.lex.divisions[city].name, b.dept);
                let k = self.add_agency(&name, EntityType::Agency, None);
                let ck = self.division_entity(city, None);
                let ev = self.evidence_at(pos, pos + 2);
                self.st.relate(&k, Predicate::Jurisdiction, &ck, None, &ev);
                Some((k, EntityType::Agency))
            }
            w if w == organs.province_bureau_anaphor => {
                let b = bureau?;
                let city = self.actx.city?;
                let prov = self.ctx.ancestor_at(self.r, city, Level::Province)?;
                let dept = self.ctx.province_dept(self.r, &b.dept)?;
                let name = format!("{}{}", self.r.lex.divisions[prov].name, dept);
                let k = self.add_agency(&name, EntityType::Agency, None);
                let pk = self.division_entity(prov, None);
                let ev = self.evidence_at(pos, pos + 2);
                self.st.relate(&k, Predicate::Jurisdiction, &pk, None, &ev);
                Some((k, EntityType::Agency))
            }
            w if organs
                .project_anaphor_heads
                .iter()
                .any(|h| w.ends_with(h.as_str())) =>
            {
                // the project last named before, within reach (该项目由某公司
                // 投资开发)
                self.project_before(pos, "")
            }
            w if organs.work_head(w).is_some() => {
                // the project last named before whose name holds the kind
                // of work (该基地 → 某某风电基地一期工程)
                self.project_before(pos, organs.work_head(w)?)
            }
            w if organs.anaphor_heads.iter().any(|h| w.ends_with(h.as_str()))
                || organs.plural_anaphors.iter().any(|p| p == w) =>
            {
                // the agency most recently named before whose name ends with
                // the anaphor's head (该局 → …局), else the bureau
                // (a head written alone is its own head: 局 of 局办公室)
                let head: String = if organs.plural_anaphors.iter().any(|p| p == w) {
                    String::new()
                } else if w.chars().count() == 1 {
                    w.to_string()
                } else {
                    w.chars().skip(1).collect()
                };
                let (short, full) = (organs.committee_short.clone(), organs.committee.clone());
                let headed = |k: &str| {
                    head.is_empty()
                        || self.st.entities.get(k).is_some_and(|e| {
                            e.name.ends_with(&head) || head == short && e.name.ends_with(&full)
                        })
                };
                // (or the body of a unit named last: 某局某股股长…，该局)
                let parent = |k: &str| {
                    (self.st.relations.values())
                        .find(|r| r.subject == k && r.predicate == Predicate::SubOrganizationOf)
                        .map(|r| r.object.clone())
                };
                // (an organisation too, by a head of its own: 该院 → …医院)
                let kind = |r: &Ref| {
                    r.etype == EntityType::Agency
                        || !head.is_empty() && r.etype == EntityType::Organization
                };
                let last = (self.st.refs.iter().rev())
                    .filter(|r| kind(r) && !r.anaphor && r.end <= pos)
                    .find_map(|r| {
                        if headed(&r.key) {
                            return Some((r.key.clone(), r.etype));
                        }
                        let et = |k: &str| self.st.entities.get(k).map(|e| e.etype);
                        parent(&r.key)
                            .filter(|p| !head.is_empty() && headed(p))
                            .map(|p| (et(&p).unwrap_or(EntityType::Agency), p))
                            .map(|(t, p)| (p, t))
                    });
                if last.is_some() {
                    return last;
                }
                // (the bureau the article is about, if the head is its own)
                let b = bureau.filter(|b| head.is_empty() || b.name.ends_with(&head))?;
                Some((
                    self.add_agency(&b.name, EntityType::Agency, None),
                    EntityType::Agency,
                ))
            }
            _ => None,
        }
    }

    fn named_entity(
        &mut self,
        et: EntityType,
        name: &str,
        place: Option<&PlaceRef>,
        m: &Mention,
        ev: &Evidence,
    ) -> Option<String> {
        let text = m.text.as_str();
        // a unit named alone (来源:机关第四支部) that a full name of the
        // document ends with is that body
        if et == EntityType::Organization && place.is_none() {
            if let Some(full) = self.ctx.known_ending(name).map(str::to_string) {
                return Some(self.add_agency(&full, EntityType::Agency, Some(text)));
            }
            if let Some(full) = self.local_enterprise(name) {
                let key = self.add_agency(&full, EntityType::Organization, Some(text));
                return Some(key);
            }
        }
        let pidx = place.and_then(|p| self.ctx.pick_ref(self.r, p, self.actx));
        let org = et == EntityType::Organization;
        let alias = place.map(|p| p.text.as_str());
        let pkey = pidx.map(|i| self.division_in_name(i, alias, org));
        // a company registered under its province's name (海南某某食品有限公司)
        // lies in the article's city of that province, if any, not in the
        // province as a whole
        // (a company registered with its division in brackets after its
        // trade name, 某某光电（岳阳）有限公司, lies there)
        let bracket = self.bracket_site(name).filter(|_| org);
        let pkey = match pidx {
            _ if bracket.is_some() => bracket.map(|i| self.division_in_name(i, None, true)),
            Some(i) if et == EntityType::Organization => self.site_of_org(name, i, pkey),
            // a company's project (某省某某有限公司超低排放改造项目) lies
            // where the company does
            Some(i) if et == EntityType::Project => match self.company_of_project(name) {
                Some(company) => self.site_of_org(&company, i, pkey),
                None => pkey,
            },
            _ => pkey,
        };
        let mut canon = name.to_string();
        let mut in_town = None;
        let mut geo = false;
        let mut core = name.to_string();
        if et == EntityType::Place {
            if let Some(p) = place {
                // a river written after its county is the river (东阿县黄河)
                let inner = canon.trim_start_matches(p.text.as_str()).to_string();
                if let Some(g) = self.r.lex.geo.get(&inner) {
                    canon = g.clone();
                    geo = true;
                } else if is_local_unit(&self.r.lex.words.places, &inner) {
                    core = inner;
                }
            }
            // a community or village is named with the town or county
            // written before it in the document (河西街道龙泉社区); zones and
            // parks keep the name as written (诸城高新技术产业开发区)
            if !geo {
                if let Some(full) = self.ctx.local_names.get(&core) {
                    canon = full.clone();
                    in_town = self.town_named(full.strip_suffix(core.as_str()).unwrap_or(""));
                } else if is_local_unit(&self.r.lex.words.places, &core) {
                    let (name, town) = self.local_unit_name(&core, m.start);
                    canon = name;
                    in_town = town;
                }
            }
        }
        // places without code are scoped by the document's city, but for
        // zones named after a division alone (诸城高新技术产业开发区)
        let zone = place
            .and_then(|p| canon.strip_prefix(p.text.as_str()))
            .is_some_and(|rest| self.r.lex.is_zone_word(rest));
        let scope = if geo || zone {
            String::new()
        } else {
            self.ctx.scope.clone()
        };
        let mut e = entity(et, &canon, &scope);
        if et == EntityType::Place && !geo {
            e.key = key_of(et, &core, &scope);
        }
        let key = self.st.add(e, Some(text));
        let town_key = in_town.map(|t| self.division_entity(t, None));
        // a medium named after the place it reports on (某某日报, 某某新闻网)
        // is not said to lie there
        let medium = et == EntityType::Organization && self.is_medium(&canon);
        if let Some(pk) = pkey.or(town_key).filter(|_| !medium) {
            self.st.relate(&key, Predicate::LocatedIn, &pk, None, ev);
        }
        // a village's committee written after the village's name without
        // its 村 (北溪村委会) names the village too, where the committee sits
        if et == EntityType::Organization {
            if let Some(village) = self.village_of_committee(name) {
                if let Some(vk) = self.named_entity(EntityType::Place, &village, place, m, ev) {
                    self.st.relate(&key, Predicate::LocatedIn, &vk, None, ev);
                }
            }
        }
        Some(key)
    }

    /// The division written in brackets inside a company's name (岳阳 of
    /// 某某光电（岳阳）有限公司, as the rules of enterprise names allow it
    /// after the trade name), picked by the article's context.
    fn bracket_site(&self, name: &str) -> Option<usize> {
        if !self.r.lex.head_words.company_head.ends(name) {
            return None;
        }
        let (_, inner) = name.split_once(is_open_bracket)?;
        let (place, _) = inner.split_once(is_close_bracket)?;
        let lex = &self.r.lex;
        let cands =
            (lex.division_by_name.get(place)).or_else(|| lex.division_by_short.get(place))?;
        self.ctx.pick(self.r, cands, self.actx)
    }

    /// The village whose committee a name is, written without the
    /// village's generic term (北溪村委会 → 北溪村; not 永新村村委会).
    fn village_of_committee(&self, name: &str) -> Option<String> {
        let committees = &self.r.lex.words.places.village_committees;
        committees.iter().find_map(|(term, generic)| {
            let stem = name.strip_suffix(term.as_str())?;
            let n = stem.chars().count();
            ((2..=4).contains(&n) && !stem.ends_with(generic.as_str()))
                .then(|| format!("{stem}{generic}"))
        })
    }

    /// The company that starts a project's name (某某有限公司 in 某某有限
    /// 公司超低排放改造项目), if one does.
    fn company_of_project(&self, name: &str) -> Option<String> {
        let heads = &self.r.lex.head_words.company_head;
        let end = heads
            .iter()
            .filter_map(|h| name.rfind(h).map(|i| i + h.len()))
            .max()?;
        (end < name.len()).then(|| name[..end].to_string())
    }

    /// Where an organisation named with the place `idx` (entity `key`)
    /// lies: a company registered under its province's name (海南某某食品
    /// 有限公司) lies in the article's county or city of that province that
    /// the text names (or calls 我市), if any, not in the province as a
    /// whole; any other place is where it lies.
    pub(crate) fn site_of_org(
        &mut self,
        name: &str,
        idx: usize,
        key: Option<String>,
    ) -> Option<String> {
        let d = &self.r.lex.divisions[idx];
        // (a municipality is a city; a province's institute or university
        // is the province's)
        let company = self.r.lex.head_words.company_head.ends(name);
        let municipality = d
            .name
            .ends_with(self.r.lex.words.places.city_suffix.as_str());
        if d.level != Level::Province || municipality || !company {
            return key;
        }
        // (a place the text names, or the home it calls 我市: a city the
        // context only infers from the county, never written, is no site
        // of it)
        let said = |c: usize| self.ctx.mentioned.contains(&c) || self.ctx.county_city == Some(c);
        let home = [
            self.ctx.home_county,
            self.actx.shi,
            self.actx.city,
            self.actx.county,
        ]
        .into_iter()
        .flatten()
        .find(|&c| self.r.lex.is_within(c, idx) && said(c))?;
        let hk = self.division_entity(home, None);
        let short = context::short_name(self.r, idx);
        let trade = [d.name.as_str(), short.as_str()]
            .iter()
            .find_map(|p| name.strip_prefix(p))
            .map(|t| t.chars().take(TRADE_KEY).collect::<String>())
            .unwrap_or_default();
        (self.st.sited).push((name.to_string(), trade, hk.clone()));
        Some(hk)
    }

    /// A company put in the article's place for its province's name that
    /// takes part in a project not named after it (投资, 承建 a project of
    /// the place) comes from outside to do it: where it lies is unsaid.
    fn outside_partakers(&mut self) {
        for (name, trade, pk) in std::mem::take(&mut self.st.sited) {
            // (a trade name too short to tell its project apart says nothing)
            if trade.chars().count() < TRADE_KEY {
                continue;
            }
            let Some(key) = (self.st.entities.values())
                .find(|e| e.name == name && e.etype == EntityType::Organization)
                .map(|e| e.key.clone())
            else {
                continue;
            };
            let outside = (self.st.relations.keys())
                .filter(|(s, p, _, _)| *s == key && *p == Predicate::ParticipatesIn)
                .filter_map(|(_, _, o, _)| self.st.entities.get(o))
                .any(|project| !project.name.contains(&trade));
            if outside {
                (self.st.relations).retain(|(s, p, o, _), _| {
                    !(*s == key && *p == Predicate::LocatedIn && *o == pk)
                });
            }
        }
    }

    /// A post of a level (省长, 县委书记) is held at a place of that name
    /// only: a membership that puts it in a body of a place of another
    /// name (省长 in a municipality's government, whose head is 市长) is
    /// dropped.
    fn misplaced_level_posts(&mut self) {
        // (the places of a body: those it governs)
        let mut governs: HashMap<&str, Vec<&str>> = HashMap::default();
        for r in (self.st.relations.values()).filter(|r| r.predicate == Predicate::Jurisdiction) {
            if let Some(place) = self.st.entities.get(&r.object) {
                governs.entry(&r.subject).or_default().push(&place.name);
            }
        }
        let wrong: Vec<(String, Predicate, String, Option<String>)> = (self.st.relations.keys())
            .filter(|(_, p, o, role)| {
                let lv = (*p == Predicate::MemberOf)
                    .then(|| {
                        role.as_deref()
                            .and_then(|r| relations::level_of_post(self, r))
                    })
                    .flatten();
                let places = governs.get(o.as_str());
                lv.zip(places)
                    .is_some_and(|(lv, ps)| ps.iter().all(|n| !n.ends_with(lv)))
            })
            .cloned()
            .collect();
        for k in wrong {
            self.st.relations.remove(&k);
        }
    }

    /// The name of a local unit written without its parent: in an article
    /// about one township of the document's county, with the township
    /// (张王镇嘉陵村), which it lies in; in a document about one district or
    /// county, with it (城区泰安社区), which it lies in where the text names
    /// it; a compound (…小区) as written.
    fn local_unit_name(&self, core: &str, pos: usize) -> (String, Option<usize>) {
        let places = &self.r.lex.words.places;
        if places.compounds.iter().any(|u| core.ends_with(u.as_str())) {
            return (core.to_string(), None);
        }
        // a name that writes a parent of its own (金盏乡金泽家园社区) takes
        // no township before it; a level character right before the head
        // is the unit's own name (固县村)
        let own_parent = core.char_indices().skip(1).any(|(i, _)| {
            core[i..].chars().count() >= 2
                && (is_local_unit(places, &core[..i])
                    || places.level_chars.iter().any(|c| core[..i].ends_with(*c)))
        });
        // (a street is a township of its own: 吉日街道 takes its county;
        // and where the text names several townships, none is the unit's
        // by default)
        let township = self.r.lex.place_terms.township_term.ends(core);
        let towns = (self.ctx.mentioned.iter())
            .filter(|&&i| self.r.lex.divisions[i].level == Level::Town)
            .count();
        // (the township named last in the unit's sentence is its own: 在某某
        // 镇，先后到甲村、乙村)
        let near = self.town_in_sentence(pos);
        let town = (self.actx.town.filter(|_| towns <= 1).or(near)).filter(|&t| {
            !own_parent && !township && self.ctx.county.is_none_or(|c| self.r.lex.is_within(t, c))
        });
        // (else the one township the document names)
        let only = (towns == 1 && !own_parent && !township)
            .then(|| {
                (self.ctx.mentioned.iter().copied())
                    .find(|&i| self.r.lex.divisions[i].level == Level::Town)
            })
            .flatten()
            .filter(|&t| self.ctx.county.is_none_or(|c| self.r.lex.is_within(t, c)));
        match (town.or(only), self.ctx.county) {
            (Some(t), _) => (format!("{}{core}", self.r.lex.divisions[t].name), Some(t)),
            (None, Some(c)) => {
                let said = self.ctx.mentioned.contains(&c);
                (
                    format!("{}{core}", self.r.lex.unique_name(c)),
                    said.then_some(c),
                )
            }
            (None, None) => (core.to_string(), None),
        }
    }

    /// The township the document mentions whose full or short name is
    /// `name` (the township written before a village's name).
    fn town_named(&self, name: &str) -> Option<usize> {
        let lx = &self.r.lex;
        (self.ctx.mentioned.iter().copied()).find(|&i| {
            let d = &lx.divisions[i];
            d.level == Level::Town && (d.name == name || d.short.as_deref() == Some(name))
        })
    }

    /// The township named last before `pos` in its sentence (at most
    /// [`LOCAL_REACH`] characters before), if any.
    fn town_in_sentence(&self, pos: usize) -> Option<usize> {
        let (a, _) = sentence_bounds(self.chars, pos, pos);
        let a = a.max(pos.saturating_sub(LOCAL_REACH));
        let lx = &self.r.lex;
        self.divisions_named_before(a, pos).find_map(|(end, i)| {
            // (not across another township's term: 某街道、某村、某街道、某社区
            // lists units of several)
            let between = char_slice(self.chars, end, pos);
            let other = (lx.place_terms.township_term.iter()).any(|t| between.contains(t));
            (lx.divisions[i].level == Level::Town && !other).then_some(i)
        })
    }

    /// The divisions the article names between `from` and `pos`, nearest
    /// first: where each mention ends, and the division.
    pub(crate) fn divisions_named_before(
        &self,
        from: usize,
        pos: usize,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        let near = self
            .st
            .refs
            .iter()
            .rev()
            .take_while(move |r| r.start >= from);
        near.filter(move |r| r.end <= pos && r.etype == EntityType::Place && !r.anaphor)
            .filter_map(|r| Some((r.end, self.division_of(&r.key)?)))
    }

    /// A document's canonical title: a leading short agency name is
    /// expanded (《市住建局差异化考核办法》 → 潍坊市住房和城乡建设局差异化考核办法).
    fn document_name(&mut self, title: &str) -> String {
        let title = title.to_string();
        if let Some(full) = self.ctx.doc_title(&title) {
            return full;
        }
        let lat = self.r.lattice(&title);
        if let Some((c, end)) = crate::recognize::chain::parse(self.r, &lat, 0) {
            if c.level.is_some() && !c.links.is_empty() && end < lat.len() {
                let ev = Evidence {
                    sentence: String::new(),
                    start: 0,
                    end: 0,
                };
                let saved = self.st.relations.clone();
                if let Some((k, _)) = self.chain_entities_detached(&c, &ev) {
                    self.st.relations = saved.clone();
                    if let Some(e) = self.st.entities.get(&k) {
                        return format!("{}{}", e.name, lat.text(end, lat.len()));
                    }
                }
                self.st.relations = saved;
            }
        }
        title
    }

    /// Adds the bodies named before 关于 in a document's title, when that
    /// part is made of full names only (each with its place).
    fn title_issuers(&mut self, title: &str, ev: &Evidence) {
        let Some(head) = issuing_part(title, &self.r.lex.words.relation.title_matter) else {
            return;
        };
        let lat = self.r.lattice(head);
        let Some(chains) = crate::recognize::issuing_bodies(self.r, &lat, 0, lat.len()) else {
            return;
        };
        if chains.iter().any(|c| c.places.is_empty()) {
            return;
        }
        for mut c in chains {
            // offsets in the title are not the article's: no surface forms
            c.ends.clear();
            self.chain_entities(&c, 0, ev);
        }
    }

    /// Projects and named areas the article places nowhere else (or only
    /// at the site of a visit that saw them) lie in the district or county
    /// the article is about (齐鲁创智园 → 奎文区), or in its city.
    fn located_in_context(&mut self) {
        let target = match (self.actx.county, self.ctx.home_county) {
            (Some(c), Some(h)) if c == h => Some(c),
            _ => None,
        };
        let Some(target) = target else { return };
        let placed: BTreeSet<String> = self
            .st
            .relations
            .values()
            .filter(|r| r.predicate == Predicate::LocatedIn)
            .filter(|r| !self.st.visited.contains(&r.subject))
            .map(|r| r.subject.clone())
            .collect();
        let loose: Vec<String> = self
            .st
            .entities
            .values()
            .filter(|e| {
                (e.etype == EntityType::Project
                    || e.etype == EntityType::Place
                        && e.code.is_none()
                        && e.key.matches(':').count() == 2
                        && !self.r.lex.geo.contains_key(&e.name))
                    && !placed.contains(&e.key)
            })
            .map(|e| e.key.clone())
            .collect();
        if loose.is_empty() {
            return;
        }
        let tk = self.division_entity(target, None);
        for k in loose {
            let first = self
                .st
                .refs
                .iter()
                .find(|r| r.key == k)
                .map(|r| (r.start, r.end));
            let ev = match first {
                Some((s, e)) => self.evidence_at(s, e),
                None => continue,
            };
            self.st.relate(&k, Predicate::LocatedIn, &tk, None, &ev);
        }
    }

    /// locatedIn between divisions mentioned in the article: each to its
    /// nearest ancestor that the document mentions or the article names.
    fn located_in_hierarchy(&mut self) {
        let codes: Vec<(String, String)> = self
            .st
            .entities
            .values()
            .filter_map(|e| e.code.clone().map(|c| (e.key.clone(), c)))
            .collect();
        for (key, code) in codes {
            let Some(idx) = self.ctx.division_by_code(self.r, &code) else {
                continue;
            };
            let mut cur = self.r.lex.divisions[idx].parent;
            while let Some(p) = cur {
                // mentioned in the document, or an entity of the article
                // (修水县 of 县委 and 县住建局 in a county's news)
                let present = self.ctx.mentioned.contains(&p)
                    || self.st.entities.contains_key(&self.division_key(p));
                if present {
                    // (a parent implied by a name stays implied)
                    let implied = self.st.implied.contains(&self.division_key(p));
                    let pk = self.division_in_name(p, None, implied);
                    let first = self
                        .st
                        .refs
                        .iter()
                        .find(|r| r.key == key)
                        .map(|r| (r.start, r.end));
                    let ev = match first {
                        Some((s, e)) => self.evidence_at(s, e),
                        None => Evidence {
                            sentence: String::new(),
                            start: 0,
                            end: 0,
                        },
                    };
                    self.st.relate(&key, Predicate::LocatedIn, &pk, None, &ev);
                    break;
                }
                cur = self.r.lex.divisions[p].parent;
            }
            self.written_parent(&key, idx);
        }
    }

    /// A division written right after a division it lies in (黑龙江省 +
    /// 肇源县, the city between left unsaid) lies in that one as the text
    /// writes it, besides the nearest ancestor the document names.
    fn written_parent(&mut self, key: &str, idx: usize) {
        let lx = &self.r.lex;
        let found = (self.st.refs.iter().filter(|r| r.key == key)).find_map(|r| {
            let before = (self.st.refs.iter()).find(|b| b.end == r.start && b.key != key)?;
            let p = self.division_of(&before.key)?;
            (p != idx && lx.is_within(idx, p)).then(|| (before.key.clone(), r.start, r.end))
        });
        if let Some((pk, s, e)) = found {
            let ev = self.evidence_at(s, e);
            self.st.relate(key, Predicate::LocatedIn, &pk, None, &ev);
        }
    }
}

/// Whether a place name is a local unit (community, village, compound)
/// whose name drops the place written before it.
pub(crate) fn is_local_unit(words: &PlaceWords, name: &str) -> bool {
    words.local_units.iter().any(|u| name.ends_with(u.as_str())) && name.chars().count() >= 3
}

/// Whether a unit name is a Party organ of a non-state unit.
fn is_party_unit(words: &OrganWords, t: &str) -> bool {
    words.party_units.iter().any(|u| t.ends_with(u.as_str()))
}

/// The full name of a department at a place.
fn dept_name(words: &OrganWords, base: &str, canonical: &str, kind: DeptKind) -> String {
    if canonical.contains("{place}") {
        return canonical.replace("{place}", base);
    }
    match kind {
        DeptKind::Party if words.full_committee(base) => {
            format!("{}{canonical}", words.party_committee_name.at(base))
        }
        DeptKind::Party => words.party_organ_name.fill(base, canonical),
        DeptKind::Discipline if canonical.starts_with(&words.discipline_stem) => {
            words.discipline_organ_name.fill(base, canonical)
        }
        _ => format!("{base}{canonical}"),
    }
}

/// The identity key of a non-division entity.
pub(crate) fn key_of(et: EntityType, name: &str, scope: &str) -> String {
    match et {
        // people and places without code are scoped; bodies with full
        // names are unique by name
        EntityType::Person | EntityType::Place if !scope.is_empty() => {
            format!("{}:{}:{}", et.as_str().to_lowercase(), scope, name)
        }
        _ => format!("{}:{}", et.as_str().to_lowercase(), name),
    }
}

fn entity(et: EntityType, name: &str, scope: &str) -> Entity {
    Entity {
        key: key_of(et, name, scope),
        etype: et,
        name: name.to_string(),
        aliases: BTreeSet::new(),
        code: None,
        level: None,
    }
}

/// Longest stretch of a sentence kept as evidence on each side of a span.
const EVIDENCE_REACH: usize = 300;

/// Sentence bounds (char offsets) around a span, at most
/// [`EVIDENCE_REACH`] characters on each side.
fn sentence_bounds(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let is_end = ends_evidence;
    let mut a = s.min(chars.len());
    let floor = a.saturating_sub(EVIDENCE_REACH);
    while a > floor && !is_end(chars[a - 1]) {
        a -= 1;
    }
    let mut b = e.min(chars.len());
    let ceil = (b + EVIDENCE_REACH).min(chars.len());
    while b < ceil && !is_end(chars[b]) {
        b += 1;
    }
    if b < chars.len() && chars[b] != '\n' && is_end(chars[b]) {
        b += 1;
    }
    (a, b)
}

fn char_slice(chars: &[char], a: usize, b: usize) -> String {
    let cs = &chars[a.min(chars.len())..b.min(chars.len())];
    // (sized once: collecting reserves a byte a character, then grows)
    let mut out = String::with_capacity(cs.iter().map(|c| c.len_utf8()).sum());
    out.extend(cs);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::parse_document;
    use std::path::Path;

    /// The first article of a text, resolved.
    fn resolve(r: &Recognizer, text: &str) -> ResolvedArticle {
        let doc = parse_document(Path::new("news.txt"), text.as_bytes()).expect("a text");
        resolve_document(r, &doc)
            .articles
            .into_iter()
            .next()
            .expect("an article")
    }

    /// Whether the article relates the entities named `s` and `o`.
    fn related(a: &ResolvedArticle, s: &str, p: Predicate, o: &str) -> bool {
        let name = |k: &str| a.entities.get(k).map(|e| e.name.as_str());
        a.relations
            .iter()
            .any(|r| r.predicate == p && name(&r.subject) == Some(s) && name(&r.object) == Some(o))
    }

    /// The entity named `name`, if any.
    fn named<'a>(a: &'a ResolvedArticle, name: &str) -> Option<&'a Entity> {
        a.entities.values().find(|e| e.name == name)
    }

    #[test]
    fn a_county_and_its_town_named_together_are_places_whatever_city_else_is_named() {
        let r = Recognizer::new().expect("lexicons");
        // the town confirms the county, and the county the town, though
        // the city named twice lies in another province
        let a = resolve(
            &r,
            "记者走进萧县黄口镇，看到村民忙着收割小麦。这里的小麦销往上海，还进入了上海的超市。\n",
        );
        assert!(
            related(&a, "萧县黄口镇", Predicate::LocatedIn, "萧县"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_community_named_with_its_county_lies_in_it() {
        let r = Recognizer::new().expect("lexicons");
        // a community whose name many places share is named with the
        // county of the text, which it lies in
        let a = resolve(
            &r,
            "东阿县今年改造老旧小区12个。县住建局负责人介绍，新城社区、铜城社区的改造已完工。\n",
        );
        assert!(
            related(&a, "东阿县新城社区", Predicate::LocatedIn, "东阿县"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_county_written_after_its_province_lies_in_it_as_written() {
        let r = Recognizer::new().expect("lexicons");
        // the city between the two is named elsewhere: the county lies in
        // it as well
        let a = resolve(
            &r,
            "近日，河南省滑县举行小麦收割现场会，安阳市农业农村局派员参加。\n",
        );
        assert!(
            related(&a, "滑县", Predicate::LocatedIn, "河南省"),
            "{:?}",
            a.relations
        );
        assert!(
            related(&a, "滑县", Predicate::LocatedIn, "安阳市"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_park_of_common_words_casts_no_vote_for_its_city() {
        let r = Recognizer::new().expect("lexicons");
        // 新材料产业园 is the name of a park of one city only: named in a
        // county's news it does not make that city the text's
        let a = resolve(
            &r,
            "睢宁县召开项目推进会。市发展改革委负责人通报，宏达公司在新材料产业园投资建厂。\n",
        );
        assert!(
            named(&a, "徐州市发展和改革委员会").is_some(),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn an_autonomous_regions_party_organs_write_its_committee_in_full() {
        let r = Recognizer::new().expect("lexicons");
        // (自治区党委, never 自治区委: 中共某某自治区委员会组织部, while a
        // province's is 中共某某省委组织部)
        let a = resolve(
            &r,
            "宁夏回族自治区党委组织部副部长王宁、自治区宣传部部长李敏出席。甘肃省委组织部派员参加。\n",
        );
        for n in [
            "中共宁夏回族自治区委员会组织部",
            "中共宁夏回族自治区委员会宣传部",
            "中共甘肃省委组织部",
        ] {
            assert!(named(&a, n).is_some(), "{n}: {:?}", a.entities);
        }
    }

    #[test]
    fn a_post_of_a_level_is_held_only_at_a_place_of_that_name() {
        let r = Recognizer::new().expect("lexicons");
        // (省长 is no municipality's: its head is 市长)
        for text in [
            "省长王明到上海市浦东新区调研。\n",
            "上海市副市长李强，省长王明到浦东新区调研。\n",
        ] {
            let a = resolve(&r, text);
            assert!(
                !related(&a, "王明", Predicate::MemberOf, "上海市人民政府"),
                "{:?}",
                a.relations
            );
        }
        let a = resolve(&r, "浙江省省长王明到上海市浦东新区调研。\n");
        assert!(
            related(&a, "王明", Predicate::MemberOf, "浙江省人民政府"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_company_named_after_its_province_lies_in_a_place_the_text_names() {
        let r = Recognizer::new().expect("lexicons");
        // the city of the county is never written: the company lies in the
        // county, and the city is no place of the text
        let a = resolve(
            &r,
            "祁东县召开民营企业座谈会。湖南恒达新材料有限公司负责人在会上发言。\n",
        );
        assert!(
            related(&a, "湖南恒达新材料有限公司", Predicate::LocatedIn, "祁东县"),
            "{:?}",
            a.relations
        );
        assert!(named(&a, "衡阳市").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_generic_park_name_is_no_neighbouring_countys_park() {
        let r = Recognizer::new().expect("lexicons");
        // a county's news names the parks of its own county: the zone of
        // another county of the same city, of the same generic name, is
        // not the one meant
        let a = resolve(
            &r,
            "舒城县召开招商引资推进会。会上，经济开发区新签约项目5个，总投资12亿元。\n",
        );
        assert!(
            !a.entities.values().any(|e| e.name.starts_with("霍山县")),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn in_a_county_level_citys_own_news_shi_is_that_city() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "寿光市召开蔬菜产业发展会议。市委书记王建军主持会议，市财政局负责人通报了资金安排。\
             会议要求，寿光市各镇街要抓好落实。\n",
        );
        assert!(named(&a, "中共寿光市委员会").is_some(), "{:?}", a.entities);
        assert!(named(&a, "寿光市财政局").is_some(), "{:?}", a.entities);
        assert!(named(&a, "潍坊市财政局").is_none());
        // where the prefecture is named as well, 市 stays the prefecture
        let b = resolve(
            &r,
            "潍坊市召开蔬菜产业发展会议，寿光市、青州市作交流发言。市财政局负责人通报了资金安排。\
             寿光市、青州市要抓好落实。\n",
        );
        assert!(named(&b, "潍坊市财政局").is_some(), "{:?}", b.entities);
        // a text naming two county-level cities of one prefecture as often
        // is the prefecture's: its mayor visits both
        let c = resolve(
            &r,
            "市长张立新到寿光市、青州市调研。在寿光市，张立新察看了蔬菜基地；\
             在青州市，张立新察看了古城保护。\n",
        );
        assert!(
            related(&c, "张立新", Predicate::MemberOf, "潍坊市人民政府"),
            "{:?}",
            c.relations
        );
    }

    #[test]
    fn a_home_anaphor_names_the_articles_own_place() {
        let r = Recognizer::new().expect("lexicons");
        // a county-level city that its province governs directly (no
        // prefecture): its towns make it the text's city, 我市 and 全省
        // name it and its province
        let a = resolve(
            &r,
            "我市彭场镇、张沟镇入选省级卫生乡镇。近年来，彭场镇和张沟镇持续改善人居环境，\
             全省共有40个乡镇入选。\n",
        );
        // (an anaphor is no name of the place: no alias)
        let city = named(&a, "仙桃市").expect("the city");
        assert!(city.aliases.is_empty(), "{city:?}");
        assert!(named(&a, "湖北省").is_some(), "{:?}", a.entities);
        assert!(related(&a, "彭场镇", Predicate::LocatedIn, "仙桃市"));
        // 我省 in a municipality's text names no province
        let b = resolve(&r, "北京市朝阳区与我省签订合作协议。\n");
        assert_eq!(b.entities.len(), 2, "{:?}", b.entities);
    }

    #[test]
    fn a_project_on_a_named_stretch_of_road_and_the_same_without_its_county() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "工人正在对望谟县环湖公路李家湾段拓宽工程安装路标。环湖公路李家湾段拓宽工程全长2公里。\n",
        );
        let projects: Vec<&str> = a
            .entities
            .values()
            .filter(|e| e.etype == EntityType::Project)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(
            projects,
            ["望谟县环湖公路李家湾段拓宽工程"],
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_democratic_party_s_committee_by_the_level_word() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "德州市政协召开座谈会。市政协副主席、民盟市委主委何立群出席。\n",
        );
        let league = "中国民主同盟德州市委员会";
        assert!(
            related(&a, "何立群", Predicate::MemberOf, league),
            "{:?}",
            a.relations
        );
        assert!(
            !related(&a, "何立群", Predicate::MemberOf, "中共德州市委员会"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_level_word_inside_a_short_form_or_before_a_head_is_the_article_s_place() {
        let r = Recognizer::new().expect("lexicons");
        // (市中 is the short name of 市中区 in several cities)
        let a = resolve(
            &r,
            "德州市召开卫生工作会议。团市委、市中医院、市人民医院负责同志参加。\n",
        );
        for name in ["共青团德州市委员会", "德州市中医院", "德州市人民医院"] {
            assert!(named(&a, name).is_some(), "{name}: {:?}", a.entities);
        }
    }

    #[test]
    fn a_township_unit_named_by_common_words_is_no_place_outside_its_city() {
        let r = Recognizer::new().expect("lexicons");
        // 新材料产业园 is a township-level unit of Nanjing
        let a = resolve(
            &r,
            "宿迁市重大项目集中签约。沭阳县与上海华谊集团签约新材料产业园项目。\n",
        );
        assert!(named(&a, "新材料产业园").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_direction_s_urban_area_is_no_district_of_another_province() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "商丘市召开会议，永城市、夏邑县参加。东城区棚户区改造项目共涉及居民1200户。\n",
        );
        assert!(named(&a, "北京市东城区").is_none(), "{:?}", a.entities);
        let b = resolve(&r, "北京市召开会议。东城区推进老旧小区改造。\n");
        assert!(named(&b, "北京市东城区").is_some(), "{:?}", b.entities);
    }

    #[test]
    fn a_village_named_after_its_township_in_a_body_s_name_is_that_village() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "灵璧县尹集镇大路村股份经济合作社签订协议。大路村党总支书记张建国介绍情况。\n",
        );
        let town = "灵璧县尹集镇";
        assert!(named(&a, town).is_some(), "{:?}", a.entities);
        assert!(
            related(&a, "尹集镇大路村", Predicate::LocatedIn, town),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_county_level_city_s_medium_makes_its_city_the_text_s_city() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "来源:福鼎新闻网\n\n12月1日，市长张三主持召开市政府常务会议。\n",
        );
        assert!(named(&a, "福鼎市人民政府").is_some(), "{:?}", a.entities);
    }

    #[test]
    fn a_word_and_a_level_word_are_no_county_of_another_province() {
        let r = Recognizer::new().expect("lexicons");
        // 会同 (together with) + 县水利局, not 会同县 of Hunan
        let a = resolve(
            &r,
            "汝南县召开会议。县生态环境分局会同县水利局开展联合执法。\n",
        );
        assert!(named(&a, "会同县").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_level_word_after_a_listed_body_is_that_body_s_place() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "济宁市任城区人民政府召开会议。兖州区委组织部、区委宣传部联合开展活动。\n",
        );
        assert!(
            named(&a, "中共济宁市兖州区委宣传部").is_some(),
            "{:?}",
            a.entities
        );
        assert!(named(&a, "中共济宁市任城区委宣传部").is_none());
    }

    #[test]
    fn an_anaphor_names_a_body_with_its_head_only() {
        let r = Recognizer::new().expect("lexicons");
        // (no 院 before 该院: not the bureau the article is about)
        let a = resolve(
            &r,
            "淄博市审计局召开会议，淄博市审计局局长王强讲话。该院党委书记何平表示赞同。\n",
        );
        assert!(named(&a, "淄博市审计局党委").is_none(), "{:?}", a.entities);
        let b = resolve(
            &r,
            "淄博市中心医院召开会议。该院党委书记何平表示，将提升服务水平。\n",
        );
        assert!(
            named(&b, "淄博市中心医院党委").is_some(),
            "{:?}",
            b.entities
        );
    }

    #[test]
    fn a_place_and_an_institution_s_head_abbreviates_nothing() {
        let r = Recognizer::new().expect("lexicons");
        let lex = &r.lex;
        assert!(!abbreviates("榆林学院", "榆林职业技术学院", lex));
        assert!(!abbreviates("山东大学", "山东农业大学", lex));
        assert!(abbreviates("南京银行", "南京银行股份有限公司", lex));
        assert!(abbreviates("中山日报", "中山日报社", lex));
        assert!(abbreviates("山东广播电视台", "山东省广播电视台", lex));
        assert!(abbreviates("津潍高铁", "天津至潍坊高速铁路", lex));
    }

    #[test]
    fn a_bureau_s_head_alone_before_its_units_is_the_bureau() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "云南省交通运输厅召开会议。厅规划处、建设管理处负责同志参加，局长出席。\n",
        );
        for unit in ["云南省交通运输厅规划处", "云南省交通运输厅建设管理处"]
        {
            assert!(
                related(&a, unit, Predicate::SubOrganizationOf, "云南省交通运输厅"),
                "{unit}: {:?}",
                a.relations
            );
        }
    }

    #[test]
    fn a_street_s_news_names_its_bodies_by_the_word_street() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "郓城县张营街道召开推进会。街道党工委书记李明远出席，街道农业农村办公室负责人参加。\n",
        );
        let committee = "中共郓城县张营街道工作委员会";
        assert!(
            related(&a, "李明远", Predicate::MemberOf, committee),
            "{:?}",
            a.relations
        );
        assert!(
            named(&a, "郓城县张营街道农业农村办公室").is_some(),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_county_level_city_named_once_with_its_own_body_is_the_news_city() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "青州市委书记王立新、市长李明华到市财政局调研预算执行情况。\n",
        );
        assert!(
            related(&a, "李明华", Predicate::MemberOf, "青州市人民政府"),
            "{:?}",
            a.relations
        );
        assert!(named(&a, "青州市财政局").is_some(), "{:?}", a.entities);
        // (a place named once, no body of its own: the prefecture's news
        // may visit it)
        let a = resolve(&r, "市长李明华到青州市调研预算执行情况。\n");
        assert!(named(&a, "青州市人民政府").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_township_named_like_others_elsewhere_counts_for_its_news() {
        // 扎西岗乡 is the name of townships in several counties: inside
        // 噶尔县 it is one, and the one the article names most
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "噶尔县县长来到昆莎乡调研。随后来到扎西岗乡，察看了扎西岗乡卫生院。\
             县长要求，乡党委、政府要带领全乡群众做好工作。\n",
        );
        assert!(
            named(&a, "中共噶尔县扎西岗乡委员会").is_some(),
            "{:?}",
            a.entities
        );
        assert!(
            named(&a, "中共噶尔县昆莎乡委员会").is_none(),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_street_s_office_after_the_word_street_alone_is_its_government() {
        // (街道办 is the street's office, not its Party committee's 办公室)
        let r = Recognizer::new().expect("lexicons");
        for text in [
            "郓城县张营街道召开推进会。街道党工委书记李明远、街道办事处主任王刚出席。\n",
            "郓城县张营街道召开推进会。街道党工委书记李明远、街道办主任王刚出席。\n",
        ] {
            let a = resolve(&r, text);
            let office = "郓城县张营街道办事处";
            assert!(
                related(&a, "王刚", Predicate::MemberOf, office),
                "{text}: {:?}",
                a.relations
            );
            assert!(
                !a.entities.values().any(|e| e.name.contains("办公室")),
                "{text}: {:?}",
                a.entities
            );
        }
    }

    #[test]
    fn a_zone_s_generic_name_after_a_division_is_that_division_s_zone() {
        let r = Recognizer::new().expect("lexicons");
        // (经济开发区 is also the name of a township-level unit of 孝南区)
        let a = resolve(&r, "汉川市经济开发区管委会召开会议。\n");
        assert!(
            named(&a, "汉川经济开发区管理委员会").is_some(),
            "{:?}",
            a.entities
        );
        assert!(named(&a, "孝南区经济开发区").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_preposition_glued_to_a_level_word_opens_the_body_after_it() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "荆州市污水处理厂扩建项目开工。该项目由市住建局牵头推进。\n",
        );
        let bureau = "荆州市住房和城乡建设局";
        assert!(named(&a, bureau).is_some(), "{:?}", a.entities);
        assert!(
            related(
                &a,
                bureau,
                Predicate::ParticipatesIn,
                "荆州市污水处理厂扩建项目"
            ),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_township_s_news_names_its_committee_by_the_level_word() {
        let r = Recognizer::new().expect("lexicons");
        // (桥头, the township's short name, is a common word: 桥头 of a bridge)
        let a = resolve(
            &r,
            "澄迈县桥头镇召开乡村振兴推进会。镇党委书记何立群讲话，镇委副书记罗振东主持。\n",
        );
        let committee = "中共澄迈县桥头镇委员会";
        for p in ["何立群", "罗振东"] {
            assert!(
                related(&a, p, Predicate::MemberOf, committee),
                "{p}: {:?}",
                a.relations
            );
        }
    }

    #[test]
    fn a_street_s_office_and_a_township_the_source_names_with_its_county() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "漯河市召陵区召开会议。翟庄街道党工委副书记、办事处主任周立军，\
             老窝镇党委书记吴海燕，翟庄街道办事处、老窝镇政府负责同志参加。\n",
        );
        let office = "漯河市召陵区翟庄街道办事处";
        assert!(named(&a, office).is_some(), "{:?}", a.entities);
        assert!(
            related(&a, "周立军", Predicate::MemberOf, office),
            "{:?}",
            a.relations
        );
        let committee = "中共漯河市召陵区老窝镇委员会";
        assert!(
            related(&a, "吴海燕", Predicate::MemberOf, committee),
            "{:?}",
            a.relations
        );
        assert!(
            named(&a, "漯河市召陵区老窝镇人民政府").is_some(),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_village_of_a_county_s_news_lies_in_the_one_township_it_names() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "沭阳县韩山镇推进人居环境整治。县委书记来到石桥村，查看村容村貌。\n",
        );
        assert!(
            related(&a, "韩山镇石桥村", Predicate::LocatedIn, "韩山镇"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_group_s_short_names_are_the_group() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "某县与江苏华新投资控股集团有限公司签订协议。江苏华新集团董事长出席。华新集团将投资10亿元。\n",
        );
        let orgs: Vec<&str> = (a.entities.values())
            .filter(|e| e.etype == EntityType::Organization)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(orgs, ["江苏华新投资控股集团有限公司"], "{:?}", a.entities);
    }

    #[test]
    fn a_project_named_after_a_body_of_the_county_is_named_with_the_county() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "望谟县召开项目推进会。县委书记讲话，县长主持。县人民医院新院区项目已完成主体施工。\n",
        );
        let projects: Vec<&str> = (a.entities.values())
            .filter(|e| e.etype == EntityType::Project)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(projects, ["望谟县人民医院新院区项目"], "{:?}", a.entities);
    }

    #[test]
    fn a_county_level_city_named_once_by_news_that_says_quan_shi_is_its_shi() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "邹城市召开全市重点项目推进会。市委书记王立强出席，市长刘洋主持。\
             市发改局负责同志参加。\n",
        );
        for body in ["中共邹城市委员会", "邹城市人民政府", "邹城市发展和改革局"]
        {
            assert!(named(&a, body).is_some(), "{body}: {:?}", a.entities);
        }
        // (a county-level city written only inside a work's name is none)
        let b = resolve(
            &r,
            "我市召开会议，推进嫩江公路大桥建设。市委书记王立强出席。\n",
        );
        assert!(named(&b, "中共嫩江市委员会").is_none(), "{:?}", b.entities);
    }

    #[test]
    fn the_projects_of_a_county_that_says_wo_xian_lie_in_it() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "我县召开重点项目推进会。会议听取了金泰特种环氧树脂项目进展情况。             望谟县委书记主持会议，望谟县县长讲话，我县将全力推进。\n",
        );
        assert!(
            related(&a, "金泰特种环氧树脂项目", Predicate::LocatedIn, "望谟县"),
            "{:?}",
            a.relations
        );
        // 全区 in a district's news, outside an autonomous region
        let b = resolve(
            &r,
            "奎文区召开重点项目推进会，奎文区区长讲话。全区将加快金泰特种环氧树脂项目建设。\n",
        );
        assert!(
            related(&b, "金泰特种环氧树脂项目", Predicate::LocatedIn, "奎文区"),
            "{:?}",
            b.relations
        );
    }

    #[test]
    fn he_before_a_level_word_joins_a_list_outside_anhui() {
        let r = Recognizer::new().expect("lexicons");
        // 和县 is a county of Anhui; in a Guizhou county's news 和 joins
        // the list and 县 is the article's county
        let a = resolve(
            &r,
            "望谟县召开安全生产会议，望谟县县长讲话。县应急管理局、县卫生健康局和县消防救援大队参加。\n",
        );
        assert!(
            named(&a, "望谟县消防救援大队").is_some(),
            "{:?}",
            a.entities
        );
        assert!(named(&a, "和县").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_zones_committee_is_named_after_the_zone_as_written() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "宿迁市沭阳县召开项目推进会。沭阳经济开发区管委会负责人汇报了进展。\n",
        );
        assert!(
            named(&a, "沭阳经济开发区管理委员会").is_some(),
            "{:?}",
            a.entities
        );
        // the committee governs the zone, which lies in its county
        let (zone, county) = ("沭阳经济开发区", "沭阳县");
        let committee = "沭阳经济开发区管理委员会";
        assert!(related(&a, committee, Predicate::Jurisdiction, zone));
        assert!(related(&a, zone, Predicate::LocatedIn, county));
    }

    #[test]
    fn the_short_form_of_a_planning_and_resources_bureau() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "重庆市江北区召开会议，区住建委、区规自局负责同志参加。\n",
        );
        assert!(
            named(&a, "重庆市江北区规划和自然资源局").is_some(),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_cppcc_standing_committee_is_read_as_the_committee() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(&r, "安丘市政协常委会组成人员出席会议，听取了情况汇报。\n");
        assert!(
            named(&a, "中国人民政治协商会议安丘市委员会").is_some(),
            "{:?}",
            a.entities
        );
        let standing = a
            .entities
            .iter()
            .filter(|e| e.1.name.contains("常务委员会"));
        assert_eq!(standing.count(), 0, "{:?}", a.entities);
    }

    #[test]
    fn a_name_after_a_lone_numeral_is_a_slogans_word() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(&r, "会议提出，要建设五宜城市、培育六大产业集群。\n");
        assert!(named(&a, "宜城市").is_none(), "{:?}", a.entities);
        let a = resolve(&r, "湖北省宜城市召开会议，建设五宜城市。\n");
        assert!(named(&a, "宜城市").is_some(), "{:?}", a.entities);
    }

    #[test]
    fn a_zone_named_after_a_county_has_its_committees() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "汉中市城固县召开会议，城固新区党工委书记王某某、城固新区管委会主任李某某出席。\n",
        );
        let zone = "城固新区";
        for body in ["中共城固新区工作委员会", "城固新区管理委员会"] {
            assert!(
                related(&a, body, Predicate::Jurisdiction, zone),
                "{body}: {:?}",
                a.relations
            );
        }
        assert!(related(&a, zone, Predicate::LocatedIn, "城固县"));
        assert!(named(&a, "城固县新区党工委").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_zone_of_a_county_is_named_after_the_county_not_the_city() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "潍坊市召开推进会。寿光高新区管委会负责人汇报了进展，寿光的经验值得推广。\n",
        );
        let zone = "寿光高新技术产业开发区";
        assert!(
            related(
                &a,
                "寿光高新技术产业开发区管理委员会",
                Predicate::Jurisdiction,
                zone
            ),
            "{:?}",
            a.relations
        );
        assert!(related(&a, zone, Predicate::LocatedIn, "寿光市"));
        assert!(named(&a, "潍坊高新技术产业开发区").is_none());
    }

    #[test]
    fn a_zone_named_without_a_division_has_its_committees() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "青松园区管委会与三家企业签约，青松园区党工委书记赵某某致辞。\n",
        );
        for body in ["青松园区管理委员会", "中共青松园区工作委员会"] {
            assert!(
                related(&a, body, Predicate::Jurisdiction, "青松园区"),
                "{body}: {:?}",
                a.relations
            );
        }
        assert!(related(
            &a,
            "赵某某",
            Predicate::MemberOf,
            "中共青松园区工作委员会"
        ));
    }

    #[test]
    fn a_village_committee_without_cun_names_its_village() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "望谟县打易镇召开会议。工作组走访了打易镇政府、纳包村委会、坝绕村委会。\n",
        );
        assert!(named(&a, "打易镇坝绕村").is_some(), "{:?}", a.entities);
        assert!(
            related(&a, "打易镇纳包村", Predicate::LocatedIn, "打易镇"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_township_station_after_its_area_is_its_county_bureaus() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "近日，宁阳县召开会议。伏山派出所、伏山司法所负责人参加。各派出所要加强巡逻。\n",
        );
        let station = "宁阳县公安局伏山派出所";
        assert!(named(&a, station).is_some(), "{:?}", a.entities);
        assert!(
            named(&a, "宁阳县司法局伏山司法所").is_some(),
            "{:?}",
            a.entities
        );
        assert!(
            related(&a, station, Predicate::Jurisdiction, "宁阳县"),
            "{:?}",
            a.relations
        );
        // the bureau is named by no text, and 各 is no area
        assert!(named(&a, "宁阳县公安局").is_none(), "{:?}", a.entities);
        let agencies = a
            .entities
            .values()
            .filter(|e| e.etype == EntityType::Agency)
            .count();
        assert_eq!(agencies, 2, "{:?}", a.entities);
    }

    #[test]
    fn a_layout_and_a_visiting_group_are_no_bodies() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "会议研究了拉萨市城关区行政区划布局调整。湖南省工信厅调研组一行到岳阳调研。\n",
        );
        let agencies: Vec<&str> = (a.entities.values())
            .filter(|e| e.etype == EntityType::Agency)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(agencies, vec!["湖南省工业和信息化厅"]);
    }

    #[test]
    fn a_body_set_up_for_a_task_is_named_after_its_work() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "为推进改革，县里成立宁阳县深化农村集体产权制度改革工作领导小组。\
             宁阳县召开会议成立工作专班。\n",
        );
        let group = "宁阳县深化农村集体产权制度改革工作领导小组";
        assert!(named(&a, group).is_some(), "{:?}", a.entities);
        assert!(
            related(&a, group, Predicate::Jurisdiction, "宁阳县"),
            "{:?}",
            a.relations
        );
        // the verbs that set a group up are no part of its name
        assert!(
            a.entities.values().all(|e| !e.name.contains("召开")),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_unit_joined_by_he_to_a_bureau_is_of_its_place() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "近日，宁阳县农业农村局和农业技术推广中心对全县春耕进行督导。\
             下一步，县农业部门将继续推进。\n",
        );
        assert!(
            named(&a, "宁阳县农业技术推广中心").is_some(),
            "{:?}",
            a.entities
        );
        // 和 is no surname there, and 部门 no body's head
        assert!(
            a.entities.values().all(|e| e.etype != EntityType::Person),
            "{:?}",
            a.entities
        );
        assert!(named(&a, "宁阳县农业部").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_democratic_partys_committee_is_named_in_full_with_its_chairs() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "民盟湖南省委会主委陈立新、副主委周红梅出席座谈会。九三学社长沙市委参加。\n",
        );
        let league = "中国民主同盟湖南省委员会";
        assert!(named(&a, league).is_some(), "{:?}", a.entities);
        assert!(
            named(&a, "九三学社长沙市委员会").is_some(),
            "{:?}",
            a.entities
        );
        assert!(
            related(&a, "周红梅", Predicate::MemberOf, league),
            "{:?}",
            a.relations
        );
        assert!(
            related(&a, league, Predicate::LocatedIn, "湖南省"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn the_posts_of_a_session_written_alone_are_held_in_its_body() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "政协第九届衡阳市委员会第二次会议举行全体会议。市人大常委会主任李国强应邀出席。\
             大会执行主席陈建华、刘志明在主席台就座。会上，赵秀兰、孙建军、周丽萍3名委员\
             作大会发言。黄海燕、吴国平等委员作即席发言。\n",
        );
        let cppcc = "中国人民政治协商会议衡阳市委员会";
        for (name, post) in [
            ("陈建华", "执行主席"),
            ("孙建军", "委员"),
            ("吴国平", "委员"),
        ] {
            assert!(
                a.relations.iter().any(|x| {
                    let s = a.entities.get(&x.subject).map(|e| e.name.as_str());
                    let o = a.entities.get(&x.object).map(|e| e.name.as_str());
                    s == Some(name) && o == Some(cppcc) && x.role.as_deref() == Some(post)
                }),
                "{name}: {:?}",
                a.relations
            );
        }
    }

    #[test]
    fn a_province_or_city_inside_a_companys_name_is_no_place_of_the_text() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "望谟县召开招商推介会。杭州恒远新材料有限公司、贵阳金桥农业科技有限公司、\
             打易镇青山种植专业合作社与望谟县人民政府签约。\n",
        );
        assert!(
            named(&a, "杭州恒远新材料有限公司").is_some(),
            "{:?}",
            a.entities
        );
        assert!(named(&a, "杭州市").is_none(), "{:?}", a.entities);
        assert!(named(&a, "贵阳市").is_none(), "{:?}", a.entities);
        // a town in such a name is where the text places the body
        assert!(named(&a, "打易镇").is_some(), "{:?}", a.entities);
        // a city the text names in its own right stays
        let b = resolve(&r, "贵阳市召开招商推介会。贵阳金桥农业科技有限公司签约。\n");
        assert!(named(&b, "贵阳市").is_some(), "{:?}", b.entities);
    }

    #[test]
    fn an_organisations_own_name_that_opens_like_a_far_place_is_kept() {
        let r = Recognizer::new().expect("lexicons");
        // 河西 is the short name of a district of Tianjin
        let a = resolve(
            &r,
            "张掖市召开校地合作推进会。河西学院党委书记王立新出席并讲话。\n",
        );
        assert!(named(&a, "河西学院").is_some(), "{:?}", a.entities);
        assert!(
            related(&a, "河西学院党委", Predicate::SubOrganizationOf, "河西学院"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_party_work_organ_after_its_committee_in_a_list_serves_its_area() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "宿迁市召开组织工作会议。市委副书记、组织部部长王立新出席会议。\n",
        );
        assert!(
            related(&a, "中共宿迁市委组织部", Predicate::Jurisdiction, "宿迁市"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn gai_xiangmu_is_the_project_last_named() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "望谟县城南片区棚户区改造项目进展顺利。该项目由贵州远航建设有限公司承建。\n",
        );
        assert!(
            related(
                &a,
                "贵州远航建设有限公司",
                Predicate::ParticipatesIn,
                "望谟县城南片区棚户区改造项目"
            ),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn an_anaphor_by_a_kind_of_work_is_the_project_last_named_with_it() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "会宁县丁家沟风电基地一期工程已完成风机吊装。会宁县城南小学扩建项目同步推进。\
             该基地由华能甘肃能源开发有限公司投资建设。\n",
        );
        let base = "会宁县丁家沟风电基地一期工程";
        assert!(
            related(
                &a,
                "华能甘肃能源开发有限公司",
                Predicate::ParticipatesIn,
                base
            ),
            "{:?}",
            a.relations
        );
        assert!(!related(
            &a,
            "华能甘肃能源开发有限公司",
            Predicate::ParticipatesIn,
            "会宁县城南小学扩建项目"
        ));
    }

    #[test]
    fn a_project_named_after_a_citys_body_lies_in_the_city() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "桃源县召开项目推进会，全县合力攻坚。桃源县县长出席。常德市发展改革委批复\
             市第一人民医院新院区建设项目。\n",
        );
        let p = "常德市第一人民医院新院区建设项目";
        assert!(
            related(&a, p, Predicate::LocatedIn, "常德市"),
            "{:?}",
            a.relations
        );
        assert!(
            !related(&a, p, Predicate::LocatedIn, "桃源县"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_zones_bodies_by_the_level_word_are_the_zones_not_its_districts() {
        let r = Recognizer::new().expect("lexicons");
        // (a zone the division data lists as a township of a district)
        let a = resolve(
            &r,
            "北京经济技术开发区召开项目推进会。区党工委书记、管委会主任周某某出席会议。\n",
        );
        let committee = "中共北京经济技术开发区工作委员会";
        assert!(named(&a, committee).is_some(), "{:?}", a.entities);
        let p = "周某某";
        assert!(
            related(&a, p, Predicate::MemberOf, committee),
            "{:?}",
            a.relations
        );
        let zone = "北京经济技术开发区管理委员会";
        assert!(
            related(&a, p, Predicate::MemberOf, zone),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_source_site_named_after_its_county_is_the_articles_county() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "5月16日，县人大常委会副主任刘某带队开展视察。县交通运输局局长陈某汇报了工作。\n\
             来源：桃源县人民政府网\n",
        );
        assert!(named(&a, "桃源县交通运输局").is_some(), "{:?}", a.entities);
        assert!(
            related(&a, "陈某", Predicate::MemberOf, "桃源县交通运输局"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_branch_written_with_its_station_is_the_branch_its_short_name_names() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "漳州市公安局芗城分局巴东派出所开展检查。芗城分局治安大队参与行动。\n\
             漳州市自然资源局、市自然资源局规划科、市自然资源局利用科参加。\n",
        );
        assert!(
            named(&a, "漳州市公安局芗城分局治安大队").is_some(),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_village_named_with_a_level_character_is_the_townships() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "桃源县漳江街道党工委书记到北县村、南湖村调研。在北县村，他了解了改厕情况。\n",
        );
        let v = named(&a, "漳江街道北县村").expect("the village");
        assert!(
            related(&a, &v.name, Predicate::LocatedIn, "漳江街道"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_project_named_after_a_body_lies_in_the_bodys_place() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(&r, "望谟县第二中学改扩建项目于近日开工。\n");
        assert!(
            related(
                &a,
                "望谟县第二中学改扩建项目",
                Predicate::LocatedIn,
                "望谟县"
            ),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn an_autonomous_county_by_its_short_name_and_zizhixian() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(&r, "务川自治县召开招商引资推进会。\n");
        let county = named(&a, "务川仡佬族苗族自治县").expect("the county");
        assert!(county.aliases.contains("务川自治县"), "{county:?}");
    }

    #[test]
    fn reporters_of_the_papers_own_dispatch_and_of_its_credits() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "江城晚报 2021-05-02 08:30\n本报讯（记者 李清 王海）大桥合龙。\n",
        );
        assert!(
            related(&a, "李清", Predicate::MemberOf, "江城晚报"),
            "{:?}",
            a.relations
        );
        assert!(related(&a, "王海", Predicate::MemberOf, "江城晚报"));
        // a credit line under a header that names the one paper
        let b = resolve(
            &r,
            "大桥合龙。\n◆江城晚报社编发中心\n◆文/记者 李清\n◆编辑：王海\n",
        );
        assert!(
            related(&b, "李清", Predicate::MemberOf, "江城晚报社"),
            "{:?}",
            b.relations
        );
        assert!(!related(&b, "王海", Predicate::MemberOf, "江城晚报社"));
        // the paper's own wire dispatch, with its place and date, after a
        // header naming its site and the paper
        let c = resolve(
            &r,
            "江城新闻网-江城晚报 2021-05-02 08:30:15\n本报滨江新区5月12日电（记者李清）大桥合龙。\n",
        );
        assert!(
            related(&c, "李清", Predicate::MemberOf, "江城晚报"),
            "{:?}",
            c.relations
        );
    }

    #[test]
    fn a_ministrys_unit_is_named_without_the_states_name() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(&r, "教育部基础教育司副司长王海一行到校调研。\n");
        assert!(named(&a, "教育部基础教育司").is_some(), "{:?}", a.entities);
        assert!(related(
            &a,
            "教育部基础教育司",
            Predicate::SubOrganizationOf,
            "中华人民共和国教育部"
        ));
    }

    #[test]
    fn a_county_level_city_that_calls_itself_wo_shi_beside_its_prefecture() {
        let r = Recognizer::new().expect("lexicons");
        // the prefecture is named once, by its name; the county-level city
        // by its towns and name, and as 我市
        let a = resolve(
            &r,
            "潍坊市政府副市长王强，我市市委副书记、市长李明到洛城街道、文家街道调研。\
             在寿光市蔬菜基地，王强对我市工作给予肯定。\n",
        );
        assert!(
            related(&a, "李明", Predicate::MemberOf, "寿光市人民政府"),
            "{:?}",
            a.relations
        );
        assert!(
            related(&a, "王强", Predicate::MemberOf, "潍坊市人民政府"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_townships_news_names_it_by_its_short_name() {
        let r = Recognizer::new().expect("lexicons");
        // 镇党委 in a text about 寿光市 that writes 纪台 (纪台镇's short name)
        let a = resolve(
            &r,
            "为推动纪台经济发展，寿光市纪台农业公司扩建厂房。镇党委书记王强到现场调研。\n",
        );
        assert!(
            related(&a, "王强", Predicate::MemberOf, "中共寿光市纪台镇委员会"),
            "{:?}",
            a.relations
        );
        // without a body of the township's level word, no township
        let b = resolve(&r, "为推动纪台经济发展，寿光市纪台农业公司扩建厂房。\n");
        assert!(named(&b, "纪台镇").is_none(), "{:?}", b.entities);
    }

    #[test]
    fn villages_lie_in_the_township_named_before_them_in_their_sentence() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "寿光市委书记王强深入纪台镇（前营村、后营村）、稻田镇（东庄村、西庄村）调研。\n",
        );
        assert!(named(&a, "纪台镇后营村").is_some(), "{:?}", a.entities);
        assert!(named(&a, "稻田镇东庄村").is_some(), "{:?}", a.entities);
        // and a village of Inner Mongolia's pastoral areas (嘎查)
        let b = resolve(&r, "阿巴嘎旗别力古台镇宝德尔嘎查的牧民喜迁新居。\n");
        assert!(
            named(&b, "别力古台镇宝德尔嘎查").is_some(),
            "{:?}",
            b.entities
        );
    }

    #[test]
    fn a_company_written_after_its_township_is_named_from_its_division() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "象州县考察团参观了石龙镇象州新通汽车部件有限公司的车间。\n",
        );
        assert!(
            named(&a, "象州新通汽车部件有限公司").is_some(),
            "{:?}",
            a.entities
        );
        assert!(
            related(
                &a,
                "象州新通汽车部件有限公司",
                Predicate::LocatedIn,
                "象州县石龙镇"
            ),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn qu_in_a_countys_news_is_the_district_named_before() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "临朐县迎来奎文区人大代表视察团。区人大常委会主任李明带队，\
             临朐县人大常委会主任王强陪同。临朐县城关街道、东城街道负责人参加。\n",
        );
        assert!(
            related(
                &a,
                "李明",
                Predicate::MemberOf,
                "潍坊市奎文区人民代表大会常务委员会"
            ),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn in_a_countys_news_shi_is_the_countys_prefecture() {
        let r = Recognizer::new().expect("lexicons");
        // 青州 names a county-level city twice inside other names; the text
        // calls its own place 县 (县委, 我县): 市 is 临朐县's prefecture
        let a = resolve(
            &r,
            "临朐县与青州古城旅游区管委会召开协调会。县委书记刘明主持会议，\
             市委常委、青州古城旅游区管委会主任张强出席。我县将配合市委做好征地工作。\n",
        );
        assert!(named(&a, "中共潍坊市委员会").is_some(), "{:?}", a.entities);
        assert!(named(&a, "中共青州市委员会").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn qi_and_meng_stand_for_the_banner_and_the_league_of_the_text() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "锡林郭勒盟正镶白旗召开全旗干部大会。旗委书记张建国主持，旗政协主席李明出席，\
             盟委副书记赵刚讲话。\n",
        );
        assert!(
            related(&a, "张建国", Predicate::MemberOf, "中共正镶白旗委员会"),
            "{:?}",
            a.relations
        );
        assert!(related(
            &a,
            "李明",
            Predicate::MemberOf,
            "中国人民政治协商会议正镶白旗委员会"
        ));
        assert!(related(
            &a,
            "赵刚",
            Predicate::MemberOf,
            "中共锡林郭勒盟委员会"
        ));
    }

    #[test]
    fn a_street_in_a_list_of_communities_keeps_its_name_and_the_county() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "宜都市陆城街道、枝城镇召开会议。\
             会后，瑞丰街道、杨柳湾社区和黄金卡社区负责人作了交流。\n",
        );
        let names: Vec<&str> = a.entities.values().map(|e| e.name.as_str()).collect();
        // a street takes no community's head
        assert!(!names.iter().any(|n| n.ends_with("街道社区")), "{names:?}");
        assert!(names.iter().any(|n| n.ends_with("瑞丰街道")), "{names:?}");
        // of two townships named, neither is the communities' by default
        assert!(names.contains(&"宜都市杨柳湾社区"), "{names:?}");
    }

    #[test]
    fn words_before_a_street_that_name_none_are_no_place() {
        let r = Recognizer::new().expect("lexicons");
        for text in [
            "宜都市贯彻落实街道规划参与权。\n",
            "党员到龙泉社区及责任街道开展活动。\n",
        ] {
            let a = resolve(&r, text);
            assert!(
                !a.entities.values().any(|e| e.name.ends_with("街道")),
                "{text}: {:?}",
                a.entities
            );
        }
    }

    #[test]
    fn an_ethnic_township_is_written_with_its_short_name_and_xiang() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(&r, "砚山县维摩乡、盘龙乡开展森林防火演练。\n");
        for t in ["维摩彝族乡", "盘龙彝族乡"] {
            assert!(
                related(&a, t, Predicate::LocatedIn, "砚山县"),
                "{t}: {:?}",
                a.entities
            );
        }
    }

    #[test]
    fn a_short_place_name_that_is_a_word_names_a_place_of_the_province_only() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "长沙市岳麓区举办成果展。活动向来宾展示了岳麓区的建设成就。\n",
        );
        assert!(named(&a, "来宾市").is_none(), "{:?}", a.entities);
        let b = resolve(&r, "广西壮族自治区柳州市召开会议，来宾、贵港两市参加。\n");
        assert!(named(&b, "来宾市").is_some(), "{:?}", b.entities);
        // a city's name that the dictionary holds as a rare verb is a name
        let c = resolve(&r, "四川省召开会议，宜宾、自贡、泸州三市参加。\n");
        assert!(named(&c, "自贡市").is_some(), "{:?}", c.entities);
        // a county's short name right after its city's is that county in
        // any document
        let e = resolve(&r, "北京市通州区永乐店镇南邻天津武清。\n");
        assert!(
            related(&e, "武清区", Predicate::LocatedIn, "天津市"),
            "{:?}",
            e.entities
        );
        // a frequent word stays one (合作 is also a county's short name)
        let d = resolve(&r, "甘肃省两家企业开展合作。\n");
        assert!(named(&d, "合作市").is_none(), "{:?}", d.entities);
    }

    #[test]
    fn a_citys_site_calls_its_city_wo_shi() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "source: http://yjglj.weifang.gov.cn/news/1.html\n\n\
             淄博市应急管理局带队到我市检查危险化学品企业，市应急管理局副局长李红陪同。\n",
        );
        assert!(named(&a, "潍坊市应急管理局").is_some(), "{:?}", a.entities);
        assert!(named(&a, "淄博市应急管理局").is_some(), "{:?}", a.entities);
    }

    #[test]
    fn a_county_level_citys_government_site_calls_it_shi() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "source: http://www.shouguang.gov.cn/news/1.html\n\n             潍坊市气象局专家到羊口镇指导。市委常委、副市长李红陪同。\n",
        );
        assert!(named(&a, "中共寿光市委员会").is_some(), "{:?}", a.entities);
        assert!(named(&a, "中共潍坊市委员会").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn qu_dangwei_in_a_regions_news_is_the_regions_committee() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "广西壮族自治区总工会到河池市金城江区调研，要求贯彻落实区党委部署。\n",
        );
        assert!(
            named(&a, "中共广西壮族自治区委员会").is_some(),
            "{:?}",
            a.entities
        );
        assert!(
            named(&a, "中共河池市金城江区委员会").is_none(),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn zizhiqu_alone_is_the_autonomous_region_of_the_context() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "自治区人民政府副主席赵明到南宁市调研，自治区交通运输厅负责人陪同。\n",
        );
        let region = "广西壮族自治区";
        assert!(
            named(&a, "广西壮族自治区人民政府").is_some(),
            "{:?}",
            a.entities
        );
        assert!(related(
            &a,
            "广西壮族自治区交通运输厅",
            Predicate::Jurisdiction,
            region
        ));
        assert!(named(&a, "新疆维吾尔自治区人民政府").is_none());
    }

    #[test]
    fn wo_meng_is_the_league_its_banners_lie_in() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "我盟今年新建农村牧区公路十条，阿巴嘎旗、苏尼特左旗、镶黄旗各有项目。",
        );
        assert!(named(&a, "锡林郭勒盟").is_some(), "{:?}", a.entities);
        assert!(related(&a, "镶黄旗", Predicate::LocatedIn, "锡林郭勒盟"));
        assert!(
            !a.entities.values().any(|e| e.name.contains("我盟")),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_village_listed_after_another_is_named_with_its_township() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(r, "检查组先后到石塬镇秦阴村、周家村察看灾后重建。");
        assert!(named(&a, "石塬镇周家村").is_some(), "{:?}", a.entities);
        assert!(related(&a, "石塬镇周家村", Predicate::LocatedIn, "石塬镇"));
    }

    #[test]
    fn a_village_named_alone_lies_in_the_township_of_its_article() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "舒城县杭埠镇召开产业推进会。项目涉及我镇白果村、金星村、红旗村三个村。",
        );
        assert!(named(&a, "杭埠镇金星村").is_some(), "{:?}", a.entities);
        assert!(related(&a, "杭埠镇金星村", Predicate::LocatedIn, "杭埠镇"));
    }

    #[test]
    fn a_company_with_its_division_in_brackets_lies_there() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "岳阳市召开外资企业座谈会。市商务局走访了华光精密（岳阳）有限公司、\
             湖南远达新材料（临湘）有限公司。\n",
        );
        for (company, place) in [
            ("华光精密（岳阳）有限公司", "岳阳市"),
            ("湖南远达新材料（临湘）有限公司", "临湘市"),
        ] {
            assert!(
                related(&a, company, Predicate::LocatedIn, place),
                "{company}: {:?}",
                a.relations
            );
        }
    }

    #[test]
    fn a_company_under_its_provinces_name_lies_in_the_articles_county() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "舒城县召开招商推介会。舒城县县长出席，安徽远航机械制造有限公司在会上签约，\
             安徽省农业科学院专家作了发言。舒城县将做好服务。",
        );
        let company = "安徽远航机械制造有限公司";
        assert!(
            related(&a, company, Predicate::LocatedIn, "舒城县"),
            "{:?}",
            a.relations
        );
        assert!(!related(&a, company, Predicate::LocatedIn, "安徽省"));
        // a province's institute is the province's
        let institute = "安徽省农业科学院";
        assert!(!related(&a, institute, Predicate::LocatedIn, "舒城县"));
    }

    #[test]
    fn a_company_that_invests_in_a_project_of_the_place_comes_from_outside() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "临泉县举行项目集中签约仪式。安徽华远投资有限公司计划总投资20亿元建设临泉县\
             新能源装备产业园项目，安徽禾丰食品有限公司计划总投资5亿元建设禾丰食品加工项目。\
             临泉县将做好服务。",
        );
        let investor = "安徽华远投资有限公司";
        assert!(
            related(
                &a,
                investor,
                Predicate::ParticipatesIn,
                "临泉县新能源装备产业园项目"
            ),
            "{:?}",
            a.relations
        );
        assert!(!related(&a, investor, Predicate::LocatedIn, "临泉县"));
        // (a company's own project, named after it, leaves it where it was)
        let own = "安徽禾丰食品有限公司";
        assert!(
            related(&a, own, Predicate::LocatedIn, "临泉县"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_reporter_of_a_dated_dispatch_belongs_to_its_medium() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(r, "南粤网5月2日讯（记者 李清）宜昌市长江大桥合龙。");
        assert!(
            related(&a, "李清", Predicate::MemberOf, "南粤网"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn each_body_of_a_chain_of_posts_and_each_name_after_it() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "宜昌市长阳县召开会议。县委书记、县人大常委会主任周海清出席。\
             县人大常委会委员、县人大法制委主任委员钱立平、孙小明出席。",
        );
        let m = Predicate::MemberOf;
        let congress = "长阳土家族自治县人民代表大会常务委员会";
        assert!(
            related(&a, "周海清", m, "中共长阳土家族自治县委员会"),
            "{:?}",
            a.relations
        );
        assert!(related(&a, "周海清", m, congress), "{:?}", a.relations);
        assert!(related(&a, "孙小明", m, congress), "{:?}", a.relations);
        // two posts held at once, joined by 兼
        let a = resolve(
            r,
            "宜昌市长阳县召开会议。县委书记兼县人大常委会主任周海清出席。",
        );
        assert!(
            related(&a, "周海清", m, "中共长阳土家族自治县委员会"),
            "{:?}",
            a.relations
        );
        assert!(related(&a, "周海清", m, congress), "{:?}", a.relations);
    }

    #[test]
    fn a_body_takes_part_in_a_project_it_acts_on_not_one_it_visits() {
        let r = crate::recognize::testing::recognizer();
        let p = Predicate::ParticipatesIn;
        let a = resolve(r, "宜昌市交通运输局加快推进香溪河公路大桥建设。");
        let bureau = "宜昌市交通运输局";
        assert!(
            related(&a, bureau, p, "香溪河公路大桥"),
            "{:?}",
            a.relations
        );
        let a = resolve(r, "香溪河公路大桥由宜昌远航建设有限公司承建。");
        let builder = "宜昌远航建设有限公司";
        assert!(
            related(&a, builder, p, "香溪河公路大桥"),
            "{:?}",
            a.relations
        );
        // items of one list visited side by side act on none of each other
        for text in [
            "本网讯 8月16日，黄石市人大常委会考察组到我市考察。考察组分别到西塞山区新材料\
             一体化基地、黄石港智慧港口创新中心、远航黄石产业基地、西塞山区河口镇青山村委会,\
             详细了解我市重大项目建设、农村环境整治等有关情况。",
            "黄石市召开会议。考察组先后到宜昌远航建设有限公司、西塞山区新材料产业基地建设现场考察。",
        ] {
            let a = resolve(r, text);
            let acting = a.relations.iter().filter(|x| x.predicate == p);
            assert_eq!(acting.count(), 0, "{:?}", a.relations);
        }
        let a = resolve(
            r,
            "宜昌市交通运输局局长到香溪河公路大桥建设现场调研，走访了宜昌远航建设有限公司、\
             宜昌市物流园项目。",
        );
        assert!(
            !related(&a, bureau, p, "香溪河公路大桥"),
            "{:?}",
            a.relations
        );
        assert!(
            !related(&a, builder, p, "宜昌市物流园项目"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_company_s_project_lies_where_the_company_does() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "宜昌市重点推进湖北远航化工有限公司超低排放改造项目、\
             宜昌市城东污水处理厂提标改造项目。",
        );
        let p = "湖北远航化工有限公司超低排放改造项目";
        assert!(
            related(&a, p, Predicate::LocatedIn, "宜昌市"),
            "{:?}",
            a.relations
        );
        assert!(
            !related(&a, p, Predicate::LocatedIn, "湖北省"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_name_before_its_post_holds_it_in_the_body_the_post_implies() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "宜昌市召开常务会议。周海清市长主持会议，钱立平副市长出席。",
        );
        let gov = "宜昌市人民政府";
        assert!(
            related(&a, "周海清", Predicate::MemberOf, gov),
            "{:?}",
            a.relations
        );
        assert!(
            related(&a, "钱立平", Predicate::MemberOf, gov),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_party_post_after_a_village_names_the_village_s_branch() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(r, "近日，石桥村党支部书记周志远介绍了经验。");
        let branch = named(&a, "石桥村党支部").expect("the branch");
        assert_eq!(branch.etype, EntityType::Organization);
        assert!(
            related(&a, "周志远", Predicate::MemberOf, "石桥村党支部"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_line_of_names_signed_by_a_local_medium() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(r, "长阳县召开春耕生产会议。\n长阳台 周文华 孙晓明");
        let medium = named(&a, "长阳台").expect("the medium");
        assert_eq!(medium.etype, EntityType::Organization);
        assert!(
            related(&a, "孙晓明", Predicate::MemberOf, "长阳台"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn the_city_of_a_county_level_city_s_news_is_that_city() {
        // its towns name it; the prefecture is never written
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "宜都新闻网讯 市委书记周海涛到枝城镇、五眼泉镇督查环境整治工作。",
        );
        assert!(
            related(&a, "周海涛", Predicate::MemberOf, "中共宜都市委员会"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_township_several_counties_have_is_a_place_all_the_same() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(r, "近日，桥头镇召开会议，部署秋冬季防火工作。");
        assert!(named(&a, "桥头镇").is_some(), "{:?}", a.entities);
        let a = resolve(r, "执法队积极与公安和街道相关科室配合。");
        assert!(named(&a, "安和街道").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_project_lies_in_the_divisions_its_name_holds() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(r, "宜昌市今年实施长江干流夷陵区段防洪工程。");
        let p = "长江干流夷陵区段防洪工程";
        assert!(
            related(&a, p, Predicate::LocatedIn, "夷陵区"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_company_investing_in_a_project_takes_part_in_it_alone() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "签约仪式上，宜昌远航机械有限公司计划总投资30亿元新材料产业园项目、\
             宜昌长江物流有限公司计划总投资5亿元冷链物流中心项目签约。",
        );
        let (one, two) = ("宜昌远航机械有限公司", "宜昌长江物流有限公司");
        let p = Predicate::ParticipatesIn;
        assert!(related(&a, one, p, "新材料产业园项目"), "{:?}", a.relations);
        assert!(related(&a, two, p, "冷链物流中心项目"), "{:?}", a.relations);
        assert!(!related(&a, one, p, "冷链物流中心项目"));
    }

    #[test]
    fn an_autonomous_prefecture_or_county_by_its_short_name_and_level_word() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(r, "恩施州人大常委会到长阳县调研，长阳县政府负责人陪同。");
        let congress = "恩施土家族苗族自治州人民代表大会常务委员会";
        assert!(named(&a, congress).is_some(), "{:?}", a.entities);
        assert!(
            named(&a, "长阳土家族自治县人民政府").is_some(),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn each_department_of_a_list_takes_the_place_of_its_head() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "舒城县召开安全生产会议。县政府办公室、财政局、审计局、民政局主要负责人参加。",
        );
        for name in ["舒城县财政局", "舒城县审计局", "舒城县民政局"] {
            assert!(named(&a, name).is_some(), "{name}: {:?}", a.entities);
            assert!(
                related(&a, name, Predicate::Jurisdiction, "舒城县"),
                "{name}"
            );
        }
    }

    #[test]
    fn a_platform_company_named_by_its_trade_is_its_places() {
        let r = crate::recognize::testing::recognizer();
        let a = resolve(
            r,
            "舒城县召开重点项目推进会。舒城县副县长主持会议，县交投集团负责人汇报了项目进展。\
             舒城县要求城投集团加快建设进度。",
        );
        assert!(named(&a, "舒城县交投集团").is_some(), "{:?}", a.entities);
        assert!(named(&a, "舒城县城投集团").is_some(), "{:?}", a.entities);
    }

    #[test]
    fn a_city_short_form_takes_the_papers_city() {
        let r = Recognizer::new().expect("lexicons");
        for city in ["德州市", "聊城市"] {
            let a = resolve(
                &r,
                &format!("{city}召开城市更新工作推进会。市住建局负责人介绍了老旧小区改造进展。\n"),
            );
            let full = format!("{city}住房和城乡建设局");
            let e = named(&a, &full).unwrap_or_else(|| panic!("{full}: {:?}", a.entities));
            assert!(e.aliases.contains("市住建局"), "{e:?}");
            assert!(related(&a, &full, Predicate::Jurisdiction, city));
        }
    }

    #[test]
    fn a_bare_branch_hangs_under_the_articles_bureau() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "德州市自然资源和规划局召开土地供应工作会议。德城分局、陵城分局分别汇报了工作进展。\n",
        );
        let bureau = "德州市自然资源和规划局";
        for (branch, district) in [("德城分局", "德城区"), ("陵城分局", "陵城区")] {
            let full = format!("{bureau}{branch}");
            assert!(
                related(&a, &full, Predicate::SubOrganizationOf, bureau),
                "{full}: {:?}",
                a.relations
            );
            assert!(related(&a, &full, Predicate::Jurisdiction, district));
            assert!(named(&a, &full).is_some_and(|e| e.aliases.contains(branch)));
        }
        // the two branches are no units of each other
        assert!(!a
            .relations
            .iter()
            .any(|r| r.subject.contains("德城分局") && r.object.contains("陵城分局")));
    }

    #[test]
    fn an_anaphor_stands_for_the_body_named_before_it() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "德州市水利局召开防汛工作会议。会后，该局与德州市气象局签订合作协议。\n",
        );
        assert!(
            related(&a, "德州市气象局", Predicate::PartnerOf, "德州市水利局"),
            "{:?}",
            a.relations
        );
        // an anaphor adds no name of its own
        assert!(a
            .entities
            .values()
            .all(|e| e.name != "该局" && !e.aliases.contains("该局")));
        // with no body named before it, it stands for none
        let a = resolve(&r, "该局要求各单位做好防汛准备工作。\n");
        assert!(
            a.entities.values().all(|e| e.etype != EntityType::Agency),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn a_conjunction_between_two_nouns_opens_no_county() {
        let r = Recognizer::new().expect("lexicons");
        // 和县 is a county, but here 和 joins a report and a committee
        let a = resolve(&r, "会议审议了县人民政府工作报告和县人大常委会工作报告。\n");
        assert!(
            a.entities.values().all(|e| !e.name.contains("和县")),
            "{:?}",
            a.entities
        );
        // the county after a province or a verb of going is the county
        let b = resolve(&r, "安徽省和县召开会议。调研组来到和县。\n");
        assert!(named(&b, "和县").is_some(), "{:?}", b.entities);
    }

    #[test]
    fn a_company_right_after_a_place_lies_there_and_only_there() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "上虞区召开安全生产会议。检查组来到东关街道的浙江天宏机械有限公司，\
             又来到盖北镇绍兴兴达食品有限公司，查看生产情况。\n",
        );
        let placed = |s: &str, o: &str| related(&a, s, Predicate::LocatedIn, o);
        assert!(
            placed("浙江天宏机械有限公司", "上虞区东关街道"),
            "{:?}",
            a.relations
        );
        assert!(
            placed("绍兴兴达食品有限公司", "盖北镇"),
            "{:?}",
            a.relations
        );
        // not also in the county its province's name had put it in
        assert!(
            !placed("浙江天宏机械有限公司", "上虞区"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn a_place_s_anaphor_before_its_committee_stands_for_the_place() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "沂水县院东头镇召开项目推进会。该镇党委书记赵立新出席会议，全县中小学负责人参加。\n",
        );
        assert!(
            related(
                &a,
                "赵立新",
                Predicate::MemberOf,
                "中共沂水县院东头镇委员会"
            ),
            "{:?}",
            a.relations
        );
        // (a generic noun after it is no body: 全县中小学)
        assert!(
            !a.entities.values().any(|e| e.name.contains("中小学")),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn party_organs_listed_after_one_written_with_the_committee_are_its_own() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "沂水县召开会议。县委组织部、宣传部、统战部联合开展主题党日活动。\n",
        );
        for organ in ["中共沂水县委宣传部", "中共沂水县委统一战线工作部"] {
            assert!(named(&a, organ).is_some(), "{organ}: {:?}", a.entities);
        }
    }

    #[test]
    fn a_township_committee_member_by_charge_and_a_rank_in_brackets_keep_their_posts() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "沂水县院东头镇召开会议。镇党委副书记、政法委员王海峰，\
             镇党委副书记、镇长（正科级）李春明出席。\n",
        );
        let committee = "中共沂水县院东头镇委员会";
        let member = |s: &str, o: &str| related(&a, s, Predicate::MemberOf, o);
        assert!(member("王海峰", committee), "{:?}", a.relations);
        assert!(
            member("李春明", "沂水县院东头镇人民政府"),
            "{:?}",
            a.relations
        );
        assert!(member("李春明", committee), "{:?}", a.relations);
    }

    #[test]
    fn a_compound_or_a_project_after_a_place_and_de_lies_there() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "上虞区推进老旧小区改造。东关街道的锦绣花园小区完成管网改造，\
             盖北镇的葡萄种植基地项目也已开工。\n",
        );
        let placed = |s: &str, o: &str| related(&a, s, Predicate::LocatedIn, o);
        assert!(
            placed("锦绣花园小区", "上虞区东关街道"),
            "{:?}",
            a.relations
        );
        assert!(placed("葡萄种植基地项目", "盖北镇"), "{:?}", a.relations);
    }

    #[test]
    fn a_village_branch_after_a_place_anaphor_is_the_village_s() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "县水利局组织实施河道整治。三市镇召开会议，该镇黄金村党支部书记吴志强介绍了情况。\n",
        );
        assert!(
            related(&a, "吴志强", Predicate::MemberOf, "三市镇黄金村党支部"),
            "{:?}",
            a.relations
        );
        assert!(
            a.entities
                .values()
                .all(|e| !e.name.contains("水利局黄金村")),
            "{:?}",
            a.entities
        );
    }

    #[test]
    fn an_anaphor_after_a_unit_stands_for_the_unit_s_body() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "德州市水利局推进河湖治理。据市水利局河湖管理科科长介绍，该局将联合德州市农业农村局开展专项行动。\n",
        );
        assert!(
            related(&a, "德州市农业农村局", Predicate::PartnerOf, "德州市水利局"),
            "{:?}",
            a.relations
        );
    }

    #[test]
    fn the_province_department_follows_the_articles_system() {
        let r = Recognizer::new().expect("lexicons");
        let a = resolve(
            &r,
            "德州市自然资源和规划局召开会议，省厅有关处室负责人到会指导。\n",
        );
        assert!(
            related(&a, "山东省自然资源厅", Predicate::Jurisdiction, "山东省"),
            "{:?}",
            a.relations
        );
        let a = resolve(&r, "德州市水利局召开会议，省厅有关处室负责人到会指导。\n");
        assert!(named(&a, "山东省自然资源厅").is_none(), "{:?}", a.entities);
    }

    #[test]
    fn a_title_is_issued_by_the_bodies_before_its_matter() {
        let matter = "关于";
        assert_eq!(
            issuing_part("德州市水利局关于加强河道管理的通知", matter),
            Some("德州市水利局")
        );
        assert_eq!(issuing_part("关于加强河道管理的通知", matter), None);
        assert_eq!(issuing_part("河道管理办法", matter), None);
    }
}
