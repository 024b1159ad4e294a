//! Yearly price revision (§8 of SPEC; §9.3 of the service description).
//!
//! One general formula covers both clauses:
//! P = P_prev x (fixed + Σ weight_i x I_i / I_i,prev).
//! SYNTEC (§9.3.1) is fixed 0 with one index, chained from revision to
//! revision (the first base is the last index published at the first monthly
//! invoice); the specific revision (§9.3.2) is 2/3 ICC + 1/3 electricity, each
//! against the value published twelve months before. When both apply the
//! factors multiply. The factor is kept at full precision (unless the clause
//! rounds it); each revised unit price is rounded to the cent once per
//! revision and the next revision starts from it.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::engine::document::pricebook::{PriceBooks, Text};
use crate::engine::document::quote::{LineId, Quote, QuoteLine, RevisionTerms};
use crate::engine::finance::indices::{format_period, IndexBook, IndexKind, IndexValue};
use crate::engine::money::{Money, Overflow, Quantity};
use crate::engine::pricing::{Category, PricedQuote};
use crate::engine::timeline::{Calendar, MonthSums, Pieces};

/// fixed + Σ weight x I / I_prev.
pub fn formula_factor(fixed: Decimal, terms: &[(Decimal, Decimal, Decimal)]) -> Option<Decimal> {
    let mut factor = fixed;
    for (weight, current, previous) in terms {
        let ratio = current.checked_div(*previous)?;
        factor = factor.checked_add(weight.checked_mul(ratio)?)?;
    }
    Some(factor)
}

/// An index value used by a revision, for display and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexUse {
    pub index: IndexKind,
    pub period: String,
    pub value: Decimal,
    /// Projected or not yet published: amounts using it are provisional.
    pub provisional: bool,
}

impl IndexUse {
    fn of(kind: IndexKind, v: &IndexValue, billed: bool) -> Self {
        let value = if billed {
            v.billed_with.unwrap_or_else(|| v.linked_value())
        } else {
            v.linked_value()
        };
        IndexUse {
            index: kind,
            period: format_period(v.period, kind),
            value,
            provisional: v.is_provisional(),
        }
    }
}

/// One anniversary's revision of one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisionStep {
    pub date: NaiveDate,
    /// (previous, current) SYNTEC values, when SYNTEC applies.
    pub syntec: Option<(IndexUse, IndexUse)>,
    /// (twelve months before, current) ICC and electricity, when the specific revision applies.
    pub icc: Option<(IndexUse, IndexUse)>,
    pub electricity: Option<(IndexUse, IndexUse)>,
    /// The coefficient applied to the previous unit price.
    pub factor: Decimal,
    pub unit_price: Money,
    pub monthly: Money,
    pub provisional: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRevision {
    pub id: LineId,
    pub item: String,
    pub name: Text,
    pub revised_syntec: bool,
    pub revised_specific: bool,
    pub signature_unit_price: Money,
    pub steps: Vec<RevisionStep>,
    /// Amount billed in each month of the contract, revisions included.
    pub months: Vec<Money>,
    /// What the revisions add over the contract.
    pub increase: Money,
    /// §9.3.1: complementary invoice once real indices replace the values
    /// invoiced provisionally.
    pub regularisation: Money,
}

/// Why a revision could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "issue")]
pub enum RevisionIssue {
    /// No value of this index, not even one to project from.
    MissingIndex { index: IndexKind, at: NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisedYear {
    pub year: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The schedule's total at signature prices.
    pub signature: Money,
    pub revised: Money,
    pub increase: Money,
    pub regularisation: Money,
    pub provisional: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RevisedQuote {
    pub lines: Vec<LineRevision>,
    pub years: Vec<RevisedYear>,
    /// Every schedule month, revisions included (all categories).
    pub months: Vec<Money>,
    pub increase: Money,
    pub regularisation: Money,
    pub revised_total: Money,
    pub issues: Vec<RevisionIssue>,
}

struct Ctx<'a> {
    indices: &'a IndexBook,
    issues: Vec<RevisionIssue>,
    /// The values already looked up: lines share their dates.
    seen: Vec<((IndexKind, NaiveDate), Option<IndexValue>)>,
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
fn adjust(mut factor: Decimal, terms: &RevisionTerms) -> Decimal {
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
struct LineTerms {
    pass_through: Option<Decimal>,
    unit_price: Money,
    quantity: Quantity,
}

/// What the indices make of one anniversary, the same for every line with
/// the same clauses and base date.
#[derive(Clone)]
struct IndexStep {
    date: NaiveDate,
    syntec: Option<(IndexUse, IndexUse)>,
    icc: Option<(IndexUse, IndexUse)>,
    electricity: Option<(IndexUse, IndexUse)>,
    /// The product of the clauses' factors, before the pass-through and the
    /// clause options.
    factor: Decimal,
    provisional: bool,
}

type PricePath = Vec<(Decimal, Money)>;

/// (SYNTEC, specific, base date, billed values).
type IndexKey = (bool, bool, NaiveDate, bool);

/// The index factors at each anniversary after `base_date`. `billed` uses
/// the values invoices were issued with (for the regularisation).
fn index_steps(
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
            }
        }
        out.push(IndexStep {
            date,
            syntec: syntec_use,
            icc: icc_use,
            electricity: elec_use,
            factor,
            provisional,
        });
    }
    Ok(out)
}

/// The (coefficient, revised unit price) of each step of a unit price.
fn price_path(
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
fn steps(
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
            })
        })
        .collect()
}

