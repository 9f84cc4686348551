//! Joining one line to the next: what goes where the line broke.
//!
//! CJK text joins with nothing (001 `有的从事` + `核酸检测`), and so do
//! digits in CJK text (a sample's `研修班等 1` + `5 个主体班` → `15个`);
//! Latin words join with one space; an em dash keeps no space. `¬` and the
//! soft hyphen mark a split word outright. A hyphen at the line end is
//! decided by evidence, strongest first ([`hyphen`]):
//! - the page's and batch's own words: `international` whole elsewhere
//!   makes `inter-` ⏎ `national` a split word, `well-known` hyphenated
//!   elsewhere makes `well-` ⏎ `known` a compound;
//! - no word on one side: numbers keep the hyphen (`1990-` ⏎ `91`,
//!   `555-` ⏎ `1234`), a conjunction after it keeps its space too
//!   (`pre-` ⏎ `and post-war`, `Auto-` ⏎ `und Velofahrer`);
//! - case: a capital after the hyphen makes a compound (`EU-` ⏎ `Staaten`),
//!   capitals on both sides are decided like lower case (`GOVERN-` ⏎ `MENT`);
//! - words: in English (the built-in list, `data/words/`, each word with
//!   its frequency band) the hyphen stays where both parts are words, if
//!   rare ones, and the joined form is no common word (`long-` ⏎ `term`,
//!   `Pitt-` ⏎ `street`, `pre-` ⏎ `war`, `tram-` ⏎ `car`); `men`, `man` and
//!   `less` close up with the word before (`points-` ⏎ `men`); on a page
//!   set in period style (it hyphenates compounds that are common words
//!   closed, `to-day`, `week-end`) a verb's noun keeps its hyphen
//!   (`break-` ⏎ `down`). German writes compounds closed, so there a
//!   lower-case continuation is a split word, unless an abbreviation or a
//!   single letter stands before (`US-` ⏎ `amerikanisch`).
//!
//! Measured on the column-set pages of `tests/hyphens.rs` (invented text)
//! and on the words of real 1916 front pages (`samples/en-ocr`): a closed
//! form rarer than its parts is no sign of a period compound there
//! (`newspapers`, `outlook` are as rare as `timetable`, `breakdown`).

use crate::model::{Line, ParaClass, Paragraph};
use crate::rejoin::lexicon::{Language, LexiconView, MAX_WORD_CHARS, listed, listed_part, size};
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

/// Appends a headline's lines to `out`, one paragraph a line, but a word
/// cut at a line end joins as in running text (`Inter-` ⏎ `national Talks
/// Resume`, `NEW GOVERN-` ⏎ `MENT PLANS`).
pub fn headline_into(
    out: &mut Vec<Paragraph>,
    lines: &[Line],
    blank_before: bool,
    lexicon: &LexiconView<'_>,
    trace: &mut Trace,
) {
    for (k, line) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(last) if k > 0 && cuts_word(&last.text, &line.text) => {
                join_into(&mut last.text, false, Side { text: &line.text, cjk: false }, false, lexicon, trace);
                last.lines.1 = line.no;
            }
            _ => out.push(Paragraph::new(
                line.text.clone(),
                ParaClass::Headline,
                (line.no, line.no),
                blank_before && k == 0,
            )),
        }
    }
}

