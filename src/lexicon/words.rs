//! The word lists of the resolver and of the text stage: the words by which
//! relations are read from sentences, the templates and heads of the names
//! of Party and state bodies, the generic terms of place names, and the
//! marks of a page's layout.
//!
//! Each list is a kind of rows of a file under `data/lexicon/`
//! (relation_words.tsv, organ_names.tsv, place_words.tsv, layout_marks.tsv);
//! every kind the code reads must be in its file, and every kind of a file
//! must be read, so that code and data cannot drift apart.
//! Takes: the lexicon's trigger words. Gives: [`Words`].

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::{HashMap, LexiconError, Trigger};

/// A file of [`super::FILES`]: (file name, contents).
fn file(name: &'static str) -> (&'static str, &'static str) {
    super::FILES
        .iter()
        .copied()
        .find(|(f, _)| *f == name)
        .unwrap_or((name, ""))
}

/// A data row of a word file: (line, word, kind, value).
type Row = (usize, &'static str, &'static str, Option<&'static str>);

/// A row of one kind: (line, word, value).
type KindRow = (usize, &'static str, Option<&'static str>);

/// The rows of a word file by kind, and the kinds asked for so far.
struct Sheet {
    file: &'static str,
    /// Every data row.
    rows: Vec<Row>,
    asked: Vec<&'static str>,
}

impl Sheet {
    /// Reads a file: `word<TAB>kind[<TAB>value]` rows; lines starting with
    /// `#` and no tab after it are comments (a row `#<TAB>kind` is the
    /// character `#`).
    fn read(name: &'static str) -> Result<Sheet, LexiconError> {
        let (file, text) = file(name);
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') && !line.starts_with("#\t") {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 || cols[0].is_empty() || cols[1].is_empty() {
                return Err(bad(file, i + 1, "expected word, kind"));
            }
            rows.push((i + 1, cols[0], cols[1], cols.get(2).copied()));
        }
        Ok(Sheet {
            file,
            rows,
            asked: Vec::new(),
        })
    }

    /// The rows of a kind, in file order: (line, word, value).
    fn kind(&mut self, kind: &'static str) -> Result<Vec<KindRow>, LexiconError> {
        self.asked.push(kind);
        let v: Vec<_> = self
            .rows
            .iter()
            .filter(|r| r.2 == kind)
            .map(|r| (r.0, r.1, r.3))
            .collect();
        if v.is_empty() {
            return Err(bad(self.file, 0, format!("no row of kind {kind}")));
        }
        Ok(v)
    }

    /// The words of a kind, in file order.
    fn words(&mut self, kind: &'static str) -> Result<Vec<String>, LexiconError> {
        Ok(self
            .kind(kind)?
            .into_iter()
            .map(|r| r.1.to_string())
            .collect())
    }

    /// The only word of a kind.
    fn one(&mut self, kind: &'static str) -> Result<String, LexiconError> {
        match self.kind(kind)?.as_slice() {
            [(_, w, _)] => Ok(w.to_string()),
            [_, (n, _, _), ..] => Err(bad(self.file, *n, format!("a second row of {kind}"))),
            [] => Err(bad(self.file, 0, format!("no row of kind {kind}"))),
        }
    }

    /// The characters of a kind (each row one character), in file order.
    fn chars(&mut self, kind: &'static str) -> Result<Vec<char>, LexiconError> {
        let file = self.file;
        self.kind(kind)?
            .into_iter()
            .map(|(n, w, _)| {
                let mut cs = w.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(bad(file, n, format!("{kind}: one character expected"))),
                }
            })
            .collect()
    }

    /// The only character of a kind.
    fn char(&mut self, kind: &'static str) -> Result<char, LexiconError> {
        match self.chars(kind)?.as_slice() {
            [c] => Ok(*c),
            _ => Err(bad(self.file, 0, format!("one row of {kind} expected"))),
        }
    }

    /// The rows of a kind with their value: (word, value).
    fn pairs(&mut self, kind: &'static str) -> Result<Vec<(String, String)>, LexiconError> {
        let file = self.file;
        self.kind(kind)?
            .into_iter()
            .map(|(n, w, v)| match v {
                Some(v) if !v.is_empty() => Ok((w.to_string(), v.to_string())),
                _ => Err(bad(file, n, format!("{kind}: a value expected"))),
            })
            .collect()
    }

    /// Fails on a row whose kind no one asked for (a misspelt kind).
    fn finish(self) -> Result<(), LexiconError> {
        match self.rows.iter().find(|r| !self.asked.contains(&r.2)) {
            Some(r) => Err(bad(self.file, r.0, format!("unknown kind {}", r.2))),
            None => Ok(()),
        }
    }
}

