//! The lattice of one article: every lexicon entry found in its text (one
//! Aho-Corasick pass over all lexicons at once) and the jieba-rs tokens,
//! computed once and shared by all recognizers.

use aho_corasick::{AhoCorasick, MatchKind};
use jieba_rs::Jieba;
use std::collections::HashMap;

use crate::lexicon::{Level, Lexicon, Tag, TagSet, Trigger, WordList};

/// What a lexicon entry found in the text is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    /// Full name of divisions (indices).
    Division(Vec<usize>),
    /// Short name of divisions (indices).
    DivisionShort(Vec<usize>),
    /// A department form.
    Dept,
    /// A central body or well-known organisation form.
    National,
    /// A country or world region (canonical).
    Country(String),
    /// A geographic name (canonical).
    Geo(String),
    /// A post title.
    Post,
    /// A name suffix.
    Suffix,
    /// An anaphor (该局).
    Anaphor,
    /// A development zone short form (高新区) with its full form.
    Zone(String),
}

impl Piece {
    /// Whether the piece names a place: a division by its full or short
    /// name, or a geographic name.
    pub(crate) fn names_place(&self) -> bool {
        matches!(
            self,
            Piece::Division(_) | Piece::DivisionShort(_) | Piece::Geo(_)
        )
    }
}

/// The compiled matcher over all lexicons.
pub(crate) struct Matcher {
    /// The automaton, one pattern per distinct entry text.
    ac: AhoCorasick,
    /// Pattern id → (pattern text, its pieces).
    pats: Vec<(String, Vec<Piece>)>,
    /// The level words (省 市 县 区 镇 乡), which the segmenter's guess for
    /// words outside its dictionary may glue to the next word.
    level_chars: Vec<char>,
    /// The first characters of the generic terms of divisions (市, 街道):
    /// a level word glued to one is a pair of levels (镇街, 县区).
    term_chars: Vec<char>,
    /// Prepositions and verbs of going that the segmenter's guess glues to
    /// the name after them (到民小 for 到 + 民小公路).
    glued_chars: Vec<char>,
    /// The tags of person names (a guessed name starting with 于 or 向 is
    /// no preposition glued to a word).
    person_tags: TagSet,
    /// The one-character heads of the units of an agency (局, 处, 科): the
    /// segmenter's guess may glue one to the preposition after it (局对).
    unit_heads: Vec<char>,
    /// Anaphors of two characters (该乡, 该村), which the segmenter may glue
    /// to an unknown name after them (该乡庆华), sorted.
    anaphors: Vec<(char, char)>,
    /// The heads that end a project's name (项目, 工程), and the stages of
    /// its work that the segmenter glues to one (项目前期, 工程建设).
    work_glue: (Vec<Vec<char>>, Vec<Vec<char>>),
    /// The short names of two characters of provinces and prefectures
    /// (湖南, 保定), sorted: the segmenter may cut one after its first
    /// character when its second starts another place's name (湖|南京).
    wide_pairs: Vec<(char, char)>,
}

