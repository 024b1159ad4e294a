//! Tokens and changes (§6 of SPEC; §5.5, §8.5.4, §10 of the service
//! description) and fixed-capacity hours (§12, seed 004).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::document::pricebook::TokenPack;
use crate::engine::money::{Money, Overflow};

/// §6: at most 6 accelerated changes a year.
pub const MAX_ACCELERATED_PER_YEAR: u32 = 6;

/// §12: one hour of work is two tokens (1 token = 30 minutes).
pub const TOKENS_PER_HOUR: u32 = 2;

/// §6: outside business hours x2, accelerated x2, both x4.
pub fn multiplier(off_hours: bool, accelerated: bool) -> u32 {
    let mut factor = 1;
    if off_hours {
        factor *= 2;
    }
    if accelerated {
        factor *= 2;
    }
    factor
}

/// A way of buying the monthly forecast of tokens, and what it costs a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackOption {
    /// The pack code; `None` is on demand only.
    pub pack: Option<String>,
    pub tokens_per_month: u32,
    /// Pack price plus the tokens beyond the pack at the on-demand price.
    pub monthly_cost: Money,
}

/// §6: a month's cost of `forecast` tokens with `pack` (or on demand):
/// the pack price, plus consumption beyond the pack at the on-demand price,
/// rounded to the cent. Unused pack tokens are lost.
pub fn monthly_cost(
    forecast: Decimal,
    pack: Option<&TokenPack>,
    on_demand: Money,
) -> Result<Money, Overflow> {
    let (fee, included) = match pack {
        Some(p) => (p.monthly, Decimal::from(p.tokens_per_month)),
        None => (Money::ZERO, Decimal::ZERO),
    };
    let beyond = (forecast - included).max(Decimal::ZERO);
    fee.checked_add(on_demand.checked_mul(beyond)?.round_cents())
}

/// §6: the cheapest way to buy the forecast among on demand and the packs
/// given (those of the quote's chain). Ties go to the smaller commitment.
pub fn cheapest(
    forecast: Decimal,
    packs: &[&TokenPack],
    on_demand: Money,
) -> Result<PackOption, Overflow> {
    let mut best = PackOption {
        pack: None,
        tokens_per_month: 0,
        monthly_cost: monthly_cost(forecast, None, on_demand)?,
    };
    for pack in packs {
        let cost = monthly_cost(forecast, Some(pack), on_demand)?;
        let better = cost < best.monthly_cost
            || (cost == best.monthly_cost
                && best.pack.is_some()
                && pack.tokens_per_month < best.tokens_per_month);
        if better {
            best = PackOption {
                pack: Some(pack.code.clone()),
                tokens_per_month: pack.tokens_per_month,
                monthly_cost: cost,
            };
        }
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::document::support::SupportChain;

    fn pack(code: &str, tokens: u32, price: &str) -> TokenPack {
        TokenPack {
            code: code.into(),
            chain: SupportChain::OffShore,
            tokens_per_month: tokens,
            monthly: Money::parse(price).unwrap(),
        }
    }

    #[test]
    fn off_hours_and_accelerated_multiply() {
        assert_eq!(multiplier(false, false), 1);
        assert_eq!(multiplier(true, false), 2);
        assert_eq!(multiplier(false, true), 2);
        assert_eq!(multiplier(true, true), 4);
    }

    #[test]
    fn beyond_the_pack_tokens_cost_the_on_demand_price() {
        let p = pack("P20", 20, "1000.00");
        let on_demand = Money::parse("60").unwrap();
        assert_eq!(
            monthly_cost(Decimal::from(25), Some(&p), on_demand).unwrap(),
            Money::parse("1300").unwrap()
        );
        // Unused pack tokens are lost: 5 tokens still cost the whole pack.
        assert_eq!(
            monthly_cost(Decimal::from(5), Some(&p), on_demand).unwrap(),
            Money::parse("1000").unwrap()
        );
        assert_eq!(
            monthly_cost(Decimal::new(25, 1), None, on_demand).unwrap(),
            Money::parse("150").unwrap()
        );
    }

    #[test]
    fn the_suggestion_is_the_cheapest_option() {
        let small = pack("P10", 10, "500.00");
        let large = pack("P40", 40, "1800.00");
        let on_demand = Money::parse("60").unwrap();
        let packs = [&small, &large];
        // 4 tokens: on demand 240 < 500.
        assert_eq!(
            cheapest(Decimal::from(4), &packs, on_demand).unwrap().pack,
            None
        );
        // 12 tokens: on demand 720; P10 500 + 120 = 620; P40 1800.
        assert_eq!(
            cheapest(Decimal::from(12), &packs, on_demand)
                .unwrap()
                .pack
                .as_deref(),
            Some("P10")
        );
        // 38 tokens: on demand 2280; P10 500 + 1680 = 2180; P40 1800.
        assert_eq!(
            cheapest(Decimal::from(38), &packs, on_demand)
                .unwrap()
                .pack
                .as_deref(),
            Some("P40")
        );
    }
}
