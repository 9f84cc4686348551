//! Column width, estimated from the lines around each line.
//!
//! A page dump does not say how wide its columns were, and one page mixes
//! them (001: 13–15 characters in most articles, 28 in one paragraph,
//! 17 in the later ones). In justified column text every line but the last
//! of a paragraph fills the column, so the common width of the nearby lines
//! is the column; a line clearly shorter than that ends its paragraph.

/// Non-blank lines on each side of a line that inform its column width.
const WINDOW: usize = 10;

/// Lines narrower than this (half-width units) say nothing about the column.
const MIN_WIDTH: usize = 8;

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

    #[test]
    fn widths_that_never_repeat_make_no_column() {
        let cols = column_widths(&[32, 124, 92]);
        assert!(cols.iter().all(|c| c.support == 1), "{cols:?}");
    }
}
