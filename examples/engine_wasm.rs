//! The engine compiled to WebAssembly, for timing in Chromium what the app
//! recomputes on each edit (price, revision, MRG) on the very quotes the
//! native criterion bench uses (benches/support/generated.rs). Built and
//! driven by `make bench-wasm` (scripts/bench-wasm.mjs); it is no part of
//! the app. Natively it compiles to nothing.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;

use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::minimum_guaranteed_revenue;
use cloudquote::engine::finance::revision::revise;
use cloudquote::engine::pricing::price;
use wasm_bindgen::prelude::*;

#[path = "../benches/support/generated.rs"]
mod generated;

struct Case {
    quote: Quote,
    books: PriceBooks,
    indices: IndexBook,
}

thread_local! {
    static CASE: RefCell<Option<Case>> = const { RefCell::new(None) };
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
