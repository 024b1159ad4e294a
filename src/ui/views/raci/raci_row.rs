//! One activity of the matrix: its label, a cell per party, its problems.

use leptos::prelude::*;

use super::cells::row_label;
use super::raci_cell::RaciCell;
use crate::engine::document::raci::Party;
use crate::engine::responsibilities::{Matrix, RaciProblem};
use crate::ui::state::use_state;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn RaciRow(
    id: String,
    m: Memo<Matrix>,
    problems: Memo<Vec<RaciProblem>>,
    active: RwSignal<(usize, usize)>,
    hovered: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let id = StoredValue::new(id);
    let row_problems = move || {
        problems.with(|p| {
            id.with_value(|id| {
                p.iter()
                    .filter(|x| &x.activity == id)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    let custom = move || m.with(|m| id.with_value(|id| m.row(id).is_some_and(|r| r.custom)));
    let label = move || row_label(m, id, lang.get());
    view! {
        <tr
            data-testid="raci-row"
            data-activity=move || id.get_value()
            class:invalid=move || !row_problems().is_empty()
            class:custom=custom
        >
            <th scope="row">
                {label}
                <Show when=custom>
                    <RemoveButton
                        testid="raci-remove"
                        fr="Retirer cette activité"
                        en="Remove this activity"
                        on_remove=move || id.with_value(|id| quote.update(|q| q.raci.remove_custom(id)))
                    />
                </Show>
            </th>
            <RaciCell id party=Party::Client col=0 m active hovered />
            <RaciCell id party=Party::Provider col=1 m active hovered />
            <Show when=move || m.with(|m| m.third_party)>
                <RaciCell id party=Party::ThirdParty col=2 m active hovered />
            </Show>
            <td class="problems-col">
                {move || {
                    let l = lang.get();
                    row_problems()
                        .into_iter()
                        .map(|p| view! { <span class="raci-problem" data-testid="raci-problem" role="note">{p.message(l)}</span> })
                        .collect_view()
                }}
            </td>
        </tr>
    }
}
