//! The built-in furniture rules against the families they describe, with
//! variations no page in the repository holds: other papers, names,
//! pages and dates, every verb, reference, mark, bracket and separator a
//! paper may print, combined. A rule that knows only the forms of the
//! seeds, the samples or the composer fails here.

use galley::furniture::{strip_lines, strip_marks};
use galley::model::{ParaClass, Paragraph, Removal};
use galley::normalize::normalize;
use galley::rules::RuleSet;
use galley::{BatchContext, Trace};

/// A body to put furniture around: long enough that its lines are no edge.
const BODY: &str = "西岭市今年将新建改建公园十二座，\n全部向市民免费开放。\n\n市园林局表示，\n新公园以小微绿地为主。\n\nThe council met on Tuesday and\nvoted to keep the library open.\n";

/// What `strip_lines` takes out of `page`, and the date it reads.
fn lines_of(rules: &RuleSet, page: &str) -> (Vec<Removal>, Option<String>) {
    let mut lines = normalize(page, &mut Trace::off());
    let mut removed = Vec::new();
    let date = strip_lines(&mut lines, &BatchContext::default(), rules, false, &mut removed, &mut Trace::off());
    (removed, date)
}

/// Asserts that `line`, placed at the top of a page, is removed whole by
/// rule `rule`; returns the date read.
fn removed_at_top(rules: &RuleSet, line: &str, rule: &str) -> Option<String> {
    let (removed, date) = lines_of(rules, &format!("{line}\n\n{BODY}"));
    let normalized = galley::normalize::normalize_line(line);
    assert!(
        removed.iter().any(|r| r.rule == rule && r.text == normalized.trim()),
        "{line:?} not removed by {rule}: {removed:?}"
    );
    assert_eq!(removed.len(), 1, "{line:?}: {removed:?}");
    date
}

/// Asserts that `line`, placed between two paragraphs in the middle of a
/// long page, is removed by rule `rule`.
fn removed_inside(rules: &RuleSet, line: &str, rule: &str) {
    let (removed, _) = lines_of(rules, &format!("{BODY}\n{BODY}\n{line}\n\n{BODY}\n{BODY}"));
    assert!(removed.iter().any(|r| r.rule == rule), "{line:?} not removed by {rule}: {removed:?}");
    assert_eq!(removed.len(), 1, "{line:?}: {removed:?}");
}

fn para(text: &str) -> Paragraph {
    Paragraph::new(text.to_owned(), ParaClass::Body, (1, 1), false)
}

/// The paragraphs `strip_marks` gives back, and what it removed.
fn marks_of(rules: &RuleSet, texts: &[&str]) -> (Vec<Paragraph>, Vec<Removal>) {
    let mut removed = Vec::new();
    let out = strip_marks(texts.iter().map(|t| para(t)).collect(), rules, false, &mut removed, &mut Trace::off());
    (out, removed)
}

const CN: [&str; 6] = ["一", "四", "十", "十一", "十四", "二十三"];

#[test]
fn chinese_notes_to_a_page_in_every_form() {
    let rules = RuleSet::builtin();
    let verbs = ["下转", "转", "转至", "接", "见", "转见", "续见", "详见", "下接", "下轉", "轉", "見", "續見"];
    let refs = |n: usize| {
        [
            format!("第{}版", CN[n % CN.len()]),
            format!("第{}版", n + 4),
            format!("B{:02}版", n + 4),
            format!("C{}版", n + 4),
            format!("{}版", n + 4),
            format!("B{}", n + 4),
        ]
    };
    let marks = ["", "⑥", "⑫", "第六栏", "第二栏"];
    let brackets = [("（", "）"), ("(", ")"), ("【", "】")];
    let mut n = 0;
    for verb in verbs {
        for reference in refs(n) {
            for mark in marks {
                let (open, close) = brackets[n % brackets.len()];
                let space = if n % 4 == 0 { " " } else { "" };
                n += 1;
                let note = format!("{open}{verb}{space}{reference}{mark}{close}");
                let (out, removed) = marks_of(&rules, &[&format!("项目进展顺利。{note}")]);
                assert_eq!(out[0].text, "项目进展顺利。", "{note}");
                assert_eq!(out[0].continued_to.as_deref(), Some(format!("{reference}{mark}").as_str()), "{note}");
                assert_eq!(removed.len(), 1, "{note}");
                // Alone on its line, it passes its page to the text before.
                let (out, _) = marks_of(&rules, &["项目进展顺利，", &note]);
                assert_eq!(out.len(), 1, "{note}");
                assert!(out[0].continued_to.is_some(), "{note}");
            }
        }
    }
}

