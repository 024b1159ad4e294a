//! Tokens and changes (§6 of SPEC; §5.5, §8.5.4, §10 of the service
//! description) and fixed-capacity hours (§12, seed 004): the packs, each
//! committed from the run start to the end of the contract at the book in
//! force at subscription, and the tokens beyond them at the book of the
//! month they are used in (§9.2, SPEC §14).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{overflow, Ledger};
pub use super::token_packs::{beyond, cheapest, monthly_cost, option, PackOption};
use crate::engine::document::pricebook::{PriceBook, Text, TokenPack};
use crate::engine::document::support::SupportChain;
use crate::engine::money::Money;
use crate::engine::timeline::next_month;

/// §6: at most 6 accelerated changes a year.
pub const MAX_ACCELERATED_PER_YEAR: u32 = 6;

/// §12: one hour of work is two tokens (1 token = 30 minutes).
pub const TOKENS_PER_HOUR: u32 = 2;

/// §6: outside business hours x2, accelerated x2, both x4.
pub fn multiplier(off_hours: bool, accelerated: bool) -> u32 {
    match (off_hours, accelerated) {
        (false, false) => 1,
        (true, false) | (false, true) => 2,
        (true, true) => 4,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedChange {
    pub id: u32,
    pub change: String,
    pub name: Text,
    pub tokens_each: u32,
    /// §6: x2 off hours, x2 accelerated.
    pub multiplier: u32,
    pub per_year: u32,
    pub tokens_per_year: u32,
}

/// §12: a fixed monthly capacity of hours, in tokens, priced the cheapest way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FixedCapacity {
    pub hours: u32,
    pub tokens: u32,
    pub cheapest: PackOption,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedTokens {
    pub chain: SupportChain,
    /// The on-demand price of a token in the book in force at the run start.
    pub on_demand_price: Money,
    pub changes: Vec<PricedChange>,
    pub accelerated_per_year: u32,
    /// Forecast tokens a month (changes / 12 + other work).
    pub forecast_per_month: Decimal,
    /// The chosen way of buying them (the quote's packs) and its monthly
    /// cost at the run start: all the packs plus the tokens beyond them.
    pub chosen: PackOption,
    /// §5.5 (SPEC §14): each pack subscribed, in the quote's order.
    pub packs: Vec<PricedPack>,
    /// §9.2 (SPEC §14): the tokens beyond the packs, by period of the book
    /// in force (empty when the packs cover the forecast).
    pub on_demand: Vec<OnDemandPeriod>,
    pub on_demand_only: PackOption,
    /// §6: the cheapest option for the forecast.
    pub suggestion: PackOption,
    pub fixed_capacity: Option<FixedCapacity>,
    pub total: Money,
}

/// §5.5 (SPEC §14): one monthly pack, committed from the run start to the
/// end of the contract, at the book in force when it is subscribed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedPack {
    pub code: String,
    pub tokens_per_month: u32,
    /// Its price for a whole month.
    pub monthly: Money,
    pub book_version: String,
    /// What it bills in each month of the contract (pro rata in a partial month).
    pub months: Vec<Money>,
    pub total: Money,
}

/// §9.2 (SPEC §14): tokens beyond the packs, in consecutive months priced
/// with the same book: the book in force on each month's first invoiced day
/// (the run start in the first month).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnDemandPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub book_version: String,
    pub unit_price: Money,
    pub tokens_per_month: Decimal,
    /// unit price x tokens, rounded to the cent, for a whole month.
    pub monthly: Money,
}

