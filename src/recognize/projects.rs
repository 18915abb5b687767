//! Lists of projects: the items of a list that each end in a project's
//! end (…项目；…项目；…工程) are projects whole, from their separator to
//! their end, whatever bodies or places their names hold (某某县青少年活动
//! 中心建设项目); an amount before an item (计划总投资30亿元) is no part of it.
//!
//! Takes: the lattice and the mentions so far. Gives: `Named` project
//! mentions that replace the mentions inside them (a place that starts
//! the name becomes the project's place).

use super::lattice::Piece;
use super::{cover, is_han, Lattice, Mention, MentionKind, PlaceRef, Recognizer};
use crate::EntityType;

/// The `built_institutions` pass: a school or hospital named right after a
/// verb of building, alone or in a list (新建扩建某某小学、某某中学), is
/// one being built: a project of that name, not the institution.
pub(crate) fn built_institutions(r: &Recognizer, lat: &Lattice, out: &mut Vec<Mention>) {
    shared_project_heads(r, lat, out);
    let hw = &r.lex.head_words;
    // (a verb the name swallowed: 新建 is a short place name too)
    let verbs_end = |m: &Mention| {
        let mut k = m.start;
        while let Some(l) = (2..=4)
            .rev()
            .find(|&l| hw.build_verb.contains(lat.str(k, k + l)))
        {
            k += l;
        }
        k
    };
    // a kind counted after the last item of a list is no part of it
    // (新建甲学校、乙学校中小学9所)
    let mut trimmed: Vec<(usize, usize)> = Vec::new();
    for m in out.iter_mut() {
        if let Some(e) = counted_kind_start(r, lat, m) {
            trimmed.push((m.start, e));
            m.end = e;
            m.text = lat.text(m.start, e);
            if let MentionKind::Named { name, .. } = &mut m.kind {
                *name = super::names::clean(&m.text);
            }
        }
    }
    // verbs of building before a bare kind name nothing (新建改扩建学校12所)
    out.retain(|m| {
        let k = verbs_end(m);
        k == m.start || !hw.built_institution.contains(lat.str(k, m.end))
    });
    let verb_in = |m: &Mention| {
        let k = verbs_end(m);
        (k > m.start && k + 1 < m.end).then_some(k - m.start)
    };
    // the projects by start, with the farthest end reached so far
    let mut works: Vec<(usize, usize)> = (out.iter())
        .filter(|o| o.etype() == Some(EntityType::Project))
        .map(|o| (o.start, o.end))
        .collect();
    works.sort_unstable();
    let reach: Vec<usize> = (works.iter())
        .scan(0, |far, &(_, e)| {
            *far = e.max(*far);
            Some(*far)
        })
        .collect();
    let in_work = |m: &Mention| {
        let k = works.partition_point(|&(s, _)| s <= m.start);
        k > 0 && reach[k - 1] > m.end
    };
    let built: Vec<(usize, usize)> = (0..out.len())
        .filter_map(|i| {
            let m = &out[i];
            // (an institution that starts a longer name is no item: 某某
            // 中学中餐烹饪实训基地改造工程)
            let fw = &r.lex.function_words;
            let alone = !lat.chars.get(m.end).is_some_and(|c| super::is_han(*c))
                || fw.list_joiner.has_char(lat.chars[m.end])
                || fw.list_end.has_char(lat.chars[m.end])
                || trimmed.contains(&(m.start, m.end));
            // (nor one whose name opens a building's being built: 某中学
            // 教学楼主体已封顶 builds the building, not the school)
            let built = built_after(r, lat, m.end) && !in_work(m);
            let institution = m.etype() == Some(EntityType::Organization)
                && hw.built_institution.ends(&m.text)
                && (alone || built);
            if !institution {
                return None;
            }
            match verb_in(m) {
                Some(l) => Some((i, l)),
                None => (built || after_build_verb(r, lat, m.start)).then_some((i, 0)),
            }
        })
        .collect();
    for (i, skip) in built {
        let m = &mut out[i];
        let place = if skip == 0 { place_first_in(m) } else { None };
        m.start += skip;
        m.text = lat.text(m.start, m.end);
        m.kind = MentionKind::Named {
            etype: EntityType::Project,
            name: super::names::clean(&m.text),
            place,
        };
    }
}

/// Where a kind of institution counted after a name starts (中小学 of
/// 某某学校中小学9所: the kind of the list's items and their number), if
/// the name ends with one and an institution's name ends before it.
fn counted_kind_start(r: &Recognizer, lat: &Lattice, m: &Mention) -> Option<usize> {
    let hw = &r.lex.head_words;
    if !matches!(m.kind, MentionKind::Named { .. } | MentionKind::Chain(_)) {
        return None;
    }
    let first = *lat.chars.get(m.end)?;
    let fw = &r.lex.function_words;
    let counted = first.is_ascii_digit() || fw.counting_numeral.has_char(first);
    if !counted || !hw.built_institution.ends(&m.text) {
        return None;
    }
    (m.end.saturating_sub(COUNTED_KIND_LEN)..m.end.saturating_sub(1)).find(|&j| {
        j > m.start + 2
            && hw.built_institution.ends(lat.str(m.start, j))
            && hw.built_institution.ends(lat.str(j, m.end))
    })
}

