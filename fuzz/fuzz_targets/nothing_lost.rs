//! Nothing is lost: every letter, digit and ideograph of a page is in one
//! of its items, its `removed` list or its orphans, and nothing is added
//! (`tools/conservation.py`, `tests/invariants.rs`).

#![no_main]

use std::collections::BTreeMap;

use galley::PageResult;
use libfuzzer_sys::fuzz_target;
use unicode_normalization::UnicodeNormalization;

/// Letters, digits and ideographs of a text, counted after NFKC.
fn content<'t>(texts: impl IntoIterator<Item = &'t str>) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    for text in texts {
        for c in text.nfkc().filter(|c| c.is_alphanumeric()) {
            *counts.entry(c).or_default() += 1;
        }
    }
    counts
}

/// Everything a page's result records.
fn recorded(result: &PageResult) -> BTreeMap<char, usize> {
    let items: Vec<String> = result.items.iter().map(|i| i.text()).collect();
    let removed = result.removed.iter().map(|r| r.text.as_str());
    content(items.iter().map(String::as_str).chain(removed).chain(result.orphans.iter().map(String::as_str)))
}

fuzz_target!(|bytes: &[u8]| {
    galley_fuzz::clean_file(bytes, |page, result| {
        assert_eq!(content([page]), recorded(result), "page {page:?}");
    });
});
