//! A small SVG line chart: one polyline per series over the same x labels.
//! Amounts stay decimal; only pixel positions are floating point.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::lang::Lang;
use crate::engine::money::Money;

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<Money>,
}

const W: f64 = 640.0;
const H: f64 = 220.0;
const PAD: f64 = 44.0;

#[component]
pub fn LineChart(
    series: Signal<Vec<Series>>,
    x_labels: Signal<Vec<String>>,
    lang: RwSignal<Lang>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    let body = move || {
        let series = series.get();
        let labels = x_labels.get();
        let values: Vec<f64> = series
            .iter()
            .flat_map(|s| {
                s.points
                    .iter()
                    .map(|p| p.as_decimal().to_f64().unwrap_or(0.0))
            })
            .collect();
        let max = values.iter().copied().fold(f64::MIN, f64::max);
        let min = values.iter().copied().fold(f64::MAX, f64::min);
        let (lo, hi) = if values.is_empty() {
            (0.0, 1.0)
        } else if (max - min).abs() < 1e-9 {
            (min * 0.95, max * 1.05 + 1.0)
        } else {
            (min - (max - min) * 0.1, max + (max - min) * 0.1)
        };
        let n = labels.len().max(2) as f64;
        let x = move |i: usize| PAD + (W - 2.0 * PAD) * i as f64 / (n - 1.0);
        let y = move |v: f64| H - PAD - (H - 2.0 * PAD) * (v - lo) / (hi - lo);
        let l = lang.get();
        let lines = series
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let points = s
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| format!("{:.1},{:.1}", x(i), y(p.as_decimal().to_f64().unwrap_or(0.0))))
                    .collect::<Vec<_>>()
                    .join(" ");
                let dots = s
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| view! {
                        <circle class=format!("dot s{}", k % 6) cx=format!("{:.1}", x(i)) cy=format!("{:.1}", y(p.as_decimal().to_f64().unwrap_or(0.0))) r="3">
                            <title>{format!("{} — {} : {}", s.label, labels.get(i).cloned().unwrap_or_default(), p.format(l))}</title>
                        </circle>
                    })
                    .collect_view();
                view! { <g><polyline class=format!("line s{}", k % 6) points=points /> {dots}</g> }
            })
            .collect_view();
        let ticks = labels
            .iter()
            .enumerate()
            .map(|(i, t)| view! { <text class="bar-label" x=format!("{:.1}", x(i)) y=format!("{:.1}", H - 8.0) text-anchor="middle">{t.clone()}</text> })
            .collect_view();
        view! { {lines} {ticks} }
    };
    let legend = move || {
        series
            .get()
            .iter()
            .enumerate()
            .map(|(k, s)| view! { <li><span class=format!("swatch line-s{}", k % 6) aria-hidden="true"></span>{s.label.clone()}</li> })
            .collect_view()
    };
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=move || title.get() data-testid=testid>
                <line class="axis" x1=PAD.to_string() x2=(W - PAD).to_string() y1=(H - PAD).to_string() y2=(H - PAD).to_string() />
                {body}
            </svg>
            <ul class="legend">{legend}</ul>
        </figure>
    }
}
