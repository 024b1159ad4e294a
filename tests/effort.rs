//! SPEC §15: what Co-Managed really saves. Prices by management model (an
//! item's own price, the book's percentage, none) and the client's own
//! effort from the RACI (R alone, R with the provider, a custom activity, a
//! third party R), and the comparison that sets them side by side.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cloudquote::engine::document::client_effort::EffortEstimate;
use cloudquote::engine::document::model_prices::PriceBasis;
use cloudquote::engine::document::model_terms::{ModelAdjustment, ModelPrice};
use cloudquote::engine::document::pricebook::{PriceBook, PriceBooks};
use cloudquote::engine::document::quote::{ManagementModel, Quote};
use cloudquote::engine::document::raci::{Letters, Party};
use cloudquote::engine::document::scenario::default_scenarios;
use cloudquote::engine::money::{Money, Quantity};
use cloudquote::engine::pricing::price;
use cloudquote::engine::responsibilities::effort::client_effort;
use cloudquote::engine::scenarios::comparison::{compare, Figure};
use rust_decimal::Decimal;

fn dec(text: &str) -> Decimal {
    text.parse().expect("decimal")
}

fn money(text: &str) -> Money {
    Money::from_file_text(text).expect("money")
}

fn book() -> PriceBook {
    PriceBook::builtin().expect("the built-in book")
}

