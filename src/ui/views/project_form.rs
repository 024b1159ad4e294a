//! Client, project, management model, commitment and support chain.

use leptos::prelude::*;

use crate::engine::money::parse_whole;
use crate::engine::quote::{ManagementModel, MAX_COMMITMENT_MONTHS, MIN_COMMITMENT_MONTHS};
use crate::engine::support::SupportChain;
use crate::ui::i18n::FieldError;
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
                                quote.update(|q| q.model = m);
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
                        let fee = state.book.with_value(|b| b.access_fee).format(lang.get());
                        format!("{} ({fee}, §9.2)", lang.get().pick("Offrir les frais d'accès", "Waive the access fee"))
                    }}
                </label>
            </div>
        </section>
    }
}
