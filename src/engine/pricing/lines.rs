//! The quote's lines: each priced with the book in force at its order date
//! (§9.7), at its commitment tier (§7, §9.2), with its build at the first or
//! next resource price (§4), then billed month by month from its run start.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{overflow, Ledger};
use super::line_life::{self, LineLife, QuantityPeriod};
use crate::engine::document::catalog::{BuildModel, Charge, Family, Unit};
use crate::engine::document::managed_function::ManagedFunction;
use crate::engine::document::model_prices::PriceBasis;
use crate::engine::document::pricebook::{FirstNext, PriceItem, Text};
use crate::engine::document::quote::{LineId, QuoteLine};
use crate::engine::models;
use crate::engine::money::{Money, Overflow, Quantity};
use crate::engine::timeline::months_rounded_up;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedLine {
    pub id: LineId,
    pub item: String,
    pub name: Text,
    pub family: Family,
    pub unit: Unit,
    pub charge: Charge,
    pub category: Category,
    /// The version of the price book the line is priced with (§9.7).
    pub book_version: String,
    /// The item's price under the quote's model (SPEC §15), before the tier.
    pub list_price: Money,
    /// SPEC §15: where that price comes from when the model changes it.
    #[serde(skip_serializing_if = "PriceBasis::is_same")]
    pub price_basis: PriceBasis,
    /// §7: the commitment tier applied, and its discount.
    pub tier_months: Option<u32>,
    /// §9.2 (SPEC §14): a later order whose remaining commitment rounds up
    /// to a better tier than the contract's own: that tier (in months), and
    /// the line takes the contract's tier instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_capped_from: Option<u32>,
    pub discount_percent: Decimal,
    /// list price x (1 - discount), exact.
    pub unit_price: Money,
    pub quantity: Quantity,
    /// unit price x quantity, rounded to the cent (§7): per month for a
    /// monthly line, once for a one-time line.
    pub amount: Money,
    pub build: BuildModel,
    pub build_amount: Money,
    /// §10: the managed function its units belong to (none for security,
    /// supervision, governance, professional services, one-time items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<ManagedFunction>,
    /// §4.1 (SPEC §14): No Build and not onboarded: the resource is not
    /// taken into management by this contract, so it is in no managed
    /// function's GTD base and not in the GTR base; it is still billed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unmanaged: bool,
    /// The day its run invoicing starts (§9.8.2), or when a one-time line is billed.
    pub starts: NaiveDate,
    /// SPEC §14: the quantities it is billed for over time, when it
    /// changes (the first is the quantity ordered); empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<QuantityPeriod>,
    /// SPEC §14: the first day it is no longer billed, when before the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<NaiveDate>,
    /// Amount billed in each month of the contract (pro rata in partial months).
    pub months: Vec<Money>,
    /// The line's total over the contract, build included.
    pub total: Money,
}

/// A line with its price settled, before it is laid on the months.
pub(super) struct LineDraft<'b> {
    pub line: &'b QuoteLine,
    pub item: PriceItem,
    pub book_version: String,
    pub tier_months: Option<u32>,
    pub tier_capped_from: Option<u32>,
    pub discount: Decimal,
    pub list_price: Money,
    pub price_basis: PriceBasis,
    pub unit_price: Money,
    pub amount: Money,
    pub build_amount: Money,
    pub ordered: NaiveDate,
    /// §4.1: not taken into management (No Build, not onboarded).
    pub unmanaged: bool,
    /// SPEC §14: its quantities over time and its end.
    pub life: LineLife,
}

impl LineDraft<'_> {
    /// Ordered after signature: a later order (§9.7).
    pub fn ordered_later(&self, start: NaiveDate) -> bool {
        self.ordered > start
    }
}

