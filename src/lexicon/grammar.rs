//! The word lists of the recognizers' grammar: generic terms of places,
//! heads of names, the words of agency names, function words, the words
//! around a person's name and those of document titles and credits.
//!
//! Each file holds rows `word<TAB>kind[<TAB>more columns]`; a kind is one
//! named list, a field of the struct of its file. Takes: the text of a file.
//! Gives: [`PlaceTerms`], [`HeadWords`], [`BodyWords`], [`FunctionWords`],
//! [`PersonWords`], [`DocumentWords`].

use super::{bad, rows, Level, LexiconError};
use crate::EntityType;

/// One named list of words, in the order of its file.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordList {
    /// The words.
    words: Vec<String>,
    /// The characters of each word (never empty: the loader refuses an
    /// empty word).
    spelled: Vec<Box<[char]>>,
    /// The further columns of each word's row.
    extra: Vec<Vec<String>>,
    /// The words of one character, sorted.
    chars: Vec<char>,
    /// Each word → its first place in file order.
    index: super::HashMap<String, usize>,
    /// Each first character → the places of the words that open with it,
    /// in file order.
    by_first: super::HashMap<char, Vec<usize>>,
    /// A quick test of first characters: bit `c % 64` of each word's.
    first_bits: u64,
    /// The last characters of the words, sorted.
    lasts: Vec<char>,
    /// The length of the longest word, in characters.
    longest: usize,
}

/// The bit of a character in a [`WordList`]'s quick test.
#[inline]
fn char_bit(c: char) -> u64 {
    1u64 << (u32::from(c) % 64)
}

impl WordList {
    /// Adds a word with the further columns of its row.
    fn push(&mut self, word: &str, extra: &[&str]) {
        let mut cs = word.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            if let Err(i) = self.chars.binary_search(&c) {
                self.chars.insert(i, c);
            }
        }
        if let Some(c) = word.chars().next() {
            self.by_first.entry(c).or_default().push(self.words.len());
            self.first_bits |= char_bit(c);
        }
        if let Some(c) = word.chars().last() {
            if let Err(i) = self.lasts.binary_search(&c) {
                self.lasts.insert(i, c);
            }
        }
        self.longest = self.longest.max(word.chars().count());
        self.spelled.push(word.chars().collect());
        self.index
            .entry(word.to_string())
            .or_insert(self.words.len());
        self.words.push(word.to_string());
        self.extra
            .push(extra.iter().map(|x| x.to_string()).collect());
    }

    /// The words, in file order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// The first word (in file order) that `text` holds at `pos`, with its
    /// length in characters.
    #[inline]
    pub(crate) fn at(&self, text: &[char], pos: usize) -> Option<(&str, usize)> {
        let first = text.get(pos)?;
        if self.first_bits & char_bit(*first) == 0 {
            return None;
        }
        self.at_slow(&text[pos..], *first)
    }

    /// [`WordList::at`] past its quick test of the first character.
    fn at_slow(&self, rest: &[char], first: char) -> Option<(&str, usize)> {
        let i = *(self.by_first.get(&first)?)
            .iter()
            .find(|&&i| rest.starts_with(&self.spelled[i]))?;
        Some((self.words[i].as_str(), self.spelled[i].len()))
    }

    /// The words with the further columns of their rows.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.iter().zip(self.extra.iter().map(Vec::as_slice))
    }

    /// The second column of the row of `w`, if `w` is one of the words and
    /// its row has one (the type of 项目 in a list of kinds).
    pub(crate) fn column_of(&self, w: &str) -> Option<&str> {
        let i = *self.index.get(w)?;
        self.extra[i].first().map(String::as_str)
    }

    /// Whether `w` is one of the words.
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.index.contains_key(w)
    }

    /// Whether the characters `cs` spell one of the words (no string is
    /// built to ask).
    pub(crate) fn contains_chars(&self, cs: &[char]) -> bool {
        cs.first()
            .filter(|c| self.first_bits & char_bit(**c) != 0)
            .and_then(|c| self.by_first.get(c))
            .is_some_and(|ids| ids.iter().any(|&i| *self.spelled[i] == *cs))
    }

    /// Whether `c` is one of the words of one character.
    pub(crate) fn has_char(&self, c: char) -> bool {
        self.chars.binary_search(&c).is_ok()
    }

    /// The first word (in file order) that `s` ends with: of the endings
    /// of `s` that are words, the one listed first.
    pub(crate) fn ending(&self, s: &str) -> Option<&str> {
        self.suffixes(s)
            .filter_map(|i| self.index.get(&s[i..]))
            .min()
            .map(|&i| self.words[i].as_str())
    }

    /// Whether `s` ends with one of the words.
    pub(crate) fn ends(&self, s: &str) -> bool {
        self.suffixes(s).any(|i| self.index.contains_key(&s[i..]))
    }

    /// Where the endings of `s` that may be words start: none unless its
    /// last character ends a word, none longer than the longest word.
    fn suffixes<'s>(&self, s: &'s str) -> impl Iterator<Item = usize> + 's {
        let last = s.chars().next_back();
        let any = last.is_some_and(|c| self.lasts.binary_search(&c).is_ok());
        let longest = if any { self.longest } else { 0 };
        s.char_indices().rev().take(longest).map(|(i, _)| i)
    }

    /// Whether `s` starts with one of the words.
    pub(crate) fn starts(&self, s: &str) -> bool {
        let first = s.chars().next();
        if first.is_none_or(|c| self.first_bits & char_bit(c) == 0) {
            return false;
        }
        (s.char_indices().skip(1))
            .map(|(i, _)| i)
            .chain(std::iter::once(s.len()))
            .take(self.longest)
            .any(|e| self.index.contains_key(&s[..e]))
    }

    /// Whether `s` holds one of the words of one character.
    pub(crate) fn in_str(&self, s: &str) -> bool {
        s.chars().any(|c| self.has_char(c))
    }
}

