//! One page, every encoding: the seeds re-encoded (GB18030, UTF-16 with and
//! without a BOM, UTF-8 with a BOM or CRLF line ends) clean to the same
//! bytes as their UTF-8 originals, and `pages.jsonl` names the encoding
//! (design/pipeline.md, stage 1 "decode"; house-style.md "One expectation,
//! every path"). Also a Traditional Chinese page in Big5 and a Latin page
//! read with `--encoding windows-1252`.

mod common;

use std::fs;
use std::path::Path;

use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use serde_json::Value;

use common::{SEEDS, assert_same_files, galley, item_files, read_json_lines, read_text, seed_text, temp_dir, tree};

/// Cleans `input` into `out` with `extra` arguments; asserts success.
fn clean_ok(input: &Path, out: &Path, extra: &[&str]) {
    let output = galley().arg("clean").arg(input).arg("-o").arg(out).arg("-q").args(extra).output().expect("runs");
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "galley clean {} {extra:?} failed:\n{err}", input.display());
    assert!(err.is_empty(), "nothing on stderr with -q:\n{err}");
}

/// `text` in a legacy encoding; panics if a character has no code there.
fn legacy(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, used, unmappable) = encoding.encode(text);
    assert_eq!(used, encoding, "encoding_rs encodes into {}", encoding.name());
    assert!(!unmappable, "the page has characters that {} cannot encode", encoding.name());
    bytes.into_owned()
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    if little_endian { units.flat_map(u16::to_le_bytes).collect() } else { units.flat_map(u16::to_be_bytes).collect() }
}

/// The pages.jsonl records of `out`, each with its encoding taken out.
fn pages_without_encoding(out: &Path) -> (Vec<Value>, Vec<String>) {
    let mut pages = read_json_lines(&out.join("pages.jsonl"));
    // The input hash differs with the bytes, as it should.
    pages.iter_mut().filter_map(Value::as_object_mut).for_each(|o| drop(o.remove("input")));
    let encodings = pages
        .iter_mut()
        .map(|p| match p.as_object_mut().and_then(|o| o.remove("encoding")) {
            Some(Value::String(name)) => name,
            other => panic!("no encoding name in pages.jsonl: {other:?}"),
        })
        .collect();
    (pages, encodings)
}

/// Writes every seed re-encoded by `encode` under its own name, cleans the
/// folder, and asserts the item files and manifest equal those of the UTF-8
/// seeds, and that pages.jsonl differs only in naming `encoding` (and the input's hash).
fn assert_seeds_clean_as_utf8(encode: impl Fn(&str) -> Vec<u8>, encoding: &str) {
    let dir = temp_dir();
    let (original, encoded) = (dir.path().join("utf8"), dir.path().join("encoded"));
    common::copy_seeds(&original, &SEEDS);
    fs::create_dir_all(&encoded).expect("folder");
    for name in SEEDS {
        let text = seed_text(name);
        let bytes = encode(&text);
        assert_ne!(bytes, text.as_bytes(), "{name} is re-encoded");
        fs::write(encoded.join(name), bytes).expect("re-encoded seed");
    }
    let (expected_out, out) = (dir.path().join("expected"), dir.path().join("out"));
    clean_ok(&original, &expected_out, &[]);
    clean_ok(&encoded, &out, &[]);

    let (expected, actual) = (tree(&expected_out), tree(&out));
    assert_same_files(&item_files(&expected), &item_files(&actual), &format!("{encoding} items vs UTF-8 items"));
    assert_eq!(
        read_text(&out.join("manifest.jsonl")),
        read_text(&expected_out.join("manifest.jsonl")),
        "{encoding} manifest vs UTF-8 manifest"
    );
    let (expected_pages, _) = pages_without_encoding(&expected_out);
    let (pages, encodings) = pages_without_encoding(&out);
    assert_eq!(encodings, vec![encoding; SEEDS.len()], "pages.jsonl names the encoding");
    assert_eq!(pages, expected_pages, "{encoding} pages.jsonl vs UTF-8, but for the encoding");
}

#[test]
fn gb18030_seeds_clean_like_their_utf8_originals() {
    assert_seeds_clean_as_utf8(|text| legacy(GB18030, text), GB18030.name());
}

#[test]
fn utf16le_seeds_with_bom_clean_like_their_utf8_originals() {
    assert_seeds_clean_as_utf8(|text| utf16(text, true, true), UTF_16LE.name());
}

#[test]
fn utf16be_seeds_with_bom_clean_like_their_utf8_originals() {
    assert_seeds_clean_as_utf8(|text| utf16(text, false, true), UTF_16BE.name());
}

#[test]
fn utf16le_seeds_without_bom_clean_like_their_utf8_originals() {
    assert_seeds_clean_as_utf8(|text| utf16(text, true, false), UTF_16LE.name());
}

#[test]
fn utf8_seeds_with_bom_clean_like_their_originals() {
    assert_seeds_clean_as_utf8(|text| [b"\xEF\xBB\xBF", text.as_bytes()].concat(), UTF_8.name());
}

#[test]
fn utf8_seeds_with_crlf_line_ends_clean_like_their_originals() {
    assert_seeds_clean_as_utf8(|text| text.replace('\n', "\r\n").into_bytes(), UTF_8.name());
}