fn bad(file: &'static str, line: usize, msg: impl Into<String>) -> LexiconError {
    LexiconError::BadLine {
        file,
        line,
        msg: msg.into(),
    }
}

/// The placeholder of the place in a [`Template`].
const PLACE: &str = "{place}";
/// The placeholder of the department's name in a [`Template`].
const NAME: &str = "{name}";

/// A template of a full name with `{place}` (and `{name}`) in it
/// (`{place}人民政府`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Template(String);

impl Template {
    /// The name with its place (and department name) filled in, in one
    /// pass (a place holding braces is written as it is).
    pub(crate) fn fill(&self, place: &str, name: &str) -> String {
        let mut out = String::with_capacity(self.0.len() + place.len() + name.len());
        let mut rest = self.0.as_str();
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            if let Some(t) = tail.strip_prefix(PLACE) {
                out.push_str(place);
                rest = t;
            } else if let Some(t) = tail.strip_prefix(NAME) {
                out.push_str(name);
                rest = t;
            } else {
                out.push('{');
                rest = &tail[1..];
            }
        }
        out.push_str(rest);
        out
    }

    /// The name of a place's body (a template without `{name}`).
    pub(crate) fn at(&self, place: &str) -> String {
        self.fill(place, "")
    }
}

/// The words by which relations are read from sentences
/// (relation_words.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct RelationWords {
    /// Introduce a partner and say that both act together (会同, 联合, 携手).
    pub(crate) partner_joint: Vec<String>,
    /// Introduce a partner when a joint verb follows in the clause (与, 同).
    pub(crate) partner_with: Vec<String>,
    /// The `partner_with` words after which the bodies listed are partners
    /// of each other too, when a mutual word says so (与).
    pub(crate) partner_mutual: Vec<String>,
    /// Words in which a `partner_with` character is no preposition (同志).
    pub(crate) not_partner: Vec<String>,
    /// Verbs and adverbs of joint action (共同, 签订, 合作).
    pub(crate) joint_verbs: Vec<String>,
    /// After 与 in the clause: the bodies after it act together too (共同).
    pub(crate) mutual_clause: Vec<String>,
    /// Anywhere in the sentence: the same (三方).
    pub(crate) mutual_sentence: Vec<String>,
    /// The parties named before sign a document (三方签订).
    pub(crate) parties: Vec<String>,
    /// Before a partner word: the bodies listed before it and after it
    /// pair off in order (A、B分别与C、D签约).
    pub(crate) respective: Vec<String>,
    /// Conjunctions between the bodies of a list besides 、 (和, 及).
    pub(crate) list_conjunctions: Vec<char>,
    /// Joins two posts one person holds at once besides 、 (兼).
    pub(crate) post_joiners: Vec<char>,
    /// Heads of the names of news media (报社, 日报).
    pub(crate) media_heads: Vec<String>,
    /// Byline posts whose holders belong to the medium (记者, 编辑).
    pub(crate) staff_posts: Vec<String>,
    /// Byline posts of reporters, who write for the one medium an article
    /// names (记者).
    pub(crate) reporter_posts: Vec<String>,
    /// Role labels of roster lines (组长, 成员).
    pub(crate) roster_roles: Vec<String>,
    /// Heads of the names of groups a roster lists (领导小组).
    pub(crate) group_heads: Vec<String>,
    /// In a title, separates the issuing bodies from the matter (关于).
    pub(crate) title_matter: String,
    /// Between a body and the amount before a project: the body invests
    /// in it (投资).
    pub(crate) invest_verbs: Vec<String>,
    /// Verbs of signing before a project: the companies among the parties
    /// invest in it (签约).
    pub(crate) sign_verbs: Vec<String>,
    /// Verbs of speaking that open reported speech after a body (介绍).
    pub(crate) speech_verbs: Vec<String>,
    /// Prepositions that bring a body's object before its verb (对某工程
    /// 进行验收).
    pub(crate) object_leads: Vec<String>,
    /// Verbs after 在 and a place that say a work is done there (开工).
    pub(crate) site_verbs: Vec<String>,
    /// Words naming a project's owner between it and the body (业主).
    pub(crate) owner_words: Vec<String>,
    /// Verbs of going right before a visited place (到, 赴, 深入).
    pub(crate) visit_motion: Vec<String>,
    /// What officials go to a place to do (调研, 考察).
    pub(crate) visit_purpose: Vec<String>,
    /// Words of rank opening a post (副, 代, 常务).
    pub(crate) post_ranks: Vec<String>,
    /// After a level character at a post's start, make it a post of the
    /// place of that level (长, 委).
    pub(crate) level_post_heads: Vec<String>,
    /// Posts written alone in a session's news (委员, 执行主席).
    pub(crate) session_posts: Vec<String>,
    /// Words of the names of the bodies holding such sessions.
    pub(crate) session_bodies: Vec<String>,
}

