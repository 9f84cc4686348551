//! Throughput of each stage and of `clean_page`, in MB/s of page text.
//!
//! Inputs are the five checked-in seed pages plus `all`, the five joined by
//! blank lines into one long page, so that both per-page overhead and long
//! pages are measured. Every stage after decode reports throughput in bytes
//! of the page's UTF-8 text, so the groups add up and compare with
//! `clean_page`; decode reports bytes of its encoded input.
//!
//! Each bench asserts one fact about its output before measuring, so that a
//! stage that silently did nothing cannot pass as fast.
//!
//! The `pathological` group cleans pages that scanners and broken extractors
//! produce, built here from the checked-in pages: a whole page on one 1 MB
//! line (Latin OCR text, Chinese text), a megabyte of one character
//! (`(`, `)`, `（`, `-`, spaces), 100,000 letter-spaced ideographs. Cleaning
//! is linear in the size of a page, so these should run at about the MB/s
//! of `clean_page` on the seeds.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use encoding_rs::{GB18030, UTF_8};
use galley::PageResult;
use galley::model::{Line, Paragraph};
use galley::rules::RuleSet;
use galley::{BatchContext, CleanOptions, Page, Trace, clean_page, decode, furniture, normalize, rejoin, segment};

/// A bench input and what its stages are known to do with it.
struct Input {
    name: &'static str,
    text: String,
    /// Lines wrapped by columns: rejoin yields fewer paragraphs than lines.
    /// (The web-scraped pages hold one paragraph per line.)
    wrapped: bool,
    /// Whole furniture lines (web chrome, headers) that `strip_lines` blanks.
    furniture_lines: bool,
    /// Continuation notes or editor codes that `strip_marks` takes out.
    marks: bool,
}

/// The seeds: name, text, wrapped, furniture lines, marks.
const SEEDS: [(&str, &str, bool, bool, bool); 5] = [
    ("000", include_str!("../seeds/000_fb8c58d83bfc38bd.txt"), false, false, true),
    ("001", include_str!("../seeds/001_a69710dabf6f1119.txt"), true, false, true),
    ("002", include_str!("../seeds/002_24ae2b55acadbc0c.txt"), false, true, false),
    ("003", include_str!("../seeds/003_3f1f02917a16f933.txt"), true, false, false),
    ("004", include_str!("../seeds/004_468ab1eef400fbf5.txt"), true, false, true),
];

/// The five seeds, then all five joined into one long page.
fn inputs() -> Vec<Input> {
    let mut inputs: Vec<Input> = SEEDS
        .iter()
        .map(|&(name, text, wrapped, furniture_lines, marks)| Input {
            name,
            text: text.to_owned(),
            wrapped,
            furniture_lines,
            marks,
        })
        .collect();
    let all = SEEDS.iter().map(|s| s.1).collect::<Vec<_>>().join("\n\n");
    inputs.push(Input { name: "all", text: all, wrapped: true, furniture_lines: true, marks: true });
    inputs
}

fn bytes(len: usize) -> Throughput {
    Throughput::Bytes(u64::try_from(len).expect("page length fits in u64"))
}

fn normalized(input: &Input) -> Vec<Line> {
    normalize::normalize(&input.text, &mut Trace::off())
}

/// Lines as rejoin sees them: normalized, furniture lines blanked.
fn stripped(input: &Input, rules: &RuleSet) -> Vec<Line> {
    let mut lines = normalized(input);
    furniture::strip_lines(&mut lines, &BatchContext::default(), rules, false, &mut Vec::new(), &mut Trace::off());
    lines
}

fn rejoined(input: &Input, rules: &RuleSet) -> Vec<Paragraph> {
    rejoin::rejoin(&stripped(input, rules), rules, &BatchContext::default(), &mut Trace::off())
}

/// Paragraphs as segment sees them: rejoined, marks taken out.
fn marked(input: &Input, rules: &RuleSet) -> Vec<Paragraph> {
    furniture::strip_marks(rejoined(input, rules), rules, false, &mut Vec::new(), &mut Trace::off())
}

fn filled(lines: &[Line]) -> usize {
    lines.iter().filter(|l| !l.is_blank()).count()
}

fn config() -> Criterion {
    Criterion::default().sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

fn bench_decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode");
    for input in inputs() {
        let (gb, _, unmappable) = GB18030.encode(&input.text);
        assert!(!unmappable, "{}: every seed character exists in GB18030", input.name);
        // gb18030: detected by chardetng; gb18030_forced: `--encoding GB18030`,
        // decoding alone; utf8: found valid by `str::from_utf8`.
        let cases = [
            ("gb18030", GB18030, None, gb.as_ref()),
            ("gb18030_forced", GB18030, Some(GB18030), gb.as_ref()),
            ("utf8", UTF_8, None, input.text.as_bytes()),
        ];
        for (label, encoding, forced, encoded) in cases {
            // Fact: the encoding is the right one and the text comes back unchanged.
            let decoded = decode::decode(encoded, forced).expect("a seed is text");
            assert_eq!(decoded.encoding, encoding, "{label}/{}: encoding", input.name);
            assert!(decoded.text == input.text, "{label}/{}: decoding round-trips", input.name);
            group.throughput(bytes(encoded.len()));
            group.bench_with_input(BenchmarkId::new(label, input.name), encoded, |b, encoded| {
                b.iter(|| decode::decode(black_box(encoded), forced))
            });
        }
    }
    group.finish();
}

