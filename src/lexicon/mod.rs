//! Lexicons: administrative divisions, standard department names and their
//! official short forms, national bodies, posts, surnames, name suffixes,
//! trigger words, countries and geographic names; and the language data of
//! the recognizers' grammar: the word lists of [`grammar`] (generic terms of
//! places, heads of names, the words of agency names, function words, the
//! words around people's names and document titles) and the classes of
//! part-of-speech tags of [`tags`].
//!
//! Each list is a text file under `data/lexicon/` with a header naming its
//! source; the files are compiled into the binary so that it runs anywhere.
//! Takes: nothing. Gives: a [`Lexicon`] with lookup tables.

pub(crate) mod grammar;
pub(crate) mod tags;
mod words;

pub(crate) use grammar::{
    BodyWords, DocumentWords, FunctionWords, HeadWords, PersonWords, PlaceTerms, WordList,
};
pub(crate) use tags::{Tag, TagClasses, TagSet};
pub(crate) use words::{Cue, Found, LayoutWords, OrganWords, PlaceWords, RelationWords, Words};

/// The lexicons' maps hash with FxHash (rustc-hash): recognizers look up
/// short keys many times per character of text, and SipHash was some 8% of
/// an extraction's instructions. The keys come from the lexicon files, not
/// from the input, so flooding is no concern.
pub(crate) type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;
/// A set of the lexicons, hashed as [`HashMap`].
pub(crate) type HashSet<K> = rustc_hash::FxHashSet<K>;

/// Errors in a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A data line does not have the expected columns.
    #[error("{file}:{line}: {msg}")]
    BadLine {
        /// The lexicon file name.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// A lexicon file lacks an entry the recognizers need.
    #[error("{file}: no {what}")]
    Missing {
        /// The lexicon file name.
        file: &'static str,
        /// What is missing.
        what: String,
    },
}

/// Level of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub(crate) enum Level {
    /// Province, autonomous region, municipality.
    Province,
    /// Prefecture-level city.
    City,
    /// County, county-level city, district, development zone.
    County,
    /// Township, town, street (街道).
    Town,
}

impl Level {
    /// The name used in data files and RDF.
    #[cfg_attr(not(feature = "store"), allow(dead_code))] // used by the store stages
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::City => "city",
            Level::County => "county",
            Level::Town => "town",
        }
    }

    /// Parses the name used in data files.
    fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "province" => Level::Province,
            "city" => Level::City,
            "county" => Level::County,
            "town" => Level::Town,
            _ => return None,
        })
    }
}

/// One administrative division.
#[derive(Debug, Clone)]
pub(crate) struct Division {
    /// NBS statistical code (6 digits to county level, 9 for townships).
    pub(crate) code: String,
    /// Official name (潍坊市).
    pub(crate) name: String,
    /// Level in the hierarchy.
    pub(crate) level: Level,
    /// Index of the parent division.
    pub(crate) parent: Option<usize>,
    /// Common short name (潍坊), if any.
    pub(crate) short: Option<String>,
}

/// Kind of a department, which decides how its full name is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DeptKind {
    /// Government department: {place}{name}.
    #[default]
    Gov,
    /// Work organ of a Party committee: 中共{place}委{name}.
    Party,
    /// People's organisation: {place}{name}.
    Mass,
    /// People's congress standing committee: {place}{name}.
    Congress,
    /// Discipline inspection / supervision: {place}{name} (纪委 → 中共{place}纪律检查委员会).
    Discipline,
    /// Courts and procuratorates: {place}{name}.
    Court,
}

/// A department name form.
#[derive(Debug, Clone)]
pub(crate) struct Dept {
    /// Full official name of the department (without place).
    pub(crate) canonical: String,
    /// Kind, deciding the naming template.
    pub(crate) kind: DeptKind,
    /// Levels where such a body exists.
    pub(crate) levels: Vec<Level>,
}

/// A body of the central level or a well-known organisation.
#[derive(Debug, Clone)]
pub(crate) struct National {
    /// Full official name.
    pub(crate) canonical: String,
    /// `Agency` or `Organization`.
    pub(crate) agency: bool,
}

