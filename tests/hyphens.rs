//! Line-end hyphens, scored: is a hyphen at a line end a split word's
//! (drop it), a compound's (keep it) or a suspended one (keep it and the
//! space)?
//!
//! Two sets, both invented text (`tests/fixtures/hyphens`):
//! - an English and a German column-set page, each with its gold joined
//!   text: every line-end hyphen is one decision, scored as "decided right"
//!   and, for real compounds (letters on both sides), "kept";
//! - ten joining cases of the kinds other text cleaners test (a lower-case
//!   split, trailing spaces, a capitals continuation, a digit continuation,
//!   a phone number, a compound, a suspended hyphen, a title-case split in a
//!   headline, a soft hyphen, `¬`), each piped through `galley clean -`.
//!
//! The tests print the figures and fail when one falls under its floor;
//! the floors sit at or just under what galley scored when they were set.

mod common;

use std::fs;
use std::path::Path;

use common::galley;
use galley::{CleanOptions, Facts, Page, Trace, clean_page, page_facts};
use serde_json::Value;

/// What the gold text does with one line-end hyphen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gold {
    Drop,
    Keep,
    Suspend,
}

/// One line-end hyphen of a column-set page.
struct Site {
    /// Index of the gold token the site becomes.
    at: usize,
    gold: Gold,
    /// Letters on both sides: a real compound when kept.
    words: bool,
    /// The input around the site, for messages.
    shown: String,
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hyphens").join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The input's tokens, each with whether it ends its line in a hyphen
/// after a letter or digit (a line-end hyphen).
fn input_tokens(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for (k, token) in tokens.iter().enumerate() {
            let before = token.strip_suffix('-').and_then(|t| t.chars().next_back());
            let site = k + 1 == tokens.len() && before.is_some_and(char::is_alphanumeric);
            out.push((*token, site));
        }
    }
    out
}

/// The line-end hyphens of `input` and what `gold` made of each. Panics
/// where the two texts differ elsewhere: the fixture is broken. A word may
/// run over three lines (`Ge-` ⏎ `sundheitsdirektorenkon-` ⏎ `ferenz`).
fn sites(input: &str, gold: &[&str]) -> Vec<Site> {
    let tokens = input_tokens(input);
    // The gold token built so far from the parts of a cut word.
    let mut built = String::new();
    let (mut i, mut g, mut out) = (0, 0, Vec::new());
    while i < tokens.len() {
        let (token, site) = tokens[i];
        assert!(g < gold.len(), "gold ends before input token {i} {token:?}");
        if !site {
            assert_eq!(format!("{built}{token}"), gold[g], "input token {i} differs from gold token {g}");
            built.clear();
            (i, g) = (i + 1, g + 1);
            continue;
        }
        let right = tokens[i + 1].0;
        let left = token.strip_suffix('-').expect("a site ends in a hyphen");
        let kind = if built.is_empty() && gold[g] == token && gold.get(g + 1) == Some(&right) {
            Gold::Suspend
        } else if gold[g].starts_with(&format!("{built}{token}")) {
            Gold::Keep
        } else if gold[g].starts_with(&format!("{built}{left}")) {
            Gold::Drop
        } else {
            panic!("gold token {g} {:?} is no join of {built:?} + {token:?} + {right:?}", gold[g]);
        };
        let words = left.ends_with(char::is_alphabetic) && right.starts_with(char::is_alphabetic);
        out.push(Site { at: g, gold: kind, words, shown: format!("{token} ⏎ {right}") });
        match kind {
            Gold::Suspend => g += 1,
            Gold::Keep => built.push_str(token),
            Gold::Drop => built.push_str(left),
        }
        i += 1;
    }
    assert_eq!(g, gold.len(), "gold runs on past the input");
    out
}

