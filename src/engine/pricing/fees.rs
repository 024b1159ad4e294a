//! The price book's own fees (§9.2): the one-time access fee at signature,
//! and the monthly billing minimum, read as the book says (SPEC §14): a
//! floor that a "minimum billing complement" tops each month up to, or a
//! base fee billed every run month that the units are added to.

use chrono::NaiveDate;
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError};
use super::ledger::{overflow, text, Invoice, Ledger};
use crate::engine::document::pricebook::MinimumMode;
use crate::engine::money::Money;

/// §9.2: the monthly billing minimum of the book in force at signature, as
/// priced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedMinimum {
    /// SPEC §14: the reading of §9.2 the book uses; the proposal states it.
    pub mode: MinimumMode,
    /// The minimum for a whole month (zero under Full DevOps, §2).
    pub monthly: Money,
    /// The minimum of each month of the contract: from the run start, pro
    /// rata in a partial month (§7), zero before. Under `floor` the month is
    /// topped up to it (`PricedQuote::minimum_complement`); under `base_fee`
    /// it is what the month bills as the minimum fee.
    pub months: Vec<Money>,
}

/// §9.2: the access fee, once, at signature; §2: none under Full DevOps,
/// which subscribes no managed service.
pub(super) fn access_fee(l: &mut Ledger) -> Result<Money, PricingError> {
    let fee = if l.quote.access_fee_waived || l.full_devops {
        Money::ZERO
    } else {
        l.book.access_fee
    };
    l.one_off(
        l.start,
        Category::AccessFee,
        text("Frais d'accès au service", "Service access fee"),
        fee,
        Location::Totals,
    )?;
    Ok(fee)
}

/// §9.2: the monthly billing minimum, month by month, and the
/// subscriptions counted against it; finance recomputes the complement
/// after revision from them (under `floor` only).
pub(super) struct MinimumBilling {
    pub minimum: PricedMinimum,
    /// Each month's subscriptions counted against the minimum.
    pub subscribed: Vec<Money>,
    /// The complement billed in each month (always zero under `base_fee`).
    pub complement: Vec<Money>,
}

/// §9.2: the monthly billing minimum, from run start, pro rata in a partial
/// month. Under `floor`, the complement billed in each month, zero when the
/// subscriptions reach the minimum; under `base_fee`, the minimum itself is
/// billed every month and no complement. Called once every other recurring
/// charge is booked.
pub(super) fn minimum(
    l: &mut Ledger,
    run_start: NaiveDate,
) -> Result<MinimumBilling, PricingError> {
    let totals = overflow(Location::Totals);
    let mode = l.book.monthly_minimum_mode;
    // §2: no minimum under Full DevOps.
    let monthly = if l.full_devops {
        Money::ZERO
    } else {
        l.book.monthly_minimum
    };
    let months = l
        .calendar
        .amounts(monthly, run_start, l.end)
        .map_err(&totals)?;
    let mut complements = vec![Money::ZERO; l.months.len()];
    match mode {
        // §9.2 "auxquels s'ajoute le prix des Unités de Service": a fee.
        MinimumMode::BaseFee => {
            l.recurring(
                run_start,
                l.end,
                monthly,
                Category::MinimumFee,
                Location::Totals,
            )?;
            l.flush_recurring()?;
        }
        // §9.2 "minimum de facturation mensuel": a floor.
        MinimumMode::Floor => {
            l.flush_recurring()?;
            for (i, minimum) in months.iter().enumerate() {
                complements[i] = complement(l, i, *minimum, run_start)?;
            }
        }
    }
    let subscribed = (0..l.months.len())
        .map(|i| subscribed(l, i))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(MinimumBilling {
        minimum: PricedMinimum {
            mode,
            monthly,
            months,
        },
        subscribed,
        complement: complements,
    })
}

/// The subscriptions of month `i` counted against the minimum (§9.2).
fn subscribed(l: &Ledger, i: usize) -> Result<Money, PricingError> {
    Money::checked_sum(
        l.monthly[i]
            .iter()
            .filter(|(c, _)| c.counts_towards_minimum())
            .map(|(_, m)| *m),
    )
    .map_err(overflow(Location::Totals))
}

/// §9.2 (floor): what tops month `i` up to `minimum`, booked and scheduled.
fn complement(
    l: &mut Ledger,
    i: usize,
    minimum: Money,
    run_start: NaiveDate,
) -> Result<Money, PricingError> {
    if minimum.is_zero() {
        return Ok(Money::ZERO);
    }
    let subscribed = subscribed(l, i)?;
    if subscribed >= minimum {
        return Ok(Money::ZERO);
    }
    let complement = minimum
        .checked_sub(subscribed)
        .map_err(overflow(Location::Totals))?;
    *l.monthly[i].entry(Category::MinimumComplement).or_default() = complement;
    l.schedule.push(Invoice {
        date: l.months[i].max(run_start),
        category: Category::MinimumComplement,
        label: text(
            "Complément minimum de facturation mensuel",
            "Monthly billing minimum complement",
        ),
        amount: complement,
    });
    Ok(complement)
}
