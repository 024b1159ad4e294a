//! Exact tables and invariants of the pricing function (§7, §9.1, §9.5, §2).
#![cfg(not(target_arch = "wasm32"))]

use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricebook::PriceBook;
use cloudquote::engine::pricing::{price, LineIssue, Location, PricingError};
use cloudquote::engine::quote::{ManagementModel, Quote};
use cloudquote::engine::support::{EnvironmentKind, SupportChain, SupportLevel};
use proptest::prelude::*;

fn book() -> PriceBook {
    PriceBook::builtin().expect("built-in price book")
}

fn q(text: &str) -> Quantity {
    Quantity::parse(text).expect("test quantity")
}

fn money(text: &str) -> Money {
    Money::parse(text).expect("test amount")
}

/// A quote with no environment, so that only its lines count.
fn bare_quote(lines: &[(&str, &str)]) -> Quote {
    let mut quote = Quote {
        environments: Vec::new(),
        ..Quote::default()
    };
    for (item, quantity) in lines {
        let id = quote.add_line(item);
        quote.set_quantity(id, q(quantity));
    }
    quote
}

#[test]
fn lines_and_totals_match_hand_computed_amounts() {
    // §7: each line is rounded, totals are sums of rounded lines.
    // OS-MGD 120.00, DB-MGD 220.00, EXCH-MBX 4.50, ACCESS-FEE 2500.00, ARCHI 1350.00 (one-time).
    // (lines, monthly recurring, one-time, months, total over the commitment)
    type Row<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str, u32, &'a str);
    let table: &[Row] = &[
        (&[("OS-MGD", "3")], "360.00", "0.00", 12, "4320.00"),
        (
            &[("OS-MGD", "3"), ("DB-MGD", "1")],
            "580.00",
            "0.00",
            36,
            "20880.00",
        ),
        (&[("EXCH-MBX", "333")], "1498.50", "0.00", 24, "35964.00"),
        (
            &[("ACCESS-FEE", "1"), ("OS-MGD", "2")],
            "240.00",
            "2500.00",
            12,
            "5380.00",
        ),
        (
            &[("ARCHI", "2.5"), ("OS-MGD", "0")],
            "0.00",
            "3375.00",
            60,
            "3375.00",
        ),
        (&[], "0.00", "0.00", 12, "0.00"),
    ];
    for (lines, monthly, one_time, months, total) in table {
        let mut quote = bare_quote(lines);
        quote.commitment_months = *months;
        let priced = price(&quote, &book()).expect("prices");
        assert_eq!(priced.monthly_recurring.to_string(), *monthly, "{lines:?}");
        assert_eq!(priced.one_time.to_string(), *one_time, "{lines:?}");
        assert_eq!(priced.commitment_total.to_string(), *total, "{lines:?}");
        assert!(priced.issues.is_empty());
    }
}

#[test]
fn a_fractional_quantity_is_rounded_once_per_line_half_away_from_zero() {
    // RDS-USER 14.00 x 0.0625 = 0.875 -> 0.88 (half away from zero).
    let quote = bare_quote(&[("RDS-USER", "0.0625"), ("RDS-USER", "0.0625")]);
    let priced = price(&quote, &book()).unwrap();
    assert_eq!(priced.lines[0].amount, money("0.88"));
    assert_eq!(
        priced.monthly_recurring,
        money("1.76"),
        "sum of rounded lines"
    );
}

#[test]
fn support_fee_is_level_times_chain_per_environment() {
    // §9.5: Standard Off-Shore 900, Premium Off-Shore 2200; Full France 1500 / 3600.
    let mut quote = bare_quote(&[]);
    quote.set_environment(EnvironmentKind::Production, Some(SupportLevel::Premium));
    quote.set_environment(EnvironmentKind::Development, Some(SupportLevel::Standard));
    let priced = price(&quote, &book()).unwrap();
    assert_eq!(priced.monthly_recurring, money("3100.00"));
    quote.support_chain = SupportChain::FullFrance;
    let priced = price(&quote, &book()).unwrap();
    assert_eq!(priced.monthly_recurring, money("5100.00"));
    assert_eq!(priced.support.len(), 2);
}

#[test]
fn a_commitment_under_twelve_months_is_refused() {
    // §9.1: the minimum duration is one year.
    for months in [0, 1, 11, 121] {
        let quote = Quote {
            commitment_months: months,
            ..Quote::default()
        };
        assert_eq!(
            price(&quote, &book()),
            Err(PricingError::CommitmentOutOfRange {
                months,
                min: 12,
                max: 120
            })
        );
    }
    for months in [12, 36, 120] {
        let quote = Quote {
            commitment_months: months,
            ..Quote::default()
        };
        assert!(price(&quote, &book()).is_ok(), "{months}");
    }
}