impl RelationWords {
    fn load() -> Result<RelationWords, LexiconError> {
        let mut s = Sheet::read("relation_words.tsv")?;
        let w = RelationWords {
            partner_joint: s.words("partner_joint")?,
            partner_with: s.words("partner_with")?,
            partner_mutual: s.words("partner_mutual")?,
            not_partner: s.words("not_partner")?,
            joint_verbs: s.words("joint_verb")?,
            mutual_clause: s.words("mutual_clause")?,
            mutual_sentence: s.words("mutual_sentence")?,
            parties: s.words("parties")?,
            respective: s.words("respective")?,
            list_conjunctions: s.chars("list_conjunction")?,
            post_joiners: s.chars("post_joiner")?,
            media_heads: s.words("media_head")?,
            staff_posts: s.words("staff_post")?,
            reporter_posts: s.words("reporter_post")?,
            roster_roles: s.words("roster_role")?,
            group_heads: s.words("group_head")?,
            title_matter: s.one("title_matter")?,
            invest_verbs: s.words("invest_verb")?,
            sign_verbs: s.words("sign_verb")?,
            speech_verbs: s.words("speech_verb")?,
            object_leads: s.words("object_lead")?,
            site_verbs: s.words("site_verb")?,
            owner_words: s.words("owner_word")?,
            visit_motion: s.words("visit_motion")?,
            visit_purpose: s.words("visit_purpose")?,
            post_ranks: s.words("post_rank")?,
            level_post_heads: s.words("level_post_head")?,
            session_posts: s.words("session_post")?,
            session_bodies: s.words("session_body")?,
        };
        s.finish()?;
        Ok(w)
    }
}

/// Templates, words and heads of the names of Party and state bodies, and
/// the anaphors read by a name's head (organ_names.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct OrganWords {
    /// A place's people's government ({place}人民政府).
    pub(crate) government_name: Template,
    /// The full name of a street's office (某区某街道办事处).
    pub(crate) street_office_name: Template,
    /// A place's Party committee (中共{place}委员会).
    pub(crate) party_committee_name: Template,
    /// A Party working committee (中共{place}工作委员会).
    pub(crate) party_working_committee_name: Template,
    /// A place's CPPCC committee.
    pub(crate) cppcc_name: Template,
    /// A place's people's congress ({place}人民代表大会).
    pub(crate) congress_name: Template,
    /// A place's people's congress standing committee.
    pub(crate) congress_committee_name: Template,
    /// A development zone's administrative committee.
    pub(crate) zone_committee_name: Template,
    /// A democratic party's committee at a place ({name}{place}委员会).
    pub(crate) democratic_committee_name: Template,
    /// A Party work organ at a place (中共{place}委{name}).
    pub(crate) party_organ_name: Template,
    /// Terms ending the names of divisions whose Party committee is never
    /// shortened to 委 (自治区).
    pub(crate) full_committee_places: Vec<String>,
    /// A discipline body named with 中共 (中共{place}{name}).
    pub(crate) discipline_organ_name: Template,
    /// The people's government; a department starting with it is an
    /// office of the government.
    pub(crate) government: String,
    /// Starts the full name of a Party committee (中共).
    pub(crate) party_prefix: String,
    /// Starts the full name of a ministry and is not written in the names
    /// of its internal units (中华人民共和国).
    pub(crate) state_prefix: String,
    /// Ends the full name of a committee (委员会).
    pub(crate) committee: String,
    /// The same in a short name (委).
    pub(crate) committee_short: String,
    /// A Party working committee in a short name (党工委).
    pub(crate) working_committee_short: String,
    /// Starts a discipline body named with 中共 (纪律检查).
    pub(crate) discipline_stem: String,
    /// Short forms written out in full names: (short, full).
    pub(crate) abbreviations: Vec<(String, String)>,
    /// Ends a branch's name (分局).
    pub(crate) branch: String,
    /// Ends the name of the bureau of a branch (局).
    pub(crate) bureau: String,
    /// End a department that is a place's bureau of a system.
    pub(crate) bureau_heads: Vec<String>,
    /// End a department that has counterparts at each level.
    pub(crate) counterpart_heads: Vec<String>,
    /// End a department below the province, trimmed in this order.
    pub(crate) local_dept_heads: Vec<String>,
    /// Ends a province's department (厅).
    pub(crate) province_dept_head: String,
    /// Ends the post of the head of a body (长).
    pub(crate) chief_suffix: String,
    /// The heads of bodies whose chief posts head the article's bureau.
    pub(crate) chief_bodies: Vec<String>,
    /// End the name of a Party organ of a unit (党支部).
    pub(crate) party_units: Vec<String>,
    /// The city bureau of the article's system (市局).
    pub(crate) city_bureau_anaphor: String,
    /// The province's department of the article's system (省厅).
    pub(crate) province_bureau_anaphor: String,
    /// Heads of anaphors that stand for the body last named with them.
    pub(crate) anaphor_heads: Vec<String>,
    /// Pronouns that stand for the body last named (他们).
    pub(crate) plural_anaphors: Vec<String>,
    /// Heads of anaphors that stand for the project last named (该项目).
    pub(crate) project_anaphor_heads: Vec<String>,
    /// Heads of anaphors that stand for the project last named whose name
    /// holds them (该基地).
    pub(crate) work_anaphor_heads: Vec<String>,
}

