//! Price revision (§9.3) and minimum guaranteed revenue (§9.4), with the
//! published index values shipped from ../shared/data.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::{Quote, ScopeChange};
use cloudquote::engine::finance::indices::{
    IndexBook, IndexKind, IndexSeries, IndexValue, Provenance,
};
use cloudquote::engine::finance::mrg::minimum_guaranteed_revenue;
use cloudquote::engine::finance::revision::revise;
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricing::price;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("test decimal")
}

fn money(s: &str) -> Money {
    Money::from_file_text(s).expect("test amount")
}

fn books() -> PriceBooks {
    PriceBooks::builtin().expect("built-in book")
}

fn quote(start: NaiveDate, months: u32, lines: &[(&str, &str)]) -> Quote {
    let mut q = Quote::new(start);
    q.commitment_months = months;
    q.access_fee_waived = true;
    for (item, qty) in lines {
        let id = q.add_line(item);
        q.set_quantity(id, Quantity::from_file_text(qty).expect("test quantity"));
    }
    q
}

fn user(period: NaiveDate, value: &str, published: NaiveDate) -> IndexValue {
    IndexValue {
        period,
        value: dec(value),
        published: Some(published),
        provenance: Provenance::User,
        old_series: false,
        billed_with: None,
    }
}

#[test]
fn syntec_revision_from_october_2024_to_october_2025() {
    // §9.3.1: signed 2024-12-01; the base is the last index published at the
    // first monthly invoice: October 2024 = 315.0. At the anniversary
    // (2025-12-01) the last published is October 2025 = 322.2 (2025-11-28).
    // OS-MGD at the 24-month tier: 116.40 x 322.2 / 315.0 = 119.0605… -> 119.06.
    let q = quote(d(2024, 12, 1), 24, &[("OS-MGD", "10")]);
    let priced = price(&q, &books()).unwrap();
    let revised = revise(&q, &books(), &priced, &IndexBook::builtin()).unwrap();
    let line = &revised.charges[0];
    let step = &line.steps[0];
    let (s0, s1) = step.syntec.clone().expect("syntec applies");
    assert_eq!((s0.period.as_str(), s0.value), ("2024-10", dec("315.0")));
    assert_eq!((s1.period.as_str(), s1.value), ("2025-10", dec("322.2")));
    assert!(!step.provisional);
    assert_eq!(step.date, d(2025, 12, 1));
    assert_eq!(step.unit_price, money("119.06"));
    assert_eq!(step.monthly, money("1190.60"));
    // 12 revised months x (1 190.60 - 1 164.00).
    assert_eq!(line.increase, money("319.20"));
    assert_eq!(revised.years[1].increase, money("319.20"));
    assert_eq!(revised.years[0].increase, Money::ZERO);
}

#[test]
fn support_backup_and_one_time_charges_are_not_revised() {
    // §9.3.1: not backup/restore, support, on-demand tokens, one-time charges.
    let q = quote(
        d(2024, 12, 1),
        24,
        &[("BKP-WEEKLY-1", "50"), ("ARCHI", "3"), ("OS-MGD", "20")],
    );
    let priced = price(&q, &books()).unwrap();
    let revised = revise(&q, &books(), &priced, &IndexBook::builtin()).unwrap();
    let ids: Vec<&str> = revised
        .charges
        .iter()
        .filter(|l| !l.steps.is_empty())
        .map(|l| l.item.as_str())
        .collect();
    assert_eq!(ids, ["OS-MGD"]);
    // Support's schedule amounts are untouched: only OS-MGD's increase counts.
    assert_eq!(
        revised.increase,
        revised
            .charges
            .iter()
            .find(|l| l.item == "OS-MGD")
            .unwrap()
            .increase
    );
}

