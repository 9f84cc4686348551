//! What the fuzz targets share: a file's bytes cleaned as `galley clean`
//! cleans a batch of that one file.

use std::sync::OnceLock;

use galley::decode::{decode, pages};
use galley::{CleanOptions, Facts, PageResult, Trace, clean_page, page_facts};

/// The default options, built once: compiling the rules takes far longer
/// than cleaning a page.
fn options() -> &'static CleanOptions {
    static OPTIONS: OnceLock<CleanOptions> = OnceLock::new();
    OPTIONS.get_or_init(CleanOptions::default)
}

/// Decodes `bytes` and cleans each page with the context of all of them
/// (the batch runner's two passes, `batch::gather` and
/// `batch::clean_decoded`); calls `check` with each page's text and result.
/// Bytes that are not text are skipped, as the runner skips them.
pub fn clean_file(bytes: &[u8], mut check: impl FnMut(&str, &PageResult)) {
    let Ok(decoded) = decode(bytes, None) else { return };
    let pages = pages(&decoded);
    let ctx = pages.iter().fold(Facts::default(), |facts, &page| facts.with_page(page_facts(page, options())));
    let ctx = ctx.into_context();
    for page in pages {
        let result = clean_page(page, &ctx, options(), &mut Trace::off());
        check(page.text, &result);
    }
}
