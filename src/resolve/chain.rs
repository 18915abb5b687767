//! Chains of names (潍坊市自然资源和规划局奎文分局) resolved into one entity
//! per level, each a subOrganizationOf the level before it, with the
//! jurisdiction (or location) of the bodies the place prefix governs.
//!
//! Takes: a [`Chain`] recognized in the article and the article's context.
//! Gives: the entities of its levels and their relations, added to the
//! article's state; the innermost level's key.

use super::{char_slice, dept_name, entity, is_party_unit, Evidence, Resolver};
use crate::lexicon::{DeptKind, Level, Trigger};
use crate::recognize::{Chain, Link};
use crate::{EntityType, Predicate};

/// How far before a strict level word (区) the district it stands for may
/// be named.
const STRICT_REACH: usize = 300;

/// The state of a chain being resolved level by level.
struct ChainState {
    /// Where the chain starts in the article (its aliases start there).
    start: usize,
    /// Whether a place or a level character precedes the bodies.
    has_prefix: bool,
    /// The division the prefix stands for.
    place: Option<usize>,
    /// The place prefix of full names (潍坊市奎文区), or empty.
    base: String,
    /// The prefix as written (奎文区, 市).
    prefix_text: String,
    /// Whether the prefix is one division's short name (六枝, 潍坊).
    short_prefix: bool,
    /// The entity of the prefix's place (a division, or a development zone).
    place_key: Option<String>,
    /// The level resolved last: (key, name, type).
    cur: Option<(String, String, EntityType)>,
    /// A people's government whose office the next level is.
    gov_unit: Option<String>,
}

/// What one level of a chain names.
struct LevelName {
    /// Its full name.
    name: String,
    /// Its type.
    et: EntityType,
    /// The place it governs (an agency) or lies in (any other type).
    jur: Option<String>,
}

impl LevelName {
    fn new(name: String, et: EntityType, jur: Option<String>) -> LevelName {
        LevelName { name, et, jur }
    }
}

