//! Build prices and build invoicing (§4 of SPEC; §4.1, §9.8 of the service
//! description).

use rust_decimal::Decimal;

use crate::engine::document::pricebook::FirstNext;
use crate::engine::money::{Money, Overflow};

/// §4: `units` resources of one type, after `already` of the same type were
/// counted: the first resource of the type gets the "first" price, every
/// other one the "next" price.
pub fn build_amount(prices: FirstNext, already: u32, units: u32) -> Result<Money, Overflow> {
    if units == 0 {
        return Ok(Money::ZERO);
    }
    let (firsts, nexts) = if already == 0 {
        (1, units - 1)
    } else {
        (0, units)
    };
    prices
        .first
        .checked_mul(Decimal::from(firsts))?
        .checked_add(prices.next.checked_mul(Decimal::from(nexts))?)
        .map(Money::round_cents)
}

/// §9.8.1 and §4 (SPEC): splits `total` by percentages. Every part but the
/// last is rounded to the cent; the last is the remainder, so the parts sum
/// exactly to the total.
pub fn split_by_percent(total: Money, percents: &[Decimal]) -> Result<Vec<Money>, Overflow> {
    let mut parts = Vec::with_capacity(percents.len());
    let mut billed = Money::ZERO;
    for (i, percent) in percents.iter().enumerate() {
        let part = if i + 1 == percents.len() {
            total.checked_sub(billed)?
        } else {
            let share = percent.checked_div(Decimal::ONE_HUNDRED).ok_or(Overflow)?;
            total.checked_mul(share)?.round_cents()
        };
        billed = billed.checked_add(part)?;
        parts.push(part);
    }
    Ok(parts)
}

/// §9.8.1: the small-project split, 30 % at signature and 70 % at the end of the build.
pub fn thirty_seventy() -> [Decimal; 2] {
    [Decimal::from(30), Decimal::from(70)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::parse(s).unwrap()
    }

    #[test]
    fn the_first_resource_of_a_type_gets_the_first_price() {
        let p = FirstNext {
            first: m("2500"),
            next: m("600"),
        };
        assert_eq!(build_amount(p, 0, 1).unwrap(), m("2500"));
        assert_eq!(build_amount(p, 0, 3).unwrap(), m("3700"));
        assert_eq!(build_amount(p, 3, 2).unwrap(), m("1200"));
        assert_eq!(build_amount(p, 0, 0).unwrap(), Money::ZERO);
    }

    #[test]
    fn thirty_seventy_parts_sum_exactly_to_the_build_total() {
        // 30 % of 1 000.05 = 300.015 -> 300.02; the rest 700.03.
        let parts = split_by_percent(m("1000.05"), &thirty_seventy()).unwrap();
        assert_eq!(parts, [m("300.02"), m("700.03")]);
    }

    #[test]
    fn milestone_parts_round_all_but_the_last() {
        let third = Decimal::new(3333, 2);
        let parts = split_by_percent(m("100"), &[third, third, Decimal::new(3334, 2)]).unwrap();
        assert_eq!(parts, [m("33.33"), m("33.33"), m("33.34")]);
        let parts = split_by_percent(m("0.10"), &[third, third, Decimal::new(3334, 2)]).unwrap();
        assert_eq!(parts, [m("0.03"), m("0.03"), m("0.04")]);
    }
}
