//! Which article each headline belongs to.
//!
//! PDF extraction prints a headline before its body (000, 002, 003) or
//! after it (001, 004), and a page may mix both. Between two article
//! bodies X and Y lies a region of headline lines; it splits into a part
//! that heads X (printed after it), a part that heads Y (printed before
//! it), and between them lines that head neither: orphans whose body is on
//! another page (004 `管控有效 服务有力 … 第七场新闻发布会举行`).
//!
//! Evidence is the content a headline shares with a body: CJK character
//! bigrams and Latin words, each weighted by how rare it is among the
//! page's bodies (on a page about the epidemic, `疫情` tells nothing;
//! `山阳区` and `五个率先` tell a lot). 001 `解放区：“334”模式…` shares
//! `解放区` and `334` with the body before it, `山阳区：“五个率先”…`
//! shares `山阳区` and `五个率先` with the body after it.
//!
//! A region is cut only between units: a run of lines (a blank line ends
//! a run), with a kicker bound to the run it introduces (004
//! `市政府第三十九次常务会议要求` + `打牢农业基础…`) and a subtitle naming
//! who presided bound to the run before it. Each unit a part takes must
//! share enough with the body on its own. Only where X's part hands over
//! directly to Y's may the cut fall inside a unit (001 lines 392–393), at
//! a small cost. An article takes at most one part; a dynamic programme
//! over the page picks the cuts with the highest total score. Markdown
//! headings (`## `) are headlines of what follows them, always; so is the
//! headline just above text set one paragraph a line (a web edition, plain
//! text), which never takes a headline printed after it: only printed
//! columns come out of an extractor with their headlines below them.
//!
//! Where the words leave a body without a headline, the layout speaks: the
//! page's order (every assigned headline on one side of its body), and a
//! headline block right beside the body that no other body can take (the
//! one on its other side has its headline). A jump head over the rest of
//! an article from another page (`（上接第一版）`) needs to share nothing.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::script::{is_cjk_letter, is_cjk_text, is_word_letter, line_width};
use crate::segment::HeadLine;
use crate::segment::headline::{KICKER_MAX_PERCENT, names_presider, presider};
use crate::segment::tables::REPORTING_VERBS;
use crate::trace::Trace;

/// Weighted share of a unit's content that its body must hold.
const MIN_SHARE: f64 = 0.15;

/// Weighted share that lets a unit join a part against the structure (a
/// second headline block for one article).
const STRONG_SHARE: f64 = 0.75;

/// Features a unit must share with its body (fewer if it has fewer).
const MIN_SHARED: usize = 2;

/// Cost of cutting inside a unit where one article's part hands over to
/// the next one's.
const INNER_CUT_COST: f64 = 1.0;

/// Most lines a part of a region takes: a kicker, a title of several lines
/// and a subtitle, with room to spare (the longest part in the samples has
/// six). Lines beyond it are orphans. It bounds the splits of a region,
/// which are pairs of cuts, whatever the region's length.
const MAX_PART_LINES: usize = 16;

/// How many times more a unit must share with its own body than with the
/// other neighbour to lean to it (for a second unit, or a cut inside one).
const LEAN: f64 = 2.0;

/// Latin words too common to tell articles apart.
const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "that", "this", "was", "are", "his", "her", "has", "have", "not", "but",
    "its", "der", "die", "das", "und", "les", "des", "est",
];

/// Letters of a Latin word that features keep: enough to tell words
/// apart, few enough that inflections meet (`approves`, `approved`;
/// `Haushalt`, `Haushalts`).
const STEM_CHARS: usize = 6;

/// The bit that marks a Latin word's feature; a bigram never sets it.
const LATIN_WORD: u64 = 1 << 63;

/// The content of a text: CJK character bigrams and Latin words, hashed,
/// sorted and without repeats.
#[derive(Clone, Debug, Default)]
pub struct Features(Vec<u64>);

impl Features {
    /// The features of some texts together.
    pub fn of<'t>(texts: impl IntoIterator<Item = &'t str>) -> Features {
        let mut all = Vec::new();
        texts.into_iter().for_each(|text| each_feature(text, |f| all.push(f)));
        Features::sorted(all)
    }

    /// The features of some texts that are also among `asked`: a body's
    /// content as assignment asks about it. Headlines are short and bodies
    /// long, so the headlines' features are hashed and each body's probed,
    /// rather than every body's sorted.
    pub fn among<'t>(texts: impl IntoIterator<Item = &'t str>, asked: &HeadlineFeatures) -> Features {
        let mut all = Vec::new();
        texts.into_iter().for_each(|text| {
            each_feature(text, |f| {
                if asked.0.contains(&f) {
                    all.push(f)
                }
            })
        });
        Features::sorted(all)
    }

    fn sorted(mut all: Vec<u64>) -> Features {
        all.sort_unstable();
        all.dedup();
        Features(all)
    }

    fn of_lines(lines: &[HeadLine]) -> Features {
        Features::of(lines.iter().map(|l| l.text.as_str()))
    }

    fn contains(&self, feature: u64) -> bool {
        self.0.binary_search(&feature).is_ok()
    }

    /// The features both hold.
    fn shared<'a>(&'a self, other: &'a Features) -> impl Iterator<Item = u64> + 'a {
        self.0.iter().copied().filter(|&f| other.contains(f))
    }
}

