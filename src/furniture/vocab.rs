//! The words newspapers print their furniture in, each list once, and the
//! named pattern fragments built from them.
//!
//! A rule's pattern (built-in or from `--rules`) may name a fragment as
//! `{name}`; [`expand`] puts the fragment in. So the months of seven
//! languages, the weekdays, the ways a date, a time, a page reference or a
//! person's name is printed are written here once and every rule that
//! needs them shares them: a month added here is a month every header,
//! date line and citation rule knows. Keep each list sorted by language,
//! then as the papers print the words; [`expand`] orders alternations
//! longest first, so `Sept` is tried before `Sep`.

/// Month names with their numbers. An abbreviation (`Mar.`, `Sept`,
/// `Okt.`) stands for the month whose names it begins.
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

/// Short month forms papers print with or without a dot (`Jan.`, `Sept`,
/// `Okt.`, `févr.`); each begins one month's names only.
pub const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "janv", "feb", "febr", "fév", "févr", "mar", "mär", "apr", "avr", "jun", "jul", "juil", "aug", "sep",
    "sept", "oct", "okt", "nov", "dec", "dez", "déc",
];

/// Weekday names, Monday first within each language.
pub const WEEKDAY_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday", // English
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag", // German
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche", // French
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo", // Spanish
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato", // Italian
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag", // Dutch
];

/// Short weekday forms (`Fri.`, `Tues`); the two- and three-letter forms
/// of other languages (`Do.`, `sam.`) are left out: they are words too.
pub const WEEKDAY_ABBREVIATIONS: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];

/// Numerals of Chinese page, column and issue numbers and dates.
pub const CJK_NUMERALS: &str = "一二三四五六七八九十百千零〇两";

/// The roles an editors' line names (`责任编辑：王明`, `■美编 李华`).
pub const EDITOR_ROLES: &[&str] = &[
    "本版责任编辑",
    "本版责编",
    "本版编辑",
    "责任编辑",
    "值班编辑",
    "文字编辑",
    "图片编辑",
    "见习编辑",
    "编辑",
    "责编",
    "编审",
    "美编",
    "美术编辑",
    "版式设计",
    "版式",
    "组版",
    "排版",
    "版面设计",
    "制图",
    "校对",
    "审校",
    "审核",
    "审签",
    "终审",
    "一审",
    "二审",
    "三审",
    "监制",
    "責任編輯",
    "本版編輯",
    "編輯",
    "責編",
    "美編",
    "組版",
    "版面設計",
    "校對",
    "審校",
    "審核",
];

/// Editors' roles as English, German and French pages print them, before
/// a colon (`Page designer: Karen Novak`, `Verantwortlich: Jana Becker`).
pub const LATIN_EDITOR_ROLES: &[&str] = &[
    "editor",
    "news editor",
    "copy editor",
    "page editor",
    "page designer",
    "designer",
    "layout",
    "redaktion",
    "verantwortlich",
    "verantwortlich für diese seite",
    "gestaltung",
    "schlussredaktion",
    "rédaction",
    "mise en page",
    "secrétariat de rédaction",
];

/// Words that begin a web page's published-at line, before its date
/// (`Veröffentlicht am 16.10.2021 um 11:28 Uhr`, `发布时间：2021-12-14`).
pub const PUBLISHED_WORDS: &[&str] = &[
    "published",
    "published on",
    "first published",
    "updated",
    "updated on",
    "last updated",
    "posted",
    "posted on",
    "veröffentlicht",
    "veröffentlicht am",
    "aktualisiert",
    "aktualisiert am",
    "zuletzt aktualisiert",
    "zuletzt aktualisiert am",
    "erstellt am",
    "stand",
    "publié le",
    "mis à jour le",
    "publicado",
    "publicado el",
    "actualizado",
    "actualizado el",
    "pubblicato",
    "pubblicato il",
    "aggiornato il",
    "gepubliceerd op",
    "发布时间",
    "发布日期",
    "发表时间",
    "发表于",
    "更新时间",
    "时间",
    "日期",
    "發布時間",
    "發佈時間",
    "發布日期",
    "發表時間",
    "發表於",
    "更新時間",
    "時間",
    "日期",
];