impl OrganWords {
    fn load() -> Result<OrganWords, LexiconError> {
        let mut s = Sheet::read("organ_names.tsv")?;
        let file = s.file;
        let mut templates: HashMap<String, Template> = HashMap::default();
        for (n, t, name) in s.kind("template")? {
            let name = name.ok_or_else(|| bad(file, n, "template: a name expected"))?;
            if !t.contains(PLACE) {
                return Err(bad(file, n, format!("template {name} without {PLACE}")));
            }
            templates.insert(name.to_string(), Template(t.to_string()));
        }
        let mut tpl = |name: &str| {
            templates
                .remove(name)
                .ok_or_else(|| bad(file, 0, format!("no template {name}")))
        };
        let w = OrganWords {
            government_name: tpl("government")?,
            street_office_name: tpl("street_office")?,
            party_committee_name: tpl("party_committee")?,
            party_working_committee_name: tpl("party_working_committee")?,
            cppcc_name: tpl("cppcc")?,
            congress_name: tpl("congress")?,
            congress_committee_name: tpl("congress_committee")?,
            zone_committee_name: tpl("zone_committee")?,
            democratic_committee_name: tpl("democratic_committee")?,
            party_organ_name: tpl("party_organ")?,
            discipline_organ_name: tpl("discipline_organ")?,
            government: s.one("government")?,
            party_prefix: s.one("party_prefix")?,
            state_prefix: s.one("state_prefix")?,
            committee: s.one("committee")?,
            committee_short: s.one("committee_short")?,
            working_committee_short: s.one("working_committee_short")?,
            discipline_stem: s.one("discipline_stem")?,
            abbreviations: s.pairs("abbreviation")?,
            branch: s.one("branch")?,
            bureau: s.one("bureau")?,
            bureau_heads: s.words("bureau_head")?,
            counterpart_heads: s.words("counterpart_head")?,
            local_dept_heads: s.words("local_dept_head")?,
            province_dept_head: s.one("province_dept_head")?,
            chief_suffix: s.one("chief_suffix")?,
            chief_bodies: s.words("chief_body")?,
            party_units: s.words("party_unit")?,
            city_bureau_anaphor: s.one("city_bureau_anaphor")?,
            province_bureau_anaphor: s.one("province_bureau_anaphor")?,
            anaphor_heads: s.words("anaphor_head")?,
            plural_anaphors: s.words("plural_anaphor")?,
            project_anaphor_heads: s.words("project_anaphor_head")?,
            work_anaphor_heads: s.words("work_anaphor_head")?,
            full_committee_places: s.words("full_committee_place")?,
        };
        if let Some(name) = templates.keys().next() {
            return Err(bad(file, 0, format!("unknown template {name}")));
        }
        s.finish()?;
        Ok(w)
    }

