//! `galley report` through the binary: one self-contained HTML page whose
//! page texts are escaped, with the sections a reviewer reads, and with
//! `--diff` what changed (issue 13). `.ci/report-check.sh` opens the same
//! kind of report in headless Chromium.

mod common;

use std::fs;
use std::path::Path;

use common::{SEEDS, copy_seeds, galley, temp_dir};

fn run(args: &[&str], paths: &[&Path]) {
    let output = galley().args(args).args(paths).output().expect("galley runs");
    assert_eq!(output.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn report_shows_the_output_escaped_and_what_changed() {
    let dir = temp_dir();
    let (input, old, out) = (dir.path().join("in"), dir.path().join("old"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS);
    run(&["clean", "-q", "-o"], &[&old, &input]);
    fs::remove_file(input.join(SEEDS[2])).expect("removed");
    fs::write(input.join("markup.txt"), "本报讯（记者王明）<script>alert(1)</script>市区今天下午停水，请居民储水。\n")
        .expect("page with markup");
    run(&["clean", "-q", "-o"], &[&out, &input]);
    let report = dir.path().join("report.html");
    run(&["report"], &[&out, Path::new("-o"), &report, Path::new("--diff"), &old]);

    let html = fs::read_to_string(&report).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..100]);
    for id in ["totals", "items-per-page", "article-lengths", "rules", "warnings", "orphans", "changes", "pages"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "no #{id}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the page's markup is shown as text");
    assert!(!html.contains("<script>alert"), "a page's markup never runs");
    assert!(!html.contains("http://") && !html.contains("https://"), "nothing is fetched");
    assert!(html.contains("item added: <code>markup/01</code>"));
    assert!(html.contains(&format!("page gone: <b>{}</b>#1", SEEDS[2])));
    assert_eq!(html.matches("<details data-source=").count(), SEEDS.len(), "one folded view per page");
    assert!(html.contains("<td>continuation</td>"), "removals are counted per rule");
}

#[test]
fn report_of_a_folder_that_is_no_output_fails() {
    let dir = temp_dir();
    let output = galley().arg("report").arg(dir.path()).arg("-o").arg("-").output().expect("galley runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("pages.jsonl"));
}
