//! Groups of text that continue the article before them.
//!
//! A lead opens an article, and so does the text under a headline; but an
//! article may print something of its own before its lead. A lead
//! continues the article before it when that is, so far, one paragraph
//! without a lead under a headline printed above it, and no headline
//! stands between: the article's opening (a scene, a quotation) before its
//! news text (`金秋时节，…` ⏎ `本报临川4月12日讯 今年，…`). A notice box
//! has no headline above it, and an article that ran on from another page
//! opens with a continuation note.

use crate::model::ParaClass;
use crate::segment::assign::Split;
use crate::segment::{Group, HeadLine};

/// Whether each group continues the article of the group before it
/// (`regions[i]` lies between `groups[i - 1]` and `groups[i]`).
pub(crate) fn continuations(regions: &[Vec<HeadLine>], groups: &[Group], splits: &[Split]) -> Vec<bool> {
    let mut continues = vec![false; groups.len()];
    // Whether the article of the group before is only an opening so far.
    let mut opening = false;
    for (i, group) in groups.iter().enumerate() {
        let region = &regions[i];
        let first = &group.paragraphs[0];
        let lead = first.class == ParaClass::Lead;
        let taken_after = splits[i + 1].before > 0;
        let headed_above = splits[i].after < region.len();
        let joinable = i > 0 && !groups[i - 1].closed && splits[i].before == 0 && !taken_after;
        if joinable && opening && region.is_empty() && lead {
            continues[i] = true;
            opening = false;
            continue;
        }
        opening = headed_above
            && group.paragraphs.len() == 1
            && first.class == ParaClass::Body
            && first.continued_from.is_none();
    }
    continues
}
