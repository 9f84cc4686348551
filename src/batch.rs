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
//! shard's files, each worker writing only its own item folder of the new
//! output (`OutDir`), which replaces OUT whole once everything is written.
//! Both passes run in `jobs` threads that hand each file's result back in
//! input order (`ordered::in_order`), so the records (the first
//! pass's `sources.jsonl`, the second's manifests) are written as files
//! finish, the same at any thread count, in memory that does not grow
//! with the batch. A file's
//! outcome is a value — cleaned, skipped or failed — and the run goes on;
//! only a failure to write the output stops it, leaving OUT as it was.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Instant, SystemTime};

use encoding_rs::Encoding;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::check::Comparison;
use crate::clean::{Draft, clean_drafted, clean_page, drafted_facts, page_facts};
use crate::config::{CleanOptions, Config, Format, Input, Mode, Selection};
use crate::context::{BatchContext, Facts};
use crate::decode::{decode, pages};
use crate::error::{Error, ExitStatus};
use crate::model::{Decoded, Item, Source};
use crate::outdir::{OutDir, PAGES_RECORD};
use crate::previous::{Earlier, Previous, SOURCES_RECORD};
use crate::progress::Progress;
use crate::provenance::{Provenance, RUN_RECORD, RunRecord, content_hash, file_stat, options_hash};
use crate::trace::Trace;
use crate::write::{Entry, Origin, PageRecord, json_line, write_items};

/// What became of one input file.
#[derive(Debug)]
pub enum Outcome {
    /// Cleaned and written, or kept from the earlier output.
    Cleaned(Box<Cleaned>),
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
    /// Kept from the earlier output, not cleaned again.
    kept: bool,
    /// With `--check`: how OUT's item files differ from the file's items.
    items_differ: Vec<String>,
}

/// The figures of a run, for the summary line and the exit status.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Files cleaned or kept.
    pub files: usize,
    /// Pages cleaned or kept.
    pub pages: usize,
    /// Items written or kept.
    pub items: usize,
    /// Bytes of the pages' text.
    pub bytes: u64,
    /// Wall-clock seconds of the run.
    pub seconds: f64,
    /// Files skipped.
    pub skipped: usize,
    /// Files that failed.
    pub failed: usize,
    /// Pages with warnings.
    pub warnings: usize,
    /// Files cleaned by this run (the others were kept, with
    /// `--incremental`, or trusted by their provenance, with `--check`).
    pub recleaned: usize,
    /// The mode of the run.
    pub mode: Mode,
    /// With `--check`: how OUT differs from what a full run would write.
    pub differences: Vec<String>,
}

impl Summary {
    /// The exit status the run earns: 1 if any input failed, or if a
    /// check found OUT out of date.
    pub fn exit_status(&self) -> ExitStatus {
        if self.failed > 0 || !self.differences.is_empty() { ExitStatus::SomeFailed } else { ExitStatus::Success }
    }

