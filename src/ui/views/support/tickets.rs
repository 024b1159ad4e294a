//! §9.5, §9.6: incident tickets included, forecast, and their overage.

use leptos::prelude::*;

use crate::engine::document::support::ReviewPeriod;
use crate::engine::money::{parse_whole, Quantity};
use crate::engine::pricing::Location;
use crate::ui::format::date;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::th::Th;

#[component]
pub fn Tickets() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let plan = quote.with_untracked(|q| q.tickets.clone());
    let periods = move || {
        state.priced.with(|p| {
            let l = lang.get();
            p.as_ref().map(|p| {
                p.tickets
                    .periods
                    .iter()
                    .map(|t| {
                        view! {
                            <tr data-testid="ticket-period">
                                <td>{format!("{} → {}", date(t.from, l), date(t.to, l))}</td>
                                <td>{t.class.label(l)}</td>
                                <td class="num">{t.price.format(l)}</td>
                                <td class="num">{t.overage.to_string()}</td>
                                <td class="num">{t.amount.format(l)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="tickets-title">
            <h2 id="tickets-title">{move || lang.get().pick("Tickets d'incident (§9.5, §9.6)", "Incident tickets (§9.5, §9.6)")}</h2>
            <div class="grid-3">
                <div class="field">
                    <label for="tickets-included">{move || lang.get().pick("Inclus par mois", "Included per month")}</label>
                    <ParsedInput id="tickets-included" testid="tickets-included" initial=plan.included_per_month.to_string()
                        parse=move |t: &str| parse_whole(t, lang.get_untracked()).map_err(FieldError::Number)
                        on_valid=move |n| quote.update(|q| q.tickets.included_per_month = n) />
                </div>
                <div class="field">
                    <label for="tickets-forecast">{move || lang.get().pick("Prévus par mois", "Forecast per month")}</label>
                    <ParsedInput id="tickets-forecast" testid="tickets-forecast" initial=plan.forecast_per_month.to_string()
                        parse=move |t: &str| Quantity::parse(t, lang.get_untracked()).map_err(FieldError::Number)
                        on_valid=move |n| quote.update(|q| q.tickets.forecast_per_month = n) />
                </div>
                <label class="field">
                    <span>{move || lang.get().pick("Bilan par", "Reviewed per")}</span>
                    <select data-testid="tickets-review" on:change=move |ev| if let Some(r) = ReviewPeriod::from_key(&event_target_value(&ev)) { quote.update(|q| q.tickets.review = r) }>
                        {ReviewPeriod::ALL.into_iter().map(|r| view! {
                            <option value=r.key() selected=move || quote.with(|q| q.tickets.review == r)>{move || r.label(lang.get())}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <Hint fr="Le dépassement est facturé à chaque bilan, au prix du ticket du niveau le plus élevé parmi les environnements (§9.6)." en="Overage is billed at each review, at the ticket price of the highest level among environments (§9.6)." />
            <IssueNote location=Location::Tickets testid="tickets-issue" />
            <table class="lines" data-testid="ticket-periods">
                <thead><tr>
                    <Th fr="Période" en="Period" />
                    <Th fr="Classe" en="Class" />
                    <Th fr="Prix" en="Price" num=true />
                    <Th fr="Dépassement" en="Overage" num=true />
                    <Th fr="Montant" en="Amount" num=true />
                </tr></thead>
                <tbody>{periods}</tbody>
            </table>
        </section>
    }
}