/// Which body a post implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PostOrgan {
    /// Party committee (书记).
    Party,
    /// People's government (市长).
    Gov,
    /// People's congress.
    Congress,
    /// CPPCC.
    Cppcc,
    /// The body named before the post (局长).
    SelfBody,
    /// News media (记者, 通讯员).
    Media,
    /// No body implied (讲解员, 专家).
    None,
}

/// A post or role title.
#[derive(Debug, Clone)]
pub(crate) struct Post {
    /// Which body it implies.
    pub(crate) organ: PostOrgan,
    /// Whether it is a post of the body's leading team (rank `leader`).
    pub(crate) leader: bool,
}

/// Role of a name suffix in the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SuffixRole {
    /// Internal unit or branch of the body before it.
    Unit,
    /// Ends a standalone name.
    Body,
}

/// A name suffix.
#[derive(Debug, Clone)]
pub(crate) struct Suffix {
    /// The entity type the suffix gives.
    pub(crate) etype: crate::EntityType,
    /// Unit or body.
    pub(crate) role: SuffixRole,
    /// An internal section that text also writes without its body (科, 股).
    pub(crate) alone: bool,
}

/// Kinds of trigger words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Trigger {
    /// Never part of a name; marks its left edge.
    LeftStop,
    /// Stands for a body already named (该局).
    Anaphor,
    /// Introduces an issued document (印发).
    Issue,
    /// Introduces a partner (会同).
    Partner,
    /// A body acting on a project (推进).
    Participate,
    /// Says where something is (位于).
    Located,
    /// Says that what is written before it lies in the place after it
    /// (位于, 落户).
    LocatedIn,
    /// A visit by officials to a place or project (调研).
    Visit,
    /// Opens a byline (记者).
    Byline,
    /// Ends the title of an official document (通知, 意见 …).
    DocKind,
}

/// All lexicons.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Administrative divisions.
    pub(crate) divisions: Vec<Division>,
    /// Division indices by full name.
    pub(crate) division_by_name: HashMap<String, Vec<usize>>,
    /// Division indices by short name.
    pub(crate) division_by_short: HashMap<String, Vec<usize>>,
    /// Division index by code.
    pub(crate) division_by_code: HashMap<String, usize>,
    /// Department forms.
    pub(crate) departments: HashMap<String, Dept>,
    /// Central bodies and well-known organisations by form.
    pub(crate) national: HashMap<String, National>,
    /// Posts by title.
    pub(crate) posts: HashMap<String, Post>,
    /// Surnames with frequency rank (0 for compound surnames).
    pub(crate) surnames: HashMap<String, u32>,
    /// Name suffixes.
    pub(crate) suffixes: HashMap<String, Vec<Suffix>>,
    /// Trigger words.
    pub(crate) triggers: HashMap<String, Vec<Trigger>>,
    /// Countries and regions by name → canonical.
    pub(crate) countries: HashMap<String, String>,
    /// Words of policy language newer than the segmenter's dictionary,
    /// or that it tags wrongly, with their part-of-speech tags
    /// (common_words.tsv).
    pub(crate) common_words: HashMap<String, Tag>,
    /// Geographic names (rivers, lakes …) by name → canonical.
    pub(crate) geo: HashMap<String, String>,
    /// Verbs that occur inside names.
    pub(crate) name_verbs: HashSet<String>,
    /// Modifiers that make a headed phrase generic (重点项目).
    pub(crate) generic: HashSet<String>,
    /// Those of them that say the kind of the thing (高端, 公办): generic
    /// where they open the phrase, a word of a name after its proper part
    /// (某某湖高端装备产业园).
    pub(crate) kind_generic: HashSet<String>,
    /// Common nouns that end like a body or unit but name none (网站, 专家组).
    pub(crate) not_bodies: HashSet<String>,
    /// Common nouns that make any name ending in them no body (布局, 调研组).
    pub(crate) not_body_ends: Vec<String>,
    /// Development-zone short forms → full form without the city.
    pub(crate) zones: HashMap<String, String>,
    /// Organisational forms that end a company's registered name, longest
    /// first (股份有限公司, 有限公司).
    pub(crate) legal_forms: Vec<String>,
    /// Words of a project's event written right after its head (签约仪式,
    /// 开工): the project before them is a named one.
    pub(crate) project_events: Vec<String>,
    /// Romanized labels of government web hosts → what they name.
    pub(crate) hosts: HashMap<String, Vec<HostName>>,
    /// Classes of jieba's part-of-speech tags (tag_classes.tsv).
    pub(crate) tags: TagClasses,
    /// Generic terms of place names and level words (place_terms.tsv).
    pub(crate) place_terms: PlaceTerms,
    /// Heads of names treated apart (name_heads.tsv).
    pub(crate) head_words: HeadWords,
    /// Words of the grammar of agency names (body_words.tsv).
    pub(crate) body_words: BodyWords,
    /// Numerals, classifiers and function words (function_words.tsv).
    pub(crate) function_words: FunctionWords,
    /// Words around a person's name (person_words.tsv).
    pub(crate) person_words: PersonWords,
    /// Words of document titles and source credits (document_words.tsv).
    pub(crate) document_words: DocumentWords,
    /// The word lists of the resolver and the text stage (see [`Words`]).
    pub(crate) words: Words,
}

