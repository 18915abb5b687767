//! Villages and communities that the head passes leave: a village written
//! right after its township or county (大河家镇四堡子村, 刘集乡阳洼村), and the
//! items of a list of villages or communities (嘉陵村、紫荆村、金号村), which
//! take the township of the item before them.
//!
//! Takes: the lattice and the mentions so far. Gives: `Named` place
//! mentions whose name carries the township where one is written.

use super::lattice::Piece;
use super::{is_han, Lattice, Mention, MentionKind, PlaceRef, Recognizer};
use crate::lexicon::{HashMap, Level, Trigger};
use crate::EntityType;

/// A village or community found before its head.
struct Item {
    /// First character of its own name (after any township).
    start: usize,
    /// One past its head.
    end: usize,
    /// The township or county written right before it.
    town: Option<PlaceRef>,
    /// Whether its Party branch or a post of it follows (…村党支部书记).
    organ_after: bool,
}

/// The `villages` pass: see the module comment.
pub(crate) fn villages(
    r: &Recognizer,
    lat: &Lattice,
    out: &mut Vec<Mention>,
    covered: &mut [bool],
) {
    let c = &lat.chars;
    let mut items: Vec<Item> = Vec::new();
    // (a name found after the head ends the village's: 钱溪村|庆华家庭农场,
    // where the segmenter glued 村 to the name)
    let starts: crate::lexicon::HashSet<usize> = out.iter().map(|m| m.start).collect();
    for k in 2..c.len() {
        let Some((_, len)) = lat.word_at(k, &r.lex.head_words.village_head) else {
            continue;
        };
        let e = k + len;
        // the head ends a word (村 in 村民 does not) and is free
        // (村主任 is one word to jieba, and 主任 the village's post)
        let ends_word = e >= c.len()
            || !is_han(c[e])
            || lat.tok_start(e)
            || starts.contains(&e)
            || organ_at(r, lat, e);
        if covered[k..e].iter().any(|x| *x) || !ends_word {
            continue;
        }
        if items.last().is_some_and(|it| it.end > k) {
            continue;
        }
        items.extend(item_at(r, lat, covered, k, e));
    }
    // the places named by their heads before (石塬镇秦阴村): their end and
    // township
    let mut before: HashMap<usize, Option<PlaceRef>> = out
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Named {
                etype: EntityType::Place,
                place,
                ..
            } => Some((m.end, place.clone())),
            _ => None,
        })
        .collect();
    let mut add: Vec<Mention> = Vec::new();
    for (ix, it) in items.iter().enumerate() {
        let prev = (it.start > 0 && c[it.start - 1] == '、')
            .then(|| before.get(&(it.start - 1)).cloned())
            .flatten();
        let joined_after = it.end < c.len()
            && c[it.end] == '、'
            && items.get(ix + 1).is_some_and(|n| n.start == it.end + 1);
        let joined_before = prev.is_some();
        let town = match (&it.town, prev) {
            (Some(t), _) => Some(t.clone()),
            (None, Some(t)) => t,
            (None, None) => None,
        };
        let visited = it.town.is_none() && after_locative(r, lat, it.start);
        if it.town.is_some() || joined_before || joined_after || it.organ_after || visited {
            add.push(mention(lat, it, town.clone()));
            before.insert(it.end, town);
        }
    }
    let shared = shared_village_heads(r, lat, covered, out, &items, &add);
    if add.is_empty() && shared.is_empty() {
        return;
    }
    // the township a village swallows is part of its name (the villages
    // are in order and do not overlap)
    out.retain(|o| {
        let k = add.partition_point(|m| m.end <= o.start);
        !add.get(k)
            .is_some_and(|m| o.start >= m.start && o.end <= m.end)
    });
    for m in add {
        covered[m.start..m.end].iter_mut().for_each(|x| *x = true);
        out.push(m);
    }
    // the items sharing a village's head replace the short place names
    // read in them (南溪, 马尾)
    for m in shared {
        out.retain(|o| !(o.start >= m.start && o.end <= m.end));
        covered[m.start..m.end].iter_mut().for_each(|x| *x = true);
        out.push(m);
    }
}

