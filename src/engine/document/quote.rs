//! The quote document: what sales type, saved and shared as JSON.
//!
//! The format carries a `schema_version`; every amount and quantity is a JSON
//! string so that no reader turns it into a float.

use crate::engine::document::client_effort::ClientEffort;
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::contract_life::ContractLife;
use super::credit_month::CreditMonth;
use super::migrate;
pub use super::migrate::V1_START_DATE;
use super::pricebook::PriceBook;
use super::raci::RaciSettings;
use super::scenario::{default_scenarios, Scenario};
// The quote's own vocabulary, defined in files of their own so that the
// parts of the document that name them do not import the quote.
pub use super::line::{LineId, QuoteLine};
pub use super::management_model::ManagementModel;
pub use super::token_plan::{PlannedChange, TokenPlan};
use crate::engine::document::catalog::Charge;
use crate::engine::document::support::{
    Environment, EnvironmentKind, ReviewPeriod, SupportChain, SupportLevel,
};
use crate::engine::money::{Money, Quantity};

/// The version of the quote format this build writes; older ones are migrated.
pub const SCHEMA_VERSION: u32 = 3;

use super::limits::{messages, LimitError};
/// §9.1: one year at least; beyond ten years, a typing mistake (the
/// bounds of the document are all in `limits`).
pub use super::limits::{MAX_COMMITMENT_MONTHS, MIN_COMMITMENT_MONTHS};
use crate::engine::lang::Lang;

/// §9.8.1: how the build is invoiced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "mode")]
pub enum BuildBilling {
    /// Small projects: 30 % at signature, 70 % at the end of the build.
    ThirtySeventy { end_of_build: NaiveDate },
    /// Longer builds: lots with a date and a percentage, summing to 100 %.
    Milestones { lots: Vec<BuildMilestone> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BuildMilestone {
    pub id: u32,
    pub label: String,
    /// Delivery date of the lot: its instalment is invoiced and the run of
    /// its lines starts (§9.8.2).
    pub date: NaiveDate,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
}

/// §5.3: a support level change for an environment, on the 1st of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupportChange {
    pub id: u32,
    pub date: NaiveDate,
    pub environment: EnvironmentKind,
    pub level: SupportLevel,
}

/// §5, §9.5: tickets included and forecast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketPlan {
    pub included_per_month: u32,
    pub forecast_per_month: Quantity,
    pub review: ReviewPeriod,
}

impl Default for TicketPlan {
    fn default() -> Self {
        TicketPlan {
            included_per_month: 10,
            forecast_per_month: Quantity::from_whole(10),
            review: ReviewPeriod::Quarter,
        }
    }
}

/// §6, §11: an off-catalogue item quoted specifically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SpecificLine {
    pub id: u32,
    pub label: String,
    pub amount: Money,
    pub charge: Charge,
    /// When a one-time line is invoiced (default: signature).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub schema_version: u32,
    pub client: String,
    pub project: String,
    pub model: ManagementModel,
    /// Signature date: the commitment runs from here (§9.1).
    pub start_date: NaiveDate,
    pub commitment_months: u32,
    /// §9.2: prices are per region.
    #[serde(default = "default_region")]
    pub region: String,
    pub support_chain: SupportChain,
    pub environments: Vec<Environment>,
    pub lines: Vec<QuoteLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build_billing: Option<BuildBilling>,
    #[serde(default)]
    pub support_changes: Vec<SupportChange>,
    #[serde(default)]
    pub tickets: TicketPlan,
    #[serde(default)]
    pub tokens: TokenPlan,
    #[serde(default)]
    pub specific: Vec<SpecificLine>,
    /// §9.2: the access fee is charged unless sales waive it.
    #[serde(default)]
    pub access_fee_waived: bool,
    /// §9.3: the price revision clause.
    #[serde(default)]
    pub revision: RevisionTerms,
    /// §9.4: the minimum guaranteed revenue clause and its simulation.
    #[serde(default)]
    pub mrg: MrgTerms,
    /// §10: the user's changes to the default RACI of each model.
    #[serde(default, skip_serializing_if = "RaciSettings::is_default")]
    pub raci: RaciSettings,
    /// §8.5 (SPEC §9): the month simulated for service-level credits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_simulation: Option<CreditMonth>,
    /// SPEC §1: the scenarios compared side by side with this quote.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparison: Vec<Scenario>,
    /// SPEC §15: the client's day rate and edited effort estimates.
    #[serde(default, skip_serializing_if = "ClientEffort::is_default")]
    pub client_effort: ClientEffort,
    /// Issue 15: reversibility (§9.9), a termination to simulate, the MRG
    /// risk settings (§9.4).
    #[serde(default, skip_serializing_if = "ContractLife::is_default")]
    pub contract_life: ContractLife,
}

