//! Relations read from sentences, beside those that follow from names
//! (subOrganizationOf, jurisdiction, locatedIn, added while resolving):
//! - memberOf: bylines (记者 → the newspaper), signatures (用途科/朱绪祥),
//!   posts (区委书记李辉, 奎文区委副书记、区长高志秀);
//! - issued: 印发 / 制定 / 出台 / 起草 / 签订 … 《…》, and titles that start
//!   with the issuing body's name;
//! - partnerOf: A 与 B 共同 / 签订 / 联合…, A 会同 / 联合 / 携手 B;
//! - participatesIn: an agency or organization in the sentence of a project.

use super::{char_slice, entity, Evidence, Ref, Resolver, LIST_COMMA};
use crate::lexicon::{Cue, Found, Level, PostOrgan, RelationWords, Trigger};
use crate::lexicon::{HashMap, HashSet};
use crate::recognize::person::note_before;
use crate::recognize::{is_han, is_punct, Mention, MentionKind, PersonSource};
use crate::{EntityType, Predicate};

/// Extracts sentence-level relations of an article.
pub(crate) fn extract(res: &mut Resolver, ms: &[Mention]) {
    let chars = res.chars;
    members(res, ms, chars);
    let mut refs = res.st.refs.clone();
    refs.sort_by_key(|r| (r.start, r.end));
    // the trigger words of the article, in one pass
    let found = res.r.lex.words.scan.scan(&res.art.text);
    let bureau_key = article_body(res);
    // sentences, walking the references along with them
    let mut first = 0;
    let mut s = 0;
    let mut site = None;
    while s < chars.len() {
        let mut e = s;
        while e < chars.len() && !ends_sentence(chars[e]) {
            // a run-on sentence is cut at a comma after 300 characters
            if e - s > 300 && is_comma(chars[e]) {
                break;
            }
            e += 1;
        }
        while first < refs.len() && refs[first].start < s {
            first += 1;
        }
        let in_sent: Vec<&Ref> = refs[first..]
            .iter()
            .take_while(|r| r.start < e)
            .filter(|r| r.end <= e)
            .collect();
        if !in_sent.is_empty() {
            let ev = res.evidence_at(s, e.max(s + 1).min(chars.len()));
            let sn = Sentence {
                chars,
                s,
                e,
                refs: &in_sent,
                ev: &ev,
                found: &found,
                bureau_key: bureau_key.as_deref(),
            };
            sentence(res, &sn);
            located_by_visit(res, &sn, &mut site);
        }
        s = e + 1;
    }
    // posts that take the body of the person before them, once every
    // person's own posts are read; then the lists sharing them
    let refs = res.st.refs.clone();
    let keys = MentionKeys::new(&refs);
    // (twice: a list sharing a post may come before the next post:
    // 副主任李某、王某及秘书长赵某)
    for _ in 0..2 {
        posts_after_people(res, ms, &keys, chars);
        shared_posts(res, ms, &keys, chars);
    }
}

/// Whether a character ends a sentence (a line break does too).
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '\n')
}

/// Whether a character is a comma.
fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// Whether a character ends a clause (a comma or a colon).
fn ends_clause(c: char) -> bool {
    is_comma(c) || is_colon(c)
}

/// Whether a character is a colon.
fn is_colon(c: char) -> bool {
    matches!(c, '：' | ':')
}

/// Whether a character opens or closes a parenthesis.
fn is_paren(c: char, open: bool) -> bool {
    if open {
        matches!(c, '（' | '(')
    } else {
        matches!(c, '）' | ')')
    }
}

/// Whether the word at `wp` (`w`) lies inside one of `words` written there
/// (同 in 会同 or 同志).
fn within_word(chars: &[char], wp: usize, w: &str, words: &[String]) -> bool {
    let wc: Vec<char> = w.chars().collect();
    words.iter().any(|x| {
        let xc: Vec<char> = x.chars().collect();
        (0..xc.len()).any(|k| {
            xc[k..].starts_with(&wc)
                && wp >= k
                && chars.get(wp - k..wp - k + xc.len()) == Some(xc.as_slice())
        })
    })
}

fn is_org(r: &Ref) -> bool {
    r.etype == EntityType::Agency || r.etype == EntityType::Organization
}

/// Clause bounds (split at ， and ：) around a position within a sentence.
fn clause(chars: &[char], s: usize, e: usize, pos: usize) -> (usize, usize) {
    let stop = ends_clause;
    let mut a = pos.min(e);
    while a > s && !stop(chars[a - 1]) {
        a -= 1;
    }
    let mut b = pos.min(e);
    while b < e && !stop(chars[b]) {
        b += 1;
    }
    (a, b)
}

/// The trigger words written within characters `a..b` (whole words only),
/// in the order of the scan.
fn within(found: &[Found], a: usize, b: usize) -> impl Iterator<Item = &Found> {
    let first = found.partition_point(|f| f.start < a);
    found[first..]
        .iter()
        .take_while(move |f| f.start < b)
        .filter(move |f| f.end <= b)
}

/// Whether a trigger word with a cue is written within `a..b`.
fn has(found: &[Found], a: usize, b: usize, cue: Cue) -> bool {
    within(found, a, b).any(|f| f.is(cue))
}

/// A sentence with what its relations are read from.
struct Sentence<'a> {
    /// The characters of the article.
    chars: &'a [char],
    /// The sentence's first character.
    s: usize,
    /// One past its last character (its final mark excluded).
    e: usize,
    /// The references wholly inside it, by position.
    refs: &'a [&'a Ref],
    /// Its evidence.
    ev: &'a Evidence,
    /// The trigger words of the article.
    found: &'a [Found],
    /// The article's main body: its author or bureau, else the body it
    /// names most.
    bureau_key: Option<&'a str>,
}

impl Sentence<'_> {
    /// Clause bounds around a position of the sentence.
    fn clause(&self, pos: usize) -> (usize, usize) {
        clause(self.chars, self.s, self.e, pos)
    }

    /// The keys of the agencies and organizations within `a..b`.
    fn orgs_within(&self, a: usize, b: usize) -> Vec<String> {
        self.refs
            .iter()
            .filter(|r| is_org(r) && r.start >= a && r.end <= b)
            .map(|r| r.key.clone())
            .collect()
    }

    /// The documents of the sentence.
    fn documents(&self) -> impl Iterator<Item = &&Ref> {
        self.refs.iter().filter(|r| r.etype == EntityType::Document)
    }
}

/// The article's main body: its author or bureau, else the body it names
/// most, else the document's bureau.
fn article_body(res: &Resolver) -> Option<String> {
    let key = |b: &super::Bureau| super::key_of(EntityType::Agency, &b.name, &res.ctx.scope);
    signing_body(res)
        .or_else(|| res.actx.bureau.as_ref().map(key))
        .or_else(|| main_body(res))
        .or_else(|| res.ctx.bureau.as_ref().map(key))
}

/// The relations of one sentence, by the relation they read.
fn sentence(res: &mut Resolver, sn: &Sentence) {
    partners(res, sn);
    issued_by_title(res, sn);
    issued_before_title(res, sn);
    issued_by_verb(res, sn);
    participates(res, sn);
    places_in_projects(res, sn);
    companies_of_projects(res, sn);
    located_by_word(res, sn);
    located_by_site(res, sn);
    located_in_frame(res, sn);
    located_after_place(res, sn);
}

/// locatedIn: an organisation, a project or a place that is no division
/// (a residential compound, a scenic area) written right after a place
/// below a province, or after it and 的 (来到某街道的某某有限公司, 在某村某某
/// 家庭农场, 某镇的某某小区, 某村的某某基地项目), lies there.
fn located_after_place(res: &mut Resolver, sn: &Sentence) {
    let attributive = &res.r.lex.function_words.attributive;
    let division = |res: &Resolver, key: &str| {
        (res.st.entities.get(key))
            .and_then(|e| e.code.as_deref())
            .is_some()
    };
    // (or a village or community, which the division data does not hold)
    let local = |res: &Resolver, key: &str| {
        (res.st.entities.get(key))
            .is_some_and(|e| super::is_local_unit(&res.r.lex.words.places, &e.name))
    };
    let sited: Vec<&Ref> = (sn.refs.iter().copied())
        .filter(|r| {
            !r.anaphor
                && match r.etype {
                    EntityType::Organization | EntityType::Project => true,
                    EntityType::Place => !division(res, &r.key),
                    _ => false,
                }
        })
        .collect();
    for o in sited {
        // (a place that is no division right after one, without 的, is
        // named with it: 某街道某村)
        let glued = o.etype != EntityType::Place;
        let adjacent = |p: &&&Ref| {
            glued && p.end == o.start
                || p.end + 1 == o.start && attributive.has_char(sn.chars[p.end])
        };
        // (a project or a place lies in a division: not in a river's basin
        // or in a zone's generic name)
        let any_place = o.etype == EntityType::Organization;
        let Some(place) = (sn.refs.iter())
            .filter(|p| p.etype == EntityType::Place && !p.anaphor && p.key != o.key)
            .filter(|p| any_place || division(res, &p.key) || local(res, &p.key))
            .find(adjacent)
        else {
            continue;
        };
        // (a province before a company is its registered name's: 浙江某某公司)
        let province = (res.division_of(&place.key))
            .is_some_and(|i| res.r.lex.divisions[i].level == Level::Province);
        if !province {
            res.st
                .relate(&o.key, Predicate::LocatedIn, &place.key, None, sn.ev);
        }
    }
}

/// locatedIn: the firms and works that officials see on a visit lie at
/// its site, the place right after a verb of going with the visit's
/// purpose after it in the clause (到某园区考察调研, 深入某镇走访): in that
/// sentence after the place, and in the sentences after it that name no
/// place of their own (…一行到某园区调研。…先后察看了甲公司、乙公司).
fn located_by_visit(res: &mut Resolver, sn: &Sentence, site: &mut Option<String>) {
    let (key, from) = match visit_site(res, sn) {
        Some((key, end)) => {
            *site = Some(key.clone());
            (key, end)
        }
        None => {
            let cue = within(sn.found, sn.s, sn.e).find(|f| f.is(Cue::Visit));
            let (Some(key), Some(f)) = (site.clone(), cue) else {
                return;
            };
            // (a place of its own, not one inside a firm's name, nor the
            // site or a division inside it)
            let places = (sn.refs.iter()).any(|r| {
                r.etype == EntityType::Place
                    && !r.anaphor
                    && !(sn.refs.iter()).any(|x| {
                        x.etype != EntityType::Place && x.start <= r.start && x.end >= r.end
                    })
                    && !within_division(res, &r.key, &key)
            });
            if places {
                return;
            }
            (key, f.end)
        }
    };
    let attributive = &res.r.lex.function_words.attributive;
    let media = &res.r.lex.words.relation.media_heads;
    // (not a firm named with a place of its own: 来到某村的某合作社)
    let placed = |o: &Ref| {
        (sn.refs.iter()).any(|p| {
            p.etype == EntityType::Place
                && (p.end == o.start
                    || p.end + 1 == o.start && attributive.has_char(sn.chars[p.end]))
        })
    };
    // (nor one named inside another's name: 某中学扩建项目)
    let nested = |o: &Ref| {
        (sn.refs.iter())
            .any(|x| x.start <= o.start && x.end >= o.end && x.end - x.start > o.end - o.start)
    };
    let seen: Vec<(String, EntityType)> = (sn.refs.iter())
        .filter(|o| o.start >= from && !o.anaphor && o.key != key)
        .filter(|o| matches!(o.etype, EntityType::Organization | EntityType::Project))
        .filter(|o| !placed(o) && !nested(o))
        .filter(|o| {
            (res.st.entities.get(&o.key))
                .is_some_and(|e| !media.iter().any(|m| e.name.ends_with(m.as_str())))
        })
        .map(|o| (o.key.clone(), o.etype))
        .collect();
    for (o, etype) in seen {
        res.st.relate(&o, Predicate::LocatedIn, &key, None, sn.ev);
        if etype == EntityType::Project {
            res.st.visited.insert(o);
        }
    }
}

/// Whether the place `key` is the division `of` or lies inside it by the
/// division data.
fn within_division(res: &Resolver, key: &str, of: &str) -> bool {
    let (i, o) = (res.division_of(key), res.division_of(of));
    key == of || matches!((i, o), (Some(i), Some(o)) if res.r.lex.is_within(i, o))
}

/// The site of a visit the sentence tells: the one place right after a
/// verb of going, with a purpose of the visit after it in its clause (到
/// 某园区考察调研); its key and end.
fn visit_site(res: &Resolver, sn: &Sentence) -> Option<(String, usize)> {
    let rw = &res.r.lex.words.relation;
    // (the verbs of going are words of visits: the trigger scan found them)
    let visits = within(sn.found, sn.s, sn.e).filter(|f| f.is(Cue::Visit));
    visits.into_iter().find_map(|f| {
        let word: String = sn.chars[f.start..f.end].iter().collect();
        if !rw.visit_motion.contains(&word) {
            return None;
        }
        let at = f.end;
        let (place, end) = places_at(sn, at);
        let place = place?;
        // (one place: a visit to several names no single site)
        if sn.chars[at..end].contains(&LIST_COMMA) {
            return None;
        }
        let (_, ce) = sn.clause(end);
        let purpose = (end..ce).any(|p| rw.visit_purpose.iter().any(|w| starts_at(sn.chars, p, w)));
        purpose.then(|| (place.key.clone(), end))
    })
}

/// Whether the word `w` is written at `k`.
fn starts_at(chars: &[char], k: usize, w: &str) -> bool {
    (w.chars().enumerate()).all(|(i, c)| chars.get(k + i) == Some(&c))
}

/// The place references of a run starting at `pos` (only 、 and spaces
/// between them) and the end of the run: the last is the most specific
/// (垦利区黄河口镇 → 黄河口镇).
fn places_at<'a>(sn: &Sentence<'a>, mut pos: usize) -> (Option<&'a Ref>, usize) {
    let mut last = None;
    let from = pos;
    for r in sn.refs.iter().filter(|r| r.start >= from) {
        // (a reference inside the place just taken: 某园区 of 某园区管委会)
        if r.start < pos {
            continue;
        }
        let gap = &sn.chars[pos..r.start];
        if r.etype != EntityType::Place
            || r.anaphor
            || !gap.iter().all(|c| matches!(*c, LIST_COMMA | ' '))
        {
            break;
        }
        last = Some(*r);
        pos = r.end;
    }
    (last, pos)
}

/// The most characters between a subject and its verb of location (已,
/// 将, 也: an adverb).
const SUBJECT_GAP: usize = 2;

/// locatedIn: a project, organisation or named area before a word saying
/// where it is (该项目位于某区某镇, 某公司落户某园区) lies in the place
/// right after the word.
fn located_by_word(res: &mut Resolver, sn: &Sentence) {
    for f in within(sn.found, sn.s, sn.e).filter(|f| f.is(Cue::LocatedIn)) {
        let wp = f.start;
        let (Some(place), end) = places_at(sn, f.end) else {
            continue;
        };
        // (a verb of location in a modifier: 位于某镇的某项目)
        let attributive = &res.r.lex.function_words.attributive;
        let modified = (sn.chars.get(end)).is_some_and(|c| attributive.has_char(*c));
        let noun =
            (sn.refs.iter().filter(|r| modified && r.start == end + 1)).max_by_key(|r| r.end);
        if let Some(x) = noun {
            if matches!(x.etype, EntityType::Project | EntityType::Organization) {
                res.st
                    .relate(&x.key, Predicate::LocatedIn, &place.key, None, sn.ev);
            }
            continue;
        }
        let (ca, _) = sn.clause(wp);
        // (the subject right before the verb, an adverb at most between:
        // 某某集团运营的商城落户某区 says where the mall is)
        let subject = (sn.refs.iter().rev())
            .filter(|r| r.end <= wp && r.start >= ca && wp - r.end <= SUBJECT_GAP)
            .find(|r| r.etype != EntityType::Person && r.etype != EntityType::Document);
        // (a division lies where the division data puts it)
        let division = |x: &Ref| {
            (res.st.entities.get(&x.key))
                .is_some_and(|e| e.code.is_some() || res.r.lex.countries.contains_key(&e.name))
        };
        if let Some(x) = subject.filter(|x| x.etype != EntityType::Agency && !division(x)) {
            res.st
                .relate(&x.key, Predicate::LocatedIn, &place.key, None, sn.ev);
        }
    }
}

