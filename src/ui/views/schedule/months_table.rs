//! The invoicing schedule month by month, by category.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::engine::money::Money;
use crate::engine::pricing::{Category, PricedQuote};
use crate::ui::format::month;
use crate::ui::state::use_state;

/// Schedule amounts per calendar month of the contract and category (a month
/// without any invoice, e.g. during the build, is listed empty).
fn by_month(p: &PricedQuote) -> BTreeMap<NaiveDate, BTreeMap<Category, Money>> {
    let mut months: BTreeMap<NaiveDate, BTreeMap<Category, Money>> =
        p.months.iter().map(|m| (*m, BTreeMap::new())).collect();
    for invoice in &p.schedule {
        let key = crate::engine::timeline::first_of_month(invoice.date);
        let slot = months
            .entry(key)
            .or_default()
            .entry(invoice.category)
            .or_default();
        *slot = slot.checked_add(invoice.amount).unwrap_or(*slot);
    }
    months
}

/// One row per month of the contract, one column per category invoiced.
#[component]
pub fn MonthsTable() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    move || {
        state.priced.with(|p| {
            let l = lang.get();
            let p = p.as_ref()?;
            let months = by_month(p);
            let categories: Vec<Category> = Category::ALL
                .into_iter()
                .filter(|c| months.values().any(|m| m.contains_key(c)))
                .collect();
            let head = categories.iter().map(|c| view! { <th scope="col" class="num">{c.label(l)}</th> }).collect_view();
            let rows = months
                .iter()
                .map(|(m, cats)| {
                    let total = Money::checked_sum(cats.values().copied()).unwrap_or_default();
                    let cells = categories
                        .iter()
                        .map(|c| view! { <td class="num">{cats.get(c).map(|a| a.format(l)).unwrap_or_default()}</td> })
                        .collect_view();
                    view! {
                        <tr data-testid="month-row">
                            <th scope="row">{month(*m, l)}</th>
                            {cells}
                            <td class="num strong" data-testid="month-total">{total.format(l)}</td>
                        </tr>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="scroll">
                    <table class="lines schedule" data-testid="schedule-months">
                        <thead><tr>
                            <th scope="col">{l.pick("Mois", "Month")}</th>
                            {head}
                            <th scope="col" class="num">{l.pick("Total", "Total")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
    }
}
