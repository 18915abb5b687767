//! Names recognized by their heads: organizations (…有限公司, …大学, …协会),
//! projects (…项目, …工程, …产业园, …高速) and places that are not
//! divisions (…社区, …村, …小区, …河). The left edge of the name is found by
//! walking back over jieba tokens until punctuation, a function word, a
//! governing verb or another head; a division at the left edge is kept as
//! the name's place.

use super::chain::PlaceRef;
use super::lattice::{Lattice, Piece};
use super::{is_han, is_punct, Mention, MentionKind, Recognizer};
use crate::lexicon::{SuffixRole, Tag, Trigger};
use crate::EntityType;

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
        if !r.is_word(&w) {
            return true;
        }
        // a known place (齐鲁, 济南) or a rare proper noun of the dictionary;
        // frequent dictionary words tagged as names are ordinary words
        // (城市/ns, 文明/nr)
        let known_place = r.lex.division_by_short.contains_key(&w)
            || r.lex.division_by_name.contains_key(&w)
            || r.lex.geo.contains_key(&w)
            || r.lex.countries.contains_key(&w);
        let freq = r.word_freq(&w);
        if known_place || tc.rare_proper.contains(tag) && freq < 300 || tag == Tag::Ns && freq < 20
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

struct Cand {
    start: usize,
    end: usize,
    etype: EntityType,
    place: Option<PlaceRef>,
}

