//! §8.5.4: the change guarantee (GTC): a change completed late earns 50 % of
//! its price at the pay-as-you-go token price (§6: x2 accelerated, x2 off
//! hours).

use rust_decimal::Decimal;

use super::super::tables::ChangeKind;
use super::errors::SlaError;
use super::month::{percent_of, Month};
use super::report::{ChangeOutcome, Exemption};
use crate::engine::document::support::EnvironmentKind;
use crate::engine::money::Money;

pub(super) fn changes(m: &Month) -> Result<Vec<ChangeOutcome>, SlaError> {
    let on_demand = m.priced.tokens.on_demand_price;
    let mut changes = Vec::new();
    for c in &m.input.changes {
        if c.tokens == 0 {
            return Err(SlaError::NoTokens { id: c.id });
        }
        if c.duration_hours.is_sign_negative() {
            return Err(SlaError::NegativeChangeHours { id: c.id });
        }
        let kind = ChangeKind::of(c.tokens, c.accelerated);
        let production = c.environment == EnvironmentKind::Production;
        let level = m.level(c.environment);
        let commitment = level.and_then(|l| m.tables.change(kind, l));
        let late = commitment.is_some_and(|k| c.duration_hours > Decimal::from(k.hours));
        // §6: x2 accelerated, x2 off hours, at the pay-as-you-go price.
        let multiplier = if c.accelerated { 2 } else { 1 } * if c.off_hours { 2 } else { 1 };
        let tokens = c.tokens.checked_mul(multiplier).ok_or(SlaError::Overflow)?;
        let price = on_demand.checked_mul(Decimal::from(tokens))?.round_cents();
        let exemption = if level.is_none() {
            Some(Exemption::NotSubscribed)
        } else if commitment.is_none() {
            Some(Exemption::NoCommitment)
        } else if !production {
            Some(Exemption::NonProduction)
        } else {
            None
        };
        let credit = if late && exemption.is_none() && m.apply {
            percent_of(price, m.tables.change.credit_percent)?
        } else {
            Money::ZERO
        };
        changes.push(ChangeOutcome {
            id: c.id,
            kind,
            level,
            commitment,
            late,
            price,
            credit,
            exemption,
        });
    }
    Ok(changes)
}