/// Whether `line` ends in a word cut by a hyphen, `¬` or soft hyphen that
/// `next` completes.
fn cuts_word(line: &str, next: &str) -> bool {
    let mut tail = line.chars().rev();
    tail.next().is_some_and(|c| matches!(c, '-' | '\u{2010}' | '¬' | '\u{00AD}'))
        && tail.next().is_some_and(is_word_letter)
        && next.chars().next().is_some_and(is_word_letter)
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
/// batch, and one of the parts is not, and the second part is lower case,
/// or both are capitals (`CON` ⏎ `TAINING`).
fn fused(buf: &str, next: &str, lexicon: &LexiconView<'_>) -> bool {
    let (Some(left), Some(right)) = (last_word(buf), first_word(next)) else {
        return false;
    };
    let lower = |s: &str| s.to_lowercase();
    !left.is_empty()
        && !right.is_empty()
        && (right.starts_with(char::is_lowercase) || Case::of(left) == Case::Upper && Case::of(right) == Case::Upper)
        && left.chars().count() + right.chars().count() >= MIN_FUSED_CHARS
        && lexicon.word(&lower(&format!("{left}{right}"))) > 0
        && (lexicon.word(&lower(left)) == 0 || lexicon.word(&lower(right)) == 0)
}

/// Shortest word that a hyphen-less split may rejoin into.
const MIN_FUSED_CHARS: usize = 5;

/// Decides a line-end hyphen after the word that ends `buf` (hyphen last).
pub fn hyphen(buf: &str, next: &str, lexicon: &LexiconView<'_>) -> Hyphen {
    let body = &buf[..buf.len() - buf.chars().next_back().map_or(0, char::len_utf8)];
    // `1990-` + `91`, `555-` + `1234`, `well-` + `(known)`: no word to
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
    // What the page and the batch write is the strongest evidence.
    let (as_word, as_compound) = (lexicon.word(&joined), lexicon.compound(&compound));
    if as_word > 0 || as_compound > 0 {
        return if as_word >= as_compound { Hyphen::Drop } else { Hyphen::Keep };
    }
    let split_if = |word: bool| if word { Hyphen::Drop } else { Hyphen::Keep };
    match (Case::of(left), Case::of(right)) {
        // `EU-` + `Staaten`, `Anglo-` + `Saxon`, `non-` + `British`.
        (_, Case::Title) => Hyphen::Keep,
        // In capitals case says nothing (`GOVERN-` + `MENT`).
        (Case::Upper, Case::Upper) => by_words(left, right, &joined, lexicon),
        // A capitals continuation (`antici-` + `PATION`) or an abbreviation
        // before a word (`US-` + `led`, `SVP-` + `nahe`): split only if
        // the joined form is a word.
        (_, Case::Upper) | (Case::Upper, Case::Lower) => split_if(listed(&joined)),
        _ => by_words(left, right, &joined, lexicon),
    }
}

/// How a word is written: no lower-case letter; a capital first; else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Upper,
    Title,
    Lower,
}

impl Case {
    fn of(word: &str) -> Case {
        if !word.chars().any(char::is_lowercase) {
            Case::Upper
        } else if word.starts_with(char::is_uppercase) {
            Case::Title
        } else {
            Case::Lower
        }
    }
}

/// Prefixes that stand hyphenated before a word (`pre-war`, `ex-mayor`,
/// `co-author`) though they are no words on their own.
const PREFIXES: &[&str] = &["anti", "co", "ex", "mid", "non", "post", "pre", "pro", "quasi", "self", "semi", "vice"];

/// Words after a capitalised name that make a street's name: `Pitt-street`,
/// `Parramatta-road` (an old Australian and British style).
const STREET_WORDS: &[&str] = &[
    "avenue", "bridge", "crescent", "lane", "parade", "park", "place", "quay", "road", "square", "street", "terrace",
    "wharf",
];

/// Words that close up with the word before them: `points-` ⏎ `men`,
/// `wire-` ⏎ `less`, `spokes-` ⏎ `man` (but `working-man`, after a verb's
/// `-ing`).
const CLOSING_WORDS: &[&str] = &["less", "man", "men"];

/// Particles that make a noun of a verb: `break-down`, `hold-up`,
/// `lock-out`, `take-off`, `walk-over`. Papers before about 1940 hyphenate
/// these nouns, later ones close them.
const PARTICLES: &[&str] = &["down", "off", "out", "over", "up"];

/// Function words, which make no noun with a particle: `more-` ⏎ `over`,
/// `through-` ⏎ `out` are split words (sorted by bytes: binary search).
const FUNCTION_WORDS: &[&str] = &[
    "a", "all", "an", "any", "be", "by", "every", "for", "here", "how", "in", "into", "more", "no", "on", "some",
    "there", "through", "to", "what", "when", "where", "with",
];

/// The largest SCOWL size of the verb before a particle (`break`, 10).
const VERB_SIZE: u8 = 20;

/// Whether `left` + `right` is a verb and its particle made a noun
/// (`break-` ⏎ `down`) that is rarer than the commonest words (SCOWL size
/// over 10: `without`, `layout` are split words).
fn particle_noun(left: &str, right: &str, joined: &str) -> bool {
    PARTICLES.contains(&right)
        && FUNCTION_WORDS.binary_search(&left).is_err()
        && size(left).is_some_and(|n| n <= VERB_SIZE)
        && size(joined).is_some_and(|n| n > 10)
}

