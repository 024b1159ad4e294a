//! Support (§5.3, §9.5): each environment's level over time from run start
//! (changes on the 1st of a month, upgrades only while committed, each level
//! committing 6 months), and its fees at the book in force at subscription.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{overflow, Ledger};
use crate::engine::document::support::{EnvironmentKind, SupportChain, SupportLevel};
use crate::engine::money::Money;

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedSupport {
    pub environment: EnvironmentKind,
    pub chain: SupportChain,
    pub segments: Vec<SupportSegment>,
    /// The fee of the first month at the initial level.
    pub monthly: Money,
    pub months: Vec<Money>,
    pub total: Money,
}

/// §5.3: the support levels of every subscribed environment over time.
pub(super) struct SupportTimeline(Vec<(EnvironmentKind, Vec<SupportSegment>)>);

impl SupportTimeline {
    /// Whether some environment is Premium at some point (§6.1.1, §6.1.2).
    pub fn any_premium(&self) -> bool {
        self.0
            .iter()
            .any(|(_, segs)| segs.iter().any(|s| s.level == SupportLevel::Premium))
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
        if until > p.end {
            p.flag(
                location,
                QuoteIssue::SupportCommitmentBeyondContract {
                    committed_until: until,
                },
            );
        }
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
        let total = Money::checked_sum(months.iter().copied()).map_err(overflow(location))?;
        support.push(PricedSupport {
            environment: kind,
            chain: p.quote.support_chain,
            monthly: segments.first().map(|s| s.monthly).unwrap_or_default(),
            segments,
            months,
            total,
        });
    }
    Ok(support)
}
