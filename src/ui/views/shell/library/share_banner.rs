//! The share link made for the quote, or why none could be made.

use leptos::prelude::*;

use super::exports::export_quote_json;
use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn ShareBanner(share: RwSignal<Option<Result<String, String>>>) -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    move || {
        share.get().map(|r| match r {
        Ok(url) => view! {
            <div class="banner share" data-testid="share-panel">
                <label>
                    <span>{move || lang.get().pick("Lien (tout le devis, sans serveur) :", "Link (the whole quote, no server):")}</span>
                    <input type="text" readonly data-testid="share-url" value=url.clone()
                        on:focus=move |e| { event_target::<web_sys::HtmlInputElement>(&e).select(); } />
                </label>
                <span class="hint">{format!("{} {}", url.len(), lang.get_untracked().pick("caractères", "characters"))}</span>
                <button type="button" class="icon" aria-label=move || lang.get().pick("Fermer", "Close") on:click=move |_| share.set(None)>"✕"</button>
            </div>
        }.into_any(),
        Err(message) => view! {
            <div class="banner error" role="alert" data-testid="share-error">
                {message}
                <button type="button" on:click=move |_| { share.set(None); export_quote_json(state, session); }>
                    {move || lang.get().pick("Exporter le fichier", "Export the file")}
                </button>
                <button type="button" class="icon" aria-label=move || lang.get().pick("Fermer", "Close") on:click=move |_| share.set(None)>"✕"</button>
            </div>
        }.into_any(),
    })
    }
}
