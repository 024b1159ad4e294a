//! The contract over its life (issue 15), with hand-computed figures: the
//! exit cost at a termination date (§5.3, §5.5, §9.4), reversibility
//! (§9.9) and a month's service credits on a later invoice (§8.2).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cloudquote::engine::contract_life::exit_cost::{exit_cost, exit_curve, ExitError, YearStatus};
use cloudquote::engine::contract_life::invoiced_credit::{invoiced_credit, ClaimStatus};
use cloudquote::engine::contract_life::reversibility::{after_the_end, reversibility};
use cloudquote::engine::document::credit_month::{CreditMonth, FunctionMonth};
use cloudquote::engine::document::managed_function::{FunctionGroup, ManagedFunction};
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::{Quote, SupportChange};
use cloudquote::engine::document::support::{EnvironmentKind, SupportLevel};
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::{
    minimum_guaranteed_revenue, minimum_guaranteed_revenue_billed, MrgReport,
};
use cloudquote::engine::finance::revision::{revise, RevisedQuote};
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricing::{price, PricedQuote};
use cloudquote::engine::service_levels::{simulate, ServiceLevels};
use rust_decimal::Decimal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn money(s: &str) -> Money {
    Money::from_file_text(s).expect("test amount")
}

/// Signed 2027-01-01 for 36 months, no access fee, no revision: 20 OS-MGD
/// onboarded (2 280.00 a month) and production Standard Off-Shore support
/// (900.00): 3 180.00 a month, G = 114 480.00, MRG 91 584.00, 30 528.00 a
/// run year.
fn quote() -> Quote {
    let mut q = Quote::new(d(2027, 1, 1));
    q.access_fee_waived = true;
    q.revision.syntec = false;
    q.revision.specific = false;
    let id = q.add_line("OS-MGD");
    q.set_quantity(id, Quantity::from_whole(20));
    q.line_mut(id).expect("line").onboarded = true;
    q
}

fn finance(q: &Quote) -> (PricedQuote, RevisedQuote, MrgReport) {
    let books = PriceBooks::builtin().expect("built-in book");
    let priced = price(q, &books).unwrap();
    let revised = revise(q, &books, &priced, &IndexBook::builtin()).unwrap();
    let mrg = minimum_guaranteed_revenue(q, &priced, &revised).unwrap();
    (priced, revised, mrg)
}

#[test]
fn leaving_mid_contract_owes_the_mrg_differentials_of_the_year_in_progress_and_the_years_not_run() {
    // Ends 2028-07-01. Year 1 billed 38 160.00: 7 632.00 carried. Year 2:
    // 6 x 3 180.00 = 19 080.00 + 7 632.00 = 26 712.00, 3 816.00 short;
    // year 3 not run: 30 528.00. Nothing committed is left.
    let (priced, revised, mrg) = finance(&quote());
    let e = exit_cost(&priced, &revised, &mrg, d(2028, 7, 1)).unwrap();
    assert_eq!(e.billed_to_date, money("57240.00"));
    assert_eq!((e.packs, e.support), (Money::ZERO, Money::ZERO));
    let statuses: Vec<YearStatus> = e.years.iter().map(|y| y.status).collect();
    assert_eq!(statuses, [YearStatus::InProgress, YearStatus::NotRun]);
    assert_eq!(e.years[0].carry_in, money("7632.00"));
    assert_eq!(e.years[0].shortfall, money("3816.00"));
    assert_eq!(e.years[1].shortfall, money("30528.00"));
    assert_eq!(e.total, money("34344.00"));
}