/// A struct of named word lists read from one file.
pub(super) trait Kinds: Default {
    /// The kinds of the file, each of which must have a row.
    const KINDS: &'static [&'static str];
    /// The list of a kind.
    fn list_mut(&mut self, kind: &str) -> Option<&mut WordList>;
}

/// Implements [`Kinds`] for a struct whose [`WordList`] fields are named after
/// the kinds of its file.
macro_rules! kinds {
    ($t:ty { $($f:ident),* $(,)? }) => {
        impl Kinds for $t {
            const KINDS: &'static [&'static str] = &[$(stringify!($f)),*];
            fn list_mut(&mut self, kind: &str) -> Option<&mut WordList> {
                match kind {
                    $(stringify!($f) => Some(&mut self.$f),)*
                    _ => None,
                }
            }
        }
    };
}

/// Reads a file of `word<TAB>kind` rows into the lists of `T`; every kind
/// must be known and have a row.
pub(super) fn load_kinds<T: Kinds>(file: &'static str, text: &str) -> Result<T, LexiconError> {
    let mut t = T::default();
    let mut seen: Vec<&str> = Vec::new();
    for (n, r) in rows(text) {
        let (Some(w), Some(kind)) = (r.first().filter(|w| !w.is_empty()), r.get(1)) else {
            return Err(bad(file, n, "expected word, kind"));
        };
        let list = t
            .list_mut(kind)
            .ok_or_else(|| bad(file, n, format!("unknown kind {kind}")))?;
        list.push(w, &r[2..]);
        seen.push(kind);
    }
    match T::KINDS.iter().find(|k| !seen.contains(k)) {
        Some(k) => Err(LexiconError::Missing {
            file,
            what: format!("kind {k}"),
        }),
        None => Ok(t),
    }
}

