//! Provenance, `--check` and `--incremental` through the binary (issue 13):
//! a check writes nothing and names what is out of date; an incremental
//! run cleans only what changed and leaves OUT byte-identical to a full
//! run, after adds, edits, deletes and a rules change.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{SEEDS, assert_same_files, copy_seeds, galley, read_json_lines, seed, temp_dir, tree};

/// Runs `galley clean <input> -o <out> <extra>`.
fn clean(input: &Path, out: &Path, extra: &[&str]) -> Output {
    galley().arg("clean").arg(input).arg("-o").arg(out).args(extra).output().expect("galley runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Short pages of their own, unlike the seeds and each other: adding or
/// removing one changes none of the batch's facts.
const SHORT_PAGES: [(&str, &str); 3] = [
    ("water.txt", "本报讯（记者王明）市区今天下午停水，请居民提前储水。\n"),
    ("road.txt", "本报讯（记者李华）城东大道明日起封闭施工，请绕行。\n"),
    ("gone.txt", "本报讯（记者张丽）图书馆周一闭馆整理藏书。\n"),
];

fn write_short_page(dir: &Path, k: usize) {
    fs::create_dir_all(dir).expect("folder");
    fs::write(dir.join(SHORT_PAGES[k].0), SHORT_PAGES[k].1).expect("short page");
}

/// The files re-cleaned, as the summary line counts them (`N re-cleaned`).
fn recleaned(output: &Output) -> usize {
    let stderr = text(&output.stderr);
    let summary = stderr.lines().last().unwrap_or_default();
    let before = summary.split(" re-cleaned").next().filter(|b| b.len() < summary.len());
    let count = before.and_then(|b| b.rsplit(' ').next()).and_then(|n| n.parse().ok());
    count.unwrap_or_else(|| panic!("no re-cleaned count in {summary:?}"))
}

/// Runs `--incremental` into `out` and a full run into a fresh folder
/// beside it, asserts the two are byte-identical, and returns the number
/// of files the incremental run re-cleaned.
fn incremental_equals_full(input: &Path, out: &Path, extra: &[&str]) -> usize {
    let incremental = clean(input, out, &[&["--incremental"], extra].concat());
    assert_eq!(incremental.status.code(), Some(0), "{}", text(&incremental.stderr));
    let full = out.with_file_name("full");
    let _ = fs::remove_dir_all(&full);
    let fresh = clean(input, &full, &[&["-q"], extra].concat());
    assert_eq!(fresh.status.code(), Some(0), "{}", text(&fresh.stderr));
    assert_same_files(&tree(&full), &tree(out), "full run vs incremental run");
    recleaned(&incremental)
}

#[test]
fn page_records_carry_the_inputs_hash_the_version_and_the_runs_hashes() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS[..2]);
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    let pages = read_json_lines(&out.join("pages.jsonl"));
    use sha2::Digest;
    let hash: String = sha2::Sha256::digest(seed(SEEDS[0])).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(pages[0]["input"], hash.as_str());
    assert_eq!(pages[0]["galley"], env!("CARGO_PKG_VERSION"));
    for field in ["options", "facts"] {
        assert_eq!(pages[0][field].as_str().map(str::len), Some(64), "{field} is a SHA-256");
        assert_eq!(pages[0][field], pages[1][field], "{field} is the run's");
    }
    let run: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("run.json")).expect("run.json")).expect("JSON");
    assert_eq!((run["files"].as_u64(), run["recleaned"].as_u64()), (Some(2), Some(2)));
    assert_eq!(run["facts"], pages[0]["facts"]);
    assert!(run["started"].as_u64().is_some() && run["seconds"].as_f64().is_some(), "{run}");
}

