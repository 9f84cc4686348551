//! galley turns raw text dumps of scanned newspaper pages into clean UTF-8
//! articles.
//!
//! A page dump (OCR or PDF-extraction output, or a scraped web edition)
//! goes through six stages: [`decode`] any encoding to UTF-8,
//! [`normalize`] Unicode and OCR spacing, [`rejoin`] the lines and
//! paragraphs cut by columns and page breaks, take out the page
//! [`furniture`] (keeping a record of it), [`segment`] the page into
//! articles with headline and byline, and [`write`](mod@write) them out. Each stage is
//! a pure function; only [`batch`] and [`write`](mod@write) touch the file system.
//!
//! ```
//! use galley::{clean_page, BatchContext, CleanOptions, Page, Trace};
//!
//! let page = "本报讯（记者焦娟） 3 月 17 日下午，市委召开专题\n会议，部署疫情防控工作。\n\n市委召开疫情防控专题会议\n";
//! let result = clean_page(Page::new(page), &BatchContext::default(), &CleanOptions::default(), &mut Trace::off());
//! let article = &result.items[0];
//! assert_eq!(article.title.as_deref(), Some("市委召开疫情防控专题会议"));
//! assert_eq!(article.byline.as_deref(), Some("本报讯（记者焦娟）"));
//! assert_eq!(article.body, ["本报讯（记者焦娟）3月17日下午，市委召开专题会议，部署疫情防控工作。"]);
//! ```
//!
//! The pages of a batch are cleaned with the batch's facts: gather each
//! page's ([`page_facts`]), merge them ([`Facts::merge`], in any order:
//! per shard, per worker), and clean every page with the context they
//! establish ([`Facts::into_context`]). [`Facts::to_bytes`] writes them as
//! `galley facts` does, [`Facts::from_bytes`] reads them back.
//!
//! ```
//! use galley::{clean_page, page_facts, BatchContext, CleanOptions, Facts, ItemKind, Page, Trace};
//!
//! let pages = [include_str!("../seeds/001_a69710dabf6f1119.txt"), include_str!("../seeds/004_468ab1eef400fbf5.txt")];
//! let options = CleanOptions::default();
//! let facts = pages.iter().map(|p| Facts::from(page_facts(Page::new(p), &options))).fold(Facts::default(), Facts::merge);
//! // Alone, the hotline box atop page 001 is a notice of its own; the
//! // batch shows it on 004 too, beside other text: it is furniture.
//! let alone = clean_page(Page::new(pages[0]), &BatchContext::default(), &options, &mut Trace::off());
//! assert_eq!(alone.items[0].kind, ItemKind::Notice);
//! let in_batch = clean_page(Page::new(pages[0]), &facts.into_context(), &options, &mut Trace::off());
//! assert_eq!(in_batch.items[0].title.as_deref(), Some("我市六名战“疫”干部获火线提拔"));
//! ```
#![deny(missing_docs)]

pub mod batch;
mod canonical;
mod check;
mod clean;
pub mod config;
mod context;
pub mod decode;
pub mod error;
pub mod explain;
pub mod facts;
pub mod furniture;
pub mod model;
pub mod normalize;
mod ordered;
mod outdir;
mod previous;
mod progress;
pub mod provenance;
pub mod rejoin;
pub mod report;
pub mod rules;
pub mod script;
pub mod segment;
mod trace;
mod update;
pub mod write;

pub use batch::{Summary, run};
pub use clean::{clean_page, page_facts};
pub use config::{CleanOptions, Config, Format, Input, Mode, Shard};
pub use context::{BatchContext, Facts, PageFacts};
pub use error::Error;
pub use facts::Stamp;
pub use model::{Item, ItemKind, Page, PageResult, Removal, Source};
pub use trace::Trace;

/// The version of galley, which facts files and the Python package name.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