/// Decides a hyphen before a lower-case continuation (or in capitals) by
/// the words the parts and the joined form are, where the page and batch
/// know none of them.
fn by_words(left: &str, right: &str, joined: &str, lexicon: &LexiconView<'_>) -> Hyphen {
    let (left_lower, right_lower) = (left.to_lowercase(), right.to_lowercase());
    // No split leaves one letter on the line: `U-boat`, `x-mal`, `e-mail`.
    if left.chars().count() == 1 {
        return if listed(joined) { Hyphen::Drop } else { Hyphen::Keep };
    }
    let word = |s: &str| s.chars().count() > 1 && (lexicon.word(s) > 0 || listed_part(s));
    let compound = match lexicon.language() {
        // German writes its compounds closed: `Verhand-` + `lungen`.
        Language::German => false,
        // `co-operation`, `co-ordinate`: the style of British and
        // Australian papers, though American ones close them.
        Language::English if left_lower == "co" && right_lower.starts_with('o') => true,
        // `points-` + `men`, `wire-` + `less`: one word, listed or not.
        Language::English if CLOSING_WORDS.contains(&right_lower.as_str()) => left_lower.ends_with("ing"),
        // `break-` + `down`: a verb's noun, hyphenated on a page that
        // hyphenates compounds that are common words closed.
        Language::English if listed(joined) => {
            lexicon.period_style() && particle_noun(&left_lower, &right_lower, joined)
        }
        // Both parts words and the joined form none: `long-` + `term`,
        // `loading-` + `bays`, `pre-` + `war`, `Pitt-` + `street`. A
        // capitalised first part is a name, though (`Pen-` + `rose`).
        Language::English => {
            let prefix = PREFIXES.contains(&left_lower.as_str());
            let first = prefix || Case::of(left) != Case::Title && word(&left_lower);
            STREET_WORDS.contains(&right_lower.as_str()) || first && word(&right_lower)
        }
        // Without a list, only the page's and batch's own words count.
        Language::Other => {
            let known = |s: &str| s.chars().count() > 1 && lexicon.word(s) > 0;
            !listed(joined) && known(&left_lower) && known(&right_lower)
        }
    };
    if compound { Hyphen::Keep } else { Hyphen::Drop }
}