/// Generic terms of place names and level words (place_terms.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct PlaceTerms {
    /// Terms that end the names of divisions (省, 县, 街道, 社区).
    pub(crate) division_term: WordList,
    /// Terms that end the names of township-level divisions (镇, 苏木).
    pub(crate) township_term: WordList,
    /// Terms of township names that are words for the segmenter, with
    /// the least length of such a name.
    pub(crate) town_word_term: WordList,
    /// Level words standing for the article's place (省 市 区 县 镇 乡).
    pub(crate) level_word: WordList,
    /// The word by which a street's own news names the street before its
    /// bodies (街道党工委), read as the town level.
    pub(crate) street_level: WordList,
    /// Characters that make a level word before them an adjective (市级).
    pub(crate) level_adjective: WordList,
    /// Characters that form a word with a level word after them (全市).
    pub(crate) level_glue: WordList,
    /// Characters that make a level word after them the article's own
    /// place of that level (我市, 本县, 全省).
    pub(crate) home_glue: WordList,
    /// Words that make a level word after them, read apart, a class of
    /// divisions (地 + 市: the prefectures and cities).
    pub(crate) class_lead: WordList,
    /// Characters glued to a level word after them without forming a word
    /// (由市, 报市政府).
    pub(crate) before_level: WordList,
    /// Heads after which a short division name names a local unit (泰安社区).
    pub(crate) short_name_head: WordList,
    /// Characters of size and age that open a natural place's name before a
    /// division's short name (小南海水库: not the 南海 district's).
    pub(crate) name_prefix: WordList,
    /// The one-character abbreviations of the provinces (湘, 鲁, 豫).
    pub(crate) province_abbreviation: WordList,
    /// Directions that make a region's name after a province's
    /// abbreviation (湘北, 鲁西南, 豫中).
    pub(crate) region_direction: WordList,
    /// Terms after 等 that close a list of township names (等乡镇).
    pub(crate) township_list_end: WordList,
    /// Generic terms by which a division whose name ends with one is
    /// written alone in its own texts, as a level word is (自治区 in
    /// 自治区人民政府 is the region itself).
    pub(crate) self_name: WordList,
    /// The short form of an autonomous region's Party committee in its own
    /// news (区党委).
    pub(crate) region_committee: WordList,
    /// Level words written after the short name of a division whose name
    /// ends in a longer term (临夏州 for 临夏回族自治州).
    pub(crate) short_term: WordList,
    /// Romanized words that a local portal's host puts before its place's
    /// name (china in chinahuaian.com.cn: 中国淮安网).
    pub(crate) host_prefix: WordList,
    /// Romanized words that a local portal's host puts after its place's
    /// name (shi in yidushi: 宜都市; news, rb: 日报).
    pub(crate) host_suffix: WordList,
    /// The generic term of a city's urban area (城区): a district named by
    /// a direction or age and it (东城区, 老城区) is part of any city.
    pub(crate) urban_area_term: WordList,
    /// The level of each level word.
    pub(crate) levels: Vec<(char, Level)>,
}

kinds!(PlaceTerms {
    division_term,
    township_term,
    town_word_term,
    level_word,
    street_level,
    level_adjective,
    level_glue,
    home_glue,
    class_lead,
    before_level,
    short_name_head,
    name_prefix,
    province_abbreviation,
    region_direction,
    township_list_end,
    self_name,
    region_committee,
    short_term,
    host_prefix,
    host_suffix,
    urban_area_term,
});

impl PlaceTerms {
    /// Whether a name is a direction or age and the generic term of a
    /// city's urban area (东城区, 西城区, 老城区): a part of any city.
    pub(crate) fn urban_area(&self, name: &str) -> bool {
        let mut cs = name.chars();
        let first = cs.next().map(String::from).unwrap_or_default();
        let opens = self.region_direction.contains(&first) || self.name_prefix.contains(&first);
        opens && self.urban_area_term.contains(cs.as_str())
    }

    /// Reads place_terms.tsv; a level word has one of the four levels, a
    /// town word term its least length.
    pub(super) fn load(file: &'static str, text: &str) -> Result<PlaceTerms, LexiconError> {
        let mut pt: PlaceTerms = load_kinds(file, text)?;
        for (w, extra) in pt.level_word.rows() {
            let mut cs = w.chars();
            let level = extra.first().and_then(|l| Level::parse(l));
            match (cs.next(), cs.next(), level) {
                (Some(c), None, Some(level)) => pt.levels.push((c, level)),
                _ => {
                    return Err(bad_entry(
                        file,
                        w,
                        "a level word of one character and its level",
                    ))
                }
            }
        }
        for (w, extra) in pt.town_word_term.rows() {
            if extra
                .first()
                .and_then(|m| m.parse::<usize>().ok())
                .is_none()
            {
                return Err(bad_entry(file, w, "a town word term and its least length"));
            }
        }
        Ok(pt)
    }

    /// Whether a township's name is a word for the segmenter: it ends in a
    /// town word term and is at least as long as the term asks.
    pub(crate) fn town_word(&self, name: &str) -> bool {
        let len = name.chars().count();
        self.town_word_term.rows().any(|(t, extra)| {
            name.ends_with(t)
                && extra
                    .first()
                    .and_then(|m| m.parse().ok())
                    .is_some_and(|m| len >= m)
        })
    }

    /// The level a level word names.
    pub(crate) fn level_of(&self, c: char) -> Option<Level> {
        self.levels.iter().find(|l| l.0 == c).map(|l| l.1)
    }
}

/// An error in a row of a kind that needs further columns.
fn bad_entry(file: &'static str, word: &str, what: &str) -> LexiconError {
    LexiconError::Missing {
        file,
        what: format!("{what} for {word}"),
    }
}

