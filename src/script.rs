//! Character classes of the scripts galley meets on a page.
//!
//! Every stage asks the same questions of a character: is it a Chinese
//! ideograph, full-width punctuation, part of a Latin word, how wide does
//! it print? They are answered here once, so that "CJK context" means the
//! same thing in normalize, rejoin and segment.

/// A Han ideograph (CJK Unified Ideographs with extensions, compatibility
/// ideographs and `〇`).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}'
        | '\u{30000}'..='\u{3134F}')
}

/// Hiragana or katakana (Japanese joins lines without a space, like Chinese).
pub fn is_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}')
}

/// A Hangul syllable or jamo (Korean separates words with spaces).
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' | '\u{AC00}'..='\u{D7AF}')
}

/// Full-width punctuation that only occurs in CJK text: `，。、；：？！（）《》「」…`.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{3006}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}')
}

/// Punctuation shared by CJK and Latin text whose role depends on its
/// neighbours: curly quotes, the ellipsis, dashes and the middle dot.
pub fn is_shared_punct(c: char) -> bool {
    matches!(c, '\u{2018}'..='\u{201F}' | '\u{2026}' | '\u{2014}' | '\u{2015}' | '\u{00B7}')
}

/// Han or kana: text that joins across a line end without a space.
pub fn is_cjk_letter(c: char) -> bool {
    is_han(c) || is_kana(c)
}

/// Anything that belongs to CJK running text: ideographs, kana, full-width
/// punctuation.
pub fn is_cjk(c: char) -> bool {
    is_cjk_letter(c) || is_cjk_punct(c)
}

/// A space as OCR and PDF extraction print it: ASCII space, tab,
/// no-break space or the ideographic space U+3000.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{00A0}' | '\u{3000}' | '\u{2002}'..='\u{200A}' | '\u{202F}')
}

/// A letter of a space-separated script (Latin, Greek, Cyrillic, Hangul…).
pub fn is_word_letter(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphabetic() } else { !is_cjk(c) && !is_shared_punct(c) && c.is_alphabetic() }
}

/// Terminal punctuation that can end a paragraph.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '…' | '!' | '?' | '.' | '．' | '｡')
}

/// Closing quotes and brackets that may follow terminal punctuation.
pub fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | '）' | ')' | '」' | '』' | '》' | '】' | '〕' | ']')
}

/// Clause punctuation: a line ending in it is inside a sentence.
pub fn is_clause_punct(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | '：' | ',' | ';' | ':')
}

/// Opening quotation marks that start a quoted passage in CJK text.
pub fn is_cjk_opening_quote(c: char) -> bool {
    matches!(c, '“' | '「' | '『')
}

/// Most closing quotes, brackets and spaces that may follow the terminal
/// punctuation of a sentence (`。”）` has two).
const MAX_CLOSERS: usize = 8;

/// Whether `text` ends a sentence: terminal punctuation, optionally followed
/// by a few closing quotes or brackets (`。`, `。”`, `！）`), or by a short
/// bracketed note or two after it (`…落到实处。（记者 张三 摄）`,
/// `she said. (Photo on page 3)`): the note stands outside the finished
/// sentence. Rejoin asks this of a paragraph each time a line joins it: the
/// text is read from its end, and no further than closers and notes reach.
pub fn ends_sentence(text: &str) -> bool {
    let mut text = text;
    for _ in 0..=MAX_NOTES {
        let last = text.chars().rev().take(MAX_CLOSERS + 1).find(|&c| !is_closer(c) && !is_space(c));
        if last.is_some_and(is_terminal) {
            return true;
        }
        match note_start(text) {
            Some(open) => text = &text[..open],
            None => return false,
        }
    }
    false
}

/// Most bracketed notes looked behind for a sentence end.
const MAX_NOTES: usize = 2;

/// Most characters of a bracketed note (`（记者 张三 摄）`, `(AP)`), spaces
/// after it included.
const MAX_NOTE_CHARS: usize = 60;

/// Whether `text` is one short bracketed note (`（记者 张三 摄）`, `(AP)`).
pub fn is_bracketed(text: &str) -> bool {
    note_start(text) == Some(0)
}

/// Where the short bracketed note that ends `text` opens (`…。（记者 张三
/// 摄）` → the index of `（`), if `text` ends in one within
/// [`MAX_NOTE_CHARS`].
fn note_start(text: &str) -> Option<usize> {
    let opening = |c: char| matches!(c, '（' | '(' | '[' | '【' | '〔');
    let closing = |c: char| matches!(c, '）' | ')' | ']' | '】' | '〕');
    let mut depth = 0usize;
    for (i, c) in text.char_indices().rev().take(MAX_NOTE_CHARS) {
        if closing(c) {
            depth += 1;
        } else if opening(c) {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(i);
            }
        } else if depth == 0 && !is_space(c) {
            return None;
        }
    }
    None
}

/// Whether `text` ends inside a sentence: its last mark is clause
/// punctuation, or it has no punctuation at its end at all.
pub fn ends_open(text: &str) -> bool {
    !ends_sentence(text)
}

/// The printed width of `c` in half-width units: CJK characters and
/// full-width forms take two, everything else one. Shared punctuation takes
/// two in a line of CJK text.
pub fn width(c: char, cjk_line: bool) -> usize {
    let wide = is_cjk(c) || is_hangul(c) || ('\u{FF01}'..='\u{FF60}').contains(&c) || c == '\u{3000}';
    if wide || (cjk_line && is_shared_punct(c)) { 2 } else { 1 }
}

