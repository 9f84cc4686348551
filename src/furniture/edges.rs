//! Furniture the batch reveals: lines that recur near the top or foot of
//! many pages, whatever their words.
//!
//! A paper prints the same running header, editors' footer, site line or
//! copyright line on page after page, changing only what changes from
//! page to page: the date and weekday, the page and section, the issue,
//! the editor on duty. So a line is keyed with those masked ([`edge_keys`]):
//! digits, Chinese numerals of dates and page labels, weekday and month
//! names, circled numbers, the number of a page label (`A12`), and the
//! name after an editor's role (`责任编辑：周丽萍`). A line with such a field has a second,
//! looser key in which its other fields (a section name that changes
//! from page to page) are masked too. A key seen in the edge zones of
//! enough pages of the batch marks furniture (see `context::Facts`).
//!
//! The edge zone of a page ([`zone`]) is its first and last few lines,
//! and beyond them every line up to the first line of running text: a
//! web page's chrome stands above the first paragraph and below the last.
//!
//! Copies of one page must not make each other's furniture: the keys of
//! each page go to `context::Facts`, where a key is to count only on pages
//! whose other content differs.

use crate::furniture::vocab::{CJK_NUMERALS, EDITOR_ROLES, LATIN_EDITOR_ROLES, is_calendar_word};
use crate::model::Line;
use crate::script::{ends_sentence, is_han, line_width};

use super::tables::EDGE_LINES;

/// Most lines of a page's head zone.
const HEAD_ZONE: usize = 12;

/// Most lines of a page's tail zone.
const TAIL_ZONE: usize = 8;

/// Widest line (half-width units) that may be furniture of the edge.
const MAX_EDGE_WIDTH: usize = 90;

/// Fewest words of a Latin line of running text.
const MIN_SENTENCE_WORDS: usize = 5;

/// What stands for a masked number, and (after it) for a masked name.
const NUMBER: char = '#';
const NAME: &str = "#n";

/// Stands for a field that is neither number nor name in the loose key.
const TEXT: &str = "~";

/// Characters beside which Chinese numerals are a date, a page or a
/// column number (`第十三版`, `八月二十六日`, `星期六`, `第五栏`).
const NUMERAL_CONTEXT: &str = "第版期年月日号號星周週栏欄页頁";

/// Whether a line is running text: it holds sentence punctuation, is as
/// wide as a paragraph, or is a Latin sentence.
fn is_running_text(text: &str) -> bool {
    text.contains(['。', '！', '？', '；', '，'])
        || line_width(text) > MAX_EDGE_WIDTH
        || (ends_sentence(text) && text.split_whitespace().count() >= MIN_SENTENCE_WORDS)
}

/// The indexes (into `lines`) of the non-blank lines in the page's edge
/// zones, in page order: from each end, the lines before the first line
/// of running text, and at least the first and last [`EDGE_LINES`].
pub fn zone(lines: &[Line]) -> Vec<usize> {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let reach = |order: &mut dyn Iterator<Item = &usize>, most: usize| {
        let text = order.take(most).position(|&i| is_running_text(&lines[i].text)).unwrap_or(most);
        text.max(EDGE_LINES).min(filled.len())
    };
    let head = reach(&mut filled.iter(), HEAD_ZONE.max(EDGE_LINES));
    let tail = reach(&mut filled.iter().rev(), TAIL_ZONE.max(EDGE_LINES));
    let tail_from = filled.len().saturating_sub(tail).max(head);
    filled[..head].iter().chain(&filled[tail_from..]).copied().collect()
}

