//! The three ways a page reaches galley, each drawn per page:
//!
//! - **print**: text as a PDF extractor or OCR gives a printed page: body
//!   lines cut at a column width (12–22 Chinese characters, 28–45 Latin
//!   ones), Latin words hyphenated at line ends, a blank line wherever a
//!   column ends (mid-sentence too), headline blocks printed before or
//!   after their body, paragraph indents of several kinds or none, now
//!   and then a letter-spaced line, running headers, editors' footers,
//!   page numbers, continuation notes, editor codes, a notice repeated
//!   across the issue, and an orphan headline whose body is elsewhere;
//! - **web**: one article per file as scraped, headline lines then one
//!   paragraph a line (often indented with `　　`), with site chrome, a
//!   repeated title, date and source lines, links and footers; a third of
//!   Chinese web pages use ASCII punctuation;
//! - **markdown**: an export with `## ` headlines, paragraphs separated by
//!   blank lines, and the marks of the print edition.

use super::articles::Lang;
use super::furniture::{editors_line, page_header, page_number, web_chrome};
use super::paper::Paper;
use super::rng::Rng;
use super::story::Story;
use super::wrap::{letter_space, wrap_cjk, wrap_latin};

/// How a page was laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layout {
    /// Printed columns, as extracted.
    Print,
    /// A web edition, one article a page.
    Web,
    /// A Markdown export.
    Markdown,
}

impl Layout {
    /// The name used in file names and tables.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Print => "print",
            Layout::Web => "web",
            Layout::Markdown => "markdown",
        }
    }
}

/// A page's text and what the gold says was put around the articles.
pub struct Printed {
    pub text: String,
    /// Every piece of furniture, as printed.
    pub removed: Vec<String>,
    /// Headlines printed without their body.
    pub orphans: Vec<String>,
}

/// Lines being laid out, with the furniture put in so far.
struct Sheet {
    lines: Vec<String>,
    removed: Vec<String>,
}

impl Sheet {
    fn new() -> Sheet {
        Sheet { lines: Vec::new(), removed: Vec::new() }
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn line(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }

    fn furniture(&mut self, line: String) {
        self.removed.push(line.clone());
        self.lines.push(line);
    }

    /// Appends a piece of furniture to the last line (`…要求。（下转A02版③）`).
    fn append(&mut self, piece: String) {
        let last = self.lines.iter_mut().rev().find(|l| !l.is_empty()).expect("a body line before the mark");
        last.push_str(&piece);
        self.removed.push(piece);
    }

    fn done(self, orphans: Vec<String>) -> Printed {
        let mut text = self.lines.join("\n");
        text.push('\n');
        Printed { text, removed: self.removed, orphans }
    }
}

/// First-line indents of printed paragraphs; none is the commonest.
const CJK_INDENTS: [&str; 5] = ["", "", "　　", "  ", " "];
const LATIN_INDENTS: [&str; 4] = ["", "", "  ", "   "];

/// The drawn look of one printed page.
struct Column {
    lang: Lang,
    /// Column width: half-width units for Chinese, characters for Latin.
    width: usize,
    /// Lines in a column before the break.
    height: usize,
    /// Lines since the last column break.
    filled: usize,
    indent: String,
    /// Percent of body lines printed letter-spaced.
    spaced: usize,
    /// Whether paragraphs are separated by blank lines.
    gaps: bool,
}

impl Column {
    fn draw(rng: &mut Rng, lang: Lang) -> Column {
        let cjk = lang.is_cjk();
        Column {
            lang,
            width: if cjk { 2 * rng.range(12, 22) } else { rng.range(28, 45) },
            height: if cjk { rng.range(10, 30) } else { rng.range(15, 40) },
            filled: 0,
            indent: rng.pick(if cjk { &CJK_INDENTS[..] } else { &LATIN_INDENTS[..] }).to_string(),
            spaced: if cjk && rng.chance(35) { 5 } else { 0 },
            gaps: rng.chance(12),
        }
    }

    fn wrap(&self, text: &str, width: usize, hyphenate: bool) -> Vec<String> {
        if self.lang.is_cjk() { wrap_cjk(text, width) } else { wrap_latin(text, width, hyphenate) }
    }