/// §9.3: how prices are revised on each anniversary. Options beyond the
/// seed (floor, cap, coefficient rounding) are off by default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RevisionTerms {
    /// §9.3.1: SYNTEC revision of service unit prices.
    pub syntec: bool,
    /// §9.3.2: the specific revision of units needing physical hosting.
    pub specific: bool,
    /// No decrease: a factor below 1 is taken as 1.
    #[serde(default)]
    pub floor: bool,
    /// Yearly cap on the increase, in %.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::engine::money::DecimalText>")
    )]
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub cap_percent: Option<Decimal>,
    /// Round the yearly coefficient up to this many decimals (3 = thousandth).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coefficient_decimals: Option<u32>,
}

impl Default for RevisionTerms {
    fn default() -> Self {
        RevisionTerms {
            syntec: true,
            specific: true,
            floor: false,
            cap_percent: None,
            coefficient_decimals: None,
        }
    }
}

/// §9.4: the minimum guaranteed revenue and what finance simulates with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MrgTerms {
    /// Share of the global run revenue guaranteed, in % (80 by default).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub rate_percent: Decimal,
    /// Overrides the global run revenue G the quote plans (by default the
    /// run revenue of the initial contract, §9.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global_revenue: Option<Money>,
    /// Amount billed per run year, overriding the schedule's forecast
    /// (index 0 = first run year), to simulate under-consumption.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub billed_override: Vec<Option<Money>>,
    /// Scope changes after signature that are not lines of the quote: their
    /// date and run-revenue variation (a line ordered later is a scope
    /// change of its own).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope_changes: Vec<ScopeChange>,
}

impl Default for MrgTerms {
    fn default() -> Self {
        MrgTerms {
            rate_percent: Decimal::from(80),
            global_revenue: None,
            billed_override: Vec::new(),
            scope_changes: Vec::new(),
        }
    }
}

/// §9.4: lines added or removed at a date, worth `variation` of run revenue
/// (negative for a reduction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScopeChange {
    pub id: u32,
    pub date: NaiveDate,
    pub label: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub variation: Decimal,
}

fn default_region() -> String {
    DEFAULT_REGION.to_owned()
}

/// The region of the built-in price book.
pub const DEFAULT_REGION: &str = "FR";

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuoteFileError {
    #[error("the quote is not valid JSON: {0}")]
    Malformed(String),
    #[error("quote format version {found} is not supported (this build reads versions 1 to {supported})")]
    UnsupportedVersion { found: u32, supported: u32 },
    /// Values out of the document's bounds (`limits`), each located.
    #[error("{}", messages(.0, Lang::En))]
    Limits(Vec<LimitError>),
}

impl QuoteFileError {
    /// A sentence for people, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (QuoteFileError::Malformed(why), Lang::Fr) => {
                format!("Le devis n'est pas un fichier JSON valide : {why}")
            }
            (QuoteFileError::UnsupportedVersion { found, supported }, Lang::Fr) => format!(
                "La version {found} du format de devis n'est pas prise en charge (versions 1 à {supported})."
            ),
            (QuoteFileError::Limits(errors), lang) => messages(errors, lang),
            (other, _) => other.to_string(),
        }
    }
}

impl Quote {
    /// The quote as `scenario` prices it (SPEC §1, §2): its model, and its
    /// support level and chain when the scenario sets them.
    pub fn with_scenario(&self, scenario: &Scenario) -> Quote {
        let mut quote = self.clone();
        quote.model = scenario.model;
        if let Some(level) = scenario.support {
            for env in &mut quote.environments {
                env.support = level;
            }
            quote.support_changes.clear();
        }
        if let Some(chain) = scenario.support_chain {
            quote.support_chain = chain;
        }
        // The comparison itself is not part of a scenario.
        quote.comparison.clear();
        quote
    }

    /// The scenarios the quote compares: its own list, or the defaults.
    pub fn scenarios(&self) -> Vec<Scenario> {
        if self.comparison.is_empty() {
            default_scenarios()
        } else {
            self.comparison.clone()
        }
    }

    /// A new, empty proposal signed on `start_date`: Fully Managed, 36
    /// months, production on Standard support.
    pub fn new(start_date: NaiveDate) -> Self {
        Quote {
            schema_version: SCHEMA_VERSION,
            client: String::new(),
            project: String::new(),
            model: ManagementModel::FullyManaged,
            start_date,
            commitment_months: 36,
            region: default_region(),
            support_chain: SupportChain::OffShore,
            environments: vec![Environment {
                kind: EnvironmentKind::Production,
                support: SupportLevel::Standard,
            }],
            lines: Vec::new(),
            build_billing: None,
            support_changes: Vec::new(),
            tickets: TicketPlan::default(),
            tokens: TokenPlan::default(),
            specific: Vec::new(),
            access_fee_waived: false,
            revision: RevisionTerms::default(),
            mrg: MrgTerms::default(),
            raci: RaciSettings::default(),
            sla_simulation: None,
            comparison: Vec::new(),
            client_effort: ClientEffort::default(),
            contract_life: ContractLife::default(),
        }
    }

    /// Reads a quote file, migrating older versions of the format (version
    /// 2's interruptions are placed in managed functions with the built-in
    /// price book's items).
    pub fn from_json(json: &str) -> Result<Self, QuoteFileError> {
        Self::read(json, || {
            PriceBook::builtin().map(|b| vec![b]).unwrap_or_default()
        })
    }