#[test]
fn the_specific_revision_multiplies_with_syntec() {
    // §9.3.2: SEC-FW needs physical hosting. ICC: the last published twelve
    // months before the anniversary (2024-Q2 = 2205) and at it (2025-Q2,
    // entered: 2180); electricity 100 -> 130 (entered).
    // Factor = 322.2/315.0 x (2/3 x 2180/2205 + 1/3 x 130/100).
    let mut indices = IndexBook::builtin();
    indices.icc.set(user(d(2025, 4, 1), "2180", d(2025, 9, 26)));
    indices
        .electricity
        .set(user(d(2024, 10, 1), "100", d(2024, 11, 20)));
    indices
        .electricity
        .set(user(d(2025, 10, 1), "130", d(2025, 11, 20)));
    let q = quote(d(2024, 12, 1), 24, &[("SEC-FW", "1"), ("OS-MGD", "20")]);
    let priced = price(&q, &books()).unwrap();
    let revised = revise(&q, &books(), &priced, &indices).unwrap();
    let fw = revised.charges.iter().find(|l| l.item == "SEC-FW").unwrap();
    assert!(fw.revised_specific);
    let step = &fw.steps[0];
    let (s_prev, s_cur) = step.icc.clone().unwrap();
    // Last ICC published at 2024-12-01: Q2 2024 (2205, no date: end of
    // quarter + 3 months lag); at 2025-12-01: Q2 2025 = 2180.
    assert_eq!(
        (s_prev.period.as_str(), s_prev.value),
        ("2024-Q2", dec("2205"))
    );
    assert_eq!(
        (s_cur.period.as_str(), s_cur.value),
        ("2025-Q2", dec("2180"))
    );
    assert!(!step.provisional);
    let two_thirds = Decimal::TWO / Decimal::from(3);
    let third = Decimal::ONE / Decimal::from(3);
    let expected = dec("322.2") / dec("315.0")
        * (two_thirds * dec("2180") / dec("2205") + third * dec("130") / dec("100"));
    assert_eq!(step.factor, expected);
    // 260.00 x 0.97 (24-month tier) = 252.20 -> x factor, rounded once: 281.81.
    let unit = Money::from_decimal(dec("252.20") * expected).round_cents();
    assert_eq!(step.unit_price, unit);
    assert_eq!(unit, money("281.81"));
}

#[test]
fn a_projected_index_makes_the_revision_provisional_until_the_real_value_is_entered() {
    // Signed 2025-12-01: the 2026-12-01 revision needs October 2026, not
    // yet published: projected at +2 % a year from 322.2 -> 328.6 (provisional).
    let q = quote(d(2025, 12, 1), 24, &[("OS-MGD", "20")]);
    let priced = price(&q, &books()).unwrap();
    let mut indices = IndexBook::builtin();
    let revised = revise(&q, &books(), &priced, &indices).unwrap();
    let step = &revised.charges[0].steps[0];
    let (_, s1) = step.syntec.clone().unwrap();
    assert_eq!(
        (s1.period.as_str(), s1.value, s1.provisional),
        ("2026-10", dec("328.6"), true)
    );
    assert!(step.provisional);
    assert!(revised.years[1].provisional);
    assert_eq!(revised.regularisation, Money::ZERO);

    // The real value (329.5) is entered; invoices were issued with 328.6.
    let mut real = user(d(2026, 10, 1), "329.5", d(2026, 11, 27));
    real.billed_with = Some(dec("328.6"));
    indices.syntec.set(real);
    let after = revise(&q, &books(), &priced, &indices).unwrap();
    let step = &after.charges[0].steps[0];
    assert!(!step.provisional);
    // 116.40 (24-month tier) x 329.5/322.2 = 119.037… -> 119.04; invoiced
    // with 328.6: 118.712… -> 118.71: 0.33 x 20 VMs x 12 months = 79.20.
    assert_eq!(step.unit_price, money("119.04"));
    assert_eq!(after.regularisation, money("79.20"));
    assert_eq!(after.charges[0].regularisation, money("79.20"));
}