    /// Lays out one paragraph, with column breaks where they fall.
    fn paragraph(&mut self, rng: &mut Rng, sheet: &mut Sheet, text: &str) {
        let lines = self.wrap(text, self.width, true);
        for (i, line) in lines.into_iter().enumerate() {
            let line = if self.spaced > 0 && rng.chance(self.spaced) { letter_space(&line) } else { line };
            sheet.line(if i == 0 { format!("{}{line}", self.indent) } else { line });
            self.filled += 1;
            if self.filled >= self.height {
                sheet.blank();
                self.filled = 0;
            }
        }
        if self.gaps {
            sheet.blank();
        }
    }

    /// A headline block: kicker, title wrapped wider than the column,
    /// subtitle.
    fn headline(&self, rng: &mut Rng, sheet: &mut Sheet, story: &Story) {
        let wide = self.width * rng.range(10, 20) / 10;
        if let Some(k) = &story.kicker {
            sheet.line(k.clone());
        }
        if let Some(t) = &story.title {
            for line in self.wrap(t, wide, false) {
                sheet.line(line);
            }
        }
        if let Some(s) = &story.subtitle {
            sheet.line(s.clone());
        }
    }
}

/// One article's body on a printed page, with its marks.
fn print_body(rng: &mut Rng, col: &mut Column, sheet: &mut Sheet, story: &Story) {
    if let Some(note) = &story.continued_from {
        sheet.furniture(note.text.clone());
    }
    for (i, p) in story.paragraphs.iter().enumerate() {
        if let Some((_, credit)) = story.photo.as_ref().filter(|(at, _)| *at == i) {
            sheet.furniture(credit.clone());
        }
        col.paragraph(rng, sheet, p);
    }
    let end_marks = story.end.iter().chain(story.continued_to.as_ref().map(|n| &n.text));
    for mark in end_marks {
        if rng.chance(50) {
            sheet.append(mark.clone());
        } else {
            if rng.chance(50) {
                sheet.blank();
            }
            sheet.furniture(mark.clone());
        }
    }
    if let Some(code) = &story.code {
        sheet.furniture(code.clone());
    }
}

/// A printed page of `stories`; `orphan` is a headline whose body is on
/// another page; `notice` is printed when the issue repeats it here.
pub fn print(
    rng: &mut Rng,
    paper: &Paper,
    page: usize,
    stories: &[Story],
    orphan: Option<&Story>,
    notice: bool,
) -> Printed {
    let mut col = Column::draw(rng, paper.lang);
    let mut sheet = Sheet::new();
    if rng.chance(85) {
        sheet.furniture(page_header(rng, paper, page));
    }
    if rng.chance(15) {
        sheet.furniture(editors_line(rng, paper.lang));
    }
    let after = rng.chance(35);
    let extras_at = rng.below(stories.len() + 1);
    let mut orphans = Vec::new();
    for (i, story) in stories.iter().enumerate() {
        if i == extras_at {
            extras(rng, &col, &mut sheet, orphan, notice, paper, &mut orphans);
        }
        sheet.blank();
        let head_after = after != rng.chance(10);
        if !head_after && !story.headline().is_empty() {
            col.headline(rng, &mut sheet, story);
            sheet.blank();
        }
        print_body(rng, &mut col, &mut sheet, story);
        if head_after && !story.headline().is_empty() {
            sheet.blank();
            col.headline(rng, &mut sheet, story);
        }
        sheet.blank();
    }
    if extras_at == stories.len() {
        extras(rng, &col, &mut sheet, orphan, notice, paper, &mut orphans);
    }
    footer(rng, &mut sheet, paper, page);
    sheet.done(orphans)
}

fn extras(
    rng: &mut Rng,
    col: &Column,
    sheet: &mut Sheet,
    orphan: Option<&Story>,
    notice: bool,
    paper: &Paper,
    orphans: &mut Vec<String>,
) {
    if notice {
        sheet.blank();
        for line in col.wrap(&paper.notice, col.width, false) {
            sheet.line(line);
        }
        sheet.removed.push(paper.notice.clone());
    }
    if let Some(story) = orphan {
        sheet.blank();
        col.headline(rng, sheet, story);
        orphans.push(story.headline().join(" "));
    }
}

fn footer(rng: &mut Rng, sheet: &mut Sheet, paper: &Paper, page: usize) {
    sheet.blank();
    if rng.chance(55) {
        sheet.furniture(editors_line(rng, paper.lang));
    }
    if rng.chance(45) {
        sheet.furniture(page_number(rng, paper.lang, page));
    }
}

/// ASCII punctuation in Chinese text, as some sites print it (002, 003).
fn ascii_punctuation(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            '？' => '?',
            '！' => '!',
            other => other,
        })
        .collect()
}