#[test]
fn check_passes_on_a_current_output_and_names_the_page_that_changed() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS);
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    let before = tree(&out);

    let check = clean(&input, &out, &["--check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(check.stdout.is_empty(), "{}", text(&check.stdout));
    assert!(text(&check.stderr).contains("0 re-cleaned to check; OUT is current"), "{}", text(&check.stderr));

    let edited = format!("{}\n今天下午停水。\n", text(&seed(SEEDS[1])));
    fs::write(input.join(SEEDS[1]), edited).expect("edited");
    let check = clean(&input, &out, &["--check"]);
    assert_eq!(check.status.code(), Some(1));
    let listed = text(&check.stdout);
    assert!(listed.contains(&format!("stale page {}#1", SEEDS[1])), "{listed}");
    assert_eq!(recleaned(&check), 1, "the other pages are trusted by their provenance");
    assert_same_files(&before, &tree(&out), "OUT after --check vs before");
}

#[test]
fn check_names_missing_extra_and_gone_items_and_writes_nothing() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS);
    write_short_page(&input, 2);
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    let folder = |k: usize| SEEDS[k].trim_end_matches(".txt").to_owned();
    fs::remove_file(out.join(folder(2)).join("01.txt")).expect("item removed");
    fs::write(out.join(folder(3)).join("99.txt"), "stray").expect("stray file");
    fs::remove_file(input.join("gone.txt")).expect("input removed");

    let check = clean(&input, &out, &["--check", "-q"]);
    assert_eq!(check.status.code(), Some(1));
    let listed = text(&check.stdout);
    for expected in [
        format!("missing item {}/01", folder(2)),
        "extra page gone.txt#1".to_owned(),
        "extra item gone/01".to_owned(),
        format!("extra file {}/99.txt", folder(3)),
    ] {
        assert!(listed.lines().any(|l| l == expected), "{expected:?} not in\n{listed}");
    }
    assert_eq!(listed.lines().count(), 4, "nothing else:\n{listed}");

    let absent = dir.path().join("absent");
    let check = clean(&input, &absent, &["--check", "-q"]);
    assert_eq!(check.status.code(), Some(1));
    let listed = text(&check.stdout);
    assert_eq!(listed.lines().count(), 21, "the first 20, then a count:\n{listed}");
    assert!(listed.lines().last().is_some_and(|l| l.starts_with("... and ") && l.ends_with(" more")), "{listed}");
    assert!(!absent.exists(), "a check writes nothing");
}

#[test]
fn incremental_run_equals_a_full_run_after_adds_edits_deletes_and_a_rules_change() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS);
    assert_eq!(incremental_equals_full(&input, &out, &[]), 5, "a first incremental run cleans everything");
    assert_eq!(incremental_equals_full(&input, &out, &[]), 0, "nothing changed");

    write_short_page(&input.join("more"), 0);
    write_short_page(&input.join("more"), 1);
    assert_eq!(incremental_equals_full(&input, &out, &[]), 2, "two files added");

    let edited = format!("{}\n今天下午停水。\n", text(&seed(SEEDS[0])));
    fs::write(input.join(SEEDS[0]), edited).expect("edited");
    assert_eq!(incremental_equals_full(&input, &out, &[]), 1, "one file edited");

    fs::remove_file(input.join("more").join(SHORT_PAGES[0].0)).expect("removed");
    assert_eq!(incremental_equals_full(&input, &out, &[]), 0, "one file removed: its items go");
    // 001 and 004 print the same notice: without 004 it is no furniture,
    // the batch's facts change, and every page is cleaned again.
    fs::remove_file(input.join(SEEDS[4])).expect("removed");
    assert_eq!(incremental_equals_full(&input, &out, &[]), 5, "the batch's facts changed");

    let rules = dir.path().join("rules.toml");
    fs::write(&rules, "[[rule]]\nname = \"editor-code\"\nenabled = false\n").expect("rules file");
    let rules = rules.to_str().expect("UTF-8 path");
    assert_eq!(incremental_equals_full(&input, &out, &["--rules", rules]), 5, "the rules changed");
    assert_eq!(incremental_equals_full(&input, &out, &["--rules", rules]), 0);
    assert_eq!(incremental_equals_full(&input, &out, &["--keep-furniture", "--rules", rules]), 5);
    assert_eq!(incremental_equals_full(&input, &out, &["--format", "jsonl"]), 5, "another format");
}