    /// Reads a quote file, migrating older versions with the items of
    /// `books` (those the quote is priced with).
    pub fn from_json_with_books(json: &str, books: &[PriceBook]) -> Result<Self, QuoteFileError> {
        Self::read(json, || books.to_vec())
    }

    fn read(json: &str, books: impl FnOnce() -> Vec<PriceBook>) -> Result<Self, QuoteFileError> {
        let quote = Self::read_unchecked(json, books)?;
        quote.check().map_err(QuoteFileError::Limits)?;
        Ok(quote)
    }

    fn read_unchecked(
        json: &str,
        books: impl FnOnce() -> Vec<PriceBook>,
    ) -> Result<Self, QuoteFileError> {
        #[derive(Deserialize)]
        struct Version {
            schema_version: u32,
        }
        let malformed = |e: serde_json::Error| QuoteFileError::Malformed(e.to_string());
        let version: Version = serde_json::from_str(json).map_err(malformed)?;
        let old = |json: &str| serde_json::from_str(json).map_err(malformed);
        let value = match version.schema_version {
            1 => migrate::from_v1(old(json)?, SCHEMA_VERSION),
            2 => migrate::from_v2(old(json)?, SCHEMA_VERSION, books),
            SCHEMA_VERSION => return serde_json::from_str(json).map_err(malformed),
            found => {
                return Err(QuoteFileError::UnsupportedVersion {
                    found,
                    supported: SCHEMA_VERSION,
                })
            }
        }
        .map_err(QuoteFileError::Malformed)?;
        serde_json::from_value(value).map_err(malformed)
    }

    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The first day after the commitment (exclusive end of the contract).
    pub fn end_date(&self) -> Option<NaiveDate> {
        self.start_date
            .checked_add_months(Months::new(self.commitment_months))
    }

    /// Adds a line for a catalogue item, quantity 1, and returns its id.
    pub fn add_line(&mut self, item: &str) -> LineId {
        let id = LineId(self.lines.iter().map(|l| l.id.0 + 1).max().unwrap_or(1));
        self.lines.push(QuoteLine::new(id, item, Quantity::ONE));
        id
    }

    pub fn remove_line(&mut self, id: LineId) {
        self.lines.retain(|l| l.id != id);
    }

    pub fn line_mut(&mut self, id: LineId) -> Option<&mut QuoteLine> {
        self.lines.iter_mut().find(|l| l.id == id)
    }

    pub fn set_quantity(&mut self, id: LineId, quantity: Quantity) {
        if let Some(line) = self.line_mut(id) {
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
            (Some(_), None) => {
                self.environments.retain(|e| e.kind != kind);
                self.support_changes.retain(|c| c.environment != kind);
            }
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

    /// The next free id among a list's items.
    pub fn next_id<T>(items: &[T], id: impl Fn(&T) -> u32) -> u32 {
        items.iter().map(|i| id(i) + 1).max().unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::document::catalog::BuildModel;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn new_line_ids_are_never_reused_while_lines_remain() {
        let mut q = Quote::new(day(2027, 1, 1));
        let a = q.add_line("OS-MGD");
        let b = q.add_line("DB-MGD");
        assert_ne!(a, b);
        q.remove_line(a);
        let c = q.add_line("OS-MGD");
        assert_ne!(c, b);
    }

    #[test]
    fn environments_stay_unique_and_in_order() {
        let mut q = Quote::new(day(2027, 1, 1));
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
            ..Quote::new(day(2027, 1, 1))
        };
        let id = q.add_line("OS-MGD");
        q.set_quantity(id, Quantity::from_file_text("2.5").unwrap());
        let back = Quote::from_json(&q.to_json()).unwrap();
        assert_eq!(back, q);
    }

    #[test]
    fn another_schema_version_is_refused_by_name() {
        let json = Quote::new(day(2027, 1, 1))
            .to_json()
            .replace("\"schema_version\": 3", "\"schema_version\": 99");
        assert_eq!(
            Quote::from_json(&json),
            Err(QuoteFileError::UnsupportedVersion {
                found: 99,
                supported: 3
            })
        );
    }

    #[test]
    fn a_version_1_quote_is_migrated_with_defaults() {
        let v1 = r#"{"schema_version": 1, "client": "ACME", "project": "ERP",
            "model": "co_managed", "commitment_months": 24, "support_chain": "full_france",
            "environments": [{"kind": "production", "support": "premium"}],
            "lines": [{"id": 1, "item": "OS-MGD", "quantity": "3"}]}"#;
        let q = Quote::from_json(v1).unwrap();
        assert_eq!(q.schema_version, SCHEMA_VERSION);
        assert_eq!(q.start_date, day(2027, 1, 1));
        assert_eq!(q.model, ManagementModel::CoManaged);
        assert_eq!(q.lines[0].build, BuildModel::NoBuild);
        assert_eq!(q.region, "FR");
    }
}
