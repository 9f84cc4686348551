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
        .filter(|item| {
            let repeated = is_box(item);
            if repeated {
                let text = item.body.join("\n");
                trace.note(|| format!("furniture: repeated-box {text:?}"));
                removed.push(Removal::new("repeated-box", text));
            }
            keep || !repeated
        })
        .collect()
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
    fn a_page_of_nothing_but_a_repeated_box_keeps_it() {
        for items in [vec![notice(NOTICE)], vec![notice(NOTICE), notice(NOTICE)]] {
            let (kept, removed) = strip(items.clone());
            assert_eq!(kept, items);
            assert!(removed.is_empty());
        }
    }
}
