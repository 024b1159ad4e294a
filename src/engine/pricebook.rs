//! The price book ("fiche tarifaire"): what each catalogue item costs.
//!
//! SPEC §13: the seeds give no prices; the built-in book is illustrative and
//! says so. All prices live in the data file, never in code.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::catalog::{Charge, Family, Unit};
use super::money::Money;
use super::support::{SupportChain, SupportLevel};

/// A text in the two languages of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

/// One priced catalogue entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// §9.5: the monthly support fee for a level on a chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupportFee {
    pub level: SupportLevel,
    pub chain: SupportChain,
    pub monthly: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceBook {
    pub id: String,
    pub version: String,
    /// The date from which this book's prices apply (§9.7).
    pub effective_date: NaiveDate,
    pub currency: String,
    /// True for the invented default book; the UI labels it as such.
    pub illustrative: bool,
    pub label: Text,
    pub items: Vec<PriceItem>,
    pub support: Vec<SupportFee>,
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
}

/// The built-in illustrative price book, embedded in the binary so that the
/// app works offline from the first load.
pub const DEFAULT_PRICE_BOOK_JSON: &str = include_str!("default_pricebook.json");

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
        Ok(())
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
        within("ACCESS-FEE", 1000, 5000);
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
