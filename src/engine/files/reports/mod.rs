//! The reports of the `quote` command line (and of any other reader): the
//! engine's own results written as JSON and CSV, never recomputed. Amounts
//! with two decimals (`Money`), unit prices exact, CSV as `files::csv`
//! writes it (RFC 4180, `--decimal-comma`, formula-safe texts).
//!
//! - [`finance`]: the revision per charge and anniversary, the MRG table;
//! - [`credits`]: a simulated month's credits, clause by clause;
//! - [`comparison`]: the scenarios side by side;
//! - [`raci`]: the matrix of the quote's model and its problems;
//! - [`portfolio`]: every contract at a date, and the totals;
//! - [`risk`]: the MRG risk's draws, per run year and in total.

pub mod comparison;
pub mod credits;
pub mod finance;
pub mod portfolio;
pub mod raci;
pub mod risk;

use rust_decimal::Decimal;
use serde::Serialize;

use super::csv::CsvOptions;

/// Pretty JSON with a final line break.
pub fn pretty<T: Serialize>(value: &T) -> String {
    // The engine's report types serialise without failing (no map with
    // non-string keys, no custom error).
    let mut json = serde_json::to_string_pretty(value).unwrap_or_default();
    json.push('\n');
    json
}

/// A plain decimal in CSV (a factor, a percentage), localised.
pub(crate) fn decimal(options: CsvOptions, value: Decimal) -> String {
    options.localise(value.normalize().to_string())
}

/// A factor in CSV: twelve decimals at most (JSON keeps every one).
pub(crate) fn factor(options: CsvOptions, value: Decimal) -> String {
    decimal(options, value.round_dp(12))
}

pub(crate) fn flag(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}
