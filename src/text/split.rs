//! Splitting a page into articles: 本报讯 openings, □ bylines, ▲ short items,
//! numbered sections (二十二、市妇联) and Markdown headings open an article;
//! short unpunctuated lines are headlines, attached to the article they
//! precede when they touch its opening line, and otherwise to the article
//! before them (newspaper pages often print the headline after the body).

use super::layout::{section_number_len, Paragraph};
use super::Article;
use crate::lexicon::LayoutWords;

/// Brackets that open an aside or a caption, never a headline.
const OPEN_BRACKETS: &[char] = &['（', '('];

/// Marks that end a line continued by the next one, never a headline.
const CONTINUING_ENDS: &[char] = &['）', ')', '，', '、', '：', ':'];

/// How an article was delimited in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum ArticleKind {
    /// Opened by 本报讯 (a newspaper dispatch).
    Dispatch,
    /// Opened by a □ byline.
    Byline,
    /// A ▲ short item.
    Item,
    /// A numbered section (二十二、市妇联).
    Section,
    /// A Markdown heading (## …).
    Heading,
    /// Text without any of these markers.
    Plain,
}

/// The kind of article a paragraph opens, if it opens one.
fn opener(words: &LayoutWords, p: &Paragraph) -> Option<ArticleKind> {
    let t = &p.text;
    let first = t.first()?;
    for (marks, kind) in [
        (&words.byline_marks, ArticleKind::Byline),
        (&words.item_marks, ArticleKind::Item),
        (&words.heading_marks, ArticleKind::Heading),
    ] {
        if marks.contains(first) {
            return Some(kind);
        }
    }
    if words.dispatch.iter().any(|d| t.starts_with(d)) {
        return Some(ArticleKind::Dispatch);
    }
    if section_number_len(words, t).is_some() && t.len() <= 30 && !p.ends_final() {
        return Some(ArticleKind::Section);
    }
    None
}

/// Whether a paragraph is a headline: short, not a sentence, not an aside
/// or caption, not a line that the next one continues.
fn is_headline(words: &LayoutWords, p: &Paragraph) -> bool {
    let t = &p.text;
    t.len() <= 40
        && !p.ends_final()
        && !t
            .first()
            .is_some_and(|c| OPEN_BRACKETS.contains(c) || words.headline_marks.contains(c))
        && !t.last().is_some_and(|c| CONTINUING_ENDS.contains(c))
}

/// The longest kicker: the short line ending in a colon that opens a page's
/// headline (建平乡： + 赴某镇开展支部联建活动).
const KICKER_MAX: usize = 12;

/// Whether a paragraph is a kicker of the headline after it: short and
/// ending in a colon.
fn is_kicker(p: &Paragraph) -> bool {
    p.text.len() <= KICKER_MAX && p.text.last().is_some_and(|c| matches!(c, '：' | ':'))
}

struct Builder {
    kind: ArticleKind,
    heads: Vec<String>,
    paras: Vec<Paragraph>,
}

impl Builder {
    fn new(kind: ArticleKind) -> Self {
        Builder {
            kind,
            heads: Vec::new(),
            paras: Vec::new(),
        }
    }

    fn add_head(&mut self, words: &LayoutWords, p: Paragraph) {
        self.heads.push(clean_heading(words, &p.string()));
        self.paras.push(p);
    }

    fn finish(mut self, index: usize) -> Article {
        self.paras
            .sort_by_key(|p| p.offsets.first().copied().unwrap_or(0));
        let mut text = String::new();
        let mut offsets = Vec::new();
        for (i, p) in self.paras.iter().enumerate() {
            if i > 0 {
                text.push('\n');
                offsets.push(p.offsets.first().copied().unwrap_or(0).saturating_sub(1));
            }
            text.extend(p.text.iter());
            offsets.extend_from_slice(&p.offsets);
        }
        let headline = if self.heads.is_empty() {
            None
        } else {
            Some(self.heads.join(" "))
        };
        Article {
            index,
            kind: self.kind,
            headline,
            text,
            offsets,
        }
    }
}

/// A headline without its layout marks and trailing dashes.
fn clean_heading(words: &LayoutWords, s: &str) -> String {
    words
        .headline_strip
        .iter()
        .fold(s, |s, m| s.trim_start_matches(*m))
        .trim()
        .trim_end_matches(['—', '-'])
        .trim()
        .to_string()
}

/// Character bigrams of the Han text of a string.
fn bigrams(chars: &[char]) -> Vec<(char, char)> {
    chars
        .windows(2)
        .filter(|w| crate::recognize::is_han(w[0]) && crate::recognize::is_han(w[1]))
        .map(|w| (w[0], w[1]))
        .collect()
}

/// Share of a headline's bigrams found in an article's text.
fn overlap(head: &[char], body: &crate::lexicon::HashSet<(char, char)>) -> f64 {
    let b = bigrams(head);
    if b.is_empty() {
        return 0.0;
    }
    b.iter().filter(|x| body.contains(x)).count() as f64 / b.len() as f64
}