/// §6, §8.5.4: the planned changes in tokens a year (x2 off hours, x2
/// accelerated), at most 6 accelerated a year; unknown or refused rows are
/// flagged and left out. Returns the rows, the tokens a year and the
/// accelerated changes a year.
fn plan_changes(p: &mut Ledger) -> Result<(Vec<PricedChange>, Decimal, u32), PricingError> {
    let plan = &p.quote.tokens;
    let mut changes = Vec::new();
    let mut tokens_per_year = Decimal::ZERO;
    let mut accelerated = 0u32;
    for planned in &plan.changes {
        let location = Location::TokenChange(planned.id);
        let Some(change) = p.book.change(&planned.change) else {
            p.flag(
                location,
                QuoteIssue::UnknownChange {
                    code: planned.change.clone(),
                },
            );
            continue;
        };
        if planned.accelerated {
            // §6: at most 6 accelerated changes a year; the row that goes
            // beyond is refused and left out.
            let total = accelerated.saturating_add(planned.per_year);
            if total > MAX_ACCELERATED_PER_YEAR {
                p.flag(
                    location,
                    QuoteIssue::TooManyAccelerated {
                        planned: total,
                        max: MAX_ACCELERATED_PER_YEAR,
                    },
                );
                continue;
            }
            accelerated = total;
        }
        let multiplier = multiplier(planned.off_hours, planned.accelerated);
        let per_year = change
            .tokens
            .checked_mul(multiplier)
            .and_then(|t| t.checked_mul(planned.per_year))
            .ok_or(PricingError::Overflow { location })?;
        tokens_per_year = tokens_per_year
            .checked_add(Decimal::from(per_year))
            .ok_or(PricingError::Overflow { location })?;
        changes.push(PricedChange {
            id: planned.id,
            change: change.code.clone(),
            name: change.name.clone(),
            tokens_each: change.tokens,
            multiplier,
            per_year: planned.per_year,
            tokens_per_year: per_year,
        });
    }
    Ok((changes, tokens_per_year, accelerated))
}

/// The book in force on `date` (the signature book before any other).
fn book_on<'a>(p: &Ledger<'a>, date: NaiveDate) -> &'a PriceBook {
    p.books.in_force(&p.quote.region, date).unwrap_or(p.book)
}

/// §5.5: the quote's packs, each looked up in `book` among the chain's
/// packs; an unknown code is flagged and left out.
fn subscribed_packs<'b>(p: &mut Ledger, book: &'b PriceBook) -> Vec<&'b TokenPack> {
    let chain = p.quote.support_chain;
    let mut packs = Vec::new();
    for code in &p.quote.tokens.packs {
        match book
            .token_packs
            .iter()
            .find(|pk| &pk.code == code && pk.chain == chain)
        {
            Some(pack) => packs.push(pack),
            None => p.flag(
                Location::TokenPack,
                QuoteIssue::UnknownPack { code: code.clone() },
            ),
        }
    }
    packs
}

/// §5.5 (SPEC §14): each pack billed from the run start to the end of the
/// contract.
fn bill_packs(
    p: &mut Ledger,
    packs: &[&TokenPack],
    book_version: &str,
    run_start: NaiveDate,
) -> Result<Vec<PricedPack>, PricingError> {
    let location = Location::TokenPack;
    let mut priced = Vec::with_capacity(packs.len());
    for pack in packs {
        let (months, total) = p.recurring(
            run_start,
            p.end,
            pack.monthly,
            Category::TokenPack,
            location,
        )?;
        priced.push(PricedPack {
            code: pack.code.clone(),
            tokens_per_month: pack.tokens_per_month,
            monthly: pack.monthly,
            book_version: book_version.to_owned(),
            months,
            total,
        });
    }
    Ok(priced)
}

