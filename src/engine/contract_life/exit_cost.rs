//! Leaving early: what the client still owes under the contract's own
//! commitments when it ends on a date before its term.
//!
//! - Token packs are "mandatory until the end of the commitment" (§5.5,
//!   SPEC §14): the months left of each pack, as the revised schedule
//!   forecasts them.
//! - Support is committed 6 months from each level (§5.3): the committed
//!   months not yet run of the level in force, and what the commitment
//!   runs past the contract.
//! - The MRG (§9.4). Reading (stated in the UI): the différentiel of the
//!   run year in progress and of every run year not run; what was billed
//!   in the year before the termination, the carry of the year before and
//!   the packs and support owed for the year's months count towards it.
//!   Finished years were settled in their time and are not part of it.
//!
//! The termination takes effect on the 1st of a month (the first day
//! without service); the exit is priced for every such day to draw its
//! curve over the contract ([`exit_curve`]).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use thiserror::Error;

use crate::engine::document::quote::Quote;
use crate::engine::document::support::{EnvironmentKind, SupportLevel};
use crate::engine::finance::mrg::{run_revenue, MrgReport};
use crate::engine::finance::revision::{RevisedCharge, RevisedQuote};
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::PricedQuote;
use crate::engine::timeline::{month_in_period, Calendar};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize)]
#[serde(rename_all = "snake_case", tag = "error")]
pub enum ExitError {
    #[error("a termination takes effect on the 1st of a month")]
    NotFirstOfMonth,
    #[error("the termination must fall after the signature ({start}) and before the end ({end})")]
    OutsideContract { start: NaiveDate, end: NaiveDate },
    #[error("an amount is too large to compute")]
    Overflow,
}

impl From<Overflow> for ExitError {
    fn from(_: Overflow) -> Self {
        ExitError::Overflow
    }
}

/// §5.3: the support commitment of one environment not yet run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupportOwed {
    pub environment: EnvironmentKind,
    pub level: SupportLevel,
    pub committed_until: NaiveDate,
    pub amount: Money,
}

/// Where a run year stands at the termination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearStatus {
    InProgress,
    NotRun,
}

/// §9.4: one run year concerned by the exit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExitYear {
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub status: YearStatus,
    pub annual_mrg: Money,
    /// Run revenue billed in the year before the termination.
    pub billed: Money,
    /// Packs and support owed for the year's months after it.
    pub owed: Money,
    pub carry_in: Money,
    pub attainment: Money,
    pub shortfall: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExitCost {
    pub terminates_on: NaiveDate,
    /// What the schedule billed before the termination, revisions included.
    pub billed_to_date: Money,
    /// §5.5: token packs to the end of the commitment.
    pub packs: Money,
    /// §5.3: support committed and not yet run.
    pub support: Money,
    pub support_owed: Vec<SupportOwed>,
    pub years: Vec<ExitYear>,
    /// §9.4: the différentiels of the years concerned.
    pub mrg_shortfall: Money,
    /// packs + support + MRG différentiels.
    pub total: Money,
}

/// Packs and support owed month by month, and the support's detail.
type Owed = (Vec<Money>, Vec<Money>, Vec<SupportOwed>);

/// What the packs and the support commitments still bill after `t`, month
/// by month, with the detail of the support.
fn owed_by_month(
    priced: &PricedQuote,
    revised: &RevisedQuote,
    t: NaiveDate,
) -> Result<Owed, Overflow> {
    let n = priced.months.len();
    let mut packs = vec![Money::ZERO; n];
    let charges = revised
        .charges
        .iter()
        .filter(|c| matches!(c.charge, RevisedCharge::TokenPack { .. }));
    for charge in charges {
        for (i, amount) in charge.months.iter().enumerate() {
            if priced.months[i] >= t {
                packs[i] = packs[i].checked_add(*amount)?;
            }
        }
    }
    let calendar = Calendar::new(&priced.months);
    let mut support = vec![Money::ZERO; n];
    let mut detail = Vec::new();
    let day_before = t.pred_opt().unwrap_or(t);
    for s in &priced.support {
        let Some(seg) = s
            .segments
            .iter()
            .find(|g| g.from <= day_before && day_before < g.to)
        else {
            continue;
        };
        if seg.committed_until <= t {
            continue;
        }
        let until = seg.committed_until.min(priced.end_date);
        let pieces = calendar.pieces(seg.monthly, t, until)?;
        pieces.add_into(&mut support)?;
        let mut amount = pieces.total()?;
        if let Some(beyond) = s
            .committed_beyond_end
            .as_ref()
            .filter(|_| seg.committed_until > priced.end_date)
        {
            amount = amount.checked_add(beyond.amount)?;
            if let Some(last) = support.last_mut() {
                *last = last.checked_add(beyond.amount)?;
            }
        }
        detail.push(SupportOwed {
            environment: s.environment,
            level: seg.level,
            committed_until: seg.committed_until,
            amount,
        });
    }
    Ok((packs, support, detail))
}