/// What a label of a government web host names (anshan → 鞍山市, zrzyj →
/// 自然资源局).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HostName {
    /// A division, by index.
    Division(usize),
    /// A department, by its canonical form.
    Dept(String),
}

/// A lexicon file compiled in: (file name, contents).
macro_rules! data {
    ($f:literal) => {
        (
            $f,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon/", $f)),
        )
    };
}

/// The lexicon files compiled into the binary: (file name, contents).
pub(crate) const FILES: &[(&str, &str)] = &[
    data!("divisions.tsv"),
    data!("departments.tsv"),
    data!("national.tsv"),
    data!("posts.tsv"),
    data!("surnames.tsv"),
    data!("unit_suffixes.tsv"),
    data!("triggers.tsv"),
    data!("countries.tsv"),
    data!("geo.tsv"),
    data!("name_words.tsv"),
    data!("zones.tsv"),
    data!("hosts.tsv"),
    data!("tag_classes.tsv"),
    data!("place_terms.tsv"),
    data!("name_heads.tsv"),
    data!("body_words.tsv"),
    data!("function_words.tsv"),
    data!("person_words.tsv"),
    data!("document_words.tsv"),
    // the word lists of the resolver and the text stage (words.rs)
    data!("relation_words.tsv"),
    data!("organ_names.tsv"),
    data!("place_words.tsv"),
    data!("layout_marks.tsv"),
    data!("common_words.tsv"),
];

/// The data rows of a lexicon file (not blank, not a `#` comment): the
/// 1-based line number and the tab-separated columns, trimmed.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            None
        } else {
            Some((i + 1, l.split('\t').map(str::trim).collect()))
        }
    })
}

/// The error of a malformed line.
fn bad(file: &'static str, line: usize, msg: impl Into<String>) -> LexiconError {
    LexiconError::BadLine {
        file,
        line,
        msg: msg.into(),
    }
}

/// A loader of one lexicon file: reads its rows into the lexicon.
type Loader = fn(&mut Lexicon, &'static str, &'static str) -> Result<(), LexiconError>;

/// The loader of a lexicon file, by file name.
fn loader(file: &str) -> Option<Loader> {
    Some(match file {
        "divisions.tsv" => Lexicon::load_divisions,
        "departments.tsv" => Lexicon::load_departments,
        "national.tsv" => Lexicon::load_national,
        "posts.tsv" => Lexicon::load_posts,
        "surnames.tsv" => Lexicon::load_surnames,
        "unit_suffixes.tsv" => Lexicon::load_suffixes,
        "triggers.tsv" => Lexicon::load_triggers,
        "countries.tsv" => Lexicon::load_countries,
        "geo.tsv" => Lexicon::load_geo,
        "zones.tsv" => Lexicon::load_zones,
        "hosts.tsv" => Lexicon::load_hosts,
        "common_words.tsv" => Lexicon::load_common_words,
        "name_words.tsv" => Lexicon::load_name_words,
        // the word lists of the grammar, each a sheet of kinds
        "tag_classes.tsv" => |lx, f, t| TagClasses::load(f, t).map(|w| lx.tags = w),
        "place_terms.tsv" => |lx, f, t| PlaceTerms::load(f, t).map(|w| lx.place_terms = w),
        "name_heads.tsv" => |lx, f, t| HeadWords::load(f, t).map(|w| lx.head_words = w),
        "body_words.tsv" => |lx, f, t| BodyWords::load(f, t).map(|w| lx.body_words = w),
        "function_words.tsv" => |lx, f, t| grammar::load_kinds(f, t).map(|w| lx.function_words = w),
        "person_words.tsv" => |lx, f, t| grammar::load_kinds(f, t).map(|w| lx.person_words = w),
        "document_words.tsv" => |lx, f, t| grammar::load_kinds(f, t).map(|w| lx.document_words = w),
        _ => return None,
    })
}

