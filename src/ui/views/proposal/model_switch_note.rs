//! §2: what the last switch of model set aside or restored, with a way
//! back, until dismissed.

use leptos::prelude::*;

use super::model_switch::switch_model;
use crate::engine::lang::Lang;
use crate::engine::models::{ModelSwitch, SetAside};
use crate::ui::i18n;
use crate::ui::state::use_state;

#[component]
pub fn ModelSwitchNote(last_switch: RwSignal<Option<ModelSwitch>>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let t = move |fr: &'static str, en: &'static str| move || lang.get().pick(fr, en);
    let switch_to = move |m| switch_model(state, last_switch, m);
    let list = move |parts: Vec<SetAside>, testid: &'static str| parts_list(parts, testid, lang);
    move || {
        last_switch.get().map(|sw| {
        let from = sw.from;
        let to = sw.to;
        view! {
            <div class="model-switch" role="status" data-testid="model-switch">
                <p>
                    <strong>
                        {move || format!(
                            "{} {} → {}",
                            lang.get().pick("Modèle changé :", "Model switched:"),
                            from.label(lang.get()),
                            to.label(lang.get()),
                        )}
                    </strong>
                </p>
                {(!sw.set_aside.is_empty()).then(|| view! {
                    <p>{t(
                        "Mis de côté : conservé dans le devis mais hors prix, car ce modèle ne comprend aucun service managé (§2) :",
                        "Set aside: kept in the quote but not priced, as this model has no managed service (§2):",
                    )}</p>
                    {list(sw.set_aside.clone(), "set-aside-list")}
                })}
                {(!sw.restored.is_empty()).then(|| view! {
                    <p>{t("Rétabli et de nouveau chiffré :", "Restored and priced again:")}</p>
                    {list(sw.restored.clone(), "restored-list")}
                })}
                {sw.co_managed_exclusions.map(|on| view! {
                    <p data-testid="exclusions-note">{move || if on {
                        lang.get().pick(
                            "Les exclusions co-managées du §8.4.4 s'appliquent désormais aux engagements de service.",
                            "The co-managed exclusions of §8.4.4 now apply to the service levels.",
                        )
                    } else {
                        lang.get().pick(
                            "Les exclusions co-managées du §8.4.4 ne s'appliquent plus.",
                            "The co-managed exclusions of §8.4.4 no longer apply.",
                        )
                    }}</p>
                })}
                <p class="hint">{t(
                    "Le RACI par défaut est celui du nouveau modèle ; vos modifications du RACI de chaque modèle sont conservées.",
                    "The default RACI is the new model's; your RACI edits of each model are kept.",
                )}</p>
                <div class="actions">
                    <button type="button" data-testid="model-switch-back" on:click=move |_| switch_to(from)>
                        {move || format!("{} {}", lang.get().pick("Revenir à", "Switch back to"), from.label(lang.get()))}
                    </button>
                    <button type="button" class="secondary" data-testid="model-switch-dismiss" on:click=move |_| last_switch.set(None)>
                        {t("Fermer", "Dismiss")}
                    </button>
                </div>
            </div>
        }
    })
    }
}

/// The parts of the quote a switch set aside or restored.
fn parts_list(parts: Vec<SetAside>, testid: &'static str, lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <ul data-testid=testid>
            {parts
                .into_iter()
                .map(|p| view! { <li>{move || i18n::set_aside(&p, lang.get())}</li> })
                .collect_view()}
        </ul>
    }
}
