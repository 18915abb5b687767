//! The agency grammar: `[中共] place* core unit*`.
//!
//! - place: a division (潍坊市, 奎文区), its short name (聊城) or, with no
//!   explicit place, a level word (省 市 区 县 镇 乡) whose place comes from
//!   the article's context;
//! - core: a standard department (住房和城乡建设局, 住建局), a central body,
//!   the top bodies (委 = Party committee, 人民政府, 政协, 人大常委会,
//!   管委会), or an unknown name ending in a body suffix (园林环卫中心) when
//!   a place precedes it;
//! - unit: a branch (奎文分局), a Party work organ after 委 (统战部), or an
//!   internal unit (林草科, 综合执法支队, 第三巡察组).

use super::lattice::{Lattice, Piece};
use super::{cover, is_han, is_punct, Mention, MentionKind, Recognizer};
use crate::lexicon::{DeptKind, Level, SuffixRole, Tag, Trigger};
use crate::EntityType;

/// A place written in a name or as a name.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRef {
    /// The text as written (潍坊市, 聊城, 泰国).
    pub(crate) text: String,
    /// Candidate divisions (empty for countries and geographic names).
    pub(crate) cands: Vec<usize>,
    /// Whether the text is a short name (聊城 for 聊城市).
    pub(crate) short: bool,
    /// Canonical name for non-divisions (countries, rivers …); for a zone,
    /// its name as written (某县新区, 某某园区).
    pub(crate) other: Option<String>,
    /// Full form of a development zone (高新区 → 高新技术产业开发区), or
    /// the zone's head (新区) for one named after a place; its place is
    /// the division written before it, else the context's city.
    pub(crate) zone: Option<String>,
    /// First character in the article text.
    pub(crate) start: usize,
    /// One past the last character.
    pub(crate) end: usize,
}

/// One level of an agency name.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// A standard department from the lexicon.
    Dept {
        /// As written (住建局).
        form: String,
        /// Full form (住房和城乡建设局).
        canonical: String,
        /// Naming template.
        kind: DeptKind,
    },
    /// A central body or well-known organisation.
    National {
        /// Full name.
        canonical: String,
        /// Agency (true) or Organization.
        agency: bool,
    },
    /// A Party committee (委, 委员会, 党委, 党工委).
    Committee,
    /// A people's government (政府, 人民政府).
    Government,
    /// A CPPCC committee (政协).
    Cppcc,
    /// A management committee of a zone (管委会).
    Zone,
    /// A democratic party's committee at the chain's place (民进某省委会).
    Democratic {
        /// The party's full name (中国民主促进会).
        party: String,
    },
    /// The same-system bureau of a place (冠县局 in a natural-resources paper).
    Counterpart {
        /// The suffix written (局).
        suffix: String,
    },
    /// A body name not in the lexicon, ending in a body suffix.
    Generic {
        /// The name without place prefix (园林环卫中心).
        text: String,
        /// The type its suffix gives.
        etype: EntityType,
    },
    /// A branch named after a place or area (奎文分局, 经济分局).
    Branch {
        /// The branch name as written.
        text: String,
        /// The division the branch serves, if its name is one.
        place: Option<PlaceRef>,
    },
    /// An internal unit (林草科, 综合执法支队).
    Unit {
        /// The unit name as written.
        text: String,
    },
}

/// A parsed agency or organization name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Chain {
    /// Places written before the core, outermost first.
    pub(crate) places: Vec<PlaceRef>,
    /// A level word (省 市 区 县 镇 乡) standing for the context's place.
    pub(crate) level: Option<char>,
    /// The level word as written where it is a word of its own for a
    /// level (街道, the article's street, read as the town level 镇).
    pub(crate) level_text: Option<String>,
    /// Whether 中共 / 中国共产党 precedes.
    pub(crate) party: bool,
    /// An anaphor standing for the parent body (市局 in 市局林业发展中心).
    pub(crate) anaphor: Option<String>,
    /// The levels of the name, outermost first.
    pub links: Vec<Link>,
    /// Where each level ends in the text (parallel to `links`).
    pub(crate) ends: Vec<usize>,
}

impl Chain {
    /// Whether a place or a level word is written before the chain's core
    /// (奎文区 + 住建局, 县 + 住建局), not the core alone (住建局).
    pub(crate) fn has_prefix(&self) -> bool {
        !self.places.is_empty() || self.level.is_some()
    }

    /// The entity type of the innermost body.
    pub(crate) fn etype(&self) -> EntityType {
        let mut t = EntityType::Agency;
        for l in &self.links {
            match l {
                Link::National { agency: false, .. } => t = EntityType::Organization,
                Link::National { agency: true, .. } => t = EntityType::Agency,
                Link::Generic { etype, .. } => t = *etype,
                _ => {}
            }
        }
        t
    }
}

use super::COMMON_WORD;

/// Scans the text for chains and adds their mentions.
pub(crate) fn scan(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let n = lat.len();
    let mut i = 0;
    while i < n {
        if covered[i] || !starts_here(r, lat, i) {
            i += 1;
            continue;
        }
        if let Some((chain, end)) = parse(r, lat, i) {
            // (a post that the body's name opens and that goes on past it,
            // other than by a post of its own, is the post: 政法委员 is a
            // committee member's charge, not 政法委 + 员; 政法委书记 is the
            // body and its post)
            let post = lat.longest(i, |p| matches!(p, Piece::Post));
            let post_over = !chain.has_prefix()
                && post.is_some_and(|(len, _)| {
                    i + len > end && !r.lex.posts.contains_key(&lat.text(end, i + len))
                });
            if end > i && !post_over && !covered[i..end].iter().any(|c| *c) {
                let text = lat.text(i, end);
                if aside_or_meeting(r, lat, &chain, i, end) {
                    cover(covered, i, end);
                    i = end;
                    continue;
                }
                if chain.links.is_empty() {
                    for p in &chain.places {
                        out.push(Mention {
                            start: p.start,
                            end: p.end,
                            text: p.text.clone(),
                            kind: MentionKind::Place(p.clone()),
                        });
                    }
                } else {
                    let joint = joint_government(r, lat, &chain, end);
                    out.push(Mention {
                        start: i,
                        end,
                        text,
                        kind: MentionKind::Chain(chain),
                    });
                    if let Some(m) = joint.filter(|m| !covered[m.start..m.end].iter().any(|c| *c)) {
                        cover(covered, m.start, m.end);
                        out.push(m);
                    }
                }
                cover(covered, i, end);
                i = end;
                continue;
            }
        }
        // a lone anaphor (该局, 市局, 省厅), or a body's head written alone
        // before a post at the start of a clause (，厅副总工程师某某: the
        // department named before)
        let lone = lat
            .longest(i, |p| matches!(p, Piece::Anaphor))
            .map(|(len, _)| len);
        let lone = lone.or_else(|| {
            bare_head(r, lat, i)
                .filter(|&l| lat.longest(i + l, |p| matches!(p, Piece::Post)).is_some())
        });
        if let Some(len) = lone {
            if lat.tok_boundary(i + len) || is_punct(*lat.chars.get(i + len).unwrap_or(&'。')) {
                out.push(Mention {
                    start: i,
                    end: i + len,
                    text: lat.text(i, i + len),
                    kind: MentionKind::Anaphor {
                        word: lat.text(i, i + len),
                    },
                });
                cover(covered, i, i + len);
                i += len;
                continue;
            }
        }
        if let Some(m) = topic_project(r, lat, i) {
            i = m.end;
            out.push(m);
            continue;
        }
        i += 1;
    }
}

/// A project's generic noun opening a sentence or clause as a word of its
/// own (。项目由某公司承建; ，工程总投资…) is the project the text is
/// about, as 该项目 is: an anaphor.
fn topic_project(r: &Recognizer, lat: &Lattice, i: usize) -> Option<Mention> {
    let opens = i == 0 || matches!(lat.chars[i - 1], '。' | '！' | '？' | '；' | '，' | '\n');
    if !opens {
        return None;
    }
    let t = lat.token(i).filter(|t| t.start == i)?;
    let w = lat.str(t.start, t.end);
    let heads = &r.lex.words.organs.project_anaphor_heads;
    heads.iter().any(|h| h == w).then(|| Mention {
        start: i,
        end: t.end,
        text: w.to_string(),
        kind: MentionKind::Anaphor {
            word: w.to_string(),
        },
    })
}

/// The government written right after a place's Party committee, as its
/// pair (某镇党委政府, 某乡党委、政府): the same place's people's government.
fn joint_government(r: &Recognizer, lat: &Lattice, ch: &Chain, end: usize) -> Option<Mention> {
    if !matches!(ch.links.as_slice(), [Link::Committee]) || !ch.has_prefix() {
        return None;
    }
    let joined = lat
        .chars
        .get(end)
        .is_some_and(|c| r.lex.function_words.list_joiner.has_char(*c));
    let s = end + usize::from(joined);
    let (_, len) = lat.word_at(s, &r.lex.body_words.government)?;
    let e = s + len;
    // (not the start of a department or a longer word: 政府办公室)
    let dept = lat
        .longest(s, |x| matches!(x, Piece::Dept))
        .is_some_and(|(l, _)| l > len);
    if dept || !(lat.tok_boundary(e) || lat.chars.get(e).is_none_or(|c| is_punct(*c))) {
        return None;
    }
    Some(Mention {
        start: s,
        end: e,
        text: lat.text(s, e),
        kind: MentionKind::Chain(Chain {
            places: ch.places.clone(),
            level: ch.level,
            links: vec![Link::Government],
            ends: vec![e],
            ..Default::default()
        }),
    })
}

/// Places listed before a department or top body that they share (锦江区、
/// 青羊区住建局; 甲镇、乙镇党委): each listed division of the same level as
/// the body's place gets the body too (锦江区住建局, 甲镇党委). Level words
/// are left alone (市委、市政府 are two chains already).
pub(crate) fn shared_depts(r: &Recognizer, lat: &Lattice, out: &mut [Mention]) {
    let level = |p: &PlaceRef| -> Option<crate::lexicon::Level> {
        let lv = r.lex.divisions[*p.cands.first()?].level;
        p.cands
            .iter()
            .all(|&c| r.lex.divisions[c].level == lv)
            .then_some(lv)
    };
    let mut add: Vec<(usize, Mention)> = Vec::new();
    for m in out.iter() {
        let MentionKind::Chain(c) = &m.kind else {
            continue;
        };
        // (a Party committee only at townships, where 党委 is the
        // committee's own word: 甲镇、乙镇党委; 甲市、乙市委 may be a city
        // and a committee)
        let town = (c.places.first()).is_some_and(|p| level(p) == Some(Level::Town));
        let dept = matches!(
            c.links.first(),
            Some(Link::Dept { kind, .. }) if *kind != DeptKind::Party
        ) || matches!(c.links.first(), Some(Link::Government | Link::Cppcc))
            || town && matches!(c.links.first(), Some(Link::Committee));
        if c.places.len() != 1 || c.party || c.level.is_some() || !dept {
            continue;
        }
        let Some(lv) = level(&c.places[0]) else {
            continue;
        };
        let mut k = m.start;
        while k >= 2 && r.lex.function_words.list_joiner.has_char(lat.chars[k - 1]) {
            let Some((oi, p)) = out.iter().enumerate().find_map(|(i, o)| match &o.kind {
                MentionKind::Place(p) if o.end == k - 1 && !p.short && level(p) == Some(lv) => {
                    Some((i, p.clone()))
                }
                _ => None,
            }) else {
                break;
            };
            k = p.start;
            add.push((
                oi,
                Mention {
                    start: p.start,
                    end: p.end,
                    text: p.text.clone(),
                    kind: MentionKind::Chain(Chain {
                        places: vec![p],
                        links: c.links.clone(),
                        ..Default::default()
                    }),
                },
            ));
        }
    }
    for (oi, m) in add {
        out[oi] = m;
    }
    listed_levels(r, lat, out);
    listed_party_depts(r, lat, out);
}