/// The longest kind of institution counted after a list (中小学).
const COUNTED_KIND_LEN: usize = 4;

/// The institutions listed before a project that they share its end with
/// (城东小学、城西幼儿园项目: two projects): each school, hospital or
/// library right before the 、 of a project named by its end becomes a
/// project of its name and that end. Run first in `built_institutions`.
fn shared_project_heads(r: &Recognizer, lat: &Lattice, out: &mut [Mention]) {
    let hw = &r.lex.head_words;
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(out[i].start));
    // right to left, so that each item hands the end on to the one
    // before: where each project or item starts, and its end
    let mut ends: Vec<(usize, String)> = Vec::new();
    let mut items: Vec<(usize, String)> = Vec::new(); // (mention, end)
    for &i in &order {
        let m = &out[i];
        if m.etype() == Some(EntityType::Project) {
            if let Some(end) = hw.project_end.ending(&m.text) {
                ends.push((m.start, end.to_string()));
            }
            continue;
        }
        let institution = matches!(
            m.etype(),
            Some(EntityType::Organization | EntityType::Agency)
        ) && hw.built_institution.ends(&m.text)
            && lat.chars.get(m.end) == Some(&'、');
        let end = ends
            .iter()
            .find(|(s, _)| *s == m.end + 1)
            .map(|(_, e)| e.clone());
        if let Some(end) = end.filter(|_| institution) {
            ends.push((m.start, end.clone()));
            items.push((i, end));
        }
    }
    for (i, end) in items {
        let m = &mut out[i];
        let place = place_first_in(m);
        m.kind = MentionKind::Named {
            etype: EntityType::Project,
            name: format!("{}{end}", super::names::clean(&m.text)),
            place,
        };
    }
}

/// The place a mention's name starts with (某市 in 某市第一中学), if any.
fn place_first_in(m: &Mention) -> Option<PlaceRef> {
    match &m.kind {
        MentionKind::Chain(ch) => ch.places.first().filter(|p| p.start == m.start).cloned(),
        MentionKind::Named { place, .. } => place.clone(),
        _ => None,
    }
}

/// Whether a verb of building comes right before `s`, or before the items
/// of a list that the name at `s` goes on (新建A、B和C): the last such verb
/// of the clause, with `s` right after it or after a list joiner.
fn after_build_verb(r: &Recognizer, lat: &Lattice, s: usize) -> bool {
    let c = &lat.chars;
    let joiner = &r.lex.function_words.list_joiner;
    let verbs = &r.lex.head_words.build_verb;
    let from = (0..s)
        .rev()
        .find(|&k| ITEM_STARTS.contains(&c[k]) && c[k] != '、')
        .map_or(0, |k| k + 1);
    let verb_end = (from..=s)
        .rev()
        .find(|&k| (2..=4).any(|len| k >= from + len && verbs.contains(lat.str(k - len, k))));
    // (no project's end between: 某某建设项目、某某幼儿园扩建项目)
    let ends = &r.lex.head_words.project_end;
    match verb_end {
        Some(v) => {
            // (an aspect particle may close the verb: 新建扩建了某某小学)
            let aspect = s == v + 1
                && lat.token(v).is_some_and(|t| {
                    t.start == v && t.end == s && t.tag == crate::lexicon::Tag::Ul
                });
            v == s
                || aspect
                || s > 0
                    && joiner.has_char(c[s - 1])
                    && !ends.iter().any(|e| lat.text(v, s).contains(e))
        }
        None => false,
    }
}

/// How far after an institution's name a stage of its building may close
/// the clause (于2023年12月开工建设).
const BUILT_STATE_REACH: usize = 12;

/// Whether the text after an institution's name at `e` says it is being
/// built: the site of the work right after it (某某文化宫建设工地), or a
/// stage of the work that closes its clause (某某体育馆于去年开工建设。).
fn built_after(r: &Recognizer, lat: &Lattice, e: usize) -> bool {
    let (hw, c) = (&r.lex.head_words, &lat.chars);
    if lat.word_at(e, &hw.built_site).is_some() {
        return true;
    }
    let end = (e + BUILT_STATE_REACH).min(c.len());
    for k in e..end {
        if super::is_punct(c[k]) {
            return false;
        }
        if let Some((_, len)) = lat.word_at(k, &hw.built_state) {
            let after = k + len;
            if after >= c.len() || super::is_punct(c[after]) {
                return true;
            }
        }
        // (not the work of a project named on: 某中学改扩建项目于近日开工)
        let named_on = lat.word_at(k, &hw.project_end).is_some();
        if named_on || lat.word_at(k, &hw.build_verb).is_some() {
            return false;
        }
    }
    false
}

/// Separators between the items of a list of projects.
const ITEM_SEPARATORS: &[char] = &['；', ';', '、', '，', ','];

