//! Fuzz target: arbitrary bytes through the text stage (decoding, layout,
//! article splitting), recognition and resolution. Any panic is a bug;
//! refusing a file with an error is fine.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhengtu::recognize::Recognizer;

static RECOGNIZER: OnceLock<Recognizer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let r = RECOGNIZER.get_or_init(|| Recognizer::new().expect("lexicons load"));
    if let Ok(doc) = zhengtu::text::parse_document(Path::new("fuzz.txt"), data) {
        let resolved = zhengtu::resolve::resolve_document(r, &doc);
        // offsets of every evidence sentence stay inside the source text
        for a in &resolved.articles {
            for rel in &a.relations {
                assert!(rel.evidence.start <= rel.evidence.end);
                assert!(rel.evidence.end <= doc.char_len + 1);
            }
        }
    }
});
