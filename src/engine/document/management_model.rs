//! §2 (000 §3): the management model of a quote, who does what.

use serde::{Deserialize, Serialize};

use crate::engine::lang::Lang;

/// §2 (000 §3): who does what.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ManagementModel {
    #[default]
    FullyManaged,
    CoManaged,
    /// Called "Selfcare" in §3: professional services only.
    #[serde(rename = "full_devops", alias = "full_dev_ops")]
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
