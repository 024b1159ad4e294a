//! One scenario: its model, support level and chain, title.

use leptos::prelude::*;

use super::scenarios::{edit_scenario, edit_scenarios};
use crate::engine::document::quote::ManagementModel;
use crate::engine::document::scenario::{Scenario, MIN_SCENARIOS};
use crate::engine::document::support::{SupportChain, SupportLevel};
use crate::ui::state::use_state;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn ScenarioEditor(scenario: Scenario, index: usize) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let id = scenario.id;
    let count = move || quote.with(|q| q.scenarios().len());
    let current = Memo::new(move |_| {
        quote.with(|q| {
            q.scenarios()
                .into_iter()
                .find(|s| s.id == id)
                .unwrap_or_else(|| scenario.clone())
        })
    });
    view! {
        <fieldset class="scenario" data-testid="scenario">
            <legend>{move || format!("{} {}", lang.get().pick("Scénario", "Scenario"), index + 1)}</legend>
            <label class="field">
                <span>{move || lang.get().pick("Modèle", "Model")}</span>
                <select
                    data-testid="scenario-model"
                    on:change=move |ev| {
                        if let Some(m) = ManagementModel::from_key(&event_target_value(&ev)) {
                            edit_scenario(quote, id, |s| s.model = m);
                        }
                    }
                >
                    {ManagementModel::ALL
                        .into_iter()
                        .map(|m| view! {
                            <option value=m.key() selected=move || current.get().model == m>
                                {move || m.label(lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Niveau de support", "Support level")}</span>
                <select
                    data-testid="scenario-support"
                    on:change=move |ev| {
                        let level = SupportLevel::from_key(&event_target_value(&ev));
                        edit_scenario(quote, id, |s| s.support = level);
                    }
                >
                    <option value="" selected=move || current.get().support.is_none()>
                        {move || lang.get().pick("Celui du devis", "The quote's")}
                    </option>
                    {SupportLevel::ALL
                        .into_iter()
                        .map(|l| view! {
                            <option value=l.key() selected=move || current.get().support == Some(l)>
                                {move || l.label(lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Chaîne de support", "Support chain")}</span>
                <select
                    data-testid="scenario-chain"
                    on:change=move |ev| {
                        let chain = SupportChain::from_key(&event_target_value(&ev));
                        edit_scenario(quote, id, |s| s.support_chain = chain);
                    }
                >
                    <option value="" selected=move || current.get().support_chain.is_none()>
                        {move || lang.get().pick("Celle du devis", "The quote's")}
                    </option>
                    {SupportChain::ALL
                        .into_iter()
                        .map(|c| view! {
                            <option value=c.key() selected=move || current.get().support_chain == Some(c)>
                                {move || c.label(lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Intitulé (facultatif)", "Title (optional)")}</span>
                <input
                    type="text"
                    data-testid="scenario-label"
                    prop:value=move || current.get().label
                    on:input=move |ev| {
                        let label = event_target_value(&ev);
                        edit_scenario(quote, id, |s| s.label = label);
                    }
                />
            </label>
            <Show when=move || { count() > MIN_SCENARIOS }>
                <RemoveButton
                    testid="scenario-remove"
                    fr="Retirer ce scénario"
                    en="Remove this scenario"
                    on_remove=move || edit_scenarios(quote, |list| list.retain(|s| s.id != id))
                />
            </Show>
        </fieldset>
    }
}
