//! §10 "Fonction Managée", §8.5.2: which managed functions the quote has,
//! their units and availability guarantee; the units in no function
//! (security devices, supervision: no GTD); the units quoted No Build and
//! not onboarded, which carry no guarantee at all (§4.1).

use leptos::prelude::*;

use super::cells::percent;
use crate::engine::service_levels::{function_guarantees, ServiceLevels};
use crate::ui::format::{function_notes, line_refs};
use crate::ui::state::use_state;

#[component]
pub fn ManagedFunctions() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let tables = ServiceLevels::builtin();
    move || {
        let l = lang.get();
        priced.with(|p| {
            let p = p.as_ref()?;
            let g = quote.with(|q| function_guarantees(q, p, tables));
            let rows = g
                .functions
                .iter()
                .map(|f| {
                    let guarantee = f
                        .availability
                        .map(|a| percent(a, l))
                        .unwrap_or_else(|| l.pick("aucune", "none").into());
                    view! {
                        <tr data-testid="guarantee-function">
                            <td>{f.function.label(l)}</td>
                            <td>{line_refs(p, &f.units)}</td>
                            <td class="num" data-testid="guarantee-function-gtd">{guarantee}</td>
                        </tr>
                    }
                })
                .collect_view();
            let notes = function_notes(&g, p, l)
                .into_iter()
                .map(|n| view! { <li data-testid="guarantee-function-note">{n}</li> })
                .collect_view();
            Some(view! {
                <h3>{l.pick("Fonctions managées du devis (§10, §8.5.2)", "Managed functions of the quote (§10, §8.5.2)")}</h3>
                <p class="hint">
                    {l.pick(
                        "La GTD vaut par fonction managée : toutes les unités d'un même type ensemble (OS, bases de données, middleware…), chaque application managée à part. Garantie au niveau de production à la signature.",
                        "The availability guarantee is per managed function: all units of one kind together (OS, databases, middleware…), each managed application apart. Guarantee at the production level at signature.",
                    )}
                </p>
                <table class="lines" data-testid="guarantee-functions">
                    <thead><tr>
                        <th scope="col">{l.pick("Fonction", "Function")}</th>
                        <th scope="col">{l.pick("Unités", "Units")}</th>
                        <th scope="col" class="num">"GTD"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
                <ul class="conditions">{notes}</ul>
            })
        })
    }
}
