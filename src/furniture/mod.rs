//! Stage 4, furniture: take out what the paper prints around its articles,
//! keep a record of it, and keep what it tells.
//!
//! Furniture comes in three shapes, handled where the evidence is best:
//! whole lines ([`lines`]: headers, footers, editor lines, web chrome;
//! before rejoin, so that a running header cannot glue two columns
//! together), marks at the edges of paragraphs ([`marks`]: continuation
//! notes and editor codes; after rejoin, where a note that stood on its own
//! line has joined the paragraph it ends), and boxes repeated on several
//! pages of the batch ([`strip_repeated_boxes`]; after segmentation, which
//! tells that a box belongs to no article). Every removal is recorded as a
//! [`Removal`] with its rule's name, so that nothing is lost; with
//! `--keep-furniture` the records still name it, and [`kept`] puts the text
//! back once the page is segmented without it. The patterns themselves are
//! data, in [`tables`], made of the words in [`vocab`]; lines that recur at
//! the edges of the batch's pages are furniture whatever their words
//! ([`edges`]).

pub mod kept;
pub mod lines;
pub mod marks;
pub mod tables;

// Shared with the batch context and the rules file.
pub mod edges;
pub mod vocab;

use crate::context::BatchContext;
use crate::model::{Item, ItemKind, Removal};
use crate::trace::Trace;

pub use lines::strip_lines;
pub(crate) use lines::strip_lines_asking;
pub use marks::strip_marks;

/// Takes out the notice items that the batch shows to be repeated boxes
/// (the `请广大群众和社会各界… 监督举报电话` notice of 001 and 004). A box
/// stands beside the page's articles: a page that holds nothing else keeps
/// it, as its content.
pub fn strip_repeated_boxes(
    items: Vec<Item>,
    ctx: &BatchContext,
    keep: bool,
    removed: &mut Vec<Removal>,
    trace: &mut Trace,
) -> Vec<Item> {
    let is_box = |item: &Item| item.kind == ItemKind::Notice && item.body.iter().all(|p| ctx.repeats_as_box(p));
    if items.iter().all(is_box) {
        return items;
    }
    items
        .into_iter()
        .filter_map(|mut item| {
            let repeated = is_box(&item);
            if repeated {
                let text = item.body.join("\n");
                trace.note(|| format!("furniture: repeated-box {text:?}"));
                removed.push(Removal::new("repeated-box", text));
            } else if !keep {
                strip_trailing_boxes(&mut item, ctx, removed, trace);
            }
            (keep || !repeated).then_some(item)
        })
        .collect()
}

/// How long (characters) a paragraph at an article's end may be to count
/// as a box: a tail credit (`（新华社电）`, `(AP)`) is shorter and repeats
/// on many pages as the article's own; a notice set between articles is
/// a line or two, where a repeated paragraph of text is longer (a
/// sample's article reprinted on several pages, whose first paragraph is
/// too long to be keyed as a box).
const TRAILING_BOX_CHARS: std::ops::RangeInclusive<usize> = 20..=120;

/// Takes a repeated box off an article's end: set between two articles
/// (a subscription or news-tip promotion), it joins the text above it. It
/// is the article's own if the article's other paragraphs repeat too (the
/// same article printed on two pages), or if it is all the article holds.
fn strip_trailing_boxes(item: &mut Item, ctx: &BatchContext, removed: &mut Vec<Removal>, trace: &mut Trace) {
    if item.body.iter().rev().skip(1).any(|p| ctx.repeats_as_box(p)) {
        return;
    }
    while item.body.len() > 1 {
        let last = item.body.last().expect("an article with two paragraphs has a last");
        if !TRAILING_BOX_CHARS.contains(&last.chars().count()) || !ctx.repeats_as_box(last) {
            break;
        }
        let text = item.body.pop().expect("checked above");
        trace.note(|| format!("furniture: repeated-box {text:?}"));
        removed.push(Removal::new("repeated-box", text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{Facts, PageFacts, box_key};

    const NOTICE: &str = "请广大群众对不作为问题予以监督。监督举报电话：（0391）3569278。";

    /// A batch in which the notice stood beside different text on two pages.
    fn batch() -> BatchContext {
        let page = |rest: &str| PageFacts {
            boxes: [(box_key(NOTICE), Some(box_key(rest)))].into_iter().collect(),
            ..PageFacts::default()
        };
        Facts::default().with_page(page("一篇文章。")).with_page(page("另一篇文章。")).into_context()
    }

    fn notice(text: &str) -> Item {
        Item { kind: ItemKind::Notice, body: vec![text.to_owned()], ..Item::default() }
    }

    fn article(text: &str) -> Item {
        Item { title: Some("标题".into()), body: vec![text.to_owned()], ..Item::default() }
    }

    fn strip(items: Vec<Item>) -> (Vec<Item>, Vec<Removal>) {
        let mut removed = Vec::new();
        let items = strip_repeated_boxes(items, &batch(), false, &mut removed, &mut Trace::off());
        (items, removed)
    }

    #[test]
    fn a_repeated_box_beside_an_article_is_furniture() {
        let (items, removed) = strip(vec![notice(NOTICE), article("本报讯 正文。")]);
        assert_eq!(items, [article("本报讯 正文。")]);
        assert_eq!(removed, [Removal::new("repeated-box", NOTICE)]);
    }

    #[test]
    fn a_repeated_box_at_an_articles_end_is_furniture_unless_the_article_repeats() {
        let mut story = article("本报讯 市图书馆周末举办古籍修复体验活动。");
        story.body.push(NOTICE.to_owned());
        let (items, removed) = strip(vec![story.clone()]);
        assert_eq!(items, [article("本报讯 市图书馆周末举办古籍修复体验活动。")]);
        assert_eq!(removed, [Removal::new("repeated-box", NOTICE)]);
        // The same article on two pages: each paragraph repeats, none is a box.
        let mut again = article(NOTICE);
        again.body.push(NOTICE.to_owned());
        let (items, removed) = strip(vec![again.clone(), story]);
        assert_eq!(items[0], again);
        assert_eq!(removed.len(), 1);
    }

    #[test]
    fn a_page_of_nothing_but_a_repeated_box_keeps_it() {
        for items in [vec![notice(NOTICE)], vec![notice(NOTICE), notice(NOTICE)]] {
            let (kept, removed) = strip(items.clone());
            assert_eq!(kept, items);
            assert!(removed.is_empty());
        }
    }
}