/// Characters before which no item starts (its start is after them).
const ITEM_STARTS: &[char] = &['；', ';', '、', '，', ',', '：', ':', '。', '\n'];

/// No mention is longer than this many characters (for looking up the
/// mentions inside an item).
const MAX_MENTION: usize = 200;

/// An item of a list that ends in a project's end.
struct Item {
    /// Where the item starts after its separator.
    from: usize,
    /// Where the project's name starts (after an amount).
    start: usize,
    /// One past the project's end.
    end: usize,
}

/// The `project_lists` pass: see the module comment.
pub(crate) fn project_lists(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let items = items(r, lat);
    let c = &lat.chars;
    // the mentions by their start, to look up those inside an item
    let by_start = ByStart::new(out);
    let near = |s: usize, e: usize| by_start.near(out, s, e);
    let mut taken: Vec<(usize, usize, Option<PlaceRef>)> = Vec::new();
    for (ix, it) in items.iter().enumerate() {
        let joined = |a: &Item, b: &Item| b.from == a.end + 1;
        let listed = ix > 0 && joined(&items[ix - 1], it)
            || items.get(ix + 1).is_some_and(|n| joined(it, n));
        if !listed || !ITEM_SEPARATORS.contains(&c[it.end.min(c.len() - 1)]) && ix == 0 {
            continue;
        }
        // a person or a document inside is no project's name
        let foreign = near(it.start, it.end).any(|m| {
            m.start < it.end
                && m.end > it.start
                && matches!(
                    m.kind,
                    MentionKind::Person { .. } | MentionKind::Document { .. }
                )
        });
        if !foreign {
            taken.push((
                it.start,
                it.end,
                place_first(near(it.start, it.start + 1), it.start),
            ));
        }
    }
    let named: Vec<Named> = taken
        .into_iter()
        .map(|(s, e, place)| (s, e, EntityType::Project, place))
        .collect();
    // a company whose project it is keeps its own mention
    // (某某有限公司超低排放改造项目), and so does a division written in full
    // inside the name after its start (某县某镇某某扩建项目: the project
    // lies in 某镇)
    let kept = |m: &Mention, s: usize| {
        m.start == s && m.etype() == Some(EntityType::Organization)
            || m.start > s
                && matches!(&m.kind, MentionKind::Place(p) if !p.short && !p.cands.is_empty())
    };
    replace_with_named(lat, out, covered, named, kept);
}

/// The mentions by their start: (start, index), sorted.
struct ByStart(Vec<(usize, usize)>);

impl ByStart {
    fn new(out: &[Mention]) -> ByStart {
        let mut v: Vec<(usize, usize)> =
            out.iter().enumerate().map(|(i, m)| (m.start, i)).collect();
        v.sort_unstable();
        ByStart(v)
    }

    /// The mentions that may overlap `s..e` (starting at most
    /// [`MAX_MENTION`] characters before it and before its end).
    fn near<'a>(
        &'a self,
        out: &'a [Mention],
        s: usize,
        e: usize,
    ) -> impl Iterator<Item = &'a Mention> {
        let from = self.0.partition_point(|&(x, _)| x + MAX_MENTION < s);
        let to = self.0.partition_point(|&(x, _)| x < e);
        self.0[from..to].iter().map(move |&(_, i)| &out[i])
    }
}

/// A name read whole: (start, end, type, the place it starts with).
type Named = (usize, usize, EntityType, Option<PlaceRef>);

/// Puts the names read whole in place of the mentions inside them, but
/// those that `keep` keeps (given the mention and the name's start). The
/// names come in order of position and do not overlap.
fn replace_with_named(
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
    named: Vec<Named>,
    keep: impl Fn(&Mention, usize) -> bool,
) {
    if named.is_empty() {
        return;
    }
    // (the division a name read inside starts with, written in full after
    // the whole name's start, stays a place of the text: 某县 + 某镇某某项目)
    let mut places: Vec<Mention> = Vec::new();
    out.retain(|m| {
        let k = named.partition_point(|t| t.1 <= m.start);
        let inside = named.get(k).is_some_and(|t| m.start >= t.0 && m.end <= t.1);
        if inside {
            if let MentionKind::Named { place: Some(p), .. } = &m.kind {
                if p.start > named[k].0 && !p.short && !p.cands.is_empty() {
                    places.push(Mention {
                        start: p.start,
                        end: p.end,
                        text: p.text.clone(),
                        kind: MentionKind::Place(p.clone()),
                    });
                }
            }
        }
        !inside || keep(m, named[k].0)
    });
    out.extend(places);
    for (start, end, etype, place) in named {
        let name = super::names::clean(lat.str(start, end));
        out.push(Mention {
            start,
            end,
            text: name.clone(),
            kind: MentionKind::Named { etype, name, place },
        });
        cover(covered, start, end);
    }
}