impl Matcher {
    /// Builds the automaton from the lexicon.
    pub(crate) fn new(lx: &Lexicon) -> Matcher {
        let mut map: HashMap<String, Vec<Piece>> = HashMap::new();
        let mut add = |s: &str, p: Piece| {
            if s.chars().count() >= 1 {
                let v = map.entry(s.to_string()).or_default();
                if !v.contains(&p) {
                    v.push(p);
                }
            }
        };
        for (name, idx) in &lx.division_by_name {
            // a short township-level unit whose name has no generic term of
            // a township (城南, 永兴, 种畜场, 林业局) is a word far more often
            // than that unit
            let idx: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|&i| {
                    lx.divisions[i].level != Level::Town
                        || name.chars().count() > 3
                        || lx.place_terms.township_term.ends(name)
                })
                // (a zone listed under its committee's name, 某某开发区管委会,
                // is the zone and its committee, which the grammar reads)
                .filter(|&i| {
                    lx.divisions[i].level != Level::Town || !lx.body_words.zone_committee.ends(name)
                })
                .collect();
            if !idx.is_empty() && name.chars().count() >= 2 {
                add(name, Piece::Division(idx));
            }
        }
        for (short, idx) in &lx.division_by_short {
            // township short names are ordinary words too often; they are
            // matched only through the context of their county
            let idx: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|&i| lx.divisions[i].level != Level::Town)
                .collect();
            if !idx.is_empty() && short.chars().count() >= 2 {
                add(short, Piece::DivisionShort(idx));
            }
        }
        for form in lx.departments.keys() {
            add(form, Piece::Dept);
        }
        for form in lx.national.keys() {
            add(form, Piece::National);
        }
        for (name, canon) in &lx.countries {
            add(name, Piece::Country(canon.clone()));
        }
        for (name, canon) in &lx.geo {
            add(name, Piece::Geo(canon.clone()));
        }
        for post in lx.posts.keys() {
            add(post, Piece::Post);
        }
        for suf in lx.suffixes.keys() {
            add(suf, Piece::Suffix);
        }
        for (z, full) in &lx.zones {
            add(z, Piece::Zone(full.clone()));
        }
        for (w, kinds) in &lx.triggers {
            if kinds.contains(&Trigger::Anaphor) {
                add(w, Piece::Anaphor);
            }
        }
        let mut pats: Vec<(String, Vec<Piece>)> = map.into_iter().collect();
        pats.sort_by(|a, b| a.0.cmp(&b.0));
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(pats.iter().map(|p| p.0.as_str()))
            .expect("lexicon automaton builds");
        let pair = |w: &str| {
            let mut cs = w.chars();
            match (cs.next(), cs.next(), cs.next()) {
                (Some(a), Some(b), None) => Some((a, b)),
                _ => None,
            }
        };
        let mut wide_pairs: Vec<(char, char)> = (lx.division_by_short.iter())
            .filter(|(_, idx)| idx.iter().any(|&i| lx.divisions[i].level <= Level::City))
            .filter_map(|(short, _)| pair(short))
            .collect();
        wide_pairs.sort_unstable();
        let level_chars = lx.place_terms.levels.iter().map(|&(c, _)| c).collect();
        let first_chars =
            |words: &WordList| words.iter().filter_map(|w| w.chars().next()).collect();
        Matcher {
            ac,
            pats,
            level_chars,
            term_chars: first_chars(&lx.place_terms.division_term),
            glued_chars: first_chars(&lx.function_words.glued_preposition),
            person_tags: lx.tags.person_name,
            unit_heads: unit_heads(lx),
            anaphors: anaphor_pairs(lx),
            work_glue: (
                spelled(&lx.head_words.project_end),
                spelled(&lx.head_words.work_stage),
            ),
            wide_pairs,
        }
    }
}

impl Matcher {
    /// Whether an anaphor of two characters ends with the character at
    /// `p` (该|乡, 我|县).
    fn anaphor_ends_at(&self, chars: &[char], p: usize) -> bool {
        p > 0
            && self
                .anaphors
                .binary_search(&(chars[p - 1], chars[p]))
                .is_ok()
    }
}

