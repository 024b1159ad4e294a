//! §8.5.3: the incidents resolved in the month (GTR).

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::entries::{edit, ids, Report};
use super::incident_row::IncidentRow;
use crate::engine::document::credit_month::{Cause, IncidentRecord, Priority};
use crate::engine::document::quote::Quote;
use crate::engine::document::support::EnvironmentKind;
use crate::ui::state::use_state;
use crate::ui::widgets::th::Th;

#[component]
pub fn IncidentList(report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let incident_ids = move || ids::<IncidentRecord>(quote);
    view! {
        <h3>{move || lang.get().pick("Incidents résolus (GTR, §8.5.3)", "Incidents resolved (GTR, §8.5.3)")}</h3>
        <div class="table-scroll">
            <table class="lines sla-records" data-testid="sla-incidents">
                <thead>
                    <tr>
                        <Th fr="Priorité" en="Priority" />
                        <Th fr="Environnement" en="Environment" />
                        <Th fr="Unité touchée (sa fonction)" en="Unit hit (its function)" />
                        <Th fr="Rétablissement (h couvertes)" en="Restored in (covered h)" num=true />
                        <Th fr="Cause" en="Cause" />
                        <Th fr="Résultat" en="Outcome" />
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=incident_ids key=|id| *id let:id>
                        <IncidentRow id report />
                    </For>
                </tbody>
            </table>
        </div>
        <div class="actions">
            <button
                type="button"
                data-testid="sla-inc-add"
                on:click=move |_| edit(quote, priced, |s| {
                    let id = Quote::next_id(&s.incidents, |i| i.id);
                    s.incidents.push(IncidentRecord {
                        id,
                        priority: Priority::P1,
                        environment: EnvironmentKind::Production,
                        line: None,
                        resolution_hours: Decimal::ZERO,
                        cause: Cause::Provider,
                        provider_level3: true,
                        work_hours: Decimal::ZERO,
                    });
                })
            >
                {move || lang.get().pick("+ Incident", "+ Incident")}
            </button>
        </div>
    }
}
