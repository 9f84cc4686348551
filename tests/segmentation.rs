//! How a page splits into articles, through the whole chain: what ends an
//! article, what `--keep-furniture` may change (the text, never the
//! articles), and what a Latin page's header and decks are.

use std::sync::OnceLock;

use galley::{BatchContext, CleanOptions, Item, Page, PageResult, Trace, clean_page};

fn options(keep: bool) -> &'static CleanOptions {
    static OPTIONS: OnceLock<[CleanOptions; 2]> = OnceLock::new();
    &OPTIONS.get_or_init(|| [CleanOptions::default(), CleanOptions { keep_furniture: true, ..CleanOptions::default() }])
        [usize::from(keep)]
}

fn clean(text: &str) -> PageResult {
    clean_page(Page::new(text), &BatchContext::default(), options(false), &mut Trace::off())
}

fn titles(items: &[Item]) -> Vec<Option<&str>> {
    items.iter().map(|i| i.title.as_deref()).collect()
}

#[test]
fn a_paragraph_ending_in_a_bracket_does_not_swallow_the_next_article() {
    let pages = [
        "全市春耕生产全面展开，\n各项措施落到实处。（记者\n张三 摄）\n\n滨海地铁5号线全线贯通\n\n本报讯（记者李四）3月5日，滨海地铁5号线全线贯通，\n沿线居民出行更加便利。\n",
        "The council approved more lanes next year, she said. (Photo on page 3)\n\nLibrary to extend weekend hours\n\nThe library will stay open until 8 p.m. on Saturdays, the board decided.\n",
        "“我们有信心完成全年目标。”（新华社）\n\n外贸开局良好\n\n海关总署7日发布数据，前两个月我国外贸进出口同比增长8.7%。\n",
    ];
    for page in pages {
        let result = clean(page);
        assert_eq!(result.items.len(), 2, "{page}: {:#?}", result.items);
        assert_eq!(titles(&result.items)[0], None, "{page}");
        assert!(result.items[0].body.last().is_some_and(|p| p.ends_with(['）', ')'])), "{page}");
        assert!(titles(&result.items)[1].is_some(), "{page}: {:#?}", result.items);
    }
}
