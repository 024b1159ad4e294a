//! The app's one document and what is derived from it.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::pricebook::PriceBook;
use crate::engine::pricing::{price, PricedQuote, PricingError};
use crate::engine::quote::Quote;

/// Shared through context: the quote being edited, the price book, and the
/// priced quote derived from them.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub book: StoredValue<PriceBook>,
    pub quote: RwSignal<Quote>,
    /// The engine's answer for the current document.
    pub pricing: Memo<Result<PricedQuote, PricingError>>,
    /// The last priced quote without a fatal error: totals keep it while the
    /// document cannot be priced.
    pub priced: Memo<Option<PricedQuote>>,
}

impl AppState {
    /// Builds the state once, at start, with the built-in price book.
    pub fn load() -> Result<Self, String> {
        let book = PriceBook::builtin().map_err(|e| format!("Built-in price book: {e}"))?;
        let book = StoredValue::new(book);
        let quote = RwSignal::new(Quote::default());
        let pricing = Memo::new(move |_| quote.with(|q| book.with_value(|b| price(q, b))));
        let priced = Memo::new(
            move |previous: Option<&Option<PricedQuote>>| match pricing.get() {
                Ok(p) => Some(p),
                Err(_) => previous.cloned().flatten(),
            },
        );
        Ok(AppState {
            lang: RwSignal::new(Lang::Fr),
            book,
            quote,
            pricing,
            priced,
        })
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