/// locatedIn: a project right before 在 and a place, after which a verb
/// says the work is done there (某某项目在某镇开工, 某工程已在某园区落地),
/// lies in that place; a project signed or discussed somewhere (在某市签约)
/// does not.
fn located_by_site(res: &mut Resolver, sn: &Sentence) {
    let rw = &res.r.lex.words.relation;
    for p in sn.refs.iter().filter(|r| r.etype == EntityType::Project) {
        let Some(k) = (p.end..(p.end + SUBJECT_GAP + 1).min(sn.e))
            .find(|&k| res.r.lex.is(&sn.chars[k].to_string(), Trigger::Located))
        else {
            continue;
        };
        let (Some(place), end) = places_at(sn, k + 1) else {
            continue;
        };
        let rest: String = sn.chars[end..(end + SITE_VERB_REACH).min(sn.e)]
            .iter()
            .collect();
        if (rw.site_verbs.iter()).any(|v| rest.contains(v.as_str())) {
            res.st
                .relate(&p.key, Predicate::LocatedIn, &place.key, None, sn.ev);
        }
    }
}

/// How far after the place the verb of a work done there may end (正式
/// 开工建设).
const SITE_VERB_REACH: usize = 6;

/// locatedIn: the projects after a clause that is a frame of place (在某镇，
/// 某某工程正在…; 连日来，在某开发区，某某项目…) lie in that place, unless
/// a person is named before them.
fn located_in_frame(res: &mut Resolver, sn: &Sentence) {
    let starts = std::iter::once(sn.s).chain(
        (sn.s..sn.e)
            .filter(|&k| is_comma(sn.chars[k]))
            .map(|k| k + 1),
    );
    for mut k in starts {
        while k < sn.e && sn.chars[k].is_whitespace() {
            k += 1;
        }
        let frame = (sn.chars.get(k).copied())
            .is_some_and(|c| res.r.lex.is(&c.to_string(), Trigger::Located));
        let (Some(place), mut end) = places_at(sn, k + usize::from(frame)) else {
            continue;
        };
        // (or a place and a postposition: 某开发区内，某项目…)
        let locative = (res.r.lex.function_words.locative)
            .at(sn.chars, end)
            .filter(|&(_, l)| sn.chars.get(end + l).is_some_and(|c| is_comma(*c)));
        if let Some((_, l)) = locative {
            end += l;
        } else if !frame {
            continue;
        }
        if !sn.chars.get(end).is_some_and(|c| is_comma(*c)) {
            continue;
        }
        // (not where a person is the clause's actor: 在某村，某某听取了…
        // is where the visitor is, not what the briefing is about)
        let person = |p: &Ref| {
            (sn.refs.iter())
                .any(|r| r.etype == EntityType::Person && r.start >= end && r.end <= p.start)
        };
        let projects = (sn.refs.iter())
            .filter(|r| r.etype == EntityType::Project && r.start > end && !person(r));
        for p in projects {
            res.st
                .relate(&p.key, Predicate::LocatedIn, &place.key, None, sn.ev);
        }
    }
}

/// participatesIn: a company whose name opens a project's name is the
/// project's owner (某某有限公司年产5万吨某某项目); a school or hospital
/// so written is what the project builds.
fn companies_of_projects(res: &mut Resolver, sn: &Sentence) {
    let company = |k: &str| {
        (res.st.entities.get(k)).is_some_and(|e| res.r.lex.head_words.company_head.ends(&e.name))
    };
    let owned: Vec<(String, String)> = (sn.refs.iter())
        .filter(|r| r.etype == EntityType::Project)
        .flat_map(|p| {
            (sn.refs.iter())
                .filter(|o| o.start == p.start && o.end < p.end && !o.anaphor)
                .filter(|o| o.etype == EntityType::Organization && company(&o.key))
                .map(|o| (o.key.clone(), p.key.clone()))
        })
        .collect();
    for (o, p) in owned {
        res.st
            .relate(&o, Predicate::ParticipatesIn, &p, None, sn.ev);
    }
}

/// locatedIn: a project lies in each place its name holds (长江干流夷陵区段
/// 防洪工程 lies in 长江 and 夷陵区).
fn places_in_projects(res: &mut Resolver, sn: &Sentence) {
    for p in sn.refs.iter().filter(|r| r.etype == EntityType::Project) {
        for q in sn.refs.iter().filter(|q| {
            q.etype == EntityType::Place && !q.anaphor && q.start >= p.start && q.end <= p.end
        }) {
            res.st
                .relate(&p.key, Predicate::LocatedIn, &q.key, None, sn.ev);
        }
    }
}

/// partnerOf: A 与 B 共同 / 签订 …, A 会同 / 联合 / 携手 B; the partner words
/// in the order of their list, each by position.
fn partners(res: &mut Resolver, sn: &Sentence) {
    let mut partners: Vec<&Found> = within(sn.found, sn.s, sn.e)
        .filter(|f| f.partner_rank.is_some())
        .collect();
    partners.sort_by_key(|f| (f.partner_rank, f.start));
    for f in partners {
        partner_phrase(res, sn, f);
    }
}

/// partnerOf read at one partner word: the bodies of its clause before it
/// and the list of bodies right after it.
fn partner_phrase(res: &mut Resolver, sn: &Sentence, f: &Found) {
    let rw = &res.r.lex.words.relation;
    let (wp, joint_word) = (f.start, f.is(Cue::PartnerJoint));
    let w: String = sn.chars[f.start..f.end].iter().collect();
    if !joint_word && within_word(sn.chars, wp, &w, &rw.not_partner) {
        return;
    }
    let (ca, cb) = sn.clause(wp);
    if !joint_word && !has(sn.found, wp, cb, Cue::JointVerb) {
        return;
    }
    let mut left = sn.orgs_within(ca, wp);
    let right = listed_after(rw, sn, f.end, cb);
    if right.is_empty() {
        // (a list of bodies right before the word of joint action acts
        // together: 某局、某局、某局联合会商)
        if joint_word {
            let before = listed_before(rw, sn, ca, wp);
            for (i, a) in before.iter().enumerate() {
                for b in &before[i + 1..] {
                    res.st.relate(a, Predicate::PartnerOf, b, None, sn.ev);
                }
            }
        }
        return;
    }
    // (a place right before the word is the party: 某县与某公司签约, not a
    // body named earlier)
    let place_party =
        (sn.refs.iter()).any(|r| r.etype == EntityType::Place && r.end == wp && r.start >= ca);
    if left.is_empty() && place_party {
        return;
    }
    if left.is_empty() {
        // the sentence's subject (a body opening a clause before the word:
        // 该局联合某局…，并与某医院签订), else the body named last before
        // it, else the article's bureau
        let subject = (sn.refs.iter())
            .find(|r| is_org(r) && r.end <= wp && sn.clause(r.start).0 == r.start)
            .map(|r| r.key.as_str());
        let before = (sn.refs.iter().rev())
            .find(|r| is_org(r) && r.end <= wp)
            .map(|r| r.key.as_str());
        match subject.or(before).or(sn.bureau_key) {
            Some(k) if !right.iter().any(|r| r == k) => left.push(k.to_string()),
            _ => return,
        }
    }
    let mutual =
        has(sn.found, wp, cb, Cue::MutualClause) || has(sn.found, sn.s, sn.e, Cue::MutualSentence);
    // (lists of as many bodies on both sides of 分别 pair off in order)
    let before: String = sn.chars[ca..wp].iter().collect();
    let respective = left.len() == right.len()
        && left.len() > 1
        && (rw.respective.iter()).any(|w| before.trim_end().ends_with(w.as_str()));
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            let paired = !respective || i == j;
            if paired && res.st.entities.contains_key(a) && res.st.entities.contains_key(b) {
                res.st.relate(a, Predicate::PartnerOf, b, None, sn.ev);
            }
        }
    }
    if mutual && f.is(Cue::PartnerMutual) {
        for (i, a) in right.iter().enumerate() {
            for b in &right[i + 1..] {
                res.st.relate(a, Predicate::PartnerOf, b, None, sn.ev);
            }
        }
    }
}

/// The agencies and organizations of a list that starts at `pos` (only
/// 、, 和, 及 and spaces between them), up to `end`.
fn listed_after(rw: &RelationWords, sn: &Sentence, mut pos: usize, end: usize) -> Vec<String> {
    let mut right: Vec<String> = Vec::new();
    let after: Vec<&&Ref> = (sn.refs.iter())
        .filter(|r| r.start >= pos && r.end <= end)
        .collect();
    for r in after {
        if r.start < pos {
            // nested in (or overlapping) the body just taken
            continue;
        }
        let gap = &sn.chars[pos..r.start];
        let joins = |c: &char| matches!(*c, LIST_COMMA | ' ') || rw.list_conjunctions.contains(c);
        if !gap.iter().all(joins) {
            break;
        }
        if is_org(r) {
            right.push(r.key.clone());
        }
        pos = r.end;
    }
    right
}

/// The agencies and organizations of a list that ends at `end` (only 、,
/// 和, 及 and spaces between them), from `start` on; empty unless two or
/// more.
fn listed_before(rw: &RelationWords, sn: &Sentence, start: usize, mut end: usize) -> Vec<String> {
    let joins = |c: &char| matches!(*c, LIST_COMMA | ' ') || rw.list_conjunctions.contains(c);
    let mut left: Vec<String> = Vec::new();
    let last = end;
    for r in (sn.refs.iter().rev()).filter(|r| r.start >= start && r.end <= last) {
        // (nested in the body just taken)
        if r.end > end {
            continue;
        }
        if !sn.chars[r.end..end].iter().all(joins) || !is_org(r) {
            break;
        }
        left.insert(0, r.key.clone());
        end = r.start;
    }
    if left.len() < 2 {
        left.clear();
    }
    left
}

/// issued: a title that holds a body's full name (2020年聊城市自然资源和
/// 规划局党建工作总体规划) was issued by it; in a title of the form
/// bodies + 关于 + matter, only the bodies before 关于 issued it.
fn issued_by_title(res: &mut Resolver, sn: &Sentence) {
    let matter = &res.r.lex.words.relation.title_matter;
    for d in sn.documents() {
        let Some(mut title) = res.st.entities.get(&d.key).map(|e| e.name.clone()) else {
            continue;
        };
        if let Some(head) = super::issuing_part(&title, matter) {
            title.truncate(head.len());
        }
        let named: Vec<(&str, &str)> = (res.st.entities.values())
            .filter(|e| {
                e.etype == EntityType::Agency
                    && e.name.chars().count() >= 6
                    && title.contains(e.name.as_str())
            })
            .map(|e| (e.key.as_str(), e.name.as_str()))
            .collect();
        // the body named, not the parent its name starts with (上海市人民政府
        // in 上海市人民政府办公厅)
        let issuers: Vec<String> = named
            .iter()
            .filter(|(_, n)| {
                !named
                    .iter()
                    .any(|(_, m)| m.len() > n.len() && m.contains(n))
            })
            .map(|(k, _)| k.to_string())
            .collect();
        for i in issuers {
            res.st.relate(&i, Predicate::Issued, &d.key, None, sn.ev);
        }
    }
}

/// issued: a body written right before a title is its issuer
/// (传达学习了省住建厅《关于…的通知》精神).
fn issued_before_title(res: &mut Resolver, sn: &Sentence) {
    for d in sn.documents() {
        if sn.chars.get(d.start) != Some(&super::TITLE_OPEN) {
            continue;
        }
        if let Some(b) = (sn.refs.iter())
            .filter(|r| is_org(r) && r.end == d.start && !r.anaphor)
            .max_by_key(|r| r.end - r.start)
        {
            res.st
                .relate(&b.key, Predicate::Issued, &d.key, None, sn.ev);
        }
    }
}

/// issued: 印发 / 制定 / 签订 … 《…》, by the bodies of the clause before the
/// verb (or the parties named before: 三方签订《协议》).
fn issued_by_verb(res: &mut Resolver, sn: &Sentence) {
    if sn.documents().next().is_none() {
        return;
    }
    let mut issue_pos: Vec<usize> = within(sn.found, sn.s, sn.e)
        .filter(|f| f.is(Cue::Issue))
        .map(|f| f.start)
        .collect();
    issue_pos.sort();
    for &vp in &issue_pos {
        let docs: Vec<&&Ref> = sn.documents().filter(|r| r.start > vp).collect();
        if docs.is_empty() {
            continue;
        }
        let (ca, _) = sn.clause(vp);
        // 三方签订《协议》: the parties are the partners named before
        if has(sn.found, ca, vp, Cue::Parties) && signed_by_parties(res, sn, &docs) {
            continue;
        }
        let mut issuers = sn.orgs_within(ca, vp);
        // (并与 B 签订: the party the sentence gave B signs too)
        if issuers.len() == 1 && within(sn.found, ca, vp).any(|f| f.partner_rank.is_some()) {
            issuers.extend(partners_in(res, sn, &issuers));
        }
        if issuers.is_empty() {
            if let Some(sj) = sn.refs.iter().find(|r| is_org(r) && r.end <= vp) {
                issuers.push(sj.key.clone());
            } else if let Some(b) = sn.bureau_key {
                issuers.push(b.to_string());
            }
        }
        // documents up to the next clause that is not a list of titles
        for d in docs {
            let between = &sn.chars[vp..d.start];
            // (two marks: the title is in a later clause or sentence)
            if between.iter().filter(|c| matches!(c, '，' | '。')).count() > 1 {
                continue;
            }
            for i in &issuers {
                if res.st.entities.contains_key(i) {
                    res.st.relate(i, Predicate::Issued, &d.key, None, sn.ev);
                }
            }
        }
    }
}

/// The partners that this sentence gives the bodies `keys`, not among
/// them.
fn partners_in(res: &Resolver, sn: &Sentence, keys: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in res.st.relations.values() {
        if r.predicate != Predicate::PartnerOf || r.evidence != *sn.ev {
            continue;
        }
        for (a, b) in [(&r.subject, &r.object), (&r.object, &r.subject)] {
            if keys.contains(a) && !keys.contains(b) && !out.contains(b) {
                out.push(b.clone());
            }
        }
    }
    out
}

/// The partners named so far issued the documents (三方签订《协议》);
/// whether there were any.
fn signed_by_parties(res: &mut Resolver, sn: &Sentence, docs: &[&&Ref]) -> bool {
    let parties: Vec<String> = (res.st.relations.values())
        .filter(|r| r.predicate == Predicate::PartnerOf)
        .flat_map(|r| [r.subject.clone(), r.object.clone()])
        .collect();
    for d in docs {
        for p in &parties {
            res.st.relate(p, Predicate::Issued, &d.key, None, sn.ev);
        }
    }
    !parties.is_empty()
}

