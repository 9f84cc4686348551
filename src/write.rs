//! Stage 6, write: item files and JSON lines, by the output contract.
//!
//! Item files go to `OUT/<source without extension>/NN.txt`, numbered in
//! reading order across the whole input file with as many digits as the
//! file needs (at least two), so that `ls` lists them in reading order.
//! `manifest.jsonl` holds one [`Entry`] per item, `pages.jsonl` one
//! [`PageRecord`] per input page; with `--format jsonl` the items go to
//! `articles.jsonl` as entries with their `text` instead of files. Every
//! file is written into the run's new output (`OutDir`), which takes
//! OUT's place only when it is complete, so files are written directly,
//! without temporary names; an `--incremental` run that updates OUT in
//! place writes each under a hidden name and renames it into place.

use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::error::Error;
use crate::model::{Item, ItemKind, PageResult, Removal, Source};
use crate::outdir::OutDir;
use crate::provenance::Provenance;

/// One line of `manifest.jsonl` (or, with `text`, of `articles.jsonl`).
#[derive(Debug, Serialize)]
pub struct Entry<'a> {
    /// `<folder>/<NN>`.
    pub id: String,
    /// The input path relative to its root, with extension.
    pub source: &'a str,
    /// 1-based page number.
    pub page: usize,
    /// 1-based index across the file.
    pub index: usize,
    /// What the item is.
    pub kind: ItemKind,
    /// The item file relative to OUT (`None` with `--format jsonl`).
    pub path: Option<String>,
    /// The line above the title.
    pub kicker: Option<&'a str>,
    /// The main title.
    pub title: Option<&'a str>,
    /// The line below the title.
    pub subtitle: Option<&'a str>,
    /// Lead marker and byline.
    pub byline: Option<&'a str>,
    /// ISO date the page states.
    pub date: Option<&'a str>,
    /// Page reference of a `下转` note.
    pub continued_to: Option<&'a str>,
    /// Page reference of a `上接` note.
    pub continued_from: Option<&'a str>,
    /// Number of body paragraphs.
    pub paragraphs: usize,
    /// Characters of body text.
    pub chars: usize,
    /// The item's text (`--format jsonl` and standard output only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl<'a> Entry<'a> {
    /// The entry of `item`, the `index`-th of the `count` items of
    /// `source`, found on `page`.
    pub fn new(source: &'a Source, page: usize, index: usize, count: usize, item: &'a Item, with_text: bool) -> Self {
        let id = format!("{}/{}", source.folder(), item_name(index, count));
        Entry {
            path: (!with_text).then(|| format!("{id}.txt")),
            id,
            source: &source.rel,
            page,
            index,
            kind: item.kind,
            kicker: item.kicker.as_deref(),
            title: item.title.as_deref(),
            subtitle: item.subtitle.as_deref(),
            byline: item.byline.as_deref(),
            date: item.date.as_deref(),
            continued_to: item.continued_to.as_deref(),
            continued_from: item.continued_from.as_deref(),
            paragraphs: item.body.len(),
            chars: item.chars(),
            text: with_text.then(|| item.text()),
        }
    }
}

/// One line of `pages.jsonl`.
#[derive(Debug, Serialize)]
pub struct PageRecord<'a> {
    /// The input path relative to its root, with extension.
    pub source: &'a str,
    /// 1-based page number.
    pub page: usize,
    /// The encoding the file was read in.
    pub encoding: &'a str,
    /// Size of the page's text in UTF-8 bytes.
    pub bytes: usize,
    /// Malformed byte sequences on the page, replaced by U+FFFD.
    pub malformed: usize,
    /// Items cleaned from the page.
    pub items: usize,
    /// Furniture taken out.
    pub removed: &'a [Removal],
    /// Headlines whose body is not on the page.
    pub orphans: &'a [String],
    /// Oddities worth a look.
    pub warnings: &'a [String],
    /// SHA-256 of the input file's bytes.
    pub input: &'a str,
    /// What the page was cleaned with: `galley`, `options`, `facts`.
    #[serde(flatten)]
    pub stamp: &'a Provenance,
}

/// Where a page comes from: its file, the file's content hash, and what
/// the run cleans with.
#[derive(Clone, Copy, Debug)]
pub struct Origin<'a> {
    /// The input file.
    pub source: &'a Source,
    /// SHA-256 of its bytes.
    pub input: &'a str,
    /// The run's stamp.
    pub stamp: &'a Provenance,
}

impl<'a> PageRecord<'a> {
    /// The record of one cleaned page.
    pub fn new(
        origin: Origin<'a>,
        page: usize,
        encoding: &'a str,
        bytes: usize,
        malformed: usize,
        result: &'a PageResult,
    ) -> Self {
        PageRecord {
            source: &origin.source.rel,
            page,
            encoding,
            bytes,
            malformed,
            items: result.items.len(),
            removed: &result.removed,
            orphans: &result.orphans,
            warnings: &result.warnings,
            input: origin.input,
            stamp: origin.stamp,
        }
    }
}

/// The file name of the `index`-th of `count` items: as many digits as
/// `count` has, and at least two.
pub fn item_name(index: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    format!("{index:0width$}")
}

/// One value as a JSON line.
pub fn json_line(value: &impl Serialize) -> String {
    let mut line = serde_json::to_string(value).expect("manifest values serialize");
    line.push('\n');
    line
}

/// Writes the item files of one source into its folder of the new output.
pub fn write_items(out: &OutDir, source: &Source, items: &[Item]) -> Result<(), Error> {
    if items.is_empty() {
        return Ok(());
    }
    let files: Vec<(String, String)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (format!("{}.txt", item_name(i + 1, items.len())), item.text()))
        .collect();
    out.put_items(&source.rel, &source.folder(), &files)
}

/// Writes a whole file under a hidden name beside `path`, then renames it
/// into place, so that no reader (a shard job starting) sees half of it.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let temp = crate::update::temp_path(path);
    let written = fs::write(&temp, bytes).and_then(|()| fs::rename(&temp, path));
    written.map_err(|e| {
        // Best effort: the hidden file is only litter once the write failed.
        let _ = fs::remove_file(&temp);
        Error::Output { path: path.to_owned(), source: e }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_names_have_as_many_digits_as_the_file_needs() {
        assert_eq!(item_name(1, 9), "01");
        assert_eq!(item_name(1, 123), "001");
        assert_eq!(item_name(123, 123), "123");
        let mut names: Vec<String> = (1..=120).map(|k| item_name(k, 120)).collect();
        names.sort();
        assert_eq!(
            names,
            (1..=120).map(|k| item_name(k, 120)).collect::<Vec<_>>(),
            "sorted names are in reading order"
        );
    }

    #[test]
    fn entry_serializes_the_manifest_fields_in_order() {
        let source = Source { rel: "000_x.txt".into(), path: None };
        let item = Item { title: Some("标题".into()), body: vec!["正文。".into()], ..Item::default() };
        let line = json_line(&Entry::new(&source, 1, 1, 1, &item, false));
        assert_eq!(
            line,
            "{\"id\":\"000_x/01\",\"source\":\"000_x.txt\",\"page\":1,\"index\":1,\"kind\":\"article\",\
             \"path\":\"000_x/01.txt\",\"kicker\":null,\"title\":\"标题\",\"subtitle\":null,\"byline\":null,\
             \"date\":null,\"continued_to\":null,\"continued_from\":null,\"paragraphs\":1,\"chars\":3}\n"
        );
    }
}
