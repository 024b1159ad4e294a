//! A line over time (SPEC §14 "Lines that stop or change"): the quantities
//! it is billed for from its order to its end, each period laid on the
//! months pro rata temporis where it starts or stops mid-month (§7).
//!
//! A change must fall after the line's order and before the contract's
//! end, in date order; the end after the order and the last change, no
//! later than the contract's end. A change or end that does not is flagged
//! and left out (the rest of the line is still priced). One-time lines do
//! not change over time.

use chrono::NaiveDate;
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{overflow, Ledger};
use crate::engine::document::quote::QuoteLine;
use crate::engine::money::{Money, Quantity};

/// From `from` on (to the next period), the line bills `amount` a month for
/// `quantity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuantityPeriod {
    pub from: NaiveDate,
    pub quantity: Quantity,
    /// unit price x quantity, rounded to the cent (§7).
    pub amount: Money,
}

/// The periods of a line and the day it stops (the contract's end unless
/// it ends earlier).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct LineLife {
    /// The first period is the quantity ordered, from the order date.
    pub periods: Vec<QuantityPeriod>,
    pub until: NaiveDate,
}

impl LineLife {
    /// Whether the line changes over the contract.
    pub fn changes(&self, end: NaiveDate) -> bool {
        self.periods.len() > 1 || self.until < end
    }
}

/// The line's periods from its order date, its valid changes and its end;
/// flags the others.
pub(super) fn life(
    l: &mut Ledger,
    line: &QuoteLine,
    ordered: NaiveDate,
    unit_price: Money,
    amount: Money,
) -> Result<LineLife, PricingError> {
    let location = Location::Line(line.id);
    let mut life = LineLife {
        periods: vec![QuantityPeriod {
            from: ordered,
            quantity: line.quantity,
            amount,
        }],
        until: l.end,
    };
    for change in &line.quantity_changes {
        let last = life.periods.last().map_or(ordered, |p| p.from);
        if change.date <= ordered || change.date >= l.end {
            let (date, from, to) = (change.date, ordered, l.end);
            l.flag(
                location,
                QuoteIssue::QuantityChangeOutsideLine { date, from, to },
            );
        } else if change.date <= last {
            let date = change.date;
            l.flag(location, QuoteIssue::QuantityChangesOutOfOrder { date });
        } else {
            let amount =
                Money::line_amount(unit_price, change.quantity).map_err(overflow(location))?;
            life.periods.push(QuantityPeriod {
                from: change.date,
                quantity: change.quantity,
                amount,
            });
        }
    }
    if let Some(date) = line.ends_on {
        let last = life.periods.last().map_or(ordered, |p| p.from);
        if date <= last || date > l.end {
            let (from, to) = (last, l.end);
            l.flag(location, QuoteIssue::LineEndOutsideLine { date, from, to });
        } else {
            life.until = date;
        }
    }
    Ok(life)
}

/// §7: each period billed from the line's run start (`starts`) to the next
/// period or the line's end, pro rata in partial months; the months and
/// their sum.
pub(super) fn bill(
    l: &mut Ledger,
    life: &LineLife,
    starts: NaiveDate,
    category: Category,
    location: Location,
) -> Result<(Vec<Money>, Money), PricingError> {
    let mut months = vec![Money::ZERO; l.months.len()];
    let mut total = Money::ZERO;
    for (i, period) in life.periods.iter().enumerate() {
        let to = life
            .periods
            .get(i.saturating_add(1))
            .map_or(life.until, |next| next.from)
            .min(life.until);
        let from = period.from.max(starts);
        if from >= to {
            continue;
        }
        let (amounts, sum) = l.recurring(from, to, period.amount, category, location)?;
        for (slot, a) in months.iter_mut().zip(amounts) {
            *slot = slot.checked_add(a).map_err(overflow(location))?;
        }
        total = total.checked_add(sum).map_err(overflow(location))?;
    }
    Ok((months, total))
}
