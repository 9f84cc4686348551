//! The `galley` binary: parse, configure, run, report.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use galley::error::ExitStatus;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let status = match Cli::parse().command {
        Command::Clean(args) => clean(args),
        Command::Explain(args) => explain(args),
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
    match galley::run(&config) {
        Ok(summary) => {
            if config.summary {
                eprintln!("{}", summary.line());
            }
            summary.exit_status()
        }
        Err(error) => fail(error),
    }
}

fn explain(args: cli::ExplainArgs) -> ExitStatus {
    let setup =
        cli::encoding(args.encoding.as_deref()).and_then(|e| Ok((e, cli::clean_options(args.rules.as_ref(), false)?)));
    let (encoding, options) = match setup {
        Ok(setup) => setup,
        Err(error) => return fail(error),
    };
    let bytes = match std::fs::read(&args.file) {
        Ok(bytes) => bytes,
        Err(e) => return fail(galley::Error::io(&args.file, e)),
    };
    match galley::decode::decode(&bytes, encoding) {
        Ok(decoded) => {
            print!("{}", galley::explain::explain(&args.file.display().to_string(), &decoded, &options));
            ExitStatus::Success
        }
        Err(reason) => {
            eprintln!("galley: {}: {reason}", args.file.display());
            ExitStatus::SomeFailed
        }
    }
}
