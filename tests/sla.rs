//! Exact service-level credits (SPEC §9, §8 of the service description),
//! clause by clause, with the built-in price book and tables.
//!
//! The workload: signed 2027-01-01 for 12 months (no tier discount),
//! production at Standard, Off-Shore (token 55.00 pay-as-you-go):
//! line 1 = 10 OS-MGD (1 200.00 a month), line 2 = 1 K8S-MGD (950.00),
//! both quoted No Build and already onboarded (§4.1: taken over from an
//! earlier contract, so under management without a build). Managed
//! functions (§10): "os" = line 1, "kubernetes" = line 2.
//! Recurring charge of a month: 1 200 + 950 + support 900 = 3 050.00, so the
//! §8.4.9 cap is 457.50. March 2027 has 31 days = 44 640 minutes.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime};
use cloudquote::engine::calendar::Coverage;
use cloudquote::engine::document::catalog::BuildModel;
use cloudquote::engine::document::credit_month::{
    Cause, ChangeRecord, CreditMonth, FunctionMonth, IncidentRecord, Priority,
};
use cloudquote::engine::document::managed_function::{FunctionGroup, ManagedFunction};
use cloudquote::engine::document::pricebook::PriceBooks;
use cloudquote::engine::document::quote::{LineId, ManagementModel, Quote};
use cloudquote::engine::document::support::{Environment, EnvironmentKind, SupportLevel};
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricing::{price, PricedQuote};
use cloudquote::engine::service_levels::{
    allowed_downtime, deadline, format_minutes, function_guarantees, guarantees, managed_functions,
    simulate, ChangeKind, Condition, CreditReport, DeadlineOf, Exemption, ServiceLevels, SlaError,
    SlaLocation, SupportCatalogue,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

const OS: LineId = LineId(1);
const K8S: LineId = LineId(2);
const OS_FN: ManagedFunction = ManagedFunction::All(FunctionGroup::Os);
const K8S_FN: ManagedFunction = ManagedFunction::All(FunctionGroup::Kubernetes);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("test date")
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).expect("test time")
}

fn dec(text: &str) -> Decimal {
    text.parse().expect("test decimal")
}

fn money(text: &str) -> Money {
    Money::from_file_text(text).expect("test amount")
}

fn workload(model: ManagementModel) -> Quote {
    let mut quote = Quote::new(d(2027, 1, 1));
    quote.commitment_months = 12;
    quote.access_fee_waived = true;
    quote.model = model;
    let os = quote.add_line("OS-MGD");
    quote.set_quantity(os, Quantity::from_whole(10));
    let k8s = quote.add_line("K8S-MGD");
    quote.set_quantity(k8s, Quantity::ONE);
    assert_eq!((os, k8s), (OS, K8S));
    for line in &mut quote.lines {
        line.onboarded = true;
    }
    quote
}

/// Adds `quantity` of `item`, onboarded or not (§4.1), and returns its id.
fn add(quote: &mut Quote, item: &str, quantity: u32, onboarded: bool) -> LineId {
    let id = quote.add_line(item);
    quote.set_quantity(id, Quantity::from_whole(quantity));
    quote.line_mut(id).expect("the line").onboarded = onboarded;
    id
}

fn priced(quote: &Quote) -> PricedQuote {
    price(quote, &PriceBooks::builtin().expect("book")).expect("prices")
}

fn march() -> CreditMonth {
    CreditMonth::new(d(2027, 3, 1))
}

fn outage(id: u32, function: ManagedFunction, minutes: &str) -> FunctionMonth {
    FunctionMonth {
        id,
        function,
        interruption_minutes: dec(minutes),
        iaas_down_minutes: Decimal::ZERO,
        client_caused_minutes: Decimal::ZERO,
    }
}

fn incident(id: u32, priority: Priority, hours: &str) -> IncidentRecord {
    IncidentRecord {
        id,
        priority,
        environment: EnvironmentKind::Production,
        line: None,
        resolution_hours: dec(hours),
        cause: Cause::Provider,
        provider_level3: true,
        work_hours: Decimal::ZERO,
    }
}

fn change(id: u32, tokens: u32, accelerated: bool, hours: &str) -> ChangeRecord {
    ChangeRecord {
        id,
        environment: EnvironmentKind::Production,
        tokens,
        accelerated,
        off_hours: false,
        duration_hours: dec(hours),
    }
}

fn run_with(quote: &Quote, month: &CreditMonth) -> CreditReport {
    simulate(quote, &priced(quote), ServiceLevels::builtin(), month).expect("simulates")
}

fn run(month: &CreditMonth) -> CreditReport {
    run_with(&workload(ManagementModel::FullyManaged), month)
}

fn gtd_credit(minutes: &str, function: ManagedFunction) -> Money {
    let mut m = march();
    m.functions.push(outage(1, function, minutes));
    run(&m).functions[0].credit
}

#[test]
fn the_workload_bills_what_the_header_says() {
    let r = run(&march());
    assert_eq!(r.cap_base, money("3050.00"));
    assert_eq!(r.cap, money("457.50"));
    assert_eq!(r.restoration.base, money("2150.00"));
    assert_eq!(r.total, Money::ZERO);
}

