//! The built-in patterns of segmentation, as data: lead markers, bylines,
//! the verbs that end a kicker and the words that mark a subtitle.

/// Lead markers that open an article, each with an optional bracketed
/// byline after it. The whole match is the article's `byline`.
pub const LEAD_MARKERS: &[(&str, &str)] = &[
    // 000 `本报讯（记者焦娟、郭嘉莉）`; `本报北京3月17日讯`, `本报郑州3月4日电`;
    // Traditional `本報訊`.
    ("local-news", r"本[报報](?:[^\s，。、（(]{0,12}?\d{1,2}月\d{1,2}日[讯訊电電]|[讯訊])"),
    // A paper's own news in black brackets: `【滨海日报讯】`, `【南州都市報訊】`.
    ("local-news", r"【[^【】\s，。]{1,15}?[报報][讯訊]】"),
    // A credit line in Chinese, the whole paragraph: `本报记者 王明`,
    // `■本报记者 刘洋`, `新华社记者 孙一鸣 赵蕾`, `■ 本报评论员`, any paper's
    // (`经济日报记者 周　洁`, `本报驻京记者 赵刚`), or none (`记者 王明 通讯员
    // 李华`: then a space or colon before the name, as `记者手记` has none).
    // Names as `{han_name}` reads them, a space between two.
    (
        "credit",
        r"[■●◆▲□]?\s*(?:(?:本[报報]|{agency}|\p{Han}{1,6}?(?:报|報|社|台|网|網))(?:驻\p{Han}{1,4})?{reporter_role}(?:\s*{han_name}(?:\s+{han_name})*)?|{reporter_role}(?:\s+|\s*[:：]\s*){han_name}(?:\s+{han_name})*)\s*$",
    ),
    // A web page's author line: `作者：林晓`, `文／张三`.
    ("credit", r"(?:作者|文|撰文)\s*[:：／/]\s*{han_name}(?:\s+{han_name})*\s*$"),
    // `记者 张三 报道`, `記者 何嘉敏 報道`, before the text on the same line.
    ("reporter", r"(?:记者|記者)\s*[\p{Han}·]{2,4}(?:\s+[\p{Han}·]{2,4})*\s*(?:报道|報道|報導|报导)"),
    // 003 `又讯(郑报全媒体记者 张昕)`.
    ("follow-up", r"又[讯訊]"),
    // 000 `新华社北京3月17日电`; Traditional `中央社台北3日電`; after `据`
    // (according to) when another paper runs the agency's report.
    (
        "agency",
        r"据?(?:新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|新华网|中国新闻社|中國新聞社|中央社)[^\s，。、]{0,12}?(?:\d{1,2}月)?\d{1,2}日[电電]",
    ),
    // A dateline: `WASHINGTON, March 14.—`, `PARIS, March 14 (AP) —`.
    (
        "dateline",
        r"[A-Z][A-Z.' -]{2,30},\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\.?\s*(?:\([^)]{1,30}\))?\s*[-—–]+",
    ),
    // A dateline without a date: `SPRINGFIELD — `, `NEW YORK (AP) — `,
    // `AUSTIN, Texas — `, `LONDON (Reuters) - `, `WASHINGTON—`.
    (
        "dateline",
        r"\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+)*(?:,\s+\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)?(?:\s+\([^)]{1,30}\))?(?:\s*[—–]|\s+(?:--|-)\s)\s*",
    ),
    // An agency dateline in mixed case: `Berlin (dpa) - `, `Paris (AFP). `.
    // Not `BERLIN. `: old English pages print `MAJ. `, `VOL. ` so.
    (
        "dateline",
        r"\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?\s+\((?:dpa|AFP|afp|AP|Reuters|KNA|epd|sda|SDA|apa|APA|SID|ANSA|EFE|Belga|ATS)\)\s*(?:[.:–—]|\s-)?\s*",
    ),
    // A credit line without `By`: `Daniel Okafor, Staff Writer`.
    (
        "credit",
        r"\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+)+,?\s+(?:(?:Senior|Staff|Chief|Special|Political|Business|Sports|Foreign)\s+)?(?:Writer|Reporter|Correspondent|Editor)s?\s*$",
    ),
    // A credit line, the whole paragraph: `By TOM BAKER`, `By Jane Doe and
    // John Roe, Herald Staff Writers`, `Von Hans Müller`, `Par Jean Dupont`,
    // `*By Jane Doe* | March 3, 2024`.
    // Not `BY …` in capitals: that is a headline line (en-ocr `BY CARRANZA
    // TROOPS`).
    (
        "credit",
        r"[*_]{0,2}(?:By|Von|Par|Por)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:[\s,|/·&*_]+(?:\p{Lu}[\p{L}.'’-]*|\d{1,4}|and|AND|und|et|y|of|the|for|de|da|van|von|der|den|del|la|le|di|du))*[\s*_]*$",
    ),
];

