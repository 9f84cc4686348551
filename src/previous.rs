//! An earlier output read back: what `--check` compares with and what
//! `--incremental` keeps.
//!
//! Only the records are read (`pages.jsonl`, the manifest, `sources.jsonl`),
//! never the item files: a page whose input, options and facts are those
//! its record names is known to clean to the items the manifest lists. An
//! output without provenance (written before galley recorded it) or with
//! records that cannot be parsed is as good as none: everything is cleaned.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::config::Format;
use crate::context::Facts;
use crate::error::Error;
use crate::outdir::PAGES_RECORD;
use crate::provenance::{Provenance, RUN_RECORD};

/// One input's facts and content hash, one line of `sources.jsonl`.
pub const SOURCES_RECORD: &str = "sources.jsonl";

/// An earlier output, by source. Its records are kept as read, and each
/// input's lines as spans of them: reading an output of thousands of
/// inputs costs a few allocations per input, not per line.
#[derive(Debug, Default)]
pub struct Previous {
    /// What its pages were cleaned with; `None` without provenance.
    pub stamp: Option<Provenance>,
    /// Its records per input file, by the path relative to its root.
    pub files: HashMap<String, Earlier>,
    /// What the file system said of each input (`run.json`'s `stat`).
    stat: HashMap<String, String>,
    /// `pages.jsonl`, the manifest (or `articles.jsonl`) and
    /// `sources.jsonl`, as read.
    text: Texts,
}

/// The records of an earlier output, as read.
#[derive(Debug, Default)]
struct Texts {
    pages: String,
    manifest: String,
    sources: String,
}

/// The records an earlier output holds for one input file.
#[derive(Debug, Default)]
pub struct Earlier {
    /// SHA-256 of the input's bytes when it was cleaned.
    pub input: Option<String>,
    /// Its pages.
    pub pages: usize,
    /// Bytes of page text, items and pages with warnings, for the summary.
    pub bytes: u64,
    /// Items of its pages.
    pub items: usize,
    /// Its pages' warnings, prefixed with the page number.
    pub warnings: Vec<String>,
    /// Its lines of `pages.jsonl`, each with its line end.
    page_lines: Range<usize>,
    /// Its lines of the manifest (or `articles.jsonl`), each with its line end.
    entry_lines: Range<usize>,
    /// Its line of `sources.jsonl`, without its line end.
    sources_line: Option<Range<usize>>,
}

/// One manifest line of an earlier output.
#[derive(Debug)]
pub struct EarlierItem<'a> {
    /// `<folder>/<NN>`.
    pub id: Cow<'a, str>,
    /// The item file relative to OUT (`None` with `--format jsonl`).
    pub path: Option<Cow<'a, str>>,
    /// The line, as written, without its line end.
    pub line: &'a str,
}

/// What a later run reads of a line of `pages.jsonl`.
#[derive(Deserialize)]
struct PageLine<'a> {
    #[serde(borrow)]
    source: Cow<'a, str>,
    page: usize,
    bytes: u64,
    items: usize,
    warnings: Vec<String>,
    #[serde(borrow)]
    input: Option<Cow<'a, str>>,
    #[serde(borrow)]
    galley: Option<Cow<'a, str>>,
    #[serde(borrow)]
    options: Option<Cow<'a, str>>,
    #[serde(borrow)]
    facts: Option<Cow<'a, str>>,
}

impl PageLine<'_> {
    /// The line's provenance, if it has all of it.
    fn stamp(&self) -> Option<Provenance> {
        let (galley, options, facts) = (self.galley.as_ref()?, self.options.as_ref()?, self.facts.as_ref()?);
        Some(Provenance { galley: galley.to_string(), options: options.to_string(), facts: facts.to_string() })
    }

    /// Whether the line's provenance is `stamp`.
    fn stamped(&self, stamp: &Provenance) -> bool {
        self.galley.as_deref() == Some(stamp.galley.as_str())
            && self.options.as_deref() == Some(stamp.options.as_str())
            && self.facts.as_deref() == Some(stamp.facts.as_str())
    }
}

/// What a later run reads of a manifest line.
#[derive(Deserialize)]
struct EntryLine<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    path: Option<Cow<'a, str>>,
}

/// What a later run reads of `run.json`.
#[derive(Deserialize)]
struct RunStat {
    #[serde(default)]
    stat: HashMap<String, String>,
}

