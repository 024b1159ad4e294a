//! The messages the engine attached to one place of the quote.

use leptos::prelude::*;

use crate::engine::pricing::{Location, QuoteIssue};
use crate::ui::format::issues_at;
use crate::ui::i18n::quote_issue;
use crate::ui::state::use_state;

/// The messages at `location`, read from the priced quote; or, with
/// `issues`, from a signal the caller keeps (long lists, where hundreds of
/// notes watching the priced quote would make each edit cost rows²).
#[component]
pub fn IssueNote(
    location: Location,
    #[prop(into)] testid: String,
    #[prop(optional, into)] issues: Option<Signal<Vec<QuoteIssue>>>,
) -> impl IntoView {
    let state = use_state();
    let text = move || {
        let lang = state.lang.get();
        match issues {
            Some(issues) => issues.with(|issues| {
                issues
                    .iter()
                    .map(|i| quote_issue(i, lang))
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
            None => state.priced.with(|p| issues_at(p, location, lang)),
        }
    };
    view! {
        <div class="row-note" data-testid=testid role="status">
            {text}
        </div>
    }
}