#[test]
fn chinese_notes_from_a_page_in_every_form() {
    let rules = RuleSet::builtin();
    let verbs = ["上接", "接", "续", "承", "接上", "續", "上轉"];
    let mut n = 0;
    for verb in verbs {
        for reference in ["第一版", "第3版", "A01版", "A1版", "1版", "B2"] {
            for mark in ["", "⑨", "第五栏"] {
                for (open, close) in [("（", "）"), ("(", ")")] {
                    let space = if n % 3 == 0 { " " } else { "" };
                    n += 1;
                    let note = format!("{open}{verb}{space}{reference}{mark}{close}");
                    let (out, removed) = marks_of(&rules, &[&format!("{note}会议指出，要继续推进。")]);
                    assert_eq!(out[0].text, "会议指出，要继续推进。", "{note}");
                    assert_eq!(out[0].continued_from.as_deref(), Some(format!("{reference}{mark}").as_str()), "{note}");
                    assert_eq!(removed[0].text, note, "{note}");
                    let (out, _) = marks_of(&rules, &[&note, "会议指出，要继续推进。"]);
                    assert_eq!(out.len(), 1, "{note}");
                    assert!(out[0].continued_from.is_some(), "{note}");
                }
            }
        }
    }
}

#[test]
fn latin_notes_in_every_form() {
    let rules = RuleSet::builtin();
    for page in ["B4", "12", "4C", "A17"] {
        for to in [
            format!("Continued on Page {page}"),
            format!("(Continued on page {page})"),
            format!("Continued on {page}"),
            format!("(Cont. on p. {page})"),
            format!("Turn to Page {page}"),
            format!("See LIBRARY, Page {page}"),
            format!("Please see FLOOD on Page {page}"),
            format!("See Library, Page {page}"),
        ] {
            let (out, removed) = marks_of(&rules, &[&format!("The vote is set for May. {to}")]);
            assert_eq!(out[0].continued_to.as_deref(), Some(page), "{to}");
            assert_eq!(out[0].text, "The vote is set for May.", "{to}");
            assert_eq!(removed.len(), 1, "{to}");
        }
        for from in [
            format!("Continued from Page {page}"),
            format!("(Cont. from p. {page})"),
            format!("LIBRARY, from Page {page}"),
            format!("From Page {page}"),
        ] {
            let (out, _) = marks_of(&rules, &[&from, "Crews worked through the night."]);
            assert_eq!(out.len(), 1, "{from}");
            assert_eq!(out[0].continued_from.as_deref(), Some(page), "{from}");
        }
    }
    for n in ["3", "14"] {
        for to in [
            format!("Fortsetzung auf Seite {n}"),
            format!("Weiter auf S. {n}"),
            format!("Lesen Sie weiter auf Seite {n}"),
            format!("Suite en page {n}"),
            format!("Suite page {n}"),
            format!("Voir la suite en page {n}"),
        ] {
            let (out, _) = marks_of(&rules, &[&format!("Die Stadt entscheidet im Mai. {to}")]);
            assert_eq!(out[0].continued_to.as_deref(), Some(n), "{to}");
        }
        for from in [format!("Fortsetzung von Seite {n}"), format!("Forts. v. S. {n}"), format!("Suite de la page {n}")]
        {
            let (out, _) = marks_of(&rules, &[&from, "Der Rat tagte am Abend."]);
            assert_eq!(out[0].continued_from.as_deref(), Some(n), "{from}");
        }
    }
    // A reference in a sentence is no note.
    let (out, removed) = marks_of(&rules, &["For the figures, see Table 2.", "He continued on foot."]);
    assert!(removed.is_empty() && out.len() == 2, "{removed:?}");
}

/// Every order of `parts`.
fn orders<T: Clone>(parts: &[T]) -> Vec<Vec<T>> {
    if parts.len() <= 1 {
        return vec![parts.to_vec()];
    }
    let mut all = Vec::new();
    for i in 0..parts.len() {
        let mut rest = parts.to_vec();
        let first = rest.remove(i);
        for mut order in orders(&rest) {
            order.insert(0, first.clone());
            all.push(order);
        }
    }
    all
}

