//! Stage 1, decode: the bytes of a page dump → UTF-8 text with LF line ends.
//!
//! Input: the raw bytes of one file and, optionally, an encoding the user
//! forced with `--encoding`. Output: a [`Decoded`] text, or the reason the
//! bytes are not text at all ([`NotText`]).
//!
//! The order of evidence is fixed: a byte order mark; then whether the
//! bytes are binary: NUL and control bytes that no text encoding but UTF-16
//! writes, more than one byte in twenty (a PNG, random bytes, a run of
//! NULs); UTF-8, strict or with a few bad sequences among many good ones (a
//! stray byte must not turn a page into windows-1252 mojibake); NUL bytes
//! in bytes that are not UTF-8, which only UTF-16 writes in text (a
//! BOM-less UTF-16 file is read in the byte order that yields plausible
//! text; binary bytes that are not UTF-16 are skipped); otherwise
//! `chardetng` picks the legacy encoding (GB18030/GBK, Big5, Shift_JIS,
//! EUC-KR, windows-125x) from the page's first kilobytes, and
//! `encoding_rs` decodes it; a guess that leaves malformed sequences is
//! checked against one from much more of the page.
//!
//! Bad bytes are a count, not an error, as in encoding_rs: each malformed
//! sequence becomes U+FFFD and its position is kept, so `pages.jsonl` can
//! say how many fell on each page. A few NULs or control bytes in a text
//! (a 20 KB page with one NUL) are bad bytes too: CRLF and CR become LF,
//! and every control character other than `\n`, `\t` and `\f` (`\f`
//! separates pages) becomes a counted U+FFFD.
//!
//! Then the text as a whole is checked. UTF-8 or UTF-16 text that was once
//! read in windows-1252 or GBK and saved again (mojibake) is repaired when
//! the repair is certain (module `mojibake`). Text whose characters are
//! implausible for its script gets a doubt (module `plausible`): EUC-TW
//! read as GB18030 has no malformed byte, but only 69–72% of its Han
//! characters are common ones, where a real page has 99.9%. Repairs and
//! doubts are notes of the file ([`DecodeNote`]), which become warnings on
//! each of its pages.

mod mojibake;
mod plausible;

use std::borrow::Cow;
use std::fmt;

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::model::{DecodeNote, Decoded, Page};
use plausible::Census;

/// Bytes fed to chardetng at a time.
const DETECTION_CHUNK: usize = 256;

/// Non-ASCII bytes after which chardetng has seen enough of a page: some
/// 300 CJK characters, or every accented letter of most Latin pages. A
/// guess that leaves malformed sequences is checked on more.
const DETECTION_EVIDENCE: usize = 600;

/// How much of a file chardetng looks at, at most: enough for any page dump.
const DETECTION_PREFIX: usize = 256 * 1024;

/// Bytes of UTF-8 a decoder writes per call.
const DECODE_CHUNK: usize = 64 * 1024;

/// Share of decoded characters that may be malformed or control characters
/// before a file counts as "mostly undecodable".
const MAX_BAD_SHARE: f64 = 0.25;

/// How many valid non-ASCII UTF-8 characters per bad sequence make a file
/// UTF-8 with a few bad bytes rather than a legacy encoding.
const UTF8_MAJORITY: usize = 20;

/// Share of UTF-16 code units that must be plausible text for a BOM-less
/// file with NUL bytes to be read as UTF-16.
const MIN_UTF16_PLAUSIBLE: f64 = 0.95;

/// One byte in this many may be a NUL or a control byte before a file is
/// binary rather than damaged text: compressed or random bytes have one in
/// eight, a page with a stray NUL one in thousands.
const BINARY_CONTROL_RATIO: usize = 20;

/// Why a file's bytes are not a page dump.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotText {
    /// The file holds no bytes.
    Empty,
    /// NUL bytes or control bytes that no text encoding produces.
    Binary,
    /// Most of the bytes form no character in the detected encoding.
    Undecodable {
        /// Percentage of characters that were malformed or control characters.
        percent: u32,
    },
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotText::Empty => write!(f, "empty file"),
            NotText::Binary => write!(f, "not text: binary data (NUL or control bytes)"),
            NotText::Undecodable { percent } => {
                write!(f, "not text: {percent}% of the characters are undecodable")
            }
        }
    }
}

