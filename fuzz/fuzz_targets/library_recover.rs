//! What the browser's storage may hold: an index and stored quotes, damaged
//! or foreign. Recovery must never panic.
#![no_main]

use cloudquote::engine::files::library::{recover, QUOTE_PREFIX};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The first line is the index, each other line a stored quote.
    let mut lines = text.split('\n');
    let index = lines.next();
    let quotes: Vec<(String, String)> = lines
        .enumerate()
        .map(|(i, raw)| (format!("{QUOTE_PREFIX}q{i}"), raw.to_string()))
        .collect();
    let _ = recover(index, &quotes, "fuzz");
});
