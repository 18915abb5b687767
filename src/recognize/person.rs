//! People: bylines (记者 王聪聪 通讯员 王强, □杨国胜 都镇强, a line of names
//! under a headline), signatures (（用途科/朱绪祥）, （冠县林业局/郭建彬 林东全）)
//! and a post followed by a name (区委书记李辉, 市长、市总林长李长萍同志).
//!
//! A name is a surname from the lexicon (single or compound) and one or two
//! given-name characters; where the length is unclear, a following word
//! (说, 出席, 荣获) decides it.

use super::chain;
use super::lattice::{Lattice, Piece, Token};
use super::{
    cover, is_close_bracket, is_han, is_open_bracket, is_punct, Mention, MentionKind, PersonSource,
    Recognizer,
};
use crate::lexicon::{PostOrgan, SuffixRole, Tag};
use crate::EntityType;

/// The marks that open a line of names under a headline (□杨国胜 都镇强).
const BYLINE_MARKS: &[char] = &['□', '■'];

/// The slashes between the units and the names of a signature.
const SLASHES: &[char] = &['/', '／'];

/// The colons after a label (组 长:) or a post (记者：).
const COLONS: &[char] = &[':', '：'];

/// What may stand between a post of a credit line and its names, or
/// between the names: spaces, 、, colons and the bars of web credits
/// (编辑 | 王某 审核 | 李某 张某).
const CREDIT_SEPARATORS: &[char] = &[' ', '\u{3000}', '、', ':', '：', '|', '｜', '/', '／'];

/// Punctuation after which a tagged name may end (李明、 李明，).
const AFTER_TAGGED: &[char] = &['、', '，', '。', ','];

/// The surnames ranked this high or higher are common (the ranks of the
/// household-registration statistics, see surnames.tsv).
const COMMON_SURNAMES: u32 = 100;

/// The rank of the single-character surname that starts `name` (a compound
/// surname ranks first; no surname ranks last).
fn surname_rank(r: &Recognizer, name: &str) -> u32 {
    let first: String = name.chars().take(1).collect();
    r.lex.surnames.get(&first).copied().unwrap_or(u32::MAX)
}

/// Surname at `p`: its length (1 or 2), if any.
fn surname_len(r: &Recognizer, chars: &[char], p: usize) -> Option<usize> {
    let mut buf = [0u8; 8];
    if p + 2 <= chars.len() {
        let n = chars[p].encode_utf8(&mut buf).len();
        let m = chars[p + 1].encode_utf8(&mut buf[n..]).len();
        let two = std::str::from_utf8(&buf[..n + m]).ok()?;
        if r.lex.surnames.get(two).is_some_and(|rank| *rank == 0) {
            return Some(2);
        }
    }
    let one = chars.get(p)?.encode_utf8(&mut buf);
    r.lex.surnames.contains_key(&*one).then_some(1)
}

/// A name delimited on both sides (in a byline or list): `p..e` must be a
/// whole name.
pub(crate) fn delimited_name(r: &Recognizer, chars: &[char], p: usize, e: usize) -> bool {
    let len = e.saturating_sub(p);
    if !(2..=4).contains(&len) || !chars[p..e].iter().all(|c| is_han(*c)) {
        return false;
    }
    match surname_len(r, chars, p) {
        Some(2) => len >= 3,
        Some(1) => len <= 3,
        _ => false,
    }
}

/// The length of a name starting at `p` in running text, if one starts there.
pub(crate) fn name_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<usize> {
    let chars = &lat.chars;
    let sl = surname_len(r, chars, p)?;
    // a post right after the "surname": a verb (任总指挥) or a surname
    // with a title (王局长), not a name
    if lat
        .pieces_at(p + sl)
        .any(|(_, ps, len)| len >= 2 && ps.contains(&Piece::Post))
    {
        return None;
    }
    let pw = &r.lex.person_words;
    let given_ok = |k: usize| {
        chars
            .get(k)
            .is_some_and(|c| is_han(*c) && !pw.after_name.has_char(*c))
    };
    if !given_ok(p + sl) {
        // a single given character that may end a name (王强, 刘婕) is
        // accepted only before a delimiter
        let c = *chars.get(p + sl)?;
        if !is_han(c) {
            return None;
        }
        let nx = chars.get(p + sl + 1).copied().unwrap_or('。');
        if is_punct(nx) || !is_han(nx) {
            return Some(sl + 1);
        }
        // unless the segmenter reads the given name, or the whole name,
        // as one word before a delimiter (王先进, 范作义; not 王强说)
        return given_word_name(lat, p, sl);
    }
    let third = p + sl + 1;
    let Some(&c3) = chars.get(third) else {
        return Some(sl + 1);
    };
    if !is_han(c3) || is_punct(c3) {
        return Some(sl + 1);
    }
    // a delimiter right after three characters: 刘建中等, 贾利民、
    let c4 = chars.get(third + 1).copied().unwrap_or('。');
    // (a numeral may end a given name before a delimiter: 张少一、)
    let numeral_end = r.lex.function_words.numeral.has_char(c3) && is_punct(c4);
    if sl == 1
        && (is_punct(c4) || pw.list_name_follower.has_char(c4))
        && (!pw.after_name.has_char(c3) || numeral_end)
    {
        return Some(3);
    }
    if pw.after_name.has_char(c3) {
        return Some(sl + 1);
    }
    // the start of a predicate right after three characters (刘某贵在,
    // 陈光明说), unless the third starts a verb of two (王刚强调)
    // (or a report verb the segmenter did not cut out, where no word of
    // two starts at the fourth: 陈某汇报了, not 王志强调研)
    let word_at_fourth = lat
        .token(third + 1)
        .is_some_and(|t| t.start == third + 1 && t.end >= third + 3);
    // (a verb that the segmenter made of the third and a verb of saying
    // after the name is the name's end and that verb: 陈建明说, 明说)
    let glued_saying = pw.after_post_name.has_char(c4) && !report_verb_at(r, lat, third);
    let verb_at_third = lat.token(third).is_some_and(|t| {
        t.start == third
            && t.end == third + 2
            && r.tags().predicate_verb.contains(t.tag)
            && !glued_saying
    }) || report_verb_at(r, lat, third) && !word_at_fourth;
    // (nor where the segmenter reads the third and the fourth as a
    // frequent word: 王立 + 代表县政府, not 王立代 + 表; 刘某贵 + 在 stays)
    let word_at_third = lat.token(third).is_some_and(|t| {
        let w = lat.str(third, third + 2);
        t.start == third
            && t.end == third + 2
            && r.common_word(w)
            && r.word_freq(w) >= super::COMMON_WORD
    });
    if sl == 1 && pw.after_name.has_char(c4) && !verb_at_third && !word_at_third {
        return Some(3);
    }
    // a word starting at the third character (出席, 荣获, 分别) ends the name
    for (_, pieces, len) in lat.pieces_at(third) {
        if len >= 2 && pieces.iter().any(|x| matches!(x, Piece::Post)) {
            return Some(sl + 1);
        }
    }
    // (unless the segmenter reads the three as a person's name: 王建军 +
    // 列席, not 王建 + 军列)
    let whole = name_token(r, lat, p) == Some(sl + 2);
    for len in [2usize, 3] {
        let w = lat.text(third, third + len);
        if w.chars().count() == len && r.common_word(&w) && !whole {
            return Some(sl + 1);
        }
    }
    Some(sl + 2)
}

/// A name of a one-character surname at `p` whose given name opens with
/// a character that often follows names (先, 作): the segmenter's word of
/// the given name's two characters or of the whole three, right before a
/// delimiter; its length.
fn given_word_name(lat: &Lattice, p: usize, sl: usize) -> Option<usize> {
    let end = p + sl + 2;
    let nx = lat.chars.get(end).copied().unwrap_or('。');
    if sl != 1 || !lat.chars[p..end.min(lat.len())].iter().all(|c| is_han(*c)) || !is_punct(nx) {
        return None;
    }
    let word = |s: usize| lat.token(s).is_some_and(|t| t.start == s && t.end == end);
    (word(p + sl) || word(p)).then_some(sl + 2)
}

/// The length of jieba's person-name token (two or three characters)
/// starting at `p`, if one does.
fn name_token(r: &Recognizer, lat: &Lattice, p: usize) -> Option<usize> {
    lat.token(p)
        .filter(|t| {
            t.start == p
                && r.tags().person_name.contains(t.tag)
                && (2..=3).contains(&(t.end - t.start))
        })
        .map(|t| t.end - t.start)
}

/// A name in a list or roster, where the layout already says it is a name:
/// only words that are far more often words (文明, 关心) are refused.
pub(crate) fn listed_name(r: &Recognizer, name: &str) -> bool {
    !(r.lex.posts.contains_key(name)
        || r.is_word(name) && r.word_freq(name) >= 1000
        || no_given_name_end(r, name))
}

/// Whether a name ends as the names of villages and towns (李家营) or the
/// short names of organs (农环委) do, and hardly ever a given name.
fn no_given_name_end(r: &Recognizer, name: &str) -> bool {
    let pw = &r.lex.person_words;
    pw.place_end.ends(name) || pw.organ_end.ends(name)
}

/// Whether a candidate name is plausible: not an ordinary word (关心, 方案),
/// not containing a post title (任组长).
pub(crate) fn plausible_name(r: &Recognizer, name: &str) -> bool {
    // a village (库口村) is no person, nor a division by its full name (邓州市)
    if r.common_word(name)
        || r.lex.head_words.village_head.ends(name)
        || no_given_name_end(r, name)
        || r.lex.division_by_name.contains_key(name)
    {
        return false;
    }
    // nor a very frequent word and a character (计划总投资: 计划 + 总)
    let head: String = name.chars().take(2).collect();
    if name.chars().count() == 3 && r.common_word(&head) && r.word_freq(&head) >= 5000 {
        return false;
    }
    // a word with a derivational ending is no name (常态化, 积极性, 干部们)
    if name.chars().count() == 3 && r.lex.person_words.derivational_suffix.ends(name) {
        let stem: String = name.chars().take(2).collect();
        if r.is_word(&stem) {
            return false;
        }
    }
    // dictionary words tagged as names but frequent as words (文明, 安全感)
    if r.is_word(name) {
        let rank = surname_rank(r, name);
        let freq = r.word_freq(name);
        if freq >= 1000 || freq >= 100 && rank > 60 {
            return false;
        }
    }
    let chars: Vec<char> = name.chars().collect();
    for i in 0..chars.len() {
        for j in i + 2..=chars.len() {
            let w: String = chars[i..j].iter().collect();
            if r.lex.posts.contains_key(&w) {
                return false;
            }
        }
    }
    // the given name must not be a frequent ordinary word either (王管理);
    // given names are often words (利民, 永明, 清泉)
    let given: String = chars[1..].iter().collect();
    !(given.chars().count() == 2 && r.common_word(&given) && r.word_freq(&given) >= 2000)
}

/// How a found name is written: its post, its body, where it was found.
struct Found {
    /// The post written with the name.
    post: Option<String>,
    /// Where the mention of the person's body ends.
    org_end: Option<usize>,
    /// How the name was found.
    source: PersonSource,
}

/// Pushes people found without a post or a body, each span a name.
fn push_people(
    out: &mut Vec<Mention>,
    covered: &mut [bool],
    lat: &Lattice,
    spans: impl IntoIterator<Item = (usize, usize)>,
    source: PersonSource,
) {
    for (s, e) in spans {
        let f = Found {
            post: None,
            org_end: None,
            source,
        };
        push_person(out, covered, lat, s, e, f);
    }
}

/// Adds the person `s..e` as found, unless a mention covers part of it.
fn push_person(
    out: &mut Vec<Mention>,
    covered: &mut [bool],
    lat: &Lattice,
    s: usize,
    e: usize,
    f: Found,
) {
    let Found {
        post,
        org_end,
        source,
    } = f;
    if covered[s..e].iter().any(|c| *c) {
        return;
    }
    out.push(Mention {
        start: s,
        end: e,
        text: lat.text(s, e),
        kind: MentionKind::Person {
            name: unspaced(&lat.chars[s..e]),
            post,
            org_end,
            source,
        },
    });
    cover(covered, s, e);
}