/// Labels of a web page's source and editor fields (`来源：人民网`,
/// `Quelle: dpa`). Not `作者` or `记者`: those open a byline.
pub const SOURCE_LABELS: &[&str] = &[
    "来源",
    "稿源",
    "出处",
    "编辑",
    "责任编辑",
    "责编",
    "來源",
    "稿源",
    "出處",
    "編輯",
    "責任編輯",
    "責編",
    "source",
    "quelle",
    "fuente",
    "origine",
];

/// Labels of an author's field on a web page's date and source line
/// (`作者：孙亮`, `Author: Ana Lima`). Alone on its line such a field is
/// the article's byline, not furniture.
pub const AUTHOR_LABELS: &[&str] =
    &["作者", "记者", "記者", "撰稿", "撰文", "通讯员", "通訊員", "author", "autor", "auteur", "autore"];

/// Counters a web page prints beside its date (`浏览次数：1024`, `阅读：35`).
pub const COUNTER_LABELS: &[&str] =
    &["浏览次数", "浏览", "阅读", "阅读量", "点击", "点击量", "瀏覽次數", "瀏覽", "閱讀", "點擊", "點閱"];

/// Share, print, close and font links of a web page, and the networks
/// it shares to (`【打印】【关闭】`, `Artikel teilen`, `Facebook  Twitter`).
pub const SHARE_WORDS: &[&str] = &[
    "分享到",
    "分享",
    "打印本页",
    "打印此页",
    "打印",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "收藏本页",
    "收藏",
    "返回顶部",
    "返回首页",
    "返回",
    "纠错",
    "推荐给朋友",
    "推荐",
    "转发",
    "复制链接",
    "微信",
    "微信好友",
    "朋友圈",
    "微博",
    "新浪微博",
    "QQ空间",
    "QQ好友",
    "列印本頁",
    "列印",
    "關閉視窗",
    "關閉",
    "回到頂部",
    "複製連結",
    "臉書",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "print",
    "print this",
    "print this article",
    "print this page",
    "email",
    "e-mail",
    "mail",
    "close",
    "tweet",
    "copy link",
    "comments",
    "partager",
    "imprimer",
    "envoyer",
    "teilen",
    "artikel teilen",
    "beitrag teilen",
    "drucken",
    "artikel drucken",
    "seite drucken",
    "versenden",
    "merken",
    "kommentare",
    "compartir",
    "imprimir",
    "condividi",
    "stampa",
    "delen",
    "printen",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "telegram",
    "xing",
    "flipboard",
    "messenger",
    "line",
];

/// Labels of a font-size switch (`字号：大 中 小`, `Schriftgröße: A A A`).
pub const FONT_LABELS: &[&str] = &[
    "字号",
    "字体",
    "字體",
    "字號",
    "字级",
    "字級",
    "字体大小",
    "文字大小",
    "schriftgröße",
    "textgröße",
    "font size",
    "text size",
    "taille du texte",
];

/// First crumbs of a breadcrumb trail, and the words before one
/// (`当前位置：`, `Home › News`, `Startseite > Lokales`).
pub const HOME_WORDS: &[&str] = &[
    "首页",
    "网站首页",
    "主页",
    "首頁",
    "主頁",
    "home",
    "homepage",
    "startseite",
    "start",
    "accueil",
    "inicio",
    "portada",
    "voorpagina",
];

/// Words that open a breadcrumb trail with a colon (`您的位置：首页 > …`).
pub const LOCATION_WORDS: &[&str] = &[
    "当前位置",
    "您的位置",
    "你的位置",
    "您现在的位置",
    "您当前的位置",
    "所在位置",
    "当前页面",
    "目前位置",
    "現在位置",
    "您的位置",
    "你在這裡",
    "you are here",
    "sie sind hier",
    "vous êtes ici",
];

