//! §8.2: a simulated month's credits on a later invoice. "Sur demande
//! expresse du Client": nothing without a claim; the claim is made "dans un
//! délai maximum de 30 jours suivant le mois concerné", or no credit is
//! due; the provider confirms the amount "dans un délai de 30 jours
//! suivant la demande". Reading (stated in the UI): the credit is deducted
//! from the invoice of the month after the claim; a claim before the end
//! of the month it concerns is taken as made at that end; a credit whose
//! invoice month falls after the contract is a credit note after the end,
//! in no run year of the MRG.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::engine::document::credit_month::CreditMonth;
use crate::engine::document::quote::Quote;
use crate::engine::finance::mrg::Deduction;
use crate::engine::money::Money;
use crate::engine::pricing::PricedQuote;
use crate::engine::service_levels::{simulate, CreditReport, ServiceLevels};
use crate::engine::timeline::next_month;

/// §8.2: the claim's window after the month, and the answer's.
pub const CLAIM_DAYS: u64 = 30;
pub const ANSWER_DAYS: u64 = 30;

/// What becomes of the month's credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// No claim: no credit (§8.2 "sur demande expresse du Client").
    NotClaimed,
    /// Claimed after the 30 days: no credit (§8.2 "A défaut…").
    Late,
    /// Granted, on the invoice of `invoice_month`.
    Granted,
    /// Granted, on a credit note after the end of the contract.
    AfterEnd,
    /// The month earns no credit.
    NoCredit,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InvoicedCredit {
    /// The month the credits are for.
    pub month: NaiveDate,
    pub amount: Money,
    pub claimed_on: Option<NaiveDate>,
    /// The last day to claim: 30 days after the month.
    pub claim_deadline: NaiveDate,
    /// The provider answers by then (30 days after the claim).
    pub answer_by: Option<NaiveDate>,
    /// The invoice it is deducted from (its month's first day).
    pub invoice_month: Option<NaiveDate>,
    pub status: ClaimStatus,
}

impl InvoicedCredit {
    /// What the MRG deducts from the year's billing (§9.4 counts what is
    /// actually billed): a granted credit on an invoice of the contract.
    pub fn deduction(&self) -> Option<Deduction> {
        match (self.status, self.invoice_month) {
            (ClaimStatus::Granted, Some(date)) => Some(Deduction {
                date,
                amount: self.amount,
            }),
            _ => None,
        }
    }
}

/// §8.2: where the credits of `report` (the simulation of `input`) are
/// deducted.
pub fn invoiced_credit(
    priced: &PricedQuote,
    input: &CreditMonth,
    report: &CreditReport,
) -> InvoicedCredit {
    let month_end = next_month(report.month).unwrap_or(report.month);
    let claim_deadline = month_end
        .checked_add_days(Days::new(CLAIM_DAYS.saturating_sub(1)))
        .unwrap_or(month_end);
    let mut out = InvoicedCredit {
        month: report.month,
        amount: report.total,
        claimed_on: input.claimed_on,
        claim_deadline,
        answer_by: None,
        invoice_month: None,
        status: ClaimStatus::NotClaimed,
    };
    if report.total.is_zero() {
        out.status = ClaimStatus::NoCredit;
        return out;
    }
    let Some(claimed) = input.claimed_on else {
        return out;
    };
    if claimed > claim_deadline {
        out.status = ClaimStatus::Late;
        return out;
    }
    let claimed = claimed.max(month_end);
    out.answer_by = claimed.checked_add_days(Days::new(ANSWER_DAYS));
    out.invoice_month = next_month(claimed);
    out.status = match out.invoice_month {
        Some(m) if m < priced.end_date => ClaimStatus::Granted,
        _ => ClaimStatus::AfterEnd,
    };
    out
}

/// The quote's simulated month (if any) with the built-in service levels,
/// and where its credits go. A month the simulator refuses earns nothing
/// here; `quote credits` and the service-levels tab say why.
pub fn of_quote(quote: &Quote, priced: &PricedQuote) -> Option<InvoicedCredit> {
    let input = quote.sla_simulation.as_ref()?;
    let report = simulate(quote, priced, ServiceLevels::builtin(), input).ok()?;
    Some(invoiced_credit(priced, input, &report))
}