#[test]
fn availability_credit_follows_the_gap_tiers() {
    // §8.5.2, Standard 99.5 %: 0.5 % of 44 640 min = 223.2 min is on target.
    assert_eq!(gtd_credit("223.2", OS_FN), Money::ZERO);
    // Just below: gap in (0, 1] -> 2 % of 1 200.00.
    assert_eq!(gtd_credit("224", OS_FN), money("24.00"));
    // 1.5 % down = 669.6 min: availability 98.5, gap exactly 1 point -> still 2 %.
    assert_eq!(gtd_credit("669.6", OS_FN), money("24.00"));
    assert_eq!(gtd_credit("670", OS_FN), money("60.00"));
    // 2.5 % down = 1 116 min: gap exactly 2 points -> 5 %; beyond -> 10 %.
    assert_eq!(gtd_credit("1116", OS_FN), money("60.00"));
    assert_eq!(gtd_credit("1117", OS_FN), money("120.00"));
    assert_eq!(gtd_credit("44640", OS_FN), money("120.00"));
}

#[test]
fn kubernetes_is_guaranteed_99_9_at_standard() {
    // 0.1 % of 44 640 = 44.64 min allowed; 45 min -> 2 % of 950.00.
    assert_eq!(gtd_credit("44.64", K8S_FN), Money::ZERO);
    assert_eq!(gtd_credit("45", K8S_FN), money("19.00"));
    let mut m = march();
    m.functions.push(outage(1, K8S_FN, "45"));
    let f = &run(&m).functions[0];
    assert!(f.kubernetes);
    assert_eq!(f.guarantee, Some(dec("99.9")));
    assert_eq!(f.availability, dec("99.8992"));
    assert_eq!(f.gap_points, Some(dec("0.0008")));
}

#[test]
fn an_iaas_outage_is_excluded_under_every_model() {
    // §8.4.6: 700 min of which 100 IaaS -> 600 counted -> gap 0.84 -> 2 %.
    let mut m = march();
    let mut f = outage(1, OS_FN, "700");
    f.iaas_down_minutes = dec("100");
    m.functions.push(f);
    let r = run(&m);
    assert_eq!(r.functions[0].counted_minutes, dec("600"));
    assert_eq!(r.functions[0].credit, money("24.00"));
}

#[test]
fn client_caused_downtime_is_excluded_under_co_managed_only() {
    // §8.4.4 a: 700 min of which 100 client-caused.
    let mut m = march();
    let mut f = outage(1, OS_FN, "700");
    f.client_caused_minutes = dec("100");
    m.functions.push(f);
    let fully = run_with(&workload(ManagementModel::FullyManaged), &m);
    assert_eq!(fully.functions[0].credit, money("60.00"));
    let co = run_with(&workload(ManagementModel::CoManaged), &m);
    assert!(co.co_managed);
    assert_eq!(co.functions[0].counted_minutes, dec("600"));
    // The same tier as 600 min counted, on a Co-Managed charge 15 % lower
    // (SPEC §15, the illustrative book 2024.2): 24.00 x 0.85.
    assert_eq!(co.functions[0].credit, money("20.40"));
}

#[test]
fn no_penalty_on_non_production_units() {
    // §8.4.3.
    let mut m = march();
    m.non_production.push(OS);
    m.functions.push(outage(1, OS_FN, "5000"));
    let r = run(&m);
    assert_eq!(r.functions[0].exemption, Some(Exemption::NonProduction));
    assert_eq!(r.functions[0].credit, Money::ZERO);
    // … and the GTR base is the production units only.
    assert_eq!(r.restoration.base, money("950.00"));
}

#[test]
fn restoration_gap_divides_by_five_below_five_incidents() {
    // §8.5.3, Standard P2 = 24 h. One late incident alone: 1 / 5 = 20 % -> 2 %
    // of the production charge 2 150.00 (not 1 / 1 = 100 % -> 10 %).
    let mut m = march();
    m.incidents.push(incident(1, Priority::P2, "30"));
    let r = run(&m);
    assert_eq!((r.restoration.resolved, r.restoration.late), (1, 1));
    assert_eq!(r.restoration.divisor, 5);
    assert_eq!(r.restoration.gap_percent, dec("20"));
    assert_eq!(r.restoration.credit, money("43.00"));

    // 2 late of 4: 40 % -> 5 %.
    let mut m = march();
    for (id, h) in [(1, "30"), (2, "25"), (3, "2"), (4, "24")] {
        m.incidents.push(incident(id, Priority::P2, h));
    }
    assert_eq!(run(&m).restoration.credit, money("107.50"));

    // 3 late of 4: 60 % -> 10 %.
    m.incidents[2].resolution_hours = dec("48");
    assert_eq!(run(&m).restoration.credit, money("215.00"));
}