    /// The one-line summary printed at the end of a run.
    pub fn line(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        let mut line = format!(
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
        );
        match self.mode {
            Mode::Full => {}
            Mode::Incremental => line.push_str(&format!("; {} re-cleaned", self.recleaned)),
            Mode::Check if self.differences.is_empty() => {
                line.push_str(&format!("; {} re-cleaned to check; OUT is current", self.recleaned));
            }
            Mode::Check => line.push_str(&format!(
                "; {} re-cleaned to check; OUT is not current: {} differences",
                self.recleaned,
                self.differences.len()
            )),
        }
        line
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

/// What the first pass learnt of one input.
#[derive(Debug, Default)]
struct Scan {
    /// The encoding it was read in (`None` when its facts were kept).
    encoding: Option<&'static Encoding>,
    /// SHA-256 of its bytes, when it could be read.
    input: Option<String>,
    /// Its line of `sources.jsonl`, when it is text.
    sources_line: Option<String>,
    /// What the file system said of it, when it had been left alone.
    stat: Option<String>,
    /// Drafts of its pages for the second pass, each `None` where the
    /// budget had no room for it.
    drafts: Mutex<Vec<Option<Draft>>>,
}

/// One line of `sources.jsonl`: an input's content hash and the facts it
/// adds to the batch.
#[derive(Serialize)]
struct SourceEntry<'a> {
    source: &'a str,
    input: &'a str,
    facts: &'a Facts,
}

/// Where a run's output goes.
#[derive(Clone, Copy)]
enum Target<'a> {
    /// JSON lines on standard output.
    Stdout,
    /// The new output, which replaces OUT.
    Out(&'a OutDir),
    /// Nowhere: compared with OUT (`--check`).
    Check(&'a Path),
}

/// What the second pass cleans with, the same for every file.
struct Pass<'a> {
    ctx: &'a BatchContext,
    config: &'a Config,
    target: Target<'a>,
    previous: &'a Previous,
    stamp: &'a Provenance,
}

/// Cleans every input of `config`; `say` gets one line per skipped or
/// failed file, in input order, as files finish (the binary prints them
/// on stderr: the library prints nothing). Nothing is written before the
/// inputs are found; OUT changes only when the whole new output is written.
pub fn run(config: &Config, say: &mut dyn FnMut(&str)) -> Result<Summary, Error> {
    let (started, wall_clock) = (Instant::now(), SystemTime::now());
    let found = discover(config)?;
    let located = match config.mode {
        Mode::Check => None,
        Mode::Full | Mode::Incremental => config.out.as_deref().map(OutDir::locate).transpose()?,
    };
    let previous = match (config.mode, located.as_deref().or(config.out.as_deref())) {
        (Mode::Full, _) | (_, None) => Previous::default(),
        (_, Some(path)) => Previous::read(path, config.format)?,
    };
    // An incremental run over an earlier output of its format updates it
    // in place; any other run replaces OUT whole.
    let in_place = config.mode == Mode::Incremental && previous.stamp.is_some();
    let out = located.map(|path| if in_place { OutDir::update(path) } else { OutDir::replace(path) }).transpose()?;
    let target = match (&out, &config.out) {
        (Some(out), _) => Target::Out(out),
        (None, Some(path)) if config.mode == Mode::Check => Target::Check(path),
        (None, _) => Target::Stdout,
    };
    let progress = Progress::new(found.len() as u64, config.progress);
    // `sources.jsonl` is written as the first pass goes, into the new
    // output, or (with `--check`) into a digest to compare with OUT's.
    let mut sources = Sources::open(out.as_ref())?;
    // With facts from a file, no first pass: a shard reads only its slice.
    let (ctx, scans) = match &config.facts {
        Some(facts) => (Facts::clone(facts).into_context(), found.iter().map(|_| Scan::default()).collect()),
        None => {
            progress.phase("scanning", found.len() as u64);
            let first = First { config, previous: &previous, started: wall_clock, budget: DRAFT_BUDGET };
            let written = gather(&found, &first, &progress, &mut sources);
            let (facts, scans) = written.map_err(|e| cannot_write(out.as_ref(), e))?;
            (facts.into_context(), scans)
        }
    };
    let sources = sources.close().map_err(|e| cannot_write(out.as_ref(), e))?;
    let stat = found.iter().zip(&scans).filter_map(|(f, s)| Some((f.source.rel.clone(), s.stat.clone()?))).collect();
    let stamp = Provenance::new(config, &ctx);
    let selected: Vec<(Found, Scan)> = found
        .into_iter()
        .zip(scans)
        .enumerate()
        .filter(|(k, _)| config.shard.is_none_or(|s| s.holds(*k)))
        .map(|(_, f)| f)
        .collect();
    progress.phase("cleaning", selected.len() as u64);
    let mut records = Records::open(target, config.format, &previous, say)?;
    let pass = Pass { ctx: &ctx, config, target, previous: &previous, stamp: &stamp };
    let result = clean_selected(selected, &pass, &mut records, &progress);
    progress.finish();
    result?;
    let (mut summary, comparison, kept) = records.close()?;
    summary.mode = config.mode;
    if let (Some(comparison), Target::Check(path)) = (comparison, target) {
        summary.differences = comparison.finish(path, &sources, manifest_name(config.format));
    }
    summary.seconds = started.elapsed().as_secs_f64();
    if let Some(out) = out {
        remove_stale_items(&out, &previous, &kept)?;
        let run = RunRecord { stat, ..RunRecord::new(config, &stamp, wall_clock) };
        write_run_records(&out, run, &summary)?;
        out.commit(&[manifest_name(config.format), SOURCES_RECORD, PAGES_RECORD, RUN_RECORD])?;
    }
    Ok(summary)
}

/// Where the first pass writes `sources.jsonl`: into the new output, or
/// into a digest of what it would hold (`--check` compares it with OUT's).
enum Sources {
    File(BufWriter<fs::File>),
    Digest(Sha256),
}

impl Sources {
    fn open(out: Option<&OutDir>) -> Result<Sources, Error> {
        Ok(match out {
            Some(out) => Sources::File(BufWriter::new(out.create_record(SOURCES_RECORD)?)),
            None => Sources::Digest(Sha256::default()),
        })
    }

