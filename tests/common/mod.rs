//! Generators shared by the property tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use cloudquote::engine::document::catalog::BuildModel;
use cloudquote::engine::document::pricebook::PriceBook;
use cloudquote::engine::document::quote::{BuildBilling, BuildMilestone, PlannedChange, Quote};
use cloudquote::engine::document::support::{EnvironmentKind, SupportChain, SupportLevel};
use cloudquote::engine::money::Quantity;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn q(text: &str) -> Quantity {
    Quantity::from_file_text(text).expect("test quantity")
}

fn codes() -> Vec<String> {
    PriceBook::builtin()
        .unwrap()
        .items
        .into_iter()
        .map(|i| i.code)
        .collect()
}

prop_compose! {
    /// A priceable quote of the built-in book: up to 20 lines, any build,
    /// environments, chain, build invoicing, changes and up to 2 packs.
    pub fn arb_quote()(
        picks in prop::collection::vec((0..codes().len(), 0u32..5_000, 0usize..4), 0..20),
        months in 12u32..=72,
        start_day in 1u32..=28,
        chain in 0usize..3,
        envs in prop::collection::vec(prop::option::of(0usize..3), 4),
        build_mode in 0usize..3,
        forecast in 0u32..40,
        changes in prop::collection::vec((0usize..8, 0u32..30, any::<bool>(), any::<bool>()), 0..4),
        packs in prop::collection::vec(0usize..4, 0..3),
    ) -> Quote {
        let all = codes();
        let book = PriceBook::builtin().unwrap();
        let mut quote = Quote::new(d(2027, 3, start_day));
        quote.commitment_months = months;
        quote.environments.clear();
        quote.support_chain = SupportChain::ALL[chain];
        for (kind, level) in EnvironmentKind::ALL.into_iter().zip(envs) {
            quote.set_environment(kind, level.map(|l| SupportLevel::ALL[l]));
        }
        for (item, hundredths, build) in picks {
            let id = quote.add_line(&all[item]);
            quote.set_quantity(id, q(&(hundredths / 100).to_string()));
            if hundredths % 7 == 0 {
                quote.set_quantity(id, q(&format!("{}.{:02}", hundredths / 100, hundredths % 100)));
            }
            quote.line_mut(id).unwrap().build = BuildModel::ALL[build];
            // §4.1: some No Build lines are taken over from an earlier contract.
            quote.line_mut(id).unwrap().onboarded = hundredths % 3 == 0;
        }
        quote.build_billing = match build_mode {
            0 => None,
            1 => Some(BuildBilling::ThirtySeventy { end_of_build: d(2027, 6, 1) }),
            _ => Some(BuildBilling::Milestones { lots: vec![
                BuildMilestone { id: 1, label: "A".into(), date: d(2027, 5, 1), percent: Decimal::new(3333, 2) },
                BuildMilestone { id: 2, label: "B".into(), date: d(2027, 8, 1), percent: Decimal::new(6667, 2) },
            ]}),
        };
        quote.tickets.forecast_per_month = Quantity::from_whole(forecast);
        for (i, (change, per_year, off_hours, accelerated)) in changes.into_iter().enumerate() {
            quote.tokens.changes.push(PlannedChange {
                id: i as u32 + 1,
                change: book.changes[change].code.clone(),
                per_year, off_hours, accelerated,
            });
        }
        let offered: Vec<_> = book.token_packs.iter().filter(|p| p.chain == quote.support_chain).collect();
        quote.tokens.packs = packs.into_iter().map(|i| offered[i].code.clone()).collect();
        quote
    }
}
