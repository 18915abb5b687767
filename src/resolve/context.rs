//! The context model: which city, district and bureau a document and each
//! of its articles are about, computed from the divisions and agencies they
//! name explicitly; used to expand short forms and pick among same-named
//! divisions (a 新华街道 exists in many cities).

use std::collections::BTreeMap;

use crate::lexicon::{HashMap, HashSet};

use super::{dept_name, ArticleContext, Bureau};
use crate::lexicon::{DeptKind, HostName, Level};
use crate::recognize::{is_medium_name, Chain, Link, Mention, MentionKind, Recognizer};
use crate::text::Document;

/// Document-level context.
#[derive(Debug, Clone, Default)]
pub(crate) struct DocContext {
    /// The document's city (prefecture), if any.
    pub(crate) city: Option<usize>,
    /// The document's province.
    pub(crate) province: Option<usize>,
    /// The dominant county/district of the whole document, if one is.
    pub(crate) county: Option<usize>,
    /// The county the document is clearly about (most of its county
    /// mentions, at least three).
    pub(crate) home_county: Option<usize>,
    /// The city the level word 市 stands for where it is not the city the
    /// text names most: the county-level city the document is about (市委
    /// in a county-level city's own news is that city's committee, not its
    /// prefecture's), or the city of the government site that publishes
    /// it when the text calls that city 我市.
    pub(crate) county_city: Option<usize>,
    /// Scope for entities without a unique name (the city's code).
    pub(crate) scope: String,
    /// Divisions the document mentions (resolved).
    pub(crate) mentioned: HashSet<usize>,
    /// The bureau that dominates the document.
    pub(crate) bureau: Option<Bureau>,
    /// The bureau whose government site publishes the document, if its
    /// address names one (zrzyj.anshan.gov.cn).
    pub(crate) published: Option<Bureau>,
    /// Full agency names written in the document.
    pub(crate) known: Vec<String>,
    /// Full document titles (《》) of the document.
    pub(crate) titles: Vec<String>,
    /// Local units (communities, villages) by their own name → the name
    /// with the town or county written before them somewhere in the
    /// document (龙泉社区 → 河西街道龙泉社区).
    pub(crate) local_names: HashMap<String, String>,
    /// Per-article division counts.
    art_counts: Vec<BTreeMap<usize, usize>>,
    /// Every division that a place name of the document may stand for.
    named_cands: HashSet<usize>,
}

/// The weight of the publishing site's place among the places a document
/// names: as much as two mentions, so that a text naming another place
/// once in passing stays the site's, and one naming another place
/// throughout is that place's.
const SITE_VOTES: usize = 2;

/// Votes for the bureau of a document: (rank, name) → (votes, bureau).
type BureauVotes = BTreeMap<(u8, String), (usize, Bureau)>;

fn first_unique(cands: &[usize]) -> Option<usize> {
    (cands.len() == 1).then(|| cands[0])
}

impl DocContext {
    /// Builds the context of a document from its mentions: its city and
    /// province, its county, the place of the site that publishes it, the
    /// divisions it mentions, its bureaus, known full names and titles, and
    /// the full names of its local units.
    pub(crate) fn build(r: &Recognizer, doc: &Document, mentions: &[Vec<Mention>]) -> DocContext {
        let mut ctx = DocContext::default();
        // the site that publishes a document is most often its home's
        let site = doc.source_url.as_deref().and_then(|u| {
            let text: String = doc.articles.iter().map(|a| a.text.as_str()).collect();
            site_of(r, u, &text)
        });
        let site_place = site.as_ref().and_then(|s| s.place);
        let city_votes = ctx.count_divisions(r, mentions, site_place);
        // (of cities named as often, the site's)
        let site_city = site_place.and_then(|p| ctx_ancestor(r, p, Level::City));
        ctx.city = city_votes
            .iter()
            .max_by_key(|(i, n)| (**n, Some(**i) == site_city, std::cmp::Reverse(**i)))
            .map(|(i, _)| *i);
        ctx.province = ctx
            .city
            .and_then(|c| ctx_ancestor(r, c, Level::Province))
            .or_else(|| ctx.voted_province(r));
        ctx.read_county(r, mentions, site_place);
        ctx.county_city = county_city(r, mentions);
        if ctx.city.is_none() {
            ctx.city = ctx.county.and_then(|c| ctx_ancestor(r, c, Level::City));
        }
        // a document whose text names no city is about the place of the
        // government site that publishes it
        if let Some(p) = site_place {
            ctx.read_site_place(r, p);
            // a city's site calls its city 我市 even where the text names
            // another one (儋州市应急管理局…对我市企业开展检查), and the
            // government site of a county-level city calls it 市 (市委常委)
            let county_city_site =
                site.as_ref().is_some_and(|s| s.gov) && r.lex.divisions[p].level == Level::County;
            if is_city_like(r, p) && (county_city_site || says_my_city(r, mentions)) {
                ctx.county_city = Some(p);
            }
        }
        ctx.scope = ctx
            .city
            .or(ctx.province)
            .map(|i| r.lex.divisions[i].code.clone())
            .unwrap_or_default();
        ctx.read_mentioned(r, mentions);
        let bureau_votes = ctx.read_bodies(r, mentions);
        ctx.read_local_names(r, mentions);
        let voted = bureau_votes
            .iter()
            .min_by_key(|((rank, name), (n, _))| (*rank, std::cmp::Reverse(*n), name.clone()))
            .map(|(_, (n, b))| (*n, b.clone()));
        ctx.published = site.as_ref().and_then(|s| s.bureau(r, ctx.city));
        ctx.bureau = ctx.prefer_published(voted, bureau_votes.keys().map(|k| &k.1));
        ctx
    }