/// participatesIn: the bodies of a sentence that says they act (推进, 建设 …)
/// act on its projects.
fn participates(res: &mut Resolver, sn: &Sentence) {
    let projects: Vec<&&Ref> = (sn.refs.iter())
        .filter(|r| r.etype == EntityType::Project)
        .collect();
    if projects.is_empty() {
        return;
    }
    let acts = has(sn.found, sn.s, sn.e, Cue::Participate);
    let media = &res.r.lex.words.relation.media_heads;
    let mut bodies: Vec<String> = (sn.refs.iter())
        .filter(|r| {
            is_org(r)
                && !(projects.iter()).any(|p| r.start >= p.start && r.end <= p.end)
                // the newspaper of the byline reports, it does not act
                && !res.st.entities.get(&r.key).is_some_and(|e| {
                    media.iter().any(|m| e.name.ends_with(m.as_str()))
                })
        })
        .map(|r| r.key.clone())
        .collect();
    bodies.dedup();
    // in a numbered section of a report (二十五、市侨联) the section's body
    // is the subject of sentences that name none
    if bodies.is_empty() && res.art.kind == crate::text::ArticleKind::Section {
        bodies.extend(main_body(res));
    }
    // a body that invests an amount in the project right after it
    // (A公司计划总投资30亿元B项目、C公司…) takes part in that project alone
    let mut invested: Vec<&str> = Vec::new();
    for p in &projects {
        if let Some(b) = investor_before(res, sn, p) {
            res.st
                .relate(&b, Predicate::ParticipatesIn, &p.key, None, sn.ev);
            invested.push(&p.key);
        }
    }
    for p in &projects {
        for b in signed_by(sn, p) {
            res.st
                .relate(&b, Predicate::ParticipatesIn, &p.key, None, sn.ev);
        }
    }
    if !acts {
        return;
    }
    let section_body = bodies.len() == 1 && !sn.refs.iter().any(|r| r.key == bodies[0]);
    for p in projects
        .iter()
        .filter(|p| !invested.contains(&p.key.as_str()))
    {
        for b in &bodies {
            let at = sn.refs.iter().find(|r| r.key == *b);
            let words = &res.r.lex.words.relation;
            if section_body || at.is_some_and(|b| acts_on(sn, b, p, words)) {
                res.st
                    .relate(b, Predicate::ParticipatesIn, &p.key, None, sn.ev);
            }
        }
    }
}

/// Whether the sentence says the body `b` acts on the project `p`: a verb
/// of acting (推进, 承建 …), outside any name, between the body and the
/// project (某局加快推进某项目) or right after the project (某局了解某项目
/// 规划建设情况), unless the body's people visit it (县委书记到某项目建设
/// 现场调研) or speak of it (某局负责同志介绍…); or after the body where
/// the project comes first (某项目由某
/// 公司承建). A project only named beside the body (走访了某公司、某项目)
/// is not acted on. A preposition that brings the project before the verb
/// (某局对某工程进行了验收) lets the verb stand anywhere after it in its
/// clause.
fn acts_on(sn: &Sentence, b: &Ref, p: &Ref, words: &RelationWords) -> bool {
    let in_name = |a: usize, e: usize| sn.refs.iter().any(|r| r.start <= a && e <= r.end);
    let cue_in = |a: usize, e: usize, cue: Cue| {
        within(sn.found, a, e).any(|f| f.is(cue) && !in_name(f.start, f.end))
    };
    // (items of one list are named side by side, not acting on each other:
    // 到某基地、某中心、某村委会调研)
    let (first, second) = if b.end <= p.start { (b, p) } else { (p, b) };
    if first.end <= second.start {
        let gap = &sn.chars[first.end..second.start];
        let listed = gap.contains(&LIST_COMMA) && !gap.iter().any(|c| ends_clause(*c));
        if listed && !cue_in(first.end, second.start, Cue::Participate) {
            return false;
        }
    }
    if b.end <= p.start {
        // (what the body's people say is not what it does: 某局负责同志
        // 介绍，今年共谋划某项目)
        let between: String = sn.chars[b.end..p.start].iter().collect();
        let reported = (words.speech_verbs.iter()).any(|v| between.contains(v.as_str()));
        // (the lead may follow an adverb or a verb of organising: 组织对,
        // 积极为)
        let led = (words.object_leads.iter()).any(|l| {
            between.strip_suffix(l.as_str()).is_some_and(|pre| {
                pre.chars().count() <= LEAD_PREFIX_MAX && !pre.chars().any(ends_clause)
            })
        });
        let after = if led {
            sn.clause(p.end).1
        } else {
            (p.end + 4).min(sn.e)
        };
        // (a relative clause that makes the body the project's owner:
        // 由某公司作为业主单位的某项目, 以某局为实施主体的某工程)
        let owner = between.ends_with('的')
            && !between.chars().any(ends_clause)
            && (words.owner_words.iter()).any(|w| between.contains(w.as_str()));
        !reported
            && !cue_in(b.end, p.start, Cue::Visit)
            && (owner
                || cue_in(b.end, p.start, Cue::Participate)
                || cue_in(p.end, after, Cue::Participate))
    } else if p.end <= b.start {
        // (in the body's own clause: 某项目由某公司承建; or named the
        // project's owner in one clause: 某项目业主为某公司)
        let between: String = sn.chars[p.end..b.start].iter().collect();
        let owner = !sn.chars[p.end..b.start].iter().any(|c| ends_clause(*c))
            && (words.owner_words.iter()).any(|w| between.contains(w.as_str()));
        owner || cue_in(b.end, sn.clause(b.end).1, Cue::Participate)
    } else {
        false
    }
}

/// The most characters before an object's lead that still lead to it
/// (组织对某工程进行验收).
const LEAD_PREFIX_MAX: usize = 4;

/// The companies that sign the project `p` (某县与某公司签约某项目): the
/// organisations of its clause before a verb of signing written right
/// before the project.
fn signed_by(sn: &Sentence, p: &Ref) -> Vec<String> {
    let (ca, _) = sn.clause(p.start);
    let Some(vp) = within(sn.found, ca, p.start)
        .filter(|f| f.is(Cue::Sign) && f.end + 1 >= p.start)
        .map(|f| f.start)
        .last()
    else {
        return Vec::new();
    };
    (sn.refs.iter())
        .filter(|r| r.etype == EntityType::Organization && r.start >= ca && r.end <= vp)
        .map(|r| r.key.clone())
        .collect()
}

/// The body that invests in the project `p`: the organisation right before
/// it in its item, with an investment verb and an amount between them
/// (甲公司计划总投资30亿元乙项目).
fn investor_before(res: &Resolver, sn: &Sentence, p: &Ref) -> Option<String> {
    // (the references of a sentence are in order: look only just before)
    let upto = sn.refs.partition_point(|r| r.start < p.start);
    let b = sn.refs[..upto]
        .iter()
        .rev()
        .take_while(|r| r.start + 60 >= p.start)
        .find(|r| is_org(r) && r.end <= p.start && p.start - r.end <= 20)?;
    let between: String = sn.chars[b.end..p.start].iter().collect();
    let rw = &res.r.lex.words.relation;
    let invests = rw.invest_verbs.iter().any(|v| between.contains(v.as_str()));
    let one_item = !between.chars().any(|c| c == LIST_COMMA || ends_clause(c));
    let amount = between.chars().any(|c| c.is_ascii_digit());
    (invests && one_item && amount).then(|| b.key.clone())
}

/// The role label and the group of a roster line holding `at`: the label is
/// the nearest one at the start of this or an earlier line of the roster;
/// the group is the last group named before the roster (…领导小组组成人员如下：).
fn roster_group(
    rw: &RelationWords,
    refs: &[super::Ref],
    chars: &[char],
    at: usize,
) -> Option<(String, String)> {
    let line_start = |p: usize| {
        chars[..p]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |x| x + 1)
    };
    let mut ls = line_start(at.min(chars.len()));
    let mut found = None;
    for _ in 0..60 {
        let head = &chars[ls..(ls + 8).min(chars.len())];
        if let Some(colon) = head.iter().position(|c| is_colon(*c)) {
            let label: String = head[..colon].iter().filter(|c| **c != ' ').collect();
            if !rw.roster_roles.contains(&label) {
                return None;
            }
            found = Some((label, ls));
            break;
        }
        if ls == 0 {
            return None;
        }
        ls = line_start(ls - 1);
    }
    let (role, label_at) = found?;
    let group = refs
        .iter()
        .filter(|r| !r.anaphor && r.etype.is_org() && r.end <= label_at && label_at - r.end < 400)
        .filter(|r| {
            let text: String = chars[r.start..r.end].iter().collect();
            rw.group_heads.iter().any(|h| text.ends_with(h.as_str()))
        })
        .max_by_key(|r| (r.end, r.end - r.start))?;
    Some((role, group.key.clone()))
}

/// The entity of each mention and the body each org mention ends with.
struct MentionKeys {
    /// Mention index → (key, type) of its first reference.
    by_mention: HashMap<usize, (String, EntityType)>,
    /// End → (length, key) of the longest agency or organization ending
    /// there (of an anaphor where no name ends there).
    by_end: HashMap<usize, (usize, String)>,
    /// The ends of references to bodies, anaphors (该局) included.
    org_ends: HashSet<usize>,
    /// End → key of the first place (no anaphor) whose mention ends there.
    place_by_end: HashMap<usize, String>,
}

impl MentionKeys {
    fn new(refs: &[Ref]) -> MentionKeys {
        let mut by_mention: HashMap<usize, (String, EntityType)> = HashMap::default();
        let mut by_end: HashMap<usize, (usize, String)> = HashMap::default();
        let org_ends = refs
            .iter()
            .filter(|r| r.etype.is_org())
            .map(|r| r.end)
            .collect();
        let mut place_by_end: HashMap<usize, String> = HashMap::default();
        for r in refs {
            if r.etype == EntityType::Place && !r.anaphor {
                place_by_end.entry(r.end).or_insert_with(|| r.key.clone());
            }
        }
        for r in refs.iter().filter(|r| !r.anaphor) {
            by_mention
                .entry(r.mention)
                .or_insert((r.key.clone(), r.etype));
            if r.etype.is_org() {
                let e = by_end
                    .entry(r.end)
                    .or_insert((r.end - r.start, r.key.clone()));
                if r.end - r.start > e.0 {
                    *e = (r.end - r.start, r.key.clone());
                }
            }
        }
        // (a body's anaphor stands for it before a post: 该局总工程师某某)
        for r in refs.iter().filter(|r| r.anaphor && r.etype.is_org()) {
            by_end
                .entry(r.end)
                .or_insert((r.end - r.start, r.key.clone()));
        }
        MentionKeys {
            by_mention,
            by_end,
            org_ends,
            place_by_end,
        }
    }

    /// The body whose mention ends at `end`.
    fn body_ending(&self, end: usize) -> Option<String> {
        self.by_end.get(&end).map(|(_, k)| k.clone())
    }

    /// Where the body whose mention ends at `end` starts.
    fn body_start(&self, end: usize) -> Option<usize> {
        self.by_end.get(&end).map(|(len, _)| end - len)
    }
}

/// A person mention with its entity and evidence.
struct PersonAt<'a> {
    /// The mention.
    m: &'a Mention,
    /// The person's key.
    key: String,
    /// The sentence of the mention.
    ev: Evidence,
}

/// memberOf from bylines, signatures, rosters and posts.
fn members(res: &mut Resolver, ms: &[Mention], chars: &[char]) {
    let refs = res.st.refs.clone();
    let keys = MentionKeys::new(&refs);
    let sole = sole_medium(res, &refs);
    for (mi, m) in ms.iter().enumerate() {
        let MentionKind::Person {
            post,
            org_end,
            source,
            ..
        } = &m.kind
        else {
            continue;
        };
        let Some((key, _)) = keys.by_mention.get(&mi).cloned() else {
            continue;
        };
        let ev = res.evidence_at(m.start, m.end);
        let p = PersonAt { m, key, ev };
        let body = org_end.and_then(|e| keys.body_ending(e));
        match source {
            PersonSource::Byline => {
                let own = post.as_deref().is_some_and(|p| own_staff(res, p))
                    || own_dispatch(res, chars, m.start);
                let body = body
                    .or_else(|| medium_before(res, &refs, chars, m.start))
                    .or_else(|| own.then(|| own_paper(res, &refs, chars, m.start)).flatten())
                    .or_else(|| reporter(res, post.as_deref()).then(|| sole.clone())?);
                if post.is_none() {
                    // a line of names signed by its medium (某某台 张三 李四)
                    if let Some(b) = signing_medium(res, &refs, chars, m.start) {
                        res.st.relate(&p.key, Predicate::MemberOf, &b, None, &p.ev);
                    }
                }
                byline_member(res, &p, post.as_deref(), body)
            }
            PersonSource::Signature => {
                if let Some(b) = body {
                    res.st.relate(&p.key, Predicate::MemberOf, &b, None, &p.ev);
                }
            }
            PersonSource::Roster => {
                roster_member(res, &p, &refs, chars);
                let end = org_end.unwrap_or(m.end).min(chars.len());
                roster_posts(res, &keys, &p, chars, end);
            }
            PersonSource::Post => {
                appointed_post(res, &keys, &p, chars);
                post_members(res, &keys, &p, chars);
                post_after(res, &p, post.as_deref(), chars);
                session_member(res, &p, post.as_deref());
            }
        }
        // posts in brackets after the name, however it was found (bylines
        // write none)
        if *source != PersonSource::Byline {
            bracketed_posts(res, &keys, &p, chars);
        }
    }
    shared_posts(res, ms, &keys, chars);
}

/// The post a person is given after 为 (任命某某为某局局长): the body
/// written right after the verb and the post right after the body, before
/// the clause ends.
fn appointed_post(res: &mut Resolver, keys: &MentionKeys, p: &PersonAt, chars: &[char]) {
    let verbs = &res.r.lex.person_words.post_verb;
    let e = p.m.end;
    if !chars.get(e).is_some_and(|c| verbs.has_char(*c)) {
        return;
    }
    let stop = (e + 1..chars.len())
        .find(|&k| is_punct(chars[k]))
        .unwrap_or(chars.len());
    let held = (e + 2..=stop).rev().find_map(|end| {
        let (pt, ps) = post_before(res, keys, chars, end)?;
        let body = keys
            .body_ending(ps)
            .filter(|_| keys.body_start(ps) == Some(e + 1))?;
        Some((pt, body))
    });
    if let Some((pt, body)) = held {
        res.st
            .relate(&p.key, Predicate::MemberOf, &body, Some(pt), &p.ev);
    }
}

/// A post written right after another person of the same list, with no
/// body of its own (区政协主席李某、副主席王某、秘书长赵某; 主任李某，副主任
/// 王某): it is held in the body of the person before.
fn posts_after_people(res: &mut Resolver, ms: &[Mention], keys: &MentionKeys, chars: &[char]) {
    let rw = &res.r.lex.words.relation;
    let joins = |c: char| matches!(c, LIST_COMMA | '，' | ',') || rw.list_conjunctions.contains(&c);
    let mut prev: Option<(String, usize)> = None; // (key, end)
    let mut people: Vec<(usize, &Mention)> = (ms.iter().enumerate())
        .filter(|(_, m)| matches!(m.kind, MentionKind::Person { .. }))
        .collect();
    people.sort_by_key(|(_, m)| m.start);
    for (mi, m) in people {
        let MentionKind::Person { post, .. } = &m.kind else {
            continue;
        };
        let Some((key, _)) = keys.by_mention.get(&mi).cloned() else {
            continue;
        };
        let before = prev.replace((key.clone(), m.end));
        let Some(pt) = post else { continue };
        let ps = m.start.checked_sub(pt.chars().count());
        let written = ps.is_some_and(|ps| chars[ps..m.start].iter().collect::<String>() == *pt);
        let Some((pk, pend)) = before.filter(|_| written) else {
            continue;
        };
        let ps = ps.unwrap_or(0);
        // (over the posts written before it: 党组成员、总工程师某某)
        let (ps, more) = posts_before(res, keys, chars, ps);
        if ps == 0 || !joins(chars[ps - 1]) || holds_a_post(res, &key) {
            continue;
        }
        // (or later in the sentence, a deputy's post of the body's kind:
        // 院长李某出席并讲话，副院长王某通报情况)
        let deputy = || {
            chief_head(res, pt).is_some()
                && pend < ps
                && !chars[pend..ps].iter().any(|&c| ends_sentence(c))
        };
        if pend + 1 != ps && !deputy() {
            continue;
        }
        // the body of the person before, held by the post written with them
        let body = (res.st.relations.values())
            .filter(|r| r.subject == pk && r.predicate == Predicate::MemberOf)
            .min_by_key(|r| r.evidence.start)
            .map(|r| r.object.clone());
        if let Some(b) = body {
            let p = PersonAt {
                m,
                key,
                ev: res.evidence_at(m.start, m.end),
            };
            // (a government's post after a Party secretary is held in the
            // government of the place: 某镇党委书记某某、镇长某某)
            let gov_post = res.r.lex.posts.get(pt).map(|p| p.organ) == Some(PostOrgan::Gov);
            let gov = (gov_post && !is_government(res, &b))
                .then(|| government_of(res, &b, &p.ev))
                .flatten();
            if let Some(g) = gov {
                res.st
                    .relate(&p.key, Predicate::MemberOf, &g, Some(pt.clone()), &p.ev);
                continue;
            }
            chain_body_member(res, &p, &b, pt.clone());
            for pt in more {
                chain_body_member(res, &p, &b, pt);
            }
        }
    }
}

