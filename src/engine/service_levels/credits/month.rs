//! The simulated month every clause reads: the priced quote, the tables, the
//! inputs, the month's place in the contract; the rounding of a credit and
//! the §8.4.9 cap base.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::errors::SlaError;
use crate::engine::document::credit_month::CreditMonth;
use crate::engine::document::quote::LineId;
use crate::engine::document::support::{EnvironmentKind, SupportLevel};
use crate::engine::money::Money;
use crate::engine::pricing::{Category, PricedLine, PricedQuote};
use crate::engine::service_levels::tables::ServiceLevels;
use crate::engine::timeline::next_month;

/// What every clause of the simulated month reads.
pub(super) struct Month<'a> {
    pub priced: &'a PricedQuote,
    pub tables: &'a ServiceLevels,
    pub input: &'a CreditMonth,
    /// The month's first day, and its index in the contract's months.
    pub first: NaiveDate,
    pub index: usize,
    /// §2: service levels apply under the model; §8.4.4: co-managed exclusions.
    pub apply: bool,
    pub co_managed: bool,
}

impl Month<'_> {
    /// A monthly service unit of the quote.
    pub fn unit(&self, line: LineId) -> Option<&PricedLine> {
        self.priced
            .lines
            .iter()
            .find(|l| l.id == line && l.category == Category::Run)
    }

    /// What a line bills in the month.
    pub fn amount(&self, line: &PricedLine) -> Money {
        line.months.get(self.index).copied().unwrap_or(Money::ZERO)
    }

    /// The support level of `environment` in force in the month (§5.3
    /// changes included), if the environment is subscribed.
    pub fn level(&self, environment: EnvironmentKind) -> Option<SupportLevel> {
        let support = self
            .priced
            .support
            .iter()
            .find(|s| s.environment == environment)?;
        support
            .segments
            .iter()
            .find(|s| s.from <= self.first && self.first < s.to)
            .or_else(|| support.segments.first())
            .map(|s| s.level)
    }
}

/// `base x percent / 100`, rounded to the cent (the credit is an amount).
pub(super) fn percent_of(base: Money, percent: Decimal) -> Result<Money, SlaError> {
    Ok(base
        .checked_mul(percent / Decimal::ONE_HUNDRED)?
        .round_cents())
}

/// §8.4.9: the month's recurring charges of the Service (not consumption).
pub(super) fn recurring_of_month(
    priced: &PricedQuote,
    month: NaiveDate,
) -> Result<Money, SlaError> {
    let next = next_month(month).ok_or(SlaError::Overflow)?;
    let amounts = priced
        .schedule
        .iter()
        .filter(|i| month <= i.date && i.date < next)
        .filter(|i| {
            matches!(
                i.category,
                Category::Run
                    | Category::Governance
                    | Category::Support
                    | Category::TokenPack
                    | Category::SpecificMonthly
                    | Category::MinimumComplement
                    | Category::MinimumFee
            )
        })
        .map(|i| i.amount);
    Ok(Money::checked_sum(amounts)?)
}