impl Lexicon {
    /// Loads the lexicons compiled into the binary, each file by its own
    /// loader, in the order of [`FILES`] (hosts.tsv refers to divisions and
    /// departments loaded before it).
    pub fn load() -> Result<Lexicon, LexiconError> {
        let mut lx = Lexicon::default();
        for &(file, text) in FILES {
            if let Some(load) = loader(file) {
                load(&mut lx, file, text)?;
            }
        }
        // the resolver's lists read their files themselves (words.rs)
        lx.words = Words::load(&lx.triggers)?;
        lx.add_self_names();
        lx.add_short_term_names();
        lx.add_own_town_names();
        Ok(lx)
    }

    /// national.tsv: central bodies and well-known organisations.
    fn load_national(
        &mut self,
        file: &'static str,
        text: &'static str,
    ) -> Result<(), LexiconError> {
        for (n, r) in rows(text) {
            if r.len() < 3 {
                return Err(bad(file, n, "expected form, canonical, type"));
            }
            self.national.insert(
                r[0].to_string(),
                National {
                    canonical: r[1].to_string(),
                    agency: r[2] == "Agency",
                },
            );
        }
        Ok(())
    }

    /// posts.tsv: post titles with the body they imply.
    fn load_posts(&mut self, file: &'static str, text: &'static str) -> Result<(), LexiconError> {
        for (n, r) in rows(text) {
            if r.len() < 2 {
                return Err(bad(file, n, "expected post, organ"));
            }
            let organ = match r[1] {
                "party" => PostOrgan::Party,
                "gov" => PostOrgan::Gov,
                "congress" => PostOrgan::Congress,
                "cppcc" => PostOrgan::Cppcc,
                "self" => PostOrgan::SelfBody,
                "media" => PostOrgan::Media,
                "none" => PostOrgan::None,
                o => return Err(bad(file, n, format!("unknown organ {o}"))),
            };
            let leader = match r.get(2).copied() {
                Some("leader") => true,
                Some("staff") | None => false,
                Some(k) => return Err(bad(file, n, format!("unknown rank {k}"))),
            };
            self.posts.insert(r[0].to_string(), Post { organ, leader });
        }
        Ok(())
    }

    /// surnames.tsv: surnames with their frequency rank.
    fn load_surnames(&mut self, _: &'static str, text: &'static str) -> Result<(), LexiconError> {
        for (_, r) in rows(text) {
            let rank = r.get(1).and_then(|x| x.parse().ok()).unwrap_or(0);
            self.surnames.insert(r[0].to_string(), rank);
        }
        Ok(())
    }

    /// unit_suffixes.tsv: name suffixes with their type and role.
    fn load_suffixes(
        &mut self,
        file: &'static str,
        text: &'static str,
    ) -> Result<(), LexiconError> {
        for (n, r) in rows(text) {
            if r.len() < 3 {
                return Err(bad(file, n, "expected suffix, type, role"));
            }
            let etype = crate::EntityType::parse(r[1])
                .ok_or_else(|| bad(file, n, format!("unknown type {}", r[1])))?;
            let role = match r[2] {
                "unit" => SuffixRole::Unit,
                "body" => SuffixRole::Body,
                o => return Err(bad(file, n, format!("unknown role {o}"))),
            };
            self.suffixes
                .entry(r[0].to_string())
                .or_default()
                .push(Suffix {
                    etype,
                    role,
                    alone: r.get(3) == Some(&"alone"),
                });
        }
        Ok(())
    }

