//! `galley report`: an output read back and shown as one self-contained
//! HTML page, for a reviewer who should not have to read JSON.
//!
//! Input: an output folder (its `pages.jsonl`, manifest or `articles.jsonl`,
//! item files, `run.json`), and optionally an older one to compare with.
//! Output: the page's HTML, with its CSS, script and SVG charts inline and
//! nothing fetched; every text that comes from a page is HTML-escaped
//! (`html::escape`). Reading is here, rendering in `html`.

mod html;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::outdir::PAGES_RECORD;
use crate::provenance::RUN_RECORD;

/// One furniture piece taken out, as `pages.jsonl` records it.
#[derive(Clone, Debug, Deserialize)]
struct Removed {
    rule: String,
    text: String,
}

/// One line of `pages.jsonl`.
#[derive(Clone, Debug, Deserialize)]
struct PageView {
    source: String,
    page: usize,
    items: usize,
    #[serde(default)]
    removed: Vec<Removed>,
    #[serde(default)]
    orphans: Vec<String>,
    #[serde(default)]
    warnings: Vec<String>,
}

/// One item: its manifest line and its text.
#[derive(Clone, Debug, Deserialize)]
struct ItemView {
    id: String,
    source: String,
    page: usize,
    kind: String,
    path: Option<String>,
    kicker: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    byline: Option<String>,
    chars: usize,
    /// The item file's text (or, with `--format jsonl`, the line's).
    #[serde(default)]
    text: Option<String>,
}

/// An output read back.
#[derive(Debug, Default)]
struct Output {
    pages: Vec<PageView>,
    items: Vec<ItemView>,
    /// `run.json`, as written, if there is one.
    run: Option<serde_json::Value>,
}

impl Output {
    /// Reads the output folder `out`; `Err` when it holds no `pages.jsonl`.
    fn read(out: &Path) -> Result<Output, Error> {
        let pages = json_lines(&out.join(PAGES_RECORD))?;
        let manifest = ["manifest.jsonl", "articles.jsonl"].into_iter().map(|m| out.join(m)).find(|m| m.is_file());
        let mut items: Vec<ItemView> = match manifest {
            Some(path) => json_lines(&path)?,
            None => Vec::new(),
        };
        for item in items.iter_mut().filter(|i| i.text.is_none()) {
            if let Some(path) = &item.path {
                let file = out.join(path);
                item.text = Some(fs::read_to_string(&file).map_err(|e| Error::io(file, e))?);
            }
        }
        let run = fs::read(out.join(RUN_RECORD)).ok().and_then(|bytes| serde_json::from_slice(&bytes).ok());
        Ok(Output { pages, items, run })
    }

    /// The items of each page, by source and page number.
    fn items_by_page(&self) -> BTreeMap<(&str, usize), Vec<&ItemView>> {
        let mut by_page: BTreeMap<(&str, usize), Vec<&ItemView>> = BTreeMap::new();
        for item in &self.items {
            by_page.entry((item.source.as_str(), item.page)).or_default().push(item);
        }
        by_page
    }
}

/// The lines of a JSON-lines file, parsed.
fn json_lines<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>, Error> {
    let text = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    text.lines()
        .enumerate()
        .map(|(k, line)| {
            serde_json::from_str(line)
                .map_err(|e| Error::Usage(format!("{}:{}: not a galley record: {e}", path.display(), k + 1)))
        })
        .collect()
}

/// The report on the output folder `out`, as one HTML page; with `old`,
/// what changed since that earlier output.
pub fn report(out: &Path, old: Option<&Path>) -> Result<String, Error> {
    let output = Output::read(out)?;
    let old = old.map(Output::read).transpose()?;
    Ok(html::render(&out.display().to_string(), &output, old.as_ref()))
}
