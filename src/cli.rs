//! The command line: clap derive, each flag's help in its doc comment.
//! `into_config` validates everything up front, so a run never starts on
//! a bad request.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use galley::config::Selection;
use galley::facts::Stamp;
use galley::{CleanOptions, Config, Error, Facts, Format, Input, Mode, Shard};

/// Turns raw text dumps of scanned newspaper pages into clean UTF-8 articles.
///
/// galley reads page dumps (OCR or PDF-extraction output, web-edition
/// scrapes) in any encoding, repairs OCR spacing, rejoins the lines and
/// paragraphs cut by columns and page breaks, removes page furniture
/// (keeping a record of it) and splits each page into articles with
/// headline and byline.
#[derive(Debug, Parser)]
#[command(name = "galley", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// galley's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean page dumps into article files and JSON-lines manifests.
    ///
    /// Writes OUT/<input path without extension>/NN.txt per item (headline
    /// lines, a blank line, then one paragraph per line), OUT/manifest.jsonl
    /// (one object per item) and OUT/pages.jsonl (one object per page, with
    /// every piece of furniture removed).
    ///
    /// A run replaces OUT whole, and only when the new output is complete:
    /// interrupted, it leaves the previous output as it was. OUT must be a
    /// new or empty folder or an earlier galley output.
    ///
    /// Files that are not text are skipped and named on stderr; files that
    /// cannot be read fail and are named; the run goes on.
    ///
    /// Each page record carries its input's SHA-256, the galley version and
    /// hashes of the options and of the batch's facts; OUT/sources.jsonl
    /// keeps each input's facts and OUT/run.json records the run (inputs,
    /// options, counts, time), so that --check and --incremental can tell
    /// what changed.
    ///
    /// Exit status: 0 every input cleaned or skipped (with --check: and OUT
    /// is current); 1 some inputs failed, or the output could not be
    /// written (OUT is then left as it was), or --check found OUT out of
    /// date; 2 bad usage (a missing input or rules file, a bad option, an OUT that
    /// is an input or holds other files, no page found), with nothing written.
    Clean(CleanArgs),
    /// Show every decision made on one page dump: spacing repairs, line
    /// joins, furniture, headline assignment, the items that result.
    Explain(ExplainArgs),
    /// Gather the batch's facts (running headers, repeated boxes, word
    /// forms, paragraph seams) into a file for `galley clean --facts`.
    ///
    /// `galley clean` gathers them itself in a first pass over the whole
    /// batch; with a facts file, every `--shard` job reads only its own
    /// slice. Facts of parts of a batch merge (`--merge`) into exactly the
    /// facts of the whole: gather them per part in parallel, then merge.
    ///
    /// Exit status: 0 written; 1 the file could not be written; 2 bad usage
    /// (a missing input, facts files that do not merge), nothing written.
    Facts(FactsArgs),
    /// Write one self-contained HTML page about an output: counts per page
    /// and per rule, the furniture removed with examples, pages with
    /// warnings, orphans, charts of items per page and article lengths, and
    /// every page with its articles. Nothing in it is fetched from a network.
    Report(ReportArgs),
}

/// Arguments of `galley report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The output folder of a `galley clean` run.
    #[arg(value_name = "OUT")]
    pub out: PathBuf,

    /// Where to write the HTML page; `-` writes standard output.
    #[arg(short, long, value_name = "FILE", default_value = "report.html")]
    pub output: PathBuf,

    /// An older output of the same inputs: the report shows the pages and
    /// items added, gone and changed since.
    #[arg(long, value_name = "OLD_OUT")]
    pub diff: Option<PathBuf>,
}

