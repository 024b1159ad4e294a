//! Client, project, management model, commitment and support chain.

use leptos::prelude::*;

use crate::engine::document::quote::{
    ManagementModel, MAX_COMMITMENT_MONTHS, MIN_COMMITMENT_MONTHS,
};
use crate::engine::document::support::SupportChain;
use crate::engine::models::{self, ModelSwitch, SetAside};
use crate::engine::money::parse_whole;
use crate::ui::i18n::{self, FieldError};
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::parsed_input::ParsedInput;

/// §9.1: a whole number of months, at least one year.
fn parse_commitment(text: &str) -> Result<u32, FieldError> {
    let months = parse_whole(text).map_err(FieldError::Number)?;
    if (MIN_COMMITMENT_MONTHS..=MAX_COMMITMENT_MONTHS).contains(&months) {
        Ok(months)
    } else {
        Err(FieldError::CommitmentRange {
            min: MIN_COMMITMENT_MONTHS,
            max: MAX_COMMITMENT_MONTHS,
        })
    }
}

#[component]
pub fn ProjectForm() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let t = move |fr: &'static str, en: &'static str| move || lang.get().pick(fr, en);
    let initial_months = quote.with_untracked(|q| q.commitment_months.to_string());
    let initial_start = quote.with_untracked(|q| q.start_date);
    let end = move || {
        state
            .priced
            .with(|p| {
                p.as_ref()
                    .map(|p| crate::ui::format::date(p.end_date, lang.get()))
            })
            .unwrap_or_default()
    };

    // §2: what the last switch of model set aside or restored, until dismissed.
    let last_switch: RwSignal<Option<ModelSwitch>> = RwSignal::new(None);
    let switch_to = move |m: ManagementModel| {
        let change = quote.with_untracked(|q| state.book.with(|b| models::switch(q, b, m)));
        last_switch.set((!change.is_empty()).then_some(change));
        quote.update(|q| q.model = m);
    };
    let aside_now = move || quote.with(|q| state.book.with(|b| models::set_aside(q, b)));
    let list = move |parts: Vec<SetAside>, testid: &'static str| {
        view! {
            <ul data-testid=testid>
                {parts
                    .into_iter()
                    .map(|p| view! { <li>{move || i18n::set_aside(&p, lang.get())}</li> })
                    .collect_view()}
            </ul>
        }
    };

    view! {
        <section class="card" aria-labelledby="project-title">
            <h2 id="project-title">{t("Proposition", "Proposal")}</h2>
            <div class="grid-2">
                <label class="field">
                    <span>{t("Client", "Client")}</span>
                    <input
                        type="text"
                        data-testid="client"
                        prop:value=move || quote.with(|q| q.client.clone())
                        on:input=move |ev| quote.update(|q| q.client = event_target_value(&ev))
                    />
                </label>
                <label class="field">
                    <span>{t("Projet", "Project")}</span>
                    <input
                        type="text"
                        data-testid="project"
                        prop:value=move || quote.with(|q| q.project.clone())
                        on:input=move |ev| quote.update(|q| q.project = event_target_value(&ev))
                    />
                </label>
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
                <div class="field">
                    <label for="commitment">{t("Engagement (mois)", "Commitment (months)")}</label>
                    <ParsedInput
                        id="commitment"
                        testid="commitment"
                        initial=initial_months
                        parse=parse_commitment
                        on_valid=move |months| quote.update(|q| q.commitment_months = months)
                    />
                </div>
                <div class="field">
                    <label for="start-date">{t("Date de signature", "Signature date")}</label>
                    <DateInput
                        id="start-date"
                        testid="start-date"
                        initial=Some(initial_start)
                        on_valid=move |d| {
                            if let Some(d) = d {
                                quote.update(|q| q.start_date = d);
                            }
                        }
                    />
                    <small class="hint" data-testid="end-date">
                        {move || format!("{} {}", lang.get().pick("Fin de l'engagement (exclue) :", "Commitment ends (exclusive):"), end())}
                    </small>
                </div>
                <label class="field">
                    <span>{t("Chaîne de support", "Support chain")}</span>
                    <select
                        data-testid="support-chain"
                        on:change=move |ev| {
                            if let Some(c) = SupportChain::from_key(&event_target_value(&ev)) {
                                quote.update(|q| q.support_chain = c);
                            }
                        }
                    >
                        {SupportChain::ALL
                            .into_iter()
                            .map(|c| {
                                view! {
                                    <option
                                        value=c.key()
                                        selected=move || quote.with(|q| q.support_chain == c)
                                    >
                                        {move || c.label(lang.get())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        data-testid="access-fee-waived"
                        prop:checked=move || quote.with(|q| q.access_fee_waived)
                        on:change=move |ev| quote.update(|q| q.access_fee_waived = event_target_checked(&ev))
                    />
                    {move || {
                        let fee = state.book.with(|b| b.access_fee).format(lang.get());
                        format!("{} ({fee}, §9.2)", lang.get().pick("Offrir les frais d'accès", "Waive the access fee"))
                    }}
                </label>
            </div>
            {move || last_switch.get().map(|sw| {
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
            })}
        </section>
    }
}
