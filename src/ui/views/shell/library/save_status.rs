//! When the quote was last saved in this browser, or why it was not.

use leptos::prelude::*;

use crate::ui::session::use_session;
use crate::ui::state::use_state;

#[component]
pub fn SaveStatus() -> impl IntoView {
    let state = use_state();
    let session = use_session();
    let lang = state.lang;
    let save_status = move || {
        let l = lang.get();
        if let Some(e) = session.save_error.get() {
            return format!(
                "{} {}",
                l.pick("Enregistrement impossible.", "Cannot save."),
                e.message(l)
            );
        }
        if session.conflict.get() {
            return l.pick("Enregistrement suspendu", "Saving suspended").into();
        }
        let id = session.current.get();
        let when = session
            .index
            .with(|i| {
                i.entries
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.updated.clone())
            })
            .unwrap_or_default();
        // ISO time: keep hours and minutes (UTC, as the browser gives it).
        let hm = when.get(11..16).unwrap_or("").to_string();
        format!(
            "{} {hm} UTC",
            l.pick(
                "Enregistré dans ce navigateur à",
                "Saved in this browser at"
            )
        )
    };
    view! {
        <span class="save-status" data-testid="save-status" class:bad=move || session.save_error.with(Option::is_some) || session.conflict.get()>
            {save_status}
        </span>
    }
}