/// Prices every line that can be priced, in the quote's order; the others
/// are flagged and left out.
pub(super) fn draft<'b>(l: &mut Ledger<'b>) -> Result<Vec<LineDraft<'b>>, PricingError> {
    let quote = l.quote;
    let mut drafts = Vec::new();
    // §4: resources already built per item and build model.
    let mut built_so_far: HashMap<(String, BuildModel), u32> = HashMap::new();
    for line in &quote.lines {
        let location = Location::Line(line.id);
        let ordered = line.ordered_on.unwrap_or(l.start).max(l.start);
        if let Some(date) = line.ordered_on {
            if !l.in_contract(date) {
                l.flag(location, QuoteIssue::OrderedOutsideContract);
                continue;
            }
        }
        // §9.7: the book in force at the order date.
        let Some(item) = l
            .books
            .in_force(&quote.region, ordered)
            .and_then(|b| b.item(&line.item).map(|item| (b, item)))
        else {
            let code = line.item.clone();
            l.flag(location, QuoteIssue::UnknownItem { code });
            continue;
        };
        let (line_book, item) = item;
        // §2: Full DevOps buys professional services only; the line stays in
        // the quote, set aside, and counts again under another model.
        if !models::line_allowed(quote.model, item.family) {
            let family = item.family;
            l.flag(location, QuoteIssue::NotSoldUnderFullDevOps { family });
            continue;
        }
        // §4.1 "Modèle No Build : … la ressource n'est pas managée" (SPEC
        // §14): a managed service unit quoted without build is not taken
        // into management by this contract, unless it already is.
        let unmanaged = item.needs_build() && line.build == BuildModel::NoBuild && !line.onboarded;
        if unmanaged {
            l.flag(location, QuoteIssue::NotManagedWithoutBuild);
        }
        // §7, §9.2: the tier of the commitment at signature; later orders take
        // the tier of the remaining commitment rounded up, never better than
        // the contract's own (SPEC §14).
        let (tier, tier_capped_from) = if !item.tiered {
            (None, None)
        } else if ordered <= l.start {
            (line_book.tier_at_signature(quote.commitment_months), None)
        } else {
            let remaining = months_rounded_up(ordered, l.end);
            let later = line_book.tier_for_later_order(remaining, quote.commitment_months);
            (later.tier, later.capped_from)
        };
        let discount = tier.map(|t| t.discount_percent).unwrap_or_default();
        let factor = Decimal::ONE_HUNDRED
            .checked_sub(discount)
            .and_then(|d| d.checked_div(Decimal::ONE_HUNDRED))
            .ok_or(PricingError::Overflow { location })?;
        // SPEC §15: the item's price under the quote's management model.
        let (list_price, price_basis) = line_book
            .price_under(item, quote.model)
            .map_err(overflow(location))?;
        let unit_price = list_price.checked_mul(factor).map_err(overflow(location))?;
        // §7: unit price x quantity, rounded to the cent.
        let amount = Money::line_amount(unit_price, line.quantity).map_err(overflow(location))?;
        let build = build_of(l, line, item, &mut built_so_far)?;
        // SPEC §14: quantities over time and an end; one-time lines are
        // billed once and do not change.
        let life = if item.charge == Charge::OneTime {
            if line.changes_over_time() {
                l.flag(location, QuoteIssue::OneTimeLineDoesNotChange);
            }
            LineLife {
                periods: Vec::new(),
                until: l.end,
            }
        } else {
            line_life::life(l, line, ordered, unit_price, amount)?
        };
        drafts.push(LineDraft {
            line,
            item: item.clone(),
            book_version: line_book.version.clone(),
            tier_months: tier.map(|t| t.months),
            tier_capped_from,
            discount,
            list_price,
            price_basis,
            unit_price,
            amount,
            build_amount: build,
            ordered,
            unmanaged,
            life,
        });
    }
    Ok(drafts)
}

