//! SPEC §9 (§8 of the service description): service-level guarantees and credits.

use serde::{Deserialize, Serialize};

/// The inputs of one simulated month of service-level credits.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CreditMonth {}
