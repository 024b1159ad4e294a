//! §6, §12: the change plan in tokens, the pack and its suggestion, fixed
//! capacity, and a business-hours checker.

use chrono::NaiveDateTime;
use leptos::prelude::*;

use crate::engine::calendar::{off_hours_reason, OffHoursReason};
use crate::engine::document::quote::{PlannedChange, Quote};
use crate::engine::lang::Lang;
use crate::engine::money::{parse_whole, Quantity};
use crate::engine::pricing::tokens::{PackOption, MAX_ACCELERATED_PER_YEAR};
use crate::engine::pricing::Location;
use crate::ui::format::text;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::th::Th;

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
pub fn TokensView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let ids = move || quote.with(|q| q.tokens.changes.iter().map(|c| c.id).collect::<Vec<_>>());
    let tokens = move || state.priced.with(|p| p.as_ref().map(|p| p.tokens.clone()));
    let first_change = state
        .book
        .with(|b| b.changes.first().map(|c| c.code.clone()))
        .unwrap_or_default();
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
        <section class="card" aria-labelledby="tokens-title">
            <h2 id="tokens-title">{move || lang.get().pick("Plan de changements en jetons (§6)", "Change plan in tokens (§6)")}</h2>
            <Hint fr="1 jeton = 30 minutes. Hors heures ouvrées (9 h–18 h, lundi–vendredi, hors jours fériés, heure de Paris) x2 ; accéléré x2 (6 par an au plus) ; les deux x4." en="1 token = 30 minutes. Outside business hours (9:00–18:00, Monday–Friday, French holidays excluded, Paris time) x2; accelerated x2 (at most 6 a year); both x4." />
            <table class="lines" data-testid="token-changes">
                <thead><tr>
                    <Th fr="Changement" en="Change" />
                    <Th fr="Par an" en="Per year" num=true />
                    <Th fr="Hors heures" en="Off hours" />
                    <Th fr="Accéléré" en="Accelerated" />
                    <Th fr="Jetons / an" en="Tokens / year" num=true />
                    <th scope="col"></th>
                </tr></thead>
                <tbody>
                    <For each=ids key=|id| *id let:id>
                        <ChangeRow id />
                    </For>
                </tbody>
            </table>
            <button type="button" data-testid="token-change-add" on:click=move |_| {
                let code = first_change.clone();
                quote.update(|q| {
                    let id = Quote::next_id(&q.tokens.changes, |c| c.id);
                    q.tokens.changes.push(PlannedChange { id, change: code, per_year: 12, off_hours: false, accelerated: false });
                })
            }>
                {move || lang.get().pick("+ Changement", "+ Change")}
            </button>
            <p class="hint" data-testid="accelerated-count">
                {move || tokens().map(|t| format!("{} {} / {MAX_ACCELERATED_PER_YEAR}", lang.get().pick("Changements accélérés par an :", "Accelerated changes a year:"), t.accelerated_per_year))}
            </p>
        </section>
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
        <OffHoursChecker />
    }
}

#[component]
fn ChangeRow(id: u32) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let Some(change) =
        quote.with_untracked(|q| q.tokens.changes.iter().find(|c| c.id == id).cloned())
    else {
        return ().into_any();
    };
    let update = move |f: &dyn Fn(&mut PlannedChange)| {
        quote.update(|q| {
            if let Some(c) = q.tokens.changes.iter_mut().find(|c| c.id == id) {
                f(c)
            }
        })
    };
    let current = move || quote.with(|q| q.tokens.changes.iter().find(|c| c.id == id).cloned());
    let catalogue = state.book.with(|b| b.changes.clone());
    let priced = move || {
        state.priced.with(|p| {
            p.as_ref().and_then(|p| {
                p.tokens
                    .changes
                    .iter()
                    .find(|c| c.id == id)
                    .map(|c| c.tokens_per_year)
            })
        })
    };
    view! {
        <tr data-testid="token-change">
            <td>
                <select data-testid="token-change-code" aria-label=move || lang.get().pick("Changement", "Change")
                    on:change=move |ev| { let v = event_target_value(&ev); update(&|c| c.change = v.clone()) }>
                    {catalogue.into_iter().map(|c| {
                        let code = c.code.clone();
                        let code2 = c.code.clone();
                        view! {
                            <option value=code selected=move || current().is_some_and(|x| x.change == code2)>
                                {move || format!("{} ({} {})", text(&c.name, lang.get()), c.tokens, lang.get().pick("jeton(s)", "token(s)"))}
                            </option>
                        }
                    }).collect_view()}
                </select>
                <IssueNote location=Location::TokenChange(id) testid="token-change-issue" />
            </td>
            <td class="num">
                <ParsedInput id=format!("per-year-{id}") testid="token-change-per-year" class="qty-input" initial=change.per_year.to_string()
                    parse=|t: &str| parse_whole(t).map_err(FieldError::Number)
                    on_valid=move |n| update(&|c| c.per_year = n) />
            </td>
            <td>
                <input type="checkbox" data-testid="token-change-off-hours"
                    aria-label=move || lang.get().pick("Hors heures ouvrées", "Off hours")
                    prop:checked=move || current().is_some_and(|c| c.off_hours)
                    on:change=move |ev| { let on = event_target_checked(&ev); update(&|c| c.off_hours = on) } />
            </td>
            <td>
                <input type="checkbox" data-testid="token-change-accelerated"
                    aria-label=move || lang.get().pick("Accéléré", "Accelerated")
                    prop:checked=move || current().is_some_and(|c| c.accelerated)
                    on:change=move |ev| { let on = event_target_checked(&ev); update(&|c| c.accelerated = on) } />
            </td>
            <td class="num" data-testid="token-change-tokens">{move || priced().map(|t| t.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td>
                <RemoveButton on_remove=move || quote.update(|q| q.tokens.changes.retain(|c| c.id != id)) />
            </td>
        </tr>
    }
    .into_any()
}

/// §6, §10: tells whether a date and time (Paris) is within business hours.
#[component]
fn OffHoursChecker() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let when = RwSignal::new(None::<NaiveDateTime>);
    let verdict = move || {
        let l = lang.get();
        when.get().map(|at| match off_hours_reason(at) {
            None => l
                .pick(
                    "Heures ouvrées : tarif normal.",
                    "Business hours: normal rate.",
                )
                .to_owned(),
            Some(reason) => {
                let why = match reason {
                    OffHoursReason::Weekend => l.pick("week-end", "weekend").to_owned(),
                    OffHoursReason::Holiday(h) => format!(
                        "{} ({})",
                        l.pick("jour férié", "public holiday"),
                        h.label(l)
                    ),
                    OffHoursReason::BeforeOpening => l.pick("avant 9 h", "before 9:00").to_owned(),
                    OffHoursReason::AfterClosing => l.pick("après 18 h", "after 18:00").to_owned(),
                };
                format!(
                    "{} {why} — x2 (§6).",
                    l.pick("Hors heures ouvrées :", "Outside business hours:")
                )
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="hours-title">
            <h2 id="hours-title">{move || lang.get().pick("Heures ouvrées ?", "Business hours?")}</h2>
            <div class="field narrow">
                <label for="hours-at">{move || lang.get().pick("Date et heure du changement (heure de Paris)", "Date and time of the change (Paris time)")}</label>
                <input type="datetime-local" id="hours-at" data-testid="hours-at"
                    on:input=move |ev| when.set(NaiveDateTime::parse_from_str(&event_target_value(&ev), "%Y-%m-%dT%H:%M").ok()) />
            </div>
            <p data-testid="hours-verdict" role="status">{verdict}</p>
        </section>
    }
}