    /// Counts the divisions each article names unambiguously (short county
    /// names only when unambiguous words) and returns their votes for
    /// their city. The place of the publishing site counts as
    /// [`SITE_VOTES`] mentions in every article.
    fn count_divisions(
        &mut self,
        r: &Recognizer,
        mentions: &[Vec<Mention>],
        site: Option<usize>,
    ) -> BTreeMap<usize, usize> {
        let lx = &r.lex;
        let mut city_votes: BTreeMap<usize, usize> = BTreeMap::new();
        for ms in mentions {
            let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
            if let Some(p) = site {
                counts.insert(p, SITE_VOTES);
                if let Some(c) = ctx_ancestor(r, p, Level::City) {
                    *city_votes.entry(c).or_default() += SITE_VOTES;
                }
            }
            for m in ms {
                let refs = division_refs(m);
                // (a medium's name holds its place's name, short or not:
                // 福鼎新闻网)
                let medium = !refs.is_empty() && is_medium_name(r, &m.text);
                for pr in refs {
                    self.named_cands.extend(pr.cands.iter().copied());
                    // (a township-level park of a generic name, 新材料产业园,
                    // is that park only in its own city's news: it casts no
                    // vote for the city, see `pick_ref`)
                    if let Some(i) = first_unique(&pr.cands)
                        .filter(|&i| !pr.short || medium || lx.divisions[i].level <= Level::City)
                        .filter(|&i| pr.short || !r.generic_townships(&[i]))
                    {
                        *counts.entry(i).or_default() += 1;
                        if let Some(c) = ctx_ancestor(r, i, Level::City) {
                            *city_votes.entry(c).or_default() += 1;
                        }
                    }
                }
            }
            self.art_counts.push(counts);
        }
        city_votes
    }

    /// The province of a document about a province only: the one its
    /// divisions lie in most.
    fn voted_province(&self, r: &Recognizer) -> Option<usize> {
        let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
        for counts in &self.art_counts {
            for (&i, &n) in counts {
                if let Some(p) = ctx_ancestor(r, i, Level::Province) {
                    *votes.entry(p).or_default() += n;
                }
            }
        }
        votes.into_iter().max_by_key(|(_, n)| *n).map(|(i, _)| i)
    }

    /// The dominant county, counting also names that several divisions
    /// carry, read inside the document's city (城区); and the county the
    /// document is clearly about.
    fn read_county(&mut self, r: &Recognizer, mentions: &[Vec<Mention>], site: Option<usize>) {
        let lx = &r.lex;
        let mut county_votes: BTreeMap<usize, usize> = BTreeMap::new();
        if let Some(c) = site.and_then(|p| ctx_ancestor(r, p, Level::County)) {
            county_votes.insert(c, SITE_VOTES);
        }
        for m in mentions.iter().flatten() {
            for pr in division_refs(m) {
                let i = match first_unique(&pr.cands) {
                    Some(i) if !pr.short || lx.divisions[i].level <= Level::City => Some(i),
                    _ => self.city.and_then(|city| {
                        let inside: Vec<usize> = (pr.cands.iter().copied())
                            .filter(|&c| lx.is_within(c, city))
                            .collect();
                        (inside.len() == 1).then(|| inside[0])
                    }),
                };
                if let Some(c) = i.and_then(|i| ctx_ancestor(r, i, Level::County)) {
                    *county_votes.entry(c).or_default() += 1;
                }
            }
        }
        let total: usize = county_votes.values().sum();
        // (a text that calls its place 我县 or 全县 is a county's news: its
        // dominant county is its home with fewer names; so is one that says
        // 我区 or 全区 outside an autonomous region, where it is the region)
        let pw = &r.lex.words.places;
        let region = self.province.is_some_and(|p| is_region(r, p));
        let says_county = says_home(r, mentions, &pw.county_suffix)
            || !region && says_home(r, mentions, &pw.district_suffix);
        let least = if says_county { 2 } else { 3 };
        if let Some((&c, &n)) = county_votes.iter().max_by_key(|(_, n)| **n) {
            if n * 2 > total || self.city.is_none() {
                self.county = Some(c);
            }
            if n >= least && n * 3 >= total * 2 {
                self.home_county = Some(c);
            }
        }
    }

    /// The place of the site that publishes the document stands for the
    /// city (and county) a text that names none is about, and its province.
    fn read_site_place(&mut self, r: &Recognizer, p: usize) {
        if self.city.is_none() && self.county.is_none() {
            self.city = ctx_ancestor(r, p, Level::City);
            if r.lex.divisions[p].level == Level::County {
                self.county = Some(p);
            }
        }
        if self.province.is_none() {
            self.province = ctx_ancestor(r, p, Level::Province);
        }
    }

    /// The divisions the document mentions, resolved with the context.
    fn read_mentioned(&mut self, r: &Recognizer, mentions: &[Vec<Mention>]) {
        for (ai, ms) in mentions.iter().enumerate() {
            let actx = self.base_article(r, ai);
            for m in ms {
                for pr in division_refs(m) {
                    if let Some(i) = self.pick_ref(r, &pr, &actx) {
                        self.mentioned.insert(i);
                    }
                }
            }
        }
    }

    /// The bureaus the document names, with their votes by rank (a city's
    /// bureau first, then a province's, a county's, a township's); the
    /// full agency names and the titles it writes.
    fn read_bodies(&mut self, r: &Recognizer, mentions: &[Vec<Mention>]) -> BureauVotes {
        let mut bureau_votes: BureauVotes = BTreeMap::new();
        for (ai, ms) in mentions.iter().enumerate() {
            let actx = self.base_article(r, ai);
            for m in ms {
                match &m.kind {
                    MentionKind::Chain(c) => {
                        if let Some((b, fulls)) = self.chain_bureau(r, c, &actx) {
                            let level = (b.place)
                                .map(|p| r.lex.divisions[p].level)
                                .unwrap_or(Level::Town);
                            let rank = match level {
                                Level::Province => 1,
                                Level::City => 0,
                                Level::County => 2,
                                Level::Town => 3,
                            };
                            let e = bureau_votes.entry((rank, b.name.clone())).or_insert((0, b));
                            e.0 += 1;
                            for full in fulls {
                                if !self.known.contains(&full) {
                                    self.known.push(full);
                                }
                            }
                        }
                    }
                    MentionKind::Document { title } if !self.titles.contains(title) => {
                        self.titles.push(title.clone());
                    }
                    _ => {}
                }
            }
        }
        bureau_votes
    }

