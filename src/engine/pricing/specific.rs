//! Specific lines (§6, §11): off-catalogue work or services quoted
//! specifically, billed once on their date or monthly from their start.

use chrono::NaiveDate;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{text, Ledger};
use crate::engine::document::catalog::Charge;

pub(super) fn bill(l: &mut Ledger, run_start: NaiveDate) -> Result<(), PricingError> {
    let (start, end) = (l.start, l.end);
    for line in &l.quote.specific {
        let location = Location::Specific(line.id);
        let label = text(line.label.clone(), line.label.clone());
        // §7: a line is rounded to the cent (an amount typed with more
        // decimals went into the schedule unrounded: issue 19, finding 9).
        let amount = line.amount.round_cents();
        match line.charge {
            Charge::OneTime => {
                let date = line.date.unwrap_or(start);
                if !l.in_contract(date) {
                    l.flag(location, QuoteIssue::OutsideContract { start, end });
                    continue;
                }
                let category = Category::SpecificOneTime;
                l.one_off(date, category, label, amount, location)?;
            }
            Charge::Monthly => {
                let from = line.date.unwrap_or(run_start).max(start);
                let category = Category::SpecificMonthly;
                l.recurring(from, end, amount, category, location)?;
            }
        }
    }
    Ok(())
}