/// 4 managed servers (os) and 2 databases, 12 months, every default
/// estimate set to zero so that only the activities a test sets count.
fn quote(model: ManagementModel) -> Quote {
    let mut q = Quote::new(NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"));
    q.commitment_months = 12;
    q.model = model;
    let os = q.add_line("OS-MGD");
    q.set_quantity(os, Quantity::from_whole(4));
    let db = q.add_line("DB-MGD");
    q.set_quantity(db, Quantity::from_whole(2));
    let report = client_effort(&q, &book()).expect("effort");
    for row in report.rows {
        q.client_effort.set(
            EffortEstimate {
                activity: row.id,
                fixed_hours: Decimal::ZERO,
                per_unit_hours: Decimal::ZERO,
            },
            None,
        );
    }
    q
}

fn estimate(q: &mut Quote, activity: &str, fixed: &str, per_unit: &str) {
    q.client_effort.set(
        EffortEstimate {
            activity: activity.into(),
            fixed_hours: dec(fixed),
            per_unit_hours: dec(per_unit),
        },
        None,
    );
}

/// The cells of `activity` under the quote's model, every party given.
fn cells(q: &mut Quote, activity: &str, client: &str, provider: &str, third: &str) {
    let model = q.model;
    for (party, letters) in [
        (Party::Client, client),
        (Party::Provider, provider),
        (Party::ThirdParty, third),
    ] {
        let letters = Letters::parse(letters).expect("letters");
        q.raci.set(model, activity, party, letters, None);
    }
}

#[test]
fn the_client_alone_r_carries_the_whole_activity() {
    let mut q = quote(ManagementModel::CoManaged);
    // patching_system counts os and database units: 4 + 2 = 6.
    estimate(&mut q, "patching_system", "2", "0.5");
    cells(&mut q, "patching_system", "RA", "C", "");
    let r = client_effort(&q, &book()).expect("effort");
    let row = r.rows.iter().find(|r| r.id == "patching_system").unwrap();
    assert_eq!(row.units, dec("6"));
    assert_eq!(row.hours, dec("5"));
    assert_eq!(row.client_share, Decimal::ONE);
    assert_eq!(row.responsible, vec![Party::Client]);
    assert_eq!(r.client_hours_per_month, dec("5"));
    assert_eq!(r.client_hours_total, dec("60"));
    // 60 h / 7 h a day x 600 € = 5,142.857… → 5,142.86.
    assert_eq!(r.cost, money("5142.86"));
}

#[test]
fn r_for_both_parties_gives_the_client_half() {
    let mut q = quote(ManagementModel::CoManaged);
    estimate(&mut q, "patching_system", "2", "0.5");
    cells(&mut q, "patching_system", "RA", "R", "");
    let r = client_effort(&q, &book()).expect("effort");
    let row = r.rows.iter().find(|r| r.id == "patching_system").unwrap();
    assert_eq!(row.client_share, dec("0.5"));
    assert_eq!(row.client_hours, dec("2.5"));
    assert_eq!(r.client_hours_total, dec("30"));
    assert_eq!(r.cost, money("2571.43"));
}

#[test]
fn the_provider_alone_r_costs_the_client_nothing() {
    let mut q = quote(ManagementModel::FullyManaged);
    estimate(&mut q, "patching_system", "2", "0.5");
    cells(&mut q, "patching_system", "C", "RA", "");
    let r = client_effort(&q, &book()).expect("effort");
    assert_eq!(r.client_hours_per_month, Decimal::ZERO);
    assert_eq!(r.cost, Money::ZERO);
}

#[test]
fn a_custom_activity_counts_every_monthly_run_unit() {
    let mut q = quote(ManagementModel::CoManaged);
    let id = q.raci.add_custom("Formation des équipes").expect("added");
    estimate(&mut q, &id, "3", "0.25");
    cells(&mut q, &id, "R", "A", "");
    let r = client_effort(&q, &book()).expect("effort");
    let row = r.rows.iter().find(|r| r.id == id).expect("the custom row");
    assert!(row.families.is_empty());
    assert!(row.reason.is_none());
    assert_eq!(row.units, dec("6"));
    assert_eq!(row.hours, dec("4.5"));
    assert_eq!(r.client_hours_per_month, dec("4.5"));
    // 54 h / 7 x 600 = 4,628.571… → 4,628.57.
    assert_eq!(r.cost, money("4628.57"));
}

#[test]
fn a_third_party_r_shares_equally_among_the_parties_r() {
    let mut q = quote(ManagementModel::CoManaged);
    q.raci.third_party = true;
    estimate(&mut q, "patching_system", "3", "0");
    cells(&mut q, "patching_system", "RA", "R", "R");
    let r = client_effort(&q, &book()).expect("effort");
    let row = r.rows.iter().find(|r| r.id == "patching_system").unwrap();
    assert_eq!(row.responsible.len(), 3);
    assert_eq!(row.client_hours, Decimal::ONE);
    // The client not R while the third party is: nothing for the client.
    cells(&mut q, "patching_system", "A", "R", "R");
    let r = client_effort(&q, &book()).expect("effort");
    assert_eq!(r.client_hours_per_month, Decimal::ZERO);
}

#[test]
fn the_sum_is_over_every_activity_and_the_day_rate_values_it() {
    let mut q = quote(ManagementModel::CoManaged);
    estimate(&mut q, "patching_system", "2", "0.5"); // 5 h, client alone
    cells(&mut q, "patching_system", "RA", "C", "");
    estimate(&mut q, "dev_tests", "10", "0"); // 10 h, shared: 5
    cells(&mut q, "dev_tests", "RA", "R", "");
    q.client_effort.day_rate = money("700");
    let r = client_effort(&q, &book()).expect("effort");
    assert_eq!(r.client_hours_per_month, dec("10"));
    // 120 h / 7 x 700 = 12,000.00.
    assert_eq!(r.cost, money("12000.00"));
}

#[test]
fn every_default_estimate_has_a_reason() {
    let q = Quote::new(NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"));
    let r = client_effort(&q, &book()).expect("effort");
    assert_eq!(r.rows.len(), 25);
    for row in &r.rows {
        let reason = row.reason.as_ref().expect("a reason");
        assert!(!reason.fr.is_empty() && !reason.en.is_empty(), "{}", row.id);
        assert!(!row.edited);
    }
}

#[test]
fn co_managed_leaves_more_to_the_client_than_fully_managed() {
    let mut q = Quote::new(NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"));
    let os = q.add_line("OS-MGD");
    q.set_quantity(os, Quantity::from_whole(10));
    let fully = client_effort(&q, &book()).expect("effort");
    q.model = ManagementModel::CoManaged;
    let co = client_effort(&q, &book()).expect("effort");
    assert!(co.client_hours_per_month > fully.client_hours_per_month);
    let moved: Vec<&str> = co
        .moved_from(&fully)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(moved.contains(&"patching_application"), "{moved:?}");
}

// --- Prices by model -------------------------------------------------------

#[test]
fn an_items_own_price_under_a_model_comes_first() {
    let mut b = book();
    let item = b.items.iter_mut().find(|i| i.code == "OS-MGD").unwrap();
    item.model_prices.push(ModelPrice {
        model: ManagementModel::CoManaged,
        price: money("99.00"),
    });
    let item = b.item("OS-MGD").unwrap().clone();
    assert_eq!(
        b.price_under(&item, ManagementModel::CoManaged).unwrap(),
        (money("99.00"), PriceBasis::ItemPrice)
    );
    assert_eq!(
        b.price_under(&item, ManagementModel::FullyManaged).unwrap(),
        (item.price, PriceBasis::Same)
    );
}

#[test]
fn the_books_percentage_applies_to_its_families_only() {
    let b = book();
    let os = b.item("OS-MGD").unwrap();
    let (p, basis) = b.price_under(os, ManagementModel::CoManaged).unwrap();
    assert_eq!(
        basis,
        PriceBasis::BookPercent {
            percent: dec("-15")
        }
    );
    assert_eq!(
        p.as_decimal(),
        os.price.as_decimal() * dec("0.85"),
        "exact, the line rounds"
    );
    // A family the book names no percentage for: the same price.
    let other = b
        .items
        .iter()
        .find(|i| {
            b.model_percent(ManagementModel::CoManaged, i.family)
                .is_none()
        })
        .expect("an item of a family without a percentage");
    assert_eq!(
        b.price_under(other, ManagementModel::CoManaged).unwrap(),
        (other.price, PriceBasis::Same)
    );
}

#[test]
fn without_either_the_model_does_not_change_the_price() {
    let mut b = book();
    b.model_adjustments.clear();
    let os = b.item("OS-MGD").unwrap();
    for model in ManagementModel::ALL {
        assert_eq!(
            b.price_under(os, model).unwrap(),
            (os.price, PriceBasis::Same)
        );
    }
    // A book-wide percentage (no family named) applies to every family.
    b.model_adjustments.push(ModelAdjustment {
        model: ManagementModel::CoManaged,
        families: vec![],
        percent: dec("10"),
    });
    let os = b.item("OS-MGD").unwrap();
    let (p, _) = b.price_under(os, ManagementModel::CoManaged).unwrap();
    assert_eq!(p.as_decimal(), os.price.as_decimal() * dec("1.1"));
}

#[test]
fn a_priced_co_managed_line_carries_its_model_price() {
    let books = PriceBooks::builtin().unwrap();
    let mut q = quote(ManagementModel::CoManaged);
    q.access_fee_waived = true;
    let priced = price(&q, &books).unwrap();
    let os = priced.lines.iter().find(|l| l.item == "OS-MGD").unwrap();
    let list = book().item("OS-MGD").unwrap().price;
    assert_eq!(os.list_price.as_decimal(), list.as_decimal() * dec("0.85"));
    assert!(matches!(os.price_basis, PriceBasis::BookPercent { .. }));
    q.model = ManagementModel::FullyManaged;
    let priced = price(&q, &books).unwrap();
    let os = priced.lines.iter().find(|l| l.item == "OS-MGD").unwrap();
    assert_eq!(os.list_price, list);
    assert_eq!(os.price_basis, PriceBasis::Same);
}

// --- The comparison --------------------------------------------------------

#[test]
fn each_scenarios_figures_equal_it_priced_alone_and_effort_stays_out() {
    let books = PriceBooks::builtin().unwrap();
    let b = book();
    let mut q = Quote::new(NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"));
    let os = q.add_line("OS-MGD");
    q.set_quantity(os, Quantity::from_whole(10));
    let exp = q.add_line("DEVOPS-EXP");
    q.set_quantity(exp, Quantity::from_whole(5));
    let c = compare(&q, &books, &b, &default_scenarios());
    let total = c.row(Figure::Total).unwrap();
    let effort = c.row(Figure::ClientEffort).unwrap();
    let all_in = c.row(Figure::AllIn).unwrap();
    for (i, o) in c.outcomes.iter().enumerate() {
        let alone = q.with_scenario(&o.scenario);
        let priced = price(&alone, &books).unwrap();
        let own_effort = client_effort(&alone, &b).unwrap();
        assert_eq!(total.amounts[i], Some(priced.commitment_total));
        assert_eq!(effort.amounts[i], Some(own_effort.cost));
        assert_eq!(
            all_in.amounts[i],
            Some(
                priced
                    .commitment_total
                    .checked_add(own_effort.cost)
                    .unwrap()
            )
        );
        assert_eq!(o.effort.as_ref(), Some(&own_effort));
    }
    // Co-Managed: the provider cheaper, the client busier.
    assert!(total.amounts[1] < total.amounts[0]);
    assert!(effort.amounts[1] > effort.amounts[0]);

    // The effort is in no priced total: a different day rate and estimate
    // leave the price exactly as it was.
    let mut busier = q.clone();
    busier.client_effort.day_rate = money("2000");
    estimate(&mut busier, "dev_tests", "500", "3");
    assert_eq!(price(&busier, &books), price(&q, &books));
    let c2 = compare(&busier, &books, &b, &default_scenarios());
    assert_eq!(c2.row(Figure::Total), c.row(Figure::Total));
    assert_ne!(c2.row(Figure::ClientEffort), c.row(Figure::ClientEffort));
}

#[test]
fn the_editor_sets_and_removes_a_family_percentage_and_an_item_price() {
    let mut b = book();
    let os = b.item("OS-MGD").unwrap().clone();
    b.set_model_percent(ManagementModel::CoManaged, os.family, Some(dec("-20")));
    assert_eq!(
        b.model_percent(ManagementModel::CoManaged, os.family),
        Some(dec("-20"))
    );
    // The other families keep their -15 %.
    let db = b.item("DB-MGD").unwrap().family;
    assert_eq!(
        b.model_percent(ManagementModel::CoManaged, db),
        Some(dec("-15"))
    );
    b.set_model_percent(ManagementModel::CoManaged, os.family, None);
    assert_eq!(b.model_percent(ManagementModel::CoManaged, os.family), None);
    b.set_model_percent(ManagementModel::CoManaged, os.family, Some(dec("-15")));
    assert_eq!(b.model_adjustments.len(), 1, "back into the -15 % entry");
    let mut item = os;
    item.set_model_price(ManagementModel::FullDevOps, Some(money("10.00")));
    item.set_model_price(ManagementModel::FullDevOps, Some(money("12.00")));
    assert_eq!(item.model_prices.len(), 1);
    item.set_model_price(ManagementModel::FullDevOps, None);
    assert!(item.model_prices.is_empty());
}