    /// Local units written with the town or county before them
    /// (河西街道龙泉社区), by their own name.
    fn read_local_names(&mut self, r: &Recognizer, mentions: &[Vec<Mention>]) {
        let lx = &r.lex;
        for m in mentions.iter().flatten() {
            if let MentionKind::Named {
                etype: crate::EntityType::Place,
                name,
                place: Some(p),
            } = &m.kind
            {
                let core = name.trim_start_matches(p.text.as_str());
                let lower = (p.cands.iter()).all(|&c| lx.divisions[c].level >= Level::County);
                if lower && core != name && super::is_local_unit(&lx.words.places, core) {
                    self.local_names
                        .entry(core.to_string())
                        .or_insert_with(|| name.clone());
                }
            }
            // (or a village's own body named after its township: 某镇某村
            // 股份经济合作社 names 某村 as 某镇某村)
            if let MentionKind::Named {
                etype: crate::EntityType::Organization,
                name,
                place: Some(p),
            } = &m.kind
            {
                let town = (p.cands.iter()).all(|&c| lx.divisions[c].level == Level::Town);
                let core = name.strip_prefix(p.text.as_str()).filter(|_| town);
                if let Some(unit) = core.and_then(|c| local_unit_opening(lx, c)) {
                    self.local_names
                        .entry(unit.to_string())
                        .or_insert_with(|| format!("{}{unit}", p.text));
                }
            }
        }
    }

