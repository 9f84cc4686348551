//! Groups of text that continue the article before them.
//!
//! An article prints short lines of its own between its paragraphs,
//! crossheads (`从“卖茶叶”到“卖品牌”`). In printed columns a crosshead
//! stands in its column and rejoin keeps it in the text (`hand`); in text
//! set one paragraph a line (a web edition), with blank lines between
//! paragraphs, it is set off as a one-line headline would be, and
//! assignment sees a headline region between two bodies. The page's order
//! and leads tell which it is. A region is a crosshead inside the article
//! before it when:
//!
//! - the page's text is set one paragraph a line, and it is one plain line
//!   (a page that marks its headlines with `#` has said which lines are
//!   headlines);
//! - the article before it opened under a headline printed above it (with
//!   a lead or without: a web edition's file is one article, its text
//!   often without a lead), so this page prints headlines above their
//!   text, and takes nothing from this region;
//! - the text after it opens with no lead, credit line or continuation
//!   note, as a new article under a headline would, and takes no headline
//!   printed after it;
//! - the article before it is not closed (an end mark, a continuation
//!   note, a tail credit).
//!
//! And a lead opens an article, and so does the text under a headline; but
//! an article may print something of its own before its lead. A lead
//! continues the article before it, with no headline between, when that
//! is so far an editor's note (`编者按：…`, which introduces the article
//! below it: joined before headlines are assigned, so that the article's
//! text bears on its headline), or one paragraph without a lead under a
//! headline printed above it: the article's opening (a scene, a quotation)
//! before its news text (`金秋时节，…` ⏎ `本报临川4月12日讯 今年，…`). A
//! notice box has no headline above it, and an article that ran on from
//! another page opens with a continuation note.

use crate::model::{ParaClass, Paragraph};
use crate::segment::assign::Split;
use crate::segment::tables::EDITOR_NOTE_LABELS;
use crate::segment::{Group, HeadLine};

/// Whether each group continues the article of the group before it:
/// after a crosshead (`regions[i]`, between `groups[i - 1]` and
/// `groups[i]`, is one plain line), or as its lead after its opening.
pub(crate) fn continuations(regions: &[Vec<HeadLine>], groups: &[Group], splits: &[Split]) -> Vec<bool> {
    let one_a_line = groups.iter().flat_map(|g| &g.paragraphs).all(|p| p.lines.0 == p.lines.1);
    let mut continues = vec![false; groups.len()];
    // Whether the article of the group before opened under a headline
    // printed above it, and whether it is only an opening so far.
    let (mut headed, mut opening) = (false, false);
    for (i, group) in groups.iter().enumerate() {
        let region = &regions[i];
        let first = &group.paragraphs[0];
        let lead = first.class == ParaClass::Lead;
        let taken_after = splits[i + 1].before > 0;
        let headed_above = splits[i].after < region.len();
        let joinable = i > 0 && !groups[i - 1].closed && splits[i].before == 0 && !taken_after;
        let crosshead = one_a_line
            && headed
            && region.len() == 1
            && region[0].level.is_none()
            && !lead
            && first.continued_from.is_none();
        let after_opening = opening && region.is_empty() && lead;
        if joinable && (crosshead || after_opening) {
            continues[i] = true;
            headed |= after_opening;
            opening = false;
            continue;
        }
        headed = headed_above && !taken_after;
        opening = headed_above
            && group.paragraphs.len() == 1
            && first.class == ParaClass::Body
            && first.continued_from.is_none();
    }
    continues
}

/// Joins each group that opens with a lead to an editor's note just before
/// it, with no headline between (`regions[i]` precedes `groups[i]`).
pub(crate) fn join_notes(regions: &mut Vec<Vec<HeadLine>>, groups: &mut Vec<Group>) {
    let mut i = 1;
    while i < groups.len() {
        let note = &groups[i - 1];
        if regions[i].is_empty() && !note.closed && noted(note) && groups[i].paragraphs[0].class == ParaClass::Lead {
            let group = groups.remove(i);
            regions.remove(i);
            groups[i - 1].paragraphs.extend(group.paragraphs);
            groups[i - 1].closed = group.closed;
        } else {
            i += 1;
        }
    }
}

/// Whether a group is an editor's note and nothing more: its first
/// paragraph opens with an editor's note label and holds the note
/// (`编者按：…`), or is the label alone with the note below it (`编者按` ⏎
/// `…`), and none is a lead. Text after the note is the article the note
/// introduces, begun without a lead: a lead below it opens another.
fn noted(group: &Group) -> bool {
    let first = group.paragraphs[0].text.as_str();
    let rest = EDITOR_NOTE_LABELS.iter().find_map(|label| {
        first.strip_prefix(label).filter(|rest| rest.is_empty() || rest.starts_with(['：', ':', ' ', '　']))
    });
    let note_paragraphs = match rest {
        Some(rest) if rest.trim_start_matches(['：', ':', ' ', '　']).is_empty() => 2,
        Some(_) => 1,
        None => return false,
    };
    group.paragraphs.len() <= note_paragraphs && group.paragraphs.iter().all(|p| p.class == ParaClass::Body)
}

/// The crosshead line as a paragraph of the article's text.
pub(crate) fn as_paragraph(line: &HeadLine) -> Paragraph {
    Paragraph::new(line.text.clone(), ParaClass::Body, (line.line, line.line), line.run_start)
}
