//! The stage chain for one page, pure: no files, no clocks, no globals.
//!
//! normalize → furniture lines → rejoin → furniture marks → segment →
//! repeated boxes. [`clean_page`] runs it with a batch's context;
//! [`page_facts`] runs its first half to gather what the batch context is
//! made of.

use crate::config::CleanOptions;
use crate::context::{BatchContext, MAX_BOX_CHARS, PageFacts, box_key, edge_keys};
use crate::furniture::{self, kept::Kept};
use crate::model::{Line, Page, PageResult, ParaClass, Paragraph, Removal};
use crate::normalize::normalize;
use crate::rejoin::seams::Seams;
use crate::rejoin::{Lexicon, rejoin};
use crate::segment::segment;
use crate::trace::Trace;

/// Lines and paragraphs of a page, furniture lines out, and its date.
struct Prepared {
    lines: Vec<Line>,
    paragraphs: Vec<Paragraph>,
    date: Option<String>,
}

/// Takes the furniture lines out (always: with `--keep-furniture` they go
/// back into the text after segmentation) and rejoins the rest.
fn prepare(
    mut lines: Vec<Line>,
    ctx: &BatchContext,
    options: &CleanOptions,
    removed: &mut Vec<Removal>,
    trace: &mut Trace,
) -> Prepared {
    let date = furniture::strip_lines(&mut lines, ctx, &options.rules, false, removed, trace);
    let paragraphs = rejoin(&lines, &options.rules, ctx, trace);
    Prepared { lines, paragraphs, date }
}

/// Cleans one page into items, recording what was removed and orphaned.
/// The page is segmented without its furniture whether it is kept or not,
/// so that keeping it changes the text of the items, never the items.
pub fn clean_page(page: Page<'_>, ctx: &BatchContext, options: &CleanOptions, trace: &mut Trace) -> PageResult {
    let mut removed = Vec::new();
    let keep = options.keep_furniture;
    let lines = normalize(page.text, trace);
    let before: Vec<(usize, String)> =
        if keep { lines.iter().map(|l| (l.no, l.text.clone())).collect() } else { Vec::new() };
    let Prepared { lines, paragraphs, date } = prepare(lines, ctx, options, &mut removed, trace);
    let marked = if keep { paragraphs.clone() } else { Vec::new() };
    let paragraphs = furniture::strip_marks(paragraphs, &options.rules, false, &mut removed, trace);
    let segmented = segment(paragraphs.clone(), &options.rules, trace);
    let mut paragraphs = paragraphs;
    for p in paragraphs.iter_mut().filter(|p| p.class.is_headline() && segmented.crossheads.contains(&p.lines.0)) {
        p.class = ParaClass::Body;
    }
    let mut items = furniture::strip_repeated_boxes(segmented.items, ctx, keep, &mut removed, trace);
    if keep {
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
    let mut removed = Vec::new();
    let mut trace = Trace::off();
    let lines = normalize(page.text, &mut trace);
    let edges = furniture::edges::zone(&lines).into_iter().flat_map(|i| edge_keys(&lines[i].text)).collect();
    let Prepared { lines, paragraphs, .. } =
        prepare(lines, &BatchContext::default(), options, &mut removed, &mut trace);
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
    PageFacts {
        lexicon: Lexicon::from_lines(&lines),
        seams: Seams::observe(&paragraphs),
        signature: box_key(page.text),
        edges,
        boxes,
    }
}
