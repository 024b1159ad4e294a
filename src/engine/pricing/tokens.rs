//! Tokens and changes (§6 of SPEC; §5.5, §8.5.4, §10 of the service
//! description) and fixed-capacity hours (§12, seed 004).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{overflow, Ledger};
use crate::engine::document::pricebook::{Text, TokenPack};
use crate::engine::document::support::SupportChain;
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedChange {
    pub id: u32,
    pub change: String,
    pub name: Text,
    pub tokens_each: u32,
    /// §6: x2 off hours, x2 accelerated.
    pub multiplier: u32,
    pub per_year: u32,
    pub tokens_per_year: u32,
}

/// §12: a fixed monthly capacity of hours, in tokens, priced the cheapest way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FixedCapacity {
    pub hours: u32,
    pub tokens: u32,
    pub cheapest: PackOption,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedTokens {
    pub chain: SupportChain,
    pub on_demand_price: Money,
    pub changes: Vec<PricedChange>,
    pub accelerated_per_year: u32,
    /// Forecast tokens a month (changes / 12 + other work).
    pub forecast_per_month: Decimal,
    /// The chosen way of buying them and its monthly cost.
    pub chosen: PackOption,
    pub on_demand_only: PackOption,
    /// §6: the cheapest option for the forecast.
    pub suggestion: PackOption,
    pub fixed_capacity: Option<FixedCapacity>,
    pub total: Money,
}

/// §6, §8.5.4: the planned changes in tokens a year (x2 off hours, x2
/// accelerated), at most 6 accelerated a year; unknown or refused rows are
/// flagged and left out. Returns the rows, the tokens a year and the
/// accelerated changes a year.
fn plan_changes(p: &mut Ledger) -> Result<(Vec<PricedChange>, Decimal, u32), PricingError> {
    let plan = &p.quote.tokens;
    let mut changes = Vec::new();
    let mut tokens_per_year = Decimal::ZERO;
    let mut accelerated = 0u32;
    for planned in &plan.changes {
        let location = Location::TokenChange(planned.id);
        let Some(change) = p.book.change(&planned.change) else {
            p.flag(
                location,
                QuoteIssue::UnknownChange {
                    code: planned.change.clone(),
                },
            );
            continue;
        };
        if planned.accelerated {
            // §6: at most 6 accelerated changes a year; the row that goes
            // beyond is refused and left out.
            let total = accelerated.saturating_add(planned.per_year);
            if total > MAX_ACCELERATED_PER_YEAR {
                p.flag(
                    location,
                    QuoteIssue::TooManyAccelerated {
                        planned: total,
                        max: MAX_ACCELERATED_PER_YEAR,
                    },
                );
                continue;
            }
            accelerated = total;
        }
        let multiplier = multiplier(planned.off_hours, planned.accelerated);
        let per_year = change
            .tokens
            .checked_mul(multiplier)
            .and_then(|t| t.checked_mul(planned.per_year))
            .ok_or(PricingError::Overflow { location })?;
        tokens_per_year += Decimal::from(per_year);
        changes.push(PricedChange {
            id: planned.id,
            change: change.code.clone(),
            name: change.name.clone(),
            tokens_each: change.tokens,
            multiplier,
            per_year: planned.per_year,
            tokens_per_year: per_year,
        });
    }
    Ok((changes, tokens_per_year, accelerated))
}

/// §6: the token forecast from the change plan, the chosen pack, the
/// cheapest option, and the monthly token charges from run start.
pub(super) fn price(p: &mut Ledger, run_start: NaiveDate) -> Result<PricedTokens, PricingError> {
    let full_devops = p.full_devops;
    let plan = &p.quote.tokens;
    let chain = p.quote.support_chain;
    let on_demand = p.book.token_price(chain).unwrap_or_default();
    let (changes, tokens_per_year, accelerated) = plan_changes(p)?;
    let location = Location::TokenPack;
    let forecast = (tokens_per_year / Decimal::from(12))
        .checked_add(plan.extra_per_month.as_decimal())
        .ok_or(PricingError::Overflow { location })?;
    let packs: Vec<_> = p
        .book
        .token_packs
        .iter()
        .filter(|pk| pk.chain == chain)
        .collect();
    let on_demand_only = cheapest(forecast, &[], on_demand).map_err(overflow(location))?;
    let suggestion = cheapest(forecast, &packs, on_demand).map_err(overflow(location))?;
    let chosen_pack = match &plan.pack {
        None => None,
        Some(code) => match packs.iter().find(|pk| &pk.code == code) {
            Some(pk) => Some(*pk),
            None => {
                p.flag(location, QuoteIssue::UnknownPack { code: code.clone() });
                None
            }
        },
    };
    if full_devops {
        // §2: no managed service, hence no token purchase.
        let none = PackOption {
            pack: None,
            tokens_per_month: 0,
            monthly_cost: Money::ZERO,
        };
        return Ok(PricedTokens {
            chain,
            on_demand_price: on_demand,
            changes,
            accelerated_per_year: accelerated,
            forecast_per_month: forecast.normalize(),
            chosen: none.clone(),
            on_demand_only,
            suggestion,
            fixed_capacity: None,
            total: Money::ZERO,
        });
    }
    let chosen = PackOption {
        pack: chosen_pack.map(|pk| pk.code.clone()),
        tokens_per_month: chosen_pack.map(|pk| pk.tokens_per_month).unwrap_or(0),
        monthly_cost: monthly_cost(forecast, chosen_pack, on_demand).map_err(overflow(location))?,
    };
    // Pack (committed to the end of the contract) and consumption beyond it.
    let mut total = Money::ZERO;
    if let Some(pk) = chosen_pack {
        let (_, pack) = p.recurring(run_start, p.end, pk.monthly, Category::TokenPack, location)?;
        total = total.checked_add(pack).map_err(overflow(location))?;
    }
    let beyond = chosen
        .monthly_cost
        .checked_sub(chosen_pack.map(|pk| pk.monthly).unwrap_or_default())
        .map_err(overflow(location))?;
    let (_, beyond_total) =
        p.recurring(run_start, p.end, beyond, Category::TokenOnDemand, location)?;
    total = total
        .checked_add(beyond_total)
        .map_err(overflow(location))?;

    let fixed_capacity = match plan.fixed_capacity_hours {
        None => None,
        Some(hours) => {
            let tokens = hours
                .checked_mul(TOKENS_PER_HOUR)
                .ok_or(PricingError::Overflow { location })?;
            Some(FixedCapacity {
                hours,
                tokens,
                cheapest: cheapest(Decimal::from(tokens), &packs, on_demand)
                    .map_err(overflow(location))?,
            })
        }
    };
    Ok(PricedTokens {
        chain,
        on_demand_price: on_demand,
        changes,
        accelerated_per_year: accelerated,
        forecast_per_month: forecast.normalize(),
        chosen,
        on_demand_only,
        suggestion,
        fixed_capacity,
        total,
    })
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
