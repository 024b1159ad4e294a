//! The messages for the user, with an action when there is one.

use leptos::prelude::*;

use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    view! {
        <ul class="notices" data-testid="notices" aria-live="polite">
            <For each=move || session.notices.get() key=|n| n.id let:n>
                <li class="notice" class:error=n.error data-testid="notice">
                    <span>{n.text.clone()}</span>
                    {n.restore.is_some().then(|| view! {
                        <button type="button" data-testid="notice-restore" on:click=move |_| session.restore(state, n.id)>
                            {move || lang.get().pick("Annuler la suppression", "Undo the deletion")}
                        </button>
                        <button type="button" data-testid="notice-export" on:click=move |_| session.export_deleted(state, n.id)>
                            {move || lang.get().pick("Exporter", "Export")}
                        </button>
                    })}
                    <button type="button" class="icon" data-testid="notice-dismiss"
                        aria-label=move || lang.get().pick("Fermer le message", "Dismiss the message")
                        on:click=move |_| session.dismiss(n.id)>"✕"</button>
                </li>
            </For>
        </ul>
    }
}