/// The end of a name of two characters that a credit pads with a space to
/// the width of three (记者 王 伟): a surname of one character, the space,
/// one more character, then no Han character before `pe`.
fn padded_name(r: &Recognizer, chars: &[char], j: usize, pe: usize) -> Option<usize> {
    let e = j + 3;
    let shape = e <= pe
        && is_han(chars[j])
        && chars[j + 1].is_whitespace()
        && is_han(chars[j + 2])
        && chars.get(e).is_none_or(|c| !is_han(*c));
    if !shape || surname_len(r, chars, j) != Some(1) {
        return None;
    }
    listed_name(r, &unspaced(&chars[j..e])).then_some(e)
}

/// Bylines, signatures and lines of names.
pub(crate) fn structured(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let chars = &lat.chars;
    let n = chars.len();
    // paragraphs
    let mut ps = 0;
    let mut last = None;
    while ps < n {
        let pe = (ps..n).find(|&k| chars[k] == '\n').unwrap_or(n);
        paragraph(r, lat, ps, pe, out, covered);
        if chars[ps..pe].iter().any(|c| !c.is_whitespace()) {
            last = Some((ps, pe));
        }
        ps = pe + 1;
    }
    if let Some((ps, pe)) = last {
        signing_line(r, lat, ps, pe, out, covered);
    }
}

/// The line closing a text with the body that signs it and its writers
/// (某县政协 王某; 某县融媒体中心 王某 李某): a body's name as the first
/// word, then one to three names, separated by spaces; the writers belong
/// to the body.
fn signing_line(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let chars = &lat.chars;
    let words = split_words(chars, ps, pe);
    let [(bs, be), names @ ..] = words.as_slice() else {
        return;
    };
    if !(1..=3).contains(&names.len()) || covered[*bs..*be].iter().any(|c| *c) {
        return;
    }
    let body = chain::parse(r, lat, *bs).is_some_and(|(c, e)| e == *be && !c.links.is_empty());
    let all_names = names.iter().all(|&(a, b)| {
        delimited_name(r, chars, a, b)
            && listed_name(r, lat.str(a, b))
            && !covered[a..b].iter().any(|c| *c)
    });
    if !body || !all_names {
        return;
    }
    for &(a, b) in names {
        let f = Found {
            post: None,
            org_end: Some(*be),
            source: PersonSource::Signature,
        };
        push_person(out, covered, lat, a, b, f);
    }
}

/// The people of the paragraph `ps..pe` laid out as names: a roster line,
/// else a line of names only, else the names after media posts; then the
/// signatures in brackets.
fn paragraph(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    if roster_line(r, lat, ps, pe, out, covered)
        || names_line(r, lat, ps, pe, out, covered)
        || masthead_names(r, lat, ps, pe, out, covered)
    {
        return;
    }
    media_bylines(r, lat, ps, pe, out, covered);
    signatures(r, lat, ps, pe, out, covered);
    photo_credit(r, lat, ps, pe, out, covered);
}

/// The photographer's credit closing a paragraph or caption (…考察。王强
/// 摄, 李明供图): a name of two or three characters right before the
/// credit word, after punctuation, a space or the start of the paragraph.
fn photo_credit(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let chars = &lat.chars;
    let mut end = pe;
    while end > ps && (chars[end - 1].is_whitespace() || is_close_bracket(chars[end - 1])) {
        end -= 1;
    }
    let Some(word) = r.lex.person_words.credit_end.ending(lat.str(ps, end)) else {
        return;
    };
    let mut k = end - word.chars().count();
    while k > ps && (chars[k - 1].is_whitespace() || SLASHES.contains(&chars[k - 1])) {
        k -= 1;
    }
    let found = [3, 2].into_iter().find_map(|l| {
        let s = k.checked_sub(l).filter(|&s| s >= ps)?;
        let left = s == ps || is_punct(chars[s - 1]) || !is_han(chars[s - 1]);
        let name = lat.text(s, k);
        (left && chars[s..k].iter().all(|c| is_han(*c)) && delimited_name(r, chars, s, k))
            .then_some(s)
            .filter(|_| listed_name(r, &name))
    });
    // (a name after its post is the post's: 记者 王强摄)
    let after_post = |s: usize| {
        let mut p = s;
        while p > ps && chars[p - 1] == ' ' {
            p -= 1;
        }
        !lat.ending_at(p, |x| matches!(x, Piece::Post)).is_empty()
    };
    if let Some(s) = found.filter(|&s| !after_post(s)) {
        let f = Found {
            post: None,
            org_end: None,
            source: PersonSource::Byline,
        };
        push_person(out, covered, lat, s, k, f);
    }
}

/// A paragraph of names only (王素兰 赵华丽; □杨国胜 都镇强 王成波 高斐):
/// at most eight words of two or three Han characters, two thirds of them
/// names, none an ordinary word, and two of them or a byline mark before
/// one. Adds them; whether the paragraph was one.
fn names_line(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) -> bool {
    let chars = &lat.chars;
    let body_start = if chars.get(ps).is_some_and(|c| BYLINE_MARKS.contains(c)) {
        ps + 1
    } else {
        ps
    };
    let words = split_words(chars, body_start, pe);
    let valid = words
        .iter()
        .filter(|&&(s, e)| delimited_name(r, chars, s, e))
        .count();
    let hanword = |&(s, e): &(usize, usize)| {
        (2..=3).contains(&(e - s)) && chars[s..e].iter().all(|c| is_han(*c))
    };
    let line = !words.is_empty()
        && words.len() <= 8
        && words.iter().all(hanword)
        && valid * 3 >= words.len() * 2
        && (words.len() >= 2 || body_start > ps)
        && words.iter().all(|&(s, e)| !r.common_word(lat.str(s, e)));
    if line {
        let (media, people): (Vec<_>, Vec<_>) = words
            .into_iter()
            .partition(|&(s, e)| local_medium(r, lat, s, e));
        for (s, e) in media {
            out.push(Mention::organization(lat, s, e, lat.text(s, e)));
            cover(covered, s, e);
        }
        push_people(out, covered, lat, people, PersonSource::Byline);
    }
    line
}

/// The names between a masthead and the date of a page's header line
/// (某某日报 刘笑雪 曹婕妤 发布时间:2025年…): the paper's name opening the
/// line, a space, then a line of names up to the first digit or colon.
fn masthead_names(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) -> bool {
    let chars = &lat.chars;
    let Some(k) = (ps..pe).find(|&x| chars[x] == ' ') else {
        return false;
    };
    let medium = &r.lex.document_words.dispatch_medium;
    let paper = (3..=10).contains(&(k - ps))
        && chars[ps..k].iter().all(|c| is_han(*c))
        && medium.has_char(chars[k - 1]);
    if !paper {
        return false;
    }
    let stop = (k..pe)
        .find(|&x| chars[x].is_ascii_digit() || super::COLONS.contains(&chars[x]))
        .unwrap_or(pe);
    // (the label before the date, 发布时间, is no name)
    let mut e = stop;
    while e > k && chars[e - 1] != ' ' {
        e -= 1;
    }
    e > k + 1 && names_line(r, lat, k + 1, e, out, covered)
}

/// Whether the word `s..e` of a line of names is a local medium: a short
/// division name and a medium's last character (武宁台, 宜都网: the county's
/// station or site that signs the report with its people's names).
fn local_medium(r: &Recognizer, lat: &Lattice, s: usize, e: usize) -> bool {
    let medium = &r.lex.document_words.dispatch_medium;
    medium.has_char(lat.chars[e - 1])
        && lat
            .longest(s, |p| matches!(p, Piece::DivisionShort(_)))
            .is_some_and(|(len, _)| s + len + 1 == e)
}

/// The names after media posts in `ps..pe` (记者 王聪聪 通讯员 王强 方梦露,
/// 记者黄清标).
fn media_bylines(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let mut k = ps;
    while k < pe {
        let Some(post) = media_post_at(r, lat, k) else {
            k += 1;
            continue;
        };
        let j = names_after_media_post(r, lat, post, pe, out, covered);
        k = j.max(k + 1);
    }
}

/// A media post (记者, 通讯员) at `k`, or the longer post word ending where
/// it does and starting up to four characters before (全媒体记者): its
/// start and end.
fn media_post_at(r: &Recognizer, lat: &Lattice, k: usize) -> Option<(usize, usize)> {
    let is_post = |pieces: &[Piece]| pieces.iter().any(|p| matches!(p, Piece::Post));
    let (_, _, len) = lat.pieces_at(k).find(|&(s, pieces, _)| {
        is_post(pieces)
            && r.lex
                .posts
                .get(s)
                .is_some_and(|p| p.organ == PostOrgan::Media)
    })?;
    let end = k + len;
    let start = (k.saturating_sub(4)..k)
        .rev()
        .find(|&s0| {
            lat.pieces_at(s0)
                .any(|(_, pieces, l)| s0 + l == end && is_post(pieces) && l > len)
        })
        .unwrap_or(k);
    Some((start, end))
}

/// The names written after the media post `post_start..j`, up to `pe`:
/// delimited names, or one name glued to what follows (记者黄清标). Adds
/// them as people of the post; where they end.
fn names_after_media_post(
    r: &Recognizer,
    lat: &Lattice,
    (post_start, mut j): (usize, usize),
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) -> usize {
    let chars = &lat.chars;
    let post = lat.text(post_start, j);
    let byline = || Found {
        post: Some(post.clone()),
        org_end: Some(post_start),
        source: PersonSource::Byline,
    };
    let mut found = false;
    loop {
        while j < pe && CREDIT_SEPARATORS.contains(&chars[j]) {
            j += 1;
        }
        if let Some(e) = (j < pe).then(|| padded_name(r, chars, j, pe)).flatten() {
            push_person(out, covered, lat, j, e, byline());
            found = true;
            j = e;
            continue;
        }
        let e = (j..pe)
            .find(|&x| !is_han(chars[x]) || is_punct(chars[x]))
            .unwrap_or(pe);
        if e > j && delimited_name(r, chars, j, e) && listed_name(r, lat.str(j, e)) {
            push_person(out, covered, lat, j, e, byline());
            found = true;
            j = e;
            continue;
        }
        let glued = name_at(r, lat, j)
            .filter(|&l| plausible_name(r, lat.str(j, j + l)))
            .map(|l| j + l)
            .filter(|&after| {
                !found
                    && after <= pe
                    && (after == pe || is_punct(chars[after]) || !is_han(chars[after]))
            });
        let Some(after) = glued else {
            return j;
        };
        push_person(out, covered, lat, j, after, byline());
        found = true;
        j = after;
    }
}

/// Signatures in brackets in `ps..pe` (（建设科/刘金莉 王冠群）,
/// （市林业发展中心/常雪）) that close the paragraph or stand after
/// punctuation, not inside a sentence (各镇（中心）林业站).
fn signatures(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let chars = &lat.chars;
    let mut k = ps;
    while k < pe {
        if is_open_bracket(chars[k]) {
            let close = (k + 1..pe.min(k + 60)).find(|&x| is_close_bracket(chars[x]));
            let placed = |close: usize| k == ps || !is_han(chars[k - 1]) || close + 1 >= pe;
            if let Some(close) = close.filter(|&c| placed(c)) {
                signature(r, lat, k + 1, close, out, covered);
                if close + 1 >= pe {
                    // (王某 李某) closing a paragraph: its writers, unless
                    // the signature's units took the words (（高唐局）)
                    bracketed_names(r, lat, k + 1, close, out, covered);
                }
                k = close + 1;
                continue;
            }
        }
        // (an editor's name in square brackets closing the text: [ 王某 ])
        if let Some(&(_, closing)) = EDITOR_BRACKETS.iter().find(|(o, _)| *o == chars[k]) {
            let close = (k + 1..pe.min(k + 20)).find(|&x| chars[x] == closing);
            if let Some(close) = close.filter(|&c| c + 1 >= pe) {
                bracketed_names(r, lat, k + 1, close, out, covered);
            }
        }
        k += 1;
    }
}

