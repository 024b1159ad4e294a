//! Helpers of the service-levels tab: the downtime an availability allows,
//! and the deadline of an incident, change or quotation request counted in
//! covered hours (§8.3, §10: business days, French public holidays excluded).

use chrono::NaiveDateTime;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

use super::tables::{ChangeKind, Commitment, ServiceLevels, BUSINESS_DAY_HOURS};
use crate::engine::calendar::{add_business_days, Coverage};
use crate::engine::document::credit_month::Priority;
use crate::engine::document::support::SupportLevel;
use crate::engine::lang::Lang;

/// Minutes in a day, and in the 30-day month and 365-day year of the
/// allowed-downtime helper.
pub const MINUTES_PER_DAY: u32 = 1_440;
pub const HELPER_MONTH_DAYS: u32 = 30;
pub const HELPER_YEAR_DAYS: u32 = 365;

/// Allowed downtime for an availability percentage, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Downtime {
    /// Per 30-day month (43 200 minutes).
    pub per_month: Decimal,
    /// Per 365-day year (525 600 minutes).
    pub per_year: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum HelperError {
    #[error("the percentage must be between 0 and 100")]
    Percent,
    #[error("the deadline is out of range")]
    OutOfRange,
}

impl HelperError {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            HelperError::Percent => lang.pick(
                "Le pourcentage doit être compris entre 0 et 100.",
                "The percentage must be between 0 and 100.",
            ),
            HelperError::OutOfRange => lang.pick(
                "Échéance hors des dates représentables.",
                "The deadline is out of range.",
            ),
        }
    }
}

/// The downtime an availability of `percent` allows, per 30-day month and
/// per 365-day year (the stated convention; a simulated month uses its own
/// length).
pub fn allowed_downtime(percent: Decimal) -> Result<Downtime, HelperError> {
    if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err(HelperError::Percent);
    }
    let share = (Decimal::ONE_HUNDRED - percent) / Decimal::ONE_HUNDRED;
    let month = Decimal::from(HELPER_MONTH_DAYS * MINUTES_PER_DAY);
    let year = Decimal::from(HELPER_YEAR_DAYS * MINUTES_PER_DAY);
    Ok(Downtime {
        per_month: month * share,
        per_year: year * share,
    })
}

/// "3 h 36 min", "43 min 12 s", "1 j 19 h 48 min".
pub fn format_minutes(minutes: Decimal, lang: Lang) -> String {
    let seconds = (minutes * Decimal::from(60))
        .round()
        .to_u64()
        .unwrap_or(u64::MAX);
    let (d, rest) = (seconds / 86_400, seconds % 86_400);
    let (h, rest) = (rest / 3_600, rest % 3_600);
    let (m, s) = (rest / 60, rest % 60);
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d} {}", lang.pick("j", "d")));
    }
    if h > 0 {
        parts.push(format!("{h} h"));
    }
    if m > 0 {
        parts.push(format!("{m} min"));
    }
    if s > 0 || parts.is_empty() {
        parts.push(format!("{s} s"));
    }
    parts.join(" ")
}

/// What a deadline is computed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineOf {
    Incident(Priority),
    Change(ChangeKind),
    Quotation,
}

/// The deadline of an incident, change or quotation request opened at
/// `start` (Paris time), counting only covered hours (§8.3: business days,
/// French public holidays excluded). `Ok(None)` when there is no commitment.
pub fn deadline(
    tables: &ServiceLevels,
    of: DeadlineOf,
    level: SupportLevel,
    production: bool,
    start: NaiveDateTime,
) -> Result<Option<(Commitment, NaiveDateTime)>, HelperError> {
    let commitment = match of {
        DeadlineOf::Incident(p) => tables.restoration(p, level, production),
        DeadlineOf::Change(k) => tables.change(k, level),
        DeadlineOf::Quotation => {
            let Some(days) = tables.quotation_days(level) else {
                return Ok(None);
            };
            // §8.5.4: "5 JO": the same time of day, `days` business days later.
            let date = add_business_days(start.date(), days).ok_or(HelperError::OutOfRange)?;
            let c = Commitment {
                hours: days
                    .checked_mul(BUSINESS_DAY_HOURS)
                    .ok_or(HelperError::OutOfRange)?,
                coverage: Coverage::BusinessHours,
                business_days: Some(days),
            };
            return Ok(Some((c, date.and_time(start.time()))));
        }
    };
    let Some(c) = commitment else {
        return Ok(None);
    };
    let at = c.deadline(start).ok_or(HelperError::OutOfRange)?;
    Ok(Some((c, at)))
}
