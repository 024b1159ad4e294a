//! SPEC §9 (§8 of the service description): service-level guarantees, what
//! applies to each environment of a quote, and the credits of one month.
//!
//! The tables are data (`data/service_levels.json`, checked at load); the
//! clauses that combine them are code, each citing its paragraph.
//!
//! Interpretations the seed leaves open, stated once here and in the README:
//! - a simulated month is the calendar month (28 to 31 days of 1 440 minutes);
//!   the "allowed downtime" helper uses a 30-day month and a 365-day year;
//! - "1 jour HO" (Initial, P1) is one business day of covered hours, 9 h
//!   counted 09:00–18:00 on business days;
//! - a managed function is a monthly service-unit line of the quote; its
//!   monthly recurring charge is what that line bills in the simulated month;
//! - every line is a production unit unless the simulation marks it as
//!   non-production (§8.4.3: no penalty then);
//! - the 15 % cap (§8.4.9) is taken on the month's recurring charges of the
//!   Service (service units, governance, support, token packs, monthly
//!   specific lines, billing-minimum complement), not on consumption;
//! - higher-of (§8.4.10): when late incidents linked to a function also
//!   earn that function a GTD credit, the month is settled both ways (keep
//!   the GTD credits and count those incidents as on time for the GTR, or
//!   keep the GTR and drop those GTD credits) and the higher total is granted;
//! - co-managed exclusions (§8.4.4) apply only under Co-Managed, as written;
//!   an IaaS outage (§8.4.6) is excluded under every model;
//! - client-caused work (§8.4.4 c, d) is billed in tokens by started half
//!   hour, half of it when the responsibility is shared.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::calendar::{add_business_days, add_covered_hours, Coverage};
use crate::engine::document::catalog::Family;
use crate::engine::document::credit_month::{Cause, CreditMonth, Priority};
use crate::engine::document::quote::{LineId, ManagementModel, Quote};
use crate::engine::document::support::{EnvironmentKind, SupportLevel};
use crate::engine::lang::Lang;
use crate::engine::models;
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::{Category, PricedQuote};

const SERVICE_LEVELS_JSON: &str = include_str!("service_levels.json");
const CATALOGUE_003_JSON: &str = include_str!("support_catalogue_003.json");

/// Minutes in a day, and in the 30-day month and 365-day year of the
/// allowed-downtime helper.
pub const MINUTES_PER_DAY: u32 = 1_440;
pub const HELPER_MONTH_DAYS: u32 = 30;
pub const HELPER_YEAR_DAYS: u32 = 365;
/// §10 definitions: a business day counts 9 covered hours (09:00–18:00).
pub const BUSINESS_DAY_HOURS: u32 = 9;
/// No more incidents, changes or functions in one simulated month.
pub const MAX_RECORDS: usize = 500;

// ---------------------------------------------------------------------------
// The tables (data)
// ---------------------------------------------------------------------------

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
fn tier_of(
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

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// What applies to a quote
// ---------------------------------------------------------------------------

/// What the service levels promise one environment of the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EnvironmentGuarantees {
    pub environment: EnvironmentKind,
    pub level: SupportLevel,
    pub production: bool,
    /// §8.4.3: penalties only on production units.
    pub penalties: bool,
    /// §8.5.2.
    pub availability: Decimal,
    pub availability_kubernetes: Decimal,
    /// §8.5.3, P1 to P4.
    pub restoration: Vec<(Priority, Option<Commitment>)>,
    /// §8.5.4.
    pub changes: Vec<(ChangeKind, Option<Commitment>)>,
    pub quotation_days: Option<u32>,
}

/// A clause that limits or excludes the guarantees, shown with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    NonProductionNoPenalty,
    CoManagedClientCause,
    CoManagedNoLevel3,
    CoManagedClientWorkInTokens,
    CoManagedSharedHalf,
    BackendBuildClass2,
    IaasDown,
    Cap,
    HigherOf,
    Reversibility,
    ClaimWithin30Days,
}

