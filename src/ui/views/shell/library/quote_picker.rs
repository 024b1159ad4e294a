//! The quotes of the library: pick one, rename it, new, duplicate, delete.

use leptos::prelude::*;

use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn QuotePicker() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    let current_name = move || {
        let id = session.current.get();
        session
            .index
            .with(|i| {
                i.entries
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.name.clone())
            })
            .unwrap_or_default()
    };
    view! {
        <label class="inline">
            <span>{move || lang.get().pick("Devis", "Quote")}</span>
            <select
                data-testid="library-select"
                aria-label=move || lang.get().pick("Devis enregistrés", "Saved quotes")
                on:change=move |e| {
                    let id = event_target_value(&e);
                    if id != session.current.get_untracked() {
                        session.open(state, &id);
                    }
                }
            >
                {move || {
                    let current = session.current.get();
                    let failing = session.failing.get();
                    let l = lang.get();
                    session.index.get().entries.into_iter().map(|e| {
                        let selected = e.id == current;
                        // A quote that cannot be opened says so, with why.
                        let reason = failing.iter().find(|(id, _)| *id == e.id).map(|(_, r)| r.clone());
                        let failing_flag = reason.is_some().then_some("true");
                        let label = match &reason {
                            Some(_) => format!("⚠ {} — {}", e.name, l.pick("ne peut pas être ouvert", "cannot be opened")),
                            None => e.name.clone(),
                        };
                        view! { <option value=e.id.clone() selected=selected title=reason data-failing=failing_flag>{label}</option> }
                    }).collect_view()
                }}
            </select>
        </label>
        <input
            type="text"
            class="name"
            data-testid="library-name"
            aria-label=move || lang.get().pick("Nom du devis", "Quote name")
            prop:value=current_name
            on:change=move |e| session.rename(&event_target_value(&e))
        />
        <button type="button" data-testid="library-new" on:click=move |_| {
            let l = lang.get_untracked();
            let start = state.quote.with_untracked(|q| q.start_date);
            let entries = session.index.get_untracked().entries;
            session.create(state, crate::engine::document::quote::Quote::new(start), crate::engine::files::library::unique_name(l.pick("Nouveau devis", "New quote"), &entries));
        }>{move || lang.get().pick("Nouveau", "New")}</button>
        <button type="button" data-testid="library-duplicate" on:click=move |_| session.duplicate(state)>
            {move || lang.get().pick("Dupliquer", "Duplicate")}
        </button>
        <button type="button" data-testid="library-delete" on:click=move |_| session.delete(state)>
            {move || lang.get().pick("Supprimer", "Delete")}
        </button>
    }
}
