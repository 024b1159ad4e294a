//! SPEC §15: per scenario, the provider's price and the client's estimated
//! effort stacked, in SVG. Amounts stay decimal; only pixel positions are
//! computed in floating point.

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::money::Money;
use crate::engine::scenarios::comparison::Comparison;
use crate::ui::state::use_state;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 24.0;

fn px(m: Money) -> f64 {
    m.as_decimal().to_f64().unwrap_or(0.0)
}

#[component]
pub fn EffortChart(comparison: Memo<Comparison>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let bars = move || {
        let l = lang.get();
        comparison.with(|c| {
            let parts: Vec<(String, Money, Money)> = c
                .outcomes
                .iter()
                .filter_map(|o| {
                    let p = o.priced.as_ref().ok()?;
                    let e = o.effort.as_ref().map(|e| e.cost).unwrap_or(Money::ZERO);
                    Some((o.scenario.title(l), p.commitment_total, e))
                })
                .collect();
            let max = parts
                .iter()
                .map(|(_, p, e)| px(*p) + px(*e))
                .fold(1.0_f64, f64::max);
            let slot = WIDTH / parts.len().max(1) as f64;
            let bar_w = (slot * 0.6).min(90.0);
            let plot_h = HEIGHT - BOTTOM - TOP;
            parts
                .into_iter()
                .enumerate()
                .map(|(i, (label, provider, client))| {
                    let x = slot * i as f64 + (slot - bar_w) / 2.0;
                    let hp = px(provider) / max * plot_h;
                    let hc = px(client) / max * plot_h;
                    let yp = HEIGHT - BOTTOM - hp;
                    let yc = yp - hc;
                    let cx = x + bar_w / 2.0;
                    let all_in = provider.checked_add(client).unwrap_or(provider);
                    let provider_title = format!("{label} — {} : {}", l.pick("prestataire", "provider"), provider.format(l));
                    let client_title = format!("{label} — {} : {}", l.pick("effort du client (estimation)", "client's effort (estimate)"), client.format(l));
                    view! {
                        <g data-testid="effort-bar">
                            <rect class="seg part-provider" x=format!("{x:.1}") y=format!("{yp:.1}") width=format!("{bar_w:.1}") height=format!("{hp:.1}")>
                                <title>{provider_title}</title>
                            </rect>
                            <rect class="seg part-client" x=format!("{x:.1}") y=format!("{yc:.1}") width=format!("{bar_w:.1}") height=format!("{hc:.1}")>
                                <title>{client_title}</title>
                            </rect>
                            <text class="bar-total" x=format!("{cx:.1}") y=format!("{:.1}", yc - 6.0) text-anchor="middle">{all_in.format(l)}</text>
                            <text class="bar-label" x=format!("{cx:.1}") y=format!("{:.1}", HEIGHT - BOTTOM + 18.0) text-anchor="middle">{label}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let title = move || {
        lang.get().pick(
            "Prix du prestataire et effort estimé du client par scénario",
            "Provider's price and client's estimated effort per scenario",
        )
    };
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=title data-testid="effort-chart">
                <line class="axis" x1="0" x2=WIDTH.to_string() y1=(HEIGHT - BOTTOM).to_string() y2=(HEIGHT - BOTTOM).to_string() />
                {bars}
            </svg>
            <ul class="legend">
                <li><span class="swatch part-provider" aria-hidden="true"></span>{move || lang.get().pick("Prix du prestataire", "Provider's price")}</li>
                <li><span class="swatch part-client" aria-hidden="true"></span>{move || lang.get().pick("Effort du client (estimation, non facturé)", "Client's effort (estimate, not invoiced)")}</li>
            </ul>
        </figure>
    }
}
