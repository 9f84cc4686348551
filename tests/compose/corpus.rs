//! Issues of invented papers, composed page by page with their gold, and
//! written out as galley's input and as the samples' `gold.json`.
//!
//! An issue is one paper on one day: each of its pages takes articles
//! from the language's pool without repeating one, so that no page of a
//! batch can learn an article's paragraphs from another page of the same
//! batch (galley gathers word forms, running headers, repeated boxes and
//! paragraph seams across a batch). Each issue is one galley run.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use super::articles::{Article, Lang, pool};
use super::layout::{Layout, Printed, markdown, print, web};
use super::paper::Paper;
use super::rng::Rng;
use super::story::{Allow, Story, place};

/// Issues drawn per language: with the pool sizes, about 300 pages.
const ISSUES: [(Lang, usize); 4] = [(Lang::Hans, 13), (Lang::Hant, 6), (Lang::En, 10), (Lang::De, 8)];

/// What galley should give back for one article.
pub struct GoldItem {
    pub kicker: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub paragraphs: Vec<String>,
    pub continued_to: Option<String>,
    pub continued_from: Option<String>,
    /// The date a web page states.
    pub date: Option<String>,
}

/// One composed page file.
pub struct Page {
    /// File name, unique across the corpus (`zh-hans-03-07-print.txt`).
    pub name: String,
    pub lang: Lang,
    pub layout: Layout,
    /// The encoding it is written in, as the samples' gold names it.
    pub encoding: &'static str,
    pub bytes: Vec<u8>,
    pub items: Vec<GoldItem>,
    pub removed: Vec<String>,
    pub orphans: Vec<String>,
}

/// One paper's pages of one day: one galley batch.
pub struct Issue {
    pub id: String,
    pub pages: Vec<Page>,
}

/// The whole development set for `seed`.
pub fn compose(seed: u64) -> Vec<Issue> {
    let mut rng = Rng::new(seed);
    let mut issues = Vec::new();
    for (lang, count) in ISSUES {
        let articles = pool(lang);
        for n in 1..=count {
            issues.push(issue(&mut rng, &articles, format!("{}-{n:02}", lang.name())));
        }
    }
    issues
}

fn issue(rng: &mut Rng, articles: &[Article], id: String) -> Issue {
    let paper = Paper::new(rng, articles[0].lang);
    let mut queue: Vec<&Article> = articles.iter().collect();
    rng.shuffle(&mut queue);
    let mut pages = Vec::new();
    while !queue.is_empty() {
        let layout = match rng.below(4) {
            0 | 1 => Layout::Print,
            2 => Layout::Web,
            _ => Layout::Markdown,
        };
        let take = if layout == Layout::Web { 1 } else { rng.range(2, 4).min(queue.len()) };
        let on_page: Vec<&Article> = queue.drain(..take).collect();
        let number = pages.len() + 1;
        let name = format!("{id}-{number:02}-{}.txt", layout.name());
        pages.push(page(rng, &paper, articles, &on_page, layout, number, name));
    }
    Issue { id, pages }
}

fn page(
    rng: &mut Rng,
    paper: &Paper,
    pool: &[Article],
    on_page: &[&Article],
    layout: Layout,
    number: usize,
    name: String,
) -> Page {
    let allow = Allow { jumps: layout != Layout::Web, headless: layout != Layout::Web };
    let stories: Vec<Story> = on_page.iter().map(|a| place(rng, a, paper, &allow)).collect();
    let elsewhere: Vec<&Article> = pool.iter().filter(|a| on_page.iter().all(|p| p.id != a.id)).collect();
    let printed = match layout {
        Layout::Print => {
            let no_jumps = Allow { jumps: false, headless: false };
            let orphan = rng.chance(12).then(|| {
                let article = *rng.pick(&elsewhere);
                place(rng, article, paper, &no_jumps)
            });
            let notice = rng.chance(40);
            print(rng, paper, number, &stories, orphan.as_ref(), notice)
        }
        Layout::Web => {
            let other = rng.pick(&elsewhere).title.clone().unwrap_or_default();
            web(rng, paper, &stories[0], &other)
        }
        Layout::Markdown => markdown(rng, paper, number, &stories),
    };
    let date = (layout == Layout::Web).then(|| paper.date.iso());
    let items = stories.into_iter().map(|s| gold_item(s, date.clone())).collect();
    let Printed { text, removed, orphans } = printed;
    let (encoding, bytes) = encode(rng, paper.lang, &text);
    Page { name, lang: paper.lang, layout, encoding, bytes, items, removed, orphans }
}

