//! `quote compare`: the scenarios side by side, as the comparison tab
//! shows them (per scenario its totals per category and year), from
//! `scenarios::comparison::compare`.

use serde::Serialize;

use super::pretty;
use crate::engine::document::scenario::Scenario;
use crate::engine::files::csv::{push_row, CsvOptions};
use crate::engine::money::Money;
use crate::engine::scenarios::comparison::{Comparison, Figure};

#[derive(Serialize)]
struct ScenarioOut<'a> {
    #[serde(flatten)]
    scenario: &'a Scenario,
    /// Why it cannot be priced at all.
    error: Option<String>,
    /// Issues of severity error.
    errors: usize,
}

#[derive(Serialize)]
struct RowOut {
    #[serde(flatten)]
    figure: Figure,
    amounts: Vec<Option<Money>>,
    /// Each amount less the first scenario's.
    deltas: Vec<Option<Money>>,
    /// The scenario (0-based) with the lowest amount, when only one is.
    cheapest: Option<usize>,
}

#[derive(Serialize)]
struct ComparisonOut<'a> {
    scenarios: Vec<ScenarioOut<'a>>,
    rows: Vec<RowOut>,
}

pub fn comparison_json(c: &Comparison) -> String {
    pretty(&ComparisonOut {
        scenarios: c
            .outcomes
            .iter()
            .map(|o| ScenarioOut {
                scenario: &o.scenario,
                error: o.priced.as_ref().err().map(|e| e.to_string()),
                errors: o.errors(),
            })
            .collect(),
        rows: c
            .rows
            .iter()
            .map(|r| RowOut {
                figure: r.figure,
                amounts: r.amounts.clone(),
                deltas: r.deltas(),
                cheapest: r.cheapest(),
            })
            .collect(),
    })
}

/// The figure of a row in words of the file: `monthly_recurring`,
/// `one_time`, `category:<key>`, `year:<n>`, `total`,
/// `client_effort` and `all_in` (SPEC §15: an estimate, not invoiced).
pub fn figure_key(figure: Figure) -> String {
    match figure {
        Figure::MonthlyRecurring => "monthly_recurring".into(),
        Figure::OneTime => "one_time".into(),
        Figure::Category { category } => format!("category:{}", category.key()),
        Figure::Year { year } => format!("year:{year}"),
        Figure::Total => "total".into(),
        Figure::ClientEffort => "client_effort".into(),
        Figure::AllIn => "all_in".into(),
    }
}

/// A scenario's column name: its label, or its model (and support) when
/// it has none.
fn column(s: &Scenario) -> String {
    if !s.label.trim().is_empty() {
        return s.label.clone();
    }
    let mut name = s.model.key().to_owned();
    if let Some(level) = s.support {
        name.push_str(&format!(" {}", level.key()));
    }
    if let Some(chain) = s.support_chain {
        name.push_str(&format!(" {}", chain.key()));
    }
    name
}

/// `figure`, then one column per scenario (empty when it cannot be priced).
pub fn comparison_csv(c: &Comparison, options: CsvOptions) -> String {
    let sep = options.separator();
    let mut out = String::new();
    let mut header = vec!["figure".to_owned()];
    header.extend(c.outcomes.iter().map(|o| column(&o.scenario)));
    push_row(&mut out, &header, sep);
    for r in &c.rows {
        let mut row = vec![figure_key(r.figure)];
        row.extend(
            r.amounts
                .iter()
                .map(|a| a.map(|m| options.amount(m)).unwrap_or_default()),
        );
        push_row(&mut out, &row, sep);
    }
    out
}
