//! The types that flow between the stages.
//!
//! `Source` → `Decoded` (stage 1) → `Page` → `Line` (stage 2) →
//! `Paragraph` (stages 3 and 4) → `Item` in a `PageResult` (stage 5).
//! Each value knows where it came from, so that the records of what was
//! removed, what was orphaned and why fall out of the chain itself.

use serde::{Deserialize, Serialize};

/// Where a page dump came from: the input root it was found under and its
/// path relative to that root, with `/` separators and its extension.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// The path relative to the input root, as written to the manifest.
    pub rel: String,
    /// The file to read; `None` for standard input.
    pub path: Option<std::path::PathBuf>,
}

impl Source {
    /// The item folder of this source, relative to OUT: its relative path
    /// without extension, each component made safe to create (see
    /// [`safe_component`]), so that no name can reach outside OUT. Standard
    /// input's items go to `stdin/`.
    pub fn folder(&self) -> String {
        if self.path.is_none() && self.rel == "-" {
            return "stdin".to_owned();
        }
        let name_start = self.rel.rfind('/').map_or(0, |i| i + 1);
        let stem = match self.rel[name_start..].rfind('.') {
            Some(dot) if dot > 0 => &self.rel[..name_start + dot],
            _ => &self.rel,
        };
        let parts: Vec<String> = stem.split('/').map(safe_component).collect();
        parts.join("/")
    }
}

/// One component of a relative path as a folder name that stays where it
/// is put: `.` and `..`, a leading `-` (read as an option by other tools),
/// `\` (a separator elsewhere), `%` and control characters are written
/// `%XX`, so that distinct names stay distinct and none climbs out of OUT.
pub fn safe_component(name: &str) -> String {
    let mut safe = String::with_capacity(name.len());
    for (i, c) in name.chars().enumerate() {
        let escape =
            c == '\\' || c == '%' || c.is_control() || (i == 0 && c == '-') || (c == '.' && matches!(name, "." | ".."));
        if escape {
            let mut utf8 = [0; 4];
            for b in c.encode_utf8(&mut utf8).bytes() {
                safe.push_str(&format!("%{b:02X}"));
            }
        } else {
            safe.push(c);
        }
    }
    // An empty component (`a//b`, a leading `/`) still names a folder.
    if safe.is_empty() { "%00".to_owned() } else { safe }
}

/// A decoded input file: UTF-8 text with LF line ends, the encoding it was
/// read in, where malformed byte sequences were replaced by U+FFFD, and what
/// decoding found out about the file as a whole.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The text, with control characters other than `\n`, `\t`, `\f`
    /// replaced by U+FFFD.
    pub text: String,
    /// The encoding the bytes were read in.
    pub encoding: &'static encoding_rs::Encoding,
    /// Byte offsets into `text` of each U+FFFD put in for a malformed
    /// sequence, a control character or a byte lost to mojibake.
    pub malformed: Vec<usize>,
    /// Repairs made to the whole text and doubts about it, in the order
    /// found; each becomes a warning on every page of the file.
    pub notes: Vec<DecodeNote>,
}

/// Something decoding did to, or doubts about, a whole file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeNote {
    /// The text was UTF-8 that had been read in another encoding and saved
    /// again (mojibake); it was read back.
    Repaired {
        /// The encoding the UTF-8 bytes had been read in: `windows-1252`,
        /// `ISO-8859-1` or `GBK`.
        read_as: &'static str,
    },
    /// Few of the text's Han characters are common ones: real Chinese is
    /// nearly all common characters, a wrong decoding spreads over rare ones.
    RareHan {
        /// The encoding the text was decoded in.
        encoding: &'static encoding_rs::Encoding,
        /// The percentage of its Han characters that are common, rounded down.
        percent: u32,
    },
    /// Most of the text's Latin letters are accented ones: real Latin-script
    /// text is mostly unaccented, text of another script read as a Latin
    /// encoding is mostly accented.
    AccentedLatin {
        /// The encoding the text was decoded in.
        encoding: &'static encoding_rs::Encoding,
        /// The percentage of its Latin letters that are accented, rounded down.
        percent: u32,
    },
}

