//! Every issue of the quote, errors first: the quote is valid when none
//! is left. The same message on many lines is one entry, "N lines: …"
//! (issue 19: a quote of 1,000 No Build lines listed 1,000 times the same
//! sentence).

use leptos::prelude::*;

use crate::engine::pricing::Severity;
use crate::ui::format::{count, grouped_issues};
use crate::ui::state::use_state;

/// Every issue of the quote, errors first: the quote is valid when empty.
#[component]
pub fn Issues() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let list = move || {
        state.priced.with(|p| {
            let l = lang.get();
            let Some(p) = p else { return Vec::new() };
            let mut issues: Vec<_> = p.issues.iter().collect();
            issues.sort_by_key(|i| i.severity != Severity::Error);
            grouped_issues(&issues, l)
        })
    };
    view! {
        <div class="issues" data-testid="issues">
            {move || {
                let items = list();
                let l = lang.get();
                if items.is_empty() {
                    view! { <p class="ok">{l.pick("Aucune anomalie : le devis respecte les règles du contrat.", "No issue: the quote follows the contract rules.")}</p> }.into_any()
                } else {
                    view! {
                        <h3>{format!("{} ({})", l.pick("À corriger", "To fix"), count(items.iter().map(|i| i.2).sum(), l))}</h3>
                        <ul>
                            {items.into_iter().map(|(sev, msg, _)| view! {
                                <li class=if sev == Severity::Error { "err" } else { "warn" } data-testid="issue">{msg}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </div>
    }
}
