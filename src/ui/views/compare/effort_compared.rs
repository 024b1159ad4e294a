//! SPEC §15: what each scenario leaves to the client. The client's
//! estimated effort (hours a month, euros over the contract) beside the
//! provider's price, the activities that move to the client against the
//! first scenario, the assumptions, the client's day rate (editable) and a
//! chart provider / client effort. An estimate, never an invoice.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::effort_chart::EffortChart;
use super::figures::scenario_titles;
use crate::engine::lang::Lang;
use crate::engine::money::{Money, Quantity};
use crate::engine::scenarios::comparison::Comparison;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;

/// `12,5 h` / `12.5 h`, to the tenth.
pub fn hours_text(hours: Decimal, lang: Lang) -> String {
    let h = hours.round_dp(1).normalize().to_string();
    let h = if lang == Lang::Fr {
        h.replace('.', ",")
    } else {
        h
    };
    format!("{h} h")
}

/// The sentence naming what moves to the client in scenario `i` against
/// the first one.
fn moved_sentence(c: &Comparison, i: usize, l: Lang) -> Option<String> {
    let first = c.outcomes.first()?.effort.as_ref()?;
    let here = c.outcomes.get(i)?.effort.as_ref()?;
    let moved = here.moved_from(first);
    let title = c.outcomes[i].scenario.title(l);
    if moved.is_empty() {
        return Some(format!(
            "{title} — {}",
            l.pick(
                "rien de plus ne passe au client que dans le premier scénario.",
                "nothing more moves to the client than in the first scenario."
            )
        ));
    }
    let names = moved
        .iter()
        .map(|r| {
            if l == Lang::Fr {
                r.fr.clone()
            } else {
                r.en.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let hours: Decimal = moved.iter().map(|r| r.client_hours).sum();
    Some(format!(
        "{title} — {} {names} ({} {})",
        l.pick(
            "passent au client (par rapport au premier scénario) :",
            "move to the client (against the first scenario):"
        ),
        hours_text(hours, l),
        l.pick("par mois sur ces activités", "a month on these activities"),
    ))
}

#[component]
pub fn EffortCompared(comparison: Memo<Comparison>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let table = move || {
        let l = lang.get();
        let titles = scenario_titles(comparison, l);
        comparison.with(|c| {
            let head = titles
                .into_iter()
                .map(|t| view! { <th scope="col" class="num">{t}</th> })
                .collect_view();
            let hours = c
                .outcomes
                .iter()
                .map(|o| {
                    let text = o
                        .effort
                        .as_ref()
                        .map(|e| hours_text(e.client_hours_per_month, l))
                        .unwrap_or_else(|| "—".into());
                    view! { <td class="num" data-testid="effort-hours">{text}</td> }
                })
                .collect_view();
            let cost = c
                .outcomes
                .iter()
                .map(|o| {
                    let text = o
                        .effort
                        .as_ref()
                        .map(|e| e.cost.format(l))
                        .unwrap_or_else(|| "—".into());
                    view! { <td class="num" data-testid="effort-cost">{text}</td> }
                })
                .collect_view();
            view! {
                <div class="scroll">
                    <table class="lines compare" data-testid="effort-table">
                        <thead><tr><th scope="col">{l.pick("Effort du client (estimation)", "Client's effort (estimate)")}</th>{head}</tr></thead>
                        <tbody>
                            <tr data-figure="effort_hours"><th scope="row">{l.pick("Heures du client par mois", "Client's hours a month")}</th>{hours}</tr>
                            <tr data-figure="effort_cost"><th scope="row">{l.pick("Valorisées sur le contrat", "Valued over the contract")}</th>{cost}</tr>
                        </tbody>
                    </table>
                </div>
            }
        })
    };
    let sentences = move || {
        let l = lang.get();
        comparison.with(|c| {
            (1..c.outcomes.len())
                .filter_map(|i| moved_sentence(c, i, l))
                .map(|s| view! { <li data-testid="effort-moved">{s}</li> })
                .collect_view()
        })
    };
    let day_rate = quote.with_untracked(|q| q.client_effort.day_rate);
    let hours_per_day = quote.with_untracked(|q| q.client_effort.hours_per_day);
    let assumptions = move || {
        let l = lang.get();
        let (rate, per_day) =
            quote.with(|q| (q.client_effort.day_rate, q.client_effort.hours_per_day));
        let per_day = hours_text(per_day, l);
        match l {
            Lang::Fr => format!(
                "Hypothèses : une journée du client coûte {} pour {per_day} ; le client porte les activités où il est R (la moitié quand le prestataire est R aussi, une part égale entre les parties R quand un tiers l'est) ; les efforts par activité sont des valeurs par défaut illustratives (onglet Qui fait quoi, modifiables). C'est une estimation, jamais une facture : elle n'entre ni dans l'échéancier, ni dans le MRG, ni dans les totaux du devis.",
                rate.format(l)
            ),
            Lang::En => format!(
                "Assumptions: a day of the client's team costs {} for {per_day}; the client carries the activities where it is R (half when the provider is R too, an equal share among the parties R when a third party is); the efforts per activity are illustrative defaults (Who does what tab, editable). An estimate, never an invoice: it is in neither the schedule, the MRG nor the quote's totals.",
                rate.format(l)
            ),
        }
    };
    view! {
        {table}
        <ul class="scenario-notes">{sentences}</ul>
        <div class="field-row">
            <label for="client-day-rate">{move || lang.get().pick("Coût journalier du client (€ HT)", "Client's day rate (€ excl. VAT)")}</label>
            <ParsedInput id="client-day-rate" testid="client-day-rate" class="qty-input" initial=day_rate.as_decimal().normalize().to_string()
                parse=move |t: &str| Money::parse(t, lang.get_untracked()).map_err(FieldError::Number)
                on_valid=move |m| quote.update(|q| q.client_effort.day_rate = m) />
            <label for="client-hours-per-day">{move || lang.get().pick("Heures par jour", "Hours a day")}</label>
            <ParsedInput id="client-hours-per-day" testid="client-hours-per-day" class="qty-input" initial=hours_per_day.normalize().to_string()
                parse=move |t: &str| {
                    Quantity::parse(t, lang.get_untracked())
                        .map_err(FieldError::Number)
                        .map(|q| q.as_decimal())
                }
                on_valid=move |h| quote.update(|q| q.client_effort.hours_per_day = h) />
        </div>
        <p class="hint" data-testid="effort-assumptions">{assumptions}</p>
        <EffortChart comparison />
    }
}
