//! SPEC §9 (§8.5): the inputs of one simulated month of service-level
//! credits, as the quote file stores them: interruptions per managed
//! function (§10), incidents, changes. The simulation itself is in
//! `service_levels`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::line::LineId;
use super::managed_function::ManagedFunction;
use super::support::EnvironmentKind;
use crate::engine::lang::Lang;
use crate::engine::timeline::first_of_month;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    P1,
    P2,
    #[default]
    P3,
    P4,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];

    pub fn key(self) -> &'static str {
        match self {
            Priority::P1 => "p1",
            Priority::P2 => "p2",
            Priority::P3 => "p3",
            Priority::P4 => "p4",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }
}

/// Who caused an incident (§8.4.4, §8.4.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The provider, or not established.
    #[default]
    Provider,
    /// A misconfiguration or action of the client (§8.4.4 a, c).
    Client,
    /// A shared responsibility (§8.4.4 d).
    Shared,
    /// The client's IaaS was down (§8.4.6).
    Iaas,
}

impl Cause {
    pub const ALL: [Cause; 4] = [Cause::Provider, Cause::Client, Cause::Shared, Cause::Iaas];

    pub fn key(self) -> &'static str {
        match self {
            Cause::Provider => "provider",
            Cause::Client => "client",
            Cause::Shared => "shared",
            Cause::Iaas => "iaas",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Cause::Provider => lang.pick("Prestataire / non établie", "Provider / not established"),
            Cause::Client => lang.pick("Client", "Client"),
            Cause::Shared => lang.pick("Partagée", "Shared"),
            Cause::Iaas => lang.pick("IaaS indisponible", "IaaS down"),
        }
    }
}

/// The inputs of one simulated month of service-level credits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreditMonth {
    /// The month simulated (its first day).
    pub month: NaiveDate,
    /// The lines that are non-production units (§8.4.3); the others are
    /// production units.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub non_production: Vec<LineId>,
    /// §8.5.2: interruptions per managed function.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<FunctionMonth>,
    /// §8.5.3: incidents resolved in the month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<IncidentRecord>,
    /// §8.5.4: changes carried out in the month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeRecord>,
    /// §8.2: the day the client claims the month's credits ("Réclamation
    /// SLA"). None: not claimed, no credit is granted. A claim more than 30
    /// days after the month earns none; a granted credit is deducted from
    /// the invoice of the month after the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimed_on: Option<NaiveDate>,
}

impl CreditMonth {
    pub fn new(month: NaiveDate) -> Self {
        CreditMonth {
            month: first_of_month(month),
            non_production: Vec::new(),
            functions: Vec::new(),
            incidents: Vec::new(),
            changes: Vec::new(),
            claimed_on: None,
        }
    }

    pub fn is_production(&self, line: LineId) -> bool {
        !self.non_production.contains(&line)
    }
}

/// §8.5.2: one managed function's month (§10 "Fonction Managée": a group
/// of production units, `"os"`, or one application, `"application:3"`).
/// Minutes are covered minutes of the monitoring window (24/7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FunctionMonth {
    pub id: u32,
    pub function: ManagedFunction,
    /// All interruptions of the month, in minutes.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub interruption_minutes: Decimal,
    /// Of which while the client's IaaS was down (§8.4.6: excluded).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(default, with = "rust_decimal::serde::str")]
    pub iaas_down_minutes: Decimal,
    /// Of which with the client involved in the cause (§8.4.4 a: excluded
    /// under Co-Managed).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(default, with = "rust_decimal::serde::str")]
    pub client_caused_minutes: Decimal,
}

/// §8.5.3: one incident resolved in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IncidentRecord {
    pub id: u32,
    pub priority: Priority,
    pub environment: EnvironmentKind,
    /// The unit it interrupted, if any: its line's managed function is the
    /// one it interrupted (§8.4.10: higher of GTD and GTR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<LineId>,
    /// Time to restore, in covered hours of its window (§8.3).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub resolution_hours: Decimal,
    #[serde(default)]
    pub cause: Cause,
    /// §8.4.4 b: whether the provider holds level 3 support for the unit.
    #[serde(default = "yes")]
    pub provider_level3: bool,
    /// Provider's time spent on it, in hours (§8.4.4 c, d: billed in tokens
    /// when the client caused it).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(default, with = "rust_decimal::serde::str")]
    pub work_hours: Decimal,
}

fn yes() -> bool {
    true
}

/// §8.5.4: one change carried out in the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeRecord {
    pub id: u32,
    pub environment: EnvironmentKind,
    /// Catalogue tokens of the change (1 = simple, more = complex).
    pub tokens: u32,
    #[serde(default)]
    pub accelerated: bool,
    /// §6: carried out off business hours (x2 on its price).
    #[serde(default)]
    pub off_hours: bool,
    /// Time to complete, in covered (business) hours.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub duration_hours: Decimal,
}