/// The square brackets in which a page closes a text with its editor's
/// name ([ 王某 ], 【王某】).
const EDITOR_BRACKETS: &[(char, char)] = &[('[', ']'), ('【', '】'), ('［', '］')];

/// Lists of names separated by 、 (出席：姜艾平、孙 琳、李晓玲; 县领导卢海明、
/// 董国祥、樊雪刚、黎青等): three or more items that are all names; a name
/// may be padded with a space (孙 琳).
pub(crate) fn name_lists(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let chars = &lat.chars;
    let mut i = 0;
    while i < chars.len() {
        let (items, k) = list_at(chars, i);
        let names = if items.len() >= 2 {
            list_names(r, lat, &items)
        } else {
            Vec::new()
        };
        let long = names.len() >= 3;
        let post = names.last().and_then(|&(_, e)| post_after_list(r, lat, e));
        for (s, e) in names {
            // a short division name at the head of a name of three
            // characters (高明 in 高明远) gives way to the list; in a list
            // of three names or more, a place that is an item as a whole
            // does too (田林 among people)
            let exact = out.iter().any(|m| m.start == s && m.end == e);
            let freed = |out: &mut Vec<Mention>, covered: &mut [bool]| {
                if exact {
                    long && free_short_places(out, covered, s, e, true, true)
                } else {
                    e - s == 3 && free_short_places(out, covered, s, e, true, false)
                }
            };
            if covered[s..e].iter().any(|c| *c) && !freed(out, covered) {
                continue;
            }
            out.push(Mention {
                start: s,
                end: e,
                text: lat.text(s, e),
                kind: MentionKind::Person {
                    name: unspaced(&chars[s..e]),
                    post: post.clone(),
                    org_end: None,
                    source: PersonSource::Post,
                },
            });
            cover(covered, s, e);
        }
        i = k.max(i + 1);
    }
}

/// The post of a body written right after a list of names, over 等 and a
/// count of people (王某、李某等委员; 王某、李某8名委员): the post each
/// name of the list holds.
fn post_after_list(r: &Recognizer, lat: &Lattice, e: usize) -> Option<String> {
    let (c, fw) = (&lat.chars, &r.lex.function_words);
    let at = |k: usize, f: &dyn Fn(char) -> bool| c.get(k).is_some_and(|x| f(*x));
    let mut k = e;
    if at(k, &|x| fw.list_end.has_char(x)) {
        k += 1;
    }
    let count = k;
    while at(k, &|x| {
        x.is_ascii_digit() || fw.counting_numeral.has_char(x)
    }) {
        k += 1;
    }
    if k > count {
        if !at(k, &|x| r.lex.person_words.people_count.has_char(x)) {
            return None;
        }
        k += 1;
    }
    let (len, _) = lat.longest(k, |p| matches!(p, Piece::Post))?;
    let post = lat.text(k, k + len);
    let of_body = (r.lex.posts.get(&post))
        .is_some_and(|p| !matches!(p.organ, PostOrgan::Media | PostOrgan::None));
    // (the post is a word: not 委员 of 等委员会)
    (of_body && lat.tok_boundary(k + len)).then_some(post)
}

/// The characters without spaces.
fn unspaced(chars: &[char]) -> String {
    chars.iter().filter(|c| !c.is_whitespace()).collect()
}

/// The items of a list starting at `i`: runs of Han characters, with
/// inner spaces (孙 琳), separated by 、; with where the list ends.
fn list_at(chars: &[char], i: usize) -> (Vec<(usize, usize)>, usize) {
    let n = chars.len();
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut k = i;
    loop {
        let s = k;
        while k < n
            && (is_han(chars[k]) || chars[k] == ' ' && k > s && k + 1 < n && is_han(chars[k + 1]))
        {
            k += 1;
        }
        if k == s {
            break;
        }
        items.push((s, k));
        // (a note in brackets after a name: 王某（县委副书记）、李某)
        if k < n && super::is_open_bracket(chars[k]) {
            let end = (k + NOTE_REACH).min(n);
            match (k + 1..end).find(|&x| super::is_close_bracket(chars[x])) {
                Some(close) => k = close + 1,
                None => break,
            }
        }
        if k < n && chars[k] == '、' {
            k += 1;
            continue;
        }
        break;
    }
    (items, k)
}

/// How far after a name of a list the bracket closing its note may stand.
const NOTE_REACH: usize = 24;

/// The names of a list's items when it is a list of names: most items are
/// names, and of two items both are, with common surnames. None otherwise.
fn list_names(r: &Recognizer, lat: &Lattice, items: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let chars = &lat.chars;
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut bad = 0usize;
    for ix in 0..items.len() {
        match item_name(r, lat, items, ix) {
            Some(c) => names.push(c),
            None => bad += 1,
        }
    }
    let strict = |&(s, e): &(usize, usize)| {
        let txt = unspaced(&chars[s..e]);
        let first: String = txt.chars().take(1).collect();
        plausible_name(r, &txt) && r.lex.surnames.get(&first).is_some_and(|rank| *rank <= 200)
    };
    if names.len() < 2
        || bad > 0 && items.len() < 5
        || bad * 5 > items.len()
        || items.len() == 2 && (bad > 0 || !names.iter().all(strict))
    {
        names.clear();
    } else if bad > 0 {
        // inside a list of names, an item between two others that is a
        // frequent word as well (黄河, 高峰) is a name too
        names = (0..items.len())
            .filter_map(|ix| item_name(r, lat, items, ix).or_else(|| word_name(r, lat, items, ix)))
            .collect();
    }
    names
}

/// Item `ix` of a list of names, between two others, when it is a name
/// that is a word as well: two or three characters, a surname first, no
/// post.
fn word_name(
    r: &Recognizer,
    lat: &Lattice,
    items: &[(usize, usize)],
    ix: usize,
) -> Option<(usize, usize)> {
    let (s, e) = items[ix];
    let txt = lat.text(s, e);
    (ix > 0
        && ix + 1 < items.len()
        && (2..=3).contains(&(e - s))
        && surname_len(r, &lat.chars, s).is_some()
        && !r.lex.posts.contains_key(&txt))
    .then_some((s, e))
}

/// The name of item `ix` of a list: the tail of the first item, which may
/// carry a lead-in (县领导卢海明); the head of the last, which may end with
/// 等 or a verb (黎青等); any other item whole.
fn item_name(
    r: &Recognizer,
    lat: &Lattice,
    items: &[(usize, usize)],
    ix: usize,
) -> Option<(usize, usize)> {
    let chars = &lat.chars;
    let name_of = |&(s, e): &(usize, usize)| spaced_name(r, chars, s, e);
    // (a Tibetan or Mongolian name among them: 扎西次仁, 图嘎)
    let transcribed = |&(s, e): &(usize, usize)| {
        transcription(&r.lex.person_words, &chars[s..e]).then_some((s, e))
    };
    let it = items[ix];
    if ix == 0 {
        let l = (it.1 - it.0).min(3);
        let cand = [(it.1 - l, it.1), (it.1.saturating_sub(2).max(it.0), it.1)];
        return cand.iter().find_map(name_of).or_else(|| transcribed(&it));
    }
    if ix + 1 < items.len() {
        return name_of(&it).or_else(|| transcribed(&it));
    }
    let cand = [(it.0, (it.0 + 3).min(it.1)), (it.0, (it.0 + 2).min(it.1))];
    let closed = |c: &(usize, usize)| {
        let rest = lat.text(c.1, it.1);
        r.lex.function_words.list_end.starts(&rest)
            || rest.is_empty()
            || !is_han(*chars.get(c.1).unwrap_or(&'。'))
    };
    // (a name closed by 等 before one run into a verb: 黎青等一同)
    name_of(&it)
        .or_else(|| transcribed(&it))
        .or_else(|| cand.iter().find_map(|c| name_of(c).filter(closed)))
        .or_else(|| (cand.iter()).find_map(|c| name_of(c).filter(|c| predicate_word_at(lat, c.1))))
}

/// Whether a word of two characters or more that is an adverb, a verb or a
/// preposition starts at `p` (the predicate after the last name of a list:
/// 李明分别参加, 王强陪同).
fn predicate_word_at(lat: &Lattice, p: usize) -> bool {
    lat.token(p).is_some_and(|t| {
        t.start == p && t.end >= p + 2 && matches!(t.tag, Tag::D | Tag::V | Tag::P)
    })
}

/// Whether a function word of one character (an adverb, preposition or
/// conjunction: 就, 对, 和) stands at `p` as a token of its own.
fn function_char_at(lat: &Lattice, p: usize) -> bool {
    lat.token(p).is_some_and(|t| {
        t.start == p && t.end == p + 1 && matches!(t.tag, Tag::D | Tag::P | Tag::C)
    })
}

/// `s..e` when it is a listed name of two or three characters once its
/// spaces are dropped.
fn spaced_name(r: &Recognizer, chars: &[char], s: usize, e: usize) -> Option<(usize, usize)> {
    let txt = unspaced(&chars[s..e]);
    let cs: Vec<char> = txt.chars().collect();
    ((2..=3).contains(&cs.len()) && delimited_name(r, &cs, 0, cs.len()) && listed_name(r, &txt))
        .then_some((s, e))
}

/// Names that jieba tags as person names (nr), written where names are
/// written: after a post, before 同志, in a list, before a speech verb.
pub(crate) fn tagged_names(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let pw = &r.lex.person_words;
    let lead_reach = (pw.name_lead.iter().chain(pw.person_lead.iter()))
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    for t in &lat.tokens {
        if !r.tags().person_name.contains(t.tag) || !(2..=3).contains(&(t.end - t.start)) {
            continue;
        }
        if covered[t.start..t.end].iter().any(|c| *c) {
            continue;
        }
        let name = lat.text(t.start, t.end);
        let cs: Vec<char> = name.chars().collect();
        if !delimited_name(r, &cs, 0, cs.len()) || !plausible_name(r, &name) {
            continue;
        }
        let before = if t.start > 0 {
            lat.chars[t.start - 1]
        } else {
            '。'
        };
        let after = lat.text(t.end, t.end + 2);
        // (the words before the name, as far back as the longest lead)
        let before_name = lat.text(t.start.saturating_sub(lead_reach), t.start);
        let lead = pw.name_lead.ends(&before_name);
        let ctx_before = is_punct(before) || before == '、' || lead;
        let ctx_after = after.starts_with(AFTER_TAGGED)
            || r.lex.function_words.list_end.starts(&after)
            || pw.speech_after.starts(&after);
        // a word for one person right before (村民张某) or a form of
        // address right after (张某同志) is enough alone
        let person_lead = pw.person_lead.ends(&before_name);
        let addressed = pw.title_after.starts(&after);
        // (a name the segmenter cut in two, 巴桑|罗布, is not this one)
        let split = lat
            .token(t.end)
            .is_some_and(|n| n.start == t.end && r.tags().person_name.contains(n.tag))
            && !pw.report_verb.starts(&after)
            && !pw.speech_after.starts(&after);
        if split {
            continue;
        }
        let context = ctx_before && ctx_after || person_lead || addressed;
        if !context || listed_among_words(r, lat, t) || listed_among_places(lat, out, t) {
            continue;
        }
        if quoted(lat, t) {
            continue;
        }
        out.push(Mention {
            start: t.start,
            end: t.end,
            text: name.clone(),
            kind: MentionKind::Person {
                name,
                post: None,
                org_end: None,
                source: PersonSource::Post,
            },
        });
        cover(covered, t.start, t.end);
    }
    names_after_person_lead(r, lat, out, covered);
    appointed_names(r, lat, out, covered);
}

