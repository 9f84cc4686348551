//! Facts about the whole batch, which no single page can tell.
//!
//! A line that heads many pages is a running header; a box printed
//! verbatim on several pages is furniture (the notice of 001 and 004); a
//! word that stands whole on other pages was split, not compounded, where
//! a line end hyphenates it. Furniture recurs beside *different* content:
//! a line or box counts only on pages that differ, so that copies of one
//! page (a batch holding a page twice, five copies of a short notice) are
//! content, never each other's furniture, and a box that is a page's whole
//! text does not count at all. A first parallel pass gathers [`PageFacts`]
//! from each page; they are merged (order-free: counts only) into
//! [`Facts`], and thresholds turn those into the read-only
//! [`BatchContext`] that the second pass cleans with.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};

pub use crate::furniture::edges::edge_keys;
use crate::rejoin::Lexicon;
use crate::rejoin::seams::{Seams, SeamsAsked};
use crate::script::is_han;

/// Pages a line must head or foot before it counts as a running header.
const MIN_EDGE_PAGES: u32 = 3;

/// Pages a box must be printed on before it counts as furniture.
const MIN_BOX_PAGES: u32 = 2;

/// Longest paragraph (characters) that may be a repeated box.
pub const MAX_BOX_CHARS: usize = 300;

/// What one page contributes to the batch's facts, each fact once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageFacts {
    /// The page's word forms.
    pub lexicon: Lexicon,
    /// The paragraph seams the page shows beyond doubt.
    pub seams: Seams,
    /// The key of the page's whole text (`box_key`): copies share it.
    pub signature: u64,
    /// Keys of the lines at the page's top and bottom.
    #[serde(with = "crate::canonical::sorted_set")]
    pub edges: HashSet<String>,
    /// Keys of the page's short paragraphs, each with the key of the rest
    /// of the page beside it (`None` when the paragraph is all the page holds).
    #[serde(with = "crate::canonical::sorted_map")]
    pub boxes: HashMap<u64, Option<u64>>,
}

/// The `N` smallest distinct keys seen, sorted: enough to tell whether
/// something was seen on `N` different pages, in memory that does not grow
/// with the batch. The smallest ones, so that which keys are kept does not
/// depend on the merge order either: the same pages give the same facts,
/// and the same bytes in a facts file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Distinct<const N: usize>(Vec<u64>);

impl<const N: usize> Distinct<N> {
    fn add(&mut self, key: u64) {
        if let Err(at) = self.0.binary_search(&key) {
            if at < N {
                self.0.insert(at, key);
                self.0.truncate(N);
            }
        }
    }

    fn merge(&mut self, other: Distinct<N>) {
        other.0.into_iter().for_each(|key| self.add(key));
    }

    fn count(&self) -> u32 {
        self.0.len() as u32
    }
}

/// How often an edge line was seen: on how many pages, and on how many
/// different ones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct EdgeSeen {
    pages: u32,
    different: Distinct<{ MIN_EDGE_PAGES as usize }>,
}

/// The facts of many pages, merged: a monoid, with the facts of no page
/// ([`Facts::default`]) as identity and [`Facts::merge`] as its operation,
/// associative and commutative, so that facts gathered per shard and merged
/// in any order equal the facts of all the pages at once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    pages: u32,
    lexicon: Lexicon,
    seams: Seams,
    #[serde(with = "crate::canonical::sorted_map")]
    edges: HashMap<String, EdgeSeen>,
    /// Per box, the different page contents it was seen beside.
    #[serde(with = "crate::canonical::sorted_map")]
    boxes: HashMap<u64, Distinct<{ MIN_BOX_PAGES as usize }>>,
}

impl From<PageFacts> for Facts {
    fn from(page: PageFacts) -> Self {
        Facts::default().with_page(page)
    }
}

