//! Lines ended by hand: paragraphs that end without punctuation.
//!
//! In printed columns every line of a paragraph but its last fills the
//! column. A line that ends without sentence punctuation (or with a
//! colon) and stops short of the column, though the first word of the
//! next line would have fitted on it, was ended on purpose: it is a
//! paragraph of its own inside the article. That is how a page prints a
//! crosshead (`换乘更顺畅`), a box label (`记者手记`, `延伸阅读`), a
//! numbered section (`一、着力扩大有效投资`), a field line
//! (`时间：6月8日至6月14日`), a label before a list (`活动安排如下：`).
//! Such a line is a label, not a sentence: no sentence end, comma or list
//! inside it (001 line 327, `杨娅辉察看了防疫物资，并对我`, is the start of
//! a sentence in a ragged column).
//!
//! An extractor drops a paragraph's first-line indent, so a line must fall
//! short by more than the indent and a character of justification (004
//! `会议听取了全市重点项目`, two characters short at a column break, runs
//! on). Where there is no column
//! to fall short of (whole paragraphs one to a line, or widths that never
//! repeat), a line counts only if it is no wider than [`MAX_LABEL`] and,
//! among a few lines, far shorter than the text after it (a web paragraph
//! cut by a page break, 003 `…实行闭环` ⏎⏎ `管理、点对点管理`, runs on).

use crate::rejoin::MIN_COLUMN_SUPPORT;
use crate::rejoin::column::{Column, tolerance};
use crate::rejoin::enumerator::point;
use crate::script::{ends_sentence, is_bracketed, is_clause_punct, is_closer, is_terminal, line_width, width};
use crate::segment::tables::{BOX_LABELS, PICTURE_CREDIT_WORDS, QA_LABELS, REPORT_WORDS, TAIL_CREDIT_WORDS};

/// Half-width units a paragraph's first line may fall short of a CJK
/// column: its dropped indent (two ideographic spaces) and a character
/// that justification left over (004 line 410, `伊赛牛肉是居民生活物资`,
/// three characters short of a 14-character column, runs on).
const CJK_SLACK: usize = 6;

/// Widest line (half-width units) that counts as a label where there is
/// no column evidence.
pub const MAX_LABEL: usize = 60;

/// One line as the hand-ending rule sees it.
pub struct HandLine<'a> {
    /// The line's text.
    pub text: &'a str,
    /// Its width in half-width units.
    pub width: usize,
    /// The column estimated at it.
    pub column: Column,
    /// Whether it stands among whole paragraphs, one to a line.
    pub whole: bool,
    /// Whether it is CJK text.
    pub cjk: bool,
}

/// How a line was ended by hand, if it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hand {
    /// It was not: it runs on, or ends a sentence.
    No,
    /// It stops short of its column by more than the next word.
    Column,
    /// There is no column, and it is short as a label is.
    Label,
    /// It ends in a colon before an item of a list: a field, a question
    /// or answer, a numbered point (`具体安排如下：` ⏎ `管制时间：…`).
    List,
}

/// Whether `line` was ended by hand before the line `next`, if it starts a
/// paragraph (which the caller knows).
pub fn ended_by_hand(line: &HandLine<'_>, next: &str) -> Hand {
    let text = line.text;
    // Closing marks after an open phrase leave it open (`从“卖茶叶”到“卖品牌”`,
    // `管制路段：滨江大道（长江路至黄河路段）`).
    let last = text.trim_end_matches(is_closer).chars().next_back();
    let open = !ends_sentence(text) && last.is_some_and(|c| !is_clause_punct(c));
    let colon = matches!(last, Some('：' | ':'));
    if colon && opens_item(next) {
        return Hand::List;
    }
    // No paragraph opens in lower case (en-ocr `chosen to` ⏎ `serve as…`).
    let ended = open || colon;
    let text_like = reads_as_text(text) && (holds_sentence(text) || !is_field(text));
    if !ended || text_like || leaves_open(text) || next.is_empty() || next.starts_with(char::is_lowercase) {
        return Hand::No;
    }
    let columned = !line.whole && line.column.support >= MIN_COLUMN_SUPPORT;
    let slack = if line.cjk { CJK_SLACK } else { tolerance(line.column.width, false) + 1 };
    // A field line before another ends where the list says, however wide.
    let fields = is_field(text) && is_field(next);
    // Among whole paragraphs a short line is a paragraph; among a few
    // lines of no column, only one far shorter than the text it heads.
    let beside = line.whole || line.width * 2 <= line_width(next) || fields;
    if !columned {
        if line.width <= MAX_LABEL && beside { Hand::Label } else { Hand::No }
    } else if fields || line.width + first_unit_width(next, line.cjk) + slack <= line.column.width {
        Hand::Column
    } else {
        Hand::No
    }
}

