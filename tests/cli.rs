//! The `galley` binary in temporary folders: the output contract, exit
//! statuses, determinism across thread counts and shards, bad inputs,
//! `--rules`, standard input and the output formats
//! (design/pipeline.md, "Command line" and "Output contract").

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use serde_json::{Value, json};

use common::{
    MANIFEST_FIELDS, PAGE_FIELDS, SEEDS, assert_same_files, copy_seeds, galley, item_files, json_lines, keys_in_order,
    read_json_lines, read_text, seed, temp_dir, tree,
};

/// Runs `galley clean <inputs> -o <out> -q <extra>`.
fn clean(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    galley().arg("clean").args(inputs).arg("-o").arg(out).arg("-q").args(extra).output().expect("galley runs")
}

/// Like [`clean`], and asserts the run succeeded.
fn clean_ok(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    let output = clean(inputs, out, extra);
    assert_eq!(output.status.code(), Some(0), "galley clean {inputs:?} {extra:?} failed: {}", stderr(&output));
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// An item file's name: two digits (the seeds have fewer than 100 items
/// per file) and `.txt`.
fn is_item_name(name: &str) -> bool {
    name.len() == 6 && name.ends_with(".txt") && name[..2].bytes().all(|b| b.is_ascii_digit())
}

fn str_field<'v>(value: &'v Value, field: &str) -> &'v str {
    value[field].as_str().unwrap_or_else(|| panic!("{field} is not a string in {value}"))
}

fn num_field(value: &Value, field: &str) -> u64 {
    value[field].as_u64().unwrap_or_else(|| panic!("{field} is not a number in {value}"))
}

/// The text an item with these manifest fields must have: headline lines,
/// a blank line, then the body paragraphs separated by blank lines.
fn check_item_layout(entry: &Value, text: &str) {
    let headline: Vec<&str> = ["kicker", "title", "subtitle"].iter().filter_map(|f| entry[*f].as_str()).collect();
    let body = if headline.is_empty() {
        text
    } else {
        let prefix = format!("{}\n\n", headline.join("\n"));
        text.strip_prefix(&prefix).unwrap_or_else(|| panic!("{entry}\nitem does not open with {prefix:?}:\n{text}"))
    };
    let body = body.strip_suffix('\n').expect("ends with a newline");
    let paragraphs: Vec<&str> = body.split("\n\n").collect();
    assert_eq!(paragraphs.len() as u64, num_field(entry, "paragraphs"), "{entry}\nparagraphs of:\n{text}");
    for paragraph in &paragraphs {
        assert!(!paragraph.is_empty() && !paragraph.contains('\n'), "{entry}\nparagraph on one line:\n{text}");
    }
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    assert_eq!(chars as u64, num_field(entry, "chars"), "{entry}\nchars of:\n{text}");
}

