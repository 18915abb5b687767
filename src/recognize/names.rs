//! Names recognized by their heads: organizations (…有限公司, …大学, …协会),
//! projects (…项目, …工程, …产业园, …高速) and places that are not
//! divisions (…社区, …村, …小区, …河). The left edge of the name is found by
//! walking back over jieba tokens until punctuation, a function word, a
//! governing verb or another head; a division at the left edge is kept as
//! the name's place.

use super::chain::PlaceRef;
use super::lattice::{Lattice, Piece, Token};
use super::{
    cover, is_close_bracket, is_han, is_open_bracket, is_punct, Mention, MentionKind, Recognizer,
};
use crate::lexicon::{HashMap, SuffixRole, Tag, Trigger};
use crate::EntityType;

/// How far before a project's head the capacity its name states may
/// start (年产80万kw(千瓦)防爆电机生产项目).
const CAPACITY_REACH: usize = 20;

/// Puts back the abbreviation that opens the names of the central
/// state-owned enterprises' local companies where the segmenter cut it off
/// the name: 中 of 中国 read as a locative (中/铁十八局集团有限公司), or a
/// group's abbreviation before the company's place (国网 + 宿州供电公司),
/// where a name may open: at the start of a clause or after a function
/// word (由, 与).
pub(crate) fn enterprise_prefixes(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let mut dropped: Vec<(usize, usize)> = Vec::new();
    for i in 0..out.len() {
        let s = out[i].start;
        if s == 0 || out[i].etype() != Some(EntityType::Organization) {
            continue;
        }
        let Some(ps) = prefix_before(r, lat, out, covered, s) else {
            continue;
        };
        let word = lat.text(ps, s);
        let m = &mut out[i];
        if prefixed(&mut m.kind, &word) {
            m.text.insert_str(0, &word);
            m.start = ps;
            cover(covered, ps, s);
            dropped.push((ps, s));
        }
    }
    // (a place read inside the abbreviation is part of it: 中国 of 中国铁建)
    out.retain(|m| {
        !(dropped.iter()).any(|&(ps, s)| m.start >= ps && m.end <= s && m.start < m.end)
            || m.etype() == Some(EntityType::Organization)
    });
    let bureaus = numbered_bureaus(r, lat, out, covered);
    for m in bureaus {
        cover(covered, m.start, m.end);
        out.push(m);
    }
}

/// Where the abbreviation of a central enterprise ending at `s` starts: the
/// longest such word of several characters, free or holding only a place
/// (中国 of 中国铁建), where a name may open; or 中 alone where the
/// segmenter read it as a locative.
fn prefix_before(
    r: &Recognizer,
    lat: &Lattice,
    out: &[Mention],
    covered: &[bool],
    s: usize,
) -> Option<usize> {
    let prefix = &r.lex.head_words.enterprise_prefix;
    let free = |ps: usize| {
        !covered[ps..s].iter().any(|c| *c)
            || (out.iter().filter(|m| m.start < s && m.end > ps))
                .all(|m| m.start >= ps && m.end <= s && m.etype() == Some(EntityType::Place))
    };
    // (the group's word may stand between: 中国电建 + 集团 + 某某研究院
    // 有限公司, the group's unit named in full)
    let group = (2..=3).find(|&l| {
        s > l + 2
            && r.lex.head_words.company_head.contains(lat.str(s - l, s))
            && lat.tok_boundary(s - l)
            && !covered[s - l..s].iter().any(|c| *c)
    });
    let end = s - group.unwrap_or(0);
    let long = (2..=end.min(6)).rev().map(|l| end - l).find(|&ps| {
        prefix.contains(lat.str(ps, end))
            && lat.tok_boundary(ps)
            && free(ps)
            && opens_name(r, lat, ps)
    });
    if long.is_some() {
        return long;
    }
    // (中 alone only where the segmenter read it as a locative)
    let t = lat
        .token(s - 1)
        .filter(|t| t.end == s && t.end - t.start == 1)?;
    let cut = prefix.contains(lat.str(t.start, s)) && t.tag == Tag::F && !covered[t.start];
    (cut && opens_name(r, lat, t.start)).then_some(t.start)
}

/// The engineering bureaus of the central enterprises, named by the group's
/// abbreviation and the bureau's number (中铁十局, 中建三局, 中交二航局 is
/// not one): the abbreviation, one to three numerals and 局, free, after
/// which no name goes on.
fn numbered_bureaus(
    r: &Recognizer,
    lat: &Lattice,
    out: &[Mention],
    covered: &[bool],
) -> Vec<Mention> {
    let (prefix, fw) = (&r.lex.head_words.enterprise_prefix, &r.lex.function_words);
    let c = &lat.chars;
    let mut add = Vec::new();
    for k in 0..c.len() {
        // (the quick test of the list's first characters first)
        if prefix.at(c, k).is_none() {
            continue;
        }
        let Some(len) = (2..=4)
            .rev()
            .find(|&l| k + l <= c.len() && prefix.contains(lat.str(k, k + l)))
        else {
            continue;
        };
        let mut e = k + len;
        while e < c.len() && e < k + len + 3 && fw.numeral.has_char(c[e]) {
            e += 1;
        }
        let bureau = e > k + len && c.get(e) == Some(&BUREAU);
        let free = |a: usize, b: usize| {
            !covered[a..b].iter().any(|x| *x)
                && !out.iter().any(|m| m.start < b && m.end > a)
                && !add.iter().any(|m: &Mention| m.start < b && m.end > a)
        };
        if !bureau || !free(k, e + 1) || !opens_name(r, lat, k) || !lat.tok_boundary(e + 1) {
            continue;
        }
        let name = lat.text(k, e + 1);
        add.push(Mention {
            start: k,
            end: e + 1,
            text: name.clone(),
            kind: MentionKind::Named {
                etype: EntityType::Organization,
                name,
                place: None,
            },
        });
    }
    add
}

/// The head of an engineering bureau's short name (中铁十局).
const BUREAU: char = '局';

/// The mention's kind with the enterprise's abbreviation `word` put before
/// its name: a bare name takes it, and a company named after its place
/// (宿州 and 供电公司) becomes the name of the whole with the place kept;
/// whether it could.
fn prefixed(kind: &mut MentionKind, word: &str) -> bool {
    use super::chain::Link;
    match kind {
        MentionKind::Named { name, .. } => name.insert_str(0, word),
        MentionKind::Chain(ch) if ch.places.is_empty() => match ch.links.first_mut() {
            Some(Link::Generic { text, .. }) => text.insert_str(0, word),
            _ => return false,
        },
        MentionKind::Chain(ch) => {
            if ch.places.len() > 1 || ch.level.is_some() || ch.party {
                return false;
            }
            // (with units after the company: 国网 + 某某供电公司 + 某某供电
            // 中心; the company's name takes the prefix and its place)
            let units = ch.links.len() > 1
                && matches!(ch.links.first(), Some(Link::Generic { .. }))
                && ch.links[1..].iter().all(|l| matches!(l, Link::Unit { .. }));
            if units {
                let (Some(place), Some(Link::Generic { text, .. })) =
                    (ch.places.last(), ch.links.first_mut())
                else {
                    return false;
                };
                text.insert_str(0, &format!("{word}{}", place.text));
                ch.places.clear();
                return true;
            }
            let (Some(place), [Link::Generic { text, etype }]) = (ch.places.last(), &ch.links[..])
            else {
                return false;
            };
            *kind = MentionKind::Named {
                etype: *etype,
                name: format!("{word}{}{text}", place.text),
                place: Some(place.clone()),
            };
        }
        _ => return false,
    }
    true
}

/// Joins a work on a section of a route to the route named right before
/// it (某某高速 + 宿州至蚌埠段改扩建工程; 某某国道 + 某某段改建工程): the
/// section is the route's, and so is the work's name.
fn merge_route_sections(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>) {
    let hw = &r.lex.head_words;
    let project = |m: &Mention| {
        matches!(
            &m.kind,
            MentionKind::Named {
                etype: EntityType::Project,
                ..
            }
        )
    };
    out.sort_by_key(|m| m.start);
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let route = project(a) && hw.work_head.ends(&a.text);
        let section = project(b)
            && b.start == a.end
            && (b.start + 2..b.end.min(b.start + SECTION_REACH))
                .any(|k| section_from(r, lat, k, b.end));
        if !(route && section) {
            i += 1;
            continue;
        }
        let place = match &a.kind {
            MentionKind::Named { place, .. } => place.clone(),
            _ => None,
        };
        let m = Mention {
            start: a.start,
            end: b.end,
            text: lat.text(a.start, b.end),
            kind: MentionKind::Named {
                etype: EntityType::Project,
                name: clean(lat.str(a.start, b.end)),
                place,
            },
        };
        out.splice(i..i + 2, [m]);
    }
}

/// Extends a route to a section written right after it with no work of
/// its own (某某高速 + 铜陵至黄山段 + 已建成通车): the section is the route's
/// project, and its ends are places it lies in.
fn route_bare_sections(r: &Recognizer, lat: &Lattice, out: &mut [Mention], covered: &mut [bool]) {
    let hw = &r.lex.head_words;
    out.sort_by_key(|m| m.start);
    let mut i = 0;
    while i < out.len() {
        let route = matches!(
            &out[i].kind,
            MentionKind::Named {
                etype: EntityType::Project,
                ..
            }
        ) && hw.work_head.ends(&out[i].text);
        if let Some(e) = route.then(|| bare_section_end(r, lat, out, i)).flatten() {
            let a = &mut out[i];
            a.end = e;
            a.text = lat.text(a.start, e);
            if let MentionKind::Named { name, .. } = &mut a.kind {
                *name = clean(lat.str(a.start, e));
            }
            cover(covered, a.start, e);
        }
        i += 1;
    }
}

/// Where a section of a route written right after the route's mention
/// `i` ends (某某高速 + 铜陵至黄山段): places only, joined by the route's
/// joiner, up to the section's word, which ends a word there.
fn bare_section_end(r: &Recognizer, lat: &Lattice, out: &[Mention], i: usize) -> Option<usize> {
    let a = &out[i];
    // (the mentions are sorted by start)
    let place_at = |k: usize| {
        let from = out.partition_point(|m| m.start < k);
        (out[from..].iter())
            .take_while(|m| m.start == k)
            .find(|m| matches!(m.kind, MentionKind::Place(_)))
    };
    let mut k = place_at(a.end)?.end;
    if lat
        .chars
        .get(k)
        .is_some_and(|c| r.lex.function_words.route_joiner.has_char(*c))
    {
        k = place_at(k + 1)?.end;
    }
    let section = lat.chars.get(k).map(|c| c.to_string())?;
    (r.lex.head_words.section_end.contains(&section) && lat.tok_boundary(k + 1)).then_some(k + 1)
}

/// How far into a work's name the section of a route may end (宿州至蚌埠段).
const SECTION_REACH: usize = 10;

/// Whether a section of a route starts at `p`: its word (段) right there,
/// or after the joiner of the route's ends and the other end's name, before
/// `end` (宿州|段, 宿州|至蚌埠段).
fn section_from(r: &Recognizer, lat: &Lattice, p: usize, end: usize) -> bool {
    let fw = &r.lex.function_words;
    let hw = &r.lex.head_words;
    let section = |k: usize| k < end && hw.section_end.contains(&lat.chars[k].to_string());
    section(p)
        || lat
            .chars
            .get(p)
            .is_some_and(|c| fw.route_joiner.has_char(*c))
            && (p + 2..(p + 6).min(end)).any(section)
}

/// The longest trade name read between a place and a company's head.
const TRADE_NAME_MAX: usize = 10;

/// Whether the tokens of `s..e` hold something proper: a place, person or
/// other proper noun, an abbreviation, a word outside the dictionary, digits
/// or a quoted name (and, for projects, an adjective such as 宏伟).
fn proper(r: &Recognizer, lat: &Lattice, s: usize, e: usize, project: bool) -> bool {
    if s >= e {
        return false;
    }
    let text = lat.text(s, e);
    if text
        .chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '“' | '”' | '"'))
    {
        return true;
    }
    // single characters that jieba could not join make an unknown word
    // (广/潍 in 广潍集团)
    let singles = (s..e)
        .filter(|&k| lat.token(k).is_some_and(|t| t.end - t.start == 1))
        .count();
    if singles >= 2 && e - s >= 2 && !r.is_word(&text) {
        return true;
    }
    let mut k = s;
    while k < e {
        let Some(t) = lat.token(k) else { return false };
        let w = lat.text(t.start.max(s), t.end.min(e));
        let tag = t.tag;
        let tc = r.tags();
        if !r.is_word(&w) && !r.lex.name_verbs.contains(&w) {
            return true;
        }
        // (a platform company's short trade names the place's own: 城投)
        if t.start == s && r.lex.head_words.local_enterprise.contains(&w) {
            return true;
        }
        // a known place (齐鲁, 济南) or a rare proper noun of the dictionary;
        // frequent dictionary words tagged as names are ordinary words
        // (城市/ns, 文明/nr)
        let known_place = r.lex.division_by_short.contains_key(&w)
            || r.lex.division_by_name.contains_key(&w)
            || r.lex.geo.contains_key(&w)
            || r.lex.countries.contains_key(&w)
            || region(r, &w);
        let freq = r.word_freq(&w);
        // (a word and a natural feature's term of one character that the
        // segmenter read apart name a lake, hill or river: 天子 + 湖)
        let feature = t.start > s
            && tag == Tag::Ns
            && w.chars().count() == 1
            && r.lex.body_head(&w, |et| et == EntityType::Place)
            && lat
                .token_before(t.start)
                .is_some_and(|p| p.end - p.start >= 2 && r.tags().plain_noun.contains(p.tag));
        if known_place
            || feature
            || tc.rare_proper.contains(tag) && freq < 300
            || tag == Tag::Ns && (freq < RARE_WORD || natural_place(r, &w))
        {
            return true;
        }
        if project && (tag == Tag::A && freq < 1000 || tag == Tag::F && w.chars().count() >= 2) {
            return true;
        }
        // a numeral name (八一, 五一)
        if tag == Tag::M
            && w.chars().count() >= 2
            && !r.lex.function_words.approximate_numeral.in_str(&w)
        {
            return true;
        }
        k = t.end.max(k + 1);
    }
    false
}

use super::RARE_WORD;

/// Whether a project's name of common words `bare..q` is a particular
/// project's all the same: three characters or more, its head ending at
/// `end` right before a word of its event (某某项目签约仪式, 某某项目集中
/// 开工).
fn event_named(r: &Recognizer, lat: &Lattice, bare: usize, q: usize, end: usize) -> bool {
    q >= bare + 3
        && lat.tok_start(end)
        && (r.lex.project_events.iter()).any(|w| lat.str(end, end + w.chars().count()) == w)
}

/// Whether a place name of the dictionary is a natural place's: three
/// characters or more ending in a one-character generic term of a place
/// (赤水河, 太行山), not a word like 城市 that the dictionary tags so.
fn natural_place(r: &Recognizer, w: &str) -> bool {
    w.chars().count() >= 3 && feature_named(r, w)
}

/// Whether a short division name ends in the one-character term of a
/// natural feature (沙河, 清河: rivers named like the divisions named after
/// them).
fn feature_named(r: &Recognizer, w: &str) -> bool {
    let term = w.chars().last().map(String::from).unwrap_or_default();
    w.chars().count() >= 2 && r.lex.body_head(&term, |t| t == EntityType::Place)
}

/// Whether a word names a region of a province by its abbreviation and
/// directions (湘北, 鲁西南).
fn region(r: &Recognizer, w: &str) -> bool {
    let pt = &r.lex.place_terms;
    let mut cs = w.chars();
    let first = cs
        .next()
        .is_some_and(|c| pt.province_abbreviation.has_char(c));
    let rest: Vec<char> = cs.collect();
    first && (1..=2).contains(&rest.len()) && rest.iter().all(|&c| pt.region_direction.has_char(c))
}

