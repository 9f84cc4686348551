//! The batch runner: discovery, sharding, two parallel passes, outcomes.
//!
//! Inputs are discovered sequentially (`walkdir`, sorted, hidden entries,
//! symlinks and the output folder left out) and sorted by their path
//! relative to their root; `--shard K/N` keeps every N-th of that list.
//! A first pass over all inputs gathers the batch's facts (so that each
//! shard cleans with the same context and shards add up to the full run);
//! the second cleans the shard's files, each worker writing only its own
//! item folder. Both passes run `par_iter().map().collect()` in a local
//! rayon pool, so results come back in input order whatever the thread
//! count; the manifests are then written by one thread. A file's outcome
//! is a value — cleaned, skipped or failed — and the run always goes on.

use std::collections::HashMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use encoding_rs::Encoding;
use rayon::prelude::*;

use crate::clean::{clean_page, page_facts};
use crate::config::{Config, Format, Input};
use crate::context::{BatchContext, Facts};
use crate::decode::{decode, pages};
use crate::error::{Error, ExitStatus};
use crate::model::{Decoded, Item, Source};
use crate::progress::Progress;
use crate::trace::Trace;
use crate::write::{Entry, PageRecord, json_line, write_atomic, write_items};

/// What became of one input file.
#[derive(Debug)]
pub enum Outcome {
    /// Cleaned and written.
    Cleaned(Cleaned),
    /// Left out, not an error: not text, or a name that cannot be written.
    Skipped {
        /// Why.
        reason: String,
    },
    /// Could not be read or written.
    Failed {
        /// Why.
        error: Error,
    },
}

/// The output of one cleaned file, ready to be written in order.
#[derive(Debug, Default)]
pub struct Cleaned {
    pages: usize,
    items: usize,
    bytes: u64,
    warnings: usize,
    entries: String,
    page_records: String,
}

/// The figures of a run, for the summary line and the exit status.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// Files cleaned.
    pub files: usize,
    /// Pages cleaned.
    pub pages: usize,
    /// Items written.
    pub items: usize,
    /// Bytes read from the cleaned files.
    pub bytes: u64,
    /// Wall-clock seconds of the run.
    pub seconds: f64,
    /// Files skipped.
    pub skipped: usize,
    /// Files that failed.
    pub failed: usize,
    /// Pages with warnings.
    pub warnings: usize,
}

impl Summary {
    /// The exit status the run earns: 1 if any input failed.
    pub fn exit_status(&self) -> ExitStatus {
        if self.failed > 0 { ExitStatus::SomeFailed } else { ExitStatus::Success }
    }

    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        format!(
            "galley: {} files, {} pages, {} items, {:.2} MB in {:.2} s ({:.1} MB/s); {} skipped, {} failed, {} warnings",
            self.files,
            self.pages,
            self.items,
            mb,
            self.seconds,
            mb / self.seconds.max(1e-9),
            self.skipped,
            self.failed,
            self.warnings,
        )
    }
}

/// A discovered input and what is known of it before reading.
#[derive(Debug)]
struct Found {
    source: Source,
    /// Set when discovery already knows the outcome (bad name, clash…).
    verdict: Option<Outcome>,
}

/// Cleans every input of `config`; stderr gets one line per skipped or
/// failed file, in input order.
pub fn run(config: &Config) -> Result<Summary, Error> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.max(1))
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    if config.inputs.contains(&Input::Stdin) {
        return pool.install(|| run_stdin(config, started));
    }
    let found = discover(config);
    let progress = Progress::new(found.len() as u64, config.progress);
    let outcomes: Vec<(Source, Outcome)> = pool.install(|| {
        progress.phase("scanning", found.len() as u64);
        let (ctx, encodings) = gather(&found, config, &progress);
        let selected: Vec<(Found, Option<&'static Encoding>)> = found
            .into_iter()
            .zip(encodings)
            .enumerate()
            .filter(|(k, _)| config.shard.is_none_or(|s| s.holds(*k)))
            .map(|(_, f)| f)
            .collect();
        progress.phase("cleaning", selected.len() as u64);
        selected
            .into_par_iter()
            .map(|(f, encoding)| {
                // The first pass found each file's encoding; detection is not
                // repeated (chardetng is the slowest step of decoding).
                let outcome = f.verdict.unwrap_or_else(|| clean_file(&f.source, encoding, &ctx, config));
                progress.step();
                (f.source, outcome)
            })
            .collect()
    });
    progress.finish();
    finish(&outcomes, config, started)
}

