//! Paragraphs from raw lines: undoes the line breaks that newspaper columns
//! put inside words and names (奎文\n分局 → 奎文分局) while keeping paragraph,
//! headline and byline boundaries.
//!
//! A line continues the previous one unless it is indented (two spaces or a
//! full-width space), starts with a marker (□ ▲ △ ■ ●, 本报讯, a section
//! number such as 二十二、, a Markdown heading), or follows a blank line. A
//! blank line inside a paragraph (a page or column break) is bridged when the
//! line before it runs to the full column width without closing punctuation.

use super::is_final_punct;
use crate::lexicon::LayoutWords;

/// A paragraph of normalized text with source offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct Paragraph {
    /// The text with inner line breaks removed.
    pub(crate) text: Vec<char>,
    /// Source character offset of every character of `text`.
    pub(crate) offsets: Vec<usize>,
    /// Whether a blank line precedes the paragraph.
    pub(crate) blank_before: bool,
    /// Number of source lines joined into it.
    pub(crate) lines: usize,
    /// Length in characters of its longest source line.
    pub(crate) width: usize,
    /// Length of its last source line.
    pub(crate) last_width: usize,
}

impl Paragraph {
    /// The paragraph text as a string.
    pub(crate) fn string(&self) -> String {
        self.text.iter().collect()
    }

    /// Whether the paragraph ends with sentence-final punctuation.
    pub(crate) fn ends_final(&self) -> bool {
        match self.text.last() {
            Some(&c) => {
                is_final_punct(c)
                    || c == '”' && self.text.len() > 1 && {
                        let p = self.text[self.text.len() - 2];
                        is_final_punct(p)
                    }
            }
            None => false,
        }
    }
}

struct Line {
    /// Content range (trimmed) in the char array.
    from: usize,
    to: usize,
    indented: bool,
    lead_space: bool,
}

/// Whether a line (trimmed) starts with a marker that opens a new paragraph.
pub(crate) fn starts_with_marker(words: &LayoutWords, s: &[char]) -> bool {
    let Some(c) = s.first() else { return false };
    if words.paragraph_marks.contains(c) {
        return true;
    }
    if words.paragraph_openers.iter().any(|o| s.starts_with(o)) {
        return true;
    }
    section_number_len(words, s).is_some()
}

/// Length of a leading section number such as 二十二、 (Chinese numerals,
/// at most four, and the section mark).
pub(crate) fn section_number_len(words: &LayoutWords, s: &[char]) -> Option<usize> {
    let n = s
        .iter()
        .take_while(|c| words.section_numerals.contains(c))
        .count();
    if n > 0 && n <= 4 && s.get(n) == Some(&words.section_mark) {
        return Some(n + 1);
    }
    None
}

/// Splits decoded text (from `start`) into paragraphs.
pub(crate) fn paragraphs(words: &LayoutWords, chars: &[char], start: usize) -> Vec<Paragraph> {
    let lines = split_lines(chars, start);
    let columns = column_layout(chars, &lines);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut cur: Option<Paragraph> = None;
    let mut blank_run = false;
    for line in lines {
        let Some(line) = line else {
            blank_run = true;
            continue;
        };
        let content = &chars[line.from..line.to];
        let new_para = match &cur {
            None => true,
            // web pages and plain text: every line is a paragraph
            Some(_) if !columns => true,
            Some(p) => {
                if line.indented || starts_with_marker(words, content) {
                    true
                } else if blank_run {
                    // bridge a page break only inside a running column
                    p.lines < 2
                        || p.ends_final()
                        || p.last_width + 1 < p.width
                        || content.first().is_some_and(|c| is_final_punct(*c))
                } else {
                    false
                }
            }
        };
        if new_para {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            cur = Some(Paragraph {
                blank_before: blank_run,
                ..Default::default()
            });
        } else if let Some(p) = cur.as_mut() {
            let ends_space = p.text.last().is_some_and(|c| *c == ' ');
            if line.lead_space && !ends_space {
                p.text.push(' ');
                p.offsets.push(line.from.saturating_sub(1));
            }
        }
        let p = cur.as_mut().expect("paragraph exists");
        for (i, &c) in content.iter().enumerate() {
            // normalize the full-width space inside lines to a plain one
            let c = if c == '\u{3000}' || c == '\t' { ' ' } else { c };
            if c == ' ' && p.text.last().is_some_and(|l| *l == ' ') {
                continue;
            }
            p.text.push(c);
            p.offsets.push(line.from + i);
        }
        let w = line.to - line.from;
        p.lines += 1;
        p.width = p.width.max(w);
        p.last_width = w;
        blank_run = false;
    }
    if let Some(p) = cur {
        out.push(p);
    }
    out.retain(|p| !p.text.is_empty());
    out
}

