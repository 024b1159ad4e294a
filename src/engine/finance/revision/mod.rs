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
//!
//! What is revised (SPEC §14): service units, governance and token packs
//! (`charges`), each one recurring charge revised the same way. The monthly
//! minimum is not revised; its complement is computed after revision
//! (`minimum`, §9.2). A specific revision whose indices have no value at all
//! is reported, never dropped silently (`RevisionIssue::SpecificNotComputed`).

mod charges;
mod minimum;
mod revised;
mod steps;

pub use minimum::complement;
pub use revised::{
    ChargeRevision, IndexUse, RevisedCharge, RevisedQuote, RevisedYear, RevisionIssue, RevisionStep,
};
pub use steps::formula_factor;

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::engine::document::pricebook::PriceBooks;
use crate::engine::document::quote::{Quote, RevisionTerms};
use crate::engine::finance::indices::IndexBook;
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::PricedQuote;
use crate::engine::timeline::{month_in_period, Calendar, MonthSums};
use charges::{Charge, Period};
use steps::{
    index_steps, price_path, revised_pieces, steps, total_of, Ctx, IndexKey, IndexStep, LineTerms,
    PricePath,
};

/// The revision built charge by charge: the caches charges share, and the
/// sums of what revision adds (and regularises) month by month.
struct Reviser<'a> {
    terms: &'a RevisionTerms,
    anniversaries: Vec<NaiveDate>,
    ctx: Ctx<'a>,
    calendar: Calendar,
    /// Charges with the same clauses and base date share their index steps.
    index_cache: Vec<(IndexKey, Rc<Vec<IndexStep>>)>,
    path_cache: HashMap<(Money, Option<Decimal>, usize), Rc<PricePath>>,
    months_delta: MonthSums,
    months_regul: MonthSums,
    provisional_from: Option<NaiveDate>,
    specific_missing_from: Option<NaiveDate>,
}

/// The real steps of a charge, and those invoiced when they differ (values
/// invoiced provisionally, §9.3.1).
type LineSteps = (Vec<RevisionStep>, Option<Vec<RevisionStep>>);

/// The earlier of a date kept and a new one.
fn earliest(kept: &mut Option<NaiveDate>, date: Option<NaiveDate>) {
    if let Some(d) = date {
        *kept = Some(kept.map_or(d, |k| k.min(d)));
    }
}

