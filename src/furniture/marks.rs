//! Marks at the edges of paragraphs: continuation notes, editor codes and
//! end marks.
//!
//! Input: paragraphs from rejoin. Output: the same paragraphs with the
//! marks taken out of their text and turned into fields: `continued_to`
//! and `continued_from` (000 `（下转A02版③）` → `A02版③`), and `closes`
//! (000 `①5`: the article ends here). A mark that stood alone as a
//! paragraph (004 `（下转第二版③）` after `快干大上。`) passes its fields to
//! the paragraph before it, or, for a `上接` note, to the one after.

use crate::furniture::tables::Direction;
use crate::model::{ParaClass, Paragraph, Removal};
use crate::rules::RuleSet;
use crate::trace::Trace;

/// A mark found at the end of a paragraph.
struct Mark {
    rule: String,
    start: usize,
    end: usize,
    page: Option<String>,
}

/// A continuation note's whole match and its page reference: the group
/// `page`, else the first group, else the whole match, without spaces.
fn note<'t>(caps: &regex::Captures<'t>) -> (regex::Match<'t>, String) {
    let whole = caps.get(0).expect("group 0 always matches");
    let page = caps.name("page").or(caps.get(1)).unwrap_or(whole);
    (whole, page.as_str().split_whitespace().collect())
}

/// Characters a closing mark can end in; anything else is not one.
fn may_close(text: &str) -> bool {
    text.chars().next_back().is_some_and(|c| {
        c.is_ascii_alphanumeric() || matches!(c, ')' | '）' | '.' | ']' | '】' | '-' | '–' | '—' | '#')
    })
}

/// The closing marks at the end of `text`, innermost last.
fn closing_marks(rules: &RuleSet, text: &str) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut end = text.trim_end().len();
    while may_close(&text[..end]) {
        let head = &text[..end];
        let found = rules
            .continuations
            .iter()
            .filter(|r| r.direction == Direction::To)
            .find_map(|r| r.regex.captures(head).map(|c| (r.name.clone(), c)))
            .map(|(rule, caps)| {
                let (whole, page) = note(&caps);
                (rule, whole.start(), Some(page))
            })
            .or_else(|| {
                rules.end_marks.iter().find_map(|r| {
                    let caps = r.regex.captures(head)?;
                    let mark = caps.name("mark").or_else(|| caps.get(0))?;
                    Some((r.name.clone(), mark.start(), None))
                })
            });
        let Some((rule, start, page)) = found else {
            break;
        };
        marks.push(Mark { rule, start, end, page });
        end = text[..start].trim_end().len();
    }
    marks
}

/// Where the closing marks at the end of `text` begin, if it has any.
pub fn closing_start(rules: &RuleSet, text: &str) -> Option<usize> {
    closing_marks(rules, text).last().map(|m| m.start)
}

/// A `上接` note at the start of `text`: its end and page reference.
fn opening_mark(rules: &RuleSet, text: &str) -> Option<(String, usize, String)> {
    // A note opens with a bracket or a Latin letter, never an ideograph.
    if !text.starts_with(|c: char| matches!(c, '（' | '(' | '[') || c.is_ascii_alphabetic() || c.is_uppercase()) {
        return None;
    }
    rules.continuations.iter().filter(|r| r.direction == Direction::From).find_map(|r| {
        let caps = r.regex.captures(text)?;
        let (whole, page) = note(&caps);
        Some((r.name.clone(), whole.end(), page))
    })
}

/// Whether `text` is a continuation note and nothing else.
pub fn is_whole_note(rules: &RuleSet, text: &str) -> bool {
    let from = opening_mark(rules, text).is_some_and(|(_, end, _)| text[end..].trim().is_empty());
    from || closing_marks(rules, text).last().is_some_and(|m| m.page.is_some() && text[..m.start].trim().is_empty())
}

/// Takes the closing marks out of the end of `p` (or, with `keep`, leaves
/// them), records each, and sets what they tell: `continued_to`, `closes`.
fn take_closing_marks(p: &mut Paragraph, rules: &RuleSet, keep: bool, removed: &mut Vec<Removal>, trace: &mut Trace) {
    let marks = closing_marks(rules, &p.text);
    for mark in marks.iter().rev() {
        let text = &p.text[mark.start..mark.end];
        removed.push(Removal::new(&mark.rule, text.trim()));
        trace.note(|| format!("furniture: lines {}–{}: {} {text:?}", p.lines.0, p.lines.1, mark.rule));
        if mark.page.is_some() {
            p.continued_to.clone_from(&mark.page);
        }
    }
    if let Some(first) = marks.last() {
        p.closes = true;
        if !keep {
            p.text.truncate(p.text[..first.start].trim_end().len());
        }
    }
}