/// Whether the words of `s..e` hold something proper, as a project's name
/// does (see [`proper`]).
pub(crate) fn proper_words(r: &Recognizer, lat: &Lattice, s: usize, e: usize) -> bool {
    proper(r, lat, s, e, true)
}

/// A headed name found, before the longest ones are chosen.
struct Cand {
    /// First character of the name.
    start: usize,
    /// One past its last character (its head's, or its section's).
    end: usize,
    /// The type its head gives.
    etype: EntityType,
    /// The place written at its start, if any.
    place: Option<PlaceRef>,
}

/// A mention found before, as a headed name sees it: its span, whether it
/// is a place and whether an organisation.
type Span = (usize, usize, bool, bool);

/// What the passes before found that a headed name may start with or hold:
/// places and organisations by their end, and the spans of all mentions.
struct Known {
    /// Place mentions by end: (start, end, place).
    places_by_end: HashMap<usize, (usize, usize, PlaceRef)>,
    /// Organisations by end, and the institutions of agencies a work after
    /// them builds: their start (a project's name may hold one).
    orgs_by_end: HashMap<usize, usize>,
    /// All mentions' spans, by start.
    spans: Vec<Span>,
}

impl Known {
    /// What `out` holds.
    fn new(r: &Recognizer, lat: &Lattice, out: &[Mention]) -> Known {
        let places_by_end = out
            .iter()
            .filter_map(|m| match &m.kind {
                MentionKind::Place(p) => Some((m.end, (m.start, m.end, p.clone()))),
                _ => None,
            })
            .collect();
        // (or an institution of an agency whose premises a project after
        // it builds: 某县便民服务中心 + 建设项目)
        let hw = &r.lex.head_words;
        // (a verb of building or renewing and the head, which the
        // segmenter may read as one word: 改造项目)
        let work_after = |e: usize| {
            lat.token(e).filter(|t| t.start == e).is_some_and(|t| {
                let w = lat.str(t.start, t.end);
                let verb = |v: &str| hw.build_verb.contains(v) || r.lex.name_verbs.contains(v);
                verb(w) && lat.word_at(t.end, &hw.project_end).is_some()
                    || t.end - t.start > 2
                        && verb(lat.str(t.start, t.start + 2))
                        && hw.project_end.ends(w)
            })
        };
        let built_body = |m: &Mention| {
            m.etype() == Some(EntityType::Agency)
                && hw.built_body.ends(&m.text)
                && work_after(m.end)
        };
        let org = |m: &Mention| m.etype() == Some(EntityType::Organization) || built_body(m);
        let orgs_by_end = out
            .iter()
            .filter(|m| org(m))
            .map(|m| (m.end, m.start))
            .collect();
        let mut spans: Vec<Span> = out
            .iter()
            .map(|m| {
                (
                    m.start,
                    m.end,
                    matches!(m.kind, MentionKind::Place(_)),
                    org(m),
                )
            })
            .collect();
        spans.sort_unstable();
        Known {
            places_by_end,
            orgs_by_end,
            spans,
        }
    }

    /// The place mention ending at `e`: (start, end, place).
    fn place_end(&self, e: usize) -> Option<(usize, usize, PlaceRef)> {
        self.places_by_end.get(&e).cloned()
    }

    /// Whether an organisation mention found before opens the name at
    /// `start` and ends before its head at `q`.
    fn org_opens(&self, start: usize, q: usize) -> bool {
        let from = self.spans.partition_point(|sp| sp.0 < start);
        self.spans[from..]
            .iter()
            .take_while(|sp| sp.0 == start)
            .any(|&(_, e, _, org)| org && e < q)
    }

    /// Whether every mention a candidate overlaps lies wholly inside it and
    /// may: a place, or an organisation in a project's name.
    fn holds_only_parts(&self, c: &Cand) -> bool {
        let from = self.spans.partition_point(|sp| sp.0 + 128 < c.start);
        self.spans[from..]
            .iter()
            .take_while(|sp| sp.0 < c.end)
            .all(|&(ms, me, place, org)| {
                me <= c.start
                    || ms >= c.end
                    || (place || org && c.etype == EntityType::Project)
                        && ms >= c.start
                        && me <= c.end
            })
    }
}

/// Scans for headed names and for places not yet covered: countries and
/// geographic names.
pub(crate) fn scan(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let known = Known::new(r, lat, out);
    let mut cands: Vec<Cand> = Vec::new();
    for q in 0..lat.len() {
        for (head, _, len) in lat.pieces_at(q) {
            cands.extend(candidate(r, lat, covered, &known, (q, head, len)));
        }
    }
    let chosen = choose(cands, covered, &known, lat.len());
    drop_swallowed_places(r, lat, out, &chosen);
    for c in chosen {
        push_name(r, lat, c, out, covered);
    }
    merge_zones(r, lat, out);
    merge_route_sections(r, lat, out);
    zone_bodies(r, lat, out, covered);
    company_units(r, lat, out);
    org_units(r, lat, out, covered);
    countries_and_geo(r, lat, out, covered);
    route_bare_sections(r, lat, out, covered);
}

/// The name that the head `text` at `q` (`len` characters) ends, if any.
fn candidate(
    r: &Recognizer,
    lat: &Lattice,
    covered: &[bool],
    known: &Known,
    (q, text, len): (usize, &str, usize),
) -> Option<Cand> {
    let suf = r.lex.suffixes.get(text)?.iter().find(|x| {
        x.role == SuffixRole::Body && x.etype != EntityType::Agency
            || x.etype == EntityType::Organization
    })?;
    let mut end = q + len;
    if covered[q..end].iter().all(|c| *c) {
        return None;
    }
    // a project's phase or section after its head: 一期工程（鞍山段）
    if suf.etype == EntityType::Project {
        // (or after the work done on it: 储备林基地建设（一期）)
        let work = (2..=3).find(|&l| {
            r.lex.name_verbs.contains(lat.str(end, end + l))
                && section_after(r, lat, end + l).is_some()
        });
        if let Some(close) = section_after(r, lat, end + work.unwrap_or(0)) {
            end = close;
        }
    }
    // the head must end a word (园 in 园林 does not), but the segmenter
    // may glue a function word of one character to it (某某加工园|由某公司
    // 建设: 园由/p)
    if let Some(t) = lat.token(end - 1) {
        let glued = t.end == end + 1 && r.tags().function_word.contains(t.tag);
        if t.end > end && lat.chars.get(end).is_some_and(|c| is_han(*c)) && !glued {
            return None;
        }
    }
    // (a work's head read as a modifier before a noun is none: 高速/d +
    // 铁路网)
    if suf.etype == EntityType::Project && modifies_next(r, lat, q, end) {
        return None;
    }
    let kind = if suf.etype == EntityType::Project {
        Head::Project
    } else if r.lex.head_words.company_head.ends(text) {
        Head::Company
    } else {
        Head::Other
    };
    let walk = Walk {
        r,
        lat,
        q,
        covered,
        known,
        head: kind,
        org: suf.etype == EntityType::Organization,
        limit: q.saturating_sub(16),
        last: lat.chars[q + len - 1],
    };
    let (mut start, mut place) = walk.left_edge()?;
    // (a name does not open with the bracket of a note inside it: a walk
    // stopped right before （吉林） of 某某（吉林）有限公司 found no name)
    if is_open_bracket(lat.chars[start]) {
        return None;
    }
    // a unit named after its company (某某有限公司某某厂) starts where the
    // company's name does
    if kind == Head::Other && walk.org {
        let company = &r.lex.head_words.company_head;
        let at = (start..q).find_map(|k| {
            let t = lat.token(k).filter(|t| t.start == k && t.end <= q)?;
            company.ends(lat.str(t.start, t.end)).then_some((k, t.end))
        });
        if let Some((k, e)) = at {
            let inner = Walk {
                q: k,
                head: Head::Company,
                limit: k.saturating_sub(16),
                last: lat.chars[e - 1],
                ..walk
            };
            if let Some((s, p)) = inner.left_edge().filter(|e| e.0 < start) {
                (start, place) = (s, p);
            }
        }
    }
    // (a power work's class opens its name: 220千伏 + 某某输变电工程)
    if kind == Head::Project {
        if let Some(s) = rating_before(r, lat, start) {
            start = s;
        }
    }
    // (a central enterprise's short name is no project: 中国铁路)
    if r.lex
        .head_words
        .enterprise_prefix
        .contains(lat.str(start, end))
    {
        return None;
    }
    let head = HeadAt {
        q,
        len,
        text,
        etype: suf.etype,
    };
    let holds_org = kind == Head::Project && known.org_opens(start, q);
    is_name(r, lat, &head, start, place.as_ref(), holds_org).then_some(Cand {
        start,
        end,
        etype: suf.etype,
        place,
    })
}

/// The start of a power work's voltage or power class written right before
/// `start` (220千伏, 500kV): digits and a rating unit.
fn rating_before(r: &Recognizer, lat: &Lattice, start: usize) -> Option<usize> {
    let unit = (1..=3).find(|&l| {
        start >= l
            && r.lex
                .head_words
                .rating_unit
                .contains(lat.str(start - l, start))
    })?;
    let mut k = start - unit;
    while k > 0 && lat.chars[k - 1].is_ascii_digit() {
        k -= 1;
    }
    (k < start - unit).then_some(k)
}

/// Whether a voltage or power class starts at `k`: digits and a rating
/// unit (220千伏).
fn rated_at(r: &Recognizer, lat: &Lattice, k: usize) -> bool {
    let mut e = k;
    while e < lat.len() && lat.chars[e].is_ascii_digit() {
        e += 1;
    }
    e > k && lat.word_at(e, &r.lex.head_words.rating_unit).is_some()
}

/// Whether the head `q..end` is one token that the segmenter read as a
/// modifier (高速/d) right before a noun (铁路网/n).
fn modifies_next(r: &Recognizer, lat: &Lattice, q: usize, end: usize) -> bool {
    let head = lat
        .token(q)
        .is_some_and(|t| t.start == q && t.end == end && r.tags().modifier_use.contains(t.tag));
    let noun = lat
        .token(end)
        .is_some_and(|t| t.start == end && r.tags().plain_noun.contains(t.tag));
    head && noun
}

/// A head found in the text: where, how long, what it is.
struct HeadAt<'a> {
    /// Where the head starts.
    q: usize,
    /// Its length in characters.
    len: usize,
    /// The head as written.
    text: &'a str,
    /// The type it gives.
    etype: EntityType,
}

/// Whether the words from `start` to the head make a name: long enough,
/// neither a count nor a list, something proper in them unless a place
/// precedes (丁家社区, 广文中学; not 美丽乡村, 物业公司, 重点项目).
fn is_name(
    r: &Recognizer,
    lat: &Lattice,
    h: &HeadAt,
    start: usize,
    place: Option<&PlaceRef>,
    holds_org: bool,
) -> bool {
    let hw = &r.lex.head_words;
    let q = h.q;
    let bare = place.map(|p| p.end).unwrap_or(start);
    // a single-character head needs a longer name (齐鲁创智园, not 校园); a
    // one-character place name needs a place before it (大虞街道中社区)
    let place_head = h.etype == EntityType::Place;
    // (but a place name of the dictionary ending in a natural feature's
    // head is one: 大沙河/ns)
    let dictionary_place = place_head
        && h.len == 1
        && lat.token(start).is_some_and(|t| {
            t.start == start && t.end == q + 1 && t.tag == Tag::Ns && q - start >= 2
        });
    if place.is_none()
        && !dictionary_place
        && (h.len == 1 && q - bare < 3 || place_head && q - bare < 2)
    {
        return false;
    }
    if counted_or_listed(r, lat, bare, q) {
        return false;
    }
    // a kind of work counted right after its head (实施中小河流治理工程3项)
    // names none; a count of the projects of a list ending there does not
    // (…、某某改造工程八个项目)
    let end = q + h.len;
    if h.etype == EntityType::Project && kind_counted(r, lat, end) {
        return false;
    }
    // an idiom ending like a name (开门见山) is none, unless a division's
    // name opens it (曲阜师范大学/l)
    if lat.token(start).is_some_and(|t| {
        t.start == start
            && t.end >= q + h.len
            && r.tags().idiom.contains(t.tag)
            && !opens_with_division(r, lat.str(t.start, t.end))
    }) {
        return false;
    }
    let strict = !place_head || !hw.named_place_head.contains(h.text);
    // a compound's name is a name, not an adjective or a verb (老旧小区);
    // a rare word so tagged is a name's all the same (富兴小区)
    if !strict
        && lat.token(bare).is_some_and(|t| {
            r.tags().not_compound_name.contains(t.tag)
                && r.word_freq(lat.str(t.start, t.end)) >= RARE_WORD
        })
    {
        return false;
    }
    // (a power work's class names it: 220千伏某某输变电工程)
    let rated = rated_at(r, lat, start) && place.is_none_or(|p| p.start > start);
    // (a short division name ending in a natural feature's term before a
    // work is the feature's name, a word of the work's: 沙河 + 综合治理工程)
    let named_from = match place {
        Some(p) if p.short && p.start == start && feature_named(r, &p.text) => start,
        _ => bare,
    };
    if hw.project_end.contains(h.text) && !rated && !project_named(r, lat, named_from, q) {
        return false;
    }
    // a country's name and a work's head name the country's network, not
    // a work (中国铁路, 中国高速)
    if h.etype == EntityType::Project && r.lex.countries.contains_key(lat.str(start, q)) {
        return false;
    }
    if place_head
        && r.lex.place_terms.township_term.contains(h.text)
        && !township_named(r, lat, bare, q)
    {
        return false;
    }
    // a village's kind is no name (城中村, 贫困村), nor is a conjunction
    // its first word (岳口镇和鲁店村: 岳口镇 and 鲁店村)
    if hw.village_head.contains(h.text) && !village_named(r, lat, bare, q, h.len) {
        return false;
    }
    // associations and chambers are named by what they gather
    // (新生代企业家商会)
    let association = hw.association_end.ends(h.text) && q - bare >= 4;
    // a company's legal form (有限公司) after a trade name and an industry
    // is a registered name, whatever words make them (壮乡宝生态开发有限公司)
    // (where the name starts after a delimiter or a function word, not
    // inside a run of words cut at a verb: 湖南京能新能源…)
    let registered =
        r.lex.legal_forms.iter().any(|f| f == h.text) && q - bare >= 4 && opens_name(r, lat, start);
    // (a work on an institution found before is named by it: 县实验中学 +
    // 扩建工程)
    if strict
        && place.is_none()
        && !association
        && !registered
        && !holds_org
        && !proper(r, lat, bare, q, h.etype == EntityType::Project)
        && !(h.etype == EntityType::Project && event_named(r, lat, bare, q, q + h.len))
    {
        return false;
    }
    let min = if place_head { 1 } else { 2 };
    q - start >= min
}

/// Whether the words `bare..q` before a village's head name a village:
/// not a kind of village (城中村, 示范村), not opened by a conjunction of
/// one character, and short where the head is one character (村): a
/// village's own name has two to five characters, so that a phrase the
/// segmenter glued to it (改革开放初/某某村) is none; a community's may be
/// longer (某某家园社区).
fn village_named(r: &Recognizer, lat: &Lattice, bare: usize, q: usize, head: usize) -> bool {
    let stem = lat.text(bare, q);
    !stem.is_empty()
        && (head > 1 || q - bare <= VILLAGE_NAME_MAX)
        && !r.lex.head_words.village_kind.ends(&stem)
        && !lat.conjunction_at(bare)
}

/// The longest own name of a village, its head left out (德仁务中街村).
pub(crate) const VILLAGE_NAME_MAX: usize = 5;

