//! Support levels, delivery chains and environments.
//!
//! §5 (SPEC; §5.3, §9.5, §9.6 of the service description).

use serde::{Deserialize, Serialize};

use crate::engine::lang::Lang;

/// §5.3: the support offers, in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupportLevel {
    Initial,
    Standard,
    Premium,
}

impl SupportLevel {
    pub const ALL: [SupportLevel; 3] = [
        SupportLevel::Initial,
        SupportLevel::Standard,
        SupportLevel::Premium,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SupportLevel::Initial => lang.pick("Initial", "Initial"),
            SupportLevel::Standard => lang.pick("Standard", "Standard"),
            SupportLevel::Premium => lang.pick("Premium", "Premium"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SupportLevel::Initial => "initial",
            SupportLevel::Standard => "standard",
            SupportLevel::Premium => "premium",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// §9.5 and §6.8: where the support team works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupportChain {
    #[default]
    OffShore,
    FullFrance,
    /// §6.8: Full France with reinforced security.
    FullFranceSecure,
}

impl SupportChain {
    pub const ALL: [SupportChain; 3] = [
        SupportChain::OffShore,
        SupportChain::FullFrance,
        SupportChain::FullFranceSecure,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SupportChain::OffShore => lang.pick("Off-Shore", "Off-Shore"),
            SupportChain::FullFrance => lang.pick("Full France", "Full France"),
            SupportChain::FullFranceSecure => lang.pick(
                "Full France sécurité renforcée",
                "Full France, reinforced security",
            ),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SupportChain::OffShore => "off_shore",
            SupportChain::FullFrance => "full_france",
            SupportChain::FullFranceSecure => "full_france_secure",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// §9.6: the four environments a client may subscribe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EnvironmentKind {
    Production,
    PreProduction,
    Integration,
    Development,
}

impl EnvironmentKind {
    pub const ALL: [EnvironmentKind; 4] = [
        EnvironmentKind::Production,
        EnvironmentKind::PreProduction,
        EnvironmentKind::Integration,
        EnvironmentKind::Development,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            EnvironmentKind::Production => lang.pick("Production", "Production"),
            EnvironmentKind::PreProduction => lang.pick("Préproduction", "Pre-production"),
            EnvironmentKind::Integration => lang.pick("Intégration", "Integration"),
            EnvironmentKind::Development => lang.pick("Développement", "Development"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            EnvironmentKind::Production => "production",
            EnvironmentKind::PreProduction => "pre_production",
            EnvironmentKind::Integration => "integration",
            EnvironmentKind::Development => "development",
        }
    }
}

/// A subscribed environment and its support level (§5: each environment
/// carries its own level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Environment {
    pub kind: EnvironmentKind,
    pub support: SupportLevel,
}

/// §9.6: the four ticket price classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TicketClass {
    NoSla,
    Initial,
    Standard,
    Premium,
}

impl TicketClass {
    pub const ALL: [TicketClass; 4] = [
        TicketClass::NoSla,
        TicketClass::Initial,
        TicketClass::Standard,
        TicketClass::Premium,
    ];

    /// §9.6: the ticket class of a support level; no subscribed level means no SLA.
    pub fn of(level: Option<SupportLevel>) -> TicketClass {
        match level {
            None => TicketClass::NoSla,
            Some(SupportLevel::Initial) => TicketClass::Initial,
            Some(SupportLevel::Standard) => TicketClass::Standard,
            Some(SupportLevel::Premium) => TicketClass::Premium,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TicketClass::NoSla => lang.pick("Ticket sans SLA", "Ticket, no SLA"),
            TicketClass::Initial => lang.pick("Ticket SLA Initial", "Ticket, Initial SLA"),
            TicketClass::Standard => lang.pick("Ticket SLA Standard", "Ticket, Standard SLA"),
            TicketClass::Premium => lang.pick("Ticket SLA Premium", "Ticket, Premium SLA"),
        }
    }
}

/// §5.3: how often ticket consumption is reviewed against the included tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewPeriod {
    Month,
    #[default]
    Quarter,
    Year,
}

impl ReviewPeriod {
    pub const ALL: [ReviewPeriod; 3] = [
        ReviewPeriod::Month,
        ReviewPeriod::Quarter,
        ReviewPeriod::Year,
    ];

    pub fn months(self) -> u32 {
        match self {
            ReviewPeriod::Month => 1,
            ReviewPeriod::Quarter => 3,
            ReviewPeriod::Year => 12,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ReviewPeriod::Month => lang.pick("mois", "month"),
            ReviewPeriod::Quarter => lang.pick("trimestre", "quarter"),
            ReviewPeriod::Year => lang.pick("année", "year"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ReviewPeriod::Month => "month",
            ReviewPeriod::Quarter => "quarter",
            ReviewPeriod::Year => "year",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}