/// The work organs of a Party committee listed after one written with the
/// committee (县委组织部、宣传部、统战部): each is the organ of the committee
/// of that level, which the list writes once.
fn listed_party_depts(r: &Recognizer, lat: &Lattice, out: &mut [Mention]) {
    let party_dept = |l: &Link| {
        matches!(
            l,
            Link::Dept {
                kind: DeptKind::Party,
                ..
            }
        )
    };
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].start);
    for w in 0..order.len() {
        let MentionKind::Chain(first) = &out[order[w]].kind else {
            continue;
        };
        let n = first.links.len();
        let committee =
            n >= 2 && first.links[n - 2] == Link::Committee && party_dept(&first.links[n - 1]);
        // (the committee's level: its level word, or its place's term)
        let last_char = |p: &PlaceRef| p.text.chars().next_back();
        let level = first
            .level
            .or_else(|| first.places.last().filter(|p| !p.short).and_then(last_char))
            .filter(|c| r.lex.words.places.is_level_char(*c));
        let Some(level) = level.filter(|_| committee) else {
            continue;
        };
        let mut end = out[order[w]].end;
        for &j in &order[w + 1..] {
            let m = &mut out[j];
            let listed =
                m.start == end + 1 && r.lex.function_words.list_joiner.has_char(lat.chars[end]);
            let MentionKind::Chain(c) = &mut m.kind else {
                break;
            };
            let bare = !c.has_prefix() && !c.party && c.anaphor.is_none();
            if !listed || !bare || c.links.len() != 1 || !party_dept(&c.links[0]) {
                break;
            }
            c.level = Some(level);
            end = m.end;
        }
    }
}

/// A body named by a level word right after a listed body whose place is
/// written and of that level (某区委组织部、区委宣传部; 某县财政局和县审计局):
/// the level word stands for that place, not for the article's.
fn listed_levels(r: &Recognizer, lat: &Lattice, out: &mut [Mention]) {
    let joiner = |k: usize| {
        k >= 1
            && (r.lex.function_words.list_joiner.has_char(lat.chars[k - 1])
                || r.lex
                    .words
                    .relation
                    .list_conjunctions
                    .contains(&lat.chars[k - 1]))
    };
    let strict = &r.lex.words.places.strict_levels;
    for i in 0..out.len() {
        let (start, ch) = match &out[i].kind {
            MentionKind::Chain(c) if c.places.is_empty() && c.level_text.is_none() => {
                match c.level {
                    Some(ch) => (out[i].start, ch),
                    None => continue,
                }
            }
            _ => continue,
        };
        if !joiner(start) {
            continue;
        }
        let written = out.iter().find_map(|o| match &o.kind {
            MentionKind::Chain(c) if o.end + 1 == start => c.places.last().cloned(),
            _ => None,
        });
        let Some(p) = written else { continue };
        let fits = !p.cands.is_empty()
            && p.cands.iter().all(|&d| {
                let d = &r.lex.divisions[d];
                Some(d.level) == level_of(ch) && (!strict.contains(&ch) || d.name.ends_with(ch))
            });
        if let (true, MentionKind::Chain(c)) = (fits, &mut out[i].kind) {
            c.places = vec![p];
            c.level = None;
        }
    }
}

/// Gives the body of a unit to the units listed after it with the same
/// head character (市交通运输局综合科、规划科、建设科; 某林业局稽查处、营林处):
/// a list of units shares the body the first one names, whatever follows
/// the last (a noun such as 负责人 closes no bare section).
pub(crate) fn sibling_units(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let joiner = &r.lex.function_words.list_joiner;
    let mut add = Vec::new();
    for m in out.iter() {
        let MentionKind::Chain(c) = &m.kind else {
            continue;
        };
        // (a unit after its body, or after the body's anaphor: 局办公室)
        let parent = c.links.len() >= 2 || c.anaphor.is_some();
        let (Some(Link::Unit { text: first }), true) = (c.links.last(), parent) else {
            continue;
        };
        let Some(head) = first.chars().last() else {
            continue;
        };
        let mut p = m.end;
        while p + 1 < lat.len() && joiner.has_char(lat.chars[p]) && !covered[p + 1] {
            let Some((Link::Unit { text }, e)) = generic_at(r, lat, p + 1, SuffixRole::Unit, 6)
            else {
                break;
            };
            if !text.ends_with(head) || text == *first || covered[p + 1..e].iter().any(|c| *c) {
                break;
            }
            let mut chain = c.clone();
            chain.links.pop();
            chain.ends.pop();
            chain.links.push(Link::Unit { text: text.clone() });
            chain.ends.push(e);
            add.push(Mention {
                start: p + 1,
                end: e,
                text,
                kind: MentionKind::Chain(chain),
            });
            p = e;
        }
    }
    for m in add {
        cover(covered, m.start, m.end);
        out.push(m);
    }
}

/// Scans the text for internal sections written without their body
/// (审议工程规划科关于…; 利用科按程序报…): a unit name of at least three
/// characters whose suffix may stand alone (科, 股), opening a clause or
/// following a verb or preposition, and followed by a verb, a preposition,
/// punctuation or its head's post (股长). Resolution makes it a section of
/// the article's bureau, or drops it when the article has none.
pub(crate) fn bare_sections(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let n = lat.len();
    let verb_or_prep = |t: &super::lattice::Token| r.tags().section_before.contains(t.tag);
    // after the name: a verb, a preposition, or the idioms, adverbs and
    // conjunctions that start a predicate (按程序, 要, 和)
    let predicate = |t: &super::lattice::Token| r.tags().section_after.contains(t.tag);
    // the suffixes a section may have alone (科, 股)
    let alone: Vec<&str> = r
        .lex
        .suffixes
        .iter()
        .filter(|(_, v)| v.iter().any(|x| x.alone))
        .map(|(s, _)| s.as_str())
        .collect();
    let alone_ends: Vec<char> = alone.iter().filter_map(|s| s.chars().last()).collect();
    let mut i = 0;
    while i < n {
        let opens = i == 0
            || is_punct(lat.chars[i - 1])
            || lat.chars[i - 1] == '\n'
            || lat.tok_start(i) && lat.token(i - 1).is_some_and(verb_or_prep);
        // only where a section's suffix follows within reach (most places
        // have none: the grammar below is costly)
        let reach = &lat.chars[(i + 2).min(n)..(i + 13).min(n)];
        if covered[i] || !opens || !reach.iter().any(|c| alone_ends.contains(c)) {
            i += 1;
            continue;
        }
        let Some((Link::Unit { text }, e)) = generic_at(r, lat, i, SuffixRole::Unit, 6) else {
            i += 1;
            continue;
        };
        // (or the post of the section's head: 某某股 + 股长某某)
        let post = || lat.pieces_at(e).any(|(_, ps, _)| ps.contains(&Piece::Post));
        let closes = e == n
            || is_punct(lat.chars[e])
            || lat.tok_start(e) && lat.token(e).is_some_and(predicate)
            || post();
        if !alone.iter().any(|s| text.ends_with(s))
            || !closes
            || e - i < 3
            || covered[i..e].iter().any(|c| *c)
        {
            i += 1;
            continue;
        }
        out.push(Mention {
            start: i,
            end: e,
            text: text.clone(),
            kind: MentionKind::Chain(Chain {
                links: vec![Link::Unit { text }],
                ends: vec![e],
                ..Default::default()
            }),
        });
        cover(covered, i, e);
        i = e;
    }
}

/// Whether a name may start at `i`: a token start, after punctuation, or a
/// level word after a character glued to it (由市).
fn starts_here(r: &Recognizer, lat: &Lattice, i: usize) -> bool {
    i == 0
        || lat.tok_start(i)
        || is_punct(lat.chars[i - 1])
        || lat.has_match_at(i)
        || glued_level(r, lat, i)
}

/// Whether a level word at `i` follows a preposition or verb that the
/// segmenter may glue to it (由市, 报市政府).
fn glued_level(r: &Recognizer, lat: &Lattice, i: usize) -> bool {
    let pt = &r.lex.place_terms;
    i > 0 && pt.level_word.has_char(lat.chars[i]) && pt.before_level.has_char(lat.chars[i - 1])
}

/// Whether the segmenter read an adjective of one character before `pos`
/// alone where it makes a common word with the first character at `pos`
/// (高 + 新北区: the
/// 高新 of a high-tech zone's north area, no district): the name there is
/// the rest of that word's phrase.
fn split_word_before(r: &Recognizer, lat: &Lattice, pos: usize) -> bool {
    // (an adjective read alone: 高/a; not a noun that ends a word of its
    // own, 新华/社 + 内蒙古, or a unit after a number, 2022/年 + 青海省)
    lat.token_before(pos).is_some_and(|t| {
        let word = lat.str(t.start, pos + 1);
        t.start + 1 == pos && t.tag == Tag::A && r.is_word(word) && r.common_word(word)
    })
}

/// A division (or zone) name written at `pos` as a word, with its end.
pub(crate) fn place_at(r: &Recognizer, lat: &Lattice, pos: usize) -> Option<(PlaceRef, usize)> {
    // a place name starts a word (not 范县 in 示范县), or follows the
    // Party's name (jieba's dictionary holds 中共贵州省委 as one word)
    let after_party = || {
        let before = lat.text(pos.saturating_sub(5), pos);
        r.lex.body_words.party_prefix.ending(&before).is_some()
    };
    // (or follows a level character that the segmenter's guesser glued to
    // it: 我/县巾口/乡; then only a full name)
    // (at a word's start, the character before is no level glued to it)
    let starts = pos == 0 || lat.tok_start(pos) || is_punct(lat.chars[pos - 1]) || after_party();
    let glued_level = !starts
        && r.lex.words.places.is_level_char(lat.chars[pos - 1])
        && lat
            .token(pos)
            .is_some_and(|t| t.start + 1 == pos && !r.is_word(lat.str(t.start, t.end)));
    if !(starts || glued_level) {
        return None;
    }
    // (a numeral read alone right before counts what follows, and a name
    // there is a slogan's word: 建设五宜城市 is a city good in five ways)
    let numerals = &r.lex.words.layout.section_numerals;
    let counted = |t: &super::lattice::Token| {
        t.end == pos
            && t.tag == Tag::M
            && lat.chars[t.start..t.end]
                .iter()
                .all(|c| numerals.contains(c))
    };
    if pos > 0 && lat.token(pos - 1).is_some_and(counted)
        || joins_nouns(r, lat, pos)
        || split_word_before(r, lat, pos)
    {
        return None;
    }
    for (_, pieces, len) in lat.pieces_at(pos) {
        let end = pos + len;
        let mut cands = None;
        let mut short = false;
        let mut zone = None;
        for p in pieces {
            match p {
                Piece::Division(c) => cands = Some(c.clone()),
                Piece::DivisionShort(c) if cands.is_none() => {
                    cands = Some(c.clone());
                    short = true;
                }
                Piece::Zone(z) => zone = Some(z.clone()),
                _ => {}
            }
        }
        if cands.is_none() && zone.is_none() || glued_level && short {
            continue;
        }
        // and ends one (not 东昌 in 东昌湖), unless a body's name goes on
        // (奎文区委, where jieba reads 区委 as one word)
        let body_follows = lat
            .chars
            .get(end)
            .is_some_and(|c| r.lex.body_words.body_initial.has_char(*c))
            || lat.longest(end, |x| matches!(x, Piece::Dept)).is_some();
        // (the segmenter glues a township's term to the word after it:
        // 刘集/乡阳/洼村, 永新/乡新泉/沟; a full township name ends there)
        let township = || {
            !short
                && cands.is_some()
                && len >= 3
                && r.lex.place_terms.township_term.ends(lat.str(pos, end))
                && lat.token(end - 1).is_some_and(|t| {
                    // (a word of the dictionary there is no glue: 联合/乡镇)
                    t.start == end - 1 && !r.is_word(lat.str(t.start, t.end))
                })
        };
        if end < lat.len()
            && !lat.tok_boundary(end)
            && lat.token(end - 1).is_some_and(|t| t.end > end)
            && !body_follows
            && !township()
        {
            continue;
        }
        // (a zone's head keeps the span: 汉川市 + 经济开发区)
        if zone.is_none() && no_division_here(r, lat, (pos, end), short, cands.as_deref()) {
            continue;
        }
        return Some((
            PlaceRef {
                text: lat.text(pos, end),
                cands: cands.unwrap_or_default(),
                short,
                other: None,
                zone,
                start: pos,
                end,
            },
            end,
        ));
    }
    None
}

/// The body that manages an area named after a geographic feature, at `p`
/// (黄河三角洲国家级自然保护区管理局, 某湖湿地公园管理处): the feature's
/// name, an area's head (自然保护区, 风景名胜区) and a body's head.
fn area_body(r: &Recognizer, lat: &Lattice, p: usize) -> Option<(Chain, usize)> {
    let (len, _) = lat.longest(p, |x| matches!(x, Piece::Geo(_)))?;
    let (link, e) = generic_at(r, lat, p, SuffixRole::Body, 16)?;
    let Link::Generic {
        text,
        etype: EntityType::Agency,
    } = &link
    else {
        return None;
    };
    let area = (p + len..e).any(|k| lat.tok_start(k) && area_head_at(r, lat, k));
    (area && text.chars().count() > len).then(|| with_units(r, lat, Chain::default(), link, e))
}

