//! The app's one document and what is derived from it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::timeline::next_month;

use crate::engine::indices::IndexBook;
use crate::engine::lang::Lang;
use crate::engine::mrg::{minimum_guaranteed_revenue, MrgReport};
use crate::engine::pricebook::{PriceBook, PriceBooks};
use crate::engine::pricing::{price, PricedQuote, PricingError};
use crate::engine::quote::Quote;
use crate::engine::revision::{revise, RevisedQuote};

/// Shared through context: the quote being edited, the price book, and the
/// priced quote derived from them.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    #[allow(dead_code)] // the finance memos read it; the price book editor will too
    pub books: StoredValue<PriceBooks>,
    /// The built-in book of the default region, for the catalogue lists.
    pub book: StoredValue<PriceBook>,
    pub quote: RwSignal<Quote>,
    /// The engine's answer for the current document.
    pub pricing: Memo<Result<PricedQuote, PricingError>>,
    /// The last priced quote without a fatal error: totals keep it while the
    /// document cannot be priced.
    pub priced: Memo<Option<PricedQuote>>,
    /// The index history with the user's values and projections (§9.3).
    pub indices: RwSignal<IndexBook>,
    /// The priced quote revised on each anniversary (§9.3).
    pub revised: Memo<Option<RevisedQuote>>,
    /// The minimum guaranteed revenue and its yearly true-up (§9.4).
    pub mrg: Memo<Option<MrgReport>>,
}

impl AppState {
    /// Builds the state once, at start, with the built-in price book.
    pub fn load() -> Result<Self, String> {
        let book = PriceBook::builtin().map_err(|e| format!("Built-in price book: {e}"))?;
        let books =
            PriceBooks::new(vec![book.clone()]).map_err(|e| format!("Built-in price book: {e}"))?;
        let book = StoredValue::new(book);
        let books = StoredValue::new(books);
        let quote = RwSignal::new(Quote::new(default_start_date()));
        let pricing = Memo::new(move |_| quote.with(|q| books.with_value(|b| price(q, b))));
        let priced = Memo::new(
            move |previous: Option<&Option<PricedQuote>>| match pricing.get() {
                Ok(p) => Some(p),
                Err(_) => previous.cloned().flatten(),
            },
        );
        let indices = RwSignal::new(IndexBook::builtin());
        let revised = Memo::new(move |_| {
            priced.with(|p| {
                let p = p.as_ref()?;
                quote.with(|q| books.with_value(|b| indices.with(|i| revise(q, b, p, i).ok())))
            })
        });
        let mrg = Memo::new(move |_| {
            priced.with(|p| {
                let p = p.as_ref()?;
                revised.with(|r| {
                    let r = r.as_ref()?;
                    quote.with(|q| minimum_guaranteed_revenue(q, p, r).ok())
                })
            })
        });
        Ok(AppState {
            lang: RwSignal::new(Lang::Fr),
            books,
            book,
            quote,
            pricing,
            priced,
            indices,
            revised,
            mrg,
        })
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// Today, from the browser's clock (the engine never reads a clock).
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or(NaiveDate::MIN)
}

/// A new quote is signed on the 1st of next month.
fn default_start_date() -> NaiveDate {
    next_month(today()).unwrap_or_else(today)
}