/// Whether the words `bare..q` before a township's term (街道, 镇) that
/// the division lexicon does not know name one: no verb among them (贯彻
/// 落实街道规划) and not one frequent word (责任街道: the streets each unit
/// answers for).
fn township_named(r: &Recognizer, lat: &Lattice, bare: usize, q: usize) -> bool {
    let mut k = bare;
    let mut words = 0;
    while k < q {
        let Some(t) = lat.token(k) else { break };
        if r.tags().not_township_name.contains(t.tag) {
            return false;
        }
        words += 1;
        k = t.end.max(k + 1);
    }
    let stem = lat.text(bare, q);
    !(words == 1 && r.common_word(&stem) && r.word_freq(&stem) >= 1000)
}

/// Whether a word opens with a division's name or short name of two or
/// three characters (曲阜 of 曲阜师范大学).
fn opens_with_division(r: &Recognizer, w: &str) -> bool {
    (w.char_indices().skip(2).take(2)).any(|(i, _)| r.lex.names_division(&w[..i]))
        || w.chars().count() == 3 && r.lex.names_division(w)
}

/// Whether a name may start at `k`: at the start, after a delimiter, a
/// function word or a word that is never part of a name (走访了某某…).
fn opens_name(r: &Recognizer, lat: &Lattice, k: usize) -> bool {
    k == 0
        || !is_han(lat.chars[k - 1])
        || lat.token(k - 1).is_some_and(|t| {
            r.tags().function_word.contains(t.tag)
                || r.lex.is(lat.str(t.start, t.end), Trigger::LeftStop)
        })
}

/// Whether the words `bare..q` before a head are a count or a list, not a
/// name (21个村, 各镇, 该社区, 重点项目).
fn counted_or_listed(r: &Recognizer, lat: &Lattice, bare: usize, q: usize) -> bool {
    let fw = &r.lex.function_words;
    let first_tok = lat
        .token(bare)
        .map(|t| lat.text(t.start, t.end))
        .unwrap_or_default();
    let quantifier = first_tok.chars().count() == 1 && fw.quantifier.starts(&first_tok)
        || r.lex.is(&first_tok, Trigger::Anaphor)
        || r.lex.generic.contains(&first_tok);
    quantifier || counted(r, lat, bare, q) && !rate_of_output(r, lat, bare, q)
}

/// Whether a unit of time before a verb opens a rate of output within
/// `s..e` (年产, 年屠宰加工, 日处理): the count in it is the rate. (Not a
/// date's unit after its number: 2023年3个项目.)
fn rate_of_output(r: &Recognizer, lat: &Lattice, s: usize, e: usize) -> bool {
    let fw = &r.lex.function_words;
    let numeral = |c: char| c.is_ascii_digit() || fw.numeral.has_char(c);
    (s..e).any(|k| {
        let c = lat.chars[k];
        fw.rate_unit.has_char(c)
            && (k == 0 || !numeral(lat.chars[k - 1]))
            && lat
                .chars
                .get(k + 1)
                .is_some_and(|n| is_han(*n) && !numeral(*n))
    })
}

/// Whether a count of the kind written before `e` starts there (3项, 十二个),
/// not one of the projects of a list (八个项目).
fn kind_counted(r: &Recognizer, lat: &Lattice, e: usize) -> bool {
    let fw = &r.lex.function_words;
    let c = &lat.chars;
    let mut k = e;
    while k < c.len() && (c[k].is_ascii_digit() || fw.counting_numeral.has_char(c[k])) {
        k += 1;
    }
    let counts = k > e && k < c.len() && fw.count_classifier.has_char(c[k]);
    counts
        && lat.word_at(k + 1, &r.lex.head_words.project_end).is_none()
        && counted(r, lat, e, k + 1)
}

/// Whether the characters `s..e` count something: a numeral before a
/// classifier (21个, 三座), where the two are not characters of a longer
/// word (零部件, 一体化: 零部 is no count).
pub(crate) fn counted(r: &Recognizer, lat: &Lattice, s: usize, e: usize) -> bool {
    let fw = &r.lex.function_words;
    (s..e.saturating_sub(1)).any(|k| {
        let (a, b) = (lat.chars[k], lat.chars[k + 1]);
        let pair = (a.is_ascii_digit() || fw.counting_numeral.has_char(a))
            && fw.count_classifier.has_char(b);
        let in_word = lat.token(k).is_some_and(|t| {
            t.end > k + 1
                && t.end - t.start >= 3
                && t.tag != Tag::M
                && r.is_word(lat.str(t.start, t.end))
        });
        pair && !in_word
    })
}

/// Whether the words `bare..q` before a project's end (项目, 工程) name it:
/// not a slogan in quotes (“征迁清零”项目, “全覆盖”工程: campaigns), not
/// one ordinary word (城市更新项目, 纳统项目), not two characters.
pub(crate) fn project_named(r: &Recognizer, lat: &Lattice, bare: usize, q: usize) -> bool {
    let inner = lat.text(bare, q);
    if inner.starts_with('“') && inner.ends_with('”') {
        let verb = (bare + 1..q - 1).any(|k| {
            lat.token(k)
                .is_some_and(|t| r.tags().predicate_verb.contains(t.tag))
        });
        if verb {
            return false;
        }
    }
    let plain: String = inner.chars().filter(|c| !matches!(c, '“' | '”')).collect();
    let one_word = lat
        .token(bare)
        .is_some_and(|t| t.start == bare && t.end == q && r.is_word(lat.str(t.start, t.end)));
    plain.chars().count() >= 3 && (!one_word || inner.contains('“'))
}

/// The longest candidates first, none overlapping another or a mention
/// other than the parts it may hold, none wholly covered.
fn choose(mut cands: Vec<Cand>, covered: &[bool], known: &Known, n: usize) -> Vec<Cand> {
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
    let mut taken = vec![false; n + 1];
    let mut chosen: Vec<Cand> = Vec::new();
    for c in cands {
        let span = &covered[c.start..c.end];
        if taken[c.start..c.end].iter().any(|t| *t) || span.iter().all(|t| *t) {
            continue;
        }
        if span.iter().any(|t| *t) && !known.holds_only_parts(&c) {
            continue;
        }
        cover(&mut taken, c.start, c.end);
        chosen.push(c);
    }
    chosen
}

/// Drops the place mentions a chosen name swallows (kept as its place),
/// except a section's place in brackets (…一期工程（鞍山段）), which is
/// where the project lies.
fn drop_swallowed_places(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, chosen: &[Cand]) {
    let mut inside = vec![usize::MAX; lat.len() + 1];
    for (ci, c) in chosen.iter().enumerate() {
        inside[c.start..c.end].fill(ci);
    }
    out.retain(|m| {
        let bracketed = m.start > 0 && is_open_bracket(lat.chars[m.start - 1]);
        // a division written in full inside a project's name after its
        // start is a place of the text that the project lies in
        // (长江干流夷陵区段防洪工程); a short name there (嫩江 in 嫩江公路
        // 大桥) may be a river as well as a division
        // (but a short name that opens a section of a route is the
        // division it runs through: 某某高速公路宿州段, 宿州至蚌埠段)
        let within = |c: &Cand| {
            c.etype == EntityType::Project
                && m.start > c.start
                && matches!(&m.kind, MentionKind::Place(p)
                    if !p.cands.is_empty() && (!p.short || section_from(r, lat, m.end, c.end)))
        };
        !(matches!(m.kind, MentionKind::Place(_))
            && m.end > m.start
            && inside[m.start] != usize::MAX
            && inside[m.start] == inside[m.end - 1]
            && !bracketed
            && !within(&chosen[inside[m.start]]))
    });
}

/// Adds a chosen name, and the Party organ written after it (新茂社区党委:
/// the party organ of a community or organisation).
fn push_name(r: &Recognizer, lat: &Lattice, c: Cand, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let bare = c.place.as_ref().map(|p| p.end).unwrap_or(c.start);
    for u in r.lex.head_words.party_unit.iter() {
        let ue = c.end + u.chars().count();
        if lat.text(c.end, ue) == u && c.etype != EntityType::Project {
            out.push(Mention {
                start: bare,
                end: ue,
                text: lat.text(bare, ue),
                kind: MentionKind::Named {
                    etype: EntityType::Organization,
                    name: clean(lat.str(bare, ue)),
                    place: c.place.clone(),
                },
            });
            cover(covered, c.end, ue);
        }
    }
    out.push(Mention {
        start: c.start,
        end: c.end,
        text: lat.text(c.start, c.end),
        kind: MentionKind::Named {
            etype: c.etype,
            name: clean(lat.str(c.start, c.end)),
            place: c.place,
        },
    });
    cover(covered, c.start, c.end);
}

/// Countries and geographic names on what is not covered; a name cutting a
/// word is none (海河 in 入海河流), and a country right before a noun is
/// its modifier (美国白蛾, 加拿大一枝黄花).
fn countries_and_geo(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let mut i = 0;
    while i < lat.len() {
        if covered[i] {
            i += 1;
            continue;
        }
        let Some((len, p)) = lat.longest(i, |p| matches!(p, Piece::Country(_) | Piece::Geo(_)))
        else {
            i += 1;
            continue;
        };
        let (Piece::Country(other) | Piece::Geo(other)) = p else {
            i += 1;
            continue;
        };
        // (or a post: 长江 in 部长江某某, where the segmenter cut 部/长江)
        let in_post = i > 0
            && lat.pieces_at(i - 1).any(|(_, ps, l)| {
                ps.iter().any(|x| matches!(x, Piece::Post)) && i - 1 + l > i && i - 1 + l < i + len
            });
        let cuts = !lat.tok_boundary(i) || !lat.tok_boundary(i + len) || in_post;
        let modifier = matches!(p, Piece::Country(_))
            && lat
                .token(i + len)
                .is_some_and(|t| t.start == i + len && r.tags().modified_noun.contains(t.tag));
        // (nor after an adjective of one character that names an age of
        // it: 新 + 中国, the People's Republic since 1949, no place)
        let aged = matches!(p, Piece::Country(_))
            && lat
                .token_before(i)
                .is_some_and(|t| t.start + 1 == i && t.tag == Tag::A);
        if cuts || modifier || aged || covered[i..i + len].iter().any(|c| *c) {
            i += 1;
            continue;
        }
        let pr = PlaceRef {
            text: lat.text(i, i + len),
            cands: Vec::new(),
            short: false,
            other: Some(other.clone()),
            zone: None,
            start: i,
            end: i + len,
        };
        out.push(Mention {
            start: i,
            end: i + len,
            text: pr.text.clone(),
            kind: MentionKind::Place(pr),
        });
        cover(covered, i, i + len);
        i += len;
    }
}

/// Removes spaces; normalizes ASCII brackets to full-width ones.
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            x => x,
        })
        .collect()
}

/// Whether a word is a phase of a project (一期, 二期): numerals and a
/// phase ending.
fn is_phase(r: &Recognizer, w: &str) -> bool {
    r.lex.head_words.phase_end.ending(w).is_some_and(|end| {
        let stem = &w[..w.len() - end.len()];
        !stem.is_empty()
            && stem
                .chars()
                .all(|ch| r.lex.function_words.numeral.has_char(ch))
    })
}

/// The end of a bracketed phase or section right after `p` (（二期）,
/// (鞍山段)), if one is there.
fn section_after(r: &Recognizer, lat: &Lattice, p: usize) -> Option<usize> {
    if !lat.chars.get(p).is_some_and(|c| is_open_bracket(*c)) {
        return None;
    }
    let close = (p + 1..(p + 8).min(lat.len())).find(|&k| is_close_bracket(lat.chars[k]))?;
    let inner = lat.text(p + 1, close);
    let phase = r.lex.head_words.section_end.ends(&inner) && inner.chars().all(is_han);
    phase.then_some(close + 1)
}

/// What a name's head makes it, for finding its left edge.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Head {
    /// A project (…项目, …工程): may be named after its place or body.
    Project,
    /// A company (…有限公司, …集团): place + trade name + industry + form.
    Company,
    /// Anything else.
    Other,
}

/// The left edge of a name: where it starts, and the place written at its
/// start, if any.
type Edge = (usize, Option<PlaceRef>);

/// What one step left from the current start of a name decides.
enum Step {
    /// The left edge is found.
    Found(Edge),
    /// The name starts at the given position and goes no further left.
    Stop(usize),
    /// The name goes on left to the given position.
    Move(usize),
}

/// The walk left from a head at `q` to the start of its name.
struct Walk<'a> {
    /// The recognizer and its lexicons.
    r: &'a Recognizer,
    /// The text's lattice.
    lat: &'a Lattice<'a>,
    /// Where the head starts.
    q: usize,
    /// The characters covered by the passes before.
    covered: &'a [bool],
    /// What the passes before found.
    known: &'a Known,
    /// What the head makes the name.
    head: Head,
    /// Whether the head names an organisation.
    org: bool,
    /// How far left the name may reach.
    limit: usize,
    /// The head's last character.
    last: char,
}