/// Names right after a verb of appointing or removing and before 为 or
/// 的 (任命王某为某局局长, 免去李某的某局局长职务), of two or three
/// characters, several joined by 、.
fn appointed_names(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let pw = &r.lex.person_words;
    let closes = |k: usize| {
        lat.chars.get(k).is_some_and(|c| {
            pw.post_verb.has_char(*c) || r.lex.function_words.attributive.has_char(*c)
        })
    };
    for s in 0..lat.len() {
        let Some((_, len)) = lat.word_at(s, &pw.appoint_verb) else {
            continue;
        };
        let mut k = s + len;
        while let Some(l) = name_at(r, lat, k).or_else(|| name_token(r, lat, k)) {
            let name = lat.text(k, k + l);
            let next = lat.chars.get(k + l).copied();
            let listed = next == Some('、');
            if covered[k..k + l].iter().any(|c| *c)
                || !plausible_name(r, &name)
                || !(listed || closes(k + l))
            {
                break;
            }
            let f = Found {
                post: None,
                org_end: None,
                source: PersonSource::Post,
            };
            push_person(out, covered, lat, k, k + l, f);
            if !listed {
                break;
            }
            k += l + 1;
        }
    }
}

/// Names right after a word for one person (居民梁某某点赞, 务工人员黄某某
/// 笑着说) that the segmenter tagged as no name: a common surname and a
/// given name of two characters, by the surname rule.
fn names_after_person_lead(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let pw = &r.lex.person_words;
    for s in 0..lat.len() {
        let Some((_, len)) = lat.word_at(s, &pw.person_lead) else {
            continue;
        };
        let k = s + len;
        let Some(l) = name_at(r, lat, k).filter(|&l| l == 3) else {
            continue;
        };
        let name = lat.text(k, k + l);
        if covered[s..k + l].iter().any(|c| *c)
            || surname_rank(r, &name) > COMMON_SURNAMES
            || !plausible_name(r, &name)
        {
            continue;
        }
        out.push(Mention {
            start: k,
            end: k + l,
            text: name.clone(),
            kind: MentionKind::Person {
                name,
                post: None,
                org_end: None,
                source: PersonSource::Post,
            },
        });
        cover(covered, k, k + l);
    }
}

/// Whether a tagged name stands in a list beside ordinary words (公安、卫健、
/// 教育体育等部门: the sectors of bodies, not people): the item before or
/// after it is a dictionary word of another kind than a name.
fn listed_among_words(r: &Recognizer, lat: &Lattice, t: &Token) -> bool {
    let c = &lat.chars;
    let fw = &r.lex.function_words;
    let delimits = |k: usize| {
        c.get(k)
            .is_none_or(|ch| is_punct(*ch) || fw.list_end.has_char(*ch))
    };
    // the name is an item itself (not the subject of a verb: …、某某荣获)
    if !delimits(t.end) {
        return false;
    }
    // a neighbouring item of ordinary words only, from delimiter to
    // delimiter (农业农村, 教育体育)
    let words = |s: usize, e: usize| {
        let mut k = s;
        while k < e {
            match lat.token(k) {
                Some(n) if n.start == k && n.end <= e && r.common_word(lat.str(n.start, n.end)) => {
                    k = n.end;
                }
                _ => return false,
            }
        }
        (2..=6).contains(&(e - s))
    };
    // or the next item's noun right at the comma, a common word that is
    // no post, name or place (农贸市场、商超: 市场; 获得感、幸福感)
    let common_noun = |n: &Token| {
        let w = lat.text(n.start, n.end);
        n.end - n.start >= 2
            && r.common_word(&w)
            && !r.tags().person_name.contains(n.tag)
            && !r.lex.posts.contains_key(&w)
            && !r.lex.division_by_short.contains_key(&w)
            && r.tags().plain_noun.contains(n.tag)
    };
    let before = t.start >= 2 && c[t.start - 1] == '、' && {
        let e = t.start - 1;
        let s = (0..e).rev().find(|&k| delimits(k)).map_or(0, |k| k + 1);
        words(s, e)
            || lat
                .token(e - 1)
                .is_some_and(|n| n.end == e && common_noun(n))
    };
    let after = c.get(t.end) == Some(&'、') && {
        let s = t.end + 1;
        let e = (s..c.len()).find(|&k| delimits(k)).unwrap_or(c.len());
        words(s, e) || lat.token(s).is_some_and(|n| n.start == s && common_noun(n))
    };
    before || after
}

/// Whether a tagged name is an item of a list whose item right before or
/// after is a place (某某闸口、马庄堤、某某村: sites listed, not people).
fn listed_among_places(lat: &Lattice, out: &[Mention], t: &Token) -> bool {
    let c = &lat.chars;
    let place = |m: &&Mention| m.etype() == Some(EntityType::Place);
    let before = t.start >= 2
        && c[t.start - 1] == '、'
        && out.iter().filter(place).any(|m| m.end == t.start - 1);
    let after =
        c.get(t.end) == Some(&'、') && out.iter().filter(place).any(|m| m.start == t.end + 1);
    before || after
}

/// Whether a token stands inside quotation marks of the same clause (“古某、
/// 红某”: a slogan's words, not people).
fn quoted(lat: &Lattice, t: &Token) -> bool {
    let c = &lat.chars;
    let open = (t.start.saturating_sub(20)..t.start)
        .rev()
        .take_while(|&k| c[k] != '”' && !is_punct(c[k]) || c[k] == '、' || c[k] == '“')
        .any(|k| c[k] == '“');
    let close = (t.end..c.len().min(t.end + 20))
        .take_while(|&k| c[k] != '“' && (!is_punct(c[k]) || c[k] == '、' || c[k] == '”'))
        .any(|k| c[k] == '”');
    open && close
}

/// A roster line: an optional label (组 长:), a name (possibly padded: 龚 正),
/// a space, and the posts it holds (市政府副秘书长、市发展改革委主任).
fn roster_line(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) -> bool {
    let Some((s, e)) = roster_name(&lat.chars, ps, pe) else {
        return false;
    };
    // a credit line (撰稿:王某 编辑:李某) is no roster
    if credit_label(r, lat, ps, s) {
        return false;
    }
    let name = unspaced(&lat.chars[s..e]);
    let cs: Vec<char> = name.chars().collect();
    if !delimited_name(r, &cs, 0, cs.len()) || !listed_name(r, &name) {
        return false;
    }
    // the rest holds a post and no sentence
    let rest = lat.text(e, pe);
    if rest.contains('。') || rest.chars().count() > 60 {
        return false;
    }
    let has_post = (e..pe).any(|x| {
        lat.pieces_at(x)
            .any(|(_, ps, _)| ps.iter().any(|p| matches!(p, Piece::Post)))
    });
    if !has_post || covered[s..e].iter().any(|c| *c) {
        return false;
    }
    out.push(Mention {
        start: s,
        end: e,
        text: lat.text(s, e),
        kind: MentionKind::Person {
            name,
            post: None,
            org_end: Some(pe),
            source: PersonSource::Roster,
        },
    });
    cover(covered, s, e);
    true
}

/// Whether the label before a roster name at `s` (撰稿:) is a newsroom
/// role's.
fn credit_label(r: &Recognizer, lat: &Lattice, ps: usize, s: usize) -> bool {
    let label: String = lat.chars[ps..s].iter().filter(|c| is_han(**c)).collect();
    r.lex
        .posts
        .get(&label)
        .is_some_and(|p| p.organ == PostOrgan::Media)
}

/// Where the name of a roster line `ps..pe` is written: after an optional
/// label and its colon, two or three Han characters with at most one inner
/// space after the first (龚 正), followed by a space.
fn roster_name(chars: &[char], ps: usize, pe: usize) -> Option<(usize, usize)> {
    let mut k = ps;
    if let Some(colon) = (ps..pe.min(ps + 8)).find(|&x| COLONS.contains(&chars[x])) {
        if chars[ps..colon].iter().all(|c| is_han(*c) || *c == ' ') {
            k = colon + 1;
        }
    }
    while k < pe && chars[k] == ' ' {
        k += 1;
    }
    let s = k;
    let mut han = 0;
    let mut spaces = 0;
    while k < pe && han < 4 {
        if is_han(chars[k]) {
            han += 1;
        } else if chars[k] == ' ' && spaces == 0 && han == 1 && k + 1 < pe && is_han(chars[k + 1]) {
            spaces += 1;
        } else {
            break;
        }
        k += 1;
        // a space after two characters ends the name (龚 正 市长, 马春雷 市…)
        if han >= 2 && k < pe && chars[k] == ' ' {
            break;
        }
    }
    ((2..=3).contains(&han) && k < pe && chars[k] == ' ').then_some((s, k))
}

/// Splits `s..e` at spaces into words.
fn split_words(chars: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = s;
    while i < e {
        while i < e && chars[i] == ' ' {
            i += 1;
        }
        let st = i;
        while i < e && chars[i] != ' ' {
            i += 1;
        }
        if i > st {
            out.push((st, i));
        }
    }
    out
}

/// Names in brackets `s..e` that close a paragraph ((王某) or (王某 李某
/// 张某) after a report): its writers. Every word must be a name, or a
/// media post (通讯员), which the names after it hold, or one word right
/// after such a post, the body its writer works for ((王某 通讯员 某县市场
/// 监管局 李某)); no ordinary word.
fn bracketed_names(
    r: &Recognizer,
    lat: &Lattice,
    s: usize,
    e: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let chars = &lat.chars;
    let words = split_words(chars, s, e);
    if words.is_empty() || words.len() > 8 {
        return;
    }
    let media = |w: &str| (r.lex.posts.get(w)).is_some_and(|p| p.organ == PostOrgan::Media);
    let mut found: Vec<(usize, usize, Option<String>)> = Vec::new();
    let mut post: Option<String> = None;
    let mut after_post = false;
    let mut ix = 0;
    while ix < words.len() {
        let (a, mut b) = words[ix];
        ix += 1;
        // (a name of two characters padded to three: 李 琦)
        let padded = (words.get(ix))
            .and_then(|&(_, nb)| padded_name(r, chars, a, nb).filter(|&pe| pe == nb))
            .filter(|_| b == a + 1);
        if let Some(pe) = padded {
            b = pe;
            ix += 1;
        }
        let w = lat.text(a, b);
        let name = (padded.is_some() || delimited_name(r, chars, a, b) && listed_name(r, &w))
            && !covered[a..b].iter().any(|c| *c);
        if media(&w) {
            post = Some(w);
            after_post = true;
        } else if name {
            found.push((a, b, post.clone()));
            after_post = false;
        } else if after_post {
            after_post = false;
        } else {
            return;
        }
    }
    for (a, b, post) in found {
        let f = Found {
            post,
            org_end: None,
            source: PersonSource::Signature,
        };
        push_person(out, covered, lat, a, b, f);
    }
}

/// A signature inside brackets `s..e`: units before `/`, names after it,
/// people of the last unit.
fn signature(
    r: &Recognizer,
    lat: &Lattice,
    s: usize,
    e: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let chars = &lat.chars;
    let slash = (s..e).find(|&k| SLASHES.contains(&chars[k]));
    let units_end = slash.unwrap_or(e);
    let Some(last_unit) = signature_units(r, lat, s, units_end, out, covered) else {
        return;
    };
    let Some(slash) = slash else {
        return;
    };
    for (a, b) in split_words(chars, slash + 1, e) {
        if delimited_name(r, chars, a, b) {
            let f = Found {
                post: None,
                org_end: last_unit,
                source: PersonSource::Signature,
            };
            push_person(out, covered, lat, a, b, f);
        }
    }
}

/// The units of a signature, `s..e` before its slash: chains, or bare
/// internal units of the article's body (建设科, 自然保护地管理科). Adds
/// them; where the last ends. None when this is no signature: a word that
/// is not all Han, or one covered already (the units of the words before
/// it stay).
fn signature_units(
    r: &Recognizer,
    lat: &Lattice,
    s: usize,
    e: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) -> Option<Option<usize>> {
    let chars = &lat.chars;
    let words = split_words(chars, s, e);
    let han = |&(a, b): &(usize, usize)| chars[a..b].iter().all(|c| is_han(*c));
    if words.is_empty() || !words.iter().all(han) {
        return None;
    }
    let mut last_unit = None;
    for (a, b) in words {
        if covered[a..b].iter().any(|c| *c) {
            return None;
        }
        let mut p = a;
        while p < b {
            let Some((ch, end)) = signature_unit(r, lat, p, b) else {
                break;
            };
            out.push(Mention {
                start: p,
                end,
                text: lat.text(p, end),
                kind: MentionKind::Chain(ch),
            });
            last_unit = Some(end);
            cover(covered, p, end);
            p = end;
        }
    }
    Some(last_unit)
}