/// Groups paragraphs into articles. Headlines between two articles go to
/// the nearby article whose text they share most words with (the two
/// articles before them and the one after), so that a page printing
/// headlines after their bodies and a page printing them before both come
/// out right.
pub(crate) fn split_articles(words: &LayoutWords, paras: &[Paragraph]) -> Vec<Article> {
    let mut segs: Vec<Builder> = Vec::new();
    // headlines waiting between articles: (paragraph, index of the next article)
    let mut floating: Vec<(Paragraph, usize, bool)> = Vec::new();
    let mut pending: Vec<Paragraph> = Vec::new();
    for p in paras {
        if let Some(kind) = opener(words, p) {
            let mut next = Builder::new(kind);
            let next_idx = segs.len();
            if segs.is_empty() {
                for h in pending.drain(..) {
                    next.add_head(words, h);
                }
            } else {
                let n = pending.len();
                for (i, h) in pending.drain(..).enumerate() {
                    let adjacent = i + 1 == n && !p.blank_before;
                    floating.push((h, next_idx, adjacent));
                }
            }
            match kind {
                ArticleKind::Section | ArticleKind::Heading => next.add_head(words, p.clone()),
                _ => next.paras.push(p.clone()),
            }
            segs.push(next);
        } else if is_headline(words, p) || segs.is_empty() && is_kicker(p) {
            // (a kicker before any article is a part of the first headline)
            pending.push(p.clone());
        } else {
            if segs.is_empty() {
                segs.push(Builder::new(ArticleKind::Plain));
            }
            let c = segs.last_mut().expect("an article exists");
            for h in pending.drain(..) {
                if c.paras.is_empty() {
                    c.add_head(words, h);
                } else {
                    // a heading inside the article
                    c.paras.push(h);
                }
            }
            c.paras.push(p.clone());
        }
    }
    if segs.is_empty() {
        segs.push(Builder::new(ArticleKind::Plain));
    }
    let last = segs.len() - 1;
    for h in pending.drain(..) {
        floating.push((h, last + 1, false));
    }
    // assign floating headlines by shared words
    let texts: Vec<crate::lexicon::HashSet<(char, char)>> = segs
        .iter()
        .map(|b| b.paras.iter().flat_map(|p| bigrams(&p.text)).collect())
        .collect();
    let mut assign: Vec<(usize, Paragraph)> = Vec::new();
    for (h, next, adjacent) in floating {
        let mut cands: Vec<usize> = Vec::new();
        for c in [
            next.checked_sub(2),
            next.checked_sub(1),
            (next <= last).then_some(next),
        ]
        .into_iter()
        .flatten()
        {
            cands.push(c);
        }
        let default = if next <= last
            && (adjacent || matches!(segs[next].kind, ArticleKind::Byline | ArticleKind::Heading))
        {
            next
        } else {
            next.saturating_sub(1).min(last)
        };
        let mut best = (overlap(&h.text, &texts[default]), default);
        for c in cands {
            let o = overlap(&h.text, &texts[c]);
            if o > best.0 + 0.15 {
                best = (o, c);
            }
        }
        assign.push((best.1, h));
    }
    for (i, h) in assign {
        segs[i].add_head(words, h);
    }
    segs.into_iter()
        .filter(|b| !b.paras.is_empty())
        .enumerate()
        .map(|(i, b)| b.finish(i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::layout::paragraphs;
    use super::*;

    fn split(s: &str) -> Vec<Article> {
        let chars: Vec<char> = s.chars().collect();
        let words = LayoutWords::shared().expect("layout marks");
        split_articles(words, &paragraphs(words, &chars, 0))
    }

    #[test]
    fn dispatches_and_trailing_headlines() {
        let a = split(
            "  本报讯 （记者 王聪聪）奎文分局推进征收工作。\n\n多措并举保障项目用地需求\n\n  本报讯 （通讯员 杨帆）经济分局提升服务。\n",
        );
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].headline.as_deref(), Some("多措并举保障项目用地需求"));
        assert!(a[1].text.starts_with("本报讯"));
        assert_eq!(a[0].kind, ArticleKind::Dispatch);
    }

    #[test]
    fn a_kicker_opening_the_page_is_part_of_the_headline() {
        let a = split(
            "东风乡：\n\n赴柳林镇开展支部联建活动\n\n  本报讯 （记者 王聪聪）东风乡组织党员前往柳林镇学习。\n",
        );
        assert_eq!(a.len(), 1, "{a:?}");
        let head = a[0].headline.as_deref().unwrap_or_default();
        assert!(
            head.starts_with("东风乡") && head.contains("支部联建"),
            "{head}"
        );
    }

    #[test]
    fn sections_and_items() {
        let a = split(" 二十二、市妇联\n\n　　1.服务妇女创就业成效显著。\n\n二十三、市文联\n\n　　1.组织队伍建设。\n▲1月2日，分局出让1宗用地。\n\n（东昌府区分局/周士刚）\n");
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].headline.as_deref(), Some("二十二、市妇联"));
        assert_eq!(a[2].kind, ArticleKind::Item);
        assert!(a[2].text.ends_with("（东昌府区分局/周士刚）"));
    }

    #[test]
    fn offsets_point_into_the_source() {
        let src = "  本报讯 奎文\n分局推进工作。";
        let a = split(src);
        let chars: Vec<char> = src.chars().collect();
        let t: Vec<char> = a[0].text.chars().collect();
        for (i, c) in t.iter().enumerate() {
            assert_eq!(chars[a[0].offsets[i]], *c);
        }
    }
}
