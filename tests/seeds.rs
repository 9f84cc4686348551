//! The seeds' expectations, run against the binary.
//!
//! A port of the shared `tools/check_expect.py` (what each seed page must
//! yield, from `tests/fixtures/expect/seeds.json`, a copy of the shared
//! `expect/seeds.json`) and of `tools/conservation.py` (nothing lost), so
//! that the project tests without `../shared`. Both read what
//! `galley clean seeds -o OUT -q` wrote, as the Python tools do.
//!
//! The port keeps the tool's semantics: strings are compared with all
//! whitespace removed unless the key ends in `_exact`; expected articles are
//! aligned in order with the emitted articles and briefs by the start of
//! their body; every failed check is collected, and a test fails listing
//! all of them, as the tool prints them. There is one test per seed page so
//! that a failure on one page does not hide the state of the others; each
//! runs the whole batch (the shared output is produced once) and, because
//! the expectations speak of "cleaning each seed page on its own", the page
//! alone as well.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Counts passed checks and keeps the failed ones (`Checker` of the tool).
#[derive(Default)]
struct Checker {
    passed: usize,
    /// The line `check_expect.py` would print for each failed check.
    failures: Vec<String>,
}

impl Checker {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) -> bool {
        if ok {
            self.passed += 1;
        } else {
            self.failures.push(what());
        }
        ok
    }
}

/// What one run of the binary wrote, read into memory so that the
/// temporary folder can go.
struct Output {
    /// Why the run produced nothing to check, if it did not.
    failed: Option<String>,
    manifest: Vec<Value>,
    pages: Vec<Value>,
    /// Item files by their manifest `path`: text, or why it is unreadable.
    files: HashMap<String, Result<String, String>>,
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seeds_dir() -> PathBuf {
    manifest_dir().join("seeds")
}

/// `tests/fixtures/expect/seeds.json`, parsed once.
fn expectations() -> &'static Value {
    static EXPECT: OnceLock<Value> = OnceLock::new();
    EXPECT.get_or_init(|| {
        let path = manifest_dir().join("tests/fixtures/expect/seeds.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
    })
}

/// The output of `galley clean seeds -o OUT -q`, produced once for all tests.
fn batch_output() -> &'static Output {
    static OUTPUT: OnceLock<Output> = OnceLock::new();
    OUTPUT.get_or_init(|| run_galley(&seeds_dir()))
}

/// Runs `galley clean INPUT -o OUT -q` in a temporary folder and reads
/// everything it wrote.
fn run_galley(input: &Path) -> Output {
    let out = tempfile::tempdir().expect("a temporary folder");
    let run = Command::cargo_bin("galley")
        .expect("the galley binary is built for integration tests")
        .arg("clean")
        .arg(input)
        .arg("-o")
        .arg(out.path())
        .arg("-q")
        .output()
        .expect("galley runs");
    let mut output = Output { failed: None, manifest: Vec::new(), pages: Vec::new(), files: HashMap::new() };
    let manifest_path = out.path().join("manifest.jsonl");
    if !manifest_path.is_file() {
        output.failed = Some(format!(
            "{} missing (galley exited with {}; stderr: {})",
            manifest_path.display(),
            run.status,
            String::from_utf8_lossy(&run.stderr).trim()
        ));
        return output;
    }
    if !run.status.success() {
        output.failed =
            Some(format!("galley exited with {}; stderr: {}", run.status, String::from_utf8_lossy(&run.stderr).trim()));
    }
    output.manifest = load_jsonl(&manifest_path);
    output.pages = load_jsonl(&out.path().join("pages.jsonl"));
    for rec in &output.manifest {
        let Some(path) = rec.get("path").and_then(Value::as_str) else { continue };
        let text = std::fs::read_to_string(out.path().join(path)).map_err(|e| e.to_string());
        output.files.insert(path.to_owned(), text);
    }
    output
}

/// The JSON objects of a JSON-lines file, blank lines skipped; a line that
/// is not JSON is fatal, as in the tool.
fn load_jsonl(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line.trim()).unwrap_or_else(|e| panic!("{}:{}: not JSON: {e}", path.display(), n + 1))
        })
        .collect()
}

/// Python's `\s` in a `str` pattern: Unicode whitespace, plus the
/// information separators U+001C..U+001F that `str.isspace` also counts.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// All whitespace removed (`squash` of the tool).
fn squash(s: &str) -> String {
    s.chars().filter(|&c| !is_py_space(c)).collect()
}

