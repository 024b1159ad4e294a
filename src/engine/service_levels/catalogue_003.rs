//! Seed 003: another provider's support catalogue (initial response times by
//! offer and priority, GTI), loadable as an alternative support catalogue
//! (`support_catalogue_003.json`, beside this file).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::tables::TableError;
use crate::engine::calendar::Coverage;
use crate::engine::document::credit_month::Priority;
use crate::engine::document::support::SupportLevel;
use crate::engine::lang::Lang;

const CATALOGUE_003_JSON: &str = include_str!("support_catalogue_003.json");

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
    fn builtin_catalogue_003_loads() {
        assert!(SupportCatalogue::seed_003().is_ok());
    }
}