fn bench_normalize(c: &mut Criterion) {
    let mut group = c.benchmark_group("normalize");
    for input in inputs() {
        // Fact: one line per input line, and letter-spacing is repaired
        // (001 `第 一 时 间 选 派` → `第一时间选派`).
        let lines = normalized(&input);
        assert_eq!(lines.len(), input.text.split('\n').count(), "{}: lines kept", input.name);
        let count = |text: &str, word: &str| text.matches(word).count();
        let spaced = count(&input.text, "第 一 时 间");
        let solid: usize = lines.iter().map(|l| count(&l.text, "第一时间")).sum();
        assert_eq!(solid, count(&input.text, "第一时间") + spaced, "{}: letter-spacing", input.name);
        group.throughput(bytes(input.text.len()));
        group.bench_with_input(BenchmarkId::from_parameter(input.name), &input.text, |b, text| {
            b.iter(|| normalize::normalize(black_box(text), &mut Trace::off()))
        });
    }
    group.finish();
}

fn bench_furniture_lines(c: &mut Criterion) {
    let rules = RuleSet::builtin();
    let ctx = BatchContext::default();
    let mut group = c.benchmark_group("furniture_lines");
    for input in inputs() {
        // Fact: the pages with web chrome lose lines, the others none.
        let lines = normalized(&input);
        let after = stripped(&input, &rules);
        assert_eq!(filled(&after) < filled(&lines), input.furniture_lines, "{}: furniture lines", input.name);
        group.throughput(bytes(input.text.len()));
        group.bench_with_input(BenchmarkId::from_parameter(input.name), &lines, |b, lines| {
            b.iter_batched(
                || lines.clone(),
                |mut lines| {
                    let mut removed = Vec::new();
                    let date = furniture::strip_lines(&mut lines, &ctx, &rules, false, &mut removed, &mut Trace::off());
                    (lines, removed, date)
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

fn bench_rejoin(c: &mut Criterion) {
    let rules = RuleSet::builtin();
    let ctx = BatchContext::default();
    let mut group = c.benchmark_group("rejoin");
    for input in inputs() {
        // Fact: column-wrapped pages yield fewer paragraphs than lines; web
        // pages keep one paragraph per line.
        let lines = stripped(&input, &rules);
        let paragraphs = rejoin::rejoin(&lines, &rules, &ctx, &mut Trace::off());
        assert!(!paragraphs.is_empty(), "{}: paragraphs", input.name);
        assert_eq!(paragraphs.len() < filled(&lines), input.wrapped, "{}: lines joined", input.name);
        group.throughput(bytes(input.text.len()));
        group.bench_with_input(BenchmarkId::from_parameter(input.name), &lines, |b, lines| {
            b.iter(|| rejoin::rejoin(black_box(lines), &rules, &ctx, &mut Trace::off()))
        });
    }
    group.finish();
}

fn bench_furniture_marks(c: &mut Criterion) {
    let rules = RuleSet::builtin();
    let mut group = c.benchmark_group("furniture_marks");
    for input in inputs() {
        // Fact: continuation notes (`（下转A02版③）`) and editor codes come out
        // of the pages that print them, and out of no other.
        let paragraphs = rejoined(&input, &rules);
        let mut removed = Vec::new();
        furniture::strip_marks(paragraphs.clone(), &rules, false, &mut removed, &mut Trace::off());
        assert_eq!(!removed.is_empty(), input.marks, "{}: marks", input.name);
        group.throughput(bytes(input.text.len()));
        group.bench_with_input(BenchmarkId::from_parameter(input.name), &paragraphs, |b, paragraphs| {
            b.iter_batched(
                || paragraphs.clone(),
                |paragraphs| {
                    let mut removed = Vec::new();
                    let out = furniture::strip_marks(paragraphs, &rules, false, &mut removed, &mut Trace::off());
                    (out, removed)
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

fn bench_segment(c: &mut Criterion) {
    let rules = RuleSet::builtin();
    let mut group = c.benchmark_group("segment");
    for input in inputs() {
        // Fact: the page splits into items, the same number clean_page
        // yields (an empty batch context removes no repeated box); 000 into 8.
        let paragraphs = marked(&input, &rules);
        let items = segment::segment(paragraphs.clone(), &rules, &mut Trace::off()).items.len();
        let page =
            clean_page(Page::new(&input.text), &BatchContext::default(), &CleanOptions::default(), &mut Trace::off());
        assert!(items > 0, "{}: items", input.name);
        assert_eq!(items, page.items.len(), "{}: items", input.name);
        if input.name == "000" {
            assert_eq!(items, 8, "000: items");
        }
        group.throughput(bytes(input.text.len()));
        group.bench_with_input(BenchmarkId::from_parameter(input.name), &paragraphs, |b, paragraphs| {
            b.iter_batched(
                || paragraphs.clone(),
                |paragraphs| segment::segment(paragraphs, &rules, &mut Trace::off()),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

/// Size of the pathological pages.
const PATHOLOGICAL_BYTES: usize = 1_000_000;

/// `unit` repeated to [`PATHOLOGICAL_BYTES`].
fn repeated(unit: &str) -> String {
    unit.repeat(PATHOLOGICAL_BYTES / unit.len())
}

/// The lines of `page`, trimmed, joined by `glue`, repeated to about
/// [`PATHOLOGICAL_BYTES`]: a page whose extractor lost its line ends.
fn one_line(page: &str, glue: &str) -> String {
    let line: Vec<&str> = page.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let line = line.join(glue);
    let mut text = line.repeat(PATHOLOGICAL_BYTES / line.len());
    text.truncate(text.trim_end_matches(|c: char| !c.is_alphanumeric()).len());
    text
}

/// `count` ideographs of a seed, one space apart (001 `第 一 时 间`).
fn letter_spaced(count: usize) -> String {
    let han = SEEDS[1].1.chars().filter(|&c| galley::script::is_han(c));
    let chars: Vec<String> = han.cycle().take(count).map(String::from).collect();
    chars.join(" ")
}

/// Whether the result is one item of one paragraph holding exactly `text`.
fn one_paragraph(text: &str, result: &PageResult) -> bool {
    matches!(result.items.as_slice(), [item] if item.body == [text])
}

fn bench_pathological(c: &mut Criterion) {
    let ctx = BatchContext::default();
    let options = CleanOptions::default();
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let latin = one_line(include_str!("../tests/fixtures/pages/en-print.txt"), " ");
    let chinese = one_line(SEEDS[1].1, "");
    // Page, and a fact about what cleaning makes of it.
    type Fact = fn(&str, &PageResult) -> bool;
    let cases: [(&str, String, Fact); 8] = [
        // Running text: one paragraph, nothing lost in the middle.
        ("latin_line", latin, |page, r| r.items.len() == 1 && r.items[0].chars() * 10 > page.len() * 9),
        ("chinese_line", chinese, |page, r| r.items.len() == 1 && r.items[0].chars() * 3 > page.len() * 9 / 10),
        // Brackets without Chinese around them stay as they are.
        ("open_paren", repeated("("), one_paragraph),
        ("close_paren", repeated(")"), one_paragraph),
        ("fullwidth_paren", repeated("（"), one_paragraph),
        ("hyphens", repeated("-"), one_paragraph),
        // Nothing but spaces is a blank page.
        ("spaces", repeated(" "), |_, r| r.items.is_empty() && r.removed.is_empty()),
        // Letter-spacing repaired: one word of 100,000 ideographs.
        ("letter_spaced", letter_spaced(100_000), |page, r| one_paragraph(&page.replace(' ', ""), r)),
    ];
    for (name, page, fact) in cases {
        let result = clean_page(Page::new(&page), &ctx, &options, &mut Trace::off());
        assert!(fact(&page, &result), "{name}: {} items, {} removed", result.items.len(), result.removed.len());
        group.throughput(bytes(page.len()));
        group.bench_with_input(BenchmarkId::from_parameter(name), &page, |b, page| {
            b.iter(|| clean_page(Page::new(black_box(page)), &ctx, &options, &mut Trace::off()))
        });
    }
    group.finish();
}

fn bench_clean_page(c: &mut Criterion) {
    let ctx = BatchContext::default();
    let options = CleanOptions::default();
    let mut group = c.benchmark_group("clean_page");
    for input in inputs() {
        // Fact: every page yields items; 000 yields 8.
        let result = clean_page(Page::new(&input.text), &ctx, &options, &mut Trace::off());
        assert!(!result.items.is_empty(), "{}: items", input.name);
        if input.name == "000" {
            assert_eq!(result.items.len(), 8, "000: items");
        }
        group.throughput(bytes(input.text.len()));
        group.bench_with_input(BenchmarkId::from_parameter(input.name), &input.text, |b, text| {
            b.iter(|| clean_page(Page::new(black_box(text)), &ctx, &options, &mut Trace::off()))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_decode, bench_normalize, bench_furniture_lines, bench_rejoin, bench_furniture_marks,
        bench_segment, bench_clean_page, bench_pathological
}
criterion_main!(benches);