/// Decodes a page dump. `forced` overrides detection (the BOM of the forced
/// encoding is still removed).
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, NotText> {
    if bytes.is_empty() {
        return Err(NotText::Empty);
    }
    let (encoding, body) = match forced {
        Some(encoding) => not_binary(encoding, strip_bom(bytes, encoding))?,
        None => detect(bytes)?,
    };
    // UTF-8 was chosen because it validated (or forced): taken as it is if
    // valid (by `encoding_rs`'s validator, faster than the standard
    // library's on CJK text); anything else goes through a decoder that
    // counts malformed sequences.
    let utf8 = match encoding == UTF_8 {
        true => UTF_8.decode_without_bom_handling_and_without_replacement(body).map(Cow::into_owned),
        false => None,
    };
    let (raw, malformed) = match utf8 {
        Some(text) => (text, Vec::new()),
        None => decode_counting(encoding, body),
    };
    let detected = forced.is_none() && !is_unicode(encoding);
    let (encoding, raw, malformed) = if detected && !malformed.is_empty() {
        reconsider(encoding, body, raw, malformed)
    } else {
        (encoding, raw, malformed)
    };
    let (raw, malformed, mut notes, census) = if is_unicode(encoding) {
        repair_mojibake(raw, malformed)
    } else {
        let census = Census::of(&raw);
        (raw, malformed, Vec::new(), census)
    };
    notes.extend(census.doubt(encoding));
    let (text, malformed) =
        if malformed.is_empty() && is_clean(raw.as_bytes()) { (raw, malformed) } else { clean_text(&raw, &malformed) };
    if text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    if !malformed.is_empty() {
        let share = malformed.len() as f64 / text.chars().count() as f64;
        if share > MAX_BAD_SHARE {
            return Err(NotText::Undecodable { percent: (share * 100.0).round() as u32 });
        }
    }
    Ok(Decoded { text, encoding, malformed, notes })
}

/// Undoes mojibake in text read from UTF-8 or UTF-16, as many times as it
/// was made (each repair leaves fewer characters, so this ends). Returns
/// the text, its malformed offsets, a note per repair, and the census of
/// the text returned.
fn repair_mojibake(mut text: String, mut malformed: Vec<usize>) -> (String, Vec<usize>, Vec<DecodeNote>, Census) {
    let mut notes = Vec::new();
    let mut census = Census::of(&text);
    while let Some(repair) = mojibake::repair(&text, &census) {
        notes.push(DecodeNote::Repaired { read_as: repair.read_as });
        (text, malformed) = (repair.text, repair.malformed);
        census = Census::of(&text);
    }
    (text, malformed, notes, census)
}

/// Whether UTF-8 text has nothing for cleaning to do: no CR, no control
/// characters but LF, tab and form feed (C1 controls are `C2 80`–`C2 9F`).
/// Read a block at a time: a block without a byte below space but LF,
/// `7F` or `C2` (a test the compiler does for many bytes at once) is
/// clean; only the others are read byte by byte.
fn is_clean(bytes: &[u8]) -> bool {
    const BLOCK: usize = 64;
    let plain = |b: u8| (b >= 0x20 || b == b'\n') && b != 0x7F && b != 0xC2;
    let control = |(i, &b): (usize, &u8)| {
        (b < 0x20 && !matches!(b, b'\n' | b'\t' | 0x0C))
            || b == 0x7F
            || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    };
    let block_clean = |(k, block): (usize, &[u8])| {
        block.iter().fold(true, |all, &b| all & plain(b))
            || !block.iter().enumerate().map(|(i, b)| (k * BLOCK + i, b)).any(control)
    };
    bytes.chunks(BLOCK).enumerate().all(block_clean)
}

/// The encoding to read `bytes` in, and the bytes after any BOM.
fn detect(bytes: &[u8]) -> Result<(&'static Encoding, &[u8]), NotText> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return not_binary(encoding, &bytes[bom_len..]);
    }
    let binary = looks_binary(bytes);
    let utf8 = !binary && (utf8_valid(bytes) || mostly_utf8(bytes));
    // A few NULs in UTF-8 are damage; in bytes that are not UTF-8, or too
    // many to be damage, they are the mark of UTF-16 or of binary data.
    if !utf8 && bytes.contains(&0) {
        if let Some(encoding) = utf16_without_bom(bytes) {
            return Ok((encoding, bytes));
        }
    }
    if binary {
        return Err(NotText::Binary);
    }
    if utf8 {
        return Ok((UTF_8, bytes));
    }
    Ok((guess_legacy(bytes, DETECTION_EVIDENCE), bytes))
}

