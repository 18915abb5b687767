//! Decoding of raw file bytes into text: UTF-8 (with or without BOM), UTF-16
//! with a BOM, and GB18030/GBK, which many Chinese government files use.
//! Binary content (images, PDFs, archives) is refused with a reason.

use super::TextError;

/// The character encoding a file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub(crate) enum Encoding {
    /// UTF-8, possibly with a byte-order mark.
    Utf8,
    /// UTF-16 little endian (byte-order mark required).
    Utf16Le,
    /// UTF-16 big endian (byte-order mark required).
    Utf16Be,
    /// GB18030 (a superset of GBK and GB2312).
    Gb18030,
}

impl Encoding {
    /// The label used in messages and metadata.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

/// Magic numbers of common binary formats, with their names.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Office document",
    ),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"RIFF", "a RIFF media file"),
];

/// Decodes file bytes into a string, detecting the encoding.
///
/// Order: BOMs first, then strict UTF-8, then GB18030. A file that is
/// empty, binary, or valid in none of these encodings gives an error.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, Encoding), TextError> {
    if bytes.is_empty() {
        return Err(TextError::Empty);
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(TextError::Binary((*what).to_string()));
        }
    }
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return utf8(rest);
    }
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        let (enc, label) = if bytes[0] == 0xff {
            (encoding_rs::UTF_16LE, Encoding::Utf16Le)
        } else {
            (encoding_rs::UTF_16BE, Encoding::Utf16Be)
        };
        let (text, had_errors) = enc.decode_with_bom_removal(bytes);
        if had_errors {
            return Err(TextError::BadEncoding(label.label().to_string()));
        }
        return check_text(text.into_owned(), label);
    }
    if bytes.contains(&0) {
        return Err(TextError::Binary(
            "binary data (NUL bytes and no UTF-16 byte-order mark)".to_string(),
        ));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return check_text(s.to_string(), Encoding::Utf8);
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(TextError::BadEncoding(
            "neither UTF-8 nor GB18030/GBK".to_string(),
        ));
    }
    check_text(text.into_owned(), Encoding::Gb18030)
}

fn utf8(bytes: &[u8]) -> Result<(String, Encoding), TextError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => check_text(s.to_string(), Encoding::Utf8),
        Err(e) => Err(TextError::BadEncoding(format!(
            "UTF-8 byte-order mark but invalid UTF-8 at byte {}",
            e.valid_up_to() + 3
        ))),
    }
}

/// Refuses text that is mostly control characters (binary data that
/// happened to decode) and text with no visible characters.
fn check_text(text: String, enc: Encoding) -> Result<(String, Encoding), TextError> {
    let mut controls = 0usize;
    let mut visible = 0usize;
    for c in text.chars() {
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            controls += 1;
        } else if !c.is_whitespace() {
            visible += 1;
        }
    }
    if visible == 0 {
        return Err(TextError::Empty);
    }
    if controls * 20 > visible {
        return Err(TextError::Binary(format!(
            "binary data ({controls} control characters in {} decoded)",
            enc.label()
        )));
    }
    Ok((text, enc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        let (s, e) = decode("奎文分局".as_bytes()).unwrap();
        assert_eq!((s.as_str(), e), ("奎文分局", Encoding::Utf8));
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend_from_slice("市住建局".as_bytes());
        assert_eq!(decode(&b).unwrap().0, "市住建局");
    }

    #[test]
    fn decodes_gbk_and_utf16() {
        let (gbk, _, _) = encoding_rs::GBK.encode("潍坊市自然资源和规划局奎文分局");
        let (s, e) = decode(&gbk).unwrap();
        assert_eq!(s, "潍坊市自然资源和规划局奎文分局");
        assert_eq!(e, Encoding::Gb18030);
        let mut u16 = vec![0xff, 0xfe];
        for unit in "聊城市".encode_utf16() {
            u16.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(
            decode(&u16).unwrap(),
            ("聊城市".to_string(), Encoding::Utf16Le)
        );
    }

    #[test]
    fn refuses_empty_and_binary() {
        assert!(matches!(decode(b""), Err(TextError::Empty)));
        assert!(matches!(decode(b"  \n\n"), Err(TextError::Empty)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(TextError::Binary(_))
        ));
        assert!(matches!(decode(b"%PDF-1.7\n"), Err(TextError::Binary(_))));
        assert!(matches!(decode(b"ab\0cd"), Err(TextError::Binary(_))));
    }
}