#[test]
fn an_unknown_item_is_reported_on_its_line_and_left_out() {
    let quote = bare_quote(&[("OS-MGD", "1"), ("NOPE", "4")]);
    let priced = price(&quote, &book()).unwrap();
    assert_eq!(priced.monthly_recurring, money("120.00"));
    let bad = quote.lines[1].id;
    assert_eq!(
        priced.issues_at(Location::Line(bad)).collect::<Vec<_>>(),
        [&LineIssue::UnknownItem {
            code: "NOPE".into()
        }]
    );
}

#[test]
fn full_devops_prices_professional_services_only() {
    // §2: Full DevOps: no managed service units, no support; expertise is sold.
    let mut quote = bare_quote(&[("OS-MGD", "2"), ("DEVOPS-EXP", "10")]);
    quote.model = ManagementModel::FullDevOps;
    quote.set_environment(EnvironmentKind::Production, Some(SupportLevel::Standard));
    let priced = price(&quote, &book()).unwrap();
    assert_eq!(priced.monthly_recurring, Money::ZERO);
    assert_eq!(priced.one_time, money("11500.00"));
    assert_eq!(priced.issues.len(), 2);
    assert!(matches!(
        priced.issues_at(Location::Line(quote.lines[0].id)).next(),
        Some(LineIssue::NotSoldUnderFullDevOps { .. })
    ));
}

#[test]
fn an_absurd_quantity_is_an_overflow_error_not_a_panic() {
    let quote = bare_quote(&[("K8S-MGD", "79228162514264337593543950")]);
    let err = price(&quote, &book()).unwrap_err();
    assert!(matches!(err, PricingError::Overflow { .. }), "{err:?}");
}

fn codes() -> Vec<String> {
    book().items.into_iter().map(|i| i.code).collect()
}

prop_compose! {
    fn arb_quote()(
        picks in prop::collection::vec((0..codes().len(), 0u32..100_000, 0u32..4), 0..30),
        months in 12u32..=120,
        chain in 0usize..3,
        envs in prop::collection::vec(prop::option::of(0usize..3), 4),
    ) -> Quote {
        let all = codes();
        let mut quote = Quote { commitment_months: months, environments: Vec::new(), ..Quote::default() };
        quote.support_chain = SupportChain::ALL[chain];
        for (kind, level) in EnvironmentKind::ALL.into_iter().zip(envs) {
            quote.set_environment(kind, level.map(|l| SupportLevel::ALL[l]));
        }
        for (item, hundredths, _) in picks {
            let id = quote.add_line(&all[item]);
            let quantity = Quantity::parse(&format!("{}.{:02}", hundredths / 100, hundredths % 100)).unwrap();
            quote.set_quantity(id, quantity);
        }
        quote
    }
}

proptest! {
    #[test]
    fn totals_are_the_sums_of_the_priced_lines(quote in arb_quote()) {
        let priced = price(&quote, &book()).unwrap();
        let monthly = Money::checked_sum(
            priced.lines.iter().filter(|l| l.charge == cloudquote::engine::catalog::Charge::Monthly).map(|l| l.amount)
                .chain(priced.support.iter().map(|s| s.monthly))).unwrap();
        prop_assert_eq!(priced.monthly_recurring, monthly);
        let expected_total = monthly.checked_mul(quote.commitment_months.into()).unwrap()
            .checked_add(priced.one_time).unwrap();
        prop_assert_eq!(priced.commitment_total, expected_total);
        for line in &priced.lines {
            prop_assert_eq!(line.amount, line.amount.round_cents());
        }
    }

    #[test]
    fn more_quantity_never_lowers_a_total(quote in arb_quote(), pick in any::<prop::sample::Index>(), extra in 1u32..1000) {
        prop_assume!(!quote.lines.is_empty());
        let before = price(&quote, &book()).unwrap();
        let mut more = quote.clone();
        let line = &quote.lines[pick.index(quote.lines.len())];
        let bigger = Quantity::parse(&(line.quantity.as_decimal() + rust_decimal::Decimal::from(extra)).to_string()).unwrap();
        more.set_quantity(line.id, bigger);
        let after = price(&more, &book()).unwrap();
        prop_assert!(after.monthly_recurring >= before.monthly_recurring);
        prop_assert!(after.one_time >= before.one_time);
        prop_assert!(after.commitment_total >= before.commitment_total);
    }

    #[test]
    fn pricing_never_panics_on_any_quantity(digits in "[0-9]{1,30}", months in 0u32..200) {
        let mut quote = bare_quote(&[]);
        quote.commitment_months = months;
        if let Ok(quantity) = Quantity::parse(&digits) {
            let id = quote.add_line("K8S-MGD");
            quote.set_quantity(id, quantity);
        }
        let _ = price(&quote, &book());
    }
}
