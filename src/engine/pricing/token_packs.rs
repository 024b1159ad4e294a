//! Ways of buying a month's forecast of tokens (§5.5, §6 of SPEC): on
//! demand, one or several monthly packs (SPEC §14: "souscrire un ou
//! plusieurs packs de Tokens mensuels"), and the cheapest of them.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::document::pricebook::TokenPack;
use crate::engine::money::{Money, Overflow};

/// The most packs a suggested combination holds (beyond, a forecast of
/// thousands of tokens a month is better quoted specifically).
pub const MAX_PACKS: usize = 100;

/// A way of buying the monthly forecast of tokens, and what it costs a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackOption {
    /// The pack codes, one per pack (a code repeats for two of the same
    /// pack); empty is on demand only.
    pub packs: Vec<String>,
    /// The tokens of all the packs.
    pub tokens_per_month: u32,
    /// The packs' prices plus the tokens beyond them at the on-demand price.
    pub monthly_cost: Money,
}

/// §6: a month's cost of `forecast` tokens with `packs`: their prices, plus
/// the consumption beyond all their tokens at the on-demand price, rounded
/// to the cent. Unused pack tokens are lost (§5.5).
pub fn monthly_cost(
    forecast: Decimal,
    packs: &[&TokenPack],
    on_demand: Money,
) -> Result<Money, Overflow> {
    let mut fees = Money::ZERO;
    let mut included = Decimal::ZERO;
    for pack in packs {
        fees = fees.checked_add(pack.monthly)?;
        included = included
            .checked_add(Decimal::from(pack.tokens_per_month))
            .ok_or(Overflow)?;
    }
    fees.checked_add(
        on_demand
            .checked_mul(beyond(forecast, included))?
            .round_cents(),
    )
}

/// The tokens of `forecast` beyond `included`, never negative.
pub fn beyond(forecast: Decimal, included: Decimal) -> Decimal {
    // Both are non-negative: the difference always fits.
    forecast.saturating_sub(included).max(Decimal::ZERO)
}

/// The option of buying `forecast` with exactly `packs`.
pub fn option(
    forecast: Decimal,
    packs: &[&TokenPack],
    on_demand: Money,
) -> Result<PackOption, Overflow> {
    let tokens = packs.iter().try_fold(0u32, |sum, p| {
        sum.checked_add(p.tokens_per_month).ok_or(Overflow)
    })?;
    Ok(PackOption {
        packs: packs.iter().map(|p| p.code.clone()).collect(),
        tokens_per_month: tokens,
        monthly_cost: monthly_cost(forecast, packs, on_demand)?,
    })
}

