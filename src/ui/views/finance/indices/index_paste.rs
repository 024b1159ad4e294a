//! Pastes a table of values into an index; a bad line leaves the table
//! untouched.

use leptos::prelude::*;

use crate::engine::finance::indices::{parse_index_csv, IndexKind};
use crate::ui::state::use_state;

#[component]
pub fn IndexPaste(kind: IndexKind) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let indices = state.indices;
    let key = kind.key();
    let paste = RwSignal::new(String::new());
    let paste_error = RwSignal::new(None::<String>);
    let import = move |_| {
        let l = lang.get_untracked();
        match parse_index_csv(&paste.get_untracked(), kind) {
            Ok(values) if values.is_empty() => paste_error.set(Some(
                l.pick("Aucune valeur trouvée.", "No value found.")
                    .to_owned(),
            )),
            Ok(values) => {
                indices.update(|b| values.into_iter().for_each(|v| b.series_mut(kind).set(v)));
                paste_error.set(None);
                paste.set(String::new());
            }
            // The table is left untouched: nothing typed before is lost.
            Err(e) => paste_error.set(Some(format!(
                "{} {} : {}",
                l.pick("Ligne", "Line"),
                e.line,
                e.message
            ))),
        }
    };
    view! {
        <details>
            <summary>{move || lang.get().pick("Coller un tableau (CSV : période;valeur;publication;source)", "Paste a table (CSV: period,value,published,source)")}</summary>
            <textarea rows="4" data-testid=format!("index-{key}-paste") aria-label=move || lang.get().pick("Tableau à coller", "Table to paste")
                prop:value=move || paste.get() on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
            <button type="button" data-testid=format!("index-{key}-import") on:click=import>{move || lang.get().pick("Importer", "Import")}</button>
            <span class="field-error" role="alert" data-testid=format!("index-{key}-paste-error")>{move || paste_error.get()}</span>
        </details>
    }
}
