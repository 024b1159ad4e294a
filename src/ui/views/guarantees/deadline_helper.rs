//! The deadline of an incident, change or quotation request opened at a
//! given time, in the hours its support level covers (§8.3).

use chrono::NaiveDateTime;
use leptos::prelude::*;

use crate::engine::document::credit_month::Priority;
use crate::engine::document::support::{EnvironmentKind, SupportLevel};
use crate::engine::service_levels::{deadline, ChangeKind, DeadlineOf, ServiceLevels};
use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;

#[component]
pub fn DeadlineHelper() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let tables = ServiceLevels::builtin();
    let start = RwSignal::new(None::<NaiveDateTime>);
    let kind = RwSignal::new("p1".to_string());
    let environment = RwSignal::new(EnvironmentKind::Production);
    let level_of = move |env: EnvironmentKind| -> Option<SupportLevel> {
        quote.with(|q| {
            q.environments
                .iter()
                .find(|e| e.kind == env)
                .map(|e| e.support)
        })
    };
    let result = move || -> Option<Result<String, String>> {
        let l = lang.get();
        let start = start.get()?;
        let env = environment.get();
        let Some(level) = level_of(env) else {
            return Some(Err(l
                .pick(
                    "Cet environnement n'est pas souscrit au devis.",
                    "This environment is not subscribed in the quote.",
                )
                .into()));
        };
        let k = kind.get();
        let of = if let Some(p) = Priority::from_key(&k) {
            DeadlineOf::Incident(p)
        } else if k == "quotation" {
            DeadlineOf::Quotation
        } else {
            DeadlineOf::Change(ChangeKind::ALL.into_iter().find(|c| c.key() == k)?)
        };
        let production = env == EnvironmentKind::Production;
        Some(match deadline(tables, of, level, production, start) {
            Ok(Some((c, due))) => Ok(format!(
                "{} {} {} ({} : {})",
                l.pick("Échéance :", "Due:"),
                date(due.date(), l),
                due.format("%H:%M"),
                level.label(l),
                c.describe(l)
            )),
            Ok(None) => Err(l
                .pick(
                    "Pas d'engagement pour ce cas à ce niveau de support.",
                    "No commitment for this case at this support level.",
                )
                .into()),
            Err(e) => Err(e.message(l).into()),
        })
    };
    view! {
        <div class="helper">
            <h3>{move || lang.get().pick("Échéance en heures couvertes", "Deadline in covered hours")}</h3>
            <label class="field">
                <span>{move || lang.get().pick("Ouverture (heure de Paris)", "Opened (Paris time)")}</span>
                <input
                    type="datetime-local"
                    data-testid="deadline-start"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        start.set(NaiveDateTime::parse_from_str(v.trim(), "%Y-%m-%dT%H:%M").ok());
                    }
                />
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Pour", "For")}</span>
                <select data-testid="deadline-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {Priority::ALL[..3]
                        .iter()
                        .map(|p| view! {
                            <option value=p.key()>{move || format!("{} {}", lang.get().pick("Incident", "Incident"), p.label())}</option>
                        })
                        .collect_view()}
                    {ChangeKind::ALL
                        .into_iter()
                        .map(|k| view! { <option value=k.key()>{move || k.label(lang.get())}</option> })
                        .collect_view()}
                    <option value="quotation">{move || lang.get().pick("Demande de cotation", "Request for quotation")}</option>
                </select>
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Environnement", "Environment")}</span>
                <select
                    data-testid="deadline-env"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(e) = EnvironmentKind::ALL.into_iter().find(|e| e.key() == v) {
                            environment.set(e);
                        }
                    }
                >
                    {EnvironmentKind::ALL
                        .into_iter()
                        .map(|e| view! { <option value=e.key()>{move || e.label(lang.get())}</option> })
                        .collect_view()}
                </select>
            </label>
            <p class="deadline" data-testid="deadline-result" aria-live="polite">
                {move || match result() {
                    None => lang.get().pick("Choisissez un moment d'ouverture.", "Choose when it was opened.").to_string(),
                    Some(Ok(t)) | Some(Err(t)) => t,
                }}
            </p>
            <Hint
                fr="Jours ouvrés 9h–18h du lundi au vendredi, jours fériés de France métropolitaine exclus (§8.3, §10). P1 et P2 de production : 24h/24 7j/7."
                en="Business days 09:00–18:00 Monday to Friday, metropolitan French public holidays excluded (§8.3, §10). Production P1 and P2: 24/7."
            />
        </div>
    }
}