/// Every feature that assignment may ask a body about: those of the
/// page's headline lines, and of the presiders they name. Features of
/// several lines together are those of each line: no bigram or word
/// spans two lines.
#[derive(Debug, Default)]
pub struct HeadlineFeatures(HashSet<u64>);

impl HeadlineFeatures {
    /// The features of the headline lines of `regions`.
    pub fn of(regions: &[Vec<HeadLine>]) -> Self {
        let mut asked = HashSet::default();
        for line in regions.iter().flatten() {
            each_feature(&line.text, |f| {
                asked.insert(f);
            });
            if let Some((name, _)) = presider(&line.text) {
                each_feature(name, |f| {
                    asked.insert(f);
                });
            }
        }
        HeadlineFeatures(asked)
    }
}

/// Calls `found` with each feature of `text`, in order, with repeats.
fn each_feature(text: &str, mut found: impl FnMut(u64)) {
    let mut prev: Option<char> = None;
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        let cjk = is_cjk_letter(c);
        let content = cjk || c.is_ascii_digit();
        if let (Some(p), true) = (prev, content) {
            found(((p as u64) << 21) | c as u64);
        }
        prev = content.then_some(c);
        let word_char = if c.is_ascii() { c.is_ascii_alphanumeric() } else { !cjk && is_word_letter(c) };
        if word_char {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            if word.chars().count() >= 3 && !STOPWORDS.contains(&word.as_str()) {
                let stem = word.char_indices().nth(STEM_CHARS).map_or(word.as_str(), |(i, _)| &word[..i]);
                let mut h = FxHasher::default();
                stem.hash(&mut h);
                found(h.finish() | LATIN_WORD);
            }
            word.clear();
        }
    }
}

/// An article body as assignment sees it: its content, and whether it
/// runs on to another page (then it may not yet name everyone its
/// headline names).
#[derive(Clone, Debug, Default)]
pub struct Body {
    /// The body's content, as far as the page's headlines ask about it.
    pub features: Features,
    /// Whether a continuation note ends it.
    pub continues: bool,
    /// Who chaired what the body reports (`楼阳生主持…`).
    pub chairs: Vec<String>,
    /// Whether it is set one paragraph a line (a web edition, plain text):
    /// its headline stands above it, never after it.
    pub whole: bool,
    /// Whether it opens with a continuation note (`（上接第一版）`): the rest
    /// of an article, whose headline here is a short jump head that need
    /// not share its words.
    pub jumped: bool,
}

impl Body {
    /// Whether the body contradicts a headline naming `name` as presiding
    /// (`word` is `主持`) or attending: it names another chair, or, whole on
    /// this page, does not name them at all (a sample's orphan
    /// `…葛巧红主持并讲话` over an article on a meeting `楼阳生主持`).
    fn names_other_than(&self, name: &str, word: &str) -> bool {
        let named = Features::of([name]);
        let named_in_body = named.0.iter().all(|&f| self.features.contains(f));
        let tail: String = name.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
        let another_chair =
            word == "主持" && !self.chairs.is_empty() && !self.chairs.iter().any(|c| c.ends_with(&tail));
        another_chair || (!self.continues && !named_in_body)
    }

    /// Whether some headline lines name a presider the body contradicts
    /// (see [`Body::names_other_than`]).
    fn contradicts(&self, lines: &[HeadLine]) -> bool {
        lines.iter().filter_map(|l| presider(&l.text)).any(|(name, word)| self.names_other_than(name, word))
    }
}

/// How telling each feature is: rare among the page's bodies, telling.
struct Weights {
    documents: HashMap<u64, u32>,
    bodies: f64,
}

impl Weights {
    fn new(bodies: &[Body]) -> Self {
        let mut documents: HashMap<u64, u32> = HashMap::default();
        for body in bodies {
            for &f in &body.features.0 {
                *documents.entry(f).or_default() += 1;
            }
        }
        Weights { documents, bodies: bodies.len() as f64 }
    }

    fn weight(&self, feature: u64) -> f64 {
        let df = self.documents.get(&feature).copied().unwrap_or(0).max(1);
        (1.0 + self.bodies / f64::from(df)).ln()
    }

