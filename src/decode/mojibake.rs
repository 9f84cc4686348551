//! Mojibake: UTF-8 text that was once read in another encoding and saved
//! again, so that each of its characters became two to four (`été` →
//! `Ã©tÃ©`, `中国` → `ä¸­å›½` as windows-1252, `涓浗` as GBK).
//!
//! The repair is ftfy's: encode the text back into the encoding it was
//! misread in and read the bytes as UTF-8. It is made only when it is
//! unambiguous, on the whole text: every character must map back to a byte
//! of that encoding, the bytes must be UTF-8 but where the misreading lost
//! bytes, and at least one character must span several bytes. Real text
//! fails at once: `été` maps back to `E9 74 E9`, which is not UTF-8, and
//! Chinese has no windows-1252 bytes at all.
//!
//! A misreading that turned undecodable bytes into U+FFFD lost them:
//! windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, GBK has
//! no character for a lead byte before an ASCII one. Each such loss comes
//! back as one U+FFFD, counted as malformed, while the rest of the text is
//! restored.
//!
//! Cheap on clean text: the windows-1252 repair is tried only where a
//! misread lead byte stands before a misread continuation byte (`Ã©`), which
//! a scan for the byte 0xC3 finds (Chinese UTF-8 holds none); the GBK repair
//! only where the [`Census`] finds implausible Han characters or Han
//! characters inside Latin words (`Soci茅t茅`).

use encoding_rs::GBK;

use super::plausible::Census;

/// What windows-1252 reads bytes 0x80–0x9F as. The five bytes it leaves
/// undefined read as the C1 control of the same number, as in ISO-8859-1,
/// whose reading of all 32 bytes is a C1 control.
#[rustfmt::skip]
const WINDOWS_1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The byte put back where the misreading left U+FFFD: a continuation
/// byte, as the bytes windows-1252 loses always are, so that the character
/// it was part of is found and replaced whole.
const LOST_BYTE: u8 = 0x80;

/// A repaired text.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Repair {
    /// The text as it was before the misreading.
    pub text: String,
    /// Byte offsets into `text` of each U+FFFD that stands for lost bytes.
    pub malformed: Vec<usize>,
    /// The encoding the UTF-8 had been misread in.
    pub read_as: &'static str,
}

/// Bytes that a text was read from, and where bytes were lost.
struct Unread {
    bytes: Vec<u8>,
    lost: Vec<usize>,
}

/// Undoes one misreading of `text`, whose census is `census`, if one is
/// certain.
pub(super) fn repair(text: &str, census: &Census) -> Option<Repair> {
    if misread_as_windows_1252(text) {
        let (unread, read_as) = unread_windows_1252(text)?;
        let (text, malformed) = reread_utf8(&unread)?;
        return Some(Repair { text, malformed, read_as });
    }
    if !census.han_is_plausible() || census.han_in_words > 0 {
        let (text, malformed) = reread_utf8(&unread_gbk(text)?)?;
        // A real text must come out: mojibake of mojibake is repaired in a
        // later round, but never into rare characters.
        return Census::of(&text).han_is_plausible().then_some(Repair { text, malformed, read_as: "GBK" });
    }
    None
}

/// Whether a UTF-8 lead byte read as windows-1252 (`Â`–`ô`, U+00C2–U+00F4,
/// each encoded as 0xC3 and a second byte) stands before a continuation
/// byte read so (U+0080–U+00BF, one of [`WINDOWS_1252_80_9F`], or U+FFFD).
fn misread_as_windows_1252(text: &str) -> bool {
    let bytes = text.as_bytes();
    if !bytes.contains(&0xC3) {
        // Chinese, or ASCII: a quick search, and done.
        return false;
    }
    let mut from = 0;
    while let Some(found) = bytes[from..].iter().position(|&b| b == 0xC3) {
        let at = from + found;
        // 0xC3 leads a two-byte character, so `at + 2` is a boundary.
        let lead = bytes.get(at + 1).is_some_and(|b| (0x82..=0xB4).contains(b));
        if lead && text[at + 2..].chars().next().is_some_and(is_continuation_as_windows_1252) {
            return true;
        }
        from = at + 1;
    }
    false
}