/// Scans for headed names and for places not yet covered.
pub fn scan(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let n = lat.len();
    let (hw, fw) = (&r.lex.head_words, &r.lex.function_words);
    // places found inside other mentions are kept as the names' prefixes
    let place_mentions: Vec<(usize, usize, PlaceRef)> = out
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Place(p) => Some((m.start, m.end, p.clone())),
            _ => None,
        })
        .collect();
    let places_by_end: std::collections::HashMap<usize, (usize, usize, PlaceRef)> =
        place_mentions.into_iter().map(|p| (p.1, p)).collect();
    let place_end = |e: usize| places_by_end.get(&e).cloned();
    // organisations, which a project's name may contain
    let orgs: std::collections::HashMap<usize, usize> = out
        .iter()
        .filter(|m| m.etype() == Some(EntityType::Organization))
        .map(|m| (m.end, m.start))
        .collect();
    // the mentions so far by start, to find those a candidate overlaps
    let mut spans: Vec<(usize, usize, bool, bool)> = out
        .iter()
        .map(|m| {
            (
                m.start,
                m.end,
                matches!(m.kind, MentionKind::Place(_)),
                m.etype() == Some(EntityType::Organization),
            )
        })
        .collect();
    spans.sort_unstable();
    let mut cands: Vec<Cand> = Vec::new();
    for q in 0..n {
        for (s, _, len) in lat.pieces_at(q) {
            let Some(sufs) = r.lex.suffixes.get(s) else {
                continue;
            };
            let Some(suf) = sufs.iter().find(|x| {
                x.role == SuffixRole::Body && x.etype != EntityType::Agency
                    || x.etype == EntityType::Organization
            }) else {
                continue;
            };
            let mut end = q + len;
            if covered[q..end].iter().all(|c| *c) {
                continue;
            }
            // a project's phase or section after its head: 一期工程（鞍山段）
            if suf.etype == EntityType::Project {
                if let Some(close) = section_after(r, lat, end) {
                    end = close;
                }
            }
            // the head must end a word (园 in 园林 does not)
            if let Some(t) = lat.token(end - 1) {
                if t.end > end && lat.chars.get(end).is_some_and(|c| is_han(*c)) {
                    continue;
                }
            }
            let org_end = |e: usize| -> Option<usize> {
                if suf.etype != EntityType::Project {
                    return None;
                }
                orgs.get(&e).copied()
            };
            if let Some((start, place)) = left_edge(
                r,
                lat,
                q,
                covered,
                &place_end,
                &org_end,
                if suf.etype == EntityType::Project {
                    Head::Project
                } else if hw.company_head.ends(s) {
                    Head::Company
                } else {
                    Head::Other
                },
            ) {
                let bare = place.as_ref().map(|p| p.end).unwrap_or(start);
                let inner = lat.text(bare, q);
                // a single-character head needs a longer name (齐鲁创智园, not 校园)
                if len == 1 && q - bare < 3 && place.is_none() {
                    continue;
                }
                // quantities and lists are not names (21个村, 各镇)
                let first_tok = lat
                    .token(bare)
                    .map(|t| lat.text(t.start, t.end))
                    .unwrap_or_default();
                let quantifier = first_tok.chars().count() == 1 && fw.quantifier.starts(&first_tok)
                    || r.lex.is(&first_tok, Trigger::Anaphor)
                    || r.lex.generic.contains(&first_tok);
                let counted = inner.chars().zip(inner.chars().skip(1)).any(|(a, b)| {
                    (a.is_ascii_digit() || fw.counting_numeral.has_char(a))
                        && fw.count_classifier.has_char(b)
                });
                if counted || quantifier {
                    continue;
                }
                // a one-character place name needs a place before it (大虞街道中社区)
                if suf.etype == EntityType::Place && q - bare < 2 && place.is_none() {
                    continue;
                }
                // a name needs something proper in it (丁家社区, 广文中学), or a
                // place before it; 美丽乡村, 物业公司, 重点项目 are common nouns
                let strict = suf.etype != EntityType::Place || !hw.named_place_head.contains(s);
                // a compound's name is a name, not an adjective or a verb (老旧小区)
                if !strict {
                    if let Some(t) = lat.token(bare) {
                        let w = lat.text(t.start, t.end);
                        let tag = t.tag;
                        let _ = &w;
                        if r.tags().not_compound_name.contains(tag) {
                            continue;
                        }
                    }
                }
                // a slogan in quotes before 项目/工程 is a campaign, not a name
                // (“征迁清零”项目, “全覆盖”工程)
                if hw.project_end.contains(s) && inner.starts_with('“') && inner.ends_with('”')
                {
                    let verb = (bare + 1..q - 1).any(|k| {
                        lat.token(k)
                            .is_some_and(|t| r.tags().predicate_verb.contains(t.tag))
                    });
                    if verb {
                        continue;
                    }
                }
                // a project named by one ordinary word (城市更新项目, 纳统项目) or
                // by two characters is no name
                if hw.project_end.contains(s) {
                    let plain: String = inner.chars().filter(|c| !matches!(c, '“' | '”')).collect();
                    let one_word = lat.token(bare).is_some_and(|t| {
                        t.start == bare && t.end == q && r.is_word(&lat.text(t.start, t.end))
                    });
                    if plain.chars().count() < 3 || one_word && !inner.contains('“') {
                        continue;
                    }
                }
                // associations and chambers are named by what they gather
                // (新生代企业家商会)
                let association = hw.association_end.ends(s) && q - bare >= 4;
                if strict
                    && place.is_none()
                    && !association
                    && !proper(r, lat, bare, q, suf.etype == EntityType::Project)
                {
                    continue;
                }
                let min = if suf.etype == EntityType::Place { 1 } else { 2 };
                if q - start < min && place.is_none() {
                    continue;
                }
                if q - start < min {
                    continue;
                }
                cands.push(Cand {
                    start,
                    end,
                    etype: suf.etype,
                    place,
                });
            }
        }
    }
    // longest names first, no overlaps
    cands.sort_by_key(|c| (std::cmp::Reverse(c.end - c.start), c.start));
    let mut taken = vec![false; n + 1];
    let mut chosen: Vec<Cand> = Vec::new();
    for c in cands {
        if taken[c.start..c.end].iter().any(|t| *t) || covered[c.start..c.end].iter().all(|t| *t) {
            continue;
        }
        if covered[c.start..c.end].iter().any(|t| *t) {
            // overlapping other mentions: only places (and, in a project's
            // name, organisations) lying wholly inside it
            let from = spans.partition_point(|sp| sp.0 + 128 < c.start);
            let inner_ok =
                spans[from..]
                    .iter()
                    .take_while(|sp| sp.0 < c.end)
                    .all(|&(ms, me, place, org)| {
                        me <= c.start
                            || ms >= c.end
                            || (place || org && c.etype == EntityType::Project)
                                && ms >= c.start
                                && me <= c.end
                    });
            if !inner_ok {
                continue;
            }
        }
        for t in taken.iter_mut().take(c.end).skip(c.start) {
            *t = true;
        }
        chosen.push(c);
    }
    // place mentions swallowed by a name are dropped (kept as its place),
    // except a section's place in brackets (…一期工程（鞍山段）), which is
    // where the project lies
    let mut inside = vec![usize::MAX; n + 1];
    for (ci, c) in chosen.iter().enumerate() {
        for x in inside.iter_mut().take(c.end).skip(c.start) {
            *x = ci;
        }
    }
    out.retain(|m| {
        let bracketed = m.start > 0 && matches!(lat.chars[m.start - 1], '（' | '(');
        !(matches!(m.kind, MentionKind::Place(_))
            && m.end > m.start
            && inside[m.start] != usize::MAX
            && inside[m.start] == inside[m.end - 1]
            && !bracketed)
    });
    for c in chosen {
        let name = clean(&lat.text(c.start, c.end));
        let name_start = c.place.as_ref().map(|p| p.end).unwrap_or(c.start);
        let _ = name_start;
        // 新茂社区党委: the party organ of a community or organisation
        for u in r.lex.head_words.party_unit.iter() {
            let ul = u.chars().count();
            if lat.text(c.end, c.end + ul) == u && c.etype != EntityType::Project {
                let bare = c.place.as_ref().map(|p| p.end).unwrap_or(c.start);
                out.push(Mention {
                    start: bare,
                    end: c.end + ul,
                    text: lat.text(bare, c.end + ul),
                    kind: MentionKind::Named {
                        etype: EntityType::Organization,
                        name: clean(&lat.text(bare, c.end + ul)),
                        place: c.place.clone(),
                    },
                });
                for t in covered.iter_mut().take(c.end + ul).skip(c.end) {
                    *t = true;
                }
            }
        }
        out.push(Mention {
            start: c.start,
            end: c.end,
            text: lat.text(c.start, c.end),
            kind: MentionKind::Named {
                etype: c.etype,
                name,
                place: c.place,
            },
        });
        for t in covered.iter_mut().take(c.end).skip(c.start) {
            *t = true;
        }
    }
    merge_zones(r, lat, out);
    org_units(r, lat, out, covered);
    // countries and geographic names
    let mut i = 0;
    while i < n {
        if covered[i] {
            i += 1;
            continue;
        }
        if let Some((len, p)) = lat.longest(i, |p| matches!(p, Piece::Country(_) | Piece::Geo(_))) {
            let other = match p {
                Piece::Country(c) | Piece::Geo(c) => c.clone(),
                _ => unreachable!(),
            };
            // a name cutting a word is none (海河 in 入海河流); a country
            // right before a noun is its modifier (美国白蛾, 加拿大一枝黄花)
            let cuts = !lat.tok_boundary(i) || !lat.tok_boundary(i + len);
            let modifier = matches!(p, Piece::Country(_))
                && lat
                    .token(i + len)
                    .is_some_and(|t| t.start == i + len && r.tags().modified_noun.contains(t.tag));
            if !cuts && !modifier && !covered[i..i + len].iter().any(|c| *c) {
                let pr = PlaceRef {
                    text: lat.text(i, i + len),
                    cands: Vec::new(),
                    short: false,
                    other: Some(other),
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
                for t in covered.iter_mut().take(i + len).skip(i) {
                    *t = true;
                }
                i += len;
                continue;
            }
        }
        i += 1;
    }
}