/// What a line is made of, counted in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// CJK letters (ideographs and kana).
    pub cjk_letters: usize,
    /// Letters of space-separated scripts.
    pub word_letters: usize,
    /// Upper-case letters among them.
    pub upper: usize,
    /// Characters.
    pub chars: usize,
    /// Print width in half-width units, shared punctuation counted narrow.
    narrow_width: usize,
    /// Shared punctuation (curly quotes, ellipsis, dashes).
    shared: usize,
}

impl Shape {
    /// Counts the characters of `text`. Lines are mostly ASCII or common
    /// ideographs (U+5000–U+9FFF, three bytes led by 0xE5–0xE9), which are
    /// counted by their bytes; every other character by its class.
    pub fn of(text: &str) -> Shape {
        let mut shape = Shape::default();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                shape.chars += 1;
                shape.narrow_width += 1;
                if b.is_ascii_alphabetic() {
                    shape.word_letters += 1;
                    shape.upper += usize::from(b.is_ascii_uppercase());
                }
                i += 1;
            } else if (0xE5..=0xE9).contains(&b) {
                shape.chars += 1;
                shape.cjk_letters += 1;
                shape.narrow_width += 2;
                i += 3;
            } else {
                let c = text[i..].chars().next().expect("a character starts at a lead byte");
                shape.count(c);
                i += c.len_utf8();
            }
        }
        shape
    }

    /// Counts one character.
    fn count(&mut self, c: char) {
        self.chars += 1;
        if c.is_ascii() {
            self.narrow_width += 1;
            if c.is_ascii_alphabetic() {
                self.word_letters += 1;
                self.upper += usize::from(c.is_ascii_uppercase());
            }
        } else if is_han(c) || is_kana(c) {
            self.cjk_letters += 1;
            self.narrow_width += 2;
        } else if is_cjk_punct(c) {
            self.narrow_width += 2;
        } else if is_shared_punct(c) {
            self.shared += 1;
            self.narrow_width += 1;
        } else {
            self.narrow_width += width(c, false);
            if is_word_letter(c) {
                self.word_letters += 1;
                self.upper += usize::from(c.is_uppercase());
            }
        }
    }

    /// Whether the line is CJK text: more CJK letters than word letters.
    pub fn cjk(&self) -> bool {
        self.cjk_letters > 0 && self.cjk_letters * 2 >= self.word_letters
    }

    /// The printed width in half-width units; shared punctuation takes two
    /// in CJK text.
    pub fn width(&self) -> usize {
        self.narrow_width + if self.cjk() { self.shared } else { 0 }
    }
}

/// Whether a line is CJK text: it holds more CJK letters than word letters.
pub fn is_cjk_text(text: &str) -> bool {
    Shape::of(text).cjk()
}

/// The printed width of a line in half-width units.
pub fn line_width(text: &str) -> usize {
    Shape::of(text).width()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_shape_counted_by_bytes_is_the_shape_counted_by_characters(text in "[a-zA-Z0-9 ,.中文字䷀㐀丁鿿ＡＢ，。“”—éÄかカ한😀]{0,40}") {
            let mut by_chars = Shape::default();
            text.chars().for_each(|c| by_chars.count(c));
            proptest::prop_assert_eq!(Shape::of(&text), by_chars);
        }
    }

    #[test]
    fn sentence_end_allows_closing_quotes() {
        assert!(ends_sentence("从“有”到“好”的需求。"));
        assert!(ends_sentence("他说：“好。”"));
        assert!(ends_sentence("It ended."));
        assert!(!ends_sentence("有的从事"));
        assert!(!ends_sentence("创新方式方法，"));
    }

    #[test]
    fn a_bracket_after_a_sentence_end_ends_the_sentence() {
        for text in [
            "要把各项措施落到实处。（记者 张三 摄）",
            "…落到实处。”（新华社）",
            "he said. (Photo on page 3)",
            "The vote is in April! (AP)",
            "It ended. [Editor's note: corrected.]",
            "会议结束。【图】（本报记者 李四 摄）",
        ] {
            assert!(ends_sentence(text), "{text}");
        }
        // closing marks and spaces in any order (en-ocr `knee. ? ? ? '`)
        assert!(ends_sentence("knee. ? ? ? ' "));
        // a long run of notes is not looked behind
        assert!(!ends_sentence(&format!("完。{}", "（注）".repeat(100_000))));
        for text in ["本报讯（记者王静锋）", "各县（市）", "at Pier 9 (the old one)", "（记者 张三 摄）", "见图（1）"]
        {
            assert!(!ends_sentence(text), "{text}");
        }
    }

    #[test]
    fn a_sentence_end_is_not_looked_for_behind_a_run_of_closers() {
        assert!(ends_sentence(&format!("好。{}", "”".repeat(MAX_CLOSERS))));
        assert!(!ends_sentence(&format!("好。{}", "”".repeat(MAX_CLOSERS + 1))));
        assert!(!ends_sentence(&"”".repeat(100_000)));
    }

    #[test]
    fn cjk_characters_print_twice_as_wide() {
        assert_eq!(line_width("第一时间"), 8);
        assert_eq!(line_width("14名"), 4);
        assert_eq!(line_width("“双胜利”"), 10);
        assert_eq!(line_width("“quoted”"), 8);
    }

    #[test]
    fn kana_and_hangul_are_told_apart() {
        assert!(is_kana('の'));
        assert!(is_hangul('한'));
        assert!(!is_han('한'));
        assert!(is_cjk_letter('の'));
        assert!(!is_cjk_letter('한'));
    }
}