    /// Whether a name is a Party committee's full name (中共…委员会).
    pub(crate) fn is_party_committee(&self, name: &str) -> bool {
        name.starts_with(&self.party_prefix) && name.ends_with(&self.committee)
    }

    /// A committee's name in the short form that its work organs' names
    /// start with (中共潍坊市委员会 → 中共潍坊市委), if it ends with
    /// 委员会.
    pub(crate) fn committee_stem(&self, name: &str) -> Option<String> {
        let stem = name.strip_suffix(&self.committee)?;
        // (an autonomous region's committee is never shortened: 中共某某
        // 自治区委员会组织部)
        if self.full_committee(stem) {
            return Some(name.to_string());
        }
        Some(format!("{stem}{}", self.committee_short))
    }

    /// The longest head of a kind of work that an anaphor ends with
    /// (基地 of 该基地), if any.
    pub(crate) fn work_head(&self, anaphor: &str) -> Option<&str> {
        (self.work_anaphor_heads.iter())
            .filter(|h| anaphor.ends_with(h.as_str()))
            .max_by_key(|h| h.len())
            .map(String::as_str)
    }

    /// Whether the Party committee of the place `place` (or of a name
    /// ending with it) is never shortened to 委 (某某自治区).
    pub(crate) fn full_committee(&self, place: &str) -> bool {
        (self.full_committee_places.iter()).any(|t| place.ends_with(t.as_str()))
    }
}

/// Generic terms of division and local place names (place_words.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct PlaceWords {
    /// Level characters that stand for the place of that level (省, 市 …).
    pub(crate) level_chars: Vec<char>,
    /// Level characters that stand only for a division whose name ends
    /// with them (区, 县).
    pub(crate) strict_levels: Vec<char>,
    /// Ends a city's name (市).
    pub(crate) city_suffix: String,
    /// Ends a district's name (区).
    pub(crate) district_suffix: String,
    /// Ends a county's name (县).
    pub(crate) county_suffix: String,
    /// End the names of local units (社区, 村, 小区 …).
    pub(crate) local_units: Vec<String>,
    /// Local units named without their county (小区).
    pub(crate) compounds: Vec<String>,
    /// The committees of a village written after its name without its
    /// generic term (村委会 in 北溪村委会), with that term (村).
    pub(crate) village_committees: Vec<(String, String)>,
}

impl PlaceWords {
    fn load() -> Result<PlaceWords, LexiconError> {
        let mut s = Sheet::read("place_words.tsv")?;
        let w = PlaceWords {
            level_chars: s.chars("level_char")?,
            strict_levels: s.chars("strict_level")?,
            city_suffix: s.one("city_suffix")?,
            district_suffix: s.one("district_suffix")?,
            county_suffix: s.one("county_suffix")?,
            local_units: s.words("local_unit")?,
            compounds: s.words("compound")?,
            village_committees: s.pairs("village_committee")?,
        };
        s.finish()?;
        Ok(w)
    }

    /// Whether a character is a level character (市 in 市长).
    pub(crate) fn is_level_char(&self, c: char) -> bool {
        self.level_chars.contains(&c)
    }
}

/// The marks and words of a page's layout (layout_marks.tsv).
#[derive(Debug, Clone, Default)]
pub(crate) struct LayoutWords {
    /// Characters that open a paragraph at the start of a line.
    pub(crate) paragraph_marks: Vec<char>,
    /// Words that open a paragraph at the start of a line.
    pub(crate) paragraph_openers: Vec<Vec<char>>,
    /// Open an article with a byline (□).
    pub(crate) byline_marks: Vec<char>,
    /// Open a short item (▲).
    pub(crate) item_marks: Vec<char>,
    /// Open a Markdown heading (#).
    pub(crate) heading_marks: Vec<char>,
    /// Marks a headline never starts with (△).
    pub(crate) headline_marks: Vec<char>,
    /// Words that open a dispatch (本报讯).
    pub(crate) dispatch: Vec<Vec<char>>,
    /// Chinese numerals of section numbers.
    pub(crate) section_numerals: Vec<char>,
    /// Ends a section number (、).
    pub(crate) section_mark: char,
    /// Open the line that gives the page's address (source:).
    pub(crate) source_keys: Vec<String>,
    /// Layout marks that are no text of the sentence after them.
    pub(crate) layout_marks: Vec<char>,
    /// Stripped from the start of a headline, each in this order.
    pub(crate) headline_strip: Vec<char>,
}

