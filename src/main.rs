//! The `galley` binary: parse, configure, run, report.

mod cli;

use std::io::Read;
use std::process::ExitCode;

use clap::Parser;
use galley::error::ExitStatus;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let status = match Cli::parse().command {
        Command::Clean(args) => clean(args),
        Command::Explain(args) => explain(args),
        Command::Facts(args) => facts(args),
        Command::Report(args) => report(args),
    };
    ExitCode::from(status as u8)
}

fn fail(error: galley::Error) -> ExitStatus {
    let status = ExitStatus::of_error(&error);
    eprintln!("galley: {}", error.report());
    status
}

fn clean(args: cli::CleanArgs) -> ExitStatus {
    let config = match args.into_config() {
        Ok(config) => config,
        Err(error) => return fail(error),
    };
    match galley::run(&config, &mut |line| eprintln!("{line}")) {
        Ok(summary) => {
            print_differences(&summary.differences);
            if config.summary {
                eprintln!("{}", summary.line());
            }
            summary.exit_status()
        }
        Err(error) => fail(error),
    }
}

fn facts(args: cli::FactsArgs) -> ExitStatus {
    let (out, quiet, started) = (args.out.clone(), args.quiet, std::time::Instant::now());
    let facts = args.into_source().and_then(|source| match source {
        cli::FactsSource::Gather(config, stamp) => galley::batch::facts(&config).map(|facts| (facts, stamp)),
        cli::FactsSource::Merged(facts, stamp) => Ok((facts, stamp)),
    });
    let written = facts
        .and_then(|(facts, stamp)| galley::write::replace_file(&out, &facts.to_bytes(&stamp)).map(|()| facts.pages()));
    match written {
        Ok(pages) => {
            if !quiet {
                let seconds = started.elapsed().as_secs_f64();
                eprintln!("galley: facts of {pages} pages written to {} in {seconds:.2} s", out.display());
            }
            ExitStatus::Success
        }
        Err(error) => fail(error),
    }
}

fn report(args: cli::ReportArgs) -> ExitStatus {
    let html = match galley::report::report(&args.out, args.diff.as_deref()) {
        Ok(html) => html,
        Err(error) => return fail(error),
    };
    let written = if args.output.as_os_str() == "-" {
        std::io::Write::write_all(&mut std::io::stdout(), html.as_bytes())
    } else {
        std::fs::write(&args.output, html)
    };
    match written {
        Ok(()) => ExitStatus::Success,
        Err(e) => fail(galley::Error::io(&args.output, e)),
    }
}

/// Differences a check found worth listing before a count of the rest.
const DIFFERENCES_LISTED: usize = 20;

/// Lists what `--check` found on standard output: the first differences,
/// then how many more.
fn print_differences(differences: &[String]) {
    for difference in differences.iter().take(DIFFERENCES_LISTED) {
        println!("{difference}");
    }
    if differences.len() > DIFFERENCES_LISTED {
        println!("... and {} more", differences.len() - DIFFERENCES_LISTED);
    }
}

fn explain(args: cli::ExplainArgs) -> ExitStatus {
    let setup =
        cli::encoding(args.encoding.as_deref()).and_then(|e| Ok((e, cli::clean_options(args.rules.as_ref(), false)?)));
    let (encoding, options) = match setup {
        Ok(setup) => setup,
        Err(error) => return fail(error),
    };
    let stdin = args.file.as_os_str() == "-";
    let read = if stdin {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(&args.file)
    };
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(e) => return fail(galley::Error::io(&args.file, e)),
    };
    let decoded = match galley::decode::decode(&bytes, encoding) {
        Ok(decoded) => decoded,
        Err(reason) => {
            eprintln!("galley: {}: {reason}", args.file.display());
            return ExitStatus::SomeFailed;
        }
    };
    let ctx = if args.batch.is_empty() {
        galley::explain::own_context(&decoded, &options)
    } else {
        let mut inputs = args.batch.clone();
        if !stdin && !in_batch(&args.file, &args.batch) {
            inputs.push(args.file.clone());
        }
        let config = galley::Config { encoding, clean: options.clone(), ..galley::Config::default() };
        match galley::batch::batch_context(&inputs, &config) {
            Ok(ctx) => ctx,
            Err(error) => return fail(error),
        }
    };
    print!("{}", galley::explain::explain(&args.file.display().to_string(), &decoded, &ctx, &options));
    ExitStatus::Success
}

/// Whether `file` lies in one of the batch's inputs, so that its facts are
/// counted once.
fn in_batch(file: &std::path::Path, batch: &[std::path::PathBuf]) -> bool {
    let Ok(file) = std::fs::canonicalize(file) else { return false };
    batch.iter().filter_map(|b| std::fs::canonicalize(b).ok()).any(|b| file.starts_with(b))
}