/// Whether a line is a box label (`记者手记`, `延伸阅读：`, `Background`):
/// see [`BOX_LABELS`].
pub fn is_box_label(text: &str) -> bool {
    let text = text.trim_end_matches(['：', ':']).trim_end();
    BOX_LABELS.contains(&text)
}

/// Most characters inside a tail credit's brackets.
const MAX_TAIL_CREDIT: usize = 40;

/// What a credit in brackets on a line of its own credits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credit {
    /// The text (`（通讯员 周明亮）`, `（作者系…）`): at an article's end it
    /// is its tail credit, and the article ends there.
    Text,
    /// A picture (`（记者 张三 摄）`), which may stand inside the article.
    Picture,
}

/// Whether a line is a report's byline in brackets
/// (`【記者王小明／台北報導】`): it opens the report below it.
pub fn is_report_byline(text: &str) -> bool {
    is_bracketed(text) && REPORT_WORDS.iter().any(|w| text.contains(w))
}

/// What a line credits, if it is a credit in brackets: see
/// [`TAIL_CREDIT_WORDS`] and [`PICTURE_CREDIT_WORDS`]; not a report's
/// byline ([`REPORT_WORDS`]), which opens the report.
pub fn credit(text: &str) -> Option<Credit> {
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if !is_bracketed(text) || text.chars().count() > MAX_TAIL_CREDIT + 2 || is_report_byline(text) {
        None
    } else if has(PICTURE_CREDIT_WORDS) {
        Some(Credit::Picture)
    } else {
        has(TAIL_CREDIT_WORDS).then_some(Credit::Text)
    }
}

/// Most characters of a field line's label (`咨询电话：`, `Where:`).
const MAX_FIELD_LABEL: usize = 6;

/// Whether a line is a field of a list: a short label, a colon, a value
/// (`时间：6月8日`, `地点：市文化中心广场`, `Where: City Hall`, `问：…`,
/// `Q: …`). A Latin label is one word (not `He said: …`); a label holds a
/// letter (not the `12` of `12:30`).
pub fn is_field(text: &str) -> bool {
    text.split_once(['：', ':']).is_some_and(|(label, value)| {
        let n = label.chars().count();
        let cjk = crate::script::is_cjk_text(label);
        (1..=MAX_FIELD_LABEL * 2).contains(&n)
            && (if cjk { n <= MAX_FIELD_LABEL } else { !label.contains(char::is_whitespace) })
            && label.chars().any(char::is_alphabetic)
            && !label.contains(['，', ',', '。'])
            && !value.trim().is_empty()
    })
}

/// Whether a line opens a question or an answer (`问：`, `Q:`): see
/// [`QA_LABELS`].
pub fn is_qa(text: &str) -> bool {
    text.split_once(['：', ':']).is_some_and(|(label, _)| QA_LABELS.contains(&label.trim()))
}

/// Whether a line opens an item of a list: a field, a question or answer,
/// a numbered point.
pub fn opens_item(text: &str) -> bool {
    is_field(text) || point(text).is_some()
}

/// Whether a text leaves a bracket or quotation open: it runs on
/// (`本报讯（郑报全媒体记者 孙` ⏎ `亚文）…`).
pub fn leaves_open(text: &str) -> bool {
    let count = |set: &[char]| text.chars().filter(|c| set.contains(c)).count();
    count(&['（', '(', '【', '[', '“', '「']) > count(&['）', ')', '】', ']', '”', '」'])
}

/// Whether a line is shaped as a label: no wider than [`MAX_LABEL`], no
/// sentence, comma or list in it or at its end.
pub fn is_label_like(text: &str, width: usize) -> bool {
    width <= MAX_LABEL && !reads_as_text(text) && !ends_sentence(text)
}

/// Whether a text reads as running text rather than a label: it holds a
/// sentence end, a comma, or a list (a sample's web paragraph cut by a
/// page break, `孙守刚、陈舜、曲孝丽、费东` ⏎⏎ `斌、陈星…`). A field's value
/// may hold commas (`参与方式：免费入场，部分项目需登记`).
fn reads_as_text(text: &str) -> bool {
    holds_sentence(text) || text.contains(['，', ',']) || text.matches('、').count() >= 2
}

