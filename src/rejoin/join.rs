//! Joining one line to the next: what goes where the line broke.
//!
//! CJK text joins with nothing (001 `有的从事` + `核酸检测`), and so do
//! digits in CJK text (a sample's `研修班等 1` + `5 个主体班` → `15个`);
//! Latin words join with one space; an em dash keeps no space. A Latin word
//! split by a hyphen at the line end loses the hyphen when the evidence says
//! it is one word, and keeps it when the evidence says compound, or when
//! there is no evidence either way: a wrongly kept hyphen can be repaired
//! later, a wrongly removed one cannot. `¬` and the soft hyphen mark a split
//! word outright.

use crate::rejoin::lexicon::{LexiconView, MAX_WORD_CHARS};
use crate::script::{is_cjk, is_cjk_punct, is_shared_punct, is_word_letter};
use crate::trace::Trace;

/// Conjunctions after a suspended hyphen, which keeps its hyphen and its
/// space: `Auto- und Velofahrer`, `pre- and post-war`.
pub const CONJUNCTIONS: &[&str] =
    &["and", "or", "nor", "und", "oder", "sowie", "bzw", "bis", "et", "ou", "y", "o", "e", "en"];

/// What to do with a hyphen at the end of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hyphen {
    /// A split word: drop the hyphen, join without space (`inter-` `national`).
    Drop,
    /// A compound: keep the hyphen, join without space (`EU-` `Staaten`).
    Keep,
    /// A suspended hyphen before a conjunction: keep it and a space.
    Suspend,
}

/// One side of a line break: the text and whether its line is CJK text.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    /// The text on this side.
    pub text: &'a str,
    /// Whether the line it comes from is CJK text.
    pub cjk: bool,
}

/// Appends the line `next` to `buf`, deciding what goes at the break.
/// `gap` tells that the page printed a space at the break (a trailing
/// space, or a leading one after an open line): a word gap even in CJK
/// text (a sample's `记者 ` ⏎ `孙亚文` → `记者 孙亚文`).
pub fn join_into(
    buf: &mut String,
    left_cjk: bool,
    next: Side<'_>,
    gap: bool,
    lexicon: &LexiconView<'_>,
    trace: &mut Trace,
) {
    let cjk_mark = |c: char| is_cjk_punct(c) || (is_shared_punct(c) && (left_cjk || next.cjk));
    let (Some(last), Some(first)) = (buf.chars().next_back(), next.text.chars().next()) else {
        buf.push_str(next.text);
        return;
    };
    if matches!(last, '¬' | '\u{00AD}') {
        buf.pop();
    } else if matches!(last, '-' | '\u{2010}') && before_hyphen(buf).is_some_and(char::is_alphanumeric) {
        let decision = hyphen(buf, next.text, lexicon);
        trace.note(|| format!("rejoin: hyphen at {:?} + {:?}: {decision:?}", tail(buf), head(next.text)));
        match decision {
            Hyphen::Drop => {
                buf.pop();
            }
            Hyphen::Keep => {}
            Hyphen::Suspend => buf.push(' '),
        }
    } else if fused(buf, next.text, lexicon) && !left_cjk && !next.cjk {
        trace.note(|| format!("rejoin: split word without hyphen at {:?} + {:?}", tail(buf), head(next.text)));
    } else if gap && !cjk_mark(last) && !cjk_mark(first) || needs_space(last, first, left_cjk || next.cjk) {
        buf.push(' ');
    }
    buf.push_str(next.text);
}

fn before_hyphen(buf: &str) -> Option<char> {
    buf.chars().rev().nth(1)
}

fn tail(s: &str) -> &str {
    let start = s.char_indices().rev().nth(12).map_or(0, |(i, _)| i);
    &s[start..]
}

