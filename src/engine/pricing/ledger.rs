//! The ledger the pricing stages write into: issues, one-off invoices and
//! monthly amounts laid on the contract's calendar (§7: recurring charges
//! invoiced at the start of each month, pro rata in a partial month).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::category::Category;
use super::issues::{Issue, Location, PricingError, QuoteIssue};
use crate::engine::document::pricebook::{PriceBook, PriceBooks, Text};
use crate::engine::document::quote::{
    ManagementModel, Quote, MAX_COMMITMENT_MONTHS, MIN_COMMITMENT_MONTHS,
};
use crate::engine::lang::Lang;
use crate::engine::money::{Money, Overflow};
use crate::engine::timeline::{months_between, Calendar, MonthSums};

/// One dated amount of the invoicing schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invoice {
    pub date: NaiveDate,
    pub category: Category,
    pub label: Text,
    pub amount: Money,
}

/// What the stages share: the quote, the books, the contract's months, and
/// what has been booked so far (issues, dated invoices, monthly amounts).
pub(super) struct Ledger<'a> {
    pub quote: &'a Quote,
    pub books: &'a PriceBooks,
    /// The book in force at signature.
    pub book: &'a PriceBook,
    pub start: NaiveDate,
    /// The first day after the commitment.
    pub end: NaiveDate,
    /// §2: Full DevOps subscribes no managed service.
    pub full_devops: bool,
    pub months: Vec<NaiveDate>,
    pub calendar: Calendar,
    /// Recurring charges per category, summed month by month at the end.
    recurring_sums: BTreeMap<Category, MonthSums>,
    pub issues: Vec<Issue>,
    pub schedule: Vec<Invoice>,
    /// Per month, per category (for the minimum and the per-year totals).
    pub monthly: Vec<BTreeMap<Category, Money>>,
    /// The recurring charges per month and category: one schedule entry
    /// each (the per-line detail stays in each line's months).
    recurring_months: Vec<BTreeMap<Category, Money>>,
}

/// An overflow at `location`, as a pricing error.
pub(super) fn overflow(location: Location) -> impl Fn(Overflow) -> PricingError {
    move |_| PricingError::Overflow { location }
}

/// A label in both languages.
pub(super) fn text(fr: impl Into<String>, en: impl Into<String>) -> Text {
    Text {
        fr: fr.into(),
        en: en.into(),
    }
}

impl<'a> Ledger<'a> {
    /// Opens the ledger of `quote`: §9.1 the commitment in range, the book in
    /// force at signature, the contract's months.
    pub fn open(quote: &'a Quote, books: &'a PriceBooks) -> Result<Self, PricingError> {
        let months_n = quote.commitment_months;
        // §9.1: minimum duration one year.
        if !(MIN_COMMITMENT_MONTHS..=MAX_COMMITMENT_MONTHS).contains(&months_n) {
            return Err(PricingError::CommitmentOutOfRange {
                months: months_n,
                min: MIN_COMMITMENT_MONTHS,
                max: MAX_COMMITMENT_MONTHS,
            });
        }
        let start = quote.start_date;
        let end = quote.end_date().ok_or(PricingError::DateOutOfRange)?;
        let book =
            books
                .in_force(&quote.region, start)
                .ok_or_else(|| PricingError::NoPriceBook {
                    region: quote.region.clone(),
                    date: start,
                })?;
        let months = months_between(start, end);
        Ok(Ledger {
            quote,
            books,
            book,
            start,
            end,
            full_devops: quote.model == ManagementModel::FullDevOps,
            monthly: vec![BTreeMap::new(); months.len()],
            recurring_months: vec![BTreeMap::new(); months.len()],
            calendar: Calendar::new(&months),
            recurring_sums: BTreeMap::new(),
            months,
            issues: Vec::new(),
            schedule: Vec::new(),
        })
    }

    pub fn flag(&mut self, location: Location, issue: QuoteIssue) {
        self.issues.push(Issue {
            location,
            severity: issue.severity(),
            issue,
        });
    }

    pub fn in_contract(&self, date: NaiveDate) -> bool {
        date >= self.start && date < self.end
    }

    pub fn month_index(&self, date: NaiveDate) -> Option<usize> {
        self.months
            .iter()
            .rposition(|m| *m <= date)
            .filter(|_| date < self.end)
    }

    /// Books a one-off amount on a date.
    pub fn one_off(
        &mut self,
        date: NaiveDate,
        category: Category,
        label: Text,
        amount: Money,
        location: Location,
    ) -> Result<(), PricingError> {
        if amount.is_zero() {
            return Ok(());
        }
        if let Some(i) = self.month_index(date) {
            let slot = self.monthly[i].entry(category).or_default();
            *slot = slot.checked_add(amount).map_err(overflow(location))?;
        }
        self.schedule.push(Invoice {
            date,
            category,
            label,
            amount,
        });
        Ok(())
    }

    /// Books a monthly amount over `[from, to)`, pro rata in partial months,
    /// and returns what falls in each month of the contract and the sum.
    pub fn recurring(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
        monthly: Money,
        category: Category,
        location: Location,
    ) -> Result<(Vec<Money>, Money), PricingError> {
        let months = self.months.len();
        let pieces = self
            .calendar
            .pieces(monthly, from, to)
            .map_err(overflow(location))?;
        let mut amounts = vec![Money::ZERO; months];
        pieces.add_into(&mut amounts).map_err(overflow(location))?;
        self.recurring_sums
            .entry(category)
            .or_insert_with(|| MonthSums::new(months))
            .add(&pieces)
            .map_err(overflow(location))?;
        let total = pieces.total().map_err(overflow(location))?;
        Ok((amounts, total))
    }

    /// Books the recurring charges' monthly sums per category (after the
    /// last call to `recurring`).
    pub fn flush_recurring(&mut self) -> Result<(), PricingError> {
        let location = Location::Totals;
        for (category, sums) in std::mem::take(&mut self.recurring_sums) {
            let sums = sums.finish().map_err(overflow(location))?;
            for (i, amount) in sums.into_iter().enumerate() {
                if amount.is_zero() {
                    continue;
                }
                for book in [&mut self.monthly[i], &mut self.recurring_months[i]] {
                    let slot = book.entry(category).or_default();
                    *slot = slot.checked_add(amount).map_err(overflow(location))?;
                }
            }
        }
        Ok(())
    }

    /// §7: recurring charges are invoiced at the start of each month (the
    /// signature day in the first one), one entry per category.
    pub fn schedule_recurring(&mut self) {
        for (month, categories) in self.months.iter().zip(&self.recurring_months) {
            for (category, amount) in categories {
                self.schedule.push(Invoice {
                    date: (*month).max(self.start),
                    category: *category,
                    label: text(category.label(Lang::Fr), category.label(Lang::En)),
                    amount: *amount,
                });
            }
        }
    }
}
