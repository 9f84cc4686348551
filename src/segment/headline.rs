//! Kicker, title and subtitle within a headline block.
//!
//! A block is one or more runs of lines (a run ends at a blank line). The
//! kicker stands first: a line ending in a reporting verb (001
//! `习近平在…会议上强调`, 004 `市政府第三十九次常务会议要求`), or, in
//! Chinese, a first line clearly shorter than the rest (003
//! `区人大代表换届选举`); an English headline is short above its longer
//! deck. The subtitle closes the block: a run naming who presided or
//! attended (000
//! `葛巧红主持并讲话 李亦博作工作部署`, 001 `李克强主持 栗战书…出席`). The
//! rest is the title; the lines of one title join with one space.

use crate::script::{is_cjk_punct, is_cjk_text, is_han, is_shared_punct, line_width};
use crate::segment::HeadLine;
use crate::segment::assign::tight_heading;
use crate::segment::tables::{CONVENING_WORDS, PRESIDING_WORDS, REPORTING_VERBS};

/// A first line this much narrower than the widest title line (in
/// percent) is a kicker.
pub const KICKER_MAX_PERCENT: usize = 80;

/// Names before presiding words in `text`, with the word (`李克强主持` →
/// `("李克强", "主持")`): at most three ideographs before `主持` or `出席`.
/// With `convened`, `主持召开…` counts too (in a body, who convened a
/// meeting chaired it).
pub fn presiders(text: &str, convened: bool) -> impl Iterator<Item = (&str, &'static str)> {
    PRESIDING_WORDS.iter().flat_map(move |&w| {
        text.match_indices(w).filter_map(move |(at, _)| {
            let convening = CONVENING_WORDS.iter().any(|c| text[at + w.len()..].starts_with(c));
            let start = text[..at]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_han(c))
                .take(PRESIDER_CHARS)
                .last()
                .map_or(at, |(i, _)| i);
            ((convened || !convening) && start < at).then(|| (&text[start..at], w))
        })
    })
}

/// The name of who presided or attended, as a subtitle gives it
/// (`中共中央总书记习近平主持会议` → `习近平`), with the word; not who
/// convened (`葛巧红主持召开…会议` is a title).
pub fn presider(text: &str) -> Option<(&str, &'static str)> {
    presiders(text, false).next()
}

/// Whether a headline line names who presided or attended (`李克强主持`,
/// `王凯出席`).
pub fn names_presider(text: &str) -> bool {
    presider(text).is_some()
}

/// Characters of a presider's name looked at (most Chinese names have two
/// or three).
const PRESIDER_CHARS: usize = 3;

/// The headline fields of one block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Headline {
    /// The line above the title.
    pub kicker: Option<String>,
    /// The main title.
    pub title: Option<String>,
    /// The line below the title.
    pub subtitle: Option<String>,
}

/// The lines of one headline field joined with one space, but none beside
/// Chinese punctuation (`新能源汽车产业链加速集聚` ⏎ `——来自安徽的调研`),
/// where spacing repair would take it out again.
fn joined(lines: &[&HeadLine]) -> Option<String> {
    let mut text = String::new();
    for line in lines {
        let (left, right) = (text.chars().next_back(), line.text.chars().next());
        let punct_meets = |a: Option<char>, b: Option<char>| {
            a.is_some_and(|a| is_cjk_punct(a) || (is_shared_punct(a) && b.is_some_and(is_han)))
        };
        if !text.is_empty() && !punct_meets(left, right) && !punct_meets(right, left) {
            text.push(' ');
        }
        text.push_str(&line.text);
    }
    (!text.is_empty()).then_some(text)
}

