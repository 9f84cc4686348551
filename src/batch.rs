//! The batch runner: discovery, sharding, two parallel passes, outcomes.
//!
//! Inputs are checked and discovered before anything is written: a missing
//! input, an output folder that is an input (or holds one) or a batch with
//! no page fails the run at once, with OUT left as it was. Discovery is
//! sequential (`walkdir`, sorted, hidden entries, symlinks, the output
//! folder and the files `--glob`/`--exclude` leave out skipped), sorted by
//! the path relative to its root; `--shard K/N` keeps every N-th of that
//! list. A first pass over all inputs gathers the batch's facts (so that
//! each shard cleans with the same context and shards add up to the full
//! run), and keeps, within a memory budget, each page of the shard as it
//! prepared it without those facts (a `Draft`): where the facts turn out
//! to change nothing the page asked of them, the second pass goes on from
//! the draft instead of preparing the page again. The second cleans the
//! shard's files, each worker writing only its
//! own item folder of the new output (`OutDir`), which replaces OUT whole
//! once everything is written. Both passes run `par_iter().map().collect()`
//! in a local rayon pool, so results come back in input order whatever the
//! thread count; the manifests are then written by one thread. A file's
//! outcome is a value — cleaned, skipped or failed — and the run goes on;
//! only a failure to write the output stops it, leaving OUT as it was.

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use encoding_rs::Encoding;
use rayon::prelude::*;

use crate::clean::{Draft, clean_drafted, clean_page, drafted_facts, page_facts};
use crate::config::{CleanOptions, Config, Format, Input, Selection};
use crate::context::{BatchContext, Facts};
use crate::decode::{decode, pages};
use crate::error::{Error, ExitStatus};
use crate::model::{Decoded, Item, Source};
use crate::outdir::{OutDir, PAGES_RECORD};
use crate::progress::Progress;
use crate::trace::Trace;
use crate::write::{Entry, PageRecord, json_line, write_items};

