//! Column width, estimated from the lines around each line.
//!
//! A page dump does not say how wide its columns were, and one page mixes
//! them (001: 13–15 characters in most articles, 28 in one paragraph,
//! 17 in the later ones). In justified column text every line but the last
//! of a paragraph fills the column, so the common width of the nearby lines
//! is the column; a line clearly shorter than that ends its paragraph.
//!
//! That evidence is for printed columns only. A web edition prints one
//! paragraph a line: its widths spread from a short sentence to several
//! hundred characters, and most of its lines end a sentence, where column
//! lines end mid-sentence and cluster at the column width. Which of the two
//! the lines around a line are is told from those two signs
//! ([`whole_paragraphs`]), never from what the text says.

/// Non-blank lines on each side of a line that inform its column width.
const WINDOW: usize = 10;

/// Lines narrower than this (half-width units) say nothing about the column.
const MIN_WIDTH: usize = 8;

/// How far short of its column a line may fall and still fill it (half-width
/// units): a character in CJK text, justified to the column; a sixth of the
/// column in ragged Latin text.
pub fn tolerance(column: usize, cjk: bool) -> usize {
    if cjk { 1 } else { (column / 6).max(2) }
}

/// A column as estimated at one line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Column {
    /// The width in half-width units (0 for blank lines).
    pub width: usize,
    /// How many nearby lines have that width: 1 means no line repeats a
    /// width, and there is no column at all (web text, a headline block).
    pub support: usize,
}

/// The estimated column at each line: the most common width among the
/// non-blank lines within [`WINDOW`] lines of it (the wider on a tie),
/// which ignores the short last lines of paragraphs and the odd wide
/// headline.
pub fn column_widths(widths: &[usize]) -> Vec<Column> {
    let filled: Vec<usize> = (0..widths.len()).filter(|&i| widths[i] >= MIN_WIDTH).collect();
    let mut out = vec![Column::default(); widths.len()];
    let mut sample = Vec::with_capacity(2 * WINDOW + 1);
    for (i, &w) in widths.iter().enumerate() {
        if w == 0 {
            continue;
        }
        let at = filled.partition_point(|&j| j < i);
        let lo = at.saturating_sub(WINDOW);
        let hi = (at + WINDOW + 1).min(filled.len());
        sample.clear();
        sample.extend(filled[lo..hi].iter().map(|&j| widths[j]));
        out[i] =
            mode(&mut sample).map_or(Column { width: w, support: 1 }, |(support, width)| Column { width, support });
    }
    out
}

/// What rejoining knows of one line for telling how its lines are set.
#[derive(Clone, Copy, Debug, Default)]
pub struct LineSet {
    /// Width in half-width units (0 for blank lines).
    pub width: usize,
    /// Whether it is CJK text.
    pub cjk: bool,
    /// Whether it ends a sentence (or its article, with a closing mark).
    pub ends_sentence: bool,
    /// Whether it is a list item, a field or a label (ending in `；`, as
    /// `时间：…`, ending in `：`).
    pub item: bool,
}

/// Whether each line stands among whole paragraphs, one to a line, rather
/// than among printed column lines: within [`WINDOW`] lines of it, most
/// lines end a sentence and fewer than half fill the column estimated at
/// it. Column text ends a sentence on a line only where a paragraph ends or
/// by chance (001, 004: one line in ten), and most of its lines fill the
/// column; a web edition's lines end sentences and spread in width. Where
/// no width repeats there is no column for them to fill (long Latin
/// paragraphs come out about as wide as each other, never the same). And a
/// line that ends a sentence more than twice as wide as the column around
/// it was not set in that column: it is a paragraph on a line of its own,
/// beside short lines (a list of fields) that make the column; so is such
/// a line that introduces the list (`…具体安排如下：`). List items, fields
/// and labels tell neither way: a list is set an item a line in columns
/// and on the web alike (`…以下几类场所：` ⏎ `1.…；` ⏎ `2.…；`, `时间：…` ⏎
/// `地点：…`), and their lines are left out of the count.
pub fn whole_paragraphs(lines: &[LineSet], columns: &[Column]) -> Vec<bool> {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].width >= MIN_WIDTH).collect();
    let mut out = vec![false; lines.len()];
    for (i, line) in lines.iter().enumerate() {
        if line.width == 0 {
            continue;
        }
        let at = filled.partition_point(|&j| j < i);
        let window = filled[at.saturating_sub(WINDOW)..(at + WINDOW + 1).min(filled.len())].iter();
        let window: Vec<usize> = window.copied().filter(|&j| !lines[j].item).collect();
        let column = columns[i].width;
        let tolerance = tolerance(column, line.cjk);
        let ends = window.iter().filter(|&&j| lines[j].ends_sentence).count();
        let fill = if columns[i].support > 1 {
            window.iter().filter(|&&j| lines[j].width.abs_diff(column) <= tolerance).count()
        } else {
            0
        };
        let overflows = (line.ends_sentence || line.item) && line.width > 2 * column;
        out[i] = (ends * 2 > window.len() && fill * 2 < window.len()) || overflows;
    }
    out
}