/// Heads of names that the recognizers treat apart (name_heads.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct HeadWords {
    /// Heads that end a project's name (项目, 工程).
    pub(crate) project_end: WordList,
    /// Heads of the names of bodies set up for a task (工作领导小组).
    pub(crate) task_group_end: WordList,
    /// The head of groups sent out for a task, counted after it (组).
    pub(crate) counted_group: WordList,
    /// Words never inside such a name (成立, 召开).
    pub(crate) task_group_stop: WordList,
    /// Place heads after which any word is a name (小区, 街道).
    pub(crate) named_place_head: WordList,
    /// Party organs of non-state units written after their name (党委).
    pub(crate) party_unit: WordList,
    /// Heads that the items of a list before them share (片区, 社区).
    pub(crate) shared_head: WordList,
    /// Heads of zones, which need the place written before them (开发区).
    pub(crate) zone_head: WordList,
    /// Heads of companies' names (公司, 集团).
    pub(crate) company_head: WordList,
    /// Endings of the heads a company's name runs on through (公司).
    pub(crate) company_form_end: WordList,
    /// The ending of associations' names (会).
    pub(crate) association_end: WordList,
    /// The endings of the names of bodies that serve or work with people,
    /// inside which the noun for those people is written (群众诉求服务中心).
    pub(crate) service_end: WordList,
    /// The ending of a project's phase (期).
    pub(crate) phase_end: WordList,
    /// The endings of a project's bracketed phase or section (期, 段).
    pub(crate) section_end: WordList,
    /// Heads of local places and their committees (社区, 村, 居委会).
    pub(crate) local_head: WordList,
    /// Heads of the villages and communities that lists name (村, 社区).
    pub(crate) village_head: WordList,
    /// Words before a village head that say what kind of village, not
    /// which (贫困村, 示范村).
    pub(crate) village_kind: WordList,
    /// The short trades of a place's state-owned platform companies, which
    /// name them without a trade name (县城投集团: the county's).
    pub(crate) local_enterprise: WordList,
    /// The abbreviation of 中国 that opens the short names of the central
    /// state-owned enterprises (中 of 中铁, 中建), which the segmenter may
    /// cut off as a locative, and the short names of those enterprises
    /// that open their local companies' names (国网).
    pub(crate) enterprise_prefix: WordList,
    /// The stage or work of a project written right after its head, which
    /// the segmenter glues to the head (项目前期, 工程建设).
    pub(crate) work_stage: WordList,
    /// Verbs of building after which a school or hospital named is one
    /// being built, a project (新建某某小学).
    pub(crate) build_verb: WordList,
    /// Heads of institutions that a building verb makes projects (小学,
    /// 医院, 幼儿园).
    pub(crate) built_institution: WordList,
    /// Heads of public institutions whose premises a project builds (中心,
    /// 馆, 党校): before a verb of building and a project's head, the
    /// body's name opens the project's (某县便民服务中心建设项目).
    pub(crate) built_body: WordList,
    /// The site of a building work right after an institution's name
    /// (建设工地, 施工现场): the institution is being built.
    pub(crate) built_site: WordList,
    /// One-character heads whose words in the dictionary name kinds of
    /// the unit (纸箱厂, 水泥厂), before which its name goes on.
    pub(crate) kind_head: WordList,
    /// A state of a building work that closes the clause of an
    /// institution's name (于去年开工建设。, 年底建成): it is being built.
    pub(crate) built_state: WordList,
    /// Kinds of school a numeral names by its number (一中, 一高中).
    pub(crate) ordinal_school: WordList,
    /// Verbs that open the capacity a project's name states (年产,
    /// 年出栏).
    pub(crate) capacity_lead: WordList,
    /// The units of the voltage or power class that opens a power work's
    /// name (千伏 of 220千伏某某输变电工程).
    pub(crate) rating_unit: WordList,
    /// Verbs that lead to the projects of a list (签订, 来到).
    pub(crate) project_lead: WordList,
    /// Generic terms of roads, bridges and other works (大道, 桥, 隧道):
    /// a name listed before 等…项目 that ends in one is a project.
    pub(crate) work_head: WordList,
    /// Words for a kind of thing after 等 that close a list of such things
    /// (项目, 企业), with the type they give the items.
    pub(crate) list_kind: WordList,
    /// The ending of a company's short name by its industry (果业, 鞋业).
    pub(crate) industry_end: WordList,
    /// Generic terms of structures that name a site, never an area or a
    /// village (堤, 闸, 坝, 口门): a list with one lists sites.
    pub(crate) structure_head: WordList,
}

