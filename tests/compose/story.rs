//! An article as one page prints it, before layout: its headline (or
//! none), its lead, the part of it on this page (a continuation note cuts
//! it, maybe mid-sentence, or opens it), and the marks around it. The
//! paragraphs here are the gold: what galley should give back.

use super::articles::{Article, Lang};
use super::furniture::{editor_code, end_mark, photo_credit};
use super::leads::{Lead, Note, lead, note_from, note_to};
use super::paper::Paper;
use super::rng::Rng;

/// One article placed on a page.
pub struct Story {
    /// Headline lines; all `None` for a headline-less item.
    pub kicker: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// The paragraphs of this page, lead included: the gold body.
    pub paragraphs: Vec<String>,
    /// The note that sends the rest of the text to another page.
    pub continued_to: Option<Note>,
    /// The note that says where the text comes from.
    pub continued_from: Option<Note>,
    /// An end mark after the last sentence (`（完）`).
    pub end: Option<String>,
    /// An editor code printed under the article (`①5`).
    pub code: Option<String>,
    /// A photo credit printed before the paragraph of that index.
    pub photo: Option<(usize, String)>,
}

impl Story {
    /// The headline lines that exist, in order.
    pub fn headline(&self) -> Vec<&str> {
        [&self.kicker, &self.title, &self.subtitle].into_iter().flatten().map(String::as_str).collect()
    }
}

/// What a layout allows.
pub struct Allow {
    /// Continuation notes (print and Markdown pages, not web pages).
    pub jumps: bool,
    /// Items without a headline.
    pub headless: bool,
}

/// Places `article` from `paper` on a page.
pub fn place(rng: &mut Rng, article: &Article, paper: &Paper, allow: &Allow) -> Story {
    let lang = article.lang;
    let jump = jump_word(article);
    let from = allow.jumps && rng.chance(8);
    let mut paragraphs = article.paragraphs.clone();
    let lead_at = (article.takes_lead && !from && rng.chance(85)).then_some(article.lead_at);
    if from {
        paragraphs.drain(..rng.range(1, paragraphs.len() - 1));
    }
    // The first paragraph of text, after a credit line.
    let mut text_at = 0;
    if let Some(at) = lead_at {
        text_at = at + apply_lead(&mut paragraphs, at, lead(rng, paper, article.city.as_deref()));
    }
    let headless = allow.headless && lead_at == Some(0) && rng.chance(12);
    let continued_from = from.then(|| note_from(rng, lang, &jump));
    let jumps = allow.jumps && !from && paragraphs.len() > text_at + 1 && rng.chance(22);
    let continued_to = jumps.then(|| {
        cut(rng, &mut paragraphs, text_at + 1, lang);
        note_to(rng, lang, &jump)
    });
    let end = (continued_to.is_none() && rng.chance(12)).then(|| end_mark(rng, lang));
    let code = (lang == Lang::Hans && allow.jumps && rng.chance(25)).then(|| editor_code(rng));
    let photo = rng.chance(15).then(|| (rng.below(paragraphs.len()), photo_credit(rng, paper)));
    let keep = |v: &Option<String>| v.clone().filter(|_| !headless);
    Story {
        kicker: keep(&article.kicker).filter(|_| rng.chance(85)),
        title: keep(&article.title),
        subtitle: keep(&article.subtitle).filter(|_| rng.chance(85)),
        paragraphs,
        continued_to,
        continued_from,
        end,
        code,
        photo,
    }
}

/// The catchword of an English jump line: the title's longest word.
fn jump_word(article: &Article) -> String {
    let title = article.title.as_deref().unwrap_or("STORY");
    let word = title.split(' ').max_by_key(|w| w.len()).unwrap_or("STORY");
    word.trim_matches(|c: char| !c.is_alphanumeric()).to_uppercase()
}

/// Puts the lead in; returns the paragraphs it added (a credit line: 1).
fn apply_lead(paragraphs: &mut Vec<String>, at: usize, lead: Lead) -> usize {
    match lead {
        Lead::Prefix(prefix) => {
            paragraphs[at] = format!("{prefix}{}", paragraphs[at]);
            0
        }
        Lead::Credit(credit) => {
            paragraphs.insert(at, credit);
            1
        }
    }
}

/// Keeps the first part of the text, at least `min` paragraphs and not
/// all: whole paragraphs, and maybe half of the last one cut after a
/// comma, as a page runs out mid-sentence.
fn cut(rng: &mut Rng, paragraphs: &mut Vec<String>, min: usize, lang: Lang) {
    let keep = rng.range(min, paragraphs.len() - 1);
    paragraphs.truncate(keep);
    if !rng.chance(60) {
        return;
    }
    let last = paragraphs.last_mut().expect("one paragraph is kept");
    let comma = if lang.is_cjk() { "，" } else { ", " };
    let cuts: Vec<usize> =
        last.match_indices(comma).map(|(i, s)| i + s.len()).filter(|&i| i > last.len() / 3).collect();
    if let Some(&at) = cuts.first() {
        last.truncate(at);
        let trimmed = last.trim_end().len();
        last.truncate(trimmed);
    }
}
