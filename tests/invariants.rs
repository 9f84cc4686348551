//! The pipeline's invariants (design: "Invariants (each one a test)"),
//! checked through the library on generated pages and on the seeds:
//! no input makes it panic; normalizing is idempotent and yields NFC;
//! rejoining rejoined text changes nothing; cleaning a clean article again
//! changes nothing; nothing is lost.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use galley::model::ParaClass;
use galley::normalize::{normalize, normalize_line};
use galley::rejoin::rejoin;
use galley::{BatchContext, CleanOptions, Facts, Item, Page, PageResult, Trace, clean_page, page_facts};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::RngSeed;
use unicode_normalization::{UnicodeNormalization, is_nfc};

/// Ideographs common on the seeds' pages, few enough that generated pages
/// repeat words and bigrams as real ones do.
const HAN: &str =
    "市委会议召开疫情防控工作部署要求全面落实责任企业复工复产经济社会发展人民群众新闻记者报道我们的在和有了是为对区县";

/// Pieces of a page dump that the stages treat specially.
const MARKS: &[&str] = &[
    "本报讯",
    "本报讯（记者焦娟、郭嘉莉）",
    "新华社北京3月17日电",
    "又讯",
    "(河南日报记者 李铮 冯芸)",
    "（下转第二版）",
    "（下转A02版③）",
    "（上接第一版）",
    "(continued on page 2)",
    "①",
    "①2",
    "①5",
    "(责任编辑:news10)",
    "责任编辑：王",
    "当前位置:新闻 > 正文",
    "2021-12-14 16:43:32 来源:焦作市人民政府",
    "监督举报电话：（0391）3569278",
    "第 一 时 间",
    "inter-",
    "national",
    "well-known",
    "——",
    "…",
];

fn han_word() -> impl Strategy<Value = String> {
    let han: Vec<char> = HAN.chars().collect();
    proptest::collection::vec(select(han), 1..6).prop_map(|cs| cs.into_iter().collect())
}

/// One fragment of a messy page: text, punctuation, spacing, line and page
/// breaks, headline marks, furniture.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => han_word(),
        3 => select(vec!["，", "。", "、", "“", "”", "（", "）", "：", "；", "！", "？", "《", "》"]).prop_map(String::from),
        2 => "[a-zA-Z]{1,8}",
        2 => "[0-9]{1,4}",
        1 => select(vec![",", ".", ";", ":", "?", "!", "(", ")", "-", "'", "\""]).prop_map(String::from),
        3 => select(vec![" ", "  ", "   ", "\u{3000}", "\u{3000}\u{3000}", "\t", "\u{a0}"]).prop_map(String::from),
        // Web scrapes carry invisible characters: zero-width spaces, stray
        // byte order marks, soft hyphens.
        1 => select(vec!["\u{200b}", "\u{feff}", "\u{ad}", "\u{200d}"]).prop_map(String::from),
        4 => select(vec!["\n", "\n\n", "\n\n\n", "\u{c}", "\r\n", "-\n", "\n ", "\n\u{3000}\u{3000}"]).prop_map(String::from),
        1 => select(vec!["\n# ", "\n## ", "\n### ", "#", "##"]).prop_map(String::from),
        2 => select(MARKS.to_vec()).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A page made of messy fragments.
fn messy_page() -> impl Strategy<Value = String> {
    proptest::collection::vec(fragment(), 0..120).prop_map(|parts| parts.concat())
}

/// A sentence of running Chinese text: words, clause punctuation, numbers,
/// a quotation, then terminal punctuation.
fn sentence() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => han_word(),
        2 => select(vec!["，", "、", "："]).prop_map(String::from),
        1 => "[0-9]{1,3}(月|日|名|个)",
        1 => han_word().prop_map(|w| format!("“{w}”")),
    ];
    let end = select(vec!["。", "！", "？", "。”", "……"]);
    (han_word(), proptest::collection::vec(piece, 1..12), end)
        .prop_map(|(first, rest, end)| format!("{first}{}{end}", rest.concat()))
}

/// A paragraph: sentences, sometimes opened by a lead marker.
fn paragraph() -> impl Strategy<Value = String> {
    let lead = prop_oneof![
        4 => Just(""),
        1 => Just("本报讯（记者王静锋）"),
        1 => Just("新华社北京3月17日电 "),
    ];
    (lead, proptest::collection::vec(sentence(), 1..5)).prop_map(|(lead, s)| format!("{lead}{}", s.concat()))
}

