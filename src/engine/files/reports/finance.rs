//! `quote finance`: the revision of each charge on each anniversary
//! (§9.3: factors, indices used, provisional flags, regularisation) and the
//! MRG table (§9.4), from `finance::revision::revise` and
//! `finance::mrg::minimum_guaranteed_revenue`.

use serde::Serialize;

use super::{factor, flag, pretty};
use crate::engine::contract_life::exit_cost::{ExitCost, ExitError};
use crate::engine::contract_life::invoiced_credit::InvoicedCredit;
use crate::engine::contract_life::life::Life;
use crate::engine::contract_life::reversibility::Reversibility;
use crate::engine::document::pricebook::Text;
use crate::engine::files::csv::{push_row, CsvOptions};
use crate::engine::finance::mrg::MrgReport;
use crate::engine::finance::revision::{
    IndexUse, RevisedCharge, RevisedQuote, RevisedYear, RevisionIssue, RevisionStep,
};
use crate::engine::money::Money;

#[derive(Serialize)]
struct Charge<'a> {
    charge: &'a RevisedCharge,
    item: &'a str,
    name: &'a Text,
    revised_syntec: bool,
    revised_specific: bool,
    signature_unit_price: Money,
    steps: &'a [RevisionStep],
    increase: Money,
    regularisation: Money,
}

#[derive(Serialize)]
struct Revision<'a> {
    increase: Money,
    regularisation: Money,
    complement_change: Money,
    revised_total: Money,
    issues: &'a [RevisionIssue],
    years: &'a [RevisedYear],
    charges: Vec<Charge<'a>>,
}

#[derive(Serialize)]
struct Finance<'a> {
    revision: Revision<'a>,
    mrg: &'a MrgReport,
    /// Issue 15: the credit on its invoice (§8.2), reversibility (§9.9),
    /// the exit cost at the termination date; each only when the quote has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<&'a InvoicedCredit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reversibility: Option<&'a Reversibility>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exit: Option<&'a ExitCost>,
    /// Why the termination date gives no exit cost (not a 1st, outside).
    #[serde(skip_serializing_if = "Option::is_none")]
    exit_refused: Option<&'a ExitError>,
}

/// The revision (every charge's steps, without the month-by-month
/// amounts) and the MRG report, as pretty JSON.
pub fn finance_json(revised: &RevisedQuote, mrg: &MrgReport) -> String {
    finance_report(revised, mrg, None)
}

/// The same with the contract's life (issue 15): the MRG of `life`
/// (counting the credit on its invoice), the credit, the reversibility and
/// the exit cost when the quote has them.
pub fn finance_life_json(revised: &RevisedQuote, life: &Life) -> String {
    finance_report(revised, &life.mrg, Some(life))
}

fn finance_report(revised: &RevisedQuote, mrg: &MrgReport, life: Option<&Life>) -> String {
    pretty(&Finance {
        credit: life.and_then(|l| l.credit.as_ref()),
        reversibility: life.and_then(|l| l.reversibility.as_ref()),
        exit: life.and_then(|l| l.exit.as_ref()?.as_ref().ok()),
        exit_refused: life.and_then(|l| l.exit.as_ref()?.as_ref().err()),
        revision: Revision {
            increase: revised.increase,
            regularisation: revised.regularisation,
            complement_change: revised.complement_change,
            revised_total: revised.revised_total,
            issues: &revised.issues,
            years: &revised.years,
            charges: revised
                .charges
                .iter()
                .map(|c| Charge {
                    charge: &c.charge,
                    item: &c.item,
                    name: &c.name,
                    revised_syntec: c.revised_syntec,
                    revised_specific: c.revised_specific,
                    signature_unit_price: c.signature_unit_price,
                    steps: &c.steps,
                    increase: c.increase,
                    regularisation: c.regularisation,
                })
                .collect(),
        },
        mrg,
    })
}

