//! The app's one document and what is derived from it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::timeline::next_month;

use crate::engine::contract_life::invoiced_credit::{invoiced_credit, InvoicedCredit};
use crate::engine::contract_life::reversibility::{after_the_end, Reversibility};
use crate::engine::document::pricebook::{PriceBook, PriceBooks};
use crate::engine::document::quote::Quote;
use crate::engine::finance::indices::IndexBook;
use crate::engine::finance::mrg::{minimum_guaranteed_revenue_billed, MrgReport};
use crate::engine::finance::revision::{revise, RevisedQuote};
use crate::engine::lang::Lang;
use crate::engine::pricing::{price, PricedQuote, PricingError};
use crate::engine::service_levels::{simulate, ServiceLevels};
use crate::ui::browser;

/// Shared through context: the quote being edited, the price book, and the
/// priced quote derived from them.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// The price books in use (§9.7: versions by region and date).
    pub books: RwSignal<PriceBooks>,
    /// The book the catalogue lists and the editor show: the built-in one,
    /// or the user's (price book editor).
    pub book: RwSignal<PriceBook>,
    /// The built-in book, for share links and "back to built-in".
    pub builtin: StoredValue<PriceBook>,
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
    /// §8.2: the simulated month's credits on a later invoice.
    pub credit: Memo<Option<InvoicedCredit>>,
    /// The minimum guaranteed revenue and its yearly true-up (§9.4),
    /// counting what is billed (the credit deducted).
    pub mrg: Memo<Option<MrgReport>>,
    /// §9.9: the reversibility months after the end.
    pub reversibility: Memo<Option<Reversibility>>,
}

impl AppState {
    /// Builds the state once, at start, with the built-in price book.
    pub fn load() -> Result<Self, String> {
        let book = PriceBook::builtin().map_err(|e| format!("Built-in price book: {e}"))?;
        let books =
            PriceBooks::new(vec![book.clone()]).map_err(|e| format!("Built-in price book: {e}"))?;
        let builtin = StoredValue::new(book.clone());
        let book = RwSignal::new(book);
        let books = RwSignal::new(books);
        let quote = RwSignal::new(Quote::new(default_start_date()));
        let pricing = Memo::new(move |_| quote.with(|q| books.with(|b| price(q, b))));
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
                quote.with(|q| books.with(|b| indices.with(|i| revise(q, b, p, i).ok())))
            })
        });
        let credit = Memo::new(move |_| {
            priced.with(|p| {
                let p = p.as_ref()?;
                quote.with(|q| {
                    let input = q.sla_simulation.as_ref()?;
                    let report = simulate(q, p, ServiceLevels::builtin(), input).ok()?;
                    Some(invoiced_credit(p, input, &report))
                })
            })
        });
        let mrg = Memo::new(move |_| {
            let deductions: Vec<_> =
                credit.with(|c| c.iter().filter_map(|c| c.deduction()).collect());
            priced.with(|p| {
                let p = p.as_ref()?;
                revised.with(|r| {
                    let r = r.as_ref()?;
                    quote.with(|q| minimum_guaranteed_revenue_billed(q, p, r, &deductions).ok())
                })
            })
        });
        let reversibility = Memo::new(move |_| {
            priced.with(|p| {
                let p = p.as_ref()?;
                revised.with(|r| {
                    let r = r.as_ref()?;
                    quote.with(|q| after_the_end(q, p, r).ok().flatten())
                })
            })
        });
        Ok(AppState {
            lang: RwSignal::new(Lang::Fr),
            books,
            book,
            builtin,
            quote,
            pricing,
            priced,
            indices,
            revised,
            credit,
            mrg,
            reversibility,
        })
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// A new quote is signed on the 1st of next month.
fn default_start_date() -> NaiveDate {
    next_month(browser::today()).unwrap_or_else(browser::today)
}
