//! The service lines: pick from the catalogue, type a quantity, read the amount.

use std::collections::HashMap;

use leptos::prelude::*;

use super::add_line::AddLine;
use super::line_row::LineRow;
use super::row_model::RowModel;
use crate::engine::document::quote::{BuildBilling, LineId};
use crate::engine::pricing::PricedLine;
use crate::ui::state::use_state;
use crate::ui::widgets::th::Th;

#[component]
pub fn Lines() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let ids = move || quote.with(|q| q.lines.iter().map(|l| l.id).collect::<Vec<_>>());

    // Each row reads signals of its own, kept in step by one effect: an
    // edit re-renders only the rows whose line, price or messages changed.
    // (Hundreds of rows each subscribed to the whole quote made every edit
    // cost O(rows²) in the reactive graph: issue 7's latency profile.)
    let rows: StoredValue<HashMap<LineId, RowModel>> = StoredValue::new(HashMap::new());
    Effect::new(move |_| {
        quote.with(|q| {
            state.priced.with(|p| {
                let priced_lines: HashMap<LineId, &PricedLine> = p
                    .iter()
                    .flat_map(|p| p.lines.iter().map(|l| (l.id, l)))
                    .collect();
                rows.with_value(|rows| {
                    for line in &q.lines {
                        if let Some(row) = rows.get(&line.id) {
                            row.sync(line, priced_lines.get(&line.id).copied(), p.as_ref());
                        }
                    }
                })
            })
        })
    });
    let lots = Memo::new(move |_| {
        quote.with(|q| match &q.build_billing {
            Some(BuildBilling::Milestones { lots }) => lots
                .iter()
                .map(|l| (l.id, l.label.clone()))
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    });

    view! {
        <section class="card" aria-labelledby="lines-title">
            <h2 id="lines-title">{move || lang.get().pick("Services", "Services")}</h2>
            <AddLine />
            <table class="lines" data-testid="lines">
                <thead>
                    <tr>
                        <Th fr="Service" en="Service" />
                        <Th fr="Prix unitaire" en="Unit price" num=true />
                        <Th fr="Quantité" en="Quantity" num=true />
                        <Th fr="Montant" en="Amount" num=true />
                        <th scope="col"><span class="sr-only">{move || lang.get().pick("Actions", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=ids key=|id| *id let:id>
                        <LineRow id rows lots />
                    </For>
                </tbody>
            </table>
            <Show when=move || quote.with(|q| q.lines.is_empty())>
                <p class="empty" data-testid="lines-empty">
                    {move || lang.get().pick(
                        "Aucun service : choisissez un service du catalogue puis « Ajouter ».",
                        "No service yet: pick a catalogue service, then “Add”.",
                    )}
                </p>
            </Show>
        </section>
    }
}
