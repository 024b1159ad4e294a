//! Adds or corrects one value of an index; a value replacing a
//! projection already invoiced keeps it for the regularisation (§9.3.1).

use leptos::prelude::*;

use crate::engine::finance::indices::{
    format_period, parse_period, IndexKind, IndexValue, Provenance,
};
use crate::engine::money::parse_decimal;
use crate::ui::state::use_state;

#[component]
pub fn IndexValueForm(kind: IndexKind) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let indices = state.indices;
    let key = kind.key();
    let new_period = RwSignal::new(String::new());
    let new_value = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<String>);
    let add = move |_| {
        let l = lang.get_untracked();
        let Some(period) = parse_period(&new_period.get_untracked(), kind) else {
            add_error.set(Some(
                l.pick(
                    "Période attendue : 2025-10 (ou 2025-Q3 pour l'ICC).",
                    "Expected period: 2025-10 (or 2025-Q3 for the ICC).",
                )
                .to_owned(),
            ));
            return;
        };
        match parse_decimal(&new_value.get_untracked(), lang.get_untracked()) {
            Ok(value) if value > rust_decimal::Decimal::ZERO => {
                // §9.3.1: when a revision of this quote used a projection of
                // this period, invoices were issued with it: keep it for the
                // regularisation.
                let label = format_period(period, kind);
                let billed_with = state.revised.with_untracked(|r| {
                    r.as_ref().and_then(|r| {
                        r.charges
                            .iter()
                            .flat_map(|l| &l.steps)
                            .flat_map(|s| [&s.syntec, &s.icc, &s.electricity])
                            .flatten()
                            .flat_map(|(a, b)| [a, b])
                            .find(|u| u.index == kind && u.period == label && u.provisional)
                            .map(|u| u.value)
                    })
                });
                indices.update(|b| {
                    b.series_mut(kind).set(IndexValue {
                        period,
                        value,
                        published: None,
                        provenance: Provenance::User,
                        old_series: false,
                        billed_with,
                    });
                });
                add_error.set(None);
                new_value.set(String::new());
            }
            _ => add_error.set(Some(
                l.pick("Valeur positive attendue.", "A positive value is expected.")
                    .to_owned(),
            )),
        }
    };
    view! {
        <div class="field">
            <span class="label">{move || lang.get().pick("Ajouter ou corriger une valeur", "Add or correct a value")}</span>
            <div class="inline-form">
                <input type="text" data-testid=format!("index-{key}-new-period") aria-label=move || lang.get().pick("Période", "Period")
                    placeholder=if kind == IndexKind::Icc { "2025-Q3" } else { "2025-10" }
                    prop:value=move || new_period.get() on:input=move |ev| new_period.set(event_target_value(&ev)) />
                <input type="text" inputmode="decimal" data-testid=format!("index-{key}-new-value") aria-label=move || lang.get().pick("Valeur", "Value")
                    prop:value=move || new_value.get() on:input=move |ev| new_value.set(event_target_value(&ev)) />
                <button type="button" data-testid=format!("index-{key}-add") on:click=add>{move || lang.get().pick("Enregistrer", "Save")}</button>
            </div>
            <span class="field-error" role="alert" data-testid=format!("index-{key}-add-error")>{move || add_error.get()}</span>
        </div>
    }
}