#[test]
fn clean_writes_item_files_manifest_and_pages_by_the_contract() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS);

    let output = clean_ok(&[&input], &out, &[]);
    assert!(output.stderr.is_empty(), "-q prints nothing on success: {}", stderr(&output));

    let files = tree(&out);
    let manifest_text = read_text(&out.join("manifest.jsonl"));
    let pages_text = read_text(&out.join("pages.jsonl"));

    // Item files: <seed without extension>/NN.txt, UTF-8, LF, one final newline.
    let stems: BTreeSet<&str> = SEEDS.iter().map(|s| s.trim_end_matches(".txt")).collect();
    let items = item_files(&files);
    assert_eq!(
        files.len(),
        items.len() + 3,
        "only the manifests and sources.jsonl beside the item folders (and run.json): {:?}",
        files.keys()
    );
    for (name, bytes) in &items {
        let (folder, file) = name.split_once('/').expect("folder/file");
        assert!(stems.contains(folder), "{name} is in no seed's folder");
        assert!(is_item_name(file), "{name} is not a two-digit item name");
        let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
        assert!(!text.contains('\r'), "{name} has a CR:\n{text}");
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{name} must end in exactly one newline:\n{text:?}");
        assert!(!text.contains("\n\n\n"), "{name} has more than one blank line in a row:\n{text}");
    }

    // manifest.jsonl: the contract's fields in order, one line per item file.
    let manifest = json_lines(&manifest_text);
    for (line, entry) in manifest_text.lines().zip(&manifest) {
        assert_eq!(keys_in_order(line), MANIFEST_FIELDS, "manifest fields of {line}");
        let path = str_field(entry, "path");
        let id = str_field(entry, "id");
        assert_eq!(path, format!("{id}.txt"), "{line}");
        assert!(out.join(path).is_file(), "manifest path {path} does not exist");
        assert!(SEEDS.contains(&str_field(entry, "source")), "{line}");
        assert!(num_field(entry, "page") >= 1, "{line}");
        assert_eq!(path.rsplit('/').next(), Some(format!("{:02}.txt", num_field(entry, "index")).as_str()), "{line}");
        assert!(["article", "brief", "notice"].contains(&str_field(entry, "kind")), "{line}");
        check_item_layout(entry, std::str::from_utf8(&items[path]).expect("UTF-8"));
    }
    let listed: BTreeSet<&str> = manifest.iter().map(|e| str_field(e, "path")).collect();
    let written: BTreeSet<&str> = items.keys().map(String::as_str).collect();
    assert_eq!(listed, written, "manifest paths and item files");
    let order: Vec<(&str, u64, u64)> =
        manifest.iter().map(|e| (str_field(e, "source"), num_field(e, "page"), num_field(e, "index"))).collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "manifest is sorted by source, page, index");

    // pages.jsonl: one record per page (each seed is one page), items add up.
    let pages = json_lines(&pages_text);
    for line in pages_text.lines() {
        assert_eq!(keys_in_order(line), PAGE_FIELDS, "pages.jsonl fields of {line}");
    }
    let sources: Vec<&str> = pages.iter().map(|p| str_field(p, "source")).collect();
    assert_eq!(sources, SEEDS, "one page record per seed, in order");
    for page in &pages {
        let source = str_field(page, "source");
        let listed = manifest.iter().filter(|e| str_field(e, "source") == source).count() as u64;
        assert!(listed > 0, "{source} yields no item");
        assert_eq!(num_field(page, "items"), listed, "items of {page}");
        assert_eq!(str_field(page, "encoding"), "UTF-8", "{page}");
        assert_eq!(num_field(page, "bytes"), seed(source).len() as u64, "{page}");
        for list in ["removed", "orphans", "warnings"] {
            assert!(page[list].is_array(), "{list} is a list in {page}");
        }
    }
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let dir = temp_dir();
    let input = dir.path().join("in");
    copy_seeds(&input, &SEEDS);
    let (one, eight) = (dir.path().join("j1"), dir.path().join("j8"));
    clean_ok(&[&input], &one, &["-j", "1"]);
    clean_ok(&[&input], &eight, &["-j", "8"]);
    assert_same_files(&tree(&one), &tree(&eight), "-j 1 vs -j 8");
}

#[test]
fn a_second_run_into_the_same_out_is_byte_identical() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS);
    clean_ok(&[&input], &out, &["-j", "8"]);
    let first = tree(&out);
    clean_ok(&[&input], &out, &["-j", "8"]);
    assert_same_files(&first, &tree(&out), "first run vs second run");
}

#[test]
fn cleaning_an_output_folder_again_skips_its_records() {
    let dir = temp_dir();
    let (input, out, again) = (dir.path().join("in"), dir.path().join("out"), dir.path().join("again"));
    copy_seeds(&input, &SEEDS);
    clean_ok(&[&input], &out, &[]);
    let output = clean_ok(&[&out], &again, &[]);
    let stderr = stderr(&output);
    for record in ["manifest.jsonl", "pages.jsonl"] {
        assert_eq!(lines_naming(&stderr, record).len(), 1, "{stderr}");
        assert!(!again.join(record.trim_end_matches(".jsonl")).exists(), "{record} was cleaned as a page");
    }
}

