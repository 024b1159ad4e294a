//! The priced quote: what `price` returns, read by finance, service levels,
//! scenarios, files and screens.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::build::PricedBuild;
use super::category::Category;
use super::fees::PricedMinimum;
use super::issues::{Issue, Location, QuoteIssue, Severity};
use super::ledger::Invoice;
use super::lines::PricedLine;
use super::support::PricedSupport;
use super::tickets::PricedTickets;
use super::tokens::PricedTokens;
use crate::engine::document::pricebook::{MinimumMode, Text};
use crate::engine::money::Money;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearTotal {
    /// 1 for the first 12 months from signature.
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by_category: BTreeMap<Category, Money>,
    pub one_time: Money,
    pub recurring: Money,
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedQuote {
    pub start_date: NaiveDate,
    /// The first day after the commitment.
    pub end_date: NaiveDate,
    pub commitment_months: u32,
    /// When the run of the project starts (§9.8.2): support, tickets, tokens,
    /// governance and the monthly minimum start then.
    pub run_start: NaiveDate,
    /// The first day of each calendar month of the contract.
    pub months: Vec<NaiveDate>,
    pub book_version: String,
    pub lines: Vec<PricedLine>,
    pub support: Vec<PricedSupport>,
    pub tickets: PricedTickets,
    pub tokens: PricedTokens,
    pub build: PricedBuild,
    pub access_fee: Money,
    /// §9.2 (SPEC §14): the monthly minimum, its reading (floor or base fee)
    /// and its amount in each month. Not revised: the minimum is a fee of
    /// the book.
    pub minimum: PricedMinimum,
    /// §9.2: each month's subscriptions counted against the minimum (service
    /// units, governance, support, token packs, monthly specific lines), at
    /// signature prices.
    pub monthly_subscribed: Vec<Money>,
    /// §9.2: the complement billed in each month, zero when above the minimum
    /// (always zero when the minimum is a base fee): max(0, minimum − subscribed).
    pub minimum_complement: Vec<Money>,
    pub schedule: Vec<Invoice>,
    pub years: Vec<YearTotal>,
    /// The monthly price of what is signed, for a whole month (lines ordered
    /// at signature, governance, support, tokens, monthly specific lines).
    pub monthly_recurring: Money,
    /// Access fee, build, one-time lines and one-time specific quotes.
    pub one_time: Money,
    pub recurring_total: Money,
    /// Total contract value: everything in the schedule.
    pub commitment_total: Money,
    /// §11: what the recurring fee does not cover (billed on quote or in tokens).
    pub out_of_flat_fee: Vec<Text>,
    pub issues: Vec<Issue>,
}

impl PricedQuote {
    /// §9.2: the floor month `i` is topped up to: its minimum when the book
    /// reads the minimum as a floor, zero when it is a base fee (no
    /// complement then).
    pub fn floor_of_month(&self, i: usize) -> Money {
        match self.minimum.mode {
            MinimumMode::Floor => self.minimum.months.get(i).copied().unwrap_or_default(),
            MinimumMode::BaseFee => Money::ZERO,
        }
    }

    /// The issues that concern one place of the quote.
    pub fn issues_at(&self, location: Location) -> impl Iterator<Item = &QuoteIssue> {
        self.issues
            .iter()
            .filter(move |i| i.location == location)
            .map(|i| &i.issue)
    }

    pub fn has_errors(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// The sum over the contract of one category.
    pub fn category_total(&self, category: Category) -> Money {
        self.years
            .iter()
            .filter_map(|y| y.by_category.get(&category).copied())
            .fold(Money::ZERO, |a, b| a.checked_add(b).unwrap_or(a))
    }
}
