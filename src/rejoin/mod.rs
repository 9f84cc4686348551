//! Stage 3, rejoin: lines → paragraphs, as if the columns had never broken.
//!
//! Input: the normalized lines of a page, furniture lines already blanked.
//! Output: [`Paragraph`]s in reading order: running text joined into one
//! line each (class `Body` or `Lead`), and headline lines kept one per
//! paragraph (class `Headline`, or `Heading` for Markdown `## `).
//!
//! Lines are first grouped into pieces: within a run of non-blank lines,
//! a line continues the one before unless a paragraph visibly ends there
//! (see `Break`): terminal punctuation on a line clearly shorter than the
//! column (004 `“好”的需求。` then `会议听取了…`), a lead marker (001 line
//! 126), an indent after a finished sentence, a closing mark (`①2`). A
//! piece of at most four short lines without sentence punctuation, set off
//! by blank lines or hard breaks, is a headline. Column evidence holds
//! only where the lines around are printed column lines: among whole
//! paragraphs, one to a line (a web edition: widths spread, most lines end
//! a sentence; see `column::whole_paragraphs`), every line that ends a
//! sentence ends its paragraph, and so does a line without punctuation at
//! its end before one with (a title above its text), unless the next line
//! opens in lower case. Then body pieces join
//! across blank lines when the text before the blank is an open sentence:
//! the blank was a column or page break (001 `有的从事` ⏎⏎ `核酸检测`,
//! 003 `实行闭环` ⏎⏎ `管理、点对点管理`) — unless the line before the blank
//! was left short and the next opens with a quotation mark, which is how a
//! new paragraph looks (a sample's `…管控情况` ⏎⏎ `“四个查清”。…`).
//!
//! What an article holds besides running text stays in it, a paragraph of
//! its own: a line ended by hand (`hand`: a crosshead, a box label, a
//! numbered section, a field line) ends its paragraph and never runs on
//! across a blank line; on a page that marks its headlines with `#`, a
//! plain line is text, unless it stands beside a heading (its kicker just
//! above it, its subtitle just below).

mod column;
mod enumerator;
mod hand;
mod join;
pub mod lexicon;
pub mod seams;

use crate::context::{Asked, BatchContext};
use crate::furniture::marks;
use crate::furniture::tables::Direction;
use crate::model::{Line, ParaClass, Paragraph};
use crate::rejoin::column::{Column, LineSet, column_widths, tolerance, whole_paragraphs};
use crate::rejoin::enumerator::{Point, point};
use crate::rejoin::hand::{
    Credit, Hand, HandLine, credit, ended_by_hand, first_unit_width, is_box_label, is_field, is_label_like, is_qa,
    is_report_byline, leaves_open,
};
use crate::rejoin::join::{Side, headline_into, join_into};
use crate::rejoin::lexicon::LexiconView;
use crate::rejoin::seams::SeamsView;
use crate::rules::RuleSet;
use crate::script::{
    Shape, ends_sentence, is_bracketed, is_cjk_opening_quote, is_cjk_text, is_clause_punct, is_closer, is_han,
    is_terminal,
};
use crate::trace::Trace;

pub use join::{Hyphen, hyphen};
pub use lexicon::Lexicon;

/// How short (half-width units) an open line must be for a quotation
/// opening the next line to start a paragraph: two characters, since a
/// typesetter moves an opening quote that would end a line, and may keep a
/// short quoted word whole, to the next line (a sample's
/// `…有效化解社会治理` ⏎ `“悬空化”…`).
const QUOTE_SHORTFALL: usize = 4;

/// Lines of one width that make a column.
const MIN_COLUMN_SUPPORT: usize = 3;

/// Widest headline line with a comma in it (half-width units).
const MAX_WIDE_HEADLINE: usize = 160;

/// Widest headline line (half-width units): longer lines are paragraphs.
const MAX_HEADLINE: usize = 200;

/// How a line ends, for the decision whether the next line continues it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    /// Terminal punctuation (`。`, `！”`, `.`).
    Sentence,
    /// Clause punctuation (`，`, `、`, `：`).
    Clause,
    /// No punctuation: the sentence runs on.
    Open,
    /// A closing mark: editor code or continuation note; the article ends.
    Mark,
}

/// What a line is, as far as rejoining cares.
struct LineInfo {
    width: usize,
    cjk: bool,
    lead: bool,
    credit: bool,
    heading: Option<u8>,
    capitals: bool,
    end: End,
    opens_quote: bool,
    point: Option<Point>,
    /// A bracketed note on a line of its own after a finished sentence
    /// (`…落到实处。` ⏎ `（记者 张三 摄）`): it belongs to the text above.
    note: bool,
    /// A box label (`记者手记`): a paragraph of the article, never a headline.
    label: bool,
    /// A continuation note and nothing else (`（上接A1版②）`,
    /// `Fortsetzung von Seite 1`): it opens the text below it, never a
    /// headline's line.
    from_note: bool,
    /// A field of a list of two or more (`时间：…` ⏎ `地点：…`): never a
    /// headline.
    listed: bool,
    /// A bracketed credit on a line of its own after a finished sentence
    /// (`…预约参观。` ⏎ `（文/图 本报记者 孙晓雯）`): a paragraph of the
    /// article above, not a byline opening the next one.
    tail: Option<Credit>,
}

impl LineInfo {
    fn new(line: &Line, rules: &RuleSet) -> Self {
        let text = line.text.as_str();
        let shape = Shape::of(text);
        let end = if text.is_empty() {
            End::Open
        } else if marks::closing_start(rules, text).is_some() {
            End::Mark
        } else if ends_sentence(text) || is_from_note(rules, text) {
            // A `上接` note stands complete; the text below it opens anew.
            End::Sentence
        } else if text.chars().next_back().is_some_and(is_clause_punct) {
            End::Clause
        } else {
            End::Open
        };
        let lead = rules.lead(text).is_some();
        LineInfo {
            width: column_span(&shape),
            cjk: shape.cjk(),
            lead,
            credit: lead && rules.is_credit(text),
            heading: heading_level(text),
            capitals: !lead && is_capitals_line(text, &shape),
            end,
            opens_quote: text.starts_with(is_cjk_opening_quote),
            point: point(text),
            note: false,
            label: is_box_label(text),
            from_note: end == End::Sentence && is_from_note(rules, text),
            listed: false,
            tail: None,
        }
    }

    /// Sentence punctuation inside the line (`。；！？`): running text.
    fn has_sentence_punct(text: &str) -> bool {
        text.contains(['。', '；', '！', '？'])
    }

    /// A comma inside a line: running text, unless the line is one of
    /// several headline lines (a lone line with a comma is a paragraph of
    /// web text), is not a column line, wider or narrower (004 line 124
    /// `响应党中央对广大党员的号召，习近平…`), and is not long.
    fn has_comma_in_column(&self, text: &str, column: Column, lone: bool) -> bool {
        let column_line = column.support >= MIN_COLUMN_SUPPORT && self.width.abs_diff(column.width) <= 4;
        has_clause_comma(text) && (lone || column_line || self.width > MAX_WIDE_HEADLINE)
    }
}

/// A comma between clauses: any `，`, or a `,` that is not a thousands
/// separator (`Storm leaves 12,000 in dark` is a headline).
fn has_clause_comma(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.contains('，')
        || text.match_indices(',').any(|(i, _)| {
            let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
            let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            !(digit_before && digit_after)
        })
}

/// How much of a column a line fills, in half-width units. A CJK line is
/// measured both by print width and by character count (two units each),
/// the larger counting: extractors and typesetters that wrap CJK text by
/// characters give a line with digits (`3月17日`) as many characters as a
/// full line, yet less print width.
fn column_span(shape: &Shape) -> usize {
    if shape.cjk() { shape.width().max(2 * shape.chars) } else { shape.width() }
}

/// The level of a Markdown heading line (`## ` → 2).
fn heading_level(text: &str) -> Option<u8> {
    let hashes = text.bytes().take_while(|&b| b == b'#').count();
    let rest = &text[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with(' ') && !rest.trim().is_empty()).then_some(hashes as u8)
}

/// The text of a Markdown heading without its `#` marks.
fn heading_text(text: &str) -> &str {
    text.trim_start_matches('#').trim()
}

/// A Latin line in capitals (`GERMANS SEIZE`): a headline line in OCR
/// text that has no blank lines to set headlines off.
fn is_capitals_line(text: &str, shape: &Shape) -> bool {
    shape.cjk_letters == 0
        && shape.word_letters >= 4
        && shape.upper * 10 >= shape.word_letters * 9
        && !text.ends_with(',')
}

/// Whether a line ends in an ideograph: the end of a clause, not of a
/// byline bracket (`本报讯（记者王静锋）` ⏎ `“特别管用…` runs on).
fn ends_in_ideograph(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_han)
}

/// Whether a line ends a list item or a label (`…养老机构；`,
/// `具体安排如下：`): among whole paragraphs, the end of one.
fn ends_item(text: &str) -> bool {
    text.ends_with(['；', ';', '：', ':'])
}

/// Whether line `k` is a list item, a label or a field: it ends in `；` or
/// `：`, or opens a line of its own with a field's label (`时间：…` after a
/// blank line or a finished line; a column line that goes on from the one
/// above may start with a word and a colon by chance).
fn is_item_line(lines: &[Line], info: &[LineInfo], k: usize) -> bool {
    let text = &lines[k].text;
    let opens = k == 0 || lines[k - 1].is_blank() || info[k - 1].end == End::Sentence || ends_item(&lines[k - 1].text);
    ends_item(text) || (opens && is_field(text) && !is_qa(text))
}

/// A list of short names (`孙守刚、陈舜、曲孝丽、费东`): running text, even
/// without punctuation at its end.
fn is_name_list(text: &str) -> bool {
    let parts: Vec<&str> = text.split('、').collect();
    parts.len() >= 3 && parts.iter().all(|p| p.chars().count() <= 4)
}

/// Why a new piece starts at a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Break {
    /// First text on the page.
    PageStart,
    /// A blank line before it.
    Blank,
    /// It opens with a lead marker.
    Lead,
    /// The line before is a credit line that it does not continue
    /// (`■本报记者 刘洋` ⏎ `清晨六点，…`; not `By TOM BAKER` ⏎ `Herald Staff Writer`).
    Credit,
    /// It or the line before is a Markdown heading.
    Heading,
    /// It or the line before is a capitals headline line.
    Capitals,
    /// The line before ends in a closing mark.
    Mark,
    /// The line before ends a sentence and is short.
    ShortSentence,
    /// The line before ends a sentence and this one is indented.
    Indent,
    /// The line before ends a sentence and had room left for this one's
    /// first word, on a page set ragged (see `sets_ragged`).
    Room,
    /// The line before is short and open, and this one opens a quotation.
    Quote,
    /// The line before ends a sentence, and this one opens the next
    /// numbered point after the one its paragraph opened with.
    NextPoint,
    /// Another page of the batch shows a paragraph break here.
    Seen,
    /// It or the line before is a tail credit (`（通讯员 周明亮）`).
    Tail,
    /// The line before ends a sentence, and this one opens a question or
    /// an answer (`Q: …`, `答：…`).
    Item,
    /// The line before was ended by hand (see `hand`), or this one is and
    /// follows a finished sentence: set inside running text, after
    /// classification.
    Hand,
    /// The line before stands among whole paragraphs, one to a line, and
    /// ends without punctuation, and this one has punctuation at its end:
    /// a title (or the last line of a headline block) above a paragraph;
    /// or it ends a list item or a label (`；`, `：`), a paragraph there.
    Whole,
}