/// The items that end in a project's end and start after a separator or
/// an amount, in order.
fn items(r: &Recognizer, lat: &Lattice) -> Vec<Item> {
    let c = &lat.chars;
    let hw = &r.lex.head_words;
    let mut items = Vec::new();
    for k in 1..c.len() {
        let Some((_, len)) = lat.word_at(k, &hw.project_end) else {
            continue;
        };
        let e = k + len;
        // the end ends a word (项目部 is no project's end)
        if e < c.len() && is_han(c[e]) && !lat.tok_start(e) {
            continue;
        }
        let mut s = k;
        while s > 0 && !ITEM_STARTS.contains(&c[s - 1]) && k - s < 40 {
            s -= 1;
        }
        let from = s;
        let s = after_lead(r, lat, after_amount(c, s, k), k);
        let named = k - s >= 4 && super::names::project_named(r, lat, s, k);
        if named && items.last().is_none_or(|p: &Item| p.end <= s) {
            items.push(Item {
                from,
                start: s,
                end: e,
            });
        }
    }
    items
}

/// The start of an item after an amount written before it (计划总投资30亿元
/// 绿色医药产业园项目 → 绿色医药产业园项目).
fn after_amount(c: &[char], s: usize, k: usize) -> usize {
    (s..k)
        .rev()
        .find(|&x| c[x] == '元' && x > s && (c[x - 1] == '亿' || c[x - 1] == '万'))
        .map_or(s, |x| x + 1)
}

/// The start of an item's name after the words that lead to it: a verb
/// that introduces projects (签订, 来到) or acts on them without naming
/// them (实施, not 建设), a function word other than a conjunction (对, 了,
/// 先后), or any other word that never belongs to a name.
fn after_lead(r: &Recognizer, lat: &Lattice, s: usize, k: usize) -> usize {
    let mut start = s;
    let mut x = s;
    while x < k {
        let Some(t) = lat.token(x).filter(|t| t.start >= s && t.end <= k) else {
            x += 1;
            continue;
        };
        let w = lat.text(t.start, t.end);
        // (a conjunction may join the words of a name: 碳纳米管和导电浆料项目;
        // so may the joiner of a route's ends: 某镇至某镇二级公路改建工程)
        let joiner = r.lex.function_words.route_joiner.contains(&w);
        let function =
            r.tags().function_word.contains(t.tag) && t.tag != crate::lexicon::Tag::C && !joiner;
        // (a verb of acting on projects that names none: 实施, not 建设)
        let acting =
            r.lex.is(&w, crate::lexicon::Trigger::Participate) && !r.lex.name_verbs.contains(&w);
        // (a verb of building right before the capacity the name states:
        // 建设年产5万吨…项目)
        let hw = &r.lex.head_words;
        // (or opening the item: 投资20亿元建设某某产业园项目, the name after it)
        let builds_capacity = hw.build_verb.contains(&w)
            && (lat.word_at(t.end, &hw.capacity_lead).is_some() || t.start == s);
        let lead = hw.project_lead.contains(&w)
            || r.lex.is(&w, crate::lexicon::Trigger::LeftStop)
                && t.tag != crate::lexicon::Tag::C
                && !joiner
            || function
            || acting
            || builds_capacity;
        if lead {
            start = t.end;
        }
        x = t.end;
    }
    start
}

/// The `named_before_deng` pass: the items of a list closed by 等 and a
/// word for their kind a few words on (推进甲大道、乙至丙一级路等一批道路
/// 重大项目; 走访了甲鞋业、乙食品厂等企业) are of that kind: projects, each
/// a name ending in the head of a road, bridge or other work or in a
/// section (段); organisations, each a short name with something proper in
/// it. Of a list whose items are mostly no such names none is read.
pub(crate) fn listed_before_kind(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let c = &lat.chars;
    // the mentions by their start, to look up those around an item
    let by_start = ByStart::new(out);
    let near = |s: usize, e: usize| by_start.near(out, s, e);
    let mut named: Vec<Named> = Vec::new();
    for (k, &ch) in c.iter().enumerate().skip(1) {
        // (等 a word of its own: not 等 in 高等院校)
        let alone = lat.token(k).is_some_and(|t| t.start == k && t.end == k + 1);
        if !r.lex.function_words.list_end.has_char(ch) || !alone {
            continue;
        }
        let Some(kind) = closing_kind(r, lat, k + 1) else {
            continue;
        };
        let all = items_before(r, lat, k);
        // (a list of works that names one by its head names the others by
        // their proper names alone: 某某港、某某新城、某某种业硅谷等重点项目)
        let is_named: Vec<bool> = (all.iter())
            .map(|&(s, e)| named_as(r, lat, s, e, kind))
            .collect();
        let headed = is_named.contains(&true);
        let items: Vec<(usize, usize)> = (all.iter().zip(&is_named))
            .filter(|&(&(s, e), &n)| {
                n || kind == EntityType::Project
                    && headed
                    && e >= s + 3
                    && e - s <= MAX_ORG_ITEM
                    && super::names::proper_words(r, lat, s, e)
            })
            .map(|(&it, _)| it)
            .collect();
        // (most items names, the last one among them: not a list of
        // sectors, 交通、水利等重大项目)
        let last_named = items.last().is_some_and(|x| x.1 == k);
        if items.len() < 2 || items.len() * 2 < all.len() || !last_named {
            continue;
        }
        // (an item that a pass before read as another kind of name keeps it)
        let other = |s: usize, e: usize| {
            near(s, e).any(|m| m.start <= s && m.end >= e && m.etype().is_some_and(|t| t != kind))
        };
        for (s, e) in items {
            let free = !covered[s..e].iter().all(|x| *x);
            if free && (kind != EntityType::Organization || !other(s, e)) {
                named.push((s, e, kind, place_first(near(s, s + 1), s)));
            }
        }
    }
    // (two lists may reach over the same words: the first item read wins)
    named.sort_by_key(|n| n.0);
    let mut end = 0;
    named.retain(|n| {
        let free = n.0 >= end;
        if free {
            end = n.1;
        }
        free
    });
    replace_with_named(lat, out, covered, named, |_, _| false);
}