/// The people's government of the place of a body resolved from a chain
/// (某镇党委 → 某镇人民政府), serving that place.
fn government_of(res: &mut Resolver, body: &str, ev: &Evidence) -> Option<String> {
    let (base, place) = res.st.bases.get(body)?.clone();
    let name = res.r.lex.words.organs.government_name.at(&base);
    Some(res.place_organ(&name, Some(place.as_deref()?), ev))
}

/// The posts written with no body before the post at `ps`, each followed
/// by 、 (党组成员、 before 总工程师): where the first starts, and the posts.
fn posts_before(
    res: &Resolver,
    keys: &MentionKeys,
    chars: &[char],
    mut ps: usize,
) -> (usize, Vec<String>) {
    let mut posts = Vec::new();
    while ps >= 2 && chars[ps - 1] == LIST_COMMA {
        let found = post_before(res, keys, chars, ps - 1);
        let Some((w, s)) = found.filter(|(_, s)| keys.body_ending(*s).is_none()) else {
            break;
        };
        posts.push(w);
        ps = s;
    }
    (ps, posts)
}

/// People listed after one post (副主任李某、王某): each later name holds the
/// post, in the bodies of the first, when it has none of its own.
fn shared_posts(res: &mut Resolver, ms: &[Mention], keys: &MentionKeys, chars: &[char]) {
    let mut prev: Option<(String, String, usize)> = None; // (key, post, end)
    for (mi, m) in ms.iter().enumerate() {
        let MentionKind::Person { post: Some(pt), .. } = &m.kind else {
            continue;
        };
        let Some((key, _)) = keys.by_mention.get(&mi).cloned() else {
            continue;
        };
        let listed = m.start > 0 && chars[m.start - 1] == LIST_COMMA;
        if let Some((pk, ppt, pend)) = prev.as_ref().filter(|_| listed) {
            if *pend + 1 == m.start && ppt == pt && !holds_a_post(res, &key) {
                // (the whole chain of posts before the first name is theirs:
                // 省人大常委会委员、省人大社会委副主任委员李某、王某)
                let ev = res.evidence_at(m.start, m.end);
                let held: Vec<(String, Option<String>)> = (res.st.relations.values())
                    .filter(|r| {
                        r.subject == *pk
                            && r.predicate == Predicate::MemberOf
                            && (r.role.as_ref() == Some(pt) || r.evidence.start == ev.start)
                    })
                    .map(|r| (r.object.clone(), r.role.clone()))
                    .collect();
                for (b, role) in held {
                    res.st.relate(&key, Predicate::MemberOf, &b, role, &ev);
                }
                prev = Some((pk.clone(), pt.clone(), m.end));
                continue;
            }
        }
        prev = Some((key, pt.clone(), m.end));
    }
}

/// Whether the person `key` is a member of some body already.
fn holds_a_post(res: &Resolver, key: &str) -> bool {
    (res.st.relations.keys()).any(|(s, p, _, _)| s == key && *p == Predicate::MemberOf)
}

/// The medium that opens the line of names a name at `start` stands in
/// (武宁台 张三 李四): a medium before it with only names and spaces
/// between.
fn signing_medium(res: &Resolver, refs: &[Ref], chars: &[char], start: usize) -> Option<String> {
    let r = medium_ref_before(res, refs, chars, start, Some(BYLINE_MEDIUM_REACH))?;
    let between = &chars[r.end..start];
    let names_only = between.first() == Some(&' ')
        && between.iter().all(|c| *c == ' ' || is_han(*c))
        && start - r.end <= 12;
    names_only.then(|| r.key.clone())
}

/// The medium that a byline at `start` writes for where the byline does
/// not follow it directly: an organisation ending in a medium's last
/// character (网, 报, 台) or head (报社) earlier in the same line, at most 30 characters
/// before (东北网3月14日讯(记者 某某), 来源: 某某新闻网 作者: 某某).
fn medium_before(res: &Resolver, refs: &[Ref], chars: &[char], start: usize) -> Option<String> {
    medium_ref_before(res, refs, chars, start, Some(BYLINE_MEDIUM_REACH)).map(|r| r.key.clone())
}

/// Whether a post is the paper's own staff's (本报记者: 本 before it).
fn own_staff(res: &Resolver, post: &str) -> bool {
    res.r.lex.document_words.own_medium.starts(post)
}

/// Whether a byline post is a reporter's (记者, 全媒体记者).
fn reporter(res: &Resolver, post: Option<&str>) -> bool {
    let words = &res.r.lex.words.relation.reporter_posts;
    post.is_some_and(|p| words.iter().any(|w| p.contains(w.as_str())))
}

/// The one medium an article names, if it names only one: the paper
/// whose staff sign its credits where no medium stands near them
/// (文/记者 某某 under a header naming 某某日报社).
fn sole_medium(res: &Resolver, refs: &[Ref]) -> Option<String> {
    let mut media = media_refs(res, refs).iter().filter_map(|&i| refs.get(i));
    let first = media.next()?;
    media.all(|r| r.key == first.key).then(|| first.key.clone())
}

/// The indices of the references to news media, in order of position:
/// listed once per article, when its relations are read.
fn media_refs<'a>(res: &'a Resolver, refs: &[Ref]) -> &'a [usize] {
    res.media.get_or_init(|| {
        (0..refs.len())
            .filter(|&i| {
                let r = &refs[i];
                r.etype == EntityType::Organization
                    && (res.st.entities.get(&r.key)).is_some_and(|e| res.is_medium(&e.name))
            })
            .collect()
    })
}

/// Whether the byline at `start` is of the paper's own dispatch (本报讯
/// (记者 某某)): the line before it opens with the paper's own mark.
fn own_dispatch(res: &Resolver, chars: &[char], start: usize) -> bool {
    let dw = &res.r.lex.document_words;
    // (the dispatch's mark opens the byline's line: a few characters back)
    let from = start.saturating_sub(BYLINE_MEDIUM_REACH);
    let line = chars[from..start]
        .iter()
        .rposition(|c| *c == '\n')
        .map_or(from, |i| from + i + 1);
    // (本报 and its mark, 本报讯, or a wire dispatch of its own with its
    // place and date: 本报某地2月17日电)
    let text = &chars[line..start];
    text.windows(2).enumerate().any(|(i, w)| {
        let rest = &text[i + 2..];
        dw.own_medium.has_char(w[0])
            && dw.dispatch_medium.has_char(w[1])
            && (rest.first().is_some_and(|c| dw.dispatch_mark.has_char(*c))
                || rest.iter().any(|c| dw.dispatch_wire.has_char(*c)))
    })
}

/// The medium that prints the text where its own staff (本报记者) write at
/// `pos`: the last medium the text names before them (its header's paper,
/// its source line's), however far.
fn own_paper(res: &Resolver, refs: &[Ref], chars: &[char], pos: usize) -> Option<String> {
    medium_ref_before(res, refs, chars, pos, None).map(|r| r.key.clone())
}

/// The last medium named before `start`: within `near` characters and on
/// the same line where `near` is given (a byline's medium), anywhere
/// before otherwise (the paper of 本报记者).
fn medium_ref_before<'r>(
    res: &Resolver,
    refs: &'r [Ref],
    chars: &[char],
    start: usize,
    near: Option<usize>,
) -> Option<&'r Ref> {
    let close =
        |r: &Ref| near.is_none_or(|n| start - r.end <= n && !chars[r.end..start].contains(&'\n'));
    let media = media_refs(res, refs);
    // (the media named before `start`: those starting before it)
    let before = media.partition_point(|&i| refs.get(i).is_some_and(|r| r.start < start));
    media[..before]
        .iter()
        .rev()
        .filter_map(|&i| refs.get(i))
        .find(|r| r.end <= start)
        .filter(|r| close(r))
}

/// How far before a byline its medium may be named (东北网3月14日讯(记者
/// 某某)).
const BYLINE_MEDIUM_REACH: usize = 30;

/// Reporters and editors of a byline belong to their newspaper;
/// correspondents are written beside it but work elsewhere.
fn byline_member(res: &mut Resolver, p: &PersonAt, post: Option<&str>, body: Option<String>) {
    let Some(post) = post else { return };
    let staff = &res.r.lex.words.relation.staff_posts;
    if !staff.iter().any(|s| post.contains(s.as_str())) {
        return;
    }
    if let Some(b) = body {
        let role = Some(post.to_string());
        res.st.relate(&p.key, Predicate::MemberOf, &b, role, &p.ev);
    }
}

/// A roster of a group (组长：… 成员：…) makes its people members of the
/// group, with the label as their role.
fn roster_member(res: &mut Resolver, p: &PersonAt, refs: &[Ref], chars: &[char]) {
    let rw = &res.r.lex.words.relation;
    if let Some((role, group)) = roster_group(rw, refs, chars, p.m.start) {
        res.st
            .relate(&p.key, Predicate::MemberOf, &group, Some(role), &p.ev);
    }
}

/// The posts after a name in a roster, separated by 、 up to `end`: each
/// is a body and a post (市政府副秘书长) or a post alone (市长).
fn roster_posts(res: &mut Resolver, keys: &MentionKeys, p: &PersonAt, chars: &[char], end: usize) {
    let mut seg = p.m.end;
    while seg < end {
        let stop = (seg..end)
            .find(|&x| chars[x] == LIST_COMMA || chars[x] == '，') // 、 or a full-width comma
            .unwrap_or(end);
        if let Some((pt, ps)) = post_before(res, keys, chars, stop) {
            let mut level = None;
            if ps > seg
                && res.r.lex.words.places.is_level_char(chars[ps - 1])
                && keys.body_ending(ps).is_none()
            {
                level = Some(chars[ps - 1]);
            }
            let place_before = place_ending(res, keys, ps);
            let organ = res.r.lex.posts.get(&pt).map(|p| p.organ);
            let target = match keys.body_ending(ps) {
                Some(b) if organ == Some(PostOrgan::Gov) => {
                    implied_body(res, &pt, level, place_before, ps).or(Some(b))
                }
                Some(b) => Some(b),
                None => {
                    let at = ps.saturating_sub(level.map_or(0, |_| 1));
                    implied_body(res, &pt, level, place_before, at)
                }
            };
            if let Some(t) = target {
                res.st
                    .relate(&p.key, Predicate::MemberOf, &t, Some(pt.clone()), &p.ev);
            }
        }
        seg = stop + 1;
    }
}

/// Walks back over the posts written before a name: 奎文区委副书记、区长高志秀;
/// 市长、市总林长李长萍. Each post makes the person a member of the body
/// named before it, or of the body the post implies.
fn post_members(res: &mut Resolver, keys: &MentionKeys, p: &PersonAt, chars: &[char]) {
    // (a credit may set the name off its post by a space: 记者 王强摄)
    let mut pos = p.m.start;
    if pos > 0 && chars[pos - 1] == ' ' {
        pos -= 1;
    }
    // (and a rank or a note in brackets: 镇长（正科级）某某)
    chain_members(res, keys, p, chars, note_before(chars, pos));
}

/// The memberships of the chain of posts ending at `pos`: posts of the
/// chain that name no body go to the body written earliest in it.
fn chain_members(res: &mut Resolver, keys: &MentionKeys, p: &PersonAt, chars: &[char], pos: usize) {
    let mut bare: Vec<String> = Vec::new();
    let mut written: Option<String> = None;
    chain_posts(res, keys, p, chars, pos, &mut bare, &mut written);
    if written.is_none() {
        written = bare.iter().find_map(|pt| body_in_post(res, pt));
    }
    // (a head's post alone after a delimiter: ，校长某某)
    if let [pt] = &bare[..] {
        let ps = pos.saturating_sub(pt.chars().count());
        let alone = ps == 0 || is_punct(chars[ps - 1]);
        if written.is_none() && alone && is_leader_of_self(res, pt) {
            written = sole_body_before(keys, chars, ps);
        }
    }
    if let Some(b) = written {
        for pt in bare {
            if street_office_member(res, p, &b, &pt) {
                continue;
            }
            // (a post of its level names the top body of the written body's
            // place: 某镇党委副书记、镇长 → the township's government)
            match level_body(res, &b, &pt, pos) {
                Some(t) => res
                    .st
                    .relate(&p.key, Predicate::MemberOf, &t, Some(pt), &p.ev),
                None => chain_body_member(res, p, &b, pt),
            }
        }
    }
}

/// The body a post of a level (镇长, 县长) names at the place of the body
/// `b`, where that place is of the post's level.
fn level_body(res: &mut Resolver, b: &str, pt: &str, pos: usize) -> Option<String> {
    let organ = res.r.lex.posts.get(pt)?.organ;
    if organ == PostOrgan::SelfBody {
        return None;
    }
    let (_, place) = res.st.bases.get(b)?;
    let idx = res.division_of(place.as_deref()?)?;
    let places = &res.r.lex.words.places;
    let lv = pt.chars().find(|c| places.is_level_char(*c))?;
    let fits = crate::recognize::chain::level_of(lv) == Some(res.r.lex.divisions[idx].level);
    fits.then(|| body_of(res, organ, idx, pos, pt)).flatten()
}

/// Whether a post is a leader's post of whatever body it follows (校长,
/// 院长, 董事长).
fn is_leader_of_self(res: &Resolver, pt: &str) -> bool {
    (res.r.lex.posts.get(pt)).is_some_and(|p| p.organ == PostOrgan::SelfBody && p.leader)
}

/// The one body named in the sentence before `end`, when it names one
/// only (某某小学获评文明校园，校长某某介绍…): the body whose head's post
/// a person is given with no body.
fn sole_body_before(keys: &MentionKeys, chars: &[char], end: usize) -> Option<String> {
    let start = (0..end)
        .rev()
        .find(|&k| ends_sentence(chars[k]))
        .map_or(0, |k| k + 1);
    let mut found = (keys.by_end.iter())
        .filter(|(&e, (len, _))| e <= end && e >= start + len)
        .map(|(_, (_, k))| k);
    let first = found.next()?;
    found.all(|k| k == first).then(|| first.clone())
}

/// The body a post names by its short name when no body is written
/// before it (党工委副书记 after 某街道党工委 was named): the one agency of
/// the article written with that short name, the post's own title (副书记)
/// taken off.
fn body_in_post(res: &Resolver, pt: &str) -> Option<String> {
    let posts = &res.r.lex.posts;
    let stem = (pt.char_indices().skip(1))
        .map(|(i, _)| i)
        .find(|&i| posts.contains_key(&pt[i..]))
        .map(|i| &pt[..i])
        .filter(|s| s.chars().count() >= 2)?;
    let mut found = (res.st.entities.values()).filter(|e| {
        e.etype == EntityType::Agency && e.aliases.iter().any(|a| a.ends_with(stem) && a != stem)
    });
    let first = found.next()?;
    found.next().is_none().then(|| first.key.clone())
}

