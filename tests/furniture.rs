//! Furniture that only the batch reveals: the boxed notice that seeds 001 and
//! 004 both print (`请广大群众和社会各界… 监督举报电话…`) is a repeated box
//! when the two are cleaned together, and a `notice` item when each is
//! cleaned alone. Copies of one page are content, not each other's
//! furniture: a box or an edge line that recurs only because the whole
//! page recurs is kept, and so is a box that is a page's whole text.

mod common;

use std::path::Path;

use common::{copy_seeds, galley, read_json_lines, read_text, temp_dir};
use serde_json::Value;

const NOTICE: &str = "监督举报电话";
const BOTH: [&str; 2] = ["001_a69710dabf6f1119.txt", "004_468ab1eef400fbf5.txt"];

/// Cleans the named seeds together; returns the manifest and pages lines.
fn clean(names: &[&str], out: &Path) -> (Vec<Value>, Vec<Value>) {
    let input = temp_dir();
    copy_seeds(input.path(), names);
    galley().arg("clean").arg(input.path()).arg("-o").arg(out).arg("-q").assert().success();
    (read_json_lines(&out.join("manifest.jsonl")), read_json_lines(&out.join("pages.jsonl")))
}

/// The items (kind, text) of a manifest.
fn items(out: &Path, manifest: &[Value]) -> Vec<(String, String)> {
    manifest
        .iter()
        .map(|r| {
            let kind = r["kind"].as_str().expect("kind is a string").to_owned();
            (kind, read_text(&out.join(r["path"].as_str().expect("path is a string"))))
        })
        .collect()
}

#[test]
fn box_repeated_on_two_pages_is_furniture() {
    let out = temp_dir();
    let (manifest, pages) = clean(&BOTH, out.path());
    let items = items(out.path(), &manifest);
    let leaked: Vec<&(String, String)> = items.iter().filter(|(_, text)| text.contains(NOTICE)).collect();
    assert!(leaked.is_empty(), "the repeated notice is still an item: {leaked:#?}");
    for page in &pages {
        let removed = page["removed"].as_array().expect("removed is a list");
        let boxes: Vec<&Value> = removed.iter().filter(|r| r["rule"] == "repeated-box").collect();
        assert_eq!(boxes.len(), 1, "{}: expected one repeated-box record, got {removed:#?}", page["source"]);
        assert!(boxes[0]["text"].as_str().is_some_and(|t| t.contains(NOTICE)), "{boxes:#?}");
    }
}

#[test]
fn box_on_a_page_cleaned_alone_is_a_notice_item() {
    for name in BOTH {
        let out = temp_dir();
        let (manifest, pages) = clean(&[name], out.path());
        let items = items(out.path(), &manifest);
        let notices: Vec<&(String, String)> = items.iter().filter(|(kind, _)| kind == "notice").collect();
        assert_eq!(notices.len(), 1, "{name}: expected one notice, got {items:#?}");
        assert!(notices[0].1.contains(NOTICE) && notices[0].1.contains("请广大群众"), "{name}: {notices:#?}");
        let repeated =
            pages[0]["removed"].as_array().expect("removed is a list").iter().any(|r| r["rule"] == "repeated-box");
        assert!(!repeated, "{name}: a page cleaned alone has no repeated box");
    }
}

#[test]
fn keep_furniture_keeps_the_repeated_box_and_records_it() {
    let input = temp_dir();
    copy_seeds(input.path(), &BOTH);
    let out = temp_dir();
    galley()
        .arg("clean")
        .arg(input.path())
        .arg("-o")
        .arg(out.path())
        .args(["-q", "--keep-furniture"])
        .assert()
        .success();
    let manifest = read_json_lines(&out.path().join("manifest.jsonl"));
    let items = items(out.path(), &manifest);
    assert_eq!(items.iter().filter(|(kind, text)| kind == "notice" && text.contains(NOTICE)).count(), 2, "{items:#?}");
    let pages = read_json_lines(&out.path().join("pages.jsonl"));
    let records = pages
        .iter()
        .flat_map(|p| p["removed"].as_array().expect("removed is a list").iter())
        .filter(|r| r["rule"] == "repeated-box")
        .count();
    assert_eq!(records, 2);
}