impl Condition {
    pub fn clause(self) -> &'static str {
        match self {
            Condition::NonProductionNoPenalty => "§8.4.3",
            Condition::CoManagedClientCause => "§8.4.4 a",
            Condition::CoManagedNoLevel3 => "§8.4.4 b",
            Condition::CoManagedClientWorkInTokens => "§8.4.4 c",
            Condition::CoManagedSharedHalf => "§8.4.4 d",
            Condition::BackendBuildClass2 => "§8.4.5",
            Condition::IaasDown => "§8.4.6",
            Condition::Cap => "§8.4.9",
            Condition::HigherOf => "§8.4.10",
            Condition::Reversibility => "§9.9",
            Condition::ClaimWithin30Days => "§8.2",
        }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Condition::NonProductionNoPenalty => lang.pick(
                "Les engagements valent aussi hors production (plages ouvrées), mais sans pénalité.",
                "Commitments also hold outside production (business hours), but without penalty.",
            ),
            Condition::CoManagedClientCause => lang.pick(
                "Pas de GTD ni de GTR pendant les périodes où le client est impliqué dans la cause de l'incident.",
                "No GTD or GTR while the client is involved in the cause of the incident.",
            ),
            Condition::CoManagedNoLevel3 => lang.pick(
                "Pas de GTR sur les unités dont le prestataire n'assure pas le support niveau 3.",
                "No GTR on units whose level 3 support the provider does not hold.",
            ),
            Condition::CoManagedClientWorkInTokens => lang.pick(
                "Le temps passé sur un incident causé par le client est facturé en jetons.",
                "Time spent on an incident caused by the client is billed in tokens.",
            ),
            Condition::CoManagedSharedHalf => lang.pick(
                "Responsabilité partagée : le temps passé est partagé à 50 % chacun.",
                "Shared responsibility: the time spent is shared 50/50.",
            ),
            Condition::BackendBuildClass2 => lang.pick(
                "Backend Build classe 2 : responsabilité limitée à la détection, l'investigation et le rétablissement permis par l'outillage du client.",
                "Backend Build class 2: responsibility limited to the detection, investigation and restoration the client's tooling allows.",
            ),
            Condition::IaasDown => lang.pick(
                "Aucun engagement pendant l'indisponibilité de l'IaaS du client.",
                "No commitment while the client's IaaS is down.",
            ),
            Condition::Cap => lang.pick(
                "Crédits plafonnés à 15 % du montant mensuel récurrent du Service pour le mois.",
                "Credits capped at 15% of the Service's monthly recurring charge for the month.",
            ),
            Condition::HigherOf => lang.pick(
                "Un même incident ne cumule pas GTD et GTR : le crédit le plus élevé s'applique.",
                "One incident cannot earn both GTD and GTR: the higher credit applies.",
            ),
            Condition::Reversibility => lang.pick(
                "Pendant la réversibilité (3 mois au plus), la GTR ne s'applique pas.",
                "During reversibility (3 months at most), the GTR does not apply.",
            ),
            Condition::ClaimWithin30Days => lang.pick(
                "Les crédits sont à demander dans les 30 jours suivant le mois concerné.",
                "Credits must be claimed within 30 days after the month concerned.",
            ),
        }
    }
}

/// §8 for a quote: what applies, environment by environment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Guarantees {
    pub model: ManagementModel,
    /// 000: the commitments apply to Fully Managed and Co-Managed only.
    pub apply: bool,
    pub environments: Vec<EnvironmentGuarantees>,
    pub conditions: Vec<Condition>,
    pub portal_availability: Decimal,
    pub cap_percent: Decimal,
}

/// §8: what the service levels promise each environment of `quote`, at the
/// support level it is subscribed with.
pub fn guarantees(quote: &Quote, tables: &ServiceLevels) -> Guarantees {
    let apply = models::service_levels_apply(quote.model);
    let environments = if apply {
        quote
            .environments
            .iter()
            .map(|e| environment_guarantees(tables, e.kind, e.support))
            .collect()
    } else {
        Vec::new()
    };
    let mut conditions = Vec::new();
    if apply {
        conditions.push(Condition::NonProductionNoPenalty);
        if models::co_managed_exclusions(quote.model) {
            conditions.extend([
                Condition::CoManagedClientCause,
                Condition::CoManagedNoLevel3,
                Condition::CoManagedClientWorkInTokens,
                Condition::CoManagedSharedHalf,
            ]);
        }
        if quote
            .lines
            .iter()
            .any(|l| l.build == crate::engine::document::catalog::BuildModel::Backend)
        {
            conditions.push(Condition::BackendBuildClass2);
        }
        conditions.extend([
            Condition::IaasDown,
            Condition::Cap,
            Condition::HigherOf,
            Condition::Reversibility,
            Condition::ClaimWithin30Days,
        ]);
    }
    Guarantees {
        model: quote.model,
        apply,
        environments,
        conditions,
        portal_availability: tables.portal_availability,
        cap_percent: tables.cap_percent,
    }
}