/// Splits a headline block into kicker, title and subtitle.
pub fn split(block: &[HeadLine]) -> Headline {
    let mut runs: Vec<Vec<&HeadLine>> = Vec::new();
    for line in block {
        match runs.last_mut() {
            Some(run) if !line.run_start && line.level.is_none() => run.push(line),
            _ => runs.push(vec![line]),
        }
    }
    // The subtitle: the last run that names a presider, or, in a block of
    // one run (an item file cleaned again), its last line if it does.
    let presiding = |run: &Vec<&HeadLine>| names_presider(&run[0].text);
    let lines: Vec<&HeadLine> = runs.iter().flatten().copied().collect();
    // Or the plain lines just below a Markdown heading.
    let below_heading = runs.last().filter(|r| r.len() > 1 && r[0].level.is_some()).map(|r| lines.len() - r.len() + 1);
    let subtitle_line = match runs.iter().rposition(presiding).filter(|&k| k > 0) {
        Some(k) => runs[..k].iter().map(Vec::len).sum(),
        None if runs.len() == 1 && lines.len() > 1 && names_presider(&lines[lines.len() - 1].text) => lines.len() - 1,
        None => below_heading.unwrap_or(lines.len()),
    };
    let (main, subtitle) = lines.split_at(subtitle_line);
    let kicker = match main {
        [first, rest @ ..] if !rest.is_empty() => {
            let verb = REPORTING_VERBS.iter().any(|v| first.text.ends_with(v)) || tight_heading(rest[0]);
            let widest = rest.iter().map(|l| line_width(&l.text)).max().unwrap_or(0);
            verb || (is_cjk_text(&first.text) && line_width(&first.text) * 100 < widest * KICKER_MAX_PERCENT)
        }
        _ => false,
    };
    let (kicker, title) = if kicker { (joined(&main[..1]), joined(&main[1..])) } else { (None, joined(main)) };
    Headline { kicker, title, subtitle: joined(subtitle) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(runs: &[&[&str]]) -> Vec<HeadLine> {
        runs.iter()
            .flat_map(|run| {
                run.iter().enumerate().map(|(i, t)| HeadLine {
                    text: (*t).to_owned(),
                    level: None,
                    run_start: i == 0,
                    line: 1,
                })
            })
            .collect()
    }

    #[test]
    fn reporting_verb_makes_a_kicker_and_presiding_line_a_subtitle() {
        // 001 lines 267–272
        let h = split(&block(&[
            &["习近平在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上强调"],
            &["毫不放松抓紧抓实抓细防控工作", "统筹做好经济社会发展各项工作"],
            &["李克强主持 栗战书汪洋王沪宁赵乐际韩正出席"],
        ]));
        assert_eq!(h.kicker.as_deref(), Some("习近平在统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议上强调"));
        assert_eq!(h.title.as_deref(), Some("毫不放松抓紧抓实抓细防控工作 统筹做好经济社会发展各项工作"));
        assert_eq!(h.subtitle.as_deref(), Some("李克强主持 栗战书汪洋王沪宁赵乐际韩正出席"));
    }

    #[test]
    fn first_shorter_line_is_a_kicker() {
        // 003 lines 35–37
        let h = split(&block(&[&["区人大代表换届选举"], &["安伟何雄等到所在选区参加投票"]]));
        assert_eq!(h.kicker.as_deref(), Some("区人大代表换届选举"));
        assert_eq!(h.title.as_deref(), Some("安伟何雄等到所在选区参加投票"));
    }

    #[test]
    fn single_line_is_the_title() {
        let h = split(&block(&[&["我市六名战“疫”干部获火线提拔"]]));
        assert_eq!(
            h,
            Headline {
                kicker: None, title: Some("我市六名战“疫”干部获火线提拔".into()), subtitle: None
            }
        );
    }

    #[test]
    fn presider_is_the_name_before_presiding() {
        assert_eq!(presider("李克强主持 栗战书汪洋王沪宁赵乐际韩正出席"), Some(("李克强", "主持")));
        assert_eq!(presider("王凯出席"), Some(("王凯", "出席")));
        assert_eq!(presider("中共中央总书记习近平主持会议"), Some(("习近平", "主持")));
        assert_eq!(presider("出席"), None);
        let chairs: Vec<_> = presiders("市委书记葛巧红主持召开会议", true).collect();
        assert_eq!(chairs, [("葛巧红", "主持")]);
    }

    #[test]
    fn convening_is_not_presiding() {
        assert!(names_presider("葛巧红主持并讲话 李亦博作工作部署"));
        assert!(!names_presider("焦作市委书记葛巧红主持召开市委新冠肺炎疫情防控工作第九次专题会议"));
    }

    #[test]
    fn plain_lines_just_around_a_markdown_heading_are_its_kicker_and_subtitle() {
        for (kicker, title, subtitle) in [
            ("提醒", "滨江大道部分路段实施交通管制", "全长4.8公里"),
            ("市民出行再添便利", "地铁5号线南段开通运营", "全长18.6公里 设车站12座"),
            ("City news", "Council approves new budget", "Vote comes after months of debate"),
        ] {
            let line = |text: &str, level, run_start| HeadLine { text: text.to_owned(), level, run_start, line: 1 };
            let block = [line(kicker, None, true), line(title, Some(2), false), line(subtitle, None, false)];
            let h = split(&block);
            assert_eq!(
                (h.kicker.as_deref(), h.title.as_deref(), h.subtitle.as_deref()),
                (Some(kicker), Some(title), Some(subtitle))
            );
        }
    }

    #[test]
    fn a_lone_presiding_line_is_a_title() {
        let h = split(&block(&[&["王凯出席"]]));
        assert_eq!(h.title.as_deref(), Some("王凯出席"));
        assert_eq!(h.subtitle, None);
    }

    #[test]
    fn an_english_headline_above_its_longer_deck_is_no_kicker() {
        let h = split(&block(&[
            &["Harbor dredging project wins $22 million federal grant"],
            &["The award will deepen the main shipping channel by four feet and could bring larger ships"],
        ]));
        assert_eq!(h.kicker, None);
        assert!(h.title.is_some_and(|t| t.starts_with("Harbor dredging project")));
    }

    #[test]
    fn title_lines_join_without_a_space_beside_chinese_punctuation() {
        let h = split(&block(&[&["新能源汽车产业链加速集聚", "——来自安徽的调研"]]));
        assert_eq!(h.title.as_deref(), Some("新能源汽车产业链加速集聚——来自安徽的调研"));
        let h = split(&block(&[&["管控有效 服务有力", "全力以赴夺取胜利"]]));
        assert_eq!(h.title.as_deref(), Some("管控有效 服务有力 全力以赴夺取胜利"));
    }
}
