//! The quotes of the library: create, open, rename, duplicate, delete and
//! bring back, import; the file name for exports.

use leptos::prelude::*;

use super::admit::admit;
use super::autosave::known_of;
use super::{quote_key, SaveError, Session};
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
        self.flush();
        let id = next_id(&self.index.get_untracked().entries);
        let stored = Stored {
            revision: 1,
            saved_at: browser::now_iso(),
            quote: quote.clone(),
        };
        let raw = write_stored(&stored);
        match browser::set(&quote_key(&id), &raw) {
            Ok(()) => {
                self.known.set_value(Some(known_of(&raw)));
                self.save_error.set(None);
            }
            // Kept in memory: the next edit tries again, the status says why.
            Err(e) => {
                self.known.set_value(None);
                self.save_error.set(Some(SaveError::Browser(e)));
            }
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

    /// Opens a quote of the library, if it can be (see `admit`): whether
    /// it is now the open one.
    pub fn open(self, state: AppState, id: &str) -> bool {
        self.flush();
        let lang = state.lang.get_untracked();
        // Older formats are migrated with the books in use (§10: a version-2
        // line's interruptions go to its item's managed function).
        let read = |raw: String| {
            state
                .books
                .with_untracked(|b| read_stored_with_books(&raw, Some(b.all())))
        };
        let raw = browser::get(&quote_key(id));
        let read = raw
            .clone()
            .map(read)
            .map(|r| r.and_then(|stored| admit(state, &stored.quote, lang).map(|()| stored)));
        match read {
            Some(Ok(stored)) => {
                self.current.set(id.to_string());
                let _ = browser::set(CURRENT_KEY, id);
                self.base.set_value(stored.revision);
                self.known.set_value(raw.as_deref().map(known_of));
                self.conflict.set(false);
                self.failing.update(|f| f.retain(|(x, _)| x != id));
                self.clear_history();
                self.replace(state, stored.quote);
                true
            }
            Some(Err(e)) => {
                self.failing.update(|f| {
                    f.retain(|(x, _)| x != id);
                    f.push((id.to_string(), e.clone()));
                });
                self.notify(
                    true,
                    format!(
                        "{} {e} {}",
                        lang.pick(
                            "Ce devis ne peut pas être ouvert :",
                            "This quote cannot be opened:"
                        ),
                        lang.pick(
                            "Il reste dans la liste, intact ; le devis ouvert n'a pas changé.",
                            "It stays in the list, untouched; the open quote is unchanged."
                        )
                    ),
                );
                false
            }
            None => {
                self.notify(
                    true,
                    lang.pick(
                        "Ce devis a été supprimé dans un autre onglet.",
                        "This quote was deleted in another tab.",
                    )
                    .into(),
                );
                false
            }
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
        self.flush();
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
        if !next.is_some_and(|next| self.open(state, &next)) {
            let quote = Quote::new(state.quote.get_untracked().start_date);
            let name = unique_name(
                lang.pick("Devis", "Quote"),
                &self.index.get_untracked().entries,
            );
            self.create(state, quote, name);
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
        let Some((mut entry, raw)) = n.restore else {
            return;
        };
        let entries = self.index.get_untracked().entries;
        if entries.iter().any(|e| e.id == entry.id) {
            entry.id = next_id(&entries);
        }
        entry.name = unique_name(&entry.name, &entries);
        match browser::set(&quote_key(&entry.id), &raw) {
            Ok(()) => {
                // Only now is the copy in memory no longer the only one.
                self.dismiss(notice);
                let id = entry.id.clone();
                self.index.update(|i| i.entries.push(entry));
                self.write_index();
                self.open(state, &id);
            }
            Err(e) => {
                // The notice (and the quote in it) stays: Undo can be
                // pressed again once there is room, or the quote exported.
                let lang = state.lang.get_untracked();
                self.notify(
                    true,
                    format!(
                        "{} « {} » : {} {}",
                        lang.pick("Impossible de rétablir", "Cannot bring back"),
                        entry.name,
                        e.message(lang),
                        lang.pick(
                            "Le devis supprimé reste dans le message ci-dessus : « Annuler la suppression » à nouveau une fois la place faite, ou « Exporter ».",
                            "The deleted quote stays in the message above: “Undo the deletion” again once there is room, or “Export”."
                        )
                    ),
                );
            }
        }
    }

    /// Offers the quote kept in a deletion notice as a file (the way out
    /// when there is no room to bring it back).
    pub fn export_deleted(self, state: AppState, notice: u64) {
        let lang = state.lang.get_untracked();
        let Some((entry, raw)) = self
            .notices
            .get_untracked()
            .into_iter()
            .find(|n| n.id == notice)
            .and_then(|n| n.restore)
        else {
            return;
        };
        // The stored record holds the quote file; an unreadable one is
        // offered as it is, never dropped.
        let json = read_stored_with_books(&raw, None)
            .map(|s| s.quote.to_json())
            .unwrap_or(raw);
        let name = format!("{}.json", stem_of(&entry.name, lang));
        if let Err(e) = browser::download(&name, "application/json", &json) {
            self.notify(true, e.message(lang));
        }
    }

    /// Imports a quote file as a new quote of the library.
    pub fn import(self, state: AppState, filename: &str, text: &str) {
        let lang = state.lang.get_untracked();
        match state
            .books
            .with_untracked(|b| Quote::from_json_with_books(text, b.all()))
            .map_err(|e| e.message(lang))
            .and_then(|q| admit(state, &q, lang).map(|()| q))
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
                    "{} « {filename} » : {} {}",
                    lang.pick("Fichier refusé", "File refused"),
                    e.trim_end_matches('.').to_string() + ".",
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
    stem_of(&name, lang)
}

/// `name` made safe for file systems.
fn stem_of(name: &str, lang: Lang) -> String {
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