/// The anaphors of two characters (该局, 我县), as pairs, sorted for
/// lookup.
fn anaphor_pairs(lx: &Lexicon) -> Vec<(char, char)> {
    let mut pairs: Vec<(char, char)> = (lx.triggers.iter())
        .filter(|(_, ts)| ts.contains(&Trigger::Anaphor))
        .filter_map(|(w, _)| {
            let mut cs = w.chars();
            match (cs.next(), cs.next(), cs.next()) {
                (Some(a), Some(b), None) => Some((a, b)),
                _ => None,
            }
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The words of a list, each as its characters.
fn spelled(words: &WordList) -> Vec<Vec<char>> {
    words.iter().map(|w| w.chars().collect()).collect()
}

/// Repairs guesses of the segmenter about words outside its dictionary: an
/// anaphor's second character glued to what follows ([`glued_anaphor`],
/// [`anaphor_before_word`]), a preposition or verb of going glued to the
/// name after it ([`glued_preposition`]), a level word glued to the next
/// word ([`glued_level_word`], [`glued_level_org`]), a project's head glued
/// to its stage ([`glued_stage`]) and a unit's head glued to the
/// preposition after it ([`glued_head`]). The detached character becomes a token of its
/// own and the rest is segmented again.
fn detach_glued(
    tokens: Vec<Token>,
    chars: &[char],
    matcher: &Matcher,
    jieba: &Jieba,
) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // (an anaphor's second character glued to the word after it: 该|乡庆华)
        let single_before = out
            .last()
            .is_some_and(|p: &Token| p.end == t.start && p.end - p.start == 1);
        // (or to a word whose second character starts one with the next
        // token: 我|县城|南 for 我县|城南)
        let next = tokens.get(i + 1);
        let anaphor = single_before
            .then(|| {
                (glued_anaphor(t, chars, matcher, jieba).map(|rest| (rest, 1))).or_else(|| {
                    anaphor_before_word(t, next, chars, matcher, jieba).map(|rest| (rest, 2))
                })
            })
            .flatten();
        if let Some((rest, taken)) = anaphor {
            out.pop();
            push_tagged(&mut out, t.start - 1, vec![(2, Tag::R)]);
            push_tagged(&mut out, t.start + 1, rest);
            i += taken;
            continue;
        }
        // (a place's name of two characters whose second the segmenter
        // read as the first of another place's: 湖|南京|能 for 湖南 + 京能)
        if let Some(words) = cut_place_pair(t, next, chars, matcher, jieba) {
            push_tagged(&mut out, t.start, words);
            i += 2;
            continue;
        }
        // (the detached character's tag, the rest, the tokens it takes)
        let detached = glued_preposition(t, chars, matcher, jieba)
            .map(|rest| ("p", rest, 1))
            .or_else(|| {
                glued_level_word(t, next, chars, matcher, jieba)
                    .or_else(|| glued_level_org(t, next, chars, matcher, jieba))
                    .map(|rest| ("n", rest, 2))
            });
        if let Some((tag, rest, taken)) = detached {
            push_tagged(&mut out, t.start, vec![(1, Tag::parse(tag))]);
            push_tagged(&mut out, t.start + 1, rest);
            i += taken;
        } else if let Some(head) = glued_stage(t, chars, matcher) {
            let rest = tagged(
                jieba,
                &chars[t.start + head..t.end].iter().collect::<String>(),
            );
            push_tagged(&mut out, t.start, vec![(head, Tag::parse("n"))]);
            push_tagged(&mut out, t.start + head, rest);
            i += 1;
        } else if glued_head(t, chars, matcher, jieba) {
            push_tagged(
                &mut out,
                t.start,
                vec![(1, Tag::parse("n")), (1, Tag::parse("p"))],
            );
            i += 1;
        } else {
            out.push(t.clone());
            i += 1;
        }
    }
    out
}

/// The one-character suffixes that end the name of a unit of an agency
/// (unit_suffixes.tsv: 局, 处, 科, 室, 站, 所).
fn unit_heads(lx: &Lexicon) -> Vec<char> {
    let mut heads: Vec<char> = (lx.suffixes.iter())
        .filter(|(s, kinds)| {
            s.chars().count() == 1
                && kinds.iter().any(|k| {
                    k.etype == crate::EntityType::Agency
                        && k.role == crate::lexicon::SuffixRole::Unit
                })
        })
        .filter_map(|(s, _)| s.chars().next())
        .collect();
    heads.sort_unstable();
    heads
}

/// A unit's head glued by the segmenter's guess to the preposition after
/// it (水土保持|局对|漳县: 局 ends the unit, 对 starts the phrase): the two
/// characters as tokens of their own, where the pair is no word of its
/// dictionary.
fn glued_head(t: &Token, chars: &[char], matcher: &Matcher, jieba: &Jieba) -> bool {
    let shape = t.end - t.start == 2
        && matcher.unit_heads.binary_search(&chars[t.start]).is_ok()
        && matcher.glued_chars.contains(&chars[t.start + 1]);
    shape && !jieba.has_word(&chars[t.start..t.end].iter().collect::<String>())
}

/// The length of a project's head that the segmenter glued to the stage
/// of its work after it (某某|项目前期|工作, 某某水库|工程建设): a word of
/// the dictionary made of the two, right after a name's characters.
fn glued_stage(t: &Token, chars: &[char], matcher: &Matcher) -> Option<usize> {
    let after_name = t.start > 0 && super::is_han(chars[t.start - 1]);
    if !after_name {
        return None;
    }
    let word = &chars[t.start..t.end];
    let (heads, stages) = &matcher.work_glue;
    let head = heads.iter().find(|h| word.starts_with(h))?;
    let stage = &word[head.len()..];
    stages.iter().any(|s| s == stage).then_some(head.len())
}

/// The words after a preposition or verb of going that the segmenter's
/// guess glued to them, in a token outside its dictionary (到民小|公路;
/// 对北|山村, guessed a locative), if `t` is one; a guessed person's name
/// (于春生, 向东) is left whole.
fn glued_preposition(
    t: &Token,
    chars: &[char],
    matcher: &Matcher,
    jieba: &Jieba,
) -> Option<Vec<(usize, Tag)>> {
    let len = t.end - t.start;
    let shape = (len >= 3 || len == 2 && t.tag == Tag::F)
        && matcher.glued_chars.contains(&chars[t.start])
        && !matcher.person_tags.contains(t.tag);
    if !shape {
        return None;
    }
    let word: String = chars[t.start..t.end].iter().collect();
    (!jieba.has_word(&word)).then(|| tagged(jieba, &word[chars[t.start].len_utf8()..]))
}

/// The words after an anaphor of two characters whose second character the
/// segmenter glued into one unknown word with the name after it (该|乡庆华:
/// 该乡 + 庆华), segmented again; `t` is the token after the first
/// character.
fn glued_anaphor(
    t: &Token,
    chars: &[char],
    matcher: &Matcher,
    jieba: &Jieba,
) -> Option<Vec<(usize, Tag)>> {
    if t.end - t.start < 3 || !matcher.anaphor_ends_at(chars, t.start) {
        return None;
    }
    let word: String = chars[t.start..t.end].iter().collect();
    if jieba.has_word(&word) {
        return None;
    }
    let rest: String = chars[t.start + 1..t.end].iter().collect();
    Some(tagged(jieba, &rest))
}

/// The word after an anaphor whose second character the segmenter read
/// as a word with the next character (我|县城|南污水处理厂, 本|县城|乡):
/// where that character and the next token make a word of the dictionary
/// (城南, 城乡), that word, tagged.
fn anaphor_before_word(
    t: &Token,
    next: Option<&Token>,
    chars: &[char],
    matcher: &Matcher,
    jieba: &Jieba,
) -> Option<Vec<(usize, Tag)>> {
    let next = next.filter(|n| {
        t.end - t.start == 2 && n.start == t.end && matcher.anaphor_ends_at(chars, t.start)
    })?;
    let rest: String = chars[t.start + 1..next.end].iter().collect();
    jieba.has_word(&rest).then(|| tagged(jieba, &rest))
}

/// The words after a level word that the segmenter glued to the first
/// character of the next word, segmented again with the token `next`: where
/// the pair is no word of its dictionary (省重|污染 for 省|重污染), or a
/// rare one whose second character starts a word with what follows (省民|生
/// for 省|民生); a pair of levels (镇街) and a frequent word (市委) stay.
fn glued_level_word(
    t: &Token,
    next: Option<&Token>,
    chars: &[char],
    matcher: &Matcher,
    jieba: &Jieba,
) -> Option<Vec<(usize, Tag)>> {
    let next = next.filter(|_| {
        t.end - t.start == 2
            && matcher.level_chars.contains(&chars[t.start])
            && super::is_han(chars[t.start + 1])
            && !matcher.term_chars.contains(&chars[t.start + 1])
    })?;
    let pair: String = chars[t.start..t.end].iter().collect();
    let known = jieba.has_word(&pair);
    if known && jieba.suggest_freq(&pair) >= RARE_PAIR {
        return None;
    }
    let rest: String = chars[t.start + 1..next.end].iter().collect();
    let words = tagged(jieba, &rest);
    let first_long = words.first().is_some_and(|w| w.0 >= 2);
    (!known || first_long).then_some(words)
}

/// A province's or prefecture's short name cut by the segmenter after its
/// first character, whose second it read as the first of another place's
/// name (湖/ns + 南京/ns + 能 in 湖南京能…有限公司): a lone character tagged
/// a place's, then a place's word that it opens such a short name with.
/// The short name, then the rest of the place's word, segmented again.
fn cut_place_pair(
    t: &Token,
    next: Option<&Token>,
    chars: &[char],
    matcher: &Matcher,
    jieba: &Jieba,
) -> Option<Vec<(usize, Tag)>> {
    let next = next.filter(|n| {
        t.end - t.start == 1
            && t.tag == Tag::Ns
            && n.tag == Tag::Ns
            && n.start == t.end
            && n.end - n.start >= 2
    })?;
    let pair = (chars[t.start], chars[t.end]);
    matcher.wide_pairs.binary_search(&pair).ok()?;
    let rest: String = chars[t.start + 2..next.end].iter().collect();
    let mut words = vec![(2, Tag::Ns)];
    words.extend(tagged(jieba, &rest));
    Some(words)
}

/// The organisation's word after a level word that the segmenter read as
/// a word with the level word (市中心|医院 for 市|中心医院): a token of a
/// level word and two characters whose two characters and the next token
/// make one word of the dictionary tagged an organisation's name.
fn glued_level_org(
    t: &Token,
    next: Option<&Token>,
    chars: &[char],
    matcher: &Matcher,
    jieba: &Jieba,
) -> Option<Vec<(usize, Tag)>> {
    let next = next.filter(|n| {
        t.end - t.start == 3 && n.start == t.end && matcher.level_chars.contains(&chars[t.start])
    })?;
    let rest: String = chars[t.start + 1..next.end].iter().collect();
    let words = tagged(jieba, &rest);
    (jieba.has_word(&rest) && matches!(words.as_slice(), [(_, Tag::Nt)])).then_some(words)
}

/// The words of `text` as jieba tags them: (length in characters, tag).
fn tagged(jieba: &Jieba, text: &str) -> Vec<(usize, Tag)> {
    jieba
        .tag(text, false)
        .iter()
        .map(|w| (w.word.chars().count(), Tag::parse(w.tag)))
        .collect()
}

/// Appends the tokens of words segmented again, from character `start`.
fn push_tagged(out: &mut Vec<Token>, start: usize, words: Vec<(usize, Tag)>) {
    let mut k = start;
    for (len, tag) in words {
        out.push(Token {
            start: k,
            end: k + len,
            tag,
        });
        k += len;
    }
}

/// The dictionary frequency below which a level word and the character
/// after it are a rare word (省民, 3) that yields to the word the character
/// starts (民生).
const RARE_PAIR: usize = 10;

/// A jieba token with character offsets and its part-of-speech tag.
#[derive(Debug, Clone)]
pub struct Token {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Part-of-speech tag.
    pub tag: Tag,
}

/// One article's text with its lexicon matches and tokens.
pub struct Lattice<'m> {
    /// The characters of the text.
    pub(crate) chars: Vec<char>,
    /// The text itself.
    src: String,
    /// Byte offset in `src` of each character, and its length last.
    byte: Vec<usize>,
    /// Lexicon matches grouped by start character, longest first: (pattern
    /// id, length in chars); those starting at `i` are
    /// `at[at_idx[i]..at_idx[i + 1]]`.
    at: Vec<(usize, usize)>,
    /// Bounds of the groups of `at`, by start character.
    at_idx: Vec<usize>,
    /// Lexicon matches grouped by end character, longest first: (start,
    /// pattern id), indexed by `ends_idx` as `at` is by `at_idx`.
    ends: Vec<(usize, usize)>,
    /// Bounds of the groups of `ends`, by end character.
    ends_idx: Vec<usize>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Index of the token containing each character.
    pub(crate) tok_of: Vec<usize>,
    /// The matcher whose patterns the matches refer to.
    matcher: &'m Matcher,
}

