//! The MRG risk (§9.4, issue 15): scenarios drawn from the uncertainty of
//! each forecast, against the deterministic MRG table.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cloudquote::engine::contract_life::risk::{mrg_risk, RiskError, RiskReport, RiskSource};
use cloudquote::engine::document::line_life::Uncertainty;
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::Quote;
use cloudquote::engine::finance::indices::IndexBook;
use cloudquote::engine::finance::mrg::{attainment_percent, minimum_guaranteed_revenue, MrgReport};
use cloudquote::engine::finance::revision::{revise, RevisedQuote};
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricing::{price, PricedQuote};
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

fn u(down: &str, up: &str, end: &str) -> Uncertainty {
    Uncertainty {
        down_percent: dec(down),
        up_percent: dec(up),
        end_percent: dec(end),
    }
}

/// A 36-month quote of three run lines, ticket overage and on-demand tokens.
fn quote() -> Quote {
    let mut q = Quote::new(d(2027, 1, 1));
    q.commitment_months = 36;
    q.access_fee_waived = true;
    for (item, qty) in [("OS-MGD", "10"), ("DB-MGD", "4"), ("OS-MGD", "3")] {
        let id = q.add_line(item);
        q.set_quantity(id, Quantity::from_file_text(qty).expect("test quantity"));
    }
    q.tickets.forecast_per_month = Quantity::from_whole(14);
    q.tokens.extra_per_month = Quantity::from_whole(6);
    q.contract_life.risk.draws = 2_000;
    q
}

struct Priced {
    priced: PricedQuote,
    revised: RevisedQuote,
    mrg: MrgReport,
}

fn priced(q: &Quote) -> Priced {
    let books = PriceBooks::builtin().expect("built-in book");
    let priced = price(q, &books).expect("priced");
    let revised = revise(q, &books, &priced, &IndexBook::builtin()).expect("revised");
    let mrg = minimum_guaranteed_revenue(q, &priced, &revised).expect("MRG");
    Priced {
        priced,
        revised,
        mrg,
    }
}

fn risk(q: &Quote, p: &Priced) -> RiskReport {
    mrg_risk(q, &p.priced, &p.revised, &p.mrg).expect("risk")
}

fn set_all(q: &mut Quote, uncertainty: Uncertainty) {
    for line in &mut q.lines {
        line.uncertainty = Some(uncertainty);
    }
    q.contract_life.risk.tickets = Some(uncertainty);
    q.contract_life.risk.tokens = Some(uncertainty);
}

/// Every figure of the draws is the table's, exactly.
fn assert_equals_table(r: &RiskReport, mrg: &MrgReport) {
    assert_eq!(r.years.len(), mrg.years.len());
    for (ry, y) in r.years.iter().zip(&mrg.years) {
        let f = &ry.figures;
        let certain = if y.shortfall.is_zero() { "0" } else { "100" };
        assert_eq!(
            f.shortfall_probability_percent,
            dec(certain),
            "year {}",
            y.year
        );
        assert_eq!(f.expected_shortfall, y.shortfall, "year {}", y.year);
        assert_eq!(f.planned_billed, y.billed);
        assert_eq!(f.annual_mrg, y.annual_mrg);
        for p in [f.attainment.p5, f.attainment.p50, f.attainment.p95] {
            assert_eq!(p, y.attainment_percent, "year {}", y.year);
        }
    }
    assert_eq!(r.total.expected_shortfall, mrg.total_shortfall);
    let billed = Money::checked_sum(mrg.years.iter().map(|y| y.billed)).unwrap();
    let annual = Money::checked_sum(mrg.years.iter().map(|y| y.annual_mrg)).unwrap();
    let total = attainment_percent(billed, annual).unwrap();
    assert_eq!(r.total.attainment.p5, total);
    assert_eq!(r.total.attainment.p95, total);
    assert_eq!(r.histogram.len(), 1, "every draw in one bar");
    assert_eq!(r.histogram[0].draws, r.draws);
}