/// A Traditional Chinese front-page story as a PDF extractor gives it:
/// the headline, then 10–15 character column lines (an invented page in
/// the manner of seeds 001 and 004).
const TRADITIONAL_PAGE: &str = "\
臺北擴大推動公共運輸定期票

本報訊（記者王小明）臺北市政
府昨日宣布，自下月起擴大推動
公共運輸定期票，市民每月只需
繳交一千二百元，即可無限次搭
乘捷運與公車。

市長表示，這項政策實施兩年以
來，使用人數已超過八十萬人，
有效減少市區交通壅塞與空氣污
染，民眾反應相當熱烈。

交通局指出，未來將與新北市及
桃園市合作，讓定期票適用範圍
延伸至整個都會區，並檢討現行
票價結構，以照顧偏遠地區居民。
";

/// The one page folder `name` in `dir`, holding `bytes` as `page.txt`.
fn page_folder(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let folder = dir.join(name);
    fs::create_dir_all(&folder).expect("folder");
    fs::write(folder.join("page.txt"), bytes).expect("page");
    folder
}

/// The pages.jsonl encoding of a one-page output.
fn page_encoding(out: &Path) -> String {
    let (_, encodings) = pages_without_encoding(out);
    assert_eq!(encodings.len(), 1, "one page");
    encodings[0].clone()
}

#[test]
fn big5_page_keeps_its_traditional_characters() {
    let dir = temp_dir();
    let utf8 = page_folder(dir.path(), "utf8", TRADITIONAL_PAGE.as_bytes());
    let big5 = page_folder(dir.path(), "big5", &legacy(BIG5, TRADITIONAL_PAGE));
    let (utf8_out, big5_out) = (dir.path().join("utf8-out"), dir.path().join("big5-out"));
    clean_ok(&utf8, &utf8_out, &[]);
    clean_ok(&big5, &big5_out, &[]);

    let (expected, actual) = (tree(&utf8_out), tree(&big5_out));
    let items = item_files(&actual);
    assert!(!items.is_empty(), "the Big5 page yields items");
    assert_same_files(&item_files(&expected), &items, "Big5 items vs UTF-8 items");
    assert_eq!(page_encoding(&big5_out), BIG5.name(), "pages.jsonl says Big5");

    let text: String = items.values().map(|b| String::from_utf8(b.clone()).expect("UTF-8")).collect();
    for phrase in
        ["臺北擴大推動公共運輸定期票", "本報訊（記者王小明）臺北市政府", "減少市區交通壅塞與空氣污染", "票價結構"]
    {
        assert!(text.contains(phrase), "{phrase} is kept as written:\n{text}");
    }
}

/// A Latin page whose accents, quotes and dashes sit where windows-1252
/// differs from ISO-8859-1 and from UTF-8 (`’` 0x92, `—` 0x97, `€` 0x80).
const LATIN_PAGE: &str = "\
Le conseil approuve le nouveau pont

LYON, 14 mars — Le conseil municipal a approuvé hier
soir le projet du nouveau pont sur la Saône. Les
travaux, estimés à trois millions d’euros (3 M€),
commenceront à l’été prochain.

« C’est une décision très attendue », a déclaré le
maire, François Dupré, à la sortie de la séance.
";

#[test]
fn forced_windows_1252_reads_a_latin_page_as_its_utf8_original() {
    let dir = temp_dir();
    let utf8 = page_folder(dir.path(), "utf8", LATIN_PAGE.as_bytes());
    let cp1252 = page_folder(dir.path(), "cp1252", &legacy(WINDOWS_1252, LATIN_PAGE));
    let (utf8_out, cp1252_out) = (dir.path().join("utf8-out"), dir.path().join("cp1252-out"));
    clean_ok(&utf8, &utf8_out, &[]);
    clean_ok(&cp1252, &cp1252_out, &["--encoding", "windows-1252"]);

    let items = item_files(&tree(&cp1252_out));
    assert!(!items.is_empty(), "the page yields items");
    assert_same_files(&item_files(&tree(&utf8_out)), &items, "windows-1252 items vs UTF-8 items");
    assert_eq!(page_encoding(&cp1252_out), WINDOWS_1252.name(), "pages.jsonl names the forced encoding");
    let text: String = items.values().map(|b| String::from_utf8(b.clone()).expect("UTF-8")).collect();
    for phrase in ["approuvé", "Saône", "d’euros (3 M€)", "« C’est", "François Dupré"] {
        assert!(text.contains(phrase), "{phrase} is read as written:\n{text}");
    }
}

#[test]
fn forced_windows_1252_wins_over_detecting_utf8() {
    // Valid UTF-8 read as windows-1252 must come out as mojibake: the flag
    // is obeyed, not second-guessed by detection.
    let dir = temp_dir();
    let utf8 = page_folder(dir.path(), "utf8", LATIN_PAGE.as_bytes());
    let out = dir.path().join("out");
    clean_ok(&utf8, &out, &["--encoding", "windows-1252"]);
    assert_eq!(page_encoding(&out), WINDOWS_1252.name());
    let text: String = item_files(&tree(&out)).values().map(|b| String::from_utf8(b.clone()).expect("UTF-8")).collect();
    assert!(text.contains("approuvÃ©"), "é read byte by byte as windows-1252:\n{text}");
    assert!(!text.contains("approuvé"), "{text}");
}
