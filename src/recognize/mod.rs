//! Recognition: an article's text → mentions of agencies, organizations,
//! places, people, projects and documents, with their character spans.
//!
//! One Aho-Corasick pass finds every lexicon entry (divisions, department
//! names and abbreviations, central bodies, posts, suffixes, anaphors) and
//! one jieba-rs pass gives word boundaries and part-of-speech tags; the
//! recognizers below read that shared [`lattice::Lattice`]:
//! - [`chain`]: agency names by the grammar `[中共] place* core unit*`
//!   (潍坊市 + 自然资源和规划局 + 奎文分局 + 林草科; 区委; 市住建局);
//! - [`names`]: organizations, projects and places by their heads (…有限公司,
//!   …大学, …项目, …产业园, …社区, …村) with jieba-guided left edges;
//! - [`person`]: bylines, signatures (（用途科/朱绪祥）) and post + name;
//! - documents from 《》 and title lines of official documents, and the
//!   media credited as sources (here).
//!
//! The recognizers run as the passes of [`PASSES`], in an order whose
//! reasons its doc gives. Their word lists and tag classes are data of the
//! [`Lexicon`] (data/lexicon/); the part-of-speech tags of the tokens are
//! [`crate::lexicon::Tag`] values.
//!
//! Takes: an [`crate::text::Article`]. Gives: [`Mention`]s (no canonical
//! names yet: that is the resolve stage).

pub(crate) mod chain;
pub(crate) mod lattice;
pub(crate) mod local;
pub(crate) mod names;
pub(crate) mod person;
pub(crate) mod projects;

use jieba_rs::Jieba;

use crate::lexicon::{DeptKind, HashSet, Level, Lexicon, LexiconError, Tag, TagClasses, Trigger};
use crate::EntityType;
pub(crate) use chain::{Chain, Link, PlaceRef};
pub(crate) use lattice::{Lattice, Matcher};

/// A recognized reference to an entity in an article.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First character (in the article text).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The surface text.
    pub text: String,
    /// What was recognized.
    pub kind: MentionKind,
}

/// The structured content of a mention.
#[derive(Debug, Clone)]
pub enum MentionKind {
    /// An agency or organization name parsed by the chain grammar.
    Chain(Chain),
    /// A division, country or geographic name.
    Place(PlaceRef),
    /// A name recognized by its head: organization, project or place.
    Named {
        /// The entity type its head gives.
        etype: EntityType,
        /// The name as written (spaces removed).
        name: String,
        /// Division prefix inside the name, if any.
        place: Option<PlaceRef>,
    },
    /// A person's name.
    Person {
        /// The name.
        name: String,
        /// The post written with it (书记, 全媒体记者), if any.
        post: Option<String>,
        /// Where the mention of the body the person belongs to ends (the
        /// newspaper before 全媒体记者, the unit before / in a signature).
        org_end: Option<usize>,
        /// How it was found.
        source: PersonSource,
    },
    /// A document title from 《》.
    Document {
        /// The title.
        title: String,
    },
    /// A word standing for a body named elsewhere (该局, 市局, 省厅).
    Anaphor {
        /// The word.
        word: String,
    },
}

/// How a person was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonSource {
    /// In a byline (记者, 通讯员, □ line).
    Byline,
    /// In a signature such as （用途科/朱绪祥）.
    Signature,
    /// After a post title (区委书记李辉).
    Post,
    /// In a roster line: the name, then its posts (马春雷 市政府副秘书长、市发展改革委主任).
    Roster,
}

impl Mention {
    /// An organisation written at `s..e` under the name `name`.
    pub(crate) fn organization(lat: &Lattice, s: usize, e: usize, name: String) -> Mention {
        Mention {
            start: s,
            end: e,
            text: lat.text(s, e),
            kind: MentionKind::Named {
                etype: EntityType::Organization,
                name,
                place: None,
            },
        }
    }

    /// The entity type of the mention, if it names one directly.
    pub(crate) fn etype(&self) -> Option<EntityType> {
        match &self.kind {
            MentionKind::Chain(c) => Some(c.etype()),
            MentionKind::Place(_) => Some(EntityType::Place),
            MentionKind::Named { etype, .. } => Some(*etype),
            MentionKind::Person { .. } => Some(EntityType::Person),
            MentionKind::Document { .. } => Some(EntityType::Document),
            MentionKind::Anaphor { .. } => None,
        }
    }
}

/// One recognizer pass. It reads the lattice, the mentions found so far
/// and the characters they cover (`covered`, one flag per character and one
/// past the end); it adds its mentions, may replace or drop earlier ones
/// where it says so, and marks the characters its mentions cover. A later
/// pass recognizes nothing on a covered character unless it says otherwise.
pub(crate) type Pass = fn(&Recognizer, &Lattice, &mut Vec<Mention>, &mut [bool]);

/// The recognizer passes, by name, in the order they must run. The order is
/// a contract: a pass reads what the passes before it found, and what they
/// cover is closed to it.
///
/// 1. `documents` (《…》) first: nothing inside a quoted title is another
///    mention, and the document a notice carries must not overlap one.
/// 2. `notice_titles`: a title line of an official document is a document,
///    but it covers only the document it carries, so that the chains still
///    find the bodies that issue it.
/// 3. `sources`, before the chains: a credited medium (来源：晋城在线) is an
///    organisation unless the agency grammar parses it whole, and the names
///    credited after it are its people.
/// 4. `structured_people`, before the chains: bylines, rosters and
///    signatures are laid out as names (a signature's units are parsed
///    there), so no other pass reads them as anything else.
/// 5. `chains`: agencies, places and anaphors (我市, 该局); all later passes
///    read them.
/// 6. `shared_departments`, right after the chains: places listed before a
///    department become chains of it (锦江区、青羊区住建局) before the headed
///    names take places as the prefixes of their names; `sibling_units`:
///    units listed after a unit with the same head (综合科、规划科) share its
///    body.
/// 7. `headed_names`: organisations, projects and places by their heads; a
///    place or organisation found before may start a name (a place it
///    swallows is dropped), then countries and geographic names are read on
///    what is left.
/// 8. `shared_heads`: gives the head of a place that `headed_names` found
///    (…社区) to the items of the list before it, and reads the townships
///    before 等乡镇.
/// 9. `villages`, after the head passes: a village after its township
///    (大河家镇四堡子村) or in a list of villages (嘉陵村、紫荆村) that no head
///    read; it may swallow the township mention before it.
/// 10. `project_lists`, after every name pass: the items of a list of
///     projects are projects whole and replace what was read inside them;
///     `named_before_deng`: the names listed before 等…项目 (works) or
///     等…企业 (organisations);
///     `built_institutions`: a school or hospital after a verb of building
///     is a project.
/// 11. `bare_sections`: sections written alone (利用科), only where no body
///     or name covers them.
/// 12. The people last, the weakest evidence last: `people_by_post` (a post
///     of the lexicon before a name; it may drop a short place name that
///     the chains read inside the name, or that is the name), then
///     `people_before_post` (a name before a post of a body), `name_lists`, `people_after_body`
///     (reads the bodies found above), `people_after_home` (reads the
///     anaphors 我市, 我区 that the chains found) and `tagged_names`
///     (jieba's person-name tokens where names are written).
pub(crate) const PASSES: &[(&str, Pass)] = &[
    ("documents", documents),
    ("notice_titles", notice_titles),
    ("sources", sources),
    ("structured_people", person::structured),
    ("chains", chain::scan),
    ("shared_departments", |r, lat, out, _| {
        chain::shared_depts(r, lat, out)
    }),
    ("sibling_units", chain::sibling_units),
    ("headed_names", names::scan),
    ("shared_heads", names::shared_heads),
    ("enterprise_prefixes", names::enterprise_prefixes),
    ("villages", local::villages),
    ("project_lists", projects::project_lists),
    ("named_before_deng", projects::listed_before_kind),
    ("built_institutions", |r, lat, out, _| {
        projects::built_institutions(r, lat, out)
    }),
    ("bare_sections", chain::bare_sections),
    ("people_by_post", person::by_post),
    ("people_before_post", person::before_post),
    ("name_lists", person::name_lists),
    ("people_after_body", person::after_body),
    ("people_after_home", person::after_home),
    ("tagged_names", person::tagged_names),
];