/// Arguments of `galley clean`.
#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Files or folders of page dumps (folders are walked recursively;
    /// hidden entries, symlinks, READMEs and licences are left out).
    /// `-` reads standard input; without -o its items go to standard output
    /// as JSON lines. [default: seeds, when that folder exists]
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output folder [default: out]. It is replaced whole by each run.
    #[arg(short, long, value_name = "OUT")]
    pub out: Option<PathBuf>,

    /// Clean only the files of the input folders whose path (relative to
    /// the folder) matches this glob, e.g. '*.txt' or '2021/**'; may be
    /// repeated. Files named on the command line are always cleaned.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,

    /// Leave out the files and folders of the input folders whose path
    /// matches this glob, e.g. 'drafts/**' or '*.log'; may be repeated.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Worker threads [default: all cores; at most 4 per core]. Output does
    /// not depend on it.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Read every input in this encoding instead of detecting it.
    #[arg(long, value_name = "NAME", long_help = ENCODING_HELP)]
    pub encoding: Option<String>,

    /// Write one text file per item [default], or all items as
    /// OUT/articles.jsonl.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// Extra furniture, continuation and lead patterns from a TOML file:
    /// [[rule]] tables with name, regex and kind (furniture | continuation | lead).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Clean only the K-th of N deterministic slices of the sorted inputs
    /// (for a cluster's array jobs); the N slices add up to the full run.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,

    /// Clean with the batch's facts from this file (`galley facts`)
    /// instead of a first pass over every input. It must be gathered with
    /// this galley, the same --rules and --encoding, over the whole batch.
    #[arg(long, value_name = "FACTS")]
    pub facts: Option<PathBuf>,

    /// Record furniture in pages.jsonl but leave it in the items.
    #[arg(long)]
    pub keep_furniture: bool,

    /// Write nothing; exit 0 when OUT is exactly what this run would
    /// write, 1 otherwise, listing on stdout each stale, missing or extra
    /// item and page (the first 20, then a count). A page whose input
    /// bytes, options and batch facts are those its record in OUT names is
    /// not cleaned again to check it; its item files are only looked for.
    /// An input whose size, modification time and inode are those
    /// OUT/run.json recorded is not even read again (as git and make trust).
    #[arg(long, conflicts_with = "incremental")]
    pub check: bool,

    /// Clean only the inputs that are new or changed, or all of them when
    /// the options, the rules, the galley version or the batch's facts
    /// changed; keep the other items of OUT and drop those of inputs that
    /// are gone. OUT is still replaced whole, by the same bytes a full run
    /// writes (run.json aside, which records the run). The summary line
    /// counts the files re-cleaned.
    #[arg(long)]
    pub incremental: bool,

    /// No progress bar, no summary line; errors are still printed.
    #[arg(short, long)]
    pub quiet: bool,
}

/// The long help of `--encoding`: every encoding it accepts.
const ENCODING_HELP: &str = "Read every input in this encoding instead of detecting it.

Any label of the WHATWG Encoding Standard, in any case: UTF-8, UTF-16LE, UTF-16BE, \
GB18030, GBK (also GB2312), Big5 (also Big5-HKSCS), Shift_JIS, EUC-JP, ISO-2022-JP, EUC-KR, \
windows-874, windows-1250 to windows-1258, ISO-8859-2 to ISO-8859-8, ISO-8859-10, \
ISO-8859-13 to ISO-8859-16, KOI8-R, KOI8-U, IBM866, macintosh, x-mac-cyrillic \
(latin1 and ISO-8859-1 mean windows-1252).";

/// Arguments of `galley explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The page dump to explain; `-` reads standard input.
    pub file: PathBuf,

    /// Explain the decisions `clean` makes when FILE is cleaned in this
    /// batch: the facts (running headers, repeated boxes, word forms) come
    /// from these files or folders too. By default FILE is its own batch.
    #[arg(long, value_name = "INPUT")]
    pub batch: Vec<PathBuf>,

    /// Read the file in this encoding instead of detecting it.
    #[arg(long, value_name = "NAME", long_help = ENCODING_HELP)]
    pub encoding: Option<String>,

    /// Extra patterns from a TOML rules file, as for `clean`.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

/// Arguments of `galley facts`.
#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Files or folders of page dumps, found as `galley clean` finds them;
    /// with --merge, facts files.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,

    /// The facts file to write.
    #[arg(short, long, value_name = "FACTS")]
    pub out: PathBuf,

    /// Merge facts files (of parts of one batch, gathered with the same
    /// options) into the facts of the whole.
    #[arg(long)]
    pub merge: bool,

    /// Only the files of input folders whose relative path matches, as for `clean`.
    #[arg(long, value_name = "GLOB", conflicts_with = "merge")]
    pub glob: Vec<String>,

    /// Leave out the files and folders that match, as for `clean`.
    #[arg(long, value_name = "GLOB", conflicts_with = "merge")]
    pub exclude: Vec<String>,

    /// Gather the facts of only the K-th of N slices of the sorted inputs,
    /// as `clean --shard` slices them; merged, the N give the whole batch's.
    #[arg(long, value_name = "K/N", conflicts_with = "merge")]
    pub shard: Option<String>,

    /// Worker threads [default: all cores]. The facts do not depend on it.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Read every input in this encoding, as `clean` will.
    #[arg(long, value_name = "NAME", long_help = ENCODING_HELP, conflicts_with = "merge")]
    pub encoding: Option<String>,

    /// Extra patterns from a TOML rules file, as `clean` will use.
    #[arg(long, value_name = "FILE", conflicts_with = "merge")]
    pub rules: Option<PathBuf>,

    /// No progress bar, no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Where the facts of `galley facts` come from.