    fn base_article(&self, r: &Recognizer, ai: usize) -> ArticleContext {
        let counts = &self.art_counts[ai];
        let pick_level = |lv: Level| -> Option<usize> {
            let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
            for (&i, &n) in counts {
                if let Some(a) = ctx_ancestor(r, i, lv) {
                    if self.city.is_none()
                        || lv == Level::City
                        || ctx_ancestor(r, a, Level::City) == self.city
                    {
                        *votes.entry(a).or_default() += n;
                    }
                }
            }
            votes
                .into_iter()
                .max_by_key(|(i, n)| (*n, std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        };
        let city = self.city.or_else(|| pick_level(Level::City));
        let named_county = pick_level(Level::County);
        let county = named_county.or(self.county);
        let town = pick_level(Level::Town);
        ArticleContext {
            city,
            county,
            town,
            named_county,
            shi: self.county_city.or(city),
            bureau: None,
        }
    }

    /// The context of one article.
    pub(crate) fn article(
        &self,
        r: &Recognizer,
        ai: usize,
        ms: &[Mention],
        text: &str,
    ) -> ArticleContext {
        let mut a = self.base_article(r, ai);
        if let Some(t) = a.county.and_then(|c| town_with_namesakes(r, ms, c)) {
            a.town = Some(t);
        }
        if a.town.is_none() && says_own_town(ms) {
            a.town = short_town(r, &a, text);
        }
        let mut votes: BTreeMap<(u8, String), (usize, Bureau)> = BTreeMap::new();
        for m in ms {
            if let MentionKind::Chain(c) = &m.kind {
                if let Some((b, _)) = self.chain_bureau(r, c, &a) {
                    let rank = b.place.map(|p| r.lex.divisions[p].level as u8).unwrap_or(9);
                    let e = votes.entry((rank, b.name.clone())).or_insert((0, b));
                    e.0 += 1;
                }
            }
        }
        let voted = votes
            .iter()
            .max_by_key(|((rank, name), (n, _))| {
                (
                    *n,
                    std::cmp::Reverse(*rank),
                    std::cmp::Reverse(name.clone()),
                )
            })
            .map(|(_, (n, b))| (*n, b.clone()));
        a.bureau = self.prefer_published(voted, votes.keys().map(|k| &k.1));
        a
    }

    /// The bureau whose site publishes the document is the one it is about
    /// (局长… on zrzyj.anshan.gov.cn), unless the text keeps naming another
    /// one (three times or more) and never this one.
    fn prefer_published<'a>(
        &self,
        voted: Option<(usize, Bureau)>,
        mut named: impl Iterator<Item = &'a String>,
    ) -> Option<Bureau> {
        match (voted, &self.published) {
            (Some((n, b)), Some(p)) if n >= 3 && !named.any(|k| *k == p.name) => Some(b),
            (_, Some(p)) => Some(p.clone()),
            (v, None) => v.map(|(_, b)| b),
        }
    }

    /// The bureau (a department at a place) a chain names, with the chain's
    /// full names up to each of its branches and units.
    fn chain_bureau(
        &self,
        r: &Recognizer,
        c: &Chain,
        a: &ArticleContext,
    ) -> Option<(Bureau, Vec<String>)> {
        let Some(Link::Dept {
            canonical, kind, ..
        }) = c.links.first()
        else {
            return None;
        };
        let heads = &r.lex.words.organs.bureau_heads;
        if *kind != DeptKind::Gov || !heads.iter().any(|h| canonical.ends_with(h.as_str())) {
            return None;
        }
        let place = if let Some(last) = c.places.last() {
            self.pick_ref(r, last, a)?
        } else {
            let lv = c.level.and_then(crate::recognize::chain::level_of)?;
            match lv {
                Level::City => a.shi?,
                Level::County => a.county?,
                _ => return None,
            }
        };
        let base = prefix_name(r, place);
        let name = dept_name(&r.lex.words.organs, &base, canonical, *kind);
        // (each level's full name: a branch written with its station
        // names the branch too, 某局某分局某派出所 → 某局某分局)
        let mut full = name.clone();
        let mut fulls = Vec::new();
        for l in &c.links[1..] {
            match l {
                Link::Branch { text, .. } | Link::Unit { text } => {
                    full.push_str(text);
                    fulls.push(full.clone());
                }
                _ => break,
            }
        }
        if fulls.is_empty() {
            fulls.push(full);
        }
        Some((
            Bureau {
                name,
                dept: canonical.clone(),
                place: Some(place),
            },
            fulls,
        ))
    }

    /// Picks the division a written place stands for. A short name (寿光)
    /// of a county or township counts only inside the document's province.
    pub(crate) fn pick_ref(
        &self,
        r: &Recognizer,
        p: &crate::recognize::PlaceRef,
        a: &ArticleContext,
    ) -> Option<usize> {
        let i = self.pick(r, &p.cands, a)?;
        // a county or township of another province is far more often a
        // word that looks like one (北城区, 和县) than a place the article
        // is about
        // (a county's full name of three characters or more that no other
        // division carries is the place itself: 武山县, 筠连县)
        // (but not a direction and 城区: 东城区 is the east of any city;
        // nor a function word or verb of the triggers and a level word:
        // 会同 + 县水利局)
        let stem = p
            .text
            .char_indices()
            .last()
            .map_or("", |(k, _)| &p.text[..k]);
        let distinct = p.cands.len() == 1
            && r.lex.divisions[i].level == Level::County
            && p.text.chars().count() >= 3
            && !r.lex.place_terms.urban_area(&p.text)
            && !r.lex.triggers.contains_key(stem);
        if !p.short && !distinct && !self.confirmed(r, i) && r.lex.divisions[i].level > Level::City
        {
            if let Some(prov) = self.province {
                if !r.lex.is_within(i, prov) {
                    return None;
                }
            }
        }
        // a township-level unit named like a park or zone, without a
        // township's term (新材料产业园, 工业集中区), is that unit only in a
        // document about its own county or city: elsewhere it is some other
        // park (a county's news names the parks of its own county, not a
        // neighbour's park of the same generic name)
        if !p.short && r.generic_townships(&[i]) {
            let anchor = a.county.or(self.city).or(self.province)?;
            if !r.lex.is_within(i, anchor) {
                return None;
            }
        }
        // a short name that is an ordinary word as well (来宾 guests, 资源
        // resources, 胜利) names a place only in a document of its province
        if p.short && r.common_word(&p.text) {
            let prov = self.province?;
            if i != prov && !r.lex.is_within(i, prov) {
                return None;
            }
        }
        if p.short && r.lex.divisions[i].level > Level::City {
            // a short county name (寿光, 惠民) is read as a place only in a
            // document about its own city
            let anchor = self.city.or(self.province)?;
            if !r.lex.is_within(i, anchor) {
                return None;
            }
        }
        Some(i)
    }

    /// Whether the document names, besides the county or township `i`,
    /// a county or township inside it or around it (泗县 and 大路口镇, a
    /// town of it, whatever other towns share its name): two divisions
    /// that confirm each other are the places themselves, not words that
    /// look like them, whatever province the rest of the text names.
    fn confirmed(&self, r: &Recognizer, i: usize) -> bool {
        let lx = &r.lex;
        self.named_cands.iter().any(|&j| {
            j != i
                && lx.divisions[j].level > Level::City
                && (lx.is_within(j, i) || lx.is_within(i, j))
        })
    }

    /// Picks one division among candidates using the article's context.
    pub(crate) fn pick(
        &self,
        r: &Recognizer,
        cands: &[usize],
        a: &ArticleContext,
    ) -> Option<usize> {
        if cands.len() == 1 {
            return Some(cands[0]);
        }
        for anchor in [a.town, a.county, a.city, self.city, self.province]
            .into_iter()
            .flatten()
        {
            let inside: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&c| r.lex.is_within(c, anchor))
                .collect();
            if inside.len() == 1 {
                return Some(inside[0]);
            }
            if inside.len() > 1 {
                // the shallowest (a city rather than its namesake district)
                return inside.into_iter().min_by_key(|&c| r.lex.divisions[c].level);
            }
        }
        // a province or city name is unambiguous enough at its own level
        let top: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|&c| r.lex.divisions[c].level <= Level::City)
            .collect();
        (top.len() == 1).then(|| top[0])
    }

    /// The full name of a development zone of the document's city
    /// (高新技术产业开发区 → 潍坊高新技术产业开发区).
    pub(crate) fn zone_name(&self, r: &Recognizer, full: &str) -> Option<String> {
        Some(format!("{}{full}", short_name(r, self.city?)))
    }

    /// The ancestor of a division at a level.
    pub(crate) fn ancestor_at(&self, r: &Recognizer, idx: usize, lv: Level) -> Option<usize> {
        ctx_ancestor(r, idx, lv)
    }

    /// The province-level form of a department (自然资源和规划局 → 自然资源厅).
    pub(crate) fn province_dept(&self, r: &Recognizer, dept: &str) -> Option<String> {
        let organs = &r.lex.words.organs;
        let stem = organs
            .local_dept_heads
            .iter()
            .fold(dept, |s, h| s.trim_end_matches(h.as_str()));
        let head = organs.province_dept_head.as_str();
        let mut best: Option<String> = None;
        for d in r.lex.departments.values() {
            if d.canonical.ends_with(head) && d.levels.contains(&Level::Province) {
                let s = d.canonical.trim_end_matches(head);
                if stem.starts_with(s) && best.as_ref().is_none_or(|b| b.len() < d.canonical.len())
                {
                    best = Some(d.canonical.clone());
                }
            }
        }
        best
    }

    /// A known full agency name ending with `t` (a branch or unit name).
    pub(crate) fn known_ending(&self, t: &str) -> Option<&str> {
        self.known
            .iter()
            .filter(|k| k.ends_with(t) && k.len() > t.len())
            .min_by_key(|k| k.len())
            .map(String::as_str)
    }

    /// The full title a short title stands for (《条例》 → 聊城市文明行为促进条例),
    /// followed through titles that are short forms themselves (《实施办法》 →
    /// 责任规划师制度实施办法 → 聊城市责任规划师制度实施办法).
    pub(crate) fn doc_title(&self, t: &str) -> Option<String> {
        let longer = |t: &str| {
            self.titles
                .iter()
                .filter(|k| k.len() > t.len() && k.ends_with(t))
                .min_by_key(|k| k.len())
                .cloned()
        };
        let mut full = longer(t)?;
        while let Some(next) = longer(&full) {
            full = next;
        }
        Some(full)
    }

    /// A division by its code.
    pub(crate) fn division_by_code(&self, r: &Recognizer, code: &str) -> Option<usize> {
        r.lex.division_by_code.get(code).copied()
    }
}

