//! Stage 6, write: item files and JSON lines, by the output contract.
//!
//! Item files go to `OUT/<source without extension>/NN.txt`, numbered in
//! reading order across the whole input file. `manifest.jsonl` holds one
//! [`Entry`] per item, `pages.jsonl` one [`PageRecord`] per input page;
//! with `--format jsonl` the items go to `articles.jsonl` as entries with
//! their `text` instead of files. Every file is written to a temporary name
//! in its folder and renamed into place, so that an interrupted run leaves
//! no half-written file, and item files left from an earlier run of the
//! same source are removed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::Error;
use crate::model::{Item, ItemKind, PageResult, Removal, Source};

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
    /// The entry of `item`, the `index`-th of `source`, found on `page`.
    pub fn new(source: &'a Source, page: usize, index: usize, item: &'a Item, with_text: bool) -> Self {
        let id = format!("{}/{}", source.folder(), item_name(index));
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
}

impl<'a> PageRecord<'a> {
    /// The record of one cleaned page.
    pub fn new(
        source: &'a Source,
        page: usize,
        encoding: &'a str,
        bytes: usize,
        malformed: usize,
        result: &'a PageResult,
    ) -> Self {
        PageRecord {
            source: &source.rel,
            page,
            encoding,
            bytes,
            malformed,
            items: result.items.len(),
            removed: &result.removed,
            orphans: &result.orphans,
            warnings: &result.warnings,
        }
    }
}

/// The file name of the `index`-th item: at least two digits.
pub fn item_name(index: usize) -> String {
    format!("{index:02}")
}

/// One value as a JSON line.
pub fn json_line(value: &impl Serialize) -> String {
    let mut line = serde_json::to_string(value).expect("manifest values serialize");
    line.push('\n');
    line
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so
/// that a run interrupted at any point leaves the old file or the new one,
/// never half of one. (No fsync: that would guard against power loss at the
/// price of a disk flush per item, and make large runs disk-bound.)
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let name = path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.galley-tmp"));
    let write = || -> std::io::Result<()> {
        fs::File::create(&temp)?.write_all(bytes)?;
        fs::rename(&temp, path)
    };
    write().map_err(|e| {
        let _ = fs::remove_file(&temp);
        Error::io(path, e)
    })
}

/// Writes the item files of one source into `out/<folder>/` and removes
/// item files an earlier run left there beyond them.
pub fn write_items(out: &Path, source: &Source, items: &[&Item]) -> Result<(), Error> {
    let folder: PathBuf = out.join(source.folder());
    // A folder this run creates holds nothing stale.
    let existed = folder.is_dir();
    if !items.is_empty() {
        fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, e))?;
    }
    for (i, item) in items.iter().enumerate() {
        write_atomic(&folder.join(format!("{}.txt", item_name(i + 1))), item.text().as_bytes())?;
    }
    if existed { remove_stale_items(&folder, items.len()) } else { Ok(()) }
}

/// Removes `NN.txt` files numbered above `keep` from an item folder.
fn remove_stale_items(folder: &Path, keep: usize) -> Result<(), Error> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(number) = name.to_str().and_then(|n| n.strip_suffix(".txt")) else {
            continue;
        };
        let stale = !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && number.parse::<usize>().is_ok_and(|n| n > keep || n == 0);
        if stale {
            fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_names_have_at_least_two_digits() {
        assert_eq!(item_name(1), "01");
        assert_eq!(item_name(123), "123");
    }

    #[test]
    fn stale_item_files_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let source = Source { rel: "p.txt".into(), path: None };
        let item = Item { body: vec!["正文。".into()], ..Item::default() };
        write_items(dir.path(), &source, &[&item, &item, &item]).expect("written");
        write_items(dir.path(), &source, &[&item]).expect("written");
        let mut names: Vec<String> = fs::read_dir(dir.path().join("p"))
            .expect("folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["01.txt"]);
    }

    #[test]
    fn entry_serializes_the_manifest_fields_in_order() {
        let source = Source { rel: "000_x.txt".into(), path: None };
        let item = Item { title: Some("标题".into()), body: vec!["正文。".into()], ..Item::default() };
        let line = json_line(&Entry::new(&source, 1, 1, &item, false));
        assert_eq!(
            line,
            "{\"id\":\"000_x/01\",\"source\":\"000_x.txt\",\"page\":1,\"index\":1,\"kind\":\"article\",\
             \"path\":\"000_x/01.txt\",\"kicker\":null,\"title\":\"标题\",\"subtitle\":null,\"byline\":null,\
             \"date\":null,\"continued_to\":null,\"continued_from\":null,\"paragraphs\":1,\"chars\":3}\n"
        );
    }
}