/// The columns of [`revision_csv`].
pub const REVISION_COLUMNS: [&str; 20] = [
    "charge",
    "item",
    "name",
    "syntec",
    "specific",
    "signature_unit_price",
    "anniversary",
    "factor",
    "unit_price",
    "monthly",
    "provisional",
    "specific_not_computed",
    "syntec_previous",
    "syntec_current",
    "icc_previous",
    "icc_current",
    "electricity_previous",
    "electricity_current",
    "charge_increase",
    "charge_regularisation",
];

/// An index value in a cell: `2026-08=301.2`, `provisional` after it when
/// projected or not yet published.
pub fn index_cell(options: CsvOptions, index: &IndexUse) -> String {
    let value = super::decimal(options, index.value);
    if index.provisional {
        format!("{}={value} provisional", index.period)
    } else {
        format!("{}={value}", index.period)
    }
}

fn charge_key(charge: &RevisedCharge) -> String {
    match charge {
        RevisedCharge::Line { id } => format!("line {}", id.0),
        RevisedCharge::TokenPack { code } => format!("pack {code}"),
    }
}

/// One row per revised charge and anniversary (a charge never revised: one
/// row without anniversary): the factor, the unit price and monthly amount
/// from that date, its flags, the index values compared, and the charge's
/// increase and regularisation over the contract.
pub fn revision_csv(revised: &RevisedQuote, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    push_row(&mut out, &REVISION_COLUMNS, sep);
    for c in &revised.charges {
        let head = [
            charge_key(&c.charge),
            c.item.clone(),
            options.text(&c.name).to_owned(),
            flag(c.revised_syntec).to_owned(),
            flag(c.revised_specific).to_owned(),
            options.localise(c.signature_unit_price.exact_text()),
        ];
        let tail = [options.amount(c.increase), options.amount(c.regularisation)];
        if c.steps.is_empty() {
            let mut row: Vec<String> = head.to_vec();
            row.extend(std::iter::repeat_n(String::new(), 12));
            row.extend(tail.iter().cloned());
            push_row(&mut out, &row, sep);
        }
        for s in &c.steps {
            let mut row: Vec<String> = head.to_vec();
            row.push(s.date.to_string());
            row.push(factor(options, s.factor));
            row.push(options.localise(s.unit_price.exact_text()));
            row.push(options.amount(s.monthly));
            row.push(flag(s.provisional).to_owned());
            row.push(flag(s.specific_not_computed).to_owned());
            for pair in [&s.syntec, &s.icc, &s.electricity] {
                match pair {
                    Some((previous, current)) => {
                        row.push(index_cell(options, previous));
                        row.push(index_cell(options, current));
                    }
                    None => row.extend([String::new(), String::new()]),
                }
            }
            row.extend(tail.iter().cloned());
            push_row(&mut out, &row, sep);
        }
    }
    out
}

/// The columns of [`mrg_csv`].
pub const MRG_COLUMNS: [&str; 14] = [
    "year",
    "from",
    "to",
    "months",
    "annual_mrg",
    "billed",
    "overridden",
    "provisional",
    "carry_in",
    "attainment",
    "attainment_percent",
    "shortfall",
    "shortfall_due",
    "carry_out",
];

/// §9.4: one row per run year of the MRG table.
pub fn mrg_csv(mrg: &MrgReport, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    push_row(&mut out, &MRG_COLUMNS, sep);
    for y in &mrg.years {
        let row = [
            y.year.to_string(),
            y.from.to_string(),
            y.to.to_string(),
            y.months.to_string(),
            options.amount(y.annual_mrg),
            options.amount(y.billed),
            flag(y.overridden).to_owned(),
            flag(y.provisional).to_owned(),
            options.amount(y.carry_in),
            options.amount(y.attainment),
            super::decimal(options, y.attainment_percent),
            options.amount(y.shortfall),
            y.shortfall_due.to_string(),
            options.amount(y.carry_out),
        ];
        push_row(&mut out, &row, sep);
    }
    out
}