/// What the host of a government site's address says of its publisher: the
/// division its labels name and the department in front
/// (zrzyj.anshan.gov.cn: the 自然资源局 of 鞍山市).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Site {
    /// The division the host names, if its labels name one unambiguously.
    pub(crate) place: Option<usize>,
    /// The department (canonical form) the host names, if one.
    pub(crate) dept: Option<String>,
    /// Whether the host is a government's (….gov.cn).
    pub(crate) gov: bool,
}

impl Site {
    /// The bureau the site belongs to: its department at its place, else at
    /// the document's city, where such a department exists at that level.
    fn bureau(&self, r: &Recognizer, city: Option<usize>) -> Option<Bureau> {
        let dept = self.dept.as_ref()?;
        let place = self.place.or(city)?;
        let exists = r.lex.departments.get(dept).is_some_and(|d| {
            d.kind == DeptKind::Gov && d.levels.contains(&r.lex.divisions[place].level)
        });
        exists.then(|| Bureau {
            name: dept_name(
                &r.lex.words.organs,
                &prefix_name(r, place),
                dept,
                DeptKind::Gov,
            ),
            dept: dept.clone(),
            place: Some(place),
        })
    }
}

/// Reads the host of a site's address. On a government host (`….gov.cn`)
/// each label that names one division at its shallowest level or one
/// department counts; a label that several divisions share counts for the
/// one the text writes (wushan: 武山县 in a text that names 武山, not
/// 巫山县). Any other host (a local paper's or portal's, yingcheng.net)
/// names a division only where the text writes it too, and no department.
/// Of several divisions, the deepest within all the others wins.
pub(crate) fn site_of(r: &Recognizer, url: &str, text: &str) -> Option<Site> {
    let rest = url.split_once("://").map_or(url, |(_, h)| h);
    let host = rest
        .split(['/', ':', '?', '#'])
        .next()?
        .to_ascii_lowercase();
    let (labels, gov) = match host.strip_suffix(".gov.cn") {
        Some(l) => (l, true),
        // the last label is the top-level domain (.com, .net, .cn)
        None => (host.rsplit_once('.').map_or("", |(l, _)| l), false),
    };
    let written = |i: usize| {
        let d = &r.lex.divisions[i];
        text.contains(d.name.as_str())
            || d.short.as_ref().is_some_and(|s| text.contains(s.as_str()))
    };
    let mut places: Vec<usize> = Vec::new();
    let mut dept = None;
    for label in labels.split('.') {
        // a local portal's label (chinahuaian, yidushi) names its place
        // whether or not the text writes it
        let (names, portal) = match r.lex.hosts.get(label) {
            Some(names) => (names, false),
            None => match portal_label(r, label).and_then(|l| r.lex.hosts.get(l)) {
                Some(names) => (names, true),
                None => continue,
            },
        };
        let (divs, depts) = host_names(names);
        if !divs.is_empty() && !depts.is_empty() {
            continue;
        }
        if let [d] = depts.as_slice() {
            dept = gov.then(|| (*d).clone());
        }
        let Some(top) = divs.iter().map(|&i| r.lex.divisions[i].level).min() else {
            continue;
        };
        let mut at_top: Vec<usize> = divs
            .into_iter()
            .filter(|&i| r.lex.divisions[i].level == top)
            .collect();
        if at_top.len() > 1 || !gov && !portal {
            at_top.retain(|&i| written(i));
        }
        if let [i] = at_top.as_slice() {
            places.push(*i);
        }
    }
    let place = match places.as_slice() {
        [] => None,
        _ => places
            .iter()
            .copied()
            .find(|&p| places.iter().all(|&q| r.lex.is_within(p, q))),
    };
    (place.is_some() || dept.is_some()).then_some(Site { place, dept, gov })
}

/// The place's label inside a local portal's host label: the label
/// without a romanized prefix (china) or suffix (shi, news) around it.
fn portal_label<'l>(r: &Recognizer, label: &'l str) -> Option<&'l str> {
    let pt = &r.lex.place_terms;
    let mut core = label;
    if let Some(p) = pt.host_prefix.iter().find(|p| core.starts_with(p)) {
        core = &core[p.len()..];
    }
    if let Some(s) = pt.host_suffix.iter().find(|s| core.ends_with(s)) {
        if !r.lex.hosts.contains_key(core) {
            core = &core[..core.len() - s.len()];
        }
    }
    (core != label && core.len() >= 4).then_some(core)
}

/// The divisions and the departments a host label names.
fn host_names(names: &[HostName]) -> (Vec<usize>, Vec<&String>) {
    let mut divs = Vec::new();
    let mut depts = Vec::new();
    for n in names {
        match n {
            HostName::Division(i) => divs.push(*i),
            HostName::Dept(d) => depts.push(d),
        }
    }
    (divs, depts)
}

/// The township an article in `county` names most, counting also the
/// names that townships elsewhere carry as well (扎西岗乡, 城关镇),
/// read inside the county; ties go to the one named first.
fn town_with_namesakes(r: &Recognizer, ms: &[Mention], county: usize) -> Option<usize> {
    let lx = &r.lex;
    // votes and the first mention of each township
    let mut votes: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for m in ms {
        for pr in division_refs(m) {
            let inside: Vec<usize> = (pr.cands.iter().copied())
                .filter(|&c| lx.is_within(c, county))
                .collect();
            let [i] = inside[..] else { continue };
            if let Some(t) = ctx_ancestor(r, i, Level::Town) {
                let v = votes.entry(t).or_insert((0, pr.start));
                v.0 += 1;
                v.1 = v.1.min(pr.start);
            }
        }
    }
    votes
        .into_iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
        .map(|(t, _)| t)
}

