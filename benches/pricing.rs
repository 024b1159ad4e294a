//! How long `price` (and price + revision + MRG, what the app recomputes on
//! each edit) takes on generated quotes of 10, 100 and 1,000 lines over 12,
//! 36 and 60 months, with the built-in book.
//!
//! ```sh
//! cargo bench --bench pricing -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! The quotes are those of benches/support/generated.rs. The bench profile
//! inherits the release profile (opt-level "z", LTO): the engine as it
//! ships. `make bench-wasm` times the same quotes compiled to WebAssembly
//! in Chromium.

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/generated.rs"]
mod generated;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::hint::black_box;

    use cloudquote::engine::document::pricebook::PriceBooks;
    use cloudquote::engine::finance::indices::IndexBook;
    use cloudquote::engine::finance::mrg::minimum_guaranteed_revenue;
    use cloudquote::engine::finance::revision::revise;
    use cloudquote::engine::pricing::price;
    use criterion::{BenchmarkId, Criterion};

    use super::generated::generated;

    pub fn pricing(c: &mut Criterion) {
        let books = PriceBooks::builtin().expect("the built-in book");
        let mut group = c.benchmark_group("price");
        for lines in [10, 100, 1_000] {
            for months in [12, 36, 60] {
                let quote = generated(lines, months);
                // The generated quote is valid: nothing is left out of the figures.
                let priced = price(&quote, &books).expect("prices");
                assert!(!priced.has_errors(), "{:?}", priced.issues);
                assert_eq!(priced.lines.len(), lines as usize);
                if lines >= 100 {
                    group.sample_size(20);
                }
                group.bench_with_input(
                    BenchmarkId::new(format!("{lines} lines"), format!("{months} months")),
                    &quote,
                    |b, quote| b.iter(|| price(black_box(quote), black_box(&books))),
                );
            }
        }
        group.finish();

        // What the app computes on each edit: the price, the revision at
        // each anniversary (§9.3) and the minimum guaranteed revenue (§9.4).
        let indices = IndexBook::builtin();
        let mut group = c.benchmark_group("price+revision+mrg");
        for lines in [10, 100, 1_000] {
            for months in [12, 36, 60] {
                let quote = generated(lines, months);
                if lines >= 100 {
                    group.sample_size(20);
                }
                group.bench_with_input(
                    BenchmarkId::new(format!("{lines} lines"), format!("{months} months")),
                    &quote,
                    |b, quote| {
                        b.iter(|| {
                            let priced = price(black_box(quote), &books).expect("prices");
                            let revised =
                                revise(quote, &books, &priced, &indices).expect("revises");
                            minimum_guaranteed_revenue(quote, &priced, &revised).expect("MRG")
                        })
                    },
                );
            }
        }
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::pricing);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
