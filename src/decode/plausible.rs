//! Whether decoded text reads like text of its script.
//!
//! A wrong encoding need not leave a single malformed sequence: EUC-TW bytes
//! are all valid GB18030, Big5 bytes nearly all valid GBK, UTF-8 read as GBK
//! mostly valid too. What gives them away is *which* characters come out. Real
//! Chinese is made of common characters, a wrong decoding spreads evenly over
//! the code table, common and rare alike; real Latin-script text is mostly
//! unaccented letters, another script read as windows-1252 is mostly accented
//! ones. [`Census::of`] counts both on a prefix of the text, cheaply enough to
//! run on every file; [`Census::doubt`] turns the counts into a
//! [`DecodeNote`].
//!
//! "Common" is what the national standards call common, so no frequency table
//! is kept: GB2312 level 1 (the 3,755 characters of everyday simplified
//! Chinese) and Big5's frequent block (the 5,401 of everyday traditional
//! Chinese), read out of `encoding_rs`'s own tables once per process.
//!
//! Measured on the seeds, the 30 sample pages (`shared/samples/zh`, UTF-8,
//! GB18030, UTF-16) and the Big5 fixture: 99.9–100% of Han characters are
//! common. The same texts decoded wrongly: EUC-TW as GB18030 69–72%, Big5 as
//! GB18030 51–56%, GB18030 as Big5 45–56%, UTF-8 as GBK 30–31%, EUC-KR as
//! GBK 45–51%, Shift_JIS as GBK 10–16%. Real text of rarer vocabulary scores
//! lower than the pages but above the wrong decodings: colloquial Cantonese
//! 84%, classical Chinese 98%.

use std::sync::LazyLock;

use encoding_rs::{BIG5_INIT, Encoding, GBK_INIT};

use crate::model::DecodeNote;
use crate::script::{is_han, is_hangul, is_kana};

/// Below this percentage of common Han characters a text is doubted: under
/// every real page measured (99.9%) and colloquial Cantonese (84%), over
/// every wrong decoding measured (EUC-TW as GB18030, 72% at most).
const MIN_COMMON_HAN_PERCENT: usize = 80;

/// Fewer Han characters than this give too unsteady a share to doubt by.
const MIN_HAN_MEASURED: usize = 100;

/// Above this percentage of accented Latin letters a text is doubted. News
/// sentences in French, Polish, Hungarian, Czech, Turkish, Vietnamese or
/// Icelandic measured 8–22%; Chinese, Greek or Russian read as windows-1252
/// come out mostly accented (GB18030 as windows-1252: 99%).
const MAX_ACCENTED_PERCENT: usize = 50;

/// Fewer Latin letters than this give too unsteady a share to doubt by.
const MIN_LETTERS_MEASURED: usize = 100;

/// How many bytes of the text the census reads: over a thousand Chinese
/// characters or three thousand Latin letters give a steady share (a wrong
/// decoding's 70% varies by about three points), a page's encoding does not
/// change halfway, and the census costs a few microseconds at most.
const SAMPLE_BYTES: usize = 4 * 1024;

/// A block of double-byte codes of a national encoding: its lead bytes and,
/// for each lead, its trail bytes (inclusive ranges).
struct CodeBlock {
    encoding: &'static Encoding,
    leads: (u8, u8),
    trails: &'static [(u8, u8)],
}

/// Where the common Han characters lie: GB2312 level 1 (rows 0xB0–0xD7)
/// and Big5's frequent block (0xA440–0xC67E, whose last row ends at 0x7E).
static COMMON_HAN_BLOCKS: [CodeBlock; 3] = [
    CodeBlock { encoding: &GBK_INIT, leads: (0xB0, 0xD7), trails: &[(0xA1, 0xFE)] },
    CodeBlock { encoding: &BIG5_INIT, leads: (0xA4, 0xC5), trails: &[(0x40, 0x7E), (0xA1, 0xFE)] },
    CodeBlock { encoding: &BIG5_INIT, leads: (0xC6, 0xC6), trails: &[(0x40, 0x7E)] },
];

/// The first and last code point of the CJK Unified Ideographs block, where
/// every common Han character is.
const UNIFIED: (u32, u32) = (0x4E00, 0x9FFF);

/// The common Han characters, one bit per code point of [`UNIFIED`].
struct CommonHan(Vec<u64>);