/// A guess from a page's first kilobytes that leaves malformed sequences
/// is checked against a guess from all of [`DETECTION_PREFIX`]; the
/// decoding with fewer malformed sequences wins.
fn reconsider(
    guess: &'static Encoding,
    body: &[u8],
    raw: String,
    malformed: Vec<usize>,
) -> (&'static Encoding, String, Vec<usize>) {
    let second = guess_legacy(body, usize::MAX);
    if second != guess {
        let (second_raw, second_malformed) = decode_counting(second, body);
        if second_malformed.len() < malformed.len() {
            return (second, second_raw, second_malformed);
        }
    }
    (guess, raw, malformed)
}

/// The legacy encoding chardetng guesses for `bytes`. It is fed in chunks
/// until it has seen `evidence` non-ASCII bytes (a page's first kilobytes
/// tell as much as its whole, and chardetng costs some 2,000 instructions
/// a byte of CJK text, more than all the rest of cleaning), or
/// [`DETECTION_PREFIX`] bytes.
fn guess_legacy(bytes: &[u8], evidence: usize) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECTION_PREFIX)];
    let mut seen = 0;
    for (k, chunk) in prefix.chunks(DETECTION_CHUNK).enumerate() {
        let last = (k + 1) * DETECTION_CHUNK >= bytes.len();
        detector.feed(chunk, last);
        seen += chunk.iter().filter(|b| !b.is_ascii()).count();
        if seen >= evidence {
            break;
        }
    }
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // GBK decoding is GB18030 decoding; name it by the larger set.
    if guess == GBK { GB18030 } else { guess }
}

/// Whether bytes are UTF-8 but for a few bad sequences (a stray byte, a
/// truncated character): their valid non-ASCII characters outnumber the
/// bad sequences [`UTF8_MAJORITY`] to one. A legacy encoding forms valid
/// UTF-8 sequences only by chance, far fewer than its bad ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut wide, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    wide >= UTF8_MAJORITY * bad
}

/// Whether bytes are valid UTF-8, judged by `encoding_rs`'s validator,
/// which is faster than the standard library's on CJK text.
fn utf8_valid(bytes: &[u8]) -> bool {
    Encoding::utf8_valid_up_to(bytes) == bytes.len()
}

fn strip_bom<'a>(bytes: &'a [u8], encoding: &'static Encoding) -> &'a [u8] {
    match Encoding::for_bom(bytes) {
        Some((bom, len)) if bom == encoding => &bytes[len..],
        _ => bytes,
    }
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

/// Whether text in `encoding` was written as Unicode, so that mojibake in
/// it is a misreading made before it was saved.
fn is_unicode(encoding: &'static Encoding) -> bool {
    encoding == UTF_8 || is_utf16(encoding)
}

/// `body` to be read in `encoding`, unless it is binary.
fn not_binary<'a>(encoding: &'static Encoding, body: &'a [u8]) -> Result<(&'static Encoding, &'a [u8]), NotText> {
    if !is_utf16(encoding) && looks_binary(body) { Err(NotText::Binary) } else { Ok((encoding, body)) }
}

/// NULs and control bytes other than tab, LF, FF, CR and ESC make up more
/// than one byte in [`BINARY_CONTROL_RATIO`]: no text encoding but UTF-16
/// does that.
fn looks_binary(bytes: &[u8]) -> bool {
    let controls = bytes.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | 0x1B)).count();
    controls * BINARY_CONTROL_RATIO > bytes.len()
}

