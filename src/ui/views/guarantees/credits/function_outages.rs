//! §8.5.2: the outages of managed functions (§10) in the month (GTD).

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::entries::{edit, ids, quote_functions, Report};
use super::function_row::FunctionRow;
use crate::engine::document::credit_month::FunctionMonth;
use crate::engine::document::managed_function::ManagedFunction;
use crate::engine::document::quote::Quote;
use crate::ui::state::use_state;
use crate::ui::widgets::th::Th;

#[component]
pub fn FunctionOutages(report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let fn_ids = move || ids::<FunctionMonth>(quote);
    view! {
        <h3>{move || lang.get().pick("Disponibilité par fonction managée (GTD, §8.5.2)", "Availability per managed function (GTD, §8.5.2)")}</h3>
        <div class="table-scroll">
            <table class="lines sla-records" data-testid="sla-functions">
                <thead>
                    <tr>
                        <Th fr="Fonction" en="Function" />
                        <Th fr="Interruption (min)" en="Outage (min)" num=true />
                        <Th fr="dont IaaS indisponible (§8.4.6)" en="of which IaaS down (§8.4.6)" num=true />
                        <Th fr="dont cause client (§8.4.4 a)" en="of which client cause (§8.4.4 a)" num=true />
                        <Th fr="Résultat" en="Outcome" />
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=fn_ids key=|id| *id let:id>
                        <FunctionRow id report />
                    </For>
                </tbody>
            </table>
        </div>
        <div class="actions">
            <button
                type="button"
                data-testid="sla-fn-add"
                disabled=move || quote_functions(quote, priced).is_empty()
                on:click=move |_| {
                    let all: Vec<ManagedFunction> = untrack(|| quote_functions(quote, priced))
                        .into_iter()
                        .map(|f| f.function)
                        .collect();
                    let Some(&first) = all.first() else { return };
                    edit(quote, priced, |s| {
                        let id = Quote::next_id(&s.functions, |f| f.id);
                        // The first function not entered yet.
                        let function = all
                            .iter()
                            .copied()
                            .find(|f| !s.functions.iter().any(|x| x.function == *f))
                            .unwrap_or(first);
                        s.functions.push(FunctionMonth {
                            id,
                            function,
                            interruption_minutes: Decimal::ZERO,
                            iaas_down_minutes: Decimal::ZERO,
                            client_caused_minutes: Decimal::ZERO,
                        });
                    });
                }
            >
                {move || lang.get().pick("+ Interruption d'une fonction", "+ Function outage")}
            </button>
        </div>
    }
}