impl Break {
    /// Whether a headline may start here: it must be set off from what
    /// came before, not merely follow a short line.
    fn sets_off(self) -> bool {
        !matches!(self, Break::ShortSentence | Break::Quote)
    }
}

/// Lines `first..=last` that read as one piece of text.
struct Piece {
    first: usize,
    last: usize,
    start: Break,
}

/// A page's lines with what rejoining needs to know of each.
struct Layout<'a> {
    lines: &'a [Line],
    rules: &'a RuleSet,
    info: Vec<LineInfo>,
    columns: Vec<Column>,
    /// Whether each line stands among whole paragraphs, one to a line (a
    /// web edition), where column evidence does not apply.
    whole: Vec<bool>,
    /// Whether each line was ended by hand before the next text line: a
    /// paragraph of its own (see `hand`).
    hand: Vec<bool>,
    /// Whether the page's Latin lines are set ragged (see `sets_ragged`).
    ragged: bool,
}

impl<'a> Layout<'a> {
    fn new(lines: &'a [Line], rules: &'a RuleSet) -> Self {
        let mut info: Vec<LineInfo> = lines.iter().map(|l| LineInfo::new(l, rules)).collect();
        // A line of nothing but closing marks ends as the line before it
        // with them would (`…落实。` ⏎ `”`).
        // So does a bracketed note after a finished sentence, which no lead
        // or break separates from it.
        for i in 1..lines.len() {
            let text = &lines[i].text;
            let closers = !text.is_empty() && text.chars().all(is_closer);
            let note = is_bracketed(text)
                && info[i].end != End::Mark
                && !is_report_byline(text)
                && ends_sentence(&lines[i - 1].text);
            if (closers || note) && !lines[i - 1].is_blank() {
                let joined = format!("{}{text}", lines[i - 1].text);
                if ends_sentence(&joined) {
                    info[i].end = End::Sentence;
                    info[i].note = note;
                }
            }
        }
        let columns = column_widths(&info.iter().map(|i| i.width).collect::<Vec<_>>());
        let sets: Vec<LineSet> = (0..lines.len())
            .map(|k| LineSet {
                width: info[k].width,
                cjk: info[k].cjk,
                ends_sentence: matches!(info[k].end, End::Sentence | End::Mark),
                item: info[k].end != End::Sentence && is_item_line(lines, &info, k),
            })
            .collect();
        let whole = whole_paragraphs(&sets, &columns);
        mark_lists(lines, &mut info);
        mark_tail_credits(lines, &mut info, &columns, &whole);
        let hand = hand_ended(lines, &info, &columns, &whole);
        let ragged = sets_ragged(lines, &info, &columns);
        Layout { lines, rules, info, columns, whole, hand, ragged }
    }

    /// Whether Latin line `p`, on a page set ragged, had room left in its
    /// column for the first word of the line `i` after it.
    fn room_for_next(&self, p: usize, i: usize) -> bool {
        let column = self.columns[p];
        self.ragged
            && !self.info[p].cjk
            && column.support > 1
            && self.info[p].width + first_unit_width(&self.lines[i].text, false) <= column.width
    }

    /// Whether piece `k` stands beside a Markdown heading: directly above
    /// it (its kicker), or next below it (its subtitle or deck). On a page
    /// that marks its headlines with `#`, other plain lines are text.
    fn beside_heading(&self, pieces: &[Piece], k: usize) -> bool {
        let heading = |p: &Piece| self.info[p.first].heading.is_some();
        let below = k.checked_sub(1).is_some_and(|j| heading(&pieces[j]));
        let above = pieces.get(k + 1).is_some_and(|n| n.start == Break::Heading && heading(n));
        below || above
    }

    /// Splits a piece of running text after each line ended by hand, and
    /// before one that follows a finished sentence (a crosshead after a
    /// paragraph that happened to fill its last line); never before a line
    /// the wrap pushed a closing mark onto (`…聊聊天。` ⏎ `”他笑着说。`).
    fn split_by_hand(&self, piece: &Piece) -> Vec<Piece> {
        let mut out = vec![Piece { first: piece.first, last: piece.first, start: piece.start }];
        for i in piece.first + 1..=piece.last {
            let after_sentence = self.info[i - 1].end == End::Sentence && self.hand[i];
            if (self.hand[i - 1] || after_sentence) && !wrapped(&self.lines[i].text) {
                out.push(Piece { first: i, last: i, start: Break::Hand });
            } else if let Some(last) = out.last_mut() {
                last.last = i;
            }
        }
        out
    }

    /// How many half-width units line `i` falls short of its column.
    fn short_by(&self, i: usize) -> usize {
        self.columns[i].width.saturating_sub(self.info[i].width)
    }

    /// Whether line `i` fills its column (within a character; ragged Latin
    /// columns get more room). A line among whole paragraphs has no column
    /// to fill, nor has one where no nearby line repeats a width.
    fn full(&self, i: usize) -> bool {
        !self.whole[i]
            && self.columns[i].support > 1
            && self.info[i].width + tolerance(self.columns[i].width, self.info[i].cjk) >= self.columns[i].width
    }

    /// Whether line `p` ends a list item or a label (`；`, `：`) among whole
    /// paragraphs, and opens a paragraph itself (after a blank line, a
    /// finished sentence or another such line): a paragraph of its own. A
    /// column line that ends with them by chance goes on from the line
    /// above it (`支队负责人表示，对检查中发现` ⏎ `的火灾隐患，将依法督促整改；`).
    fn ends_whole_item(&self, p: usize) -> bool {
        let opens = p == 0
            || self.lines[p - 1].is_blank()
            || self.info[p - 1].end == End::Sentence
            || ends_item(&self.lines[p - 1].text);
        self.whole[p] && ends_item(&self.lines[p].text) && opens
    }

    /// Whether a piece looks like headline lines: at most four lines, none
    /// ending in punctuation or holding a sentence, no enumerator.
    fn headline_shaped(&self, piece: &Piece) -> bool {
        let first = &self.info[piece.first];
        piece.last - piece.first < 4
            && !first.lead
            && first.tail.is_none()
            && !first.label
            && !first.listed
            && !first.from_note
            && first.heading.is_none()
            && first.point.is_none()
            && (piece.first..=piece.last).all(|i| {
                let (info, text) = (&self.info[i], &self.lines[i].text);
                info.end == End::Open
                    && info.width <= MAX_HEADLINE
                    && !LineInfo::has_sentence_punct(text)
                    && !is_name_list(text)
                    && !info.has_comma_in_column(text, self.columns[i], piece.first == piece.last)
            })
    }

    /// Whether a piece is the title of a page of whole paragraphs that asks
    /// or exclaims (`博物馆“夜场”为何一票难求？`): the page's first text, one
    /// line among whole paragraphs, one sentence ending in `？` or `！`, no
    /// comma. Inside the text, such a line is a paragraph of its own.
    fn asking_title(&self, piece: &Piece) -> bool {
        let (info, text) = (&self.info[piece.first], self.lines[piece.first].text.as_str());
        let end = text.trim_end_matches(is_closer);
        let asks = end.ends_with(['？', '！', '?', '!']);
        let stem = end.trim_end_matches(['？', '！', '?', '!']);
        let one_sentence = !LineInfo::has_sentence_punct(stem) && !stem.contains(['.', '?', '!']);
        piece.start == Break::PageStart
            && piece.first == piece.last
            && self.whole[piece.first]
            && asks
            && one_sentence
            && !info.lead
            && info.heading.is_none()
            && info.point.is_none()
            && info.width <= MAX_HEADLINE
            && !has_clause_comma(text)
    }

    /// Whether a piece, after a blank line, reads on from the text before:
    /// not a lead, heading, indented line or headline.
    fn reads_on(&self, piece: &Piece) -> bool {
        let first = &self.info[piece.first];
        piece.start == Break::Blank
            && !first.lead
            && first.heading.is_none()
            && !self.lines[piece.first].indent
            && !self.headline_shaped(piece)
    }

    /// What a piece is: a heading, a headline, a lead or body text.
    fn classify(&self, piece: &Piece, next: Option<&Piece>, open_before: bool) -> ParaClass {
        let first = &self.info[piece.first];
        if let Some(level) = first.heading {
            return ParaClass::Heading(level);
        }
        if first.lead {
            return ParaClass::Lead;
        }
        // A capitals headline is short; capitals lines that break words
        // are an advertisement's running text (en-ocr `VERY CONVENIENT, CON-`).
        let capitals = piece.last - piece.first < 4
            && (piece.first..=piece.last).all(|i| self.info[i].capitals && !lexicon::ends_split(&self.lines[i].text));
        // After a short sentence end, a headline-shaped piece before body
        // text is a crosshead; before a lead, or as a stack of lines at the
        // page's end, it heads no text of that article: a headline set below
        // its body. (One line at the end may sign it: `读者 钱志远`.)
        let before_lead_or_end =
            next.map_or(piece.last > piece.first, |n| n.start == Break::Lead || self.info[n.first].lead);
        let set_off_before = piece.start.sets_off() || (piece.start == Break::ShortSentence && before_lead_or_end);
        let title = self.asking_title(piece);
        let set_off_after = next.is_none_or(|n| {
            !matches!(n.start, Break::ShortSentence | Break::Quote | Break::Mark)
                || (title && n.start == Break::ShortSentence)
        });
        // After an open sentence and a blank line, short text is its continuation;
        // so is a piece that fills its column (a headline is often wider) and
        // that the next piece reads on from (004 lines 244–247), unless it is
        // one line set off by blank lines after a finished sentence or atop
        // the page: a headline as wide as the column (a sample's `Museum
        // zeigt Schätze aus der Römerzeit`), not a column of one line.
        let continues_before = piece.start == Break::Blank && open_before && !self.lines[piece.first].indent;
        let lone = piece.first == piece.last && matches!(piece.start, Break::Blank | Break::PageStart) && !open_before;
        let in_column = (piece.first..=piece.last).all(|i| self.info[i].width <= self.columns[i].width + 2);
        let continues_after = !lone && in_column && self.full(piece.last) && next.is_some_and(|n| self.reads_on(n));
        let alone = lone && next.is_none_or(|n| n.start == Break::Blank);
        let asks = alone && self.asks_inside(piece);
        // No paragraph opens in lower case: text that does after a blank
        // line goes on from this piece, which is no headline.
        let read_on_in_lower_case = next.is_some_and(|n| {
            n.start == Break::Blank
                && !self.info[n.first].cjk
                && self.lines[n.first].text.starts_with(char::is_lowercase)
        });
        let shaped =
            ((self.headline_shaped(piece) && !continues_after) || capitals || title || asks) && !read_on_in_lower_case;
        if shaped && set_off_before && set_off_after && !continues_before {
            ParaClass::Headline
        } else {
            ParaClass::Body
        }
    }