/// Reads BOM-less bytes with NULs as UTF-16 in the byte order whose code
/// units are nearly all plausible text; `None` if neither order is.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(DETECTION_PREFIX) & !1];
    let units = |little: bool| {
        sample
            .chunks_exact(2)
            .map(move |p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) })
    };
    let score = |little: bool| {
        let total = sample.len() / 2;
        let good = units(little).filter(|&u| plausible_unit(u)).count();
        good as f64 / total.max(1) as f64
    };
    let (le, be) = (score(true), score(false));
    if le >= MIN_UTF16_PLAUSIBLE && le >= be {
        Some(UTF_16LE)
    } else if be >= MIN_UTF16_PLAUSIBLE {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A UTF-16 code unit that occurs in newspaper text: printable ASCII and
/// line ends, Latin letters, general punctuation, CJK punctuation and
/// ideographs, kana, Hangul, full-width forms, surrogates.
fn plausible_unit(u: u16) -> bool {
    matches!(u,
        0x09 | 0x0A | 0x0C | 0x0D
        | 0x20..=0x7E
        | 0xA0..=0x24F
        | 0x370..=0x52F
        | 0x2000..=0x206F
        | 0x20A0..=0x20CF
        | 0x2100..=0x27BF
        | 0x3000..=0x30FF
        | 0x3130..=0x318F
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF
        | 0xD800..=0xDFFF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF)
}

/// Decodes without replacement so that each malformed sequence is seen:
/// it becomes U+FFFD and its byte offset in the output is recorded.
///
/// The decoder writes into a buffer of [`DECODE_CHUNK`] bytes, not into the
/// rest of the output: `encoding_rs` touches every memory page of the
/// space it is given, on every call, and a call returns at each malformed
/// sequence (a file with a bad byte on each of 100,000 pages took 13 s).
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, Vec<usize>) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2 + 16);
    let mut malformed = Vec::new();
    let mut chunk = vec![0u8; DECODE_CHUNK];
    let mut src = bytes;
    loop {
        let (result, read, written) = decoder.decode_to_utf8_without_replacement(src, &mut chunk, true);
        out.push_str(std::str::from_utf8(&chunk[..written]).expect("a decoder writes UTF-8"));
        src = &src[read..];
        match result {
            DecoderResult::InputEmpty => return (out, malformed),
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(_, _) => {
                malformed.push(out.len());
                out.push('\u{FFFD}');
            }
        }
    }
}

/// Line ends to LF; control characters other than `\n`, `\t`, `\f` become
/// U+FFFD and join the malformed offsets, which follow the text they point
/// into.
fn clean_text(raw: &str, malformed: &[usize]) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(raw.len());
    let mut moved = Vec::with_capacity(malformed.len());
    let mut pending = malformed.iter().peekable();
    let mut chars = raw.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if pending.peek() == Some(&&at) {
            pending.next();
            moved.push(text.len());
        }
        match c {
            '\r' => {
                text.push('\n');
                if chars.peek().is_some_and(|&(_, next)| next == '\n') {
                    chars.next();
                }
            }
            '\n' | '\t' | '\u{0C}' => text.push(c),
            c if c.is_control() => {
                moved.push(text.len());
                text.push('\u{FFFD}');
            }
            c => text.push(c),
        }
    }
    (text, moved)
}

