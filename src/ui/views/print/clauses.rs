//! Section 4 of the proposal: the price revision and minimum guaranteed
//! revenue clauses.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::ui::clauses::clause_paragraphs;
use crate::ui::state::use_state;

#[component]
pub fn ProposalClauses(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    move || {
        let l = doc.get();
        let paragraphs = clause_paragraphs(state, l);
        view! {
            <section data-testid="proposal-clauses">
                <h2>{l.pick("4. Révision des prix et minimum garanti", "4. Price revision and minimum guaranteed revenue")}</h2>
                {paragraphs.into_iter().map(|t| view! { <p>{t}</p> }).collect_view()}
            </section>
        }
    }
}