/// How a paper opens a notice of its services to readers: hotlines,
/// subscriptions, news tips, submissions, QR codes (`读者服务热线：…`,
/// `订报热线：…  邮发代号：…`, `To subscribe, call …`, `Leserservice: 0800 …`).
/// Lower case: Latin words are matched in any case.
pub const READER_SERVICES: &[&str] = &[
    "读者服务热线",
    "读者服务专线",
    "读者服务电话",
    "读者热线",
    "读者来信",
    "本报热线",
    "本报新闻热线",
    "新闻热线",
    "新闻报料",
    "报料热线",
    "报料电话",
    "爆料热线",
    "订报热线",
    "订报电话",
    "订报服务",
    "订阅热线",
    "订阅电话",
    "发行热线",
    "发行服务",
    "广告热线",
    "广告服务",
    "投稿邮箱",
    "投稿信箱",
    "来稿邮箱",
    "邮发代号",
    "扫码订阅",
    "扫码关注",
    "扫描二维码",
    "欢迎扫码",
    "讀者服務專線",
    "讀者服務熱線",
    "讀者專線",
    "本報熱線",
    "新聞熱線",
    "新聞爆料",
    "爆料專線",
    "訂報專線",
    "訂報熱線",
    "訂閱專線",
    "發行專線",
    "廣告專線",
    "投稿信箱",
    "掃碼訂閱",
    "to subscribe",
    "subscribe today",
    "subscriber services",
    "subscription services",
    "customer service",
    "home delivery",
    "delivery problems",
    "got a news tip",
    "have a news tip",
    "have a story idea",
    "news tips",
    "newsroom:",
    "reader services",
    "scan the qr code",
    "leserservice",
    "leser-service",
    "leserhotline",
    "aboservice",
    "abo-service",
    "abonnentenservice",
    "kundenservice",
    "zustellservice",
    "service abonnés",
    "pour vous abonner",
];

/// Wire services and agencies whose names appear in photo credits and
/// bylines (`新华社记者 X 摄`, `Foto: X/dpa`, `(AP Photo/X)`).
pub const AGENCIES: &[&str] = &[
    "新华社",
    "中新社",
    "人民网",
    "新華社",
    "中央社",
    "ap",
    "afp",
    "reuters",
    "dpa",
    "epa",
    "getty images",
    "picture alliance",
    "keystone",
    "imago",
    "ddp",
    "kna",
    "epd",
];

