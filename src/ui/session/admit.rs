//! What may become the open quote (issue 19: a safe start): every way in —
//! the library at start or when picked, an imported file, a share link —
//! passes here before the quote replaces the one on screen, so that no
//! stored or shared input can make the app unusable.
//!
//! `engine::files::admit` checks the document's bounds and prices once. A
//! quote out of bounds, or one the engine cannot compute at all (an amount
//! beyond what it can hold), is refused. Ordinary pricing errors (a
//! commitment out of range, a start date without a price book) are states
//! the user edits through, shown where they are: those quotes open.

use leptos::prelude::*;

use crate::engine::document::pricebook::PriceBooks;
use crate::engine::document::quote::Quote;
use crate::engine::files::admit::{admit as engine_admit, AdmitError};
use crate::engine::lang::Lang;
use crate::engine::pricing::PricingError;
use crate::ui::state::AppState;

/// Whether `quote` may become the open quote, priced with the books in
/// use; else why, in words.
pub fn admit(state: AppState, quote: &Quote, lang: Lang) -> Result<(), String> {
    state.books.with_untracked(|b| admit_with(b, quote, lang))
}

/// The same, with `books` (a share link's own book).
pub fn admit_with(books: &PriceBooks, quote: &Quote, lang: Lang) -> Result<(), String> {
    match engine_admit(quote.clone(), books) {
        Ok(_) => Ok(()),
        Err(AdmitError::Pricing(e)) if !matches!(e, PricingError::Overflow { .. }) => Ok(()),
        Err(e) => Err(e.message(lang)),
    }
}
