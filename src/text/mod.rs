//! Text stage: file bytes → decoded text → paragraphs with newspaper line
//! breaks undone → articles, each with its own normalized text and a map of
//! every character back to its offset in the source file.
//!
//! Takes: a path or bytes. Gives: [`Document`] holding [`Article`]s.

mod decode;
mod layout;
mod split;

pub(crate) use decode::decode;
pub(crate) use layout::paragraphs;
pub(crate) use split::{split_articles, ArticleKind};

use crate::lexicon::{LayoutWords, LexiconError};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Errors of the text stage; each says what is wrong with a file.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// The file holds no text at all.
    #[error("the file is empty (no visible text)")]
    Empty,
    /// The file is a binary format, not text.
    #[error("not a text file: {0}")]
    Binary(String),
    /// The bytes are not valid in any supported encoding.
    #[error("cannot decode the text: {0}")]
    BadEncoding(String),
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The layout marks compiled into the program are malformed.
    #[error("layout marks: {0}")]
    Lexicon(#[source] &'static LexiconError),
}

/// A decoded input file split into articles.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given by the user (relative paths stay relative).
    #[cfg_attr(not(feature = "store"), allow(dead_code))] // used by the store stages
    pub(crate) path: PathBuf,
    /// Hex SHA-256 of the file bytes.
    #[cfg_attr(not(feature = "store"), allow(dead_code))] // used by the store stages
    pub(crate) hash: String,
    /// A `source: URL` header line, if the file starts with one.
    pub(crate) source_url: Option<String>,
    /// The articles of the file in reading order.
    pub articles: Vec<Article>,
    /// Number of characters of the decoded source text.
    pub char_len: usize,
}

/// One article: its text with line breaks undone, and offsets back to the
/// source file.
#[derive(Debug, Clone)]
pub struct Article {
    /// Position of the article in its file, from 0.
    pub index: usize,
    /// How the article was delimited.
    pub kind: ArticleKind,
    /// Headline lines attached to the article, if any.
    pub headline: Option<String>,
    /// Normalized text: paragraphs separated by `\n`.
    pub text: String,
    /// For every character of `text`, its character offset in the source
    /// file (for the `\n` between paragraphs: the offset of the break).
    pub(crate) offsets: Vec<usize>,
}

impl Article {
    /// Maps a character range of the article text to the character range
    /// in the source file that it came from.
    pub(crate) fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        if self.offsets.is_empty() {
            return (0, 0);
        }
        let s = self.offsets[start.min(self.offsets.len() - 1)];
        let e = if end == 0 {
            s
        } else {
            self.offsets[(end - 1).min(self.offsets.len() - 1)] + 1
        };
        (s, e.max(s))
    }
}

/// Reads and processes one file from disk.
pub fn read_document(path: &Path) -> Result<Document, TextError> {
    let bytes = std::fs::read(path)?;
    parse_document(path, &bytes)
}

/// Reads one file from disk and processes it unless its content hash is
/// `known` (a file stored before and unchanged since): then `None`.
#[cfg_attr(not(feature = "store"), allow(dead_code))] // used by the store stages
pub(crate) fn read_changed(
    path: &Path,
    known: Option<&str>,
) -> Result<Option<Document>, TextError> {
    let bytes = std::fs::read(path)?;
    let hash = hex(&Sha256::digest(&bytes));
    if known == Some(hash.as_str()) {
        return Ok(None);
    }
    parse_hashed(path, &bytes, hash).map(Some)
}

/// Processes the bytes of one file.
pub(crate) fn parse_document(path: &Path, bytes: &[u8]) -> Result<Document, TextError> {
    parse_hashed(path, bytes, hex(&Sha256::digest(bytes)))
}

/// Processes the bytes of one file whose content hash is known.
fn parse_hashed(path: &Path, bytes: &[u8], hash: String) -> Result<Document, TextError> {
    let words = LayoutWords::shared().map_err(TextError::Lexicon)?;
    // (the encoding found matters to the messages of a file that fails)
    let (text, _) = decode(bytes)?;
    let chars: Vec<char> = text.chars().collect();
    let (source_url, body_start) = source_header(words, &chars);
    let paras = paragraphs(words, &chars, body_start);
    let articles = split_articles(words, &paras);
    Ok(Document {
        path: path.to_path_buf(),
        hash,
        source_url,
        articles,
        char_len: chars.len(),
    })
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// Recognizes a first line `source: URL` (or `来源: URL`) and returns the
/// URL and the character offset where the body starts.
fn source_header(words: &LayoutWords, chars: &[char]) -> (Option<String>, usize) {
    let first_end = chars.iter().position(|&c| c == '\n').unwrap_or(chars.len());
    let line: String = chars[..first_end].iter().collect();
    let line = line.trim_start_matches('\u{feff}').trim();
    for key in &words.source_keys {
        if let Some(rest) = line.strip_prefix(key) {
            let url = rest.trim();
            if url.starts_with("http://") || url.starts_with("https://") {
                return (Some(url.to_string()), (first_end + 1).min(chars.len()));
            }
        }
    }
    (None, 0)
}

/// Sentence-final punctuation.
pub(crate) fn is_final_punct(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_header_is_metadata_not_text() {
        let doc = parse_document(
            Path::new("x.txt"),
            "source: https://example.gov.cn/a.htm\n\n县委书记郑庆华调度项目建设。".as_bytes(),
        )
        .unwrap();
        assert_eq!(
            doc.source_url.as_deref(),
            Some("https://example.gov.cn/a.htm")
        );
        assert!(doc.articles.iter().all(|a| !a.text.contains("source")));
        let a = &doc.articles[0];
        let start = a
            .text
            .find("县委")
            .map(|b| a.text[..b].chars().count())
            .unwrap();
        // the offset points into the source file, past the header line
        assert_eq!(a.source_span(start, start + 2).0, 38);
    }
}