#[test]
fn restoration_gap_divides_by_the_count_from_five_incidents() {
    // 1 late of 20: 5 %, not above 5 % -> nothing; 2 of 20: 10 % -> 2 %.
    let mut m = march();
    for id in 1..=20 {
        m.incidents.push(incident(id, Priority::P3, "1"));
    }
    m.incidents[0].resolution_hours = dec("48.5");
    let r = run(&m);
    assert_eq!(
        (r.restoration.divisor, r.restoration.gap_percent),
        (20, dec("5"))
    );
    assert_eq!(r.restoration.credit, Money::ZERO);
    m.incidents[1].resolution_hours = dec("49");
    assert_eq!(run(&m).restoration.credit, money("43.00"));
    // 5 late of 10: exactly 50 % -> 5 %.
    let mut m = march();
    for id in 1..=10 {
        m.incidents
            .push(incident(id, Priority::P1, if id <= 5 { "9" } else { "8" }));
    }
    assert_eq!(run(&m).restoration.credit, money("107.50"));
}

#[test]
fn priorities_without_commitment_are_not_counted() {
    // P4 has no commitment; Initial has none for P2/P3; P1 at Initial is one
    // business day (9 covered hours).
    let mut quote = workload(ManagementModel::FullyManaged);
    quote.environments = vec![Environment {
        kind: EnvironmentKind::Production,
        support: SupportLevel::Initial,
    }];
    let mut m = march();
    m.incidents.push(incident(1, Priority::P4, "500"));
    m.incidents.push(incident(2, Priority::P2, "500"));
    m.incidents.push(incident(3, Priority::P1, "9.5"));
    let r = run_with(&quote, &m);
    assert_eq!(r.incidents[0].exemption, Some(Exemption::NoCommitment));
    assert_eq!(r.incidents[1].exemption, Some(Exemption::NoCommitment));
    let p1 = r.incidents[2].commitment.expect("P1 Initial");
    assert_eq!((p1.hours, p1.business_days), (9, Some(1)));
    assert!(r.incidents[2].late);
    assert_eq!((r.restoration.resolved, r.restoration.late), (1, 1));
    // Initial guarantees 98.5 % per function.
    m.functions.push(outage(1, OS_FN, "669.6"));
    assert_eq!(run_with(&quote, &m).functions[0].credit, Money::ZERO);
}

#[test]
fn non_production_incidents_keep_their_commitment_but_earn_nothing() {
    // §8.4.3, §8.3: non-production is counted in business hours, no penalty.
    let mut quote = workload(ManagementModel::FullyManaged);
    quote.environments.push(Environment {
        kind: EnvironmentKind::PreProduction,
        support: SupportLevel::Standard,
    });
    let mut m = march();
    let mut i = incident(1, Priority::P1, "10");
    i.environment = EnvironmentKind::PreProduction;
    m.incidents.push(i);
    let mut i = incident(2, Priority::P1, "10");
    i.environment = EnvironmentKind::Integration;
    m.incidents.push(i);
    let r = run_with(&quote, &m);
    let c = r.incidents[0].commitment.expect("commitment");
    assert_eq!((c.hours, c.coverage), (8, Coverage::BusinessHours));
    assert!(r.incidents[0].late);
    assert_eq!(r.incidents[0].exemption, Some(Exemption::NonProduction));
    assert_eq!(r.incidents[1].exemption, Some(Exemption::NotSubscribed));
    assert_eq!(r.restoration.resolved, 0);
    assert_eq!(r.total, Money::ZERO);
}

#[test]
fn a_late_change_earns_half_its_pay_as_you_go_price() {
    // §8.5.4, Standard: simple 24 h, simple accelerated 12 h, complex 72 h,
    // complex accelerated 36 h; token 55.00.
    let mut m = march();
    m.changes.push(change(1, 1, false, "25")); // 55.00 -> 27.50
    m.changes.push(change(2, 1, true, "13")); // 2 tokens = 110.00 -> 55.00
    m.changes.push(change(3, 3, false, "73")); // 165.00 -> 82.50
    let mut c = change(4, 3, true, "37"); // x2 accelerated, x2 off hours
    c.off_hours = true;
    m.changes.push(c); // 12 tokens = 660.00 -> 330.00
    m.changes.push(change(5, 3, true, "36")); // on time
    let r = run(&m);
    let kinds: Vec<ChangeKind> = r.changes.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ChangeKind::Simple,
            ChangeKind::SimpleAccelerated,
            ChangeKind::Complex,
            ChangeKind::ComplexAccelerated,
            ChangeKind::ComplexAccelerated
        ]
    );
    let credits: Vec<Money> = r.changes.iter().map(|c| c.credit).collect();
    assert_eq!(
        credits,
        [
            money("27.50"),
            money("55.00"),
            money("82.50"),
            money("330.00"),
            Money::ZERO
        ]
    );
    assert_eq!(r.change_total, money("495.00"));
    // 495.00 is above the 457.50 cap.
    assert!(r.capped);
    assert_eq!(r.total, money("457.50"));
}