/// The keys under which an edge line recurs: first its fields with
/// numbers and names masked (`晨报 2021年12月6日 星期一` and `晨报 2021年1月7日
/// 星期二` share it), then, for a line with such a field and other fields,
/// the same with those masked too (`江城晚报 A12 社会` and `江城晚报 A06
/// 经济·民生`). Masked keys hold `#`. None for lines that cannot be
/// furniture of the edge: wide lines, sentences, Markdown subheadings.
pub fn edge_keys(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix("# ").unwrap_or(line).trim_start();
    let plausible = !line.is_empty()
        && line_width(line) <= MAX_EDGE_WIDTH
        && !line.starts_with('#')
        && !line.contains(['。', '；', '！', '？'])
        && !is_latin_sentence(line);
    if !plausible {
        return Vec::new();
    }
    let named = mask_names(line);
    let fields: Vec<String> = named.split(is_separator).filter(|f| !f.is_empty()).map(mask_field).collect();
    if fields.is_empty() {
        return Vec::new();
    }
    let exact = fields.join("|");
    let masked = fields.iter().filter(|f| f.contains(NUMBER)).count();
    // A bare number says too little: `Bus line 9 to link hospital` and
    // `Part 2 of 3` would share their loose key with any such line.
    let telling = fields.iter().any(|f| f.contains(NUMBER) && f.as_str() != "#");
    let mut keys = vec![exact];
    if telling && masked < fields.len() {
        let mut loose: Vec<&str> = fields.iter().map(|f| if f.contains(NUMBER) { f.as_str() } else { TEXT }).collect();
        // A section of one word or two is one field.
        loose.dedup_by(|a, b| *a == TEXT && *b == TEXT);
        keys.push(loose.join("|"));
    }
    keys
}

/// Lower-case words that make a Latin line a sentence when it ends like one.
const SENTENCE_WORDS: usize = 3;

/// A Latin sentence (`The new hours begin April 6.`): it ends in `.`, `!`
/// or `?` (a quote mark after it aside) and holds several lower-case words.
/// Masked, any two such sentences ending in a date share a key; an edge
/// line of furniture is no sentence.
fn is_latin_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '”', '’']);
    let words = line.split(' ').filter(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_lowercase())).count();
    end.ends_with(['.', '!', '?']) && words >= SENTENCE_WORDS
}

/// What separates the fields of a header: spaces, bars, dots, dashes,
/// slashes, breadcrumb arrows and ornaments.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '|' | '｜' | '·' | '•' | '/' | '／' | '>' | '＞' | '›' | '»' | '→' | '—' | '–')
        || matches!(c, '◇' | '◆' | '□' | '■' | '○' | '●' | '◎' | '★' | '☆' | '▲' | '△')
}