/// A unit of a signature at `p`, ending by `b`: a chain with a body, or a
/// bare unit (建设科, 许可科).
fn signature_unit(
    r: &Recognizer,
    lat: &Lattice,
    p: usize,
    b: usize,
) -> Option<(chain::Chain, usize)> {
    let parsed = chain::parse(r, lat, p).filter(|(c, end)| *end <= b && !c.links.is_empty());
    if parsed.is_some() {
        return parsed;
    }
    let (link, end) = chain::generic_at(r, lat, p, SuffixRole::Unit, 10).filter(|u| u.1 <= b)?;
    let ch = chain::Chain {
        links: vec![link],
        ends: vec![end],
        ..Default::default()
    };
    Some((ch, end))
}

/// A post followed by a name: 区委书记李辉, 讲解员曲艺, 县领导卢海明、董国祥.
pub(crate) fn by_post(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let n = lat.len();
    // (a short place name right after a post may be the name, and so may
    // any place that opens a list: 处长黄河、…; their starts, looked up once)
    let short_places: crate::lexicon::HashSet<usize> = out
        .iter()
        .filter(|m| {
            matches!(&m.kind, MentionKind::Place(p)
                if p.short || lat.chars.get(m.end) == Some(&'、'))
        })
        .map(|m| m.start)
        .collect();
    let mut k = 0;
    while k < n {
        let Some((len, _)) = lat.longest(k, |p| matches!(p, Piece::Post)) else {
            k += 1;
            continue;
        };
        let j = k + len;
        if j < n && covered[j] && !short_places.contains(&j) {
            k = j;
            continue;
        }
        names_after_post(r, lat, (k, j), out, covered);
        k += len.max(1);
    }
}

/// The length of a short note in brackets at `p` (（正科级）, （挂职）: a
/// few characters, no other bracket inside), else 0.
fn bracket_note(lat: &Lattice, p: usize) -> usize {
    let c = &lat.chars;
    if !c.get(p).is_some_and(|x| is_open_bracket(*x)) {
        return 0;
    }
    (p + 2..(p + MAX_NOTE + 2).min(c.len()))
        .find(|&k| is_close_bracket(c[k]))
        .filter(|&k| c[p + 1..k].iter().all(|x| is_han(*x)))
        .map_or(0, |k| k + 1 - p)
}

/// Where a short note in brackets ending right before `pos` opens (镇长|
/// （正科级）), else `pos`: the note [`bracket_note`] reads after a post,
/// read back from the name.
pub(crate) fn note_before(chars: &[char], pos: usize) -> usize {
    if pos == 0 || !is_close_bracket(chars[pos - 1]) {
        return pos;
    }
    let from = pos.saturating_sub(MAX_NOTE + 2);
    (from..pos - 1)
        .rev()
        .find(|&k| !is_han(chars[k]))
        .filter(|&k| is_open_bracket(chars[k]) && k + 1 < pos - 1)
        .unwrap_or(pos)
}

/// The longest note in brackets between a post and its holder's name.
const MAX_NOTE: usize = 6;

/// The names after the post `k..j`, several when separated by 、: each a
/// plausible name (or, right after a post noun and framed by a delimiter
/// or a verb, a listed one: 讲解员曲艺获…), overlapping no mention but the
/// short place names it frees, and followed by a delimiter, 同志 or a verb.
fn names_after_post(
    r: &Recognizer,
    lat: &Lattice,
    (k, post_end): (usize, usize),
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let post = lat.text(k, post_end);
    // (the post's noun may hold its body too: 市委书记)
    let post_noun = lat
        .token(post_end - 1)
        .is_some_and(|t| t.end == post_end && t.tag == Tag::N);
    let pw = &r.lex.person_words;
    // a credit may set the name off its post by a space (记者 王强摄)
    let spaced = lat.chars.get(post_end) == Some(&' ');
    let post_end = post_end + usize::from(spaced);
    // (and a rank or a note in brackets: 镇长（正科级）某某, 副县长（挂职）某某)
    let post_end = post_end + bracket_note(lat, post_end);
    let mut j = post_end;
    loop {
        // a minority name, transliterated (努尔兰·阿不都满金, 那顺巴图)
        let foreign = dotted_name(r, lat, j).or_else(|| transcribed_name(r, lat, j));
        if let Some(after) = foreign.filter(|&e| !covered[j..e].iter().any(|c| *c)) {
            let f = Found {
                post: Some(post.clone()),
                org_end: None,
                source: PersonSource::Post,
            };
            push_person(out, covered, lat, j, after, f);
            if lat.chars.get(after) != Some(&'、') {
                return;
            }
            j = after + 1;
            continue;
        }
        let nr = name_token(r, lat, j);
        // (an item framed by 、 between the post, or names after it, and
        // a name is a name whatever its characters: 副主席德吉、王某)
        let item = list_item(r, lat, j, covered);
        let Some(l) = name_at(r, lat, j).or(nr).or(item) else {
            return;
        };
        let after = j + l;
        let nx = lat.chars.get(after).copied().unwrap_or('。');
        let name = lat.text(j, after);
        // a conjunction is no surname (和文旅, 与镇) unless the segmenter
        // reads the whole as a name (an adverb may be one: 莫, 常)
        let function_first = lat.conjunction_at(j);
        if function_first && nr != Some(l) {
            return;
        }
        // after a group noun, a name does not start with a frequent word
        // (群众幸福感, 学生宿舍楼)
        let head = lat.text(j, j + 2);
        // (jieba's dictionary tags 宿舍楼 and 幸福感 as names)
        if pw.collective.contains(&post) && r.common_word(&head) && r.word_freq(&head) >= 500 {
            return;
        }
        let framed = j == post_end
            && post_noun
            && !pw.collective.contains(&post)
            && (is_punct(nx) || pw.after_post_name.has_char(nx) || report_verb_at(r, lat, after));
        // an item of a list of people after the post (县领导田林、黄河、…)
        // is a name even where it is a place's name as well
        let listed = j > post_end || nx == '、' && next_listed_name(r, lat, after + 1, covered);
        let plausible = plausible_name(r, &name)
            || item == Some(l)
            || framed && listed_name(r, &name)
            || listed
                && surname_len(r, &lat.chars, j).is_some()
                && !r.lex.posts.contains_key(&name)
                && !r.lex.division_by_name.contains_key(&name);
        // a name that is a short place name as a whole (处长田林) is freed
        // where jieba reads it as a person's name
        // (or a name of three characters that a short division name starts:
        // 主席黄平林, not one ending in a level word: 书记宜都市)
        let last = lat.chars[after - 1];
        let whole = nr == Some(after - j)
            || after - j == 3 && !r.lex.words.places.is_level_char(last)
            || listed
            || framed;
        if !plausible
            || covered[j..after].iter().any(|c| *c)
                && !free_short_places(out, covered, j, after, whole, listed)
        {
            return;
        }
        let ok = is_punct(nx) || !is_han(nx) || lat.tok_start(after) || pw.after_name.has_char(nx);
        // a name of two does not take the first character of a common word
        // (学生向所在学校: 所在; a name of three may: 孙永贵在, 贵在); after a
        // group noun it is the segmenter's name or stands before a delimiter
        // (学生崇廉尚洁 is a slogan)
        // (but a verb of saying glued to its last character is no word of
        // the sentence: 李明|说, where the segmenter reads 明说)
        let cuts_word = l == 2
            && nr != Some(l)
            && lat.token(after - 1).is_some_and(|t| {
                t.start == after - 1
                    && t.end > after
                    && r.common_word(lat.str(t.start, t.end))
                    && !(t.end == after + 1 && pw.after_post_name.has_char(nx))
            });
        let closed = is_punct(nx) || pw.after_name.has_char(nx) || report_verb_at(r, lat, after);
        let group = pw.collective.contains(&post) && (nr != Some(l) && !is_punct(nx) || !closed);
        if !ok || cuts_word || group {
            return;
        }
        let f = Found {
            post: Some(post.clone()),
            org_end: None,
            source: PersonSource::Post,
        };
        push_person(out, covered, lat, j, after, f);
        if nx != '、' {
            return;
        }
        j = after + 1;
    }
}

/// A name written right before a post of a body (段某某局长一行, 陪同的李某
/// 书记): the post must belong to a body (not a newsroom role or a
/// descriptor such as 专家), and the name must stand after a delimiter, the
/// start of the text or a function word, never inside a word.
pub(crate) fn before_post(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let n = lat.len();
    let mut k = 2;
    while k < n {
        let Some((len, _)) = lat.longest(k, |p| matches!(p, Piece::Post)) else {
            k += 1;
            continue;
        };
        let post = lat.text(k, k + len);
        let of_body = (r.lex.posts.get(&post))
            .is_some_and(|p| !matches!(p.organ, PostOrgan::Media | PostOrgan::None));
        // (verbs of taking the post between: 由王某任组长, 李某兼任组长)
        let verbs = &r.lex.person_words.post_verb;
        let mut e = k;
        while e + 2 > k && e > 2 && verbs.has_char(lat.chars[e - 1]) {
            e -= 1;
        }
        if of_body && !covered[k] {
            if let Some(s) = name_before(r, lat, e, covered) {
                let f = Found {
                    post: Some(post),
                    org_end: None,
                    source: PersonSource::Post,
                };
                push_person(out, covered, lat, s, e, f);
            }
        }
        k += len;
    }
}

/// Where a name ending at `k` starts, if one does: three or two characters
/// with a surname first, uncovered, plausible, and after a delimiter, the
/// start of the text or a function word. A one-character surname that
/// jieba reads as a function word of its own (和 in 和王某) starts no name,
/// and such a word ends none (等 in 王洁等委员).
fn name_before(r: &Recognizer, lat: &Lattice, k: usize, covered: &[bool]) -> Option<usize> {
    let chars = &lat.chars;
    let function = |p: usize| {
        lat.token(p)
            .is_some_and(|t| t.start == p && r.tags().function_word.contains(t.tag))
    };
    [3, 2].into_iter().find_map(|l| {
        let s = k.checked_sub(l)?;
        let name = lat.text(s, k);
        let fits = delimited_name(r, chars, s, k)
            && !covered[s..k].iter().any(|c| *c)
            && plausible_name(r, &name)
            && !(l == 3 && surname_len(r, chars, s) == Some(1) && function(s))
            && !(l == 3 && function(k - 1));
        let left = s == 0
            || !is_han(chars[s - 1])
            || is_punct(chars[s - 1])
            || function(s - 1)
            || verb_before(r, lat, s);
        (fits && left).then_some(s)
    })
}

/// Whether a verb of two characters or more ends right at `s`, where a
/// word starts: a name may open there (贯彻 + 王某书记的讲话精神: the
/// name is the verb's object).
fn verb_before(r: &Recognizer, lat: &Lattice, s: usize) -> bool {
    lat.token_before(s)
        .is_some_and(|t| t.end - t.start >= 2 && r.tags().predicate_verb.contains(t.tag))
}

/// The marks between the parts of a transliterated name (努尔兰·阿不都).
const NAME_DOTS: &[char] = &['·', '•', '・', '‧'];

