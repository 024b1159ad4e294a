//! The quotes of the library: create, open, rename, duplicate, delete and
//! bring back, import; the file name for exports.

use leptos::prelude::*;

use super::{quote_key, Session};
use crate::engine::document::quote::Quote;
use crate::engine::files::library::{
    next_id, read_stored_with_books, unique_name, write_stored, Entry, Stored, CURRENT_KEY,
};
use crate::engine::lang::Lang;
use crate::ui::browser;
use crate::ui::state::AppState;

impl Session {
    /// Adds `quote` to the library under `name` and opens it.
    pub fn create(self, state: AppState, quote: Quote, name: String) {
        let id = next_id(&self.index.get_untracked().entries);
        let stored = Stored {
            revision: 1,
            saved_at: browser::now_iso(),
            quote: quote.clone(),
        };
        if let Err(e) = browser::set(&quote_key(&id), &write_stored(&stored)) {
            self.save_error.set(Some(e));
        }
        self.index.update(|i| {
            i.entries.push(Entry {
                id: id.clone(),
                name,
                updated: stored.saved_at.clone(),
            })
        });
        self.write_index();
        self.current.set(id.clone());
        let _ = browser::set(CURRENT_KEY, &id);
        self.base.set_value(1);
        self.conflict.set(false);
        self.clear_history();
        self.replace(state, quote);
    }

    /// Opens a quote of the library.
    pub fn open(self, state: AppState, id: &str) {
        let lang = state.lang.get_untracked();
        // Older formats are migrated with the books in use (§10: a version-2
        // line's interruptions go to its item's managed function).
        let read = |raw: String| {
            state
                .books
                .with_untracked(|b| read_stored_with_books(&raw, Some(b.all())))
        };
        match browser::get(&quote_key(id)).map(read) {
            Some(Ok(stored)) => {
                self.current.set(id.to_string());
                let _ = browser::set(CURRENT_KEY, id);
                self.base.set_value(stored.revision);
                self.conflict.set(false);
                self.clear_history();
                self.replace(state, stored.quote);
            }
            Some(Err(e)) => self.notify(
                true,
                format!(
                    "{} {e}",
                    lang.pick("Ce devis ne se lit plus :", "This quote no longer reads:")
                ),
            ),
            None => self.notify(
                true,
                lang.pick(
                    "Ce devis a été supprimé dans un autre onglet.",
                    "This quote was deleted in another tab.",
                )
                .into(),
            ),
        }
    }

    pub fn rename(self, name: &str) {
        let id = self.current.get_untracked();
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.index.update(|i| {
            let others: Vec<Entry> = i.entries.iter().filter(|e| e.id != id).cloned().collect();
            let name = unique_name(name, &others);
            if let Some(e) = i.entries.iter_mut().find(|e| e.id == id) {
                e.name = name;
            }
        });
        self.write_index();
    }

    pub fn duplicate(self, state: AppState) {
        let lang = state.lang.get_untracked();
        let entries = self.index.get_untracked().entries;
        let current = self.current.get_untracked();
        let base = entries
            .iter()
            .find(|e| e.id == current)
            .map(|e| format!("{} {}", e.name, lang.pick("(copie)", "(copy)")))
            .unwrap_or_else(|| lang.pick("Copie", "Copy").into());
        self.create(
            state,
            state.quote.get_untracked(),
            unique_name(&base, &entries),
        );
    }

    /// Deletes the open quote; a notice offers to bring it back.
    pub fn delete(self, state: AppState) {
        let lang = state.lang.get_untracked();
        let id = self.current.get_untracked();
        let key = quote_key(&id);
        let raw = browser::get(&key).unwrap_or_else(|| {
            write_stored(&Stored {
                revision: self.base.get_value(),
                saved_at: browser::now_iso(),
                quote: state.quote.get_untracked(),
            })
        });
        let entry = self
            .index
            .get_untracked()
            .entries
            .into_iter()
            .find(|e| e.id == id);
        browser::remove(&key);
        self.index.update(|i| i.entries.retain(|e| e.id != id));
        self.write_index();
        if let Some(entry) = entry {
            self.notify_with(
                false,
                format!(
                    "{} « {} ».",
                    lang.pick("Devis supprimé :", "Quote deleted:"),
                    entry.name
                ),
                Some((entry, raw)),
            );
        }
        let next = self
            .index
            .get_untracked()
            .entries
            .first()
            .map(|e| e.id.clone());
        match next {
            Some(next) => self.open(state, &next),
            None => {
                let quote = Quote::new(state.quote.get_untracked().start_date);
                self.create(state, quote, lang.pick("Devis", "Quote").into());
            }
        }
    }

    /// Brings back a deleted quote and opens it.
    pub fn restore(self, state: AppState, notice: u64) {
        let Some(n) = self
            .notices
            .get_untracked()
            .into_iter()
            .find(|n| n.id == notice)
        else {
            return;
        };
        self.dismiss(notice);
        let Some((mut entry, raw)) = n.restore else {
            return;
        };
        let entries = self.index.get_untracked().entries;
        if entries.iter().any(|e| e.id == entry.id) {
            entry.id = next_id(&entries);
        }
        entry.name = unique_name(&entry.name, &entries);
        if browser::set(&quote_key(&entry.id), &raw).is_ok() {
            let id = entry.id.clone();
            self.index.update(|i| i.entries.push(entry));
            self.write_index();
            self.open(state, &id);
        }
    }

    /// Imports a quote file as a new quote of the library.
    pub fn import(self, state: AppState, filename: &str, text: &str) {
        let lang = state.lang.get_untracked();
        match state
            .books
            .with_untracked(|b| Quote::from_json_with_books(text, b.all()))
        {
            Ok(quote) => {
                let base = filename.trim_end_matches(".json");
                let name = unique_name(base, &self.index.get_untracked().entries);
                self.create(state, quote, name);
                self.notify(
                    false,
                    format!(
                        "{} « {filename} ».",
                        lang.pick("Devis importé :", "Quote imported:")
                    ),
                );
            }
            Err(e) => self.notify(
                true,
                format!(
                    "{} « {filename} » : {e}. {}",
                    lang.pick("Fichier refusé", "File refused"),
                    lang.pick(
                        "Le devis ouvert n'a pas changé.",
                        "The open quote is unchanged."
                    )
                ),
            ),
        }
    }
}

/// The file name for exports: the quote's name, safe for file systems.
pub fn file_stem(session: Session, lang: Lang) -> String {
    let id = session.current.get_untracked();
    let name = session
        .index
        .get_untracked()
        .entries
        .into_iter()
        .find(|e| e.id == id)
        .map(|e| e.name)
        .unwrap_or_else(|| lang.pick("devis", "quote").into());
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches('-');
    if trimmed.is_empty() {
        lang.pick("devis", "quote").into()
    } else {
        trimmed.to_string()
    }
}
