//! The finance rulings of SPEC §14 (December 2026), with hand-computed
//! figures: G is the run revenue of the initial contract and each later
//! order a scope change (§9.4); the minimum complement is computed after
//! revision (§9.2, §9.3.1); token packs are revised (§9.3.1); the specific
//! revision never disappears silently (§9.3.2).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::{Quote, ScopeChange};
use cloudquote::engine::finance::indices::{
    IndexBook, IndexKind, IndexSeries, IndexValue, Provenance,
};
use cloudquote::engine::finance::mrg::{minimum_guaranteed_revenue, MrgReport, ScopeSource};
use cloudquote::engine::finance::revision::{revise, RevisedCharge, RevisedQuote, RevisionIssue};
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricing::{price, Category, PricedQuote};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("test decimal")
}

fn money(s: &str) -> Money {
    match s.strip_prefix('-') {
        Some(positive) => Money::ZERO
            .checked_sub(Money::from_file_text(positive).expect("test amount"))
            .expect("test amount"),
        None => Money::from_file_text(s).expect("test amount"),
    }
}

fn books() -> PriceBooks {
    PriceBooks::builtin().expect("built-in book")
}

/// A quote without access fee: Off-Shore, production on Standard support
/// (900.00 a month), monthly minimum 2 000.00 (the built-in book).
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

/// Adds a line ordered on `date` (§9.7: a later order).
fn order(q: &mut Quote, item: &str, qty: &str, date: NaiveDate) {
    let id = q.add_line(item);
    q.set_quantity(id, Quantity::from_file_text(qty).expect("test quantity"));
    if let Some(line) = q.line_mut(id) {
        line.ordered_on = Some(date);
    }
}