/// The ancestor of a division at a level (itself if it is at that level).
fn ctx_ancestor(r: &Recognizer, idx: usize, lv: Level) -> Option<usize> {
    let mut cur = Some(idx);
    let mut top = idx;
    while let Some(c) = cur {
        if r.lex.divisions[c].level == lv {
            return Some(c);
        }
        top = c;
        cur = r.lex.divisions[c].parent;
    }
    // a municipality (上海市) is its own city
    let t = &r.lex.divisions[top];
    let city = r.lex.words.places.city_suffix.as_str();
    (lv == Level::City && t.level == Level::Province && t.name.ends_with(city)).then_some(top)
}

/// The division of a prefix in a body's name (districts carry their city,
/// unless their name starts with it: 兰州新区; townships carry their
/// county: 剑阁县张王镇).
pub(crate) fn prefix_name(r: &Recognizer, idx: usize) -> String {
    let d = &r.lex.divisions[idx];
    let places = &r.lex.words.places;
    // a township's bodies carry their county (剑阁县张王镇人民政府, 拉萨市城关区
    // 八廓街道办事处): township names repeat from county to county
    if d.level == Level::Town {
        if let Some(p) = d.parent {
            // (a zone listed as a township named after its county or city
            // needs no more: 沭阳经济开发区, 赣州经济技术开发区)
            let zone = r.lex.is_zone_division(idx);
            let after_parent = |a: usize| d.name.starts_with(&short_name(r, a));
            if zone && (after_parent(p) || r.lex.divisions[p].parent.is_some_and(after_parent)) {
                return d.name.clone();
            }
            // (a name that carries its county already: 召陵区老窝镇)
            let own = d.name.strip_prefix(r.lex.divisions[p].name.as_str());
            return format!("{}{}", prefix_name(r, p), own.unwrap_or(&d.name));
        }
    }
    let city = places.city_suffix.as_str();
    if d.level == Level::County && d.name.ends_with(places.district_suffix.as_str()) {
        if let Some(p) = d.parent {
            let pd = &r.lex.divisions[p];
            let city_short = pd
                .short
                .as_deref()
                .unwrap_or(pd.name.trim_end_matches(city));
            if d.name.starts_with(city_short) {
                return r.lex.unique_name(idx);
            }
            if pd.level == Level::City || pd.level == Level::Province && pd.name.ends_with(city) {
                return format!("{}{}", pd.name, d.name);
            }
        }
    }
    r.lex.unique_name(idx)
}

/// The divisions a mention names.
/// Whether a division is a city: of prefecture level, or a county-level
/// city (…市).
fn is_city_like(r: &Recognizer, i: usize) -> bool {
    let d = &r.lex.divisions[i];
    d.level == Level::City
        || d.level == Level::County && d.name.ends_with(r.lex.words.places.city_suffix.as_str())
}

/// Whether the document calls a city its own (我市, 本市).
fn says_my_city(r: &Recognizer, mentions: &[Vec<Mention>]) -> bool {
    says_home(r, mentions, &r.lex.words.places.city_suffix)
}

/// Whether the document calls its own place by a home anaphor of the
/// level `level`: a home character and the level word (我市, 本县, 全县).
fn says_home(r: &Recognizer, mentions: &[Vec<Mention>], level: &str) -> bool {
    let glue = &r.lex.place_terms.home_glue;
    mentions.iter().flatten().any(|m| {
        matches!(&m.kind, MentionKind::Anaphor { word }
            if word.ends_with(level)
                && word.chars().count() == 1 + level.chars().count()
                && word.chars().next().is_some_and(|c| glue.has_char(c)))
    })
}

/// Whether a division is an autonomous region, whose own news names it by
/// its generic term (自治区) and calls it 我区 or 区.
pub(crate) fn is_region(r: &Recognizer, i: usize) -> bool {
    let name = &r.lex.divisions[i].name;
    r.lex
        .place_terms
        .self_name
        .iter()
        .any(|t| name.ends_with(t))
}

/// Whether an article names a body by the township's level word alone
/// (镇党委, 乡政府): it is a township's news.
fn says_own_town(ms: &[Mention]) -> bool {
    ms.iter().any(|m| {
        matches!(&m.kind, MentionKind::Chain(c)
            if c.places.is_empty()
                && c.level.and_then(crate::lexicon::level_of) == Some(Level::Town))
    })
}