pub fn environment_guarantees(
    tables: &ServiceLevels,
    environment: EnvironmentKind,
    level: SupportLevel,
) -> EnvironmentGuarantees {
    let production = environment == EnvironmentKind::Production;
    EnvironmentGuarantees {
        environment,
        level,
        production,
        penalties: production,
        availability: tables.availability(level, false),
        availability_kubernetes: tables.availability(level, true),
        restoration: Priority::ALL
            .into_iter()
            .map(|p| (p, tables.restoration(p, level, production)))
            .collect(),
        changes: ChangeKind::ALL
            .into_iter()
            .map(|k| (k, tables.change(k, level)))
            .collect(),
        quotation_days: tables.quotation_days(level),
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// The credit simulator
// ---------------------------------------------------------------------------

/// Where a simulation input is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "at", content = "id")]
pub enum SlaLocation {
    Month,
    Function(u32),
    Incident(u32),
    Change(u32),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SlaError {
    #[error("{month} is outside the contract")]
    MonthOutsideContract { month: NaiveDate },
    #[error("function {id}: line #{line} is not a monthly service unit of the quote")]
    UnknownLine { id: u32, line: u32 },
    #[error("function {id}: negative minutes")]
    NegativeMinutes { id: u32 },
    #[error(
        "function {id}: {minutes} minutes of interruption exceed the {month_minutes} of the month"
    )]
    InterruptionTooLong {
        id: u32,
        minutes: Decimal,
        month_minutes: u32,
    },
    #[error("function {id}: excluded minutes exceed the interruption")]
    ExclusionsTooLong { id: u32 },
    #[error("function {id}: line #{line} is entered twice")]
    DuplicateFunction { id: u32, line: u32 },
    #[error("incident {id}: negative hours")]
    NegativeHours { id: u32 },
    #[error("incident {id}: line #{line} is not a monthly service unit of the quote")]
    UnknownIncidentLine { id: u32, line: u32 },
    #[error("change {id}: a change costs at least 1 token")]
    NoTokens { id: u32 },
    #[error("change {id}: negative hours")]
    NegativeChangeHours { id: u32 },
    #[error("more than {MAX_RECORDS} entries in one month")]
    TooMany,
    #[error("amounts too large")]
    Overflow,
}

impl From<Overflow> for SlaError {
    fn from(_: Overflow) -> Self {
        SlaError::Overflow
    }
}

impl SlaError {
    pub fn location(&self) -> SlaLocation {
        match self {
            SlaError::MonthOutsideContract { .. } | SlaError::TooMany | SlaError::Overflow => {
                SlaLocation::Month
            }
            SlaError::UnknownLine { id, .. }
            | SlaError::NegativeMinutes { id }
            | SlaError::InterruptionTooLong { id, .. }
            | SlaError::ExclusionsTooLong { id }
            | SlaError::DuplicateFunction { id, .. } => SlaLocation::Function(*id),
            SlaError::NegativeHours { id } | SlaError::UnknownIncidentLine { id, .. } => {
                SlaLocation::Incident(*id)
            }
            SlaError::NoTokens { id } | SlaError::NegativeChangeHours { id } => {
                SlaLocation::Change(*id)
            }
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SlaError::MonthOutsideContract { month }, Lang::Fr) => {
                format!("Le mois {} est hors du contrat.", month.format("%m/%Y"))
            }
            (SlaError::MonthOutsideContract { month }, Lang::En) => {
                format!("{} is outside the contract.", month.format("%B %Y"))
            }
            (SlaError::UnknownLine { line, .. }, Lang::Fr)
            | (SlaError::UnknownIncidentLine { line, .. }, Lang::Fr) => format!(
                "La ligne n° {line} n'est pas (ou plus) une unité de service mensuelle du devis : choisissez-en une autre."
            ),
            (SlaError::UnknownLine { line, .. }, Lang::En)
            | (SlaError::UnknownIncidentLine { line, .. }, Lang::En) => format!(
                "Line #{line} is not (or no longer) a monthly service unit of the quote: pick another one."
            ),
            (SlaError::NegativeMinutes { .. }, l) => l
                .pick("Les minutes ne peuvent pas être négatives.", "Minutes cannot be negative.")
                .into(),
            (
                SlaError::InterruptionTooLong {
                    minutes,
                    month_minutes,
                    ..
                },
                Lang::Fr,
            ) => format!(
                "{} min d'interruption dépassent les {month_minutes} min du mois.",
                minutes.normalize()
            ),
            (
                SlaError::InterruptionTooLong {
                    minutes,
                    month_minutes,
                    ..
                },
                Lang::En,
            ) => format!(
                "{} minutes of interruption exceed the {month_minutes} minutes of the month.",
                minutes.normalize()
            ),
            (SlaError::ExclusionsTooLong { .. }, l) => l
                .pick(
                    "Les minutes exclues (IaaS, cause client) dépassent l'interruption.",
                    "Excluded minutes (IaaS, client cause) exceed the interruption.",
                )
                .into(),
            (SlaError::DuplicateFunction { line, .. }, Lang::Fr) => {
                format!("La ligne n° {line} est saisie deux fois : regroupez ses interruptions.")
            }
            (SlaError::DuplicateFunction { line, .. }, Lang::En) => {
                format!("Line #{line} is entered twice: add its interruptions together.")
            }
            (SlaError::NegativeHours { .. }, l) | (SlaError::NegativeChangeHours { .. }, l) => l
                .pick("Les heures ne peuvent pas être négatives.", "Hours cannot be negative.")
                .into(),
            (SlaError::NoTokens { .. }, l) => l
                .pick(
                    "Un changement coûte au moins 1 jeton.",
                    "A change costs at least 1 token.",
                )
                .into(),
            (SlaError::TooMany, l) => l
                .pick(
                    "Plus de 500 saisies pour un mois : simulez moins d'éléments.",
                    "More than 500 entries for one month: simulate fewer.",
                )
                .into(),
            (SlaError::Overflow, l) => l
                .pick("Montants trop grands.", "Amounts too large.")
                .into(),
        }
    }
}

