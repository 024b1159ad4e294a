//! The revision's machinery: the index factors at each anniversary (shared
//! by the lines with the same clauses and base date), each line's price path
//! through them (rounded to the cent once per revision), and the revised
//! months laid on the calendar.

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use super::revised::{IndexUse, RevisionIssue, RevisionStep};
use crate::engine::document::quote::RevisionTerms;
use crate::engine::finance::indices::{IndexBook, IndexKind, IndexValue};
use crate::engine::money::{Money, Overflow, Quantity};
use crate::engine::timeline::{Calendar, Pieces};

/// fixed + Σ weight x I / I_prev.
pub fn formula_factor(fixed: Decimal, terms: &[(Decimal, Decimal, Decimal)]) -> Option<Decimal> {
    let mut factor = fixed;
    for (weight, current, previous) in terms {
        let ratio = current.checked_div(*previous)?;
        factor = factor.checked_add(weight.checked_mul(ratio)?)?;
    }
    Some(factor)
}

pub(super) struct Ctx<'a> {
    pub indices: &'a IndexBook,
    pub issues: Vec<RevisionIssue>,
    /// The values already looked up: lines share their dates.
    pub seen: Vec<((IndexKind, NaiveDate), Option<IndexValue>)>,
}

impl Ctx<'_> {
    fn at(&mut self, kind: IndexKind, date: NaiveDate) -> Option<IndexValue> {
        if let Some((_, v)) = self.seen.iter().find(|(key, _)| *key == (kind, date)) {
            return v.clone();
        }
        let v = self.indices.series(kind).last_published_at(date);
        self.seen.push(((kind, date), v.clone()));
        if v.is_none() {
            let issue = RevisionIssue::MissingIndex {
                index: kind,
                at: date,
            };
            if !self.issues.contains(&issue) {
                self.issues.push(issue);
            }
        }
        v
    }
}

/// Applies the clause options to a yearly coefficient.
pub(super) fn adjust(mut factor: Decimal, terms: &RevisionTerms) -> Decimal {
    if let Some(decimals) = terms.coefficient_decimals {
        factor = factor.round_dp_with_strategy(decimals, RoundingStrategy::AwayFromZero);
    }
    if terms.floor {
        factor = factor.max(Decimal::ONE);
    }
    if let Some(cap) = terms.cap_percent {
        factor = factor.min(Decimal::ONE + cap / Decimal::ONE_HUNDRED);
    }
    factor
}

/// What is revised on one line beyond its index steps.
#[derive(Clone, Copy)]
pub(super) struct LineTerms {
    pub pass_through: Option<Decimal>,
    pub unit_price: Money,
    pub quantity: Quantity,
}

/// What the indices make of one anniversary, the same for every line with
/// the same clauses and base date.
#[derive(Clone)]
pub(super) struct IndexStep {
    date: NaiveDate,
    syntec: Option<(IndexUse, IndexUse)>,
    icc: Option<(IndexUse, IndexUse)>,
    electricity: Option<(IndexUse, IndexUse)>,
    /// The product of the clauses' factors, before the pass-through and the
    /// clause options.
    factor: Decimal,
    provisional: bool,
    /// §9.3.2: an index the specific revision needs has no value at all.
    specific_not_computed: bool,
}

pub(super) type PricePath = Vec<(Decimal, Money)>;

/// (SYNTEC, specific, base date, billed values).
pub(super) type IndexKey = (bool, bool, NaiveDate, bool);

