//! The engine compiled to WebAssembly, for timing in Chromium what the app
//! recomputes on each edit (price, revision, MRG) on the very quotes the
//! native criterion bench uses (benches/support/generated.rs), and the MRG
//! risk's draws (§9.4) on the same quote given uncertainties. Built and
//! driven by `make bench-wasm` (scripts/bench-wasm.mjs); it is no part of
//! the app. Natively it compiles to nothing.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;

use cloudquote::engine::contract_life::risk::mrg_risk;
use cloudquote::engine::document::line_life::Uncertainty;
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::{minimum_guaranteed_revenue, MrgReport};
use cloudquote::engine::finance::revision::{revise, RevisedQuote};
use cloudquote::engine::pricing::{price, PricedQuote};
use rust_decimal::Decimal;
use wasm_bindgen::prelude::*;

#[path = "../benches/support/generated.rs"]
mod generated;

struct Case {
    quote: Quote,
    books: PriceBooks,
    indices: IndexBook,
}

/// The quote with uncertainties, priced, revised and given its MRG once:
/// the app's risk memo reads these from the state's memos.
struct RiskCase {
    quote: Quote,
    priced: PricedQuote,
    revised: RevisedQuote,
    mrg: MrgReport,
}

thread_local! {
    static CASE: RefCell<Option<Case>> = const { RefCell::new(None) };
    static RISK: RefCell<Option<RiskCase>> = const { RefCell::new(None) };
}

/// Generates the quote of `lines` lines over `months` months.
#[wasm_bindgen]
pub fn prepare(lines: u32, months: u32) -> Result<(), JsError> {
    let books = PriceBooks::builtin().map_err(|e| JsError::new(&e.to_string()))?;
    let case = Case {
        quote: generated::generated(lines, months),
        books,
        indices: IndexBook::builtin(),
    };
    CASE.with(|c| *c.borrow_mut() = Some(case));
    Ok(())
}

/// Prices the prepared quote; with `full`, revises it and computes the MRG
/// as well. Returns the number of priced lines (so nothing is optimised out).
#[wasm_bindgen]
pub fn run(full: bool) -> Result<u32, JsError> {
    CASE.with(|c| {
        let c = c.borrow();
        let c = c.as_ref().ok_or_else(|| JsError::new("prepare first"))?;
        let priced = price(&c.quote, &c.books).map_err(|e| JsError::new(&e.to_string()))?;
        if full {
            let revised = revise(&c.quote, &c.books, &priced, &c.indices)
                .map_err(|_| JsError::new("revision overflow"))?;
            minimum_guaranteed_revenue(&c.quote, &priced, &revised)
                .map_err(|_| JsError::new("MRG overflow"))?;
        }
        Ok(priced.lines.len() as u32)
    })
}

/// Generates the quote of `lines` lines over `months` months, gives every
/// line (and the ticket and token forecasts) an uncertainty (−15 % / +10 %
/// a year, 5 % of ending at each anniversary), and prices, revises and
/// computes its MRG table once.
#[wasm_bindgen]
pub fn prepare_risk(lines: u32, months: u32) -> Result<u32, JsError> {
    let books = PriceBooks::builtin().map_err(|e| JsError::new(&e.to_string()))?;
    let mut quote = generated::generated(lines, months);
    let u = Uncertainty {
        down_percent: Decimal::from(15),
        up_percent: Decimal::from(10),
        end_percent: Decimal::from(5),
    };
    for line in &mut quote.lines {
        line.uncertainty = Some(u);
    }
    quote.contract_life.risk.tickets = Some(u);
    quote.contract_life.risk.tokens = Some(u);
    let priced = price(&quote, &books).map_err(|e| JsError::new(&e.to_string()))?;
    let revised = revise(&quote, &books, &priced, &IndexBook::builtin())
        .map_err(|_| JsError::new("revision overflow"))?;
    let mrg = minimum_guaranteed_revenue(&quote, &priced, &revised)
        .map_err(|_| JsError::new("MRG overflow"))?;
    let years = mrg.years.len() as u32;
    RISK.with(|r| {
        *r.borrow_mut() = Some(RiskCase {
            quote,
            priced,
            revised,
            mrg,
        })
    });
    Ok(years)
}

/// The MRG risk of the prepared quote with `draws` draws. Returns the
/// number of uncertain items (so nothing is optimised out).
#[wasm_bindgen]
pub fn risk(draws: u32) -> Result<u32, JsError> {
    RISK.with(|r| {
        let mut r = r.borrow_mut();
        let c = r
            .as_mut()
            .ok_or_else(|| JsError::new("prepare_risk first"))?;
        c.quote.contract_life.risk.draws = draws;
        let report = mrg_risk(&c.quote, &c.priced, &c.revised, &c.mrg)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(report.items.len() as u32)
    })
}
