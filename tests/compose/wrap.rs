//! Line breaking as a printed column does it: Chinese text cut at a width
//! (full-width characters count two, ASCII one; numbers and Latin words
//! stay whole; closing punctuation never starts a line), Latin text cut
//! between words or inside a long word with a hyphen (a compound breaks
//! at its own hyphen), and OCR's letter-spaced lines (`第 一 时 间`).

/// Display width of a character in half-width units.
fn char_width(c: char) -> usize {
    if c.is_ascii() { 1 } else { 2 }
}

/// Characters that never start a line of Chinese text.
fn is_closing(c: char) -> bool {
    "，。、；：？！）》”’」』…,.;:?!)%".contains(c)
}

/// Chinese text as units that a line break may not split: runs of ASCII
/// letters and digits (`36.5`, `GWh`), otherwise one character.
fn cjk_tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut prev_ascii = false;
    for c in text.chars() {
        let ascii = c.is_ascii_alphanumeric() || (prev_ascii && ".%".contains(c));
        match tokens.last_mut() {
            Some(last) if ascii && prev_ascii => last.push(c),
            _ => tokens.push(c.to_string()),
        }
        prev_ascii = ascii;
    }
    tokens
}

/// Chinese text cut into lines of at most `units` half-width units.
pub fn wrap_cjk(text: &str, units: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut line, mut used) = (String::new(), 0);
    for token in cjk_tokens(text) {
        let w: usize = token.chars().map(char_width).sum();
        let opens_line = token.starts_with(is_closing);
        if used + w > units && !line.is_empty() && !opens_line {
            lines.push(line.trim_end().to_string());
            (line, used) = (String::new(), 0);
            if token == " " {
                continue;
            }
        }
        line.push_str(&token);
        used += w;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Latin text cut into lines of at most `width` characters; long words
/// are hyphenated at the line end when `hyphenate` is set.
pub fn wrap_latin(text: &str, width: usize, hyphenate: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word = word.to_string();
        loop {
            let used = line.chars().count();
            let room = width.saturating_sub(used + usize::from(used > 0));
            if word.chars().count() <= room {
                push_word(&mut line, &word);
                break;
            }
            if let Some((left, right)) = hyphenate.then(|| split_word(&word, room)).flatten() {
                push_word(&mut line, &left);
                lines.push(std::mem::take(&mut line));
                word = right;
                continue;
            }
            if line.is_empty() {
                line = word;
                break;
            }
            lines.push(std::mem::take(&mut line));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn push_word(line: &mut String, word: &str) {
    if !line.is_empty() {
        line.push(' ');
    }
    line.push_str(word);
}

/// Where a word that does not fit in `room` characters breaks: after its
/// own hyphen, or inside it with a hyphen added; `None` if it should move
/// to the next line whole.
fn split_word(word: &str, room: usize) -> Option<(String, String)> {
    let chars: Vec<char> = word.chars().collect();
    if room < 4 {
        return None;
    }
    if let Some(p) = chars.iter().position(|&c| c == '-').filter(|&p| p + 1 < chars.len() && p < room) {
        return Some((chars[..=p].iter().collect(), chars[p + 1..].iter().collect()));
    }
    let core = chars.iter().take_while(|c| c.is_alphabetic()).count();
    let rest_is_punct = chars[core..].iter().all(|c| ",.;:!?\"')”“".contains(*c));
    if core < 7 || !rest_is_punct {
        return None;
    }
    let at = (room - 1).min(core - 3);
    (at >= 3).then(|| (format!("{}-", chars[..at].iter().collect::<String>()), chars[at..].iter().collect()))
}

/// A line as OCR gives a letter-spaced one: a space between characters.
pub fn letter_space(line: &str) -> String {
    let chars: Vec<String> = line.chars().filter(|c| *c != ' ').map(String::from).collect();
    chars.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_words_break_with_a_hyphen_and_compounds_at_their_own() {
        assert_eq!(wrap_latin("a well-known international", 10, true), ["a well-", "known int-", "ernational"]);
        assert_eq!(wrap_latin("a well-known international", 10, false), ["a", "well-known", "international"]);
    }

    #[test]
    fn chinese_lines_keep_numbers_whole_and_never_open_with_a_comma() {
        assert_eq!(wrap_cjk("一二三，四", 6), ["一二三，", "四"]);
        assert_eq!(wrap_cjk("共36.5亿元", 6), ["共36.5", "亿元"]);
        assert_eq!(letter_space("36.5亿"), "3 6 . 5 亿");
    }
}