impl std::fmt::Display for DecodeNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let advice = |encoding: &encoding_rs::Encoding| {
            if encoding == encoding_rs::UTF_8 || encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE
            {
                "the text may be mojibake"
            } else {
                "the encoding may be wrong; pass --encoding"
            }
        };
        match *self {
            DecodeNote::Repaired { read_as } => write!(f, "repaired mojibake: UTF-8 read as {read_as}"),
            DecodeNote::RareHan { encoding, percent } => write!(
                f,
                "decoded as {}, but only {percent}% of its Han characters are common ones: {}",
                encoding.name(),
                advice(encoding)
            ),
            DecodeNote::AccentedLatin { encoding, percent } => write!(
                f,
                "decoded as {}, but {percent}% of its Latin letters are accented: {}",
                encoding.name(),
                advice(encoding)
            ),
        }
    }
}

/// One page of a decoded file (files are split into pages at form feeds).
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    /// 1-based page number within its file.
    pub number: usize,
    /// The page's text.
    pub text: &'a str,
    /// How many malformed byte sequences of the file fell on this page.
    pub malformed: usize,
    /// What decoding noted about the whole file the page is part of.
    pub notes: &'a [DecodeNote],
}

impl<'a> Page<'a> {
    /// A whole text as page 1, for cleaning a string directly.
    pub fn new(text: &'a str) -> Self {
        Page { number: 1, text, malformed: 0, notes: &[] }
    }
}

/// A line of a page after normalization. Blank lines are kept, with empty
/// text, because a blank line is evidence for rejoining.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number on the page.
    pub no: usize,
    /// The normalized text, without leading or trailing spaces.
    pub text: String,
    /// Whether the line was indented (leading spaces or U+3000) beyond
    /// the page's margin.
    pub indent: bool,
    /// Whether a space ended the line: a word gap at the line break
    /// (a sample's `本报讯（郑报全媒体记者 ` ⏎ `孙亚文`).
    pub spaced_end: bool,
}

impl Line {
    /// A line with no layout marks.
    pub fn new(no: usize, text: impl Into<String>) -> Self {
        Line { no, text: text.into(), indent: false, spaced_end: false }
    }

    /// Whether the line is blank.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// What a paragraph is on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaClass {
    /// Running text of an article.
    Body,
    /// Running text opened by a lead marker (`本报讯`, `新华社…电`, a dateline).
    Lead,
    /// One line of a headline block.
    Headline,
    /// A Markdown heading (`## `, `### `) of the given level.
    Heading(u8),
}

impl ParaClass {
    /// Whether the paragraph is part of a headline block.
    pub fn is_headline(self) -> bool {
        matches!(self, ParaClass::Headline | ParaClass::Heading(_))
    }
}

/// A paragraph of running text, or one line of a headline block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The text, on one line.
    pub text: String,
    /// What the paragraph is.
    pub class: ParaClass,
    /// The first and last page line it was joined from.
    pub lines: (usize, usize),
    /// Whether a blank line separated it from the previous paragraph.
    pub blank_before: bool,
    /// The page a continuation note at its end sends the reader to.
    pub continued_to: Option<String>,
    /// The page a continuation note at its start comes from.
    pub continued_from: Option<String>,
    /// Whether an editor code or continuation note closes the article here.
    pub closes: bool,
    /// Whether it was set one paragraph a line (a web edition, plain text),
    /// not in printed columns: such a page prints headlines above their text.
    pub whole: bool,
}

impl Paragraph {
    /// A paragraph of the given class with no furniture marks.
    pub fn new(text: String, class: ParaClass, lines: (usize, usize), blank_before: bool) -> Self {
        Paragraph {
            text,
            class,
            lines,
            blank_before,
            continued_to: None,
            continued_from: None,
            closes: false,
            whole: false,
        }
    }
}

/// The kind of an emitted item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// An article: a headline or a lead, and its body.
    #[default]
    Article,
    /// A short item under a small (`###`) headline: a line or two of text.
    Brief,
    /// A box that belongs to no article (a notice, an appeal, a hotline).
    Notice,
}

/// An item cleaned from a page: headline fields, byline, continuation
/// references and body paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// What the item is.
    pub kind: ItemKind,
    /// The line above the title (`习近平…强调`).
    pub kicker: Option<String>,
    /// The main title.
    pub title: Option<String>,
    /// The line below the title (`李克强主持 …出席`).
    pub subtitle: Option<String>,
    /// The lead marker with its byline (`本报讯（记者焦娟、郭嘉莉）`).
    pub byline: Option<String>,
    /// The ISO date the page states, if any.
    pub date: Option<String>,
    /// Where the article continues (`A02版③`).
    pub continued_to: Option<String>,
    /// Where the article comes from (`第一版`).
    pub continued_from: Option<String>,
    /// The body paragraphs, each on one line.
    pub body: Vec<String>,
}

