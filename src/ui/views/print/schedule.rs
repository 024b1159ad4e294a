//! Section 3 of the proposal: the invoicing schedule, year by year.

use leptos::prelude::*;

use crate::engine::lang::Lang;
use crate::ui::format::date;
use crate::ui::state::use_state;

#[component]
pub fn ProposalSchedule(doc: RwSignal<Lang>) -> impl IntoView {
    let state = use_state();
    let priced = state.priced;
    move || {
        let l = doc.get();
        priced.with(|p| {
            let p = p.as_ref()?;
            let rows = p.years.iter().map(|y| view! {
                <tr>
                    <td>{format!("{} {} ({} – {})", l.pick("Année", "Year"), y.year, date(y.from, l), date(y.to.pred_opt().unwrap_or(y.to), l))}</td>
                    <td class="num">{y.one_time.format(l)}</td>
                    <td class="num">{y.recurring.format(l)}</td>
                    <td class="num">{y.total.format(l)}</td>
                </tr>
            }).collect_view();
            Some(view! {
                <section data-testid="proposal-schedule">
                    <h2>{l.pick("3. Échéancier de facturation", "3. Invoicing schedule")}</h2>
                    <p>{l.pick(
                        "Les charges récurrentes sont facturées au début de chaque mois (au prorata pour un mois partiel) ; le build selon ses échéances (§9.8).",
                        "Recurring charges are invoiced at the start of each month (pro rata for a partial month); the build by its instalments (§9.8).",
                    )}</p>
                    <table class="doc">
                        <thead><tr>
                            <th>{l.pick("Période", "Period")}</th><th class="num">{l.pick("Uniques", "One-time")}</th>
                            <th class="num">{l.pick("Récurrents", "Recurring")}</th><th class="num">{l.pick("Total HT", "Total excl. VAT")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </section>
            })
        })
    }
}