impl Walk<'_> {
    /// Walks left from the head to the start of the name: by the words
    /// before it, then (for projects and companies) to a place or body a
    /// little further left.
    fn left_edge(&self) -> Option<Edge> {
        let mut start = match self.head_in_word()? {
            Step::Found(edge) => return Some(edge),
            Step::Stop(s) | Step::Move(s) => s,
        };
        while start > self.limit {
            match self.step(start) {
                Step::Found(edge) => return Some(edge),
                Step::Stop(s) => {
                    start = s;
                    break;
                }
                Step::Move(s) => start = s,
            }
        }
        if let Some(edge) = self.route_start(start) {
            return Some(edge);
        }
        if self.head != Head::Other {
            if let Some(edge) = self
                .named_after(start)
                .or_else(|| self.company_place(start))
            {
                return Some(edge);
            }
        }
        self.finish(start)
    }

    /// A route's first end, where the walk stopped on the second (甲乡至帮贡村
    /// 公路工程: 帮 is a verb too): a known place, with a road's number
    /// after it (甲乡S507至…), before 至 at most three characters left of
    /// `start`.
    fn route_start(&self, start: usize) -> Option<Edge> {
        let (lat, fw) = (self.lat, &self.r.lex.function_words);
        if self.head != Head::Project {
            return None;
        }
        let k = (start.saturating_sub(4).max(self.limit + 1)..start)
            .rev()
            .find(|&k| fw.route_joiner.has_char(lat.chars[k]))?;
        if !lat.chars[k + 1..start].iter().all(|c| is_han(*c)) {
            return None;
        }
        let mut e = k;
        while e > 0 && lat.chars[e - 1].is_ascii_alphanumeric() && k - e < 6 {
            e -= 1;
        }
        // (or a body found before, a school or a village's site: 某某中学至
        // 某某景区公路…工程; or a road's number alone: G331至某某公路)
        let number = e < k && e > self.limit && is_road_number(&lat.chars[e..k]);
        match self.known.place_end(e) {
            Some((ps, _, pr)) => Some((ps, Some(pr))),
            None => (self.known.orgs_by_end.get(&e).map(|&os| (os, None)))
                .or(number.then_some((e, None))),
        }
    }

    /// The organisation mention ending at `e`, for a project's name.
    fn org_end(&self, e: usize) -> Option<usize> {
        (self.head == Head::Project)
            .then(|| self.known.orgs_by_end.get(&e).copied())
            .flatten()
    }

    /// The head may sit inside a token that starts earlier: a name (徒骇河,
    /// 黄河流域: that word is the name), a compound of a name verb or a
    /// phase and the head (建设项目, 改造工程, 一期工程: the name goes on
    /// before it) or an ordinary word (乡村, 青山: no name here, None).
    fn head_in_word(&self) -> Option<Step> {
        let (r, lat, q) = (self.r, self.lat, self.q);
        let Some(t) = lat.token(q).filter(|t| t.start < q && t.end > q) else {
            return Some(Step::Move(q));
        };
        let w = lat.text(t.start, t.end);
        if r.lex.geo.contains_key(&w) || r.lex.division_by_name.contains_key(&w) {
            return Some(Step::Found((t.start, None)));
        }
        // (a dictionary word that opens with a division's name and ends in
        // an organisation's head is that organisation's name, whatever its
        // tag: 曲阜师范大学/l; 老年大学 opens with none)
        if self.org
            && self.head != Head::Project
            && opens_with_division(r, &w)
            && w.chars().count() >= 4
        {
            return Some(Step::Found((t.start, None)));
        }
        let before = lat.text(t.start, q);
        // (or the generic term of the work before its project head: 公路 of
        // 公路工程, 大桥 of 大桥工程)
        let verb_head = r.lex.name_verbs.contains(&before)
            || is_phase(r, &before)
            || self.head == Head::Project && r.lex.head_words.work_head.contains(&before);
        // a kind of work glued to its end (防洪工程, 绿化工程) after the
        // section it is done on (夷陵区段防洪工程)
        // (or after a reach of a river: 黄河下游|防洪工程)
        let section_work = self.head == Head::Project
            && t.start > 0
            && (self.section_at(t.start - 1) || self.reach_before(t.start))
            && r.lex.head_words.project_end.ends(&w);
        // (a word of the dictionary ending in a head of kinds names a kind
        // of the unit, and the name goes on before it: 某某纸箱厂)
        let kind = t.end == q + 1 && r.lex.head_words.kind_head.contains(lat.str(q, q + 1));
        if r.is_word(&w)
            && !r.tags().head_word_name.contains(t.tag)
            && !verb_head
            && !section_work
            && !kind
        {
            return None;
        }
        Some(Step::Move(t.start))
    }

    /// Whether a reach of a named place ends at `k`: a locative of two
    /// characters right after a place name (黄河下游, 长江中游).
    fn reach_before(&self, k: usize) -> bool {
        let lat = self.lat;
        let Some(f) = lat
            .token(k - 1)
            .filter(|f| f.end == k && f.end - f.start == 2)
        else {
            return false;
        };
        f.tag == Tag::F
            && f.start > 0
            && lat
                .token(f.start - 1)
                .is_some_and(|p| p.end == f.start && p.tag == Tag::Ns)
    }

    /// Whether the character at `k` is the section word (段) of a project
    /// on a stretch of river or road, right after a place (夷陵区段).
    fn section_at(&self, k: usize) -> bool {
        let c = self.lat.chars[k].to_string();
        self.r.lex.head_words.section_end.contains(&c)
            && (self.known.place_end(k).is_some() || self.named_stretch(k).is_some())
    }

    /// Where the name of a stretch before the section word at `k` starts,
    /// when a road's or river's head ends right before it (江北公路|龙武庄园|
    /// 段): one or two words of two to four characters in all, each a
    /// proper name or no word of the dictionary.
    fn named_stretch(&self, k: usize) -> Option<usize> {
        let (r, lat) = (self.r, self.lat);
        let mut s = k;
        for _ in 0..2 {
            let t = lat.token(s.checked_sub(1)?).filter(|t| t.end == s)?;
            let w = lat.text(t.start, t.end);
            let proper = r.tags().proper_name.contains(t.tag)
                || r.tags().inner_name.contains(t.tag)
                || !r.is_word(&w);
            if !proper || k - t.start > 4 || t.start < self.limit {
                break;
            }
            s = t.start;
            let way = r.head_ending(lat, (0, s), true, |v| {
                v.iter()
                    .any(|x| matches!(x.etype, EntityType::Project | EntityType::Place))
            });
            if k - s >= 2 && way {
                return Some(s);
            }
        }
        None
    }

    /// One step left from `start`, by what is written before it.
    fn step(&self, start: usize) -> Step {
        let prev = start - 1;
        let c = self.lat.chars[prev];
        if let Some(step) = self.at_place(start) {
            return step;
        }
        // a geographic name starts the name (辽东半岛水资源配置一期工程)
        let geo = self.lat.ending_at(start, |p| matches!(p, Piece::Geo(_)));
        if let Some(&(gs, _)) = geo.first() {
            if self.lat.tok_boundary(gs) && !self.covered[gs..start].iter().any(|c| *c) {
                return Step::Found((gs, None));
            }
        }
        if self.covered[prev] {
            // an organisation named inside a project's name
            // (丹寨县第四幼儿园扩建项目)
            return match self.org_end(start).filter(|&os| os >= self.limit) {
                Some(os) => Step::Move(os),
                None => Step::Stop(start),
            };
        }
        if let Some(lead) = self.capacity_before(start) {
            // (with the company whose project it is: 某某有限公司年产…项目;
            // a verb of building before the capacity is the sentence's:
            // 投资12亿元建设年产5万吨…项目)
            let verbs = &self.r.lex.head_words.build_verb;
            let built = (2..=4).any(|l| lead >= l && verbs.contains(self.lat.str(lead - l, lead)));
            return match self.org_end(lead) {
                Some(os) => Step::Move(os),
                None if built => Step::Stop(lead),
                None => Step::Move(lead),
            };
        }
        if is_close_bracket(c) {
            return self.over_bracket(start, prev);
        }
        if c == '”' {
            return self.over_quote(start, prev);
        }
        if is_punct(c) || c == '\n' {
            return Step::Stop(start);
        }
        match self.lat.token(prev) {
            Some(t) => self.over_word(start, t),
            None => Step::Stop(start),
        }
    }

    /// The start of a road's number and kind written right before a
    /// route's first place (G316国道 + 长乐至福州段), else `ps`.
    fn road_before(&self, ps: usize) -> usize {
        let lat = self.lat;
        let kind = (1..=3)
            .find(|&l| ps >= l && (self.r.lex.head_words.work_head).contains(lat.str(ps - l, ps)));
        let Some(l) = kind else { return ps };
        let mut k = ps - l;
        while k > 0 && lat.chars[k - 1].is_ascii_alphanumeric() && !self.covered[k - 1] {
            k -= 1;
        }
        if k < ps - l && lat.chars[k].is_ascii_alphabetic() {
            k
        } else {
            ps
        }
    }

    /// The start of the capacity a project's name states, written right
    /// before `start` (年产20万吨, 年出栏10万头, 年产80万kw(千瓦)): a
    /// capacity verb, then a number and its unit, without punctuation
    /// but brackets.
    fn capacity_before(&self, start: usize) -> Option<usize> {
        if self.head != Head::Project {
            return None;
        }
        let (lat, fw) = (self.lat, &self.r.lex.function_words);
        let leads = &self.r.lex.head_words.capacity_lead;
        let from = start.saturating_sub(CAPACITY_REACH).max(self.limit);
        (from..start).rev().find_map(|ls| {
            let (_, len) = lat.word_at(ls, leads)?;
            let q = ls + len;
            let first = *lat.chars.get(q)?;
            let number = first.is_ascii_digit() || fw.numeral.has_char(first);
            let plain = lat.chars[q..start]
                .iter()
                .all(|&c| !is_punct(c) || is_open_bracket(c) || is_close_bracket(c));
            (q < start && number && plain && !self.covered[q..start].iter().any(|c| *c))
                .then_some(ls)
        })
    }

    /// A place right before `start` ends the walk and is the name's place,
    /// unless it ends a route (天津至潍坊高速铁路: the route is the name)
    /// or lies inside a longer name (金钟工业园区物流园: go on).
    fn at_place(&self, start: usize) -> Option<Step> {
        let lat = self.lat;
        let (ps, _, pr) = self.known.place_end(start)?;
        if ps >= 2
            && self
                .r
                .lex
                .function_words
                .route_joiner
                .has_char(lat.chars[ps - 1])
        {
            if let Some((ps2, _, _)) = self.known.place_end(ps - 1) {
                return Some(Step::Found((self.road_before(ps2), None)));
            }
        }
        let before = ps.checked_sub(1).map(|k| lat.chars[k]);
        // the place of a section (长江干流夷陵区段) lies inside the name of
        // what the section is on
        let section = self.head == Head::Project && self.section_at(start);
        let han_before = before.is_some_and(|b| is_han(b) && !self.covered[ps - 1]);
        // (nor is a short name after a word of size or age: 小南海水库)
        let prefixed = |t: &Token| {
            pr.short
                && t.end - t.start == 1
                && self
                    .r
                    .lex
                    .place_terms
                    .name_prefix
                    .has_char(lat.chars[t.start])
        };
        let inside = han_before
            && (section
                || lat.token(ps - 1).is_some_and(|t| {
                    let w = lat.text(t.start, t.end);
                    !self.r.is_word(&w) || self.r.tags().inner_name.contains(t.tag) || prefixed(t)
                }));
        // (a short name right after a place, or after a place and one
        // character, is a local name's word there: 长乐区 + 滨海新城, not
        // the 滨海 county; 某县 + 复/新河, a river)
        let one_before = ps >= 1
            && lat
                .token(ps - 1)
                .is_some_and(|t| t.end == ps && t.end - t.start == 1 && is_han(lat.chars[t.start]));
        let after_place = pr.short
            && (self.known.place_end(ps).is_some()
                || one_before && self.known.place_end(ps - 1).is_some());
        Some(if inside || after_place {
            Step::Move(ps)
        } else {
            Step::Found((ps, Some(pr)))
        })
    }

    /// A company's registered name starts at a division's name that no
    /// pass read as a place (an ambiguous short name: 西安 of 西安市 and of
    /// two districts) where it opens a word after a delimiter or a function
    /// word, whatever words make the trade name (西安天元防务股份有限公司:
    /// 天元 is tagged a quantifier): at most twelve characters before
    /// `start`, with no punctuation or mention between.
    fn company_place(&self, start: usize) -> Option<Edge> {
        let lat = self.lat;
        if self.head != Head::Company {
            return None;
        }
        let division = |p: &Piece| matches!(p, Piece::Division(_) | Piece::DivisionShort(_));
        for at in (start.saturating_sub(12)..start).rev() {
            // (or a place read as one, when the walk stopped on a word a
            // trade name holds: 江苏天合光能有限公司, 能 a verb)
            if let Some((ps, _, pr)) = self.known.place_end(at + 1).filter(|_| at + 1 < start) {
                let trade = self.trade_name(at + 1);
                return (trade && opens_name(self.r, lat, ps)).then_some((ps, Some(pr)));
            }
            if is_punct(lat.chars[at]) || !is_han(lat.chars[at]) || self.covered[at] {
                return None;
            }
            let fits = lat
                .longest(at, division)
                .is_some_and(|(len, _)| at + len < start && lat.tok_start(at + len));
            if fits && lat.tok_start(at) && opens_name(self.r, lat, at) {
                return Some((at, None));
            }
        }
        None
    }

    /// Whether the words from `s` to the head may make a trade name: at
    /// most ten characters, with no function word, post or verb of two
    /// characters (天合光能, not 村查看新能源科技, 市长李春到某某).
    fn trade_name(&self, s: usize) -> bool {
        let (r, lat) = (self.r, self.lat);
        if self.q < s || self.q - s > TRADE_NAME_MAX {
            return false;
        }
        let mut k = s;
        while k < self.q {
            let Some(t) = lat.token(k) else { return false };
            let w = lat.text(t.start.max(s), t.end.min(self.q));
            let verb = r.tags().predicate_verb.contains(t.tag) && w.chars().count() >= 2;
            if verb || r.tags().company_stop.contains(t.tag) || r.lex.posts.contains_key(&w) {
                return false;
            }
            k = t.end.max(k + 1);
        }
        true
    }

    /// A bracket closing before `start` (at `prev`): a place in a company's
    /// name (（聊城）), a phase or section of a project (（二期）, （鞍山段）)
    /// or another name of the word before it (杜鹃（牡丹）新村) is part of
    /// the name; anything else ends it.
    fn over_bracket(&self, start: usize, prev: usize) -> Step {
        let (lat, q) = (self.lat, self.q);
        let Some(open) = (prev.saturating_sub(6)..prev)
            .rev()
            .find(|&k| is_open_bracket(lat.chars[k]))
        else {
            return Step::Stop(start);
        };
        let inner = lat.text(open + 1, prev);
        let division = lat
            .longest(open + 1, |p| {
                matches!(p, Piece::Division(_) | Piece::DivisionShort(_))
            })
            .is_some_and(|(l, _)| l == inner.chars().count());
        let phase = self.r.lex.head_words.section_end.ends(&inner);
        let alias = start < q
            && open > 0
            && is_han(lat.chars[open - 1])
            && (2..=4).contains(&inner.chars().count())
            && inner.chars().all(is_han);
        // (a company's place in brackets before its form: 某某（宜昌）有限公司)
        let company_place = division && self.head == Head::Company;
        if (division || phase || alias) && start < q || (phase || company_place) && start == q {
            Step::Move(open)
        } else {
            Step::Stop(start)
        }
    }

    /// A quote closing before `start` (at `prev`): a quoted name (“壹号仓”
    /// 项目, “氢进万家”二期示范工程) starts the name.
    fn over_quote(&self, start: usize, prev: usize) -> Step {
        let chars = &self.lat.chars;
        let open = (prev.saturating_sub(12)..prev)
            .rev()
            .find(|&k| chars[k] == '“');
        match open {
            Some(open)
                if chars[open + 1..prev]
                    .iter()
                    .all(|ch| is_han(*ch) || ch.is_ascii_alphanumeric() || *ch == '·') =>
            {
                Step::Stop(open)
            }
            _ => Step::Stop(start),
        }
    }

    /// The word `t` before `start`: part of the name, or its end.
    fn over_word(&self, start: usize, t: &Token) -> Step {
        let (r, q) = (self.r, self.q);
        let w = self.lat.text(t.start, t.end);
        // a phase is part of a project's name (一期 in 水资源配置一期工程),
        // whatever tag jieba gives it, and so is a section after its place
        // (夷陵区段)
        let section = t.end - t.start == 1 && self.section_at(t.start);
        if (is_phase(r, &w) || section) && self.head == Head::Project {
            // (over the stretch's name to the road it lies on)
            let stretch = self
                .known
                .place_end(t.start)
                .map_or_else(|| self.named_stretch(t.start), |_| None);
            return Step::Move(stretch.unwrap_or(t.start));
        }
        // a road's number before its kind (G208 + 国道, S312 + 省道) is
        // part of a project's name
        if self.head == Head::Project && self.route_number(t, &w) {
            return Step::Move(t.start);
        }
        // a conjunction after a name of the same head ends the name
        // (甲气源厂和乙气源厂, 甲公司与乙公司)
        // (jieba may glue the conjunction to the name after it: 和秀英)
        let conjunctions = &r.lex.words.relation.list_conjunctions;
        let first = self.lat.chars[t.start];
        let after_same = t.start > 0 && self.lat.chars[t.start - 1] == self.last;
        if conjunctions.contains(&first) && after_same && (t.end - t.start == 1 || t.tag != Tag::C)
        {
            return Step::Stop(if t.end - t.start == 1 {
                start
            } else {
                t.start + 1
            });
        }
        // a conjunction that jieba glued to the next word ends the name
        // (及局 in 讲话精神及局党委)
        let fw = &r.lex.function_words;
        if w.chars().count() >= 2 && fw.glued_conjunction.starts(&w) && !r.is_word(&w) {
            return Step::Stop(start);
        }
        // a one-character name between a place and the head (大虞街道中社区)
        if start == q && t.end == q && t.end - t.start == 1 && !r.lex.is(&w, Trigger::LeftStop) {
            if let Some((ps, _, pr)) = self.known.place_end(t.start) {
                return Step::Found((ps, Some(pr)));
            }
        }
        // a date before the name is none of it (2023年度 + 河湖长制)
        let date = fw.date_unit.contains(&w)
            && t.start > 0
            && self.lat.chars[t.start - 1].is_ascii_digit();
        if date {
            // (but a division's year program is named so: 某县2025年老旧
            // 小区改造项目, the county's works of that year)
            let mut ds = t.start;
            while ds > 0 && self.lat.chars[ds - 1].is_ascii_digit() {
                ds -= 1;
            }
            let program = (self.head == Head::Project)
                .then(|| self.known.place_end(ds))
                .flatten()
                .filter(|(_, _, pr)| !pr.short && !pr.cands.is_empty());
            if let (true, Some((ps, _, pr))) = (t.start - ds == 4, program) {
                return Step::Found((ps, Some(pr)));
            }
            return Step::Stop(start);
        }
        // a locative opening a village's name that the segmenter cut off
        // (上/营村, 下/坝村: a village of one character is rare)
        if t.end - t.start == 1 && t.tag == Tag::F && self.short_village_at(t.end) {
            return Step::Move(t.start);
        }
        if self.kind_after_proper(t, &w) {
            return Step::Move(t.start);
        }
        if self.word_stops(start, t, &w) || t.start < self.limit {
            Step::Stop(start)
        } else {
            Step::Move(t.start)
        }
    }

    /// Whether the word `w` (token `t`) is a modifier of kind (高端, 公办)
    /// right after a word that goes on the name on its left, no verb (天子湖 +
    /// 高端装备产业园); at the name's start, or after a division's name, it
    /// stays generic (某某县公办幼儿园: the county's public kindergartens).
    fn kind_after_proper(&self, t: &Token, w: &str) -> bool {
        if !self.r.lex.kind_generic.contains(w) || t.start <= self.limit {
            return false;
        }
        self.lat.token_before(t.start).is_some_and(|p| {
            let pw = self.lat.str(p.start, p.end);
            p.start >= self.limit
                && self.known.place_end(t.start).is_none()
                && !self.r.lex.generic.contains(pw)
                && !self.r.lex.name_verbs.contains(pw)
                && !self.r.tags().verb.contains(p.tag)
                && !self.word_stops(t.start, p, pw)
        })
    }

    /// Whether a token of one character and a village's head (营村)
    /// starts at `k`.
    fn short_village_at(&self, k: usize) -> bool {
        self.lat.token(k).is_some_and(|v| {
            v.start == k
                && v.end == k + 2
                && (self.r.lex.head_words.village_head).contains(self.lat.str(k + 1, k + 2))
        })
    }

    /// Whether the word `w` (token `t`) is a road's number (a letter and
    /// digits: G208, S312) written before the generic term of the road.
    fn route_number(&self, t: &Token, w: &str) -> bool {
        let mut cs = w.chars();
        let letter = cs.next().is_some_and(|c| c.is_ascii_uppercase());
        let digits = cs.as_str();
        letter
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && (self.lat)
                .word_at(t.end, &self.r.lex.head_words.work_head)
                .is_some()
    }

    /// Whether the word `w` (token `t`) before `start` ends the name on
    /// its left: a trigger or generic modifier; a post (but in an
    /// association's name); the head of a previous project (重大项目济临高速,
    /// while other heads sit inside longer names: 金钟工业园区物流园建设项目);
    /// a person's name; a dictionary word whose tag is no name part.
    fn word_stops(&self, start: usize, t: &Token, w: &str) -> bool {
        let (r, lat, q) = (self.r, self.lat, self.q);
        let hw = &r.lex.head_words;
        // (the words that make a project's name generic, 产业, 建设, name a
        // company's industry: 某某产业发展有限公司)
        // (but a kind of work right before the head goes on to what it is
        // done on: 某某中学新建项目, while 新建项目 alone stays generic)
        let work_at_head = t.end == q && hw.build_verb.contains(w) && r.lex.name_verbs.contains(w);
        // (a numeral naming a school by its number: 某镇一高中)
        if w.chars().count() == 1
            && r.lex.function_words.numeral.contains(w)
            && lat.word_at(t.end, &hw.ordinal_school).is_some()
        {
            return false;
        }
        if r.lex.is(w, Trigger::LeftStop)
            || r.lex.is(w, Trigger::Anaphor)
            || r.lex.generic.contains(w) && self.head != Head::Company && !work_at_head
        {
            return true;
        }
        let phase_after = {
            let rest = lat.text(t.end, q);
            rest.starts_with(is_open_bracket)
                && rest.ends_with(is_close_bracket)
                && rest.chars().count() <= 6
        };
        let association = lat
            .chars
            .get(q..)
            .is_some_and(|h| h.iter().take(2).any(|c| hw.association_end.has_char(*c)));
        // (a group's name ends a company's on the left: its company is a
        // unit of the group, 某某集团建设发展有限公司, 某某集团某某煤业)
        let group = (self.head == Head::Company || self.org) && hw.company_head.contains(w);
        // (a post that is a word of the trade a company names, 设计 of
        // 某某设计研究总院有限公司, is no post there)
        let trade_word = self.head == Head::Company && r.lex.name_verbs.contains(w);
        if r.lex.posts.contains_key(w) && !association && !trade_word
            || hw.project_end.contains(w) && !phase_after
            || group
        {
            return true;
        }
        // a person's name ends a body's name on the left (李春到福建一建集团)
        let person = r.tags().person_name.contains(t.tag) && start != q;
        // (a trade name that the guesser tags as a name opens a company's
        // name after a delimiter or a function word: 走访了泰金宝光电…)
        let opens = self.head == Head::Company && opens_name(r, lat, t.start);
        if person && !r.is_word(w) && !opens {
            return true;
        }
        // (an unknown trade name that the segmenter cut into characters,
        // 鑫/达 of 和鑫达建材有限公司: a character after one that makes no
        // word with it and opens the name after a delimiter or a function
        // word)
        let fc = &r.lex.function_words.function_char;
        let split_trade = self.head == Head::Company
            && w.chars().count() == 1
            && !fc.in_str(w)
            && lat.token_before(t.start).is_some_and(|p| {
                p.end - p.start == 1
                    && !fc.in_str(lat.str(p.start, p.end))
                    && !r.is_word(lat.str(p.start, t.end))
                    && opens_name(r, lat, p.start)
            });
        if split_trade {
            return false;
        }
        // a word outside the dictionary is a name part whatever tag the
        // HMM guessed (守敬 in 守敬社区); dictionary words are judged by tag
        let function_char = r.lex.function_words.function_char.in_str(w);
        let oov = w.chars().count() >= 2 && !r.is_word(w) && !person && !function_char;
        !oov && self.tag_stops(start, t.tag, w)
    }

    /// Whether a dictionary word's tag ends a name on its left: a function
    /// word (but 至 of a route), a numeral (but a numeral name right before
    /// a place head: 八一社区), a verb that does not occur in names.
    fn tag_stops(&self, start: usize, tag: Tag, w: &str) -> bool {
        let (r, fw) = (self.r, &self.r.lex.function_words);
        let stop_tag =
            r.tags().name_left_stop.contains(tag) || tag == Tag::F && w.chars().count() < 2;
        // (a character read as a classifier right after a place counts
        // nothing: 文登区 + 米/山/水库)
        let one = w.chars().count() == 1;
        let lone_classifier =
            tag == Tag::Q && one && start > 1 && self.known.place_end(start - 1).is_some();
        if stop_tag && !(tag == Tag::P && fw.route_joiner.contains(w)) && !lone_classifier {
            return true;
        }
        let numeral_name = start == self.q
            && w.chars().count() >= 2
            && !fw.approximate_numeral.in_str(w)
            && !fw.large_numeral.in_str(w);
        // (an ordinal numbers a body inside a name: 第七工程局, 第二人民医院)
        let ordinal = fw.ordinal_prefix.starts(w) && w.chars().count() >= 2;
        tag == Tag::M && !w.chars().all(|ch| ch.is_ascii_digit()) && !numeral_name && !ordinal
            || r.tags().predicate_verb.contains(tag) && !r.lex.name_verbs.contains(w)
    }

    /// A project named after its place or body (丹寨县殡葬一体化建设项目,
    /// 丹寨县第四幼儿园扩建项目: the words between may be verbs), a company
    /// after its place (潍坊 + trade name 天元 + industry 智能制造 + 有限公司:
    /// the trade name may be any word): the place or body a few characters
    /// left of `start`, if nothing between ends the name.
    fn named_after(&self, start: usize) -> Option<Edge> {
        let company = self.head == Head::Company;
        for back in 1..=(if company { 12 } else { 8 }) {
            let at = start.checked_sub(back)?;
            if self.ends_named_after(at) {
                return None;
            }
            if let Some((ps, _, pr)) = self.known.place_end(at) {
                return Some((ps, Some(pr)));
            }
            if let Some(os) = self.org_end(at) {
                return Some((os, None));
            }
            // (or after a central enterprise's abbreviation, which the
            // segmenter reads as one word: 中国化学 + 工程集团有限公司)
            let prefix = &self.r.lex.head_words.enterprise_prefix;
            let group = (at.checked_sub(1).and_then(|k| self.lat.token(k)))
                .filter(|t| company && t.end == at && t.end - t.start >= 2)
                .filter(|t| prefix.contains(self.lat.str(t.start, t.end)));
            if let Some(t) = group {
                return Some((t.start, None));
            }
        }
        None
    }

    /// Whether the character at `at` ends the search of
    /// [`Walk::named_after`]: punctuation, a mention other than a place or
    /// body the project names, in a company's trade name a person, a post
    /// or a lone verb (三明市市长李春到福建一建集团), and between them
    /// anything but nouns and verbs (要把, 都, 所有, 打造) or digits.
    fn ends_named_after(&self, at: usize) -> bool {
        let (r, lat) = (self.r, self.lat);
        let company = self.head == Head::Company;
        let ch = lat.chars[at];
        if is_punct(ch)
            || ch == '\n'
            || self.covered[at]
                && (company
                    || self.known.place_end(at + 1).is_none() && self.org_end(at + 1).is_none())
        {
            return true;
        }
        let Some(t) = lat.token(at) else {
            return false;
        };
        let w = lat.text(t.start, t.end);
        let one = w.chars().count() == 1;
        // (a single character that the segmenter's guesser tags as a name
        // is a trade name's: 宝 in 壮乡宝生态…有限公司)
        if company
            && (r.tags().person_name.contains(t.tag) && !one
                || r.lex.posts.contains_key(&w)
                || r.tags().verb.contains(t.tag) && one)
        {
            return true;
        }
        // (a verb of one character right before the generic head takes
        // projects as its object, it names none: 某街道紧紧围绕抓项目)
        let generic_head = self.head == Head::Project
            && t.end == self.q
            && r.lex
                .head_words
                .project_end
                .starts(lat.str(self.q, self.q + 2));
        if generic_head && one && r.tags().verb.contains(t.tag) {
            return true;
        }
        // (a visit's verb ends it too: 在某村查看某某科技公司)
        let trigger = r.lex.triggers.get(&w).is_some_and(|k| {
            k.iter().any(|k| {
                matches!(
                    k,
                    Trigger::LeftStop
                        | Trigger::Participate
                        | Trigger::Issue
                        | Trigger::Partner
                        | Trigger::Visit
                )
            })
        });
        // a conjunction of one character inside a trade name (湖北和亚…有限
        // 公司) joins nothing: a body before it is a mention, which ends the
        // search
        let stop_tag = if company {
            r.tags().company_stop.contains(t.tag) && !(one && t.tag == Tag::C)
        } else {
            r.tags().project_stop.contains(t.tag)
        };
        let joiner = company && one && t.tag == Tag::C;
        // (a work's term is a trade name's industry, whatever its tag:
        // 某省高速/d集团有限公司, 某省路桥建设…公司)
        if company && r.lex.head_words.work_head.contains(&w) {
            return false;
        }
        // (a group's name before a company's: see `word_stops`; or another
        // company's legal form, 某某有限公司和某某有限公司)
        if company && r.lex.head_words.company_head.ends(&w) {
            return true;
        }
        r.is_word(&w) && stop_tag
            || trigger && !r.lex.name_verbs.contains(&w) && !joiner
            || r.lex.generic.contains(&w) && !company
            || ch.is_ascii_digit()
    }

    /// The name from `start`: past a preposition that jieba glued to a
    /// known name (对 + 马颊河林场); none if empty or a generic modifier.
    fn finish(&self, mut start: usize) -> Option<Edge> {
        let (r, lat, q) = (self.r, self.lat, self.q);
        if start + 1 < q
            && r.lex
                .function_words
                .glued_preposition
                .has_char(lat.chars[start])
        {
            let known = lat.longest(start + 1, Piece::names_place);
            if known.is_some_and(|(len, _)| start + 1 + len <= q) {
                start += 1;
            }
        }
        // a village's head glued by the segmenter to the name after it
        // (钱溪/村庆华/家庭农场): the village is a place of its own
        if start + 1 < q && self.glued_village_head(start) {
            start += 1;
        }
        if start >= q || r.lex.generic.contains(lat.str(start, q)) {
            return None;
        }
        Some((start, None))
    }

    /// Whether the token at `start` opens with a village's head of one
    /// character and goes on, after a proper name that ends right before
    /// it (钱溪/村庆华).
    fn glued_village_head(&self, start: usize) -> bool {
        let (r, lat) = (self.r, self.lat);
        let head = lat.str(start, start + 1);
        let glued = lat
            .token(start)
            .is_some_and(|t| t.start == start && t.end > start + 1);
        let name_before = start > 0
            && lat.token(start - 1).is_some_and(|t| {
                t.end == start && t.end - t.start >= 2 && r.tags().proper_name.contains(t.tag)
            });
        glued && name_before && r.lex.head_words.village_head.contains(head)
    }
}