#[test]
fn mrg_shortfall_is_invoiced_and_excess_carries_to_next_year() {
    // §9.4: G = run revenue at signature prices; MRG = 80 % of G over 3 run years.
    let mut q = quote(d(2027, 1, 1), 36, &[("OS-MGD", "20")]);
    let priced = price(&q, &books()).unwrap();
    let revised = revise(&q, &books(), &priced, &IndexBook::builtin()).unwrap();
    // 20 x 114.00 + 900.00 support = 3 180.00 a month; 36 months = 114 480.00.
    let report = minimum_guaranteed_revenue(&q, &priced, &revised).unwrap();
    assert_eq!(report.global_revenue, money("114480.00"));
    assert_eq!(report.global_mrg, money("91584.00"));
    assert_eq!(
        report
            .years
            .iter()
            .map(|y| y.annual_mrg)
            .collect::<Vec<_>>(),
        [money("30528.00"); 3]
    );
    assert_eq!(report.total_shortfall, Money::ZERO);

    // Year 1 billed 20 000 (shortfall 10 528), year 2 40 000 (carry 9 472),
    // year 3 25 000 + 9 472 = 34 472 (carry 3 944).
    q.mrg.billed_override = vec![
        Some(money("20000")),
        Some(money("40000")),
        Some(money("25000")),
    ];
    let report = minimum_guaranteed_revenue(&q, &priced, &revised).unwrap();
    let y = &report.years;
    assert_eq!(
        (y[0].shortfall, y[0].carry_out),
        (money("10528.00"), Money::ZERO)
    );
    assert_eq!(y[0].shortfall_due, d(2028, 1, 31));
    assert_eq!(
        (y[1].shortfall, y[1].carry_out),
        (Money::ZERO, money("9472.00"))
    );
    assert_eq!(y[2].carry_in, money("9472.00"));
    assert_eq!(
        (y[2].shortfall, y[2].carry_out),
        (Money::ZERO, money("3944.00"))
    );
}

#[test]
fn a_short_last_run_year_gets_a_pro_rata_share() {
    // 30-month contract: run years of 12, 12 and 6 months.
    let q = quote(d(2027, 1, 1), 30, &[("OS-MGD", "20")]);
    let priced = price(&q, &books()).unwrap();
    let revised = revise(&q, &books(), &priced, &IndexBook::builtin()).unwrap();
    let report = minimum_guaranteed_revenue(&q, &priced, &revised).unwrap();
    let shares: Vec<_> = report
        .years
        .iter()
        .map(|y| (y.months, y.annual_mrg))
        .collect();
    let g = report.global_mrg.as_decimal();
    assert_eq!(
        shares[0],
        (12, Money::from_decimal(g * dec("0.4")).round_cents())
    );
    assert_eq!(shares[2].0, 6);
    let sum = Money::checked_sum(report.years.iter().map(|y| y.annual_mrg)).unwrap();
    assert_eq!(sum, report.global_mrg);
}

#[test]
fn a_scope_increase_above_15_percent_raises_the_mrg_in_proportion() {
    let mut q = quote(d(2027, 1, 1), 36, &[("OS-MGD", "20")]);
    let priced = price(&q, &books()).unwrap();
    let revised = revise(&q, &books(), &priced, &IndexBook::builtin()).unwrap();
    // 15 % of G exactly: unchanged. 20 %: MRG x 1.2.
    let g = priced.recurring_total.as_decimal();
    q.mrg.scope_changes = vec![ScopeChange {
        id: 1,
        date: d(2028, 1, 1),
        label: "+".into(),
        variation: g * dec("0.15"),
    }];
    let report = minimum_guaranteed_revenue(&q, &priced, &revised).unwrap();
    assert!(!report.scope[0].raises_mrg);
    assert_eq!(report.global_mrg_final, report.global_mrg);
    q.mrg.scope_changes[0].variation = g * dec("0.20");
    let report = minimum_guaranteed_revenue(&q, &priced, &revised).unwrap();
    assert!(report.scope[0].raises_mrg);
    assert_eq!(
        report.global_mrg_final,
        Money::from_decimal(report.global_mrg.as_decimal() * dec("1.2")).round_cents()
    );
    // Spread over the run years after the change: year 1 unchanged.
    assert_eq!(report.years[0].annual_mrg, money("30528.00"));
    let sum = Money::checked_sum(report.years.iter().map(|y| y.annual_mrg)).unwrap();
    assert_eq!(sum, report.global_mrg_final);
}

