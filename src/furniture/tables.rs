//! The built-in furniture patterns, as data.
//!
//! Each table row names its rule, says where on the page it applies and
//! what it yields; `furniture::lines` and `furniture::marks` apply them.
//! The seeds that motivate each pattern are cited beside it.

/// Where on the page a line rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Any line.
    Anywhere,
    /// The first or last few non-blank lines: page headers and footers.
    Edge,
    /// The first lines of a page, where web pages print their chrome.
    Top,
}

/// A built-in pattern for a whole line of furniture.
pub struct LineRule {
    /// The rule name recorded in `removed`.
    pub name: &'static str,
    /// Where the rule applies.
    pub place: Place,
    /// The pattern; named groups `y`, `m` (or `mon`, a month name) and `d`
    /// give the date the line states.
    pub pattern: &'static str,
    /// Words one of which a line must hold for the pattern to be tried
    /// (none: always tried). Most lines are body text, and a substring
    /// search rules them out far faster than a regex.
    pub needs: &'static [&'static str],
}

/// How many non-blank lines at each end of a page count as its edge.
pub const EDGE_LINES: usize = 3;

/// How many non-blank lines at the top of a page may hold web chrome.
pub const TOP_LINES: usize = 12;

/// Lines no longer than this (UTF-8 bytes: 60 ideographs, 180 Latin
/// letters) may be furniture; longer ones are running text.
pub const MAX_FURNITURE_BYTES: usize = 180;

/// Whole-line furniture.
pub const LINE_RULES: &[LineRule] = &[
    // Date with weekday, paper name, page label: `晨报 2021年12月6日 星期一 第3版`.
    LineRule {
        name: "page-header",
        place: Place::Edge,
        pattern: r"^.{0,24}?(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:星期|周|礼拜)[一二三四五六日天](?:\s*.{0,24})?$",
        needs: &["年"],
    },
    // `THE NEW-YORK TRIBUNE, WEDNESDAY, MARCH 15, 1916.`
    LineRule {
        name: "page-header",
        place: Place::Edge,
        pattern: r"(?i)^.{0,48}?\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b.{0,40}$",
        needs: &[],
    },
    // A page label alone: `第二版`, `A01`, `要闻 A02`, `Page 3`.
    LineRule {
        name: "page-label",
        place: Place::Edge,
        pattern: r"^(?:(?:第\s*[一二三四五六七八九十百\d]+\s*版|[A-Z]\d{1,2}版?|(?i:page)\s+[A-Z]?\d{1,3})\s*)?(?:要闻|综合新闻|综合|国内新闻|国际新闻|时政|评论|副刊|专版|地方新闻)?\s*(?:第\s*[一二三四五六七八九十百\d]+\s*版|[A-Z]\d{1,2}版?|(?i:page)\s+[A-Z]?\d{1,3})?$",
        needs: &[],
    },
    // A bare page number at the top or foot of a page: `- 3 -`.
    LineRule { name: "page-number", place: Place::Edge, pattern: r"^[-—–·\s]*\d{1,4}[-—–·\s]*$", needs: &[] },
    // `责任编辑 王明  校对 赵丽`, `本版编辑：李华`.
    LineRule {
        name: "editor-line",
        place: Place::Anywhere,
        pattern: r"^(?:(?:责任编辑|本版编辑|责编|编辑|校对|美编|版式设计|版式|审校|审核|终审|监制)\s*[:：]?\s*[\p{Han}A-Za-z·]{1,8}\s*){1,6}$",
        needs: &["编辑", "校对", "美编", "版式", "审校", "审核", "终审", "监制", "责编"],
    },
    // 002 `(责任编辑:news10)`.
    LineRule {
        name: "editor-note",
        place: Place::Anywhere,
        pattern: r"^[（(]\s*(?:责任编辑|编辑|责编)\s*[:：]\s*[^）)]{1,24}[）)]$",
        needs: &["编辑", "责编"],
    },
    // 002 `中华网 china.com`.
    LineRule {
        name: "site-name",
        place: Place::Top,
        pattern: r"^\S{1,16}\s+(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:/\S*)?$",
        needs: &["."],
    },
    // 002 `当前位置:新闻 > 地市新闻 > 正文`.
    LineRule {
        name: "breadcrumb",
        place: Place::Top,
        pattern: r"^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]|^\S{1,12}(?:\s*[>＞»]\s*\S{1,16}){2,}$",
        needs: &["位置", ">", "＞", "»"],
    },
    // 002 `2021-12-14 16:43:32 来源:焦作市人民政府`.
    LineRule {
        name: "date-source",
        place: Place::Top,
        pattern: r"^(?:发布时间\s*[:：]\s*)?(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*(?:来源|來源|稿源)\s*[:：].{0,40}$",
        needs: &["来源", "來源", "稿源"],
    },
    // `来源：人民网 2021-12-14`.
    LineRule {
        name: "date-source",
        place: Place::Top,
        pattern: r"^(?:来源|來源|稿源)\s*[:：]\s*\S{1,30}\s+(?:发布时间\s*[:：]\s*)?(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?.{0,20}$",
        needs: &["来源", "來源", "稿源"],
    },
    // `《 人民日报 》（ 2021年12月14日 01 版）`.
    LineRule {
        name: "print-source",
        place: Place::Anywhere,
        pattern: r"^《\s*[^》]{1,20}\s*》\s*[（(]\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:第?\s*[A-Z]?\d{0,3}\s*版)?\s*[）)]$",
        needs: &["《"],
    },
    // Share, print and close links.
    LineRule {
        name: "share-links",
        place: Place::Anywhere,
        pattern: r"^(?:[\s|｜/]*[【\[]?\s*(?:分享到|分享|打印本页|打印|关闭窗口|关闭|收藏|返回顶部|纠错|字号|Share|Print|Close|Email|Tweet)\s*[】\]]?[:：]?)+$",
        needs: &[
            "分享",
            "打印",
            "关闭",
            "收藏",
            "返回顶部",
            "纠错",
            "字号",
            "Share",
            "Print",
            "Close",
            "Email",
            "Tweet",
        ],
    },
];

