//! The report's HTML: sections in the order a reviewer asks their
//! questions (how much, what was removed, what went wrong, what the pages
//! hold, what changed), with inline CSS, a few lines of script to filter
//! the pages, and SVG bar charts. Nothing is fetched.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::{ItemView, Output, PageView};

/// Examples of each rule's removals shown.
const EXAMPLES: usize = 3;

/// Article lengths (characters of body text) charted, as bucket floors.
const LENGTH_BUCKETS: [usize; 8] = [0, 100, 200, 500, 1000, 2000, 5000, 10000];

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:0 16px;color:#222}
h1{margin:16px 0 4px}h2{border-bottom:2px solid #ddd;padding-bottom:2px;margin-top:28px}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:#f4f6f8;border-radius:6px;padding:8px 14px}
.card b{display:block;font-size:22px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#fafafa}.num{text-align:right}.charts{display:flex;flex-wrap:wrap;gap:24px}
details{border:1px solid #e4e4e4;border-radius:4px;margin:4px 0;padding:2px 8px}
summary{cursor:pointer}article{border-left:3px solid #8ab;margin:8px 0;padding:0 10px}
.kicker,.subtitle{color:#556}.byline{color:#777;font-size:12px}.warn{color:#a40}
.removed{color:#888;font-size:12px}.added{color:#060}.gone{color:#a00}code{background:#f4f4f4}
svg text{font:10px system-ui,sans-serif}";

const SCRIPT: &str = "document.getElementById('filter').addEventListener('input',function(e){
var q=e.target.value.toLowerCase();document.querySelectorAll('#pages details').forEach(function(d){
d.style.display=d.dataset.source.toLowerCase().indexOf(q)<0?'none':''})})";

/// Text made safe to put in an HTML element or a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The whole page.
pub(super) fn render(name: &str, output: &Output, old: Option<&Output>) -> String {
    let mut html = String::new();
    let title = format!("galley report: {}", escape(name));
    let _ = write!(html, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    let _ = write!(html, "<title>{title}</title><style>{STYLE}</style></head><body>\n<h1>{title}</h1>\n");
    run_line(&mut html, output);
    totals(&mut html, output);
    charts(&mut html, output);
    rules(&mut html, &output.pages);
    warnings(&mut html, &output.pages);
    orphans(&mut html, &output.pages);
    if let Some(old) = old {
        changes(&mut html, output, old);
    }
    pages(&mut html, output);
    let _ = write!(html, "<script>{SCRIPT}</script>\n</body></html>\n");
    html
}

/// What `run.json` says of the run that made the output.
fn run_line(html: &mut String, output: &Output) {
    let Some(run) = &output.run else { return };
    let field = |name: &str| run.get(name).map(|v| v.to_string().trim_matches('"').to_owned()).unwrap_or_default();
    let started = run.get("started").and_then(serde_json::Value::as_u64).map(utc).unwrap_or_default();
    let seconds = run.get("seconds").and_then(serde_json::Value::as_f64).unwrap_or_default();
    let _ = writeln!(
        html,
        "<p id=\"run\">galley {} &middot; started {} UTC &middot; {seconds:.2} s &middot; {} of {} files re-cleaned</p>",
        escape(&field("galley")),
        started,
        escape(&field("recleaned")),
        escape(&field("files")),
    );
}

/// Seconds since 1970 as `YYYY-MM-DD HH:MM:SS` (the civil calendar, by
/// Howard Hinnant's days-from-civil inverse).
fn utc(seconds: u64) -> String {
    let (days, rest) = ((seconds / 86_400) as i64, seconds % 86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}", rest / 3600, rest / 60 % 60, rest % 60)
}

/// The figures of the whole output.
fn totals(html: &mut String, output: &Output) {
    let kinds = |kind: &str| output.items.iter().filter(|i| i.kind == kind).count();
    let figures = [
        ("pages", output.pages.len()),
        ("items", output.items.len()),
        ("articles", kinds("article")),
        ("briefs", kinds("brief")),
        ("notices", kinds("notice")),
        ("furniture removed", output.pages.iter().map(|p| p.removed.len()).sum()),
        ("orphans", output.pages.iter().map(|p| p.orphans.len()).sum()),
        ("pages with warnings", output.pages.iter().filter(|p| !p.warnings.is_empty()).count()),
    ];
    html.push_str("<div class=\"cards\" id=\"totals\">");
    for (label, n) in figures {
        let _ = write!(html, "<div class=\"card\"><b>{n}</b>{label}</div>");
    }
    html.push_str("</div>\n");
}

/// Items per page and article lengths, as bar charts.
fn charts(html: &mut String, output: &Output) {
    let most = output.pages.iter().map(|p| p.items).max().unwrap_or(0);
    let per_page: Vec<(String, usize)> =
        (0..=most).map(|n| (n.to_string(), output.pages.iter().filter(|p| p.items == n).count())).collect();
    let lengths: Vec<(String, usize)> = LENGTH_BUCKETS
        .iter()
        .enumerate()
        .map(|(k, &floor)| {
            let ceiling = LENGTH_BUCKETS.get(k + 1).copied().unwrap_or(usize::MAX);
            let label = if ceiling == usize::MAX { format!("{floor}+") } else { format!("{floor}\u{2013}") };
            let count = output.items.iter().filter(|i| i.kind == "article" && (floor..ceiling).contains(&i.chars));
            (label, count.count())
        })
        .collect();
    html.push_str("<h2>Distributions</h2><div class=\"charts\">");
    bar_chart(html, "items-per-page", "pages by items per page", &per_page);
    bar_chart(html, "article-lengths", "articles by length (characters)", &lengths);
    html.push_str("</div>\n");
}

/// One SVG bar chart of labelled counts.
fn bar_chart(html: &mut String, id: &str, caption: &str, bars: &[(String, usize)]) {
    const HEIGHT: usize = 120;
    let width = (bars.len() * 34).max(200);
    let most = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let _ = write!(html, "<figure><svg id=\"{id}\" width=\"{width}\" height=\"{}\" role=\"img\">", HEIGHT + 30);
    for (k, (label, count)) in bars.iter().enumerate() {
        let h = count * HEIGHT / most;
        let x = k * 34 + 2;
        let _ = write!(
            html,
            "<rect x=\"{x}\" y=\"{}\" width=\"30\" height=\"{h}\" fill=\"#58a\"><title>{}: {count}</title></rect>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{count}</text>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            HEIGHT + 12 - h,
            escape(label),
            x + 15,
            HEIGHT + 10 - h,
            x + 15,
            HEIGHT + 26,
            escape(label),
        );
    }
    let _ = write!(html, "</svg><figcaption>{}</figcaption></figure>", escape(caption));
}

/// What one rule removed: how many pieces, on which pages, examples.
#[derive(Default)]
struct RuleCount<'a> {
    pieces: usize,
    pages: BTreeSet<(&'a str, usize)>,
    examples: Vec<&'a str>,
}

/// Furniture removed per rule, with examples.
fn rules(html: &mut String, pages: &[PageView]) {
    let mut by_rule: BTreeMap<&str, RuleCount> = BTreeMap::new();
    for page in pages {
        for piece in &page.removed {
            let rule = by_rule.entry(&piece.rule).or_default();
            rule.pieces += 1;
            rule.pages.insert((&page.source, page.page));
            if rule.examples.len() < EXAMPLES && !rule.examples.contains(&piece.text.as_str()) {
                rule.examples.push(&piece.text);
            }
        }
    }
    html.push_str("<h2>Furniture removed, by rule</h2><table id=\"rules\"><tr><th>rule</th>");
    html.push_str("<th class=\"num\">pieces</th><th class=\"num\">pages</th><th>examples</th></tr>\n");
    for (name, rule) in by_rule {
        let examples: Vec<String> = rule.examples.iter().map(|e| format!("<code>{}</code>", escape(e))).collect();
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(name),
            rule.pieces,
            rule.pages.len(),
            examples.join(" &middot; ")
        );
    }
    html.push_str("</table>\n");
}

/// Pages with warnings, each warning on its own line.
fn warnings(html: &mut String, pages: &[PageView]) {
    html.push_str("<h2>Pages with warnings</h2><ul id=\"warnings\">");
    for page in pages.iter().filter(|p| !p.warnings.is_empty()) {
        for warning in &page.warnings {
            let _ = write!(html, "<li>{} <span class=\"warn\">{}</span></li>", page_name(page), escape(warning));
        }
    }
    none_if(html, pages.iter().all(|p| p.warnings.is_empty()));
    html.push_str("</ul>\n");
}

/// Headlines whose body is not on their page.
fn orphans(html: &mut String, pages: &[PageView]) {
    html.push_str("<h2>Orphans</h2><ul id=\"orphans\">");
    for page in pages {
        for orphan in &page.orphans {
            let _ = write!(html, "<li>{} {}</li>", page_name(page), escape(orphan));
        }
    }
    none_if(html, pages.iter().all(|p| p.orphans.is_empty()));
    html.push_str("</ul>\n");
}

/// Says so when a list is empty, rather than leaving a bare heading.
fn none_if(html: &mut String, empty: bool) {
    if empty {
        html.push_str("<li>none</li>");
    }
}

fn page_name(page: &PageView) -> String {
    format!("<b>{}</b>#{}", escape(&page.source), page.page)
}

/// What changed since the older output: pages and items added, gone or
/// changed (by their text or their headline), one list entry each.
fn changes(html: &mut String, output: &Output, old: &Output) {
    let pages =
        |o: &Output| -> BTreeSet<(String, usize)> { o.pages.iter().map(|p| (p.source.clone(), p.page)).collect() };
    let (new_pages, old_pages) = (pages(output), pages(old));
    let items =
        |o: &Output| -> BTreeMap<String, ItemView> { o.items.iter().map(|i| (i.id.clone(), i.clone())).collect() };
    let (new_items, old_items) = (items(output), items(old));
    let mut entries = Vec::new();
    for (source, page) in new_pages.difference(&old_pages) {
        entries.push(format!("<li class=\"added\">page added: <b>{}</b>#{page}</li>", escape(source)));
    }
    for (source, page) in old_pages.difference(&new_pages) {
        entries.push(format!("<li class=\"gone\">page gone: <b>{}</b>#{page}</li>", escape(source)));
    }
    for (id, item) in &new_items {
        match old_items.get(id) {
            None => entries.push(change("added", "item added", item)),
            Some(before) if before.text != item.text || before.title != item.title => {
                entries.push(change("", "item changed", item));
                entries.push(format!("<li class=\"gone\">before: {}</li>", headline(before)));
            }
            Some(_) => {}
        }
    }
    for item in old_items.values().filter(|i| !new_items.contains_key(&i.id)) {
        entries.push(change("gone", "item gone", item));
    }
    html.push_str("<h2>Changes since the older output</h2><ul id=\"changes\">");
    html.push_str(&entries.concat());
    none_if(html, entries.is_empty());
    html.push_str("</ul>\n");
}

fn change(class: &str, what: &str, item: &ItemView) -> String {
    format!("<li class=\"{class}\">{what}: <code>{}</code> {}</li>", escape(&item.id), headline(item))
}

/// An item's title (or its first words) and length.
fn headline(item: &ItemView) -> String {
    let text = item.text.as_deref().unwrap_or_default();
    let title = item.title.clone().unwrap_or_else(|| text.chars().take(40).collect());
    format!("{} ({} characters)", escape(&title), item.chars)
}

/// Every page, folded, with its figures, its articles and what was removed.
fn pages(html: &mut String, output: &Output) {
    let by_page = output.items_by_page();
    html.push_str("<h2>Pages</h2><p><input id=\"filter\" placeholder=\"filter by source\"></p><div id=\"pages\">\n");
    for page in &output.pages {
        let _ = write!(
            html,
            "<details data-source=\"{}\"><summary>{} &mdash; {} items, {} removed, {} orphans, {} warnings</summary>",
            escape(&page.source),
            page_name(page),
            page.items,
            page.removed.len(),
            page.orphans.len(),
            page.warnings.len()
        );
        for item in by_page.get(&(page.source.as_str(), page.page)).into_iter().flatten() {
            article(html, item);
        }
        for piece in &page.removed {
            let _ =
                write!(html, "<div class=\"removed\">removed ({}): {}</div>", escape(&piece.rule), escape(&piece.text));
        }
        html.push_str("</details>\n");
    }
    html.push_str("</div>\n");
}

/// One item: its headline lines, byline and paragraphs.
fn article(html: &mut String, item: &ItemView) {
    let _ = write!(
        html,
        "<article data-id=\"{}\"><p><code>{}</code> {}</p>",
        escape(&item.id),
        escape(&item.id),
        escape(&item.kind)
    );
    for (class, line) in [("kicker", &item.kicker), ("title", &item.title), ("subtitle", &item.subtitle)] {
        if let Some(line) = line {
            let tag = if class == "title" { "h3" } else { "div" };
            let _ = write!(html, "<{tag} class=\"{class}\">{}</{tag}>", escape(line));
        }
    }
    if let Some(byline) = &item.byline {
        let _ = write!(html, "<div class=\"byline\">{}</div>", escape(byline));
    }
    let text = item.text.as_deref().unwrap_or_default();
    // The item file: headline lines, a blank line, then the paragraphs.
    let body = match (&item.kicker, &item.title, &item.subtitle) {
        (None, None, None) => text,
        _ => text.split_once("\n\n").map_or("", |(_, body)| body),
    };
    for paragraph in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = write!(html, "<p>{}</p>", escape(paragraph.trim_end()));
    }
    html.push_str("</article>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn seconds_since_1970_read_as_utc() {
        assert_eq!(utc(0), "1970-01-01 00:00:00");
        assert_eq!(utc(951_782_400 + 3661), "2000-02-29 01:01:01");
    }
}
