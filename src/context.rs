//! Facts about the whole batch, which no single page can tell.
//!
//! A line that heads many pages is a running header; a box printed
//! verbatim on several pages is furniture (the notice of 001 and 004); a
//! word that stands whole on other pages was split, not compounded, where
//! a line end hyphenates it. A first parallel pass gathers [`PageFacts`]
//! from each page; they are merged (order-free: counts only) into
//! [`Facts`], and thresholds turn those into the read-only
//! [`BatchContext`] that the second pass cleans with.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

pub use crate::furniture::edges::edge_keys;
use crate::rejoin::Lexicon;
use crate::rejoin::seams::Seams;
use crate::script::is_han;

/// Pages a line must head or foot before it counts as a running header.
const MIN_EDGE_PAGES: u32 = 3;

/// Pages a box must be printed on before it counts as furniture.
const MIN_BOX_PAGES: u32 = 2;

/// Longest paragraph (characters) that may be a repeated box.
pub const MAX_BOX_CHARS: usize = 300;

/// What one page contributes to the batch's facts, each fact once.
#[derive(Clone, Debug, Default)]
pub struct PageFacts {
    /// The page's word forms.
    pub lexicon: Lexicon,
    /// The paragraph seams the page shows beyond doubt.
    pub seams: Seams,
    /// Keys of the lines at the page's top and bottom.
    pub edges: HashSet<String>,
    /// Keys of the page's short paragraphs.
    pub boxes: HashSet<u64>,
}

/// The facts of many pages, merged.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pages: u32,
    lexicon: Lexicon,
    seams: Seams,
    edges: HashMap<String, u32>,
    boxes: HashMap<u64, u32>,
}

impl Facts {
    /// Adds one page's facts.
    pub fn with_page(mut self, page: PageFacts) -> Self {
        self.pages += 1;
        self.lexicon.merge(page.lexicon);
        self.seams.merge(page.seams);
        for key in page.edges {
            *self.edges.entry(key).or_default() += 1;
        }
        for key in page.boxes {
            *self.boxes.entry(key).or_default() += 1;
        }
        self
    }

    /// Merges the facts of two sets of pages.
    pub fn merge(mut self, other: Facts) -> Self {
        self.pages += other.pages;
        self.lexicon.merge(other.lexicon);
        self.seams.merge(other.seams);
        for (key, n) in other.edges {
            *self.edges.entry(key).or_default() += n;
        }
        for (key, n) in other.boxes {
            *self.boxes.entry(key).or_default() += n;
        }
        self
    }

    /// The context these facts establish. A running header repeats on
    /// `MIN_EDGE_PAGES` (3) pages with its numbers changing (date, page), or,
    /// all text, on at least half the pages: a headline that several pages
    /// happen to start with is neither.
    pub fn into_context(self) -> BatchContext {
        let pages = self.pages;
        let header = |key: &String, n: u32| n >= MIN_EDGE_PAGES && (key.contains('#') || n * 2 >= pages);
        BatchContext {
            lexicon: self.lexicon,
            seams: self.seams,
            edges: self.edges.into_iter().filter(|(k, n)| header(k, *n)).map(|(k, _)| k).collect(),
            boxes: self.boxes.into_iter().filter(|&(_, n)| n >= MIN_BOX_PAGES).map(|(k, _)| k).collect(),
        }
    }
}

/// What the batch says about its pages; empty for a page cleaned alone.
#[derive(Clone, Debug, Default)]
pub struct BatchContext {
    /// Word forms of the batch, for de-hyphenation.
    pub lexicon: Lexicon,
    /// Paragraph seams seen in the batch, for rejoining.
    pub seams: Seams,
    edges: HashSet<String>,
    boxes: HashSet<u64>,
}

impl BatchContext {
    /// Whether `line` stands at the top or bottom of many pages, under
    /// any of its keys.
    pub fn repeats_at_edge(&self, line: &str) -> bool {
        self.has_edges() && edge_keys(line).iter().any(|k| self.edges.contains(k))
    }

    /// Whether the batch knows any line that recurs at its pages' edges.
    pub fn has_edges(&self) -> bool {
        !self.edges.is_empty()
    }

    /// Whether a paragraph is printed verbatim on several pages.
    pub fn repeats_as_box(&self, paragraph: &str) -> bool {
        !self.boxes.is_empty() && self.boxes.contains(&box_key(paragraph))
    }
}

/// The first key under which a line repeats at the edges of pages
/// (see [`edge_keys`]); `None` for lines that cannot be furniture of the
/// edge: wide lines, sentences, Markdown subheadings.
pub fn edge_key(line: &str) -> Option<String> {
    edge_keys(line).into_iter().next()
}

/// The key under which a box repeats: its letters and digits only, so
/// that spacing and hyphenation do not hide a repeat.
pub fn box_key(paragraph: &str) -> u64 {
    let mut hasher = FxHasher::default();
    for c in paragraph.chars() {
        if is_han(c) || c.is_ascii_digit() || c.is_ascii_lowercase() {
            c.hash(&mut hasher);
        } else if c.is_ascii_uppercase() {
            c.to_ascii_lowercase().hash(&mut hasher);
        } else if !c.is_ascii() && c.is_alphanumeric() {
            c.to_lowercase().for_each(|l| l.hash(&mut hasher));
        }
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(edges: &[&str], boxes: &[&str]) -> PageFacts {
        PageFacts {
            lexicon: Lexicon::default(),
            seams: Seams::default(),
            edges: edges.iter().filter_map(|e| edge_key(e)).collect(),
            boxes: boxes.iter().map(|b| box_key(b)).collect(),
        }
    }

    #[test]
    fn header_on_three_pages_repeats_at_edge() {
        let facts = [
            page(&["晨报 2021年12月6日 星期一 第3版"], &[]),
            page(&["晨报 2021年12月7日 星期二 第4版"], &[]),
            page(&["晨报 2021年12月8日 星期三 第5版"], &[]),
        ];
        let ctx = facts.into_iter().fold(Facts::default(), Facts::with_page).into_context();
        assert!(ctx.repeats_at_edge("晨报 2022年1月1日 星期六 第1版"));
        assert!(!ctx.repeats_at_edge("别的报纸 2022年1月1日"));
    }

    #[test]
    fn box_on_two_pages_repeats_whatever_its_spacing() {
        let a = page(&[], &["监督举报电话：（0391）3569278、3569290。"]);
        let b = page(&[], &["监督举报电话： （0391） 3569278、 3569290。"]);
        let ctx = Facts::default().with_page(a).merge(Facts::default().with_page(b)).into_context();
        assert!(ctx.repeats_as_box("监督举报电话：（0391）3569278、3569290。"));
        assert!(!ctx.repeats_as_box("别的段落。"));
    }

    #[test]
    fn sentences_and_headings_are_never_edge_lines() {
        assert_eq!(edge_key("会议强调，要继续。"), None);
        assert_eq!(edge_key("## 标题"), None);
    }

    #[test]
    fn headline_heading_some_pages_is_no_header() {
        let page_with = |line: &str| page(&[line], &[]);
        let mut facts = Facts::default();
        for _ in 0..3 {
            facts = facts.with_page(page_with("区人大代表换届选举"));
        }
        for _ in 0..7 {
            facts = facts.with_page(page_with("别的标题"));
        }
        let ctx = facts.into_context();
        assert!(!ctx.repeats_at_edge("区人大代表换届选举"));
        assert!(ctx.repeats_at_edge("别的标题"));
    }
}
