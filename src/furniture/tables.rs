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
    /// Words one of which a line must hold, ASCII letters in either case,
    /// for the pattern to be tried (none: always tried). Most lines are
    /// body text, and a substring search rules them out far faster than a
    /// regex.
    pub needs: &'static [&'static str],
}

/// Month names of the languages whose dates the rules read, with their
/// numbers; an abbreviation (`Mar.`, `Sept`, `Okt.`) stands for the month
/// whose names it begins.
pub const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("janeiro", 1),
    ("february", 2),
    ("februar", 2),
    ("février", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("fevereiro", 2),
    ("march", 3),
    ("märz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("março", 3),
    ("april", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mei", 5),
    ("maio", 5),
    ("june", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("july", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("august", 8),
    ("août", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("october", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

/// How many non-blank lines at each end of a page count as its edge.
pub const EDGE_LINES: usize = 3;

/// How many non-blank lines at the top of a page may hold web chrome.
pub const TOP_LINES: usize = 20;

/// Lines no longer than this (UTF-8 bytes: 60 ideographs, 180 Latin
/// letters) may be furniture; longer ones are running text.
pub const MAX_FURNITURE_BYTES: usize = 180;

/// Whole-line furniture.
pub const LINE_RULES: &[LineRule] = &[
    // Date with weekday, paper name, page label: `晨报 2021年12月6日 星期一 第3版`.
    LineRule {
        name: "page-header",
        place: Place::Edge,
        pattern: r"^.*?(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:星期|周|礼拜)[一二三四五六日天](?:\s*.*)?$",
        needs: &["年"],
    },
    // `THE NEW-YORK TRIBUNE, WEDNESDAY, MARCH 15, 1916.`
    LineRule {
        name: "page-header",
        place: Place::Edge,
        pattern: r"(?i)^.*?(?-u:\b)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?-u:\b).*$",
        needs: &[],
    },
    // Day first, in other languages: `Neue Zeitung  Dienstag, 5. März 2024
    // Seite 3`, `LE JOURNAL mardi 5 mars 2024`, `martes, 5 de marzo de 2024`.
    LineRule {
        name: "page-header",
        place: Place::Edge,
        pattern: r"(?i)^.*?(?-u:\b)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag),?\s+(?:(?:le|den|the)\s+)?(?P<d>\d{1,2})\.?\s+(?:de\s+)?(?P<mon>\p{L}+)\.?,?\s+(?:de\s+)?(?P<y>\d{4})(?-u:\b).*$",
        needs: &[],
    },
    // An old Latin page's masthead or folio line, wherever OCR put it: in
    // capitals, the date last, after a comma (en-ocr `VOLUME 23. 8 PAGES
    // WILLMAR, MINNESOTA, WEDNESDAY, MARCH 15, 1916`, `WED??SDAY, MARCH 15,
    // 1916.`, the weekday misread). A capitals headline with a date has no
    // comma before it (`WAR DECLARED APRIL 6, 1917`).
    LineRule {
        name: "page-header",
        place: Place::Anywhere,
        pattern: r"^[^\p{Ll}]*,\s*(?P<mon>JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>1[6-9]\d\d|20\d\d)[.\s]*$",
        needs: &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
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
        pattern: r"^(?:(?:本版责任编辑|本版责编|本版编辑|责任编辑|责编|编辑|校对|美编|版式设计|版式|审校|审核|终审|监制|責任編輯|編輯)\s*[:：]?\s*[\p{Han}A-Za-z·]{1,8}(?:\s+[\p{Han}·]{1,4})*\s*){1,6}$",
        needs: &["编辑", "校对", "美编", "版式", "审校", "审核", "终审", "监制", "责编", "編輯"],
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
        pattern: r"^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]|^\S{1,12}(?:\s*(?:>>?|＞|»)\s*\S{1,16}){2,}$|^\S{1,12}\s*(?:>>|»)\s*\S{1,16}$",
        needs: &["位置", ">", "＞", "»"],
    },
    // 002 `2021-12-14 16:43:32 来源:焦作市人民政府`.
    LineRule {
        name: "date-source",
        place: Place::Top,
        pattern: r"^(?:发布时间\s*[:：]\s*)?(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*[|｜]?\s*(?:来源|來源|稿源)\s*[:：].*$",
        needs: &["来源", "來源", "稿源"],
    },
    // `来源：人民网 2021-12-14`.
    LineRule {
        name: "date-source",
        place: Place::Top,
        pattern: r"^(?:来源|來源|稿源)\s*[:：]\s*\S{1,30}?\s*[|｜]?\s*(?:发布时间\s*[:：]\s*)?(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?.*$",
        needs: &["来源", "來源", "稿源"],
    },
    // A web page's date line: `March 3, 2024 10:15 AM`, `Published Mar. 3,
    // 2024`, `Updated: Sunday, March 3, 2024 at 9:05 p.m. EST`.
    LineRule {
        name: "date-line",
        place: Place::Top,
        pattern: r"(?i)^(?:(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?:\s*(?:,|at|\||·|-)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?$",
        needs: &[],
    },
    // The same, day first: `3 March 2024`, `Published 3 Mar 2024 14:05`.
    LineRule {
        name: "date-line",
        place: Place::Top,
        pattern: r"(?i)^(?:(?:published|updated|posted|last updated|first published)(?:\s+on)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<d>\d{1,2})\.?\s+(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?P<y>\d{4})(?:\s*(?:,|at|\||·|-)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?)?$",
        needs: &[],
    },
    // A numeric date line alone: `2021-12-14 16:43:32`, `发布时间：2021年12月14日`,
    // `2024年3月5日 星期二 上午10:30`.
    LineRule {
        name: "date-line",
        place: Place::Top,
        pattern: r"(?i)^(?:(?:published|updated|posted|发布时间|發布時間|时间|時間)\s*[:：]?\s*)?(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?(?:\s*(?:星期|周|週)[一二三四五六日天])?(?:[\sT]*(?:上午|下午|晚上|早上|中午)?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$",
        needs: &[],
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
        pattern: r"^(?:[\s|｜/]*[【\[]?\s*(?:分享到|分享|打印本页|打印|关闭窗口|关闭|收藏|返回顶部|纠错|字号|(?:Share|Print|Email)(?: this(?: article| story| page)?| on \w+)?|Close|Tweet|Copy link|Partager|Teilen|Drucken)\s*[】\]]?[:：]?)+$|^(?:分享到|分享)\s*[:：].*$|^[【\[]?\s*字[体體号號]\s*[:：]\s*大\s*中\s*小\s*[】\]]?$",
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
            "Copy link",
            "Partager",
            "Teilen",
            "Drucken",
            "字体",
            "字體",
            "字号",
        ],
    },
    // Web page chrome around an article: `Advertisement`, `Skip to content`,
    // `Related: School board delays vote`, `相关阅读：…`, `上一篇：…`, a
    // copyright footer.
    LineRule {
        name: "web-chrome",
        place: Place::Anywhere,
        pattern: r"^(?:(?i:advertisement|skip to (?:main )?content|subscribe(?: now)?|sign up|sign in|log in|menu|search|s'inscrire|se connecter|anmelden|abonnieren)|广告|廣告|Anzeige|ANZEIGE|Publicité|PUBLICITÉ|(?:(?i:related|read more|read also|see also|more from [^:]{1,30}|recommended|most read|most popular)(?:\s+(?i:articles?|stories|coverage|news))?|Lire aussi|Voir aussi|Mehr zum Thema|Auch interessant|相关新闻|相关阅读|相关报道|相關新聞|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|猜你喜欢|上一篇|下一篇|上一篇文章|下一篇文章)(?:\s*[:：].*)?|(?:版权所有|版權所有|(?i:copyright)|©).*)$",
        needs: &[
            "advertisement",
            "skip",
            "subscribe",
            "sign",
            "log",
            "menu",
            "search",
            "inscrire",
            "connecter",
            "anmelden",
            "abonnieren",
            "related",
            "read",
            "see",
            "more",
            "recommended",
            "most",
            "copyright",
            "广告",
            "廣告",
            "Anzeige",
            "ANZEIGE",
            "Publicit",
            "PUBLICIT",
            "Lire aussi",
            "Voir aussi",
            "Mehr zum",
            "Auch interessant",
            "相关",
            "相關",
            "延伸",
            "推荐",
            "推薦",
            "猜你喜欢",
            "一篇",
            "版权所有",
            "版權所有",
            "©",
        ],
    },
    // A photo caption's credit line: `A dredge works near Pier 9. Credit: Tom
    // Alvarez/The Harbor Times`, `…驶出。本报记者 孙伟摄`.
    LineRule {
        name: "photo-caption",
        place: Place::Anywhere,
        pattern: r"^.*?(?:(?i:credit|photo|photograph|foto|bild)\s*:\s*[^.:]{2,60}|(?:本报|本報|新华社|新華社)?(?:记者|記者|通讯员|通訊員)\s*[\p{Han}·]{2,4}(?:\s+[\p{Han}·]{2,4})*\s*(?:摄|攝|摄影|攝影))$",
        needs: &["credit", "photo", "foto", "bild", "摄", "攝"],
    },
    // A menu of short links: `首页 | 新闻 | 财经 | 体育`, `News | Sports | Business`.
    LineRule {
        name: "site-nav",
        place: Place::Anywhere,
        pattern: r"^(?:[^|｜]{1,16}\s*[|｜]\s*){2,}[^|｜]{1,16}$",
        needs: &["|", "｜"],
    },
];

/// Labels over a list of links to other articles (`相关新闻`, `More from
/// Local News`); the lines right under such a bare label are links.
pub const RELATED_LABELS: &[&str] = &[
    "相关",
    "相關",
    "延伸",
    "推荐",
    "推薦",
    "猜你",
    "related",
    "read more",
    "more from",
    "most ",
    "recommended",
    "lire aussi",
    "voir aussi",
    "mehr zum",
    "auch interessant",
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

/// The page reference of a Latin continuation note: `2`, `A6`, `6A`,
/// `Fourteen`.
pub const LATIN_PAGE: &str = r"(?P<page>[A-Z]-?\d{1,3}|\d{1,3}[A-Z]?|(?:twenty[- ]?)?(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)";

/// Continuation notes, Chinese and Latin, in full-width or ASCII brackets.
/// The Latin ones tolerate the OCR misreadings of old pages
/// (`(Contlnued on Pago Three.)`, en-ocr samples).
pub const CONTINUATION_RULES: &[ContinuationRule] = &[
    // 000 `（下转A02版③）`, 001 `（下转第三版①）`; Traditional `（下轉第二版）`, `（續見A2版）`.
    ContinuationRule {
        direction: Direction::To,
        pattern: r"[（(]\s*(?:下转|下轉|转|轉|接|见|見|续见|續見|转见|轉見)\s*{page}\s*[）)]\s*$",
    },
    // `（上接第一版）`; Traditional `（上接第一版）`, `（續第一版）`.
    ContinuationRule {
        direction: Direction::From, pattern: r"^\s*[（(]\s*(?:上接|接|承|续|續)\s*{page}\s*[）)]"
    },
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
    // A jump line: `See STORM, Page A6`, `Please see BUDGET on A4`, `See
    // Storm, Page 6A`. The jump word is in capitals, or the note says `Page`.
    ContinuationRule {
        direction: Direction::To,
        pattern: r"(?:(?i:please)\s+)?(?i:see)\s+(?:\p{Lu}{2,}[\p{Lu}'’-]*(?:\s+\p{Lu}{2,}[\p{Lu}'’-]*)*\s*(?:[,/]|\s(?i:on))?\s*(?:(?i:page)\s+)?|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*(?:,|\s(?i:on))\s*(?i:page)\s+){latin_page}\s*[.)\]]*\s*$",
    },
    // `Fortsetzung auf Seite 4`, `Weiter auf S. 4`, `Suite en page 4`, `Suite p. 4`.
    ContinuationRule {
        direction: Direction::To,
        pattern: r"(?:(?i:fortsetzung|weiter)\s+(?i:auf)\s+(?:(?i:seite)|S\.)\s*|(?i:suite)\s+(?:(?i:en)\s+)?(?:(?i:page)|p\.)\s*){latin_page}\s*[.)\]]*\s*$",
    },
    // `Fortsetzung von Seite 1`, `Suite de la page 1`.
    ContinuationRule {
        direction: Direction::From,
        pattern: r"^\s*[(\[]?\s*(?:(?i:fortsetzung von)\s+(?:(?i:seite)|S\.)\s*|(?i:suite de la)\s+(?:(?i:page)|p\.)\s*){latin_page}\s*[.)\]:]*",
    },
    // The jump head over the rest of an article: `STORM, from Page A1`,
    // `From Page 1`.
    ContinuationRule {
        direction: Direction::From,
        pattern: r"^\s*(?:\p{Lu}{2,}[\p{Lu}'’-]*(?:\s+\p{Lu}{2,}[\p{Lu}'’-]*)*\s*,?\s+(?i:from)\s+(?:(?i:page)\s+)?|(?i:from\s+page)\s+){latin_page}(?-u:\b)\s*[.:]?",
    },
];

/// Editor codes at the end of an article: a circled digit and digits
/// (000 `①5`, 001 `①2`).
pub const EDITOR_CODE: &str = r"[①-⑳]\d{1,3}$";

/// End marks that close an article: `（完）`, `(完)`, `(责任编辑:…)`, and a
/// Taiwan agency's `（編輯：張均懋）1130305` with its date code.
pub const END_MARK: &str =
    r"[（(]\s*(?:完|全文完|(?:责任编辑|責任編輯|编辑|編輯)\s*[:：][^）)]{1,24})\s*[）)](?:\d{7})?$";