    /// Whether a piece is a headline that asks or exclaims and answers
    /// (`志愿填报怎么填？专家来解答`): one line, open at its end, a question
    /// or exclamation mark inside it but no other sentence mark or comma,
    /// no quotation left open (004 line 370, `“工人返岗率多少？食宿符合`,
    /// opens a paragraph at a column's end). The caller knows it stands
    /// alone between blank lines after a finished text.
    fn asks_inside(&self, piece: &Piece) -> bool {
        let (info, text) = (&self.info[piece.first], self.lines[piece.first].text.as_str());
        piece.first == piece.last
            && info.end == End::Open
            && text.contains(['？', '！', '?', '!'])
            && !text.contains(['。', '；', ';'])
            && !has_clause_comma(text)
            && !leaves_open(text)
            && info.width <= MAX_HEADLINE
            && !info.lead
            && info.heading.is_none()
            && info.point.is_none()
            && !info.label
            && !info.listed
            && info.tail.is_none()
    }

    /// Whether the piece before ends on a full line. A piece of one line is
    /// a paragraph in itself (web text, or a cleaned article), never full.
    fn ends_full(&self, before: Option<&Piece>) -> bool {
        before.is_some_and(|p| p.last > p.first && self.full(p.last))
    }

    /// Appends the lines of a piece to `text`, deciding each line break;
    /// `before` is the line that ended `text`, if any.
    fn append(
        &self,
        text: &mut String,
        piece: &Piece,
        before: Option<usize>,
        view: &LexiconView<'_>,
        trace: &mut Trace,
    ) {
        let mut prev = before;
        for i in piece.first..=piece.last {
            let left_cjk = is_cjk_text(tail_chars(text));
            let line = &self.lines[i];
            let gap =
                prev.is_some_and(|p| self.lines[p].spaced_end || (line.indent && self.info[p].end != End::Sentence));
            join_into(text, left_cjk, Side { text: &line.text, cjk: self.info[i].cjk }, gap, view, trace);
            prev = Some(i);
        }
    }

    /// The page line numbers a piece spans.
    fn span(&self, piece: &Piece) -> (usize, usize) {
        (self.lines[piece.first].no, self.lines[piece.last].no)
    }
}

/// Joins a page's lines into paragraphs. The batch context lends its word
/// forms (the page's own are consulted too) and the paragraph seams other
/// pages show; it may be empty.
pub fn rejoin(lines: &[Line], rules: &RuleSet, ctx: &BatchContext, trace: &mut Trace) -> Vec<Paragraph> {
    rejoin_asking(lines, rules, ctx, trace).0
}

/// [`rejoin`], and what it asked of the batch context.
pub(crate) fn rejoin_asking(
    lines: &[Line],
    rules: &RuleSet,
    ctx: &BatchContext,
    trace: &mut Trace,
) -> (Vec<Paragraph>, Asked) {
    let layout = Layout::new(lines, rules);
    let seams = SeamsView::new(&ctx.seams);
    let pieces = pieces(&layout, &seams, trace);
    let view = LexiconView::new(&ctx.lexicon, lines);
    let marked = layout.info.iter().any(|i| i.heading.is_some());
    let mut out: Vec<Paragraph> = Vec::new();
    // Whether the piece before was a plain headline-shaped line on a
    // Markdown page: a crosshead or label, a paragraph of its own.
    let mut label_before = false;
    for (k, piece) in pieces.iter().enumerate() {
        // A paragraph ended by hand, a tail credit, the open field of a
        // list, a list item or label among whole paragraphs: nothing runs
        // on from them across a blank line.
        let hand_before = label_before
            || k.checked_sub(1).is_some_and(|j| {
                let (first, p) = (&layout.info[pieces[j].first], pieces[j].last);
                let listed = layout.info[p].listed && layout.info[p].end == End::Open;
                layout.hand[p] || first.tail.is_some() || listed || layout.ends_whole_item(p)
            });
        let open_before = !hand_before && out.last().is_some_and(|p| !p.class.is_headline() && runs_on(&p.text, rules));
        let blank_before = piece.start == Break::Blank;
        label_before = false;
        let kind = match layout.classify(piece, pieces.get(k + 1), open_before) {
            ParaClass::Headline if marked && !layout.beside_heading(&pieces, k) => {
                label_before = true;
                trace.note(|| format!("rejoin: line {}: plain line on a Markdown page: text", lines[piece.first].no));
                ParaClass::Body
            }
            kind => kind,
        };
        match kind {
            ParaClass::Heading(_) => {
                let text = heading_text(&lines[piece.first].text).to_owned();
                out.push(Paragraph::new(text, kind, layout.span(piece), blank_before));
            }
            ParaClass::Headline => {
                headline_into(&mut out, &lines[piece.first..=piece.last], blank_before, &view, trace)
            }
            ParaClass::Body | ParaClass::Lead => {
                let parts = layout.split_by_hand(piece);
                let piece = &parts[0];
                let before = k.checked_sub(1).map(|j| &pieces[j]);
                let quote_break = layout.info[piece.first].opens_quote && !layout.ends_full(before);
                let after_open = kind == ParaClass::Body && blank_before && open_before;
                let seen_joined = kind == ParaClass::Body
                    && blank_before
                    && out
                        .last()
                        .is_some_and(|p| !p.class.is_headline() && seams.joins(&p.text, &lines[piece.first].text));
                if (after_open && !quote_break) || seen_joined {
                    let last = out.last_mut().expect("an open paragraph precedes");
                    trace.note(|| {
                        format!(
                            "rejoin: line {}: blank line after an open sentence: column break, joined",
                            lines[piece.first].no
                        )
                    });
                    layout.append(&mut last.text, piece, before.map(|b| b.last), &view, trace);
                    last.lines.1 = lines[piece.last].no;
                } else {
                    if after_open {
                        trace.note(|| {
                            format!(
                                "rejoin: line {}: short line, then a quotation opens: new paragraph",
                                lines[piece.first].no
                            )
                        });
                    }
                    let mut text = String::new();
                    layout.append(&mut text, piece, None, &view, trace);
                    let mut paragraph = Paragraph::new(text, kind, layout.span(piece), blank_before);
                    paragraph.whole = layout.whole[piece.first] && layout.whole[piece.last];
                    paragraph.closes = layout.info[piece.first].tail == Some(Credit::Text);
                    out.push(paragraph);
                }
                for part in &parts[1..] {
                    trace.note(|| format!("rejoin: line {}: new paragraph (Hand)", lines[part.first].no));
                    let mut text = String::new();
                    layout.append(&mut text, part, None, &view, trace);
                    let mut paragraph = Paragraph::new(text, ParaClass::Body, layout.span(part), false);
                    paragraph.whole = layout.whole[part.first] && layout.whole[part.last];
                    out.push(paragraph);
                }
            }
        }
    }
    (out, Asked { seams: seams.into_asked(), words: view.into_asked() })
}

/// Whether a paragraph's text runs on: no terminal punctuation, no
/// closing mark at its end, and not a credit line (`Von Hans Müller` ⏎⏎
/// `BERLIN. Der Stadtrat…`).
fn runs_on(text: &str, rules: &RuleSet) -> bool {
    !ends_sentence(text) && marks::closing_start(rules, text).is_none() && !rules.is_credit(text)
}

/// The last few characters of a text, enough to tell its script.
fn tail_chars(text: &str) -> &str {
    let start = text.char_indices().rev().nth(8).map_or(0, |(i, _)| i);
    &text[start..]
}

/// Groups non-blank lines into pieces, breaking where a paragraph visibly ends.
fn pieces(layout: &Layout<'_>, seams: &SeamsView<'_>, trace: &mut Trace) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut prev: Option<usize> = None;
    let mut blank = false;
    // The numbered point the current paragraph opened with.
    let mut opened: Option<Point> = None;
    for (i, line) in layout.lines.iter().enumerate() {
        if line.is_blank() {
            blank = prev.is_some();
            continue;
        }
        let here = layout.info[i].point;
        let start = match prev {
            None => Some(Break::PageStart),
            Some(p) if blank => {
                let runs_on = layout.info[p].end != End::Sentence;
                opened = here.or(opened.filter(|_| runs_on));
                Some(Break::Blank)
            }
            Some(p) => {
                let next_point = match (opened, here) {
                    (_, Some((_, 1))) => true,
                    (Some((s, n)), Some((t, m))) => s == t && m == n + 1,
                    _ => false,
                };
                let ends = layout.info[p].end == End::Sentence;
                // A list item may end in a semicolon (`…的家庭；` ⏎ `2.…`).
                let item_ends = ends || layout.lines[p].text.ends_with(['；', ';']);
                let seen = || ends && seams.breaks(&piece_tail(layout, out.last(), p), &line.text);
                let open = !wrapped(&line.text);
                let found = line_break(layout, p, i)
                    .or((next_point && item_ends && open).then_some(Break::NextPoint))
                    .or((open && seen()).then_some(Break::Seen));
                // A first point opens a list, whatever ends before it (a
                // colon that a line ended by hand will split off later).
                if found.is_some() || matches!(here, Some((_, 1))) {
                    opened = here;
                }
                if found.is_none() && layout.info[p].end == End::Sentence {
                    let (width, column) = (layout.info[p].width, layout.columns[p].width);
                    trace.note(|| {
                        format!(
                            "rejoin: line {}: sentence ends on a full line ({width} of {column}): continues",
                            line.no - 1
                        )
                    });
                }
                found
            }
        };
        if prev.is_none() {
            opened = here;
        }
        match (start, out.last_mut()) {
            (None, Some(piece)) => piece.last = i,
            (start, _) => {
                let start = start.unwrap_or(Break::PageStart);
                if !matches!(start, Break::PageStart | Break::Blank) {
                    trace.note(|| format!("rejoin: line {}: new paragraph ({start:?})", line.no));
                }
                out.push(Piece { first: i, last: i, start });
            }
        }
        prev = Some(i);
        blank = false;
    }
    out
}

/// The last lines of the current piece, up to line `p`, as one text: enough
/// to identify a seam.
fn piece_tail(layout: &Layout<'_>, piece: Option<&Piece>, p: usize) -> String {
    let first = piece.map_or(p, |piece| piece.first.max(p.saturating_sub(2)));
    layout.lines[first..=p].iter().map(|l| l.text.as_str()).collect()
}

/// Whether a line opens with closing punctuation, which no line does: it
/// was wrapped from the line before (a quote mark or comma pushed past the
/// column edge), and continues it. Straight quotes open as often as they
/// close (`Nebraska next year.` ⏎ `"We are seeing…`): they prove nothing.
fn wrapped(text: &str) -> bool {
    text.starts_with(|c: char| !matches!(c, '"' | '\'') && (is_closer(c) || is_terminal(c) || is_clause_punct(c)))
}

