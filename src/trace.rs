//! The decision trace: what each stage decided about a page, and why.
//!
//! Stage functions take a `&mut Trace`. It is off while cleaning (one
//! branch of cost per decision) and on for `galley explain`, so that both
//! run exactly the same code (the idea of grep-searcher's `Sink`).

/// A list of notes, or nothing when tracing is off.
#[derive(Debug, Default)]
pub struct Trace {
    notes: Option<Vec<String>>,
}

impl Trace {
    /// A trace that records nothing.
    pub fn off() -> Self {
        Trace { notes: None }
    }

    /// A trace that records every note.
    pub fn on() -> Self {
        Trace { notes: Some(Vec::new()) }
    }

    /// Whether notes are being recorded.
    pub fn is_on(&self) -> bool {
        self.notes.is_some()
    }

    /// Records a note; `note` runs only when tracing is on.
    pub fn note(&mut self, note: impl FnOnce() -> String) {
        if let Some(notes) = &mut self.notes {
            notes.push(note());
        }
    }

    /// The notes recorded, in order.
    pub fn notes(&self) -> &[String] {
        self.notes.as_deref().unwrap_or_default()
    }
}