#[test]
fn chinese_page_headers_in_any_order_and_separator() {
    let rules = RuleSet::builtin();
    let dates = ["2019年3月8日", "2019年03月08日", "2019-03-08", "2019.3.8", "2019/03/08"];
    let labels = ["第十四版", "第14版", "B14", "B14版", "14版"];
    let extras = ["", "星期五", "周五", "视点", "区县·新闻", "责任编辑：欧阳明", "值班编辑 林立"];
    let seps = [" ", "  ", "　", " | ", " · ", "｜", " / "];
    let mut n = 0;
    for paper in ["海东晨报", "西岭日报"] {
        for (d, date) in dates.iter().enumerate() {
            for extra in extras {
                let mut parts = vec![paper.to_owned(), (*date).to_owned(), labels[(d + n) % labels.len()].to_owned()];
                if !extra.is_empty() {
                    parts.push(extra.to_owned());
                }
                for order in orders(&parts) {
                    let sep = seps[n % seps.len()];
                    n += 1;
                    let header = order.join(sep);
                    let date = removed_at_top(&rules, &header, "page-header");
                    assert_eq!(date.as_deref(), Some("2019-03-08"), "{header}");
                }
            }
        }
    }
    // Glued as some extractors give it.
    for header in [
        "海东晨报2019-03-08星期五 第十四版 责任编辑：欧阳明",
        "西岭日报 2019年3月8日星期五第14版",
        "# 海东晨报 · 2019.3.8 · B14版",
    ] {
        assert_eq!(removed_at_top(&rules, header, "page-header").as_deref(), Some("2019-03-08"), "{header}");
    }
}

#[test]
fn latin_page_headers_in_any_order_and_separator() {
    let rules = RuleSet::builtin();
    let dates = [
        "Friday, March 8, 2019",
        "Fri., Mar. 8, 2019",
        "March 8, 2019",
        "8 March 2019",
        "Freitag, 8. März 2019",
        "08.03.2019",
        "vendredi 8 mars 2019",
    ];
    let labels = ["Page B4", "B4", "PAGE 14", "Seite 14", "S. 14", "Nr. 57 · Seite 14"];
    let seps = [" | ", "   ", " · ", " - ", " "];
    let mut n = 0;
    for paper in ["The Morning Ledger", "WESTBURY TIMES", "Der Landbote"] {
        for date in dates {
            for section in ["", "SPORTS", "Lokales"] {
                let mut parts = vec![paper, date, labels[n % labels.len()]];
                if !section.is_empty() {
                    parts.push(section);
                }
                for order in orders(&parts) {
                    let sep = seps[n % seps.len()];
                    n += 1;
                    let header = order.join(sep);
                    let date = removed_at_top(&rules, &header, "page-header");
                    assert_eq!(date.as_deref(), Some("2019-03-08"), "{header}");
                }
            }
        }
    }
    // A headline in title case is no header, whatever it holds.
    for headline in ["Route A1 Closed For Repairs", "Vitamin B12 Sales Climb", "Storm Leaves Thousands Without Power"] {
        let (removed, _) = lines_of(&rules, &format!("{headline}\n\n{BODY}"));
        assert!(removed.is_empty(), "{headline}: {removed:?}");
    }
}

#[test]
fn bare_page_numbers_and_labels_at_the_edge() {
    let rules = RuleSet::builtin();
    for number in ["- 14 -", "— 14 —", "14", "B14", "Page 14", "Seite 14", "第十四版", "· 14 ·", "A07"] {
        let (removed, _) = lines_of(&rules, &format!("{BODY}\n{BODY}\n{number}\n"));
        let normalized = galley::normalize::normalize_line(number);
        assert!(
            removed.iter().any(|r| r.rule == "page-number" && r.text == normalized.trim()),
            "{number}: {removed:?}"
        );
    }
}

#[test]
fn a_section_name_and_page_number_at_the_edge() {
    let rules = RuleSet::builtin();
    for line in ["要闻　２", "要闻 2", "2 要闻", "国际·12", "经济｜A3", "體育　８", "第五版 地方新闻", "03 | 综合新闻"]
    {
        removed_at_top(&rules, line, "page-number");
        let (removed, _) = lines_of(&rules, &format!("{BODY}\n{BODY}\n{line}\n"));
        assert_eq!(removed.len(), 1, "{line}: {removed:?}");
    }
    // A headline or a line of text that ends in a number is no folio.
    for line in ["新增城镇就业12", "全市新建公园十二座", "今年计划完成造林面积120万亩"] {
        let (removed, _) = lines_of(&rules, &format!("{line}\n\n{BODY}"));
        assert!(removed.is_empty(), "{line}: {removed:?}");
    }
}

