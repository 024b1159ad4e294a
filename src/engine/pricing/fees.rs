//! The price book's own fees (§9.2): the one-time access fee at signature,
//! and the monthly billing minimum that a "minimum billing complement" tops
//! each month's subscriptions up to.

use chrono::NaiveDate;

use super::category::Category;
use super::issues::{Location, PricingError};
use super::ledger::{overflow, text, Invoice, Ledger};
use crate::engine::money::Money;

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

/// §9.2: the monthly billing minimum, month by month: the floor each month
/// is topped up to (pro rata in a partial month, zero before run start and
/// under Full DevOps), the subscriptions counted against it, and the
/// complement billed. Finance recomputes the complement after revision.
pub(super) struct MinimumBilling {
    pub minimum: Vec<Money>,
    pub subscribed: Vec<Money>,
    pub complement: Vec<Money>,
}

/// §9.2: the monthly billing minimum, from run start, pro rata in a partial
/// month: the complement billed in each month, zero when the subscriptions
/// reach the minimum. Called once every recurring charge is booked.
pub(super) fn minimum_complement(
    l: &mut Ledger,
    run_start: NaiveDate,
) -> Result<MinimumBilling, PricingError> {
    l.flush_recurring()?;
    let totals = overflow(Location::Totals);
    let mut complements = vec![Money::ZERO; l.months.len()];
    // §2: no minimum under Full DevOps.
    let monthly_minimum = if l.full_devops {
        Money::ZERO
    } else {
        l.book.monthly_minimum
    };
    let minimums = l
        .calendar
        .amounts(monthly_minimum, run_start, l.end)
        .map_err(&totals)?;
    let mut subscribed_months = Vec::with_capacity(l.months.len());
    for (i, minimum) in minimums.iter().copied().enumerate() {
        let subscribed = Money::checked_sum(
            l.monthly[i]
                .iter()
                .filter(|(c, _)| c.counts_towards_minimum())
                .map(|(_, m)| *m),
        )
        .map_err(&totals)?;
        subscribed_months.push(subscribed);
        if !minimum.is_zero() && subscribed < minimum {
            let complement = minimum.checked_sub(subscribed).map_err(&totals)?;
            complements[i] = complement;
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
        }
    }
    Ok(MinimumBilling {
        minimum: minimums,
        subscribed: subscribed_months,
        complement: complements,
    })
}
