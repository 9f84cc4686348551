//! `--check`: how OUT differs from what a full run would write.
//!
//! The run compares instead of writing: each input's records (page lines,
//! manifest lines) with those OUT holds for it, its fresh items with OUT's
//! item files; the items of inputs kept by their provenance are only
//! looked for. What OUT holds beyond that (records of inputs that are gone,
//! item files no record lists, the other format's manifest) is extra.
//! Differences are named in input order, as `stale page 000_x.txt#2`,
//! `missing item 000_x/03`, `extra item gone/01`, `extra file notes.txt`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::model::{Item, Source};
use crate::outdir::PAGES_RECORD;
use crate::previous::{Previous, SOURCES_RECORD};
use crate::provenance::RUN_RECORD;
use crate::write::item_name;

/// What a check finds, in the order found.
#[derive(Debug)]
pub struct Comparison<'a> {
    previous: &'a Previous,
    /// Sources whose records were compared.
    seen: HashSet<String>,
    /// Item files a full run would write, relative to OUT.
    expected: HashSet<String>,
    differences: Vec<String>,
}

#[derive(Deserialize)]
struct EntryId {
    id: String,
    path: Option<String>,
}

impl<'a> Comparison<'a> {
    /// A comparison with the earlier output `previous`.
    pub fn new(previous: &'a Previous) -> Self {
        Comparison { previous, seen: HashSet::new(), expected: HashSet::new(), differences: Vec::new() }
    }

    /// Compares the records a full run writes for `source` (`entries` and
    /// `pages`, JSON lines) with OUT's; `items` are the differences of its
    /// item files, found by the worker that cleaned it.
    pub fn file(&mut self, source: &str, entries: &str, pages: &str, items: Vec<String>) {
        self.seen.insert(source.to_owned());
        let earlier = self.previous.files.get(source);
        let old_pages: Vec<&str> = earlier.map_or(Vec::new(), |e| self.previous.page_lines(e).lines().collect());
        let new_pages: Vec<&str> = pages.lines().collect();
        for k in 0..new_pages.len().max(old_pages.len()) {
            let what = match (new_pages.get(k), old_pages.get(k)) {
                (Some(new), Some(old)) if new == old => continue,
                (Some(_), Some(_)) => "stale",
                (Some(_), None) => "missing",
                (None, _) => "extra",
            };
            self.differences.push(format!("{what} page {source}#{}", k + 1));
        }
        let old_entries = earlier.and_then(|e| self.previous.items(source, e)).unwrap_or_default();
        let mut found = Vec::new();
        let mut listed = HashSet::new();
        for line in entries.lines() {
            let entry: EntryId = serde_json::from_str(line).expect("galley's own manifest lines parse");
            if let Some(path) = entry.path {
                self.expected.insert(path);
            }
            match old_entries.iter().find(|old| old.id == entry.id) {
                Some(old) if old.line == line => {}
                Some(_) => found.push(format!("stale item {}", entry.id)),
                None => found.push(format!("missing item {}", entry.id)),
            }
            listed.insert(entry.id);
        }
        // An item whose manifest line is stale or missing is named once.
        for difference in items {
            if !found.contains(&difference) {
                found.push(difference);
            }
        }
        for old in old_entries.iter().filter(|old| !listed.contains(old.id.as_ref())) {
            found.push(format!("extra item {}", old.id));
        }
        self.differences.extend(found);
    }

    /// Everything else OUT holds that a full run would not write, and
    /// whether `sources.jsonl` is what it would be (`sources`: the SHA-256
    /// of what this run would write there). The differences, in the order
    /// found.
    pub fn finish(mut self, out: &Path, sources: &str, manifest: &str) -> Vec<String> {
        let mut gone: Vec<(&String, _)> =
            self.previous.files.iter().filter(|(source, _)| !self.seen.contains(*source)).collect();
        gone.sort_by(|a, b| a.0.cmp(b.0));
        for (source, earlier) in gone {
            let pages = (1..=earlier.pages).map(|k| format!("extra page {source}#{k}"));
            let items = self.previous.items(source, earlier).unwrap_or_default();
            let items = items.iter().map(|e| format!("extra item {}", e.id));
            self.differences.extend(pages.chain(items).collect::<Vec<_>>());
        }
        let written = fs::read(out.join(SOURCES_RECORD)).unwrap_or_default();
        if crate::provenance::content_hash(&written) != sources && self.differences.is_empty() {
            self.differences.push(format!("stale record {SOURCES_RECORD}"));
        }
        let mut files = Vec::new();
        list_files(out, "", &mut files);
        files.sort();
        let records = [PAGES_RECORD, SOURCES_RECORD, RUN_RECORD, manifest];
        // The item files OUT's manifest lists are expected or named above.
        let listed: HashSet<String> = (self.previous.files.iter())
            .flat_map(|(source, f)| self.previous.items(source, f).unwrap_or_default())
            .filter_map(|e| e.path.map(Cow::into_owned))
            .collect();
        for file in files {
            // Top-level hidden files are carried over by every run; the
            // journal and hidden names of an update cut short are not.
            let top_level = !file.contains('/');
            let hidden = file.starts_with('.') && !crate::update::is_transient(&file);
            let ours = top_level && (hidden || records.contains(&file.as_str()));
            if !ours && !self.expected.contains(&file) && !listed.contains(file.as_str()) {
                self.differences.push(format!("extra file {file}"));
            }
        }
        self.differences
    }
}

/// How the item files OUT holds for `source` differ from its `items`.
pub fn compare_items(out: &Path, source: &Source, items: &[Item]) -> Vec<String> {
    let folder = source.folder();
    let mut differences = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let name = item_name(i + 1, items.len());
        let what = match fs::read(out.join(&folder).join(format!("{name}.txt"))) {
            Ok(bytes) if bytes == item.text().as_bytes() => continue,
            Ok(_) => "stale",
            Err(_) => "missing",
        };
        differences.push(format!("{what} item {folder}/{name}"));
    }
    differences
}

/// The files under `dir`, relative to OUT (`prefix` is `dir`'s path in it).
fn list_files(dir: &Path, prefix: &str, files: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            list_files(&entry.path(), &rel, files);
        } else {
            files.push(rel);
        }
    }
}