/// Cleans pages as one batch, in-process, as `galley clean` does: the
/// batch's facts from every page first, then each page with them.
fn clean_batch(pages: &[String], keep: bool) -> Vec<galley::PageResult> {
    use galley::{CleanOptions, Facts, Page, Trace, clean_page, page_facts};
    let options = CleanOptions { keep_furniture: keep, ..CleanOptions::default() };
    let ctx = pages
        .iter()
        .fold(Facts::default(), |facts, text| facts.with_page(page_facts(Page::new(text), &options)))
        .into_context();
    pages.iter().map(|text| clean_page(Page::new(text), &ctx, &options, &mut Trace::off())).collect()
}

/// Short pages of one paragraph or two, the whole text of each page.
const SHORT_PAGES: &[&str] = &[
    "请广大群众和社会各界对防控处置疫情工作中不作为问题予以监督。监督举报电话：（0391）3569278。\n",
    "今天下午，市区部分路段将实行临时交通管制，请过往车辆提前绕行。\n",
    "The library will be closed on Monday for the holiday.\n",
    "停水通知\n\n因管网维修，3月6日8时至18时，解放路沿线将暂停供水，请居民提前储水。\n",
    "Road closed\n\nMain Street will be closed between 5th and 8th Avenue on Saturday for the parade.\n",
];

#[test]
fn duplicate_pages_are_content_not_a_repeated_box() {
    for page in SHORT_PAGES {
        let alone = clean_batch(&[page.to_string()], false).remove(0);
        for copies in [2, 5] {
            let batch = vec![page.to_string(); copies];
            for result in clean_batch(&batch, false) {
                assert!(result.removed.is_empty(), "{page:?} ×{copies}: {:?}", result.removed);
                assert_eq!(result.items, alone.items, "{page:?} ×{copies}");
            }
        }
    }
}

#[test]
fn a_box_beside_the_same_page_text_every_time_is_no_furniture() {
    // The seed 001 notice, on copies of one page with an article.
    let page = format!("{}\n\n本报讯（记者董柏生）我市激励党员干部担当作为，六名干部得到火线提拔。\n", SHORT_PAGES[0]);
    let results = clean_batch(&vec![page; 4], false);
    for result in &results {
        assert!(result.removed.is_empty(), "{:?}", result.removed);
        assert_eq!(result.items.len(), 2);
    }
}

#[test]
fn copies_of_one_page_have_no_running_header() {
    // The subtitle, the title and the last line stand at the page's edges
    // on every copy: they recur because the page does.
    let pages = [
        "## 市委召开专题会议\n\n葛巧红主持并讲话 李亦博作工作部署\n\n本报讯（记者焦娟）3月17日下午，市委召开专题会议，部署疫情防控工作。\n\n会议强调，要严格落实各项防控措施。\n\n会议以视频会议形式召开。\n",
        "City council approves new budget\n\nThe vote was 5-2\n\nRIVERSIDE — The city council on Tuesday approved a budget for road repairs.\n\nThe money will come from state grants.\n\nWork begins in May.\n",
        "新春走基层\n\n雪域高原上的“流动课堂”\n\n清晨7点，海拔4500多米的双湖县气温降到零下20摄氏度。\n\n“只要孩子们需要，我们就一直走下去！”\n",
    ];
    for page in pages {
        let alone = clean_batch(&[page.to_owned()], false).remove(0);
        let batch = vec![page.to_owned(); 5];
        for result in clean_batch(&batch, false) {
            assert!(result.removed.is_empty(), "{page:?}: {:?}", result.removed);
            assert_eq!(result.items, alone.items, "{page:?}");
        }
    }
}

#[test]
fn a_header_on_different_pages_is_still_a_running_header() {
    let pages: Vec<String> = ["第一篇文章的正文写在这里。", "第二篇文章说的是别的事情。", "第三篇文章又是另一件事。"]
        .iter()
        .map(|body| format!("滨海晨报 要闻\n\n{body}\n"))
        .collect();
    for result in clean_batch(&pages, false) {
        assert_eq!(result.removed.len(), 1, "{:?}", result.removed);
        assert_eq!(result.removed[0].rule, "repeated-edge");
    }
}
