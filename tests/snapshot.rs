//! A snapshot of recognition: `zhengtu extract --mentions` on the seed
//! pages, compared with the checked-in `tests/snapshots/extract-seeds.txt`,
//! so that any change in what is recognized, resolved or related shows in
//! review as a change of that file.
//!
//! After a change of recognition that is meant, write the new snapshot
//! with `ZHENGTU_BLESS=1 cargo test --release --test snapshot` and review
//! its diff before committing it.

mod common;

use common::*;

const SNAPSHOT: &str = "tests/snapshots/extract-seeds.txt";

/// The first lines where two texts differ, with their line numbers.
fn first_differences(want: &str, got: &str, max: usize) -> String {
    let mut out = String::new();
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut shown = 0;
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied(), g.get(i).copied());
        if a != b {
            out += &format!(
                "line {}:\n  - {}\n  + {}\n",
                i + 1,
                a.unwrap_or("(none)"),
                b.unwrap_or("(none)")
            );
            shown += 1;
            if shown == max {
                break;
            }
        }
    }
    out
}

#[test]
fn extraction_of_the_seed_pages_matches_the_snapshot() {
    let got = ok(&["extract", "--mentions", "data/corpus"]);
    assert!(got.contains("\n  m "), "no mentions listed");
    assert!(got.contains("\n  r "), "no relations listed");
    let path = root().join(SNAPSHOT);
    if std::env::var_os("ZHENGTU_BLESS").is_some() {
        std::fs::write(&path, &got).expect("the snapshot is written");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("the snapshot file exists");
    assert!(
        want == got,
        "extract --mentions on the seed pages differs from {SNAPSHOT} \
         (ZHENGTU_BLESS=1 writes the new one; review its diff):\n{}",
        first_differences(&want, &got, 20)
    );
}
