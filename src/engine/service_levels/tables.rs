//! The service-level tables (§8.3, §8.5), as data (`service_levels.json`,
//! beside this file, checked at load): windows, availability (GTD),
//! restoration (GTR) and change (GTC) commitments, credit tiers and the cap.

use std::sync::OnceLock;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::calendar::{add_covered_hours, Coverage};
use crate::engine::document::credit_month::Priority;
use crate::engine::document::support::SupportLevel;
use crate::engine::lang::Lang;

const SERVICE_LEVELS_JSON: &str = include_str!("service_levels.json");

/// §10 definitions: a business day counts 9 covered hours (09:00–18:00).
pub const BUSINESS_DAY_HOURS: u32 = 9;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceLevels {
    pub source: String,
    /// §8.5.1: the client portal.
    #[serde(with = "rust_decimal::serde::str")]
    pub portal_availability: Decimal,
    /// §8.4.9.
    #[serde(with = "rust_decimal::serde::str")]
    pub cap_percent: Decimal,
    pub windows: Windows,
    pub availability: AvailabilityTable,
    pub restoration: RestorationTable,
    pub change: ChangeTable,
}

/// §8.3: which hours count, per priority and kind of environment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Windows {
    pub clause: String,
    pub production: PriorityWindows,
    pub non_production: PriorityWindows,
    pub changes: Coverage,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityWindows {
    pub p1: Coverage,
    pub p2: Coverage,
    pub p3: Coverage,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerLevel<T> {
    pub initial: T,
    pub standard: T,
    pub premium: T,
}

impl<T> PerLevel<T> {
    pub fn get(&self, level: SupportLevel) -> &T {
        match level {
            SupportLevel::Initial => &self.initial,
            SupportLevel::Standard => &self.standard,
            SupportLevel::Premium => &self.premium,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Strictly above this…
    #[serde(with = "rust_decimal::serde::str")]
    pub above: Decimal,
    /// … and at most this (no upper bound when absent).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub up_to: Option<Decimal>,
    /// Credit, in % of the base.
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityTable {
    pub clause: String,
    pub managed_function: PerLevel<PercentText>,
    pub kubernetes: PerLevel<PercentText>,
    pub tiers: Vec<Tier>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct PercentText(#[serde(with = "rust_decimal::serde::str")] pub Decimal);

/// A time commitment as the seed writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeText {
    #[serde(default)]
    pub hours: Option<u32>,
    #[serde(default)]
    pub business_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RestorationTable {
    pub clause: String,
    #[serde(with = "rust_decimal::serde::str")]
    pub share_on_time_percent: Decimal,
    pub minimum_divisor: u32,
    pub times: PerPriority,
    pub tiers: Vec<Tier>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerPriority {
    pub p1: PerLevel<Option<TimeText>>,
    pub p2: PerLevel<Option<TimeText>>,
    pub p3: PerLevel<Option<TimeText>>,
    pub p4: PerLevel<Option<TimeText>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeTable {
    pub clause: String,
    pub times: ChangeTimes,
    pub quotation_business_days: PerLevel<Option<u32>>,
    #[serde(with = "rust_decimal::serde::str")]
    pub credit_percent: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeTimes {
    pub simple: PerLevel<Option<TimeText>>,
    pub simple_accelerated: PerLevel<Option<TimeText>>,
    pub complex: PerLevel<Option<TimeText>>,
    pub complex_accelerated: PerLevel<Option<TimeText>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TableError {
    #[error("service-level table: {0}")]
    Json(String),
    #[error("service-level table: {0}")]
    Invalid(String),
}

impl ServiceLevels {
    /// The built-in tables of §8.5, parsed and checked once.
    pub fn builtin() -> &'static ServiceLevels {
        static TABLES: OnceLock<ServiceLevels> = OnceLock::new();
        TABLES.get_or_init(|| {
            // The file is part of the build and tested: a failure is a bug.
            Self::from_json(SERVICE_LEVELS_JSON).expect("built-in service-level tables")
        })
    }

    pub fn from_json(json: &str) -> Result<Self, TableError> {
        let tables: ServiceLevels =
            serde_json::from_str(json).map_err(|e| TableError::Json(e.to_string()))?;
        tables.validate()?;
        Ok(tables)
    }

    fn validate(&self) -> Result<(), TableError> {
        let hundred = Decimal::ONE_HUNDRED;
        let percent_ok = |p: Decimal| p > Decimal::ZERO && p <= hundred;
        for level in SupportLevel::ALL {
            for p in [
                self.availability.managed_function.get(level).0,
                self.availability.kubernetes.get(level).0,
            ] {
                if !percent_ok(p) {
                    return Err(TableError::Invalid(format!(
                        "availability {p} % is not in (0, 100]"
                    )));
                }
            }
        }
        for (name, tiers) in [
            ("availability", &self.availability.tiers),
            ("restoration", &self.restoration.tiers),
        ] {
            check_tiers(tiers).map_err(|e| TableError::Invalid(format!("{name} tiers: {e}")))?;
        }
        if !percent_ok(self.cap_percent) || !percent_ok(self.change.credit_percent) {
            return Err(TableError::Invalid(
                "a percentage is not in (0, 100]".into(),
            ));
        }
        if self.restoration.minimum_divisor == 0 {
            return Err(TableError::Invalid("the minimum divisor is zero".into()));
        }
        Ok(())
    }

    /// §8.5.2: the availability guaranteed to a function at `level`.
    pub fn availability(&self, level: SupportLevel, kubernetes: bool) -> Decimal {
        if kubernetes {
            self.availability.kubernetes.get(level).0
        } else {
            self.availability.managed_function.get(level).0
        }
    }

    /// §8.3: the hours that count for an incident.
    pub fn incident_window(&self, priority: Priority, production: bool) -> Coverage {
        let w = if production {
            &self.windows.production
        } else {
            &self.windows.non_production
        };
        match priority {
            Priority::P1 => w.p1,
            Priority::P2 => w.p2,
            // P4 has no commitment; its window is the P3 one.
            Priority::P3 | Priority::P4 => w.p3,
        }
    }

    /// §8.5.3, §8.3: the restoration commitment of an incident, if any.
    pub fn restoration(
        &self,
        priority: Priority,
        level: SupportLevel,
        production: bool,
    ) -> Option<Commitment> {
        let times = match priority {
            Priority::P1 => &self.restoration.times.p1,
            Priority::P2 => &self.restoration.times.p2,
            Priority::P3 => &self.restoration.times.p3,
            Priority::P4 => &self.restoration.times.p4,
        };
        let window = self.incident_window(priority, production);
        times
            .get(level)
            .as_ref()
            .and_then(|t| Commitment::of(t, window))
    }

    /// §8.5.4: the change commitment, if any.
    pub fn change(&self, kind: ChangeKind, level: SupportLevel) -> Option<Commitment> {
        let t = &self.change.times;
        let times = match kind {
            ChangeKind::Simple => &t.simple,
            ChangeKind::SimpleAccelerated => &t.simple_accelerated,
            ChangeKind::Complex => &t.complex,
            ChangeKind::ComplexAccelerated => &t.complex_accelerated,
        };
        times
            .get(level)
            .as_ref()
            .and_then(|t| Commitment::of(t, self.windows.changes))
    }

    /// §8.5.4: business days to answer a request for a quotation.
    pub fn quotation_days(&self, level: SupportLevel) -> Option<u32> {
        *self.change.quotation_business_days.get(level)
    }
}

fn check_tiers(tiers: &[Tier]) -> Result<(), String> {
    let mut previous: Option<Decimal> = None;
    for (i, t) in tiers.iter().enumerate() {
        if let Some(p) = previous {
            if t.above != p {
                return Err(format!(
                    "tier {} does not start where the previous one ends",
                    i + 1
                ));
            }
        }
        match t.up_to {
            Some(u) if u <= t.above => return Err(format!("tier {} is empty", i + 1)),
            None if i + 1 != tiers.len() => {
                return Err(format!("tier {} is open but not the last", i + 1))
            }
            _ => {}
        }
        if t.percent <= Decimal::ZERO || t.percent > Decimal::ONE_HUNDRED {
            return Err(format!("tier {} percentage is not in (0, 100]", i + 1));
        }
        previous = t.up_to;
    }
    if tiers.is_empty() {
        return Err("no tier".into());
    }
    Ok(())
}

/// The tier whose (above, up_to] holds `value`, decided by `holds(bound)`
/// telling whether `value <= bound` and `exceeds(bound)` whether
/// `value > bound` (so that callers compare exactly, without dividing).
pub(super) fn tier_of(
    tiers: &[Tier],
    exceeds: impl Fn(Decimal) -> bool,
    within: impl Fn(Decimal) -> bool,
) -> Option<Decimal> {
    tiers
        .iter()
        .find(|t| exceeds(t.above) && t.up_to.is_none_or(&within))
        .map(|t| t.percent)
}

/// A deadline: so many covered hours in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Commitment {
    pub hours: u32,
    pub coverage: Coverage,
    /// When the seed writes it in business days (then counted 09:00–18:00).
    pub business_days: Option<u32>,
}

impl Commitment {
    fn of(t: &TimeText, window: Coverage) -> Option<Commitment> {
        match (t.hours, t.business_days) {
            (Some(hours), None) => Some(Commitment {
                hours,
                coverage: window,
                business_days: None,
            }),
            (None, Some(days)) => Some(Commitment {
                hours: days.checked_mul(BUSINESS_DAY_HOURS)?,
                coverage: Coverage::BusinessHours,
                business_days: Some(days),
            }),
            _ => None,
        }
    }

    /// "8 h (24/7)", "1 jour ouvré (9 h ouvrées)".
    pub fn describe(&self, lang: Lang) -> String {
        match self.business_days {
            Some(d) => format!(
                "{d} {} ({} h {})",
                if d > 1 {
                    lang.pick("jours ouvrés", "business days")
                } else {
                    lang.pick("jour ouvré", "business day")
                },
                self.hours,
                lang.pick("ouvrées", "business hours")
            ),
            None => format!("{} h {}", self.hours, coverage_label(self.coverage, lang)),
        }
    }

    /// The moment this commitment expires for something opened at `start`.
    pub fn deadline(&self, start: NaiveDateTime) -> Option<NaiveDateTime> {
        add_covered_hours(start, self.hours, self.coverage)
    }
}

pub fn coverage_label(coverage: Coverage, lang: Lang) -> &'static str {
    match coverage {
        Coverage::Always => lang.pick("24h/24 7j/7", "24/7"),
        Coverage::BusinessHours => lang.pick("ouvrées (9h–18h)", "business hours (9–18)"),
    }
}

/// §8.5.4: the four kinds of change with a completion commitment. §6: a
/// simple change is 1 token, a complex one more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Simple,
    SimpleAccelerated,
    Complex,
    ComplexAccelerated,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::Simple,
        ChangeKind::SimpleAccelerated,
        ChangeKind::Complex,
        ChangeKind::ComplexAccelerated,
    ];

    /// §6: 1 token is simple, more is complex; NB of §8.5.4 (native services
    /// changes above 1 token are complex) says the same.
    pub fn of(tokens: u32, accelerated: bool) -> ChangeKind {
        match (tokens > 1, accelerated) {
            (false, false) => ChangeKind::Simple,
            (false, true) => ChangeKind::SimpleAccelerated,
            (true, false) => ChangeKind::Complex,
            (true, true) => ChangeKind::ComplexAccelerated,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Simple => "simple",
            ChangeKind::SimpleAccelerated => "simple_accelerated",
            ChangeKind::Complex => "complex",
            ChangeKind::ComplexAccelerated => "complex_accelerated",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ChangeKind::Simple => lang.pick("Changement simple", "Simple change"),
            ChangeKind::SimpleAccelerated => {
                lang.pick("Changement simple accéléré", "Accelerated simple change")
            }
            ChangeKind::Complex => lang.pick("Changement complexe", "Complex change"),
            ChangeKind::ComplexAccelerated => {
                lang.pick("Changement complexe accéléré", "Accelerated complex change")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_load() {
        let t = ServiceLevels::builtin();
        assert_eq!(
            t.availability(SupportLevel::Premium, true),
            Decimal::new(999, 1)
        );
        let p1 = t
            .restoration(Priority::P1, SupportLevel::Initial, true)
            .expect("P1 Initial");
        assert_eq!((p1.hours, p1.coverage), (9, Coverage::BusinessHours));
        assert!(t
            .restoration(Priority::P2, SupportLevel::Initial, true)
            .is_none());
        assert!(t
            .restoration(Priority::P4, SupportLevel::Premium, true)
            .is_none());
    }

    #[test]
    fn tiers_must_chain() {
        let t = |a: i64, u: Option<i64>| Tier {
            above: a.into(),
            up_to: u.map(Decimal::from),
            percent: Decimal::TWO,
        };
        assert!(check_tiers(&[t(0, Some(1)), t(1, None)]).is_ok());
        assert!(check_tiers(&[t(0, Some(1)), t(2, None)]).is_err());
        assert!(check_tiers(&[t(0, None), t(1, None)]).is_err());
        assert!(check_tiers(&[]).is_err());
    }
}
