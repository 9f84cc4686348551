//! Stage 1, decode: the bytes of a page dump → UTF-8 text with LF line ends.
//!
//! Input: the raw bytes of one file and, optionally, an encoding the user
//! forced with `--encoding`. Output: a [`Decoded`] text, or the reason the
//! bytes are not text at all ([`NotText`]).
//!
//! The order of evidence is fixed: a byte order mark; NUL bytes, which in a
//! text dump only UTF-16 produces (a BOM-less UTF-16 file is read in the
//! byte order that yields plausible text); UTF-8, strict or with a few bad
//! sequences among many good ones (a stray byte must not turn a page into
//! windows-1252 mojibake); otherwise
//! `chardetng` picks the legacy encoding (GB18030/GBK, Big5, Shift_JIS,
//! EUC-KR, windows-125x) and `encoding_rs` decodes it. Bad bytes are a
//! count, not an error, as in encoding_rs: each malformed sequence becomes
//! U+FFFD and its position is kept, so `pages.jsonl` can say how many fell
//! on each page. Then CRLF and CR become LF, and control characters other
//! than `\n`, `\t` and `\f` are dropped (`\f` separates pages).

use std::fmt;

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8, UTF_16BE, UTF_16LE};

use crate::model::{Decoded, Page};

/// How much of a file chardetng looks at: enough for any page dump.
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
        Some(encoding) => (encoding, strip_bom(bytes, encoding)),
        None => detect(bytes)?,
    };
    if !is_utf16(encoding) && looks_binary(body) {
        return Err(NotText::Binary);
    }
    // UTF-8 was chosen because it validated (or forced): taken as it is if
    // valid; anything else goes through a decoder that counts malformed
    // sequences.
    let utf8 = if encoding == UTF_8 { String::from_utf8(body.to_vec()).ok() } else { None };
    let (raw, malformed) = match utf8 {
        Some(text) => (text, Vec::new()),
        None => decode_counting(encoding, body),
    };
    let (decoded, dropped) = if malformed.is_empty() && is_clean(raw.as_bytes()) {
        (Decoded { text: raw, encoding, malformed }, 0)
    } else {
        clean_text(&raw, &malformed, encoding)
    };
    if decoded.text.trim().is_empty() && dropped == 0 {
        return Err(NotText::Empty);
    }
    let bad = decoded.malformed.len() + dropped;
    if bad > 0 {
        let share = bad as f64 / (decoded.text.chars().count() + dropped) as f64;
        if share > MAX_BAD_SHARE {
            return Err(NotText::Undecodable { percent: (share * 100.0).round() as u32 });
        }
    }
    Ok(decoded)
}

/// Whether UTF-8 text has nothing for cleaning to do: no CR, no control
/// characters but LF, tab and form feed (C1 controls are `C2 80`–`C2 9F`).
fn is_clean(bytes: &[u8]) -> bool {
    let control = |(i, &b): (usize, &u8)| {
        (b < 0x20 && !matches!(b, b'\n' | b'\t' | 0x0C))
            || b == 0x7F
            || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
    };
    !bytes.iter().enumerate().any(control)
}

/// The encoding to read `bytes` in, and the bytes after any BOM.
fn detect(bytes: &[u8]) -> Result<(&'static Encoding, &[u8]), NotText> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok((encoding, &bytes[bom_len..]));
    }
    if memchr_nul(bytes) {
        return utf16_without_bom(bytes).map(|e| (e, bytes)).ok_or(NotText::Binary);
    }
    if utf8_valid(bytes) || mostly_utf8(bytes) {
        return Ok((UTF_8, bytes));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECTION_PREFIX)];
    detector.feed(prefix, prefix.len() == bytes.len());
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // GBK decoding is GB18030 decoding; name it by the larger set.
    Ok((if guess == GBK { GB18030 } else { guess }, bytes))
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

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Control bytes other than tab, LF, FF, CR and ESC make up more than one
/// byte in twenty, or there is a NUL: no text encoding but UTF-16 does that.
fn looks_binary(bytes: &[u8]) -> bool {
    let controls = bytes.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0C | b'\r' | 0x1B)).count();
    bytes.contains(&0) || controls * 20 > bytes.len()
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

/// Line ends to LF, control characters other than `\n`, `\t`, `\f` dropped;
/// malformed offsets follow the text they point into. Also returns how many
/// control characters were dropped.
fn clean_text(raw: &str, malformed: &[usize], encoding: &'static Encoding) -> (Decoded, usize) {
    let mut text = String::with_capacity(raw.len());
    let mut dropped = 0;
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
            c if c.is_control() => dropped += 1,
            c => text.push(c),
        }
    }
    (Decoded { text, encoding, malformed: moved }, dropped)
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
        pages.push(Page { number: i + 1, text: part, malformed });
        start = end + 1;
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn control_characters_other_than_tab_lf_ff_are_dropped() {
        let page = b"a bell\x07 rang\tthen a page\x0Cbreak and an \x1Bescape in a long line";
        assert_eq!(text(page), "a bell rang\tthen a page\x0Cbreak and an escape in a long line");
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

    #[test]
    fn nul_bytes_outside_utf16_are_binary() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
        assert_eq!(decode(png, None).unwrap_err(), NotText::Binary);
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
}
