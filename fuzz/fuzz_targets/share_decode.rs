//! A share link's fragment, as typed or tampered with.
#![no_main]

use cloudquote::engine::document::pricebook::PriceBook;
use cloudquote::engine::files::share::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(book) = PriceBook::builtin() else {
        return;
    };
    // Both as given and behind the link prefix, so that the decoder is reached.
    let _ = decode(text, &book);
    let _ = decode(&format!("q1.{text}"), &book);
});
