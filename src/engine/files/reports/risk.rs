//! `quote risk`: the MRG risk (§9.4, issue 15) as the finance tab shows it,
//! from `contract_life::risk::mrg_risk`: the whole report as JSON, or one
//! CSV row per run year and one for the whole run.

use super::{decimal, flag, pretty};
use crate::engine::contract_life::risk::{RiskFigures, RiskReport};
use crate::engine::files::csv::{push_row, CsvOptions};

const COLUMNS: [&str; 11] = [
    "year",
    "from",
    "to",
    "overridden",
    "annual_mrg",
    "planned_shortfall",
    "shortfall_probability_percent",
    "expected_shortfall",
    "attainment_p5_percent",
    "attainment_p50_percent",
    "attainment_p95_percent",
];

pub fn risk_json(report: &RiskReport) -> String {
    pretty(report)
}

fn figures(f: &RiskFigures, options: CsvOptions) -> [String; 7] {
    [
        options.amount(f.annual_mrg),
        options.amount(f.planned_shortfall),
        decimal(options, f.shortfall_probability_percent),
        options.amount(f.expected_shortfall),
        decimal(options, f.attainment.p5),
        decimal(options, f.attainment.p50),
        decimal(options, f.attainment.p95),
    ]
}

/// One row per run year, then `total` over the whole run.
pub fn risk_csv(report: &RiskReport, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    push_row(&mut out, &COLUMNS, sep);
    for y in &report.years {
        let mut row = vec![
            y.year.to_string(),
            y.from.to_string(),
            y.to.to_string(),
            flag(y.overridden).to_owned(),
        ];
        row.extend(figures(&y.figures, options));
        push_row(&mut out, &row, sep);
    }
    let mut total = vec![
        "total".to_owned(),
        report
            .years
            .first()
            .map(|y| y.from.to_string())
            .unwrap_or_default(),
        report
            .years
            .last()
            .map(|y| y.to.to_string())
            .unwrap_or_default(),
        flag(false).to_owned(),
    ];
    total.extend(figures(&report.total, options));
    push_row(&mut out, &total, sep);
    out
}