/// A post of a street's office in a chain after the street's Party
/// working committee (街道党工委副书记、办事处主任某某): held in the street's
/// office (某区某街道办事处), which the committee's street names.
fn street_office_member(res: &mut Resolver, p: &PersonAt, body: &str, pt: &str) -> bool {
    let so = &res.r.lex.body_words.street_office;
    if !(so.iter()).any(|w| w.chars().count() > 1 && pt.starts_with(w) && pt.len() > w.len()) {
        return false;
    }
    let street = (res.st.relations.values())
        .find(|r| r.subject == body && r.predicate == Predicate::Jurisdiction)
        .map(|r| r.object.clone());
    let division = (street.as_ref())
        .and_then(|k| res.st.entities.get(k)?.code.clone())
        .and_then(|c| res.r.lex.division_by_code.get(&c).copied())
        .filter(|&i| res.is_street(i));
    let (Some(street), Some(i)) = (street, division) else {
        return false;
    };
    let organs = &res.r.lex.words.organs;
    let name = organs.street_office_name.at(&res.prefix_name(i));
    let key = res
        .st
        .add(entity(EntityType::Agency, &name, &res.ctx.scope), None);
    res.st
        .relate(&key, Predicate::Jurisdiction, &street, None, &p.ev);
    res.st.relate(
        &p.key,
        Predicate::MemberOf,
        &key,
        Some(pt.to_string()),
        &p.ev,
    );
    true
}

/// The posts written in brackets right after a person's name (某某（县委
/// 副书记）, 某某（县政协主席、党组书记）): read as a chain of posts before
/// the closing bracket.
fn bracketed_posts(res: &mut Resolver, keys: &MentionKeys, p: &PersonAt, chars: &[char]) {
    let open = p.m.end;
    if !chars.get(open).is_some_and(|c| is_paren(*c, true)) {
        return;
    }
    let end = (open + BRACKETED_POST_REACH).min(chars.len());
    let Some(close) = (open + 1..end).find(|&k| is_paren(chars[k], false)) else {
        return;
    };
    if (open + 1..close).any(|k| is_punct(chars[k]) && chars[k] != LIST_COMMA) {
        return;
    }
    chain_members(res, keys, p, chars, close);
}

/// How far after a name the bracket closing its posts may stand.
const BRACKETED_POST_REACH: usize = 24;

/// A post of a chain that names no body (主席 in 县政协党组书记、主席某某;
/// 副厅长 in 省交通运输厅党委委员、副厅长某某) is held in the body the chain
/// writes, or in the body whose Party unit that is.
fn chain_body_member(res: &mut Resolver, p: &PersonAt, body: &str, pt: String) {
    let organs = &res.r.lex.words.organs;
    let name = res.st.entities.get(body).map(|e| e.name.clone());
    let party = name.is_some_and(|n| organs.party_units.iter().any(|u| n.ends_with(u.as_str())));
    let parent = party
        .then(|| {
            (res.st.relations.values())
                .find(|r| r.subject == body && r.predicate == Predicate::SubOrganizationOf)
                .map(|r| r.object.clone())
        })
        .flatten();
    let target = parent.unwrap_or_else(|| body.to_string());
    // a head's post names the kind of body it heads (副厅长 → …厅)
    let fits = match (chief_head(res, &pt), res.st.entities.get(&target)) {
        (Some(h), Some(e)) => e.name.ends_with(h),
        (Some(_), None) => false,
        (None, _) => true,
    };
    if fits {
        res.st
            .relate(&p.key, Predicate::MemberOf, &target, Some(pt), &p.ev);
    }
}

/// The kind of body a head's post names (局 of 局长, 厅 of 副厅长), if it
/// names one.
fn chief_head(res: &Resolver, post: &str) -> Option<char> {
    let organs = &res.r.lex.words.organs;
    post.strip_suffix(organs.chief_suffix.as_str())
        .and_then(|h| h.chars().last())
        .filter(|h| organs.chief_bodies.contains(&h.to_string()))
}

/// The posts of a person's chain, from the name back (县委书记、县长某某):
/// each with the body written before it or implied by it; posts that name
/// none go to `bare`, the first body written to `written`. The chain ends
/// at `pos` (the name, or the bracket closing posts written after it).
fn chain_posts(
    res: &mut Resolver,
    keys: &MentionKeys,
    p: &PersonAt,
    chars: &[char],
    mut pos: usize,
    bare: &mut Vec<String>,
    written: &mut Option<String>,
) {
    for _ in 0..4 {
        let Some((pt, mut ps)) = post_before(res, keys, chars, pos) else {
            break;
        };
        // (the level's adjective: 市级 in 市级总河长)
        let adjective = &res.r.lex.place_terms.level_adjective;
        let places = &res.r.lex.words.places;
        if ps >= 2 && adjective.has_char(chars[ps - 1]) && places.is_level_char(chars[ps - 2]) {
            ps -= 1;
        }
        // a mark of the post's time after its body (某局原局长, 某县时任县长)
        let marker = &res.r.lex.person_words.post_marker;
        if let Some(l) = (1..=2).find(|&l| {
            ps > l
                && marker.contains(&char_slice(chars, ps - l, ps))
                && keys.body_ending(ps - l).is_some()
        }) {
            ps -= l;
        }
        // a level word before the post (市 in 市副总林长)
        let mut level = None;
        if ps > 0 && res.r.lex.words.places.is_level_char(chars[ps - 1]) {
            // a level word of its own (市 in 、市副总林长), not the end of a
            // name (区 in 社区)
            let glued = ps >= 2 && is_han(chars[ps - 2]) && chars[ps - 2] != LIST_COMMA;
            if !glued {
                level = Some(chars[ps - 1]);
            }
        }
        // a place written right before the post (奉贤区区长)
        let place_before = place_ending(res, keys, ps);
        let organ = res.r.lex.posts.get(&pt).map(|p| p.organ);
        // (a head's post after a post of a body written before it in the
        // chain is that body's: 某局党组书记、局长某某)
        let chained = (level.is_none() && organ == Some(PostOrgan::SelfBody))
            .then(|| body_post_before(res, keys, chars, ps))
            .flatten()
            .filter(|_| keys.body_ending(ps).is_none());
        let target = match keys.body_ending(ps) {
            // the body named right before the post
            Some(b) if organ != Some(PostOrgan::Gov) => Some(b),
            // (a government's post after the government named: 某市政府副市长)
            Some(b) if is_government(res, &b) => Some(b),
            Some(b) => implied_body(res, &pt, level, place_before, ps).or(Some(b)),
            None => {
                if level.is_some() {
                    ps -= 1;
                }
                implied_body(res, &pt, level, place_before, ps)
            }
        };
        if let Some(b) = chained {
            chain_body_member(res, p, &b, pt.clone());
        } else if let Some(t) = target {
            res.st
                .relate(&p.key, Predicate::MemberOf, &t, Some(pt.clone()), &p.ev);
            if let Some(b) = keys.body_ending(ps) {
                written.get_or_insert(b);
            }
        } else if let Some((t, role)) = local_party_unit(res, keys, &pt, ps, &p.ev) {
            res.st
                .relate(&p.key, Predicate::MemberOf, &t, Some(role), &p.ev);
        } else {
            bare.push(pt.clone());
        }
        // a body written before the post may follow an earlier post of
        // the person in a chain (县委书记、县人大常委会主任某某; 村党支部书记
        // 兼村委会主任某某), or a comma set off a long chain's parts
        // where a post ends right before it (某局副局长，某委主任某某)
        let joins = |k: usize| {
            k > 0
                && (chars[k - 1] == LIST_COMMA
                    || res
                        .r
                        .lex
                        .words
                        .relation
                        .post_joiners
                        .contains(&chars[k - 1])
                    || is_comma(chars[k - 1]) && post_before(res, keys, chars, k - 1).is_some())
        };
        if let Some(bs) = keys.body_start(ps) {
            if joins(bs) {
                pos = bs - 1;
                continue;
            }
            break;
        }
        // (a bare top body between: 县委常委、政府副县长某某)
        let government = &res.r.lex.body_words.government;
        let bare_top = (government.iter().map(|w| w.chars().count())).find(|&l| {
            ps > l && government.contains(&char_slice(chars, ps - l, ps)) && joins(ps - l)
        });
        if let Some(l) = bare_top {
            pos = ps - l - 1;
            continue;
        }
        if joins(ps) {
            pos = ps - 1;
            continue;
        }
        break;
    }
}

/// Whether the entity `key` is a people's government (…人民政府).
fn is_government(res: &Resolver, key: &str) -> bool {
    let gov = &res.r.lex.words.organs.government;
    res.st
        .entities
        .get(key)
        .is_some_and(|e| e.name.ends_with(gov.as_str()))
}

/// A name written before its post (王某市长, 李某副县长) with no body before
/// it: the person holds the post in the body the post implies.
fn post_after(res: &mut Resolver, p: &PersonAt, post: Option<&str>, chars: &[char]) {
    let Some(post) = post else { return };
    let n = post.chars().count();
    let after: String = chars.iter().skip(p.m.end).take(n).collect();
    if after != post || holds_a_post(res, &p.key) {
        return;
    }
    if let Some(t) = implied_body(res, post, None, None, p.m.end) {
        res.st.relate(
            &p.key,
            Predicate::MemberOf,
            &t,
            Some(post.to_string()),
            &p.ev,
        );
    }
}

/// A person of a list that a session's post closes (某某、某某等委员),
/// holding no post yet: a member of the session's body.
fn session_member(res: &mut Resolver, p: &PersonAt, post: Option<&str>) {
    let Some(post) = post.filter(|pt| is_session_post(res, pt)) else {
        return;
    };
    if holds_a_post(res, &p.key) {
        return;
    }
    if let Some(b) = session_body(res) {
        (res.st).relate(
            &p.key,
            Predicate::MemberOf,
            &b,
            Some(post.to_string()),
            &p.ev,
        );
    }
}

/// Whether a post written alone is one of a session's (委员, 执行主席).
fn is_session_post(res: &Resolver, post: &str) -> bool {
    res.r
        .lex
        .words
        .relation
        .session_posts
        .iter()
        .any(|s| s == post)
}

/// The body whose session the article reports: the first CPPCC committee
/// or congress standing committee it names.
fn session_body(res: &Resolver) -> Option<String> {
    let words = &res.r.lex.words.relation.session_bodies;
    let full = &res.r.lex.body_words.committee_full;
    (res.st.refs.iter()).find_map(|r| {
        let e = res.st.entities.get(&r.key)?;
        let session = e.etype == EntityType::Agency
            && words.iter().any(|w| e.name.contains(w.as_str()))
            && full.ends(&e.name);
        session.then(|| r.key.clone())
    })
}

/// The post written right before `end`: (post, its start).
fn post_before(
    res: &Resolver,
    keys: &MentionKeys,
    chars: &[char],
    end: usize,
) -> Option<(String, usize)> {
    let mut best: Option<(String, usize)> = None;
    for len in 1..=8usize.min(end) {
        let s = end - len;
        let w: String = chars[s..end].iter().collect();
        if res.r.lex.posts.contains_key(&w) {
            // a shorter post right after a body wins over a longer one
            // that swallows part of it (政协 + 党组书记, not 政协党组书记)
            let after_body = keys.org_ends.contains(&s);
            if after_body {
                return Some((w, s));
            }
            best = Some((w, s));
        }
        if s > 0 && is_punct(chars[s - 1]) && best.is_some() {
            break;
        }
    }
    best
}

/// The body of the post that the post starting at `ps` follows after 、,
/// when that post is written right after it (某局党组书记、局长: 某局党组).
fn body_post_before(
    res: &Resolver,
    keys: &MentionKeys,
    chars: &[char],
    ps: usize,
) -> Option<String> {
    if ps < 2 || chars[ps - 1] != LIST_COMMA {
        return None;
    }
    let (_, s) = post_before(res, keys, chars, ps - 1)?;
    keys.body_ending(s)
}

/// The body a post implies by itself: 市长 → the city's government, 县委书记
/// → the county's Party committee (with the place from the context).
fn implied_body(
    res: &mut Resolver,
    post: &str,
    level: Option<char>,
    written: Option<usize>,
    pos: usize,
) -> Option<String> {
    let p = res.r.lex.posts.get(post)?;
    if let Some(place) = written {
        return body_of(res, p.organ, place, pos, post);
    }
    if level.is_none() && is_session_post(res, post) {
        return session_body(res);
    }
    // the paper's own staff (本报记者) write for the paper that prints the
    // text, named in its header or its source line
    if p.organ == PostOrgan::Media && own_staff(res, post) {
        return own_paper(res, &res.st.refs, res.chars, pos);
    }
    // a head of a bureau named by no body (局长刘延宏) heads the bureau the
    // article is about, when the post's head is the bureau's (局长 → …局);
    // one after a body's name that names no body of the article (某县某局局长
    // where the county is not known) heads that body, not the article's
    if p.organ == PostOrgan::SelfBody && level.is_none() {
        let head =
            chief_head(res, post).filter(|&h| pos == 0 || res.chars.get(pos - 1) != Some(&h));
        let bureau = res.actx.bureau.clone().or_else(|| res.ctx.bureau.clone());
        if let (Some(head), Some(b)) = (head, bureau) {
            if b.name.ends_with(head) {
                let ev = res.evidence_at(pos, pos + post.chars().count());
                return Some(res.bureau_entity(&b, &ev).0);
            }
        }
        // else the body with that head named last before it (某县人民医院
        // 召开会议。院长某某主持)
        if let Some(b) = head.and_then(|h| last_body_headed(res, h, pos)) {
            return Some(b);
        }
    }
    // a zone's post written alone (管委会主任) is held in the article's zone
    if level.is_none() && zone_post(res, post) {
        if let Some(zone) = article_zone(res) {
            return body_of(res, p.organ, zone, pos, post);
        }
    }
    // an autonomous region's posts name it by its generic term (自治区主席)
    if level.is_none() {
        if let Some(region) = region_of_post(res, post) {
            return body_of(res, p.organ, region, pos, post);
        }
    }
    let places = &res.r.lex.words.places;
    let lv_char = level.or_else(|| post.chars().find(|c| places.is_level_char(*c)))?;
    let lv = crate::recognize::chain::level_of(lv_char)?;
    let place = match lv {
        Level::Province => article_province(res),
        Level::City => res.actx.shi,
        Level::County => res.actx.county,
        Level::Town => res.actx.town,
    }?;
    body_of(res, p.organ, place, pos, post)
}

/// The body whose name ends with `head` that the text names last before
/// `pos`, not by an anaphor.
fn last_body_headed(res: &Resolver, head: char, pos: usize) -> Option<String> {
    (res.st.refs.iter().rev())
        .filter(|r| r.end <= pos && is_org(r) && !r.anaphor)
        .find(|r| (res.st.entities.get(&r.key)).is_some_and(|e| e.name.ends_with(head)))
        .map(|r| r.key.clone())
}

/// The province of the article: its city's, else the one its places lie in.
fn article_province(res: &Resolver) -> Option<usize> {
    (res.actx.city)
        .and_then(|c| res.ctx.ancestor_at(res.r, c, Level::Province))
        .or(res.ctx.province)
}

/// The autonomous region of the article when a post opens with the term
/// that names it in its own texts (自治区主席, 自治区副主席).
fn region_of_post(res: &Resolver, post: &str) -> Option<usize> {
    let terms = &res.r.lex.place_terms.self_name;
    let prov = article_province(res)?;
    let name = &res.r.lex.divisions[prov].name;
    terms
        .iter()
        .any(|t| post.starts_with(t) && name.ends_with(t))
        .then_some(prov)
}

