//! What one line row shows, as signals of its own kept in step with the
//! quote: an edit re-renders only the rows that changed.

use leptos::prelude::*;

use crate::engine::document::quote::{LineId, Quote, QuoteLine};
use crate::engine::pricing::{Location, PricedLine, PricedQuote, QuoteIssue};

/// What one row shows, as signals set only when their value changes.
#[derive(Clone, Copy)]
pub struct RowModel {
    pub line: RwSignal<Option<QuoteLine>>,
    pub priced: RwSignal<Option<PricedLine>>,
    pub issues: RwSignal<Vec<QuoteIssue>>,
}

impl RowModel {
    pub fn new(id: LineId, quote: &Quote, priced: Option<&PricedQuote>) -> Self {
        let row = RowModel {
            line: RwSignal::new(None),
            priced: RwSignal::new(None),
            issues: RwSignal::new(Vec::new()),
        };
        if let Some(line) = quote.lines.iter().find(|l| l.id == id) {
            let priced_line = priced.and_then(|p| p.lines.iter().find(|l| l.id == id));
            let issues = priced
                .map(|p| p.issues_at(Location::Line(id)).cloned().collect())
                .unwrap_or_default();
            row.sync(line, priced_line, issues);
        }
        row
    }

    /// Sets the row's signals to the line, its price and its messages
    /// (the caller groups the issues by line once for every row).
    pub fn sync(
        &self,
        line: &QuoteLine,
        priced_line: Option<&PricedLine>,
        issues: Vec<QuoteIssue>,
    ) {
        set_if_changed(self.line, Some(line));
        set_if_changed(self.priced, priced_line);
        if self.issues.with_untracked(|old| *old != issues) {
            self.issues.set(issues);
        }
    }
}

fn set_if_changed<T: Clone + PartialEq + Send + Sync + 'static>(
    signal: RwSignal<Option<T>>,
    value: Option<&T>,
) {
    if signal.with_untracked(|old| old.as_ref() != value) {
        signal.set(value.cloned());
    }
}
