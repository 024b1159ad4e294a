//! Prices a quote against a price book.
//!
//! §7 (SPEC): a line = unit price x quantity rounded to the cent, half away
//! from zero; totals are sums of rounded lines. The monthly recurring total
//! covers monthly lines and support fees; the total over the commitment is
//! the monthly total times the months plus the one-time charges.

use serde::Serialize;
use thiserror::Error;

use super::catalog::{Charge, Family, Unit};
use super::money::{Money, Overflow, Quantity};
use super::pricebook::{PriceBook, Text};
use super::quote::{LineId, ManagementModel, Quote, MAX_COMMITMENT_MONTHS, MIN_COMMITMENT_MONTHS};
use super::support::{EnvironmentKind, SupportChain, SupportLevel};

/// Where in the quote a problem lies, so the UI can show it beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Location {
    Line(LineId),
    Environment(EnvironmentKind),
    Commitment,
    Totals,
}

/// A problem that stops the quote from being priced at all.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum PricingError {
    /// §9.1: the minimum duration is one year.
    #[error("the commitment must be between {min} and {max} months, not {months}")]
    CommitmentOutOfRange { months: u32, min: u32, max: u32 },
    #[error("an amount is too large to compute ({location:?})")]
    Overflow { location: Location },
}

impl PricingError {
    pub fn location(&self) -> Location {
        match self {
            PricingError::CommitmentOutOfRange { .. } => Location::Commitment,
            PricingError::Overflow { location } => *location,
        }
    }
}

/// A problem with one part of the quote: that part is left out of the
/// totals and the rest is priced.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(rename_all = "snake_case", tag = "issue")]
pub enum LineIssue {
    #[error("“{code}” is not in the price book")]
    UnknownItem { code: String },
    /// §2: Full DevOps quotes professional services only.
    #[error("not available under Full DevOps: only professional services are sold (§2)")]
    NotSoldUnderFullDevOps { family: Family },
    /// §2: Full DevOps has no managed service, hence no support subscription.
    #[error("no support subscription under Full DevOps (§2)")]
    NoSupportUnderFullDevOps,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub location: Location,
    pub issue: LineIssue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedLine {
    pub id: LineId,
    pub item: String,
    pub name: Text,
    pub family: Family,
    pub unit: Unit,
    pub charge: Charge,
    pub unit_price: Money,
    pub quantity: Quantity,
    /// unit price x quantity, rounded to the cent (§7).
    pub amount: Money,
}

/// §9.5: one environment's monthly support fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedSupport {
    pub environment: EnvironmentKind,
    pub level: SupportLevel,
    pub chain: SupportChain,
    pub monthly: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedQuote {
    pub lines: Vec<PricedLine>,
    pub support: Vec<PricedSupport>,
    /// Monthly lines plus support fees, per month.
    pub monthly_recurring: Money,
    /// One-time charges, billed once.
    pub one_time: Money,
    pub commitment_months: u32,
    /// monthly_recurring x months + one_time.
    pub commitment_total: Money,
    pub issues: Vec<Issue>,
}

fn overflow(location: Location) -> impl Fn(Overflow) -> PricingError {
    move |_| PricingError::Overflow { location }
}

/// Prices `quote` with `book`. Fatal problems are an `Err`; problems local to
/// a line or an environment are listed in `issues` and left out of the totals.
pub fn price(quote: &Quote, book: &PriceBook) -> Result<PricedQuote, PricingError> {
    let months = quote.commitment_months;
    // §9.1: minimum duration one year.
    if !(MIN_COMMITMENT_MONTHS..=MAX_COMMITMENT_MONTHS).contains(&months) {
        return Err(PricingError::CommitmentOutOfRange {
            months,
            min: MIN_COMMITMENT_MONTHS,
            max: MAX_COMMITMENT_MONTHS,
        });
    }
    let full_devops = quote.model == ManagementModel::FullDevOps;
    let mut issues = Vec::new();

    let mut lines = Vec::with_capacity(quote.lines.len());
    for line in &quote.lines {
        let location = Location::Line(line.id);
        let Some(item) = book.item(&line.item) else {
            issues.push(Issue {
                location,
                issue: LineIssue::UnknownItem {
                    code: line.item.clone(),
                },
            });
            continue;
        };
        // §2: Full DevOps buys professional services only.
        if full_devops && !item.family.is_professional_service() {
            issues.push(Issue {
                location,
                issue: LineIssue::NotSoldUnderFullDevOps {
                    family: item.family,
                },
            });
            continue;
        }
        // §7: unit price x quantity, rounded to the cent.
        let amount = Money::line_amount(item.price, line.quantity).map_err(overflow(location))?;
        lines.push(PricedLine {
            id: line.id,
            item: item.code.clone(),
            name: item.name.clone(),
            family: item.family,
            unit: item.unit,
            charge: item.charge,
            unit_price: item.price,
            quantity: line.quantity,
            amount,
        });
    }

    let mut support = Vec::with_capacity(quote.environments.len());
    for env in &quote.environments {
        let location = Location::Environment(env.kind);
        if full_devops {
            issues.push(Issue {
                location,
                issue: LineIssue::NoSupportUnderFullDevOps,
            });
            continue;
        }
        // §9.5: support = level x chain, from the price book (validated complete).
        let monthly = book
            .support_fee(env.support, quote.support_chain)
            .unwrap_or(Money::ZERO);
        support.push(PricedSupport {
            environment: env.kind,
            level: env.support,
            chain: quote.support_chain,
            monthly,
        });
    }

    let totals = overflow(Location::Totals);
    let monthly_lines = Money::checked_sum(
        lines
            .iter()
            .filter(|l| l.charge == Charge::Monthly)
            .map(|l| l.amount),
    )
    .map_err(&totals)?;
    let monthly_support = Money::checked_sum(support.iter().map(|s| s.monthly)).map_err(&totals)?;
    let monthly_recurring = monthly_lines
        .checked_add(monthly_support)
        .map_err(&totals)?;
    let one_time = Money::checked_sum(
        lines
            .iter()
            .filter(|l| l.charge == Charge::OneTime)
            .map(|l| l.amount),
    )
    .map_err(&totals)?;
    let commitment_total = monthly_recurring
        .checked_mul(months.into())
        .and_then(|m| m.checked_add(one_time))
        .map_err(&totals)?;

    Ok(PricedQuote {
        lines,
        support,
        monthly_recurring,
        one_time,
        commitment_months: months,
        commitment_total,
        issues,
    })
}

impl PricedQuote {
    /// The issues that concern one place of the quote.
    pub fn issues_at(&self, location: Location) -> impl Iterator<Item = &LineIssue> {
        self.issues
            .iter()
            .filter(move |i| i.location == location)
            .map(|i| &i.issue)
    }
}