/// `line` with the name after each editor's role put as [`NAME`]:
/// `责任编辑：周丽萍` → `责任编辑：#n`, `Page designer: Karen Novak` →
/// `Page designer: #n`.
fn mask_names(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        let role = EDITOR_ROLES.iter().filter(|r| rest.starts_with(**r)).map(|r| r.len()).max().or_else(|| {
            LATIN_EDITOR_ROLES
                .iter()
                .filter(|r| rest.get(..r.len()).is_some_and(|h| h.eq_ignore_ascii_case(r)))
                .map(|r| r.len())
                .max()
        });
        if let Some(len) = role {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            let gap = rest.len() - rest.trim_start_matches([' ', '\u{3000}', ':', '：']).len();
            out.push_str(&rest[..gap]);
            rest = &rest[gap..];
            if let Some(name_len) = name_at(rest) {
                out.push_str(NAME);
                rest = &rest[name_len..];
            }
            continue;
        }
        let c = rest.chars().next().expect("rest is not empty");
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The length of a person's name at the start of `text`: two to four
/// ideographs, or one to three capitalized words.
fn name_at(text: &str) -> Option<usize> {
    let han: usize = text.chars().take_while(|&c| is_han(c) || c == '·').map(char::len_utf8).sum();
    let han_chars = text[..han].chars().count();
    if (2..=4).contains(&han_chars) {
        return Some(han);
    }
    if han_chars > 0 {
        return None;
    }
    let mut end = 0;
    for (k, word) in text.split(' ').enumerate().take(3) {
        let capitalized = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        if !capitalized {
            break;
        }
        end = if k == 0 { word.len() } else { end + 1 + word.len() };
    }
    (end > 0).then_some(end)
}

/// One field with its numbers masked, in lower case: digit runs, Chinese
/// numerals beside a date or page word, weekday and month names, circled
/// numbers; a run of masks is one. A page's letter stays (`A12` → `a#`):
/// it tells a page label from a bare number.
fn mask_field(field: &str) -> String {
    let chars: Vec<char> = field.chars().collect();
    let mut out = String::with_capacity(field.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = |pred: &dyn Fn(char) -> bool| chars[i..].iter().take_while(|&&c| pred(c)).count();
        let masked = if c.is_ascii_digit() || ('①'..='⑳').contains(&c) {
            run(&|c| c.is_ascii_digit() || ('①'..='⑳').contains(&c))
        } else if CJK_NUMERALS.contains(c) {
            let n = run(&|c| CJK_NUMERALS.contains(c));
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + n).copied();
            let dated = [before, after].into_iter().flatten().any(|b| NUMERAL_CONTEXT.contains(b));
            if dated { n } else { 0 }
        } else if matches!(c, '日' | '天') && i > 0 && "期周週拜".contains(chars[i - 1]) {
            1
        } else if c.is_alphabetic() && !is_han(c) {
            let n = run(&|c| (c.is_alphabetic() && !is_han(c)) || c == '.');
            let word: String = chars[i..i + n].iter().collect();
            if is_calendar_word(&word) {
                n
            } else {
                out.extend(word.chars().flat_map(char::to_lowercase));
                i += n;
                continue;
            }
        } else {
            0
        };
        if masked > 0 {
            if !out.ends_with(NUMBER) {
                out.push(NUMBER);
            }
            i += masked;
        } else {
            out.extend(c.to_lowercase());
            i += 1;
        }
    }
    out
}

