//! Furniture that only the batch reveals: the boxed notice that seeds 001 and
//! 004 both print (`请广大群众和社会各界… 监督举报电话…`) is a repeated box
//! when the two are cleaned together, and a `notice` item when each is
//! cleaned alone.

mod common;

use std::path::Path;

use common::{copy_seeds, galley, read_json_lines, read_text, temp_dir};
use serde_json::Value;

const NOTICE: &str = "监督举报电话";
const BOTH: [&str; 2] = ["001_a69710dabf6f1119.txt", "004_468ab1eef400fbf5.txt"];

/// Cleans the named seeds together; returns the manifest and pages lines.
fn clean(names: &[&str], out: &Path) -> (Vec<Value>, Vec<Value>) {
    let input = temp_dir();
    copy_seeds(input.path(), names);
    galley().arg("clean").arg(input.path()).arg("-o").arg(out).arg("-q").assert().success();
    (read_json_lines(&out.join("manifest.jsonl")), read_json_lines(&out.join("pages.jsonl")))
}

/// The items (kind, text) of a manifest.
fn items(out: &Path, manifest: &[Value]) -> Vec<(String, String)> {
    manifest
        .iter()
        .map(|r| {
            let kind = r["kind"].as_str().expect("kind is a string").to_owned();
            (kind, read_text(&out.join(r["path"].as_str().expect("path is a string"))))
        })
        .collect()
}

#[test]
fn box_repeated_on_two_pages_is_furniture() {
    let out = temp_dir();
    let (manifest, pages) = clean(&BOTH, out.path());
    let items = items(out.path(), &manifest);
    let leaked: Vec<&(String, String)> = items.iter().filter(|(_, text)| text.contains(NOTICE)).collect();
    assert!(leaked.is_empty(), "the repeated notice is still an item: {leaked:#?}");
    for page in &pages {
        let removed = page["removed"].as_array().expect("removed is a list");
        let boxes: Vec<&Value> = removed.iter().filter(|r| r["rule"] == "repeated-box").collect();
        assert_eq!(boxes.len(), 1, "{}: expected one repeated-box record, got {removed:#?}", page["source"]);
        assert!(boxes[0]["text"].as_str().is_some_and(|t| t.contains(NOTICE)), "{boxes:#?}");
    }
}

#[test]
fn box_on_a_page_cleaned_alone_is_a_notice_item() {
    for name in BOTH {
        let out = temp_dir();
        let (manifest, pages) = clean(&[name], out.path());
        let items = items(out.path(), &manifest);
        let notices: Vec<&(String, String)> = items.iter().filter(|(kind, _)| kind == "notice").collect();
        assert_eq!(notices.len(), 1, "{name}: expected one notice, got {items:#?}");
        assert!(notices[0].1.contains(NOTICE) && notices[0].1.contains("请广大群众"), "{name}: {notices:#?}");
        let repeated =
            pages[0]["removed"].as_array().expect("removed is a list").iter().any(|r| r["rule"] == "repeated-box");
        assert!(!repeated, "{name}: a page cleaned alone has no repeated box");
    }
}

#[test]
fn keep_furniture_keeps_the_repeated_box_and_records_it() {
    let input = temp_dir();
    copy_seeds(input.path(), &BOTH);
    let out = temp_dir();
    galley()
        .arg("clean")
        .arg(input.path())
        .arg("-o")
        .arg(out.path())
        .args(["-q", "--keep-furniture"])
        .assert()
        .success();
    let manifest = read_json_lines(&out.path().join("manifest.jsonl"));
    let items = items(out.path(), &manifest);
    assert_eq!(items.iter().filter(|(kind, text)| kind == "notice" && text.contains(NOTICE)).count(), 2, "{items:#?}");
    let pages = read_json_lines(&out.path().join("pages.jsonl"));
    let records = pages
        .iter()
        .flat_map(|p| p["removed"].as_array().expect("removed is a list").iter())
        .filter(|r| r["rule"] == "repeated-box")
        .count();
    assert_eq!(records, 2);
}