/// What became of one input file.
#[derive(Debug)]
pub enum Outcome {
    /// Cleaned and written.
    Cleaned(Cleaned),
    /// Left out, not an error: not text, or not a page.
    Skipped {
        /// Why.
        reason: String,
    },
    /// Could not be read.
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
    /// Each page's warnings, prefixed with its number.
    warnings: Vec<String>,
    /// What decoding doubted or repaired in the file.
    notes: Vec<String>,
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

/// A discovered input and what is known of it before cleaning.
#[derive(Debug)]
struct Found {
    source: Source,
    /// Standard input's bytes, read at discovery.
    bytes: Option<Vec<u8>>,
    /// Set when discovery already knows the outcome (bad name, clash…).
    verdict: Option<Outcome>,
}

/// Cleans every input of `config`; `say` gets one line per skipped or
/// failed file, in input order, as files finish (the binary prints them
/// on stderr: the library prints nothing). Nothing is written before the
/// inputs are found; OUT changes only when the whole new output is written.
pub fn run(config: &Config, say: &mut dyn FnMut(&str)) -> Result<Summary, Error> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.max(1))
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    let found = discover(config)?;
    let out = config.out.as_deref().map(OutDir::open).transpose()?;
    let progress = Progress::new(found.len() as u64, config.progress);
    // With facts from a file, no first pass: a shard reads only its slice.
    let (ctx, looks) = match &config.facts {
        Some(facts) => (Facts::clone(facts).into_context(), found.iter().map(|_| FirstLook::default()).collect()),
        None => {
            progress.phase("scanning", found.len() as u64);
            let (facts, looks) = pool.install(|| gather(&found, config, DRAFT_BUDGET, &progress));
            (facts.into_context(), looks)
        }
    };
    let selected: Vec<(Found, FirstLook)> = found
        .into_iter()
        .zip(looks)
        .enumerate()
        .filter(|(k, _)| config.shard.is_none_or(|s| s.holds(*k)))
        .map(|(_, f)| f)
        .collect();
    progress.phase("cleaning", selected.len() as u64);
    let mut records = Records::open(out.as_ref(), config.format, say)?;
    let result = clean_selected(selected, &ctx, config, out.as_ref(), &mut records, &progress);
    progress.finish();
    result?;
    let mut summary = records.close()?;
    if let Some(out) = out {
        out.commit()?;
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The second pass: cleans the selected files in parallel and records
/// each, in input order, as it finishes. `Err` when the output cannot be
/// written, which stops the run.
fn clean_selected(
    mut selected: Vec<(Found, FirstLook)>,
    ctx: &BatchContext,
    config: &Config,
    out: Option<&OutDir>,
    records: &mut Records<'_>,
    progress: &Progress,
) -> Result<(), Error> {
    // Discovery's verdicts go to the writer; the workers skip those files.
    let mut verdicts: Vec<Option<Outcome>> = selected.iter_mut().map(|(f, _)| f.verdict.take()).collect();
    let decided: Vec<bool> = verdicts.iter().map(Option::is_some).collect();
    let mut failure = None;
    crate::ordered::in_order(
        selected.len(),
        config.jobs,
        |k| {
            let (found, look) = &selected[k];
            // The first pass found each file's encoding; detection is not
            // repeated (chardetng is the slowest step of decoding).
            let drafts = std::mem::take(&mut *look.drafts.lock().expect("no worker panics holding the lock"));
            if decided[k] { Ok(None) } else { clean_file(found, look.encoding, drafts, ctx, config, out).map(Some) }
        },
        |k, result| {
            progress.step();
            let recorded = result.map(|o| o.or_else(|| verdicts[k].take())).and_then(|outcome| match outcome {
                Some(outcome) => records.add(&selected[k].0.source, outcome),
                None => Ok(true),
            });
            recorded.unwrap_or_else(|error| {
                failure = Some(error);
                false
            })
        },
    );
    failure.map_or(Ok(()), Err)
}

/// Where a run's records go as files finish: the manifest (or articles)
/// and page records in the new output, or the items to standard output;
/// skips, failures and (on standard output) warnings to `say`.
struct Records<'s> {
    items: Box<dyn Write>,
    say: &'s mut dyn FnMut(&str),
    pages: Option<BufWriter<fs::File>>,
    /// What errors name: OUT, or `-` for standard output.
    name: PathBuf,
    summary: Summary,
    /// Standard output was closed by its reader: nothing more to write.
    closed: bool,
}

