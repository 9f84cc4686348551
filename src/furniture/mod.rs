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
//! `--keep-furniture` the text stays and the records still name it. The
//! patterns themselves are data, in [`tables`], made of the words in
//! [`vocab`]; lines that recur at the edges of the batch's pages are
//! furniture whatever their words ([`edges`]).

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
pub use marks::strip_marks;

/// Takes out the notice items that the batch shows to be repeated boxes
/// (the `请广大群众和社会各界… 监督举报电话` notice of 001 and 004).
pub fn strip_repeated_boxes(
    items: Vec<Item>,
    ctx: &BatchContext,
    keep: bool,
    removed: &mut Vec<Removal>,
    trace: &mut Trace,
) -> Vec<Item> {
    items
        .into_iter()
        .filter(|item| {
            let repeated = item.kind == ItemKind::Notice && item.body.iter().all(|p| ctx.repeats_as_box(p));
            if repeated {
                let text = item.body.join("\n");
                trace.note(|| format!("furniture: repeated-box {text:?}"));
                removed.push(Removal::new("repeated-box", text));
            }
            keep || !repeated
        })
        .collect()
}
