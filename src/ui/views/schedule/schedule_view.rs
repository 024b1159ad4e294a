//! The invoicing schedule: per-year stacked bars, the years, and the months
//! by category.

use leptos::prelude::*;

use super::months_table::MonthsTable;
use crate::ui::format::date;
use crate::ui::state::use_state;
use crate::ui::widgets::hint::Hint;
use crate::ui::widgets::stacked_bars::{Bar, StackedBars};
use crate::ui::widgets::th::Th;

#[component]
pub fn ScheduleView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang;
    let bars = Signal::derive(move || {
        state.priced.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.years
                        .iter()
                        .map(|y| Bar {
                            label: format!("{} {}", lang.get().pick("Année", "Year"), y.year),
                            segments: y.by_category.iter().map(|(c, m)| (*c, *m)).collect(),
                            total: y.total,
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let title = Signal::derive(move || {
        lang.get()
            .pick(
                "Montants par année de contrat et par catégorie",
                "Amounts per contract year and category",
            )
            .to_owned()
    });
    let years =
        move || {
            state.priced.with(|p| {
                let l = lang.get();
                p.as_ref().map(|p| {
                    p.years
                    .iter()
                    .map(|y| view! {
                        <tr data-testid="year-row">
                            <th scope="row">{y.year}</th>
                            <td>{format!("{} → {}", date(y.from, l), date(y.to, l))}</td>
                            <td class="num">{y.one_time.format(l)}</td>
                            <td class="num">{y.recurring.format(l)}</td>
                            <td class="num" data-testid="year-total">{y.total.format(l)}</td>
                        </tr>
                    })
                    .collect_view()
                })
            })
        };
    view! {
        <section class="card" aria-labelledby="years-title">
            <h2 id="years-title">{move || lang.get().pick("Par année de contrat", "Per contract year")}</h2>
            <StackedBars bars lang title />
            <table class="lines" data-testid="years">
                <thead><tr>
                    <Th fr="Année" en="Year" />
                    <Th fr="Période" en="Period" />
                    <Th fr="Frais uniques" en="One-time" num=true />
                    <Th fr="Récurrent" en="Recurring" num=true />
                    <Th fr="Total" en="Total" num=true />
                </tr></thead>
                <tbody>{years}</tbody>
            </table>
        </section>
        <section class="card" aria-labelledby="months-title">
            <h2 id="months-title">{move || lang.get().pick("Échéancier mensuel (HT)", "Monthly schedule (excl. VAT)")}</h2>
            <Hint fr="Récurrent facturé au début de chaque mois (prorata temporis les mois incomplets, §7) ; build aux échéances (§9.8.1) ; dépassement de tickets à chaque bilan ; complément jusqu'au minimum mensuel (§9.2)." en="Recurring charges billed at the start of each month (pro rata in partial months, §7); build at its instalments (§9.8.1); ticket overage at each review; a complement up to the monthly minimum (§9.2)." />
            <MonthsTable />
        </section>
    }
}
