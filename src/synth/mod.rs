//! Synthetic corpora for benchmarks: newspaper pages in the style of the
//! seed pages, made by recombining sentence frames taken from the seed
//! texts ([`frames`]) with names drawn at random from the lexicons.
//!
//! Every page is one city's newspaper (a prefecture-level city picked from
//! the division lexicon, so pages come from all provinces); every article
//! is about one of the city's districts or counties and its towns. Agencies
//! are the city's departments from the department lexicon (full names and
//! official short forms, 市住建局), their district branches (奎文分局) and
//! sections, the district's own departments and Party committee; people are
//! surnames from the surname lexicon with given-name characters; companies,
//! schools, communities, roads, projects (…项目) and documents (《…》) are
//! built from name parts, topics and heads. Pages come in the five layouts
//! of the seeds: printed dispatches with line breaks inside words (本报讯 with
//! a reporter byline), web pages with Markdown headings and signatures
//! (（用途科/朱绪祥）), ▲ short items, numbered report sections and □ bylines.
//! So the number of distinct entities grows with the number of articles, as
//! in a real archive, and every recognizer and relation is exercised.
//!
//! The output is deterministic for a given seed: page `i` is drawn from a
//! generator seeded by the seed and `i` alone.
//!
//! Takes: the [`Lexicon`]. Gives: text files, 5 to 20 articles each.

pub(crate) mod frames;

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::lexicon::{DeptKind, Level, Lexicon};

/// Errors of the generator.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// A file or directory could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// The lexicons lack what the generator needs.
    #[error("the lexicons have no {0}")]
    Lexicon(&'static str),
}

/// A small deterministic random number generator (SplitMix64): the corpus
/// must be the same for a seed on every machine and with every version of
/// the dependencies.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 if `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// An element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// A county-level division with its towns.
#[derive(Debug, Clone)]
struct County {
    name: String,
    short: String,
    towns: Vec<String>,
}

/// A prefecture-level city with its counties.
#[derive(Debug, Clone)]
struct City {
    name: String,
    short: String,
    counties: Vec<County>,
}

/// A department of a city: its canonical name and short forms.
#[derive(Debug, Clone)]
struct CityDept {
    canonical: String,
    abbrs: Vec<String>,
}

/// The values of an article's slots, by name.
type Slots = HashMap<&'static str, String>;

/// The name pools the generator draws from.
#[derive(Debug)]
pub(crate) struct Generator {
    cities: Vec<City>,
    city_depts: Vec<CityDept>,
    branch_depts: Vec<CityDept>,
    county_depts: Vec<String>,
    common_surnames: Vec<String>,
    rare_surnames: Vec<String>,
    given: Vec<char>,
    name_chars: Vec<char>,
}

/// What [`generate`] wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Files written.
    pub files: usize,
    /// Articles written.
    pub articles: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Characters written.
    pub chars: u64,
}

/// The page layouts of the seeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// A printed page: 本报讯 dispatches, lines broken inside words.
    Print,
    /// A web page: Markdown headings, signatures.
    Web,
    /// ▲ short items with signatures.
    Items,
    /// A report in numbered sections (二十二、市妇联).
    Report,
    /// Features under □ bylines.
    Feature,
}

/// The prefecture-level cities (…市) of the division lexicon that have
/// counties with towns, in the lexicon's order.
fn cities(lex: &Lexicon) -> Vec<City> {
    // towns by county, counties by city
    let mut towns: HashMap<usize, Vec<String>> = HashMap::new();
    let mut counties: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, d) in lex.divisions.iter().enumerate() {
        let Some(p) = d.parent else { continue };
        match d.level {
            Level::Town => towns.entry(p).or_default().push(d.name.clone()),
            Level::County => counties.entry(p).or_default().push(i),
            _ => {}
        }
    }
    let county = |c: usize| {
        let cd = &lex.divisions[c];
        let short = cd.short.clone()?;
        let ts = towns.get(&c)?;
        let ok = ["区", "县", "市"].iter().any(|s| cd.name.ends_with(s));
        ok.then(|| County {
            name: cd.name.clone(),
            short,
            towns: ts.clone(),
        })
    };
    let mut cities = Vec::new();
    for (i, d) in lex.divisions.iter().enumerate() {
        if d.level != Level::City || !d.name.ends_with('市') {
            continue;
        }
        let Some(short) = d.short.clone() else {
            continue;
        };
        let cs: Vec<County> = counties
            .get(&i)
            .map(|v| v.iter().filter_map(|&c| county(c)).collect())
            .unwrap_or_default();
        if !cs.is_empty() {
            cities.push(City {
                name: d.name.clone(),
                short,
                counties: cs,
            });
        }
    }
    cities
}