/// Groups `items` by the key `key` gives (at most `n`), keeping their
/// order within a group: the grouped items, and the bounds of the groups
/// (group `k` is `items[idx[k]..idx[k + 1]]`).
fn group_by<T: Copy>(items: &[T], n: usize, key: impl Fn(&T) -> usize) -> (Vec<T>, Vec<usize>) {
    let mut idx = vec![0usize; n + 2];
    for it in items {
        idx[key(it) + 1] += 1;
    }
    for k in 1..idx.len() {
        idx[k] += idx[k - 1];
    }
    let mut fill = idx.clone();
    let mut out = items.to_vec();
    for it in items {
        let slot = &mut fill[key(it)];
        out[*slot] = *it;
        *slot += 1;
    }
    (out, idx)
}

/// Group `k` of items grouped by [`group_by`] (empty past the last key).
fn group<'a, T>(items: &'a [T], idx: &[usize], k: usize) -> &'a [T] {
    match (idx.get(k), idx.get(k + 1)) {
        (Some(&a), Some(&b)) => &items[a..b],
        _ => &[],
    }
}

impl<'m> Lattice<'m> {
    /// Builds the lattice of a text; `retag` holds the tags of
    /// common_words.tsv, which replace the dictionary's (幸福感 is no
    /// person's name, 零部件 no count).
    pub(crate) fn new(
        text: &str,
        matcher: &'m Matcher,
        jieba: &Jieba,
        retag: &crate::lexicon::HashMap<String, Tag>,
    ) -> Lattice<'m> {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let mut byte2char = vec![0usize; text.len() + 1];
        let mut byte = Vec::with_capacity(n + 1);
        for (ci, (bi, c)) in text.char_indices().enumerate() {
            byte.push(bi);
            byte2char[bi..bi + c.len_utf8()].fill(ci);
        }
        byte.push(text.len());
        byte2char[text.len()] = n;
        // (start, pattern id, length), by start and longest first
        let mut found: Vec<(usize, usize, usize)> = matcher
            .ac
            .find_overlapping_iter(text)
            .map(|m| {
                let s = byte2char[m.start()];
                (s, m.pattern().as_usize(), byte2char[m.end()] - s)
            })
            .collect();
        found.sort_by_key(|&(s, _, len)| (s, std::cmp::Reverse(len)));
        let (by_start, at_idx) = group_by(&found, n, |x| x.0);
        let at = by_start.iter().map(|&(_, id, len)| (id, len)).collect();
        let (by_end, ends_idx) = group_by(&found, n, |x| x.0 + x.2);
        let ends = by_end.iter().map(|&(s, id, _)| (s, id)).collect();
        let tagged: Vec<Token> = jieba
            .tag(text, true)
            .iter()
            .map(|t| Token {
                start: byte2char[t.byte_start],
                end: byte2char[t.byte_end],
                tag: retag
                    .get(t.word)
                    .copied()
                    .unwrap_or_else(|| Tag::parse(t.tag)),
            })
            .collect();
        let tokens = detach_glued(tagged, &chars, matcher, jieba);
        let mut tok_of = vec![0usize; n + 1];
        for (i, t) in tokens.iter().enumerate() {
            tok_of[t.start..t.end].fill(i);
        }
        tok_of[n] = tokens.len();
        Lattice {
            chars,
            src: text.to_string(),
            byte,
            at,
            at_idx,
            ends,
            ends_idx,
            tokens,
            tok_of,
            matcher,
        }
    }

    /// Lexicon matches starting at `pos`: (pattern id, length), longest
    /// first.
    fn matches_at(&self, pos: usize) -> &[(usize, usize)] {
        group(&self.at, &self.at_idx, pos)
    }

    /// Whether some lexicon entry starts at `pos`.
    pub(crate) fn has_match_at(&self, pos: usize) -> bool {
        !self.matches_at(pos).is_empty()
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The text of a character range.
    pub fn text(&self, s: usize, e: usize) -> String {
        let n = self.chars.len();
        let (s, e) = (s.min(n), e.min(n));
        if s >= e {
            return String::new();
        }
        self.src[self.byte[s]..self.byte[e]].to_string()
    }

    /// The text of a character range, borrowed (empty when out of range).
    #[inline]
    pub(crate) fn str(&self, s: usize, e: usize) -> &str {
        let n = self.chars.len();
        let (s, e) = (s.min(n), e.min(n));
        if s >= e {
            return "";
        }
        &self.src[self.byte[s]..self.byte[e]]
    }

    /// Whether the text at `pos` starts with `s`.
    pub(crate) fn starts_with(&self, pos: usize, s: &str) -> bool {
        (pos..)
            .zip(s.chars())
            .all(|(k, ch)| self.chars.get(k) == Some(&ch))
    }

    /// The first of `words` (in their file's order) written at `pos`, with
    /// its length in characters.
    #[inline]
    pub(crate) fn word_at<'w>(&self, pos: usize, words: &'w WordList) -> Option<(&'w str, usize)> {
        words.at(&self.chars, pos)
    }

    /// Lexicon matches starting at `pos`, longest first: (text, pieces, len).
    pub(crate) fn pieces_at(&self, pos: usize) -> impl Iterator<Item = (&str, &[Piece], usize)> {
        self.matches_at(pos).iter().map(|&(id, len)| {
            let (s, p) = &self.matcher.pats[id];
            (s.as_str(), p.as_slice(), len)
        })
    }

    /// The longest match at `pos` that has a piece accepted by `f`.
    pub(crate) fn longest<F: Fn(&Piece) -> bool>(
        &self,
        pos: usize,
        f: F,
    ) -> Option<(usize, &Piece)> {
        for (_, ps, len) in self.pieces_at(pos) {
            if let Some(p) = ps.iter().find(|p| f(p)) {
                return Some((len, p));
            }
        }
        None
    }

    /// All matches ending exactly at `end` that have a piece accepted by `f`:
    /// (start, piece), longest first.
    /// Only matches of at most 16 characters count.
    pub(crate) fn ending_at<F: Fn(&Piece) -> bool>(
        &self,
        end: usize,
        f: F,
    ) -> Vec<(usize, &Piece)> {
        let lo = end.saturating_sub(16);
        group(&self.ends, &self.ends_idx, end)
            .iter()
            .filter(|&&(s, _)| s >= lo)
            .filter_map(|&(s, id)| {
                self.matcher.pats[id]
                    .1
                    .iter()
                    .find(|p| f(p))
                    .map(|p| (s, p))
            })
            .collect()
    }

    /// Whether a token starts at `pos`.
    pub(crate) fn tok_start(&self, pos: usize) -> bool {
        pos >= self.chars.len()
            || self
                .tokens
                .get(self.tok_of[pos])
                .is_some_and(|t| t.start == pos)
    }

    /// Whether a token ends at `pos` (i.e. `pos` is a token boundary).
    pub(crate) fn tok_boundary(&self, pos: usize) -> bool {
        pos == 0 || self.tok_start(pos)
    }

    /// The token containing `pos`.
    pub(crate) fn token(&self, pos: usize) -> Option<&Token> {
        self.tokens.get(*self.tok_of.get(pos)?)
    }

    /// The token that ends right at `pos`, where a token starts there.
    pub(crate) fn token_before(&self, pos: usize) -> Option<&Token> {
        let t = self.token(pos.checked_sub(1)?)?;
        (t.end == pos).then_some(t)
    }

    /// Whether a conjunction of one character (和, 与) is the token at `pos`.
    pub(crate) fn conjunction_at(&self, pos: usize) -> bool {
        self.token(pos)
            .is_some_and(|t| t.start == pos && t.end == pos + 1 && t.tag == Tag::C)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Groups keep their items' order, and the last key (a match ending
    /// where the text ends) has its group too.
    #[test]
    fn groups_keep_order_and_reach_the_last_key() {
        let items = [(0, 'a'), (3, 'b'), (0, 'c'), (1, 'd')];
        let (g, idx) = group_by(&items, 3, |x| x.0);
        assert_eq!(idx.len(), 5);
        assert_eq!(group(&g, &idx, 0), &[(0, 'a'), (0, 'c')]);
        assert_eq!(group(&g, &idx, 1), &[(1, 'd')]);
        assert!(group(&g, &idx, 2).is_empty());
        assert_eq!(group(&g, &idx, 3), &[(3, 'b')]);
        assert!(group(&g, &idx, 4).is_empty());
    }

    /// A level word or a preposition that the segmenter's guess glued to
    /// the next word is a token of its own; one forming a word, or starting
    /// a guessed person's name, stays in it.
    #[test]
    fn a_province_s_short_name_cut_before_another_place_s_is_whole() {
        let r = super::super::testing::recognizer();
        // (湖|南京|鑫 for 湖南 + 京鑫, the company's trade name)
        let lat = r.lattice("检查组走访了湖南京鑫机械有限公司。");
        assert_eq!(lat.token(6).map(|t| (t.start, t.end)), Some((6, 8)));
        assert!(lat.tok_start(8), "{:?}", lat.tokens);
        // (a word a lone character makes with a place's that is no wide
        // place's short name stays as the segmenter read it: 北|山村)
        let lat = r.lattice("助力北山村实现振兴。");
        assert_eq!(lat.token(3).map(|t| (t.start, t.end)), Some((3, 5)));
    }

    #[test]
    fn a_level_word_glued_by_a_guess_is_detached() {
        let r = super::super::testing::recognizer();
        let lat = r.lattice("省重污染天气应急指挥部办公室发出通知。");
        assert_eq!(lat.token(0).map(|t| (t.start, t.end)), Some((0, 1)));
        assert!(lat.tok_start(1) && lat.tok_start(2), "{:?}", lat.tokens);
        let lat = r.lattice("全省市民踊跃参加。");
        assert_eq!(lat.token(2).map(|t| (t.start, t.end)), Some((2, 4)));
        // a preposition or verb of going glued to an unknown word
        let lat = r.lattice("一行到民小公路工地调研。");
        assert!(
            lat.tok_start(3) && lat.token(2).is_some_and(|t| t.end == 3),
            "{:?}",
            lat.tokens
        );
        // (and the aspect particle after a verb: 察看了 + 鑫源…)
        let lat = r.lattice("先后察看了鑫源农产品冷链物流园项目。");
        assert!(lat.tok_start(5), "{:?}", lat.tokens);
        // (a guessed person's name starting with a preposition stays)
        let lat = r.lattice("向晓东介绍情况。");
        assert_eq!(lat.token(0).map(|t| (t.start, t.end)), Some((0, 3)));
        let lat = r.lattice("组织镇街文联开展活动。");
        assert_eq!(lat.token(2).map(|t| (t.start, t.end)), Some((2, 4)));
        // an anaphor's second character read as a word with the next
        // (我|县城|南 for 我县|城南)
        let lat = r.lattice("我县城南污水处理厂二期工程已完工。");
        assert_eq!(lat.token(0).map(|t| (t.start, t.end)), Some((0, 2)));
        assert_eq!(lat.token(2).map(|t| (t.start, t.end)), Some((2, 4)));
        // a level word read as a word with the start of an organisation's
        // name (市中心|医院 for 市|中心医院); 市中心 of a street stays
        let lat = r.lattice("市中心医院作典型发言。");
        assert_eq!(lat.token(1).map(|t| (t.start, t.end)), Some((1, 5)));
        let lat = r.lattice("市中心广场人流密集。");
        assert_eq!(lat.token(0).map(|t| (t.start, t.end)), Some((0, 3)));
        // a unit's head glued to the preposition after it (局对)
        let text = "省水利厅水土保持局对各县防汛工作进行检查。";
        let lat = r.lattice(text);
        let ju = text.chars().position(|c| c == '局').expect("局");
        assert!(
            lat.tok_start(ju)
                && lat.tok_start(ju + 1)
                && lat.token(ju).is_some_and(|t| t.end == ju + 1),
            "{:?}",
            lat.tokens
        );
    }
}
