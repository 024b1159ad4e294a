//! Every issue of the quote, errors first: the quote is valid when none
//! is left.

use leptos::prelude::*;

use crate::engine::pricing::Severity;
use crate::ui::i18n::quote_issue;
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
            issues
                .into_iter()
                .map(|i| (i.severity, quote_issue(&i.issue, l)))
                .collect()
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
                        <h3>{format!("{} ({})", l.pick("À corriger", "To fix"), items.len())}</h3>
                        <ul>
                            {items.into_iter().map(|(sev, msg)| view! {
                                <li class=if sev == Severity::Error { "err" } else { "warn" } data-testid="issue">{msg}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </div>
    }
}
