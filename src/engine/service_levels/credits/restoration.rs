//! §8.5.3: the restoration guarantee (GTR): each incident on time or late
//! against its priority's commitment, with its exemptions (§8.4.3, §8.4.4,
//! §8.4.6) and the client-caused work billed in tokens (§8.4.4 c, d); then
//! the month's gap (late / resolved, or late / 5 below 5 incidents) and its
//! credit on the production units' monthly charge.

use std::collections::BTreeSet;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::super::tables::tier_of;
use super::errors::SlaError;
use super::month::{percent_of, Month};
use super::report::{Exemption, IncidentOutcome, RestorationCredit};
use crate::engine::document::credit_month::Cause;
use crate::engine::document::support::EnvironmentKind;
use crate::engine::money::Money;
use crate::engine::pricing::Category;

pub(super) fn incidents(m: &Month) -> Result<Vec<IncidentOutcome>, SlaError> {
    let mut incidents = Vec::new();
    let on_demand = m.priced.tokens.on_demand_price;
    let co_managed = m.co_managed;
    for i in &m.input.incidents {
        if i.resolution_hours.is_sign_negative() || i.work_hours.is_sign_negative() {
            return Err(SlaError::NegativeHours { id: i.id });
        }
        let unit = match i.line {
            Some(line) => Some(m.unit(line).ok_or(SlaError::UnknownIncidentLine {
                id: i.id,
                line: line.0,
            })?),
            None => None,
        };
        // §4.1 (SPEC §14): a unit quoted No Build, not onboarded, is not
        // managed by the contract: no guarantee on its incidents.
        let unmanaged = unit.is_some_and(|u| u.unmanaged);
        let production = i.environment == EnvironmentKind::Production;
        let level = m.level(i.environment);
        let commitment = level.and_then(|l| m.tables.restoration(i.priority, l, production));
        let late = commitment.is_some_and(|c| i.resolution_hours > Decimal::from(c.hours));
        let exemption = if level.is_none() {
            Some(Exemption::NotSubscribed)
        } else if unmanaged {
            Some(Exemption::NotManaged)
        } else if i.cause == Cause::Iaas {
            Some(Exemption::IaasDown)
        } else if co_managed && i.cause == Cause::Client {
            Some(Exemption::ClientCause)
        } else if co_managed && !i.provider_level3 {
            Some(Exemption::NoLevel3)
        } else if commitment.is_none() {
            Some(Exemption::NoCommitment)
        } else if !production {
            Some(Exemption::NonProduction)
        } else {
            None
        };
        // §8.4.4 c, d: the provider's time on a client-caused incident is
        // billed in tokens (1 token = 30 min, by started half hour); half of
        // it when the responsibility is shared.
        let billable_hours = match i.cause {
            Cause::Client if co_managed => i.work_hours,
            Cause::Shared if co_managed => i.work_hours / Decimal::TWO,
            _ => Decimal::ZERO,
        };
        let billed_tokens = (billable_hours * Decimal::TWO)
            .ceil()
            .to_u32()
            .ok_or(SlaError::Overflow)?;
        let billed = on_demand
            .checked_mul(Decimal::from(billed_tokens))?
            .round_cents();
        incidents.push(IncidentOutcome {
            id: i.id,
            level,
            commitment,
            late,
            counted: exemption.is_none(),
            exemption,
            billed_tokens,
            billed,
        });
    }
    Ok(incidents)
}

/// The month's charge of the production service units (§8.4.3) taken into
/// management (§4.1, SPEC §14: not those quoted No Build and not
/// onboarded): the GTR credit base.
pub(super) fn production_base(m: &Month) -> Result<Money, SlaError> {
    Ok(Money::checked_sum(
        m.priced
            .lines
            .iter()
            .filter(|l| l.category == Category::Run && !l.unmanaged)
            .filter(|l| m.input.is_production(l.id))
            .map(|l| m.amount(l)),
    )?)
}

/// The month's restoration credit, counting the incidents in `not_late` as
/// on time (§8.4.10 settles the month that way too).
pub(super) fn month(
    m: &Month,
    incidents: &[IncidentOutcome],
    base: Money,
    not_late: &BTreeSet<u32>,
) -> Result<RestorationCredit, SlaError> {
    let counted: Vec<&IncidentOutcome> = incidents.iter().filter(|o| o.counted).collect();
    let resolved = counted.len() as u32;
    let late = counted
        .iter()
        .filter(|o| o.late && !not_late.contains(&o.id))
        .count() as u32;
    // §8.5.3: late / resolved from 5 incidents on, late / 5 below.
    let divisor = resolved.max(m.tables.restoration.minimum_divisor);
    let (late_d, divisor_d) = (Decimal::from(late), Decimal::from(divisor));
    let exceeds = |b: Decimal| late_d * Decimal::ONE_HUNDRED > b * divisor_d;
    let within = |b: Decimal| late_d * Decimal::ONE_HUNDRED <= b * divisor_d;
    let tier_percent = tier_of(&m.tables.restoration.tiers, exceeds, within);
    let credit = match tier_percent {
        Some(p) if m.apply => percent_of(base, p)?,
        _ => Money::ZERO,
    };
    Ok(RestorationCredit {
        resolved,
        late,
        divisor,
        gap_percent: (late_d * Decimal::ONE_HUNDRED / divisor_d).round_dp(4),
        tier_percent,
        base,
        credit,
    })
}