#[test]
fn two_shards_add_up_to_the_full_run() {
    let dir = temp_dir();
    let input = dir.path().join("in");
    copy_seeds(&input, &SEEDS);
    let (full, first, second) = (dir.path().join("full"), dir.path().join("s1"), dir.path().join("s2"));
    clean_ok(&[&input], &full, &[]);
    clean_ok(&[&input], &first, &["--shard", "1/2"]);
    clean_ok(&[&input], &second, &["--shard", "2/2"]);

    let (first_items, second_items) = (item_files(&tree(&first)), item_files(&tree(&second)));
    assert!(!first_items.is_empty() && !second_items.is_empty(), "each shard cleans something");
    let shared: Vec<&String> = first_items.keys().filter(|k| second_items.contains_key(*k)).collect();
    assert!(shared.is_empty(), "both shards wrote {shared:?}");
    let mut union = first_items;
    union.extend(second_items);
    assert_same_files(&union, &item_files(&tree(&full)), "shard 1/2 + shard 2/2 vs full run");

    for name in ["manifest.jsonl", "pages.jsonl"] {
        let mut lines: Vec<String> = [&first, &second]
            .iter()
            .flat_map(|d| read_text(&d.join(name)).lines().map(str::to_owned).collect::<Vec<_>>())
            .collect();
        lines.sort();
        let mut whole: Vec<String> = read_text(&full.join(name)).lines().map(str::to_owned).collect();
        whole.sort();
        assert_eq!(lines, whole, "{name} of the two shards vs the full run");
    }
}

/// A deterministic stand-in for random bytes (Knuth's MMIX LCG).
fn noise(len: usize) -> Vec<u8> {
    let mut state: u64 = 0x5EED;
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as u8
        })
        .collect()
}

/// The stderr lines that name `name`.
fn lines_naming<'e>(stderr: &'e str, name: &str) -> Vec<&'e str> {
    stderr.lines().filter(|l| l.contains(name)).collect()
}

#[test]
fn unreadable_file_fails_the_run_but_not_the_others() {
    let dir = temp_dir();
    let (input, reference) = (dir.path().join("in"), dir.path().join("reference"));
    let two = [SEEDS[0], SEEDS[3]];
    copy_seeds(&reference, &two);
    copy_seeds(&input, &two);
    fs::write(input.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0")
        .expect("png");
    fs::write(input.join("empty.txt"), b"").expect("empty");
    fs::write(input.join("noise.bin"), noise(4096)).expect("noise");
    let bad_name = std::ffi::OsStr::from_bytes(b"bad\xff.txt");
    fs::write(input.join(bad_name), seed(SEEDS[1])).expect("file with a non-UTF-8 name");

    // A chmod 000 file is unreadable to everyone but root, and these tests
    // may run as root (who reads it anyway). A Unix domain socket cannot be
    // read as a file by anyone, and galley fails non-regular files, so as
    // root the socket stands in for the unreadable file.
    let locked = input.join("locked.txt");
    fs::write(&locked, seed(SEEDS[2])).expect("locked file");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let mut socket = None;
    let (locked_reason, can_read) = match fs::read(&locked) {
        Ok(_) => {
            fs::remove_file(&locked).expect("remove the readable file");
            socket = Some(std::os::unix::net::UnixListener::bind(&locked).expect("bind a socket"));
            ("not a regular file", true)
        }
        Err(_) => ("permission denied", false),
    };

    let (expected_out, out, out_without) =
        (dir.path().join("expected"), dir.path().join("out"), dir.path().join("out2"));
    clean_ok(&[&reference], &expected_out, &[]);
    let expected = tree(&expected_out);

    let output = clean(&[&input], &out, &[]);
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "galley panicked:\n{err}");
    assert_eq!(output.status.code(), Some(1), "an unreadable file fails the run (root: {can_read}):\n{err}");
    let reasons = [
        ("image.png", "not text"),
        ("empty.txt", "empty"),
        ("noise.bin", "not text"),
        ("bad\u{FFFD}.txt", "not valid UTF-8"),
        ("locked.txt", locked_reason),
    ];
    for (name, reason) in reasons {
        let lines = lines_naming(&err, name);
        assert_eq!(lines.len(), 1, "{name} is named exactly once on stderr:\n{err}");
        assert!(
            lines[0].starts_with("galley: ") && lines[0].to_lowercase().contains(&reason.to_lowercase()),
            "{name}: expected {reason:?} in:\n{err}"
        );
    }
    assert_eq!(err.lines().count(), reasons.len(), "one stderr line per bad file, nothing else:\n{err}");
    assert_same_files(&expected, &tree(&out), "the two seeds beside bad files vs alone");

    // The same folder without the unreadable file: skipped files are not failures.
    drop(socket);
    fs::remove_file(&locked).expect("remove the unreadable file");
    let output = clean(&[&input], &out_without, &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "skipped files alone do not fail the run:\n{err}");
    assert_eq!(err.lines().count(), reasons.len() - 1, "the skipped files are still named:\n{err}");
    assert_same_files(&expected, &tree(&out_without), "the two seeds beside skipped files vs alone");
}

