//! The contract's life of one quote in one call, for the command line and
//! the reports: the simulated month's credit on its invoice (§8.2), the MRG
//! counting what is billed (§9.4), the reversibility after the end (§9.9)
//! and the exit cost at the quote's termination date.

use super::exit_cost::{of_quote, ExitCost, ExitError};
use super::invoiced_credit::{self, InvoicedCredit};
use super::reversibility::{after_the_end, Reversibility};
use crate::engine::document::quote::Quote;
use crate::engine::finance::mrg::{minimum_guaranteed_revenue_billed, MrgReport};
use crate::engine::finance::revision::RevisedQuote;
use crate::engine::money::Overflow;
use crate::engine::pricing::PricedQuote;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Life {
    pub credit: Option<InvoicedCredit>,
    pub mrg: MrgReport,
    pub reversibility: Option<Reversibility>,
    pub exit: Option<Result<ExitCost, ExitError>>,
}

pub fn life(quote: &Quote, priced: &PricedQuote, revised: &RevisedQuote) -> Result<Life, Overflow> {
    let credit = invoiced_credit::of_quote(quote, priced);
    let deductions: Vec<_> = credit
        .iter()
        .filter_map(InvoicedCredit::deduction)
        .collect();
    let mrg = minimum_guaranteed_revenue_billed(quote, priced, revised, &deductions)?;
    let reversibility = after_the_end(quote, priced, revised)?;
    let exit = of_quote(quote, priced, revised, &mrg);
    Ok(Life {
        credit,
        mrg,
        reversibility,
        exit,
    })
}
