//! What a user must be able to trust, tried as a careless user and as an
//! attacker would: galley writes nowhere but OUT, a run replaces OUT whole
//! or not at all (a typo, a kill -9, a full disk), and every request it
//! cannot honour fails before anything is written, with one clear line.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

use common::{SEEDS, assert_same_files, copy_seeds, galley, json_lines, read_json_lines, seed, temp_dir, tree};

/// Runs `galley clean <inputs> -o <out> -q <extra>`.
fn clean(inputs: &[&Path], out: &Path, extra: &[&str]) -> Output {
    galley().arg("clean").args(inputs).arg("-o").arg(out).arg("-q").args(extra).output().expect("galley runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts the run ended with `code` and said why in one stderr line
/// holding `needle`.
fn assert_fails(output: &Output, code: i32, needle: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line of reason: {err}");
    assert!(err.contains(needle), "{needle:?} not in: {err}");
}

/// Checks that an output folder is consistent: the manifest lists exactly
/// the item files present, and `pages.jsonl` a page of every listed source.
/// Returns the listed paths.
fn assert_consistent(out: &Path) -> BTreeSet<String> {
    let manifest = read_json_lines(&out.join("manifest.jsonl"));
    let listed: BTreeSet<String> = manifest.iter().map(|e| e["path"].as_str().expect("path").to_owned()).collect();
    let present: BTreeSet<String> = tree(out).into_keys().filter(|name| name.ends_with(".txt")).collect();
    assert_eq!(listed, present, "{}: manifest and item files disagree", out.display());
    let paged: BTreeSet<String> = read_json_lines(&out.join("pages.jsonl"))
        .iter()
        .map(|p| p["source"].as_str().expect("source").into())
        .collect();
    for entry in &manifest {
        assert!(paged.contains(entry["source"].as_str().expect("source")), "no page record for {entry}");
    }
    listed
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).expect("folder").map(|e| e.expect("entry").file_name().to_string_lossy().into()).collect();
    names.sort();
    names
}

#[test]
fn hostile_file_names_write_only_inside_out() {
    let tmp = temp_dir();
    let pages = tmp.path().join("batch/pages");
    let text = seed(SEEDS[2]);
    // Legal Unix names that mean something else to a path or a shell.
    let hostile =
        ["a\\..\\..\\..\\victim.txt", "x\\..\\..\\y.txt", "-rf.txt", "line\nbreak.txt", "100%.txt", "\\abs.txt"];
    fs::create_dir_all(&pages).expect("folder");
    for name in hostile {
        fs::write(pages.join(name), &text).expect("page");
    }
    let out = tmp.path().join("batch/out");
    let output = clean(&[&pages], &out, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(names(tmp.path()), ["batch"], "nothing written beside the batch");
    assert_eq!(names(&tmp.path().join("batch")), ["out", "pages"], "nothing written beside OUT");
    let listed = assert_consistent(&out);
    let sources: BTreeSet<String> =
        read_json_lines(&out.join("manifest.jsonl")).iter().map(|e| e["source"].as_str().expect("s").into()).collect();
    assert_eq!(sources, hostile.iter().map(|s| s.to_string()).collect(), "each page keeps its real name");
    for path in &listed {
        let components = Path::new(path).components();
        assert!(components.clone().count() == 2, "{path:?}: one folder per page, directly in OUT");
        assert!(!path.starts_with('-') && !path.contains(['\\', '\n']), "{path:?}: unescaped");
    }
}

#[test]
fn a_typo_in_the_input_leaves_a_finished_output_as_it_was() {
    let tmp = temp_dir();
    let pages = tmp.path().join("seeds");
    copy_seeds(&pages, &SEEDS);
    let out = tmp.path().join("out");
    assert_eq!(clean(&[&pages], &out, &[]).status.code(), Some(0));
    let before = tree(&out);
    assert_fails(&clean(&[&tmp.path().join("seedz")], &out, &[]), 2, "seedz: no such file or folder");
    assert_fails(&clean(&[&pages, &tmp.path().join("seedz")], &out, &[]), 2, "no such file or folder");
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).expect("folder");
    assert_fails(&clean(&[&empty], &out, &[]), 2, "no page files found");
    assert_same_files(&before, &tree(&out), "OUT after failed runs");
    assert_eq!(names(tmp.path()), ["empty", "out", "seeds"], "no staging folder left");
}

#[test]
fn out_that_is_or_holds_an_input_is_a_usage_error() {
    let tmp = temp_dir();
    let pages = tmp.path().join("pages");
    copy_seeds(&pages, &SEEDS[..2]);
    let before = tree(&pages);
    assert_fails(&clean(&[&pages], &pages, &[]), 2, "lies inside it");
    assert_fails(&clean(&[&pages.join(SEEDS[0])], &pages, &[]), 2, "lies inside it");
    assert_fails(&clean(&[&pages], tmp.path(), &[]), 2, "lies inside it");
    assert_same_files(&before, &tree(&pages), "the input folder");
    // OUT inside the input folder stays out of the walk.
    let inner = pages.join("clean");
    assert_eq!(clean(&[&pages], &inner, &[]).status.code(), Some(0));
    assert_eq!(clean(&[&pages], &inner, &[]).status.code(), Some(0));
    let sources: BTreeSet<String> =
        read_json_lines(&inner.join("pages.jsonl")).iter().map(|p| p["source"].as_str().expect("s").into()).collect();
    assert_eq!(sources, SEEDS[..2].iter().map(|s| s.to_string()).collect());
}

#[test]
fn out_that_is_a_file_or_a_folder_of_other_files_is_refused_untouched() {
    let tmp = temp_dir();
    let pages = tmp.path().join("pages");
    copy_seeds(&pages, &SEEDS[..1]);
    let mine = tmp.path().join("mine");
    fs::create_dir(&mine).expect("folder");
    fs::write(mine.join("thesis.tex"), "mine").expect("file");
    assert_fails(&clean(&[&pages], &mine, &[]), 2, "did not write");
    assert_fails(&clean(&[&pages], &mine.join("thesis.tex"), &[]), 2, "is a file");
    assert_eq!(names(&mine), ["thesis.tex"]);
    assert_eq!(names(tmp.path()), ["mine", "pages"]);
    // An empty folder with a placeholder is fine, and keeps its placeholder.
    let placeholder = tmp.path().join("out");
    fs::create_dir(&placeholder).expect("folder");
    fs::write(placeholder.join(".gitkeep"), "").expect("placeholder");
    assert_eq!(clean(&[&pages], &placeholder, &[]).status.code(), Some(0));
    assert!(placeholder.join(".gitkeep").is_file() && placeholder.join("manifest.jsonl").is_file());
}

#[test]
fn items_of_removed_inputs_and_the_other_formats_records_go() {
    let tmp = temp_dir();
    let pages = tmp.path().join("pages");
    copy_seeds(&pages, &SEEDS);
    let out = tmp.path().join("out");
    assert_eq!(clean(&[&pages], &out, &[]).status.code(), Some(0));
    fs::remove_file(pages.join(SEEDS[0])).expect("removed");
    assert_eq!(clean(&[&pages], &out, &[]).status.code(), Some(0));
    assert!(!out.join(SEEDS[0].trim_end_matches(".txt")).exists(), "the removed page's items are gone");
    assert_consistent(&out);
    assert_eq!(clean(&[&pages], &out, &["--format", "jsonl"]).status.code(), Some(0));
    assert_eq!(
        names(&out),
        ["articles.jsonl", "pages.jsonl", "run.json", "sources.jsonl"],
        "no item files or manifest of the txt format"
    );
}

/// A batch big enough that a debug build takes a while on it.
fn big_batch(dir: &Path, copies: usize) {
    fs::create_dir_all(dir).expect("folder");
    for k in 0..copies {
        for name in SEEDS {
            fs::write(dir.join(format!("{k:03}_{name}")), seed(name)).expect("page");
        }
    }
}

#[test]
fn kill_during_a_rerun_leaves_the_old_output_or_the_new_one() {
    let tmp = temp_dir();
    let pages = tmp.path().join("pages");
    big_batch(&pages, 40);
    let out = tmp.path().join("out");
    assert_eq!(clean(&[&pages], &out, &["-j", "2"]).status.code(), Some(0));
    let old = tree(&out);
    // The rerun cleans a different batch, so old and new outputs differ.
    fs::remove_file(pages.join(format!("000_{}", SEEDS[0]))).expect("removed");
    let mut outcomes = BTreeMap::new();
    for delay_ms in [0, 30, 100, 250, 500, 1000, 2000, 4000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_galley"))
            .arg("clean")
            .arg(&pages)
            .arg("-o")
            .arg(&out)
            .args(["-q", "-j", "2"])
            .stderr(Stdio::null())
            .spawn()
            .expect("galley starts");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("kill -9");
        child.wait().expect("reaped");
        assert_consistent(&out);
        let now = tree(&out);
        let kind = if now == old { "old" } else { "new" };
        if kind == "new" {
            assert!(!now.keys().any(|k| k.starts_with("000_000")), "a new output holds no removed page");
        }
        outcomes.insert(delay_ms, kind);
        let leftovers: Vec<String> = names(tmp.path()).into_iter().filter(|n| n.starts_with('.')).collect();
        assert!(leftovers.len() <= 1, "at most one interrupted staging folder: {leftovers:?}");
    }
    println!("outcome by delay before kill -9: {outcomes:?}");
    // The next run completes and cleans up after the killed ones.
    assert_eq!(clean(&[&pages], &out, &[]).status.code(), Some(0));
    assert_eq!(names(tmp.path()), ["out", "pages"]);
}

#[test]
fn a_full_disk_fails_the_run_once_and_leaves_out_as_it_was() {
    // A small tmpfs, mounted in a user and mount namespace of its own.
    let unshare = Command::new("unshare").args(["-rm", "true"]).status();
    if !unshare.is_ok_and(|s| s.success()) {
        println!("skipped: unshare -rm is not permitted here, so no small file system can be mounted");
        return;
    }
    let tmp = temp_dir();
    let (small, big) = (tmp.path().join("small"), tmp.path().join("big"));
    copy_seeds(&small, &SEEDS[..1]);
    big_batch(&big, 20);
    let disk = tmp.path().join("disk");
    fs::create_dir(&disk).expect("mount point");
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_galley"));
    let script = r#"
        set -u
        mount -t tmpfs -o size=256k tmpfs "$DISK" || exit 99
        "$GALLEY" clean "$SMALL" -o "$DISK/out" -q || exit 98
        before=$(cd "$DISK/out" && find . -type f | sort | xargs md5sum)
        "$GALLEY" clean "$BIG" -o "$DISK/out" -q 2>"$DISK/../err"
        echo "status=$?"
        after=$(cd "$DISK/out" && find . -type f | sort | xargs md5sum)
        [ "$before" = "$after" ] && echo "out=unchanged"
        echo "entries=$(ls -A "$DISK" | tr '\n' ' ')"
    "#;
    let output = Command::new("unshare")
        .args(["-rm", "sh", "-c", script])
        .env("DISK", &disk)
        .env("GALLEY", &bin)
        .env("SMALL", &small)
        .env("BIG", &big)
        .output()
        .expect("unshare runs");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("status=1"), "the run fails with exit 1: {said} {}", stderr(&output));
    assert!(said.contains("out=unchanged"), "OUT is as it was: {said}");
    assert!(said.contains("entries=out \n") || said.trim_end().ends_with("entries=out"), "no staging left: {said}");
    let err = fs::read_to_string(tmp.path().join("err")).expect("stderr kept");
    assert_eq!(err.lines().count(), 1, "one line, not one per input: {err}");
    assert!(err.contains("No space left on device") && err.contains("OUT is left as it was"), "{err}");
}

