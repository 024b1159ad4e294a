//! The price book ("fiche tarifaire"): what each catalogue item costs.
//!
//! SPEC §13: the seeds give no prices; the built-in book is illustrative and
//! says so. All prices live in the data file, never in code.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use rust_decimal::Decimal;

use crate::engine::document::catalog::{BackupRetention, BuildModel, Charge, Family, Unit};
use crate::engine::document::managed_function::FunctionGroup;
use crate::engine::document::model_terms::{ModelAdjustment, ModelPrice};
use crate::engine::document::support::{SupportChain, SupportLevel, TicketClass};
use crate::engine::money::Money;

/// A text in the two languages of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Text {
    pub fr: String,
    pub en: String,
}

/// One priced catalogue entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceItem {
    /// Stable identifier used by quotes (`OS-MGD`).
    pub code: String,
    pub family: Family,
    pub name: Text,
    pub unit: Unit,
    pub charge: Charge,
    /// Price per unit, per month for a monthly charge.
    pub price: Money,
    /// The clause of the service description that defines the item (`§6.2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// §7: whether the commitment-tier discounts apply to this item.
    #[serde(default)]
    pub tiered: bool,
    /// §4: build prices, for items that can be built.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<BuildPrices>,
    /// §10 "Fonction Managée": the managed function the item's units belong
    /// to, when not the one of its family (`log_as_a_service` for Log as a
    /// Service, a Big Data item; `sap` for SAP units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<FunctionGroup>,
    /// §5 (§6.1.1, §6.1.2): the governance role this item fills, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<GovernanceRole>,
    /// §9.3.1: whether SYNTEC revision applies; by default every monthly
    /// service unit except backup and restore (support, tokens and one-time
    /// charges are never catalogue items revised).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revisable: Option<bool>,
    /// §9.3.2: the equipment needs physical hosting: the specific (ICC and
    /// electricity) revision applies too.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub physical_hosting: bool,
    /// §5.10.2: the retention policy of a backup item; with it the book is
    /// checked (SPEC §14: a longer retention never costs less than a shorter
    /// one for the same unit, see `PriceBook::warnings`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<BackupRetention>,
    /// SPEC §15: the unit price under a management model, when it differs
    /// (`document::model_prices`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub model_prices: Vec<ModelPrice>,
}

/// §6.1.1–6.1.2: the two governance roles bound to Premium support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GovernanceRole {
    ServiceDeliveryManager,
    ContractBusinessManager,
}

/// §4: the price of the first resource of a type and of each further one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FirstNext {
    pub first: Money,
    pub next: Money,
}

/// §4.1: build prices per build model (No Build costs nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BuildPrices {
    pub backend: FirstNext,
    pub operations: FirstNext,
    pub full: FirstNext,
}

impl BuildPrices {
    pub fn for_model(&self, model: BuildModel) -> Option<FirstNext> {
        match model {
            BuildModel::NoBuild => None,
            BuildModel::Backend => Some(self.backend),
            BuildModel::Operations => Some(self.operations),
            BuildModel::Full => Some(self.full),
        }
    }
}

/// §7: a commitment tier and its discount on tiered items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CommitmentTier {
    pub months: u32,
    /// Percentage off the list price (`"3"` = 3 %).
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "crate::engine::money::DecimalText")
    )]
    #[serde(with = "rust_decimal::serde::str")]
    pub discount_percent: Decimal,
}

/// §9.6: the price of one incident ticket of a class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TicketPrice {
    pub class: TicketClass,
    pub price: Money,
}

/// §6: the on-demand (pay-as-you-go) price of one token on a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TokenPrice {
    pub chain: SupportChain,
    pub on_demand: Money,
}

/// §6: a monthly token pack, committed until the end of the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TokenPack {
    pub code: String,
    pub chain: SupportChain,
    pub tokens_per_month: u32,
    pub monthly: Money,
}

/// §6 (§5.5, §5.11.8): a catalogued change and its cost in tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogChange {
    pub code: String,
    pub name: Text,
    pub tokens: u32,
}

impl CatalogChange {
    /// §10: a simple change costs 1 token, a complex one more.
    pub fn is_complex(&self) -> bool {
        self.tokens > 1
    }
}

