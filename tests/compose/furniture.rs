//! Page furniture drawn from families, not copied from a list: running
//! headers (paper, date in several forms, weekday, page label, section,
//! editor, in any order and with any separator), editors' footers, bare
//! page numbers, end marks and editor codes, photo credits, and the chrome
//! of a web edition (site line, breadcrumbs, date and source lines, share
//! and print links, footers). Every piece is returned as printed so that
//! the gold can list it under `removed`.

use super::articles::Lang;
use super::paper::{Date, Paper, circled, cn_number, person};
use super::rng::Rng;

const HANS_WEEKDAYS: [&str; 7] = ["日", "一", "二", "三", "四", "五", "六"];
const EN_WEEKDAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DE_WEEKDAYS: [&str; 7] = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DE_MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const HANS_SECTIONS: [&str; 6] = ["要闻", "综合新闻", "经济·民生", "社会", "文体", "城事"];
const EN_SECTIONS: [&str; 4] = ["LOCAL NEWS", "Section A", "REGION", "Metro"];
const DE_SECTIONS: [&str; 4] = ["Lokales", "Region", "Politik", "Kultur"];

/// A date as a page header prints it.
fn header_date(rng: &mut Rng, lang: Lang, date: Date) -> String {
    let Date { y, m, d } = date;
    let w = date.weekday();
    match lang {
        Lang::Hans | Lang::Hant => {
            let day = match rng.below(5) {
                0 => format!("{y}年{m}月{d}日"),
                1 => format!("{y}年{m:02}月{d:02}日"),
                2 => format!("{y}-{m:02}-{d:02}"),
                3 => format!("{y}.{m}.{d}"),
                _ if lang == Lang::Hant => format!("中華民國{}年{m}月{d}日", y - 1911),
                _ => format!("{y}年{m}月{d}日"),
            };
            let weekday = match (lang, rng.below(3)) {
                (Lang::Hant, _) => format!("星期{}", HANS_WEEKDAYS[w]),
                (_, 0) => format!("周{}", HANS_WEEKDAYS[w]),
                (_, 1) => String::new(),
                _ => format!("星期{}", HANS_WEEKDAYS[w]),
            };
            if weekday.is_empty() { day } else { format!("{day}{}{weekday}", rng.pick(&[" ", "  ", "　", ""])) }
        }
        Lang::En => match rng.below(3) {
            0 => format!("{}, {} {d}, {y}", EN_WEEKDAYS[w], EN_MONTHS[m as usize - 1]),
            1 => format!("{}., {}. {d}, {y}", &EN_WEEKDAYS[w][..3], &EN_MONTHS[m as usize - 1][..3]),
            _ => format!("{} {d}, {y}", EN_MONTHS[m as usize - 1]),
        },
        Lang::De => match rng.below(2) {
            0 => format!("{}, {d}. {} {y}", DE_WEEKDAYS[w], DE_MONTHS[m as usize - 1]),
            _ => format!("{d:02}.{m:02}.{y}"),
        },
    }
}

/// A page label in one of the forms a paper uses (`A03`, `第三版`,
/// `Page A3`, `Seite 3`).
fn page_label(form: usize, lang: Lang, page: usize) -> String {
    match lang {
        Lang::Hans | Lang::Hant => match form % 5 {
            0 => format!("A{page:02}"),
            1 => format!("第{}版", cn_number(page)),
            2 => format!("第{page}版"),
            3 => format!("A{page:02}版"),
            _ => format!("{page}版"),
        },
        Lang::En => match form % 3 {
            0 => format!("Page A{page}"),
            1 => format!("A{page}"),
            _ => format!("PAGE {page}"),
        },
        Lang::De => match form % 2 {
            0 => format!("Seite {page}"),
            _ => format!("Nr. 112 · Seite {page}"),
        },
    }
}

/// What a paper's running header holds.
#[derive(Clone, Copy)]
enum Part {
    Name,
    Date,
    Label,
    Section,
    Editor,
}

/// How one paper prints its running header, the same on every page of
/// an issue: which parts, in which order, with which separator, and the
/// forms of its date and page label.
pub struct HeaderStyle {
    parts: Vec<Part>,
    sep: &'static str,
    date: String,
    label: usize,
}

/// A paper's header style, drawn.
pub fn header_style(rng: &mut Rng, lang: Lang, date: Date) -> HeaderStyle {
    let mut parts = vec![Part::Name, Part::Date, Part::Label];
    if rng.chance(40) {
        parts.push(Part::Section);
    }
    if lang.is_cjk() && rng.chance(25) {
        parts.push(Part::Editor);
    }
    if rng.chance(50) {
        rng.shuffle(&mut parts);
    }
    let sep = if lang.is_cjk() {
        *rng.pick(&["  ", " ", "　", " | ", " · ", "    "])
    } else {
        *rng.pick(&["   ", " | ", "  ·  ", "          "])
    };
    HeaderStyle { parts, sep, date: header_date(rng, lang, date), label: rng.below(5) }
}