/// §6 (SPEC §14): the cheapest way to buy the forecast: on demand, or any
/// combination of the packs given (those of the quote's chain), each pack
/// any number of times. Ties go to the fewest tokens (the smaller
/// commitment), then to the fewest packs.
///
/// Exact, by two facts about an optimal combination (prices are never
/// negative). Let `b` be the pack with the lowest price per token. (1) Any
/// `s_b` other packs (`s_b` = b's tokens) hold a non-empty subset whose
/// tokens are a multiple of `s_b` (pigeonhole on the prefix sums modulo
/// `s_b`); replacing it by copies of `b` keeps the tokens and costs no more.
/// So fewer than `s_b` other packs are needed: their tokens `r` are below
/// `s_b x` the largest other pack. (2) A pack whose removal still covers the
/// forecast can be removed: `r` is below the forecast plus the largest
/// pack. The cheapest fee for each exact `r` is a small unbounded knapsack;
/// for each `r` the number of `b` packs is 0, or the whole number of `b`
/// packs the rest of the forecast fills, or one more (the cost is linear
/// between, exactly so when the on-demand price is in whole cents). A
/// suggestion holds at most [`MAX_PACKS`] packs.
pub fn cheapest(
    forecast: Decimal,
    packs: &[&TokenPack],
    on_demand: Money,
) -> Result<PackOption, Overflow> {
    let packs: Vec<&TokenPack> = packs
        .iter()
        .copied()
        .filter(|p| p.tokens_per_month > 0)
        .collect();
    let mut best = Candidate::new(forecast, &[], on_demand)?;
    let Some(b) = lowest_per_token(&packs)? else {
        return best.into_option(forecast, on_demand);
    };
    let others: Vec<&TokenPack> = packs.iter().copied().filter(|p| p.code != b.code).collect();
    let fees = fees_by_tokens(&others, bound(forecast, b, &others));
    let s_b = u64::from(b.tokens_per_month);
    for (r, entry) in fees.iter().enumerate() {
        let Some((_, count, _)) = entry else { continue };
        let rest = forecast.saturating_sub(Decimal::from(r as u64));
        let mut counts = vec![0];
        if rest > Decimal::ZERO {
            let whole = rest
                .checked_div(Decimal::from(s_b))
                .and_then(|w| w.floor().to_usize());
            counts.extend(whole.into_iter().flat_map(|w| [w, w.saturating_add(1)]));
        }
        for n in counts {
            if (*count as usize).saturating_add(n) > MAX_PACKS {
                continue;
            }
            let mut combo = combination(&fees, &others, r, b, n)?;
            // In the book's order.
            combo.sort_by_key(|p| packs.iter().position(|q| q.code == p.code));
            let candidate = Candidate::new(forecast, &combo, on_demand)?;
            if candidate.better_than(&best) {
                best = candidate;
            }
        }
    }
    best.into_option(forecast, on_demand)
}

/// A combination and what decides between combinations.
struct Candidate<'a> {
    packs: Vec<&'a TokenPack>,
    cost: Money,
    tokens: u64,
}

impl<'a> Candidate<'a> {
    fn new(forecast: Decimal, packs: &[&'a TokenPack], on_demand: Money) -> Result<Self, Overflow> {
        Ok(Candidate {
            packs: packs.to_vec(),
            cost: monthly_cost(forecast, packs, on_demand)?,
            tokens: packs.iter().map(|p| u64::from(p.tokens_per_month)).sum(),
        })
    }

    fn better_than(&self, other: &Candidate) -> bool {
        (self.cost, self.tokens, self.packs.len()) < (other.cost, other.tokens, other.packs.len())
    }

    fn into_option(self, forecast: Decimal, on_demand: Money) -> Result<PackOption, Overflow> {
        option(forecast, &self.packs, on_demand)
    }
}

/// The pack with the lowest price per token (the first of equals).
fn lowest_per_token<'a>(packs: &[&'a TokenPack]) -> Result<Option<&'a TokenPack>, Overflow> {
    let mut best: Option<&TokenPack> = None;
    for pack in packs {
        let cheaper = match best {
            None => true,
            // a.monthly / a.tokens < b.monthly / b.tokens, without division.
            Some(b) => {
                pack.monthly
                    .checked_mul(Decimal::from(b.tokens_per_month))?
                    < b.monthly
                        .checked_mul(Decimal::from(pack.tokens_per_month))?
            }
        };
        if cheaper {
            best = Some(pack);
        }
    }
    Ok(best)
}

/// How many tokens the other packs of an optimal combination may hold, plus
/// one: below `(s_b - 1) x` the largest other pack, and below the forecast
/// plus the largest other pack (see [`cheapest`]); at most [`MAX_PACKS`]
/// of the largest.
fn bound(forecast: Decimal, b: &TokenPack, others: &[&TokenPack]) -> usize {
    let largest = others
        .iter()
        .map(|p| u64::from(p.tokens_per_month))
        .max()
        .unwrap_or(0);
    let by_replacement = u64::from(b.tokens_per_month.saturating_sub(1)).saturating_mul(largest);
    let by_removal = forecast
        .ceil()
        .to_u64()
        .unwrap_or(u64::MAX)
        .saturating_add(largest)
        .saturating_sub(1);
    let by_count = (MAX_PACKS as u64).saturating_mul(largest);
    let most = by_replacement.min(by_removal).min(by_count);
    usize::try_from(most.saturating_add(1)).unwrap_or(usize::MAX)
}