/// Fragments a pattern may name as `{name}`. A fragment may name others.
const FRAGMENTS: &[(&str, &str)] = &[
    // A month name or abbreviation, in any case, with its dot.
    ("month", "(?i:{month_word})\\.?"),
    // A weekday name or abbreviation, in any case, with its dot.
    ("weekday", "(?i:{weekday_word})\\.?"),
    ("cjk_weekday", "(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]"),
    ("cjk_numeral", "[一二三四五六七八九十百千零〇两\\d]+"),
    // A whole date: `2021年12月6日`, `2021-12-06`, `2021.6.19`, `16.10.2021`,
    // `7/3/2024`, `March 3, 2024`, `3. März 2024`, `le 3 mars 2024`,
    // `中華民國112年5月4日`.
    (
        "date",
        r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|中[华華]民[国國]\s*\d{2,3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{1,2}/\d{1,2}/\d{4}|{month}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?{month},?\s+(?:de\s+)?\d{4})",
    ),
    // A date in numbers: `2021年12月6日`, `2021-12-06`, `2021.6.19`, `中華民國112年5月4日`.
    (
        "cjk_date",
        r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|中[华華]民[国國]\s*\d{2,3}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})",
    ),
    // A time of day: `16:43:32`, `10:15 AM`, `1:05 p.m. EST`, `11:28 Uhr`, `下午3:30`, `14h05`.
    (
        "time",
        r"(?:(?:上午|下午|晚上|早上|中午|凌晨)\s*)?\d{1,2}\s*[:：hH.]\s*\d{2}(?:\s*[:：]\s*\d{2})?(?:\s*(?i:[ap]\.?\s?m\.?|uhr))?(?:\s*\(?(?:[A-Z]{2,4}|MESZ?)(?:[+-]\d{1,2})?\)?)?",
    ),
    // The page reference of a Chinese continuation note, with a circled
    // mark or a column: `A02版③`, `第二版`, `第三版第五栏`, `8版`, `A3`.
    (
        "cjk_page",
        r"(?P<page>(?:第\s*{cjk_numeral}\s*[版页頁]|[A-Z]?\d{1,3}\s*[版页頁]|[A-Z]\d{1,3})(?:\s*[①-⑳]|\s*第\s*{cjk_numeral}\s*[栏欄])?)",
    ),
    // The page reference of a Latin note: `2`, `A6`, `6A`, `Fourteen`, `une`.
    (
        "latin_page",
        r"(?P<page>[A-Z]-?\d{1,3}|\d{1,3}[A-Z]?|(?i:(?:twenty[- ]?)?(?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty)|une|Une|UNE)",
    ),
    // A page label of a header: `第二版`, `A03`, `A03版`, `8版`, `第12期`.
    (
        "cjk_label",
        r"(?:第\s*{cjk_numeral}\s*[版页頁期]|总第\s*\d+\s*期|總第\s*\d+\s*期|[A-Z]\d{1,2}\s*版?|\d{1,2}\s*版)",
    ),
    // `Page A3`, `PAGE 3`, `Seite 3`, `S. 3`, `A3`, `8A`, `Nr. 112`, `Vol. 12`.
    (
        "latin_label",
        r"(?:(?i:page|seite|pg\.?|p\.|s\.|pagina|página)\s*[A-Z]?\d{1,3}[A-Z]?|[A-Z]\d{1,2}|\d{1,2}[A-Z]|(?i:nr|no|vol|issue|jahrgang|ausgabe|n°)\.?\s*\d{1,5}|\d{1,3}\.\s*(?i:jahrgang))",
    ),
    // A person's name in Chinese, and several names. Print pads a
    // two-character name to the width of three with a space (`周　洁`).
    ("han_name", r"(?:[\p{Han}·]{2,4}|\p{Han}[\x20\u{3000}]\p{Han})"),
    ("han_names", r"{han_name}(?:\s*[、,，/／\s]\s*{han_name}){0,3}"),
    // A name or masthead in Latin capitals: `Sam Hayes`, `Harlow Evening Star`,
    // `The Valley Courier`, `LOCAL NEWS`, `Elbtal-Anzeiger`.
    (
        "capitalized",
        r"[{upper}][{letter}'’&.\-]*(?:\s(?:[{upper}][{letter}'’&.\-]*|of|the|and|am|im|an|de|la|le|du|des|der|die|das|van|von)){0,5}",
    ),
    // Letters of Latin-script papers (a narrower class than `\p{L}`, which
    // every copy of a pattern would compile whole).
    ("upper", r"A-ZÀ-ÖØ-ÞĀ-ſ"),
    ("letter", r"A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"),
    ("editor_role", "{editor_role_word}"),
    ("latin_editor_role", "(?i:{latin_editor_role_word})"),
    // The fields of a running header, Chinese: the ones that change from
    // page to page (date, weekday, page label, issue), an editor, a name.
    ("cjk_number_field", r"(?:{cjk_date}|{cjk_weekday}|{cjk_label}|(?i:CN)\s*\d{2}-\d{4}(?:/[A-Z]{1,2})?)"),
    ("cjk_field", r"(?:{cjk_number_field}|{editor_role}\s*[:：]?\s*{han_name}|[\p{Han}·]+|[（(][\p{Han}\d]+[）)])"),
    ("cjk_sep", r"(?:\s*[|｜·•/]\s*|\s+)"),
    // A reporter's role in a credit line: `记者`, `特约通讯员`, `见习记者`.
    ("reporter_role", r"(?:特约|特約|见习|見習|实习|實習|首席)?(?:记者|記者|评论员|評論員|通讯员|通訊員)"),
    // A section's name in a folio: `要闻`, `综合新闻`, `经济·科技`.
    ("cjk_section", r"(?:\p{Han}{2,4}(?:·\p{Han}{2,4})?)"),
    // The same, Latin: a date or an explicit page label holds a header; a
    // bare page label (`A6`) is one of its fields.
    (
        "latin_strong_field",
        r"(?:(?:{weekday},?\s+)?{date}|(?i:page|seite|pg\.?|p\.|s\.|pagina|página)\s*[A-Z]?\d{1,3}[A-Z]?|(?i:nr|no|vol|issue|jahrgang|ausgabe|n°)\.?\s*\d{1,5})",
    ),
    ("latin_field", r"(?:{latin_strong_field}|{latin_label}|{latin_editor_role}\s*:\s*{capitalized}|{capitalized})"),
    ("latin_sep", r"(?:\s*[|｜·•,]\s*|\s+|\s[-–—]\s)"),
    // A crumb of a breadcrumb trail, and what stands between two.
    ("crumb", r"[^\s>›»/|｜＞→]+(?:\s[^\s>›»/|｜＞→]+){0,2}"),
    ("crumb_sep", r"\s*(?:>>?|＞|›|»|→|/|／)\s*"),
    // A font size switch: `字体：大 中 小`, `Schriftgröße: A A A`.
    (
        "font_sizes",
        r"(?i:{font_label})\s*[:：]?\s*(?:(?:[大中小]|(?i:a[+-]?|klein|mittel|groß|small|medium|large|petit|moyen|grand))\s*){2,3}",
    ),
    // A photo credit in Chinese, without its brackets: `本报记者 孙伟 摄`,
    // `刘芳/摄`, `新华社记者 刘一鸣 摄`, `記者林家豪攝`, `圖／陳志明提供`,
    // `资料图片`, `图片来源：视觉中国`.
    (
        "photo_cjk",
        r"(?:(?:{agency}|本报|本報|\p{Han}{2,8}?(?:报|報|社|台|网|網|站))?\s*(?:特约|特約|实习|實習|摄影|攝影)?(?:记者|記者|通讯员|通訊員)\s*{han_names}\s*[/／]?\s*(?:摄|攝|摄影|攝影)|{han_names}\s*[/／]\s*(?:摄|攝|摄影|攝影)|{han_names}\s+(?:摄|攝|摄影|攝影)|(?:图|圖|图片|圖片|摄影|攝影|供图|供圖|图源|圖源)\s*[/／:：]\s*{han_names}(?:\s*(?:提供|摄|攝))?|(?:图片|圖片|照片)?由\s*[\p{Han}A-Za-z·]+\s*提供|{han_names}\s*(?:供图|供圖)|资料图片|資料圖片|资料图|資料圖|资料照片|資料照片|档案照片|檔案照片|新华社发|新華社發|视觉中国|視覺中國|图虫创意|(?i:IC\s*photo)|CFP(?:供图)?|(?:图片来源|圖片來源)\s*[:：]\s*\S+)",
    ),
    // One field of a web page's date and source line, in any order:
    // `发布时间：2021-12-14 16:43`, `来源：人民网`, `浏览次数：1024`.
    (
        "meta_field",
        r"(?:(?i:{published_word})\s*[:：]?\s*(?:{date}(?:\s*{time})?|{time})|{date}(?:\s*{time})?|(?i:{source_label})\s*[:：]\s*(?:《[^》]+》|{capitalized}|[^\s|｜:：]+)|{counter_label}\s*[:：]?\s*\d+\s*次?)",
    ),
    // An author's field beside them: `作者：孙　亮`, `Author: Ana Lima`.
    ("author_field", r"(?:(?i:{author_label})\s*[:：]\s*(?:{han_names}|{capitalized}))"),
];

