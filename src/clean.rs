//! The stage chain for one page, pure: no files, no clocks, no globals.
//!
//! normalize → furniture lines → rejoin → furniture marks → segment →
//! repeated boxes. [`clean_page`] runs it with a batch's context;
//! [`page_facts`] runs its first half to gather what the batch context is
//! made of. That first half, done without the batch's facts, is kept as a
//! `Draft` where the batch runner has room for it: where the batch's
//! context turns out to know nothing the page asked of it, the draft is
//! what the first half would give again, and cleaning goes on from it.

use crate::config::CleanOptions;
use crate::context::{Asked, BatchContext, MAX_BOX_CHARS, PageFacts, box_key, edge_keys};
use crate::furniture::{self, kept::Kept};
use crate::model::{Line, Page, PageResult, ParaClass, Paragraph, Removal};
use crate::normalize::normalize;
use crate::rejoin::seams::Seams;
use crate::rejoin::{Lexicon, rejoin_asking};
use crate::segment::segment;
use crate::trace::Trace;

/// A page with its furniture lines out, rejoined: what the rest of the
/// chain goes on from.
#[derive(Debug)]
struct Rejoined {
    paragraphs: Vec<Paragraph>,
    /// The date the page states.
    date: Option<String>,
    /// The furniture lines taken out.
    removed: Vec<Removal>,
}

/// A page's lines, furniture lines out, what they were rejoined into and
/// what that asked of the batch context: seams and word forms, and whether
/// the lines `edge_lines` recur at the edges of its pages.
struct Prepared {
    lines: Vec<Line>,
    rejoined: Rejoined,
    asked: Asked,
    edge_lines: Vec<usize>,
}

/// Takes the furniture lines out (always: with `--keep-furniture` they go
/// back into the text after segmentation) and rejoins the rest.
fn prepare(mut lines: Vec<Line>, ctx: &BatchContext, options: &CleanOptions, trace: &mut Trace) -> Prepared {
    let mut removed = Vec::new();
    let (date, edge_lines) = furniture::strip_lines_asking(&mut lines, ctx, &options.rules, false, &mut removed, trace);
    let (paragraphs, asked) = rejoin_asking(&lines, &options.rules, ctx, trace);
    Prepared { lines, rejoined: Rejoined { paragraphs, date, removed }, asked, edge_lines }
}

/// A page prepared without the batch's facts by the first pass: its
/// paragraphs, date and furniture lines, and what preparing it asked of
/// the batch: seams, word forms, and the keys of the edge lines asked
/// whether they recur.
#[derive(Debug)]
pub(crate) struct Draft {
    rejoined: Rejoined,
    asked: Asked,
    edges: Vec<String>,
    /// The hash of the page's text: a draft goes on only with its own page.
    text: u64,
}

impl Draft {
    /// About how many bytes of memory the draft holds once kept (see
    /// [`Draft::keep`]): each allocation with the allocator's overhead.
    pub(crate) fn size(&self) -> usize {
        let block = |bytes: usize| if bytes == 0 { 0 } else { bytes.next_multiple_of(16) + 16 };
        let strings = |texts: &mut dyn Iterator<Item = &String>| texts.map(|t| block(t.len())).sum::<usize>();
        let Rejoined { paragraphs, removed, .. } = &self.rejoined;
        std::mem::size_of::<Draft>()
            + block(paragraphs.len() * std::mem::size_of::<Paragraph>())
            + strings(&mut paragraphs.iter().map(|p| &p.text))
            + block(removed.len() * std::mem::size_of::<Removal>())
            + strings(&mut removed.iter().flat_map(|r| [&r.rule, &r.text]))
            + block(self.asked.seams.len() * 8)
            + strings(&mut self.asked.words.iter().chain(&self.edges))
    }

    /// The draft in as little memory as it needs, to be kept until the
    /// second pass: rejoined paragraphs grow their text as lines join.
    pub(crate) fn keep(mut self) -> Self {
        self.rejoined.paragraphs.iter_mut().for_each(|p| p.text.shrink_to_fit());
        self.rejoined.paragraphs.shrink_to_fit();
        self.rejoined.removed.shrink_to_fit();
        self
    }
}

