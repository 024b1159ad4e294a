//! Support (§5.3, §9.5): each environment's level over time from run start
//! (changes on the 1st of a month, upgrades only while committed, each level
//! committing 6 months, the first level too), and its fees at the book in
//! force at subscription. SPEC §14: when the contract ends before a
//! commitment does, the committed months left are billed with the last month.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{overflow, text, Ledger};
use super::rules::SupportMix;
use crate::engine::document::support::{EnvironmentKind, SupportChain, SupportLevel};
use crate::engine::money::Money;
use crate::engine::timeline::{months_between, months_rounded_up, prorate};

/// §5.3: a period at one support level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupportSegment {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub level: SupportLevel,
    pub monthly: Money,
    /// The end of the 6-month commitment that started this level.
    pub committed_until: NaiveDate,
}

/// §5.3 (SPEC §14): the part of a 6-month commitment that runs past the end
/// of the contract, billed with the contract's last month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommittedBeyondEnd {
    pub level: SupportLevel,
    /// The end of the contract (exclusive) to the end of the commitment.
    pub from: NaiveDate,
    pub until: NaiveDate,
    /// Calendar months the period touches (a partial month counts as one).
    pub months: u32,
    pub monthly: Money,
    /// `monthly` over the period, pro rata in partial months (§7).
    pub amount: Money,
    /// The day it is invoiced: the last month's invoice date.
    pub billed_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedSupport {
    pub environment: EnvironmentKind,
    pub chain: SupportChain,
    pub segments: Vec<SupportSegment>,
    /// The fee of the first month at the initial level.
    pub monthly: Money,
    /// Includes, in the last month, what is committed beyond the end.
    pub months: Vec<Money>,
    pub total: Money,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub committed_beyond_end: Option<CommittedBeyondEnd>,
}

/// §5.3: the support levels of every subscribed environment over time.
pub(super) struct SupportTimeline(Vec<(EnvironmentKind, Vec<SupportSegment>)>);

impl SupportTimeline {
    /// §6.1.1, §6.1.2: whether some environment is Premium at some point,
    /// and whether every environment is Standard throughout.
    pub fn mix(&self) -> SupportMix {
        let levels = || {
            self.0
                .iter()
                .flat_map(|(_, segs)| segs.iter().map(|s| s.level))
        };
        SupportMix {
            any_premium: levels().any(|l| l == SupportLevel::Premium),
            only_standard: !self.0.is_empty() && levels().all(|l| l == SupportLevel::Standard),
        }
    }
}

/// The levels of each environment from `run_start`; §2: none under Full
/// DevOps, which subscribes no managed service.
pub(super) fn timeline(
    p: &mut Ledger,
    run_start: NaiveDate,
) -> Result<SupportTimeline, PricingError> {
    let quote = p.quote;
    let mut levels = Vec::new();
    for env in &quote.environments {
        if p.full_devops {
            p.flag(
                Location::Environment(env.kind),
                QuoteIssue::NoSupportUnderFullDevOps,
            );
            continue;
        }
        levels.push((env.kind, segments(p, env.kind, env.support, run_start)?));
    }
    for change in &quote.support_changes {
        if quote.environment(change.environment).is_none() {
            p.flag(
                Location::SupportChange(change.id),
                QuoteIssue::SupportChangeUnknownEnvironment,
            );
        }
    }
    Ok(SupportTimeline(levels))
}