#[test]
fn token_packs_are_owed_to_the_end_and_count_towards_the_years_they_fall_in() {
    // A 10-token pack, 480.00 a month: G = 36 x 3 660.00 = 131 760.00,
    // 35 136.00 a year. Ends 2028-07-01: 18 pack months owed, 8 640.00.
    // Year 1 carries 8 784.00; year 2: 21 960.00 + 2 880.00 + 8 784.00 =
    // 33 624.00, 1 512.00 short; year 3: 5 760.00, 29 376.00 short.
    let mut q = quote();
    q.tokens.packs = vec!["PACK-OFFSHORE-10".to_owned()];
    let (priced, revised, mrg) = finance(&q);
    let e = exit_cost(&priced, &revised, &mrg, d(2028, 7, 1)).unwrap();
    assert_eq!(e.packs, money("8640.00"));
    assert_eq!(e.years[0].owed, money("2880.00"));
    assert_eq!(e.years[0].shortfall, money("1512.00"));
    assert_eq!(e.years[1].owed, money("5760.00"));
    assert_eq!(e.years[1].shortfall, money("29376.00"));
    assert_eq!(e.mrg_shortfall, money("30888.00"));
    assert_eq!(e.total, money("39528.00"));
}

#[test]
fn a_support_commitment_not_yet_run_is_owed() {
    // Development Initial (350.00) upgraded to Standard (900.00) on
    // 2028-05-01, committed 6 months, to 2028-11-01 (§5.3). Ends 2028-07-01:
    // 4 committed months left, 3 600.00. G = 16 x 3 530.00 + 20 x
    // 4 080.00 = 138 080.00; MRG 110 464.00 in 36 821.33, 36 821.33,
    // 36 821.34. Year 1 carries 42 360.00 − 36 821.33 = 5 538.67; year 2:
    // 22 280.00 + 3 600.00 + 5 538.67 = 31 418.67, 5 402.66 short.
    let mut q = quote();
    q.set_environment(EnvironmentKind::Development, Some(SupportLevel::Initial));
    q.support_changes.push(SupportChange {
        id: 1,
        date: d(2028, 5, 1),
        environment: EnvironmentKind::Development,
        level: SupportLevel::Standard,
    });
    let (priced, revised, mrg) = finance(&q);
    assert_eq!(mrg.global_revenue, money("138080.00"));
    let e = exit_cost(&priced, &revised, &mrg, d(2028, 7, 1)).unwrap();
    assert_eq!(e.support, money("3600.00"));
    assert_eq!(e.support_owed.len(), 1);
    assert_eq!(e.support_owed[0].committed_until, d(2028, 11, 1));
    assert_eq!(e.years[0].shortfall, money("5402.66"));
    assert_eq!(e.years[1].shortfall, money("36821.34"));
    assert_eq!(e.total, money("45824.00"));
}

#[test]
fn the_exit_date_is_the_first_of_a_month_inside_the_contract() {
    let (priced, revised, mrg) = finance(&quote());
    assert_eq!(
        exit_cost(&priced, &revised, &mrg, d(2028, 7, 15)),
        Err(ExitError::NotFirstOfMonth)
    );
    assert!(matches!(
        exit_cost(&priced, &revised, &mrg, d(2030, 1, 1)),
        Err(ExitError::OutsideContract { .. })
    ));
    // The curve: every 1st of a month after the signature, never rising
    // with time in this plain contract, nothing owed once the MRG is met.
    let curve = exit_curve(&priced, &revised, &mrg).unwrap();
    assert_eq!(curve.len(), 35);
    assert!(curve.windows(2).all(|w| w[1].total <= w[0].total));
    assert_eq!(
        curve[0].total,
        money("91584.00").checked_sub(money("3180.00")).unwrap()
    );
}

