//! §9.4: G, the global MRG before and after scope changes, the shortfalls.

use leptos::prelude::*;

use crate::ui::state::use_state;

#[component]
pub fn MrgSummary() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    move || {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref().map(|m| view! {
                <dl class="facts">
                    <dt>{l.pick("Revenu global de RUN prévu (G)", "Planned global run revenue (G)")}</dt>
                    <dd data-testid="mrg-g">{m.global_revenue.format(l)}</dd>
                    <dt>{l.pick("MRG global", "Global MRG")}</dt>
                    <dd data-testid="mrg-global">{m.global_mrg.format(l)}</dd>
                    <dt>{l.pick("MRG global après évolutions de périmètre", "Global MRG after scope changes")}</dt>
                    <dd data-testid="mrg-global-final">{m.global_mrg_final.format(l)}</dd>
                    <dt>{l.pick("Différentiels à facturer", "Shortfalls to invoice")}</dt>
                    <dd data-testid="mrg-total-shortfall">{m.total_shortfall.format(l)}</dd>
                </dl>
            })
        })
    }
}
