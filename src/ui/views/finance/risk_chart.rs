//! §9.4: the histogram of the total attainment over the draws, in SVG (no
//! library). Only pixel positions are floating point; the figures stay exact.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::contract_life::risk::RiskReport;
use crate::ui::format::{count, decimal};
use crate::ui::state::use_state;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 8.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 20.0;

#[component]
pub fn RiskChart(report: Signal<Option<RiskReport>>) -> impl IntoView {
    let lang = use_state().lang;
    let bars = move || {
        let l = lang.get();
        report.with(|r| {
            let r = r.as_ref()?;
            let bins = &r.histogram;
            let max = f64::from(bins.iter().map(|b| b.draws).max().unwrap_or(1).max(1));
            let slot = (WIDTH - 2.0 * LEFT) / bins.len().max(1) as f64;
            let plot = HEIGHT - BOTTOM - TOP;
            let bars = bins
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let h = f64::from(b.draws) / max * plot;
                    let x = LEFT + slot * i as f64;
                    let below = b.to_percent <= rust_decimal::Decimal::ONE_HUNDRED;
                    let tip = format!(
                        "{} – {} % : {} {}",
                        decimal(b.from_percent, l),
                        decimal(b.to_percent, l),
                        count(b.draws as usize, l),
                        l.pick("tirages", "draws")
                    );
                    view! {
                        <rect data-testid="risk-bar" class=if below { "risk-bar below" } else { "risk-bar" }
                            x=format!("{:.1}", x + 1.0) y=format!("{:.1}", HEIGHT - BOTTOM - h)
                            width=format!("{:.1}", (slot - 2.0).max(1.0)) height=format!("{h:.1}")>
                            <title>{tip}</title>
                        </rect>
                    }
                })
                .collect_view();
            let (lo, hi) = (bins.first()?.from_percent, bins.last()?.to_percent);
            let label = |x: f64, anchor: &'static str, d| view! {
                <text class="bar-label" x=format!("{x:.1}") y=format!("{:.1}", HEIGHT - BOTTOM + 18.0) text-anchor=anchor>{format!("{} %", decimal(d, l))}</text>
            };
            // Where 100 % of the MRG falls, when it is within the bars.
            let mark = (lo < rust_decimal::Decimal::ONE_HUNDRED && hi > rust_decimal::Decimal::ONE_HUNDRED).then(|| {
                let span = (hi - lo).to_f64().unwrap_or(1.0).max(f64::EPSILON);
                let x = LEFT + (100.0 - lo.to_f64().unwrap_or(0.0)) / span * (WIDTH - 2.0 * LEFT);
                view! {
                    <line class="risk-mrg" x1=format!("{x:.1}") x2=format!("{x:.1}") y1=TOP.to_string() y2=(HEIGHT - BOTTOM).to_string() />
                    <text class="bar-total" x=format!("{x:.1}") y=format!("{:.1}", TOP - 6.0) text-anchor="middle">{l.pick("MRG 100 %", "MRG 100 %")}</text>
                }
            });
            Some(view! {
                {bars}
                {mark}
                {label(LEFT, "start", lo)}
                {label(WIDTH - LEFT, "end", hi)}
            })
        })
    };
    let title = move || {
        lang.get().pick(
            "Histogramme de l'atteinte totale (facturé du RUN / somme des MRG annuels) sur les tirages",
            "Histogram of the total attainment (run billed / sum of the annual MRGs) over the draws",
        )
    };
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=title data-testid="risk-histogram">
                <line class="axis" x1="0" x2=WIDTH.to_string() y1=(HEIGHT - BOTTOM).to_string() y2=(HEIGHT - BOTTOM).to_string() />
                {bars}
            </svg>
            <figcaption>
                {title}
                <ul class="legend">
                    <li><span class="swatch risk-below" aria-hidden="true"></span>{move || lang.get().pick("sous le MRG (< 100 %)", "below the MRG (< 100 %)")}</li>
                    <li><span class="swatch risk-above" aria-hidden="true"></span>{move || lang.get().pick("MRG atteint", "MRG attained")}</li>
                </ul>
            </figcaption>
        </figure>
    }
}