/// Where a transliterated name starting at `p` ends: parts of Han
/// characters joined by a middle dot (艾力·买买提, 努尔兰·阿不都满金), the
/// last part ending before the predicate, a delimiter or a name-ending
/// character; each part at most eight characters.
fn dotted_name(r: &Recognizer, lat: &Lattice, p: usize) -> Option<usize> {
    let chars = &lat.chars;
    let run = |s: usize| {
        (s..chars.len())
            .find(|&x| !is_han(chars[x]))
            .unwrap_or(chars.len())
    };
    let mut s = p;
    let mut parts = 0;
    loop {
        let e = run(s);
        if e == s {
            return None;
        }
        if chars.get(e).is_some_and(|c| NAME_DOTS.contains(c)) {
            if e - s > 8 {
                return None;
            }
            parts += 1;
            s = e + 1;
            continue;
        }
        if parts == 0 {
            return None;
        }
        // the last part: up to the predicate after the name (主持, 出席,
        // 表示 …), or a verb the segmenter reads starting with a
        // name-ending character
        let pw = &r.lex.person_words;
        let text: String = chars[s..e].iter().collect();
        let at_word = |x: usize| {
            let rest: String = text.chars().skip(x - s).collect();
            pw.speech_after.starts(&rest) || pw.report_verb.starts(&rest)
        };
        // (within a part's reach: 提出 far after 某某·艾海提就… is no end)
        let reach = e.min(s + 9);
        let end = (s + 1..reach)
            .find(|&x| at_word(x))
            .or_else(|| {
                (s + 1..reach)
                    .find(|&x| predicate_word_at(lat, x) && pw.after_name.has_char(chars[x]))
            })
            // (or a function word of one character after two: 某某·艾海提|就…)
            .or_else(|| {
                (s + 2..reach)
                    .find(|&x| function_char_at(lat, x) && pw.after_name.has_char(chars[x]))
            })
            .unwrap_or(e);
        return (end - s <= 8).then_some(end);
    }
}

/// Where a transcribed minority name starting at `p` ends (那顺巴图,
/// 格桑卓玛, 额尔登木图): a run of four to eight characters up to a
/// delimiter, a post or the predicate (出席, 讲话 …), all of them but one
/// characters of transcription; or three, all of them, where a Han name
/// would take two (阿日贡).
fn transcribed_name(r: &Recognizer, lat: &Lattice, p: usize) -> Option<usize> {
    let chars = &lat.chars;
    let pw = &r.lex.person_words;
    let stops = |x: usize| {
        let rest: String = chars[x..chars.len().min(x + 4)].iter().collect();
        !is_han(chars[x])
            || is_punct(chars[x])
            || pw.speech_after.starts(&rest)
            || pw.report_verb.starts(&rest)
            || lat.pieces_at(x).any(|(_, ps, _)| ps.contains(&Piece::Post))
    };
    if p >= chars.len() || stops(p) {
        return None;
    }
    let fits = |e: usize| e - p >= 3 && transcription(pw, &chars[p..e]);
    let limit = chars.len().min(p + 9);
    let stop = (p + 1..limit).find(|&x| stops(x));
    if let Some(e) = stop.filter(|&e| fits(e)) {
        return Some(e);
    }
    // else the name ends where a predicate starts before it (索朗巴珠先后
    // 来到…, 赤来旺杰向…表示: an adverb, a verb, a preposition or a time
    // word)
    (p + 3..stop.unwrap_or(limit))
        .rev()
        .find(|&e| predicate_start(lat, e) && fits(e))
}

/// Whether a run of two to eight characters reads as a transcribed name:
/// all its characters are of transcriptions, or, from four on, all but one
/// inside it (not 胡日沁必力格时, not 赴呼和塔拉).
fn transcription(pw: &crate::lexicon::grammar::PersonWords, run: &[char]) -> bool {
    let n = run.len();
    if !(2..=8).contains(&n) {
        return false;
    }
    let foreign = transcribed_chars(pw, run);
    let ends_foreign = foreign > transcribed_chars(pw, &run[..n - 1])
        && foreign > transcribed_chars(pw, &run[1..]);
    foreign == n || n >= 4 && foreign + 1 == n && ends_foreign
}

/// How many characters of a run read as a transcription: those of the
/// words of minority given names (赤来 in 赤来旺杰) and the other
/// transliteration characters.
fn transcribed_chars(pw: &crate::lexicon::grammar::PersonWords, run: &[char]) -> usize {
    let mut count = 0;
    let mut x = 0;
    while x < run.len() {
        let element = (2..=4)
            .rev()
            .find(|&l| x + l <= run.len() && pw.name_element.contains_chars(&run[x..x + l]));
        match element {
            Some(l) => {
                count += l;
                x += l;
            }
            None => {
                count += usize::from(pw.transliteration.has_char(run[x]));
                x += 1;
            }
        }
    }
    count
}

/// Whether a word of the predicate after a subject starts at `p`: an
/// adverb, a verb, a preposition or a time word (先后, 来到, 在).
fn predicate_start(lat: &Lattice, p: usize) -> bool {
    lat.token(p)
        .is_some_and(|t| t.start == p && matches!(t.tag, Tag::D | Tag::V | Tag::P | Tag::T))
}

/// The length of a list item starting at `p` that reads as no name but is
/// one by its place in a list of people: two to four characters, no
/// mention, no word the dictionary knows as another thing than a name,
/// then 、 and a plausible name.
fn list_item(r: &Recognizer, lat: &Lattice, p: usize, covered: &[bool]) -> Option<usize> {
    let e = (p..lat.len().min(p + 5)).find(|&x| !is_han(lat.chars[x]) || is_punct(lat.chars[x]))?;
    // (its words are none the dictionary knows as other than names: not
    // 的获得感 after 群众, nor 带头招 after 领导)
    let words_ok = lat.tok_start(p)
        && (p..e).all(|x| {
            lat.token(x)
                .is_some_and(|t| t.end <= e && !r.common_word(lat.str(t.start, t.end)))
        });
    let fits = (2..=4).contains(&(e - p))
        && lat.chars[e] == '、'
        && !covered[p..e].iter().any(|c| *c)
        && words_ok
        && next_listed_name(r, lat, e + 1, covered);
    fits.then_some(e - p)
}

/// Whether a plausible name, uncovered, starts at `p` (the next item of a
/// list).
fn next_listed_name(r: &Recognizer, lat: &Lattice, p: usize, covered: &[bool]) -> bool {
    name_at(r, lat, p).is_some_and(|l| {
        !covered[p..p + l].iter().any(|c| *c) && plausible_name(r, lat.str(p, p + l))
    })
}

/// Frees the span of a name after its post from the short place names read
/// inside it (建平 in 局长周建平): when every mention there is a short
/// division name starting after the surname (or, with `whole`, the name
/// itself: 田林 in 处长田林), those mentions are dropped. In a list of
/// people (`listed`) a place of any kind that is the item as a whole (黄河
/// between two names) is dropped too.
fn free_short_places(
    out: &mut Vec<Mention>,
    covered: &mut [bool],
    s: usize,
    e: usize,
    whole: bool,
    listed: bool,
) -> bool {
    let inside = |m: &Mention| m.start < e && m.end > s;
    let only_short = out.iter().filter(|m| inside(m)).all(|m| {
        let exact = m.start == s && m.end == e;
        matches!(&m.kind, MentionKind::Place(p) if p.short || listed && exact)
            && (m.start > s || whole && m.start == s)
            && m.end <= e
    });
    if !only_short {
        return false;
    }
    out.retain(|m| !inside(m));
    covered[s..e].iter_mut().for_each(|c| *c = false);
    true
}

/// People named right after 我市/我区/我县 in a list that ends in a verb
/// (我市庞天宇、赵文丽在全国大赛中获奖): the place's own people.
pub(crate) fn after_home(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let pw = &r.lex.person_words;
    let starts: Vec<usize> = out
        .iter()
        .filter(
            |m| matches!(&m.kind, MentionKind::Anaphor { word } if pw.home_anaphor.contains(word)),
        )
        .map(|m| m.end)
        .collect();
    for mut p in starts {
        let mut names: Vec<(usize, usize)> = Vec::new();
        let done = loop {
            let nr = name_token(r, lat, p);
            let Some(l) = nr.or_else(|| name_at(r, lat, p)) else {
                break false;
            };
            let e = p + l;
            if e > lat.len()
                || covered[p..e].iter().any(|c| *c)
                || !plausible_name(r, lat.str(p, e))
            {
                break false;
            }
            names.push((p, e));
            match lat.chars.get(e) {
                Some('、') => p = e + 1,
                Some(c) if pw.home_list_end.has_char(*c) => break true,
                _ => break report_verb_at(r, lat, e),
            }
        };
        if !done {
            continue;
        }
        push_people(out, covered, lat, names, PersonSource::Signature);
    }
}

/// Whether a report verb starts at `p`: a verb that follows a person's name
/// in reports, whatever tag jieba gives it (荣获 is tagged as a name).
fn report_verb_at(r: &Recognizer, lat: &Lattice, p: usize) -> bool {
    lat.word_at(p, &r.lex.person_words.report_verb).is_some()
}