kinds!(HeadWords {
    project_end,
    task_group_end,
    counted_group,
    task_group_stop,
    named_place_head,
    party_unit,
    shared_head,
    zone_head,
    company_head,
    company_form_end,
    association_end,
    service_end,
    phase_end,
    section_end,
    local_head,
    village_head,
    village_kind,
    local_enterprise,
    enterprise_prefix,
    work_stage,
    build_verb,
    built_institution,
    built_body,
    built_site,
    kind_head,
    built_state,
    ordinal_school,
    capacity_lead,
    rating_unit,
    project_lead,
    work_head,
    list_kind,
    industry_end,
    structure_head,
});

/// The words of the grammar of agency names (body_words.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct BodyWords {
    /// Prefixes of a Party body's name (中国共产党, 中共).
    pub(crate) party_prefix: WordList,
    /// The prefix of a CPPCC committee's full name.
    pub(crate) cppcc_prefix: WordList,
    /// The full word for a committee (委员会).
    pub(crate) committee_full: WordList,
    /// A people's government (人民政府, 政府).
    pub(crate) government: WordList,
    /// A CPPCC committee (政协).
    pub(crate) cppcc: WordList,
    /// The management committee of a zone (管委会).
    pub(crate) zone_committee: WordList,
    /// A Party committee after its place (委, 党委, 党工委).
    pub(crate) party_committee: WordList,
    /// WordList starting like a Party committee that are none (委员).
    pub(crate) not_committee: WordList,
    /// The same-system bureau of a place (局).
    pub(crate) counterpart: WordList,
    /// WordList starting like the counterpart that are none (局长).
    pub(crate) not_counterpart: WordList,
    /// Characters after which the counterpart still ends (党).
    pub(crate) counterpart_follow: WordList,
    /// The head of a branch named after its place (分局).
    pub(crate) branch: WordList,
    /// The office of a government (办公室).
    pub(crate) government_office: WordList,
    /// Characters starting a top body's name (委, 政, 人).
    pub(crate) body_initial: WordList,
    /// Nouns for people and units, never inside a body's name.
    pub(crate) person_noun: WordList,
    /// Heads naming an organisation before an agency (研究院, 大学).
    pub(crate) org_first: WordList,
    /// Verbs calling a meeting (召开).
    pub(crate) meeting_verb: WordList,
    /// Meetings named after their body (常委会).
    pub(crate) meeting: WordList,
    /// The standing committee of a CPPCC committee written after it
    /// (政协常委会): an organ inside the committee, read as the committee.
    pub(crate) cppcc_organ: WordList,
    /// Heads of abbreviated department names, with the heads of the full
    /// names and the least length of the short form.
    pub(crate) abbreviated_head: WordList,
    /// The people's congress after its place (人大), with the department
    /// form of its standing committee.
    pub(crate) congress_short: WordList,
    /// Posts of a standing committee written after 人大 (主任, 副主任).
    pub(crate) congress_post: WordList,
    /// Characters that end a session's number before a meeting (十八次).
    pub(crate) session_mark: WordList,
    /// Common words that a body's head character starts (部门, 局面).
    pub(crate) not_head: WordList,
    /// Township stations of county bureaus (派出所), with the bureau's
    /// department (公安局).
    pub(crate) field_station: WordList,
    /// A democratic party's name opening its committee's (民进, 九三学社).
    pub(crate) democratic_party: WordList,
    /// A democratic party's committee after its place (委会, 委).
    pub(crate) democratic_committee: WordList,
    /// The office of a street after its name (办事处), with the term the
    /// street's name ends with (街道).
    pub(crate) street_office: WordList,
    /// The word opening the names of the centre's inspection groups (中央).
    pub(crate) central_lead: WordList,
    /// The head of an inspection group's name (巡视组, 督察组).
    pub(crate) inspection_group: WordList,
    /// The head of a body that manages institutions of the kind named
    /// before it (林场管理局, 水库管理处).
    pub(crate) managing_head: WordList,
}

kinds!(BodyWords {
    party_prefix,
    cppcc_prefix,
    committee_full,
    government,
    cppcc,
    zone_committee,
    party_committee,
    not_committee,
    counterpart,
    not_counterpart,
    counterpart_follow,
    branch,
    government_office,
    body_initial,
    person_noun,
    org_first,
    meeting_verb,
    meeting,
    cppcc_organ,
    abbreviated_head,
    congress_short,
    congress_post,
    session_mark,
    not_head,
    field_station,
    democratic_party,
    democratic_committee,
    street_office,
    central_lead,
    inspection_group,
    managing_head,
});

