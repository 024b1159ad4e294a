//! The selected (or hovered) cell: its letters, default and source, and
//! buttons to edit it by mouse.

use leptos::prelude::*;

use super::cells::{party_name, set_cell};
use crate::engine::document::raci::{Letter, Letters};
use crate::engine::responsibilities::Matrix;
use crate::ui::state::use_state;

/// The selected (or hovered) cell: its letters, its default and source, and
/// buttons to edit it by mouse.
#[component]
pub fn CellPanel(
    m: Memo<Matrix>,
    active: RwSignal<(usize, usize)>,
    hovered: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let target = move || {
        let (r, c) = hovered.get().unwrap_or_else(|| active.get());
        m.with(|m| {
            let row = m.rows.get(r)?;
            let party = *m.parties().get(c)?;
            Some((row.clone(), party, party_name(m, party, lang.get())))
        })
    };
    view! {
        <aside class="raci-panel" id="raci-panel" data-testid="raci-source" aria-live="polite">
            {move || {
                let l = lang.get();
                let Some((row, party, name)) = target() else {
                    return view! { <p class="hint">{l.pick("Choisissez une case.", "Pick a cell.")}</p> }.into_any();
                };
                let c = row.cell(party).clone();
                let id = row.id.clone();
                let source = match &c.source {
                    Some(s) => view! {
                        <p class="source">
                            <span class="clause">{format!("{} {}", s.seed, s.clause)}</span>
                            <q lang="fr">{s.excerpt.clone()}</q>
                        </p>
                    }.into_any(),
                    None => view! { <p class="hint">{l.pick("Activité ajoutée : pas de source.", "Added activity: no source.")}</p> }.into_any(),
                };
                let buttons = Letter::ALL.into_iter().map(|x| {
                    let id = id.clone();
                    let pressed = c.letters.has(x);
                    view! {
                        <button
                            type="button"
                            class="letter"
                            data-testid=format!("raci-letter-{}", x.char())
                            aria-pressed=pressed.to_string()
                            title=x.meaning(l)
                            on:click=move |_| set_cell(quote, &id, party, c.letters.toggled(x))
                        >
                            {x.char().to_string()}
                        </button>
                    }
                }).collect_view();
                let clear_id = id.clone();
                let default_id = id.clone();
                view! {
                    <h3>{format!("{} — {name}", row.label(l))}</h3>
                    <p class="letters-now">
                        <strong>{if c.letters.is_empty() { "—".to_string() } else { c.letters.to_string() }}</strong>
                        " "
                        {Letter::ALL.into_iter().filter(|x| c.letters.has(*x)).map(|x| x.meaning(l)).collect::<Vec<_>>().join(", ")}
                    </p>
                    {c.edited.then(|| view! {
                        <p class="edited-note">
                            {format!("{} {}", l.pick("Modifié ; par défaut :", "Edited; default:"), if c.default.is_empty() { "—".to_string() } else { c.default.to_string() })}
                        </p>
                    })}
                    {source}
                    <div class="letter-buttons" role="group" aria-label=l.pick("Lettres de la case", "Letters of the cell")>
                        {buttons}
                        <button type="button" class="secondary" data-testid="raci-clear"
                            on:click=move |_| set_cell(quote, &clear_id, party, Letters::NONE)>
                            {l.pick("Vider", "Clear")}
                        </button>
                        <button type="button" class="secondary" data-testid="raci-default" disabled=!c.edited
                            on:click=move |_| set_cell(quote, &default_id, party, c.default)>
                            {l.pick("Par défaut", "Default")}
                        </button>
                    </div>
                    <p class="hint">{l.pick(
                        "Clavier : flèches pour se déplacer, R A C I pour basculer une lettre, Suppr pour vider.",
                        "Keyboard: arrows to move, R A C I to toggle a letter, Delete to clear.",
                    )}</p>
                }.into_any()
            }}
        </aside>
    }
}