/// §9.2 (SPEC §14): how the book reads the monthly minimum. The seed says
/// both "minimum de facturation mensuel" (a floor) and "auxquels s'ajoute le
/// prix des Unités de Service" (a fee the units are added to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MinimumMode {
    /// A floor: a month whose subscriptions fall below the minimum is topped
    /// up to it by a "minimum billing complement".
    #[default]
    Floor,
    /// A base fee: the minimum is billed every run month (pro rata in a
    /// partial month) and the units are added to it; no complement.
    BaseFee,
}

/// §9.5: the monthly support fee for a level on a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SupportFee {
    pub level: SupportLevel,
    pub chain: SupportChain,
    pub monthly: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceBook {
    pub id: String,
    pub version: String,
    /// The date from which this book's prices apply (§9.7).
    pub effective_date: NaiveDate,
    pub currency: String,
    /// §9.2: prices are defined per region.
    pub region: String,
    /// True for the invented default book; the UI labels it as such.
    pub illustrative: bool,
    pub label: Text,
    pub items: Vec<PriceItem>,
    pub support: Vec<SupportFee>,
    /// §9.2: one-time access fee of the service.
    pub access_fee: Money,
    /// §9.2: the monthly billing minimum.
    pub monthly_minimum: Money,
    /// §9.2 (SPEC §14): whether the minimum is a floor (default) or a base fee.
    #[serde(default)]
    pub monthly_minimum_mode: MinimumMode,
    /// §7: commitment tiers, in increasing months.
    pub commitment_tiers: Vec<CommitmentTier>,
    /// §9.6: ticket prices per class.
    pub tickets: Vec<TicketPrice>,
    /// §6: on-demand token prices per chain.
    pub tokens: Vec<TokenPrice>,
    pub token_packs: Vec<TokenPack>,
    /// §5.5: the change catalogue, in tokens.
    pub changes: Vec<CatalogChange>,
    /// SPEC §15: percentages by management model and family.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub model_adjustments: Vec<ModelAdjustment>,
}

/// §9.2: the tier of a later order, and the tier it was capped from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LaterTier {
    pub tier: Option<CommitmentTier>,
    /// The rounded-up tier (in months) when it was better than the
    /// contract's own and the contract's was taken instead.
    pub capped_from: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PriceBookError {
    #[error("the price book is not valid JSON: {0}")]
    Malformed(String),
    #[error("item code “{code}” appears more than once")]
    DuplicateCode { code: String },
    #[error("item #{index} has an empty code")]
    EmptyCode { index: usize },
    #[error("no support fee for level {level:?} on chain {chain:?}")]
    MissingSupportFee {
        level: SupportLevel,
        chain: SupportChain,
    },
    #[error("only EUR price books are supported, not “{0}”")]
    Currency(String),
    #[error(
        "commitment tiers must be in strictly increasing months, with a discount from 0 to 100 %"
    )]
    Tiers,
    #[error("no ticket price for class {0:?}")]
    MissingTicketPrice(TicketClass),
    #[error("no on-demand token price for chain {0:?}")]
    MissingTokenPrice(SupportChain),
    #[error("code “{code}” appears more than once among token packs or changes")]
    DuplicateTokenCode { code: String },
    #[error("several price books for region “{region}” take effect on {date}")]
    DuplicateEffectiveDate { region: String, date: NaiveDate },
    #[error("no price book given")]
    Empty,
    #[error("{0}")]
    OutOfBounds(String),
}

/// The built-in illustrative price book, embedded in the binary so that the
/// app works offline from the first load.
pub const DEFAULT_PRICE_BOOK_JSON: &str = include_str!("default_pricebook.json");

/// Several versions of the price book, per region and effective date (§9.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PriceBooks(Vec<PriceBook>);

impl PriceBooks {
    pub fn new(books: Vec<PriceBook>) -> Result<Self, PriceBookError> {
        if books.is_empty() {
            return Err(PriceBookError::Empty);
        }
        let mut seen = BTreeSet::new();
        for book in &books {
            book.validate()?;
            if !seen.insert((book.region.as_str(), book.effective_date)) {
                return Err(PriceBookError::DuplicateEffectiveDate {
                    region: book.region.clone(),
                    date: book.effective_date,
                });
            }
        }
        Ok(PriceBooks(books))
    }

    pub fn builtin() -> Result<Self, PriceBookError> {
        Self::new(vec![PriceBook::builtin()?])
    }

    pub fn all(&self) -> &[PriceBook] {
        &self.0
    }