/// Whether `line` is a title of its page: a third of its content (Chinese
/// character pairs, Latin words) and at least two pieces of it recur in
/// `body`, the rest of the page. A headline with a date in it may head
/// several pages of a batch (one article on its web page and in print);
/// its body shares its words, a running header's does not.
pub fn titles_page(line: &str, body: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let mut units: Vec<String> =
        chars.windows(2).filter(|w| is_han(w[0]) && is_han(w[1])).map(|w| w.iter().collect()).collect();
    units.extend(
        line.split(|c: char| !c.is_alphabetic() || is_han(c)).filter(|w| w.chars().count() >= 3).map(str::to_lowercase),
    );
    units.sort_unstable();
    units.dedup();
    let found = units.iter().filter(|u| body.contains(u.as_str())).count();
    found >= 2 && found * 3 >= units.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(line: &str) -> String {
        edge_keys(line).into_iter().next().expect("a key")
    }

    #[test]
    fn numbers_dates_and_names_are_masked() {
        assert_eq!(key("晨报 2021年12月6日 星期一 第3版"), key("晨报 2022年1月17日 星期日 第十二版"));
        assert_eq!(
            key("南州都市报    2023-08-26　星期六    第四版    责任编辑：周丽萍"),
            key("南州都市报    2023-08-27　星期日    第十三版    责任编辑：郭磊")
        );
        assert_eq!(
            key("The Valley Courier   Fri., Jul. 21, 2023   Page A3"),
            key("The Valley Courier   Mon., Aug. 7, 2023   Page A12")
        );
        assert_eq!(key("■责编　周丽萍  美编 马建华"), key("■责编　陈一鸣  美编 李雪"));
        assert_eq!(key("Verantwortlich: Tobias Brandt"), key("Verantwortlich: Jana Becker"));
        assert_eq!(key("（续第二版③）"), key("（续第十版⑦）"));
        assert_ne!(key("晨报 2021年12月6日"), key("晚报 2021年12月6日"));
        // Numerals in words stay: 统一 is no number.
        assert_ne!(key("统一大市场"), key("统二大市场"));
    }

    #[test]
    fn a_header_whose_section_changes_shares_its_loose_key() {
        let a = edge_keys("江城晚报 2021.6.19  周六 A12 社会");
        let b = edge_keys("江城晚报 2021.6.19  周六 A06 经济·民生");
        assert_ne!(a[0], b[0]);
        assert!(a.iter().any(|k| b.contains(k)), "{a:?} {b:?}");
        // Text alone, or with a bare number, has no loose key: two
        // headlines never share one.
        assert_eq!(edge_keys("管控有效 服务有力").len(), 1);
        assert_eq!(edge_keys("Bus line 9 to link hospital").len(), 1);
        assert_ne!(edge_keys("管控有效 服务有力"), edge_keys("民生 关注"));
    }

    #[test]
    fn sentences_wide_lines_and_subheadings_have_no_key() {
        assert!(edge_keys("会议强调，要继续。").is_empty());
        // two sentences ending in a date would share their masked key
        assert!(edge_keys("The new hours begin April 6.").is_empty());
        assert!(edge_keys("The new schedule takes effect on July 1.").is_empty());
        assert!(!edge_keys("Page 3 Tuesday, July 1, 2025").is_empty());
        assert!(edge_keys("## 标题").is_empty());
        assert!(edge_keys(&"很长的一行".repeat(20)).is_empty());
        assert_eq!(key("# 晨报 第3版"), key("晨报 第4版"));
    }

    #[test]
    fn the_zone_reaches_to_the_first_running_text() {
        let page = "南州新闻网\n首页 > 新闻\n\n标题\n来源：南州都市报\n打印\n\n正文第一段，很长。\n\n正文第二段。\n\n中间\n\n正文第三段。\n\n责任编辑：郭静\n版权所有 © 2023 南州新闻网\n";
        let lines: Vec<Line> = page.lines().enumerate().map(|(i, t)| Line::new(i + 1, t)).collect();
        let texts: Vec<&str> = zone(&lines).into_iter().map(|i| lines[i].text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "南州新闻网",
                "首页 > 新闻",
                "标题",
                "来源：南州都市报",
                "打印",
                "正文第三段。",
                "责任编辑：郭静",
                "版权所有 © 2023 南州新闻网"
            ]
        );
    }

    /// Cleans page `k` of `pages` with the facts of all of them; returns
    /// what was removed as a repeated edge line, and the items' text.
    fn clean_in_batch(pages: &[String], k: usize) -> (Vec<String>, String) {
        use crate::config::CleanOptions;
        use crate::context::Facts;
        use crate::model::Page;
        let options = CleanOptions::default();
        let ctx = pages
            .iter()
            .fold(Facts::default(), |f, p| f.with_page(crate::clean::page_facts(Page::new(p), &options)))
            .into_context();
        let result = crate::clean::clean_page(Page::new(&pages[k]), &ctx, &options, &mut crate::trace::Trace::off());
        let edges = result.removed.into_iter().filter(|r| r.rule == "repeated-edge").map(|r| r.text).collect();
        let text =
            result.items.iter().flat_map(|i| i.title.iter().chain(&i.body)).cloned().collect::<Vec<_>>().join("\n");
        (edges, text)
    }

    const TITLES: [&str; 4] = [
        "Library to open on 4 Sundays",
        "Bridge repairs begin after 2 floods",
        "Board to hear parents in 3 meetings",
        "Bus line 9 to link hospital",
    ];

    const STORIES: [&str; 4] = [
        "The council voted on Tuesday to keep\nthe library open on Sundays.",
        "Crews began repairing the bridge over\nthe river after the spring floods.",
        "The school board will hear parents on\nthe new start times next month.",
        "A new bus line will link the hospital\nwith the station from June.",
    ];

    #[test]
    fn a_header_no_rule_knows_is_learned_from_the_batch() {
        // No built-in rule reads this header or footer; their numbers change.
        let pages: Vec<String> = (0..4)
            .map(|k| {
                format!(
                    "WESTBURY TIMES | LATE CITY EDITION | {}\n\n{}\n\n{}\n\nPrinted by Westbury Press Ltd. · {}\n",
                    k + 10,
                    TITLES[k],
                    STORIES[k],
                    k + 10
                )
            })
            .collect();
        let (edges, text) = clean_in_batch(&pages, 1);
        assert_eq!(edges, ["WESTBURY TIMES | LATE CITY EDITION | 11", "Printed by Westbury Press Ltd. · 11"]);
        assert!(text.contains("Crews began repairing"), "{text}");
    }

    #[test]
    fn a_header_whose_editor_and_section_change_is_learned() {
        let sections = ["要闻", "经济·民生", "社会", "文体"];
        let editors = ["周丽萍", "郭磊", "陈一鸣", "王芳"];
        let titles = ["全市新建公园12座", "地铁5号线南段铺轨", "高考成绩下周公布", "春季招聘会岗位1万个"];
        let bodies = [
            "全市新建公园十二座，全部免费开放。",
            "地铁五号线南段完成铺轨。",
            "高考成绩将于下周公布。",
            "春季招聘会提供岗位一万个。",
        ];
        let pages: Vec<String> = (0..4)
            .map(|k| format!("临江商报 ◇ {} ◇ 值班编辑{}\n\n{}\n\n{}\n", sections[k], editors[k], titles[k], bodies[k]))
            .collect();
        let (edges, _) = clean_in_batch(&pages, 2);
        assert_eq!(edges, ["临江商报 ◇ 社会 ◇ 值班编辑陈一鸣"]);
    }

    #[test]
    fn a_title_printed_atop_several_pages_is_no_header() {
        // One article on three pages of the batch (web, print, Markdown),
        // its title with a number in it.
        let title = "2024年老旧小区改造三年行动启动";
        let pages: Vec<String> = [
            format!("{title}\n\n本报讯 全市老旧小区改造三年行动正式启动，计划改造小区120个。\n"),
            format!("{title}\n\n本报讯 全市老旧小区改造三年\n行动正式启动，计划改造小区\n120个。\n"),
            format!("{title}\n\n本报讯 全市老旧小区\n改造三年行动正式启动，\n计划改造小区120个。\n"),
        ]
        .into();
        let (edges, text) = clean_in_batch(&pages, 1);
        assert!(edges.is_empty(), "{edges:?}");
        assert!(text.contains(title), "{text}");
    }

    #[test]
    fn a_recurring_line_run_on_into_text_stays() {
        // The first line of a box, printed on every page, runs on into text
        // that does not recur: it is the box's, not the edge's.
        let pages: Vec<String> = (0..4)
            .map(|k| {
                let (title, body) = [
                    ("公园开放", "公园今起开放。"),
                    ("地铁铺轨", "地铁完成铺轨。"),
                    ("成绩公布", "成绩下周公布。"),
                    ("招聘开场", "招聘会开场。"),
                ][k];
                format!(
                    "读者服务热线：96114\n{}\n\n{title}\n\n{body}\n",
                    ["投稿邮箱甲", "投稿邮箱乙", "投稿邮箱丙", "投稿邮箱丁"][k]
                )
            })
            .collect();
        let (edges, _) = clean_in_batch(&pages, 0);
        assert!(edges.is_empty(), "{edges:?}");
    }

    #[test]
    fn a_title_shares_its_words_with_its_body() {
        let body = "本报讯 3月5日，全市老旧小区改造三年行动正式启动，计划改造小区120个。";
        assert!(titles_page("2024年老旧小区改造三年行动启动", body));
        assert!(!titles_page("滨海日报 2024年3月5日 第3版", body));
        assert!(titles_page("Council backs plan to rebuild shops", "The council voted to rebuild the shops."));
    }
}
