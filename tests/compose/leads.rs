//! What opens and what sends on an article: leads and credit lines in the
//! forms papers print them, and continuation notes drawn from their
//! families (verb × page reference × mark × bracket × spacing).

use super::articles::Lang;
use super::paper::{Paper, circled, cn_number, person};
use super::rng::Rng;

/// How a lead joins the article.
pub enum Lead {
    /// Printed before the first sentence, on the same paragraph
    /// (`本报讯（记者 王芳）`, `MILLBROOK (AP) — `).
    Prefix(String),
    /// A paragraph of its own (`By Anna Walsh`, `本报记者 王芳`).
    Credit(String),
}

const HANS_CITIES: [&str; 6] = ["北京", "上海", "广州", "成都", "武汉", "西安"];

/// A lead or credit for an article dated in `paper`'s issue.
pub fn lead(rng: &mut Rng, paper: &Paper, city: Option<&str>) -> Lead {
    let city = city.map_or_else(|| rng.pick(&HANS_CITIES).to_string(), str::to_string);
    match paper.lang {
        Lang::Hans => hans_lead(rng, paper, &city),
        Lang::Hant => hant_lead(rng, paper, &city),
        Lang::En => en_lead(rng, &city),
        Lang::De => de_lead(rng, &city),
    }
}

fn hans_lead(rng: &mut Rng, paper: &Paper, city: &str) -> Lead {
    let (m, d) = (paper.date.m, paper.date.d);
    let name = person(rng, Lang::Hans);
    let reporter = match rng.below(4) {
        0 => format!("（记者{name}）"),
        1 => format!("（记者 {name}）"),
        2 => format!("（记者 {name} 通讯员 {}）", person(rng, Lang::Hans)),
        _ => format!("（{}记者 {name}）", paper.name),
    };
    Lead::Prefix(match rng.below(7) {
        0 | 1 => format!("本报讯{reporter}"),
        2 => format!("本报{city}{m}月{d}日讯{reporter}"),
        3 => format!("本报{city}{m}月{d}日讯 "),
        4 => format!("新华社{city}{m}月{d}日电{} ", if rng.chance(50) { reporter } else { String::new() }),
        5 => format!("中新社{city}{m}月{d}日电{reporter}"),
        _ if rng.chance(50) => format!("【{}讯】", paper.name),
        _ => return Lead::Credit(format!("本报记者 {name}")),
    })
}

fn hant_lead(rng: &mut Rng, paper: &Paper, city: &str) -> Lead {
    let name = person(rng, Lang::Hant);
    Lead::Prefix(match rng.below(3) {
        0 => format!("【記者{name}／{city}報導】"),
        1 => format!("〔記者{name}／{city}報導〕"),
        _ => format!("中央社記者{name}{city}{}日電 ", paper.date.d),
    })
}

fn en_lead(rng: &mut Rng, city: &str) -> Lead {
    let name = person(rng, Lang::En);
    match rng.below(5) {
        0 => Lead::Prefix(format!("{city} (AP) — ")),
        1 => Lead::Prefix(format!("{city} — ")),
        2 => Lead::Credit(format!("By {}", name.to_uppercase())),
        3 => Lead::Credit(format!("By {name} Staff Writer")),
        _ => Lead::Credit(format!("By {name} and {}", person(rng, Lang::En))),
    }
}

fn de_lead(rng: &mut Rng, city: &str) -> Lead {
    match rng.below(3) {
        0 => Lead::Prefix(format!("{city}. ")),
        1 => Lead::Prefix(format!("{city} (dpa) – ")),
        _ => Lead::Credit(format!("Von {}", person(rng, Lang::De))),
    }
}

/// A continuation note as printed and the page reference it gives.
pub struct Note {
    /// The note (`（下转A03版②）`, `See BUDGET, Page A6`).
    pub text: String,
    /// What galley should report (`A03版②`, `A6`).
    pub reference: String,
}

/// A note that sends the reader on to another page; `jump` is the
/// catchword of an English jump line.
pub fn note_to(rng: &mut Rng, lang: Lang, jump: &str) -> Note {
    let page = rng.range(2, 16);
    match lang {
        Lang::Hans => cjk_note(rng, &["下转", "下转", "转", "接", "见", "转见", "续见"], page),
        Lang::Hant => cjk_note(rng, &["下轉", "轉", "接", "見", "續見"], page),
        Lang::En => {
            let reference = latin_page(rng, page);
            let text = match rng.below(4) {
                0 => format!("Continued on Page {reference}"),
                1 => format!("(Continued on page {reference})"),
                2 => format!("See {jump}, Page {reference}"),
                _ => format!("Please see {jump} on Page {reference}"),
            };
            Note { text, reference }
        }
        Lang::De => {
            let text = match rng.below(2) {
                0 => format!("Fortsetzung auf Seite {page}"),
                _ => format!("Weiter auf Seite {page}"),
            };
            Note { text, reference: page.to_string() }
        }
    }
}

/// A note that says which page the text comes from.
pub fn note_from(rng: &mut Rng, lang: Lang, jump: &str) -> Note {
    let page = rng.range(1, 3);
    match lang {
        Lang::Hans => cjk_note(rng, &["上接", "上接", "续", "接"], page),
        Lang::Hant => cjk_note(rng, &["上接", "續"], page),
        Lang::En => {
            let reference = latin_page(rng, page);
            let text = match rng.below(2) {
                0 => format!("Continued from Page {reference}"),
                _ => format!("{jump}, from Page {reference}"),
            };
            Note { text, reference }
        }
        Lang::De => Note { text: format!("Fortsetzung von Seite {page}"), reference: page.to_string() },
    }
}

fn latin_page(rng: &mut Rng, page: usize) -> String {
    match rng.below(3) {
        0 => page.to_string(),
        1 => format!("A{page}"),
        _ => format!("B{page}"),
    }
}

fn cjk_note(rng: &mut Rng, verbs: &[&str], page: usize) -> Note {
    let verb = rng.pick(verbs).to_string();
    let mut reference = match rng.below(6) {
        0 | 1 => format!("第{}版", cn_number(page)),
        2 => format!("第{page}版"),
        3 => format!("A{page:02}版"),
        4 => format!("A{page}版"),
        _ => format!("{page}版"),
    };
    match rng.below(10) {
        0..=4 => reference.push(circled(rng.range(1, 10))),
        5 => reference.push_str(&format!("第{}栏", cn_number(rng.range(1, 6)))),
        _ => {}
    }
    let (open, close) = if rng.chance(75) { ("（", "）") } else { ("(", ")") };
    let space = if rng.chance(20) { " " } else { "" };
    Note { text: format!("{open}{verb}{space}{reference}{close}"), reference }
}
