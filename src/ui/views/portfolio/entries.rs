//! The portfolio's entries: each quote of the library read and computed by
//! the engine; a quote that does not read gets its error in its row.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::files::library::{read_stored_with_books, QUOTE_PREFIX};
use crate::engine::lang::Lang;
use crate::engine::portfolio::{portfolio_row, Entry};
use crate::ui::browser;
use crate::ui::session::Session;
use crate::ui::state::AppState;

/// The entries at `at`, in the library's order, named as in the library.
pub fn library_entries(state: AppState, session: Session, at: NaiveDate, lang: Lang) -> Vec<Entry> {
    let current = session.current.get();
    let entries = session.index.get().entries;
    state.books.with(|books| {
        state.indices.with(|indices| {
            entries
                .iter()
                .map(|e| {
                    // The open quote as on screen (its save may be pending).
                    let quote = if e.id == current {
                        Ok(state.quote.get())
                    } else {
                        browser::get(&format!("{QUOTE_PREFIX}{}", e.id))
                            .ok_or_else(|| {
                                lang.pick(
                                    "introuvable dans ce navigateur",
                                    "not found in this browser",
                                )
                                .to_string()
                            })
                            .and_then(|raw| read_stored_with_books(&raw, Some(books.all())))
                            .map(|s| s.quote)
                    };
                    let row = quote.and_then(|q| {
                        portfolio_row(&q, books, indices, at).map_err(|err| err.to_string())
                    });
                    match row {
                        Ok(row) => Entry {
                            source: e.name.clone(),
                            row: Some(row),
                            error: None,
                        },
                        Err(error) => Entry {
                            source: e.name.clone(),
                            row: None,
                            error: Some(error),
                        },
                    }
                })
                .collect()
        })
    })
}
