//! §6, §12: buying tokens: other tokens a month, the pack and its
//! suggestion, fixed capacity.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::money::{parse_whole, Quantity};
use crate::engine::pricing::tokens::PackOption;
use crate::engine::pricing::Location;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;

fn option_label(o: &PackOption, lang: Lang) -> String {
    match &o.pack {
        None => format!(
            "{} — {} / {}",
            lang.pick("À la demande", "On demand"),
            o.monthly_cost.format(lang),
            lang.pick("mois", "month")
        ),
        Some(code) => format!(
            "{code} ({} {}) — {} / {}",
            o.tokens_per_month,
            lang.pick("jetons", "tokens"),
            o.monthly_cost.format(lang),
            lang.pick("mois", "month")
        ),
    }
}

#[component]
pub fn TokenPurchase() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let tokens = move || state.priced.with(|p| p.as_ref().map(|p| p.tokens.clone()));
    let plan = quote.with_untracked(|q| q.tokens.clone());
    let packs = move || {
        let chain = quote.with(|q| q.support_chain);
        state.book.with(|b| {
            b.token_packs
                .iter()
                .filter(|p| p.chain == chain)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="pack-title">
            <h2 id="pack-title">{move || lang.get().pick("Achat des jetons", "Buying tokens")}</h2>
            <div class="grid-3">
                <div class="field">
                    <label for="tokens-extra">{move || lang.get().pick("Autres jetons par mois (remédiations, investigations)", "Other tokens a month (remediation, investigations)")}</label>
                    <ParsedInput id="tokens-extra" testid="tokens-extra" initial=plan.extra_per_month.to_string()
                        parse=|t: &str| Quantity::parse(t).map_err(FieldError::Number)
                        on_valid=move |n| quote.update(|q| q.tokens.extra_per_month = n) />
                </div>
                <label class="field">
                    <span>{move || lang.get().pick("Pack mensuel (engagé jusqu'à la fin du contrat)", "Monthly pack (committed to the end of the contract)")}</span>
                    <select data-testid="token-pack" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        quote.update(|q| q.tokens.pack = (!v.is_empty()).then_some(v));
                    }>
                        <option value="" selected=move || quote.with(|q| q.tokens.pack.is_none())>{move || lang.get().pick("Aucun : à la demande", "None: on demand")}</option>
                        {move || packs().into_iter().map(|p| {
                            let code = p.code.clone();
                            let selected = code.clone();
                            view! {
                                <option value=code selected=move || quote.with(|q| q.tokens.pack.as_deref() == Some(selected.as_str()))>
                                    {format!("{} — {} {} — {}", p.code, p.tokens_per_month, lang.get().pick("jetons", "tokens"), p.monthly.format(lang.get()))}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </label>
                <div class="field">
                    <label for="fixed-hours">{move || lang.get().pick("Capacité fixe (heures / mois, §12)", "Fixed capacity (hours / month, §12)")}</label>
                    <ParsedInput id="fixed-hours" testid="fixed-hours" initial=plan.fixed_capacity_hours.map(|h| h.to_string()).unwrap_or_default()
                        parse=|t: &str| if t.trim().is_empty() { Ok(None) } else { parse_whole(t).map(Some).map_err(FieldError::Number) }
                        on_valid=move |h| quote.update(|q| q.tokens.fixed_capacity_hours = h) />
                </div>
            </div>
            <IssueNote location=Location::TokenPack testid="token-pack-issue" />
            {move || tokens().map(|t| {
                let l = lang.get();
                let suggestion = t.suggestion.clone();
                let better = suggestion.monthly_cost < t.chosen.monthly_cost;
                view! {
                    <dl class="facts">
                        <dt>{l.pick("Prévision", "Forecast")}</dt>
                        <dd data-testid="token-forecast">{format!("{} {}", t.forecast_per_month, l.pick("jetons / mois", "tokens / month"))}</dd>
                        <dt>{l.pick("Prix du jeton à la demande", "On-demand token price")}</dt>
                        <dd>{t.on_demand_price.format(l)}</dd>
                        <dt>{l.pick("Choix actuel", "Current choice")}</dt>
                        <dd data-testid="token-chosen">{option_label(&t.chosen, l)}</dd>
                        <dt>{l.pick("Uniquement à la demande", "On demand only")}</dt>
                        <dd>{option_label(&t.on_demand_only, l)}</dd>
                        <dt>{l.pick("Le moins cher", "Cheapest")}</dt>
                        <dd data-testid="token-suggestion">{option_label(&suggestion, l)}</dd>
                        {t.fixed_capacity.map(|f| view! {
                            <dt>{l.pick("Capacité fixe", "Fixed capacity")}</dt>
                            <dd data-testid="fixed-capacity">{format!("{} h = {} {} → {}", f.hours, f.tokens, l.pick("jetons", "tokens"), option_label(&f.cheapest, l))}</dd>
                        })}
                    </dl>
                    <Show when=move || better>
                        <button type="button" class="primary" data-testid="token-apply-suggestion" on:click={
                            let pack = suggestion.pack.clone();
                            move |_| quote.update(|q| q.tokens.pack = pack.clone())
                        }>
                            {move || lang.get().pick("Appliquer la suggestion", "Apply the suggestion")}
                        </button>
                    </Show>
                }
            })}
        </section>
    }
}