#[test]
fn reversibility_bills_the_last_month_at_its_prices_without_gtr() {
    // §9.9: 3 months after 2030-01-01 at 3 180.00.
    let mut q = quote();
    q.contract_life.reversibility_months = 3;
    let (priced, revised, _) = finance(&q);
    let r = after_the_end(&q, &priced, &revised).unwrap().unwrap();
    assert_eq!((r.from, r.until), (d(2030, 1, 1), d(2030, 4, 1)));
    assert_eq!(r.rates.total, money("3180.00"));
    assert_eq!(r.total, money("9540.00"));
    assert!(!r.gtr_applies);
    // Signed mid-month: January 2030 17/31 (1 743.87), February, March,
    // April 14/30 (1 484.00).
    let mut q = quote();
    q.start_date = d(2027, 1, 15);
    let (priced, revised, _) = finance(&q);
    let r = reversibility(&q, &priced, &revised, priced.end_date, 3)
        .unwrap()
        .unwrap();
    let amounts: Vec<Money> = r.schedule.iter().map(|m| m.amount).collect();
    assert_eq!(
        amounts,
        [
            money("1743.87"),
            money("3180.00"),
            money("3180.00"),
            money("1484.00")
        ]
    );
    assert_eq!(r.total, money("9587.87"));
}

#[test]
fn reversibility_takes_the_revised_prices_and_the_lines_still_running() {
    let mut q = quote();
    q.revision.syntec = true;
    let db = q.add_line("DB-MGD");
    q.line_mut(db).expect("line").onboarded = true;
    q.line_mut(db).expect("line").ends_on = Some(d(2029, 6, 1));
    let (priced, revised, _) = finance(&q);
    let r = reversibility(&q, &priced, &revised, priced.end_date, 1)
        .unwrap()
        .unwrap();
    let os = &revised.charges[0];
    let last = os.steps.last().expect("revised twice");
    let expected = Money::line_amount(last.unit_price, Quantity::from_whole(20))
        .unwrap()
        .checked_add(money("900.00"))
        .unwrap();
    assert_eq!(r.rates.total, expected);
    assert_eq!(r.rates.items.len(), 2, "the database ended before");
}

fn outage_month(claimed_on: Option<NaiveDate>) -> CreditMonth {
    // March 2028: 500 minutes of OS outage of 44 640: 98.88 %, 0.62 point
    // under 99.5 %: 2 % of the OS function's 2 280.00 = 45.60 (§8.5.2).
    let mut month = CreditMonth::new(d(2028, 3, 1));
    month.functions.push(FunctionMonth {
        id: 1,
        function: ManagedFunction::All(FunctionGroup::Os),
        interruption_minutes: Decimal::from(500),
        iaas_down_minutes: Decimal::ZERO,
        client_caused_minutes: Decimal::ZERO,
    });
    month.claimed_on = claimed_on;
    month
}

#[test]
fn a_claimed_credit_is_deducted_from_the_invoice_after_the_claim_and_the_mrg_counts_it() {
    let q = quote();
    let (priced, revised, _) = finance(&q);
    let tables = ServiceLevels::builtin();
    let on = |claimed| {
        let input = outage_month(claimed);
        let report = simulate(&q, &priced, tables, &input).unwrap();
        invoiced_credit(&priced, &input, &report)
    };
    let granted = on(Some(d(2028, 4, 10)));
    assert_eq!(granted.amount, money("45.60"));
    assert_eq!(granted.status, ClaimStatus::Granted);
    assert_eq!(granted.claim_deadline, d(2028, 4, 30));
    assert_eq!(granted.answer_by, Some(d(2028, 5, 10)));
    assert_eq!(granted.invoice_month, Some(d(2028, 5, 1)));
    assert_eq!(on(None).status, ClaimStatus::NotClaimed);
    assert_eq!(on(Some(d(2028, 5, 1))).status, ClaimStatus::Late);
    assert_eq!(on(Some(d(2028, 3, 20))).invoice_month, Some(d(2028, 5, 1)));
    // §9.4 counts what is billed: year 2 bills 38 160.00 − 45.60.
    let deduction = granted.deduction().unwrap();
    let mrg = minimum_guaranteed_revenue_billed(&q, &priced, &revised, &[deduction]).unwrap();
    assert_eq!(mrg.years[1].billed, money("38114.40"));
    assert_eq!(mrg.years[1].credits, money("45.60"));
    assert_eq!(mrg.years[0].billed, money("38160.00"));
}
