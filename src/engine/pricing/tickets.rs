//! Incident tickets (§9.5, §9.6): the forecast reviewed per period, the
//! overage beyond the tickets included billed at the ticket price of the
//! highest support level in the period.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{overflow, text, Ledger};
use super::support::PricedSupport;
use crate::engine::document::support::TicketClass;
use crate::engine::money::Money;
use crate::engine::timeline::months_rounded_up;

/// §9.5: one review period of ticket consumption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TicketPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// §9.6: the class of the highest level among environments in the period.
    pub class: TicketClass,
    pub price: Money,
    pub included: Decimal,
    pub forecast: Decimal,
    pub overage: Decimal,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedTickets {
    pub periods: Vec<TicketPeriod>,
    pub total: Money,
}

/// §2: Full DevOps has no managed service: no incident tickets and no change
/// tokens; what the quote plans of them is flagged and not billed.
pub(super) fn flag_under_full_devops(p: &mut Ledger) {
    if !p.full_devops {
        return;
    }
    let plan = &p.quote.tokens;
    if !plan.changes.is_empty()
        || !plan.packs.is_empty()
        || !plan.extra_per_month.as_decimal().is_zero()
    {
        p.flag(
            Location::TokenPack,
            QuoteIssue::NoRunServicesUnderFullDevOps,
        );
    }
    if !p.quote.tickets.forecast_per_month.as_decimal().is_zero() {
        p.flag(Location::Tickets, QuoteIssue::NoRunServicesUnderFullDevOps);
    }
}

/// §9.5, §9.6: ticket overage per review period, at the ticket price of the
/// highest support level among environments during the period.
pub(super) fn price(
    p: &mut Ledger,
    support: &[PricedSupport],
    run_start: NaiveDate,
) -> Result<PricedTickets, PricingError> {
    if p.full_devops {
        return Ok(PricedTickets {
            periods: Vec::new(),
            total: Money::ZERO,
        });
    }
    let plan = &p.quote.tickets;
    let location = Location::Tickets;
    let step = Months::new(plan.review.months());
    let mut periods = Vec::new();
    let mut from = run_start;
    while from < p.end {
        let to = from.checked_add_months(step).unwrap_or(p.end).min(p.end);
        let level = support
            .iter()
            .flat_map(|s| &s.segments)
            .filter(|seg| seg.from < to && seg.to > from)
            .map(|seg| seg.level)
            .max();
        let class = TicketClass::of(level);
        let price = p.book.ticket_price(class).unwrap_or_default();
        // A short last period counts its months, a started month as one.
        let months = Decimal::from(months_rounded_up(from, to));
        let included = Decimal::from(plan.included_per_month)
            .checked_mul(months)
            .ok_or(PricingError::Overflow { location })?;
        let forecast = plan
            .forecast_per_month
            .as_decimal()
            .checked_mul(months)
            .ok_or(PricingError::Overflow { location })?;
        let overage = super::token_packs::beyond(forecast, included);
        let amount = price
            .checked_mul(overage)
            .map(Money::round_cents)
            .map_err(overflow(location))?;
        // Billed at the review, the last day of the period.
        let billed_on = to.pred_opt().unwrap_or(to);
        p.one_off(
            billed_on,
            Category::TicketOverage,
            text(
                format!("Tickets au-delà du forfait ({} → {})", from, to),
                format!("Tickets beyond those included ({} → {})", from, to),
            ),
            amount,
            location,
        )?;
        periods.push(TicketPeriod {
            from,
            to,
            class,
            price,
            included,
            forecast: forecast.normalize(),
            overage: overage.normalize(),
            amount,
        });
        from = to;
    }
    let total = Money::checked_sum(periods.iter().map(|t| t.amount)).map_err(overflow(location))?;
    Ok(PricedTickets { periods, total })
}
