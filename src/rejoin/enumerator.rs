//! Numbered points at the start of a line: `一要`, `二是`, `三、`, `（四）`,
//! `第五，`, `6.`.
//!
//! A line opening with one is a point inside an article, not a headline.
//! And after a finished sentence, a line opening with a first point, or
//! with point *n + 1* in a paragraph that opened with point *n* of the same
//! kind, starts a new paragraph even if the line before happened to fill
//! the column (a sample's `…功能彰显。` ⏎ `四要加法减法并用。` after a
//! paragraph that opened with `三要`).

/// How a numbered point is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A Chinese numeral and a word or mark after it (`一要`, `二是`, `三、`);
    /// not a comma: `一，` is the tail of a `第一，` split at a line end
    /// (001 lines 231–232).
    Chinese(char),
    /// `第一，`, `第二、`.
    Ordinal,
    /// `（一）`, `(2)`.
    Bracketed,
    /// `1.`, `2、`.
    Arabic,
}

/// A numbered point: its style and number.
pub type Point = (Style, u32);

const NUMERALS: &str = "一二三四五六七八九十";

/// The value of a Chinese numeral of up to two digits (`七` → 7, `十二` → 12).
fn chinese_number(digits: &str) -> Option<u32> {
    let values: Vec<u32> =
        digits.chars().map(|c| NUMERALS.chars().position(|n| n == c).map(|p| p as u32 + 1)).collect::<Option<_>>()?;
    match values.as_slice() {
        [n] => Some(*n),
        [10, n] if *n < 10 => Some(10 + n),
        [n, 10] if *n < 10 => Some(n * 10),
        [n, 10, m] if *n < 10 && *m < 10 => Some(n * 10 + m),
        _ => None,
    }
}

/// The numbered point a line opens with, if any.
pub fn point(text: &str) -> Option<Point> {
    let numeral_end = |s: &str| s.char_indices().find(|&(_, c)| !NUMERALS.contains(c)).map_or(s.len(), |(i, _)| i);
    if let Some(rest) = text.strip_prefix('第') {
        let end = numeral_end(rest);
        let after = rest[end..].chars().next()?;
        return matches!(after, '，' | '、' | ',')
            .then(|| Some((Style::Ordinal, chinese_number(&rest[..end])?)))
            .flatten();
    }
    if let Some(rest) = text.strip_prefix(['（', '(']) {
        let end = rest.find(['）', ')'])?;
        let inner = &rest[..end];
        let number = chinese_number(inner).or_else(|| inner.parse().ok())?;
        return Some((Style::Bracketed, number));
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let after = text[digits..].chars().next()?;
        return matches!(after, '.' | '、' | '．')
            .then(|| text[..digits].parse().ok().map(|n| (Style::Arabic, n)))
            .flatten();
    }
    let end = numeral_end(text);
    let after = text[end..].chars().next()?;
    let number = chinese_number(&text[..end])?;
    matches!(after, '要' | '是' | '、').then_some((Style::Chinese(after), number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_points_are_read() {
        assert_eq!(point("四要加法减法并用。"), Some((Style::Chinese('要'), 4)));
        assert_eq!(point("二是加强组织"), Some((Style::Chinese('是'), 2)));
        assert_eq!(point("十二、附则"), Some((Style::Chinese('、'), 12)));
        assert_eq!(point("第六，提高新闻舆论工作"), Some((Style::Ordinal, 6)));
        assert_eq!(point("（三）工作要求"), Some((Style::Bracketed, 3)));
        assert_eq!(point("3. Results"), Some((Style::Arabic, 3)));
    }

    #[test]
    fn ordinary_text_is_no_point() {
        assert_eq!(point("一线干警职工"), None);
        assert_eq!(point("十分重要"), None);
        assert_eq!(point("2021年"), None);
        assert_eq!(point("（记者焦娟）"), None);
        assert_eq!(point("第一时间选派"), None);
        assert_eq!(point("一，坚决打好湖北保卫战"), None);
    }
}
