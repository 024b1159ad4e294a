//! The build (§4 of SPEC; §4.1, §9.8 of the service description): build
//! prices by resource, the invoicing of the build signed at the start (30/70
//! or milestones, §9.8.1), and the day each line's run starts (§9.8.2).

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::category::Category;
use super::issues::{Location, PricingError, QuoteIssue};
use super::ledger::{overflow, text, Ledger};
use super::lines::LineDraft;
use crate::engine::document::catalog::Charge;
use crate::engine::document::quote::BuildBilling;
use crate::engine::money::{split_by_percent, Money};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instalment {
    pub date: NaiveDate,
    pub label: String,
    pub percent: Decimal,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PricedBuild {
    pub total: Money,
    pub instalments: Vec<Instalment>,
    /// When the whole build is delivered (the last instalment).
    pub delivered: Option<NaiveDate>,
}

/// §9.8.1: the small-project split, 30 % at signature and 70 % at the end of the build.
pub fn thirty_seventy() -> [Decimal; 2] {
    [Decimal::from(30), Decimal::from(70)]
}

/// The build as invoiced, and the delivery dates the run starts from.
pub(super) struct BuildPlan {
    pub priced: PricedBuild,
    /// The build ordered at signature (what 30/70 or the lots split).
    signature_build: Money,
    /// §9.8.2: each lot's delivery date.
    lot_dates: BTreeMap<u32, NaiveDate>,
}

/// §9.8.1: the build ordered at signature is invoiced 30/70 or by lots; a
/// line ordered later has its build invoiced at its order date.
pub(super) fn invoice(l: &mut Ledger, drafts: &[LineDraft]) -> Result<BuildPlan, PricingError> {
    let signature_build = Money::checked_sum(
        drafts
            .iter()
            .filter(|d| !d.ordered_later(l.start))
            .map(|d| d.build_amount),
    )
    .map_err(overflow(Location::Totals))?;
    let mut instalments = Vec::new();
    let mut lot_dates: BTreeMap<u32, NaiveDate> = BTreeMap::new();
    let mut delivered = None;
    if !signature_build.is_zero() {
        let parts = signature_parts(l, &mut lot_dates, &mut delivered)?;
        let percents: Vec<Decimal> = parts.iter().map(|(_, _, pct)| *pct).collect();
        let amounts = split_by_percent(signature_build, &percents)
            .map_err(overflow(Location::BuildBilling))?;
        for ((date, label, percent), amount) in parts.into_iter().zip(amounts) {
            l.one_off(
                date,
                Category::Build,
                text(format!("Build : {label}"), format!("Build: {label}")),
                amount,
                Location::BuildBilling,
            )?;
            instalments.push(Instalment {
                date,
                label,
                percent,
                amount,
            });
        }
    }
    let start = l.start;
    for d in drafts
        .iter()
        .filter(|d| d.ordered_later(start) && !d.build_amount.is_zero())
    {
        let label = format!("{} ({})", d.item.code, d.ordered);
        l.one_off(
            d.ordered,
            Category::Build,
            text(
                format!("Build, ligne commandée ensuite : {label}"),
                format!("Build of a line ordered later: {label}"),
            ),
            d.build_amount,
            Location::Line(d.line.id),
        )?;
        instalments.push(Instalment {
            date: d.ordered,
            label,
            percent: Decimal::ONE_HUNDRED,
            amount: d.build_amount,
        });
    }
    let total = Money::checked_sum(drafts.iter().map(|d| d.build_amount))
        .map_err(overflow(Location::Totals))?;
    Ok(BuildPlan {
        priced: PricedBuild {
            total,
            instalments,
            delivered,
        },
        signature_build,
        lot_dates,
    })
}

/// §9.8.1: the dated parts of the signature build (date, label, percent),
/// 30/70 or the lots; unset invoicing is assumed 30/70 ending 2 months in.
fn signature_parts(
    l: &mut Ledger,
    lot_dates: &mut BTreeMap<u32, NaiveDate>,
    delivered: &mut Option<NaiveDate>,
) -> Result<Vec<(NaiveDate, String, Decimal)>, PricingError> {
    let (start, end) = (l.start, l.end);
    let billing = match &l.quote.build_billing {
        Some(b) => b.clone(),
        None => {
            let assumed = start
                .checked_add_months(Months::new(2))
                .ok_or(PricingError::DateOutOfRange)?;
            l.flag(
                Location::BuildBilling,
                QuoteIssue::BuildBillingAssumed { assumed },
            );
            BuildBilling::ThirtySeventy {
                end_of_build: assumed,
            }
        }
    };
    let mut parts: Vec<(NaiveDate, String, Decimal)> = Vec::new();
    match &billing {
        BuildBilling::ThirtySeventy { end_of_build } => {
            if !l.in_contract(*end_of_build) {
                l.flag(
                    Location::BuildBilling,
                    QuoteIssue::OutsideContract { start, end },
                );
            }
            let [thirty, seventy] = thirty_seventy();
            parts.push((start, "30 % à la signature / at signature".into(), thirty));
            parts.push((
                *end_of_build,
                "70 % en fin de build / at end of build".into(),
                seventy,
            ));
            *delivered = Some(*end_of_build);
        }
        BuildBilling::Milestones { lots } => {
            let mut sorted = lots.clone();
            sorted.sort_by_key(|l| (l.date, l.id));
            // Checked: percentages come from the file (`limits` bounds them
            // to 0..=100, but pricing never trusts a sum to fit).
            let sum = sorted
                .iter()
                .try_fold(Decimal::ZERO, |acc, l| acc.checked_add(l.percent))
                .ok_or(PricingError::Overflow {
                    location: Location::BuildBilling,
                })?;
            if sorted.is_empty() {
                l.flag(Location::BuildBilling, QuoteIssue::NoLots);
            } else if sum != Decimal::ONE_HUNDRED {
                l.flag(
                    Location::BuildBilling,
                    QuoteIssue::MilestonesNot100 {
                        sum: sum.normalize(),
                    },
                );
            }
            for lot in &sorted {
                if lot_dates.insert(lot.id, lot.date).is_some() {
                    l.flag(
                        Location::Lot(lot.id),
                        QuoteIssue::DuplicateLot { lot: lot.id },
                    );
                }
                if !l.in_contract(lot.date) {
                    l.flag(
                        Location::Lot(lot.id),
                        QuoteIssue::OutsideContract { start, end },
                    );
                }
                parts.push((lot.date, lot.label.clone(), lot.percent));
            }
            *delivered = sorted.last().map(|l| l.date);
        }
    }
    Ok(parts)
}

/// §9.8.2: when each line's run invoicing starts, and the project's.
pub(super) struct RunStarts {
    /// Per draft line: its lot's delivery, else the whole build's; a line
    /// ordered later starts at its order; a one-time line is billed when ordered.
    pub per_line: Vec<NaiveDate>,
    /// The earliest start of a monthly line (support, tickets, tokens,
    /// governance and the monthly minimum start then).
    pub run_start: NaiveDate,
}

pub(super) fn run_starts(l: &mut Ledger, drafts: &[LineDraft], build: &BuildPlan) -> RunStarts {
    let start = l.start;
    let delivered_or_start = build.priced.delivered.unwrap_or(start).max(start);
    let mut per_line = Vec::with_capacity(drafts.len());
    for d in drafts {
        let delivery = match d.line.lot {
            // A line ordered later starts at its order, whatever its lot.
            _ if d.ordered_later(start) => d.ordered,
            Some(lot) if !build.signature_build.is_zero() => match build.lot_dates.get(&lot) {
                Some(date) => *date,
                None => {
                    l.flag(Location::Line(d.line.id), QuoteIssue::UnknownLot { lot });
                    delivered_or_start
                }
            },
            _ => delivered_or_start,
        };
        per_line.push(if d.item.charge == Charge::OneTime {
            d.ordered
        } else {
            delivery.max(d.ordered)
        });
    }
    let run_start = drafts
        .iter()
        .zip(&per_line)
        .filter(|(d, _)| d.item.charge == Charge::Monthly)
        .map(|(_, s)| *s)
        .min()
        .unwrap_or(delivered_or_start)
        .min(l.end);
    RunStarts {
        per_line,
        run_start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::from_file_text(s).unwrap()
    }

    #[test]
    fn thirty_seventy_parts_sum_exactly_to_the_build_total() {
        // 30 % of 1 000.05 = 300.015 -> 300.02; the rest 700.03.
        let parts = split_by_percent(m("1000.05"), &thirty_seventy()).unwrap();
        assert_eq!(parts, [m("300.02"), m("700.03")]);
    }

    #[test]
    fn milestone_parts_round_all_but_the_last() {
        let third = Decimal::new(3333, 2);
        let parts = split_by_percent(m("100"), &[third, third, Decimal::new(3334, 2)]).unwrap();
        assert_eq!(parts, [m("33.33"), m("33.33"), m("33.34")]);
        let parts = split_by_percent(m("0.10"), &[third, third, Decimal::new(3334, 2)]).unwrap();
        assert_eq!(parts, [m("0.03"), m("0.03"), m("0.04")]);
    }
}