pub enum FactsSource {
    /// Gathered from the pages of a batch, under this stamp.
    Gather(Box<Config>, Stamp),
    /// Merged from facts files of one stamp.
    Merged(Facts, Stamp),
}

impl FactsArgs {
    /// Validates the arguments: what to gather or merge. Facts files to
    /// merge are read here, so that one that is missing or foreign stops
    /// the run before anything is written.
    pub fn into_source(self) -> Result<FactsSource, Error> {
        if self.merge {
            return merge(&self.inputs);
        }
        let encoding = encoding(self.encoding.as_deref())?;
        let clean = clean_options(self.rules.as_ref(), false)?;
        let stamp = Stamp::new(&clean, encoding);
        let config = Config {
            inputs: self.inputs.iter().cloned().map(Input::Path).collect(),
            out: None,
            select: Selection { include: globs("--glob", &self.glob)?, exclude: globs("--exclude", &self.exclude)? },
            jobs: jobs(self.jobs, self.quiet),
            encoding,
            shard: self.shard.as_deref().map(shard).transpose()?,
            progress: !self.quiet,
            summary: !self.quiet,
            clean,
            ..Config::default()
        };
        Ok(FactsSource::Gather(Box::new(config), stamp))
    }
}

/// The facts files merged; they must share one stamp.
fn merge(paths: &[PathBuf]) -> Result<FactsSource, Error> {
    let mut parts = paths.iter().map(|p| read_facts(p).map(|(facts, stamp)| (p, facts, stamp)));
    let (first, mut merged, stamp) = parts.next().expect("clap requires an input")?;
    for part in parts {
        let (path, facts, other) = part?;
        other.check(&stamp).map_err(|e| Error::Facts {
            reason: format!("{} does not merge with {}: {e}", path.display(), first.display()),
        })?;
        merged = merged.merge(facts);
    }
    Ok(FactsSource::Merged(merged, stamp))
}

/// Reads a facts file; errors name it.
pub fn read_facts(path: &std::path::Path) -> Result<(Facts, Stamp), Error> {
    let named = |reason: String| Error::Facts { reason: format!("{}: {reason}", path.display()) };
    let bytes = std::fs::read(path).map_err(|e| named(format!("cannot read the facts file: {e}")))?;
    Facts::from_bytes(&bytes).map_err(|e| named(e.to_string()))
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// One text file per item.
    Txt,
    /// OUT/articles.jsonl: manifest fields plus the item's text.
    Jsonl,
}

/// The encoding named by `--encoding`.
pub fn encoding(label: Option<&str>) -> Result<Option<&'static encoding_rs::Encoding>, Error> {
    label
        .map(|l| {
            encoding_rs::Encoding::for_label(l.trim().as_bytes())
                .ok_or_else(|| Error::UnknownEncoding { label: l.to_owned() })
        })
        .transpose()
}

/// The stage options, with the rules of `--rules` loaded.
pub fn clean_options(rules: Option<&PathBuf>, keep_furniture: bool) -> Result<CleanOptions, Error> {
    let rules = match rules {
        Some(path) => galley::rules::RuleSet::with_file(path)?,
        None => galley::rules::RuleSet::builtin(),
    };
    Ok(CleanOptions { rules, keep_furniture })
}