/// The government or Party committee of a place, for a post.
fn body_of(
    res: &mut Resolver,
    organ: PostOrgan,
    place: usize,
    pos: usize,
    post: &str,
) -> Option<String> {
    // (a post of a level is held at a place of that name only: 省长 is
    // no municipality's, whose head is 市长; 镇长 no township's 乡)
    let place_name = &res.r.lex.divisions[place].name;
    if level_of_post(res, post).is_some_and(|lv| !place_name.ends_with(lv)) {
        return None;
    }
    let base = res.prefix_name(place);
    let organs = &res.r.lex.words.organs;
    let name = match organ {
        // (a zone's head is its management committee's: 管委会主任)
        PostOrgan::Gov if zone_post(res, post) && res.r.lex.is_zone_division(place) => {
            organs.zone_committee_name.at(&base)
        }
        PostOrgan::Gov => organs.government_name.at(&base),
        PostOrgan::Party => organs.party_committee_name.at(&base),
        PostOrgan::Cppcc => organs.cppcc_name.at(&base),
        // (a township's congress has a chairman and no standing committee:
        // 镇人大主席 → 某镇人民代表大会)
        PostOrgan::Congress if standing_post(res, post) => organs.congress_committee_name.at(&base),
        PostOrgan::Congress => organs.congress_name.at(&base),
        _ => return None,
    };
    let pk = res.division_entity(place, None);
    let ev = res.evidence_at(pos, pos + post.chars().count());
    Some(res.place_organ(&name, Some(&pk), &ev))
}

/// The level character a post of a place's government or Party
/// committee opens with (省 of 副省长, 市 of 市委书记), its rank words
/// (副, 代, 常务) taken off.
pub(crate) fn level_of_post(res: &Resolver, post: &str) -> Option<char> {
    let words = &res.r.lex.words.relation;
    let mut core = post;
    while let Some(rest) = (words.post_ranks.iter()).find_map(|w| core.strip_prefix(w.as_str())) {
        core = rest;
    }
    let mut cs = core.char_indices();
    let (_, lv) = cs.next()?;
    let (k, _) = cs.next()?;
    let head = (words.level_post_heads.iter()).any(|h| core[k..].starts_with(h.as_str()));
    (res.r.lex.words.places.is_level_char(lv) && head).then_some(lv)
}

/// Whether a post is one of a zone's management committee (管委会主任).
fn zone_post(res: &Resolver, post: &str) -> bool {
    (res.r.lex.body_words.zone_committee.iter()).any(|w| post.starts_with(w))
}

/// The zone the article is about, where its county or township is one:
/// the place of a zone's post written alone.
fn article_zone(res: &Resolver) -> Option<usize> {
    [res.actx.town, res.actx.county]
        .into_iter()
        .flatten()
        .find(|&i| res.r.lex.is_zone_division(i))
}

/// Whether a post of a people's congress is one of its standing committee
/// (人大常委会副主任, written with the committee's short form).
fn standing_post(res: &Resolver, post: &str) -> bool {
    let short = &res.r.lex.body_words.congress_short;
    (short.rows()).any(|(_, extra)| extra.first().is_some_and(|f| post.starts_with(f.as_str())))
}

/// The body signing an article: an agency in a closing parenthesis
/// (（冠县局）, （高唐局）).
fn signing_body(res: &Resolver) -> Option<String> {
    let text = res.chars;
    let mut end = text.len();
    while end > 0 && text[end - 1].is_whitespace() {
        end -= 1;
    }
    if end == 0 || !is_paren(text[end - 1], false) {
        return None;
    }
    let open = (end.saturating_sub(24)..end)
        .rev()
        .find(|&k| is_paren(text[k], true))?;
    res.st
        .refs
        .iter()
        .find(|r| r.start > open && r.end < end && r.etype == EntityType::Agency && !r.anaphor)
        .map(|r| r.key.clone())
}

/// The body an article names most often (not by anaphor); a body signing
/// the article (（冠县局）, （高唐局） closing it) is its author and wins.
fn main_body(res: &Resolver) -> Option<String> {
    if let Some(k) = signing_body(res) {
        return Some(k);
    }
    let mut counts: std::collections::BTreeMap<&str, (usize, usize)> =
        std::collections::BTreeMap::new();
    for r in &res.st.refs {
        if r.etype == EntityType::Agency && !r.anaphor {
            let e = counts.entry(r.key.as_str()).or_insert((0, usize::MAX));
            e.0 += 1;
            e.1 = e.1.min(r.start);
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))
        .map(|(k, _)| k.to_string())
}

/// The Party unit that a post starting with its head names after a
/// village or community (石桥村 + 党支部书记 → 石桥村党支部, an
/// organisation of the village, 新茂社区 + 党委书记 → 新茂社区党委): its
/// key, and the post in it (书记).
fn local_party_unit(
    res: &mut Resolver,
    keys: &MentionKeys,
    post: &str,
    ps: usize,
    ev: &Evidence,
) -> Option<(String, String)> {
    let pkey = keys.place_by_end.get(&ps)?;
    let pe = res.st.entities.get(pkey)?;
    let local = &res.r.lex.head_words.local_head;
    if pe.code.is_some() || !local.ends(&pe.name) {
        return None;
    }
    // the longest organisation unit that starts the post, short of all of it
    let unit_of_org = |u: &str| {
        res.r.lex.suffixes.get(u).is_some_and(|v| {
            v.iter().any(|x| {
                x.etype == EntityType::Organization && x.role == crate::lexicon::SuffixRole::Unit
            })
        })
    };
    let unit = (post.char_indices().map(|(i, _)| i).skip(1))
        .map(|i| &post[..i])
        .filter(|u| unit_of_org(u))
        .last()?
        .to_string();
    let (pkey, pname) = (pkey.clone(), pe.name.clone());
    let name = format!("{pname}{unit}");
    let key = res.st.add(
        super::entity(EntityType::Organization, &name, &res.ctx.scope),
        None,
    );
    res.st.relate(&key, Predicate::LocatedIn, &pkey, None, ev);
    Some((key, post[unit.len()..].to_string()))
}

/// The place reference (not an anaphor) ending at `end`.
/// The division of a place mention ending at `end`, if any.
fn place_ending(res: &Resolver, keys: &MentionKeys, end: usize) -> Option<usize> {
    let code = res
        .st
        .entities
        .get(keys.place_by_end.get(&end)?)?
        .code
        .clone()?;
    res.r.lex.division_by_code.get(&code).copied()
}

#[cfg(test)]
mod tests {
    use crate::recognize::Recognizer;
    use crate::resolve::resolve_document;
    use crate::text::parse_document;
    use crate::Predicate;
    use std::path::Path;

    /// (subject name, predicate, object name, role) of every relation.
    fn relations(text: &str) -> Vec<(String, Predicate, String, Option<String>)> {
        let r = Recognizer::new().expect("lexicons");
        let doc = parse_document(Path::new("notice.txt"), text.as_bytes()).expect("a text");
        let mut out = Vec::new();
        for a in resolve_document(&r, &doc).articles {
            let name = |k: &String| {
                a.entities
                    .get(k)
                    .map(|e| e.name.clone())
                    .unwrap_or_default()
            };
            for rel in &a.relations {
                out.push((
                    name(&rel.subject),
                    rel.predicate,
                    name(&rel.object),
                    rel.role.clone(),
                ));
            }
        }
        out
    }

    /// Whether `rels` make `person` a member of a body whose name ends
    /// with `body`.
    fn member(
        rels: &[(String, Predicate, String, Option<String>)],
        person: &str,
        body: &str,
    ) -> bool {
        rels.iter()
            .any(|(s, p, o, _)| s == person && *p == Predicate::MemberOf && o.ends_with(body))
    }

    /// Whether the relations say the body `b` takes part in the project `p`.
    fn acts(rels: &[(String, Predicate, String, Option<String>)], b: &str, p: &str) -> bool {
        rels.iter()
            .any(|(s, pr, o, _)| s == b && *pr == Predicate::ParticipatesIn && o == p)
    }

    /// Whether the relations hold none of the predicate `p`.
    fn none_of(rels: &[(String, Predicate, String, Option<String>)], p: Predicate) -> bool {
        !rels.iter().any(|(_, q, _, _)| *q == p)
    }

    #[test]
    fn a_body_that_handles_a_projects_formalities_acts_on_it() {
        let rels = relations(
            "桃源县召开会议，全县合力攻坚。桃源县县长出席。\n\
             县自然资源局为东风产业园标准化厂房项目办理了用地手续。\n",
        );
        assert!(
            acts(&rels, "桃源县自然资源局", "东风产业园标准化厂房项目"),
            "{rels:?}"
        );
    }

    #[test]
    fn a_post_after_a_bodys_anaphor_or_head_alone_is_held_in_that_body() {
        let rels = relations(
            "西宁市召开会议。市住建局局长李刚参加。该局总工程师王明介绍情况。\n\
             市交通运输局副局长赵强，局总工程师孙亮陪同。\n",
        );
        assert!(member(&rels, "王明", "西宁市住房和城乡建设局"), "{rels:?}");
        assert!(member(&rels, "孙亮", "西宁市交通运输局"), "{rels:?}");
    }

    #[test]
    fn a_level_post_after_a_townships_party_post_is_held_in_its_government() {
        let rels = relations("桃源县盘塘镇党委副书记、镇长吴某某表示，将做好服务。\n");
        assert!(member(&rels, "吴某某", "盘塘镇人民政府"), "{rels:?}");
        assert!(member(&rels, "吴某某", "盘塘镇委员会"), "{rels:?}");
    }

    #[test]
    fn bodies_listed_on_both_sides_of_a_respective_word_pair_off() {
        let rels =
            relations("桃源县人民医院、桃源县中医院分别与陬市镇卫生院、盘塘镇卫生院组建医共体。\n");
        let partners = |a: &str, b: &str| {
            rels.iter().any(|(s, p, o, _)| {
                *p == Predicate::PartnerOf && (s == a && o == b || s == b && o == a)
            })
        };
        assert!(partners("桃源县人民医院", "陬市镇卫生院"), "{rels:?}");
        assert!(partners("桃源县中医院", "盘塘镇卫生院"), "{rels:?}");
        assert!(!partners("桃源县人民医院", "盘塘镇卫生院"), "{rels:?}");
    }

    #[test]
    fn a_place_in_a_modifier_or_a_frame_with_a_postposition_places_the_project() {
        let located = |rels: &[(String, Predicate, String, Option<String>)], s: &str, o: &str| {
            rels.iter()
                .any(|(a, p, b, _)| a == s && *p == Predicate::LocatedIn && b.ends_with(o))
        };
        let rels = relations(
            "位于桃源县漳江街道的桃源县中医医院新院区项目完成主体封顶。\n\
             桃源县经济开发区内，华丰科技年产200万套连接器项目正在安装设备。\n",
        );
        assert!(
            located(&rels, "桃源县中医医院新院区项目", "漳江街道"),
            "{rels:?}"
        );
        assert!(
            located(&rels, "华丰科技年产200万套连接器项目", "经济开发区"),
            "{rels:?}"
        );
    }

    #[test]
    fn a_person_appointed_to_a_post_holds_it_in_the_body_written_after_wei() {
        let rels = relations("桃源县人民政府决定：任命周立为县交通运输局局长。\n");
        assert!(member(&rels, "周立", "桃源县交通运输局"), "{rels:?}");
    }

    #[test]
    fn bodies_listed_right_before_a_word_of_joint_action_are_partners() {
        let rels = relations("桃源县应急管理局、县气象局联合会商研判雨情。\n");
        assert!(
            rels.iter().any(|(s, p, o, _)| *p == Predicate::PartnerOf
                && s.ends_with("局")
                && o.ends_with("局")
                && s != o),
            "{rels:?}"
        );
        // one body before the word has no partner there
        let rels = relations("桃源县应急管理局联合开展检查。\n");
        assert!(none_of(&rels, Predicate::PartnerOf), "{rels:?}");
    }

    #[test]
    fn a_heads_post_alone_after_the_body_named_before_heads_it() {
        let rels = relations("桃源县人民医院召开会议。院长刘一鸣主持会议，副院长陈晓出席。\n");
        assert!(member(&rels, "刘一鸣", "人民医院"), "{rels:?}");
        assert!(member(&rels, "陈晓", "人民医院"), "{rels:?}");
    }

    #[test]
    fn a_site_named_online_is_the_medium_of_its_reporters() {
        let rels = relations(
            "来源：海滨在线\n海滨在线5月6日讯（海滨在线记者 孙晓东 通讯员 钱立）5月5日，某县召开会议。",
        );
        assert!(member(&rels, "孙晓东", "海滨在线"), "{rels:?}");
        assert!(!member(&rels, "钱立", "海滨在线"), "{rels:?}");
    }

    #[test]
    fn a_padded_name_is_written_without_its_space() {
        let rels = relations("海城日报讯（记者 王 伟）3月2日，海城市交通运输局召开会议。");
        assert!(member(&rels, "王伟", "海城日报"), "{rels:?}");
    }

    #[test]
    fn a_body_that_manages_institutions_of_a_kind_is_no_unit_of_one() {
        let rels = relations("伊春市国有林场管理局召开春季防火会议。");
        assert!(none_of(&rels, Predicate::SubOrganizationOf), "{rels:?}");
    }

    #[test]
    fn the_unit_between_a_persons_posts_is_the_bodys_own() {
        let rels = relations(
            "沂水县召开会议。县政府党组成员、办公室主任李强，县委常委、宣传部部长王明参加。",
        );
        assert!(member(&rels, "李强", "沂水县人民政府办公室"), "{rels:?}");
        assert!(!member(&rels, "李强", "中共沂水县委办公室"), "{rels:?}");
        assert!(member(&rels, "王明", "中共沂水县委宣传部"), "{rels:?}");
    }

    #[test]
    fn a_government_post_after_a_secretary_is_held_in_the_government() {
        let rels = relations("沂水县召开推进会。马站镇党委书记刘洋、镇长孙海发言。");
        assert!(member(&rels, "刘洋", "马站镇委员会"), "{rels:?}");
        assert!(member(&rels, "孙海", "马站镇人民政府"), "{rels:?}");
        assert!(!member(&rels, "孙海", "马站镇委员会"), "{rels:?}");
    }

    #[test]
    fn a_post_that_names_a_body_of_the_article_is_held_in_it() {
        let rels = relations(
            "青岛市崂山区沙子口街道召开会议。街道党工委书记姜兆出席。党工委副书记李平主持会议。",
        );
        assert!(member(&rels, "姜兆", "沙子口街道工作委员会"), "{rels:?}");
        assert!(member(&rels, "李平", "沙子口街道工作委员会"), "{rels:?}");
    }

    #[test]
    fn a_head_after_a_body_the_text_does_not_place_heads_no_other_bureau() {
        let rels = relations(
            "潍坊市应急管理局召开会议。市应急管理局局长周海峰主持会议。\
             县退役军人事务局局长孙立新参加会议。",
        );
        assert!(member(&rels, "周海峰", "潍坊市应急管理局"), "{rels:?}");
        assert!(!member(&rels, "孙立新", "潍坊市应急管理局"), "{rels:?}");
        // (a head named by no body still heads the article's bureau)
        let rels = relations("潍坊市应急管理局召开会议。局长周海峰主持会议。");
        assert!(member(&rels, "周海峰", "潍坊市应急管理局"), "{rels:?}");
    }

