//! Adding an activity, and the third-party column (§3.1) with its name.

use leptos::prelude::*;

use crate::engine::responsibilities::Matrix;
use crate::ui::state::use_state;

#[component]
pub fn RaciTools(m: Memo<Matrix>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let new_label = RwSignal::new(String::new());
    let add = move || {
        let label = new_label.get_untracked();
        let mut added = false;
        quote.update(|q| added = q.raci.add_custom(&label).is_some());
        if added {
            new_label.set(String::new());
        }
    };
    view! {
        <div class="raci-tools">
            <label class="field">
                <span>{move || lang.get().pick("Nouvelle activité", "New activity")}</span>
                <input
                    type="text"
                    data-testid="raci-add-label"
                    prop:value=move || new_label.get()
                    on:input=move |ev| new_label.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add() }
                />
            </label>
            <button type="button" class="secondary" data-testid="raci-add"
                disabled=move || new_label.with(|t| t.trim().is_empty())
                on:click=move |_| add()>
                {move || lang.get().pick("+ Ajouter l'activité", "+ Add the activity")}
            </button>
            <label class="check">
                <input
                    type="checkbox"
                    data-testid="raci-third-party"
                    prop:checked=move || m.with(|m| m.third_party)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        quote.update(|q| q.raci.third_party = on);
                    }
                />
                {move || lang.get().pick("Colonne tiers / éditeur (§3.1)", "Third party / vendor column (§3.1)")}
            </label>
            <Show when=move || m.with(|m| m.third_party)>
                <label class="field">
                    <span>{move || lang.get().pick("Nom du tiers", "Third party's name")}</span>
                    <input
                        type="text"
                        data-testid="raci-third-party-name"
                        prop:value=move || m.with(|m| m.third_party_name.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            quote.update(|q| q.raci.third_party_name = v);
                        }
                    />
                </label>
            </Show>
        </div>
    }
}