#[test]
fn no_change_guarantee_at_initial_nor_outside_production() {
    let mut quote = workload(ManagementModel::FullyManaged);
    quote.environments = vec![Environment {
        kind: EnvironmentKind::Production,
        support: SupportLevel::Initial,
    }];
    let mut m = march();
    m.changes.push(change(1, 1, false, "500"));
    let r = run_with(&quote, &m);
    assert_eq!(r.changes[0].exemption, Some(Exemption::NoCommitment));
    assert_eq!(r.changes[0].credit, Money::ZERO);
    // §8.4.3: a late change on a Standard pre-production earns nothing.
    let mut quote = workload(ManagementModel::FullyManaged);
    quote.environments.push(Environment {
        kind: EnvironmentKind::PreProduction,
        support: SupportLevel::Standard,
    });
    let mut m = march();
    let mut c = change(1, 1, false, "500");
    c.environment = EnvironmentKind::PreProduction;
    m.changes.push(c);
    let r = run_with(&quote, &m);
    assert!(r.changes[0].late);
    assert_eq!(r.changes[0].exemption, Some(Exemption::NonProduction));
    assert_eq!(r.total, Money::ZERO);
}

#[test]
fn the_cap_binds_at_fifteen_percent_of_the_month() {
    // §8.4.9: GTD 10 % of 1 200 + 10 % of 950 + GTR 10 % of 2 150 = 430.00,
    // plus a late simple change 27.50 = 457.50: exactly the cap, not capped;
    // one more late change and the cap binds.
    let mut m = march();
    m.functions.push(outage(1, OS_FN, "5000"));
    m.functions.push(outage(2, K8S_FN, "5000"));
    for id in 1..=3 {
        m.incidents.push(incident(id, Priority::P2, "100"));
    }
    m.changes.push(change(1, 1, false, "30"));
    let r = run(&m);
    assert_eq!(r.availability_total, money("215.00"));
    assert_eq!(r.restoration_total, money("215.00"));
    assert_eq!(r.subtotal, money("457.50"));
    assert!(!r.capped);
    assert_eq!(r.total, money("457.50"));
    m.changes.push(change(2, 1, false, "30"));
    let r = run(&m);
    assert_eq!(r.subtotal, money("485.00"));
    assert!(r.capped);
    assert_eq!(r.total, money("457.50"));
}

#[test]
fn one_incident_earns_the_higher_of_gtd_and_gtr_keeping_gtd() {
    // §8.4.10: OS-MGD down 700 min (5 % = 60.00) by one late P1 incident
    // (1 / 5 = 20 % -> 2 % of 2 150 = 43.00): GTD 60.00 is kept, and the
    // incident no longer counts late for the GTR.
    let mut m = march();
    m.functions.push(outage(1, OS_FN, "700"));
    let mut i = incident(7, Priority::P1, "10");
    i.line = Some(OS);
    m.incidents.push(i);
    let r = run(&m);
    let h = r.higher_of.expect("higher-of applied");
    assert_eq!((h.functions, h.incidents), (vec![1], vec![7]));
    assert_eq!(
        (h.keeping_gtd, h.keeping_gtr),
        (money("60.00"), money("43.00"))
    );
    assert!(h.kept_gtd);
    assert_eq!(r.restoration.credit, Money::ZERO);
    assert_eq!(r.total, money("60.00"));
}

#[test]
fn one_incident_earns_the_higher_of_gtd_and_gtr_keeping_gtr() {
    // K8S down 45 min (2 % = 19.00) by four late P1 incidents: GTR 4 / 5 =
    // 80 % -> 10 % = 215.00 is higher: the K8S GTD credit is dropped; the
    // OS-MGD credit (24.00, no shared incident) stays.
    let mut m = march();
    m.functions.push(outage(1, K8S_FN, "45"));
    m.functions.push(outage(2, OS_FN, "224"));
    for id in 1..=4 {
        let mut i = incident(id, Priority::P1, "12");
        i.line = Some(K8S);
        m.incidents.push(i);
    }
    let r = run(&m);
    let h = r.higher_of.expect("higher-of applied");
    assert_eq!(
        (h.keeping_gtd, h.keeping_gtr),
        (money("43.00"), money("239.00"))
    );
    assert!(!h.kept_gtd);
    assert_eq!(r.functions[0].credit, Money::ZERO);
    assert_eq!(r.functions[1].credit, money("24.00"));
    assert_eq!(r.restoration.credit, money("215.00"));
    assert_eq!(r.total, money("239.00"));
}

