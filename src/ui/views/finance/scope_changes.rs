//! §9.4: the scope changes entered by hand (changes that are not lines of
//! the quote), and whether each raises the MRG (above 15 % of G).

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::quote::{Quote, ScopeChange};
use crate::engine::finance::mrg::ScopeSource;
use crate::engine::money::parse_decimal;
use crate::ui::finance_notes::scope_effect;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn ScopeChanges() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let scope_ids =
        move || quote.with(|q| q.mrg.scope_changes.iter().map(|c| c.id).collect::<Vec<_>>());
    let effect = move |id: u32| {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref().and_then(|m| {
                m.scope
                    .iter()
                    .find(|s| matches!(s.source, ScopeSource::Manual { id: i, .. } if i == id))
                    .map(|s| scope_effect(s, l))
            })
        })
    };
    view! {
        <h3>{move || lang.get().pick("Évolutions saisies (hors lignes du devis)", "Changes entered (not lines of the quote)")}</h3>
        <table class="lines">
            <tbody>
                <For each=scope_ids key=|id| *id let:id>
                    <tr data-testid="scope-row">
                        <td>
                            <DateInput id=format!("scope-date-{id}") testid="scope-date"
                                initial=quote.with_untracked(|q| q.mrg.scope_changes.iter().find(|c| c.id == id).map(|c| c.date))
                                on_valid=move |d| if let Some(d) = d { quote.update(|q| if let Some(c) = q.mrg.scope_changes.iter_mut().find(|c| c.id == id) { c.date = d }) } />
                        </td>
                        <td class="num">
                            <ParsedInput id=format!("scope-v-{id}") testid="scope-variation" class="qty-input"
                                initial=quote.with_untracked(|q| q.mrg.scope_changes.iter().find(|c| c.id == id).map(|c| c.variation.to_string()).unwrap_or_default())
                                parse=move |t: &str| parse_decimal(t, lang.get_untracked()).map_err(FieldError::Number)
                                on_valid=move |v| quote.update(|q| if let Some(c) = q.mrg.scope_changes.iter_mut().find(|c| c.id == id) { c.variation = v }) />
                        </td>
                        <td data-testid="scope-effect">{move || effect(id)}</td>
                        <td><RemoveButton on_remove=move || quote.update(|q| q.mrg.scope_changes.retain(|c| c.id != id)) /></td>
                    </tr>
                </For>
            </tbody>
        </table>
        <button type="button" data-testid="scope-add" on:click=move |_| quote.update(|q| {
            let id = Quote::next_id(&q.mrg.scope_changes, |c| c.id);
            let date = q.start_date.checked_add_months(chrono::Months::new(12)).unwrap_or(q.start_date);
            q.mrg.scope_changes.push(ScopeChange { id, date, label: String::new(), variation: Decimal::ZERO });
        })>{move || lang.get().pick("+ Évolution (variation du revenu de RUN, €)", "+ Change (run revenue variation, €)")}</button>
    }
}
