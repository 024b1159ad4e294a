//! SPEC §15 (001 §3): the client's own effort under a quote's matrix.
//!
//! Each activity takes, a month, a fixed number of hours plus hours per
//! managed unit of the families it concerns (`raci.json`'s illustrative
//! defaults, or the quote's edited estimates). The client carries the
//! activities where the client is R: all of it alone, half with the
//! provider (SPEC §15), and, the product's reading when a third party is R
//! too, an equal share among the parties that are R. Valued at the client's
//! day rate over the commitment; rounded to the cent once, at the end (§7).
//! An estimate, never an invoice: it is in no schedule, MRG or total.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{matrix, RaciCatalogue};
use crate::engine::document::catalog::{Charge, Family};
use crate::engine::document::pricebook::{PriceBook, Text};
use crate::engine::document::quote::Quote;
use crate::engine::document::raci::{Letter, Party};
use crate::engine::money::{Money, Overflow};

/// One activity's effort and who carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EffortRow {
    pub id: String,
    pub fr: String,
    pub en: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub fixed_hours: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub per_unit_hours: Decimal,
    /// The families whose units count (none: every monthly run family).
    pub families: Vec<Family>,
    /// The managed units the per-unit part counts.
    #[serde(with = "rust_decimal::serde::str")]
    pub units: Decimal,
    /// The activity's hours a month, whoever does it.
    #[serde(with = "rust_decimal::serde::str")]
    pub hours: Decimal,
    /// The client's share: 1 alone, 1/2 with the provider, 0 when not R.
    #[serde(with = "rust_decimal::serde::str")]
    pub client_share: Decimal,
    /// The client's hours a month on it.
    #[serde(with = "rust_decimal::serde::str")]
    pub client_hours: Decimal,
    /// The parties that are R.
    pub responsible: Vec<Party>,
    /// The estimate was edited in the quote.
    pub edited: bool,
    /// Why the default is what it is (none for a custom activity).
    pub reason: Option<Text>,
}

/// The client's effort under one quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EffortReport {
    pub rows: Vec<EffortRow>,
    /// The client's hours a month, all activities.
    #[serde(with = "rust_decimal::serde::str")]
    pub client_hours_per_month: Decimal,
    pub months: u32,
    /// Over the commitment.
    #[serde(with = "rust_decimal::serde::str")]
    pub client_hours_total: Decimal,
    pub day_rate: Money,
    #[serde(with = "rust_decimal::serde::str")]
    pub hours_per_day: Decimal,
    /// The hours valued at the day rate, to the cent.
    pub cost: Money,
}

impl EffortReport {
    /// The activities the client carries here and not (or less) in `other`.
    pub fn moved_from<'a>(&'a self, other: &EffortReport) -> Vec<&'a EffortRow> {
        self.rows
            .iter()
            .filter(|r| {
                let before = other
                    .rows
                    .iter()
                    .find(|o| o.id == r.id)
                    .map(|o| o.client_share)
                    .unwrap_or(Decimal::ZERO);
                r.client_share > before
            })
            .collect()
    }
}

/// The managed units of `families` in the quote (every monthly run unit
/// when `families` is empty), by the items of `book`.
fn units_of(quote: &Quote, book: &PriceBook, families: &[Family]) -> Result<Decimal, Overflow> {
    let mut units = Decimal::ZERO;
    for line in &quote.lines {
        let Some(item) = book.item(&line.item) else {
            continue;
        };
        let counts = if families.is_empty() {
            item.charge == Charge::Monthly
                && !matches!(
                    item.family,
                    Family::Contract | Family::Governance | Family::Consulting
                )
        } else {
            item.charge == Charge::Monthly && families.contains(&item.family)
        };
        if counts {
            units = units
                .checked_add(line.quantity.as_decimal())
                .ok_or(Overflow)?;
        }
    }
    Ok(units)
}

/// SPEC §15: the client's effort under `quote` (its model, build and RACI
/// edits), counting units with `book` (the book at signature).
pub fn client_effort(quote: &Quote, book: &PriceBook) -> Result<EffortReport, Overflow> {
    let m = matrix(quote);
    let catalogue = RaciCatalogue::builtin();
    let settings = &quote.client_effort;
    let parties = m.parties();
    let mut rows = Vec::with_capacity(m.rows.len());
    let mut per_month = Decimal::ZERO;
    for row in &m.rows {
        let default = catalogue.effort_of(&row.id);
        let edited = settings.estimate(&row.id);
        let (fixed, per_unit) = match (edited, default) {
            (Some(e), _) => (e.fixed_hours, e.per_unit_hours),
            (None, Some(d)) => (d.fixed_hours, d.per_unit_hours),
            (None, None) => (Decimal::ZERO, Decimal::ZERO),
        };
        let families = default.map(|d| d.families.clone()).unwrap_or_default();
        let units = units_of(quote, book, &families)?;
        let hours = per_unit
            .checked_mul(units)
            .and_then(|h| h.checked_add(fixed))
            .ok_or(Overflow)?;
        let responsible: Vec<Party> = parties
            .iter()
            .copied()
            .filter(|p| row.cell(*p).letters.has(Letter::R))
            .collect();
        let client_share = if responsible.contains(&Party::Client) {
            Decimal::ONE
                .checked_div(Decimal::from(responsible.len()))
                .ok_or(Overflow)?
        } else {
            Decimal::ZERO
        };
        // Divided rather than multiplied by the share, so that a third of
        // 3 h is exactly 1 h.
        let client_hours = if client_share.is_zero() {
            Decimal::ZERO
        } else {
            hours
                .checked_div(Decimal::from(responsible.len()))
                .ok_or(Overflow)?
        };
        per_month = per_month.checked_add(client_hours).ok_or(Overflow)?;
        rows.push(EffortRow {
            id: row.id.clone(),
            fr: row.fr.clone(),
            en: row.en.clone(),
            fixed_hours: fixed,
            per_unit_hours: per_unit,
            families,
            units,
            hours,
            client_share,
            client_hours,
            responsible,
            edited: edited.is_some(),
            reason: default.map(|d| d.reason.clone()),
        });
    }
    let months = quote.commitment_months;
    let total = per_month
        .checked_mul(Decimal::from(months))
        .ok_or(Overflow)?;
    let cost = if settings.hours_per_day.is_zero() {
        Money::ZERO
    } else {
        settings
            .day_rate
            .checked_mul(total.checked_div(settings.hours_per_day).ok_or(Overflow)?)?
            .round_cents()
    };
    Ok(EffortReport {
        rows,
        client_hours_per_month: per_month,
        months,
        client_hours_total: total,
        day_rate: settings.day_rate,
        hours_per_day: settings.hours_per_day,
        cost,
    })
}