/// A page as a PDF extractor gives it: paragraphs of running text cut into
/// column lines of a fixed number of characters, paragraphs set off by a
/// blank line, an indent or nothing, and blank lines (column breaks) at
/// some line ends.
fn column_page() -> impl Strategy<Value = String> {
    let paragraphs = proptest::collection::vec(paragraph(), 1..6);
    let separators = proptest::collection::vec(select(vec!["\n", "\n\n", "\n\u{3000}\u{3000}"]), 6);
    let breaks = proptest::collection::vec(prop::bool::weighted(0.3), 200);
    (paragraphs, 8usize..20, separators, breaks).prop_map(|(paragraphs, width, separators, breaks)| {
        let mut page = String::new();
        let mut line_no = 0;
        // Lines since the last blank line: a column break comes only after
        // a run of more lines than a headline has, or the run before it
        // could be headline-shaped.
        let mut run = 0;
        for (k, paragraph) in paragraphs.iter().enumerate() {
            if k > 0 {
                let separator = separators[k % separators.len()];
                page.push_str(separator);
                if separator == "\n\n" {
                    run = 0;
                }
            }
            let chars: Vec<char> = paragraph.chars().collect();
            for (i, line) in chars.chunks(width).enumerate() {
                if i > 0 {
                    page.push('\n');
                    if run > HEADLINE_MAX_LINES && breaks[line_no % breaks.len()] {
                        page.push('\n');
                        run = 0;
                    }
                }
                line_no += 1;
                run += 1;
                page.extend(line);
            }
        }
        page.push('\n');
        page
    })
}

/// Words of Latin running text: some that appear whole and hyphenated on
/// the same page, some compounds.
const LATIN: &[&str] = &[
    "the",
    "war",
    "international",
    "committee",
    "reported",
    "yesterday",
    "that",
    "German",
    "troops",
    "had",
    "seized",
    "several",
    "towns",
    "and",
    "well-known",
    "1915-16",
    "co-operation",
    "was",
    "expected",
    "of",
];