/// How far after 等 the word for the items' kind may stand (等一批道路、
/// 桥梁建设重大交通项目).
const DENG_REACH: usize = 16;

/// The kind that a word for it within reach of `p` gives a list closed
/// there (项目: projects; 企业: organisations), with no clause boundary
/// and no verb but those of building before it.
fn closing_kind(r: &Recognizer, lat: &Lattice, p: usize) -> Option<EntityType> {
    let c = &lat.chars;
    let kinds = &r.lex.head_words.list_kind;
    let mut x = p;
    while x < c.len() && x < p + DENG_REACH {
        // (a word that ends there: not 企业 of 企业家)
        let kind_word = lat
            .word_at(x, kinds)
            .filter(|&(_, len)| lat.tok_boundary(x + len));
        if let Some((w, _)) = kind_word {
            return kinds.column_of(w).and_then(EntityType::parse);
        }
        let inner = c[x] == '、' || is_han(c[x]) || c[x].is_ascii_digit();
        if !inner {
            return None;
        }
        if let Some(t) = lat.token(x).filter(|t| t.start == x) {
            let w = lat.text(t.start, t.end);
            if r.tags().predicate_verb.contains(t.tag) && !r.lex.name_verbs.contains(&w) {
                return None;
            }
        }
        x += 1;
    }
    None
}

/// The items of the list that ends right before `k` (at 等), separated by
/// 、: (start, end) of each, in order, the first after the words that lead
/// to it.
fn items_before(r: &Recognizer, lat: &Lattice, k: usize) -> Vec<(usize, usize)> {
    let c = &lat.chars;
    let mut items = Vec::new();
    let mut e = k;
    while items.len() < MAX_ITEMS {
        let mut s = e;
        while s > 0 && !ITEM_STARTS.contains(&c[s - 1]) && e - s < MAX_ITEM {
            s -= 1;
        }
        if s == e || e - s >= MAX_ITEM {
            break;
        }
        let sep = s.checked_sub(1).map(|x| c[x]);
        if sep != Some('、') {
            items.push((after_last_verb(r, lat, s, e), e));
            break;
        }
        // (an item that holds a clause, words and then a verb, is the
        // first, after a list of people: 代表、委员们走访了|某某鞋业)
        let lead = after_last_verb(r, lat, s, e);
        if lead > s && clause_before(r, lat, s, lead) {
            items.push((lead, e));
            break;
        }
        items.push((s, e));
        e = s - 1;
    }
    items.reverse();
    items
}

/// Whether `s..lead` holds a verb after other words (委员们先后走访了), not
/// only one that opens it (建设大道).
fn clause_before(r: &Recognizer, lat: &Lattice, s: usize, lead: usize) -> bool {
    let verbs = &r.tags().predicate_verb;
    (s + 1..lead).any(|k| {
        lat.token(k)
            .is_some_and(|t| t.start == k && verbs.contains(t.tag))
    })
}

/// Where the first item of a list starts after the words that lead to it
/// (今年重点推进|某某至某某一级公路, 走访了|某某鞋业): after the last verb
/// before its first place or other proper noun (verbs after it belong to
/// the name: 某某基地建设（一期）) and the function words after that verb.
fn after_last_verb(r: &Recognizer, lat: &Lattice, s: usize, e: usize) -> usize {
    let tags = r.tags();
    let mut start = s;
    let mut k = s;
    while k < e {
        let Some(t) = lat.token(k) else { break };
        let (ts, te) = (t.start.max(s), t.end.min(e));
        // (a person's name is the subject before the verb: 姚宁一行来到…)
        let named = t.tag == crate::lexicon::Tag::Ns
            || t.tag == crate::lexicon::Tag::Nz
            || lat
                .longest(ts, Piece::names_place)
                .is_some_and(|(len, _)| ts + len <= e);
        if named {
            break;
        }
        let verb = tags.predicate_verb.contains(t.tag);
        // (a preposition before the first name leads to it wherever it
        // stands: 巡查组对|某河、某河等河道)
        let joiner = r.lex.function_words.route_joiner.contains(lat.str(ts, te));
        let function = tags.function_word.contains(t.tag)
            && (start == ts || t.tag == crate::lexicon::Tag::P && !joiner);
        if verb || function {
            start = te;
        }
        k = te.max(k + 1);
    }
    start
}