    /// §9.7: the book of `region` in force on `date`: the latest one whose
    /// effective date is not after it.
    pub fn in_force(&self, region: &str, date: NaiveDate) -> Option<&PriceBook> {
        self.0
            .iter()
            .filter(|b| b.region == region && b.effective_date <= date)
            .max_by_key(|b| b.effective_date)
    }

    /// The earliest book of a region: the catalogue shown before any date is set.
    pub fn regions(&self) -> Vec<&str> {
        let set: BTreeSet<&str> = self.0.iter().map(|b| b.region.as_str()).collect();
        set.into_iter().collect()
    }

    /// The latest book of a region, to list the catalogue in the editor.
    pub fn latest(&self, region: &str) -> Option<&PriceBook> {
        self.0
            .iter()
            .filter(|b| b.region == region)
            .max_by_key(|b| b.effective_date)
    }
}

impl PriceBook {
    /// Parses and validates a price book file.
    pub fn from_json(json: &str) -> Result<Self, PriceBookError> {
        let book: PriceBook =
            serde_json::from_str(json).map_err(|e| PriceBookError::Malformed(e.to_string()))?;
        book.validate()?;
        Ok(book)
    }

    /// The built-in book. It is checked by the test suite, so failing here
    /// would be a build defect; the caller still gets an error, not a panic.
    pub fn builtin() -> Result<Self, PriceBookError> {
        Self::from_json(DEFAULT_PRICE_BOOK_JSON)
    }

    pub fn validate(&self) -> Result<(), PriceBookError> {
        if self.currency != "EUR" {
            return Err(PriceBookError::Currency(self.currency.clone()));
        }
        let mut seen = BTreeSet::new();
        for (index, item) in self.items.iter().enumerate() {
            if item.code.trim().is_empty() {
                return Err(PriceBookError::EmptyCode { index });
            }
            if !seen.insert(item.code.as_str()) {
                return Err(PriceBookError::DuplicateCode {
                    code: item.code.clone(),
                });
            }
        }
        for level in SupportLevel::ALL {
            for chain in SupportChain::ALL {
                if self.support_fee(level, chain).is_none() {
                    return Err(PriceBookError::MissingSupportFee { level, chain });
                }
            }
        }
        let tiers_ok = self
            .commitment_tiers
            .windows(2)
            .all(|w| w[0].months < w[1].months)
            && self.commitment_tiers.iter().all(|t| {
                t.discount_percent >= Decimal::ZERO && t.discount_percent <= Decimal::ONE_HUNDRED
            });
        if !tiers_ok {
            return Err(PriceBookError::Tiers);
        }
        for class in TicketClass::ALL {
            if self.ticket_price(class).is_none() {
                return Err(PriceBookError::MissingTicketPrice(class));
            }
        }
        for chain in SupportChain::ALL {
            if self.token_price(chain).is_none() {
                return Err(PriceBookError::MissingTokenPrice(chain));
            }
        }
        let mut codes = BTreeSet::new();
        for code in self
            .token_packs
            .iter()
            .map(|p| &p.code)
            .chain(self.changes.iter().map(|c| &c.code))
        {
            if !codes.insert(code.as_str()) {
                return Err(PriceBookError::DuplicateTokenCode { code: code.clone() });
            }
        }
        self.check_bounds()
    }

    pub fn ticket_price(&self, class: TicketClass) -> Option<Money> {
        self.tickets
            .iter()
            .find(|t| t.class == class)
            .map(|t| t.price)
    }

    pub fn token_price(&self, chain: SupportChain) -> Option<Money> {
        self.tokens
            .iter()
            .find(|t| t.chain == chain)
            .map(|t| t.on_demand)
    }

    pub fn change(&self, code: &str) -> Option<&CatalogChange> {
        self.changes.iter().find(|c| c.code == code)
    }

    pub fn token_pack(&self, code: &str) -> Option<&TokenPack> {
        self.token_packs.iter().find(|p| p.code == code)
    }

    /// §7: the discount of the tier for a commitment of `months` at signature:
    /// the largest tier not above the commitment.
    pub fn tier_at_signature(&self, months: u32) -> Option<CommitmentTier> {
        self.commitment_tiers
            .iter()
            .rev()
            .find(|t| t.months <= months)
            .copied()
    }

