//! §9: which commitments each scenario carries (production environment).

use leptos::prelude::*;

use super::figures::scenario_titles;
use super::guarantee_rows::guarantee_rows;
use crate::engine::scenarios::comparison::Comparison;
use crate::engine::service_levels::{guarantees, Guarantees, ServiceLevels};
use crate::ui::state::use_state;

#[component]
pub fn GuaranteesCompared(comparison: Memo<Comparison>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let titles = move || scenario_titles(comparison, lang.get());
    move || {
        let l = lang.get();
        let tables = ServiceLevels::builtin();
        let applied: Vec<Guarantees> = quote.with(|q| {
            q.scenarios()
                .iter()
                .map(|s| guarantees(&q.with_scenario(s), tables))
                .collect()
        });
        let head = titles()
            .into_iter()
            .map(|t| view! { <th scope="col">{t}</th> })
            .collect_view();
        let rows = guarantee_rows()
            .into_iter()
            .map(|(key, fr, en, cell)| {
                let values: Vec<String> = applied.iter().map(|g| cell(g, l)).collect();
                let differs = values.windows(2).any(|w| w[0] != w[1]);
                view! {
                    <tr class:differs=differs data-testid="compare-guarantee" data-row=key>
                        <th scope="row">{l.pick(fr, en)}</th>
                        {values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="scroll">
                <table class="lines compare" data-testid="compare-guarantees">
                    <thead><tr><th scope="col">{l.pick("Engagement (production)", "Commitment (production)")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
