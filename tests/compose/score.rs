//! Scores galley's output against the composed gold with the metrics of
//! `score_samples.py` (the shared scorer of the sample pages), plus an
//! order check:
//!
//! - **items F1**: a gold article is found when an unused output item's
//!   body (whitespace removed) is at least 0.9 similar to the gold body;
//!   gold items are matched in page order, each to its most similar
//!   output item, after the same cheap prefilter on the opening
//!   characters. Similarity is the indel ratio `2·LCS / (|a| + |b|)`
//!   over characters: what `rapidfuzz.fuzz.ratio` computes, and an upper
//!   bound of the `difflib.SequenceMatcher` ratio the script falls back
//!   to (the two agree closely on these texts);
//! - **title_acc**: kicker + title + subtitle of a matched article equal
//!   the gold's (whitespace removed); gold articles with a title count;
//! - **para_exact**: gold paragraphs found whole among the matched
//!   article's paragraphs;
//! - **cont_acc**: `continued_to` of a matched article equals the gold's;
//! - **leaks**: furniture put on the page found inside an article;
//! - **cjk_gaps_extra**: spaces between Chinese characters in the output
//!   beyond those of the gold;
//! - **orphans out**: orphan headlines kept out of every article;
//! - **order**: matched articles printed in another order than the
//!   page's, and matched articles whose paragraphs come out of order
//!   (headlines aside: a headline block printed after its body is not an
//!   order fault).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde_json::Value;

use super::corpus::{GoldItem, Page};

/// One item of galley's output, as the scorer sees it.
pub struct OutItem {
    head: String,
    continued_to: Option<String>,
    paragraphs: Vec<String>,
    /// All paragraphs, whitespace removed, joined.
    body: String,
    /// Paragraphs joined with newlines, for the gap count.
    spaced: String,
}

/// Text without whitespace.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn field(rec: &Value, key: &str) -> Option<String> {
    rec[key].as_str().map(str::to_string)
}

/// The article and brief items of a galley output folder, by page file
/// name, in manifest order.
pub fn read_output(out: &Path) -> BTreeMap<String, Vec<OutItem>> {
    let manifest = fs::read_to_string(out.join("manifest.jsonl")).expect("galley wrote a manifest");
    let mut items: BTreeMap<String, Vec<OutItem>> = BTreeMap::new();
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let rec: Value = serde_json::from_str(line).expect("a manifest line is JSON");
        if !matches!(rec["kind"].as_str(), Some("article" | "brief")) {
            continue;
        }
        let text = fs::read_to_string(out.join(rec["path"].as_str().expect("path"))).expect("item file");
        let heads: Vec<String> = ["kicker", "title", "subtitle"].iter().filter_map(|k| field(&rec, k)).collect();
        let body = if heads.is_empty() { text.as_str() } else { text.split_once("\n\n").map_or("", |(_, b)| b) };
        let paragraphs: Vec<String> =
            body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect();
        let source = field(&rec, "source").expect("source");
        let name = source.rsplit('/').next().expect("a file name").to_string();
        items.entry(name).or_default().push(OutItem {
            head: squash(&heads.concat()),
            continued_to: field(&rec, "continued_to"),
            body: squash(&paragraphs.concat()),
            spaced: paragraphs.join("\n"),
            paragraphs,
        });
    }
    items
}

/// Longest common subsequence of two character strings, bit-parallel
/// (Allison–Dix / Hyyrö): one pass over `b` per 64 characters of `a`.
fn lcs(a: &[char], b: &[char]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let words = a.len().div_ceil(64);
    let mut masks: BTreeMap<char, Vec<u64>> = BTreeMap::new();
    for (i, &c) in a.iter().enumerate() {
        masks.entry(c).or_insert_with(|| vec![0; words])[i / 64] |= 1 << (i % 64);
    }
    let zero = vec![0; words];
    let mut v = vec![u64::MAX; words];
    for c in b {
        let m = masks.get(c).unwrap_or(&zero);
        let mut carry = 0u64;
        for k in 0..words {
            let u = v[k] & m[k];
            let (sum, c1) = v[k].overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(carry);
            carry = u64::from(c1 || c2);
            v[k] = sum | (v[k] & !m[k]);
        }
    }
    // Carries may reach the bits past `a`'s end: count the first |a| only.
    let ones: usize = v
        .iter()
        .enumerate()
        .map(|(k, w)| {
            let valid = (a.len() - 64 * k).min(64);
            let mask = if valid == 64 { u64::MAX } else { (1u64 << valid) - 1 };
            (w & mask).count_ones() as usize
        })
        .sum();
    a.len() - ones
}

