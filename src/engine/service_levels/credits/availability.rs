//! §8.5.2: the availability guarantee (GTD), function by function:
//! availability = (t_month - t_interruption + t_exclusion) / t_month, the
//! gap to the guarantee, its credit tier on the function's monthly charge.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::super::tables::tier_of;
use super::errors::SlaError;
use super::month::{percent_of, Month};
use super::report::{Exemption, FunctionCredit};
use crate::engine::document::catalog::Family;
use crate::engine::document::support::EnvironmentKind;
use crate::engine::money::Money;
use crate::engine::service_levels::helpers::MINUTES_PER_DAY;
use crate::engine::timeline::days_in_month;

pub(super) fn functions(m: &Month) -> Result<Vec<FunctionCredit>, SlaError> {
    let tables = m.tables;
    let month_minutes = days_in_month(m.first) * MINUTES_PER_DAY;
    let production_level = m.level(EnvironmentKind::Production);
    let mut functions = Vec::new();
    let mut seen = BTreeSet::new();
    for f in &m.input.functions {
        let line = m.unit(f.line).ok_or(SlaError::UnknownLine {
            id: f.id,
            line: f.line.0,
        })?;
        if !seen.insert(f.line) {
            return Err(SlaError::DuplicateFunction {
                id: f.id,
                line: f.line.0,
            });
        }
        if f.interruption_minutes.is_sign_negative()
            || f.iaas_down_minutes.is_sign_negative()
            || f.client_caused_minutes.is_sign_negative()
        {
            return Err(SlaError::NegativeMinutes { id: f.id });
        }
        if f.interruption_minutes > Decimal::from(month_minutes) {
            return Err(SlaError::InterruptionTooLong {
                id: f.id,
                minutes: f.interruption_minutes,
                month_minutes,
            });
        }
        let excluded_total = f
            .iaas_down_minutes
            .checked_add(f.client_caused_minutes)
            .ok_or(SlaError::Overflow)?;
        if excluded_total > f.interruption_minutes {
            return Err(SlaError::ExclusionsTooLong { id: f.id });
        }
        // Availability = (t_month - t_interruption + t_exclusion) / t_month:
        // §8.4.6 always excludes the IaaS outage, §8.4.4 a the client-caused
        // time under Co-Managed only.
        let mut excluded = f.iaas_down_minutes;
        if m.co_managed {
            excluded += f.client_caused_minutes;
        }
        let counted = f.interruption_minutes - excluded;
        let total = Decimal::from(month_minutes);
        let up = total - counted;
        let availability = (up * Decimal::ONE_HUNDRED / total).round_dp(4);
        let production = m.input.is_production(f.line);
        let kubernetes = line.family == Family::Kubernetes;
        let base = m.amount(line);
        let level = if production { production_level } else { None };
        let guarantee = level.map(|l| tables.availability(l, kubernetes));
        let exemption = if !production {
            Some(Exemption::NonProduction)
        } else if level.is_none() {
            Some(Exemption::NotSubscribed)
        } else {
            None
        };
        let (gap_points, tier_percent) = match (guarantee, exemption) {
            (Some(g), None) => {
                // Exact comparisons on integers of minutes, no division:
                // gap = g - 100·up/total > b  ⇔  (g - b)·total > 100·up.
                let hundred_up = up * Decimal::ONE_HUNDRED;
                let exceeds = |b: Decimal| (g - b) * total > hundred_up;
                let within = |b: Decimal| (g - b) * total <= hundred_up;
                if exceeds(Decimal::ZERO) {
                    let gap = (g - up * Decimal::ONE_HUNDRED / total).round_dp(4);
                    (
                        Some(gap),
                        tier_of(&tables.availability.tiers, exceeds, within),
                    )
                } else {
                    (None, None)
                }
            }
            _ => (None, None),
        };
        let credit = match tier_percent {
            Some(p) if m.apply => percent_of(base, p)?,
            _ => Money::ZERO,
        };
        functions.push(FunctionCredit {
            id: f.id,
            line: f.line,
            item: line.item.clone(),
            production,
            kubernetes,
            level,
            guarantee,
            month_minutes,
            counted_minutes: counted,
            availability,
            gap_points,
            tier_percent,
            base,
            credit,
            exemption,
        });
    }
    Ok(functions)
}
