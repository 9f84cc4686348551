//! Stage 2, normalize: page text → [`Line`]s in a canonical form.
//!
//! Input: the decoded text of one page. Output: its lines, blank lines
//! kept, each in NFC with full-width Latin letters and digits made ASCII,
//! ASCII punctuation made full-width where it stands in Chinese text, and
//! the spacing that OCR and PDF extraction spoil repaired. Leading spaces
//! are not text but layout: they become the line's `indent` flag, which
//! rejoin reads as a paragraph start.
//!
//! Never NFKC on the whole text: it would turn `，（）` into ASCII. Spacing
//! repair removes letter-spacing (001 `第 一 时 间 选 派 14 名` →
//! `第一时间选派14名`), spaces beside full-width punctuation (001
//! `（记者董柏生） 我市`, `各县 （市） 区`) and between Chinese and digits
//! (004 `截至 2 月 25 日`), and keeps the spaces that separate words: names
//! (003 `李铮 冯芸`), headline phrases (004 `管控有效 服务有力`), Latin words.
//! A wider gap inside a letter-spaced line separates two words (a sample's
//! `孙 亚 文   张 昕` → `孙亚文 张昕`). Every rule is idempotent: normalizing
//! normalized text changes nothing.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::model::Line;
use crate::script::{
    ends_sentence, is_cjk, is_cjk_letter, is_cjk_punct, is_han, is_shared_punct, is_space, is_word_letter,
};
use crate::trace::Trace;

/// Soft hyphen: invisible inside a line, a split-word mark at its end.
const SOFT_HYPHEN: char = '\u{00AD}';

/// Normalizes every line of a page; blank lines stay, with empty text.
///
/// Spaces at the start and end of a line are layout, not text: an indent,
/// or the word gap at a line break. A page whose lines mostly carry them
/// (an OCR margin, padded lines) says nothing by them, and they are dropped.
pub fn normalize(page: &str, trace: &mut Trace) -> Vec<Line> {
    let raw: Vec<&str> = page.split('\n').collect();
    let filled = raw.iter().filter(|r| !r.trim_matches(is_space).is_empty());
    let (mut lines, mut leading, mut trailing) = (0usize, 0usize, 0usize);
    for r in filled {
        lines += 1;
        leading += usize::from(r.starts_with(is_space));
        trailing += usize::from(r.ends_with(is_space));
    }
    let (margin, padded) = (leading * 2 > lines, trailing * 2 > lines);
    let mut out: Vec<Line> = raw
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let text = normalize_line(raw);
            if trace.is_on() && raw.trim_matches(is_space) != text {
                trace.note(|| format!("normalize: line {}: {:?} → {text:?}", i + 1, raw.trim_matches(is_space)));
            }
            let filled = !text.is_empty();
            let indent = filled && !margin && raw.starts_with(is_space);
            let spaced_end = filled && !padded && raw.ends_with(is_space);
            Line { no: i + 1, text, indent, spaced_end }
        })
        .collect();
    if margin && !continuations_carry_spaces(&raw, &out) {
        for (line, raw) in out.iter_mut().zip(&raw) {
            line.indent = !line.text.is_empty() && raw.starts_with(is_space);
        }
    }
    out
}

/// Whether the lines that go on from an open line above them carry
/// leading spaces more than now and then (a quarter of them): then the
/// spaces are a margin. A page of short indented paragraphs has its
/// spaces on most lines too, but only on a paragraph's first line, hardly
/// ever on the lines that continue it (a web page's flush chrome lines
/// above indented text are no such evidence).
fn continuations_carry_spaces(raw: &[&str], lines: &[Line]) -> bool {
    let (mut continuing, mut carried) = (0usize, 0usize);
    for i in 1..lines.len() {
        if !lines[i].text.is_empty() && !lines[i - 1].text.is_empty() && !ends_sentence(&lines[i - 1].text) {
            continuing += 1;
            carried += usize::from(raw[i].starts_with(is_space));
        }
    }
    carried * 4 > continuing
}