/// Why a clause earns nothing for an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exemption {
    /// §8.4.3.
    NonProduction,
    /// §8.5.3 / §8.5.4: "Pas de SLA" at this level, or P4.
    NoCommitment,
    /// The environment is not subscribed in the quote.
    NotSubscribed,
    /// §8.4.4 a.
    ClientCause,
    /// §8.4.4 b.
    NoLevel3,
    /// §8.4.6.
    IaasDown,
}

impl Exemption {
    pub fn clause(self) -> &'static str {
        match self {
            Exemption::NonProduction => "§8.4.3",
            Exemption::NoCommitment => "§8.5",
            Exemption::NotSubscribed => "§5",
            Exemption::ClientCause => "§8.4.4 a",
            Exemption::NoLevel3 => "§8.4.4 b",
            Exemption::IaasDown => "§8.4.6",
        }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Exemption::NonProduction => lang.pick(
                "hors production : pas de pénalité",
                "non-production: no penalty",
            ),
            Exemption::NoCommitment => lang.pick(
                "pas d'engagement à ce niveau",
                "no commitment at this level",
            ),
            Exemption::NotSubscribed => {
                lang.pick("environnement non souscrit", "environment not subscribed")
            }
            Exemption::ClientCause => {
                lang.pick("cause client (co-managé)", "client cause (co-managed)")
            }
            Exemption::NoLevel3 => lang.pick(
                "pas de support niveau 3 (co-managé)",
                "no level 3 support (co-managed)",
            ),
            Exemption::IaasDown => lang.pick("IaaS indisponible", "IaaS down"),
        }
    }
}

/// §8.5.2 for one function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionCredit {
    pub id: u32,
    pub line: LineId,
    pub item: String,
    pub production: bool,
    pub kubernetes: bool,
    /// The production environment's level in the month.
    pub level: Option<SupportLevel>,
    pub guarantee: Option<Decimal>,
    pub month_minutes: u32,
    /// The interruption minutes counted (after exclusions).
    pub counted_minutes: Decimal,
    /// Measured availability, in %, rounded to 4 decimals for display.
    pub availability: Decimal,
    /// Guarantee minus availability, in points (4 decimals), when below.
    pub gap_points: Option<Decimal>,
    pub tier_percent: Option<Decimal>,
    /// The function's monthly recurring charge billed in the month.
    pub base: Money,
    pub credit: Money,
    pub exemption: Option<Exemption>,
}

