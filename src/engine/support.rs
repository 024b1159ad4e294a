//! Support levels, delivery chains and environments.
//!
//! §5 (SPEC; §5.3, §9.5, §9.6 of the service description).

use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// §5.3: the support offers, in increasing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
#[serde(deny_unknown_fields)]
pub struct Environment {
    pub kind: EnvironmentKind,
    pub support: SupportLevel,
}