/// §4: the line's build, the first resource of a type at the "first" price,
/// the others at the "next" price; a built resource counts in whole units.
fn build_of(
    l: &mut Ledger,
    line: &QuoteLine,
    item: &PriceItem,
    built_so_far: &mut HashMap<(String, BuildModel), u32>,
) -> Result<Money, PricingError> {
    let location = Location::Line(line.id);
    if line.build == BuildModel::NoBuild {
        return Ok(Money::ZERO);
    }
    let Some(prices) = item.build.and_then(|b| b.for_model(line.build)) else {
        l.flag(location, QuoteIssue::BuildNotOffered { model: line.build });
        return Ok(Money::ZERO);
    };
    let q = line.quantity.as_decimal();
    match (q.fract().is_zero(), q.to_u32()) {
        (false, _) => {
            l.flag(location, QuoteIssue::BuildNeedsWholeQuantity);
            Ok(Money::ZERO)
        }
        // More resources than can be counted: an absurd quantity.
        (true, None) => Err(PricingError::Overflow { location }),
        (true, Some(units)) => {
            let key = (item.code.clone(), line.build);
            let already = built_so_far.get(&key).copied().unwrap_or(0);
            let build = build_amount(prices, already, units).map_err(overflow(location))?;
            built_so_far.insert(key, already.saturating_add(units));
            Ok(build)
        }
    }
}

/// Lays each line on the months from the day it starts: a monthly line pro
/// rata in partial months (§7), a one-time line once.
pub(super) fn bill(
    l: &mut Ledger,
    drafts: Vec<LineDraft>,
    starts: &[NaiveDate],
) -> Result<Vec<PricedLine>, PricingError> {
    let mut lines = Vec::with_capacity(drafts.len());
    for (d, &starts_on) in drafts.into_iter().zip(starts) {
        let location = Location::Line(d.line.id);
        let category = match (d.item.charge, d.item.family) {
            (Charge::OneTime, _) => Category::OneTime,
            (Charge::Monthly, Family::Governance) => Category::Governance,
            (Charge::Monthly, _) => Category::Run,
        };
        let (months, months_total) = match d.item.charge {
            Charge::Monthly => line_life::bill(l, &d.life, starts_on, category, location)?,
            Charge::OneTime => {
                let label = d.item.name.clone();
                l.one_off(starts_on, category, label, d.amount, location)?;
                let mut months = vec![Money::ZERO; l.months.len()];
                if let Some(i) = l.month_index(starts_on) {
                    months[i] = d.amount;
                }
                let total = Money::checked_sum(months.iter().copied());
                (months, total.map_err(overflow(location))?)
            }
        };
        let total = months_total
            .checked_add(d.build_amount)
            .map_err(overflow(location))?;
        lines.push(PricedLine {
            id: d.line.id,
            item: d.item.code.clone(),
            name: d.item.name.clone(),
            family: d.item.family,
            unit: d.item.unit,
            charge: d.item.charge,
            category,
            book_version: d.book_version,
            list_price: d.list_price,
            price_basis: d.price_basis,
            tier_months: d.tier_months,
            tier_capped_from: d.tier_capped_from,
            discount_percent: d.discount.normalize(),
            unit_price: d.unit_price,
            quantity: d.line.quantity,
            amount: d.amount,
            build: d.line.build,
            build_amount: d.build_amount,
            function: d
                .item
                .function_group()
                .map(|g| ManagedFunction::of(g, d.line.id)),
            unmanaged: d.unmanaged,
            periods: if d.life.changes(l.end) {
                d.life.periods.clone()
            } else {
                Vec::new()
            },
            ends_on: (d.life.until < l.end).then_some(d.life.until),
            starts: starts_on,
            months,
            total,
        });
    }
    Ok(lines)
}

/// §4: `units` resources of one type, after `already` of the same type were
/// counted: the first resource of the type gets the "first" price, every
/// other one the "next" price.
pub fn build_amount(prices: FirstNext, already: u32, units: u32) -> Result<Money, Overflow> {
    if units == 0 {
        return Ok(Money::ZERO);
    }
    let (firsts, nexts) = if already == 0 {
        (1, units.saturating_sub(1))
    } else {
        (0, units)
    };
    prices
        .first
        .checked_mul(Decimal::from(firsts))?
        .checked_add(prices.next.checked_mul(Decimal::from(nexts))?)
        .map(Money::round_cents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::from_file_text(s).unwrap()
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
}
