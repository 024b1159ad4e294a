//! The credit simulator (§8.4, §8.5): one month of interruptions, incidents
//! and changes, and the credits they earn, clause by clause: availability
//! per managed function (§10, GTD §8.5.2), restoration for the month (GTR, §8.5.3), the
//! higher of both for one incident (§8.4.10), changes (GTC, §8.5.4), the 15 %
//! cap (§8.4.9). Reads the document's `CreditMonth` and the priced quote.

mod availability;
mod changes;
mod errors;
mod functions;
mod higher_of;
mod month;
mod report;
mod restoration;

pub use errors::{SlaError, SlaLocation, MAX_RECORDS};
pub use functions::{managed_functions, FunctionUnit, QuoteFunction};
pub use report::{
    ChangeOutcome, CreditReport, Exemption, FunctionCredit, HigherOf, IncidentOutcome,
    RestorationCredit,
};

use month::{percent_of, recurring_of_month, Month};

use super::tables::ServiceLevels;
use crate::engine::document::credit_month::CreditMonth;
use crate::engine::document::quote::Quote;
use crate::engine::models;
use crate::engine::money::Money;
use crate::engine::pricing::PricedQuote;
use crate::engine::timeline::first_of_month;

/// The simulated month's credits, clause by clause (§8.4, §8.5).
pub fn simulate(
    quote: &Quote,
    priced: &PricedQuote,
    tables: &ServiceLevels,
    input: &CreditMonth,
) -> Result<CreditReport, SlaError> {
    let month = first_of_month(input.month);
    let index = priced
        .months
        .iter()
        .position(|m| *m == month)
        .ok_or(SlaError::MonthOutsideContract { month })?;
    if input.functions.len() + input.incidents.len() + input.changes.len() > MAX_RECORDS {
        return Err(SlaError::TooMany);
    }
    let m = Month {
        priced,
        tables,
        input,
        first: month,
        index,
        apply: models::service_levels_apply(quote.model),
        co_managed: models::co_managed_exclusions(quote.model),
    };
    // §8.5.2: availability, function by function.
    let mut functions = availability::functions(&m)?;
    // §8.5.3: restoration, incident by incident, then for the month.
    let incidents = restoration::incidents(&m)?;
    let production_base = restoration::production_base(&m)?;
    let restoration = restoration::month(&m, &incidents, production_base, &Default::default())?;
    // §8.4.10: one incident, not both credits.
    let (restoration, higher_of) =
        higher_of::settle(&m, &mut functions, &incidents, restoration, production_base)?;
    // §8.5.4: changes.
    let changes = changes::changes(&m)?;

    let availability_total = Money::checked_sum(functions.iter().map(|f| f.credit))?;
    let restoration_total = restoration.credit;
    let change_total = Money::checked_sum(changes.iter().map(|c| c.credit))?;
    let subtotal = Money::checked_sum([availability_total, restoration_total, change_total])?;
    // §8.4.9: never more than 15 % of the month's recurring charge.
    let cap_base = recurring_of_month(priced, month)?;
    let cap = percent_of(cap_base, tables.cap_percent)?;
    let capped = subtotal > cap;
    let total = if capped { cap } else { subtotal };
    let billed_tokens = incidents
        .iter()
        .try_fold(0_u32, |acc, o| acc.checked_add(o.billed_tokens))
        .ok_or(SlaError::Overflow)?;
    let billed = Money::checked_sum(incidents.iter().map(|o| o.billed))?;
    Ok(CreditReport {
        month,
        model: quote.model,
        apply: m.apply,
        co_managed: m.co_managed,
        functions,
        incidents,
        restoration,
        changes,
        higher_of,
        availability_total,
        restoration_total,
        change_total,
        subtotal,
        cap_base,
        cap,
        capped,
        total,
        billed_tokens,
        billed,
    })
}
