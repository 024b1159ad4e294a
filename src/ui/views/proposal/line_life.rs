//! A monthly line over time (SPEC §14 "Lines that stop or change"): the
//! day it ends and the quantities it changes to, each billed pro rata in
//! its month (§7). The engine flags a change outside the line or out of
//! order; the screen only edits the document.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::document::line_life::QuantityChange;
use crate::engine::document::quote::{LineId, QuoteLine};
use crate::engine::money::Quantity;
use crate::engine::pricing::PricedLine;
use crate::engine::timeline::next_month;
use crate::ui::format::{date, decimal};
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn LineLife(
    id: LineId,
    line: RwSignal<Option<QuoteLine>>,
    priced: RwSignal<Option<PricedLine>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    // Rows are rebuilt with fresh values when a change is added or removed,
    // never while one is typed in.
    let version = RwSignal::new(0u32);
    let initial_end = line.with_untracked(|l| l.as_ref().and_then(|l| l.ends_on));
    let open = line.with_untracked(|l| l.as_ref().is_some_and(QuoteLine::changes_over_time));
    let end_id = format!("ends-{}", id.0);
    let add = move |_| {
        let start = quote.with_untracked(|q| q.start_date);
        quote.update(|q| {
            if let Some(l) = q.line_mut(id) {
                let last = l.quantity_changes.last();
                let after = last.map_or(start, |c| c.date);
                let quantity = last.map_or(l.quantity, |c| c.quantity);
                let date = next_month(after).unwrap_or(after);
                l.quantity_changes.push(QuantityChange { date, quantity });
            }
        });
        version.update(|v| *v += 1);
    };
    let rows = move || {
        let v = version.get();
        let n = line.with_untracked(|l| l.as_ref().map_or(0, |l| l.quantity_changes.len()));
        (0..n).map(|i| (v, i)).collect::<Vec<_>>()
    };
    view! {
        <details class="line-life" open=open data-testid="line-life">
            <summary>
                {move || lang.get().pick("Évolution dans le temps", "Over time")}
                <span class="line-detail" data-testid="line-life-summary">{move || summary(priced.get(), lang.get())}</span>
            </summary>
            <div class="line-options">
                <label class="inline" for=end_id.clone()>
                    {move || lang.get().pick("Se termine le", "Ends on")}
                </label>
                <DateInput
                    id=end_id
                    testid="line-ends-on"
                    initial=initial_end
                    optional=true
                    on_valid=move |d| quote.update(|q| if let Some(l) = q.line_mut(id) { l.ends_on = d })
                />
                <button type="button" class="secondary" data-testid="line-change-add" on:click=add>
                    {move || lang.get().pick("+ Changement de quantité", "+ Quantity change")}
                </button>
            </div>
            <For each=rows key=|k| *k let:key>
                <ChangeRow id index=key.1 line version />
            </For>
        </details>
    }
}

/// One quantity change: from its date, the quantity billed.
#[component]
fn ChangeRow(
    id: LineId,
    index: usize,
    line: RwSignal<Option<QuoteLine>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let change = line.with_untracked(|l| {
        l.as_ref()
            .and_then(|l| l.quantity_changes.get(index).copied())
    });
    let date_id = format!("change-{}-{index}-date", id.0);
    let qty_id = format!("change-{}-{index}-qty", id.0);
    let edit = move |f: &dyn Fn(&mut QuantityChange)| {
        quote.update(|q| {
            if let Some(c) = q
                .line_mut(id)
                .and_then(|l| l.quantity_changes.get_mut(index))
            {
                f(c);
            }
        });
    };
    let on_date = move |d: Option<NaiveDate>| {
        if let Some(d) = d {
            edit(&|c| c.date = d);
        }
    };
    let on_qty = move |n: Quantity| edit(&|c| c.quantity = n);
    let remove = move || {
        quote.update(|q| {
            if let Some(l) = q.line_mut(id) {
                if index < l.quantity_changes.len() {
                    l.quantity_changes.remove(index);
                }
            }
        });
        version.update(|v| *v += 1);
    };
    view! {
        <div class="line-options" data-testid="line-change">
            <label class="inline" for=date_id.clone()>{move || lang.get().pick("À partir du", "From")}</label>
            <DateInput
                id=date_id
                testid="line-change-date"
                initial=change.map(|c| c.date)
                on_valid=on_date
            />
            <label class="inline" for=qty_id.clone()>{move || lang.get().pick("quantité", "quantity")}</label>
            <ParsedInput
                id=qty_id
                testid="line-change-qty"
                class="qty-input"
                initial=change.map(|c| c.quantity.to_string()).unwrap_or_default()
                parse=move |t: &str| Quantity::parse(t, lang.get_untracked()).map_err(FieldError::Number)
                on_valid=on_qty
            />
            <RemoveButton fr="Retirer le changement" en="Remove the change" testid="line-change-remove" on_remove=remove />
        </div>
    }
}

/// `20 → 12 le 16/07/2027 → 16 le 01/01/2028 · fin le 10/03/2028`, as the
/// engine billed it (what it left out is not shown).
fn summary(priced: Option<PricedLine>, l: crate::engine::lang::Lang) -> String {
    let Some(p) = priced else {
        return String::new();
    };
    let mut parts = Vec::new();
    if p.periods.len() > 1 {
        let mut text = decimal(p.periods[0].quantity.as_decimal(), l);
        for period in &p.periods[1..] {
            text.push_str(&format!(
                " → {} {} {}",
                decimal(period.quantity.as_decimal(), l),
                l.pick("le", "on"),
                date(period.from, l)
            ));
        }
        parts.push(text);
    }
    if let Some(end) = p.ends_on {
        parts.push(format!("{} {}", l.pick("fin le", "ends on"), date(end, l)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" · {}", parts.join(" · "))
    }
}