/// The forms a date is printed in, with the groups that read it: `y`
/// (or `roc`, a year of the Republic of China), `m` (or `mon`, a month
/// name) and `d`. The date a page states is the earliest in its line of
/// any form; `m/d/y` reads as `d/m/y` when the first number cannot be a
/// month.
pub const DATE_FORMS: &[&str] = &[
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]",
    r"中[华華]民[国國]\s*(?P<roc>\d{2,3})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日",
    r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})",
    r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})",
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})",
    r"(?P<mon>(?i:{month_word}))\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})",
    r"(?P<d>\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?(?P<mon>(?i:{month_word}))\.?,?\s+(?:de\s+)?(?P<y>\d{4})",
];

/// Lists that become fragments as alternations, longest first.
fn list(name: &str) -> Option<Vec<String>> {
    let owned = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Vec<String>>();
    let words = match name {
        "month_word" => {
            let mut words: Vec<String> = MONTH_NAMES.iter().map(|(w, _)| (*w).to_owned()).collect();
            words.extend(owned(MONTH_ABBREVIATIONS));
            words
        }
        "weekday_word" => {
            let mut words = owned(WEEKDAY_NAMES);
            words.extend(owned(WEEKDAY_ABBREVIATIONS));
            words
        }
        "editor_role_word" => owned(EDITOR_ROLES),
        "latin_editor_role_word" => owned(LATIN_EDITOR_ROLES),
        "published_word" => owned(PUBLISHED_WORDS),
        "source_label" => owned(SOURCE_LABELS),
        "author_label" => owned(AUTHOR_LABELS),
        "counter_label" => owned(COUNTER_LABELS),
        "share_word" => owned(SHARE_WORDS),
        "font_label" => owned(FONT_LABELS),
        "home_word" => owned(HOME_WORDS),
        "location_word" => owned(LOCATION_WORDS),
        "agency" => owned(AGENCIES),
        "reader_service" => owned(READER_SERVICES),
        _ => return None,
    };
    Some(words)
}