/// §8.5.3 for one incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IncidentOutcome {
    pub id: u32,
    pub level: Option<SupportLevel>,
    pub commitment: Option<Commitment>,
    pub late: bool,
    /// Counted in the GTR gap (a production incident with a commitment and
    /// no exclusion).
    pub counted: bool,
    pub exemption: Option<Exemption>,
    /// §8.4.4 c, d: tokens billed to the client for the provider's time.
    pub billed_tokens: u32,
    pub billed: Money,
}

/// §8.5.3 for the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestorationCredit {
    pub resolved: u32,
    pub late: u32,
    /// `resolved`, or 5 when fewer than 5 were resolved.
    pub divisor: u32,
    /// late / divisor, in %, 4 decimals.
    pub gap_percent: Decimal,
    pub tier_percent: Option<Decimal>,
    /// The month's recurring charge of all production units.
    pub base: Money,
    pub credit: Money,
}

/// §8.5.4 for one change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeOutcome {
    pub id: u32,
    pub kind: ChangeKind,
    pub level: Option<SupportLevel>,
    pub commitment: Option<Commitment>,
    pub late: bool,
    /// tokens x multiplier x pay-as-you-go token price.
    pub price: Money,
    pub credit: Money,
    pub exemption: Option<Exemption>,
}

/// How §8.4.10 settled a month where one incident earned both credits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HigherOf {
    /// Functions whose GTD credit shares incidents with the GTR.
    pub functions: Vec<u32>,
    /// Incidents behind both credits.
    pub incidents: Vec<u32>,
    /// Total of both clauses when the GTD credits are kept…
    pub keeping_gtd: Money,
    /// … and when the GTR credit is kept instead.
    pub keeping_gtr: Money,
    pub kept_gtd: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditReport {
    pub month: NaiveDate,
    pub model: ManagementModel,
    /// 000: none under Full DevOps.
    pub apply: bool,
    pub co_managed: bool,
    pub functions: Vec<FunctionCredit>,
    pub incidents: Vec<IncidentOutcome>,
    pub restoration: RestorationCredit,
    pub changes: Vec<ChangeOutcome>,
    pub higher_of: Option<HigherOf>,
    pub availability_total: Money,
    pub restoration_total: Money,
    pub change_total: Money,
    /// Before the cap.
    pub subtotal: Money,
    /// §8.4.9: the month's recurring charge of the Service…
    pub cap_base: Money,
    /// … and 15 % of it.
    pub cap: Money,
    pub capped: bool,
    pub total: Money,
    /// §8.4.4 c, d: what the client is billed in tokens.
    pub billed_tokens: u32,
    pub billed: Money,
}

use crate::engine::timeline::first_of_month;

fn days_in_month(month: NaiveDate) -> u32 {
    let first = first_of_month(month);
    let next = crate::engine::timeline::next_month(first);
    next.map_or(31, |n| n.signed_duration_since(first).num_days() as u32)
}

/// `base x percent / 100`, rounded to the cent (the credit is an amount).
fn percent_of(base: Money, percent: Decimal) -> Result<Money, SlaError> {
    Ok(base
        .checked_mul(percent / Decimal::ONE_HUNDRED)?
        .round_cents())
}

/// The support level of `environment` in force in `month` (§5.3 changes
/// included), if the environment is subscribed.
fn level_in(
    priced: &PricedQuote,
    environment: EnvironmentKind,
    month: NaiveDate,
) -> Option<SupportLevel> {
    let support = priced
        .support
        .iter()
        .find(|s| s.environment == environment)?;
    support
        .segments
        .iter()
        .find(|s| s.from <= month && month < s.to)
        .or_else(|| support.segments.first())
        .map(|s| s.level)
}