/// Errors of the recognition stage.
#[derive(Debug, thiserror::Error)]
pub enum RecognizeError {
    /// A lexicon file is malformed.
    #[error("lexicon: {0}")]
    Lexicon(#[from] LexiconError),
}

/// The recognizers with their lexicons, automaton and tokenizer.
pub struct Recognizer {
    /// The lexicons.
    pub(crate) lex: Lexicon,
    /// The automaton over all lexicon entries.
    matcher: Matcher,
    /// The tokenizer, with the lexicon's entries as words.
    jieba: Jieba,
    /// Words of the official names of bodies (自然, 资源, 保护 …): whatever
    /// their part of speech, they may sit inside a body's name.
    name_parts: HashSet<String>,
    /// Kinds of official documents that end a title (通知, 意见 …).
    pub(crate) doc_kinds: Vec<String>,
}

/// The dictionary tag of a word if jieba's dictionary has it as one word.
fn dict_tag(jieba: &Jieba, w: &str) -> Option<Tag> {
    if !jieba.has_word(w) {
        return None;
    }
    let t = jieba.tag(w, false);
    (t.len() == 1).then(|| Tag::parse(t[0].tag))
}

/// The tag of a word: common_words.tsv's where it lists the word (新建 is a
/// verb, though the dictionary holds it as a place), else the dictionary's.
fn word_tag(lex: &Lexicon, jieba: &Jieba, w: &str) -> Option<Tag> {
    lex.common_words
        .get(w)
        .copied()
        .or_else(|| dict_tag(jieba, w))
}

/// Below this dictionary frequency the short name of a city or province
/// that the dictionary holds as another part of speech is still a name
/// (保定 739, 自贡 64; 合作 13478 and 比如 5621 are words).
const RARE_CITY_WORD: usize = 2000;

/// The same for the short name of a county (增城 9, 隆回 7; 天元 80, a
/// trade name as often, and 安居 142 are words).
const RARE_COUNTY_WORD: usize = 50;

/// Drops the division names that are ordinary words: short names that the
/// dictionary holds as verbs, adjectives, function words or idioms (合作,
/// 比如; nouns are judged by the document's context), and full names of
/// units listed as divisions without a division's generic term that the
/// dictionary holds as common nouns (林场, 农场, 林业站: heads of other
/// names, not places).
fn drop_common_division_names(lex: &mut Lexicon, jieba: &Jieba) {
    // (the dictionary tags some names as words that are rare as such, 保定
    // and 自贡 as verbs: a name rarer as a word than the threshold of its
    // level stays a name)
    let rare = |short: &str, idx: &Vec<usize>| {
        let city = idx
            .iter()
            .all(|&i| lex.divisions[i].level <= crate::lexicon::Level::City);
        let limit = if city {
            RARE_CITY_WORD
        } else {
            RARE_COUNTY_WORD
        };
        jieba.suggest_freq(short) < limit
    };
    let common: Vec<String> = lex
        .division_by_short
        .iter()
        .filter(|(short, idx)| {
            word_tag(lex, jieba, short).is_some_and(|t| lex.tags.never_place.contains(t))
                && !rare(short, idx)
        })
        .map(|(short, _)| short.clone())
        .collect();
    for c in common {
        lex.division_by_short.remove(&c);
    }
    // (nor is a short common noun that names one township-level unit in
    // the country, 物流园区 of one district: it would be that unit
    // wherever the noun is written; a noun that names several, 工业园区, is
    // a unit only where the article's county has one)
    let town_unit = |idx: &Vec<usize>| {
        idx.len() == 1 && lex.divisions[idx[0]].level == crate::lexicon::Level::Town
    };
    let plain: Vec<String> = lex
        .division_by_name
        .iter()
        .filter(|(n, idx)| {
            !lex.place_terms.division_term.ends(n)
                || town_unit(idx)
                    && n.chars().count() <= 4
                    && !lex.place_terms.township_term.ends(n)
        })
        .map(|(n, _)| n)
        .filter(|n| word_tag(lex, jieba, n).is_some_and(|t| lex.tags.plain_noun.contains(t)))
        .cloned()
        .collect();
    // (nor is one unit named by a common noun and a place head, 工业集中区:
    // a name of that kind needs its place, 某县工业集中区)
    let generic: Vec<String> = (lex.division_by_name.iter())
        .filter(|(n, idx)| {
            town_unit(idx)
                && !lex.place_terms.township_term.ends(n)
                && common_stem_of_place_head(lex, jieba, n)
        })
        .map(|(n, _)| n.clone())
        .collect();
    for n in plain.into_iter().chain(generic) {
        lex.division_by_name.remove(&n);
    }
}

/// Whether a name is a place head of the suffix lexicon after one plain
/// noun (工业 + 集中区): a kind of place, no proper name.
fn common_stem_of_place_head(lex: &Lexicon, jieba: &Jieba, name: &str) -> bool {
    name.char_indices().skip(1).any(|(i, _)| {
        let (stem, head) = name.split_at(i);
        let place_head = lex.suffixes.get(head).is_some_and(|es| {
            es.iter().any(|e| e.etype == EntityType::Place) && head.chars().count() >= 2
        });
        place_head && word_tag(lex, jieba, stem).is_some_and(|t| lex.tags.plain_noun.contains(t))
    })
}

/// Lexicon entries as jieba words, so that it does not split them:
/// department and central body forms; division names of counties and above
/// and of towns that carry a term such as 镇 or 街道 and are long enough
/// (a word plus 乡 such as 宜居乡 would glue to the words after it); short
/// names of counties and above (township short names are too often
/// ordinary words: 和村, 城关); heads of place names and companies'
/// legal forms as strong words (小区 in 盛景家园小区内); posts.
fn add_lexicon_words(lex: &Lexicon, jieba: &mut Jieba) {
    let two = |w: &&String| w.chars().count() >= 2;
    for form in lex
        .departments
        .keys()
        .chain(lex.national.keys())
        .filter(two)
    {
        add_word(jieba, form, 2000, Tag::Nt);
    }
    for d in &lex.divisions {
        if d.level < Level::Town || lex.place_terms.town_word(&d.name) {
            add_word(jieba, &d.name, 500, Tag::Ns);
        }
    }
    // (not a short name opening with a level word, 市中 of 市中区: 市中医院
    // is the city's hospital of Chinese medicine)
    let level_first = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| lex.words.places.is_level_char(c))
    };
    for (short, idx) in &lex.division_by_short {
        if idx.iter().any(|&i| lex.divisions[i].level <= Level::County) && !level_first(short) {
            add_word(jieba, short, 300, Tag::Ns);
        }
    }
    for (suf, entries) in &lex.suffixes {
        if suf.chars().count() >= 2 && entries.iter().any(|e| e.etype == EntityType::Place) {
            // (a noun where the dictionary has no tag for it: 风景名胜区)
            let tag = (!jieba.has_word(suf)).then_some("n");
            jieba.add_word(suf, Some(20000), tag);
        }
    }
    // (and a company's legal form, which the segmenter would glue to the
    // word after it: 有限责任/公司财务)
    for form in &lex.legal_forms {
        jieba.add_word(form, Some(20000), Some("n"));
    }
    for post in lex.posts.keys().filter(two) {
        add_word(jieba, post, 1000, Tag::N);
    }
    for (word, tag) in &lex.common_words {
        add_word(jieba, word, 1000, *tag);
    }
    // (the central enterprises' short names, 国网, that open their local
    // companies' names)
    for word in (lex.head_words.enterprise_prefix.iter()).filter(|w| w.chars().count() >= 2) {
        add_word(jieba, word, 1000, Tag::Nt);
    }
    // (and the short trades of a place's platform companies, which the
    // segmenter would glue to the level before them: 县城/投 for 县 + 城投)
    for word in lex.head_words.local_enterprise.iter() {
        jieba.add_word(word, Some(20000), Some("n"));
    }
}

