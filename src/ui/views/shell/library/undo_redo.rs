//! Undo and redo, by button or Ctrl+Z / Ctrl+Y outside text fields.

use leptos::ev;
use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn UndoRedo() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    // Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) outside text fields.
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) {
            return;
        }
        if browser::is_in_text_field(&e) {
            return;
        }
        match (e.key().to_lowercase().as_str(), e.shift_key()) {
            ("z", false) => {
                e.prevent_default();
                session.undo(state);
            }
            ("z", true) | ("y", _) => {
                e.prevent_default();
                session.redo(state);
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <button type="button" data-testid="undo" disabled=move || !session.can_undo.get()
            title=move || lang.get().pick("Annuler (Ctrl+Z)", "Undo (Ctrl+Z)")
            on:click=move |_| session.undo(state)>
            {move || lang.get().pick("↶ Annuler", "↶ Undo")}
        </button>
        <button type="button" data-testid="redo" disabled=move || !session.can_redo.get()
            title=move || lang.get().pick("Rétablir (Ctrl+Y)", "Redo (Ctrl+Y)")
            on:click=move |_| session.redo(state)>
            {move || lang.get().pick("↷ Rétablir", "↷ Redo")}
        </button>
    }
}