impl Resolver<'_> {
    /// Resolves a chain into entities (one per level) with their
    /// subOrganizationOf and jurisdiction relations; returns the innermost.
    pub(super) fn chain_entities(
        &mut self,
        c: &Chain,
        start: usize,
        ev: &Evidence,
    ) -> Option<(String, EntityType)> {
        let Some(mut st) = self.chain_start(c, start) else {
            return self.unplaced_organisation(c, start);
        };
        for (li, link) in c.links.iter().enumerate() {
            // the surface of this level: the text from the chain's start to
            // the level's end (潍坊市地税局 for the parent in 潍坊市地税局奎文分局)
            let level_end = c.ends.get(li).copied().unwrap_or(start);
            let mut alias = (level_end > start).then(|| char_slice(self.chars, start, level_end));
            let level = match link {
                Link::Dept {
                    form,
                    canonical,
                    kind,
                } => self.link_dept(&mut st, (form, canonical, *kind), &mut alias, ev)?,
                Link::National { canonical, agency } => {
                    let et = if *agency {
                        EntityType::Agency
                    } else {
                        EntityType::Organization
                    };
                    LevelName::new(canonical.clone(), et, None)
                }
                Link::Committee | Link::Government | Link::Cppcc | Link::Zone => {
                    self.link_body(&st, link, alias.as_deref())?
                }
                Link::Counterpart { .. } => self.link_counterpart(&st)?,
                Link::Democratic { party } if !st.base.is_empty() => {
                    let organs = &self.r.lex.words.organs;
                    let name = organs.democratic_committee_name.fill(&st.base, party);
                    LevelName::new(name, EntityType::Organization, st.place_key.clone())
                }
                Link::Democratic { .. } => return None,
                Link::Generic { text, etype } => self.link_generic(&mut st, c, text, *etype, ev),
                Link::Branch { text, place } => {
                    self.link_branch(&mut st, text, place.as_ref(), ev)?
                }
                Link::Unit { text } => self.link_unit(&mut st, text, ev)?,
            };
            self.chain_level(&mut st, li == 0, level, alias.as_deref(), ev);
        }
        st.cur.map(|(k, _, et)| (k, et))
    }

    /// An organisation named after a place the context cannot place
    /// (铜鼓小学, 青山养老院: a village's or a far county's name): the name
    /// as written, without a place; none for an agency, whose name needs
    /// its place, or where the place starts with a conjunction (和龙 in
    /// 青山养老院和龙爪养老院).
    fn unplaced_organisation(&mut self, c: &Chain, start: usize) -> Option<(String, EntityType)> {
        let [Link::Generic {
            etype: EntityType::Organization,
            ..
        }] = c.links.as_slice()
        else {
            return None;
        };
        if c.level.is_some() || c.anaphor.is_some() || c.party {
            return None;
        }
        let end = *c.ends.last()?;
        let name = char_slice(self.chars, start, end);
        let first = name.chars().next()?.to_string();
        if self.r.lex.is(&first, Trigger::LeftStop) {
            return None;
        }
        let e = entity(EntityType::Organization, &name, &self.ctx.scope);
        let key = self.st.add(e, Some(&name));
        Some((key, EntityType::Organization))
    }

    /// The state of a chain before its first level: the place of its
    /// prefix (a division, else a development zone of the city), the
    /// entities of the places written in it, and an anaphor as its parent
    /// (市局林业发展中心).
    /// The autonomous region of a region's own news that 区党委 at `start`
    /// names (a district's committee is 区委).
    fn region_committee(&self, c: &Chain, start: usize) -> Option<usize> {
        let pt = &self.r.lex.place_terms;
        let written = pt
            .region_committee
            .iter()
            .any(|w| char_slice(self.chars, start, start + w.chars().count()) == w);
        if !c.places.is_empty() || !written {
            return None;
        }
        let prov = self
            .actx
            .city
            .and_then(|x| self.ctx.ancestor_at(self.r, x, Level::Province))
            .or(self.ctx.province)?;
        super::context::is_region(self.r, prov).then_some(prov)
    }

    fn chain_start(&mut self, c: &Chain, start: usize) -> Option<ChainState> {
        let place = self
            .region_committee(c, start)
            .or_else(|| self.zone_of_level(c, start))
            .or_else(|| self.chain_place(c))
            .or_else(|| self.strict_level_named(c, start));
        let has_prefix = !c.places.is_empty() || c.level.is_some();
        let mut zone: Option<(String, String)> = None;
        if has_prefix && place.is_none() {
            // a development zone of the city (高新区发展环境保障部)
            let (last, before) = c.places.split_last()?;
            // (its other name is as written: 某某高新区)
            let alias = match (&last.other, before.last()) {
                (Some(o), _) => o.clone(),
                (None, Some(b)) => format!("{}{}", b.text, last.text),
                (None, None) => last.text.clone(),
            };
            zone = self.zone_entity(last, Some(&alias), before.last());
            // else an organisation's own name that opens with a word read
            // as a place of nowhere near (河西学院): whole as written
            if zone.is_none() && !self.own_name(c) {
                return None;
            }
        }
        let base = match (&zone, place) {
            (Some((name, _)), _) => name.clone(),
            (None, Some(p)) => self.prefix_name(p),
            _ => String::new(),
        };
        let level_text = (c.level_text.clone()).or_else(|| c.level.map(String::from));
        let prefix_text: String = c.places.iter().map(|p| p.text.as_str()).collect::<String>()
            + &level_text.unwrap_or_default();
        // places written in the chain are mentioned too, but those inside
        // an organisation's own name only where the text names them too
        let org_name = c.level.is_none() && opens_organisation(c);
        // (not the last when it was read as the zone: 汉川市 + 经济开发区)
        let zoned = if zone.is_some() {
            c.places.len() - 1
        } else {
            usize::MAX
        };
        let written: Vec<(usize, Option<&str>)> = (c.places.iter().enumerate())
            .filter(|(i, _)| *i != zoned)
            .filter_map(|(_, p)| Some((self.pick_written(p)?, Some(p.text.as_str()))))
            .collect();
        for (i, text) in written.into_iter().chain(place.map(|i| (i, None))) {
            self.division_in_name(i, text, org_name);
        }
        let place_key = match (place, &zone) {
            (Some(i), _) => Some(self.division_key(i)),
            (None, Some((_, k))) => Some(k.clone()),
            _ => None,
        };
        let mut cur = None;
        if let Some(a) = &c.anaphor {
            // (a body's anaphor: 市局 in 市局林业发展中心; 我省 before a
            // unit's head names no body)
            if let Some((k, et)) = self.anaphor(a, start).filter(|(_, et)| et.is_org()) {
                let name = self.st.entities.get(&k).map(|e| e.name.clone())?;
                cur = Some((k, name, et));
            } else if self
                .r
                .lex
                .words
                .organs
                .anaphor_heads
                .iter()
                .any(|h| a.ends_with(h.as_str()))
            {
                // (a body's anaphor that names none before it: 该院 after
                // no 院 names no unit)
                return None;
            }
        }
        let short_prefix = c.level.is_none() && matches!(c.places.as_slice(), [p] if p.short);
        Some(ChainState {
            start,
            has_prefix,
            place,
            base,
            prefix_text,
            short_prefix,
            place_key,
            cur,
            gov_unit: None,
        })
    }

    /// Adds one level of a chain with its relations: under the level
    /// before it (or the government whose office it is), governing or in
    /// its place.
    fn chain_level(
        &mut self,
        st: &mut ChainState,
        first: bool,
        level: LevelName,
        alias: Option<&str>,
        ev: &Evidence,
    ) {
        let LevelName { name, et, jur } = level;
        let key = self.add_agency(&name, et, alias);
        if !st.base.is_empty() && first {
            (self.st.bases).insert(key.clone(), (st.base.clone(), st.place_key.clone()));
        }
        if let Some(gov) = st.gov_unit.take() {
            self.st
                .relate(&key, Predicate::SubOrganizationOf, &gov, None, ev);
        }
        // (a parent read off a longer name of the document, 聊城市自然资源
        // 和规划局综合 for 执法支队, may be no body at all)
        if let Some((pk, _, _)) = &st.cur {
            if *pk != key && self.st.entities.contains_key(pk) {
                self.st
                    .relate(&key, Predicate::SubOrganizationOf, pk, None, ev);
            }
        }
        let jur = match (et, st.place) {
            (EntityType::Organization, Some(p)) if first => self.site_of_org(&name, p, jur),
            _ => jur,
        };
        if let Some(j) = jur {
            if et == EntityType::Agency {
                self.st.relate(&key, Predicate::Jurisdiction, &j, None, ev);
            } else if !self.is_medium(&name) {
                // (a medium named after the place it reports on is not
                // said to lie there)
                self.st.relate(&key, Predicate::LocatedIn, &j, None, ev);
            }
        }
        st.cur = Some((key, name, et));
    }

    /// A department: under the body before it, at the chain's place, or
    /// at the place of the body named just before it in a list (省委常委、
    /// 统战部). An office of a people's government hangs under the
    /// government.
    fn link_dept(
        &mut self,
        st: &mut ChainState,
        (form, canonical, kind): (&str, &str, DeptKind),
        alias: &mut Option<String>,
        ev: &Evidence,
    ) -> Option<LevelName> {
        if st.cur.is_none() && !st.has_prefix {
            if let Some(level) = self.field_station(st, canonical, alias) {
                return Some(level);
            }
        }
        let organs = &self.r.lex.words.organs;
        let name = match (&st.cur, kind) {
            (Some((_, pname, _)), DeptKind::Party) if organs.committee_stem(pname).is_some() => {
                format!("{}{canonical}", organs.committee_stem(pname)?)
            }
            (Some((_, pname, _)), _) => format!("{pname}{canonical}"),
            (None, k) if !st.has_prefix => {
                // a bare department takes its place from the body named
                // just before it in a list (省委常委、统战部)
                let (pk, pname, post) = self.list_head(st.start)?;
                if k == DeptKind::Party && post && !organs.is_party_committee(&pname) {
                    // one person's posts in a body and in a unit of it: the
                    // unit is the body's own (县政府党组成员、办公室主任)
                    if let Some((_, place_key)) = self.st.bases.get(&pk) {
                        st.place_key = place_key.clone();
                    }
                    st.cur = Some((pk, pname.clone(), EntityType::Agency));
                    format!("{pname}{canonical}")
                } else if k == DeptKind::Party && organs.is_party_committee(&pname) {
                    let stem = organs.committee_stem(&pname)?;
                    // (the work organ serves the committee's area)
                    if let Some((_, place_key)) = self.st.bases.get(&pk) {
                        st.place_key = place_key.clone();
                    }
                    st.cur = Some((pk, pname, EntityType::Agency));
                    format!("{stem}{canonical}")
                } else {
                    // the department is of the place of the head, and the
                    // next item of the list takes it in turn (市政府办公室、
                    // 财政局、司法局)
                    let (base, place_key) = self.st.bases.get(&pk)?.clone();
                    let name = dept_name(organs, &base, canonical, k);
                    st.base = base;
                    st.place_key = place_key;
                    name
                }
            }
            // a development zone's committee is named after the zone, as
            // written by its short name (六枝经济开发区管理委员会)
            (None, _) if st.short_prefix && self.r.lex.names_zone(canonical) => {
                format!("{}{canonical}", st.prefix_text)
            }
            (None, k) => dept_name(organs, &st.base, canonical, k),
        };
        if alias.is_none() && st.cur.is_none() {
            *alias = Some(format!("{}{form}", st.prefix_text));
        }
        // the offices of a people's government are its units
        // (聊城市人民政府办公室 in 聊城市人民政府)
        if st.cur.is_none() && !st.base.is_empty() && canonical.starts_with(&organs.government) {
            let gov = organs.government_name.at(&st.base);
            st.gov_unit = Some(self.place_organ(&gov, st.place_key.as_deref(), ev));
        }
        // a Party committee's work organs serve its area too
        // (中共崇阳县委组织部 → 崇阳县)
        let serves = st.cur.is_none() || kind == DeptKind::Party;
        let jur = if serves { st.place_key.clone() } else { None };
        Some(LevelName::new(name, EntityType::Agency, jur))
    }

    /// A township station of a county bureau written after the name of
    /// its area alone (剑门派出所, in a county's news): a unit of the
    /// county's bureau named with the area (某县公安局剑门派出所). The area
    /// is two characters after a delimiter, no level word and no common
    /// word.
    fn field_station(
        &mut self,
        st: &ChainState,
        canonical: &str,
        alias: &mut Option<String>,
    ) -> Option<LevelName> {
        let bw = &self.r.lex.body_words;
        let bureau = bw.field_station.column_of(canonical)?.to_string();
        let county = self.actx.county?;
        let s = st.start.checked_sub(2)?;
        let area = char_slice(self.chars, s, st.start);
        let delimited = s == 0 || {
            let c = self.chars[s - 1];
            crate::recognize::is_punct(c) || c.is_whitespace()
        };
        let places = &self.r.lex.words.places;
        let plain = area.chars().all(crate::recognize::is_han)
            && !area.chars().any(|c| places.is_level_char(c))
            && !self.r.common_word(&area);
        if !delimited || !plain {
            return None;
        }
        let (_, kind) = self.r.dept(&bureau)?;
        let base = self.prefix_name(county);
        let bname = dept_name(&self.r.lex.words.organs, &base, &bureau, kind);
        *alias = Some(format!("{area}{canonical}"));
        // (the bureau is no entity of the text unless it names it)
        let ck = self.division_entity(county, None);
        let name = format!("{bname}{area}{canonical}");
        Some(LevelName::new(name, EntityType::Agency, Some(ck)))
    }

    /// The zone an article is about that the division data lists as a
    /// township-level unit (某某经济技术开发区 under a district), for a zone's
    /// body written with the level word 区 (区党工委, 区管委会): the zone,
    /// not the district that holds it.
    fn zone_of_level(&self, c: &Chain, start: usize) -> Option<usize> {
        let organs = &self.r.lex.words.organs;
        let zone_body = match c.links.first()? {
            Link::Zone => true,
            Link::Committee => {
                let end = c.ends.first().copied().unwrap_or(start);
                char_slice(self.chars, start, end).ends_with(&organs.working_committee_short)
            }
            _ => false,
        };
        let level = c.level.filter(|_| c.places.is_empty() && zone_body)?;
        let town = self.actx.town?;
        let d = &self.r.lex.divisions[town];
        let zone = d.name.ends_with(level) && self.r.lex.is_zone_division(town);
        zone.then_some(town)
    }

    /// A place's Party committee, government, CPPCC committee or zone
    /// administrative committee (县委, 市政府, 区政协, 管委会).
    fn link_body(&self, st: &ChainState, link: &Link, alias: Option<&str>) -> Option<LevelName> {
        if st.base.is_empty() {
            return None;
        }
        let organs = &self.r.lex.words.organs;
        let template = match link {
            // a 党工委 is a Party working committee (街道党工委)
            Link::Committee
                if alias.is_some_and(|a| a.ends_with(&organs.working_committee_short)) =>
            {
                &organs.party_working_committee_name
            }
            Link::Committee => &organs.party_committee_name,
            // (a street is governed by an office: 某街道办事处)
            Link::Government if st.place.is_some_and(|i| self.is_street(i)) => {
                &organs.street_office_name
            }
            Link::Government => &organs.government_name,
            Link::Cppcc => &organs.cppcc_name,
            _ => &organs.zone_committee_name,
        };
        let name = template.at(&st.base);
        Some(LevelName::new(
            name,
            EntityType::Agency,
            st.place_key.clone(),
        ))
    }

    /// Whether a division is a street, which an office governs (its name
    /// ends with the term of street_office's rows: 街道).
    pub(super) fn is_street(&self, idx: usize) -> bool {
        let name = &self.r.lex.divisions[idx].name;
        (self.r.lex.body_words.street_office.rows())
            .any(|(_, extra)| extra.first().is_some_and(|t| name.ends_with(t.as_str())))
    }

    /// The place's counterpart of the article's bureau (区局 in a
    /// natural-resources paper → the district's bureau of that system).
    fn link_counterpart(&self, st: &ChainState) -> Option<LevelName> {
        let b = self.actx.bureau.as_ref().or(self.ctx.bureau.as_ref())?;
        let heads = &self.r.lex.words.organs.counterpart_heads;
        if st.base.is_empty() || !heads.iter().any(|h| b.dept.ends_with(h.as_str())) {
            return None;
        }
        let name = format!("{}{}", st.base, b.dept);
        Some(LevelName::new(
            name,
            EntityType::Agency,
            st.place_key.clone(),
        ))
    }

    /// A name read by its head: a department's short form at the place, a
    /// county's branch of the city bureau (奎文地税分局), or a body named
    /// after the level before it or its place.
    fn link_generic(
        &mut self,
        st: &mut ChainState,
        c: &Chain,
        t: &str,
        etype: EntityType,
        ev: &Evidence,
    ) -> LevelName {
        if st.cur.is_none() && st.has_prefix {
            if let Some((canon, kind)) = self.r.expand_dept(t) {
                let name = dept_name(&self.r.lex.words.organs, &st.base, &canon, kind);
                return LevelName::new(name, EntityType::Agency, st.place_key.clone());
            }
        }
        let county = st
            .place
            .filter(|&p| self.r.lex.divisions[p].level == Level::County);
        if let (None, Some(pi)) = (&st.cur, county) {
            if let Some(dept) = self.branch_bureau(t) {
                return self.county_branch(st, c, pi, dept, ev);
            }
        }
        // 管委会 is written out in full names
        let t = &self.written_out(t);
        let name = match &st.cur {
            Some((_, pname, _)) => format!("{pname}{t}"),
            None if st.has_prefix && st.place_key.is_none() && self.own_name(c) => {
                format!("{}{t}", st.prefix_text)
            }
            None if st.base.is_empty() => t.clone(),
            // a company registered under a division, written after the
            // township it lies in (石龙镇 + 象州某某有限公司), is named from
            // that division: a registered name opens with no township
            None if etype == EntityType::Organization && self.registered_in_town(c, t) => t.clone(),
            // organisations keep their name as written (山东农业大学)
            None if etype == EntityType::Organization && c.level.is_none() => {
                let written: String = c.places.iter().map(|p| p.text.as_str()).collect();
                format!("{written}{t}")
            }
            None => format!("{}{t}", st.base),
        };
        let jur = if st.cur.is_none() {
            st.place_key.clone()
        } else {
            None
        };
        LevelName::new(name, etype, jur)
    }

    /// The division a strict level word stands for where the article's own
    /// county is not of that kind (区人大常委会 in a county's news, after
    /// 安塞区代表团 visits it): the last division of that kind the article
    /// names at most [`STRICT_REACH`] characters before.
    fn strict_level_named(&self, c: &Chain, start: usize) -> Option<usize> {
        let ch = c.level.filter(|_| c.places.is_empty())?;
        let lx = &self.r.lex;
        if !lx.words.places.strict_levels.contains(&ch)
            || crate::recognize::chain::level_of(ch) != Some(Level::County)
        {
            return None;
        }
        // (within a few sentences before)
        let from = start.saturating_sub(STRICT_REACH);
        self.divisions_named_before(from, start).find_map(|(_, i)| {
            let d = &lx.divisions[i];
            (d.level == Level::County && d.name.ends_with(ch)).then_some(i)
        })
    }

    /// Whether a chain is an organisation's own name after places written
    /// short and no level word (河西学院党委: 河西 + 学院): read as written
    /// where the places stand for no division of the article.
    fn own_name(&self, c: &Chain) -> bool {
        let org = opens_organisation(c);
        // (和龙爪养老院: 和 joins a list before 龙爪养老院, not 和龙's)
        let joins = c
            .places
            .first()
            .is_some_and(|p| self.opens_with_conjunction(p));
        org && !joins
            && c.level.is_none()
            && c.anaphor.is_none()
            && c.places.iter().all(|p| p.short)
    }

    /// Whether a company's name `t` opens with a division's name (full or
    /// short) after places that are all townships.
    fn registered_in_town(&self, c: &Chain, t: &str) -> bool {
        let lx = &self.r.lex;
        let town = |i: &usize| lx.divisions[*i].level == Level::Town;
        let towns = !c.places.is_empty()
            && c.places
                .iter()
                .all(|p| !p.cands.is_empty() && p.cands.iter().all(town));
        let company = lx.head_words.company_head.ends(t);
        let opens = (t.char_indices().skip(2).take(6)).any(|(i, _)| lx.names_division(&t[..i]));
        towns && company && opens
    }

    /// 奎文地税分局: the district's branch of the city bureau
    /// (潍坊市地方税务局奎文分局); the bureau becomes the level before it.
    fn county_branch(
        &mut self,
        st: &mut ChainState,
        c: &Chain,
        county: usize,
        (canon, kind): (String, DeptKind),
        ev: &Evidence,
    ) -> LevelName {
        let city = (self.ctx)
            .ancestor_at(self.r, county, Level::City)
            .unwrap_or(county);
        let organs = &self.r.lex.words.organs;
        let bureau = dept_name(organs, &self.prefix_name(city), &canon, kind);
        let branch = organs.branch.clone();
        let bk = self.add_agency(&bureau, EntityType::Agency, None);
        let ck = self.division_entity(city, None);
        self.st.relate(&bk, Predicate::Jurisdiction, &ck, None, ev);
        let written: String = c.places.iter().map(|p| p.text.as_str()).collect();
        let short = self.r.lex.divisions[county]
            .short
            .clone()
            .unwrap_or(written);
        st.cur = Some((bk, bureau.clone(), EntityType::Agency));
        let name = format!("{bureau}{short}{branch}");
        LevelName::new(name, EntityType::Agency, st.place_key.clone())
    }

    /// A branch (奎文分局): under the level before it, else under a known
    /// body or the bureau; it governs the place its name carries.
    fn link_branch(
        &mut self,
        st: &mut ChainState,
        t: &str,
        bp: Option<&crate::recognize::PlaceRef>,
        ev: &Evidence,
    ) -> Option<LevelName> {
        let parent = match &st.cur {
            Some(c) => Some(c.clone()),
            None => self.branch_parent(t, ev),
        };
        let (pk, pname, _) = parent?;
        if st.cur.is_none() {
            st.cur = Some((pk, pname.clone(), EntityType::Agency));
        }
        let name = if pname.ends_with(t) {
            pname
        } else {
            format!("{pname}{t}")
        };
        let jur = match bp {
            Some(p) => match self.ctx.pick_ref(self.r, p, self.actx) {
                Some(i) => Some(self.division_entity(i, None)),
                None => self.zone_entity(p, None, None).map(|z| z.1),
            },
            None => None,
        };
        Some(LevelName::new(name, EntityType::Agency, jur))
    }

    /// An internal unit (建设科): under the level before it, else under a
    /// known body or the bureau; a unit of an organisation, and a Party
    /// organ of a body that is no agency, is an organisation.
    fn link_unit(&mut self, st: &mut ChainState, t: &str, ev: &Evidence) -> Option<LevelName> {
        let parent = match &st.cur {
            Some(c) => Some(c.clone()),
            None => self.unit_parent(t, ev),
        };
        let (pk, pname, pet) = parent?;
        if st.cur.is_none() {
            st.cur = Some((pk, pname.clone(), pet));
        }
        let party = is_party_unit(&self.r.lex.words.organs, t);
        let et = if pet == EntityType::Organization || party && pet != EntityType::Agency {
            EntityType::Organization
        } else {
            pet
        };
        // (a ministry's units are named without the state's name:
        // 水利部规划计划司, not 中华人民共和国水利部规划计划司)
        let state = &self.r.lex.words.organs.state_prefix;
        let pname = pname.strip_prefix(state.as_str()).unwrap_or(&pname);
        Some(LevelName::new(format!("{pname}{t}"), et, None))
    }
}

/// Whether a chain opens with an organisation's own name (a generic name
/// typed Organization: 某某有限公司, 某某学院).
fn opens_organisation(c: &Chain) -> bool {
    matches!(
        c.links.first(),
        Some(Link::Generic {
            etype: EntityType::Organization,
            ..
        })
    )
}
