//! The "✕" button that removes a row, with a label for screen readers.

use leptos::prelude::*;

use crate::ui::state::use_state;

#[component]
pub fn RemoveButton<F>(
    #[prop(optional)] fr: Option<&'static str>,
    #[prop(optional)] en: Option<&'static str>,
    #[prop(optional, into)] testid: Option<String>,
    on_remove: F,
) -> impl IntoView
where
    F: Fn() + 'static,
{
    let lang = use_state().lang;
    let label = move || {
        lang.get()
            .pick(fr.unwrap_or("Retirer"), en.unwrap_or("Remove"))
    };
    view! {
        <button type="button" class="icon" data-testid=testid aria-label=label on:click=move |_| on_remove()>
            "✕"
        </button>
    }
}
