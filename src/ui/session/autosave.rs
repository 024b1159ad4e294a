//! Autosave: every change of the quote is written, one tab at a time, and
//! never over a save of another tab.
//!
//! A change is kept pending and written when this site's save lock is
//! granted (`browser::exclusively`: the tabs of this browser save one after
//! the other), or at once before the session opens another quote or the
//! page is left. Before writing, the stored text must still be the one
//! this tab last read or wrote (its fingerprint, `known`); otherwise another
//! tab saved in between and autosave stops with the conflict banner, so no
//! edit is lost silently (issue 19).

use leptos::prelude::*;

use super::{quote_key, SaveError, Session};
use crate::engine::document::quote::Quote;
use crate::engine::files::library::{write_stored, Stored};
use crate::engine::files::share::fingerprint;
use crate::ui::browser;
use crate::ui::state::AppState;

/// The lock every tab of this site takes to save.
const SAVE_LOCK: &str = "cloudquote.save";

/// The fingerprint of a stored text (what `known` holds).
pub(super) fn known_of(raw: &str) -> String {
    fingerprint(raw.as_bytes())
}

impl Session {
    /// Autosave: every change of the quote is written.
    pub(super) fn autosave(self, state: AppState) {
        Effect::new(move |previous: Option<Quote>| {
            let quote = state.quote.get();
            if let Some(previous) = previous {
                // Effects run after the change: the flag says whether it
                // was a replacement of the whole document.
                let replaced = self.replaced.get_value();
                self.replaced.set_value(false);
                if previous != quote {
                    if !replaced {
                        self.record(previous);
                    }
                    self.pending.set_value(Some(quote.clone()));
                    self.schedule_save();
                }
            }
            quote
        });
        browser::on_page_hide(move || self.flush());
    }

    /// Asks for the save lock once for what is pending.
    fn schedule_save(self) {
        if self.save_asked.get_value() {
            return;
        }
        self.save_asked.set_value(true);
        browser::exclusively(SAVE_LOCK, move || {
            let _ = self.save_asked.try_set_value(false);
            self.flush();
        });
    }

    /// Writes the pending change now, if any (before the open quote changes).
    pub(super) fn flush(self) {
        if let Some(quote) = self.pending.try_update_value(Option::take).flatten() {
            self.save(&quote);
        }
    }

    fn save(self, quote: &Quote) {
        if self.conflict.get_untracked() {
            return;
        }
        // Never store what would not open again (issue 19).
        if let Err(errors) = quote.check() {
            self.save_error.set(Some(SaveError::OutOfBounds(errors)));
            return;
        }
        let id = self.current.get_untracked();
        let key = quote_key(&id);
        let stored = browser::get(&key);
        if stored.as_deref().map(known_of) != self.known.get_value() && stored.is_some() {
            self.conflict.set(true);
            return;
        }
        let base = self.base.get_value();
        let saved_at = browser::now_iso();
        let raw = write_stored(&Stored {
            revision: base + 1,
            saved_at: saved_at.clone(),
            quote: quote.clone(),
        });
        match browser::set(&key, &raw) {
            Ok(()) => {
                self.base.set_value(base + 1);
                self.known.set_value(Some(known_of(&raw)));
                self.save_error.set(None);
                self.index.update(|i| {
                    if let Some(e) = i.entries.iter_mut().find(|e| e.id == id) {
                        e.updated = saved_at;
                    }
                });
                self.write_index();
            }
            // The work stays in memory (the document is unchanged) and the
            // status says so, with the way out.
            Err(e) => self.save_error.set(Some(SaveError::Browser(e))),
        }
    }
}
