//! Minimum guaranteed revenue, MRG (§8 and §14 of SPEC; §9.4 of the service
//! description): 80 % of G, the run revenue of the initial contract at
//! signature prices, checked at the end of each run year; a shortfall
//! ("différentiel") is invoiced within 30 days of notice, an excess counts
//! towards the next year. Scope changes (the lines ordered later, and the
//! changes entered by hand that are not lines of the quote) raise the MRG
//! only above +15 % of G.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::engine::document::quote::{LineId, MrgTerms, Quote};
use crate::engine::finance::initial_contract::{initial_contract, LaterOrder, LineEvent};
use crate::engine::finance::revision::RevisedQuote;
use crate::engine::money::{split_by_percent, Money, Overflow};
use crate::engine::pricing::PricedQuote;
use crate::engine::timeline::{first_of_month, month_in_period, months_rounded_up};

/// §9.4: a scope change above this share of G raises the MRG.
pub const SCOPE_THRESHOLD_PERCENT: u32 = 15;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MrgYear {
    /// 1 for the first 12 months of run.
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub months: u32,
    /// This year's share of the MRG (pro rata by months for a short last
    /// period), scope increases included.
    pub annual_mrg: Money,
    /// Run revenue billed in the year (the schedule's forecast, revisions
    /// included, unless overridden).
    pub billed: Money,
    /// §8.2: the service credits deducted from the year's invoices (the
    /// MRG counts what is actually billed); part of `billed`.
    #[serde(default, skip_serializing_if = "no_credit")]
    pub credits: Money,
    pub overridden: bool,
    /// The forecast depends on a projected or unpublished index (§9.3).
    pub provisional: bool,
    pub carry_in: Money,
    pub attainment: Money,
    /// Percentage of the annual MRG reached (attainment / annual MRG).
    pub attainment_percent: Decimal,
    /// §9.4: max(0, annual MRG − attainment), invoiced within 30 days of notice.
    pub shortfall: Money,
    pub shortfall_due: NaiveDate,
    /// §9.4: max(0, attainment − annual MRG), counted towards next year.
    pub carry_out: Money,
}

fn no_credit(m: &Money) -> bool {
    m.is_zero()
}