    /// Flushes what was written; the hex SHA-256 of it when it went to no
    /// file.
    fn close(self) -> std::io::Result<String> {
        match self {
            Sources::File(mut file) => file.flush().map(|()| String::new()),
            Sources::Digest(digest) => Ok(digest.finalize().iter().map(|b| format!("{b:02x}")).collect()),
        }
    }
}

impl Write for Sources {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self {
            Sources::File(file) => file.write(bytes),
            Sources::Digest(digest) => {
                digest.update(bytes);
                Ok(bytes.len())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sources::File(file) => file.flush(),
            Sources::Digest(_) => Ok(()),
        }
    }
}

/// The error of a failed write of the run's records: OUT's, or (with
/// `--check`, where nothing is written but a digest) none that can happen.
fn cannot_write(out: Option<&OutDir>, error: std::io::Error) -> Error {
    match out {
        Some(out) => out.cannot_write(error),
        None => Error::io(Path::new("-"), error),
    }
}

/// Removes, when the run updates OUT in place, the item files of every
/// earlier input it did not keep (gone, no longer a page, or cleaned
/// again, unless into the same folder, which its worker left holding its
/// new items only).
fn remove_stale_items(out: &OutDir, previous: &Previous, kept: &HashSet<String>) -> Result<(), Error> {
    if !out.in_place() {
        return Ok(());
    }
    let mut stale: Vec<(&String, &Earlier)> = previous.files.iter().filter(|(s, _)| !kept.contains(*s)).collect();
    stale.sort_unstable_by_key(|(source, _)| *source);
    for (source, earlier) in stale {
        let items = previous.items(source, earlier).unwrap_or_default();
        let paths: Vec<&str> = items.iter().filter_map(|e| e.path.as_deref()).collect();
        out.remove_items(source, &paths)?;
    }
    Ok(())
}

/// Writes `run.json` into the new output.
fn write_run_records(out: &OutDir, mut run: RunRecord<'_>, summary: &Summary) -> Result<(), Error> {
    (run.files, run.pages, run.items) = (summary.files, summary.pages, summary.items);
    (run.skipped, run.failed, run.warnings) = (summary.skipped, summary.failed, summary.warnings);
    (run.recleaned, run.seconds) = (summary.recleaned, summary.seconds);
    let mut text = serde_json::to_string_pretty(&run).expect("the run record serializes");
    text.push('\n');
    out.create_record(RUN_RECORD)?.write_all(text.as_bytes()).map_err(|e| out.cannot_write(e))
}

/// The second pass: cleans the selected files in parallel and records
/// each, in input order, as it finishes. `Err` when the output cannot be
/// written, which stops the run.
fn clean_selected(
    mut selected: Vec<(Found, Scan)>,
    pass: &Pass<'_>,
    records: &mut Records<'_>,
    progress: &Progress,
) -> Result<(), Error> {
    // Discovery's verdicts go to the writer; the workers skip those files.
    let mut verdicts: Vec<Option<Outcome>> = selected.iter_mut().map(|(f, _)| f.verdict.take()).collect();
    let decided: Vec<bool> = verdicts.iter().map(Option::is_some).collect();
    let mut failure = None;
    crate::ordered::in_order(
        selected.len(),
        pass.config.jobs,
        |k| {
            let (found, scan) = &selected[k];
            let drafts = std::mem::take(&mut *scan.drafts.lock().expect("no worker panics holding the lock"));
            if decided[k] { Ok(None) } else { clean_file(found, scan, drafts, pass).map(Some) }
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
/// and page records in the new output, or the items to standard output,
/// or, with `--check`, into a comparison with OUT's; skips, failures and
/// (on standard output) warnings to `say`.
struct Records<'a> {
    items: Box<dyn Write>,
    say: &'a mut dyn FnMut(&str),
    pages: Option<Box<dyn Write>>,
    /// With `--check`: the comparison the records go to instead.
    comparison: Option<Comparison<'a>>,
    /// What errors name: OUT, or `-` for standard output.
    name: PathBuf,
    summary: Summary,
    /// Standard output was closed by its reader: nothing more to write.
    closed: bool,
    /// The sources whose earlier records and items were kept.
    kept: HashSet<String>,
}

impl<'a> Records<'a> {
    fn open(
        target: Target<'_>,
        format: Format,
        previous: &'a Previous,
        say: &'a mut dyn FnMut(&str),
    ) -> Result<Records<'a>, Error> {
        type Parts<'a> = (Box<dyn Write>, Option<Box<dyn Write>>, Option<Comparison<'a>>, PathBuf);
        let (items, pages, comparison, name): Parts<'a> = match target {
            Target::Stdout => (Box::new(BufWriter::new(std::io::stdout())), None, None, PathBuf::from("-")),
            Target::Check(path) => {
                let comparison = Some(Comparison::new(previous));
                (Box::new(std::io::sink()), Some(Box::new(std::io::sink())), comparison, path.to_owned())
            }
            Target::Out(out) => {
                let create = |name| out.create_record(name).map(BufWriter::new);
                let items: Box<dyn Write> = Box::new(create(manifest_name(format))?);
                let pages: Box<dyn Write> = Box::new(create(PAGES_RECORD)?);
                (items, Some(pages), None, out.out().to_owned())
            }
        };
        let summary = Summary::default();
        Ok(Records { items, say, pages, comparison, name, summary, closed: false, kept: HashSet::new() })
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
                summary.recleaned += usize::from(!c.kept);
                if c.kept {
                    self.kept.insert(source.rel.clone());
                }
                // Page warnings are in pages.jsonl; what decoding doubted or
                // repaired is said on stderr too, as the user may have to act.
                let said = if self.pages.is_none() { &c.warnings } else { &c.notes };
                for warning in said {
                    (self.say)(&format!("galley: {}: {warning}", shown(source)));
                }
                if let Some(comparison) = &mut self.comparison {
                    comparison.file(&source.rel, &c.entries, &c.page_records, c.items_differ);
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

    /// Flushes the records; the run's figures, the comparison of a check,
    /// and the sources kept.
    fn close(mut self) -> Result<(Summary, Option<Comparison<'a>>, HashSet<String>), Error> {
        match self.items.flush() {
            Err(e) if !(e.kind() == std::io::ErrorKind::BrokenPipe && self.pages.is_none()) => {
                return Err(self.cannot_write(e));
            }
            _ => {}
        }
        if let Some(mut pages) = self.pages.take() {
            pages.flush().map_err(|e| self.cannot_write(e))?;
        }
        Ok((self.summary, self.comparison, self.kept))
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
    let first = First { config: &config, previous: &Previous::default(), started: SystemTime::now(), budget: 0 };
    let gathered = gather(&found, &first, &Progress::new(0, false), &mut std::io::sink());
    Ok(gathered.expect("a sink takes every write").0.into_context())
}

/// The facts of the inputs of `config` (of its `--shard` slice, if any),
/// for `galley facts`. The same files give the same facts at any thread
/// count, and the facts of the N slices merge into those of the whole.
pub fn facts(config: &Config) -> Result<Facts, Error> {
    let mut found = discover(config)?;
    if let Some(shard) = config.shard {
        let mut position = 0..;
        found.retain(|_| shard.holds(position.next().expect("an endless range")));
    }
    let progress = Progress::new(found.len() as u64, config.progress);
    progress.phase("scanning", found.len() as u64);
    let first = First { config, previous: &Previous::default(), started: SystemTime::now(), budget: 0 };
    let (facts, _) = gather(&found, &first, &progress, &mut std::io::sink()).expect("a sink takes every write");
    progress.finish();
    Ok(facts)
}

/// Bytes of memory the first pass may fill with drafts of pages for the
/// second (see [`Draft`]): a batch that fits is prepared once, a larger
/// one partly, and memory stays flat however large the batch.
const DRAFT_BUDGET: usize = 32 << 20;

/// Room left for drafts, shared by the workers of the first pass.
struct Room(AtomicUsize);

impl Room {
    /// Takes `bytes` of the room, if there are that many left.
    fn take(&self, bytes: usize) -> bool {
        self.0.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| left.checked_sub(bytes)).is_ok()
    }
}

/// What the first pass reads the inputs with.
struct First<'a> {
    config: &'a Config,
    /// The earlier output, whose facts of unchanged inputs are kept.
    previous: &'a Previous,
    /// When the run started (what an input's file-system stamp is checked against).
    started: SystemTime,
    /// Bytes of drafts the first pass may keep for the second.
    budget: usize,
}

/// The first pass: the batch's facts, from every discovered file, and what
/// was learnt of each file, with drafts of the pages the second pass
/// cleans within the budget. A file whose bytes and options are those of
/// the earlier output keeps the facts recorded there, unread beyond its hash.
fn gather(
    found: &[Found],
    first: &First<'_>,
    progress: &Progress,
    sources: &mut dyn Write,
) -> std::io::Result<(Facts, Vec<Scan>)> {
    let options = options_hash(first.config);
    let room = Room(AtomicUsize::new(first.budget));
    let (mut facts, mut scans, mut failure) = (Facts::default(), Vec::with_capacity(found.len()), None);
    // Files are read in parallel and merged in input order as they finish,
    // each one's line of `sources.jsonl` written at once: memory stays flat
    // however many files the batch holds.
    crate::ordered::in_order(
        found.len(),
        first.config.jobs,
        |k| {
            let f = &found[k];
            let scanned = if f.verdict.is_none() { scan(k, f, first, &options, &room) } else { None };
            progress.step();
            scanned.unwrap_or_default()
        },
        |_, (file_facts, mut scan): (Facts, Scan)| {
            if let Some(line) = scan.sources_line.take() {
                if let Err(error) = sources.write_all(line.as_bytes()) {
                    failure = Some(error);
                    return false;
                }
            }
            facts = std::mem::take(&mut facts).merge(file_facts);
            scans.push(scan);
            true
        },
    );
    failure.map_or(Ok((facts, scans)), Err)
}

/// Reads one input for the first pass: its hash, and its facts, kept from
/// the earlier output or gathered from its pages. `None` when it cannot be
/// read (the second pass says why).
fn scan(k: usize, found: &Found, first: &First<'_>, options: &str, room: &Room) -> Option<(Facts, Scan)> {
    let (config, previous) = (first.config, first.previous);
    let source = found.source.rel.as_str();
    let stat = found.source.path.as_deref().and_then(|path| file_stat(path, first.started));
    let untouched = stat.as_deref().and_then(|s| previous.unchanged_input(source, s));
    if let Some((facts, line)) = untouched.and_then(|input| previous.facts(source, input, options)) {
        let (sources_line, input) = (Some(line.to_owned() + "\n"), untouched.map(str::to_owned));
        return Some((facts, Scan { sources_line, input, stat, ..Scan::default() }));
    }
    let bytes = read_bytes(found).ok()?;
    let input = content_hash(&bytes);
    if let Some((facts, line)) = previous.facts(source, &input, options) {
        let sources_line = Some(line.to_owned() + "\n");
        return Some((facts, Scan { sources_line, input: Some(input), stat, ..Scan::default() }));
    }
    let Ok(decoded) = decode(&bytes, config.encoding) else {
        return Some((Facts::default(), Scan { input: Some(input), stat, ..Scan::default() }));
    };
    // Kept furniture goes back in from the page's lines, which a draft
    // does not hold.
    let cleaned = config.shard.is_none_or(|s| s.holds(k)) && !config.clean.keep_furniture;
    let (mut facts, mut drafts) = (Facts::default(), Vec::new());
    for page in pages(&decoded) {
        let (page_facts, draft) = drafted_facts(page, &config.clean);
        facts = facts.with_page(page_facts);
        drafts.push((cleaned && room.take(draft.size())).then(|| draft.keep()));
    }
    let sources_line = Some(json_line(&SourceEntry { source, input: &input, facts: &facts }));
    let encoding = Some(decoded.encoding);
    Some((facts, Scan { encoding, sources_line, input: Some(input), stat, drafts: Mutex::new(drafts) }))
}

/// The facts of a decoded file: of each of its pages.
pub fn file_facts(decoded: &Decoded, options: &CleanOptions) -> Facts {
    pages(decoded).into_iter().fold(Facts::default(), |facts, page| facts.with_page(page_facts(page, options)))
}

/// The articles of a decoded file as `--format jsonl` writes them to
/// `articles.jsonl`: one JSON line per item, its manifest fields and text.
pub fn articles(source: &Source, decoded: &Decoded, ctx: &BatchContext, options: &CleanOptions) -> String {
    let origin = Origin { source, input: "", stamp: &Provenance::default() };
    clean_decoded(origin, decoded, Vec::new(), ctx, options, true).0.entries
}

/// An input's bytes; `Err` holds the outcome when it cannot be read.
fn read_bytes(found: &Found) -> Result<std::borrow::Cow<'_, [u8]>, Outcome> {
    match (&found.bytes, &found.source.path) {
        (Some(bytes), _) => Ok(bytes.into()),
        (None, Some(path)) => fs::read(path).map(Into::into).map_err(|e| Outcome::Failed { error: Error::io(path, e) }),
        (None, None) => Err(Outcome::Skipped { reason: "no file".into() }),
    }
}

