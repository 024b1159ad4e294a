//! The recurring charges in force on a day, for a whole month, at the
//! prices of that day (revisions included): what a month of reversibility
//! bills (§9.9 "Les conditions du Contrat continueront à s'appliquer").
//!
//! Reading (stated in the UI): service units and governance at their
//! quantity and revised unit price of the day, token packs at their revised
//! price, support at its level of the day, monthly specific lines, then the
//! monthly minimum (the complement up to it, or the base fee: SPEC §14).
//! Consumption (ticket overage, tokens on demand) is billed as used and is
//! not part of the monthly rate.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::document::catalog::Charge;
use crate::engine::document::pricebook::{MinimumMode, Text};
use crate::engine::document::quote::{LineId, Quote};
use crate::engine::finance::revision::{RevisedCharge, RevisedQuote, RevisionStep};
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::{Category, PricedLine, PricedQuote};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub label: Text,
    pub category: Category,
    pub monthly: Money,
}

/// A whole month's recurring charges on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rates {
    pub day: NaiveDate,
    pub items: Vec<Rate>,
    /// §9.2: the complement up to the minimum, or the base fee.
    pub minimum: Money,
    pub total: Money,
}

/// The last step on or before `day`.
fn in_force(steps: &[RevisionStep], day: NaiveDate) -> Option<&RevisionStep> {
    steps.iter().rev().find(|s| s.date <= day)
}

/// A line's monthly amount on `day`, at its quantity and unit price then;
/// none when it does not run that day.
fn line_rate(
    line: &PricedLine,
    steps: &HashMap<LineId, &[RevisionStep]>,
    day: NaiveDate,
) -> Result<Option<Money>, Overflow> {
    if line.starts > day || line.ends_on.is_some_and(|end| day >= end) {
        return Ok(None);
    }
    let quantity = line
        .periods
        .iter()
        .rev()
        .find(|p| p.from <= day)
        .map_or(line.quantity, |p| p.quantity);
    let steps = steps.get(&line.id).copied().unwrap_or_default();
    let unit_price = in_force(steps, day).map_or(line.unit_price, |s| s.unit_price);
    Money::line_amount(unit_price, quantity).map(Some)
}

/// The recurring charges in force on `day` (see the module's reading).
pub fn rates_at(
    quote: &Quote,
    priced: &PricedQuote,
    revised: &RevisedQuote,
    day: NaiveDate,
) -> Result<Rates, Overflow> {
    let mut items = Vec::new();
    // Each line's revision steps, found once (a quote may have thousands).
    let steps: HashMap<LineId, &[RevisionStep]> = revised
        .charges
        .iter()
        .filter_map(|c| Some((c.charge.line_id()?, c.steps.as_slice())))
        .collect();
    for line in &priced.lines {
        if !matches!(line.category, Category::Run | Category::Governance) {
            continue;
        }
        if let Some(monthly) = line_rate(line, &steps, day)? {
            let (label, category) = (line.name.clone(), line.category);
            items.push(Rate {
                label,
                category,
                monthly,
            });
        }
    }
    let pack_charges = revised
        .charges
        .iter()
        .filter(|c| matches!(c.charge, RevisedCharge::TokenPack { .. }));
    for (pack, charge) in priced.tokens.packs.iter().zip(pack_charges) {
        if day < priced.run_start {
            break;
        }
        let monthly = in_force(&charge.steps, day).map_or(pack.monthly, |s| s.monthly);
        let label = charge.name.clone();
        items.push(Rate {
            label,
            category: Category::TokenPack,
            monthly,
        });
    }
    for support in &priced.support {
        if let Some(seg) = support
            .segments
            .iter()
            .find(|s| s.from <= day && day < s.to)
        {
            let label = Text {
                fr: format!(
                    "Support {}",
                    support.environment.label(crate::engine::lang::Lang::Fr)
                ),
                en: format!(
                    "Support {}",
                    support.environment.label(crate::engine::lang::Lang::En)
                ),
            };
            items.push(Rate {
                label,
                category: Category::Support,
                monthly: seg.monthly,
            });
        }
    }
    for s in &quote.specific {
        let from = s.date.unwrap_or(priced.run_start);
        if s.charge == Charge::Monthly && from <= day {
            let label = Text {
                fr: s.label.clone(),
                en: s.label.clone(),
            };
            let monthly = s.amount.round_cents();
            items.push(Rate {
                label,
                category: Category::SpecificMonthly,
                monthly,
            });
        }
    }
    let subscribed = Money::checked_sum(items.iter().map(|r| r.monthly))?;
    let minimum = if day < priced.run_start {
        Money::ZERO
    } else {
        match priced.minimum.mode {
            MinimumMode::Floor => priced
                .minimum
                .monthly
                .checked_sub(subscribed)?
                .max(Money::ZERO),
            MinimumMode::BaseFee => priced.minimum.monthly,
        }
    };
    Ok(Rates {
        day,
        items,
        minimum,
        total: subscribed.checked_add(minimum)?,
    })
}
