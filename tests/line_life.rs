//! Lines over time (SPEC §14 "Lines that stop or change", §7, §9.4), with
//! hand-computed figures: a quantity change or an early end is billed pro
//! rata in its month, is a scope change of its own, lowers what is billed
//! and never G nor the MRG; an increase above 15 % of G raises the MRG.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cloudquote::engine::document::line_life::QuantityChange;
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::{LineId, Quote};
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::initial_contract::LineEvent;
use cloudquote::engine::finance::mrg::{minimum_guaranteed_revenue, MrgReport, ScopeSource};
use cloudquote::engine::finance::revision::{revise, RevisedQuote};
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricing::{price, PricedQuote, QuoteIssue};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn money(s: &str) -> Money {
    match s.strip_prefix('-') {
        Some(positive) => Money::ZERO
            .checked_sub(Money::from_file_text(positive).expect("test amount"))
            .expect("test amount"),
        None => Money::from_file_text(s).expect("test amount"),
    }
}

fn qty(s: &str) -> Quantity {
    Quantity::from_file_text(s).expect("test quantity")
}

/// Signed 2027-01-01 for 36 months, no access fee, no revision: 20 OS-MGD
/// at the 36-month tier (114.00, 2 280.00 a month) and production support
/// Standard Off-Shore (900.00 a month); the monthly minimum is 2 000.00.
fn quote() -> (Quote, LineId) {
    let mut q = Quote::new(d(2027, 1, 1));
    q.access_fee_waived = true;
    q.revision.syntec = false;
    q.revision.specific = false;
    let id = q.add_line("OS-MGD");
    q.set_quantity(id, qty("20"));
    // Taken over from an earlier contract: managed without a build (§4.1).
    q.line_mut(id).expect("the line").onboarded = true;
    (q, id)
}

fn change(q: &mut Quote, id: LineId, date: NaiveDate, quantity: &str) {
    let line = q.line_mut(id).expect("the line");
    line.quantity_changes.push(QuantityChange {
        date,
        quantity: qty(quantity),
    });
}

fn finance(q: &Quote, indices: &IndexBook) -> (PricedQuote, RevisedQuote, MrgReport) {
    let books = PriceBooks::builtin().expect("built-in book");
    let priced = price(q, &books).unwrap();
    let revised = revise(q, &books, &priced, indices).unwrap();
    let mrg = minimum_guaranteed_revenue(q, &priced, &revised).unwrap();
    (priced, revised, mrg)
}

#[test]
fn a_reduction_mid_month_is_billed_pro_rata_and_leaves_g_and_the_mrg_unchanged() {
    // 20 -> 10 units from 16 July 2027: July = 2 280.00 x 15/31 (1 103.23)
    // + 1 140.00 x 16/31 (588.39) = 1 691.62; six months at 2 280.00
    // before, 29 at 1 140.00 after: 13 680.00 + 1 691.62 + 33 060.00.
    let (mut q, id) = quote();
    change(&mut q, id, d(2027, 7, 16), "10");
    let (priced, _, mrg) = finance(&q, &IndexBook::builtin());
    assert!(priced.issues.is_empty(), "{:?}", priced.issues);
    let line = &priced.lines[0];
    assert_eq!(line.months[5], money("2280.00"));
    assert_eq!(line.months[6], money("1691.62"));
    assert_eq!(line.months[7], money("1140.00"));
    assert_eq!(line.total, money("48431.62"));
    assert_eq!(line.periods.len(), 2);
    assert_eq!(priced.recurring_total, money("80831.62"));
    // §9.4 (SPEC §14): G is the contract as signed, 36 x 3 180.00.
    assert_eq!(mrg.global_revenue, money("114480.00"));
    assert_eq!(mrg.global_mrg_final, money("91584.00"));
    let event = &mrg.later_orders[0];
    assert_eq!(
        event.event,
        LineEvent::Quantity {
            from: qty("20"),
            to: qty("10")
        }
    );
    assert_eq!(event.variation, money("-33648.38"));
    let effect = &mrg.scope[0];
    assert!(matches!(effect.source, ScopeSource::LineChange { .. }));
    assert!(!effect.raises_mrg);
    // Year 1: 13 680.00 + 1 691.62 + 5 x 1 140.00 + 12 x 900.00 = 31 871.62
    // against 30 528.00, 1 343.62 carried; years 2 and 3 bill 24 480.00.
    let shortfalls: Vec<Money> = mrg.years.iter().map(|y| y.shortfall).collect();
    assert_eq!(mrg.years[0].billed, money("31871.62"));
    assert_eq!(mrg.years[0].carry_out, money("1343.62"));
    assert_eq!(
        shortfalls,
        [Money::ZERO, money("4704.38"), money("6048.00")]
    );
    assert_eq!(mrg.total_shortfall, money("10752.38"));
}

