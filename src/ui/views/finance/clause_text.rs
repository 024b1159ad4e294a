//! The revision and MRG clauses in French and English, with the
//! quote's figures.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::ui::clauses::clause_paragraphs;
use crate::ui::state::use_state;

/// The revision and MRG clauses, filled with the quote's figures.
#[component]
pub fn ClauseText() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let paragraphs = move |l: Lang| clause_paragraphs(state, l);
    view! {
        <section class="card clauses" aria-labelledby="clauses-title">
            <h2 id="clauses-title">{move || lang.get().pick("Clauses (FR et EN) avec les chiffres du devis", "Clauses (FR and EN) with the quote's figures")}</h2>
            <div class="grid-2">
                <div lang="fr" data-testid="clauses-fr">{move || paragraphs(Lang::Fr).into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}</div>
                <div lang="en" data-testid="clauses-en">{move || paragraphs(Lang::En).into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}</div>
            </div>
        </section>
    }
}
