//! §8.5.4: the changes carried out in the month (GTC).

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::change_row::ChangeRow;
use super::entries::{edit, ids, Report};
use crate::engine::document::credit_month::ChangeRecord;
use crate::engine::document::quote::Quote;
use crate::engine::document::support::EnvironmentKind;
use crate::ui::state::use_state;
use crate::ui::widgets::th::Th;

#[component]
pub fn ChangeList(report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let change_ids = move || ids::<ChangeRecord>(quote);
    view! {
        <h3>{move || lang.get().pick("Changements réalisés (GTC, §8.5.4)", "Changes carried out (GTC, §8.5.4)")}</h3>
        <div class="table-scroll">
            <table class="lines sla-records" data-testid="sla-changes">
                <thead>
                    <tr>
                        <Th fr="Environnement" en="Environment" />
                        <Th fr="Jetons (catalogue)" en="Tokens (catalogue)" num=true />
                        <Th fr="Accéléré" en="Accelerated" />
                        <Th fr="Hors heures ouvrées" en="Off hours" />
                        <Th fr="Réalisé en (h ouvrées)" en="Done in (business h)" num=true />
                        <Th fr="Résultat" en="Outcome" />
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=change_ids key=|id| *id let:id>
                        <ChangeRow id report />
                    </For>
                </tbody>
            </table>
        </div>
        <div class="actions">
            <button
                type="button"
                data-testid="sla-chg-add"
                on:click=move |_| edit(quote, priced, |s| {
                    let id = Quote::next_id(&s.changes, |c| c.id);
                    s.changes.push(ChangeRecord {
                        id,
                        environment: EnvironmentKind::Production,
                        tokens: 1,
                        accelerated: false,
                        off_hours: false,
                        duration_hours: Decimal::ZERO,
                    });
                })
            >
                {move || lang.get().pick("+ Changement", "+ Change")}
            </button>
        </div>
    }
}