/// For each number of tokens below `len`, the cheapest fee of `packs` holding
/// exactly that many, with its number of packs and the last pack added (an
/// unbounded knapsack; ties to the fewest packs).
fn fees_by_tokens(packs: &[&TokenPack], len: usize) -> Vec<Option<(Money, u32, usize)>> {
    let mut fees: Vec<Option<(Money, u32, usize)>> = vec![None; len];
    if let Some(first) = fees.first_mut() {
        *first = Some((Money::ZERO, 0, usize::MAX));
    }
    for r in 1..len {
        for (i, pack) in packs.iter().enumerate() {
            let size = pack.tokens_per_month as usize;
            let Some(Some((fee, count, _))) = r.checked_sub(size).map(|from| fees[from]) else {
                continue;
            };
            let Ok(fee) = fee.checked_add(pack.monthly) else {
                continue;
            };
            let count = count.saturating_add(1);
            let candidate = (fee, count, i);
            if fees[r].is_none_or(|(f, c, _)| (fee, count) < (f, c)) {
                fees[r] = Some(candidate);
            }
        }
    }
    fees
}

/// The packs of the knapsack entry `r`, and `n` packs `b`.
fn combination<'a>(
    fees: &[Option<(Money, u32, usize)>],
    others: &[&'a TokenPack],
    mut r: usize,
    b: &'a TokenPack,
    n: usize,
) -> Result<Vec<&'a TokenPack>, Overflow> {
    let mut combo = Vec::new();
    while let Some(Some((_, _, last))) = fees.get(r).filter(|_| r > 0) {
        let pack = others.get(*last).ok_or(Overflow)?;
        combo.push(*pack);
        r = r
            .checked_sub(pack.tokens_per_month as usize)
            .ok_or(Overflow)?;
    }
    combo.extend(std::iter::repeat_n(b, n));
    Ok(combo)
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
            monthly: Money::from_file_text(price).unwrap(),
        }
    }

    fn m(s: &str) -> Money {
        Money::from_file_text(s).unwrap()
    }

    #[test]
    fn beyond_all_the_packs_tokens_cost_the_on_demand_price() {
        // §5.5, §6: P20 1 000 + P10 520 = 1 520 for 30 tokens; 35 forecast:
        // 5 beyond x 60 = 300 -> 1 820; 25 forecast: the 5 unused are lost.
        let (p20, p10) = (pack("P20", 20, "1000.00"), pack("P10", 10, "520.00"));
        let on_demand = m("60");
        assert_eq!(
            monthly_cost(Decimal::from(35), &[&p20, &p10], on_demand).unwrap(),
            m("1820")
        );
        assert_eq!(
            monthly_cost(Decimal::from(25), &[&p20, &p10], on_demand).unwrap(),
            m("1520")
        );
        assert_eq!(
            monthly_cost(Decimal::new(25, 1), &[], on_demand).unwrap(),
            m("150")
        );
    }

    #[test]
    fn the_suggestion_is_the_cheapest_option() {
        let small = pack("P10", 10, "500.00");
        let large = pack("P40", 40, "1800.00");
        let on_demand = m("60");
        let packs = [&small, &large];
        let codes = |f: i64| cheapest(Decimal::from(f), &packs, on_demand).unwrap().packs;
        // 4 tokens: on demand 240 < 500.
        assert_eq!(codes(4), Vec::<String>::new());
        // 12 tokens: on demand 720; P10 500 + 120 = 620; P40 1 800.
        assert_eq!(codes(12), ["P10"]);
        // 38 tokens: on demand 2 280; P10 500 + 1 680 = 2 180; P40 1 800.
        assert_eq!(codes(38), ["P40"]);
    }

    #[test]
    fn the_suggestion_may_combine_packs() {
        // SPEC §14 (§5.5): 50 tokens, on demand 55: P40 1 680 + 10 x 55 =
        // 2 230; P40 + P10 = 1 680 + 480 = 2 160; 2 x P40 3 360; 5 x P10
        // 2 400; P80 3 120.
        let p10 = pack("P10", 10, "480.00");
        let p40 = pack("P40", 40, "1680.00");
        let p80 = pack("P80", 80, "3120.00");
        let best = cheapest(Decimal::from(50), &[&p10, &p40, &p80], m("55")).unwrap();
        assert_eq!(best.packs, ["P10", "P40"]);
        assert_eq!(best.tokens_per_month, 50);
        assert_eq!(best.monthly_cost, m("2160.00"));
        // 160 tokens: two P80 (6 240) rather than four P40 (6 720).
        let best = cheapest(Decimal::from(160), &[&p10, &p40, &p80], m("55")).unwrap();
        assert_eq!(best.packs, ["P80", "P80"]);
        assert_eq!(best.monthly_cost, m("6240.00"));
    }

    #[test]
    fn a_tie_goes_to_the_fewest_tokens_then_the_fewest_packs() {
        // 10 tokens at 50 on demand = 500 = P10: on demand (no commitment).
        let p10 = pack("P10", 10, "500.00");
        let best = cheapest(Decimal::from(10), &[&p10], m("50")).unwrap();
        assert_eq!(best.packs, Vec::<String>::new());
        // P20 = 2 x P10 at 900: one pack.
        let p10 = pack("P10", 10, "450.00");
        let p20 = pack("P20", 20, "900.00");
        let best = cheapest(Decimal::from(20), &[&p10, &p20], m("60")).unwrap();
        assert_eq!(best.packs, ["P20"]);
    }

    /// Every combination of enough packs of each kind to cover 60 tokens
    /// alone, by brute force.
    fn brute_force(forecast: Decimal, packs: &[&TokenPack], on_demand: Money) -> Money {
        let mut best = monthly_cost(forecast, &[], on_demand).unwrap();
        let most: Vec<usize> = packs
            .iter()
            .map(|p| 60 / p.tokens_per_month as usize + 1)
            .collect();
        let mut counts = vec![0usize; packs.len()];
        loop {
            let combo: Vec<&TokenPack> = packs
                .iter()
                .zip(&counts)
                .flat_map(|(p, n)| std::iter::repeat_n(*p, *n))
                .collect();
            best = best.min(monthly_cost(forecast, &combo, on_demand).unwrap());
            let Some(i) = counts.iter().zip(&most).position(|(n, m)| n < m) else {
                return best;
            };
            counts[i] += 1;
            counts[..i].iter_mut().for_each(|n| *n = 0);
        }
    }

    #[test]
    fn the_cheapest_combination_is_the_brute_force_minimum() {
        let books = [
            vec![
                pack("A", 10, "480"),
                pack("B", 20, "900"),
                pack("C", 40, "1680"),
            ],
            vec![
                pack("A", 7, "300"),
                pack("B", 11, "420"),
                pack("C", 3, "150"),
            ],
            vec![pack("A", 5, "260"), pack("B", 13, "600.50")],
        ];
        for book in &books {
            let packs: Vec<&TokenPack> = book.iter().collect();
            for on_demand in ["45", "55.00", "61.37"] {
                for tenths in (0..=600).step_by(7) {
                    let forecast = Decimal::new(tenths, 1);
                    let on_demand = m(on_demand);
                    let found = cheapest(forecast, &packs, on_demand).unwrap();
                    assert_eq!(
                        found.monthly_cost,
                        brute_force(forecast, &packs, on_demand),
                        "{forecast} tokens at {on_demand}: {found:?}"
                    );
                }
            }
        }
    }
}