/// Whether the division name at `pos..end` names no division there: a
/// short name before 社区 / 村 / 小区 names that unit (泰安社区), unless
/// another division's name starts there (四川路桥…); a
/// township-level unit named by common words (新能源产业园) right after a
/// place that does not hold it is that place's park (桐乡市 + 新能源产业园
/// 项目), or before a project's head; a short name before the level word
/// of a wider division is a word (会同 + 省交通运输厅: 会同 is the verb
/// "jointly with").
fn no_division_here(
    r: &Recognizer,
    lat: &Lattice,
    (pos, end): (usize, usize),
    short: bool,
    cands: Option<&[usize]>,
) -> bool {
    // (not where another division's name starts with the head: 四川 +
    // 路桥 opens a company's trade name, 四川 + 路 a street)
    let unit_head = lat
        .word_at(end, &r.lex.place_terms.short_name_head)
        .is_some_and(|(_, len)| {
            !lat.pieces_at(end).any(|(_, ps, l)| {
                l > len
                    && ps
                        .iter()
                        .any(|x| matches!(x, Piece::Division(_) | Piece::DivisionShort(_)))
            })
        });
    let cands = cands.unwrap_or_default();
    short && (unit_head || wider_level_follows(r, lat, cands, end))
        || !short
            && (foreign_generic_unit(r, lat, cands, pos)
                || generic_unit_of_project(r, lat, cands, end))
        || joined_after_body(r, lat, (pos, end))
}

/// Whether the divisions `cands` are township-level units named by common
/// words (新材料产业园) and a project's head follows: the words name the
/// project (投资5亿元的新材料产业园项目), not the unit of that name in
/// some city.
fn generic_unit_of_project(r: &Recognizer, lat: &Lattice, cands: &[usize], end: usize) -> bool {
    lat.word_at(end, &r.lex.head_words.project_end).is_some() && r.generic_townships(cands)
}

/// Whether a division named by a conjunction and its level term (和县)
/// stands right after a body's name: the conjunction joins that body to
/// one named by the level word (县住建局和县城投公司).
fn joined_after_body(r: &Recognizer, lat: &Lattice, (pos, end): (usize, usize)) -> bool {
    use crate::EntityType::{Agency, Organization};
    let joiner = &r.lex.function_words.list_joiner;
    end == pos + 2
        && pos > 0
        && joiner.has_char(lat.chars[pos])
        && r.lex.body_head(&lat.chars[pos - 1].to_string(), |t| {
            t == Agency || t == Organization
        })
}

/// Whether the divisions `cands` at `pos` are township-level units named
/// by common words and a division's name ends right at `pos` that holds
/// none of them.
fn foreign_generic_unit(r: &Recognizer, lat: &Lattice, cands: &[usize], pos: usize) -> bool {
    if !r.generic_townships(cands) {
        return false;
    }
    let before = lat.ending_at(pos, |x| matches!(x, Piece::Division(_)));
    let foreign = before.iter().any(|(_, p)| match p {
        Piece::Division(outer) => !cands
            .iter()
            .any(|&c| outer.iter().any(|&o| r.lex.is_within(c, o))),
        _ => false,
    });
    foreign
}

/// Whether the level word at `end` names a level wider than every division
/// of `cands` (省 after a county's short name): no division stands right
/// before the level word of one that holds it.
fn wider_level_follows(r: &Recognizer, lat: &Lattice, cands: &[usize], end: usize) -> bool {
    let Some(level) = lat
        .chars
        .get(end)
        .and_then(|&c| r.lex.place_terms.level_of(c))
    else {
        return false;
    };
    !cands.is_empty() && cands.iter().all(|&i| r.lex.divisions[i].level > level)
}

/// Parses a chain starting at `pos`; returns it with its end.
pub(crate) fn parse(r: &Recognizer, lat: &Lattice, pos: usize) -> Option<(Chain, usize)> {
    if let Some(full) = cppcc_formal(r, lat, pos) {
        return Some(full);
    }
    if let Some(committee) = democratic_committee(r, lat, pos) {
        return Some(committee);
    }
    if let Some(group) = central_group(r, lat, pos) {
        return Some(group);
    }
    let mut ch = Chain::default();
    let (mut p, cppcc_full) = prefix(r, lat, &mut ch, pos);
    // central bodies first (中国贸促会 starts with a country name)
    if !cppcc_full {
        if let Some((link, e)) = national_at(r, lat, p) {
            return Some(with_units(r, lat, ch, link, e));
        }
    }
    p = places(r, lat, &mut ch, p);
    // a term of office after the place qualifies the body after it, which
    // stays the same body (某市第十六届人民代表大会常务委员会)
    if !ch.places.is_empty() {
        p += term_at(r, lat, p).unwrap_or(0);
    }
    if cppcc_full {
        return cppcc_close(r, lat, ch, p);
    }
    if ch.places.is_empty() && !ch.party {
        if let Some(body) = area_body(r, lat, p) {
            return Some(body);
        }
    }
    if ch.places.is_empty() {
        if let Some(c) = level_word_at(r, lat, p) {
            ch.level = Some(c);
            p += 1;
        } else if let Some((c, w, len)) = street_level_at(r, lat, p) {
            ch.level = Some(c);
            ch.level_text = Some(w);
            p += len;
        } else if let Some((c, len)) = place_anaphor_at(r, lat, p) {
            ch.level = Some(c);
            p += len;
        }
    }
    // an anaphor as parent (市局林业发展中心)
    if !ch.has_prefix() && !ch.party {
        if let Some((word, link, e)) = anaphor_parent(r, lat, p) {
            ch.anaphor = Some(word);
            return Some(with_units(r, lat, ch, link, e));
        }
    }
    let has_prefix = ch.has_prefix();
    // a branch named after a place: 奎文分局, 东昌府区分局
    let branch = lat.word_at(p, &r.lex.body_words.branch);
    if let Some((branch, len)) = branch.filter(|_| !ch.party) {
        if let Some(last) = ch.places.pop() {
            let link = Link::Branch {
                text: format!("{}{branch}", last.text),
                place: Some(last),
            };
            return Some(with_units(r, lat, ch, link, p + len));
        }
    }
    if let Some(e) = street_office_at(r, lat, &ch, p) {
        return Some(with_units(r, lat, ch, Link::Government, e));
    }
    match core_at(r, lat, p, has_prefix, ch.party) {
        Some((link, e)) => {
            if !has_prefix {
                ch.level = level_inside(r, &link);
            }
            Some(with_units(r, lat, ch, link, e))
        }
        None => places_only(r, ch, p),
    }
}

/// The level word inside a department's short form that stands for the
/// article's place (市 of 团市委, 县 of 团县委), after its first character.
fn level_inside(r: &Recognizer, link: &Link) -> Option<char> {
    let Link::Dept {
        form, canonical, ..
    } = link
    else {
        return None;
    };
    let templated = canonical.contains("{place}");
    let pt = &r.lex.place_terms;
    let mut cs = form.chars().skip(1);
    templated.then(|| cs.find(|c| pt.level_word.has_char(*c)))?
}

/// The end of a street's office written after the street (某某街道办事处,
/// 某某街道办), which is the street's government; a one-character word
/// only where the segmenter reads it alone (not 办理).
fn street_office_at(r: &Recognizer, lat: &Lattice, ch: &Chain, p: usize) -> Option<usize> {
    // (after the street's name, or after its level word alone: 街道办事处
    // 主任 is the office of the street the article is about)
    let before = match ch.places.last() {
        Some(last) if last.end == p => last.text.as_str(),
        Some(_) => return None,
        None => ch.level_text.as_deref()?,
    };
    let (word, len) = lat.word_at(p, &r.lex.body_words.street_office)?;
    let term = r.lex.body_words.street_office.column_of(word)?;
    // (or the end of the word the segmenter made of it and the term, 街道办;
    // or before a post: 街道办主任)
    let alone = len > 1
        || lat.token(p).is_some_and(|t| t.end == p + 1)
        || lat.longest(p + 1, |x| matches!(x, Piece::Post)).is_some();
    (before.ends_with(term) && alone && !ch.party).then_some(p + len)
}

/// The prefix of a Party body (中国共产党, 中共: sets `ch.party`) or of a
/// CPPCC committee's full name (中国人民政治协商会议) at `pos`: the position
/// after it, and whether it was the CPPCC's.
fn prefix(r: &Recognizer, lat: &Lattice, ch: &mut Chain, pos: usize) -> (usize, bool) {
    let bw = &r.lex.body_words;
    if let Some((_, len)) = lat.word_at(pos, &bw.cppcc_prefix) {
        return (pos + len, true);
    }
    if let Some((_, len)) = lat.word_at(pos, &bw.party_prefix) {
        ch.party = true;
        return (pos + len, false);
    }
    (pos, false)
}

/// The chain with its core (or first unit) `link` ending at `e`, and the
/// units written after it; with the chain's end.
fn with_units(
    r: &Recognizer,
    lat: &Lattice,
    mut ch: Chain,
    link: Link,
    e: usize,
) -> (Chain, usize) {
    ch.links.push(link);
    ch.ends.push(e);
    let end = units(r, lat, &mut ch, e);
    (ch, end)
}

/// A central body or well-known organisation at `p`, longer than any
/// department or place written there and not cutting a word (人行 in
/// 人行道, 人社部 in 人社部门), with its end.
fn national_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<(Link, usize)> {
    let (len, _) = lat.longest(p, |x| matches!(x, Piece::National))?;
    let dept_len = lat
        .longest(p, |x| matches!(x, Piece::Dept))
        .map(|d| d.0)
        .unwrap_or(0);
    let div_len = place_at(r, lat, p).map(|d| d.1 - p).unwrap_or(0);
    let end = p + len;
    let next_word = lat.text(end - 1, end + 1);
    let cuts = end < lat.len() && lat.token(end - 1).is_some_and(|t| t.end > end)
        || lat.chars.get(end).is_some_and(|c| is_han(*c))
            && r.is_word(&next_word)
            && r.word_freq(&next_word) >= COMMON_WORD;
    if len <= dept_len || len <= div_len || cuts {
        return None;
    }
    let nat = r.lex.national.get(lat.str(p, end))?;
    let link = Link::National {
        canonical: nat.canonical.clone(),
        agency: nat.agency,
    };
    Some((link, end))
}

/// The places written at `p`, each inside the one before (潍坊市奎文区),
/// added to the chain, and a level word repeating the last one's level
/// (潍坊市市委); the position after them.
fn places(r: &Recognizer, lat: &Lattice, ch: &mut Chain, mut p: usize) -> usize {
    while let Some((pl, e)) = place_at(r, lat, p) {
        if let Some(prev) = ch.places.last() {
            let nested = pl.zone.is_some() && prev.zone.is_none()
                || pl
                    .cands
                    .iter()
                    .any(|&c| prev.cands.iter().any(|&a| a != c && r.lex.is_within(c, a)));
            if !nested {
                break;
            }
        }
        ch.places.push(pl);
        p = e;
    }
    if let Some(e) = named_zone(r, lat, ch, p) {
        p = e;
    }
    if let (Some(last), Some(&c)) = (ch.places.last(), lat.chars.get(p)) {
        // (not the 市 that starts a department: 清远市市场监管局)
        let dept_here = lat.longest(p, |x| matches!(x, Piece::Dept)).is_some();
        let repeated = r.lex.place_terms.level_word.has_char(c) && last.text.ends_with(c);
        if repeated && !last.short && !dept_here {
            p += 1;
        }
    }
    p
}

/// Whether a conjunction opens the name at `pos` right after a common
/// noun or a person's name (工作报告 + 和县人大常委会: 报告和县人大常委会 is a
/// report and the county's committee; 副县长某某和县农业农村局局长), or a
/// verb of acting jointly right after a body's name (某县市场监管局 +
/// 会同县公安局: with the county's bureau), so that it joins two nouns rather
/// than names 和县 or 会同县.
fn joins_nouns(r: &Recognizer, lat: &Lattice, pos: usize) -> bool {
    if pos == 0 {
        return false;
    }
    let fw = &r.lex.function_words;
    let noun = |t: &super::lattice::Token| {
        t.end == pos
            && matches!(t.tag, Tag::N | Tag::Vn | Tag::Nr)
            && !r.lex.words.places.is_level_char(lat.chars[pos - 1])
    };
    let conjunction = lat
        .chars
        .get(pos)
        .is_some_and(|c| fw.glued_conjunction.has_char(*c));
    if conjunction && lat.token(pos - 1).is_some_and(noun) {
        return true;
    }
    let body_before = !lat
        .ending_at(pos, |x| matches!(x, Piece::Suffix | Piece::Dept))
        .is_empty();
    body_before && joint_before_level(r, lat, pos)
}