/// The indel similarity of two texts, 0 to 1.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * lcs(&a, &b) as f64 / (a.len() + b.len()) as f64
}

fn prefix(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

/// The characters around which a space counts as a gap in Chinese text
/// (`score_samples.py`'s `CJK` class).
fn is_gap_neighbour(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || "，。、；：？！“”（）《》".contains(c)
}

/// Runs of spaces with a Chinese character before and a Chinese
/// character or digit after.
fn cjk_gaps(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut gaps = 0;
    let mut i = 1;
    while i < chars.len() {
        if matches!(chars[i], ' ' | '\u{3000}') && is_gap_neighbour(chars[i - 1]) {
            let end = (i..chars.len()).find(|&j| !matches!(chars[j], ' ' | '\u{3000}')).unwrap_or(chars.len());
            gaps += usize::from(chars.get(end).is_some_and(|&c| is_gap_neighbour(c) || c.is_ascii_digit()));
            i = end;
        } else {
            i += 1;
        }
    }
    gaps
}

/// Counts that add up over pages; figures are ratios of them.
#[derive(Clone, Default)]
pub struct Tally {
    pub pages: usize,
    pub gold_items: usize,
    pub out_items: usize,
    pub matched: usize,
    pub titles: usize,
    pub titles_ok: usize,
    pub paras: usize,
    pub paras_exact: usize,
    pub conts: usize,
    pub conts_ok: usize,
    pub leaks: usize,
    pub gaps_out: usize,
    pub gaps_gold: usize,
    pub orphans: usize,
    pub orphans_out: usize,
    pub order: usize,
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 { 0.0 } else { num as f64 / den as f64 }
}

impl Tally {
    /// Adds another tally's counts.
    pub fn add(&mut self, o: &Tally) {
        let pairs = [
            (&mut self.pages, o.pages),
            (&mut self.gold_items, o.gold_items),
            (&mut self.out_items, o.out_items),
            (&mut self.matched, o.matched),
            (&mut self.titles, o.titles),
            (&mut self.titles_ok, o.titles_ok),
            (&mut self.paras, o.paras),
            (&mut self.paras_exact, o.paras_exact),
            (&mut self.conts, o.conts),
            (&mut self.conts_ok, o.conts_ok),
            (&mut self.leaks, o.leaks),
            (&mut self.gaps_out, o.gaps_out),
            (&mut self.gaps_gold, o.gaps_gold),
            (&mut self.orphans, o.orphans),
            (&mut self.orphans_out, o.orphans_out),
            (&mut self.order, o.order),
        ];
        for (mine, theirs) in pairs {
            *mine += theirs;
        }
    }

    /// Items F1: precision over output items, recall over gold items.
    pub fn f1(&self) -> f64 {
        let (p, r) = (ratio(self.matched, self.out_items), ratio(self.matched, self.gold_items));
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }

    pub fn title_acc(&self) -> f64 {
        ratio(self.titles_ok, self.titles)
    }

    pub fn para_exact(&self) -> f64 {
        ratio(self.paras_exact, self.paras)
    }

    pub fn cont_acc(&self) -> f64 {
        ratio(self.conts_ok, self.conts)
    }

    /// Spaces between Chinese characters beyond the gold's.
    pub fn gaps_extra(&self) -> usize {
        self.gaps_out.saturating_sub(self.gaps_gold)
    }

    /// One table row; `-` where a figure has nothing to count.
    pub fn row(&self, label: &str) -> String {
        let figure = |value: f64, den: usize| if den == 0 { "-".to_string() } else { format!("{value:.3}") };
        format!(
            "{label:<18} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>5} {:>5} {:>7} {:>5}",
            self.pages,
            self.gold_items,
            self.out_items,
            figure(self.f1(), self.gold_items),
            figure(self.title_acc(), self.titles),
            figure(self.para_exact(), self.paras),
            figure(self.cont_acc(), self.conts),
            self.leaks,
            self.gaps_extra(),
            format!("{}/{}", self.orphans_out, self.orphans),
            self.order,
        )
    }

    /// The header of [`Tally::row`]'s table.
    pub fn header() -> String {
        format!(
            "{:<18} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>5} {:>5} {:>7} {:>5}",
            "", "pages", "gold", "out", "F1", "title", "para", "cont", "leaks", "gaps", "orphans", "order"
        )
    }
}

/// A page's score and the misses behind it, one line each.
pub struct PageScore {
    pub tally: Tally,
    pub misses: Vec<String>,
}

/// Scores one page's output items against its gold.
pub fn score_page(page: &Page, outs: &[OutItem]) -> PageScore {
    let mut t = Tally { pages: 1, gold_items: page.items.len(), out_items: outs.len(), ..Tally::default() };
    let mut misses = Vec::new();
    let name = &page.name;
    t.gaps_out = outs.iter().map(|o| cjk_gaps(&o.spaced)).sum();
    t.gaps_gold = page.items.iter().map(|g| cjk_gaps(&g.paragraphs.join("\n"))).sum();
    let mut used = vec![false; outs.len()];
    let mut pairs = Vec::new();
    for (gi, gold) in page.items.iter().enumerate() {
        let gbody = squash(&gold.paragraphs.concat());
        let best = best_match(&gbody, outs, &used);
        t.paras += gold.paragraphs.len();
        t.titles += usize::from(gold.title.is_some());
        t.conts += usize::from(gold.continued_to.is_some());
        let Some((oi, _)) = best.filter(|&(_, s)| s >= 0.9) else {
            let sim = best.map_or(0.0, |b| b.1);
            misses.push(format!("MISS {name}: {} best={sim:.2}", prefix(&gbody, 30)));
            continue;
        };
        used[oi] = true;
        pairs.push((gi, oi));
        t.matched += 1;
        compare(gold, &outs[oi], &mut t, &mut misses, name);
    }
    t.order = order_faults(page, outs, &mut pairs, &mut misses);
    leaks(page, outs, &mut t, &mut misses);
    PageScore { tally: t, misses }
}

/// The unused output item most similar to a gold body, after
/// `score_samples.py`'s prefilter on the opening characters.
fn best_match(gbody: &str, outs: &[OutItem], used: &[bool]) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64)> = None;
    for (j, out) in outs.iter().enumerate().filter(|(j, _)| !used[*j]) {
        if prefix(&out.body, 6) != prefix(gbody, 6) && similarity(&prefix(&out.body, 40), &prefix(gbody, 40)) < 0.5 {
            continue;
        }
        let s = similarity(&out.body, gbody);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((j, s));
        }
    }
    best
}

