//! §9.4: the minimum guaranteed revenue: rate, G, and the yearly true-up.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::mrg_chart::MrgChart;
use super::mrg_summary::MrgSummary;
use super::scope_changes::ScopeChanges;
use super::scope_table::ScopeTable;
use crate::engine::money::{parse_decimal, Money};
use crate::ui::format::date;
use crate::ui::i18n::FieldError;
use crate::ui::state::use_state;
use crate::ui::widgets::parsed_input::ParsedInput;
use crate::ui::widgets::th::Th;

#[component]
pub fn Mrg() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let quote = state.quote;
    let terms = quote.with_untracked(|q| q.mrg.clone());
    let rows = move || {
        let l = lang.get();
        state.mrg.with(|m| {
            m.as_ref().map(|m| {
                m.years
                    .iter()
                    .enumerate()
                    .map(|(i, y)| {
                        let initial = quote.with_untracked(|q| q.mrg.billed_override.get(i).copied().flatten().map(|b| b.as_decimal().to_string()).unwrap_or_default());
                        view! {
                            <tr data-testid="mrg-row" class:shortfall=!y.shortfall.is_zero()>
                                <th scope="row">{format!("{} ({} → {})", y.year, date(y.from, l), date(y.to, l))}</th>
                                <td class="num" data-testid="mrg-annual">{y.annual_mrg.format(l)}</td>
                                <td class="num">
                                    <ParsedInput id=format!("mrg-billed-{i}") testid="mrg-billed" class="qty-input" initial=initial
                                        label=format!("{} {}", l.pick("Facturé, année", "Billed, year"), y.year)
                                        parse=move |t: &str| if t.trim().is_empty() { Ok(None) } else { Money::parse(t, lang.get_untracked()).map(Some).map_err(FieldError::Number) }
                                        on_valid=move |b| quote.update(|q| {
                                            if q.mrg.billed_override.len() <= i { q.mrg.billed_override.resize(i + 1, None); }
                                            q.mrg.billed_override[i] = b;
                                        }) />
                                    <div class="line-detail" data-testid="mrg-forecast">{if y.overridden { l.pick("simulé", "simulated") } else { l.pick("prévision de l'échéancier", "schedule forecast") }} " " {y.billed.format(l)}{if y.provisional { " *" } else { "" }}</div>
                                    {(!y.credits.is_zero()).then(|| view! {
                                        <div class="line-detail" data-testid="mrg-credits">{format!("{} −{} (§8.2)", l.pick("dont avoir SLA", "of which SLA credit"), y.credits.format(l))}</div>
                                    })}
                                </td>
                                <td class="num">{y.carry_in.format(l)}</td>
                                <td class="num">{format!("{} ({} %)", y.attainment.format(l), y.attainment_percent)}</td>
                                <td class="num" data-testid="mrg-shortfall">{y.shortfall.format(l)}{(!y.shortfall.is_zero()).then(|| view! { <div class="line-detail">{format!("{} {}", l.pick("à régler avant le", "due by"), date(y.shortfall_due, l))}</div> })}</td>
                                <td class="num" data-testid="mrg-carry-out">{y.carry_out.format(l)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="mrg-title">
            <h2 id="mrg-title">{move || lang.get().pick("Minimum de revenu garanti (§9.4)", "Minimum guaranteed revenue (§9.4)")}</h2>
            <div class="grid-3">
                <div class="field">
                    <label for="mrg-rate">{move || lang.get().pick("Taux garanti (%)", "Guaranteed rate (%)")}</label>
                    <ParsedInput id="mrg-rate" testid="mrg-rate" initial=terms.rate_percent.to_string()
                        parse=move |t: &str| parse_decimal(t, lang.get_untracked()).map_err(FieldError::Number).and_then(|r| if r >= Decimal::ZERO && r <= Decimal::ONE_HUNDRED { Ok(r) } else { Err(FieldError::Number(crate::engine::money::NumberError::TooLarge(t.to_owned()))) })
                        on_valid=move |r| quote.update(|q| q.mrg.rate_percent = r) />
                </div>
                <div class="field">
                    <label for="mrg-g-input">{move || lang.get().pick("G imposé (vide = revenu de RUN du contrat initial)", "G override (empty = the initial contract's run revenue)")}</label>
                    <ParsedInput id="mrg-g-input" testid="mrg-g-input" initial=terms.global_revenue.map(|g| g.as_decimal().to_string()).unwrap_or_default()
                        parse=move |t: &str| if t.trim().is_empty() { Ok(None) } else { Money::parse(t, lang.get_untracked()).map(Some).map_err(FieldError::Number) }
                        on_valid=move |g| quote.update(|q| q.mrg.global_revenue = g) />
                </div>
            </div>
            <MrgSummary />
            <table class="lines" data-testid="mrg-table">
                <thead><tr>
                    <Th fr="Année de RUN" en="Run year" />
                    <Th fr="MRG annuel" en="Annual MRG" num=true />
                    <Th fr="Facturé (simuler)" en="Billed (simulate)" num=true />
                    <Th fr="Report entrant" en="Carry-in" num=true />
                    <Th fr="Atteint" en="Attained" num=true />
                    <Th fr="Différentiel" en="Shortfall" num=true />
                    <Th fr="Report sortant" en="Carry-out" num=true />
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <MrgChart />
            <ScopeTable />
            <ScopeChanges />
        </section>
    }
}
