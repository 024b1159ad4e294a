//! A stacked bar chart in SVG: one bar per period, one segment per category.
//! Amounts stay decimal; only pixel positions are computed in floating point.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::lang::Lang;
use crate::engine::money::Money;
use crate::engine::pricing::Category;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<(Category, Money)>,
    pub total: Money,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 8.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 24.0;

#[component]
pub fn StackedBars(
    bars: Signal<Vec<Bar>>,
    lang: RwSignal<Lang>,
    #[prop(into)] title: Signal<String>,
) -> impl IntoView {
    let chart = move || {
        let bars = bars.get();
        let lang = lang.get();
        let max = bars
            .iter()
            .map(|b| b.total.as_decimal().to_f64().unwrap_or(0.0))
            .fold(0.0_f64, f64::max)
            .max(1.0);
        let n = bars.len().max(1) as f64;
        let slot = (WIDTH - LEFT) / n;
        let bar_w = (slot * 0.6).min(90.0);
        let plot_h = HEIGHT - BOTTOM - TOP;
        bars.iter()
            .enumerate()
            .map(|(i, bar)| {
                let x = LEFT + slot * i as f64 + (slot - bar_w) / 2.0;
                let mut y = HEIGHT - BOTTOM;
                let rects = bar
                    .segments
                    .iter()
                    .filter(|(_, m)| !m.is_zero())
                    .map(|(cat, m)| {
                        let h = m.as_decimal().to_f64().unwrap_or(0.0) / max * plot_h;
                        y -= h;
                        view! {
                            <rect
                                class=format!("seg cat-{}", cat.key())
                                x=format!("{x:.1}")
                                y=format!("{y:.1}")
                                width=format!("{bar_w:.1}")
                                height=format!("{h:.1}")
                            >
                                <title>{format!("{} — {} : {}", bar.label, cat.label(lang), m.format(lang))}</title>
                            </rect>
                        }
                    })
                    .collect_view();
                let cx = x + bar_w / 2.0;
                view! {
                    <g data-testid="chart-bar">
                        {rects}
                        <text class="bar-total" x=format!("{cx:.1}") y=format!("{:.1}", y - 6.0) text-anchor="middle">
                            {bar.total.format(lang)}
                        </text>
                        <text class="bar-label" x=format!("{cx:.1}") y=format!("{:.1}", HEIGHT - BOTTOM + 18.0) text-anchor="middle">
                            {bar.label.clone()}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };
    let legend = move || {
        let lang = lang.get();
        let bars = bars.get();
        Category::ALL
            .into_iter()
            .filter(|c| bars.iter().any(|b| b.segments.iter().any(|(k, m)| k == c && !m.is_zero())))
            .map(|c| {
                view! {
                    <li><span class=format!("swatch cat-{}", c.key()) aria-hidden="true"></span>{c.label(lang)}</li>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-label=move || title.get()
                data-testid="year-chart"
            >
                <line class="axis" x1="0" x2=WIDTH.to_string() y1=(HEIGHT - BOTTOM).to_string() y2=(HEIGHT - BOTTOM).to_string() />
                {chart}
            </svg>
            <ul class="legend">{legend}</ul>
        </figure>
    }
}
