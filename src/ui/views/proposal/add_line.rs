//! The catalogue picker above the lines: only what the model sells (§2).

use leptos::prelude::*;

use crate::engine::document::catalog::Family;
use crate::engine::models;
use crate::ui::format::text;
use crate::ui::state::use_state;

#[component]
pub fn AddLine() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    // The picker starts on the first managed service (the OS, §7.1.2: every
    // other level needs it), not on governance.
    let first_code = state
        .book
        .with(|b| {
            b.items
                .iter()
                .find(|i| i.family == Family::Os)
                .or(b.items.first())
                .map(|i| i.code.clone())
        })
        .unwrap_or_default();
    let picked = RwSignal::new(first_code);

    // §2: the model decides which items may be quoted.
    let allowed = move |code: &str| {
        let model = quote.with(|q| q.model);
        state.book.with(|b| {
            b.item(code)
                .is_none_or(|i| models::line_allowed(model, i.family))
        })
    };
    let catalogue = move || {
        let lang = lang.get();
        let model = quote.with(|q| q.model);
        state.book.with(|b| {
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
                            let ok = models::line_allowed(model, i.family);
                            let note = if ok {
                                ""
                            } else {
                                lang.pick(" (non vendu sous ce modèle, §2)", " (not sold under this model, §2)")
                            };
                            view! {
                                <option value=code selected=selected disabled=!ok>
                                    {format!("{} — {}{note}", text(&i.name, lang), i.price.format(lang))}
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
                disabled=move || !picked.with(|p| allowed(p))
                on:click=move |_| {
                    let code = picked.get_untracked();
                    if !code.is_empty() && allowed(&code) {
                        quote.update(|q| {
                            q.add_line(&code);
                        });
                    }
                }
            >
                {move || lang.get().pick("Ajouter", "Add")}
            </button>
            {move || (!picked.with(|p| allowed(p))).then(|| view! {
                <small class="warn-note" data-testid="add-item-not-sold">
                    {move || lang.get().pick(
                        "Full DevOps : seuls les services professionnels (expertise, régie) peuvent être ajoutés (§2).",
                        "Full DevOps: only professional services (expertise, time and material) can be added (§2).",
                    )}
                </small>
            })}
        </div>
    }
}
