//! §6, §11: off-catalogue lines quoted specifically, and what the flat fee
//! does not cover.

use leptos::prelude::*;

use super::specific_row::SpecificRow;
use crate::engine::document::catalog::Charge;
use crate::engine::document::quote::{Quote, SpecificLine};
use crate::engine::money::Money;
use crate::engine::pricing::out_of_flat_fee::out_of_flat_fee;
use crate::ui::format::text;
use crate::ui::state::use_state;

#[component]
pub fn SpecificLines() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let ids = move || quote.with(|q| q.specific.iter().map(|s| s.id).collect::<Vec<_>>());
    view! {
        <section class="card" aria-labelledby="specific-title">
            <h2 id="specific-title">{move || lang.get().pick("Lignes sur devis spécifique (§6, §11)", "Specifically quoted lines (§6, §11)")}</h2>
            <p class="hint" data-testid="out-of-flat-fee">
                {move || {
                    let l = lang.get();
                    let items: Vec<String> = out_of_flat_fee().iter().map(|t| text(t, l)).collect();
                    format!("{} {} (§11).", l.pick("Hors forfait, sur devis ou en jetons :", "Outside the flat fee, on quote or in tokens:"), items.join(l.pick(" ; ", "; ")))
                }}
            </p>
            <table class="lines">
                <tbody>
                    <For each=ids key=|id| *id let:id>
                        <SpecificRow id />
                    </For>
                </tbody>
            </table>
            <button
                type="button"
                data-testid="specific-add"
                on:click=move |_| quote.update(|q| {
                    let id = Quote::next_id(&q.specific, |s| s.id);
                    q.specific.push(SpecificLine {
                        id,
                        label: String::new(),
                        amount: Money::ZERO,
                        charge: Charge::OneTime,
                        date: None,
                    });
                })
            >
                {move || lang.get().pick("+ Ligne spécifique", "+ Specific line")}
            </button>
        </section>
    }
}