/// A string field of a record; `None` when missing, null or empty, which
/// Python's `r.get(k)` treats alike as false.
fn field<'v>(rec: &'v Value, key: &str) -> Option<&'v str> {
    rec.get(key).and_then(Value::as_str).filter(|s| !s.is_empty())
}

/// `repr()` of an optional field, as the tool prints it.
fn repr(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "None".to_owned(),
        Some(Value::String(s)) => format!("{s:?}"),
        Some(other) => other.to_string(),
    }
}

/// The first `n` characters (Python's `s[:n]`).
fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The last `n` characters (Python's `s[-n:]`).
fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// An emitted item: its manifest record, its file's header lines and body.
struct Emitted<'o> {
    rec: &'o Value,
    head: Vec<String>,
    body: String,
}

/// The header lines and body of an item file (`read_item` of the tool).
fn split_item(rec: &Value, text: &str) -> (Vec<String>, String) {
    let has_head = ["kicker", "title", "subtitle"].iter().any(|k| field(rec, k).is_some());
    if has_head {
        let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
        (head.split('\n').map(str::to_owned).collect(), body.to_owned())
    } else {
        (Vec::new(), text.to_owned())
    }
}

/// Applies every check of `check_expect.py` for one page of the expectations.
fn check_page(out: &Output, page: &str, exp: &Value) -> Checker {
    let mut c = Checker::default();
    if let Some(why) = &out.failed {
        c.check(false, || why.clone());
        if out.manifest.is_empty() {
            return c;
        }
    }
    let mut recs: Vec<&Value> = out
        .manifest
        .iter()
        .filter(|r| {
            let source = r.get("source").and_then(Value::as_str).unwrap_or_default();
            Path::new(source).file_name().is_some_and(|name| name == page)
        })
        .collect();
    let page_no = |r: &Value| r.get("page").and_then(Value::as_u64).unwrap_or(1);
    let index = |r: &Value| r.get("index").and_then(Value::as_u64).unwrap_or(0);
    recs.sort_by_key(|r| (page_no(r), index(r)));
    let mut items = Vec::new();
    for rec in recs {
        let path = rec.get("path").and_then(Value::as_str).unwrap_or_default();
        match out.files.get(path) {
            Some(Ok(text)) => {
                let (head, body) = split_item(rec, text);
                items.push(Emitted { rec, head, body });
            }
            Some(Err(e)) => {
                c.check(false, || format!("{page}: cannot read {path:?}: {e}"));
            }
            None => {
                c.check(false, || format!("{page}: cannot read {path:?}: not written"));
            }
        }
    }
    let arts: Vec<&Emitted> =
        items.iter().filter(|e| matches!(field(e.rec, "kind"), Some("article" | "brief"))).collect();

    // Align expected articles to emitted ones, in order, by body start.
    let mut pos = 0;
    let mut matched = HashSet::new();
    let expected = exp["articles"].as_array().expect("`articles` is a list");
    for (i, ea) in expected.iter().enumerate() {
        let starts = ea["starts"].as_str().expect("`starts` is a string");
        let tag = format!("{page} article {} ({}...)", i + 1, head(starts, 16));
        let j = (pos..arts.len()).find(|&k| squash(&arts[k].body).starts_with(&squash(starts)));
        let Some(j) = j else {
            c.check(false, || format!("{tag}: no emitted item whose body starts so (in order)"));
            continue;
        };
        c.passed += 1;
        matched.insert(j);
        pos = j + 1;
        let Emitted { rec: r, head: file_head, body } = arts[j];
        let kind = ea.get("kind");
        c.check(r.get("kind") == kind, || format!("{tag}: kind {}, expected {}", repr(r.get("kind")), repr(kind)));
        let ends = ea["ends"].as_str().expect("`ends` is a string");
        c.check(squash(body).ends_with(&squash(ends)), || {
            format!("{tag}: body ends {:?}, expected ...{ends:?}", tail(&squash(body), 20))
        });
        let title = squash(field(r, "title").unwrap_or_default());
        let heads: String = ["kicker", "title", "subtitle"].iter().filter_map(|k| field(r, k)).collect();
        let heads = squash(&heads);
        for t in strings(ea.get("title_has")) {
            c.check(title.contains(&squash(t)), || format!("{tag}: title {} lacks {t:?}", repr(r.get("title"))));
        }
        for t in strings(ea.get("head_has")) {
            c.check(heads.contains(&squash(t)), || {
                format!(
                    "{tag}: headline lacks {t:?} (kicker/title/subtitle: {} / {} / {})",
                    repr(r.get("kicker")),
                    repr(r.get("title")),
                    repr(r.get("subtitle"))
                )
            });
        }
        if ea.get("untitled").is_some_and(truthy) {
            c.check(heads.is_empty(), || format!("{tag}: expected no headline, got {:?}", head(&heads, 40)));
        }
        if let Some(want) = ea.get("continued_to") {
            let got = r.get("continued_to").and_then(Value::as_str).unwrap_or_default();
            c.check(squash(got) == squash(want.as_str().unwrap_or_default()), || {
                format!("{tag}: continued_to {}, expected {}", repr(r.get("continued_to")), repr(Some(want)))
            });
        }
        if let Some(want) = ea.get("paragraphs") {
            let got = body.split("\n\n").filter(|p| !p.trim().is_empty()).count();
            c.check(want.as_u64() == Some(got as u64), || format!("{tag}: {got} paragraphs, expected {want}"));
        }
        // The file's header lines must be the headline fields, nothing else.
        let want_head: Vec<&str> = ["kicker", "title", "subtitle"].iter().filter_map(|k| field(r, k)).collect();
        c.check(*file_head == want_head, || {
            format!("{tag}: file header {file_head:?} differs from manifest headline {want_head:?}")
        });
    }
    for (k, e) in arts.iter().enumerate() {
        c.check(matched.contains(&k), || {
            format!(
                "{page}: unexpected {} #{} starting {:?}",
                field(e.rec, "kind").unwrap_or("None"),
                e.rec.get("index").map_or_else(|| "None".to_owned(), Value::to_string),
                head(&squash(&e.body), 24)
            )
        });
    }

    let bodies: Vec<&str> = arts.iter().map(|e| e.body.as_str()).collect();
    let texts: Vec<String> = arts.iter().map(|e| squash(&format!("{}\n{}", e.body, e.head.join("\n")))).collect();
    for s in strings(exp.get("present_exact")) {
        c.check(bodies.iter().any(|b| b.contains(s)), || format!("{page}: no article body contains {s:?}"));
    }
    for s in strings(exp.get("absent")) {
        let squashed = squash(s);
        c.check(!texts.iter().any(|t| t.contains(&squashed)), || format!("{page}: {s:?} still appears in an article"));
    }
    if let Some(date) = exp.get("date") {
        let dates: Vec<Option<&Value>> = arts.iter().map(|e| e.rec.get("date")).collect();
        c.check(dates.iter().any(|d| d.unwrap_or(&Value::Null) == date), || {
            let got: Vec<String> = dates.iter().map(|d| repr(*d)).collect();
            format!("{page}: no article carries date {} (got {{{}}})", repr(Some(date)), got.join(", "))
        });
    }
    c
}

