//! §9.4: the figures of the MRG risk's draws, per run year and in total,
//! beside the deterministic table's.

use leptos::prelude::*;

use crate::engine::contract_life::risk::{RiskFigures, RiskReport};
use crate::engine::lang::Lang;
use crate::ui::format::{date, decimal};
use crate::ui::state::use_state;
use crate::ui::widgets::th::Th;

/// The cells of one row of figures.
fn cells(f: &RiskFigures, l: Lang) -> impl IntoView {
    let pct = |d| format!("{} %", decimal(d, l));
    let a = &f.attainment;
    view! {
        <td class="num">{f.annual_mrg.format(l)}</td>
        <td class="num" data-testid="risk-planned-shortfall">{f.planned_shortfall.format(l)}</td>
        <td class="num" data-testid="risk-probability">{pct(f.shortfall_probability_percent)}</td>
        <td class="num" data-testid="risk-expected">{f.expected_shortfall.format(l)}</td>
        <td class="num nowrap">
            <span data-testid="risk-p5">{pct(a.p5)}</span>" · "
            <span data-testid="risk-p50">{pct(a.p50)}</span>" · "
            <span data-testid="risk-p95">{pct(a.p95)}</span>
        </td>
    }
}

#[component]
pub fn RiskResults(report: Signal<Option<RiskReport>>) -> impl IntoView {
    let lang = use_state().lang;
    let rows = move || {
        let l = lang.get();
        report.with(|r| {
            r.as_ref().map(|r| {
                let years = r
                    .years
                    .iter()
                    .map(|y| {
                        let dates = format!("{} → {}", date(y.from, l), date(y.to, l));
                        let simulated = y.overridden.then(|| view! { <div class="line-detail">{l.pick("facturé simulé, fixe", "billed simulated, fixed")}</div> });
                        view! {
                            <tr data-testid="risk-row">
                                <th scope="row">{y.year}<div class="line-detail nowrap">{dates}</div>{simulated}</th>
                                {cells(&y.figures, l)}
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    {years}
                    <tr data-testid="risk-total" class="total-row">
                        <th scope="row">{l.pick("Total du RUN", "Whole run")}</th>
                        {cells(&r.total, l)}
                    </tr>
                }
            })
        })
    };
    view! {
        <div class="scroll">
            <table class="lines risk-table" data-testid="risk-table">
                <thead><tr>
                    <Th fr="Année de RUN" en="Run year" />
                    <Th fr="MRG annuel" en="Annual MRG" num=true />
                    <Th fr="Différentiel du tableau" en="Table's shortfall" num=true />
                    <Th fr="Probabilité de différentiel" en="Shortfall probability" num=true />
                    <Th fr="Différentiel espéré" en="Expected shortfall" num=true />
                    <Th fr="Atteinte P5 · P50 · P95" en="Attainment P5 · P50 · P95" num=true />
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
