//! SPEC §15: the price book's terms by management model, as data (the
//! prices they give are `document::model_prices`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::document::catalog::Family;
use crate::engine::document::management_model::ManagementModel;
use crate::engine::money::Money;

/// SPEC §15: an item's price under one management model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ModelPrice {
    pub model: ManagementModel,
    pub price: Money,
}

/// SPEC §15: the book's percentage on the prices of some families under a
/// model (`-12` = 12 % less), for the items without a price of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ModelAdjustment {
    pub model: ManagementModel,
    /// The families it applies to; none = every family.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<Family>,
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub percent: Decimal,
}