/// Adds a word to jieba's dictionary with its frequency and tag, unless
/// the dictionary has it.
fn add_word(jieba: &mut Jieba, w: &str, freq: usize, tag: Tag) {
    if !jieba.has_word(w) {
        jieba.add_word(w, Some(freq), Some(tag.as_str()));
    }
}

/// The words (of two characters or more) of the official names of
/// departments and central bodies, as jieba cuts them.
fn name_parts(lex: &Lexicon, jieba: &Jieba) -> HashSet<String> {
    let canon = lex
        .departments
        .values()
        .map(|d| d.canonical.as_str())
        .chain(lex.national.values().map(|n| n.canonical.as_str()));
    let mut parts = HashSet::default();
    for c in canon {
        for t in jieba.cut(c, false) {
            if t.word.chars().count() >= 2 {
                parts.insert(t.word.to_string());
            }
        }
    }
    parts
}

/// The trigger words of a kind, sorted.
fn trigger_words(lex: &Lexicon, k: Trigger) -> Vec<String> {
    let mut v: Vec<String> = lex
        .triggers
        .iter()
        .filter(|(_, ks)| ks.contains(&k))
        .map(|(w, _)| w.clone())
        .collect();
    v.sort();
    v
}

impl Recognizer {
    /// Loads lexicons and builds the automaton and tokenizer.
    pub fn new() -> Result<Recognizer, RecognizeError> {
        let mut lex = Lexicon::load()?;
        let mut jieba = Jieba::new();
        drop_common_division_names(&mut lex, &jieba);
        let matcher = Matcher::new(&lex);
        add_lexicon_words(&lex, &mut jieba);
        let name_parts = name_parts(&lex, &jieba);
        Ok(Recognizer {
            doc_kinds: trigger_words(&lex, Trigger::DocKind),
            lex,
            matcher,
            jieba,
            name_parts,
        })
    }

    /// Whether `w` is an ordinary dictionary word (not a name): a word of
    /// jieba's dictionary whose tag is not a person or place name.
    pub(crate) fn common_word(&self, w: &str) -> bool {
        word_tag(&self.lex, &self.jieba, w).is_some_and(|t| !self.lex.tags.proper_name.contains(t))
    }

    /// Whether the divisions `cands` are township-level units named by
    /// common words alone (新材料产业园, a park of one city in the division
    /// data): such a name is that unit only where the context says so.
    pub(crate) fn generic_townships(&self, cands: &[usize]) -> bool {
        let towns = !cands.is_empty()
            && (cands.iter()).all(|&i| self.lex.divisions[i].level == Level::Town);
        towns && self.generic_unit(&self.lex.divisions[cands[0]].name)
    }

    /// Whether a township-level unit is named like a park or zone by
    /// common words alone, without a township's term: a head of a place's
    /// or work's name (集中区, 产业园) after nothing or common words (新材料,
    /// 工业).
    pub(crate) fn generic_unit(&self, name: &str) -> bool {
        if self.lex.place_terms.township_term.ends(name) {
            return false;
        }
        let chars: Vec<char> = name.chars().collect();
        (0..chars.len()).any(|k| {
            let head: String = chars[k..].iter().collect();
            let place_head = (self.lex).body_head(&head, |t| {
                matches!(t, EntityType::Place | EntityType::Project)
            });
            let before: String = chars[..k].iter().collect();
            place_head && (k == 0 || self.lex.is_zone_word(&before) || self.common_words(&before))
        })
    }

    /// Whether a text is made of common words only (新材料: 新 + 材料).
    fn common_words(&self, text: &str) -> bool {
        let lat = self.lattice(text);
        let mut k = 0;
        while k < lat.len() {
            let Some(t) = lat.token(k) else { return false };
            if !self.common_word(lat.str(t.start, t.end)) {
                return false;
            }
            k = t.end.max(k + 1);
        }
        k > 0
    }

    /// The classes of part-of-speech tags.
    pub(crate) fn tags(&self) -> &TagClasses {
        &self.lex.tags
    }

    /// Whether a word occurs in official names of bodies.
    pub(crate) fn name_part(&self, w: &str) -> bool {
        self.name_parts.contains(w)
    }

    /// The dictionary frequency of a word (about 1 for unknown words).
    pub(crate) fn word_freq(&self, w: &str) -> usize {
        self.jieba.suggest_freq(w)
    }

    /// Whether `w` is a word of jieba's dictionary.
    pub(crate) fn is_word(&self, w: &str) -> bool {
        self.jieba.has_word(w)
    }

    /// Whether a name head of the suffix lexicon ends at `e`, starting after
    /// `s` (at or after it when `from_start`), whose readings pass `test`
    /// (the entity types a head such as 中心 may give).
    pub(crate) fn head_ending(
        &self,
        lat: &Lattice,
        (s, e): (usize, usize),
        from_start: bool,
        test: impl Fn(&[crate::lexicon::Suffix]) -> bool,
    ) -> bool {
        lat.ending_at(e, |x| matches!(x, lattice::Piece::Suffix))
            .iter()
            .any(|&(hs, _)| {
                (hs > s || from_start && hs == s)
                    && self
                        .lex
                        .suffixes
                        .get(lat.str(hs, e))
                        .is_some_and(|v| test(v))
            })
    }

    /// Builds the lattice of a text.
    pub fn lattice<'a>(&'a self, text: &str) -> Lattice<'a> {
        Lattice::new(text, &self.matcher, &self.jieba, &self.lex.common_words)
    }

    /// Recognizes all mentions in a text, in order of position.
    pub fn recognize(&self, text: &str) -> Vec<Mention> {
        let lat = self.lattice(text);
        self.recognize_lattice(&lat)
    }

    /// Recognizes all mentions given a lattice.
    pub(crate) fn recognize_lattice(&self, lat: &Lattice) -> Vec<Mention> {
        self.run_passes(lat, PASSES)
    }

    /// Runs the given passes in order on a lattice; the mentions in order
    /// of position.
    fn run_passes(&self, lat: &Lattice, passes: &[(&str, Pass)]) -> Vec<Mention> {
        let mut covered = vec![false; lat.len() + 1];
        let mut out: Vec<Mention> = Vec::new();
        for (_, pass) in passes {
            pass(self, lat, &mut out, &mut covered);
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out
    }

    /// Expands an abbreviated department name not in the lexicon by the
    /// official names it abbreviates: 发展改革委 → 发展和改革委员会,
    /// 规划资源局 → 规划和自然资源局. The short
    /// form's characters must appear in order in the full name, starting
    /// with the same character and ending with the same kind of body
    /// (委 ↔ 委员会, 办 ↔ 办公室, 中心 ↔ 中心: 林业中心 → 林业发展中心); the
    /// shortest such name wins.
    pub(crate) fn expand_dept(&self, short: &str) -> Option<(String, DeptKind)> {
        let sc: Vec<char> = short.chars().collect();
        let (_, full_heads) = self.lex.body_words.abbreviation(short)?;
        let mut best: Option<(&str, DeptKind)> = None;
        for d in self.lex.departments.values() {
            let c = d.canonical.as_str();
            if c.contains('{') || c.chars().next() != sc.first().copied() {
                continue;
            }
            let tail_ok = full_heads.iter().any(|h| c.ends_with(h));
            if !tail_ok || c.chars().count() <= sc.len() {
                continue;
            }
            // subsequence test
            let mut it = c.chars();
            if sc.iter().all(|ch| it.any(|x| x == *ch))
                && best.is_none_or(|(b, _)| c.len() < b.len() || c.len() == b.len() && c < b)
            {
                best = Some((c, d.kind));
            }
        }
        best.map(|(c, k)| (c.to_string(), k))
    }

    /// The department entry of a form, if any.
    pub(crate) fn dept(&self, form: &str) -> Option<(&str, DeptKind)> {
        self.lex
            .departments
            .get(form)
            .map(|d| (d.canonical.as_str(), d.kind))
    }
}

