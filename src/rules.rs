//! The compiled rule set: the built-in tables plus the user's `--rules` file.
//!
//! Input: the tables of `furniture::tables` and `segment::tables`, and
//! optionally a TOML file of extra patterns. Output: a [`RuleSet`] of
//! compiled regexes that the stages share read-only. A rules file lists
//! rules as
//!
//! ```toml
//! [[rule]]
//! name = "gazette-header"        # recorded in pages.jsonl `removed`
//! kind = "furniture"             # furniture | continuation | lead
//! regex = '^THE ANYTOWN GAZETTE'
//! ```
//!
//! A `furniture` rule removes every line it matches; a `continuation` rule
//! removes its match at a paragraph's end (or start, with
//! `direction = "from"`) and takes the group `page` (else the whole match)
//! as the page reference; a `lead` rule opens an article where it matches
//! at a paragraph's start, and its match becomes the byline.

use std::path::Path;

use regex::Regex;
use serde::Deserialize;

use crate::error::Error;
use crate::furniture::tables::{
    CJK_PAGE, CONTINUATION_RULES, Direction, EDITOR_CODE, END_MARK, LATIN_PAGE, LINE_RULES, Place,
};
use crate::segment::tables::{BYLINE, LEAD_MARKERS, MAX_CREDIT_BYTES, NOT_NAME_WORDS};

/// A compiled whole-line furniture rule.
#[derive(Clone, Debug)]
pub struct LineMatcher {
    /// The rule name recorded in `removed`.
    pub name: String,
    /// Where on the page it applies.
    pub place: Place,
    /// Words one of which a line must hold, ASCII letters in either case,
    /// for the pattern to be tried.
    pub needs: &'static [&'static str],
    /// The compiled pattern.
    pub regex: Regex,
}

impl LineMatcher {
    /// Whether the rule may match a line at all: it needs no word, or the
    /// line holds one of its words (`found`: the words of all rules the line
    /// holds, as [`RuleSet::line_words`] finds them).
    pub fn may_match(&self, found: &[&str]) -> bool {
        self.needs.is_empty() || found.iter().any(|f| self.needs.iter().any(|w| f.eq_ignore_ascii_case(w)))
    }
}

/// A word with its first letter in capitals.
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A compiled continuation-note rule.
#[derive(Clone, Debug)]
pub struct ContinuationMatcher {
    /// The rule name recorded in `removed`.
    pub name: String,
    /// Which way the note points.
    pub direction: Direction,
    /// The compiled pattern.
    pub regex: Regex,
}

/// Every pattern the stages apply, compiled once per run.
#[derive(Clone, Debug)]
pub struct RuleSet {
    /// Whole-line furniture, built-in then user rules.
    pub lines: Vec<LineMatcher>,
    /// Any word a built-in line rule needs: a line without one is tried
    /// against user rules only (one literal search instead of many).
    pub line_words: Regex,
    /// Continuation notes, built-in then user rules.
    pub continuations: Vec<ContinuationMatcher>,
    /// Lead markers anchored at a paragraph's start, built-in then user rules.
    pub leads: Vec<Regex>,
    /// A whole credit line: the built-in `credit` lead markers.
    pub credit: Regex,
    /// An editor code at a paragraph's end.
    pub editor_code: Regex,
    /// An end mark (`（完）`, `(责任编辑:…)`) at a paragraph's end.
    pub end_mark: Regex,
}

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet::builtin()
    }
}

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in patterns are valid")
}

impl RuleSet {
    /// The built-in rules only.
    pub fn builtin() -> Self {
        let lines: Vec<LineMatcher> = LINE_RULES
            .iter()
            .map(|r| LineMatcher { name: r.name.to_owned(), place: r.place, needs: r.needs, regex: compile(r.pattern) })
            .collect();
        let continuations = CONTINUATION_RULES
            .iter()
            .map(|r| ContinuationMatcher {
                name: "continuation".to_owned(),
                direction: r.direction,
                regex: compile(&r.pattern.replace("{page}", CJK_PAGE).replace("{latin_page}", LATIN_PAGE)),
            })
            .collect();
        let markers: Vec<&str> = LEAD_MARKERS.iter().map(|(_, p)| *p).collect();
        let lead = format!(r"^(?:(?:{})(?:\s*{BYLINE})?|{BYLINE})", markers.join("|"));
        let credits: Vec<&str> = LEAD_MARKERS.iter().filter(|(name, _)| *name == "credit").map(|(_, p)| *p).collect();
        // Each word as written, capitalized and in capitals: literals keep the
        // search fast where a case-insensitive pattern would not.
        let words: Vec<String> = LINE_RULES
            .iter()
            .flat_map(|r| r.needs.iter())
            .flat_map(|w| [w.to_string(), capitalized(w), w.to_uppercase()])
            .map(|w| regex::escape(&w))
            .collect();
        let words = words.join("|");
        RuleSet {
            line_words: compile(&words),
            lines,
            continuations,
            leads: vec![compile(&lead)],
            credit: compile(&format!("^(?:{})", credits.join("|"))),
            editor_code: compile(EDITOR_CODE),
            end_mark: compile(END_MARK),
        }
    }

    /// The built-in rules plus those of a TOML rules file.
    pub fn with_file(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::RulesFile { path: path.to_owned(), source: e })?;
        let mut rules = RuleSet::builtin();
        rules.add_toml(&text, path)?;
        Ok(rules)
    }

    /// Adds the rules of a TOML document; `path` names it in errors.
    pub fn add_toml(&mut self, text: &str, path: &Path) -> Result<(), Error> {
        let fault = |at: usize, message: String| Error::Rules {
            path: path.to_owned(),
            line: text[..at.min(text.len())].matches('\n').count() + 1,
            message,
        };
        let file: RulesFile =
            toml::from_str(text).map_err(|e| fault(e.span().map_or(0, |s| s.start), e.message().to_owned()))?;
        for rule in file.rule {
            let at = rule.regex.span().start;
            let anchored = match rule.kind {
                Kind::Lead => format!("^(?:{})", rule.regex.get_ref()),
                _ => rule.regex.get_ref().clone(),
            };
            let regex =
                Regex::new(&anchored).map_err(|e| fault(at, format!("rule {:?}: bad regex: {e}", rule.name)))?;
            match rule.kind {
                Kind::Furniture => {
                    self.lines.push(LineMatcher { name: rule.name, place: Place::Anywhere, needs: &[], regex })
                }
                Kind::Continuation => {
                    self.continuations.push(ContinuationMatcher { name: rule.name, direction: rule.direction, regex })
                }
                Kind::Lead => self.leads.push(regex),
            }
        }
        Ok(())
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: String,
    kind: Kind,
    regex: toml::Spanned<String>,
    #[serde(default = "default_direction")]
    direction: Direction,
}

fn default_direction() -> Direction {
    Direction::To
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Furniture,
    Continuation,
    Lead,
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
        assert_eq!(rules.lines.last().map(|r| r.name.as_str()), Some("gazette"));
        assert_eq!(rules.lead("WIRE: news"), Some("WIRE:"));
        assert_eq!(rules.lead("news WIRE:"), None);
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
