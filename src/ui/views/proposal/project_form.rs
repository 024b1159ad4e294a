//! Client, project, management model, commitment and support chain.

use leptos::prelude::*;

use super::model_field::ModelField;
use super::model_switch_note::ModelSwitchNote;
use crate::engine::document::quote::{MAX_COMMITMENT_MONTHS, MIN_COMMITMENT_MONTHS};
use crate::engine::document::support::SupportChain;
use crate::engine::lang::Lang;
use crate::engine::models::ModelSwitch;
use crate::engine::money::parse_whole;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::parsed_input::ParsedInput;

/// §9.1: a whole number of months, at least one year.
fn parse_commitment(text: &str, lang: Lang) -> Result<u32, FieldError> {
    let months = parse_whole(text, lang).map_err(FieldError::Number)?;
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

                <ModelField last_switch />
                <div class="field">
                    <label for="commitment">{t("Engagement (mois)", "Commitment (months)")}</label>
                    <ParsedInput
                        id="commitment"
                        testid="commitment"
                        initial=initial_months
                        parse=move |t: &str| parse_commitment(t, lang.get_untracked())
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

            <ModelSwitchNote last_switch />
        </section>
    }
}