/// Whether a verb of acting jointly and a level character start at `pos`
/// (会同 + 县公安局, 联合 + 市住建局).
fn joint_before_level(r: &Recognizer, lat: &Lattice, pos: usize) -> bool {
    let joint = &r.lex.words.relation.partner_joint;
    joint.iter().any(|w| {
        let n = w.chars().count();
        lat.str(pos, pos + n) == w
            && (lat.chars.get(pos + n)).is_some_and(|c| r.lex.words.places.is_level_char(*c))
    })
}

/// A zone named after the division written just before it (某县 + 新区,
/// 某市 + 开发区): the zone's head at `p` is added to the chain as a zone
/// whose name is the division's and the head; the position after it.
fn named_zone(r: &Recognizer, lat: &Lattice, ch: &mut Chain, p: usize) -> Option<usize> {
    let last = ch
        .places
        .last()
        .filter(|l| l.end == p && l.zone.is_none())?;
    if last.cands.is_empty() {
        return None;
    }
    let (word, len) = lat.word_at(p, &r.lex.head_words.zone_head)?;
    let e = p + len;
    if e < lat.len() && !lat.tok_boundary(e) && !core_follows(r, lat, e) {
        return None;
    }
    let written = format!("{}{word}", last.text);
    ch.places.push(zone_place(word, written, word, (p, e)));
    Some(e)
}

/// A zone written as `text` (`start..end`), named `written` as a whole,
/// with its head.
fn zone_place(text: &str, written: String, head: &str, (start, end): (usize, usize)) -> PlaceRef {
    PlaceRef {
        text: text.to_string(),
        cands: Vec::new(),
        short: false,
        other: Some(written),
        zone: Some(head.to_string()),
        start,
        end,
    }
}

/// The body of a zone named without a division (某某园区管委会, 某某新区
/// 党工委): a chain with the zone `name` (`start..end`, ending in a zone's
/// head) as its place and the core and units written right after it.
pub(crate) fn zone_body(
    r: &Recognizer,
    lat: &Lattice,
    name: &str,
    start: usize,
    end: usize,
) -> Option<(Chain, usize)> {
    let head = r.lex.head_words.zone_head.ending(name)?;
    let (link, e) = core_at(r, lat, end, true, false)?;
    let agency = match &link {
        Link::Zone | Link::Committee | Link::Dept { .. } => true,
        Link::Generic { etype, .. } => *etype == EntityType::Agency,
        _ => false,
    };
    if !agency {
        return None;
    }
    let mut ch = Chain::default();
    ch.places
        .push(zone_place(name, name.to_string(), head, (start, end)));
    Some(with_units(r, lat, ch, link, e))
}

/// The end of a CPPCC committee's full name (中国人民政治协商会议 + places +
/// 委员会) at `p`, if its places are there.
fn cppcc_close(r: &Recognizer, lat: &Lattice, ch: Chain, p: usize) -> Option<(Chain, usize)> {
    // (the committee's term may come before 委员会: 政协某市第五届委员会)
    let p = p + term_at(r, lat, p).unwrap_or(0);
    let (_, len) = lat.word_at(p, &r.lex.body_words.committee_full)?;
    if ch.places.is_empty() {
        return None;
    }
    // (and its organs after it: 政协某县第十届委员会常务委员会)
    Some(with_units(r, lat, ch, Link::Cppcc, p + len))
}

/// A CPPCC committee in its formal short form at `pos`: 政协, a term
/// maybe, its place, a term maybe, 委员会 (政协某县委员会, 政协第六届某县
/// 委员会, 政协某市第五届委员会).
fn cppcc_formal(r: &Recognizer, lat: &Lattice, pos: usize) -> Option<(Chain, usize)> {
    let (_, len) = lat.word_at(pos, &r.lex.body_words.cppcc)?;
    let p = pos + len;
    let p = p + term_at(r, lat, p).unwrap_or(0);
    let mut ch = Chain::default();
    let p = places(r, lat, &mut ch, p);
    cppcc_close(r, lat, ch, p)
}

/// A democratic party's committee at `pos`: the party's name, its places
/// or a level word for the article's place, a committee word (民进某省委会,
/// 民盟某市委, 九三学社某省委员会, 民盟市委), and the units after it.
fn democratic_committee(r: &Recognizer, lat: &Lattice, pos: usize) -> Option<(Chain, usize)> {
    let bw = &r.lex.body_words;
    let (word, len) = lat.word_at(pos, &bw.democratic_party)?;
    let party = r.lex.national.get(word)?.canonical.clone();
    let mut ch = Chain::default();
    let mut p = places(r, lat, &mut ch, pos + len);
    // (or a level word for the article's place: 民盟市委)
    if ch.places.is_empty() {
        ch.level = Some(level_word_at(r, lat, p)?);
        p += 1;
    }
    let (_, l) = lat.word_at(p, &bw.democratic_committee)?;
    Some(with_units(r, lat, ch, Link::Democratic { party }, p + l))
}

/// How far after 中央 the head of an inspection group's name may end.
const CENTRAL_GROUP_REACH: usize = 16;

/// An inspection group of the centre at `pos`: 中央, its number maybe, its
/// field and the group's head, unbroken by punctuation (中央第三巡视组,
/// 中央第二生态环境保护督察组, 中央环保督察组).
fn central_group(r: &Recognizer, lat: &Lattice, pos: usize) -> Option<(Chain, usize)> {
    let bw = &r.lex.body_words;
    let (_, len) = lat.word_at(pos, &bw.central_lead)?;
    let end = (pos + CENTRAL_GROUP_REACH).min(lat.len());
    let (q, l) = (pos + len..end)
        .take_while(|&k| is_han(lat.chars[k]))
        .find_map(|k| lat.word_at(k, &bw.inspection_group).map(|(_, l)| (k, l)))?;
    let link = Link::Generic {
        text: lat.text(pos, q + l),
        etype: EntityType::Agency,
    };
    Some(with_units(r, lat, Chain::default(), link, q + l))
}

/// The length of a term of office written at `p` (第五届, 第12届), if one.
fn term_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<usize> {
    let fw = &r.lex.function_words;
    let c = &lat.chars;
    let (_, len) = lat.word_at(p, &fw.ordinal_prefix)?;
    let mut k = p + len;
    while k < c.len() && (fw.numeral.has_char(c[k]) || c[k].is_ascii_digit()) {
        k += 1;
    }
    (k > p + len && k < c.len() && fw.term_mark.has_char(c[k])).then_some(k + 1 - p)
}

/// The word for the article's street at `p` opening a clause or an item
/// before a body's core (街道党工委, 街道办事处): the town level's
/// character, the word, its length.
fn street_level_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<(char, String, usize)> {
    let pt = &r.lex.place_terms;
    let (w, len) = lat.word_at(p, &pt.street_level)?;
    let opens = opens_clause(lat, p);
    let town = pt.levels.iter().find(|(_, l)| *l == Level::Town)?.0;
    (opens && core_follows(r, lat, p + len)).then(|| (town, w.to_string(), len))
}

/// A level word at `p` standing for the context's place (市 in 市住建局):
/// not glued to the character before it (全市, 城区), and a core after it.
fn level_word_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<char> {
    let pt = &r.lex.place_terms;
    let c = *lat.chars.get(p)?;
    let glued = p > 0
        && pt.level_glue.has_char(lat.chars[p - 1])
        && !lat.tok_start(p)
        && !pt.before_level.has_char(lat.chars[p - 1]);
    // (a word read apart before it may make a class of places of it: 地 +
    // 市科技局 are the prefectures' and cities' bureaus)
    let class = lat
        .token_before(p)
        .is_some_and(|t| pt.class_lead.contains(lat.str(t.start, p)));
    (pt.level_word.has_char(c) && !glued && !class && core_follows(r, lat, p + 1)).then_some(c)
}

/// A place's anaphor before the name of one of its top bodies (该镇 +
/// 党委, 该县 + 人民政府): it stands as the level word does, for the place
/// the article is about; its level character and length.
fn place_anaphor_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<(char, usize)> {
    let (len, _) = lat.longest(p, |x| matches!(x, Piece::Anaphor))?;
    let word = lat.text(p, p + len);
    let c = word.chars().last()?;
    let level = r.lex.place_terms.level_word.has_char(c);
    // (a top body or a department follows, not a generic noun: 全县中小学)
    let body = core_at(r, lat, p + len, true, false)
        .is_some_and(|(l, _)| !matches!(l, Link::Generic { .. } | Link::Unit { .. }));
    (level && body).then_some((c, len))
}

/// Whether an anaphor names a place (该镇, 我县, 该街道), not a body: it
/// ends with a level word.
fn names_place(r: &Recognizer, word: &str) -> bool {
    let pt = &r.lex.place_terms;
    word.chars()
        .last()
        .is_some_and(|c| pt.level_word.has_char(c))
        || pt.street_level.iter().any(|w| word.ends_with(w))
}

/// An anaphor at `p` standing for the parent body of the unit after it
/// (市局林业发展中心): the anaphor, the unit and its end.
fn anaphor_parent(r: &Recognizer, lat: &Lattice, p: usize) -> Option<(String, Link, usize)> {
    let len = match lat.longest(p, |x| matches!(x, Piece::Anaphor)) {
        Some((len, _)) => len,
        None => bare_head(r, lat, p)?,
    };
    // (a project's anaphor, 该项目, is no body's; nor is a place's, 该镇,
    // whose village's branch after it is the village's)
    let word = lat.text(p, p + len);
    let organs = &r.lex.words.organs;
    if (organs.project_anaphor_heads.iter()).any(|h| word.ends_with(h.as_str()))
        || organs.work_head(&word).is_some()
        || names_place(r, &word)
    {
        return None;
    }
    let (link, e) = unit_at(r, lat, p + len)?;
    Some((word, link, e))
}

/// Whether `p` opens the text, a clause or a list's item.
fn opens_clause(lat: &Lattice, p: usize) -> bool {
    p == 0 || is_punct(lat.chars[p - 1]) || lat.chars[p - 1] == '\n'
}

/// A body's head written alone as a word at the start of a clause or list
/// item, before its unit (局办公室, 厅大气环境处: the bureau's own units in
/// its own news): its length.
fn bare_head(r: &Recognizer, lat: &Lattice, p: usize) -> Option<usize> {
    let c = *lat.chars.get(p)?;
    if !opens_clause(lat, p) || !lat.token(p).is_some_and(|t| t.start == p && t.end == p + 1) {
        return None;
    }
    let head = (r.lex.words.organs.anaphor_heads.iter()).any(|h| h.chars().eq(std::iter::once(c)));
    head.then_some(1)
}

/// A chain of places only, when no core follows them: unambiguous places
/// (a short name of one division, or of a city and a county inside it),
/// not after a Party prefix or a level word.
fn places_only(r: &Recognizer, mut ch: Chain, p: usize) -> Option<(Chain, usize)> {
    if ch.places.is_empty() || ch.party || ch.level.is_some() {
        return None;
    }
    let end = ch.places.last().map(|l| l.end).unwrap_or(p);
    // (a short name of a city and of a county inside it, 长沙 of 长沙市 and
    // 长沙县, is the city's: the county is written in full)
    for pl in ch
        .places
        .iter_mut()
        .filter(|pl| pl.short && pl.cands.len() > 1)
    {
        let widest = (pl.cands.iter().copied())
            .find(|&w| (pl.cands.iter()).all(|&c| c == w || r.lex.is_within(c, w)));
        if let Some(w) = widest {
            pl.cands = vec![w];
        }
    }
    ch.places.retain(|pl| !pl.short || pl.cands.len() == 1);
    if ch.places.is_empty() {
        return None;
    }
    Some((ch, end))
}

/// Whether a core (department, top body, or generic name) starts at `p`.
fn core_follows(r: &Recognizer, lat: &Lattice, p: usize) -> bool {
    core_at(r, lat, p, true, false).is_some()
}

