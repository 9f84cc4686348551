//! Stage 5, segment: paragraphs → items, from the text alone.
//!
//! Input: the paragraphs of a page, furniture marks already turned into
//! fields. Output: the page's items in reading order, and its orphan
//! headlines.
//!
//! Body paragraphs form groups: a group ends before a lead paragraph
//! (`本报讯`, `新华社…电`, `又讯`, a dateline), before headline lines, and
//! after a closing mark (an editor code or continuation note). Headline
//! lines between groups form regions, which `assign` splits among the
//! groups before and after them. A group becomes an article; a group under a
//! `###` heading with a line or two is a `brief`; a short group with
//! neither lead nor headline is a `notice` (the boxed appeal of 001).

mod assign;
mod headline;
mod inner;
pub mod tables;

use crate::model::{Item, ItemKind, ParaClass, Paragraph};
use crate::rules::RuleSet;
use crate::segment::assign::{Body, Features, HeadlineFeatures, Split, assign};
use crate::trace::Trace;

use headline::presiders;

/// Most paragraphs a brief may have.
const BRIEF_MAX_PARAGRAPHS: usize = 2;

/// A group without lead or headline up to this size is a notice box, not an
/// article.
const NOTICE_MAX_PARAGRAPHS: usize = 3;

/// See [`NOTICE_MAX_PARAGRAPHS`]; in characters.
const NOTICE_MAX_CHARS: usize = 300;

/// One line of a headline region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeadLine {
    /// The line's text.
    pub text: String,
    /// The level of a Markdown heading (`###` → 3).
    pub level: Option<u8>,
    /// Whether a blank line precedes it: a new run. A heading always
    /// starts a run; one without a blank line above it has its kicker
    /// there.
    pub run_start: bool,
    /// The page line it stands on.
    pub line: usize,
}

/// The paragraphs of one article body.
struct Group {
    paragraphs: Vec<Paragraph>,
    closed: bool,
    /// Whether all its paragraphs are credit lines (`By TOM BAKER`).
    credits: bool,
}

impl Group {
    fn new() -> Self {
        Group { paragraphs: Vec::new(), closed: false, credits: true }
    }

    /// Adds a paragraph; whether it is a credit line is asked once, not
    /// again for each paragraph after it.
    fn push(&mut self, p: Paragraph, rules: &RuleSet) {
        self.closed |= p.closes;
        self.credits = self.credits && p.class == ParaClass::Lead && rules.is_credit(&p.text);
        self.paragraphs.push(p);
    }
}

/// The items and orphan headlines of a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmented {
    /// Items in reading order.
    pub items: Vec<Item>,
    /// Headlines whose body is not on the page.
    pub orphans: Vec<String>,
    /// The page lines of headline paragraphs that are text after all:
    /// crossheads inside an article (see `inner`).
    pub crossheads: Vec<usize>,
}

/// Splits a page's paragraphs into items.
pub fn segment(paragraphs: Vec<Paragraph>, rules: &RuleSet, trace: &mut Trace) -> Segmented {
    let (mut regions, mut groups) = layout(paragraphs, rules);
    inner::join_notes(&mut regions, &mut groups);
    let asked = HeadlineFeatures::of(&regions);
    let bodies: Vec<Body> = groups
        .iter()
        .map(|g| {
            let features = Features::among(g.paragraphs.iter().map(|p| p.text.as_str()), &asked);
            let chairs =
                g.paragraphs.iter().flat_map(|p| presiders(&p.text, true)).map(|(name, _)| name.to_owned()).collect();
            Body {
                features,
                continues: g.paragraphs.iter().any(|p| p.continued_to.is_some()),
                chairs,
                whole: g.paragraphs.iter().all(|p| p.whole),
                jumped: g.paragraphs[0].continued_from.is_some(),
            }
        })
        .collect();
    let splits = assign(&regions, &bodies, trace);
    let continues = inner::continuations(&regions, &groups, &splits);
    let mut out = Segmented::default();
    for (i, region) in regions.iter().enumerate() {
        let Split { before, after } = splits[i];
        if continues.get(i).is_some_and(|&c| c) && !region.is_empty() {
            trace.note(|| format!("segment: line {}: a crosshead inside the article before it", region[0].line));
            out.crossheads.push(region[0].line);
        } else if before < after {
            let lines: Vec<&str> = region[before..after].iter().map(|l| l.text.as_str()).collect();
            out.orphans.push(lines.join(" "));
        }
    }
    let mut articles: Vec<(Group, &[HeadLine])> = Vec::new();
    for (i, group) in groups.into_iter().enumerate() {
        if let Some((article, _)) = articles.last_mut().filter(|_| continues[i]) {
            article.paragraphs.extend(regions[i].iter().map(inner::as_paragraph));
            article.paragraphs.extend(group.paragraphs);
            article.closed = group.closed;
            continue;
        }
        let block = if splits[i + 1].before > 0 {
            &regions[i + 1][..splits[i + 1].before]
        } else {
            &regions[i][splits[i].after..]
        };
        articles.push((group, block));
    }
    out.items = articles.into_iter().map(|(group, block)| item(group, block, rules)).collect();
    out
}

