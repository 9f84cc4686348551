//! Web-edition pages (`tests/fixtures/web`, invented text in the layout of
//! a national daily's web edition and of English news sites): one article
//! a file, its headline lines, then one paragraph a line, indented with
//! ideographic spaces or not, blank lines between or not, nothing to
//! remove. Paragraphs range from a short sentence to several hundred
//! characters, some as long as each other, some longer than any column.
//! Each page must yield one article with its headline, and each of its
//! lines must come out as one paragraph, exactly; cleaned alone and in a
//! batch with the others. Some pages are in forms the page composer does
//! not draw: Traditional Chinese indented with ASCII spaces, no indent and
//! blank lines between, crossheads in an article without a lead, a label
//! and a numbered list, English text with a crosshead and a list, a
//! trailing editor's line (furniture, removed).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use galley::{BatchContext, CleanOptions, Facts, Page, PageResult, Trace, clean_page, page_facts};

/// Each page's kicker and title, and how many headline lines it opens with.
const HEADLINES: &[(&str, Option<&str>, &str, usize)] = &[
    ("en-harbor-grant.txt", None, "Harbor dredging project wins $22 million federal grant", 1),
    ("en-library-hours.txt", None, "Library to extend weekend hours after residents sign petition", 1),
    ("en-school-meals.txt", None, "State expands free school meals to 400,000 more students", 1),
    ("en-weekend-buses.txt", None, "City council approves later bus service on weekends", 1),
    ("zh-city-renewal.txt", None, "坚持以人民为中心 推动城市更新行动走深走实", 1),
    ("zh-museum-night.txt", None, "博物馆“夜场”为何一票难求？", 1),
    ("zh-plateau-school.txt", Some("新春走基层"), "雪域高原上的“流动课堂”", 2),
    ("zh-rail-opening.txt", None, "西部陆海新通道再添“快车道”", 1),
    ("zh-spring-farming.txt", None, "春耕备耕正当时 田间地头农事忙", 1),
    ("zh-volunteer-commentary.txt", None, "让志愿服务成为城市最温暖的底色", 1),
    ("zh-xinhua-trade.txt", None, "前两个月我国外贸进出口同比增长8.7%", 1),
    ("zh-hant-harbor-tourism.txt", None, "港口轉型迎來觀光人潮", 1),
    ("zh-hant-night-market.txt", None, "夜市經濟點亮城市", 1),
    ("zh-lift-installation.txt", None, "城区12处老旧小区启动加装电梯", 1),
    ("zh-spring-machinery.txt", None, "春播时节农机忙", 1),
];

/// The pages that end in an editor's line, which is furniture: removed,
/// and no paragraph.
const TRAILING_FURNITURE: &[(&str, &str)] =
    &[("zh-hant-night-market.txt", "（編輯：劉家豪）"), ("zh-lift-installation.txt", "（责任编辑：王敏）")];

fn web_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web")
}

fn options() -> &'static CleanOptions {
    static OPTIONS: OnceLock<CleanOptions> = OnceLock::new();
    OPTIONS.get_or_init(CleanOptions::default)
}

/// Every web page of the fixtures, by name, sorted.
fn pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = std::fs::read_dir(web_dir())
        .expect("tests/fixtures/web is readable")
        .map(|e| {
            let path = e.expect("a folder entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("a UTF-8 name").to_owned();
            (name, std::fs::read_to_string(&path).expect("a fixture is UTF-8"))
        })
        .collect();
    pages.sort();
    pages
}

/// The lines of a page after its headline lines, without their indents,
/// and without a trailing furniture line.
fn paragraphs<'a>(text: &'a str, headline_lines: usize, furniture: Option<&str>) -> Vec<&'a str> {
    let lines = text.lines().map(|l| l.trim_matches(|c: char| c == ' ' || c == '\u{3000}'));
    let mut lines: Vec<&str> = lines.filter(|l| !l.is_empty()).skip(headline_lines).collect();
    if furniture.is_some() {
        assert_eq!(lines.pop(), furniture, "the page ends in its furniture line");
    }
    lines
}

fn check(name: &str, text: &str, result: &PageResult, how: &str) {
    let &(_, kicker, title, headline_lines) =
        HEADLINES.iter().find(|h| h.0 == name).unwrap_or_else(|| panic!("{name}: no expected headline"));
    let titles: Vec<_> = result.items.iter().map(|i| &i.title).collect();
    assert_eq!(result.items.len(), 1, "{name} ({how}): one article, got items titled {titles:?}");
    let item = &result.items[0];
    assert_eq!((item.kicker.as_deref(), item.title.as_deref()), (kicker, Some(title)), "{name} ({how})");
    let furniture = TRAILING_FURNITURE.iter().find(|f| f.0 == name).map(|f| f.1);
    assert_eq!(item.body, paragraphs(text, headline_lines, furniture), "{name} ({how})");
    let removed: Vec<&str> = result.removed.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(removed, furniture.into_iter().collect::<Vec<_>>(), "{name} ({how})");
    assert!(result.orphans.is_empty(), "{name} ({how}): {result:?}");
}

#[test]
fn each_web_page_is_one_article_with_every_line_a_paragraph() {
    for (name, text) in pages() {
        let result = clean_page(Page::new(&text), &BatchContext::default(), options(), &mut Trace::off());
        check(&name, &text, &result, "alone");
    }
}

#[test]
fn web_pages_cleaned_as_a_batch_keep_their_paragraphs() {
    let pages = pages();
    let ctx = pages
        .iter()
        .fold(Facts::default(), |facts, (_, text)| facts.with_page(page_facts(Page::new(text), options())))
        .into_context();
    for (name, text) in &pages {
        let result = clean_page(Page::new(text), &ctx, options(), &mut Trace::off());
        check(name, text, &result, "in a batch");
    }
}
