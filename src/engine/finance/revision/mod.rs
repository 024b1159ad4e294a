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

mod revised;
mod steps;

pub use revised::{IndexUse, LineRevision, RevisedQuote, RevisedYear, RevisionIssue, RevisionStep};
pub use steps::formula_factor;

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::engine::document::pricebook::PriceBooks;
use crate::engine::document::quote::{LineId, Quote, QuoteLine, RevisionTerms};
use crate::engine::finance::indices::IndexBook;
use crate::engine::money::{Money, Overflow};
use crate::engine::pricing::{Category, PricedLine, PricedQuote};
use crate::engine::timeline::{month_in_period, Calendar, MonthSums};
use steps::{
    index_steps, price_path, revised_pieces, steps, total_of, Ctx, IndexKey, IndexStep, LineTerms,
    PricePath,
};

/// The revision built line by line: the caches lines share, and the sums of
/// what revision adds (and regularises) month by month.
struct Reviser<'a> {
    terms: &'a RevisionTerms,
    anniversaries: Vec<NaiveDate>,
    ctx: Ctx<'a>,
    calendar: Calendar,
    /// Lines with the same clauses and base date share their index steps.
    index_cache: Vec<(IndexKey, Rc<Vec<IndexStep>>)>,
    path_cache: HashMap<(Money, Option<Decimal>, usize), Rc<PricePath>>,
    months_delta: MonthSums,
    months_regul: MonthSums,
    provisional_from: Option<NaiveDate>,
}

/// The real steps of a line, and those invoiced when they differ (values
/// invoiced provisionally, §9.3.1).
type LineSteps = (Vec<RevisionStep>, Option<Vec<RevisionStep>>);

impl Reviser<'_> {
    fn steps_of(
        &mut self,
        line: &PricedLine,
        (syntec, specific): (bool, bool),
        line_terms: &LineTerms,
    ) -> Result<LineSteps, Overflow> {
        let mut index = |billed: bool| -> Result<Rc<Vec<IndexStep>>, Overflow> {
            let key = (syntec, specific, line.starts, billed);
            if let Some((_, found)) = self.index_cache.iter().find(|(k, _)| *k == key) {
                return Ok(Rc::clone(found));
            }
            let found = Rc::new(index_steps(
                &mut self.ctx,
                (syntec, specific),
                line.starts,
                &self.anniversaries,
                billed,
            )?);
            self.index_cache.push((key, Rc::clone(&found)));
            Ok(found)
        };
        let (real_index, billed_index) = (index(false)?, index(true)?);
        // Lines of the same price share its path through the revisions.
        let terms = self.terms;
        let mut path = |index: &Rc<Vec<IndexStep>>| -> Result<Rc<PricePath>, Overflow> {
            let key = (
                line.unit_price,
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

    /// The line's revised months, what revision adds over the contract and
    /// what it regularises; added to the month-by-month sums.
    fn months_of(
        &mut self,
        line: &PricedLine,
        end: NaiveDate,
        (real, billed): &LineSteps,
    ) -> Result<(Vec<Money>, Money, Money), Overflow> {
        if real.is_empty() && billed.is_none() {
            // Never revised: the signature months, nothing added.
            return Ok((line.months.clone(), Money::ZERO, Money::ZERO));
        }
        let calendar = &self.calendar;
        let signature = calendar.pieces(line.amount, line.starts, end)?;
        let real_pieces = revised_pieces(calendar, line.starts, end, line.amount, real)?;
        let real_total = total_of(&real_pieces)?;
        for pieces in &real_pieces {
            self.months_delta.add(pieces)?;
        }
        self.months_delta.sub(&signature)?;
        let increase = real_total.checked_sub(signature.total()?)?;
        // Invoiced with the same values as the real ones: nothing to regularise.
        let regularisation = match billed {
            None => Money::ZERO,
            Some(billed) => {
                let billed_pieces =
                    revised_pieces(calendar, line.starts, end, line.amount, billed)?;
                for pieces in &real_pieces {
                    self.months_regul.add(pieces)?;
                }
                for pieces in &billed_pieces {
                    self.months_regul.sub(pieces)?;
                }
                real_total.checked_sub(total_of(&billed_pieces)?)?
            }
        };
        let mut months = vec![Money::ZERO; calendar.len()];
        for pieces in &real_pieces {
            pieces.add_into(&mut months)?;
        }
        Ok((months, increase, regularisation))
    }
}

/// Revises the priced quote on each anniversary with the index book.
pub fn revise(
    quote: &Quote,
    books: &PriceBooks,
    priced: &PricedQuote,
    indices: &IndexBook,
) -> Result<RevisedQuote, Overflow> {
    let terms = &quote.revision;
    let mut r = Reviser {
        terms,
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
    };
    let sources: HashMap<LineId, &QuoteLine> = quote.lines.iter().map(|l| (l.id, l)).collect();
    let mut lines = Vec::new();
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
        let line_steps = if syntec || specific || pass_through.is_some() {
            r.steps_of(line, (syntec, specific), &line_terms)?
        } else {
            (Vec::new(), None)
        };
        let (months, increase, regularisation) = r.months_of(line, priced.end_date, &line_steps)?;
        let real = line_steps.0;
        if let Some(step) = real.iter().find(|s| s.provisional) {
            r.provisional_from = Some(r.provisional_from.map_or(step.date, |d| d.min(step.date)));
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
    let (months_delta, months_regul) = (r.months_delta.finish()?, r.months_regul.finish()?);
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
    let years = revised_years(priced, &months_delta, &months_regul, r.provisional_from)?;
    let increase = Money::checked_sum(months_delta.iter().copied())?;
    let regularisation = Money::checked_sum(months_regul.iter().copied())?;
    Ok(RevisedQuote {
        lines,
        years,
        revised_total: priced.commitment_total.checked_add(increase)?,
        months,
        increase,
        regularisation,
        issues: r.ctx.issues,
    })
}

/// Each contract year at signature prices and revised: a month belongs to
/// the year its 1st falls in.
fn revised_years(
    priced: &PricedQuote,
    months_delta: &[Money],
    months_regul: &[Money],
    provisional_from: Option<NaiveDate>,
) -> Result<Vec<RevisedYear>, Overflow> {
    priced
        .years
        .iter()
        .map(|y| {
            let in_year = |i: &usize| month_in_period(priced.months[*i], y.from, y.to, y.year == 1);
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