fn is_continuation_as_windows_1252(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{BF}' | '\u{FFFD}') || WINDOWS_1252_80_9F.contains(&c)
}

/// The bytes `text` was read from as windows-1252 (or ISO-8859-1: a C1
/// control that windows-1252 would have read as a character names it).
fn unread_windows_1252(text: &str) -> Option<(Unread, &'static str)> {
    let mut unread = Unread { bytes: Vec::with_capacity(text.len()), lost: Vec::new() };
    let mut latin1 = false;
    for c in text.chars() {
        let byte = match c {
            '\u{0}'..='\u{FF}' => {
                latin1 |= matches!(c, '\u{80}'..='\u{9F}') && !WINDOWS_1252_80_9F.contains(&c);
                c as u8
            }
            '\u{FFFD}' => {
                unread.lost.push(unread.bytes.len());
                LOST_BYTE
            }
            c => 0x80 + WINDOWS_1252_80_9F.iter().position(|&x| x == c)? as u8,
        };
        unread.bytes.push(byte);
    }
    Some((unread, if latin1 { "ISO-8859-1" } else { "windows-1252" }))
}

/// The bytes `text` was read from as GBK.
fn unread_gbk(text: &str) -> Option<Unread> {
    let mut unread = Unread { bytes: Vec::with_capacity(text.len()), lost: Vec::new() };
    for (i, piece) in text.split('\u{FFFD}').enumerate() {
        if i > 0 {
            unread.lost.push(unread.bytes.len());
            unread.bytes.push(LOST_BYTE);
        }
        let (bytes, _, unmappable) = GBK.encode(piece);
        if unmappable {
            return None;
        }
        unread.bytes.extend_from_slice(&bytes);
    }
    Some(unread)
}