#[test]
fn editors_lines_with_any_roles_marks_and_separators() {
    let rules = RuleSet::builtin();
    let roles = [
        "责任编辑",
        "编辑",
        "责编",
        "版式",
        "美编",
        "校对",
        "审核",
        "组版",
        "排版",
        "一审",
        "终审",
        "制图",
        "責任編輯",
        "校對",
        "本版责任编辑",
        "美术编辑",
        "版式设计",
    ];
    // A two-character name is padded to three with a space in print (`周　洁`).
    let names = ["欧阳明", "林立", "司马相如", "周　洁"];
    let marks = ["", "■", "■ ", "□", "◆"];
    let colons = ["：", ":", " ", "　", ""];
    let joiners = ["  ", " ", "　", " | "];
    let mut n = 0;
    for r in 0..roles.len() {
        for count in 1..=3 {
            for colon in colons {
                let parts: Vec<String> = (0..count)
                    .map(|k| format!("{}{colon}{}", roles[(r + k * 4) % roles.len()], names[(n + k) % names.len()]))
                    .collect();
                let line = format!("{}{}", marks[n % marks.len()], parts.join(joiners[n % joiners.len()]));
                n += 1;
                removed_inside(&rules, &line, "editor-line");
            }
        }
    }
    for line in [
        "Editor: Ana Lima",
        "Copy editor: Ana Lima | Layout: Olaf Brandt",
        "Redaktion: Olaf Brandt; Layout: Ana Lima",
        "Mise en page: Ana Lima",
    ] {
        removed_inside(&rules, line, "editor-line");
    }
    // Body lines that open with a role's word stay.
    for body in ["统筹指挥、组织协调、督促检", "审核通过后即可办理。", "编辑部主任介绍了改版情况，"]
    {
        let (removed, _) = lines_of(&rules, &format!("{BODY}\n{body}\n{BODY}"));
        assert!(removed.is_empty(), "{body}: {removed:?}");
    }
}

#[test]
fn end_marks_after_a_sentence_or_alone() {
    let rules = RuleSet::builtin();
    for mark in
        ["（完）", "(完)", "（全文完）", "（待续）", "(END)", "(End)", "-30-", "- 30 -", "(Ende)", "(fin)", "# # #"]
    {
        let (out, removed) = marks_of(&rules, &[&format!("全线贯通。{mark}")]);
        assert_eq!(out[0].text, "全线贯通。", "{mark}");
        assert!(out[0].closes, "{mark}");
        assert_eq!(removed[0].rule, "end-mark", "{mark}");
        let (out, _) = marks_of(&rules, &["The line opens in May.", mark]);
        assert_eq!(out.len(), 1, "{mark}");
        assert!(out[0].closes, "{mark}");
    }
}

#[test]
fn breadcrumbs_with_any_separator() {
    let rules = RuleSet::builtin();
    let mut n = 0;
    for home in ["首页", "网站首页", "Home", "Startseite", "Accueil"] {
        for sep in [" > ", ">", " » ", " / ", " › ", " → ", " >> "] {
            for crumbs in [&["新闻"][..], &["Region", "Sport"][..], &["社会", "本地", "正文"][..]] {
                let prefix = ["", "当前位置：", "您现在的位置: ", "Sie sind hier: "][n % 4];
                n += 1;
                let line = format!("{prefix}{home}{sep}{}", crumbs.join(sep));
                removed_at_top(&rules, &line, "breadcrumb");
            }
        }
    }
}

#[test]
fn share_print_and_font_links() {
    let rules = RuleSet::builtin();
    for line in [
        "【打印】【关闭】",
        "【打印本页】 【关闭窗口】",
        "打印 | 关闭",
        "分享到：微信 朋友圈 微博",
        "【列印】 【關閉】",
        "Share on Facebook",
        "Imprimer | Partager",
        "Drucken  Versenden",
        "WhatsApp  Facebook  E-Mail",
        "【字号：大 中 小】",
        "字体：小 中 大",
        "字級：大 中 小",
        "Schriftgröße: A A A",
        "【字体：大 中 小】　打印　关闭",
        "打印 | 字号：大 中 小 | 关闭",
    ] {
        removed_inside(&rules, line, "share-links");
    }
}

#[test]
fn published_at_lines_in_any_language() {
    let rules = RuleSet::builtin();
    for line in [
        "Veröffentlicht am 08.03.2019 um 07:45 Uhr",
        "Aktualisiert am 08.03.2019, 07:45 Uhr",
        "Stand: 08.03.2019, 07:45 Uhr",
        "Posted March 8, 2019",
        "Updated 3/8/2019 7:45 AM",
        "Publié le 8 mars 2019 à 07h45",
        "发布时间：2019-03-08 07:45",
        "发布日期：2019年3月8日",
        "更新時間：2019/03/08 07:45",
    ] {
        let page = format!("西岭市新建公园十二座\n{line}\n\n{BODY}");
        let (removed, date) = lines_of(&rules, &page);
        assert!(removed.iter().any(|r| r.rule == "date-line"), "{line}: {removed:?}");
        assert_eq!(date.as_deref(), Some("2019-03-08"), "{line}");
    }
}

