//! One commitment of the guarantees table, one cell per environment.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::engine::service_levels::EnvironmentGuarantees;
use crate::engine::service_levels::Guarantees;
use crate::ui::state::use_state;

/// The commitment `label` (French, English), with `cell` for each
/// environment; `row_key` names it for tests.
#[component]
pub fn GuaranteeRow(
    label: (&'static str, &'static str),
    row_key: &'static str,
    cell: fn(&EnvironmentGuarantees, Lang) -> String,
    applied: Memo<Guarantees>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    view! {
        <tr data-testid="guarantee-row" data-row=row_key>
            <th scope="row">{move || lang.get().pick(label.0, label.1)}</th>
            {move || {
                let l = lang.get();
                applied
                    .get()
                    .environments
                    .iter()
                    .map(|e| view! { <td>{cell(e, l)}</td> })
                    .collect_view()
            }}
        </tr>
    }
}
