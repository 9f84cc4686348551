//! How a page splits into articles, through the whole chain: what ends an
//! article, what `--keep-furniture` may change (the text, never the
//! articles), and what a Latin page's header and decks are.

use std::sync::OnceLock;

use galley::{BatchContext, CleanOptions, Item, Page, PageResult, Trace, clean_page};

fn options(keep: bool) -> &'static CleanOptions {
    static OPTIONS: OnceLock<[CleanOptions; 2]> = OnceLock::new();
    &OPTIONS.get_or_init(|| [CleanOptions::default(), CleanOptions { keep_furniture: true, ..CleanOptions::default() }])
        [usize::from(keep)]
}

fn clean(text: &str) -> PageResult {
    clean_page(Page::new(text), &BatchContext::default(), options(false), &mut Trace::off())
}

fn titles(items: &[Item]) -> Vec<Option<&str>> {
    items.iter().map(|i| i.title.as_deref()).collect()
}

#[test]
fn a_paragraph_ending_in_a_bracket_does_not_swallow_the_next_article() {
    let pages = [
        "全市春耕生产全面展开，\n各项措施落到实处。（记者\n张三 摄）\n\n滨海地铁5号线全线贯通\n\n本报讯（记者李四）3月5日，滨海地铁5号线全线贯通，\n沿线居民出行更加便利。\n",
        "The council approved more lanes next year, she said. (Photo on page 3)\n\nLibrary to extend weekend hours\n\nThe library will stay open until 8 p.m. on Saturdays, the board decided.\n",
        "“我们有信心完成全年目标。”（新华社）\n\n外贸开局良好\n\n海关总署7日发布数据，前两个月我国外贸进出口同比增长8.7%。\n",
    ];
    for page in pages {
        let result = clean(page);
        assert_eq!(result.items.len(), 2, "{page}: {:#?}", result.items);
        assert_eq!(titles(&result.items)[0], None, "{page}");
        assert!(result.items[0].body.last().is_some_and(|p| p.ends_with(['）', ')'])), "{page}");
        assert!(titles(&result.items)[1].is_some(), "{page}: {:#?}", result.items);
    }
}

#[test]
fn a_tail_credit_ends_its_article_and_stays_in_it() {
    for credit in [
        "（文/图 本报记者 孙晓雯）",
        "（通讯员 黄丽娟 记者 马超）",
        "（本报记者 陈思雨 整理）",
        "（作者系南州市委党校教授）",
        "（新华社电）",
    ] {
        for gap in ["\n", "\n\n"] {
            let page = format!(
                "青铜文物特展亮相市博物馆\n\n本报讯（记者 朱芳）昨天，特展在市博物馆开幕。\n\n展览将持续至10月底。{gap}{credit}\n\n\
                 春季招聘会提供岗位1.2万个\n\n本报讯（记者 王明）3月4日，春季招聘会在市人力资源市场举行。\n"
            );
            let result = clean(&page);
            assert_eq!(result.items.len(), 2, "{page}: {:#?}", result.items);
            assert_eq!(result.items[0].body.last().map(String::as_str), Some(credit), "{page}");
            assert_eq!(titles(&result.items), [Some("青铜文物特展亮相市博物馆"), Some("春季招聘会提供岗位1.2万个")]);
        }
    }
    // then a text with neither headline nor lead: another item
    let page = "The board is expected to vote on the plan in March.\n\n(Reporting by Jane Doe)\n\nPlease send your letters to the editor by Friday noon.\n";
    let result = clean(page);
    assert_eq!(result.items.len(), 2, "{:#?}", result.items);
    assert_eq!(result.items[0].body.last().map(String::as_str), Some("(Reporting by Jane Doe)"));
}

#[test]
fn a_web_page_keeps_its_crossheads_in_its_one_article() {
    let page = "滨海新闻网\n当前位置：首页 / 新闻 / 本地\n\n一片茶叶富了一方百姓\n发布时间：2022-02-25 14:16:24\n\n\
                【滨海日报讯】清晨，云雾缭绕的茶园里，采茶工们手指翻飞，一片片嫩芽被轻轻摘下。“今年春茶品质好，\
                收购价每斤涨了10多块钱。”茶农李春花笑着说，一片茶叶富了一方百姓。\n\n\
                从“卖茶叶”到“卖品牌”\n\n过去，村里的茶叶大多以散装形式低价卖给收购商。前几年，村里成立茶叶专业合作社，\
                统一标准、统一包装，注册了自己的品牌，茶叶价格翻了一番。\n\n\
                茶园变成了景区\n\n合作社还依托茶园发展乡村旅游，建起了观光步道和民宿，游客可以采茶、制茶、品茶。\
                去年全村接待游客5万多人次，旅游收入超过600万元。\n\n\
                分享到：微信 微博 QQ空间\n";
    for keep in [false, true] {
        let result = clean_with(page, keep);
        assert_eq!(result.items.len(), 1, "{:#?}", result.items);
        assert_eq!(titles(&result.items), [Some("一片茶叶富了一方百姓")]);
        assert!(result.items[0].body.iter().any(|p| p == "茶园变成了景区"), "{:#?}", result.items);
    }
}

