//! The draft's identity: version, effective date (§9.7), region, labels,
//! whether illustrative, access fee and monthly minimum with its reading,
//! floor or base fee (§9.2, SPEC §14).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::money_text::money_text;
use crate::engine::document::pricebook::{MinimumMode, PriceBook};
use crate::engine::money::Money;
use crate::ui::i18n::{minimum_mode, FieldError};
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::parsed_input::ParsedInput;

#[component]
pub fn DraftIdentity(draft: RwSignal<PriceBook>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let d = draft.get_untracked();
    let money = move |t: &str| Money::parse(t, lang.get_untracked()).map_err(FieldError::Number);
    view! {
        <div class="grid-3">
            <label class="field">
                <span>{move || lang.get().pick("Version", "Version")}</span>
                <input type="text" data-testid="pricebook-version" value=d.version.clone()
                    on:input=move |e| { let v = event_target_value(&e); draft.update(|b| b.version = v) } />
            </label>
            <div class="field">
                <label for="pricebook-date">{move || lang.get().pick("En vigueur le (§9.7)", "Effective from (§9.7)")}</label>
                <DateInput id="pricebook-date" testid="pricebook-date" initial=Some(d.effective_date)
                    on_valid={move |v: Option<NaiveDate>| if let Some(v) = v { draft.update(|b| b.effective_date = v) }} />
            </div>
            <label class="field">
                <span>{move || lang.get().pick("Région (§9.2)", "Region (§9.2)")}</span>
                <input type="text" data-testid="pricebook-region" value=d.region.clone()
                    on:input=move |e| { let v = event_target_value(&e); draft.update(|b| b.region = v.trim().to_string()) } />
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Libellé (FR)", "Label (FR)")}</span>
                <input type="text" value=d.label.fr.clone() on:input=move |e| { let v = event_target_value(&e); draft.update(|b| b.label.fr = v) } />
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Libellé (EN)", "Label (EN)")}</span>
                <input type="text" value=d.label.en.clone() on:input=move |e| { let v = event_target_value(&e); draft.update(|b| b.label.en = v) } />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="pricebook-illustrative" prop:checked=d.illustrative
                    on:change=move |e| { let v = event_target_checked(&e); draft.update(|b| b.illustrative = v) } />
                {move || lang.get().pick("Illustrative (prix inventés, signalée à l'écran)", "Illustrative (invented prices, flagged on screen)")}
            </label>
            <div class="field">
                <label for="pricebook-access-fee">{move || lang.get().pick("Frais d'accès (§9.2)", "Access fee (§9.2)")}</label>
                <ParsedInput id="pricebook-access-fee" testid="pricebook-access-fee" initial=money_text(d.access_fee) parse=money
                    on_valid=move |m| draft.update(|b| b.access_fee = m) />
            </div>
            <div class="field">
                <label for="pricebook-minimum">{move || lang.get().pick("Minimum mensuel (§9.2)", "Monthly minimum (§9.2)")}</label>
                <ParsedInput id="pricebook-minimum" testid="pricebook-minimum" initial=money_text(d.monthly_minimum) parse=money
                    on_valid=move |m| draft.update(|b| b.monthly_minimum = m) />
            </div>
            // SPEC §14: the two readings of §9.2.
            <label class="field">
                <span>{move || lang.get().pick("Lecture du minimum (§9.2)", "Reading of the minimum (§9.2)")}</span>
                <select data-testid="pricebook-minimum-mode" on:change=move |e| {
                    let mode = if event_target_value(&e) == "base_fee" { MinimumMode::BaseFee } else { MinimumMode::Floor };
                    draft.update(|b| b.monthly_minimum_mode = mode);
                }>
                    <option value="floor" selected=move || draft.with(|b| b.monthly_minimum_mode == MinimumMode::Floor)>{move || lang.get().pick("Plancher : le mois est complété jusqu'au minimum", "Floor: the month is topped up to the minimum")}</option>
                    <option value="base_fee" selected=move || draft.with(|b| b.monthly_minimum_mode == MinimumMode::BaseFee)>{move || lang.get().pick("Redevance de base : les unités s'ajoutent au minimum", "Base fee: the units are added to the minimum")}</option>
                </select>
                <span class="hint" data-testid="pricebook-minimum-mode-note">{move || minimum_mode(draft.with(|b| b.monthly_minimum_mode), lang.get())}</span>
            </label>
        </div>
    }
}
