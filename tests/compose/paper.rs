//! The invented papers an issue comes from: name, web site, date, a
//! notice box, and the people who write and edit it. Every name is drawn
//! from the tables here, so that furniture varies from issue to issue.

use super::articles::Lang;
use super::furniture::{HeaderStyle, header_style};
use super::rng::Rng;

/// A date, with the weekday it falls on.
#[derive(Clone, Copy, Debug)]
pub struct Date {
    /// Year, month (1-based), day (1-based).
    pub y: u32,
    pub m: u32,
    pub d: u32,
}

impl Date {
    fn random(rng: &mut Rng) -> Date {
        Date { y: rng.range(2021, 2024) as u32, m: rng.range(1, 12) as u32, d: rng.range(1, 28) as u32 }
    }

    /// 0 for Sunday (Sakamoto's method).
    pub fn weekday(self) -> usize {
        const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if self.m < 3 { self.y - 1 } else { self.y };
        ((y + y / 4 - y / 100 + y / 400 + T[self.m as usize - 1] + self.d) % 7) as usize
    }

    /// `2023-05-17`.
    pub fn iso(self) -> String {
        format!("{}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// One paper: an issue's pages all come from it.
pub struct Paper {
    /// Its language and script.
    pub lang: Lang,
    /// Masthead name (`滨海日报`, `The Valley Courier`).
    pub name: String,
    /// The web edition's site name and domain.
    pub site: String,
    pub domain: String,
    /// The issue date.
    pub date: Date,
    /// A notice the paper prints on several pages of the issue.
    pub notice: String,
    /// How its running header reads.
    pub header: HeaderStyle,
}

const HANS_PAPERS: [&str; 6] = ["滨海日报", "江城晚报", "南州都市报", "青川日报", "临江商报", "云岭晨报"];
const HANT_PAPERS: [&str; 3] = ["港都時報", "南瀛新報", "東岸日報"];
const EN_PAPERS: [&str; 4] = ["The Valley Courier", "Harlow Evening Star", "Riverton Gazette", "The Eastern Ledger"];
const DE_PAPERS: [&str; 3] = ["Nordkurier Beispiel", "Rheinische Musterpost", "Elbtal-Anzeiger"];
const DOMAINS: [&str; 5] = ["binhai", "jcnews", "nanzhou", "qcdaily", "lnews"];

impl Paper {
    /// A paper of `lang`, drawn.
    pub fn new(rng: &mut Rng, lang: Lang) -> Paper {
        let name = rng
            .pick(match lang {
                Lang::Hans => &HANS_PAPERS[..],
                Lang::Hant => &HANT_PAPERS[..],
                Lang::En => &EN_PAPERS[..],
                Lang::De => &DE_PAPERS[..],
            })
            .to_string();
        let stem = rng.pick(&DOMAINS).to_string();
        let short: String = name.chars().take(2).collect();
        let (site, domain) = match lang {
            Lang::Hans => (format!("{short}新闻网"), format!("www.{stem}.example.cn")),
            Lang::Hant => (format!("{short}新聞網"), format!("news.{stem}.example.tw")),
            Lang::En | Lang::De => (name.clone(), format!("www.{stem}.example.com")),
        };
        let date = Date::random(rng);
        let notice = notice(rng, lang, &domain);
        let header = header_style(rng, lang, date);
        Paper { lang, name, site, domain, date, notice, header }
    }
}

fn notice(rng: &mut Rng, lang: Lang, domain: &str) -> String {
    let phone = format!("{}{:04}", rng.range(6000, 8999), rng.range(0, 9999));
    match (lang, rng.below(3)) {
        (Lang::Hans, 0) => format!("本报新闻热线：{phone}，欢迎提供新闻线索。"),
        (Lang::Hans, 1) => format!("订报热线：{phone}  邮发代号：{}-{}", rng.range(1, 60), rng.range(1, 99)),
        (Lang::Hans, _) => format!("读者服务热线：{phone}（24小时）  投稿邮箱：news@{domain}"),
        (Lang::Hant, _) => format!("讀者服務專線：{phone}  新聞爆料請來信 news@{domain}"),
        (Lang::En, 0) => {
            format!("Got a news tip? Call the newsroom at 555-{:04} or email news@{domain}.", rng.range(0, 9999))
        }
        (Lang::En, _) => format!("To subscribe, call 1-800-555-{:04} or visit {domain}.", rng.range(0, 9999)),
        (Lang::De, _) => format!("Leserservice: 0800 {} {:04} (kostenlos)", rng.range(100, 999), rng.range(0, 9999)),
    }
}

const HANS_SURNAMES: [&str; 16] =
    ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
const HANS_GIVEN: [&str; 16] = [
    "芳", "强", "晓东", "思雨", "海燕", "立新", "静", "磊", "佳琪", "建华", "雪", "文博", "丽萍", "子涵", "鹏", "一鸣",
];
const HANT_SURNAMES: [&str; 8] = ["陳", "林", "黃", "張", "李", "王", "吳", "劉"];
const HANT_GIVEN: [&str; 8] = ["怡君", "志明", "雅婷", "家豪", "淑芬", "建宏", "美玲", "俊傑"];
const EN_FIRST: [&str; 10] = ["Anna", "Mark", "Lisa", "David", "Karen", "James", "Nora", "Peter", "Julia", "Sam"];
const EN_LAST: [&str; 10] =
    ["Walsh", "Turner", "Okafor", "Lindqvist", "Moreno", "Fitzgerald", "Hayes", "Novak", "Brennan", "Reyes"];
const DE_FIRST: [&str; 8] = ["Jana", "Lukas", "Miriam", "Tobias", "Katrin", "Felix", "Ute", "Jonas"];
const DE_LAST: [&str; 8] = ["Becker", "Hoffmann", "Krüger", "Wagner", "Schäfer", "Vogel", "Brandt", "Lehmann"];

/// A person's name in the paper's language (`王芳`, `Anna Walsh`).
pub fn person(rng: &mut Rng, lang: Lang) -> String {
    match lang {
        Lang::Hans => format!("{}{}", rng.pick(&HANS_SURNAMES), rng.pick(&HANS_GIVEN)),
        Lang::Hant => format!("{}{}", rng.pick(&HANT_SURNAMES), rng.pick(&HANT_GIVEN)),
        Lang::En => format!("{} {}", rng.pick(&EN_FIRST), rng.pick(&EN_LAST)),
        Lang::De => format!("{} {}", rng.pick(&DE_FIRST), rng.pick(&DE_LAST)),
    }
}

const CN_DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// A number from 1 to 99 in Chinese numerals (`十二`, `二十`).
pub fn cn_number(n: usize) -> String {
    match n {
        0..=9 => CN_DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", CN_DIGITS[n % 10]),
        _ if n % 10 == 0 => format!("{}十", CN_DIGITS[n / 10]),
        _ => format!("{}十{}", CN_DIGITS[n / 10], CN_DIGITS[n % 10]),
    }
}

/// A circled digit `①`–`⑩`.
pub fn circled(n: usize) -> char {
    char::from_u32(0x2460 + n as u32 - 1).expect("1..=10 are circled digits")
}