impl Reviser<'_> {
    fn steps_of(&mut self, charge: &Charge, line_terms: &LineTerms) -> Result<LineSteps, Overflow> {
        let clauses = (charge.syntec, charge.specific);
        let mut index = |billed: bool| -> Result<Rc<Vec<IndexStep>>, Overflow> {
            let key = (clauses.0, clauses.1, charge.starts, billed);
            if let Some((_, found)) = self.index_cache.iter().find(|(k, _)| *k == key) {
                return Ok(Rc::clone(found));
            }
            let found = Rc::new(index_steps(
                &mut self.ctx,
                clauses,
                charge.starts,
                &self.anniversaries,
                billed,
            )?);
            self.index_cache.push((key, Rc::clone(&found)));
            Ok(found)
        };
        let (real_index, billed_index) = (index(false)?, index(true)?);
        // Charges of the same price share its path through the revisions.
        let terms = self.terms;
        let mut path = |index: &Rc<Vec<IndexStep>>| -> Result<Rc<PricePath>, Overflow> {
            let key = (
                charge.unit_price,
                line_terms.pass_through,
                Rc::as_ptr(index) as usize,
            );
            if let Some(found) = self.path_cache.get(&key) {
                return Ok(Rc::clone(found));
            }
            let found = Rc::new(price_path(terms, line_terms, index)?);
            self.path_cache.insert(key, Rc::clone(&found));
            Ok(found)
        };
        let (real_path, billed_path) = (path(&real_index)?, path(&billed_index)?);
        let real = steps(line_terms, &real_index, &real_path)?;
        let billed = if billed_path == real_path {
            None
        } else {
            Some(steps(line_terms, &billed_index, &billed_path)?)
        };
        Ok((real, billed))
    }

    /// The charge's revised months, what revision adds over the contract
    /// and what it regularises; added to the month-by-month sums. Each
    /// period (SPEC §14) is laid with the steps of its own quantity.
    fn months_of(
        &mut self,
        charge: &Charge,
        periods: &[(Period, LineSteps)],
    ) -> Result<(Vec<Money>, Money, Money), Overflow> {
        if !charge.is_revised() {
            // Never revised: the signature months, nothing added.
            return Ok((charge.months.to_vec(), Money::ZERO, Money::ZERO));
        }
        let mut months = vec![Money::ZERO; self.calendar.len()];
        let (mut increase, mut regularisation) = (Money::ZERO, Money::ZERO);
        for (p, (real, billed)) in periods {
            let calendar = &self.calendar;
            let window = (p.from, p.to);
            let signature = calendar.pieces(p.monthly, p.from, p.to)?;
            let real_pieces = revised_pieces(calendar, window, p.monthly, real)?;
            let real_total = total_of(&real_pieces)?;
            for pieces in &real_pieces {
                self.months_delta.add(pieces)?;
                pieces.add_into(&mut months)?;
            }
            self.months_delta.sub(&signature)?;
            increase = increase.checked_add(real_total.checked_sub(signature.total()?)?)?;
            // Invoiced with the same values as the real ones: nothing to regularise.
            if let Some(billed) = billed {
                let billed_pieces = revised_pieces(calendar, window, p.monthly, billed)?;
                for pieces in &real_pieces {
                    self.months_regul.add(pieces)?;
                }
                for pieces in &billed_pieces {
                    self.months_regul.sub(pieces)?;
                }
                let regul = real_total.checked_sub(total_of(&billed_pieces)?)?;
                regularisation = regularisation.checked_add(regul)?;
            }
        }
        Ok((months, increase, regularisation))
    }

    /// §9.3: one recurring charge through the anniversaries.
    fn revise_charge(&mut self, charge: Charge) -> Result<ChargeRevision, Overflow> {
        let line_terms = LineTerms {
            pass_through: charge.pass_through,
            unit_price: charge.unit_price,
            quantity: charge.quantity,
        };
        let line_steps = if charge.is_revised() {
            self.steps_of(&charge, &line_terms)?
        } else {
            (Vec::new(), None)
        };
        // SPEC §14: another quantity, the same price path, its own amounts.
        let mut periods = Vec::with_capacity(charge.periods.len());
        for p in &charge.periods {
            let steps = if p.quantity == charge.quantity || !charge.is_revised() {
                line_steps.clone()
            } else {
                let terms = LineTerms {
                    quantity: p.quantity,
                    ..line_terms
                };
                self.steps_of(&charge, &terms)?
            };
            periods.push((*p, steps));
        }
        let (months, increase, regularisation) = self.months_of(&charge, &periods)?;
        let real = line_steps.0;
        let first_with = |f: fn(&RevisionStep) -> bool| real.iter().find(|s| f(s)).map(|s| s.date);
        earliest(&mut self.provisional_from, first_with(|s| s.provisional));
        earliest(
            &mut self.specific_missing_from,
            first_with(|s| s.specific_not_computed),
        );
        Ok(ChargeRevision {
            charge: charge.charge,
            item: charge.item,
            name: charge.name,
            revised_syntec: charge.syntec,
            revised_specific: charge.specific,
            signature_unit_price: charge.unit_price,
            steps: real,
            months,
            increase,
            regularisation,
        })
    }
}

