//! Section 5 of the proposal: the service-level commitments per
//! environment, the managed functions they are given for (§10), the units
//! without guarantee (§4.1 No Build), and their conditions.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::service_levels::{function_guarantees, guarantees, ServiceLevels};
use crate::ui::format::{commitment, decimal, function_notes, line_refs};
use crate::ui::state::use_state;

#[component]
pub fn ProposalServiceLevels(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    let quote = state.quote;
    let priced = state.priced;
    move || {
        let l = doc.get();
        let g = quote.with(|q| guarantees(q, ServiceLevels::builtin()));
        // §10: the functions the availability guarantee is given for.
        let functions = priced.with(|p| {
            p.as_ref().map(|p| {
                let f = quote.with(|q| function_guarantees(q, p, ServiceLevels::builtin()));
                let rows: Vec<(String, String, String)> = f
                    .functions
                    .iter()
                    .map(|x| {
                        let gtd = x
                            .availability
                            .map(|a| format!("{} %", decimal(a, l)))
                            .unwrap_or_else(|| l.pick("aucune (§4.1)", "none (§4.1)").into());
                        (x.function.label(l), line_refs(p, &x.units), gtd)
                    })
                    .collect();
                (rows, function_notes(&f, p, l))
            })
        });
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
            let (function_rows, notes) = functions.unwrap_or_default();
            let function_rows = function_rows
                .into_iter()
                .map(|(name, units, gtd)| view! { <tr><td>{name}</td><td>{units}</td><td>{gtd}</td></tr> })
                .collect_view();
            let notes = notes
                .into_iter()
                .map(|n| view! { <li>{n}</li> })
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
                <p>{l.pick(
                    "La disponibilité est garantie par fonction managée (§10) : toutes les unités de production d'un même type ensemble, chaque application managée à part.",
                    "Availability is guaranteed per managed function (§10): all production units of one kind together, each managed application apart.",
                )}</p>
                <table class="doc" data-testid="proposal-functions">
                    <thead><tr>
                        <th>{l.pick("Fonction managée", "Managed function")}</th>
                        <th>{l.pick("Unités", "Units")}</th>
                        <th>{l.pick("GTD (production)", "Availability (production)")}</th>
                    </tr></thead>
                    <tbody>{function_rows}</tbody>
                </table>
                <ul class="doc-list" data-testid="proposal-functions-notes">{notes}</ul>
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
