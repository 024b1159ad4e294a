//! What a price book may say that the engine prices but a buyer would find
//! wrong: warnings, not errors (the book stays usable while it is edited).
//!
//! SPEC §14 (price book corrections, §13): a longer backup retention never
//! costs less than a shorter one for the same unit (§5.10.2, Table 3).

use serde::Serialize;
use thiserror::Error;

use super::limits::{MAX_AMOUNT, MAX_CHANGE_TOKENS, MAX_QUANTITY};
use super::pricebook::{PriceBook, PriceBookError};
use crate::engine::document::catalog::Family;
use crate::engine::money::Money;

/// A warning about a price book, shown beside the item it names.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize)]
#[serde(rename_all = "snake_case", tag = "warning")]
pub enum PriceBookWarning {
    /// §5.10.2, SPEC §14: `longer` keeps backups longer than `shorter`, for
    /// the same unit, and costs less.
    #[error("“{longer}” keeps backups longer than “{shorter}” but costs less (§5.10.2)")]
    LongerRetentionCheaper { longer: String, shorter: String },
}

impl PriceBook {
    /// The bounds of `document::limits` on the book's amounts (at most
    /// `MAX_AMOUNT` each) and token counts (a pack holds 1 to `MAX_QUANTITY`
    /// tokens a month, a change at most `MAX_CHANGE_TOKENS`), so that no
    /// price the engine forms from them can overflow (issue 19).
    pub fn check_bounds(&self) -> Result<(), PriceBookError> {
        let max = Money::euros(MAX_AMOUNT);
        let mut amounts: Vec<(String, Money)> = vec![
            ("access_fee".into(), self.access_fee),
            ("monthly_minimum".into(), self.monthly_minimum),
        ];
        for i in &self.items {
            amounts.push((i.code.clone(), i.price));
            // SPEC §15: its prices by management model.
            amounts.extend(i.model_prices.iter().map(|p| (i.code.clone(), p.price)));
            if let Some(b) = &i.build {
                for fnx in [b.backend, b.operations, b.full] {
                    amounts.push((format!("{} (build)", i.code), fnx.first));
                    amounts.push((format!("{} (build)", i.code), fnx.next));
                }
            }
        }
        amounts.extend(self.support.iter().map(|s| ("support".into(), s.monthly)));
        amounts.extend(self.tickets.iter().map(|t| ("tickets".into(), t.price)));
        amounts.extend(self.tokens.iter().map(|t| ("tokens".into(), t.on_demand)));
        amounts.extend(self.token_packs.iter().map(|p| (p.code.clone(), p.monthly)));
        if let Some((what, amount)) = amounts.iter().find(|(_, a)| *a > max) {
            return Err(PriceBookError::OutOfBounds(format!(
                "“{what}”: {amount} is above the largest amount, {max}"
            )));
        }
        // SPEC §15: a percentage by model lowers a price at most to zero.
        let hundred = rust_decimal::Decimal::ONE_HUNDRED;
        if let Some(a) = self
            .model_adjustments
            .iter()
            .find(|a| a.percent < -hundred || a.percent > hundred)
        {
            return Err(PriceBookError::OutOfBounds(format!(
                "the percentage by model {} is out of range (-100 to 100)",
                a.percent
            )));
        }
        let max_tokens = u32::try_from(MAX_QUANTITY).unwrap_or(u32::MAX);
        if let Some(p) = self
            .token_packs
            .iter()
            .find(|p| p.tokens_per_month == 0 || p.tokens_per_month > max_tokens)
        {
            return Err(PriceBookError::OutOfBounds(format!(
                "token pack “{}”: {} tokens a month (1 to {max_tokens})",
                p.code, p.tokens_per_month
            )));
        }
        if let Some(c) = self.changes.iter().find(|c| c.tokens > MAX_CHANGE_TOKENS) {
            return Err(PriceBookError::OutOfBounds(format!(
                "change “{}”: {} tokens (at most {MAX_CHANGE_TOKENS})",
                c.code, c.tokens
            )));
        }
        Ok(())
    }

    /// The book's warnings, in item order: each backup item with a retention
    /// that costs less than an item of the same unit with a shorter
    /// retention (the dearest such item is named).
    pub fn warnings(&self) -> Vec<PriceBookWarning> {
        let backups: Vec<_> = self
            .items
            .iter()
            .filter(|i| i.family == Family::Backup)
            .filter_map(|i| i.retention.map(|r| (i, r)))
            .collect();
        let mut warnings = Vec::new();
        for (item, retention) in &backups {
            let dearest_shorter = backups
                .iter()
                .filter(|(other, r)| other.unit == item.unit && r < retention)
                .filter(|(other, _)| other.price > item.price)
                .max_by_key(|(other, _)| other.price);
            if let Some((shorter, _)) = dearest_shorter {
                warnings.push(PriceBookWarning::LongerRetentionCheaper {
                    longer: item.code.clone(),
                    shorter: shorter.code.clone(),
                });
            }
        }
        warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::money::Money;

    #[test]
    fn the_builtin_backup_prices_grow_with_the_retention() {
        // SPEC §14: MONTHLY-36 was 6.50 a protected resource, below
        // MONTHLY-12 at 29.00; it is now the dearest policy.
        let book = PriceBook::builtin().unwrap();
        assert_eq!(book.warnings(), []);
        let backups = book
            .items
            .iter()
            .filter(|i| i.family == Family::Backup)
            .collect::<Vec<_>>();
        assert_eq!(backups.len(), 7);
        assert!(backups.iter().all(|i| i.retention.is_some()), "{backups:?}");
        assert!(backups
            .windows(2)
            .all(|w| w[0].retention < w[1].retention && w[0].price <= w[1].price));
    }

    #[test]
    fn a_longer_retention_cheaper_than_a_shorter_one_is_named() {
        let mut book = PriceBook::builtin().unwrap();
        let item = |b: &mut PriceBook, code: &str| {
            b.items
                .iter_mut()
                .find(|i| i.code == code)
                .map(|i| i.price = Money::from_file_text("6.50").unwrap())
        };
        item(&mut book, "BKP-MONTHLY-36");
        assert_eq!(
            book.warnings(),
            [PriceBookWarning::LongerRetentionCheaper {
                longer: "BKP-MONTHLY-36".into(),
                shorter: "BKP-MONTHLY-12".into(),
            }]
        );
        // Another unit is not compared.
        if let Some(i) = book.items.iter_mut().find(|i| i.code == "BKP-MONTHLY-36") {
            i.unit = crate::engine::document::catalog::Unit::User;
        }
        assert_eq!(book.warnings(), []);
    }
}