#[test]
fn zero_uncertainty_gives_the_deterministic_table_without_shortfall() {
    let mut q = quote();
    // Uncertainties present but nil: the same as none.
    set_all(&mut q, Uncertainty::default());
    let p = priced(&q);
    assert!(p.mrg.total_shortfall.is_zero());
    let r = risk(&q, &p);
    assert!(r.items.is_empty(), "a nil uncertainty moves nothing");
    assert_equals_table(&r, &p.mrg);
    assert_eq!(r.total.shortfall_probability_percent, Decimal::ZERO);
}

#[test]
fn zero_uncertainty_gives_the_deterministic_table_with_shortfalls_and_carries() {
    let mut q = quote();
    // G imposed above the plan: a shortfall every year; a simulated year
    // billed above its MRG carries its excess to the next year.
    q.mrg.global_revenue = Some(money("200000"));
    let p0 = priced(&q);
    let over = p0.mrg.years[0]
        .annual_mrg
        .checked_add(money("1000.01"))
        .unwrap();
    q.mrg.billed_override = vec![Some(over)];
    let p = priced(&q);
    assert_eq!(p.mrg.years[1].carry_in, money("1000.01"));
    assert!(!p.mrg.years[2].shortfall.is_zero());
    // Zero-width uncertainties on every item: each draw is the table.
    set_all(&mut q, u("0", "0", "0"));
    q.lines[0].uncertainty = Some(u("0", "0", "0"));
    let r = risk(&q, &p);
    assert_equals_table(&r, &p.mrg);
    assert_eq!(r.total.shortfall_probability_percent, dec("100"));
    assert_eq!(r.total.planned_shortfall, p.mrg.total_shortfall);
}

#[test]
fn the_same_seed_gives_the_same_report_and_another_seed_another() {
    let mut q = quote();
    q.mrg.rate_percent = dec("98");
    set_all(&mut q, u("20", "10", "10"));
    let p = priced(&q);
    let a = risk(&q, &p);
    assert_eq!(a, risk(&q, &p));
    assert_eq!(a.items.len(), 5);
    assert!(a
        .items
        .contains(&cloudquote::engine::contract_life::risk::RiskItem {
            source: RiskSource::Tickets,
            uncertainty: u("20", "10", "10"),
            planned: a
                .items
                .iter()
                .find(|i| i.source == RiskSource::Tickets)
                .unwrap()
                .planned,
        }));
    q.contract_life.risk.seed = 2;
    let b = risk(&q, &p);
    assert_ne!(a.years, b.years);
    assert_eq!(b.seed, 2);
    // Uncertain now: the draws spread.
    let t = &a.total.attainment;
    assert!(t.p5 < t.p50 && t.p50 < t.p95, "{t:?}");
    let shortfall = a.total.shortfall_probability_percent;
    assert!(
        shortfall > Decimal::ZERO && shortfall < dec("100"),
        "{shortfall}"
    );
    let bars: u32 = a.histogram.iter().map(|b| b.draws).sum();
    assert_eq!(bars, a.draws);
    assert_eq!(a.histogram.len(), 20);
}

