//! `galley explain FILE`: every decision made on one page dump.
//!
//! Input: a decoded file. Output: a readable report, page by page, of the
//! trace the stages noted while cleaning it (the same code `clean` runs,
//! with the trace on), then the items, removals and orphans it yielded.
//! The file is its own batch, as when it is cleaned alone, unless the
//! caller gives the facts of the batch it is cleaned in.

use std::fmt::Write;

use crate::clean::{clean_page, page_facts};
use crate::config::CleanOptions;
use crate::context::{BatchContext, Facts};
use crate::decode::pages;
use crate::model::Decoded;
use crate::trace::Trace;

/// Characters of a body shown at each end of an item.
const GLIMPSE: usize = 24;

fn glimpse(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 2 * GLIMPSE {
        return text.to_owned();
    }
    let head: String = chars[..GLIMPSE].iter().collect();
    let tail: String = chars[chars.len() - GLIMPSE..].iter().collect();
    format!("{head} … {tail}")
}

/// The facts of a file cleaned alone: it is its own batch.
pub fn own_context(decoded: &Decoded, options: &CleanOptions) -> BatchContext {
    pages(decoded)
        .into_iter()
        .fold(Facts::default(), |facts, page| facts.with_page(page_facts(page, options)))
        .into_context()
}

/// The report for one decoded file named `name`, cleaned with the facts
/// of its batch `ctx` ([`own_context`] when it is cleaned alone).
pub fn explain(name: &str, decoded: &Decoded, ctx: &BatchContext, options: &CleanOptions) -> String {
    let mut out = String::new();
    for page in pages(decoded) {
        let mut trace = Trace::on();
        let result = clean_page(page, ctx, options, &mut trace);
        let _ = writeln!(
            out,
            "== {name}, page {} ({}, {} malformed)",
            page.number,
            decoded.encoding.name(),
            page.malformed
        );
        for note in trace.notes() {
            let _ = writeln!(out, "  {note}");
        }
        let _ = writeln!(out, "-- {} items", result.items.len());
        for (i, item) in result.items.iter().enumerate() {
            let _ = writeln!(out, "[{}] {:?}", i + 1, item.kind);
            for (field, value) in [
                ("kicker", &item.kicker),
                ("title", &item.title),
                ("subtitle", &item.subtitle),
                ("byline", &item.byline),
                ("date", &item.date),
                ("continued_to", &item.continued_to),
                ("continued_from", &item.continued_from),
            ] {
                if let Some(value) = value {
                    let _ = writeln!(out, "    {field}: {value}");
                }
            }
            for (k, paragraph) in item.body.iter().enumerate() {
                let _ = writeln!(out, "    ¶{}: {}", k + 1, glimpse(paragraph));
            }
        }
        for removal in &result.removed {
            let _ = writeln!(out, "-- removed ({}): {}", removal.rule, removal.text);
        }
        for orphan in &result.orphans {
            let _ = writeln!(out, "-- orphan: {orphan}");
        }
        for warning in &result.warnings {
            let _ = writeln!(out, "-- warning: {warning}");
        }
    }
    out
}