#[test]
fn co_managed_exclusions_of_the_restoration_guarantee() {
    // §8.4.4 a, b: client-caused incidents and units without provider level 3
    // are not counted; c, d: the time is billed in tokens (55.00), all of it
    // when the client caused it, half when shared, by started half hour.
    let mut m = march();
    let mut a = incident(1, Priority::P2, "30");
    a.cause = Cause::Client;
    a.work_hours = dec("1.25"); // 2.5 -> 3 tokens
    let mut b = incident(2, Priority::P2, "30");
    b.provider_level3 = false;
    let mut c = incident(3, Priority::P2, "30");
    c.cause = Cause::Shared;
    c.work_hours = dec("3"); // 1.5 h -> 3 tokens
    m.incidents.extend([a, b, c]);
    let co = run_with(&workload(ManagementModel::CoManaged), &m);
    assert_eq!(co.incidents[0].exemption, Some(Exemption::ClientCause));
    assert_eq!(co.incidents[1].exemption, Some(Exemption::NoLevel3));
    assert_eq!(co.incidents[2].exemption, None);
    assert_eq!((co.restoration.resolved, co.restoration.late), (1, 1));
    assert_eq!(co.billed_tokens, 6);
    assert_eq!(co.billed, money("330.00"));
    // The same month under Fully Managed: all three count, nothing billed.
    let fully = run(&m);
    assert_eq!((fully.restoration.resolved, fully.restoration.late), (3, 3));
    assert_eq!(fully.restoration.credit, money("215.00"));
    assert_eq!(fully.billed, Money::ZERO);
}

#[test]
fn full_devops_has_no_service_levels() {
    let quote = workload(ManagementModel::FullDevOps);
    let g = guarantees(&quote, ServiceLevels::builtin());
    assert!(!g.apply);
    assert!(g.environments.is_empty());
    let r = run_with(&quote, &march());
    assert!(!r.apply);
    // Its managed lines are set aside: they cannot be simulated.
    let mut m = march();
    m.functions.push(outage(1, OS_FN, "5000"));
    let e = simulate(&quote, &priced(&quote), ServiceLevels::builtin(), &m).unwrap_err();
    assert_eq!(
        e,
        SlaError::UnknownFunction {
            id: 1,
            function: OS_FN
        }
    );
}

#[test]
fn what_applies_per_environment_and_model() {
    let mut quote = workload(ManagementModel::CoManaged);
    quote.environments.push(Environment {
        kind: EnvironmentKind::Development,
        support: SupportLevel::Initial,
    });
    let g = guarantees(&quote, ServiceLevels::builtin());
    assert!(g.apply);
    assert!(g.conditions.contains(&Condition::CoManagedClientCause));
    let prod = &g.environments[0];
    assert!(prod.penalties);
    assert_eq!(prod.availability, dec("99.5"));
    assert_eq!(prod.availability_kubernetes, dec("99.9"));
    assert_eq!(prod.quotation_days, Some(5));
    let p3 = prod.restoration[2].1.expect("P3");
    assert_eq!((p3.hours, p3.coverage), (48, Coverage::BusinessHours));
    let p1 = prod.restoration[0].1.expect("P1");
    assert_eq!((p1.hours, p1.coverage), (8, Coverage::Always));
    let dev = &g.environments[1];
    assert!(!dev.penalties);
    assert_eq!(dev.availability, dec("98.5"));
    assert!(dev.changes.iter().all(|(_, c)| c.is_none()));
    let fully = guarantees(
        &workload(ManagementModel::FullyManaged),
        ServiceLevels::builtin(),
    );
    assert!(!fully.conditions.contains(&Condition::CoManagedClientCause));
}

#[test]
fn bad_input_is_a_located_error() {
    let quote = workload(ManagementModel::FullyManaged);
    let p = priced(&quote);
    let t = ServiceLevels::builtin();
    let mut m = CreditMonth::new(d(2028, 1, 1));
    let e = simulate(&quote, &p, t, &m).unwrap_err();
    assert_eq!(e.location(), SlaLocation::Month);
    m = march();
    let mut f = outage(3, OS_FN, "100");
    f.iaas_down_minutes = dec("101");
    m.functions.push(f);
    let e = simulate(&quote, &p, t, &m).unwrap_err();
    assert_eq!(e, SlaError::ExclusionsTooLong { id: 3 });
    assert_eq!(e.location(), SlaLocation::Function(3));
    m = march();
    m.functions.push(outage(4, OS_FN, "44641"));
    assert_eq!(
        simulate(&quote, &p, t, &m).unwrap_err().location(),
        SlaLocation::Function(4)
    );
    m = march();
    m.functions.push(outage(1, OS_FN, "1"));
    m.functions.push(outage(2, OS_FN, "1"));
    assert!(matches!(
        simulate(&quote, &p, t, &m),
        Err(SlaError::DuplicateFunction { id: 2, .. })
    ));
    m = march();
    m.incidents.push(incident(5, Priority::P1, "-1"));
    assert_eq!(
        simulate(&quote, &p, t, &m).unwrap_err().location(),
        SlaLocation::Incident(5)
    );
    m = march();
    m.changes.push(change(6, 0, false, "1"));
    assert_eq!(
        simulate(&quote, &p, t, &m).unwrap_err().location(),
        SlaLocation::Change(6)
    );
    assert!(e
        .message(cloudquote::engine::lang::Lang::Fr)
        .contains("exclues"));
}

/// The workload plus `quantity` of `item` as line 3 (onboarded or not).
fn with_line(item: &str, quantity: u32, onboarded: bool) -> Quote {
    let mut quote = workload(ManagementModel::FullyManaged);
    assert_eq!(add(&mut quote, item, quantity, onboarded), LineId(3));
    quote
}