/// Python truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// The strings of an optional list of the expectations.
fn strings(v: Option<&Value>) -> impl Iterator<Item = &str> {
    v.and_then(Value::as_array).into_iter().flatten().map(|s| s.as_str().expect("a list of strings"))
}

/// Checks one seed page, in the batch's output and cleaned on its own, and
/// fails listing every failed check.
fn assert_page_meets_expectations(page: &str) {
    let exp = expectations()["pages"].get(page).unwrap_or_else(|| panic!("{page}: not in seeds.json"));
    let alone = run_galley(&seeds_dir().join(page));
    let mut report = Vec::new();
    let mut failed = 0;
    for (how, out) in [("batch", batch_output()), ("alone", &alone)] {
        let c = check_page(out, page, exp);
        failed += c.failures.len();
        report.extend(c.failures.iter().map(|f| format!("FAIL ({how}) {f}")));
        let score = format!("expect ({how}): {} passed, {} failed", c.passed, c.failures.len());
        println!("{page}: {score}");
        report.push(score);
    }
    assert!(failed == 0, "{page}: {failed} checks failed\n{}", report.join("\n"));
}

/// The pages the tests below check; each page of seeds.json must be one.
const SEED_PAGES: [&str; 5] = [
    "000_fb8c58d83bfc38bd.txt",
    "001_a69710dabf6f1119.txt",
    "002_24ae2b55acadbc0c.txt",
    "003_3f1f02917a16f933.txt",
    "004_468ab1eef400fbf5.txt",
];

