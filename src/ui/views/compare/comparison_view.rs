//! SPEC §1, §2: the same workload priced under two to four scenarios (the
//! management models, or copies with another support level or chain), side
//! by side: figures per category and year, differences, a chart.

use leptos::prelude::*;

use super::costs_table::CostsTable;
use super::effort_compared::EffortCompared;
use super::guarantees_compared::GuaranteesCompared;
use super::raci_compared::RaciCompared;
use super::scenario_chart::ScenarioChart;
use super::scenario_editor::ScenarioEditor;
use super::scenario_notes::ScenarioNotes;
use super::scenarios::edit_scenarios;
use crate::engine::document::quote::ManagementModel;
use crate::engine::document::scenario::{Scenario, MAX_SCENARIOS};
use crate::engine::scenarios::comparison::{compare, Comparison};
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;

#[component]
pub fn ComparisonView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    // Priced only while this tab is open: one pricing per scenario.
    let comparison: Memo<Comparison> = Memo::new(move |_| {
        quote.with(|q| {
            state.books.with(|books| {
                state
                    .book
                    .with(|book| compare(q, books, book, &q.scenarios()))
            })
        })
    });
    let scenario_ids =
        move || quote.with(|q| q.scenarios().into_iter().map(|s| s.id).collect::<Vec<_>>());
    let add = move |_: leptos::ev::MouseEvent| {
        edit_scenarios(quote, |list| {
            if list.len() < MAX_SCENARIOS {
                let id = list.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                // A copy of the last scenario, to vary one setting.
                let mut copy = list
                    .last()
                    .cloned()
                    .unwrap_or_else(|| Scenario::new(id, ManagementModel::FullyManaged));
                copy.id = id;
                copy.label.clear();
                list.push(copy);
            }
        })
    };
    let reset = move |_: leptos::ev::MouseEvent| quote.update(|q| q.comparison.clear());

    view! {
        <section class="card" aria-labelledby="compare-title">
            <h2 id="compare-title">{move || lang.get().pick("Comparer des scénarios", "Compare scenarios")}</h2>
            <Hint
                fr="La même charge de travail chiffrée sous 2 à 4 scénarios : chaque colonne est exactement le devis chiffré seul sous ce modèle, ce niveau et cette chaîne de support. Les écarts sont comparés au premier scénario ; le moins cher est mis en évidence."
                en="The same workload priced under 2 to 4 scenarios: each column is exactly the quote priced alone under that model, support level and chain. Differences are against the first scenario; the cheapest is highlighted."
            />
            <div class="scenarios">
                <For each=scenario_ids key=|id| *id let:id>
                    {
                        let scenario = quote.with_untracked(|q| q.scenarios().into_iter().find(|s| s.id == id));
                        let index = quote.with_untracked(|q| q.scenarios().iter().position(|s| s.id == id).unwrap_or(0));
                        scenario.map(|s| view! { <ScenarioEditor scenario=s index /> })
                    }
                </For>
            </div>
            <div class="actions">
                <button
                    type="button"
                    data-testid="scenario-add"
                    disabled=move || { scenario_ids().len() >= MAX_SCENARIOS }
                    on:click=add
                >
                    {move || lang.get().pick("+ Ajouter un scénario (copie du dernier)", "+ Add a scenario (copy of the last)")}
                </button>
                <button type="button" data-testid="scenario-reset" on:click=reset>
                    {move || lang.get().pick("Revenir aux trois modèles", "Back to the three models")}
                </button>
            </div>
        </section>
        <section class="card" aria-labelledby="compare-figures-title">
            <h2 id="compare-figures-title">{move || lang.get().pick("Coûts comparés", "Costs compared")}</h2>
            <CostsTable comparison />
            <ul class="scenario-notes"><ScenarioNotes comparison /></ul>
            <ScenarioChart comparison />
        </section>
        <section class="card" aria-labelledby="compare-effort-title">
            <h2 id="compare-effort-title">{move || lang.get().pick("Ce que le client fait lui-même (estimation, §15)", "What the client does itself (estimate, §15)")}</h2>
            <Hint
                fr="Le prix du prestataire et l'effort estimé de l'équipe du client, côte à côte : les heures des activités où le client est R (matrice Qui fait quoi de chaque scénario), valorisées au coût journalier du client. Une estimation avec ses hypothèses, jamais une facture."
                en="The provider's price and the client's team's estimated effort, side by side: the hours of the activities where the client is R (each scenario's Who does what matrix), valued at the client's day rate. An estimate with its assumptions, never an invoice."
            />
            <EffortCompared comparison />
        </section>
        <section class="card" aria-labelledby="compare-guarantees-title">
            <h2 id="compare-guarantees-title">{move || lang.get().pick("Engagements de service comparés (§8)", "Service levels compared (§8)")}</h2>
            <GuaranteesCompared comparison />
        </section>
        <section class="card" aria-labelledby="compare-raci-title">
            <h2 id="compare-raci-title">{move || lang.get().pick("Qui fait quoi comparé (RACI, §10)", "Who does what compared (RACI, §10)")}</h2>
            <Hint
                fr="Les activités dont la répartition change d'un scénario à l'autre, avec les valeurs par défaut de chaque modèle, le modèle de build du devis et vos modifications (onglet Qui fait quoi)."
                en="The activities shared out differently from one scenario to another, with each model's defaults, the quote's build model and your edits (Who does what tab)."
            />
            <RaciCompared comparison />
        </section>
    }
}
