//! A table of index values pasted by the user (SYNTEC and ICC).
#![no_main]

use cloudquote::engine::finance::indices::{parse_index_csv, IndexKind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_index_csv(text, IndexKind::Syntec);
    let _ = parse_index_csv(text, IndexKind::Icc);
});
