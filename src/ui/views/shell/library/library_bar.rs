//! The bar under the header: the quotes of the library, undo and redo,
//! share link, import and export; the conflict banner and the notices.

use leptos::ev;
use leptos::prelude::*;

use super::conflict_banner::ConflictBanner;
use super::exports::export_quote_json;
use super::more_exports::MoreExports;
use super::notices::Notices;
use super::quote_picker::QuotePicker;
use super::save_status::SaveStatus;
use super::share_banner::ShareBanner;
use super::undo_redo::UndoRedo;
use crate::engine::files::share::{builtin_ref, encode, SharedBook};
use crate::ui::browser;
use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn LibraryBar() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    let share = RwSignal::new(None::<Result<String, String>>);
    let make_link = move |_| {
        let l = lang.get_untracked();
        let result = state.quote.with_untracked(|q| {
            // The built-in book travels by reference, the user's whole.
            let shared = state.book.with_untracked(|b| {
                if state.builtin.with_value(|x| x == b) {
                    builtin_ref(b)
                } else {
                    SharedBook::Embedded {
                        book: Box::new(b.clone()),
                    }
                }
            });
            encode(q, shared)
                .map(|link| format!("{}#{link}", browser::base_url()))
                .map_err(|e| e.message(l))
        });
        share.set(Some(result));
    };
    let import = move |ev: ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        leptos::task::spawn_local(async move {
            match browser::read_picked(&input).await {
                Ok((name, text)) => session.import(state, &name, &text),
                Err(e) => session.notify(true, e.message(lang.get_untracked())),
            }
            input.set_value("");
        });
    };

    view! {
        <div class="library-bar" data-testid="library-bar">
            <QuotePicker />
            <span class="sep" aria-hidden="true"></span>
            <UndoRedo />
            <span class="sep" aria-hidden="true"></span>
            <button type="button" data-testid="open-proposal" on:click=move |_| session.proposal.update(|p| *p = !*p)>
                {move || if session.proposal.get() {
                    lang.get().pick("Retour à l'édition", "Back to editing")
                } else {
                    lang.get().pick("Proposition à imprimer", "Printable proposal")
                }}
            </button>
            <button type="button" data-testid="share-link" on:click=make_link>
                {move || lang.get().pick("Lien de partage", "Share link")}
            </button>
            <button type="button" data-testid="export-quote" on:click=move |_| export_quote_json(state, session)>
                {move || lang.get().pick("Exporter (JSON)", "Export (JSON)")}
            </button>
            <label class="file-button">
                <span>{move || lang.get().pick("Importer…", "Import…")}</span>
                <input type="file" accept=".json,application/json" data-testid="import-quote" on:change=import />
            </label>
            <MoreExports />
            <SaveStatus />
        </div>
        <ConflictBanner />
        <ShareBanner share />
        <Notices />
    }
}
