//! §6: the changes planned in tokens, per year, off hours or accelerated.

use leptos::prelude::*;

use super::change_row::ChangeRow;
use crate::engine::document::quote::{PlannedChange, Quote};
use crate::engine::pricing::tokens::MAX_ACCELERATED_PER_YEAR;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::th::Th;

#[component]
pub fn ChangePlan() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let ids = move || quote.with(|q| q.tokens.changes.iter().map(|c| c.id).collect::<Vec<_>>());
    let tokens = move || state.priced.with(|p| p.as_ref().map(|p| p.tokens.clone()));
    let first_change = state
        .book
        .with(|b| b.changes.first().map(|c| c.code.clone()))
        .unwrap_or_default();
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
    }
}
