//! A service the line uses (§7.1.2), as a chip to tick.

use leptos::prelude::*;

use crate::engine::document::catalog::Family;
use crate::engine::document::quote::{LineId, QuoteLine};
use crate::ui::state::use_state;

#[component]
pub fn UseChip(id: LineId, family: Family, line: RwSignal<Option<QuoteLine>>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let current = move || line.get();
    view! {
        <label class="chip">
            <input
                type="checkbox"
                data-testid=format!("line-uses-{}", serde_key(family))
                prop:checked=move || current().is_some_and(|l| l.uses.contains(&family))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    quote.update(|q| {
                        if let Some(l) = q.line_mut(id) {
                            l.uses.retain(|x| *x != family);
                            if on {
                                l.uses.push(family);
                            }
                        }
                    });
                }
            />
            {move || family.label(lang.get())}
        </label>
    }
}

/// The serde name of a family, for test ids.
fn serde_key(f: Family) -> String {
    serde_json::to_string(&f)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}
