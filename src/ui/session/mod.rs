//! The quote library in the browser's storage, autosave, the other tabs,
//! share links at start, undo and redo, and the price book in use.
//! May use the engine, `browser` and `state`; never a screen.
//!
//! Every change of the quote is saved at once under its id with a revision
//! one higher than the one this tab last read or wrote. If the stored
//! revision is not that one, another tab saved in between: nothing is
//! overwritten and the user chooses (load theirs, or keep theirs and save
//! this one as a copy).

mod admit;
mod autosave;
pub mod library;
pub mod price_book;
mod start;
mod tabs;
mod undo;

use leptos::prelude::*;

use crate::engine::document::limits::{messages, LimitError};
use crate::engine::document::quote::Quote;
use crate::engine::files::library::{write_index, Entry, Index, INDEX_KEY, QUOTE_PREFIX};
use crate::engine::lang::Lang;
use crate::ui::browser::{self, BrowserError};
use crate::ui::state::AppState;

/// A message for the user, with an action when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub error: bool,
    pub text: String,
    /// A deleted quote that *Undo* brings back.
    pub restore: Option<(Entry, String)>,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub index: RwSignal<Index>,
    pub current: RwSignal<String>,
    /// The stored revision this tab last read or wrote for `current`.
    base: StoredValue<u64>,
    /// The fingerprint of the stored text this tab last read or wrote for
    /// `current` (none when nothing is stored yet): any other text there is
    /// another tab's save.
    known: StoredValue<Option<String>>,
    /// The change not written yet (autosave waits for the save lock).
    pending: StoredValue<Option<Quote>>,
    save_asked: StoredValue<bool>,
    /// Quotes of the library that cannot be opened, with the reason shown
    /// beside their name (a safe start never makes them current).
    pub failing: RwSignal<Vec<(String, String)>>,
    /// An unreadable list of quotes that could not be copied aside (storage
    /// full): its key is not overwritten until the copy is written.
    held_index: StoredValue<Option<(String, String)>>,
    /// Another tab saved the open quote: autosave is suspended.
    pub conflict: RwSignal<bool>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Grows when the whole document is replaced, so that the editors are
    /// rebuilt with the new values.
    pub epoch: RwSignal<u64>,
    undo: StoredValue<Vec<Quote>>,
    redo: StoredValue<Vec<Quote>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    last_edit: StoredValue<f64>,
    /// The document was replaced (open, undo…): the next change seen by
    /// autosave is not an edit of the user's.
    replaced: StoredValue<bool>,
    pub save_error: RwSignal<Option<SaveError>>,
    /// The printable proposal is shown instead of the editors.
    pub proposal: RwSignal<bool>,
}

/// Why the last save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused (storage full, disabled…).
    Browser(BrowserError),
    /// A value is out of the document's bounds (issue 19): the quote is not
    /// stored as it is, so that it always opens again.
    OutOfBounds(Vec<LimitError>),
}

impl SaveError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SaveError::Browser(e) => e.message(lang),
            SaveError::OutOfBounds(errors) => format!(
                "{} {}",
                messages(errors, lang),
                lang.pick(
                    "La dernière version enregistrée est gardée ; corrigez la valeur pour enregistrer à nouveau.",
                    "The last saved version is kept; correct the value to save again."
                )
            ),
        }
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn quote_key(id: &str) -> String {
    format!("{QUOTE_PREFIX}{id}")
}

impl Session {
    pub fn notify(self, error: bool, text: String) {
        self.notify_with(error, text, None);
    }

    fn notify_with(self, error: bool, text: String, restore: Option<(Entry, String)>) {
        self.notices.update(|n| {
            let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            n.push(Notice {
                id,
                error,
                text,
                restore,
            });
        });
    }

    pub fn dismiss(self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    /// Replaces the document (not an edit: no undo step).
    fn replace(self, state: AppState, quote: Quote) {
        self.replaced.set_value(true);
        state.quote.set(quote);
        self.epoch.update(|e| *e += 1);
    }

    /// Writes the list of quotes, unless an unreadable one is still held
    /// in its place (then only once its copy aside is written).
    fn write_index(self) {
        if let Some((aside, raw)) = self.held_index.get_value() {
            if browser::set(&aside, &raw).is_err() {
                return;
            }
            self.held_index.set_value(None);
        }
        let _ = browser::set(INDEX_KEY, &write_index(&self.index.get_untracked()));
    }
}