/// The government departments of the department lexicon: those of
/// cities (…局, …委员会) with their short forms, and those of counties
/// (…局), each sorted.
fn departments(lex: &Lexicon) -> (Vec<CityDept>, Vec<String>) {
    let mut by_canon: HashMap<&str, (Vec<Level>, Vec<String>)> = HashMap::new();
    for (form, d) in &lex.departments {
        if d.kind != DeptKind::Gov || d.canonical.contains("{place}") {
            continue;
        }
        let e = by_canon.entry(d.canonical.as_str()).or_default();
        if form == &d.canonical {
            e.0 = d.levels.clone();
        } else if form.chars().count() < d.canonical.chars().count() && form.chars().count() >= 2 {
            e.1.push(form.clone());
        }
    }
    let mut city_depts: Vec<CityDept> = by_canon
        .iter()
        .filter(|(c, (lv, _))| {
            lv.contains(&Level::City) && (c.ends_with('局') || c.ends_with("委员会"))
        })
        .map(|(c, (_, ab))| {
            let mut abbrs = ab.clone();
            abbrs.sort();
            CityDept {
                canonical: c.to_string(),
                abbrs,
            }
        })
        .collect();
    city_depts.sort_by(|a, b| a.canonical.cmp(&b.canonical));
    let mut county_depts: Vec<String> = by_canon
        .iter()
        .filter(|(c, (lv, _))| lv.contains(&Level::County) && c.ends_with('局'))
        .map(|(c, _)| c.to_string())
        .collect();
    county_depts.sort();
    (city_depts, county_depts)
}

/// The surnames of the surname lexicon: the 100 most common ones of one
/// character, and the others, each by rank.
fn surnames(lex: &Lexicon) -> (Vec<String>, Vec<String>) {
    let mut ranked: Vec<(&String, &u32)> = lex.surnames.iter().collect();
    ranked.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)));
    let common: Vec<String> = ranked
        .iter()
        .filter(|(s, r)| **r >= 1 && **r <= 100 && s.chars().count() == 1)
        .map(|(s, _)| s.to_string())
        .collect();
    let rare: Vec<String> = ranked
        .iter()
        .filter(|(_, r)| **r == 0 || **r > 100)
        .map(|(s, _)| s.to_string())
        .collect();
    (common, rare)
}

impl Generator {
    /// Builds the name pools from the lexicons.
    pub(crate) fn new(lex: &Lexicon) -> Result<Generator, SynthError> {
        let cities = cities(lex);
        if cities.is_empty() {
            return Err(SynthError::Lexicon("cities with counties and towns"));
        }
        let (city_depts, county_depts) = departments(lex);
        let branch_depts: Vec<CityDept> = city_depts
            .iter()
            .filter(|d| frames::BRANCH_DEPTS.contains(&d.canonical.as_str()))
            .cloned()
            .collect();
        if city_depts.is_empty() || branch_depts.is_empty() || county_depts.is_empty() {
            return Err(SynthError::Lexicon("government departments"));
        }
        let (common_surnames, rare_surnames) = surnames(lex);
        if common_surnames.is_empty() {
            return Err(SynthError::Lexicon("ranked surnames"));
        }
        Ok(Generator {
            cities,
            city_depts,
            branch_depts,
            county_depts,
            common_surnames,
            rare_surnames,
            given: frames::GIVEN.chars().collect(),
            name_chars: frames::NAME_CHARS.chars().collect(),
        })
    }

    fn person(&self, rng: &mut Rng) -> String {
        let mut s = if self.rare_surnames.is_empty() || rng.chance(0.9) {
            rng.pick(&self.common_surnames).clone()
        } else {
            rng.pick(&self.rare_surnames).clone()
        };
        let n = if rng.chance(0.3) { 1 } else { 2 };
        for _ in 0..n {
            s.push(*rng.pick(&self.given));
        }
        s
    }

    fn word(&self, rng: &mut Rng, n: usize) -> String {
        (0..n).map(|_| *rng.pick(&self.name_chars)).collect()
    }