    /// triggers.tsv: words around names, by kind.
    fn load_triggers(
        &mut self,
        file: &'static str,
        text: &'static str,
    ) -> Result<(), LexiconError> {
        for (n, r) in rows(text) {
            if r.len() < 2 {
                return Err(bad(file, n, "expected word, kind"));
            }
            let k = match r[1] {
                "left_stop" => Trigger::LeftStop,
                "anaphor" => Trigger::Anaphor,
                "issue" => Trigger::Issue,
                "partner" => Trigger::Partner,
                "participate" => Trigger::Participate,
                "located" => Trigger::Located,
                "located_in" => Trigger::LocatedIn,
                "visit" => Trigger::Visit,
                "byline" => Trigger::Byline,
                "doc_kind" => Trigger::DocKind,
                o => return Err(bad(file, n, format!("unknown kind {o}"))),
            };
            let v = self.triggers.entry(r[0].to_string()).or_default();
            if !v.contains(&k) {
                v.push(k);
            }
        }
        Ok(())
    }

    /// countries.tsv: countries and regions, each to its canonical name.
    fn load_countries(&mut self, _: &'static str, text: &'static str) -> Result<(), LexiconError> {
        for (_, r) in rows(text) {
            let canon = r.get(1).copied().unwrap_or(r[0]);
            self.countries.insert(r[0].to_string(), canon.to_string());
        }
        Ok(())
    }

    /// common_words.tsv: words of policy language newer than the
    /// segmenter's dictionary, with their tags.
    fn load_common_words(
        &mut self,
        file: &'static str,
        text: &'static str,
    ) -> Result<(), LexiconError> {
        for (line, r) in rows(text) {
            let [word, tag] = r[..] else {
                return Err(bad(file, line, "expected two columns: word, tag"));
            };
            let parsed = Tag::parse(tag);
            if parsed == Tag::X {
                return Err(bad(file, line, format!("unknown part-of-speech tag {tag}")));
            }
            self.common_words.insert(word.to_string(), parsed);
        }
        Ok(())
    }

    /// geo.tsv: geographic names, each to its canonical name.
    fn load_geo(&mut self, _: &'static str, text: &'static str) -> Result<(), LexiconError> {
        for (_, r) in rows(text) {
            let canon = r.get(1).copied().unwrap_or(r[0]);
            self.geo.insert(r[0].to_string(), canon.to_string());
        }
        Ok(())
    }

    /// Whether a body's name opens with the full form of a development
    /// zone (经济开发区管理委员会).
    pub(crate) fn names_zone(&self, name: &str) -> bool {
        self.zones
            .values()
            .any(|full| name.starts_with(full.as_str()))
    }

    /// Whether a division is a development zone (某某经济技术开发区, listed
    /// as a county or a township): its name ends with a zone's head.
    pub(crate) fn is_zone_division(&self, idx: usize) -> bool {
        self.head_words.zone_head.ends(&self.divisions[idx].name)
    }

    /// Whether a word is a development zone's generic name: a short or
    /// full form of zones.tsv, or a zone's head (新区, 开发区).
    pub(crate) fn is_zone_word(&self, w: &str) -> bool {
        self.zones.contains_key(w) || self.is_zone_form(w) || self.head_words.zone_head.contains(w)
    }

    /// Whether a word is a suffix ending standalone names (not units) of a
    /// type that passes `test` (河 of a place, 有限公司 of an organisation).
    pub(crate) fn body_head(&self, w: &str, test: impl Fn(crate::EntityType) -> bool) -> bool {
        (self.suffixes.get(w)).is_some_and(|xs| {
            xs.iter()
                .any(|x| x.role == SuffixRole::Body && test(x.etype))
        })
    }

    /// Whether a word is a division's full or short name (曲阜, 曲阜市).
    pub(crate) fn names_division(&self, w: &str) -> bool {
        self.division_by_short.contains_key(w) || self.division_by_name.contains_key(w)
    }