/// The items listed between a township and a village that share the
/// village's head (叠石乡南溪、马尾、车头、库口村: four villages of 叠石乡):
/// names of two or three characters joined by 、, free or read as short
/// place names only; each a village of that township. The village itself
/// is named with the township too.
fn shared_village_heads(
    r: &Recognizer,
    lat: &Lattice,
    covered: &[bool],
    out: &[Mention],
    items: &[Item],
    add: &[Mention],
) -> Vec<Mention> {
    let short_only = |s: usize, e: usize| {
        (s..e).all(|x| !covered[x])
            || out.iter().filter(|m| m.start < e && m.end > s).all(|m| {
                m.start >= s && m.end <= e && matches!(&m.kind, MentionKind::Place(p) if p.short)
            })
    };
    let mut found = Vec::new();
    for it in items.iter().filter(|it| it.town.is_none()) {
        let own = lat.text(it.start, it.end);
        let Some(head) = r
            .lex
            .head_words
            .village_head
            .ending(&own)
            .map(str::to_string)
        else {
            continue;
        };
        let Some((listed, town)) = listed_back_to_town(r, lat, it.start, &short_only) else {
            continue;
        };
        // each item takes the head; the village itself has it (unless it
        // was found with its list already)
        let mut named: Vec<(usize, usize, String)> = (listed.into_iter())
            .map(|(s, e)| (s, e, format!("{}{head}", lat.text(s, e))))
            .collect();
        if !add.iter().any(|m| m.end == it.end) {
            named.push((it.start, it.end, own.clone()));
        }
        for (s, e, own) in named {
            found.push(Mention {
                start: s,
                end: e,
                text: lat.text(s, e),
                kind: MentionKind::Named {
                    etype: EntityType::Place,
                    name: format!("{}{own}", town.text),
                    place: Some(town.clone()),
                },
            });
        }
    }
    found
}

/// The items of a list that ends at `start` (after its 、), back to the
/// township or county written right before the first: their spans and the
/// township. Each item has two or three characters, is free or read as
/// short place names only (`free`), and may name a village.
fn listed_back_to_town(
    r: &Recognizer,
    lat: &Lattice,
    start: usize,
    free: &dyn Fn(usize, usize) -> bool,
) -> Option<(Vec<(usize, usize)>, PlaceRef)> {
    let c = &lat.chars;
    let mut listed: Vec<(usize, usize)> = Vec::new();
    let mut j = start;
    loop {
        if j == 0 || c[j - 1] != '、' {
            return None;
        }
        let e = j - 1;
        let starts = |s: usize| {
            (s..e).all(|x| is_han(c[x]))
                && (s == 0 || !is_han(c[s - 1]) || division_ending_at(r, lat, s).is_some())
        };
        let s = [3usize, 2]
            .into_iter()
            .filter_map(|l| e.checked_sub(l))
            .find(|&s| starts(s))?;
        if !free(s, e) || !name_ok(r, lat, s, e, false) {
            return None;
        }
        listed.push((s, e));
        if let Some(t) = division_ending_at(r, lat, s) {
            return Some((listed, t));
        }
        j = s;
    }
}

/// The village whose head is at `k..e`: its name of two to four characters
/// after a township or county, else of two or three characters that start
/// a word or follow a list's 、.
fn item_at(r: &Recognizer, lat: &Lattice, covered: &[bool], k: usize, e: usize) -> Option<Item> {
    let c = &lat.chars;
    let free = |s: usize| (s..k).all(|x| is_han(c[x]) && !covered[x]);
    for len in (2..=4).rev() {
        let Some(s) = k.checked_sub(len) else {
            continue;
        };
        if !free(s) {
            continue;
        }
        if let Some(town) = division_ending_at(r, lat, s) {
            // (after its township, in a list of villages, a village may be
            // named by a verb: 甲镇联合村、乙镇某某村)
            let township = town
                .cands
                .iter()
                .all(|&i| r.lex.divisions[i].level == Level::Town);
            let listed = c.get(e) == Some(&'、') || town.start > 0 && c[town.start - 1] == '、';
            if !name_ok(r, lat, s, k, township && listed) {
                continue;
            }
            return Some(Item {
                start: s,
                end: e,
                town: Some(town),
                organ_after: false,
            });
        }
    }
    // a village whose Party branch or post follows may have a longer name
    // (德仁务中街村党支部书记)
    let organ_after = organ_at(r, lat, e);
    let longest = if organ_after {
        super::names::VILLAGE_NAME_MAX
    } else {
        3
    };
    (2..=longest).rev().find_map(|len| {
        let s = k.checked_sub(len)?;
        let listed = s > 0 && c[s - 1] == '、';
        let lead = lat
            .token(s)
            .is_some_and(|t| r.tags().name_left_stop.contains(t.tag));
        // no function word or common verb inside (发展社区, 工作室及社区)
        let plain = (s..k).all(|x| {
            lat.token(x).is_none_or(|t| {
                let tags = r.tags();
                t.start < s
                    || t.end > k
                    || !tags.function_word.contains(t.tag) && !tags.verb.contains(t.tag)
            })
        });
        let ok = free(s) && plain && (listed || lat.tok_start(s) && !lead);
        (ok && name_ok(r, lat, s, k, false)).then_some(Item {
            start: s,
            end: e,
            town: None,
            organ_after,
        })
    })
}