impl LayoutWords {
    fn load() -> Result<LayoutWords, LexiconError> {
        let mut s = Sheet::read("layout_marks.tsv")?;
        let seqs = |v: Vec<String>| v.iter().map(|w| w.chars().collect()).collect();
        let w = LayoutWords {
            paragraph_marks: s.chars("paragraph_mark")?,
            paragraph_openers: seqs(s.words("paragraph_opener")?),
            byline_marks: s.chars("byline_mark")?,
            item_marks: s.chars("item_mark")?,
            heading_marks: s.chars("heading_mark")?,
            headline_marks: s.chars("headline_mark")?,
            dispatch: seqs(s.words("dispatch")?),
            section_numerals: s.chars("section_numeral")?,
            section_mark: s.char("section_mark")?,
            source_keys: s.words("source_key")?,
            layout_marks: s.chars("layout_mark")?,
            headline_strip: s.chars("headline_strip")?,
        };
        s.finish()?;
        Ok(w)
    }

    /// The layout words, loaded once (the text stage reads them without a
    /// lexicon at hand).
    pub(crate) fn shared() -> Result<&'static LayoutWords, &'static LexiconError> {
        static WORDS: OnceLock<Result<LayoutWords, LexiconError>> = OnceLock::new();
        WORDS.get_or_init(LayoutWords::load).as_ref()
    }
}

/// What a trigger word found in a text signals, for the relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A partner word that says both act together.
    PartnerJoint,
    /// A partner word that needs a joint verb after it.
    PartnerWith,
    /// A partner word after which the bodies listed may be partners of
    /// each other.
    PartnerMutual,
    /// A verb of joint action.
    JointVerb,
    /// The bodies after 与 act together (in the clause).
    MutualClause,
    /// The same, anywhere in the sentence.
    MutualSentence,
    /// The parties named before sign a document.
    Parties,
    /// Introduces an issued document (the lexicon's `issue` triggers).
    Issue,
    /// A body acts on a project (the lexicon's `participate` triggers).
    Participate,
    /// Officials visit a place or project (the lexicon's `visit` triggers).
    Visit,
    /// What is written before lies in the place after (the lexicon's
    /// `located_in` triggers: 位于).
    LocatedIn,
    /// The companies of the clause invest in the project signed after it
    /// (签约).
    Sign,
}

impl Cue {
    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A trigger word found in a text, in character offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// First character.
    pub(crate) start: usize,
    /// One past the last character.
    pub(crate) end: usize,
    /// The cues of the word (a bit per [`Cue`]).
    cues: u16,
    /// Position of the word among the partner words, if it is one.
    pub(crate) partner_rank: Option<usize>,
}

impl Found {
    /// Whether the word gives a cue.
    pub(crate) fn is(&self, cue: Cue) -> bool {
        self.cues & cue.bit() != 0
    }
}

/// One automaton over all the trigger words the relations read, so that
/// an article's text is scanned once for all of them.
#[derive(Debug, Clone, Default)]
pub(crate) struct TriggerScan {
    ac: Option<AhoCorasick>,
    /// Pattern id → (cues, partner rank).
    pats: Vec<(u16, Option<usize>)>,
}

