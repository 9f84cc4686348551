//! A page composer: a development set that is not the public samples.
//!
//! galley's rules were fitted to the seeds and the samples, where it
//! scores about 1.0; this module composes pages it has never seen, with
//! their gold, so that a rule can be seen to generalise (or not).
//!
//! - [`articles`]: invented articles (`tests/fixtures/composer/`): 36
//!   Simplified and 6 Traditional Chinese, 15 English, 8 German, with
//!   kickers, titles and subtitles (some without), and the structures
//!   articles hold: crossheads, box labels (延伸阅读, 相关链接, 记者手记,
//!   编者按, 背景), numbered sections (`（一）`, `一、`, `1.`), field
//!   lists (`时间：…`), Q&A (`问：`/`答：`, `Q:`/`A:`), tail credits
//!   (`（作者系…）`, `（通讯员 X）`, `（文/图 X）`, `（本报记者 X 整理）`),
//!   numbers (`36.5亿`), hyphenated compounds (`well-known`,
//!   `Pitt-street`, `co-operation`, `passer-by`, `Bahn-Strecke`,
//!   `EU-Staaten`);
//! - [`leads`]: leads and credits in their real forms (`本报讯（记者 X）`,
//!   `本报X地X月X日讯`, `新华社X地X月X日电`, `中新社…电（记者 X）`,
//!   `【X报讯】`, `【記者X／X報導】`, `By NAME`, `CITY (AP) —`, `Von
//!   NAME`) and continuation notes drawn from their families;
//! - [`furniture`]: headers, footers, page numbers, end marks, editor
//!   codes, photo credits and web chrome, drawn from families;
//! - [`story`] places an article on a page (lead, cut, marks); [`wrap`]
//!   and [`layout`] print it as printed columns, a web page or a Markdown
//!   export; [`corpus`] deals the articles into issues (one paper, one
//!   day, one galley run, no article twice) and writes pages and gold;
//! - [`score`] mirrors the shared `score_samples.py` and adds an order
//!   check.
//!
//! Everything is drawn from one seed with [`rng::Rng`]: the same seed
//! gives the same pages, byte for byte. `tests/composer.rs` runs galley
//! over the pages (one run per issue) and holds the floors;
//! `GALLEY_COMPOSE_VERBOSE=1` prints every miss. To look at the pages,
//! or score them with `score_samples.py` (which gives the same figures):
//!
//! ```text
//! GALLEY_COMPOSE_DIR=/tmp/compose cargo test --test composer -- --ignored --nocapture
//! python3 ../shared/tools/score_samples.py /tmp/compose /tmp/compose/out --verbose
//! ```
//!
//! `GALLEY_COMPOSE_SEED=N` draws another set than the floors' one (to see
//! that a change is not fitted to one draw); `galley clean
//! /tmp/compose/pages -o OUT` cleans all issues as one batch instead,
//! where an article seen on several pages lends them its paragraph
//! breaks.

pub mod articles;
pub mod corpus;
pub mod furniture;
pub mod layout;
pub mod leads;
pub mod paper;
pub mod rng;
pub mod score;
pub mod story;
pub mod wrap;
