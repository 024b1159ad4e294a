//! §9.4: the annual MRG and the amount attained, per run year.

use leptos::prelude::*;

use crate::ui::state::use_state;
use crate::ui::widgets::line_chart::{LineChart, Series};

#[component]
pub fn MrgChart() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let labels = Signal::derive(move || {
        state.mrg.with(|m| {
            m.as_ref()
                .map(|m| m.years.iter().map(|y| y.year.to_string()).collect())
                .unwrap_or_default()
        })
    });
    let series = Signal::derive(move || {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref()
                .map(|m| {
                    vec![
                        Series {
                            label: l.pick("MRG annuel", "Annual MRG").into(),
                            points: m.years.iter().map(|y| y.annual_mrg).collect(),
                        },
                        Series {
                            label: l
                                .pick("Atteint (facturé + report)", "Attained (billed + carry-in)")
                                .into(),
                            points: m.years.iter().map(|y| y.attainment).collect(),
                        },
                    ]
                })
                .unwrap_or_default()
        })
    });
    let title = Signal::derive(move || {
        lang.get()
            .pick(
                "MRG annuel et montant atteint par année de RUN",
                "Annual MRG and amount attained per run year",
            )
            .to_owned()
    });
    view! { <LineChart series x_labels=labels lang title testid="mrg-chart" /> }
}
