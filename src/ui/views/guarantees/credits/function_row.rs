//! One outage of a managed function (§10): the function, its minutes, what
//! is exempt, the availability and credit on the function's charge.

use leptos::prelude::*;

use super::entries::{
    entry, exemption_text, function_label, non_negative, quote_functions, remove, row_error,
    update, Report,
};
use crate::engine::document::credit_month::FunctionMonth;
use crate::engine::document::managed_function::ManagedFunction;
use crate::engine::service_levels::SlaLocation;
use crate::ui::format::decimal;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn FunctionRow(id: u32, report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let Some(f) = entry::<FunctionMonth>(quote, id) else {
        return ().into_any();
    };
    let function = f.function;
    let outcome = move || {
        let l = lang.get();
        if let Some(e) = row_error(report, SlaLocation::Function(id), l) {
            return view! { <span class="error" data-testid="sla-row-error">{e}</span> }.into_any();
        }
        report.with(|r| {
            let Some(Ok(r)) = r else { return ().into_any() };
            let Some(c) = r.functions.iter().find(|c| c.id == id) else {
                return ().into_any();
            };
            let guarantee = c
                .guarantee
                .map(|g| format!(" / {} {} %", l.pick("garanti", "guaranteed"), decimal(g, l)))
                .unwrap_or_default();
            let tier = c
                .tier_percent
                .map(|p| format!(" → {} % × {}", decimal(p, l), c.base.format(l)))
                .unwrap_or_default();
            let units: Vec<String> = c.units.iter().map(|u| format!("#{}", u.0)).collect();
            let base = format!(
                "{} {} ({})",
                l.pick("base", "base"),
                c.base.format(l),
                if units.is_empty() { "—".to_owned() } else { units.join(", ") },
            );
            view! {
                <span data-testid="sla-fn-availability">{format!("{} %{guarantee}{tier}", decimal(c.availability, l))}</span>
                <strong class="credit" data-testid="sla-fn-credit">{c.credit.format(l)}</strong>
                <span class="sub" data-testid="sla-fn-base">{base}</span>
                <span class="sub">{exemption_text(c.exemption, l)}</span>
            }
            .into_any()
        })
    };
    view! {
        <tr data-testid="sla-fn">
            <td>
                <select
                    data-testid="sla-fn-function"
                    aria-label=move || lang.get().pick("Fonction managée (§10)", "Managed function (§10)")
                    on:change=move |ev| {
                        if let Ok(f) = event_target_value(&ev).parse::<ManagedFunction>() {
                            update::<FunctionMonth>(quote, id, |x| x.function = f);
                        }
                    }
                >
                    {move || {
                        let l = lang.get();
                        let mut functions = quote_functions(quote, priced);
                        let known = functions.iter().any(|f| f.function == function);
                        let mut options: Vec<(ManagedFunction, String)> = functions
                            .drain(..)
                            .map(|f| (f.function, function_label(&f, l)))
                            .collect();
                        // A function no longer in the quote stays shown, with its error.
                        if !known {
                            options.insert(0, (function, function.label(l)));
                        }
                        options
                            .into_iter()
                            .map(|(f, label)| view! { <option value=f.to_string() selected=f == function>{label}</option> })
                            .collect_view()
                    }}
                </select>
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-fn-minutes-{id}")
                    testid="sla-fn-minutes"
                    label=lang.get_untracked().pick("Interruption (min)", "Outage (min)")
                    class="qty-input"
                    initial=f.interruption_minutes.normalize().to_string()
                    parse=move |t: &str| non_negative(t, lang.get_untracked())
                    on_valid={move |d| update::<FunctionMonth>(quote, id, |x| x.interruption_minutes = d)}
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-fn-iaas-{id}")
                    testid="sla-fn-iaas"
                    label=lang.get_untracked().pick("dont IaaS indisponible (min)", "of which IaaS down (min)")
                    class="qty-input"
                    initial=f.iaas_down_minutes.normalize().to_string()
                    parse=move |t: &str| non_negative(t, lang.get_untracked())
                    on_valid={move |d| update::<FunctionMonth>(quote, id, |x| x.iaas_down_minutes = d)}
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-fn-client-{id}")
                    testid="sla-fn-client"
                    label=lang.get_untracked().pick("dont cause client (min)", "of which client cause (min)")
                    class="qty-input"
                    initial=f.client_caused_minutes.normalize().to_string()
                    parse=move |t: &str| non_negative(t, lang.get_untracked())
                    on_valid={move |d| update::<FunctionMonth>(quote, id, |x| x.client_caused_minutes = d)}
                />
            </td>
            <td class="outcome">{outcome}</td>
            <td>
                <RemoveButton on_remove={move || remove::<FunctionMonth>(quote, id)} />
            </td>
        </tr>
    }
    .into_any()
}
