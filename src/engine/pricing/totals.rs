//! The schedule and the totals: recurring charges invoiced at the start of
//! each month, every invoice in date order, the totals per contract year and
//! over the contract, and the monthly price of what is signed.

use std::collections::{BTreeMap, HashSet};

use chrono::{Months, NaiveDate};

use super::build::PricedBuild;
use super::category::Category;
use super::fees::MinimumBilling;
use super::issues::{Location, PricingError};
use super::ledger::{overflow, Ledger};
use super::lines::PricedLine;
use super::out_of_flat_fee::out_of_flat_fee;
use super::priced::{PricedQuote, YearTotal};
use super::support::PricedSupport;
use super::tickets::PricedTickets;
use super::tokens::PricedTokens;
use crate::engine::document::catalog::Charge;
use crate::engine::document::pricebook::MinimumMode;
use crate::engine::document::quote::LineId;
use crate::engine::money::Money;

/// What the stages priced, for the totals.
pub(super) struct Stages {
    pub access_fee: Money,
    pub build: PricedBuild,
    pub run_start: NaiveDate,
    pub lines: Vec<PricedLine>,
    pub support: Vec<PricedSupport>,
    pub tickets: PricedTickets,
    pub tokens: PricedTokens,
    pub minimum: MinimumBilling,
}

/// Closes the ledger: the dated schedule, the years and the totals.
pub(super) fn close(mut l: Ledger, s: Stages) -> Result<PricedQuote, PricingError> {
    l.schedule_recurring();
    l.schedule.sort_by_key(|i| (i.date, i.category));
    let years = year_totals(&l)?;
    let totals = overflow(Location::Totals);
    let commitment_total =
        Money::checked_sum(l.schedule.iter().map(|i| i.amount)).map_err(&totals)?;
    let one_time = Money::checked_sum(
        l.schedule
            .iter()
            .filter(|i| i.category.is_one_time())
            .map(|i| i.amount),
    )
    .map_err(&totals)?;
    let recurring_total = commitment_total.checked_sub(one_time).map_err(&totals)?;
    let monthly_recurring = monthly_recurring(&l, &s)?;
    Ok(PricedQuote {
        start_date: l.start,
        end_date: l.end,
        commitment_months: l.quote.commitment_months,
        run_start: s.run_start,
        months: l.months.clone(),
        book_version: l.book.version.clone(),
        lines: s.lines,
        support: s.support,
        tickets: s.tickets,
        tokens: s.tokens,
        build: s.build,
        access_fee: s.access_fee,
        minimum: s.minimum.minimum,
        monthly_subscribed: s.minimum.subscribed,
        minimum_complement: s.minimum.complement,
        schedule: l.schedule,
        years,
        monthly_recurring,
        one_time,
        recurring_total,
        commitment_total,
        out_of_flat_fee: out_of_flat_fee(),
        issues: l.issues,
    })
}

/// The monthly price of what is signed, for a whole month: lines ordered at
/// signature, governance, support, tokens, monthly specific lines and the
/// minimum when it is a base fee (lines ordered later are left out).
fn monthly_recurring(l: &Ledger, s: &Stages) -> Result<Money, PricingError> {
    let start = l.start;
    let ordered_later: HashSet<LineId> = l
        .quote
        .lines
        .iter()
        .filter(|q| q.ordered_on.is_some_and(|o| o > start))
        .map(|q| q.id)
        .collect();
    Money::checked_sum(
        s.lines
            .iter()
            .filter(|l| l.charge == Charge::Monthly && !ordered_later.contains(&l.id))
            .map(|l| l.amount)
            .chain(s.support.iter().map(|s| s.monthly))
            .chain(std::iter::once(s.tokens.chosen.monthly_cost))
            // §9.2 (SPEC §14): a base fee is part of every month's price.
            .chain(
                (s.minimum.minimum.mode == MinimumMode::BaseFee)
                    .then_some(s.minimum.minimum.monthly),
            )
            .chain(
                l.quote
                    .specific
                    .iter()
                    .filter(|s| s.charge == Charge::Monthly)
                    .map(|s| s.amount),
            ),
    )
    .map_err(overflow(Location::Totals))
}

/// Sums the schedule per contract year (12-month periods from signature).
fn year_totals(p: &Ledger) -> Result<Vec<YearTotal>, PricingError> {
    let location = Location::Totals;
    let mut years = Vec::new();
    let mut from = p.start;
    let mut year = 1;
    while from < p.end {
        let to = from
            .checked_add_months(Months::new(12))
            .unwrap_or(p.end)
            .min(p.end);
        let mut by_category: BTreeMap<Category, Money> = BTreeMap::new();
        for invoice in p.schedule.iter().filter(|i| i.date >= from && i.date < to) {
            let slot = by_category.entry(invoice.category).or_default();
            *slot = slot
                .checked_add(invoice.amount)
                .map_err(overflow(location))?;
        }
        let one_time = Money::checked_sum(
            by_category
                .iter()
                .filter(|(c, _)| c.is_one_time())
                .map(|(_, m)| *m),
        )
        .map_err(overflow(location))?;
        let total =
            Money::checked_sum(by_category.values().copied()).map_err(overflow(location))?;
        years.push(YearTotal {
            year,
            from,
            to,
            one_time,
            recurring: total.checked_sub(one_time).map_err(overflow(location))?,
            total,
            by_category,
        });
        from = to;
        year = year.saturating_add(1);
    }
    Ok(years)
}
