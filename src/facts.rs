//! The facts file: a batch's facts written once and read by every shard.
//!
//! Two JSON lines. The first is the stamp: the format and its version, the
//! galley version (whose built-in rules the facts were gathered with),
//! a digest of the rules in force and the encoding `--encoding` forced,
//! all of which change what a page contributes. The second is the
//! [`Facts`], hash maps written sorted (see `canonical`), so that the same
//! pages give the same bytes whatever the thread count, the shards or the
//! order of merging. A file whose stamp differs from the run's is refused:
//! facts gathered under other rules would clean with the wrong context,
//! silently.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::CleanOptions;
use crate::context::Facts;
use crate::error::Error;

/// What the first line of a facts file names itself.
const FORMAT: &str = "galley-facts";

/// The version of the facts format; raised when the meaning of a field
/// changes (2: the lexicon's compounds count at line edges too).
pub const FORMAT_VERSION: u32 = 2;

/// What a set of facts was gathered with: galley's version, the rules and
/// the forced encoding. Facts only merge with, and only clean pages under,
/// the same stamp.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Always `galley-facts`.
    pub format: String,
    /// [`FORMAT_VERSION`] of the galley that wrote it.
    pub version: u32,
    /// The version of the galley that wrote it.
    pub galley: String,
    /// The digest of the rule set ([`rules_digest`]).
    pub rules: String,
    /// The encoding every input was read in, if one was forced.
    pub encoding: Option<String>,
}

impl Stamp {
    /// The stamp of facts gathered by this galley with `options`, reading
    /// inputs in `encoding` (`None`: detected, or text given directly).
    pub fn new(options: &CleanOptions, encoding: Option<&'static encoding_rs::Encoding>) -> Self {
        Stamp {
            format: FORMAT.to_owned(),
            version: FORMAT_VERSION,
            galley: crate::VERSION.to_owned(),
            rules: rules_digest(options),
            encoding: encoding.map(|e| e.name().to_owned()),
        }
    }

    /// `Ok` when facts of this stamp may clean pages under `expected`; the
    /// error says what differs and what to do.
    pub fn check(&self, expected: &Stamp) -> Result<(), Error> {
        let again = "gather them again with `galley facts` and the same options as this run";
        let reason = if self.galley != expected.galley || self.version != expected.version {
            format!(
                "facts of galley {} (facts format {}), and this is galley {} (format {}): {again}",
                self.galley, self.version, expected.galley, expected.version
            )
        } else if self.rules != expected.rules {
            format!("facts gathered under other rules (--rules) than this run's: {again}")
        } else if self.encoding != expected.encoding {
            let shown = |e: &Option<String>| e.as_deref().map_or("detected".to_owned(), |e| format!("--encoding {e}"));
            format!(
                "facts gathered with encoding {}, and this run reads {}: {again}",
                shown(&self.encoding),
                shown(&expected.encoding)
            )
        } else {
            return Ok(());
        };
        Err(Error::Facts { reason })
    }
}