    /// Whether a word is the full form of a zone of the approval lists
    /// (高新技术产业开发区), which a city's short name opens.
    pub(crate) fn is_zone_form(&self, w: &str) -> bool {
        self.zones.values().any(|z| z == w)
    }

    /// zones.tsv: development-zone short forms and their full forms.
    fn load_zones(&mut self, file: &'static str, text: &'static str) -> Result<(), LexiconError> {
        for (n, r) in rows(text) {
            if r.len() < 2 {
                return Err(bad(file, n, "expected short form, full form"));
            }
            self.zones.insert(r[0].to_string(), r[1].to_string());
        }
        Ok(())
    }

    /// hosts.tsv: labels of government web hosts; needs the divisions and
    /// departments loaded.
    fn load_hosts(&mut self, file: &'static str, text: &'static str) -> Result<(), LexiconError> {
        for (n, r) in rows(text) {
            let target =
                match (r.get(1).copied(), r.get(2)) {
                    (Some("division"), Some(code)) => {
                        let i =
                            self.division_by_code.get(*code).copied().ok_or_else(|| {
                                bad(file, n, format!("unknown division code {code}"))
                            })?;
                        HostName::Division(i)
                    }
                    (Some("dept"), Some(form)) => {
                        let d = self.departments.get(*form).ok_or_else(|| {
                            bad(file, n, format!("unknown department form {form}"))
                        })?;
                        HostName::Dept(d.canonical.clone())
                    }
                    _ => return Err(bad(file, n, "expected label, division|dept, target")),
                };
            let v = self.hosts.entry(r[0].to_string()).or_default();
            if !v.contains(&target) {
                v.push(target);
            }
        }
        Ok(())
    }

    /// name_words.tsv: words that decide the left edge of a headed name;
    /// the legal forms end up longest first.
    fn load_name_words(
        &mut self,
        file: &'static str,
        text: &'static str,
    ) -> Result<(), LexiconError> {
        for (n, r) in rows(text) {
            let w = r[0].to_string();
            match r.get(1).copied() {
                Some("name_verb") => self.name_verbs.insert(w),
                Some("generic") => self.generic.insert(w),
                Some("kind_generic") => {
                    self.kind_generic.insert(w.clone());
                    self.generic.insert(w)
                }
                Some("not_body") => self.not_bodies.insert(w),
                Some("not_body_end") => {
                    self.not_body_ends.push(w);
                    true
                }
                Some("legal_form") => {
                    self.legal_forms.push(w);
                    true
                }
                Some("project_event") => {
                    self.project_events.push(w);
                    true
                }
                _ => {
                    return Err(bad(
                        file,
                        n,
                        "expected word, name_verb|generic|kind_generic|not_body|legal_form|project_event",
                    ))
                }
            };
        }
        // a stable sort: forms of one length keep the file's order
        self.legal_forms
            .sort_by_key(|f| std::cmp::Reverse(f.chars().count()));
        Ok(())
    }

    /// The generic terms by which divisions are written alone in their own
    /// texts (自治区) become short names of every division of their level
    /// whose name ends with them; the context picks the one meant.
    fn add_self_names(&mut self) {
        let terms: Vec<(String, Option<Level>)> = (self.place_terms.self_name.rows())
            .map(|(w, extra)| (w.to_string(), extra.first().and_then(|l| Level::parse(l))))
            .collect();
        for (term, level) in terms {
            let named = self.divisions_ending(level, &term);
            self.division_by_short
                .entry(term)
                .or_default()
                .extend(named);
        }
    }

    /// Townships that the source names with their county, to tell them
    /// from a namesake (召陵区老窝镇): their own name too, as their own news
    /// writes them (老窝镇), where it is more than a generic term.
    fn add_own_town_names(&mut self) {
        for i in 0..self.divisions.len() {
            let d = &self.divisions[i];
            let county = d.parent.map(|p| self.divisions[p].name.as_str());
            let own = county.and_then(|c| d.name.strip_prefix(c)).filter(|o| {
                let term = self.place_terms.township_term.ending(o);
                let stem = term.map(|t| &o[..o.len() - t.len()]);
                d.level == Level::Town && stem.is_some_and(|s| s.chars().count() >= 2)
            });
            let Some(own) = own.map(str::to_string) else {
                continue;
            };
            let short = county
                .and_then(|c| d.short.as_deref()?.strip_prefix(c))
                .filter(|s| s.chars().count() >= 2)
                .map(str::to_string);
            self.division_by_name.entry(own).or_default().push(i);
            if let Some(s) = short {
                self.division_by_short.entry(s).or_default().push(i);
            }
        }
    }