#[test]
fn the_units_of_one_kind_on_two_lines_are_one_managed_function() {
    // §10 "L'ensemble des Unités de Service OS Managé prises collectivement":
    // line 3 = 5 more OS-MGD (600.00): the "os" function bills 1 800.00;
    // 224 min down -> gap in (0, 1] -> 2 % of 1 800.00 = 36.00 (§8.5.2).
    let quote = with_line("OS-MGD", 5, true);
    let listed = managed_functions(&priced(&quote), &march()).expect("lists");
    let summary: Vec<(ManagedFunction, Vec<LineId>, Money)> = listed
        .iter()
        .map(|f| (f.function, f.units.iter().map(|u| u.line).collect(), f.base))
        .collect();
    assert_eq!(
        summary,
        [
            (OS_FN, vec![OS, LineId(3)], money("1800.00")),
            (K8S_FN, vec![K8S], money("950.00")),
        ]
    );
    let mut m = march();
    m.functions.push(outage(1, OS_FN, "224"));
    let r = run_with(&quote, &m);
    assert_eq!(r.functions[0].units, [OS, LineId(3)]);
    assert_eq!(r.functions[0].base, money("1800.00"));
    assert_eq!(r.functions[0].credit, money("36.00"));
    // §8.4.3: a non-production unit leaves the function's base: 2 % of 1 200.00.
    m.non_production.push(LineId(3));
    let r = run_with(&quote, &m);
    assert!(r.functions[0].production);
    assert_eq!(r.functions[0].credit, money("24.00"));
}

#[test]
fn each_managed_application_is_a_function_of_its_own() {
    // §10 "Chaque Unité de Service Application Managée prise séparément":
    // line 3 = 2 APP-MGD (760.00), line 4 = 1 APP-MGD (380.00). 1 117 min
    // down on each -> gap > 2 points -> 10 %: 76.00 and 38.00.
    let mut quote = with_line("APP-MGD", 2, true);
    add(&mut quote, "APP-MGD", 1, true);
    let app3 = ManagedFunction::Application(LineId(3));
    let app4 = ManagedFunction::Application(LineId(4));
    let mut m = march();
    m.functions.push(outage(1, app3, "1117"));
    m.functions.push(outage(2, app4, "1117"));
    let r = run_with(&quote, &m);
    assert_eq!(r.functions[0].base, money("760.00"));
    assert_eq!(r.functions[0].credit, money("76.00"));
    assert_eq!(r.functions[1].credit, money("38.00"));
    assert_eq!(app3.to_string(), "application:3");
    // Line 1 is an OS line: "application:1" is no function of the quote.
    let mut m = march();
    m.functions
        .push(outage(5, ManagedFunction::Application(OS), "10"));
    let e = simulate(&quote, &priced(&quote), ServiceLevels::builtin(), &m).unwrap_err();
    assert_eq!(e.location(), SlaLocation::Function(5));
    assert!(e
        .message(cloudquote::engine::lang::Lang::En)
        .contains("Managed application (line #1)"));
}

#[test]
fn log_as_a_service_is_a_function_apart_from_big_data() {
    // §10 lists Big Data and Log as a Service apart; LOGAAS is a Big Data
    // item of the book that names its own function. 1 117 min -> 10 % of
    // 310.00 = 31.00.
    let mut quote = with_line("BIGDATA-NODE", 2, true);
    add(&mut quote, "LOGAAS", 1, true);
    let listed = managed_functions(&priced(&quote), &march()).expect("lists");
    let names: Vec<String> = listed.iter().map(|f| f.function.to_string()).collect();
    assert_eq!(names, ["os", "kubernetes", "big_data", "log_as_a_service"]);
    let mut m = march();
    let laas = ManagedFunction::All(FunctionGroup::LogAsAService);
    m.functions.push(outage(1, laas, "1117"));
    assert_eq!(run_with(&quote, &m).functions[0].credit, money("31.00"));
}

#[test]
fn security_devices_and_supervision_are_no_managed_function() {
    // SPEC §14: no GTD for security devices nor business-application
    // supervision; they remain production units of the GTR base (§8.5.3):
    // 2 150.00 + 2 SEC-FW 520.00 + 3 SUP-SRC-STD 255.00 = 2 925.00.
    let mut quote = with_line("SEC-FW", 2, true);
    add(&mut quote, "SUP-SRC-STD", 3, false);
    let p = priced(&quote);
    let listed = managed_functions(&p, &march()).expect("lists");
    assert_eq!(listed.len(), 2);
    let g = function_guarantees(&quote, &p, ServiceLevels::builtin());
    assert_eq!(g.outside_functions, [LineId(3), LineId(4)]);
    assert!(g.not_managed.is_empty(), "supervision needs no build");
    assert_eq!(
        run_with(&quote, &march()).restoration.base,
        money("2925.00")
    );
}