/// The items of a list written before `end` and separated by 、 和 及:
/// (start, end) of each, nearest last; items are short names, maybe quoted.
fn list_items(r: &Recognizer, lat: &Lattice, end: usize, max_items: usize) -> Vec<(usize, usize)> {
    let c = &lat.chars;
    let joiner = &r.lex.function_words.list_joiner;
    let mut items = Vec::new();
    let mut e = end;
    while items.len() < max_items && e > 0 && joiner.has_char(c[e - 1]) {
        let sep = e - 1;
        let mut s = sep;
        if s > 0 && c[s - 1] == '”' {
            match (s.saturating_sub(10)..s - 1).rev().find(|&k| c[k] == '“') {
                Some(open) => s = open,
                None => break,
            }
        } else {
            while s > 0 && is_han(c[s - 1]) && sep - s < 6 && !joiner.has_char(c[s - 1]) {
                s -= 1;
            }
        }
        if s == sep || sep - s > 8 {
            break;
        }
        items.push((s, sep));
        e = s;
    }
    items.reverse();
    items
}

/// Drops a lead-in from the first item of a list (作出了老市府 → 老市府):
/// the words before it that are verbs, function words or triggers.
fn trim_lead(r: &Recognizer, lat: &Lattice, (s, e): (usize, usize)) -> (usize, usize) {
    if lat.chars.get(s) == Some(&'“') {
        return (s, e);
    }
    let mut start = e;
    while start > s {
        let Some(t) = lat.token(start - 1) else { break };
        let w = lat.text(t.start.max(s), t.end.min(e));
        let tag = t.tag;
        let oov = !r.is_word(&w);
        let stop = r.lex.is(&w, Trigger::LeftStop) || !oov && r.tags().list_lead.contains(tag);
        if stop || t.start < s {
            break;
        }
        start = t.start;
    }
    (start, e)
}

/// Names that share a head with the next item of their list, and the
/// townships listed before 等乡镇 (杭口、马坳、宁州和义宁等乡镇).
pub(crate) fn shared_heads(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let mut add = shared_head_items(r, lat, out, covered);
    add.extend(listed_townships(r, lat, covered));
    for m in add {
        out.retain(|o| {
            !(o.start == m.start && o.end == m.end && matches!(o.kind, MentionKind::Place(_)))
        });
        cover(covered, m.start, m.end);
        out.push(m);
    }
}