/// The second pass for one file: keep its earlier records and items when
/// they are current (`--incremental`, `--check`), or clean its pages and
/// write (or, with `--check`, compare) its items. `Err` only when the
/// output cannot be written.
fn clean_file(found: &Found, scan: &Scan, drafts: Vec<Option<Draft>>, pass: &Pass<'_>) -> Result<Outcome, Error> {
    let earlier = scan.input.as_deref().and_then(|input| pass.previous.current(&found.source.rel, input, pass.stamp));
    if let Some(earlier) = earlier {
        if let Some(kept) = keep(&found.source.rel, earlier, pass.previous, pass.target) {
            return Ok(Outcome::Cleaned(Box::new(kept)));
        }
    }
    let bytes = match read_bytes(found) {
        Ok(bytes) => bytes,
        Err(outcome) => return Ok(outcome),
    };
    // With a facts file there was no first pass to hash the input.
    let input = scan.input.clone().unwrap_or_else(|| content_hash(&bytes));
    // The first pass found each file's encoding; detection is not
    // repeated (chardetng is the slowest step of decoding).
    let decoded = match decode(&bytes, pass.config.encoding.or(scan.encoding)) {
        Ok(decoded) => decoded,
        Err(reason) => return Ok(Outcome::Skipped { reason: reason.to_string() }),
    };
    let with_text = pass.config.format == Format::Jsonl || matches!(pass.target, Target::Stdout);
    let origin = Origin { source: &found.source, input: &input, stamp: pass.stamp };
    let (mut cleaned, items) = clean_decoded(origin, &decoded, drafts, pass.ctx, &pass.config.clean, with_text);
    match pass.target {
        Target::Out(out) if !with_text => write_items(out, &found.source, &items)?,
        Target::Check(path) if !with_text => {
            cleaned.items_differ = crate::check::compare_items(path, &found.source, &items)
        }
        _ => {}
    }
    Ok(Outcome::Cleaned(Box::new(cleaned)))
}