#[test]
fn incremental_run_cleans_again_an_input_whose_items_were_deleted_from_out() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS[..2]);
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    fs::remove_file(out.join(SEEDS[1].trim_end_matches(".txt")).join("01.txt")).expect("item removed");
    assert_eq!(incremental_equals_full(&input, &out, &[]), 1);
}

#[test]
fn check_and_incremental_refuse_standard_input() {
    for flag in ["--check", "--incremental"] {
        let output = galley().args(["clean", "-", flag]).write_stdin("本报讯 今天。").output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{flag}: {}", text(&output.stderr));
    }
}

#[test]
fn an_input_left_alone_is_not_read_again() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS[..2]);
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let settle = |name: &str| {
        let file = fs::File::options().write(true).open(input.join(name)).expect("input");
        file.set_modified(an_hour_ago).expect("mtime set");
    };
    SEEDS[..2].iter().for_each(|name| settle(name));
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    let run = fs::read_to_string(out.join("run.json")).expect("run.json");
    assert!(run.contains(&format!("\"{}\": \"", SEEDS[0])), "run.json keeps what the file system says:\n{run}");

    // Same size, same time, same file: taken as unchanged without a read,
    // as git and make would (README, "How to use").
    let mut bytes = seed(SEEDS[0]);
    bytes[0] = if bytes[0] == b'x' { b'y' } else { b'x' };
    fs::write(input.join(SEEDS[0]), &bytes).expect("rewritten in place");
    settle(SEEDS[0]);
    let check = clean(&input, &out, &["--check", "-q"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));

    // A new time is a change.
    fs::write(input.join(SEEDS[0]), &bytes).expect("touched");
    let check = clean(&input, &out, &["--check", "-q"]);
    assert_eq!(check.status.code(), Some(1));
}

/// The three short pages set as one page of three articles.
fn three_articles() -> String {
    SHORT_PAGES.iter().map(|(_, text)| *text).collect::<Vec<_>>().join("\n")
}

/// The inode of a file, by which a test tells a file left in place from
/// one written again.
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).ino()
}