/// The items listed before a place named by a head that a list shares
/// (老市府、“三王一马”、白浪河片区): each is a place with that head, unless
/// it is covered by something other than a place, holds a post or is an
/// ordinary word.
fn shared_head_items(
    r: &Recognizer,
    lat: &Lattice,
    out: &[Mention],
    covered: &[bool],
) -> Vec<Mention> {
    let mut add = Vec::new();
    for m in out {
        let MentionKind::Named {
            etype: EntityType::Place,
            name,
            place: None,
        } = &m.kind
        else {
            continue;
        };
        let Some(head) = r.lex.head_words.shared_head.ending(name) else {
            continue;
        };
        let items = list_items(r, lat, m.start, 6);
        // a list that names a structure (某某堤, 某某口门) lists sites, not
        // places of one kind
        let sites = &r.lex.head_words.structure_head;
        if items
            .iter()
            .any(|&(s, e)| e - s >= 2 && sites.ends(lat.str(s, e)))
        {
            continue;
        }
        for (ix, it) in items.into_iter().enumerate() {
            let (s, e) = if ix == 0 { trim_lead(r, lat, it) } else { it };
            if s >= e {
                continue;
            }
            let a_place =
                |o: &Mention| o.start == s && o.end == e && matches!(o.kind, MentionKind::Place(_));
            if covered[s..e].iter().any(|x| *x) && !out.iter().any(a_place) {
                continue;
            }
            let item = lat.text(s, e);
            let post_in = (s..e).any(|x| {
                lat.pieces_at(x)
                    .any(|(_, ps, _)| ps.iter().any(|p| matches!(p, Piece::Post)))
            });
            // (an item ending in the head of a body or an organisation is
            // one: 某某纸箱厂、某某小区)
            let body_head = r.head_ending(lat, (s, e), false, |v| {
                v.iter()
                    .all(|x| matches!(x.etype, EntityType::Organization | EntityType::Agency))
            });
            // (or in an industry, as a company's short name does: 某某果业)
            let industry =
                e - s >= 3 && r.lex.head_words.industry_end.ends(&item) && !r.is_word(&item);
            if post_in || body_head || industry || r.common_word(&item) {
                continue;
            }
            // an item that ends in a division's term is a place of its own
            // (吉日街道 before 河坝林社区)
            let pt = &r.lex.place_terms;
            let whole =
                e - s >= 3 && (pt.township_term.ends(&item) || pt.division_term.ends(&item));
            let name = if whole {
                item.clone()
            } else {
                format!("{item}{head}")
            };
            add.push(Mention {
                start: s,
                end: e,
                text: item.clone(),
                kind: MentionKind::Named {
                    etype: EntityType::Place,
                    name,
                    place: None,
                },
            });
        }
    }
    add
}

/// The townships listed before 等乡镇 / 等镇 / 等街道 (杭口、马坳、宁州和义宁等
/// 乡镇): the items that are short names of townships, not covered.
/// Whether a count (12个, 三个) starts at `p` and `at` holds right after
/// it.
fn counted_before(r: &Recognizer, lat: &Lattice, p: usize, at: impl Fn(usize) -> bool) -> bool {
    let fw = &r.lex.function_words;
    let c = &lat.chars;
    let mut k = p;
    while k < c.len() && k < p + 4 && (c[k].is_ascii_digit() || fw.counting_numeral.has_char(c[k]))
    {
        k += 1;
    }
    k > p && k < c.len() && fw.count_classifier.has_char(c[k]) && at(k + 1)
}

fn listed_townships(r: &Recognizer, lat: &Lattice, covered: &[bool]) -> Vec<Mention> {
    let fw = &r.lex.function_words;
    let c = &lat.chars;
    let mut add = Vec::new();
    for k in 1..c.len() {
        // (a count may stand between: 等12个乡镇, 等三个镇)
        let term_at = |p: usize| {
            lat.word_at(p, &r.lex.place_terms.township_list_end)
                .is_some()
        };
        if !fw.list_end.has_char(c[k])
            || !(term_at(k + 1) || counted_before(r, lat, k + 1, term_at))
        {
            continue;
        }
        // the last item ends at 等; the others before 、/和
        let mut s = k;
        while s > 0 && is_han(c[s - 1]) && k - s < 4 && !fw.list_joiner.has_char(c[s - 1]) {
            s -= 1;
        }
        let mut items = list_items(r, lat, s, 8);
        items.push((s, k));
        for (ix, it) in items.into_iter().enumerate() {
            let (a, b) = if ix == 0 { trim_lead(r, lat, it) } else { it };
            if a < b && !covered[a..b].iter().any(|x| *x) {
                add.extend(township(r, lat, a, b));
            }
        }
    }
    add
}

/// The mention of `a..b` as the short name of townships, if it is one.
fn township(r: &Recognizer, lat: &Lattice, a: usize, b: usize) -> Option<Mention> {
    let short = lat.text(a, b);
    let towns: Vec<usize> = r
        .lex
        .division_by_short
        .get(&short)?
        .iter()
        .copied()
        .filter(|&i| r.lex.divisions[i].level == crate::lexicon::Level::Town)
        .collect();
    if towns.is_empty() {
        return None;
    }
    Some(Mention {
        start: a,
        end: b,
        text: short.clone(),
        kind: MentionKind::Place(PlaceRef {
            text: short,
            cands: towns,
            short: true,
            other: None,
            zone: None,
            start: a,
            end: b,
        }),
    })
}

/// Zone names that need the place written before them: 诸城 + 高新技术产业开发区,
/// 潍坊凤凰山 + 高新技术产业园区 are one place each.
fn merge_zones(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>) {
    let zone = &r.lex.head_words.zone_head;
    out.sort_by_key(|m| m.start);
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let b_zone = matches!(&b.kind, MentionKind::Place(p) if zone.ends(&p.text));
        let a_place = match &a.kind {
            MentionKind::Place(p) if !p.cands.is_empty() => Some(p.clone()),
            MentionKind::Named {
                etype: EntityType::Place,
                place,
                ..
            } => place.clone(),
            _ => None,
        };
        let a_is_place = matches!(
            &a.kind,
            MentionKind::Place(_)
                | MentionKind::Named {
                    etype: EntityType::Place,
                    ..
                }
        );
        if let Some(m) = a_place.as_ref().and_then(|p| zone_named(lat, a, p, b)) {
            out.splice(i..i + 2, [m]);
            continue;
        }
        if b_zone && a_is_place && a.end == b.start {
            let name = clean(lat.str(a.start, b.end));
            let m = Mention {
                start: a.start,
                end: b.end,
                text: lat.text(a.start, b.end),
                kind: MentionKind::Named {
                    etype: EntityType::Place,
                    name,
                    place: a_place,
                },
            };
            out.splice(i..i + 2, [m]);
            continue;
        }
        i += 1;
    }
}

/// A project or organisation named after a zone (经济开发区汽车产业园, 高新区
/// 某某产业园) right after the place that the zone's name needs (某县 + 经济
/// 开发区…): one name from the place on, which lies in that place.
fn zone_named(lat: &Lattice, a: &Mention, place: &PlaceRef, b: &Mention) -> Option<Mention> {
    let MentionKind::Named {
        etype,
        name,
        place: Some(z),
    } = &b.kind
    else {
        return None;
    };
    let starts_with_zone = z.zone.is_some() && z.start == b.start && z.end < b.end;
    if a.end != b.start || !starts_with_zone || *etype == EntityType::Place {
        return None;
    }
    Some(Mention {
        start: a.start,
        end: b.end,
        text: lat.text(a.start, b.end),
        kind: MentionKind::Named {
            etype: *etype,
            name: format!("{}{name}", clean(lat.str(a.start, a.end))),
            place: Some(place.clone()),
        },
    })
}

/// The bodies of zones named without a division, written right after the
/// zone (某某园区管委会, 某某新区党工委): the zone's name and its body are
/// read as one chain, whose place is the zone.
fn zone_bodies(r: &Recognizer, lat: &Lattice, out: &mut [Mention], covered: &mut [bool]) {
    for m in out.iter_mut() {
        let MentionKind::Named {
            etype: EntityType::Place | EntityType::Organization,
            ..
        } = &m.kind
        else {
            continue;
        };
        // (the zone's name may end inside the mention: 某某园区党工委 read
        // as an organisation's Party organ)
        let zone = &r.lex.head_words.zone_head;
        let Some(z) = (m.start + 2..=m.end)
            .rev()
            .find(|&k| zone.ending(lat.str(m.start, k)).is_some())
        else {
            continue;
        };
        let name = lat.text(m.start, z);
        let Some((chain, e)) = super::chain::zone_body(r, lat, &name, m.start, z) else {
            continue;
        };
        if e <= z || e < m.end || covered[m.end..e].iter().any(|c| *c) {
            continue;
        }
        cover(covered, m.start, e);
        *m = Mention {
            start: m.start,
            end: e,
            text: lat.text(m.start, e),
            kind: MentionKind::Chain(chain),
        };
    }
}

/// Units named after their company (某某燃气有限公司某某气源厂, 某某集团 +
/// 某某煤业): the company and its unit, read as a chain whose unit lies
/// under the company; the next item of the unit's list shares the company.
fn company_units(r: &Recognizer, lat: &Lattice, out: &mut [Mention]) {
    let mut units = units_in_names(r, lat, out);
    units.extend(units_after_firms(r, out));
    // the next item of a list shares the company (某某公司甲厂和乙厂),
    // unless it is a company itself
    let (company, joiner) = (
        &r.lex.head_words.company_head,
        &r.lex.function_words.list_joiner,
    );
    for m in out.iter_mut() {
        let Some(name) = org_name(m) else {
            continue;
        };
        let before = m
            .start
            .checked_sub(1)
            .filter(|&b| joiner.has_char(lat.chars[b]));
        let Some((e, firm)) = units.iter().find(|(e, _)| Some(*e) == before) else {
            continue;
        };
        let own = company.iter().any(|w| name.contains(w));
        if lat.chars[e - 1] == lat.chars[m.end - 1] && !own {
            m.kind = unit_of(firm.clone(), name, m.start, m.end);
        }
    }
}

/// The name of an organisation's mention named by its head.
fn org_name(m: &Mention) -> Option<String> {
    match &m.kind {
        MentionKind::Named {
            etype: EntityType::Organization,
            name,
            ..
        } => Some(name.clone()),
        _ => None,
    }
}

/// Organisations whose name holds their company's (某某有限公司某某厂):
/// made chains; (end, company) of each.
fn units_in_names(r: &Recognizer, lat: &Lattice, out: &mut [Mention]) -> Vec<(usize, String)> {
    let company = &r.lex.head_words.company_head;
    let mut units = Vec::new();
    for m in out.iter_mut() {
        if org_name(m).is_none() {
            continue;
        }
        // the company's head ends a word inside the name, three or more
        // characters before its end, and an organisation's head ends it
        let Some(k) = (m.start + 2..m.end.saturating_sub(3))
            .find(|&k| lat.tok_boundary(k) && company.ends(lat.str(m.start, k)))
        else {
            continue;
        };
        let headed = r.head_ending(lat, (k, m.end), false, |v| {
            v.iter().any(|x| x.etype == EntityType::Organization)
        });
        if headed {
            m.kind = unit_of(lat.text(m.start, k), lat.text(k, m.end), k, m.end);
            units.push((m.end, lat.text(m.start, k)));
        }
    }
    units
}

/// Organisations written right after their company's own mention (某某
/// 集团 + 某某煤业): made chains; (end, company) of each.
fn units_after_firms(r: &Recognizer, out: &mut [Mention]) -> Vec<(usize, String)> {
    let company = &r.lex.head_words.company_head;
    let firms: HashMap<usize, String> = (out.iter())
        .filter_map(|m| Some((m.end, org_name(m)?)))
        .filter(|(_, name)| company.ends(name))
        .collect();
    let mut units = Vec::new();
    for m in out.iter_mut() {
        let Some(name) = org_name(m).filter(|n| !company.ends(n)) else {
            continue;
        };
        if let Some(firm) = firms.get(&m.start) {
            m.kind = unit_of(firm.clone(), name, m.start, m.end);
            units.push((m.end, firm.clone()));
        }
    }
    units
}

/// An organisation's unit as a chain: the organisation (ending at
/// `org_end`), then the unit under it.
fn unit_of(org: String, unit: String, org_end: usize, end: usize) -> MentionKind {
    MentionKind::Chain(super::chain::Chain {
        links: vec![
            super::chain::Link::Generic {
                text: org,
                etype: EntityType::Organization,
            },
            super::chain::Link::Unit { text: unit },
        ],
        ends: vec![org_end, end],
        ..Default::default()
    })
}

/// Units of an organisation written after its name (武汉大学城市设计院).
fn org_units(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let mut add = Vec::new();
    for m in out.iter() {
        let MentionKind::Named {
            etype: EntityType::Organization,
            name,
            ..
        } = &m.kind
        else {
            continue;
        };
        let Some((link, end)) = super::chain::generic_at(r, lat, m.end, SuffixRole::Body, 6) else {
            continue;
        };
        let super::chain::Link::Generic {
            text,
            etype: EntityType::Organization,
        } = link
        else {
            continue;
        };
        if covered[m.end..end].iter().any(|c| *c) {
            continue;
        }
        add.push(Mention {
            start: m.start,
            end,
            text: lat.text(m.start, end),
            kind: unit_of(name.clone(), text, m.end, end),
        });
    }
    for m in add {
        cover(covered, m.start, m.end);
        out.retain(|o| {
            !(o.start == m.start && o.end <= m.end && matches!(o.kind, MentionKind::Named { .. }))
        });
        out.push(m);
    }
}

