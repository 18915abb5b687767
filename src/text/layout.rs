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

/// A paragraph of normalized text with source offsets.
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    /// The text with inner line breaks removed.
    pub text: Vec<char>,
    /// Source character offset of every character of `text`.
    pub offsets: Vec<usize>,
    /// Whether a blank line precedes the paragraph.
    pub blank_before: bool,
    /// Number of source lines joined into it.
    pub lines: usize,
    /// Length in characters of its longest source line.
    pub width: usize,
    /// Length of its last source line.
    pub last_width: usize,
}

impl Paragraph {
    /// The paragraph text as a string.
    pub fn string(&self) -> String {
        self.text.iter().collect()
    }

    /// Whether the paragraph ends with sentence-final punctuation.
    pub fn ends_final(&self) -> bool {
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
    start: usize,
    /// Content range (trimmed) in the char array.
    from: usize,
    to: usize,
    indented: bool,
    lead_space: bool,
}

/// Whether a line (trimmed) starts with a marker that opens a new paragraph.
pub(crate) fn starts_with_marker(s: &[char]) -> bool {
    let Some(&c) = s.first() else { return false };
    if matches!(
        c,
        '□' | '■' | '▲' | '△' | '●' | '◆' | '★' | '☆' | '◎' | '#' | '【'
    ) {
        return true;
    }
    if s.starts_with(&['本', '报', '讯']) || s.starts_with(&['*', '*']) {
        return true;
    }
    section_number_len(s).is_some()
}

/// Length of a leading section number such as 二十二、 or 3、 (not 3.5).
pub(crate) fn section_number_len(s: &[char]) -> Option<usize> {
    let n = s
        .iter()
        .take_while(|c| "一二三四五六七八九十百零〇".contains(**c))
        .count();
    if n > 0 && n <= 4 && s.get(n) == Some(&'、') {
        return Some(n + 1);
    }
    None
}

/// Splits decoded text (from `start`) into paragraphs.
pub fn paragraphs(chars: &[char], start: usize) -> Vec<Paragraph> {
    let lines = split_lines(chars, start);
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
            Some(p) => {
                if line.indented || starts_with_marker(content) {
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
        let _ = line.start;
        blank_run = false;
    }
    if let Some(p) = cur {
        out.push(p);
    }
    out.retain(|p| !p.text.is_empty());
    out
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
                start: i,
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
        paragraphs(&chars, 0).iter().map(|p| p.string()).collect()
    }

    #[test]
    fn joins_column_lines_and_keeps_paragraphs() {
        let p = paras("  近年来，潍坊市自然资源和规划局奎\n文分局按照要求开展保护工作。\n  认真开展调查工\n作。");
        assert_eq!(
            p,
            vec![
                "近年来，潍坊市自然资源和规划局奎文分局按照要求开展保护工作。",
                "认真开展调查工作。"
            ]
        );
    }

    #[test]
    fn byline_space_survives_the_join() {
        let p = paras("  本报讯 （潍坊日报社全媒体记者\n 王聪聪 通讯员 邱峰\n凤 方梦露）今年");
        assert_eq!(
            p,
            vec!["本报讯 （潍坊日报社全媒体记者 王聪聪 通讯员 邱峰凤 方梦露）今年"]
        );
    }

    #[test]
    fn bridges_page_break_but_not_headlines() {
        let p = paras("  其中，宏伟学校项目面积\n12.054亩，省厅已批\n\n复，优先保障。\n\n潍坊市自然资源和规划局奎文分局\n\n全方位做好保护管理");
        assert_eq!(
            p,
            vec![
                "其中，宏伟学校项目面积12.054亩，省厅已批复，优先保障。",
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
