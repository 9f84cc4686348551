//! Paragraph seams the batch has seen: where another page shows, beyond
//! doubt, that a paragraph ends after one sentence, or runs on past it.
//!
//! A sentence that ends on a full column line may or may not end its
//! paragraph; the page cannot tell. But the same article often stands
//! elsewhere in the batch as a web or Markdown page, one paragraph to a
//! long line, where the seams are plain (a sample page in columns,
//! `…市长李亦博作工作部署。` ⏎ `葛巧红传达了…`, is a paragraph break in
//! the web edition of 002). The first pass records those seams, and the
//! sentence joints inside such paragraphs; rejoin consults them where the
//! layout leaves the question open.

use rustc_hash::FxHashSet as HashSet;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::model::Paragraph;
use crate::script::{is_closer, is_terminal};

/// Characters on each side of a seam that identify it.
const SIDE: usize = 6;

/// Shortest line (UTF-8 bytes: 40 ideographs, 120 Latin letters) that is a
/// paragraph of its own, not a column line: a web or Markdown page's
/// paragraph.
const MIN_PARAGRAPH_LINE: usize = 120;

/// Seams seen in the batch: paragraph breaks and sentence joints.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Seams {
    #[serde(with = "crate::canonical::sorted_set")]
    breaks: HashSet<u64>,
    #[serde(with = "crate::canonical::sorted_set")]
    joints: HashSet<u64>,
}

/// The key of the seam between `tail` (the text before) and `head` (after).
fn key(tail: &str, head: &str) -> u64 {
    let mut before: Vec<char> = tail.chars().rev().filter(|c| !c.is_whitespace()).take(SIDE).collect();
    before.reverse();
    let after = head.chars().filter(|c| !c.is_whitespace()).take(SIDE);
    let mut hasher = FxHasher::default();
    before.iter().chain(std::iter::once(&'|')).for_each(|c| c.hash(&mut hasher));
    after.for_each(|c| c.hash(&mut hasher));
    hasher.finish()
}

impl Seams {
    /// The seams a page shows beyond doubt: between paragraphs that each
    /// stood on one long line, and between the sentences inside them.
    pub fn observe(paragraphs: &[Paragraph]) -> Self {
        let mut seams = Seams::default();
        let certain =
            |p: &Paragraph| !p.class.is_headline() && p.lines.0 == p.lines.1 && p.text.len() >= MIN_PARAGRAPH_LINE;
        for pair in paragraphs.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if certain(a) && certain(b) && b.blank_before && crate::script::ends_sentence(&a.text) {
                seams.breaks.insert(key(&a.text, &b.text));
            }
        }
        for p in paragraphs.iter().filter(|p| certain(p)) {
            let mut chars = p.text.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let next = chars.peek().map(|&(_, n)| n);
                if is_terminal(c) && next.is_some_and(|n| !is_closer(n) && !is_terminal(n)) {
                    let at = i + c.len_utf8();
                    seams.joints.insert(key(&p.text[..at], &p.text[at..]));
                }
            }
        }
        seams
    }

    /// Adds another page's seams.
    pub fn merge(&mut self, other: Seams) {
        self.breaks.extend(other.breaks);
        self.joints.extend(other.joints);
    }

    /// The keys of the breaks and then of the joints, each sorted.
    pub fn sorted(&self) -> [Vec<u64>; 2] {
        [&self.breaks, &self.joints].map(|set| {
            let mut keys: Vec<u64> = set.iter().copied().collect();
            keys.sort_unstable();
            keys
        })
    }

    /// Whether the batch shows any of the breaks and joints `asked`.
    pub(crate) fn knows_any(&self, asked: &SeamsAsked) -> bool {
        asked.breaks.iter().any(|k| self.breaks.contains(k)) || asked.joints.iter().any(|k| self.joints.contains(k))
    }
}

/// The batch's seams as rejoin consults them, each seam looked up noted,
/// so that a page rejoined without the batch's facts can tell whether
/// they would have changed anything (see `context::Asked`).
pub(crate) struct SeamsView<'a> {
    seams: &'a Seams,
    asked: RefCell<SeamsAsked>,
}

/// The keys of the breaks and joints rejoin looked up.
#[derive(Clone, Debug, Default)]
pub(crate) struct SeamsAsked {
    breaks: Vec<u64>,
    joints: Vec<u64>,
}

impl SeamsAsked {
    /// How many keys were looked up.
    pub(crate) fn len(&self) -> usize {
        self.breaks.len() + self.joints.len()
    }
}

impl<'a> SeamsView<'a> {
    pub(crate) fn new(seams: &'a Seams) -> Self {
        SeamsView { seams, asked: RefCell::default() }
    }

    /// Whether the batch shows a paragraph break between `tail` and `head`.
    pub(crate) fn breaks(&self, tail: &str, head: &str) -> bool {
        let key = key(tail, head);
        self.asked.borrow_mut().breaks.push(key);
        self.seams.breaks.contains(&key)
    }

    /// Whether the batch shows `tail` and `head` inside one paragraph.
    pub(crate) fn joins(&self, tail: &str, head: &str) -> bool {
        let key = key(tail, head);
        self.asked.borrow_mut().joints.push(key);
        self.seams.joints.contains(&key)
    }

    /// The seams looked up.
    pub(crate) fn into_asked(self) -> SeamsAsked {
        self.asked.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParaClass;

    fn line(no: usize, text: &str, blank_before: bool) -> Paragraph {
        Paragraph::new(text.to_owned(), ParaClass::Body, (no, no), blank_before)
    }

    #[test]
    fn seams_of_web_paragraphs_are_seen() {
        let first = "十二月十一日上午，收听收看省委新冠肺炎疫情防控工作专题会议之后，市委书记立即主持召开会议。市长李亦博作工作部署。";
        let second = "葛巧红传达了近期省委书记楼阳生重要批示精神，并就疫情防控、重点工作开展提出具体要求。";
        let observed = Seams::observe(&[line(1, first, false), line(3, second, true)]);
        let seams = SeamsView::new(&observed);
        assert!(seams.breaks("市长李亦博作工作部署。", "葛巧红传达了近期"));
        assert!(seams.joins("主持召开会议。", "市长李亦博作"));
        assert!(!seams.breaks("主持召开会议。", "市长李亦博作"));
    }

    #[test]
    fn column_lines_show_no_seams() {
        let observed =
            Seams::observe(&[line(1, "工作。市长李亦博作工作部署。", false), line(2, "葛巧红传达了近期", false)]);
        assert!(!SeamsView::new(&observed).breaks("工作部署。", "葛巧红传达了近期"));
    }
}