#[test]
fn incremental_run_updates_out_in_place_as_items_shrink_and_pages_move() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS[..3]);
    fs::write(input.join("three.txt"), three_articles()).expect("page of three articles");
    write_short_page(&input.join("desk"), 2);
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    assert!(out.join("three/03.txt").is_file(), "three items to begin with");
    let kept = out.join(SEEDS[0].trim_end_matches(".txt")).join("01.txt");
    let (kept_inode, out_inode) = (inode(&kept), inode(&out));

    // Fewer articles: items 02 and 03 must go. A page moved to another
    // folder: its old folder must go, and the folder above it, now empty.
    fs::write(input.join("three.txt"), SHORT_PAGES[0].1).expect("one article left");
    fs::create_dir_all(input.join("archive")).expect("folder");
    fs::rename(input.join("desk").join(SHORT_PAGES[2].0), input.join("archive").join(SHORT_PAGES[2].0)).expect("moved");
    fs::remove_dir(input.join("desk")).expect("empty folder removed");
    assert_eq!(incremental_equals_full(&input, &out, &[]), 2, "the shrunk page and the moved one");
    assert!(!out.join("three/02.txt").exists() && !out.join("desk").exists(), "{:?}", tree(&out).keys());
    assert_eq!(inode(&kept), kept_inode, "a kept item file is left where it is, not written again");
    assert_eq!(inode(&out), out_inode, "OUT is updated in place, not replaced");

    // A page with no article left: its folder goes too.
    fs::write(input.join("three.txt"), "\n").expect("emptied");
    incremental_equals_full(&input, &out, &[]);
    assert!(!out.join("three").exists());
    let check = clean(&input, &out, &["--check", "-q"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
}

#[test]
fn an_incremental_run_cut_short_is_found_stale_and_repaired_by_the_next() {
    let dir = temp_dir();
    let (input, out) = (dir.path().join("in"), dir.path().join("out"));
    copy_seeds(&input, &SEEDS[..2]);
    fs::write(input.join("three.txt"), three_articles()).expect("page of three articles");
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    let before = tree(&out);

    // The run is stopped after it wrote the new items but before its
    // records were in place: where `run.json` goes, a folder stands.
    fs::write(input.join("three.txt"), SHORT_PAGES[1].1).expect("edited");
    let obstacle = out.join(".run.json.galley-new");
    fs::create_dir_all(obstacle.join("x")).expect("obstacle");
    let cut = clean(&input, &out, &["--incremental", "-q"]);
    assert_ne!(cut.status.code(), Some(0), "the run cannot finish");
    assert_ne!(fs::read(out.join("three/01.txt")).ok(), before.get("three/01.txt").cloned(), "items were written");
    fs::remove_dir_all(&obstacle).expect("obstacle removed");

    // Even with the edit undone, the records do not match the item files
    // the cut run wrote: a check says so, and the next run repairs it.
    fs::write(input.join("three.txt"), three_articles()).expect("edit undone");
    let check = clean(&input, &out, &["--check", "-q"]);
    assert_eq!(check.status.code(), Some(1), "a cut run leaves OUT stale");
    assert!(text(&check.stdout).contains("three/01"), "{}", text(&check.stdout));
    assert_eq!(incremental_equals_full(&input, &out, &[]), 1, "the input the cut run touched");
    assert_same_files(&before, &tree(&out), "repaired output vs the first");
    let check = clean(&input, &out, &["--check", "-q"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
}

#[test]
fn an_incremental_run_follows_no_symlink_out_of_out() {
    let dir = temp_dir();
    let (input, out, victim) = (dir.path().join("in"), dir.path().join("out"), dir.path().join("victim"));
    copy_seeds(&input, &SEEDS[..2]);
    write_short_page(&input, 0);
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    fs::create_dir_all(&victim).expect("folder outside OUT");
    for name in ["01.txt", "02.txt", "keep.txt"] {
        fs::write(victim.join(name), "not galley's").expect("file outside OUT");
    }
    let outside = tree(&victim);
    // The folders of an input that changes and of one that is gone are
    // symlinks to a folder outside OUT.
    let edited = SEEDS[0].trim_end_matches(".txt");
    for folder in [edited, "water"] {
        fs::remove_dir_all(out.join(folder)).expect("item folder removed");
        std::os::unix::fs::symlink(&victim, out.join(folder)).expect("symlink");
    }
    fs::write(input.join(SEEDS[0]), format!("{}\n今天下午停水。\n", text(&seed(SEEDS[0])))).expect("edited");
    fs::remove_file(input.join(SHORT_PAGES[0].0)).expect("input removed");
    incremental_equals_full(&input, &out, &[]);
    assert_same_files(&outside, &tree(&victim), "the folder outside OUT");
    assert!(fs::symlink_metadata(out.join(edited)).is_ok_and(|m| m.is_dir()), "a real folder in the symlink's place");
}

/// A copy of `from` at `to` made of hard links, as `cp -al` makes it.
fn link_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("folder");
    for entry in fs::read_dir(from).expect("folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            link_tree(&entry.path(), &target);
        } else {
            fs::hard_link(entry.path(), target).expect("hard link");
        }
    }
}

#[test]
fn a_hard_linked_copy_of_out_keeps_the_earlier_output() {
    let dir = temp_dir();
    let (input, out, copy) = (dir.path().join("in"), dir.path().join("out"), dir.path().join("old"));
    copy_seeds(&input, &SEEDS[..2]);
    fs::write(input.join("three.txt"), three_articles()).expect("page of three articles");
    write_short_page(&input, 0);
    assert_eq!(clean(&input, &out, &["-q"]).status.code(), Some(0));
    let before = fs::read(out.join("run.json")).expect("run.json");
    let earlier = tree(&out);
    link_tree(&out, &copy);
    fs::write(input.join("three.txt"), SHORT_PAGES[1].1).expect("edited");
    fs::remove_file(input.join(SHORT_PAGES[0].0)).expect("removed");
    assert_eq!(incremental_equals_full(&input, &out, &[]), 1);
    assert_same_files(&earlier, &tree(&copy), "the hard-linked copy after an incremental run");
    assert_eq!(fs::read(copy.join("run.json")).expect("run.json"), before, "run.json too");
}
