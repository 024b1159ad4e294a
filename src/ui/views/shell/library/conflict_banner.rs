//! Another tab saved the open quote: nothing was overwritten; load theirs
//! or keep this one as a copy.

use leptos::prelude::*;

use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn ConflictBanner() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    view! {
        <Show when=move || session.conflict.get()>
            <div class="banner conflict" role="alert" data-testid="conflict">
                {move || lang.get().pick(
                    "Ce devis a été modifié dans un autre onglet. Rien n'a été écrasé : l'enregistrement est suspendu ici.",
                    "This quote was changed in another tab. Nothing was overwritten: saving is suspended here.",
                )}
                <button type="button" data-testid="conflict-theirs" on:click=move |_| session.load_theirs(state)>
                    {move || lang.get().pick("Charger leur version", "Load their version")}
                </button>
                <button type="button" data-testid="conflict-copy" on:click=move |_| session.keep_mine_as_copy(state)>
                    {move || lang.get().pick("Garder la mienne comme copie", "Keep mine as a copy")}
                </button>
            </div>
        </Show>
    }
}