/// The digest of the rules `options` clean with: their SHA-256, hex.
/// Keeping furniture does not change what a page contributes to the facts.
pub fn rules_digest(options: &CleanOptions) -> String {
    let rules = serde_json::to_vec(&options.rules).expect("rules serialize");
    hex(&Sha256::digest(rules))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Facts {
    /// The facts file of these facts: the stamp's line, then the facts'.
    pub fn to_bytes(&self, stamp: &Stamp) -> Vec<u8> {
        let mut bytes = serde_json::to_vec(stamp).expect("a stamp serializes");
        bytes.push(b'\n');
        serde_json::to_writer(&mut bytes, self).expect("facts serialize");
        bytes.push(b'\n');
        bytes
    }

    /// Reads a facts file: its facts and the stamp they were gathered
    /// with. `Err` when it is no facts file, or one of another format
    /// version; whether the stamp suits a run is [`Stamp::check`]'s to say.
    pub fn from_bytes(bytes: &[u8]) -> Result<(Facts, Stamp), Error> {
        let not_facts = |what: &str| Error::Facts { reason: format!("not a galley facts file ({what})") };
        let (head, body) = bytes.split_at(bytes.iter().position(|&b| b == b'\n').unwrap_or(bytes.len()));
        let stamp: Stamp = serde_json::from_slice(head).map_err(|_| not_facts("no stamp on its first line"))?;
        if stamp.format != FORMAT {
            return Err(not_facts(&format!("its first line names {:?}", stamp.format)));
        }
        if stamp.version != FORMAT_VERSION {
            return Err(Error::Facts {
                reason: format!(
                    "facts format {} of galley {}; this galley {} reads format {FORMAT_VERSION}: gather them again \
                     with `galley facts`",
                    stamp.version,
                    stamp.galley,
                    crate::VERSION
                ),
            });
        }
        let facts = serde_json::from_slice(body).map_err(|e| not_facts(&format!("bad facts: {e}")))?;
        Ok((facts, stamp))
    }

    /// The SHA-256 of the facts, hex: the same for the same pages under
    /// the same rules, whatever the thread count or the shards, and for a
    /// run with `--facts` the digest of the facts it cleaned with.
    pub fn digest(&self) -> String {
        hex(&Sha256::digest(serde_json::to_vec(self).expect("facts serialize")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::page_facts;
    use crate::model::Page;

    fn facts_of(pages: &[&str]) -> Facts {
        let options = CleanOptions::default();
        pages.iter().map(|p| Facts::from(page_facts(Page::new(p), &options))).fold(Facts::default(), Facts::merge)
    }

    const PAGES: [&str; 3] = [
        "晨报 2021年12月6日 星期一 第3版\n\n市委召开会议。市长作工作部署。\n",
        "晨报 2021年12月7日 星期二 第4版\n\nThe inter-\nnational meeting was held in the international hall.\n",
        "晨报 2021年12月8日 星期三 第5版\n\n监督举报电话：（0391）3569278。\n",
    ];

    #[test]
    fn facts_survive_the_file() {
        let facts = facts_of(&PAGES);
        let stamp = Stamp::new(&CleanOptions::default(), None);
        let (read, read_stamp) = Facts::from_bytes(&facts.to_bytes(&stamp)).expect("a facts file");
        assert_eq!((read, read_stamp), (facts, stamp));
    }

    #[test]
    fn merge_order_does_not_reach_the_bytes() {
        let stamp = Stamp::new(&CleanOptions::default(), None);
        let one = facts_of(&PAGES).to_bytes(&stamp);
        let reversed = facts_of(&[PAGES[2], PAGES[1], PAGES[0]]).to_bytes(&stamp);
        assert_eq!(String::from_utf8(one).unwrap(), String::from_utf8(reversed).unwrap());
        assert_eq!(facts_of(&PAGES).digest(), facts_of(&[PAGES[1], PAGES[0], PAGES[2]]).digest());
        assert_ne!(facts_of(&PAGES).digest(), facts_of(&PAGES[..2]).digest());
    }

    #[test]
    fn other_rules_or_encoding_are_refused_by_name() {
        let builtin = Stamp::new(&CleanOptions::default(), None);
        let mut rules = crate::rules::RuleSet::builtin();
        let toml = "[[rule]]\nname = \"photo-credit\"\nenabled = false\n";
        rules.add_toml(toml, std::path::Path::new("r.toml")).expect("valid rules");
        let other = Stamp::new(&CleanOptions { rules, keep_furniture: false }, None);
        let err = other.check(&builtin).expect_err("other rules");
        assert!(err.is_usage() && err.to_string().contains("other rules"), "{err}");
        let gbk = Stamp::new(&CleanOptions::default(), Some(encoding_rs::GBK));
        assert!(gbk.check(&builtin).expect_err("other encoding").to_string().contains("--encoding GBK"));
        let kept = Stamp::new(&CleanOptions { keep_furniture: true, ..CleanOptions::default() }, None);
        assert!(kept.check(&builtin).is_ok(), "keeping furniture gathers the same facts");
    }

    #[test]
    fn foreign_and_old_files_are_refused() {
        for bytes in [&b"not json\n{}"[..], b"{\"format\":\"other\"}\n{}", b""] {
            let err = Facts::from_bytes(bytes).expect_err("not a facts file");
            assert!(err.to_string().contains("not a galley facts file"), "{err}");
        }
        let mut stamp = Stamp::new(&CleanOptions::default(), None);
        stamp.version = FORMAT_VERSION + 1;
        let err = Facts::from_bytes(&Facts::default().to_bytes(&stamp)).expect_err("other format");
        assert!(err.is_usage() && err.to_string().contains("gather them again"), "{err}");
    }
}
