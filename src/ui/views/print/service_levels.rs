//! Section 5 of the proposal: the service-level commitments per
//! environment, and their conditions.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::service_levels::{guarantees, ServiceLevels};
use crate::ui::format::{commitment, decimal};
use crate::ui::state::use_state;

#[component]
pub fn ProposalServiceLevels(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    let quote = state.quote;
    move || {
        let l = doc.get();
        let g = quote.with(|q| guarantees(q, ServiceLevels::builtin()));
        let body = if !g.apply {
            view! { <p>{l.pick("Full DevOps : aucun engagement de service (000).", "Full DevOps: no service commitment (000).")}</p> }.into_any()
        } else {
            let rows = g.environments.iter().map(|e| view! {
                <tr>
                    <td>{e.environment.label(l)}</td>
                    <td>{e.level.label(l)}</td>
                    <td>{format!("{} % / {} %", decimal(e.availability, l), decimal(e.availability_kubernetes, l))}</td>
                    <td>{commitment(e.restoration[0].1, l)}</td>
                    <td>{commitment(e.restoration[1].1, l)}</td>
                    <td>{commitment(e.restoration[2].1, l)}</td>
                    <td>{if e.production { commitment(e.changes[0].1, l) } else { l.pick("sans pénalité", "no penalty").into() }}</td>
                </tr>
            }).collect_view();
            let conditions = g
                .conditions
                .iter()
                .map(|c| view! { <li>{format!("{} — {}", c.clause(), c.text(l))}</li> })
                .collect_view();
            view! {
                <table class="doc">
                    <thead><tr>
                        <th>{l.pick("Environnement", "Environment")}</th><th>{l.pick("Niveau", "Level")}</th>
                        <th>{l.pick("Disponibilité (fonction / Kubernetes)", "Availability (function / Kubernetes)")}</th>
                        <th>"GTR P1"</th><th>"GTR P2"</th><th>"GTR P3"</th><th>{l.pick("Changement simple", "Simple change")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <ul class="doc-list">{conditions}</ul>
            }.into_any()
        };
        view! {
            <section data-testid="proposal-guarantees">
                <h2>{l.pick("5. Engagements de qualité de service", "5. Service-level commitments")}</h2>
                {body}
            </section>
        }
    }
}
