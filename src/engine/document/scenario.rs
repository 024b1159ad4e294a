//! SPEC §1, §2: a scenario the quote compares itself with: the quote with a
//! few settings replaced (model, support level, chain): `Quote::with_scenario`.
//! The comparison that prices them is in `scenarios::comparison`.

use serde::{Deserialize, Serialize};

use super::management_model::ManagementModel;
use super::support::{SupportChain, SupportLevel};
use crate::engine::lang::Lang;

/// SPEC §1: between two and four scenarios are compared (`limits`).
pub use super::limits::{MAX_SCENARIOS, MIN_SCENARIOS};

/// One scenario compared with the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: u32,
    /// The column's title; empty: the model's name and support level.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub model: ManagementModel,
    /// Every environment on this support level for the whole contract
    /// (the quote's planned support changes are then left out); none: the
    /// quote's own levels and changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<SupportLevel>,
    /// Another support chain; none: the quote's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_chain: Option<SupportChain>,
}

impl Scenario {
    pub fn new(id: u32, model: ManagementModel) -> Self {
        Scenario {
            id,
            label: String::new(),
            model,
            support: None,
            support_chain: None,
        }
    }

    /// The column title: the user's label, or the model with the support
    /// level and chain when they differ from the quote's.
    pub fn title(&self, lang: Lang) -> String {
        if !self.label.trim().is_empty() {
            return self.label.trim().to_owned();
        }
        let mut title = self.model.label(lang).to_owned();
        if let Some(level) = self.support {
            title.push_str(" · ");
            title.push_str(level.label(lang));
        }
        if let Some(chain) = self.support_chain {
            title.push_str(" · ");
            title.push_str(chain.label(lang));
        }
        title
    }
}

/// The scenarios shown before the user picks any: the three models with the
/// quote's own support.
pub fn default_scenarios() -> Vec<Scenario> {
    ManagementModel::ALL
        .into_iter()
        .zip(1..)
        .map(|(model, id)| Scenario::new(id, model))
        .collect()
}