    /// Shared features (a word counting two), their weighted share of the
    /// head's, and the score
    /// `shared × share`, which rewards both.
    fn compare(&self, head: &Features, body: &Features) -> (usize, f64, f64) {
        let total: f64 = head.0.iter().map(|&f| self.weight(f)).sum();
        let shared: Vec<u64> = head.shared(body).collect();
        let weight: f64 = shared.iter().map(|&f| self.weight(f)).sum();
        let share = if total > 0.0 { weight / total } else { 0.0 };
        // A word tells as much as two bigrams (`gesperrt` in `Bahnstrecke
        // gesperrt`, whose compound the body splits).
        let count = shared.iter().map(|&f| if f & LATIN_WORD != 0 { 2 } else { 1 }).sum();
        (count, share, weight * share)
    }

    /// The weighted share of some headline lines' content found in a body.
    fn share(&self, lines: &[HeadLine], body: &Body) -> f64 {
        self.compare(&Features::of_lines(lines), &body.features).1
    }

    /// The score of some headline lines for a body, `None` if they share
    /// too little with it, or name a presider that the body, whole on this
    /// page, does not name. Forced lines (Markdown headings) always score.
    fn score(&self, lines: &[HeadLine], body: &Body, forced: bool) -> Option<f64> {
        let head = Features::of_lines(lines);
        let (shared, share, score) = self.compare(&head, &body.features);
        let stranger = body.contradicts(lines);
        if forced {
            Some(1.0 + score)
        } else if !head.0.is_empty() && shared >= MIN_SHARED.min(head.0.len()) && share >= MIN_SHARE && !stranger {
            Some(score)
        } else {
            None
        }
    }
}

/// A unit of a headline region: lines `start..end` that go together.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: usize,
    end: usize,
    /// It opens with a kicker: a new headline block starts here.
    opens: bool,
    /// It ends with a subtitle: its headline block ends here.
    closes: bool,
}

/// The units of a region: runs, a Markdown heading with everything after
/// it, a kicker bound to the run after it and a subtitle to the run before
/// it. A kicker is a line ending in a reporting verb (001 `…会议上强调`), a
/// line just above a Markdown heading, or a lone line opening a block that
/// is clearly narrower than the run after it (003 `区人大代表换届选举`). A subtitle names who presided (000
/// `葛巧红主持并讲话…`), or is a lone line clearly narrower than the run
/// before it (a sample's `抢抓发展机遇深化务实合作`).
fn units(region: &[HeadLine]) -> Vec<Unit> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, line) in region.iter().enumerate() {
        match runs.last_mut() {
            Some(run) if !line.run_start && line.level.is_none() => run.1 = i + 1,
            _ => runs.push((i, i + 1)),
        }
    }
    let plain = |r: (usize, usize)| region[r.0].level.is_none();
    let presiding = |r: (usize, usize)| names_presider(&region[r.0].text);
    let widest = |r: (usize, usize)| region[r.0..r.1].iter().map(|l| line_width(&l.text)).max().unwrap_or(0);
    let narrower = |r: (usize, usize), than: (usize, usize)| {
        r.1 - r.0 == 1
            && plain(r)
            && plain(than)
            && is_cjk_text(&region[r.0].text)
            && widest(r) * 100 < widest(than) * KICKER_MAX_PERCENT
    };
    let mut units: Vec<Unit> = Vec::new();
    let mut bind_next = false;
    for (k, &run) in runs.iter().enumerate() {
        let last = units.last().copied();
        let block_start = last.is_none_or(|u| u.closes);
        let next = runs.get(k + 1).copied();
        let verb = REPORTING_VERBS.iter().any(|v| region[run.1 - 1].text.ends_with(v));
        let kicker = !bind_next
            && plain(run)
            && (verb
                || next.is_some_and(|n| tight_heading(&region[n.0]))
                || (block_start && next.is_some_and(|n| !presiding(n) && narrower(run, n))));
        let subtitle = !bind_next
            && !kicker
            && last.is_some_and(|u| !u.closes && region[u.start].level.is_none())
            && (presiding(run) || narrower(run, runs[k - 1]));
        let under_heading =
            last.is_some_and(|u| region[u.start..u.end].iter().any(|l| l.level.is_some())) && plain(run);
        match units.last_mut() {
            Some(unit) if bind_next || subtitle || under_heading => {
                unit.end = run.1;
                unit.closes |= subtitle;
            }
            _ => units.push(Unit { start: run.0, end: run.1, opens: kicker, closes: false }),
        }
        bind_next = kicker;
    }
    units
}

/// Whether a line is a Markdown heading with no blank line above it: the
/// plain line there is its kicker (`提醒` ⏎ `## 滨江大道部分路段实施交通管制`).
pub fn tight_heading(line: &HeadLine) -> bool {
    line.level.is_some() && !line.run_start
}

