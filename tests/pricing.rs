//! Exact tables and invariants of the pricing engine, each citing the clause
//! of ../shared/SPEC.md it checks. Prices are those of the built-in book.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cloudquote::engine::document::catalog::{BuildModel, Charge, Family};
use cloudquote::engine::document::pricebook::{MinimumMode, PriceBook, PriceBooks};
use cloudquote::engine::document::quote::{
    BuildBilling, BuildMilestone, ManagementModel, PlannedChange, Quote, SpecificLine,
    SupportChange,
};
use cloudquote::engine::document::scenario::Scenario;
use cloudquote::engine::document::support::{
    EnvironmentKind, ReviewPeriod, SupportChain, SupportLevel,
};
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::minimum_guaranteed_revenue;
use cloudquote::engine::finance::revision::revise;
use cloudquote::engine::models::SetAside;
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricing::{
    price, Category, Location, PricedQuote, PricingError, QuoteIssue,
};
use cloudquote::engine::scenarios::comparison::{compare, Figure};
use cloudquote::engine::timeline::{first_of_month, prorate};
use proptest::prelude::*;

mod common;
use common::arb_quote;
use rust_decimal::Decimal;

fn books() -> PriceBooks {
    PriceBooks::builtin().expect("built-in price book")
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn q(text: &str) -> Quantity {
    Quantity::from_file_text(text).expect("test quantity")
}

fn money(text: &str) -> Money {
    Money::from_file_text(text).expect("test amount")
}

/// A quote signed on 2027-01-01 with the given lines, no access fee.
fn quote(months: u32, lines: &[(&str, &str)]) -> Quote {
    let mut quote = Quote::new(d(2027, 1, 1));
    quote.commitment_months = months;
    quote.access_fee_waived = true;
    for (item, quantity) in lines {
        let id = quote.add_line(item);
        quote.set_quantity(id, q(quantity));
    }
    quote
}

fn priced(quote: &Quote) -> PricedQuote {
    price(quote, &books()).expect("prices")
}

fn errors(p: &PricedQuote) -> Vec<&QuoteIssue> {
    p.issues
        .iter()
        .filter(|i| i.severity == cloudquote::engine::pricing::Severity::Error)
        .map(|i| &i.issue)
        .collect()
}

#[test]
fn a_line_is_unit_price_times_quantity_at_the_commitment_tier() {
    // §7: OS-MGD 120.00 list; 36 months -> tier 36 (-5 %) -> 114.00; x3 = 342.00.
    // DB-MGD 220.00 -> 209.00. Support Standard Off-Shore 900.00 (not tiered).
    let p = priced(&quote(36, &[("OS-MGD", "3"), ("DB-MGD", "1")]));
    assert_eq!(p.lines[0].tier_months, Some(36));
    assert_eq!(p.lines[0].unit_price, money("114.00"));
    assert_eq!(p.lines[0].amount, money("342.00"));
    assert_eq!(p.lines[1].amount, money("209.00"));
    assert_eq!(p.monthly_recurring, money("1451.00"));
    // Below the 2 000.00 minimum: a complement of 549.00 every month (§9.2).
    assert!(p.minimum_complement.iter().all(|c| *c == money("549.00")));
    assert_eq!(p.commitment_total, money("72000.00"));
    assert!(errors(&p).is_empty(), "{:?}", p.issues);
}

#[test]
fn tiers_follow_the_commitment() {
    // §7: 12 -> 0 %, 24 -> 3 %, 30 -> still 24 (3 %), 48 -> 7 %, 60 and 120 -> 9 %.
    for (months, unit) in [
        (12, "120"),
        (24, "116.4"),
        (30, "116.4"),
        (48, "111.6"),
        (60, "109.2"),
        (120, "109.2"),
    ] {
        let p = priced(&quote(months, &[("OS-MGD", "1")]));
        assert_eq!(p.lines[0].unit_price, money(unit), "{months} months");
    }
}

#[test]
fn a_month_below_the_billing_minimum_gets_a_complement_line() {
    // §9.2: 120.00 + 900.00 support = 1 020.00 < 2 000.00 -> 980.00 a month.
    let p = priced(&quote(12, &[("OS-MGD", "1")]));
    assert_eq!(p.minimum_complement, vec![money("980.00"); 12]);
    assert_eq!(p.commitment_total, money("24000.00"));
    assert_eq!(
        p.category_total(Category::MinimumComplement),
        money("11760.00")
    );
    // Above the minimum: no complement.
    let p = priced(&quote(12, &[("OS-MGD", "10")]));
    assert_eq!(p.category_total(Category::MinimumComplement), Money::ZERO);
    assert_eq!(p.commitment_total, money("25200.00"));
}

#[test]
fn the_access_fee_is_billed_once_at_signature() {
    // §9.2
    let mut qt = quote(12, &[("OS-MGD", "10")]);
    qt.access_fee_waived = false;
    let p = priced(&qt);
    assert_eq!(p.access_fee, money("2500.00"));
    assert_eq!(p.one_time, money("2500.00"));
    assert_eq!(p.schedule[0].date, d(2027, 1, 1));
    assert_eq!(p.schedule[0].category, Category::AccessFee);
    assert_eq!(p.commitment_total, money("27700.00"));
}

#[test]
fn build_first_resource_then_next_and_thirty_seventy_invoicing() {
    // §4: OS-MGD Full Build first 4 200.00, next 900.00: 3 VMs = 6 000.00.
    // §9.8.1: 30 % at signature (1 800.00), 70 % at the end of build (4 200.00).
    let mut qt = quote(12, &[("OS-MGD", "3")]);
    qt.lines[0].build = BuildModel::Full;
    qt.build_billing = Some(BuildBilling::ThirtySeventy {
        end_of_build: d(2027, 3, 1),
    });
    let p = priced(&qt);
    assert_eq!(p.build.total, money("6000.00"));
    let parts: Vec<_> = p
        .build
        .instalments
        .iter()
        .map(|i| (i.date, i.amount))
        .collect();
    assert_eq!(
        parts,
        [
            (d(2027, 1, 1), money("1800.00")),
            (d(2027, 3, 1), money("4200.00"))
        ]
    );
    // §9.8.2: run starts at the end of the build: no run in January and February.
    assert_eq!(p.run_start, d(2027, 3, 1));
    assert_eq!(p.lines[0].months[0], Money::ZERO);
    assert_eq!(p.lines[0].months[2], money("360.00"));
    // Two types built: the second line of the same type pays "next" only.
    let mut qt2 = qt.clone();
    let id = qt2.add_line("OS-MGD");
    qt2.set_quantity(id, q("2"));
    qt2.line_mut(id).unwrap().build = BuildModel::Full;
    assert_eq!(priced(&qt2).lines[1].build_amount, money("1800.00"));
}

#[test]
fn milestones_sum_exactly_and_lines_start_at_their_lot() {
    // §9.8.1: lots with percentages; every part but the last rounded.
    let mut qt = quote(24, &[("OS-MGD", "1"), ("DB-MGD", "1")]);
    qt.lines[0].build = BuildModel::Backend; // 1 800.00
    qt.lines[1].build = BuildModel::Backend; // 2 200.00
    qt.lines[0].lot = Some(1);
    qt.build_billing = Some(BuildBilling::Milestones {
        lots: vec![
            BuildMilestone {
                id: 1,
                label: "Lot 1".into(),
                date: d(2027, 2, 15),
                percent: Decimal::new(3333, 2),
            },
            BuildMilestone {
                id: 2,
                label: "Lot 2".into(),
                date: d(2027, 4, 1),
                percent: Decimal::new(6667, 2),
            },
        ],
    });
    let p = priced(&qt);
    let parts: Vec<_> = p.build.instalments.iter().map(|i| i.amount).collect();
    // 4 000.00 x 33.33 % = 1 333.20; the rest 2 666.80.
    assert_eq!(parts, [money("1333.20"), money("2666.80")]);
    // §9.8.2: the line of lot 1 starts on 15 February (pro rata: 14/28 of 116.40 = 58.20).
    assert_eq!(p.lines[0].starts, d(2027, 2, 15));
    assert_eq!(p.lines[0].months[1], money("58.20"));
    // The other line waits for the whole build (lot 2).
    assert_eq!(p.lines[1].starts, d(2027, 4, 1));

    let mut bad = qt.clone();
    if let Some(BuildBilling::Milestones { lots }) = &mut bad.build_billing {
        lots[1].percent = Decimal::from(60);
    }
    let p = priced(&bad);
    assert!(p.issues_at(Location::BuildBilling).any(
        |i| matches!(i, QuoteIssue::MilestonesNot100 { sum } if *sum == Decimal::new(9333, 2))
    ));
    let parts: Vec<_> = p.build.instalments.iter().map(|i| i.amount).collect();
    assert_eq!(
        Money::checked_sum(parts).unwrap(),
        p.build.total,
        "still exact"
    );
}

#[test]
fn support_upgrades_on_the_first_of_a_month_and_never_downgrades_while_committed() {
    // §5.3: Standard 900.00 for 6 months, then Premium 2 200.00.
    let mut qt = quote(12, &[("OS-MGD", "20"), ("SDM", "1"), ("CBM", "1")]);
    qt.support_changes.push(SupportChange {
        id: 1,
        date: d(2027, 7, 1),
        environment: EnvironmentKind::Production,
        level: SupportLevel::Premium,
    });
    let p = priced(&qt);
    assert_eq!(p.support[0].total, money("18600.00"));
    assert_eq!(p.support[0].segments[1].committed_until, d(2028, 1, 1));
    assert!(errors(&p).is_empty(), "{:?}", p.issues);

    // A downgrade before the new 6-month commitment ends is refused.
    qt.support_changes.push(SupportChange {
        id: 2,
        date: d(2027, 10, 1),
        environment: EnvironmentKind::Production,
        level: SupportLevel::Standard,
    });
    // A change on another day than the 1st is refused.
    qt.support_changes.push(SupportChange {
        id: 3,
        date: d(2027, 11, 15),
        environment: EnvironmentKind::Production,
        level: SupportLevel::Premium,
    });
    let p = priced(&qt);
    assert_eq!(
        p.issues_at(Location::SupportChange(2)).collect::<Vec<_>>(),
        [&QuoteIssue::SupportDowngradeWhileCommitted {
            committed_until: d(2028, 1, 1)
        }]
    );
    assert_eq!(
        p.issues_at(Location::SupportChange(3)).collect::<Vec<_>>(),
        [&QuoteIssue::SupportChangeNotFirstOfMonth]
    );
    assert_eq!(
        p.support[0].total,
        money("18600.00"),
        "refused changes are not priced"
    );
}

#[test]
fn ticket_overage_is_billed_per_review_period_at_the_highest_level() {
    // §9.5, §9.6: 12 forecast vs 10 included a month, reviewed per quarter:
    // 6 tickets a quarter; Standard 90.00 -> 540.00; with a Premium
    // environment the Premium ticket (140.00) applies -> 840.00.
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.tickets.forecast_per_month = q("12");
    qt.tickets.review = ReviewPeriod::Quarter;
    let p = priced(&qt);
    assert_eq!(p.tickets.periods.len(), 4);
    assert_eq!(p.tickets.periods[0].amount, money("540.00"));
    assert_eq!(p.tickets.periods[0].to, d(2027, 4, 1));
    assert_eq!(p.tickets.total, money("2160.00"));
    qt.set_environment(EnvironmentKind::Development, Some(SupportLevel::Premium));
    let p = priced(&qt);
    assert_eq!(p.tickets.periods[0].amount, money("840.00"));
    // Under the included number: nothing.
    qt.tickets.forecast_per_month = q("4");
    assert_eq!(priced(&qt).tickets.total, Money::ZERO);
}

#[test]
fn tokens_double_off_hours_and_the_cheapest_pack_is_suggested() {
    // §6: CHG-APP-DEPLOY 6 tokens, off hours x2 = 12, 24 a year = 288 a year = 24 a month.
    // Off-Shore on demand 55.00: 1 320.00 a month. Packs 10 @ 480, 20 @ 900,
    // 40 @ 1 680: 480 + 14 x 55 = 1 250; 900 + 4 x 55 = 1 120; 1 680.
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.tokens.changes.push(PlannedChange {
        id: 1,
        change: "CHG-APP-DEPLOY".into(),
        per_year: 24,
        off_hours: true,
        accelerated: false,
    });
    let p = priced(&qt);
    assert_eq!(p.tokens.forecast_per_month, Decimal::from(24));
    assert_eq!(p.tokens.on_demand_only.monthly_cost, money("1320.00"));
    assert_eq!(p.tokens.suggestion.packs, ["PACK-OFFSHORE-20"]);
    assert_eq!(p.tokens.suggestion.monthly_cost, money("1120.00"));
    assert_eq!(
        p.tokens.total,
        money("15840.00"),
        "on demand until a pack is chosen"
    );
    qt.tokens.packs = vec!["PACK-OFFSHORE-20".into()];
    let p = priced(&qt);
    assert_eq!(p.tokens.total, money("13440.00"));
    assert_eq!(p.category_total(Category::TokenPack), money("10800.00"));
    assert_eq!(p.category_total(Category::TokenOnDemand), money("2640.00"));
}

#[test]
fn the_seventh_accelerated_change_of_a_year_is_refused_on_its_row() {
    // §6: at most 6 accelerated changes a year; off hours + accelerated = x4.
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.tokens.changes.push(PlannedChange {
        id: 1,
        change: "CHG-DNS".into(),
        per_year: 6,
        off_hours: true,
        accelerated: true,
    });
    qt.tokens.changes.push(PlannedChange {
        id: 2,
        change: "CHG-USER".into(),
        per_year: 1,
        off_hours: false,
        accelerated: true,
    });
    let p = priced(&qt);
    assert_eq!(p.tokens.changes[0].multiplier, 4);
    assert_eq!(p.tokens.changes[0].tokens_per_year, 24);
    assert_eq!(
        p.issues_at(Location::TokenChange(2)).collect::<Vec<_>>(),
        [&QuoteIssue::TooManyAccelerated { planned: 7, max: 6 }]
    );
    assert_eq!(p.tokens.forecast_per_month, Decimal::from(2));
}

#[test]
fn fixed_capacity_hours_convert_to_two_tokens_an_hour() {
    // §12: 40 h a month = 80 tokens; the 80-token Off-Shore pack costs 3 120.00.
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.tokens.fixed_capacity_hours = Some(40);
    let fixed = priced(&qt).tokens.fixed_capacity.expect("fixed capacity");
    assert_eq!(fixed.tokens, 80);
    assert_eq!(fixed.cheapest.packs, ["PACK-OFFSHORE-80"]);
    assert_eq!(fixed.cheapest.monthly_cost, money("3120.00"));
}

#[test]
fn a_line_ordered_later_takes_the_remaining_tier_and_the_book_then_in_force() {
    // §9.2, §9.7: ordered 2028-01-01 in a 36-month contract: 24 months remain -> tier 24 (-3 %).
    let mut qt = quote(36, &[("OS-MGD", "20")]);
    let id = qt.add_line("OS-MGD");
    qt.line_mut(id).unwrap().ordered_on = Some(d(2028, 1, 1));
    let p = priced(&qt);
    assert_eq!(p.lines[0].unit_price, money("114.00"));
    assert_eq!(p.lines[1].unit_price, money("116.40"));
    assert_eq!(p.lines[1].starts, d(2028, 1, 1));
    assert_eq!(p.lines[1].months[11], Money::ZERO);
    // 2 months remain from 2029-11-01: rounded up to the 12-month tier (0 %).
    qt.line_mut(id).unwrap().ordered_on = Some(d(2029, 11, 1));
    assert_eq!(priced(&qt).lines[1].unit_price, money("120.00"));

    // A newer book from 2028-01-01 prices OS-MGD at 130.00: 130 x 0.97 = 126.10.
    let mut newer = PriceBook::builtin().unwrap();
    newer.version = "2028.1".into();
    newer.effective_date = d(2028, 1, 1);
    newer
        .items
        .iter_mut()
        .find(|i| i.code == "OS-MGD")
        .unwrap()
        .price = money("130.00");
    let both = PriceBooks::new(vec![PriceBook::builtin().unwrap(), newer]).unwrap();
    qt.line_mut(id).unwrap().ordered_on = Some(d(2028, 1, 1));
    let p = price(&qt, &both).unwrap();
    assert_eq!(
        p.lines[0].unit_price,
        money("114.00"),
        "signature lines keep their price (§9.7)"
    );
    assert_eq!(p.lines[1].unit_price, money("126.10"));
    assert_eq!(p.lines[1].book_version, "2028.1");
}

#[test]
fn a_contract_starting_mid_month_is_billed_pro_rata() {
    // §7 (§6.15): from 16 January, 16 of 31 days of 2 000.00 (2 400.00 x 0 + minimum) …
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.start_date = d(2027, 1, 16);
    let p = priced(&qt);
    // 20 x 120.00 = 2 400.00 a month: 16/31 -> 1 238.71; last month 15/31 of January 2028 -> 1 161.29.
    assert_eq!(p.lines[0].months.first(), Some(&money("1238.71")));
    assert_eq!(p.lines[0].months.last(), Some(&money("1161.29")));
    assert_eq!(p.months.len(), 13);
}

#[test]
fn dependencies_are_located_on_the_line_that_misses_them() {
    // §3 (§6.3, §7.1.2, §6.11, §6.12). The lines are taken over already
    // onboarded (§4.1), so that only the dependency issues remain.
    let mut qt = quote(12, &[("DB-MGD", "1"), ("CTR-MGD", "1"), ("AD-MGD", "1")]);
    for line in &mut qt.lines {
        line.onboarded = true;
    }
    let p = priced(&qt);
    assert_eq!(
        p.issues_at(Location::Line(cloudquote::engine::document::quote::LineId(
            1
        )))
        .collect::<Vec<_>>(),
        [&QuoteIssue::MissingDependency {
            requires: vec![Family::Os]
        }]
    );
    assert_eq!(
        p.issues_at(Location::Line(cloudquote::engine::document::quote::LineId(
            2
        )))
        .collect::<Vec<_>>(),
        [&QuoteIssue::MissingDependency {
            requires: vec![Family::Kubernetes]
        }]
    );
    assert_eq!(
        p.issues_at(Location::Line(cloudquote::engine::document::quote::LineId(
            3
        )))
        .count(),
        2,
        "AD needs OS and two VMs"
    );
    // Still priced: the user sees the cost while fixing the quote.
    assert_eq!(p.lines.len(), 3);
}

#[test]
fn premium_support_makes_sdm_and_cbm_mandatory() {
    // §5 (§6.1.1, §6.1.2)
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.set_environment(EnvironmentKind::Production, Some(SupportLevel::Premium));
    let p = priced(&qt);
    assert_eq!(p.issues_at(Location::Governance).count(), 2);
    let sdm = qt.add_line("SDM");
    qt.add_line("CBM");
    assert_eq!(priced(&qt).issues_at(Location::Governance).count(), 0);
    qt.set_environment(EnvironmentKind::Production, Some(SupportLevel::Standard));
    assert!(matches!(
        priced(&qt).issues_at(Location::Line(sdm)).next(),
        Some(QuoteIssue::GovernanceUnavailable { .. })
    ));
}

// ---- Issue 14: the contract as the seed writes it (SPEC §14), pricing ----

#[test]
fn a_later_order_never_gets_a_better_tier_than_the_contract_at_signature() {
    // §9.2 (SPEC §14): a 30-month contract signs at the 24-month tier (-3 %).
    // Ordered the next day, 30 months remain (2027-01-02 to 2029-07-01),
    // rounded up to 36 (-5 %): capped at 24, OS-MGD 120.00 x 0.97 = 116.40.
    let mut qt = quote(30, &[("OS-MGD", "20")]);
    let id = qt.add_line("OS-MGD");
    qt.line_mut(id).unwrap().ordered_on = Some(d(2027, 1, 2));
    let p = priced(&qt);
    assert_eq!(p.lines[0].tier_months, Some(24));
    assert_eq!(p.lines[1].tier_months, Some(24));
    assert_eq!(p.lines[1].tier_capped_from, Some(36));
    assert_eq!(p.lines[1].unit_price, money("116.40"));
    // From 2027-08-01, 23 months remain, rounded up to 24: not capped.
    qt.line_mut(id).unwrap().ordered_on = Some(d(2027, 8, 1));
    let p = priced(&qt);
    assert_eq!(p.lines[1].tier_months, Some(24));
    assert_eq!(p.lines[1].tier_capped_from, None);
    // From 2028-08-01, 11 months remain: the 12-month tier, 120.00.
    qt.line_mut(id).unwrap().ordered_on = Some(d(2028, 8, 1));
    let p = priced(&qt);
    assert_eq!(
        (p.lines[1].tier_months, p.lines[1].tier_capped_from),
        (Some(12), None)
    );
    assert_eq!(p.lines[1].unit_price, money("120.00"));
}

#[test]
fn the_first_support_level_is_committed_six_months_like_any_change() {
    // §5.3 (SPEC §14): Standard from 2027-01-01 is committed until
    // 2027-07-01: a downgrade to Initial on 2027-05-01 is refused, on
    // 2027-07-01 it is allowed (900.00 x 6 + 350.00 x 6 = 7 500.00).
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.support_changes.push(SupportChange {
        id: 1,
        date: d(2027, 5, 1),
        environment: EnvironmentKind::Production,
        level: SupportLevel::Initial,
    });
    let p = priced(&qt);
    assert_eq!(
        p.issues_at(Location::SupportChange(1)).collect::<Vec<_>>(),
        [&QuoteIssue::SupportDowngradeWhileCommitted {
            committed_until: d(2027, 7, 1)
        }]
    );
    qt.support_changes[0].date = d(2027, 7, 1);
    let p = priced(&qt);
    assert_eq!(p.issues_at(Location::SupportChange(1)).count(), 0);
    let initial = books().all()[0].support_fee(SupportLevel::Initial, SupportChain::OffShore);
    assert_eq!(initial, Some(money("350.00")));
    assert_eq!(p.support[0].total, money("7500.00"));
}

#[test]
fn committed_support_months_after_the_end_are_billed_with_the_last_month() {
    // §5.3 (SPEC §14): signed 2027-01-15 for 12 months (end 2028-01-15); the
    // build ends 2027-09-15, so support starts then, committed until
    // 2028-03-15. Left after the end: 17/31 of January (493.55), February
    // (900.00) and 14/31 of March (406.45) of Standard at 900.00 = 1 800.00,
    // billed on 2028-01-01 with the last month, and flagged.
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.start_date = d(2027, 1, 15);
    qt.line_mut(cloudquote::engine::document::quote::LineId(1))
        .unwrap()
        .build = BuildModel::Full;
    qt.build_billing = Some(BuildBilling::ThirtySeventy {
        end_of_build: d(2027, 9, 15),
    });
    let p = priced(&qt);
    assert_eq!(p.run_start, d(2027, 9, 15));
    let beyond = p.support[0].committed_beyond_end.as_ref().expect("flagged");
    assert_eq!(
        (beyond.from, beyond.until),
        (d(2028, 1, 15), d(2028, 3, 15))
    );
    assert_eq!(beyond.months, 2);
    assert_eq!(beyond.amount, money("1800.00"));
    assert_eq!(beyond.billed_on, d(2028, 1, 1));
    assert_eq!(
        p.issues_at(Location::Environment(EnvironmentKind::Production))
            .collect::<Vec<_>>(),
        [&QuoteIssue::SupportCommitmentBeyondContract {
            level: SupportLevel::Standard,
            committed_until: d(2028, 3, 15),
            months: 2,
            amount: money("1800.00"),
        }]
    );
    // September 16/30 (480.00), October to December (2 700.00), January
    // 14/31 (406.45) plus the 1 800.00 committed after the end.
    assert_eq!(p.support[0].months.last(), Some(&money("2206.45")));
    assert_eq!(p.support[0].total, money("5386.45"));
    assert!(
        errors(&p).is_empty(),
        "a warning, not an error: {:?}",
        p.issues
    );
    // A contract that outlasts the commitment bills nothing more.
    qt.build_billing = Some(BuildBilling::ThirtySeventy {
        end_of_build: d(2027, 6, 15),
    });
    assert_eq!(priced(&qt).support[0].committed_beyond_end, None);
}

#[test]
fn several_token_packs_are_each_priced_and_the_rest_is_on_demand() {
    // §5.5 (SPEC §14): CHG-APP-DEPLOY 6 tokens x2 off hours x 24 a year = 24
    // a month, plus 26 other: 50 a month. Two 10-token packs (480.00 each)
    // cover 20; 30 beyond at 55.00 = 1 650.00: 2 610.00 a month.
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.tokens.changes.push(PlannedChange {
        id: 1,
        change: "CHG-APP-DEPLOY".into(),
        per_year: 24,
        off_hours: true,
        accelerated: false,
    });
    qt.tokens.extra_per_month = q("26");
    qt.tokens.packs = vec!["PACK-OFFSHORE-10".into(), "PACK-OFFSHORE-10".into()];
    let p = priced(&qt);
    assert_eq!(p.tokens.forecast_per_month, Decimal::from(50));
    assert_eq!(
        p.tokens.chosen.packs,
        ["PACK-OFFSHORE-10", "PACK-OFFSHORE-10"]
    );
    assert_eq!(p.tokens.chosen.tokens_per_month, 20);
    assert_eq!(p.tokens.chosen.monthly_cost, money("2610.00"));
    assert_eq!(p.tokens.packs.len(), 2);
    for pack in &p.tokens.packs {
        assert_eq!(pack.monthly, money("480.00"));
        assert_eq!(pack.months, vec![money("480.00"); 12]);
        assert_eq!(pack.total, money("5760.00"));
    }
    assert_eq!(p.category_total(Category::TokenPack), money("11520.00"));
    assert_eq!(p.category_total(Category::TokenOnDemand), money("19800.00"));
    assert_eq!(p.tokens.total, money("31320.00"));
    // The cheapest way is a combination: 40 + 10 tokens, 1 680.00 + 480.00.
    assert_eq!(
        p.tokens.suggestion.packs,
        ["PACK-OFFSHORE-10", "PACK-OFFSHORE-40"]
    );
    assert_eq!(p.tokens.suggestion.monthly_cost, money("2160.00"));
    // An unknown code is flagged and left out; the other pack stays.
    qt.tokens.packs[1] = "PACK-NONE".into();
    let p = priced(&qt);
    assert_eq!(
        p.issues_at(Location::TokenPack).collect::<Vec<_>>(),
        [&QuoteIssue::UnknownPack {
            code: "PACK-NONE".into()
        }]
    );
    assert_eq!(p.tokens.packs.len(), 1);
    // 480.00 + 40 x 55.00 = 2 680.00.
    assert_eq!(p.tokens.chosen.monthly_cost, money("2680.00"));
}

#[test]
fn a_quote_file_with_one_pack_is_read_as_a_list_of_one() {
    // §5.5: files written before several packs hold `"pack": "<code>"`.
    let mut json: serde_json::Value =
        serde_json::from_str(&quote(12, &[("OS-MGD", "20")]).to_json()).unwrap();
    json["tokens"]["pack"] = "PACK-OFFSHORE-20".into();
    let read = Quote::from_json(&json.to_string()).expect("an older file reads");
    assert_eq!(read.tokens.packs, ["PACK-OFFSHORE-20"]);
    assert!(read
        .to_json()
        .contains("\"packs\": [\n      \"PACK-OFFSHORE-20\"\n    ]"));
}

/// The built-in book, and a newer one from `from` with Off-Shore tokens at
/// 60.00 on demand, PACK-OFFSHORE-10 at 500.00 and BKP-WEEKLY-1 at 9.00.
fn books_with_newer_token_prices(from: NaiveDate) -> PriceBooks {
    let mut newer = PriceBook::builtin().unwrap();
    newer.version = "2027.2".into();
    newer.effective_date = from;
    for t in newer
        .tokens
        .iter_mut()
        .filter(|t| t.chain == SupportChain::OffShore)
    {
        t.on_demand = money("60.00");
    }
    for pk in newer
        .token_packs
        .iter_mut()
        .filter(|p| p.code == "PACK-OFFSHORE-10")
    {
        pk.monthly = money("500.00");
    }
    for i in newer.items.iter_mut().filter(|i| i.code == "BKP-WEEKLY-1") {
        i.price = money("9.00");
    }
    PriceBooks::new(vec![PriceBook::builtin().unwrap(), newer]).unwrap()
}

#[test]
fn on_demand_tokens_take_the_book_of_the_month_they_are_used_in() {
    // §9.2 (SPEC §14): 24 tokens a month, a 10-token pack; 14 beyond.
    // January to June at 55.00 (770.00), July to December at 60.00 (840.00)
    // = 9 660.00. The pack keeps the book of its subscription: 480.00.
    let mut qt = quote(12, &[("OS-MGD", "20"), ("BKP-WEEKLY-1", "10")]);
    qt.tokens.changes.push(PlannedChange {
        id: 1,
        change: "CHG-APP-DEPLOY".into(),
        per_year: 24,
        off_hours: true,
        accelerated: false,
    });
    qt.tokens.packs = vec!["PACK-OFFSHORE-10".into()];
    let later = qt.add_line("BKP-WEEKLY-1");
    qt.line_mut(later).unwrap().ordered_on = Some(d(2027, 8, 1));
    let both = books_with_newer_token_prices(d(2027, 7, 1));
    let p = price(&qt, &both).unwrap();
    assert_eq!(p.category_total(Category::TokenOnDemand), money("9660.00"));
    assert_eq!(p.tokens.on_demand.len(), 2);
    assert_eq!(p.tokens.on_demand[1].from, d(2027, 7, 1));
    assert_eq!(p.tokens.on_demand[1].book_version, "2027.2");
    assert_eq!(p.tokens.on_demand[1].monthly, money("840.00"));
    assert_eq!(p.tokens.packs[0].monthly, money("480.00"));
    assert_eq!(p.category_total(Category::TokenPack), money("5760.00"));
    // Backup (§9.2): at the book in force when subscribed, 8.00 at
    // signature, 9.00 for the line ordered on 2027-08-01.
    assert_eq!(p.lines[1].unit_price, money("8.00"));
    assert_eq!(p.lines[2].unit_price, money("9.00"));
    // A book taking effect on 15 July: July is invoiced on its 1st, under
    // the old book; August on: 7 x 770.00 + 5 x 840.00 = 9 590.00.
    let both = books_with_newer_token_prices(d(2027, 7, 15));
    let p = price(&qt, &both).unwrap();
    assert_eq!(p.category_total(Category::TokenOnDemand), money("9590.00"));
    assert_eq!(p.tokens.on_demand[1].from, d(2027, 8, 1));
}

/// The built-in book with the monthly minimum read as a base fee.
fn base_fee_books() -> PriceBooks {
    let mut book = PriceBook::builtin().unwrap();
    book.monthly_minimum_mode = MinimumMode::BaseFee;
    PriceBooks::new(vec![book]).unwrap()
}

#[test]
fn the_monthly_minimum_is_a_floor_or_a_base_fee_as_the_book_says() {
    // §9.2 (SPEC §14): OS-MGD 120.00 + Standard support 900.00 = 1 020.00.
    // Floor (default): topped up by 980.00 a month, 24 000.00 a year.
    let qt = quote(12, &[("OS-MGD", "1")]);
    let p = priced(&qt);
    assert_eq!(p.minimum.mode, MinimumMode::Floor);
    assert_eq!(p.minimum.months, vec![money("2000.00"); 12]);
    assert_eq!(p.commitment_total, money("24000.00"));
    // Base fee: 2 000.00 billed every month and the units added to it:
    // 12 x (2 000.00 + 1 020.00) = 36 240.00; no complement.
    let p = price(&qt, &base_fee_books()).unwrap();
    assert_eq!(p.minimum.mode, MinimumMode::BaseFee);
    assert_eq!(p.category_total(Category::MinimumFee), money("24000.00"));
    assert_eq!(p.category_total(Category::MinimumComplement), Money::ZERO);
    assert!(p.minimum_complement.iter().all(|c| c.is_zero()));
    assert_eq!(p.commitment_total, money("36240.00"));
    assert_eq!(p.monthly_recurring, money("3020.00"));
    // Pro rata in a partial month (§7): from 16 January, 16/31 of 2 000.00
    // = 1 032.26; January 2028, 15/31 = 967.74; the year still 24 000.00.
    let mut qt = qt;
    qt.start_date = d(2027, 1, 16);
    let p = price(&qt, &base_fee_books()).unwrap();
    assert_eq!(p.minimum.months.first(), Some(&money("1032.26")));
    assert_eq!(p.minimum.months.last(), Some(&money("967.74")));
    assert_eq!(p.category_total(Category::MinimumFee), money("24000.00"));
}

#[test]
fn sdm_and_cbm_are_optional_unless_premium_or_every_environment_standard() {
    // §6.1.1, §6.1.2 (SPEC §14): Initial production: SDM optional.
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    let sdm = qt.add_line("SDM");
    qt.set_environment(EnvironmentKind::Production, Some(SupportLevel::Initial));
    let p = priced(&qt);
    assert_eq!(p.issues_at(Location::Line(sdm)).count(), 0);
    assert_eq!(p.issues_at(Location::Governance).count(), 0);
    // Standard production and Initial development: still optional.
    qt.set_environment(EnvironmentKind::Production, Some(SupportLevel::Standard));
    qt.set_environment(EnvironmentKind::Development, Some(SupportLevel::Initial));
    assert_eq!(priced(&qt).issues_at(Location::Line(sdm)).count(), 0);
    // Every environment Standard: not available.
    qt.set_environment(EnvironmentKind::Development, Some(SupportLevel::Standard));
    assert_eq!(
        priced(&qt)
            .issues_at(Location::Line(sdm))
            .collect::<Vec<_>>(),
        [&QuoteIssue::GovernanceUnavailable {
            role: cloudquote::engine::document::pricebook::GovernanceRole::ServiceDeliveryManager
        }]
    );
    // Without SDM, an Initial-only project has no governance issue either.
    qt.remove_line(sdm);
    qt.set_environment(EnvironmentKind::Production, Some(SupportLevel::Initial));
    qt.set_environment(EnvironmentKind::Development, None);
    assert_eq!(priced(&qt).issues_at(Location::Governance).count(), 0);
}

#[test]
fn full_devops_prices_professional_services_only() {
    // §2
    let mut qt = quote(12, &[("OS-MGD", "2"), ("DEVOPS-EXP", "10")]);
    qt.model = ManagementModel::FullDevOps;
    let p = priced(&qt);
    assert_eq!(p.lines.len(), 1);
    assert_eq!(p.one_time, money("11500.00"));
    assert!(matches!(
        p.issues_at(Location::Line(qt.lines[0].id)).next(),
        Some(QuoteIssue::NotSoldUnderFullDevOps { .. })
    ));
    assert!(p.support.is_empty());
}

#[test]
fn a_line_ordered_later_has_its_build_invoiced_at_its_order_and_delays_nothing() {
    // §9.8: the build of a line ordered on 2028-03-01 is invoiced then, in
    // full; the signature lines start at signature (no signature build).
    let mut qt = quote(36, &[("OS-MGD", "20")]);
    let id = qt.add_line("OS-MGD");
    let line = qt.line_mut(id).unwrap();
    line.build = BuildModel::Full;
    line.ordered_on = Some(d(2028, 3, 1));
    let p = priced(&qt);
    assert_eq!(p.run_start, d(2027, 1, 1));
    assert_eq!(p.lines[0].starts, d(2027, 1, 1));
    assert_eq!(p.lines[1].starts, d(2028, 3, 1));
    let builds: Vec<_> = p
        .schedule
        .iter()
        .filter(|i| i.category == Category::Build)
        .map(|i| (i.date, i.amount))
        .collect();
    assert_eq!(builds, [(d(2028, 3, 1), money("4200.00"))]);
    assert!(
        p.issues_at(Location::BuildBilling).next().is_none(),
        "no 30/70 assumed"
    );
    // The monthly price of what is signed leaves the later line out: 20 x 114.00 + 900.00.
    assert_eq!(p.monthly_recurring, money("3180.00"));
}

#[test]
fn full_devops_has_no_minimum_tickets_or_tokens() {
    // §2: professional services only: nothing of the managed run is billed.
    let mut qt = quote(12, &[("DEVOPS-EXP", "10")]);
    qt.model = ManagementModel::FullDevOps;
    qt.access_fee_waived = false;
    qt.tickets.forecast_per_month = q("30");
    qt.tokens.changes.push(PlannedChange {
        id: 1,
        change: "CHG-DNS".into(),
        per_year: 12,
        off_hours: false,
        accelerated: false,
    });
    let p = priced(&qt);
    assert_eq!(
        p.commitment_total,
        money("11500.00"),
        "no access fee either"
    );
    assert_eq!(p.category_total(Category::MinimumComplement), Money::ZERO);
    assert_eq!(p.tickets.total, Money::ZERO);
    assert_eq!(p.tokens.total, Money::ZERO);
    assert_eq!(p.issues_at(Location::Tickets).count(), 1);
    assert_eq!(p.issues_at(Location::TokenPack).count(), 1);
    assert!(!p.has_errors());
}

#[test]
fn a_no_build_service_unit_is_flagged_not_managed_unless_onboarded() {
    // §4.1 "Modèle No Build : Le Prestataire ne fera pas de Build - la
    // ressource n'est pas managée" (SPEC §14). Only monthly units the book
    // offers to build need one: not governance (SDM), professional services
    // (ARCHI), nor units sold without build (EXCH-MBX, BKP-WEEKLY-1).
    let mut qt = quote(
        12,
        &[
            ("OS-MGD", "2"),
            ("OS-MGD", "1"),
            ("DB-MGD", "1"),
            ("SEC-FW", "1"),
            ("EXCH-MBX", "10"),
            ("BKP-WEEKLY-1", "5"),
            ("SDM", "1"),
            ("ARCHI", "3"),
        ],
    );
    qt.lines[1].onboarded = true; // taken over from an earlier contract
    qt.lines[2].build = BuildModel::Backend;
    let p = priced(&qt);
    let flagged: Vec<Location> = p
        .issues
        .iter()
        .filter(|i| i.issue == QuoteIssue::NotManagedWithoutBuild)
        .inspect(|i| assert_eq!(i.severity, cloudquote::engine::pricing::Severity::Warning))
        .map(|i| i.location)
        .collect();
    assert_eq!(
        flagged,
        [
            Location::Line(qt.lines[0].id),
            Location::Line(qt.lines[3].id)
        ]
    );
    let unmanaged: Vec<bool> = p.lines.iter().map(|l| l.unmanaged).collect();
    assert_eq!(
        unmanaged,
        [true, false, false, true, false, false, false, false]
    );
    // Not managed, still billed: 2 x 120.00.
    assert_eq!(p.lines[0].amount, money("240.00"));
    // The field is written only when set, and read back.
    let json = qt.to_json();
    assert_eq!(json.matches("\"onboarded\": true").count(), 1, "{json}");
    assert_eq!(Quote::from_json(&json).unwrap(), qt);
}

#[test]
fn each_priced_unit_names_its_managed_function() {
    // §10 "Fonction Managée": OS units together, each application apart,
    // Log as a Service apart from Big Data; no function for security
    // devices, supervision, governance or professional services (SPEC §14).
    let qt = quote(
        12,
        &[
            ("OS-MGD", "1"),
            ("APP-MGD", "1"),
            ("LOGAAS", "1"),
            ("BIGDATA-NODE", "1"),
            ("K8S-MGD", "1"),
            ("SEC-FW", "1"),
            ("SUP-SRC-STD", "1"),
            ("SDM", "1"),
            ("ARCHI", "1"),
        ],
    );
    let p = priced(&qt);
    let functions: Vec<Option<String>> = p
        .lines
        .iter()
        .map(|l| l.function.map(|f| f.to_string()))
        .collect();
    let app = format!("application:{}", qt.lines[1].id.0);
    let expected: Vec<Option<&str>> = vec![
        Some("os"),
        Some(&app),
        Some("log_as_a_service"),
        Some("big_data"),
        Some("kubernetes"),
        None,
        None,
        None,
        None,
    ];
    assert_eq!(
        functions,
        expected
            .into_iter()
            .map(|f| f.map(String::from))
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_model_is_written_full_devops_and_full_dev_ops_is_still_read() {
    let mut qt = quote(12, &[]);
    qt.model = ManagementModel::FullDevOps;
    let json = qt.to_json();
    assert!(json.contains("\"model\": \"full_devops\""), "{json}");
    let old = json.replace("\"full_devops\"", "\"full_dev_ops\"");
    assert_eq!(
        Quote::from_json(&old).unwrap().model,
        ManagementModel::FullDevOps
    );
}

#[test]
fn an_uncountable_build_quantity_is_an_overflow_not_a_misleading_message() {
    let mut qt = quote(12, &[("OS-MGD", "4294967296")]);
    qt.lines[0].build = BuildModel::Full;
    assert!(matches!(
        price(&qt, &books()),
        Err(PricingError::Overflow { .. })
    ));
}

#[test]
fn specific_lines_are_priced_as_typed() {
    // §6, §11: off-catalogue work quoted specifically.
    let mut qt = quote(12, &[("OS-MGD", "20")]);
    qt.specific.push(SpecificLine {
        id: 1,
        label: "Migration".into(),
        amount: money("4999.99"),
        charge: Charge::OneTime,
        date: Some(d(2027, 5, 10)),
    });
    let p = priced(&qt);
    assert_eq!(
        p.category_total(Category::SpecificOneTime),
        money("4999.99")
    );
    assert_eq!(p.one_time, money("4999.99"));
    assert!(p
        .schedule
        .iter()
        .any(|i| i.date == d(2027, 5, 10) && i.amount == money("4999.99")));
}

#[test]
fn a_commitment_outside_12_to_120_months_is_refused() {
    // §9.1
    for months in [0, 1, 11, 121] {
        assert_eq!(
            price(&quote(months, &[]), &books()),
            Err(PricingError::CommitmentOutOfRange {
                months,
                min: 12,
                max: 120
            })
        );
    }
}

#[test]
fn an_unknown_item_is_reported_on_its_line_and_left_out() {
    let qt = quote(12, &[("OS-MGD", "20"), ("NOPE", "4")]);
    let p = priced(&qt);
    assert_eq!(p.lines.len(), 1);
    assert_eq!(
        p.issues_at(Location::Line(qt.lines[1].id))
            .collect::<Vec<_>>(),
        [&QuoteIssue::UnknownItem {
            code: "NOPE".into()
        }]
    );
}

#[test]
fn an_absurd_quantity_is_an_overflow_error_not_a_panic() {
    let err = price(
        &quote(12, &[("K8S-MGD", "79228162514264337593543950")]),
        &books(),
    )
    .unwrap_err();
    assert!(matches!(err, PricingError::Overflow { .. }), "{err:?}");
}

proptest! {
    #[test]
    fn each_compared_scenario_equals_that_scenario_priced_alone(
        quote in arb_quote(),
        picks in prop::collection::vec((0usize..3, prop::option::of(0usize..3), prop::option::of(0usize..3)), 2..=4),
    ) {
        // SPEC §1: the comparison prices each scenario exactly as the quote
        // would be priced under it.
        let scenarios: Vec<Scenario> = picks.iter().zip(1..).map(|((m, l, c), id)| Scenario {
            support: l.map(|l| SupportLevel::ALL[l]),
            support_chain: c.map(|c| SupportChain::ALL[c]),
            ..Scenario::new(id, ManagementModel::ALL[*m])
        }).collect();
        let book = PriceBook::builtin().unwrap();
        let c = compare(&quote, &books(), &book, &scenarios);
        let total = c.row(Figure::Total).unwrap();
        for (i, s) in scenarios.iter().enumerate() {
            let alone = price(&quote.with_scenario(s), &books());
            prop_assert_eq!(&c.outcomes[i].priced, &alone);
            prop_assert_eq!(total.amounts[i], alone.as_ref().ok().map(|p| p.commitment_total));
            // §2: whatever a model sets aside is listed, never dropped from the quote.
            prop_assert_eq!(c.outcomes[i].quote.lines.len(), quote.lines.len());
            if let Ok(p) = &alone {
                let aside = c.outcomes[i].set_aside.iter().filter(|a| matches!(a, SetAside::Line { .. })).count();
                let known = quote.lines.iter().filter(|l| book.item(&l.item).is_some()).count();
                prop_assert_eq!(p.lines.len() + aside, known);
            }
        }
    }

    #[test]
    fn totals_are_the_sums_of_their_parts(quote in arb_quote()) {
        let p = price(&quote, &books()).unwrap();
        let schedule = Money::checked_sum(p.schedule.iter().map(|i| i.amount)).unwrap();
        prop_assert_eq!(p.commitment_total, schedule);
        let years = Money::checked_sum(p.years.iter().map(|y| y.total)).unwrap();
        prop_assert_eq!(p.commitment_total, years);
        let lines = Money::checked_sum(p.lines.iter().map(|l| Money::checked_sum(l.months.iter().copied()).unwrap())).unwrap();
        let run_and_one_time = Money::checked_sum(
            [Category::Run, Category::Governance, Category::OneTime].map(|c| p.category_total(c))).unwrap();
        prop_assert_eq!(lines, run_and_one_time);
        prop_assert_eq!(p.one_time.checked_add(p.recurring_total).unwrap(), p.commitment_total);
    }

    #[test]
    fn instalments_sum_exactly_to_the_build_total(quote in arb_quote()) {
        let p = price(&quote, &books()).unwrap();
        let build = Money::checked_sum(p.lines.iter().map(|l| l.build_amount)).unwrap();
        prop_assert_eq!(p.build.total, build);
        if !p.build.total.is_zero() {
            let parts = Money::checked_sum(p.build.instalments.iter().map(|i| i.amount)).unwrap();
            prop_assert_eq!(parts, p.build.total);
        }
        for i in &p.build.instalments {
            prop_assert_eq!(i.amount, i.amount.round_cents());
        }
    }

    #[test]
    fn more_quantity_never_lowers_a_total(quote in arb_quote(), pick in any::<prop::sample::Index>(), extra in 1u32..50) {
        prop_assume!(!quote.lines.is_empty());
        let before = price(&quote, &books()).unwrap();
        let mut more = quote.clone();
        let line = &quote.lines[pick.index(quote.lines.len())];
        let bigger = Quantity::from_file_text(&(line.quantity.as_decimal() + Decimal::from(extra)).to_string()).unwrap();
        more.set_quantity(line.id, bigger);
        let after = price(&more, &books()).unwrap();
        // Found by the 10,000-case run: a built line going from 0 to 1 unit
        // creates the build, which moves the run start (and with it the
        // months of billing minimum, §9.2, §9.8.2) later, so the total can
        // drop. The property holds while the run starts on the same day.
        prop_assume!(after.run_start == before.run_start);
        // The minimum complement may absorb the increase, never the reverse.
        prop_assert!(after.commitment_total >= before.commitment_total);
        prop_assert!(after.one_time >= before.one_time);
    }

    #[test]
    fn overage_is_never_negative_and_the_suggestion_never_dearer_than_on_demand(quote in arb_quote()) {
        let p = price(&quote, &books()).unwrap();
        for period in &p.tickets.periods {
            prop_assert!(period.amount >= Money::ZERO);
            prop_assert!(period.overage >= Decimal::ZERO);
        }
        prop_assert!(p.tokens.suggestion.monthly_cost <= p.tokens.on_demand_only.monthly_cost);
        prop_assert!(p.tokens.suggestion.monthly_cost <= p.tokens.chosen.monthly_cost);
        for c in &p.minimum_complement {
            prop_assert!(*c >= Money::ZERO);
        }
    }

    #[test]
    fn pricing_never_panics_on_any_quantity(digits in "[0-9]{1,30}", months in 0u32..200) {
        let mut qt = quote(12, &[]);
        qt.commitment_months = months;
        if let Ok(quantity) = Quantity::from_file_text(&digits) {
            let id = qt.add_line("K8S-MGD");
            qt.set_quantity(id, quantity);
            qt.line_mut(id).unwrap().build = BuildModel::Full;
        }
        let _ = price(&qt, &books());
    }
}

proptest! {
    // The engine lays monthly amounts on the calendar in runs of whole
    // months (timeline::Calendar); these check it against §7's pro rata
    // computed month by month, for priced and revised lines.
    #[test]
    fn line_months_are_the_pro_rata_of_each_month(quote in arb_quote(), pass in prop::option::of(0u32..900)) {
        let mut quote = quote;
        if let (Some(p), Some(first)) = (pass, quote.lines.first_mut()) {
            first.pass_through_percent = Some(Decimal::new(i64::from(p), 1));
        }
        let books = books();
        let priced = price(&quote, &books).unwrap();
        let end = priced.end_date;
        for line in priced.lines.iter().filter(|l| l.charge == Charge::Monthly) {
            let expected: Vec<Money> = priced.months.iter()
                .map(|m| prorate(line.amount, line.starts, end, *m).unwrap())
                .collect();
            prop_assert_eq!(&line.months, &expected);
            let sum = Money::checked_sum(expected.iter().copied()).unwrap();
            prop_assert_eq!(line.total, sum.checked_add(line.build_amount).unwrap());
        }
        let revised = revise(&quote, &books, &priced, &IndexBook::builtin()).unwrap();
        let mut increase = Money::ZERO;
        for line in &revised.charges {
            // A line of the quote, or a token pack (revised too, §9.3.1) from run start.
            let (starts, amount, months) = match line.charge.line_id() {
                Some(id) => {
                    let l = priced.lines.iter().find(|l| l.id == id).unwrap();
                    (l.starts, l.amount, l.months.clone())
                }
                None => {
                    let monthly = line.signature_unit_price;
                    let months = priced.months.iter()
                        .map(|m| prorate(monthly, priced.run_start, end, *m).unwrap())
                        .collect();
                    (priced.run_start, monthly, months)
                }
            };
            let mut expected = Vec::new();
            for m in &priced.months {
                let (mut from, mut monthly, mut amount) = (starts, amount, Money::ZERO);
                for step in &line.steps {
                    amount = amount.checked_add(prorate(monthly, from, step.date, *m).unwrap()).unwrap();
                    from = step.date;
                    monthly = step.monthly;
                }
                expected.push(amount.checked_add(prorate(monthly, from, end, *m).unwrap()).unwrap());
            }
            prop_assert_eq!(&line.months, &expected);
            let delta: Money = Money::checked_sum(line.months.iter().zip(&months).map(|(a, b)| a.checked_sub(*b).unwrap())).unwrap();
            prop_assert_eq!(line.increase, delta);
            increase = increase.checked_add(delta).unwrap();
        }
        // §9.2: with the minimum complement computed after revision.
        let increase = increase.checked_add(revised.complement_change).unwrap();
        prop_assert_eq!(revised.increase, increase);
        let years = Money::checked_sum(revised.years.iter().map(|y| y.increase)).unwrap();
        prop_assert_eq!(years, increase);
    }

    #[test]
    fn mrg_years_count_each_run_month_once(quote in arb_quote()) {
        // §9.4: the run years' billed forecasts split the run months' revenue
        // (revisions in, one-time charges out) without gap or overlap.
        let books = books();
        let priced = price(&quote, &books).unwrap();
        let revised = revise(&quote, &books, &priced, &IndexBook::builtin()).unwrap();
        let report = minimum_guaranteed_revenue(&quote, &priced, &revised).unwrap();
        let first = first_of_month(priced.run_start);
        let run_months = Money::checked_sum(
            priced.months.iter().zip(&revised.months).filter(|(m, _)| **m >= first).map(|(_, a)| *a),
        ).unwrap();
        let one_time = Money::checked_sum(
            priced.schedule.iter()
                .filter(|i| i.category.is_one_time() && first_of_month(i.date) >= first)
                .map(|i| i.amount),
        ).unwrap();
        let billed = Money::checked_sum(report.years.iter().map(|y| y.billed)).unwrap();
        prop_assert_eq!(billed, run_months.checked_sub(one_time).unwrap());
    }

    #[test]
    fn a_one_time_charge_never_moves_a_run_years_mrg_figures(quote in arb_quote(), day in 0u64..2_200) {
        // §9.4: one-time charges do not count towards the MRG, whatever the
        // day they are invoiced on (a month straddling an anniversary
        // included).
        let books = books();
        let figures = |q: &Quote| {
            let priced = price(q, &books).unwrap();
            let revised = revise(q, &books, &priced, &IndexBook::builtin()).unwrap();
            let report = minimum_guaranteed_revenue(q, &priced, &revised).unwrap();
            report.years.iter().map(|y| (y.billed, y.shortfall)).collect::<Vec<_>>()
        };
        let before = figures(&quote);
        let mut with = quote.clone();
        let end = with.end_date().unwrap();
        let date = (with.start_date + chrono::Days::new(day)).min(end.pred_opt().unwrap());
        with.specific.push(SpecificLine {
            id: 999,
            label: "One-off".into(),
            amount: Money::euros(1_000_000),
            charge: Charge::OneTime,
            date: Some(date),
        });
        prop_assert_eq!(figures(&with), before);
    }
}
