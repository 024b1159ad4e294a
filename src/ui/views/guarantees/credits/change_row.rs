//! One change: environment, tokens, accelerated or off hours, duration,
//! and its credit when late.

use leptos::prelude::*;

use super::entries::{entry, exemption_text, non_negative, remove, row_error, update, Report};
use super::environment_select::EnvironmentSelect;
use crate::engine::document::credit_month::ChangeRecord;
use crate::engine::money::parse_whole;
use crate::engine::service_levels::SlaLocation;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;

#[component]
pub fn ChangeRow(id: u32, report: Memo<Report>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let Some(c) = entry::<ChangeRecord>(quote, id) else {
        return ().into_any();
    };
    let outcome = move || {
        let l = lang.get();
        if let Some(e) = row_error(report, SlaLocation::Change(id), l) {
            return view! { <span class="error" data-testid="sla-row-error">{e}</span> }.into_any();
        }
        report.with(|r| {
            let Some(Ok(r)) = r else { return ().into_any() };
            let Some(o) = r.changes.iter().find(|o| o.id == id) else {
                return ().into_any();
            };
            let commitment = o
                .commitment
                .map(|c| c.describe(l))
                .unwrap_or_else(|| l.pick("pas d'engagement", "no commitment").into());
            let status = match (o.commitment, o.late) {
                (None, _) => "",
                (Some(_), true) => l.pick("hors délai", "late"),
                (Some(_), false) => l.pick("dans les délais", "on time"),
            };
            view! {
                <span>{format!("{} : {commitment}", o.kind.label(l))}</span>
                <strong class:late=o.late data-testid="sla-chg-status">{status}</strong>
                <span class="sub">{format!("{} {}", l.pick("prix :", "price:"), o.price.format(l))}</span>
                <strong class="credit" data-testid="sla-chg-credit">{o.credit.format(l)}</strong>
                <span class="sub">{exemption_text(o.exemption, l)}</span>
            }
            .into_any()
        })
    };
    view! {
        <tr data-testid="sla-chg">
            <td>
                <EnvironmentSelect
                    testid="sla-chg-env"
                    initial=c.environment
                    on_pick={move |e| update::<ChangeRecord>(quote, id, |x| x.environment = e)}
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-chg-tokens-{id}")
                    testid="sla-chg-tokens"
                    label=lang.get_untracked().pick("Jetons du changement", "Tokens of the change")
                    class="qty-input"
                    initial=c.tokens.to_string()
                    parse=move |t: &str| parse_whole(t, lang.get_untracked()).map_err(FieldError::Number)
                    on_valid={move |n| update::<ChangeRecord>(quote, id, |x| x.tokens = n)}
                />
            </td>
            <td>
                <input
                    type="checkbox"
                    data-testid="sla-chg-accelerated"
                    aria-label=move || lang.get().pick("Accéléré", "Accelerated")
                    prop:checked=c.accelerated
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update::<ChangeRecord>(quote, id, |x| x.accelerated = on);
                    }
                />
            </td>
            <td>
                <input
                    type="checkbox"
                    data-testid="sla-chg-off-hours"
                    aria-label=move || lang.get().pick("Hors heures ouvrées", "Off hours")
                    prop:checked=c.off_hours
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        update::<ChangeRecord>(quote, id, |x| x.off_hours = on);
                    }
                />
            </td>
            <td class="num">
                <ParsedInput
                    id=format!("sla-chg-hours-{id}")
                    testid="sla-chg-hours"
                    label=lang.get_untracked().pick("Réalisé en (heures ouvrées)", "Done in (business hours)")
                    class="qty-input"
                    initial=c.duration_hours.normalize().to_string()
                    parse=move |t: &str| non_negative(t, lang.get_untracked())
                    on_valid={move |d| update::<ChangeRecord>(quote, id, |x| x.duration_hours = d)}
                />
            </td>
            <td class="outcome">{outcome}</td>
            <td>
                <RemoveButton on_remove={move || remove::<ChangeRecord>(quote, id)} />
            </td>
        </tr>
    }
    .into_any()
}
