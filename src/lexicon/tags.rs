//! The part-of-speech tags jieba-rs gives words, and the classes of tags
//! the recognizers test (data/lexicon/tag_classes.tsv).
//!
//! jieba's tags are those of its dictionary and of the HMM that guesses the
//! tag of a word outside it: the tag set of the ICTCLAS segmenter, after the
//! part-of-speech tags of the Peking University corpus of the People's Daily
//! (北京大学《现代汉语语料库加工规范》), with jieba's own `eng` and the person
//! name sub-tags `nrfg` and `nrt`. Takes: the tag strings jieba gives. Gives:
//! [`Tag`], [`TagSet`] and the named [`TagClasses`].

use std::fmt;

use super::{bad, rows, LexiconError};

/// The [`Tag`] enum with its strings, from one list of variants.
macro_rules! tags {
    ($($(#[$doc:meta])* $v:ident = $s:literal,)*) => {
        /// A part-of-speech tag of jieba-rs. A tag outside this set (the
        /// HMM's `w`, `en`, `in` …, or the empty tag of a word added without
        /// one) reads as [`Tag::X`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Tag {
            $($(#[$doc])* $v,)*
        }

        impl Tag {
            /// All tags, in the order of their strings.
            #[cfg(test)]
            pub(crate) const ALL: &'static [Tag] = &[$(Tag::$v,)*];

            /// The tag as jieba writes it (`nr`, `vn`).
            pub(crate) fn as_str(self) -> &'static str {
                match self {
                    $(Tag::$v => $s,)*
                }
            }

            /// The tag of a string jieba gives; [`Tag::X`] for one outside
            /// the set.
            pub(crate) fn parse(s: &str) -> Tag {
                match s {
                    $($s => Tag::$v,)*
                    _ => Tag::X,
                }
            }
        }
    };
}

tags! {
    /// Adjective (形容词).
    A = "a",
    /// Adjective used as an adverb (副形词).
    Ad = "ad",
    /// Adjectival morpheme (形容词性语素).
    Ag = "ag",
    /// Adjective used as a noun (名形词).
    An = "an",
    /// Distinguishing word, a non-predicate adjective (区别词).
    B = "b",
    /// Distinguishing morpheme (区别语素).
    Bg = "bg",
    /// Conjunction (连词).
    C = "c",
    /// Adverb (副词).
    D = "d",
    /// Adverb, a sub-tag of jieba's dictionary (不要).
    Df = "df",
    /// Adverbial morpheme (副语素).
    Dg = "dg",
    /// Interjection (叹词).
    E = "e",
    /// A word in Latin letters (jieba).
    Eng = "eng",
    /// Locative word (方位词).
    F = "f",
    /// Morpheme (语素).
    G = "g",
    /// Prefix (前接成分).
    H = "h",
    /// Idiom (成语).
    I = "i",
    /// Abbreviation (简称略语).
    J = "j",
    /// Suffix (后接成分).
    K = "k",
    /// Set phrase (习用语).
    L = "l",
    /// Numeral (数词).
    M = "m",
    /// Numeral morpheme (数语素).
    Mg = "mg",
    /// Numeral with a classifier (数量词).
    Mq = "mq",
    /// Noun (名词).
    N = "n",
    /// Nominal morpheme (名语素).
    Ng = "ng",
    /// Person's name (人名).
    Nr = "nr",
    /// Person's name, a sub-tag of jieba's dictionary.
    Nrfg = "nrfg",
    /// Transliterated person's name (音译人名).
    Nrt = "nrt",
    /// Place name (地名).
    Ns = "ns",
    /// Name of an organisation (机构团体名).
    Nt = "nt",
    /// Other proper noun (其他专名).
    Nz = "nz",
    /// Onomatopoeia (拟声词).
    O = "o",
    /// Preposition (介词).
    P = "p",
    /// Classifier (量词).
    Q = "q",
    /// Pronoun (代词).
    R = "r",
    /// Pronominal morpheme (代词性语素).
    Rg = "rg",
    /// Personal pronoun (人称代词).
    Rr = "rr",
    /// Demonstrative pronoun (指示代词).
    Rz = "rz",
    /// Place word (处所词).
    S = "s",
    /// Time word (时间词).
    T = "t",
    /// Time morpheme (时语素).
    Tg = "tg",
    /// Auxiliary word (助词).
    U = "u",
    /// The auxiliary 得.
    Ud = "ud",
    /// The auxiliary 过.
    Ug = "ug",
    /// The auxiliary 的.
    Uj = "uj",
    /// The auxiliary 了.
    Ul = "ul",
    /// The auxiliary 地.
    Uv = "uv",
    /// The auxiliary 着.
    Uz = "uz",
    /// Verb (动词).
    V = "v",
    /// Verb used as an adverb (副动词).
    Vd = "vd",
    /// Verbal morpheme (动语素).
    Vg = "vg",
    /// Intransitive verb (不及物动词).
    Vi = "vi",
    /// Verbal noun (名动词).
    Vn = "vn",
    /// Verb, a sub-tag of jieba's dictionary.
    Vq = "vq",
    /// Anything else: punctuation, symbols, unknown strings (非语素字).
    X = "x",
    /// Modal particle (语气词).
    Y = "y",
    /// Modal morpheme (语气语素).
    Yg = "yg",
    /// Descriptive word (状态词).
    Z = "z",
    /// Descriptive morpheme (状态语素).
    Zg = "zg",
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of tags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TagSet(u64);

impl TagSet {
    /// Whether the set holds `tag`.
    pub(crate) fn contains(self, tag: Tag) -> bool {
        self.0 >> (tag as u8) & 1 == 1
    }

    /// The set with `tag` added.
    pub(crate) fn with(self, tag: Tag) -> TagSet {
        TagSet(self.0 | 1 << (tag as u8))
    }
}

/// The classes of tags the recognizers test, each a set of jieba's tags
/// (data/lexicon/tag_classes.tsv says what each one is for).
#[derive(Debug, Clone, Default)]
pub(crate) struct TagClasses {
    /// Never a place name: a short division name that the dictionary holds
    /// under one of these tags is an ordinary word (合作, 资源, 比如).
    pub(crate) never_place: TagSet,
    /// Common nouns: a division's full name without a division's generic
    /// term held under one of these is a noun (林场, 农场).
    pub(crate) plain_noun: TagSet,
    /// Names of people and places: a dictionary word of another tag is an
    /// ordinary word.
    pub(crate) proper_name: TagSet,
    /// Names of people.
    pub(crate) person_name: TagSet,
    /// Names, abbreviations and Latin words: something proper in a headed
    /// name when they are rare in the dictionary.
    pub(crate) rare_proper: TagSet,
    /// All verbs, the verbal noun included.
    pub(crate) verb: TagSet,
    /// Verbs as predicates (not the verbal noun).
    pub(crate) predicate_verb: TagSet,
    /// Words that do not start the name of a compound (老旧小区).
    pub(crate) not_compound_name: TagSet,
    /// Words that are no part of a township's name (贯彻落实街道).
    pub(crate) not_township_name: TagSet,
    /// Idioms and set phrases, never a name as a whole (开门见山).
    pub(crate) idiom: TagSet,
    /// The words that name the domains of a merged department (商务,
    /// 城乡建设, 湖泊).
    pub(crate) domain_noun: TagSet,
    /// Dictionary words that end a headed name on its left.
    pub(crate) name_left_stop: TagSet,
    /// Words that end the part of a company's name before its place.
    pub(crate) company_stop: TagSet,
    /// Words that end the part of a project's name before its place or body.
    pub(crate) project_stop: TagSet,
    /// Words of the lead-in of a list (作出了老市府、…).
    pub(crate) list_lead: TagSet,
    /// Nouns that a country's name right before them modifies (美国白蛾).
    pub(crate) modified_noun: TagSet,
    /// A work's head read under one of these modifies the noun after it
    /// (高速/d 铁路网).
    pub(crate) modifier_use: TagSet,
    /// Words after which a section written alone may start.
    pub(crate) section_before: TagSet,
    /// Words that may follow a section written alone (its predicate).
    pub(crate) section_after: TagSet,
    /// Dictionary words never inside the name of an agency.
    pub(crate) name_gap_stop: TagSet,
    /// Words that are a name of their own when they hold a head (黄河流域).
    pub(crate) head_word_name: TagSet,
    /// Words that put a place right after them inside a longer name.
    pub(crate) inner_name: TagSet,
    /// Function words: never the first character of a name written
    /// before a post (和 in 和王某局长).
    pub(crate) function_word: TagSet,
}

/// The names of the classes in tag_classes.tsv, each of which must be there.
const CLASSES: &[&str] = &[
    "never_place",
    "plain_noun",
    "proper_name",
    "person_name",
    "rare_proper",
    "verb",
    "predicate_verb",
    "not_compound_name",
    "not_township_name",
    "idiom",
    "domain_noun",
    "name_left_stop",
    "company_stop",
    "project_stop",
    "list_lead",
    "modified_noun",
    "modifier_use",
    "section_before",
    "section_after",
    "name_gap_stop",
    "head_word_name",
    "inner_name",
    "function_word",
];

impl TagClasses {
    /// The class of a name in tag_classes.tsv.
    fn class_mut(&mut self, name: &str) -> Option<&mut TagSet> {
        Some(match name {
            "never_place" => &mut self.never_place,
            "plain_noun" => &mut self.plain_noun,
            "proper_name" => &mut self.proper_name,
            "person_name" => &mut self.person_name,
            "rare_proper" => &mut self.rare_proper,
            "verb" => &mut self.verb,
            "predicate_verb" => &mut self.predicate_verb,
            "not_compound_name" => &mut self.not_compound_name,
            "not_township_name" => &mut self.not_township_name,
            "idiom" => &mut self.idiom,
            "domain_noun" => &mut self.domain_noun,
            "name_left_stop" => &mut self.name_left_stop,
            "company_stop" => &mut self.company_stop,
            "project_stop" => &mut self.project_stop,
            "list_lead" => &mut self.list_lead,
            "modified_noun" => &mut self.modified_noun,
            "modifier_use" => &mut self.modifier_use,
            "section_before" => &mut self.section_before,
            "section_after" => &mut self.section_after,
            "name_gap_stop" => &mut self.name_gap_stop,
            "head_word_name" => &mut self.head_word_name,
            "inner_name" => &mut self.inner_name,
            "function_word" => &mut self.function_word,
            _ => return None,
        })
    }

    /// Reads tag_classes.tsv: a class name, then its tags separated by
    /// spaces. Every tag must be one of jieba's.
    pub(super) fn load(file: &'static str, text: &str) -> Result<TagClasses, LexiconError> {
        let mut tc = TagClasses::default();
        let mut seen = Vec::new();
        for (n, r) in rows(text) {
            if r.len() < 2 {
                return Err(bad(file, n, "expected class, tags"));
            }
            seen.push(r[0]);
            let set = tc
                .class_mut(r[0])
                .ok_or_else(|| bad(file, n, format!("unknown class {}", r[0])))?;
            for t in r[1].split_whitespace() {
                let tag = Tag::parse(t);
                if tag.as_str() != t {
                    return Err(bad(file, n, format!("unknown tag {t}")));
                }
                *set = set.with(tag);
            }
        }
        match CLASSES.iter().find(|c| !seen.contains(c)) {
            Some(c) => Err(LexiconError::Missing {
                file,
                what: format!("class {c}"),
            }),
            None => Ok(tc),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tag reads back from its string; strings outside the set read
    /// as x.
    #[test]
    fn tags_parse_and_print_as_jieba_writes_them() {
        for t in Tag::ALL {
            assert_eq!(Tag::parse(t.as_str()), *t);
            assert_eq!(t.to_string(), t.as_str());
        }
        assert_eq!(Tag::parse(&String::from("nrfg")), Tag::Nrfg);
        for s in ["nx", "nrfgx", "", "w", "en"] {
            assert_eq!(Tag::parse(s), Tag::X, "{s}");
        }
        assert!(Tag::ALL.len() < 64, "a TagSet holds at most 64 tags");
    }

    /// A class holds exactly the tags of its row.
    #[test]
    fn a_class_holds_the_tags_of_its_row() {
        let rows: String = CLASSES.iter().map(|c| format!("{c}\tv\n")).collect();
        let tc =
            TagClasses::load("t.tsv", &format!("# a header\n{rows}verb\tv vn\n")).expect("loads");
        assert!(tc.verb.contains(Tag::V) && tc.verb.contains(Tag::Vn));
        assert!(!tc.verb.contains(Tag::Vd) && !tc.verb.contains(Tag::X));
        let err = |extra: &str| TagClasses::load("t.tsv", &format!("{rows}{extra}")).is_err();
        assert!(err("verb\tv w\n"));
        assert!(err("verbs\tv\n"));
        // a class without its row
        assert!(TagClasses::load("t.tsv", "verb\tv\n").is_err());
    }
}
