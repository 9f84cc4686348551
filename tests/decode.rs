//! Input that is text stays text (design/pipeline.md, stage 1 "decode"),
//! through the binary: a page with stray NULs is cleaned with a malformed
//! warning, not skipped as binary; a page decoded in the wrong encoding
//! without a single malformed byte is doubted on each of its pages.

mod common;

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use common::{SEEDS, galley, item_files, read_json_lines, seed_text, temp_dir, tree};

/// Cleans `input` into `out`; asserts success and a quiet stderr.
fn clean_ok(input: &Path, out: &Path) {
    let output = galley().arg("clean").arg(input).arg("-o").arg(out).arg("-q").output().expect("runs");
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "galley clean {} failed:\n{err}", input.display());
    assert!(err.is_empty(), "nothing on stderr with -q:\n{err}");
}

/// The `field` of every pages.jsonl record of `out`.
fn page_field(out: &Path, field: &str) -> Vec<Value> {
    read_json_lines(&out.join("pages.jsonl")).iter().map(|page| page[field].clone()).collect()
}

#[test]
fn a_page_with_stray_nuls_is_cleaned_with_a_malformed_warning() {
    let dir = temp_dir();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).expect("folder");
    // 001, a 17 KB page: one NUL after its first full stop, two more later.
    let text = seed_text(SEEDS[1]);
    let stops: Vec<usize> = text.match_indices('。').map(|(at, stop)| at + stop.len()).collect();
    let mut bytes = text.clone().into_bytes();
    for &at in [stops[0], stops[10], stops[20]].iter().rev() {
        bytes.insert(at, 0);
    }
    fs::write(input.join("page.txt"), bytes).expect("page");
    let out = dir.path().join("out");
    clean_ok(&input, &out);
    assert_eq!(page_field(&out, "malformed"), [json!(3)]);
    assert_eq!(page_field(&out, "warnings"), [json!(["3 malformed byte sequences replaced by U+FFFD"])]);
    assert!(!item_files(&tree(&out)).is_empty(), "the page yields items");
}

#[test]
fn a_page_read_in_the_wrong_encoding_is_doubted_on_each_page() {
    // Two pages of Traditional Chinese in EUC-TW (`iconv -t EUC-TW`), which
    // encoding_rs cannot read and which is valid GB18030 throughout.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encodings");
    let out = temp_dir();
    clean_ok(&fixture, out.path());
    let doubt = "decoded as gb18030, but only 69% of its Han characters are common ones: \
                 the encoding may be wrong; pass --encoding";
    assert_eq!(page_field(out.path(), "malformed"), [json!(0), json!(0)]);
    assert_eq!(page_field(out.path(), "warnings"), [json!([doubt]), json!([doubt])]);
}
