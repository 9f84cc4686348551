//! What a run is asked to do: inputs, output, and the options of each stage.
//! No clap types here; `cli` turns arguments into a [`Config`].

use std::path::PathBuf;

use crate::context::Facts;
use crate::rules::RuleSet;

/// Options of the cleaning stages. Building them compiles the rule set
/// (some 20 regexes, about 16 ms): build them once and reuse them for every
/// page.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct CleanOptions {
    /// Built-in rules plus any from `--rules`.
    pub rules: RuleSet,
    /// Record furniture but leave it in the text (`--keep-furniture`).
    pub keep_furniture: bool,
}

/// How items are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One text file per item, plus `manifest.jsonl` and `pages.jsonl`.
    #[default]
    Txt,
    /// All items in `articles.jsonl` (manifest fields plus `text`), plus `pages.jsonl`.
    Jsonl,
}

/// What a run does with an earlier output in OUT.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Clean every input; OUT is replaced whole.
    #[default]
    Full,
    /// Clean only the inputs whose bytes, options or facts changed, keep
    /// the other items of OUT; OUT is replaced whole, by the same bytes a
    /// full run writes (`--incremental`).
    Incremental,
    /// Write nothing; tell whether OUT is what a full run would write
    /// (`--check`).
    Check,
}

/// The K-th of N deterministic slices of the sorted inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 1-based slice number.
    pub index: usize,
    /// Number of slices.
    pub count: usize,
}

impl Shard {
    /// Whether the input at `position` in the sorted list is in this slice.
    pub fn holds(self, position: usize) -> bool {
        position % self.count == self.index - 1
    }
}

/// One input: a file or folder, or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file, or a folder to walk.
    Path(PathBuf),
    /// Standard input (`-`): the result goes to standard output.
    Stdin,
}

/// Which files of a folder are pages. Files named on the command line are
/// always pages.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only files whose path relative to their folder matches (`--glob`);
    /// `None` takes every file but READMEs and licences.
    pub include: Option<globset::GlobSet>,
    /// Files and folders whose relative path matches are left out (`--exclude`).
    pub exclude: Option<globset::GlobSet>,
}

/// A whole run of `galley clean`.
#[derive(Clone, Debug)]
pub struct Config {
    /// The inputs, in the order given.
    pub inputs: Vec<Input>,
    /// The output folder; `None` writes JSON lines to standard output
    /// (standard input without `-o`).
    pub out: Option<PathBuf>,
    /// Which files of the input folders are pages.
    pub select: Selection,
    /// Worker threads.
    pub jobs: usize,
    /// An encoding forced with `--encoding`.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// How items are written.
    pub format: Format,
    /// Only this slice of the inputs.
    pub shard: Option<Shard>,
    /// Show a progress bar (only when stderr is a terminal).
    pub progress: bool,
    /// Print the summary line.
    pub summary: bool,
    /// Options of the stages.
    pub clean: CleanOptions,
    /// The batch's facts, read from a file (`--facts`): no first pass.
    pub facts: Option<std::sync::Arc<Facts>>,
    /// Full, incremental or check.
    pub mode: Mode,
}

/// Worker threads when none are asked for: all cores.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

impl Default for Config {
    fn default() -> Self {
        Config {
            inputs: vec![Input::Path(PathBuf::from("seeds"))],
            out: Some(PathBuf::from("out")),
            select: Selection::default(),
            jobs: all_cores(),
            encoding: None,
            format: Format::Txt,
            shard: None,
            progress: true,
            summary: true,
            clean: CleanOptions::default(),
            facts: None,
            mode: Mode::Full,
        }
    }
}
