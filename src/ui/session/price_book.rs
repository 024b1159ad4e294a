//! The price book in use: the built-in one, or the user's, kept in this
//! browser's storage.

use leptos::prelude::*;

use crate::engine::document::pricebook::{PriceBook, PriceBooks};
use crate::ui::browser;
use crate::ui::state::AppState;

/// Where the user's book is kept in this browser.
pub const BOOK_KEY: &str = "cloudquote.pricebook.v1";

/// Checks `book` and makes it the one in use (saved in this browser unless
/// it is the built-in one).
/// Puts `book` in use for this visit only, without storing it (the user's
/// own book stays saved).
pub fn use_for_now(state: AppState, book: PriceBook) -> Result<(), String> {
    book.validate().map_err(|e| e.to_string())?;
    let books = PriceBooks::new(vec![book.clone()]).map_err(|e| e.to_string())?;
    state.books.set(books);
    state.book.set(book);
    Ok(())
}

pub fn activate(state: AppState, book: PriceBook) -> Result<(), String> {
    book.validate().map_err(|e| e.to_string())?;
    let books = PriceBooks::new(vec![book.clone()]).map_err(|e| e.to_string())?;
    if state.builtin.with_value(|b| *b == book) {
        browser::remove(BOOK_KEY);
    } else {
        browser::set(BOOK_KEY, &serde_json::to_string(&book).unwrap_or_default())
            .map_err(|e| e.message(state.lang.get_untracked()))?;
    }
    state.books.set(books);
    state.book.set(book);
    Ok(())
}
