//! The compiled rule set: the built-in tables plus the user's `--rules` file.
//!
//! Input: the rows of `furniture::tables` and the lead markers of
//! `segment::tables`, and optionally a TOML file of rules in the same
//! shape. Output: a [`RuleSet`] of compiled regexes that the stages share
//! read-only, compiled once per run. A rules file lists rules as
//!
//! ```toml
//! [[rule]]
//! name = "gazette-header"        # recorded in pages.jsonl `removed`
//! kind = "furniture"             # furniture | continuation | end-mark | lead
//! place = "edge"                 # anywhere | edge | head | tail | head-or-tail
//! pattern = '^THE ANYTOWN GAZETTE .* {date}$'
//! needs = ["GAZETTE"]            # words one of which a line must hold
//! date = true                    # the line states the page's date
//!
//! [[rule]]
//! name = "photo-credit"          # a built-in rule's name:
//! enabled = false                # switched off
//! ```
//!
//! A `furniture` rule removes every line it matches where it is placed; a
//! `continuation` rule removes its match at a paragraph's end (or start,
//! with `direction = "from"`) and takes the group `page` (else the whole
//! match) as the page reference; an `end-mark` rule removes its group
//! `mark` (else its match) at a paragraph's end and closes the article; a
//! `lead` rule opens an article where it matches at a paragraph's start,
//! and its match becomes the byline. A pattern may name the fragments of
//! [`vocab`](crate::furniture::vocab) as `{date}`, `{month}`, `{weekday}`,
//! `{time}`, `{cjk_page}`, `{han_name}`… A rule named like a built-in one
//! takes its place; `enabled = false` switches it off. A user's other
//! rules are tried before the built-in ones.
//!
//! Each pattern is compiled on its first use (see [`Pattern`]): compiling
//! them all took 470 M instructions, more than cleaning a megabyte of
//! pages, and most lines never reach most rules past the prefilter. A
//! rules file's own patterns are compiled when it is read, so that a bad
//! one names its line.

use std::fmt;
use std::ops::Deref;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::furniture::tables::{Direction, Kind, Place, RULES};
use crate::furniture::vocab::{DATE_FORMS, expand};
use crate::segment::tables::{BYLINE, LEAD_MARKERS, MAX_CREDIT_BYTES, NOT_NAME_WORDS};

/// A regex compiled on its first use and shared by every clone, so that a
/// run pays only for the rules its pages reach.
#[derive(Clone)]
pub struct Pattern {
    /// The pattern as written, its fragments (`{date}`) not yet expanded.
    source: Arc<str>,
    compiled: Arc<OnceLock<Regex>>,
}

impl Pattern {
    /// A pattern for `source`, neither expanded nor compiled yet.
    fn new(source: &str) -> Self {
        Pattern { source: source.into(), compiled: Arc::default() }
    }

    /// Compiles the pattern now, or says why it cannot be.
    fn check(&self) -> Result<&Regex, regex::Error> {
        if let Some(regex) = self.compiled.get() {
            return Ok(regex);
        }
        let regex = Regex::new(&expand(&self.source))?;
        Ok(self.compiled.get_or_init(|| regex))
    }
}

impl Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        // Built-in patterns are compiled by a test; a rules file's, when it is read.
        self.check().expect("patterns are checked before they are used")
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// A compiled whole-line furniture rule.
#[derive(Clone, Debug)]
pub struct LineMatcher {
    /// The rule name recorded in `removed`.
    pub name: String,
    /// Where on the page it applies.
    pub place: Place,
    /// Whether a line it removes states the page's date.
    pub date: bool,
    /// The pattern.
    pub regex: Pattern,
    /// The prefilter words it needs, by their index (none: always tried).
    words: Vec<u32>,
}

impl LineMatcher {
    /// Whether the rule may match a line at all: it needs no word, or the
    /// line holds one of its words (`found`: the indexes of the words the
    /// line holds, as [`RuleSet::words_in`] finds them, sorted).
    pub fn may_match(&self, found: &[u32]) -> bool {
        self.words.is_empty() || self.words.iter().any(|w| found.binary_search(w).is_ok())
    }
}

