//! One cell of the matrix: its letters, the seed passage behind its
//! default, and the keyboard (arrows, Home/End, R A C I, Delete).

use leptos::prelude::*;

use super::cells::{focus_cell, letters_text, party_name, row_index, row_label, set_cell};
use crate::engine::document::raci::{Letter, Letters, Party};
use crate::engine::responsibilities::Matrix;
use crate::ui::state::use_state;

#[component]
pub fn RaciCell(
    id: StoredValue<String>,
    party: Party,
    col: usize,
    m: Memo<Matrix>,
    active: RwSignal<(usize, usize)>,
    hovered: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let index = move || row_index(m, id);
    let label = move || row_label(m, id, lang.get());
    let letters = move || {
        m.with(|m| {
            id.with_value(|id| m.row(id).map(|r| r.cell(party).letters))
                .unwrap_or_default()
        })
    };
    let edited =
        move || m.with(|m| id.with_value(|id| m.row(id).is_some_and(|r| r.cell(party).edited)));
    let title = move || {
        m.with(|m| {
            id.with_value(|id| {
                m.row(id)
                    .and_then(|r| r.cell(party).source.clone())
                    .map(|s| format!("{} {} : « {} »", s.seed, s.clause, s.excerpt))
            })
        })
    };
    let aria = move || {
        let l = lang.get();
        // The visible letters first (WCAG 2.5.3), then what they mean.
        format!(
            "{} {} — {} : {}",
            letters(),
            label(),
            m.with(|m| party_name(m, party, l)),
            letters_text(letters(), l)
        )
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (r, c) = (index(), col);
        let rows = m.with(|m| m.rows.len());
        let cols = if m.with(|m| m.third_party) { 3 } else { 2 };
        let key = ev.key();
        let moved = match key.as_str() {
            "ArrowUp" => Some((r.saturating_sub(1), c)),
            "ArrowDown" => Some(((r + 1).min(rows.saturating_sub(1)), c)),
            "ArrowLeft" => Some((r, c.saturating_sub(1))),
            "ArrowRight" => Some((r, (c + 1).min(cols - 1))),
            "Home" => Some((r, 0)),
            "End" => Some((r, cols - 1)),
            _ => None,
        };
        if let Some((nr, nc)) = moved {
            ev.prevent_default();
            active.set((nr, nc));
            focus_cell(nr, nc);
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let current = letters();
        let next = match key.as_str() {
            "Delete" | "Backspace" => Some(Letters::NONE),
            k if k.chars().count() == 1 => k
                .chars()
                .next()
                .and_then(Letter::from_char)
                .map(|x| current.toggled(x)),
            _ => None,
        };
        if let Some(next) = next {
            ev.prevent_default();
            id.with_value(|id| set_cell(quote, id, party, next));
        }
    };
    view! {
        <td
            role="gridcell"
            class="raci-cell"
            class:edited=edited
            class:empty=move || letters().is_empty()
            data-testid="raci-cell"
            data-party=party.key()
            data-cell=move || format!("{}-{col}", index())
            tabindex=move || if active.get() == (index(), col) { "0" } else { "-1" }
            title=title
            aria-label=aria
            aria-describedby="raci-panel"
            on:focus=move |_| active.set((index(), col))
            on:click=move |_| active.set((index(), col))
            on:mouseenter=move |_| hovered.set(Some((index(), col)))
            on:mouseleave=move |_| hovered.set(None)
            on:keydown=on_key
        >
            {move || letters().to_string()}
        </td>
    }
}