/// Whether the characters are a road's number: a capital letter and
/// digits (G331, S208, X503).
fn is_road_number(cs: &[char]) -> bool {
    cs.len() >= 2 && cs[0].is_ascii_uppercase() && cs[1..].iter().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{found_by, has, has_text, through};
    use crate::EntityType::{Organization, Place, Project};

    #[test]
    fn a_modifier_of_kind_after_a_names_proper_word_is_a_word_of_it() {
        let ms = through("近日，天子湖高端装备产业园迎来新一批企业入驻。", "all");
        assert!(has(&ms, "天子湖高端装备产业园", Project), "{ms:?}");
        // (but after a division's name the county's public kindergartens
        // are a class, and so are the kind and its head alone)
        let ms = through(
            "舒城县公办幼儿园入园率提升，高端装备产业园加快建设。",
            "all",
        );
        assert!(!has_text(&ms, "舒城县公办幼儿园"), "{ms:?}");
        assert!(!has_text(&ms, "高端装备产业园"), "{ms:?}");
    }

    #[test]
    fn companies_projects_and_communities_by_their_heads() {
        let ms = found_by("公司与恒瑞精密机械有限公司签约。", "headed_names");
        assert!(has(&ms, "恒瑞精密机械有限公司", Organization), "{ms:?}");
        let ms = found_by("三峡国际会展中心扩建项目开工建设。", "headed_names");
        assert!(has(&ms, "三峡国际会展中心扩建项目", Project), "{ms:?}");
        let ms = found_by("医疗队在桃花岭社区开展义诊。", "headed_names");
        assert!(has(&ms, "桃花岭社区", Place), "{ms:?}");
    }

    #[test]
    fn a_work_named_after_a_river_or_lake_of_common_words_is_named() {
        // (a river's name ending in 江, a word and 湖 read apart)
        let ms = found_by("新建的汨罗江大桥已于近日合龙。", "headed_names");
        assert!(has(&ms, "汨罗江大桥", Project), "{ms:?}");
        let ms = found_by("天子湖产业园已于近日开工。", "headed_names");
        assert!(has(&ms, "天子湖产业园", Project), "{ms:?}");
        // (a kind of park alone names none)
        let ms = found_by("全力推进产业园建设。", "headed_names");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_central_enterprise_s_short_name_opens_its_local_company() {
        let ms = through(
            "中车株洲电力机车有限公司与株洲市人民政府签订合作协议。",
            "enterprise_prefixes",
        );
        assert!(has(&ms, "中车株洲电力机车有限公司", Organization), "{ms:?}");
    }

    #[test]
    fn a_country_after_an_adjective_of_its_age_is_no_place() {
        let ms = found_by("为庆祝新中国成立75周年，县里举办活动。", "headed_names");
        assert!(!has_text(&ms, "中国"), "{ms:?}");
        let ms = found_by("代表团访问了中国和日本。", "headed_names");
        assert!(has_text(&ms, "中国"), "{ms:?}");
    }

    #[test]
    fn no_name_opens_with_a_bracket() {
        let ms = found_by(
            "中粮家佳康（吉林）有限公司投资建设生猪项目。",
            "headed_names",
        );
        assert!(!ms.iter().any(|m| m.0.starts_with('（')), "{ms:?}");
    }

    #[test]
    fn a_head_the_segmenter_glued_to_a_preposition_ends_a_name() {
        // (加工园由: 园由/p)
        let ms = found_by(
            "汨罗江稻米加工园由五常市金禾米业有限公司投资建设。",
            "headed_names",
        );
        assert!(has(&ms, "汨罗江稻米加工园", Project), "{ms:?}");
        let ms = found_by("市园林局负责管理。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn complexes_and_school_and_hospital_buildings_are_works() {
        let ms = found_by("公司将投资8亿元建设溪龙白茶文旅综合体。", "headed_names");
        assert!(has(&ms, "溪龙白茶文旅综合体", Project), "{ms:?}");
        let ms = found_by("歧坪职业中学实训楼建设已进入装饰装修阶段。", "headed_names");
        assert!(has(&ms, "歧坪职业中学实训楼", Project), "{ms:?}");
    }

    #[test]
    fn a_compound_named_by_a_rare_adjective_is_a_place() {
        let ms = found_by(
            "其中，东胜区建设街道富兴小区已完工，老旧小区改造加快推进。",
            "headed_names",
        );
        assert!(ms.iter().any(|m| m.0.ends_with("富兴小区")), "{ms:?}");
        assert!(!has_text(&ms, "老旧小区"), "{ms:?}");
    }

    #[test]
    fn a_section_written_right_after_its_route_is_the_routes_project() {
        let ms = through("G3京台高速铜陵至黄山段已建成通车。", "tagged_names");
        assert!(has(&ms, "G3京台高速铜陵至黄山段", Project), "{ms:?}");
    }

    #[test]
    fn a_rate_of_output_in_a_projects_name_is_no_count() {
        let ms = through(
            "某某食品有限公司年加工1亿只肉鸭项目集中开工。",
            "tagged_names",
        );
        assert!(
            ms.iter().any(|m| m.0.ends_with("年加工1亿只肉鸭项目")),
            "{ms:?}"
        );
        // a date's year before a count stays a count of projects
        let ms = through("全县2023年3个项目集中开工。", "tagged_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn a_kind_of_work_counted_after_its_head_names_none() {
        let ms = found_by(
            "全县计划实施中小河流治理工程3项，其中柴米河治理工程总投资1.2亿元。",
            "headed_names",
        );
        assert!(!ms.iter().any(|m| m.0.contains("中小河流")), "{ms:?}");
        assert!(has(&ms, "柴米河治理工程", Project), "{ms:?}");
        // a count of the projects of a list keeps the last item
        let ms = through(
            "详细了解了尧山路改造项目、某某职业中学实训基地改造工程八个项目。",
            "tagged_names",
        );
        assert!(
            ms.iter().any(|m| m.0.ends_with("实训基地改造工程")),
            "{ms:?}"
        );
    }

    #[test]
    fn a_groups_abbreviation_opens_its_local_company_with_units_after_it() {
        let ms = through("国网宿州供电公司埇桥供电中心开展线路巡视。", "tagged_names");
        assert!(
            has(&ms, "国网宿州供电公司埇桥供电中心", Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn a_project_of_common_words_before_its_event_is_named() {
        let ms = found_by("双方举行新能源电池项目签约仪式。", "headed_names");
        assert!(has(&ms, "新能源电池项目", Project), "{ms:?}");
        let ms = found_by("新能源电池项目进展顺利。", "headed_names");
        assert!(!has(&ms, "新能源电池项目", Project), "{ms:?}");
    }

    #[test]
    fn a_factory_is_named_with_its_company_and_ends_before_a_conjunction() {
        let ms = through(
            "检查组对山东恒瑞燃气有限公司东港气源厂和西港气源厂进行检查。",
            "headed_names",
        );
        assert!(ms.iter().any(|m| m.0.ends_with("东港气源厂")), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0.contains('和')), "{ms:?}");
        assert!(has(&ms, "西港气源厂", Organization), "{ms:?}");
        // (a factory's name opening with a word that ends the walk goes
        // back to its company's start: 民生 is a generic word)
        let ms = through(
            "检查组对海南民生燃气有限公司东港气源厂进行检查。",
            "headed_names",
        );
        assert!(ms.iter().any(|m| m.0.starts_with("海南民生")), "{ms:?}");
        let ms = found_by("调研组走访了宏达纸箱厂与兴旺砖厂。", "headed_names");
        assert!(has(&ms, "宏达纸箱厂", Organization), "{ms:?}");
        assert!(has(&ms, "兴旺砖厂", Organization), "{ms:?}");
    }

    #[test]
    fn an_agency_s_institution_opens_the_name_of_the_work_on_its_premises() {
        for (text, work) in [
            (
                "宿松县便民服务中心建设项目加快推进。",
                "宿松县便民服务中心建设项目",
            ),
            (
                "宿松县城市规划展览馆改造项目顺利完工。",
                "宿松县城市规划展览馆改造项目",
            ),
        ] {
            let ms = through(text, "all");
            assert!(has(&ms, work, Project), "{work}: {ms:?}");
        }
    }

    #[test]
    fn a_company_s_name_ends_before_a_conjunction_after_another_company() {
        // (the second name opens after the conjunction, not at the first's
        // province: a conjunction inside the first trade name joins nothing)
        let ms = through(
            "调研组察看了湖北和丰纺织有限公司和华兴机械有限公司。",
            "all",
        );
        assert!(has(&ms, "湖北和丰纺织有限公司", Organization), "{ms:?}");
        assert!(has(&ms, "华兴机械有限公司", Organization), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0.contains("公司和")), "{ms:?}");
    }

    #[test]
    fn a_unit_named_after_its_company_lies_under_it() {
        use super::super::chain::Link;
        use super::super::MentionKind;
        let units = |text: &str| -> Vec<(String, String)> {
            let ms = super::super::testing::recognizer().recognize(text);
            ms.iter()
                .filter_map(|m| match &m.kind {
                    MentionKind::Chain(c) => match c.links.as_slice() {
                        [Link::Generic { text: firm, .. }, Link::Unit { text: unit }] => {
                            Some((firm.clone(), unit.clone()))
                        }
                        _ => None,
                    },
                    _ => None,
                })
                .collect()
        };
        // a unit of the company and the next item of its list
        let us = units("检查组对海南民生燃气有限公司美岭气源厂和翠竹气源厂进行检查。");
        for unit in ["美岭气源厂", "翠竹气源厂"] {
            assert!(
                us.iter()
                    .any(|(f, u)| f == "海南民生燃气有限公司" && u == unit),
                "{unit}: {us:?}"
            );
        }
        // a unit written right after its company's own mention, and the
        // next item of the list
        let us = units("调研组走访了恒泰集团南沟煤业、北沟煤业，了解安全生产情况。");
        for unit in ["南沟煤业", "北沟煤业"] {
            assert!(
                us.iter().any(|(f, u)| f == "恒泰集团" && u == unit),
                "{unit}: {us:?}"
            );
        }
        // (an item that is a company itself is none of its units)
        let us = units("检查组对海南民生燃气有限公司美岭气源厂、海口宏达建设有限公司进行检查。");
        assert!(!us.iter().any(|(_, u)| u.contains("公司")), "{us:?}");
    }

    #[test]
    fn a_verb_of_one_character_before_the_head_names_no_project() {
        let ms = through(
            "希望莲湖区东关街道紧紧围绕抓项目建设的总体思路，推进东关街道棚户区改造项目。",
            "headed_names",
        );
        assert!(!ms.iter().any(|m| m.0.contains("抓项目")), "{ms:?}");
        assert!(ms.iter().any(|m| m.0.ends_with("改造项目")), "{ms:?}");
    }

    #[test]
    fn terms_of_work_safety_are_no_places() {
        let ms = through("省市两级督查组对非煤矿山企业进行督导。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Place)), "{ms:?}");
    }

    #[test]
    fn words_of_policy_language_newer_than_the_dictionary_are_no_names() {
        // 实训 and 康养 are words (common_words.tsv), not unknown proper ones
        let ms = found_by("实地察看实训基地和康养产业园项目建设情况。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
        // a trade name before them still names the project
        let ms = found_by("宏达康养产业园项目今天开工。", "headed_names");
        assert!(has(&ms, "宏达康养产业园项目", Project), "{ms:?}");
    }

    #[test]
    fn a_verb_of_building_right_before_the_head_is_part_of_the_name() {
        // 新建 is a verb, not the short name of a district
        let ms = found_by("长青路中小学新建项目位于城区。", "headed_names");
        assert!(has(&ms, "长青路中小学新建项目", Project), "{ms:?}");
        // but alone before the head it names nothing
        let ms = found_by("今年新建项目12个。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
        // nor does a generic modifier that is no verb of building
        let ms = found_by("建成家校社共育实践基地。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn an_anaphor_the_segmenter_glued_to_a_name_is_no_part_of_it() {
        // jieba cuts 该|乡庆华: 乡 belongs to 该乡
        let ms = found_by("农技人员来到该乡庆华家庭农场询问。", "headed_names");
        assert!(!ms.iter().any(|m| m.0.starts_with('乡')), "{ms:?}");
    }

    #[test]
    fn a_verb_of_building_before_a_stated_capacity_is_no_part_of_the_name() {
        let ms = found_by(
            "宏远公司投资12亿元建设年产5万吨新型建材项目。",
            "headed_names",
        );
        assert!(has(&ms, "年产5万吨新型建材项目", Project), "{ms:?}");
    }

    #[test]
    fn a_road_works_project_between_two_places() {
        // 公路工程 is one word of the segmenter, and the route's second end
        // may be a village it does not know (帮 is a verb too)
        let ms = found_by("来到黄河乡至白马镇公路工程施工现场。", "headed_names");
        assert!(has(&ms, "黄河乡至白马镇公路工程", Project), "{ms:?}");
        let ms = found_by("来到黄河乡S507至帮贡村公路工程施工现场。", "headed_names");
        assert!(has(&ms, "黄河乡S507至帮贡村公路工程", Project), "{ms:?}");
        // a count of road works is none
        let ms = found_by("实施公路工程12项。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn a_school_named_by_its_number_and_a_road_by_its_section() {
        let ms = found_by("来到黄河镇一高中异地新建项目现场。", "headed_names");
        assert!(has(&ms, "黄河镇一高中异地新建项目", Project), "{ms:?}");
        let ms = found_by("察看长青巷北段棚改项目工地。", "headed_names");
        assert!(has(&ms, "长青巷北段棚改项目", Project), "{ms:?}");
    }

    #[test]
    fn a_numeral_and_classifier_inside_a_word_count_nothing() {
        // 零部件 holds 零 and 部, yet it is one word, not a count
        let ms = found_by("宏达汽车零部件产业园项目今天开工。", "headed_names");
        assert!(has(&ms, "宏达汽车零部件产业园项目", Project), "{ms:?}");
        // a count before a head is still none (三座产业园)
        let ms = found_by("新建三座产业园。", "headed_names");
        assert!(!ms.iter().any(|m| m.0.contains("三座")), "{ms:?}");
    }

    #[test]
    fn a_visit_verb_ends_a_companys_name_on_its_left() {
        let ms = found_by("在仓山区城门镇查看新能源科技公司。", "headed_names");
        assert!(!ms.iter().any(|m| m.0.contains("查看")), "{ms:?}");
    }

    #[test]
    fn a_registered_company_name_whatever_words_make_its_trade_name() {
        // a conjunction (和) and a generic word (产业) inside the trade name
        let ms = found_by("领导察看了湖北和信运动用品有限公司。", "headed_names");
        assert!(has(&ms, "湖北和信运动用品有限公司", Organization), "{ms:?}");
        let ms = found_by("有湖北丰源产业发展有限公司计划投资。", "headed_names");
        assert!(has(&ms, "湖北丰源产业发展有限公司", Organization), "{ms:?}");
        // a trade name of ordinary words after a delimiter
        let ms = found_by("走访了山乡宝生态产业开发有限公司。", "headed_names");
        assert!(
            has(&ms, "山乡宝生态产业开发有限公司", Organization),
            "{ms:?}"
        );
        // a place in brackets before the legal form, a trade name the
        // guesser tags as a name
        let ms = found_by("走访了金宝利光电（宜昌）有限公司。", "headed_names");
        assert!(
            has(&ms, "金宝利光电（宜昌）有限公司", Organization),
            "{ms:?}"
        );
        // a short city name that two districts share, and a trade name the
        // segmenter tags as a quantifier
        let ms = found_by("走访了西安天元防务股份有限公司。", "headed_names");
        assert!(has(&ms, "西安天元防务股份有限公司", Organization), "{ms:?}");
        // an enterprise by its trade name and industry; a group's unit
        // named after the group
        let ms = found_by("对天泰锦辰煤业、阳泰集团西沟煤业开展检查。", "headed_names");
        assert!(has(&ms, "天泰锦辰煤业", Organization), "{ms:?}");
        assert!(has(&ms, "西沟煤业", Organization), "{ms:?}");
        assert!(!has(&ms, "集团西沟煤业", Organization), "{ms:?}");
        // but a company of a group is the group's unit, named apart
        let ms = found_by("宜昌三峡集团建设发展有限公司中标。", "headed_names");
        assert!(
            !has(&ms, "宜昌三峡集团建设发展有限公司", Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn a_project_on_a_section_of_a_river_or_road() {
        let ms = found_by("今年实施汉江干流西峡县段防洪工程。", "headed_names");
        assert!(has(&ms, "汉江干流西峡县段防洪工程", Project), "{ms:?}");
        // the division inside the name stays a place of the text
        let all = through("今年实施汉江干流西峡县段防洪工程。", "headed_names");
        assert!(has(&all, "西峡县", Place), "{all:?}");
        let ms = found_by("宜昌市建成香溪河公路大桥和城东小学综合楼。", "headed_names");
        assert!(has(&ms, "香溪河公路大桥", Project), "{ms:?}");
        assert!(has(&ms, "城东小学综合楼", Project), "{ms:?}");
        let ms = found_by("推进宜都市国家储备林基地建设（二期）。", "headed_names");
        assert!(
            has(&ms, "宜都市国家储备林基地建设（二期）", Project),
            "{ms:?}"
        );
        let ms = found_by("两市商议两县之间大桥的建设。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn an_idiom_ending_like_a_place_is_none() {
        let ms = found_by("主任一坐下便开门见山地谈起了工作。", "headed_names");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_short_division_name_after_a_word_of_size_is_part_of_the_name() {
        // 南海 is a district's short name; 小南海 a lake of its own
        let ms = found_by("巡查了上游的小南海水库和南海水库。", "headed_names");
        assert!(has(&ms, "小南海水库", Place), "{ms:?}");
        assert!(has(&ms, "南海水库", Place), "{ms:?}");
    }

    #[test]
    fn a_region_of_a_province_by_its_abbreviation_makes_a_name_proper() {
        let ms = found_by("湘北智能制造产业园二期项目开工。", "headed_names");
        assert!(has(&ms, "湘北智能制造产业园二期项目", Project), "{ms:?}");
        let ms = found_by("智能制造产业园二期项目开工。", "headed_names");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_company_s_name_opens_at_a_place_whatever_its_trade_name_holds() {
        // 能 is a verb to the segmenter; 查看 and 到 are the sentence's
        let ms = found_by("宿迁市与江苏天合光能有限公司签约。", "headed_names");
        assert!(has(&ms, "江苏天合光能有限公司", Organization), "{ms:?}");
        let ms = found_by("连江县晓澳村查看新能源科技公司的厂房。", "headed_names");
        assert!(!has_text(&ms, "连江县晓澳村查看新能源科技公司"), "{ms:?}");
    }

    #[test]
    fn a_river_named_like_a_division_names_its_works() {
        let ms = through("在沙河综合治理工程现场，他了解工程进度。", "headed_names");
        assert!(has(&ms, "沙河综合治理工程", Project), "{ms:?}");
        // (a city's short name before one ordinary word names no work)
        let ms = through("潍坊综合治理工程要统筹推进。", "headed_names");
        assert!(!has_text(&ms, "潍坊综合治理工程"), "{ms:?}");
    }

    #[test]
    fn a_kind_of_work_glued_to_its_head_after_a_river_s_reach() {
        let ms = through("山东积极推进黄河下游防洪工程建设。", "headed_names");
        assert!(has(&ms, "黄河下游防洪工程", Project), "{ms:?}");
        // (a kind of work alone names none)
        let ms = through("积极推进防洪工程建设。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn a_post_that_names_a_company_s_trade_stays_in_its_name() {
        // 设计 is a credit's post and a word of a design institute's trade
        let ms = through("该项目由中南设计研究总院有限公司设计。", "headed_names");
        assert!(has(&ms, "中南设计研究总院有限公司", Organization), "{ms:?}");
    }

    #[test]
    fn a_work_on_a_route_s_section_is_the_route_s_and_lies_there() {
        let ms = through("京台高速宿州至蚌埠段改扩建工程开工。", "headed_names");
        assert!(
            has(&ms, "京台高速宿州至蚌埠段改扩建工程", Project),
            "{ms:?}"
        );
        assert!(has(&ms, "蚌埠", Place), "{ms:?}");
        let ms = through("G3京台高速公路宿州段改扩建工程正在施工。", "headed_names");
        assert!(has(&ms, "宿州", Place), "{ms:?}");
        // (a short name before a work's head, not a section, may be a river)
        let ms = through("嫩江公路大桥正在施工。", "headed_names");
        assert!(!has(&ms, "嫩江", Place), "{ms:?}");
    }

    #[test]
    fn a_dictionary_place_ending_in_a_feature_s_head_is_a_place() {
        let ms = through("大沙河水质持续改善。", "headed_names");
        assert!(has(&ms, "大沙河", Place), "{ms:?}");
        // (two characters and a head of one are still too short: 校园)
        let ms = through("校园环境持续改善。", "headed_names");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_work_on_an_institution_is_named_by_it() {
        let ms = through("县实验中学扩建工程已完成主体施工。", "headed_names");
        assert!(has(&ms, "县实验中学扩建工程", Project), "{ms:?}");
        // (common words before the head still name no work)
        let ms = through("学校扩建工程已完成主体施工。", "headed_names");
        assert!(!has_text(&ms, "学校扩建工程"), "{ms:?}");
    }

    #[test]
    fn a_river_the_dictionary_knows_makes_a_project_s_name_proper() {
        let ms = found_by("赤水河流域生态修复工程加快推进。", "headed_names");
        assert!(has(&ms, "赤水河流域生态修复工程", Project), "{ms:?}");
        // (山水林田湖 is a policy term, no lake)
        let ms = found_by("推进黄河流域山水林田湖草沙系统治理。", "headed_names");
        assert!(!ms.iter().any(|(t, _)| t.ends_with('湖')), "{ms:?}");
    }

    #[test]
    fn a_road_s_number_and_kind_open_the_name_of_works_on_a_route() {
        let ms = found_by("察看了G205国道永安至三明段改扩建工程。", "headed_names");
        assert!(
            has(&ms, "G205国道永安至三明段改扩建工程", Project),
            "{ms:?}"
        );
    }

    #[test]
    fn a_road_s_number_or_a_three_character_end_opens_a_route() {
        // a route from a numbered road to a place the segmenter reads as a
        // person's name (乌兰哈达: 乌兰 + 哈达)
        let ms = found_by("今年续建G331至乌兰哈达公路9.3公里。", "headed_names");
        assert!(has(&ms, "G331至乌兰哈达公路", Project), "{ms:?}");
        let ms = found_by("实施了青龙至白马段旅游公路提升工程。", "headed_names");
        assert!(has(&ms, "青龙至白马段旅游公路提升工程", Project), "{ms:?}");
    }

    #[test]
    fn a_short_division_name_right_after_a_place_is_a_word_of_the_name() {
        // 滨海 is a county's short name; here a word of the new town's name
        let ms = found_by(
            "察看了长乐区滨海新城快速路二期工程施工现场。",
            "headed_names",
        );
        assert!(has(&ms, "长乐区滨海新城快速路二期工程", Project), "{ms:?}");
    }

    #[test]
    fn the_abbreviation_of_china_opens_a_central_enterprise_s_name() {
        // the segmenter cuts 中 off as a locative: 由/中/铁十八局
        let ms = through(
            "该工程由中铁十八局集团有限公司承建。",
            "enterprise_prefixes",
        );
        assert!(has(&ms, "中铁十八局集团有限公司", Organization), "{ms:?}");
        // the group's full abbreviation, over the country's name read in it
        let ms = through(
            "该工程由中国铁建大桥工程局集团有限公司承建。",
            "enterprise_prefixes",
        );
        assert!(
            has(&ms, "中国铁建大桥工程局集团有限公司", Organization),
            "{ms:?}"
        );
        assert!(!has(&ms, "中国", Place), "{ms:?}");
    }

    #[test]
    fn a_short_name_after_a_county_and_a_character_is_a_local_name_s_word() {
        // 新河 is a county's short name; here the end of a river's name
        let ms = through(
            "据了解，丰县复新河综合治理工程也在加紧推进。",
            "headed_names",
        );
        assert!(has(&ms, "丰县复新河综合治理工程", Project), "{ms:?}");
    }

    #[test]
    fn a_dictionary_word_of_a_place_and_a_head_is_an_institution() {
        // (the segmenter holds 曲阜师范大学 as one word tagged l)
        let ms = through("曲阜师范大学举行毕业典礼。", "headed_names");
        assert!(has(&ms, "曲阜师范大学", Organization), "{ms:?}");
        let ms = through("社区办起了老年大学。", "headed_names");
        assert!(!has(&ms, "老年大学", Organization), "{ms:?}");
    }

    #[test]
    fn a_division_s_program_of_a_year_is_a_project() {
        let ms = through("淇滨区2025年老旧小区改造项目已开工38个。", "headed_names");
        assert!(has(&ms, "淇滨区2025年老旧小区改造项目", Project), "{ms:?}");
        // (a year alone opens no name: 2025年老旧小区改造项目 is generic)
        let ms = through("今年，2025年老旧小区改造项目已开工。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn a_platform_company_by_its_level_and_trade() {
        // (the segmenter would read 县城/投)
        for (text, name) in [
            ("该项目由县城投公司负责建设。", "县城投公司"),
            ("学校扩建工程已移交城投集团实施。", "城投集团"),
        ] {
            let ms = through(text, "headed_names");
            assert!(has(&ms, name, Organization), "{text}: {ms:?}");
        }
    }

    #[test]
    fn an_engineering_bureau_by_its_group_and_number() {
        for (text, name) in [
            ("该项目由中铁十局承建。", "中铁十局"),
            ("中建三局负责施工。", "中建三局"),
        ] {
            let ms = through(text, "enterprise_prefixes");
            assert!(has(&ms, name, Organization), "{text}: {ms:?}");
        }
        let ms = through("中铁集团加快推进项目。", "enterprise_prefixes");
        assert!(!ms.iter().any(|m| m.0 == "中铁集"), "{ms:?}");
    }

    #[test]
    fn a_central_enterprise_s_short_name_opens_its_local_company_s_name() {
        // 国网 before the company's place, glued by the segmenter to 由
        let ms = through(
            "该变电站由国网德州供电公司负责运维。",
            "enterprise_prefixes",
        );
        assert!(has(&ms, "国网德州供电公司", Organization), "{ms:?}");
        // a railway bureau made a company keeps its head, and its group's
        // short name is no project
        let ms = through(
            "记者从中国铁路郑州局集团有限公司了解到，新线即将开通。",
            "enterprise_prefixes",
        );
        assert!(
            has(&ms, "中国铁路郑州局集团有限公司", Organization),
            "{ms:?}"
        );
        assert!(!has(&ms, "中国铁路", Project), "{ms:?}");
        // (with the group's word between: the group's unit named in full)
        let ms = through(
            "市政府与中国电建集团西北勘测设计研究院有限公司举行座谈。",
            "enterprise_prefixes",
        );
        assert!(
            has(&ms, "中国电建集团西北勘测设计研究院有限公司", Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn a_company_s_legal_form_is_not_glued_to_the_word_after_it() {
        // the segmenter would read 有限责任/公司财务
        let ms = through(
            "荷塘区天泓渔业有限责任公司财务负责人李芳说。",
            "headed_names",
        );
        assert!(
            has(&ms, "荷塘区天泓渔业有限责任公司", Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn a_park_named_by_common_words_after_another_place_is_that_place_s() {
        // 新能源产业园 is a township-level unit of another province's county
        let ms = through(
            "嘉善县发展和改革委员会审批了嘉善县新能源产业园项目。",
            "headed_names",
        );
        assert!(has(&ms, "嘉善县新能源产业园项目", Project), "{ms:?}");
        assert!(!has(&ms, "新能源产业园", Place), "{ms:?}");
    }

    #[test]
    fn a_character_read_as_a_classifier_after_a_place_is_a_name_s() {
        // the segmenter cuts 米/q 山/n 水库 after the district
        let ms = found_by("调研组来到文登区米山水库察看。", "headed_names");
        assert!(has(&ms, "文登区米山水库", Place), "{ms:?}");
    }

    #[test]
    fn a_date_before_a_name_is_none_of_it() {
        let ms = found_by("2024年度白鹭湖公园建设项目开工。", "headed_names");
        assert!(has(&ms, "白鹭湖公园建设项目", Project), "{ms:?}");
        // 河湖 (rivers and lakes) is a common noun, no lake's name
        let ms = found_by("会议通报了2023年度河湖长制工作考核结果。", "headed_names");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_locative_cut_off_a_village_s_name_opens_it() {
        // the segmenter cuts 上/营村
        let ms = found_by("村里新建的上营村光伏电站已经并网。", "headed_names");
        assert!(has(&ms, "上营村光伏电站", Project), "{ms:?}");
    }

    #[test]
    fn a_village_head_glued_to_the_name_after_it_is_no_part_of_it() {
        // the segmenter cuts 柳溪/村庆华/家庭农场
        let ms = found_by("技术员在柳溪村庆华家庭农场查看秧苗。", "headed_names");
        assert!(has(&ms, "庆华家庭农场", Organization), "{ms:?}");
        let ms = through("技术员在柳溪村庆华家庭农场查看秧苗。", "villages");
        assert!(has(&ms, "柳溪村", Place), "{ms:?}");
    }

    #[test]
    fn a_phrase_glued_to_a_village_makes_no_long_village_name() {
        // the segmenter cuts 改革开放/初石洋村
        let ms = found_by("改革开放初石洋村全村都种茶。", "headed_names");
        assert!(!ms.iter().any(|(t, _)| t.contains("改革开放")), "{ms:?}");
        // a community's own name may be longer than a village's
        let ms = found_by("居民来到金盏乡金泽家园社区参加活动。", "headed_names");
        assert!(has_text(&ms, "金盏乡金泽家园社区"), "{ms:?}");
    }

    #[test]
    fn a_road_from_a_school_is_named_from_the_school() {
        let ms = through(
            "新华小学至北山景区公路路面加宽工程已经完工。",
            "headed_names",
        );
        assert!(
            has(&ms, "新华小学至北山景区公路路面加宽工程", Project),
            "{ms:?}"
        );
    }

    #[test]
    fn a_power_work_s_class_opens_its_name() {
        let ms = found_by("500千伏河口输变电工程日前完成主体施工。", "headed_names");
        assert!(has(&ms, "500千伏河口输变电工程", Project), "{ms:?}");
    }

    #[test]
    fn a_project_s_head_glued_to_the_stage_of_its_work_ends_the_name() {
        // the segmenter reads 项目前期 and 工程建设 as words
        let ms = found_by("加快推进桃源路综合管廊项目前期工作。", "headed_names");
        assert!(has(&ms, "桃源路综合管廊项目", Project), "{ms:?}");
        let ms = found_by("确保青松水库除险加固工程建设进展顺利。", "headed_names");
        assert!(has(&ms, "青松水库除险加固工程", Project), "{ms:?}");
        // and the stage alone names no project
        let ms = found_by("加强工程建设领域监管。", "headed_names");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn a_work_s_head_used_as_a_modifier_or_after_a_country_names_no_project() {
        // 高速 read as an adverb before 铁路网; 中国高铁 is the network
        let ms = found_by(
            "该线是“四纵四横”高速铁路网的重要组成部分，中国高铁走向世界。",
            "headed_names",
        );
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn a_party_organ_after_a_community() {
        let ms = found_by("桃花岭社区党委组织志愿者。", "headed_names");
        assert!(has(&ms, "桃花岭社区党委", Organization), "{ms:?}");
    }

    #[test]
    fn counts_lists_slogans_and_common_nouns_are_no_names() {
        for text in [
            "全县21个村和各社区推进重点项目，改造老旧小区。",
            "推进物业公司改革，抓好在建项目。",
            "“全覆盖”工程和城市更新项目稳步推进。",
        ] {
            let ms = found_by(text, "headed_names");
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
    }

    #[test]
    fn countries_and_rivers_are_places_but_not_as_modifiers() {
        let ms = found_by("他们去了美国和长江沿岸。", "headed_names");
        assert!(has(&ms, "美国", Place) && has(&ms, "长江", Place), "{ms:?}");
        let ms = found_by("美国白蛾防治和加拿大一枝黄花清除。", "headed_names");
        assert!(ms.is_empty(), "{ms:?}");
        let ms = found_by(
            "该县曾获“中国最佳宜居城市”称号，位列中国中小城市百强。",
            "headed_names",
        );
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn items_of_a_list_share_its_head() {
        let ms = found_by("杨家湾、桃花岭和黄金卡社区开展活动。", "shared_heads");
        assert!(
            has(&ms, "杨家湾", Place) && has(&ms, "桃花岭", Place),
            "{ms:?}"
        );
        // a company listed before a compound is no compound (某某果业,
        // 某某纸箱厂)
        let ms = found_by("视察组来到宏发果业、金叶纸箱厂、雅苑小区。", "shared_heads");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn townships_listed_before_their_term() {
        let ms = found_by("在三斗坪、乐天溪等乡镇开展巡查。", "shared_heads");
        assert!(
            has(&ms, "三斗坪", Place) && has(&ms, "乐天溪", Place),
            "{ms:?}"
        );
        // (with their count between)
        let ms = found_by("涉及三斗坪、乐天溪等12个乡镇。", "shared_heads");
        assert!(
            has(&ms, "三斗坪", Place) && has(&ms, "乐天溪", Place),
            "{ms:?}"
        );
    }

    #[test]
    fn a_list_that_names_a_structure_shares_no_head() {
        let ms = found_by(
            "检查组察看了东湾口门、马庄堤、黄金卡村的险情。",
            "shared_heads",
        );
        assert!(ms.is_empty(), "{ms:?}");
        let ms = found_by(
            "检查组来到杨家湾、桃花岭、黄金卡村走访农户。",
            "shared_heads",
        );
        assert_eq!(ms.len(), 2, "{ms:?}");
    }

    #[test]
    fn a_project_named_after_a_zone_keeps_the_zone_s_place() {
        for (text, name) in [
            ("潍坊高新区光电产业园开工建设。", "潍坊高新区光电产业园"),
            (
                "县长来到东辽经济开发区汽车产业园调研。",
                "东辽经济开发区汽车产业园",
            ),
        ] {
            let ms = through(text, "headed_names");
            assert!(has(&ms, name, Project), "{text}: {ms:?}");
        }
    }

    #[test]
    fn ordinary_words_share_no_head() {
        for text in [
            "各镇、村和社区开展活动。",
            "改造道路、绿化和学校等小区设施。",
        ] {
            let ms = found_by(text, "shared_heads");
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
    }
}