#[test]
fn an_early_end_is_prorated_and_the_minimum_complement_counts_in_its_variation() {
    // Ends 10 March 2028: March = 2 280.00 x 9/31 = 661.94; 14 whole months
    // before (31 920.00). From then support alone (900.00) is under the
    // 2 000.00 minimum: complement 438.06 in March, 1 100.00 for 21 months.
    let (mut q, id) = quote();
    q.line_mut(id).expect("the line").ends_on = Some(d(2028, 3, 10));
    let (priced, _, mrg) = finance(&q, &IndexBook::builtin());
    let line = &priced.lines[0];
    assert_eq!(line.ends_on, Some(d(2028, 3, 10)));
    assert_eq!(line.months[14], money("661.94"));
    assert_eq!(line.months[15], Money::ZERO);
    assert_eq!(line.total, money("32581.94"));
    assert_eq!(priced.minimum_complement[14], money("438.06"));
    assert_eq!(priced.minimum_complement[15], money("1100.00"));
    assert_eq!(priced.recurring_total, money("88520.00"));
    let end = &mrg.later_orders[0];
    assert_eq!(end.event, LineEvent::Ends);
    assert_eq!(end.billed, money("-49498.06"));
    assert_eq!(end.complement_saved, money("-23538.06"));
    assert_eq!(end.variation, money("-25960.00"));
    assert_eq!(mrg.global_revenue, money("114480.00"));
}

#[test]
fn an_increase_above_15_percent_of_g_raises_the_mrg() {
    // 20 -> 30 units from 1 July 2027: 10 x 114.00 x 30 months = 34 200.00,
    // 29.87 % of G: MRG' = 91 584.00 + 0.8 x 34 200.00 = 118 944.00.
    let (mut q, id) = quote();
    change(&mut q, id, d(2027, 7, 1), "30");
    let (_, _, mrg) = finance(&q, &IndexBook::builtin());
    let effect = &mrg.scope[0];
    assert_eq!(effect.variation, money("34200.00"));
    assert!(effect.raises_mrg);
    assert_eq!(effect.mrg_increase, money("27360.00"));
    assert_eq!(mrg.global_mrg_final, money("118944.00"));
}

#[test]
fn a_later_quantity_is_revised_at_the_revised_unit_price() {
    // SYNTEC on: after the first anniversary the line bills the revised
    // unit price x its quantity of the month.
    let (mut q, id) = quote();
    q.revision.syntec = true;
    change(&mut q, id, d(2028, 6, 1), "10");
    let (_, revised, _) = finance(&q, &IndexBook::builtin());
    let charge = &revised.charges[0];
    let step = &charge.steps[0];
    assert_eq!(step.date, d(2028, 1, 1));
    let at = |n: &str| Money::line_amount(step.unit_price, qty(n)).unwrap();
    assert_eq!(charge.months[16], at("20"), "May 2028");
    assert_eq!(charge.months[17], at("10"), "June 2028");
    let second = &charge.steps[1];
    assert_eq!(second.date, d(2029, 1, 1));
    let at2 = Money::line_amount(second.unit_price, qty("10")).unwrap();
    assert_eq!(charge.months[30], at2, "July 2029");
}

#[test]
fn changes_out_of_the_line_or_out_of_order_are_flagged_and_left_out() {
    let (mut q, id) = quote();
    change(&mut q, id, d(2026, 12, 1), "5");
    change(&mut q, id, d(2027, 9, 1), "15");
    change(&mut q, id, d(2027, 8, 1), "12");
    change(&mut q, id, d(2030, 1, 1), "1");
    q.line_mut(id).expect("the line").ends_on = Some(d(2027, 5, 1));
    let one_time = q.add_line("TECH-REF");
    q.line_mut(one_time).expect("line").ends_on = Some(d(2028, 1, 1));
    let books = PriceBooks::builtin().unwrap();
    let priced = price(&q, &books).unwrap();
    let issues: Vec<&QuoteIssue> = priced
        .issues_at(cloudquote::engine::pricing::Location::Line(id))
        .collect();
    assert!(
        matches!(issues[0], QuoteIssue::QuantityChangeOutsideLine { date, .. } if *date == d(2026, 12, 1))
    );
    assert!(
        matches!(issues[1], QuoteIssue::QuantityChangesOutOfOrder { date } if *date == d(2027, 8, 1))
    );
    assert!(
        matches!(issues[2], QuoteIssue::QuantityChangeOutsideLine { date, .. } if *date == d(2030, 1, 1))
    );
    assert!(
        matches!(issues[3], QuoteIssue::LineEndOutsideLine { date, .. } if *date == d(2027, 5, 1))
    );
    // Only the change of 1 September 2027 is kept, and no early end.
    let line = &priced.lines[0];
    assert_eq!(line.periods.len(), 2);
    assert_eq!(line.ends_on, None);
    assert_eq!(line.months[8], money("1710.00"));
    let one = priced.issues_at(cloudquote::engine::pricing::Location::Line(one_time));
    assert!(one
        .into_iter()
        .any(|i| *i == QuoteIssue::OneTimeLineDoesNotChange));
}