/// Whether the text is set in newspaper columns (lines of about equal
/// width, mostly without closing punctuation) rather than one paragraph or
/// list item per line.
fn column_layout(chars: &[char], lines: &[Option<Line>]) -> bool {
    let widths: Vec<usize> = lines.iter().flatten().map(|l| l.to - l.from).collect();
    if widths.len() < 4 {
        return false;
    }
    // the most common width: the column's
    let mut counts = std::collections::BTreeMap::new();
    for &w in &widths {
        *counts.entry(w).or_insert(0usize) += 1;
    }
    let mode = counts
        .iter()
        .max_by_key(|(w, n)| (**n, **w))
        .map(|(w, _)| *w)
        .unwrap_or(0);
    if !(13..=40).contains(&mode) {
        return false;
    }
    let near = widths
        .iter()
        .filter(|&&w| w + 1 >= mode && w <= mode + 1)
        .count();
    let open = lines
        .iter()
        .flatten()
        .filter(|l| !is_final_punct(chars[l.to - 1]))
        .count();
    near * 100 >= widths.len() * 35 && open * 10 >= widths.len() * 6
}

fn split_lines(chars: &[char], start: usize) -> Vec<Option<Line>> {
    let mut out = Vec::new();
    let mut i = start;
    while i < chars.len() {
        let end = chars[i..]
            .iter()
            .position(|&c| c == '\n')
            .map(|p| i + p)
            .unwrap_or(chars.len());
        let mut from = i;
        while from < end && is_space(chars[from]) {
            from += 1;
        }
        let mut to = end;
        while to > from && (is_space(chars[to - 1]) || chars[to - 1] == '\r') {
            to -= 1;
        }
        if from == to {
            out.push(None);
        } else {
            let lead = &chars[i..from];
            let wide = lead
                .iter()
                .filter(|c| **c == '\u{3000}' || **c == '\t')
                .count();
            let indented = wide > 0 || lead.len() >= 2;
            out.push(Some(Line {
                from,
                to,
                indented,
                lead_space: !lead.is_empty(),
            }));
        }
        i = end + 1;
    }
    out
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\r' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let words = LayoutWords::shared().expect("layout marks");
        paragraphs(words, &chars, 0)
            .iter()
            .map(|p| p.string())
            .collect()
    }

    #[test]
    fn joins_column_lines_and_keeps_paragraphs() {
        let p = paras("  近年来，潍坊市自然资源和规划局奎\n文分局按照省、市各级关于古树名木\n保护管理相关要求开展保护工作。\n  认真开展古树名木认定建档调查工\n作。为摸清奎文区古树名木基本状况\n，建立档案。");
        assert_eq!(
            p,
            vec![
                "近年来，潍坊市自然资源和规划局奎文分局按照省、市各级关于古树名木保护管理相关要求开展保护工作。",
                "认真开展古树名木认定建档调查工作。为摸清奎文区古树名木基本状况，建立档案。"
            ]
        );
        // a web page: one paragraph per line
        let w = paras("组 长:龚 正 市长\n副组长:陈 寅 常务副市长\n汤志平 副市长\n成 员:马春雷 市政府副秘书长、市发展改革委主任\n黄 融 市政府副秘书长");
        assert_eq!(w.len(), 5);
    }

    #[test]
    fn byline_space_survives_the_join() {
        let p = paras("  本报讯 （潍坊日报社全媒体记者\n 王聪聪 通讯员 邱峰\n凤 方梦露）今年上半年，潍坊\n市自然资源和规划局奎文分局全面\n贯彻高质量发展要求，创新规划");
        assert_eq!(
            p,
            vec!["本报讯 （潍坊日报社全媒体记者 王聪聪 通讯员 邱峰凤 方梦露）今年上半年，潍坊市自然资源和规划局奎文分局全面贯彻高质量发展要求，创新规划"]
        );
    }

    #[test]
    fn bridges_page_break_but_not_headlines() {
        let p = paras("  土地征收工作推进顺利，今年办理\n了三个批次。其中，宏伟学校项目\n面积十二亩的用地，省厅已经批\n\n复，优先保障了教育用地，有力推动\n了教育事业健康发展。\n\n潍坊市自然资源和规划局奎文分局\n\n全方位做好保护管理");
        assert_eq!(
            p,
            vec![
                "土地征收工作推进顺利，今年办理了三个批次。其中，宏伟学校项目面积十二亩的用地，省厅已经批复，优先保障了教育用地，有力推动了教育事业健康发展。",
                "潍坊市自然资源和规划局奎文分局",
                "全方位做好保护管理"
            ]
        );
    }

    #[test]
    fn markers_open_paragraphs() {
        let p = paras("上一段结尾\n二十二、市妇联\n▲近日，我局印发通知。");
        assert_eq!(
            p,
            vec!["上一段结尾", "二十二、市妇联", "▲近日，我局印发通知。"]
        );
    }
}