#[cfg(test)]
mod tests {
    use super::*;
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
        // in capitals as in lower case, but a capital after lower case starts a word
        assert_eq!(join("CONVENIENT, CON", "TAINING FORMS", "forms containing all"), "CONVENIENT, CONTAINING FORMS");
        assert_eq!(join("the Berlin", "Times said", "in berlintimes here"), "the Berlin Times said");
    }

    #[test]
    fn a_word_cut_at_the_line_end_is_told_from_a_dash() {
        assert!(cuts_word("Inter-", "national Talks"));
        assert!(cuts_word("NEW GOVERN-", "MENT PLANS"));
        assert!(cuts_word("Zei¬", "tung"));
        assert!(!cuts_word("Sport -", "Results"));
        assert!(!cuts_word("Season 1990-", "91"));
        assert!(!cuts_word("Storm leaves", "12,000 in dark"));
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

    /// Pages whose function words tell their language.
    const ENGLISH: &str = "The council met on Tuesday and the mayor said that it was time";
    const GERMAN: &str = "Die Verhandlungen zwischen der Stadt und den SBB sind auf gutem Weg";

    #[test]
    fn parts_that_are_words_keep_the_hyphen_where_the_joined_form_is_none() {
        assert_eq!(join("a long-", "term lease", ENGLISH), "a long-term lease");
        assert_eq!(join("system of loading-", "bays in", ENGLISH), "system of loading-bays in");
        assert_eq!(join("the pre-", "war period", ENGLISH), "the pre-war period");
        assert_eq!(join("the ex-", "mayor said", ENGLISH), "the ex-mayor said");
        // the joined form is a word: a split word, whatever its parts
        assert_eq!(join("relieve the pressure consider-", "ably.", ENGLISH), "relieve the pressure considerably.");
        assert_eq!(join("a car-", "pet shop", ENGLISH), "a carpet shop");
    }

    /// An English page that hyphenates two compounds that are common words
    /// closed (`to-day`, `week-end`).
    const PERIOD: &str = "The council met to-day and the mayor said that the week-end was the time for it";

    #[test]
    fn a_rarer_word_is_a_part_of_a_compound_but_no_closed_form() {
        // `tram` is SCOWL size 50, `tramcar` 55
        assert_eq!(join("behind a tram-", "car and", ENGLISH), "behind a tram-car and");
        // `boardinghouse` is size 40: no common word, so the hyphen stays
        assert_eq!(join("a boarding-", "house in", ENGLISH), "a boarding-house in");
    }

    #[test]
    fn words_that_close_up_with_the_word_before_join() {
        assert_eq!(join("additional points-", "men were", ENGLISH), "additional pointsmen were");
        assert_eq!(join("the wire-", "less set", ENGLISH), "the wireless set");
        assert_eq!(join("the train-", "men struck", PERIOD), "the trainmen struck");
        assert_eq!(join("the SIGNAL-", "MEN STRIKE", ENGLISH), "the SIGNALMEN STRIKE");
        // after a verb's `-ing` the hyphen stays
        assert_eq!(join("the working-", "man has", ENGLISH), "the working-man has");
    }

    #[test]
    fn a_verbs_noun_keeps_its_hyphen_on_a_period_page() {
        assert_eq!(join("a break-", "down of", PERIOD), "a break-down of");
        assert_eq!(join("the turn-", "out was", PERIOD), "the turn-out was");
        assert_eq!(join("the hold-", "up was", PERIOD), "the hold-up was");
        // a modern page closes them
        assert_eq!(join("a break-", "down of", ENGLISH), "a breakdown of");
        // function words and the commonest closed forms are split words
        assert_eq!(join("and more-", "over the", PERIOD), "and moreover the");
        assert_eq!(join("went with-", "out them", PERIOD), "went without them");
        assert_eq!(join("the lay-", "out of", PERIOD), "the layout of");
        // a particle after another word is no verb's noun
        assert_eq!(join("the hand-", "some one", PERIOD), "the handsome one");
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
    }

    #[test]
    fn a_name_before_a_street_word_keeps_the_hyphen_and_other_names_join() {
        assert_eq!(join("traffic in Pitt-", "street and", ENGLISH), "traffic in Pitt-street and");
        assert_eq!(join("widening of Parramatta-", "road. The", ENGLISH), "widening of Parramatta-road. The");
        // a name cut at the line end: its parts may be words, it is one name
        assert_eq!(join("Mr. Pen-", "rose replied", ENGLISH), "Mr. Penrose replied");
        assert_eq!(join("Mr. Ash-", "worth said", ENGLISH), "Mr. Ashworth said");
    }

    #[test]
    fn co_words_keep_the_hyphen_unless_the_page_closes_them() {
        assert_eq!(join("the co-", "operation of", ENGLISH), "the co-operation of");
        assert_eq!(join("to co-", "ordinate the", ENGLISH), "to co-ordinate the");
        assert_eq!(join("a co-", "author of", ENGLISH), "a co-author of");
        assert_eq!(join("a co-", "incidence that", ENGLISH), "a coincidence that");
        assert_eq!(
            join("the co-", "operation of", "The council met with full cooperation today"),
            "the cooperation of"
        );
    }

    #[test]
    fn capitals_split_joins_where_the_joined_form_is_a_word() {
        assert_eq!(join("NEW GOVERN-", "MENT PLANS", ENGLISH), "NEW GOVERNMENT PLANS");
        assert_eq!(join("I see you shiver with antici-", "PATION.", ENGLISH), "I see you shiver with anticiPATION.");
        assert_eq!(join("the anti-", "EU vote", ENGLISH), "the anti-EU vote");
    }

    #[test]
    fn an_abbreviation_before_a_word_keeps_the_hyphen() {
        assert_eq!(join("ein US-", "amerikanischer Fonds", GERMAN), "ein US-amerikanischer Fonds");
        assert_eq!(join("die GLP-", "nahe Gruppe", GERMAN), "die GLP-nahe Gruppe");
        assert_eq!(join("the UN-", "backed force", ENGLISH), "the UN-backed force");
    }

    #[test]
    fn german_lower_case_continuation_is_a_split_word_whatever_its_parts() {
        let page = "Der Rat der Stadt tagte gestern und die Stadt hat den Rat gefragt";
        assert_eq!(join("der Stadt-", "rat hat", page), "der Stadtrat hat");
        assert_eq!(join("die Hand-", "lung ist", GERMAN), "die Handlung ist");
        assert_eq!(join("schon x-", "mal gesagt", GERMAN), "schon x-mal gesagt");
    }

    #[test]
    fn phone_numbers_keep_the_hyphen() {
        assert_eq!(join("call 555-", "0192 after nine", ENGLISH), "call 555-0192 after nine");
    }

    #[test]
    fn a_word_cut_in_a_headline_joins() {
        let lines = [Line::new(1, "NEW GOVERN-"), Line::new(2, "MENT PLANS"), Line::new(3, "FOR THE CITY")];
        let (batch, page) = (Lexicon::default(), Vec::new());
        let mut out = Vec::new();
        headline_into(&mut out, &lines, true, &LexiconView::new(&batch, &page), &mut Trace::off());
        let texts: Vec<(&str, (usize, usize))> = out.iter().map(|p| (p.text.as_str(), p.lines)).collect();
        assert_eq!(texts, [("NEW GOVERNMENT PLANS", (1, 2)), ("FOR THE CITY", (3, 3))]);
    }

    #[test]
    fn capitals_split_is_decided_by_the_evidence() {
        assert_eq!(join("INTER-", "NATIONAL", "an international fact"), "INTERNATIONAL");
        // en-ocr: `VERY CONVENIENT, CON-` ⏎ `TAINING FORMS`
        assert_eq!(join("CON-", "TAINING FORMS", ""), "CONTAINING FORMS");
        assert_eq!(join("THE U-", "BOAT WAR", "the boat and the u-boat war"), "THE U-BOAT WAR");
    }
}
