//! The quote library in the browser's storage, autosave, the other tabs,
//! share links at start, undo and redo.
//!
//! Every change of the quote is saved at once under its id with a revision
//! one higher than the one this tab last read or wrote. If the stored
//! revision is not that one, another tab saved in between: nothing is
//! overwritten and the user chooses (load theirs, or keep theirs and save
//! this one as a copy).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::engine::document::pricebook::PriceBook;
use crate::engine::document::quote::Quote;
use crate::engine::files::library::ASIDE_PREFIX;
use crate::engine::files::library::{
    default_name, next_id, read_stored, recover, stored_revision, unique_name, write_index,
    write_stored, Entry, Index, Stored, CURRENT_KEY, INDEX_KEY, QUOTE_PREFIX,
};
use crate::engine::files::share::decode;
use crate::engine::lang::Lang;
use crate::ui::browser;
use crate::ui::state::AppState;
use crate::ui::views::pricebook_editor::{activate, BOOK_KEY};

/// Most undo steps kept.
const UNDO_DEPTH: usize = 200;
/// Edits closer than this (ms) make one undo step (typing a number).
const COALESCE_MS: f64 = 800.0;

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
    pub save_error: RwSignal<Option<String>>,
    /// The printable proposal is shown instead of the editors.
    pub proposal: RwSignal<bool>,
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn quote_key(id: &str) -> String {
    format!("{QUOTE_PREFIX}{id}")
}

