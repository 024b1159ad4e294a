//! How long the portfolio takes (issue 17): 1,000 generated quotes of 100
//! lines (benches/support/generated.rs, 24 to 60 months), each read from
//! its JSON text, priced, revised and given its MRG at one date
//! (`engine::portfolio::entries_parallel`, what `quote portfolio` runs),
//! on every core and on one thread.
//!
//! ```sh
//! make bench-portfolio
//! ```

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/generated.rs"]
mod generated;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::hint::black_box;

    use chrono::NaiveDate;
    use cloudquote::engine::document::pricebook::PriceBooks;
    use cloudquote::engine::finance::indices::IndexBook;
    use cloudquote::engine::portfolio::{entries_parallel, totals};
    use criterion::Criterion;

    use super::generated::generated;

    pub fn portfolio(c: &mut Criterion) {
        let books = PriceBooks::builtin().expect("the built-in book");
        let indices = IndexBook::builtin();
        let at = NaiveDate::from_ymd_opt(2028, 6, 15).expect("a date");
        let files: Vec<(String, String)> = (0..1_000u32)
            .map(|i| {
                let mut quote = generated(100, 24 + 12 * (i % 4));
                quote.client = format!("Client {i}");
                (format!("quote-{i}.json"), quote.to_json())
            })
            .collect();
        // Every quote gives its row: nothing is left out of the figure.
        let entries = entries_parallel(&files, &books, &indices, at);
        let t = totals(&entries).expect("totals");
        assert_eq!((t.contracts, t.failed), (1_000, 0));

        let mut group = c.benchmark_group("portfolio 1,000 quotes x 100 lines");
        group.sample_size(10);
        let threads = rayon::current_num_threads();
        group.bench_function(format!("parallel ({threads} threads)"), |b| {
            b.iter(|| entries_parallel(black_box(&files), &books, &indices, at))
        });
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a pool of one thread");
        group.bench_function("one thread", |b| {
            b.iter(|| one.install(|| entries_parallel(black_box(&files), &books, &indices, at)))
        });
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::portfolio);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