/// A Latin page as OCR gives it: sentences wrapped into lines of about a
/// fixed width, a word cut with a hyphen at some line ends, paragraphs
/// set off by blank lines or an indent.
fn latin_page() -> impl Strategy<Value = String> {
    let sentence = (proptest::collection::vec(select(LATIN.to_vec()), 3..14), select(vec![".", "!", "?"])).prop_map(
        |(words, end)| {
            let mut text = words.join(" ");
            if let Some(first) = text.get(..1) {
                text.replace_range(..1, &first.to_uppercase());
            }
            text + end
        },
    );
    let paragraph = proptest::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "));
    let paragraphs = proptest::collection::vec(paragraph, 1..5);
    let cuts = proptest::collection::vec(prop::bool::weighted(0.4), 100);
    (paragraphs, 24usize..48, cuts, any::<bool>()).prop_map(|(paragraphs, width, cuts, indent)| {
        let mut lines: Vec<String> = Vec::new();
        for (k, paragraph) in paragraphs.iter().enumerate() {
            let mut line = String::new();
            if k > 0 && indent {
                line.push_str("    ");
            } else if k > 0 {
                lines.push(String::new());
            }
            for word in paragraph.split(' ') {
                if !line.trim().is_empty() && line.len() + 1 + word.len() > width {
                    let half = word.len() / 2;
                    if cuts[lines.len() % cuts.len()] && half >= 2 && word.bytes().all(|b| b.is_ascii_lowercase()) {
                        lines.push(format!("{line} {}-", &word[..half]));
                        line = word[half..].to_owned();
                        continue;
                    }
                    lines.push(std::mem::take(&mut line));
                }
                if !line.trim().is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            lines.push(line);
        }
        lines.join("\n") + "\n"
    })
}

/// Most lines a headline block run has (rejoin reads up to four short open
/// lines set off by blank lines as a headline).
const HEADLINE_MAX_LINES: usize = 4;

/// Letters, digits and ideographs of a text, counted: after NFKC, the
/// characters that are alphanumeric (`tools/conservation.py`).
fn content(text: &str) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    for c in text.nfkc().filter(|c| c.is_alphanumeric()) {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

/// Everything a page's result records: items (headline and body),
/// removed furniture, orphan headlines.
fn recorded(result: &PageResult) -> String {
    let items = result.items.iter().map(Item::text);
    let removed = result.removed.iter().map(|r| r.text.clone());
    items.chain(removed).chain(result.orphans.iter().cloned()).collect::<Vec<_>>().join("\n")
}

/// What `a` has more of than `b`, as a sorted string.
fn excess(a: &BTreeMap<char, usize>, b: &BTreeMap<char, usize>) -> String {
    a.iter().flat_map(|(&c, &n)| std::iter::repeat_n(c, n.saturating_sub(b.get(&c).copied().unwrap_or(0)))).collect()
}

/// Why a page's result lost or invented content, or `None`.
fn conservation_failure(input: &str, result: &PageResult) -> Option<String> {
    let (want, got) = (content(input), content(&recorded(result)));
    let (missing, extra) = (excess(&want, &got), excess(&got, &want));
    (!missing.is_empty() || !extra.is_empty()).then(|| format!("lost [{missing}], extra [{extra}]"))
}

/// The default options, built once: compiling the built-in rules takes a
/// good part of a second in a debug build, far longer than cleaning a page.
fn options() -> &'static CleanOptions {
    static OPTIONS: OnceLock<CleanOptions> = OnceLock::new();
    OPTIONS.get_or_init(CleanOptions::default)
}

fn clean(text: &str, ctx: &BatchContext) -> PageResult {
    clean_page(Page::new(text), ctx, options(), &mut Trace::off())
}

/// Body paragraph texts of a page after normalize and rejoin.
fn rejoined(text: &str) -> Vec<(ParaClass, String)> {
    let lines = normalize(text, &mut Trace::off());
    rejoin(&lines, &options().rules, &BatchContext::default(), &mut Trace::off())
        .into_iter()
        .map(|p| (p.class, p.text))
        .collect()
}

fn body_texts(paragraphs: &[(ParaClass, String)]) -> Vec<String> {
    paragraphs
        .iter()
        .filter(|(class, _)| matches!(class, ParaClass::Body | ParaClass::Lead))
        .map(|(_, t)| t.clone())
        .collect()
}

/// The five seed pages, by name.
fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("seeds/ is readable")
        .map(|e| {
            let path = e.expect("a folder entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("a UTF-8 name").to_owned();
            (name, std::fs::read_to_string(&path).expect("a seed is UTF-8"))
        })
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 5, "seeds/ holds the five seed pages");
    pages
}

/// The batch context of the five seeds, built as `galley clean seeds` does.
fn seeds_context(pages: &[(String, String)]) -> BatchContext {
    pages
        .iter()
        .fold(Facts::default(), |facts, (_, text)| facts.with_page(page_facts(Page::new(text), options())))
        .into_context()
}

proptest! {
    // Counterexamples are kept as plain tests below, not in a regressions
    // file. The seed is fixed so that CI runs the same cases every time;
    // set PROPTEST_RNG_SEED and PROPTEST_CASES to explore further.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        rng_seed: std::env::var("PROPTEST_RNG_SEED").ok().and_then(|s| s.parse().ok()).map_or(RngSeed::Fixed(20261123), RngSeed::Fixed),
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn cleaning_a_messy_page_never_panics(page in messy_page()) {
        clean(&page, &BatchContext::default());
    }

    #[test]
    fn cleaning_any_string_never_panics(page in any::<String>()) {
        clean(&page, &BatchContext::default());
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(decoded) = galley::decode::decode(&bytes, None) {
            for page in galley::decode::pages(&decoded) {
                clean_page(page, &BatchContext::default(), options(), &mut Trace::off());
            }
        }
    }

    #[test]
    fn normalized_lines_are_nfc_and_normalize_to_themselves(page in prop_oneof![messy_page(), any::<String>()]) {
        for line in normalize(&page, &mut Trace::off()) {
            prop_assert!(is_nfc(&line.text), "line {} not NFC: {:?}", line.no, line.text);
            prop_assert_eq!(normalize_line(&line.text), line.text.clone(), "line {}", line.no);
        }
    }

    #[test]
    fn rejoining_rejoined_paragraphs_changes_nothing(page in prop_oneof![column_page(), latin_page()]) {
        let paragraphs = rejoined(&page);
        // The property is about body text. A page where rejoin found a
        // headline is outside it: without the headline, the text on either
        // side of it meets, and an open lead before it rightly runs on into
        // the text after it (`新华社北京3月17日电` ⏎⏎ headline ⏎⏎ `。`).
        prop_assume!(paragraphs.iter().all(|(class, _)| !class.is_headline()));
        let once = body_texts(&paragraphs);
        let again: Vec<String> = rejoined(&once.join("\n\n")).into_iter().map(|(_, t)| t).collect();
        prop_assert_eq!(again, once);
    }

    #[test]
    fn cleaning_a_messy_page_loses_nothing(page in prop_oneof![messy_page(), any::<String>()]) {
        let result = clean(&page, &BatchContext::default());
        if let Some(failure) = conservation_failure(&page, &result) {
            prop_assert!(false, "{}", failure);
        }
    }

    #[test]
    fn cleaning_a_column_page_loses_nothing(page in prop_oneof![column_page(), latin_page()]) {
        let result = clean(&page, &BatchContext::default());
        if let Some(failure) = conservation_failure(&page, &result) {
            prop_assert!(false, "{}", failure);
        }
    }
}

