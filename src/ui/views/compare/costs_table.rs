//! The costs of each scenario per category and year, differences against
//! the first, the cheapest highlighted.

use leptos::prelude::*;

use super::figures::{delta_text, figure_key, figure_label, scenario_titles};
use crate::engine::scenarios::comparison::{Comparison, Figure};
use crate::ui::state::use_state;

#[component]
pub fn CostsTable(comparison: Memo<Comparison>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let titles = move || scenario_titles(comparison, lang.get());
    move || {
        let l = lang.get();
        comparison.with(|c| {
            let head = titles()
                .into_iter()
                .map(|t| view! { <th scope="col" class="num">{t}</th> })
                .collect_view();
            let rows = c
                .rows
                .iter()
                .map(|row| {
                    let deltas = row.deltas();
                    let first = row.amounts.first().copied().flatten();
                    let cheapest = row.cheapest();
                    let differs = row.differs();
                    let strong = matches!(row.figure, Figure::Total);
                    let cells = row
                        .amounts
                        .iter()
                        .zip(deltas)
                        .enumerate()
                        .map(|(i, (amount, delta))| {
                            let best = differs && cheapest == Some(i);
                            let text = amount.map(|a| a.format(l)).unwrap_or_else(|| "—".into());
                            let delta = (i > 0 && differs)
                                .then_some(delta)
                                .flatten()
                                .filter(|d| !d.is_zero())
                                .map(|d| delta_text(d, first, l));
                            view! {
                                <td class="num" class:best=best data-testid="compare-cell">
                                    <span class="amount">{text}</span>
                                    {delta.map(|d| view! { <span class="delta">{d}</span> })}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr class:differs=differs class:strong=strong data-testid="compare-row" data-figure=figure_key(row.figure)>
                            <th scope="row">{figure_label(row.figure, l)}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="scroll">
                    <table class="lines compare" data-testid="compare-table">
                        <thead><tr><th scope="col">{l.pick("Montant (HT)", "Amount (excl. VAT)")}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    }
}