impl TriggerScan {
    fn build(rel: &RelationWords, triggers: &HashMap<String, Vec<Trigger>>) -> TriggerScan {
        let mut words: Vec<(String, u16, Option<usize>)> = Vec::new();
        let mut add = |w: &str, cue: Cue, rank: Option<usize>| {
            match words.iter_mut().find(|x| x.0 == w) {
                Some(x) => {
                    x.1 |= cue.bit();
                    x.2 = x.2.or(rank);
                }
                None => words.push((w.to_string(), cue.bit(), rank)),
            };
        };
        let partners = rel.partner_joint.iter().map(|w| (w, Cue::PartnerJoint));
        let partners = partners.chain(rel.partner_with.iter().map(|w| (w, Cue::PartnerWith)));
        for (i, (w, cue)) in partners.enumerate() {
            add(w, cue, Some(i));
        }
        for (list, cue) in [
            (&rel.partner_mutual, Cue::PartnerMutual),
            (&rel.joint_verbs, Cue::JointVerb),
            (&rel.mutual_clause, Cue::MutualClause),
            (&rel.mutual_sentence, Cue::MutualSentence),
            (&rel.parties, Cue::Parties),
            (&rel.sign_verbs, Cue::Sign),
        ] {
            list.iter().for_each(|w| add(w, cue, None));
        }
        let mut lexicon: Vec<(&String, &Vec<Trigger>)> = triggers.iter().collect();
        lexicon.sort_by(|a, b| a.0.cmp(b.0));
        for (w, kinds) in lexicon {
            for (k, cue) in [
                (Trigger::Issue, Cue::Issue),
                (Trigger::Participate, Cue::Participate),
                (Trigger::Visit, Cue::Visit),
                (Trigger::LocatedIn, Cue::LocatedIn),
            ] {
                if kinds.contains(&k) {
                    add(w, cue, None);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(words.iter().map(|w| w.0.as_str()))
            .ok();
        TriggerScan {
            ac,
            pats: words.into_iter().map(|w| (w.1, w.2)).collect(),
        }
    }

    /// Every trigger word of a text (overlapping ones too), by start and
    /// then by pattern.
    pub(crate) fn scan(&self, text: &str) -> Vec<Found> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let mut char_at = vec![0usize; text.len() + 1];
        for (ci, (bi, c)) in text.char_indices().enumerate() {
            char_at[bi..bi + c.len_utf8()].fill(ci);
        }
        char_at[text.len()] = text.chars().count();
        let mut found: Vec<(usize, usize, Found)> = ac
            .find_overlapping_iter(text)
            .map(|m| {
                let (cues, partner_rank) = self.pats[m.pattern().as_usize()];
                let f = Found {
                    start: char_at[m.start()],
                    end: char_at[m.end()],
                    cues,
                    partner_rank,
                };
                (f.start, m.pattern().as_usize(), f)
            })
            .collect();
        found.sort_by_key(|x| (x.0, x.1));
        found.into_iter().map(|x| x.2).collect()
    }
}

/// The word lists of the resolver and the text stage.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    /// Words of relations.
    pub(crate) relation: RelationWords,
    /// Names of bodies.
    pub(crate) organs: OrganWords,
    /// Generic terms of places.
    pub(crate) places: PlaceWords,
    /// Marks of the layout.
    pub(crate) layout: LayoutWords,
    /// The trigger words of the relations in one automaton.
    pub(crate) scan: TriggerScan,
}

impl Words {
    /// Loads the lists; `triggers` are the lexicon's trigger words (issue
    /// and participate words join the scan).
    pub(crate) fn load(triggers: &HashMap<String, Vec<Trigger>>) -> Result<Words, LexiconError> {
        let relation = RelationWords::load()?;
        let scan = TriggerScan::build(&relation, triggers);
        Ok(Words {
            relation,
            organs: OrganWords::load()?,
            places: PlaceWords::load()?,
            layout: LayoutWords::load()?,
            scan,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads_and_every_kind_is_read() {
        let w = Words::load(&HashMap::default()).expect("word lists");
        assert!(w.relation.partner_with.iter().any(|x| x == "与"));
        assert!(w.places.level_chars.contains(&'县'));
        assert!(w.layout.paragraph_marks.contains(&'#'));
    }

    #[test]
    fn a_template_fills_its_place_and_name_once() {
        let t = Template("中共{place}委{name}".to_string());
        assert_eq!(t.fill("临河县", "宣传部"), "中共临河县委宣传部");
        // braces in the place are written as they are
        assert_eq!(t.fill("{name}", "办"), "中共{name}委办");
        assert_eq!(
            Template("{place}人民政府".into()).at("临河县"),
            "临河县人民政府"
        );
    }

    #[test]
    fn the_scan_finds_overlapping_words_in_characters() {
        let mut triggers: HashMap<String, Vec<Trigger>> = HashMap::default();
        triggers.insert("联合印发".into(), vec![Trigger::Issue]);
        triggers.insert("印发".into(), vec![Trigger::Issue]);
        let w = Words::load(&triggers).expect("word lists");
        let found = w.scan.scan("甲局与乙局联合印发了方案");
        let at = |s: usize, cue: Cue| found.iter().any(|f| f.start == s && f.is(cue));
        assert!(at(2, Cue::PartnerWith));
        assert!(at(5, Cue::PartnerJoint) && at(5, Cue::JointVerb) && at(5, Cue::Issue));
        assert!(at(7, Cue::Issue));
        assert!(!at(7, Cue::PartnerWith));
        assert!(found.iter().all(|f| f.end > f.start));
    }
}
