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
//!
//! SPEC §14 "Lines that stop or change": a line's quantity change or early
//! end is a scope change too, at its date. The initial contract holds each
//! line as ordered (its first quantity to the end of the contract); each
//! change adds what the line bills with it less what it billed without it,
//! the minimum complement taken into account the same way. A reduction is
//! a negative variation: it lowers what is billed, never G nor the MRG
//! (§9.4 raises the MRG only), so the MRG table shows the shortfall.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::document::pricebook::Text;
use crate::engine::document::quote::{LineId, Quote};
use crate::engine::finance::revision::complement;
use crate::engine::money::{Money, Overflow, Quantity};
use crate::engine::pricing::{Category, PricedLine, PricedQuote, QuantityPeriod};
use crate::engine::timeline::Calendar;

/// What happens to a line at a date after signature (SPEC §14).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum LineEvent {
    /// §9.7: ordered after signature (`QuoteLine::ordered_on`).
    Order,
    /// Billed for another quantity from the date (`quantity_changes`).
    Quantity { from: Quantity, to: Quantity },
    /// No longer billed from the date (`ends_on`).
    Ends,
}

impl LineEvent {
    pub fn is_order(&self) -> bool {
        matches!(self, LineEvent::Order)
    }
}

/// §9.4: a line's scope change after signature: ordered later, or changing
/// quantity, or ending early (SPEC §14).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LaterOrder {
    pub line: LineId,
    pub item: String,
    pub name: Text,
    /// Its date: the order date, or the date of the change or end.
    pub date: NaiveDate,
    #[serde(skip_serializing_if = "LineEvent::is_order")]
    pub event: LineEvent,
    /// What the change adds to what the quote bills for the line to the end
    /// of the contract (negative for a reduction).
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
    /// later orders and the lines' changes add.
    pub run_revenue: Money,
    pub later_orders: Vec<LaterOrder>,
}

/// A line's scope change before its effect on the minimum complement.
struct Event<'p> {
    date: NaiveDate,
    line: &'p PricedLine,
    event: LineEvent,
    /// What it adds to the line's months.
    delta: Vec<Money>,
}

/// A line laid as pricing bills it (§7) with `periods` from its run start
/// `starts` to `until` (SPEC §14).
fn layout(
    calendar: &Calendar,
    periods: &[QuantityPeriod],
    starts: NaiveDate,
    until: NaiveDate,
) -> Result<Vec<Money>, Overflow> {
    let mut months = vec![Money::ZERO; calendar.len()];
    for (i, p) in periods.iter().enumerate() {
        let to = periods.get(i + 1).map_or(until, |n| n.from).min(until);
        let from = p.from.max(starts);
        if from < to {
            calendar.pieces(p.amount, from, to)?.add_into(&mut months)?;
        }
    }
    Ok(months)
}

fn minus(a: &[Money], b: &[Money]) -> Result<Vec<Money>, Overflow> {
    a.iter().zip(b).map(|(x, y)| x.checked_sub(*y)).collect()
}

/// The scope changes of one line after signature: its order when later,
/// then each quantity change and its early end, each with what it adds.
fn line_events<'p>(
    calendar: &Calendar,
    line: &'p PricedLine,
    ordered_later: Option<NaiveDate>,
    end: NaiveDate,
) -> Result<Vec<Event<'p>>, Overflow> {
    let mut events = Vec::new();
    if line.periods.is_empty() && line.ends_on.is_none() {
        if let Some(date) = ordered_later {
            let delta = line.months.clone();
            events.push(Event {
                date,
                line,
                event: LineEvent::Order,
                delta,
            });
        }
        return Ok(events);
    }
    // An early end only: one period, the quantity ordered.
    let periods = if line.periods.is_empty() {
        vec![QuantityPeriod {
            from: line.starts,
            quantity: line.quantity,
            amount: line.amount,
        }]
    } else {
        line.periods.clone()
    };
    let mut before = layout(calendar, &periods[..1], line.starts, end)?;
    if let Some(date) = ordered_later {
        let delta = before.clone();
        events.push(Event {
            date,
            line,
            event: LineEvent::Order,
            delta,
        });
    }
    for k in 1..periods.len() {
        let after = layout(calendar, &periods[..=k], line.starts, end)?;
        let (from, to) = (periods[k - 1].quantity, periods[k].quantity);
        let date = periods[k].from;
        let delta = minus(&after, &before)?;
        events.push(Event {
            date,
            line,
            event: LineEvent::Quantity { from, to },
            delta,
        });
        before = after;
    }
    if let Some(date) = line.ends_on {
        let after = layout(calendar, &periods, line.starts, date)?;
        let delta = minus(&after, &before)?;
        events.push(Event {
            date,
            line,
            event: LineEvent::Ends,
            delta,
        });
    }
    Ok(events)
}

/// §9.4: splits the priced quote's run revenue into the initial contract
/// and the scope changes after signature: the lines ordered later, the
/// lines' quantity changes and early ends (SPEC §14).
pub fn initial_contract(quote: &Quote, priced: &PricedQuote) -> Result<InitialContract, Overflow> {
    let start = priced.start_date;
    let ordered_on: HashMap<LineId, NaiveDate> = quote
        .lines
        .iter()
        .filter_map(|q| Some((q.id, q.ordered_on?)))
        .collect();
    let calendar = Calendar::new(&priced.months);
    let mut events = Vec::new();
    for line in priced
        .lines
        .iter()
        .filter(|l| matches!(l.category, Category::Run | Category::Governance))
    {
        let later = ordered_on.get(&line.id).copied().filter(|d| *d > start);
        events.extend(line_events(&calendar, line, later, priced.end_date)?);
    }
    // Stable: the quote's order on the same day.
    events.sort_by_key(|e| e.date);

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
    for e in &events {
        subscribed = minus(&subscribed, &e.delta)?;
    }
    let mut orders = Vec::with_capacity(events.len());
    for e in events {
        let mut saved = Money::ZERO;
        for (i, amount) in e.delta.iter().enumerate().take(n) {
            if amount.is_zero() {
                continue;
            }
            let before = complement(minimum(i), subscribed[i])?;
            subscribed[i] = subscribed[i].checked_add(*amount)?;
            let after = complement(minimum(i), subscribed[i])?;
            saved = saved.checked_add(before.checked_sub(after)?)?;
        }
        let billed = Money::checked_sum(e.delta.iter().copied())?;
        orders.push(LaterOrder {
            line: e.line.id,
            item: e.line.item.clone(),
            name: e.line.name.clone(),
            date: e.date,
            event: e.event,
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
