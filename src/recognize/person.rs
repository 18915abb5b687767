//! People: bylines (记者 王聪聪 通讯员 王强, □杨国胜 都镇强, a line of names
//! under a headline), signatures (（用途科/朱绪祥）, （冠县林业局/郭建彬 林东全）)
//! and a post followed by a name (区委书记李辉, 市长、市总林长李长萍同志).
//!
//! A name is a surname from the lexicon (single or compound) and one or two
//! given-name characters; where the length is unclear, a following word
//! (说, 出席, 荣获) decides it.

use super::chain;
use super::lattice::{Lattice, Piece};
use super::{cover, is_han, is_punct, Mention, MentionKind, PersonSource, Recognizer};
use crate::lexicon::{PostOrgan, Tag};

/// The marks that open a line of names under a headline (□杨国胜 都镇强).
const BYLINE_MARKS: &[char] = &['□', '■'];

/// The slashes between the units and the names of a signature.
const SLASHES: &[char] = &['/', '／'];

/// The colons after a label (组 长:) or a post (记者：).
const COLONS: &[char] = &[':', '：'];

/// Punctuation after which a tagged name may end (李明、 李明，).
const AFTER_TAGGED: &[char] = &['、', '，', '。', ','];

/// Surname at `p`: its length (1 or 2), if any.
fn surname_len(r: &Recognizer, chars: &[char], p: usize) -> Option<usize> {
    if p + 2 <= chars.len() {
        let two: String = chars[p..p + 2].iter().collect();
        if r.lex.surnames.get(&two).is_some_and(|rank| *rank == 0) {
            return Some(2);
        }
    }
    let one: String = chars.get(p)?.to_string();
    r.lex.surnames.contains_key(&one).then_some(1)
}

/// A name delimited on both sides (in a byline or list): `p..e` must be a
/// whole name.
pub fn delimited_name(r: &Recognizer, chars: &[char], p: usize, e: usize) -> bool {
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
pub fn name_at(r: &Recognizer, lat: &Lattice, p: usize) -> Option<usize> {
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
        return (is_punct(nx) || !is_han(nx)).then_some(sl + 1);
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
    if sl == 1
        && (is_punct(c4) || pw.list_name_follower.has_char(c4))
        && !pw.after_name.has_char(c3)
    {
        return Some(3);
    }
    if pw.after_name.has_char(c3) {
        return Some(sl + 1);
    }
    // a word starting at the third character (出席, 荣获, 分别) ends the name
    for (s, pieces, len) in lat.pieces_at(third) {
        let _ = s;
        if len >= 2 && pieces.iter().any(|x| matches!(x, Piece::Post)) {
            return Some(sl + 1);
        }
    }
    for len in [2usize, 3] {
        let w = lat.text(third, third + len);
        if w.chars().count() == len && r.common_word(&w) {
            return Some(sl + 1);
        }
    }
    Some(sl + 2)
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
pub fn listed_name(r: &Recognizer, name: &str) -> bool {
    !(r.lex.posts.contains_key(name) || r.is_word(name) && r.word_freq(name) >= 1000)
}

/// Whether a candidate name is plausible: not an ordinary word (关心, 方案),
/// not containing a post title (任组长).
pub fn plausible_name(r: &Recognizer, name: &str) -> bool {
    if r.common_word(name) {
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
        let first: String = name.chars().take(1).collect();
        let rank = r.lex.surnames.get(&first).copied().unwrap_or(999);
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
    post: Option<String>,
    org_end: Option<usize>,
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
            name: lat.text(s, e),
            post,
            org_end,
            source,
        },
    });
    cover(covered, s, e);
}

/// Bylines, signatures and lines of names.
pub fn structured(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let chars = &lat.chars;
    let n = chars.len();
    // paragraphs
    let mut ps = 0;
    while ps < n {
        let pe = (ps..n).find(|&k| chars[k] == '\n').unwrap_or(n);
        paragraph(r, lat, ps, pe, out, covered);
        ps = pe + 1;
    }
}

