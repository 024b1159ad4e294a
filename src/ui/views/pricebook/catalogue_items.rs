//! The draft's catalogue items, and adding one as a copy of another.

use leptos::prelude::*;

use super::item_row::ItemRow;
use crate::engine::document::pricebook::PriceBook;
use crate::ui::state::use_state;
use crate::ui::widgets::th::Th;

#[component]
pub fn CatalogueItems(draft: RwSignal<PriceBook>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let d = draft.get_untracked();
    let item_codes =
        move || draft.with(|b| b.items.iter().map(|i| i.code.clone()).collect::<Vec<_>>());
    let new_code = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let copy_of = RwSignal::new(d.items.first().map(|i| i.code.clone()).unwrap_or_default());
    view! {
        <h3>{move || lang.get().pick("Articles du catalogue", "Catalogue items")}</h3>
        <div class="table-scroll">
            <table class="lines pricebook-items">
                <thead><tr>
                    <Th fr="Code" en="Code" /><Th fr="Désignation" en="Name" /><Th fr="Famille" en="Family" />
                    <Th fr="Unité / facturation" en="Unit / billing" /><Th fr="Prix" en="Price" num=true /><Th fr="Prix propre Co-Managed / Full DevOps (vide : aucun)" en="Own price Co-Managed / Full DevOps (empty: none)" num=true /><Th fr="Palier" en="Tiered" /><th></th>
                </tr></thead>
                <tbody>
                    <For each=item_codes key=|c| c.clone() let:code>
                        <ItemRow draft code />
                    </For>
                </tbody>
            </table>
        </div>

        <div class="actions add-item">
            <label class="field">
                <span>{move || lang.get().pick("Nouveau code", "New code")}</span>
                <input type="text" data-testid="pricebook-new-code" prop:value=move || new_code.get()
                    on:input=move |e| new_code.set(event_target_value(&e)) />
            </label>
            <label class="field">
                <span>{move || lang.get().pick("Copie de", "Copy of")}</span>
                <select data-testid="pricebook-copy-of" on:change=move |e| copy_of.set(event_target_value(&e))>
                    {move || item_codes().into_iter().map(|c| {
                        let selected = copy_of.with(|x| *x == c);
                        view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button type="button" data-testid="pricebook-item-add"
                disabled=move || new_code.with(|c| c.trim().is_empty())
                on:click=move |_| {
                    let code = new_code.get_untracked().trim().to_string();
                    let source = copy_of.get_untracked();
                    if draft.with_untracked(|b| b.items.iter().any(|i| i.code == code)) {
                        add_error.set(Some(code));
                        return;
                    }
                    add_error.set(None);
                    draft.update(|b| {
                        if let Some(mut item) = b.items.iter().find(|i| i.code == source).cloned() {
                            item.code = code;
                            b.items.push(item);
                        }
                    });
                    new_code.set(String::new());
                }>
                {move || lang.get().pick("+ Article (copie, à renommer et chiffrer)", "+ Item (a copy, to rename and price)")}
            </button>
            {move || add_error.get().map(|c| view! {
                <span class="field-error" role="alert" data-testid="pricebook-add-error">
                    {format!("« {c} » {}", lang.get().pick("est déjà un code de la grille.", "is already a code of the book."))}
                </span>
            })}
        </div>
    }
}