#[test]
fn absurd_thread_counts_are_clamped_with_a_note() {
    let tmp = temp_dir();
    let pages = tmp.path().join("pages");
    copy_seeds(&pages, &SEEDS[..2]);
    let output = galley().arg("clean").arg(&pages).arg("-o").arg(tmp.path().join("out")).args(["-j", "65535"]).output();
    let output = output.expect("galley runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("note: -j 65535 is more than 4 threads per core"), "{}", stderr(&output));
}

#[test]
fn standard_input_takes_out_format_and_writes_its_page_record() {
    let tmp = temp_dir();
    let out = tmp.path().join("out");
    let run = |extra: &[&str]| {
        galley()
            .args(["clean", "-", "-o"])
            .arg(&out)
            .arg("-q")
            .args(extra)
            .write_stdin(seed(SEEDS[1]))
            .output()
            .expect("galley runs")
    };
    assert_eq!(run(&[]).status.code(), Some(0));
    let manifest = read_json_lines(&out.join("manifest.jsonl"));
    assert!(!manifest.is_empty() && manifest.iter().all(|e| e["source"] == "-"));
    assert!(out.join("stdin/01.txt").is_file());
    assert_eq!(read_json_lines(&out.join("pages.jsonl")).len(), 1);
    assert_eq!(run(&["--format", "jsonl"]).status.code(), Some(0));
    let articles = read_json_lines(&out.join("articles.jsonl"));
    assert_eq!(articles.len(), manifest.len());
    assert!(articles.iter().all(|a| a["text"].is_string()));
    let shard = galley().args(["clean", "-", "--shard", "1/2"]).write_stdin("x").output().expect("runs");
    assert_fails(&shard, 2, "--shard");
}

#[test]
fn standard_input_to_standard_output_reports_its_warnings() {
    let mut page = seed(SEEDS[2]);
    page.extend_from_slice(b"\xff\xfe tail\n");
    let output = galley().args(["clean", "-"]).write_stdin(page).output().expect("galley runs");
    assert_eq!(output.status.code(), Some(0));
    let items = json_lines(&String::from_utf8(output.stdout.clone()).expect("UTF-8"));
    assert!(!items.is_empty());
    let err = stderr(&output);
    assert!(err.contains("galley: -: page 1:") && err.contains("malformed"), "{err}");
    assert!(err.contains("1 warnings"), "counted in the summary: {err}");
}

#[test]
fn explain_reads_standard_input_and_a_batch() {
    let output = galley().args(["explain", "-"]).write_stdin(seed(SEEDS[1])).output().expect("galley runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let alone = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(alone.contains("== -, page 1"), "{alone}");
    // 001 and 004 print the same notice: only the batch shows it repeats.
    let tmp = temp_dir();
    copy_seeds(tmp.path(), &SEEDS);
    let page = tmp.path().join(SEEDS[1]);
    let run = |batch: &[&Path]| {
        let mut cmd = galley();
        cmd.arg("explain").arg(&page);
        for b in batch {
            cmd.arg("--batch").arg(b);
        }
        String::from_utf8(cmd.output().expect("galley runs").stdout).expect("UTF-8")
    };
    let (own, batch) = (run(&[]), run(&[tmp.path()]));
    assert!(!own.contains("removed (repeated-box)"), "{own}");
    assert!(batch.contains("removed (repeated-box)"), "{batch}");
}

#[test]
fn globs_choose_the_pages_and_documentation_is_skipped_with_a_reason() {
    let tmp = temp_dir();
    let pages = tmp.path().join("pages");
    copy_seeds(&pages, &SEEDS[..2]);
    fs::create_dir(pages.join("drafts")).expect("folder");
    fs::write(pages.join("drafts/d.txt"), seed(SEEDS[2])).expect("draft");
    fs::write(pages.join("README.md"), "# How these pages were scanned\n").expect("readme");
    fs::write(pages.join("page.md"), seed(SEEDS[3])).expect("markdown page");
    let sources = |out: &Path| -> Vec<String> {
        read_json_lines(&out.join("pages.jsonl")).iter().map(|p| p["source"].as_str().expect("s").into()).collect()
    };
    let out = tmp.path().join("out");
    let all = galley().arg("clean").arg(&pages).arg("-o").arg(&out).output().expect("galley runs");
    assert!(stderr(&all).contains("README.md: skipped: a folder's documentation"), "{}", stderr(&all));
    assert_eq!(sources(&out), [SEEDS[0], SEEDS[1], "drafts/d.txt", "page.md"]);
    assert_eq!(clean(&[&pages], &out, &["--glob", "*.txt", "--exclude", "drafts"]).status.code(), Some(0));
    assert_eq!(sources(&out), [SEEDS[0], SEEDS[1]]);
    assert_fails(&clean(&[&pages], &out, &["--glob", "[a"]), 2, "--glob");
}

#[test]
fn item_files_sort_in_reading_order_when_a_file_has_a_hundred_items() {
    let tmp = temp_dir();
    let page: String =
        (1..=120).map(|k| format!("### 标题第{k}号\n\n本报讯 第{k}条简讯正文，内容完整。\n\n")).collect();
    fs::write(tmp.path().join("many.txt"), page).expect("page");
    let out = tmp.path().join("out");
    assert_eq!(clean(&[&tmp.path().join("many.txt")], &out, &[]).status.code(), Some(0));
    let manifest: Vec<Value> = read_json_lines(&out.join("manifest.jsonl"));
    assert!(manifest.len() >= 100, "{} items", manifest.len());
    let paths: Vec<&str> = manifest.iter().map(|e| e["path"].as_str().expect("path")).collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "name order is reading order");
    assert_eq!(paths[0], "many/001.txt");
}

#[test]
fn a_missing_rules_file_is_a_usage_error() {
    let tmp = temp_dir();
    copy_seeds(tmp.path(), &SEEDS[..1]);
    let out = tmp.path().join("out");
    assert_fails(&clean(&[&tmp.path().join(SEEDS[0])], &out, &["--rules", "nope.toml"]), 2, "nope.toml");
    assert!(!out.exists());
}