impl HeadWords {
    /// Reads name_heads.tsv; a word for a kind of listed things names an
    /// entity type in its third column.
    pub(super) fn load(file: &'static str, text: &str) -> Result<HeadWords, LexiconError> {
        let hw: HeadWords = load_kinds(file, text)?;
        for (w, _) in hw.list_kind.rows() {
            if hw
                .list_kind
                .column_of(w)
                .and_then(EntityType::parse)
                .is_none()
            {
                return Err(bad_entry(file, w, "an entity type"));
            }
        }
        Ok(hw)
    }
}

impl BodyWords {
    /// Reads body_words.tsv; an abbreviated head has the heads of its full
    /// names and its least length.
    pub(super) fn load(file: &'static str, text: &str) -> Result<BodyWords, LexiconError> {
        let bw: BodyWords = load_kinds(file, text)?;
        for (w, extra) in bw.abbreviated_head.rows() {
            let min = extra.get(1).and_then(|m| m.parse::<usize>().ok());
            if extra.first().is_none_or(|f| f.is_empty()) || min.is_none() {
                return Err(bad_entry(file, w, "full heads and least length"));
            }
        }
        for (w, extra) in bw.congress_short.rows() {
            if extra.first().is_none_or(|f| f.is_empty()) {
                return Err(bad_entry(
                    file,
                    w,
                    "the standing committee's department form",
                ));
            }
        }
        Ok(bw)
    }

    /// The abbreviated head that a short department name ends with, if it
    /// is long enough: the head and the heads of the full names it may
    /// abbreviate.
    pub(crate) fn abbreviation(&self, short: &str) -> Option<(&str, Vec<&str>)> {
        let len = short.chars().count();
        self.abbreviated_head.rows().find_map(|(h, extra)| {
            let min: usize = extra.get(1)?.parse().ok()?;
            (short.ends_with(h) && len >= min).then(|| {
                (
                    h,
                    extra.first().map_or(Vec::new(), |f| f.split(' ').collect()),
                )
            })
        })
    }
}

/// Numerals, classifiers and function words (function_words.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct FunctionWords {
    /// Chinese numerals of phases and ordinals (一 … 十).
    pub(crate) numeral: WordList,
    /// Numerals that count before a classifier.
    pub(crate) counting_numeral: WordList,
    /// Classifiers after a counting numeral (个, 处, 项).
    pub(crate) count_classifier: WordList,
    /// Determiners and quantifiers that make a list or a count (各, 该).
    pub(crate) quantifier: WordList,
    /// Characters of approximate counts (个, 多, 余, 几).
    pub(crate) approximate_numeral: WordList,
    /// Characters of amounts (百, 千, 万).
    pub(crate) large_numeral: WordList,
    /// The prefix of ordinals (第).
    pub(crate) ordinal_prefix: WordList,
    /// Conjunctions glued to the next word (及, 和).
    pub(crate) glued_conjunction: WordList,
    /// Function characters (及, 的, 了, 在).
    pub(crate) function_char: WordList,
    /// Function characters never inside an agency's name.
    pub(crate) name_gap_char: WordList,
    /// Prepositions glued to a known name after them (对, 在).
    pub(crate) glued_preposition: WordList,
    /// Joiners of list items that share a head (、, 和, 及).
    pub(crate) list_joiner: WordList,
    /// Joiners of the bodies issuing a document (、, 和, 与).
    pub(crate) title_joiner: WordList,
    /// The joiner of a route's two ends (至).
    pub(crate) route_joiner: WordList,
    /// A unit of a date after digits (2023年度): a date is no part of a
    /// name.
    pub(crate) date_unit: WordList,
    /// The mark of a term of office after an ordinal (第五届).
    pub(crate) term_mark: WordList,
    /// The word closing a list (等).
    pub(crate) list_end: WordList,
    /// Joins the two domains of a merged department's name (商务和粮食局).
    pub(crate) domain_joiner: WordList,
    /// The particle that makes what is before it modify the noun after it
    /// (位于某镇的某项目).
    pub(crate) attributive: WordList,
    /// A postposition of place after a place's name (某开发区内, 某县境内).
    pub(crate) locative: WordList,
    /// A unit of time that, before a verb, makes the count after it a
    /// rate of output (年产, 年屠宰…1亿只, 日处理…5万吨).
    pub(crate) rate_unit: WordList,
}