fn gold_item(story: Story, date: Option<String>) -> GoldItem {
    GoldItem {
        kicker: story.kicker,
        title: story.title,
        subtitle: story.subtitle,
        paragraphs: story.paragraphs,
        continued_to: story.continued_to.map(|n| n.reference),
        continued_from: story.continued_from.map(|n| n.reference),
        date,
    }
}

/// The page's bytes in an encoding drawn for its language, as the
/// samples mix them; an encoding that cannot hold the text is not drawn.
fn encode(rng: &mut Rng, lang: Lang, text: &str) -> (&'static str, Vec<u8>) {
    let legacy = match (lang, rng.below(20)) {
        (_, 0) => return ("utf-8 crlf", text.replace('\n', "\r\n").into_bytes()),
        (Lang::Hans, 1) => {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            return ("utf-16le", bytes);
        }
        (Lang::Hans, 2 | 3) => Some((encoding_rs::GB18030, "gb18030")),
        (Lang::Hant, 2..=6) => Some((encoding_rs::BIG5, "big5")),
        (Lang::De, 2 | 3) => Some((encoding_rs::WINDOWS_1252, "windows-1252")),
        _ => None,
    };
    if let Some((encoding, label)) = legacy {
        let (bytes, _, unmappable) = encoding.encode(text);
        if !unmappable && encoding.decode_without_bom_handling(&bytes).0 == text {
            return (label, bytes.into_owned());
        }
    }
    ("utf-8", text.as_bytes().to_vec())
}

/// Writes each issue's pages to `dir/<issue>/`.
pub fn write_pages(issues: &[Issue], dir: &Path) {
    for issue in issues {
        let folder = dir.join(&issue.id);
        fs::create_dir_all(&folder).expect("issue folder");
        for page in &issue.pages {
            fs::write(folder.join(&page.name), &page.bytes).expect("page written");
        }
    }
}

/// The gold of every page in the samples' `gold.json` shape (keyed by
/// file name), plus `lang`, `layout` and `continued_from`, which
/// `score_samples.py` ignores.
pub fn gold_json(issues: &[Issue]) -> Value {
    let mut all = serde_json::Map::new();
    for page in issues.iter().flat_map(|i| &i.pages) {
        let items: Vec<Value> = page
            .items
            .iter()
            .map(|g| {
                json!({
                    "kind": "article", "kicker": g.kicker, "title": g.title, "subtitle": g.subtitle,
                    "paragraphs": g.paragraphs, "continued_to": g.continued_to,
                    "continued_from": g.continued_from, "date": g.date,
                })
            })
            .collect();
        let entry = json!({
            "encoding": page.encoding, "lang": page.lang.name(), "layout": page.layout.name(),
            "items": items, "removed": page.removed, "orphans": page.orphans,
        });
        all.insert(page.name.clone(), entry);
    }
    Value::Object(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_gives_the_same_pages_each_named_and_each_article_with_text() {
        let (a, b) = (compose(7), compose(7));
        let pages =
            |issues: &[Issue]| issues.iter().flat_map(|i| &i.pages).map(|p| p.bytes.clone()).collect::<Vec<_>>();
        assert_eq!(pages(&a), pages(&b));
        let names: std::collections::BTreeSet<&str> =
            a.iter().flat_map(|i| &i.pages).map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), a.iter().map(|i| i.pages.len()).sum::<usize>());
        for page in a.iter().flat_map(|i| &i.pages) {
            for item in &page.items {
                let text = item.paragraphs.iter().filter(|p| !p.starts_with("By ") && !p.starts_with("Von "));
                assert!(text.count() >= 1, "{}: an article is more than its credit line", page.name);
            }
        }
    }
}