#[test]
fn a_line_certain_to_end_stops_at_the_first_anniversary_of_the_run() {
    // One line, OS-MGD x 10 at the 24-month tier: 116.40 x 10 = 1 164.00 a
    // month, not revised (no index clause), and the support fee, 900.00 a
    // month: 24 768.00 a run year, G = 49 536.00, MRG 80 % = 39 628.80,
    // 19 814.40 a year. Year 1 as planned: carry-out 24 768.00 − 19 814.40
    // = 4 953.60. End 100 %: in every draw the line ends at the first
    // anniversary; year 2 bills the support alone, 10 800.00, attains
    // 10 800.00 + 4 953.60 = 15 753.60: shortfall 19 814.40 − 15 753.60 =
    // 4 060.80 in every draw.
    let mut q = Quote::new(d(2027, 1, 1));
    q.commitment_months = 24;
    q.access_fee_waived = true;
    q.revision.syntec = false;
    q.revision.specific = false;
    let id = q.add_line("OS-MGD");
    q.set_quantity(id, Quantity::from_whole(10));
    q.lines[0].uncertainty = Some(u("0", "0", "100"));
    q.contract_life.risk.draws = 100;
    let p = priced(&q);
    let r = risk(&q, &p);
    let line_year: Vec<Money> = (0..2)
        .map(|y| {
            let charge = &p.revised.charges[0];
            Money::checked_sum(
                p.priced
                    .months
                    .iter()
                    .zip(&charge.months)
                    .filter(|(m, _)| **m >= p.mrg.years[y].from && **m < p.mrg.years[y].to)
                    .map(|(_, a)| *a),
            )
            .unwrap()
        })
        .collect();
    assert_eq!(line_year, [money("13968.00"), money("13968.00")]);
    assert_eq!(r.items[0].planned, money("27936.00"));
    let (y1, y2) = (&p.mrg.years[0], &p.mrg.years[1]);
    // Year 1 as planned: no shortfall, the excess carried.
    assert_eq!(
        r.years[0].figures.shortfall_probability_percent,
        Decimal::ZERO
    );
    assert_eq!(r.years[0].figures.attainment.p50, y1.attainment_percent);
    // Year 2: billed − 13 968.00 + carry-in, below the annual MRG in every draw.
    let attained = y2
        .billed
        .checked_sub(line_year[1])
        .unwrap()
        .checked_add(y1.carry_out)
        .unwrap();
    let shortfall = y2.annual_mrg.checked_sub(attained).unwrap();
    assert_eq!(r.years[1].figures.shortfall_probability_percent, dec("100"));
    assert_eq!(r.years[1].figures.expected_shortfall, shortfall);
    assert_eq!(r.total.expected_shortfall, shortfall);
    assert_eq!(
        (y1.annual_mrg, y1.billed, y1.carry_out, y2.billed, shortfall),
        (
            money("19814.40"),
            money("24768.00"),
            money("4953.60"),
            money("24768.00"),
            money("4060.80")
        )
    );
}

#[test]
fn draws_are_bounded_and_huge_amounts_are_an_error_not_a_panic() {
    let mut q = quote();
    set_all(&mut q, u("10", "10", "5"));
    let p = priced(&q);
    q.contract_life.risk.draws = 1;
    let one = risk(&q, &p);
    assert_eq!(one.draws, 1);
    assert_eq!(one.histogram.len(), 1);
    q.contract_life.risk.draws = 100_000;
    let started = std::time::Instant::now();
    let many = risk(&q, &p);
    assert_eq!(many.histogram.iter().map(|b| b.draws).sum::<u32>(), 100_000);
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    for draws in [0, 100_001] {
        q.contract_life.risk.draws = draws;
        let err = mrg_risk(&q, &p.priced, &p.revised, &p.mrg).unwrap_err();
        assert!(matches!(err, RiskError::Draws { .. }), "{err:?}");
    }
    q.contract_life.risk.draws = 10;
    let mut revised = p.revised.clone();
    revised.charges[0].months[3] = Money::from_decimal(Decimal::MAX);
    assert_eq!(
        mrg_risk(&q, &p.priced, &revised, &p.mrg),
        Err(RiskError::Overflow)
    );
    let mut mrg = p.mrg.clone();
    mrg.years[1].annual_mrg = Money::from_decimal(dec("100000000000000000"));
    assert_eq!(
        mrg_risk(&q, &p.priced, &p.revised, &mrg),
        Err(RiskError::Overflow)
    );
}