#[test]
fn every_expected_page_has_a_test() {
    let expected: HashSet<&str> =
        expectations()["pages"].as_object().expect("`pages` is an object").keys().map(String::as_str).collect();
    assert_eq!(expected, SEED_PAGES.into_iter().collect::<HashSet<_>>());
}

#[test]
fn seed_000_front_page_in_paragraphs_yields_expected_articles() {
    assert_page_meets_expectations(SEED_PAGES[0]);
}

#[test]
fn seed_001_pdf_front_page_yields_expected_articles() {
    assert_page_meets_expectations(SEED_PAGES[1]);
}

#[test]
fn seed_002_web_scrape_yields_expected_article() {
    assert_page_meets_expectations(SEED_PAGES[2]);
}

#[test]
fn seed_003_web_edition_yields_expected_articles() {
    assert_page_meets_expectations(SEED_PAGES[3]);
}

#[test]
fn seed_004_pdf_front_page_yields_expected_articles() {
    assert_page_meets_expectations(SEED_PAGES[4]);
}

/// Letters, digits and ideographs of a text, counted: after NFKC, the
/// characters that are alphanumeric (`content` of `conservation.py`).
fn content(text: &str) -> BTreeMap<char, usize> {
    let mut counts = BTreeMap::new();
    for c in text.nfkc().filter(|c| c.is_alphanumeric()) {
        *counts.entry(c).or_default() += 1;
    }
    counts
}

fn add(acc: &mut BTreeMap<char, usize>, more: BTreeMap<char, usize>) {
    for (c, n) in more {
        *acc.entry(c).or_default() += n;
    }
}

/// What `a` has more of than `b`, as a sorted string.
fn excess(a: &BTreeMap<char, usize>, b: &BTreeMap<char, usize>) -> String {
    a.iter().flat_map(|(&c, &n)| std::iter::repeat_n(c, n.saturating_sub(b.get(&c).copied().unwrap_or(0)))).collect()
}

/// An input file as `conservation.py` reads it: UTF-8 (BOM or not),
/// UTF-16 with a BOM, else GB18030.
fn decode_input(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::GB18030.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

#[test]
fn cleaning_the_seeds_together_loses_no_letter_digit_or_ideograph() {
    let out = batch_output();
    assert!(out.failed.is_none(), "{}", out.failed.as_deref().unwrap_or_default());
    let mut written: HashMap<&str, BTreeMap<char, usize>> = HashMap::new();
    for rec in &out.manifest {
        let source = rec["source"].as_str().expect("`source` is a string");
        let path = rec["path"].as_str().expect("`path` is a string");
        let text = match out.files.get(path) {
            Some(Ok(text)) => text,
            other => panic!("{path}: cannot read: {other:?}"),
        };
        add(written.entry(source).or_default(), content(text));
    }
    for rec in &out.pages {
        let source = rec["source"].as_str().expect("`source` is a string");
        let acc = written.entry(source).or_default();
        for r in rec.get("removed").and_then(Value::as_array).into_iter().flatten() {
            let text = r.get("text").unwrap_or(r).as_str().unwrap_or_default();
            add(acc, content(text));
        }
        for o in rec.get("orphans").and_then(Value::as_array).into_iter().flatten() {
            let text = o.as_str().or_else(|| o.get("text").and_then(Value::as_str)).unwrap_or_default();
            add(acc, content(text));
        }
    }
    let mut failures = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ is readable")
        .map(|e| e.expect("a folder entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), SEED_PAGES.len(), "seeds/ holds the five seed pages");
    for file in &files {
        let rel = file.file_name().and_then(|n| n.to_str()).expect("a UTF-8 file name");
        let want = content(&decode_input(&std::fs::read(file).expect("a seed is readable")));
        let empty = BTreeMap::new();
        let got = written.get(rel).unwrap_or(&empty);
        let (missing, extra) = (excess(&want, got), excess(got, &want));
        if !missing.is_empty() || !extra.is_empty() {
            failures.push(format!(
                "FAIL {rel}: {} of {} characters lost [{}], {} extra [{}]",
                missing.chars().count(),
                want.values().sum::<usize>(),
                head(&missing, 60),
                extra.chars().count(),
                head(&extra, 60)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nconservation: {} passed, {} failed",
        failures.join("\n"),
        files.len() - failures.len(),
        failures.len()
    );
}
