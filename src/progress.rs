//! The progress bar: built in one place, shown only on a terminal.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar on stderr, or nothing when stderr is not a terminal or
/// the run is quiet.
pub struct Progress(ProgressBar);

impl Progress {
    /// A bar of `len` steps, shown if `enabled` and stderr is a terminal.
    pub fn new(len: u64, enabled: bool) -> Self {
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
        let style =
            ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} files  {elapsed_precise} (eta {eta})")
                .expect("the template is valid")
                .progress_chars("=> ");
        bar.set_style(style);
        Progress(bar)
    }

    /// Starts a phase of the run.
    pub fn phase(&self, name: &'static str, len: u64) {
        self.0.set_message(name);
        self.0.set_length(len);
        self.0.set_position(0);
    }

    /// One more file done.
    pub fn step(&self) {
        self.0.inc(1);
    }

    /// Clears the bar.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