fn paragraph(
    r: &Recognizer,
    lat: &Lattice,
    ps: usize,
    pe: usize,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let chars = &lat.chars;
    if roster_line(r, lat, ps, pe, out, covered) {
        return;
    }
    // a paragraph of names only (王素兰 赵华丽; □杨国胜 都镇强 王成波 高斐)
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
    if !words.is_empty()
        && words.len() <= 8
        && words.iter().all(hanword)
        && valid * 3 >= words.len() * 2
        && (words.len() >= 2 || body_start > ps)
        && words.iter().all(|&(s, e)| !r.common_word(&lat.text(s, e)))
    {
        push_people(out, covered, lat, words, PersonSource::Byline);
        return;
    }
    // media posts followed by names (记者 王聪聪 通讯员 王强 方梦露)
    let mut k = ps;
    while k < pe {
        let mut matched = None;
        for (s, pieces, len) in lat.pieces_at(k) {
            if pieces.iter().any(|p| matches!(p, Piece::Post))
                && r.lex
                    .posts
                    .get(s)
                    .is_some_and(|p| p.organ == PostOrgan::Media)
            {
                matched = Some((s.to_string(), len));
                break;
            }
        }
        let Some((post, len)) = matched else {
            k += 1;
            continue;
        };
        // a longer post word (全媒体记者) may start before k
        let mut post_start = k;
        for s0 in k.saturating_sub(4)..k {
            for (s, pieces, l) in lat.pieces_at(s0) {
                if s0 + l == k + len && pieces.iter().any(|p| matches!(p, Piece::Post)) && l > len {
                    let _ = s;
                    post_start = s0;
                }
            }
        }
        let post_full = lat.text(post_start, k + len);
        let _ = post;
        let mut j = k + len;
        let mut found = false;
        loop {
            while j < pe && (chars[j] == ' ' || chars[j] == '、' || COLONS.contains(&chars[j])) {
                j += 1;
            }
            let e = (j..pe)
                .find(|&x| !is_han(chars[x]) || is_punct(chars[x]))
                .unwrap_or(pe);
            if e > j && delimited_name(r, chars, j, e) && listed_name(r, &lat.text(j, e)) {
                push_person(
                    out,
                    covered,
                    lat,
                    j,
                    e,
                    Found {
                        post: Some(post_full.clone()),
                        org_end: Some(post_start),
                        source: PersonSource::Byline,
                    },
                );
                found = true;
                j = e;
                continue;
            }
            // names glued to the next post: 记者黄清标
            if let Some(l) = name_at(r, lat, j).filter(|&l| plausible_name(r, &lat.text(j, j + l)))
            {
                let after = j + l;
                if after <= pe
                    && (after == pe || is_punct(chars[after]) || !is_han(chars[after]))
                    && !found
                {
                    push_person(
                        out,
                        covered,
                        lat,
                        j,
                        after,
                        Found {
                            post: Some(post_full.clone()),
                            org_end: Some(post_start),
                            source: PersonSource::Byline,
                        },
                    );
                    found = true;
                    j = after;
                    continue;
                }
            }
            break;
        }
        k = j.max(k + 1);
    }
    // signatures: （建设科/刘金莉 王冠群） and （市林业发展中心/常雪）
    let mut k = ps;
    while k < pe {
        if chars[k] == '（' || chars[k] == '(' {
            let close = (k + 1..pe.min(k + 60)).find(|&x| chars[x] == '）' || chars[x] == ')');
            // a signature closes a paragraph or stands after punctuation,
            // not inside a sentence (各镇（中心）林业站)
            let placed = |close: usize| k == ps || !is_han(chars[k - 1]) || close + 1 >= pe;
            if let Some(close) = close.filter(|&c| placed(c)) {
                signature(r, lat, k + 1, close, out, covered);
                k = close + 1;
                continue;
            }
        }
        k += 1;
    }
}