    fn short_form(&self, rng: &mut Rng, d: &CityDept) -> String {
        if d.abbrs.is_empty() || rng.chance(0.3) {
            d.canonical.clone()
        } else {
            rng.pick(&d.abbrs).clone()
        }
    }

    fn doc(&self, rng: &mut Rng, city: &str, forms: &[&str]) -> String {
        let form = *rng.pick(forms);
        let year = rng.range(2015, 2024).to_string();
        let topic = *rng.pick(frames::DOC_TOPICS);
        form.replace("{c}", city)
            .replace("{y}", &year)
            .replace("{t}", topic)
    }

    /// The slot values of one article about a district of `city`. (The
    /// values are drawn in a fixed order: a seed gives the same corpus.)
    fn slots(&self, rng: &mut Rng, city: &City, bureau: &CityDept, reporters: &[String]) -> Slots {
        let county = rng.pick(&city.counties);
        let bureau2 = rng.pick(&self.city_depts);
        let mut s = Slots::new();
        self.place_slots(rng, city, county, &mut s);
        self.agency_slots(rng, city, county, [bureau, bureau2], &mut s);
        self.body_slots(rng, city, county, &mut s);
        self.paper_slots(rng, city, reporters, &mut s);
        s
    }

    /// The city, the district and its Party committee and head, a town, a
    /// community and two roads.
    fn place_slots(&self, rng: &mut Rng, city: &City, county: &County, s: &mut Slots) {
        let level = county.name.chars().last().unwrap_or('区');
        let committee = if county.name.chars().count() == 2 && level == '县' {
            format!("{}县委", county.name)
        } else {
            format!("{}委", county.name)
        };
        s.insert("city", city.name.clone());
        s.insert("city_short", city.short.clone());
        s.insert("paper", format!("{}日报社", city.short));
        s.insert("district", county.name.clone());
        s.insert("dshort", county.short.clone());
        s.insert("dcommittee", committee);
        s.insert("dhead", format!("{level}长"));
        s.insert("town", rng.pick(&county.towns).clone());
        s.insert("community", format!("{}社区", self.word(rng, 2)));
        for road in ["road", "road2"] {
            let name = format!("{}{}", self.word(rng, 2), rng.pick(frames::ROAD_HEADS));
            s.insert(road, name);
        }
    }

    /// The city's bureau (full and short), its district branch and a
    /// section, another bureau, a district department, the city's Party
    /// committee.
    fn agency_slots(
        &self,
        rng: &mut Rng,
        city: &City,
        county: &County,
        [bureau, bureau2]: [&CityDept; 2],
        s: &mut Slots,
    ) {
        s.insert("bureau", format!("{}{}", city.name, bureau.canonical));
        s.insert("bureau_abbr", format!("市{}", self.short_form(rng, bureau)));
        s.insert(
            "branch",
            format!("{}{}{}分局", city.name, bureau.canonical, county.short),
        );
        s.insert("branch_short", format!("{}分局", county.short));
        s.insert("section", rng.pick(frames::SECTIONS).to_string());
        s.insert("bureau2", format!("{}{}", city.name, bureau2.canonical));
        s.insert(
            "dept_district",
            format!("{}{}", county.name, rng.pick(&self.county_depts)),
        );
        s.insert("party_city", format!("中共{}委", city.name));
    }

    /// A company, a school, an organization and two projects.
    fn body_slots(&self, rng: &mut Rng, city: &City, county: &County, s: &mut Slots) {
        let word = self.word(rng, 2);
        let industry = rng.pick(frames::INDUSTRIES);
        s.insert("company", format!("{}{word}{industry}有限公司", city.short));
        let place = if rng.chance(0.5) {
            county.short.as_str()
        } else {
            ""
        };
        let word = self.word(rng, 2);
        let head = rng.pick(frames::SCHOOL_HEADS);
        s.insert("school", format!("{place}{word}{head}"));
        let head = rng.pick(frames::ORG_HEADS);
        let org = if rng.chance(0.5) {
            format!("{}{head}", city.name)
        } else {
            format!("{}{}{head}", county.short, self.word(rng, 2))
        };
        s.insert("org", org);
        let word = self.word(rng, 2);
        let theme = rng.pick(frames::PROJECT_THEMES);
        s.insert("project", format!("{word}{theme}项目"));
        let word = self.word(rng, 2);
        let theme = rng.pick(frames::PROJECT_THEMES);
        s.insert("project2", format!("{}{word}{theme}项目", county.name));
    }