impl<'s> Records<'s> {
    fn open(out: Option<&OutDir>, format: Format, say: &'s mut dyn FnMut(&str)) -> Result<Records<'s>, Error> {
        let Some(out) = out else {
            let (items, name) = (Box::new(BufWriter::new(std::io::stdout())), PathBuf::from("-"));
            return Ok(Records { items, say, pages: None, name, summary: Summary::default(), closed: false });
        };
        let manifest = match format {
            Format::Txt => RECORD_FILES[0],
            Format::Jsonl => RECORD_FILES[1],
        };
        let create = |name| fs::File::create(out.path(name)?).map(BufWriter::new).map_err(|e| out.cannot_write(e));
        let (items, pages) = (Box::new(create(manifest)?), Some(create(PAGES_RECORD)?));
        Ok(Records { items, say, pages, name: out.out().to_owned(), summary: Summary::default(), closed: false })
    }

    /// Records one file's outcome; `Ok(false)` once standard output is
    /// closed, which ends the run.
    fn add(&mut self, source: &Source, outcome: Outcome) -> Result<bool, Error> {
        let summary = &mut self.summary;
        match outcome {
            Outcome::Cleaned(c) => {
                summary.files += 1;
                summary.pages += c.pages;
                summary.items += c.items;
                summary.bytes += c.bytes;
                summary.warnings += c.warnings.len();
                // Page warnings are in pages.jsonl; what decoding doubted or
                // repaired is said on stderr too, as the user may have to act.
                let said = if self.pages.is_none() { &c.warnings } else { &c.notes };
                for warning in said {
                    (self.say)(&format!("galley: {}: {warning}", shown(source)));
                }
                self.write(c.entries.as_bytes(), c.page_records.as_bytes())?;
            }
            Outcome::Skipped { reason } => {
                summary.skipped += 1;
                (self.say)(&format!("galley: {}: skipped: {reason}", shown(source)));
            }
            Outcome::Failed { error } => {
                summary.failed += 1;
                // An I/O error names the file it failed on, which is usually this one.
                let (path, report) = (shown(source), error.report());
                let reason = report.strip_prefix(&format!("{path}: ")).unwrap_or(&report);
                (self.say)(&format!("galley: {path}: {reason}"));
            }
        }
        Ok(!self.closed)
    }

    fn write(&mut self, entries: &[u8], page_records: &[u8]) -> Result<(), Error> {
        match self.items.write_all(entries) {
            // `galley clean - | head`: the reader has all it wants.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && self.pages.is_none() => self.closed = true,
            Err(e) => return Err(self.cannot_write(e)),
            Ok(()) => {}
        }
        if let Some(pages) = &mut self.pages {
            if let Err(e) = pages.write_all(page_records) {
                return Err(self.cannot_write(e));
            }
        }
        Ok(())
    }

    fn cannot_write(&self, source: std::io::Error) -> Error {
        Error::Output { path: self.name.clone(), source }
    }

    /// Flushes the records; the run's figures.
    fn close(mut self) -> Result<Summary, Error> {
        match self.items.flush() {
            Err(e) if !(e.kind() == std::io::ErrorKind::BrokenPipe && self.pages.is_none()) => {
                return Err(self.cannot_write(e));
            }
            _ => {}
        }
        if let Some(mut pages) = self.pages.take() {
            pages.flush().map_err(|e| self.cannot_write(e))?;
        }
        Ok(self.summary)
    }
}

/// How a source is named on stderr: the path as found.
fn shown(source: &Source) -> String {
    source.path.as_ref().map_or_else(|| source.rel.clone(), |p| p.display().to_string())
}

/// The batch's facts gathered from `inputs` (files or folders, discovered
/// as `galley clean` does), for `galley explain --batch`.
pub fn batch_context(inputs: &[PathBuf], config: &Config) -> Result<BatchContext, Error> {
    let config = Config { inputs: inputs.iter().cloned().map(Input::Path).collect(), out: None, ..config.clone() };
    let found = discover(&config)?;
    Ok(gather(&found, &config, 0, &Progress::new(0, false)).0.into_context())
}

/// The facts of the inputs of `config` (of its `--shard` slice, if any),
/// for `galley facts`. The same files give the same facts at any thread
/// count, and the facts of the N slices merge into those of the whole.
pub fn facts(config: &Config) -> Result<Facts, Error> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.max(1))
        .build()
        .map_err(|e| Error::Threads(e.to_string()))?;
    let mut found = discover(config)?;
    if let Some(shard) = config.shard {
        let mut position = 0..;
        found.retain(|_| shard.holds(position.next().expect("an endless range")));
    }
    let progress = Progress::new(found.len() as u64, config.progress);
    progress.phase("scanning", found.len() as u64);
    let (facts, _) = pool.install(|| gather(&found, config, 0, &progress));
    progress.finish();
    Ok(facts)
}

/// Bytes of memory the first pass may fill with drafts of pages for the
/// second (see [`Draft`]): a batch that fits is prepared once, a larger
/// one partly, and memory stays flat however large the batch.
const DRAFT_BUDGET: usize = 32 << 20;

/// What the first pass learnt of one file: the encoding it was read in,
/// and the drafts of its pages kept for the second pass, each `None`
/// where the budget had no room for it.
#[derive(Debug, Default)]
struct FirstLook {
    encoding: Option<&'static Encoding>,
    drafts: Mutex<Vec<Option<Draft>>>,
}

/// Room left for drafts, shared by the workers of the first pass.
struct Room(AtomicUsize);

