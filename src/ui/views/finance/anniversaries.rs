//! §9.3: the anniversaries on which the quote's prices are revised.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::finance::revision::RevisedQuote;

/// The revision dates of the line revised most often (tracked).
pub fn anniversary_dates(revised: Memo<Option<RevisedQuote>>) -> Vec<NaiveDate> {
    revised.with(|r| {
        r.as_ref()
            .and_then(|r| {
                r.lines
                    .iter()
                    .map(|l| l.steps.iter().map(|s| s.date).collect::<Vec<_>>())
                    .max_by_key(Vec::len)
            })
            .unwrap_or_default()
    })
}