#[test]
fn a_line_ordered_later_that_changes_is_an_order_then_a_change() {
    let (mut q, _) = quote();
    let id = q.add_line("DB-MGD");
    q.set_quantity(id, qty("2"));
    let line = q.line_mut(id).expect("line");
    line.ordered_on = Some(d(2028, 1, 1));
    line.ends_on = Some(d(2029, 1, 1));
    let (priced, _, mrg) = finance(&q, &IndexBook::builtin());
    let events: Vec<LineEvent> = mrg.later_orders.iter().map(|o| o.event).collect();
    assert_eq!(events, [LineEvent::Order, LineEvent::Ends]);
    // Ordered for the 24 months left, ended after 12: 426.80 x 24 then
    // -426.80 x 12; G is the initial contract alone.
    assert_eq!(mrg.later_orders[0].variation, money("10243.20"));
    assert_eq!(mrg.later_orders[1].variation, money("-5121.60"));
    assert_eq!(mrg.global_revenue, money("114480.00"));
    assert_eq!(priced.lines[1].total, money("5121.60"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn g_is_the_contract_as_signed_whatever_the_lines_do_later(
        first in 1u32..30,
        changes in prop::collection::vec((1u32..1000, 0u32..40), 0..5),
        ends in prop::option::of(1u32..1095),
    ) {
        // SPEC §14: G, the MRG and the sum of the variations do not depend
        // on the changes; the variations add up to what is billed.
        let (mut q, id) = quote();
        q.set_quantity(id, Quantity::from_whole(first));
        let signed = finance(&q, &IndexBook::builtin()).2;
        let mut dates: Vec<u32> = changes.iter().map(|(day, _)| *day).collect();
        dates.sort_unstable();
        dates.dedup();
        for (day, n) in dates.iter().zip(changes.iter().map(|(_, n)| *n)) {
            let date = d(2027, 1, 1) + chrono::Days::new(u64::from(*day));
            change(&mut q, id, date, &n.to_string());
        }
        if let Some(day) = ends {
            let date = d(2027, 1, 1) + chrono::Days::new(u64::from(day));
            if dates.last().is_none_or(|last| day > *last) {
                q.line_mut(id).expect("line").ends_on = Some(date);
            }
        }
        let (priced, _, mrg) = finance(&q, &IndexBook::builtin());
        prop_assert!(priced.issues.is_empty(), "{:?}", priced.issues);
        prop_assert_eq!(mrg.global_revenue, signed.global_revenue);
        prop_assert_eq!(mrg.global_mrg, signed.global_mrg);
        let added = Money::checked_sum(mrg.later_orders.iter().map(|o| o.variation)).unwrap();
        prop_assert_eq!(mrg.global_revenue.checked_add(added).unwrap(), priced.recurring_total);
        let line = &priced.lines[0];
        prop_assert_eq!(Money::checked_sum(line.months.iter().copied()).unwrap(), line.total);
    }
}

#[test]
fn a_share_link_and_the_file_carry_the_lines_over_time_and_the_contract_life() {
    use cloudquote::engine::document::credit_month::CreditMonth;
    use cloudquote::engine::document::line_life::Uncertainty;
    use cloudquote::engine::files::share::{builtin_ref, decode, encode};
    let (mut q, id) = quote();
    change(&mut q, id, d(2027, 7, 16), "10.5");
    let line = q.line_mut(id).expect("line");
    line.ends_on = Some(d(2029, 3, 10));
    line.uncertainty = Some(Uncertainty {
        down_percent: "10".parse().unwrap(),
        up_percent: "2.5".parse().unwrap(),
        end_percent: "5".parse().unwrap(),
    });
    q.contract_life.reversibility_months = 2;
    q.contract_life.terminates_on = Some(d(2028, 7, 1));
    let mut month = CreditMonth::new(d(2028, 3, 1));
    month.claimed_on = Some(d(2028, 4, 2));
    q.sla_simulation = Some(month);
    let book = PriceBooks::builtin().unwrap().all()[0].clone();
    let link = encode(&q, builtin_ref(&book)).expect("encodes");
    assert_eq!(
        decode(&format!("#{link}"), &book).expect("decodes").quote,
        q
    );
    assert_eq!(Quote::from_json(&q.to_json()).expect("reads"), q);
    // Out of bounds in a file: located, in words.
    let json = q
        .to_json()
        .replace("\"reversibility_months\": 2", "\"reversibility_months\": 4");
    let err = Quote::from_json(&json)
        .unwrap_err()
        .message(cloudquote::engine::lang::Lang::En);
    assert!(err.contains("reversibility (months)"), "{err}");
}