/// Writes the manifests, reports skips and failures, sums up.
fn finish(outcomes: &[(Source, Outcome)], config: &Config, started: Instant) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    let (mut entries, mut page_records) = (String::new(), String::new());
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for (source, outcome) in outcomes {
        match outcome {
            Outcome::Cleaned(c) => {
                summary.files += 1;
                summary.pages += c.pages;
                summary.items += c.items;
                summary.bytes += c.bytes;
                summary.warnings += c.warnings;
                entries.push_str(&c.entries);
                page_records.push_str(&c.page_records);
            }
            Outcome::Skipped { reason } => {
                summary.skipped += 1;
                let _ = writeln!(err, "galley: {}: skipped: {reason}", shown(source));
            }
            Outcome::Failed { error } => {
                summary.failed += 1;
                // An I/O error names the file it failed on, which is usually this one.
                let (path, report) = (shown(source), error.report());
                let reason = report.strip_prefix(&format!("{path}: ")).unwrap_or(&report);
                let _ = writeln!(err, "galley: {path}: {reason}");
            }
        }
    }
    fs::create_dir_all(&config.out).map_err(|e| Error::io(&config.out, e))?;
    let manifest = match config.format {
        Format::Txt => RECORD_FILES[0],
        Format::Jsonl => RECORD_FILES[1],
    };
    write_atomic(&config.out.join(manifest), entries.as_bytes())?;
    write_atomic(&config.out.join(RECORD_FILES[2]), page_records.as_bytes())?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// How a source is named on stderr: the path as found.
fn shown(source: &Source) -> String {
    source.path.as_ref().map_or_else(|| source.rel.clone(), |p| p.display().to_string())
}

/// The first pass: the batch's facts, from every discovered file, and the
/// encoding each file was read in.
fn gather(found: &[Found], config: &Config, progress: &Progress) -> (BatchContext, Vec<Option<&'static Encoding>>) {
    let read = |f: &Found| {
        let mut facts = Facts::default();
        let path = f.source.path.as_deref().filter(|_| f.verdict.is_none());
        let decoded = path.and_then(|p| read_decoded(p, config.encoding).ok());
        for page in decoded.iter().flat_map(pages) {
            facts = facts.with_page(page_facts(page, &config.clean));
        }
        progress.step();
        (facts, decoded.map(|d| d.encoding))
    };
    // Map, then merge (order-free); encodings keep their file's position.
    let (facts, mut encodings) = found
        .par_iter()
        .enumerate()
        .map(|(k, f)| {
            let (facts, encoding) = read(f);
            (facts, vec![(k, encoding)])
        })
        .reduce(
            || (Facts::default(), Vec::new()),
            |(a, mut ea), (b, eb)| {
                ea.extend(eb);
                (a.merge(b), ea)
            },
        );
    encodings.sort_unstable_by_key(|&(k, _)| k);
    (facts.into_context(), encodings.into_iter().map(|(_, e)| e).collect())
}

/// Reads and decodes a file (in `encoding`, if given); `Err` holds the
/// outcome when it is not text.
fn read_decoded(path: &Path, encoding: Option<&'static Encoding>) -> Result<Decoded, Outcome> {
    let bytes = fs::read(path).map_err(|e| Outcome::Failed { error: Error::io(path, e) })?;
    decode(&bytes, encoding).map_err(|reason| Outcome::Skipped { reason: reason.to_string() })
}

/// The second pass for one file: clean its pages, write its items.
fn clean_file(source: &Source, found: Option<&'static Encoding>, ctx: &BatchContext, config: &Config) -> Outcome {
    let Some(path) = &source.path else {
        return Outcome::Skipped { reason: "no file".into() };
    };
    let decoded = match read_decoded(path, config.encoding.or(found)) {
        Ok(decoded) => decoded,
        Err(outcome) => return outcome,
    };
    let cleaned = clean_decoded(source, &decoded, ctx, config);
    if config.format == Format::Txt {
        let items: Vec<&Item> = cleaned.1.iter().collect();
        if let Err(error) = write_items(&config.out, source, &items) {
            return Outcome::Failed { error };
        }
    }
    Outcome::Cleaned(cleaned.0)
}

/// Cleans the pages of a decoded file; returns the records and the items.
fn clean_decoded(source: &Source, decoded: &Decoded, ctx: &BatchContext, config: &Config) -> (Cleaned, Vec<Item>) {
    let with_text = config.format == Format::Jsonl;
    let encoding = decoded.encoding.name();
    let mut cleaned = Cleaned::default();
    let mut all_items = Vec::new();
    for page in pages(decoded) {
        let result = clean_page(page, ctx, &config.clean, &mut Trace::off());
        cleaned.pages += 1;
        cleaned.bytes += page.text.len() as u64;
        cleaned.warnings += usize::from(!result.warnings.is_empty());
        for item in &result.items {
            let index = all_items.len() + 1;
            cleaned.entries.push_str(&json_line(&Entry::new(source, page.number, index, item, with_text)));
            all_items.push(item.clone());
        }
        let record = PageRecord::new(source, page.number, encoding, page.text.len(), page.malformed, &result);
        cleaned.page_records.push_str(&json_line(&record));
    }
    cleaned.items = all_items.len();
    (cleaned, all_items)
}

