//! Whole lines of furniture: page headers and footers, editor lines, web
//! chrome, and lines the batch shows to repeat at the edges of its pages.
//!
//! Input: the normalized lines of a page. Output: the same lines with the
//! furniture blanked (so that line numbers and blank-line evidence stay),
//! a record of each in `removed`, and the date a header or a
//! date-and-source line states (002 `2021-12-14 16:43:32 来源:焦作市人民政府`
//! → `2021-12-14`). Beyond the table rules, two rules read the lines
//! around: a short channel or site label beside a site-name or breadcrumb
//! line (002 `河南`, a masthead above `Home > News`), the links under a
//! bare `相关新闻` label, and a title printed a second time just below itself.

use crate::context::BatchContext;
use crate::furniture::edges;
use crate::furniture::marks;
use crate::furniture::tables::{EDGE_LINES, HEAD_LINES, MAX_FURNITURE_BYTES, Place, RELATED_LABELS, TAIL_LINES};
use crate::model::{Line, Removal};
use crate::rules::RuleSet;
use crate::script::{ends_sentence, is_han};
use crate::trace::Trace;

/// The rule names after which a neighbouring short line is a channel label.
const CHROME_RULES: &[&str] = &["site-name", "breadcrumb", "site-nav", "web-chrome"];

/// Longest channel or region label before a web page's title (`河南`).
const MAX_LABEL_CHARS: usize = 6;

/// Longest line in a list of related links.
const MAX_LINK_CHARS: usize = 60;

/// Most words of a Latin label (`The Riverside Courier`).
const MAX_LATIN_LABEL_WORDS: usize = 3;

/// Longest Latin label, in bytes.
const MAX_LATIN_LABEL_BYTES: usize = 30;

/// The rules whose line opens a notice set apart as a block of its own,
/// which the lines it wraps onto belong to.
const NOTICE_RULES: &[&str] = &["reader-service"];

/// Most lines a notice wraps onto in a narrow column.
const MAX_NOTICE_LINES: usize = 4;

/// Fewest digits of a telephone number.
const MIN_PHONE_DIGITS: usize = 5;

/// Fewest letters a line printed twice needs to count as a title (OCR
/// noise repeats short scraps).
const MIN_TITLE_CHARS: usize = 4;

/// How far back a title printed twice may stand (non-blank lines).
const DUPLICATE_DISTANCE: usize = 3;

/// Blanks the furniture lines of a page (unless `keep`); returns the date
/// the page states, if any.
pub fn strip_lines(
    lines: &mut [Line],
    ctx: &BatchContext,
    rules: &RuleSet,
    keep: bool,
    removed: &mut Vec<Removal>,
    trace: &mut Trace,
) -> Option<String> {
    strip_lines_asking(lines, ctx, rules, keep, removed, trace).0
}