/// A compiled continuation-note rule.
#[derive(Clone, Debug)]
pub struct ContinuationMatcher {
    /// The rule name recorded in `removed`.
    pub name: String,
    /// Which way the note points.
    pub direction: Direction,
    /// The pattern.
    pub regex: Pattern,
}

/// A compiled end-mark rule: a mark that closes an article.
#[derive(Clone, Debug)]
pub struct MarkMatcher {
    /// The rule name recorded in `removed`.
    pub name: String,
    /// The pattern; its group `mark`, else its match, is the mark.
    pub regex: Pattern,
}

/// One rule before it is compiled: a built-in row or a rules file's entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Spec {
    name: String,
    kind: Kind,
    place: Place,
    pattern: String,
    needs: Vec<String>,
    direction: Direction,
    date: bool,
    /// A built-in lead marker: joined with the others and their bylines.
    marker: bool,
    /// A built-in row, whose pattern a test compiles.
    built_in: bool,
}

/// Every pattern the stages apply, compiled once per run.
#[derive(Clone, Debug)]
pub struct RuleSet {
    /// Whole-line furniture, user then built-in rules.
    pub lines: Vec<LineMatcher>,
    /// All the words line rules need, searched for at once.
    words: AhoCorasick,
    /// Whether a line rule needs no word and applies anywhere.
    every_line: bool,
    /// Continuation notes, user then built-in rules.
    pub continuations: Vec<ContinuationMatcher>,
    /// End marks and editor codes, user then built-in rules.
    pub end_marks: Vec<MarkMatcher>,
    /// Lead markers anchored at a paragraph's start, user then built-in rules.
    pub leads: Vec<Pattern>,
    /// A whole credit line: the built-in `credit` lead markers.
    pub credit: Pattern,
    /// The forms of a date, to read the date a header or date line states.
    dates: Vec<Pattern>,
    /// The rules these were compiled from, for a rules file to change.
    specs: Vec<Spec>,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::builtin()
    }
}

/// A rule set is written as the rules it was compiled from, built-in ones
/// included, so that it reads back the same wherever it is sent (a Ray or
/// Spark worker) and its digest names exactly the rules in force.
impl Serialize for RuleSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.specs.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RuleSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let specs = Vec::<Spec>::deserialize(deserializer)?;
        RuleSet::from_specs(specs)
            .map_err(|(name, e)| serde::de::Error::custom(format!("rule {name:?}: bad regex: {e}")))
    }
}

/// The built-in rules, as specs.
fn builtin_specs() -> Vec<Spec> {
    let rows = RULES.iter().map(|r| Spec {
        name: r.name.to_owned(),
        kind: r.kind,
        place: r.place,
        pattern: r.pattern.to_owned(),
        needs: r.needs.iter().map(|w| (*w).to_owned()).collect(),
        direction: r.direction,
        date: r.date,
        marker: false,
        built_in: true,
    });
    let leads = LEAD_MARKERS.iter().map(|(name, pattern)| Spec {
        name: (*name).to_owned(),
        kind: Kind::Lead,
        place: Place::Anywhere,
        pattern: (*pattern).to_owned(),
        needs: Vec::new(),
        direction: Direction::To,
        date: false,
        marker: true,
        built_in: true,
    });
    rows.chain(leads).collect()
}

/// A pattern that matches nothing (for a set of rules switched off).
const NOTHING: &str = r"[^\s\S]";

impl RuleSet {
    /// The built-in rules only. Each is compiled once per process, on its
    /// first use, and shared: a compiled pattern is immutable, and cloning
    /// one shares it.
    pub fn builtin() -> Self {
        static BUILTIN: OnceLock<RuleSet> = OnceLock::new();
        BUILTIN.get_or_init(|| RuleSet::from_specs(builtin_specs()).expect("built-in patterns are valid")).clone()
    }