/// Longest credit line, in UTF-8 bytes (100 ideographs, 300 Latin
/// letters): a dozen names with their titles. A longer paragraph is running
/// text whatever its words, and a credit pattern, which must reach the
/// paragraph's end, need not read it through.
pub const MAX_CREDIT_BYTES: usize = 300;

/// A bracketed byline after a lead marker, or opening a paragraph on its
/// own: `（记者焦娟、郭嘉莉）`, `(河南日报记者 李铮 冯芸)`, Taiwan's
/// `【記者王小明／台北報導】`, Hong Kong's `（星島日報報道）`, `【明報專訊】`.
pub const BYLINE: &str = r"[（(【〔\[][^（）()【】〔〕\[\]]{0,40}?(?:记者|記者|通讯员|通訊員|特约|特約|电|電|报道|報道|報導|报导|专讯|專訊)[^（）()【】〔〕\[\]]{0,40}[）)】〕\]]";

/// Words that make a bracketed line after an article's last sentence its
/// tail credit (`（通讯员 周明亮）`, `（文/图 本报记者 孙晓雯）`,
/// `（本报记者 陈思雨 整理）`, `（作者系南州市委党校教授）`, `（新华社电）`,
/// `(Reporting by Jane Doe)`): it ends the article and stays in it.
#[rustfmt::skip]
pub const TAIL_CREDIT_WORDS: &[&str] = &[
    "记者", "記者", "通讯员", "通訊員", "特约", "特約", "作者", "撰稿", "撰文", "文/图", "文／图", "图/文", "图／文",
    "整理", "编译", "編譯", "供稿", "社电", "社電", "Reporting by", "reporting by", "Compiled by", "Written by",
];

/// Words that make a bracketed line a report's byline, which opens the
/// report even on a line of its own (`【記者王小明／台北報導】`).
pub const REPORT_WORDS: &[&str] = &["报道", "報道", "報導", "报导", "专讯", "專訊"];

/// Words that make a bracketed line a picture's credit (`（记者 张三 摄）`,
/// `（李静 设计）`): a paragraph of its own, which may stand under a picture
/// inside the article as well as at its end.
pub const PICTURE_CREDIT_WORDS: &[&str] =
    &["摄", "攝", "设计", "設計", "制图", "製圖", "绘", "繪", "Photo", "photo", "Graphic", "Foto", "Grafik"];

/// The labels of boxes an article holds (`记者手记`, `延伸阅读`,
/// `Background`): on a line of their own they open a paragraph of the
/// article's text, never a headline.
#[rustfmt::skip]
pub const BOX_LABELS: &[&str] = &[
    "延伸阅读", "相关阅读", "相关链接", "链接", "新闻链接", "知识链接", "背景链接", "相关新闻", "记者手记", "采访手记",
    "记者观察", "编辑手记", "编者按", "编者的话", "编后", "编后语", "背景", "新闻背景", "短评", "点评", "快评", "小贴士",
    "温馨提示", "数读", "专家观点", "名词解释",
    "延伸閱讀", "相關閱讀", "相關連結", "連結", "相關新聞", "記者手記", "採訪手記", "記者觀察", "編者按", "編後語",
    "新聞背景", "短評", "點評", "小貼士", "溫馨提示",
    "Background", "Related", "Related stories", "Analysis", "Factbox", "Fact box", "Editor's note", "Editor’s note",
    "Hintergrund", "Kommentar", "Zur Sache", "Stichwort", "Mehr zum Thema",
];