    /// Full names written with a short level word (临夏州 for 临夏回族自治州,
    /// 积石山县 for 积石山保安族东乡族撒拉族自治县): the short name and the
    /// word, where no division carries that name already.
    fn add_short_term_names(&mut self) {
        let rows: Vec<(String, Option<Level>, String)> = (self.place_terms.short_term.rows())
            .filter_map(|(w, extra)| {
                let level = extra.first().and_then(|l| Level::parse(l));
                Some((w.to_string(), level, extra.get(1)?.clone()))
            })
            .collect();
        for (word, level, ending) in rows {
            for i in self.divisions_ending(level, &ending) {
                if let Some(short) = &self.divisions[i].short {
                    let name = format!("{short}{word}");
                    self.division_by_name.entry(name).or_insert_with(|| vec![i]);
                }
            }
        }
    }

    /// The divisions of a level whose name ends with a term.
    fn divisions_ending(&self, level: Option<Level>, term: &str) -> Vec<usize> {
        (0..self.divisions.len())
            .filter(|&i| {
                let d = &self.divisions[i];
                Some(d.level) == level && d.name.ends_with(term)
            })
            .collect()
    }

    /// divisions.tsv: the divisions, their parents and the indices by
    /// name, short name and code.
    fn load_divisions(
        &mut self,
        file: &'static str,
        text: &'static str,
    ) -> Result<(), LexiconError> {
        let mut by_code: HashMap<&str, usize> = HashMap::default();
        let mut parents: Vec<Option<&str>> = Vec::new();
        for (n, r) in rows(text) {
            if r.len() < 4 {
                return Err(bad(file, n, "expected code, name, level, parent, short"));
            }
            let level = Level::parse(r[2]).ok_or_else(|| bad(file, n, "unknown level"))?;
            let idx = self.divisions.len();
            by_code.insert(r[0], idx);
            parents.push(if r[3].is_empty() { None } else { Some(r[3]) });
            let short = r.get(4).filter(|s| !s.is_empty()).map(|s| s.to_string());
            self.divisions.push(Division {
                code: r[0].to_string(),
                name: r[1].to_string(),
                level,
                parent: None,
                short,
            });
        }
        for (i, p) in parents.iter().enumerate() {
            if let Some(p) = p {
                self.divisions[i].parent = by_code.get(p).copied();
            }
        }
        for (i, d) in self.divisions.iter().enumerate() {
            self.division_by_code.insert(d.code.clone(), i);
            self.division_by_name
                .entry(d.name.clone())
                .or_default()
                .push(i);
            if let Some(s) = &d.short {
                self.division_by_short.entry(s.clone()).or_default().push(i);
            }
        }
        Ok(())
    }

    /// departments.tsv: department forms with their full name and kind.
    fn load_departments(
        &mut self,
        file: &'static str,
        text: &'static str,
    ) -> Result<(), LexiconError> {
        for (n, r) in rows(text) {
            if r.len() < 3 {
                return Err(bad(file, n, "expected form, canonical, kind, levels"));
            }
            let kind = match r[2] {
                "gov" => DeptKind::Gov,
                "party" => DeptKind::Party,
                "mass" => DeptKind::Mass,
                "congress" => DeptKind::Congress,
                "discipline" => DeptKind::Discipline,
                "court" => DeptKind::Court,
                o => return Err(bad(file, n, format!("unknown kind {o}"))),
            };
            let levels = r
                .get(3)
                .map(|l| {
                    l.split(',')
                        .filter_map(|x| Level::parse(x.trim()))
                        .collect()
                })
                .unwrap_or_default();
            self.departments.entry(r[0].to_string()).or_insert(Dept {
                canonical: r[1].to_string(),
                kind,
                levels,
            });
        }
        Ok(())
    }

