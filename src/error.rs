//! galley's one error type.
//!
//! Only reading, writing and configuration fail; the cleaning stages
//! cannot (bad bytes are counted, odd layout becomes a warning). Each
//! variant carries the path or line that lets the user act on it.

use std::path::PathBuf;

/// What can go wrong outside the cleaning stages.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The output could not be written; OUT is left as it was.
    #[error("{}: cannot write the output here, so OUT is left as it was (is the folder writable, with free space?)", path.display())]
    Output {
        /// The path being written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A `--rules` file cannot be read.
    #[error("{}: cannot read the rules file", path.display())]
    RulesFile {
        /// The rules file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A `--rules` file is not valid.
    #[error("{}:{line}: {message}", path.display())]
    Rules {
        /// The rules file.
        path: PathBuf,
        /// The 1-based line of the fault.
        line: usize,
        /// What is wrong there.
        message: String,
    },
    /// `--encoding` names no encoding known to the WHATWG Encoding Standard.
    #[error(
        "unknown encoding {label:?}: try UTF-8, GB18030, Big5, Shift_JIS, EUC-KR, UTF-16LE or windows-1252 (`galley clean --help` lists them all)"
    )]
    UnknownEncoding {
        /// The name given.
        label: String,
    },
    /// `--shard` is not of the form K/N with 1 ≤ K ≤ N.
    #[error("bad shard {spec:?}: expected K/N with 1 <= K <= N, e.g. 2/8")]
    BadShard {
        /// The value given.
        spec: String,
    },
    /// An input named on the command line does not exist.
    #[error("{}: no such file or folder; nothing was cleaned and OUT is left as it was", path.display())]
    MissingInput {
        /// The path given.
        path: PathBuf,
    },
    /// An input is a FIFO, socket or device, which cannot be read as a page.
    #[error("cannot read: not a regular file (a FIFO, socket or device); leave it out with --exclude")]
    NotAFile {
        /// The path found.
        path: PathBuf,
    },
    /// Two inputs would write their items into the same folder.
    #[error("its items would go to {folder}/, which {} already fills; rename one of the two", first.display())]
    Clash {
        /// The item folder both map to.
        folder: String,
        /// The input that keeps it.
        first: PathBuf,
    },
    /// A facts file (`--facts`) cannot clean this run: not a facts file,
    /// or gathered by another galley, under other rules or another encoding.
    #[error("{reason}")]
    Facts {
        /// What is wrong with it, and what to do.
        reason: String,
    },
    /// The command line asks for something galley cannot do.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// The error with its causes, as one line: `in/locked.txt: Permission
    /// denied (os error 13)`.
    pub fn report(&self) -> String {
        let mut line = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            line.push_str(": ");
            line.push_str(&c.to_string());
            cause = c.source();
        }
        line
    }

    /// Whether the error is the user's request, not the run's: exit status 2.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Rules { .. }
                | Error::RulesFile { .. }
                | Error::UnknownEncoding { .. }
                | Error::BadShard { .. }
                | Error::MissingInput { .. }
                | Error::Facts { .. }
                | Error::Usage(_)
        )
    }
}

/// The exit status of a run: 0 all inputs cleaned, 1 some inputs failed,
/// 2 bad usage. Merging keeps the worse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// Every input was cleaned or skipped.
    Success = 0,
    /// Some inputs failed; the rest were written.
    SomeFailed = 1,
    /// The command line was wrong; nothing was done.
    Usage = 2,
}

impl ExitStatus {
    /// The worse of two statuses.
    pub fn merge(self, other: ExitStatus) -> ExitStatus {
        self.max(other)
    }

    /// The status of an error that stopped a run.
    pub fn of_error(error: &Error) -> ExitStatus {
        if error.is_usage() { ExitStatus::Usage } else { ExitStatus::SomeFailed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_keeps_the_worse_status() {
        use ExitStatus::*;
        assert_eq!(Success.merge(Success), Success);
        assert_eq!(Success.merge(SomeFailed), SomeFailed);
        assert_eq!(Usage.merge(SomeFailed), Usage);
        assert_eq!(SomeFailed.merge(Success), SomeFailed);
    }

    #[test]
    fn report_names_the_cause() {
        let io = Error::io("in/locked.txt", std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert_eq!(io.report(), "in/locked.txt: permission denied");
    }

    #[test]
    fn configuration_errors_are_usage_errors() {
        assert_eq!(ExitStatus::of_error(&Error::BadShard { spec: "0/2".into() }), ExitStatus::Usage);
        let io = Error::io("x", std::io::Error::other("disk full"));
        assert_eq!(ExitStatus::of_error(&io), ExitStatus::SomeFailed);
    }
}