impl Room {
    /// Takes `bytes` of the room, if there are that many left.
    fn take(&self, bytes: usize) -> bool {
        self.0.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| left.checked_sub(bytes)).is_ok()
    }
}

/// The first pass: the batch's facts, from every discovered file, and
/// what it learnt of each file, with drafts of the pages the second pass
/// cleans within `budget` bytes.
fn gather(found: &[Found], config: &Config, budget: usize, progress: &Progress) -> (Facts, Vec<FirstLook>) {
    let room = Room(AtomicUsize::new(budget));
    let read = |k: usize, f: &Found| {
        let mut facts = Facts::default();
        let mut drafts = Vec::new();
        let decoded = if f.verdict.is_none() { read_decoded(f, config.encoding).ok() } else { None };
        // Kept furniture goes back in from the page's lines, which a draft
        // does not hold.
        let cleaned = config.shard.is_none_or(|s| s.holds(k)) && !config.clean.keep_furniture;
        for page in decoded.iter().flat_map(pages) {
            let (page_facts, draft) = drafted_facts(page, &config.clean);
            facts = facts.with_page(page_facts);
            drafts.push((cleaned && room.take(draft.size())).then(|| draft.keep()));
        }
        progress.step();
        (facts, FirstLook { encoding: decoded.map(|d| d.encoding), drafts: Mutex::new(drafts) })
    };
    // Map, then merge (order-free); what is learnt of a file keeps its position.
    let (facts, mut looks) = found
        .par_iter()
        .enumerate()
        .map(|(k, f)| {
            let (facts, look) = read(k, f);
            (facts, vec![(k, look)])
        })
        .reduce(
            || (Facts::default(), Vec::new()),
            |(a, mut ea), (b, eb)| {
                ea.extend(eb);
                (a.merge(b), ea)
            },
        );
    looks.sort_unstable_by_key(|&(k, _)| k);
    (facts, looks.into_iter().map(|(_, look)| look).collect())
}

/// The facts of a decoded file: of each of its pages.
pub fn file_facts(decoded: &Decoded, options: &CleanOptions) -> Facts {
    pages(decoded).into_iter().fold(Facts::default(), |facts, page| facts.with_page(page_facts(page, options)))
}

/// The articles of a decoded file as `--format jsonl` writes them to
/// `articles.jsonl`: one JSON line per item, its manifest fields and text.
pub fn articles(source: &Source, decoded: &Decoded, ctx: &BatchContext, options: &CleanOptions) -> String {
    clean_decoded(source, decoded, Vec::new(), ctx, options, true).0.entries
}

/// Reads and decodes an input (in `encoding`, if given); `Err` holds the
/// outcome when it is not text.
fn read_decoded(found: &Found, encoding: Option<&'static Encoding>) -> Result<Decoded, Outcome> {
    let read;
    let bytes = match (&found.bytes, &found.source.path) {
        (Some(bytes), _) => bytes,
        (None, Some(path)) => {
            read = fs::read(path).map_err(|e| Outcome::Failed { error: Error::io(path, e) })?;
            &read
        }
        (None, None) => return Err(Outcome::Skipped { reason: "no file".into() }),
    };
    decode(bytes, encoding).map_err(|reason| Outcome::Skipped { reason: reason.to_string() })
}

/// The second pass for one file: clean its pages, write its items. `Err`
/// only when the output cannot be written.
fn clean_file(
    found: &Found,
    encoding: Option<&'static Encoding>,
    drafts: Vec<Option<Draft>>,
    ctx: &BatchContext,
    config: &Config,
    out: Option<&OutDir>,
) -> Result<Outcome, Error> {
    let decoded = match read_decoded(found, config.encoding.or(encoding)) {
        Ok(decoded) => decoded,
        Err(outcome) => return Ok(outcome),
    };
    let with_text = config.format == Format::Jsonl || out.is_none();
    let (cleaned, items) = clean_decoded(&found.source, &decoded, drafts, ctx, &config.clean, with_text);
    if let (Some(out), false) = (out, with_text) {
        write_items(out, &found.source, &items)?;
    }
    Ok(Outcome::Cleaned(cleaned))
}

