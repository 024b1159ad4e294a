//! The month simulated: one of the contract's months.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::entries::{edit, simulated_month};
use crate::ui::format::month as month_label;
use crate::ui::state::use_state;

#[component]
pub fn SimulatedMonth() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let month = move || simulated_month(quote, priced);
    let months = move || priced.with(|p| p.as_ref().map(|p| p.months.clone()).unwrap_or_default());
    view! {
        <label class="field inline">
            <span>{move || lang.get().pick("Mois simulé", "Simulated month")}</span>
            <select
                data-testid="sla-month"
                on:change=move |ev| {
                    if let Ok(d) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                        edit(quote, priced, |s| s.month = d);
                    }
                }
            >
                {move || {
                    let current = month();
                    let l = lang.get();
                    months()
                        .into_iter()
                        .map(|m| view! {
                            <option value=m.format("%Y-%m-%d").to_string() selected=m == current>{month_label(m, l)}</option>
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
