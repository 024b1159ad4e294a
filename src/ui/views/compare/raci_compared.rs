//! §10: who does what under each scenario's model: the rows that differ.

use leptos::prelude::*;

use super::figures::scenario_titles;
use crate::engine::responsibilities::{dominant_build, matrix_for, Matrix};
use crate::engine::scenarios::comparison::Comparison;
use crate::ui::state::use_state;

#[component]
pub fn RaciCompared(comparison: Memo<Comparison>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let titles = move || scenario_titles(comparison, lang.get());
    move || {
        let l = lang.get();
        let matrices: Vec<Matrix> = quote.with(|q| {
            let build = dominant_build(q);
            q.scenarios()
                .iter()
                .map(|s| matrix_for(s.model, build, &q.raci))
                .collect()
        });
        let Some(first) = matrices.first() else {
            return ().into_any();
        };
        let parties = first.parties();
        let cell = |m: &Matrix, id: &str| {
            m.row(id)
                .map(|r| {
                    parties
                        .iter()
                        .map(|p| {
                            let x = r.cell(*p).letters;
                            if x.is_empty() {
                                "—".to_string()
                            } else {
                                x.to_string()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" / ")
                })
                .unwrap_or_default()
        };
        let differing: Vec<(String, String)> = first
            .rows
            .iter()
            .filter(|r| {
                matrices
                    .iter()
                    .any(|m| cell(m, &r.id) != cell(first, &r.id))
            })
            .map(|r| (r.id.clone(), r.label(l).to_string()))
            .collect();
        let head = titles()
            .into_iter()
            .map(|t| view! { <th scope="col">{t}</th> })
            .collect_view();
        let who = parties
            .iter()
            .map(|p| p.label(l))
            .collect::<Vec<_>>()
            .join(" / ");
        if differing.is_empty() {
            return view! {
                <p class="hint" data-testid="compare-raci-none">
                    {l.pick("Les scénarios ont la même matrice RACI.", "The scenarios share the same RACI matrix.")}
                </p>
            }
            .into_any();
        }
        let count = differing.len();
        let rows = differing
            .into_iter()
            .map(|(id, label)| {
                let cells = matrices
                    .iter()
                    .map(|m| {
                        let text = cell(m, &id);
                        let changed = text != cell(first, &id);
                        view! { <td class="letters" class:changed=changed>{text}</td> }
                    })
                    .collect_view();
                view! {
                    <tr data-testid="compare-raci-row" data-activity=id>
                        <th scope="row">{label}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <p data-testid="compare-raci-count">
                {format!("{count} {} ({who}).", l.pick("activité(s) dont la répartition diffère", "activity(ies) shared out differently"))}
            </p>
            <div class="scroll">
                <table class="lines compare compare-raci" data-testid="compare-raci">
                    <thead><tr><th scope="col">{l.pick("Activité", "Activity")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    }
}
