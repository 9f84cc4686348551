//! Pages from other papers, layouts, languages and encodings than the
//! seeds (`tests/fixtures/pages`, invented text): an English print page
//! with headlines above credit lines and a jump line, an English web page
//! with chrome, an English Markdown export, a Chinese web page with chrome,
//! a German print page and a Traditional Chinese page in Big5. Each must
//! yield its articles with the right headline, credit, date and
//! continuation, lose nothing, and clean to the same items again.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{galley, read_json_lines, read_text, temp_dir};
use serde_json::Value;

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// The fixtures cleaned once, as one batch: the output folder and manifest.
fn cleaned() -> &'static (tempfile::TempDir, Vec<Value>) {
    static OUT: OnceLock<(tempfile::TempDir, Vec<Value>)> = OnceLock::new();
    OUT.get_or_init(|| {
        let out = temp_dir();
        galley().arg("clean").arg(pages_dir()).arg("-o").arg(out.path()).arg("-q").assert().success();
        let manifest = read_json_lines(&out.path().join("manifest.jsonl"));
        (out, manifest)
    })
}

/// What one article must show; `None` fields must be absent.
struct Want {
    title: &'static str,
    byline: Option<&'static str>,
    date: Option<&'static str>,
    continued_to: Option<&'static str>,
    starts: &'static str,
    ends: &'static str,
}

fn assert_articles(source: &str, wants: &[Want]) {
    let (out, manifest) = cleaned();
    let items: Vec<&Value> = manifest.iter().filter(|r| r["source"] == source).collect();
    let titles: Vec<&Value> = items.iter().map(|r| &r["title"]).collect();
    assert_eq!(items.len(), wants.len(), "{source}: items titled {titles:?}");
    for (rec, want) in items.iter().zip(wants) {
        let text = read_text(&out.path().join(rec["path"].as_str().expect("path is a string")));
        let body = text.split_once("\n\n").map_or("", |(_, body)| body).trim_end();
        assert_eq!(rec["kind"], "article", "{source}: {text}");
        assert_eq!(rec["title"].as_str(), Some(want.title), "{source}");
        assert_eq!(rec["byline"].as_str(), want.byline, "{source}: {}", want.title);
        assert_eq!(rec["date"].as_str(), want.date, "{source}: {}", want.title);
        assert_eq!(rec["continued_to"].as_str(), want.continued_to, "{source}: {}", want.title);
        assert!(body.starts_with(want.starts), "{source}: body starts {body:?}");
        assert!(body.ends_with(want.ends), "{source}: body ends {body:?}");
    }
}

#[test]
fn english_print_page_credits_headlines_and_jump_line() {
    assert_articles(
        "en-print.txt",
        &[
            Want {
                title: "Storm leaves thousands without power in valley",
                byline: Some("By TOM BAKER Herald Staff Writer"),
                date: Some("2024-03-05"),
                continued_to: Some("A6"),
                starts: "By TOM BAKER Herald Staff Writer\n\nSPRINGFIELD — A late winter storm",
                ends: "\"But the damage is widespread.\"",
            },
            Want {
                title: "School district weighs four-day week",
                byline: Some("By LISA CHEN Herald Staff Writer"),
                date: Some("2024-03-05"),
                continued_to: None,
                starts: "By LISA CHEN Herald Staff Writer\n\nOAK RIDGE — The Oak Ridge school board will hear a proposal",
                ends: "The board is not expected to vote until April.",
            },
        ],
    );
}

#[test]
fn english_web_page_loses_its_chrome_and_gives_the_date() {
    assert_articles(
        "en-web.txt",
        &[Want {
            title: "City council approves new budget for road repairs",
            byline: Some("By Jane Doe"),
            date: Some("2024-03-03"),
            continued_to: None,
            starts: "By Jane Doe\n\nRIVERSIDE — The city council",
            ends: "vehicle registration fees.",
        }],
    );
}

#[test]
fn english_markdown_export_splits_at_its_headings() {
    assert_articles(
        "en-markdown.txt",
        &[
            Want {
                title: "Council approves road budget",
                byline: Some("*By Jane Doe* | March 3, 2024"),
                date: None,
                continued_to: None,
                starts: "*By Jane Doe* | March 3, 2024\n\nRIVERSIDE — ",
                ends: "voted 5-2 in favor of the plan.",
            },
            Want {
                title: "Library to extend weekend hours",
                byline: None,
                date: None,
                continued_to: None,
                starts: "The public library will stay open",
                ends: "more than 2,000 residents.",
            },
        ],
    );
}

