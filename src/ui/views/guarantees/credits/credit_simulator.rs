//! SPEC §9: the service credits of one month, clause by clause. The inputs
//! are kept in the quote (`sla_simulation`), so they are saved with it.

use leptos::prelude::*;

use super::change_list::ChangeList;
use super::entries::Report;
use super::function_outages::FunctionOutages;
use super::incident_list::IncidentList;
use super::month_credits::MonthCredits;
use super::service_units::ServiceUnits;
use super::simulated_month::SimulatedMonth;
use crate::engine::service_levels::{simulate, ServiceLevels};
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;

#[component]
pub fn CreditSimulator() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let tables = ServiceLevels::builtin();
    let report: Memo<Report> = Memo::new(move |_| {
        quote.with(|q| {
            priced.with(|p| {
                let p = p.as_ref()?;
                let m = q.sla_simulation.as_ref()?;
                Some(simulate(q, p, tables, m))
            })
        })
    });
    let applies = move || quote.with(|q| crate::engine::models::service_levels_apply(q.model));
    view! {
        <section class="card" aria-labelledby="simulator-title" data-testid="sla-simulator">
            <h2 id="simulator-title">{move || lang.get().pick("Simulateur de crédits de service (un mois)", "Service credit simulator (one month)")}</h2>
            <Hint
                fr="Saisissez ce qui s'est passé dans le mois : interruptions par fonction managée, incidents résolus, changements réalisés. Les crédits se calculent clause par clause ; la saisie est enregistrée avec le devis."
                en="Enter what happened in the month: outages per managed function, incidents resolved, changes carried out. Credits are computed clause by clause; the entries are saved with the quote."
            />
            <Show when=move || !applies()>
                <p class="notice" data-testid="sla-none">
                    {move || lang.get().pick("Full DevOps : pas d'engagement de service, donc pas de crédit.", "Full DevOps: no service commitment, hence no credit.")}
                </p>
            </Show>
            <SimulatedMonth />
            <ServiceUnits />
            <FunctionOutages report />
            <IncidentList report />
            <ChangeList report />
            <MonthCredits report />
        </section>
    }
}