/// Removes spaces; normalizes ASCII brackets to full-width ones.
pub fn clean(s: &str) -> String {
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
    if !matches!(lat.chars.get(p), Some('（' | '(')) {
        return None;
    }
    let close = (p + 1..(p + 8).min(lat.len())).find(|&k| matches!(lat.chars[k], '）' | ')'))?;
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

/// Walks left from the head at `q` to the start of the name.
fn left_edge(
    r: &Recognizer,
    lat: &Lattice,
    q: usize,
    covered: &[bool],
    place_end: &dyn Fn(usize) -> Option<(usize, usize, PlaceRef)>,
    org_end: &dyn Fn(usize) -> Option<usize>,
    head: Head,
) -> Option<(usize, Option<PlaceRef>)> {
    let (hw, fw) = (&r.lex.head_words, &r.lex.function_words);
    let project = head == Head::Project;
    let company = head == Head::Company;
    let mut start = q;
    // the head may sit inside a token that starts earlier: a name (徒骇河,
    // 黄河流域 — then that word is the name) or an ordinary word (乡村,
    // 青山 — then there is no name here)
    if let Some(t) = lat.token(q) {
        if t.start < q && t.end > q {
            let w = lat.text(t.start, t.end);
            let known = r.lex.geo.contains_key(&w) || r.lex.division_by_name.contains_key(&w);
            if known {
                return Some((t.start, None));
            }
            // a compound of a name verb and the head (建设项目, 改造工程):
            // the name goes on before it
            let before = lat.text(t.start, q);
            let verb_head = r.lex.name_verbs.contains(&before) || is_phase(r, &before);
            if r.is_word(&w) && !r.tags().head_word_name.contains(t.tag) && !verb_head {
                return None;
            }
            start = t.start;
        }
    }
    let limit = q.saturating_sub(16);
    while start > limit {
        let prev = start - 1;
        let c = lat.chars[prev];
        // a place before the name: keep it and stop, unless it is the end
        // of a route (天津至潍坊高速铁路)
        if let Some((ps, _, pr)) = place_end(start) {
            if ps >= 2 && fw.route_joiner.has_char(lat.chars[ps - 1]) {
                if let Some((ps2, _, _)) = place_end(ps - 1) {
                    return Some((ps2, None));
                }
            }
            // a place name inside a longer name (金钟工业园区物流园): go on
            let before = ps.checked_sub(1).map(|k| lat.chars[k]);
            let inside = before.is_some_and(|b| is_han(b) && !covered[ps - 1])
                && lat.token(ps - 1).is_some_and(|t| {
                    let w = lat.text(t.start, t.end);
                    !r.is_word(&w) || r.tags().inner_name.contains(t.tag)
                });
            if !inside {
                return Some((ps, Some(pr)));
            }
            start = ps;
            continue;
        }
        // a geographic name starts the name (辽东半岛水资源配置一期工程)
        if let Some(&(gs, _)) = lat.ending_at(start, |p| matches!(p, Piece::Geo(_))).first() {
            if lat.tok_boundary(gs) && !covered[gs..start].iter().any(|c| *c) {
                return Some((gs, None));
            }
        }
        if covered[prev] {
            // an organisation named inside a project's name
            // (丹寨县第四幼儿园扩建项目)
            if let Some(os) = org_end(start) {
                if os >= limit {
                    start = os;
                    continue;
                }
            }
            break;
        }
        // （聊城） inside a company name
        if c == '）' || c == ')' {
            if let Some(open) = (prev.saturating_sub(6)..prev)
                .rev()
                .find(|&k| lat.chars[k] == '（' || lat.chars[k] == '(')
            {
                let inner = lat.text(open + 1, prev);
                let division = lat
                    .longest(open + 1, |p| {
                        matches!(p, Piece::Division(_) | Piece::DivisionShort(_))
                    })
                    .is_some_and(|(l, _)| l == inner.chars().count());
                // a phase or section of a project: （二期）, （鞍山段）
                let phase = hw.section_end.ends(&inner);
                // another name of the word before it: 杜鹃（牡丹）新村
                let alias = start < q
                    && open > 0
                    && is_han(lat.chars[open - 1])
                    && (2..=4).contains(&inner.chars().count())
                    && inner.chars().all(is_han);
                if (division || phase || alias) && start < q || phase && start == q {
                    start = open;
                    continue;
                }
            }
            break;
        }
        // a quoted name (“壹号仓”项目, “氢进万家”二期示范工程)
        if c == '”' {
            if let Some(open) = (prev.saturating_sub(12)..prev)
                .rev()
                .find(|&k| lat.chars[k] == '“')
            {
                if lat.chars[open + 1..prev]
                    .iter()
                    .all(|ch| is_han(*ch) || ch.is_ascii_alphanumeric() || *ch == '·')
                {
                    // the quoted name starts the name
                    start = open;
                    break;
                }
            }
            break;
        }
        if is_punct(c) || c == '\n' {
            break;
        }
        let Some(t) = lat.token(prev) else { break };
        let w = lat.text(t.start, t.end);
        let tag = t.tag;
        // a phase is part of a project's name (一期 in 水资源配置一期工程),
        // whatever tag jieba gives it
        if is_phase(r, &w) && project {
            start = t.start;
            continue;
        }
        // a conjunction that jieba glued to the next word ends the name
        // (及局 in 讲话精神及局党委)
        if w.chars().count() >= 2 && fw.glued_conjunction.starts(&w) && !r.is_word(&w) {
            break;
        }
        // a one-character name between a place and the head (大虞街道中社区)
        if start == q && t.end == q && t.end - t.start == 1 && !r.lex.is(&w, Trigger::LeftStop) {
            if let Some((ps, _, pr)) = place_end(t.start) {
                return Some((ps, Some(pr)));
            }
        }
        if r.lex.is(&w, Trigger::LeftStop) || r.lex.is(&w, Trigger::Anaphor) {
            break;
        }
        if r.lex.generic.contains(&w) {
            break;
        }
        // posts end a name; so does the head of a previous project
        // (重大项目济临高速), while other heads sit inside longer names
        // (金钟工业园区物流园建设项目, 荣海新区政务服务中心项目)
        let phase_after = {
            let rest = lat.text(t.end, q);
            rest.starts_with(['（', '('])
                && rest.ends_with(['）', ')'])
                && rest.chars().count() <= 6
        };
        let association = lat
            .chars
            .get(q..)
            .is_some_and(|h| h.iter().take(2).any(|c| hw.association_end.has_char(*c)));
        if r.lex.posts.contains_key(&w) && !association
            || hw.project_end.contains(&w) && !phase_after
        {
            break;
        }
        let stop_tag =
            r.tags().name_left_stop.contains(tag) || tag == Tag::F && w.chars().count() < 2;
        // a word outside the dictionary is a name part whatever tag the
        // HMM guessed (守敬 in 守敬社区); dictionary words are judged by tag
        // (a person's name is not part of a body's name: 李春到福建一建集团)
        let person = r.tags().person_name.contains(tag) && start != q;
        let function_char = fw.function_char.in_str(&w);
        let oov = w.chars().count() >= 2 && !r.is_word(&w) && !person && !function_char;
        // a person's name ends a body's name on the left (李春到福建一建集团)
        if r.tags().person_name.contains(tag) && start != q && !r.is_word(&w) {
            break;
        }
        if !oov {
            if stop_tag && !(tag == Tag::P && fw.route_joiner.contains(&w)) {
                break;
            }
            // numbers are names only right before a place head (八一社区)
            let numeral_name = start == q
                && w.chars().count() >= 2
                && !fw.approximate_numeral.in_str(&w)
                && !fw.large_numeral.in_str(&w);
            if tag == Tag::M && !w.chars().all(|ch| ch.is_ascii_digit()) && !numeral_name {
                break;
            }
            if r.tags().predicate_verb.contains(tag) && !r.lex.name_verbs.contains(&w) {
                break;
            }
        }
        if t.start < limit {
            break;
        }
        start = t.start;
    }
    // a project named after its place or body (丹寨县殡葬一体化建设项目,
    // 丹寨县第四幼儿园扩建项目): the words between may be verbs; a company
    // after its place (潍坊 + trade name 天元 + industry 智能制造 + 有限公司):
    // the trade name may be any word
    if project || company {
        for back in 1..=(if company { 12 } else { 8 }) {
            let Some(at) = start.checked_sub(back) else {
                break;
            };
            let ch = lat.chars[at];
            if is_punct(ch)
                || ch == '\n'
                || covered[at]
                    && (company || place_end(at + 1).is_none() && org_end(at + 1).is_none())
            {
                break;
            }
            // a company's trade name holds no person, post or lone verb
            // (三明市市长李春到福建一建集团)
            if company {
                if let Some(t) = lat.token(at) {
                    let w = lat.text(t.start, t.end);
                    if r.tags().person_name.contains(t.tag)
                        || r.lex.posts.contains_key(&w)
                        || r.tags().verb.contains(t.tag) && w.chars().count() == 1
                    {
                        break;
                    }
                }
            }
            // only nouns and verbs between (not 要把, 都, 所有, 打造)
            if let Some(t) = lat.token(at) {
                let w = lat.text(t.start, t.end);
                let tag = t.tag;
                let trigger = r.lex.triggers.get(&w).is_some_and(|k| {
                    k.iter().any(|k| {
                        matches!(
                            k,
                            Trigger::LeftStop
                                | Trigger::Participate
                                | Trigger::Issue
                                | Trigger::Partner
                        )
                    })
                });
                let oov = !r.is_word(&w);
                let stop_tag = if company {
                    r.tags().company_stop.contains(tag)
                } else {
                    r.tags().project_stop.contains(tag)
                };
                if !oov && stop_tag
                    || trigger && !r.lex.name_verbs.contains(&w)
                    || r.lex.generic.contains(&w)
                    || lat.chars[at].is_ascii_digit()
                {
                    break;
                }
            }
            if let Some((ps, _, pr)) = place_end(at) {
                return Some((ps, Some(pr)));
            }
            if let Some(os) = org_end(at) {
                return Some((os, None));
            }
        }
    }
    // a preposition that jieba glued to a known name (对 + 马颊河林场)
    if start + 1 < q && fw.glued_preposition.has_char(lat.chars[start]) {
        let known = lat.longest(start + 1, |p| {
            matches!(
                p,
                Piece::Geo(_) | Piece::Division(_) | Piece::DivisionShort(_)
            )
        });
        if known.is_some_and(|(len, _)| start + 1 + len <= q) {
            start += 1;
        }
    }
    if start >= q {
        return None;
    }
    // the name part must not be a generic modifier
    let name = lat.text(start, q);
    if r.lex.generic.contains(&name) {
        return None;
    }
    Some((start, None))
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
pub fn shared_heads(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>, covered: &mut [bool]) {
    let fw = &r.lex.function_words;
    let mut add: Vec<Mention> = Vec::new();
    for m in out.iter() {
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
        for (ix, it) in items.iter().enumerate() {
            let (s, e) = if ix == 0 { trim_lead(r, lat, *it) } else { *it };
            if s >= e {
                continue;
            }
            if covered[s..e].iter().any(|x| *x)
                && !out
                    .iter()
                    .any(|o| o.start == s && o.end == e && matches!(o.kind, MentionKind::Place(_)))
            {
                continue;
            }
            let item = lat.text(s, e);
            let post_in = (s..e).any(|x| {
                lat.pieces_at(x)
                    .any(|(_, ps, _)| ps.iter().any(|p| matches!(p, Piece::Post)))
            });
            if post_in || r.common_word(&item) {
                continue;
            }
            add.push(Mention {
                start: s,
                end: e,
                text: item.clone(),
                kind: MentionKind::Named {
                    etype: EntityType::Place,
                    name: format!("{item}{head}"),
                    place: None,
                },
            });
        }
    }
    // townships before 等乡镇 / 等镇 / 等街道
    let c = &lat.chars;
    for k in 1..c.len() {
        if !fw.list_end.has_char(c[k]) {
            continue;
        }
        if lat
            .word_at(k + 1, &r.lex.place_terms.township_list_end)
            .is_none()
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
        for (ix, it) in items.iter().enumerate() {
            let (a, b) = if ix == 0 { trim_lead(r, lat, *it) } else { *it };
            if a >= b {
                continue;
            }
            let short = lat.text(a, b);
            let Some(cands) = r.lex.division_by_short.get(&short) else {
                continue;
            };
            let towns: Vec<usize> = cands
                .iter()
                .copied()
                .filter(|&i| r.lex.divisions[i].level == crate::lexicon::Level::Town)
                .collect();
            if towns.is_empty() || covered[a..b].iter().any(|x| *x) {
                continue;
            }
            add.push(Mention {
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
            });
        }
    }
    for m in add {
        out.retain(|o| {
            !(o.start == m.start && o.end == m.end && matches!(o.kind, MentionKind::Place(_)))
        });
        for x in covered.iter_mut().take(m.end).skip(m.start) {
            *x = true;
        }
        out.push(m);
    }
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
        if b_zone && a_is_place && a.end == b.start {
            let name = clean(&lat.text(a.start, b.end));
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
            kind: MentionKind::Chain(super::chain::Chain {
                links: vec![
                    super::chain::Link::Generic {
                        text: name.clone(),
                        etype: EntityType::Organization,
                    },
                    super::chain::Link::Unit { text },
                ],
                ends: vec![m.end, end],
                ..Default::default()
            }),
        });
    }
    for m in add {
        for c in covered.iter_mut().take(m.end).skip(m.start) {
            *c = true;
        }
        out.retain(|o| {
            !(o.start == m.start && o.end <= m.end && matches!(o.kind, MentionKind::Named { .. }))
        });
        out.push(m);
    }
}