#[test]
fn german_print_page_with_compounds_and_credits() {
    assert_articles(
        "de-print.txt",
        &[
            Want {
                title: "Stadtrat beschließt neuen Haushalt",
                byline: Some("Von Hans Müller"),
                date: Some("2024-03-05"),
                continued_to: None,
                starts: "Von Hans Müller\n\nBERLIN. Der Stadtrat hat am Montag den Haushalt",
                ends: "Nachtragshaushalt soll im Mai folgen.",
            },
            Want {
                title: "Bahnstrecke gesperrt",
                byline: Some("Von Anna Schmidt"),
                date: Some("2024-03-05"),
                continued_to: None,
                starts: "Von Anna Schmidt\n\nHAMBURG. Wegen Bauarbeiten",
                ends: "Reisende müssen auf Busse umsteigen.",
            },
        ],
    );
}

#[test]
fn traditional_chinese_big5_page() {
    let (_, manifest) = cleaned();
    let first = manifest.iter().find(|r| r["source"] == "zh-hant-big5.txt").expect("the Big5 page has items");
    // A first line clearly shorter than the next is the kicker.
    assert_eq!(first["kicker"].as_str(), Some("行政院會通過"));
    // Big5 has no full-width solidus; its slash decodes as U+2215.
    assert_articles(
        "zh-hant-big5.txt",
        &[
            Want {
                title: "新版能源政策草案",
                byline: Some("【記者王小明∕台北報導】"),
                date: Some("2024-03-05"),
                continued_to: Some("A2版"),
                starts: "【記者王小明∕台北報導】行政院會今天通過新版能源政策草案，預計將在下個會期送交立法院審議。",
                ends: "並加強儲能設施建置。",
            },
            Want {
                title: "東北季風增強 北台灣明天變天",
                byline: Some("中央社記者李大華台北5日電"),
                date: Some("2024-03-05"),
                continued_to: None,
                starts: "中央社記者李大華台北5日電 中央氣象署今天表示",
                ends: "外出時多加衣物。",
            },
        ],
    );
}

#[test]
fn chinese_web_page_loses_its_chrome_and_keeps_its_author() {
    assert_articles(
        "zh-web.txt",
        &[Want {
            title: "滨海市启动老旧小区改造三年行动",
            byline: Some("作者：林晓"),
            date: Some("2024-03-05"),
            continued_to: None,
            starts: "作者：林晓\n\n3月4日，记者从滨海市住房和城乡建设局获悉",
            ends: "居民满意率达96.7%。",
        }],
    );
}

#[test]
fn cleaning_the_items_again_changes_nothing() {
    let (out, manifest) = cleaned();
    let again = temp_dir();
    galley().arg("clean").arg(out.path()).arg("-o").arg(again.path()).arg("-q").assert().success();
    for rec in manifest {
        let path = rec["path"].as_str().expect("path is a string");
        let once = read_text(&out.path().join(path));
        let twice = read_text(&again.path().join(path.trim_end_matches(".txt")).join("01.txt"));
        assert_eq!(twice, once, "{path}");
    }
}

/// Letters, digits and ideographs of a text, counted.
fn content(text: &str) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

#[test]
fn nothing_is_lost_on_any_layout() {
    let (out, manifest) = cleaned();
    let pages = read_json_lines(&out.path().join("pages.jsonl"));
    for page in &pages {
        let source = page["source"].as_str().expect("source is a string");
        let raw = std::fs::read(pages_dir().join(source)).expect("fixture is readable");
        let input = if source.contains("big5") {
            encoding_rs::BIG5.decode(&raw).0.into_owned()
        } else {
            String::from_utf8(raw).expect("fixture is UTF-8")
        };
        let mut written = String::new();
        for rec in manifest.iter().filter(|r| r["source"] == source) {
            written.push_str(&read_text(&out.path().join(rec["path"].as_str().expect("path is a string"))));
        }
        for removal in page["removed"].as_array().expect("removed is a list") {
            written.push_str(removal["text"].as_str().expect("removed text is a string"));
        }
        for orphan in page["orphans"].as_array().expect("orphans is a list") {
            written.push_str(orphan.as_str().expect("an orphan is a string"));
        }
        assert_eq!(content(&written), content(&input), "{source}");
    }
}
