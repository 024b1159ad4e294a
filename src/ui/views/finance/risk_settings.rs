//! §9.4: the settings of the MRG risk: how many draws, from which seed, and
//! how uncertain the ticket and token forecasts are.

use leptos::prelude::*;

use super::risk_entry::UncertaintyCells;
use crate::engine::document::contract_life::MAX_DRAWS;
use crate::engine::money::parse_whole;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::th::Th;

#[component]
pub fn RiskSettings() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let l = lang.get_untracked();
    let settings = quote.with_untracked(|q| q.contract_life.risk.clone());
    let whole = move |t: &str, min: u32, max: u32| {
        let n = parse_whole(t, lang.get_untracked()).map_err(FieldError::Number)?;
        if n < min || n > max {
            return Err(FieldError::Range { min, max });
        }
        Ok(n)
    };
    view! {
        <div class="grid-3">
            <div class="field">
                <label for="risk-draws">{move || lang.get().pick("Tirages (1 à 100 000)", "Draws (1 to 100,000)")}</label>
                <ParsedInput id="risk-draws" testid="risk-draws" initial=settings.draws.to_string()
                    parse=move |t: &str| whole(t, 1, MAX_DRAWS)
                    on_valid=move |n| quote.update(|q| q.contract_life.risk.draws = n) />
            </div>
            <div class="field">
                <label for="risk-seed">{move || lang.get().pick("Graine (mêmes réglages, mêmes chiffres)", "Seed (same settings, same figures)")}</label>
                <ParsedInput id="risk-seed" testid="risk-seed" initial=settings.seed.to_string()
                    parse=move |t: &str| whole(t, 0, u32::MAX)
                    on_valid=move |n| quote.update(|q| q.contract_life.risk.seed = n) />
            </div>
        </div>
        <table class="lines" data-testid="risk-forecasts">
            <thead><tr>
                <Th fr="Prévision de consommation" en="Consumption forecast" />
                <Th fr="Baisse %/an" en="Down %/yr" num=true />
                <Th fr="Hausse %/an" en="Up %/yr" num=true />
                <Th fr="Arrêt % par anniversaire" en="End % per anniversary" num=true />
            </tr></thead>
            <tbody>
                <tr data-testid="risk-tickets">
                    <th scope="row">{move || lang.get().pick("Tickets au-delà des inclus (§9.6)", "Tickets beyond those included (§9.6)")}</th>
                    <UncertaintyCells id="risk-tickets" testid="risk-tickets" what=l.pick("Tickets", "Tickets")
                        initial=settings.tickets
                        on_valid=move |part, v| quote.update(|q| q.contract_life.risk.tickets = part.set(q.contract_life.risk.tickets, v)) />
                </tr>
                <tr data-testid="risk-tokens">
                    <th scope="row">{move || lang.get().pick("Jetons à la demande (§6)", "On-demand tokens (§6)")}</th>
                    <UncertaintyCells id="risk-tokens" testid="risk-tokens" what=l.pick("Jetons", "Tokens")
                        initial=settings.tokens
                        on_valid=move |part, v| quote.update(|q| q.contract_life.risk.tokens = part.set(q.contract_life.risk.tokens, v)) />
                </tr>
            </tbody>
        </table>
    }
}
