//! The other tabs of this browser: a save of the open quote elsewhere
//! suspends autosave here until the user resolves the conflict.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{quote_key, Session};
use crate::engine::files::library::{stored_revision, unique_name, INDEX_KEY};
use crate::ui::state::AppState;

impl Session {
    /// Another tab wrote the open quote, or the list.
    pub(super) fn watch_other_tabs(self, state: AppState) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let handler =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                let Some(key) = ev.key() else { return };
                if key == INDEX_KEY {
                    let (index, _) =
                        crate::engine::files::library::read_index(ev.new_value().as_deref(), "");
                    self.index.set(index);
                } else if key == quote_key(&self.current.get_untracked()) {
                    let theirs = ev.new_value().as_deref().and_then(stored_revision);
                    if theirs != Some(self.base.get_value()) {
                        self.conflict.set(true);
                    }
                }
                let _ = state;
            });
        let _ =
            window.add_event_listener_with_callback("storage", handler.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        handler.forget();
    }

    /// Resolves a conflict with the other tab's version.
    pub fn load_theirs(self, state: AppState) {
        let id = self.current.get_untracked();
        self.open(state, &id);
    }

    /// Resolves a conflict by keeping the other tab's version and saving
    /// this one as a new quote.
    pub fn keep_mine_as_copy(self, state: AppState) {
        let lang = state.lang.get_untracked();
        let entries = self.index.get_untracked().entries;
        let name = entries
            .iter()
            .find(|e| e.id == self.current.get_untracked())
            .map(|e| format!("{} {}", e.name, lang.pick("(cet onglet)", "(this tab)")))
            .unwrap_or_else(|| lang.pick("Devis", "Quote").into());
        self.create(
            state,
            state.quote.get_untracked(),
            unique_name(&name, &entries),
        );
    }
}