/// How a region splits: lines `..before` head the article before it, lines
/// `after..` head the article after it, the lines between are orphans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split {
    /// End of the part that heads the article before.
    pub before: usize,
    /// Start of the part that heads the article after.
    pub after: usize,
}

/// The candidate splits of one region with their scores.
struct Options {
    /// `(split, prefix score, suffix score)`; a part's score is 0 if empty.
    splits: Vec<(Split, f64, f64)>,
}

/// A piece of a unit as a part takes it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Piece {
    /// Its lines, `start..end` of the region.
    start: usize,
    end: usize,
    /// Whether it goes to the body before the region.
    to_before: bool,
    /// Whether it is next to its body.
    next_to_body: bool,
    /// Whether a block boundary lies between it and its body.
    across_boundary: bool,
    /// Whether it is the unit just above a body set one paragraph a line,
    /// which heads it as a Markdown heading would.
    above_whole: bool,
}

/// The pieces of units the parts of a region take, scored once each: the
/// splits of a region share most of their pieces.
struct Parts<'a> {
    region: &'a [HeadLine],
    units: &'a [Unit],
    weights: &'a Weights,
    lone: bool,
    pieces: HashMap<Piece, Option<f64>>,
}

impl Parts<'_> {
    /// The score of lines `from..to` for `body` (the body before the
    /// region if `to_before`), each unit piece on its own. The unit next to
    /// the body (first after it, last before it) need only share enough;
    /// one article takes one headline block, so every further unit must
    /// lean clearly to this body over the other one, and one beyond a block
    /// boundary must share strongly.
    fn score(
        &mut self,
        from: usize,
        to: usize,
        to_before: bool,
        body: Option<&Body>,
        other: Option<&Body>,
    ) -> Option<f64> {
        if from == to {
            return Some(0.0);
        }
        let body = body?;
        // Units are contiguous and in order: those overlapping `from..to`.
        let first = self.units.partition_point(|u| u.end <= from);
        let taken = &self.units[first..self.units.partition_point(|u| u.start < to)];
        let next_to_body = if from == 0 { 0 } else { taken.len() - 1 };
        let boundary_between = |k: usize| {
            let (lo, hi) = (k.min(next_to_body), k.max(next_to_body));
            taken[lo..hi].iter().any(|u| u.closes) || taken[lo + 1..=hi].iter().any(|u| u.opens)
        };
        let mut scores = Vec::with_capacity(taken.len());
        for (k, u) in taken.iter().enumerate() {
            let piece = Piece {
                start: u.start.max(from),
                end: u.end.min(to),
                to_before,
                next_to_body: k == next_to_body,
                across_boundary: boundary_between(k),
                above_whole: body.whole && to == self.region.len() && u.end == self.region.len(),
            };
            let score = match self.pieces.get(&piece) {
                Some(&score) => score,
                None => {
                    let score = self.piece_score(piece, body, other);
                    self.pieces.insert(piece, score);
                    score
                }
            };
            scores.push(score?);
        }
        Some(scores.into_iter().sum())
    }

    /// The score of one unit piece; see [`Parts::score`].
    fn piece_score(&self, piece: Piece, body: &Body, other: Option<&Body>) -> Option<f64> {
        let lines = &self.region[piece.start..piece.end];
        let forced = self.lone || piece.above_whole || lines.iter().any(|l| l.level.is_some());
        let score = self.weights.score(lines, body, forced)?;
        if forced || piece.next_to_body {
            return Some(score);
        }
        let share = self.weights.share(lines, body);
        let leans = other.is_none_or(|o| share >= LEAN * self.weights.share(lines, o));
        let strong = !piece.across_boundary || share >= STRONG_SHARE;
        (leans && strong).then_some(score)
    }
}

