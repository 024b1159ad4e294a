//! `quote portfolio`: one row per contract at a date and the totals, from
//! `engine::portfolio`.

use chrono::NaiveDate;
use serde::Serialize;

use super::{decimal, factor, flag, pretty};
use crate::engine::files::csv::{push_row, CsvOptions};
use crate::engine::portfolio::{Entry, Totals};

#[derive(Serialize)]
struct PortfolioOut<'a> {
    at: NaiveDate,
    entries: &'a [Entry],
    totals: &'a Totals,
}

pub fn portfolio_json(at: NaiveDate, entries: &[Entry], totals: &Totals) -> String {
    pretty(&PortfolioOut {
        at,
        entries,
        totals,
    })
}

/// The columns of [`portfolio_csv`].
pub const PORTFOLIO_COLUMNS: [&str; 24] = [
    "source",
    "client",
    "project",
    "model",
    "start_date",
    "end_date",
    "tcv",
    "revised_tcv",
    "issues",
    "next_anniversary",
    "revision_year",
    "factors",
    "next_revision_increase",
    "provisional",
    "specific_not_computed",
    "indices",
    "mrg_year",
    "annual_mrg",
    "attainment_to_date",
    "attainment_percent_to_date",
    "forecast_shortfall",
    "shortfall_due",
    "mrg_provisional",
    "error",
];

/// One row per entry (a file in error: its source and its error only),
/// then a `total` row: `client` says how many contracts were computed, the
/// amount columns are their sums, `provisional` counts the next revisions
/// using a provisional value and `error` the files in error.
pub fn portfolio_csv(entries: &[Entry], totals: &Totals, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    push_row(&mut out, &PORTFOLIO_COLUMNS, sep);
    for e in entries {
        let mut row = vec![String::new(); PORTFOLIO_COLUMNS.len()];
        row[0] = e.source.clone();
        row[23] = e.error.clone().unwrap_or_default();
        if let Some(r) = &e.row {
            row[1] = r.client.clone();
            row[2] = r.project.clone();
            row[3] = r.model.key().to_owned();
            row[4] = r.start_date.to_string();
            row[5] = r.end_date.to_string();
            row[6] = options.amount(r.tcv);
            row[7] = options.amount(r.revised_tcv);
            row[8] = r.issues.to_string();
            if let Some(n) = &r.next_revision {
                row[9] = n.date.to_string();
                row[10] = n.year.to_string();
                row[11] = n
                    .factors
                    .iter()
                    .map(|f| factor(options, *f))
                    .collect::<Vec<_>>()
                    .join(" ");
                row[12] = options.amount(n.increase);
                row[13] = flag(n.provisional).to_owned();
                row[14] = flag(n.specific_not_computed).to_owned();
                row[15] = n
                    .indices
                    .iter()
                    .map(|i| {
                        format!(
                            "{} {}->{}",
                            i.current.index.key(),
                            super::finance::index_cell(options, &i.previous),
                            super::finance::index_cell(options, &i.current)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" | ");
            }
            if let Some(m) = &r.mrg {
                row[16] = m.year.to_string();
                row[17] = options.amount(m.annual_mrg);
                row[18] = options.amount(m.attainment_to_date);
                row[19] = decimal(options, m.attainment_percent_to_date);
                row[20] = options.amount(m.forecast_shortfall);
                row[21] = m.shortfall_due.to_string();
                row[22] = flag(m.provisional).to_owned();
            }
        }
        push_row(&mut out, &row, sep);
    }
    let mut row = vec![String::new(); PORTFOLIO_COLUMNS.len()];
    row[0] = "total".into();
    row[1] = format!("{} contract(s)", totals.contracts);
    row[6] = options.amount(totals.tcv);
    row[7] = options.amount(totals.revised_tcv);
    row[12] = options.amount(totals.next_revision_increase);
    row[13] = totals.provisional.to_string();
    row[17] = options.amount(totals.annual_mrg);
    row[18] = options.amount(totals.attainment_to_date);
    row[20] = options.amount(totals.forecast_shortfall);
    row[23] = format!("{} file(s) in error", totals.failed);
    push_row(&mut out, &row, sep);
    out
}