/// Where a scope change comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScopeSource {
    /// Entered by hand (`MrgTerms::scope_changes`): a change that is not a
    /// line of the quote.
    Manual { id: u32, label: String },
    /// §9.4: a line ordered after signature (`QuoteLine::ordered_on`).
    LaterOrder { line: LineId, item: String },
    /// SPEC §14: a line's quantity change or early end.
    LineChange {
        line: LineId,
        item: String,
        event: LineEvent,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScopeEffect {
    pub source: ScopeSource,
    pub date: NaiveDate,
    /// The run revenue the change adds (negative for a reduction).
    pub variation: Money,
    /// v / G, in %, to the hundredth.
    pub share_percent: Decimal,
    /// §9.4: whether the change exceeds +15 % of G and raises the MRG.
    pub raises_mrg: bool,
    pub mrg_increase: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MrgReport {
    /// G: the run revenue of the initial contract at signature prices (or
    /// as overridden).
    pub global_revenue: Money,
    /// G as the quote computes it (before any override).
    pub initial_revenue: Money,
    /// §9.4: the lines ordered later, and the lines' quantity changes and
    /// early ends (SPEC §14), with the run revenue each adds.
    pub later_orders: Vec<LaterOrder>,
    pub rate_percent: Decimal,
    /// MRG global = rate x G, before scope changes.
    pub global_mrg: Money,
    /// After scope changes.
    pub global_mrg_final: Money,
    pub run_start: NaiveDate,
    pub years: Vec<MrgYear>,
    /// Every scope change, manual and from later orders, by date.
    pub scope: Vec<ScopeEffect>,
    pub total_shortfall: Money,
}

/// A run year: its first day, the day after its last, its months.
type Period = (NaiveDate, NaiveDate, u32);

/// Run years: consecutive 12-month periods from run start.
fn run_years(run_start: NaiveDate, end: NaiveDate) -> Vec<Period> {
    let mut periods = Vec::new();
    let mut from = run_start;
    while from < end {
        let to = from
            .checked_add_months(Months::new(12))
            .unwrap_or(end)
            .min(end);
        periods.push((from, to, months_rounded_up(from, to)));
        from = to;
    }
    periods
}

/// What the scope changes do to the MRG: each change's effect, the increase
/// of each run year, and MRG global after them.
struct Scope {
    effects: Vec<ScopeEffect>,
    extra_by_year: Vec<Money>,
    global_mrg_final: Money,
}

/// One scope change before its effect: where it comes from, its date, the
/// run revenue it adds.
type Change = (ScopeSource, NaiveDate, Decimal);

/// The scope changes of the quote, by date: the lines ordered later (their
/// run revenue, §9.4) and those entered by hand; nothing counts twice.
fn changes(terms: &MrgTerms, orders: &[LaterOrder]) -> Vec<Change> {
    let mut all: Vec<Change> = orders
        .iter()
        .map(|o| {
            let source = if o.event.is_order() {
                ScopeSource::LaterOrder {
                    line: o.line,
                    item: o.item.clone(),
                }
            } else {
                ScopeSource::LineChange {
                    line: o.line,
                    item: o.item.clone(),
                    event: o.event,
                }
            };
            (source, o.date, o.variation.as_decimal())
        })
        .chain(terms.scope_changes.iter().map(|c| {
            let source = ScopeSource::Manual {
                id: c.id,
                label: c.label.clone(),
            };
            (source, c.date, c.variation)
        }))
        .collect();
    all.sort_by_key(|(_, date, _)| *date);
    all
}

/// §9.4: scope changes above +15 % of G raise MRG global in proportion
/// (MRG' = MRG x (1 + v)); the increase is spread over the run months left
/// after the change.
fn scope_changes(
    changes: Vec<Change>,
    global_revenue: Money,
    global_mrg: Money,
    periods: &[Period],
    (run_start, end): (NaiveDate, NaiveDate),
) -> Result<Scope, Overflow> {
    let threshold = Decimal::from(SCOPE_THRESHOLD_PERCENT);
    let mut scope = Scope {
        effects: Vec::new(),
        extra_by_year: vec![Money::ZERO; periods.len()],
        global_mrg_final: global_mrg,
    };
    for (source, date, variation) in changes {
        let share = if global_revenue.is_zero() {
            Decimal::ZERO
        } else {
            // v / G in %: an absurd variation is an error, never a panic.
            variation
                .checked_div(global_revenue.as_decimal())
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
                .ok_or(Overflow)?
        };
        // §9.4: "de plus de 15 %": at 15 % or below, unchanged.
        let raises = share > threshold;
        let mut increase = Money::ZERO;
        if raises {
            increase = global_mrg
                .checked_mul(share / Decimal::ONE_HUNDRED)?
                .round_cents();
            scope.global_mrg_final = scope.global_mrg_final.checked_add(increase)?;
            let left = months_rounded_up(date.max(run_start), end).max(1);
            let shares: Vec<Decimal> = periods
                .iter()
                .map(|(f, t, _)| {
                    let m = months_rounded_up((*f).max(date), *t);
                    if date >= *t {
                        Decimal::ZERO
                    } else {
                        Decimal::from(m) / Decimal::from(left) * Decimal::ONE_HUNDRED
                    }
                })
                .collect();
            for (slot, part) in scope
                .extra_by_year
                .iter_mut()
                .zip(split_by_percent(increase, &shares)?)
            {
                *slot = slot.checked_add(part)?;
            }
        }
        scope.effects.push(ScopeEffect {
            source,
            date,
            variation: Money::from_decimal(variation),
            share_percent: share.round_dp(2),
            raises_mrg: raises,
            mrg_increase: increase,
        });
    }
    Ok(scope)
}

/// The run revenue billed in year `i` (the revised schedule's forecast):
/// one-time charges, taken out by the month they are invoiced in, do not
/// count towards the MRG.
/// `(from, to)` may also be part of a run year (the portfolio's revenue to
/// date).
pub fn run_revenue(
    priced: &PricedQuote,
    revised: &RevisedQuote,
    (from, to): (NaiveDate, NaiveDate),
    first_year: bool,
) -> Result<Money, Overflow> {
    let forecast = Money::checked_sum(
        priced
            .months
            .iter()
            .zip(&revised.months)
            .filter(|(m, _)| month_in_period(**m, from, to, first_year))
            .map(|(_, a)| *a),
    )?;
    let one_time = Money::checked_sum(
        priced
            .schedule
            .iter()
            // In the months counted above: by the month it is invoiced in.
            .filter(|inv| {
                inv.category.is_one_time()
                    && month_in_period(first_of_month(inv.date), from, to, first_year)
            })
            .map(|inv| inv.amount),
    )?;
    Ok(forecast.checked_sub(one_time)?.max(Money::ZERO))
}

/// Percentage of `annual_mrg` reached by `attainment`, to the tenth (100
/// when the MRG is nil).
pub fn attainment_percent(attainment: Money, annual_mrg: Money) -> Result<Decimal, Overflow> {
    if annual_mrg.is_zero() {
        return Ok(Decimal::ONE_HUNDRED);
    }
    Ok(attainment
        .as_decimal()
        .checked_div(annual_mrg.as_decimal())
        .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
        .ok_or(Overflow)?
        .round_dp(1))
}

/// §8.2: a service credit deducted from the invoice of `date`'s month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deduction {
    pub date: NaiveDate,
    pub amount: Money,
}

/// §9.4: the MRG table of a quote, from its priced and revised forms, with
/// no service credit on its invoices.
pub fn minimum_guaranteed_revenue(
    quote: &Quote,
    priced: &PricedQuote,
    revised: &RevisedQuote,
) -> Result<MrgReport, Overflow> {
    minimum_guaranteed_revenue_billed(quote, priced, revised, &[])
}

/// §9.4: the MRG table counting what is actually billed: the revised
/// schedule less the service credits deducted from its invoices (§8.2,
/// `contract_life::invoiced_credit`), each in the run year of its invoice.
pub fn minimum_guaranteed_revenue_billed(
    quote: &Quote,
    priced: &PricedQuote,
    revised: &RevisedQuote,
    deductions: &[Deduction],
) -> Result<MrgReport, Overflow> {
    let terms = &quote.mrg;
    // §9.4: G, the run revenue of the initial contract at signature prices.
    let initial = initial_contract(quote, priced)?;
    let global_revenue = terms.global_revenue.unwrap_or(initial.run_revenue);
    let rate = terms.rate_percent / Decimal::ONE_HUNDRED;
    let global_mrg = global_revenue.checked_mul(rate)?.round_cents();

    let run_start = priced.run_start;
    let end = priced.end_date;
    let total_months = months_rounded_up(run_start, end).max(1);
    let periods = run_years(run_start, end);
    let scope = scope_changes(
        changes(terms, &initial.later_orders),
        global_revenue,
        global_mrg,
        &periods,
        (run_start, end),
    )?;

    // Annual MRG = MRG global / number of run years, by months for a short
    // last year; each share rounded, the last the remainder.
    let shares: Vec<Decimal> = periods
        .iter()
        .map(|(_, _, m)| Decimal::from(*m) / Decimal::from(total_months) * Decimal::ONE_HUNDRED)
        .collect();
    let annual = split_by_percent(global_mrg, &shares)?;

    let mut years = Vec::new();
    let mut carry_in = Money::ZERO;
    for (i, ((from, to, months), base)) in periods.into_iter().zip(annual).enumerate() {
        let annual_mrg = base.checked_add(scope.extra_by_year[i])?;
        let credits = Money::checked_sum(
            deductions
                .iter()
                .filter(|d| month_in_period(first_of_month(d.date), from, to, i == 0))
                .map(|d| d.amount),
        )?;
        let forecast = run_revenue(priced, revised, (from, to), i == 0)?
            .checked_sub(credits)?
            .max(Money::ZERO);
        let override_value = terms.billed_override.get(i).copied().flatten();
        // An amount entered is what was billed, credits included.
        let billed = override_value.unwrap_or(forecast);
        let credits = if override_value.is_some() {
            Money::ZERO
        } else {
            credits
        };
        let attainment = billed.checked_add(carry_in)?;
        let shortfall = annual_mrg.checked_sub(attainment)?.max(Money::ZERO);
        let carry_out = attainment.checked_sub(annual_mrg)?.max(Money::ZERO);
        let attainment_percent = attainment_percent(attainment, annual_mrg)?;
        years.push(MrgYear {
            year: i as u32 + 1,
            from,
            to,
            months,
            annual_mrg,
            billed,
            credits,
            overridden: override_value.is_some(),
            provisional: override_value.is_none()
                && revised
                    .charges
                    .iter()
                    .flat_map(|l| &l.steps)
                    .any(|s| (s.provisional || s.specific_not_computed) && s.date < to),
            carry_in,
            attainment,
            attainment_percent,
            shortfall,
            // Notified at the end of the year, due within 30 days.
            shortfall_due: to.checked_add_days(chrono::Days::new(30)).unwrap_or(to),
            carry_out,
        });
        carry_in = carry_out;
    }
    let total_shortfall = Money::checked_sum(years.iter().map(|y| y.shortfall))?;
    Ok(MrgReport {
        global_revenue,
        initial_revenue: initial.run_revenue,
        later_orders: initial.later_orders,
        rate_percent: terms.rate_percent,
        global_mrg,
        global_mrg_final: scope.global_mrg_final,
        run_start,
        years,
        scope: scope.effects,
        total_shortfall,
    })
}
