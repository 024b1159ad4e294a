//! A select of the four environments.

use leptos::prelude::*;

use crate::engine::document::support::EnvironmentKind;
use crate::ui::state::use_state;

#[component]
pub fn EnvironmentSelect<F>(
    testid: &'static str,
    initial: EnvironmentKind,
    on_pick: F,
) -> impl IntoView
where
    F: Fn(EnvironmentKind) + 'static,
{
    let lang = use_state().lang;
    view! {
        <select
            data-testid=testid
            aria-label=move || lang.get().pick("Environnement", "Environment")
            on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(e) = EnvironmentKind::ALL.into_iter().find(|e| e.key() == v) {
                    on_pick(e);
                }
            }
        >
            {EnvironmentKind::ALL
                .into_iter()
                .map(|e| view! { <option value=e.key() selected=e == initial>{move || e.label(lang.get())}</option> })
                .collect_view()}
        </select>
    }
}