/// The hash of a page's text.
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Cleans one page into items, recording what was removed and orphaned.
/// The page is segmented without its furniture whether it is kept or not,
/// so that keeping it changes the text of the items, never the items.
pub fn clean_page(page: Page<'_>, ctx: &BatchContext, options: &CleanOptions, trace: &mut Trace) -> PageResult {
    let lines = normalize(page.text, trace);
    let before: Vec<(usize, String)> =
        if options.keep_furniture { lines.iter().map(|l| (l.no, l.text.clone())).collect() } else { Vec::new() };
    let Prepared { lines, rejoined, .. } = prepare(lines, ctx, options, trace);
    let kept = options.keep_furniture.then_some(Furnished { lines, before });
    finish(page, rejoined, kept, ctx, options, trace)
}

/// Cleans one page as [`clean_page`] does, going on from the first pass's
/// draft of it where the batch's context knows nothing the draft asked
/// (and furniture is not kept, which needs the page's lines).
pub(crate) fn clean_drafted(page: Page<'_>, draft: Draft, ctx: &BatchContext, options: &CleanOptions) -> PageResult {
    let fits = !options.keep_furniture
        && draft.text == text_hash(page.text)
        && ctx.knows_none(&draft.asked, draft.edges.iter());
    if !fits {
        return clean_page(page, ctx, options, &mut Trace::off());
    }
    finish(page, draft.rejoined, None, ctx, options, &mut Trace::off())
}

/// A page's lines without their furniture lines, and before they were
/// taken out (line number and text): where kept furniture goes back.
struct Furnished {
    lines: Vec<Line>,
    before: Vec<(usize, String)>,
}

/// Cleans a prepared page: marks, segmentation, repeated boxes; with
/// `kept`, the furniture goes back into the items' text.
fn finish(
    page: Page<'_>,
    rejoined: Rejoined,
    kept: Option<Furnished>,
    ctx: &BatchContext,
    options: &CleanOptions,
    trace: &mut Trace,
) -> PageResult {
    let Rejoined { paragraphs, date, mut removed } = rejoined;
    let keep = kept.is_some();
    let marked = if keep { paragraphs.clone() } else { Vec::new() };
    let paragraphs = furniture::strip_marks(paragraphs, &options.rules, false, &mut removed, trace);
    let segmented = segment(paragraphs.clone(), &options.rules, trace);
    let mut paragraphs = paragraphs;
    for p in paragraphs.iter_mut().filter(|p| p.class.is_headline() && segmented.crossheads.contains(&p.lines.0)) {
        p.class = ParaClass::Body;
    }
    let mut items = furniture::strip_repeated_boxes(segmented.items, ctx, keep, &mut removed, trace);
    if let Some(Furnished { lines, before }) = kept {
        let mut pieces: Vec<Kept> = lines
            .iter()
            .zip(before)
            .filter(|(line, (_, text))| line.is_blank() && !text.is_empty())
            .map(|(_, (line, text))| Kept { line, text })
            .collect();
        // Paragraphs that were nothing but marks, and the text of those
        // that marks ended or opened.
        let mut shown = Vec::new();
        for p in marked {
            let at = paragraphs.partition_point(|q| q.lines.0 < p.lines.0);
            match paragraphs.get(at).filter(|q| q.lines.0 == p.lines.0) {
                None => pieces.push(Kept { line: p.lines.0, text: p.text }),
                Some(q) if q.text != p.text => shown.push((p.lines.0, p.text)),
                Some(_) => {}
            }
        }
        furniture::kept::put_back(&mut items, &paragraphs, &shown, pieces);
    }
    for item in &mut items {
        item.date.clone_from(&date);
    }
    let mut warnings: Vec<String> = page.notes.iter().map(ToString::to_string).collect();
    if page.malformed > 0 {
        warnings.push(format!("{} malformed byte sequences replaced by U+FFFD", page.malformed));
    }
    PageResult { items, removed, orphans: segmented.orphans, warnings }
}

/// What a page tells about the batch: its word forms, the lines at its
/// edges, its short paragraphs.
pub fn page_facts(page: Page<'_>, options: &CleanOptions) -> PageFacts {
    drafted_facts(page, options).0
}

