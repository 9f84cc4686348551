//! The built-in furniture rules, as data: one row per rule, in the shape a
//! `--rules` file gives its own (`name`, `kind`, `place`, `pattern`,
//! `needs`, `direction`, `date`), so that a user can add a rule of any
//! kind or switch a built-in one off by its name.
//!
//! Each rule describes a family of furniture as newspapers print it, not
//! one page's strings: the words it is made of come from
//! [`vocab`](super::vocab) as `{fragments}` (months, weekdays, dates, page
//! references, editors' roles), so that every rule knows every form.
//!
//! Keeping the table: rows are tried in order and the first that matches
//! names the removal, so put the narrower rule first. A rule that may
//! match anywhere on the page needs `needs` words: most lines are body
//! text, and one search for all rules' words rules them out before any
//! pattern is tried (a test holds this). Long patterns are written in
//! `(?x)` form, where `#` starts a comment and spaces must be escaped.

use super::vocab::READER_SERVICES;

/// What a rule takes out and what it yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A whole line of furniture: removed, and its date kept if it states one.
    Furniture,
    /// A continuation note at a paragraph's end (`direction = "to"`) or
    /// start (`"from"`); its group `page` is the page reference.
    Continuation,
    /// A mark that closes an article at a paragraph's end: `（完）`, `-30-`,
    /// an editor code `①5`. The group `mark`, else the whole match, is
    /// what is removed.
    EndMark,
    /// A lead marker that opens an article at a paragraph's start; its
    /// match is the byline.
    Lead,
}

/// Where on the page a line rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    /// Any line.
    Anywhere,
    /// The first or last [`EDGE_LINES`] non-blank lines: headers, footers.
    Edge,
    /// The first [`HEAD_LINES`] non-blank lines, where web pages print
    /// their chrome.
    #[serde(alias = "top")]
    Head,
    /// The last [`TAIL_LINES`] non-blank lines.
    Tail,
    /// The head or the tail.
    HeadOrTail,
}

/// Which way a continuation note points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// `下转`, "continued on": at the end of the text.
    To,
    /// `上接`, "continued from": at the start of the text.
    From,
}

/// One built-in rule.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// The name recorded in `removed`, and the name that switches it off.
    pub name: &'static str,
    /// What it takes out.
    pub kind: Kind,
    /// Where on the page it applies (line rules).
    pub place: Place,
    /// The pattern, `{fragments}` and all.
    pub pattern: &'static str,
    /// Words one of which a line must hold, in any ASCII case, for the
    /// pattern to be tried (none: always tried where the rule is placed).
    pub needs: &'static [&'static str],
    /// Which way a continuation note points.
    pub direction: Direction,
    /// Whether the line states the page's date.
    pub date: bool,
}

impl Rule {
    /// A whole-line rule.
    pub const fn furniture(name: &'static str, place: Place, pattern: &'static str) -> Rule {
        Rule { name, kind: Kind::Furniture, place, pattern, needs: &[], direction: Direction::To, date: false }
    }

    /// A continuation note pointing `direction`.
    pub const fn continuation(name: &'static str, direction: Direction, pattern: &'static str) -> Rule {
        Rule { kind: Kind::Continuation, direction, ..Rule::furniture(name, Place::Anywhere, pattern) }
    }

    /// A mark that closes an article.
    pub const fn end_mark(name: &'static str, pattern: &'static str) -> Rule {
        Rule { kind: Kind::EndMark, ..Rule::furniture(name, Place::Anywhere, pattern) }
    }

    /// The same rule, tried only on lines holding one of `words`.
    pub const fn needs(self, words: &'static [&'static str]) -> Rule {
        Rule { needs: words, ..self }
    }

    /// The same rule, its lines stating the page's date.
    pub const fn dated(self) -> Rule {
        Rule { date: true, ..self }
    }
}

/// How many non-blank lines at each end of a page count as its edge.
pub const EDGE_LINES: usize = 3;

/// How many non-blank lines at the top of a page may hold web chrome.
pub const HEAD_LINES: usize = 20;

/// How many non-blank lines at the foot of a page may hold web chrome.
pub const TAIL_LINES: usize = 10;