    /// Compiles `specs`; an error names the rule whose pattern is bad.
    fn from_specs(specs: Vec<Spec>) -> Result<Self, (String, regex::Error)> {
        let regex = |s: &Spec, pattern: &str| {
            let compiled = Pattern::new(pattern);
            if !s.built_in {
                compiled.check().map_err(|e| (s.name.clone(), e))?;
            }
            Ok(compiled)
        };
        let mut words: Vec<String> = Vec::new();
        let mut lines = Vec::new();
        let (mut continuations, mut end_marks, mut leads) = (Vec::new(), Vec::new(), Vec::new());
        for s in specs.iter().filter(|s| !s.marker) {
            match s.kind {
                Kind::Furniture => {
                    let ids = s.needs.iter().map(|w| word_id(&mut words, w)).collect();
                    let (name, place, date) = (s.name.clone(), s.place, s.date);
                    lines.push(LineMatcher { name, place, date, regex: regex(s, &s.pattern)?, words: ids });
                }
                Kind::Continuation => continuations.push(ContinuationMatcher {
                    name: s.name.clone(),
                    direction: s.direction,
                    regex: regex(s, &s.pattern)?,
                }),
                Kind::EndMark => end_marks.push(MarkMatcher { name: s.name.clone(), regex: regex(s, &s.pattern)? }),
                Kind::Lead => leads.push(regex(s, &format!("^(?:{})", s.pattern))?),
            }
        }
        let markers: Vec<&Spec> = specs.iter().filter(|s| s.marker).collect();
        let alternatives = |of: &[&Spec]| match of {
            [] => NOTHING.to_owned(),
            _ => of.iter().map(|s| s.pattern.as_str()).collect::<Vec<_>>().join("|"),
        };
        let lead = format!(r"^(?:(?:{})(?:\s*{BYLINE})?|{BYLINE})", alternatives(&markers));
        let credits: Vec<&Spec> = markers.iter().copied().filter(|s| s.name == "credit").collect();
        leads.push(Pattern::new(&lead));
        let mut sorted: Vec<u32> = Vec::new();
        for line in &mut lines {
            sorted.clone_from(&line.words);
            sorted.sort_unstable();
            sorted.dedup();
            line.words.clone_from(&sorted);
        }
        let every_line = lines.iter().any(|r| r.place == Place::Anywhere && r.words.is_empty());
        Ok(RuleSet {
            every_line,
            lines,
            // A DFA: an overlapping search over every line of every page.
            words: AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&words)
                .expect("a few hundred literal words always build"),
            continuations,
            end_marks,
            leads,
            credit: Pattern::new(&format!("^(?:{})", alternatives(&credits))),
            dates: DATE_FORMS.iter().map(|f| Pattern::new(f)).collect(),
            specs,
        })
    }

    /// The built-in rules changed by those of a TOML rules file.
    pub fn with_file(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::RulesFile { path: path.to_owned(), source: e })?;
        let mut rules = RuleSet::builtin();
        rules.add_toml(&text, path)?;
        Ok(rules)
    }

    /// Adds the rules of a TOML document, replaces the built-in rules they
    /// are named like, and switches off those they say `enabled = false`
    /// of; `path` names the document in errors.
    pub fn add_toml(&mut self, text: &str, path: &Path) -> Result<(), Error> {
        let fault = |at: usize, message: String| Error::Rules {
            path: path.to_owned(),
            line: text[..at.min(text.len())].matches('\n').count() + 1,
            message,
        };
        let file: RulesFile =
            toml::from_str(text).map_err(|e| fault(e.span().map_or(0, |s| s.start), e.message().to_owned()))?;
        let mut specs = self.specs.clone();
        let (mut spans, mut added) = (Vec::new(), 0);
        for raw in file.rule {
            let at = raw.name.span().start;
            let name = raw.name.get_ref().clone();
            let known = specs.iter().position(|s| s.name == name);
            if !raw.enabled {
                if known.is_none() {
                    return Err(fault(at, format!("rule {name:?}: no rule of that name to switch off")));
                }
                specs.retain(|s| s.name != name);
                continue;
            }
            let (Some(kind), Some(pattern)) = (raw.kind, raw.pattern.or(raw.regex)) else {
                return Err(fault(at, format!("rule {name:?}: a rule needs a `kind` and a `pattern`")));
            };
            spans.push((name.clone(), pattern.span().start));
            let spec = Spec {
                name: name.clone(),
                kind,
                place: raw.place.unwrap_or(Place::Anywhere),
                pattern: pattern.into_inner(),
                needs: raw.needs,
                direction: raw.direction,
                date: raw.date,
                marker: false,
                built_in: false,
            };
            match known {
                Some(first) if specs[first].kind == kind => {
                    specs[first] = spec;
                    let mut seen = 0;
                    specs.retain(|s| {
                        seen += usize::from(s.name == name);
                        s.name != name || seen == 1
                    });
                }
                // Before the built-in rules: a paper's own rule is the surer.
                _ => {
                    specs.insert(added, spec);
                    added += 1;
                }
            }
        }
        *self = RuleSet::from_specs(specs).map_err(|(name, e)| {
            let at = spans.iter().rev().find(|(n, _)| *n == name).map_or(0, |(_, at)| *at);
            fault(at, format!("rule {name:?}: bad regex: {e}"))
        })?;
        Ok(())
    }

    /// The rules as text, every field of every rule in order: two rule
    /// sets clean alike when their fingerprints are equal (for one galley
    /// version, whose code and date forms are fixed).
    pub fn fingerprint(&self) -> String {
        format!("{:?}", self.specs)
    }

    /// The indexes of the prefilter words `text` holds, sorted, into `found`.
    pub fn words_in(&self, text: &str, found: &mut Vec<u32>) {
        found.clear();
        found.extend(self.words.find_overlapping_iter(text).map(|m| m.pattern().as_u32()));
        found.sort_unstable();
        found.dedup();
    }

    /// The prefilter words each of `texts` holds, as (text, word) index
    /// pairs, sorted. One search over all of them: most lines are short,
    /// and a search per line would cost more to start than to run.
    pub fn words_in_all<'t>(&self, texts: impl Iterator<Item = &'t str>) -> Vec<(u32, u32)> {
        let mut joined = String::new();
        let mut starts = Vec::new();
        for text in texts {
            starts.push(joined.len());
            joined.push_str(text);
            joined.push('\n');
        }
        let mut found: Vec<(u32, u32)> = self
            .words
            .find_overlapping_iter(&joined)
            .map(|m| {
                let line = starts.partition_point(|&s| s <= m.start()) - 1;
                (u32::try_from(line).expect("fewer than 2^32 lines"), m.pattern().as_u32())
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Whether some line rule needs no word and applies anywhere (a user's):
    /// then no line can be passed over for holding no rule's word.
    pub fn tries_every_line(&self) -> bool {
        self.every_line
    }

    /// The date `text` states, as an ISO date: its earliest date in any
    /// printed form.
    pub fn date_of(&self, text: &str) -> Option<String> {
        self.dates
            .iter()
            .filter_map(|form| form.captures(text))
            .filter_map(|caps| Some((caps.get(0)?.start(), iso_date(&caps)?)))
            .min_by_key(|(start, _)| *start)
            .map(|(_, iso)| iso)
    }

    /// Whether `text` is a credit line and nothing else (`By TOM BAKER
    /// Herald Staff Writer`, `本报记者 王明`); not a lead marker that the
    /// text goes on after (`本报讯（记者焦娟）` ⏎ `3月17日下午，…`). Rejoin
    /// asks this of a paragraph each time a line joins it; the length
    /// bound keeps the question cheap.
    pub fn is_credit(&self, text: &str) -> bool {
        text.len() <= MAX_CREDIT_BYTES && self.credit.is_match(text) && names_someone(text)
    }

    /// The lead marker (with its byline) that opens `text`, if any.
    pub fn lead<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.leads
            .iter()
            .find_map(|r| r.find(text))
            .filter(|m| !m.is_empty() && names_someone(m.as_str()))
            .map(|m| m.as_str())
    }
}

/// Whether a Latin credit line (`By …`, `Von …`, `Par …`, `Por …`) has the
/// shape of a name up to its first comma: no word in it that never stands
/// in a name, written with a capital (`By A Very Large Vote` is a deck).
/// Anything else is not such a credit and passes.
fn names_someone(text: &str) -> bool {
    let text = text.trim_start_matches(['*', '_']);
    let Some(rest) = ["By ", "Von ", "Par ", "Por "].iter().find_map(|p| text.strip_prefix(p)) else {
        return true;
    };
    let name = rest.split([',', '|']).next().unwrap_or("");
    !name.split_whitespace().map(|w| w.trim_matches(['*', '_'])).any(|word| {
        word.chars().next().is_some_and(char::is_uppercase) && NOT_NAME_WORDS.contains(&word.to_lowercase().as_str())
    })
}

/// The index of prefilter word `word`, added to `words` if new.
fn word_id(words: &mut Vec<String>, word: &str) -> u32 {
    let at = words.iter().position(|w| w.eq_ignore_ascii_case(word)).unwrap_or_else(|| {
        words.push(word.to_owned());
        words.len() - 1
    });
    u32::try_from(at).expect("fewer than 2^32 words")
}

/// The ISO date of a date form's match, with groups `y` (or `roc`), `m`
/// (or `mon`) and `d`.
fn iso_date(caps: &regex::Captures<'_>) -> Option<String> {
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = number("y").or_else(|| number("roc").map(|roc| roc + 1911))?;
    let mut month = match caps.name("mon") {
        Some(name) => crate::furniture::vocab::month_number(name.as_str())?,
        None => number("m")?,
    };
    let mut day = number("d")?;
    // `7/3/2024` is July 3 in an American paper; `16/10/2021` can only be
    // 16 October.
    if month > 12 && day <= 12 {
        std::mem::swap(&mut month, &mut day);
    }
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<RawRule>,
}

/// A rules file's entry: the fields of a built-in row, all but `name`
/// optional (a rule that is switched off needs no pattern).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: toml::Spanned<String>,
    kind: Option<Kind>,
    place: Option<Place>,
    pattern: Option<toml::Spanned<String>>,
    /// The pattern's former field name, still read.
    regex: Option<toml::Spanned<String>>,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default = "default_direction")]
    direction: Direction,
    #[serde(default)]
    date: bool,
    #[serde(default = "default_enabled")]
    enabled: bool,
}