kinds!(FunctionWords {
    numeral,
    counting_numeral,
    count_classifier,
    quantifier,
    approximate_numeral,
    large_numeral,
    ordinal_prefix,
    glued_conjunction,
    function_char,
    name_gap_char,
    glued_preposition,
    list_joiner,
    title_joiner,
    route_joiner,
    date_unit,
    list_end,
    term_mark,
    domain_joiner,
    attributive,
    locative,
    rate_unit,
});

/// WordList around a person's name (person_words.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct PersonWords {
    /// Verbs by which the person named before takes the post after (任).
    pub(crate) post_verb: WordList,
    /// Words marking the time of the post after them (原, 时任).
    pub(crate) post_marker: WordList,
    /// Verbs of appointing or removing whose object is a person's name
    /// (任命某某为…, 免去某某的…职务).
    pub(crate) appoint_verb: WordList,
    /// Characters that end a name after two name characters (说, 在).
    pub(crate) after_name: WordList,
    /// Verbs after a name in reports (荣获, 表示).
    pub(crate) report_verb: WordList,
    /// WordList after which a tagged name is a name (同志, 说).
    pub(crate) speech_after: WordList,
    /// WordList for the article's own place before its people (我市).
    pub(crate) home_anaphor: WordList,
    /// WordList before which a tagged name is a name (我市).
    pub(crate) name_lead: WordList,
    /// Words naming one person by role, trade or age right before a name
    /// (村民, 农场主, 岁的): a tagged name after one is a name.
    pub(crate) person_lead: WordList,
    /// Forms of address after a name (同志): a tagged name before one is a
    /// name.
    pub(crate) title_after: WordList,
    /// Derivational suffixes (化, 性, 们).
    pub(crate) derivational_suffix: WordList,
    /// Verbs right after a name after its post (获, 说).
    pub(crate) after_post_name: WordList,
    /// WordList closing the names after a home anaphor (在, 获, 等).
    pub(crate) home_list_end: WordList,
    /// WordList after a three-character name in a list (等, 和).
    pub(crate) list_name_follower: WordList,
    /// Nouns for groups of people that compound with the noun after them
    /// (学生宿舍楼, 群众幸福感), so that what follows is a name only if it
    /// is plausible as one.
    pub(crate) collective: WordList,
    /// Characters that end the names of villages and towns and hardly
    /// ever a given name (李家营, 闫各庄, 高镇).
    pub(crate) place_end: WordList,
    /// Characters that end organs' short names, hardly ever a given name.
    pub(crate) organ_end: WordList,
    /// Close a credit after its name at the end of a caption (王强 摄).
    pub(crate) credit_end: WordList,
    /// Classifiers counting people before the post of a list (8名委员).
    pub(crate) people_count: WordList,
    /// Characters of the transcriptions of minority names (那顺巴图).
    pub(crate) transliteration: WordList,
    /// Words of Tibetan and Mongolian given names (赤来, 旺杰, 孟和).
    pub(crate) name_element: WordList,
}

kinds!(PersonWords {
    post_verb,
    post_marker,
    appoint_verb,
    after_name,
    report_verb,
    speech_after,
    home_anaphor,
    name_lead,
    person_lead,
    title_after,
    derivational_suffix,
    after_post_name,
    home_list_end,
    list_name_follower,
    collective,
    place_end,
    organ_end,
    credit_end,
    people_count,
    transliteration,
    name_element,
});

/// WordList of document titles and source credits (document_words.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentWords {
    /// Labels opening a source credit (来源, 供稿).
    pub(crate) credit_label: WordList,
    /// Labels of the other fields of a page's line of facts (发布时间, 作者).
    pub(crate) field_label: WordList,
    /// Verbs by which a notice carries a document (印发, 转发).
    pub(crate) carry_verb: WordList,
    /// The word opening a title's matter (关于).
    pub(crate) title_about: WordList,
    /// The word before a title's kind (的).
    pub(crate) title_of: WordList,
    /// Last characters of a medium's name before a dispatch mark (网, 报).
    pub(crate) dispatch_medium: WordList,
    /// The mark of a dispatch (讯).
    pub(crate) dispatch_mark: WordList,
    /// The medium printing the text (本).
    pub(crate) own_medium: WordList,
    /// The mark of a wire dispatch after its medium, place and date (电).
    pub(crate) dispatch_wire: WordList,
}