/// Runs `galley clean` with `args` (no `-o`: each is given) and asserts a
/// usage error: status 2, a message naming `needle`, nothing written.
fn assert_usage_error(dir: &Path, args: &[&str], needle: &str) {
    let input = dir.join("in");
    copy_seeds(&input, &[SEEDS[0]]);
    let out = dir.join("out");
    let output = clean(&[&input], &out, args);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?} is bad usage:\n{err}");
    assert!(err.contains(needle), "{args:?}: the message names {needle:?}:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.exists(), "{args:?}: a bad request writes nothing");
}

#[test]
fn unknown_encoding_is_a_usage_error_naming_it() {
    assert_usage_error(temp_dir().path(), &["--encoding", "klingon"], "klingon");
}

#[test]
fn shard_beyond_its_count_is_a_usage_error() {
    assert_usage_error(temp_dir().path(), &["--shard", "3/2"], "3/2");
}

#[test]
fn zero_threads_is_a_usage_error() {
    assert_usage_error(temp_dir().path(), &["-j", "0"], "--jobs");
}

#[test]
fn bad_regex_in_rules_names_the_file_and_line() {
    let dir = temp_dir();
    let rules = dir.path().join("rules.toml");
    // The bad regex is on line 9, after a good rule.
    fs::write(
        &rules,
        "[[rule]]\nname = \"fine\"\nkind = \"furniture\"\nregex = '^FINE'\n\n\
         [[rule]]\nname = \"broken\"\nkind = \"furniture\"\nregex = '(unclosed'\n",
    )
    .expect("rules file");
    assert_usage_error(dir.path(), &["--rules", rules.to_str().expect("UTF-8 temp path")], "rules.toml:9");
}

const GAZETTE_RULES: &str =
    "[[rule]]\nname = \"gazette-header\"\nkind = \"furniture\"\nregex = '^THE ANYTOWN GAZETTE'\n";

#[test]
fn rules_file_furniture_is_removed_from_items_and_recorded() {
    let dir = temp_dir();
    let (plain, invented) = (dir.path().join("plain"), dir.path().join("invented"));
    let name = SEEDS[3];
    copy_seeds(&plain, &[name]);
    // An invented running head in the middle of seed 003, right after line
    // 19 (`管理、点对点管理,…交叉感染、聚集性感染。`), before the next paragraph.
    let page = common::seed_text(name);
    let mut lines: Vec<&str> = page.split('\n').collect();
    assert!(lines[18].starts_with("管理、点对点管理"), "seed 003 line 19 moved: {}", lines[18]);
    lines.insert(19, "THE ANYTOWN GAZETTE  Tuesday, March 15  Page A1");
    fs::create_dir_all(&invented).expect("folder");
    fs::write(invented.join(name), lines.join("\n")).expect("invented page");
    let rules = dir.path().join("rules.toml");
    fs::write(&rules, GAZETTE_RULES).expect("rules file");
    let rules = rules.to_str().expect("UTF-8 temp path");

    // Without the rule the head lands in an item: the test can fail.
    let without = dir.path().join("without");
    clean_ok(&[&invented], &without, &[]);
    let leaked = item_files(&tree(&without)).values().any(|b| String::from_utf8_lossy(b).contains("ANYTOWN"));
    assert!(leaked, "without --rules the invented head should stay in an item");

    let (with, reference) = (dir.path().join("with"), dir.path().join("reference"));
    clean_ok(&[&invented], &with, &["--rules", rules]);
    clean_ok(&[&plain], &reference, &["--rules", rules]);
    let items = item_files(&tree(&with));
    for (item, bytes) in &items {
        assert!(!String::from_utf8_lossy(bytes).contains("ANYTOWN"), "{item} keeps the head");
    }
    assert_same_files(&items, &item_files(&tree(&reference)), "items with the head removed vs the page without it");

    let pages = read_json_lines(&with.join("pages.jsonl"));
    let removed = pages[0]["removed"].as_array().expect("removed list");
    let gazette: Vec<&Value> = removed.iter().filter(|r| r["rule"] == "gazette-header").collect();
    assert_eq!(gazette.len(), 1, "one removal by the user rule: {removed:?}");
    assert!(str_field(gazette[0], "text").starts_with("THE ANYTOWN GAZETTE"), "{removed:?}");
}

