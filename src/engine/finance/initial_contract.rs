//! §9.4 (SPEC §14): the initial contract and the lines ordered after it.
//!
//! "Le contrat initial stipule le Revenu Global attendu … au titre de la
//! phase de RUN": G is the run revenue of what is signed at the start (its
//! lines, support, governance, packs, minimum and the consumption it plans),
//! at signature prices. A line ordered later is a scope change; the run
//! revenue it adds, to the end of the contract, is its price impact.
//!
//! Reading of "the run revenue it adds": what the priced quote bills for the
//! line over the contract (its own recurring months, at the price of its
//! order), less the monthly minimum complement it makes unnecessary (§9.2:
//! a line that fills a month up to the minimum adds nothing to what the
//! client pays that month). Orders are taken in date order (the quote's
//! order on the same day), each against the contract as it stands before
//! it, so that G plus every order's impact is exactly the quote's recurring
//! total: nothing counts twice. One-time lines ordered later add no run
//! revenue and are not scope changes.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::document::pricebook::Text;
use crate::engine::document::quote::{LineId, Quote};
use crate::engine::finance::revision::complement;
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::{Category, PricedLine, PricedQuote};

/// §9.4: a line ordered after signature, as a scope change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaterOrder {
    pub line: LineId,
    pub item: String,
    pub name: Text,
    /// Its order date (`QuoteLine::ordered_on`).
    pub date: NaiveDate,
    /// What the quote bills for the line to the end of the contract.
    pub billed: Money,
    /// §9.2: the minimum complement the line makes unnecessary.
    pub complement_saved: Money,
    /// The run revenue it adds: billed − complement saved.
    pub variation: Money,
}

/// §9.4: G, the run revenue of the initial contract, and the later orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InitialContract {
    /// G at signature prices: the quote's recurring total less what the
    /// later orders add.
    pub run_revenue: Money,
    pub later_orders: Vec<LaterOrder>,
}

/// §9.4: splits the priced quote's run revenue into the initial contract
/// and the lines ordered after signature.
pub fn initial_contract(quote: &Quote, priced: &PricedQuote) -> Result<InitialContract, Overflow> {
    let start = priced.start_date;
    let ordered_on: HashMap<LineId, NaiveDate> = quote
        .lines
        .iter()
        .filter_map(|q| Some((q.id, q.ordered_on?)))
        .collect();
    let mut later: Vec<(NaiveDate, &PricedLine)> = priced
        .lines
        .iter()
        .filter(|l| matches!(l.category, Category::Run | Category::Governance))
        .filter_map(|l| {
            let ordered = *ordered_on.get(&l.id)?;
            (ordered > start).then_some((ordered, l))
        })
        .collect();
    // Stable: the quote's order on the same day.
    later.sort_by_key(|(date, _)| *date);

    let n = priced.months.len();
    let minimum = |i: usize| priced.floor_of_month(i);
    // The subscriptions of the initial contract, month by month.
    let mut subscribed: Vec<Money> = (0..n)
        .map(|i| {
            priced
                .monthly_subscribed
                .get(i)
                .copied()
                .unwrap_or_default()
        })
        .collect();
    for (_, line) in &later {
        for (slot, amount) in subscribed.iter_mut().zip(&line.months) {
            *slot = slot.checked_sub(*amount)?;
        }
    }
    let mut orders = Vec::with_capacity(later.len());
    for (date, line) in later {
        let mut saved = Money::ZERO;
        for (i, amount) in line.months.iter().enumerate().take(n) {
            if amount.is_zero() {
                continue;
            }
            let before = complement(minimum(i), subscribed[i])?;
            subscribed[i] = subscribed[i].checked_add(*amount)?;
            let after = complement(minimum(i), subscribed[i])?;
            saved = saved.checked_add(before.checked_sub(after)?)?;
        }
        let billed = Money::checked_sum(line.months.iter().copied())?;
        orders.push(LaterOrder {
            line: line.id,
            item: line.item.clone(),
            name: line.name.clone(),
            date,
            billed,
            complement_saved: saved,
            variation: billed.checked_sub(saved)?,
        });
    }
    let added = Money::checked_sum(orders.iter().map(|o| o.variation))?;
    Ok(InitialContract {
        run_revenue: priced.recurring_total.checked_sub(added)?,
        later_orders: orders,
    })
}