fn shard(spec: &str) -> Result<Shard, Error> {
    let bad = || Error::BadShard { spec: spec.to_owned() };
    let (k, n) = spec.split_once('/').ok_or_else(bad)?;
    let (index, count): (usize, usize) = (k.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
    if index == 0 || index > count {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

/// The folder `galley clean` cleans when no input is named, as the README's
/// first command does in the project's checkout.
const DEFAULT_INPUT: &str = "seeds";

/// Worker threads per core beyond which more only cost memory and switches.
const MAX_JOBS_PER_CORE: usize = 4;

/// The worker threads for `-j`: all cores by default, and at most
/// [`MAX_JOBS_PER_CORE`] per core, with a note when clamped.
fn jobs(asked: Option<u16>, quiet: bool) -> usize {
    let cores = galley::config::all_cores();
    let Some(asked) = asked.map(usize::from) else { return cores };
    let most = cores * MAX_JOBS_PER_CORE;
    if asked > most && !quiet {
        eprintln!("galley: note: -j {asked} is more than {MAX_JOBS_PER_CORE} threads per core; using {most}");
    }
    asked.min(most)
}

/// The compiled globs of `--glob` or `--exclude`, `None` when there are none.
fn globs(flag: &str, patterns: &[String]) -> Result<Option<globset::GlobSet>, Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut set = globset::GlobSetBuilder::new();
    for pattern in patterns {
        let glob = globset::Glob::new(pattern).map_err(|e| Error::Usage(format!("{flag} {pattern:?}: {e}")))?;
        set.add(glob);
    }
    set.build().map(Some).map_err(|e| Error::Usage(format!("{flag}: {e}")))
}

impl CleanArgs {
    /// The inputs, or the default one when none is named.
    fn inputs(&self) -> Result<Vec<Input>, Error> {
        if self.inputs.is_empty() {
            if !std::path::Path::new(DEFAULT_INPUT).is_dir() {
                return Err(Error::Usage(
                    "no input named: pass the files or folders of page dumps to clean, e.g. \
                     `galley clean dumps/ -o clean/` (`-` reads standard input)"
                        .into(),
                ));
            }
            return Ok(vec![Input::Path(PathBuf::from(DEFAULT_INPUT))]);
        }
        Ok(self
            .inputs
            .iter()
            .map(|p| if p.as_os_str() == "-" { Input::Stdin } else { Input::Path(p.clone()) })
            .collect())
    }

    /// Where the output goes: standard input without -o writes standard
    /// output, which holds JSON lines only.
    fn out(&self, inputs: &[Input]) -> Result<Option<PathBuf>, Error> {
        let stdin = inputs.contains(&Input::Stdin);
        if stdin && self.shard.is_some() {
            return Err(Error::Usage("--shard slices a batch of files; standard input is one page dump".into()));
        }
        if stdin && (self.check || self.incremental) {
            return Err(Error::Usage(
                "--check and --incremental compare files with an earlier output; standard input is one page dump"
                    .into(),
            ));
        }
        match &self.out {
            None if stdin && self.format == Some(FormatArg::Txt) => Err(Error::Usage(
                "standard input without -o writes JSON lines to standard output; pass -o OUT for item files".into(),
            )),
            None if stdin => Ok(None),
            out => Ok(Some(out.clone().unwrap_or_else(|| PathBuf::from("out")))),
        }
    }

    /// Validates the arguments into a run's configuration.
    pub fn into_config(self) -> Result<Config, Error> {
        let inputs = self.inputs()?;
        let encoding = encoding(self.encoding.as_deref())?;
        let clean = clean_options(self.rules.as_ref(), self.keep_furniture)?;
        let facts = match &self.facts {
            Some(path) => {
                let (facts, stamp) = read_facts(path)?;
                stamp
                    .check(&Stamp::new(&clean, encoding))
                    .map_err(|e| Error::Facts { reason: format!("{}: {e}", path.display()) })?;
                Some(std::sync::Arc::new(facts))
            }
            None => None,
        };
        Ok(Config {
            out: self.out(&inputs)?,
            inputs,
            select: Selection { include: globs("--glob", &self.glob)?, exclude: globs("--exclude", &self.exclude)? },
            jobs: jobs(self.jobs, self.quiet),
            encoding,
            format: match self.format {
                Some(FormatArg::Txt) | None => Format::Txt,
                Some(FormatArg::Jsonl) => Format::Jsonl,
            },
            shard: self.shard.as_deref().map(shard).transpose()?,
            progress: !self.quiet,
            summary: !self.quiet,
            clean,
            facts,
            mode: match (self.check, self.incremental) {
                (true, _) => Mode::Check,
                (false, true) => Mode::Incremental,
                (false, false) => Mode::Full,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_must_be_k_of_n() {
        assert_eq!(shard("2/8").ok(), Some(Shard { index: 2, count: 8 }));
        assert!(shard("0/2").is_err());
        assert!(shard("3/2").is_err());
        assert!(shard("two").is_err());
    }

    #[test]
    fn unknown_encoding_is_named() {
        let err = encoding(Some("klingon")).unwrap_err();
        assert!(err.to_string().contains("klingon"));
        assert_eq!(encoding(Some("gbk")).ok().flatten().map(|e| e.name()), Some("GBK"));
    }

    #[test]
    fn threads_beyond_four_per_core_are_clamped() {
        let cores = galley::config::all_cores();
        assert_eq!(jobs(Some(u16::MAX), true), cores * MAX_JOBS_PER_CORE);
        assert_eq!(jobs(Some(1), true), 1);
        assert_eq!(jobs(None, true), cores);
    }

    #[test]
    fn bad_globs_are_usage_errors_naming_the_flag() {
        let err = globs("--glob", &["a[".into()]).expect_err("unclosed class");
        assert!(err.is_usage() && err.to_string().contains("--glob \"a[\""), "{err}");
        assert!(globs("--exclude", &[]).expect("no globs").is_none());
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
