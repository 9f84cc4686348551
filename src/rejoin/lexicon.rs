//! The word forms a page or batch uses: the evidence for de-hyphenation.
//!
//! Whether `inter-` + `national` is one word is not a question of grammar
//! but of usage: if `international` stands whole elsewhere in the page or
//! batch, it is one word; if `well-known` stands hyphenated elsewhere, it is
//! a compound. The lexicon counts, per word form, the pages it occurs on
//! (lower-cased). Only words inside a line count: the first and last words
//! of a line may be fragments of a word split at the line end, with or
//! without a hyphen (OCR drops many: en-ocr `pre` ⏎ `senting`). A hyphen
//! inside a word is the page's own wherever the word stands, so compounds
//! count at a line's edges too (a headline `TIME-TABLE` alone on its line).
//!
//! Where the page and batch say nothing, a built-in English word list
//! (SCOWL, `data/words/`) tells whether a joined form or a part is a word,
//! and the page's function words tell its [`Language`]: German writes its
//! compounds closed, so there case decides (see `join::hyphen`).

use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::sync::{LazyLock, OnceLock};

use crate::model::Line;
use crate::script::is_word_letter;

/// Longest word form the lexicon keeps, in characters: longer runs of
/// letters are OCR noise, not words, and no line-end decision looks
/// further back than this into the text before it (a paragraph of words
/// joined at hyphens would otherwise be read again at every line end).
pub const MAX_WORD_CHARS: usize = 64;

/// Word forms and hyphenated compounds, each with the number of pages
/// it occurs on.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Lexicon {
    #[serde(with = "crate::canonical::sorted_map")]
    words: HashMap<String, u32>,
    #[serde(with = "crate::canonical::sorted_map")]
    compounds: HashMap<String, u32>,
}

/// Whether a line ends in a mark that splits a word over the line end.
pub fn ends_split(text: &str) -> bool {
    text.ends_with(['-', '\u{2010}', '¬', '\u{00AD}'])
}

impl Lexicon {
    /// The word forms of one page, each counted once.
    pub fn from_lines(lines: &[Line]) -> Self {
        let mut lexicon = Lexicon::default();
        for line in lines.iter().filter(|l| !l.is_blank()) {
            let tokens = tokens(&line.text);
            let last = tokens.len().saturating_sub(1);
            for (k, token) in tokens.into_iter().enumerate() {
                let compound = token.contains('-');
                if !(2..=MAX_WORD_CHARS).contains(&token.chars().count()) || !compound && (k == 0 || k == last) {
                    continue;
                }
                let map = if compound { &mut lexicon.compounds } else { &mut lexicon.words };
                map.insert(token.to_lowercase(), 1);
            }
        }
        lexicon
    }

    /// Adds another lexicon's counts (order-free, for map-then-merge).
    pub fn merge(&mut self, other: Lexicon) {
        for (word, n) in other.words {
            *self.words.entry(word).or_default() += n;
        }
        for (word, n) in other.compounds {
            *self.compounds.entry(word).or_default() += n;
        }
    }

    /// On how many pages the unhyphenated form occurs (lower case).
    pub fn word(&self, lower: &str) -> u32 {
        self.words.get(lower).copied().unwrap_or(0)
    }

    /// On how many pages the hyphenated form occurs (lower case).
    pub fn compound(&self, lower: &str) -> u32 {
        self.compounds.get(lower).copied().unwrap_or(0)
    }

    /// Whether the lexicon holds at least `PERIOD_COMPOUNDS` compounds of
    /// two English words whose closed form is a common word (`to-day`,
    /// `week-end`, `pipe-line`): the style of papers before about 1940.
    pub fn period_style(&self) -> bool {
        let closed_word = |compound: &str| {
            compound.split_once('-').is_some_and(|(a, b)| {
                let part = |p: &str| p.chars().count() > 1 && listed_part(p);
                part(a) && part(b) && !b.contains('-') && listed(&format!("{a}{b}"))
            })
        };
        self.compounds.keys().filter(|c| closed_word(c)).take(PERIOD_COMPOUNDS).count() == PERIOD_COMPOUNDS
    }

    /// Whether the lexicon holds nothing.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.compounds.is_empty()
    }

    /// The word forms and then the compounds with their counts, each
    /// sorted: the same lexicon in the same order however it was merged.
    pub fn sorted(&self) -> [Vec<(&str, u32)>; 2] {
        [&self.words, &self.compounds].map(|map| {
            let mut entries: Vec<(&str, u32)> = map.iter().map(|(w, &n)| (w.as_str(), n)).collect();
            entries.sort_unstable();
            entries
        })
    }
}

/// Compounds whose closed form is a common word that a page prints
/// hyphenated before its style counts as a period one (the
/// modern pages of `tests/fixtures/pages` print none, the period ones of
/// `tests/fixtures/hyphens` two to four).
const PERIOD_COMPOUNDS: usize = 2;

/// English words, lower case, each with its SCOWL size (`word size`, one a
/// line; sizes 10–50; `data/words/README.md` names source, selection and
/// licence).
const ENGLISH_WORDS: &str = include_str!("../../data/words/en.txt");