#[test]
fn stdin_page_goes_to_stdout_as_json_lines_with_text() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("folder-out"));
    let name = SEEDS[3];
    copy_seeds(&input, &[name]);
    clean_ok(&[&input], &out, &[]);

    // Run in `dir`, so that the default OUT would be `dir/out`.
    let output =
        galley().args(["clean", "-", "-q"]).current_dir(dir.path()).write_stdin(seed(name)).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let entries = json_lines(&text);
    let mut fields: Vec<&str> = MANIFEST_FIELDS.to_vec();
    fields.push("text");
    for line in text.lines() {
        assert_eq!(keys_in_order(line), fields, "stdout fields of {line}");
    }
    let items = item_files(&tree(&out));
    assert!(!items.is_empty(), "the folder run yields items");
    assert_eq!(entries.len(), items.len(), "one JSON line per item of the same page cleaned from a folder");
    for (entry, (item, bytes)) in entries.iter().zip(&items) {
        let file = std::str::from_utf8(bytes).expect("UTF-8");
        assert_eq!(str_field(entry, "text"), file, "stdout text vs {item}");
    }
    assert!(!dir.path().join("out").exists(), "standard input writes to stdout only");
}

#[test]
fn stdin_cannot_be_combined_with_another_input() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &[SEEDS[0]]);
    let output = galley()
        .args(["clean", "-"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .arg("-q")
        .write_stdin(seed(SEEDS[3]))
        .output()
        .expect("runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "`-` with a folder is bad usage:\n{err}");
    assert!(err.starts_with("galley: ") || err.starts_with("error:"), "a message says why:\n{err}");
    assert!(output.stdout.is_empty(), "nothing on stdout: {}", stdout(&output));
    assert!(!out.exists(), "nothing written");
}

#[test]
fn jsonl_format_writes_articles_and_pages_without_item_files() {
    let dir = temp_dir();
    let input = dir.path().join("in");
    copy_seeds(&input, &SEEDS);
    let (txt, jsonl) = (dir.path().join("txt"), dir.path().join("jsonl"));
    clean_ok(&[&input], &txt, &[]);
    clean_ok(&[&input], &jsonl, &["--format", "jsonl"]);

    let names: Vec<String> = tree(&jsonl).into_keys().collect();
    assert_eq!(names, ["articles.jsonl", "pages.jsonl", "sources.jsonl"], "only the JSON-lines records");
    assert_eq!(read_text(&jsonl.join("pages.jsonl")), read_text(&txt.join("pages.jsonl")), "pages.jsonl as for txt");

    let articles_text = read_text(&jsonl.join("articles.jsonl"));
    let articles = json_lines(&articles_text);
    let manifest = read_json_lines(&txt.join("manifest.jsonl"));
    assert!(!manifest.is_empty(), "the seeds yield items");
    assert_eq!(articles.len(), manifest.len(), "one article line per manifest line");
    let mut fields: Vec<&str> = MANIFEST_FIELDS.to_vec();
    fields.push("text");
    for ((line, article), entry) in articles_text.lines().zip(&articles).zip(&manifest) {
        assert_eq!(keys_in_order(line), fields, "articles.jsonl fields of {line}");
        assert_eq!(article["id"], entry["id"], "{line}");
        assert_eq!(article["title"], entry["title"], "{line}");
        assert_eq!(article["path"], Value::Null, "no item file to point at: {line}");
        let file = read_text(&txt.join(str_field(entry, "path")));
        assert_eq!(str_field(article, "text"), file, "text of {}", str_field(entry, "id"));
    }
}

#[test]
fn keep_furniture_leaves_the_continuation_note_in_the_text_and_records_it() {
    // Seed 000, end of the first article: `…真落实”要求。（下转A02版③）`.
    let dir = temp_dir();
    let input = dir.path().join("in");
    copy_seeds(&input, &[SEEDS[0]]);
    let (plain, kept) = (dir.path().join("plain"), dir.path().join("kept"));
    clean_ok(&[&input], &plain, &[]);
    clean_ok(&[&input], &kept, &["--keep-furniture"]);
    let item = "000_fb8c58d83bfc38bd/01.txt";
    let note = "（下转A02版③）";

    let plain_text = read_text(&plain.join(item));
    assert!(!plain_text.contains(note), "by default the note is taken out:\n{plain_text}");
    let kept_text = read_text(&kept.join(item));
    assert!(kept_text.contains(note), "--keep-furniture leaves the note in:\n{kept_text}");

    for out in [&plain, &kept] {
        let pages = read_json_lines(&out.join("pages.jsonl"));
        let removed = pages[0]["removed"].as_array().expect("removed list");
        assert!(
            removed.contains(&json!({"rule": "continuation", "text": note})),
            "{} records it: {removed:?}",
            out.display()
        );
    }
}

#[test]
fn help_names_the_commands_and_clean_help_its_flags() {
    let output = galley().arg("--help").output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let top = stdout(&output);
    for word in ["clean", "explain"] {
        assert!(top.contains(word), "galley --help names {word}:\n{top}");
    }

    let output = galley().args(["clean", "--help"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let clean = stdout(&output);
    for flag in ["--shard", "--encoding", "--rules", "--format", "--keep-furniture", "--jobs"] {
        assert!(clean.contains(flag), "galley clean --help names {flag}:\n{clean}");
    }
}

#[test]
fn item_files_left_by_an_earlier_run_are_removed() {
    let dir = temp_dir();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).expect("folder");
    let page = input.join("page.txt");
    let out = dir.path().join("out");

    // Seed 000 yields several items, seed 002 (one web article) one.
    fs::write(&page, seed(SEEDS[0])).expect("long page");
    clean_ok(&[&input], &out, &[]);
    let before = fs::read_dir(out.join("page")).expect("item folder").count();
    assert!(before > 1, "the first page yields several items");

    fs::write(&page, seed(SEEDS[2])).expect("short page");
    clean_ok(&[&input], &out, &[]);
    let fresh = dir.path().join("fresh");
    clean_ok(&[&input], &fresh, &[]);
    let rerun: BTreeMap<String, Vec<u8>> = tree(&out);
    assert_same_files(&rerun, &tree(&fresh), "rerun over an earlier output vs a fresh run");
}

#[test]
fn unreadable_file_is_named_with_the_reason_it_failed() {
    // The stderr line of a failed file is `galley: <path>: <reason>`
    // (house-style.md, "Errors"). A chmod 000 file gives the I/O failure;
    // root reads it anyway, so as root galley runs as `nobody` (uid 65534),
    // who needs to enter the folders and write the output.
    use std::os::unix::process::CommandExt;

    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &[SEEDS[0]]);
    let locked = input.join("locked.txt");
    fs::write(&locked, seed(SEEDS[3])).expect("locked file");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");

    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_galley"));
    if fs::read(&locked).is_ok() {
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).expect("open the temp dir");
        fs::set_permissions(&input, fs::Permissions::from_mode(0o755)).expect("open the input");
        fs::set_permissions(input.join(SEEDS[0]), fs::Permissions::from_mode(0o644)).expect("open the seed");
        command.uid(65534).gid(65534);
    }
    let output = command.arg("clean").arg(&input).arg("-o").arg(&out).arg("-q").output().expect("galley runs");
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "an unreadable file fails the run:\n{err}");
    let lines = lines_naming(&err, "locked.txt");
    assert_eq!(lines.len(), 1, "named once:\n{err}");
    let expected = format!("galley: {}: ", locked.display());
    let reason = lines[0].strip_prefix(&expected).unwrap_or_else(|| panic!("expected {expected:?}…:\n{err}"));
    assert!(reason.to_lowercase().contains("permission denied"), "the reason is given, got {reason:?}:\n{err}");
    assert!(out.join("000_fb8c58d83bfc38bd").join("01.txt").is_file(), "the readable seed is still cleaned");
}
