//! galley on pages it has never seen: the page composer's development set
//! (`tests/compose`, invented articles in drawn layouts with drawn
//! furniture), cleaned one issue per run and scored against its gold
//! with the metrics of the shared `score_samples.py`.
//!
//! The test prints the figures per layout and language and fails when
//! one falls under its floor; the floors sit just under what galley
//! scored when they were set, so a rule that stops generalising shows
//! here. Raise them when galley gets better. `GALLEY_COMPOSE_VERBOSE=1`
//! prints every miss.

mod common;
mod compose;

use std::fs;
use std::path::Path;

use common::{galley, temp_dir};
use compose::corpus::{Issue, compose, gold_json, write_pages};
use compose::score::{Figures, figures, read_output, score_all};
use serde_json::Value;

/// The seed of the development set the floors were set on.
const SEED: u64 = 20_261_129;

/// The lowest figures the development set may show (overall): about one
/// item, title or paragraph in a hundred under what galley scored when
/// they were last set (F1 0.971, titles 0.960, paragraphs 0.930,
/// continuations 0.986, no leaks, no gaps, no order fault).
struct Floors {
    f1: f64,
    title: f64,
    para: f64,
    cont: f64,
    leaks: usize,
    gaps: usize,
    order: usize,
}

const FLOORS: Floors = Floors { f1: 0.963, title: 0.951, para: 0.921, cont: 0.978, leaks: 2, gaps: 2, order: 0 };

/// The lowest items F1 per layout (scored: print 0.954, web 0.993,
/// Markdown 0.993).
const LAYOUT_F1: [(&str, f64); 3] = [("print", 0.945), ("web", 0.983), ("markdown", 0.985)];

/// Cleans each issue into `out/<issue>` and writes `out/manifest.jsonl`
/// and `out/pages.jsonl` for all of them, with item paths made relative
/// to `out`, so that `score_samples.py` reads the runs as one.
fn clean_issues(issues: &[Issue], pages: &Path, out: &Path) {
    let (mut manifest, mut page_lines) = (String::new(), String::new());
    for issue in issues {
        let run = out.join(&issue.id);
        galley().arg("clean").arg(pages.join(&issue.id)).arg("-o").arg(&run).arg("-q").assert().success();
        for line in fs::read_to_string(run.join("manifest.jsonl")).expect("manifest").lines() {
            let mut rec: Value = serde_json::from_str(line).expect("a manifest line is JSON");
            let path = format!("{}/{}", issue.id, rec["path"].as_str().expect("path"));
            rec["path"] = Value::String(path);
            manifest.push_str(&format!("{rec}\n"));
        }
        page_lines.push_str(&fs::read_to_string(run.join("pages.jsonl")).expect("pages.jsonl"));
    }
    fs::write(out.join("manifest.jsonl"), manifest).expect("merged manifest");
    fs::write(out.join("pages.jsonl"), page_lines).expect("merged pages");
}

/// Composes, cleans and scores the set of `seed` under `dir`.
fn run(seed: u64, dir: &Path) -> Figures {
    let issues = compose(seed);
    let (pages, out) = (dir.join("pages"), dir.join("out"));
    write_pages(&issues, &pages);
    fs::write(dir.join("gold.json"), gold_json(&issues).to_string()).expect("gold.json");
    fs::create_dir_all(&out).expect("out folder");
    clean_issues(&issues, &pages, &out);
    let outs = read_output(&out);
    let scored = issues.iter().flat_map(|i| &i.pages).map(|p| (p, outs.get(&p.name).map_or(&[][..], Vec::as_slice)));
    let (cells, misses) = score_all(scored);
    if std::env::var_os("GALLEY_COMPOSE_VERBOSE").is_some() {
        misses.iter().for_each(|m| println!("{m}"));
    }
    figures(&cells)
}

fn check(failures: &mut Vec<String>, what: &str, got: f64, floor: f64) {
    println!("{what:<12} {got:.4}  floor {floor:.4}  margin {:+.4}", got - floor);
    if got < floor {
        failures.push(format!("{what} {got:.4} is under its floor {floor:.4}"));
    }
}

fn check_count(failures: &mut Vec<String>, what: &str, got: usize, ceiling: usize) {
    println!("{what:<12} {got:>6}  ceiling {ceiling:>4}  margin {:+}", ceiling as i64 - got as i64);
    if got > ceiling {
        failures.push(format!("{what} {got} is over its ceiling {ceiling}"));
    }
}

#[test]
fn composed_pages_score_above_the_floors() {
    let dir = temp_dir();
    let Figures { all, by_layout, table } = run(SEED, dir.path());
    println!("{table}");
    let mut failures = Vec::new();
    for (layout, floor) in LAYOUT_F1 {
        check(&mut failures, &format!("F1 {layout}"), by_layout[layout].f1(), floor);
    }
    check(&mut failures, "items F1", all.f1(), FLOORS.f1);
    check(&mut failures, "titles", all.title_acc(), FLOORS.title);
    check(&mut failures, "paras", all.para_exact(), FLOORS.para);
    check(&mut failures, "cont", all.cont_acc(), FLOORS.cont);
    check_count(&mut failures, "leaks", all.leaks, FLOORS.leaks);
    check_count(&mut failures, "gaps", all.gaps_extra(), FLOORS.gaps);
    check_count(&mut failures, "order", all.order, FLOORS.order);
    assert!(failures.is_empty(), "the composed pages score worse than before: {failures:?}\n{table}");
}

/// Writes the set (`pages/`, `gold.json`) and galley's output (`out/`)
/// to `GALLEY_COMPOSE_DIR`, for reading or for
/// `score_samples.py DIR DIR/out`; `GALLEY_COMPOSE_SEED` draws another
/// set than the one the floors hold.
#[test]
#[ignore = "writes to GALLEY_COMPOSE_DIR"]
fn write_composed_pages() {
    let dir = std::env::var_os("GALLEY_COMPOSE_DIR").expect("set GALLEY_COMPOSE_DIR to a folder to write into");
    let dir = Path::new(&dir);
    let seed = std::env::var("GALLEY_COMPOSE_SEED").map_or(SEED, |s| s.parse().expect("a seed is a number"));
    for old in ["pages", "out"] {
        if dir.join(old).exists() {
            fs::remove_dir_all(dir.join(old)).expect("an earlier set can be removed");
        }
    }
    println!("{}", run(seed, dir).table);
}