/// Lays the paragraphs out as headline regions and body groups, region
/// first: `regions[i]` precedes `groups[i]`, and one region follows the
/// last group.
fn layout(paragraphs: Vec<Paragraph>, rules: &RuleSet) -> (Vec<Vec<HeadLine>>, Vec<Group>) {
    let mut regions: Vec<Vec<HeadLine>> = vec![Vec::new()];
    let mut groups: Vec<Group> = Vec::new();
    for p in paragraphs {
        let region = regions.last_mut().expect("one region more than groups");
        if let ParaClass::Headline | ParaClass::Heading(_) = p.class {
            let level = match p.class {
                ParaClass::Heading(level) => Some(level),
                _ => None,
            };
            region.push(HeadLine { run_start: p.blank_before, line: p.lines.0, text: p.text, level });
            continue;
        }
        // A lead after nothing but credit lines (`By TOM BAKER`, then
        // `SPRINGFIELD — …`) is the same article's.
        let starts = groups.last().is_none_or(|g| {
            !region.is_empty() || g.closed || (p.class == ParaClass::Lead && !g.credits) || p.continued_from.is_some()
        });
        if starts {
            groups.push(Group::new());
            regions.push(Vec::new());
        }
        groups.last_mut().expect("a group was just opened").push(p, rules);
    }
    (regions, groups)
}