fn compare(gold: &GoldItem, out: &OutItem, t: &mut Tally, misses: &mut Vec<String>, name: &str) {
    let got: Vec<String> = out.paragraphs.iter().map(|p| squash(p)).collect();
    for p in &gold.paragraphs {
        if got.contains(&squash(p)) {
            t.paras_exact += 1;
        } else {
            misses.push(format!("PARA {name}: {}", prefix(p, 40)));
        }
    }
    let heads = [&gold.kicker, &gold.title, &gold.subtitle];
    let gold_head = squash(&heads.iter().filter_map(|h| h.as_deref()).collect::<String>());
    if gold.title.is_some() && gold_head == out.head {
        t.titles_ok += 1;
    } else if gold_head != out.head {
        misses.push(format!("HEAD {name}: gold {:?} got {:?}", prefix(&gold_head, 40), prefix(&out.head, 40)));
    }
    if let Some(want) = &gold.continued_to {
        if out.continued_to.as_deref().map(squash).as_deref() == Some(&squash(want)) {
            t.conts_ok += 1;
        } else {
            misses.push(format!("CONT {name}: gold {want:?} got {:?}", out.continued_to));
        }
    }
}

/// Matched articles out of the page's order, and matched articles whose
/// paragraphs come out of order.
fn order_faults(page: &Page, outs: &[OutItem], pairs: &mut [(usize, usize)], misses: &mut Vec<String>) -> usize {
    let mut faults = 0;
    pairs.sort_by_key(|&(_, oi)| oi);
    let mut highest = None;
    for &(gi, oi) in pairs.iter() {
        if highest.is_some_and(|h| gi < h) {
            faults += 1;
            misses.push(format!("ORDER {}: item {} printed after a later one", page.name, oi + 1));
        }
        highest = highest.max(Some(gi));
        let got: Vec<String> = outs[oi].paragraphs.iter().map(|p| squash(p)).collect();
        if !in_order(&page.items[gi].paragraphs, &got) {
            faults += 1;
            misses.push(format!("ORDER {}: paragraphs of item {} out of order", page.name, oi + 1));
        }
    }
    faults
}

/// Whether the openings of the gold paragraphs (exact or not) stand in
/// the output paragraphs in gold order; of two places an opening stands
/// (two paragraphs may open alike), the first not before the last one
/// counts.
fn in_order(gold: &[String], got: &[String]) -> bool {
    let mut last = 0;
    for p in gold {
        let opening = prefix(&squash(p), 30);
        let places: Vec<usize> = (0..got.len()).filter(|&i| got[i].contains(&opening)).collect();
        match (places.iter().find(|&&i| i >= last), places.first()) {
            (Some(&i), _) => last = i,
            (None, Some(_)) => return false,
            (None, None) => {}
        }
    }
    true
}