/// A continuation note: `（下转A02版③）`, `（上接第一版）`, `(continued on page 2)`.
pub struct ContinuationRule {
    /// Whether the note sends the reader on or says where the text comes from.
    pub direction: Direction,
    /// The pattern; its group `page` is the page reference, and `{page}`
    /// stands for [`CJK_PAGE`], `{latin_page}` for [`LATIN_PAGE`].
    pub pattern: &'static str,
}

/// Which way a continuation note points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// `下转`, "continued on": at the end of the text.
    To,
    /// `上接`, "continued from": at the start of the text.
    From,
}

/// The page reference of a Chinese continuation note: `A02版③`, `第二版`,
/// `第三版①`.
pub const CJK_PAGE: &str =
    r"(?P<page>(?:第\s*[一二三四五六七八九十百\d]+\s*版|[A-Z]?\d{1,3}\s*版|[A-Z]\d{1,3})\s*[①-⑳]?)";

/// The page reference of a Latin continuation note: `2`, `A6`, `Fourteen`.
pub const LATIN_PAGE: &str = r"(?P<page>[A-Z]?\d{1,3}|(?:twenty[- ]?)?(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)";

/// Continuation notes, Chinese and Latin, in full-width or ASCII brackets.
/// The Latin ones tolerate the OCR misreadings of old pages
/// (`(Contlnued on Pago Three.)`, en-ocr samples).
pub const CONTINUATION_RULES: &[ContinuationRule] = &[
    // 000 `（下转A02版③）`, 001 `（下转第三版①）`.
    ContinuationRule { direction: Direction::To, pattern: r"[（(]\s*(?:下转|转|接|见)\s*{page}\s*[）)]\s*$" },
    // `（上接第一版）`.
    ContinuationRule { direction: Direction::From, pattern: r"^\s*[（(]\s*(?:上接|接|承)\s*{page}\s*[）)]" },
    // `(continued on page 2)`, `Continued on Page A6`, `(Continued on Page Fourteen.)`.
    ContinuationRule {
        direction: Direction::To,
        pattern: r"(?i)[(\[]?\s*(?:cont[a-z]{4,6}|cont'd|cont\.|turn)\s+(?:on|to)\s+pa[a-z]{1,2}\s+{latin_page}\s*[.)\]]*\s*$",
    },
    // `Continued from Page A1`.
    ContinuationRule {
        direction: Direction::From,
        pattern: r"(?i)^\s*[(\[]?\s*(?:cont[a-z]{4,6}|cont'd|cont\.)\s+from\s+(?:pa[a-z]{1,2}\s+)?{latin_page}\s*[.)\]:]*",
    },
];

/// Editor codes at the end of an article: a circled digit and digits
/// (000 `①5`, 001 `①2`).
pub const EDITOR_CODE: &str = r"[①-⑳]\d{1,3}$";

/// End marks that close an article: `（完）`, `(完)`, `(责任编辑:…)`.
pub const END_MARK: &str = r"[（(]\s*(?:完|全文完|责任编辑\s*[:：][^）)]{1,24}|编辑\s*[:：][^）)]{1,24})\s*[）)]$";