/// Lists of names separated by 、 (出席：姜艾平、孙 琳、李晓玲; 县领导卢海明、
/// 董国祥、樊雪刚、黎青等): three or more items that are all names; a name
/// may be padded with a space (孙 琳).
pub fn name_lists(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let chars = &lat.chars;
    let n = chars.len();
    let mut i = 0;
    while i < n {
        // items: runs of han characters and inner spaces, separated by 、
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut k = i;
        loop {
            let s = k;
            while k < n
                && (is_han(chars[k])
                    || chars[k] == ' ' && k > s && k + 1 < n && is_han(chars[k + 1]))
            {
                k += 1;
            }
            if k == s {
                break;
            }
            items.push((s, k));
            if k < n && chars[k] == '、' {
                k += 1;
                continue;
            }
            break;
        }
        if items.len() >= 2 {
            // the first item may carry a lead-in (县领导卢海明): take its tail
            let name_of = |&(s, e): &(usize, usize)| -> Option<(usize, usize)> {
                let txt: String = chars[s..e].iter().filter(|c| **c != ' ').collect();
                let len = txt.chars().count();
                if (2..=3).contains(&len) {
                    let cs: Vec<char> = txt.chars().collect();
                    if delimited_name(r, &cs, 0, cs.len()) && listed_name(r, &txt) {
                        return Some((s, e));
                    }
                }
                None
            };
            let mut names: Vec<(usize, usize)> = Vec::new();
            let mut bad = 0usize;
            let last = items.len() - 1;
            for (ix, it) in items.iter().enumerate() {
                let it = *it;
                let found = if ix == 0 {
                    // tail of the first item (县领导卢海明)
                    let l = (it.1 - it.0).min(3);
                    let cand = [(it.1 - l, it.1), (it.1.saturating_sub(2).max(it.0), it.1)];
                    cand.iter().find_map(&name_of)
                } else if ix == last {
                    // the last item may end with 等 or a verb: take its head
                    let cand = [(it.0, (it.0 + 3).min(it.1)), (it.0, (it.0 + 2).min(it.1))];
                    name_of(&it).or_else(|| {
                        cand.iter().find_map(|c| {
                            name_of(c).filter(|c| {
                                let rest = lat.text(c.1, it.1);
                                r.lex.function_words.list_end.starts(&rest)
                                    || rest.is_empty()
                                    || !is_han(*chars.get(c.1).unwrap_or(&'。'))
                            })
                        })
                    })
                } else {
                    name_of(&it)
                };
                match found {
                    Some(c) => names.push(c),
                    None => bad += 1,
                }
            }
            // a list of names, not of other things: most items are names
            // (two items only when both are)
            let strict = |&(s, e): &(usize, usize)| {
                let txt: String = chars[s..e].iter().filter(|c| **c != ' ').collect();
                let first: String = txt.chars().take(1).collect();
                plausible_name(r, &txt)
                    && r.lex.surnames.get(&first).is_some_and(|rank| *rank <= 200)
            };
            if names.len() < 2
                || bad > 0 && items.len() < 5
                || bad * 5 > items.len()
                || items.len() == 2 && (bad > 0 || !names.iter().all(strict))
            {
                names.clear();
            }
            for (s, e) in names {
                if covered[s..e].iter().any(|c| *c) {
                    continue;
                }
                let name: String = chars[s..e].iter().filter(|c| **c != ' ').collect();
                out.push(Mention {
                    start: s,
                    end: e,
                    text: lat.text(s, e),
                    kind: MentionKind::Person {
                        name,
                        post: None,
                        org_end: None,
                        source: PersonSource::Post,
                    },
                });
                cover(covered, s, e);
            }
        }
        i = k.max(i + 1);
    }
}

