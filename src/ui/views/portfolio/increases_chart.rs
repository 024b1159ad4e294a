//! The revision increases of the portfolio by month of anniversary: one bar
//! per month, the sum of what each contract's next revision adds over its
//! next year. Amounts stay decimal; only pixel positions are floating point.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::portfolio::Entry;
use crate::ui::format::month;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 200.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 22.0;

/// (first day of the month, sum of the increases) for the months that have one.
fn by_month(entries: &[Entry]) -> Vec<(NaiveDate, Money)> {
    let mut months: BTreeMap<NaiveDate, Money> = BTreeMap::new();
    for n in entries
        .iter()
        .filter_map(|e| e.row.as_ref()?.next_revision.as_ref())
    {
        let Some(first) = n.date.with_day(1) else {
            continue;
        };
        let sum = months.entry(first).or_insert(Money::ZERO);
        *sum = sum.checked_add(n.increase).unwrap_or(*sum);
    }
    months.into_iter().collect()
}

#[component]
pub fn IncreasesChart(entries: Memo<Vec<Entry>>, lang: RwSignal<Lang>) -> impl IntoView {
    let chart = move || {
        let l = lang.get();
        let bars = entries.with(|e| by_month(e));
        if bars.is_empty() {
            return view! { <p class="hint" data-testid="portfolio-chart-empty">{l.pick("Aucune révision à venir dans la bibliothèque.", "No revision ahead in the library.")}</p> }.into_any();
        }
        let max = bars
            .iter()
            .map(|(_, m)| m.as_decimal().to_f64().unwrap_or(0.0))
            .fold(1.0_f64, f64::max);
        let slot = WIDTH / bars.len() as f64;
        let w = (slot * 0.6).min(70.0);
        let drawn = bars.into_iter().enumerate().map(|(i, (m, amount))| {
            let h = amount.as_decimal().to_f64().unwrap_or(0.0) / max * (HEIGHT - TOP - BOTTOM);
            let x = i as f64 * slot + (slot - w) / 2.0;
            let y = HEIGHT - BOTTOM - h;
            let label = month(m, l);
            let value = amount.format(l);
            view! {
                <g data-testid="portfolio-chart-bar">
                    <title>{format!("{label} : {value}")}</title>
                    <rect x=x y=y width=w height=h.max(1.0) class="bar-increase" />
                    <text x=x + w / 2.0 y=y - 4.0 text-anchor="middle" class="bar-total">{value.clone()}</text>
                    <text x=x + w / 2.0 y=HEIGHT - BOTTOM + 16.0 text-anchor="middle" class="bar-label">{label}</text>
                </g>
            }
        }).collect_view();
        view! {
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" data-testid="portfolio-chart"
                aria-label=l.pick("Hausses de révision par mois d'anniversaire", "Revision increases by month of anniversary")>
                {drawn}
            </svg>
        }.into_any()
    };
    view! { <div class="chart">{chart}</div> }
}