/// [`strip_lines`], and the lines it asks the batch context about: the
/// lines of the edge zones the line rules leave, asked whether they recur
/// at the edges of the batch's pages (asked of any context, so that a
/// page stripped without the batch's facts can tell whether they would
/// have changed anything).
pub(crate) fn strip_lines_asking(
    lines: &mut [Line],
    ctx: &BatchContext,
    rules: &RuleSet,
    keep: bool,
    removed: &mut Vec<Removal>,
    trace: &mut Trace,
) -> (Option<String>, Vec<usize>) {
    let filled: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    let mut date = None;
    let mut taken: Vec<Option<String>> = vec![None; lines.len()];
    let short = |i: usize| lines[i].text.len() <= MAX_FURNITURE_BYTES;
    let words = rules.words_in_all(filled.iter().filter(|&&i| short(i)).map(|&i| lines[i].text.as_str()));
    let (mut at, mut short_rank, mut found) = (0, 0, Vec::new());
    for (rank, &i) in filled.iter().enumerate() {
        let text = &lines[i].text;
        if !short(i) {
            continue;
        }
        found.clear();
        while words.get(at).is_some_and(|&(line, _)| line as usize == short_rank) {
            found.push(words[at].1);
            at += 1;
        }
        short_rank += 1;
        let from_end = filled.len() - rank;
        let (head, tail) = (rank < HEAD_LINES, from_end <= TAIL_LINES);
        // Mid-page, a built-in rule needs a word: most lines hold none.
        if found.is_empty() && !head && !tail && !rules.tries_every_line() {
            continue;
        }
        let placed = |place: Place| match place {
            Place::Anywhere => true,
            Place::Edge => rank < EDGE_LINES || from_end <= EDGE_LINES,
            Place::Head => head,
            Place::Tail => tail,
            Place::HeadOrTail => head || tail,
        };
        let hit =
            rules.lines.iter().filter(|r| placed(r.place) && r.may_match(&found)).find(|r| r.regex.is_match(text));
        // A jump line has the look of a header (`See OFFICES, Page A7`);
        // the marks take it, with its page.
        if let Some(rule) = hit.filter(|_| !marks::is_whole_note(rules, text)) {
            if rule.date {
                date = date.or_else(|| rules.date_of(text));
            }
            taken[i] = Some(rule.name.clone());
        }
    }
    take_notice_blocks(lines, &mut taken);
    let asked = mark_repeated_edges(lines, ctx, rules, &mut taken);
    mark_context_rules(lines, &filled, &mut taken);
    for (i, rule) in taken.into_iter().enumerate() {
        let Some(rule) = rule else { continue };
        trace.note(|| format!("furniture: line {}: {rule} {:?}", lines[i].no, lines[i].text));
        if keep {
            removed.push(Removal::new(rule, lines[i].text.clone()));
        } else {
            removed.push(Removal::new(rule, std::mem::take(&mut lines[i].text)));
        }
    }
    (date, asked)
}

/// Takes the blocks that a notice line opens: the notice set apart (after
/// a blank line, the page's top or other furniture) with the lines it
/// wraps onto, up to the next blank line, when the block is a few lines
/// and holds a way to reach the paper (a telephone number, an e-mail or
/// web address). Otherwise the line was text that happens to begin with
/// the words of a notice, and it stays.
fn take_notice_blocks(lines: &[Line], taken: &mut [Option<String>]) {
    let mut i = 0;
    while i < lines.len() {
        let Some(rule) = taken[i].as_deref().filter(|r| NOTICE_RULES.contains(r)) else {
            i += 1;
            continue;
        };
        let rule = rule.to_owned();
        let apart = i.checked_sub(1).is_none_or(|p| lines[p].is_blank() || taken[p].is_some());
        let end = (i + 1..lines.len()).find(|&j| lines[j].is_blank() || taken[j].is_some()).unwrap_or(lines.len());
        let block: String = lines[i..end].iter().map(|l| l.text.as_str()).collect();
        if apart && end - i <= MAX_NOTICE_LINES && has_contact(&block) {
            (i + 1..end).for_each(|j| taken[j] = Some(rule.clone()));
        } else {
            taken[i] = None;
        }
        i = end;
    }
}

/// Whether a text gives a way to reach someone: a telephone number (five
/// digits or more, in groups), an e-mail or a web address.
fn has_contact(text: &str) -> bool {
    let mut digits = 0;
    let mut longest = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            longest = longest.max(digits);
        } else if !matches!(c, '-' | '—' | ' ' | '–') {
            digits = 0;
        }
    }
    longest >= MIN_PHONE_DIGITS || text.contains('@') || text.to_ascii_lowercase().contains("www.")
}