impl Options {
    /// The splits of `region` between the bodies before and after it.
    /// `lone`: the region stands above the page's only body with nothing
    /// else on the page, and heads it as a Markdown heading would (a web
    /// page's title, or an item file cleaned again). A part takes at most
    /// [`MAX_PART_LINES`], so a region has a bounded number of splits
    /// however long it is; each part is scored once.
    fn new(region: &[HeadLine], before: Option<&Body>, after: Option<&Body>, weights: &Weights, lone: bool) -> Self {
        let len = region.len();
        let units = units(region);
        let first_heading = if lone { 0 } else { region.iter().position(|l| l.level.is_some()).unwrap_or(len) };
        let mut boundary = vec![false; len + 1];
        boundary[0] = true;
        for u in &units {
            boundary[u.start] = true;
            boundary[u.end] = true;
        }
        let mut parts = Parts { region, units: &units, weights, lone, pieces: HashMap::default() };
        // A headline printed after its body is how an extractor reads
        // printed columns (001, 004); text set one paragraph a line prints
        // its headlines above it, so none of the region heads a body of
        // whole paragraphs before it (a short English text, `Thanks to all
        // who came to the fair.` ⏎ `Spring fair raises $4,000` ⏎ `The money…`).
        let last_a = if before.is_some_and(|b| b.whole) { 0 } else { first_heading.min(MAX_PART_LINES) };
        let first_b = len.saturating_sub(MAX_PART_LINES);
        let prefixes: Vec<Option<f64>> = (0..=last_a).map(|a| parts.score(0, a, true, before, after)).collect();
        let suffixes: Vec<Option<f64>> = (first_b..=len).map(|b| parts.score(b, len, false, after, before)).collect();
        let mut splits = Vec::new();
        for a in 0..=last_a {
            for b in a.max(first_b)..=len {
                let heading_orphaned = b > first_heading && first_heading < len && after.is_some();
                let inner = !boundary[a] || !boundary[b];
                if heading_orphaned
                    || (inner && a != b)
                    || (!boundary[a] && !inner_cut_leans(region, &units, a, before, after, weights))
                {
                    continue;
                }
                let (Some(pre), Some(suf)) = (prefixes[a], suffixes[b - first_b]) else {
                    continue;
                };
                let cost = if inner { INNER_CUT_COST } else { 0.0 };
                splits.push((Split { before: a, after: b }, pre - cost, suf));
            }
        }
        Options { splits }
    }
}

/// Whether a cut at line `a`, inside a unit, leaves each side leaning
/// clearly to its body.
fn inner_cut_leans(
    region: &[HeadLine],
    units: &[Unit],
    a: usize,
    before: Option<&Body>,
    after: Option<&Body>,
    weights: &Weights,
) -> bool {
    let leans = |piece: &[HeadLine], to: Option<&Body>, from: Option<&Body>| match (to, from) {
        (Some(to), Some(from)) => weights.share(piece, to) >= LEAN * weights.share(piece, from),
        _ => false,
    };
    let unit = units[units.partition_point(|u| u.end <= a)];
    leans(&region[unit.start..a], before, after) && leans(&region[a..unit.end], after, before)
}

/// Splits each region. `regions[i]` lies before `bodies[i]`; there is one
/// more region than bodies (the last lies after the last body).
pub fn assign(regions: &[Vec<HeadLine>], bodies: &[Body], trace: &mut Trace) -> Vec<Split> {
    debug_assert_eq!(regions.len(), bodies.len() + 1);
    let weights = Weights::new(bodies);
    // totals[t]: the best total so far, where t tells whether the body
    // after the current region took its headline from it; steps[i][t]: the
    // split of region i on the way to that total, and the state before it.
    let mut totals: [Option<f64>; 2] = [Some(0.0), None];
    let mut steps: Vec<[Option<(usize, Split)>; 2]> = Vec::with_capacity(regions.len());
    for (i, region) in regions.iter().enumerate() {
        let before = i.checked_sub(1).map(|k| &bodies[k]);
        let lone = bodies.len() == 1 && i == 0 && regions[1].is_empty();
        let options = Options::new(region, before, bodies.get(i), &weights, lone);
        let mut next: [Option<f64>; 2] = [None, None];
        let mut step = [None, None];
        for (taken_before, total) in totals.iter().enumerate() {
            let Some(total) = total else { continue };
            for &(split, pre, suf) in &options.splits {
                if split.before > 0 && taken_before == 1 {
                    continue;
                }
                let taken = usize::from(split.after < region.len());
                let value = total + pre + suf;
                if next[taken].is_none_or(|v| value > v) {
                    next[taken] = Some(value);
                    step[taken] = Some((taken_before, split));
                }
            }
        }
        totals = next;
        steps.push(step);
    }
    let last = match totals {
        [Some(untaken), Some(taken)] => Some(usize::from(taken > untaken)),
        [Some(_), None] => Some(0),
        [None, Some(_)] => Some(1),
        [None, None] => None,
    };
    let mut splits = match last {
        Some(state) => path(&steps, state),
        None => regions.iter().map(|r| Split { before: 0, after: r.len() }).collect(),
    };
    follow_the_page_order(regions, bodies, &weights, &mut splits);
    head_the_headless(regions, bodies, &weights, &mut splits);
    if trace.is_on() {
        for (i, split) in splits.iter().enumerate() {
            let before = i.checked_sub(1).map(|k| &bodies[k]);
            trace.note(|| describe(i, &regions[i], *split, before, bodies.get(i), &weights));
        }
    }
    splits
}