/// Which tokens of `gold` a longest common subsequence with `out` matches.
fn matched(gold: &[&str], out: &[&str]) -> Vec<bool> {
    let (n, m) = (gold.len(), out.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if gold[i] == out[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j, mut hit) = (0, 0, vec![false; n]);
    while i < n && j < m {
        if gold[i] == out[j] {
            hit[i] = true;
            (i, j) = (i + 1, j + 1);
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    hit
}

/// The page `input` cleaned in a batch of the pages `batch`, as `galley
/// clean` does: the batch's facts first, then the page. All its text,
/// headlines and orphans too.
fn cleaned(input: &str, batch: &[&str]) -> String {
    let options = CleanOptions::default();
    let facts = batch.iter().fold(Facts::default(), |f, p| f.with_page(page_facts(Page::new(p), &options)));
    let ctx = facts.into_context();
    let result = clean_page(Page::new(input), &ctx, &options, &mut Trace::off());
    let mut text: Vec<String> = result.items.iter().map(|item| item.text()).collect();
    text.extend(result.orphans);
    text.join("\n")
}

/// Line-end hyphens decided right, and real compounds kept, of one page.
struct Score {
    right: usize,
    sites: usize,
    kept: usize,
    compounds: usize,
}

/// The page `name` scored, cleaned alone or in a batch with `others`.
fn score(name: &str, others: &[String]) -> Score {
    let (input, gold) = (fixture(&format!("{name}.txt")), fixture(&format!("{name}.gold.txt")));
    let gold: Vec<&str> = gold.split_whitespace().collect();
    let sites = sites(&input, &gold);
    let batch: Vec<&str> = std::iter::once(input.as_str()).chain(others.iter().map(String::as_str)).collect();
    let out = cleaned(&input, &batch);
    let out: Vec<&str> = out.split_whitespace().collect();
    let hit = matched(&gold, &out);
    let verbose = std::env::var_os("GALLEY_HYPHENS_VERBOSE").is_some();
    let mut s = Score { right: 0, sites: sites.len(), kept: 0, compounds: 0 };
    for site in &sites {
        let compound = site.gold == Gold::Keep && site.words;
        s.right += usize::from(hit[site.at]);
        s.compounds += usize::from(compound);
        s.kept += usize::from(compound && hit[site.at]);
        if verbose && !hit[site.at] {
            eprintln!("{name}: {} should be {:?} → {}", site.shown, site.gold, gold[site.at]);
        }
    }
    let batch = if others.is_empty() { "" } else { " (in one batch)" };
    eprintln!(
        "{name}{batch}: hyphens decided right {}/{} = {:.3}; real compounds kept {}/{}",
        s.right,
        s.sites,
        s.right as f64 / s.sites as f64,
        s.kept,
        s.compounds
    );
    s
}

/// The lowest figures each page may show: share of line-end hyphens
/// decided right, share of real compounds kept. The `-2` pages were
/// written after the rules, and scored as they stood (en 24/25, 8/9;
/// de 55/55, 2/2); so was `en-columns-3` (88/91, 12/15), written before
/// the word list's frequency bands were used. Now: en 61/62, 19/20;
/// en-2 24/25, 8/9; en-3 90/91, 14/15.
const FLOORS: [(&str, f64, f64); 5] = [
    ("en-columns", 0.98, 0.95),
    ("de-columns", 0.98, 0.9),
    ("en-columns-2", 0.96, 0.88),
    ("de-columns-2", 0.98, 0.9),
    ("en-columns-3", 0.98, 0.93),
];

#[test]
fn column_set_pages_decide_their_line_end_hyphens() {
    let mut failed = Vec::new();
    for (name, right, kept) in FLOORS {
        let s = score(name, &[]);
        if (s.right as f64) < right * s.sites as f64 || (s.kept as f64) < kept * s.compounds as f64 {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "under the floor: {failed:?}");
}

/// The English pages cleaned as one batch, as `galley clean` cleans a
/// folder: a compound one page prints mid-line (`time-table`, `week-end`)
/// is evidence where another cuts it at a line end. The lowest share of
/// line-end hyphens decided right on each page.
const BATCH_FLOOR: f64 = 0.98;

#[test]
fn english_pages_in_one_batch_lend_each_other_their_words() {
    let names = ["en-columns", "en-columns-2", "en-columns-3"];
    let mut failed = Vec::new();
    for name in names {
        let others: Vec<String> = names.iter().filter(|n| **n != name).map(|n| fixture(&format!("{n}.txt"))).collect();
        let s = score(name, &others);
        if (s.right as f64) < BATCH_FLOOR * s.sites as f64 {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "under the floor: {failed:?}");
}

/// Joining cases: an input page and the text it must clean to.
const JOINS: [(&str, &str, &str); 10] = [
    (
        "lower-case split",
        "The town council heard the treas-\nurer read the yearly accounts aloud.\n",
        "The town council heard the treasurer read the yearly accounts aloud.",
    ),
    (
        "trailing spaces before the line end",
        "The harbour was full of fishing boats and ves-   \nsels in from the northern grounds.\n",
        "The harbour was full of fishing boats and vessels in from the northern grounds.",
    ),
    (
        "capitals continuation",
        "The crowd in the square waited with mount-\nING impatience for the result.\n",
        "The crowd in the square waited with mountING impatience for the result.",
    ),
    (
        "digit continuation",
        "The regiment was issued the new M-\n16 rifles before the march.\n",
        "The regiment was issued the new M-16 rifles before the march.",
    ),
    (
        "phone number",
        "Readers may call the office on 555-\n0192 after nine in the morning.\n",
        "Readers may call the office on 555-0192 after nine in the morning.",
    ),
    (
        "compound",
        "The shop signed a long-\nterm lease on the corner building.\n",
        "The shop signed a long-term lease on the corner building.",
    ),
    (
        "suspended hyphen",
        "The bank offers both short-\nand long-term loans to farmers.\n",
        "The bank offers both short- and long-term loans to farmers.",
    ),
    (
        "title-case split in a headline",
        "Inter-\nnational Talks Resume\n\nThe delegates met again on Monday after a week of silence and agreed\n\
         to resume the talks on trade and shipping in the spring.\n",
        "International Talks Resume\n\nThe delegates met again on Monday after a week of silence and agreed \
         to resume the talks on trade and shipping in the spring.",
    ),
    (
        "soft hyphen",
        "The printers set the whole news\u{AD}\npaper by hand that night.\n",
        "The printers set the whole newspaper by hand that night.",
    ),
    ("not sign", "The finance com¬\nmittee met on Tuesday evening.\n", "The finance committee met on Tuesday evening."),
];

/// Joining cases that must pass.
const JOINS_FLOOR: usize = 10;

#[test]
fn joining_cases_through_the_binary() {
    let mut passed = 0;
    for (name, input, want) in JOINS {
        let output = galley().args(["clean", "-", "-q"]).write_stdin(input).output().expect("galley runs");
        let stdout = String::from_utf8(output.stdout).expect("UTF-8 out");
        let text: Vec<String> = stdout
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line")["text"].as_str().unwrap_or("").to_owned())
            .collect();
        let got = text.join("\n");
        if got.trim_end() == want {
            passed += 1;
        } else {
            eprintln!("joining case {name:?}:\n  want {want:?}\n  got  {:?}", got.trim_end());
        }
    }
    eprintln!("joining cases passed: {passed}/{}", JOINS.len());
    assert!(passed >= JOINS_FLOOR, "{passed} joining cases passed, floor {JOINS_FLOOR}");
}