/// The township whose name a township's news writes (孟河 in
/// 克服疫情对孟河经济的影响 …镇党委书记): the one township of the article's
/// county (else city) whose full name the text holds, else whose short
/// name, no ordinary word, it holds.
fn short_town(r: &Recognizer, a: &ArticleContext, text: &str) -> Option<usize> {
    let area = a.county.or(a.city)?;
    let lx = &r.lex;
    // (its own name written out first: 桥头镇, whose short name is a word)
    let mut full = (lx.towns_within(area)).filter(|&t| text.contains(&lx.divisions[t].name));
    if let (Some(t), None) = (full.next(), full.next()) {
        return Some(t);
    }
    let mut found = lx.towns_within(area).filter(|&t| {
        lx.divisions[t]
            .short
            .as_deref()
            .is_some_and(|s| s.chars().count() >= 2 && text.contains(s) && !r.common_word(s))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Whether the text calls its own place a county: 我县, or a body by the
/// level word alone (县委, 县政府). Such a text is a county's news, and a
/// county-level city it names (庐山 of a scenic area's name) is not the
/// place it is about.
fn says_own_county(r: &Recognizer, mentions: &[Vec<Mention>]) -> bool {
    let county = r.lex.words.places.county_suffix.as_str();
    let by_level = |m: &Mention| {
        matches!(&m.kind, MentionKind::Chain(c)
            if c.places.is_empty() && c.level.is_some_and(|l| county.starts_with(l)))
    };
    says_home(r, mentions, county) || mentions.iter().flatten().any(by_level)
}

/// The county-level city a document is about, if one is: the county-level
/// city it names most (by its full or its short name, or by its towns, at
/// least twice, or once as the name of a body of its own: 某某市委书记…),
/// when the document never names the city it belongs to and
/// names no city of prefecture level more often. (A prefecture's paper
/// names its county-level cities beside itself; a county-level city's own
/// news calls itself 我市 and 市, names its towns and seldom its
/// prefecture.)
fn county_city(r: &Recognizer, mentions: &[Vec<Mention>]) -> Option<usize> {
    let lx = &r.lex;
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    // (a medium named after a county-level city is that city's own, and
    // counts as its site does: 某某新闻网)
    let places = mentions.iter().flatten().flat_map(|m| {
        let refs = division_refs(m);
        let medium = !refs.is_empty() && is_medium_name(r, &m.text);
        let votes = if medium { SITE_VOTES } else { 1 };
        refs.into_iter().map(move |pr| (pr, votes))
    });
    for (pr, votes) in places {
        if let Some(i) = first_unique(&pr.cands) {
            *counts.entry(i).or_default() += votes;
            // a town names its county
            if lx.divisions[i].level == Level::Town {
                if let Some(c) = ctx_ancestor(r, i, Level::County) {
                    *counts.entry(c).or_default() += 1;
                }
            }
        }
    }
    let suffix = lx.words.places.city_suffix.as_str();
    let is_county_city =
        |i: usize| lx.divisions[i].level == Level::County && lx.divisions[i].name.ends_with(suffix);
    let (&best, &n) = counts
        .iter()
        .filter(|(&i, _)| is_county_city(i))
        .max_by_key(|(&i, &n)| (n, std::cmp::Reverse(i)))?;
    // (a county-level city that the province governs directly, 天门市 or
    // 琼海市, has no prefecture)
    let prefecture = ctx_ancestor(r, best, Level::City);
    let rival = counts
        .iter()
        .any(|(&i, &m)| lx.divisions[i].level == Level::City && m > n);
    // (a text naming another county of the same prefecture as often is
    // the prefecture's: its mayor visits 舒兰市 and 磐石市)
    let sibling = counts.iter().any(|(&i, &m)| {
        i != best
            && lx.divisions[i].level == Level::County
            && m >= n
            && prefecture.is_some()
            && ctx_ancestor(r, i, Level::City) == prefecture
    });
    // (a text that calls its place 我市 and names the county-level city
    // more often than its prefecture is the city's news, though it names
    // the prefecture: 宣城市政府副市长某某，我市市长某某)
    let home = says_my_city(r, mentions);
    let names_prefecture = prefecture
        .and_then(|p| counts.get(&p))
        .is_some_and(|&m| !home || m >= n);
    let rival = rival || sibling;
    // (named once, it is the news's city where a body of its own is
    // written with its name, 某某市委书记某某、市长某某, or where the text
    // calls its place 我市 or 全市: 某某市召开全市…会议)
    let own_body = || {
        mentions.iter().flatten().any(|m| {
            matches!(&m.kind, MentionKind::Chain(c)
                if !c.links.is_empty()
                    && c.places.len() == 1
                    && !c.places[0].short
                    && first_unique(&c.places[0].cands) == Some(best))
        })
    };
    // (written as a place of its own, not inside a work's name: 嫩江 of
    // 嫩江公路大桥 is the river)
    let own_place = || {
        mentions.iter().flatten().any(
            |m| matches!(&m.kind, MentionKind::Place(p) if first_unique(&p.cands) == Some(best)),
        )
    };
    let named = n >= 2 || n == 1 && (home && own_place() || own_body());
    (named && !names_prefecture && !rival && !says_own_county(r, mentions)).then_some(best)
}

/// The village or community whose name opens `s` (大路村 of 大路村股份
/// 经济合作社): its own name of two to five characters and its head.
fn local_unit_opening<'a>(lx: &crate::lexicon::Lexicon, s: &'a str) -> Option<&'a str> {
    let max = crate::recognize::names::VILLAGE_NAME_MAX;
    (s.char_indices().skip(3).take(max))
        .map(|(i, _)| &s[..i])
        .find(|u| super::is_local_unit(&lx.words.places, u))
}

fn division_refs(m: &Mention) -> Vec<crate::recognize::PlaceRef> {
    match &m.kind {
        MentionKind::Place(p) if !p.cands.is_empty() => vec![p.clone()],
        MentionKind::Chain(c) => {
            let mut v: Vec<crate::recognize::PlaceRef> = c.places.clone();
            for l in &c.links {
                if let Link::Branch { place: Some(p), .. } = l {
                    v.push(p.clone());
                }
            }
            v
        }
        MentionKind::Named { place: Some(p), .. } => vec![p.clone()],
        _ => Vec::new(),
    }
}

/// The short name a division gives the zones named after it (潍坊市 → 潍坊,
/// 和林格尔县 → 和林格尔): its short name, else its name without 市.
pub(crate) fn short_name(r: &Recognizer, idx: usize) -> String {
    let d = &r.lex.divisions[idx];
    d.short.clone().unwrap_or_else(|| {
        let city = r.lex.words.places.city_suffix.as_str();
        d.name.trim_end_matches(city).to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(r: &Recognizer, url: &str) -> Option<(Option<String>, Option<String>)> {
        site_of(r, url, "").map(|s| (s.place.map(|i| r.lex.divisions[i].name.clone()), s.dept))
    }

    #[test]
    fn a_government_host_names_its_place_and_department() {
        let r = Recognizer::new().expect("lexicons");
        let some = |p: &str, d: Option<&str>| Some((Some(p.to_string()), d.map(str::to_string)));
        assert_eq!(
            site(&r, "http://zrzyj.anshan.gov.cn/html/ZRZYJ/202412/1.html"),
            some("鞍山市", Some("自然资源局"))
        );
        // a city (泰安市) before a county of the same romanization (台安县)
        assert_eq!(
            site(&r, "https://www.taian.gov.cn/art/1.html"),
            some("泰安市", None)
        );
        assert_eq!(
            site(&r, "http://shanghai.gov.cn/nw12344/1.html"),
            some("上海市", None)
        );
        // an abbreviation shared by several departments names none (zjj:
        // 住建局, 宗教局, 质监局)
        assert_eq!(
            site(&r, "http://zjj.anshan.gov.cn/1.html"),
            some("鞍山市", None)
        );
        // a Party committee's site of Party building (dj) or of its
        // discipline commission (jw) after the county's name
        assert_eq!(
            site(&r, "http://chengmaidj.gov.cn/xzdj/201805/t1.html"),
            some("澄迈县", None)
        );
        assert_eq!(
            site(&r, "http://www.chengmaijw.gov.cn/1.html"),
            some("澄迈县", None)
        );
        // not a government host, or nothing known in it
        assert_eq!(site(&r, "https://m.hebnews.cn/xt/2022-07/28/1.htm"), None);
        assert_eq!(site(&r, "http://www.example.gov.cn/1.html"), None);
    }

    #[test]
    fn a_host_label_that_several_places_share_is_the_one_the_text_writes() {
        let r = Recognizer::new().expect("lexicons");
        let place = |url: &str, text: &str| {
            site_of(&r, url, text)
                .and_then(|s| s.place)
                .map(|i| r.lex.divisions[i].name.clone())
        };
        let url = "http://www.wushan.gov.cn/info/1.htm";
        assert_eq!(place(url, "武山县召开防汛会议。"), Some("武山县".into()));
        assert_eq!(place(url, "巫山县召开防汛会议。"), Some("巫山县".into()));
        assert_eq!(place(url, "县里召开防汛会议。"), None);
        // a local portal's host names its city where the text writes it
        let portal = "http://www.yingcheng.net/news/1.html";
        assert_eq!(
            place(portal, "应城讯 市里召开会议。"),
            Some("应城市".into())
        );
        assert_eq!(place(portal, "市里召开会议。"), None);
        // a portal named 中国某某网 or 某某市 in its host names its place
        // even where the text calls it 我市 alone
        let text = "会议在我市召开。";
        assert_eq!(
            place("http://www.chinayichang.com.cn/1.html", text),
            Some("宜昌市".into())
        );
        assert_eq!(
            place("http://yidushi.example.org/p/1.html", text),
            Some("宜都市".into())
        );
    }

    #[test]
    fn a_district_carries_its_city_unless_its_name_starts_with_it() {
        let r = Recognizer::new().expect("lexicons");
        let name = |n: &str| {
            let i = r.lex.division_by_name[n][0];
            prefix_name(&r, i)
        };
        assert_eq!(name("锦江区"), "成都市锦江区");
        assert_eq!(name("兰州新区"), "兰州新区");
        // a township carries its county (and a district's city)
        assert!(name("刘集乡").ends_with("县刘集乡"), "{}", name("刘集乡"));
        assert!(
            name("八廓街道").starts_with("拉萨市城关区"),
            "{}",
            name("八廓街道")
        );
    }

    /// The context of a text written by hand.
    fn context_of(r: &Recognizer, text: &str) -> DocContext {
        let doc = crate::text::parse_document(std::path::Path::new("news.txt"), text.as_bytes())
            .expect("a text");
        let mentions: Vec<Vec<Mention>> =
            doc.articles.iter().map(|a| r.recognize(&a.text)).collect();
        DocContext::build(r, &doc, &mentions)
    }

    fn name(r: &Recognizer, i: Option<usize>) -> Option<&str> {
        i.map(|i| r.lex.divisions[i].name.as_str())
    }

    #[test]
    fn the_places_named_decide_the_city_and_the_county() {
        let r = Recognizer::new().expect("lexicons");
        let ctx = context_of(
            &r,
            "德城区召开防汛工作会议。德城区各街道汇报了准备情况，德城区水务部门作了部署。\n",
        );
        assert_eq!(name(&r, ctx.city), Some("德州市"));
        assert_eq!(name(&r, ctx.county), Some("德城区"));
        assert_eq!(name(&r, ctx.home_county), Some("德城区"));
        assert_eq!(name(&r, ctx.province), Some("山东省"));
        let city = ctx.city.map(|c| r.lex.divisions[c].code.clone());
        assert_eq!(Some(ctx.scope.clone()), city);
        // two districts named alike: no county is the document's
        let ctx = context_of(&r, "德城区和陵城区联合开展河道清理。\n");
        assert_eq!(name(&r, ctx.city), Some("德州市"));
        assert_eq!(ctx.home_county, None);
    }

    #[test]
    fn the_bureau_named_in_full_is_the_documents() {
        let r = Recognizer::new().expect("lexicons");
        let full = "德州市自然资源和规划局德城分局";
        let ctx = context_of(&r, &format!("{full}召开会议。德城分局汇报了工作。\n"));
        let b = ctx.bureau.clone().expect("a bureau");
        assert_eq!(b.name, "德州市自然资源和规划局");
        assert_eq!(b.dept, "自然资源和规划局");
        assert_eq!(name(&r, b.place), Some("德州市"));
        // a full name written once stands for its ending written alone
        assert!(ctx.known.iter().any(|k| k == full), "{:?}", ctx.known);
        assert_eq!(ctx.known_ending("德城分局"), Some(full));
        assert_eq!(ctx.known_ending("陵城分局"), None);
        // a text that names no bureau has none
        let ctx = context_of(&r, "德州市召开防汛工作会议。\n");
        assert!(ctx.bureau.is_none());
    }

    #[test]
    fn a_department_below_the_province_has_its_province_form() {
        let r = Recognizer::new().expect("lexicons");
        let ctx = DocContext::default();
        assert_eq!(
            ctx.province_dept(&r, "自然资源和规划局").as_deref(),
            Some("自然资源厅")
        );
        assert_eq!(ctx.province_dept(&r, "水利局").as_deref(), Some("水利厅"));
    }
}
