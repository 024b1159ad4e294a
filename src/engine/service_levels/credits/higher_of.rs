//! §8.4.10: one incident cannot earn both a GTD and a GTR credit. When late
//! incidents on a unit of a managed function (§10) also earn that function a
//! GTD credit, the month is settled both ways (keep the GTD credits and
//! count those incidents as on time for the GTR, or keep the GTR and drop
//! those GTD credits) and the higher total is granted.

use std::collections::BTreeSet;

use super::errors::SlaError;
use super::month::Month;
use super::report::{FunctionCredit, HigherOf, IncidentOutcome, RestorationCredit};
use super::restoration;
use crate::engine::document::managed_function::ManagedFunction;
use crate::engine::document::quote::LineId;
use crate::engine::money::Money;

/// §10: the managed function of the unit an incident names.
fn function_of(m: &Month, line: Option<LineId>) -> Option<ManagedFunction> {
    line.and_then(|l| m.unit(l)).and_then(|u| u.function)
}

pub(super) fn settle(
    m: &Month,
    functions: &mut [FunctionCredit],
    incidents: &[IncidentOutcome],
    restoration: RestorationCredit,
    base: Money,
) -> Result<(RestorationCredit, Option<HigherOf>), SlaError> {
    let conflicts: Vec<(u32, Vec<u32>)> = functions
        .iter()
        .filter(|f| !f.credit.is_zero())
        .filter_map(|f| {
            let ids: Vec<u32> = m
                .input
                .incidents
                .iter()
                .zip(incidents)
                .filter(|(i, o)| o.counted && o.late && function_of(m, i.line) == Some(f.function))
                .map(|(i, _)| i.id)
                .collect();
            (!ids.is_empty()).then_some((f.id, ids))
        })
        .collect();
    if conflicts.is_empty() || restoration.credit.is_zero() {
        return Ok((restoration, None));
    }
    let conflict_ids: BTreeSet<u32> = conflicts.iter().flat_map(|(_, ids)| ids.clone()).collect();
    let conflict_functions: Vec<u32> = conflicts.iter().map(|(f, _)| *f).collect();
    let gtd_all = Money::checked_sum(functions.iter().map(|f| f.credit))?;
    let gtd_shared = Money::checked_sum(
        functions
            .iter()
            .filter(|f| conflict_functions.contains(&f.id))
            .map(|f| f.credit),
    )?;
    let without_shared = restoration::month(m, incidents, base, &conflict_ids)?;
    let keeping_gtd = gtd_all.checked_add(without_shared.credit)?;
    let keeping_gtr = gtd_all
        .checked_sub(gtd_shared)?
        .checked_add(restoration.credit)?;
    let kept_gtd = keeping_gtd >= keeping_gtr;
    let kept = if kept_gtd {
        without_shared
    } else {
        for f in functions.iter_mut() {
            if conflict_functions.contains(&f.id) {
                f.credit = Money::ZERO;
            }
        }
        restoration
    };
    let higher_of = HigherOf {
        functions: conflict_functions,
        incidents: conflict_ids.into_iter().collect(),
        keeping_gtd,
        keeping_gtr,
        kept_gtd,
    };
    Ok((kept, Some(higher_of)))
}
