//! One specifically quoted line: label, one-time or monthly, date, amount.

use leptos::prelude::*;

use crate::engine::document::catalog::Charge;
use crate::engine::document::quote::SpecificLine;
use crate::engine::money::Money;
use crate::engine::pricing::Location;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn SpecificRow(id: u32) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let line = quote.with_untracked(|q| q.specific.iter().find(|s| s.id == id).cloned());
    let Some(line) = line else {
        return ().into_any();
    };
    let update = move |f: &dyn Fn(&mut SpecificLine)| {
        quote.update(|q| {
            if let Some(s) = q.specific.iter_mut().find(|s| s.id == id) {
                f(s);
            }
        })
    };
    let label = line.label.clone();
    view! {
        <tr data-testid="specific-row">
            <td>
                <input
                    type="text"
                    data-testid="specific-label"
                    aria-label=move || lang.get().pick("Libellé", "Label")
                    placeholder=move || lang.get().pick("Libellé (ex. migration)", "Label (e.g. migration)")
                    value=label
                    on:input=move |ev| { let v = event_target_value(&ev); update(&|s| s.label = v.clone()) }
                />
                <IssueNote location=Location::Specific(id) testid="specific-issue" />
            </td>
            <td>
                <select
                    data-testid="specific-charge"
                    aria-label=move || lang.get().pick("Facturation", "Billing")
                    on:change=move |ev| {
                        let charge = if event_target_value(&ev) == "monthly" { Charge::Monthly } else { Charge::OneTime };
                        update(&|s| s.charge = charge)
                    }
                >
                    <option value="one_time" selected=line.charge == Charge::OneTime>{move || Charge::OneTime.label(lang.get())}</option>
                    <option value="monthly" selected=line.charge == Charge::Monthly>{move || Charge::Monthly.label(lang.get())}</option>
                </select>
            </td>
            <td>
                <DateInput
                    id=format!("specific-date-{id}")
                    testid="specific-date"
                    initial=line.date
                    optional=true
                    on_valid=move |d| update(&|s| s.date = d)
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("specific-amount-{id}")
                    testid="specific-amount"
                    class="qty-input"
                    initial=line.amount.as_decimal().normalize().to_string()
                    parse=move |t: &str| Money::parse(t, lang.get_untracked()).map_err(FieldError::Number)
                    on_valid=move |m| update(&|s| s.amount = m)
                />
            </td>
            <td>
                <RemoveButton on_remove=move || quote.update(|q| q.specific.retain(|s| s.id != id)) />
            </td>
        </tr>
    }
    .into_any()
}
