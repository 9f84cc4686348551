//! Input that is text stays text (design/pipeline.md, stage 1 "decode"),
//! through the binary: a page with stray NULs is cleaned with a malformed
//! warning, not skipped as binary; a page decoded in the wrong encoding
//! without a single malformed byte is doubted on each of its pages; UTF-8
//! misread as windows-1252 or ISO-8859-1 and saved again cleans like the
//! original, with the repair named in `pages.jsonl`.

mod common;

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use common::{SEEDS, assert_same_files, galley, item_files, read_json_lines, read_text, seed_text, temp_dir, tree};

/// Cleans `input` into `out`; asserts success and a quiet stderr.
fn clean_ok(input: &Path, out: &Path) -> String {
    let output = galley().arg("clean").arg(input).arg("-o").arg(out).arg("-q").output().expect("runs");
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(0), "galley clean {} failed:\n{err}", input.display());
    err
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
    let err = clean_ok(&input, &out);
    assert!(err.is_empty(), "page warnings stay in pages.jsonl with -q:\n{err}");
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
    let err = clean_ok(&fixture, out.path());
    let doubt = "decoded as gb18030, but only 69% of its Han characters are common ones: \
                 the encoding may be wrong; pass --encoding";
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [format!("galley: {}: {doubt}", fixture.join("zh-hant-euc-tw.txt").display())],
        "once per file, on stderr too"
    );
    assert_eq!(page_field(out.path(), "malformed"), [json!(0), json!(0)]);
    assert_eq!(page_field(out.path(), "warnings"), [json!([doubt]), json!([doubt])]);
}

/// Writes every seed as UTF-8 misread by `table` (byte → character) and
/// saved again, cleans the folder, and asserts the items and manifest equal
/// those of the seeds and each page carries `warning`.
fn assert_mojibake_seeds_clean_as_originals(table: impl Fn(u8) -> char, warning: &str) {
    let dir = temp_dir();
    let (original, mojibake) = (dir.path().join("original"), dir.path().join("mojibake"));
    common::copy_seeds(&original, &SEEDS);
    fs::create_dir_all(&mojibake).expect("folder");
    for name in SEEDS {
        let misread: String = seed_text(name).bytes().map(&table).collect();
        fs::write(mojibake.join(name), misread).expect("mojibake seed");
    }
    let (expected_out, out) = (dir.path().join("expected"), dir.path().join("out"));
    assert!(clean_ok(&original, &expected_out).is_empty());
    let err = clean_ok(&mojibake, &out);
    assert_eq!(err.lines().count(), SEEDS.len(), "the repair named once per file:\n{err}");
    assert!(err.lines().all(|line| line.ends_with(warning)), "{err}");
    assert_same_files(&item_files(&tree(&expected_out)), &item_files(&tree(&out)), "repaired items vs originals");
    assert_eq!(read_text(&out.join("manifest.jsonl")), read_text(&expected_out.join("manifest.jsonl")));
    assert_eq!(page_field(&out, "warnings"), vec![json!([warning]); SEEDS.len()]);
}

#[test]
fn utf8_misread_as_windows_1252_cleans_like_the_original() {
    let table = |b: u8| {
        let byte = [b];
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        text.chars().next().expect("windows-1252 reads every byte")
    };
    assert_mojibake_seeds_clean_as_originals(table, "repaired mojibake: UTF-8 read as windows-1252");
}

#[test]
fn utf8_misread_as_iso_8859_1_cleans_like_the_original() {
    // Once skipped as "43% of the characters are undecodable": every third
    // character of the misread Chinese is a C1 control.
    assert_mojibake_seeds_clean_as_originals(char::from, "repaired mojibake: UTF-8 read as ISO-8859-1");
}