/// Whether a text holds a sentence end.
fn holds_sentence(text: &str) -> bool {
    text.contains(['。', '；', '！', '？', ';', '!', '?']) || text.contains(". ")
}

/// The width of what must start the next line: opening marks with the
/// first character or the first run of ASCII letters and digits (a number
/// or Latin word stays whole), and the marks that may not start a line
/// after it. In Latin text, the first word and the space before it.
pub fn first_unit_width(next: &str, cjk: bool) -> usize {
    if !cjk {
        return next.split(' ').next().map_or(0, |w| w.chars().count()) + 1;
    }
    let mut chars = next.chars().peekable();
    let mut units = 0;
    while let Some(&c) = chars.peek().filter(|&&c| matches!(c, '“' | '‘' | '（' | '(' | '《' | '「' | '【')) {
        units += width(c, true);
        chars.next();
    }
    match chars.next() {
        Some(c) if c.is_ascii_alphanumeric() => {
            units += 1;
            while chars.peek().is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '%')) {
                units += 1;
                chars.next();
            }
        }
        Some(c) => units += width(c, true),
        None => {}
    }
    while let Some(&c) = chars.peek().filter(|&&c| is_closer(c) || is_terminal(c) || is_clause_punct(c)) {
        units += width(c, true);
        chars.next();
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(width: usize) -> Column {
        Column { width, support: 5 }
    }

    fn hand(text: &str, column_units: usize, next: &str) -> bool {
        let shape = crate::script::Shape::of(text);
        let cjk = shape.cjk();
        let width = if cjk { shape.width().max(2 * shape.chars) } else { shape.width() };
        let line = HandLine { text, width, column: column(column_units), whole: false, cjk };
        matches!(ended_by_hand(&line, next), Hand::Column | Hand::List)
    }

    #[test]
    fn a_short_line_without_punctuation_that_the_next_word_would_fill_is_ended_by_hand() {
        for (text, next) in [
            ("换乘更顺畅", "在高铁南站，地铁站厅与铁路出站"),
            ("记者手记", "采访中，不少老人说，吃饭是小事"),
            ("一、着力扩大有效投资", "全年安排重点项目320个，年度计"),
            ("时间：6月8日至14日", "地点：市文化中心广场及周边街区"),
            ("活动安排如下：", "时间：6月8日至6月14日每天9"),
            ("从“卖茶叶”到“卖品牌”", "过去，村里的茶叶大多以散装形"),
            ("管制路段：滨江大道（长江路至黄河路段）", "管制措施：禁止所有机动车通行，"),
        ] {
            assert!(hand(text, 32, next), "{text}");
        }
        assert!(hand("What comes next", 36, "The council will vote on the plan"));
    }

    #[test]
    fn a_line_short_by_its_dropped_indent_runs_on() {
        // 004 lines 335–337: the first line of a paragraph, two characters short
        assert!(!hand("会议听取了全市重点项目", 26, "建设及集中开工活动情况汇"));
        assert!(!hand("伊赛牛肉是居民生活物资", 28, "重点保供企业，疫情发生以来"));
        // a number stays whole, and would not have fitted
        assert!(!hand("全年安排重点项目320个，年度计划投资", 40, "1260亿元，重点支持交通"));
        // a word too long for the room left
        assert!(!hand("The council will vote on the", 36, "infrastructure plan"));
    }

    #[test]
    fn a_line_that_ends_a_clause_or_leaves_a_bracket_open_runs_on() {
        assert!(!hand("记者从市轨道交通集团获悉，", 40, "地铁5号线南段今天上午正式开通"));
        assert!(!hand("本报讯（郑报全媒体记者 孙", 40, "亚文）3月17日，省委常委"));
    }

    #[test]
    fn without_a_column_only_a_label_is_ended_by_hand() {
        let line = |text| HandLine {
            text,
            width: crate::script::line_width(text),
            column: column(400),
            whole: true,
            cjk: true,
        };
        let label = |text, next| ended_by_hand(&line(text), next) == Hand::Label;
        assert!(label("换乘更顺畅", "在高铁南站，地铁站厅与铁路出站口之间新建了一条连廊。"));
        // 003 lines 17–19: a web paragraph cut by a page break
        let cut =
            "针对社区传播的风险，减少聚集性活动，坚持非经贸性活动非必要不举办。学校、养老机构等特殊监管场所实行闭环";
        assert!(!label(cut, "管理、点对点管理，提倡非必要不出省。"));
        assert!(!label("孙守刚、陈舜、曲孝丽、费东", "斌、陈星、戴柏华、顾雪飞在主场出席。"));
    }
}