/// Lines no longer than this (UTF-8 bytes: 60 ideographs, 180 Latin
/// letters) may be furniture; longer ones are running text.
pub const MAX_FURNITURE_BYTES: usize = 180;

/// The rules, in the order they are tried.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // ── Date lines (before the headers: a header holds a date too) ────────
    // A published-at line: `March 3, 2024 10:15 AM`, `Updated: 7/3/2024 15:18`,
    // `Veröffentlicht am 16.10.2021 um 11:28 Uhr`, `发布时间：2021-12-14 16:43`,
    // `Publié le 3 mars 2024 à 10h15`.
    Rule::furniture("date-line", Place::Head, r"(?x)
        ^ (?: (?i:{published_word}) \s* [:：]? \s* )? (?: {weekday} ,? \s+ )? (?: (?i:le|am|el|il|on|the) \s+ )?
        {date} (?: \s* (?: , | (?i:at|um|à|a\s+las|alle|om) | \| | · | - | – )? \s* {time} )? \s* $").dated(),

    // ── Page headers and footers ──────────────────────────────────────────
    // A page label or number alone: `第二版`, `A01`, `- 3 -`, `Page 3`, `Seite 12`;
    // or beside the section's name: `要闻　２`, `03 | 综合新闻`, `第五版 地方新闻`.
    Rule::furniture("page-number", Place::Edge, r"(?x)
        ^ [-—–·\s]* (?: \d{1,4} | {cjk_label} | {latin_label} ) [-—–·\s]* $
        | ^ {cjk_section} {cjk_sep}? (?: \d{1,3} | [A-Z]\d{1,2} | {cjk_label} ) $
        | ^ (?: \d{1,3} | [A-Z]\d{1,2} | {cjk_label} ) {cjk_sep}? {cjk_section} $"),
    // A date with its weekday, whatever stands around it: `晨报 2021年12月6日
    // 星期一 第3版`, `THE NEW-YORK TRIBUNE, WEDNESDAY, MARCH 15, 1916.`,
    // `Neue Zeitung  Dienstag, 5. März 2024  Seite 3`.
    Rule::furniture("page-header", Place::Edge, r"^.*?{date}\s*[（(]?{cjk_weekday}.*$").dated(),
    Rule::furniture("page-header", Place::Edge,
        r"^.*?(?-u:\b){weekday},?\s+(?:(?i:le|den|the)\s+)?{date}(?-u:\b).*$").dated(),
    // A Chinese running header: paper, date, weekday, page, section and
    // editor in any order, with any separator or none (`南州都市报2023-08-26
    // 星期六 第四版 责任编辑：周丽萍`, `江城晚报 · 2021.6.19 · A06版 · 经济·民生`).
    // Two fields that change from page to page, or one and a name apart.
    Rule::furniture("page-header", Place::Edge, r"(?x)
        ^ (?:\#\s+)?                                   # a Markdown export's heading mark
        (?: {cjk_field} {cjk_sep}? )*
        {cjk_number_field} (?: {cjk_sep}? {cjk_field} )*? {cjk_sep}? {cjk_number_field}
        (?: {cjk_sep}? {cjk_field} )* \s* $").dated(),
    Rule::furniture("page-header", Place::Edge, r"(?x)
        ^ (?:\#\s+)?
        (?: (?: {cjk_field} {cjk_sep} )+ {cjk_number_field} (?: {cjk_sep} {cjk_field} )*
          | {cjk_number_field} (?: {cjk_sep} {cjk_field} )+ ) \s* $").dated(),
    // A Latin running header: `The Valley Courier   Fri., Jul. 21, 2023   Page A3
    // LOCAL NEWS`, `Nr. 112 · Seite 3`, `REGION  February 8, 2024  A6`
    // (normalize leaves one space of a wide gap). A date or a `Page` label
    // holds it, among names in capitals: a headline in title case with a
    // bare `A1` in it (`Route A1 Closed`) is none.
    Rule::furniture("page-header", Place::Edge, r"(?x)
        ^ (?:\#\s+)? (?: {latin_field} {latin_sep} )* {latin_strong_field} (?: {latin_sep} {latin_field} )* \s* $").dated(),
    // An old Latin page's masthead or folio line, wherever OCR put it: in
    // capitals, the date last, after a comma (`VOLUME 23. 8 PAGES WILLMAR,
    // MINNESOTA, WEDNESDAY, MARCH 15, 1916`, `WED??SDAY, MARCH 15, 1916.`,
    // the weekday misread). A capitals headline with a date has no comma
    // before it (`WAR DECLARED APRIL 6, 1917`).
    Rule::furniture("page-header", Place::Anywhere, r"(?x)
        ^ [^\p{Ll}]* , \s* (?P<mon>JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)
        \.? \s+ (?P<d>\d{1,2}) ,? \s+ (?P<y>1[6-9]\d\d|20\d\d) [.\s]* $")
        .needs(&["january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"]).dated(),
    // ── Editors' lines ────────────────────────────────────────────────────
    // `责任编辑 王明  校对 赵丽`, `■ 校对：吴立新　美编：杨文博`, `组版刘强`.
    Rule::furniture("editor-line", Place::Anywhere, r"(?x)
        ^ [■□◆◇●○▲△★☆※]? \s*
        (?: {editor_role} (?: \s* [:：] \s* | \s+ ) (?: {han_names} | [A-Za-z][A-Za-z0-9_]{0,15} )
          | {editor_role} {han_name} )                 # glued to its role, one name only
        (?: \s* (?: [|｜/] \s* )? (?: {editor_role} (?: \s* [:：] \s* | \s+ ) (?: {han_names} | [A-Za-z][A-Za-z0-9_]{0,15} )
          | {editor_role} {han_name} ) ){0,5} \s* $")
        .needs(&["编", "校对", "审", "版式", "组版", "排版", "制图", "监制", "編", "校對", "審", "組版", "版面"]),
    // `Page designer: Karen Novak`, `Verantwortlich: Jana Becker | Layout: Felix Vogel`.
    Rule::furniture("editor-line", Place::Anywhere, r"(?x)
        ^ (?: {latin_editor_role} \s* : \s* {capitalized} (?: \s* [|｜,;/·] \s* | \s+ )? ){1,4} $")
        .needs(&["editor", "designer", "layout", "redaktion", "verantwortlich", "gestaltung", "rédaction", "mise en page"]),
    // 002 `(责任编辑:news10)`, `【责任编辑：王明】`.
    Rule::furniture("editor-note", Place::Anywhere,
        r"^[（(【\[〔]\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:：]\s*[^）)】\]〕]{1,24}[）)】\]〕]$")
        .needs(&["编辑", "編輯", "责编", "責編"]),

    // ── Web chrome ────────────────────────────────────────────────────────
    // 002 `中华网 china.com`, a bare domain.
    Rule::furniture("site-name", Place::Head,
        r"^(?:\S{1,16}\s+)?(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:/\S*)?$")
        .needs(&["."]),
    // 002 `当前位置:新闻 > 地市新闻 > 正文`, `您的位置：首页 / 新闻`,
    // `Startseite › Lokales › Region`, `Home / News`.
    Rule::furniture("breadcrumb", Place::Head, r"(?x)
        ^ (?: (?i:{location_word}) \s* [:：>] .*
            | (?: (?i:{location_word}) \s* [:：] \s* )? (?i:{home_word}) (?: {crumb_sep} {crumb} ){1,6} (?: {crumb_sep} )?
            | {crumb} (?: \s* (?: >>? | ＞ | › | » | → ) \s* {crumb} ){2,6}
            | {crumb} \s* (?: >> | » | › ) \s* {crumb} ) \s* $")
        .needs(&["位置", "首页", "首頁", "主页", "主頁", ">", "＞", "›", "»", "→", "home", "start", "accueil", "inicio",
                 "portada", "voorpagina", "you are", "sie sind", "vous êtes"]),
    // A citation of the printed edition: `《 人民日报 》（ 2021年12月14日 01 版）`,
    // `来源：《江城晚报》2023年5月4日 第3版`.
    Rule::furniture("print-source", Place::Anywhere, r"(?x)
        ^ [（(【]? \s* (?: (?:来源|來源|原载|原載|刊于|刊於|摘自|转自|轉自|选自|選自|本文原载于?) \s* [:：]? \s* )?
        《 \s* [^》]+ \s* 》 \s* [（(,，]? \s*
        (?: {date} (?: \s* [,，]? \s* {cjk_label} )? | {cjk_label} (?: \s* [,，]? \s* {date} )? )
        \s* [）)】]? \s* $").dated().needs(&["《"]),
    // `(Source: The Valley Courier, March 3, 2024, Page A3)`, `Erschienen in:
    // Rheinische Post vom 16.10.2021, Seite 3`.
    Rule::furniture("print-source", Place::Anywhere, r#"(?x)
        ^ [(\[]? \s* (?i: source | quelle | erschienen \s+ in | paru \s+ dans | published \s+ in
            | (?:originally|first) \s+ published \s+ in | this \s+ (?:article|story) \s+ (?:first \s+)? appeared \s+ in
            | dieser \s+ artikel \s+ erschien \s+ (?:zuerst \s+)? in )
        \s* :? \s* (?: {capitalized} | ["“„»«][^"”“«»]+["”“«»] )
        (?: \s* [,;] \s* | \s+ (?i:vom|du|on|of|am|from) \s+ )
        (?: {date} (?: \s* [,;] \s* {latin_label} )? | {latin_label} (?: \s* [,;] \s* {date} )? )
        \s* [.)\]]* \s* $"#).dated().needs(&["source", "quelle", "erschien", "paru", "published", "appeared"]),
    // A web page's date and source lines, their fields in any order:
    // 002 `2021-12-14 16:43:32 来源:焦作市人民政府`, `编辑：黄雪 来源：南州都市报
    // 2021-10-12 22:37`, `發布時間：2023/01/03 10:49 來源：港都時報`; an
    // author's field among them (`… 来源：经济日报 作者：孙　亮`), not alone.
    Rule::furniture("date-source", Place::HeadOrTail, r"(?x)
        ^ (?: (?: {meta_field} | {author_field} ) (?: \s* [|｜/] \s* | \s* ) )* {meta_field}
          (?: (?: \s* [|｜/] \s* | \s* ) {author_field} )* \s* $").dated()
        .needs(&["来源", "來源", "稿源", "出处", "出處", "编辑", "編輯", "责编", "責編", "source", "quelle", "fuente",
                 "origine", "浏览", "瀏覽", "阅读", "閱讀", "点击", "點擊", "點閱", "作者", "记者", "記者", "撰稿",
                 "撰文", "通讯员", "通訊員", "author", "autor", "auteur", "autore"]),
    // Share, print, close and font links: `【打印】【关闭】`, `打印本页 | 关闭窗口`,
    // `分享到：微信 微博`, `Facebook  Twitter  Email  Print`, `Artikel teilen`,
    // `【字体：大 中 小】`, `字級：小 中 大`.
    Rule::furniture("share-links", Place::Anywhere, r"(?x)
        ^ [\s|｜/·•]* (?: [【\[]? \s* (?: (?i:{share_word}) | {font_sizes} ) \s* [】\]]? \s* [:：]? [\s|｜/·•]* )+ $
        | ^ (?: 分享到 | 分享 | (?i: share \s+ (?:on|via|to) | teilen \s+ (?:auf|per|via) | partager \s+ sur ) ) \s* [:：] .* $")
        .needs(&["分享", "打印", "列印", "关闭", "關閉", "收藏", "返回", "纠错", "推荐", "转发", "复制", "複製", "微信",
                 "微博", "QQ", "朋友圈", "臉書", "字号", "字號", "字体", "字體", "字级", "字級", "文字大小", "share",
                 "print", "mail", "close", "tweet", "copy link", "comments", "partager", "imprimer", "envoyer",
                 "teilen", "drucken", "versenden", "merken", "kommentare", "compartir", "imprimir", "condividi",
                 "stampa", "delen", "printen", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit",
                 "telegram", "xing", "flipboard", "messenger", "line", "größe", "size", "taille"]),
    // Chrome around an article: `Advertisement`, `Skip to content`, `Related:
    // …`, `Mehr zum Thema: …`, `相关阅读：…`, `上一篇：…`, a copyright footer.
    Rule::furniture("web-chrome", Place::Anywhere, r"(?x)
        ^ (?: (?i: advertisement | sponsored | skip \s+ to \s+ (?:main\s+)? content | subscribe (?:\s+now)? | sign \s+ (?:up|in)
                | log \s+ in | menu | search | s'inscrire | se \s+ connecter | anmelden | abonnieren | newsletter )
            | 广告 | 廣告 | Anzeige | ANZEIGE | Werbung | WERBUNG | Publicité | PUBLICITÉ
            | (?: (?i: related | read \s+ more | read \s+ also | see \s+ also | more \s+ from \s+ [^:]{1,30} | recommended
                    | most \s+ read | most \s+ popular | you \s+ may \s+ also \s+ like | more \s+ stories )
                  (?: \s+ (?i: articles? | stories | coverage | news ) )?
                | Lire \s+ aussi | Voir \s+ aussi | À \s+ lire \s+ aussi | Sur \s+ le \s+ même \s+ sujet
                | Mehr \s+ zum \s+ Thema | Auch \s+ interessant | Lesen \s+ Sie \s+ auch | Das \s+ könnte \s+ Sie \s+ auch \s+ interessieren
                | Weitere \s+ Artikel | Zum \s+ Thema
                | 相关新闻 | 相关阅读 | 相关报道 | 相关文章 | 相關新聞 | 相關閱讀 | 相關報導 | 延伸阅读 | 延伸閱讀 | 推荐阅读 | 推薦閱讀
                | 猜你喜欢 | 热点推荐 | 热门文章 | 上一篇 | 下一篇 | 上一篇文章 | 下一篇文章 | 上一則 | 下一則 )
              (?: \s* [:：] .* )?
            | (?: 版权所有 | 版權所有 | (?i:copyright) | © | \(c\)\s*\d{4} ) .*
            | .* (?i: all \s+ rights \s+ reserved | alle \s+ rechte \s+ vorbehalten | tous \s+ droits \s+ réservés ) \.? ) $")
        .needs(&["advertisement", "sponsored", "skip", "subscribe", "sign", "log", "menu", "search", "inscrire",
                 "connecter", "anmelden", "abonnieren", "newsletter", "广告", "廣告", "anzeige", "werbung", "publicit",
                 "related", "read", "see", "more", "recommended", "most", "you may", "lire", "voir", "sujet",
                 "mehr zum", "interessant", "lesen sie", "weitere", "zum thema", "相关", "相關", "延伸", "推荐", "推薦",
                 "猜你", "热", "一篇", "一則", "版权", "版權", "copyright", "©", "(c)", "rights", "rechte", "droits"]),
    // A photo credit, alone or after its caption: `本报记者 孙伟 摄`, `刘芳/摄`,
    // `（马静 摄）`, `（記者林家豪攝）`, `圖／陳志明提供`, `（资料图片）`.
    Rule::furniture("photo-credit", Place::Anywhere, r"(?x)
        ^ (?: .*? [。！？”’）)] \s* )?
        (?: [（(] \s* (?: {photo_cjk} | {han_names} \s* [/／]? \s* (?:摄|攝|摄影|攝影) ) \s* [）)]
          | {photo_cjk} ) \s* $")
        .needs(&["摄", "攝", "图", "圖", "照片", "社发", "社發", "提供", "视觉中国", "視覺中國", "CFP", "IC photo"]),
    // `Photo by Sam Hayes / Harlow Evening Star`, `(Staff photo by Lisa
    // Walsh)`, `Foto: Jana Becker/dpa`, `A dredge works near Pier 9. Credit:
    // Tom Alvarez/The Harbor Times`, `(AP Photo/Mark Lennihan)`.
    Rule::furniture("photo-credit", Place::Anywhere, r#"(?x)
        ^ (?: .*? [.!?] ["”’)]* \s+ )? [(\[]? \s*
        (?: (?i: (?: staff | file | courtesy | submitted | contributed | {agency} ) \s+ )?
              (?i: photo | photograph | picture | image | illustration | graphic | foto | bild | fotos | photos ) s? \s*
              (?: (?i: by | von | de ) \s+ | : \s* | / \s* ) (?: {capitalized} | (?i:{agency}) ) (?: \s* [/|,] \s* [^.:]+ )?
          | (?i: credit | photo \s+ credit | bildquelle | fotonachweis ) \s* : \s* [^.:][^.:]+
          | (?i:{agency}) \s* (?i:photo|foto)? \s* / \s* {capitalized} )
        \s* [)\]]? \.? \s* $"#)
        .needs(&["photo", "picture", "image", "illustration", "graphic", "foto", "bild", "credit", "quelle", "nachweis"]),
    // A menu of short links: `首页 | 新闻 | 财经 | 体育`, `News | Sports | Business`.
    Rule::furniture("site-nav", Place::Anywhere, r"^(?:[^|｜]{1,16}\s*[|｜]\s*){2,}[^|｜]{1,16}$").needs(&["|", "｜"]),

    // ── Reader services ───────────────────────────────────────────────────
    // A notice of the paper's services, set apart between or under the
    // articles: `读者服务热线：8402…（24小时）  投稿邮箱：news@…`, `订报热线：…
    // 邮发代号：20-30`, `To subscribe, call 1-800-…`, `Leserservice: 0800 …`.
    // Its first line opens with the service; the lines it wraps onto go
    // with it, as far as the block holds a number or an address to reach it
    // by (see `lines`).
    Rule::furniture("reader-service", Place::Anywhere,
        r"^[■□◆◇●○▲△★☆※【\[（(]?\s*(?:本报|本報)?(?i:{reader_service})").needs(READER_SERVICES),

    // ── Continuation notes ────────────────────────────────────────────────
    // 000 `（下转A02版③）`, 001 `（下转第三版①）`, `(转 8版)`, `（接第三版第五栏）`,
    // `（续见A07版第三栏）`; Traditional `（下轉第二版）`, `（續見A2版）`.
    Rule::continuation("continuation", Direction::To, r"(?x)
        [（(【\[] \s* (?: 下转 | 下轉 | 下接 | 转至 | 轉至 | 转见 | 轉見 | 转 | 轉 | 接 | 续见 | 續見 | 详见 | 詳見 | 请见 | 請見 | 见 | 見 )
        \s* {cjk_page} \s* [）)】\]] \s* $"),
    // `（上接第一版）`, `（续第二版③）`, `(接 3版②)`; Traditional `（續第一版）`.
    Rule::continuation("continuation", Direction::From, r"(?x)
        ^ \s* [（(【\[] \s* (?: 上接 | 上轉 | 接上 | 承 | 续 | 續 | 接 | 转自 | 轉自 ) \s* {cjk_page} \s* [）)】\]]"),
    // `(continued on page 2)`, `Continued on Page A6`, `(Cont. on p. 4)`,
    // `Turn to Page 5`, OCR's `(Contlnued on Pago Three.)`.
    Rule::continuation("continuation", Direction::To, r"(?x)
        (?i) [(\[]? \s* (?: cont[a-z]{4,6} | cont'd | cont\. | turn | jump ) \s+ (?: on | to ) \s+ (?: (?: pa[a-z]{1,2} | p\. | pg\.? ) \s* )?
        {latin_page} \s* [.)\]]* \s* $"),
    // `Continued from Page A1`, `(Cont. from p. 1)`.
    Rule::continuation("continuation", Direction::From, r"(?x)
        (?i) ^ \s* [(\[]? \s* (?: cont[a-z]{4,6} | cont'd | cont\. ) \s+ from \s+ (?: (?: pa[a-z]{1,2} | p\. | pg\.? ) \s* )?
        {latin_page} \s* [.)\]:]*"),
    // `Fortsetzung auf Seite 4`, `Weiter auf S. 4`, `Lesen Sie weiter auf Seite 3`,
    // `Suite en page 4`, `Suite page 4`, `Voir la suite en page 4`,
    // `Continúa en la página 4`, `Continua a pagina 4`.
    Rule::continuation("continuation", Direction::To, r"(?x)
        (?: (?i: (?:lesen \s+ sie \s+)? (?:fortsetzung|weiter|forts\.) ) \s+ (?i:auf \s+)? (?: (?i:seite) | S\. ) \s*
          | (?i: (?:voir \s+ la \s+)? suite ) \s+ (?: (?i:en) \s+ )? (?: (?i:page) | p\. ) \s*
          | (?i: continúa \s+ en \s+ la \s+ página | continua \s+ a \s+ pagina | sigue \s+ en \s+ la \s+ página ) \s+ )
        {latin_page} \s* [.)\]]* \s* $"),
    // `Fortsetzung von Seite 1`, `Forts. v. S. 1`, `Suite de la page 1`,
    // `Suite de la une`, `Viene de la página 1`.
    Rule::continuation("continuation", Direction::From, r"(?x)
        ^ \s* [(\[]? \s*
        (?: (?i: fortsetzung | forts\. ) \s+ (?i: von | v\. ) \s+ (?: (?i:seite) | S\. ) \s*
          | (?i: suite \s+ de \s+ la ) \s+ (?: (?: (?i:page) | p\. ) \s* )?
          | (?i: viene \s+ de \s+ la \s+ página | segue \s+ da \s+ pagina ) \s+ )
        {latin_page} \s* [.)\]:]*"),
    // A jump line: `See STORM, Page A6`, `Please see BUDGET on A4`, `See
    // Storm, Page 6A`. The jump word is in capitals, or the note says `Page`.
    Rule::continuation("jump-line", Direction::To, r"(?x)
        (?: (?i:please) \s+ )? (?i:see) \s+
        (?: \p{Lu}{2,}[\p{Lu}'’-]* (?: \s+ \p{Lu}{2,}[\p{Lu}'’-]* )* \s* (?: [,/] | \s (?i:on) )? \s* (?: (?i:page) \s+ )?
          | \p{Lu}[\p{L}'’-]* (?: \s+ \p{Lu}[\p{L}'’-]* )* \s* (?: , | \s (?i:on) ) \s* (?i:page) \s+ )
        {latin_page} \s* [.)\]]* \s* $"),
    // The jump head over the rest of an article: `STORM, from Page A1`, `From Page 1`.
    Rule::continuation("jump-line", Direction::From, r"(?x)
        ^ \s* (?: \p{Lu}{2,}[\p{Lu}'’-]* (?: \s+ \p{Lu}{2,}[\p{Lu}'’-]* )* \s* ,? \s+ (?i:from) \s+ (?: (?i:page) \s+ )?
              | (?i: from \s+ page ) \s+ )
        {latin_page} (?-u:\b) \s* [.:]?"),

    // ── End marks ─────────────────────────────────────────────────────────
    // `（完）`, `(完)`, `（全文完）`, `(END)`, `(Ende)`, `(fin)`, `（待续）`.
    Rule::end_mark("end-mark", r"(?x)
        (?P<mark> [（(] \s* (?: 完 | 全文完 | 全文结束 | 全文結束 | 待续 | 待續 | 未完待续 | 未完待續 | (?i: end | ende | fin | ends ) ) \s* [）)] ) $"),
    // `-30-`, `— 30 —`, `# # #`: after a sentence, or alone.
    Rule::end_mark("end-mark", r#"(?x)
        (?: ^ | [\s。！？.!?”’")）] ) \s* (?P<mark> [-–—] \s? 30 \s? [-–—] | \# \s \# \s \# ) $"#),
    // 002-style `(责任编辑:news10)` closing the text; a Taiwan agency's
    // `（編輯：張均懋）1130305` with its date code.
    Rule::end_mark("end-mark",
        r"[（(]\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編)\s*[:：][^）)]{1,24}\s*[）)](?:\d{7})?$"),
    // Editor codes under an article, after its last sentence: 000 `①5`, 001 `①2`.
    Rule::end_mark("editor-code", r#"(?:^|[。！？…!?.．｡”’"'）)」』》】〕\]])\s*(?P<mark>[①-⑳]\d{1,3})$"#),
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
    "weitere artikel",
    "zum thema",
];
