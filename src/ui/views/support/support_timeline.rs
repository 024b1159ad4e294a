//! §5.3: planned changes of support level, and the periods billed.

use leptos::prelude::*;

use super::change_row::ChangeRow;
use crate::engine::document::quote::{Quote, SupportChange};
use crate::engine::document::support::SupportLevel;
use crate::engine::timeline::next_month;
use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::th::Th;

#[component]
pub fn SupportTimeline() -> impl IntoView {
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
