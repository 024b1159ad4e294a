//! What the draws combine, aggregated once (§9.4): per run year the part of
//! the billed amount that stays as planned, and per uncertain item (a
//! recurring line, the ticket overage, the on-demand tokens) the amount it
//! bills in each run year. A draw then multiplies each item's yearly amount
//! by its drawn factor instead of re-pricing the quote.
//!
//! Amounts are whole cents (`i64`), factors fixed-point integers
//! ([`ONE`] = 1): no decimal and no float in the draws.

use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::random::item_key;
use crate::engine::document::line_life::Uncertainty;
use crate::engine::document::quote::{LineId, Quote};
use crate::engine::finance::mrg::MrgReport;
use crate::engine::finance::revision::{RevisedCharge, RevisedQuote};
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::{Category, PricedQuote};
use crate::engine::timeline::month_in_period;

/// Bits after the point of the fixed-point factors.
pub const SHIFT: u32 = 20;
/// 1 in fixed point: a factor of `ONE` leaves an amount as planned, exactly.
pub const ONE: i64 = 1 << SHIFT;
/// The run years the draws may span (a factor stays within `i64`).
const MAX_YEARS: usize = 20;

/// What carries the uncertainty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RiskSource {
    /// A recurring line of the quote (service units, governance).
    Line { id: LineId, item: String },
    /// §9.6: the tickets beyond those included.
    Tickets,
    /// §6: the tokens bought on demand or beyond the packs.
    Tokens,
}

/// One uncertain item, ready for the draws.
pub struct Item {
    pub source: RiskSource,
    pub uncertainty: Uncertainty,
    /// Its own stream of random numbers, whatever the other items
    /// ([`item_key`] of its identity).
    pub key: u64,
    /// Cents billed in each run year as planned (nothing in a year whose
    /// billed amount is overridden: that year is fixed).
    pub by_year: Vec<i64>,
    /// −down % and +up % of the yearly move, in fixed point.
    pub down: i64,
    pub up: i64,
    /// The line ends at an anniversary when a fraction `r / 2^32` is below
    /// end % (`r < end_threshold`).
    pub end_threshold: u64,
}

/// One run year of the table, in cents.
pub struct YearBase {
    pub annual_mrg: i64,
    /// What no uncertainty moves: billed minus the uncertain items.
    pub fixed: i64,
}

pub struct Inputs {
    pub items: Vec<Item>,
    pub years: Vec<YearBase>,
    /// Every product and sum of the draws fits in an `i64` (the fast path;
    /// otherwise the draws add in `i128`).
    pub narrow: bool,
}

/// An amount in whole cents, or an error when it does not fit.
pub fn cents(amount: Money) -> Result<i64, Overflow> {
    amount
        .round_cents()
        .as_decimal()
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|c| c.to_i64())
        .ok_or(Overflow)
}

/// A percentage, clamped to 0–100, as a fixed-point share of [`ONE`].
fn share(percent: Decimal) -> Result<i64, Overflow> {
    let p = percent.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    p.checked_mul(Decimal::from(ONE))
        .map(|v| v / Decimal::ONE_HUNDRED)
        .map(|v| v.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .and_then(|v| v.to_i64())
        .ok_or(Overflow)
}

impl Item {
    fn new(
        source: RiskSource,
        uncertainty: Uncertainty,
        key: u64,
        by_year: Vec<i64>,
    ) -> Result<Self, Overflow> {
        let end = share(uncertainty.end_percent)?;
        Ok(Item {
            source,
            uncertainty,
            key: item_key(key),
            by_year,
            down: share(uncertainty.down_percent)?,
            up: share(uncertainty.up_percent)?,
            // r / 2^32 < end / 2^SHIFT  <=>  r < end x 2^(32 − SHIFT).
            end_threshold: u64::try_from(end).map_err(|_| Overflow)? << (32 - SHIFT),
        })
    }

    /// The largest amount the item may add to a year in a draw, before and
    /// after the fixed-point shift: the largest amount times the largest
    /// factor (every year's move at +up %).
    fn bound(&self) -> (i128, i128) {
        let mut factor = i128::from(ONE);
        let (mut product, mut added) = (0i128, 0i128);
        for amount in &self.by_year {
            factor = (factor * i128::from(ONE + self.up)) >> SHIFT;
            let p = i128::from(*amount).abs() * factor;
            product = product.max(p);
            added = added.max(p >> SHIFT);
        }
        (product, added)
    }

    /// The planned total of the item over the run years.
    pub fn planned(&self) -> Money {
        let total: i64 = self.by_year.iter().sum();
        Money::from_decimal(Decimal::new(total, 2))
    }
}

/// The month index each amount of the schedule falls in (as the revision
/// sums the schedule by month), and its category.
fn schedule_months(priced: &PricedQuote) -> impl Iterator<Item = (usize, Category, Money)> + '_ {
    priced.schedule.iter().filter_map(|inv| {
        let i = priced.months.iter().rposition(|m| *m <= inv.date)?;
        Some((i, inv.category, inv.amount))
    })
}