/// The names written after a credited body, separated by spaces
/// (供稿：晋城城区网 韩斯斯 宁绍雄): people of that body.
fn credited_names(
    r: &Recognizer,
    lat: &Lattice,
    body_end: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let c = &lat.chars;
    let n = c.len();
    let mut k = body_end;
    loop {
        let mut s = k;
        while s < n && c[s] == ' ' {
            s += 1;
        }
        if s == k {
            return;
        }
        let mut e = s;
        while e < n && is_han(c[e]) && e - s < 5 {
            e += 1;
        }
        let name: String = c[s..e].iter().collect();
        let ends = e >= n || !is_han(c[e]);
        if !ends
            || !(2..=4).contains(&(e - s))
            || covered[s..e].iter().any(|x| *x)
            || !person::delimited_name(r, c, s, e)
            || !person::listed_name(r, &name)
        {
            return;
        }
        out.push(Mention {
            start: s,
            end: e,
            text: name.clone(),
            kind: MentionKind::Person {
                name,
                post: None,
                org_end: Some(body_end),
                source: PersonSource::Signature,
            },
        });
        cover(covered, s, e);
        k = e;
    }
}

/// Documents: 《title》. Titles are kept as written, minus spaces. A title
/// that ends in a medium's head (《人民日报》, 《宜昌日报》) names the
/// medium, an organisation.
fn documents(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let c = &lat.chars;
    let mut i = 0;
    while i < c.len() {
        if c[i] == '《' {
            let mut depth = 1;
            let mut j = i + 1;
            while j < c.len() && j - i < 80 && c[j] != '\n' {
                match c[j] {
                    '《' => depth += 1,
                    '》' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            if j < c.len() && c[j] == '》' && j > i + 1 {
                let title = doc_title(&c[i + 1..j]);
                if let Some(name) = paper_office(r, &title) {
                    out.push(Mention::organization(lat, i + 1, j, name));
                    cover(covered, i, j + 1);
                } else if title.chars().count() >= 2 {
                    out.push(Mention {
                        start: i,
                        end: j + 1,
                        text: lat.text(i, j + 1),
                        kind: MentionKind::Document { title },
                    });
                    cover(covered, i, j + 1);
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
}

/// The office of a paper a title names (《潍坊日报》 → 潍坊日报社: the medium's
/// head that goes on from the title's last character, 报 + 报社), or the
/// title itself for another medium; none for a title of no medium.
fn paper_office(r: &Recognizer, title: &str) -> Option<String> {
    let media = &r.lex.words.relation.media_heads;
    if !media.iter().any(|h| title.ends_with(h.as_str())) {
        return None;
    }
    let office = media.iter().find_map(|h| {
        let mut hc = h.chars();
        let (first, rest) = (hc.next()?, hc.as_str());
        (title.ends_with(first) && !rest.is_empty()).then_some(rest)
    });
    Some(format!("{title}{}", office.unwrap_or_default()))
}

/// Titles of official documents written as a line of their own, in the form
/// of GB/T 9704: issuing bodies + 关于 + matter + 的 + kind (郑州市人民政府
/// 办公厅关于印发郑州市城市更新实施办法的通知). The line is a document; the
/// document a notice carries without 《》 (印发/发布/转发 …) is one too. The
/// issuing part must be bodies only, so a sentence is never taken for a
/// title. The bodies and what the matter names are still recognized.
fn notice_titles(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let c = &lat.chars;
    let mut ls = 0;
    while ls < c.len() {
        let le = (ls..c.len()).find(|&k| c[k] == '\n').unwrap_or(c.len());
        let next = le + 1;
        let (mut s, mut e) = (ls, le);
        while s < e && c[s].is_whitespace() {
            s += 1;
        }
        while e > s && c[e - 1].is_whitespace() {
            e -= 1;
        }
        if let Some(carried) = notice_title(r, lat, s, e) {
            out.push(Mention {
                start: s,
                end: e,
                text: lat.text(s, e),
                kind: MentionKind::Document {
                    title: doc_title(&c[s..e]),
                },
            });
            if let Some((ds, de)) = carried.filter(|&(ds, de)| !covered[ds..de].iter().any(|x| *x))
            {
                out.push(Mention {
                    start: ds,
                    end: de,
                    text: lat.text(ds, de),
                    kind: MentionKind::Document {
                        title: doc_title(&c[ds..de]),
                    },
                });
                cover(covered, ds, de);
            }
        }
        ls = next;
    }
}

/// Whether `s..e` is the title of an official document; if it is, the span
/// of the document it carries, if any.
fn notice_title(
    r: &Recognizer,
    lat: &Lattice,
    s: usize,
    e: usize,
) -> Option<Option<(usize, usize)>> {
    let c = &lat.chars;
    if e < s + 8 || e - s > 100 {
        return None;
    }
    let kind = r
        .doc_kinds
        .iter()
        .filter(|k| lat.text(s, e).ends_with(k.as_str()))
        .max_by_key(|k| k.chars().count())?;
    let kind_start = e - kind.chars().count();
    let dw = &r.lex.document_words;
    // 的 before the kind, 关于 after the issuing bodies
    let of = dw.title_of.iter().find_map(|w| {
        let of = kind_start.checked_sub(w.chars().count())?;
        (of >= s && lat.starts_with(of, w)).then_some(of)
    })?;
    let (about, about_len) =
        (s + 2..kind_start).find_map(|k| lat.word_at(k, &dw.title_about).map(|(_, l)| (k, l)))?;
    issuing_bodies(r, lat, s, about)?;
    // a document the notice carries: 关于印发X的通知
    let m = about + about_len;
    let carried = lat
        .word_at(m, &dw.carry_verb)
        .map(|(_, l)| (m + l, of))
        .filter(|&(ds, de)| de >= ds + 4 && !c[ds..de].contains(&'《'));
    Some(carried)
}

/// The bodies that issue an official document, when `s..e` is made of
/// them only: chains joined by 、 和 与 or spaces (郑州市住房和城乡建设局
/// 郑州市财政局 before 关于 in a joint notice's title).
pub(crate) fn issuing_bodies(
    r: &Recognizer,
    lat: &Lattice,
    s: usize,
    e: usize,
) -> Option<Vec<Chain>> {
    let mut out = Vec::new();
    let mut p = s;
    while p < e {
        let ch = lat.chars[p];
        if r.lex.function_words.title_joiner.has_char(ch) || SPACES.contains(&ch) {
            p += 1;
            continue;
        }
        let (ch, end) = chain::parse(r, lat, p)?;
        if ch.links.is_empty() || end > e || end <= p {
            return None;
        }
        out.push(ch);
        p = end;
    }
    Some(out)
}

/// The spaces written between the bodies of a title (ASCII and
/// ideographic).
const SPACES: &[char] = &[' ', '\u{3000}'];

/// The colons after the label of a credit (ASCII and full-width).
pub(crate) const COLONS: &[char] = &[':', '：'];

/// What may follow the mark of a dispatch (河北新闻网讯(…): a bracket or a
/// space.
const AFTER_DISPATCH: &[char] = &['(', '（', ' '];

/// A document title as kept: spaces dropped, ASCII brackets made full-width.
fn doc_title(chars: &[char]) -> String {
    chars
        .iter()
        .filter(|ch| !ch.is_whitespace())
        .map(|&ch| match ch {
            '(' => '（',
            ')' => '）',
            x => x,
        })
        .collect()
}

/// Media named as the source of a text: 来源:晋城在线, 河北新闻网讯(…). A
/// source that parses as an agency is left to the agency grammar.
fn sources(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let mut i = 0;
    while i + 3 < lat.len() {
        if let Some(next) = credit_at(r, lat, i, out, covered) {
            i = next;
            continue;
        }
        // (every medium's name ends with one of its characters: 网, 报, 台)
        if !r.lex.document_words.dispatch_medium.has_char(lat.chars[i]) {
            i += 1;
            continue;
        }
        let medium = dispatch_at(r, lat, i)
            .or_else(|| dated_dispatch_at(r, lat, i))
            .or_else(|| bylined_dispatch_at(r, lat, i))
            .or_else(|| masthead_at(r, lat, i));
        if let Some(s) = medium {
            push_source(r, lat, s, i + 1, out, covered);
        }
        i += 1;
    }
}

/// A credit at `i`: its label and colon, then the source (来源:X), and the
/// names that follow it, its people (供稿:X 名 名). Adds them; where the
/// source ends, if a credit is there.
fn credit_at(
    r: &Recognizer,
    lat: &Lattice,
    i: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) -> Option<usize> {
    let (c, n) = (&lat.chars, lat.len());
    let (_, len) = lat
        .word_at(i, &r.lex.document_words.credit_label)
        .filter(|&(_, len)| i + len < n && COLONS.contains(&c[i + len]))?;
    let mut s = i + len + 1;
    while s < n && c[s] == ' ' {
        s += 1;
    }
    // (up to the label of the next field, written without a space:
    // 来源:某某网发布时间:…)
    let fields = &r.lex.document_words.field_label;
    let mut e = s;
    while e < n && is_han(c[e]) && e - s < 20 && (e == s || lat.word_at(e, fields).is_none()) {
        e += 1;
    }
    if e - s >= 3 {
        push_source(r, lat, s, e, out, covered);
        credited_names(r, lat, e, out, covered);
    }
    Some(e)
}

/// Where the medium starts that ends at `i` and opens a dated dispatch at
/// the start of a paragraph (东北网3月14日讯, 人民网北京9月8日电: the medium,
/// up to four characters of place, the date, the dispatch mark or 电).
fn dated_dispatch_at(r: &Recognizer, lat: &Lattice, i: usize) -> Option<usize> {
    let (c, n) = (&lat.chars, lat.len());
    let dw = &r.lex.document_words;
    let s = medium_name_ending(r, lat, i)?;
    if !opens_paragraph(c, s) || i - s < 1 {
        return None;
    }
    // a place of up to four characters, then the date
    let mut d = i + 1;
    while d < n && is_han(c[d]) && d - i <= 4 {
        d += 1;
    }
    let date_end = date_at(c, d)?;
    let mark = c.get(date_end).copied()?;
    (dw.dispatch_mark.has_char(mark) || dw.dispatch_wire.has_char(mark)).then_some(s)
}

/// Where the medium starts that ends at `i` and opens a paragraph with
/// its reporter's byline in brackets (某某网（记者 王某）9月4日，…): the
/// medium's name from the paragraph's start, a bracket, a staff post.
fn bylined_dispatch_at(r: &Recognizer, lat: &Lattice, i: usize) -> Option<usize> {
    let c = &lat.chars;
    let s = medium_name_ending(r, lat, i)?;
    if !opens_paragraph(c, s) || i - s < 2 || !c.get(i + 1).is_some_and(|x| is_open_bracket(*x)) {
        return None;
    }
    let staff = &r.lex.words.relation.staff_posts;
    let after: String = c[i + 2..c.len().min(i + 6)].iter().collect();
    staff
        .iter()
        .any(|p| after.starts_with(p.as_str()))
        .then_some(s)
}

/// Whether the text at `s` opens a paragraph: at the start, after a line
/// break or after the spaces that indent a paragraph.
fn opens_paragraph(c: &[char], s: usize) -> bool {
    s == 0 || matches!(c[s - 1], '\n' | ' ' | '\u{3000}')
}

/// How far after a masthead the date of its line is looked for.
const MASTHEAD_REACH: usize = 60;

/// Where the medium starts that ends at `i` and stands as a page's
/// masthead: a line of its own, or before the date of the issue
/// (某某日报 2019-07-26 10:46): three to ten Han characters from the line's
/// start, then the end of the line or spaces and a digit.
fn masthead_at(r: &Recognizer, lat: &Lattice, i: usize) -> Option<usize> {
    let c = &lat.chars;
    let s = medium_name_ending(r, lat, i)?;
    let line_start = s == 0 || c[s - 1] == '\n';
    if !line_start || i - s < 2 {
        return None;
    }
    let mut d = i + 1;
    while d < c.len() && SPACES.contains(&c[d]) {
        d += 1;
    }
    // (or its reporters first: 某某日报 张三 李四 发布时间:2025年…, on
    // the line's first characters)
    let reach = c.len().min(i + 1 + MASTHEAD_REACH);
    let line_end = (i + 1..reach).find(|&k| c[k] == '\n').unwrap_or(reach);
    let year = c[i + 1..line_end]
        .windows(4)
        .any(|w| w.iter().all(|x| x.is_ascii_digit()));
    let dated = d > i + 1 && (c.get(d).is_some_and(|x| x.is_ascii_digit()) || year);
    let alone = c.get(i + 1).is_none_or(|x| *x == '\n');
    (dated || alone).then_some(s)
}

/// Where the name of a medium ending at `i` (its last character one of a
/// medium's: 网, 报, 台) starts: up to ten Han characters back, a name and
/// not a clause (他在某某网…, 消息刊登在某某晚报), not the paper itself (本报).
fn medium_name_ending(r: &Recognizer, lat: &Lattice, i: usize) -> Option<usize> {
    let c = &lat.chars;
    let dw = &r.lex.document_words;
    if !dw.dispatch_medium.has_char(c[i]) {
        return None;
    }
    let mut s = i;
    while s > 0 && is_han(c[s - 1]) && i - s < 10 {
        s -= 1;
    }
    let clause = (s..=i).any(|k| {
        lat.token(k)
            .is_some_and(|t| t.end <= i + 1 && r.tags().function_word.contains(t.tag))
    });
    (!clause && !dw.own_medium.has_char(c[s])).then_some(s)
}

/// The end of a month-and-day date at `d` (3月14日), if one starts there.
fn date_at(c: &[char], mut d: usize) -> Option<usize> {
    for unit in ['月', '日'] {
        let digits = d;
        while d < c.len() && c[d].is_ascii_digit() {
            d += 1;
        }
        if d == digits || d - digits > 2 || c.get(d) != Some(&unit) {
            return None;
        }
        d += 1;
    }
    Some(d)
}

/// Where the medium starts whose dispatch mark follows `i` (X网讯, X报讯
/// opening a dispatch, before a bracket or a space): three Han characters
/// or more after no other Han character, and not the paper itself (本报讯).
fn dispatch_at(r: &Recognizer, lat: &Lattice, i: usize) -> Option<usize> {
    let (c, n) = (&lat.chars, lat.len());
    let dw = &r.lex.document_words;
    let marked = dw.dispatch_mark.has_char(c[i + 1])
        && dw.dispatch_medium.has_char(c[i])
        && (i + 2 >= n || AFTER_DISPATCH.contains(&c[i + 2]));
    if !marked {
        return None;
    }
    let mut s = i + 1;
    while s > 0 && is_han(c[s - 1]) && i + 1 - s < 12 {
        s -= 1;
    }
    (i + 1 - s >= 3 && (s == 0 || !is_han(c[s - 1])) && !dw.own_medium.has_char(c[s])).then_some(s)
}

/// Adds the source `s..e` as an organisation, unless it is empty, covered
/// or an agency the chains will find.
fn push_source(
    r: &Recognizer,
    lat: &Lattice,
    s: usize,
    e: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    if e <= s || covered[s..e].iter().any(|x| *x) {
        return;
    }
    // a body or places alone (来源: 某某县某某镇) are left to the chains: a
    // place as a source is the place, no organisation of that name
    if chain::parse(r, lat, s)
        .is_some_and(|(ch, end)| end == e && !(ch.links.is_empty() && ch.places.is_empty()))
    {
        return;
    }
    let mut m = Mention::organization(lat, s, e, lat.text(s, e));
    let agency = source_agency(r, lat, s, &m.text);
    if let MentionKind::Named { etype, place, .. } = &mut m.kind {
        if agency {
            *etype = EntityType::Agency;
        }
        // (a site named after its division says where the text is from:
        // 来源：某某县人民政府网)
        let medium = !agency && is_medium_name(r, &m.text);
        *place = chain::place_at(r, lat, s)
            .map(|(p, _)| p)
            .filter(|p| medium && !p.cands.is_empty());
    }
    out.push(m);
    cover(covered, s, e);
}

/// Dictionary frequency from which a word is a common one: a lexicon form
/// ending on its first character is read as that word instead (部门 after
/// 人社部 in 人社部门), and it ends a name before it (代表, not 贵在).
pub(crate) const COMMON_WORD: usize = 1000;

/// Dictionary frequency below which a word is rare enough to be a name's
/// own word whatever its tag (富兴: 2; a place name of the dictionary).
pub(crate) const RARE_WORD: usize = 20;

/// Whether a name is a medium's: it ends in a medium's last character (网,
/// 报, 台) or head (融媒体中心).
pub(crate) fn is_medium_name(r: &Recognizer, n: &str) -> bool {
    let medium = &r.lex.document_words.dispatch_medium;
    let heads = &r.lex.words.relation.media_heads;
    n.chars().last().is_some_and(|c| medium.has_char(c))
        || heads.iter().any(|h| n.ends_with(h.as_str()))
}

/// Whether a source that no chain reads is an organ of the state all the
/// same: a division's full name opens it and its longest ending known to
/// the suffix grammar names agencies only (某市某某管理委员会).
fn source_agency(r: &Recognizer, lat: &Lattice, s: usize, text: &str) -> bool {
    let division = lat
        .pieces_at(s)
        .any(|(_, ps, _)| ps.iter().any(|p| matches!(p, lattice::Piece::Division(_))));
    let ending = (text.char_indices().skip(1)).find_map(|(i, _)| r.lex.suffixes.get(&text[i..]));
    division && ending.is_some_and(|v| v.iter().all(|x| x.etype == EntityType::Agency))
}

/// Whether a character is punctuation or a space (never inside a name,
/// except for brackets handled by the callers).
pub(crate) fn is_punct(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '？'
                | '！'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '《'
                | '》'
                | '（'
                | '）'
                | '【'
                | '】'
                | '—'
                | '…'
                | '·'
                | '□'
                | '▲'
                | '△'
                | '■'
                | '●'
                | '「'
                | '」'
                | '『'
                | '』'
                | '〔'
                | '〕'
                | '～'
                | '－'
        )
}

/// Whether a character opens a bracket (full-width or ASCII).
pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(c, '（' | '(')
}

/// Whether a character closes a bracket (full-width or ASCII).
pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(c, '）' | ')')
}

/// Marks the characters `s..e` as covered by a mention.
pub(crate) fn cover(covered: &mut [bool], s: usize, e: usize) {
    if let Some(span) = covered.get_mut(s..e.min(covered.len())) {
        span.fill(true);
    }
}

/// Whether a character is a CJK ideograph.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4e00..=0x9fff | 0x3400..=0x4dbf | 0x20000..=0x2ebef | 0xf900..=0xfaff)
}

/// What the recognizers' unit tests share: one recognizer for all tests,
/// and the mentions after some of the passes.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// The recognizer, built once for all tests.
    pub(crate) fn recognizer() -> &'static Recognizer {
        static R: std::sync::OnceLock<Recognizer> = std::sync::OnceLock::new();
        R.get_or_init(|| Recognizer::new().expect("lexicons"))
    }

    /// The passes up to `last`, with it (all of them for an unknown name).
    fn passes_through(last: &str) -> &'static [(&'static str, Pass)] {
        let n = PASSES
            .iter()
            .position(|p| p.0 == last)
            .map_or(PASSES.len(), |i| i + 1);
        &PASSES[..n]
    }

    /// The mentions of a text after the passes up to `last`, with it: the
    /// text and type of each.
    pub(crate) fn through(text: &str, last: &str) -> Vec<(String, Option<EntityType>)> {
        let r = recognizer();
        r.run_passes(&r.lattice(text), passes_through(last))
            .into_iter()
            .map(|m| (m.text.clone(), m.etype()))
            .collect()
    }

    /// The mentions of a text that the pass `name` finds: there after it,
    /// not there before it (text and type).
    pub(crate) fn found_by(text: &str, name: &str) -> Vec<(String, Option<EntityType>)> {
        let i = PASSES
            .iter()
            .position(|p| p.0 == name)
            .expect("a pass of that name");
        let before = if i == 0 {
            Vec::new()
        } else {
            through(text, PASSES[i - 1].0)
        };
        through(text, name)
            .into_iter()
            .filter(|m| !before.contains(m))
            .collect()
    }

    /// Whether `ms` holds a mention of that text and type.
    pub(crate) fn has(ms: &[(String, Option<EntityType>)], text: &str, t: EntityType) -> bool {
        ms.iter().any(|(s, e)| s == text && *e == Some(t))
    }

    /// Whether `ms` holds a mention of that text, whatever its type.
    pub(crate) fn has_text(ms: &[(String, Option<EntityType>)], text: &str) -> bool {
        ms.iter().any(|(s, _)| s == text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use testing::{found_by, has, has_text, through};

    /// The documents a pass finds, by title.
    fn titles(text: &str, pass: &str) -> Vec<String> {
        let r = testing::recognizer();
        let lat = r.lattice(text);
        let n = PASSES.iter().position(|p| p.0 == pass).expect("a pass") + 1;
        r.run_passes(&lat, &PASSES[..n])
            .into_iter()
            .filter_map(|m| match m.kind {
                MentionKind::Document { title } => Some(title),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_source_line_naming_an_organ_no_chain_reads_is_an_agency() {
        let text = "来源：成都市市场监督管理委员会 发布时间：2024-05-06\n全市开展检查。";
        assert!(has(
            &through(text, "sources"),
            "成都市市场监督管理委员会",
            EntityType::Agency
        ));
        let text = "来源：蓉城新闻网 发布时间：2024-05-06\n全市开展检查。";
        assert!(has(
            &through(text, "sources"),
            "蓉城新闻网",
            EntityType::Organization
        ));
    }

    #[test]
    fn documents_are_quoted_titles_kept_whole() {
        let text = "会议传达了《宜昌市城区停车管理办法》和《〈土地管理法〉释义》。";
        let ms = found_by(text, "documents");
        assert!(
            has(&ms, "《宜昌市城区停车管理办法》", EntityType::Document),
            "{ms:?}"
        );
        assert!(
            has(&ms, "《〈土地管理法〉释义》", EntityType::Document),
            "{ms:?}"
        );
        assert_eq!(titles(text, "documents")[0], "宜昌市城区停车管理办法");
        // nothing inside a title is another mention
        let all = through(text, "tagged_names");
        assert!(!has_text(&all, "宜昌市"), "{all:?}");
    }

    #[test]
    fn a_common_noun_naming_one_township_level_unit_is_no_place() {
        // (the division list holds one unit named 物流园区)
        let all = through("我县加快物流园区建设。", "tagged_names");
        assert!(!has_text(&all, "物流园区"), "{all:?}");
    }

    #[test]
    fn an_industry_and_a_zone_s_head_name_no_place_without_their_county() {
        // (the division list holds one unit named 工业集中区)
        let all = through(
            "县长带队到醴陵工业集中区察看企业，工业集中区内企业达百家。",
            "all",
        );
        assert!(has(&all, "醴陵工业集中区", EntityType::Place), "{all:?}");
        assert!(!has_text(&all, "工业集中区"), "{all:?}");
    }

    #[test]
    fn a_paper_in_title_marks_is_its_office() {
        let ms = found_by("据《三峡晚报》报道，此事引起关注。", "documents");
        assert!(has(&ms, "三峡晚报", EntityType::Organization), "{ms:?}");
        assert!(
            !ms.iter().any(|m| m.1 == Some(EntityType::Document)),
            "{ms:?}"
        );
    }

    #[test]
    fn unclosed_empty_and_one_character_titles_are_no_documents() {
        for text in [
            "他翻开《城市规划\n一书。",
            "书名号《》里没有字。",
            "他读过《诗》。",
        ] {
            assert!(found_by(text, "documents").is_empty(), "{text}");
        }
    }

    #[test]
    fn a_title_line_names_the_document_it_carries() {
        let text = "宜昌市人民政府办公室关于印发宜昌市城区停车管理办法的通知\n各区人民政府：\n";
        let t = titles(text, "notice_titles");
        assert!(
            t.iter()
                .any(|x| x == "宜昌市人民政府办公室关于印发宜昌市城区停车管理办法的通知"),
            "{t:?}"
        );
        assert!(t.iter().any(|x| x == "宜昌市城区停车管理办法"), "{t:?}");
        // the issuing body is still an agency
        let all = through(text, "tagged_names");
        assert!(
            has(&all, "宜昌市人民政府办公室", EntityType::Agency),
            "{all:?}"
        );
    }

    #[test]
    fn a_joint_title_line_without_a_carried_document() {
        let text = "宜昌市财政局 宜昌市教育局关于做好学生资助工作的通知\n";
        let t = titles(text, "notice_titles");
        assert_eq!(
            t,
            ["宜昌市财政局宜昌市教育局关于做好学生资助工作的通知"],
            "{t:?}"
        );
    }

    #[test]
    fn a_sentence_ending_like_a_title_is_none() {
        for text in [
            "大家都收到了关于调整作息时间的通知\n",
            "全体职工认真学习了关于安全生产的意见\n",
            "关于开会的通知\n",
        ] {
            assert!(titles(text, "notice_titles").is_empty(), "{text}");
        }
    }

    #[test]
    fn a_credited_medium_is_an_organisation_with_its_people() {
        let ms = found_by("（供稿：楚天在线 王建华 刘芳）", "sources");
        assert!(has(&ms, "楚天在线", EntityType::Organization), "{ms:?}");
        assert!(has(&ms, "王建华", EntityType::Person), "{ms:?}");
        assert!(has(&ms, "刘芳", EntityType::Person), "{ms:?}");
        let ms = found_by("荆楚网讯（通讯员 李清）三峡大坝迎来游客高峰。", "sources");
        assert!(has(&ms, "荆楚网", EntityType::Organization), "{ms:?}");
        // a media centre by its short name (某某融媒 for 某某融媒体中心)
        let ms = found_by("新程融媒讯（记者 李清）大桥合龙。", "sources");
        assert!(has(&ms, "新程融媒", EntityType::Organization), "{ms:?}");
    }

    #[test]
    fn a_dated_dispatch_names_its_medium() {
        let ms = found_by("新程网（记者 李清）5月2日，大桥合龙。", "sources");
        assert!(has(&ms, "新程网", EntityType::Organization), "{ms:?}");
        let ms = found_by("他在新程网（二〇二一年）看到消息。", "sources");
        assert!(ms.is_empty(), "{ms:?}");
        let ms = found_by("南粤网5月2日讯（记者 李清）大桥合龙。", "sources");
        assert!(has(&ms, "南粤网", EntityType::Organization), "{ms:?}");
        let ms = found_by("江城网宜昌10月8日电 三峡大坝迎来游客高峰。", "sources");
        assert!(has(&ms, "江城网", EntityType::Organization), "{ms:?}");
        // inside a sentence, or without a date, no dispatch
        let ms = found_by("他在南粤网5月2日讯中看到消息。", "sources");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_masthead_names_its_paper() {
        let ms = found_by("新程晚报 2021-05-02 08:30\n大桥合龙。", "sources");
        assert!(has(&ms, "新程晚报", EntityType::Organization), "{ms:?}");
        let ms = found_by("新程晚报\n大桥合龙。", "sources");
        assert!(has(&ms, "新程晚报", EntityType::Organization), "{ms:?}");
        // a sentence that ends in a paper's name is no masthead
        let ms = found_by("消息刊登在新程晚报 2021年版上。", "sources");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_credited_medium_ends_at_the_next_field_of_the_line() {
        let ms = found_by("来源:三峡在线发布时间:2021-08-25 15:58\n", "sources");
        assert!(ms.iter().any(|m| m.0 == "三峡在线"), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0.contains("发布")), "{ms:?}");
    }

    #[test]
    fn the_paper_itself_and_agencies_are_no_credited_media() {
        let ms = found_by("本报讯（记者 李清）三峡大坝迎来游客高峰。", "sources");
        assert!(ms.is_empty(), "{ms:?}");
        // an agency credited as the source is left to the agency grammar
        let text = "来源：宜昌市教育局";
        assert!(found_by(text, "sources").is_empty());
        let ms = found_by(text, "chains");
        assert!(has(&ms, "宜昌市教育局", EntityType::Agency), "{ms:?}");
        // and a place credited is the place
        let text = "时间：2021年3月2日 来源：长阳县渔峡口镇\n";
        assert!(found_by(text, "sources").is_empty());
        let ms = found_by(text, "chains");
        assert!(has(&ms, "渔峡口镇", EntityType::Place), "{ms:?}");
    }

    /// The passes have distinct names, and running them all is recognizing.
    #[test]
    fn the_passes_are_named_once_and_make_the_recognizer() {
        for (i, (name, _)) in PASSES.iter().enumerate() {
            assert!(!PASSES[..i].iter().any(|p| p.0 == *name), "{name} twice");
        }
        let r = testing::recognizer();
        let text = "市自然资源局局长王立新在《土地管理法》宣讲会上讲话。";
        let all = testing::through(text, "tagged_names");
        let direct: Vec<_> = r
            .recognize(text)
            .into_iter()
            .map(|m| (m.text.clone(), m.etype()))
            .collect();
        assert_eq!(all, direct);
        assert!(testing::has(&all, "王立新", EntityType::Person), "{all:?}");
    }

    /// The surface texts of the mentions of a text, with their types.
    fn mentions(r: &Recognizer, text: &str) -> Vec<(String, Option<EntityType>)> {
        r.recognize(text)
            .into_iter()
            .map(|m| (m.text.clone(), m.etype()))
            .collect()
    }

    #[test]
    fn a_title_line_of_an_official_document_is_a_document() {
        let r = testing::recognizer();
        let docs = |text: &str| -> Vec<String> {
            r.recognize(text)
                .into_iter()
                .filter_map(|m| match m.kind {
                    MentionKind::Document { title } => Some(title),
                    _ => None,
                })
                .collect()
        };
        let d = docs(
            "兰州市人民政府办公室关于印发兰州市老旧小区改造实施方案的通知\n\
             各县、区人民政府：现将《兰州市老旧小区改造实施方案》印发给你们。\n",
        );
        for t in [
            "兰州市人民政府办公室关于印发兰州市老旧小区改造实施方案的通知",
            "兰州市老旧小区改造实施方案",
        ] {
            assert!(d.iter().any(|x| x == t), "{t}: {d:?}");
        }
        // a sentence that ends like a title but is not one, and a title
        // whose issuing part names no body
        let d = docs("会议听取了关于城市更新工作的报告\n近日关于加强耕地保护的意见\n");
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_name_after_a_post_may_hold_a_short_place_name() {
        let r = testing::recognizer();
        // 建平 is a county of Liaoning as well
        let ms = mentions(r, "西湖分局局长周建平出席活动并讲话。");
        assert!(has(&ms, "周建平", EntityType::Person), "{ms:?}");
        assert!(!ms.iter().any(|(s, _)| s == "建平"), "{ms:?}");
    }

    #[test]
    fn places_listed_before_a_department_share_it() {
        let r = testing::recognizer();
        let ms = r.recognize("会上，锦江区、青羊区和武侯区住建局汇报了老旧小区改造进展。");
        for t in ["锦江区", "青羊区"] {
            assert!(
                ms.iter().any(|m| m.text == t
                    && matches!(&m.kind, MentionKind::Chain(c) if !c.links.is_empty())),
                "{t}: {ms:?}"
            );
        }
    }

    #[test]
    fn words_that_only_contain_names_are_no_mentions() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "县林业局重点防治美国白蛾和加拿大一枝黄花，开展入海河流排污口整治。\
             县人社部门招募护林员，人行道同步改造。城南污水处理厂提标改造。",
        );
        for (s, t) in &ms {
            assert!(
                !matches!(
                    s.as_str(),
                    "美国" | "加拿大" | "海河" | "人社部" | "人行" | "城南"
                ),
                "{s} ({t:?}) in {ms:?}"
            );
        }
        assert!(ms.iter().any(|(s, _)| s == "县林业局"), "{ms:?}");
    }

    #[test]
    fn posts_meetings_and_common_nouns_name_nobody() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "防控指挥部由副县长任总指挥。方案经省专家组评审后在县局网站公开。\
             县委召开县委常委会，研究各镇（中心）卫生院建设。",
        );
        assert!(
            !ms.iter().any(|(_, t)| *t == Some(EntityType::Person)),
            "{ms:?}"
        );
        for (s, _) in &ms {
            assert!(
                !s.ends_with("专家组")
                    && !s.ends_with("网站")
                    && s != "中心"
                    && !s.ends_with("常委会"),
                "{s} in {ms:?}"
            );
        }
    }

    #[test]
    fn derived_words_after_a_post_are_no_names() {
        let r = testing::recognizer();
        let ms = mentions(r, "要求党员干部常态化下沉社区，调动群众积极性。");
        assert!(
            !ms.iter().any(|(_, t)| *t == Some(EntityType::Person)),
            "{ms:?}"
        );
    }

    #[test]
    fn company_and_forest_farm_names_find_their_left_edge() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "县林业局对马颊河林场开展检查，并走访济宁恒达智能制造有限公司。",
        );
        assert!(has(&ms, "马颊河林场", EntityType::Organization), "{ms:?}");
        assert!(
            has(&ms, "济宁恒达智能制造有限公司", EntityType::Organization),
            "{ms:?}"
        );
    }

    #[test]
    fn abbreviated_departments_expand_to_their_official_names() {
        let r = testing::recognizer();
        let full = |s: &str| r.expand_dept(s).map(|(c, _)| c);
        assert_eq!(full("发展改革委").as_deref(), Some("发展和改革委员会"));
        assert_eq!(full("规划资源局").as_deref(), Some("规划和自然资源局"));
        assert_eq!(full("林业中心").as_deref(), Some("林业发展中心"));
        assert_eq!(full("中心"), None);
    }

    #[test]
    fn project_names_with_phases_sections_and_bracketed_names() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "会议同意珠江三角洲水资源配置二期工程(佛山段)选址方案。             区领导到海棠（紫荆）新村周边片区改造项目调研。",
        );
        assert!(
            has(
                &ms,
                "珠江三角洲水资源配置二期工程(佛山段)",
                EntityType::Project
            ),
            "{ms:?}"
        );
        // the section's place stays a place of its own
        assert!(has(&ms, "佛山", EntityType::Place), "{ms:?}");
        assert!(
            ms.iter()
                .any(|(s, t)| s.ends_with("海棠（紫荆）新村周边片区改造项目")
                    && *t == Some(EntityType::Project)),
            "{ms:?}"
        );
    }

    #[test]
    fn a_credit_names_its_body_and_people() {
        let r = testing::recognizer();
        let ms = mentions(r, "活动取得实效。（供稿：榆林新闻网 薛晓红 贺建军）");
        assert!(has(&ms, "榆林新闻网", EntityType::Organization), "{ms:?}");
        assert!(has(&ms, "薛晓红", EntityType::Person), "{ms:?}");
        assert!(has(&ms, "贺建军", EntityType::Person), "{ms:?}");
    }

    #[test]
    fn adverbs_idioms_and_glued_conjunctions_end_names() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "这是城区坚决贯彻落实市委部署的举措。根据会议上的讲话精神及局党委工作安排开展巡查。",
        );
        for (s, _) in &ms {
            assert!(!s.contains("坚决") && !s.contains("精神"), "{s} in {ms:?}");
        }
    }

    #[test]
    fn an_inspection_group_of_the_centre_is_named_as_written() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "中央第三巡视组向某县反馈情况。中央第二生态环境保护督察组进驻后，中央财政下达资金。",
        );
        assert!(has(&ms, "中央第三巡视组", EntityType::Agency), "{ms:?}");
        let group = "中央第二生态环境保护督察组";
        assert!(has(&ms, group, EntityType::Agency), "{ms:?}");
        assert!(!ms.iter().any(|(s, _)| s.starts_with("中央财政")), "{ms:?}");
    }

    #[test]
    fn a_road_by_its_number_and_the_work_done_on_it_names_a_project() {
        let r = testing::recognizer();
        let ms = mentions(r, "调研组察看了G105国道改建工程和S225省道拓宽工程。");
        assert!(has(&ms, "G105国道改建工程", EntityType::Project), "{ms:?}");
        assert!(has(&ms, "S225省道拓宽工程", EntityType::Project), "{ms:?}");
    }

    #[test]
    fn the_capacity_a_project_states_is_part_of_its_name() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "双方签约建设年产30万吨特种纸项目。潍坊恒安牧业有限公司年出栏5万头生猪养殖项目开工。",
        );
        assert!(
            has(&ms, "年产30万吨特种纸项目", EntityType::Project),
            "{ms:?}"
        );
        let farm = "潍坊恒安牧业有限公司年出栏5万头生猪养殖项目";
        assert!(has(&ms, farm, EntityType::Project), "{ms:?}");
    }

    #[test]
    fn ru_before_examples_and_a_japanese_company_s_form() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "多家企业参会，如恒瑞新材料有限公司计划投资5亿元，东丽精工株式会社计划投资3亿元。",
        );
        assert!(
            has(&ms, "恒瑞新材料有限公司", EntityType::Organization),
            "{ms:?}"
        );
        assert!(
            has(&ms, "东丽精工株式会社", EntityType::Organization),
            "{ms:?}"
        );
        let ms = mentions(r, "如皋市人民政府召开会议。");
        assert!(has(&ms, "如皋市人民政府", EntityType::Agency), "{ms:?}");
    }

    #[test]
    fn an_ordinal_numbers_a_body_inside_a_company_s_name() {
        let r = testing::recognizer();
        let ms = mentions(r, "该工程由中国建筑第五工程局有限公司承建，第三季度完工。");
        let company = "中国建筑第五工程局有限公司";
        assert!(has(&ms, company, EntityType::Organization), "{ms:?}");
        assert!(ms.iter().all(|(s, _)| !s.contains("季度")), "{ms:?}");
    }

    #[test]
    fn kinds_of_work_alone_name_no_project() {
        let r = testing::recognizer();
        let ms = mentions(r, "推进提质改造工程。城区供水管网提质改造工程开工。");
        assert!(!has(&ms, "提质改造工程", EntityType::Project), "{ms:?}");
        let main = "城区供水管网提质改造工程";
        assert!(has(&ms, main, EntityType::Project), "{ms:?}");
    }

    #[test]
    fn counts_and_joined_events_are_no_names() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "全县有两家公司参加，计划建设一条高速公路。全市投资说明会暨项目签约仪式举行。",
        );
        assert!(ms.iter().all(|(_, t)| t.is_none()), "{ms:?}");
    }

    #[test]
    fn the_marker_of_an_enumerated_item_is_no_part_of_a_name() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "一是供水公司要加强巡查；二是学校要落实责任；三是污水处理厂运营机构要定期检修。",
        );
        for (s, _) in &ms {
            assert!(!s.contains("是"), "{s} in {ms:?}");
        }
    }

    #[test]
    fn a_person_after_a_body_or_a_post() {
        let r = testing::recognizer();
        let ms = mentions(
            r,
            "市规划院刘佳文荣获先进工作者称号，纪念馆讲解员武术获个人一等奖。",
        );
        assert!(has(&ms, "刘佳文", EntityType::Person), "{ms:?}");
        assert!(has(&ms, "武术", EntityType::Person), "{ms:?}");
        let ms = mentions(
            r,
            "我区张海涛、李晓燕在全省技能大赛中获奖。我市林业发展较快。",
        );
        assert!(has(&ms, "张海涛", EntityType::Person), "{ms:?}");
        assert!(has(&ms, "李晓燕", EntityType::Person), "{ms:?}");
        assert_eq!(
            ms.iter()
                .filter(|(_, t)| *t == Some(EntityType::Person))
                .count(),
            2,
            "{ms:?}"
        );
    }
}