impl Session {
    /// Reads the storage (recovering what it can), opens the shared quote of
    /// the address if any, else the last one open, and starts saving.
    pub fn start(state: AppState) -> Session {
        let session = Session {
            index: RwSignal::new(Index::default()),
            current: RwSignal::new(String::new()),
            base: StoredValue::new(0),
            conflict: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            epoch: RwSignal::new(0),
            undo: StoredValue::new(Vec::new()),
            redo: StoredValue::new(Vec::new()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            last_edit: StoredValue::new(0.0),
            replaced: StoredValue::new(false),
            save_error: RwSignal::new(None),
            proposal: RwSignal::new(false),
        };
        let lang = state.lang.get_untracked();
        let stamp = browser::now_iso().replace([':', '.'], "-");
        let quotes = browser::with_prefix(QUOTE_PREFIX);
        let recovered = recover(browser::get(INDEX_KEY).as_deref(), &quotes, &stamp);
        for (key, raw) in &recovered.move_aside {
            let _ = browser::set(key, raw);
        }
        for d in &recovered.damage {
            if d.key != INDEX_KEY {
                browser::remove(&d.key);
            }
            session.notify(true, d.message(lang));
        }
        if recovered.index_changed {
            let _ = browser::set(INDEX_KEY, &write_index(&recovered.index));
        }
        session.index.set(recovered.index);

        // The user's price book, if one was applied in this browser.
        if let Some(raw) = browser::get(BOOK_KEY) {
            let result = PriceBook::from_json(&raw)
                .map_err(|e| e.to_string())
                .and_then(|book| activate(state, book));
            if let Err(e) = result {
                let aside = format!("{ASIDE_PREFIX}{stamp}.pricebook");
                let _ = browser::set(&aside, &raw);
                browser::remove(BOOK_KEY);
                session.notify(
                    true,
                    format!(
                        "{} ({e}) {} « {aside} ».",
                        lang.pick(
                            "Votre grille enregistrée ne se lit plus",
                            "Your saved price book no longer reads"
                        ),
                        lang.pick(
                            "— grille intégrée rétablie ; l'ancienne est gardée sous",
                            "— back to the built-in book; the old one is kept under"
                        )
                    ),
                );
            }
        }

        // A share link in the address opens as a new quote of the library;
        // a bad one is reported and the last work opens as usual.
        let fragment = browser::fragment();
        let mut opened = false;
        if !fragment.is_empty() {
            let builtin = state.builtin.get_value();
            match decode(&fragment, &builtin) {
                Ok(shared) => {
                    let name = format!(
                        "{} {}",
                        default_name(&shared.quote, &session.index.get_untracked().entries, lang),
                        lang.pick("(lien)", "(link)")
                    );
                    session.create(
                        state,
                        shared.quote,
                        unique_name(&name, &session.index.get_untracked().entries),
                    );
                    if let Some(book) = shared
                        .book
                        .filter(|b| state.book.with_untracked(|x| x != b))
                    {
                        // The link's book comes into use; the one in use is kept aside.
                        if let Some(previous) = browser::get(BOOK_KEY) {
                            let _ = browser::set(
                                &format!("{ASIDE_PREFIX}{stamp}.pricebook"),
                                &previous,
                            );
                        }
                        let version = book.version.clone();
                        match activate(state, book) {
                            Ok(()) => session.notify(
                                false,
                                format!(
                                    "{} {version}. {}",
                                    lang.pick(
                                        "Devis ouvert depuis le lien, avec sa grille tarifaire",
                                        "Quote opened from the link, with its price book"
                                    ),
                                    lang.pick(
                                        "Votre grille précédente est gardée de côté.",
                                        "Your previous book is kept aside."
                                    ),
                                ),
                            ),
                            Err(e) => session.notify(true, e),
                        }
                    } else {
                        session.notify(
                            false,
                            lang.pick(
                                "Devis ouvert depuis le lien.",
                                "Quote opened from the link.",
                            )
                            .into(),
                        );
                    }
                    opened = true;
                }
                Err(e) => session.notify(true, e.message(lang)),
            }
            browser::clear_fragment();
        }
        if !opened {
            let last = browser::get(CURRENT_KEY);
            let entries = session.index.get_untracked().entries;
            let pick = last
                .filter(|id| entries.iter().any(|e| &e.id == id))
                .or_else(|| entries.first().map(|e| e.id.clone()));
            match pick {
                Some(id) => session.open(state, &id),
                None => {
                    let quote = state.quote.get_untracked();
                    let name = default_name(&quote, &entries, lang);
                    session.create(state, quote, name);
                }
            }
        }
        session.replaced.set_value(false);
        session.autosave(state);
        session.watch_other_tabs(state);
        session
    }

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

    fn write_index(self) {
        let _ = browser::set(INDEX_KEY, &write_index(&self.index.get_untracked()));
    }

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
        match browser::get(&quote_key(id)).map(|raw| read_stored(&raw)) {
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

    /// Autosave: every change of the quote is written at once.
    fn autosave(self, state: AppState) {
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

    /// Another tab wrote the open quote, or the list.
    fn watch_other_tabs(self, state: AppState) {
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

    // -- undo and redo --------------------------------------------------

    fn clear_history(self) {
        self.undo.set_value(Vec::new());
        self.redo.set_value(Vec::new());
        self.can_undo.set(false);
        self.can_redo.set(false);
    }

    fn record(self, previous: Quote) {
        let now = browser::now_ms();
        let recent = now - self.last_edit.get_value() < COALESCE_MS;
        self.last_edit.set_value(now);
        self.undo.update_value(|u| {
            if !recent || u.is_empty() {
                u.push(previous);
                if u.len() > UNDO_DEPTH {
                    u.remove(0);
                }
            }
        });
        self.redo.set_value(Vec::new());
        self.can_undo.set(true);
        self.can_redo.set(false);
    }

    pub fn undo(self, state: AppState) {
        let Some(previous) = self.undo.try_update_value(|u| u.pop()).flatten() else {
            return;
        };
        self.redo
            .update_value(|r| r.push(state.quote.get_untracked()));
        self.last_edit.set_value(0.0);
        self.replace(state, previous);
        self.can_undo.set(self.undo.with_value(|u| !u.is_empty()));
        self.can_redo.set(true);
    }

    pub fn redo(self, state: AppState) {
        let Some(next) = self.redo.try_update_value(|r| r.pop()).flatten() else {
            return;
        };
        self.undo
            .update_value(|u| u.push(state.quote.get_untracked()));
        self.last_edit.set_value(0.0);
        self.replace(state, next);
        self.can_redo.set(self.redo.with_value(|r| !r.is_empty()));
        self.can_undo.set(true);
    }

    /// Imports a quote file as a new quote of the library.
    pub fn import(self, state: AppState, filename: &str, text: &str) {
        let lang = state.lang.get_untracked();
        match Quote::from_json(text) {
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
