//! SPEC §10: who does what (RACI) under each management and build model.

use serde::{Deserialize, Serialize};

/// The user's changes to the default matrices, kept per model so that
/// switching model and back restores them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RaciSettings {}

impl RaciSettings {
    pub fn is_default(&self) -> bool {
        *self == RaciSettings::default()
    }
}