/// The longest item of a list of works.
const MAX_ITEM: usize = 30;

/// The most items of a list of works read back from its 等.
const MAX_ITEMS: usize = 12;

/// Whether `s..e` names a thing of the kind: something proper in it and,
/// for a project, a head of a project or a work (大道, 桥) at its end, or
/// a section (段); for an organisation, a short name.
fn named_as(r: &Recognizer, lat: &Lattice, s: usize, e: usize, kind: EntityType) -> bool {
    // (a river or hill listed as one needs nothing proper: 挂车河 is one
    // though 挂车 is a word; it ends in a place's head of one character)
    if kind == EntityType::Place {
        let last = lat.chars[e - 1].to_string();
        return (3..=MAX_PLACE_ITEM).contains(&(e - s))
            && r.lex.body_head(&last, |t| t == EntityType::Place)
            && lat.text(s, e).chars().all(is_han);
    }
    if e < s + 3 || !super::names::proper_words(r, lat, s, e) {
        return false;
    }
    if kind != EntityType::Project {
        return e - s <= MAX_ORG_ITEM;
    }
    let section = r
        .lex
        .head_words
        .section_end
        .contains(&lat.chars[e - 1].to_string());
    let text = lat.text(s, e);
    section
        || r.lex.head_words.work_head.ends(&text)
        || r.lex.head_words.project_end.ends(&text)
        || r.head_ending(lat, (s, e), false, |v| {
            v.iter().any(|x| x.etype == EntityType::Project)
        })
}

/// The longest name of a river or hill read from a list before 等河道.
const MAX_PLACE_ITEM: usize = 6;

/// The longest organisation's name read from a list before 等企业.
const MAX_ORG_ITEM: usize = 16;