/// Lines of the page's edge zones that the batch shows to recur at the
/// edges of its pages. Such a line stands apart from the text, between
/// blank lines or other furniture (a box that happens to repeat, or a
/// headline, runs on into lines that do not recur); it opens no article
/// and closes none, and is no title of its own page. Returns the lines
/// asked about.
fn mark_repeated_edges(
    lines: &[Line],
    ctx: &BatchContext,
    rules: &RuleSet,
    taken: &mut [Option<String>],
) -> Vec<usize> {
    let mut asked = edges::zone(lines);
    asked.retain(|&i| taken[i].is_none() && lines[i].text.len() <= MAX_FURNITURE_BYTES);
    let recurring: Vec<usize> = asked.iter().copied().filter(|&i| ctx.repeats_at_edge(&lines[i].text)).collect();
    if recurring.is_empty() {
        return asked;
    }
    // The page's text beside the lines in question and its furniture.
    let body: String = (0..lines.len())
        .filter(|&i| taken[i].is_none() && recurring.binary_search(&i).is_err())
        .flat_map(|i| [lines[i].text.to_lowercase(), "\n".to_owned()])
        .collect();
    let candidates: Vec<usize> = recurring
        .into_iter()
        .filter(|&i| {
            let text = &lines[i].text;
            rules.lead(text).is_none()
                && marks::closing_start(rules, text).is_none()
                && !edges::titles_page(text, &body)
        })
        .collect();
    let apart = |j: Option<usize>| {
        j.and_then(|j| lines.get(j)).is_none_or(|l| l.is_blank())
            || j.is_some_and(|j| taken[j].is_some() || candidates.contains(&j))
    };
    let standing: Vec<usize> =
        candidates.iter().copied().filter(|&i| apart(i.checked_sub(1)) && apart(Some(i + 1))).collect();
    for i in standing {
        taken[i] = Some("repeated-edge".to_owned());
    }
    asked
}

/// Channel labels beside chrome lines, and titles printed twice.
fn mark_context_rules(lines: &[Line], filled: &[usize], taken: &mut [Option<String>]) {
    let top = &filled[..filled.len().min(HEAD_LINES)];
    let is_chrome = |i: usize| taken[i].as_deref().is_some_and(|r| CHROME_RULES.contains(&r));
    let mut labels = Vec::new();
    for (k, &i) in top.iter().enumerate() {
        let text = &lines[i].text;
        // Right beside: a kicker stands a blank line below the chrome.
        let beside_chrome = || {
            k.checked_sub(1).is_some_and(|j| top[j] + 1 == i && is_chrome(top[j]))
                || top.get(k + 1).is_some_and(|&j| j == i + 1 && is_chrome(j))
        };
        if taken[i].is_none() && text.len() <= MAX_FURNITURE_BYTES && beside_chrome() && is_label(text) {
            labels.push(i);
        }
    }
    for i in labels {
        taken[i] = Some("channel-label".to_owned());
    }
    // The links under a bare `相关新闻` or `Related` label, up to a blank
    // line. Under a box label of an article (`延伸阅读` in print) stands
    // text instead, a sentence running over the lines: the text stays.
    for (k, &i) in filled.iter().enumerate() {
        let text = &lines[i].text;
        let related = || RELATED_LABELS.iter().any(|l| text.get(..l.len()).is_some_and(|t| t.eq_ignore_ascii_case(l)));
        let label = taken[i].as_deref() == Some("web-chrome") && !text.contains([':', '：']) && related();
        if !label {
            continue;
        }
        let block: Vec<usize> = filled[k..]
            .iter()
            .zip(&filled[k + 1..])
            .take_while(|&(&prev, &j)| j == prev + 1 && taken[j].is_none())
            .map(|(_, &j)| j)
            .collect();
        if block.iter().any(|&j| lines[j].text.contains(['。', '！', '？'])) {
            continue;
        }
        for &j in &block {
            let link = &lines[j].text;
            if link.chars().count() > MAX_LINK_CHARS || ends_sentence(link) {
                break;
            }
            taken[j] = Some("related-links".to_owned());
        }
    }
    for (k, &i) in top.iter().enumerate() {
        let text = &lines[i].text;
        if taken[i].is_some() {
            continue;
        }
        let earlier = top[k.saturating_sub(DUPLICATE_DISTANCE)..k].iter().filter(|&&j| taken[j].is_none());
        let printed_twice = earlier.into_iter().any(|&j| lines[j].text == *text);
        let titled = || text.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_TITLE_CHARS;
        if printed_twice && titled() && !ends_sentence(text) {
            taken[i] = Some("duplicate-title".to_owned());
        }
    }
}