impl CommonHan {
    /// Decodes every code of [`COMMON_HAN_BLOCKS`]: a few microseconds.
    fn build() -> CommonHan {
        let mut bits = vec![0u64; ((UNIFIED.1 - UNIFIED.0) / 64 + 1) as usize];
        for block in &COMMON_HAN_BLOCKS {
            let mut codes = Vec::new();
            for lead in block.leads.0..=block.leads.1 {
                for &(first, last) in block.trails {
                    codes.extend((first..=last).flat_map(|trail| [lead, trail]));
                }
            }
            let (text, _) = block.encoding.decode_without_bom_handling(&codes);
            for c in text.chars().map(u32::from).filter(|c| (UNIFIED.0..=UNIFIED.1).contains(c)) {
                let at = (c - UNIFIED.0) as usize;
                bits[at / 64] |= 1 << (at % 64);
            }
        }
        CommonHan(bits)
    }

    /// For a character of [`UNIFIED`], where nearly every Han character of
    /// a page is, whether it is common; `None` for any other character.
    fn get(&self, c: char) -> Option<bool> {
        let at = u32::from(c).checked_sub(UNIFIED.0).filter(|&at| at <= UNIFIED.1 - UNIFIED.0)? as usize;
        Some(self.0[at / 64] & (1 << (at % 64)) != 0)
    }
}

/// The common Han characters, built once and never changed after.
static COMMON_HAN: LazyLock<CommonHan> = LazyLock::new(CommonHan::build);

/// Letters of the Latin-1 Supplement and Latin Extended-A and -B blocks:
/// `é`, `ß`, `ł`, `ơ`, and what other scripts become when read as
/// windows-1252 (`Ê`, `Ð`, `Ï`).
fn is_accented_latin(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}') && c.is_alphabetic()
}

/// Counts of characters in a prefix of a text that tell how plausible it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Census {
    /// Han characters.
    pub han: usize,
    /// Han characters that are common ones.
    pub common_han: usize,
    /// Kana and Hangul: Japanese and Korean, whose Han characters are
    /// measured by other standards.
    pub kana_hangul: usize,
    /// Latin letters, ASCII or accented.
    pub letters: usize,
    /// Accented Latin letters.
    pub accented: usize,
    /// Han characters with an ASCII letter on each side (`Soci茅t茅`): a
    /// Latin word's accented letters read as GBK.
    pub han_in_words: usize,
}

