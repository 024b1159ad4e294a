//! What leaving early owes (§5.3, §5.5, §9.4), as a table: the finance tab
//! and the printable proposal show the same one.

use leptos::prelude::*;

use crate::engine::contract_life::exit_cost::{ExitCost, YearStatus};
use crate::engine::lang::Lang;
use crate::ui::format::date;
use crate::ui::widgets::th::Th;

#[component]
pub fn ExitTable(exit: ExitCost, lang: Lang) -> impl IntoView {
    let l = lang;
    let support_rows = exit
        .support_owed
        .iter()
        .map(|s| {
            view! {
                <tr>
                    <td>{format!(
                        "{} {} {} {} {} (§5.3)",
                        l.pick("Support", "Support"),
                        s.environment.label(l),
                        s.level.label(l),
                        l.pick("engagé jusqu'au", "committed until"),
                        date(s.committed_until, l)
                    )}</td>
                    <td class="num">{s.amount.format(l)}</td>
                </tr>
            }
        })
        .collect_view();
    let years = exit
        .years
        .iter()
        .map(|y| {
            let status = match y.status {
                YearStatus::InProgress => l.pick("en cours", "in progress"),
                YearStatus::NotRun => l.pick("non courue", "not run"),
            };
            view! {
                <tr data-testid="exit-year">
                    <th scope="row">{format!("{} {} ({status})", l.pick("Année", "Year"), y.year)}</th>
                    <td class="num">{y.annual_mrg.format(l)}</td>
                    <td class="num">{y.billed.format(l)}</td>
                    <td class="num">{y.owed.format(l)}</td>
                    <td class="num">{y.carry_in.format(l)}</td>
                    <td class="num" data-testid="exit-year-shortfall">{y.shortfall.format(l)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="lines" data-testid="exit-table">
            <tbody>
                <tr>
                    <td>{format!("{} {}", l.pick("Déjà facturé avant le", "Already billed before"), date(exit.terminates_on, l))}</td>
                    <td class="num" data-testid="exit-billed">{exit.billed_to_date.format(l)}</td>
                </tr>
                <tr>
                    <td>{l.pick("Packs de jetons jusqu'au terme (§5.5)", "Token packs to the end (§5.5)")}</td>
                    <td class="num" data-testid="exit-packs">{exit.packs.format(l)}</td>
                </tr>
                {support_rows}
                <tr>
                    <td>{l.pick("Différentiels de MRG (§9.4)", "MRG différentiels (§9.4)")}</td>
                    <td class="num" data-testid="exit-mrg">{exit.mrg_shortfall.format(l)}</td>
                </tr>
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row">{l.pick("Coût de sortie (encore dû)", "Exit cost (still owed)")}</th>
                    <td class="num" data-testid="exit-total">{exit.total.format(l)}</td>
                </tr>
            </tfoot>
        </table>
        <table class="lines" data-testid="exit-years">
            <thead><tr>
                <Th fr="Année de run" en="Run year" />
                <Th fr="MRG annuel" en="Annual MRG" num=true />
                <Th fr="Facturé avant" en="Billed before" num=true />
                <Th fr="Dû (packs, support)" en="Owed (packs, support)" num=true />
                <Th fr="Report" en="Carry-in" num=true />
                <Th fr="Différentiel" en="Différentiel" num=true />
            </tr></thead>
            <tbody>{years}</tbody>
        </table>
    }
}
