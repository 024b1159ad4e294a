//! Section 6 of the proposal, who does what: the RACI matrix of the quote's
//! model.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::responsibilities::matrix;
use crate::ui::state::use_state;

#[component]
pub fn ProposalRaci(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    let quote = state.quote;
    move || {
        let l = doc.get();
        let m = quote.with(matrix);
        let parties = m.parties();
        let head = parties
            .iter()
            .map(|p| view! { <th>{p.label(l)}</th> })
            .collect_view();
        let rows = m.rows.iter().map(|r| {
            let cells = parties.iter().map(|p| {
                let x = r.cell(*p).letters;
                view! { <td class="letters">{if x.is_empty() { "—".to_string() } else { x.to_string() }}</td> }
            }).collect_view();
            view! { <tr><td>{r.label(l).to_string()}</td>{cells}</tr> }
        }).collect_view();
        view! {
            <section data-testid="proposal-raci">
                <h2>{l.pick("6. Qui fait quoi (RACI)", "6. Who does what (RACI)")}</h2>
                <p class="small">{format!("{} {} · {} {}", l.pick("Modèle", "Model"), m.model.label(l), l.pick("build", "build"), m.build.label(l))}</p>
                <table class="doc raci-doc">
                    <thead><tr><th>{l.pick("Activité", "Activity")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="small">{l.pick("R réalise · A approuve (redevable) · C consulté · I informé", "R responsible · A accountable · C consulted · I informed")}</p>
            </section>
        }
    }
}