/// A line's revised monthly amounts laid on the calendar: one period from
/// its start, then one from each step's date.
fn revised_pieces(
    calendar: &Calendar,
    starts: NaiveDate,
    end: NaiveDate,
    first: Money,
    steps: &[RevisionStep],
) -> Result<Vec<Pieces>, Overflow> {
    let mut out = Vec::with_capacity(steps.len() + 1);
    let (mut from, mut monthly) = (starts, first);
    for step in steps {
        out.push(calendar.pieces(monthly, from, step.date)?);
        from = step.date;
        monthly = step.monthly;
    }
    out.push(calendar.pieces(monthly, from, end)?);
    Ok(out)
}

fn total_of(pieces: &[Pieces]) -> Result<Money, Overflow> {
    pieces
        .iter()
        .try_fold(Money::ZERO, |acc, p| acc.checked_add(p.total()?))
}

/// Revises the priced quote on each anniversary with the index book.
pub fn revise(
    quote: &Quote,
    books: &PriceBooks,
    priced: &PricedQuote,
    indices: &IndexBook,
) -> Result<RevisedQuote, Overflow> {
    let terms = &quote.revision;
    let anniversaries: Vec<NaiveDate> = (1..)
        .map_while(|k| priced.start_date.checked_add_months(Months::new(12 * k)))
        .take_while(|d| *d < priced.end_date)
        .collect();
    let mut ctx = Ctx {
        indices,
        issues: Vec::new(),
        seen: Vec::new(),
    };
    let calendar = Calendar::new(&priced.months);
    // Lines with the same clauses and base date share their index steps.
    let mut index_cache: Vec<(IndexKey, Rc<Vec<IndexStep>>)> = Vec::new();
    let mut path_cache: HashMap<(Money, Option<Decimal>, usize), Rc<PricePath>> = HashMap::new();
    let sources: HashMap<LineId, &QuoteLine> = quote.lines.iter().map(|l| (l.id, l)).collect();
    let mut lines = Vec::new();
    let mut months_delta = MonthSums::new(priced.months.len());
    let mut months_regul = MonthSums::new(priced.months.len());
    let mut provisional_from: Option<NaiveDate> = None;
    for line in priced
        .lines
        .iter()
        .filter(|l| matches!(l.category, Category::Run | Category::Governance))
    {
        let Some(src) = sources.get(&line.id) else {
            continue;
        };
        let item = books
            .in_force(&quote.region, line.starts.max(priced.start_date))
            .and_then(|b| b.item(&line.item));
        let revisable = item.is_some_and(|i| i.is_revisable());
        let syntec = terms.syntec && revisable;
        let specific = terms.specific && revisable && item.is_some_and(|i| i.physical_hosting);
        let pass_through = src.pass_through_percent.filter(|_| revisable);
        let line_terms = LineTerms {
            pass_through,
            unit_price: line.unit_price,
            quantity: line.quantity,
        };
        let revised = syntec || specific || pass_through.is_some();
        // The real steps, and those invoiced when they differ (values
        // invoiced provisionally, §9.3.1).
        let (real, billed) = if revised {
            let mut index = |billed: bool| -> Result<Rc<Vec<IndexStep>>, Overflow> {
                let key = (syntec, specific, line.starts, billed);
                if let Some((_, found)) = index_cache.iter().find(|(k, _)| *k == key) {
                    return Ok(Rc::clone(found));
                }
                let found = Rc::new(index_steps(
                    &mut ctx,
                    (syntec, specific),
                    line.starts,
                    &anniversaries,
                    billed,
                )?);
                index_cache.push((key, Rc::clone(&found)));
                Ok(found)
            };
            let (real_index, billed_index) = (index(false)?, index(true)?);
            // Lines of the same price share its path through the revisions.
            let mut path = |index: &Rc<Vec<IndexStep>>| -> Result<Rc<PricePath>, Overflow> {
                let key = (line.unit_price, pass_through, Rc::as_ptr(index) as usize);
                if let Some(found) = path_cache.get(&key) {
                    return Ok(Rc::clone(found));
                }
                let found = Rc::new(price_path(terms, &line_terms, index)?);
                path_cache.insert(key, Rc::clone(&found));
                Ok(found)
            };
            let (real_path, billed_path) = (path(&real_index)?, path(&billed_index)?);
            let real = steps(&line_terms, &real_index, &real_path)?;
            let billed = if billed_path == real_path {
                None
            } else {
                Some(steps(&line_terms, &billed_index, &billed_path)?)
            };
            (real, billed)
        } else {
            (Vec::new(), None)
        };
        let end = priced.end_date;
        let (months, increase, regularisation) = if real.is_empty() && billed.is_none() {
            // Never revised: the signature months, nothing added.
            (line.months.clone(), Money::ZERO, Money::ZERO)
        } else {
            let signature = calendar.pieces(line.amount, line.starts, end)?;
            let real_pieces = revised_pieces(&calendar, line.starts, end, line.amount, &real)?;
            let real_total = total_of(&real_pieces)?;
            for pieces in &real_pieces {
                months_delta.add(pieces)?;
            }
            months_delta.sub(&signature)?;
            let increase = real_total.checked_sub(signature.total()?)?;
            // Invoiced with the same values as the real ones: nothing to regularise.
            let regularisation = match &billed {
                None => Money::ZERO,
                Some(billed) => {
                    let billed_pieces =
                        revised_pieces(&calendar, line.starts, end, line.amount, billed)?;
                    for pieces in &real_pieces {
                        months_regul.add(pieces)?;
                    }
                    for pieces in &billed_pieces {
                        months_regul.sub(pieces)?;
                    }
                    real_total.checked_sub(total_of(&billed_pieces)?)?
                }
            };
            let mut months = vec![Money::ZERO; calendar.len()];
            for pieces in &real_pieces {
                pieces.add_into(&mut months)?;
            }
            (months, increase, regularisation)
        };
        if let Some(step) = real.iter().find(|s| s.provisional) {
            provisional_from = Some(provisional_from.map_or(step.date, |d| d.min(step.date)));
        }
        lines.push(LineRevision {
            id: line.id,
            item: line.item.clone(),
            name: line.name.clone(),
            revised_syntec: syntec,
            revised_specific: specific,
            signature_unit_price: line.unit_price,
            steps: real,
            months,
            increase,
            regularisation,
        });
    }

    let (months_delta, months_regul) = (months_delta.finish()?, months_regul.finish()?);
    // The whole schedule per month, revisions included.
    let mut months = vec![Money::ZERO; priced.months.len()];
    for invoice in &priced.schedule {
        if let Some(i) = priced.months.iter().rposition(|m| *m <= invoice.date) {
            months[i] = months[i].checked_add(invoice.amount)?;
        }
    }
    for (m, d) in months.iter_mut().zip(&months_delta) {
        *m = m.checked_add(*d)?;
    }
    let years = priced
        .years
        .iter()
        .map(|y| {
            let in_year = |i: &usize| {
                crate::engine::timeline::month_in_period(
                    priced.months[*i],
                    y.from,
                    y.to,
                    y.year == 1,
                )
            };
            let idx: Vec<usize> = (0..priced.months.len()).filter(in_year).collect();
            let increase = Money::checked_sum(idx.iter().map(|i| months_delta[*i]))?;
            let regularisation = Money::checked_sum(idx.iter().map(|i| months_regul[*i]))?;
            Ok(RevisedYear {
                year: y.year,
                from: y.from,
                to: y.to,
                signature: y.total,
                revised: y.total.checked_add(increase)?,
                increase,
                regularisation,
                provisional: provisional_from.is_some_and(|d| d < y.to),
            })
        })
        .collect::<Result<Vec<_>, Overflow>>()?;
    let increase = Money::checked_sum(months_delta.iter().copied())?;
    let regularisation = Money::checked_sum(months_regul.iter().copied())?;
    Ok(RevisedQuote {
        lines,
        years,
        revised_total: priced.commitment_total.checked_add(increase)?,
        months,
        increase,
        regularisation,
        issues: ctx.issues,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn equal_indices_leave_the_factor_at_one() {
        assert_eq!(
            formula_factor(Decimal::ZERO, &[(Decimal::ONE, dec("300"), dec("300"))]),
            Some(Decimal::ONE)
        );
        let third = Decimal::ONE / Decimal::from(3);
        let f = formula_factor(
            Decimal::ZERO,
            &[
                (Decimal::TWO * third, dec("2000"), dec("2000")),
                (third, dec("150"), dec("150")),
            ],
        )
        .unwrap();
        assert_eq!(f.round_dp(20), Decimal::ONE);
    }

    #[test]
    fn clause_options_floor_cap_and_round_the_coefficient() {
        let mut terms = RevisionTerms::default();
        assert_eq!(adjust(dec("0.99"), &terms), dec("0.99"));
        terms.floor = true;
        assert_eq!(adjust(dec("0.99"), &terms), Decimal::ONE);
        terms.cap_percent = Some(dec("3"));
        assert_eq!(adjust(dec("1.05"), &terms), dec("1.03"));
        terms.cap_percent = None;
        terms.coefficient_decimals = Some(3);
        assert_eq!(adjust(dec("1.0228571"), &terms), dec("1.023"));
    }
}