/// Revises the priced quote on each anniversary with the index book: each
/// revised charge (§9.3.1, §9.3.2, §9.3.3), then the minimum complement
/// after revision (§9.2), then the months and years.
pub fn revise(
    quote: &Quote,
    books: &PriceBooks,
    priced: &PricedQuote,
    indices: &IndexBook,
) -> Result<RevisedQuote, Overflow> {
    let mut r = Reviser {
        terms: &quote.revision,
        anniversaries: (1..)
            .map_while(|k| priced.start_date.checked_add_months(Months::new(12 * k)))
            .take_while(|d| *d < priced.end_date)
            .collect(),
        ctx: Ctx {
            indices,
            issues: Vec::new(),
            seen: Vec::new(),
        },
        calendar: Calendar::new(&priced.months),
        index_cache: Vec::new(),
        path_cache: HashMap::new(),
        months_delta: MonthSums::new(priced.months.len()),
        months_regul: MonthSums::new(priced.months.len()),
        provisional_from: None,
        specific_missing_from: None,
    };
    let mut charges = Vec::new();
    let to_revise = charges::lines(quote, books, priced)
        .into_iter()
        .chain(charges::token_packs(quote, priced));
    for charge in to_revise {
        charges.push(r.revise_charge(charge)?);
    }
    let (mut delta, mut regul) = (r.months_delta.finish()?, r.months_regul.finish()?);
    // §9.2: the minimum is not revised; the complement follows the revised
    // subscriptions.
    let complement = minimum::after_revision(priced, &delta, &regul)?;
    for i in 0..delta.len() {
        delta[i] = delta[i].checked_add(complement.change[i])?;
        regul[i] = regul[i].checked_add(complement.regularisation[i])?;
    }
    // The whole schedule per month, revisions included.
    let mut months = vec![Money::ZERO; priced.months.len()];
    for invoice in &priced.schedule {
        if let Some(i) = priced.months.iter().rposition(|m| *m <= invoice.date) {
            months[i] = months[i].checked_add(invoice.amount)?;
        }
    }
    for (m, d) in months.iter_mut().zip(&delta) {
        *m = m.checked_add(*d)?;
    }
    let flags = (r.provisional_from, r.specific_missing_from);
    let years = revised_years(priced, (&delta, &complement.change, &regul), flags)?;
    let increase = Money::checked_sum(delta.iter().copied())?;
    Ok(RevisedQuote {
        charges,
        years,
        revised_total: priced.commitment_total.checked_add(increase)?,
        months,
        complement_change: Money::checked_sum(complement.change.iter().copied())?,
        minimum_complement: complement.months,
        increase,
        regularisation: Money::checked_sum(regul.iter().copied())?,
        issues: r.ctx.issues,
    })
}

/// Each contract year at signature prices and revised: a month belongs to
/// the year its 1st falls in. `sums` are per month: what revision adds (the
/// complement's change included), the complement's change, the
/// regularisation; `flags` the first provisional step and the first step
/// without its specific revision.
fn revised_years(
    priced: &PricedQuote,
    (delta, complement, regul): (&[Money], &[Money], &[Money]),
    (provisional_from, specific_missing_from): (Option<NaiveDate>, Option<NaiveDate>),
) -> Result<Vec<RevisedYear>, Overflow> {
    priced
        .years
        .iter()
        .map(|y| {
            let in_year = |i: &usize| month_in_period(priced.months[*i], y.from, y.to, y.year == 1);
            let idx: Vec<usize> = (0..priced.months.len()).filter(in_year).collect();
            let sum = |v: &[Money]| Money::checked_sum(idx.iter().map(|i| v[*i]));
            let increase = sum(delta)?;
            Ok(RevisedYear {
                year: y.year,
                from: y.from,
                to: y.to,
                signature: y.total,
                revised: y.total.checked_add(increase)?,
                increase,
                complement_change: sum(complement)?,
                regularisation: sum(regul)?,
                provisional: provisional_from.is_some_and(|d| d < y.to),
                specific_not_computed: specific_missing_from.is_some_and(|d| d < y.to),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::steps::adjust;
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