/// Furniture found inside articles, and orphan headlines kept out.
fn leaks(page: &Page, outs: &[OutItem], t: &mut Tally, misses: &mut Vec<String>) {
    let texts: Vec<String> = outs.iter().map(|o| format!("{}{}", o.head, o.body)).collect();
    let gold_text: String = page
        .items
        .iter()
        .map(|g| format!("{}{}", squash(&g.paragraphs.concat()), squash(g.title.as_deref().unwrap_or(""))))
        .collect();
    for piece in &page.removed {
        let s = squash(piece);
        if s.chars().count() < 2 || gold_text.contains(&s) {
            continue;
        }
        if texts.iter().any(|t| t.contains(&s)) {
            t.leaks += 1;
            misses.push(format!("LEAK {}: {}", page.name, prefix(piece, 40)));
        }
    }
    for orphan in &page.orphans {
        t.orphans += 1;
        let head = prefix(&squash(orphan), 10);
        if texts.iter().all(|t| !t.contains(&head)) {
            t.orphans_out += 1;
        } else {
            misses.push(format!("ORPHAN {}: {}", page.name, prefix(orphan, 30)));
        }
    }
}

/// Scores every page of a corpus from its galley output folders:
/// the tally by (language, layout) and every miss, in page order.
pub fn score_all<'a>(
    pages: impl Iterator<Item = (&'a Page, &'a [OutItem])>,
) -> (BTreeMap<(String, String), Tally>, Vec<String>) {
    let mut table: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    for (page, outs) in pages {
        let score = score_page(page, outs);
        table.entry((page.lang.name().to_string(), page.layout.name().to_string())).or_default().add(&score.tally);
        misses.extend(score.misses);
    }
    (table, misses)
}

/// The figures of a scored corpus: overall, per layout, per language,
/// and the table that shows them all.
pub struct Figures {
    pub all: Tally,
    pub by_layout: BTreeMap<String, Tally>,
    pub table: String,
}

/// Sums the tallies of each (language, layout) into the figures.
pub fn figures(cells: &BTreeMap<(String, String), Tally>) -> Figures {
    let mut all = Tally::default();
    let mut by_layout: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_lang: BTreeMap<String, Tally> = BTreeMap::new();
    for ((lang, layout), t) in cells {
        all.add(t);
        by_layout.entry(layout.clone()).or_default().add(t);
        by_lang.entry(lang.clone()).or_default().add(t);
    }
    let mut table = String::new();
    let _ = writeln!(table, "{}", Tally::header());
    let _ = writeln!(table, "{}", all.row("all"));
    for (label, t) in by_layout.iter().chain(&by_lang) {
        let _ = writeln!(table, "{}", t.row(label));
    }
    for ((lang, layout), t) in cells {
        let _ = writeln!(table, "{}", t.row(&format!("{lang}/{layout}")));
    }
    Figures { all, by_layout, table }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_is_the_indel_ratio_also_across_machine_words() {
        assert_eq!(similarity("abcd", "abcd"), 1.0);
        assert!((similarity("abcd", "abxd") - 0.75).abs() < 1e-9);
        let (a, b) = ("x".repeat(100), format!("{}y", "x".repeat(99)));
        assert!((similarity(&a, &b) - 198.0 / 200.0).abs() < 1e-9);
        assert_eq!(similarity("", "abc"), 0.0);
    }

    #[test]
    fn gaps_count_spaces_between_chinese_characters_or_before_digits() {
        assert_eq!(cjk_gaps("第 一 时间 3 月 abc 中"), 3);
        assert_eq!(cjk_gaps("管控有效　　服务有力"), 1);
    }

    #[test]
    fn paragraphs_out_of_order_are_found_and_alike_openings_are_not() {
        let got = |ps: &[&str]| ps.iter().map(|p| squash(p)).collect::<Vec<_>>();
        let gold: Vec<String> =
            ["The exhibition opens.", "Curator Price said so.", "The exhibition runs on."].map(String::from).to_vec();
        assert!(in_order(&gold, &got(&["The exhibition opens.", "Curator Price said so.", "The exhibition runs on."])));
        assert!(!in_order(&gold, &got(&["Curator Price said so.", "The exhibition opens. The exhibition runs on."])));
    }
}