#[test]
fn a_no_build_unit_not_onboarded_is_in_no_guarantee_base() {
    // §4.1 "la ressource n'est pas managée" (SPEC §14): line 3 = 5 OS-MGD
    // quoted No Build, not onboarded. Still billed (cap base 3 050.00 +
    // 600.00 = 3 650.00, cap 547.50), but out of the "os" base (224 min ->
    // 2 % of 1 200.00 = 24.00, not 36.00) and of the GTR base (2 150.00).
    let quote = with_line("OS-MGD", 5, false);
    let p = priced(&quote);
    assert!(p.lines[2].unmanaged);
    let mut m = march();
    m.functions.push(outage(1, OS_FN, "224"));
    let mut i = incident(7, Priority::P1, "12");
    i.line = Some(LineId(3));
    m.incidents.push(i);
    let r = simulate(&quote, &p, ServiceLevels::builtin(), &m).expect("simulates");
    assert_eq!(r.functions[0].units, [OS]);
    assert_eq!(r.functions[0].credit, money("24.00"));
    assert_eq!(r.restoration.base, money("2150.00"));
    assert_eq!(r.incidents[0].exemption, Some(Exemption::NotManaged));
    assert_eq!(r.restoration.resolved, 0);
    assert_eq!((r.cap_base, r.cap), (money("3650.00"), money("547.50")));
    let g = function_guarantees(&quote, &p, ServiceLevels::builtin());
    assert_eq!(g.not_managed, [LineId(3)]);
    assert_eq!(g.functions[0].units, [OS]);
    assert_eq!(g.functions[0].not_managed, [LineId(3)]);
}

#[test]
fn a_built_unit_is_managed_without_being_onboarded() {
    // §4.1: Backend Build takes line 3 into management: 2 % of 1 800.00.
    let mut quote = with_line("OS-MGD", 5, false);
    quote.line_mut(LineId(3)).expect("line 3").build = BuildModel::Backend;
    let mut m = march();
    m.functions.push(outage(1, OS_FN, "224"));
    assert_eq!(run_with(&quote, &m).functions[0].credit, money("36.00"));
}

#[test]
fn a_function_of_no_build_units_only_has_no_guarantee() {
    // §4.1: the Kubernetes cluster is not onboarded: 45 min earn nothing,
    // and the guarantees table gives the function no availability.
    let mut quote = workload(ManagementModel::FullyManaged);
    quote.line_mut(K8S).expect("k8s").onboarded = false;
    let mut m = march();
    m.functions.push(outage(1, K8S_FN, "45"));
    let r = run_with(&quote, &m);
    assert_eq!(r.functions[0].exemption, Some(Exemption::NotManaged));
    assert_eq!(r.functions[0].credit, Money::ZERO);
    let g = function_guarantees(&quote, &priced(&quote), ServiceLevels::builtin());
    let avail: Vec<_> = g.functions.iter().map(|f| f.availability).collect();
    assert_eq!(avail, [Some(dec("99.5")), None]);
}

#[test]
fn a_late_incident_on_any_unit_of_a_function_settles_higher_of() {
    // §8.4.10 per function: "os" = lines 1 and 3 (1 800.00), 700 min down ->
    // availability 98.4319, gap 1.0681 -> 5 % = 90.00; one late P1 (12 h >
    // 8 h) on line 3 -> GTR 1 / 5 = 20 % -> 2 % of 2 750.00 = 55.00. Keeping
    // the GTD (90.00) beats keeping the GTR (55.00).
    let quote = with_line("OS-MGD", 5, true);
    let mut m = march();
    m.functions.push(outage(1, OS_FN, "700"));
    let mut i = incident(7, Priority::P1, "12");
    i.line = Some(LineId(3));
    m.incidents.push(i);
    let r = run_with(&quote, &m);
    let h = r.higher_of.expect("higher-of applied");
    assert_eq!((h.functions, h.incidents), (vec![1], vec![7]));
    assert_eq!(
        (h.keeping_gtd, h.keeping_gtr),
        (money("90.00"), money("55.00"))
    );
    assert!(h.kept_gtd);
    assert_eq!(r.total, money("90.00"));
}

#[test]
fn allowed_downtime_per_thirty_day_month_and_year() {
    let a = allowed_downtime(dec("99.5")).expect("valid");
    assert_eq!(a.per_month, dec("216"));
    assert_eq!(a.per_year, dec("2628"));
    let fr = cloudquote::engine::lang::Lang::Fr;
    assert_eq!(format_minutes(a.per_month, fr), "3 h 36 min");
    assert_eq!(format_minutes(a.per_year, fr), "1 j 19 h 48 min");
    let k = allowed_downtime(dec("99.9")).expect("valid");
    assert_eq!(format_minutes(k.per_month, fr), "43 min 12 s");
    assert_eq!(
        allowed_downtime(dec("98.5")).expect("valid").per_month,
        dec("648")
    );
    assert!(allowed_downtime(dec("100.1")).is_err());
    assert!(allowed_downtime(dec("-1")).is_err());
}

