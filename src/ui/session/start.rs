//! At start: the library read back from storage (recovering what it can),
//! the user's price book, a share link in the address, else the last quote.

use leptos::prelude::*;

use super::admit::{admit, admit_with};
use super::price_book::{activate, use_for_now, BOOK_KEY};
use super::Session;
use crate::engine::document::limits::messages;
use crate::engine::document::pricebook::{PriceBook, PriceBooks};
use crate::engine::files::library::{
    default_name, recover, unique_name, Index, ASIDE_PREFIX, CURRENT_KEY, INDEX_KEY, QUOTE_PREFIX,
};
use crate::engine::files::share::decode;
use crate::engine::lang::Lang;
use crate::ui::browser;
use crate::ui::state::AppState;

impl Session {
    /// Reads the storage (recovering what it can), opens the shared quote of
    /// the address if any, else the last one open, and starts saving.
    pub fn start(state: AppState) -> Session {
        let session = Session {
            index: RwSignal::new(Index::default()),
            current: RwSignal::new(String::new()),
            base: StoredValue::new(0),
            known: StoredValue::new(None),
            pending: StoredValue::new(None),
            save_asked: StoredValue::new(false),
            failing: RwSignal::new(Vec::new()),
            held_index: StoredValue::new(None),
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
        session.recover_library(lang, &stamp);
        session.restore_price_book(state, lang, &stamp);
        let opened = session.open_share_link(state, lang, &stamp);
        if !opened {
            session.open_last(state, lang);
        }
        session.replaced.set_value(false);
        session.autosave(state);
        session.watch_other_tabs();
        session
    }

    /// Reads the index and the stored quotes, moving aside what does not read.
    fn recover_library(self, lang: Lang, stamp: &str) {
        let quotes = browser::with_prefix(QUOTE_PREFIX);
        let recovered = recover(browser::get(INDEX_KEY).as_deref(), &quotes, stamp);
        // An original is removed only once its copy aside is written; a
        // copy that fails leaves the original where it is, and says so.
        let mut copied = Vec::new();
        let mut failed = Vec::new();
        for (key, raw) in &recovered.move_aside {
            match browser::set(key, raw) {
                Ok(()) => copied.push(key.clone()),
                Err(e) => failed.push((key.clone(), raw.clone(), e)),
            }
        }
        for d in &recovered.damage {
            match failed.iter().find(|(k, _, _)| *k == d.aside_key) {
                None if copied.contains(&d.aside_key) => {
                    if d.key != INDEX_KEY {
                        browser::remove(&d.key);
                    }
                    self.notify(true, d.message(lang));
                }
                found => {
                    if d.key == INDEX_KEY {
                        // Not overwritten until its copy is written.
                        if let Some((k, raw, _)) = found {
                            self.held_index.set_value(Some((k.clone(), raw.clone())));
                        }
                    }
                    let why = found.map(|(_, _, e)| e.message(lang)).unwrap_or_default();
                    self.notify(true, left_in_place(&d.key, &d.reason, &why, lang));
                }
            }
        }
        // Out of bounds: kept in place and listed, marked, never opened.
        for (id, errors) in &recovered.refused {
            let reason = messages(errors, lang);
            self.notify(
                true,
                format!(
                    "{} « {id} » {} {reason} {}",
                    lang.pick("Le devis", "Quote"),
                    lang.pick("ne peut pas être ouvert :", "cannot be opened:"),
                    lang.pick(
                        "Il reste enregistré, intact, dans la liste.",
                        "It stays saved, untouched, in the list."
                    )
                ),
            );
        }
        self.failing.set(
            recovered
                .refused
                .iter()
                .map(|(id, errors)| (id.clone(), messages(errors, lang)))
                .collect(),
        );
        self.index.set(recovered.index);
        if recovered.index_changed {
            self.write_index();
        }
    }

    /// The user's price book, if one was applied in this browser.
    fn restore_price_book(self, state: AppState, lang: Lang, stamp: &str) {
        if let Some(raw) = browser::get(BOOK_KEY) {
            let result = PriceBook::from_json(&raw)
                .map_err(|e| e.to_string())
                .and_then(|book| activate(state, book));
            if let Err(e) = result {
                let aside = format!("{ASIDE_PREFIX}{stamp}.pricebook");
                let _ = browser::set(&aside, &raw);
                browser::remove(BOOK_KEY);
                self.notify(
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
    }

    /// A share link in the address opens as a new quote of the library;
    /// a bad one is reported and the last work opens as usual. Whether a
    /// quote was opened.
    fn open_share_link(self, state: AppState, lang: Lang, stamp: &str) -> bool {
        let fragment = browser::fragment();
        let mut opened = false;
        if !fragment.is_empty() {
            let builtin = state.builtin.get_value();
            let decoded = decode(&fragment, &builtin)
                .map_err(|e| e.message(lang))
                .and_then(|shared| {
                    let own = shared.book.clone().map(|b| PriceBooks::new(vec![b]));
                    let admitted = match own {
                        Some(Ok(books)) => admit_with(&books, &shared.quote, lang),
                        Some(Err(e)) => Err(e.to_string()),
                        None => admit(state, &shared.quote, lang),
                    };
                    admitted.map(|()| shared).map_err(|e| {
                        format!(
                            "{} {e}",
                            lang.pick(
                                "Le devis du lien ne peut pas être ouvert :",
                                "The quote in the link cannot be opened:"
                            )
                        )
                    })
                });
            match decoded {
                Ok(shared) => {
                    let name = format!(
                        "{} {}",
                        default_name(&shared.quote, &self.index.get_untracked().entries, lang),
                        lang.pick("(lien)", "(link)")
                    );
                    self.create(
                        state,
                        shared.quote,
                        unique_name(&name, &self.index.get_untracked().entries),
                    );
                    self.use_shared_book(state, lang, stamp, shared.book);
                    opened = true;
                }
                Err(e) => self.notify(true, e),
            }
            browser::clear_fragment();
        }
        opened
    }

    /// The book a share link carries, when it is not the one in use.
    fn use_shared_book(self, state: AppState, lang: Lang, stamp: &str, book: Option<PriceBook>) {
        if let Some(book) = book.filter(|b| state.book.with_untracked(|x| x != b)) {
            let version = book.version.clone();
            let opened = lang.pick(
                "Devis ouvert depuis le lien, avec sa grille tarifaire",
                "Quote opened from the link, with its price book",
            );
            // The link's book comes into use; the user's own is first copied
            // aside, and stays where it is when the copy cannot be written.
            let previous = browser::get(BOOK_KEY);
            let aside = format!("{ASIDE_PREFIX}{stamp}.pricebook");
            if let Some(Err(e)) = previous.as_ref().map(|p| browser::set(&aside, p)) {
                let result = use_for_now(state, book);
                let text = match result {
                    Ok(()) => format!(
                        "{opened} {version}, {} {} {}",
                        lang.pick("pour cette visite seulement :", "for this visit only:"),
                        e.message(lang),
                        lang.pick(
                            "Votre grille reste enregistrée, inchangée, et revient à la prochaine visite.",
                            "Your own book stays saved, unchanged, and is back at the next visit."
                        )
                    ),
                    Err(why) => why,
                };
                self.notify(true, text);
                return;
            }
            let kept = match &previous {
                Some(_) => format!(
                    "{} « {aside} ».",
                    lang.pick(
                        "Votre grille précédente est gardée sous",
                        "Your previous book is kept under"
                    )
                ),
                None => String::new(),
            };
            match activate(state, book) {
                Ok(()) => self.notify(false, format!("{opened} {version}. {kept}")),
                Err(e) => self.notify(true, e),
            }
        } else {
            self.notify(
                false,
                lang.pick(
                    "Devis ouvert depuis le lien.",
                    "Quote opened from the link.",
                )
                .into(),
            );
        }
    }

    /// The quote open last in this browser, else the first of the library,
    /// else a new one.
    fn open_last(self, state: AppState, lang: Lang) {
        let last = browser::get(CURRENT_KEY);
        let entries = self.index.get_untracked().entries;
        let failing = self.failing.get_untracked();
        let openable = |id: &String| !failing.iter().any(|(f, _)| f == id);
        let pick = last
            .filter(|id| entries.iter().any(|e| &e.id == id) && openable(id))
            .or_else(|| entries.iter().map(|e| e.id.clone()).find(openable));
        // A safe start: a quote that cannot be opened (see `admit`) stays
        // in the list with its reason, and an empty quote opens instead.
        if !pick.is_some_and(|id| self.open(state, &id)) {
            let quote = state.quote.get_untracked();
            let name = unique_name(&default_name(&quote, &entries, lang), &entries);
            self.create(state, quote, name);
        }
    }
}

/// Unreadable data whose copy aside could not be written: left in place.
fn left_in_place(key: &str, reason: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Données illisibles dans « {key} » ({reason}) : elles n'ont pas pu être copiées de côté ({why}) et restent donc où elles sont, intactes. Faites de la place puis rechargez la page pour les récupérer."
        ),
        Lang::En => format!(
            "Unreadable data in “{key}” ({reason}): it could not be copied aside ({why}), so it is left where it is, untouched. Make room, then reload the page to recover it."
        ),
    }
}