impl Census {
    /// Counts the first [`SAMPLE_BYTES`] of `text`.
    pub fn of(text: &str) -> Census {
        let mut end = text.len().min(SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let common: &CommonHan = &COMMON_HAN;
        let mut census = Census::default();
        let (mut letter_before, mut han_after_letter) = (false, false);
        for c in text[..end].chars() {
            if c.is_ascii() {
                let letter = c.is_ascii_alphabetic();
                census.letters += usize::from(letter);
                census.han_in_words += usize::from(letter && han_after_letter);
                (letter_before, han_after_letter) = (letter, false);
            } else {
                let han = census.count_wide(c, common);
                (letter_before, han_after_letter) = (false, han && letter_before);
            }
        }
        census
    }

    /// Counts a character beyond ASCII; returns whether it is Han.
    fn count_wide(&mut self, c: char, common: &CommonHan) -> bool {
        if let Some(common) = common.get(c) {
            self.han += 1;
            self.common_han += usize::from(common);
            return true;
        }
        if is_han(c) {
            self.han += 1;
            return true;
        }
        if is_kana(c) || is_hangul(c) {
            self.kana_hangul += 1;
        } else if is_accented_latin(c) {
            self.letters += 1;
            self.accented += 1;
        }
        false
    }

    /// Whether enough of the Han characters are common ones. Japanese and
    /// Korean text (kana or Hangul beside more than half as many Han) is
    /// not measured: its own forms (`駅`, `広`) are in neither Chinese set.
    /// (Big5 read as GB18030 has kana too, a quarter as many as Han, since
    /// GB2312 keeps kana where Big5 keeps its most common characters.)
    pub fn han_is_plausible(&self) -> bool {
        self.han < MIN_HAN_MEASURED
            || self.kana_hangul * 2 > self.han
            || self.common_han * 100 >= self.han * MIN_COMMON_HAN_PERCENT
    }

    /// Whether few enough of the Latin letters are accented.
    pub fn latin_is_plausible(&self) -> bool {
        self.letters < MIN_LETTERS_MEASURED || self.accented * 100 <= self.letters * MAX_ACCENTED_PERCENT
    }

    /// The doubt about text decoded in `encoding`, if the census gives one.
    pub fn doubt(&self, encoding: &'static Encoding) -> Option<DecodeNote> {
        if !self.han_is_plausible() {
            let percent = (self.common_han * 100 / self.han) as u32;
            Some(DecodeNote::RareHan { encoding, percent })
        } else if !self.latin_is_plausible() {
            let percent = (self.accented * 100 / self.letters) as u32;
            Some(DecodeNote::AccentedLatin { encoding, percent })
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GB18030, UTF_8, WINDOWS_1252};

    /// 001 line 126, and the Big5 fixture's lead.
    const SIMPLIFIED: &str = "新华社北京2月23日电 统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议召开";
    const TRADITIONAL: &str = "行政院會今天通過新版能源政策草案，預計將在下個會期送交立法院審議。";

    fn repeated(text: &str) -> String {
        text.repeat(MIN_HAN_MEASURED / 10)
    }

    #[test]
    fn common_han_are_the_gb2312_level_1_and_big5_frequent_ones() {
        let common = CommonHan::build();
        assert!("的是中国报讯會議預經濟".chars().all(|c| common.get(c) == Some(true)));
        // GB2312 level 2, GBK only, Big5 less frequent; outside the block.
        assert!("亍謇鍙甯".chars().all(|c| common.get(c) == Some(false)));
        assert_eq!(common.get('㐀'), None);
    }

    #[test]
    fn real_chinese_simplified_or_traditional_is_plausible() {
        for text in [SIMPLIFIED, TRADITIONAL] {
            let census = Census::of(&repeated(text));
            assert!(census.han >= MIN_HAN_MEASURED);
            assert_eq!(census.doubt(UTF_8), None, "{text}");
        }
    }

    #[test]
    fn chinese_decoded_in_the_wrong_chinese_encoding_is_rare_han() {
        let cases = [(GB18030, BIG5, TRADITIONAL), (BIG5, GB18030, SIMPLIFIED)];
        for (wrong, right, text) in cases {
            let (bytes, _, _) = right.encode(text);
            let (misread, _) = wrong.decode_without_bom_handling(&bytes);
            let doubt = Census::of(&repeated(&misread)).doubt(wrong);
            assert!(matches!(doubt, Some(DecodeNote::RareHan { percent, .. }) if percent < 80), "{misread}: {doubt:?}");
        }
    }

    #[test]
    fn few_han_characters_are_not_measured() {
        let (bytes, _, _) = BIG5.encode(TRADITIONAL);
        let (misread, _) = GB18030.decode_without_bom_handling(&bytes);
        assert!(Census::of(&misread).han < MIN_HAN_MEASURED);
        assert_eq!(Census::of(&misread).doubt(GB18030), None);
    }

    #[test]
    fn japanese_kanji_are_not_measured_by_chinese_standards() {
        let japanese = "駅前の広場で売り出しが始まり、図書館の前まで人が並んだ。";
        assert_eq!(Census::of(&repeated(japanese)).doubt(UTF_8), None);
    }

    #[test]
    fn latin_text_with_accents_is_plausible() {
        let pages = [
            "L'été dernier, la Société générale a annoncé une hausse de ses bénéfices. ",
            "Die Größe der Straßenbahn überrascht die Bürger von Köln und Düsseldorf. ",
            "Zażółć gęślą jaźń, powiedział prezydent Wałęsa w Łodzi i Gdańsku. ",
        ];
        for text in pages {
            assert_eq!(Census::of(&text.repeat(4)).doubt(WINDOWS_1252), None, "{text}");
        }
    }

    #[test]
    fn another_script_read_as_windows_1252_is_accented_latin() {
        for (encoding, text) in
            [(GB18030, SIMPLIFIED), (encoding_rs::WINDOWS_1251, "Президент России заявил сегодня в Москве")]
        {
            let (bytes, _, _) = encoding.encode(text);
            let (misread, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
            let doubt = Census::of(&misread.repeat(4)).doubt(WINDOWS_1252);
            assert!(matches!(doubt, Some(DecodeNote::AccentedLatin { .. })), "{misread}: {doubt:?}");
        }
    }

    #[test]
    fn han_between_ascii_letters_is_counted() {
        assert_eq!(Census::of("L'茅t茅 dernier, Soci茅t茅 g茅n茅rale").han_in_words, 3);
        assert_eq!(Census::of("A股B股，iPhone手机").han_in_words, 1);
    }
}
