//! At start: the library read back from storage (recovering what it can),
//! the user's price book, a share link in the address, else the last quote.

use leptos::prelude::*;

use super::price_book::{activate, BOOK_KEY};
use super::Session;
use crate::engine::document::pricebook::PriceBook;
use crate::engine::files::library::{
    default_name, recover, unique_name, write_index, Index, ASIDE_PREFIX, CURRENT_KEY, INDEX_KEY,
    QUOTE_PREFIX,
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
        for (key, raw) in &recovered.move_aside {
            let _ = browser::set(key, raw);
        }
        for d in &recovered.damage {
            if d.key != INDEX_KEY {
                browser::remove(&d.key);
            }
            self.notify(true, d.message(lang));
        }
        if recovered.index_changed {
            let _ = browser::set(INDEX_KEY, &write_index(&recovered.index));
        }
        self.index.set(recovered.index);
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
            match decode(&fragment, &builtin) {
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
                Err(e) => self.notify(true, e.message(lang)),
            }
            browser::clear_fragment();
        }
        opened
    }

    /// The book a share link carries, when it is not the one in use.
    fn use_shared_book(self, state: AppState, lang: Lang, stamp: &str, book: Option<PriceBook>) {
        if let Some(book) = book.filter(|b| state.book.with_untracked(|x| x != b)) {
            // The link's book comes into use; the one in use is kept aside.
            if let Some(previous) = browser::get(BOOK_KEY) {
                let _ = browser::set(&format!("{ASIDE_PREFIX}{stamp}.pricebook"), &previous);
            }
            let version = book.version.clone();
            match activate(state, book) {
                Ok(()) => self.notify(
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
        let pick = last
            .filter(|id| entries.iter().any(|e| &e.id == id))
            .or_else(|| entries.first().map(|e| e.id.clone()));
        match pick {
            Some(id) => self.open(state, &id),
            None => {
                let quote = state.quote.get_untracked();
                let name = default_name(&quote, &entries, lang);
                self.create(state, quote, name);
            }
        }
    }
}
