//! Generators shared by the property tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use cloudquote::engine::document::catalog::{BuildModel, Charge};
use cloudquote::engine::document::limits;
use cloudquote::engine::document::pricebook::PriceBook;
use cloudquote::engine::document::quote::{
    BuildBilling, BuildMilestone, PlannedChange, Quote, SpecificLine,
};
use cloudquote::engine::document::support::{EnvironmentKind, SupportChain, SupportLevel};
use cloudquote::engine::money::{Money, Quantity};
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

/// A value at or near a bound: 0, 1, just below `max`, `max`.
fn near(max: i64) -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
        Just(Decimal::from(max) - Decimal::new(1, 6)),
        Just(Decimal::from(max)),
        (0..=max).prop_map(Decimal::from),
    ]
}

prop_compose! {
    /// Issue 19: a quote at the document's bounds (`limits`): quantities,
    /// specific amounts, MRG global revenue up to their maxima, the longest
    /// commitment, milestones of 0 and 100 %, rates at 0 and 100 %.
    pub fn arb_quote_at_bounds()(
        base in arb_quote(),
        quantities in prop::collection::vec(near(limits::MAX_QUANTITY), 1..8),
        amounts in prop::collection::vec(near(limits::MAX_AMOUNT), 0..6),
        months in prop_oneof![Just(limits::MIN_COMMITMENT_MONTHS), Just(limits::MAX_COMMITMENT_MONTHS), 12u32..=120],
        first_lot in prop_oneof![Just(Decimal::ZERO), Just(Decimal::ONE_HUNDRED), (0i64..=100).prop_map(Decimal::from)],
        rate in prop_oneof![Just(Decimal::ZERO), Just(Decimal::ONE_HUNDRED)],
        tickets in near(limits::MAX_QUANTITY),
    ) -> Quote {
        let mut quote = base;
        quote.commitment_months = months;
        for (line, q) in quote.lines.iter_mut().zip(&quantities) {
            line.quantity = Quantity::from_file_text(&q.to_string()).expect("a quantity");
        }
        for (i, a) in amounts.iter().enumerate() {
            quote.specific.push(SpecificLine {
                id: i as u32 + 1,
                label: "S".into(),
                amount: Money::from_decimal(*a),
                charge: if i % 2 == 0 { Charge::Monthly } else { Charge::OneTime },
                date: None,
            });
        }
        if let Some(BuildBilling::Milestones { lots }) = &mut quote.build_billing {
            lots[0].percent = first_lot;
            lots[1].percent = Decimal::ONE_HUNDRED - first_lot;
        }
        quote.mrg.rate_percent = rate;
        quote.mrg.global_revenue = amounts.first().map(|a| Money::from_decimal(*a));
        quote.tickets.forecast_per_month = Quantity::from_file_text(&tickets.to_string()).expect("tickets");
        quote
    }
}

/// The built-in book with every item at the largest amount (`limits`).
pub fn book_at_bounds() -> PriceBook {
    let mut book = PriceBook::builtin().unwrap();
    for item in &mut book.items {
        item.price = Money::euros(limits::MAX_AMOUNT);
    }
    book
}
