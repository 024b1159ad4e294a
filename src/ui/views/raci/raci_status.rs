//! Whether the matrix is valid (one A, at least one R per activity), how
//! many cells are edited, and going back to the model's defaults.

use leptos::prelude::*;

use crate::engine::responsibilities::{Matrix, RaciProblem};
use crate::ui::state::use_state;

#[component]
pub fn RaciStatus(m: Memo<Matrix>, problems: Memo<Vec<RaciProblem>>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    view! {
        <div class="raci-status">
            <span data-testid="raci-problem-count" class:bad=move || problems.with(|p| !p.is_empty())>
                {move || {
                    let l = lang.get();
                    match problems.with(Vec::len) {
                        0 => l.pick("Matrice valide : un A et au moins un R par activité.", "Valid matrix: one A and at least one R per activity.").to_string(),
                        n => format!("{n} {}", l.pick("problème(s) : voir les lignes marquées.", "problem(s): see the marked rows.")),
                    }
                }}
            </span>
            <span class="edited-count" data-testid="raci-edited-count">
                {move || {
                    let l = lang.get();
                    format!("{} {}", m.with(Matrix::edited), l.pick("case(s) modifiée(s)", "cell(s) edited"))
                }}
            </span>
            <button
                type="button"
                class="secondary"
                data-testid="raci-reset"
                disabled=move || m.with(|m| m.rows.iter().all(|r| r.custom || r.cells.iter().all(|c| !c.edited)))
                on:click=move |_| quote.update(|q| {
                    let model = q.model;
                    let custom: Vec<String> = q.raci.custom.iter().map(|c| c.id.clone()).collect();
                    // Custom activities keep their letters: only the defaults come back.
                    q.raci.overrides.retain(|o| o.model != model || custom.contains(&o.activity));
                })
            >
                {move || lang.get().pick("Revenir aux valeurs par défaut de ce modèle", "Back to this model's defaults")}
            </button>
        </div>
    }
}
