//! Splitting a page into articles: 本报讯 openings, □ bylines, ▲ short items,
//! numbered sections (二十二、市妇联) and Markdown headings open an article;
//! short unpunctuated lines are headlines, attached to the article they
//! precede when they touch its opening line, and otherwise to the article
//! before them (newspaper pages often print the headline after the body).

use super::layout::{section_number_len, Paragraph};
use super::Article;

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

fn opener(p: &Paragraph) -> Option<ArticleKind> {
    let t = &p.text;
    match t.first()? {
        '□' | '■' => return Some(ArticleKind::Byline),
        '▲' => return Some(ArticleKind::Item),
        '#' => return Some(ArticleKind::Heading),
        _ => {}
    }
    if t.starts_with(&['本', '报', '讯']) {
        return Some(ArticleKind::Dispatch);
    }
    if section_number_len(t).is_some() && t.len() <= 30 && !p.ends_final() {
        return Some(ArticleKind::Section);
    }
    None
}

fn is_headline(p: &Paragraph) -> bool {
    let t = &p.text;
    t.len() <= 40
        && !p.ends_final()
        && !matches!(t.first(), Some('（' | '(' | '△'))
        && !matches!(t.last(), Some('）' | ')' | '，' | '、' | '：' | ':'))
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

    fn add_head(&mut self, p: Paragraph) {
        self.heads.push(clean_heading(&p.string()));
        self.paras.push(p);
    }

    fn finish(mut self, index: usize) -> Article {
        self.paras.sort_by_key(|p| p.offsets.first().copied().unwrap_or(0));
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

fn clean_heading(s: &str) -> String {
    s.trim_start_matches('#')
        .trim_start_matches('□')
        .trim()
        .trim_end_matches(['—', '-'])
        .trim()
        .to_string()
}

/// Groups paragraphs into articles.
pub fn split_articles(paras: &[Paragraph]) -> Vec<Article> {
    let mut done: Vec<Builder> = Vec::new();
    let mut cur: Option<Builder> = None;
    let mut pending: Vec<Paragraph> = Vec::new();
    for p in paras {
        if let Some(kind) = opener(p) {
            let mut next = Builder::new(kind);
            // headlines touching the opener (no blank line) belong to it;
            // before a □ byline all pending headlines do
            let split_at = if kind == ArticleKind::Byline || cur.is_none() {
                0
            } else if !p.blank_before && !pending.is_empty() {
                pending.len() - 1
            } else {
                pending.len()
            };
            let mine = pending.split_off(split_at);
            if let Some(c) = cur.as_mut() {
                for h in pending.drain(..) {
                    c.add_head(h);
                }
            }
            for h in mine {
                next.add_head(h);
            }
            match kind {
                ArticleKind::Section | ArticleKind::Heading => next.add_head(p.clone()),
                _ => next.paras.push(p.clone()),
            }
            if let Some(c) = cur.replace(next) {
                done.push(c);
            }
        } else if is_headline(p) {
            pending.push(p.clone());
        } else {
            let c = cur.get_or_insert_with(|| Builder::new(ArticleKind::Plain));
            for h in pending.drain(..) {
                c.add_head(h);
            }
            c.paras.push(p.clone());
        }
    }
    let c = cur.get_or_insert_with(|| Builder::new(ArticleKind::Plain));
    for h in pending.drain(..) {
        c.add_head(h);
    }
    if let Some(c) = cur {
        done.push(c);
    }
    done.into_iter()
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
        split_articles(&paragraphs(&chars, 0))
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