/// Splits a decoded file into pages at form feeds. A form feed at the very
/// end (as `pdftotext` writes) does not open an empty last page.
pub fn pages(decoded: &Decoded) -> Vec<Page<'_>> {
    let mut pages = Vec::new();
    let mut start = 0;
    let text = decoded.text.as_str();
    let mut parts: Vec<&str> = text.split('\u{0C}').collect();
    if parts.len() > 1 && parts.last().is_some_and(|p| p.trim().is_empty()) {
        parts.pop();
    }
    // Malformed offsets are in text order: each page takes the next run of
    // them (a file of many pages with a bad byte on each once had every
    // page count through all of them).
    let mut offsets = decoded.malformed.as_slice();
    for (i, part) in parts.into_iter().enumerate() {
        let end = start + part.len();
        let on_page = offsets.partition_point(|&at| at < end);
        let malformed = offsets[..on_page].iter().filter(|&&at| at >= start).count();
        offsets = &offsets[on_page..];
        pages.push(Page { number: i + 1, text: part, malformed, notes: &decoded.notes });
        start = end + 1;
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Mostly plain bytes, with LF, the controls and `C2` sequences
        /// among them, across block boundaries.
        #[test]
        fn clean_text_is_told_a_block_at_a_time_as_byte_by_byte(
            bytes in proptest::collection::vec(
                prop_oneof![40 => 0x20u8..0x7F, 4 => Just(b'\n'), 2 => Just(0xC2u8), 2 => 0x80u8..0xA0, 1 => any::<u8>()],
                0..400,
            )
        ) {
            let control = |i: usize, b: u8| {
                (b < 0x20 && !matches!(b, b'\n' | b'\t' | 0x0C))
                    || b == 0x7F
                    || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
            };
            let byte_by_byte = !bytes.iter().enumerate().any(|(i, &b)| control(i, b));
            prop_assert_eq!(is_clean(&bytes), byte_by_byte);
        }
    }

    #[test]
    fn a_guess_that_leaves_malformed_sequences_is_checked_on_more_of_the_page() {
        let text = "本报讯 市政府昨日召开新闻发布会，介绍今年春耕备耕和农业生产情况。".repeat(40);
        let (bytes, _, _) = GB18030.encode(&text);
        let (raw, malformed) = decode_counting(encoding_rs::SHIFT_JIS, &bytes);
        assert!(!malformed.is_empty());
        let (encoding, raw, malformed) = reconsider(encoding_rs::SHIFT_JIS, &bytes, raw, malformed);
        assert_eq!((encoding, raw.as_str(), malformed.len()), (GB18030, text.as_str(), 0));
    }

    #[test]
    fn a_long_page_is_guessed_from_its_first_kilobytes_as_from_its_whole() {
        let text = "台灣新聞報導，市政府今日召開記者會，說明颱風過後的復原工作。".repeat(400);
        let (bytes, _, _) = encoding_rs::BIG5.encode(&text);
        assert_eq!(guess_legacy(&bytes, DETECTION_EVIDENCE), guess_legacy(&bytes, usize::MAX));
        assert_eq!(decode(&bytes, None).map(|d| d.encoding), Ok(encoding_rs::BIG5));
    }

    fn text(bytes: &[u8]) -> String {
        decode(bytes, None).expect("decodes").text
    }

    #[test]
    fn utf8_with_bom_loses_the_bom() {
        assert_eq!(text(b"\xEF\xBB\xBF\xE6\x9C\xAC\xE6\x8A\xA5"), "本报");
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(text(b"a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn control_characters_other_than_tab_lf_ff_become_counted_replacement_characters() {
        let page = b"a bell\x07 rang\tthen a page\x0Cbreak and an \x1Bescape in a long line";
        let decoded = decode(page, None).expect("decodes");
        assert_eq!(decoded.text, "a bell\u{FFFD} rang\tthen a page\x0Cbreak and an \u{FFFD}escape in a long line");
        assert_eq!(decoded.malformed, [6, 40]);
    }

    #[test]
    fn gb18030_is_detected() {
        let (bytes, _, _) = GB18030.encode("本报讯（记者焦娟）3月17日下午，市委书记主持召开会议。");
        let decoded = decode(&bytes, None).expect("decodes");
        assert_eq!(decoded.encoding, GB18030);
        assert_eq!(decoded.text, "本报讯（记者焦娟）3月17日下午，市委书记主持召开会议。");
    }

    #[test]
    fn a_stray_byte_in_utf8_is_one_malformed_sequence_not_another_encoding() {
        let mut bytes = "星島日報報道：特區政府今日公布新一份財政預算案，".as_bytes().to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice("涉及多項紓困措施。\n".as_bytes());
        let decoded = decode(&bytes, None).expect("decodes");
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.malformed.len(), 1);
        assert_eq!(decoded.text, "星島日報報道：特區政府今日公布新一份財政預算案，\u{FFFD}涉及多項紓困措施。\n");
    }

    #[test]
    fn legacy_bytes_are_not_taken_for_utf8() {
        for encoding in [GB18030, encoding_rs::BIG5] {
            let (bytes, _, _) = encoding.encode("本報訊（記者王小明）今日下午，市議會召開會議，討論預算案。");
            assert_ne!(decode(&bytes, None).expect("decodes").encoding, UTF_8);
        }
    }

    #[test]
    fn bomless_utf16le_is_recognised_by_its_units() {
        let page = "新华社北京2月23日电 统\n筹推进新冠肺炎疫情防控\n";
        let bytes: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let decoded = decode(&bytes, None).expect("decodes");
        assert_eq!(decoded.encoding, UTF_16LE);
        assert_eq!(decoded.text, page);
    }

    #[test]
    fn bomless_utf16be_is_recognised_by_its_units() {
        let page = "一二三 page one\n";
        let bytes: Vec<u8> = page.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&bytes, None).expect("decodes").encoding, UTF_16BE);
    }

    /// A page long enough that a stray byte is a small share of it (001's lead).
    const PAGE: &str = "新华社北京2月23日电 统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议召开。\n";

    /// `page` with `damage` put in at each of `places` (char boundaries).
    fn damaged(page: &str, damage: &[u8], places: &[usize]) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut from = 0;
        for &at in places {
            bytes.extend_from_slice(&page.as_bytes()[from..at]);
            bytes.extend_from_slice(damage);
            from = at;
        }
        bytes.extend_from_slice(&page.as_bytes()[from..]);
        bytes
    }

    #[test]
    fn a_few_nuls_or_control_bytes_in_a_page_become_counted_replacement_characters() {
        let page = PAGE.repeat(10);
        let middle = page.char_indices().nth(200).expect("long page").0;
        let placements: [&[usize]; 4] = [&[0], &[middle], &[page.len()], &[0, 3, middle, page.len() - 1]];
        for damage in [&b"\0"[..], b"\x01", b"\x1F\0"] {
            for places in placements {
                let decoded = decode(&damaged(&page, damage, places), None).expect("still text");
                assert_eq!(decoded.encoding, UTF_8);
                let expected = String::from_utf8(damaged(&page, &b"\xEF\xBF\xBD".repeat(damage.len()), places));
                assert_eq!(Ok(decoded.text), expected, "{damage:?} at {places:?}");
                assert_eq!(decoded.malformed.len(), damage.len() * places.len());
            }
        }
    }

    #[test]
    fn a_nul_in_a_legacy_page_is_damage_too() {
        let page = PAGE.repeat(10);
        let half = page.char_indices().nth(page.chars().count() / 2).expect("long page").0;
        let (first, second) = page.split_at(half);
        let bytes = [&GB18030.encode(first).0[..], b"\0", &GB18030.encode(second).0[..]].concat();
        let decoded = decode(&bytes, None).expect("still text");
        assert_eq!((decoded.encoding, decoded.malformed.len()), (GB18030, 1));
        assert_eq!(decoded.text, format!("{first}\u{FFFD}{second}"));
    }

    #[test]
    fn binary_data_is_not_text() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".as_slice();
        // A linear congruential generator: bytes as random as compressed data.
        let mut state = 1u32;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (state >> 16) as u8
            })
            .collect();
        let nuls = [&[0u8; 600][..], b"a line of text\n", &[0u8; 600]].concat();
        let bom_then_nuls = [b"\xEF\xBB\xBF".as_slice(), &nuls].concat();
        for bytes in [png, &random, &nuls, &bom_then_nuls] {
            assert_eq!(decode(bytes, None).unwrap_err(), NotText::Binary, "{:?}", &bytes[..16]);
            assert_eq!(decode(bytes, Some(UTF_8)).unwrap_err(), NotText::Binary, "forced");
        }
    }

    #[test]
    fn bomless_utf16_with_a_single_nul_is_still_utf16() {
        // One ASCII character, the final line end: one NUL in the file.
        let page = "統籌推進新冠肺炎疫情防控和經濟社會發展工作部署會議召開\n";
        let bytes: Vec<u8> = page.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(bytes.iter().filter(|&&b| b == 0).count(), 1);
        let decoded = decode(&bytes, None).expect("decodes");
        assert_eq!((decoded.encoding, decoded.text.as_str()), (UTF_16LE, page));
    }

    #[test]
    fn empty_file_is_not_text() {
        assert_eq!(decode(b"", None).unwrap_err(), NotText::Empty);
    }

    #[test]
    fn malformed_sequences_are_counted_and_replaced() {
        let mut bytes = GB18030.encode("本报讯记者焦娟报道市委书记主持会议").0.into_owned();
        bytes.push(0x81);
        let decoded = decode(&bytes, Some(GB18030)).expect("decodes");
        assert_eq!(decoded.malformed.len(), 1);
        assert!(decoded.text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn forced_encoding_wins_over_detection() {
        let bytes = "abc é".as_bytes();
        let decoded = decode(bytes, Some(encoding_rs::WINDOWS_1252)).expect("decodes");
        assert_eq!(decoded.text, "abc Ã©");
    }

    #[test]
    fn many_pages_each_with_a_bad_byte_count_one_each() {
        let mut bytes = Vec::new();
        for _ in 0..20_000 {
            bytes.extend_from_slice("本报讯（记者焦娟）昨日，市委书记主持召开会议。".as_bytes());
            bytes.extend_from_slice(b"\xFF\x0C");
        }
        let decoded = decode(&bytes, None).expect("decodes");
        assert_eq!(decoded.malformed.len(), 20_000);
        assert!(pages(&decoded).iter().all(|p| p.malformed == 1));
    }

    #[test]
    fn form_feed_splits_pages_and_a_final_one_opens_none() {
        let decoded = decode(b"one\n\x0Ctwo\n\x0C", None).expect("decodes");
        let pages = pages(&decoded);
        assert_eq!(pages.len(), 2);
        assert_eq!((pages[1].number, pages[1].text), (2, "two\n"));
    }

    /// `page` as UTF-8 misread in `encoding` and saved again as UTF-8.
    fn misread(page: &str, encoding: &'static Encoding) -> Vec<u8> {
        encoding.decode_without_bom_handling(page.as_bytes()).0.into_owned().into_bytes()
    }

    const LATIN: [&str; 2] = [
        "L'été dernier, la Société générale a annoncé « une hausse » de 3 % de ses bénéfices.\n",
        "Die Größe der Straßenbahn überrascht die Bürger: „Qualität“ für 3 € — schön.\n",
    ];

    #[test]
    fn utf8_misread_and_saved_again_is_repaired_and_noted() {
        let pages = [PAGE, LATIN[0], LATIN[1]];
        for page in pages {
            let decoded = decode(&misread(page, encoding_rs::WINDOWS_1252), None).expect("decodes");
            assert_eq!((decoded.text.as_str(), decoded.encoding), (page, UTF_8));
            assert_eq!(decoded.notes, [DecodeNote::Repaired { read_as: "windows-1252" }]);
        }
        // Read as GBK, two-byte characters come back whole.
        let decoded = decode(&misread(LATIN[0], GBK), None).expect("decodes");
        assert_eq!(
            (decoded.text.as_str(), &decoded.notes[..]),
            (LATIN[0], &[DecodeNote::Repaired { read_as: "GBK" }][..])
        );
    }

    #[test]
    fn utf8_read_as_iso_8859_1_is_repaired_not_skipped_as_undecodable() {
        // The reported "43% undecodable" file: every third character of
        // Chinese read as ISO-8859-1 is a C1 control.
        let mojibake: String = PAGE.repeat(3).bytes().map(char::from).collect();
        let decoded = decode(mojibake.as_bytes(), None).expect("decodes");
        assert_eq!(decoded.text, PAGE.repeat(3));
        assert_eq!(decoded.notes, [DecodeNote::Repaired { read_as: "ISO-8859-1" }]);
    }

    #[test]
    fn utf8_misread_twice_is_repaired_twice() {
        let twice = String::from_utf8(misread(
            &String::from_utf8(misread(LATIN[1], encoding_rs::WINDOWS_1252)).expect("UTF-8"),
            encoding_rs::WINDOWS_1252,
        ));
        let decoded = decode(twice.expect("UTF-8").as_bytes(), None).expect("decodes");
        assert_eq!(decoded.text, LATIN[1]);
        assert_eq!(decoded.notes, [DecodeNote::Repaired { read_as: "windows-1252" }; 2]);
    }

    #[test]
    fn real_text_in_latin_1_letters_or_chinese_is_left_as_it_is() {
        let pages = [
            LATIN[0],
            LATIN[1],
            PAGE,
            "São Paulo, Ñandú, naïveté», Ærø, Œuvre: l'Ã est une lettre.\n",
            "Â© 2024 Müller & Söhne — “Ärger” um 5 €.\n",
        ];
        for page in pages {
            let decoded = decode(page.as_bytes(), None).expect("decodes");
            assert_eq!((decoded.text.as_str(), decoded.notes.as_slice()), (page, &[][..]));
        }
    }

    #[test]
    fn han_decoded_in_the_wrong_encoding_is_doubted_on_every_page() {
        // Traditional Chinese in EUC-TW, which encoding_rs cannot read:
        // valid GB18030 throughout (made with `iconv -t EUC-TW` from the
        // Big5 fixture's page and a second page with plane-2 characters).
        let bytes = include_bytes!("../tests/fixtures/encodings/zh-hant-euc-tw.txt");
        let decoded = decode(bytes, None).expect("decodes");
        assert_eq!((decoded.encoding, decoded.malformed.len()), (GB18030, 0));
        assert_eq!(decoded.notes, [DecodeNote::RareHan { encoding: GB18030, percent: 69 }]);
        let pages = pages(&decoded);
        assert_eq!(pages.len(), 2);
        assert!(pages.iter().all(|page| page.notes == decoded.notes));
    }
}
