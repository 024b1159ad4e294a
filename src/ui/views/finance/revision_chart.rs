//! §9.3: the revised unit prices over time, as lines.

use leptos::prelude::*;

use super::anniversaries::anniversary_dates;
use crate::ui::format::{date, text};
use crate::ui::state::use_state;
use crate::ui::widgets::line_chart::{LineChart, Series};

#[component]
pub fn RevisionChart() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let anniversaries = move || anniversary_dates(state.revised);
    let chart_labels = Signal::derive(move || {
        let l = lang.get();
        std::iter::once(l.pick("Signature", "Signature").to_owned())
            .chain(anniversaries().into_iter().map(|d| date(d, l)))
            .collect()
    });
    let chart = Signal::derive(move || {
        let l = lang.get();
        state.revised.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.lines
                        .iter()
                        .filter(|x| !x.steps.is_empty())
                        .take(6)
                        .map(|x| Series {
                            label: text(&x.name, l),
                            points: std::iter::once(x.signature_unit_price)
                                .chain(x.steps.iter().map(|s| s.unit_price))
                                .collect(),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let title = Signal::derive(move || {
        lang.get()
            .pick(
                "Évolution des prix unitaires révisés",
                "Revised unit prices over time",
            )
            .to_owned()
    });
    view! { <LineChart series=chart x_labels=chart_labels lang title testid="revision-chart" /> }
}
