//! How long the MRG risk takes natively (§9.4, issue 15): 10,000 and
//! 100,000 draws on the generated 100-line, 60-month quote
//! (benches/support/generated.rs), every line, the tickets and the tokens
//! given −15 % / +10 % a year and 5 % of ending at each anniversary (as
//! `make bench-wasm` times it in Chromium). Priced, revised and given its MRG
//! table once, as the app's memos are.
//!
//! ```sh
//! cargo bench --bench risk -- --warm-up-time 1 --measurement-time 5
//! ```

#[cfg(not(target_arch = "wasm32"))]
#[path = "support/generated.rs"]
mod generated;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use std::hint::black_box;

    use cloudquote::engine::contract_life::risk::mrg_risk;
    use cloudquote::engine::document::line_life::Uncertainty;
    use cloudquote::engine::document::pricebook::PriceBooks;
    use cloudquote::engine::finance::indices::IndexBook;
    use cloudquote::engine::finance::mrg::minimum_guaranteed_revenue;
    use cloudquote::engine::finance::revision::revise;
    use cloudquote::engine::pricing::price;
    use criterion::Criterion;
    use rust_decimal::Decimal;

    use super::generated::generated;

    pub fn risk(c: &mut Criterion) {
        let books = PriceBooks::builtin().expect("the built-in book");
        let mut quote = generated(100, 60);
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
        let priced = price(&quote, &books).expect("priced");
        let revised = revise(&quote, &books, &priced, &IndexBook::builtin()).expect("revised");
        let mrg = minimum_guaranteed_revenue(&quote, &priced, &revised).expect("MRG");
        let mut group = c.benchmark_group("MRG risk, 100 lines x 60 months");
        group.sample_size(10);
        for draws in [10_000, 100_000] {
            quote.contract_life.risk.draws = draws;
            group.bench_function(format!("{draws} draws"), |b| {
                b.iter(|| mrg_risk(black_box(&quote), &priced, &revised, &mrg).expect("risk"))
            });
        }
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::risk);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