impl Facts {
    /// Adds one page's facts.
    pub fn with_page(mut self, page: PageFacts) -> Self {
        self.pages += 1;
        self.lexicon.merge(page.lexicon);
        self.seams.merge(page.seams);
        for key in page.edges {
            let seen = self.edges.entry(key).or_default();
            seen.pages += 1;
            seen.different.add(page.signature);
        }
        for (key, rest) in page.boxes {
            let beside = self.boxes.entry(key).or_default();
            rest.into_iter().for_each(|rest| beside.add(rest));
        }
        self
    }

    /// How many pages the facts are of.
    pub fn pages(&self) -> u32 {
        self.pages
    }

    /// Merges the facts of two sets of pages.
    pub fn merge(mut self, other: Facts) -> Self {
        self.pages += other.pages;
        self.lexicon.merge(other.lexicon);
        self.seams.merge(other.seams);
        for (key, seen) in other.edges {
            let mine = self.edges.entry(key).or_default();
            mine.pages += seen.pages;
            mine.different.merge(seen.different);
        }
        for (key, beside) in other.boxes {
            self.boxes.entry(key).or_default().merge(beside);
        }
        self
    }

    /// The context these facts establish. A running header repeats on
    /// `MIN_EDGE_PAGES` (3) different pages with its numbers changing
    /// (date, page), or, all text, on at least half the pages: a headline
    /// that several pages happen to start with is neither. A box is
    /// furniture beside different content on `MIN_BOX_PAGES` (2) pages.
    pub fn into_context(self) -> BatchContext {
        let pages = self.pages;
        let header = |key: &String, seen: &EdgeSeen| {
            seen.different.count() >= MIN_EDGE_PAGES && (key.contains('#') || seen.pages * 2 >= pages)
        };
        BatchContext {
            lexicon: self.lexicon,
            seams: self.seams,
            edges: self.edges.into_iter().filter(|(k, seen)| header(k, seen)).map(|(k, _)| k).collect(),
            boxes: self
                .boxes
                .into_iter()
                .filter(|(_, beside)| beside.count() >= MIN_BOX_PAGES)
                .map(|(k, _)| k)
                .collect(),
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

    /// Whether this context knows none of the seams and word forms of
    /// `asked`, and no line at the page's edges under any of `edges` (the
    /// page's [`PageFacts::edges`]): whether it answers every question of
    /// preparing the page as an empty context does.
    pub(crate) fn knows_none<'a>(&self, asked: &Asked, mut edges: impl Iterator<Item = &'a String>) -> bool {
        let word = |w: &String| self.lexicon.word(w) > 0 || self.lexicon.compound(w) > 0;
        let knows_edge = self.has_edges() && edges.any(|k| self.edges.contains(k));
        !(self.seams.knows_any(&asked.seams) || asked.words.iter().any(word) || knows_edge)
    }

    /// The context as bytes that depend only on what it holds, not on the
    /// order its facts were merged in: what its digest is taken of.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut edges: Vec<&str> = self.edges.iter().map(String::as_str).collect();
        edges.sort_unstable();
        let mut boxes: Vec<u64> = self.boxes.iter().copied().collect();
        boxes.sort_unstable();
        let canonical = (self.lexicon.sorted(), self.seams.sorted(), edges, boxes);
        serde_json::to_vec(&canonical).expect("sorted facts serialize")
    }
}

/// What preparing a page (taking out its furniture lines, rejoining them)
/// asked of the batch context beyond its edge lines: the seams and word
/// forms rejoin looked up. Preparing is deterministic, so a page prepared
/// with an empty context comes out the same with any context that answers
/// each of these questions as the empty one did, knowing none of them
/// ([`BatchContext::knows_none`]): the first pass's work then stands for
/// the second's.
#[derive(Clone, Debug, Default)]
pub(crate) struct Asked {
    /// The seams looked up.
    pub(crate) seams: SeamsAsked,
    /// Word forms and compounds looked up, lower case.
    pub(crate) words: Vec<String>,
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
        } else if !c.is_ascii() && !is_plain_punct(c) && c.is_alphanumeric() {
            c.to_lowercase().for_each(|l| l.hash(&mut hasher));
        }
    }
    hasher.finish()
}