/// Names that jieba tags as person names (nr), written where names are
/// written: after a post, before 同志, in a list, before a speech verb.
pub fn tagged_names(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
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
        let pw = &r.lex.person_words;
        let lead = pw.name_lead.iter().any(|w| {
            let l = w.chars().count();
            t.start >= l && lat.starts_with(t.start - l, w)
        });
        let ctx_before = is_punct(before) || before == '、' || lead;
        let ctx_after = after.starts_with(AFTER_TAGGED)
            || r.lex.function_words.list_end.starts(&after)
            || pw.speech_after.starts(&after);
        if !(ctx_before && ctx_after) {
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
    let chars = &lat.chars;
    let mut k = ps;
    // label
    if let Some(colon) = (ps..pe.min(ps + 8)).find(|&x| COLONS.contains(&chars[x])) {
        if chars[ps..colon].iter().all(|c| is_han(*c) || *c == ' ') {
            k = colon + 1;
        }
    }
    while k < pe && chars[k] == ' ' {
        k += 1;
    }
    // the name: han characters with at most one inner space
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
    let e = k;
    if !(2..=3).contains(&han) || e >= pe || chars[e] != ' ' {
        return false;
    }
    let name: String = chars[s..e].iter().filter(|c| **c != ' ').collect();
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

/// A signature inside brackets: units before `/`, names after it.
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
    let (units_end, names_start) = match slash {
        Some(x) => (x, x + 1),
        None => (e, e),
    };
    // units: chains, or bare internal units of the article's body
    let mut last_unit: Option<usize> = None;
    let mut unit_words = split_words(chars, s, units_end);
    if unit_words
        .iter()
        .any(|&(a, b)| !chars[a..b].iter().all(|c| is_han(*c)))
    {
        return;
    }
    if unit_words.is_empty() {
        return;
    }
    for (a, b) in unit_words.drain(..) {
        if covered[a..b].iter().any(|c| *c) {
            return;
        }
        let mut p = a;
        while p < b {
            let parsed =
                chain::parse(r, lat, p).filter(|(c, end)| *end <= b && !c.links.is_empty());
            if let Some((ch, end)) = parsed {
                out.push(Mention {
                    start: p,
                    end,
                    text: lat.text(p, end),
                    kind: MentionKind::Chain(ch),
                });
                last_unit = Some(end);
                cover(covered, p, end);
                p = end;
                continue;
            }
            // a bare unit: 建设科, 自然保护地管理科, 许可科
            match chain::generic_at(r, lat, p, crate::lexicon::SuffixRole::Unit, 10) {
                Some((link, end)) if end <= b => {
                    out.push(Mention {
                        start: p,
                        end,
                        text: lat.text(p, end),
                        kind: MentionKind::Chain(chain::Chain {
                            links: vec![link],
                            ends: vec![end],
                            ..Default::default()
                        }),
                    });
                    last_unit = Some(end);
                    cover(covered, p, end);
                    p = end;
                }
                _ => break,
            }
        }
    }
    if slash.is_none() {
        return;
    }
    for (a, b) in split_words(chars, names_start, e) {
        if delimited_name(r, chars, a, b) {
            push_person(
                out,
                covered,
                lat,
                a,
                b,
                Found {
                    post: None,
                    org_end: last_unit,
                    source: PersonSource::Signature,
                },
            );
        }
    }
}

/// A post followed by a name: 区委书记李辉, 讲解员曲艺, 县领导卢海明、董国祥.
pub fn by_post(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let n = lat.len();
    let mut k = 0;
    while k < n {
        let Some((len, _)) = lat.longest(k, |p| matches!(p, Piece::Post)) else {
            k += 1;
            continue;
        };
        let post = lat.text(k, k + len);
        let mut j = k + len;
        if j < n && covered[j] {
            k = j;
            continue;
        }
        let mut first = true;
        loop {
            let nr = name_token(r, lat, j);
            let Some(l) = name_at(r, lat, j).or(nr) else {
                break;
            };
            let after = j + l;
            let nx = lat.chars.get(after).copied().unwrap_or('。');
            // right after its post and before a delimiter or a verb, a name
            // may also be a word (讲解员曲艺获…)
            let name = lat.text(j, after);
            let post_noun = lat
                .token(k)
                .is_some_and(|t| t.start == k && t.tag == Tag::N);
            let framed = j == k + len
                && post_noun
                && (is_punct(nx)
                    || r.lex.person_words.after_post_name.has_char(nx)
                    || report_verb_at(r, lat, after));
            let plausible = plausible_name(r, &name) || framed && listed_name(r, &name);
            if !plausible
                || covered[j..after].iter().any(|c| *c)
                    && !free_short_places(out, covered, j, after)
            {
                break;
            }
            // the name must be followed by a delimiter, 同志, or a verb
            let ok = is_punct(nx)
                || !is_han(nx)
                || lat.tok_start(after)
                || r.lex.person_words.after_name.has_char(nx);
            if !ok {
                break;
            }
            push_person(
                out,
                covered,
                lat,
                j,
                after,
                Found {
                    post: Some(post.clone()),
                    org_end: None,
                    source: PersonSource::Post,
                },
            );
            first = false;
            if nx == '、' {
                j = after + 1;
                continue;
            }
            break;
        }
        let _ = first;
        k += len.max(1);
    }
}

/// Frees the span of a name after its post from the short place names read
/// inside it (建平 in 局长周建平): when every mention there is a short
/// division name starting after the surname, those mentions are dropped.
fn free_short_places(out: &mut Vec<Mention>, covered: &mut [bool], s: usize, e: usize) -> bool {
    let inside = |m: &Mention| m.start < e && m.end > s;
    let only_short = out
        .iter()
        .filter(|m| inside(m))
        .all(|m| matches!(&m.kind, MentionKind::Place(p) if p.short) && m.start > s && m.end <= e);
    if !only_short {
        return false;
    }
    out.retain(|m| !inside(m));
    covered[s..e].iter_mut().for_each(|c| *c = false);
    true
}

/// People named right after 我市/我区/我县 in a list that ends in a verb
/// (我市庞天宇、赵文丽在全国大赛中获奖): the place's own people.
pub fn after_home(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
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
                || !plausible_name(r, &lat.text(p, e))
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
pub fn after_body(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
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
        let name = lat.text(e, e + l);
        let nx = lat.chars.get(e + l).copied().unwrap_or('。');
        let verb_after = lat.token(e + l).is_some_and(|t| {
            let w = lat.text(t.start, t.end);
            t.start == e + l
                && (r.tags().verb.contains(t.tag) && r.is_word(&w)
                    || r.lex.person_words.report_verb.contains(&w))
        });
        let listed = r.lex.function_words.list_end.has_char(nx);
        if !plausible_name(r, &name) || !(is_punct(nx) || listed || verb_after) {
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
