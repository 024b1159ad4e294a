//! One incident: priority, environment, function hit, restoration time,
//! cause, and whether it was late.

use leptos::prelude::*;

use super::entries::{entry, non_negative, remove, units, update, Report};
use super::environment_select::EnvironmentSelect;
use super::incident_outcome::IncidentOutcome;
use crate::engine::document::credit_month::{Cause, IncidentRecord, Priority};
use crate::engine::document::quote::LineId;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn IncidentRow(id: u32, report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let Some(i) = entry::<IncidentRecord>(quote, id) else {
        return ().into_any();
    };
    let co_managed = move || quote.with(|q| crate::engine::models::co_managed_exclusions(q.model));
    let line = i.line;
    view! {
        <tr data-testid="sla-inc">
            <td>
                <select
                    data-testid="sla-inc-priority"
                    aria-label=move || lang.get().pick("Priorité", "Priority")
                    on:change=move |ev| {
                        if let Some(p) = Priority::from_key(&event_target_value(&ev)) {
                            update::<IncidentRecord>(quote, id, |x| x.priority = p);
                        }
                    }
                >
                    {Priority::ALL
                        .into_iter()
                        .map(|p| view! { <option value=p.key() selected=p == i.priority>{p.label()}</option> })
                        .collect_view()}
                </select>
            </td>
            <td>
                <EnvironmentSelect
                    testid="sla-inc-env"
                    initial=i.environment
                    on_pick={move |e| update::<IncidentRecord>(quote, id, |x| x.environment = e)}
                />
            </td>
            <td>
                <select
                    data-testid="sla-inc-line"
                    aria-label=move || lang.get().pick("Unité touchée, et donc sa fonction managée (§8.4.10)", "Unit hit, hence its managed function (§8.4.10)")
                    on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<u32>().ok().map(LineId);
                        update::<IncidentRecord>(quote, id, |x| x.line = v);
                    }
                >
                    <option value="" selected=line.is_none()>"—"</option>
                    {move || {
                        let l = lang.get();
                        priced.with(|p| units(p, l))
                            .into_iter()
                            .map(|(u, label)| view! { <option value=u.0.to_string() selected=Some(u) == line>{label}</option> })
                            .collect_view()
                    }}
                </select>
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-inc-hours-{id}")
                    testid="sla-inc-hours"
                    label=lang.get_untracked().pick("Rétablissement (heures couvertes)", "Restored in (covered hours)")
                    class="qty-input"
                    initial=i.resolution_hours.normalize().to_string()
                    parse=move |t: &str| non_negative(t, lang.get_untracked())
                    on_valid={move |d| update::<IncidentRecord>(quote, id, |x| x.resolution_hours = d)}
                />
            </td>
            <td>
                <select
                    data-testid="sla-inc-cause"
                    aria-label=move || lang.get().pick("Cause", "Cause")
                    on:change=move |ev| {
                        if let Some(c) = Cause::from_key(&event_target_value(&ev)) {
                            update::<IncidentRecord>(quote, id, |x| x.cause = c);
                        }
                    }
                >
                    {Cause::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.key() selected=c == i.cause>{move || c.label(lang.get())}</option> })
                        .collect_view()}
                </select>
                <Show when=co_managed>
                    <label class="check">
                        <input
                            type="checkbox"
                            data-testid="sla-inc-level3"
                            prop:checked=i.provider_level3
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                update::<IncidentRecord>(quote, id, |x| x.provider_level3 = on);
                            }
                        />
                        {move || lang.get().pick("Niveau 3 assuré par le prestataire", "Provider holds level 3")}
                    </label>
                    <label class="check">
                        {move || lang.get().pick("Temps passé (h)", "Time spent (h)")}
                        <ParsedInput
                            id=format!("sla-inc-work-{id}")
                            testid="sla-inc-work"
                            label=lang.get_untracked().pick("Temps passé (h)", "Time spent (h)")
                            class="qty-input"
                            initial=i.work_hours.normalize().to_string()
                            parse=move |t: &str| non_negative(t, lang.get_untracked())
                            on_valid={move |d| update::<IncidentRecord>(quote, id, |x| x.work_hours = d)}
                        />
                    </label>
                </Show>
            </td>
            <td class="outcome"><IncidentOutcome id report /></td>
            <td>
                <RemoveButton on_remove={move || remove::<IncidentRecord>(quote, id)} />
            </td>
        </tr>
    }
    .into_any()
}