/// The running header of one page (the section and the editor change
/// from page to page).
pub fn page_header(rng: &mut Rng, paper: &Paper, page: usize) -> String {
    let lang = paper.lang;
    let style = &paper.header;
    let parts: Vec<String> = style
        .parts
        .iter()
        .map(|part| match part {
            Part::Name => paper.name.clone(),
            Part::Date => style.date.clone(),
            Part::Label => page_label(style.label, lang, page),
            Part::Section => match lang {
                Lang::Hans | Lang::Hant => rng.pick(&HANS_SECTIONS),
                Lang::En => rng.pick(&EN_SECTIONS),
                Lang::De => rng.pick(&DE_SECTIONS),
            }
            .to_string(),
            Part::Editor => format!("责任编辑：{}", person(rng, lang)),
        })
        .collect();
    parts.join(style.sep)
}

/// An editors' footer: one to three roles with names.
pub fn editors_line(rng: &mut Rng, lang: Lang) -> String {
    let roles: &[&str] = match lang {
        Lang::Hans => &["编辑", "责编", "责任编辑", "版式", "美编", "校对", "审核", "组版"],
        Lang::Hant => &["編輯", "責編", "美編", "校對"],
        Lang::En => &["Editor", "Page designer", "Copy editor", "News editor"],
        Lang::De => &["Redaktion", "Verantwortlich", "Layout", "Gestaltung"],
    };
    let count = rng.range(1, 3);
    let sep = if lang.is_cjk() { *rng.pick(&["：", ":", " ", "　", ""]) } else { ": " };
    let parts: Vec<String> = (0..count).map(|_| format!("{}{sep}{}", rng.pick(roles), person(rng, lang))).collect();
    let joiner = *rng.pick(&["  ", " ", "　", " | "]);
    let mark = if lang.is_cjk() { *rng.pick(&["", "", "■", "■ ", "□"]) } else { "" };
    format!("{mark}{}", parts.join(joiner))
}

/// A page number standing alone at the foot of the page.
pub fn page_number(rng: &mut Rng, lang: Lang, page: usize) -> String {
    match (lang.is_cjk(), rng.below(4)) {
        (_, 0) => format!("- {page} -"),
        (_, 1) => format!("— {page} —"),
        (true, 2) => format!("A{page:02}"),
        (false, 2) => format!("A{page}"),
        _ => page.to_string(),
    }
}

/// An editor code (`①5`) as Chinese papers print under an article.
pub fn editor_code(rng: &mut Rng) -> String {
    format!("{}{}", circled(rng.range(1, 5)), rng.range(1, 9))
}

/// An end mark printed after an article's last sentence.
pub fn end_mark(rng: &mut Rng, lang: Lang) -> String {
    match lang {
        Lang::Hans => rng.pick(&["（完）", "(完)", "（全文完）"]).to_string(),
        Lang::Hant => rng.pick(&["（完）", "（全文完）"]).to_string(),
        Lang::En => rng.pick(&["(END)", "-30-"]).to_string(),
        Lang::De => "(Ende)".to_string(),
    }
}

/// A photo credit line.
pub fn photo_credit(rng: &mut Rng, paper: &Paper) -> String {
    let name = person(rng, paper.lang);
    match paper.lang {
        Lang::Hans => match rng.below(5) {
            0 => format!("本报记者 {name} 摄"),
            1 => format!("{name}/摄"),
            2 => format!("新华社记者 {name} 摄"),
            3 => format!("（{name} 摄）"),
            _ => "（资料图片）".to_string(),
        },
        Lang::Hant => match rng.below(2) {
            0 => format!("（記者{name}攝）"),
            _ => format!("圖／{name}提供"),
        },
        Lang::En => match rng.below(3) {
            0 => format!("Photo by {name} / {}", paper.name),
            1 => format!("(Staff photo by {name})"),
            _ => format!("Photo: {name}/{}", paper.name),
        },
        Lang::De => match rng.below(2) {
            0 => format!("Foto: {name}/dpa"),
            _ => format!("Foto: {name}"),
        },
    }
}

/// The chrome of a web edition around one article, as printed.
pub struct Chrome {
    /// Lines above the title (site name, breadcrumbs, a channel label).
    pub top: Vec<String>,
    /// Date, source and editor lines between the title and the body.
    pub meta: Vec<String>,
    /// Share, print and font links, printed above or below the body.
    pub links: String,
    /// Lines under the body (editor, previous and next article, copyright).
    pub bottom: Vec<String>,
}

/// Web chrome for an article of `paper`; `other` is another article's
/// title for the previous/next links.
pub fn web_chrome(rng: &mut Rng, paper: &Paper, other: &str) -> Chrome {
    match paper.lang {
        Lang::Hans | Lang::Hant => cjk_chrome(rng, paper, other),
        Lang::En | Lang::De => latin_chrome(rng, paper, other),
    }
}