/// §5.3: the levels of one environment over time, from run start: changes on
/// the 1st of a month, upgrades only while committed, each level change
/// committing 6 months; fees from the book in force at each subscription.
fn segments(
    p: &mut Ledger,
    kind: EnvironmentKind,
    initial: SupportLevel,
    run_start: NaiveDate,
) -> Result<Vec<SupportSegment>, PricingError> {
    let six = Months::new(6);
    let fee = |p: &Ledger, level: SupportLevel, at: NaiveDate| -> Money {
        p.books
            .in_force(&p.quote.region, at)
            .unwrap_or(p.book)
            .support_fee(level, p.quote.support_chain)
            .unwrap_or_default()
    };
    let mut changes: Vec<_> = p
        .quote
        .support_changes
        .iter()
        .filter(|c| c.environment == kind)
        .copied()
        .collect();
    changes.sort_by_key(|c| (c.date, c.id));
    let committed = |from: NaiveDate| from.checked_add_months(six).unwrap_or(from);
    let mut segments = vec![SupportSegment {
        from: run_start,
        to: p.end,
        level: initial,
        monthly: fee(p, initial, run_start),
        committed_until: committed(run_start),
    }];
    for change in changes {
        let location = Location::SupportChange(change.id);
        if change.date.format("%d").to_string() != "01" {
            p.flag(location, QuoteIssue::SupportChangeNotFirstOfMonth);
            continue;
        }
        if !p.in_contract(change.date) || change.date <= run_start {
            p.flag(
                location,
                QuoteIssue::OutsideContract {
                    start: run_start,
                    end: p.end,
                },
            );
            continue;
        }
        let Some(current) = segments.last().cloned() else {
            continue;
        };
        if change.level == current.level {
            continue;
        }
        if change.level < current.level && change.date < current.committed_until {
            p.flag(
                location,
                QuoteIssue::SupportDowngradeWhileCommitted {
                    committed_until: current.committed_until,
                },
            );
            continue;
        }
        let until = committed(change.date);
        if let Some(last) = segments.last_mut() {
            last.to = change.date;
        }
        segments.push(SupportSegment {
            from: change.date,
            to: p.end,
            level: change.level,
            monthly: fee(p, change.level, change.date),
            committed_until: until,
        });
    }
    Ok(segments)
}

/// §5.3 (SPEC §14): the commitment of the last level, when it runs past the
/// end of the contract: its months left, pro rata in partial months, billed
/// with the last month and flagged beside the environment's support.
fn bill_beyond_end(
    p: &mut Ledger,
    kind: EnvironmentKind,
    last: Option<&SupportSegment>,
) -> Result<Option<CommittedBeyondEnd>, PricingError> {
    let location = Location::Environment(kind);
    let (Some(last), Some(&last_month)) = (last, p.months.last()) else {
        return Ok(None);
    };
    let (from, until) = (p.end, last.committed_until);
    if until <= from || last.from >= p.end {
        return Ok(None);
    }
    let mut amount = Money::ZERO;
    for month in months_between(from, until) {
        let part = prorate(last.monthly, from, until, month).map_err(overflow(location))?;
        amount = amount.checked_add(part).map_err(overflow(location))?;
    }
    let months = months_rounded_up(from, until);
    let billed_on = last_month.max(p.start);
    p.one_off(
        billed_on,
        Category::Support,
        text(
            "Support engagé au-delà du terme du contrat (§5.3)",
            "Support committed beyond the end of the contract (§5.3)",
        ),
        amount,
        location,
    )?;
    p.flag(
        location,
        QuoteIssue::SupportCommitmentBeyondContract {
            level: last.level,
            committed_until: until,
            months,
            amount,
        },
    );
    Ok(Some(CommittedBeyondEnd {
        level: last.level,
        from,
        until,
        months,
        monthly: last.monthly,
        amount,
        billed_on,
    }))
}

/// §9.5: the support fees of each environment, segment by segment.
pub(super) fn bill(
    p: &mut Ledger,
    timeline: SupportTimeline,
) -> Result<Vec<PricedSupport>, PricingError> {
    let mut support = Vec::new();
    for (kind, segments) in timeline.0 {
        let location = Location::Environment(kind);
        let mut months = vec![Money::ZERO; p.months.len()];
        for seg in &segments {
            let (seg_months, _) =
                p.recurring(seg.from, seg.to, seg.monthly, Category::Support, location)?;
            for (slot, m) in months.iter_mut().zip(seg_months) {
                *slot = slot.checked_add(m).map_err(overflow(location))?;
            }
        }
        let beyond = bill_beyond_end(p, kind, segments.last())?;
        if let (Some(b), Some(slot)) = (&beyond, months.last_mut()) {
            *slot = slot.checked_add(b.amount).map_err(overflow(location))?;
        }
        let total = Money::checked_sum(months.iter().copied()).map_err(overflow(location))?;
        support.push(PricedSupport {
            environment: kind,
            chain: p.quote.support_chain,
            monthly: segments.first().map(|s| s.monthly).unwrap_or_default(),
            segments,
            months,
            total,
            committed_beyond_end: beyond,
        });
    }
    Ok(support)
}
