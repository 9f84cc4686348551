//! The invented articles the composer lays out, read from
//! `tests/fixtures/composer/{zh-hans,zh-hant,en,de}.txt`.
//!
//! A file holds blocks; a block opens with `=== id`, then head lines
//! (`kicker: `, `title: `, `subtitle: `, `city: ` for the dateline of a
//! lead, `lead: none` for a commentary, letter or interview that takes no
//! lead), then the paragraphs, one a line. A paragraph starting with `@`
//! is where the lead goes (default: the first paragraph). Lines starting
//! with `#` are comments. The texts were written for these tests; none is
//! taken from the seeds or the samples.

/// The language and script of an article, a page and a paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Lang {
    /// Simplified Chinese.
    Hans,
    /// Traditional Chinese.
    Hant,
    /// English.
    En,
    /// German.
    De,
}

impl Lang {
    /// The short name used in file names and tables.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Hans => "zh-hans",
            Lang::Hant => "zh-hant",
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// Whether the language is written in Chinese characters.
    pub fn is_cjk(self) -> bool {
        matches!(self, Lang::Hans | Lang::Hant)
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Hans => include_str!("../fixtures/composer/zh-hans.txt"),
            Lang::Hant => include_str!("../fixtures/composer/zh-hant.txt"),
            Lang::En => include_str!("../fixtures/composer/en.txt"),
            Lang::De => include_str!("../fixtures/composer/de.txt"),
        }
    }
}

/// One invented article, as written: no lead yet, no layout.
#[derive(Clone, Debug)]
pub struct Article {
    /// The block's id (`zh01-metro`).
    pub id: String,
    /// Its language.
    pub lang: Lang,
    /// Headline lines, where the article has them.
    pub kicker: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// The subtitle.
    pub subtitle: Option<String>,
    /// The place a dateline names.
    pub city: Option<String>,
    /// Whether a lead or credit may open the article.
    pub takes_lead: bool,
    /// The paragraph the lead goes before.
    pub lead_at: usize,
    /// The body paragraphs.
    pub paragraphs: Vec<String>,
}

/// The articles of one language, in file order.
pub fn pool(lang: Lang) -> Vec<Article> {
    lang.source().split("\n=== ").skip(1).map(|block| parse(lang, block)).collect()
}

fn parse(lang: Lang, block: &str) -> Article {
    let mut lines = block.lines();
    let id = lines.next().expect("a block opens with its id").trim().to_string();
    let mut article = Article {
        id,
        lang,
        kicker: None,
        title: None,
        subtitle: None,
        city: None,
        takes_lead: true,
        lead_at: 0,
        paragraphs: Vec::new(),
    };
    for line in lines.map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let head = |key: &str| line.strip_prefix(key).filter(|_| article.paragraphs.is_empty()).map(str::to_string);
        if let Some(v) = head("kicker: ") {
            article.kicker = Some(v);
        } else if let Some(v) = head("title: ") {
            article.title = Some(v);
        } else if let Some(v) = head("subtitle: ") {
            article.subtitle = Some(v);
        } else if let Some(v) = head("city: ") {
            article.city = Some(v);
        } else if head("lead: none").is_some() {
            article.takes_lead = false;
        } else if let Some(p) = line.strip_prefix('@') {
            article.lead_at = article.paragraphs.len();
            article.takes_lead = true;
            article.paragraphs.push(p.to_string());
        } else {
            article.paragraphs.push(line.to_string());
        }
    }
    assert!(article.paragraphs.len() >= 2, "{}: an article has at least two paragraphs", article.id);
    article
}
