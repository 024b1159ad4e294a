//! The management model: its select, what it means, and what it sets
//! aside (§2).

use leptos::prelude::*;

use super::model_switch::switch_model;
use crate::engine::document::quote::ManagementModel;
use crate::engine::models::{self, ModelSwitch};
use crate::ui::i18n;
use crate::ui::state::use_state;

#[component]
pub fn ModelField(last_switch: RwSignal<Option<ModelSwitch>>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let t = move |fr: &'static str, en: &'static str| move || lang.get().pick(fr, en);
    let switch_to = move |m: ManagementModel| switch_model(state, last_switch, m);
    let aside_now = move || quote.with(|q| state.book.with(|b| models::set_aside(q, b)));
    view! {
        <label class="field">
            <span>{t("Modèle de management", "Management model")}</span>
            <select
                data-testid="model"
                on:change=move |ev| {
                    if let Some(m) = ManagementModel::from_key(&event_target_value(&ev)) {
                        switch_to(m);
                    }
                }
            >
                {ManagementModel::ALL
                    .into_iter()
                    .map(|m| {
                        view! {
                            <option
                                value=m.key()
                                selected=move || quote.with(|q| q.model == m)
                            >
                                {move || m.label(lang.get())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <small class="hint">
                {move || match quote.with(|q| q.model) {
                    ManagementModel::FullyManaged => lang.get().pick(
                        "Le prestataire déploie, supervise et exploite ; engagements de service applicables.",
                        "The provider deploys, monitors and operates; service levels apply.",
                    ),
                    ManagementModel::CoManaged => lang.get().pick(
                        "Responsabilités partagées selon le RACI ; exclusions co-managées du §8.4.4.",
                        "Shared responsibilities per the RACI; co-managed exclusions of §8.4.4.",
                    ),
                    ManagementModel::FullDevOps => lang.get().pick(
                        "Le client fait tout : seuls des services professionnels sont proposés, sans SLA (§2).",
                        "The client does everything: professional services only, no SLA (§2).",
                    ),
                }}
            </small>
            {move || {
                let aside = aside_now();
                (!aside.is_empty()).then(|| view! {
                    <small class="warn-note" data-testid="set-aside-summary">
                        {move || lang.get().pick(
                            "Mis de côté sous ce modèle (conservé dans le devis, hors prix, §2) : ",
                            "Set aside under this model (kept in the quote, not priced, §2): ",
                        )}
                        {move || aside.iter().map(|p| i18n::set_aside(p, lang.get())).collect::<Vec<_>>().join(" ; ")}
                    </small>
                })
            }}
        </label>
    }
}