impl Item {
    /// The headline lines that exist, in order: kicker, title, subtitle.
    pub fn headline(&self) -> impl Iterator<Item = &str> {
        [&self.kicker, &self.title, &self.subtitle].into_iter().flatten().map(String::as_str)
    }

    /// The item as its file holds it: headline lines, a blank line, then
    /// the body paragraphs separated by blank lines, ending in one newline.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in self.headline() {
            out.push_str(line);
            out.push('\n');
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&self.body.join("\n\n"));
        out.push('\n');
        out
    }

    /// Characters of body text (without line breaks).
    pub fn chars(&self) -> usize {
        self.body.iter().map(|p| p.chars().count()).sum()
    }
}

/// A piece of furniture taken out of a page, and the rule that took it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// The rule's name (`continuation`, `page-header`, or a user rule's name).
    pub rule: String,
    /// The text removed, as it stood on the page.
    pub text: String,
}

impl Removal {
    /// A record of `text` removed by `rule`.
    pub fn new(rule: impl Into<String>, text: impl Into<String>) -> Self {
        Removal { rule: rule.into(), text: text.into() }
    }
}

/// Everything cleaned from one page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageResult {
    /// The items, in reading order.
    pub items: Vec<Item>,
    /// The furniture taken out.
    pub removed: Vec<Removal>,
    /// Headlines whose body is not on the page.
    pub orphans: Vec<String>,
    /// Oddities worth a look (malformed bytes, unusual layout).
    pub warnings: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_folder_drops_the_extension() {
        let source = |rel: &str| Source { rel: rel.into(), path: None };
        assert_eq!(source("000_fb8c.txt").folder(), "000_fb8c");
        assert_eq!(source("2021/03/p1.txt").folder(), "2021/03/p1");
        assert_eq!(source("a.b/page").folder(), "a.b/page");
        assert_eq!(source(".hidden").folder(), ".hidden");
    }

    #[test]
    fn item_folder_never_climbs_out_of_out() {
        let source = |rel: &str| Source { rel: rel.into(), path: None };
        assert_eq!(source("a\\..\\..\\victim.txt").folder(), "a%5C..%5C..%5Cvictim");
        assert_eq!(source("../x.txt").folder(), "%2E%2E/x");
        assert_eq!(source("a/./b.txt").folder(), "a/%2E/b");
        assert_eq!(source("-rf.txt").folder(), "%2Drf");
        assert_eq!(source("line\nbreak.txt").folder(), "line%0Abreak");
        assert_eq!(source("100%.txt").folder(), "100%25");
        assert_eq!(source("a//b.txt").folder(), "a/%00/b");
        for rel in ["a\\..\\..\\v.txt", "../../etc/passwd", "/abs/p.txt", "-", "..", "a/../../b"] {
            let folder = source(rel).folder();
            let path = std::path::Path::new(&folder);
            assert!(
                path.components().all(|c| matches!(c, std::path::Component::Normal(_))),
                "{rel:?} gives {folder:?}"
            );
        }
    }

    #[test]
    fn standard_input_items_go_to_stdin() {
        assert_eq!(Source { rel: "-".into(), path: None }.folder(), "stdin");
    }

    #[test]
    fn a_page_result_reads_back_as_it_was_written() {
        let item =
            Item {
                kind: ItemKind::Brief, title: Some("标题".into()), body: vec!["正文。".into()], ..Item::default()
            };
        let result = PageResult {
            items: vec![item],
            removed: vec![Removal::new("page-header", "晨报 第3版")],
            orphans: vec!["孤题".into()],
            warnings: Vec::new(),
        };
        let json = serde_json::to_string(&result).expect("serializes");
        assert!(json.contains(r#""kind":"brief""#), "{json}");
        assert_eq!(serde_json::from_str::<PageResult>(&json).expect("deserializes"), result);
    }

    #[test]
    fn item_text_puts_headline_before_a_blank_line() {
        let item = Item {
            title: Some("标题".into()),
            subtitle: Some("副题".into()),
            body: vec!["一段。".into(), "二段。".into()],
            ..Item::default()
        };
        assert_eq!(item.text(), "标题\n副题\n\n一段。\n\n二段。\n");
        let untitled = Item { body: vec!["正文。".into()], ..Item::default() };
        assert_eq!(untitled.text(), "正文。\n");
    }
}