    /// §9.2: a service ordered later takes the tier of the remaining
    /// commitment rounded up to the next tier of the book (the largest tier
    /// when the remainder exceeds them all).
    pub fn tier_for_remaining(&self, remaining_months: u32) -> Option<CommitmentTier> {
        self.commitment_tiers
            .iter()
            .find(|t| t.months >= remaining_months)
            .or(self.commitment_tiers.last())
            .copied()
    }

    /// §9.2 (SPEC §14): the tier of a service ordered later: the remaining
    /// commitment rounded up to the next duration of the book, but never a
    /// better tier than the contract's own tier at signature (a 30-month
    /// contract signs at 24 months; a line ordered the next day has 30 months
    /// left, rounded up to 36, and is capped at 24). Both tiers are read in
    /// this book, the one the later line is priced with.
    pub fn tier_for_later_order(&self, remaining_months: u32, commitment_months: u32) -> LaterTier {
        let rounded = self.tier_for_remaining(remaining_months);
        let contract = self.tier_at_signature(commitment_months);
        let months = |t: Option<CommitmentTier>| t.map(|t| t.months);
        if months(rounded) > months(contract) {
            LaterTier {
                tier: contract,
                capped_from: rounded.map(|t| t.months),
            }
        } else {
            LaterTier {
                tier: rounded,
                capped_from: None,
            }
        }
    }

    pub fn item(&self, code: &str) -> Option<&PriceItem> {
        self.items.iter().find(|i| i.code == code)
    }

    pub fn support_fee(&self, level: SupportLevel, chain: SupportChain) -> Option<Money> {
        self.support
            .iter()
            .find(|f| f.level == level && f.chain == chain)
            .map(|f| f.monthly)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_price_book_parses_and_is_labelled_illustrative() {
        let book = PriceBook::builtin().expect("built-in book is valid");
        assert!(book.illustrative);
        assert!(book.items.len() >= 20);
        assert!(book.item("OS-MGD").is_some());
    }

    #[test]
    fn builtin_prices_stay_in_the_plausible_ranges_of_spec_13() {
        let book = PriceBook::builtin().unwrap();
        let within = |code: &str, lo: i64, hi: i64| {
            let p = book.item(code).unwrap().price;
            assert!(
                p >= Money::euros(lo) && p <= Money::euros(hi),
                "{code} = {p}"
            );
        };
        within("OS-MGD", 90, 150);
        within("DB-MGD", 150, 300);
        within("APP-MGD", 250, 500);
        within("K8S-MGD", 600, 1200);
        assert!(book.access_fee >= Money::euros(1000) && book.access_fee <= Money::euros(5000));
        assert!(
            book.monthly_minimum >= Money::euros(1500)
                && book.monthly_minimum <= Money::euros(3000)
        );
        for t in &book.tokens {
            let (lo, hi) = match t.chain {
                SupportChain::OffShore => (45, 70),
                _ => (70, 110),
            };
            assert!(
                t.on_demand >= Money::euros(lo) && t.on_demand <= Money::euros(hi),
                "{t:?}"
            );
        }
        for pack in &book.token_packs {
            let per_token = pack.monthly.as_decimal() / Decimal::from(pack.tokens_per_month);
            let on_demand = book.token_price(pack.chain).unwrap().as_decimal();
            assert!(
                per_token < on_demand,
                "packs are cheaper per token: {}",
                pack.code
            );
        }
    }

    #[test]
    fn duplicate_codes_are_refused() {
        let mut book = PriceBook::builtin().unwrap();
        let first = book.items[0].clone();
        book.items.push(first.clone());
        assert_eq!(
            book.validate(),
            Err(PriceBookError::DuplicateCode { code: first.code })
        );
    }

    #[test]
    fn a_missing_support_fee_is_named() {
        let mut book = PriceBook::builtin().unwrap();
        book.support
            .retain(|f| !(f.level == SupportLevel::Premium && f.chain == SupportChain::OffShore));
        assert_eq!(
            book.validate(),
            Err(PriceBookError::MissingSupportFee {
                level: SupportLevel::Premium,
                chain: SupportChain::OffShore
            })
        );
    }

    #[test]
    fn malformed_json_is_an_error_with_its_position() {
        let err = PriceBook::from_json("{\"id\": 3").unwrap_err();
        match err {
            PriceBookError::Malformed(msg) => assert!(msg.contains("line 1"), "{msg}"),
            other => panic!("unexpected {other:?}"),
        }
    }
}