/// Whether a paragraph ends between the adjacent lines `p` and `i`.
fn line_break(layout: &Layout<'_>, p: usize, i: usize) -> Option<Break> {
    let (a, b) = (&layout.info[p], &layout.info[i]);
    let credit_runs_on =
        a.credit && layout.rules.is_credit(&format!("{} {}", layout.lines[p].text, layout.lines[i].text));
    // A bracketed note runs on from the sentence before it, unless the
    // lines are whole paragraphs: then it is one of them.
    if credit_runs_on || (b.note && !layout.whole[p]) {
        None
    } else if a.tail.is_some() || b.tail.is_some() {
        Some(Break::Tail)
    } else if b.lead {
        Some(Break::Lead)
    } else if a.credit {
        Some(Break::Credit)
    } else if a.heading.is_some() || b.heading.is_some() {
        Some(Break::Heading)
    } else if a.capitals != b.capitals {
        Some(Break::Capitals)
    } else if wrapped(&layout.lines[i].text)
        || (layout.whole[p] && layout.lines[i].text.starts_with(char::is_lowercase))
    {
        // No paragraph opens in lower case: among whole paragraphs, a line
        // that does was cut from the one before (en-ocr `at 6:45 p.` ⏎
        // `m., and evangelistic…`).
        None
    } else if a.end == End::Mark {
        Some(Break::Mark)
    } else if a.end == End::Sentence && is_qa(&layout.lines[i].text) {
        Some(Break::Item)
    } else if (layout.whole[p] && a.end == End::Open && b.end != End::Open) || layout.ends_whole_item(p) {
        Some(Break::Whole)
    } else if a.end == End::Sentence && !layout.full(p) {
        Some(Break::ShortSentence)
    } else if a.end == End::Sentence && layout.lines[i].indent {
        Some(Break::Indent)
    } else if a.end == End::Sentence && layout.room_for_next(p, i) {
        Some(Break::Room)
    } else if a.end == End::Open
        && b.opens_quote
        && layout.short_by(p) >= QUOTE_SHORTFALL
        && ends_in_ideograph(&layout.lines[p].text)
    {
        Some(Break::Quote)
    } else {
        None
    }
}

/// Whether a line is a `上接` note and nothing else (see the `From`
/// continuation rules).
fn is_from_note(rules: &RuleSet, text: &str) -> bool {
    rules.continuations.iter().any(|r| {
        r.direction == Direction::From && r.regex.find(text).is_some_and(|m| m.start() == 0 && m.end() == text.len())
    })
}

/// Marks the fields of lists: field lines (`时间：…`) after a line that
/// introduces them inside running text, one ending in a colon
/// (`具体安排如下：`) or a label after a finished sentence (`活动安排如下`).
/// A headline line may look like a field (001 `解放区：“334”模式…`, a
/// sample's `Hochwasser: Pegel der Elbe steigt weiter`); what stands
/// before it tells.
fn mark_lists(lines: &[Line], info: &mut [LineInfo]) {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let fields: Vec<bool> = filled.iter().map(|&i| is_field(&lines[i].text)).collect();
    for (k, &i) in filled.iter().enumerate() {
        let introduced = k.checked_sub(1).is_some_and(|j| {
            let (p, text) = (filled[j], &lines[filled[j]].text);
            let after_sentence = j.checked_sub(1).is_some_and(|h| info[filled[h]].end == End::Sentence);
            // A label introduces a list of two fields at least.
            let labels = after_sentence && is_label_like(text, info[p].width) && fields.get(k + 1) == Some(&true);
            info[p].listed || text.ends_with(['：', ':']) || labels
        });
        info[i].listed = introduced && fields[k];
    }
}

/// Marks the tail credits: a bracketed credit line after a finished
/// sentence or a list, a paragraph of its own (that does not fill its column with
/// text running on below: `【記者王小明／台北報導】` ⏎ `…` opens an
/// article). A credit of the text ends the article; a picture's may stand
/// inside it.
fn mark_tail_credits(lines: &[Line], info: &mut [LineInfo], columns: &[Column], whole: &[bool]) {
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        if lines[i].is_blank() {
            continue;
        }
        let after_sentence =
            prev.is_some_and(|p| (info[p].end == End::Sentence || info[p].listed) && info[p].heading.is_none());
        let runs_on = lines.get(i + 1).is_some_and(|l| !l.is_blank())
            && !whole[i]
            && columns[i].support >= MIN_COLUMN_SUPPORT
            && info[i].width + tolerance(columns[i].width, info[i].cjk) >= columns[i].width;
        let tail = credit(&lines[i].text).filter(|_| after_sentence && !runs_on && info[i].end != End::Mark);
        if tail.is_some() {
            let line = &mut info[i];
            (line.tail, line.lead, line.credit, line.note, line.end) = (tail, false, false, false, End::Sentence);
        }
        prev = Some(i);
    }
}

/// Whether a page indents its paragraphs: most lines after a finished
/// sentence are indented (next to it or after a blank line: a page that
/// sets its paragraphs off by blank lines may indent them as well), and
/// hardly any of those that go on from an open line below it. An open
/// line that a paragraph follows by its nature (a field `时间：…`, a
/// numbered section's heading `一、…`, a box label) tells nothing: the
/// indented text below it is a paragraph of its own; nor does one shorter
/// than the line below it (a crosshead's): a wrapped line's is as wide.
fn indents_paragraphs(lines: &[Line], info: &[LineInfo]) -> bool {
    let (mut after_end, mut indented_after_end, mut inside, mut indented_inside) = (0, 0, 0, 0);
    let mut prev: Option<usize> = None;
    let heads_text = |p: usize| info[p].point.is_some() || info[p].label || is_field(&lines[p].text);
    for i in (0..lines.len()).filter(|&i| !lines[i].is_blank()) {
        let indented = usize::from(lines[i].indent);
        match prev {
            Some(p) if info[p].end == End::Sentence => {
                (after_end, indented_after_end) = (after_end + 1, indented_after_end + indented);
            }
            Some(p) if p + 1 == i && !heads_text(p) && info[p].width >= info[i].width => {
                (inside, indented_inside) = (inside + 1, indented_inside + indented);
            }
            _ => {}
        }
        prev = Some(i);
    }
    after_end >= MIN_INDENT_EVIDENCE && indented_after_end * 2 >= after_end && indented_inside * 10 <= inside
}

/// Paragraph ends a page must show to tell that it indents its paragraphs.
const MIN_INDENT_EVIDENCE: usize = 3;

/// Lines running on from a full line that a page must show to tell that
/// it is set ragged.
const MIN_RAGGED_EVIDENCE: usize = 5;

/// Whether a page's Latin lines are set ragged, each filled word by word
/// until the next word no longer fits: no line that fills its column and
/// runs on into the next (one in ten at most) had room for the next
/// line's first word. There, a line that ends a sentence with room for the
/// next word was ended on purpose: its paragraph ends, indent or none.
/// Justified type counted in characters shows no such rule (its full lines
/// are as long in print, not in letters), and tells nothing.
fn sets_ragged(lines: &[Line], info: &[LineInfo], columns: &[Column]) -> bool {
    let (mut running, mut roomy) = (0usize, 0usize);
    for p in 1..lines.len() {
        let (a, i) = (&info[p - 1], p);
        let column = columns[p - 1];
        let runs_on = matches!(a.end, End::Open | End::Clause) && !lines[p - 1].text.ends_with('-');
        if a.cjk || !runs_on || lines[i].is_blank() || column.support < 2 {
            continue;
        }
        if a.width + tolerance(column.width, false) >= column.width {
            running += 1;
            roomy += usize::from(a.width + first_unit_width(&lines[i].text, false) <= column.width);
        }
    }
    running >= MIN_RAGGED_EVIDENCE && roomy * 10 <= running
}

/// How much wider (half-width units) an open line must be than the line
/// below it for that one to have been ended by hand: three characters.
const CJK_WIDER: usize = 6;