/// The core of a chain at `p`.
fn core_at(
    r: &Recognizer,
    lat: &Lattice,
    p: usize,
    has_prefix: bool,
    party: bool,
) -> Option<(Link, usize)> {
    if p >= lat.len() {
        return None;
    }
    let bw = &r.lex.body_words;
    // department from the lexicon
    if let Some((len, _)) = lat.longest(p, |x| matches!(x, Piece::Dept)) {
        let form = lat.text(p, p + len);
        // not a department whose last character starts another word
        // (组织部分: 部分)
        let e = p + len;
        // (a short form stays: 作协会员 is 作协 + 会员)
        let cut = len >= 3
            && lat.token(e - 1).is_some_and(|t| {
                t.start == e - 1 && t.end > e && r.common_word(lat.str(t.start, t.end))
            });
        // (a form of one character, 县委办's 办, only after its committee;
        // nor a form without a place or level word before it that starts
        // inside a word: 民委 of 村民委员会, 作协 of 合作协议)
        let alone = !has_prefix && (len == 1 || !lat.tok_boundary(p));
        if let Some((canon, kind)) = r.dept(&form).filter(|_| !cut && !alone) {
            {
                return Some((
                    Link::Dept {
                        form: form.clone(),
                        canonical: canon.to_string(),
                        kind,
                    },
                    p + len,
                ));
            }
        }
    }
    if !has_prefix && !party {
        return None;
    }
    if let Some(link) = congress_by_post(r, lat, p) {
        return Some(link);
    }
    // the top bodies (人民政府, 政协, 管委会; 委员会 after 中共 only; 委 but
    // not 委员)
    let tops = [
        (&bw.government, Link::Government),
        (&bw.cppcc, Link::Cppcc),
        (&bw.zone_committee, Link::Zone),
    ];
    for (words, link) in tops {
        if let Some((_, len)) = lat.word_at(p, words) {
            return Some((link, p + len));
        }
    }
    if let Some((_, len)) = lat.word_at(p, &bw.committee_full).filter(|_| party) {
        return Some((Link::Committee, p + len));
    }
    if lat.word_at(p, &bw.not_committee).is_none() {
        if let Some((_, len)) = lat.word_at(p, &bw.party_committee) {
            return Some((Link::Committee, p + len));
        }
    }
    if party {
        return None;
    }
    // the same-system bureau of a place: 冠县局, 高唐局 (not 局长, a post)
    if let Some((suffix, len)) = lat.word_at(p, &bw.counterpart) {
        let e = p + len;
        let nx = lat.chars.get(e).copied().unwrap_or('。');
        if lat.tok_boundary(e)
            && lat.word_at(p, &bw.not_counterpart).is_none()
            && (!is_han(nx) || bw.counterpart_follow.has_char(nx) || lat.tok_start(e))
        {
            // (a bureau made a company keeps its head: 某某局集团有限公司)
            let run_on = company_run_on(r, lat, e);
            if run_on > e {
                let (text, etype) = (lat.text(p, run_on), EntityType::Organization);
                return Some((Link::Generic { text, etype }, run_on));
            }
            let suffix = suffix.to_string();
            return Some((Link::Counterpart { suffix }, e));
        }
    }
    task_group_at(r, lat, p).or_else(|| generic_at(r, lat, p, SuffixRole::Body, 12))
}

/// How far after a place the head of a task group's name may stand.
const TASK_GROUP_REACH: usize = 24;

/// A body set up for a task at `p`, named after its work with verbs
/// (落实减税降费工作领导小组, 人居环境整治工作专班): the text up to the
/// nearest task group's head within [`TASK_GROUP_REACH`] characters,
/// without punctuation, and without a word that sets such a group up
/// (成立), a post, a noun for people or a local place's head between.
fn task_group_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<(Link, usize)> {
    let hw = &r.lex.head_words;
    let end = (p + TASK_GROUP_REACH).min(lat.len());
    let q = (p..end)
        .take_while(|&k| is_han(lat.chars[k]) && !is_punct(lat.chars[k]))
        .find(|&k| lat.word_at(k, &hw.task_group_end).is_some())?;
    let (_, len) = lat.word_at(q, &hw.task_group_end)?;
    if q < p + 2 || !lat.tok_start(p) {
        return None;
    }
    let mut k = p;
    while k < q {
        let t = lat.token(k)?;
        let w = lat.text(t.start.max(p), t.end.min(q));
        if hw.task_group_stop.contains(&w)
            || r.lex.posts.contains_key(&w)
            || r.lex.body_words.person_noun.contains(&w)
            || hw.local_head.contains(&w)
        {
            return None;
        }
        k = t.end.max(k + 1);
    }
    let text = lat.text(p, q + len);
    Some((
        Link::Generic {
            text,
            etype: EntityType::Agency,
        },
        q + len,
    ))
}

/// The people's congress written before a post of its standing committee
/// (县人大副主任): that committee, the post left to the people's pass.
fn congress_by_post(r: &Recognizer, lat: &Lattice, p: usize) -> Option<(Link, usize)> {
    let bw = &r.lex.body_words;
    let (word, len) = lat.word_at(p, &bw.congress_short)?;
    lat.word_at(p + len, &bw.congress_post)?;
    let form = bw.congress_short.column_of(word)?;
    let (canon, kind) = r.dept(form)?;
    Some((
        Link::Dept {
            form: word.to_string(),
            canonical: canon.to_string(),
            kind,
        },
        p + len,
    ))
}

/// A name ending in a suffix of the given role, starting at `p`, with a
/// gap of 1..=max characters before the suffix. Where several suffixes end
/// at the same place (学院 and 院 in 医学院) the longest one decides.
pub(crate) fn generic_at(
    r: &Recognizer,
    lat: &Lattice,
    p: usize,
    role: SuffixRole,
    max: usize,
) -> Option<(Link, usize)> {
    let n = lat.len();
    // the name must start a word (not 内 in 山东省内)
    if p >= n || !(lat.tok_start(p) || p == 0 || is_punct(lat.chars[p - 1])) {
        return None;
    }
    let mut valid_to = p; // chars p..valid_to passed the gap check
    for e in p + 2..=(p + max + 6).min(n) {
        let Some((q, etype)) = suffix_ending_at(r, lat, (p, e), role, max) else {
            continue;
        };
        // a common noun that only ends like a body (网站, 专家组), or a
        // verb that does (主办, 承办)
        let whole = lat.text(p, e);
        if q == p && !lat.tok_start(p)
            || r.lex.not_bodies.contains(&whole)
            || r.lex
                .not_body_ends
                .iter()
                .any(|w| whole.ends_with(w.as_str()))
            || r.lex.is(&whole, Trigger::LeftStop)
        {
            continue;
        }
        // extend the validated gap as far as the suffix needs; posts may
        // sit inside the names of associations (女企业家协会)
        let association = r.lex.head_words.association_end.ends(lat.str(q, e));
        // the people a service body serves are written in its name
        // (群众诉求服务中心, 人大代表联络站)
        let people_ok = association || r.lex.head_words.service_end.ends(&whole);
        // a unit's head glued to its post (防火处处长) names a unit whatever
        // its words (防火, 预算: verbs)
        let verbs_ok = role == SuffixRole::Unit && glued_post(r, lat, e);
        while valid_to < q {
            if !gap_ok(
                r,
                lat,
                (p, valid_to + 1),
                (association, people_ok),
                verbs_ok,
            ) {
                return None;
            }
            valid_to += 1;
        }
        if !suffix_stands(r, lat, q, e) {
            continue;
        }
        // a group counted right after its head (出动检查组98人次, 派出工作组
        // 3个) is a number of groups, not a named one
        let group = r.lex.head_words.counted_group.ends(lat.str(q, e));
        if group && counted_after(r, lat, e) {
            return None;
        }
        // (a company's legal form after the head makes the name a
        // company's: 某某重科股份有限公司, whatever its head)
        let run_on = company_run_on(r, lat, e);
        let etype = if run_on > e {
            EntityType::Organization
        } else {
            etype
        };
        let e = run_on;
        let text = lat.text(p, e);
        let link = if role == SuffixRole::Unit {
            if q > p && !gap_ok(r, lat, (p, q), (false, false), verbs_ok) {
                return None;
            }
            Link::Unit { text }
        } else {
            Link::Generic { text, etype }
        };
        return Some((link, e));
    }
    None
}

/// Whether a count starts at `e`: digits, or a counting numeral and a
/// classifier (98人次, 三个; not 一行, a group's party).
fn counted_after(r: &Recognizer, lat: &Lattice, e: usize) -> bool {
    lat.chars.get(e).is_some_and(|c| c.is_ascii_digit())
        || super::names::counted(r, lat, e, (e + 2).min(lat.len()))
}

/// The longest suffix of the role ending at `e` of a name starting at `p`
/// (at most `max` characters before it): its start and the type it gives.
fn suffix_ending_at(
    r: &Recognizer,
    lat: &Lattice,
    (p, e): (usize, usize),
    role: SuffixRole,
    max: usize,
) -> Option<(usize, EntityType)> {
    let mut best: Option<(usize, EntityType)> = None;
    let suffixes = lat.ending_at(e, |x| matches!(x, Piece::Suffix));
    // the longest ending names a work (水电站, 物流中心): the organ's head
    // inside it (站, 中心) heads no body
    let work = suffixes
        .iter()
        .filter(|(q, _)| *q >= p)
        .min_by_key(|(q, _)| *q)
        .is_some_and(|(q, _)| names_work(r, lat.str(*q, e)));
    for (q, _) in suffixes {
        if q < p || q - p > max {
            continue;
        }
        // a unit may be its head alone (党支部 after 党史教育馆)
        if q == p && role == SuffixRole::Unit && e - q < 2 {
            continue;
        }
        // a unit with a head of one character (水土保持局 after a 厅) has a
        // name of two characters or more, and no place's name: 茌平局 after
        // 冠县局 is that place's bureau, 驻局 no unit
        // (nor a department's standard name: 税务局 after 某县局 is the
        // bureau named again)
        let dept = || {
            lat.longest(p, |x| matches!(x, Piece::Dept))
                .is_some_and(|(l, _)| p + l == e)
        };
        if role == SuffixRole::Unit
            && e - q == 1
            && (q - p < 2 || place_at(r, lat, p).is_some() || dept())
        {
            continue;
        }
        let Some(etype) = suffix_type(r, lat.str(q, e), role) else {
            continue;
        };
        if work && etype == EntityType::Agency {
            continue;
        }
        if e - q == 1 && q - p < 2 && role == SuffixRole::Body {
            continue;
        }
        // a place and an organisation head alone (武汉大学, 聊城大学)
        if q == p
            && !(role == SuffixRole::Body && etype == EntityType::Organization && e - q >= 2)
            && role != SuffixRole::Unit
        {
            continue;
        }
        if best.is_none_or(|(bq, _)| q < bq) {
            best = Some((q, etype));
        }
    }
    best
}

/// Whether a suffix ends only the names of works (projects: 水电站,
/// 物流中心), of no body.
fn names_work(r: &Recognizer, suf: &str) -> bool {
    r.lex
        .suffixes
        .get(suf)
        .is_some_and(|xs| xs.iter().all(|x| x.etype == EntityType::Project))
}

/// The type a suffix gives a name in the role: a unit's type, or for a
/// body an organisation where no agency claims the suffix or it names
/// organisations first (研究院, 大学), else an agency.
fn suffix_type(r: &Recognizer, suf: &str, role: SuffixRole) -> Option<EntityType> {
    let entries = r.lex.suffixes.get(suf)?;
    if role == SuffixRole::Unit {
        return entries
            .iter()
            .find(|x| x.role == SuffixRole::Unit)
            .map(|x| x.etype);
    }
    let org = entries.iter().any(|x| x.etype == EntityType::Organization);
    let agency = entries.iter().any(|x| x.etype == EntityType::Agency);
    if org && (!agency || r.lex.body_words.org_first.ends(suf)) {
        Some(EntityType::Organization)
    } else {
        agency.then_some(EntityType::Agency)
    }
}

/// Whether a suffix at `q..e` stands as a suffix: not inside a verb (署 in
/// 签署) and ending a word (中心 in 中心城区 does not).
fn suffix_stands(r: &Recognizer, lat: &Lattice, q: usize, e: usize) -> bool {
    // the head ends a verb (主办), a locative (东西部, 内部) or a frequent
    // common noun (部署, 全部) that the segmenter reads as one word
    let in_verb = lat.token(q).is_some_and(|t| {
        t.start < q
            && (r.tags().predicate_verb.contains(t.tag)
                || t.tag == Tag::F
                || t.tag != Tag::Nt && r.word_freq(lat.str(t.start, t.end)) >= 3000)
    });
    // (nor the first character of a common word: 部 of 部门)
    let word_head = e > 0 && lat.word_at(e - 1, &r.lex.body_words.not_head).is_some();
    !in_verb && !word_head && (cut_at(lat, e).is_none() || glued_post(r, lat, e))
}