/// Cleans the pages of a decoded file, going on from the first pass's
/// drafts of them where it can; returns the records and the items.
fn clean_decoded(
    source: &Source,
    decoded: &Decoded,
    drafts: Vec<Option<Draft>>,
    ctx: &BatchContext,
    options: &CleanOptions,
    with_text: bool,
) -> (Cleaned, Vec<Item>) {
    let encoding = decoded.encoding.name();
    let mut cleaned = Cleaned { notes: decoded.notes.iter().map(ToString::to_string).collect(), ..Cleaned::default() };
    let mut paged_items = Vec::new();
    let mut drafts = drafts.into_iter();
    for page in pages(decoded) {
        let result = match drafts.next().flatten() {
            Some(draft) => clean_drafted(page, draft, ctx, options),
            None => clean_page(page, ctx, options, &mut Trace::off()),
        };
        cleaned.pages += 1;
        cleaned.bytes += page.text.len() as u64;
        if !result.warnings.is_empty() {
            cleaned.warnings.push(format!("page {}: {}", page.number, result.warnings.join("; ")));
        }
        let record = PageRecord::new(source, page.number, encoding, page.text.len(), page.malformed, &result);
        cleaned.page_records.push_str(&json_line(&record));
        paged_items.extend(result.items.into_iter().map(|item| (page.number, item)));
    }
    // Items are numbered across the file, with as many digits as it needs.
    let count = paged_items.len();
    for (k, (page, item)) in paged_items.iter().enumerate() {
        cleaned.entries.push_str(&json_line(&Entry::new(source, *page, k + 1, count, item, with_text)));
    }
    cleaned.items = count;
    (cleaned, paged_items.into_iter().map(|(_, item)| item).collect())
}

/// The records a run writes beside its items: the manifest (or, with
/// `--format jsonl`, the articles) and the pages. Cleaning a folder of
/// output again skips them.
const RECORD_FILES: [&str; 3] = ["manifest.jsonl", "articles.jsonl", PAGES_RECORD];

/// Names of files in a folder that are not pages unless `--glob` asks for
/// them: a folder's own documentation.
const NOT_PAGES: [&str; 4] = ["readme", "license", "licence", "copying"];

