//! Facts as a file (`galley facts`, `clean --facts`, `facts --merge`):
//! facts are a monoid, so that the facts of N shards merged are the facts
//! of the whole batch, byte for byte, and N shards cleaned with them add
//! up to one full run; a facts file that does not fit a run is refused.
//! The batch is the shared sample pages (`tests/fixtures/samples-zh.md`),
//! whose running headers and repeated box make the facts matter.

mod common;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{assert_same_files, galley, item_files, read_text, temp_dir, tree};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/samples-zh")
}

/// Runs `galley <args> -q` and asserts it succeeded.
fn run_ok(args: &[OsString]) -> Output {
    let output = galley().args(args).arg("-q").output().expect("galley runs");
    assert_eq!(output.status.code(), Some(0), "galley {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

/// `galley facts <samples> -o <out> <extra>`.
fn facts(out: &Path, extra: &[&str]) -> Vec<u8> {
    let mut args: Vec<OsString> = vec!["facts".into(), samples().into(), "-o".into(), out.into()];
    args.extend(extra.iter().map(Into::into));
    run_ok(&args);
    fs::read(out).expect("facts written")
}

/// `galley clean <samples> -o <out> <extra>`.
fn clean(out: &Path, extra: &[&str]) {
    let mut args: Vec<OsString> = vec!["clean".into(), samples().into(), "-o".into(), out.into()];
    args.extend(extra.iter().map(Into::into));
    run_ok(&args);
}

/// The facts of each of `n` shards, merged with `galley facts --merge`.
fn merged_shard_facts(dir: &Path, n: usize) -> PathBuf {
    let mut args: Vec<OsString> = vec!["facts".into(), "--merge".into()];
    // Merged in reverse, to show that the order does not matter.
    for k in (1..=n).rev() {
        let part = dir.join(format!("facts-{k}-of-{n}"));
        facts(&part, &["--shard", &format!("{k}/{n}")]);
        args.push(part.into());
    }
    let merged = dir.join(format!("merged-{n}"));
    args.extend(["-o".into(), merged.clone().into()]);
    run_ok(&args);
    merged
}

/// The lines of a record file of several runs, sorted.
fn sorted_lines(dirs: &[PathBuf], name: &str) -> Vec<String> {
    let mut lines: Vec<String> =
        dirs.iter().flat_map(|d| read_text(&d.join(name)).lines().map(str::to_owned).collect::<Vec<_>>()).collect();
    lines.sort();
    lines
}

#[test]
fn facts_are_the_same_at_any_thread_count_and_merged_from_any_shards() {
    let dir = temp_dir();
    let whole = facts(&dir.path().join("whole"), &["-j", "1"]);
    assert_eq!(facts(&dir.path().join("whole-j4"), &["-j", "4"]), whole, "-j 1 vs -j 4");
    for n in 1..=3 {
        let merged = fs::read(merged_shard_facts(dir.path(), n)).expect("merged facts");
        assert!(merged == whole, "facts of {n} shards merged differ from the facts of the whole batch");
    }
}

#[test]
fn shards_cleaned_with_merged_facts_add_up_to_the_full_run() {
    let dir = temp_dir();
    let full = dir.path().join("full");
    clean(&full, &[]);
    for n in 1..=3 {
        let merged = merged_shard_facts(dir.path(), n);
        let shards: Vec<PathBuf> = (1..=n).map(|k| dir.path().join(format!("clean-{k}-of-{n}"))).collect();
        for (k, out) in shards.iter().enumerate() {
            let shard = format!("{}/{n}", k + 1);
            clean(out, &["--shard", &shard, "--facts", merged.to_str().expect("UTF-8 temp path")]);
        }
        let union = shards.iter().flat_map(|s| item_files(&tree(s))).collect();
        assert_same_files(&union, &item_files(&tree(&full)), &format!("{n} shards with merged facts vs full run"));
        for name in ["manifest.jsonl", "pages.jsonl"] {
            assert_eq!(
                sorted_lines(&shards, name),
                sorted_lines(std::slice::from_ref(&full), name),
                "{name} of {n} shards"
            );
        }
    }
}

#[test]
fn a_shard_cleaned_with_its_own_facts_alone_is_not_the_full_run() {
    // The other half of the proof above: the facts of the whole batch are
    // what make shards add up, not the shards themselves.
    let dir = temp_dir();
    let (full, own) = (dir.path().join("full"), dir.path().join("own"));
    clean(&full, &[]);
    let facts_of_shard = dir.path().join("facts-1-of-2");
    facts(&facts_of_shard, &["--shard", "1/2"]);
    clean(&own, &["--shard", "1/2", "--facts", facts_of_shard.to_str().expect("UTF-8 temp path")]);
    let full_items = item_files(&tree(&full));
    let differ = item_files(&tree(&own)).iter().filter(|(name, bytes)| full_items[*name] != **bytes).count();
    assert!(differ > 0, "the shard's own facts cleaned it as the whole batch's do");
}

/// Runs `galley <args>` expecting a usage error that names `needle`.
fn assert_refused(args: &[OsString], needle: &str) {
    let output = galley().args(args).output().expect("galley runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "galley {args:?}: {stderr}");
    assert!(stderr.contains(needle), "galley {args:?} should name {needle:?}: {stderr}");
}

#[test]
fn facts_that_do_not_fit_the_run_are_usage_errors() {
    let dir = temp_dir();
    let builtin = dir.path().join("builtin");
    facts(&builtin, &[]);
    let rules = dir.path().join("rules.toml");
    fs::write(&rules, "[[rule]]\nname = \"photo-credit\"\nenabled = false\n").expect("rules file");
    let other_rules = dir.path().join("other-rules");
    facts(&other_rules, &["--rules", rules.to_str().expect("UTF-8 temp path")]);
    let out = dir.path().join("out");
    let clean_with = |facts: &Path| -> Vec<OsString> {
        vec!["clean".into(), samples().into(), "-o".into(), out.clone().into(), "--facts".into(), facts.into()]
    };
    assert_refused(&clean_with(&other_rules), "other rules");
    assert_refused(&[clean_with(&builtin), vec!["--encoding".into(), "gbk".into()]].concat(), "--encoding GBK");
    let stale = dir.path().join("stale");
    let text =
        read_text(&builtin).replacen(concat!("\"galley\":\"", env!("CARGO_PKG_VERSION")), "\"galley\":\"0.0.1", 1);
    fs::write(&stale, text).expect("stale facts");
    assert_refused(&clean_with(&stale), "facts of galley 0.0.1");
    assert_refused(&clean_with(&samples().join("p001.txt")), "not a galley facts file");
    assert_refused(&clean_with(&dir.path().join("missing")), "cannot read the facts file");
    let merged = dir.path().join("merged");
    let merge: Vec<OsString> =
        vec!["facts".into(), "--merge".into(), builtin.into(), other_rules.into(), "-o".into(), merged.clone().into()];
    assert_refused(&merge, "does not merge with");
    assert!(!out.exists() && !merged.exists(), "nothing is written");
}