    /// The name of a division, unique in the country: a name that several
    /// divisions carry is preceded by its parent's (铁西区 → 鞍山市铁西区,
    /// 龙泉镇 → 丹寨县龙泉镇, 城区 → 晋城市城区).
    pub(crate) fn unique_name(&self, idx: usize) -> String {
        let d = &self.divisions[idx];
        let shared = self
            .division_by_name
            .get(&d.name)
            .is_some_and(|v| v.len() > 1);
        match d.parent {
            Some(p) if shared && d.level >= Level::County => {
                let parent = self.level_short_name(p);
                format!(
                    "{}{}",
                    parent.as_deref().unwrap_or(&self.divisions[p].name),
                    d.name
                )
            }
            _ => d.name.clone(),
        }
    }

    /// The name of an autonomous division by its short name and the first
    /// level word of its kind (积石山县 for 积石山保安族东乡族撒拉族自治县),
    /// as the names of its townships are written; none for others.
    fn level_short_name(&self, idx: usize) -> Option<String> {
        let d = &self.divisions[idx];
        let short = d.short.as_ref()?;
        self.place_terms
            .short_term
            .rows()
            .find_map(|(word, extra)| {
                let level = extra.first().and_then(|l| Level::parse(l));
                let ending = extra.get(1)?;
                (level == Some(d.level) && d.name.ends_with(ending.as_str()))
                    .then(|| format!("{short}{word}"))
            })
    }

    /// The townships inside a city or county (by the code's prefix: the
    /// division list is sorted by code).
    pub(crate) fn towns_within(&self, anc: usize) -> impl Iterator<Item = usize> + '_ {
        let d = &self.divisions[anc];
        let digits = match d.level {
            Level::Province => 2,
            Level::City => 4,
            _ => 6,
        };
        let prefix = &d.code[..digits.min(d.code.len())];
        let from = self.divisions.partition_point(|x| x.code.as_str() < prefix);
        (from..self.divisions.len())
            .take_while(move |&i| self.divisions[i].code.starts_with(prefix))
            .filter(move |&i| self.divisions[i].level == Level::Town)
    }

    /// Whether `idx` lies inside (or is) `anc`.
    pub(crate) fn is_within(&self, idx: usize, anc: usize) -> bool {
        let mut cur = Some(idx);
        while let Some(c) = cur {
            if c == anc {
                return true;
            }
            cur = self.divisions[c].parent;
        }
        false
    }

    /// Whether a word is a trigger of the given kind.
    pub(crate) fn is(&self, word: &str, kind: Trigger) -> bool {
        self.triggers.get(word).is_some_and(|v| v.contains(&kind))
    }
}

/// The level a level word (省 市 区 县 镇 乡) names, as place_terms.tsv
/// says, for callers without a lexicon at hand.
pub(crate) fn level_of(c: char) -> Option<Level> {
    static TERMS: std::sync::OnceLock<PlaceTerms> = std::sync::OnceLock::new();
    TERMS
        .get_or_init(|| {
            FILES
                .iter()
                .find(|f| f.0 == "place_terms.tsv")
                .and_then(|f| PlaceTerms::load(f.0, f.1).ok())
                .unwrap_or_default()
        })
        .level_of(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_township_of_an_autonomous_county_is_named_with_the_counties_short_form() {
        let lex = Lexicon::load().expect("lexicons");
        // 刘集乡 is the name of townships in several provinces
        let town = (lex.division_by_name.get("刘集乡").into_iter().flatten())
            .copied()
            .find(|&i| {
                let p = lex.divisions[i].parent;
                p.is_some_and(|p| lex.divisions[p].name.starts_with("积石山"))
            })
            .expect("the township of 积石山县");
        assert_eq!(lex.unique_name(town), "积石山县刘集乡");
        // a county of no autonomous kind keeps its name
        let other = (lex.division_by_name.get("刘集乡").into_iter().flatten())
            .copied()
            .find(|&i| i != town)
            .expect("another 刘集乡");
        let parent = lex.divisions[other].parent.expect("its county");
        let expected = format!("{}刘集乡", lex.divisions[parent].name);
        assert_eq!(lex.unique_name(other), expected);
    }
}
