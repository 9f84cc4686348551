//! galley as a library another program holds: a run tells its caller
//! what it would print, and prints nothing itself.

mod common;

use std::fs;

use common::{SEEDS, copy_seeds, temp_dir};
use galley::{Config, Input};

#[test]
fn a_run_says_its_skips_to_the_caller() {
    let dir = temp_dir();
    let input = dir.path().join("in");
    copy_seeds(&input, &SEEDS[..1]);
    fs::write(input.join("empty.txt"), "").expect("empty file");
    let config = Config {
        inputs: vec![Input::Path(input)],
        out: Some(dir.path().join("out")),
        progress: false,
        ..Config::default()
    };
    let mut said = Vec::new();
    let summary = galley::run(&config, &mut |line| said.push(line.to_owned())).expect("the run succeeds");
    assert_eq!((summary.files, summary.skipped), (1, 1));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("empty.txt: skipped"), "{said:?}");
}