fn default_direction() -> Direction {
    Direction::To
}

fn default_enabled() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_leads_take_the_bracketed_byline() {
        let rules = RuleSet::builtin();
        assert_eq!(rules.lead("本报讯（记者焦娟、郭嘉莉）3月17日下午"), Some("本报讯（记者焦娟、郭嘉莉）"));
        assert_eq!(rules.lead("新华社北京3月17日电 中共中央"), Some("新华社北京3月17日电"));
        assert_eq!(rules.lead("又讯（郑报全媒体记者 张昕）3月17日"), Some("又讯（郑报全媒体记者 张昕）"));
        assert_eq!(rules.lead("WASHINGTON, March 14.—The House"), Some("WASHINGTON, March 14.—"));
        assert_eq!(rules.lead("本報訊（記者王小明）台北"), Some("本報訊（記者王小明）"));
        assert_eq!(rules.lead("会议强调，要继续集中力量"), None);
    }

    #[test]
    fn a_rules_file_adds_furniture_and_leads() {
        let mut rules = RuleSet::builtin();
        let toml = "[[rule]]\nname = \"gazette\"\nkind = \"furniture\"\nregex = '^THE GAZETTE'\n\n\
                    [[rule]]\nname = \"wire\"\nkind = \"lead\"\nregex = 'WIRE:'\n";
        rules.add_toml(toml, Path::new("r.toml")).expect("valid rules");
        assert_eq!(rules.lines.first().map(|r| r.name.as_str()), Some("gazette"));
        assert_eq!(rules.lead("WIRE: news"), Some("WIRE:"));
        assert_eq!(rules.lead("news WIRE:"), None);
    }

    fn toml(text: &str) -> Result<RuleSet, Error> {
        let mut rules = RuleSet::builtin();
        rules.add_toml(text, Path::new("r.toml")).map(|()| rules)
    }

    #[test]
    fn a_built_in_rule_is_switched_off_by_name() {
        let rules = toml("[[rule]]\nname = \"photo-credit\"\nenabled = false\n").expect("valid rules");
        assert!(rules.lines.iter().all(|r| r.name != "photo-credit"));
        assert!(rules.lines.iter().any(|r| r.name == "page-header"));
        let rules = toml("[[rule]]\nname = \"editor-code\"\nenabled = false\n").expect("valid rules");
        assert!(rules.end_marks.iter().all(|r| r.name != "editor-code"));
        let rules = toml("[[rule]]\nname = \"credit\"\nenabled = false\n").expect("valid rules");
        assert!(!rules.is_credit("本报记者 王明"));
        assert_eq!(rules.lead("本报讯（记者焦娟）3月17日"), Some("本报讯（记者焦娟）"));
    }

    #[test]
    fn switching_off_a_rule_that_does_not_exist_names_its_line() {
        match toml("\n[[rule]]\nname = \"photo-credits\"\nenabled = false\n") {
            Err(Error::Rules { line, message, .. }) => {
                assert_eq!(line, 3);
                assert!(message.contains("photo-credits"), "{message}");
            }
            other => panic!("expected a rules error, got {other:?}"),
        }
    }

    #[test]
    fn a_rule_named_like_a_built_in_one_takes_its_place() {
        let rules =
            toml("[[rule]]\nname = \"page-number\"\nkind = \"furniture\"\nplace = \"edge\"\npattern = '^~ \\d+ ~$'\n")
                .expect("valid rules");
        let numbers: Vec<&LineMatcher> = rules.lines.iter().filter(|r| r.name == "page-number").collect();
        assert_eq!(numbers.len(), 1);
        assert!(numbers[0].regex.is_match("~ 12 ~") && !numbers[0].regex.is_match("- 12 -"));
        assert_eq!(numbers[0].place, Place::Edge);
    }

    #[test]
    fn a_user_rule_has_the_fields_of_a_built_in_row() {
        let text = "[[rule]]\nname = \"gazette-date\"\nkind = \"furniture\"\nplace = \"head\"\n\
                    pattern = '(?x) ^ GAZETTE \\s+ {date} $'\nneeds = [\"gazette\"]\ndate = true\n\n\
                    [[rule]]\nname = \"ende\"\nkind = \"end-mark\"\npattern = '(?P<mark>\\[ENDE\\])$'\n\n\
                    [[rule]]\nname = \"jump\"\nkind = \"continuation\"\ndirection = \"from\"\nregex = '^\\(von S\\. (?P<page>\\d+)\\)'\n";
        let rules = toml(text).expect("valid rules");
        let gazette = rules.lines.iter().find(|r| r.name == "gazette-date").expect("the user rule");
        assert_eq!((gazette.place, gazette.date), (Place::Head, true));
        assert!(gazette.regex.is_match("GAZETTE March 3, 2024"));
        let mut found = Vec::new();
        rules.words_in("The Gazette", &mut found);
        assert!(gazette.may_match(&found));
        rules.words_in("The Times", &mut found);
        assert!(!gazette.may_match(&found));
        assert_eq!(rules.date_of("GAZETTE March 3, 2024").as_deref(), Some("2024-03-03"));
        assert!(rules.end_marks.iter().any(|r| r.name == "ende" && r.regex.is_match("Schluss. [ENDE]")));
        assert!(rules.continuations.iter().any(|r| r.name == "jump" && r.direction == Direction::From));
    }

    #[test]
    fn a_new_rule_needs_a_kind_and_a_pattern() {
        for text in ["[[rule]]\nname = \"x\"\nkind = \"furniture\"\n", "[[rule]]\nname = \"x\"\npattern = 'a'\n"] {
            assert!(matches!(toml(text), Err(Error::Rules { line: 2, .. })), "{text}");
        }
        assert!(matches!(
            toml("[[rule]]\nname = \"x\"\nkind = \"furniture\"\nplace = \"middle\"\npattern = 'a'\n"),
            Err(Error::Rules { line: 4, .. })
        ));
    }

    #[test]
    fn every_built_in_pattern_compiles() {
        let rules = RuleSet::builtin();
        let patterns = (rules.lines.iter().map(|r| &r.regex))
            .chain(rules.continuations.iter().map(|r| &r.regex))
            .chain(rules.end_marks.iter().map(|r| &r.regex))
            .chain(&rules.leads)
            .chain(&rules.dates)
            .chain([&rules.credit]);
        for pattern in patterns {
            pattern.check().unwrap_or_else(|e| panic!("{pattern:?}: {e}"));
        }
    }

    #[test]
    fn a_pattern_is_compiled_once_for_all_its_clones() {
        let pattern = Pattern::new("a+");
        let clone = pattern.clone();
        assert!(clone.is_match("caab"));
        assert!(pattern.compiled.get().is_some());
    }

    #[test]
    fn every_rule_that_may_match_anywhere_needs_words() {
        // Most lines are body text: a rule tried on every line would cost
        // every line a regex search (see furniture::tables).
        for rule in crate::furniture::tables::RULES {
            if rule.kind == Kind::Furniture && rule.place == Place::Anywhere {
                assert!(!rule.needs.is_empty(), "{} needs words", rule.name);
            }
        }
    }

    #[test]
    fn dates_are_read_in_every_printed_form() {
        let rules = RuleSet::builtin();
        for (text, iso) in [
            ("晨报 2021年12月6日 星期一", "2021-12-06"),
            ("2021-12-14 16:43:32 来源:焦作市人民政府", "2021-12-14"),
            ("Nordkurier · 16.10.2021 · Seite 3", "2021-10-16"),
            ("Updated: 7/3/2024 15:18", "2024-07-03"),
            ("Aktualisiert 16/10/2021", "2021-10-16"),
            ("Fri., Jul. 21, 2023", "2023-07-21"),
            ("Dienstag, 5. März 2024", "2024-03-05"),
            ("中華民國112年5月4日 星期四", "2023-05-04"),
        ] {
            assert_eq!(rules.date_of(text).as_deref(), Some(iso), "{text}");
        }
        assert_eq!(rules.date_of("第3版"), None);
    }

    #[test]
    fn a_bad_regex_names_its_line() {
        let mut rules = RuleSet::builtin();
        let toml = "[[rule]]\nname = \"x\"\nkind = \"furniture\"\nregex = '(unclosed'\n";
        match rules.add_toml(toml, Path::new("r.toml")) {
            Err(Error::Rules { line, message, .. }) => {
                assert_eq!(line, 4);
                assert!(message.contains("bad regex"), "{message}");
            }
            other => panic!("expected a rules error, got {other:?}"),
        }
    }

    #[test]
    fn a_bad_kind_names_its_line() {
        let mut rules = RuleSet::builtin();
        let toml = "[[rule]]\nname = \"x\"\nkind = \"nonsense\"\nregex = 'a'\n";
        assert!(matches!(rules.add_toml(toml, Path::new("r.toml")), Err(Error::Rules { line: 3, .. })));
    }

    #[test]
    fn latin_datelines_and_credit_lines_are_leads() {
        let rules = RuleSet::builtin();
        assert_eq!(rules.lead("SPRINGFIELD — A late winter storm"), Some("SPRINGFIELD — "));
        assert_eq!(rules.lead("NEW YORK (AP) — Stocks fell"), Some("NEW YORK (AP) — "));
        assert_eq!(rules.lead("AUSTIN, Texas — The governor"), Some("AUSTIN, Texas — "));
        assert_eq!(rules.lead("LONDON (Reuters) - Shares rose"), Some("LONDON (Reuters) - "));
        assert_eq!(rules.lead("By TOM BAKER Herald Staff Writer"), Some("By TOM BAKER Herald Staff Writer"));
        assert_eq!(
            rules.lead("By Jane Doe and John Roe, The Associated Press"),
            Some("By Jane Doe and John Roe, The Associated Press")
        );
        assert_eq!(rules.lead("Von Hans Müller"), Some("Von Hans Müller"));
        // A sentence that opens with `By`, and a capitals headline line.
        assert_eq!(rules.lead("By March, the council had voted."), None);
        assert_eq!(rules.lead("BY CARRANZA TROOPS"), None);
        assert_eq!(rules.lead("NASA-funded work goes on"), None);
        assert!(rules.is_credit("Daniel Okafor, Staff Writer"));
    }

    #[test]
    fn a_credit_line_needs_a_name() {
        let rules = RuleSet::builtin();
        for deck in [
            "By A Very Large Vote",
            "By An Overwhelming Margin",
            "By Order Of The Court",
            "By Land And Sea",
            "BY A LARGE MAJORITY",
            "Von Einer Mehrheit Getragen",
        ] {
            assert!(!rules.is_credit(deck), "{deck}");
            assert_eq!(rules.lead(deck), None, "{deck}");
        }
        for credit in [
            "By TOM BAKER",
            "By J. A. Smith",
            "By Li Wei",
            "By Jane Doe and John Roe, The Associated Press",
            "By the Associated Press",
            "Von Hans Müller",
            "Par Marine Le Pen",
            "*By Jane Doe* | March 3, 2024",
        ] {
            assert!(rules.is_credit(credit), "{credit}");
            assert_eq!(rules.lead(credit), Some(credit), "{credit}");
        }
    }

    #[test]
    fn a_chinese_credit_line_with_padded_names_and_several_roles() {
        let rules = RuleSet::builtin();
        // Print pads a two-character name to three with a space.
        for credit in [
            "本报记者 王明",
            "本报记者 陈 静",
            "本报通讯员 陈\u{3000}静 本报记者 吴建国",
            "■本报记者 刘 洋 李建华",
            "新华社记者 孙一鸣 赵 蕾",
            "作者：林 晓",
            // Any paper's reporters, and reporters without a paper.
            "经济日报记者 王明 李华",
            "光明日报记者 周 洁",
            "江城晚报见习记者 刘晓",
            "本报驻京记者 赵刚",
            "本报见习记者 刘晓",
            "记者 王明 通讯员 李华",
            "□记者 王 明",
            "通讯员：张小兵",
        ] {
            assert!(rules.is_credit(credit), "{credit}");
            assert_eq!(rules.lead(credit), Some(credit), "{credit}");
        }
        // A sentence that names a reporter, or a column line that opens with
        // one, is no credit line; nor is a box label.
        for text in [
            "本报记者 陈 静在现场看到，",
            "本报记者昨日走访了多个社区。",
            "本报记者从农业农村部了解到当前",
            "记者从农业农村部了解到当前南方",
            "记者手记",
            "记者观察",
        ] {
            assert!(!rules.is_credit(text), "{text}");
        }
    }

    #[test]
    fn a_paragraph_longer_than_a_credit_line_is_no_credit() {
        let rules = RuleSet::builtin();
        assert!(rules.is_credit("By Tom Baker and Jane Doe"));
        assert!(!rules.is_credit(&format!("By Tom Baker{}", " and Jane Doe".repeat(30))));
    }

    #[test]
    fn chinese_credit_lines_and_reporter_leads() {
        let rules = RuleSet::builtin();
        assert_eq!(rules.lead("本报郑州3月4日电（记者 李华）今天"), Some("本报郑州3月4日电（记者 李华）"));
        assert_eq!(rules.lead("记者 张三 报道 3月4日上午"), Some("记者 张三 报道"));
        assert_eq!(rules.lead("【明報專訊】特區政府"), Some("【明報專訊】"));
        assert_eq!(rules.lead("（星島日報報道）特區政府"), Some("（星島日報報道）"));
        for credit in ["本报记者 王明", "■本报记者 刘洋", "新华社记者 孙一鸣 赵蕾", "■ 本报评论员"]
        {
            assert!(rules.is_credit(credit), "{credit}");
        }
        // A lead the text goes on after is no credit line; nor is a sentence.
        assert!(!rules.is_credit("本报讯（记者焦娟、郭嘉莉）"));
        assert!(!rules.is_credit("本报记者近日走访了多家企业。"));
        assert_eq!(rules.lead("记者从市园林局获悉，今年花展"), None);
    }
}
