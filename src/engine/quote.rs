//! The quote document: what sales type, saved and shared as JSON.
//!
//! The format carries a `schema_version`; every amount and quantity is a JSON
//! string so that no reader turns it into a float.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::lang::Lang;
use super::money::Quantity;
use super::support::{Environment, EnvironmentKind, SupportChain, SupportLevel};

/// The version of the quote format this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// §9.1: the service is subscribed for at least one year.
pub const MIN_COMMITMENT_MONTHS: u32 = 12;
/// Beyond ten years a commitment is treated as a typing mistake.
pub const MAX_COMMITMENT_MONTHS: u32 = 120;

/// §2 (000 §3): who does what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ManagementModel {
    #[default]
    FullyManaged,
    CoManaged,
    /// Called "Selfcare" in §3: professional services only.
    FullDevOps,
}

impl ManagementModel {
    pub const ALL: [ManagementModel; 3] = [
        ManagementModel::FullyManaged,
        ManagementModel::CoManaged,
        ManagementModel::FullDevOps,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ManagementModel::FullyManaged => lang.pick("Fully Managed", "Fully Managed"),
            ManagementModel::CoManaged => lang.pick("Co-Managed", "Co-Managed"),
            ManagementModel::FullDevOps => lang.pick("Full DevOps", "Full DevOps"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ManagementModel::FullyManaged => "fully_managed",
            ManagementModel::CoManaged => "co_managed",
            ManagementModel::FullDevOps => "full_devops",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// A line's identifier, stable across edits (not its position).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LineId(pub u32);

/// A catalogue item ordered in some quantity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteLine {
    pub id: LineId,
    /// The price book item code.
    pub item: String,
    pub quantity: Quantity,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub schema_version: u32,
    pub client: String,
    pub project: String,
    pub model: ManagementModel,
    pub commitment_months: u32,
    pub support_chain: SupportChain,
    pub environments: Vec<Environment>,
    pub lines: Vec<QuoteLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuoteFileError {
    #[error("the quote is not valid JSON: {0}")]
    Malformed(String),
    #[error(
        "quote format version {found} is not supported (this build reads version {supported})"
    )]
    UnsupportedVersion { found: u32, supported: u32 },
}

impl Default for Quote {
    /// A new, empty proposal: Fully Managed, 36 months, production on Standard.
    fn default() -> Self {
        Quote {
            schema_version: SCHEMA_VERSION,
            client: String::new(),
            project: String::new(),
            model: ManagementModel::FullyManaged,
            commitment_months: 36,
            support_chain: SupportChain::OffShore,
            environments: vec![Environment {
                kind: EnvironmentKind::Production,
                support: SupportLevel::Standard,
            }],
            lines: Vec::new(),
        }
    }
}

impl Quote {
    pub fn from_json(json: &str) -> Result<Self, QuoteFileError> {
        #[derive(Deserialize)]
        struct Version {
            schema_version: u32,
        }
        let version: Version =
            serde_json::from_str(json).map_err(|e| QuoteFileError::Malformed(e.to_string()))?;
        if version.schema_version != SCHEMA_VERSION {
            return Err(QuoteFileError::UnsupportedVersion {
                found: version.schema_version,
                supported: SCHEMA_VERSION,
            });
        }
        serde_json::from_str(json).map_err(|e| QuoteFileError::Malformed(e.to_string()))
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Adds a line for a catalogue item, quantity 1, and returns its id.
    pub fn add_line(&mut self, item: &str) -> LineId {
        let id = LineId(self.lines.iter().map(|l| l.id.0 + 1).max().unwrap_or(1));
        self.lines.push(QuoteLine {
            id,
            item: item.to_owned(),
            quantity: Quantity::ONE,
        });
        id
    }

    pub fn remove_line(&mut self, id: LineId) {
        self.lines.retain(|l| l.id != id);
    }

    pub fn set_quantity(&mut self, id: LineId, quantity: Quantity) {
        if let Some(line) = self.lines.iter_mut().find(|l| l.id == id) {
            line.quantity = quantity;
        }
    }

    /// Subscribes an environment at a level, or removes it with `None`.
    pub fn set_environment(&mut self, kind: EnvironmentKind, support: Option<SupportLevel>) {
        match (
            self.environments.iter_mut().find(|e| e.kind == kind),
            support,
        ) {
            (Some(env), Some(level)) => env.support = level,
            (Some(_), None) => self.environments.retain(|e| e.kind != kind),
            (None, Some(level)) => {
                self.environments.push(Environment {
                    kind,
                    support: level,
                });
                self.environments.sort_by_key(|e| e.kind);
            }
            (None, None) => {}
        }
    }

    pub fn environment(&self, kind: EnvironmentKind) -> Option<&Environment> {
        self.environments.iter().find(|e| e.kind == kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_line_ids_are_never_reused_while_lines_remain() {
        let mut q = Quote::default();
        let a = q.add_line("OS-MGD");
        let b = q.add_line("DB-MGD");
        assert_ne!(a, b);
        q.remove_line(a);
        let c = q.add_line("OS-MGD");
        assert_ne!(c, b);
    }

    #[test]
    fn environments_stay_unique_and_in_order() {
        let mut q = Quote::default();
        q.set_environment(EnvironmentKind::Development, Some(SupportLevel::Initial));
        q.set_environment(EnvironmentKind::PreProduction, Some(SupportLevel::Standard));
        q.set_environment(EnvironmentKind::Development, Some(SupportLevel::Standard));
        let kinds: Vec<_> = q.environments.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EnvironmentKind::Production,
                EnvironmentKind::PreProduction,
                EnvironmentKind::Development
            ]
        );
        q.set_environment(EnvironmentKind::Production, None);
        assert!(q.environment(EnvironmentKind::Production).is_none());
    }

    #[test]
    fn a_quote_round_trips_through_json() {
        let mut q = Quote {
            client: "ACME".into(),
            ..Quote::default()
        };
        let id = q.add_line("OS-MGD");
        q.set_quantity(id, Quantity::parse("2.5").unwrap());
        let back = Quote::from_json(&q.to_json()).unwrap();
        assert_eq!(back, q);
    }

    #[test]
    fn another_schema_version_is_refused_by_name() {
        let json = Quote::default()
            .to_json()
            .replace("\"schema_version\": 1", "\"schema_version\": 99");
        assert_eq!(
            Quote::from_json(&json),
            Err(QuoteFileError::UnsupportedVersion {
                found: 99,
                supported: 1
            })
        );
    }
}
