//! Helpers shared by the binary's integration tests: the seeds, the built
//! binary, snapshots of an output folder and readers of its JSON lines.
//!
//! Each test binary uses only some of them.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

/// The five seed pages, by file name.
pub const SEEDS: [&str; 5] = [
    "000_fb8c58d83bfc38bd.txt",
    "001_a69710dabf6f1119.txt",
    "002_24ae2b55acadbc0c.txt",
    "003_3f1f02917a16f933.txt",
    "004_468ab1eef400fbf5.txt",
];

/// The fields of a `manifest.jsonl` line, in the order of the output contract.
pub const MANIFEST_FIELDS: [&str; 15] = [
    "id",
    "source",
    "page",
    "index",
    "kind",
    "path",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "date",
    "continued_to",
    "continued_from",
    "paragraphs",
    "chars",
];

/// The fields of a `pages.jsonl` line, in order.
pub const PAGE_FIELDS: [&str; 13] = [
    "source",
    "page",
    "encoding",
    "bytes",
    "malformed",
    "items",
    "removed",
    "orphans",
    "warnings",
    "input",
    "galley",
    "options",
    "facts",
];

/// The built `galley` binary, ready for arguments.
pub fn galley() -> Command {
    Command::cargo_bin("galley").expect("cargo builds the galley binary for integration tests")
}

/// The bytes of one seed page, read from the project's own `seeds/`.
pub fn seed(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("cannot read seed {}: {e}", path.display()))
}

/// The text of one seed page.
pub fn seed_text(name: &str) -> String {
    String::from_utf8(seed(name)).expect("seeds are UTF-8")
}

/// Writes copies of the named seeds into `dir` (created if needed). The
/// copies are written, not copied, so that they are writable whatever the
/// mode of the checked-out seeds.
pub fn copy_seeds(dir: &Path, names: &[&str]) {
    fs::create_dir_all(dir).expect("input folder");
    for name in names {
        fs::write(dir.join(name), seed(name)).expect("seed copy");
    }
}

/// Every file under `dir`, by its path relative to `dir` (with `/`), with
/// its bytes; but `run.json`, which records when and how the output was
/// made, not what it is.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files.remove("run.json");
    files
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).expect("below the root").to_string_lossy().replace('\\', "/");
            files.insert(rel, fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())));
        }
    }
}

/// Asserts that two snapshots hold the same files with the same bytes;
/// on a mismatch names the files found on one side only and prints both
/// whole texts of the first file that differs. An empty left side fails:
/// two runs that wrote nothing prove nothing.
pub fn assert_same_files(left: &BTreeMap<String, Vec<u8>>, right: &BTreeMap<String, Vec<u8>>, what: &str) {
    assert!(!left.is_empty(), "{what}: no files to compare");
    let only_left: Vec<&String> = left.keys().filter(|k| !right.contains_key(*k)).collect();
    let only_right: Vec<&String> = right.keys().filter(|k| !left.contains_key(*k)).collect();
    assert!(
        only_left.is_empty() && only_right.is_empty(),
        "{what}: files only on the left {only_left:?}, only on the right {only_right:?}"
    );
    for (name, bytes) in left {
        let other = &right[name];
        assert!(
            bytes == other,
            "{what}: {name} differs\n--- left ---\n{}\n--- right ---\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(other),
        );
    }
}

/// The lines of a JSON-lines text, parsed.
pub fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}")))
        .collect()
}

/// The lines of a JSON-lines file, parsed.
pub fn read_json_lines(path: &Path) -> Vec<Value> {
    json_lines(&read_text(path))
}

/// A file's text; panics with the path if it is missing or not UTF-8.
pub fn read_text(path: &Path) -> String {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("{} is not UTF-8: {e}", path.display()))
}

/// The keys of a JSON object line, in the order they are written
/// (`serde_json::Value` would sort them).
pub fn keys_in_order(line: &str) -> Vec<String> {
    let keys: OrderedKeys = serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON object ({e}): {line}"));
    keys.0
}

struct OrderedKeys(Vec<String>);

impl<'de> Deserialize<'de> for OrderedKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = OrderedKeys;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedKeys, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(OrderedKeys(keys))
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

/// The item files (`<folder>/NN.txt`) of a snapshot, without the manifests.
pub fn item_files(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    files.iter().filter(|(name, _)| name.contains('/')).map(|(n, b)| (n.clone(), b.clone())).collect()
}

/// A fresh temporary folder.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}