/// Standard input: one source, JSON lines with text to standard output.
fn run_stdin(config: &Config, started: Instant) -> Result<Summary, Error> {
    if config.inputs.len() > 1 {
        return Err(Error::Usage("`-` (standard input) cannot be combined with other inputs".into()));
    }
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| Error::io("-", e))?;
    let source = Source { rel: "-".into(), path: None };
    let mut summary = Summary::default();
    match decode(&bytes, config.encoding) {
        Ok(decoded) => {
            let facts =
                pages(&decoded).into_iter().fold(Facts::default(), |f, p| f.with_page(page_facts(p, &config.clean)));
            let jsonl = Config { format: Format::Jsonl, ..config.clone() };
            let (cleaned, _) = clean_decoded(&source, &decoded, &facts.into_context(), &jsonl);
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            if let Err(e) = out.write_all(cleaned.entries.as_bytes()).and_then(|()| out.flush()) {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    return Err(Error::io("-", e));
                }
            }
            summary.files = 1;
            summary.pages = cleaned.pages;
            summary.items = cleaned.items;
            summary.bytes = bytes.len() as u64;
        }
        Err(reason) => {
            summary.skipped = 1;
            eprintln!("galley: -: skipped: {reason}");
        }
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Finds the input files, sorted by their path relative to their root.
/// The records a run writes beside its items: the manifest (or, with
/// `--format jsonl`, the articles) and the pages. Cleaning a folder of
/// output again skips them.
const RECORD_FILES: [&str; 3] = ["manifest.jsonl", "articles.jsonl", "pages.jsonl"];

fn discover(config: &Config) -> Vec<Found> {
    let out = fs::canonicalize(&config.out).ok();
    let mut found = Vec::new();
    for input in &config.inputs {
        let Input::Path(path) = input else { continue };
        match fs::metadata(path) {
            Err(_) => found.push(Found {
                source: Source { rel: path.display().to_string(), path: Some(path.clone()) },
                verdict: Some(Outcome::Failed { error: Error::MissingInput { path: path.clone() } }),
            }),
            Ok(meta) if meta.is_dir() => walk(path, out.as_deref(), &mut found),
            Ok(_) => {
                let name = path.file_name().map(PathBuf::from).unwrap_or_else(|| path.clone());
                found.push(found_at(path.clone(), &name));
            }
        }
    }
    found.sort_by(|a, b| a.source.rel.cmp(&b.source.rel));
    mark_clashes(&mut found);
    found
}

/// Walks a folder: regular files only, hidden entries, symlinks and the
/// output folder left out.
fn walk(root: &Path, out: Option<&Path>, found: &mut Vec<Found>) {
    let walker = walkdir::WalkDir::new(root).follow_links(false).sort_by_file_name().into_iter();
    let entries = walker.filter_entry(|e| {
        let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
        let is_out = e.file_type().is_dir() && out.is_some_and(|o| fs::canonicalize(e.path()).is_ok_and(|p| p == o));
        !hidden && !is_out
    });
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_dir() || e.file_type().is_symlink() => {}
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path()).to_path_buf();
                let mut f = found_at(e.path().to_path_buf(), &rel);
                if e.file_name().to_str().is_some_and(|name| RECORD_FILES.contains(&name)) {
                    f.verdict = Some(Outcome::Skipped { reason: "galley's own record of a run, not a page".into() });
                }
                found.push(f);
            }
            Ok(e) => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                found.push(Found {
                    source: Source { rel: rel.to_string_lossy().into_owned(), path: Some(e.path().to_path_buf()) },
                    verdict: Some(Outcome::Failed { error: Error::NotAFile { path: e.path().to_path_buf() } }),
                });
            }
            Err(err) => {
                let path = err.path().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
                let error = Error::io(&path, err.into());
                found
                    .push(Found { source: Source { rel, path: Some(path) }, verdict: Some(Outcome::Failed { error }) });
            }
        }
    }
}

/// A found file; skipped if its relative name is not UTF-8 (the manifest
/// and the item folder are named by it).
fn found_at(path: PathBuf, rel: &Path) -> Found {
    match rel.to_str() {
        Some(rel) => Found { source: Source { rel: rel.replace('\\', "/"), path: Some(path) }, verdict: None },
        None => Found {
            source: Source { rel: rel.to_string_lossy().into_owned(), path: Some(path) },
            verdict: Some(Outcome::Skipped { reason: "file name is not valid UTF-8; rename it to clean it".into() }),
        },
    }
}

/// Two sources whose items would share a folder (`a.txt` and `a.md`, or the
/// same name under two roots): the later one fails.
fn mark_clashes(found: &mut [Found]) {
    let mut owners: HashMap<String, PathBuf> = HashMap::new();
    for f in found.iter_mut().filter(|f| f.verdict.is_none()) {
        let folder = f.source.folder().to_owned();
        match owners.get(&folder) {
            Some(first) => {
                let error = Error::Clash { folder, first: first.clone() };
                f.verdict = Some(Outcome::Failed { error });
            }
            None => {
                owners.insert(folder, f.source.path.clone().unwrap_or_default());
            }
        }
    }
}