/// An alternation of `words`, each escaped, with a space standing for any
/// run of spaces, written as a trie (`mar(?:ch|s|zo)?`): the lists are
/// matched case-insensitively, where the regex compiler cannot share the
/// words' common beginnings itself, and every copy of a fragment costs
/// its size again.
pub fn alternation(words: &[String]) -> String {
    let mut chars: Vec<Vec<char>> = words.iter().filter(|w| !w.is_empty()).map(|w| w.chars().collect()).collect();
    chars.sort();
    chars.dedup();
    let slices: Vec<&[char]> = chars.iter().map(Vec::as_slice).collect();
    format!("(?:{})", trie(&slices))
}

/// The trie of `words` (sorted, distinct, none empty) as a pattern.
fn trie(words: &[&[char]]) -> String {
    let mut branches = Vec::new();
    let mut rest = words;
    while let Some(first) = rest.first() {
        let c = first[0];
        let same = rest.iter().position(|w| w[0] != c).unwrap_or(rest.len());
        let piece = if c == ' ' { r"\s+".to_owned() } else { regex::escape(c.encode_utf8(&mut [0; 4])) };
        let tails: Vec<&[char]> = rest[..same].iter().map(|w| &w[1..]).filter(|t| !t.is_empty()).collect();
        branches.push(match (tails.is_empty(), tails.len() < same) {
            (true, _) => piece,
            (false, true) => format!("{piece}(?:{})?", trie(&tails)),
            (false, false) if tails.len() == 1 || same_start(&tails) => format!("{piece}{}", trie(&tails)),
            (false, false) => format!("{piece}(?:{})", trie(&tails)),
        });
        rest = &rest[same..];
    }
    branches.join("|")
}