/// [`page_facts`], and the page as they leave it: its [`Draft`].
pub(crate) fn drafted_facts(page: Page<'_>, options: &CleanOptions) -> (PageFacts, Draft) {
    let mut trace = Trace::off();
    let lines = normalize(page.text, &mut trace);
    let zone: Vec<(usize, Vec<String>)> =
        furniture::edges::zone(&lines).into_iter().map(|i| (i, edge_keys(&lines[i].text))).collect();
    let Prepared { lines, rejoined, asked, edge_lines } = prepare(lines, &BatchContext::default(), options, &mut trace);
    let paragraphs = &rejoined.paragraphs;
    let keys: Vec<u64> = paragraphs.iter().map(|p| box_key(&p.text)).collect();
    // The rest of the page beside a box, as the sum of its paragraphs' keys
    // (order-free, in constant time per box); `None` when the box is all
    // the page holds.
    let total = keys.iter().fold(0u64, |sum, &k| sum.wrapping_add(k));
    let one_text = keys.windows(2).all(|w| w[0] == w[1]);
    let boxes = paragraphs
        .iter()
        .zip(&keys)
        .filter(|(p, _)| p.class == ParaClass::Body && p.text.chars().count() <= MAX_BOX_CHARS)
        .map(|(_, &key)| (key, (!one_text).then(|| total.wrapping_sub(key))))
        .collect();
    let facts = PageFacts {
        lexicon: Lexicon::from_lines(&lines),
        seams: Seams::observe(paragraphs),
        signature: box_key(page.text),
        edges: zone.iter().flat_map(|(_, keys)| keys.iter().cloned()).collect(),
        boxes,
    };
    // The lines asked about are lines of the zone: the same lines, the same zone.
    let edges = zone.into_iter().filter(|(i, _)| edge_lines.contains(i)).flat_map(|(_, keys)| keys).collect();
    let draft = Draft { rejoined, asked, edges, text: text_hash(page.text) };
    (facts, draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Facts;

    /// Pages in columns and on the web, Chinese and Latin, some with line-end
    /// hyphens and some printing an article another one prints too.
    const PAGES: [&str; 9] = [
        include_str!("../seeds/000_fb8c58d83bfc38bd.txt"),
        include_str!("../seeds/001_a69710dabf6f1119.txt"),
        include_str!("../seeds/002_24ae2b55acadbc0c.txt"),
        include_str!("../seeds/004_468ab1eef400fbf5.txt"),
        include_str!("../tests/fixtures/hyphens/en-columns.txt"),
        include_str!("../tests/fixtures/hyphens/en-columns-2.txt"),
        include_str!("../tests/fixtures/pages/en-print.txt"),
        include_str!("../tests/fixtures/pages/en-web.txt"),
        include_str!("../tests/fixtures/web/zh-city-renewal.txt"),
    ];

    #[test]
    fn a_draft_cleans_as_its_page_does() {
        let options = CleanOptions::default();
        let drafted: Vec<(PageFacts, Draft)> = PAGES.iter().map(|t| drafted_facts(Page::new(t), &options)).collect();
        let facts = drafted.iter().map(|(f, _)| f.clone()).fold(Facts::default(), Facts::with_page);
        let ctx = facts.into_context();
        let mut fitting = 0;
        for (text, (_, draft)) in PAGES.iter().zip(drafted) {
            fitting += usize::from(ctx.knows_none(&draft.asked, draft.edges.iter()));
            let page = Page::new(text);
            let cleaned = clean_page(page, &ctx, &options, &mut Trace::off());
            assert_eq!(clean_drafted(page, draft, &ctx, &options), cleaned, "{}", &text[..60]);
        }
        // Both ways are taken: drafts that go on, pages prepared again.
        assert!(0 < fitting && fitting < PAGES.len(), "{fitting} of {} drafts fit", PAGES.len());
    }

    #[test]
    fn a_draft_goes_on_only_with_its_own_page() {
        let options = CleanOptions::default();
        let (_, draft) = drafted_facts(Page::new(PAGES[0]), &options);
        let other = Page::new(PAGES[1]);
        let ctx = BatchContext::default();
        assert_eq!(clean_drafted(other, draft, &ctx, &options), clean_page(other, &ctx, &options, &mut Trace::off()));
    }
}