#[test]
fn source_and_date_fields_in_any_order() {
    let rules = RuleSet::builtin();
    let fields = ["来源：西岭日报", "发布时间：2019-03-08 07:45:10", "编辑：林立", "浏览次数：1024"];
    let mut n = 0;
    for a in 0..fields.len() {
        for b in 0..fields.len() {
            if a == b {
                continue;
            }
            let sep = [" ", "  ", "　", " | ", ""][n % 5];
            n += 1;
            let line = format!("{}{sep}{}", fields[a], fields[b]);
            let page = format!("西岭市新建公园十二座\n{line}\n\n{BODY}");
            let (removed, _) = lines_of(&rules, &page);
            assert_eq!(removed.len(), 1, "{line}: {removed:?}");
        }
    }
    for line in ["來源：海東晨報  發布時間：2019/03/08 07:45", "Quelle: Der Landbote | 08.03.2019 07:45"] {
        let (removed, date) = lines_of(&rules, &format!("西岭市新建公园十二座\n{line}\n\n{BODY}"));
        assert_eq!(removed.len(), 1, "{line}: {removed:?}");
        assert_eq!(date.as_deref(), Some("2019-03-08"), "{line}");
    }
    // An author beside a date or source is a field of the same line, in
    // any place; alone it is the article's byline, not furniture.
    let authors = ["作者：孙 亮", "作者：欧阳明", "記者：林立", "Author: Ana Lima"];
    for (k, author) in authors.iter().enumerate() {
        let other = fields[k % 2];
        for line in
            [format!("{author}  {other}"), format!("{other}　{author}"), format!("2019-03-08 08:15　{other}　{author}")]
        {
            let (removed, _) = lines_of(&rules, &format!("西岭市新建公园十二座\n{line}\n\n{BODY}"));
            assert_eq!(removed.len(), 1, "{line}: {removed:?}");
        }
        let (removed, _) = lines_of(&rules, &format!("西岭市新建公园十二座\n{author}\n\n{BODY}"));
        assert!(removed.is_empty(), "{author}: {removed:?}");
    }
}

#[test]
fn citations_of_the_printed_edition() {
    let rules = RuleSet::builtin();
    for line in [
        "《西岭日报》（2019年3月8日 第14版）",
        "来源：《西岭日报》2019年3月8日 14版",
        "原载《西岭日报》2019-03-08 第十四版",
        "(Source: The Morning Ledger, March 8, 2019, Page B4)",
        "Erschienen in: Der Landbote vom 08.03.2019, Seite 14",
    ] {
        let (removed, date) = lines_of(&rules, &format!("{BODY}\n{BODY}\n{line}\n\n{BODY}\n{BODY}"));
        assert!(removed.iter().any(|r| r.rule == "print-source"), "{line}: {removed:?}");
        assert_eq!(date.as_deref(), Some("2019-03-08"), "{line}");
    }
}

#[test]
fn photo_credits_in_any_form() {
    let rules = RuleSet::builtin();
    for credit in [
        "本报记者 欧阳明 摄",
        "海东晨报记者 欧阳明 摄",
        "通讯员 林立 摄",
        "（欧阳明 摄）",
        "（林立摄）",
        "欧阳明/摄",
        "欧阳明 摄影",
        "图/欧阳明",
        "图片由西岭日报提供",
        "（资料图）",
        "资料照片",
        "图片来源：视觉中国",
        "（新华社发）",
        "视觉中国供图",
        "市民在新建的公园里散步。本报记者 欧阳明 摄",
        "Photo: Ana Lima / Reuters",
        "(AP Photo/Ana Lima)",
        "Photograph by Ana Lima",
        "Bild: Olaf Brandt/dpa",
        "Photo : Ana Lima / AFP",
        "Foto: dpa",
        "A crane lifts the last span into place. (Staff photo by Ana Lima)",
    ] {
        removed_inside(&rules, credit, "photo-credit");
    }
    for body in ["他在现场拍摄", "Photo by photo, the exhibit shows", "记者欧阳明说，"] {
        let (removed, _) = lines_of(&rules, &format!("{BODY}\n{body}\n{BODY}"));
        assert!(removed.is_empty(), "{body}: {removed:?}");
    }
}