#[test]
fn a_continuation_note_under_a_headline_opens_the_text_not_a_headline_line() {
    let pages = [
        (
            "## 非遗展演周本周末开幕\n\n(续A1版⑩)\n\n活动安排如下\n\n时间：6月8日至6月14日\n\n地点：市文化中心广场\n\n\
             主办方提醒，活动期间文化中心周边道路将实施临时交通管制。\n",
            "非遗展演周本周末开幕",
            "活动安排如下",
        ),
        (
            "Landwirtschaft\nEU-Staaten einigen sich auf neue Agrarregeln\n\nFortsetzung von Seite 1\n\
             Der Bauernverband begrüßte die Einigung grundsätzlich, warnte aber vor\n\
             zusätzlicher Bürokratie für die Höfe. Die Agrarminister wollen die Regeln\n\
             im Herbst noch einmal prüfen, wenn die ersten Anträge vorliegen.\n",
            "EU-Staaten einigen sich auf neue Agrarregeln",
            "Der Bauernverband begrüßte",
        ),
    ];
    for (page, title, text) in pages {
        let result = clean(page);
        assert_eq!(result.items.len(), 1, "{:#?}", result.items);
        let item = &result.items[0];
        assert!(item.title.as_deref().is_some_and(|t| t.ends_with(title)), "{item:#?}");
        assert_eq!(item.subtitle, None, "{item:#?}");
        assert!(item.continued_from.is_some(), "{item:#?}");
        assert!(item.body[0].starts_with(text), "{item:#?}");
        assert!(result.orphans.is_empty(), "{:?}", result.orphans);
    }
}

/// Pages whose furniture sits where keeping it once changed the articles:
/// a page header above a headline, web chrome around a title, an editor
/// line and a continuation note beside the text.
const FURNITURE_PAGES: &[&str] = &[
    "滨海晨报 2024年3月5日 星期二 第3版\n\n滨海地铁5号线全线贯通\n\n本报讯（记者李四）3月5日，滨海地铁5号线全线贯通，沿线居民出行更加便利。（下转第二版）\n\n责任编辑：周敏\n",
    "首页 | 新闻 | 财经 | 体育\n滨海新闻网 > 新闻中心 > 本地要闻\n\n滨海市启动老旧小区改造三年行动\n来源：滨海日报  2024-03-05 08:30\n分享到：微信 微博 QQ空间\n\n3月4日，记者从市住建局获悉，方案正式印发。\n\n版权所有 © 滨海新闻网 2024\n",
    "NEW-YORK TRIBUNE, WEDNESDAY, MARCH 15, 1916.\nSENATE PASSES ARMY BILL\nWASHINGTON, March 14.—The Senate passed the army bill today by a vote of 56 to 20.\nThe House will take it up next week.\n",
    "The Riverside Courier\nHome > News > Local\nLocal\n\nCity council approves new budget\n\nBy Jane Doe\nMarch 3, 2024 10:15 AM\n\nRIVERSIDE — The city council approved a budget for road repairs.\n\nAdvertisement\n\nThe money will come from state grants.\n\nShare this article\n",
];

fn clean_with(text: &str, keep: bool) -> PageResult {
    clean_page(Page::new(text), &BatchContext::default(), options(keep), &mut Trace::off())
}