/// The place that starts a name at `s`, if a place mention does.
fn place_first<'m>(mut near: impl Iterator<Item = &'m Mention>, s: usize) -> Option<PlaceRef> {
    near.find_map(|m| match &m.kind {
        MentionKind::Place(p) if m.start == s && !p.cands.is_empty() => Some(p.clone()),
        MentionKind::Chain(ch) if m.start == s => {
            ch.places.first().filter(|p| p.start == s).cloned()
        }
        MentionKind::Named { place: Some(p), .. } if m.start == s && p.start == s => {
            Some(p.clone())
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use crate::recognize::testing::{found_by, has, through};
    use crate::EntityType::Project;

    #[test]
    fn a_school_whose_name_opens_a_building_s_is_no_work() {
        let ms = through("宿松县第二中学教学楼主体已封顶。", "all");
        assert!(has(&ms, "宿松县第二中学教学楼", Project), "{ms:?}");
        assert!(!has(&ms, "宿松县第二中学", Project), "{ms:?}");
        // (the school itself, when it is what rises)
        let ms = through("宿松县第二中学主体已封顶。", "all");
        assert!(has(&ms, "宿松县第二中学", Project), "{ms:?}");
    }

    #[test]
    fn public_or_private_before_a_kind_of_school_names_none() {
        let ms = through(
            "全市今年新建改扩建公办幼儿园12所，新增学位3600个。",
            "tagged_names",
        );
        assert!(!ms.iter().any(|m| m.0.contains("幼儿园")), "{ms:?}");
    }

    #[test]
    fn a_mode_of_financing_or_a_domain_concerned_names_no_project() {
        for text in [
            "县发改委指导3个项目进入PPP项目库。",
            "县水利局加强涉河建设项目防洪评价审查。",
        ] {
            let ms = through(text, "tagged_names");
            assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
        }
    }

    #[test]
    fn named_works_listed_before_deng_and_projects_are_projects() {
        let ms = through(
            "该县今年重点推进南宁至武鸣一级公路双桥至武鸣段、新桥镇白石江桥等一批道路、桥梁重大交通项目。",
            "named_before_deng",
        );
        for n in ["南宁至武鸣一级公路双桥至武鸣段", "新桥镇白石江桥"] {
            assert!(has(&ms, n, Project), "{n}: {ms:?}");
        }
        let ms = through(
            "顺利完成，东湖大道、龙泉大道等一批道路重大项目建设稳步推进。",
            "named_before_deng",
        );
        assert!(has(&ms, "东湖大道", Project), "{ms:?}");
        // a list naming one work by its head names the others by their
        // proper names alone
        let ms = through(
            "要全力推进寿光港、羊口新城、中国北方蔬菜种业硅谷等重点项目建设。",
            "named_before_deng",
        );
        assert!(has(&ms, "中国北方蔬菜种业硅谷", Project), "{ms:?}");
        assert!(has(&ms, "寿光港", Project), "{ms:?}");
        // sectors listed before 等 name no works
        let ms = through("推进交通、水利、能源等重大项目建设。", "named_before_deng");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
        // 等 inside a word closes no list (高等院校)
        let ms = through(
            "来自东湖大道、龙泉大道、高等院校等单位的代表参加项目评审。",
            "named_before_deng",
        );
        assert!(!has(&ms, "龙泉大道", Project), "{ms:?}");
        // nor where a verb stands between 等 and the projects
        let ms = through(
            "修好东湖大道、龙泉大道等，带动项目落地。",
            "named_before_deng",
        );
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn schools_built_after_a_verb_and_its_aspect_and_closed_by_deng() {
        let ms = through(
            "今年，区政府新建扩建了城关镇第三小学、茶店镇中心幼儿园等8所学校。",
            "built_institutions",
        );
        assert!(has(&ms, "城关镇第三小学", Project), "{ms:?}");
        assert!(has(&ms, "茶店镇中心幼儿园", Project), "{ms:?}");
        // (schools named after another verb are the schools)
        let ms = through(
            "今年，区教育局表彰了城关镇第三小学、茶店镇中心幼儿园等8所学校。",
            "built_institutions",
        );
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn a_route_s_joiner_in_a_listed_work_is_a_word_of_its_name() {
        let ms = through(
            "目前，某某县大庄镇至草沟镇二级公路改建工程、S303线大店至夹沟段改建工程均已完工。",
            "project_lists",
        );
        assert!(has(&ms, "S303线大店至夹沟段改建工程", Project), "{ms:?}");
        assert!(
            ms.iter()
                .any(|m| m.0.ends_with("大庄镇至草沟镇二级公路改建工程")),
            "{ms:?}"
        );
        assert!(!has(&ms, "草沟镇二级公路改建工程", Project), "{ms:?}");
    }

    #[test]
    fn waters_listed_before_deng_and_their_kind_are_places() {
        use crate::EntityType::Place;
        let ms = through(
            "巡查组对大沙河、挂车河、龙眠河等重点河道进行集中巡查。",
            "named_before_deng",
        );
        for n in ["大沙河", "挂车河", "龙眠河"] {
            assert!(has(&ms, n, Place), "{n}: {ms:?}");
        }
        // (a list of sectors before the kind names none)
        let ms = through("加强水利、环保等部门对河道的巡查。", "named_before_deng");
        assert!(!ms.iter().any(|m| m.1 == Some(Place)), "{ms:?}");
    }

    #[test]
    fn short_names_listed_before_deng_and_enterprises_are_organisations() {
        use crate::EntityType::Organization;
        let ms = through(
            "副镇长出席会议，金丰自动化、雷诺互感器等16家企业代表参加。",
            "named_before_deng",
        );
        for n in ["金丰自动化", "雷诺互感器"] {
            assert!(has(&ms, n, Organization), "{n}: {ms:?}");
        }
        // not 企业 of 企业家, nor a list of kinds of units
        let ms = through("金丰自动化、雷诺互感器等企业家参加。", "named_before_deng");
        assert!(!has(&ms, "金丰自动化", Organization), "{ms:?}");
        let ms = through("科研机构、高校、医院等企业单位参加。", "named_before_deng");
        assert!(!ms.iter().any(|m| m.1 == Some(Organization)), "{ms:?}");
    }

    #[test]
    fn a_list_after_people_who_visit_starts_after_their_verb() {
        use crate::EntityType::Organization;
        // the people listed before the verb are no item (代表、委员们走访了…),
        // and 等企 is 等企业 written short
        let ms = through(
            "人大代表、政协委员们先后走访了丰源鞋业、鑫河食品厂、宏泰米业等企，了解经营情况。",
            "named_before_deng",
        );
        for n in ["丰源鞋业", "鑫河食品厂", "宏泰米业"] {
            assert!(has(&ms, n, Organization), "{n}: {ms:?}");
        }
        assert!(!ms.iter().any(|m| m.0.contains("走访")), "{ms:?}");
    }

    #[test]
    fn institutions_listed_before_a_project_share_its_end() {
        let ms = through(
            "全县加快推进城东小学、城西幼儿园项目建设。",
            "built_institutions",
        );
        assert!(has(&ms, "城东小学", Project), "{ms:?}");
        assert!(has(&ms, "城西幼儿园项目", Project), "{ms:?}");
        // not where the list does not end in a project
        let ms = through("城东小学、城西幼儿园开展安全演练。", "built_institutions");
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn schools_after_a_verb_of_building_are_projects() {
        let ms = through(
            "今年计划扩建城东实验学校、龙泉路小学和县第二中学。",
            "built_institutions",
        );
        assert!(has(&ms, "城东实验学校", Project), "{ms:?}");
        assert!(has(&ms, "龙泉路小学", Project), "{ms:?}");
        // a school in a list of projects, or starting one, is no item
        let ms = through(
            "推进城区道路建设项目、城东实验学校扩建项目和龙泉路小学食堂改造工程。",
            "built_institutions",
        );
        assert!(!has(&ms, "城东实验学校", Project), "{ms:?}");
        assert!(!has(&ms, "龙泉路小学", Project), "{ms:?}");
        // the kind counted after the last item is none of its name
        let ms = through(
            "新建扩建城东实验学校、龙泉路实验学校中小学5所。",
            "built_institutions",
        );
        assert!(has(&ms, "龙泉路实验学校", Project), "{ms:?}");
        // verbs of building before a bare kind name nothing
        let ms = through("今年全县新建改扩建学校12所。", "built_institutions");
        assert!(!ms.iter().any(|m| m.0.contains("学校")), "{ms:?}");
    }

    #[test]
    fn an_institution_at_its_building_site_or_stage_is_a_project() {
        for text in [
            "副县长来到宁远县工人文化宫建设工地，察看项目进度。",
            "宁远县工人文化宫于去年12月开工建设，计划总投资4800万元。",
            "宁远县体育馆年底建成。",
        ] {
            let ms = through(text, "built_institutions");
            assert!(ms.iter().any(|m| m.1 == Some(Project)), "{text}: {ms:?}");
        }
        // an institution that acts is none (开工建设 closes no clause of it)
        let ms = through(
            "宁远县工人文化宫举办职工运动会。宁远县人民医院开工建设新住院楼。",
            "built_institutions",
        );
        assert!(!ms.iter().any(|m| m.1 == Some(Project)), "{ms:?}");
    }

    #[test]
    fn each_item_of_a_list_of_projects_is_one() {
        let ms = through(
            "开工项目为：宜昌市青少年活动中心建设项目；宜昌市第二水厂扩建工程；\
             点军区智能制造产业园项目。",
            "project_lists",
        );
        // (the second and third are read whole by their heads already)
        for p in [
            "宜昌市青少年活动中心建设项目",
            "宜昌市第二水厂扩建工程",
            "点军区智能制造产业园项目",
        ] {
            assert!(has(&ms, p, Project), "{p}: {ms:?}");
        }
    }

    #[test]
    fn verbs_of_acting_before_the_items_of_a_list_are_no_part_of_them() {
        let ms = through(
            "推进城西垃圾处理厂项目，实施老城区雨污分流改造工程，加快沙河大桥建设项目。",
            "project_lists",
        );
        for p in ["老城区雨污分流改造工程", "沙河大桥建设项目"] {
            assert!(has(&ms, p, Project), "{p}: {ms:?}");
        }
        assert!(
            ms.iter()
                .all(|m| !m.0.starts_with("实施") && !m.0.starts_with("加快")),
            "{ms:?}"
        );
    }

    #[test]
    fn a_verb_of_building_before_an_items_capacity_is_no_part_of_it() {
        let ms = through(
            "其中，吉林宏远新材料有限公司投资12亿元建设年产5万吨新型建材项目；\
             东辽县城投公司实施的东辽县城区供热管网改造工程，总投资3.2亿元。",
            "project_lists",
        );
        assert!(has(&ms, "年产5万吨新型建材项目", Project), "{ms:?}");
        assert!(!ms.iter().any(|m| m.0.starts_with("建设")), "{ms:?}");
    }

    #[test]
    fn an_amount_before_an_item_is_no_part_of_it() {
        let ms = found_by(
            "甲公司计划总投资20亿元新材料产业园项目、乙公司计划总投资5亿元冷链物流中心项目。",
            "project_lists",
        );
        assert!(has(&ms, "新材料产业园项目", Project), "{ms:?}");
        assert!(!ms.iter().any(|(t, _)| t.contains("投资")), "{ms:?}");
        let ms = found_by(
            "签约仪式上，宜昌远航机械有限公司计划总投资30亿元新能源产业园项目、\
             宜昌长江物流有限公司计划总投资5亿元冷链物流中心项目签约。",
            "project_lists",
        );
        assert!(has(&ms, "新能源产业园项目", Project), "{ms:?}");
        // (a verb of building after the amount opens no name)
        let ms = through(
            "甲公司计划总投资20亿元建设新材料产业园项目，乙公司计划投资5亿元新建华丰冷链物流中心项目。",
            "project_lists",
        );
        assert!(has(&ms, "新材料产业园项目", Project), "{ms:?}");
        assert!(has(&ms, "华丰冷链物流中心项目", Project), "{ms:?}");
    }

    #[test]
    fn the_words_leading_to_an_item_are_no_part_of_it() {
        let ms = found_by(
            "甲公司与宜昌市签订新材料产业园项目、冷链物流中心项目。",
            "project_lists",
        );
        assert!(has(&ms, "新材料产业园项目", Project), "{ms:?}");
    }

    #[test]
    fn one_project_or_kinds_of_projects_are_no_list() {
        let ms = found_by("全力推进重点项目、民生项目建设。", "project_lists");
        assert!(ms.is_empty(), "{ms:?}");
        let ms = found_by("宜昌市第二水厂扩建工程开工。", "project_lists");
        assert!(ms.is_empty(), "{ms:?}");
    }
}