/// Normalizes one line, leading and trailing spaces dropped.
pub fn normalize_line(raw: &str) -> String {
    let trimmed = raw.trim_matches(is_space);
    if trimmed.is_empty() {
        return String::new();
    }
    // Most column lines hold nothing any rule touches: CJK text without
    // spaces, ASCII punctuation or full-width letters. They stay as they are.
    if all_settled(trimmed) || plain_words(trimmed) {
        return trimmed.to_owned();
    }
    rework(trimmed)
}

/// Whether a line is Latin words and nothing any rule changes: ASCII but
/// tabs, and precomposed Latin letters, one space apart. No rule reads
/// Chinese context in it, no token of it is a single mark that
/// letter-spacing collapses, and it is NFC already.
fn plain_words(line: &str) -> bool {
    let plain = |c: char| (c.is_ascii() && c != '\t') || (('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic());
    !line.contains("  ") && line.chars().all(plain)
}

/// Normalizes a trimmed line by every rule.
fn rework(trimmed: &str) -> String {
    let stable = trimmed.chars().all(|c| c.is_ascii() || settled(c));
    let nfc: String = match stable || is_nfc_quick(trimmed.chars()) == IsNormalized::Yes {
        true => trimmed.to_owned(),
        false => trimmed.nfc().collect(),
    };
    let mut chars = map_chars(&nfc);
    // Dropped zero-width characters, or NFC, may have bared spaces at the ends.
    while chars.last() == Some(&' ') {
        chars.pop();
    }
    let start = chars.iter().position(|&c| c != ' ').unwrap_or(chars.len());
    chars.drain(..start);
    let chars = fullwidth_punctuation(chars);
    repair_spacing(&chars)
}

/// Whether every character of a line is [`settled`]: common ideographs
/// (U+5000–U+9FFF, three bytes led by 0xE5–0xE9) are, and are passed over
/// by their lead byte.
fn all_settled(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if (0xE5..=0xE9).contains(&bytes[i]) {
            i += 3;
            continue;
        }
        let c = line[i..].chars().next().expect("a character starts at a lead byte");
        if !settled(c) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// A character that no normalization rule changes or reads as context: a
/// CJK ideograph or punctuation mark, or an ASCII letter, digit or
/// punctuation other than the spaces and marks that rules convert. (All of
/// these are NFC and combine with nothing.)
fn settled(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '-' | '/' | '"' | '\'' | '+' | '=' | '*' | '&' | '#' | '@')
    } else {
        is_han(c)
            || ('\u{3001}'..='\u{303F}').contains(&c)
            || (is_cjk_punct(c) && !('\u{FF10}'..='\u{FF5A}').contains(&c))
            || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
    }
}

/// Full-width Latin letters and digits to ASCII, every kind of space to
/// ASCII space, zero-width characters and inner soft hyphens dropped.
fn map_chars(text: &str) -> Vec<char> {
    let count = text.chars().count();
    let mut out = Vec::with_capacity(count);
    for (i, c) in text.chars().enumerate() {
        match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                out.push(char::from_u32(c as u32 - 0xFEE0).expect("full-width alnum maps to ASCII"));
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            SOFT_HYPHEN if i + 1 < count => {}
            c if is_space(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The nearest non-space character before `i`.
fn before(chars: &[char], i: usize) -> Option<char> {
    chars[..i].iter().rev().copied().find(|&c| c != ' ')
}

/// The nearest non-space character after `i`.
fn after(chars: &[char], i: usize) -> Option<char> {
    chars[i + 1..].iter().copied().find(|&c| c != ' ')
}

/// Chinese context on the left: an ideograph or CJK punctuation, or a
/// closing curly quote after one.
fn cjk_before(c: Option<char>) -> bool {
    c.is_some_and(|c| is_cjk(c) || matches!(c, '”' | '’'))
}

/// ASCII `, ; : ? ! ( )` → `，；：？！（）` in Chinese context (003
/// `本报讯(河南日报记者 李铮 冯芸)3月17日,省委`), but not inside numbers and
/// times (`3,000`, `12:30`), URLs (`http://`) or Latin runs (`Reuters (AP)`).
///
/// One pass from left to right, each decision reading the characters as
/// the decisions before it left them. Brackets pair as a stack of open
/// ones; a `)` becomes full-width with its `(`, when the pass reaches it
/// (no decision in between reads it). What a `(` needs to know of the rest
/// of the line is gathered beforehand, so that a line of a million
/// brackets costs no more than a line of a million letters.
fn fullwidth_punctuation(mut chars: Vec<char>) -> Vec<char> {
    let holding_han = opens_holding_han(&chars);
    let mut opens = holding_han.into_iter();
    // For each `(` not yet closed: whether it was made full-width.
    let mut open: Vec<bool> = Vec::new();
    for i in 0..chars.len() {
        let c = chars[i];
        let wide = match c {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '?' => '？',
            '!' => '！',
            '(' => {
                let holds_han = opens.next().expect("every `(` was counted");
                let chinese = chinese_bracket(&chars, i, holds_han);
                if chinese {
                    chars[i] = '（';
                }
                open.push(chinese);
                continue;
            }
            ')' => {
                // A `)` whose `(` was not on this line goes by what is before it.
                let chinese = open.pop().unwrap_or_else(|| cjk_before(before(&chars, i)));
                if chinese {
                    chars[i] = '）';
                }
                continue;
            }
            _ => continue,
        };
        let (prev, next) = (before(&chars, i), after(&chars, i));
        let in_number = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let in_url = c == ':' && next == Some('/');
        let chinese = cjk_before(prev) || (next.is_some_and(is_cjk_letter) && !prev.is_some_and(is_word_letter));
        if chinese && !in_number && !in_url {
            chars[i] = wide;
        }
    }
    chars
}

/// For each `(` of a line, in order: whether an ideograph follows it before
/// its `)`, or, if it is not closed, anywhere after it. An ideograph inside
/// a pair is inside every pair around it too: a stack of open brackets
/// passes it down as pairs close.
fn opens_holding_han(chars: &[char]) -> Vec<bool> {
    let mut holds: Vec<bool> = Vec::new();
    // The open brackets, by their number among the line's `(`.
    let mut open: Vec<usize> = Vec::new();
    for &c in chars {
        match c {
            '(' => {
                open.push(holds.len());
                holds.push(false);
            }
            ')' => {
                let inner = open.pop();
                if let (Some(inner), Some(&outer)) = (inner, open.last()) {
                    holds[outer] |= holds[inner];
                }
            }
            c if is_han(c) => {
                if let Some(&inner) = open.last() {
                    holds[inner] = true;
                }
            }
            _ => {}
        }
    }
    // Brackets left open: what follows the one above follows them too.
    let mut after = false;
    for &o in open.iter().rev() {
        after |= holds[o];
        holds[o] = after;
    }
    holds
}

/// Whether the `(` at `open` stands in Chinese text: after a CJK character,
/// or holding Chinese and not after a Latin word.
fn chinese_bracket(chars: &[char], open: usize, holds_han: bool) -> bool {
    let prev = before(chars, open);
    cjk_before(prev) || (holds_han && !prev.is_some_and(is_word_letter))
}

/// What a space-separated token is, for spacing repair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Token {
    /// One ideograph or CJK punctuation mark, or one ideograph with the
    /// punctuation beside it: the unit of letter-spacing.
    Single,
    /// A short run of digits, which letter-spaced lines leave whole (`14`),
    /// or a number's decimal point or percent sign spaced out with it
    /// (`3 6 . 5 亿`, `1 2 . 4 %`).
    Digits,
    /// Anything else: a word, a name, a Latin run.
    Word,
}

fn classify(token: &[char]) -> Token {
    let punct = |c: char| is_cjk_punct(c) || is_shared_punct(c);
    let ideographs = token.iter().filter(|&&c| is_han(c)).count();
    if ideographs <= 1 && token.iter().all(|&c| is_han(c) || punct(c)) {
        // One ideograph with its punctuation (`部、`, `“双`), or a mark.
        Token::Single
    } else if token.len() <= 4 && token.iter().all(|&c| c.is_ascii_digit() || matches!(c, '.' | '%')) {
        Token::Digits
    } else {
        Token::Word
    }
}

/// Removes the spaces that OCR and PDF extraction put where Chinese has
/// none, keeps one space between words, and leaves everything else alone.
fn repair_spacing(chars: &[char]) -> String {
    let mut tokens: Vec<&[char]> = Vec::new();
    let mut gaps: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && chars[i] != ' ' {
            i += 1;
        }
        tokens.push(&chars[start..i]);
        let gap_start = i;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        if i < chars.len() {
            gaps.push(i - gap_start);
        }
    }
    let kinds: Vec<Token> = tokens.iter().map(|t| classify(t)).collect();
    let spaced = letter_spaced_runs(&kinds, &gaps);
    let closed: Vec<bool> = (0..gaps.len())
        .map(|k| spaced[k] || joins_without_space(tokens[k][tokens[k].len() - 1], tokens[k + 1][0]))
        .collect();
    // The tokens a gap falls between, as they will stand once the closed
    // gaps are gone: what a second pass will see.
    let joined = |k: usize, forward: bool| -> Vec<char> {
        let (mut lo, mut hi) = (k, k);
        if forward {
            while hi < closed.len() && closed[hi] {
                hi += 1;
            }
        } else {
            while lo > 0 && closed[lo - 1] {
                lo -= 1;
            }
        }
        tokens[lo..=hi].concat()
    };
    let in_run = |t: usize| (t > 0 && spaced[t - 1]) || spaced.get(t).copied().unwrap_or(false);
    let mut out = String::with_capacity(chars.len());
    for (k, token) in tokens.iter().enumerate() {
        out.extend(token.iter());
        let Some(&gap) = gaps.get(k) else { break };
        let kept = if closed[k] {
            0
        } else if gap > 1
            && classify(&joined(k, false)) == Token::Single
            && classify(&joined(k + 1, true)) == Token::Single
            && !in_run(k)
            && !in_run(k + 1)
        {
            // Two lone ideographs far apart: leave them so, or a second
            // pass would read them as letter-spacing.
            gap
        } else {
            1
        };
        out.extend(std::iter::repeat_n(' ', kept));
    }
    out
}

/// Marks, per gap, whether it lies inside a letter-spaced run: three or
/// more single ideographs, punctuation marks or digit groups, one space
/// apart, at least two of them ideographs or marks. In a line that has
/// such a run, a run of two is letter-spaced too (a sample's
/// `亚 文   张 昕 ） 3 月 17 日` → `亚文 张昕）3月17日`).
fn letter_spaced_runs(kinds: &[Token], gaps: &[usize]) -> Vec<bool> {
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut start = 0;
    while start < kinds.len() {
        let mut end = start;
        while end + 1 < kinds.len() && kinds[end] != Token::Word && kinds[end + 1] != Token::Word && gaps[end] == 1 {
            end += 1;
        }
        let singles = kinds[start..=end].iter().filter(|&&k| k == Token::Single).count();
        runs.push((start, end, singles));
        start = end + 1;
    }
    let spaced_line = runs.iter().any(|&(s, e, singles)| e - s >= 2 && singles >= 2);
    let mut inside = vec![false; gaps.len()];
    for (s, e, singles) in runs {
        let spaced = (e - s >= 2 || (spaced_line && e > s)) && singles >= 2;
        if spaced {
            inside[s..e].iter_mut().for_each(|g| *g = true);
        }
    }
    inside
}

/// A space beside full-width punctuation, or between an ideograph and a
/// digit, is an extraction artefact.
fn joins_without_space(left: char, right: char) -> bool {
    let cjk_side = |c: char| is_han(c) || is_cjk_punct(c);
    is_cjk_punct(left)
        || is_cjk_punct(right)
        || (is_shared_punct(left) && cjk_side(right))
        || (is_shared_punct(right) && cjk_side(left))
        || (is_han(left) && right.is_ascii_digit())
        || (left.is_ascii_digit() && is_han(right))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize_line(s)
    }

    #[test]
    fn letter_spaced_ideographs_are_collapsed() {
        // 001 line 20
        assert_eq!(norm("第 一 时 间 选 派 14 名 县 级 干 部 、"), "第一时间选派14名县级干部、");
        // 004 line 261
        assert_eq!(norm("防 控 和 经 济 社 会 发 展 “ 双 胜"), "防控和经济社会发展“双胜");
    }

    #[test]
    fn wider_gap_in_letter_spaced_line_separates_words() {
        assert_eq!(norm("孙 亚 文   张 昕 ） 3 月 17 日 ， 省"), "孙亚文 张昕）3月17日，省");
        assert_eq!(norm("铮   冯 芸 ） 3 月 17 日"), "铮 冯芸）3月17日");
    }

    #[test]
    fn letter_spaced_numbers_keep_their_decimal_point() {
        assert_eq!(norm("投 资 3 6 . 5 亿 元 ， 同 比 增 长 1 2 . 4 % 。"), "投资36.5亿元，同比增长12.4%。");
        assert_eq!(norm("比 去 年 增 长 3.2 % ， 总 产 量 2 . 5 亿 公 斤"), "比去年增长3.2%，总产量2.5亿公斤");
        // not letter-spacing: Latin text keeps its spaces
        assert_eq!(norm("about 3 . 5 million"), "about 3 . 5 million");
    }

    #[test]
    fn a_pair_in_a_letter_spaced_line_is_letter_spaced_too() {
        assert_eq!(norm("亚 文   张 昕 ） 3 月 17 日 ， 省"), "亚文 张昕）3月17日，省");
        assert_eq!(norm("新 华 社 北 京 3 月 17 日 电   中 共"), "新华社北京3月17日电 中共");
        assert_eq!(norm("王 凯"), "王 凯");
    }

    #[test]
    fn spaces_beside_fullwidth_punctuation_are_removed() {
        // 001 lines 6 and 56
        assert_eq!(norm("本报讯（记者董柏生） 我市"), "本报讯（记者董柏生）我市");
        assert_eq!(norm("指导各县 （市） 区火线提拔 21 名"), "指导各县（市）区火线提拔21名");
        // 004 line 173
        assert_eq!(norm("机构改革后运转及 《中国共产党机构编制"), "机构改革后运转及《中国共产党机构编制");
    }

    #[test]
    fn spaces_between_chinese_and_digits_are_removed() {
        // 004 line 213
        assert_eq!(norm("缓解。截至 2 月 25 日，我市 1101"), "缓解。截至2月25日，我市1101");
    }

    #[test]
    fn spaces_between_words_are_kept() {
        assert_eq!(norm("管控有效 服务有力"), "管控有效 服务有力");
        assert_eq!(norm("本报讯（河南日报记者 李"), "本报讯（河南日报记者 李");
        assert_eq!(norm("中华网 china.com"), "中华网 china.com");
        assert_eq!(norm("well  known   words"), "well known words");
    }

    #[test]
    fn ascii_punctuation_becomes_fullwidth_in_chinese_context() {
        // 003 line 7
        assert_eq!(
            norm("本报讯(河南日报记者 李铮 冯芸)3月17日,省委召开"),
            "本报讯（河南日报记者 李铮 冯芸）3月17日，省委召开"
        );
        assert_eq!(norm("各县(市、区)和有关部门"), "各县（市、区）和有关部门");
        assert_eq!(norm("复工复产率达82.8%,复工"), "复工复产率达82.8%，复工");
        assert_eq!(norm("(责任编辑:news10)"), "（责任编辑：news10）");
    }

    #[test]
    fn ascii_punctuation_stays_in_numbers_urls_and_latin() {
        assert_eq!(norm("2021-12-14 16:43:32"), "2021-12-14 16:43:32");
        assert_eq!(norm("共3,000人"), "共3,000人");
        assert_eq!(norm("见http://example.com"), "见http://example.com");
        assert_eq!(norm("Reuters (AP), London: rain!"), "Reuters (AP), London: rain!");
    }

    #[test]
    fn a_line_of_unpaired_brackets_stays_ascii() {
        // OCR noise: 200 KB of one bracket (each `)` once searched all pairs).
        for bracket in ["(", ")"] {
            let line = bracket.repeat(200_000);
            assert_eq!(norm(&line), line);
        }
    }

    #[test]
    fn unclosed_brackets_before_chinese_become_fullwidth() {
        // Each unclosed `(` once scanned the rest of the line for an ideograph.
        let n = 100_000;
        assert_eq!(norm(&format!("{}中", "(".repeat(n))), format!("{}中", "（".repeat(n)));
        assert_eq!(norm(&"中(".repeat(n)), "中（".repeat(n));
    }

    #[test]
    fn brackets_nested_around_chinese_become_fullwidth() {
        // Each pair once scanned its inside for an ideograph.
        let n = 100_000;
        let line = format!("{}中{}", "(".repeat(n), ")".repeat(n));
        assert_eq!(norm(&line), format!("{}中{}", "（".repeat(n), "）".repeat(n)));
        assert_eq!(norm("(a(中)b)c"), "（a(中)b）c");
        assert_eq!(norm("(a(b)c)中"), "(a(b)c)中");
    }

    #[test]
    fn fullwidth_letters_and_digits_become_ascii() {
        assert_eq!(norm("Ａ０２版"), "A02版");
    }

    fn layout(page: &str) -> Vec<(bool, bool)> {
        normalize(page, &mut Trace::off()).iter().map(|l| (l.indent, l.spaced_end)).collect()
    }

    #[test]
    fn leading_spaces_are_an_indent_and_trailing_ones_a_word_gap() {
        let page = "甲\n 本报讯\n记者 \n乙\n\u{3000}\u{3000}正文\n   ";
        let expected = [(false, false), (true, false), (false, true), (false, false), (true, false), (false, false)];
        assert_eq!(layout(page), expected);
    }

    #[test]
    fn short_indented_paragraphs_are_no_margin() {
        // Most lines carry the indent, but no line that continues a
        // sentence does.
        let page = "\u{3000}\u{3000}雨停了。\n\u{3000}\u{3000}江水开始回落，沿岸\n村庄恢复通电。\n\u{3000}\u{3000}学校周一复课。\n";
        let indents: Vec<bool> = layout(page).into_iter().map(|(indent, _)| indent).collect();
        assert_eq!(indents, [true, true, false, true, false]);
    }

    #[test]
    fn flush_chrome_above_indented_web_text_leaves_the_spaces_a_margin() {
        let page = "晨报网\n首页 > 新闻 > 社会\n分享到：微信\n民生\n标题\n\u{3000}\u{3000}第一段。\n\u{3000}\u{3000}小标题\n\
                    \u{3000}\u{3000}第二段。\n\u{3000}\u{3000}小标题二\n\u{3000}\u{3000}第三段。\n\u{3000}\u{3000}第四段。\n\u{3000}\u{3000}第五段。\n";
        assert!(layout(page).iter().all(|&(indent, _)| !indent));
    }

    #[test]
    fn a_margin_on_most_lines_is_no_indent() {
        assert_eq!(layout("  a\n  b\nc \n"), [(false, false), (false, false), (false, true), (false, false)]);
    }

    #[test]
    fn inner_soft_hyphens_vanish_and_a_final_one_stays() {
        assert_eq!(norm("inter\u{AD}national"), "international");
        assert_eq!(norm("inter\u{AD}"), "inter\u{AD}");
    }

    #[test]
    fn kana_and_hangul_are_not_letter_spacing() {
        assert_eq!(norm("한국 의 신문"), "한국 의 신문");
        assert_eq!(norm("東京 は 晴れ"), "東京 は 晴れ");
    }

    #[test]
    fn settled_lines_are_the_same_by_either_path() {
        for s in ["有的从事核酸检测“连轴转”，轻伤不下火", "截至2月22日24时", "82.8%。", "Ａ０２版"]
        {
            let slow = repair_spacing(&fullwidth_punctuation(map_chars(s)));
            assert_eq!(norm(s), slow, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_line_settled_by_bytes_is_settled_by_characters(line in "[a-z0-9 .,中文字䷀㐀丁鿿ＡＢ，。“”—é\t]{0,20}") {
            proptest::prop_assert_eq!(all_settled(&line), line.chars().all(settled));
        }

        #[test]
        fn plain_words_are_what_every_rule_leaves_alone(line in "[a-zA-Z0-9 .,;:?!()'\"/éüßÀł\t-]{1,30}") {
            let trimmed = line.trim_matches(is_space);
            if !trimmed.is_empty() && plain_words(trimmed) {
                proptest::prop_assert_eq!(rework(trimmed), trimmed);
            }
        }
    }

    #[test]
    fn normalizing_twice_changes_nothing() {
        for s in ["甲 乙   丙", "孙 亚 文   张 昕", "李   冯", "a ( b ) 中", "( 中 )", "市  市 0", "市  市 ，"]
        {
            let once = norm(s);
            assert_eq!(norm(&once), once, "{s:?}");
        }
    }
}