/// The item made of a body group and its headline block.
fn item(group: Group, block: &[HeadLine], rules: &RuleSet) -> Item {
    let first = &group.paragraphs[0];
    let byline =
        (first.class == ParaClass::Lead).then(|| rules.lead(&first.text)).flatten().map(|b| b.trim_end().to_owned());
    let continued_from = first.continued_from.clone();
    let continued_to = group.paragraphs.iter().rev().find_map(|p| p.continued_to.clone());
    let body: Vec<String> = group.paragraphs.into_iter().map(|p| p.text).collect();
    let chars: usize = body.iter().map(|p| p.chars().count()).sum();
    let small_heading = block.iter().any(|l| l.level.is_some_and(|level| level >= 3));
    let kind = if small_heading && body.len() <= BRIEF_MAX_PARAGRAPHS {
        ItemKind::Brief
    } else if block.is_empty()
        && byline.is_none()
        && continued_from.is_none()
        && body.len() <= NOTICE_MAX_PARAGRAPHS
        && chars <= NOTICE_MAX_CHARS
    {
        ItemKind::Notice
    } else {
        ItemKind::Article
    };
    let headline::Headline { kicker, title, subtitle } = headline::split(block);
    Item { kind, kicker, title, subtitle, byline, date: None, continued_to, continued_from, body }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str, class: ParaClass, blank_before: bool) -> Paragraph {
        Paragraph::new(text.to_owned(), class, (1, 1), blank_before)
    }

    fn body(text: &str) -> Paragraph {
        para(text, ParaClass::Body, true)
    }

    fn lead(text: &str) -> Paragraph {
        para(text, ParaClass::Lead, true)
    }

    fn headline(text: &str) -> Paragraph {
        para(text, ParaClass::Headline, true)
    }

    fn run(paragraphs: Vec<Paragraph>) -> Segmented {
        segment(paragraphs, &RuleSet::builtin(), &mut Trace::off())
    }

    #[test]
    fn lead_marker_opens_a_new_article() {
        let s = run(vec![lead("本报讯（记者甲）第一篇。"), body("续写。"), lead("新华社北京3月17日电 第二篇。")]);
        assert_eq!(s.items.len(), 2);
        assert_eq!(s.items[0].body.len(), 2);
        assert_eq!(s.items[0].byline.as_deref(), Some("本报讯（记者甲）"));
        assert_eq!(s.items[1].byline.as_deref(), Some("新华社北京3月17日电"));
    }

    #[test]
    fn headline_printed_after_its_body_heads_it() {
        // 001: body, then its headline, then the next lead
        let s = run(vec![
            lead("本报讯（记者董柏生）我市激励党员干部担当作为，六名干部得到火线提拔。"),
            headline("我市六名战“疫”干部获火线提拔"),
            lead("本报讯（记者焦娇）市委书记到监狱调研疫情防控工作。"),
        ]);
        assert_eq!(s.items[0].title.as_deref(), Some("我市六名战“疫”干部获火线提拔"));
        assert_eq!(s.items[1].title, None);
    }

    #[test]
    fn closing_mark_ends_an_article() {
        let mut first = lead("本报讯（记者甲）会议召开。");
        first.closes = true;
        let s = run(vec![first, body("请广大群众监督。")]);
        assert_eq!(s.items.len(), 2);
        assert_eq!(s.items[1].kind, ItemKind::Notice);
    }

    #[test]
    fn short_box_without_lead_or_headline_is_a_notice() {
        // 001 lines 1–5
        let s = run(vec![
            body("请广大群众和社会各界对我市各县（市）区、各部门在防控处置疫情工作中不作为问题予以监督。"),
            body("监督举报电话：（0391）3569278、3569290。"),
            lead("本报讯（记者董柏生）我市激励党员干部担当作为。"),
        ]);
        assert_eq!(s.items[0].kind, ItemKind::Notice);
        assert_eq!(s.items[1].kind, ItemKind::Article);
    }

    #[test]
    fn small_heading_with_a_line_is_a_brief() {
        // 000 lines 27–29
        let s = run(vec![para("出入政策有变", ParaClass::Heading(3), true), body("河南18地最新返城规定来了。")]);
        assert_eq!(s.items[0].kind, ItemKind::Brief);
        assert_eq!(s.items[0].title.as_deref(), Some("出入政策有变"));
    }

    #[test]
    fn unmatched_headline_is_an_orphan() {
        let s = run(vec![
            lead("本报讯（记者原文钊）山阳区全力控制疫情。"),
            headline("有序做好返岗复工等人员"),
            para("健康申报证明办理服务工作", ParaClass::Headline, false),
        ]);
        assert_eq!(s.orphans, ["有序做好返岗复工等人员 健康申报证明办理服务工作"]);
        assert_eq!(s.items[0].title, None);
    }

    #[test]
    fn on_a_page_of_headlines_above_their_bodies_weak_evidence_will_do() {
        let s = run(vec![
            headline("第一篇文章的标题在这里"),
            lead("本报讯（记者甲）第一篇文章的标题在这里说的事，正文写在这里。"),
            headline("市民公园春季花展明日开幕"),
            lead("本报记者 刘洋"),
            body("3月4日，记者从市园林局获悉，今年花展共展出花卉品种300余个。"),
        ]);
        assert_eq!(s.items[1].title.as_deref(), Some("市民公园春季花展明日开幕"));
        assert!(s.orphans.is_empty());
    }

    #[test]
    fn without_the_page_order_weak_evidence_leaves_an_orphan() {
        let s = run(vec![
            lead("本报讯（记者甲）第一篇文章的正文写在这里。"),
            headline("市民公园春季花展明日开幕"),
            lead("本报记者 刘洋"),
            body("3月4日，记者从市园林局获悉，今年花展共展出花卉品种300余个。"),
        ]);
        assert_eq!(s.orphans, ["市民公园春季花展明日开幕"]);
    }

    /// A paragraph set one to a line (a web edition, plain text).
    fn whole(text: &str) -> Paragraph {
        let mut p = body(text);
        p.whole = true;
        p
    }

    #[test]
    fn a_headline_after_whole_paragraphs_heads_what_follows() {
        // The headline shares words with the text before it, little or
        // nothing with the text after: set one paragraph a line, the page
        // prints headlines above their text, and it heads what follows.
        let pages = [
            [
                "Thanks to all who came to the fair.",
                "Spring fair raises $4,000",
                "The money will buy books for the school library.",
            ],
            [
                "The storm knocked out power to thousands of homes on Monday.",
                "Power restored to most homes",
                "Crews worked through the night, and by Tuesday morning most customers had electricity again.",
            ],
            ["感谢各位读者参加春季书市。", "春季书市募得四千元", "这笔钱将为学校图书馆购买新书。"],
        ];
        for [before, title, after] in pages {
            let s = run(vec![whole(before), headline(title), whole(after)]);
            assert_eq!(s.items.len(), 2, "{title}");
            assert_eq!((s.items[0].title.as_deref(), s.items[1].title.as_deref()), (None, Some(title)));
            assert_eq!(s.items[0].body, [before]);
            assert!(s.orphans.is_empty(), "{:?}", s.orphans);
        }
    }

    #[test]
    fn a_run_of_credit_lines_is_one_article() {
        // Each credit line once asked again of every credit line before it.
        let credits = vec![lead("By TOM BAKER"); 20_000];
        let s = run(credits);
        assert_eq!(s.items.len(), 1);
        assert_eq!(s.items[0].body.len(), 20_000);
    }

    #[test]
    fn a_plain_line_just_above_a_markdown_heading_is_its_kicker() {
        for (kicker, title, body_after) in [
            ("提醒", "滨江大道部分路段实施交通管制", "因跨线桥施工需要，交管部门决定实施交通管制。"),
            ("奋进新时代", "山村小学来了新老师", "开学第一天，山村小学迎来了三位新老师。"),
            ("City news", "Council approves new budget", "The council approved a budget on Monday."),
        ] {
            let mut heading = para(title, ParaClass::Heading(2), false);
            heading.whole = true;
            let s =
                run(vec![body("前一篇文章的正文写在这里，到此结束。"), headline(kicker), heading, body(body_after)]);
            assert_eq!(s.items.len(), 2, "{title}: {:#?}", s.items);
            assert_eq!((s.items[1].kicker.as_deref(), s.items[1].title.as_deref()), (Some(kicker), Some(title)));
            assert!(s.orphans.is_empty(), "{:?}", s.orphans);
        }
    }

    #[test]
    fn a_lead_after_an_editors_note_opens_the_text_the_note_introduces() {
        for note in [
            vec![body("编者按：乡村教育是教育振兴的短板。本报今起推出系列报道。")],
            vec![body("编者按"), body("乡村教育是教育振兴的短板。本报今起推出系列报道。")],
            vec![body("Editor's note: This is the first of three stories on rural schools.")],
        ] {
            let mut page = vec![lead("本报讯（记者甲）前一篇文章的正文。"), headline("山村小学来了新老师")];
            page.extend(note);
            page.push(lead("本报讯（记者 吴思雨）清晨6点半，山村里的石门小学升起了国旗，新老师张晓雨站在队伍后面。"));
            let s = run(page);
            assert_eq!(s.items.len(), 2, "{:#?}", s.items);
            assert_eq!(s.items[1].title.as_deref(), Some("山村小学来了新老师"));
            assert!(s.items[1].body.last().is_some_and(|p| p.contains("石门小学")));
        }
    }

    #[test]
    fn a_lead_after_an_article_that_an_editors_note_opened_opens_another() {
        // The note introduces text without a lead of its own; the lead
        // after that text opens the next article.
        for note in [
            vec![body("编者按：乡村教育是教育振兴的短板。本报今起推出系列报道。")],
            vec![body("编者按"), body("乡村教育是教育振兴的短板。本报今起推出系列报道。")],
        ] {
            let mut page = vec![lead("本报讯（记者甲）前一篇文章的正文。"), headline("山村小学来了新老师")];
            page.extend(note);
            page.push(body("清晨6点半，大山深处的石门小学升起了国旗。"));
            page.push(body("张晓雨说，她打算在这里一直干下去。"));
            page.push(lead("本报滨海12月21日讯（记者 王子涵）昨天上午，马拉松鸣枪开跑。"));
            let s = run(page);
            assert_eq!(s.items.len(), 3, "{:#?}", s.items);
            assert!(s.items[2].body[0].contains("马拉松"), "{:#?}", s.items);
        }
    }

    #[test]
    fn a_lead_after_an_articles_opening_continues_it() {
        for (title, opening, text) in [
            (
                "稻谷飘香 又是一年丰收时",
                "金秋时节，走进临川的万亩稻田，稻谷飘香，处处洋溢着丰收的喜悦。",
                "本报临川4月12日讯 今年，全县水稻种植面积达到38.6万亩，又是一个丰收年。",
            ),
            (
                "Valley farmers bring in a record harvest",
                "The combines have been running since dawn across the valley, and the harvest is the best in years.",
                "RIVERTON (AP) — Farmers in the valley expect a record harvest this year, the state said.",
            ),
        ] {
            let s = run(vec![lead("本报讯（记者甲）前一篇文章的正文。"), headline(title), body(opening), lead(text)]);
            assert_eq!(s.items.len(), 2, "{:#?}", s.items);
            assert_eq!((s.items[1].title.as_deref(), s.items[1].body.len()), (Some(title), 2));
        }
        // without a headline above it, a paragraph before a lead is a box of its own
        let s = run(vec![body("请广大群众监督举报。"), lead("本报讯（记者董柏生）我市激励党员干部担当作为。")]);
        assert_eq!(s.items.len(), 2);
    }

    #[test]
    fn a_crosshead_in_text_set_one_paragraph_a_line_stays_in_its_article() {
        for (title, lead_text, heads, texts) in [
            (
                "一片茶叶富了一方百姓",
                "【滨海日报讯】清晨，云雾缭绕的茶园里，采茶工们手指翻飞，一片片嫩芽被轻轻摘下。",
                ["从“卖茶叶”到“卖品牌”", "从“种茶园”到“游茶园”"],
                [
                    "过去，村里的茶叶大多以散装形式低价卖给收购商，如今注册了品牌。",
                    "合作社还依托茶园发展乡村旅游，建起了观光步道和民宿。",
                ],
            ),
            (
                "Tea growers find a new market",
                "RIVERTON (AP) — Tea growers in the misty hills have found a new market for their leaves.",
                ["From leaves to brands", "Tourists follow"],
                [
                    "The village used to sell its tea loose to traders.",
                    "The co-operative has opened guest houses and trails.",
                ],
            ),
        ] {
            let page = vec![
                headline(title),
                lead(lead_text),
                headline(heads[0]),
                body(texts[0]),
                headline(heads[1]),
                body(texts[1]),
            ];
            let s = run(page);
            assert_eq!(s.items.len(), 1, "{:#?}", s.items);
            assert_eq!(s.items[0].body, [lead_text, heads[0], texts[0], heads[1], texts[1]]);
            assert_eq!(s.crossheads.len(), 2);
        }
    }

    #[test]
    fn a_crosshead_stays_in_an_article_that_opens_without_a_lead() {
        // A web edition's file: headline, text without a lead, crossheads.
        for (title, heads, texts) in [
            (
                "捷運環狀線北段下月試營運",
                ["正式通車後", "票價怎麼算"],
                [
                    "捷運公司今天宣布，環狀線北段將於下月15日起試營運。",
                    "票價將依里程計費，起價20元。",
                    "學生可享八折優惠。",
                ],
            ),
            (
                "Tea growers find a new market",
                ["From leaves to brands", "Tourists follow"],
                [
                    "Tea growers in the misty hills have found a new market for their leaves.",
                    "The village used to sell its tea loose to traders.",
                    "The co-operative has opened guest houses and trails.",
                ],
            ),
        ] {
            let page = vec![
                headline(title),
                whole(texts[0]),
                headline(heads[0]),
                whole(texts[1]),
                headline(heads[1]),
                whole(texts[2]),
            ];
            let s = run(page);
            assert_eq!(s.items.len(), 1, "{:#?}", s.items);
            assert_eq!(s.items[0].title.as_deref(), Some(title));
            assert_eq!(s.items[0].body, [texts[0], heads[0], texts[1], heads[1], texts[2]]);
        }
    }

    #[test]
    fn in_columns_or_before_a_lead_a_one_line_region_is_a_headline() {
        let mut columned = body("过去，村里的茶叶大多以散装形式低价卖给收购商，如今注册了品牌。");
        columned.lines = (4, 6);
        let pages = [
            vec![
                headline("一片茶叶富了一方百姓"),
                lead("本报讯（记者甲）茶园里采茶工们手指翻飞。"),
                headline("市图书馆延长开放时间"),
                columned,
            ],
            vec![
                headline("一片茶叶富了一方百姓"),
                lead("本报讯（记者甲）茶园里采茶工们手指翻飞。"),
                headline("市图书馆延长开放时间"),
                lead("本报讯（记者乙）市图书馆延长开放时间，每天开放至晚上9点。"),
            ],
        ];
        for page in pages {
            let s = run(page);
            assert_eq!(s.items.len(), 2, "{:#?}", s.items);
        }
    }

    #[test]
    fn credit_line_and_dateline_open_one_article() {
        let s = run(vec![
            headline("Storm leaves thousands without power"),
            lead("By TOM BAKER Herald Staff Writer"),
            lead("SPRINGFIELD — A late winter storm knocked out power on Monday."),
            body("Crews warned the work could take days."),
        ]);
        assert_eq!(s.items.len(), 1);
        assert_eq!(s.items[0].byline.as_deref(), Some("By TOM BAKER Herald Staff Writer"));
        assert_eq!(s.items[0].title.as_deref(), Some("Storm leaves thousands without power"));
        assert_eq!(s.items[0].body.len(), 3);
    }
}
