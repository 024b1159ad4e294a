//! The statistics of the draws (§9.4): per run year and in total, the
//! probability of a shortfall, its expected value, the 5th, 50th and 95th
//! percentiles of attainment, and a histogram of the total attainment.
//!
//! Percentiles are nearest-rank: the p-th percentile of N draws sorted in
//! ascending order is the value of rank ⌈p × N / 100⌉ (the first for N = 1).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::draws::Outcomes;
use super::inputs::{Inputs, RiskSource};
use crate::engine::document::line_life::Uncertainty;
use crate::engine::finance::mrg::{attainment_percent, MrgReport};
use crate::engine::money::{Money, Overflow};

/// Bars of the histogram of the total attainment, at most.
pub const HISTOGRAM_BINS: usize = 20;

/// Attainment in % of the MRG, to the tenth (nearest-rank percentiles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Percentiles {
    pub p5: Decimal,
    pub p50: Decimal,
    pub p95: Decimal,
}

/// The figures of the draws for one run year, or for the whole run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskFigures {
    /// The annual MRG (in total: their sum).
    pub annual_mrg: Money,
    /// Billed as the table plans it (in total: the sum).
    pub planned_billed: Money,
    /// The table's shortfall (in total: the sum).
    pub planned_shortfall: Money,
    /// The share of draws with a shortfall, in %, to the hundredth (in
    /// total: a shortfall in at least one year).
    pub shortfall_probability_percent: Decimal,
    /// The mean shortfall over the draws, to the cent (in total: the mean
    /// of the sum of the years' shortfalls).
    pub expected_shortfall: Money,
    /// The year's attainment (billed + carry-in) over its annual MRG; in
    /// total, everything billed over the sum of the annual MRGs.
    pub attainment: Percentiles,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskYear {
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The year's billed amount is overridden: no draw moves it.
    pub overridden: bool,
    #[serde(flatten)]
    pub figures: RiskFigures,
}

/// What carries uncertainty, and what it bills as planned over the run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskItem {
    pub source: RiskSource,
    pub uncertainty: Uncertainty,
    pub planned: Money,
}

/// Draws whose total attainment is in `[from_percent, to_percent)` (the
/// last bar includes its upper bound).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistogramBin {
    pub from_percent: Decimal,
    pub to_percent: Decimal,
    pub draws: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RiskReport {
    pub draws: u32,
    pub seed: u32,
    pub items: Vec<RiskItem>,
    pub years: Vec<RiskYear>,
    pub total: RiskFigures,
    pub histogram: Vec<HistogramBin>,
}

fn money(cents: i128) -> Result<Money, Overflow> {
    Decimal::try_from_i128_with_scale(cents, 2)
        .map(Money::from_decimal)
        .map_err(|_| Overflow)
}

/// The nearest-rank percentiles of `values`, sorted in place, read as
/// percent of `of`.
fn percentiles(values: &mut [i64], of: Money) -> Result<Percentiles, Overflow> {
    values.sort_unstable();
    let n = values.len();
    let at = |p: usize| -> Result<Decimal, Overflow> {
        let rank = (p * n).div_ceil(100).max(1);
        let v = values.get(rank - 1).copied().unwrap_or(0);
        attainment_percent(money(i128::from(v))?, of)
    };
    Ok(Percentiles {
        p5: at(5)?,
        p50: at(50)?,
        p95: at(95)?,
    })
}

/// count / draws, in %, to the hundredth.
fn probability(count: u32, draws: u32) -> Decimal {
    (Decimal::from(count) * Decimal::ONE_HUNDRED / Decimal::from(draws.max(1))).round_dp(2)
}

/// sum / draws, to the cent (§7's rounding).
fn mean(sum: i128, draws: u32) -> Result<Money, Overflow> {
    money(sum)?
        .as_decimal()
        .checked_div(Decimal::from(draws.max(1)))
        .map(|m| Money::from_decimal(m).round_cents())
        .ok_or(Overflow)
}

/// At most [`HISTOGRAM_BINS`] bars of equal width (in cents) from the
/// lowest total billed to the highest, read as percent of `of`.
fn histogram(totals: &[i64], of: Money) -> Result<Vec<HistogramBin>, Overflow> {
    let (Some(lo), Some(hi)) = (totals.iter().min(), totals.iter().max()) else {
        return Ok(Vec::new());
    };
    let (lo, hi) = (i128::from(*lo), i128::from(*hi));
    let span = hi - lo + 1;
    let bins = span.min(HISTOGRAM_BINS as i128);
    let width = (span + bins - 1) / bins;
    let mut counts = vec![0u32; bins as usize];
    for t in totals {
        let i = ((i128::from(*t) - lo) / width).min(bins - 1);
        counts[i as usize] += 1;
    }
    let pct = |c: i128| attainment_percent(money(c)?, of);
    counts
        .into_iter()
        .enumerate()
        .map(|(i, draws)| {
            let from = lo + i as i128 * width;
            let to = if i as i128 == bins - 1 {
                hi
            } else {
                from + width
            };
            Ok(HistogramBin {
                from_percent: pct(from)?,
                to_percent: pct(to)?,
                draws,
            })
        })
        .collect()
}

/// The report of the draws against the table they were drawn from.
pub fn summarise(
    mrg: &MrgReport,
    inputs: &Inputs,
    mut out: Outcomes,
    (draws, seed): (u32, u32),
) -> Result<RiskReport, Overflow> {
    let mut years = Vec::new();
    for (i, y) in mrg.years.iter().enumerate() {
        years.push(RiskYear {
            year: y.year,
            from: y.from,
            to: y.to,
            overridden: y.overridden,
            figures: RiskFigures {
                annual_mrg: y.annual_mrg,
                planned_billed: y.billed,
                planned_shortfall: y.shortfall,
                shortfall_probability_percent: probability(out.shortfall_count[i], draws),
                expected_shortfall: mean(out.shortfall_sum[i], draws)?,
                attainment: percentiles(&mut out.attainment[i], y.annual_mrg)?,
            },
        });
    }
    let sum = |f: fn(&RiskYear) -> Money| Money::checked_sum(years.iter().map(f));
    let annual_mrg = sum(|y| y.figures.annual_mrg)?;
    let total = RiskFigures {
        annual_mrg,
        planned_billed: sum(|y| y.figures.planned_billed)?,
        planned_shortfall: sum(|y| y.figures.planned_shortfall)?,
        shortfall_probability_percent: probability(out.total_shortfall_count, draws),
        expected_shortfall: mean(out.total_shortfall_sum, draws)?,
        attainment: percentiles(&mut out.total_billed.clone(), annual_mrg)?,
    };
    Ok(RiskReport {
        draws,
        seed,
        items: inputs
            .items
            .iter()
            .map(|item| RiskItem {
                source: item.source.clone(),
                uncertainty: item.uncertainty,
                planned: item.planned(),
            })
            .collect(),
        years,
        total,
        histogram: histogram(&out.total_billed, annual_mrg)?,
    })
}
