//! The portfolio as a batch: one entry per file, a bad file reported in its
//! entry (where and why) and skipped, never stopping the others; the totals
//! of the rows computed.

use chrono::NaiveDate;
use serde::Serialize;

use super::row::{portfolio_row, PortfolioRow};
use crate::engine::document::pricebook::PriceBooks;
use crate::engine::document::quote::Quote;
use crate::engine::finance::indices::IndexBook;
use crate::engine::money::{Money, Overflow};

/// One contract of the batch: its row, or why it has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Where the quote comes from (its file), as given.
    pub source: String,
    pub row: Option<PortfolioRow>,
    /// The file's error, located (`file:line:column` for bad JSON, the
    /// field for a value out of bounds, the part of the quote that cannot
    /// be priced); then `row` is none.
    pub error: Option<String>,
}

/// Reads one quote file's text (a UTF-8 byte order mark skipped; older
/// formats migrated with the books) and computes its row at `at`.
pub fn read_entry(
    source: &str,
    text: &str,
    books: &PriceBooks,
    indices: &IndexBook,
    at: NaiveDate,
) -> Entry {
    let outcome = read_row(source, text, books, indices, at);
    let (row, error) = match outcome {
        Ok(row) => (Some(row), None),
        Err(e) => (None, Some(e)),
    };
    Entry {
        source: source.to_owned(),
        row,
        error,
    }
}

fn read_row(
    source: &str,
    text: &str,
    books: &PriceBooks,
    indices: &IndexBook,
    at: NaiveDate,
) -> Result<PortfolioRow, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        if e.is_syntax() || e.is_eof() {
            let message = e.to_string();
            let message = message
                .rfind(" at line ")
                .map_or(message.as_str(), |i| &message[..i]);
            return Err(format!(
                "{source}:{}:{}: not valid JSON: {message}",
                e.line(),
                e.column()
            ));
        }
    }
    let quote =
        Quote::from_json_with_books(text, books.all()).map_err(|e| format!("{source}: {e}"))?;
    portfolio_row(&quote, books, indices, at).map_err(|e| format!("{source}: {e}"))
}

/// The entries of several files, each computed on its own core (rayon), in
/// the order given. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn entries_parallel(
    files: &[(String, String)],
    books: &PriceBooks,
    indices: &IndexBook,
    at: NaiveDate,
) -> Vec<Entry> {
    use rayon::prelude::*;
    files
        .par_iter()
        .map(|(source, text)| read_entry(source, text, books, indices, at))
        .collect()
}

/// The portfolio's totals, over the rows computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Totals {
    /// Rows computed…
    pub contracts: usize,
    /// … and files left out (their error is in their entry).
    pub failed: usize,
    pub tcv: Money,
    pub revised_tcv: Money,
    /// Σ of each next revision's `increase` (the year it starts).
    pub next_revision_increase: Money,
    /// Contracts whose next revision uses a provisional value.
    pub provisional: usize,
    /// Over the contracts with a run year in progress.
    pub annual_mrg: Money,
    pub attainment_to_date: Money,
    pub forecast_shortfall: Money,
}

pub fn totals(entries: &[Entry]) -> Result<Totals, Overflow> {
    let mut t = Totals::default();
    for entry in entries {
        let Some(row) = &entry.row else {
            t.failed += 1;
            continue;
        };
        t.contracts += 1;
        t.tcv = t.tcv.checked_add(row.tcv)?;
        t.revised_tcv = t.revised_tcv.checked_add(row.revised_tcv)?;
        if let Some(r) = &row.next_revision {
            t.next_revision_increase = t.next_revision_increase.checked_add(r.increase)?;
            t.provisional += usize::from(r.provisional);
        }
        if let Some(m) = &row.mrg {
            t.annual_mrg = t.annual_mrg.checked_add(m.annual_mrg)?;
            t.attainment_to_date = t.attainment_to_date.checked_add(m.attainment_to_date)?;
            t.forecast_shortfall = t.forecast_shortfall.checked_add(m.forecast_shortfall)?;
        }
    }
    Ok(t)
}
