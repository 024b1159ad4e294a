//! The service lines: pick from the catalogue, type a quantity, read the amount.

use leptos::prelude::*;

use crate::engine::catalog::Family;
use crate::engine::lang::Lang;
use crate::engine::money::Quantity;
use crate::engine::pricebook::Text;
use crate::engine::pricing::Location;
use crate::engine::quote::LineId;
use crate::ui::i18n::{quote_issue, FieldError};
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;

fn text(t: &Text, lang: Lang) -> String {
    match lang {
        Lang::Fr => t.fr.clone(),
        Lang::En => t.en.clone(),
    }
}

#[component]
pub fn Lines() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let first_code = state
        .book
        .with_value(|b| b.items.first().map(|i| i.code.clone()))
        .unwrap_or_default();
    let picked = RwSignal::new(first_code);
    let ids = move || quote.with(|q| q.lines.iter().map(|l| l.id).collect::<Vec<_>>());

    let catalogue = move || {
        let lang = lang.get();
        state.book.with_value(|b| {
            Family::ALL
                .into_iter()
                .filter(|f| b.items.iter().any(|i| i.family == *f))
                .map(|f| {
                    let options = b
                        .items
                        .iter()
                        .filter(|i| i.family == f)
                        .map(|i| {
                            let code = i.code.clone();
                            let selected = picked.with_untracked(|p| *p == code);
                            view! {
                                <option value=code selected=selected>
                                    {format!("{} — {}", text(&i.name, lang), i.price.format(lang))}
                                </option>
                            }
                        })
                        .collect_view();
                    view! { <optgroup label=f.label(lang)>{options}</optgroup> }
                })
                .collect_view()
        })
    };

    view! {
        <section class="card" aria-labelledby="lines-title">
            <h2 id="lines-title">{move || lang.get().pick("Services", "Services")}</h2>
            <div class="add-line">
                <label for="add-item" class="sr-only">
                    {move || lang.get().pick("Service du catalogue", "Catalogue service")}
                </label>
                <select
                    id="add-item"
                    data-testid="add-item-select"
                    on:change=move |ev| picked.set(event_target_value(&ev))
                >
                    {catalogue}
                </select>
                <button
                    type="button"
                    class="primary"
                    data-testid="add-item-button"
                    on:click=move |_| {
                        let code = picked.get_untracked();
                        if !code.is_empty() {
                            quote.update(|q| {
                                q.add_line(&code);
                            });
                        }
                    }
                >
                    {move || lang.get().pick("Ajouter", "Add")}
                </button>
            </div>
            <table class="lines" data-testid="lines">
                <thead>
                    <tr>
                        <th scope="col">{move || lang.get().pick("Service", "Service")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("Prix unitaire", "Unit price")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("Quantité", "Quantity")}</th>
                        <th scope="col" class="num">{move || lang.get().pick("Montant", "Amount")}</th>
                        <th scope="col"><span class="sr-only">{move || lang.get().pick("Actions", "Actions")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=ids key=|id| *id let:id>
                        <LineRow id />
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

#[component]
fn LineRow(id: LineId) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let (code, initial) = quote.with_untracked(|q| {
        q.lines
            .iter()
            .find(|l| l.id == id)
            .map(|l| (l.item.clone(), l.quantity.to_string()))
            .unwrap_or_default()
    });
    let item = state.book.with_value(|b| b.item(&code).cloned());
    let name = {
        let item = item.clone();
        let code = code.clone();
        move || match &item {
            Some(i) => text(&i.name, lang.get()),
            None => code.clone(),
        }
    };
    let detail = {
        let item = item.clone();
        move || {
            item.as_ref().map(|i| {
                let l = lang.get();
                let per = i.unit.label(l);
                let clause = i.clause.clone().unwrap_or_default();
                format!("{} · {} / {} · {}", i.charge.label(l), i.code, per, clause)
            })
        }
    };
    let unit_price = move || {
        item.as_ref()
            .map(|i| i.price.format(lang.get()))
            .unwrap_or_else(|| "—".into())
    };
    let amount = move || {
        state.priced.with(|p| {
            p.as_ref()
                .and_then(|p| p.lines.iter().find(|l| l.id == id))
                .map(|l| l.amount.format(lang.get()))
                .unwrap_or_else(|| "—".into())
        })
    };
    let issues = move || {
        state.priced.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.issues_at(Location::Line(id))
                        .map(|i| quote_issue(i, lang.get()))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default()
        })
    };
    let input_id = format!("qty-{}", id.0);
    view! {
        <tr data-testid="line-row" data-code=code>
            <td>
                <div class="line-name">{name}</div>
                <div class="line-detail">{detail}</div>
                <div class="row-note" data-testid="line-issue" role="status">{issues}</div>
            </td>
            <td class="num">{unit_price}</td>
            <td class="num qty">
                <label for=input_id.clone() class="sr-only">{move || lang.get().pick("Quantité", "Quantity")}</label>
                <ParsedInput
                    id=input_id
                    testid="line-qty"
                    class="qty-input"
                    initial=initial
                    parse=|t: &str| Quantity::parse(t).map_err(FieldError::Number)
                    on_valid=move |q| quote.update(|doc| doc.set_quantity(id, q))
                />
            </td>
            <td class="num amount" data-testid="line-amount">{amount}</td>
            <td>
                <button
                    type="button"
                    class="icon"
                    data-testid="line-remove"
                    aria-label=move || lang.get().pick("Retirer la ligne", "Remove line")
                    on:click=move |_| quote.update(|q| q.remove_line(id))
                >"✕"</button>
            </td>
        </tr>
    }
}