    /// Two documents and an agreement, three people, the reporters.
    fn paper_slots(&self, rng: &mut Rng, city: &City, reporters: &[String], s: &mut Slots) {
        s.insert("doc", self.doc(rng, &city.name, frames::DOC_FORMS));
        s.insert("doc2", self.doc(rng, &city.name, frames::DOC_FORMS));
        s.insert(
            "agreement",
            self.doc(rng, &city.name, frames::AGREEMENT_FORMS),
        );
        s.insert("person", self.person(rng));
        s.insert("person2", self.person(rng));
        s.insert("person3", self.person(rng));
        s.insert("reporter", rng.pick(reporters).clone());
        s.insert("reporter2", self.person(rng));
    }

    /// Renders a frame: slots by the article's values, numbers drawn anew.
    fn render(&self, rng: &mut Rng, frame: &str, slots: &Slots) -> String {
        let mut out = String::with_capacity(frame.len() + 64);
        let mut rest = frame;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                return out;
            };
            let key = &after[..close];
            match key {
                "year" => out.push_str(&rng.range(2015, 2024).to_string()),
                "month" => out.push_str(&rng.range(1, 12).to_string()),
                "day" => out.push_str(&rng.range(1, 28).to_string()),
                "num" => out.push_str(&rng.range(2, 500).to_string()),
                "dec" => out.push_str(&format!("{}.{:02}", rng.range(1, 999), rng.below(100))),
                k => match slots.get(k) {
                    Some(v) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(k);
                        out.push('}');
                    }
                },
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The paragraphs of an article body: the opening, 2 to 4 paragraphs of
    /// 2 to 4 sentences, and sometimes a closing quotation.
    fn body(&self, rng: &mut Rng, slots: &Slots) -> Vec<String> {
        let open = *rng.pick(frames::OPENINGS);
        let mut paras = vec![self.render(rng, open, slots)];
        for _ in 0..rng.range(2, 4) {
            let mut p = String::new();
            for _ in 0..rng.range(2, 4) {
                let pool = if rng.chance(0.7) {
                    frames::BODY
                } else {
                    frames::FILLER
                };
                let f = *rng.pick(pool);
                p.push_str(&self.render(rng, f, slots));
            }
            paras.push(p);
        }
        if rng.chance(0.4) {
            let f = *rng.pick(frames::CLOSINGS);
            paras.push(self.render(rng, f, slots));
        }
        paras
    }

    fn headline(&self, rng: &mut Rng, slots: &Slots) -> String {
        let f = *rng.pick(frames::HEADLINES);
        self.render(rng, f, slots)
    }

    /// One page of `articles` articles, drawn from `rng`.
    pub(crate) fn page(&self, rng: &mut Rng, articles: usize, url: &str) -> String {
        let city = rng.pick(&self.cities);
        let bureau = rng.pick(&self.branch_depts);
        let reporters: Vec<String> = (0..3).map(|_| self.person(rng)).collect();
        let layout = match rng.below(10) {
            0..=3 => Layout::Print,
            4..=5 => Layout::Web,
            6 => Layout::Items,
            7 => Layout::Report,
            _ => Layout::Feature,
        };
        let mut out = String::new();
        if layout == Layout::Web {
            out.push_str(&format!("source: {url}\n\n"));
        }
        for i in 0..articles {
            let slots = self.slots(rng, city, bureau, &reporters);
            match layout {
                Layout::Print => self.print_article(rng, &slots, &mut out),
                Layout::Web => {
                    out.push_str(&format!("## {}\n\n", self.headline(rng, &slots)));
                    for p in self.body(rng, &slots) {
                        out.push_str(&p);
                        out.push_str("\n\n");
                    }
                    out.push_str(&format!(
                        "（{}/{} {}）\n\n",
                        slots["section"], slots["person"], slots["reporter2"]
                    ));
                }
                Layout::Items => {
                    let body = self.body(rng, &slots);
                    let n = rng.range(1, 2).min(body.len());
                    out.push('▲');
                    out.push_str(&body[..n].concat());
                    let signer = match rng.below(3) {
                        0 => slots["section"].clone(),
                        1 => slots["branch_short"].clone(),
                        _ => slots["dept_district"].clone(),
                    };
                    out.push_str(&format!("（{signer}/{}）\n\n", slots["person"]));
                }
                Layout::Report => {
                    let dept = rng.pick(&self.city_depts);
                    let n = frames::CN_NUMS[i % frames::CN_NUMS.len()];
                    out.push_str(&format!("{n}、市{}\n\n", self.short_form(rng, dept)));
                    for (k, p) in self.body(rng, &slots).iter().enumerate() {
                        out.push_str(&format!("\u{3000}\u{3000}{}.{p}\n", k + 1));
                    }
                    out.push('\n');
                }
                Layout::Feature => {
                    out.push_str(&self.headline(rng, &slots));
                    out.push_str("\n\n□");
                    let names: Vec<String> =
                        (0..rng.range(2, 4)).map(|_| self.person(rng)).collect();
                    out.push_str(&names.join(" "));
                    out.push_str("\n\n");
                    if rng.chance(0.5) {
                        out.push_str(&format!(
                            "△{}{}年重点项目春季集中开工仪式\n\n",
                            slots["district"],
                            rng.range(2015, 2024)
                        ));
                    }
                    for p in self.body(rng, &slots) {
                        out.push_str(&p);
                        out.push_str("\n\n");
                    }
                }
            }
        }
        out
    }

