//! §9.8.1, §9.8.2: the lots of a build invoiced by milestones.

use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::engine::document::quote::{BuildBilling, BuildMilestone, Quote};
use crate::engine::money::parse_decimal;
use crate::engine::pricing::Location;
use crate::engine::timeline::next_month;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::date_input::DateInput;
use crate::ui::widgets::issue_note::IssueNote;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::remove_button::RemoveButton;
use crate::ui::widgets::th::Th;

fn update_lot(quote: RwSignal<Quote>, id: u32, f: impl Fn(&mut BuildMilestone)) {
    quote.update(|q| {
        if let Some(BuildBilling::Milestones { lots }) = &mut q.build_billing {
            if let Some(l) = lots.iter_mut().find(|l| l.id == id) {
                f(l);
            }
        }
    });
}

#[component]
pub fn Lots() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let lots = quote.with_untracked(|q| match &q.build_billing {
        Some(BuildBilling::Milestones { lots }) => lots.clone(),
        _ => Vec::new(),
    });
    let ids = RwSignal::new(lots.iter().map(|l| l.id).collect::<Vec<_>>());
    let rows = move || {
        ids.get()
            .into_iter()
            .filter_map(|id| {
                let lot = quote.with_untracked(|q| match &q.build_billing {
                    Some(BuildBilling::Milestones { lots }) => lots.iter().find(|l| l.id == id).cloned(),
                    _ => None,
                })?;
                Some(view! {
                    <tr data-testid="lot-row">
                        <td>{format!("{} {}", lang.get_untracked().pick("Lot", "Lot"), id)}</td>
                        <td>
                            <input
                                type="text"
                                data-testid="lot-label"
                                aria-label=move || lang.get().pick("Libellé du lot", "Lot label")
                                value=lot.label.clone()
                                on:input=move |ev| { let v = event_target_value(&ev); update_lot(quote, id, |l| l.label = v.clone()) }
                            />
                            <IssueNote location=Location::Lot(id) testid="lot-issue" />
                        </td>
                        <td>
                            <DateInput
                                id=format!("lot-date-{id}")
                                testid="lot-date"
                                initial=Some(lot.date)
                                on_valid=move |d| if let Some(d) = d { update_lot(quote, id, |l| l.date = d) }
                            />
                        </td>
                        <td class="num">
                            <ParsedInput
                                id=format!("lot-percent-{id}")
                                testid="lot-percent"
                                class="qty-input"
                                initial=lot.percent.normalize().to_string()
                                parse=move |t: &str| parse_decimal(t, lang.get_untracked()).map_err(FieldError::Number)
                                on_valid=move |p| update_lot(quote, id, |l| l.percent = p)
                            />
                        </td>
                        <td>
                            <RemoveButton fr="Retirer le lot" en="Remove lot" on_remove=move || {
                                    quote.update(|q| if let Some(BuildBilling::Milestones { lots }) = &mut q.build_billing { lots.retain(|l| l.id != id) });
                                    ids.update(|v| v.retain(|x| *x != id));
                                } />
                        </td>
                    </tr>
                })
            })
            .collect_view()
    };
    view! {
        <table class="lines" data-testid="lots">
            <thead><tr>
                <th scope="col">"#"</th>
                <Th fr="Libellé" en="Label" />
                <Th fr="Livraison" en="Delivery" />
                <th scope="col" class="num">"%"</th>
                <th scope="col"></th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        <button type="button" data-testid="lot-add" on:click=move |_| {
            let mut new_id = 0;
            quote.update(|q| if let Some(BuildBilling::Milestones { lots }) = &mut q.build_billing {
                new_id = Quote::next_id(lots, |l| l.id);
                let date = lots.iter().map(|l| l.date).max().and_then(next_month).unwrap_or(q.start_date);
                lots.push(BuildMilestone { id: new_id, label: format!("Lot {new_id}"), date, percent: Decimal::ZERO });
            });
            ids.update(|v| v.push(new_id));
        }>
            {move || lang.get().pick("+ Lot", "+ Lot")}
        </button>
    }
}
