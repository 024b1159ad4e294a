//! What is wrong with a simulated month's inputs, located by entry.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use thiserror::Error;

use crate::engine::document::managed_function::ManagedFunction;
use crate::engine::lang::Lang;
use crate::engine::money::Overflow;

/// No more incidents, changes or functions in one simulated month.
pub const MAX_RECORDS: usize = 500;

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
    /// §10: the quote has no unit of this managed function.
    #[error("function {id}: {function} is not a managed function of the quote")]
    UnknownFunction { id: u32, function: ManagedFunction },
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
    #[error("function {id}: {function} is entered twice")]
    DuplicateFunction { id: u32, function: ManagedFunction },
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
            SlaError::UnknownFunction { id, .. }
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
            (SlaError::UnknownFunction { function, .. }, lang) => match lang {
                Lang::Fr => format!(
                    "« {} » n'est pas (ou plus) une fonction managée du devis : choisissez-en une autre.",
                    function.label(lang)
                ),
                Lang::En => format!(
                    "“{}” is not (or no longer) a managed function of the quote: pick another one.",
                    function.label(lang)
                ),
            },
            (SlaError::UnknownIncidentLine { line, .. }, Lang::Fr) => format!(
                "La ligne n° {line} n'est pas (ou plus) une unité de service mensuelle du devis : choisissez-en une autre."
            ),
            (SlaError::UnknownIncidentLine { line, .. }, Lang::En) => format!(
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
            (SlaError::DuplicateFunction { function, .. }, Lang::Fr) => format!(
                "« {} » est saisie deux fois : regroupez ses interruptions.",
                function.label(Lang::Fr)
            ),
            (SlaError::DuplicateFunction { function, .. }, Lang::En) => format!(
                "“{}” is entered twice: add its interruptions together.",
                function.label(Lang::En)
            ),
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