/// An input's earlier records and items, kept: its item files are left
/// where they are (OUT updated in place) or, with `--check`, looked for.
/// `None` when its folder in OUT does not hold exactly its item files, or
/// its records do not parse: the input is cleaned.
fn keep(source: &str, earlier: &Earlier, previous: &Previous, target: Target<'_>) -> Option<Cleaned> {
    let items = previous.items(source, earlier)?;
    let mut kept = Cleaned {
        pages: earlier.pages,
        items: earlier.items,
        bytes: earlier.bytes,
        warnings: earlier.warnings.clone(),
        entries: previous.entry_lines(earlier).to_owned(),
        page_records: previous.page_lines(earlier).to_owned(),
        kept: true,
        ..Cleaned::default()
    };
    match target {
        Target::Out(out) => {
            let paths: Vec<&str> = items.iter().filter_map(|item| item.path.as_deref()).collect();
            if !out.holds_items(&paths) {
                return None;
            }
        }
        Target::Check(dir) => {
            for item in &items {
                let missing = item.path.as_ref().is_some_and(|p| fs::symlink_metadata(dir.join(p.as_ref())).is_err());
                if missing {
                    kept.items_differ.push(format!("missing item {}", item.id));
                }
            }
        }
        Target::Stdout => {}
    }
    Some(kept)
}