/// What the client still owes if the contract ends on `t` (see the module's
/// reading).
pub fn exit_cost(
    priced: &PricedQuote,
    revised: &RevisedQuote,
    mrg: &MrgReport,
    t: NaiveDate,
) -> Result<ExitCost, ExitError> {
    if t.day() != 1 {
        return Err(ExitError::NotFirstOfMonth);
    }
    let (start, end) = (priced.start_date, priced.end_date);
    if t <= start || t >= end {
        return Err(ExitError::OutsideContract { start, end });
    }
    let (packs, support, support_owed) = owed_by_month(priced, revised, t)?;
    let billed_to_date = Money::checked_sum(
        priced
            .months
            .iter()
            .zip(&revised.months)
            .filter(|(m, _)| **m < t)
            .map(|(_, a)| *a),
    )?;
    let mut years = Vec::new();
    let mut carry = Money::ZERO;
    for (i, y) in mrg.years.iter().enumerate() {
        if y.to <= t {
            carry = y.carry_out;
            continue;
        }
        let first = i == 0;
        let status = if y.from <= t {
            YearStatus::InProgress
        } else {
            YearStatus::NotRun
        };
        let billed = if status == YearStatus::InProgress {
            run_revenue(priced, revised, (y.from, t), first)?
        } else {
            Money::ZERO
        };
        let owed = Money::checked_sum(
            priced
                .months
                .iter()
                .enumerate()
                .filter(|(_, m)| month_in_period(**m, y.from, y.to, first))
                .map(|(k, _)| packs[k].checked_add(support[k]))
                .collect::<Result<Vec<_>, _>>()?,
        )?;
        let carry_in = if status == YearStatus::InProgress {
            y.carry_in
        } else {
            carry
        };
        let attainment = billed.checked_add(owed)?.checked_add(carry_in)?;
        let shortfall = y.annual_mrg.checked_sub(attainment)?.max(Money::ZERO);
        carry = attainment.checked_sub(y.annual_mrg)?.max(Money::ZERO);
        years.push(ExitYear {
            year: y.year,
            from: y.from,
            to: y.to,
            status,
            annual_mrg: y.annual_mrg,
            billed,
            owed,
            carry_in,
            attainment,
            shortfall,
        });
    }
    let packs = Money::checked_sum(packs)?;
    let support = Money::checked_sum(support)?;
    let mrg_shortfall = Money::checked_sum(years.iter().map(|y| y.shortfall))?;
    Ok(ExitCost {
        terminates_on: t,
        billed_to_date,
        packs,
        support,
        support_owed,
        years,
        mrg_shortfall,
        total: Money::checked_sum([packs, support, mrg_shortfall])?,
    })
}

/// The exit cost if the contract ended on each 1st of a month after the
/// signature's month, for the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExitPoint {
    pub date: NaiveDate,
    pub packs: Money,
    pub support: Money,
    pub mrg_shortfall: Money,
    pub total: Money,
}

pub fn exit_curve(
    priced: &PricedQuote,
    revised: &RevisedQuote,
    mrg: &MrgReport,
) -> Result<Vec<ExitPoint>, ExitError> {
    priced
        .months
        .iter()
        .filter(|m| **m > priced.start_date && **m < priced.end_date)
        .map(|m| {
            let e = exit_cost(priced, revised, mrg, *m)?;
            Ok(ExitPoint {
                date: *m,
                packs: e.packs,
                support: e.support,
                mrg_shortfall: e.mrg_shortfall,
                total: e.total,
            })
        })
        .collect()
}

/// The quote's own termination date, if it simulates one.
pub fn of_quote(
    quote: &Quote,
    priced: &PricedQuote,
    revised: &RevisedQuote,
    mrg: &MrgReport,
) -> Option<Result<ExitCost, ExitError>> {
    let t = quote.contract_life.terminates_on?;
    Some(exit_cost(priced, revised, mrg, t))
}
