//! Provenance: what an output was made from, so that a later run can tell
//! whether it is current without cleaning it again.
//!
//! Every page record carries its input's content hash (SHA-256 of the
//! file's bytes) and the run's [`Provenance`]: the galley version, a hash of the
//! options and rules, and a hash of the batch's facts. A page cleans to the
//! same items when all four are unchanged: cleaning is a pure function of
//! the page, the options and the facts. `run.json` records the run as a
//! whole ([`RunRecord`]); it is the one file of an output that tells when
//! and how it was made, so the only one that may differ between two runs
//! that make the same output. It also keeps what the file system said of
//! each input ([`file_stat`]), so that a later run can skip reading the
//! inputs nobody touched.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::{Config, Format, Input};
use crate::context::BatchContext;

/// The record of the run itself, beside the output it made.
pub const RUN_RECORD: &str = "run.json";

/// What every page of a run is cleaned with, besides its own text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The galley version.
    pub galley: String,
    /// Hash of the options that change what a page cleans to: the rules
    /// (built-in and `--rules`), `--keep-furniture`, `--encoding`.
    pub options: String,
    /// Hash of the batch's facts ([`facts_hash`]).
    pub facts: String,
}

impl Provenance {
    /// The stamp of a run of `config` with the batch's facts `ctx`.
    pub fn new(config: &Config, ctx: &BatchContext) -> Provenance {
        Provenance {
            galley: env!("CARGO_PKG_VERSION").to_owned(),
            options: options_hash(config),
            facts: facts_hash(ctx),
        }
    }
}

/// Seconds an input must have been left alone before a run starts for its
/// file system record to stand for its bytes: a file changed in the same
/// instant as it was read could keep its size and time (git's "racily
/// clean" files).
const SETTLED_SECONDS: u64 = 2;

/// What the file system says of an input, as `size mtime-ns inode`, when
/// it was last changed at least `SETTLED_SECONDS` (2) before `started`; a
/// later run that finds the same need not read the file to know its hash,
/// as git and make trust the same.
pub fn file_stat(path: &std::path::Path, started: std::time::SystemTime) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let settled = started.checked_sub(std::time::Duration::from_secs(SETTLED_SECONDS))?;
    let since_1970 = modified.duration_since(std::time::UNIX_EPOCH).ok()?;
    (modified < settled).then(|| format!("{} {} {}", meta.len(), since_1970.as_nanos(), meta.ino()))
}

/// SHA-256 of `bytes`, in lower-case hex.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of the options of `config` that change what a page cleans to.
/// The inputs, `--glob`, `--shard` and `-j` choose files or speed, and
/// `--format` how items are written, not what a page cleans to: they are
/// left out (a manifest of the other format is no earlier output to keep).
pub fn options_hash(config: &Config) -> String {
    let described = format!(
        "rules {}\nkeep furniture {}\nencoding {:?}\n",
        config.clean.rules.fingerprint(),
        config.clean.keep_furniture,
        config.encoding.map(encoding_rs::Encoding::name),
    );
    content_hash(described.as_bytes())
}

/// The hash of the batch's facts, whatever order they were gathered in.
pub fn facts_hash(ctx: &BatchContext) -> String {
    content_hash(&ctx.canonical_bytes())
}

/// `run.json`: what a run was asked, what it did, and when.
#[derive(Debug, Serialize)]
pub struct RunRecord<'a> {
    /// What the pages were cleaned with.
    #[serde(flatten)]
    pub stamp: &'a Provenance,
    /// The inputs as named (`-` for standard input).
    pub inputs: Vec<String>,
    /// `txt` or `jsonl`.
    pub format: &'static str,
    /// The forced encoding, if any.
    pub encoding: Option<&'static str>,
    /// Whether furniture was kept in the items.
    pub keep_furniture: bool,
    /// The slice cleaned, `K/N`.
    pub shard: Option<String>,
    /// Files cleaned or kept, pages, items, skips, failures, pages with warnings.
    pub files: usize,
    /// Pages written.
    pub pages: usize,
    /// Items written.
    pub items: usize,
    /// Files skipped.
    pub skipped: usize,
    /// Files that failed.
    pub failed: usize,
    /// Pages with warnings.
    pub warnings: usize,
    /// Files cleaned by this run; the others were kept from the earlier output.
    pub recleaned: usize,
    /// When the run started, in seconds since 1970-01-01 UTC.
    pub started: u64,
    /// How long it took, in seconds.
    pub seconds: f64,
    /// Each input's [`file_stat`], by its path relative to its root.
    pub stat: std::collections::BTreeMap<String, String>,
}

impl<'a> RunRecord<'a> {
    /// The record of a run of `config` stamped `stamp`, without figures.
    pub fn new(config: &Config, stamp: &'a Provenance, started: std::time::SystemTime) -> Self {
        let inputs = config
            .inputs
            .iter()
            .map(|i| match i {
                Input::Path(path) => path.display().to_string(),
                Input::Stdin => "-".to_owned(),
            })
            .collect();
        RunRecord {
            stamp,
            inputs,
            format: match config.format {
                Format::Txt => "txt",
                Format::Jsonl => "jsonl",
            },
            encoding: config.encoding.map(encoding_rs::Encoding::name),
            keep_furniture: config.clean.keep_furniture,
            shard: config.shard.map(|s| format!("{}/{}", s.index, s.count)),
            files: 0,
            pages: 0,
            items: 0,
            skipped: 0,
            failed: 0,
            warnings: 0,
            recleaned: 0,
            started: started.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()),
            seconds: 0.0,
            stat: std::collections::BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{Facts, PageFacts};

    #[test]
    fn content_hash_is_sha256_in_hex() {
        assert_eq!(content_hash(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn facts_hash_does_not_depend_on_merge_order() {
        let page = |edge: &str, signature: u64| PageFacts {
            edges: crate::context::edge_keys(edge).into_iter().collect(),
            boxes: [(signature, Some(signature + 1))].into_iter().collect(),
            signature,
            ..PageFacts::default()
        };
        let pages = || [page("晨报 第3版", 1), page("晨报 第4版", 2), page("晨报 第5版", 3)];
        let [a, b, c] = pages();
        let one = Facts::default().with_page(a).merge(Facts::default().with_page(b).with_page(c));
        let [a, b, c] = pages();
        let other = Facts::default().with_page(c).with_page(b).merge(Facts::default().with_page(a));
        assert_eq!(facts_hash(&one.into_context()), facts_hash(&other.into_context()));
    }

    #[test]
    fn options_that_change_the_items_change_the_hash() {
        let plain = Config::default();
        let mut kept = Config::default();
        kept.clean.keep_furniture = true;
        let forced = Config { encoding: Some(encoding_rs::GB18030), ..Config::default() };
        let jsonl = Config { jobs: 7, format: Format::Jsonl, ..Config::default() };
        assert_ne!(options_hash(&plain), options_hash(&kept));
        assert_ne!(options_hash(&plain), options_hash(&forced));
        assert_eq!(options_hash(&plain), options_hash(&jsonl));
    }
}
