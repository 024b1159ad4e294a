//! The MRG risk (§9.4, issue 15): how likely the run revenue is to fall
//! short of the minimum guaranteed revenue, drawn from the uncertainty of
//! each forecast (a recurring line's quantity, the ticket overage, the
//! on-demand tokens).
//!
//! The base is the deterministic MRG table (`finance::mrg`): per run year,
//! billed = what stays as planned + Σ each uncertain item's billed amount x
//! its drawn factor. Support, governance without uncertainty, the minimum
//! complement, token packs and the years whose billed amount is overridden
//! stay as planned. With no uncertainty every draw is the table.
//!
//! Reading of an uncertainty (`Uncertainty`): each run year the quantity
//! moves by u drawn evenly in [−down %, +up %] and the moves compound
//! (factor_y = Π_{j ≤ y} (1 + u_j)); at each anniversary of the run (the
//! start of years 2, 3, …) an item still running ends with probability
//! end %, and bills nothing after. Draws are pure and reproducible: the
//! same seed gives the same figures.
//!
//! Stages, each a file: [`random`] the seeded generator, `inputs` the
//! yearly aggregation done once, `draws` the combination per draw (integer
//! cents and fixed-point factors, no decimal), `report` the statistics.
//! Uses the kernels, the document, `pricing` and `finance`.

mod draws;
mod inputs;
pub mod random;
mod report;

pub use inputs::RiskSource;
pub use report::{
    HistogramBin, Percentiles, RiskFigures, RiskItem, RiskReport, RiskYear, HISTOGRAM_BINS,
};

use thiserror::Error;

use crate::engine::document::contract_life::MAX_DRAWS;
use crate::engine::document::quote::Quote;
use crate::engine::finance::mrg::MrgReport;
use crate::engine::finance::revision::RevisedQuote;
use crate::engine::money::Overflow;
use crate::engine::pricing::PricedQuote;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum RiskError {
    /// An amount does not fit in whole cents of an `i64` (or a sum of them).
    #[error("amount out of range")]
    Overflow,
    /// At least one draw, at most `MAX_DRAWS`.
    #[error("{draws} draws: between 1 and {max} are allowed")]
    Draws { draws: u32, max: u32 },
}

impl From<Overflow> for RiskError {
    fn from(_: Overflow) -> Self {
        RiskError::Overflow
    }
}

/// §9.4: draws `quote.contract_life.risk.draws` scenarios from its seed and
/// reports, per run year and in total, the probability of a shortfall, its
/// expected value and the percentiles of attainment, with a histogram.
pub fn mrg_risk(
    quote: &Quote,
    priced: &PricedQuote,
    revised: &RevisedQuote,
    mrg: &MrgReport,
) -> Result<RiskReport, RiskError> {
    let settings = &quote.contract_life.risk;
    let draws = settings.draws;
    if draws == 0 || draws > MAX_DRAWS {
        return Err(RiskError::Draws {
            draws,
            max: MAX_DRAWS,
        });
    }
    let base = inputs::gather(quote, priced, revised, mrg)?;
    let outcomes = draws::run(&base, settings.seed, draws)?;
    Ok(report::summarise(
        mrg,
        &base,
        outcomes,
        (draws, settings.seed),
    )?)
}