/// Which lines were ended by hand before the next text line (across a
/// blank line too). A line that opens with a lead marker runs on into its
/// text, however short (`本报讯（记者焦娟）`, 001 `本报讯（记者董柏生） 我市`:
/// the byline is set apart); a credit line ends as `Break::Credit` says.
/// Such a line is a whole paragraph: it does not go on from a clause
/// (001 line 316, `本报讯（记者徐金华）昨日下午，` ⏎⏎ `我市…在焦作`), nor
/// from an open line just above that is no wider than it (001 lines
/// 113–115, where the column widens from 14 characters to 28,
/// `…控制外出就` ⏎ `医，严格消毒外来车辆及物资，坚` ⏎ `决阻断…`). Without a
/// column, a label follows a finished sentence, a colon, a heading or
/// another line ended by hand.
fn hand_ended(lines: &[Line], info: &[LineInfo], columns: &[Column], whole: &[bool]) -> Vec<bool> {
    let mut kinds = vec![Hand::No; lines.len()];
    let mut next: Option<usize> = None;
    for i in (0..lines.len()).rev() {
        if lines[i].is_blank() {
            continue;
        }
        let text = lines[i].text.as_str();
        let line = HandLine { text, width: info[i].width, column: columns[i], whole: whole[i], cjk: info[i].cjk };
        if !info[i].lead && info[i].heading.is_none() {
            let next = next.filter(|&j| info[j].heading.is_none());
            kinds[i] = next.map_or(Hand::No, |j| ended_by_hand(&line, &lines[j].text));
        }
        next = Some(i);
    }
    // On a page that indents its paragraphs, a line before an indented one
    // ends its paragraph (`咨询电话：0791—86123456` ⏎ `  求职者可携带…`).
    let indents = indents_paragraphs(lines, info);
    let mut next: Option<usize> = None;
    for i in (0..lines.len()).rev().filter(|&i| !lines[i].is_blank()) {
        let comma = lines[i].text.ends_with(['，', '、', ',']);
        if indents && !comma && !info[i].lead && next.is_some_and(|j| lines[j].indent) {
            kinds[i] = Hand::List;
        }
        next = Some(i);
    }
    let mut hand = vec![false; lines.len()];
    let mut prev: Option<usize> = None;
    for i in 0..lines.len() {
        if lines[i].is_blank() {
            continue;
        }
        let starts = prev.is_none_or(|p| {
            let (end, text) = (info[p].end, &lines[p].text);
            let closed = matches!(end, End::Sentence | End::Mark) || text.ends_with(['：', ':']);
            // An open line just above must be wider: the paragraph's own
            // lines show its column.
            let wider = end == End::Open && (p + 1 < i || info[p].width >= info[i].width + CJK_WIDER);
            hand[p] || info[p].heading.is_some() || closed || (kinds[i] == Hand::Column && wider)
        });
        hand[i] = info[i].label || kinds[i] == Hand::List || (starts && kinds[i] != Hand::No);
        prev = Some(i);
    }
    hand
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn paragraphs(page: &str) -> Vec<(ParaClass, String)> {
        let lines = normalize(page, &mut Trace::off());
        rejoin(&lines, &RuleSet::builtin(), &BatchContext::default(), &mut Trace::off())
            .into_iter()
            .map(|p| (p.class, p.text))
            .collect()
    }

    fn texts(page: &str) -> Vec<String> {
        paragraphs(page).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn blank_line_after_open_sentence_is_column_break() {
        // 001 lines 38–45
        let page = "的带领医疗专家组在第一线直接负\n责全市确诊病例的救治工作，不\n双奋战抗击疫情一线；有的从事\n\n核酸检测“连轴转”，轻伤不下火\n线；有的负责病例监测结果的录\n入、汇总和反馈，每天加班到后\n半夜。\n";
        assert_eq!(texts(page).len(), 1);
        assert!(texts(page)[0].contains("有的从事核酸检测“连轴转”，轻伤不下火线"));
    }

    #[test]
    fn terminal_punctuation_on_short_line_ends_paragraph() {
        // 004 lines 332–337
        let page = "量供应，更好地满足人民群众\n对“菜篮子”产品从“有”到\n\n“好”的需求。\n会议听取了全市重点项目\n\n建设及集中开工活动情况汇\n报。会议强调，要树牢“项目\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].ends_with("从“有”到“好”的需求。"));
        assert!(texts[1].starts_with("会议听取了全市重点项目建设及集中开工"));
    }

    #[test]
    fn terminal_punctuation_on_full_line_continues() {
        // 001 lines 250–252
        let page = "等生产，畅通运输通道和物流配\n送。第四，加快科技研发攻关。\n要综合多学科力量开展科研攻\n关，加大药品和疫苗研发力度，\n";
        assert_eq!(texts(page).len(), 1);
    }

    #[test]
    fn lead_marker_starts_a_paragraph_without_blank_line() {
        // 001 lines 124–127
        let page = "力，树立政法干警良好形象，同时强化法治宣传，增强全民法治\n观念，为高质量发展营造良好法治环境。①2\n 新华社北京2月23日电 统\n筹推进新冠肺炎疫情防控和经济\n";
        let paras = paragraphs(page);
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[1].0, ParaClass::Lead);
        assert!(paras[1].1.starts_with("新华社北京2月23日电 统筹推进"));
    }

    #[test]
    fn indent_after_a_finished_sentence_starts_a_paragraph() {
        let page = "第一段写到这里为止了结束。\n　　第二段从这里开始写起来，\n然后继续写下去。\n";
        assert_eq!(texts(page).len(), 2);
    }

    #[test]
    fn next_numbered_point_after_a_full_line_starts_a_paragraph() {
        // a sample page in columns: `三要…` then, after a full line, `四要…`
        let page = "三要发挥哨点功能。把基层医疗\n卫生机构疫情防控责任落实到人，\n切实做到责任落实、功能彰显。\n四要加法减法并用。针对隐匿传\n播的特点，加强核酸检测筛查，\n";
        let points = texts(page);
        assert_eq!(points.len(), 2, "{points:?}");
        assert!(points[1].starts_with("四要"));
        // 001 lines 258–259: `第六，` inside a paragraph that opened otherwise
        let page = "同有关国家分享防疫经验，加强抗\n病毒药物及疫苗研发国际合作。\n第六，提高新闻舆论工作有效\n性。要继续作好党中央重大决策\n";
        assert_eq!(texts(page).len(), 1);
    }

    #[test]
    fn headline_lines_are_kept_one_per_paragraph() {
        // 004 lines 352–358
        let page = "（下转第二版③）\n\n市政府第三十九次常务会议要求\n\n打牢农业基础 补实“三农”短板\n盯紧重点项目 夯实坚强支撑\n 本报讯（记者杨丽娜）昨日\n下午，市委副书记、市长徐衣显\n";
        let paras = paragraphs(page);
        let classes: Vec<ParaClass> = paras.iter().map(|p| p.0).collect();
        assert_eq!(
            classes,
            [ParaClass::Body, ParaClass::Headline, ParaClass::Headline, ParaClass::Headline, ParaClass::Lead]
        );
        assert_eq!(paras[3].1, "盯紧重点项目 夯实坚强支撑");
    }

    #[test]
    fn plain_lines_on_a_markdown_page_are_text_but_beside_a_heading() {
        let page = "提醒\n## 滨江大道部分路段实施交通管制\n全长4.8公里\n\n因施工需要，决定实施交通管制。具体安排如下：\n\n\
                    管制时间：8月15日0时至9月30日24时\n\n管制路段：滨江大道（长江路至黄河路段）\n\n\
                    交管部门提醒，请驾驶人注意交通标志。\n\n记者手记\n\n采访中，不少司机表示理解。\n\n\
                    换乘更顺畅\n\n在高铁南站，新建了一条连廊。\n";
        let classes: Vec<ParaClass> = paragraphs(page).into_iter().map(|p| p.0).collect();
        assert_eq!(classes[..3], [ParaClass::Headline, ParaClass::Heading(2), ParaClass::Headline]);
        assert!(classes[3..].iter().all(|&c| c == ParaClass::Body), "{:?}", paragraphs(page));
        let page = "City news\n## Council approves new budget\n\nThe council approved a budget on Monday.\n\n\
                    What comes next\n\nThe plan goes to the mayor.\n";
        let classes: Vec<ParaClass> = paragraphs(page).into_iter().map(|p| p.0).collect();
        assert_eq!(
            classes,
            [ParaClass::Headline, ParaClass::Heading(2), ParaClass::Body, ParaClass::Body, ParaClass::Body]
        );
        // 000: a subtitle a blank line below its heading
        let page =
            "## 市委召开专题会议\n\n葛巧红主持并讲话 李亦博作工作部署\n\n本报讯（记者焦娟）3月17日下午，会议召开。\n";
        assert_eq!(paragraphs(page)[1].0, ParaClass::Headline);
    }

    #[test]
    fn a_line_ended_by_hand_is_a_paragraph_of_its_own() {
        // crossheads, box labels, numbered sections, field lines in columns
        let page = "开通初期，南段首班车6时发出，末班\n车22时30分发出。\n换乘更顺畅\n在高铁南站，地铁站厅与铁路出站口\n\
                    之间新建了一条长约260米的连廊。\n记者手记\n采访中，不少老人说，吃饭是小事，\n也是大事。\n\
                    一、着力扩大有效投资\n全年安排重点项目320个，年度计划\n投资1260亿元。\n活动安排如下\n\
                    时间：6月8日至6月14日\n地点：市文化中心广场\n主办方提醒，活动期间文化中心周边\n道路将实施临时交通管制。\n";
        assert_eq!(
            texts(page),
            [
                "开通初期，南段首班车6时发出，末班车22时30分发出。",
                "换乘更顺畅",
                "在高铁南站，地铁站厅与铁路出站口之间新建了一条长约260米的连廊。",
                "记者手记",
                "采访中，不少老人说，吃饭是小事，也是大事。",
                "一、着力扩大有效投资",
                "全年安排重点项目320个，年度计划投资1260亿元。",
                "活动安排如下",
                "时间：6月8日至6月14日",
                "地点：市文化中心广场",
                "主办方提醒，活动期间文化中心周边道路将实施临时交通管制。",
            ]
        );
        // after a sentence that filled its line, and before a column break
        let page = "在高铁南站，地铁站厅与铁路出站口\n之间新建了一条长约260米的连廊。\n换乘更顺畅\n\n南段执行全线网统一票价，起步价\n2元。\n";
        assert_eq!(texts(page).len(), 3, "{:?}", texts(page));
        let page = "The council approved the budget on\nMonday after a long debate in the hall.\nWhat comes next\nThe plan now goes to the mayor, who\nhas ten days to sign it into law.\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert_eq!(texts[1], "What comes next");
    }

    #[test]
    fn a_box_label_opens_a_paragraph_of_the_text_never_a_headline() {
        for (label, text) in [
            ("记者手记", "采访中，不少老人说，吃饭是小事，也是大事。"),
            ("延伸阅读：", "目前，全市已建成城市书房36家，读者凭身份证即可免费借阅。"),
            ("相關連結", "目前，全市已建成城市書房36家，讀者憑身分證即可免費借閱。"),
            ("Background", "The market hall was built in 1924 and has been closed since 2019."),
        ] {
            for gap in ["\n", "\n\n"] {
                let page = format!("会议决定，自下月起施行。\n\n{label}{gap}{text}\n");
                let paras = paragraphs(&page);
                assert_eq!(paras.len(), 3, "{paras:?}");
                assert_eq!(paras[1], (ParaClass::Body, label.to_owned()), "{page}");
            }
        }
    }

    #[test]
    fn fields_questions_and_answers_are_paragraphs_of_their_own() {
        // a colon before a list, on whole paragraphs and across blank lines
        for gap in ["\n", "\n\n"] {
            let page = format!(
                "因滨江大道跨线桥施工需要，市公安局交通管理局决定对滨江大道部分路段实施交通管制。具体安排如下：{gap}\
                 管制时间：8月15日0时至9月30日24时{gap}管制措施：禁止所有机动车通行，行人和非机动车绕行{gap}\
                 交管部门提醒，途经车辆可提前绕行中山路、解放路等道路，请广大驾驶人注意交通标志，服从现场民警指挥。\n"
            );
            assert_eq!(texts(&page).len(), 4, "{:?}", texts(&page));
            let page = format!(
                "The library will extend its opening hours from June, and readers can also borrow e-books. Here are the details:{gap}\
                 When: Monday to Sunday, 9 a.m. to 9 p.m.{gap}Where: City Library, 12 Harbour Road{gap}\
                 The library has also hired fifty volunteers to help with the evening service.\n"
            );
            assert_eq!(texts(&page).len(), 4, "{:?}", texts(&page));
        }
        // a question after a sentence that filled its line
        let page = "高考成绩公布在即，记者采访了\n省教育考试院有关负责人。\n问：今年的志愿填报有哪些新\n变化？\n答：今年本科批次实行“院校专\n业组”志愿。\n";
        assert_eq!(texts(page).len(), 3, "{:?}", texts(page));
        let page = "She spoke with the Courier about\nher plans for the department.\nQ: What is your first priority?\nA: Getting to know the people.\n";
        assert_eq!(texts(page).len(), 3, "{:?}", texts(page));
    }

    #[test]
    fn a_list_of_fields_set_one_paragraph_each_is_text_not_headlines() {
        for (intro, fields, after) in [
            (
                "活动安排如下",
                ["时间：6月8日至6月14日", "地点：市文化中心广场"],
                "主办方提醒，活动期间周边道路将实施临时交通管制。",
            ),
            ("活動資訊", ["時間：即日起至11月20日", "地點：文化中心及港邊藝術特區"], "（記者 陳怡君 整理）"),
            (
                "Here are the details:",
                ["When: Saturdays, 8 a.m. to noon", "Where: Harbour Road car park"],
                "Parking is free.",
            ),
        ] {
            let page = format!(
                "开幕式定于本周六上午举行，市民可以免费参加。\n\n{intro}\n\n{}\n\n{}\n\n{after}\n",
                fields[0], fields[1]
            );
            let paras = paragraphs(&page);
            assert_eq!(paras.len(), 5, "{paras:?}");
            assert!(paras[2..4].iter().all(|p| p.0 == ParaClass::Body), "{paras:?}");
            assert_eq!(paras[4], (ParaClass::Body, after.to_owned()), "{paras:?}");
        }
        // headline lines that look like fields stay headlines (001 lines 392–393)
        let page = "全民参与，共同防控。\n\n解放区：“334”模式调动全民战“疫”\n\n山阳区：“五个率先”助力“硬核”防控\n\n\
                    本报讯（记者原文钊）记者昨日从山阳区获悉，全区实施“五个率先”。\n";
        let classes: Vec<ParaClass> = paragraphs(page).into_iter().map(|p| p.0).collect();
        assert_eq!(classes, [ParaClass::Body, ParaClass::Headline, ParaClass::Headline, ParaClass::Lead]);
        let page = "Die Tarife werden im Herbst angepasst.\n\nVerantwortlich: Tobias Hoffmann\n\n\
                    Hochwasser: Pegel der Elbe steigt weiter\n\nNach tagelangen Regenfällen steigt der Pegel weiter an.\n";
        assert_eq!(paragraphs(page)[2], (ParaClass::Headline, "Hochwasser: Pegel der Elbe steigt weiter".to_owned()));
    }

    #[test]
    fn on_a_page_that_indents_its_paragraphs_an_indented_line_opens_one() {
        let page = "\u{3000}\u{3000}开展“消费促进月”活动，发放消费券\n1.5亿元，培育一批特色商业街区，\n带动消费增长。\n\
                    \u{3000}\u{3000}全社会研发投入强度达到2.8%，新增\n高新技术企业300家以上，科技创新\n能力明显增强。\n\
                    \u{3000}\u{3000}新建改建中小学和幼儿园25所，新增\n养老床位2000张，民生保障水平进\n一步提高。\n\
                    \u{3000}\u{3000}咨询电话：0791—86123456\n\u{3000}\u{3000}求职者可携带个人简历和身份证件免\n费入场，现场还将提供职业指导和政\n策咨询服务。\n\
                    \u{3000}\u{3000}一、着力扩大有效投资\n\n\u{3000}\u{3000}全年安排重点项目320个，年度计划\n投资1260亿元，重点支持交通、水利\n等基础设施建设。\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 7, "{texts:?}");
        assert_eq!((texts[3].as_str(), texts[5].as_str()), ("咨询电话：0791—86123456", "一、着力扩大有效投资"));
    }

    #[test]
    fn a_line_that_opens_with_closing_punctuation_never_opens_a_paragraph() {
        // A quotation's closing mark or a clause mark pushed to the next line
        // by the wrap, after a sentence that filled its line, before an
        // indented paragraph: the line ends the paragraph above.
        for closer in ["”", "’", "」", "），", "》"] {
            let page = format!(
                "\u{3000}\u{3000}中午11点，城东街道幸福里社区\n的共享食堂里已经坐满了老人。三菜一\n\
                 汤，荤素搭配，每份只要12元，80\n岁以上老人还能再打八折。\n\
                 \u{3000}\u{3000}“以前一个人在家懒得做饭，常常\n一碗面条对付一顿。现在走几步路就能\n\
                 吃上热乎饭，还能跟老伙计们聊聊天。\n{closer}78岁的张大爷笑着说。\n\
                 \u{3000}\u{3000}去年以来，街道利用闲置房屋改建\n食堂，引入专业餐饮企业运营，政府给\n\
                 予场地和水电补贴。目前，全街道已建\n成共享食堂5家，日均服务老人600\n余人次。\n"
            );
            let texts = texts(&page);
            assert_eq!(texts.len(), 3, "{closer}: {texts:?}");
            assert!(texts[1].ends_with("张大爷笑着说。"), "{closer}: {texts:?}");
        }
    }

    #[test]
    fn indented_text_under_fields_and_numbered_headings_still_shows_the_page_indents() {
        // Every numbered heading and field is an open line with an indented
        // line below it; they are no paragraph running on, and the page
        // still indents its paragraphs (the heading before `PM2.5` ends).
        let page = "\u{3000}\u{3000}在昨天开幕的市人代会上，市政府\n工作报告提出了今年经济社会发展\n的主要预期目标：地区生产总值增\n长6%左右，城镇新增就业8万人以\n上，居民收入与经济增长同步。\n\
                    \u{3000}\u{3000}报告指出，过去一年全市经济运行\n总体平稳，主要指标好于预期，发\n展质量和效益稳步提升，民生保障\n持续加强，社会大局和谐稳定。\n\
                    \u{3000}\u{3000}报告明确了今年的五大重点任务。\n\u{3000}\u{3000}一、着力扩大有效投资\n\u{3000}\u{3000}全年安排重点项目320个，年度计\n划投资1260亿元，重点支持交通、\n水利、能源等基础设施建设。\n\
                    \u{3000}\u{3000}二、着力提振消费\n\u{3000}\u{3000}开展“消费促进月”活动，发放消\n费券1.5亿元，培育一批特色商业\n街区和夜间消费集聚区。\n\u{3000}\u{3000}三、着力推动科技创新\n\
                    \u{3000}\u{3000}全社会研发投入强度达到2.8%，新\n增高新技术企业300家以上，科技\n创新能力明显增强。\n\u{3000}\u{3000}时间：3月18日上午9时\n\
                    \u{3000}\u{3000}地点：市人力资源市场一楼大厅\n\u{3000}\u{3000}五、着力加强生态环境保护\n\u{3000}\u{3000}PM2.5平均浓度控制在每立方米30\n微克以下，空气质量优良天数比\n例达到九成。\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 13, "{texts:?}");
        assert_eq!(
            (texts[11].as_str(), texts[12].as_str()),
            ("五、着力加强生态环境保护", "PM2.5平均浓度控制在每立方米30微克以下，空气质量优良天数比例达到九成。")
        );
    }

    #[test]
    fn a_headline_set_right_after_its_body_before_a_lead_or_the_page_end_is_a_headline() {
        // Extraction order put each headline below its article, with no
        // blank line: before the next article's lead, or at the page's end,
        // it heads nothing inside an article.
        let page = "\u{3000}\u{3000}本报讯（记者 宋 雨）3月11日，市文化\n和旅游局发布消息，今年一季度全市共接待\n\
                    游客860万人次，同比增长18%。\n一季度文旅市场开门红\n\
                    \u{3000}\u{3000}本报讯（通讯员 钱 进）近日，市第一人\n民医院开通“夜间门诊”，每周一至周五18\n\
                    时至21时，为上班族提供就医便利。\n市一院开通夜间门诊\n方便上班族就医\n";
        let classes: Vec<ParaClass> = paragraphs(page).into_iter().map(|(c, _)| c).collect();
        assert_eq!(
            classes,
            [ParaClass::Lead, ParaClass::Headline, ParaClass::Lead, ParaClass::Headline, ParaClass::Headline],
            "{:?}",
            paragraphs(page)
        );
        // A blank line before the next lead changes nothing.
        let spaced = page.replace("开门红\n", "开门红\n\n");
        assert_eq!(paragraphs(&spaced)[1], (ParaClass::Headline, "一季度文旅市场开门红".to_owned()));
        // Before body text it is a crosshead of the article, whatever follows.
        let page = "\u{3000}\u{3000}本报讯（记者 宋 雨）3月11日，市文化\n和旅游局发布消息，今年一季度全市共接待\n\
                    游客860万人次，同比增长18%。\n\u{3000}\u{3000}其中，乡村旅游接待游客320万\n人次，占比近四成。\n\u{3000}\u{3000}外地游客同比增长三成。\n\
                    推出特色线路三十余条\n\u{3000}\u{3000}据介绍，今年以来，全市推出春季赏花、\n古镇游、乡村游等特色线路30余条，举办各\n\
                    类文旅活动200多场。\n";
        let classes: Vec<ParaClass> = paragraphs(page).into_iter().map(|(c, _)| c).collect();
        assert_eq!(
            classes,
            [ParaClass::Lead, ParaClass::Body, ParaClass::Body, ParaClass::Body, ParaClass::Body],
            "{:?}",
            paragraphs(page)
        );
    }

    #[test]
    fn where_no_width_repeats_a_sentence_end_ends_the_paragraph() {
        // A web edition's article under its headline and credit line: each
        // paragraph one line, no two of the same width, so no column.
        let page = "Schifffahrt\nFähre nach Helgoland fährt wieder täglich\nVon Jonas Petersen\n\
                    Nach dem Ende der Werftzeit nimmt die Fähre zwischen Cuxhaven und Helgoland am Montag wieder den täglichen Betrieb auf. Die erste Abfahrt ist um 9.30 Uhr.\n\
                    Die Reederei hatte das Schiff im Winter für rund zwei Millionen Euro modernisieren lassen, vor allem die Antriebe.\n\
                    Fahrkarten gibt es im Internet und an den Schaltern im Hafen.\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 6, "{texts:?}");
        assert!(texts[4].starts_with("Die Reederei"), "{texts:?}");
    }

    #[test]
    fn a_bracketed_note_among_whole_paragraphs_is_a_paragraph() {
        let page = "The library will stay open until 9 p.m. on weekdays from next month, the county board decided on Monday.\n\
                    Longer hours had been requested by students who study after school.\n\
                    (The author teaches history at Lakeview College.)\n";
        assert_eq!(texts(page).len(), 3, "{:?}", texts(page));
    }

    #[test]
    fn in_ragged_lines_a_sentence_that_left_room_for_the_next_word_ends_its_paragraph() {
        // Set ragged at 40 characters, paragraphs not indented: no line that
        // runs on could have taken the next word, so the line that ends a
        // sentence and could have taken `The` ended its paragraph.
        let ragged = "Crews from the county highway department\nspent most of Thursday clearing fallen\n\
                      trees from Ridge Road after the\novernight storm brought down power lines\n\
                      near the old feed mill on the creek.\nThe road reopened at dusk. Residents\n\
                      were asked to report damaged poles to\nthe utility, which said most homes had\n\
                      power again by midnight.\nSchools in the district will open two\nhours late on Friday.\n";
        let split = texts(ragged);
        assert_eq!(split.len(), 3, "{split:?}");
        assert!(split[1].starts_with("The road reopened"), "{split:?}");
        // Where a line that runs on had room for the next word, the widths
        // are no evidence (justified type, counted in characters).
        let justified = ragged.replace("most homes had\npower again", "most homes\nhad power again");
        assert_eq!(texts(&justified).len(), 2, "{:?}", texts(&justified));
    }

    #[test]
    fn a_line_that_the_text_after_a_blank_goes_on_from_in_lower_case_is_no_headline() {
        let page = "Ferry returns after winter refit\n\nThe island ferry will resume daily\n\n\
                    sailings on Monday after a three-month\nrefit at the yard in Oban, the operator\nsaid on Friday.\n";
        let paras = paragraphs(page);
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert_eq!(paras[1].0, ParaClass::Body);
        assert!(paras[1].1.starts_with("The island ferry will resume daily sailings"), "{paras:?}");
    }

    #[test]
    fn a_list_item_ended_by_a_semicolon_ends_before_the_next_point() {
        let page = "本次补贴面向以下三类家庭：\n1.家中有两名以上在校学生\n的家庭；\n2.因病致贫的低收入家\n庭；\n\
                    3.今年受灾的农户。\n申请材料可在各村委会领取，截\n止日期为本月底。\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 5, "{texts:?}");
        assert_eq!(texts[2], "2.因病致贫的低收入家庭；");
    }

    #[test]
    fn paragraphs_set_off_by_blank_lines_show_the_indent_too() {
        // Each paragraph indented and set off by a blank line: a section
        // heading left open stays apart from the indented text under it,
        // and a column break (a flush continuation) still joins.
        let page = "\u{3000}\u{3000}水库管理处介绍，今年汛期以来\n库区累计降雨量比常年偏多三成，水位\n一度超过警戒线。\n\n\
                    \u{3000}\u{3000}（二）加强堤坝巡查\n\n\
                    \u{3000}\u{3000}管理处组建了十二支巡查队，对大\n坝、溢洪道和下游河堤实行二十四小\n\n时巡查。\n\n\
                    \u{3000}\u{3000}（三）完善应急预案\n\n\
                    \u{3000}\u{3000}下游五个乡镇已完成转移路线的\n标识设置。\n\n\
                    \u{3000}\u{3000}管理处提醒，汛期请勿在库区垂\n钓。\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 6, "{texts:?}");
        assert_eq!((texts[1].as_str(), texts[3].as_str()), ("（二）加强堤坝巡查", "（三）完善应急预案"));
        assert_eq!(texts[2], "管理处组建了十二支巡查队，对大坝、溢洪道和下游河堤实行二十四小时巡查。");
    }

    #[test]
    fn a_headline_as_wide_as_the_column_after_a_finished_paragraph_is_a_headline() {
        let pages = [
            (
                "Die Kunden werden in den kommenden\nWochen schriftlich informiert. Die\nVerbraucherschützer raten dennoch\nzum Vergleich der Tarife.\n\n",
                "Museum zeigt Schätze aus der Römer",
                "\n\nMit einer großen Sonderausstellung\nzur Römerzeit eröffnet das Museum\nam Sonntag seine Saison. Gezeigt\nwerden mehr als 400 Fundstücke.\n",
            ),
            (
                "展览分为四个单元，系统展示了青铜\n器的铸造工艺和使用功能。一件兽面\n纹方鼎位于展厅中央，吸引了不少观\n众驻足欣赏。\n\n",
                "非遗展演周本周末在市文化中心开幕",
                "\n\n记者从市文化广电旅游局获悉，第五\n届非物质文化遗产展演周将于本周末\n开幕，来自全省的40多个非遗项目将\n集中亮相。\n",
            ),
        ];
        for (before, headline, after) in pages {
            let paras = paragraphs(&format!("{before}{headline}{after}"));
            assert_eq!(paras.len(), 3, "{paras:?}");
            assert_eq!(paras[1], (ParaClass::Headline, headline.to_owned()));
            // atop the page, under its header taken out
            let paras = paragraphs(&format!("\n\n{headline}{after}"));
            assert_eq!(paras.len(), 2, "{paras:?}");
            assert_eq!(paras[0], (ParaClass::Headline, headline.to_owned()));
        }
    }

    #[test]
    fn a_headline_that_asks_and_answers_is_a_headline() {
        for (before, headline, after) in [
            (
                "记者就几个热点问题采访了省教育\n考试院有关负责人。（转见A14版⑧）",
                "志愿填报怎么填？专家来解答",
                "■本报记者 陈思雨",
            ),
            (
                "港口停留时间明显缩短，效率提高\n了二成以上。",
                "外贸开局好不好？数据来说话",
                "海关总署7日发布数据，前两个\n月进出口总值6.61万亿元。",
            ),
            (
                "The plan now goes to the mayor,\nwho has ten days to sign it.",
                "Who pays for the bridge? The state",
                "The state will cover most of the\ncost, officials said on Monday.",
            ),
        ] {
            let paras = paragraphs(&format!("{before}\n\n{headline}\n\n{after}\n"));
            assert_eq!(paras[1], (ParaClass::Headline, headline.to_owned()), "{paras:?}");
        }
        // 004 lines 368–373: a paragraph's first line, alone at a column's end
        let page = "项目如期高质量建成。\n\n“工人返岗率多少？食宿符合\n\n标准吗？防护物资、原材料够不\n够？”每到一处，徐衣显都仔细询\n";
        assert_eq!(paragraphs(page).len(), 2, "{:?}", paragraphs(page));
    }

    #[test]
    fn markdown_heading_loses_its_marks() {
        let paras = paragraphs("## 市委召开专题会议\n\n本报讯（记者焦娟）3月17日下午，会议召开。\n");
        assert_eq!(paras[0], (ParaClass::Heading(2), "市委召开专题会议".to_owned()));
    }

    #[test]
    fn short_open_line_before_a_quotation_ends_a_paragraph() {
        // a sample page in columns: `…管控情况` then `“四个查清”。…`
        let page = "实现区域协查6小时落地查\n人，同步开展流调溯源，做到人\n数、人头、位置、管控情况\n“四个查清”。严控群众性聚集活\n动，倡导不聚集、不聚会、不聚\n";
        assert_eq!(texts(page).len(), 2);
    }

    #[test]
    fn a_lone_line_with_a_thousands_separator_is_a_headline() {
        let paras = paragraphs("Storm leaves 12,000 in dark\n\nThousands of residents woke up without power.\n");
        assert_eq!(paras[0], (ParaClass::Headline, "Storm leaves 12,000 in dark".to_owned()));
        let paras = paragraphs("Police say the road, closed since May, reopens\n\nThe road reopens today.\n");
        assert_eq!(paras[0].0, ParaClass::Body);
    }

    #[test]
    fn a_credit_line_ends_where_the_text_begins() {
        let paras = paragraphs(
            "■本报记者 刘洋\n清晨六点，浙江省安吉县天荒\n坪镇的智能温室里，灌溉系统\n自动启动。合作社负责人吴建\n国打开手机，数据一目了然。\n",
        );
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert_eq!(paras[0], (ParaClass::Lead, "■本报记者 刘洋".to_owned()));
        // A credit that runs on to a second line stays whole.
        let paras = paragraphs("By TOM BAKER\nHerald Staff Writer\n\nSPRINGFIELD — A storm hit.\n");
        assert_eq!(paras[0].1, "By TOM BAKER Herald Staff Writer");
        // A lead marker alone on its line goes on into the text.
        let paras = paragraphs(" 本报讯（记者焦娟、郭嘉莉）\n3月17日下午，收听收看省委\n");
        assert_eq!(paras.len(), 1, "{paras:?}");
    }

    #[test]
    fn straight_quote_after_a_short_sentence_starts_a_paragraph() {
        let page = "The company also raised its\nfull-year forecast and said it\nwould open a new milling plant in\nNebraska next year.\n\
                    \"We are seeing sustained demand\nfrom both commercial bakeries and\nhome cooks,\" its chief said.\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[1].starts_with("\"We are seeing"));
    }

    #[test]
    fn full_line_before_a_quotation_after_blank_joins() {
        // 004 lines 391–395
        let page = "剂生产企业，助力项目安全复工\n建设。他强调，太焦铁路是国家\n\n“十三五”规划重点项目，要以\n“开工就是决战”的姿态，想方设\n";
        assert!(texts(page)[0].contains("太焦铁路是国家“十三五”规划重点项目"));
    }

    #[test]
    fn paragraph_lines_of_web_text_join_across_page_breaks() {
        // 003 lines 17–19 and 25–27
        let page = "一段很长的文字，学校、养老机构等特殊监管场所实行闭环\n\n管理、点对点管理，提倡非必要不出省。\n\n王凯指出，做到人数、人头、位置、管控情况\n\n“四个查清”。严控群众性聚集活动。\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].contains("实行闭环管理、点对点管理，"));
    }

    /// Web-edition pages: one paragraph a line, of very different lengths,
    /// with and without ideographic indents, some paragraphs as short as
    /// each other, some far longer than any column.
    const WHOLE_PARAGRAPH_PAGES: &[&str] = &[
        "\u{3000}\u{3000}3月5日是“学雷锋纪念日”。连日来，各地志愿者走进社区、学校、医院和车站，开展形式多样的志愿服务活动，用实际行动传递温暖。\n\
         \u{3000}\u{3000}这是一种担当。\n\u{3000}\u{3000}这是一份温情。\n\
         \u{3000}\u{3000}在上海，一支由退休教师组成的“银发讲师团”坚持十年为外来务工人员子女免费辅导功课，累计服务学生超过1.2万人次。讲师团团长今年已经72岁，她说，只要身体允许，就会一直讲下去。\n\
         \u{3000}\u{3000}志愿服务之所以能够打动人心，在于它源自内心、不求回报。\n\
         \u{3000}\u{3000}补齐这些短板，需要久久为功。\n",
        "海关总署7日发布数据，今年前两个月，我国货物贸易进出口总值6.61万亿元，同比增长8.7%。\n\
         民营企业进出口增长较快。\n\
         前两个月，民营企业进出口3.55万亿元，增长14.2%，占我国外贸总值的53.7%，比去年同期提升2.6个百分点。\n\
         “外贸向好的势头正在巩固。”商务部研究院一位研究员说。\n\
         从出口商品看，机电产品出口2.22万亿元，增长11.3%，占出口总值的59.2%。\n",
        "The money comes from a program that funds improvements at ports handling growing volumes of cargo.\n\
         Port officials said the grant would allow them to begin dredging next spring, two years earlier than they had expected, and to finish by the end of the decade.\n\
         \"This changes everything for us,\" said the port's director.\n\
         A public hearing on the plan is scheduled for April 9.\n\
         The remaining cost will be split between the state and the port authority.\n",
    ];

    #[test]
    fn whole_paragraph_lines_end_at_every_sentence_end() {
        for page in WHOLE_PARAGRAPH_PAGES {
            let want: Vec<&str> = page.lines().map(|l| l.trim_start_matches('\u{3000}')).collect();
            assert_eq!(texts(page), want);
        }
    }

    #[test]
    fn a_title_above_whole_paragraph_lines_is_a_headline() {
        for page in WHOLE_PARAGRAPH_PAGES {
            let paras = paragraphs(&format!("让志愿服务成为城市最温暖的底色\n{page}"));
            assert_eq!(paras[0], (ParaClass::Headline, "让志愿服务成为城市最温暖的底色".to_owned()), "{page}");
            assert_eq!(paras.len(), page.lines().count() + 1);
            let paras = paragraphs(&format!("Harbor dredging project wins federal grant\n{page}"));
            assert_eq!(paras[0].0, ParaClass::Headline, "{page}");
            // A headline block of two lines stays one block (004 item 1 cleaned again).
            let paras = paragraphs(&format!(
                "政治局常务委员会召开会议\n习近平主持会议 响应党中央的号召，同志们为防控工作捐款\n{page}"
            ));
            assert_eq!((paras[0].0, paras[1].0), (ParaClass::Headline, ParaClass::Headline), "{page}");
        }
    }

    #[test]
    fn a_label_and_list_items_among_whole_paragraphs_are_paragraphs_of_their_own() {
        // A web edition's list under a label, and a salutation: every line a
        // paragraph, indented or not, blank lines between or not.
        let lines = [
            "本报江城4月12日讯（记者 朱一鸣）为防范和遏制冬季火灾事故发生，市消防救援支队从即日起在全市范围内开展为期三个月的冬季消防安全大检查。",
            "此次检查重点聚焦以下几类场所：",
            "1.人员密集场所，包括商场、医院、学校和养老机构；",
            "2.高层建筑和大型城市综合体；",
            "3.老旧小区和“三合一”场所；",
            "4.电动自行车集中停放和充电场所。",
            "支队负责人表示，对检查中发现的火灾隐患，将依法督促整改；对拒不整改的，将依法严肃处理。",
            "编辑同志：",
            "我家住在城西的新建小区，每天坐公交上下班。小区附近的两个公交站台都没有遮阳棚，夏天等车时太阳直晒。",
            "The council listed three changes:",
            "Buses will run every ten minutes on weekdays, and every twenty minutes on weekends and public holidays;",
            "Fares for students will be cut by half.",
        ];
        for (indent, gap) in [("", "\n"), ("\u{3000}\u{3000}", "\n"), ("", "\n\n"), ("  ", "\n\n")] {
            let page: String = lines.iter().map(|l| format!("{indent}{l}{gap}")).collect();
            assert_eq!(texts(&page), lines, "{indent:?} {gap:?}");
        }
    }

    #[test]
    fn a_short_web_page_under_its_headline_keeps_its_label_lines() {
        // A reader's letter under a kicker and title, its end marked; a lead
        // that introduces a list of fields.
        let letter = "读者来信\n希望公交站台多些遮阳棚\n\n\u{3000}\u{3000}编辑同志：\n                      \u{3000}\u{3000}我家住在城西的新建小区，每天坐公交上下班。小区附近的两个公交站台都没有遮阳棚，夏天等车时太阳直晒。\n                      \u{3000}\u{3000}特别是早高峰，等车的人很多。希望有关部门能在站台增设遮阳棚和座椅，方便市民候车。\n                      \u{3000}\u{3000}读者 钱志远（完）\n";
        assert_eq!(texts(letter)[2], "编辑同志：", "{:?}", texts(letter));
        let fields = "本报讯（记者 周建华）因滨江大道跨线桥施工需要，市公安局交通管理局决定对滨江大道部分路段实施交通管制。具体安排如下：\n\n                      管制时间：8月15日0时至9月30日24时\n\n管制路段：滨江大道（长江路至黄河路段）\n\n                      交管部门提醒，途经车辆可提前绕行，请广大驾驶人注意交通标志。\n";
        assert_eq!(texts(fields).len(), 4, "{:?}", texts(fields));
    }

    #[test]
    fn a_column_line_ending_a_list_item_by_chance_goes_on() {
        // The same list printed in a column of 14 characters.
        let page = "支队从即日起在全市范围内开展\n为期三个月的冬季消防安全大检\n查。此次检查重点聚焦以下几类\n场所：\n                    1.人员密集场所，包括商场、医\n院、学校和养老机构；\n2.高层建筑和大型城市综合体；\n                    3.老旧小区和“三合一”场所；\n支队负责人表示，对检查中发现\n的火灾隐患，将依法督促整改；\n                    对拒不整改的，将依法严肃处理。\n";
        let texts = texts(page);
        assert!(texts.iter().any(|t| t.ends_with("将依法督促整改；对拒不整改的，将依法严肃处理。")), "{texts:?}");
    }

    #[test]
    fn a_line_opening_in_lower_case_continues_even_among_whole_paragraphs() {
        let page = "The following residents have been chosen to\n\
                    serve as jurors at the spring term of the district court, which opens on Monday.\n\
                    Young People's meeting at 6:45 p.\n\
                    m., and evangelistic services at 7:30 p. m. Special singing will be offered at every service.\n\
                    Everyone is cordially invited to attend.\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].starts_with("The following residents have been chosen to serve as jurors"), "{texts:?}");
        assert!(texts[1].starts_with("Young People's meeting at 6:45 p. m., and"), "{texts:?}");
    }

    #[test]
    fn the_first_line_of_whole_paragraphs_is_a_title_even_asking_or_exclaiming() {
        for title in [
            "博物馆“夜场”为何一票难求？",
            "谁来守护城市的夜晚？",
            "这个春天，不负农时！",
            "Is the city ready for the next flood?",
        ] {
            for page in WHOLE_PARAGRAPH_PAGES {
                for gap in ["\n", "\n\n"] {
                    let paras = paragraphs(&format!("{title}{gap}{page}"));
                    let want = if title.contains('，') { ParaClass::Body } else { ParaClass::Headline };
                    assert_eq!(paras[0], (want, title.to_owned()), "{page}");
                    assert_eq!(paras.len(), page.lines().count() + 1);
                }
            }
        }
    }

    #[test]
    fn a_question_inside_the_text_or_atop_columns_is_no_title() {
        let page = "周五晚上8点，北京首都博物馆门前依然排着长队，300张门票在开放预约后不到10分钟就被一抢而空。\n\n\
                    夜场为何这么火？\n\n\
                    一位研究员分析，年轻人的休闲时间集中在晚上和周末，夜场正好契合了他们的需求，满足了社交的需要。\n";
        assert!(paragraphs(page).iter().all(|p| p.0 == ParaClass::Body), "{:?}", paragraphs(page));
        let page = "应该怎么办？\n要综合多学科力量开展科研攻\n关，加大药品和疫苗研发力度，\n为打赢疫情防控阻击战提供有\n力科技支撑。做好疫情防控工\n";
        assert_eq!(paragraphs(page)[0].0, ParaClass::Body);
    }

    #[test]
    fn column_lines_keep_their_column_evidence_beside_whole_paragraphs() {
        // 001 lines 250–252 in columns, after a web paragraph.
        let page = "海关总署7日发布数据，今年前两个月，我国货物贸易进出口总值6.61万亿元，同比增长8.7%。\n\n\
                    等生产，畅通运输通道和物流配\n送。第四，加快科技研发攻关。\n要综合多学科力量开展科研攻\n\
                    关，加大药品和疫苗研发力度，\n为打赢疫情防控阻击战提供有\n力科技支撑。做好疫情防控工\n\
                    作，直接关系人民生命安全和\n身体健康，直接关系经济社会\n大局稳定，也事关我国对外开\n放。\n";
        let texts = texts(page);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[1].contains("第四，加快科技研发攻关。要综合多学科力量"));
    }

    #[test]
    fn a_bracket_after_a_sentence_end_closes_the_paragraph() {
        for (end, headline, next) in [
            (
                "各项措施落到实处。（记者 张三 摄）",
                "春耕备耕正当时",
                "本报讯（记者李四）3月5日，全市春耕生产全面展开。",
            ),
            ("“我们有信心。”（新华社）", "外贸开局良好", "海关总署7日发布数据，前两个月进出口增长。"),
            (
                "more lanes next year, she said. (Photo on page 3)",
                "Library to extend weekend hours",
                "The library will stay open until 8 p.m.",
            ),
        ] {
            for (gap, after) in [("\n\n", "\n\n"), ("\n\n", "\n")] {
                let page = format!("{end}{gap}{headline}{after}{next}\n");
                let paras = paragraphs(&page);
                assert_eq!(paras.len(), 3, "{paras:?}");
                assert_eq!(paras[1], (ParaClass::Headline, headline.to_owned()), "{page}");
            }
        }
        // in columns: a picture's credit on a line of its own is a paragraph of its own
        let page = "等生产，畅通运输通道和物流配\n送，把各项措施落到实处。\n（记者 张三 摄）\n要综合多学科力量开展科研攻\n关，加大药品和疫苗研发力度，\n";
        let paras = paragraphs(page);
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert_eq!(paras[1], (ParaClass::Body, "（记者 张三 摄）".to_owned()));
        // a note that credits nobody belongs to the text above
        let page = "等生产，畅通运输通道和物流配\n送，把各项措施落到实处。\n（本文有删节）\n要综合多学科力量开展科研攻\n关，加大药品和疫苗研发力度，\n";
        assert!(texts(page)[0].ends_with("落到实处。（本文有删节）"), "{:?}", texts(page));
    }

    #[test]
    fn a_tail_credit_after_the_last_sentence_is_a_paragraph_that_ends_the_article() {
        let ends = [
            ("展览将持续至10月底，市民可通过博物馆\n官方公众号免费预约参观。", "（文/图 本报记者 孙晓雯）"),
            ("整个演练持续约两个小时，各环节衔\n接紧密、处置有序。", "（通讯员 周明亮）"),
            ("让好做法成为好制度，基层治理才\n能行稳致远。", "（作者系南州市委党校教授）"),
            ("各市、县考试机构都开设了咨询电\n话，考生也可以登录网站查询。", "（本报记者 陈思雨 整理）"),
            ("The board is expected to vote on the\nplan in March.", "(Reporting by Jane Doe)"),
        ];
        for (end, credit) in ends {
            for gap in ["\n", "\n\n"] {
                let page = format!("{end}{gap}{credit}{gap}春季招聘会提供岗位1.2万个\n");
                let paras = paragraphs(&page);
                assert_eq!(paras.len(), 3, "{paras:?}");
                assert_eq!(paras[1], (ParaClass::Body, credit.to_owned()), "{page}");
                let lines = normalize(&page, &mut Trace::off());
                let out = rejoin(&lines, &RuleSet::builtin(), &BatchContext::default(), &mut Trace::off());
                assert!(out[1].closes, "{page}");
            }
        }
        // a bracketed byline filling its column with the text below opens an article
        let page = "這是前一篇新聞的最後一句話。\n【記者王小明／台北報導】\n台北市政府今天宣布，明年起\n全面推動公共運輸優惠方案。\n";
        let paras = paragraphs(page);
        assert_eq!(paras[1].0, ParaClass::Lead, "{paras:?}");
        assert!(paras[1].1.starts_with("【記者王小明／台北報導】台北市政府"), "{paras:?}");
    }

    #[test]
    fn a_word_split_over_endless_lines_is_read_back_no_further_than_a_word() {
        // Each line end once read the whole word joined so far.
        let page = "ab-\n".repeat(100_000);
        let texts = texts(&page);
        assert_eq!(texts.len(), 1);
        assert!(texts[0].split('-').all(|w| w.len() <= lexicon::MAX_WORD_CHARS + 2), "{}", &texts[0][..200]);
    }

    #[test]
    fn open_lines_join_a_paragraph_that_opens_like_a_credit_line() {
        // Whether the paragraph was a credit line was asked of all of it at
        // each line that joined it.
        let page = format!("By Tom Baker,\n\n{}", "Tom Baker,\n\n".repeat(20_000));
        let texts = texts(&page);
        assert_eq!(texts.len(), 1);
        assert_eq!(texts[0].matches("Baker,").count(), 20_001);
    }

    #[test]
    fn closing_quotes_alone_after_an_open_sentence_join_it() {
        // Each joined quote once had the whole run of quotes before it read.
        let page = format!("有的从事核酸检测工作，\n\n{}", "”\n\n".repeat(50_000));
        let texts = texts(&page);
        assert_eq!(texts.len(), 1);
        assert!(texts[0].starts_with("有的从事核酸检测工作，”"));
        assert_eq!(texts[0].matches('”').count(), 50_000);
    }

    #[test]
    fn rejoining_rejoined_text_changes_nothing() {
        let page = "有的从事\n\n核酸检测。\n\n管控情况\n\n“四个查清”。\n\n本报讯（记者王）正文，\n";
        let once = texts(page).join("\n\n");
        assert_eq!(texts(&once).join("\n\n"), once);
    }
}
