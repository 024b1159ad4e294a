//! §9.9 "Réversibilité sortante": at most 3 months after the end of the
//! contract (or its termination), "les conditions du Contrat continueront
//! à s'appliquer jusqu'au terme de la Période de Réversibilité", and "la
//! Garantie de Temps de Rétablissement ne s'applique pas".
//!
//! Reading (stated in the UI): each month of reversibility bills the
//! recurring charges of the contract's last day at its prices
//! ([`super::rates`]), pro rata in a partial month (§7), invoiced on the
//! 1st of each month; it is outside the run years of the MRG (§9.4 counts
//! the run of the contract) and outside the commitment total.

use chrono::{Days, Months, NaiveDate};
use serde::Serialize;

use super::rates::{rates_at, Rates};
use crate::engine::document::contract_life::MAX_REVERSIBILITY_MONTHS;
use crate::engine::document::quote::Quote;
use crate::engine::finance::revision::RevisedQuote;
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::PricedQuote;
use crate::engine::timeline::{months_between, Calendar};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReversibilityMonth {
    /// The invoice date: the 1st of the month, or the first day of
    /// reversibility.
    pub date: NaiveDate,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reversibility {
    /// The first day of reversibility (the end or the termination).
    pub from: NaiveDate,
    /// The day after its last.
    pub until: NaiveDate,
    pub months: u32,
    /// The month's charges at the last day's prices.
    pub rates: Rates,
    pub schedule: Vec<ReversibilityMonth>,
    pub total: Money,
    /// §9.9: the restoration guarantee does not apply then.
    pub gtr_applies: bool,
}

/// §9.9: `months` of reversibility from `from`, at the prices of the day
/// before; none for 0 months. More than 3 months is refused by the
/// document's bounds and capped here.
pub fn reversibility(
    quote: &Quote,
    priced: &PricedQuote,
    revised: &RevisedQuote,
    from: NaiveDate,
    months: u32,
) -> Result<Option<Reversibility>, Overflow> {
    let months = months.min(MAX_REVERSIBILITY_MONTHS);
    if months == 0 {
        return Ok(None);
    }
    let last_day = from.checked_sub_days(Days::new(1)).ok_or(Overflow)?;
    let until = from
        .checked_add_months(Months::new(months))
        .ok_or(Overflow)?;
    let rates = rates_at(quote, priced, revised, last_day)?;
    let calendar_months = months_between(from, until);
    let amounts = Calendar::new(&calendar_months).amounts(rates.total, from, until)?;
    let schedule: Vec<ReversibilityMonth> = calendar_months
        .iter()
        .zip(amounts)
        .map(|(m, amount)| ReversibilityMonth {
            date: (*m).max(from),
            amount,
        })
        .collect();
    let total = Money::checked_sum(schedule.iter().map(|m| m.amount))?;
    Ok(Some(Reversibility {
        from,
        until,
        months,
        rates,
        schedule,
        total,
        gtr_applies: false,
    }))
}

/// §9.9: the quote's reversibility after the end of the contract.
pub fn after_the_end(
    quote: &Quote,
    priced: &PricedQuote,
    revised: &RevisedQuote,
) -> Result<Option<Reversibility>, Overflow> {
    let months = quote.contract_life.reversibility_months;
    reversibility(quote, priced, revised, priced.end_date, months)
}