kinds!(DocumentWords {
    credit_label,
    field_label,
    carry_verb,
    title_about,
    title_of,
    dispatch_medium,
    dispatch_mark,
    own_medium,
    dispatch_wire,
});

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows go to the list of their kind, in order; one-character words are
    /// found as characters.
    #[test]
    fn rows_go_to_the_lists_of_their_kinds() {
        let text = "# header\n对\tglued_preposition\n和\tlist_joiner\n及\tlist_joiner\n";
        let rest: String = FunctionWords::KINDS
            .iter()
            .map(|k| format!("甲乙\t{k}\n"))
            .collect();
        let fw: FunctionWords = load_kinds("f.tsv", &format!("{text}{rest}")).expect("loads");
        assert_eq!(
            fw.list_joiner.iter().collect::<Vec<_>>(),
            ["和", "及", "甲乙"]
        );
        assert!(fw.list_joiner.has_char('及') && !fw.list_joiner.has_char('甲'));
        assert!(fw.glued_preposition.contains("对") && !fw.glued_preposition.contains("和"));
        assert_eq!(fw.list_joiner.ending("张和"), Some("和"));
        assert!(fw.list_joiner.in_str("甲和乙") && !fw.list_joiner.in_str("甲乙"));
    }

    /// The indexed look-ups answer as a walk over the words in file order
    /// would: the first listed of the words a text ends with, starts with
    /// or holds at a place.
    #[test]
    fn look_ups_answer_in_file_order() {
        let mut w = WordList::default();
        for word in ["管理局", "局", "分局", "规划", "规划局"] {
            w.push(word, &[]);
        }
        assert_eq!(w.ending("自然资源和规划局"), Some("局"));
        assert_eq!(w.ending("某市市场管理局"), Some("管理局"));
        assert_eq!(w.ending("规划科"), None);
        assert!(w.ends("分局") && !w.ends("局长") && !w.ends(""));
        assert!(w.starts("规划科") && w.starts("局") && !w.starts("市规划") && !w.starts(""));
        let text: Vec<char> = "市规划局".chars().collect();
        assert_eq!(w.at(&text, 1), Some(("规划", 2)));
        assert_eq!(w.at(&text, 0), None);
        assert!(w.contains("分局") && !w.contains("分"));
        assert!(w.contains_chars(&['规', '划', '局']) && !w.contains_chars(&['规', '局']));
        assert_eq!(w.column_of("局"), None);
    }

    /// A kind without a row, or an unknown kind, is an error.
    #[test]
    fn every_kind_needs_a_row() {
        assert!(load_kinds::<DocumentWords>("d.tsv", "来源\tcredit_label\n").is_err());
        let all: String = DocumentWords::KINDS
            .iter()
            .map(|k| format!("词\t{k}\n"))
            .collect();
        assert!(load_kinds::<DocumentWords>("d.tsv", &all).is_ok());
        assert!(load_kinds::<DocumentWords>("d.tsv", &format!("{all}词\tno_kind\n")).is_err());
    }

    /// Level words carry their level; a town word term its least length.
    #[test]
    fn level_words_and_town_terms_read_their_columns() {
        let base: String = PlaceTerms::KINDS
            .iter()
            .filter(|k| !matches!(**k, "level_word" | "town_word_term"))
            .map(|k| format!("词\t{k}\n"))
            .collect();
        let text = format!("{base}州\tlevel_word\tcity\n镇\ttown_word_term\t3\n");
        let pt = PlaceTerms::load("p.tsv", &text).expect("loads");
        assert_eq!(pt.level_of('州'), Some(Level::City));
        assert_eq!(pt.level_of('省'), None);
        assert!(pt.town_word("城关镇") && !pt.town_word("关镇") && !pt.town_word("城关乡"));
        let bad = format!("{base}州\tlevel_word\tplanet\n镇\ttown_word_term\t3\n");
        assert!(PlaceTerms::load("p.tsv", &bad).is_err());
    }

    #[test]
    fn a_word_for_a_kind_of_listed_things_names_a_type() {
        let base: String = HeadWords::KINDS
            .iter()
            .filter(|k| **k != "list_kind")
            .map(|k| format!("词\t{k}\n"))
            .collect();
        let hw = HeadWords::load("h.tsv", &format!("{base}企业\tlist_kind\tOrganization\n"))
            .expect("loads");
        assert_eq!(hw.list_kind.column_of("企业"), Some("Organization"));
        assert!(HeadWords::load("h.tsv", &format!("{base}企业\tlist_kind\tCompany\n")).is_err());
    }
}