/// A name written right after a body (市规划院王倩文荣获…): the person
/// belongs to it.
pub(crate) fn after_body(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let ends: Vec<usize> = out
        .iter()
        .filter(|m| m.etype().is_some_and(|t| t.is_org()))
        .map(|m| m.end)
        .collect();
    for e in ends {
        // jieba's name token, else the surname rule
        let nr = name_token(r, lat, e);
        let Some(l) = nr.or_else(|| name_at(r, lat, e)) else {
            continue;
        };
        if e + l > lat.len() || covered[e..e + l].iter().any(|c| *c) {
            continue;
        }
        // (a conjunction joining the body to the next item is no surname:
        // 某县文旅局和文旅发展促进中心)
        let joiner = r.lex.function_words.list_joiner.has_char(lat.chars[e]);
        if (lat.conjunction_at(e) || joiner) && nr != Some(l) {
            continue;
        }
        let name = lat.text(e, e + l);
        let nx = lat.chars.get(e + l).copied().unwrap_or('。');
        let verb_after = lat.token(e + l).is_some_and(|t| {
            let w = lat.text(t.start, t.end);
            t.start == e + l
                && (r.tags().verb.contains(t.tag) && r.is_word(&w)
                    || r.lex.person_words.report_verb.contains(&w))
        });
        let listed = r.lex.function_words.list_end.has_char(nx);
        // (two characters that the segmenter does not read as a name, with
        // a rare surname, are a word: 某某委官网, 某某部卫片)
        let rare = nr.is_none() && l == 2 && surname_rank(r, &name) > COMMON_SURNAMES;
        if rare || !plausible_name(r, &name) || !(is_punct(nx) || listed || verb_after) {
            continue;
        }
        push_person(
            out,
            covered,
            lat,
            e,
            e + l,
            Found {
                post: None,
                org_end: Some(e),
                source: PersonSource::Signature,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{found_by, has, through};
    use crate::EntityType::{Agency, Person};

    /// The people all passes find in a text, in order.
    fn persons(text: &str) -> Vec<String> {
        through(text, "")
            .into_iter()
            .filter(|(_, t)| *t == Some(Person))
            .map(|(n, _)| n)
            .collect()
    }

    #[test]
    fn a_name_after_a_verb_and_before_a_post_is_its_object() {
        let p = persons("全体干部深入贯彻王建国书记在全县大会上的讲话精神。");
        assert!(p.contains(&"王建国".to_string()), "{p:?}");
        let p = persons("会议要求，深入学习李红梅主任的工作方法。");
        assert!(p.contains(&"李红梅".to_string()), "{p:?}");
    }

    #[test]
    fn a_name_the_segmenter_reads_whole_is_not_cut_at_a_word_after_it() {
        // 军列 is a word, but 王建军 is the segmenter's name
        let p = persons("市中级人民法院院长王建军列席会议。");
        assert!(p.contains(&"王建军".to_string()), "{p:?}");
    }

    #[test]
    fn the_people_a_notice_appoints_or_removes_are_named() {
        let p = persons("经研究决定：任命周立、吴芳为县教育局副局长；免去郑强的县水利局局长职务。");
        for n in ["周立", "吴芳", "郑强"] {
            assert!(p.contains(&n.to_string()), "{n}: {p:?}");
        }
    }

    #[test]
    fn a_frequent_word_after_two_characters_ends_the_name() {
        let p = persons("县长田立代表县政府致辞，副总裁林峰代表公司签约。");
        assert!(p.contains(&"田立".to_string()), "{p:?}");
        assert!(p.contains(&"林峰".to_string()), "{p:?}");
        // a rare word there leaves three characters (贵在)
        let p = persons("会议传达了省委书记刘某贵在全会上的讲话。");
        assert!(p.contains(&"刘某贵".to_string()), "{p:?}");
    }

    #[test]
    fn a_name_whose_last_character_the_segmenter_glued_to_say_is_read() {
        // (明说 is a word to the segmenter: 县长周明 + 说)
        let ms = found_by("会上，县长周明说，要抓好春耕生产。", "people_by_post");
        assert!(has(&ms, "周明", Person), "{ms:?}");
        for name in ["孙建明", "何晓明"] {
            let text = format!("会上，县长{name}说，要抓好春耕生产。");
            let ms = found_by(&text, "people_by_post");
            assert!(has(&ms, name, Person), "{ms:?}");
        }
        // (a report verb of two after a name of two stays the verb)
        let ms = found_by("会上，县长周刚强调，要抓好春耕生产。", "people_by_post");
        assert!(has(&ms, "周刚", Person), "{ms:?}");
        // (a name of two does not take the first character of another word)
        let ms = found_by("学生向所在学校提出申请。", "people_by_post");
        assert!(!ms.iter().any(|m| m.1 == Some(Person)), "{ms:?}");
    }

    #[test]
    fn a_byline_names_its_reporters() {
        let ms = found_by(
            "本报讯（记者 陈晓峰 通讯员 孙丽娟）近日，全市春耕工作有序推进。",
            "structured_people",
        );
        assert!(
            has(&ms, "陈晓峰", Person) && has(&ms, "孙丽娟", Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_name_padded_to_three_characters_is_one_name() {
        let ms = found_by(
            "本报讯（记者 王 伟 通讯员 孙丽娟）近日，全市春耕工作有序推进。",
            "structured_people",
        );
        assert!(
            has(&ms, "王 伟", Person) && has(&ms, "孙丽娟", Person),
            "{ms:?}"
        );
        // (and in the brackets that close a text)
        let ms = found_by("全市春耕工作有序推进。（赵 敏）", "structured_people");
        assert!(has(&ms, "赵 敏", Person), "{ms:?}");
        // (two names of three characters apart are two names)
        let ms = found_by("本报讯（记者 陈晓峰 孙丽娟）近日。", "structured_people");
        assert!(
            has(&ms, "陈晓峰", Person) && has(&ms, "孙丽娟", Person),
            "{ms:?}"
        );
    }

    #[test]
    fn the_names_between_a_masthead_and_the_date_are_people() {
        let ms = found_by(
            "新程晚报 刘笑雪 曹婕妤 发布时间:2025年08月26日 18:28\n大桥合龙。",
            "structured_people",
        );
        assert!(
            has(&ms, "刘笑雪", Person) && has(&ms, "曹婕妤", Person),
            "{ms:?}"
        );
        // a sentence after a paper's name is no line of names
        let ms = found_by("新程晚报 报道称大桥合龙 2025年", "structured_people");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_line_of_names_and_a_roster_are_people() {
        let ms = found_by(
            "□韩立群 宋佳怡\n全市春耕工作有序推进。",
            "structured_people",
        );
        assert!(
            has(&ms, "韩立群", Person) && has(&ms, "宋佳怡", Person),
            "{ms:?}"
        );
        let ms = found_by(
            "组 长：吴志刚 市政府副市长\n副组长：郑丽华 市自然资源和规划局局长\n",
            "structured_people",
        );
        assert!(
            has(&ms, "吴志刚", Person) && has(&ms, "郑丽华", Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_signature_names_its_unit_and_people() {
        let ms = found_by(
            "全市春耕工作有序推进。（规划科/周海燕）",
            "structured_people",
        );
        assert!(has(&ms, "规划科", Agency), "{ms:?}");
        assert!(has(&ms, "周海燕", Person), "{ms:?}");
    }

    #[test]
    fn words_and_asides_are_no_bylines() {
        let ms = found_by(
            "发展 改革 创新\n各镇（中心）卫生院开展义诊。",
            "structured_people",
        );
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn hui_surnames_of_the_northwest_begin_names() {
        let ms = found_by("县政协党组副书记敏俊、副主席喇海青出席。", "people_by_post");
        assert!(
            has(&ms, "敏俊", Person) && has(&ms, "喇海青", Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_post_names_the_people_after_it() {
        let ms = found_by("县长刘文斌主持会议并讲话。", "people_by_post");
        assert!(has(&ms, "刘文斌", Person), "{ms:?}");
        let ms = found_by("副局长张振华、李玉梅参加调研。", "people_by_post");
        assert!(
            has(&ms, "张振华", Person) && has(&ms, "李玉梅", Person),
            "{ms:?}"
        );
    }

    #[test]
    fn a_line_of_a_body_and_names_closing_a_text_signs_it() {
        let ms = found_by(
            "全县春耕工作有序推进。\n临桂区政协 张晓明 李红\n",
            "structured_people",
        );
        assert!(
            has(&ms, "张晓明", Person) && has(&ms, "李红", Person),
            "{ms:?}"
        );
        // not a line inside the text
        let ms = found_by(
            "临桂区政协 张晓明\n全县春耕工作有序推进。\n",
            "structured_people",
        );
        assert!(!has(&ms, "张晓明", Person), "{ms:?}");
    }

    #[test]
    fn the_credits_closing_a_text_in_brackets_name_its_writers() {
        let ms = found_by(
            "全县春耕工作有序推进。（王建国 通讯员 临桂区市场监管局 张晓明）\n[ 刘志强 ]",
            "structured_people",
        );
        for name in ["王建国", "张晓明", "刘志强"] {
            assert!(has(&ms, name, Person), "{name}: {ms:?}");
        }
        // an ordinary word among them makes them no credits
        let ms = found_by(
            "全县春耕工作有序推进。（王建国 负责 张晓明）",
            "structured_people",
        );
        assert!(!has(&ms, "王建国", Person), "{ms:?}");
    }

    #[test]
    fn a_name_after_a_word_for_one_person_is_read_by_the_surname_rule() {
        // the segmenter reads 梁玉华点 and 黄水|印笑 here
        let ps = persons("小区居民梁玉华点赞小区新面貌。务工人员黄水印笑着说。村民小组开会。");
        assert_eq!(ps, vec!["梁玉华".to_string(), "黄水印".to_string()]);
    }

    #[test]
    fn a_division_by_its_full_name_is_no_listed_person() {
        let ms = people("市卫生健康委主任罗振东、邓州市副市长何立群陪同调研。");
        assert_eq!(ms, ["罗振东", "何立群"]);
    }

    #[test]
    fn a_verb_of_taking_a_post_ends_the_name_before_it() {
        let ms = people("领导小组由周立军任组长，吴海燕兼任副组长，王为民任副组长。");
        assert_eq!(ms, ["周立军", "吴海燕", "王为民"]);
    }

    /// The names of the people the recognizer reads in a text, in order.
    fn people(text: &str) -> Vec<String> {
        let r = crate::recognize::testing::recognizer();
        (r.recognize(text).into_iter())
            .filter(|m| matches!(m.kind, super::MentionKind::Person { .. }))
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn a_given_name_opening_with_a_character_that_follows_names_is_read_whole() {
        // 先 and 作 often follow a name (王强先到, 李明作报告); a given name
        // that the segmenter reads as a word before a delimiter is one
        let ms = found_by(
            "会上，区委书记胡先进，副区长孙作义分别讲话。",
            "people_by_post",
        );
        assert!(
            has(&ms, "胡先进", Person) && has(&ms, "孙作义", Person),
            "{ms:?}"
        );
        // a name and a verb after it stay apart
        let ms = found_by("县长刘强说，今年要抓好春耕。", "people_by_post");
        assert!(has(&ms, "刘强", Person), "{ms:?}");
    }

    #[test]
    fn a_word_framed_after_a_post_glued_to_its_body_is_a_name() {
        // the segmenter's noun holds the body and the post (市委书记); the
        // name is a word too (包钢, a steel works)
        let ms = persons("会上，市委书记包钢，市长王立新分别讲话。");
        assert!(ms.contains(&"包钢".to_string()), "{ms:?}");
        // a short division name framed by a post and an official's act
        let ms = persons("研究所副所长石峰致辞。");
        assert!(ms.contains(&"石峰".to_string()), "{ms:?}");
    }

    #[test]
    fn tibetan_and_mongolian_names_of_known_words_after_a_post() {
        // two words of Tibetan names, the second a common character
        // (来, 青), before a preposition
        let ms = persons("州文旅局局长赤来旺杰向来宾介绍情况。");
        assert!(ms.contains(&"赤来旺杰".to_string()), "{ms:?}");
        let ms = persons("县政协主席仁青永宗出席会议。");
        assert!(ms.contains(&"仁青永宗".to_string()), "{ms:?}");
        // a verb before a name of known words is no part of it, nor is a
        // time word after one
        let ms = persons("副县长赴呼和塔拉调研。");
        assert!(!ms.iter().any(|m| m.starts_with('赴')), "{ms:?}");
        let ms = persons("走访旗人大代表巴特尔孟和时了解情况。");
        assert!(!ms.iter().any(|m| m.ends_with('时')), "{ms:?}");
    }

    #[test]
    fn an_organ_s_short_name_in_a_byline_is_no_person() {
        let ms = persons("作者:农环委 来源:某某人大网\n作者:李明 来源:某某人大网\n");
        assert!(!ms.contains(&"农环委".to_string()), "{ms:?}");
        assert!(ms.contains(&"李明".to_string()), "{ms:?}");
    }

    #[test]
    fn words_after_a_group_noun_or_among_listed_words_are_no_names() {
        // a name takes no first character of a common word (所在)
        let ms = persons("符合条件的学生向所在学校提出申请。");
        assert!(ms.is_empty(), "{ms:?}");
        // after a group noun, a name stands before a delimiter or a verb
        let ms = persons("营造学生崇廉尚洁的良好氛围。");
        assert!(ms.is_empty(), "{ms:?}");
        let ms = persons("学生王晓明说，收获很大。");
        assert!(ms.contains(&"王晓明".to_string()), "{ms:?}");
        // an item among common nouns (市场、商超), or one the dictionary
        // tags as a name (幸福感), is no person
        let ms = persons("以农贸市场、商超、大中型餐饮单位为重点，提升群众的获得感、幸福感。");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_name_of_three_before_the_predicate_or_after_a_short_place() {
        // the predicate starts right after three characters (贵在, 说)
        let ms = persons("市委书记孙永贵在会上强调，局长陈光明说。");
        assert!(ms.contains(&"孙永贵".to_string()), "{ms:?}");
        assert!(ms.contains(&"陈光明".to_string()), "{ms:?}");
        // but a two-character verb there is the predicate (王刚强调)
        let ms = persons("县长王刚强调要抓好安全生产。");
        assert!(ms.contains(&"王刚".to_string()), "{ms:?}");
        // also a report verb the segmenter joined to the name (汇报, 通报),
        // but not where a word of two starts after it (强调研 is 调研)
        let ms = persons("站长陈明汇报了情况，站长李东通报了进展。");
        assert!(ms.contains(&"陈明".to_string()), "{ms:?}");
        assert!(ms.contains(&"李东".to_string()), "{ms:?}");
        // a numeral ends a given name before a delimiter
        let ms = persons("副主任张少一、贾仲高参加。");
        assert!(ms.contains(&"张少一".to_string()), "{ms:?}");
        let ms = persons("局长王志强调研了工作。");
        assert!(ms.contains(&"王志强".to_string()), "{ms:?}");
        // a short division name (黄平) starting a name after a post
        let ms = persons("市政协主席黄平林讲话。");
        assert!(ms.contains(&"黄平林".to_string()), "{ms:?}");
        // 等 before a post closes the list, not the name (王洁等委员)
        let ms = persons("会上，赵明远、王洁等委员作了发言。");
        assert!(ms.contains(&"王洁".to_string()), "{ms:?}");
        assert!(!ms.contains(&"王洁等".to_string()), "{ms:?}");
    }

    #[test]
    fn a_word_framed_right_after_a_post_noun_is_a_name() {
        let ms = found_by("讲解员曲艺获一等奖。", "people_by_post");
        assert!(has(&ms, "曲艺", Person), "{ms:?}");
    }

    #[test]
    fn a_group_noun_compounds_with_the_noun_after_it() {
        for text in [
            "新建学生宿舍楼两栋。",
            "提升群众幸福感，",
            "组织村干部和驻村工作队入户走访。",
        ] {
            assert!(persons(text).is_empty(), "{text}: {:?}", persons(text));
        }
        assert_eq!(persons("村民张建国说，路修好了。"), vec!["张建国"]);
        assert_eq!(persons("局长常东出席。"), vec!["常东"]);
        // a village after a post is no person
        assert!(persons("调研组来到八廓街道、蔡村。").is_empty());
    }

    #[test]
    fn a_post_without_a_name_names_nobody() {
        let ms = found_by("会议由副县长主持。市长表示要加快发展。", "people_by_post");
        assert!(ms.is_empty(), "{ms:?}");
    }

    /// A tagged name after a word for one person (村民, 农场主, 岁的) or
    /// before a form of address (同志) is a name, whatever is on its other
    /// side; a name the segmenter cut in two gives no half of it.
    #[test]
    fn a_word_for_one_person_or_an_address_makes_a_tagged_name() {
        let ps = persons("种植大户里，农场主周建明增添了信心。");
        assert!(ps.contains(&"周建明".to_string()), "{ps:?}");
        let ps = persons("今年58岁的孙立华，十年来守着这片林子。");
        assert!(ps.contains(&"孙立华".to_string()), "{ps:?}");
        let ps = persons("认真学习贯彻王建国同志在全市大会上的讲话。");
        assert!(ps.contains(&"王建国".to_string()), "{ps:?}");
        let ps = persons("村民扎西顿珠问道。");
        assert!(!ps.contains(&"扎西".to_string()), "{ps:?}");
    }

    #[test]
    fn a_list_of_names_is_people() {
        let ms = found_by("获奖者周志远、吴海燕、郑国庆、王丽华等四人。", "name_lists");
        for n in ["周志远", "吴海燕", "郑国庆", "王丽华"] {
            assert!(has(&ms, n, Person), "{n}: {ms:?}");
        }
        let ms = found_by("出席会议的有：赵建国、钱玉兰、孙志远。", "name_lists");
        assert_eq!(ms.len(), 3, "{ms:?}");
        // Tibetan names of known words count as names of the list, and
        // the Han names that are words too then follow
        let ms = found_by(
            "出席的还有：格桑、周建国、次仁多吉、王建军、李明华、达瓦卓玛、向巴宗珠。",
            "name_lists",
        );
        for n in [
            "格桑",
            "周建国",
            "次仁多吉",
            "王建军",
            "达瓦卓玛",
            "向巴宗珠",
        ] {
            assert!(has(&ms, n, Person), "{n}: {ms:?}");
        }
        // the last name runs into the verb of the sentence
        let ms = found_by(
            "受表彰的何海涛、于春生、高明远、刘立新分别参加活动。",
            "name_lists",
        );
        for n in ["何海涛", "于春生", "高明远", "刘立新"] {
            assert!(has(&ms, n, Person), "{n}: {ms:?}");
        }
        // (after 领导, a post, the post's pass reads them first)
        let ms = through(
            "县领导何海涛、于春生、高明远、刘立新分别参加活动。",
            "name_lists",
        );
        for n in ["何海涛", "于春生", "高明远", "刘立新"] {
            assert!(has(&ms, n, Person), "{n}: {ms:?}");
        }
        // names that are a county's short name (田林) or a river's (黄河)
        // as well, among other people's names
        let ms = found_by(
            "受表彰的田林、何海涛、黄河、于春生、刘立新出席仪式。",
            "name_lists",
        );
        for n in ["田林", "何海涛", "黄河", "于春生", "刘立新"] {
            assert!(has(&ms, n, Person), "{n}: {ms:?}");
        }
        // a list of rivers stays one
        let ms = found_by("黄河、长江、淮河、汉江流域治理。", "name_lists");
        assert!(ms.iter().all(|m| m.1 != Some(Person)), "{ms:?}");
    }

    #[test]
    fn an_item_between_a_post_and_a_name_is_a_name() {
        // a transcribed name no surname starts, then Han names; 及 closes
        // the last before the next post
        let ms = found_by(
            "区政协副主席喜饶、何海涛、于春生及秘书长刘立新出席。",
            "people_by_post",
        );
        for n in ["喜饶", "何海涛", "于春生", "刘立新"] {
            assert!(has(&ms, n, Person), "{n}: {ms:?}");
        }
        // words of a phrase are no item (群众 is a noun for people)
        let ms = found_by("提升了群众的获得感、幸福感。", "people_by_post");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn lists_of_things_are_no_names() {
        for text in [
            "当地盛产小麦、玉米、大豆、高粱。",
            "活动在王府、李庄举行。",
            "将刘家营、孙各庄、何镇、赵家屯确定为试点。",
        ] {
            let ms = found_by(text, "name_lists");
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
    }

    #[test]
    fn a_name_right_after_a_body_is_its_person() {
        let ms = found_by("市气象局陈立新荣获先进个人称号。", "people_after_body");
        assert!(has(&ms, "陈立新", Person), "{ms:?}");
        let ms = found_by("宜昌市第一中学王思远等同学获奖。", "people_after_body");
        assert!(has(&ms, "王思远", Person), "{ms:?}");
    }

    #[test]
    fn a_verb_after_a_body_is_no_name() {
        let ms = found_by("市气象局发布暴雨预警。", "people_after_body");
        assert!(ms.is_empty(), "{ms:?}");
        // nor two characters with a rare surname that the segmenter reads
        // as no name (官网: 官 is a surname too)
        let ms = found_by("来源：市发展改革委官网。", "people_after_body");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_name_before_a_post_of_a_body_is_a_person() {
        let people = persons("会上，刘建国局长作了讲话，要求各科室抓好落实。");
        assert_eq!(people, ["刘建国"]);
        // a function word before the name is not its surname, and a word
        // such as 常务 before a post is no name
        assert_eq!(persons("市领导和王晓东书记一起调研。"), ["王晓东"]);
        assert!(persons("常务副市长主持会议。").is_empty());
    }

    #[test]
    fn names_in_brackets_closing_a_paragraph_are_its_writers() {
        let text = "全县新建学校三所，改善了办学条件。\n（张伟 李娜）\n";
        assert_eq!(persons(text), ["张伟", "李娜"]);
        // a unit in brackets is a signature's unit, not a person
        assert!(persons("全县新建学校三所。\n（规划科）\n").is_empty());
    }

    #[test]
    fn a_name_after_a_post_may_be_a_short_place_name_as_a_whole() {
        // 田阳 is also the short name of a district
        assert_eq!(persons("会上，处长田阳作了发言。"), ["田阳"]);
        // or any place's name that opens a list of names after the post
        assert_eq!(
            persons("会上，副县长田林、何海涛，处长黄河、于春生作了发言。"),
            ["田林", "何海涛", "黄河", "于春生"]
        );
        // a place after a post is no name where no name follows it
        assert!(persons("会上，处长黄河、长江流域的情况作了通报。").is_empty());
    }

    #[test]
    fn a_regional_surname_opens_a_name_after_a_post() {
        // 木 is the surname of the Naxi of Lijiang
        assert_eq!(persons("副市长木光华出席起跑仪式。"), ["木光华"]);
    }

    #[test]
    fn credits_with_bars_name_their_people() {
        let people = persons("编辑 | 王芳 审核 | 李强 赵敏\n全县新建学校三所。\n");
        assert_eq!(people, ["王芳", "李强", "赵敏"]);
    }

    #[test]
    fn a_transliterated_name_after_a_post_keeps_all_its_parts() {
        assert_eq!(
            persons("会议由县政协主席吐尔逊·买买提艾力主持。副县长阿依古丽·托合提出席。\n"),
            ["吐尔逊·买买提艾力", "阿依古丽·托合提"]
        );
        assert_eq!(
            persons("副州长热依汗古丽·艾海提就做好冬季供暖工作提出要求。\n"),
            ["热依汗古丽·艾海提"]
        );
        // transcriptions without a dot run up to the predicate
        assert_eq!(
            persons("苏木达尔罕召开会议，书记巴特尔朝鲁主持，副书记其木格、格日勒图出席。\n"),
            ["巴特尔朝鲁", "其木格", "格日勒图"]
        );
        assert_eq!(persons("会上，副县长次仁旺姆讲话。\n"), ["次仁旺姆"]);
        // with no delimiter in reach, up to the predicate's first word
        assert_eq!(persons("县长次仁旺姆先后来到三个乡调研。\n"), ["次仁旺姆"]);
        // a name whose first character ends a place's name with the post's
        // last (部长 + 江…: no 长江 there)
        assert_eq!(persons("会上，宣传部部长江白洛桑讲话。\n"), ["江白洛桑"]);
        // a Han name stays one of three at most
        assert_eq!(persons("会上，副县长王建军讲话。\n"), ["王建军"]);
        // a slogan with a middle dot after a post noun is none
        assert!(persons("会上，主任讲解了“绿色家园·美丽乡村”活动。\n").is_empty());
    }

    #[test]
    fn credits_with_colons_and_slashes_name_their_people() {
        // a label of the newsroom before a colon opens no roster line
        let people = persons("全县新建学校三所。\n撰稿:孙丽华 编辑:周建军 审核:吴志强\n");
        assert_eq!(people, ["孙丽华", "周建军", "吴志强"]);
        // 文/ and 图/ credit the text and the pictures; 记者/ a reporter
        let people = persons("某某网讯（文/郑国华 图/冯晓燕）全县新建学校三所。\n记者/褚建伟\n");
        assert_eq!(people, ["郑国华", "冯晓燕", "褚建伟"]);
    }

    #[test]
    fn a_caption_closing_with_a_credit_names_its_photographer() {
        assert_eq!(
            persons("全县新建学校三所。\n新校舍已投入使用。卫志明 摄\n"),
            ["卫志明"]
        );
        assert_eq!(
            persons("全县新建学校三所。\n新校舍已投入使用（蒋文彬/摄）\n"),
            ["蒋文彬"]
        );
        // a word before 摄 in running text is no name
        assert!(persons("全县新建学校三所。\n群众纷纷拿出手机拍摄\n").is_empty());
    }

    #[test]
    fn names_after_a_home_anaphor_are_its_people() {
        let ms = found_by(
            "我市张晓东、刘梦琪在全国技能大赛中获奖。",
            "people_after_home",
        );
        assert!(
            has(&ms, "张晓东", Person) && has(&ms, "刘梦琪", Person),
            "{ms:?}"
        );
        let ms = found_by("我市张晓东荣获金奖。", "people_after_home");
        assert!(has(&ms, "张晓东", Person), "{ms:?}");
    }

    #[test]
    fn a_home_anaphor_needs_names_and_a_verb_after_them() {
        for text in [
            "我市经济发展迅速，我区高新技术企业增多。",
            "我市张晓东同学。",
        ] {
            let ms = found_by(text, "people_after_home");
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
    }

    #[test]
    fn a_tagged_name_where_names_are_written() {
        let ms = found_by("会上，王建军强调，要抓好落实。", "tagged_names");
        assert!(has(&ms, "王建军", Person), "{ms:?}");
        let ms = found_by("他说，李娜同志表示赞同。", "tagged_names");
        assert!(has(&ms, "李娜", Person), "{ms:?}");
    }

    #[test]
    fn a_tagged_name_elsewhere_is_none() {
        for text in ["游客们来到王府井大街。", "新来的王建军老师很认真。"] {
            let ms = found_by(text, "tagged_names");
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
    }

    #[test]
    fn a_tagged_name_among_sectors_or_in_a_slogan_is_none() {
        for text in [
            "市场监管局会同公安、卫健、教育体育等部门开展检查。",
            "全市开展“古廉、红廉、新廉”主题活动。",
            "他们察看了东湾闸口、马庄堤、黄金卡村的险情。",
        ] {
            let ms = through(text, "tagged_names");
            assert!(!ms.iter().any(|m| m.1 == Some(Person)), "{text}: {ms:?}");
        }
        // a name listed among names stays one
        let ms = through("受表彰的有王强、卫健、李明。", "tagged_names");
        assert!(has(&ms, "卫健", Person), "{ms:?}");
    }
}
