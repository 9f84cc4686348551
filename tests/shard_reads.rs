//! A `--shard` run with a facts file reads only its slice: the bytes the
//! process reads (`rchar` of /proc/self/io, Linux) while a shard is
//! cleaned, with and without the batch's facts. One test in a binary of
//! its own, so that no other test reads files meanwhile.
#![cfg(target_os = "linux")]

mod common;

use std::sync::Arc;

use common::{SEEDS, copy_seeds, temp_dir};
use galley::{Config, Input, Shard};

/// Bytes this process has read so far, through any file.
fn bytes_read() -> u64 {
    let io = std::fs::read_to_string("/proc/self/io").expect("/proc/self/io");
    let line = io.lines().find_map(|l| l.strip_prefix("rchar: ")).expect("an rchar line");
    line.trim().parse().expect("a number")
}

/// Bytes read while `config` is run.
fn read_by(config: &Config) -> u64 {
    let before = bytes_read();
    galley::run(config, &mut |_| {}).expect("the run succeeds");
    bytes_read() - before
}

#[test]
fn a_shard_with_facts_reads_only_its_slice() {
    let dir = temp_dir();
    let input = dir.path().join("in");
    for copy in 0..8 {
        copy_seeds(&input.join(format!("copy{copy}")), &SEEDS);
    }
    let batch: u64 = SEEDS.iter().map(|s| common::seed(s).len() as u64).sum::<u64>() * 8;
    let config = |out: &str| Config {
        inputs: vec![Input::Path(input.clone())],
        out: Some(dir.path().join(out)),
        shard: Some(Shard { index: 1, count: 4 }),
        progress: false,
        ..Config::default()
    };
    let facts = galley::batch::facts(&Config { shard: None, ..config("unused") }).expect("facts");
    let without = read_by(&config("without"));
    let with = read_by(&Config { facts: Some(Arc::new(facts)), ..config("with") });
    assert!(without > batch, "without facts a shard reads the batch ({batch} bytes) and its slice: {without}");
    assert!(with < batch / 2, "with facts a shard reads about a quarter of the batch ({batch} bytes): {with}");
}
