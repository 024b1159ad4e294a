//! The contract value of each scenario, by category, as stacked bars.

use leptos::prelude::*;

use crate::engine::pricing::Category;
use crate::engine::scenarios::comparison::Comparison;
use crate::ui::state::use_state;
use crate::ui::widgets::stacked_bars::{Bar, StackedBars};

#[component]
pub fn ScenarioChart(comparison: Memo<Comparison>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let bars = Signal::derive(move || {
        let l = lang.get();
        comparison.with(|c| {
            c.outcomes
                .iter()
                .filter_map(|o| {
                    let p = o.priced.as_ref().ok()?;
                    Some(Bar {
                        label: o.scenario.title(l),
                        segments: Category::ALL
                            .into_iter()
                            .map(|cat| (cat, p.category_total(cat)))
                            .collect(),
                        total: p.commitment_total,
                    })
                })
                .collect()
        })
    });
    let chart_title = Signal::derive(move || {
        lang.get()
            .pick(
                "Valeur du contrat par scénario et par catégorie",
                "Contract value per scenario and category",
            )
            .to_owned()
    });
    view! { <StackedBars bars lang title=chart_title /> }
}