#[test]
fn an_absurd_scope_variation_is_an_error_not_a_panic() {
    let mut q = quote(d(2027, 1, 1), 36, &[("OS-MGD", "20")]);
    q.mrg.global_revenue = Some(money("0.01"));
    q.mrg.scope_changes = vec![ScopeChange {
        id: 1,
        date: d(2028, 1, 1),
        label: "x".into(),
        variation: Decimal::MAX,
    }];
    let priced = price(&q, &books()).unwrap();
    let revised = revise(&q, &books(), &priced, &IndexBook::builtin()).unwrap();
    assert!(minimum_guaranteed_revenue(&q, &priced, &revised).is_err());
}

fn flat_series(kind: IndexKind, value: &str) -> IndexSeries {
    let values = (2020..2040)
        .flat_map(|y| (1..=12).map(move |m| (y, m)))
        .filter(|(_, m)| kind != IndexKind::Icc || (m - 1) % 3 == 0)
        .map(|(y, m)| user(d(y, m, 1), value, d(y, m, 1)))
        .collect();
    IndexSeries::new(kind, values)
}

proptest! {
    #[test]
    fn equal_indices_leave_prices_unchanged(qty in 1u32..200, months in 24u32..61) {
        let q = quote(d(2027, 1, 1), months, &[("OS-MGD", &qty.to_string()), ("SEC-LB", "2")]);
        let priced = price(&q, &books()).unwrap();
        let indices = IndexBook {
            syntec: flat_series(IndexKind::Syntec, "300"),
            icc: flat_series(IndexKind::Icc, "2000"),
            electricity: flat_series(IndexKind::Electricity, "120"),
        };
        let revised = revise(&q, &books(), &priced, &indices).unwrap();
        prop_assert_eq!(revised.increase, Money::ZERO);
        for line in &revised.charges {
            for step in &line.steps {
                prop_assert_eq!(step.unit_price, line.signature_unit_price);
            }
        }
    }

    #[test]
    fn chaining_equals_the_product_of_ratios_within_a_cent_per_year(
        growth in prop::collection::vec(0u32..80, 5), qty in 1u32..50,
    ) {
        // SYNTEC values for each October, published in November.
        let mut values = Vec::new();
        let mut v = dec("300.0");
        for (i, g) in growth.iter().enumerate() {
            let year = 2026 + i as i32;
            values.push(user(d(year, 10, 1), &v.to_string(), d(year, 11, 15)));
            v = (v * (Decimal::ONE + Decimal::from(*g) / Decimal::from(1000))).round_dp(1);
        }
        let mut indices = IndexBook::builtin();
        indices.syntec = IndexSeries::new(IndexKind::Syntec, values.clone());
        let q = quote(d(2026, 12, 1), 60, &[("OS-MGD", &qty.to_string())]);
        let priced = price(&q, &books()).unwrap();
        let revised = revise(&q, &books(), &priced, &indices).unwrap();
        let line = &revised.charges[0];
        let base = line.signature_unit_price.as_decimal();
        for (k, step) in line.steps.iter().enumerate() {
            let exact = base * values[k + 1].value / values[0].value;
            let gap = (step.unit_price.as_decimal() - exact).abs();
            prop_assert!(gap <= Decimal::new(1, 2) * Decimal::from(k as u32 + 1), "year {} gap {}", k + 1, gap);
        }
    }

    #[test]
    fn a_year_never_has_both_a_shortfall_and_a_carry_out(
        billed in prop::collection::vec(prop::option::of(0u32..80_000), 0..4), rate in 0u32..101,
    ) {
        let mut q = quote(d(2027, 1, 1), 36, &[("OS-MGD", "20")]);
        q.mrg.rate_percent = Decimal::from(rate);
        q.mrg.billed_override = billed.into_iter().map(|b| b.map(|v| Money::euros(v.into()))).collect();
        let priced = price(&q, &books()).unwrap();
        let revised = revise(&q, &books(), &priced, &IndexBook::builtin()).unwrap();
        let report = minimum_guaranteed_revenue(&q, &priced, &revised).unwrap();
        for y in &report.years {
            prop_assert!(y.shortfall >= Money::ZERO && y.carry_out >= Money::ZERO);
            prop_assert!(y.shortfall.is_zero() || y.carry_out.is_zero());
            prop_assert_eq!(y.attainment, y.billed.checked_add(y.carry_in).unwrap());
        }
    }
}