/// A web page holding `story`; `other` names another article for the
/// related links.
pub fn web(rng: &mut Rng, paper: &Paper, story: &Story, other: &str) -> Printed {
    let chrome = web_chrome(rng, paper, other);
    let mut sheet = Sheet::new();
    for line in chrome.top {
        sheet.furniture(line);
    }
    sheet.blank();
    for line in story.headline() {
        sheet.line(line);
    }
    if let Some(title) = story.title.clone().filter(|_| rng.chance(40)) {
        sheet.blank();
        sheet.furniture(title);
    }
    let meta_one_line = rng.chance(50);
    if meta_one_line {
        sheet.furniture(chrome.meta.join(*rng.pick(&["  ", " ", "　"])));
    } else {
        chrome.meta.into_iter().for_each(|m| sheet.furniture(m));
    }
    let links_above = rng.chance(40);
    if links_above {
        sheet.furniture(chrome.links.clone());
    }
    sheet.blank();
    web_body(rng, &mut sheet, story, paper.lang);
    if !links_above {
        sheet.furniture(chrome.links);
    }
    sheet.blank();
    chrome.bottom.into_iter().for_each(|b| sheet.furniture(b));
    let mut printed = sheet.done(Vec::new());
    if paper.lang.is_cjk() && rng.chance(33) {
        printed.text = ascii_punctuation(&printed.text);
    }
    printed
}

fn web_body(rng: &mut Rng, sheet: &mut Sheet, story: &Story, lang: Lang) {
    let indent = if lang.is_cjk() { *rng.pick(&["　　", "　　", "", "  "]) } else { "" };
    let gaps = rng.chance(60);
    for (i, p) in story.paragraphs.iter().enumerate() {
        if let Some((_, credit)) = story.photo.as_ref().filter(|(at, _)| *at == i) {
            sheet.furniture(credit.clone());
        }
        sheet.line(format!("{indent}{p}"));
        if gaps {
            sheet.blank();
        }
    }
    if let Some(end) = &story.end {
        sheet.append(end.clone());
    }
}

/// A Markdown export of `stories`.
pub fn markdown(rng: &mut Rng, paper: &Paper, page: usize, stories: &[Story]) -> Printed {
    let mut sheet = Sheet::new();
    if rng.chance(30) {
        sheet.furniture(format!("# {}", page_header(rng, paper, page)));
        sheet.blank();
    }
    for story in stories {
        if let Some(k) = &story.kicker {
            sheet.line(k.clone());
        }
        if let Some(t) = &story.title {
            sheet.line(format!("## {t}"));
        }
        if let Some(s) = &story.subtitle {
            sheet.line(s.clone());
        }
        sheet.blank();
        markdown_body(rng, &mut sheet, story);
        sheet.blank();
    }
    sheet.done(Vec::new())
}

fn markdown_body(rng: &mut Rng, sheet: &mut Sheet, story: &Story) {
    if let Some(note) = &story.continued_from {
        sheet.furniture(note.text.clone());
        sheet.blank();
    }
    for (i, p) in story.paragraphs.iter().enumerate() {
        if let Some((_, credit)) = story.photo.as_ref().filter(|(at, _)| *at == i) {
            sheet.furniture(credit.clone());
            sheet.blank();
        }
        sheet.line(p.clone());
        sheet.blank();
    }
    for mark in story.end.iter().chain(story.continued_to.as_ref().map(|n| &n.text)) {
        if rng.chance(60) {
            sheet.append(mark.clone());
        } else {
            sheet.furniture(mark.clone());
            sheet.blank();
        }
    }
    if let Some(code) = &story.code {
        sheet.furniture(code.clone());
    }
}
