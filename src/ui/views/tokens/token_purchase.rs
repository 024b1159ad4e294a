//! §6, §12: buying tokens: other tokens a month, the packs (§5.5, several
//! at once) and the cheapest option, fixed capacity.

use leptos::prelude::*;

use super::pack_list::PackList;
use crate::engine::lang::Lang;
use crate::engine::money::{parse_whole, Quantity};
use crate::engine::pricing::tokens::{OnDemandPeriod, PackOption};
use crate::engine::pricing::Location;
use crate::ui::format::date;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;

/// An option: on demand, or its packs ("P10 + P40 (50 tokens)") and cost.
fn option_label(o: &PackOption, lang: Lang) -> String {
    if o.packs.is_empty() {
        format!(
            "{} — {} / {}",
            lang.pick("À la demande", "On demand"),
            o.monthly_cost.format(lang),
            lang.pick("mois", "month")
        )
    } else {
        format!(
            "{} ({} {}) — {} / {}",
            o.packs.join(" + "),
            o.tokens_per_month,
            lang.pick("jetons", "tokens"),
            o.monthly_cost.format(lang),
            lang.pick("mois", "month")
        )
    }
}

/// §9.2 (SPEC §14): tokens beyond the packs in one period of a book.
fn on_demand_label(p: &OnDemandPeriod, lang: Lang) -> String {
    format!(
        "{} → {} : {} {} x {} = {} / {} ({} {})",
        date(p.from, lang),
        date(p.to, lang),
        p.tokens_per_month.round_dp(2),
        lang.pick("jetons", "tokens"),
        p.unit_price.format(lang),
        p.monthly.format(lang),
        lang.pick("mois", "month"),
        lang.pick("grille", "book"),
        p.book_version
    )
}

#[component]
pub fn TokenPurchase() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let tokens = move || state.priced.with(|p| p.as_ref().map(|p| p.tokens.clone()));
    let plan = quote.with_untracked(|q| q.tokens.clone());
    view! {
        <section class="card" aria-labelledby="pack-title">
            <h2 id="pack-title">{move || lang.get().pick("Achat des jetons", "Buying tokens")}</h2>
            <div class="grid-3">
                <div class="field">
                    <label for="tokens-extra">{move || lang.get().pick("Autres jetons par mois (remédiations, investigations)", "Other tokens a month (remediation, investigations)")}</label>
                    <ParsedInput id="tokens-extra" testid="tokens-extra" initial=plan.extra_per_month.to_string()
                        parse=move |t: &str| Quantity::parse(t, lang.get_untracked()).map_err(FieldError::Number)
                        on_valid=move |n| quote.update(|q| q.tokens.extra_per_month = n) />
                </div>
                <PackList />
                <div class="field">
                    <label for="fixed-hours">{move || lang.get().pick("Capacité fixe (heures / mois, §12)", "Fixed capacity (hours / month, §12)")}</label>
                    <ParsedInput id="fixed-hours" testid="fixed-hours" initial=plan.fixed_capacity_hours.map(|h| h.to_string()).unwrap_or_default()
                        parse=move |t: &str| if t.trim().is_empty() { Ok(None) } else { parse_whole(t, lang.get_untracked()).map(Some).map_err(FieldError::Number) }
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
                        {(t.on_demand.len() > 1).then(|| view! {
                            <dt>{l.pick("Au-delà des packs, par grille (§9.2)", "Beyond the packs, by book (§9.2)")}</dt>
                            <dd data-testid="token-on-demand">{t.on_demand.iter().map(|p| view! { <div>{on_demand_label(p, l)}</div> }).collect_view()}</dd>
                        })}
                        <dt>{l.pick("Uniquement à la demande", "On demand only")}</dt>
                        <dd>{option_label(&t.on_demand_only, l)}</dd>
                        <dt>{l.pick("Le moins cher (packs combinables)", "Cheapest (packs may combine)")}</dt>
                        <dd data-testid="token-suggestion">{option_label(&suggestion, l)}</dd>
                        {t.fixed_capacity.map(|f| view! {
                            <dt>{l.pick("Capacité fixe", "Fixed capacity")}</dt>
                            <dd data-testid="fixed-capacity">{format!("{} h = {} {} → {}", f.hours, f.tokens, l.pick("jetons", "tokens"), option_label(&f.cheapest, l))}</dd>
                        })}
                    </dl>
                    <Show when=move || better>
                        <button type="button" class="primary" data-testid="token-apply-suggestion" on:click={
                            let packs = suggestion.packs.clone();
                            move |_| quote.update(|q| q.tokens.packs = packs.clone())
                        }>
                            {move || lang.get().pick("Appliquer la suggestion", "Apply the suggestion")}
                        </button>
                    </Show>
                }
            })}
        </section>
    }
}
