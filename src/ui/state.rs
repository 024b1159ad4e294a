//! The app's one document and what is derived from it.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::timeline::next_month;

use crate::engine::contract_life::invoiced_credit::InvoicedCredit;
use crate::engine::contract_life::reversibility::Reversibility;
use crate::engine::document::pricebook::{PriceBook, PriceBooks};
use crate::engine::document::quote::Quote;
use crate::engine::finance::indices::{IndexBook, IndexKind, IndexSeries};
use crate::engine::finance::mrg::{Deduction, MrgReport};
use crate::engine::finance::revision::RevisedQuote;
use crate::engine::lang::Lang;
use crate::engine::pricing::{price, PricedQuote, PricingError};
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
    /// The index history with the user's values and projections (§9.3);
    /// empty until the finance engine is in.
    pub indices: RwSignal<IndexBook>,
    /// The finance engine, installed by the first screen that needs it.
    pub finance: RwSignal<Option<FinanceCalls>>,
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
        let indices = RwSignal::new(IndexBook {
            syntec: IndexSeries::new(IndexKind::Syntec, Vec::new()),
            icc: IndexSeries::new(IndexKind::Icc, Vec::new()),
            electricity: IndexSeries::new(IndexKind::Electricity, Vec::new()),
        });
        let finance = RwSignal::new(None::<FinanceCalls>);
        let revised = Memo::new(move |_| {
            let f = finance.get()?;
            priced.with(|p| {
                let p = p.as_ref()?;
                quote.with(|q| books.with(|b| indices.with(|i| (f.revise)(q, b, p, i))))
            })
        });
        let credit = Memo::new(move |_| {
            let f = finance.get()?;
            priced.with(|p| quote.with(|q| (f.credit)(q, p.as_ref()?)))
        });
        let mrg = Memo::new(move |_| {
            let f = finance.get()?;
            let deductions: Vec<Deduction> =
                credit.with(|c| c.iter().filter_map(InvoicedCredit::deduction).collect());
            priced.with(|p| {
                let p = p.as_ref()?;
                revised.with(|r| {
                    let r = r.as_ref()?;
                    quote.with(|q| (f.mrg)(q, p, r, &deductions))
                })
            })
        });
        let reversibility = Memo::new(move |_| {
            let f = finance.get()?;
            priced.with(|p| {
                let p = p.as_ref()?;
                revised.with(|r| quote.with(|q| (f.reversibility)(q, p, r.as_ref()?)))
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
            finance,
            revised,
            credit,
            mrg,
            reversibility,
        })
    }
}

/// The finance engine's calls (§9.3, §9.4). The quote screen never reads
/// the revision or the MRG: they travel in the chunks of the screens that
/// do (issue 18), which install them before drawing
/// (`views::shell::on_demand`). Until then `revised` and `mrg` are `None`.
#[derive(Clone, Copy)]
pub struct FinanceCalls {
    pub revise: fn(&Quote, &PriceBooks, &PricedQuote, &IndexBook) -> Option<RevisedQuote>,
    /// §9.4 counting what is billed: the credits deducted (§8.2).
    pub mrg: fn(&Quote, &PricedQuote, &RevisedQuote, &[Deduction]) -> Option<MrgReport>,
    /// §8.2: the simulated month's credits on their invoice.
    pub credit: fn(&Quote, &PricedQuote) -> Option<InvoicedCredit>,
    /// §9.9: the reversibility after the end.
    pub reversibility: fn(&Quote, &PricedQuote, &RevisedQuote) -> Option<Reversibility>,
    pub indices: fn() -> IndexBook,
}

impl AppState {
    /// Puts the finance engine in, once: the shipped index tables, then the
    /// calls (the memos then compute).
    pub fn install_finance(self, calls: FinanceCalls) {
        if self.finance.with_untracked(Option::is_none) {
            self.indices.set((calls.indices)());
            self.finance.set(Some(calls));
        }
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// A new quote is signed on the 1st of next month.
fn default_start_date() -> NaiveDate {
    next_month(browser::today()).unwrap_or_else(browser::today)
}
