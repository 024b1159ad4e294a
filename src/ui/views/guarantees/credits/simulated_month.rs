//! The month simulated: one of the contract's months, and the day its
//! credits are claimed (§8.2: within 30 days after the month; the credit is
//! then deducted from the invoice of the month after the claim).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::entries::{edit, simulated_month};
use crate::ui::format::month as month_label;
use crate::ui::life_notes::credit_sentence;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;

#[component]
pub fn SimulatedMonth() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let month = move || simulated_month(quote, priced);
    let months = move || priced.with(|p| p.as_ref().map(|p| p.months.clone()).unwrap_or_default());
    let claimed = quote.with_untracked(|q| q.sla_simulation.as_ref().and_then(|s| s.claimed_on));
    let on_claim = move |d: Option<NaiveDate>| edit(quote, priced, |s| s.claimed_on = d);
    let sentence = move || state.credit.get().map(|c| credit_sentence(&c, lang.get()));
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
        <label class="field inline" for="sla-claimed-on">
            <span>{move || lang.get().pick("Réclamé le (§8.2)", "Claimed on (§8.2)")}</span>
        </label>
        <DateInput id="sla-claimed-on" testid="sla-claimed-on" initial=claimed optional=true on_valid=on_claim />
        <p class="line-detail" data-testid="sla-claim-note">{sentence}</p>
    }
}