    #[test]
    fn a_body_made_owner_in_a_relative_clause_takes_part_in_the_project() {
        let rels = relations("由单县城投公司作为业主单位的老城区雨污分流改造项目已完成招标。");
        assert!(
            acts(&rels, "单县城投公司", "老城区雨污分流改造项目"),
            "{rels:?}"
        );
        // (the owners of homes are no project's owner)
        let rels = relations("单县住建局召集业主代表，听取老城区雨污分流改造项目意见。");
        assert!(none_of(&rels, Predicate::ParticipatesIn), "{rels:?}");
    }

    #[test]
    fn a_sentence_opened_by_the_project_s_noun_speaks_of_the_project() {
        let rels = relations(
            "金乡县鸡黍镇污水管网建设项目已开工建设。项目由金乡县住房和城乡建设局负责实施。",
        );
        assert!(
            acts(&rels, "金乡县住房和城乡建设局", "鸡黍镇污水管网建设项目"),
            "{rels:?}"
        );
        // (the noun inside a longer word is no anaphor: 项目部)
        let rels = relations(
            "金乡县鸡黍镇污水管网建设项目已开工建设。项目部由金乡县住房和城乡建设局负责组建。",
        );
        assert!(none_of(&rels, Predicate::ParticipatesIn), "{rels:?}");
    }

    #[test]
    fn a_township_congress_chairman_presides_over_its_congress() {
        let rels = relations("金乡县鸡黍镇召开会议。镇党委书记李明华，镇人大主席张丽参加会议。");
        assert!(member(&rels, "张丽", "鸡黍镇人民代表大会"), "{rels:?}");
        assert!(member(&rels, "李明华", "鸡黍镇委员会"), "{rels:?}");
    }

    #[test]
    fn a_comma_right_after_a_post_goes_on_with_the_chain() {
        let rels = relations(
            "会议由浙江省交通运输厅党组书记、厅长，浙江省铁路建设办公室主任周立新主持。\n\
             会议由景宁县县长主持，浙江大学教授孙海燕讲话。",
        );
        assert!(member(&rels, "周立新", "交通运输厅"), "{rels:?}");
        assert!(member(&rels, "周立新", "铁路建设办公室"), "{rels:?}");
        // (a post that ends a clause of its own is not the next person's)
        assert!(!member(&rels, "孙海燕", "人民政府"), "{rels:?}");
    }

    #[test]
    fn a_deputy_later_in_the_sentence_shares_the_body_of_its_kind() {
        let rels = relations(
            "宜宾市中级人民法院召开新闻发布会。市中院院长周志刚出席并讲话，副院长何丽通报情况，副市长韩冰出席。\n",
        );
        assert!(member(&rels, "何丽", "宜宾市中级人民法院"), "{rels:?}");
        assert!(!member(&rels, "韩冰", "宜宾市中级人民法院"), "{rels:?}");
    }

    #[test]
    fn a_place_before_the_partner_word_is_the_party_not_a_body_named_earlier() {
        let rels =
            relations("宿迁市商务局介绍签约情况。沭阳县与上海华谊集团签约新材料产业园项目。\n");
        assert!(
            !rels.iter().any(|(_, p, ..)| *p == Predicate::PartnerOf),
            "{rels:?}"
        );
    }

    #[test]
    fn a_clause_without_subject_takes_the_sentence_s_and_both_parties_sign() {
        let rels = relations(
            "南丰县教育局开展送教活动。今年以来，该局联合县财政局落实补助资金，\
             并与江西师范大学签订了《教师培训合作协议》。\n",
        );
        let rel = |s: &str, p: Predicate, o: &str| {
            rels.iter().any(|(a, q, b, _)| {
                *q == p && (a == s && b == o || p.symmetric() && a == o && b == s)
            })
        };
        assert!(
            rel("南丰县教育局", Predicate::PartnerOf, "江西师范大学"),
            "{rels:?}"
        );
        assert!(
            !rel("南丰县财政局", Predicate::PartnerOf, "江西师范大学"),
            "{rels:?}"
        );
        assert!(
            rel("南丰县教育局", Predicate::Issued, "教师培训合作协议"),
            "{rels:?}"
        );
        assert!(
            rel("江西师范大学", Predicate::Issued, "教师培训合作协议"),
            "{rels:?}"
        );
    }

    #[test]
    fn a_verb_of_location_and_a_frame_of_place_place_the_projects() {
        let rels = relations(
            "桐庐县推进重点项目建设。富春江湿地修复项目位于桐庐县江南镇，修复面积500亩。\
             连日来，在桐庐县分水镇，分水江防洪提升工程、分水镇污水管网改造工程同步推进。\
             在桐庐县横村镇，县长王磊察看了凤川大道建设项目。\n",
        );
        let located = |s: &str, o: &str| {
            rels.iter()
                .any(|(a, p, b, _)| a == s && *p == Predicate::LocatedIn && b.ends_with(o))
        };
        assert!(located("富春江湿地修复项目", "江南镇"), "{rels:?}");
        assert!(located("分水江防洪提升工程", "分水镇"), "{rels:?}");
        assert!(located("分水镇污水管网改造工程", "分水镇"), "{rels:?}");
        // (where a visitor stands is not where what he sees lies)
        assert!(!located("凤川大道建设项目", "横村镇"), "{rels:?}");
        // a division lies where the division data puts it
        let rels = relations("桐庐县位于浙江省西北部，隶属杭州市。\n");
        assert!(
            !rels
                .iter()
                .any(|(a, p, b, _)| a == "桐庐县" && *p == Predicate::LocatedIn && b == "浙江省"),
            "{rels:?}"
        );
    }

    #[test]
    fn the_company_that_signs_a_project_takes_part_in_it() {
        let rels = relations(
            "海宁市举行招商签约活动。海宁市人民政府与浙江远华新材料有限公司签约年产5万吨碳纤维复合材料项目。\n",
        );
        let takes_part = |s: &str| {
            rels.iter().any(|(a, p, b, _)| {
                a == s && *p == Predicate::ParticipatesIn && b.ends_with("碳纤维复合材料项目")
            })
        };
        assert!(takes_part("浙江远华新材料有限公司"), "{rels:?}");
        // (the government side signs as a partner, not as the investor)
        assert!(!takes_part("海宁市人民政府"), "{rels:?}");
    }

    #[test]
    fn a_roster_makes_its_people_members_of_the_group() {
        let rels = relations(
            "南平市人民政府办公室关于成立南平市河湖长制工作领导小组的通知\n\
             各县（市、区）人民政府，市直有关单位：\n\
             经市政府研究，决定成立南平市河湖长制工作领导小组，组成人员如下：\n\
             组 长：林志强 市长\n\
             副组长：吴丽华 副市长\n\
             成 员：郑建国 市水利局局长\n\
             黄 敏 市生态环境局局长\n",
        );
        let group = "南平市河湖长制工作领导小组";
        for (person, role) in [
            ("林志强", "组长"),
            ("吴丽华", "副组长"),
            ("郑建国", "成员"),
            ("黄敏", "成员"),
        ] {
            assert!(
                rels.iter().any(|(s, p, o, r)| s == person
                    && *p == Predicate::MemberOf
                    && o == group
                    && r.as_deref() == Some(role)),
                "{person} {role}: {rels:?}"
            );
        }
    }

    #[test]
    fn short_titles_follow_to_the_full_title() {
        let r = Recognizer::new().expect("lexicons");
        let text = "我市印发《河长制工作考核办法》\n\n\
                    近日，南平市人民政府办公室印发《南平市河长制工作考核办法》\
                    （以下简称《考核办法》）。《考核办法》明确了考核内容。\n";
        let doc = parse_document(Path::new("notice.txt"), text.as_bytes()).expect("a text");
        let titles: std::collections::BTreeSet<String> = resolve_document(&r, &doc)
            .articles
            .iter()
            .flat_map(|a| a.entities.values())
            .filter(|e| e.etype == crate::EntityType::Document)
            .map(|e| e.name.clone())
            .collect();
        assert_eq!(
            titles.into_iter().collect::<Vec<_>>(),
            vec!["南平市河长制工作考核办法".to_string()]
        );
    }

    #[test]
    fn a_building_project_in_a_list_keeps_its_place() {
        let rels = relations(
            "县领导先后到榕江县城污水处理提升工程(二期)项目、榕江县第二中学扩建项目、\
             榕江县殡葬服务中心建设项目等地实地调研。\n",
        );
        for project in [
            "榕江县城污水处理提升工程（二期）项目",
            "榕江县第二中学扩建项目",
            "榕江县殡葬服务中心建设项目",
        ] {
            assert!(
                rels.iter().any(|(s, p, o, _)| s == project
                    && *p == Predicate::LocatedIn
                    && o == "榕江县"),
                "{project}: {rels:?}"
            );
        }
    }

    #[test]
    fn offices_and_party_organs_hang_under_their_bodies() {
        let rels = relations(
            "近日，武功县人民政府办公室印发《武功县城市更新工作方案》，\
             县委组织部、县住建局负责人参加会议。\n",
        );
        for (s, p, o) in [
            (
                "武功县人民政府办公室",
                Predicate::SubOrganizationOf,
                "武功县人民政府",
            ),
            ("武功县人民政府办公室", Predicate::Jurisdiction, "武功县"),
            (
                "中共武功县委组织部",
                Predicate::SubOrganizationOf,
                "中共武功县委员会",
            ),
            ("中共武功县委组织部", Predicate::Jurisdiction, "武功县"),
        ] {
            assert!(
                rels.iter()
                    .any(|(s2, p2, o2, _)| s2 == s && *p2 == p && o2 == o),
                "{s} {p:?} {o}: {rels:?}"
            );
        }
    }

    #[test]
    fn a_notice_title_is_issued_by_the_bodies_before_its_matter() {
        let title = "兰州市人民政府办公室关于成立兰州市城市更新工作领导小组的通知";
        let rels = relations(&format!(
            "{title}\n各县、区人民政府：经市政府同意，决定成立兰州市城市更新工作领导小组。\n"
        ));
        let issuers: Vec<&str> = rels
            .iter()
            .filter(|(_, p, o, _)| *p == Predicate::Issued && o == title)
            .map(|(s, _, _, _)| s.as_str())
            .collect();
        assert_eq!(issuers, ["兰州市人民政府办公室"], "{rels:?}");
    }

    #[test]
    fn a_street_party_working_committee_is_named_as_one() {
        let rels = relations("转塘街道党工委书记吴海峰出席活动并讲话。\n");
        assert!(
            rels.iter().any(|(s, p, o, _)| s == "吴海峰"
                && *p == Predicate::MemberOf
                && o == "中共杭州市西湖区转塘街道工作委员会"),
            "{rels:?}"
        );
    }

    #[test]
    fn the_body_a_quoted_title_opens_with_issued_it() {
        let title = "甘肃省人民政府办公厅关于推进城镇老旧小区改造的通知";
        let rels = relations(&format!("会议传达学习了《{title}》精神。\n"));
        for (s, p, o) in [
            ("甘肃省人民政府办公厅", Predicate::Issued, title),
            (
                "甘肃省人民政府办公厅",
                Predicate::SubOrganizationOf,
                "甘肃省人民政府",
            ),
        ] {
            assert!(
                rels.iter()
                    .any(|(s2, p2, o2, _)| s2 == s && *p2 == p && o2 == o),
                "{s} {p:?} {o}: {rels:?}"
            );
        }
        // every relation joins two entities of the article
        assert!(
            rels.iter()
                .all(|(s, _, o, _)| !s.is_empty() && !o.is_empty()),
            "{rels:?}"
        );
    }

    #[test]
    fn a_company_and_its_party_committee_are_two_bodies() {
        let rels = relations(
            "近日，高邮市住房和城乡建设局机关党支部与江苏高邮农村商业银行股份有限公司党委\
             举行党建结对共建签约仪式。\n",
        );
        let company = "江苏高邮农村商业银行股份有限公司";
        let committee = format!("{company}党委");
        assert!(
            rels.iter().any(|(s, p, o, _)| *s == committee
                && *p == Predicate::SubOrganizationOf
                && o == company),
            "{rels:?}"
        );
    }

    #[test]
    fn a_company_without_its_legal_form_is_the_company() {
        let r = Recognizer::new().expect("lexicons");
        let text = "市住建局与兰州银行签订合作协议\n\n\
                    近日，兰州市住房和城乡建设局与兰州银行股份有限公司签订合作协议。\n";
        let doc = parse_document(Path::new("notice.txt"), text.as_bytes()).expect("a text");
        let a = &resolve_document(&r, &doc).articles[0];
        let banks: Vec<_> = a
            .entities
            .values()
            .filter(|e| e.name.contains("兰州银行"))
            .collect();
        assert_eq!(banks.len(), 1, "{banks:?}");
        assert_eq!(banks[0].name, "兰州银行股份有限公司");
        assert!(banks[0].aliases.contains("兰州银行"), "{banks:?}");
    }

    #[test]
    fn a_bureau_site_names_the_bureau_its_text_leaves_unnamed() {
        let body = "2024年3月5日，局长张建华主持召开局长办公会议，审议规划科关于\
                    延平区两个地块供地方案。规划科按程序向省厅报送初审意见。\n";
        let rels = relations(&format!(
            "source: http://zrzyj.nanping.gov.cn/xxgk/2024/0305.html\n\n{body}"
        ));
        let bureau = "南平市自然资源局";
        for (s, p, o, role) in [
            ("张建华", Predicate::MemberOf, bureau, Some("局长")),
            (
                "南平市自然资源局规划科",
                Predicate::SubOrganizationOf,
                bureau,
                None,
            ),
            (bureau, Predicate::Jurisdiction, "南平市", None),
            ("福建省自然资源厅", Predicate::Jurisdiction, "福建省", None),
        ] {
            assert!(
                rels.iter().any(|(s2, p2, o2, r2)| s2 == s
                    && *p2 == p
                    && o2 == o
                    && (role.is_none() || r2.as_deref() == role)),
                "{s} {p:?} {o}: {rels:?}"
            );
        }
        // without the address nothing says which bureau it is
        let rels = relations(body);
        assert!(
            !rels
                .iter()
                .any(|(s, _, o, _)| s.contains("自然资源") || o.contains("自然资源")),
            "{rels:?}"
        );
    }
    /// Whether `rels` holds (s, p, o).
    fn holds(
        rels: &[(String, Predicate, String, Option<String>)],
        s: &str,
        p: Predicate,
        o: &str,
    ) -> bool {
        rels.iter().any(|(s2, p2, o2, _)| {
            *p2 == p && (s2 == s && o2 == o || p.symmetric() && s2 == o && o2 == s)
        })
    }

    #[test]
    fn each_relation_kind_is_read_from_a_written_sentence() {
        let rels = relations(
            "德州市自然资源和规划局德城分局局长王建国主持会议。\n\
             德州市水利局与德州市气象局签订战略合作协议。\n\
             德州市水利局印发《德州市河道采砂管理办法》。\n\
             德州市水利局积极推进德州市减河治理项目建设。\n\
             天衢街道新华社区开展防汛演练。\n",
        );
        let bureau = "德州市自然资源和规划局";
        let branch = "德州市自然资源和规划局德城分局";
        for (s, p, o) in [
            (branch, Predicate::SubOrganizationOf, bureau),
            (branch, Predicate::Jurisdiction, "德城区"),
            (bureau, Predicate::Jurisdiction, "德州市"),
            ("德州市水利局", Predicate::PartnerOf, "德州市气象局"),
            ("德州市水利局", Predicate::Issued, "德州市河道采砂管理办法"),
            (
                "德州市水利局",
                Predicate::ParticipatesIn,
                "德州市减河治理项目",
            ),
            ("天衢街道新华社区", Predicate::LocatedIn, "天衢街道"),
        ] {
            assert!(holds(&rels, s, p, o), "{s} {p:?} {o}: {rels:?}");
        }
        assert!(
            rels.iter().any(|(s, p, o, r)| s == "王建国"
                && *p == Predicate::MemberOf
                && o == branch
                && r.as_deref() == Some("局长")),
            "{rels:?}"
        );
    }