/// A short channel, region or site label: a few ideographs (002 `河南`)
/// or a few capitalized words (`Local`, `The Riverside Courier`).
fn is_label(text: &str) -> bool {
    let han = text.chars().count() <= MAX_LABEL_CHARS && text.chars().all(is_han);
    let words: Vec<&str> = text.split(' ').collect();
    let latin = text.len() <= MAX_LATIN_LABEL_BYTES
        && words.len() <= MAX_LATIN_LABEL_WORDS
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(|c| c.is_alphabetic() || matches!(c, '&' | '\'' | '’' | '-'))
        });
    han || latin
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn strip(page: &str) -> (Vec<String>, Vec<Removal>, Option<String>) {
        let mut lines = normalize(page, &mut Trace::off());
        let mut removed = Vec::new();
        let date = strip_lines(
            &mut lines,
            &BatchContext::default(),
            &RuleSet::builtin(),
            false,
            &mut removed,
            &mut Trace::off(),
        );
        let kept = lines.into_iter().filter(|l| !l.is_blank()).map(|l| l.text).collect();
        (kept, removed, date)
    }

    fn rules_of(removed: &[Removal]) -> Vec<&str> {
        removed.iter().map(|r| r.rule.as_str()).collect()
    }

    #[test]
    fn web_chrome_is_removed_and_gives_the_date() {
        // 002 lines 1–11
        let page = "中华网 china.com\n\n河南\n当前位置:新闻 > 地市新闻 > 正文\n\n焦作市委书记主持召开专题会议\n\n焦作市委书记主持召开专题会议\n2021-12-14 16:43:32 来源:焦作市人民政府\n\n12月11日上午,会议召开。\n";
        let (kept, removed, date) = strip(page);
        assert_eq!(kept, ["焦作市委书记主持召开专题会议", "12月11日上午，会议召开。"]);
        assert_eq!(rules_of(&removed), ["site-name", "channel-label", "breadcrumb", "duplicate-title", "date-source"]);
        assert_eq!(date.as_deref(), Some("2021-12-14"));
    }

    #[test]
    fn page_header_with_weekday_is_removed_and_dated() {
        let (kept, removed, date) = strip("晨报 2021年12月6日 星期一 第3版\n\n正文第一行，\n正文第二行。\n");
        assert_eq!(kept.len(), 2);
        assert_eq!(rules_of(&removed), ["page-header"]);
        assert_eq!(date.as_deref(), Some("2021-12-06"));
    }

    #[test]
    fn latin_page_header_is_removed_and_dated() {
        let (_, removed, date) =
            strip("NEW-YORK TRIBUNE, WEDNESDAY, MARCH 15, 1916.\nThe House met.\nIt voted.\nThen it rose.\n");
        assert_eq!(rules_of(&removed), ["page-header"]);
        assert_eq!(date.as_deref(), Some("1916-03-15"));
    }

    #[test]
    fn a_latin_masthead_date_line_is_a_page_header_anywhere() {
        let body = "The House met.\nIt voted.\nThen it rose.\nThe Senate met.\n";
        for line in [
            "VOLUME 23. 8 PAGES WILLMAR, MINNESOTA, WEDNESDAY, MARCH 15, 1916",
            "WED??SDAY, MARCH 15, 1916.",
            "THE EVENING STAR, WASHINGTON, D. C., MARCH 15, 1916",
        ] {
            let (_, removed, date) = strip(&format!("{body}{line}\n{body}"));
            assert_eq!(rules_of(&removed), ["page-header"], "{line}");
            assert_eq!(date.as_deref(), Some("1916-03-15"), "{line}");
        }
        for line in [
            "WAR DECLARED APRIL 6, 1917",
            "WASHINGTON, March 14, 1916.—The Senate met.",
            "LONDON, MARCH 15. Allied aviators",
        ] {
            let (_, removed, _) = strip(&format!("{body}{line}\n{body}"));
            assert!(removed.is_empty(), "{line}: {removed:?}");
        }
    }

    #[test]
    fn editor_lines_are_removed_anywhere() {
        let (kept, removed, _) = strip("正文。\n\n责任编辑 王明  校对 赵丽\n\n更多正文。\n还有。\n还有。\n还有。\n");
        assert!(!kept.iter().any(|l| l.contains("责任编辑")));
        assert_eq!(rules_of(&removed), ["editor-line"]);
    }

    #[test]
    fn bare_page_number_only_at_the_edge() {
        let (_, removed, _) = strip("3\n正文一。\n正文二。\n正文三。\n42\n正文四。\n正文五。\n正文六。\n");
        assert_eq!(rules_of(&removed), ["page-number"]);
    }

    #[test]
    fn body_lines_are_not_furniture() {
        let (kept, removed, _) = strip("会议强调，要继续集中力量\n和资源，全面加强湖北省和武汉\n市疫情防控。\n");
        assert_eq!(kept.len(), 3);
        assert!(removed.is_empty());
    }

    #[test]
    fn web_date_lines_are_removed_and_give_the_date() {
        for (line, iso) in [
            ("March 3, 2024 10:15 AM", "2024-03-03"),
            ("Published Mar. 3, 2024", "2024-03-03"),
            ("Updated: Sunday, Sept. 8, 2024 at 9:05 p.m. EST", "2024-09-08"),
            ("3 March 2024", "2024-03-03"),
            ("2021-12-14 16:43:32", "2021-12-14"),
        ] {
            let page = format!("Title of the story\n{line}\n\nThe council met on Tuesday.\n");
            let (kept, removed, date) = strip(&page);
            assert_eq!(rules_of(&removed), ["date-line"], "{line}");
            assert_eq!(date.as_deref(), Some(iso), "{line}");
            assert_eq!(kept.len(), 2, "{line}");
        }
    }

    #[test]
    fn latin_web_chrome_and_labels_are_removed() {
        let page = "The Riverside Courier\nHome > News > Local\nLocal\n\nCity council approves new budget\n\n\
                    The council met.\n\nAdvertisement\n\nIt voted.\n\nShare this article\nRelated: School board delays vote\n";
        let (kept, removed, _) = strip(page);
        assert_eq!(kept, ["City council approves new budget", "The council met.", "It voted."]);
        assert_eq!(
            rules_of(&removed),
            ["channel-label", "breadcrumb", "channel-label", "web-chrome", "share-links", "web-chrome"]
        );
    }

    #[test]
    fn chinese_web_chrome_around_an_article() {
        let page = "首页 | 新闻 | 财经 | 体育 | 娱乐\n滨海新闻网 > 新闻中心 > 本地要闻\n\n滨海市启动老旧小区改造三年行动\n\
                    来源：滨海日报  2024-03-05 08:30\n【字体：大 中 小】\n分享到：微信 微博 QQ空间\n\n\
                    3月4日，记者从市住建局获悉，方案正式印发。\n\n责任编辑：周敏\n上一篇：滨海地铁5号线全线贯通\n\n\
                    相关新闻\n· 滨海市2023年改造老旧小区126个\n· 老旧小区加装电梯补贴标准公布\n\n版权所有 © 滨海新闻网 2024\n";
        let (kept, removed, date) = strip(page);
        assert_eq!(kept, ["滨海市启动老旧小区改造三年行动", "3月4日，记者从市住建局获悉，方案正式印发。"]);
        assert_eq!(
            rules_of(&removed),
            [
                "site-nav",
                "breadcrumb",
                "date-source",
                "share-links",
                "share-links",
                "editor-line",
                "web-chrome",
                "web-chrome",
                "related-links",
                "related-links",
                "web-chrome"
            ]
        );
        assert_eq!(date.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn a_kicker_a_blank_line_under_the_chrome_stays() {
        for (page, kicker) in [
            (
                "南州新闻网\n您的位置：首页 / 新闻 / 国内\n\n乡村振兴一线\n一片茶叶富了一方百姓\n\n正文。\n",
                "乡村振兴一线",
            ),
            ("Harlow Evening Star\nHome › News\n\nWEATHER\nHeavy snow expected\n\nThe storm came.\n", "WEATHER"),
        ] {
            let (kept, removed, _) = strip(page);
            assert!(kept.iter().any(|l| l == kicker), "{kicker}: {removed:?}");
            assert_eq!(removed.len(), 2, "{removed:?}");
        }
    }

    #[test]
    fn a_reader_service_notice_goes_whole_with_the_lines_it_wraps_onto() {
        for notice in [
            "读者服务热线：84021928（24小时）  投\n稿邮箱：news@example.cn",
            "■ 新闻热线：0371-6579 5678\n欢迎提供新闻线索",
            "订阅热线：010-65368888  邮发代号：1-23",
            "訂報專線：(02)2765-1234",
            "Subscriber services: call\n1-800-555-0199 weekdays",
            "Got a news tip? Email the\nnewsroom at tips@example.com.",
            "Leserservice: 0800 123 4567\n(kostenlos)",
        ] {
            let page = format!("正文第一段。\n\n{notice}\n\n正文第二段，\n还有。\n");
            let (kept, removed, _) = strip(&page);
            assert_eq!(kept, ["正文第一段。", "正文第二段，", "还有。"], "{notice}");
            assert!(rules_of(&removed).iter().all(|r| *r == "reader-service"), "{notice}: {removed:?}");
        }
    }

    #[test]
    fn text_that_opens_with_the_words_of_a_notice_stays() {
        for page in [
            // Running on from the line above.
            "市民反映，\n新闻热线开通以来接到来电12345次，\n问题大多已经解决。\n",
            // Set apart, but no number or address to reach anyone by.
            "正文。\n\n新闻热线开通以来，市民反映的\n问题大多已经解决。\n",
            // A paragraph longer than a notice.
            "正文。\n\n订报热线65368888开通以来，\n市民反映的问题大\n多已经解决，\n满意率逐年提高，\n达到九成。\n",
        ] {
            let (_, removed, _) = strip(page);
            assert!(removed.is_empty(), "{page}: {removed:?}");
        }
    }

    #[test]
    fn a_box_label_over_text_is_no_list_of_links() {
        // An article's box in print, under a label web pages also print.
        let page = "正文第一段。\n\n  延伸阅读\n  生活垃圾一般分为可回收物、厨余垃圾、有害\n垃圾和其他垃圾四类。废旧电池、过期药品和\n废灯管属于有害垃圾。\n\n正文。\n";
        let (kept, removed, _) = strip(page);
        assert!(removed.iter().all(|r| r.rule != "related-links"), "{removed:?}");
        assert!(kept.iter().any(|l| l.starts_with("垃圾和其他垃圾四类")), "{kept:?}");
    }

    #[test]
    fn a_long_title_printed_twice_is_printed_once() {
        // A title longer than any furniture line (p012 of the samples).
        let title = "楼阳生在省委新冠肺炎疫情防控工作第十三次专题会议上强调 立足于早提升质效 压实责任筑牢防线 坚决守住长周期不发生规模性疫情底线";
        let (kept, removed, _) = strip(&format!("{title}\n\n{title}\n2021-04-26 12:55:24 来源:本地新闻网\n\n正文。\n"));
        assert_eq!(kept, [title, "正文。"]);
        assert_eq!(rules_of(&removed), ["duplicate-title", "date-source"]);
    }

    #[test]
    fn chrome_words_match_in_any_case_and_captions_go() {
        let page = "Skip To Content\nSign In\nSUBSCRIBE\n\nHarbor dredging project wins grant\n\n\
                    A dredge works near Pier 9. Credit: Tom Alvarez/The Harbor Times\n\nPORT ELLIS — The plan got a boost.\n";
        let (kept, removed, _) = strip(page);
        assert_eq!(kept, ["Harbor dredging project wins grant", "PORT ELLIS — The plan got a boost."]);
        assert_eq!(rules_of(&removed), ["web-chrome", "web-chrome", "web-chrome", "photo-credit"]);
    }
}