/// Cleans the pages of a decoded file, going on from the first pass's
/// drafts of them where it can; returns the records and the items.
fn clean_decoded(
    origin: Origin<'_>,
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
        let record = PageRecord::new(origin, page.number, encoding, page.text.len(), page.malformed, &result);
        cleaned.page_records.push_str(&json_line(&record));
        paged_items.extend(result.items.into_iter().map(|item| (page.number, item)));
    }
    // Items are numbered across the file, with as many digits as it needs.
    let count = paged_items.len();
    let source = origin.source;
    for (k, (page, item)) in paged_items.iter().enumerate() {
        cleaned.entries.push_str(&json_line(&Entry::new(source, *page, k + 1, count, item, with_text)));
    }
    cleaned.items = count;
    (cleaned, paged_items.into_iter().map(|(_, item)| item).collect())
}

/// The manifest of a format: `manifest.jsonl`, or `articles.jsonl`.
fn manifest_name(format: Format) -> &'static str {
    match format {
        Format::Txt => RECORD_FILES[0],
        Format::Jsonl => RECORD_FILES[1],
    }
}

/// The records a run writes beside its items: the manifest (or, with
/// `--format jsonl`, the articles) and the pages. Cleaning a folder of
/// output again skips them.
const RECORD_FILES: [&str; 5] = ["manifest.jsonl", "articles.jsonl", PAGES_RECORD, SOURCES_RECORD, RUN_RECORD];

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
        // Only a folder named as OUT can be OUT (symlinks are not followed).
        let is_out = e.file_type().is_dir()
            && out.is_some_and(|o| {
                o.file_name() == Some(e.file_name()) && fs::canonicalize(e.path()).is_ok_and(|p| p == o)
            });
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