/// Whether a word that says where something is or where people go (在,
/// 位于, 来到, 走进) ends right before `s`: a village named after it is a
/// place (在钱塘村建设, 来到北坡村).
fn after_locative(r: &Recognizer, lat: &Lattice, s: usize) -> bool {
    (1..=3).any(|l| {
        s >= l && {
            let w = lat.text(s - l, s);
            lat.tok_start(s - l) && (r.lex.is(&w, Trigger::Located) || r.lex.is(&w, Trigger::Visit))
        }
    })
}

/// Whether a village's Party organ or a post follows at `e` (党支部, 党总支,
/// 书记, 主任).
fn organ_at(r: &Recognizer, lat: &Lattice, e: usize) -> bool {
    lat.word_at(e, &r.lex.head_words.party_unit).is_some()
        || lat
            .pieces_at(e)
            .any(|(_, ps, _)| ps.iter().any(|p| matches!(p, Piece::Post)))
}

/// Whether `s..k` can name a village: not a kind of village (贫困村, 省级示范村),
/// not a count or a quantifier (三个村, 各村, 全村), no verb in it unless
/// `verbs_ok` (创新实施社区 is what a district does, not a community; after
/// its township, 联合村 is a village).
fn name_ok(r: &Recognizer, lat: &Lattice, s: usize, k: usize, verbs_ok: bool) -> bool {
    let stem = lat.text(s, k);
    let fw = &r.lex.function_words;
    let first = stem.chars().next().unwrap_or(' ');
    let verb = (s..k).any(|x| {
        lat.token(x)
            .is_some_and(|t| t.start >= s && t.end <= k && r.tags().predicate_verb.contains(t.tag))
    });
    // (a conjunction of one character joins the village to what is
    // before it: 岳口镇和鲁店村)
    !r.lex.head_words.village_kind.ends(&stem)
        && !lat.conjunction_at(s)
        && !fw.quantifier.starts(&stem)
        && !r
            .lex
            .is(&first.to_string(), crate::lexicon::Trigger::Anaphor)
        && !super::names::counted(r, lat, s, k)
        && (verbs_ok || !verb)
}

/// The township or county whose full name ends at `s`.
fn division_ending_at(r: &Recognizer, lat: &Lattice, s: usize) -> Option<PlaceRef> {
    (s.saturating_sub(12)..s).find_map(|p| {
        lat.pieces_at(p).find_map(|(_, pieces, len)| {
            if p + len != s {
                return None;
            }
            pieces.iter().find_map(|x| match x {
                Piece::Division(cands) => {
                    let low: Vec<usize> = cands
                        .iter()
                        .copied()
                        .filter(|&i| r.lex.divisions[i].level >= Level::County)
                        .collect();
                    (!low.is_empty()).then(|| PlaceRef {
                        text: lat.text(p, s),
                        cands: low,
                        short: false,
                        other: None,
                        zone: None,
                        start: p,
                        end: s,
                    })
                }
                _ => None,
            })
        })
    })
}

/// The mention of a village: written with its township where it follows
/// one, named with the township of its list otherwise.
fn mention(lat: &Lattice, it: &Item, town: Option<PlaceRef>) -> Mention {
    let own = lat.text(it.start, it.end);
    let start = match &it.town {
        Some(t) => t.start,
        None => it.start,
    };
    let name = match &town {
        Some(t) => format!("{}{own}", t.text),
        None => own,
    };
    Mention {
        start,
        end: it.end,
        text: lat.text(start, it.end),
        kind: MentionKind::Named {
            etype: EntityType::Place,
            name,
            place: town,
        },
    }
}