/// The largest SCOWL size at which a joined form counts as a word: the
/// common words (sizes 10–35). A rarer closed form (`prewar`,
/// `boardinghouse`, size 40) is what older papers print hyphenated.
const COMMON_SIZE: u8 = 35;

/// The largest SCOWL size at which a part of a compound counts as a word
/// (`tram` of `tram-` ⏎ `car` is size 50).
const PART_SIZE: u8 = 50;

/// The English word list, parsed on first use and never changed after.
static ENGLISH: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let entries = ENGLISH_WORDS.lines().filter(|l| !l.is_empty() && !l.starts_with('#'));
    entries.filter_map(|l| l.split_once(' ')).map(|(word, size)| (word, size.parse().unwrap_or(u8::MAX))).collect()
});

/// The SCOWL size of `lower` (lower case) in the built-in English list:
/// 10 for the commonest words, up to 50; `None` when unlisted.
pub fn size(lower: &str) -> Option<u8> {
    ENGLISH.get(lower).copied()
}

/// Whether `lower` (lower case) is a common English word (SCOWL size
/// 10–35): a joined form that is one is a split word.
pub fn listed(lower: &str) -> bool {
    size(lower).is_some_and(|n| n <= COMMON_SIZE)
}

/// Whether `lower` (lower case) is an English word, if a rarer one (SCOWL
/// size 10–50): what a part of a compound must be.
pub fn listed_part(lower: &str) -> bool {
    size(lower).is_some_and(|n| n <= PART_SIZE)
}

/// The language of a page, as far as its line-end hyphens need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    /// English: compounds are hyphenated, open or closed by usage.
    English,
    /// German: compounds are written closed.
    German,
    /// Another language, or too little text to tell.
    Other,
}

/// Frequent English words that are no German words (sorted by bytes: looked
/// up by binary search).
const ENGLISH_MARKERS: &[&str] = &[
    "and", "are", "as", "at", "be", "been", "by", "for", "from", "had", "have", "his", "is", "it", "of", "on", "that",
    "the", "this", "to", "were", "which", "with", "would",
];

/// Frequent German words that are no English words (sorted by bytes).
const GERMAN_MARKERS: &[&str] = &[
    "auch", "auf", "aus", "bei", "das", "dem", "den", "der", "des", "ein", "eine", "einer", "für", "hat", "im", "ist",
    "mit", "nach", "nicht", "oder", "sich", "sind", "und", "von", "werden", "wie", "wurde", "zu",
];

/// Frequent words enough to tell a page's language.
const MARKERS_ENOUGH: usize = 32;

impl Language {
    /// The language whose frequent words outnumber the other's twice,
    /// counted until `MARKERS_ENOUGH` are found (a page's first hundred
    /// words or so).
    pub fn of(lines: &[Line]) -> Language {
        let (mut english, mut german) = (0usize, 0usize);
        let words = lines.iter().flat_map(|l| l.text.split(|c: char| !c.is_alphabetic()));
        // Markers are 2 to 6 bytes long; lower-cased on the stack.
        for word in words.filter(|w| (2..=6).contains(&w.len())) {
            if english + german >= MARKERS_ENOUGH {
                break;
            }
            let mut buf = [0u8; 6];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let marker = |markers: &[&str]| usize::from(markers.binary_search_by(|m| m.as_bytes().cmp(lower)).is_ok());
            english += marker(ENGLISH_MARKERS);
            german += marker(GERMAN_MARKERS);
        }
        match (english, german) {
            (e, g) if e > 2 * g => Language::English,
            (e, g) if g > 2 * e => Language::German,
            _ => Language::Other,
        }
    }
}

/// Words of a line: runs of letters, with inner hyphens and apostrophes.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        let inner = matches!(c, '-' | '\'' | '’') && is_word_letter(prev);
        if is_word_letter(c) || (inner && start.is_some()) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(text[s..i].trim_end_matches(['-', '\'', '’']));
        }
        prev = c;
    }
    if let Some(s) = start {
        out.push(text[s..].trim_end_matches(['-', '\'', '’']));
    }
    out
}

/// The batch's lexicon and, built only when first asked, the page's own:
/// what rejoin consults. Each form looked up in the batch's is noted, so
/// that a page rejoined without the batch's facts can tell whether they
/// would have changed anything (see `context::Asked`).
pub struct LexiconView<'a> {
    batch: &'a Lexicon,
    lines: &'a [Line],
    page: OnceLock<Lexicon>,
    language: OnceLock<Language>,
    period: OnceLock<bool>,
    asked: RefCell<Vec<String>>,
}

impl<'a> LexiconView<'a> {
    /// A view of the batch lexicon plus the page of `lines`.
    pub fn new(batch: &'a Lexicon, lines: &'a [Line]) -> Self {
        LexiconView {
            batch,
            lines,
            page: OnceLock::new(),
            language: OnceLock::new(),
            period: OnceLock::new(),
            asked: RefCell::default(),
        }
    }

    /// The forms looked up in the batch's lexicon.
    pub(crate) fn into_asked(self) -> Vec<String> {
        self.asked.into_inner()
    }