fn head(s: &str) -> &str {
    let end = s.char_indices().nth(12).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Whether a space goes between `last` and `first` at a line break.
fn needs_space(last: char, first: char, cjk_context: bool) -> bool {
    if is_cjk(last) || is_cjk(first) || last == '—' || first == '—' {
        return false;
    }
    // In Chinese text only two Latin words need a space between them; a
    // number cut at the line end does not (`86.` ⏎ `8万辆`, `15` ⏎ `%左右`).
    !cjk_context || (last.is_alphabetic() && first.is_alphabetic())
}

/// The Latin word that ends `text`; `None` for a run of letters longer
/// than any word ([`MAX_WORD_CHARS`]), which is not read to its start.
fn last_word(text: &str) -> Option<&str> {
    let mut start = text.len();
    for (n, (i, c)) in text.char_indices().rev().enumerate() {
        if !is_word_letter(c) {
            break;
        }
        if n == MAX_WORD_CHARS {
            return None;
        }
        start = i;
    }
    Some(&text[start..])
}

/// The Latin word that starts `text`; `None` for a run of letters longer
/// than any word.
fn first_word(text: &str) -> Option<&str> {
    let mut end = text.len();
    for (n, (i, c)) in text.char_indices().enumerate() {
        if !is_word_letter(c) {
            end = i;
            break;
        }
        if n == MAX_WORD_CHARS {
            return None;
        }
    }
    Some(&text[..end])
}

/// Whether a word was split at the line end without a hyphen (OCR drops
/// many: en-ocr `sec` ⏎ `ond`): the joined form is a word of the page or
/// batch, and one of the parts is not, and the second part is lower case.
fn fused(buf: &str, next: &str, lexicon: &LexiconView<'_>) -> bool {
    let (Some(left), Some(right)) = (last_word(buf), first_word(next)) else {
        return false;
    };
    let lower = |s: &str| s.to_lowercase();
    !left.is_empty()
        && right.starts_with(char::is_lowercase)
        && left.chars().count() + right.chars().count() >= MIN_FUSED_CHARS
        && lexicon.word(&lower(&format!("{left}{right}"))) > 0
        && (lexicon.word(&lower(left)) == 0 || lexicon.word(&lower(right)) == 0)
}

/// Shortest word that a hyphen-less split may rejoin into.
const MIN_FUSED_CHARS: usize = 5;

/// Decides a line-end hyphen after the word that ends `buf` (hyphen last).
pub fn hyphen(buf: &str, next: &str, lexicon: &LexiconView<'_>) -> Hyphen {
    let body = &buf[..buf.len() - buf.chars().next_back().map_or(0, char::len_utf8)];
    // `1990-` + `91`, `pages 12-` + `15`, `well-` + `(known)`: no word to
    // join; nor is a run of letters longer than any word.
    let (Some(left), Some(right)) = (last_word(body), first_word(next)) else {
        return Hyphen::Keep;
    };
    if left.is_empty() || right.is_empty() {
        return Hyphen::Keep;
    }
    if CONJUNCTIONS.contains(&right) && next[right.len()..].starts_with(' ') {
        return Hyphen::Suspend;
    }
    let joined = format!("{left}{right}").to_lowercase();
    let compound = format!("{left}-{right}").to_lowercase();
    let (as_word, as_compound) = (lexicon.word(&joined), lexicon.compound(&compound));
    let upper = |s: &str| s.chars().all(|c| !c.is_lowercase());
    // `EU-` + `Staaten` is a compound. In capitals (`CON-` + `TAINING`)
    // case says nothing, and the evidence decides as for lower case.
    if right.starts_with(char::is_uppercase) && !(upper(left) && upper(right)) {
        return Hyphen::Keep;
    }
    if as_word > 0 || as_compound > 0 {
        return if as_word >= as_compound { Hyphen::Drop } else { Hyphen::Keep };
    }
    // Unknown either way: two known words make a compound, else a split word.
    let known = |s: &str| s.chars().count() > 1 && lexicon.word(&s.to_lowercase()) > 0;
    if known(left) && known(right) { Hyphen::Keep } else { Hyphen::Drop }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Line;
    use crate::rejoin::lexicon::Lexicon;

    fn join(left: &str, right: &str, page: &str) -> String {
        let lines: Vec<Line> = page.lines().enumerate().map(|(i, t)| Line::new(i + 1, t)).collect();
        let batch = Lexicon::default();
        let view = LexiconView::new(&batch, &lines);
        let mut buf = left.to_owned();
        let cjk = |s: &str| crate::script::is_cjk_text(s);
        join_into(&mut buf, cjk(left), Side { text: right, cjk: cjk(right) }, false, &view, &mut Trace::off());
        buf
    }

    #[test]
    fn cjk_lines_join_without_space() {
        // 001 lines 41–43
        assert_eq!(
            join("双奋战抗击疫情一线；有的从事", "核酸检测“连轴转”", ""),
            "双奋战抗击疫情一线；有的从事核酸检测“连轴转”"
        );
    }

    #[test]
    fn digits_in_cjk_text_join_without_space() {
        assert_eq!(join("研修班等1", "5个主体班", ""), "研修班等15个主体班");
        assert_eq!(join("新能源汽车产量86.", "8万辆，同比增长", ""), "新能源汽车产量86.8万辆，同比增长");
        assert_eq!(join("预计增长15", "%左右。", ""), "预计增长15%左右。");
        assert_eq!(join("发布了新款iPhone", "Pro手机", ""), "发布了新款iPhone Pro手机");
    }

    #[test]
    fn latin_words_join_with_one_space() {
        assert_eq!(join("the House voted", "today", ""), "the House voted today");
        assert_eq!(join("in 1916", "12 men", ""), "in 1916 12 men");
    }

    #[test]
    fn a_printed_gap_at_the_break_is_kept_in_cjk_text() {
        let (batch, lines) = (Lexicon::default(), Vec::new());
        let view = LexiconView::new(&batch, &lines);
        let mut buf = "本报讯（郑报全媒体记者".to_owned();
        join_into(&mut buf, true, Side { text: "孙亚文 张昕）", cjk: true }, true, &view, &mut Trace::off());
        assert_eq!(buf, "本报讯（郑报全媒体记者 孙亚文 张昕）");
        let mut buf = "各县（市）".to_owned();
        join_into(&mut buf, true, Side { text: "区", cjk: true }, true, &view, &mut Trace::off());
        assert_eq!(buf, "各县（市）区");
    }

    #[test]
    fn split_word_without_hyphen_rejoins_when_the_page_knows_it() {
        // en-ocr: `the find` ⏎ `ing that`, `a sec` ⏎ `ond count`
        assert_eq!(join("on the find", "ing that", "on the finding of fact"), "on the finding that");
        assert_eq!(join("a sec", "ond count", "the second count"), "a second count");
        // both parts are words: leave them apart
        assert_eq!(join("the some", "times more", "a sometimes good thing, some times out"), "the some times more");
        assert_eq!(join("the find", "ing that", ""), "the find ing that");
    }

    #[test]
    fn em_dash_keeps_no_space() {
        assert_eq!(join("he said—", "then left", ""), "he said—then left");
    }

    #[test]
    fn split_word_seen_whole_elsewhere_loses_its_hyphen() {
        assert_eq!(join("the inter-", "national crisis", "of international law"), "the international crisis");
    }

    #[test]
    fn lowercase_continuation_never_seen_hyphenated_loses_its_hyphen() {
        assert_eq!(join("the com-", "mittee met", ""), "the committee met");
        assert_eq!(join("die Verhand-", "lungen laufen", ""), "die Verhandlungen laufen");
    }

    #[test]
    fn compound_seen_hyphenated_elsewhere_keeps_its_hyphen() {
        assert_eq!(join("a well-", "known man", "a well-known fact"), "a well-known man");
    }

    #[test]
    fn two_known_words_keep_the_hyphen_when_unsure() {
        assert_eq!(join("a well-", "known man", "it is well done, as known here"), "a well-known man");
    }

    #[test]
    fn uppercase_continuation_keeps_the_hyphen() {
        assert_eq!(join("die EU-", "Staaten", ""), "die EU-Staaten");
        assert_eq!(join("the Anglo-", "Saxon world", ""), "the Anglo-Saxon world");
    }

    #[test]
    fn a_run_of_letters_longer_than_any_word_keeps_its_hyphen() {
        let word = "x".repeat(MAX_WORD_CHARS);
        assert_eq!(join(&format!("{word}-"), "yz", ""), format!("{word}yz"));
        assert_eq!(join(&format!("x{word}-"), "yz", ""), format!("x{word}-yz"));
        assert_eq!(join("ab-", &format!("x{word}"), ""), format!("ab-x{word}"));
    }

    #[test]
    fn number_ranges_keep_the_hyphen() {
        assert_eq!(join("the season 1990-", "91 was", ""), "the season 1990-91 was");
    }

    #[test]
    fn suspended_hyphen_before_a_conjunction_keeps_hyphen_and_space() {
        assert_eq!(join("für Auto-", "und Velofahrer", ""), "für Auto- und Velofahrer");
        assert_eq!(join("both pre-", "and post-war", ""), "both pre- and post-war");
    }

    #[test]
    fn not_sign_and_soft_hyphen_mark_a_split_word() {
        assert_eq!(join("Zei¬", "tung", ""), "Zeitung");
        assert_eq!(join("news\u{AD}", "paper", ""), "newspaper");
    }

    #[test]
    fn capitals_split_is_decided_by_the_evidence() {
        assert_eq!(join("INTER-", "NATIONAL", "an international fact"), "INTERNATIONAL");
        // en-ocr: `VERY CONVENIENT, CON-` ⏎ `TAINING FORMS`
        assert_eq!(join("CON-", "TAINING FORMS", ""), "CONTAINING FORMS");
        assert_eq!(join("THE U-", "BOAT WAR", "the boat and the u-boat war"), "THE U-BOAT WAR");
    }
}
