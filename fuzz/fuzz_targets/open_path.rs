//! Issue 19: every way a quote is opened, end to end: the input is tried as
//! a share link, as a quote file and as a stored library entry; whatever
//! reads is checked against the document's bounds, admitted (checked and
//! priced once, `files::admit`), revised and its MRG simulated. Nothing may
//! panic; errors are values, and their messages are written.
#![no_main]

use cloudquote::engine::document::pricebook::{PriceBook, PriceBooks};
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::files::admit::admit;
use cloudquote::engine::files::library::read_stored;
use cloudquote::engine::files::share::decode;
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::minimum_guaranteed_revenue;
use cloudquote::engine::finance::revision::revise;
use cloudquote::engine::lang::Lang;
use libfuzzer_sys::fuzz_target;

fn open(quote: Quote, books: &PriceBooks) {
    let _ = quote.check();
    match admit(quote, books) {
        Ok(admitted) => {
            if let Ok(revised) = revise(&admitted.quote, books, &admitted.priced, &IndexBook::builtin()) {
                let _ = minimum_guaranteed_revenue(&admitted.quote, &admitted.priced, &revised);
            }
        }
        Err(e) => {
            let _ = (e.message(Lang::Fr), e.message(Lang::En));
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (Ok(book), Ok(books)) = (PriceBook::builtin(), PriceBooks::builtin()) else {
        return;
    };
    match decode(text, &book) {
        Ok(shared) => {
            let books = match shared.book {
                Some(b) => PriceBooks::new(vec![b]).unwrap_or_else(|_| books.clone()),
                None => books.clone(),
            };
            open(shared.quote, &books);
        }
        Err(e) => {
            let _ = (e.message(Lang::Fr), e.message(Lang::En));
        }
    }
    if let Ok(quote) = Quote::from_json(text) {
        open(quote, &books);
    }
    if let Ok(stored) = read_stored(text) {
        open(stored.quote, &books);
    }
});