fn finance(q: &Quote, indices: &IndexBook) -> (PricedQuote, RevisedQuote, MrgReport) {
    let priced = price(q, &books()).unwrap();
    let revised = revise(q, &books(), &priced, indices).unwrap();
    let mrg = minimum_guaranteed_revenue(q, &priced, &revised).unwrap();
    (priced, revised, mrg)
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
fn g_is_the_initial_contract_and_a_small_later_order_leaves_the_mrg_unchanged() {
    // §9.4 "Revenu Global prévu au Contrat": signed 2027-01-01 for 36
    // months, 20 OS-MGD at the 36-month tier (114.00) + support 900.00 =
    // 3 180.00 a month: G = 36 x 3 180.00 = 114 480.00, MRG 91 584.00.
    // Ordered 2028-01-01: 2 DB-MGD at the tier of the 24 months left (3 %):
    // 213.40 x 2 = 426.80 a month x 24 = 10 243.20 (8.95 % of G).
    let mut q = quote(d(2027, 1, 1), 36, &[("OS-MGD", "20")]);
    order(&mut q, "DB-MGD", "2", d(2028, 1, 1));
    let (priced, _, mrg) = finance(&q, &IndexBook::builtin());
    assert_eq!(priced.recurring_total, money("124723.20"));
    assert_eq!(mrg.initial_revenue, money("114480.00"));
    assert_eq!(mrg.global_revenue, money("114480.00"));
    assert_eq!(mrg.global_mrg, money("91584.00"));
    let order = &mrg.later_orders[0];
    assert_eq!(
        (order.billed, order.complement_saved, order.variation),
        (money("10243.20"), Money::ZERO, money("10243.20"))
    );
    let effect = &mrg.scope[0];
    assert!(matches!(&effect.source, ScopeSource::LaterOrder { item, .. } if item == "DB-MGD"));
    assert_eq!(effect.date, d(2028, 1, 1));
    assert_eq!(effect.share_percent, dec("8.95"));
    // §9.4: 15 % or less: unchanged.
    assert!(!effect.raises_mrg);
    assert_eq!(mrg.global_mrg_final, money("91584.00"));
}

#[test]
fn a_later_order_above_15_percent_of_g_raises_the_mrg_and_a_manual_change_is_listed_with_it() {
    // §9.4: 10 OS-MGD more on 2028-01-01 at the 24-month tier: 116.40 x 10 =
    // 1 164.00 a month x 24 = 27 936.00, v = 24.40 % of G = 114 480.00.
    // MRG' = MRG x (1 + v): 91 584.00 + 0.8 x 27 936.00 = 91 584.00 +
    // 22 348.80 = 113 932.80, spread over the 24 run months left (years 2
    // and 3: 11 174.40 each).
    let mut q = quote(d(2027, 1, 1), 36, &[("OS-MGD", "20")]);
    order(&mut q, "OS-MGD", "10", d(2028, 1, 1));
    // A change that is not a line of the quote, entered by hand: 10 % of G.
    q.mrg.scope_changes = vec![ScopeChange {
        id: 1,
        date: d(2027, 6, 1),
        label: "Extra reporting".into(),
        variation: dec("11448"),
    }];
    let (_, _, mrg) = finance(&q, &IndexBook::builtin());
    assert_eq!(mrg.global_revenue, money("114480.00"));
    // By date: the manual change first, then the order.
    assert!(matches!(
        &mrg.scope[0].source,
        ScopeSource::Manual { id: 1, .. }
    ));
    assert_eq!(mrg.scope[0].share_percent, dec("10.00"));
    assert!(!mrg.scope[0].raises_mrg);
    let effect = &mrg.scope[1];
    assert!(matches!(&effect.source, ScopeSource::LaterOrder { item, .. } if item == "OS-MGD"));
    assert_eq!(effect.variation, money("27936.00"));
    assert_eq!(effect.share_percent, dec("24.40"));
    assert!(effect.raises_mrg);
    assert_eq!(effect.mrg_increase, money("22348.80"));
    assert_eq!(mrg.global_mrg_final, money("113932.80"));
    let annual: Vec<Money> = mrg.years.iter().map(|y| y.annual_mrg).collect();
    assert_eq!(
        annual,
        [money("30528.00"), money("41702.40"), money("41702.40")]
    );
}

#[test]
fn a_later_order_that_fills_the_minimum_adds_only_what_the_client_pays_beyond_it() {
    // §9.4 with §9.2: signed 2027-01-01 for 12 months, 5 OS-MGD (120.00, the
    // 12-month tier has no discount) = 600.00 + support 900.00 = 1 500.00, a
    // complement of 500.00 to the 2 000.00 minimum: G = 12 x 2 000.00 =
    // 24 000.00. 5 more OS-MGD ordered 2027-07-01 (6 months left, rounded up
    // to the 12-month tier): 600.00 x 6 = 3 600.00 billed, but the months go
    // from 2 000.00 to 2 100.00: the order adds 6 x 100.00 = 600.00 (2.5 %).
    let mut q = quote(d(2027, 1, 1), 12, &[("OS-MGD", "5")]);
    order(&mut q, "OS-MGD", "5", d(2027, 7, 1));
    let (priced, _, mrg) = finance(&q, &IndexBook::builtin());
    assert_eq!(priced.recurring_total, money("24600.00"));
    assert_eq!(mrg.global_revenue, money("24000.00"));
    let order = &mrg.later_orders[0];
    assert_eq!(
        (order.billed, order.complement_saved, order.variation),
        (money("3600.00"), money("3000.00"), money("600.00"))
    );
    assert_eq!(mrg.scope[0].share_percent, dec("2.50"));
    // Nothing counts twice: G + what the orders add = the recurring total.
    assert_eq!(
        mrg.global_revenue.checked_add(order.variation).unwrap(),
        priced.recurring_total
    );
}

#[test]
fn a_month_below_the_minimum_keeps_a_smaller_complement_after_revision() {
    // §9.2, §9.3.1: signed 2024-12-01 for 24 months, 5 OS-MGD at the
    // 24-month tier: 116.40 x 5 = 582.00 + support 900.00 = 1 482.00, a
    // complement of 518.00. Revised on 2025-12-01 (SYNTEC 315.0 -> 322.2):
    // 119.06 x 5 = 595.30 (+13.30); the complement after revision is
    // 2 000.00 - 1 495.30 = 504.70 and the month stays at 2 000.00 (not
    // 2 013.30: revision is not added on top of the minimum).
    let q = quote(d(2024, 12, 1), 24, &[("OS-MGD", "5")]);
    let (priced, revised, mrg) = finance(&q, &IndexBook::builtin());
    assert_eq!(priced.minimum_complement[12], money("518.00"));
    assert_eq!(revised.minimum_complement[12], money("504.70"));
    assert_eq!(revised.months[12], money("2000.00"));
    assert_eq!(revised.charges[0].increase, money("159.60"));
    let year2 = &revised.years[1];
    assert_eq!(year2.complement_change, money("-159.60"));
    assert_eq!(year2.increase, Money::ZERO);
    assert_eq!(year2.revised, year2.signature);
    assert_eq!(revised.increase, Money::ZERO);
    assert_eq!(revised.revised_total, priced.commitment_total);
    // The MRG's billed forecast follows: 12 x 2 000.00 in each run year.
    assert_eq!(mrg.years[1].billed, money("24000.00"));
}

#[test]
fn a_month_that_revision_lifts_above_the_minimum_needs_no_complement() {
    // §9.2, §9.3.1: 9 OS-MGD at the 24-month tier (1 047.60) + 6 backups
    // WEEKLY-1 (48.00, not revised) + support 900.00 = 1 995.60: a complement
    // of 4.40. Revised: 119.06 x 9 = 1 071.54 (+23.94): 2 019.54, no
    // complement. Each month of year 2 adds 23.94 - 4.40 = 19.54.
    let q = quote(
        d(2024, 12, 1),
        24,
        &[("OS-MGD", "9"), ("BKP-WEEKLY-1", "6")],
    );
    let (priced, revised, _) = finance(&q, &IndexBook::builtin());
    assert_eq!(priced.minimum_complement[12], money("4.40"));
    assert_eq!(revised.minimum_complement[11], money("4.40"));
    assert_eq!(revised.minimum_complement[12], Money::ZERO);
    assert_eq!(revised.months[12], money("2019.54"));
    let year2 = &revised.years[1];
    assert_eq!(year2.complement_change, money("-52.80"));
    assert_eq!(year2.increase, money("234.48"));
    assert_eq!(revised.years[0].increase, Money::ZERO);
}

#[test]
fn token_packs_are_revised_with_syntec_and_on_demand_tokens_are_not() {
    // §9.3.1 excludes only on-demand tokens (SPEC §14): the pack
    // PACK-OFFSHORE-20 (900.00 a month) is revised like a service unit:
    // 900.00 x 322.2 / 315.0 = 920.5714… -> 920.57 (rounded once), +20.57 a
    // month over year 2: 246.84. 25 tokens a month: 5 beyond the pack at
    // 55.00 on demand, not revised.
    let mut q = quote(d(2024, 12, 1), 24, &[("OS-MGD", "20")]);
    q.tokens.packs = vec!["PACK-OFFSHORE-20".into()];
    q.tokens.extra_per_month = Quantity::from_file_text("25").unwrap();
    let (priced, revised, _) = finance(&q, &IndexBook::builtin());
    assert!(priced.category_total(Category::TokenOnDemand) > Money::ZERO);
    let pack = revised
        .charges
        .iter()
        .find(|c| matches!(&c.charge, RevisedCharge::TokenPack { code } if code == "PACK-OFFSHORE-20"))
        .expect("the pack is revised");
    assert!(pack.revised_syntec && !pack.revised_specific);
    assert_eq!(pack.signature_unit_price, money("900.00"));
    assert_eq!(pack.steps[0].unit_price, money("920.57"));
    assert_eq!(pack.steps[0].monthly, money("920.57"));
    assert_eq!(pack.increase, money("246.84"));
    // OS-MGD: 12 x 20 x (119.06 - 116.40) = 638.40; nothing else is revised.
    assert_eq!(revised.charges.len(), 2);
    assert_eq!(revised.increase, money("885.24"));
    // Without SYNTEC, the pack keeps its price.
    q.revision.syntec = false;
    let (_, revised, _) = finance(&q, &IndexBook::builtin());
    assert_eq!(revised.increase, Money::ZERO);
}

#[test]
fn without_any_electricity_value_the_specific_revision_is_reported_not_computed() {
    // §9.3.2: SEC-FW needs physical hosting. The built-in book has no
    // electricity value (none could be cited): nothing to project from. The
    // factor is SYNTEC's alone, and the step, the year and the issues say
    // that the specific revision could not be computed:
    // 252.20 x 322.2 / 315.0 = 257.9645… -> 257.96.
    let q = quote(d(2024, 12, 1), 24, &[("SEC-FW", "1"), ("OS-MGD", "20")]);
    let (_, revised, mrg) = finance(&q, &IndexBook::builtin());
    let fw = revised.charges.iter().find(|c| c.item == "SEC-FW").unwrap();
    assert!(fw.revised_specific);
    let step = &fw.steps[0];
    assert!(step.specific_not_computed);
    assert!(step.electricity.is_none());
    assert_eq!(step.unit_price, money("257.96"));
    assert!(revised
        .issues
        .contains(&RevisionIssue::SpecificNotComputed {
            date: d(2025, 12, 1),
            missing: vec![IndexKind::Electricity],
        }));
    assert!(!revised.years[0].specific_not_computed);
    assert!(revised.years[1].specific_not_computed);
    // OS-MGD has no specific revision: nothing missing there.
    let os = revised.charges.iter().find(|c| c.item == "OS-MGD").unwrap();
    assert!(!os.steps[0].specific_not_computed);
    // The MRG forecast of the years it touches is provisional.
    assert!(mrg.years[1].provisional);
}

#[test]
fn a_missing_electricity_value_is_projected_and_the_specific_revision_is_provisional() {
    // §9.3.2: one value entered, October 2024 = 100 (published 2024-11-20).
    // At 2025-12-01 October 2025 is expected and projected at +2 % a year:
    // 102.00 (provisional). ICC: 2024-Q2 = 2205 twelve months before; at the
    // anniversary 2025-Q2 is projected from it: 2 249.1 -> 2249.
    // 252.20 x 322.2/315.0 x (2/3 x 2249/2205 + 1/3 x 102/100) =
    // 263.1160… -> 263.12, provisional.
    let mut indices = IndexBook::builtin();
    indices
        .electricity
        .set(user(d(2024, 10, 1), "100", d(2024, 11, 20)));
    let q = quote(d(2024, 12, 1), 24, &[("SEC-FW", "1")]);
    let (_, revised, _) = finance(&q, &indices);
    let step = &revised.charges[0].steps[0];
    assert!(!step.specific_not_computed);
    let (t0, t1) = step.electricity.clone().expect("electricity used");
    assert_eq!((t0.value, t0.provisional), (dec("100"), false));
    assert_eq!(
        (t1.period.as_str(), t1.value, t1.provisional),
        ("2025-10", dec("102.00"), true)
    );
    let (_, s1) = step.icc.clone().expect("ICC used");
    assert_eq!((s1.value, s1.provisional), (dec("2249"), true));
    assert!(step.provisional);
    assert_eq!(step.unit_price, money("263.12"));
    assert!(!revised
        .issues
        .iter()
        .any(|i| matches!(i, RevisionIssue::SpecificNotComputed { .. })));
}

fn rising(kind: IndexKind, start: &str, yearly_permille: u32) -> IndexSeries {
    let mut values = Vec::new();
    let mut v = dec(start);
    for y in 2020..2040 {
        for m in (1..=12).filter(|m| kind != IndexKind::Icc || (m - 1) % 3 == 0) {
            values.push(user(d(y, m, 1), &v.round_dp(2).to_string(), d(y, m, 1)));
        }
        v *= Decimal::ONE + Decimal::from(yearly_permille) / Decimal::from(1000);
    }
    IndexSeries::new(kind, values)
}

proptest! {
    #[test]
    fn with_no_revision_the_revised_schedule_is_the_priced_one(
        os in 0u32..30, fw in 0u32..3, pack in any::<bool>(), months in 12u32..61,
    ) {
        let mut q = quote(d(2027, 1, 1), months, &[("OS-MGD", &os.to_string()), ("SEC-FW", &fw.to_string())]);
        q.tokens.packs = pack.then(|| "PACK-OFFSHORE-10".to_owned()).into_iter().collect();
        q.revision.syntec = false;
        q.revision.specific = false;
        let (priced, revised, _) = finance(&q, &IndexBook::builtin());
        let mut months_priced = vec![Money::ZERO; priced.months.len()];
        for invoice in &priced.schedule {
            let i = priced.months.iter().rposition(|m| *m <= invoice.date).unwrap();
            months_priced[i] = months_priced[i].checked_add(invoice.amount).unwrap();
        }
        prop_assert_eq!(&revised.months, &months_priced);
        prop_assert_eq!(&revised.minimum_complement, &priced.minimum_complement);
        prop_assert_eq!(revised.increase, Money::ZERO);
        prop_assert_eq!(revised.revised_total, priced.commitment_total);
    }

    #[test]
    fn when_indices_rise_the_complement_after_revision_never_exceeds_the_priced_one(
        os in 0u32..20, bkp in 0u32..40, pack in any::<bool>(), growth in 0u32..80,
    ) {
        let mut q = quote(d(2027, 1, 1), 48, &[("OS-MGD", &os.to_string()), ("BKP-WEEKLY-1", &bkp.to_string())]);
        q.tokens.packs = pack.then(|| "PACK-OFFSHORE-10".to_owned()).into_iter().collect();
        let mut indices = IndexBook::builtin();
        indices.syntec = rising(IndexKind::Syntec, "300", growth);
        let (priced, revised, _) = finance(&q, &indices);
        for (i, (after, before)) in revised.minimum_complement.iter().zip(&priced.minimum_complement).enumerate() {
            prop_assert!(after <= before, "month {}: {} > {}", i, after, before);
        }
        // Each month is still at least the minimum, and above it only by
        // what the subscriptions bring.
        for (i, minimum) in (0..priced.months.len()).map(|i| (i, priced.floor_of_month(i))) {
            let total = revised.months[i];
            prop_assert!(total >= minimum);
        }
        let years = Money::checked_sum(revised.years.iter().map(|y| y.complement_change)).unwrap();
        prop_assert_eq!(years, revised.complement_change);
    }

    #[test]
    fn g_and_the_later_orders_add_up_to_the_recurring_total(
        first in 1u32..20, later in prop::collection::vec((0u32..15, 1u32..35), 0..4),
    ) {
        // §9.4: nothing counts twice.
        let mut q = quote(d(2027, 1, 1), 36, &[("OS-MGD", &first.to_string())]);
        for (qty, month) in &later {
            let date = d(2027, 1, 1).checked_add_months(chrono::Months::new(*month)).unwrap();
            order(&mut q, "DB-MGD", &qty.to_string(), date);
        }
        let (priced, _, mrg) = finance(&q, &IndexBook::builtin());
        let added = Money::checked_sum(mrg.later_orders.iter().map(|o| o.variation)).unwrap();
        prop_assert_eq!(mrg.global_revenue.checked_add(added).unwrap(), priced.recurring_total);
        for o in &mrg.later_orders {
            prop_assert!(o.variation >= Money::ZERO && o.variation <= o.billed);
        }
        prop_assert_eq!(mrg.later_orders.len(), later.len());
    }
}