    /// A printed dispatch: headline, 本报讯 with its byline, paragraphs
    /// indented and broken every 17 characters.
    fn print_article(&self, rng: &mut Rng, slots: &Slots, out: &mut String) {
        if rng.chance(0.6) {
            out.push_str(&self.headline(rng, slots));
            out.push_str("\n\n");
        }
        let byline = match rng.below(5) {
            0..=2 => format!(
                "（{}全媒体记者 {} 通讯员 {}）",
                slots["paper"], slots["reporter"], slots["reporter2"]
            ),
            3 => format!("（{}全媒体记者 {}）", slots["paper"], slots["reporter"]),
            _ => format!("（通讯员 {}）", slots["reporter2"]),
        };
        let mut paras = self.body(rng, slots);
        paras[0] = format!("本报讯 {byline}{}", paras[0]);
        for p in paras {
            let chars: Vec<char> = p.chars().collect();
            for (k, line) in chars.chunks(17).enumerate() {
                if k == 0 {
                    out.push_str("  ");
                }
                out.extend(line.iter());
                out.push('\n');
            }
        }
        out.push('\n');
    }
}

/// The seed of page `i` of a corpus with seed `seed`.
fn page_seed(seed: u64, i: usize) -> u64 {
    let mut r = Rng::new(seed ^ (i as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    r.next_u64()
}

/// Writes a corpus of `count` articles to `out` (created if missing), as
/// files `000000.txt`, `000001.txt`, … of 5 to 20 articles each.
pub fn generate(lex: &Lexicon, out: &Path, count: usize, seed: u64) -> Result<Summary, SynthError> {
    let g = Generator::new(lex)?;
    std::fs::create_dir_all(out).map_err(|source| SynthError::Io {
        path: out.to_path_buf(),
        source,
    })?;
    let mut sum = Summary::default();
    let mut page = 0usize;
    while sum.articles < count {
        let mut rng = Rng::new(page_seed(seed, page));
        let n = rng.range(5, 20).min(count - sum.articles);
        let url = format!("https://news.example.cn/{seed}/{page}.html");
        let text = g.page(&mut rng, n, &url);
        let path = out.join(format!("{page:06}.txt"));
        let io = |source| SynthError::Io {
            path: path.clone(),
            source,
        };
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).map_err(io)?);
        f.write_all(text.as_bytes()).map_err(io)?;
        f.flush().map_err(io)?;
        sum.files += 1;
        sum.articles += n;
        sum.bytes += text.len() as u64;
        sum.chars += text.chars().count() as u64;
        page += 1;
    }
    Ok(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_page_and_no_open_slots() {
        let lex = Lexicon::load().unwrap();
        let g = Generator::new(&lex).unwrap();
        let a = g.page(&mut Rng::new(7), 8, "u");
        let b = g.page(&mut Rng::new(7), 8, "u");
        assert_eq!(a, b);
        let c = g.page(&mut Rng::new(8), 8, "u");
        assert_ne!(a, c);
        for s in 0..50 {
            let p = g.page(&mut Rng::new(s), 10, "u");
            assert!(!p.contains('{') && !p.contains('}'), "{p}");
        }
    }
}