/// The splits on the way to `state` after the last region, read back
/// from each region's steps.
fn path(steps: &[[Option<(usize, Split)>; 2]], mut state: usize) -> Vec<Split> {
    let mut splits: Vec<Split> = steps
        .iter()
        .rev()
        .map(|step| {
            let (before, split) = step[state].expect("a reachable state was reached by a step");
            state = before;
            split
        })
        .collect();
    splits.reverse();
    splits
}

/// Which way a page prints its headlines, from the blocks assigned on
/// evidence: before their bodies, after them, or not known.
fn page_order(regions: &[Vec<HeadLine>], splits: &[Split]) -> Option<bool> {
    let before_body = regions.iter().zip(splits).any(|(r, s)| s.after < r.len());
    let after_body = splits.iter().any(|s| s.before > 0);
    (before_body != after_body).then_some(before_body)
}

/// On a page that prints every assigned headline on one side of its body,
/// an orphaned block on that side of a body without a headline heads it
/// if the two share anything at all and it names no presider the body
/// contradicts: the page's order is evidence too (a headline above `本报记者
/// 王明` ⏎ `3月4日，…花展…` shares only `花展`).
fn follow_the_page_order(regions: &[Vec<HeadLine>], bodies: &[Body], weights: &Weights, splits: &mut [Split]) {
    let Some(before_body) = page_order(regions, splits) else { return };
    let headed = |splits: &[Split], j: usize| splits[j].after < regions[j].len() || splits[j + 1].before > 0;
    for (j, body) in bodies.iter().enumerate() {
        if headed(splits, j) {
            continue;
        }
        // The region on the page's side of body j, and its orphan lines.
        let i = if before_body { j } else { j + 1 };
        let Split { before, after } = splits[i];
        if before == after {
            continue;
        }
        let orphans = &regions[i][before..after];
        let all = units(orphans);
        let unit = if before_body { all.last() } else { all.first() };
        let Some(&Unit { start, end, .. }) = unit else { continue };
        if weights.share(&orphans[start..end], body) > 0.0 && !body.contradicts(&orphans[start..end]) {
            if before_body {
                splits[i].after = before + start;
            } else {
                splits[i].before = before + end;
            }
        }
    }
}

/// Share of a headline unit's content that lets it head the only body it
/// can belong to (see [`head_the_headless`]): a word or two, as a teaser's
/// headline over the opening of its article shares.
const SOLE_SHARE: f64 = 0.05;

/// A body left without a headline takes the orphaned unit right next to
/// it (the last one above it, or the first one below it) when that unit
/// can head no other body: the body on the unit's other side has a
/// headline already, or there is none. The layout tells what the words do
/// not (a teaser's headline over a lead that words it otherwise, on a page
/// that prints some headlines above their text and some below). The unit
/// must share a little with the body, unless the body is the rest of an
/// article from another page, under its jump head; the one sharing more
/// wins, the one above on a tie. On a page that prints every assigned
/// headline on one side of its body, only a unit on that side may; nor
/// may one naming a presider that the body contradicts (see [`Body`]).
fn head_the_headless(regions: &[Vec<HeadLine>], bodies: &[Body], weights: &Weights, splits: &mut [Split]) {
    let order = page_order(regions, splits);
    let (may_above, may_below) = (order != Some(false), order != Some(true));
    let headed = |splits: &[Split], j: usize| splits[j].after < regions[j].len() || splits[j + 1].before > 0;
    for (j, body) in bodies.iter().enumerate() {
        if headed(splits, j) {
            continue;
        }
        let fits = |unit: &[HeadLine]| {
            let share = weights.share(unit, body);
            (!body.contradicts(unit) && (body.jumped || share >= SOLE_SHARE)).then_some(share)
        };
        // The last orphaned unit of the region above, if it ends there.
        let Split { before, after } = splits[j];
        let above = (may_above && before < after && after == regions[j].len() && (j == 0 || headed(splits, j - 1)))
            .then(|| units(&regions[j][before..after]).last().map(|u| before + u.start))
            .flatten()
            .and_then(|start| fits(&regions[j][start..after]).map(|share| (share, start)));
        // The first orphaned unit of the region below, if it starts there.
        let Split { before, after } = splits[j + 1];
        let below = (may_below && before == 0 && after > 0 && (j + 1 == bodies.len() || headed(splits, j + 1)))
            .then(|| units(&regions[j + 1][..after]).first().map(|u| u.end))
            .flatten()
            .and_then(|end| fits(&regions[j + 1][..end]).map(|share| (share, end)));
        match (above, below) {
            (Some((up, start)), Some((down, _))) if up >= down => splits[j].after = start,
            (Some((_, start)), None) => splits[j].after = start,
            (_, Some((_, end))) => splits[j + 1].before = end,
            (None, None) => {}
        }
    }
}

