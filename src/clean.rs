//! The stage chain for one page, pure: no files, no clocks, no globals.
//!
//! normalize → furniture lines → rejoin → furniture marks → segment →
//! repeated boxes. [`clean_page`] runs it with a batch's context;
//! [`page_facts`] runs its first half to gather what the batch context is
//! made of.

use crate::config::CleanOptions;
use crate::context::{BatchContext, MAX_BOX_CHARS, PageFacts, box_key, edge_keys};
use crate::furniture;
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

fn prepare(
    mut lines: Vec<Line>,
    ctx: &BatchContext,
    options: &CleanOptions,
    removed: &mut Vec<Removal>,
    trace: &mut Trace,
) -> Prepared {
    let date = furniture::strip_lines(&mut lines, ctx, &options.rules, options.keep_furniture, removed, trace);
    let paragraphs = rejoin(&lines, &options.rules, ctx, trace);
    Prepared { lines, paragraphs, date }
}

/// Cleans one page into items, recording what was removed and orphaned.
pub fn clean_page(page: Page<'_>, ctx: &BatchContext, options: &CleanOptions, trace: &mut Trace) -> PageResult {
    let mut removed = Vec::new();
    let keep = options.keep_furniture;
    let lines = normalize(page.text, trace);
    let Prepared { paragraphs, date, .. } = prepare(lines, ctx, options, &mut removed, trace);
    let paragraphs = furniture::strip_marks(paragraphs, &options.rules, keep, &mut removed, trace);
    let segmented = segment(paragraphs, &options.rules, trace);
    let mut items = furniture::strip_repeated_boxes(segmented.items, ctx, keep, &mut removed, trace);
    for item in &mut items {
        item.date.clone_from(&date);
    }
    let mut warnings = Vec::new();
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
    let boxes = paragraphs
        .iter()
        .filter(|p| p.class == ParaClass::Body && p.text.chars().count() <= MAX_BOX_CHARS)
        .map(|p| box_key(&p.text))
        .collect();
    PageFacts { lexicon: Lexicon::from_lines(&lines), seams: Seams::observe(&paragraphs), edges, boxes }
}
