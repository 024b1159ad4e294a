//! SPEC §15: the client's own effort, as the quote holds it: the client's
//! day rate and the estimates the user edited (the defaults are data beside
//! the RACI table, `responsibilities/raci.json`). An estimate, never an
//! invoice: nothing here reaches the schedule, the MRG or the totals.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::money::Money;

/// The client's effort settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClientEffort {
    /// What a day of the client's own team costs (illustrative default).
    #[serde(default = "default_day_rate")]
    pub day_rate: Money,
    /// Hours in one of the client's days.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(default = "default_hours_per_day", with = "rust_decimal::serde::str")]
    pub hours_per_day: Decimal,
    /// The estimates edited, by activity (the others keep their default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub estimates: Vec<EffortEstimate>,
}

/// An activity's effort a month, as edited: a fixed part and a part per
/// managed unit of the families it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EffortEstimate {
    pub activity: String,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub fixed_hours: Decimal,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub per_unit_hours: Decimal,
}

fn default_day_rate() -> Money {
    Money::euros(600)
}

fn default_hours_per_day() -> Decimal {
    Decimal::from(7)
}

impl Default for ClientEffort {
    fn default() -> Self {
        ClientEffort {
            day_rate: default_day_rate(),
            hours_per_day: default_hours_per_day(),
            estimates: Vec::new(),
        }
    }
}

impl ClientEffort {
    pub fn is_default(&self) -> bool {
        *self == ClientEffort::default()
    }

    pub fn estimate(&self, activity: &str) -> Option<&EffortEstimate> {
        self.estimates.iter().find(|e| e.activity == activity)
    }

    /// Sets an activity's estimate; back to the default when it equals it.
    pub fn set(&mut self, estimate: EffortEstimate, default: Option<(Decimal, Decimal)>) {
        self.estimates.retain(|e| e.activity != estimate.activity);
        if default != Some((estimate.fixed_hours, estimate.per_unit_hours)) {
            self.estimates.push(estimate);
        }
    }
}
