//! The monthly service units of the month simulated, their charge, and
//! whether each is in production.

use leptos::prelude::*;

use super::entries::{edit, simulated_month};
use crate::engine::money::Money;
use crate::engine::pricing::Category;
use crate::ui::format::text;
use crate::ui::state::use_state;
use crate::ui::widgets::th::Th;

#[component]
pub fn ServiceUnits() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let priced = state.priced;
    let month = move || simulated_month(quote, priced);
    view! {
        <h3>{move || lang.get().pick("Unités de service du mois", "Service units of the month")}</h3>
        <table class="lines sla-units" data-testid="sla-units">
            <thead>
                <tr>
                    <Th fr="Ligne" en="Line" />
                    <Th fr="Redevance du mois" en="Charge of the month" num=true />
                    <Th fr="Production" en="Production" />
                </tr>
            </thead>
            <tbody>
                {move || {
                    let l = lang.get();
                    let m = month();
                    priced.with(|p| {
                        let Some(p) = p.as_ref() else { return Vec::new() };
                        let index = p.months.iter().position(|x| *x == m);
                        p.lines
                            .iter()
                            .filter(|line| line.category == Category::Run)
                            .map(|line| {
                                let id = line.id;
                                let amount = index.and_then(|i| line.months.get(i).copied()).unwrap_or(Money::ZERO);
                                let production = quote.with(|q| q.sla_simulation.as_ref().is_none_or(|s| s.is_production(id)));
                                view! {
                                    <tr data-testid="sla-unit">
                                        <td>{format!("#{} {} — {}", id.0, line.item, text(&line.name, l))}</td>
                                        <td class="num">{amount.format(l)}</td>
                                        <td>
                                            <input
                                                type="checkbox"
                                                data-testid="sla-unit-production"
                                                aria-label=l.pick("Unité de production", "Production unit")
                                                prop:checked=production
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    edit(quote, priced, |s| {
                                                        s.non_production.retain(|x| *x != id);
                                                        if !on {
                                                            s.non_production.push(id);
                                                        }
                                                    });
                                                }
                                            />
                                        </td>
                                    </tr>
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                }}
            </tbody>
        </table>
    }
}