/// The index factors at each anniversary after `base_date`. `billed` uses
/// the values invoices were issued with (for the regularisation).
pub(super) fn index_steps(
    ctx: &mut Ctx,
    (syntec, specific): (bool, bool),
    base_date: NaiveDate,
    anniversaries: &[NaiveDate],
    billed: bool,
) -> Result<Vec<IndexStep>, Overflow> {
    let mut out = Vec::new();
    let mut syntec_prev = if syntec {
        ctx.at(IndexKind::Syntec, base_date)
    } else {
        None
    };
    for date in anniversaries.iter().copied().filter(|d| *d > base_date) {
        let mut factor = Decimal::ONE;
        let mut provisional = false;
        let mut syntec_use = None;
        if let (true, Some(prev)) = (syntec, syntec_prev.clone()) {
            if let Some(cur) = ctx.at(IndexKind::Syntec, date) {
                let (p, c) = (
                    IndexUse::of(IndexKind::Syntec, &prev, billed),
                    IndexUse::of(IndexKind::Syntec, &cur, billed),
                );
                // §9.3.1: P1 = P0 x S1 / S0.
                let f = formula_factor(Decimal::ZERO, &[(Decimal::ONE, c.value, p.value)])
                    .ok_or(Overflow)?;
                factor = factor.checked_mul(f).ok_or(Overflow)?;
                provisional |= p.provisional || c.provisional;
                syntec_use = Some((p, c));
                syntec_prev = Some(cur);
            }
        }
        let (mut icc_use, mut elec_use) = (None, None);
        let mut specific_not_computed = false;
        if specific {
            let year_before = date.checked_sub_months(Months::new(12)).unwrap_or(date);
            let values = (
                ctx.at(IndexKind::Icc, year_before),
                ctx.at(IndexKind::Icc, date),
                ctx.at(IndexKind::Electricity, year_before),
                ctx.at(IndexKind::Electricity, date),
            );
            if let (Some(s0), Some(s1), Some(t0), Some(t1)) = values {
                let s0 = IndexUse::of(IndexKind::Icc, &s0, billed);
                let s1 = IndexUse::of(IndexKind::Icc, &s1, billed);
                let t0 = IndexUse::of(IndexKind::Electricity, &t0, billed);
                let t1 = IndexUse::of(IndexKind::Electricity, &t1, billed);
                // §9.3.2: P = P-1 x [2/3 (S/S-1) + 1/3 (T/T-1)].
                let two_thirds = Decimal::TWO / Decimal::from(3);
                let one_third = Decimal::ONE / Decimal::from(3);
                let f = formula_factor(
                    Decimal::ZERO,
                    &[
                        (two_thirds, s1.value, s0.value),
                        (one_third, t1.value, t0.value),
                    ],
                )
                .ok_or(Overflow)?;
                factor = factor.checked_mul(f).ok_or(Overflow)?;
                provisional |= s0.provisional || s1.provisional || t0.provisional || t1.provisional;
                icc_use = Some((s0, s1));
                elec_use = Some((t0, t1));
            } else {
                // §9.3.2: the specific revision never disappears silently. A
                // missing value was projected when there was one to project
                // from (provisional); here there was none.
                specific_not_computed = true;
                let (icc, elec) = ((&values.0, &values.1), (&values.2, &values.3));
                let missing = [(IndexKind::Icc, icc), (IndexKind::Electricity, elec)]
                    .into_iter()
                    .filter(|(_, (before, now))| before.is_none() || now.is_none())
                    .map(|(kind, _)| kind)
                    .collect();
                let issue = RevisionIssue::SpecificNotComputed { date, missing };
                if !ctx.issues.contains(&issue) {
                    ctx.issues.push(issue);
                }
            }
        }
        out.push(IndexStep {
            date,
            syntec: syntec_use,
            icc: icc_use,
            electricity: elec_use,
            factor,
            provisional,
            specific_not_computed,
        });
    }
    Ok(out)
}

/// The (coefficient, revised unit price) of each step of a unit price.
pub(super) fn price_path(
    terms: &RevisionTerms,
    line: &LineTerms,
    index_steps: &[IndexStep],
) -> Result<PricePath, Overflow> {
    let mut out = Vec::with_capacity(index_steps.len());
    let mut price = line.unit_price;
    for step in index_steps {
        let mut factor = step.factor;
        // §9.3.3: a vendor's increase passed through, on top.
        if let Some(pct) = line.pass_through {
            factor = factor
                .checked_mul(Decimal::ONE + pct / Decimal::ONE_HUNDRED)
                .ok_or(Overflow)?;
        }
        let factor = adjust(factor, terms);
        // Rounded to the cent once per revision.
        price = price.checked_mul(factor)?.round_cents();
        out.push((factor, price));
    }
    Ok(out)
}

/// The revision steps of one line at each anniversary of the contract after
/// its base date.
pub(super) fn steps(
    line: &LineTerms,
    index_steps: &[IndexStep],
    path: &[(Decimal, Money)],
) -> Result<Vec<RevisionStep>, Overflow> {
    index_steps
        .iter()
        .zip(path)
        .map(|(step, (factor, price))| {
            Ok(RevisionStep {
                date: step.date,
                syntec: step.syntec.clone(),
                icc: step.icc.clone(),
                electricity: step.electricity.clone(),
                factor: *factor,
                unit_price: *price,
                monthly: Money::line_amount(*price, line.quantity)?,
                provisional: step.provisional,
                specific_not_computed: step.specific_not_computed,
            })
        })
        .collect()
}

/// A charge's revised monthly amounts over `[from, to)` laid on the
/// calendar: `first` until the first step, then each step's amount from
/// its date (SPEC §14: a line billed for another quantity from a date is
/// laid period by period, each with its own steps).
pub(super) fn revised_pieces(
    calendar: &Calendar,
    (from, to): (NaiveDate, NaiveDate),
    first: Money,
    steps: &[RevisionStep],
) -> Result<Vec<Pieces>, Overflow> {
    let mut out = Vec::with_capacity(steps.len() + 1);
    let (mut start, mut monthly) = (from, first);
    for step in steps {
        if step.date > start {
            out.push(calendar.pieces(monthly, start, step.date.min(to))?);
            start = step.date.min(to);
        }
        monthly = step.monthly;
    }
    out.push(calendar.pieces(monthly, start, to)?);
    Ok(out)
}

pub(super) fn total_of(pieces: &[Pieces]) -> Result<Money, Overflow> {
    pieces
        .iter()
        .try_fold(Money::ZERO, |acc, p| acc.checked_add(p.total()?))
}