#[cfg(test)]
mod tests {
    use crate::recognize::testing::{found_by, has, through};
    use crate::EntityType::Place;

    #[test]
    fn a_village_after_its_township_is_named_with_it() {
        let ms = found_by("工作组来到柳沟乡袁家村走访农户。", "villages");
        assert!(has(&ms, "柳沟乡袁家村", Place), "{ms:?}");
        // a numeral that counts nothing is part of the name
        let ms = found_by("工作组来到大河家镇四堡子村走访农户。", "villages");
        assert!(has(&ms, "大河家镇四堡子村", Place), "{ms:?}");
        // a district that does something in its communities names none
        let ms = found_by("奎文区创新实施社区网格化管理。", "villages");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_village_named_by_a_verb_after_its_township_in_a_list() {
        let ms = through("获评示范村的有柳沟乡团结村、黄潭镇胜利新村。", "villages");
        for v in ["柳沟乡团结村", "黄潭镇胜利新村"] {
            assert!(has(&ms, v, Place), "{v}: {ms:?}");
        }
        // outside a list a verb names what the township does
        let ms = through("柳沟乡召开驻村工作会。", "villages");
        assert!(!ms.iter().any(|m| m.0.contains('村')), "{ms:?}");
    }

    #[test]
    fn a_preposition_glued_to_a_village_is_no_part_of_it() {
        let ms = through("县里对北山村及周边自然村实施整治。", "villages");
        assert!(!ms.iter().any(|m| m.0.starts_with('对')), "{ms:?}");
    }

    #[test]
    fn the_villages_of_a_list_follow_the_first() {
        let ms = found_by("检查组先后到石塬镇秦阴村、周家村察看灾后重建。", "villages");
        assert!(has(&ms, "周家村", Place), "{ms:?}");
    }

    #[test]
    fn items_between_a_township_and_a_village_share_its_head() {
        let ms = found_by(
            "这条河流经柳沟乡袁家、李庄、大营、后坪村，全长十公里。",
            "villages",
        );
        for v in ["袁家", "李庄", "大营", "后坪村"] {
            assert!(has(&ms, v, Place), "{v}: {ms:?}");
        }
        // without a township before the list, nothing is shared
        let ms = found_by(
            "这条河流经袁家、李庄、大营、后坪村，全长十公里。",
            "villages",
        );
        assert!(!has(&ms, "李庄", Place), "{ms:?}");
    }

    #[test]
    fn a_list_of_villages_names_each() {
        let ms = found_by("改造工程覆盖嘉陵村、紫荆村、金号村三个村。", "villages");
        for v in ["嘉陵村", "紫荆村", "金号村"] {
            assert!(has(&ms, v, Place), "{v}: {ms:?}");
        }
    }

    #[test]
    fn a_village_where_something_is_or_people_go_is_a_place() {
        let ms = found_by("工作组来到石桥村，又在柳湾村查看了灌渠。", "villages");
        assert!(has(&ms, "石桥村", Place), "{ms:?}");
        assert!(has(&ms, "柳湾村", Place), "{ms:?}");
        // not the countryside, nor a kind or count of villages
        let ms = found_by("干部来到农村，深入贫困村和三个村调研。", "villages");
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn a_village_before_its_party_branch_or_post_is_a_place() {
        // what a body does for communities names none
        let ms = found_by("街道推动发展社区主任队伍建设。", "villages");
        assert!(ms.is_empty(), "{ms:?}");
        let ms = found_by("上河湾村主任带领群众清理河道。", "villages");
        assert!(has(&ms, "上河湾村", Place), "{ms:?}");
    }

    #[test]
    fn kinds_and_counts_of_villages_are_no_names() {
        for text in [
            "全县贫困村、示范村全部脱贫。",
            "各村、各社区要落实责任。",
            "三个村和五个社区参加了活动。",
            "村民们在村委会前集合。",
        ] {
            let ms = found_by(text, "villages");
            assert!(ms.is_empty(), "{text}: {ms:?}");
        }
        // a township joined to a village by 和 is no village's name, nor is
        // an urban village after its district
        for text in ["纪台镇和前营村入选。", "上城区城中村改造加快。"] {
            let ms = through(text, "villages");
            assert!(
                !ms.iter()
                    .any(|m| m.0.ends_with('村') && m.0.chars().count() > 4),
                "{text}: {ms:?}"
            );
        }
    }
}
