//! A quote file as a user could import it: read (with migration), then, if
//! it reads, priced, revised and checked for the minimum guaranteed revenue.
//! Nothing may panic; errors are values.
#![no_main]

use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::minimum_guaranteed_revenue;
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::pricing::price;
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::finance::revision::revise;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(quote) = Quote::from_json(text) else {
        return;
    };
    let Ok(books) = PriceBooks::builtin() else {
        return;
    };
    if let Ok(priced) = price(&quote, &books) {
        if let Ok(revised) = revise(&quote, &books, &priced, &IndexBook::builtin()) {
            let _ = minimum_guaranteed_revenue(&quote, &priced, &revised);
        }
    }
});