    #[test]
    fn bodies_named_side_by_side_are_no_partners() {
        // no verb of joint action after 与
        let rels = relations("德州市水利局与德州市气象局的负责人参加了活动。\n");
        // (both bodies are read)
        for body in ["德州市水利局", "德州市气象局"] {
            assert!(
                holds(&rels, body, Predicate::Jurisdiction, "德州市"),
                "{rels:?}"
            );
        }
        assert!(none_of(&rels, Predicate::PartnerOf), "{rels:?}");
        // no document after the verb: nothing is issued
        let rels = relations("德州市水利局印发通知，要求做好防汛准备。\n");
        assert!(none_of(&rels, Predicate::Issued), "{rels:?}");
        // a project in a sentence that says no body acts on it
        let rels = relations("德州市水利局的同志谈到了德州市减河治理项目。\n");
        assert!(
            holds(&rels, "德州市减河治理项目", Predicate::LocatedIn, "德州市"),
            "{rels:?}"
        );
        assert!(none_of(&rels, Predicate::ParticipatesIn), "{rels:?}");
    }

    #[test]
    fn a_post_without_a_body_takes_the_body_of_its_chain_or_of_the_person_before() {
        let rels = relations(
            "德州市陵城区召开座谈会。区政协党组书记、主席孙立新，区人大常委会主任周海明，\
             副主任钱建华、吴志刚及秘书长郑小军，市交通运输局党委委员、副局长冯志远参加。\
             省水利厅党组书记、厅长何文彬到会指导。\n",
        );
        let member = |person: &str, body: &str, role: &str| {
            rels.iter().any(|(s, p, o, r)| {
                s == person && *p == Predicate::MemberOf && o == body && r.as_deref() == Some(role)
            })
        };
        let cppcc = "中国人民政治协商会议德州市陵城区委员会";
        let congress = "德州市陵城区人民代表大会常务委员会";
        assert!(member("孙立新", cppcc, "主席"), "{rels:?}");
        for p in ["钱建华", "吴志刚"] {
            assert!(member(p, congress, "副主任"), "{p}: {rels:?}");
        }
        assert!(member("郑小军", congress, "秘书长"), "{rels:?}");
        // the body whose Party committee the chain names, where the post
        // heads that kind of body
        assert!(member("冯志远", "德州市交通运输局", "副局长"), "{rels:?}");
        // and the body whose Party group it names (党组, in state organs)
        assert!(member("何文彬", "山东省水利厅", "厅长"), "{rels:?}");
    }

    #[test]
    fn a_head_s_post_alone_is_held_in_the_one_body_of_its_sentence() {
        let rels = relations(
            "德州市召开会议。德州市实验中学获评全国文明校园，校长王建国介绍了经验。\
             副市长李红到德州市实验中学和德州市第二中学调研，校长张伟陪同。\n",
        );
        assert!(member(&rels, "王建国", "德州市实验中学"), "{rels:?}");
        // (two bodies before the post: none is chosen)
        assert!(
            !rels
                .iter()
                .any(|(s, p, _, _)| s == "张伟" && *p == Predicate::MemberOf),
            "{rels:?}"
        );
    }

    #[test]
    fn a_head_s_post_after_the_party_group_s_is_the_body_s() {
        // (the article names another bureau after the chain)
        let rels = relations(
            "德州市农业农村局党组书记、局长王红梅到临邑县调研。\
             德州市生态环境局开展执法检查。\n",
        );
        assert!(member(&rels, "王红梅", "德州市农业农村局"), "{rels:?}");
        assert!(!member(&rels, "王红梅", "德州市生态环境局"), "{rels:?}");
        // and so where another body's post follows it in the chain
        let rels =
            relations("会议由山东省水利厅党组书记、厅长，山东省海洋局党组书记李建国主持。\n");
        assert!(member(&rels, "李建国", "山东省水利厅"), "{rels:?}");
        assert!(member(&rels, "李建国", "山东省海洋局党组"), "{rels:?}");
    }

    #[test]
    fn a_company_whose_name_opens_a_project_s_takes_part_in_it() {
        let rels = relations(
            "谷城县重大项目集中签约。德州恒瑞新材料有限公司年产5万吨新型建材项目、\
             谷城县石花镇宏达酒业扩建项目现场签约。\n",
        );
        let has = |s: &str, p: Predicate, o: &str| {
            rels.iter()
                .any(|(a, pr, b, _)| a == s && *pr == p && b.ends_with(o))
        };
        assert!(
            has(
                "德州恒瑞新材料有限公司",
                Predicate::ParticipatesIn,
                "年产5万吨新型建材项目"
            ),
            "{rels:?}"
        );
        assert!(
            has(
                "谷城县石花镇宏达酒业扩建项目",
                Predicate::LocatedIn,
                "石花镇"
            ),
            "{rels:?}"
        );
        // (a school is what its project builds, not who builds it)
        let rels = relations("谷城县召开会议。谷城县第一中学扩建工程开工建设。\n");
        assert!(none_of(&rels, Predicate::ParticipatesIn), "{rels:?}");
    }

    #[test]
    fn a_project_s_owner_and_its_approver_take_part_in_it() {
        let rels = relations(
            "德州市召开会议。德州东站综合枢纽项目业主为德州市城市建设投资有限公司。\
             山东省发展和改革委员会批复了德州市城东污水处理厂扩建项目。\n",
        );
        assert!(
            acts(&rels, "德州市城市建设投资有限公司", "德州东站综合枢纽项目"),
            "{rels:?}"
        );
        assert!(
            acts(
                &rels,
                "山东省发展和改革委员会",
                "德州市城东污水处理厂扩建项目"
            ),
            "{rels:?}"
        );
    }

    #[test]
    fn the_firms_seen_on_a_visit_lie_at_its_site() {
        let rels = relations(
            "6月3日，市科技局局长王海涛一行到醴陵经济开发区考察调研。\
             王海涛一行先后察看了湖南华鑫陶瓷有限公司和醴陵市宏远电瓷有限公司。\
             县委书记李明到双河镇调研，走访了绿源农业专业合作社和鑫达建材有限公司。\
             次日，王海涛在长沙市召开座谈会，远大住工有限公司负责人参加。\n",
        );
        let located = |s: &str, o: &str| {
            rels.iter()
                .any(|(a, p, b, _)| a == s && *p == Predicate::LocatedIn && b.ends_with(o))
        };
        // (in the sentences after the visit's, and in its own after the site)
        for firm in ["湖南华鑫陶瓷有限公司", "醴陵市宏远电瓷有限公司"] {
            assert!(located(firm, "醴陵经济开发区"), "{firm}: {rels:?}");
        }
        for firm in ["绿源农业专业合作社", "鑫达建材有限公司"] {
            assert!(located(firm, "双河镇"), "{firm}: {rels:?}");
        }
        // (a sentence that names a place of its own is no longer the visit's)
        assert!(!located("远大住工有限公司", "双河镇"), "{rels:?}");
    }

    #[test]
    fn the_works_seen_on_a_visit_lie_at_its_site_and_in_the_article_s_county() {
        let rels = relations(
            "攸县县长王强到网岭镇调研重点项目建设，先后察看了鑫源农产品冷链物流园项目\
             和网岭中学扩建工程。攸县县委书记李明主持会议。\n",
        );
        let located = |s: &str, o: &str| {
            rels.iter()
                .any(|(a, p, b, _)| a == s && *p == Predicate::LocatedIn && b.ends_with(o))
        };
        for work in ["鑫源农产品冷链物流园项目", "网岭中学扩建工程"] {
            assert!(located(work, "网岭镇"), "{work}: {rels:?}");
            assert!(located(work, "攸县"), "{work}: {rels:?}");
        }
    }

    #[test]
    fn a_project_started_in_a_place_lies_there() {
        let rels = relations(
            "德州市召开会议。投资5亿元的德州市光伏发电项目在黄河涯镇开工。\
             德州市智慧物流园项目在济南签约。\n",
        );
        let located = |s: &str, o: &str| {
            rels.iter()
                .any(|(a, p, b, _)| a == s && *p == Predicate::LocatedIn && b.ends_with(o))
        };
        assert!(located("德州市光伏发电项目", "黄河涯镇"), "{rels:?}");
        assert!(!located("德州市智慧物流园项目", "济南市"), "{rels:?}");
    }

    #[test]
    fn a_body_acts_on_a_project_brought_before_its_verb() {
        let rels = relations(
            "德州市交通运输局对德州东站综合枢纽项目进行了竣工验收。\
             德州市水利局对城东水库除险加固工程非常关注。\n",
        );
        assert!(
            acts(&rels, "德州市交通运输局", "德州东站综合枢纽项目"),
            "{rels:?}"
        );
        assert!(
            !acts(&rels, "德州市水利局", "城东水库除险加固工程"),
            "{rels:?}"
        );
        // (after a verb of organising, and for the project: 组织对, 为)
        let rels = relations(
            "德州市交通运输局组织对德州东站综合枢纽项目进行了竣工验收。\
             德州市自然资源局为城东水库除险加固工程办理了用地审批手续。\n",
        );
        assert!(
            acts(&rels, "德州市交通运输局", "德州东站综合枢纽项目"),
            "{rels:?}"
        );
        assert!(
            acts(&rels, "德州市自然资源局", "城东水库除险加固工程"),
            "{rels:?}"
        );
    }

    #[test]
    fn a_body_that_speaks_of_projects_does_not_act_on_them() {
        let rels = relations(
            "德州市发展和改革委员会负责同志介绍，今年全市谋划了城东物流园项目。\
             德州市交通运输局加快推进德州东站综合枢纽项目。\n",
        );
        assert!(
            !acts(&rels, "德州市发展和改革委员会", "城东物流园项目"),
            "{rels:?}"
        );
        assert!(
            acts(&rels, "德州市交通运输局", "德州东站综合枢纽项目"),
            "{rels:?}"
        );
    }

    #[test]
    fn a_bare_government_between_posts_keeps_the_chain() {
        let rels = relations("德州市召开会议。市委常委、政府副市长何立群出席。\n");
        let member = |body: &str| {
            rels.iter()
                .any(|(s, p, o, _)| s == "何立群" && *p == Predicate::MemberOf && o == body)
        };
        assert!(member("中共德州市委员会"), "{rels:?}");
        assert!(member("德州市人民政府"), "{rels:?}");
    }

    #[test]
    fn a_committee_member_by_charge_is_a_member_of_the_committee() {
        let rels = relations("德州市召开会议，会议由市委组织委员何立群主持。\n");
        let member = rels.iter().any(|(s, p, o, _)| {
            s == "何立群" && *p == Predicate::MemberOf && o == "中共德州市委员会"
        });
        assert!(member, "{rels:?}");
    }

    #[test]
    fn a_former_post_belongs_to_the_body_before_its_mark() {
        let rels =
            relations("德州市通报问题。市水利局原局长何立群、市农业农村局原副局长罗振东被处分。\n");
        let member = |who: &str, body: &str| {
            rels.iter()
                .any(|(s, p, o, _)| s == who && *p == Predicate::MemberOf && o == body)
        };
        assert!(member("何立群", "德州市水利局"), "{rels:?}");
        assert!(member("罗振东", "德州市农业农村局"), "{rels:?}");
        assert!(!member("何立群", "德州市农业农村局"), "{rels:?}");
    }

    #[test]
    fn posts_after_a_person_with_no_body_take_the_body_before() {
        let rels =
            relations("德州市召开会议。市水利局局长何立群，党组成员、总工程师罗振东参加。\n");
        let member = rels
            .iter()
            .any(|(s, p, o, _)| s == "罗振东" && *p == Predicate::MemberOf && o == "德州市水利局");
        assert!(member, "{rels:?}");
    }

    #[test]
    fn posts_in_brackets_after_names_are_theirs() {
        let rels = relations(
            "德州市召开会议。市领导何立群、罗振东（市委副书记）、唐美玲（市政协主席）、费建国参加。\n",
        );
        let member = |person: &str, body: &str, role: &str| {
            rels.iter().any(|(s, p, o, r)| {
                s == person && *p == Predicate::MemberOf && o == body && r.as_deref() == Some(role)
            })
        };
        assert!(member("罗振东", "中共德州市委员会", "副书记"), "{rels:?}");
        let cppcc = "中国人民政治协商会议德州市委员会";
        assert!(member("唐美玲", cppcc, "主席"), "{rels:?}");
    }

    #[test]
    fn a_post_opened_by_a_level_s_adjective_keeps_the_chain_of_posts() {
        let rels = relations("德州市召开河长制会议。市委副书记、市长、市级总河长何立群讲话。\n");
        let member = |body: &str, role: &str| {
            rels.iter().any(|(s, p, o, r)| {
                s == "何立群"
                    && *p == Predicate::MemberOf
                    && o == body
                    && r.as_deref() == Some(role)
            })
        };
        assert!(member("中共德州市委员会", "副书记"), "{rels:?}");
        assert!(member("德州市人民政府", "市长"), "{rels:?}");
    }

    #[test]
    fn the_leaders_of_a_body_named_after_it_are_its_members() {
        let rels = relations("德州市召开会议，市交通局领导张建华、李明远参加调研。\n");
        for p in ["张建华", "李明远"] {
            assert!(
                rels.iter().any(|(s, pr, o, _)| s == p
                    && *pr == Predicate::MemberOf
                    && o == "德州市交通运输局"),
                "{p}: {rels:?}"
            );
        }
        // 领导 before a name names no body of its own, and a word before it
        // is no name (包片领导: the leaders in charge of an area)
        let rels = relations("德州市成立工作组，以包片领导、包村干部为成员。\n");
        assert!(none_of(&rels, Predicate::MemberOf), "{rels:?}");
    }

    #[test]
    fn the_papers_own_reporter_belongs_to_the_paper_that_prints_the_text() {
        let rels =
            relations("德州日报 2023年5月6日\n本报记者 李明远\n近日，德州市水利局召开会议。\n");
        assert!(
            rels.iter().any(|(s, p, o, _)| s == "李明远"
                && *p == Predicate::MemberOf
                && o.starts_with("德州日报")),
            "{rels:?}"
        );
        // a reporter set off his medium's post by a space
        let rels = relations("德州市水利局召开会议。会议现场。德州新闻网记者 赵建平摄\n");
        assert!(
            rels.iter().any(|(s, p, o, _)| s == "赵建平"
                && *p == Predicate::MemberOf
                && o == "德州新闻网"),
            "{rels:?}"
        );
        // a medium named after its place is not said to lie there
        assert!(
            !rels
                .iter()
                .any(|(s, p, _, _)| s == "德州新闻网" && *p == Predicate::LocatedIn),
            "{rels:?}"
        );
    }

    #[test]
    fn a_reporter_belongs_to_the_paper_and_a_correspondent_does_not() {
        let rels =
            relations("本报讯（德州日报记者 李明 通讯员 张华）近日，德州市水利局召开会议。\n");
        assert!(
            rels.iter().any(|(s, p, o, r)| s == "李明"
                && *p == Predicate::MemberOf
                && o == "德州日报"
                && r.as_deref() == Some("记者")),
            "{rels:?}"
        );
        assert!(
            !rels
                .iter()
                .any(|(s, p, _, _)| s == "张华" && *p == Predicate::MemberOf),
            "{rels:?}"
        );
    }

    #[test]
    fn a_partner_character_inside_a_word_is_no_preposition() {
        let words = ["会同".to_string(), "同志".to_string()];
        let chars: Vec<char> = "水利局同志会同气象局同各方".chars().collect();
        assert!(super::within_word(&chars, 3, "同", &words));
        assert!(super::within_word(&chars, 6, "同", &words));
        assert!(!super::within_word(&chars, 10, "同", &words));
    }
}
