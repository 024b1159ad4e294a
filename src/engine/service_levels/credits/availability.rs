//! §8.5.2: the availability guarantee (GTD), managed function by managed
//! function (§10 "Fonction Managée"): availability = (t_month -
//! t_interruption + t_exclusion) / t_month, the gap to the guarantee, its
//! credit tier on the function's monthly charge.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::super::tables::tier_of;
use super::errors::SlaError;
use super::functions::{managed_functions, QuoteFunction};
use super::month::{percent_of, Month};
use super::report::{Exemption, FunctionCredit};
use crate::engine::document::credit_month::FunctionMonth;
use crate::engine::document::support::EnvironmentKind;
use crate::engine::money::Money;
use crate::engine::service_levels::helpers::MINUTES_PER_DAY;
use crate::engine::timeline::days_in_month;

pub(super) fn functions(m: &Month) -> Result<Vec<FunctionCredit>, SlaError> {
    let month_minutes = days_in_month(m.first) * MINUTES_PER_DAY;
    let quote_functions = managed_functions(m.priced, m.input)?;
    let mut credits = Vec::new();
    let mut seen = BTreeSet::new();
    for f in &m.input.functions {
        let function = f.function;
        let quoted = quote_functions
            .iter()
            .find(|q| q.function == function)
            .ok_or(SlaError::UnknownFunction { id: f.id, function })?;
        if !seen.insert(function) {
            return Err(SlaError::DuplicateFunction { id: f.id, function });
        }
        check_minutes(f, month_minutes)?;
        credits.push(credit(m, f, quoted, month_minutes)?);
    }
    Ok(credits)
}

fn check_minutes(f: &FunctionMonth, month_minutes: u32) -> Result<(), SlaError> {
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
    Ok(())
}

fn credit(
    m: &Month,
    f: &FunctionMonth,
    quoted: &QuoteFunction,
    month_minutes: u32,
) -> Result<FunctionCredit, SlaError> {
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
    let production = quoted.has_production_unit();
    let kubernetes = quoted.kubernetes;
    let level = m.level(EnvironmentKind::Production).filter(|_| production);
    let guarantee = level.map(|l| m.tables.availability(l, kubernetes));
    // §8.4.3: no penalty on non-production units; §4.1 (SPEC §14): a unit
    // quoted with No Build and not onboarded is not managed by the contract.
    let exemption = if !production {
        Some(Exemption::NonProduction)
    } else if !quoted.has_counted_unit() {
        Some(Exemption::NotManaged)
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
                    tier_of(&m.tables.availability.tiers, exceeds, within),
                )
            } else {
                (None, None)
            }
        }
        _ => (None, None),
    };
    let base = quoted.base;
    let credit = match tier_percent {
        Some(p) if m.apply => percent_of(base, p)?,
        _ => Money::ZERO,
    };
    Ok(FunctionCredit {
        id: f.id,
        function: f.function,
        units: quoted
            .units
            .iter()
            .filter(|u| u.counted())
            .map(|u| u.line)
            .collect(),
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
    })
}
