//! The command line: clap derive, each flag's help in its doc comment.
//! `into_config` validates everything up front, so a run never starts on
//! a bad request.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use galley::{CleanOptions, Config, Error, Format, Input, Shard};

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
    /// every piece of furniture removed). Files that are not text are
    /// skipped and named on stderr; files that cannot be read fail and are
    /// named; the run goes on. Exit status: 0 all inputs cleaned, 1 some
    /// inputs failed, 2 bad usage.
    Clean(CleanArgs),
    /// Show every decision made on one page dump: spacing repairs, line
    /// joins, furniture, headline assignment, the items that result.
    Explain(ExplainArgs),
}

/// Arguments of `galley clean`.
#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Files or folders of page dumps (folders are walked recursively;
    /// hidden entries and symlinks are left out). `-` reads standard input
    /// and writes JSON lines to standard output.
    #[arg(default_value = "seeds", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output folder.
    #[arg(short, long, default_value = "out", value_name = "OUT")]
    pub out: PathBuf,

    /// Worker threads [default: all cores]. Output does not depend on it.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Read every input in this encoding instead of detecting it
    /// (UTF-8, UTF-16LE, GB18030, Big5, Shift_JIS, EUC-KR, windows-1252, …).
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Write one text file per item, or all items as OUT/articles.jsonl.
    #[arg(long, value_enum, default_value_t = FormatArg::Txt)]
    pub format: FormatArg,

    /// Extra furniture, continuation and lead patterns from a TOML file:
    /// [[rule]] tables with name, regex and kind (furniture | continuation | lead).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Clean only the K-th of N deterministic slices of the sorted inputs
    /// (for a cluster's array jobs); the N slices add up to the full run.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,

    /// Record furniture in pages.jsonl but leave it in the items.
    #[arg(long)]
    pub keep_furniture: bool,

    /// No progress bar, no summary line; errors are still printed.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `galley explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The page dump to explain.
    pub file: PathBuf,

    /// Read the file in this encoding instead of detecting it.
    #[arg(long, value_name = "NAME")]
    pub encoding: Option<String>,

    /// Extra patterns from a TOML rules file, as for `clean`.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
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

impl CleanArgs {
    /// Validates the arguments into a run's configuration.
    pub fn into_config(self) -> Result<Config, Error> {
        Ok(Config {
            inputs: self
                .inputs
                .into_iter()
                .map(|p| if p.as_os_str() == "-" { Input::Stdin } else { Input::Path(p) })
                .collect(),
            out: self.out,
            jobs: self.jobs.map_or_else(galley::config::all_cores, usize::from),
            encoding: encoding(self.encoding.as_deref())?,
            format: match self.format {
                FormatArg::Txt => Format::Txt,
                FormatArg::Jsonl => Format::Jsonl,
            },
            shard: self.shard.as_deref().map(shard).transpose()?,
            progress: !self.quiet,
            summary: !self.quiet,
            clean: clean_options(self.rules.as_ref(), self.keep_furniture)?,
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
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