/// §9.4: the base of the draws: the table's years and each uncertain item's
/// amounts by run year, with the month-in-year rule of the table
/// (`finance::mrg::run_revenue`).
pub fn gather(
    quote: &Quote,
    priced: &PricedQuote,
    revised: &RevisedQuote,
    mrg: &MrgReport,
) -> Result<Inputs, Overflow> {
    if mrg.years.len() > MAX_YEARS {
        return Err(Overflow);
    }
    // The run year of each month of the contract, if any.
    let year_of: Vec<Option<usize>> = priced
        .months
        .iter()
        .map(|m| {
            mrg.years
                .iter()
                .enumerate()
                .position(|(i, y)| month_in_period(*m, y.from, y.to, i == 0))
        })
        .collect();
    let by_year =
        |amounts: &mut dyn Iterator<Item = (usize, Money)>| -> Result<Vec<i64>, Overflow> {
            let mut years = vec![0i64; mrg.years.len()];
            for (month, amount) in amounts {
                if let Some(Some(y)) = year_of.get(month) {
                    if !mrg.years[*y].overridden {
                        years[*y] = years[*y].checked_add(cents(amount)?).ok_or(Overflow)?;
                    }
                }
            }
            Ok(years)
        };

    let uncertain: HashMap<LineId, Uncertainty> = quote
        .lines
        .iter()
        .filter_map(|l| Some((l.id, l.uncertainty.filter(|u| !u.is_none())?)))
        .collect();
    let mut items = Vec::new();
    for charge in &revised.charges {
        let RevisedCharge::Line { id } = charge.charge else {
            continue;
        };
        let Some(u) = uncertain.get(&id).copied() else {
            continue;
        };
        let years = by_year(&mut charge.months.iter().copied().enumerate())?;
        let source = RiskSource::Line {
            id,
            item: charge.item.clone(),
        };
        items.push(Item::new(source, u, u64::from(id.0), years)?);
    }
    let risk = &quote.contract_life.risk;
    let consumption = [
        (
            RiskSource::Tickets,
            Category::TicketOverage,
            risk.tickets,
            1,
        ),
        (RiskSource::Tokens, Category::TokenOnDemand, risk.tokens, 2),
    ];
    for (source, category, uncertainty, n) in consumption {
        let Some(u) = uncertainty.filter(|u| !u.is_none()) else {
            continue;
        };
        let mut amounts = schedule_months(priced)
            .filter(|(_, c, _)| *c == category)
            .map(|(i, _, a)| (i, a));
        let years = by_year(&mut amounts)?;
        // Keys above every line id (a u32).
        items.push(Item::new(source, u, (1 << 32) + n, years)?);
    }

    let mut years = Vec::new();
    for (i, y) in mrg.years.iter().enumerate() {
        let billed = cents(y.billed)?;
        let variable = items
            .iter()
            .try_fold(0i64, |sum, item| sum.checked_add(item.by_year[i]))
            .ok_or(Overflow)?;
        years.push(YearBase {
            annual_mrg: cents(y.annual_mrg)?,
            fixed: billed.checked_sub(variable).ok_or(Overflow)?,
        });
    }
    // The fast path when no product, nor any year's sum, can reach 2^62.
    let limit = 1i128 << 62;
    let bounds: Vec<(i128, i128)> = items.iter().map(Item::bound).collect();
    let fixed = years.iter().map(|y| i128::from(y.fixed).abs()).max();
    let sum = bounds.iter().map(|b| b.1).sum::<i128>() + fixed.unwrap_or(0);
    let narrow = sum < limit && bounds.iter().all(|b| b.0 < limit);
    Ok(Inputs {
        items,
        years,
        narrow,
    })
}