/// Finds the input files, sorted by their path relative to their root;
/// fails, before anything is written, on a missing input, an output folder
/// that is or holds an input, or a batch without a single file.
fn discover(config: &Config) -> Result<Vec<Found>, Error> {
    if config.inputs.contains(&Input::Stdin) {
        return stdin_input(config).map(|f| vec![f]);
    }
    let out = config.out.as_deref().and_then(|o| fs::canonicalize(o).ok());
    let mut found = Vec::new();
    for input in &config.inputs {
        let Input::Path(path) = input else { continue };
        let meta = fs::metadata(path).map_err(|_| Error::MissingInput { path: path.clone() })?;
        if let Some(out) = &out {
            check_not_output(path, out)?;
        }
        if meta.is_dir() {
            walk(path, out.as_deref(), &config.select, &mut found);
        } else {
            let name = path.file_name().map(PathBuf::from).unwrap_or_else(|| path.clone());
            found.push(found_at(path.clone(), &name));
        }
    }
    if found.is_empty() {
        let named: Vec<String> = config
            .inputs
            .iter()
            .map(|i| match i {
                Input::Path(path) => path.display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        return Err(Error::Usage(format!(
            "no page files found in {}; nothing was cleaned and OUT is left as it was",
            named.join(", ")
        )));
    }
    found.sort_by(|a, b| a.source.rel.cmp(&b.source.rel));
    mark_clashes(&mut found);
    Ok(found)
}

/// Standard input as the one input of a run.
fn stdin_input(config: &Config) -> Result<Found, Error> {
    if config.inputs.len() > 1 {
        return Err(Error::Usage("`-` (standard input) cannot be combined with other inputs".into()));
    }
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| Error::io("-", e))?;
    Ok(Found { source: Source { rel: "-".into(), path: None }, bytes: Some(bytes), verdict: None })
}

/// Refuses an input that is the output folder or lies inside it: a run
/// replaces OUT whole.
fn check_not_output(input: &Path, out: &Path) -> Result<(), Error> {
    let input = fs::canonicalize(input).map_err(|e| Error::io(input, e))?;
    if input.starts_with(out) {
        return Err(Error::Usage(format!(
            "{}: this input is the output folder {} or lies inside it, and a run replaces OUT whole; \
             name another folder with -o",
            input.display(),
            out.display()
        )));
    }
    Ok(())
}

/// Walks a folder: regular files only; hidden entries, symlinks, the
/// output folder and what `select` leaves out are skipped.
fn walk(root: &Path, out: Option<&Path>, select: &Selection, found: &mut Vec<Found>) {
    let relative = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let walker = walkdir::WalkDir::new(root).follow_links(false).sort_by_file_name().into_iter();
    let entries = walker.filter_entry(|e| {
        let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
        let is_out = e.file_type().is_dir() && out.is_some_and(|o| fs::canonicalize(e.path()).is_ok_and(|p| p == o));
        let excluded = e.depth() > 0 && select.exclude.as_ref().is_some_and(|x| x.is_match(relative(e.path())));
        !hidden && !is_out && !excluded
    });
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_dir() || e.file_type().is_symlink() => {}
            Ok(e) if select.include.as_ref().is_some_and(|g| !g.is_match(relative(e.path()))) => {}
            Ok(e) if e.file_type().is_file() => {
                let mut f = found_at(e.path().to_path_buf(), &relative(e.path()));
                f.verdict = f.verdict.or_else(|| not_a_page(e.file_name(), select));
                found.push(f);
            }
            Ok(e) => {
                let mut f = found_at(e.path().to_path_buf(), &relative(e.path()));
                f.verdict = Some(Outcome::Failed { error: Error::NotAFile { path: e.path().to_path_buf() } });
                found.push(f);
            }
            Err(err) => {
                let path = err.path().map_or_else(|| root.to_path_buf(), Path::to_path_buf);
                let mut f = found_at(path.clone(), &relative(&path));
                f.verdict = Some(Outcome::Failed { error: Error::io(&path, err.into()) });
                found.push(f);
            }
        }
    }
}

/// Why a file found in a folder is not a page: galley's own records, or
/// the folder's documentation (unless `--glob` chose the files).
fn not_a_page(name: &std::ffi::OsStr, select: &Selection) -> Option<Outcome> {
    let name = name.to_string_lossy();
    if RECORD_FILES.contains(&name.as_ref()) {
        return Some(Outcome::Skipped { reason: "galley's own record of a run, not a page".into() });
    }
    let lower = name.to_lowercase();
    let documentation = NOT_PAGES.iter().any(|p| lower.starts_with(p));
    (select.include.is_none() && documentation).then(|| Outcome::Skipped {
        reason: "a folder's documentation, not a page (choose files with --glob to clean it)".into(),
    })
}

/// A found file; skipped if its relative name is not UTF-8 (the manifest
/// and the item folder are named by it).
fn found_at(path: PathBuf, rel: &Path) -> Found {
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    match parts {
        Some(parts) => Found { source: Source { rel: parts.join("/"), path: Some(path) }, bytes: None, verdict: None },
        None => Found {
            source: Source { rel: rel.to_string_lossy().into_owned(), path: Some(path) },
            bytes: None,
            verdict: Some(Outcome::Skipped { reason: "file name is not valid UTF-8; rename it to clean it".into() }),
        },
    }
}

/// Two sources whose items would share a folder (`a.txt` and `a.md`, or the
/// same name under two roots): the later one fails.
fn mark_clashes(found: &mut [Found]) {
    let mut owners: HashMap<String, PathBuf> = HashMap::new();
    for f in found.iter_mut().filter(|f| f.verdict.is_none()) {
        let folder = f.source.folder();
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