/// The labels of an editor's note, which introduces the article below
/// it: a lead after it opens that article's text (`编者按：…` ⏎
/// `本报讯（记者 X）…`).
pub const EDITOR_NOTE_LABELS: &[&str] = &[
    "编者按",
    "编者的话",
    "编前",
    "编者注",
    "編者按",
    "編者的話",
    "編前",
    "Editor's note",
    "Editor’s note",
    "Editor's Note",
    "Anmerkung der Redaktion",
];

/// The labels of questions and answers in an interview (`问：`, `答：`,
/// `Q:`, `A:`): each opens a paragraph of its own.
pub const QA_LABELS: &[&str] = &["问", "答", "問", "Q", "A", "Frage", "Antwort", "F"];

/// Verbs that end a kicker line: `…会议上强调`, `…要求`.
pub const REPORTING_VERBS: &[&str] = &["强调", "要求", "提出", "指出", "表示", "宣布", "希望", "透露"];

/// Words that mark a subtitle naming who presided or attended
/// (`葛巧红主持并讲话`, `王凯出席`).
pub const PRESIDING_WORDS: &[&str] = &["主持", "出席"];

/// Words after a presiding word that make it a title's verb instead
/// (`…主持召开…会议`: convened).
pub const CONVENING_WORDS: &[&str] = &["召开"];

/// Words that never stand in a person's name written with capitals (`A`,
/// `Of`, `THE`): after `By`, `Von`, `Par` or `Por` they make a deck, not a
/// credit (`By A Very Large Vote`, `By Order Of The Court`). Lower case,
/// they join names (`Jane Doe and John Roe`, `By the Associated Press`).
/// Name particles (`Le`, `De`, `Van`, `Von`, `Der`) are not listed.
pub const NOT_NAME_WORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "by", "with", "from", "into", "over", "under",
    "after", "before", "as", "is", "are", "was", "be", "it", "its", "this", "that", "no", "not", "more", "most",
    "very", "all", "our", "their", "his", "her", "ein", "eine", "einer", "einem", "einen", "und", "mit", "für", "auf",
    "un", "une", "et", "pour", "avec", "sur",
];

#[cfg(test)]
mod tests {
    use crate::rules::RuleSet;

    #[test]
    fn leads_in_every_agency_and_bureau_form() {
        let rules = RuleSet::builtin();
        for (text, lead) in [
            ("【滨海日报讯】因滨江大道跨线桥施工需要，", "【滨海日报讯】"),
            ("【南州都市報訊】沿著青石板路走進和平老街", "【南州都市報訊】"),
            ("本报青川5月10日讯 沿着青石板路走进和平老街", "本报青川5月10日讯"),
            ("本报临川4月12日讯（记者 王鹏）今年，", "本报临川4月12日讯（记者 王鹏）"),
            ("新华社临川3月27日电（临江商报记者徐静）记者从", "新华社临川3月27日电（临江商报记者徐静）"),
            ("据新华社北京3月17日电 中共中央政治局", "据新华社北京3月17日电"),
            ("中新社江城1月1日电（临江商报记者李子涵）因", "中新社江城1月1日电（临江商报记者李子涵）"),
            ("中央社記者王小明台北3日電 台北市政府今天", "中央社記者王小明台北3日電"),
            ("【記者王小明／台北報導】台北市政府今天宣布", "【記者王小明／台北報導】"),
            ("〔記者王小明／台北報導〕台北市政府今天宣布", "〔記者王小明／台北報導〕"),
        ] {
            assert_eq!(rules.lead(text).map(str::trim_end), Some(lead), "{text}");
        }
        for text in [
            "【资料】本届联赛分为三个组别",
            "【链接】目前，全市已建成城市书房36家",
            "据介绍，5号线北段预计2025年底建成",
        ] {
            assert_eq!(rules.lead(text), None, "{text}");
        }
    }
}
