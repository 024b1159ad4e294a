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

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::indices::{format_period, IndexBook, IndexKind, IndexValue};
use super::money::{Money, Overflow, Quantity};
use super::pricebook::{PriceBooks, Text};
use super::pricing::{Category, PricedQuote};
use super::quote::{LineId, Quote, RevisionTerms};
use super::timeline::prorate;

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
}

impl Ctx<'_> {
    fn at(&mut self, kind: IndexKind, date: NaiveDate) -> Option<IndexValue> {
        let v = self.indices.series(kind).last_published_at(date);
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

/// What is revised on one line, and from when.
#[derive(Clone, Copy)]
struct LineTerms {
    syntec: bool,
    specific: bool,
    pass_through: Option<Decimal>,
    unit_price: Money,
    quantity: Quantity,
    /// Its first monthly invoice: the base of the first revision.
    base_date: NaiveDate,
}

/// The revision steps of one line at each anniversary of the contract after
/// its base date. `billed` uses the values invoices were issued with (for
/// the regularisation).
fn steps(
    ctx: &mut Ctx,
    terms: &RevisionTerms,
    line: &LineTerms,
    anniversaries: &[NaiveDate],
    billed: bool,
) -> Result<Vec<RevisionStep>, Overflow> {
    let LineTerms {
        syntec,
        specific,
        pass_through,
        unit_price,
        quantity,
        base_date,
    } = *line;
    let mut out = Vec::new();
    let mut price = unit_price;
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
        // §9.3.3: a vendor's increase passed through, on top.
        if let Some(pct) = pass_through {
            factor = factor
                .checked_mul(Decimal::ONE + pct / Decimal::ONE_HUNDRED)
                .ok_or(Overflow)?;
        }
        let factor = adjust(factor, terms);
        // Rounded to the cent once per revision.
        price = price.checked_mul(factor)?.round_cents();
        let monthly = Money::line_amount(price, quantity)?;
        out.push(RevisionStep {
            date,
            syntec: syntec_use,
            icc: icc_use,
            electricity: elec_use,
            factor,
            unit_price: price,
            monthly,
            provisional,
        });
    }
    Ok(out)
}

/// A line's months with its revised monthly amounts from each step's date.
fn revised_months(
    priced: &PricedQuote,
    starts: NaiveDate,
    first: Money,
    steps: &[RevisionStep],
) -> Result<Vec<Money>, Overflow> {
    let mut months = Vec::with_capacity(priced.months.len());
    for month in &priced.months {
        let mut amount = Money::ZERO;
        let mut from = starts;
        let mut monthly = first;
        for step in steps {
            amount = amount.checked_add(prorate(monthly, from, step.date, *month)?)?;
            from = step.date;
            monthly = step.monthly;
        }
        amount = amount.checked_add(prorate(monthly, from, priced.end_date, *month)?)?;
        months.push(amount);
    }
    Ok(months)
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
    };
    let mut lines = Vec::new();
    let mut months_delta = vec![Money::ZERO; priced.months.len()];
    let mut months_regul = vec![Money::ZERO; priced.months.len()];
    let mut provisional_from: Option<NaiveDate> = None;
    for line in priced
        .lines
        .iter()
        .filter(|l| matches!(l.category, Category::Run | Category::Governance))
    {
        let Some(src) = quote.lines.iter().find(|l| l.id == line.id) else {
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
            syntec,
            specific,
            pass_through,
            unit_price: line.unit_price,
            quantity: line.quantity,
            base_date: line.starts,
        };
        let revised = syntec || specific || pass_through.is_some();
        let (real, billed) = if revised {
            (
                steps(&mut ctx, terms, &line_terms, &anniversaries, false)?,
                steps(&mut ctx, terms, &line_terms, &anniversaries, true)?,
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let months = revised_months(priced, line.starts, line.amount, &real)?;
        let billed_months = revised_months(priced, line.starts, line.amount, &billed)?;
        let mut increase = Money::ZERO;
        let mut regularisation = Money::ZERO;
        for (i, (m, signature)) in months.iter().zip(&line.months).enumerate() {
            let delta = m.checked_sub(*signature)?;
            let regul = m.checked_sub(billed_months[i])?;
            months_delta[i] = months_delta[i].checked_add(delta)?;
            months_regul[i] = months_regul[i].checked_add(regul)?;
            increase = increase.checked_add(delta)?;
            regularisation = regularisation.checked_add(regul)?;
        }
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
                priced.months[*i] >= super::timeline::first_of_month(y.from)
                    && priced.months[*i] < y.to
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
