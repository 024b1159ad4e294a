//! §5: support level timeline, governance and tickets.

use leptos::prelude::*;

use crate::engine::document::quote::{Quote, SupportChange};
use crate::engine::document::support::{ReviewPeriod, SupportLevel};
use crate::engine::money::{parse_whole, Quantity};
use crate::engine::pricing::Location;
use crate::engine::timeline::next_month;
use crate::ui::format::date;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::th::Th;

#[component]
pub fn SupportAndTickets() -> impl IntoView {
    view! {
        <Governance />
        <SupportTimeline />
        <Tickets />
    }
}

#[component]
fn Governance() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <section class="card" aria-labelledby="gov-title">
            <h2 id="gov-title">{move || lang.get().pick("Gouvernance (§6.1)", "Governance (§6.1)")}</h2>
            <Hint fr="Service Delivery Manager et Contract Business Manager : obligatoires dès qu'un environnement est en Premium, indisponibles sinon (§6.1.1, §6.1.2 ; un projet en Initial seul est traité comme un projet en Standard seul). Ajoutez-les comme lignes « Gouvernance » dans l'onglet Proposition ; les expertises (architecture, DevOps, SRE, DRE) sont en régie." en="Service Delivery Manager and Contract Business Manager: mandatory once an environment is Premium, unavailable otherwise (§6.1.1, §6.1.2; an Initial-only project is treated like a Standard-only one). Add them as “Governance” lines in the Proposal tab; expertise (architecture, DevOps, SRE, DRE) is time and material." />
            <IssueNote location=Location::Governance testid="governance-issue" />
        </section>
    }
}

#[component]
fn SupportTimeline() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let ids = move || quote.with(|q| q.support_changes.iter().map(|c| c.id).collect::<Vec<_>>());
    let segments =
        move || {
            state.priced.with(|p| {
                let l = lang.get();
                p.as_ref().map(|p| {
                    p.support
                    .iter()
                    .flat_map(|s| s.segments.iter().map(move |seg| (s.environment, seg.clone())))
                    .map(|(env, seg)| view! {
                        <tr data-testid="support-segment">
                            <td>{env.label(l)}</td>
                            <td>{format!("{} → {}", date(seg.from, l), date(seg.to, l))}</td>
                            <td>{seg.level.label(l)}</td>
                            <td class="num">{seg.monthly.format(l)}</td>
                            <td>{date(seg.committed_until, l)}</td>
                        </tr>
                    })
                    .collect_view()
                })
            })
        };
    view! {
        <section class="card" aria-labelledby="support-title">
            <h2 id="support-title">{move || lang.get().pick("Évolution du support (§5.3)", "Support timeline (§5.3)")}</h2>
            <Hint fr="Souscription de 6 mois minimum ; pendant l'engagement le niveau ne peut qu'augmenter ; chaque montée de niveau réengage 6 mois ; un changement prend effet le 1er d'un mois." en="6-month minimum subscription; while committed the level can only go up; each upgrade commits 6 more months; a change takes effect on the 1st of a month." />
            <table class="lines" data-testid="support-changes">
                <thead><tr>
                    <Th fr="Environnement" en="Environment" />
                    <Th fr="À partir du" en="From" />
                    <Th fr="Niveau" en="Level" />
                    <th scope="col"></th>
                </tr></thead>
                <tbody>
                    <For each=ids key=|id| *id let:id>
                        <ChangeRow id />
                    </For>
                </tbody>
            </table>
            <button type="button" data-testid="support-change-add" on:click=move |_| quote.update(|q| {
                let Some(env) = q.environments.first().map(|e| e.kind) else { return };
                let id = Quote::next_id(&q.support_changes, |c| c.id);
                let date = q.start_date.checked_add_months(chrono::Months::new(6)).and_then(|d| next_month(d.pred_opt().unwrap_or(d))).unwrap_or(q.start_date);
                q.support_changes.push(SupportChange { id, date, environment: env, level: SupportLevel::Premium });
            })>
                {move || lang.get().pick("+ Changement de niveau", "+ Level change")}
            </button>
            <h3>{move || lang.get().pick("Périodes facturées", "Billed periods")}</h3>
            <table class="lines">
                <thead><tr>
                    <Th fr="Environnement" en="Environment" />
                    <Th fr="Période" en="Period" />
                    <Th fr="Niveau" en="Level" />
                    <Th fr="Par mois" en="Per month" num=true />
                    <Th fr="Engagé jusqu'au" en="Committed until" />
                </tr></thead>
                <tbody>{segments}</tbody>
            </table>
        </section>
    }
}

#[component]
fn ChangeRow(id: u32) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let Some(change) =
        quote.with_untracked(|q| q.support_changes.iter().find(|c| c.id == id).copied())
    else {
        return ().into_any();
    };
    let update = move |f: &dyn Fn(&mut SupportChange)| {
        quote.update(|q| {
            if let Some(c) = q.support_changes.iter_mut().find(|c| c.id == id) {
                f(c)
            }
        })
    };
    let envs = move || quote.with(|q| q.environments.iter().map(|e| e.kind).collect::<Vec<_>>());
    let current = move || quote.with(|q| q.support_changes.iter().find(|c| c.id == id).copied());
    view! {
        <tr data-testid="support-change">
            <td>
                <select data-testid="support-change-env"
                    aria-label=move || lang.get().pick("Environnement", "Environment")
                    on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(kind) = crate::engine::document::support::EnvironmentKind::ALL.into_iter().find(|k| k.key() == key) {
                            update(&|c| c.environment = kind);
                        }
                    }>
                    {move || envs().into_iter().map(|k| view! {
                        <option value=k.key() selected=move || current().is_some_and(|c| c.environment == k)>{k.label(lang.get())}</option>
                    }).collect_view()}
                </select>
                <IssueNote location=Location::SupportChange(id) testid="support-change-issue" />
            </td>
            <td>
                <DateInput id=format!("support-change-date-{id}") testid="support-change-date" initial=Some(change.date)
                    on_valid=move |d| if let Some(d) = d { update(&|c| c.date = d) } />
            </td>
            <td>
                <select data-testid="support-change-level"
                    aria-label=move || lang.get().pick("Niveau", "Level")
                    on:change=move |ev| if let Some(l) = SupportLevel::from_key(&event_target_value(&ev)) { update(&|c| c.level = l) }>
                    {SupportLevel::ALL.into_iter().map(|l| view! {
                        <option value=l.key() selected=move || current().is_some_and(|c| c.level == l)>{move || l.label(lang.get())}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <RemoveButton on_remove=move || quote.update(|q| q.support_changes.retain(|c| c.id != id)) />
            </td>
        </tr>
    }
    .into_any()
}

#[component]
fn Tickets() -> impl IntoView {
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
                        parse=|t: &str| parse_whole(t).map_err(FieldError::Number)
                        on_valid=move |n| quote.update(|q| q.tickets.included_per_month = n) />
                </div>
                <div class="field">
                    <label for="tickets-forecast">{move || lang.get().pick("Prévus par mois", "Forecast per month")}</label>
                    <ParsedInput id="tickets-forecast" testid="tickets-forecast" initial=plan.forecast_per_month.to_string()
                        parse=|t: &str| Quantity::parse(t).map_err(FieldError::Number)
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