/// Reads unread bytes as UTF-8, with the byte offset of each U+FFFD put in.
/// A character that spans a lost byte, or a run of bytes that forms no
/// character, becomes one U+FFFD. More such runs than lost bytes, or no
/// character of several bytes, and the bytes were never UTF-8: `None`.
fn reread_utf8(unread: &Unread) -> Option<(String, Vec<usize>)> {
    let mut text = String::with_capacity(unread.bytes.len());
    let mut malformed = Vec::new();
    let mut lost = unread.lost.iter().copied().peekable();
    // Whether a lost byte lies before `end`; passes over all such.
    let mut lost_before = |end: usize| {
        let mut any = false;
        while lost.next_if(|&l| l < end).is_some() {
            any = true;
        }
        any
    };
    let (mut at, mut wide, mut in_run) = (0, false, false);
    let mut damage = |text: &mut String, in_run: &mut bool| {
        if !*in_run {
            malformed.push(text.len());
            text.push('\u{FFFD}');
        }
        *in_run = true;
    };
    for chunk in unread.bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            at += c.len_utf8();
            if lost_before(at) {
                damage(&mut text, &mut in_run);
            } else {
                text.push(c);
                (wide, in_run) = (wide || !c.is_ascii(), false);
            }
        }
        if !chunk.invalid().is_empty() {
            at += chunk.invalid().len();
            lost_before(at);
            damage(&mut text, &mut in_run);
        }
    }
    (wide && malformed.len() <= unread.lost.len()).then_some((text, malformed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as UTF-8 misread in a single-byte table (byte → character),
    /// with `lost` bytes read as U+FFFD.
    fn misread(text: &str, table: impl Fn(u8) -> char) -> String {
        text.bytes().map(table).collect()
    }

    fn windows_1252(b: u8) -> char {
        match b {
            0x80..=0x9F => WINDOWS_1252_80_9F[usize::from(b - 0x80)],
            _ => char::from(b),
        }
    }

    /// Python's `decode("cp1252", errors="replace")`: undefined bytes lost.
    fn windows_1252_lossy(b: u8) -> char {
        match b {
            0x81 | 0x8D | 0x8F | 0x90 | 0x9D => '\u{FFFD}',
            _ => windows_1252(b),
        }
    }

    fn repaired(text: &str) -> Option<Repair> {
        repair(text, &Census::of(text))
    }

    /// Asserts that the repaired text is `original` but for characters lost, each
    /// of which is one U+FFFD at an offset in `malformed`.
    fn assert_restored(repair: &Repair, original: &str) {
        let (text, malformed) = (&repair.text, &repair.malformed);
        assert_eq!(text.chars().count(), original.chars().count(), "{text}");
        let lost =
            text.chars().zip(original.chars()).filter(|&(a, b)| a != b).inspect(|&(a, _)| assert_eq!(a, '\u{FFFD}'));
        assert_eq!(lost.count(), malformed.len(), "{text}");
        assert!(malformed.iter().all(|&at| text[at..].starts_with('\u{FFFD}')));
    }

    const CHINESE: &str = "本报讯（记者焦娟）3月17日下午，市委召开新冠肺炎疫情防控第十四次专题会议。";
    const LATIN: [&str; 3] = [
        "L'été dernier, la Société générale a annoncé « une hausse » — naïve façade, cœur.",
        "Die Größe der Straßenbahn überrascht die Bürger: „Qualität“ für 3 €.",
        "Zażółć gęślą jaźń – powiedział prezydent Wałęsa.",
    ];

    #[test]
    fn utf8_read_as_windows_1252_is_repaired() {
        for text in LATIN.iter().copied().chain([CHINESE]) {
            let repair = repaired(&misread(text, windows_1252)).expect("repaired");
            assert_eq!((repair.text.as_str(), repair.read_as), (text, "windows-1252"));
            assert!(repair.malformed.is_empty());
        }
    }

    #[test]
    fn utf8_read_as_iso_8859_1_is_repaired_and_named_so() {
        let mojibake = misread(CHINESE, char::from);
        assert!(mojibake.contains('\u{9B}'), "a C1 control that windows-1252 reads as `›`");
        let repair = repaired(&mojibake).expect("repaired");
        assert_eq!((repair.text.as_str(), repair.read_as), (CHINESE, "ISO-8859-1"));
    }

    #[test]
    fn bytes_lost_to_windows_1252_become_one_replacement_character_each() {
        let mojibake = misread(CHINESE, windows_1252_lossy);
        let lost = mojibake.matches('\u{FFFD}').count();
        assert!(lost > 0);
        let repair = repaired(&mojibake).expect("repaired");
        assert!(repair.malformed.len() <= lost, "two lost bytes of one character are one loss");
        assert_restored(&repair, CHINESE);
    }

    #[test]
    fn utf8_read_as_gbk_is_repaired() {
        // Three-byte characters read as GBK pair up across character bounds
        // (`甯傚`), and lose a byte before ASCII; accented letters of two
        // bytes come out as Han characters inside words (`Soci茅t茅`).
        let french = "L'été dernier, la Société générale a annoncé une hausse de ses bénéfices.";
        for (text, sign) in [(CHINESE.repeat(4), "鍙"), (french.into(), "茅")] {
            let (mojibake, _) = GBK.decode_without_bom_handling(text.as_bytes());
            assert!(mojibake.contains(sign), "{mojibake}");
            let repair = repaired(&mojibake).expect("repaired");
            assert_eq!(repair.read_as, "GBK");
            assert_restored(&repair, &text);
        }
    }

    #[test]
    fn real_text_is_never_repaired() {
        let cases = [
            CHINESE.to_owned(),
            CHINESE.repeat(8),
            "Größe, été, Ça va, à bientôt, Ñandú, São Paulo, naïveté».".to_owned(),
            // Windows-1252 characters that are mojibake signs, in real use.
            "Â© 2024 Müller & Söhne, Ã la carte, “Ärger” €5 — æsthetics".to_owned(),
            // Han inside Latin words, but real Chinese.
            "A股B股，iPhone手机".repeat(20),
            // Rare Han characters, really meant.
            "王琇张喆李昇赵珺刘玥陈铖杨旸黄翀周頔吴昉郑瑀孙祎马骉朱垚".repeat(10),
        ];
        for text in cases {
            assert_eq!(repaired(&text), None, "{text}");
        }
    }

    #[test]
    fn clean_text_is_not_even_tried() {
        assert!(!misread_as_windows_1252(CHINESE));
        assert!(!misread_as_windows_1252(LATIN[0]));
        assert!(misread_as_windows_1252(&misread("été", windows_1252)));
    }
}