/// `PROPTEST_CASES` when set (the long runs of `make proptest-long`), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    // 24 by default (each case prices a quote and draws twice).
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    /// More downside (a larger down % or end %, the same seed) never lowers
    /// the probability of a shortfall, in any year or in total.
    #[test]
    fn more_downside_never_lowers_the_shortfall_probability(
        seed in 0u32..1_000,
        base in proptest::collection::vec((0u32..40, 0u32..40, 0u32..30), 5),
        more in proptest::collection::vec((0u32..30, 0u32..30), 5),
    ) {
        let mut q = quote();
        q.mrg.rate_percent = dec("97");
        q.contract_life.risk.draws = 200;
        q.contract_life.risk.seed = seed;
        let p = priced(&q);
        let apply = |q: &mut Quote, extra: bool| {
            let all: Vec<Uncertainty> = base.iter().zip(&more).map(|((down, up, end), (dd, de))| {
                let (dd, de) = if extra { (*dd, *de) } else { (0, 0) };
                Uncertainty {
                    down_percent: Decimal::from((down + dd).min(100)),
                    up_percent: Decimal::from(*up),
                    end_percent: Decimal::from((end + de).min(100)),
                }
            }).collect();
            for (line, u) in q.lines.iter_mut().zip(&all) {
                line.uncertainty = Some(*u);
            }
            q.contract_life.risk.tickets = Some(all[3]);
            q.contract_life.risk.tokens = Some(all[4]);
        };
        apply(&mut q, false);
        let before = risk(&q, &p);
        apply(&mut q, true);
        let after = risk(&q, &p);
        for (b, a) in before.years.iter().zip(&after.years) {
            prop_assert!(a.figures.shortfall_probability_percent >= b.figures.shortfall_probability_percent);
            prop_assert!(a.figures.expected_shortfall >= b.figures.expected_shortfall);
            prop_assert!(a.figures.attainment.p50 <= b.figures.attainment.p50);
        }
        prop_assert!(after.total.shortfall_probability_percent >= before.total.shortfall_probability_percent);
        prop_assert!(after.total.expected_shortfall >= before.total.expected_shortfall);
    }

    /// A line that goes from no uncertainty to some downside moves no other
    /// item's draws: the probability never drops either.
    #[test]
    fn adding_downside_to_a_certain_line_never_lowers_the_shortfall_probability(
        seed in 0u32..1_000, down in 1u32..60, end in 0u32..40,
    ) {
        let mut q = quote();
        q.mrg.rate_percent = dec("97");
        q.contract_life.risk.draws = 200;
        q.contract_life.risk.seed = seed;
        q.lines[1].uncertainty = Some(u("15", "15", "5"));
        let p = priced(&q);
        let before = risk(&q, &p);
        q.lines[0].uncertainty = Some(Uncertainty {
            down_percent: Decimal::from(down),
            up_percent: Decimal::ZERO,
            end_percent: Decimal::from(end),
        });
        let after = risk(&q, &p);
        for (b, a) in before.years.iter().zip(&after.years) {
            prop_assert!(a.figures.shortfall_probability_percent >= b.figures.shortfall_probability_percent);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    /// Whatever the rate, G and the simulated years, no uncertainty gives
    /// the table to the cent, every year and in total, whether the items
    /// are drawn or left out.
    #[test]
    fn no_uncertainty_always_gives_the_table(
        rate in 50u32..130,
        g in proptest::option::of(100_000u32..300_000),
        overrides in proptest::collection::vec(proptest::option::of(0u32..90_000), 0..4),
        draws in 1u32..50,
        drawn in any::<bool>(),
    ) {
        let mut q = quote();
        q.mrg.rate_percent = Decimal::from(rate);
        q.mrg.global_revenue = g.map(|g| Money::euros(i64::from(g)));
        q.mrg.billed_override = overrides.iter().map(|o| o.map(|b| Money::euros(i64::from(b)))).collect();
        q.contract_life.risk.draws = draws;
        // An end % below the generator's resolution (2^-20) still goes
        // through the draws, with factors of exactly 1.
        set_all(&mut q, if drawn { u("0", "0", "0.00001") } else { u("0", "0", "0") });
        let p = priced(&q);
        let r = risk(&q, &p);
        prop_assert_eq!(r.items.len(), if drawn { 5 } else { 0 });
        assert_equals_table(&r, &p.mrg);
    }
}
