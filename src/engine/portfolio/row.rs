//! One contract at a date: its value, its next anniversary's revision
//! (§9.3) and its MRG year in progress (§9.4), read from the engine's own
//! priced, revised and MRG results.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

use crate::engine::contract_life::life::life;
use crate::engine::document::pricebook::PriceBooks;
use crate::engine::document::quote::{ManagementModel, Quote};
use crate::engine::finance::indices::IndexBook;
use crate::engine::finance::mrg::{attainment_percent, run_revenue, MrgReport};
use crate::engine::finance::revision::{revise, IndexUse, RevisedQuote};
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::{price, PricedQuote, PricingError, Severity};

/// An index value of an anniversary's revision: the one it is compared
/// with (the previous revision's, or twelve months before) and the current.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexChange {
    pub previous: IndexUse,
    pub current: IndexUse,
}

/// §9.3: the first anniversary on or after the date, as `revise` computes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextRevision {
    pub date: NaiveDate,
    /// The contract year that starts on it (2 at the first anniversary).
    pub year: u32,
    /// The factors applied on that date, one per set of clauses and
    /// pass-through (distinct, in increasing order); none when nothing is
    /// revised (no clause applies).
    pub factors: Vec<Decimal>,
    /// What revisions add to the invoices of the contract year starting on
    /// the anniversary, over signature prices (`RevisedYear::increase`: this
    /// revision and the earlier ones, the minimum complement's change
    /// included).
    pub increase: Money,
    /// A value it uses is projected or not yet published (§9.3.1).
    pub provisional: bool,
    /// §9.3.2 could not be computed on that date (an index has no value).
    pub specific_not_computed: bool,
    /// The index values used on that date, by index.
    pub indices: Vec<IndexChange>,
}

/// §9.4: the run year in progress on the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MrgToDate {
    /// 1 for the first 12 months of run.
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub annual_mrg: Money,
    pub carry_in: Money,
    /// The run revenue of the year's months begun before the date (the
    /// revised schedule's forecast, as `finance::mrg::run_revenue` counts it).
    pub billed_to_date: Money,
    /// carry-in + billed to date.
    pub attainment_to_date: Money,
    pub attainment_percent_to_date: Decimal,
    /// The whole year, as the MRG table forecasts it (`MrgYear`).
    pub forecast_attainment: Money,
    pub forecast_shortfall: Money,
    pub shortfall_due: NaiveDate,
    pub provisional: bool,
    /// The year's billing was entered by hand (the forecast is then that figure).
    pub overridden: bool,
}

/// One contract of the portfolio at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PortfolioRow {
    pub client: String,
    pub project: String,
    pub model: ManagementModel,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// Total contract value at signature prices (`commitment_total`).
    pub tcv: Money,
    /// With every revision (`RevisedQuote::revised_total`).
    pub revised_tcv: Money,
    /// Pricing issues of severity error (the figures are still computed).
    pub issues: usize,
    /// None when no anniversary is left before the end of the contract.
    pub next_revision: Option<NextRevision>,
    /// None before the run starts and after the contract ends.
    pub mrg: Option<MrgToDate>,
}

/// Why a contract has no row.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RowError {
    #[error("the quote cannot be priced ({where_}): {0}", where_ = .0.location().in_file())]
    Pricing(PricingError),
    #[error("an amount is too large to compute (revision or MRG)")]
    Overflow,
}

impl From<Overflow> for RowError {
    fn from(_: Overflow) -> Self {
        RowError::Overflow
    }
}

/// The row of `quote` at `at`: priced with `books`, revised with `indices`
/// (§9.3), its MRG (§9.4), the way the quote's own finance output is.
pub fn portfolio_row(
    quote: &Quote,
    books: &PriceBooks,
    indices: &IndexBook,
    at: NaiveDate,
) -> Result<PortfolioRow, RowError> {
    let priced = price(quote, books).map_err(RowError::Pricing)?;
    let revised = revise(quote, books, &priced, indices)?;
    // §8.2, §9.4: the MRG counts what is billed, a claimed credit deducted,
    // as the quote's own finance output does (`contract_life::life`).
    let mrg = life(quote, &priced, &revised)?.mrg;
    Ok(PortfolioRow {
        client: quote.client.clone(),
        project: quote.project.clone(),
        model: quote.model,
        start_date: priced.start_date,
        end_date: priced.end_date,
        tcv: priced.commitment_total,
        revised_tcv: revised.revised_total,
        issues: priced
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count(),
        next_revision: next_revision(&priced, &revised, at),
        mrg: mrg_to_date(&priced, &revised, &mrg, at)?,
    })
}

/// The anniversaries `revise` revises on: every 12 months from signature,
/// before the end.
fn next_anniversary(priced: &PricedQuote, at: NaiveDate) -> Option<NaiveDate> {
    (1..)
        .map_while(|k| priced.start_date.checked_add_months(Months::new(12 * k)))
        .take_while(|d| *d < priced.end_date)
        .find(|d| *d >= at)
}

fn next_revision(
    priced: &PricedQuote,
    revised: &RevisedQuote,
    at: NaiveDate,
) -> Option<NextRevision> {
    let date = next_anniversary(priced, at)?;
    let year = revised
        .years
        .iter()
        .find(|y| y.from <= date && date < y.to)?;
    let steps: Vec<_> = revised
        .charges
        .iter()
        .flat_map(|c| &c.steps)
        .filter(|s| s.date == date)
        .collect();
    let mut factors: Vec<Decimal> = steps.iter().map(|s| s.factor).collect();
    factors.sort();
    factors.dedup();
    let mut indices: Vec<IndexChange> = Vec::new();
    for pair in steps
        .iter()
        .flat_map(|s| [&s.syntec, &s.icc, &s.electricity])
        .flatten()
    {
        let change = IndexChange {
            previous: pair.0.clone(),
            current: pair.1.clone(),
        };
        if !indices.contains(&change) {
            indices.push(change);
        }
    }
    indices.sort_by(|a, b| {
        (a.current.index, &a.previous.period).cmp(&(b.current.index, &b.previous.period))
    });
    Some(NextRevision {
        date,
        year: year.year,
        factors,
        increase: year.increase,
        provisional: steps.iter().any(|s| s.provisional),
        specific_not_computed: steps.iter().any(|s| s.specific_not_computed),
        indices,
    })
}

fn mrg_to_date(
    priced: &PricedQuote,
    revised: &RevisedQuote,
    mrg: &MrgReport,
    at: NaiveDate,
) -> Result<Option<MrgToDate>, Overflow> {
    let Some(y) = mrg.years.iter().find(|y| y.from <= at && at < y.to) else {
        return Ok(None);
    };
    let billed_to_date = run_revenue(priced, revised, (y.from, at), y.year == 1)?;
    let attainment_to_date = y.carry_in.checked_add(billed_to_date)?;
    Ok(Some(MrgToDate {
        year: y.year,
        from: y.from,
        to: y.to,
        annual_mrg: y.annual_mrg,
        carry_in: y.carry_in,
        billed_to_date,
        attainment_to_date,
        attainment_percent_to_date: attainment_percent(attainment_to_date, y.annual_mrg)?,
        forecast_attainment: y.attainment,
        forecast_shortfall: y.shortfall,
        shortfall_due: y.shortfall_due,
        provisional: y.provisional,
        overridden: y.overridden,
    }))
}