fn time(rng: &mut Rng) -> (usize, usize, usize) {
    (rng.range(6, 22), rng.range(0, 59), rng.range(0, 59))
}

fn breadcrumb(rng: &mut Rng, words: [&str; 3], prefixes: &[&str]) -> String {
    let sep = *rng.pick(&[" > ", ">", " » ", " / ", " › "]);
    let mut crumbs = words.to_vec();
    if rng.chance(30) {
        crumbs.pop();
    }
    format!("{}{}", rng.pick(prefixes), crumbs.join(sep))
}

fn cjk_chrome(rng: &mut Rng, paper: &Paper, other: &str) -> Chrome {
    let hant = paper.lang == Lang::Hant;
    let Date { y, m, d } = paper.date;
    let (h, mi, s) = time(rng);
    let channel = *rng.pick(if hant {
        &["地方", "生活", "財經"][..]
    } else {
        &["国内", "本地", "社会", "财经", "民生"][..]
    });
    let mut top = vec![if rng.chance(50) { format!("{} {}", paper.site, paper.domain) } else { paper.site.clone() }];
    let words = if hant { ["首頁", "新聞", channel] } else { ["首页", "新闻", channel] };
    let prefixes: &[&str] =
        if hant { &["", "目前位置："] } else { &["", "当前位置：", "您的位置：", "当前位置:"] };
    top.push(breadcrumb(rng, words, prefixes));
    if rng.chance(30) {
        top.push(channel.to_string());
    }
    let mut meta = vec![
        match rng.below(3) {
            0 if !hant => format!("发布时间：{y}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}"),
            1 if !hant => format!("时间：{y}年{m:02}月{d:02}日 {h:02}:{mi:02}"),
            _ if hant => format!("發布時間：{y}/{m:02}/{d:02} {h:02}:{mi:02}"),
            _ => format!("{y}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}"),
        },
        format!("{}{}", if hant { "來源：" } else { "来源：" }, paper.name),
    ];
    if rng.chance(40) {
        meta.push(format!("{}{}", if hant { "編輯：" } else { "编辑：" }, person(rng, paper.lang)));
    }
    rng.shuffle(&mut meta);
    let links = if hant {
        rng.pick(&["【列印】【關閉】", "分享到：Facebook LINE", "字級：小 中 大"]).to_string()
    } else {
        rng.pick(&["【打印】【关闭】", "打印本页 | 关闭窗口", "分享到：微信 微博 QQ空间", "【字体：大 中 小】"])
            .to_string()
    };
    let editor = person(rng, paper.lang);
    let mut bottom = vec![if hant {
        format!("（編輯：{editor}）")
    } else {
        rng.pick(&[format!("（责任编辑：{editor}）"), format!("责任编辑：{editor}"), format!("【责任编辑：{editor}】")])
            .clone()
    }];
    if rng.chance(40) {
        bottom.push(format!("上一篇：{other}"));
    }
    bottom.push(format!("版权所有 © {y} {}", paper.site));
    Chrome { top, meta, links, bottom }
}

fn latin_chrome(rng: &mut Rng, paper: &Paper, other: &str) -> Chrome {
    let de = paper.lang == Lang::De;
    let Date { y, m, d } = paper.date;
    let (h, mi, _) = time(rng);
    let words = if de { ["Startseite", "Lokales", "Region"] } else { ["Home", "News", "Local"] };
    let top = vec![paper.name.clone(), breadcrumb(rng, words, &[""])];
    let month = EN_MONTHS[m as usize - 1];
    let meta = vec![if de {
        format!("Veröffentlicht am {d:02}.{m:02}.{y} um {h:02}:{mi:02} Uhr")
    } else {
        match rng.below(2) {
            0 => {
                format!("Published {month} {d}, {y} at {}:{mi:02} {}", h % 12 + 1, if h < 12 { "a.m." } else { "p.m." })
            }
            _ => format!("Updated: {m}/{d}/{y} {h:02}:{mi:02}"),
        }
    }];
    let links = if de {
        rng.pick(&["Teilen  Drucken", "Artikel teilen"])
    } else {
        rng.pick(&["Share this article", "Facebook  Twitter  Email  Print"])
    }
    .to_string();
    let mut bottom = Vec::new();
    if rng.chance(50) {
        bottom.push(if de { "Anzeige".to_string() } else { "Advertisement".to_string() });
    }
    bottom.push(if de { format!("Mehr zum Thema: {other}") } else { format!("Related: {other}") });
    bottom.push(format!(
        "© {y} {}. {}",
        paper.name,
        if de { "Alle Rechte vorbehalten." } else { "All rights reserved." }
    ));
    Chrome { top, meta, links, bottom }
}
