//! The options under a line's name: build model, whether a No Build
//! resource is already onboarded (§4.1), build lot, order date, and the
//! services it uses (§7.1.2).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::use_chip::UseChip;
use crate::engine::document::catalog::{BuildModel, Family};
use crate::engine::document::quote::{LineId, QuoteLine};
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;

#[component]
pub fn LineOptions(
    id: LineId,
    line: RwSignal<Option<QuoteLine>>,
    buildable: bool,
    needs_build: bool,
    may_use: Vec<Family>,
    lots: Memo<Vec<(u32, String)>>,
    initial_order: Option<NaiveDate>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let lots = move || lots.get();
    let current = move || line.get();
    let order_id = format!("order-{}", id.0);
    view! {
        <div class="line-options">
            <Show when=move || buildable>
                <select
                    data-testid="line-build"
                    aria-label=move || lang.get().pick("Modèle de build", "Build model")
                    on:change=move |ev| {
                        if let Some(m) = BuildModel::from_key(&event_target_value(&ev)) {
                            quote.update(|q| if let Some(l) = q.line_mut(id) { l.build = m });
                        }
                    }
                >
                    {BuildModel::ALL.into_iter().map(|m| view! {
                        <option value=m.key() selected=move || current().is_some_and(|l| l.build == m)>
                            {move || m.label(lang.get())}
                        </option>
                    }).collect_view()}
                </select>
            </Show>
            // §4.1: with No Build the resource is not managed by this
            // contract, unless it is taken over from an earlier one.
            <Show when=move || needs_build && current().is_some_and(|l| l.build == BuildModel::NoBuild)>
                <label class="inline" title=move || lang.get().pick(
                    "La ressource est déjà managée, reprise d'un contrat précédent : elle garde ses engagements de service sans build (§4.1).",
                    "The resource is already managed, taken over from an earlier contract: it keeps its service-level guarantees without a build (§4.1).",
                )>
                    <input
                        type="checkbox"
                        data-testid="line-onboarded"
                        prop:checked=move || current().is_some_and(|l| l.onboarded)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            quote.update(|q| if let Some(l) = q.line_mut(id) { l.onboarded = on });
                        }
                    />
                    {move || lang.get().pick("déjà pris en gestion", "already onboarded")}
                </label>
            </Show>
            <Show when=move || !lots().is_empty()>
                <select
                    data-testid="line-lot"
                    aria-label=move || lang.get().pick("Lot de build", "Build lot")
                    on:change=move |ev| {
                        let lot = event_target_value(&ev).parse::<u32>().ok();
                        quote.update(|q| if let Some(l) = q.line_mut(id) { l.lot = lot });
                    }
                >
                    <option value="" selected=move || current().is_some_and(|l| l.lot.is_none())>
                        {move || lang.get().pick("Fin du build", "End of build")}
                    </option>
                    {move || lots().into_iter().map(|(lot, label)| view! {
                        <option value=lot.to_string() selected=move || current().is_some_and(|l| l.lot == Some(lot))>
                            {format!("{} {lot} — {label}", lang.get().pick("Lot", "Lot"))}
                        </option>
                    }).collect_view()}
                </select>
            </Show>
            <label class="inline" for=order_id.clone()>
                {move || lang.get().pick("Commandé le", "Ordered on")}
            </label>
            <DateInput
                id=order_id
                testid="line-ordered-on"
                initial=initial_order
                optional=true
                on_valid=move |d| quote.update(|q| if let Some(l) = q.line_mut(id) { l.ordered_on = d })
            />
            {may_use.into_iter().map(|f| view! { <UseChip id family=f line /> }).collect_view()}
        </div>
    }
}