/// What a later run reads of a line of `sources.jsonl` before it needs
/// the facts.
#[derive(Deserialize)]
struct SourceLine<'a> {
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    input: Cow<'a, str>,
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
        let Some(pages) = read_if_present(&out.join(PAGES_RECORD))? else { return Ok(Previous::default()) };
        let manifest = match format {
            Format::Txt => "manifest.jsonl",
            Format::Jsonl => "articles.jsonl",
        };
        // An output of the other format has no items to keep.
        let Some(manifest) = read_if_present(&out.join(manifest))? else { return Ok(Previous::default()) };
        let sources = read_if_present(&out.join(SOURCES_RECORD))?.unwrap_or_default();
        let mut previous = Previous { text: Texts { pages, manifest, sources }, ..Previous::default() };
        let Some(order) = previous.read_pages() else { return Ok(Previous::default()) };
        if previous.split_manifest(&order).is_none() {
            return Ok(Previous::default());
        }
        previous.read_sources();
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

    /// Reads `pages.jsonl` into the records of each input; the inputs in
    /// the order their pages come, or `None` when a line cannot be parsed,
    /// the lines do not all carry the same provenance or an input's pages
    /// are not together.
    fn read_pages(&mut self) -> Option<Vec<String>> {
        let mut order: Vec<String> = Vec::new();
        for line in lines(&self.text.pages) {
            let page: PageLine = serde_json::from_str(&self.text.pages[line.clone()]).ok()?;
            let stamp = self.stamp.get_or_insert_with(|| page.stamp().unwrap_or_default());
            if !page.stamped(stamp) {
                return None;
            }
            if order.last().is_none_or(|last| *last != page.source) {
                if self.files.contains_key(page.source.as_ref()) {
                    return None;
                }
                order.push(page.source.to_string());
                let first = Earlier { page_lines: line.start..line.start, ..Earlier::default() };
                self.files.insert(page.source.to_string(), first);
            }
            let file = self.files.get_mut(page.source.as_ref()).expect("inserted above");
            file.input = page.input.map(Cow::into_owned);
            file.pages += 1;
            file.bytes += page.bytes;
            file.items += page.items;
            if !page.warnings.is_empty() {
                file.warnings.push(format!("page {}: {}", page.page, page.warnings.join("; ")));
            }
            file.page_lines.end = (line.end + 1).min(self.text.pages.len());
        }
        Some(order)
    }

    /// Gives each input, in `order`, as many lines of the manifest as its
    /// pages have items; `None` when the manifest has more or fewer lines.
    fn split_manifest(&mut self, order: &[String]) -> Option<()> {
        let mut lines = lines(&self.text.manifest);
        for source in order {
            let file = self.files.get_mut(source).expect("every input in order has records");
            let start = lines.clone().next().map_or(self.text.manifest.len(), |line| line.start);
            let end = match file.items {
                0 => start,
                n => (lines.nth(n - 1)?.end + 1).min(self.text.manifest.len()),
            };
            file.entry_lines = start..end;
        }
        lines.next().is_none().then_some(())
    }

    /// Reads which input each line of `sources.jsonl` holds the facts of;
    /// a line that cannot be parsed, or whose hash is not the one its
    /// input's pages name, is left out.
    fn read_sources(&mut self) {
        for line in lines(&self.text.sources) {
            let Ok(source) = serde_json::from_str::<SourceLine>(&self.text.sources[line.clone()]) else { continue };
            let file = self.files.entry(source.source.into_owned()).or_default();
            if file.input.as_ref().is_none_or(|input| *input == source.input) {
                file.input = Some(source.input.into_owned());
                file.sources_line = Some(line);
            }
        }
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
        let line = &self.text.sources[file.sources_line.clone()?];
        let parsed: SourceFacts = serde_json::from_str(line).ok()?;
        Some((parsed.facts, line))
    }

    /// The earlier records of `source`, when they are what this run would
    /// write: the same bytes, cleaned with the same stamp.
    pub fn current(&self, source: &str, input: &str, stamp: &Provenance) -> Option<&Earlier> {
        if self.stamp.as_ref() != Some(stamp) {
            return None;
        }
        self.files.get(source).filter(|f| f.input.as_deref() == Some(input) && f.pages > 0)
    }

    /// The lines of `pages.jsonl` of an input, each with its line end.
    pub fn page_lines(&self, earlier: &Earlier) -> &str {
        &self.text.pages[earlier.page_lines.clone()]
    }

    /// The manifest lines of an input, each with its line end.
    pub fn entry_lines(&self, earlier: &Earlier) -> &str {
        &self.text.manifest[earlier.entry_lines.clone()]
    }

    /// The manifest lines of `source`, parsed; `None` when one cannot be
    /// parsed or belongs to another input (the records were tampered with).
    pub fn items(&self, source: &str, earlier: &Earlier) -> Option<Vec<EarlierItem<'_>>> {
        let item = |line| {
            let entry = serde_json::from_str::<EntryLine<'_>>(line).ok().filter(|e| e.source == source)?;
            Some(EarlierItem { id: entry.id, path: entry.path, line })
        };
        self.entry_lines(earlier).lines().map(item).collect()
    }
}

/// The spans of the lines of `text`, without their line ends.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + Clone + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = text.get(start..).filter(|rest| !rest.is_empty())?;
        let end = start + rest.find('\n').unwrap_or(rest.len());
        let line = start..end;
        start = end + 1;
        Some(line)
    })
}

/// A file's text, `None` if it does not exist.
fn read_if_present(path: &Path) -> Result<Option<String>, Error> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}
