//! Autosave: every change of the quote is written at once, unless another
//! tab saved it in between.

use leptos::prelude::*;

use super::{quote_key, Session};
use crate::engine::document::quote::Quote;
use crate::engine::files::library::{stored_revision, write_stored, Stored};
use crate::ui::browser;
use crate::ui::state::AppState;

impl Session {
    /// Autosave: every change of the quote is written at once.
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
                    self.save(&quote);
                }
            }
            quote
        });
    }

    fn save(self, quote: &Quote) {
        if self.conflict.get_untracked() {
            return;
        }
        let id = self.current.get_untracked();
        let key = quote_key(&id);
        let stored = browser::get(&key).and_then(|raw| stored_revision(&raw));
        let base = self.base.get_value();
        if stored.is_some_and(|r| r != base) {
            self.conflict.set(true);
            return;
        }
        let saved_at = browser::now_iso();
        let record = Stored {
            revision: base + 1,
            saved_at: saved_at.clone(),
            quote: quote.clone(),
        };
        match browser::set(&key, &write_stored(&record)) {
            Ok(()) => {
                self.base.set_value(base + 1);
                self.save_error.set(None);
                self.index.update(|i| {
                    if let Some(e) = i.entries.iter_mut().find(|e| e.id == id) {
                        e.updated = saved_at;
                    }
                });
                self.write_index();
            }
            Err(e) => self.save_error.set(Some(e)),
        }
    }
}