/// Where the token that a name ending at `e` cuts ends, if it cuts one.
fn cut_at(lat: &Lattice, e: usize) -> Option<usize> {
    let token_end = lat.token(e - 1).map_or(e, |t| t.end);
    (e < lat.len() && !lat.tok_boundary(e) && token_end > e).then_some(token_end)
}

/// Whether the segmenter glued the head ending at `e` to the post after it
/// (规划处处长, 综合科科长: 处处长, 科科长): the post starting at `e` ends
/// the token.
/// (or to a mark of the post's time before it: 股原 in 地籍股原股长)
fn glued_post(r: &Recognizer, lat: &Lattice, e: usize) -> bool {
    let post_at = |k: usize| {
        lat.longest(k, |x| matches!(x, Piece::Post))
            .map(|(l, _)| k + l)
    };
    cut_at(lat, e).is_some_and(|token_end| {
        post_at(e) == Some(token_end)
            || lat
                .word_at(e, &r.lex.person_words.post_marker)
                .is_some_and(|(_, l)| e + l == token_end && post_at(token_end).is_some())
    })
}

/// The end of a company's name that runs on from `e` through following
/// company heads (集团 + 有限公司).
fn company_run_on(r: &Recognizer, lat: &Lattice, mut e: usize) -> usize {
    let form_at = |k: usize| {
        lat.longest(k, |x| matches!(x, Piece::Suffix))
            .map(|(len, _)| (len, lat.text(k, k + len)))
            .filter(|(_, next)| {
                r.lex.body_head(next, |t| t == EntityType::Organization)
                    && r.lex.head_words.company_form_end.ends(next)
            })
    };
    // (or through the words of its trade first: 某某重科 + 智能技术 +
    // 有限公司)
    if form_at(e).is_none() && e > 0 {
        let trade = (e + 1..=(e + TRADE_RUN_MAX).min(lat.len()))
            .take_while(|&k| {
                is_han(lat.chars[k - 1]) && gap_ok(r, lat, (e, k), (false, false), false)
            })
            .find(|&k| lat.tok_start(k) && form_at(k).is_some());
        if let Some(k) = trade {
            e = k;
        }
    }
    while let Some((len, _)) = form_at(e) {
        e += len;
    }
    e
}

/// The most characters of trade words between a head and a company's
/// legal form that still run the name on (智能技术).
const TRADE_RUN_MAX: usize = 6;

/// Whether the characters `p..q` may be the inner part of a name.
fn gap_ok(
    r: &Recognizer,
    lat: &Lattice,
    (p, q): (usize, usize),
    (association, people_ok): (bool, bool),
    verbs_ok: bool,
) -> bool {
    let c = lat.chars[q - 1];
    if is_punct(c) || c == '\n' {
        return false;
    }
    if !is_han(c) {
        return false;
    }
    let fw = &r.lex.function_words;
    if fw.name_gap_char.has_char(c) && !domain_joiner(r, lat, q - 1, q) {
        return false;
    }
    // (nor a verb of acting jointly before another body: 某局|会同县某局)
    if joint_before_level(r, lat, q - 1) {
        return false;
    }
    if let Some(t) = lat.token(q - 1) {
        let w = lat.text(t.start, t.end);
        // a preposition the segmenter glued to a level word (由市, 报省)
        // opens the name after it
        if t.end - t.start == 2 && glued_level(r, lat, t.start + 1) {
            return false;
        }
        // people, posts, generic words and the heads of local places (社区,
        // 村) never sit inside an agency's name; a generic word right after
        // a level word opens the name of what it serves (县|招商服务中心)
        let after_level = t.start == p
            && p > 0
            && r.lex.words.places.is_level_char(lat.chars[p - 1])
            && lat
                .token(p - 1)
                .is_some_and(|l| l.start == p - 1 && l.end == p);
        // (the people a service body serves are written in its name)
        if people_ok && r.lex.body_words.person_noun.contains(&w) {
            return true;
        }
        if r.lex.head_words.local_head.contains(&w)
            || r.lex.posts.contains_key(&w) && !association && !people_ok
            || r.lex.body_words.person_noun.contains(&w)
            || r.lex.generic.contains(&w)
                && !r.lex.name_verbs.contains(&w)
                && !area_head_at(r, lat, t.end)
                && !after_level
        {
            return false;
        }
        if t.start >= p && t.end <= q && !r.name_part(&w) && !domain_joiner(r, lat, t.start, t.end)
        {
            let name_verb = r.lex.name_verbs.contains(&w);
            if !name_verb && r.lex.is(&w, Trigger::LeftStop) || r.lex.is(&w, Trigger::Anaphor) {
                return false;
            }
            let tag = t.tag;
            if r.tags().name_gap_stop.contains(tag) {
                return false;
            }
            // verbs other than those that occur in names end the name
            if r.tags().predicate_verb.contains(tag) && !r.lex.name_verbs.contains(&w) && !verbs_ok
            {
                return false;
            }
            if tag == Tag::M
                && !fw.ordinal_prefix.starts(&w)
                && !w.chars().all(|ch| fw.numeral.has_char(ch))
            {
                return false;
            }
        }
    }
    true
}

/// Whether an area's head (自然保护区, 风景名胜区: a place's head of its
/// own) starts at `e`; a rank before it (国家级) is a word of the area's
/// name.
fn area_head_at(r: &Recognizer, lat: &Lattice, e: usize) -> bool {
    lat.longest(e, |x| matches!(x, Piece::Suffix))
        .is_some_and(|(l, _)| {
            r.lex
                .body_head(lat.str(e, e + l), |t| t == EntityType::Place)
        })
}

/// Whether the token `s..e` joins the two domains of a merged department
/// (和 in 商务和粮食局): a joiner between two nouns of two characters or
/// more.
fn domain_joiner(r: &Recognizer, lat: &Lattice, s: usize, e: usize) -> bool {
    // (or a verb that names a domain inside names: 就业 of 公共就业和人才
    // 服务局)
    let noun = |t: Option<&super::lattice::Token>| {
        t.is_some_and(|t| {
            t.end - t.start >= 2
                && (r.tags().domain_noun.contains(t.tag)
                    || r.lex.name_verbs.contains(lat.str(t.start, t.end)))
        })
    };
    // (the word before names a domain, not a place or a body: 新疆和…,
    // 文旅局和…)
    let body_before = !lat
        .ending_at(s, |x| matches!(x, Piece::Suffix | Piece::Dept))
        .is_empty();
    let place_before = lat
        .token(s.wrapping_sub(1))
        .is_some_and(|t| t.tag == Tag::Ns);
    r.lex.function_words.domain_joiner.contains(lat.str(s, e))
        && s > 0
        && noun(lat.token(s - 1))
        && noun(lat.token(e))
        && !body_before
        && !place_before
}

/// A unit after a body at `p`: branch, Party organ or internal unit.
fn unit_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<(Link, usize)> {
    let branch = &r.lex.body_words.branch;
    // a branch named after a division: 奎文分局, 东昌府区分局
    if let Some((pl, e)) = place_at(r, lat, p) {
        if let Some((head, len)) = lat.word_at(e, branch) {
            return Some((
                Link::Branch {
                    text: format!("{}{head}", pl.text),
                    place: Some(pl),
                },
                e + len,
            ));
        }
    }
    // a department written as a unit (市委网信办 is handled by the caller)
    let (link, end) = generic_at(r, lat, p, SuffixRole::Unit, 7)?;
    if let Link::Unit { text } = &link {
        if branch.ends(text) {
            return Some((
                Link::Branch {
                    text: text.clone(),
                    place: None,
                },
                end,
            ));
        }
    }
    Some((link, end))
}

/// Whether a parsed chain names no body: a bare unit head put in
/// parentheses inside a sentence (各镇（中心）林业站), or a meeting called
/// after the body (召开区委常委会) or numbered by its session (十八次常委会).
fn aside_or_meeting(r: &Recognizer, lat: &Lattice, chain: &Chain, s: usize, e: usize) -> bool {
    let bare_unit = chain.places.is_empty()
        && chain.links.len() == 1
        && matches!(&chain.links[0], Link::Unit { text } if r.lex.suffixes.contains_key(text));
    let aside = bare_unit
        && s >= 2
        && lat.chars[s - 1] == '（'
        && is_han(lat.chars[s - 2])
        && lat.chars.get(e) == Some(&'）');
    let before = lat.text(s.saturating_sub(8), s);
    let bw = &r.lex.body_words;
    let called = before
        .rsplit(|c: char| is_punct(c) || c == '\n')
        .next()
        .is_some_and(|b| bw.meeting_verb.iter().any(|v| b.contains(v)));
    // (a meeting numbered by its session: 政协十届十八次常委会会议)
    let numbered = s > 0 && bw.session_mark.has_char(lat.chars[s - 1]);
    aside || (called || numbered) && bw.meeting.ends(lat.str(s, e))
}

/// Adds units after the core; returns the end of the chain.
fn units(r: &Recognizer, lat: &Lattice, ch: &mut Chain, mut p: usize) -> usize {
    // (the standing committee of a CPPCC committee is read as the
    // committee: 县政协常委会组成人员)
    if matches!(ch.links.last(), Some(Link::Cppcc)) {
        if let Some((_, len)) = lat.word_at(p, &r.lex.body_words.cppcc_organ) {
            p += len;
            if let Some(e) = ch.ends.last_mut() {
                *e = p;
            }
        }
    }
    loop {
        if ch.links.len() >= 5 {
            return p;
        }
        // Party work organs after a committee: 市委统战部, 市委网信办
        if matches!(ch.links.last(), Some(Link::Committee)) {
            if let Some((len, _)) = lat.longest(p, |x| matches!(x, Piece::Dept)) {
                let form = lat.text(p, p + len);
                if let Some((canon, kind)) = r.dept(&form) {
                    if kind == DeptKind::Party {
                        ch.links.push(Link::Dept {
                            form,
                            canonical: canon.to_string(),
                            kind,
                        });
                        p += len;
                        ch.ends.push(p);
                        continue;
                    }
                }
            }
        }
        // 政府办公室
        let office = lat.word_at(p, &r.lex.body_words.government_office);
        if let Some((text, len)) =
            office.filter(|_| matches!(ch.links.last(), Some(Link::Government)))
        {
            ch.links.push(Link::Unit {
                text: text.to_string(),
            });
            p += len;
            ch.ends.push(p);
            continue;
        }
        match unit_at(r, lat, p) {
            Some((link, e)) => {
                if !managed_kind(r, ch, &link) {
                    ch.links.push(link);
                    ch.ends.push(e);
                } else if let Some(end) = ch.ends.last_mut() {
                    *end = e;
                }
                p = e;
            }
            None => return p,
        }
    }
}

/// Whether `unit` is the head of a body that manages institutions of the
/// kind the chain's last link names (某某国有林场 + 管理局): then the two
/// make one body named by both, and no unit of an institution.
fn managed_kind(r: &Recognizer, ch: &mut Chain, unit: &Link) -> bool {
    let Link::Unit { text: head } = unit else {
        return false;
    };
    let Some(Link::Generic { text, etype }) = ch.links.last_mut() else {
        return false;
    };
    if *etype != EntityType::Organization || !r.lex.body_words.managing_head.contains(head) {
        return false;
    }
    text.push_str(head);
    true
}

