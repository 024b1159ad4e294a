//! A line over the contract's life (SPEC §14 "Lines that stop or change",
//! issue 15): the quantity it changes to at dates, the day it ends, and the
//! uncertainty finance draws scenarios from (MRG risk, §9.4).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::money::Quantity;

/// From `date` on, the line is billed for `quantity` (§7: pro rata in the
/// month it changes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuantityChange {
    pub date: NaiveDate,
    pub quantity: Quantity,
}

/// How far a forecast may stray, per run year, for the MRG risk (§9.4):
/// each year the quantity moves by a share drawn evenly between
/// −`down_percent` and +`up_percent` of the year before, and at each
/// anniversary of the run the line ends with probability `end_percent`.
/// All in %, 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(default, with = "rust_decimal::serde::str")]
    pub down_percent: Decimal,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(default, with = "rust_decimal::serde::str")]
    pub up_percent: Decimal,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(default, with = "rust_decimal::serde::str")]
    pub end_percent: Decimal,
}

impl Uncertainty {
    /// No uncertainty at all: the forecast is certain.
    pub fn is_none(&self) -> bool {
        self.down_percent.is_zero() && self.up_percent.is_zero() && self.end_percent.is_zero()
    }
}