/// The most common width with its count, the wider on a tie; `None` for
/// no widths.
fn mode(sample: &mut [usize]) -> Option<(usize, usize)> {
    sample.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    for run in sample.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(n, _)| run.len() >= n) {
            best = Some((run.len(), run[0]));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_width_ignores_short_paragraph_ends() {
        let widths = [28, 28, 26, 12, 28, 28, 0, 28, 10, 28];
        let cols = column_widths(&widths);
        assert!(cols.iter().enumerate().all(|(i, c)| widths[i] == 0 || c.width == 28), "{cols:?}");
        assert_eq!(cols[6].width, 0);
        assert_eq!(cols[0].support, 6);
    }

    #[test]
    fn column_width_follows_a_change_of_layout() {
        let mut widths = vec![28; 30];
        widths.extend(vec![60; 30]);
        let cols = column_widths(&widths);
        assert_eq!((cols[0].width, cols[59].width), (28, 60));
    }

    fn sets(lines: &[(usize, bool)]) -> Vec<LineSet> {
        lines.iter().map(|&(width, ends_sentence)| LineSet { width, cjk: true, ends_sentence, item: false }).collect()
    }

    fn whole(lines: &[(usize, bool)]) -> Vec<bool> {
        let lines = sets(lines);
        let columns = column_widths(&lines.iter().map(|l| l.width).collect::<Vec<_>>());
        whole_paragraphs(&lines, &columns)
    }

    #[test]
    fn spread_widths_ending_sentences_are_whole_paragraphs() {
        // a web edition: two short paragraphs as wide as each other
        assert!(
            whole(&[(132, true), (14, true), (14, true), (362, true), (54, true), (204, false)]).iter().all(|&w| w)
        );
        assert!(whole(&[(40, false), (180, true), (96, true), (310, true)]).iter().all(|&w| w));
    }

    #[test]
    fn clustered_widths_ending_mid_sentence_are_column_lines() {
        // 001: 13–15 characters a line, a sentence ending now and then
        let lines = [(28, false), (28, true), (26, false), (28, false), (12, true), (28, false), (30, false)];
        assert!(whole(&lines).iter().all(|&w| !w));
        // short column paragraphs end many lines, but the lines still fill the column
        let lines =
            [(28, false), (20, true), (28, false), (28, true), (28, false), (14, true), (28, false), (28, true)];
        assert!(whole(&lines).iter().all(|&w| !w));
    }

    #[test]
    fn long_latin_paragraphs_of_like_width_are_whole_paragraphs() {
        // A web edition in English: each paragraph on a line, three of
        // them about as long, none the same width: there is no column.
        let lines: Vec<LineSet> = [(44, false), (151, true), (133, true), (140, true), (62, true)]
            .iter()
            .map(|&(width, ends_sentence)| LineSet { width, cjk: false, ends_sentence, item: false })
            .collect();
        let columns = column_widths(&lines.iter().map(|l| l.width).collect::<Vec<_>>());
        assert_eq!(whole_paragraphs(&lines, &columns)[1..], [true; 4]);
    }

    #[test]
    fn a_sentence_on_a_line_far_wider_than_the_column_is_a_whole_paragraph() {
        // Paragraphs one to a line beside a list of short field lines, which
        // make a column of their own.
        let lines = [(128, true), (96, true), (34, false), (34, false), (30, false), (34, false), (34, true)];
        assert_eq!(whole(&lines)[..2], [true, true]);
        // A paragraph set twice as wide as the column (001) is no such line.
        let lines = [(28, false), (28, false), (56, true), (28, false), (28, false), (26, true), (28, false)];
        assert!(whole(&lines).iter().all(|&w| !w));
    }

    #[test]
    fn list_items_and_labels_tell_neither_way() {
        // (width, ends a sentence, ends an item or label)
        let whole_of = |lines: &[(usize, bool, bool)]| {
            let lines: Vec<LineSet> = lines
                .iter()
                .map(|&(width, ends_sentence, item)| LineSet { width, cjk: true, ends_sentence, item })
                .collect();
            let columns = column_widths(&lines.iter().map(|l| l.width).collect::<Vec<_>>());
            whole_paragraphs(&lines, &columns)
        };
        // A web edition's list under a label, between whole paragraphs.
        let web = [(22, false, false), (130, true, false), (30, false, true), (50, false, true), (30, false, true)];
        let web = [&web[..], &[(30, false, true), (34, true, false), (90, true, false)]].concat();
        assert!(whole_of(&web)[1..].iter().all(|&w| w), "{:?}", whole_of(&web));
        // The same list in a column of 14 characters.
        let column = [(28, false, false), (28, false, false), (28, true, false), (8, false, true), (28, false, false)];
        let column =
            [&column[..], &[(20, false, true), (28, false, true), (26, false, true), (28, false, false)]].concat();
        let column =
            [&column[..], &[(28, false, true), (30, true, false), (28, false, false), (28, false, false)]].concat();
        assert!(whole_of(&column).iter().all(|&w| !w), "{:?}", whole_of(&column));
    }

    #[test]
    fn widths_that_never_repeat_make_no_column() {
        let cols = column_widths(&[32, 124, 92]);
        assert!(cols.iter().all(|c| c.support == 1), "{cols:?}");
    }
}