/// §9.2 (SPEC §14): `tokens` a month beyond the packs, from the run start,
/// each month at the on-demand price of the book in force on its first
/// invoiced day; consecutive months of the same book make one period.
fn bill_on_demand(
    p: &mut Ledger,
    tokens: Decimal,
    run_start: NaiveDate,
) -> Result<(Vec<OnDemandPeriod>, Money), PricingError> {
    let location = Location::TokenPack;
    let chain = p.quote.support_chain;
    let mut periods: Vec<OnDemandPeriod> = Vec::new();
    if tokens.is_zero() {
        return Ok((periods, Money::ZERO));
    }
    for month in p.months.clone() {
        let to = next_month(month).unwrap_or(p.end).min(p.end);
        if to <= run_start {
            continue;
        }
        let from = month.max(run_start);
        let book = book_on(p, from);
        match periods.last_mut() {
            Some(last) if last.book_version == book.version => last.to = to,
            _ => {
                let unit_price = book.token_price(chain).unwrap_or_default();
                let monthly = unit_price
                    .checked_mul(tokens)
                    .map_err(overflow(location))?
                    .round_cents();
                periods.push(OnDemandPeriod {
                    from,
                    to,
                    book_version: book.version.clone(),
                    unit_price,
                    tokens_per_month: tokens.normalize(),
                    monthly,
                });
            }
        }
    }
    let mut total = Money::ZERO;
    for period in &periods {
        let (_, sum) = p.recurring(
            period.from,
            period.to,
            period.monthly,
            Category::TokenOnDemand,
            location,
        )?;
        total = total.checked_add(sum).map_err(overflow(location))?;
    }
    Ok((periods, total))
}

/// §6: the token forecast from the change plan, the chosen packs, the
/// cheapest option, and the monthly token charges from run start.
pub(super) fn price(p: &mut Ledger, run_start: NaiveDate) -> Result<PricedTokens, PricingError> {
    let location = Location::TokenPack;
    let plan = &p.quote.tokens;
    let chain = p.quote.support_chain;
    // §9.2: packs at the book in force when they are subscribed (from the
    // run start, like the first support level); the suggestion with it too.
    let book = book_on(p, run_start);
    let on_demand = book.token_price(chain).unwrap_or_default();
    let (changes, tokens_per_year, accelerated) = plan_changes(p)?;
    let forecast = tokens_per_year
        .checked_div(Decimal::from(12))
        .and_then(|t| t.checked_add(plan.extra_per_month.as_decimal()))
        .ok_or(PricingError::Overflow { location })?;
    let offered: Vec<&TokenPack> = book
        .token_packs
        .iter()
        .filter(|pk| pk.chain == chain)
        .collect();
    let on_demand_only = option(forecast, &[], on_demand).map_err(overflow(location))?;
    let suggestion = cheapest(forecast, &offered, on_demand).map_err(overflow(location))?;
    let fixed_capacity = match plan.fixed_capacity_hours {
        None => None,
        Some(hours) => {
            let tokens = hours
                .checked_mul(TOKENS_PER_HOUR)
                .ok_or(PricingError::Overflow { location })?;
            let cheapest =
                cheapest(Decimal::from(tokens), &offered, on_demand).map_err(overflow(location))?;
            Some(FixedCapacity {
                hours,
                tokens,
                cheapest,
            })
        }
    };
    let mut priced = PricedTokens {
        chain,
        on_demand_price: on_demand,
        changes,
        accelerated_per_year: accelerated,
        forecast_per_month: forecast.normalize(),
        chosen: option(forecast, &[], Money::ZERO).map_err(overflow(location))?,
        packs: Vec::new(),
        on_demand: Vec::new(),
        on_demand_only,
        suggestion,
        fixed_capacity: None,
        total: Money::ZERO,
    };
    if p.full_devops {
        // §2: no managed service, hence no token purchase.
        return Ok(priced);
    }
    let packs = subscribed_packs(p, book);
    priced.chosen = option(forecast, &packs, on_demand).map_err(overflow(location))?;
    priced.packs = bill_packs(p, &packs, &book.version, run_start)?;
    let included = Decimal::from(priced.chosen.tokens_per_month);
    let (periods, on_demand_total) = bill_on_demand(p, beyond(forecast, included), run_start)?;
    priced.on_demand = periods;
    priced.total = Money::checked_sum(priced.packs.iter().map(|pk| pk.total))
        .and_then(|packs| packs.checked_add(on_demand_total))
        .map_err(overflow(location))?;
    priced.fixed_capacity = fixed_capacity;
    Ok(priced)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_hours_and_accelerated_multiply() {
        assert_eq!(multiplier(false, false), 1);
        assert_eq!(multiplier(true, false), 2);
        assert_eq!(multiplier(false, true), 2);
        assert_eq!(multiplier(true, true), 4);
    }
}
