//! SPEC §1, §2: the same workload priced under several scenarios.

use serde::{Deserialize, Serialize};

/// One scenario compared with the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {}
