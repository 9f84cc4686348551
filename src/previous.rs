//! An earlier output read back: what `--check` compares with and what
//! `--incremental` keeps.
//!
//! Only the records are read (`pages.jsonl`, the manifest, `sources.jsonl`),
//! never the item files: a page whose input, options and facts are those
//! its record names is known to clean to the items the manifest lists. An
//! output without provenance (written before galley recorded it) or with
//! records that cannot be parsed is as good as none: everything is cleaned.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::config::Format;
use crate::context::Facts;
use crate::error::Error;
use crate::outdir::PAGES_RECORD;
use crate::provenance::{Provenance, RUN_RECORD};

/// One input's facts and content hash, one line of `sources.jsonl`.
pub const SOURCES_RECORD: &str = "sources.jsonl";

/// An earlier output, by source.
#[derive(Debug, Default)]
pub struct Previous {
    /// What its pages were cleaned with; `None` without provenance.
    pub stamp: Option<Provenance>,
    /// Its records per input file, by the path relative to its root.
    pub files: HashMap<String, Earlier>,
    /// What the file system said of each input (`run.json`'s `stat`).
    stat: HashMap<String, String>,
}

/// The records an earlier output holds for one input file.
#[derive(Debug, Default)]
pub struct Earlier {
    /// SHA-256 of the input's bytes when it was cleaned.
    pub input: Option<String>,
    /// Its line of `sources.jsonl`, as written.
    pub sources_line: Option<String>,
    /// Its lines of the manifest (or `articles.jsonl`), each with its id
    /// and item file.
    pub entries: Vec<EarlierItem>,
    /// Its lines of `pages.jsonl`.
    pub pages: Vec<String>,
    /// Bytes of page text, items and pages with warnings, for the summary.
    pub bytes: u64,
    /// Items of its pages.
    pub items: usize,
    /// Its pages' warnings, prefixed with the page number.
    pub warnings: Vec<String>,
}

/// One manifest line of an earlier output.
#[derive(Debug)]
pub struct EarlierItem {
    /// `<folder>/<NN>`.
    pub id: String,
    /// The item file relative to OUT (`None` with `--format jsonl`).
    pub path: Option<String>,
    /// The line, as written.
    pub line: String,
}

#[derive(Deserialize)]
struct PageLine {
    source: String,
    page: usize,
    bytes: u64,
    items: usize,
    warnings: Vec<String>,
    input: Option<String>,
    #[serde(flatten)]
    stamp: Option<Provenance>,
}

#[derive(Deserialize)]
struct EntryLine {
    id: String,
    source: String,
    path: Option<String>,
}

/// What a later run reads of `run.json`.
#[derive(Deserialize)]
struct RunStat {
    #[serde(default)]
    stat: HashMap<String, String>,
}

#[derive(Deserialize)]
struct SourceLine {
    source: String,
    input: String,
}

/// A `sources.jsonl` line's facts.
#[derive(Deserialize)]
struct SourceFacts {
    facts: Facts,
}

impl Previous {
    /// Reads the records of the output at `out` written in `format`; an
    /// output that does not exist, or is not galley's, is empty.
    pub fn read(out: &Path, format: Format) -> Result<Previous, Error> {
        let mut previous = Previous::default();
        let Some(pages) = read_if_present(&out.join(PAGES_RECORD))? else { return Ok(previous) };
        for line in pages.lines() {
            let Ok(page) = serde_json::from_str::<PageLine>(line) else { return Ok(Previous::default()) };
            if previous.stamp.is_none() {
                previous.stamp.clone_from(&page.stamp);
            }
            if page.stamp.is_none() || page.stamp != previous.stamp {
                return Ok(Previous::default());
            }
            let file = previous.files.entry(page.source).or_default();
            file.input = page.input;
            file.bytes += page.bytes;
            file.items += page.items;
            if !page.warnings.is_empty() {
                file.warnings.push(format!("page {}: {}", page.page, page.warnings.join("; ")));
            }
            file.pages.push(line.to_owned());
        }
        let manifest = match format {
            Format::Txt => "manifest.jsonl",
            Format::Jsonl => "articles.jsonl",
        };
        // An output of the other format has no items to keep.
        let Some(manifest) = read_if_present(&out.join(manifest))? else { return Ok(Previous::default()) };
        for line in manifest.lines() {
            let Ok(entry) = serde_json::from_str::<EntryLine>(line) else { return Ok(Previous::default()) };
            let item = EarlierItem { id: entry.id, path: entry.path, line: line.to_owned() };
            previous.files.entry(entry.source).or_default().entries.push(item);
        }
        for line in read_if_present(&out.join(SOURCES_RECORD))?.unwrap_or_default().lines() {
            let Ok(source) = serde_json::from_str::<SourceLine>(line) else { return Ok(Previous::default()) };
            let file = previous.files.entry(source.source).or_default();
            if file.input.as_ref().is_none_or(|input| *input == source.input) {
                file.input = Some(source.input);
                file.sources_line = Some(line.to_owned());
            }
        }
        let run = read_if_present(&out.join(RUN_RECORD))?.unwrap_or_default();
        previous.stat = serde_json::from_str::<RunStat>(&run).map(|r| r.stat).unwrap_or_default();
        // An update cut short may have changed these inputs' items but not
        // their records: none of their records vouches for anything.
        for source in crate::update::pending(out) {
            if let Some(file) = previous.files.get_mut(&source) {
                file.input = None;
            }
        }
        Ok(previous)
    }

    /// The recorded hash of `source` when the file system says of it what
    /// it said when the hash was taken (`stat`, see [`file_stat`]).
    ///
    /// [`file_stat`]: crate::provenance::file_stat
    pub fn unchanged_input(&self, source: &str, stat: &str) -> Option<&str> {
        (self.stat.get(source).map(String::as_str) == Some(stat)).then_some(())?;
        self.files.get(source)?.input.as_deref()
    }

    /// The earlier facts of `source` when its bytes hash to `input` and
    /// the output was made by this galley version with the options hashed
    /// to `options` (a page's facts depend on both); with its
    /// `sources.jsonl` line.
    pub fn facts(&self, source: &str, input: &str, options: &str) -> Option<(Facts, &str)> {
        self.stamp.as_ref().filter(|s| s.galley == env!("CARGO_PKG_VERSION") && s.options == options)?;
        let file = self.files.get(source).filter(|f| f.input.as_deref() == Some(input))?;
        let line = file.sources_line.as_deref()?;
        let parsed: SourceFacts = serde_json::from_str(line).ok()?;
        Some((parsed.facts, line))
    }

    /// The earlier records of `source`, when they are what this run would
    /// write: the same bytes, cleaned with the same stamp.
    pub fn current(&self, source: &str, input: &str, stamp: &Provenance) -> Option<&Earlier> {
        if self.stamp.as_ref() != Some(stamp) {
            return None;
        }
        self.files.get(source).filter(|f| f.input.as_deref() == Some(input) && !f.pages.is_empty())
    }
}

/// A file's text, `None` if it does not exist.
fn read_if_present(path: &Path) -> Result<Option<String>, Error> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}
