//! Faithful order: an item's text stands in the page's order. Items'
//! body paragraphs appear in the order the page prints them, across all
//! of a page's items; only a headline block may move, to the article it
//! heads. On a page set one paragraph a line (a web edition, plain text),
//! headlines stand above their text, so there even the headlines keep the
//! page's order: nothing of an item comes before text printed above it.
//!
//! Checked on the seeds (cleaned as a batch), the layouts of
//! `tests/fixtures/pages`, the web pages of `tests/fixtures/web`, and short
//! texts of the kind that once came out in another order.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use galley::decode::{decode, pages};
use galley::{BatchContext, CleanOptions, Facts, Item, PageResult, Trace, clean_page, page_facts};

/// Characters of a paragraph's start looked for in the page.
const PREFIX: usize = 12;

fn options() -> &'static CleanOptions {
    static OPTIONS: OnceLock<CleanOptions> = OnceLock::new();
    OPTIONS.get_or_init(CleanOptions::default)
}

/// The letters and digits of a text, lower case, after the normalization
/// the pipeline applies (full-width letters and digits made ASCII).
fn content(text: &str) -> Vec<char> {
    let lines = galley::normalize::normalize(text, &mut Trace::off());
    lines.iter().flat_map(|l| l.text.chars()).filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Where `needle` occurs in `hay` at or after `from`.
fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    (from..=hay.len().saturating_sub(needle.len())).find(|&i| hay[i..].starts_with(needle))
}

/// The pieces of text whose order is checked: body paragraphs, and with
/// `headlines` the headline lines too, each before its item's body.
fn pieces(items: &[Item], headlines: bool) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        if headlines {
            out.extend(item.headline().map(str::to_owned));
        }
        out.extend(item.body.iter().cloned());
    }
    out
}

/// Every piece found in the page at or after where the one before it
/// started; returns what is out of order.
fn out_of_order(page: &str, pieces: &[String]) -> Vec<String> {
    let hay = content(page);
    let mut cursor = 0;
    let mut wrong = Vec::new();
    for piece in pieces {
        let whole = content(piece);
        let needle = &whole[..whole.len().min(PREFIX)];
        if needle.is_empty() {
            continue;
        }
        match find(&hay, needle, cursor) {
            Some(at) => cursor = at,
            None => wrong.push(piece.clone()),
        }
    }
    wrong
}

fn assert_in_order(name: &str, page: &str, result: &PageResult, headlines: bool) {
    let wrong = out_of_order(page, &pieces(&result.items, headlines));
    assert!(wrong.is_empty(), "{name}: out of the page's order: {wrong:#?}\nitems: {:#?}", result.items);
}

/// The pages of a folder, decoded, by file name.
fn folder(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.expect("a folder entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("a UTF-8 name").to_owned();
            let decoded = decode(&std::fs::read(&path).expect("readable"), None).expect("a text file");
            (name, decoded.text)
        })
        .collect();
    out.sort();
    out
}

fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(sub)
}

/// Cleans the pages as one batch, page by page (a form feed splits a file).
fn clean_batch(files: &[(String, String)]) -> Vec<(String, String, PageResult)> {
    let split = |text: &str| -> Vec<String> {
        let decoded = decode(text.as_bytes(), None).expect("UTF-8 text");
        pages(&decoded).iter().map(|p| p.text.to_owned()).collect()
    };
    let all: Vec<(String, String)> =
        files.iter().flat_map(|(name, text)| split(text).into_iter().map(move |p| (name.clone(), p))).collect();
    let ctx = all
        .iter()
        .fold(Facts::default(), |f, (_, text)| f.with_page(page_facts(galley::Page::new(text), options())))
        .into_context();
    all.into_iter()
        .map(|(name, text)| {
            let result = clean_page(galley::Page::new(&text), &ctx, options(), &mut Trace::off());
            (name, text, result)
        })
        .collect()
}

#[test]
fn body_paragraphs_keep_the_page_order_on_every_layout() {
    for dir in ["seeds", "tests/fixtures/pages", "tests/fixtures/web"] {
        for (name, page, result) in clean_batch(&folder(&fixtures(dir))) {
            assert_in_order(&name, &page, &result, false);
        }
    }
}

#[test]
fn web_pages_keep_the_page_order_headlines_and_all() {
    for (name, page, result) in clean_batch(&folder(&fixtures("tests/fixtures/web"))) {
        assert_in_order(&name, &page, &result, true);
    }
}

/// Short texts, one paragraph a line, where a headline-shaped line shares
/// words with the text above it: it heads the text below it.
const SHORT_TEXTS: &[&str] = &[
    "Thanks to all who came to the fair.\n\nSpring fair raises $4,000\n\nThe money will buy books for the school library.\n",
    "The storm knocked out power to thousands of homes on Monday.\n\nPower restored to most homes\n\n\
     Crews worked through the night, and by Tuesday morning most customers had electricity again.\n",
    "Residents of Oak Street say the new bike lane has made their street safer for children.\n\
     Bike lane on Oak Street\nThe city plans to add more lanes next year, officials said.\n",
    "感谢各位读者参加春季书市，本次书市共售出图书三千余册。\n\n春季书市募得四千元\n\n这笔钱将为学校图书馆购买新书。\n",
];

#[test]
fn short_texts_keep_the_page_order_headlines_and_all() {
    for text in SHORT_TEXTS {
        let result = clean_page(galley::Page::new(text), &BatchContext::default(), options(), &mut Trace::off());
        assert_in_order(text, text, &result, true);
        assert!(result.orphans.is_empty(), "{text}: {:?}", result.orphans);
    }
}