/// Takes the marks out of every paragraph (or, with `keep`, leaves them in
/// the text) and records each in `removed`.
pub fn strip_marks(
    paragraphs: Vec<Paragraph>,
    rules: &RuleSet,
    keep: bool,
    removed: &mut Vec<Removal>,
    trace: &mut Trace,
) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    let mut pending_from: Option<String> = None;
    for mut p in paragraphs {
        if p.class.is_headline() {
            if !is_whole_note(rules, &p.text) {
                out.push(p);
                continue;
            }
            // A note alone on its line, under a headline, is no headline.
            p.class = ParaClass::Body;
        }
        // A note alone whose verb points either way (`（接第三版）`) points
        // back where no open text stands before it.
        let open_before = out.last().is_some_and(|q| !q.class.is_headline() && !q.closes);
        let whole_from =
            !open_before && opening_mark(rules, &p.text).is_some_and(|(_, end, _)| p.text[end..].trim().is_empty());
        if !whole_from {
            take_closing_marks(&mut p, rules, keep, removed, trace);
        }
        if let Some((rule, end, page)) = opening_mark(rules, &p.text) {
            removed.push(Removal::new(rule, p.text[..end].trim()));
            p.continued_from = Some(page);
            if !keep {
                p.text = p.text[end..].trim_start().to_owned();
            }
        }
        if p.text.is_empty() {
            let previous = out.last_mut().filter(|q| !q.class.is_headline() && !q.closes);
            match (previous, p.continued_from.take()) {
                (_, Some(from)) => pending_from = Some(from),
                (Some(q), None) => {
                    q.closes |= p.closes;
                    if p.continued_to.is_some() {
                        q.continued_to = p.continued_to;
                    }
                }
                (None, None) => {}
            }
            continue;
        }
        if let Some(from) = pending_from.take() {
            p.continued_from.get_or_insert(from);
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Paragraph {
        Paragraph::new(text.to_owned(), ParaClass::Body, (1, 1), false)
    }

    fn strip(texts: &[&str]) -> (Vec<Paragraph>, Vec<Removal>) {
        let mut removed = Vec::new();
        let paras = texts.iter().map(|t| para(t)).collect();
        let out = strip_marks(paras, &RuleSet::builtin(), false, &mut removed, &mut Trace::off());
        (out, removed)
    }

    #[test]
    fn continuation_note_at_paragraph_end_becomes_continued_to() {
        // 000 line 9
        let (out, removed) = strip(&["落实“守规矩、懂业务、真落实”要求。（下转A02版③）"]);
        assert_eq!(out[0].text, "落实“守规矩、懂业务、真落实”要求。");
        assert_eq!(out[0].continued_to.as_deref(), Some("A02版③"));
        assert!(out[0].closes);
        assert_eq!(removed, [Removal::new("continuation", "（下转A02版③）")]);
    }

    #[test]
    fn editor_code_after_a_sentence_closes_the_article() {
        // 000 line 25
        let (out, removed) = strip(&["覆盖千余名学员的课堂教学。①5"]);
        assert_eq!(out[0].text, "覆盖千余名学员的课堂教学。");
        assert!(out[0].closes);
        assert_eq!(removed[0].rule, "editor-code");
    }

    #[test]
    fn circled_number_inside_a_sentence_is_not_an_editor_code() {
        let (out, removed) = strip(&["见图①2"]);
        assert_eq!(out[0].text, "见图①2");
        assert!(removed.is_empty());
    }

    #[test]
    fn standalone_note_passes_its_page_to_the_paragraph_before() {
        // 004 lines 350–352
        let (out, _) = strip(&["应开尽开、快干大上。", "（下转第二版③）"]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].continued_to.as_deref(), Some("第二版③"));
    }

    #[test]
    fn continued_from_note_opens_the_next_paragraph() {
        let (out, _) = strip(&["（上接第一版）", "会议指出，要继续。"]);
        assert_eq!(out[0].continued_from.as_deref(), Some("第一版"));
        let (out, _) = strip(&["(Continued from Page 1) the senator said."]);
        assert_eq!(out[0].continued_from.as_deref(), Some("1"));
        assert_eq!(out[0].text, "the senator said.");
    }

    #[test]
    fn latin_continuation_note_is_recognised() {
        let (out, _) = strip(&["The House adjourned. (Continued on page 2)"]);
        assert_eq!(out[0].continued_to.as_deref(), Some("2"));
        assert_eq!(out[0].text, "The House adjourned.");
    }

    #[test]
    fn ocr_misread_continuation_with_page_in_words_is_recognised() {
        // en-ocr samples: `(Contlnued on Page Two.)`, `(Continued on Page Fourteen.)`
        let (out, _) = strip(&["the raid up-(Contlnued on Page Two.)"]);
        assert_eq!(out[0].continued_to.as_deref(), Some("Two"));
        let (out, _) = strip(&["was not known.(Continued on Page Fourteen.)"]);
        assert_eq!(out[0].continued_to.as_deref(), Some("Fourteen"));
    }

    #[test]
    fn several_marks_at_one_end_are_all_taken() {
        let (out, removed) = strip(&["会议结束。（完）①2"]);
        assert_eq!(out[0].text, "会议结束。");
        assert_eq!(removed.len(), 2);
    }

    #[test]
    fn keep_furniture_leaves_the_text_but_records_it() {
        let mut removed = Vec::new();
        let out =
            strip_marks(vec![para("要求。（下转第二版）")], &RuleSet::builtin(), true, &mut removed, &mut Trace::off());
        assert_eq!(out[0].text, "要求。（下转第二版）");
        assert_eq!(out[0].continued_to.as_deref(), Some("第二版"));
        assert_eq!(removed.len(), 1);
    }

    #[test]
    fn jump_line_becomes_continued_to() {
        let (out, removed) = strip(&["\"But the damage is widespread.\"", "See STORM, Page A6"]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].continued_to.as_deref(), Some("A6"));
        assert_eq!(removed[0].text, "See STORM, Page A6");
        let (out, _) = strip(&["The vote is in April. Please see BUDGET on 4A"]);
        assert_eq!(out[0].continued_to.as_deref(), Some("4A"));
    }

    #[test]
    fn a_reference_in_a_sentence_is_not_a_jump_line() {
        let (out, removed) = strip(&["For the figures, see Table 2."]);
        assert_eq!(out[0].text, "For the figures, see Table 2.");
        assert!(removed.is_empty());
    }

    #[test]
    fn jump_head_becomes_continued_from() {
        let (out, _) = strip(&["STORM, from Page A1", "Crews worked through the night."]);
        assert_eq!(out[0].continued_from.as_deref(), Some("A1"));
        assert_eq!(out[0].text, "Crews worked through the night.");
    }

    #[test]
    fn traditional_continuation_notes_are_recognised() {
        let (out, _) = strip(&["會議要求全力推進。（下轉第二版）"]);
        assert_eq!(out[0].continued_to.as_deref(), Some("第二版"));
        let (out, _) = strip(&["（續第一版）會議指出，要繼續。"]);
        assert_eq!(out[0].continued_from.as_deref(), Some("第一版"));
    }

    #[test]
    fn german_and_french_continuation_notes_are_recognised() {
        let (out, _) = strip(&["Die Stadt will bis Mai entscheiden.", "Fortsetzung auf Seite 4"]);
        assert_eq!(out[0].continued_to.as_deref(), Some("4"));
        let (out, _) = strip(&["La ville décidera en mai. Suite en page 4"]);
        assert_eq!(out[0].continued_to.as_deref(), Some("4"));
    }

    #[test]
    fn a_note_taken_for_a_headline_line_is_still_a_note() {
        // A note alone under a Markdown heading or a headline looks like
        // one more headline line to rejoin.
        let heading = |t: &str| Paragraph::new(t.to_owned(), ParaClass::Heading(2), (1, 1), false);
        let headline = |t: &str| Paragraph::new(t.to_owned(), ParaClass::Headline, (2, 2), false);
        for note in ["（上接2版①）", "(续 第二版第四栏)", "Continued from Page B2", "Fortsetzung von Seite 1"]
        {
            let paras = vec![heading("稻谷飘香"), headline(note), para("县农业部门表示，将及时做好服务。")];
            let mut removed = Vec::new();
            let out = strip_marks(paras, &RuleSet::builtin(), false, &mut removed, &mut Trace::off());
            assert_eq!(out.len(), 2, "{note}: {out:?}");
            assert!(out[1].continued_from.is_some(), "{note}");
            assert_eq!(removed.len(), 1, "{note}");
        }
        // A headline that merely opens like a note stays one.
        let paras = vec![headline("（上接第一版）的故事与人"), para("正文。")];
        let out = strip_marks(paras, &RuleSet::builtin(), false, &mut Vec::new(), &mut Trace::off());
        assert_eq!(out[0].text, "（上接第一版）的故事与人");
    }

    #[test]
    fn agency_editor_tag_with_its_date_code_closes_the_article() {
        let (out, removed) = strip(&["氣象署提醒民眾注意保暖。（編輯：張均懋）1130305"]);
        assert_eq!(out[0].text, "氣象署提醒民眾注意保暖。");
        assert!(out[0].closes);
        assert_eq!(removed[0].rule, "end-mark");
    }
}