    fn page(&self) -> &Lexicon {
        self.page.get_or_init(|| Lexicon::from_lines(self.lines))
    }

    /// Pages of batch or page on which the unhyphenated form occurs.
    pub fn word(&self, lower: &str) -> u32 {
        self.asked.borrow_mut().push(lower.to_owned());
        match self.batch.word(lower) {
            0 => self.page().word(lower),
            n => n,
        }
    }

    /// Pages of batch or page on which the hyphenated form occurs.
    pub fn compound(&self, lower: &str) -> u32 {
        self.asked.borrow_mut().push(lower.to_owned());
        match self.batch.compound(lower) {
            0 => self.page().compound(lower),
            n => n,
        }
    }

    /// Whether the page is set in period style ([`Lexicon::period_style`]),
    /// told from the page's own compounds only.
    pub fn period_style(&self) -> bool {
        *self.period.get_or_init(|| self.page().period_style())
    }

    /// The page's language, told when first asked.
    pub fn language(&self) -> Language {
        *self.language.get_or_init(|| Language::of(self.lines))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines().enumerate().map(|(i, t)| Line::new(i + 1, t)).collect()
    }

    #[test]
    fn words_at_line_edges_are_not_counted() {
        let lex = Lexicon::from_lines(&lines("we read the inter-\nnational news today\nas a well-known fact"));
        assert_eq!(lex.word("inter"), 0);
        assert_eq!(lex.word("national"), 0);
        assert_eq!(lex.word("news"), 1);
        assert_eq!(lex.word("read"), 1);
        assert_eq!(lex.compound("well-known"), 1);
    }

    #[test]
    fn compounds_count_at_line_edges_too() {
        let lex = Lexicon::from_lines(&lines("NEW TIME-TABLES\nWEEK-END\nhalf-past four on the tram-car\nthe inter-"));
        for form in ["time-tables", "week-end", "half-past", "tram-car"] {
            assert_eq!(lex.compound(form), 1, "{form}");
        }
        // words at the edges still do not count
        assert_eq!((lex.word("new"), lex.word("inter"), lex.word("on")), (0, 0, 1));
    }

    #[test]
    fn runs_of_letters_longer_than_a_word_are_not_counted() {
        let long = "x".repeat(MAX_WORD_CHARS + 1);
        let lex = Lexicon::from_lines(&lines(&format!("a {long} b {} c", &long[1..])));
        assert_eq!(lex.word(&long), 0);
        assert_eq!(lex.word(&long[1..]), 1);
    }

    #[test]
    fn the_word_list_is_english_in_lower_case() {
        assert!(listed("government") && listed("street") && listed("anticipation"));
        assert!(!listed("pittstreet") && !listed("Government") && !listed("# english words for line-end hyphen"));
    }

    #[test]
    fn the_word_list_gives_each_word_its_size() {
        assert_eq!((size("the"), size("timetable"), size("tram")), (Some(10), Some(20), Some(50)));
        assert_eq!(size("pointsmen"), None);
        // rarer words are parts of compounds, but no closed forms
        assert!(listed_part("tram") && !listed("tram"));
        assert!(!listed_part("pittstreet"));
        let sizes = ENGLISH_WORDS.lines().filter(|l| !l.starts_with('#')).map(|l| l.split_once(' ').map(|(_, n)| n));
        assert!(sizes.into_iter().all(|n| matches!(n, Some("10" | "20" | "35" | "40" | "50"))));
    }

    #[test]
    fn two_compounds_that_are_common_words_closed_make_a_period_style() {
        let period = |text: &str| Lexicon::from_lines(&lines(text)).period_style();
        assert!(period("he left to-day for the week-end at Manly"));
        assert!(period("the new time-table and the pipe-line were ready"));
        // one is not a style; nor are compounds whose closed form is no word
        assert!(!period("he left to-day for a well-known seaside resort"));
        assert!(!period("a well-known long-term self-contained Pitt-street shop"));
        assert!(!period("the e-mail and the x-ray came today"));
    }

    #[test]
    fn function_words_tell_the_language() {
        assert_eq!(
            Language::of(&lines("The council met on Tuesday, and the mayor\nsaid that it was")),
            Language::English
        );
        assert_eq!(
            Language::of(&lines("Die Verhandlungen zwischen der Stadt und\nden SBB sind auf")),
            Language::German
        );
        assert_eq!(Language::of(&lines("Le conseil municipal a voté")), Language::Other);
        assert_eq!(Language::of(&[]), Language::Other);
        assert_eq!(Language::of(&lines("FÜR DIE STADT UND DEN KANTON")), Language::German);
    }

    #[test]
    fn marker_tables_are_sorted_for_binary_search() {
        for table in [ENGLISH_MARKERS, GERMAN_MARKERS] {
            assert!(table.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()), "{table:?}");
        }
    }

    #[test]
    fn merging_counts_pages() {
        let mut a = Lexicon::from_lines(&lines("an international crisis"));
        a.merge(Lexicon::from_lines(&lines("of International trade policy")));
        assert_eq!(a.word("international"), 2);
        assert_eq!(a.word("trade"), 1);
    }
}