/// §8.4.9: the month's recurring charges of the Service (not consumption).
fn recurring_of_month(priced: &PricedQuote, month: NaiveDate) -> Result<Money, SlaError> {
    let next = crate::engine::timeline::next_month(month).ok_or(SlaError::Overflow)?;
    let amounts = priced
        .schedule
        .iter()
        .filter(|i| month <= i.date && i.date < next)
        .filter(|i| {
            matches!(
                i.category,
                Category::Run
                    | Category::Governance
                    | Category::Support
                    | Category::TokenPack
                    | Category::SpecificMonthly
                    | Category::MinimumComplement
            )
        })
        .map(|i| i.amount);
    Ok(Money::checked_sum(amounts)?)
}

/// The simulated month's credits, clause by clause (§8.4, §8.5).
pub fn simulate(
    quote: &Quote,
    priced: &PricedQuote,
    tables: &ServiceLevels,
    input: &CreditMonth,
) -> Result<CreditReport, SlaError> {
    let month = first_of_month(input.month);
    let index = priced
        .months
        .iter()
        .position(|m| *m == month)
        .ok_or(SlaError::MonthOutsideContract { month })?;
    if input.functions.len() + input.incidents.len() + input.changes.len() > MAX_RECORDS {
        return Err(SlaError::TooMany);
    }
    let apply = models::service_levels_apply(quote.model);
    let co_managed = models::co_managed_exclusions(quote.model);
    let month_minutes = days_in_month(month) * MINUTES_PER_DAY;
    let production_level = level_in(priced, EnvironmentKind::Production, month);
    // The monthly service units of the quote, with what they bill this month.
    let unit = |line: LineId| {
        priced
            .lines
            .iter()
            .find(|l| l.id == line && l.category == Category::Run)
    };
    let month_amount = |line: &crate::engine::pricing::PricedLine| {
        line.months.get(index).copied().unwrap_or(Money::ZERO)
    };

    // §8.5.2: availability, function by function.
    let mut functions = Vec::new();
    let mut seen = BTreeSet::new();
    for f in &input.functions {
        let line = unit(f.line).ok_or(SlaError::UnknownLine {
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
        if co_managed {
            excluded += f.client_caused_minutes;
        }
        let counted = f.interruption_minutes - excluded;
        let total = Decimal::from(month_minutes);
        let up = total - counted;
        let availability = (up * Decimal::ONE_HUNDRED / total).round_dp(4);
        let production = input.is_production(f.line);
        let kubernetes = line.family == Family::Kubernetes;
        let base = month_amount(line);
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
            Some(p) if apply => percent_of(base, p)?,
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

    // §8.5.3: restoration, incident by incident, then for the month.
    let mut incidents = Vec::new();
    let on_demand = priced.tokens.on_demand_price;
    for i in &input.incidents {
        if i.resolution_hours.is_sign_negative() || i.work_hours.is_sign_negative() {
            return Err(SlaError::NegativeHours { id: i.id });
        }
        if let Some(line) = i.line {
            unit(line).ok_or(SlaError::UnknownIncidentLine {
                id: i.id,
                line: line.0,
            })?;
        }
        let production = i.environment == EnvironmentKind::Production;
        let level = level_in(priced, i.environment, month);
        let commitment = level.and_then(|l| tables.restoration(i.priority, l, production));
        let late = commitment.is_some_and(|c| i.resolution_hours > Decimal::from(c.hours));
        let exemption = if level.is_none() {
            Some(Exemption::NotSubscribed)
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
    let production_base = Money::checked_sum(
        priced
            .lines
            .iter()
            .filter(|l| l.category == Category::Run && input.is_production(l.id))
            .map(month_amount),
    )?;
    let restoration_with = |not_late: &BTreeSet<u32>| -> Result<RestorationCredit, SlaError> {
        let counted: Vec<&IncidentOutcome> = incidents.iter().filter(|o| o.counted).collect();
        let resolved = counted.len() as u32;
        let late = counted
            .iter()
            .filter(|o| o.late && !not_late.contains(&o.id))
            .count() as u32;
        // §8.5.3: late / resolved from 5 incidents on, late / 5 below.
        let divisor = resolved.max(tables.restoration.minimum_divisor);
        let (late_d, divisor_d) = (Decimal::from(late), Decimal::from(divisor));
        let exceeds = |b: Decimal| late_d * Decimal::ONE_HUNDRED > b * divisor_d;
        let within = |b: Decimal| late_d * Decimal::ONE_HUNDRED <= b * divisor_d;
        let tier_percent = tier_of(&tables.restoration.tiers, exceeds, within);
        let credit = match tier_percent {
            Some(p) if apply => percent_of(production_base, p)?,
            _ => Money::ZERO,
        };
        Ok(RestorationCredit {
            resolved,
            late,
            divisor,
            gap_percent: (late_d * Decimal::ONE_HUNDRED / divisor_d).round_dp(4),
            tier_percent,
            base: production_base,
            credit,
        })
    };

    // §8.4.10: one incident, not both credits: settle the month both ways
    // and grant the higher.
    let mut restoration = restoration_with(&BTreeSet::new())?;
    let mut higher_of = None;
    let conflicts: Vec<(u32, Vec<u32>)> = functions
        .iter()
        .filter(|f| !f.credit.is_zero())
        .filter_map(|f| {
            let ids: Vec<u32> = input
                .incidents
                .iter()
                .zip(&incidents)
                .filter(|(i, o)| i.line == Some(f.line) && o.counted && o.late)
                .map(|(i, _)| i.id)
                .collect();
            (!ids.is_empty()).then_some((f.id, ids))
        })
        .collect();
    if !conflicts.is_empty() && !restoration.credit.is_zero() {
        let conflict_ids: BTreeSet<u32> =
            conflicts.iter().flat_map(|(_, ids)| ids.clone()).collect();
        let conflict_functions: Vec<u32> = conflicts.iter().map(|(f, _)| *f).collect();
        let gtd_all = Money::checked_sum(functions.iter().map(|f| f.credit))?;
        let gtd_shared = Money::checked_sum(
            functions
                .iter()
                .filter(|f| conflict_functions.contains(&f.id))
                .map(|f| f.credit),
        )?;
        let without_shared = restoration_with(&conflict_ids)?;
        let keeping_gtd = gtd_all.checked_add(without_shared.credit)?;
        let keeping_gtr = gtd_all
            .checked_sub(gtd_shared)?
            .checked_add(restoration.credit)?;
        let kept_gtd = keeping_gtd >= keeping_gtr;
        if kept_gtd {
            restoration = without_shared;
        } else {
            for f in functions.iter_mut() {
                if conflict_functions.contains(&f.id) {
                    f.credit = Money::ZERO;
                }
            }
        }
        higher_of = Some(HigherOf {
            functions: conflict_functions,
            incidents: conflict_ids.into_iter().collect(),
            keeping_gtd,
            keeping_gtr,
            kept_gtd,
        });
    }

    // §8.5.4: changes.
    let mut changes = Vec::new();
    for c in &input.changes {
        if c.tokens == 0 {
            return Err(SlaError::NoTokens { id: c.id });
        }
        if c.duration_hours.is_sign_negative() {
            return Err(SlaError::NegativeChangeHours { id: c.id });
        }
        let kind = ChangeKind::of(c.tokens, c.accelerated);
        let production = c.environment == EnvironmentKind::Production;
        let level = level_in(priced, c.environment, month);
        let commitment = level.and_then(|l| tables.change(kind, l));
        let late = commitment.is_some_and(|k| c.duration_hours > Decimal::from(k.hours));
        // §6: x2 accelerated, x2 off hours, at the pay-as-you-go price.
        let multiplier = if c.accelerated { 2 } else { 1 } * if c.off_hours { 2 } else { 1 };
        let tokens = c.tokens.checked_mul(multiplier).ok_or(SlaError::Overflow)?;
        let price = on_demand.checked_mul(Decimal::from(tokens))?.round_cents();
        let exemption = if level.is_none() {
            Some(Exemption::NotSubscribed)
        } else if commitment.is_none() {
            Some(Exemption::NoCommitment)
        } else if !production {
            Some(Exemption::NonProduction)
        } else {
            None
        };
        let credit = if late && exemption.is_none() && apply {
            percent_of(price, tables.change.credit_percent)?
        } else {
            Money::ZERO
        };
        changes.push(ChangeOutcome {
            id: c.id,
            kind,
            level,
            commitment,
            late,
            price,
            credit,
            exemption,
        });
    }

    let availability_total = Money::checked_sum(functions.iter().map(|f| f.credit))?;
    let restoration_total = restoration.credit;
    let change_total = Money::checked_sum(changes.iter().map(|c| c.credit))?;
    let subtotal = Money::checked_sum([availability_total, restoration_total, change_total])?;
    // §8.4.9: never more than 15 % of the month's recurring charge.
    let cap_base = recurring_of_month(priced, month)?;
    let cap = percent_of(cap_base, tables.cap_percent)?;
    let capped = subtotal > cap;
    let total = if capped { cap } else { subtotal };
    let billed_tokens = incidents
        .iter()
        .try_fold(0_u32, |acc, o| acc.checked_add(o.billed_tokens))
        .ok_or(SlaError::Overflow)?;
    let billed = Money::checked_sum(incidents.iter().map(|o| o.billed))?;
    Ok(CreditReport {
        month,
        model: quote.model,
        apply,
        co_managed,
        functions,
        incidents,
        restoration,
        changes,
        higher_of,
        availability_total,
        restoration_total,
        change_total,
        subtotal,
        cap_base,
        cap,
        capped,
        total,
        billed_tokens,
        billed,
    })
}

// ---------------------------------------------------------------------------
// Seed 003: another provider's support catalogue (initial response times)
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupportCatalogue {
    pub name: String,
    pub source: String,
    pub business_hours: OpeningHours,
    pub offers: Vec<Offer>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OpeningHours {
    pub opening: u32,
    pub closing: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    pub key: String,
    pub label: String,
    /// The level of our catalogue it is compared with.
    pub closest_level: SupportLevel,
    pub responses: Vec<Response>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub priority: Priority,
    pub response: ResponseTime,
    /// The seed's words.
    pub excerpt: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case", untagged)]
pub enum ResponseTime {
    Hours { hours: u32, coverage: Coverage },
    BusinessDays { business_days: u32 },
    Word(ResponseWord),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseWord {
    BestEffort,
    NotEligible,
}

impl ResponseTime {
    pub fn describe(&self, opening: &OpeningHours, lang: Lang) -> String {
        match self {
            ResponseTime::Hours {
                hours,
                coverage: Coverage::Always,
            } => format!("{hours} h {}", lang.pick("24h/24 7j/7", "24/7")),
            ResponseTime::Hours { hours, .. } => format!(
                "{hours} h {} ({}h–{}h)",
                lang.pick("ouvrées", "business hours"),
                opening.opening,
                opening.closing
            ),
            ResponseTime::BusinessDays { business_days } => format!(
                "{business_days} {} ({}h–{}h)",
                if *business_days > 1 {
                    lang.pick("jours ouvrés", "business days")
                } else {
                    lang.pick("jour ouvré", "business day")
                },
                opening.opening,
                opening.closing
            ),
            ResponseTime::Word(ResponseWord::BestEffort) => {
                lang.pick("Meilleur effort", "Best effort").into()
            }
            ResponseTime::Word(ResponseWord::NotEligible) => lang
                .pick("Pas d'incident éligible", "No eligible incident")
                .into(),
        }
    }
}

impl SupportCatalogue {
    /// Seed 003's catalogue, as shipped.
    pub fn seed_003() -> Result<Self, TableError> {
        Self::from_json(CATALOGUE_003_JSON)
    }

    pub fn from_json(json: &str) -> Result<Self, TableError> {
        let c: SupportCatalogue =
            serde_json::from_str(json).map_err(|e| TableError::Json(e.to_string()))?;
        if c.business_hours.opening >= c.business_hours.closing || c.business_hours.closing > 24 {
            return Err(TableError::Invalid(
                "opening hours are not a day's range".into(),
            ));
        }
        if c.offers.is_empty() {
            return Err(TableError::Invalid("no offer".into()));
        }
        for o in &c.offers {
            let mut seen = BTreeSet::new();
            for r in &o.responses {
                if !seen.insert(r.priority) {
                    return Err(TableError::Invalid(format!(
                        "offer {}: {} appears twice",
                        o.label,
                        r.priority.label()
                    )));
                }
            }
        }
        Ok(c)
    }

    pub fn response(&self, offer: &Offer, priority: Priority) -> Option<ResponseTime> {
        let _ = self;
        offer
            .responses
            .iter()
            .find(|r| r.priority == priority)
            .map(|r| r.response)
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
        assert!(SupportCatalogue::seed_003().is_ok());
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