fn describe(
    i: usize,
    region: &[HeadLine],
    split: Split,
    before: Option<&Body>,
    after: Option<&Body>,
    weights: &Weights,
) -> String {
    let evidence = |line: &HeadLine, body: Option<&Body>| {
        body.map_or_else(|| "-".to_owned(), |b| format!("{:.2}", weights.share(std::slice::from_ref(line), b)))
    };
    let lines = |part: &[HeadLine]| {
        part.iter()
            .map(|l| format!("{} ({} | {})", l.text, evidence(l, before), evidence(l, after)))
            .collect::<Vec<_>>()
            .join(" / ")
    };
    format!(
        "segment: headline region {i}: heads the article before: [{}]; orphans: [{}]; heads the article after: [{}]",
        lines(&region[..split.before]),
        lines(&region[split.before..split.after]),
        lines(&region[split.after..]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(text: &str) -> Body {
        Body { features: Features::of([text]), continues: false, chairs: Vec::new(), whole: false, jumped: false }
    }

    fn head(text: &str) -> HeadLine {
        HeadLine { text: text.to_owned(), level: None, run_start: true, line: 1 }
    }

    fn same_run(text: &str) -> HeadLine {
        HeadLine { text: text.to_owned(), level: None, run_start: false, line: 1 }
    }

    proptest::proptest! {
        #[test]
        fn a_body_keeps_every_feature_its_headlines_ask_about(
            heads in proptest::collection::vec("[a-zA-Z 市长主持召开会议1-9，。]{0,12}", 0..4),
            body in proptest::collection::vec("[a-zA-Z 市长主持召开会议1-9，。]{0,40}", 0..4),
        ) {
            let regions = vec![heads.iter().map(|h| head(h)).collect::<Vec<_>>()];
            let asked = HeadlineFeatures::of(&regions);
            let among = Features::among(body.iter().map(String::as_str), &asked);
            let all = Features::of(body.iter().map(String::as_str));
            let expected: Vec<u64> = all.0.into_iter().filter(|f| asked.0.contains(f)).collect();
            proptest::prop_assert_eq!(&among.0, &expected);
            let head = Features::of_lines(&regions[0]);
            proptest::prop_assert!(head.0.iter().all(|f| asked.0.contains(f)));
        }
    }

    #[test]
    fn headline_goes_to_the_body_sharing_most_with_it() {
        // 001 lines 392–393 between the 詹长松 and 原文钊 articles
        let regions = vec![
            vec![],
            vec![head("解放区：“334”模式调动全民战“疫”"), same_run("山阳区：“五个率先”助力“硬核”防控")],
            vec![],
        ];
        let bodies = [
            features("解放区依托“334”楼院协商治理模式，在全区建立了疫情防控卡点，全民参与。"),
            features("记者昨日从山阳区获悉，全面实施“五个率先”，坚持“硬核”防控。"),
        ];
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert_eq!(splits[1], Split { before: 1, after: 1 });
    }

    #[test]
    fn headline_sharing_nothing_is_an_orphan() {
        let regions = vec![vec![], vec![head("管控有效 服务有力"), same_run("打好防疫复工双战役")], vec![]];
        let bodies = [features("人大常委会组成督导调研组，深入各县区。"), features("市长主持召开专题会议，研究春耕。")];
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert_eq!(splits[1], Split { before: 0, after: 2 });
    }

    #[test]
    fn an_article_takes_one_headline() {
        // Both regions match the one body; the better match wins.
        let regions = vec![vec![head("市委召开专题会议")], vec![head("市委召开疫情防控专题会议部署工作")]];
        let bodies = [features("市委召开疫情防控专题会议，部署工作。")];
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert_eq!(splits[0], Split { before: 0, after: 1 });
        assert_eq!(splits[1], Split { before: 1, after: 1 });
    }

    #[test]
    fn kicker_takes_the_run_it_introduces() {
        // 004 lines 354–357: the title shares little, its kicker a lot
        let regions = vec![
            vec![],
            vec![
                head("市政府第三十九次常务会议要求"),
                head("打牢农业基础 补实“三农”短板"),
                same_run("盯紧重点项目 夯实坚强支撑"),
            ],
        ];
        let bodies = [features("市长主持召开市政府第三十九次常务会议，研究春耕和重点项目建设。")];
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert_eq!(splits[1], Split { before: 3, after: 3 });
    }

    #[test]
    fn lines_beyond_a_part_are_orphans_however_long_the_region() {
        // A page of nothing but headline-shaped lines (a list, a table):
        // every pair of cuts was scored, each from scratch.
        let region: Vec<HeadLine> = (0..20_000).map(|i| head(&format!("市委召开第{i}次专题会议"))).collect();
        let bodies = [features("市委召开第1次专题会议，部署工作。"), features("市委召开第19999次专题会议。")];
        let regions = vec![vec![], region, vec![]];
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert!(splits[1].before <= MAX_PART_LINES, "{:?}", splits[1]);
        assert!(regions[1].len() - splits[1].after <= MAX_PART_LINES, "{:?}", splits[1]);
    }

    #[test]
    fn every_article_of_a_long_page_takes_its_own_headline() {
        // Each region's best path was copied whole into the next.
        let n = 5_000;
        let word =
            |i: u32| -> String { (0..3).map(|k| char::from_u32(0x4E00 + 3 * i + k).expect("an ideograph")).collect() };
        let mut regions: Vec<Vec<HeadLine>> = (0..n).map(|i| vec![head(&format!("{}会议召开", word(i)))]).collect();
        regions.push(Vec::new());
        let bodies: Vec<Body> = (0..n).map(|i| features(&format!("{}会议召开，部署工作。", word(i)))).collect();
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert!(splits[..n as usize].iter().all(|s| *s == Split { before: 0, after: 0 }));
    }

    #[test]
    fn a_jump_head_heads_the_rest_of_its_article_sharing_nothing() {
        let regions = vec![
            vec![head("Museum zeigt Schätze der Römerzeit")],
            vec![head("Hochwasser: Pegel der Elbe steigt")],
            vec![],
        ];
        let museum = features("Das Museum zeigt mehr als 300 Schätze aus der Römerzeit.");
        let mut rest =
            features("Das Landeshochwasserzentrum rechnet damit, dass der Scheitel am Freitag erreicht wird.");
        let splits = assign(&regions, &[museum.clone(), rest.clone()], &mut Trace::off());
        assert_eq!(splits[1], Split { before: 0, after: 1 }, "without a note, a stranger");
        rest.jumped = true;
        let splits = assign(&regions, &[museum, rest], &mut Trace::off());
        assert_eq!(splits[1], Split { before: 0, after: 0 });
    }

    #[test]
    fn a_headline_that_no_other_body_can_take_heads_the_headless_one_beside_it() {
        // Printed above its body on a page that prints others below theirs:
        // the body above it has its headline, so this one heads the body
        // below, with which it shares a word only.
        let garbage = features("每天晚上7点，刘阿姨都会提着分好类的垃圾来到小区的智能回收站，换取积分。");
        let night = features("夜幕降临，临川古城的滨河街区灯火通明。今年以来，全市培育夜间经济集聚区15个。");
        let cars = features("今年一季度，全市新能源汽车产量达到4.2万辆，产业链相关企业实现产值365.8亿元。");
        let regions = vec![
            vec![head("垃圾分类进小区 积分可以换好礼")],
            vec![head("夜经济点亮城市烟火气 古城人头攒动")],
            vec![],
            vec![head("新能源汽车产业链加速集聚")],
        ];
        let bodies = [garbage.clone(), night.clone(), cars.clone()];
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert_eq!(splits[1], Split { before: 0, after: 0 }, "{splits:?}");
        // On a page that prints every headline below its body, a block
        // above a body without a headline is an orphan.
        let regions = vec![
            vec![],
            vec![head("垃圾分类进小区 积分可以换好礼"), head("夜经济点亮城市烟火气 古城人头攒动")],
            vec![],
            vec![head("新能源汽车产业链加速集聚")],
        ];
        let splits = assign(&regions, &[garbage, night, cars], &mut Trace::off());
        assert_eq!(splits[1], Split { before: 1, after: 2 }, "{splits:?}");
    }

    #[test]
    fn a_headline_naming_another_chair_stays_an_orphan_beside_a_headless_body() {
        // A sample's orphan `…葛巧红主持并讲话` over a meeting `楼阳生主持`.
        let regions = vec![
            vec![head("何雄与企业负责人举行工作会谈")],
            vec![head("市委召开疫情防控专题会议"), same_run("葛巧红主持并讲话 李亦博作工作部署")],
            vec![],
        ];
        let mut meeting = features("省委召开疫情防控专题会议，楼阳生主持会议并讲话，市委召开会议传达。");
        meeting.chairs = vec!["楼阳生".to_owned()];
        let bodies = [features("何雄与企业负责人举行工作会谈，双方就深化合作交换意见。"), meeting];
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert_eq!(splits[1], Split { before: 0, after: 2 }, "{splits:?}");
    }

    #[test]
    fn markdown_heading_heads_what_follows_even_sharing_nothing() {
        let mut brief = head("出入政策有变");
        brief.level = Some(3);
        let regions = vec![vec![brief], vec![]];
        let bodies = [features("河南18地最新返城规定来了。")];
        let splits = assign(&regions, &bodies, &mut Trace::off());
        assert_eq!(splits[0], Split { before: 0, after: 0 });
    }
}
