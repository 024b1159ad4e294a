//! The other tabs of this browser: a save of the open quote elsewhere
//! suspends autosave here until the user resolves the conflict.

use leptos::prelude::*;

use super::autosave::known_of;
use super::{quote_key, Session};
use crate::engine::files::library::{read_index, unique_name, INDEX_KEY};
use crate::ui::browser;
use crate::ui::state::AppState;

impl Session {
    /// Another tab wrote the open quote, or the list.
    pub(super) fn watch_other_tabs(self) {
        browser::on_storage(move |change| {
            if change.key == INDEX_KEY {
                // Another tab's list, plus the quotes of ours it does not
                // know yet that are still stored (a list written by a tab
                // that had not seen them must not hide them).
                let (mut index, _) = read_index(change.new_value.as_deref(), "");
                let ours = self.index.get_untracked().entries;
                for entry in ours {
                    let known = index.entries.iter().any(|e| e.id == entry.id);
                    if !known && browser::get(&quote_key(&entry.id)).is_some() {
                        index.entries.push(entry);
                    }
                }
                self.index.set(index);
            } else if change.key == quote_key(&self.current.get_untracked()) {
                // Another tab wrote (or removed) the open quote: unless it
                // wrote exactly what this tab knows, this tab stops saving.
                if change.new_value.as_deref().map(known_of) != self.known.get_value() {
                    self.conflict.set(true);
                }
            }
        });
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