#[test]
fn deadlines_count_only_covered_hours() {
    let t = ServiceLevels::builtin();
    // P1 production Standard: 8 h round the clock.
    let (_, due) = deadline(
        t,
        DeadlineOf::Incident(Priority::P1),
        SupportLevel::Standard,
        true,
        at(2027, 5, 7, 17, 0),
    )
    .expect("ok")
    .expect("commitment");
    assert_eq!(due, at(2027, 5, 8, 1, 0));
    // P3 production Standard: 48 business hours from Friday 7 May 2027 17:00:
    // 1 h that day, Mon 10 to Fri 14 (45 h), Mon 17 May is Whit Monday, so
    // the last 2 h fall on Tuesday 18 May, 11:00.
    let (_, due) = deadline(
        t,
        DeadlineOf::Incident(Priority::P3),
        SupportLevel::Standard,
        true,
        at(2027, 5, 7, 17, 0),
    )
    .expect("ok")
    .expect("commitment");
    assert_eq!(due, at(2027, 5, 18, 11, 0));
    // A simple change at Premium (8 business hours) asked Friday 7 May 2027
    // at 15:00: 3 h Friday, 5 h Monday -> Monday 10 May 14:00.
    let (_, due) = deadline(
        t,
        DeadlineOf::Change(ChangeKind::Simple),
        SupportLevel::Premium,
        true,
        at(2027, 5, 7, 15, 0),
    )
    .expect("ok")
    .expect("commitment");
    assert_eq!(due, at(2027, 5, 10, 14, 0));
    // A quotation in 5 business days at Standard.
    let (_, due) = deadline(
        t,
        DeadlineOf::Quotation,
        SupportLevel::Standard,
        true,
        at(2027, 5, 7, 10, 0),
    )
    .expect("ok")
    .expect("commitment");
    assert_eq!(due, at(2027, 5, 14, 10, 0));
    // No commitment: P2 at Initial.
    assert_eq!(
        deadline(
            t,
            DeadlineOf::Incident(Priority::P2),
            SupportLevel::Initial,
            true,
            at(2027, 5, 7, 10, 0)
        ),
        Ok(None)
    );
}

#[test]
fn seed_003_catalogue_loads_with_its_response_times() {
    let c = SupportCatalogue::seed_003().expect("loads");
    let keys: Vec<&str> = c.offers.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(keys, ["premium", "business", "developer"]);
    let fr = cloudquote::engine::lang::Lang::Fr;
    let text = |offer: usize, p: Priority| {
        c.response(&c.offers[offer], p)
            .map(|r| r.describe(&c.business_hours, fr))
    };
    assert_eq!(text(0, Priority::P1).as_deref(), Some("1 h 24h/24 7j/7"));
    assert_eq!(
        text(1, Priority::P1).as_deref(),
        Some("4 h ouvrées (9h–19h)")
    );
    assert_eq!(
        text(2, Priority::P2).as_deref(),
        Some("2 jours ouvrés (9h–19h)")
    );
    assert_eq!(
        text(2, Priority::P1).as_deref(),
        Some("Pas d'incident éligible")
    );
    assert!(SupportCatalogue::from_json("{}").is_err());
}

/// `PROPTEST_CASES` when set (the long runs of `make proptest-long`), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    // 64 by default (each case prices a quote); PROPTEST_CASES raises it.
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    /// §8.4.9: whatever happens in the month, the credit is between zero and
    /// the cap, and is the subtotal unless the cap binds.
    #[test]
    fn credits_never_exceed_the_cap(
        os_minutes in 0u32..44_640,
        k8s_minutes in 0u32..44_640,
        incidents in proptest::collection::vec((0usize..4, 0u32..200, any::<bool>()), 0..12),
        changes in proptest::collection::vec((1u32..5, any::<bool>(), 0u32..100), 0..6),
        co in any::<bool>(),
    ) {
        let model = if co { ManagementModel::CoManaged } else { ManagementModel::FullyManaged };
        let quote = workload(model);
        let mut m = march();
        m.functions.push(outage(1, OS_FN, &os_minutes.to_string()));
        m.functions.push(outage(2, K8S_FN, &k8s_minutes.to_string()));
        for (n, (p, hours, linked)) in incidents.into_iter().enumerate() {
            let mut i = incident(n as u32 + 1, Priority::ALL[p], &hours.to_string());
            if linked { i.line = Some(K8S); }
            m.incidents.push(i);
        }
        for (n, (tokens, accelerated, hours)) in changes.into_iter().enumerate() {
            m.changes.push(change(n as u32 + 1, tokens, accelerated, &hours.to_string()));
        }
        let r = run_with(&quote, &m);
        prop_assert!(r.total >= Money::ZERO);
        prop_assert!(r.total <= r.cap);
        prop_assert_eq!(r.total, if r.capped { r.cap } else { r.subtotal });
        prop_assert_eq!(
            r.subtotal,
            r.availability_total.checked_add(r.restoration_total).unwrap().checked_add(r.change_total).unwrap()
        );
    }

    /// §8.5.2: more downtime never earns a smaller availability credit.
    #[test]
    fn more_downtime_never_earns_less(a in 0u32..44_640, b in 0u32..44_640) {
        let (low, high) = (a.min(b), a.max(b));
        prop_assert!(gtd_credit(&low.to_string(), OS_FN) <= gtd_credit(&high.to_string(), OS_FN));
    }
}