/// The level of a level word (place_terms.tsv).
pub(crate) fn level_of(c: char) -> Option<Level> {
    crate::lexicon::level_of(c)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{found_by, has, has_text, through};
    use crate::EntityType::{Agency, Organization, Place, Project};

    #[test]
    fn agencies_by_place_core_and_units() {
        let ms = found_by("宜昌市住房和城乡建设局召开会议，县委宣传部参加。", "chains");
        assert!(has(&ms, "宜昌市住房和城乡建设局", Agency), "{ms:?}");
        assert!(has(&ms, "县委宣传部", Agency), "{ms:?}");
        let ms = found_by(
            "中共宜昌市委组织部、宜昌市人民政府办公室联合发文。",
            "chains",
        );
        assert!(has(&ms, "中共宜昌市委组织部", Agency), "{ms:?}");
        assert!(has(&ms, "宜昌市人民政府办公室", Agency), "{ms:?}");
        let ms = found_by("宜昌市西陵区人民政府与奎文分局座谈。", "chains");
        assert!(has(&ms, "宜昌市西陵区人民政府", Agency), "{ms:?}");
        assert!(has(&ms, "奎文分局", Agency), "{ms:?}");
    }

    #[test]
    fn a_park_of_common_words_before_a_projects_head_names_the_project() {
        // (新材料产业园 is also a township-level park of one city: before
        // 项目 the words name the project)
        let ms = through("宏达公司投资8亿元的新材料产业园项目正式投产。", "all");
        assert!(has(&ms, "新材料产业园项目", Project), "{ms:?}");
        assert!(!has(&ms, "新材料产业园", Place), "{ms:?}");
    }

    #[test]
    fn a_name_whose_first_character_ends_a_word_before_it_is_none() {
        // (高新 + 北区: the high-tech zone's north area, not 新北区)
        let ms = found_by("在高新北区，王吉深入产业园调研。", "chains");
        assert!(!has_text(&ms, "新北区"), "{ms:?}");
        let ms = found_by("常州市新北区召开会议。", "chains");
        assert!(has_text(&ms, "新北区"), "{ms:?}");
    }

    #[test]
    fn a_level_word_after_a_word_of_class_is_no_place() {
        // (地市: the prefectures and cities, which the segmenter reads apart)
        let ms = found_by("来自直属单位、地市科技局的代表参加培训。", "chains");
        assert!(!has_text(&ms, "市科技局"), "{ms:?}");
        let ms = found_by("各地市住建局负责人参加会议。", "chains");
        assert!(!has_text(&ms, "市住建局"), "{ms:?}");
        // (a local body after 当地 stays the article's)
        let ms = found_by("当地县委书记参加会议，市科技局参加。", "chains");
        assert!(has_text(&ms, "县委") && has_text(&ms, "市科技局"), "{ms:?}");
    }

    #[test]
    fn a_department_s_short_form_inside_a_word_is_none() {
        // (民委 of 村民委员会, 作协 of 合作协议)
        let ms = found_by(
            "北湖村村民委员会与某某农牧业有限公司签订合作协议。",
            "chains",
        );
        assert!(!has_text(&ms, "民委") && !has_text(&ms, "作协"), "{ms:?}");
        // (a form that starts a word stays one, with or without a level word)
        let ms = found_by("民委、县民政局参加会议。", "chains");
        assert!(has_text(&ms, "民委") && has_text(&ms, "县民政局"), "{ms:?}");
    }

    #[test]
    fn a_county_s_short_name_before_a_wider_level_word_is_a_word() {
        // 会同 is a county's short name and the verb "jointly with"
        let ms = found_by("省教育厅将会同省财政厅制定实施细则。", "chains");
        assert!(has(&ms, "省财政厅", Agency), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0.starts_with("会同")), "{ms:?}");
    }

    #[test]
    fn a_short_name_of_a_city_and_its_namesake_county_is_the_city() {
        // (衡阳 is the short name of 衡阳市 and of 衡阳县, inside it)
        let ms = found_by("省文旅厅调研组赴衡阳开展调研。", "chains");
        assert!(has(&ms, "衡阳", Place), "{ms:?}");
        let r = super::super::testing::recognizer();
        let cands: Vec<Vec<usize>> = (r.recognize("省文旅厅调研组赴衡阳开展调研。").iter())
            .filter_map(|m| match &m.kind {
                super::super::MentionKind::Place(p) => Some(p.cands.clone()),
                _ => None,
            })
            .collect();
        let city = |i: &usize| r.lex.divisions[*i].name == "衡阳市";
        assert!(
            matches!(cands.as_slice(), [c] if c.len() == 1 && city(&c[0])),
            "{cands:?}"
        );
    }

    #[test]
    fn a_generic_word_after_a_bare_level_word_opens_a_body_s_name() {
        let ms = found_by("县发改局、县招商服务中心负责项目服务。", "chains");
        assert!(has(&ms, "县招商服务中心", Agency), "{ms:?}");
        // (not after a place's own level term: 冠县 + 国家级…中心)
        let ms = found_by("冠县国家级林业有害生物中心测报点建成。", "chains");
        assert!(!has_text(&ms, "冠县国家级林业有害生物中心"), "{ms:?}");
    }

    #[test]
    fn a_conjunction_and_a_level_word_after_a_body_name_no_county() {
        // 和县 is a county of Anhui, and 和 + 县 after a body's name
        let ms = through("项目由县住建局和县城投公司共同实施。", "headed_names");
        assert!(!ms.iter().any(|m| m.0.starts_with("和县")), "{ms:?}");
        // (after its city it is the county)
        let ms = through("马鞍山市和县召开会议。", "chains");
        assert!(has_text(&ms, "和县"), "{ms:?}");
    }

    #[test]
    fn the_body_of_an_area_named_after_a_feature_or_ranked_is_an_agency() {
        let ms = found_by("由洞庭湖国家级自然保护区管理局负责巡护。", "chains");
        assert!(has(&ms, "洞庭湖国家级自然保护区管理局", Agency), "{ms:?}");
        let ms = found_by("由岳阳市省级风景名胜区管理委员会负责。", "chains");
        assert!(has(&ms, "岳阳市省级风景名胜区管理委员会", Agency), "{ms:?}");
        // a feature's name before a body's head without an area is none
        let ms = found_by("长江流域管理局参与。", "chains");
        assert!(!has(&ms, "长江流域管理局", Agency), "{ms:?}");
    }

    #[test]
    fn a_verb_naming_a_domain_joins_a_merged_body_s_domains() {
        let ms = found_by("宜昌市公共就业和人才服务局设立咨询台。", "chains");
        assert!(has(&ms, "宜昌市公共就业和人才服务局", Agency), "{ms:?}");
    }

    #[test]
    fn a_people_s_congress_s_committees() {
        let ms = found_by(
            "宜昌市人大城乡建设环境与资源保护委员会、市人大常委会代表工作委员会参加。",
            "chains",
        );
        assert!(
            has(&ms, "宜昌市人大城乡建设环境与资源保护委员会", Agency),
            "{ms:?}"
        );
        assert!(has(&ms, "市人大常委会代表工作委员会", Agency), "{ms:?}");
    }

    #[test]
    fn a_section_alone_before_its_head_s_post() {
        // the segmenter reads 股/q before 股长
        let ms = found_by("执法检查股股长赵强陪同检查。", "bare_sections");
        assert!(has(&ms, "执法检查股", Agency), "{ms:?}");
    }

    #[test]
    fn a_cppcc_committee_in_its_formal_form_keeps_its_standing_committee() {
        let ms = found_by(
            "主席代表政协宁海县第九届委员会常务委员会作工作报告。",
            "chains",
        );
        assert!(
            has(&ms, "政协宁海县第九届委员会常务委员会", Agency),
            "{ms:?}"
        );
        assert!(!has_text(&ms, "常务委员会"), "{ms:?}");
    }

    #[test]
    fn a_procuratorate_s_department_is_its_unit() {
        let ms = found_by("宜昌市人民检察院第三检察部负责人参加。", "chains");
        assert!(has(&ms, "宜昌市人民检察院第三检察部", Agency), "{ms:?}");
    }

    #[test]
    fn a_unit_glued_to_its_post_and_a_unit_named_by_a_verb() {
        // the segmenter writes 处处长 and 科科长 as one word
        let ms = found_by("宜昌市交通运输局综合规划处处长赵刚到场。", "chains");
        assert!(has(&ms, "宜昌市交通运输局综合规划处", Agency), "{ms:?}");
        // a unit named by verbs (防火, 预算) before its glued post
        let ms = found_by(
            "宜昌市林业局防火处处长周明、市财政局预算科科长吴芳出席。",
            "chains",
        );
        assert!(has(&ms, "宜昌市林业局防火处", Agency), "{ms:?}");
        assert!(has(&ms, "市财政局预算科", Agency), "{ms:?}");
        // 运行 (经济运行, 运行处) belongs to the names of units
        let ms = found_by("会议由湖北省经济和信息化厅运行处主持。", "chains");
        assert!(has(&ms, "湖北省经济和信息化厅运行处", Agency), "{ms:?}");
        // but the verbs ending in 办 are no units (主办, 承办)
        let ms = found_by(
            "活动由宜昌市农业农村局主办，宜昌市文化和旅游局承办。",
            "chains",
        );
        assert!(has(&ms, "宜昌市农业农村局", Agency), "{ms:?}");
        assert!(has(&ms, "宜昌市文化和旅游局", Agency), "{ms:?}");
        assert!(!has_text(&ms, "宜昌市农业农村局主办"), "{ms:?}");
    }

    #[test]
    fn a_provincial_party_committee_that_the_segmenter_holds_as_one_word() {
        // jieba's dictionary has 中共湖南省委, 中共北京市委 … as single words
        let ms = found_by("中共湖南省委组织部、中共北京市委联合发文。", "chains");
        assert!(has(&ms, "中共湖南省委组织部", Agency), "{ms:?}");
        assert!(has(&ms, "中共北京市委", Agency), "{ms:?}");
    }

    #[test]
    fn a_department_starting_with_the_level_word_of_its_city() {
        let ms = found_by("宜昌市市场监管局、宜昌市市委宣传部联合检查。", "chains");
        assert!(has(&ms, "宜昌市市场监管局", Agency), "{ms:?}");
        assert!(has(&ms, "宜昌市市委宣传部", Agency), "{ms:?}");
    }

    #[test]
    fn a_level_word_glued_to_a_verb_of_going_before_it() {
        // jieba reads 赴市 as one word
        let ms = found_by("副市长赴市审计局调研。", "chains");
        assert!(has(&ms, "市审计局", Agency), "{ms:?}");
    }

    #[test]
    fn a_township_after_a_level_character_the_segmenter_glued_to_it() {
        // jieba's guesser reads 我/县甫/田乡: the township starts inside a token
        let ms = through("基地座落于我县甫田乡境内。", "chains");
        assert!(has(&ms, "甫田乡", Place), "{ms:?}");
    }

    #[test]
    fn a_township_whose_term_the_segmenter_glued_to_the_next_word() {
        // jieba reads 双河/乡新/庄子: the township ends inside a token
        let ms = through("工作组来到双河乡新庄子察看。", "chains");
        assert!(has(&ms, "双河乡", Place), "{ms:?}");
        // but not before a word of the dictionary (联合/乡镇)
        let ms = through("县委联合乡镇开展检查。", "chains");
        assert!(!has(&ms, "联合乡", Place), "{ms:?}");
    }

    #[test]
    fn a_cppcc_committee_in_its_formal_short_form_with_its_term() {
        for text in [
            "政协宜都市第九届委员会第三次会议开幕。",
            "政协第九届宜都市委员会召开常委会议。",
            "政协宜都市委员会召开常委会议。",
        ] {
            let ms = found_by(text, "chains");
            assert!(
                ms.iter()
                    .any(|m| m.0.starts_with("政协") && m.0.ends_with("委员会")),
                "{text}: {ms:?}"
            );
        }
    }

    #[test]
    fn a_verb_of_acting_jointly_or_a_conjunction_before_a_level_word_names_no_county() {
        // 会同县 and 和县 are counties; here 会同 is "jointly with" and 和
        // "and", before the county's own bureaus (县公安局)
        let ms = found_by("沂水县市场监管局会同县公安局、县卫健局开展检查。", "chains");
        assert!(has_text(&ms, "县公安局"), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0.contains("会同")), "{ms:?}");
        let ms = found_by("沂水县副县长刘军和县水利局局长查看了河道。", "chains");
        assert!(has_text(&ms, "县水利局"), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0.contains("和县")), "{ms:?}");
    }

    #[test]
    fn a_township_whose_level_word_the_segmenter_glued_to_its_party_committee() {
        // (乡党委 is one word to the segmenter: the township's name ends
        // inside it)
        let ms = found_by("县长听取了扎西岗乡党委工作汇报。", "chains");
        assert!(has(&ms, "扎西岗乡党委", Agency), "{ms:?}");
    }

    #[test]
    fn a_service_body_names_the_people_it_serves() {
        // people's nouns (群众, 人大代表) and the verbs of its service (诉求,
        // 调处, 化解) sit inside a service or liaison body's name
        let ms = found_by(
            "宜都市群众诉求服务中心、市社会矛盾纠纷调处化解中心负责人介绍情况。",
            "chains",
        );
        assert!(has(&ms, "宜都市群众诉求服务中心", Agency), "{ms:?}");
        assert!(has(&ms, "市社会矛盾纠纷调处化解中心", Agency), "{ms:?}");
        let ms = found_by("宜都市陆城街道人大代表联络站揭牌。", "chains");
        assert!(has(&ms, "宜都市陆城街道人大代表联络站", Agency), "{ms:?}");
        // (but not where the people are those of another body's event)
        let ms = found_by("宜都市组织群众参观纪念馆。", "chains");
        assert!(!ms.iter().any(|m| m.0.contains("群众")), "{ms:?}");
    }

    #[test]
    fn a_word_ending_like_a_body_is_none() {
        // a locative (东西部) and a frequent noun (部署) end with a head
        let ms = found_by("宜都市东西部协作会议落实省、市工作部署。", "chains");
        assert!(!has_text(&ms, "东西部"), "{ms:?}");
        assert!(!has_text(&ms, "工作部署"), "{ms:?}");
        let ms = found_by("宜都市指挥部、市政治部联合召开会议。", "chains");
        assert!(has(&ms, "宜都市指挥部", Agency), "{ms:?}");
    }

    #[test]
    fn an_organ_head_inside_the_head_of_a_work_heads_no_body() {
        // 站 heads a body (水利站), 水电站 a work
        let ms = found_by("检查了宁远县青石峡水电站和宁远县水利站。", "chains");
        assert!(!has_text(&ms, "宁远县青石峡水电站"), "{ms:?}");
        assert!(has(&ms, "宁远县水利站", Agency), "{ms:?}");
    }

    #[test]
    fn a_legal_form_after_an_organ_s_head_makes_a_company() {
        // 科 heads a section; 重科 here ends a trade name
        let ms = found_by("县政府与湖南华联重科股份有限公司签约。", "chains");
        assert!(has(&ms, "湖南华联重科股份有限公司", Organization), "{ms:?}");
        // (words of its trade may come between: 智能技术)
        let ms = found_by("县政府与湖南华联重科智能技术有限公司签约。", "chains");
        assert!(
            has(&ms, "湖南华联重科智能技术有限公司", Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn a_province_before_a_trade_name_that_names_a_far_division_opens_the_company() {
        // 路桥 is a district of another province and starts with 路 (a
        // street after a short name)
        let ms = found_by("该工程由四川路桥建设集团股份有限公司承建。", "chains");
        assert!(
            has(&ms, "四川路桥建设集团股份有限公司", Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn a_term_of_office_after_the_place_qualifies_the_same_body() {
        let ms = found_by(
            "株洲市第十六届人民代表大会常务委员会第二十次会议在市人大常委会会议中心举行。",
            "chains",
        );
        let m = ms
            .iter()
            .find(|m| m.0.starts_with("株洲市第十六届"))
            .expect("the committee");
        assert_eq!(m.1, Some(Agency), "{ms:?}");
        // a hall where a body meets is no unit of it
        assert!(!ms.iter().any(|m| m.0.ends_with("会议中心")), "{ms:?}");
        // nor is a room, nor one of a town's building
        let ms = found_by("桥头镇在镇一楼会议室召开专题会。", "chains");
        assert!(!ms.iter().any(|m| m.0.ends_with("会议室")), "{ms:?}");
    }

    #[test]
    fn a_cadre_college_is_named_whole() {
        // 干部 is a noun for people, but 干部学院 names a college
        let ms = through("培训班在江西省农业干部学院开班。", "tagged_names");
        assert!(has(&ms, "江西省农业干部学院", Organization), "{ms:?}");
    }

    #[test]
    fn a_courts_divisions_are_its_units() {
        let ms = found_by(
            "巩义市人民法院立案庭、民一庭负责人汇报了工作。",
            "sibling_units",
        );
        assert!(ms.iter().any(|m| m.0.ends_with("民一庭")), "{ms:?}");
        let ms = found_by("巩义市人民法院立案庭负责人汇报了工作。", "chains");
        assert!(has(&ms, "巩义市人民法院立案庭", Agency), "{ms:?}");
    }

    #[test]
    fn a_hospitals_clinical_specialties_are_no_units() {
        let ms = through(
            "专家团队将重点帮扶心血管内科、神经外科等学科建设，县卫健委做好保障。",
            "tagged_names",
        );
        assert!(!has_text(&ms, "心血管内科"), "{ms:?}");
        assert!(!has_text(&ms, "神经外科"), "{ms:?}");
    }

    #[test]
    fn departments_of_the_merged_reforms_and_their_short_forms() {
        let ms = found_by("区府办、区文旅体局和市市政管理局联合检查。", "chains");
        for t in ["区府办", "区文旅体局", "市市政管理局"] {
            assert!(has(&ms, t, Agency), "{t}: {ms:?}");
        }
    }

    #[test]
    fn the_office_of_a_party_committee_by_its_short_form_and_never_alone() {
        let ms = found_by("区委办、区政府办联合印发通知，由区文联承办。", "chains");
        assert!(has(&ms, "区委办", Agency), "{ms:?}");
        assert!(has(&ms, "区政府办", Agency), "{ms:?}");
        // 办 of 承办 is no office
        assert!(!has_text(&ms, "办"), "{ms:?}");
    }

    #[test]
    fn institutions_named_after_the_service_they_give() {
        let ms = found_by("由县就业服务中心、县救助管理站组织。", "chains");
        assert!(has(&ms, "县就业服务中心", Agency), "{ms:?}");
        assert!(has(&ms, "县救助管理站", Agency), "{ms:?}");
    }

    #[test]
    fn a_group_counted_after_its_head_is_none() {
        let ms = found_by("宜昌市林业系统共出动督导检查组98人次。", "chains");
        assert!(!ms.iter().any(|m| m.0.contains("检查组")), "{ms:?}");
        // a named group and its party are still a group
        let ms = found_by("宜昌市委第三巡察组一行到场。", "chains");
        assert!(has(&ms, "宜昌市委第三巡察组", Agency), "{ms:?}");
    }

    #[test]
    fn a_unit_before_a_former_post() {
        // jieba glues 股原 together in 地籍股原股长
        let ms = found_by("宜昌市自然资源局地籍股原股长某某被通报。", "chains");
        assert!(has(&ms, "宜昌市自然资源局地籍股", Agency), "{ms:?}");
    }

    #[test]
    fn a_bureau_inside_a_department_and_a_branch_of_an_agency_are_units() {
        let ms = found_by("湖北省水利厅水土保持局局长到场。", "chains");
        assert!(has(&ms, "湖北省水利厅水土保持局", Agency), "{ms:?}");
        let ms = found_by("新华社湖北分社记者报道。", "chains");
        assert!(has_text(&ms, "新华社湖北分社"), "{ms:?}");
        // a place's bureau after another's is no unit of it, nor is a
        // department's standard name
        let ms = found_by("冠县局、茌平局参加会议。宜都市局财政局开展检查。", "chains");
        assert!(!has_text(&ms, "冠县局茌平局"), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0.contains("局财政局")), "{ms:?}");
    }

    #[test]
    fn a_merged_department_joins_its_domains_with_he() {
        let ms = found_by("县商务和粮食局、县水利和湖泊局负责人参加。", "chains");
        assert!(has(&ms, "县商务和粮食局", Agency), "{ms:?}");
        assert!(has(&ms, "县水利和湖泊局", Agency), "{ms:?}");
        // two bodies joined by 和 stay two
        let ms = found_by("县卫生健康局和县消防救援大队联合检查。", "chains");
        assert!(has(&ms, "县卫生健康局", Agency), "{ms:?}");
        assert!(!has_text(&ms, "县卫生健康局和县消防救援大队"), "{ms:?}");
    }

    #[test]
    fn a_party_committee_and_its_government_written_together_are_two_bodies() {
        for text in [
            "孟河镇党委政府高度重视此项工作。",
            "孟河镇党委、政府高度重视此项工作。",
        ] {
            let ms = found_by(text, "chains");
            assert!(has(&ms, "孟河镇党委", Agency), "{ms:?}");
            assert!(has(&ms, "政府", Agency), "{text}: {ms:?}");
        }
        // the government's office is another body
        let ms = found_by("孟河镇党委、政府办公室联合发文。", "chains");
        assert!(!has_text(&ms, "政府"), "{ms:?}");
    }

    #[test]
    fn renda_before_a_post_of_its_standing_committee_is_that_committee() {
        let ms = found_by("县人大副主任王建国出席会议。", "chains");
        assert!(has(&ms, "县人大", Agency), "{ms:?}");
        // the deputies of a congress and its sessions are no committee
        for text in ["县人大代表王建国出席会议。", "市人大会议闭幕。"] {
            let ms = found_by(text, "chains");
            assert!(
                !has_text(&ms, "县人大") && !has_text(&ms, "市人大"),
                "{text}: {ms:?}"
            );
        }
    }

    #[test]
    fn a_meeting_numbered_by_its_session_is_no_body() {
        let ms = found_by("9月10日，县政协十届十八次常委会会议召开。", "chains");
        assert!(!has_text(&ms, "常委会"), "{ms:?}");
    }

    #[test]
    fn zhongxin_alone_is_no_unit_nor_body() {
        let ms = through("要紧紧围绕县委、县政府中心开展工作。", "chains");
        assert!(!ms.iter().any(|m| m.0.ends_with("中心")), "{ms:?}");
        let ms = through("加快建设和林格尔副中心。", "chains");
        assert!(!ms.iter().any(|m| m.0.ends_with("中心")), "{ms:?}");
        // a centre with a name is one (县政务服务中心)
        let ms = through("县政府政务服务中心开展工作。", "chains");
        assert!(ms.iter().any(|m| m.0.ends_with("中心")), "{ms:?}");
    }

    #[test]
    fn a_department_cut_out_of_a_word_is_none() {
        let ms = found_by("县人大常委会组织部分代表开展视察。", "chains");
        assert!(!has_text(&ms, "组织部"), "{ms:?}");
        let ms = found_by("县委组织部、宣传部联合开展活动。", "chains");
        assert!(has(&ms, "县委组织部", Agency), "{ms:?}");
    }

    #[test]
    fn places_and_anaphors_alone() {
        let ms = found_by("该局负责人介绍了宜昌市的情况。", "chains");
        assert!(ms.iter().any(|(s, t)| s == "该局" && t.is_none()), "{ms:?}");
        assert!(has(&ms, "宜昌市", Place), "{ms:?}");
    }

    #[test]
    fn meetings_and_cut_words_are_no_agencies() {
        let ms = found_by("人行道改造后，区委召开区委常委会。", "chains");
        assert_eq!(ms.len(), 1, "{ms:?}");
        assert!(has(&ms, "区委", Agency), "{ms:?}");
        assert!(
            !has_text(&ms, "区委常委会") && !has_text(&ms, "人行"),
            "{ms:?}"
        );
    }

    #[test]
    fn places_listed_before_a_department_share_it() {
        let ms = found_by("襄阳市、宜昌市住建局联合开展检查。", "shared_departments");
        assert!(has(&ms, "襄阳市", Agency), "{ms:?}");
    }

    #[test]
    fn places_listed_before_a_government_or_township_committee_share_it() {
        let ms = found_by("甘棠镇、石门镇党委书记作交流发言。", "shared_departments");
        assert!(has(&ms, "甘棠镇", Agency), "{ms:?}");
        let ms = found_by("襄阳市、宜昌市政府分管负责同志参加。", "shared_departments");
        assert!(has(&ms, "襄阳市", Agency), "{ms:?}");
    }

    #[test]
    fn party_organs_and_places_of_other_levels_share_nothing() {
        for text in [
            "襄阳市、宜昌市委联合开展检查。",
            "湖北省、宜昌市住建局联合开展检查。",
        ] {
            let ms = found_by(text, "shared_departments");
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
    }

    #[test]
    fn units_listed_after_a_unit_share_its_body() {
        let ms = found_by(
            "省水利厅规划处、建管处、农水处负责同志到场指导。",
            "sibling_units",
        );
        assert!(
            has(&ms, "建管处", Agency) && has(&ms, "农水处", Agency),
            "{ms:?}"
        );
        // a unit of another kind is no item of the list
        let ms = found_by(
            "郑州市应急管理局规划科、财务处负责人参加。",
            "sibling_units",
        );
        assert!(!ms.iter().any(|(t, _)| t == "财务处"), "{ms:?}");
    }

    #[test]
    fn a_section_written_alone() {
        let ms = found_by(
            "会议听取耕地保护科关于春耕用地情况的汇报。",
            "bare_sections",
        );
        assert!(has(&ms, "耕地保护科", Agency), "{ms:?}");
        let ms = found_by("据悉，执法监察科按程序报批。", "bare_sections");
        assert!(has(&ms, "执法监察科", Agency), "{ms:?}");
    }

    #[test]
    fn words_with_a_section_character_are_no_sections() {
        for text in [
            "会议研究了科技创新工作。",
            "开展耕地保护科普活动。",
            "该科按程序报批。",
        ] {
            let ms = found_by(text, "bare_sections");
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
    }
}