#[test]
fn cleaning_the_seeds_loses_nothing() {
    let pages = seeds();
    let ctx = seeds_context(&pages);
    let mut failures = Vec::new();
    for (name, text) in &pages {
        for (alone, ctx) in [(false, &ctx), (true, &BatchContext::default())] {
            if let Some(failure) = conservation_failure(text, &clean(text, ctx)) {
                failures.push(format!("{name} ({}): {failure}", if alone { "alone" } else { "in the batch" }));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cleaning_a_seed_article_again_changes_nothing() {
    let pages = seeds();
    let ctx = seeds_context(&pages);
    let mut failures = Vec::new();
    for (name, text) in &pages {
        for (k, item) in clean(text, &ctx).items.iter().enumerate() {
            let again = clean(&item.text(), &BatchContext::default()).items;
            let what = format!("{name} item {}", k + 1);
            match again.as_slice() {
                [one] => {
                    if one.body != item.body {
                        failures.push(format!("{what}: body\n  was   {:?}\n  again {:?}", item.body, one.body));
                    }
                    if item.title.is_some() && one.title != item.title {
                        failures.push(format!("{what}: title\n  was   {:?}\n  again {:?}", item.title, one.title));
                    }
                }
                items => failures.push(format!(
                    "{what}: {} items again, from {:?}:\n{}",
                    items.len(),
                    item.text(),
                    items.iter().map(|i| format!("  {:?}", i.text())).collect::<Vec<_>>().join("\n")
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// Counterexamples the properties above found, shrunk by hand to the
// smallest input that shows the fault, kept as plain tests.

/// Found by `cleaning_a_messy_page_never_panics`: a zero-width space (or a
/// stray byte order mark) that opens a line before a space is dropped after
/// the line was trimmed, so spacing repair meets a line that opens with a
/// space, and panics (web scrapes carry such characters).
#[test]
fn line_opening_with_a_zero_width_space_and_a_space_normalizes_without_panic() {
    assert_eq!(normalize_line("\u{200b} 本报讯"), "本报讯");
    assert_eq!(normalize_line("\u{feff} #"), "#");
}

/// Found by `normalized_lines_are_nfc_and_normalize_to_themselves`: NFC
/// turns U+2000 EN QUAD into U+2002 EN SPACE after the line was trimmed; the
/// same panic as above.
#[test]
fn line_opening_with_an_en_quad_normalizes_without_panic() {
    assert_eq!(normalize_line("\u{2000}本报讯"), "本报讯");
}

#[test]
fn cleaning_a_page_with_a_zero_width_space_before_a_space_does_not_panic() {
    let result = clean("\u{200b} 本报讯（记者焦娟）正文。\n", &BatchContext::default());
    assert_eq!(result.items.len(), 1);
}

/// Found by `normalized_lines_are_nfc_and_normalize_to_themselves`: two lone
/// ideographs two spaces apart keep their gap, but once the space before
/// the comma is gone the second is no longer lone, and a second pass
/// narrows the gap.
#[test]
fn normalizing_lone_ideographs_far_apart_twice_changes_nothing() {
    let once = normalize_line("市  市 ，");
    assert_eq!(normalize_line(&once), once);
}

/// Found by `normalized_lines_are_nfc_and_normalize_to_themselves`: the
/// `(` of a pair holding only punctuation stays ASCII while its `)`, after
/// CJK punctuation, becomes `）`; a second pass finds the `(` unpaired,
/// followed by Chinese, and widens it.
#[test]
fn normalizing_brackets_around_punctuation_twice_changes_nothing() {
    let once = normalize_line("(，)市");
    assert_eq!(normalize_line(&once), once);
}

/// Found by `rejoining_rejoined_paragraphs_changes_nothing`: a closing quote
/// wrapped alone onto its line, then an indented line. The quote line does
/// not end a sentence by itself, so the indent is read as a word gap and
/// the paragraphs are joined with a space (`。” 会议`); written back as one
/// paragraph, normalize drops that space.
#[test]
fn rejoining_text_after_a_closing_quote_wrapped_alone_changes_nothing() {
    let once = body_texts(&rejoined("他说：“要抓紧落实。\n”\n\u{3000}\u{3000}会议强调，要继续。\n"));
    let again = body_texts(&rejoined(&once.join("\n\n")));
    assert_eq!(again, once);
}

fn item(kicker: Option<&str>, title: &str, subtitle: Option<&str>, body: &[&str]) -> Item {
    Item {
        kicker: kicker.map(str::to_owned),
        title: Some(title.to_owned()),
        subtitle: subtitle.map(str::to_owned),
        body: body.iter().map(|p| (*p).to_owned()).collect(),
        ..Item::default()
    }
}

/// Whether cleaning an item's text again gives back its headline and body.
fn assert_cleans_to_itself(item: &Item) {
    let again = clean(&item.text(), &BatchContext::default());
    let headlines: Vec<_> = again.items.iter().map(|i| (&i.kicker, &i.title, &i.subtitle, &i.body)).collect();
    assert_eq!(
        headlines,
        [(&item.kicker, &item.title, &item.subtitle, &item.body)],
        "cleaning {:?} again; orphans {:?}",
        item.text(),
        again.orphans
    );
}

/// Found by `cleaning_a_seed_article_again_changes_nothing`, seed 000 line
/// 27 (`### 出入政策有变`): a brief's file holds its title and a body that
/// shares no words with it; cleaned again, the title is an orphan.
#[test]
fn cleaning_a_brief_again_keeps_its_title() {
    assert_cleans_to_itself(&item(None, "出入政策有变", None, &["河南18地最新返城规定来了。"]));
}

/// Found by `cleaning_a_seed_article_again_changes_nothing`, seed 000 lines
/// 5–7: an item file writes kicker, title and subtitle on consecutive lines,
/// and cleaned again they are one run of headline lines, which segment
/// reads as one title.
#[test]
fn cleaning_an_article_again_keeps_its_subtitle() {
    assert_cleans_to_itself(&item(
        None,
        "市委召开新冠肺炎疫情防控第十四次专题会议",
        Some("葛巧红主持并讲话 李亦博作工作部署"),
        &["本报讯（记者焦娟、郭嘉莉）3月17日下午，市委召开新冠肺炎疫情防控第十四次专题会议。葛巧红主持并讲话。"],
    ));
}

/// As above, seed 003 lines 35–37: the kicker `区人大代表换届选举` joins the title.
#[test]
fn cleaning_an_article_again_keeps_its_kicker() {
    assert_cleans_to_itself(&item(
        Some("区人大代表换届选举"),
        "安伟何雄等到所在选区参加投票",
        None,
        &["本报讯（记者王）昨日，安伟、何雄等到所在选区参加区人大代表换届选举投票。"],
    ));
}

/// Found by `cleaning_a_seed_article_again_changes_nothing`, seed 004 lines
/// 118–126: a subtitle with a comma in it, written on its own line under
/// the title, is read back as a body paragraph, and title and subtitle
/// become an item of their own.
#[test]
fn cleaning_an_article_again_keeps_a_subtitle_with_a_comma() {
    assert_cleans_to_itself(&item(
        None,
        "中共中央政治局常务委员会召开会议",
        Some(
            "中共中央总书记习近平主持会议 响应党中央对广大党员的号召，习近平李克强栗战书汪洋 王沪宁赵乐际韩正同志为支持新冠肺炎疫情防控工作捐款",
        ),
        &["新华社北京2月26日电 中共中央政治局常务委员会2月26日召开会议。中共中央总书记习近平主持会议并发表重要讲话。"],
    ));
}
