//! `--keep-furniture`: the furniture put back into the articles' text.
//!
//! Keeping furniture must not change what the articles are. A running
//! header left in the lines would join the headline below it, web chrome
//! would become headlines and paragraphs of its own. So the chain always
//! takes the furniture out and segments the page without it; only then
//! does [`put_back`] return each piece to the text where it stood: marks
//! into the paragraphs they ended or opened, furniture lines and lone
//! marks as paragraphs of their own, in the article of the text before
//! them (a footer, an editor line after the article it closes), or of the
//! text after them where nothing of an article precedes, or a headline
//! stands between (a page header above the first headline, a date line
//! under a title). The fields of the items (headline, byline, kind,
//! continuation) stay as the segmentation made them.

use crate::model::{Item, Paragraph};

/// A piece of furniture taken out of a page, to put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// The page line it stood on.
    pub line: usize,
    /// Its text.
    pub text: String,
}

/// Where a body paragraph of the page went: item and position.
type Place = (usize, usize);

/// Puts kept furniture back into `items`, the segmentation of
/// `paragraphs` (the page's paragraphs in order, marks taken out).
/// `shown` gives, for the first line of a paragraph, its text with its
/// marks; `pieces` are the furniture lines and lone marks.
pub fn put_back(items: &mut [Item], paragraphs: &[Paragraph], shown: &[(usize, String)], mut pieces: Vec<Kept>) {
    let bodies: Vec<&Paragraph> = paragraphs.iter().filter(|p| !p.class.is_headline()).collect();
    let places: Vec<Place> =
        items.iter().enumerate().flat_map(|(k, item)| (0..item.body.len()).map(move |j| (k, j))).collect();
    // Segmentation puts every body paragraph in one item, in page order.
    if places.len() != bodies.len() || items.is_empty() {
        debug_assert!(items.is_empty() && bodies.is_empty() || places.len() == bodies.len());
        return;
    }
    // Paragraphs stand in page order; every search below is a binary one.
    let headlines: Vec<usize> = paragraphs.iter().filter(|p| p.class.is_headline()).map(|p| p.lines.0).collect();
    let mut inserts: Vec<(usize, usize, String)> = Vec::new();
    pieces.sort_by_key(|p| p.line);
    for piece in pieces {
        let below = bodies.partition_point(|p| p.lines.0 < piece.line);
        let after = below.checked_sub(1);
        let next = Some(bodies.partition_point(|p| p.lines.0 <= piece.line)).filter(|&n| n < bodies.len());
        let since = after.map_or(0, |a| headlines.partition_point(|&h| h <= bodies[a].lines.1));
        let headline_between = headlines.get(since).is_some_and(|&h| h < piece.line);
        let opens_next = next.is_some_and(|n| places[n].1 == 0 && bodies[n].continued_from.is_some());
        let (k, j) = match (after, next) {
            (Some(_), Some(n)) if headline_between || opens_next => places[n],
            (Some(a), _) => (places[a].0, places[a].1 + 1),
            (None, Some(n)) => places[n],
            (None, None) => unreachable!("a page with items has body paragraphs"),
        };
        inserts.push((k, j, piece.text));
    }
    for (line, text) in shown {
        let at = bodies.partition_point(|p| p.lines.0 < *line);
        if bodies.get(at).is_some_and(|p| p.lines.0 == *line) {
            let (k, j) = places[at];
            items[k].body[j].clone_from(text);
        }
    }
    // From the last insert back, so that earlier positions still hold;
    // pieces at one position keep the page's order.
    for (k, j, text) in inserts.into_iter().rev() {
        items[k].body.insert(j, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParaClass;

    fn para(text: &str, class: ParaClass, lines: (usize, usize)) -> Paragraph {
        Paragraph::new(text.to_owned(), class, lines, true)
    }

    fn item(title: Option<&str>, body: &[&str]) -> Item {
        Item {
            title: title.map(str::to_owned),
            body: body.iter().map(|b| (*b).to_owned()).collect(),
            ..Item::default()
        }
    }

    fn kept(line: usize, text: &str) -> Kept {
        Kept { line, text: text.to_owned() }
    }

    #[test]
    fn furniture_goes_back_where_it_stood_without_moving_an_article() {
        // header, title, body, editor line, title, date line, body, footer
        let paragraphs = [
            para("滨海地铁5号线全线贯通", ParaClass::Headline, (3, 3)),
            para("本报讯 地铁贯通。", ParaClass::Lead, (5, 5)),
            para("老旧小区改造启动", ParaClass::Headline, (9, 9)),
            para("方案正式印发。", ParaClass::Body, (12, 12)),
        ];
        let mut items = [
            item(Some("滨海地铁5号线全线贯通"), &["本报讯 地铁贯通。"]),
            item(Some("老旧小区改造启动"), &["方案正式印发。"]),
        ];
        let pieces = vec![
            kept(1, "滨海晨报 第3版"),
            kept(7, "责任编辑：周敏"),
            kept(10, "2024-03-05 来源：滨海日报"),
            kept(14, "版权所有"),
        ];
        put_back(&mut items, &paragraphs, &[(5, "本报讯 地铁贯通。（下转第二版）".to_owned())], pieces);
        assert_eq!(items[0].body, ["滨海晨报 第3版", "本报讯 地铁贯通。（下转第二版）", "责任编辑：周敏"]);
        assert_eq!(items[1].body, ["2024-03-05 来源：滨海日报", "方案正式印发。", "版权所有"]);
        assert_eq!(items[1].title.as_deref(), Some("老旧小区改造启动"));
    }
}
