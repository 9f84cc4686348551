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
#![deny(missing_docs)]

pub mod batch;
mod check;
pub mod clean;
pub mod config;
pub mod context;
pub mod decode;
pub mod error;
pub mod explain;
pub mod furniture;
pub mod model;
pub mod normalize;
mod ordered;
pub mod outdir;
mod previous;
mod progress;
pub mod provenance;
pub mod rejoin;
pub mod report;
pub mod rules;
pub mod script;
pub mod segment;
pub mod trace;
pub mod write;

pub use batch::{Summary, run};
pub use clean::{clean_page, page_facts};
pub use config::{CleanOptions, Config, Format, Input, Mode, Shard};
pub use context::{BatchContext, Facts};
pub use error::Error;
pub use model::{Item, ItemKind, Page, PageResult, Removal, Source};
pub use trace::Trace;
