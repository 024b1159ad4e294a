//! The contract over its life (issue 15): the reversibility period after
//! the end (§9.9), a termination date to simulate the exit cost at (§5.3,
//! §5.5, §9.4), and the settings of the MRG risk draws (§9.4).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::line_life::Uncertainty;

/// §9.9 "La durée de la période de réversibilité est limitée à 3 mois."
pub const MAX_REVERSIBILITY_MONTHS: u32 = 3;
/// The draws of the MRG risk by default, and at most.
pub const DEFAULT_DRAWS: u32 = 10_000;
pub const MAX_DRAWS: u32 = 100_000;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContractLife {
    /// §9.9: months of reversibility after the end (or the termination),
    /// 0 to 3, billed on the contract's terms at the last month's prices,
    /// without the restoration guarantee (GTR).
    #[serde(default)]
    pub reversibility_months: u32,
    /// A termination date to simulate what the client still owes (the
    /// exit cost); the contract as quoted runs to its end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminates_on: Option<NaiveDate>,
    /// §9.4: the draws of the MRG risk.
    #[serde(default)]
    pub risk: RiskSettings,
}

impl ContractLife {
    pub fn is_default(&self) -> bool {
        *self == ContractLife::default()
    }
}

/// §9.4: how many scenarios to draw, from which seed (the same seed gives
/// the same figures), and how uncertain the ticket and token forecasts are
/// (each line carries its own, `QuoteLine::uncertainty`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskSettings {
    pub draws: u32,
    pub seed: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tickets: Option<Uncertainty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Uncertainty>,
}

impl Default for RiskSettings {
    fn default() -> Self {
        RiskSettings {
            draws: DEFAULT_DRAWS,
            seed: 1,
            tickets: None,
            tokens: None,
        }
    }
}
