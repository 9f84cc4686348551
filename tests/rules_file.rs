//! The `--rules` example of the README, run as written: a user's rules of
//! every kind, with the fields of the built-in table, and a built-in rule
//! switched off by its name.

mod common;

use std::fs;

use common::{galley, read_json_lines, read_text, temp_dir};

/// The first TOML block of the README's `--rules` example.
fn readme_rules() -> String {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let from = readme.find("# gazette.toml").expect("the README shows gazette.toml");
    let block = &readme[from..];
    block[..block.find("```").expect("the block ends")].to_owned()
}

#[test]
fn the_readme_rules_example_works_as_written() {
    let dir = temp_dir();
    let rules = dir.path().join("gazette.toml");
    fs::write(&rules, readme_rules()).expect("rules file");
    let pages = dir.path().join("pages");
    fs::create_dir(&pages).expect("pages folder");
    let page = "THE ANYTOWN GAZETTE March 3, 2024\n\nCouncil backs new library\n\n\
                The council voted on Tuesday to build a new library. (see page 4)\n\n\
                Photo by Sam Hayes / Anytown Gazette\n\n\
                The school board met on Monday and agreed on the budget. [ENDS]\n";
    fs::write(pages.join("gazette.txt"), page).expect("page");
    let out = dir.path().join("out");
    galley().arg("clean").arg(&pages).arg("-o").arg(&out).arg("--rules").arg(&rules).arg("-q").assert().success();
    let records = read_json_lines(&out.join("pages.jsonl"));
    let removed: Vec<(String, String)> = records[0]["removed"]
        .as_array()
        .expect("removed is a list")
        .iter()
        .map(|r| (r["rule"].as_str().unwrap_or("").to_owned(), r["text"].as_str().unwrap_or("").to_owned()))
        .collect();
    let rules_of: Vec<&str> = removed.iter().map(|(rule, _)| rule.as_str()).collect();
    assert!(rules_of.contains(&"gazette-header"), "{removed:?}");
    assert!(rules_of.contains(&"gazette-continued"), "{removed:?}");
    assert!(rules_of.contains(&"gazette-end"), "{removed:?}");
    assert!(!rules_of.contains(&"photo-credit"), "switched off: {removed:?}");
    let manifest = read_json_lines(&out.join("manifest.jsonl"));
    assert!(manifest.iter().all(|m| m["date"] == "2024-03-03"), "{manifest:?}");
    assert!(manifest.iter().any(|m| m["continued_to"] == "4"), "{manifest:?}");
    let mut text: String = manifest.iter().map(|m| read_text(&out.join(m["path"].as_str().expect("path")))).collect();
    text.push_str(&records[0]["orphans"].to_string());
    assert!(text.contains("Photo by Sam Hayes"), "the credit stays on the page: {text}");
}