/// CJK, full-width and general punctuation, none of it a letter or digit:
/// told without Unicode's letter tables, which Chinese text would ask for
/// every comma and full stop.
fn is_plain_punct(c: char) -> bool {
    matches!(c,
        '\u{2010}'..='\u{2027}'
        | '\u{3001}'..='\u{3004}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first key under which a line repeats at the edges of pages
    /// (see [`edge_keys`]); `None` for lines that cannot be furniture of
    /// the edge: wide lines, sentences, Markdown subheadings.
    fn edge_key(line: &str) -> Option<String> {
        edge_keys(line).into_iter().next()
    }

    #[test]
    fn plain_punctuation_is_no_letter_or_digit() {
        for c in ('\u{80}'..=char::MAX).filter(|&c| is_plain_punct(c)) {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    /// The facts of a page whose text is `signature`: its edge lines, and
    /// its boxes beside the rest of its text.
    fn page_of(signature: &str, edges: &[&str], boxes: &[&str]) -> PageFacts {
        PageFacts {
            lexicon: Lexicon::default(),
            seams: Seams::default(),
            signature: box_key(signature),
            edges: edges.iter().filter_map(|e| edge_key(e)).collect(),
            boxes: boxes.iter().map(|b| (box_key(b), Some(box_key(signature)))).collect(),
        }
    }

    /// The facts of a page unlike any other.
    fn page(edges: &[&str], boxes: &[&str]) -> PageFacts {
        static PAGES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = PAGES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        page_of(&format!("第{n}页"), edges, boxes)
    }

    fn context(pages: impl IntoIterator<Item = PageFacts>) -> BatchContext {
        pages.into_iter().fold(Facts::default(), Facts::with_page).into_context()
    }

    #[test]
    fn an_edge_line_of_copies_of_one_page_is_no_header() {
        let copies = (0..5).map(|_| page_of("同一页", &["雪域高原上的“流动课堂”"], &[]));
        assert!(!context(copies).repeats_at_edge("雪域高原上的“流动课堂”"));
        // two pages in five copies each: still only two different pages
        let copies = (0..10).map(|k| page_of(["一页", "二页"][k % 2], &["晨报 第3版"], &[]));
        assert!(!context(copies).repeats_at_edge("晨报 第3版"));
        let different = ["一页", "二页", "三页"].map(|p| page_of(p, &["晨报 第3版"], &[]));
        assert!(context(different).repeats_at_edge("晨报 第3版"));
    }

    #[test]
    fn a_box_beside_the_same_text_on_every_page_is_no_furniture() {
        let notice = "监督举报电话：（0391）3569278、3569290。";
        assert!(!context((0..5).map(|_| page_of("同一页", &[], &[notice]))).repeats_as_box(notice));
        assert!(context(["一页", "二页"].map(|p| page_of(p, &[], &[notice]))).repeats_as_box(notice));
    }

    #[test]
    fn a_box_that_is_a_pages_whole_text_is_no_furniture() {
        let alone = |_| PageFacts {
            boxes: [(box_key("今天下午停水。"), None)].into_iter().collect(),
            ..PageFacts::default()
        };
        assert!(!context((0..5).map(alone)).repeats_as_box("今天下午停水。"));
    }

    #[test]
    fn how_many_different_pages_does_not_depend_on_merge_order() {
        let facts = |names: &[&str]| {
            names.iter().fold(Facts::default(), |f, p| f.with_page(page_of(p, &["晨报 第3版"], &["停水通知。"])))
        };
        let one = facts(&["一", "二", "一"]).merge(facts(&["二", "三"])).into_context();
        let other = facts(&["三", "三"]).merge(facts(&["一", "二", "二"])).into_context();
        for ctx in [one, other] {
            assert!(ctx.repeats_at_edge("晨报 第3版") && ctx.repeats_as_box("停水通知。"));
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