/// Whether all of `words` begin with the same character (their trie is one branch).
fn same_start(words: &[&[char]]) -> bool {
    words.iter().all(|w| w[0] == words[0][0])
}

/// The fragment or list `name` stands for, if it names one.
fn fragment(name: &str) -> Option<String> {
    FRAGMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| (*f).to_owned())
        .or_else(|| list(name).map(|w| alternation(&w)))
}

/// `pattern` with every `{name}` of a fragment or list put in, again and
/// again until none is left. Braces that name nothing (`\d{1,3}`) stay.
/// `\d` becomes `[0-9]`: normalize made every digit ASCII, and the
/// Unicode digit class would be compiled at every `\d` of a pattern.
pub fn expand(pattern: &str) -> String {
    expand_fragments(pattern).replace(r"\d", "[0-9]")
}

fn expand_fragments(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_end = after.find('}').filter(|&e| after[..e].chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        match name_end.and_then(|e| fragment(&after[..e]).map(|f| (e, f))) {
            Some((end, body)) => {
                out.push_str(&expand_fragments(&body));
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names a pattern may use as `{name}`.
pub fn fragment_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = FRAGMENTS.iter().map(|(n, _)| *n).collect();
    names.extend([
        "month_word",
        "weekday_word",
        "editor_role_word",
        "latin_editor_role_word",
        "published_word",
        "source_label",
        "author_label",
        "counter_label",
        "share_word",
        "font_label",
        "home_word",
        "location_word",
        "agency",
        "reader_service",
    ]);
    names
}

/// The number of a month by its name or abbreviation (`März`, `Mar.`,
/// `Sept`): the month every name it begins belongs to.
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    let mut months = MONTH_NAMES.iter().filter(|(full, _)| full.starts_with(name.as_str())).map(|&(_, m)| m);
    let month = months.next()?;
    months.all(|m| m == month).then_some(month)
}

/// Whether `word` (any case, with or without its dot) names a weekday or a
/// month: the words of a date that change from issue to issue.
pub fn is_calendar_word(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_lowercase();
    let listed = |list: &[&str]| list.contains(&word.as_str());
    listed(WEEKDAY_NAMES)
        || listed(WEEKDAY_ABBREVIATIONS)
        || listed(MONTH_ABBREVIATIONS)
        || MONTH_NAMES.iter().any(|(m, _)| *m == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_expand_and_other_braces_stay() {
        assert_eq!(expand(r"\d{1,3}"), r"[0-9]{1,3}");
        assert_eq!(expand("{nothing}"), "{nothing}");
        let date = regex::Regex::new(&format!("^{}$", expand("{date}"))).expect("a valid date pattern");
        for d in
            ["2021年12月6日", "2021-12-06", "2021.6.19", "16.10.2021", "7/3/2024", "March 3, 2024", "Sept. 8, 2024"]
        {
            assert!(date.is_match(d), "{d}");
        }
        for d in ["3. März 2024", "le 3 mars 2024", "5 de marzo de 2024", "中華民國112年5月4日", "3rd March 2024"]
        {
            assert!(date.is_match(d.trim_start_matches("le ")), "{d}");
        }
    }

    #[test]
    fn every_fragment_compiles() {
        for name in fragment_names() {
            let pattern = expand(&format!("{{{name}}}"));
            assert!(!pattern.contains(&format!("{{{name}}}")), "{name} is not a fragment");
            regex::Regex::new(&pattern).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }

    #[test]
    fn month_abbreviations_name_one_month_each() {
        for abbreviation in MONTH_ABBREVIATIONS {
            assert!(month_number(abbreviation).is_some(), "{abbreviation}");
        }
        assert_eq!(month_number("Mar."), Some(3));
        assert_eq!(month_number("Okt"), Some(10));
        assert_eq!(month_number("Ju"), None);
    }
}