/// The letters and digits of a text.
fn letters(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether `kept` is `plain` with furniture put back: the same items with
/// the same fields (and the repeated boxes, kept as the notices they are),
/// each body paragraph of `plain` found in `kept` in order, the rest of
/// `kept` being furniture the page recorded.
fn same_but_furniture(plain: &PageResult, kept: &PageResult) -> Result<(), String> {
    let boxes: Vec<String> =
        kept.removed.iter().filter(|r| r.rule == "repeated-box").map(|r| letters(&r.text)).collect();
    let is_box = |i: &&Item| i.body.iter().all(|p| boxes.iter().any(|b| b.contains(&letters(p))));
    let kept_items: Vec<&Item> = kept.items.iter().filter(|i| !is_box(i)).collect();
    if plain.items.len() != kept_items.len() {
        return Err(format!("{} items, with furniture kept {}", plain.items.len(), kept_items.len()));
    }
    let furniture: Vec<String> = kept.removed.iter().map(|r| letters(&r.text)).collect();
    for (a, b) in plain.items.iter().zip(kept_items) {
        let fields = |i: &Item| {
            (i.kind, i.kicker.clone(), i.title.clone(), i.subtitle.clone(), i.byline.clone(), i.date.clone())
        };
        if fields(a) != fields(b)
            || (a.continued_to.clone(), a.continued_from.clone()) != (b.continued_to.clone(), b.continued_from.clone())
        {
            return Err(format!("fields differ:\n{a:#?}\n{b:#?}"));
        }
        let mut rest = b.body.iter().map(|p| letters(p)).collect::<Vec<_>>().join("|");
        for p in &a.body {
            let p = letters(p);
            let at = rest.find(&p).ok_or_else(|| format!("{p:?} not in the kept body {:?}", b.body))?;
            rest.replace_range(at..at + p.len(), "|");
        }
        for piece in rest.split('|').filter(|s| !s.is_empty()) {
            if !furniture.iter().any(|f| f.contains(piece)) {
                return Err(format!("{piece:?} in the kept body is no recorded furniture: {:?}", b.body));
            }
        }
    }
    Ok(())
}

#[test]
fn keeping_furniture_only_puts_it_back_in_the_text() {
    for page in FURNITURE_PAGES {
        let (plain, kept) = (clean_with(page, false), clean_with(page, true));
        assert_eq!(plain.removed, kept.removed, "{page}");
        assert!(!kept.removed.is_empty());
        if let Err(why) = same_but_furniture(&plain, &kept) {
            panic!("{page}\n{why}");
        }
        let put_back: usize = kept.items.iter().map(|i| letters(&i.body.join("")).len()).sum::<usize>()
            - plain.items.iter().map(|i| letters(&i.body.join("")).len()).sum::<usize>();
        assert!(put_back > 0, "{page}: nothing put back");
    }
}

#[test]
fn keeping_furniture_changes_no_article_of_the_seeds_and_layouts() {
    use galley::decode::{decode, pages};
    use galley::{Facts, page_facts};
    for dir in ["seeds", "tests/fixtures/pages", "tests/fixtures/web"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("a fixture folder") {
            let bytes = std::fs::read(entry.expect("an entry").path()).expect("readable");
            let decoded = decode(&bytes, None).expect("text");
            texts.extend(pages(&decoded).iter().map(|p| p.text.to_owned()));
        }
        texts.sort();
        for keep in [false, true] {
            let ctx = texts
                .iter()
                .fold(Facts::default(), |f, t| f.with_page(page_facts(Page::new(t), options(keep))))
                .into_context();
            for text in &texts {
                let plain = clean_page(Page::new(text), &ctx, options(false), &mut Trace::off());
                let kept = clean_page(Page::new(text), &ctx, options(true), &mut Trace::off());
                assert_eq!(plain.removed, kept.removed);
                if let Err(why) = same_but_furniture(&plain, &kept) {
                    panic!("{}\n{why}", text.chars().take(100).collect::<String>());
                }
            }
        }
    }
}

/// Latin front pages whose masthead dates the page, wherever it stands,
/// and whose decks open with `By` and a phrase, not a name.
const LATIN_FRONT_PAGES: &[(&str, &str)] = &[
    (
        "THE EVENING HERALD\nVOLUME 23. 8 PAGES WILLMAR, MINNESOTA, WEDNESDAY, MARCH 15, 1916\n\nARMY BILL PASSES SENATE\n\nBy A Very Large Vote\n\n\
         WASHINGTON, March 14.—The Senate passed the army bill today by a vote of 56 to 20, after a debate of two weeks.\n\n\
         The House will take it up next week.\n",
        "1916-03-15",
    ),
    (
        "Snow or rain today\nFirst to Last—the Truth: News—Editorials—Advertisements\nVol. LXXV No. 25,322\n\n\
         WED??SDAY, MARCH 15, 1916.\n\nHOUSE VOTES MORE MEN\n\nBy An Overwhelming Margin\n\n\
         WASHINGTON, March 14.—The House voted today to add 20,000 men to the army on the border.\n\nThe Senate is expected to agree.\n",
        "1916-03-15",
    ),
    (
        "The Riverside Courier\nTuesday, March 5, 2024\n\nCouncil approves road budget\n\nBy Order Of The Mayor\n\n\
         RIVERSIDE — The city council on Tuesday approved a budget for road repairs.\n\nWork begins in May.\n",
        "2024-03-05",
    ),
];

#[test]
fn a_latin_masthead_dates_the_page_and_stays_out_of_titles() {
    for (page, date) in LATIN_FRONT_PAGES {
        let result = clean(page);
        assert!(!result.items.is_empty(), "{page}");
        for item in &result.items {
            assert_eq!(item.date.as_deref(), Some(*date), "{page}: {item:#?}");
            let headline: Vec<&str> = item.headline().collect();
            assert!(!headline.join(" ").contains(&date[..4]), "{page}: {headline:?}");
        }
    }
}

#[test]
fn a_deck_opening_with_by_is_no_byline() {
    for (page, _) in LATIN_FRONT_PAGES {
        let result = clean(page);
        let item = result.items.iter().find(|i| i.title.is_some()).expect("a headed article");
        assert!(item.byline.as_deref().is_none_or(|b| !b.starts_with("By")), "{page}: {item:#?}");
        let headline: Vec<&str> = item.headline().collect();
        assert!(headline.join(" ").contains("By "), "{page}: the deck is part of the headline: {item:#?}");
    }
}
