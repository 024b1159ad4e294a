//! A quote line: a catalogue item ordered in some quantity, with its build,
//! lot, order date and what it relies on.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::catalog::{BuildModel, Family};
use super::line_life::{QuantityChange, Uncertainty};
use crate::engine::money::Quantity;

/// A line's identifier, stable across edits (not its position).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct LineId(pub u32);

/// A catalogue item ordered in some quantity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuoteLine {
    pub id: LineId,
    /// The price book item code.
    pub item: String,
    pub quantity: Quantity,
    /// §4.1: how the provider builds these resources.
    #[serde(default)]
    pub build: BuildModel,
    /// §4.1 (SPEC §14): with No Build "la ressource n'est pas managée": the
    /// resource is not taken into management by this contract and carries
    /// no service-level guarantee, unless it is already onboarded (taken
    /// over from an earlier contract).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub onboarded: bool,
    /// §9.8: the build lot (milestone) whose delivery starts this line's run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot: Option<u32>,
    /// §9.7: a line ordered after signature, on this date (priced with the
    /// book in force then, at the tier of the remaining commitment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordered_on: Option<NaiveDate>,
    /// §7.1.2, §5.11.4: the managed families this application (or
    /// supervised function) relies on, which must be quoted too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uses: Vec<Family>,
    /// §9.3.3: yearly increase passed through from a licence or equipment
    /// vendor, in % (`"4"` = 4 %), applied at each anniversary.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Option<crate::engine::money::DecimalText>")
    )]
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub pass_through_percent: Option<Decimal>,
    /// SPEC §14: the first day the line is no longer billed (before the end
    /// of the contract), pro rata in its month (§7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<NaiveDate>,
    /// SPEC §14: quantities from later dates on, in date order (§7: pro
    /// rata in the month of each change). A reduction lowers what is billed,
    /// never the MRG (§9.4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantity_changes: Vec<QuantityChange>,
    /// §9.4: how uncertain the line's forecast is, for the MRG risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Uncertainty>,
}

impl QuoteLine {
    /// A line of `quantity` of `item`, built No Build, ordered at signature.
    pub fn new(id: LineId, item: &str, quantity: Quantity) -> Self {
        QuoteLine {
            id,
            item: item.to_owned(),
            quantity,
            build: BuildModel::NoBuild,
            onboarded: false,
            lot: None,
            ordered_on: None,
            uses: Vec::new(),
            pass_through_percent: None,
            ends_on: None,
            quantity_changes: Vec::new(),
            uncertainty: None,
        }
    }

    /// Whether the line changes over the contract (ends early or changes
    /// quantity).
    pub fn changes_over_time(&self) -> bool {
        self.ends_on.is_some() || !self.quantity_changes.is_empty()
    }
}
